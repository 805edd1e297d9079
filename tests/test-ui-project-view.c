/* SPDX-License-Identifier: MIT */
#include <adwaita.h>
#include <string.h>

#include "octa.h"
#include "octa-codec.h"
#include "octa-project-view.h"
#include "octa-test-gtk-utils.h"
#include "octa-test-utils.h"

/*
 * The Project view: a setting edited through its row changes exactly its own
 * line of project.work, as one undo step; values without names keep their
 * numbers; Files and Health say what differs.
 */

typedef struct
{
  char            *dir;
  OctaProject     *project;
  GtkWidget       *window;
  OctaProjectView *view;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(OctaProjectFiles) files = octa_project_files_new_blank ("LIVE-SET");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) location = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GString) edited = NULL;
  gsize len;

  /* A saved state to compare with, as PROJECT > SAVE leaves it. */
  files->project[OCTA_STATE_STRD] = octa_project_file_copy (files->project[OCTA_STATE_WORK]);
  f->dir = octa_test_make_tmpdir ();
  g_assert_true (octa_project_files_write_dir (files, f->dir, &error));
  g_assert_no_error (error);

  /* A key Octadesk doesn't know, which must survive as written. */
  for (guint s = 0; s < 2; s++)
    {
      path = g_build_filename (f->dir, s == 0 ? "project.work" : "project.strd", NULL);
      text = (char *) octa_test_read_file (path, &len);
      edited = g_string_new_len (text, len);
      g_assert_cmpint (g_string_replace (edited, "[SETTINGS]\r\n",
                                         "[SETTINGS]\r\nFUTURE_KEY=7\r\n", 1), ==, 1);
      octa_test_write_file (path, edited->str, edited->len);
      g_clear_pointer (&path, g_free);
      g_clear_pointer (&text, g_free);
      g_string_free (g_steal_pointer (&edited), TRUE);
    }

  location = g_file_new_for_path (f->dir);
  f->project = octa_project_load (location, NULL, &error);
  g_assert_no_error (error);

  f->view = OCTA_PROJECT_VIEW (octa_project_view_new ());
  g_object_set (f->view, "project", f->project, NULL);
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 900, 1100);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->view));
  gtk_window_present (GTK_WINDOW (f->window));
  octa_test_gtk_wait_for_draw (f->window);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  octa_test_gtk_flush ();
  g_clear_object (&f->project);
  octa_test_rm_rf (f->dir);
  g_free (f->dir);
}

static char **
project_lines (OctaProject *project)
{
  g_autoptr(GBytes) bytes = octa_project_encode_file (project, "project.work");
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  return g_strsplit (text, "\r\n", -1);
}

/* Runs @edit and checks that exactly one line changed, to @line. */
static void
assert_one_line (Fixture    *f,
                 void      (*edit) (GtkWidget *editor, gpointer data),
                 const char *property,
                 gpointer    data,
                 const char *line)
{
  GtkWidget *editor = octa_project_view_get_editor (f->view, property);
  g_auto(GStrv) before = project_lines (f->project);
  g_auto(GStrv) after = NULL;
  guint changed = 0;

  g_assert_nonnull (editor);
  edit (editor, data);
  after = project_lines (f->project);
  g_assert_cmpuint (g_strv_length (after), ==, g_strv_length (before));
  for (guint i = 0; before[i] != NULL; i++)
    if (g_strcmp0 (before[i], after[i]) != 0)
      {
        changed++;
        g_assert_cmpstr (after[i], ==, line);
      }
  g_assert_cmpuint (changed, ==, 1);

  /* One undo step brings the file back. */
  g_assert_true (octa_project_undo (f->project));
  {
    g_auto(GStrv) undone = project_lines (f->project);

    g_assert_true (g_strv_equal ((const char *const *) undone, (const char *const *) before));
  }
  g_assert_true (octa_project_redo (f->project));
}

static void
toggle_switch (GtkWidget *editor,
               gpointer   data)
{
  gtk_switch_set_active (GTK_SWITCH (editor), !gtk_switch_get_active (GTK_SWITCH (editor)));
}

static void
set_spin (GtkWidget *editor,
          gpointer   data)
{
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (editor), *(double *) data);
}

static void
select_item (GtkWidget *editor,
             gpointer   data)
{
  gtk_drop_down_set_selected (GTK_DROP_DOWN (editor), GPOINTER_TO_UINT (data));
}

static void
test_rows_write_their_line (Fixture       *f,
                            gconstpointer  data)
{
  OctaProjectSettings *settings = octa_project_get_settings (f->project);
  GtkWidget *tempo = octa_project_view_get_editor (f->view, "tempo");
  double gate = 100, bpm = 126.125;

  g_assert_false (gtk_switch_get_active (GTK_SWITCH (octa_project_view_get_editor (
                                                       f->view, "metronome-enabled"))));
  assert_one_line (f, toggle_switch, "metronome-enabled", NULL, "METRONOME_ENABLED=1");
  assert_one_line (f, set_spin, "gate-ab", &gate, "GATE_AB=100");
  /* OFF is the first channel item */
  assert_one_line (f, select_item, "midi-trig-ch3", GUINT_TO_POINTER (0), "MIDI_TRIG_CH3=-1");
  assert_one_line (f, select_item, "midi-trig-ch4", GUINT_TO_POINTER (16), "MIDI_TRIG_CH4=15");
  assert_one_line (f, set_spin, "tempo", &bpm, "TEMPOx24=3027");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tempo)), ==, "126.125");

  /* An edit made elsewhere shows in its row. */
  g_object_set (settings, "gain-cd", 90, NULL);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (
                     octa_project_view_get_editor (f->view, "gain-cd"))), ==, 90);
  g_object_unref (settings);
}

static void
test_raw_values_kept (Fixture       *f,
                      gconstpointer  data)
{
  OctaProjectSettings *settings = octa_project_get_settings (f->project);
  GtkDropDown *clock = GTK_DROP_DOWN (octa_project_view_get_editor (f->view, "midi-clock-send"));
  GListModel *items = gtk_drop_down_get_model (clock);
  gint value;

  /* A real device writes MIDI_CLOCK_SEND=2: it shows as #2, not as On. */
  g_object_set (settings, "midi-clock-send", 2, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 3);
  g_assert_cmpuint (gtk_drop_down_get_selected (clock), ==, 2);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (items), 2), ==, "#2");
  g_object_get (settings, "midi-clock-send", &value, NULL);
  g_assert_cmpint (value, ==, 2);

  gtk_drop_down_set_selected (clock, 1);
  g_object_get (settings, "midi-clock-send", &value, NULL);
  g_assert_cmpint (value, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 2);
  g_object_unref (settings);
}

static GtkWidget *
find_expander (GtkWidget *widget)
{
  if (ADW_IS_EXPANDER_ROW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_expander (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
scroll_to_end (Fixture *f)
{
  GtkWidget *scroller = gtk_widget_get_first_child (GTK_WIDGET (f->view));
  GtkAdjustment *adj;

  g_assert_true (GTK_IS_SCROLLED_WINDOW (scroller));
  octa_test_gtk_wait_for_draw (f->window);
  adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
  octa_test_gtk_wait_for_draw (f->window);
}

static gboolean
differs (gpointer data)
{
  return octa_project_view_count_files_differing (data) == 1;
}

static void
test_files_and_health (Fixture       *f,
                       gconstpointer  data)
{
  OctaProjectSettings *settings = octa_project_get_settings (f->project);
  GtkWidget *expander;

  g_assert_cmpuint (octa_project_view_count_files_differing (f->view), ==, 0);
  g_assert_cmpstr (octa_project_view_get_health_summary (f->view), ==, "✓ Nothing to fix");
  expander = find_expander (GTK_WIDGET (f->view));
  g_assert_nonnull (expander);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (expander)), ==,
                   "Unknown settings kept as written: 1");
  g_free (octa_test_gtk_screenshot (f->window, "project-view"));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
  scroll_to_end (f);
  g_free (octa_test_gtk_screenshot (f->window, "project-view-files"));

  g_object_set (settings, "metronome-enabled", 1, NULL);
  g_assert_true (octa_test_gtk_wait_until (differs, f->view, 5000));
  g_assert_cmpstr (octa_project_view_get_health_summary (f->view), ==,
                   "1 file differs from its saved state");
  /* The list of unknown lines stays open across the rebuild. */
  expander = find_expander (GTK_WIDGET (f->view));
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (expander)));
  scroll_to_end (f);
  g_free (octa_test_gtk_screenshot (f->window, "project-view-edited"));
  g_object_unref (settings);
}

int
main (int   argc,
      char *argv[])
{
  OCTA_TEST_GTK_MAIN_PROLOGUE (argc, argv);

  g_test_add ("/ui/project-view/rows-write-their-line", Fixture, NULL, fixture_setup,
              test_rows_write_their_line, fixture_teardown);
  g_test_add ("/ui/project-view/raw-values-kept", Fixture, NULL, fixture_setup,
              test_raw_values_kept, fixture_teardown);
  g_test_add ("/ui/project-view/files-and-health", Fixture, NULL, fixture_setup,
              test_files_and_health, fixture_teardown);

  return g_test_run ();
}
