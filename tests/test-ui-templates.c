/* SPDX-License-Identifier: MIT */
#include <adwaita.h>

#include "octa-arp-editor.h"
#include "octa-arrangement-view.h"
#include "octa-bank-matrix.h"
#include "octa-lfo-designer.h"
#include "octa-pattern-list.h"
#include "octa-preferences-window.h"
#include "octa-start-page.h"
#include "octa-test-gtk-utils.h"
#include "octa-window.h"

#if defined (OCTA_HAVE_STEP_GRID) && __has_include ("octa-step-grid.h")
# include "octa-step-grid.h"
# define HAVE_STEP_GRID 1
#else
# define HAVE_STEP_GRID 0
#endif
#if defined (OCTA_HAVE_STEP_INSPECTOR) && __has_include ("octa-step-inspector.h")
# include "octa-step-inspector.h"
# define HAVE_STEP_INSPECTOR 1
#else
# define HAVE_STEP_INSPECTOR 0
#endif
#if defined (OCTA_HAVE_PATTERN_HEADER) && __has_include ("octa-pattern-header.h")
# include "octa-pattern-header.h"
# define HAVE_PATTERN_HEADER 1
#else
# define HAVE_PATTERN_HEADER 0
#endif

/*
 * Builds every widget that has a template (or is drawn), shows it and
 * throws it away: a template that names an unknown child, property,
 * callback or type is a fatal critical here.
 */

static void
show_in_window (GtkWidget *widget)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_child (GTK_WINDOW (window), widget);
  gtk_window_set_default_size (GTK_WINDOW (window), 600, 600);
  gtk_window_present (GTK_WINDOW (window));
  octa_test_gtk_wait_for_draw (window);
  gtk_window_destroy (GTK_WINDOW (window));
  octa_test_gtk_flush ();
}

static void
test_widget_type (gconstpointer data)
{
  GType type = GPOINTER_TO_SIZE (data);
  GtkWidget *widget = g_object_new (type, NULL);

  g_assert_true (GTK_IS_WIDGET (widget));
  if (GTK_IS_WINDOW (widget))
    {
      gtk_window_present (GTK_WINDOW (widget));
      octa_test_gtk_wait_for_draw (widget);
      gtk_window_destroy (GTK_WINDOW (widget));
      octa_test_gtk_flush ();
    }
  else
    show_in_window (widget);
}

static void
test_widgets_with_project (void)
{
  g_autoptr(OctaProject) project = octa_project_new_blank ("TEMPLATES");
  g_autoptr(OctaBank) bank = octa_project_get_bank (project, 2);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *matrix = octa_bank_matrix_new ();
  GtkWidget *list = octa_pattern_list_new ();

  octa_bank_matrix_set_project (OCTA_BANK_MATRIX (matrix), project);
  octa_pattern_list_set_bank (OCTA_PATTERN_LIST (list), bank);
  gtk_box_append (GTK_BOX (box), matrix);
  gtk_box_append (GTK_BOX (box), list);
  g_assert_true (octa_pattern_list_get_bank (OCTA_PATTERN_LIST (list)) == bank);
  g_assert_true (octa_bank_matrix_get_project (OCTA_BANK_MATRIX (matrix)) == project);
  show_in_window (box);
}

static void
test_help_overlay (void)
{
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/io/github/octadesk/Octadesk/help-overlay.ui");
  GObject *overlay = gtk_builder_get_object (builder, "help_overlay");
  GLogLevelFlags fatal;

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));

  /* GTK 4.8's shortcuts window measures one of its own labels at -3 px
   * when shown; only for this picture is a warning not fatal. */
  fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  gtk_window_present (GTK_WINDOW (overlay));
  g_free (octa_test_gtk_screenshot (GTK_WIDGET (overlay), "help-overlay"));
  g_object_set (overlay, "section-name", "grid", NULL);
  g_free (octa_test_gtk_screenshot (GTK_WIDGET (overlay), "help-overlay-grid"));
  gtk_window_destroy (GTK_WINDOW (overlay));
  octa_test_gtk_flush ();
  g_log_set_always_fatal (fatal);
}

static void
test_style_resources (void)
{
  static const char *names[] = { "style.css", "style-dark.css", "style-hc.css" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_strdup_printf ("/io/github/octadesk/Octadesk/%s", names[i]);
      g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);

      g_assert_nonnull (bytes);
      /* a parse error is a fatal warning under gtk_test_init */
      gtk_css_provider_load_from_resource (provider, path);
    }
}

static void
add_type_test (GType type)
{
  g_autofree char *path = g_strdup_printf ("/ui/templates/%s", g_type_name (type));

  g_test_add_data_func (path, GSIZE_TO_POINTER (type), test_widget_type);
}

int
main (int   argc,
      char *argv[])
{
  OCTA_TEST_GTK_MAIN_PROLOGUE (argc, argv);

  add_type_test (OCTA_TYPE_WINDOW);
  add_type_test (OCTA_TYPE_START_PAGE);
  add_type_test (OCTA_TYPE_BANK_MATRIX);
  add_type_test (OCTA_TYPE_PATTERN_LIST);
  add_type_test (OCTA_TYPE_LFO_DESIGNER);
  add_type_test (OCTA_TYPE_ARP_EDITOR);
  add_type_test (OCTA_TYPE_PREFERENCES_WINDOW);
  add_type_test (OCTA_TYPE_ARRANGEMENT_VIEW);
#if HAVE_STEP_GRID
  add_type_test (OCTA_TYPE_STEP_GRID);
#endif
#if HAVE_STEP_INSPECTOR
  add_type_test (OCTA_TYPE_STEP_INSPECTOR);
#endif
#if HAVE_PATTERN_HEADER
  add_type_test (OCTA_TYPE_PATTERN_HEADER);
#endif
  g_test_add_func ("/ui/templates/with-project", test_widgets_with_project);
  g_test_add_func ("/ui/templates/help-overlay", test_help_overlay);
  g_test_add_func ("/ui/templates/style", test_style_resources);

  return g_test_run ();
}
