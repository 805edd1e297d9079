/* SPDX-License-Identifier: MIT */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "octa-application.h"
#include "octa-bank-problem-page.h"
#include "octa-codec.h"
#include "octa-file-banner.h"
#include "octa-project-view.h"
#include "octa-test-gtk-utils.h"
#include "octa-test-utils.h"
#include "octa-window-private.h"

/*
 * A project with files that couldn't be read opens: the banner says how
 * many, the matrix hatches the bank, and selecting it explains why, with
 * Open Saved Copy when the bank has a readable saved state.
 */

#define BANK_C 2

static OctaApplication *app;

static char *
write_damaged_project (void)
{
  g_autofree char *tmp = octa_test_make_tmpdir ();
  char *dir = g_build_filename (tmp, "LIVE-SET", NULL);
  g_autoptr(OctaProjectFiles) files = octa_project_files_new_demo ();
  g_autoptr(GError) error = NULL;
  OctaBankFile *bank_c = files->banks[OCTA_STATE_WORK][BANK_C];
  g_autofree char *bank_path = NULL;
  g_autofree char *arr_path = NULL;
  g_autofree guint8 *data = NULL;
  gsize len;

  octa_bank_file_set_trig (bank_c, 0, OCTA_TRACK_AUDIO, 0, OCTA_TRIG_TRIGGER, 0, TRUE);
  octa_bank_file_set_trig (bank_c, 6, OCTA_TRACK_AUDIO, 2, OCTA_TRIG_TRIGGER, 4, TRUE);
  files->banks[OCTA_STATE_STRD][BANK_C] = octa_bank_file_copy (bank_c);

  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  g_assert_true (octa_project_files_write_dir (files, dir, &error));
  g_assert_no_error (error);

  /* bank03.work cut short by 32 bytes; arr02.work is something else */
  bank_path = g_build_filename (dir, "bank03.work", NULL);
  data = octa_test_read_file (bank_path, &len);
  octa_test_write_file (bank_path, data, len - 32);
  arr_path = g_build_filename (dir, "arr02.work", NULL);
  octa_test_write_file (arr_path, "RIFF\0\0\0\0WAVEfmt ", 16);
  return dir;
}

static void
remove_project_dir (const char *dir)
{
  g_autofree char *parent = g_path_get_dirname (dir);

  octa_test_rm_rf (parent);
}

static gboolean
has_project (gpointer data)
{
  return octa_window_get_project (data) != NULL;
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_damaged_bank (void)
{
  g_autofree char *dir = write_damaged_project ();
  g_autoptr(GFile) file = g_file_new_for_path (dir);
  OctaWindow *window = octa_window_new (GTK_APPLICATION (app));
  OctaFileBanner *banner;
  OctaBankProblemPage *page;
  AdwStatusPage *status;
  GtkWidget *dialog;
  OctaProject *project;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  octa_test_gtk_wait_for_draw (GTK_WIDGET (window));

  octa_window_open_file (window, file);
  g_assert_true (octa_test_gtk_wait_until (has_project, window, 20000));
  octa_test_gtk_wait_for_draw (GTK_WIDGET (window));
  project = octa_window_get_project (window);
  g_assert_cmpuint (octa_project_get_n_problems (project), ==, 2);

  banner = OCTA_FILE_BANNER (find_descendant (GTK_WIDGET (window), OCTA_TYPE_FILE_BANNER));
  g_assert_nonnull (banner);
  g_assert_true (octa_file_banner_get_project (banner) == project);
  g_assert_true (octa_file_banner_get_revealed (banner));
  g_assert_cmpstr (octa_file_banner_get_text (banner), ==,
                   "2 files couldn't be read. The rest of the project is open.");
  g_assert_true (octa_file_banner_get_can_open_saved (banner));

  for (guint b = 0; b < OCTA_MATRIX_SIZE; b++)
    g_assert_cmpint (octa_bank_matrix_get_bank_unreadable (window->bank_matrix, b), ==,
                     b == BANK_C);
  g_free (octa_test_gtk_screenshot_scaled (GTK_WIDGET (window->bank_matrix),
                                           "bank-matrix-damaged", 3));

  /* Bank A shows its grid; bank C says why it can't. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->grid_stack), ==, "grid");
  octa_window_select_pattern (window, BANK_C, 6);
  octa_test_gtk_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->grid_stack), ==, "problem");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->header_slot)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->pattern_list)));
  page = OCTA_BANK_PROBLEM_PAGE (window->bank_problem_page);
  status = octa_bank_problem_page_get_status_page (page);
  g_assert_cmpstr (adw_status_page_get_title (status), ==, "Bank C couldn't be read");
  g_assert_cmpstr (adw_status_page_get_description (status), ==,
                   "bank03.work is 636\u202F081 bytes; a bank is 636\u202F113. "
                   "The file may have been cut short while copying.");
  g_assert_true (gtk_widget_get_visible (octa_bank_problem_page_get_open_saved_button (page)));
  g_free (octa_test_gtk_screenshot (GTK_WIDGET (window), "damaged-bank"));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  octa_test_gtk_wait_for_draw (GTK_WIDGET (window));
  g_free (octa_test_gtk_screenshot (GTK_WIDGET (window), "damaged-bank-dark"));
  g_free (octa_test_gtk_screenshot_scaled (GTK_WIDGET (window->bank_matrix),
                                           "bank-matrix-damaged-dark", 3));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);
  octa_test_gtk_wait_for_draw (GTK_WIDGET (window));

  dialog = octa_file_banner_show_details (banner);
  g_assert_nonnull (dialog);
  octa_test_gtk_wait_for_draw (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "2 files couldn't be read");
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "open-saved"));
  g_free (octa_test_gtk_screenshot (dialog, "damaged-details"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_destroy (GTK_WINDOW (dialog));
  octa_test_gtk_flush ();

  /* The Project view counts the same files (the demo's samples were not
   * written next to it, so they are missing too). */
  {
    GtkWidget *view = octa_project_view_new ();

    g_object_ref_sink (view);
    octa_project_view_set_project (OCTA_PROJECT_VIEW (view), project);
    g_assert_cmpstr (octa_project_view_get_health_summary (OCTA_PROJECT_VIEW (view)), ==,
                     "2 files couldn't be read; 5 samples are missing");
    octa_project_view_set_project (OCTA_PROJECT_VIEW (view), NULL);
    g_object_unref (view);
  }

  /* Open Saved Copy: bank C is back, editable; the arrangement stays unread. */
  g_signal_emit_by_name (octa_bank_problem_page_get_open_saved_button (page), "clicked");
  octa_test_gtk_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpuint (octa_project_get_n_problems (project), ==, 1);
  g_assert_false (octa_bank_matrix_get_bank_unreadable (window->bank_matrix, BANK_C));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->grid_stack), ==, "grid");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->header_slot)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->pattern_list)));
  g_assert_true (octa_pattern_get_has_trigs (octa_window_get_pattern (window)));
  g_assert_cmpstr (octa_file_banner_get_text (banner), ==,
                   "1 file couldn't be read. The rest of the project is open.");
  g_assert_false (octa_file_banner_get_can_open_saved (banner));
  g_assert_true (octa_project_get_modified (project));
  g_free (octa_test_gtk_screenshot (GTK_WIDGET (window), "damaged-after-saved-copy"));

  /* Discard the unsaved state without asking. */
  window->force_close = TRUE;
  gtk_window_destroy (GTK_WINDOW (window));
  octa_test_gtk_flush ();
  remove_project_dir (dir);
}

/* A bank of an older OS whose layout checks out is shown, read-only, with ⊘
 * by its letter instead of the hatch. */
static void
test_older_bank (void)
{
  g_autofree char *dir = write_damaged_project ();
  g_autofree char *bank_path = g_build_filename (dir, "bank02.work", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (dir);
  OctaWindow *window = octa_window_new (GTK_APPLICATION (app));
  g_autoptr(OctaBank) bank = NULL;
  g_autofree guint8 *data = NULL;
  gsize len;
  guint16 sum;

  data = octa_test_read_file (bank_path, &len);
  data[OCTA_VERSION_OFFSET] = 22;
  sum = octa_checksum_compute (data, len);
  data[len - 2] = sum >> 8;
  data[len - 1] = sum & 0xFF;
  octa_test_write_file (bank_path, data, len);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  octa_window_open_file (window, file);
  g_assert_true (octa_test_gtk_wait_until (has_project, window, 20000));
  octa_test_gtk_wait_for_draw (GTK_WIDGET (window));

  bank = octa_project_get_bank (octa_window_get_project (window), 1);
  g_assert_true (octa_bank_get_read_only (bank));
  g_assert_true (octa_bank_get_readable (bank));
  g_assert_true (octa_bank_matrix_get_bank_older (window->bank_matrix, 1));
  g_assert_false (octa_bank_matrix_get_bank_unreadable (window->bank_matrix, 1));
  g_assert_true (octa_bank_matrix_get_bank_unreadable (window->bank_matrix, BANK_C));
  g_assert_cmpstr (octa_file_banner_get_text (OCTA_FILE_BANNER (
                     find_descendant (GTK_WIDGET (window), OCTA_TYPE_FILE_BANNER))), ==,
                   "2 files couldn't be read. The rest of the project is open. "
                   "1 file is from an older Octatrack OS and stays as it is.");

  {
    GtkWidget *view = octa_project_view_new ();

    g_object_ref_sink (view);
    octa_project_view_set_project (OCTA_PROJECT_VIEW (view), octa_window_get_project (window));
    g_assert_cmpstr (octa_project_view_get_health_summary (OCTA_PROJECT_VIEW (view)), ==,
                     "2 files couldn't be read; 1 file is from an older OS, read-only; "
                     "5 samples are missing");
    octa_project_view_set_project (OCTA_PROJECT_VIEW (view), NULL);
    g_object_unref (view);
  }

  octa_window_select_pattern (window, 1, 0);
  octa_test_gtk_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->grid_stack), ==, "grid");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->pattern_list)));
  g_free (octa_test_gtk_screenshot_scaled (GTK_WIDGET (window->bank_matrix),
                                           "bank-matrix-older", 3));

  gtk_window_destroy (GTK_WINDOW (window));
  octa_test_gtk_flush ();
  remove_project_dir (dir);
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

  g_test_add_func ("/ui/damaged/bank", test_damaged_bank);
  g_test_add_func ("/ui/damaged/older-bank", test_older_bank);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
