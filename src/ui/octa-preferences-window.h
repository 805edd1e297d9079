/* SPDX-License-Identifier: MIT */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define OCTA_TYPE_PREFERENCES_WINDOW (octa_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (OctaPreferencesWindow, octa_preferences_window, OCTA, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

GtkWidget *octa_preferences_window_new (GtkWindow *parent);

gboolean   octa_trig_palette_to_colorblind (GValue   *value,
                                            GVariant *variant,
                                            gpointer  user_data);

G_END_DECLS
