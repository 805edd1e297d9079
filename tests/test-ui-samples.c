/* SPDX-License-Identifier: MIT */
/*
 * The samples view: files dropped on a row or on the table land in the
 * right slots (or are refused with nothing written), a slot dropped on
 * another moves after a confirmation, and the tables look right.
 */
#include <adwaita.h>
#include <string.h>

#include <glib/gstdio.h>

#include "octa.h"
#include "octa-codec.h"
#include "octa-samples-view.h"
#include "octa-test-gtk-utils.h"
#include "octa-test-utils.h"

typedef struct
{
  char            *tmpdir;
  char            *src;
  OctaProject     *project;
  GtkWidget       *window;
  OctaSamplesView *view;
} Fixture;

static GFile *
write_wav (const char *dir,
           const char *name,
           guint       frames,
           guint16     channels,
           guint       rate,
           guint16     bits)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GBytes) bytes = octa_test_make_wav (frames, channels, rate, bits, FALSE, 0);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  octa_test_write_file (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  return g_file_new_for_path (path);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *folder = NULL;
  g_autoptr(OctaProjectFiles) files = octa_project_files_new_blank ("SAMPLES");
  g_autoptr(GFile) location = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *overlay;

  f->tmpdir = octa_test_make_tmpdir ();
  f->src = g_build_filename (f->tmpdir, "src", NULL);
  folder = g_build_filename (f->tmpdir, "SET", "SAMPLES", NULL);
  g_assert_true (octa_project_files_write_dir (files, folder, &error));
  g_assert_no_error (error);
  location = g_file_new_for_path (folder);
  f->project = octa_project_load (location, NULL, &error);
  g_assert_no_error (error);

  f->window = gtk_window_new ();
  overlay = adw_toast_overlay_new ();
  f->view = OCTA_SAMPLES_VIEW (octa_samples_view_new ());
  octa_samples_view_set_project (f->view, f->project);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (f->view));
  gtk_window_set_child (GTK_WINDOW (f->window), overlay);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 1000);
  gtk_window_present (GTK_WINDOW (f->window));
  octa_test_gtk_wait_for_draw (GTK_WIDGET (f->view));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  octa_test_gtk_flush ();
  g_assert_finalize_object (f->project);
  octa_test_rm_rf (f->tmpdir);
  g_free (f->tmpdir);
  g_free (f->src);
}

static GtkWidget *
column_view (Fixture *f)
{
  return octa_samples_view_get_column_view (f->view);
}

/* The cell box of slot @number in column @column (0 = #), if realized. */
static GtkWidget *
find_cell (GtkWidget *root,
           guint      number,
           guint      column,
           guint     *seen)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GObject *row = g_object_get_data (G_OBJECT (child), "octa-row");
      GtkWidget *found;

      if (row != NULL)
        {
          guint n;

          g_object_get (row, "number", &n, NULL);
          if (n == number && (*seen)++ == column)
            return child;
          continue;
        }
      found = find_cell (child, number, column, seen);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
cell (Fixture *f,
      guint    number,
      guint    column)
{
  guint seen = 0;
  GtkWidget *found;

  octa_test_gtk_flush ();
  found = find_cell (column_view (f), number, column, &seen);
  g_assert_nonnull (found);
  return found;
}

static const char *
cell_text (GtkWidget *box)
{
  GtkWidget *last = gtk_widget_get_last_child (box);

  /* The Used by cell ends with its Locate… link. */
  if (GTK_IS_LABEL (last))
    last = gtk_widget_get_prev_sibling (last);
  g_assert_true (GTK_IS_INSCRIPTION (last));
  return gtk_inscription_get_text (GTK_INSCRIPTION (last));
}

static GtkDropTarget *
drop_target (Fixture *f)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (column_view (f));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) c = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (c))
        return GTK_DROP_TARGET (c);
    }
  g_assert_not_reached ();
  return NULL;
}

static gboolean
emit_drop (Fixture      *f,
           const GValue *value,
           GtkWidget    *onto)
{
  double x = 40, y = 8;
  gboolean handled = FALSE;

  /* Onto a row's cell, or onto the column headers when @onto is NULL. */
  if (onto != NULL)
    g_assert_true (gtk_widget_translate_coordinates (onto, column_view (f),
                                                     gtk_widget_get_width (onto) / 2.0,
                                                     gtk_widget_get_height (onto) / 2.0, &x, &y));
  g_signal_emit_by_name (drop_target (f), "drop", value, x, y, &handled);
  octa_test_gtk_flush ();
  return handled;
}

static gboolean
drop_files (Fixture    *f,
            GFile     **files,
            guint       n,
            GtkWidget  *onto)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_array (files, n));
  return emit_drop (f, &value, onto);
}

static char *
slot_path (Fixture      *f,
           OctaSlotKind  kind,
           guint         number)
{
  g_autoptr(OctaSampleSlot) slot = octa_project_get_sample_slot (f->project, kind, number);

  return octa_sample_slot_dup_path (slot);
}

static GBytes *
project_bytes (OctaProject *project)
{
  GByteArray *all = g_byte_array_new ();

  for (guint i = 0; i < 18; i++)
    {
      g_autofree char *name = i == 0 ? g_strdup ("project.work")
                              : i == 1 ? g_strdup ("markers.work")
                              : g_strdup_printf ("bank%02u.work", i - 1);
      g_autoptr(GBytes) b = octa_project_encode_file (project, name);

      g_byte_array_append (all, g_bytes_get_data (b, NULL), g_bytes_get_size (b));
    }
  return g_byte_array_free_to_bytes (all);
}

static gint
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

static void
list_dir (const char *dir,
          GString    *out)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_build_filename (dir, name, NULL));
  g_ptr_array_sort (names, compare_paths);
  for (guint i = 0; i < names->len; i++)
    {
      g_string_append_printf (out, "%s\n", (char *) names->pdata[i]);
      if (g_file_test (names->pdata[i], G_FILE_TEST_IS_DIR))
        list_dir (names->pdata[i], out);
    }
}

static char *
listing (Fixture *f)
{
  g_autofree char *set = g_build_filename (f->tmpdir, "SET", NULL);
  GString *out = g_string_new (NULL);

  list_dir (set, out);
  return g_string_free (out, FALSE);
}

static void
test_drop_files (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GFile) a = write_wav (f->src, "kick.wav", 22050, 1, 44100, 16);
  g_autoptr(GFile) b = write_wav (f->src, "pad24.wav", 44100, 2, 44100, 24);
  g_autoptr(GFile) c = write_wav (f->src, "hat.wav", 4410, 1, 44100, 16);
  g_autoptr(GFile) hi = write_wav (f->src, "vox_48k.wav", 4800, 1, 48000, 16);
  g_autoptr(GFile) low = write_wav (f->src, "lofi8.wav", 4410, 1, 44100, 8);
  g_autofree char *junk_path = g_build_filename (f->src, "notes.txt", NULL);
  g_autoptr(GFile) junk = g_file_new_for_path (junk_path);
  GFile *two[] = { a, b };
  GFile *one[] = { c };
  GFile *bad[] = { c, hi, low, junk };
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *list_before = NULL;
  g_autofree char *list_after = NULL;
  const char *refusal;

  octa_test_write_file (junk_path, "no audio in here", 16);

  /* Onto row 005: kick there, pad24 in the next free slot, 006. */
  g_assert_true (drop_files (f, two, 2, cell (f, 5, 1)));
  {
    g_autofree char *p5 = slot_path (f, OCTA_SLOT_KIND_FLEX, 5);
    g_autofree char *p6 = slot_path (f, OCTA_SLOT_KIND_FLEX, 6);
    g_autofree char *copy = g_build_filename (f->tmpdir, "SET", "SAMPLES", "pad24.wav", NULL);

    g_assert_cmpstr (p5, ==, "kick.wav");
    g_assert_cmpstr (p6, ==, "pad24.wav");
    g_assert_true (g_file_test (copy, G_FILE_TEST_IS_REGULAR));
  }
  g_assert_null (octa_samples_view_get_refusal (f->view));
  /* The table shows them once the project tells it. */
  octa_test_gtk_wait_for_draw (GTK_WIDGET (f->view));
  g_assert_cmpstr (cell_text (cell (f, 5, 1)), ==, "kick.wav");
  g_assert_cmpstr (cell_text (cell (f, 6, 1)), ==, "pad24.wav");
  g_assert_cmpstr (cell_text (cell (f, 6, 2)), ==, "OK");
  g_assert_cmpstr (cell_text (cell (f, 6, 3)), ==, "1.00 s");
  g_assert_cmpstr (cell_text (cell (f, 6, 5)), ==, "S");
  g_assert_cmpstr (cell_text (cell (f, 4, 1)), ==, "— drop audio here —");

  /* Onto the table (the headers): the first free slot, 001. */
  g_assert_true (drop_files (f, one, 1, NULL));
  {
    g_autofree char *p1 = slot_path (f, OCTA_SLOT_KIND_FLEX, 1);

    g_assert_cmpstr (p1, ==, "hat.wav");
  }

  /* 48 kHz, 8-bit and text among a good file: all refused, each named. */
  before = project_bytes (f->project);
  list_before = listing (f);
  g_assert_true (drop_files (f, bad, 4, cell (f, 10, 1)));
  refusal = octa_samples_view_get_refusal (f->view);
  g_assert_nonnull (refusal);
  g_assert_nonnull (strstr (refusal, "vox_48k.wav: 48 kHz — the Octatrack plays 44.1 kHz"));
  g_assert_nonnull (strstr (refusal, "lofi8.wav: 8-bit"));
  g_assert_nonnull (strstr (refusal, "notes.txt: "));
  g_assert_nonnull (strstr (refusal, "Nothing was written."));
  g_assert_null (strstr (refusal, "hat.wav"));
  after = project_bytes (f->project);
  list_after = listing (f);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpstr (list_before, ==, list_after);
  {
    g_autofree char *p10 = slot_path (f, OCTA_SLOT_KIND_FLEX, 10);

    g_assert_cmpstr (p10, ==, "");
  }
}

static void
test_move (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GFile) a = write_wav (f->src, "kick.wav", 22050, 1, 44100, 16);
  g_autoptr(GError) error = NULL;
  g_autoptr(OctaSampleSlot) slot = NULL;
  g_autoptr(GPtrArray) refs = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GdkContentProvider) provider = NULL;
  GtkDragSource *source = NULL;
  AdwMessageDialog *dialog;
  GFile *files[] = { a };
  g_autofree char *expect_body = NULL;

  g_assert_cmpuint (octa_project_import_samples (f->project, OCTA_SLOT_KIND_FLEX, 3, files, 1,
                                                 OCTA_SAMPLE_POOL_MODE_COPY_TO_PROJECT,
                                                 &error), ==, 3);
  g_assert_no_error (error);
  octa_test_gtk_wait_for_draw (GTK_WIDGET (f->view));
  refs = octa_project_find_slot_references (f->project, OCTA_SLOT_KIND_FLEX, 3);

  /* The row is a drag source carrying the slot. */
  {
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (cell (f, 3, 1));

    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GObject) c = g_list_model_get_item (controllers, i);

        if (GTK_IS_DRAG_SOURCE (c))
          source = GTK_DRAG_SOURCE (c);
      }
  }
  g_assert_nonnull (source);
  g_signal_emit_by_name (source, "prepare", 5.0, 5.0, &provider);
  g_assert_nonnull (provider);
  g_value_init (&value, OCTA_TYPE_SAMPLE_SLOT);
  g_assert_true (gdk_content_provider_get_value (provider, &value, &error));
  g_assert_no_error (error);
  slot = g_value_dup_object (&value);
  g_assert_cmpuint (octa_sample_slot_get_number (slot), ==, 3);

  /* Dropped on row 015: a confirmation first, nothing moved yet. */
  g_assert_true (emit_drop (f, &value, cell (f, 15, 2)));
  dialog = ADW_MESSAGE_DIALOG (octa_test_gtk_find_transient (GTK_WINDOW (f->window),
                                                             ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Move Flex 003 to Flex 015?");
  if (refs->len == 0)
    expect_body = g_strdup ("Nothing plays it yet, so no reference changes.");
  else
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "will follow."));
  if (expect_body != NULL)
    g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, expect_body);
  {
    g_autofree char *p12 = slot_path (f, OCTA_SLOT_KIND_FLEX, 3);

    g_assert_cmpstr (p12, ==, "kick.wav");
  }

  adw_message_dialog_response (dialog, "move");
  octa_test_gtk_flush ();
  {
    g_autofree char *p12 = slot_path (f, OCTA_SLOT_KIND_FLEX, 3);
    g_autofree char *p30 = slot_path (f, OCTA_SLOT_KIND_FLEX, 15);

    g_assert_cmpstr (p12, ==, "");
    g_assert_cmpstr (p30, ==, "kick.wav");
  }
  octa_test_gtk_wait_for_draw (GTK_WIDGET (f->view));
  g_assert_cmpstr (cell_text (cell (f, 15, 1)), ==, "kick.wav");
  g_assert_cmpstr (cell_text (cell (f, 3, 1)), ==, "— drop audio here —");

  /* One undo step. */
  g_assert_true (octa_project_undo (f->project));
  {
    g_autofree char *p12 = slot_path (f, OCTA_SLOT_KIND_FLEX, 3);

    g_assert_cmpstr (p12, ==, "kick.wav");
  }

  /* Cancel leaves everything. */
  octa_test_gtk_wait_for_draw (GTK_WIDGET (f->view));
  g_assert_true (emit_drop (f, &value, cell (f, 14, 2)));
  dialog = ADW_MESSAGE_DIALOG (octa_test_gtk_find_transient (GTK_WINDOW (f->window),
                                                             ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  octa_test_gtk_flush ();
  {
    g_autofree char *p12 = slot_path (f, OCTA_SLOT_KIND_FLEX, 3);
    g_autofree char *p20 = slot_path (f, OCTA_SLOT_KIND_FLEX, 14);

    g_assert_cmpstr (p12, ==, "kick.wav");
    g_assert_cmpstr (p20, ==, "");
  }
}

static char *
project_text (OctaProject *project)
{
  g_autoptr(GBytes) bytes = octa_project_encode_file (project, "project.work");
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  return g_strndup (data, len);
}

/* The details pane edits the selected slot, one undo step per change. */
static void
test_details (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GFile) a = write_wav (f->src, "kick.wav", 22050, 1, 44100, 16);
  g_autoptr(GError) error = NULL;
  g_autoptr(OctaSampleSlot) slot = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GFile *files[] = { a };
  GtkSelectionModel *model;
  GtkWidget *attributes, *gain, *loop;
  guint n_undo;

  g_assert_cmpuint (octa_project_import_samples (f->project, OCTA_SLOT_KIND_FLEX, 2, files, 1,
                                                 OCTA_SAMPLE_POOL_MODE_COPY_TO_PROJECT,
                                                 &error), ==, 2);
  octa_test_gtk_wait_for_draw (GTK_WIDGET (f->view));
  slot = octa_project_get_sample_slot (f->project, OCTA_SLOT_KIND_FLEX, 2);
  model = gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view (f)));
  g_assert_true (gtk_selection_model_select_item (model, 1, TRUE));
  octa_test_gtk_flush ();

  /* the attributes pane, below the waveform and its marker controls */
  attributes = octa_test_gtk_find (GTK_WIDGET (f->view), GTK_TYPE_FLOW_BOX, 0);
  g_assert_nonnull (attributes);
  gain = octa_test_gtk_find (attributes, GTK_TYPE_SPIN_BUTTON, 0);
  g_assert_nonnull (gain);
  g_assert_true (gtk_widget_is_sensitive (gain));
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (gain)), ==, 0.0);
  before = project_text (f->project);
  g_assert_nonnull (strstr (before, "GAIN=48"));
  n_undo = octa_history_get_n_undo (octa_project_get_history (f->project));

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (gain), 3.0);
  g_assert_cmpuint (octa_sample_slot_get_gain (slot), ==, 54);
  after = project_text (f->project);
  g_assert_nonnull (strstr (after, "GAIN=54"));
  g_assert_null (strstr (after, "GAIN=48"));
  g_assert_cmpuint (octa_history_get_n_undo (octa_project_get_history (f->project)), ==,
                    n_undo + 1);

  loop = octa_test_gtk_find (attributes, GTK_TYPE_DROP_DOWN, 1);
  g_assert_nonnull (loop);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (loop), 2);
  g_assert_cmpint (octa_sample_slot_get_loop_mode (slot), ==, OCTA_LOOP_MODE_PING_PONG);
  octa_test_gtk_wait_for_draw (GTK_WIDGET (f->view));
  g_assert_cmpstr (cell_text (cell (f, 2, 6)), ==, "PING-PONG");
  g_assert_cmpstr (cell_text (cell (f, 2, 8)), ==, "+3.0 dB");

  g_assert_true (octa_project_undo (f->project));
  g_assert_true (octa_project_undo (f->project));
  g_clear_pointer (&after, g_free);
  after = project_text (f->project);
  g_assert_cmpstr (after, ==, before);
  octa_test_gtk_wait_for_draw (GTK_WIDGET (f->view));
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (gain)), ==, 0.0);

  /* Enter goes into the details; Delete clears the slot, one undo step. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "samples.details", NULL));
  g_assert_true (gtk_widget_is_focus (octa_test_gtk_find (attributes, GTK_TYPE_DROP_DOWN, 0)) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)),
                                         octa_test_gtk_find (attributes, GTK_TYPE_DROP_DOWN,
                                                      0)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "samples.clear", NULL));
  g_assert_false (octa_sample_slot_get_used (slot));
  g_assert_true (octa_project_undo (f->project));
  g_assert_true (octa_sample_slot_get_used (slot));
}

/* A trig quantization the device never writes reads as itself, "#40",
 * not as the last step count; choosing a real value replaces it.
 * (ot-tools-io's 255 is DIRECT to the model, as the device's -1.) */
static void
test_quant_out_of_range (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GFile) a = write_wav (f->src, "kick.wav", 22050, 1, 44100, 16);
  g_autoptr(GError) error = NULL;
  g_autoptr(OctaProject) other = NULL;
  g_autoptr(OctaSampleSlot) slot = NULL;
  g_autoptr(GFile) location = NULL;
  g_autofree char *folder = g_build_filename (f->tmpdir, "SET", "SAMPLES", NULL);
  g_autofree char *text_path = g_build_filename (folder, "project.work", NULL);
  g_autofree char *text = NULL;
  g_autofree char *edited = NULL;
  g_auto(GStrv) pieces = NULL;
  GFile *files[] = { a };
  GtkWidget *attributes, *quant;
  GtkStringObject *item;

  g_assert_cmpuint (octa_project_import_samples (f->project, OCTA_SLOT_KIND_FLEX, 2, files, 1,
                                                 OCTA_SAMPLE_POOL_MODE_COPY_TO_PROJECT,
                                                 &error), ==, 2);
  g_assert_true (octa_project_save (f->project, OCTA_SAVE_MODE_WORKING, OCTA_SAVE_FLAGS_NONE,
                                    NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (text_path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "TRIGQUANTIZATION=-1"));
  pieces = g_strsplit (text, "TRIGQUANTIZATION=-1", -1);
  edited = g_strjoinv ("TRIGQUANTIZATION=40", pieces);
  octa_test_write_file (text_path, (const guint8 *) edited, strlen (edited));

  location = g_file_new_for_path (folder);
  other = octa_project_load (location, NULL, &error);
  g_assert_no_error (error);
  slot = octa_project_get_sample_slot (other, OCTA_SLOT_KIND_FLEX, 2);
  g_assert_cmpint (octa_sample_slot_get_trig_quantization (slot), ==, 40);
  octa_samples_view_set_project (f->view, other);
  octa_test_gtk_wait_for_draw (GTK_WIDGET (f->view));
  g_assert_true (gtk_selection_model_select_item (
    gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view (f))), 1, TRUE));
  octa_test_gtk_flush ();

  attributes = octa_test_gtk_find (GTK_WIDGET (f->view), GTK_TYPE_FLOW_BOX, 0);
  quant = octa_test_gtk_find (attributes, GTK_TYPE_DROP_DOWN, 2);
  g_assert_nonnull (quant);
  item = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (quant));
  g_assert_cmpstr (gtk_string_object_get_string (item), ==, "#40");
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (quant))),
                    ==, 19);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (quant), 0);
  g_assert_cmpint (octa_sample_slot_get_trig_quantization (slot), ==, -1);
  octa_test_gtk_flush ();
  item = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (quant));
  g_assert_cmpstr (gtk_string_object_get_string (item), ==, "DIRECT");
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (quant))),
                    ==, 18);

  /* a value the device writes selects its own item */
  octa_sample_slot_set_trig_quantization (slot, 7);
  octa_test_gtk_flush ();
  item = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (quant));
  g_assert_cmpstr (gtk_string_object_get_string (item), ==, "12");

  octa_samples_view_set_project (f->view, f->project);
  octa_test_gtk_flush ();
}

/* Remove Unused Slots lists what nothing plays, and removes it in one step. */
/* "Write .ot" puts the slot's attributes and markers beside its sample,
 * in the device's format, and reading them back gives the same values. */
static void
test_write_ot (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GFile) a = write_wav (f->src, "loop.wav", 8000, 1, 44100, 16);
  g_autoptr(GError) error = NULL;
  g_autoptr(OctaSampleSlot) slot = NULL;
  g_autoptr(OctaMarkers) markers = NULL;
  g_autoptr(OctaSampleFile) ot = NULL;
  g_autofree char *ot_path = NULL;
  g_autofree char *contents = NULL;
  GFile *files[] = { a };
  gsize len = 0;

  g_assert_cmpuint (octa_project_import_samples (f->project, OCTA_SLOT_KIND_FLEX, 1, files, 1,
                                                 OCTA_SAMPLE_POOL_MODE_COPY_TO_PROJECT,
                                                 &error), ==, 1);
  slot = octa_project_get_sample_slot (f->project, OCTA_SLOT_KIND_FLEX, 1);
  octa_sample_slot_set_gain (slot, 60);
  markers = octa_sample_slot_get_markers (slot);
  octa_markers_make_equal_slices (markers, 4);
  octa_test_gtk_wait_for_draw (GTK_WIDGET (f->view));
  g_assert_true (gtk_selection_model_select_item (gtk_column_view_get_model (
                   GTK_COLUMN_VIEW (octa_samples_view_get_column_view (f->view))), 0, TRUE));
  octa_test_gtk_flush ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "samples.write-ot", NULL));
  {
    g_autoptr(GFile) audio = octa_sample_slot_get_file (slot);
    g_autoptr(GFile) parent = g_file_get_parent (audio);
    g_autofree char *dir = g_file_get_path (parent);

    ot_path = g_build_filename (dir, "loop.ot", NULL);
  }
  g_assert_true (g_file_get_contents (ot_path, &contents, &len, &error));
  ot = octa_sample_file_new_from_data ((const guint8 *) contents, len, "loop.ot",
                                       OCTA_LOAD_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (octa_sample_file_get (ot, OCTA_SAMPLE_FIELD_GAIN), ==, 60);
  g_assert_cmpuint (octa_sample_file_get (ot, OCTA_SAMPLE_FIELD_SLICE_COUNT), ==, 4);
  g_assert_cmpuint (octa_sample_file_get (ot, OCTA_SAMPLE_FIELD_TRIM_END), ==,
                    octa_markers_get_trim_end (markers));
}

static void
test_remove_unused (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GFile) a = write_wav (f->src, "kick.wav", 2205, 1, 44100, 16);
  g_autoptr(GFile) b = write_wav (f->src, "snare.wav", 2205, 1, 44100, 16);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) unused = NULL;
  g_autoptr(GPtrArray) left = NULL;
  g_autofree char *heading = NULL;
  GFile *files[] = { a, b };
  AdwMessageDialog *dialog;

  g_assert_cmpuint (octa_project_import_samples (f->project, OCTA_SLOT_KIND_FLEX, 40, files, 2,
                                                 OCTA_SAMPLE_POOL_MODE_COPY_TO_PROJECT,
                                                 &error), ==, 40);
  unused = octa_project_list_unused_slots (f->project, OCTA_SLOT_KIND_FLEX);
  g_assert_cmpuint (unused->len, ==, 2);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "samples.remove-unused",
                                             NULL));
  octa_test_gtk_flush ();
  dialog = ADW_MESSAGE_DIALOG (octa_test_gtk_find_transient (GTK_WINDOW (f->window),
                                                             ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Remove 2 unused Flex slots?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Flex 040  kick.wav"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Flex 041  snare.wav"));
  adw_message_dialog_response (dialog, "remove");
  octa_test_gtk_flush ();

  g_assert_false (octa_sample_slot_get_used (unused->pdata[0]));
  g_assert_false (octa_sample_slot_get_used (unused->pdata[1]));
  left = octa_project_list_unused_slots (f->project, OCTA_SLOT_KIND_FLEX);
  g_assert_cmpuint (left->len, ==, 0);
  /* One undo brings both back. */
  g_assert_true (octa_project_undo (f->project));
  g_assert_true (octa_sample_slot_get_used (unused->pdata[0]));
  g_assert_true (octa_sample_slot_get_used (unused->pdata[1]));
}

/* Locate… looks through the set before asking for a folder. */
static void
test_locate (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GFile) a = write_wav (f->src, "vocal_chop.wav", 2205, 1, 44100, 16);
  g_autofree char *copied = g_build_filename (f->tmpdir, "SET", "SAMPLES", "vocal_chop.wav",
                                              NULL);
  g_autofree char *moved_dir = g_build_filename (f->tmpdir, "SET", "AUDIO", "vocals", NULL);
  g_autofree char *moved = g_build_filename (moved_dir, "vocal_chop.wav", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  GFile *files[] = { a };

  g_assert_cmpuint (octa_project_import_samples (f->project, OCTA_SLOT_KIND_FLEX, 4, files, 1,
                                                 OCTA_SAMPLE_POOL_MODE_COPY_TO_PROJECT,
                                                 &error), ==, 4);
  g_assert_cmpint (g_mkdir_with_parents (moved_dir, 0755), ==, 0);
  g_assert_cmpint (g_rename (copied, moved), ==, 0);
  /* The file went away behind the project's back: showing the table
   * again reads it anew. */
  octa_samples_view_set_kind (f->view, OCTA_SLOT_KIND_STATIC);
  octa_samples_view_set_kind (f->view, OCTA_SLOT_KIND_FLEX);
  octa_test_gtk_wait_for_draw (GTK_WIDGET (f->view));
  g_assert_cmpstr (cell_text (cell (f, 4, 2)), ==, "Missing");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "samples.locate", NULL));
  octa_test_gtk_wait_for_draw (GTK_WIDGET (f->view));
  path = slot_path (f, OCTA_SLOT_KIND_FLEX, 4);
  g_assert_cmpstr (path, ==, "../AUDIO/vocals/vocal_chop.wav");
  g_assert_cmpstr (cell_text (cell (f, 4, 2)), ==, "OK");
  g_assert_true (octa_project_undo (f->project));
  g_clear_pointer (&path, g_free);
  path = slot_path (f, OCTA_SLOT_KIND_FLEX, 4);
  g_assert_cmpstr (path, ==, "vocal_chop.wav");
}

static void
test_screenshots (Fixture       *f,
                  gconstpointer  data)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  g_autoptr(GFile) kick = write_wav (f->src, "kick_808.wav", 18522, 1, 44100, 16);
  g_autoptr(GFile) pad = write_wav (f->src, "pad_long_evolving_texture.wav", 441000, 2, 44100, 24);
  g_autoptr(GFile) loop = write_wav (f->src, "drum_loop_120.wav", 88200, 2, 44100, 16);
  g_autoptr(GFile) gone = write_wav (f->src, "vocal_chop.wav", 10000, 1, 44100, 16);
  g_autoptr(GFile) st = write_wav (f->src, "long_stem_a.wav", 882000, 2, 44100, 24);
  g_autofree char *hi_path = g_build_filename (f->tmpdir, "SET", "SAMPLES", "vox_48k.wav", NULL);
  g_autofree char *gone_copy = g_build_filename (f->tmpdir, "SET", "SAMPLES", "vocal_chop.wav",
                                                 NULL);
  GFile *flex[] = { kick, pad, loop, gone };
  GFile *statics[] = { st };
  g_autoptr(GError) error = NULL;
  g_autoptr(OctaSampleSlot) slot4 = NULL;
  g_autofree char *p1 = NULL, *p2 = NULL, *p3 = NULL, *p4 = NULL;

  g_assert_cmpuint (octa_project_import_samples (f->project, OCTA_SLOT_KIND_FLEX, 1, flex, 4,
                                                 OCTA_SAMPLE_POOL_MODE_COPY_TO_PROJECT,
                                                 &error), ==, 1);
  g_assert_no_error (error);
  /* Slot 004 loses its file; slot 006 names a 48 kHz file copied by hand. */
  g_assert_cmpint (g_unlink (gone_copy), ==, 0);
  {
    g_autoptr(GBytes) bytes = octa_test_make_wav (4800, 1, 48000, 16, FALSE, 0);

    octa_test_write_file (hi_path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  }
  slot4 = octa_project_get_sample_slot (f->project, OCTA_SLOT_KIND_FLEX, 6);
  g_assert_true (octa_sample_slot_set_path (slot4, "vox_48k.wav", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (octa_project_import_samples (f->project, OCTA_SLOT_KIND_STATIC, 1, statics, 1,
                                                 OCTA_SAMPLE_POOL_MODE_SET_POOL, &error), ==, 1);
  g_assert_no_error (error);

  octa_test_gtk_wait_for_draw (GTK_WIDGET (f->view));
  g_assert_cmpstr (cell_text (cell (f, 4, 2)), ==, "Missing");
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_last_child (cell (f, 4, 9))));
  g_assert_cmpstr (cell_text (cell (f, 6, 2)), ==, "48 kHz");
  g_assert_cmpstr (cell_text (cell (f, 2, 8)), ==, "+0.0 dB");
  p1 = octa_test_gtk_screenshot (f->window, "samples-flex-light");

  /* The missing sample selected, and a refused drop named above the table. */
  {
    g_autoptr(GFile) hi = write_wav (f->src, "vox_take2_48k.wav", 4800, 1, 48000, 16);
    GFile *bad[] = { hi };
    GtkSelectionModel *model = gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view (f)));
    g_autofree char *p5 = NULL;

    g_assert_true (drop_files (f, bad, 1, cell (f, 8, 1)));
    g_assert_true (gtk_selection_model_select_item (model, 3, TRUE));
    octa_test_gtk_wait_for_draw (GTK_WIDGET (f->view));
    p5 = octa_test_gtk_screenshot (f->window, "samples-flex-missing-refused");
    g_assert_true (g_file_test (p5, G_FILE_TEST_EXISTS));
  }

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  octa_test_gtk_wait_for_draw (GTK_WIDGET (f->view));
  p2 = octa_test_gtk_screenshot (f->window, "samples-flex-dark");
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);

  octa_samples_view_set_kind (f->view, OCTA_SLOT_KIND_STATIC);
  octa_test_gtk_wait_for_draw (GTK_WIDGET (f->view));
  g_assert_cmpint (octa_samples_view_get_kind (f->view), ==, OCTA_SLOT_KIND_STATIC);
  g_assert_cmpstr (cell_text (cell (f, 1, 1)), ==, "long_stem_a.wav");
  p3 = octa_test_gtk_screenshot (f->window, "samples-static-light");

  octa_samples_view_set_kind (f->view, OCTA_SLOT_KIND_FLEX);
  octa_test_gtk_flush ();
  {
    GtkWidget *hide = NULL;

    /* Hide Empty leaves the four imported slots and the 48 kHz one. */
    for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (f->view)); w != NULL;)
      {
        if (GTK_IS_TOGGLE_BUTTON (w))
          {
            hide = w;
            break;
          }
        if (gtk_widget_get_first_child (w) != NULL)
          w = gtk_widget_get_first_child (w);
        else
          {
            while (w != NULL && gtk_widget_get_next_sibling (w) == NULL)
              w = gtk_widget_get_parent (w);
            w = w != NULL ? gtk_widget_get_next_sibling (w) : NULL;
          }
      }
    g_assert_nonnull (hide);
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (hide), TRUE);
    octa_test_gtk_wait_for_draw (GTK_WIDGET (f->view));
    g_assert_cmpuint (g_list_model_get_n_items (
      G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view (f))))), ==, 5);
    p4 = octa_test_gtk_screenshot (f->window, "samples-flex-hide-empty");
  }

  g_assert_true (g_file_test (p1, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (p2, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (p3, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (p4, G_FILE_TEST_EXISTS));
}

/* A project from a real device: its samples are not in the corpus, so
 * every used slot reads Missing, and its parts name its slots. */
static void
test_corpus (void)
{
  g_autofree char *folder = NULL;
  g_autoptr(GFile) location = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(OctaProject) project = NULL;
  g_autofree char *shot = NULL;
  g_autofree char *usage = NULL;
  GtkWidget *window, *overlay, *view;
  Fixture f = { 0 };

  if (octa_test_skip_without_corpus ())
    return;
  folder = g_build_filename (octa_test_corpus_dir (), "octatrack-manager", "multipart", NULL);
  location = g_file_new_for_path (folder);
  project = octa_project_load (location, NULL, &error);
  g_assert_no_error (error);

  window = gtk_window_new ();
  overlay = adw_toast_overlay_new ();
  view = octa_samples_view_new ();
  octa_samples_view_set_project (OCTA_SAMPLES_VIEW (view), project);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), view);
  gtk_window_set_child (GTK_WINDOW (window), overlay);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 1000);
  gtk_window_present (GTK_WINDOW (window));
  octa_test_gtk_wait_for_draw (view);

  f.view = OCTA_SAMPLES_VIEW (view);
  f.window = window;
  /* Its first Flex sample is in slot 033. */
  gtk_toggle_button_set_active (
    GTK_TOGGLE_BUTTON (octa_test_gtk_find (view, GTK_TYPE_TOGGLE_BUTTON, 0)), TRUE);
  octa_test_gtk_wait_for_draw (view);
  g_assert_cmpstr (cell_text (cell (&f, 33, 1)), ==, "JM_172_D_Atmos.wav");
  g_assert_cmpstr (cell_text (cell (&f, 33, 2)), ==, "Missing");
  usage = octa_project_dup_slot_usage (project, OCTA_SLOT_KIND_FLEX, 33);
  g_assert_cmpstr (cell_text (cell (&f, 33, 9)), ==, usage);
  shot = octa_test_gtk_screenshot (window, "samples-corpus-multipart");
  g_assert_true (g_file_test (shot, G_FILE_TEST_EXISTS));

  gtk_window_destroy (GTK_WINDOW (window));
  octa_test_gtk_flush ();
}

int
main (int   argc,
      char *argv[])
{
  OCTA_TEST_GTK_MAIN_PROLOGUE (argc, argv);

  g_test_add ("/ui/samples/drop-files", Fixture, NULL,
              fixture_set_up, test_drop_files, fixture_tear_down);
  g_test_add ("/ui/samples/move", Fixture, NULL,
              fixture_set_up, test_move, fixture_tear_down);
  g_test_add ("/ui/samples/details", Fixture, NULL,
              fixture_set_up, test_details, fixture_tear_down);
  g_test_add ("/ui/samples/write-ot", Fixture, NULL,
              fixture_set_up, test_write_ot, fixture_tear_down);
  g_test_add ("/ui/samples/remove-unused", Fixture, NULL,
              fixture_set_up, test_remove_unused, fixture_tear_down);
  g_test_add ("/ui/samples/locate", Fixture, NULL,
              fixture_set_up, test_locate, fixture_tear_down);
  g_test_add ("/ui/samples/quant-out-of-range", Fixture, NULL,
              fixture_set_up, test_quant_out_of_range, fixture_tear_down);
  g_test_add_func ("/ui/samples/corpus", test_corpus);
  g_test_add ("/ui/samples/screenshots", Fixture, NULL,
              fixture_set_up, test_screenshots, fixture_tear_down);

  return g_test_run ();
}
