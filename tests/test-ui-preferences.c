/* SPDX-License-Identifier: MIT */
#include <adwaita.h>

#include "octa-application.h"
#include "octa-preferences-window.h"
#include "octa-step-grid.h"
#include "octa-test-gtk-utils.h"
#include "octa-test-utils.h"
#include "octa-window-private.h"

/*
 * Preferences: app.preferences opens the window, each row writes its
 * GSettings key, and the trig palette reaches the step grid of an open
 * window.
 */

static OctaApplication *app;

static GtkWidget *
find_row (GtkWidget  *root,
          const char *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  octa_test_gtk_collect (root, ADW_TYPE_PREFERENCES_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), title) == 0)
      return g_ptr_array_index (rows, i);
  return NULL;
}

static void
assert_color (const GdkRGBA *color,
              const char    *spec)
{
  GdkRGBA want;

  g_assert_true (gdk_rgba_parse (&want, spec));
  g_assert_cmpfloat_with_epsilon (color->red, want.red, 1e-3);
  g_assert_cmpfloat_with_epsilon (color->green, want.green, 1e-3);
  g_assert_cmpfloat_with_epsilon (color->blue, want.blue, 1e-3);
}

static void
assert_setting (GSettings  *settings,
                const char *key,
                const char *want)
{
  g_autofree char *value = g_settings_get_string (settings, key);

  g_assert_cmpstr (value, ==, want);
}

static void
test_rows (void)
{
  g_autoptr(GSettings) settings = g_settings_new (OCTA_APP_ID);
  OctaWindow *window = octa_window_new (GTK_APPLICATION (app));
  GtkWindow *prefs;
  GtkWidget *palette, *save, *samples, *controls, *confirm, *unsaved;
  GdkRGBA color;
  g_autofree char *shot = NULL;
  g_autofree char *shot_dark = NULL;

  gtk_window_present (GTK_WINDOW (window));
  octa_test_gtk_wait_for_draw (GTK_WIDGET (window));
  octa_test_gtk_flush ();
  g_assert_nonnull (window->step_grid);

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  prefs = octa_test_gtk_find_transient (GTK_WINDOW (window), OCTA_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (prefs);
  octa_test_gtk_wait_for_draw (GTK_WIDGET (prefs));
  {
    g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                  "app.preferences");

    g_assert_cmpstr (accels[0], ==, "<Control>comma");
  }

  palette = find_row (GTK_WIDGET (prefs), "Trig colours");
  save = find_row (GTK_WIDGET (prefs), "Save button");
  samples = find_row (GTK_WIDGET (prefs), "Copy added samples to");
  controls = find_row (GTK_WIDGET (prefs), "Parameter controls");
  confirm = find_row (GTK_WIDGET (prefs), "Explain the first save");
  unsaved = find_row (GTK_WIDGET (prefs), "Show unsaved");
  g_assert_nonnull (palette);
  g_assert_nonnull (save);
  g_assert_nonnull (samples);
  g_assert_nonnull (controls);
  g_assert_nonnull (confirm);
  g_assert_nonnull (unsaved);

  /* the defaults show */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (palette)), ==, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (save)), ==, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (samples)), ==, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (controls)), ==, 0);

  shot = octa_test_gtk_screenshot (GTK_WIDGET (prefs), "preferences-light");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  octa_test_gtk_flush ();
  shot_dark = octa_test_gtk_screenshot (GTK_WIDGET (prefs), "preferences-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  octa_test_gtk_flush ();

  /* the grid draws the device's red until the palette changes */
  g_assert_true (octa_step_grid_lookup_trig_color (OCTA_STEP_GRID (window->step_grid),
                                                   "octa_trig", &color));
  assert_color (&color, "#c01c28");
  adw_combo_row_set_selected (ADW_COMBO_ROW (palette), 1);
  assert_setting (settings, "trig-palette", "colour-blind");
  {
    gboolean colorblind = FALSE;

    g_object_get (window->step_grid, "colorblind-palette", &colorblind, NULL);
    g_assert_true (colorblind);
  }
  g_assert_true (octa_step_grid_lookup_trig_color (OCTA_STEP_GRID (window->step_grid),
                                                   "octa_trig", &color));
  assert_color (&color, "#D55E00");
  g_assert_true (octa_step_grid_lookup_trig_color (OCTA_STEP_GRID (window->step_grid),
                                                   "octa_trigless", &color));
  assert_color (&color, "#009E73");
  g_assert_true (octa_step_grid_lookup_trig_color (OCTA_STEP_GRID (window->step_grid),
                                                   "octa_oneshot", &color));
  assert_color (&color, "#F0E442");
  g_assert_true (gtk_widget_has_css_class (window->step_grid, "colorblind"));
  /* and back */
  g_settings_set_string (settings, "trig-palette", "device");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (palette)), ==, 0);
  g_assert_true (octa_step_grid_lookup_trig_color (OCTA_STEP_GRID (window->step_grid),
                                                   "octa_trigless", &color));
  assert_color (&color, "#26a269");
  g_assert_false (octa_step_grid_lookup_trig_color (OCTA_STEP_GRID (window->step_grid),
                                                    "octa_diff_add", &color));

  /* Save and Store as the main button: the window's radio item follows */
  adw_combo_row_set_selected (ADW_COMBO_ROW (save), 1);
  g_assert_true (g_settings_get_boolean (settings, "save-like-device"));
  {
    g_autoptr(GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (window),
                                                                 "save-like-device");

    g_assert_true (g_variant_get_boolean (state));
  }
  adw_combo_row_set_selected (ADW_COMBO_ROW (save), 0);
  g_assert_false (g_settings_get_boolean (settings, "save-like-device"));

  adw_combo_row_set_selected (ADW_COMBO_ROW (samples), 1);
  assert_setting (settings, "sample-destination", "pool");
  adw_combo_row_set_selected (ADW_COMBO_ROW (controls), 1);
  assert_setting (settings, "parameter-controls", "sliders");
  g_settings_set_string (settings, "parameter-controls", "knobs");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (controls)), ==, 0);

  g_assert_true (g_settings_get_boolean (settings, "confirm-first-save"));
  g_assert_true (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (confirm)) != NULL);
  gtk_switch_set_active (GTK_SWITCH (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (confirm))),
                         FALSE);
  g_assert_false (g_settings_get_boolean (settings, "confirm-first-save"));

  /* Show unsaved: off by default, and the grid follows the switch */
  {
    GtkWidget *toggle = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (unsaved));

    g_assert_true (GTK_IS_SWITCH (toggle));
    g_assert_false (gtk_switch_get_active (GTK_SWITCH (toggle)));
    g_assert_false (octa_step_grid_get_show_unsaved (OCTA_STEP_GRID (window->step_grid)));
    gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
    g_assert_true (g_settings_get_boolean (settings, "show-unsaved-steps"));
    g_assert_true (octa_step_grid_get_show_unsaved (OCTA_STEP_GRID (window->step_grid)));
    g_settings_set_boolean (settings, "show-unsaved-steps", FALSE);
    g_assert_false (gtk_switch_get_active (GTK_SWITCH (toggle)));
    g_assert_false (octa_step_grid_get_show_unsaved (OCTA_STEP_GRID (window->step_grid)));
  }

  g_settings_reset (settings, "sample-destination");
  g_settings_reset (settings, "confirm-first-save");
  gtk_window_destroy (prefs);
  gtk_window_destroy (GTK_WINDOW (window));
  octa_test_gtk_flush ();
  g_assert_true (g_file_test (shot, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (shot_dark, G_FILE_TEST_EXISTS));
}

/* The grid itself, with the demo's first pattern, in both palettes. */
static void
test_grid_palettes (void)
{
  g_autoptr(OctaProjectFiles) files = octa_project_files_new_demo ();
  g_autofree char *tmpdir = octa_test_make_tmpdir ();
  g_autoptr(GFile) location = g_file_new_for_path (tmpdir);
  g_autoptr(OctaProject) project = NULL;
  g_autoptr(OctaBank) bank = NULL;
  g_autoptr(OctaPattern) pattern = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *p1 = NULL, *p2 = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *grid = octa_step_grid_new ();

  g_assert_true (octa_project_files_write_dir (files, tmpdir, &error));
  project = octa_project_load (location, NULL, &error);
  g_assert_no_error (error);
  bank = octa_project_get_bank (project, 0);
  pattern = octa_bank_get_pattern (bank, 0);
  gtk_window_set_child (GTK_WINDOW (window), grid);
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 640);
  gtk_window_present (GTK_WINDOW (window));
  octa_step_grid_set_pattern (OCTA_STEP_GRID (grid), pattern);
  p1 = octa_test_gtk_screenshot (grid, "grid-palette-device");
  g_object_set (grid, "colorblind-palette", TRUE, NULL);
  p2 = octa_test_gtk_screenshot (grid, "grid-palette-colorblind");
  g_assert_true (g_file_test (p2, G_FILE_TEST_EXISTS));

  /* the legend, in its popover away from any grid, follows the setting */
  {
    g_autoptr(GSettings) settings = g_settings_new (OCTA_APP_ID);
    GtkWidget *legend_window = gtk_window_new ();

    gtk_window_set_child (GTK_WINDOW (legend_window), octa_step_grid_legend_new ());
    gtk_window_present (GTK_WINDOW (legend_window));
    g_settings_set_string (settings, "trig-palette", "colour-blind");
    g_free (octa_test_gtk_screenshot (gtk_window_get_child (GTK_WINDOW (legend_window)),
                                      "legend-colorblind"));
    g_settings_reset (settings, "trig-palette");
    gtk_window_destroy (GTK_WINDOW (legend_window));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  octa_test_gtk_flush ();
  g_clear_object (&pattern);
  g_clear_object (&bank);
  g_assert_finalize_object (g_steal_pointer (&project));
  octa_test_rm_rf (tmpdir);
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

  g_test_add_func ("/ui/preferences/rows", test_rows);
  g_test_add_func ("/ui/preferences/grid-palettes", test_grid_palettes);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
