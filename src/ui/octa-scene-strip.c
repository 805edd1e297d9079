/* SPDX-License-Identifier: MIT */
#include <glib/gi18n.h>

#include "octa-scene-strip.h"

/*
 * The 16 scene keys of a part [dev: SCENE A/B + TRIG]. A dot marks scenes
 * with locks; the keys in slots A and B carry a lettered badge, so the
 * assignment never rests on colour. Clicking a key selects its scene for
 * editing (clicking it again leaves); A or B on a focused key, or its menu,
 * assigns it to that crossfader side, one undo step each.
 */
struct _OctaSceneStrip
{
  GtkWidget  parent_instance;

  OctaPart  *part;
  GtkWidget *keys[OCTA_SCENE_STRIP_N_SCENES];
  GtkWidget *numbers[OCTA_SCENE_STRIP_N_SCENES];
  GtkWidget *badges[OCTA_SCENE_STRIP_N_SCENES];
  GtkWidget *dots[OCTA_SCENE_STRIP_N_SCENES];
  GtkWidget *menu;
  gint       selected;
  guint      menu_scene;
  gboolean   syncing;
};

G_DEFINE_FINAL_TYPE (OctaSceneStrip, octa_scene_strip, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
assign (OctaSceneStrip *self,
        guint           scene,
        gboolean        side_b)
{
  if (self->part == NULL)
    return;
  if (side_b)
    octa_part_set_active_scene_b (self->part, scene + 1);
  else
    octa_part_set_active_scene_a (self->part, scene + 1);
}

void
octa_scene_strip_refresh (OctaSceneStrip *self)
{
  guint a = 0, b = 0;

  g_return_if_fail (OCTA_IS_SCENE_STRIP (self));

  if (self->part != NULL)
    {
      a = octa_part_get_active_scene_a (self->part);
      b = octa_part_get_active_scene_b (self->part);
    }
  self->syncing = TRUE;
  for (guint i = 0; i < OCTA_SCENE_STRIP_N_SCENES; i++)
    {
      g_autoptr(OctaScene) scene = self->part ? octa_part_get_scene (self->part, i) : NULL;
      guint n = scene != NULL ? octa_scene_count_locks (scene) : 0;
      GtkWidget *badge = self->badges[i];
      g_autoptr(GString) tip = g_string_new (NULL);

      gtk_widget_set_visible (self->dots[i], n > 0);
      gtk_widget_remove_css_class (badge, "octa-scene-a");
      gtk_widget_remove_css_class (badge, "octa-scene-b");
      if (i + 1 == a && i + 1 == b)
        {
          gtk_label_set_text (GTK_LABEL (badge), "AB");
          gtk_widget_add_css_class (badge, "octa-scene-a");
        }
      else if (i + 1 == a || i + 1 == b)
        {
          gtk_label_set_text (GTK_LABEL (badge), i + 1 == a ? "A" : "B");
          gtk_widget_add_css_class (badge, i + 1 == a ? "octa-scene-a" : "octa-scene-b");
        }
      gtk_widget_set_visible (badge, i + 1 == a || i + 1 == b);

      g_string_printf (tip, _("Scene %u"), i + 1);
      if (i + 1 == a)
        g_string_append (tip, _(" · scene A"));
      if (i + 1 == b)
        g_string_append (tip, _(" · scene B"));
      g_string_append_printf (tip, n == 0 ? _(" · no locks") : ngettext (" · %u lock",
                                                                          " · %u locks", n), n);
      gtk_widget_set_tooltip_text (self->keys[i], tip->str);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->keys[i]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, tip->str, -1);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->keys[i]),
                                    (gint) i == self->selected);
    }
  self->syncing = FALSE;
}

static void
key_toggled_cb (GtkToggleButton *button,
                OctaSceneStrip  *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "scene"));

  if (self->syncing)
    return;
  if (gtk_toggle_button_get_active (button))
    octa_scene_strip_set_selected (self, index);
  else if (self->selected == (gint) index)
    octa_scene_strip_set_selected (self, -1);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                OctaSceneStrip        *self)
{
  GtkWidget *key = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (key), "scene"));

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;
  if (keyval == GDK_KEY_a || keyval == GDK_KEY_A)
    {
      assign (self, index, FALSE);
      return TRUE;
    }
  if (keyval == GDK_KEY_b || keyval == GDK_KEY_B)
    {
      assign (self, index, TRUE);
      return TRUE;
    }
  return FALSE;
}

static void
menu_assign_a_cb (GtkButton      *button,
                  OctaSceneStrip *self)
{
  gtk_popover_popdown (GTK_POPOVER (self->menu));
  assign (self, self->menu_scene, FALSE);
}

static void
menu_assign_b_cb (GtkButton      *button,
                  OctaSceneStrip *self)
{
  gtk_popover_popdown (GTK_POPOVER (self->menu));
  assign (self, self->menu_scene, TRUE);
}

static void
secondary_pressed_cb (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      OctaSceneStrip  *self)
{
  GtkWidget *key = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  graphene_point_t p;
  GdkRectangle rect;

  self->menu_scene = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (key), "scene"));
  if (!gtk_widget_compute_point (key, GTK_WIDGET (self), &GRAPHENE_POINT_INIT (x, y), &p))
    return;
  rect = (GdkRectangle) { (int) p.x, (int) p.y, 1, 1 };
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu), &rect);
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

static void
octa_scene_strip_dispose (GObject *object)
{
  OctaSceneStrip *self = OCTA_SCENE_STRIP (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->part);

  G_OBJECT_CLASS (octa_scene_strip_parent_class)->dispose (object);
}

static void
octa_scene_strip_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  OctaSceneStrip *self = OCTA_SCENE_STRIP (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_set_int (value, self->selected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
octa_scene_strip_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  OctaSceneStrip *self = OCTA_SCENE_STRIP (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      octa_scene_strip_set_selected (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
octa_scene_strip_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  OctaSceneStrip *self = OCTA_SCENE_STRIP (widget);

  GTK_WIDGET_CLASS (octa_scene_strip_parent_class)->size_allocate (widget, width, height,
                                                                    baseline);
  gtk_popover_present (GTK_POPOVER (self->menu));
}

static void
octa_scene_strip_class_init (OctaSceneStripClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = octa_scene_strip_dispose;
  object_class->get_property = octa_scene_strip_get_property;
  object_class->set_property = octa_scene_strip_set_property;
  widget_class->size_allocate = octa_scene_strip_size_allocate;

  /**
   * OctaSceneStrip:selected:
   *
   * The scene selected for editing, 0…15, or -1 for none.
   */
  properties[PROP_SELECTED] =
    g_param_spec_int ("selected", NULL, NULL, -1, OCTA_SCENE_STRIP_N_SCENES - 1, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "scenestrip");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
octa_scene_strip_init (OctaSceneStrip *self)
{
  GtkWidget *box, *button;

  self->selected = -1;
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                              3);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Scenes"), -1);

  for (guint i = 0; i < OCTA_SCENE_STRIP_N_SCENES; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      GtkEventController *controller;
      GtkGesture *gesture;

      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 3);
      gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
      self->numbers[i] = gtk_label_new (number);
      gtk_widget_add_css_class (self->numbers[i], "numeric");
      gtk_box_append (GTK_BOX (box), self->numbers[i]);
      self->badges[i] = gtk_label_new ("A");
      gtk_widget_add_css_class (self->badges[i], "octa-scene-badge");
      gtk_widget_set_visible (self->badges[i], FALSE);
      gtk_box_append (GTK_BOX (box), self->badges[i]);
      self->dots[i] = gtk_label_new ("●");
      gtk_widget_add_css_class (self->dots[i], "octa-scene-dot");
      gtk_widget_set_visible (self->dots[i], FALSE);
      gtk_box_append (GTK_BOX (box), self->dots[i]);

      self->keys[i] = gtk_toggle_button_new ();
      gtk_button_set_child (GTK_BUTTON (self->keys[i]), box);
      gtk_widget_add_css_class (self->keys[i], "octa-scene-key");
      gtk_widget_set_size_request (self->keys[i], 36, -1);
      g_object_set_data (G_OBJECT (self->keys[i]), "scene", GUINT_TO_POINTER (i));
      g_signal_connect (self->keys[i], "toggled", G_CALLBACK (key_toggled_cb), self);

      controller = gtk_event_controller_key_new ();
      g_signal_connect (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
      gtk_widget_add_controller (self->keys[i], controller);
      gesture = gtk_gesture_click_new ();
      gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
      g_signal_connect (gesture, "pressed", G_CALLBACK (secondary_pressed_cb), self);
      gtk_widget_add_controller (self->keys[i], GTK_EVENT_CONTROLLER (gesture));

      if (i == 8)
        gtk_widget_set_margin_start (self->keys[i], 8);
      gtk_widget_set_parent (self->keys[i], GTK_WIDGET (self));
    }

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  button = gtk_button_new_with_label (_("Assign to Scene A"));
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect (button, "clicked", G_CALLBACK (menu_assign_a_cb), self);
  gtk_box_append (GTK_BOX (box), button);
  button = gtk_button_new_with_label (_("Assign to Scene B"));
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect (button, "clicked", G_CALLBACK (menu_assign_b_cb), self);
  gtk_box_append (GTK_BOX (box), button);
  self->menu = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->menu), box);
  gtk_widget_set_parent (self->menu, GTK_WIDGET (self));
}

GtkWidget *
octa_scene_strip_new (void)
{
  return g_object_new (OCTA_TYPE_SCENE_STRIP, NULL);
}

void
octa_scene_strip_set_part (OctaSceneStrip *self,
                           OctaPart       *part)
{
  g_return_if_fail (OCTA_IS_SCENE_STRIP (self));
  g_return_if_fail (part == NULL || OCTA_IS_PART (part));

  g_set_object (&self->part, part);
  octa_scene_strip_refresh (self);
}

gint
octa_scene_strip_get_selected (OctaSceneStrip *self)
{
  g_return_val_if_fail (OCTA_IS_SCENE_STRIP (self), -1);
  return self->selected;
}

void
octa_scene_strip_set_selected (OctaSceneStrip *self,
                               gint            scene)
{
  g_return_if_fail (OCTA_IS_SCENE_STRIP (self));
  g_return_if_fail (scene >= -1 && scene < OCTA_SCENE_STRIP_N_SCENES);

  if (scene == self->selected)
    return;
  self->selected = scene;
  octa_scene_strip_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

/**
 * octa_scene_strip_get_key:
 * @self: a scene strip
 * @scene: 0…15
 *
 * Returns: (transfer none): the key of @scene
 */
GtkWidget *
octa_scene_strip_get_key (OctaSceneStrip *self,
                          guint           scene)
{
  g_return_val_if_fail (OCTA_IS_SCENE_STRIP (self), NULL);
  g_return_val_if_fail (scene < OCTA_SCENE_STRIP_N_SCENES, NULL);
  return self->keys[scene];
}
