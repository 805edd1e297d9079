/* SPDX-License-Identifier: MIT */
#include <glib/gi18n.h>

#include "octa-preferences-window.h"

/**
 * OctaPreferencesWindow:
 *
 * The application's preferences, each row bound to its GSettings key, so a
 * change applies at once to every open window.
 */

struct _OctaPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  /* template children */
  AdwComboRow          *trig_palette_row;
  GtkSwitch            *show_unsaved_switch;
  AdwComboRow          *save_mode_row;
  GtkSwitch            *confirm_first_save_switch;
  AdwComboRow          *sample_destination_row;
  AdwComboRow          *parameter_controls_row;
};

G_DEFINE_FINAL_TYPE (OctaPreferencesWindow, octa_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* A string key with choices shows as a combo row: the row's items follow
 * the order of the choices listed here. */
static gboolean
choice_to_selected (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  const char *const *choices = user_data;
  const char *choice = g_variant_get_string (variant, NULL);

  for (guint i = 0; choices[i] != NULL; i++)
    if (g_str_equal (choices[i], choice))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
selected_to_choice (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  const char *const *choices = user_data;
  guint selected = g_value_get_uint (value);

  if (selected >= g_strv_length ((char **) choices))
    return NULL;
  return g_variant_new_string (choices[selected]);
}

static gboolean
bool_to_selected (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  g_value_set_uint (value, g_variant_get_boolean (variant) ? 1 : 0);
  return TRUE;
}

static GVariant *
selected_to_bool (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  return g_variant_new_boolean (g_value_get_uint (value) == 1);
}

/**
 * octa_trig_palette_to_colorblind:
 * @value: a boolean #GValue
 * @variant: the `trig-palette` setting
 * @user_data: unused
 *
 * A g_settings_bind_with_mapping() function from `trig-palette` to the
 * step grid's #OctaStepGrid:colorblind-palette.
 *
 * Returns: %TRUE
 */
gboolean
octa_trig_palette_to_colorblind (GValue   *value,
                                 GVariant *variant,
                                 gpointer  user_data)
{
  g_value_set_boolean (value, g_strcmp0 (g_variant_get_string (variant, NULL), "colour-blind")
                              == 0);
  return TRUE;
}

static const char *const trig_palettes[] = { "device", "colour-blind", NULL };
static const char *const sample_destinations[] = { "project", "pool", NULL };
static const char *const parameter_controls[] = { "knobs", "sliders", NULL };

static void
bind_choice (OctaPreferencesWindow *self,
             const char            *key,
             AdwComboRow           *row,
             const char *const     *choices)
{
  g_settings_bind_with_mapping (self->settings, key, row, "selected", G_SETTINGS_BIND_DEFAULT,
                                choice_to_selected, selected_to_choice, (gpointer) choices, NULL);
}

static void
octa_preferences_window_dispose (GObject *object)
{
  OctaPreferencesWindow *self = OCTA_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), OCTA_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (octa_preferences_window_parent_class)->dispose (object);
}

static void
octa_preferences_window_class_init (OctaPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = octa_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/octadesk/Octadesk/"
                                               "octa-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, OctaPreferencesWindow, trig_palette_row);
  gtk_widget_class_bind_template_child (widget_class, OctaPreferencesWindow, show_unsaved_switch);
  gtk_widget_class_bind_template_child (widget_class, OctaPreferencesWindow, save_mode_row);
  gtk_widget_class_bind_template_child (widget_class, OctaPreferencesWindow,
                                        confirm_first_save_switch);
  gtk_widget_class_bind_template_child (widget_class, OctaPreferencesWindow,
                                        sample_destination_row);
  gtk_widget_class_bind_template_child (widget_class, OctaPreferencesWindow,
                                        parameter_controls_row);
}

static void
octa_preferences_window_init (OctaPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (OCTA_APP_ID);
  bind_choice (self, "trig-palette", self->trig_palette_row, trig_palettes);
  g_settings_bind (self->settings, "show-unsaved-steps", self->show_unsaved_switch,
                   "active", G_SETTINGS_BIND_DEFAULT);
  bind_choice (self, "sample-destination", self->sample_destination_row, sample_destinations);
  bind_choice (self, "parameter-controls", self->parameter_controls_row, parameter_controls);
  g_settings_bind_with_mapping (self->settings, "save-like-device", self->save_mode_row,
                                "selected", G_SETTINGS_BIND_DEFAULT,
                                bool_to_selected, selected_to_bool, NULL, NULL);
  g_settings_bind (self->settings, "confirm-first-save", self->confirm_first_save_switch,
                   "active", G_SETTINGS_BIND_DEFAULT);
}

/**
 * octa_preferences_window_new:
 * @parent: (nullable): the window it belongs to
 *
 * Returns: (transfer none): a new preferences window, not yet shown
 */
GtkWidget *
octa_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (OCTA_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
}
