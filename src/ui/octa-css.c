/* SPDX-License-Identifier: MIT */
#include "octa-css.h"

#include <gtk/gtk.h>

/**
 * octa_css_ensure:
 * @resource_path: a style sheet in the resources
 *
 * Adds the style sheet to the default display the first time it is asked
 * for. Widgets bring their own sheets rather than relying on the
 * application's, so they look the same standing alone (tests, previews).
 */
void
octa_css_ensure (const char *resource_path)
{
  static GHashTable *added;
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GtkCssProvider) provider = NULL;

  if (display == NULL)
    return;
  if (added == NULL)
    added = g_hash_table_new (g_str_hash, g_str_equal);
  if (g_hash_table_contains (added, resource_path))
    return;
  g_hash_table_add (added, (gpointer) g_intern_string (resource_path));

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, resource_path);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}
