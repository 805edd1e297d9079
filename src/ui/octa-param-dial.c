/* SPDX-License-Identifier: MIT */
#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>

#include "octa-param-dial.h"

/*
 * A knob for one part parameter: a 36 px arc, the device's abbreviation and
 * the value in device units. The dial moves itself while the user turns it
 * and tells its owner through ::value-changed; a gesture (a drag, a key, a
 * scroll notch, a typed value) is bracketed by ::edit-begin and ::edit-end
 * so the owner can make it one undo step. Values set by the owner never
 * emit anything.
 */
struct _OctaParamDial
{
  GtkWidget        parent_instance;

  GtkWidget       *knob;
  GtkWidget       *abbrev_label;
  GtkWidget       *value_label;
  GtkWidget       *popover;
  GtkWidget       *entry;

  gint             value;
  gint             lower;
  gint             upper;
  gint             base;        /* -1: no second arc */
  OctaPlockFormat  format;
  char            *abbrev;
  char            *name;
  char            *a11y_label;
  gboolean         locked;
  gboolean         preview;
  gboolean         empty;       /* nothing set: no arc, value "–" */
  gboolean         dragging;
  gint             drag_start;
  OctaParamDialStyle style;
};

G_DEFINE_FINAL_TYPE (OctaParamDial, octa_param_dial, GTK_TYPE_WIDGET)

GType
octa_param_dial_style_get_type (void)
{
  static gsize type = 0;

  if (g_once_init_enter (&type))
    {
      static const GEnumValue values[] = {
        { OCTA_PARAM_DIAL_KNOB, "OCTA_PARAM_DIAL_KNOB", "knob" },
        { OCTA_PARAM_DIAL_SLIDER, "OCTA_PARAM_DIAL_SLIDER", "slider" },
        { 0, NULL, NULL },
      };

      g_once_init_leave (&type, g_enum_register_static ("OctaParamDialStyle", values));
    }
  return type;
}

enum {
  PROP_0,
  PROP_STYLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  EDIT_BEGIN,
  EDIT_END,
  VALUE_CHANGED,
  RESET,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define KNOB_SIZE 36
#define SLIDER_WIDTH 88
#define SLIDER_HEIGHT 22
#define DRAG_RANGE_PX 200.0

static gboolean
is_bipolar (OctaParamDial *self)
{
  return self->format == OCTA_PLOCK_FORMAT_BIPOLAR;
}

char *
octa_param_dial_dup_value_text (OctaParamDial *self)
{
  g_return_val_if_fail (OCTA_IS_PARAM_DIAL (self), NULL);
  if (self->empty)
    return g_strdup ("–");
  return octa_plock_format_value (self->format, self->value);
}

static void
update_accessible (OctaParamDial *self)
{
  g_autofree char *text = octa_param_dial_dup_value_text (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, (double) self->lower,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, (double) self->upper,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, (double) self->value,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text,
                                  -1);
}

static void
update_labels (OctaParamDial *self)
{
  g_autofree char *text = octa_param_dial_dup_value_text (self);

  gtk_label_set_text (GTK_LABEL (self->value_label), text);
  if (self->locked)
    gtk_widget_add_css_class (self->value_label, "octa-dial-locked");
  else
    gtk_widget_remove_css_class (self->value_label, "octa-dial-locked");
  if (self->preview)
    gtk_widget_add_css_class (GTK_WIDGET (self), "octa-dial-preview");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "octa-dial-preview");
  gtk_widget_queue_draw (self->knob);
  update_accessible (self);
}

static double
fraction (OctaParamDial *self,
          gint           value)
{
  if (self->upper <= self->lower)
    return 0;
  return CLAMP ((double) (value - self->lower) / (self->upper - self->lower), 0.0, 1.0);
}

/* The arc runs 270° from lower left (135°) clockwise to lower right. */
static double
angle_for (OctaParamDial *self,
           gint           value)
{
  return (135.0 + 270.0 * fraction (self, value)) * G_PI / 180.0;
}

/* The slider: a line with the value filled from the left (bipolar values
 * from the middle), a round handle, and the scene lock as a tick. */
static void
draw_slider (OctaParamDial *self,
             cairo_t       *cr,
             int            width,
             int            height,
             GdkRGBA       *fg,
             GdkRGBA       *accent)
{
  double x0 = 7, x1 = width - 7, cy = height / 2.0;
  double zero, x;

  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_width (cr, 4);
  cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, fg->alpha * 0.15);
  cairo_move_to (cr, x0, cy);
  cairo_line_to (cr, x1, cy);
  cairo_stroke (cr);

  if (!self->empty)
    {
      zero = is_bipolar (self) ? (x0 + x1) / 2 : x0;
      x = x0 + (x1 - x0) * fraction (self, self->value);
      cairo_set_source_rgba (cr, accent->red, accent->green, accent->blue, accent->alpha);
      cairo_move_to (cr, zero, cy);
      cairo_line_to (cr, x, cy);
      cairo_stroke (cr);

      if (self->locked && self->base >= 0)
        {
          double b = x0 + (x1 - x0) * fraction (self, self->base);

          cairo_set_line_width (cr, 2);
          cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, fg->alpha * 0.8);
          cairo_move_to (cr, b, cy - 7);
          cairo_line_to (cr, b, cy + 7);
          cairo_stroke (cr);
        }

      cairo_arc (cr, x, cy, 6, 0, 2 * G_PI);
      cairo_set_source_rgba (cr, accent->red, accent->green, accent->blue, accent->alpha);
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, 1.5);
      cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, fg->alpha * 0.6);
      cairo_stroke (cr);
    }

  if (gtk_widget_has_visible_focus (GTK_WIDGET (self)))
    {
      cairo_set_line_width (cr, 1);
      cairo_set_source_rgba (cr, accent->red, accent->green, accent->blue, 0.8);
      cairo_rectangle (cr, 0.5, 0.5, width - 1, height - 1);
      cairo_stroke (cr);
    }
}

static void
draw_knob (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        data)
{
  OctaParamDial *self = data;
  GtkWidget *widget = GTK_WIDGET (self);
  GdkRGBA fg, accent = { 0.21, 0.52, 0.89, 1.0 };
  double cx = width / 2.0, cy = height / 2.0;
  double r = MIN (width, height) / 2.0 - 4;
  double zero, a, b;
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  gtk_style_context_get_color (context, &fg);
  gtk_style_context_lookup_color (context, "accent_color", &accent);
  G_GNUC_END_IGNORE_DEPRECATIONS

  if (!gtk_widget_is_sensitive (widget))
    accent = fg, accent.alpha *= 0.4;

  if (self->style == OCTA_PARAM_DIAL_SLIDER)
    {
      draw_slider (self, cr, width, height, &fg, &accent);
      return;
    }

  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_width (cr, 4);
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, fg.alpha * 0.15);
  cairo_arc (cr, cx, cy, r, angle_for (self, self->lower), angle_for (self, self->upper));
  cairo_stroke (cr);

  if (self->empty)
    return;

  zero = is_bipolar (self) ? 1.5 * G_PI : angle_for (self, self->lower);
  a = angle_for (self, self->value);
  cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, accent.alpha);
  if (a >= zero)
    cairo_arc (cr, cx, cy, r, zero, a);
  else
    cairo_arc_negative (cr, cx, cy, r, zero, a);
  cairo_stroke (cr);

  /* A scene lock: a thinner inner arc from the part's value to the lock. */
  if (self->locked && self->base >= 0)
    {
      b = angle_for (self, self->base);
      cairo_set_line_width (cr, 2);
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, fg.alpha * 0.8);
      if (a >= b)
        cairo_arc (cr, cx, cy, r - 5, b, a);
      else
        cairo_arc_negative (cr, cx, cy, r - 5, b, a);
      cairo_stroke (cr);
    }

  /* The pointer, so the position reads without colour. */
  cairo_set_line_width (cr, 2);
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, fg.alpha);
  cairo_move_to (cr, cx + cos (a) * (r - 9), cy + sin (a) * (r - 9));
  cairo_line_to (cr, cx + cos (a) * (r - 2), cy + sin (a) * (r - 2));
  cairo_stroke (cr);

  if (gtk_widget_has_visible_focus (widget))
    {
      cairo_set_line_width (cr, 1);
      cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.8);
      cairo_arc (cr, cx, cy, r + 3, 0, 2 * G_PI);
      cairo_stroke (cr);
    }
}

static void
set_value_internal (OctaParamDial *self,
                    gint           value,
                    gboolean       from_user)
{
  value = CLAMP (value, self->lower, self->upper);
  if (from_user && self->empty)
    {
      self->empty = FALSE;
      gtk_widget_remove_css_class (GTK_WIDGET (self), "empty");
    }
  else if (value == self->value)
    return;
  self->value = value;
  update_labels (self);
  if (from_user)
    g_signal_emit (self, signals[VALUE_CHANGED], 0, value);
}

/**
 * octa_param_dial_adjust:
 * @self: a dial
 * @value: the new value
 *
 * Turns the dial as a user would: one gesture, bracketed by ::edit-begin
 * and ::edit-end.
 */
void
octa_param_dial_adjust (OctaParamDial *self,
                        gint           value)
{
  g_return_if_fail (OCTA_IS_PARAM_DIAL (self));

  value = CLAMP (value, self->lower, self->upper);
  if (value == self->value && !self->empty)
    return;
  g_signal_emit (self, signals[EDIT_BEGIN], 0);
  set_value_internal (self, value, TRUE);
  g_signal_emit (self, signals[EDIT_END], 0);
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               OctaParamDial  *self)
{
  if (!gtk_widget_is_sensitive (GTK_WIDGET (self)))
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  self->dragging = TRUE;
  self->drag_start = self->value;
  g_signal_emit (self, signals[EDIT_BEGIN], 0);
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                OctaParamDial  *self)
{
  GdkModifierType state;
  double range = self->upper - self->lower;
  double px = DRAG_RANGE_PX;
  double moved;

  if (!self->dragging)
    return;
  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  /* A slider follows the pointer along its bar; a knob turns 200 px a range. */
  if (self->style == OCTA_PARAM_DIAL_SLIDER)
    px = MAX (gtk_widget_get_width (self->knob) - 14, 1);
  if (state & GDK_SHIFT_MASK)
    px *= 4;
  moved = self->style == OCTA_PARAM_DIAL_SLIDER ? dx : -dy;
  set_value_internal (self, self->drag_start + (gint) lround (moved * range / px), TRUE);
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             OctaParamDial  *self)
{
  if (!self->dragging)
    return;
  self->dragging = FALSE;
  g_signal_emit (self, signals[EDIT_END], 0);
}

static void
step_by (OctaParamDial *self,
         gint           delta)
{
  gint target = CLAMP (self->value + delta, self->lower, self->upper);

  if (target == self->value && !self->empty)
    return;
  g_signal_emit (self, signals[EDIT_BEGIN], 0);
  set_value_internal (self, target, TRUE);
  g_signal_emit (self, signals[EDIT_END], 0);
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           OctaParamDial            *self)
{
  if (dy == 0)
    return FALSE;
  step_by (self, dy < 0 ? 1 : -1);
  return TRUE;
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                OctaParamDial         *self)
{
  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_Right:
    case GDK_KEY_KP_Up:
    case GDK_KEY_KP_Right:
      step_by (self, 1);
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_Left:
    case GDK_KEY_KP_Down:
    case GDK_KEY_KP_Left:
      step_by (self, -1);
      return TRUE;
    case GDK_KEY_Page_Up:
      step_by (self, 16);
      return TRUE;
    case GDK_KEY_Page_Down:
      step_by (self, -16);
      return TRUE;
    case GDK_KEY_Home:
      step_by (self, self->lower - self->value);
      return TRUE;
    case GDK_KEY_End:
      step_by (self, self->upper - self->value);
      return TRUE;
    case GDK_KEY_BackSpace:
    case GDK_KEY_Delete:
      if ((state & GDK_CONTROL_MASK) || keyval == GDK_KEY_Delete)
        {
          g_signal_emit (self, signals[RESET], 0);
          return TRUE;
        }
      return FALSE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
      {
        g_autofree char *text = octa_param_dial_dup_value_text (self);

        gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
        gtk_popover_popup (GTK_POPOVER (self->popover));
        return TRUE;
      }
    default:
      return FALSE;
    }
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            OctaParamDial   *self)
{
  g_autofree char *text = NULL;

  if (n_press != 2 || !gtk_widget_is_sensitive (GTK_WIDGET (self)))
    return;
  text = octa_param_dial_dup_value_text (self);
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
  gtk_popover_popup (GTK_POPOVER (self->popover));
}

/* Typed values read as the device writes them: "+12" on a bipolar knob is
 * 76; U+2212 counts as a minus. Anything else is taken as the raw number. */
static gboolean
parse_value (OctaParamDial *self,
             const char    *text,
             gint          *out)
{
  g_autoptr(GString) s = g_string_new (text);
  char *end = NULL;
  gint64 v;

  g_string_replace (s, "\u2212", "-", 0);
  g_strstrip (s->str);
  if (s->str[0] == '#')
    g_string_erase (s, 0, 1);
  if (s->str[0] == '\0')
    return FALSE;
  v = g_ascii_strtoll (s->str, &end, 10);
  if (end == s->str || *end != '\0')
    return FALSE;
  if (is_bipolar (self))
    v += 64;
  *out = (gint) CLAMP (v, self->lower, self->upper);
  return TRUE;
}

static void
entry_activate_cb (GtkEntry      *entry,
                   OctaParamDial *self)
{
  gint value;

  if (parse_value (self, gtk_editable_get_text (GTK_EDITABLE (entry)), &value))
    {
      gtk_popover_popdown (GTK_POPOVER (self->popover));
      if (value != self->value)
        {
          g_signal_emit (self, signals[EDIT_BEGIN], 0);
          set_value_internal (self, value, TRUE);
          g_signal_emit (self, signals[EDIT_END], 0);
        }
      gtk_widget_grab_focus (GTK_WIDGET (self));
    }
  else
    gtk_widget_error_bell (GTK_WIDGET (self));
}

static void
octa_param_dial_dispose (GObject *object)
{
  OctaParamDial *self = OCTA_PARAM_DIAL (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->knob = self->abbrev_label = self->value_label = self->popover = NULL;

  G_OBJECT_CLASS (octa_param_dial_parent_class)->dispose (object);
}

static void
octa_param_dial_finalize (GObject *object)
{
  OctaParamDial *self = OCTA_PARAM_DIAL (object);

  g_free (self->abbrev);
  g_free (self->name);
  g_free (self->a11y_label);
  G_OBJECT_CLASS (octa_param_dial_parent_class)->finalize (object);
}

static void
octa_param_dial_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  OctaParamDial *self = OCTA_PARAM_DIAL (widget);

  GTK_WIDGET_CLASS (octa_param_dial_parent_class)->size_allocate (widget, width, height, baseline);
  gtk_popover_present (GTK_POPOVER (self->popover));
}

static void
octa_param_dial_state_flags_changed (GtkWidget     *widget,
                                     GtkStateFlags  previous)
{
  OctaParamDial *self = OCTA_PARAM_DIAL (widget);

  if (self->knob != NULL)
    gtk_widget_queue_draw (self->knob);
  GTK_WIDGET_CLASS (octa_param_dial_parent_class)->state_flags_changed (widget, previous);
}

static void
octa_param_dial_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  OctaParamDial *self = OCTA_PARAM_DIAL (object);

  switch (prop_id)
    {
    case PROP_STYLE:
      g_value_set_enum (value, self->style);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
octa_param_dial_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  OctaParamDial *self = OCTA_PARAM_DIAL (object);

  switch (prop_id)
    {
    case PROP_STYLE:
      octa_param_dial_set_style (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
octa_param_dial_class_init (OctaParamDialClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = octa_param_dial_dispose;
  object_class->finalize = octa_param_dial_finalize;
  object_class->get_property = octa_param_dial_get_property;
  object_class->set_property = octa_param_dial_set_property;

  /**
   * OctaParamDial:style:
   *
   * A knob, or a compact slider row with the same gestures.
   */
  properties[PROP_STYLE] =
    g_param_spec_enum ("style", NULL, NULL, OCTA_TYPE_PARAM_DIAL_STYLE, OCTA_PARAM_DIAL_KNOB,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  widget_class->size_allocate = octa_param_dial_size_allocate;
  widget_class->state_flags_changed = octa_param_dial_state_flags_changed;

  /**
   * OctaParamDial::edit-begin:
   *
   * A user gesture starts; every ::value-changed until ::edit-end is part
   * of it.
   */
  signals[EDIT_BEGIN] =
    g_signal_new ("edit-begin", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[EDIT_END] =
    g_signal_new ("edit-end", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * OctaParamDial::value-changed:
   * @value: the new value
   *
   * The user turned the dial.
   */
  signals[VALUE_CHANGED] =
    g_signal_new ("value-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  /**
   * OctaParamDial::reset:
   *
   * Ctrl+BackSpace or Delete: the owner decides what "default" means (the
   * device default, or no scene lock).
   */
  signals[RESET] =
    g_signal_new ("reset", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "paramdial");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_SLIDER);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
octa_param_dial_init (OctaParamDial *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkEventController *controller;
  GtkGesture *gesture;

  self->lower = 0;
  self->upper = 127;
  self->base = -1;
  self->format = OCTA_PLOCK_FORMAT_RAW;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (widget)),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_focus_on_click (widget, TRUE);

  self->knob = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (self->knob), KNOB_SIZE);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->knob), KNOB_SIZE);
  gtk_widget_set_halign (self->knob, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->knob), draw_knob, self, NULL);
  gtk_widget_set_parent (self->knob, widget);

  self->abbrev_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->abbrev_label, "caption-heading");
  gtk_widget_set_parent (self->abbrev_label, widget);

  self->value_label = gtk_label_new ("0");
  gtk_widget_add_css_class (self->value_label, "numeric");
  gtk_widget_add_css_class (self->value_label, "caption");
  gtk_widget_add_css_class (self->value_label, "octa-dial-value");
  gtk_widget_set_halign (self->value_label, GTK_ALIGN_CENTER);
  gtk_widget_set_parent (self->value_label, widget);

  self->entry = gtk_entry_new ();
  gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), 6);
  g_signal_connect (self->entry, "activate", G_CALLBACK (entry_activate_cb), self);
  self->popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->popover), self->entry);
  gtk_widget_set_parent (self->popover, widget);

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  g_signal_connect (gesture, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL |
                                                GTK_EVENT_CONTROLLER_SCROLL_DISCRETE);
  g_signal_connect (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (widget, controller);

  update_labels (self);
}

GtkWidget *
octa_param_dial_new (void)
{
  return g_object_new (OCTA_TYPE_PARAM_DIAL, NULL);
}

/**
 * octa_param_dial_set_style:
 * @self: a dial
 * @style: a knob, or a slider row
 *
 * Swaps the knob for a compact row (abbreviation, bar, value) or back;
 * keys, scrolling, typing and the one-step gestures stay the same, and a
 * slider is dragged sideways.
 */
void
octa_param_dial_set_style (OctaParamDial      *self,
                           OctaParamDialStyle  style)
{
  GtkBoxLayout *layout;
  gboolean slider = style == OCTA_PARAM_DIAL_SLIDER;

  g_return_if_fail (OCTA_IS_PARAM_DIAL (self));

  if (self->style == style)
    return;
  self->style = style;
  layout = GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self)));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout),
                                  slider ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (layout, slider ? 4 : 0);
  /* Abbreviation first in a row, the arc first in a knob. */
  if (slider)
    gtk_widget_insert_after (self->abbrev_label, GTK_WIDGET (self), NULL);
  else
    gtk_widget_insert_after (self->knob, GTK_WIDGET (self), NULL);
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (self->knob),
                                      slider ? SLIDER_WIDTH : KNOB_SIZE);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->knob),
                                       slider ? SLIDER_HEIGHT : KNOB_SIZE);
  gtk_widget_set_valign (self->knob, slider ? GTK_ALIGN_CENTER : GTK_ALIGN_FILL);
  gtk_label_set_width_chars (GTK_LABEL (self->abbrev_label), slider ? 4 : -1);
  gtk_label_set_xalign (GTK_LABEL (self->abbrev_label), slider ? 0.0 : 0.5);
  gtk_label_set_width_chars (GTK_LABEL (self->value_label), slider ? 5 : -1);
  gtk_label_set_xalign (GTK_LABEL (self->value_label), slider ? 1.0 : 0.5);
  gtk_widget_set_halign (self->value_label, slider ? GTK_ALIGN_FILL : GTK_ALIGN_CENTER);
  if (slider)
    gtk_widget_add_css_class (GTK_WIDGET (self), "slider");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "slider");
  gtk_widget_queue_draw (self->knob);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STYLE]);
}

OctaParamDialStyle
octa_param_dial_get_style (OctaParamDial *self)
{
  g_return_val_if_fail (OCTA_IS_PARAM_DIAL (self), OCTA_PARAM_DIAL_KNOB);
  return self->style;
}

gint
octa_param_dial_get_value (OctaParamDial *self)
{
  g_return_val_if_fail (OCTA_IS_PARAM_DIAL (self), 0);
  return self->value;
}

/* The owner's value: never emits, and never fights a drag in progress. */
void
octa_param_dial_set_value (OctaParamDial *self,
                           gint           value)
{
  g_return_if_fail (OCTA_IS_PARAM_DIAL (self));
  if (self->dragging)
    return;
  set_value_internal (self, value, FALSE);
}

void
octa_param_dial_set_range (OctaParamDial *self,
                           gint           lower,
                           gint           upper)
{
  g_return_if_fail (OCTA_IS_PARAM_DIAL (self));
  g_return_if_fail (lower <= upper);
  self->lower = lower;
  self->upper = upper;
  self->value = CLAMP (self->value, lower, upper);
  update_labels (self);
}

void
octa_param_dial_set_format (OctaParamDial   *self,
                            OctaPlockFormat  format)
{
  g_return_if_fail (OCTA_IS_PARAM_DIAL (self));
  self->format = format;
  update_labels (self);
}

void
octa_param_dial_set_abbrev (OctaParamDial *self,
                            const char    *abbrev,
                            const char    *name)
{
  g_return_if_fail (OCTA_IS_PARAM_DIAL (self));
  g_free (self->abbrev);
  g_free (self->name);
  self->abbrev = g_strdup (abbrev);
  self->name = g_strdup (name);
  gtk_label_set_text (GTK_LABEL (self->abbrev_label), abbrev);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), name);
}

/**
 * octa_param_dial_set_accessible_name:
 * @self: a dial
 * @label: what a screen reader says, "T3 AMP VOL"
 */
void
octa_param_dial_set_accessible_name (OctaParamDial *self,
                                     const char    *label)
{
  g_return_if_fail (OCTA_IS_PARAM_DIAL (self));
  g_free (self->a11y_label);
  self->a11y_label = g_strdup (label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->name,
                                  -1);
}

void
octa_param_dial_set_base_value (OctaParamDial *self,
                                gint           base)
{
  g_return_if_fail (OCTA_IS_PARAM_DIAL (self));
  self->base = base;
  gtk_widget_queue_draw (self->knob);
}

void
octa_param_dial_set_locked (OctaParamDial *self,
                            gboolean       locked)
{
  g_return_if_fail (OCTA_IS_PARAM_DIAL (self));
  self->locked = !!locked;
  update_labels (self);
}

gboolean
octa_param_dial_get_locked (OctaParamDial *self)
{
  g_return_val_if_fail (OCTA_IS_PARAM_DIAL (self), FALSE);
  return self->locked;
}

void
octa_param_dial_set_preview (OctaParamDial *self,
                             gboolean       preview)
{
  g_return_if_fail (OCTA_IS_PARAM_DIAL (self));
  self->preview = !!preview;
  update_labels (self);
}

/**
 * octa_param_dial_set_empty:
 * @self: a dial
 * @empty: whether there is no value to show (an XLV without a scene lock)
 *
 * An empty dial draws no value arc and reads "–"; turning it gives it a
 * value again.
 */
void
octa_param_dial_set_empty (OctaParamDial *self,
                           gboolean       empty)
{
  g_return_if_fail (OCTA_IS_PARAM_DIAL (self));
  self->empty = !!empty;
  if (empty)
    gtk_widget_add_css_class (GTK_WIDGET (self), "empty");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "empty");
  update_labels (self);
}

gboolean
octa_param_dial_get_dragging (OctaParamDial *self)
{
  g_return_val_if_fail (OCTA_IS_PARAM_DIAL (self), FALSE);
  return self->dragging;
}
