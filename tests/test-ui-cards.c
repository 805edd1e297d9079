/* SPDX-License-Identifier: MIT */
#include <adwaita.h>
#include <glib/gstdio.h>

#include "octa-codec.h"
#include "octa-start-page.h"
#include "octa-test-gtk-utils.h"
#include "octa-test-utils.h"

/*
 * "On the … card" on the start page: sets found under a card root (given
 * to the page here, as a mounted volume would be) are listed with their
 * projects; a folder without AUDIO/ or without projects is not a set.
 */

static void
write_project (const char *set,
               const char *name)
{
  g_autofree char *dir = g_build_filename (set, name, NULL);
  g_autoptr(OctaProjectFiles) files = octa_project_files_new_blank (name);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (octa_project_files_write_dir (files, dir, &error));
  g_assert_no_error (error);
}

static void
make_dir (const char *parent,
          const char *name)
{
  g_autofree char *dir = g_build_filename (parent, name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
}

static void
on_scanned (OctaStartPage *page,
            gboolean      *done)
{
  *done = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

static void
on_open_path (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  char **opened = user_data;

  g_free (*opened);
  *opened = g_variant_dup_string (parameter, NULL);
}

static void
test_sets_on_card (void)
{
  g_autofree char *tmp = octa_test_make_tmpdir ();
  g_autofree char *card = g_build_filename (tmp, "OCTATRACK", NULL);
  g_autofree char *set = g_build_filename (card, "SET-2025", NULL);
  g_autofree char *loose = g_build_filename (card, "BACKUP", NULL);
  g_autofree char *empty_set = g_build_filename (card, "EMPTY-SET", NULL);
  g_autofree char *opened = NULL;
  g_autofree char *shot = NULL;
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) open_path = g_simple_action_new ("open-path", G_VARIANT_TYPE_STRING);
  g_autoptr(GPtrArray) sets = g_ptr_array_new ();
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  const char *roots[] = { card, NULL };
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = octa_start_page_new ();
  GtkListBox *list = octa_start_page_get_card_list (OCTA_START_PAGE (page));
  gboolean done = FALSE;
  GtkWidget *box;

  /* SET-2025: AUDIO and three projects, one of them written as a stray
   * folder without project.work */
  make_dir (set, "AUDIO");
  write_project (set, "LIVE-SET");
  write_project (set, "JAM-01");
  write_project (set, "JAM-02");
  make_dir (set, "NOTES");
  /* a project outside any set, and a set with no project */
  write_project (loose, "OLD");
  make_dir (empty_set, "AUDIO");

  g_signal_connect (open_path, "activate", G_CALLBACK (on_open_path), &opened);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (open_path));
  gtk_widget_insert_action_group (window, "win", G_ACTION_GROUP (group));
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 700);
  gtk_window_present (GTK_WINDOW (window));

  box = gtk_widget_get_parent (GTK_WIDGET (list));
  g_signal_connect (page, "cards-scanned", G_CALLBACK (on_scanned), &done);
  octa_start_page_set_card_roots (OCTA_START_PAGE (page), roots);
  g_assert_true (octa_test_gtk_wait_until (is_true, &done, 10000));

  g_assert_true (gtk_widget_get_visible (box));
  octa_test_gtk_collect (GTK_WIDGET (list), ADW_TYPE_EXPANDER_ROW, sets);
  g_assert_cmpuint (sets->len, ==, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (sets, 0)), ==, "SET-2025");
  g_assert_cmpstr (adw_expander_row_get_subtitle (g_ptr_array_index (sets, 0)), ==,
                   "JAM-01, JAM-02, LIVE-SET");
  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();
    gboolean titled = FALSE;

    octa_test_gtk_collect (box, GTK_TYPE_LABEL, labels);
    for (guint i = 0; i < labels->len; i++)
      titled |= g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, i)),
                           "On the OCTATRACK card") == 0;
    g_assert_true (titled);
  }

  adw_expander_row_set_expanded (g_ptr_array_index (sets, 0), TRUE);
  octa_test_gtk_flush ();
  shot = octa_test_gtk_screenshot (page, "start-page-card");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  octa_test_gtk_flush ();
  g_free (octa_test_gtk_screenshot (page, "start-page-card-dark"));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  octa_test_gtk_flush ();

  octa_test_gtk_collect (g_ptr_array_index (sets, 0), ADW_TYPE_ACTION_ROW, rows);
  /* the expander's own header is an action row too */
  for (guint i = rows->len; i-- > 0;)
    if (!gtk_list_box_row_get_activatable (g_ptr_array_index (rows, i))
        || gtk_widget_get_tooltip_text (g_ptr_array_index (rows, i)) == NULL)
      g_ptr_array_remove_index (rows, i);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 2)), ==, "LIVE-SET");
  g_signal_emit_by_name (g_ptr_array_index (rows, 2), "activate");
  {
    g_autofree char *want = g_build_filename (set, "LIVE-SET", NULL);

    g_assert_cmpstr (opened, ==, want);
  }

  /* the card goes: the section goes */
  done = FALSE;
  octa_test_rm_rf (card);
  octa_start_page_set_card_roots (OCTA_START_PAGE (page), roots);
  g_assert_true (octa_test_gtk_wait_until (is_true, &done, 10000));
  g_assert_false (gtk_widget_get_visible (box));
  g_assert_null (gtk_widget_get_first_child (GTK_WIDGET (list)));

  gtk_window_destroy (GTK_WINDOW (window));
  octa_test_gtk_flush ();
  octa_test_rm_rf (tmp);
  g_assert_nonnull (shot);
}

int
main (int   argc,
      char *argv[])
{
  OCTA_TEST_GTK_MAIN_PROLOGUE (argc, argv);

  g_test_add_func ("/ui/cards/sets-on-card", test_sets_on_card);

  return g_test_run ();
}
