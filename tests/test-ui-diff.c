/* SPDX-License-Identifier: MIT */
#include <adwaita.h>
#include <string.h>

#include "octa.h"
#include "octa-application.h"
#include "octa-diff-window.h"
#include "octa-param-dial.h"
#include "octa-parts-view.h"
#include "octa-plock-names.h"
#include "octa-project-private.h"
#include "octa-test-gtk-utils.h"
#include "octa-test-utils.h"
#include "octa-window.h"

static OctaApplication *app;

static char *field_cell (OctaDiffWindow *window,
                         const char     *field,
                         guint           column);

/* ---- Helpers ----------------------------------------------------------- */

static char *
row_keys (OctaDiffWindow *window)
{
  GListModel *rows = octa_diff_window_get_rows (window);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(OctaDiffNode) node = gtk_tree_list_row_get_item (row);

      g_string_append_printf (s, "%s%s(%u)", s->len ? " " : "", octa_diff_node_get_key (node),
                              octa_diff_node_get_n_changes (node));
    }
  return g_string_free (s, FALSE);
}

static gboolean
has_row (OctaDiffWindow *window,
         const char     *key)
{
  GListModel *rows = octa_diff_window_get_rows (window);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(OctaDiffNode) node = gtk_tree_list_row_get_item (row);

      if (g_str_equal (octa_diff_node_get_key (node), key))
        return TRUE;
    }
  return FALSE;
}

static void
collect_labels (GtkWidget *root,
                GString   *out)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_get_visible (child))
        g_string_append_printf (out, "[%s]", gtk_label_get_text (GTK_LABEL (child)));
      collect_labels (child, out);
    }
}

/* Every visible label text under the widget named by the template id */
static char *
labels_of (OctaDiffWindow *window,
           const char     *id)
{
  GtkWidget *widget = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (window),
                                                     OCTA_TYPE_DIFF_WINDOW, id);
  GString *out = g_string_new (NULL);

  g_assert_nonnull (widget);
  if (GTK_IS_LABEL (widget))
    g_string_append (out, gtk_label_get_text (GTK_LABEL (widget)));
  collect_labels (widget, out);
  return g_string_free (out, FALSE);
}

static gboolean
trig_at (OctaProject *project,
         guint        bank,
         guint        track,
         guint        step)
{
  return octa_bank_file_get_trig (_octa_project_get_bank_file (project, bank, OCTA_STATE_WORK), 0,
                                  OCTA_TRACK_AUDIO, track, OCTA_TRIG_TRIGGER, step);
}

static void
set_trig (OctaProject *project,
          guint        bank,
          guint        track,
          guint        step)
{
  octa_bank_file_set_trig (_octa_project_get_bank_file (project, bank, OCTA_STATE_WORK), 0,
                           OCTA_TRACK_AUDIO, track, OCTA_TRIG_TRIGGER, step, TRUE);
}

static gboolean
edit_text (OctaProjectFile *file,
           gpointer         user_data,
           GError         **error)
{
  return octa_project_file_set_int (file, OCTA_SECTION_SETTINGS, "TEMPOx24", 0, 3000, error)
         && octa_project_file_add_sample (file, OCTA_SLOT_FLEX, 11, "../AUDIO/kick.wav", error);
}

static OctaDiffWindow *
show (OctaProject *a,
      OctaProject *b)
{
  OctaDiffWindow *window = OCTA_DIFF_WINDOW (octa_diff_window_new (GTK_APPLICATION (app), a, b));

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  octa_test_gtk_wait_for_draw (GTK_WIDGET (window));
  return window;
}

static gboolean
nothing (gpointer data)
{
  return FALSE;
}

static gboolean
has_t5_row (gpointer data)
{
  return has_row (data, "A01.T5.9");
}

/* ---- Project with project ------------------------------------------------ */

static void
test_projects (void)
{
  g_autoptr(OctaProject) a = octa_project_new_blank ("ALPHA");
  g_autoptr(OctaProject) b = octa_project_new_blank ("BETA");
  OctaBankFile *bank_b = _octa_project_get_bank_file (b, 0, OCTA_STATE_WORK);
  g_autoptr(GError) error = NULL;
  OctaDiffWindow *window;
  g_autofree char *keys = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *fields = NULL;
  g_autofree char *total = NULL;
  GtkWidget *sides;
  guint n_undo;

  /* The known edits: B has a trig with a lock at T3 step 17 and a trig at
   * T5 step 9; A alone has a trig at T6 step 2; B's part 1 T2 FX1, tempo
   * and one more slot. */
  octa_project_begin_change (b, "edits");
  set_trig (b, 0, 2, 16);
  octa_bank_file_set_plock (bank_b, 0, OCTA_TRACK_AUDIO, 2, 16, OCTA_AUDIO_PLOCK_AMP_VOL, 100);
  set_trig (b, 0, 4, 8);
  octa_bank_file_set_part_value (bank_b, 0, OCTA_PART_UNSAVED, OCTA_PART_AREA_VALUES, 1, 12, 10);
  octa_project_end_change (b);
  g_assert_true (_octa_project_edit_text (b, OCTA_STATE_WORK, "test", edit_text, NULL, &error));
  g_assert_no_error (error);
  octa_project_begin_change (a, "edits");
  set_trig (a, 0, 5, 1);
  octa_project_end_change (a);
  /* The same trig and lock on both sides is no difference, but shows in the strips. */
  for (guint i = 0; i < 2; i++)
    {
      OctaProject *p = i == 0 ? a : b;

      octa_project_begin_change (p, "same");
      set_trig (p, 0, 2, 20);
      octa_bank_file_set_plock (_octa_project_get_bank_file (p, 0, OCTA_STATE_WORK), 0,
                                OCTA_TRACK_AUDIO, 2, 20, OCTA_AUDIO_PLOCK_AMP_VOL, 64);
      octa_project_end_change (p);
    }

  window = show (a, b);
  keys = row_keys (window);
  g_assert_cmpstr (keys, ==,
                   "A(5) A01(4) A01.T3.17(2) A01.T5.9(1) A01.T6.2(1) A.part1(1) A.part1.T2(1) "
                   "group:slots(1) flex.12(1) settings(1) settings.tempo-x24(1)");
  total = labels_of (window, "total_label");
  g_assert_cmpstr (total, ==, "7 changes");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (octa_diff_window_get_diff (window))),
                    ==, 7);

  /* A step: both sides drawn, and the field table */
  octa_diff_window_select_path (window, "A01.T3.17");
  detail = labels_of (window, "detail_title");
  g_assert_cmpstr (detail, ==, "Pattern A01 · T3 step 17");
  fields = labels_of (window, "field_grid");
  g_assert_cmpstr (fields, ==,
                   "[Field][A (ALPHA)][B (BETA)][][Trig][Off][On][−][AMP VOL][—][+36][−]");
  sides = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), OCTA_TYPE_DIFF_WINDOW,
                                                    "sides_box"));
  g_assert_true (gtk_widget_get_visible (sides));
  g_assert_nonnull (gtk_widget_get_first_child (sides));
  g_assert_nonnull (gtk_widget_get_next_sibling (gtk_widget_get_first_child (sides)));
  octa_test_gtk_wait_until (nothing, NULL, 100);
  g_free (octa_test_gtk_screenshot (GTK_WIDGET (window), "diff-window-step"));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  g_free (octa_test_gtk_screenshot (GTK_WIDGET (window), "diff-window-step-dark"));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);
  g_free (octa_test_gtk_screenshot_scaled (sides, "diff-window-strips-2x", 2));

  /* A part: no step strip, the table */
  octa_diff_window_select_path (window, "A.part1.T2");
  g_clear_pointer (&fields, g_free);
  fields = labels_of (window, "field_grid");
  g_assert_cmpstr (fields, ==, "[Field][A (ALPHA)][B (BETA)][][FX1 BASE][0][10][•]");
  g_assert_false (gtk_widget_get_visible (sides));
  g_free (octa_test_gtk_screenshot (GTK_WIDGET (window), "diff-window-part"));

  /* Next and previous move between changes, over the group rows. */
  octa_diff_window_select_path (window, "A01.T6.2");
  gtk_widget_activate_action (GTK_WIDGET (window), "diff.next", NULL);
  g_assert_cmpstr (octa_diff_window_get_selected (window), ==, "A.part1.T2");
  gtk_widget_activate_action (GTK_WIDGET (window), "diff.previous", NULL);
  g_assert_cmpstr (octa_diff_window_get_selected (window), ==, "A01.T6.2");

  /* Use B empties the row: A now has the trig; Undo brings it back. */
  octa_diff_window_select_path (window, "A01.T5.9");
  g_assert_false (trig_at (a, 0, 4, 8));
  gtk_widget_activate_action (GTK_WIDGET (window), "diff.use-b", NULL);
  g_assert_true (trig_at (a, 0, 4, 8));
  g_assert_false (has_row (window, "A01.T5.9"));
  g_clear_pointer (&total, g_free);
  total = labels_of (window, "total_label");
  g_assert_cmpstr (total, ==, "6 changes");
  /* the selection moved on to the next change */
  g_assert_cmpstr (octa_diff_window_get_selected (window), ==, "A01.T6.2");
  gtk_widget_activate_action (GTK_WIDGET (window), "diff.undo", NULL);
  g_assert_false (trig_at (a, 0, 4, 8));
  g_assert_true (octa_test_gtk_wait_until (has_t5_row, window, 2000));

  /* Use A keeps A: nothing is written, the row leaves the list. */
  n_undo = octa_history_get_n_undo (octa_project_get_history (a));
  octa_diff_window_select_path (window, "A01.T6.2");
  gtk_widget_activate_action (GTK_WIDGET (window), "diff.use-a", NULL);
  g_assert_true (trig_at (a, 0, 5, 1));
  g_assert_cmpuint (octa_history_get_n_undo (octa_project_get_history (a)), ==, n_undo);
  g_assert_false (has_row (window, "A01.T6.2"));
  gtk_widget_activate_action (GTK_WIDGET (window), "diff.undo", NULL);
  g_assert_true (has_row (window, "A01.T6.2"));

  /* Filters and search */
  octa_diff_window_set_filter (window, "slots");
  g_clear_pointer (&keys, g_free);
  keys = row_keys (window);
  g_assert_cmpstr (keys, ==, "group:slots(1) flex.12(1)");
  g_clear_pointer (&total, g_free);
  total = labels_of (window, "total_label");
  g_assert_cmpstr (total, ==, "1 of 7 changes");
  octa_diff_window_set_filter (window, "locks");
  g_clear_pointer (&keys, g_free);
  keys = row_keys (window);
  g_assert_cmpstr (keys, ==, "A(1) A01(1) A01.T3.17(1)");
  octa_diff_window_set_filter (window, "all");
  gtk_widget_activate_action (GTK_WIDGET (window), "diff.find", NULL);
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                      OCTA_TYPE_DIFF_WINDOW,
                                                                      "search_entry")),
                         "tempo");
  octa_test_gtk_wait_until (nothing, NULL, 400);
  g_clear_pointer (&keys, g_free);
  keys = row_keys (window);
  g_assert_cmpstr (keys, ==, "settings(1) settings.tempo-x24(1)");
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                      OCTA_TYPE_DIFF_WINDOW,
                                                                      "search_entry")),
                         "");
  octa_test_gtk_wait_until (nothing, NULL, 400);

  /* The list, with a group selected */
  octa_diff_window_select_path (window, "A01");
  g_free (octa_test_gtk_screenshot (GTK_WIDGET (window), "diff-window-list"));

  /* The smallest window the design allows */
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 700);
  octa_diff_window_select_path (window, "A01.T3.17");
  octa_test_gtk_wait_for_draw (GTK_WIDGET (window));
  octa_test_gtk_wait_until (nothing, NULL, 100);
  g_free (octa_test_gtk_screenshot (GTK_WIDGET (window), "diff-window-small"));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 1100);

  gtk_window_destroy (GTK_WINDOW (window));
  octa_test_gtk_flush ();
}

/* A group of more than 20 changes asks first. */
static void
test_group_confirm (void)
{
  g_autoptr(OctaProject) a = octa_project_new_blank ("ALPHA");
  g_autoptr(OctaProject) b = octa_project_new_blank ("BETA");
  OctaDiffWindow *window;
  AdwMessageDialog *dialog;

  octa_project_begin_change (b, "edits");
  for (guint s = 0; s < 24; s++)
    set_trig (b, 2, 0, s);
  octa_project_end_change (b);

  window = show (a, b);
  octa_diff_window_select_path (window, "C");
  gtk_widget_activate_action (GTK_WIDGET (window), "diff.use-b", NULL);
  dialog = ADW_MESSAGE_DIALOG (octa_test_gtk_find_transient (GTK_WINDOW (window),
                                                            ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Use B for 24 changes in Bank C?");
  g_assert_false (trig_at (a, 2, 0, 0));
  g_free (octa_test_gtk_screenshot (GTK_WIDGET (dialog), "diff-window-confirm"));
  adw_message_dialog_response (dialog, "take");
  octa_test_gtk_flush ();
  for (guint s = 0; s < 24; s++)
    g_assert_true (trig_at (a, 2, 0, s));
  g_assert_true (octa_diff_is_empty (octa_diff_window_get_diff (window)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (
                     GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                               OCTA_TYPE_DIFF_WINDOW, "stack"))),
                   ==, "empty");

  gtk_window_destroy (GTK_WINDOW (window));
  octa_test_gtk_flush ();
}

static gboolean
add_slots (OctaProjectFile *file,
           gpointer         user_data,
           GError         **error)
{
  guint n = GPOINTER_TO_UINT (user_data);

  for (guint s = 0; s < n; s++)
    {
      g_autofree char *path = g_strdup_printf ("/nowhere/%c%u.wav", n == 1 ? 'b' : 'a', s);

      if (!octa_project_file_add_sample (file, OCTA_SLOT_FLEX, s, path, error))
        return FALSE;
    }
  return TRUE;
}

/* A take that cannot be done says why, and writes nothing. */
static void
test_refused (void)
{
  g_autoptr(OctaProject) a = octa_project_new_blank ("ALPHA");
  g_autoptr(OctaProject) b = octa_project_new_blank ("BETA");
  OctaBankFile *bank_b = _octa_project_get_bank_file (b, 0, OCTA_STATE_WORK);
  g_autoptr(GError) error = NULL;
  OctaDiffWindow *window;
  AdwMessageDialog *dialog;
  guint n_undo;

  g_assert_true (_octa_project_edit_text (a, OCTA_STATE_WORK, "test", add_slots,
                                          GUINT_TO_POINTER (128), &error));
  g_assert_true (_octa_project_edit_text (b, OCTA_STATE_WORK, "test", add_slots,
                                          GUINT_TO_POINTER (1), &error));
  g_assert_no_error (error);
  octa_project_begin_change (b, "edits");
  octa_bank_file_set_machine (bank_b, 0, OCTA_PART_UNSAVED, 0, OCTA_MACHINE_FLEX);
  set_trig (b, 0, 0, 0);
  octa_bank_file_set_plock (bank_b, 0, OCTA_TRACK_AUDIO, 0, 0, OCTA_AUDIO_PLOCK_SAMPLE_LOCK, 0);
  octa_project_end_change (b);

  window = show (a, b);
  n_undo = octa_history_get_n_undo (octa_project_get_history (a));
  octa_diff_window_select_path (window, "A01");
  gtk_widget_activate_action (GTK_WIDGET (window), "diff.use-b", NULL);
  dialog = ADW_MESSAGE_DIALOG (octa_test_gtk_find_transient (GTK_WINDOW (window),
                                                            ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Pattern A01 wasn't changed");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "no free Flex slot"));
  g_assert_false (trig_at (a, 0, 0, 0));
  g_assert_cmpuint (octa_history_get_n_undo (octa_project_get_history (a)), ==, n_undo);
  g_assert_true (has_row (window, "A01.T1.1"));
  g_free (octa_test_gtk_screenshot (GTK_WIDGET (dialog), "diff-window-refused"));
  adw_message_dialog_response (dialog, "close");

  gtk_window_destroy (GTK_WINDOW (window));
  octa_test_gtk_flush ();
}

/* Bytes the model can't name are listed by file and offset, and taken whole. */
static void
test_other_bytes (void)
{
  g_autoptr(OctaProject) a = octa_project_new_blank ("ALPHA");
  g_autoptr(OctaProject) b = octa_project_new_blank ("BETA");
  OctaBankFile *bank_a = _octa_project_get_bank_file (a, 1, OCTA_STATE_WORK);
  OctaBankFile *bank_b = _octa_project_get_bank_file (b, 1, OCTA_STATE_WORK);
  OctaDiffWindow *window;
  g_autofree char *keys = NULL;
  g_autofree char *subtitle = NULL;

  octa_project_begin_change (b, "edits");
  octa_bank_file_set_pattern_tail_unknown (bank_b, 3, 0, 7);
  octa_bank_file_set_pattern_tail_unknown (bank_b, 3, 1, 9);
  octa_project_end_change (b);

  window = show (a, b);
  keys = row_keys (window);
  g_assert_cmpstr (keys, ==, "group:other(2) other:bank02.work(2) B04.tail.byte-8(1) "
                             "B04.tail.byte-9(1)");
  octa_diff_window_select_path (window, "other:bank02.work");
  subtitle = labels_of (window, "detail_subtitle");
  {
    /* the pattern's tail bytes 8 and 9 */
    g_autofree char *expected = g_strdup_printf ("2 bytes differ in bank02.work, the first at 0x%05"
                                                 G_GSIZE_MODIFIER "X",
                                                 octa_bank_pattern_offset (3) + 36584);

    g_assert_cmpstr (subtitle, ==, expected);
  }
  g_free (octa_test_gtk_screenshot (GTK_WIDGET (window), "diff-window-other-bytes"));

  gtk_widget_activate_action (GTK_WIDGET (window), "diff.use-b", NULL);
  g_assert_cmpuint (octa_bank_file_get_pattern_tail_unknown (bank_a, 3, 0), ==, 7);
  g_assert_cmpuint (octa_bank_file_get_pattern_tail_unknown (bank_a, 3, 1), ==, 9);
  g_assert_true (octa_diff_is_empty (octa_diff_window_get_diff (window)));
  /* one gesture, one undo step */
  g_assert_true (octa_project_undo (a));
  g_assert_cmpuint (octa_bank_file_get_pattern_tail_unknown (bank_a, 3, 0), ==, 0);
  g_assert_cmpuint (octa_bank_file_get_pattern_tail_unknown (bank_a, 3, 1), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  octa_test_gtk_flush ();
}

/* Thousands of changes open group by group. */
static void
test_large (void)
{
  g_autoptr(OctaProject) a = octa_project_new_blank ("ALPHA");
  g_autoptr(OctaProject) b = octa_project_new_blank ("BETA");
  OctaBankFile *bank = _octa_project_get_bank_file (b, 0, OCTA_STATE_WORK);
  OctaDiffWindow *window;
  g_autofree char *keys = NULL;
  GString *expected = g_string_new ("A(8192)");

  octa_project_begin_change (b, "edits");
  for (guint p = 0; p < 16; p++)
    for (guint t = 0; t < 8; t++)
      octa_bank_file_set_trig_mask (bank, p, OCTA_TRACK_AUDIO, t, OCTA_TRIG_TRIGGER,
                                    G_MAXUINT64);
  octa_project_end_change (b);

  window = show (a, b);
  for (guint p = 0; p < 16; p++)
    g_string_append_printf (expected, " A%02u(512)", p + 1);
  keys = row_keys (window);
  g_assert_cmpstr (keys, ==, expected->str);
  g_string_free (expected, TRUE);
  g_free (octa_test_gtk_screenshot (GTK_WIDGET (window), "diff-window-large"));

  gtk_window_destroy (GTK_WINDOW (window));
  octa_test_gtk_flush ();
}

/* ---- Working state with saved state --------------------------------------- */

static gboolean
has_step_row (gpointer data)
{
  return has_row (data, "A01.T1.1");
}

static void
test_saved (void)
{
  g_autofree char *tmp = octa_test_make_tmpdir ();
  g_autofree char *dir = g_build_filename (tmp, "SONG", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(OctaProject) project = octa_project_new_blank ("SONG");
  g_autoptr(GError) error = NULL;
  OctaDiffWindow *window;
  GtkStack *stack;
  g_autofree char *side_b = NULL;

  g_assert_true (octa_project_save_to_folder (project, folder, OCTA_SAVE_MODE_DEVICE, NULL,
                                              &error));
  g_assert_no_error (error);

  window = show (project, NULL);
  stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), OCTA_TYPE_DIFF_WINDOW,
                                                    "stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  side_b = labels_of (window, "side_b_label");
  g_assert_cmpstr (side_b, ==, "B: SONG · saved");
  g_free (octa_test_gtk_screenshot (GTK_WIDGET (window), "diff-window-empty"));

  /* An edit elsewhere shows up by itself; Use B reverts it. */
  octa_project_begin_change (project, "edit");
  set_trig (project, 0, 0, 0);
  octa_project_end_change (project);
  g_assert_true (octa_test_gtk_wait_until (has_step_row, window, 2000));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "changes");
  octa_diff_window_select_path (window, "A01.T1.1");
  gtk_widget_activate_action (GTK_WIDGET (window), "diff.use-b", NULL);
  g_assert_false (trig_at (project, 0, 0, 0));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");

  gtk_window_destroy (GTK_WINDOW (window));
  octa_test_gtk_flush ();
  g_clear_object (&project);
  octa_test_rm_rf (tmp);
}

/* A project never stored has nothing to compare with. */
static void
test_no_saved_state (void)
{
  g_autoptr(OctaProject) project = octa_project_new_blank ("SONG");
  OctaDiffWindow *window;
  AdwStatusPage *page;

  if (octa_project_has_saved_state (project))
    {
      g_test_skip ("a blank project has a saved state");
      return;
    }
  window = show (project, NULL);
  page = ADW_STATUS_PAGE (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                         OCTA_TYPE_DIFF_WINDOW, "empty_page"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (
                     GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                               OCTA_TYPE_DIFF_WINDOW, "stack"))),
                   ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (page), ==, "No saved state yet");
  g_free (octa_test_gtk_screenshot (GTK_WIDGET (window), "diff-window-no-saved-state"));

  gtk_window_destroy (GTK_WINDOW (window));
  octa_test_gtk_flush ();
}

/* ---- A part with its saved copy ------------------------------------------ */

#define PART_BLOCK_SIZE 6331

/* A part block of bank B. */
static GBytes *
part_block (OctaProject  *project,
            guint         part,
            OctaPartCopy  state)
{
  g_autoptr(GBytes) file = octa_project_encode_file (project, "bank02.work");

  g_assert_nonnull (file);
  return g_bytes_new_from_bytes (file, octa_bank_part_offset (part, state), PART_BLOCK_SIZE);
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) &&
          g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        return child;
      found = find_button (child, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
has_t4_row (gpointer data)
{
  return has_row (data, "B.part3.T4");
}

static gboolean
has_part_diff (gpointer data)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (OCTA_IS_DIFF_WINDOW (l->data) && gtk_window_get_transient_for (l->data) == data)
      return TRUE;
  return FALSE;
}

static void
test_part (void)
{
  g_autoptr(OctaProject) project = octa_project_new_blank ("SONG");
  g_autoptr(OctaBank) bank = octa_project_get_bank (project, 1);
  g_autoptr(OctaPart) part = octa_bank_get_part (bank, 2);
  g_autoptr(OctaAudioPartTrack) t4 = octa_part_get_audio_track (part, 3);
  g_autoptr(GBytes) unsaved = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) edited = NULL;
  g_autoptr(GBytes) now = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = octa_parts_view_new ();
  OctaDiffWindow *diff = NULL;
  g_autofree char *keys = NULL;
  g_autofree char *side_a = NULL;
  g_autofree char *side_b = NULL;
  g_autofree char *fields = NULL;
  g_autoptr(GList) toplevels = NULL;
  gint vol;

  if (!octa_part_get_has_saved (part))
    octa_part_save (part);
  g_assert_true (octa_part_get_has_saved (part));
  g_object_get (t4, "amp-vol", &vol, NULL);

  gtk_window_set_application (GTK_WINDOW (window), GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_set_child (GTK_WINDOW (window), view);
  octa_parts_view_set_project (OCTA_PARTS_VIEW (view), project);
  octa_parts_view_set_bank (OCTA_PARTS_VIEW (view), 1);
  octa_parts_view_set_part (OCTA_PARTS_VIEW (view), 2);
  gtk_window_present (GTK_WINDOW (window));
  octa_test_gtk_wait_for_draw (view);

  unsaved = part_block (project, 2, OCTA_PART_UNSAVED);
  saved = part_block (project, 2, OCTA_PART_SAVED);
  octa_project_begin_change (project, "edit");
  g_object_set (t4, "amp-vol", vol == 100 ? 90 : 100, NULL);
  octa_project_end_change (project);
  edited = part_block (project, 2, OCTA_PART_UNSAVED);
  g_assert_false (g_bytes_equal (edited, unsaved));

  /* The header's Compare opens the part's comparison: one change. */
  g_signal_emit_by_name (find_button (view, "⇆"), "clicked");
  g_assert_true (octa_test_gtk_wait_until (has_part_diff, window, 2000));
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (OCTA_IS_DIFF_WINDOW (l->data) &&
        gtk_window_get_transient_for (l->data) == GTK_WINDOW (window))
      diff = l->data;
  g_assert_nonnull (diff);
  gtk_window_set_default_size (GTK_WINDOW (diff), 1280, 800);
  octa_test_gtk_wait_for_draw (GTK_WIDGET (diff));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (octa_diff_window_get_diff (diff))),
                    ==, 1);
  keys = row_keys (diff);
  g_assert_cmpstr (keys, ==, "B(1) B.part3(1) B.part3.T4(1)");
  side_a = labels_of (diff, "side_a_label");
  side_b = labels_of (diff, "side_b_label");
  g_assert_cmpstr (side_a, ==, "A: Part 3 THREE · unsaved");
  g_assert_cmpstr (side_b, ==, "B: its saved copy");
  g_assert_cmpstr (adw_window_title_get_subtitle (
                     ADW_WINDOW_TITLE (gtk_widget_get_template_child (GTK_WIDGET (diff),
                                                                      OCTA_TYPE_DIFF_WINDOW,
                                                                      "window_title"))),
                   ==, "Bank B · Part 3 THREE with its saved copy");
  octa_diff_window_select_path (diff, "B.part3.T4");
  fields = labels_of (diff, "field_grid");
  g_test_message ("fields: %s", fields);
  g_assert_nonnull (strstr (fields, "AMP VOL"));
  /* the unsaved value reads as the knob beside it in Parts */
  octa_parts_view_set_page (OCTA_PARTS_VIEW (view), OCTA_PART_PAGE_AMP, FALSE);
  {
    GtkWidget *dial = octa_parts_view_get_dial (OCTA_PARTS_VIEW (view), 3, "amp-vol");
    g_autofree char *knob = octa_param_dial_dup_value_text (OCTA_PARAM_DIAL (dial));
    g_autofree char *cell_a = field_cell (diff, "AMP VOL", 1);
    g_autofree char *cell_b = field_cell (diff, "AMP VOL", 2);
    g_autofree char *saved_words = octa_plock_format_value (OCTA_PLOCK_FORMAT_BIPOLAR, vol);

    g_assert_cmpstr (cell_a, ==, knob);
    g_assert_cmpstr (cell_b, ==, saved_words);
  }
  g_free (octa_test_gtk_screenshot (GTK_WIDGET (diff), "diff-window-part"));

  /* Use B reloads that value: the unsaved copy is as it was, the saved
   * copy untouched; undo brings the edit back. */
  gtk_widget_activate_action (GTK_WIDGET (diff), "diff.use-b", NULL);
  now = part_block (project, 2, OCTA_PART_UNSAVED);
  g_assert_true (g_bytes_equal (now, unsaved));
  g_clear_pointer (&now, g_bytes_unref);
  now = part_block (project, 2, OCTA_PART_SAVED);
  g_assert_true (g_bytes_equal (now, saved));
  g_clear_pointer (&now, g_bytes_unref);
  g_assert_true (octa_project_undo (project));
  now = part_block (project, 2, OCTA_PART_UNSAVED);
  g_assert_true (g_bytes_equal (now, edited));
  g_clear_pointer (&now, g_bytes_unref);

  /* Use A saves it: the saved copy takes the edit, the unsaved keeps it. */
  g_assert_true (octa_test_gtk_wait_until (has_t4_row, diff, 2000));
  octa_diff_window_select_path (diff, "B.part3.T4");
  gtk_widget_activate_action (GTK_WIDGET (diff), "diff.use-a", NULL);
  now = part_block (project, 2, OCTA_PART_SAVED);
  g_assert_true (g_bytes_equal (now, edited));
  g_clear_pointer (&now, g_bytes_unref);
  now = part_block (project, 2, OCTA_PART_UNSAVED);
  g_assert_true (g_bytes_equal (now, edited));
  g_clear_pointer (&now, g_bytes_unref);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (octa_diff_window_get_diff (diff))),
                    ==, 0);

  gtk_window_destroy (GTK_WINDOW (diff));
  gtk_window_destroy (GTK_WINDOW (window));
  octa_test_gtk_flush ();
}

/* ---- Values in the device's words ------------------------------------------ */

/* The text in @column of the field table's row named @field, or NULL */
static char *
field_cell (OctaDiffWindow *window,
            const char     *field,
            guint           column)
{
  GtkGrid *grid = GTK_GRID (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                           OCTA_TYPE_DIFF_WINDOW, "field_grid"));

  for (guint row = 1;; row++)
    {
      GtkWidget *name = gtk_grid_get_child_at (grid, 0, row);
      GtkWidget *cell;

      if (name == NULL)
        return NULL;
      if (!GTK_IS_LABEL (name) || !g_str_equal (gtk_label_get_text (GTK_LABEL (name)), field))
        continue;
      cell = gtk_grid_get_child_at (grid, column, row);
      g_assert_true (GTK_IS_LABEL (cell));
      return g_strdup (gtk_label_get_text (GTK_LABEL (cell)));
    }
}

/* What the Parts view's dial for @property of bank A part 1 shows */
static char *
dial_text (OctaProject *project,
           guint        page,
           gboolean     setup,
           gint         scene,
           guint        track,
           const char  *property)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = octa_parts_view_new ();
  GtkWidget *dial;
  char *text;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_set_child (GTK_WINDOW (window), view);
  octa_parts_view_set_project (OCTA_PARTS_VIEW (view), project);
  octa_parts_view_set_bank (OCTA_PARTS_VIEW (view), 0);
  octa_parts_view_set_part (OCTA_PARTS_VIEW (view), 0);
  octa_parts_view_set_page (OCTA_PARTS_VIEW (view), page, setup);
  if (scene >= 0)
    octa_parts_view_edit_scene (OCTA_PARTS_VIEW (view), scene);
  gtk_window_present (GTK_WINDOW (window));
  octa_test_gtk_wait_for_draw (view);
  dial = octa_parts_view_get_dial (OCTA_PARTS_VIEW (view), track, property);
  g_assert_nonnull (dial);
  text = octa_param_dial_dup_value_text (OCTA_PARAM_DIAL (dial));
  gtk_window_destroy (GTK_WINDOW (window));
  octa_test_gtk_flush ();
  return text;
}

/* One row of the field table against what Parts shows for both sides */
static void
assert_row_as_parts (OctaDiffWindow *window,
                     OctaProject    *a,
                     OctaProject    *b,
                     const char     *field,
                     guint           page,
                     gboolean        setup,
                     gint            scene,
                     guint           track,
                     const char     *property)
{
  g_autofree char *in_a = dial_text (a, page, setup, scene, track, property);
  g_autofree char *in_b = dial_text (b, page, setup, scene, track, property);
  g_autofree char *diff_a = field_cell (window, field, 1);
  g_autofree char *diff_b = field_cell (window, field, 2);

  g_test_message ("%s: Parts %s / %s, diff %s / %s", field, in_a, in_b, diff_a, diff_b);
  g_assert_cmpstr (diff_a, ==, in_a);
  g_assert_cmpstr (diff_b, ==, in_b);
}

static gboolean
add_loop (OctaProjectFile *file,
          gpointer         user_data,
          GError         **error)
{
  return octa_project_file_add_sample (file, OCTA_SLOT_FLEX, 2, "../AUDIO/loop.wav", error);
}

static void
test_part_values (void)
{
  g_autoptr(OctaProject) a = octa_project_new_blank ("ALPHA");
  g_autoptr(OctaProject) b = octa_project_new_blank ("BETA");
  OctaProject *both[2] = { a, b };
  g_autoptr(OctaAudioPartTrack) b1 = NULL;
  g_autoptr(OctaAudioPartTrack) b3 = NULL;
  g_autoptr(OctaAudioPartTrack) b4 = NULL;
  g_autoptr(OctaScene) scene = NULL;
  g_autoptr(OctaMidiPartTrack) m1 = NULL;
  OctaPartParam params[OCTA_PART_PAGE_MAX_PARAMS];
  OctaDiffWindow *window;
  g_autofree char *fields = NULL;
  g_autofree char *text = NULL;
  OctaMachineKind machine;
  guint n;

  /* Both sides play EQ on T2's FX1, so it names its values alike, and
   * both have a Flex slot 3. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (_octa_project_edit_text (both[i], OCTA_STATE_WORK, "slot", add_loop, NULL,
                                              &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(OctaBank) bank = octa_project_get_bank (both[i], 0);
      g_autoptr(OctaPart) part = octa_bank_get_part (bank, 0);
      g_autoptr(OctaAudioPartTrack) t2 = octa_part_get_audio_track (part, 1);

      octa_project_begin_change (both[i], "EQ");
      g_object_set (t2, "fx1-type", OCTA_FX_TYPE_EQ, NULL);
      octa_project_end_change (both[i]);
      if (i == 1)
        {
          b1 = octa_part_get_audio_track (part, 0);
          b3 = octa_part_get_audio_track (part, 2);
          b4 = octa_part_get_audio_track (part, 3);
          scene = octa_part_get_scene (part, 0);
          m1 = octa_part_get_midi_track (part, 0);
          octa_project_begin_change (b, "edits");
          g_object_set (t2, "fx1-param2", 90, NULL);
        }
    }
  g_object_get (b1, "machine", &machine, NULL);
  /* A filter value (FX1 DEPTH, −64…+63), a value the spec has no words
   * for (AMP SETUP AMP) and one with words (FX1 envelope trigger) */
  g_object_set (b1, "fx1-param4", 80, "amp-setup-amp", 3, "amp-setup-fx1",
                OCTA_FX_ENV_TRIG_R_T, NULL);
  /* T3 becomes a Thru machine, with its volume AB at +6 */
  g_object_set (b3, "machine", OCTA_MACHINE_KIND_THRU, "src-thru-2", 70, NULL);
  g_object_set (b4, "fx2-type", OCTA_FX_TYPE_DARK_REVERB, NULL);
  octa_scene_set_lock (scene, 0, OCTA_AUDIO_PLOCK_AMP_VOL, 80);
  octa_scene_set_xlv (scene, 0, 100);
  g_object_set (m1, "note", 60, "channel", 2, NULL);
  set_trig (b, 0, 0, 4);
  octa_bank_file_set_plock (_octa_project_get_bank_file (b, 0, OCTA_STATE_WORK), 0,
                            OCTA_TRACK_AUDIO, 0, 4, OCTA_AUDIO_PLOCK_FX1_4, 70);
  octa_bank_file_set_plock (_octa_project_get_bank_file (b, 0, OCTA_STATE_WORK), 0,
                            OCTA_TRACK_AUDIO, 0, 4, OCTA_AUDIO_PLOCK_SAMPLE_LOCK, 6);
  set_trig (b, 0, 1, 4);
  octa_bank_file_set_plock (_octa_project_get_bank_file (b, 0, OCTA_STATE_WORK), 0,
                            OCTA_TRACK_AUDIO, 1, 4, OCTA_AUDIO_PLOCK_FX1_2, 90);
  {
    g_autoptr(OctaSampleSlot) slot = octa_project_get_sample_slot (b, OCTA_SLOT_KIND_FLEX, 3);

    octa_sample_slot_set_gain (slot, 72);
    octa_sample_slot_set_loop_mode (slot, OCTA_LOOP_MODE_PING_PONG);
    octa_sample_slot_set_timestretch (slot, OCTA_TIMESTRETCH_BEAT);
    octa_sample_slot_set_trig_quantization (slot, 0);
  }
  octa_project_end_change (b);

  window = show (a, b);
  {
    g_autofree char *keys = row_keys (window);

    /* under the part, tracks in order, then the scene */
    g_assert_nonnull (strstr (keys, "A.part1(11) A.part1.T1(3) A.part1.T2(1) A.part1.T3(2) "
                                    "A.part1.T4(1) A.part1.M1(2) A.part1.scene1(2)"));
  }

  /* T1: each value named as its knob in Parts, read as the knob reads */
  octa_diff_window_select_path (window, "A.part1.T1");
  fields = labels_of (window, "field_grid");
  g_test_message ("T1: %s", fields);
  g_assert_null (strstr (fields, "PARAM"));
  assert_row_as_parts (window, a, b, "FX1 DEPTH", OCTA_PART_PAGE_FX1, FALSE, -1, 0, "fx1-param4");
  g_clear_pointer (&text, g_free);
  text = field_cell (window, "FX1 DEPTH", 2);
  g_assert_cmpstr (text, ==, "+16");
  assert_row_as_parts (window, a, b, "AMP SETUP AMP", OCTA_PART_PAGE_AMP, TRUE, -1, 0,
                       "amp-setup-amp");
  g_clear_pointer (&text, g_free);
  text = field_cell (window, "AMP SETUP AMP", 2);
  g_assert_cmpstr (text, ==, "#3");
  assert_row_as_parts (window, a, b, "AMP SETUP FX1", OCTA_PART_PAGE_AMP, TRUE, -1, 0,
                       "amp-setup-fx1");
  g_clear_pointer (&text, g_free);
  text = field_cell (window, "AMP SETUP FX1", 2);
  g_assert_cmpstr (text, ==, "R+T");
  /* the parameter's name is the Parts page's knob name */
  n = octa_part_page_params (FALSE, machine, OCTA_FX_TYPE_FILTER, OCTA_PART_PAGE_FX1, FALSE,
                             params);
  g_assert_cmpuint (n, ==, 6);
  g_assert_cmpstr (params[3].property, ==, "fx1-param4");
  g_assert_cmpstr (params[3].abbrev, ==, "DEPTH");
  g_free (octa_test_gtk_screenshot (GTK_WIDGET (window), "diff-window-part-values"));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  g_free (octa_test_gtk_screenshot (GTK_WIDGET (window), "diff-window-part-values-dark"));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);

  /* T2's FX1 is EQ on both sides: its second value is GN1, not WIDTH */
  octa_diff_window_select_path (window, "A.part1.T2");
  assert_row_as_parts (window, a, b, "FX1 GN1", OCTA_PART_PAGE_FX1, FALSE, -1, 1, "fx1-param2");

  /* T3's Thru machine names its SRC values; A's side keeps the value
   * Thru would play, read alike */
  octa_diff_window_select_path (window, "A.part1.T3");
  g_clear_pointer (&fields, g_free);
  fields = labels_of (window, "field_grid");
  g_test_message ("T3: %s", fields);
  g_clear_pointer (&text, g_free);
  text = field_cell (window, "SRC VOL", 2);
  g_assert_cmpstr (text, ==, "+6");
  g_clear_pointer (&text, g_free);
  text = dial_text (b, OCTA_PART_PAGE_SRC, FALSE, -1, 2, "src-thru-2");
  g_assert_cmpstr (text, ==, "+6");
  g_clear_pointer (&text, g_free);
  text = field_cell (window, "SRC VOL", 1);
  g_assert_cmpstr (text, ==, "0");
  g_clear_pointer (&text, g_free);
  text = field_cell (window, "Machine", 2);
  g_assert_cmpstr (text, ==, "THRU");
  g_clear_pointer (&text, g_free);
  text = field_cell (window, "Machine", 1);
  {
    g_autofree char *words = octa_plock_format_value (OCTA_PLOCK_FORMAT_MACHINE, machine);

    g_assert_cmpstr (text, ==, words);
    g_assert_cmpstr (words, ==, machine == OCTA_MACHINE_KIND_FLEX ? "FLEX" : "STATIC");
  }

  octa_diff_window_select_path (window, "A.part1.T4");
  g_clear_pointer (&text, g_free);
  text = field_cell (window, "FX2 type", 1);
  g_assert_cmpstr (text, ==, "DELAY");
  g_clear_pointer (&text, g_free);
  text = field_cell (window, "FX2 type", 2);
  g_assert_cmpstr (text, ==, "DARK REVERB");

  /* A MIDI track's values: a note name, the channel as the device counts */
  octa_diff_window_select_path (window, "A.part1.M1");
  g_clear_pointer (&fields, g_free);
  fields = labels_of (window, "field_grid");
  g_test_message ("M1: %s", fields);
  g_clear_pointer (&text, g_free);
  text = field_cell (window, "NOTE NOTE", 2);
  g_assert_cmpstr (text, ==, "C4");
  g_clear_pointer (&text, g_free);
  text = field_cell (window, "NOTE SETUP CHAN", 1);
  g_assert_cmpstr (text, ==, "1");
  g_clear_pointer (&text, g_free);
  text = field_cell (window, "NOTE SETUP CHAN", 2);
  g_assert_cmpstr (text, ==, "2");

  /* A scene lock reads as the scene's knob in Parts */
  octa_diff_window_select_path (window, "A.part1.scene1");
  g_clear_pointer (&text, g_free);
  text = field_cell (window, "T1 · AMP VOL", 1);
  g_assert_cmpstr (text, ==, "—");
  g_clear_pointer (&text, g_free);
  text = field_cell (window, "T1 · AMP VOL", 2);
  g_assert_cmpstr (text, ==, "+16");
  {
    g_autofree char *knob = dial_text (b, OCTA_PART_PAGE_AMP, FALSE, 0, 0, "amp-vol");

    g_assert_cmpstr (text, ==, knob);
  }
  g_clear_pointer (&text, g_free);
  text = field_cell (window, "T1 · XLV", 1);
  g_assert_cmpstr (text, ==, "—");
  g_clear_pointer (&text, g_free);
  /* no crossfader volume in A's scene: B alone has one */
  text = field_cell (window, "T1 · XLV", 3);
  g_assert_cmpstr (text, ==, "−");
  g_clear_pointer (&text, g_free);
  text = field_cell (window, "T1 · XLV", 2);
  {
    g_autofree char *knob = dial_text (b, OCTA_PART_PAGE_AMP, FALSE, 0, 0, "xlv");

    g_assert_cmpstr (text, ==, knob);
    g_assert_cmpstr (text, ==, "100");
  }

  /* Step locks: named by the pattern's part, as the step grid names them */
  octa_diff_window_select_path (window, "A01.T1.5");
  g_clear_pointer (&fields, g_free);
  fields = labels_of (window, "field_grid");
  g_test_message ("A01 T1 step 5: %s", fields);
  g_clear_pointer (&text, g_free);
  text = field_cell (window, "FX1 DEPTH", 2);
  g_assert_cmpstr (text, ==, "+6");
  g_clear_pointer (&text, g_free);
  text = field_cell (window, "Sample lock", 2);
  {
    g_autofree char *slot = octa_sample_slot_label (machine, 7);

    g_assert_cmpstr (text, ==, slot);
  }
  octa_diff_window_select_path (window, "A01.T2.5");
  g_clear_pointer (&text, g_free);
  text = field_cell (window, "FX1 GN1", 2);
  g_assert_cmpstr (text, ==, "90");
  g_free (octa_test_gtk_screenshot (GTK_WIDGET (window), "diff-window-step-locks"));

  /* A slot's attributes read as the Samples view lists them */
  octa_diff_window_select_path (window, "flex.3");
  g_clear_pointer (&fields, g_free);
  fields = labels_of (window, "field_grid");
  g_test_message ("Flex 003: %s", fields);
  {
    static const struct { const char *field; OctaPlockFormat format; const char *b; } rows[] = {
      { "GAIN", OCTA_PLOCK_FORMAT_GAIN, "+12.0 dB" },
      { "LOOP", OCTA_PLOCK_FORMAT_LOOP_MODE, "PING-PONG" },
      { "TSTR", OCTA_PLOCK_FORMAT_TIMESTRETCH, "BEAT" },
      { "TRIG QUANT", OCTA_PLOCK_FORMAT_TRIG_QUANT, "PATTERN LEN" },
    };
    g_autoptr(OctaSampleSlot) slot = octa_project_get_sample_slot (a, OCTA_SLOT_KIND_FLEX, 3);
    gint in_a[4] = { octa_sample_slot_get_gain (slot), octa_sample_slot_get_loop_mode (slot),
                     octa_sample_slot_get_timestretch (slot),
                     octa_sample_slot_get_trig_quantization (slot) };

    for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
      {
        g_autofree char *cell_a = field_cell (window, rows[i].field, 1);
        g_autofree char *cell_b = field_cell (window, rows[i].field, 2);
        g_autofree char *words_a = octa_plock_format_value (rows[i].format, in_a[i]);

        g_assert_cmpstr (cell_a, ==, words_a);
        g_assert_cmpstr (cell_b, ==, rows[i].b);
      }
  }
  g_free (octa_test_gtk_screenshot (GTK_WIDGET (window), "diff-window-slot-values"));

  gtk_window_destroy (GTK_WINDOW (window));
  octa_test_gtk_flush ();
}

/* Working against saved: B's FX1 type comes from the diff itself, so B's
 * value reads by the effect the saved state has. */
static void
test_saved_part_values (void)
{
  g_autofree char *tmp = octa_test_make_tmpdir ();
  g_autofree char *dir = g_build_filename (tmp, "SONG", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(OctaProject) project = octa_project_new_blank ("SONG");
  g_autoptr(OctaBank) bank = octa_project_get_bank (project, 0);
  g_autoptr(OctaPart) part = octa_bank_get_part (bank, 0);
  g_autoptr(OctaAudioPartTrack) t1 = octa_part_get_audio_track (part, 0);
  g_autoptr(GError) error = NULL;
  OctaDiffWindow *window;
  g_autofree char *fields = NULL;
  g_autofree char *text = NULL;
  gint depth;

  g_object_set (t1, "fx1-type", OCTA_FX_TYPE_FILTER, NULL);
  g_object_get (t1, "fx1-param4", &depth, NULL);
  g_assert_true (octa_project_save_to_folder (project, folder, OCTA_SAVE_MODE_DEVICE, NULL,
                                              &error));
  g_assert_no_error (error);

  octa_project_begin_change (project, "LO-FI");
  g_object_set (t1, "fx1-type", OCTA_FX_TYPE_LOFI, "fx1-param4", depth == 80 ? 90 : 80, NULL);
  octa_project_end_change (project);

  window = show (project, NULL);
  octa_diff_window_select_path (window, "A.part1.T1");
  fields = labels_of (window, "field_grid");
  g_test_message ("%s", fields);
  text = field_cell (window, "FX1 type", 1);
  g_assert_cmpstr (text, ==, "LO-FI");
  g_clear_pointer (&text, g_free);
  text = field_cell (window, "FX1 type", 2);
  g_assert_cmpstr (text, ==, "FILTER");
  /* LO-FI's fourth value is BRR, 0…127; FILTER's is DEPTH, −64…+63 */
  g_clear_pointer (&text, g_free);
  text = field_cell (window, "FX1 BRR / FX1 DEPTH", 1);
  g_assert_cmpstr (text, ==, depth == 80 ? "90" : "80");
  g_clear_pointer (&text, g_free);
  text = field_cell (window, "FX1 BRR / FX1 DEPTH", 2);
  {
    g_autofree char *words = octa_plock_format_value (OCTA_PLOCK_FORMAT_BIPOLAR, depth);

    g_assert_cmpstr (text, ==, words);
  }
  g_free (octa_test_gtk_screenshot (GTK_WIDGET (window), "diff-window-saved-part-values"));

  gtk_window_destroy (GTK_WINDOW (window));
  octa_test_gtk_flush ();
  g_clear_object (&t1);
  g_clear_object (&part);
  g_clear_object (&bank);
  g_clear_object (&project);
  octa_test_rm_rf (tmp);
}

/* ---- The main window's menu items ----------------------------------------- */

static OctaDiffWindow *
find_diff_window (GtkWindow *parent,
                  gboolean   with_b)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (OCTA_IS_DIFF_WINDOW (l->data) && gtk_window_get_transient_for (l->data) == parent)
      {
        g_autoptr(OctaProject) b = NULL;

        g_object_get (l->data, "project-b", &b, NULL);
        if ((b != NULL) == with_b)
          return l->data;
      }
  return NULL;
}

static gboolean
has_project_diff (gpointer data)
{
  return find_diff_window (data, TRUE) != NULL;
}

static void
test_window_actions (void)
{
  g_autofree char *tmp = octa_test_make_tmpdir ();
  g_autofree char *dir = g_build_filename (tmp, "OTHER", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(OctaProject) other = octa_project_new_blank ("OTHER");
  g_autoptr(OctaProject) project = octa_project_new_blank ("SONG");
  g_autoptr(GError) error = NULL;
  OctaWindow *window = octa_window_new (GTK_APPLICATION (app));
  OctaDiffWindow *diff;
  g_autofree char *side_b = NULL;

  octa_project_begin_change (other, "edit");
  set_trig (other, 1, 3, 5);
  octa_project_end_change (other);
  g_assert_true (octa_project_save_to_folder (other, folder, OCTA_SAVE_MODE_DEVICE, NULL,
                                              &error));
  g_assert_no_error (error);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-saved", NULL)
                  && find_diff_window (GTK_WINDOW (window), FALSE) != NULL);
  octa_window_set_project (window, project);
  octa_test_gtk_flush ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-saved", NULL));
  diff = find_diff_window (GTK_WINDOW (window), FALSE);
  g_assert_nonnull (diff);
  gtk_window_destroy (GTK_WINDOW (diff));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-path", "s", dir));
  g_assert_true (octa_test_gtk_wait_until (has_project_diff, window, 5000));
  diff = find_diff_window (GTK_WINDOW (window), TRUE);
  side_b = labels_of (diff, "side_b_label");
  g_assert_cmpstr (side_b, ==, "B: OTHER · read-only");
  g_assert_true (has_row (diff, "B01.T4.6"));
  gtk_window_destroy (GTK_WINDOW (diff));

  gtk_window_destroy (GTK_WINDOW (window));
  octa_test_gtk_flush ();
  octa_test_rm_rf (tmp);
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

  g_test_add_func ("/ui/diff/projects", test_projects);
  g_test_add_func ("/ui/diff/group-confirm", test_group_confirm);
  g_test_add_func ("/ui/diff/refused", test_refused);
  g_test_add_func ("/ui/diff/other-bytes", test_other_bytes);
  g_test_add_func ("/ui/diff/large", test_large);
  g_test_add_func ("/ui/diff/saved", test_saved);
  g_test_add_func ("/ui/diff/no-saved-state", test_no_saved_state);
  g_test_add_func ("/ui/diff/window-actions", test_window_actions);
  g_test_add_func ("/ui/diff/part", test_part);
  g_test_add_func ("/ui/diff/part-values", test_part_values);
  g_test_add_func ("/ui/diff/saved-part-values", test_saved_part_values);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
