/* SPDX-License-Identifier: MIT */
#include <math.h>

#include <glib/gi18n.h>

#include "octa-column-editor.h"

/**
 * OctaColumnEditor:
 *
 * What the LFO designer and the arpeggiator editor share: a track, a
 * cursor column for the keyboard, the hovered column, and strokes: a press
 * in the plot starts one change on the track's project, dragging writes
 * each column passed (in a line across columns a fast drag jumped over) and
 * the release ends it, so a stroke is one undo step. A press in the toggle
 * row flips that step's flag instead.
 */

#define N_STEPS OCTA_COLUMN_EDITOR_N_STEPS
#define GAP     6

typedef struct
{
  OctaPartTrack *track;
  gulong         notify_handler;
  guint          cursor;
  int            hover;

  /* the stroke in progress: its project holds the open change */
  OctaProject   *stroke;
  double         drag_x;
  double         drag_y;
  int            last_step;
  int            last_value;
} OctaColumnEditorPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (OctaColumnEditor, octa_column_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TRACK,
  PROP_CURSOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define PRIV(self) ((OctaColumnEditorPrivate *) octa_column_editor_get_instance_private (self))
#define KLASS(self) OCTA_COLUMN_EDITOR_GET_CLASS (self)

void
octa_column_editor_get_layout (OctaColumnEditor *self,
                               OctaColumnLayout *layout)
{
  KLASS (self)->get_layout (self, layout);
  layout->value_max = KLASS (self)->value_max;
}

/* −1 left of the columns; N_STEPS and beyond right of them */
int
octa_column_at (const OctaColumnLayout *layout,
                double                  x)
{
  if (x < layout->x0)
    return -1;
  return (int) ((x - layout->x0) / layout->col_w);
}

int
octa_column_editor_get_hover (OctaColumnEditor *self)
{
  return PRIV (self)->hover;
}

float
octa_column_y (const OctaColumnLayout *l,
               int                     value)
{
  int max = l->value_max;
  float centre = (l->top + l->bottom) / 2;
  float half = (l->bottom - l->top) / 2 - 1;

  return centre - CLAMP (value, -max, max) * half / max;
}

static int
y_value (const OctaColumnLayout *l,
         double                  y)
{
  int max = l->value_max;
  float centre = (l->top + l->bottom) / 2;
  float half = (l->bottom - l->top) / 2 - 1;

  return CLAMP ((int) lround ((centre - y) * max / half), -max, max);
}

static void
changed (OctaColumnEditor *self)
{
  KLASS (self)->update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ---- editing ---------------------------------------------------------- */

static void
end_stroke (OctaColumnEditor *self)
{
  OctaColumnEditorPrivate *priv = PRIV (self);

  if (priv->stroke == NULL)
    return;
  octa_project_end_change (priv->stroke);
  g_clear_object (&priv->stroke);
}

static OctaProject *
track_project (OctaPartTrack *track)
{
  return octa_bank_get_project (octa_part_get_bank (octa_part_track_get_part (track)));
}

static void
set_value (OctaColumnEditor *self,
           guint             step,
           int               value)
{
  if (KLASS (self)->get_value (self, step) != value)
    KLASS (self)->set_value (self, step, value);
}

/* Writes @value at @step and the steps a fast drag jumped over since the
 * last point, in a line, so a quick swipe leaves no gaps. */
static void
stroke_to (OctaColumnEditor *self,
           int               step,
           int               value)
{
  OctaColumnEditorPrivate *priv = PRIV (self);
  int from = priv->last_step < 0 ? step : priv->last_step;
  int span = ABS (step - from);

  for (int i = 0; i <= span; i++)
    {
      int s = from + (step > from ? i : -i);
      int v = span == 0 ? value
                        : (int) lround (priv->last_value + (value - priv->last_value)
                                                           * (double) i / span);

      set_value (self, s, v);
    }
  priv->last_step = step;
  priv->last_value = value;
}

static void
drag_begin_cb (GtkGestureDrag   *gesture,
               double            x,
               double            y,
               OctaColumnEditor *self)
{
  OctaColumnEditorPrivate *priv = PRIV (self);
  GdkModifierType state;
  OctaColumnLayout l;
  int column;

  if (priv->track == NULL)
    return;

  octa_column_editor_get_layout (self, &l);
  column = octa_column_at (&l, x);
  if (column < 0 || column >= N_STEPS || y < l.top - GAP / 2)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_grab_focus (GTK_WIDGET (self));
  octa_column_editor_set_cursor (self, column);

  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  if (y >= l.flag_hit || (KLASS (self)->alt_click_toggles && (state & GDK_ALT_MASK)))
    {
      KLASS (self)->toggle_flag (self, column);
      return;
    }
  if (y >= l.inert_hit)
    return;

  end_stroke (self);
  priv->stroke = g_object_ref (track_project (priv->track));
  octa_project_begin_change (priv->stroke, _(KLASS (self)->stroke_label));
  priv->drag_x = x;
  priv->drag_y = y;
  priv->last_step = -1;
  stroke_to (self, column, y_value (&l, y));
}

static void
drag_update_cb (GtkGestureDrag   *gesture,
                double            dx,
                double            dy,
                OctaColumnEditor *self)
{
  OctaColumnEditorPrivate *priv = PRIV (self);
  OctaColumnLayout l;
  int column;

  if (priv->stroke == NULL || priv->track == NULL)
    return;

  octa_column_editor_get_layout (self, &l);
  column = CLAMP (octa_column_at (&l, priv->drag_x + dx), 0, N_STEPS - 1);
  stroke_to (self, column, y_value (&l, priv->drag_y + dy));
  octa_column_editor_set_cursor (self, column);
}

static void
drag_end_cb (GtkGestureDrag   *gesture,
             double            dx,
             double            dy,
             OctaColumnEditor *self)
{
  if (PRIV (self)->stroke != NULL)
    drag_update_cb (gesture, dx, dy, self);
  end_stroke (self);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  OctaColumnEditor *self = OCTA_COLUMN_EDITOR (widget);
  int step = (int) PRIV (self)->cursor + g_variant_get_int32 (parameter);

  octa_column_editor_set_cursor (self, CLAMP (step, 0, N_STEPS - 1));
}

static void
center_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  OctaColumnEditor *self = OCTA_COLUMN_EDITOR (widget);

  if (PRIV (self)->track != NULL)
    set_value (self, PRIV (self)->cursor, 0);
}

static void
flag_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  OctaColumnEditor *self = OCTA_COLUMN_EDITOR (widget);

  if (PRIV (self)->track != NULL)
    KLASS (self)->toggle_flag (self, PRIV (self)->cursor);
}

/* ---- drawing helpers -------------------------------------------------- */

void
octa_column_text (OctaColumnEditor *self,
                  GtkSnapshot      *snapshot,
                  const char       *text,
                  float             x,
                  float             y,
                  float             xalign,
                  gboolean          bold,
                  const GdkRGBA    *color)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attrs = pango_attr_list_new ();
  int w, h;

  /* caption size, tabular figures so values never jitter */
  pango_attr_list_insert (attrs, pango_attr_scale_new (0.8));
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
  if (bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_get_pixel_size (layout, &w, &h);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (roundf (x - w * xalign),
                                                          roundf (y - h / 2.0f)));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

void
octa_column_fill (GtkSnapshot   *snapshot,
                  const GdkRGBA *color,
                  float          x,
                  float          y,
                  float          w,
                  float          h)
{
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y, w, h));
}

void
octa_column_outline (GtkSnapshot   *snapshot,
                     const GdkRGBA *color,
                     float          x,
                     float          y,
                     float          w,
                     float          h,
                     float          width,
                     float          radius)
{
  GskRoundedRect rect;
  const float widths[4] = { width, width, width, width };
  const GdkRGBA colors[4] = { *color, *color, *color, *color };

  gsk_rounded_rect_init_from_rect (&rect, &GRAPHENE_RECT_INIT (x, y, w, h), radius);
  gtk_snapshot_append_border (snapshot, &rect, widths, colors);
}

/* ---- pointer feedback ------------------------------------------------- */

static void
set_hover (OctaColumnEditor *self,
           int               step)
{
  OctaColumnEditorPrivate *priv = PRIV (self);

  if (priv->hover == step)
    return;
  priv->hover = step;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           OctaColumnEditor         *self)
{
  OctaColumnLayout l;
  int column;

  octa_column_editor_get_layout (self, &l);
  column = octa_column_at (&l, x);
  set_hover (self, column < N_STEPS && y >= l.top ? column : -1);
}

static void
leave_cb (GtkEventControllerMotion *controller,
          OctaColumnEditor         *self)
{
  set_hover (self, -1);
}

/* ---- object ----------------------------------------------------------- */

static void
update_sensitivity (OctaColumnEditor *self)
{
  OctaColumnEditorClass *klass = KLASS (self);
  gboolean editable = PRIV (self)->track != NULL;
  const char *edits[] = { "nudge", "center", klass->toggle_action };

  if (klass->action_prefix == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s.%s", klass->action_prefix, edits[i]);

      gtk_widget_action_set_enabled (GTK_WIDGET (self), name, editable);
    }
}

/* Instance init runs with the base class in place; the subclass's actions
 * and description are only there once construction is done. */
static void
octa_column_editor_constructed (GObject *object)
{
  OctaColumnEditor *self = OCTA_COLUMN_EDITOR (object);

  G_OBJECT_CLASS (octa_column_editor_parent_class)->constructed (object);
  update_sensitivity (self);
  KLASS (self)->update_accessible (self);
}

static void
octa_column_editor_dispose (GObject *object)
{
  octa_column_editor_set_track (OCTA_COLUMN_EDITOR (object), NULL);

  G_OBJECT_CLASS (octa_column_editor_parent_class)->dispose (object);
}

static void
octa_column_editor_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  OctaColumnEditorPrivate *priv = PRIV (OCTA_COLUMN_EDITOR (object));

  switch (prop_id)
    {
    case PROP_TRACK:
      g_value_set_object (value, priv->track);
      break;
    case PROP_CURSOR:
      g_value_set_uint (value, priv->cursor);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
octa_column_editor_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  OctaColumnEditor *self = OCTA_COLUMN_EDITOR (object);

  switch (prop_id)
    {
    case PROP_TRACK:
      octa_column_editor_set_track (self, g_value_get_object (value));
      break;
    case PROP_CURSOR:
      octa_column_editor_set_cursor (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
octa_column_editor_class_init (OctaColumnEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = octa_column_editor_constructed;
  object_class->dispose = octa_column_editor_dispose;
  object_class->get_property = octa_column_editor_get_property;
  object_class->set_property = octa_column_editor_set_property;

  klass->value_max = 127;
  klass->track_type = OCTA_TYPE_PART_TRACK;

  /**
   * OctaColumnEditor:track:
   *
   * The part track whose steps are shown, or %NULL; of the subclass's
   * @track_type.
   */
  properties[PROP_TRACK] =
    g_param_spec_object ("track", NULL, NULL, OCTA_TYPE_PART_TRACK,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * OctaColumnEditor:cursor:
   *
   * The step the keyboard works on, 0…15.
   */
  properties[PROP_CURSOR] =
    g_param_spec_uint ("cursor", NULL, NULL, 0, N_STEPS - 1, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_GRID);
}

static void
focus_changed_cb (OctaColumnEditor *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
octa_column_editor_init (OctaColumnEditor *self)
{
  OctaColumnEditorPrivate *priv = PRIV (self);
  GtkEventController *motion;
  GtkGesture *drag;

  priv->hover = -1;
  priv->last_step = -1;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  g_signal_connect_swapped (self, "notify::has-focus", G_CALLBACK (focus_changed_cb), self);
}

static void
add_binding (GtkWidgetClass  *widget_class,
             guint            keyval,
             GdkModifierType  mods,
             const char      *action,
             int              delta)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, mods, action, "i", delta);
}

/**
 * octa_column_editor_class_add_keys:
 * @widget_class: a subclass's class
 * @prefix: its actions' prefix, e.g. "lfo"
 * @toggle_action: the name of its flag action after the prefix, e.g. "toggle-smooth"
 * @toggle_key: the letter that toggles the flag, lower case
 *
 * Installs "PREFIX.move", "PREFIX.center" and the flag action, and binds
 * ←→ Home End to moving the cursor, ↑↓ (Shift, Page Up/Down by 8) to
 * "PREFIX.nudge", which the subclass installs, 0 to centring and
 * @toggle_key to the flag.
 */
void
octa_column_editor_class_add_keys (GtkWidgetClass *widget_class,
                                   const char     *prefix,
                                   const char     *toggle_action,
                                   guint           toggle_key)
{
  OctaColumnEditorClass *klass = OCTA_COLUMN_EDITOR_CLASS (widget_class);
  g_autofree char *move = g_strdup_printf ("%s.move", prefix);
  g_autofree char *nudge = g_strdup_printf ("%s.nudge", prefix);
  g_autofree char *center = g_strdup_printf ("%s.center", prefix);
  g_autofree char *toggle = g_strdup_printf ("%s.%s", prefix, toggle_action);

  klass->action_prefix = prefix;
  klass->toggle_action = toggle_action;

  gtk_widget_class_install_action (widget_class, move, "i", move_action);
  gtk_widget_class_install_action (widget_class, center, NULL, center_action);
  gtk_widget_class_install_action (widget_class, toggle, NULL, flag_action);

  add_binding (widget_class, GDK_KEY_Left, 0, move, -1);
  add_binding (widget_class, GDK_KEY_KP_Left, 0, move, -1);
  add_binding (widget_class, GDK_KEY_Right, 0, move, 1);
  add_binding (widget_class, GDK_KEY_KP_Right, 0, move, 1);
  add_binding (widget_class, GDK_KEY_Home, 0, move, -N_STEPS);
  add_binding (widget_class, GDK_KEY_End, 0, move, N_STEPS);
  add_binding (widget_class, GDK_KEY_Up, 0, nudge, 1);
  add_binding (widget_class, GDK_KEY_KP_Up, 0, nudge, 1);
  add_binding (widget_class, GDK_KEY_Down, 0, nudge, -1);
  add_binding (widget_class, GDK_KEY_KP_Down, 0, nudge, -1);
  add_binding (widget_class, GDK_KEY_Up, GDK_SHIFT_MASK, nudge, 8);
  add_binding (widget_class, GDK_KEY_Down, GDK_SHIFT_MASK, nudge, -8);
  add_binding (widget_class, GDK_KEY_Page_Up, 0, nudge, 8);
  add_binding (widget_class, GDK_KEY_Page_Down, 0, nudge, -8);
  gtk_widget_class_add_binding_action (widget_class, toggle_key, 0, toggle, NULL);
  gtk_widget_class_add_binding_action (widget_class, gdk_keyval_to_upper (toggle_key),
                                       GDK_SHIFT_MASK, toggle, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, 0, center, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, 0, center, NULL);
}

/**
 * octa_column_editor_get_track:
 * @self: an editor
 *
 * Returns: (transfer none) (nullable): the track shown
 */
OctaPartTrack *
octa_column_editor_get_track (OctaColumnEditor *self)
{
  g_return_val_if_fail (OCTA_IS_COLUMN_EDITOR (self), NULL);
  return PRIV (self)->track;
}

/**
 * octa_column_editor_set_track:
 * @self: an editor
 * @track: (nullable): a part track of the editor's kind, or %NULL to clear
 */
void
octa_column_editor_set_track (OctaColumnEditor *self,
                              OctaPartTrack    *track)
{
  OctaColumnEditorPrivate *priv;

  g_return_if_fail (OCTA_IS_COLUMN_EDITOR (self));
  g_return_if_fail (track == NULL ||
                    G_TYPE_CHECK_INSTANCE_TYPE (track, KLASS (self)->track_type));

  priv = PRIV (self);
  if (priv->track == track)
    return;

  /* a stroke belongs to the old track: close it as it stands */
  end_stroke (self);
  if (priv->track != NULL)
    g_clear_signal_handler (&priv->notify_handler, priv->track);
  g_set_object (&priv->track, track);
  if (track != NULL)
    priv->notify_handler = g_signal_connect_object (track, "notify", G_CALLBACK (changed), self,
                                                    G_CONNECT_SWAPPED);
  update_sensitivity (self);
  changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRACK]);
}

/**
 * octa_column_editor_get_cursor:
 * @self: an editor
 *
 * Returns: the step the keyboard works on, 0…15
 */
guint
octa_column_editor_get_cursor (OctaColumnEditor *self)
{
  g_return_val_if_fail (OCTA_IS_COLUMN_EDITOR (self), 0);
  return PRIV (self)->cursor;
}

/**
 * octa_column_editor_set_cursor:
 * @self: an editor
 * @step: 0…15
 */
void
octa_column_editor_set_cursor (OctaColumnEditor *self,
                               guint             step)
{
  g_return_if_fail (OCTA_IS_COLUMN_EDITOR (self));
  g_return_if_fail (step < N_STEPS);

  if (PRIV (self)->cursor == step)
    return;
  PRIV (self)->cursor = step;
  changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURSOR]);
}

/**
 * octa_column_editor_get_column_bounds:
 * @self: an editor
 * @step: 0…15
 * @bounds: (out): the step's column, from the top value to the bottom one
 *
 * Returns: whether the editor has been allocated
 */
gboolean
octa_column_editor_get_column_bounds (OctaColumnEditor *self,
                                      guint             step,
                                      graphene_rect_t  *bounds)
{
  OctaColumnLayout l;

  g_return_val_if_fail (OCTA_IS_COLUMN_EDITOR (self), FALSE);
  g_return_val_if_fail (step < N_STEPS, FALSE);

  if (gtk_widget_get_width (GTK_WIDGET (self)) == 0)
    return FALSE;
  octa_column_editor_get_layout (self, &l);
  graphene_rect_init (bounds, l.x0 + step * l.col_w, l.top, l.col_w, l.bottom - l.top);
  return TRUE;
}

/**
 * octa_column_editor_get_flag_bounds:
 * @self: an editor
 * @step: 0…15
 * @bounds: (out): the step's toggle
 *
 * Returns: whether the editor has been allocated
 */
gboolean
octa_column_editor_get_flag_bounds (OctaColumnEditor *self,
                                    guint             step,
                                    graphene_rect_t  *bounds)
{
  OctaColumnLayout l;

  g_return_val_if_fail (OCTA_IS_COLUMN_EDITOR (self), FALSE);
  g_return_val_if_fail (step < N_STEPS, FALSE);

  if (gtk_widget_get_width (GTK_WIDGET (self)) == 0)
    return FALSE;
  octa_column_editor_get_layout (self, &l);
  graphene_rect_init (bounds, l.x0 + step * l.col_w, l.flag_y, l.col_w, l.flag_h);
  return TRUE;
}

/**
 * octa_column_editor_value_to_y:
 * @self: an editor
 * @value: a value in the editor's range
 *
 * Returns: where @value is drawn, in widget coordinates
 */
double
octa_column_editor_value_to_y (OctaColumnEditor *self,
                               int               value)
{
  OctaColumnLayout l;

  g_return_val_if_fail (OCTA_IS_COLUMN_EDITOR (self), 0);
  octa_column_editor_get_layout (self, &l);
  return octa_column_y (&l, value);
}
