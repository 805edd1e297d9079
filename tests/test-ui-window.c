/* SPDX-License-Identifier: MIT */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "octa-application.h"
#include "octa-codec.h"
#include "octa-project-save.h"
#include "octa-test-gtk-utils.h"
#include "octa-test-utils.h"
#include "octa-transaction.h"
#include "octa-step-grid-private.h"
#include "octa-arrangement-view.h"
#include "octa-parts-view.h"
#include "octa-project-view.h"
#include "octa-samples-view.h"
#include "octa-window-private.h"

/*
 * The project window, driven the way the keyboard and menus drive it: through
 * its actions (win.*, matrix.*), the model, and the drop target. Files are
 * checked on disk with the codec.
 */

static OctaApplication *app;

/* ---- helpers ----------------------------------------------------------- */

static char *
write_blank_project (const char *name)
{
  g_autofree char *tmp = octa_test_make_tmpdir ();
  char *dir = g_build_filename (tmp, name, NULL);
  g_autoptr(OctaProjectFiles) files = octa_project_files_new_blank (name);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  g_assert_true (octa_project_files_write_dir (files, dir, &error));
  g_assert_no_error (error);
  return dir;
}

static void
remove_project_dir (const char *dir)
{
  g_autofree char *parent = g_path_get_dirname (dir);

  octa_test_rm_rf (parent);
}

static OctaWindow *
new_window (void)
{
  OctaWindow *window = octa_window_new (GTK_APPLICATION (app));

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  octa_test_gtk_wait_for_draw (GTK_WIDGET (window));
  return window;
}

static void
destroy_window (OctaWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  octa_test_gtk_flush ();
}

static gboolean
has_project (gpointer data)
{
  return octa_window_get_project (data) != NULL;
}

static gboolean
has_app_icon (gpointer data)
{
  return g_strcmp0 (gtk_window_get_icon_name (data), OCTA_APP_ID) == 0;
}

static gboolean
is_idle (gpointer data)
{
  OctaWindow *window = data;

  return window->cancellable == NULL;
}

static gboolean
is_unmodified (gpointer data)
{
  OctaWindow *window = data;

  return !window->saving && !octa_project_get_modified (window->project);
}

static void
open_and_wait (OctaWindow *window,
               const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  octa_window_open_file (window, file);
  g_assert_true (octa_test_gtk_wait_until (has_project, window, 20000));
  octa_test_gtk_wait_for_draw (GTK_WIDGET (window));
}

static char *
current_label (OctaWindow *window)
{
  g_assert_nonnull (octa_window_get_pattern (window));
  return octa_pattern_dup_label (octa_window_get_pattern (window));
}

static void
assert_current (OctaWindow *window,
                const char *label)
{
  g_autofree char *current = current_label (window);

  g_assert_cmpstr (current, ==, label);
}

static gboolean
title_is_unsaved (OctaWindow *window)
{
  const char *title = adw_view_switcher_title_get_title (window->switcher_title);

  /* the window's own title (task switchers) says the same */
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), title));
  return g_str_has_prefix (title, "•");
}

static OctaAudioPatternTrack *
audio_track (OctaWindow *window,
             guint       track)
{
  return octa_pattern_get_audio_track (octa_window_get_pattern (window), track);
}

static OctaBankFile *
read_bank (const char *dir,
           const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  g_autofree guint8 *data = octa_test_read_file (path, &len);
  OctaBankFile *bank = octa_bank_file_new_from_data (data, len, name, OCTA_LOAD_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bank);
  return bank;
}

static void
assert_file_matches_model (OctaWindow *window,
                           const char *dir,
                           const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GBytes) expected = octa_project_encode_file (window->project, name);
  gsize len = 0;
  g_autofree guint8 *data = octa_test_read_file (path, &len);

  g_assert_nonnull (expected);
  g_assert_cmpmem (data, len, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
}

/* ---- the start page ---------------------------------------------------- */

static void
test_start_page (void)
{
  g_autofree char *dir = write_blank_project ("LIVE-SET");
  g_autoptr(GSettings) settings = g_settings_new (OCTA_APP_ID);
  g_autoptr(GFile) file = g_file_new_for_path (dir);
  g_autofree char *shot = NULL;
  OctaWindow *window;
  GtkListBox *recent;

  octa_recent_projects_add (settings, file);
  window = new_window ();

  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->main_stack), ==, "start");
  g_assert_null (octa_window_get_project (window));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->save_button)));
  g_assert_false (gtk_widget_get_visible (window->undo_button));

  /* set once the start page is on screen, not while the window is built */
  g_assert_true (octa_test_gtk_wait_until (has_app_icon, window, 20000));
  g_assert_cmpstr (gtk_window_get_default_icon_name (), ==, OCTA_APP_ID);

  recent = octa_start_page_get_recent_list (window->start_page);
  g_assert_nonnull (gtk_list_box_get_row_at_index (recent, 0));
  g_assert_cmpstr (adw_preferences_row_get_title (
                     ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (recent, 0))),
                   ==, "LIVE-SET");

  /* the same list in the primary menu's Open Recent */
  g_assert_cmpint (g_menu_model_get_n_items (G_MENU_MODEL (window->recent_menu)), >=, 1);
  /* the keyboard shortcuts window and the keyboard map's accelerators */
  {
    GtkShortcutsWindow *overlay;
    GLogLevelFlags fatal;

    /* built when first asked for, not with the window */
    g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
    /* GTK 4.8's shortcuts window warns about one of its own labels when
     * shown (test-ui-templates) */
    fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
    g_action_group_activate_action (G_ACTION_GROUP (window), "show-help-overlay", NULL);
    overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
    g_assert_nonnull (overlay);
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
    g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (overlay)) == GTK_WINDOW (window));
    octa_test_gtk_wait_for_draw (GTK_WIDGET (overlay));
    gtk_window_close (GTK_WINDOW (overlay));
    octa_test_gtk_flush ();
    g_log_set_always_fatal (fatal);
    /* hidden on close, kept for the next time */
    g_assert_true (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window))
                   == overlay);
  }
  {
    g_auto(GStrv) undo = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                "win.undo");
    g_auto(GStrv) redo = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                "win.redo");
    g_auto(GStrv) sidebar = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                   "win.toggle-sidebar");

    g_assert_cmpstr (undo[0], ==, "<Control>z");
    g_assert_cmpstr (redo[0], ==, "<Shift><Control>z");
    g_assert_cmpstr (sidebar[0], ==, "F9");
  }

  shot = octa_test_gtk_screenshot (GTK_WIDGET (window), "start-page");
  g_assert_true (g_file_test (shot, G_FILE_TEST_IS_REGULAR));

  /* a recent row opens its project in this window */
  g_signal_emit_by_name (recent, "row-activated", gtk_list_box_get_row_at_index (recent, 0));
  g_assert_true (octa_test_gtk_wait_until (has_project, window, 20000));
  g_assert_cmpstr (octa_project_get_name (octa_window_get_project (window)), ==, "LIVE-SET");

  destroy_window (window);
  remove_project_dir (dir);
}

/* ---- a generated project: navigation, edits, undo, save ---------------- */

static void
test_generated_project (void)
{
  g_autofree char *dir = write_blank_project ("GEN-TEST");
  OctaWindow *window = new_window ();
  g_autoptr(OctaAudioPatternTrack) track = NULL;
  g_autoptr(OctaBankFile) saved = NULL;
  OctaBankMatrix *matrix;

  open_and_wait (window, dir);
  matrix = window->bank_matrix;

  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->main_stack), ==, "project");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->save_button)));
  g_assert_false (title_is_unsaved (window));
  g_assert_cmpstr (adw_view_switcher_title_get_title (window->switcher_title), ==, "GEN-TEST");
  assert_current (window, "A01");
  g_assert_false (gtk_widget_is_sensitive (window->undo_button));

  /* by action, as the keyboard map and menus do */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.select-pattern", "(uu)", 1, 6);
  assert_current (window, "B07");
  g_assert_cmpuint (octa_bank_matrix_get_current_bank (matrix), ==, 1);
  g_assert_cmpuint (octa_bank_matrix_get_current_pattern (matrix), ==, 6);
  g_assert_cmpuint (octa_bank_get_index (octa_pattern_list_get_bank (window->pattern_list)),
                    ==, 1);
  g_assert_cmpstr (gtk_label_get_label (window->bank_label), ==, "Bank B");

  /* through the matrix: move the cursor, then Enter */
  octa_bank_matrix_set_cursor (matrix, 2, 3);
  g_assert_cmpuint (octa_bank_get_index (octa_pattern_list_get_bank (window->pattern_list)),
                    ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (matrix), "matrix.activate-cursor", NULL);
  assert_current (window, "C04");
  gtk_widget_activate_action (GTK_WIDGET (matrix), "matrix.move-cursor", "(ii)", 0, 1);
  gtk_widget_activate_action (GTK_WIDGET (matrix), "matrix.move-cursor", "(ii)", 1, 0);
  gtk_widget_activate_action (GTK_WIDGET (matrix), "matrix.move-cursor", "(ii)", -1, 0);
  gtk_widget_activate_action (GTK_WIDGET (matrix), "matrix.activate-cursor", NULL);
  assert_current (window, "C05");
  gtk_widget_activate_action (GTK_WIDGET (matrix), "matrix.move-cursor", "(ii)", -9, -99);
  g_assert_cmpuint (octa_bank_matrix_get_cursor_bank (matrix), ==, 0);
  g_assert_cmpuint (octa_bank_matrix_get_cursor_pattern (matrix), ==, 0);

  /* through the pattern list */
  g_signal_emit_by_name (window->pattern_list, "pattern-activated", 2, 5);
  assert_current (window, "C06");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-pattern", NULL);
  assert_current (window, "C07");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-pattern", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-bank", NULL);
  assert_current (window, "D06");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-bank", NULL);
  assert_current (window, "C06");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.select-pattern", "(uu)", 0, 15);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-pattern", NULL);
  assert_current (window, "B01");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.select-pattern", "(uu)", 2, 5);
  assert_current (window, "C06");

  /* F6 walks the panes: from the grid back to the matrix */
  if (window->step_grid != NULL)
    {
      gtk_widget_grab_focus (window->step_grid);
      gtk_widget_activate_action (GTK_WIDGET (window), "win.cycle-pane-backward", NULL);
      g_assert_true (gtk_widget_has_focus (GTK_WIDGET (matrix)));
      gtk_widget_activate_action (GTK_WIDGET (window), "win.cycle-pane", NULL);
      g_assert_false (gtk_widget_has_focus (GTK_WIDGET (matrix)));
      g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                             window->step_grid) ||
                     gtk_root_get_focus (GTK_ROOT (window)) == window->step_grid);
    }

  /* an edit through the model marks the title and the matrix */
  track = audio_track (window, 2);
  g_assert_false (octa_pattern_get_has_trigs (octa_window_get_pattern (window)));
  octa_pattern_track_set_trig (OCTA_PATTERN_TRACK (track), OCTA_TRIG_TYPE_TRIGGER, 4, TRUE);
  octa_pattern_track_set_trig (OCTA_PATTERN_TRACK (track), OCTA_TRIG_TYPE_TRIGGER, 12, TRUE);
  octa_test_gtk_flush ();
  g_assert_true (octa_pattern_get_has_trigs (octa_window_get_pattern (window)));
  g_assert_true (title_is_unsaved (window));
  g_assert_true (gtk_widget_is_sensitive (window->undo_button));
  g_assert_cmpuint (octa_ui_pattern_count_trigs (octa_window_get_pattern (window)), ==, 2);
  g_assert_cmpuint (octa_ui_pattern_track_occupancy (octa_window_get_pattern (window)), ==,
                    1 << 2);

  /* undo and redo by action, with a toast naming the edit */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_false (octa_pattern_track_get_trig (OCTA_PATTERN_TRACK (track),
                                               OCTA_TRIG_TYPE_TRIGGER, 12));
  g_assert_true (octa_pattern_track_get_trig (OCTA_PATTERN_TRACK (track),
                                              OCTA_TRIG_TYPE_TRIGGER, 4));
  g_assert_nonnull (window->toast);
  g_assert_true (g_str_has_prefix (adw_toast_get_title (window->toast), "Undone: "));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_false (octa_pattern_get_has_trigs (octa_window_get_pattern (window)));
  g_assert_false (title_is_unsaved (window));
  g_assert_false (gtk_widget_is_sensitive (window->undo_button));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  g_assert_true (g_str_has_prefix (adw_toast_get_title (window->toast), "Redone: "));
  g_assert_true (octa_pattern_track_get_trig (OCTA_PATTERN_TRACK (track),
                                              OCTA_TRIG_TYPE_TRIGGER, 12));
  g_assert_true (title_is_unsaved (window));

  /* the pattern list's menu actions: assign a part, clear with a toast */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.assign-part", "(uuu)", 2, 5, 3);
  g_assert_cmpuint (octa_pattern_get_part (octa_window_get_pattern (window)), ==, 3);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-pattern", "(uu)", 2, 5);
  g_assert_false (octa_pattern_get_has_trigs (octa_window_get_pattern (window)));
  g_assert_cmpstr (adw_toast_get_title (window->toast), ==, "Cleared pattern C06");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_true (octa_pattern_get_has_trigs (octa_window_get_pattern (window)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpuint (octa_pattern_get_part (octa_window_get_pattern (window)), ==, 1);

  /* "Save Like the Device" in the Save menu: a setting, and a stateful action */
  {
    g_autoptr(GSettings) settings = g_settings_new (OCTA_APP_ID);
    g_autofree char *strd = g_build_filename (dir, "bank03.strd", NULL);

    g_assert_false (g_settings_get_boolean (settings, "save-like-device"));
    g_assert_false (g_file_test (strd, G_FILE_TEST_EXISTS));
    gtk_widget_activate_action (GTK_WIDGET (window), "win.save-like-device", NULL);
    g_assert_true (g_settings_get_boolean (settings, "save-like-device"));

    /* save by action, then read the bank back with the codec */
    gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
    g_assert_true (octa_test_gtk_wait_until (is_unmodified, window, 20000));
    g_assert_true (g_file_test (strd, G_FILE_TEST_IS_REGULAR));
    assert_file_matches_model (window, dir, "bank03.strd");
    g_settings_reset (settings, "save-like-device");
  }
  g_assert_false (title_is_unsaved (window));
  saved = read_bank (dir, "bank03.work");
  g_assert_cmphex (octa_bank_file_get_trig_mask (saved, 5, OCTA_TRACK_AUDIO, 2, OCTA_TRIG_TRIGGER),
                   ==, (G_GUINT64_CONSTANT (1) << 4) | (G_GUINT64_CONSTANT (1) << 12));
  g_assert_cmphex (octa_bank_file_get_trig_mask (saved, 4, OCTA_TRACK_AUDIO, 2, OCTA_TRIG_TRIGGER),
                   ==, 0);
  assert_file_matches_model (window, dir, "bank03.work");
  assert_file_matches_model (window, dir, "bank01.work");

  /* a saved project closes without asking */
  {
    gpointer weak = window;

    g_object_add_weak_pointer (G_OBJECT (window), &weak);
    gtk_window_close (GTK_WINDOW (window));
    octa_test_gtk_flush ();
    g_assert_null (weak);
  }
  remove_project_dir (dir);
}

/* ---- closing with unsaved edits ---------------------------------------- */

static void
edit_something (OctaWindow *window)
{
  g_autoptr(OctaAudioPatternTrack) track = audio_track (window, 0);

  octa_pattern_track_set_trig (OCTA_PATTERN_TRACK (track), OCTA_TRIG_TYPE_TRIGLESS, 7, TRUE);
  octa_test_gtk_flush ();
  g_assert_true (octa_project_get_modified (window->project));
}

static AdwMessageDialog *
find_message_dialog (OctaWindow *window)
{
  octa_test_gtk_flush ();
  return ADW_MESSAGE_DIALOG (octa_test_gtk_find_transient (GTK_WINDOW (window),
                                                           ADW_TYPE_MESSAGE_DIALOG));
}

/* A button click responds and then closes the dialog; do the same. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  g_object_ref (dialog);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

static void
test_close_confirm (void)
{
  g_autofree char *dir = write_blank_project ("CLOSE-ME");
  OctaWindow *window = new_window ();
  gpointer weak = window;
  AdwMessageDialog *dialog;

  open_and_wait (window, dir);
  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  edit_something (window);

  gtk_window_close (GTK_WINDOW (window));
  dialog = find_message_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save changes to CLOSE-ME?");
  g_assert_true (adw_message_dialog_has_response (dialog, "save"));
  g_assert_true (adw_message_dialog_has_response (dialog, "discard"));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "discard"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "save");

  /* Cancel keeps the window and the edits */
  respond (dialog, "cancel");
  octa_test_gtk_flush ();
  g_assert_nonnull (weak);
  g_assert_true (octa_project_get_modified (window->project));
  g_assert_null (find_message_dialog (window));

  /* Save writes, then closes */
  gtk_window_close (GTK_WINDOW (window));
  dialog = find_message_dialog (window);
  g_assert_nonnull (dialog);
  respond (dialog, "save");
  while (weak != NULL)
    g_main_context_iteration (NULL, TRUE);
  {
    g_autoptr(OctaBankFile) saved = read_bank (dir, "bank01.work");

    g_assert_cmphex (octa_bank_file_get_trig_mask (saved, 0, OCTA_TRACK_AUDIO, 0,
                                                   OCTA_TRIG_TRIGLESS),
                     ==, G_GUINT64_CONSTANT (1) << 7);
  }

  /* Discard closes without writing */
  window = new_window ();
  weak = window;
  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  open_and_wait (window, dir);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.select-pattern", "(uu)", 0, 1);
  edit_something (window);
  gtk_window_close (GTK_WINDOW (window));
  dialog = find_message_dialog (window);
  g_assert_nonnull (dialog);
  respond (dialog, "discard");
  octa_test_gtk_flush ();
  g_assert_null (weak);
  {
    g_autoptr(OctaBankFile) saved = read_bank (dir, "bank01.work");

    g_assert_cmphex (octa_bank_file_get_trig_mask (saved, 1, OCTA_TRACK_AUDIO, 0,
                                                   OCTA_TRIG_TRIGLESS), ==, 0);
  }
  remove_project_dir (dir);
}

/* ---- a real project from the corpus ------------------------------------ */

static void
copy_folder (const char *from,
             const char *to)
{
  g_autoptr(GDir) dir = g_dir_open (from, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  g_assert_cmpint (g_mkdir_with_parents (to, 0755), ==, 0);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *src = g_build_filename (from, name, NULL);
      g_autofree char *dst = g_build_filename (to, name, NULL);
      gsize len = 0;
      g_autofree guint8 *data = NULL;

      if (!g_file_test (src, G_FILE_TEST_IS_REGULAR))
        continue;
      data = octa_test_read_file (src, &len);
      octa_test_write_file (dst, data, len);
    }
}

static void
test_corpus_project (void)
{
  g_autofree char *source = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *original_path = NULL;
  g_autofree guint8 *original = NULL;
  g_autofree guint8 *after = NULL;
  g_autoptr(OctaAudioPatternTrack) track = NULL;
  g_autoptr(OctaBankFile) before_bank = NULL;
  gsize original_len = 0, after_len = 0;
  guint64 mask;
  gsize offsets[10];
  guint filled = 0;
  OctaWindow *window;

  if (octa_test_skip_without_corpus ())
    return;

  source = g_build_filename (octa_test_corpus_dir (), "octatools", "BANK-COPY-SRC", NULL);
  tmp = octa_test_make_tmpdir ();
  dir = g_build_filename (tmp, "BANK-COPY-SRC", NULL);
  copy_folder (source, dir);
  original_path = g_build_filename (dir, "bank01.work", NULL);
  original = octa_test_read_file (original_path, &original_len);
  before_bank = read_bank (dir, "bank01.work");

  window = new_window ();
  open_and_wait (window, dir);
  g_assert_cmpstr (adw_view_switcher_title_get_title (window->switcher_title), ==, "BANK-COPY-SRC");

  /* the matrix knows which patterns hold trigs, as the file does */
  for (guint p = 0; p < 16; p++)
    {
      g_autoptr(OctaBank) bank = octa_project_get_bank (window->project, 0);
      g_autoptr(OctaPattern) pattern = octa_bank_get_pattern (bank, p);
      gboolean file_has = FALSE;

      for (guint t = 0; t < 8; t++)
        file_has |= octa_bank_file_get_trig_mask (before_bank, p, OCTA_TRACK_AUDIO, t,
                                                  OCTA_TRIG_TRIGGER) != 0;
      if (file_has)
        g_assert_true (octa_pattern_get_has_trigs (pattern));
      filled += octa_pattern_get_has_trigs (pattern);
    }
  g_assert_cmpuint (filled, >=, 4);

  octa_bank_matrix_set_cursor (window->bank_matrix, 0, 0);
  octa_bank_matrix_activate_cursor (window->bank_matrix);
  assert_current (window, "A01");
  g_free (octa_test_gtk_screenshot (GTK_WIDGET (window), "project-corpus"));

  /* toggle one step on T4 of A01, save, and check only that changed */
  track = audio_track (window, 3);
  mask = octa_pattern_track_get_trig_mask (OCTA_PATTERN_TRACK (track), OCTA_TRIG_TYPE_TRIGGER);
  octa_pattern_track_set_trig (OCTA_PATTERN_TRACK (track), OCTA_TRIG_TYPE_TRIGGER, 9,
                               !((mask >> 9) & 1));
  octa_test_gtk_flush ();
  g_assert_true (title_is_unsaved (window));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  g_assert_true (octa_test_gtk_wait_until (is_unmodified, window, 20000));
  after = octa_test_read_file (original_path, &after_len);
  g_assert_cmpuint (after_len, ==, original_len);
  for (guint i = 0; i < 8; i++)
    offsets[i] = octa_bank_trig_mask_offset (0, OCTA_TRACK_AUDIO, 3, OCTA_TRIG_TRIGGER) + i;
  offsets[8] = original_len - 2;
  offsets[9] = original_len - 1;
  octa_test_assert_changed_only ("bank01.work", original, after, original_len, offsets, 10);
  g_assert_true (memcmp (original, after, original_len) != 0);
  assert_file_matches_model (window, dir, "bank01.work");

  destroy_window (window);
  octa_test_rm_rf (tmp);
}

/* ---- per-pattern unsaved marks ------------------------------------------- */

static void
test_unsaved_marks (void)
{
  g_autofree char *dir = write_blank_project ("MARKS");
  OctaWindow *window = new_window ();
  OctaBankMatrix *matrix;
  g_autoptr(OctaBank) bank = NULL;
  g_autoptr(OctaPattern) pattern = NULL;
  g_autoptr(OctaAudioPatternTrack) track = NULL;

  open_and_wait (window, dir);
  matrix = window->bank_matrix;
  for (guint b = 0; b < 16; b++)
    g_assert_cmphex (octa_bank_matrix_get_unsaved (matrix, b), ==, 0);

  /* one step of A03: A03 is unsaved, A01 is not */
  bank = octa_project_get_bank (window->project, 0);
  pattern = octa_bank_get_pattern (bank, 2);
  track = octa_pattern_get_audio_track (pattern, 1);
  octa_pattern_track_set_trig (OCTA_PATTERN_TRACK (track), OCTA_TRIG_TYPE_TRIGGER, 7, TRUE);
  octa_test_gtk_flush ();
  g_assert_cmphex (octa_bank_matrix_get_unsaved (matrix, 0), ==, 1u << 2);
  g_assert_false (octa_bank_matrix_get_unsaved (matrix, 0) & 1u);
  for (guint b = 1; b < 16; b++)
    g_assert_cmphex (octa_bank_matrix_get_unsaved (matrix, b), ==, 0);
  octa_bank_matrix_set_cursor (matrix, 0, 0);
  g_assert_cmphex (octa_pattern_list_get_unsaved (window->pattern_list), ==, 1u << 2);
  octa_test_gtk_wait_for_draw (GTK_WIDGET (window));
  g_free (octa_test_gtk_screenshot_scaled (GTK_WIDGET (matrix), "bank-matrix-unsaved", 3));
  g_free (octa_test_gtk_screenshot (GTK_WIDGET (window->pattern_list), "pattern-list-unsaved"));

  /* another bank's list shows its own marks */
  octa_bank_matrix_set_cursor (matrix, 1, 0);
  g_assert_cmphex (octa_pattern_list_get_unsaved (window->pattern_list), ==, 0);
  octa_bank_matrix_set_cursor (matrix, 0, 0);

  /* undo back to the loaded state clears the mark, redo brings it back */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  octa_test_gtk_flush ();
  g_assert_cmphex (octa_bank_matrix_get_unsaved (matrix, 0), ==, 0);
  g_assert_cmphex (octa_pattern_list_get_unsaved (window->pattern_list), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  octa_test_gtk_flush ();
  g_assert_cmphex (octa_bank_matrix_get_unsaved (matrix, 0), ==, 1u << 2);

  /* after a save nothing is unsaved */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  g_assert_true (octa_test_gtk_wait_until (is_unmodified, window, 20000));
  octa_test_gtk_flush ();
  g_assert_cmphex (octa_bank_matrix_get_unsaved (matrix, 0), ==, 0);
  g_assert_cmphex (octa_pattern_list_get_unsaved (window->pattern_list), ==, 0);

  /* undo past the save: the pattern differs from the saved bytes again,
   * and redo back to the saved state clears it */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  octa_test_gtk_flush ();
  g_assert_cmphex (octa_bank_matrix_get_unsaved (matrix, 0), ==, 1u << 2);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  octa_test_gtk_flush ();
  g_assert_cmphex (octa_bank_matrix_get_unsaved (matrix, 0), ==, 0);

  destroy_window (window);
  remove_project_dir (dir);
}

/* ---- the demo ------------------------------------------------------------ */

static gboolean
nothing (gpointer data)
{
  return FALSE;
}

static void
test_demo (void)
{
  OctaWindow *window = new_window ();
  g_autofree char *temp = NULL;
  g_autofree char *shot = NULL;
  gpointer weak = window;

  octa_window_open_demo (window);
  g_assert_true (octa_test_gtk_wait_until (has_project, window, 20000));
  g_assert_cmpstr (adw_view_switcher_title_get_title (window->switcher_title), ==, "Demo");
  g_assert_cmpstr (adw_window_title_get_title (window->window_title), ==, "Demo");
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (window->switcher_title), ==,
                   "Not saved anywhere yet");
  g_assert_true (window->temporary);
  g_assert_true (octa_pattern_get_has_trigs (octa_window_get_pattern (window)));
  temp = g_strdup (window->temp_dir);
  g_assert_true (g_file_test (temp, G_FILE_TEST_IS_DIR));

  /* the track headers name the demo's samples, not their slots */
  if (window->step_grid != NULL)
    {
      g_autofree char *t1 = _octa_step_grid_dup_sample_name (window->step_grid, 0);
      g_autofree char *t2 = _octa_step_grid_dup_sample_name (window->step_grid, 1);

      g_assert_cmpstr (t1, ==, "kick");
      g_assert_cmpstr (t2, ==, "snare");
    }

  {
    GtkWidget *parts[] = { window->pattern_header, window->step_grid, window->step_inspector,
                           GTK_WIDGET (window->inspector_flap), GTK_WIDGET (window->sidebar_flap) };
    const char *names[] = { "pattern header", "step grid", "step inspector", "inspector flap",
                            "sidebar flap" };

    for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
      if (parts[i] != NULL)
        {
          int min = 0, nat = 0;

          gtk_widget_measure (parts[i], GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
          g_test_message ("%s: minimum width %d, natural %d", names[i], min, nat);
        }
  }

  /* let the tooltip-free, settled window draw, then keep the pictures */
  octa_test_gtk_wait_until (nothing, NULL, 200);
  shot = octa_test_gtk_screenshot (GTK_WIDGET (window), "project-demo");
  g_assert_true (g_file_test (shot, G_FILE_TEST_IS_REGULAR));
  /* at the default 1280 px the sidebar stays docked beside the pattern
   * header (≈690 px) and the inspector (300 px), design guide §6.6 */
  g_assert_false (adw_flap_get_folded (window->sidebar_flap));
  g_assert_true (adw_flap_get_reveal_flap (window->sidebar_flap));
  g_assert_cmpint (gtk_widget_get_width (window->step_inspector), <=, 300);

  /* and still with the widest header a pattern can ask for: a long part
   * name, a fractional tempo and a 3/4x scale */
  {
    OctaPattern *pattern = octa_window_get_pattern (window);
    g_autoptr(OctaPart) part = octa_bank_get_part (octa_pattern_get_bank (pattern),
                                                   octa_pattern_get_part (pattern) - 1);

    g_assert_true (octa_part_set_name (part, "WWWWWW", NULL));
    g_object_set (pattern, "tempo", 126.125, "scale", OCTA_SCALE_3_4X, NULL);
    octa_test_gtk_wait_for_draw (GTK_WIDGET (window));
    octa_test_gtk_wait_until (nothing, NULL, 200);
    g_assert_false (adw_flap_get_folded (window->sidebar_flap));
    g_free (octa_test_gtk_screenshot (GTK_WIDGET (window), "project-demo-sidebar"));
    while (octa_history_get_can_undo (octa_project_get_history (window->project)))
      octa_project_undo (window->project);
  }
  g_free (octa_test_gtk_screenshot_scaled (GTK_WIDGET (window->bank_matrix), "bank-matrix-demo",
                                           3));
  g_free (octa_test_gtk_screenshot (GTK_WIDGET (window->pattern_list), "pattern-list-demo"));

  /* wide enough for the sidebar, the grid and the inspector side by side */
  gtk_window_set_default_size (GTK_WINDOW (window), 1600, 900);
  octa_test_gtk_wait_for_draw (GTK_WIDGET (window));
  octa_test_gtk_wait_until (nothing, NULL, 200);
  adw_flap_set_reveal_flap (window->sidebar_flap, TRUE);
  g_free (octa_test_gtk_screenshot (GTK_WIDGET (window), "project-demo-wide"));

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  g_free (octa_test_gtk_screenshot (GTK_WIDGET (window), "project-demo-dark"));
  g_free (octa_test_gtk_screenshot_scaled (GTK_WIDGET (window->bank_matrix),
                                           "bank-matrix-demo-dark", 3));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);

  /* the demo's temporary folder goes with its window */
  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_close (GTK_WINDOW (window));
  octa_test_gtk_flush ();
  g_assert_null (weak);
  g_assert_false (g_file_test (temp, G_FILE_TEST_EXISTS));
}

/* ---- pattern keys and the pattern list's menu ---------------------------- */

static GtkWidget *
find_descendant (GtkWidget  *root,
                 GType       type,
                 const char *tooltip_prefix)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;
      const char *tooltip = gtk_widget_get_tooltip_text (child);

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) &&
          (tooltip_prefix == NULL || (tooltip != NULL && g_str_has_prefix (tooltip, tooltip_prefix))))
        return child;
      found = find_descendant (child, type, tooltip_prefix);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkEventController *
find_key_controller (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        return controller;
    }
  return NULL;
}

static void
assert_parses (const char *text,
               guint       bank,
               guint       pattern)
{
  guint b = G_MAXUINT, p = G_MAXUINT;

  g_assert_true (_octa_window_parse_pattern (text, 4, 9, &b, &p));
  g_assert_cmpuint (b, ==, bank);
  g_assert_cmpuint (p, ==, pattern);
}

static void
assert_accel (const char *action,
              const char *accel)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), action);

  g_assert_true (g_strv_contains ((const char * const *) accels, accel));
}

static gboolean
title_visible (gpointer data)
{
  return adw_view_switcher_title_get_title_visible (data);
}

static gboolean
title_hidden (gpointer data)
{
  return !adw_view_switcher_title_get_title_visible (data);
}

static void
test_views (void)
{
  OctaWindow *window = new_window ();
  const char *views[] = { "parts", "samples", "arrangements", "project", "patterns" };

  /* the start page has nothing to switch between */
  g_assert_false (adw_view_switcher_title_get_view_switcher_enabled (window->switcher_title));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->sidebar_button)));

  octa_window_open_demo (window);
  g_assert_true (octa_test_gtk_wait_until (has_project, window, 20000));
  g_assert_true (adw_view_switcher_title_get_view_switcher_enabled (window->switcher_title));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, "patterns");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->sidebar_button)));

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autofree char *shot_name = g_strdup_printf ("view-%s", views[i]);

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s",
                                                 views[i]));
      g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, views[i]);
      if (g_str_equal (views[i], "project"))
        {
          GtkWidget *view = adw_bin_get_child (window->project_slot);
          g_autoptr(OctaProject) shown = NULL;

          g_assert_true (OCTA_IS_PROJECT_VIEW (view));
          g_object_get (view, "project", &shown, NULL);
          g_assert_true (shown == window->project);
        }
      if (g_str_equal (views[i], "arrangements"))
        g_assert_true (OCTA_IS_ARRANGEMENT_VIEW (adw_bin_get_child (window->arrangements_slot)));
      if (g_str_equal (views[i], "samples"))
        g_assert_true (OCTA_IS_SAMPLES_VIEW (adw_bin_get_child (window->samples_slot)));
      if (g_str_equal (views[i], "parts"))
        {
          GtkWidget *view = adw_bin_get_child (window->parts_slot);
          guint bank = 99, part = 99;

          g_assert_true (OCTA_IS_PARTS_VIEW (view));
          g_object_get (view, "bank", &bank, "part", &part, NULL);
          g_assert_cmpuint (bank, ==, 0);
          g_assert_cmpuint (part + 1, ==, octa_pattern_get_part (octa_window_get_pattern (window)));
        }
      /* the sidebar toggle is the Patterns view's own */
      g_assert_cmpint (gtk_widget_get_visible (GTK_WIDGET (window->sidebar_button)), ==,
                       g_str_equal (views[i], "patterns"));
      octa_test_gtk_wait_for_draw (GTK_WIDGET (window));
      g_free (octa_test_gtk_screenshot (GTK_WIDGET (window), shot_name));
    }

  /* the Parts view follows the pattern on screen: A02 plays part 2 */
  octa_window_select_pattern (window, 0, 1);
  {
    guint part = 99;

    g_object_get (adw_bin_get_child (window->parts_slot), "part", &part, NULL);
    g_assert_cmpuint (part + 1, ==, octa_pattern_get_part (octa_window_get_pattern (window)));
    g_assert_cmpuint (part, ==, 1);
  }

  /* an unknown view name leaves the window where it was */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s",
                                             "mixer"));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, "patterns");

  /* the keys of design guide §3.4 */
  assert_accel ("win.show-view::patterns", "<Alt>1");
  assert_accel ("win.show-view::project", "<Alt>5");

  /* the primary menu is built when it first opens */
  g_assert_null (gtk_menu_button_get_popover (window->primary_menu_button));
  gtk_menu_button_popup (window->primary_menu_button);
  g_assert_nonnull (gtk_menu_button_get_popover (window->primary_menu_button));
  g_assert_true (gtk_menu_button_get_menu_model (window->primary_menu_button) ==
                 window->primary_menu);
  gtk_menu_button_popdown (window->primary_menu_button);

  /* the bottom switcher bar has buttons only while a narrow window shows it */
  g_assert_null (adw_view_switcher_bar_get_stack (window->switcher_bar));
  gtk_window_set_default_size (GTK_WINDOW (window), 560, 800);
  g_assert_true (octa_test_gtk_wait_until (title_visible, window->switcher_title, 5000));
  g_assert_true (adw_view_switcher_bar_get_stack (window->switcher_bar) == window->view_stack);
  g_assert_true (adw_view_switcher_bar_get_reveal (window->switcher_bar));
  octa_test_gtk_wait_for_draw (GTK_WIDGET (window));
  g_free (octa_test_gtk_screenshot (GTK_WIDGET (window), "view-narrow"));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  g_assert_true (octa_test_gtk_wait_until (title_hidden, window->switcher_title, 5000));
  g_assert_null (adw_view_switcher_bar_get_stack (window->switcher_bar));

  gtk_window_close (GTK_WINDOW (window));
  octa_test_gtk_flush ();
}

static void
test_pattern_keys (void)
{
  OctaWindow *window = new_window ();
  AdwMessageDialog *dialog;
  GtkEditable *entry;
  GtkWidget *part_button;
  GtkPopover *parts;
  GtkEventController *keys;
  gboolean handled = FALSE;
  guint b, p;

  octa_window_open_demo (window);
  g_assert_true (octa_test_gtk_wait_until (has_project, window, 20000));
  octa_test_gtk_wait_for_draw (GTK_WIDGET (window));

  /* design guide §3.4: Ctrl+G goes to a pattern, Ctrl+P assigns a part */
  assert_accel ("win.go-to-pattern", "<Control>g");
  assert_accel ("win.choose-part", "<Control>p");

  /* what Ctrl+G understands; a bare letter keeps the number, a bare
   * number the bank (E10 is shown in these calls) */
  assert_parses ("B7", 1, 6);
  assert_parses ("b07", 1, 6);
  assert_parses (" c16 ", 2, 15);
  assert_parses ("P1", 15, 0);
  assert_parses ("BQ", 1, 0);
  assert_parses ("bk", 1, 15);
  assert_parses ("a i", 0, 7);
  assert_parses ("D", 3, 9);
  assert_parses ("7", 4, 6);
  for (guint i = 0; i < 8; i++)
    {
      const char *bad[] = { "", "Q1", "B17", "B0", "BZ", "B7x", "bqq", "-3" };

      g_assert_false (_octa_window_parse_pattern (bad[i], 0, 0, &b, &p));
    }

  /* Ctrl+G: a dialog whose Go stays off until the text names a pattern */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.go-to-pattern", NULL);
  dialog = ADW_MESSAGE_DIALOG (octa_test_gtk_find_transient (GTK_WINDOW (window),
                                                             ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  entry = g_object_get_data (G_OBJECT (dialog), "octa-entry");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "go"));
  gtk_editable_set_text (entry, "b1");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "go"));
  gtk_editable_set_text (entry, "x1");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "go"));
  gtk_editable_set_text (entry, "b07");
  g_free (octa_test_gtk_screenshot (GTK_WIDGET (dialog), "go-to-pattern"));
  adw_message_dialog_response (dialog, "go");
  gtk_window_destroy (GTK_WINDOW (dialog));
  assert_current (window, "B07");

  /* Ctrl+P opens the part chooser; 3 picks Part 3 and closes it */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.select-pattern", "(uu)", 0, 0);
  g_assert_cmpuint (octa_pattern_get_part (octa_window_get_pattern (window)), ==, 1);
  part_button = find_descendant (window->pattern_header, GTK_TYPE_MENU_BUTTON, "Assign a part");
  g_assert_nonnull (part_button);
  parts = gtk_menu_button_get_popover (GTK_MENU_BUTTON (part_button));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.choose-part", NULL);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (parts)));
  g_free (octa_test_gtk_screenshot (GTK_WIDGET (parts), "part-chooser"));
  keys = find_key_controller (GTK_WIDGET (parts));
  g_assert_nonnull (keys);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_5, 0, 0, &handled);
  g_assert_false (handled);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_3, 0, 0, &handled);
  g_assert_true (handled);
  g_assert_cmpuint (octa_pattern_get_part (octa_window_get_pattern (window)), ==, 3);
  octa_test_gtk_flush ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (parts)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpuint (octa_pattern_get_part (octa_window_get_pattern (window)), ==, 1);

  /* the list's menu: Copy, Paste, Clear (design guide §1.4) */
  {
    GtkWidget *row = NULL;
    GtkPopoverMenu *menu;
    GMenuModel *model;
    g_autoptr(GMenuModel) edit = NULL;
    const char *actions[] = { "win.copy-pattern", "win.paste-pattern", "win.clear-pattern" };

    row = find_descendant (GTK_WIDGET (window->pattern_list), GTK_TYPE_LIST_BOX_ROW, NULL);
    g_assert_nonnull (row);
    gtk_widget_grab_focus (row);
    gtk_widget_activate_action (GTK_WIDGET (window->pattern_list), "patterns.menu", NULL);
    menu = GTK_POPOVER_MENU (find_descendant (GTK_WIDGET (window->pattern_list),
                                              GTK_TYPE_POPOVER_MENU, NULL));
    g_assert_nonnull (menu);
    model = gtk_popover_menu_get_menu_model (menu);
    g_assert_nonnull (model);
    edit = g_menu_model_get_item_link (model, 0, G_MENU_LINK_SECTION);
    g_assert_cmpint (g_menu_model_get_n_items (edit), ==, 3);
    for (guint i = 0; i < 3; i++)
      {
        g_autofree char *action = NULL;
        g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (edit, i, "target",
                                                                            G_VARIANT_TYPE ("(uu)"));

        g_assert_true (g_menu_model_get_item_attribute (edit, i, "action", "s", &action));
        g_assert_cmpstr (action, ==, actions[i]);
        g_assert_nonnull (target);
        g_variant_get (target, "(uu)", &b, &p);
        g_assert_cmpuint (b, ==, 0);
        g_assert_cmpuint (p, ==, 0);
      }
    octa_test_gtk_wait_until (nothing, NULL, 200);
    g_free (octa_test_gtk_screenshot (GTK_WIDGET (menu), "pattern-list-menu"));
    gtk_popover_popdown (GTK_POPOVER (menu));
  }

  /* copy A02 (Part 2, 32 steps) and paste it over the empty C06 */
  {
    g_autoptr(OctaBank) bank_a = octa_project_get_bank (window->project, 0);
    g_autoptr(OctaPattern) source = octa_bank_get_pattern (bank_a, 1);
    OctaPattern *target;
    guint64 masks[8];

    for (guint t = 0; t < 8; t++)
      {
        g_autoptr(OctaAudioPatternTrack) track = octa_pattern_get_audio_track (source, t);

        masks[t] = octa_pattern_track_get_trig_mask (OCTA_PATTERN_TRACK (track),
                                                     OCTA_TRIG_TYPE_TRIGGER);
      }
    g_assert_cmpuint (octa_pattern_get_part (source), ==, 2);
    g_assert_cmpuint (octa_pattern_get_length (source), ==, 32);

    gtk_widget_activate_action (GTK_WIDGET (window), "win.copy-pattern", "(uu)", 0, 1);
    g_assert_cmpstr (adw_toast_get_title (window->toast), ==, "Copied pattern A02");
    /* copying another pattern leaves the shown one in place */
    assert_current (window, "A01");

    gtk_widget_activate_action (GTK_WIDGET (window), "win.paste-pattern", "(uu)", 2, 5);
    assert_current (window, "C06");
    target = octa_window_get_pattern (window);
    g_assert_cmpuint (octa_pattern_get_part (target), ==, 2);
    g_assert_cmpuint (octa_pattern_get_length (target), ==, 32);
    for (guint t = 0; t < 8; t++)
      {
        g_autoptr(OctaAudioPatternTrack) track = octa_pattern_get_audio_track (target, t);

        g_assert_cmphex (octa_pattern_track_get_trig_mask (OCTA_PATTERN_TRACK (track),
                                                           OCTA_TRIG_TYPE_TRIGGER), ==, masks[t]);
      }
    g_assert_cmpstr (octa_history_get_undo_label (octa_project_get_history (window->project)), ==,
                     "Paste pattern");

    /* one undo step takes the whole paste back */
    gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
    g_assert_false (octa_pattern_get_has_trigs (target));
    g_assert_cmpuint (octa_pattern_get_part (target), ==, 1);
    g_assert_cmpuint (octa_pattern_get_length (target), ==, 16);

    /* and Clear from the same menu empties a pattern */
    gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-pattern", "(uu)", 0, 1);
    g_assert_false (octa_pattern_get_has_trigs (source));
    gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
    g_assert_true (octa_pattern_get_has_trigs (source));
  }

  g_assert_false (octa_history_get_can_undo (octa_project_get_history (window->project)));
  destroy_window (window);
}

/* ---- dropping a folder on the window ------------------------------------- */

static void
test_drop_folder (void)
{
  g_autofree char *dir = write_blank_project ("DROPPED");
  g_autoptr(GFile) file = g_file_new_for_path (dir);
  g_autoptr(GListModel) controllers = NULL;
  GtkDropTarget *target = NULL;
  OctaWindow *window = new_window ();
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;
  GSList one = { file, NULL };

  controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (&one));
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  g_assert_true (accepted);
  g_assert_true (octa_test_gtk_wait_until (has_project, window, 20000));
  g_assert_cmpstr (octa_project_get_name (octa_window_get_project (window)), ==, "DROPPED");

  destroy_window (window);
  remove_project_dir (dir);
}

/* ---- errors in words ----------------------------------------------------- */

static void
test_damaged_project (void)
{
  g_autofree char *dir = write_blank_project ("DAMAGED");
  g_autofree char *text = g_build_filename (dir, "project.work", NULL);
  OctaWindow *window = new_window ();
  g_autoptr(GFile) file = g_file_new_for_path (dir);
  AdwMessageDialog *dialog;

  /* A damaged bank opens with the rest (test-ui-damaged); without its
   * project text there is no project. */
  octa_test_write_file (text, "\0\1\2garbage", 10);

  octa_window_open_file (window, file);
  g_assert_true (octa_test_gtk_wait_until (is_idle, window, 20000));
  dialog = find_message_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "DAMAGED couldn't be opened");
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog),
                                   "project.work isn't an Octatrack file, or its beginning "
                                   "is damaged."));
  g_assert_null (octa_window_get_project (window));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->main_stack), ==, "start");
  g_free (octa_test_gtk_screenshot (GTK_WIDGET (dialog), "error-damaged"));
  respond (dialog, "close");
  octa_test_gtk_flush ();

  destroy_window (window);
  remove_project_dir (dir);
}

/* ---- the application's dialogs -------------------------------------------- */

static GtkWindow *
find_toplevel (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static void
test_app_dialogs (void)
{
  OctaWindow *window = new_window ();
  AdwMessageDialog *dialog;
  GtkWindow *about;
  GtkEditable *entry;

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  octa_test_gtk_flush ();
  about = find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (about)), ==,
                   "Octadesk");
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, OCTA_VERSION);
  gtk_window_destroy (about);

  /* New Project asks for a device-style name before the folder */
  g_action_group_activate_action (G_ACTION_GROUP (app), "new-project", NULL);
  dialog = find_message_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "New Project");
  entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "create"));
  gtk_editable_set_text (entry, "");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "create"));
  gtk_editable_set_text (entry, "no/slash");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "create"));
  gtk_editable_set_text (entry, "live-set");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "create"));
  respond (dialog, "cancel");
  octa_test_gtk_flush ();
  g_assert_null (find_message_dialog (window));

  destroy_window (window);
}

static void
assert_describes (GError     *error,
                  gboolean    saving,
                  const char *expected_start)
{
  g_autofree char *text = _octa_window_describe_error (error, saving);

  if (!g_str_has_prefix (text, expected_start))
    g_error ("\"%s\" does not start with \"%s\"", text, expected_start);
  g_error_free (error);
}

static void
test_error_words (void)
{
  assert_describes (g_error_new (OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_BAD_CHECKSUM,
                                 "/a/b/bank03.work: stored checksum 0x1234 does not match 0x4321"),
                    FALSE, "bank03.work is damaged (bad checksum).");
  assert_describes (g_error_new (OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_TRUNCATED,
                                 "/x/bank02.work: 636081 bytes, expected 636113"),
                    FALSE, "bank02.work is the wrong size.");
  assert_describes (g_error_new (OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_NOT_FOUND,
                                 "/x: holds no Octatrack project files"),
                    FALSE, "There is no Octatrack project here.");
  assert_describes (g_error_new (OCTA_TRANSACTION_ERROR, OCTA_TRANSACTION_ERROR_CHANGED_ON_DISK,
                                 "bank01.work was changed by another program since it was opened"),
                    TRUE, "bank01.work was changed by another program");
  assert_describes (g_error_new (G_IO_ERROR, G_IO_ERROR_READ_ONLY, "read-only file system"),
                    TRUE, "The card is read-only.");
  assert_describes (g_error_new (G_IO_ERROR, G_IO_ERROR_NO_SPACE, "no space"),
                    TRUE, "The card or disk is full.");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  OCTA_TEST_GTK_MAIN_PROLOGUE (argc, argv);

  app = octa_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/ui/window/start-page", test_start_page);
  g_test_add_func ("/ui/window/generated-project", test_generated_project);
  g_test_add_func ("/ui/window/close-confirm", test_close_confirm);
  g_test_add_func ("/ui/window/corpus-project", test_corpus_project);
  g_test_add_func ("/ui/window/unsaved-marks", test_unsaved_marks);
  g_test_add_func ("/ui/window/demo", test_demo);
  g_test_add_func ("/ui/window/views", test_views);
  g_test_add_func ("/ui/window/pattern-keys", test_pattern_keys);
  g_test_add_func ("/ui/window/drop-folder", test_drop_folder);
  g_test_add_func ("/ui/window/damaged-project", test_damaged_project);
  g_test_add_func ("/ui/window/error-words", test_error_words);
  g_test_add_func ("/ui/window/app-dialogs", test_app_dialogs);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
