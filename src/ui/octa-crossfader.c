/* SPDX-License-Identifier: MIT */
#include <glib/gi18n.h>
#include <math.h>

#include "octa-crossfader.h"

/*
 * A preview of the crossfader between the part's scenes A and B. It writes
 * nothing and plays nothing: moving it only tells the owner which values
 * to show (octa_crossfader_morph()), and the Preview switch says whether
 * any preview is shown at all.
 */
struct _OctaCrossfader
{
  GtkWidget  parent_instance;

  OctaPart  *part;
  GtkWidget *label_a;
  GtkWidget *scale;
  GtkWidget *label_b;
  GtkWidget *check;
  GtkWidget *percent;
  gboolean   syncing;
};

G_DEFINE_FINAL_TYPE (OctaCrossfader, octa_crossfader, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_POSITION,
  PROP_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
octa_crossfader_refresh (OctaCrossfader *self)
{
  g_autofree char *a = NULL, *b = NULL, *pc = NULL;

  g_return_if_fail (OCTA_IS_CROSSFADER (self));

  a = g_strdup_printf ("A %u", self->part ? octa_part_get_active_scene_a (self->part) : 1);
  b = g_strdup_printf ("B %u", self->part ? octa_part_get_active_scene_b (self->part) : 1);
  gtk_label_set_text (GTK_LABEL (self->label_a), a);
  gtk_label_set_text (GTK_LABEL (self->label_b), b);
  pc = g_strdup_printf (_("%.0f %% · values only, no audio"),
                        100 * octa_crossfader_get_position (self));
  gtk_label_set_text (GTK_LABEL (self->percent), pc);
}

static void
value_changed_cb (GtkRange       *range,
                  OctaCrossfader *self)
{
  octa_crossfader_refresh (self);
  if (self->syncing)
    return;
  /* Moving the fader is asking for the preview. */
  if (!octa_crossfader_get_active (self))
    octa_crossfader_set_active (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

static void
check_toggled_cb (GtkCheckButton *check,
                  OctaCrossfader *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

static void
octa_crossfader_dispose (GObject *object)
{
  OctaCrossfader *self = OCTA_CROSSFADER (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->part);
  G_OBJECT_CLASS (octa_crossfader_parent_class)->dispose (object);
}

static void
octa_crossfader_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  OctaCrossfader *self = OCTA_CROSSFADER (object);

  switch (prop_id)
    {
    case PROP_POSITION:
      g_value_set_double (value, octa_crossfader_get_position (self));
      break;
    case PROP_ACTIVE:
      g_value_set_boolean (value, octa_crossfader_get_active (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
octa_crossfader_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  OctaCrossfader *self = OCTA_CROSSFADER (object);

  switch (prop_id)
    {
    case PROP_POSITION:
      octa_crossfader_set_position (self, g_value_get_double (value));
      break;
    case PROP_ACTIVE:
      octa_crossfader_set_active (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
octa_crossfader_class_init (OctaCrossfaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = octa_crossfader_dispose;
  object_class->get_property = octa_crossfader_get_property;
  object_class->set_property = octa_crossfader_set_property;

  /**
   * OctaCrossfader:position:
   *
   * 0 (all scene A) … 1 (all scene B).
   */
  properties[PROP_POSITION] =
    g_param_spec_double ("position", NULL, NULL, 0, 1, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * OctaCrossfader:active:
   *
   * Whether knobs show the previewed values.
   */
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "crossfader");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
octa_crossfader_init (OctaCrossfader *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (widget)), 8);
  gtk_widget_set_tooltip_text (widget, _("Shows the values the crossfader would give; "
                                         "nothing is written and no audio plays"));

  self->label_a = gtk_label_new ("A 1");
  gtk_widget_add_css_class (self->label_a, "octa-scene-a");
  gtk_widget_add_css_class (self->label_a, "octa-scene-badge");
  gtk_widget_set_valign (self->label_a, GTK_ALIGN_CENTER);
  gtk_widget_set_parent (self->label_a, widget);

  self->scale = gtk_scale_new_with_range (GTK_ORIENTATION_HORIZONTAL, 0, 1, 1.0 / 127);
  gtk_scale_set_draw_value (GTK_SCALE (self->scale), FALSE);
  gtk_widget_set_hexpand (self->scale, TRUE);
  gtk_widget_set_size_request (self->scale, 240, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->scale), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Crossfader preview"), -1);
  g_signal_connect (self->scale, "value-changed", G_CALLBACK (value_changed_cb), self);
  gtk_widget_set_parent (self->scale, widget);

  self->label_b = gtk_label_new ("B 1");
  gtk_widget_add_css_class (self->label_b, "octa-scene-b");
  gtk_widget_add_css_class (self->label_b, "octa-scene-badge");
  gtk_widget_set_valign (self->label_b, GTK_ALIGN_CENTER);
  gtk_widget_set_parent (self->label_b, widget);

  self->check = gtk_check_button_new_with_label (_("Preview"));
  g_signal_connect (self->check, "toggled", G_CALLBACK (check_toggled_cb), self);
  gtk_widget_set_parent (self->check, widget);

  self->percent = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->percent, "dim-label");
  gtk_widget_add_css_class (self->percent, "numeric");
  gtk_widget_set_parent (self->percent, widget);

  octa_crossfader_refresh (self);
}

GtkWidget *
octa_crossfader_new (void)
{
  return g_object_new (OCTA_TYPE_CROSSFADER, NULL);
}

void
octa_crossfader_set_part (OctaCrossfader *self,
                          OctaPart       *part)
{
  g_return_if_fail (OCTA_IS_CROSSFADER (self));
  g_set_object (&self->part, part);
  octa_crossfader_refresh (self);
}

double
octa_crossfader_get_position (OctaCrossfader *self)
{
  g_return_val_if_fail (OCTA_IS_CROSSFADER (self), 0);
  return gtk_range_get_value (GTK_RANGE (self->scale));
}

void
octa_crossfader_set_position (OctaCrossfader *self,
                              double          position)
{
  g_return_if_fail (OCTA_IS_CROSSFADER (self));
  gtk_range_set_value (GTK_RANGE (self->scale), CLAMP (position, 0, 1));
}

gboolean
octa_crossfader_get_active (OctaCrossfader *self)
{
  g_return_val_if_fail (OCTA_IS_CROSSFADER (self), FALSE);
  return gtk_check_button_get_active (GTK_CHECK_BUTTON (self->check));
}

void
octa_crossfader_set_active (OctaCrossfader *self,
                            gboolean        active)
{
  g_return_if_fail (OCTA_IS_CROSSFADER (self));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->check), active);
}

/**
 * octa_crossfader_morph:
 * @self: a crossfader
 * @base: the part's value
 * @lock_a: the value scene A locks, or -1
 * @lock_b: the value scene B locks, or -1
 *
 * Returns: the value at the fader's position, or -1 when neither scene
 *   locks the value (the knob then shows the part's own value)
 */
gint
octa_crossfader_morph (OctaCrossfader *self,
                       gint            base,
                       gint            lock_a,
                       gint            lock_b)
{
  double t, a, b;

  g_return_val_if_fail (OCTA_IS_CROSSFADER (self), -1);

  if (lock_a < 0 && lock_b < 0)
    return -1;
  t = octa_crossfader_get_position (self);
  a = lock_a >= 0 ? lock_a : base;
  b = lock_b >= 0 ? lock_b : base;
  return (gint) lround (a + (b - a) * t);
}
