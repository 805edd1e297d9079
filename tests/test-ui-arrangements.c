/* SPDX-License-Identifier: MIT */
#include <adwaita.h>
#include <string.h>

#include "octa.h"
#include "octa-arrangement-view.h"
#include "octa-codec.h"
#include "octa-test-gtk-utils.h"
#include "octa-test-utils.h"

/*
 * The arrangements view: adding and editing rows writes exactly their bytes
 * in arrNN.work (read back through octa_project_encode_file and the codec),
 * Alt+↑/↓ moves a row in one undo step, LOOP/JUMP/HALT rows stay read-only.
 */

typedef struct
{
  OctaProject         *project;
  GtkWidget           *window;
  OctaArrangementView *view;
  GBytes              *before;
} Fixture;

static GBytes *
encode (Fixture    *f,
        const char *name)
{
  GBytes *bytes = octa_project_encode_file (f->project, name);

  g_assert_nonnull (bytes);
  return bytes;
}

/* Every byte of @name that differs from the last snapshot lies in @ranges
 * (pairs of offset, length) or is the checksum; the snapshot moves on. */
static void
assert_only_changed (Fixture    *f,
                     const char *name,
                     const gsize *ranges,
                     guint       n_ranges)
{
  g_autoptr(GBytes) now = encode (f, name);
  gsize len, old_len;
  const guint8 *a = g_bytes_get_data (now, &len);
  const guint8 *b = g_bytes_get_data (f->before, &old_len);

  g_assert_cmpuint (len, ==, old_len);
  for (gsize i = 0; i < len; i++)
    {
      gboolean allowed = i >= len - 2;

      for (guint r = 0; r < n_ranges; r++)
        allowed |= i >= ranges[2 * r] && i < ranges[2 * r] + ranges[2 * r + 1];
      if (a[i] != b[i] && !allowed)
        g_error ("%s: byte %" G_GSIZE_FORMAT " changed (%02x → %02x)", name, i, b[i], a[i]);
    }
  g_bytes_unref (f->before);
  f->before = g_steal_pointer (&now);
}

static OctaArrangementFile *
decode (Fixture *f)
{
  g_autoptr(GBytes) bytes = encode (f, "arr01.work");
  g_autoptr(GError) error = NULL;
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  OctaArrangementFile *file = octa_arrangement_file_new_from_data (data, len, "arr01.work",
                                                                   OCTA_LOAD_DEFAULT, &error);

  g_assert_no_error (error);
  return file;
}

static void
assert_row_bytes (Fixture      *f,
                  guint         row,
                  const guint8 *want)
{
  OctaArrangementFile *file = decode (f);

  for (guint i = 0; i < OCTA_ARRANGEMENT_ROW_SIZE; i++)
    if (octa_arrangement_file_get_row_byte (file, OCTA_ARRANGEMENT_WORKING, row, i) != want[i])
      g_error ("row %u byte %u: %02x, want %02x", row, i,
               octa_arrangement_file_get_row_byte (file, OCTA_ARRANGEMENT_WORKING, row, i),
               want[i]);
  octa_arrangement_file_free (file);
}

/* The details pane's spin button with accessible label… found through its
 * tooltip or label, the way a user reads it. */
static GtkSpinButton *
detail_spin (Fixture    *f,
             const char *title)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  octa_test_gtk_collect (GTK_WIDGET (f->view), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);

      if (g_strcmp0 (gtk_label_get_text (label), title) == 0
          && GTK_IS_SPIN_BUTTON (gtk_label_get_mnemonic_widget (label)))
        return GTK_SPIN_BUTTON (gtk_label_get_mnemonic_widget (label));
    }
  g_error ("no spin titled %s", title);
  return NULL;
}

static GtkWidget *
find_toggle (Fixture    *f,
             const char *label)
{
  g_autoptr(GPtrArray) toggles = g_ptr_array_new ();

  octa_test_gtk_collect (GTK_WIDGET (f->view), GTK_TYPE_TOGGLE_BUTTON, toggles);
  for (guint i = 0; i < toggles->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (toggles, i)), label) == 0)
      return g_ptr_array_index (toggles, i);
  return NULL;
}

static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  octa_test_gtk_collect (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, i)), text) == 0)
      return g_ptr_array_index (labels, i);
  return NULL;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->project = octa_project_new_blank ("ARRANGE");
  f->window = gtk_window_new ();
  f->view = OCTA_ARRANGEMENT_VIEW (octa_arrangement_view_new ());
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->view));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 700);
  gtk_window_present (GTK_WINDOW (f->window));
  g_object_set (f->view, "project", f->project, NULL);
  octa_test_gtk_wait_for_draw (GTK_WIDGET (f->view));
  f->before = encode (f, "arr01.work");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  octa_test_gtk_flush ();
  g_clear_pointer (&f->before, g_bytes_unref);
  g_assert_finalize_object (f->project);
}

static void
test_add_and_edit (Fixture       *f,
                   gconstpointer  data)
{
  gsize row0 = octa_arrangement_row_offset (OCTA_ARRANGEMENT_WORKING, 0);
  gsize row1 = octa_arrangement_row_offset (OCTA_ARRANGEMENT_WORKING, 1);
  gsize count = octa_arrangement_block_offset (OCTA_ARRANGEMENT_WORKING) + 16;
  guint8 want[OCTA_ARRANGEMENT_ROW_SIZE] = { 0 };
  g_autofree char *shot_empty = NULL, *shot_rows = NULL, *shot_reminder = NULL;

  g_assert_true (octa_arrangement_view_get_project (f->view) == f->project);
  g_assert_nonnull (find_label (GTK_WIDGET (f->view), "Arrangement 1 is empty"));
  shot_empty = octa_test_gtk_screenshot (GTK_WIDGET (f->view), "arrangements-empty");

  /* + Pattern: the row count and the new row's 22 bytes, nothing else */
  gtk_widget_activate_action (GTK_WIDGET (f->view), "arrangement.add-pattern", NULL);
  {
    const gsize ranges[] = { count, 2, row0, OCTA_ARRANGEMENT_ROW_SIZE };

    assert_only_changed (f, "arr01.work", ranges, 2);
  }
  want[8] = want[9] = 0xFF;
  want[13] = 16;
  assert_row_bytes (f, 0, want);
  {
    OctaArrangementFile *file = decode (f);

    g_assert_cmpuint (octa_arrangement_file_get_row_count (file, OCTA_ARRANGEMENT_WORKING), ==, 1);
    octa_arrangement_file_free (file);
  }
  g_assert_cmpint (octa_arrangement_view_get_selected_row (f->view), ==, 0);
  /* the saved copy is untouched: working ≠ saved */
  g_assert_nonnull (find_label (GTK_WIDGET (f->view), "1 row · working ≠ saved"));

  /* the details pane edits the selected row, each field its own bytes */
  gtk_spin_button_set_value (detail_spin (f, "Pattern"), 18);
  gtk_spin_button_set_value (detail_spin (f, "Repeats"), 4);
  gtk_spin_button_set_value (detail_spin (f, "Scene A"), 2);
  gtk_spin_button_set_value (detail_spin (f, "BPM"), 120);
  gtk_spin_button_set_value (detail_spin (f, "Offset"), 8);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_toggle (f, "T2")), TRUE);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_toggle (f, "M8")), TRUE);
  {
    const gsize ranges[] = { row0, OCTA_ARRANGEMENT_ROW_SIZE };

    assert_only_changed (f, "arr01.work", ranges, 1);
  }
  want[1] = 18;         /* B03 */
  want[2] = 3;          /* played 4 times */
  want[4] = 0x02;       /* T2 muted */
  want[5] = 0x80;       /* M8 muted */
  want[6] = 0x0B;       /* 120 BPM × 24 = 2880 */
  want[7] = 0x40;
  want[8] = 2;          /* scene 3 */
  want[11] = 8;         /* offset 8 … */
  want[13] = 24;        /* … keeps 16 steps: the end is stored */
  assert_row_bytes (f, 0, want);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (detail_spin (f, "Pattern"))), ==, "B03");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (detail_spin (f, "Scene A"))), ==, "3");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (detail_spin (f, "Scene B"))), ==, "—");
  /* the table shows it */
  octa_test_gtk_wait_for_draw (GTK_WIDGET (f->view));
  g_assert_nonnull (find_label (GTK_WIDGET (f->view), "▶ Pattern"));
  g_assert_nonnull (find_label (GTK_WIDGET (f->view), "×4"));
  g_assert_nonnull (find_label (GTK_WIDGET (f->view), "120.0"));

  /* + Reminder, with a text */
  gtk_widget_activate_action (GTK_WIDGET (f->view), "arrangement.add-reminder", NULL);
  {
    g_autoptr(GPtrArray) entries = g_ptr_array_new ();

    octa_test_gtk_collect (GTK_WIDGET (f->view), GTK_TYPE_ENTRY, entries);
    g_assert_cmpuint (entries->len, ==, 1);
    gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (entries, 0)), "chorus");
    g_signal_emit_by_name (g_ptr_array_index (entries, 0), "activate");
  }
  {
    const gsize ranges[] = { count, 2, row1, OCTA_ARRANGEMENT_ROW_SIZE };
    guint8 reminder[OCTA_ARRANGEMENT_ROW_SIZE] = { 2, 'C', 'H', 'O', 'R', 'U', 'S' };

    assert_only_changed (f, "arr01.work", ranges, 2);
    assert_row_bytes (f, 1, reminder);
  }
  octa_test_gtk_wait_for_draw (GTK_WIDGET (f->view));
  g_assert_nonnull (find_label (GTK_WIDGET (f->view), "“CHORUS”"));
  shot_reminder = octa_test_gtk_screenshot (GTK_WIDGET (f->view), "arrangements-reminder");

  /* Alt+↑ moves the reminder above the pattern row, as one undo step */
  g_assert_cmpint (octa_arrangement_view_get_selected_row (f->view), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "arrangement.move-up", NULL);
  g_assert_cmpint (octa_arrangement_view_get_selected_row (f->view), ==, 0);
  {
    const gsize ranges[] = { row0, 2 * OCTA_ARRANGEMENT_ROW_SIZE };
    guint8 reminder[OCTA_ARRANGEMENT_ROW_SIZE] = { 2, 'C', 'H', 'O', 'R', 'U', 'S' };

    assert_only_changed (f, "arr01.work", ranges, 1);
    assert_row_bytes (f, 0, reminder);
    assert_row_bytes (f, 1, want);
  }
  g_assert_true (octa_project_undo (f->project));
  assert_row_bytes (f, 0, want);
  g_assert_true (octa_project_redo (f->project));

  octa_arrangement_view_select_row (f->view, 1);
  octa_test_gtk_wait_for_draw (GTK_WIDGET (f->view));
  shot_rows = octa_test_gtk_screenshot (GTK_WIDGET (f->view), "arrangements-rows");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  octa_test_gtk_flush ();
  g_free (octa_test_gtk_screenshot (GTK_WIDGET (f->view), "arrangements-rows-dark"));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  octa_test_gtk_flush ();

  /* other arrangements stay as they were */
  {
    g_autoptr(GBytes) other = encode (f, "arr02.work");
    g_autoptr(OctaProject) blank = octa_project_new_blank ("ARRANGE");
    g_autoptr(GBytes) blank_other = octa_project_encode_file (blank, "arr02.work");

    g_assert_true (g_bytes_equal (other, blank_other));
  }

  g_assert_nonnull (shot_empty);
  g_assert_nonnull (shot_rows);
}

/* A LOOP/JUMP/HALT row is shown as stored: its bytes, no editing, no
 * moves while it is there. */
static void
test_jump_rows (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(OctaArrangement) arrangement = octa_project_get_arrangement (f->project, 0);
  g_autoptr(OctaArrangementRow) first = octa_arrangement_append_row (arrangement,
                                                                     OCTA_ARRANGEMENT_ROW_PATTERN);
  g_autoptr(OctaArrangementRow) jump = octa_arrangement_append_row (arrangement,
                                                                    OCTA_ARRANGEMENT_ROW_PATTERN);
  g_autofree char *shot = NULL;

  /* a halt under both readings of the target byte */
  octa_project_begin_change (f->project, "test");
  octa_arrangement_row_set_byte (jump, 0, 1);
  octa_arrangement_row_set_byte (jump, 2, 1);
  octa_arrangement_row_set_byte (jump, 3, 1);
  octa_project_end_change (f->project);
  g_clear_pointer (&f->before, g_bytes_unref);
  f->before = encode (f, "arr01.work");

  octa_arrangement_view_select_row (f->view, 1);
  octa_test_gtk_wait_for_draw (GTK_WIDGET (f->view));
  g_assert_nonnull (find_label (GTK_WIDGET (f->view), "■ Halt"));
  g_assert_nonnull (find_label (GTK_WIDGET (f->view),
                                "Shown as stored; editing comes when the format is confirmed"));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (detail_spin (f, "Pattern"))));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (f->view), "arrangement.move-up", NULL)
                  && octa_arrangement_view_get_selected_row (f->view) == 0);
  g_assert_false (octa_arrangement_move_row (arrangement, 1, 0));
  {
    const gsize none[] = { 0, 0 };

    assert_only_changed (f, "arr01.work", none, 0);
  }
  shot = octa_test_gtk_screenshot (GTK_WIDGET (f->view), "arrangements-halt");

  /* readings that disagree name neither */
  octa_arrangement_row_set_byte (jump, 2, 0);
  octa_test_gtk_wait_for_draw (GTK_WIDGET (f->view));
  g_assert_nonnull (find_label (GTK_WIDGET (f->view), "↺ Loop or jump"));
  g_assert_nonnull (shot);
}

int
main (int   argc,
      char *argv[])
{
  OCTA_TEST_GTK_MAIN_PROLOGUE (argc, argv);

  g_test_add ("/ui/arrangements/add-and-edit", Fixture, NULL,
              fixture_set_up, test_add_and_edit, fixture_tear_down);
  g_test_add ("/ui/arrangements/jump-rows", Fixture, NULL,
              fixture_set_up, test_jump_rows, fixture_tear_down);

  return g_test_run ();
}
