/* SPDX-License-Identifier: MIT */
#include <adwaita.h>
#include <string.h>

#include "octa.h"
#include "octa-codec.h"
#include "octa-crossfader.h"
#include "octa-param-dial.h"
#include "octa-parts-view.h"
#include "octa-plock-names.h"
#include "octa-scene-strip.h"
#include "octa-test-gtk-utils.h"
#include "octa-test-utils.h"

#define PART_BLOCK_SIZE 6331

typedef struct
{
  OctaProject   *project;
  GtkWidget     *window;
  OctaPartsView *view;
  char          *tmpdir;
  GPtrArray     *toasts;
} Fixture;

static GBytes *
encode (Fixture *f)
{
  GBytes *bytes = octa_project_encode_file (f->project, "bank01.work");

  g_assert_nonnull (bytes);
  return bytes;
}

static OctaBankFile *
decode (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  OctaBankFile *file = octa_bank_file_new_from_data (data, len, "bank01.work", OCTA_LOAD_DEFAULT,
                                                     &error);

  g_assert_no_error (error);
  return file;
}

/* Offsets that differ, leaving out the checksum (the last two bytes). */
static GArray *
differences (GBytes *a,
             GBytes *b)
{
  gsize len_a, len_b;
  const guint8 *pa = g_bytes_get_data (a, &len_a);
  const guint8 *pb = g_bytes_get_data (b, &len_b);
  GArray *diff = g_array_new (FALSE, FALSE, sizeof (gsize));

  g_assert_cmpuint (len_a, ==, len_b);
  for (gsize chunk = 0; chunk + 2 < len_a; chunk += 4096)
    {
      gsize end = MIN (chunk + 4096, len_a - 2);

      if (memcmp (pa + chunk, pb + chunk, end - chunk) == 0)
        continue;
      for (gsize i = chunk; i < end; i++)
        if (pa[i] != pb[i])
          g_array_append_val (diff, i);
    }
  return diff;
}

static guint
n_undo (Fixture *f)
{
  return octa_history_get_n_undo (octa_project_get_history (f->project));
}

static void
toast_cb (OctaPartsView *view,
          const char    *text,
          Fixture       *f)
{
  g_ptr_array_add (f->toasts, g_strdup (text));
}

static void
show_view_full (Fixture  *f,
                gboolean  present)
{
  f->toasts = g_ptr_array_new_with_free_func (g_free);
  f->window = gtk_window_new ();
  f->view = OCTA_PARTS_VIEW (octa_parts_view_new ());
  g_signal_connect (f->view, "toast", G_CALLBACK (toast_cb), f);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->view));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  octa_parts_view_set_project (f->view, f->project);
  if (!present)
    return;
  gtk_window_present (GTK_WINDOW (f->window));
  octa_test_gtk_wait_for_draw (GTK_WIDGET (f->view));
}

static void
show_view (Fixture *f)
{
  show_view_full (f, TRUE);
}

/* Hundreds of edits: the bytes are what matter, not the drawing. */
static void
fixture_set_up_hidden (Fixture       *f,
                       gconstpointer  data)
{
  f->project = octa_project_new_blank ("PARTS");
  show_view_full (f, FALSE);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->project = octa_project_new_blank ("PARTS");
  show_view (f);
}

static void
fixture_set_up_demo (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(OctaProjectFiles) files = octa_project_files_new_demo ();
  g_autoptr(GFile) location = NULL;
  g_autoptr(GError) error = NULL;

  f->tmpdir = octa_test_make_tmpdir ();
  g_assert_true (octa_project_files_write_dir (files, f->tmpdir, &error));
  location = g_file_new_for_path (f->tmpdir);
  f->project = octa_project_load (location, NULL, &error);
  g_assert_no_error (error);
  show_view (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  octa_test_gtk_flush ();
  g_ptr_array_unref (f->toasts);
  g_assert_finalize_object (f->project);
  if (f->tmpdir != NULL)
    octa_test_rm_rf (f->tmpdir);
  g_free (f->tmpdir);
}

static OctaPart *
get_part (Fixture *f,
          guint    index)
{
  g_autoptr(OctaBank) bank = octa_project_get_bank (f->project, 0);

  return octa_bank_get_part (bank, index);
}

static OctaPartTrack *
get_track (Fixture  *f,
           gboolean  midi,
           guint     t)
{
  g_autoptr(OctaPart) part = get_part (f, 0);

  return midi ? OCTA_PART_TRACK (octa_part_get_midi_track (part, t))
              : OCTA_PART_TRACK (octa_part_get_audio_track (part, t));
}

static gint
read_prop (GObject    *object,
           const char *property)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_auto(GValue) value = G_VALUE_INIT;

  g_assert_nonnull (pspec);
  g_value_init (&value, pspec->value_type);
  g_object_get_property (object, property, &value);
  if (G_VALUE_HOLDS_ENUM (&value))
    return g_value_get_enum (&value);
  return g_value_get_int (&value);
}

static gboolean
plus_one (const char *property)
{
  return g_strcmp0 (property, "channel") == 0 || g_strcmp0 (property, "flex-slot") == 0 ||
         g_strcmp0 (property, "static-slot") == 0;
}

/* Turns one dial a step and checks that exactly its byte of the unsaved
 * part changed (plus, the first time, the edited mask outside the block),
 * that the model reads the new value and marks the part edited, that it
 * was one undo step, and that undo brings back every byte. @current holds
 * the bytes before and is replaced by the bytes after. */
static void
check_dial (Fixture     *f,
            gboolean     midi,
            guint        t,
            const char  *property,
            GBytes     **current)
{
  GtkWidget *dial = octa_parts_view_get_dial (f->view, t, property);
  GBytes *before = *current;
  g_autoptr(GBytes) undone = NULL;
  GBytes *after;
  g_autoptr(GArray) diff = NULL;
  g_autoptr(OctaPartTrack) track = NULL;
  g_autoptr(OctaPart) part = get_part (f, 0);
  gsize block = octa_bank_part_offset (0, OCTA_PART_UNSAVED);
  gint old, target;
  guint undo_before, in_block = 0, outside = 0;
  gsize offset = 0;
  const guint8 *data;

  g_assert_nonnull (dial);
  undo_before = n_undo (f);
  old = octa_param_dial_get_value (OCTA_PARAM_DIAL (dial));
  octa_param_dial_adjust (OCTA_PARAM_DIAL (dial), old + 1);
  if (octa_param_dial_get_value (OCTA_PARAM_DIAL (dial)) == old)
    octa_param_dial_adjust (OCTA_PARAM_DIAL (dial), old - 1);
  target = octa_param_dial_get_value (OCTA_PARAM_DIAL (dial));
  g_assert_cmpint (target, !=, old);
  g_assert_cmpuint (n_undo (f), ==, undo_before + 1);

  after = encode (f);
  diff = differences (before, after);
  for (guint i = 0; i < diff->len; i++)
    {
      gsize o = g_array_index (diff, gsize, i);

      if (o >= block && o < block + PART_BLOCK_SIZE)
        in_block++, offset = o;
      else
        outside++;
    }
  if (in_block != 1 || outside > 1)
    g_error ("%s T%u %s: %u bytes changed in the part, %u outside", midi ? "MIDI" : "audio",
             t + 1, property, in_block, outside);

  data = g_bytes_get_data (after, NULL);
  g_assert_cmpint (data[offset], ==, plus_one (property) ? target - 1 : target);
  track = get_track (f, midi, t);
  g_assert_cmpint (read_prop (G_OBJECT (track), property), ==, target);
  g_assert_true (octa_part_get_edited (part));

  /* undo restores every byte; redo comes back to the edit */
  g_assert_true (octa_project_undo (f->project));
  undone = encode (f);
  g_assert_true (g_bytes_equal (before, undone));
  g_assert_true (octa_project_redo (f->project));
  g_assert_cmpint (octa_param_dial_get_value (OCTA_PARAM_DIAL (dial)), ==, target);

  g_bytes_unref (before);
  *current = after;
}

static void
check_page (Fixture  *f,
            gboolean  midi,
            guint     page,
            gboolean  setup)
{
  /* The first and the last track: each has its own place in every area
   * of the part, so a wrong stride or index shows on one of them. */
  static const guint tracks[] = { 0, 7 };
  GBytes *current;

  octa_parts_view_set_midi (f->view, midi);
  octa_parts_view_set_page (f->view, page, setup);
  current = encode (f);
  for (guint k = 0; k < G_N_ELEMENTS (tracks); k++)
    {
      guint t = tracks[k];
      g_autoptr(OctaPartTrack) track = get_track (f, midi, t);
      OctaMachineKind machine = OCTA_MACHINE_KIND_STATIC;
      OctaFxType fx = OCTA_FX_TYPE_OFF;
      OctaPartParam params[OCTA_PART_PAGE_MAX_PARAMS];
      guint n;

      if (!midi)
        {
          machine = octa_audio_part_track_get_machine (OCTA_AUDIO_PART_TRACK (track));
          if (page == OCTA_PART_PAGE_FX1)
            fx = read_prop (G_OBJECT (track), "fx1-type");
          if (page == OCTA_PART_PAGE_FX2)
            fx = read_prop (G_OBJECT (track), "fx2-type");
        }
      n = octa_part_page_params (midi, machine, fx, page, setup, params);
      for (guint i = 0; i < n; i++)
        if (params[i].property != NULL)
          check_dial (f, midi, t, params[i].property, &current);
    }
  g_bytes_unref (current);
}

static void
test_every_editor (Fixture       *f,
                   gconstpointer  data)
{
  for (guint midi = 0; midi < 2; midi++)
    for (guint page = 0; page < 5; page++)
      for (guint setup = 0; setup < 2; setup++)
        check_page (f, midi, page, setup);
  check_page (f, FALSE, OCTA_PART_PAGE_REC, FALSE);

  /* The same over other machines and effects than the blank's. */
  {
    g_autoptr(OctaPartTrack) t1 = get_track (f, FALSE, 0);
    g_autoptr(OctaPartTrack) t2 = get_track (f, FALSE, 1);

    octa_audio_part_track_set_machine (OCTA_AUDIO_PART_TRACK (t1), OCTA_MACHINE_KIND_FLEX);
    octa_audio_part_track_set_machine (OCTA_AUDIO_PART_TRACK (t2), OCTA_MACHINE_KIND_THRU);
    g_object_set (t1, "fx1-type", OCTA_FX_TYPE_LOFI, "fx2-type", OCTA_FX_TYPE_PLATE_REVERB, NULL);
  }
  octa_test_gtk_flush ();
  for (guint page = 0; page < 5; page++)
    for (guint setup = 0; setup < 2; setup++)
      check_page (f, FALSE, page, setup);
}

static GtkWidget *
find_button_in (GtkWidget  *root,
                GType       type,
                const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) &&
          g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        return child;
      found = find_button_in (child, type, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_fx_type (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(OctaPartTrack) t1 = get_track (f, FALSE, 0);
  GtkWidget *item, *dial;
  guint undo;

  octa_parts_view_set_page (f->view, OCTA_PART_PAGE_FX1, FALSE);
  dial = octa_parts_view_get_dial (f->view, 0, "fx1-param1");
  g_assert_nonnull (dial);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (dial), ==, "Base frequency");

  /* FX2-only types are offered but insensitive on FX1 */
  item = find_button_in (GTK_WIDGET (f->view), GTK_TYPE_BUTTON, "DELAY");
  g_assert_nonnull (item);
  g_assert_false (gtk_widget_get_sensitive (item));

  item = find_button_in (GTK_WIDGET (f->view), GTK_TYPE_BUTTON, "LO-FI");
  g_assert_nonnull (item);
  undo = n_undo (f);
  g_signal_emit_by_name (item, "clicked");
  g_assert_cmpuint (n_undo (f), ==, undo + 1);
  g_assert_cmpint (read_prop (G_OBJECT (t1), "fx1-type"), ==, OCTA_FX_TYPE_LOFI);

  /* the labels follow the type; the values stay as they were */
  dial = octa_parts_view_get_dial (f->view, 0, "fx1-param1");
  g_assert_nonnull (dial);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (dial), ==, "Distortion");
  g_assert_null (octa_parts_view_get_dial (f->view, 0, "fx1-param6"));
  g_assert_cmpint (octa_param_dial_get_value (OCTA_PARAM_DIAL (dial)), ==, 0);
  dial = octa_parts_view_get_dial (f->view, 1, "fx1-param1");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (dial), ==, "Base frequency");

  /* Back to FILTER with other values: the defaults are offered, not forced */
  g_object_set (t1, "fx1-param2", 5, "fx1-setup5", 9, NULL);
  item = find_button_in (GTK_WIDGET (f->view), GTK_TYPE_BUTTON, "FILTER");
  g_signal_emit_by_name (item, "clicked");
  g_assert_cmpint (read_prop (G_OBJECT (t1), "fx1-param2"), ==, 5);
  item = find_button_in (GTK_WIDGET (f->view), GTK_TYPE_BUTTON, "Load FILTER Defaults");
  g_assert_nonnull (item);
  undo = n_undo (f);
  g_signal_emit_by_name (item, "clicked");
  g_assert_cmpuint (n_undo (f), ==, undo + 1);
  g_assert_cmpint (read_prop (G_OBJECT (t1), "fx1-param2"), ==, 127);
  g_assert_cmpint (read_prop (G_OBJECT (t1), "fx1-setup5"), ==, 3);
  {
    g_autoptr(GBytes) bytes = encode (f);
    g_autoptr(OctaBankFile) file = decode (bytes);
    static const guint8 values[6] = { 0, 127, 0, 64, 0, 64 };
    static const guint8 setup[6] = { 0, 0, 1, 0, 3, 0 };

    for (guint i = 0; i < 6; i++)
      {
        g_assert_cmpuint (octa_bank_file_get_part_value (file, 0, OCTA_PART_UNSAVED,
                                                         OCTA_PART_AREA_VALUES, 0, 12 + i), ==,
                          values[i]);
        g_assert_cmpuint (octa_bank_file_get_part_value (file, 0, OCTA_PART_UNSAVED,
                                                         OCTA_PART_AREA_SETUP, 0, 12 + i), ==,
                          setup[i]);
      }
  }
}

static void
select_machine (Fixture *f,
                guint    t,
                guint    position)
{
  GtkWidget *dropdown = octa_test_gtk_find (GTK_WIDGET (f->view), GTK_TYPE_DROP_DOWN, t);

  g_assert_nonnull (dropdown);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), position);
}

static void
test_machine_lossless (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GBytes) before = NULL, after = NULL;
  g_autoptr(OctaBankFile) file = NULL;
  g_autoptr(OctaPartTrack) track = NULL;
  GtkWidget *dial;

  octa_parts_view_set_page (f->view, OCTA_PART_PAGE_SRC, FALSE);
  select_machine (f, 2, 0); /* FLEX */
  dial = octa_parts_view_get_dial (f->view, 2, "src-flex-1");
  g_assert_nonnull (dial);
  octa_param_dial_adjust (OCTA_PARAM_DIAL (dial), 76);
  before = encode (f);

  select_machine (f, 2, 2); /* THRU */
  track = get_track (f, FALSE, 2);
  g_assert_cmpint (octa_audio_part_track_get_machine (OCTA_AUDIO_PART_TRACK (track)), ==,
                   OCTA_MACHINE_KIND_THRU);
  g_assert_null (octa_parts_view_get_dial (f->view, 2, "src-flex-1"));
  dial = octa_parts_view_get_dial (f->view, 2, "src-thru-1");
  g_assert_nonnull (dial);
  octa_param_dial_adjust (OCTA_PARAM_DIAL (dial), 5);

  select_machine (f, 2, 4); /* PICKUP */
  select_machine (f, 2, 0); /* back to FLEX */
  dial = octa_parts_view_get_dial (f->view, 2, "src-flex-1");
  g_assert_cmpint (octa_param_dial_get_value (OCTA_PARAM_DIAL (dial)), ==, 76);

  after = encode (f);
  file = decode (after);
  for (guint m = 0; m < 5; m++)
    for (guint i = 0; i < 6; i++)
      {
        guint8 v = octa_bank_file_get_part_value (file, 0, OCTA_PART_UNSAVED, OCTA_PART_AREA_SRC,
                                                  2, m * 6 + i);
        g_autoptr(OctaBankFile) old = decode (before);
        guint8 was = octa_bank_file_get_part_value (old, 0, OCTA_PART_UNSAVED,
                                                    OCTA_PART_AREA_SRC, 2, m * 6 + i);

        if (m == OCTA_MACHINE_KIND_THRU && i == 0)
          g_assert_cmpuint (v, ==, 5);
        else
          g_assert_cmpuint (v, ==, was);
      }
  g_assert_cmpuint (octa_bank_file_get_part_value (file, 0, OCTA_PART_UNSAVED,
                                                   OCTA_PART_AREA_MACHINE, 2, 0), ==,
                    OCTA_MACHINE_KIND_FLEX);
}

static gboolean
part_block_equal (GBytes *a,
                  GBytes *b,
                  guint   part,
                  guint   copy)
{
  gsize off = octa_bank_part_offset (part, copy);
  const guint8 *pa = g_bytes_get_data (a, NULL);
  const guint8 *pb = g_bytes_get_data (b, NULL);

  return memcmp (pa + off, pb + off, PART_BLOCK_SIZE) == 0;
}

static void
test_save_reload (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(OctaPart) part = get_part (f, 0);
  g_autoptr(GBytes) start = NULL, edited = NULL, saved = NULL, edited2 = NULL, reloaded = NULL;
  g_autoptr(OctaBankFile) file = NULL;
  GtkWidget *save = find_button_in (GTK_WIDGET (f->view), GTK_TYPE_BUTTON, "Save Part");
  GtkWidget *reload = find_button_in (GTK_WIDGET (f->view), GTK_TYPE_BUTTON, "Reload Part");
  GtkWidget *save_all = find_button_in (GTK_WIDGET (f->view), GTK_TYPE_BUTTON, "Save All Parts");
  GtkWidget *dial;
  guint undo;

  g_assert_nonnull (save);
  g_assert_nonnull (reload);
  g_assert_nonnull (save_all);
  octa_parts_view_set_page (f->view, OCTA_PART_PAGE_AMP, FALSE);
  start = encode (f);

  dial = octa_parts_view_get_dial (f->view, 0, "amp-vol");
  octa_param_dial_adjust (OCTA_PARAM_DIAL (dial), 100);
  g_assert_true (octa_part_get_edited (part));
  g_assert_true (strstr (gtk_button_get_label (GTK_BUTTON (find_button_in (GTK_WIDGET (f->view),
                 GTK_TYPE_TOGGLE_BUTTON, "1 ONE*"))), "*") != NULL);
  edited = encode (f);
  g_assert_true (part_block_equal (start, edited, 0, OCTA_PART_SAVED));
  g_assert_false (part_block_equal (start, edited, 0, OCTA_PART_UNSAVED));

  /* Save: the saved copy becomes the unsaved one, the mark goes */
  undo = n_undo (f);
  g_signal_emit_by_name (save, "clicked");
  g_assert_cmpuint (n_undo (f), ==, undo + 1);
  saved = encode (f);
  file = decode (saved);
  g_assert_true (octa_bank_file_part_equal (file, 0));
  g_assert_cmpuint (octa_bank_file_get_parts_edited_mask (file) & 1, ==, 0);
  g_assert_cmpuint (octa_bank_file_get_part_saved_state (file, 0), ==, 1);
  g_assert_true (part_block_equal (edited, saved, 0, OCTA_PART_UNSAVED));
  g_assert_false (octa_part_get_edited (part));
  g_assert_cmpuint (f->toasts->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (f->toasts, 0), ==, "Saved part 1 ONE");

  /* Reload: back to the saved copy byte for byte */
  octa_param_dial_adjust (OCTA_PARAM_DIAL (octa_parts_view_get_dial (f->view, 3, "amp-bal")), 3);
  edited2 = encode (f);
  g_assert_true (octa_part_get_edited (part));
  g_assert_true (gtk_widget_get_sensitive (reload));
  g_signal_emit_by_name (reload, "clicked");
  reloaded = encode (f);
  g_assert_true (g_bytes_equal (saved, reloaded));
  g_assert_false (octa_part_get_edited (part));
  g_assert_cmpstr (g_ptr_array_index (f->toasts, 1), ==,
                   "Reloaded part 1 ONE from its saved copy");
  g_assert_cmpint (octa_param_dial_get_value (OCTA_PARAM_DIAL (octa_parts_view_get_dial (f->view,
                   3, "amp-bal"))), ==, 64);

  /* Reload is undoable */
  g_assert_true (octa_project_undo (f->project));
  {
    g_autoptr(GBytes) undone = encode (f);

    g_assert_true (g_bytes_equal (undone, edited2));
  }

  /* Save All Parts: every part of the bank, one undo step */
  octa_parts_view_set_part (f->view, 2);
  octa_param_dial_adjust (OCTA_PARAM_DIAL (octa_parts_view_get_dial (f->view, 0, "amp-atk")), 9);
  undo = n_undo (f);
  g_signal_emit_by_name (save_all, "clicked");
  g_assert_cmpuint (n_undo (f), ==, undo + 1);
  {
    g_autoptr(GBytes) all = encode (f);
    g_autoptr(OctaBankFile) all_file = decode (all);

    for (guint p = 0; p < 4; p++)
      {
        g_assert_true (octa_bank_file_part_equal (all_file, p));
        g_assert_cmpuint (octa_bank_file_get_part_saved_state (all_file, p), ==, 1);
      }
    g_assert_cmpuint (octa_bank_file_get_parts_edited_mask (all_file), ==, 0);
  }
}

/* Another bank: the knobs edit that bank's file and no other. */
static void
test_bank_switch (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GBytes) a_before = octa_project_encode_file (f->project, "bank01.work");
  g_autoptr(GBytes) c_before = octa_project_encode_file (f->project, "bank03.work");
  g_autoptr(GBytes) a_after = NULL, c_after = NULL;
  g_autoptr(GArray) diff = NULL;
  g_autoptr(OctaBank) bank = octa_project_get_bank (f->project, 2);
  g_autoptr(OctaPart) part = octa_bank_get_part (bank, 3);
  GtkWidget *dial;

  g_object_set (f->view, "bank", 2, "part", 3, NULL);
  g_assert_nonnull (find_button_in (GTK_WIDGET (f->view), GTK_TYPE_TOGGLE_BUTTON, "4 FOUR"));
  octa_parts_view_set_page (f->view, OCTA_PART_PAGE_AMP, FALSE);
  dial = octa_parts_view_get_dial (f->view, 5, "amp-bal");
  octa_param_dial_adjust (OCTA_PARAM_DIAL (dial), 10);
  g_assert_true (octa_part_get_edited (part));
  g_assert_nonnull (find_button_in (GTK_WIDGET (f->view), GTK_TYPE_TOGGLE_BUTTON, "4 FOUR*"));

  a_after = octa_project_encode_file (f->project, "bank01.work");
  c_after = octa_project_encode_file (f->project, "bank03.work");
  g_assert_true (g_bytes_equal (a_before, a_after));
  diff = differences (c_before, c_after);
  g_assert_cmpuint (diff->len, >=, 1);
  g_assert_cmpuint (diff->len, <=, 2);
  for (guint i = 0; i < diff->len; i++)
    {
      gsize o = g_array_index (diff, gsize, i);
      gsize block = octa_bank_part_offset (3, OCTA_PART_UNSAVED);

      if (o >= block && o < block + PART_BLOCK_SIZE)
        g_assert_cmpuint (((const guint8 *) g_bytes_get_data (c_after, NULL))[o], ==, 10);
    }
}

static void
test_rename (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(OctaPart) part = get_part (f, 1);
  GtkWidget *entry;
  g_autofree char *name = NULL;

  octa_parts_view_set_part (f->view, 1);
  entry = octa_test_gtk_find (GTK_WIDGET (f->view), GTK_TYPE_ENTRY, 0);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "bass");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "BASS");
  g_signal_emit_by_name (entry, "activate");
  name = octa_part_dup_name (part);
  g_assert_cmpstr (name, ==, "BASS");
  g_assert_nonnull (find_button_in (GTK_WIDGET (f->view), GTK_TYPE_TOGGLE_BUTTON, "2 BASS"));
}

static void
test_scene_locks (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(OctaPart) part = get_part (f, 0);
  g_autoptr(OctaScene) scene = octa_part_get_scene (part, 2);
  g_autoptr(OctaPartTrack) t3 = get_track (f, FALSE, 2);
  g_autoptr(GBytes) before = NULL, after = NULL, xlv_bytes = NULL;
  g_autoptr(OctaBankFile) file = NULL, xlv_file = NULL;
  g_autoptr(GArray) diff = NULL;
  GtkWidget *dial, *xlv;

  octa_parts_view_set_page (f->view, OCTA_PART_PAGE_AMP, FALSE);
  g_assert_null (octa_parts_view_get_dial (f->view, 2, "xlv"));
  octa_scene_strip_set_selected (OCTA_SCENE_STRIP (octa_test_gtk_find (GTK_WIDGET (f->view),
                                                                     OCTA_TYPE_SCENE_STRIP, 0)),
                                 2);
  dial = octa_parts_view_get_dial (f->view, 2, "amp-vol");
  xlv = octa_parts_view_get_dial (f->view, 2, "xlv");
  g_assert_nonnull (dial);
  g_assert_nonnull (xlv);
  g_assert_false (octa_param_dial_get_locked (OCTA_PARAM_DIAL (dial)));

  before = encode (f);
  octa_param_dial_adjust (OCTA_PARAM_DIAL (dial), 100);
  after = encode (f);
  file = decode (after);
  g_assert_cmpuint (octa_bank_file_get_scene_lock (file, 0, OCTA_PART_UNSAVED, 2, 2, 15), ==, 100);
  g_assert_cmpint (octa_scene_get_lock (scene, 2, 15), ==, 100);
  g_assert_cmpint (read_prop (G_OBJECT (t3), "amp-vol"), ==, 64);
  g_assert_true (octa_param_dial_get_locked (OCTA_PARAM_DIAL (dial)));
  diff = differences (before, after);
  g_assert_cmpuint (diff->len, <=, 2); /* the lock, and the edited mark */
  g_assert_cmpuint (octa_bank_file_get_parts_edited_mask (file) & 1, ==, 1);

  /* XLV */
  octa_param_dial_adjust (OCTA_PARAM_DIAL (xlv), 90);
  xlv_bytes = encode (f);
  xlv_file = decode (xlv_bytes);
  g_assert_cmpuint (octa_bank_file_get_xlv (xlv_file, 0, OCTA_PART_UNSAVED, 2, 2), ==, 90);
  g_assert_cmpint (octa_scene_get_xlv (scene, 2), ==, 90);
  {
    g_autoptr(GArray) d = differences (after, xlv_bytes);

    g_assert_cmpuint (d->len, ==, 1);
  }

  /* Delete removes the lock; the part value never moved */
  g_signal_emit_by_name (dial, "reset");
  g_assert_cmpint (octa_scene_get_lock (scene, 2, 15), ==, -1);
  g_assert_cmpint (octa_param_dial_get_value (OCTA_PARAM_DIAL (dial)), ==, 64);
  g_signal_emit_by_name (xlv, "reset");
  g_assert_cmpint (octa_scene_get_xlv (scene, 2), ==, -1);

  /* Leaving scene mode: knobs edit the part again, XLV goes */
  octa_parts_view_edit_scene (f->view, -1);
  g_assert_null (octa_parts_view_get_dial (f->view, 2, "xlv"));
  dial = octa_parts_view_get_dial (f->view, 2, "amp-vol");
  octa_param_dial_adjust (OCTA_PARAM_DIAL (dial), 70);
  g_assert_cmpint (read_prop (G_OBJECT (t3), "amp-vol"), ==, 70);
  g_assert_cmpint (octa_scene_get_lock (scene, 2, 15), ==, -1);
}

static void
test_keys (Fixture       *f,
           gconstpointer  data)
{
  GtkWidget *dial;

  g_assert_true (octa_test_gtk_send_key (GTK_WIDGET (f->view), GDK_KEY_2, GDK_CONTROL_MASK));
  dial = octa_parts_view_get_dial (f->view, 2, "amp-vol");
  g_assert_nonnull (dial);

  /* a slider for screen readers, named and valued as the device shows it */
  octa_param_dial_adjust (OCTA_PARAM_DIAL (dial), 76);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (dial), GTK_ACCESSIBLE_ROLE_SLIDER);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (dial), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "T3 AMP VOL");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (dial),
                                       GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, "+12");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (dial), GTK_ACCESSIBLE_PROPERTY_VALUE_NOW,
                                       76.0);

  /* typing a value reads it as the device writes it */
  {
    GtkWidget *entry = octa_test_gtk_find (dial, GTK_TYPE_ENTRY, 0);
    g_autoptr(OctaPartTrack) t3 = get_track (f, FALSE, 2);

    g_assert_nonnull (entry);
    gtk_editable_set_text (GTK_EDITABLE (entry), "\u22125");
    g_signal_emit_by_name (entry, "activate");
    g_assert_cmpint (read_prop (G_OBJECT (t3), "amp-vol"), ==, 59);
    gtk_editable_set_text (GTK_EDITABLE (entry), "loud");
    g_signal_emit_by_name (entry, "activate");
    g_assert_cmpint (read_prop (G_OBJECT (t3), "amp-vol"), ==, 59);
  }
  g_assert_true (octa_test_gtk_send_key (GTK_WIDGET (f->view), GDK_KEY_4, GDK_CONTROL_MASK |
                                 GDK_SHIFT_MASK));
  g_assert_nonnull (octa_parts_view_get_dial (f->view, 0, "fx1-setup1"));
  g_assert_true (octa_test_gtk_send_key (GTK_WIDGET (f->view), GDK_KEY_3, 0));
  dial = octa_parts_view_get_dial (f->view, 2, "fx1-setup1");
  g_assert_true (gtk_widget_has_focus (dial));

  /* knob keys: one step, sixteen, ends; each one undo step */
  g_assert_true (octa_test_gtk_send_key (dial, GDK_KEY_Up, 0));
  g_assert_cmpint (octa_param_dial_get_value (OCTA_PARAM_DIAL (dial)), ==, 1);
  g_assert_true (octa_test_gtk_send_key (dial, GDK_KEY_Page_Up, 0));
  g_assert_cmpint (octa_param_dial_get_value (OCTA_PARAM_DIAL (dial)), ==, 17);
  g_assert_true (octa_test_gtk_send_key (dial, GDK_KEY_End, 0));
  g_assert_cmpint (octa_param_dial_get_value (OCTA_PARAM_DIAL (dial)), ==, 255);
  g_assert_true (octa_test_gtk_send_key (dial, GDK_KEY_BackSpace, GDK_CONTROL_MASK));
  g_assert_cmpint (octa_param_dial_get_value (OCTA_PARAM_DIAL (dial)), ==, 0);
  g_assert_true (octa_project_undo (f->project));
  g_assert_cmpint (octa_param_dial_get_value (OCTA_PARAM_DIAL (dial)), ==, 255);

  /* Shift + digit goes to the MIDI tracks */
  g_assert_true (octa_test_gtk_send_key (GTK_WIDGET (f->view), GDK_KEY_5, GDK_SHIFT_MASK));
  dial = octa_parts_view_get_dial (f->view, 4, "cc1-number");
  g_assert_nonnull (dial);
  g_assert_true (gtk_widget_has_focus (dial));
}

static void
test_scene_assign (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(OctaPart) part = get_part (f, 0);
  OctaSceneStrip *strip = OCTA_SCENE_STRIP (octa_test_gtk_find (GTK_WIDGET (f->view),
                                                                OCTA_TYPE_SCENE_STRIP, 0));
  GtkWidget *key = octa_scene_strip_get_key (strip, 4);
  guint undo = n_undo (f);

  g_assert_true (octa_test_gtk_send_key (key, GDK_KEY_b, 0));
  g_assert_cmpuint (octa_part_get_active_scene_b (part), ==, 5);
  g_assert_cmpuint (n_undo (f), ==, undo + 1);
  g_assert_true (octa_test_gtk_send_key (key, GDK_KEY_a, 0));
  g_assert_cmpuint (octa_part_get_active_scene_a (part), ==, 5);

  /* selecting a key enters scene edit mode; Escape leaves */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (octa_scene_strip_get_key (strip, 6)), TRUE);
  octa_parts_view_set_page (f->view, OCTA_PART_PAGE_AMP, FALSE);
  g_assert_nonnull (octa_parts_view_get_dial (f->view, 0, "xlv"));
  g_assert_true (octa_test_gtk_send_key (GTK_WIDGET (f->view), GDK_KEY_Escape, 0));
  g_assert_null (octa_parts_view_get_dial (f->view, 0, "xlv"));
  g_assert_cmpint (octa_scene_strip_get_selected (strip), ==, -1);
}

static void
test_crossfader (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(OctaPart) part = get_part (f, 0);
  g_autoptr(OctaScene) a = octa_part_get_scene (part, 0);
  g_autoptr(OctaScene) b = octa_part_get_scene (part, 1);
  g_autoptr(GBytes) before = NULL, after = NULL;
  OctaCrossfader *fader = OCTA_CROSSFADER (octa_test_gtk_find (GTK_WIDGET (f->view),
                                                               OCTA_TYPE_CROSSFADER, 0));
  GtkWidget *dial, *other;

  octa_part_set_active_scene_a (part, 1);
  octa_part_set_active_scene_b (part, 2);
  octa_scene_set_lock (a, 0, 15, 0);
  octa_scene_set_lock (b, 0, 15, 127);
  octa_parts_view_set_page (f->view, OCTA_PART_PAGE_AMP, FALSE);
  dial = octa_parts_view_get_dial (f->view, 0, "amp-vol");
  other = octa_parts_view_get_dial (f->view, 1, "amp-vol");
  g_assert_cmpint (octa_param_dial_get_value (OCTA_PARAM_DIAL (dial)), ==, 64);

  before = encode (f);
  octa_crossfader_set_position (fader, 0.25);
  g_assert_true (octa_crossfader_get_active (fader));
  g_assert_cmpint (octa_param_dial_get_value (OCTA_PARAM_DIAL (dial)), ==, 32);
  g_assert_true (gtk_widget_has_css_class (dial, "octa-dial-preview"));
  g_assert_cmpint (octa_param_dial_get_value (OCTA_PARAM_DIAL (other)), ==, 64);
  g_assert_false (gtk_widget_has_css_class (other, "octa-dial-preview"));
  octa_crossfader_set_position (fader, 1);
  g_assert_cmpint (octa_param_dial_get_value (OCTA_PARAM_DIAL (dial)), ==, 127);
  after = encode (f);
  g_assert_true (g_bytes_equal (before, after));

  octa_crossfader_set_active (fader, FALSE);
  g_assert_cmpint (octa_param_dial_get_value (OCTA_PARAM_DIAL (dial)), ==, 64);
}

/* A drag is many values and one undo step. */
static void
test_drag_one_step (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(OctaPartTrack) t1 = get_track (f, FALSE, 0);
  GtkWidget *dial;
  guint undo;

  octa_parts_view_set_page (f->view, OCTA_PART_PAGE_LFO, FALSE);
  dial = octa_parts_view_get_dial (f->view, 0, "lfo-spd1");
  undo = n_undo (f);
  g_signal_emit_by_name (dial, "edit-begin");
  for (gint v = 33; v <= 60; v++)
    g_signal_emit_by_name (dial, "value-changed", v);
  g_signal_emit_by_name (dial, "edit-end");
  g_assert_cmpuint (n_undo (f), ==, undo + 1);
  g_assert_cmpint (read_prop (G_OBJECT (t1), "lfo-spd1"), ==, 60);
  g_assert_true (octa_project_undo (f->project));
  g_assert_cmpint (read_prop (G_OBJECT (t1), "lfo-spd1"), ==, 32);
}

static void
test_formats (void)
{
  g_autofree char *a = octa_plock_format_value (OCTA_PLOCK_FORMAT_BIPOLAR, 76);
  g_autofree char *b = octa_plock_format_value (OCTA_PLOCK_FORMAT_BIPOLAR, 0);
  g_autofree char *c = octa_plock_format_value (OCTA_PLOCK_FORMAT_ENV_TRIG, 2);
  g_autofree char *d = octa_plock_format_value (OCTA_PLOCK_FORMAT_ENV_TRIG, 9);
  g_autofree char *e = octa_plock_format_value (OCTA_PLOCK_FORMAT_OFF_128, 128);
  g_autofree char *g = octa_plock_format_value (OCTA_PLOCK_FORMAT_FLEX_SLOT, 131);
  g_autofree char *h = octa_plock_format_value (OCTA_PLOCK_FORMAT_UNKNOWN, 7);
  OctaPartParam params[OCTA_PART_PAGE_MAX_PARAMS];
  guint n;

  g_assert_cmpstr (a, ==, "+12");
  g_assert_cmpstr (b, ==, "\u221264");
  g_assert_cmpstr (c, ==, "R+T");
  g_assert_cmpstr (d, ==, "#9");
  g_assert_cmpstr (e, ==, "OFF");
  g_assert_cmpstr (g, ==, "R3");
  g_assert_cmpstr (h, ==, "#7");

  n = octa_part_page_params (FALSE, OCTA_MACHINE_KIND_THRU, OCTA_FX_TYPE_OFF,
                             OCTA_PART_PAGE_SRC, FALSE, params);
  g_assert_cmpuint (n, ==, 6);
  g_assert_cmpstr (params[0].abbrev, ==, "INAB");
  g_assert_null (params[2].property);
  n = octa_part_page_params (FALSE, OCTA_MACHINE_KIND_STATIC, OCTA_FX_TYPE_DJ_EQ,
                             OCTA_PART_PAGE_FX2, FALSE, params);
  g_assert_cmpstr (params[0].property, ==, "fx2-param1");
  g_assert_cmpstr (params[0].abbrev, ==, "LS F");
  g_assert_cmpint (params[0].lock, ==, 24);
  g_assert_null (params[5].property);
  n = octa_part_page_params (FALSE, OCTA_MACHINE_KIND_NEIGHBOR, OCTA_FX_TYPE_OFF,
                             OCTA_PART_PAGE_SRC, FALSE, params);
  g_assert_cmpuint (n, ==, 6);
  g_assert_null (params[0].property);
  g_assert_true (octa_fx_type_only_fx2 (OCTA_FX_TYPE_DARK_REVERB));
  g_assert_false (octa_fx_type_only_fx2 (OCTA_FX_TYPE_FILTER));
}

static void
shot (Fixture    *f,
      const char *name)
{
  g_autofree char *path = NULL;

  octa_test_gtk_wait_for_draw (GTK_WIDGET (f->view));
  path = octa_test_gtk_screenshot (f->window, name);
  g_assert_nonnull (path);
}

/* ---- Preferences › Controls › Sliders ---- */

static GtkEventController *
dial_controller (GtkWidget *dial,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (dial);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) c = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (c, type))
        return GTK_EVENT_CONTROLLER (c);
    }
  g_assert_not_reached ();
  return NULL;
}

/* Exactly one byte of the unsaved part block changed between the two. */
static gsize
one_part_byte (GBytes *before,
               GBytes *after)
{
  g_autoptr(GArray) diff = differences (before, after);
  gsize block = octa_bank_part_offset (0, OCTA_PART_UNSAVED);
  guint in_block = 0;
  gsize offset = 0;

  for (guint i = 0; i < diff->len; i++)
    {
      gsize o = g_array_index (diff, gsize, i);

      if (o >= block && o < block + PART_BLOCK_SIZE)
        in_block++, offset = o;
    }
  g_assert_cmpuint (in_block, ==, 1);
  g_assert_cmpuint (diff->len, <=, 2);
  return offset;
}

static void
test_sliders (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (OCTA_APP_ID);
  g_autoptr(OctaPartTrack) t2 = get_track (f, FALSE, 1);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) keyed = NULL;
  GtkWidget *dial, *knob;
  gint old = read_prop (G_OBJECT (t2), "amp-vol");
  guint undo = n_undo (f);
  gboolean handled = FALSE;
  gsize offset;

  octa_parts_view_set_page (f->view, OCTA_PART_PAGE_AMP, FALSE);
  octa_test_gtk_flush ();
  knob = octa_parts_view_get_dial (f->view, 1, "amp-vol");
  g_assert_cmpint (octa_param_dial_get_style (OCTA_PARAM_DIAL (knob)), ==, OCTA_PARAM_DIAL_KNOB);

  g_settings_set_string (settings, "parameter-controls", "sliders");
  octa_test_gtk_wait_for_draw (GTK_WIDGET (f->view));
  dial = octa_parts_view_get_dial (f->view, 1, "amp-vol");
  g_assert_true (dial != knob);
  g_assert_cmpint (octa_param_dial_get_style (OCTA_PARAM_DIAL (dial)), ==, OCTA_PARAM_DIAL_SLIDER);
  /* A row: wider than tall, and much shorter than a knob with its labels. */
  g_assert_cmpint (gtk_widget_get_width (dial), >, 2 * gtk_widget_get_height (dial));
  g_assert_cmpint (gtk_widget_get_height (dial), <, 36);
  shot (f, "parts-sliders");

  /* Dragged to the right along the bar: one undo step, one byte. */
  before = encode (f);
  g_signal_emit_by_name (dial_controller (dial, GTK_TYPE_GESTURE_DRAG), "drag-begin", 40.0, 8.0);
  g_signal_emit_by_name (dial_controller (dial, GTK_TYPE_GESTURE_DRAG), "drag-update", 10.0, 0.0);
  g_signal_emit_by_name (dial_controller (dial, GTK_TYPE_GESTURE_DRAG), "drag-update", 20.0, 30.0);
  g_signal_emit_by_name (dial_controller (dial, GTK_TYPE_GESTURE_DRAG), "drag-end", 20.0, 30.0);
  g_assert_cmpuint (n_undo (f), ==, undo + 1);
  g_assert_cmpint (read_prop (G_OBJECT (t2), "amp-vol"), >, old);
  g_assert_cmpint (octa_param_dial_get_value (OCTA_PARAM_DIAL (dial)), ==,
                   read_prop (G_OBJECT (t2), "amp-vol"));
  after = encode (f);
  offset = one_part_byte (before, after);
  g_assert_cmpuint (((const guint8 *) g_bytes_get_data (after, NULL))[offset], ==,
                    read_prop (G_OBJECT (t2), "amp-vol"));

  /* A key on the slider: the same byte, one more step. */
  old = read_prop (G_OBJECT (t2), "amp-vol");
  g_signal_emit_by_name (dial_controller (dial, GTK_TYPE_EVENT_CONTROLLER_KEY), "key-pressed",
                         GDK_KEY_Left, 0, 0, &handled);
  g_assert_true (handled);
  g_assert_cmpuint (n_undo (f), ==, undo + 2);
  g_assert_cmpint (read_prop (G_OBJECT (t2), "amp-vol"), ==, old - 1);
  keyed = encode (f);
  g_assert_cmpuint (one_part_byte (after, keyed), ==, offset);

  octa_parts_view_set_page (f->view, OCTA_PART_PAGE_LFO, TRUE);
  shot (f, "parts-sliders-lfo-setup");
  octa_parts_view_set_page (f->view, OCTA_PART_PAGE_AMP, FALSE);

  g_settings_set_string (settings, "parameter-controls", "knobs");
  octa_test_gtk_flush ();
  dial = octa_parts_view_get_dial (f->view, 1, "amp-vol");
  g_assert_cmpint (octa_param_dial_get_style (OCTA_PARAM_DIAL (dial)), ==, OCTA_PARAM_DIAL_KNOB);
  g_assert_cmpint (octa_param_dial_get_value (OCTA_PARAM_DIAL (dial)), ==, old - 1);
}

/* ---- slots dropped on track rows ---- */

static GtkDropTarget *
slot_drop_target (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (child);
      GtkDropTarget *found;

      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GObject) c = g_list_model_get_item (controllers, i);

          if (GTK_IS_DROP_TARGET (c) &&
              gdk_content_formats_contain_gtype (gtk_drop_target_get_formats (GTK_DROP_TARGET (c)),
                                                 OCTA_TYPE_SAMPLE_SLOT))
            return GTK_DROP_TARGET (c);
        }
      found = slot_drop_target (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_label_starting (GtkWidget  *root,
                     const char *prefix)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (child)), prefix))
        return child;
      found = find_label_starting (child, prefix);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Emits the drop a slot dragged from the Samples view makes over row @t,
 * where the row's @property knob is. */
static gboolean
drop_slot_on_row (Fixture    *f,
                  OctaSlotKind kind,
                  guint       number,
                  guint       t,
                  const char *property)
{
  g_autoptr(OctaSampleSlot) slot = octa_project_get_sample_slot (f->project, kind, number);
  GtkDropTarget *target = slot_drop_target (GTK_WIDGET (f->view));
  GtkWidget *widget, *dial = octa_parts_view_get_dial (f->view, t, property);
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean handled = FALSE;
  double x, y;

  g_assert_nonnull (slot);
  g_assert_nonnull (target);
  g_assert_nonnull (dial);
  widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  g_assert_true (gtk_widget_translate_coordinates (dial, widget, 4,
                                                   gtk_widget_get_height (dial) / 2.0, &x, &y));
  g_value_init (&value, OCTA_TYPE_SAMPLE_SLOT);
  g_value_set_object (&value, slot);
  g_signal_emit_by_name (target, "drop", &value, x, y, &handled);
  octa_test_gtk_flush ();
  return handled;
}

static void
assert_refused (Fixture      *f,
                OctaSlotKind  kind,
                guint         number,
                guint         t,
                const char   *property,
                const char   *why)
{
  g_autoptr(GBytes) before = encode (f);
  g_autoptr(GBytes) after = NULL;
  guint undo = n_undo (f);
  guint toasts = f->toasts->len;

  g_assert_false (drop_slot_on_row (f, kind, number, t, property));
  after = encode (f);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpuint (n_undo (f), ==, undo);
  g_assert_cmpuint (f->toasts->len, ==, toasts + 1);
  g_assert_cmpstr (g_ptr_array_index (f->toasts, toasts), ==, why);
}

static void
assert_assigned (Fixture      *f,
                 OctaSlotKind  kind,
                 guint         number,
                 guint         t,
                 guint         index,
                 guint8        stored)
{
  g_autoptr(GBytes) before = encode (f);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(OctaBankFile) file = NULL;
  g_autoptr(GArray) diff = NULL;
  g_autoptr(OctaBankFile) old = decode (before);
  guint undo = n_undo (f);

  g_assert_true (drop_slot_on_row (f, kind, number, t, "amp-vol"));
  g_assert_cmpuint (n_undo (f), ==, undo + 1);
  after = encode (f);
  file = decode (after);
  g_assert_cmpuint (octa_bank_file_get_part_value (file, 0, OCTA_PART_UNSAVED,
                                                   OCTA_PART_AREA_SLOTS, t, index), ==, stored);
  g_assert_cmpuint (octa_bank_file_get_part_value (old, 0, OCTA_PART_UNSAVED,
                                                   OCTA_PART_AREA_SLOTS, t, index), !=, stored);
  /* Besides the slot byte, at most the part's edited flag may change. */
  diff = differences (before, after);
  g_assert_cmpuint (diff->len, >=, 1);
  g_assert_cmpuint (diff->len, <=, 2);
  for (guint i = 0; i < 5; i++)
    for (guint track = 0; track < 8; track++)
      if (i != index || track != t)
        g_assert_cmpuint (octa_bank_file_get_part_value (file, 0, OCTA_PART_UNSAVED,
                                                         OCTA_PART_AREA_SLOTS, track, i), ==,
                          octa_bank_file_get_part_value (old, 0, OCTA_PART_UNSAVED,
                                                         OCTA_PART_AREA_SLOTS, track, i));
}

static void
test_slot_drop (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(OctaPartTrack) t1 = get_track (f, FALSE, 0);
  g_autoptr(OctaPartTrack) t3 = get_track (f, FALSE, 2);
  g_autoptr(OctaPartTrack) t5 = get_track (f, FALSE, 4);

  octa_audio_part_track_set_machine (OCTA_AUDIO_PART_TRACK (t1), OCTA_MACHINE_KIND_FLEX);
  octa_audio_part_track_set_machine (OCTA_AUDIO_PART_TRACK (t3), OCTA_MACHINE_KIND_STATIC);
  octa_audio_part_track_set_machine (OCTA_AUDIO_PART_TRACK (t5), OCTA_MACHINE_KIND_THRU);
  octa_parts_view_set_page (f->view, OCTA_PART_PAGE_AMP, FALSE);
  octa_test_gtk_flush ();

  /* The part stores slots 0-based: Flex 12 is 11, recorder buffer 3 is Flex 131. */
  assert_assigned (f, OCTA_SLOT_KIND_FLEX, 12, 0, 1, 11);
  g_assert_cmpint (read_prop (G_OBJECT (t1), "flex-slot"), ==, 12);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_label_starting (GTK_WIDGET (f->view),
                                                                       "T1 F"))),
                   ==, "T1 F Flex 012");
  assert_assigned (f, OCTA_SLOT_KIND_RECORDER, 3, 0, 1, 130);
  g_assert_cmpint (read_prop (G_OBJECT (t1), "flex-slot"), ==, 131);
  assert_assigned (f, OCTA_SLOT_KIND_STATIC, 40, 2, 0, 39);
  g_assert_cmpint (read_prop (G_OBJECT (t3), "static-slot"), ==, 40);

  /* One step each: undo takes the Static drop back. */
  g_assert_true (octa_project_undo (f->project));
  g_assert_cmpint (read_prop (G_OBJECT (t3), "static-slot"), ==, 3);
  octa_test_gtk_flush ();
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_label_starting (GTK_WIDGET (f->view),
                                                                       "T3 S"))),
                   ==, "T3 S Static 003");

  assert_refused (f, OCTA_SLOT_KIND_FLEX, 5, 2, "amp-vol", "T3 plays Static samples");
  assert_refused (f, OCTA_SLOT_KIND_RECORDER, 1, 2, "amp-vol", "T3 plays Static samples");
  assert_refused (f, OCTA_SLOT_KIND_STATIC, 5, 0, "amp-vol", "T1 plays Flex samples");
  assert_refused (f, OCTA_SLOT_KIND_FLEX, 5, 4, "amp-vol", "T5 plays no samples");
  octa_parts_view_set_midi (f->view, TRUE);
  octa_parts_view_set_page (f->view, OCTA_PART_PAGE_SRC, FALSE);
  octa_test_gtk_flush ();
  assert_refused (f, OCTA_SLOT_KIND_FLEX, 5, 1, "note", "M2 plays no samples");
}

static void
test_screenshots (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(OctaPart) part = get_part (f, 0);
  g_autoptr(OctaScene) scene = octa_part_get_scene (part, 2);
  g_autoptr(OctaScene) scene_b = octa_part_get_scene (part, 8);
  g_autoptr(OctaPartTrack) t2 = get_track (f, FALSE, 1);
  g_autoptr(OctaPartTrack) t5 = get_track (f, FALSE, 4);
  OctaCrossfader *fader = OCTA_CROSSFADER (octa_test_gtk_find (GTK_WIDGET (f->view),
                                                               OCTA_TYPE_CROSSFADER, 0));

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  shot (f, "parts-src");
  octa_parts_view_set_page (f->view, OCTA_PART_PAGE_SRC, TRUE);
  shot (f, "parts-src-setup");
  octa_parts_view_set_page (f->view, OCTA_PART_PAGE_AMP, FALSE);
  shot (f, "parts-amp");
  octa_parts_view_set_page (f->view, OCTA_PART_PAGE_LFO, FALSE);
  shot (f, "parts-lfo");
  octa_parts_view_set_page (f->view, OCTA_PART_PAGE_LFO, TRUE);
  shot (f, "parts-lfo-setup");
  g_object_set (t2, "fx1-type", OCTA_FX_TYPE_LOFI, NULL);
  g_object_set (t5, "fx1-type", OCTA_FX_TYPE_PHASER, NULL);
  octa_parts_view_set_page (f->view, OCTA_PART_PAGE_FX1, FALSE);
  shot (f, "parts-fx1");
  {
    g_autoptr(OctaPartTrack) t1 = get_track (f, FALSE, 0);

    g_object_set (t1, "fx1-type", OCTA_FX_TYPE_COMPRESSOR, NULL);
    g_signal_emit_by_name (find_button_in (GTK_WIDGET (f->view), GTK_TYPE_BUTTON, "FILTER"),
                           "clicked");
    shot (f, "parts-fx1-defaults");
  }
  octa_parts_view_set_page (f->view, OCTA_PART_PAGE_FX2, FALSE);
  shot (f, "parts-fx2");
  octa_parts_view_set_page (f->view, OCTA_PART_PAGE_REC, FALSE);
  shot (f, "parts-rec");
  octa_parts_view_set_midi (f->view, TRUE);
  octa_parts_view_set_page (f->view, OCTA_PART_PAGE_SRC, FALSE);
  shot (f, "parts-midi-note");
  octa_parts_view_set_page (f->view, OCTA_PART_PAGE_AMP, FALSE);
  shot (f, "parts-midi-arp");
  octa_parts_view_set_midi (f->view, FALSE);

  octa_part_set_active_scene_a (part, 3);
  octa_part_set_active_scene_b (part, 9);
  octa_scene_set_lock (scene, 0, 15, 100);
  octa_scene_set_lock (scene, 3, 12, 20);
  octa_scene_set_lock (scene_b, 0, 15, 30);
  octa_scene_set_xlv (scene, 1, 80);
  octa_parts_view_set_page (f->view, OCTA_PART_PAGE_AMP, FALSE);
  octa_parts_view_edit_scene (f->view, 2);
  shot (f, "parts-scene-edit");
  octa_parts_view_edit_scene (f->view, -1);
  octa_crossfader_set_position (fader, 0.4);
  shot (f, "parts-crossfader");
  /* the guide's minimum window: the parts list folds away, rows scroll */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1024, 700);
  shot (f, "parts-1024x700");
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  octa_parts_view_edit_scene (f->view, 2);
  shot (f, "parts-scene-edit-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  OCTA_TEST_GTK_MAIN_PROLOGUE (argc, argv);

  g_test_add_func ("/ui/parts/formats", test_formats);
  g_test_add ("/ui/parts/every-editor", Fixture, NULL,
              fixture_set_up_hidden, test_every_editor, fixture_tear_down);
  g_test_add ("/ui/parts/fx-type", Fixture, NULL,
              fixture_set_up, test_fx_type, fixture_tear_down);
  g_test_add ("/ui/parts/machine-lossless", Fixture, NULL,
              fixture_set_up, test_machine_lossless, fixture_tear_down);
  g_test_add ("/ui/parts/save-reload", Fixture, NULL,
              fixture_set_up, test_save_reload, fixture_tear_down);
  g_test_add ("/ui/parts/bank-switch", Fixture, NULL,
              fixture_set_up, test_bank_switch, fixture_tear_down);
  g_test_add ("/ui/parts/rename", Fixture, NULL,
              fixture_set_up, test_rename, fixture_tear_down);
  g_test_add ("/ui/parts/scene-locks", Fixture, NULL,
              fixture_set_up, test_scene_locks, fixture_tear_down);
  g_test_add ("/ui/parts/keys", Fixture, NULL,
              fixture_set_up, test_keys, fixture_tear_down);
  g_test_add ("/ui/parts/scene-assign", Fixture, NULL,
              fixture_set_up, test_scene_assign, fixture_tear_down);
  g_test_add ("/ui/parts/crossfader", Fixture, NULL,
              fixture_set_up, test_crossfader, fixture_tear_down);
  g_test_add ("/ui/parts/drag-one-step", Fixture, NULL,
              fixture_set_up, test_drag_one_step, fixture_tear_down);
  g_test_add ("/ui/parts/sliders", Fixture, NULL,
              fixture_set_up, test_sliders, fixture_tear_down);
  g_test_add ("/ui/parts/slot-drop", Fixture, NULL,
              fixture_set_up, test_slot_drop, fixture_tear_down);
  g_test_add ("/ui/parts/screenshots", Fixture, NULL,
              fixture_set_up_demo, test_screenshots, fixture_tear_down);
  return g_test_run ();
}
