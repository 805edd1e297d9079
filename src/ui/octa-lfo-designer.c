/* SPDX-License-Identifier: MIT */
#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "octa-lfo-designer.h"

/**
 * OctaLfoDesigner:
 *
 * Draws a track's custom LFO: sixteen columns from −127 to +127 around a
 * centre line, the wave the LFO plays over them (held steps, or a glide to
 * the next step where the step is smooth) and, dimmed after the loop line,
 * the start of the next cycle, so the join from step 16 back to step 1
 * shows. Below, one toggle per step for its interpolation bit.
 *
 * A press, drag and release is one stroke and one undo step. The keyboard
 * works on the focused column: ←→ move, ↑↓ change by 1 (Shift by 8), I
 * toggles smooth, 0 centres. Presets replace all sixteen values and keep
 * the smooth bits.
 */

#define N_STEPS     OCTA_PART_TRACK_N_LFO_STEPS
#define N_PREVIEW   4
#define PAD         8
#define AXIS_W      52
#define HEADER_MIN  28
#define SMOOTH_H    20
#define TOGGLE      14
#define GAP         6
#define VALUE_MAX   127
#define WIDTH_NAT   480
#define HEIGHT_NAT  200

struct _OctaLfoDesigner
{
  GtkWidget      parent_instance;

  GtkWidget     *presets;
  OctaPartTrack *track;
  gulong         notify_handler;
  guint          cursor;
  int            hover;
  int            header_h;

  /* the stroke in progress: its project holds the open change */
  OctaProject   *stroke;
  double         drag_x;
  double         drag_y;
  int            last_step;
  int            last_value;
};

G_DEFINE_FINAL_TYPE (OctaLfoDesigner, octa_lfo_designer, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TRACK,
  PROP_CURSOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  float x0;
  float col_w;
  float top;
  float bottom;
  float smooth_y;
} Layout;

static void
get_layout (OctaLfoDesigner *self,
            Layout          *l)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  l->x0 = AXIS_W;
  l->col_w = MAX (4.0f, (width - AXIS_W - PAD) / (float) (N_STEPS + N_PREVIEW));
  l->smooth_y = height - PAD / 2 - SMOOTH_H;
  l->top = self->header_h + GAP;
  l->bottom = MAX (l->top + 20, l->smooth_y - GAP);
}

static float
value_y (const Layout *l,
         int           value)
{
  float centre = (l->top + l->bottom) / 2;
  float half = (l->bottom - l->top) / 2 - 1;

  return centre - CLAMP (value, -VALUE_MAX, VALUE_MAX) * half / VALUE_MAX;
}

static int
y_value (const Layout *l,
         double        y)
{
  float centre = (l->top + l->bottom) / 2;
  float half = (l->bottom - l->top) / 2 - 1;

  return CLAMP ((int) lround ((centre - y) * VALUE_MAX / half), -VALUE_MAX, VALUE_MAX);
}

/* −1 left of the columns; N_STEPS… over the preview */
static int
x_column (const Layout *l,
          double        x)
{
  if (x < l->x0)
    return -1;
  return (int) ((x - l->x0) / l->col_w);
}

static char *
format_value (int value)
{
  if (value > 0)
    return g_strdup_printf ("+%d", value);
  if (value < 0)
    return g_strdup_printf ("−%d", -value);
  return g_strdup ("0");
}

static void
update_accessible (OctaLfoDesigner *self)
{
  g_autofree char *label = NULL;
  g_autofree char *description = NULL;

  if (self->track == NULL)
    {
      label = g_strdup (_("LFO design"));
      description = g_strdup (_("No track"));
    }
  else
    {
      g_autofree char *track = octa_part_track_dup_label (self->track);
      g_autofree char *value = format_value (octa_part_track_get_lfo_step (self->track,
                                                                           self->cursor));
      gboolean smooth = octa_part_track_get_lfo_smooth (self->track, self->cursor);

      /* Translators: "T3 LFO design" */
      label = g_strdup_printf (_("%s LFO design"), track);
      description = smooth
        /* Translators: "Step 5: +64, smooth" */
        ? g_strdup_printf (_("Step %u: %s, smooth"), self->cursor + 1, value)
        : g_strdup_printf (_("Step %u: %s"), self->cursor + 1, value);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
changed (OctaLfoDesigner *self)
{
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ---- editing ---------------------------------------------------------- */

static void
end_stroke (OctaLfoDesigner *self)
{
  if (self->stroke == NULL)
    return;
  octa_project_end_change (self->stroke);
  g_clear_object (&self->stroke);
}

static OctaProject *
track_project (OctaPartTrack *track)
{
  return octa_bank_get_project (octa_part_get_bank (octa_part_track_get_part (track)));
}

/* Writes @value at @step and the steps a fast drag jumped over since the
 * last point, in a line, so a quick swipe leaves no gaps. */
static void
stroke_to (OctaLfoDesigner *self,
           int              step,
           int              value)
{
  int from = self->last_step < 0 ? step : self->last_step;
  int span = ABS (step - from);

  for (int i = 0; i <= span; i++)
    {
      int s = from + (step > from ? i : -i);
      int v = span == 0 ? value
                        : (int) lround (self->last_value + (value - self->last_value)
                                                           * (double) i / span);

      if (octa_part_track_get_lfo_step (self->track, s) != v)
        octa_part_track_set_lfo_step (self->track, s, v);
    }
  self->last_step = step;
  self->last_value = value;
}

static void
toggle_smooth (OctaLfoDesigner *self,
               guint            step)
{
  octa_part_track_set_lfo_smooth (self->track, step,
                                  !octa_part_track_get_lfo_smooth (self->track, step));
}

static void
drag_begin_cb (GtkGestureDrag  *gesture,
               double           x,
               double           y,
               OctaLfoDesigner *self)
{
  GdkModifierType state;
  Layout l;
  int column;

  if (self->track == NULL)
    return;

  get_layout (self, &l);
  column = x_column (&l, x);
  if (column < 0 || column >= N_STEPS || y < l.top - GAP / 2)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_grab_focus (GTK_WIDGET (self));
  octa_lfo_designer_set_cursor (self, column);

  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  if (y >= l.smooth_y - GAP / 2 || (state & GDK_ALT_MASK))
    {
      toggle_smooth (self, column);
      return;
    }

  end_stroke (self);
  self->stroke = g_object_ref (track_project (self->track));
  octa_project_begin_change (self->stroke, _("Draw LFO"));
  self->drag_x = x;
  self->drag_y = y;
  self->last_step = -1;
  stroke_to (self, column, y_value (&l, y));
}

static void
drag_update_cb (GtkGestureDrag  *gesture,
                double           dx,
                double           dy,
                OctaLfoDesigner *self)
{
  Layout l;
  int column;

  if (self->stroke == NULL || self->track == NULL)
    return;

  get_layout (self, &l);
  column = CLAMP (x_column (&l, self->drag_x + dx), 0, N_STEPS - 1);
  stroke_to (self, column, y_value (&l, self->drag_y + dy));
  octa_lfo_designer_set_cursor (self, column);
}

static void
drag_end_cb (GtkGestureDrag  *gesture,
             double           dx,
             double           dy,
             OctaLfoDesigner *self)
{
  if (self->stroke != NULL)
    drag_update_cb (gesture, dx, dy, self);
  end_stroke (self);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  OctaLfoDesigner *self = OCTA_LFO_DESIGNER (widget);
  int step = (int) self->cursor + g_variant_get_int32 (parameter);

  octa_lfo_designer_set_cursor (self, CLAMP (step, 0, N_STEPS - 1));
}

static void
nudge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  OctaLfoDesigner *self = OCTA_LFO_DESIGNER (widget);
  int old, value;

  if (self->track == NULL)
    return;
  old = octa_part_track_get_lfo_step (self->track, self->cursor);
  value = CLAMP (old + g_variant_get_int32 (parameter), -VALUE_MAX, VALUE_MAX);
  if (value != old)
    octa_part_track_set_lfo_step (self->track, self->cursor, value);
}

static void
center_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  OctaLfoDesigner *self = OCTA_LFO_DESIGNER (widget);

  if (self->track != NULL && octa_part_track_get_lfo_step (self->track, self->cursor) != 0)
    octa_part_track_set_lfo_step (self->track, self->cursor, 0);
}

static void
toggle_smooth_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  OctaLfoDesigner *self = OCTA_LFO_DESIGNER (widget);

  if (self->track != NULL)
    toggle_smooth (self, self->cursor);
}

static void
preset_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  OctaLfoDesigner *self = OCTA_LFO_DESIGNER (widget);
  const char *name = g_variant_get_string (parameter, NULL);
  gint8 steps[N_STEPS];

  if (self->track == NULL)
    return;

  for (guint i = 0; i < N_STEPS; i++)
    {
      double v;

      if (g_str_equal (name, "ramp-up"))
        v = -VALUE_MAX + 2.0 * VALUE_MAX * i / (N_STEPS - 1);
      else if (g_str_equal (name, "ramp-down"))
        v = VALUE_MAX - 2.0 * VALUE_MAX * i / (N_STEPS - 1);
      else if (g_str_equal (name, "triangle"))
        {
          /* starts at the centre and rises, like the device's TRI wave */
          double phase = (double) i / N_STEPS;

          v = VALUE_MAX * (phase < 0.25 ? 4 * phase : phase < 0.75 ? 2 - 4 * phase : 4 * phase - 4);
        }
      else if (g_str_equal (name, "square"))
        v = i < N_STEPS / 2 ? VALUE_MAX : -VALUE_MAX;
      else if (g_str_equal (name, "random"))
        v = g_random_int_range (-VALUE_MAX, VALUE_MAX + 1);
      else
        {
          g_debug ("Unknown LFO preset %s", name);
          return;
        }
      steps[i] = (gint8) lround (v);
    }
  octa_part_track_set_lfo_steps (self->track, steps);
}

/* ---- drawing ---------------------------------------------------------- */

static void
draw_text (OctaLfoDesigner *self,
           GtkSnapshot     *snapshot,
           const char      *text,
           float            x,
           float            y,
           float            xalign,
           gboolean         bold,
           const GdkRGBA   *color)
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

static void
fill (GtkSnapshot   *snapshot,
      const GdkRGBA *color,
      float          x,
      float          y,
      float          w,
      float          h)
{
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y, w, h));
}

static void
outline (GtkSnapshot   *snapshot,
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

static void
set_source (cairo_t       *cr,
            const GdkRGBA *color,
            float          alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

/* The wave over one step: held, or eased into the next step's value. */
static void
curve_segment (cairo_t *cr,
               float    x,
               float    w,
               float    y,
               float    next_y,
               gboolean smooth)
{
  if (smooth)
    {
      /* cosine ease: flat at both ends, as a glide between two levels */
      cairo_curve_to (cr, x + w * 0.36f, y, x + w * 0.64f, next_y, x + w, next_y);
    }
  else
    {
      cairo_line_to (cr, x + w, y);
      cairo_line_to (cr, x + w, next_y);
    }
}

static void
octa_lfo_designer_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  OctaLfoDesigner *self = OCTA_LFO_DESIGNER (widget);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  int width = gtk_widget_get_width (widget);
  GdkRGBA fg, dim, faint, accent, bar, bar_dim, rule;
  gint values[N_STEPS];
  gboolean smooth[N_STEPS];
  float centre_y;
  gboolean hc;
  Layout l;

  get_layout (self, &l);
  gtk_style_context_get_color (context, &fg);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_style_context_lookup_color (context, "accent_color", &accent))
    gdk_rgba_parse (&accent, "#3584e4");
  G_GNUC_END_IGNORE_DEPRECATIONS
  dim = faint = rule = fg;
  /* high contrast: secondary text and rules stay readable */
  hc = adw_style_manager_get_high_contrast (adw_style_manager_get_default ());
  dim.alpha *= hc ? 0.8f : 0.55f;
  faint.alpha *= 0.06f;
  rule.alpha *= 0.35f;
  bar = bar_dim = accent;
  bar.alpha *= 0.35f;
  bar_dim.alpha *= 0.12f;
  centre_y = roundf (value_y (&l, 0));

  /* header: the track and the focused step */
  if (self->track == NULL)
    draw_text (self, snapshot, _("LFO design"), PAD, self->header_h / 2.0f, 0, TRUE, &fg);
  else
    {
      g_autofree char *track = octa_part_track_dup_label (self->track);
      g_autofree char *title = g_strdup_printf (_("%s LFO design"), track);
      g_autofree char *value = format_value (octa_part_track_get_lfo_step (self->track,
                                                                           self->cursor));
      g_autofree char *readout = NULL;

      readout = octa_part_track_get_lfo_smooth (self->track, self->cursor)
        ? g_strdup_printf (_("Step %u · %s · smooth"), self->cursor + 1, value)
        : g_strdup_printf (_("Step %u · %s"), self->cursor + 1, value);
      draw_text (self, snapshot, title, PAD, self->header_h / 2.0f, 0, TRUE, &fg);
      draw_text (self, snapshot, readout, l.x0 + 5 * l.col_w, self->header_h / 2.0f, 0, FALSE,
                 &dim);
    }

  /* axis */
  draw_text (self, snapshot, "+127", l.x0 - 6, value_y (&l, VALUE_MAX) + 5, 1, FALSE, &dim);
  draw_text (self, snapshot, "0", l.x0 - 6, centre_y, 1, FALSE, &dim);
  draw_text (self, snapshot, "−127", l.x0 - 6, value_y (&l, -VALUE_MAX) - 5, 1, FALSE, &dim);
  draw_text (self, snapshot, _("Smooth"), l.x0 - 6, l.smooth_y + SMOOTH_H / 2.0f, 1, FALSE,
             &dim);

  /* plot background, beats of four, centre line */
  fill (snapshot, &faint, l.x0, l.top, N_STEPS * l.col_w, l.bottom - l.top);
  for (guint i = 4; i < N_STEPS; i += 4)
    fill (snapshot, &faint, roundf (l.x0 + i * l.col_w), l.top, 1, l.bottom - l.top);
  fill (snapshot, &rule, l.x0, centre_y, (N_STEPS + N_PREVIEW) * l.col_w, 1);

  if (self->track == NULL)
    {
      draw_text (self, snapshot, _("No track"), l.x0 + N_STEPS * l.col_w / 2,
                 (l.top + l.bottom) / 2 - 12, 0.5f, FALSE, &dim);
      gtk_widget_snapshot_child (widget, self->presets, snapshot);
      return;
    }

  for (guint i = 0; i < N_STEPS; i++)
    {
      values[i] = CLAMP (octa_part_track_get_lfo_step (self->track, i), -VALUE_MAX, VALUE_MAX);
      smooth[i] = octa_part_track_get_lfo_smooth (self->track, i);
    }

  /* hover */
  if (self->hover >= 0 && self->hover < N_STEPS)
    fill (snapshot, &faint, l.x0 + self->hover * l.col_w, l.top, l.col_w,
          l.smooth_y + SMOOTH_H - l.top);

  /* bars: this cycle, then the start of the next one dimmed */
  for (guint c = 0; c < N_STEPS + N_PREVIEW; c++)
    {
      guint i = c % N_STEPS;
      gboolean preview = c >= N_STEPS;
      float x = roundf (l.x0 + c * l.col_w) + 1;
      float w = roundf (l.x0 + (c + 1) * l.col_w) - x - 1;
      float y = roundf (value_y (&l, values[i]));
      GdkRGBA edge = accent;

      if (preview)
        edge.alpha *= 0.35f;
      if (y < centre_y)
        {
          fill (snapshot, preview ? &bar_dim : &bar, x, y, w, centre_y - y);
          fill (snapshot, &edge, x, y, w, 2);
        }
      else if (y > centre_y)
        {
          fill (snapshot, preview ? &bar_dim : &bar, x, centre_y + 1, w, y - centre_y);
          fill (snapshot, &edge, x, y - 1, w, 2);
        }
      else
        fill (snapshot, &edge, x, centre_y - 1, w, 2);
    }

  /* the loop line */
  {
    float x = roundf (l.x0 + N_STEPS * l.col_w);

    for (float y = l.top; y < l.bottom; y += 6)
      fill (snapshot, &rule, x, y, 1, MIN (3, l.bottom - y));
  }

  /* the wave the LFO plays */
  {
    cairo_t *cr = gtk_snapshot_append_cairo (snapshot,
                                             &GRAPHENE_RECT_INIT (l.x0 - 2, l.top - 2,
                                                                  width - l.x0 + 2,
                                                                  l.bottom - l.top + 4));

    cairo_set_line_width (cr, 2);
    cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
    cairo_move_to (cr, l.x0, value_y (&l, values[0]));
    for (guint i = 0; i < N_STEPS; i++)
      curve_segment (cr, l.x0 + i * l.col_w, l.col_w, value_y (&l, values[i]),
                     value_y (&l, values[(i + 1) % N_STEPS]), smooth[i]);
    set_source (cr, &fg, 0.85f);
    cairo_stroke (cr);

    cairo_move_to (cr, l.x0 + N_STEPS * l.col_w, value_y (&l, values[0]));
    for (guint i = 0; i < N_PREVIEW; i++)
      curve_segment (cr, l.x0 + (N_STEPS + i) * l.col_w, l.col_w, value_y (&l, values[i]),
                     value_y (&l, values[i + 1]), smooth[i]);
    set_source (cr, &fg, 0.3f);
    cairo_stroke (cr);
    cairo_destroy (cr);
  }

  /* smooth toggles: filled when on, an outline when off */
  for (guint i = 0; i < N_STEPS; i++)
    {
      float x = roundf (l.x0 + i * l.col_w + (l.col_w - TOGGLE) / 2);
      float y = roundf (l.smooth_y + (SMOOTH_H - TOGGLE) / 2.0f);

      if (smooth[i])
        {
          GskRoundedRect rect;

          gsk_rounded_rect_init_from_rect (&rect, &GRAPHENE_RECT_INIT (x, y, TOGGLE, TOGGLE), 3);
          gtk_snapshot_push_rounded_clip (snapshot, &rect);
          fill (snapshot, &accent, x, y, TOGGLE, TOGGLE);
          gtk_snapshot_pop (snapshot);
        }
      else
        outline (snapshot, &dim, x, y, TOGGLE, TOGGLE, 1, 3);
    }

  /* focus ring round the cursor's column and toggle */
  if (gtk_widget_has_visible_focus (widget))
    outline (snapshot, &accent, roundf (l.x0 + self->cursor * l.col_w) - 1, l.top - 3,
             roundf (l.col_w) + 2, l.smooth_y + SMOOTH_H - l.top + 5, 2, 4);

  gtk_widget_snapshot_child (widget, self->presets, snapshot);
}

/* ---- size ------------------------------------------------------------- */

static void
octa_lfo_designer_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  OctaLfoDesigner *self = OCTA_LFO_DESIGNER (widget);
  int button_min, button_nat;

  gtk_widget_measure (self->presets, orientation, -1, &button_min, &button_nat, NULL, NULL);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = AXIS_W + PAD + (N_STEPS + N_PREVIEW) * 16;
      *natural = MAX (WIDTH_NAT, *minimum);
    }
  else
    {
      *minimum = MAX (button_nat, HEADER_MIN) + 2 * GAP + 100 + SMOOTH_H + PAD / 2;
      *natural = MAX (HEIGHT_NAT, *minimum);
    }
}

static void
octa_lfo_designer_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  OctaLfoDesigner *self = OCTA_LFO_DESIGNER (widget);
  int w, h;

  gtk_widget_measure (self->presets, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &w, NULL, NULL);
  gtk_widget_measure (self->presets, GTK_ORIENTATION_VERTICAL, w, NULL, &h, NULL, NULL);
  self->header_h = MAX (h, HEADER_MIN);
  gtk_widget_size_allocate (self->presets,
                            &(GtkAllocation) { width - PAD - w, (self->header_h - h) / 2, w, h },
                            -1);
}

/* ---- pointer feedback ------------------------------------------------- */

static void
set_hover (OctaLfoDesigner *self,
           int              step)
{
  if (self->hover == step)
    return;
  self->hover = step;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           OctaLfoDesigner          *self)
{
  Layout l;
  int column;

  get_layout (self, &l);
  column = x_column (&l, x);
  set_hover (self, column < N_STEPS && y >= l.top ? column : -1);
}

static void
leave_cb (GtkEventControllerMotion *controller,
          OctaLfoDesigner          *self)
{
  set_hover (self, -1);
}

static gboolean
query_tooltip_cb (GtkWidget       *widget,
                  int              x,
                  int              y,
                  gboolean         keyboard,
                  GtkTooltip      *tooltip,
                  OctaLfoDesigner *self)
{
  graphene_rect_t bounds;
  Layout l;
  int column;

  if (self->track == NULL || keyboard)
    return FALSE;
  get_layout (self, &l);
  column = x_column (&l, x);
  if (column >= N_STEPS && y >= l.top && y < l.bottom)
    {
      gtk_tooltip_set_text (tooltip, _("The next cycle: the LFO loops back to step 1"));
      return TRUE;
    }
  if (column < 0 || column >= N_STEPS || y < l.top)
    return FALSE;
  if (y >= l.smooth_y - GAP / 2)
    {
      g_autofree char *text = g_strdup_printf (_("Smooth: glide from step %d to step %d"),
                                               column + 1, (column + 1) % N_STEPS + 1);

      octa_lfo_designer_get_smooth_bounds (self, column, &bounds);
      gtk_tooltip_set_text (tooltip, text);
    }
  else
    {
      g_autofree char *value = format_value (octa_part_track_get_lfo_step (self->track, column));
      g_autofree char *text =
        g_strdup_printf (_("Step %d: %s — drag to draw, Alt+click to toggle smooth"),
                         column + 1, value);

      octa_lfo_designer_get_column_bounds (self, column, &bounds);
      gtk_tooltip_set_text (tooltip, text);
    }
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { bounds.origin.x, bounds.origin.y,
                                                       bounds.size.width, bounds.size.height });
  return TRUE;
}

static void
focus_changed_cb (OctaLfoDesigner *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ---- object ----------------------------------------------------------- */

static void
update_sensitivity (OctaLfoDesigner *self)
{
  gboolean editable = self->track != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lfo.nudge", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lfo.center", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lfo.toggle-smooth", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lfo.preset", editable);
  gtk_widget_set_sensitive (self->presets, editable);
}

static void
octa_lfo_designer_dispose (GObject *object)
{
  OctaLfoDesigner *self = OCTA_LFO_DESIGNER (object);

  octa_lfo_designer_set_track (self, NULL);
  g_clear_pointer (&self->presets, gtk_widget_unparent);

  G_OBJECT_CLASS (octa_lfo_designer_parent_class)->dispose (object);
}

static void
octa_lfo_designer_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  OctaLfoDesigner *self = OCTA_LFO_DESIGNER (object);

  switch (prop_id)
    {
    case PROP_TRACK:
      g_value_set_object (value, self->track);
      break;
    case PROP_CURSOR:
      g_value_set_uint (value, self->cursor);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
octa_lfo_designer_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  OctaLfoDesigner *self = OCTA_LFO_DESIGNER (object);

  switch (prop_id)
    {
    case PROP_TRACK:
      octa_lfo_designer_set_track (self, g_value_get_object (value));
      break;
    case PROP_CURSOR:
      octa_lfo_designer_set_cursor (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
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

static void
octa_lfo_designer_class_init (OctaLfoDesignerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = octa_lfo_designer_dispose;
  object_class->get_property = octa_lfo_designer_get_property;
  object_class->set_property = octa_lfo_designer_set_property;

  widget_class->measure = octa_lfo_designer_measure;
  widget_class->size_allocate = octa_lfo_designer_size_allocate;
  widget_class->snapshot = octa_lfo_designer_snapshot;

  /**
   * OctaLfoDesigner:track:
   *
   * The audio or MIDI part track whose custom LFO is shown, or %NULL.
   */
  properties[PROP_TRACK] =
    g_param_spec_object ("track", NULL, NULL, OCTA_TYPE_PART_TRACK,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * OctaLfoDesigner:cursor:
   *
   * The step the keyboard works on, 0…15.
   */
  properties[PROP_CURSOR] =
    g_param_spec_uint ("cursor", NULL, NULL, 0, N_STEPS - 1, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "lfo.move", "i", move_action);
  gtk_widget_class_install_action (widget_class, "lfo.nudge", "i", nudge_action);
  gtk_widget_class_install_action (widget_class, "lfo.center", NULL, center_action);
  gtk_widget_class_install_action (widget_class, "lfo.toggle-smooth", NULL,
                                   toggle_smooth_action);
  gtk_widget_class_install_action (widget_class, "lfo.preset", "s", preset_action);

  add_binding (widget_class, GDK_KEY_Left, 0, "lfo.move", -1);
  add_binding (widget_class, GDK_KEY_KP_Left, 0, "lfo.move", -1);
  add_binding (widget_class, GDK_KEY_Right, 0, "lfo.move", 1);
  add_binding (widget_class, GDK_KEY_KP_Right, 0, "lfo.move", 1);
  add_binding (widget_class, GDK_KEY_Home, 0, "lfo.move", -N_STEPS);
  add_binding (widget_class, GDK_KEY_End, 0, "lfo.move", N_STEPS);
  add_binding (widget_class, GDK_KEY_Up, 0, "lfo.nudge", 1);
  add_binding (widget_class, GDK_KEY_KP_Up, 0, "lfo.nudge", 1);
  add_binding (widget_class, GDK_KEY_Down, 0, "lfo.nudge", -1);
  add_binding (widget_class, GDK_KEY_KP_Down, 0, "lfo.nudge", -1);
  add_binding (widget_class, GDK_KEY_Up, GDK_SHIFT_MASK, "lfo.nudge", 8);
  add_binding (widget_class, GDK_KEY_Down, GDK_SHIFT_MASK, "lfo.nudge", -8);
  add_binding (widget_class, GDK_KEY_Page_Up, 0, "lfo.nudge", 8);
  add_binding (widget_class, GDK_KEY_Page_Down, 0, "lfo.nudge", -8);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, 0, "lfo.toggle-smooth", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_I, GDK_SHIFT_MASK,
                                       "lfo.toggle-smooth", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, 0, "lfo.center", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, 0, "lfo.center", NULL);

  gtk_widget_class_set_css_name (widget_class, "lfodesigner");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
octa_lfo_designer_init (OctaLfoDesigner *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  GtkEventController *motion;
  GtkGesture *drag;

  self->hover = -1;
  self->last_step = -1;
  self->header_h = HEADER_MIN;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  g_menu_append (menu, _("Ramp Up"), "lfo.preset::ramp-up");
  g_menu_append (menu, _("Ramp Down"), "lfo.preset::ramp-down");
  g_menu_append (menu, _("Triangle"), "lfo.preset::triangle");
  g_menu_append (menu, _("Square"), "lfo.preset::square");
  g_menu_append (menu, _("Random"), "lfo.preset::random");
  self->presets = gtk_menu_button_new ();
  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->presets), _("Presets"));
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->presets), G_MENU_MODEL (menu));
  gtk_widget_set_tooltip_text (self->presets, _("Replace the whole wave with a shape"));
  gtk_widget_add_css_class (self->presets, "flat");
  gtk_widget_set_parent (self->presets, GTK_WIDGET (self));

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

  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);
  g_signal_connect_swapped (self, "notify::has-focus", G_CALLBACK (focus_changed_cb), self);

  update_sensitivity (self);
  update_accessible (self);
}

/**
 * octa_lfo_designer_new:
 *
 * Returns: (transfer floating): a designer showing no track
 */
GtkWidget *
octa_lfo_designer_new (void)
{
  return g_object_new (OCTA_TYPE_LFO_DESIGNER, NULL);
}

/**
 * octa_lfo_designer_get_track:
 * @self: a designer
 *
 * Returns: (transfer none) (nullable): the track shown
 */
OctaPartTrack *
octa_lfo_designer_get_track (OctaLfoDesigner *self)
{
  g_return_val_if_fail (OCTA_IS_LFO_DESIGNER (self), NULL);
  return self->track;
}

/**
 * octa_lfo_designer_set_track:
 * @self: a designer
 * @track: (nullable): an audio or MIDI part track, or %NULL to clear
 */
void
octa_lfo_designer_set_track (OctaLfoDesigner *self,
                             OctaPartTrack   *track)
{
  g_return_if_fail (OCTA_IS_LFO_DESIGNER (self));
  g_return_if_fail (track == NULL || OCTA_IS_PART_TRACK (track));

  if (self->track == track)
    return;

  /* a stroke belongs to the old track: close it as it stands */
  end_stroke (self);
  if (self->track != NULL)
    g_clear_signal_handler (&self->notify_handler, self->track);
  g_set_object (&self->track, track);
  if (track != NULL)
    self->notify_handler = g_signal_connect_object (track, "notify", G_CALLBACK (changed), self,
                                                    G_CONNECT_SWAPPED);
  update_sensitivity (self);
  changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRACK]);
}

/**
 * octa_lfo_designer_get_cursor:
 * @self: a designer
 *
 * Returns: the step the keyboard works on, 0…15
 */
guint
octa_lfo_designer_get_cursor (OctaLfoDesigner *self)
{
  g_return_val_if_fail (OCTA_IS_LFO_DESIGNER (self), 0);
  return self->cursor;
}

/**
 * octa_lfo_designer_set_cursor:
 * @self: a designer
 * @step: 0…15
 */
void
octa_lfo_designer_set_cursor (OctaLfoDesigner *self,
                              guint            step)
{
  g_return_if_fail (OCTA_IS_LFO_DESIGNER (self));
  g_return_if_fail (step < N_STEPS);

  if (self->cursor == step)
    return;
  self->cursor = step;
  changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURSOR]);
}

/**
 * octa_lfo_designer_get_column_bounds:
 * @self: a designer
 * @step: 0…15
 * @bounds: (out): the step's column, from +127 to −127
 *
 * Returns: whether the designer has been allocated
 */
gboolean
octa_lfo_designer_get_column_bounds (OctaLfoDesigner *self,
                                     guint            step,
                                     graphene_rect_t *bounds)
{
  Layout l;

  g_return_val_if_fail (OCTA_IS_LFO_DESIGNER (self), FALSE);
  g_return_val_if_fail (step < N_STEPS, FALSE);

  if (gtk_widget_get_width (GTK_WIDGET (self)) == 0)
    return FALSE;
  get_layout (self, &l);
  graphene_rect_init (bounds, l.x0 + step * l.col_w, l.top, l.col_w, l.bottom - l.top);
  return TRUE;
}

/**
 * octa_lfo_designer_get_smooth_bounds:
 * @self: a designer
 * @step: 0…15
 * @bounds: (out): the step's smooth toggle
 *
 * Returns: whether the designer has been allocated
 */
gboolean
octa_lfo_designer_get_smooth_bounds (OctaLfoDesigner *self,
                                     guint            step,
                                     graphene_rect_t *bounds)
{
  Layout l;

  g_return_val_if_fail (OCTA_IS_LFO_DESIGNER (self), FALSE);
  g_return_val_if_fail (step < N_STEPS, FALSE);

  if (gtk_widget_get_width (GTK_WIDGET (self)) == 0)
    return FALSE;
  get_layout (self, &l);
  graphene_rect_init (bounds, l.x0 + step * l.col_w, l.smooth_y, l.col_w, SMOOTH_H);
  return TRUE;
}

/**
 * octa_lfo_designer_value_to_y:
 * @self: a designer
 * @value: −127…127
 *
 * Returns: where @value is drawn, in widget coordinates
 */
double
octa_lfo_designer_value_to_y (OctaLfoDesigner *self,
                              int              value)
{
  Layout l;

  g_return_val_if_fail (OCTA_IS_LFO_DESIGNER (self), 0);
  get_layout (self, &l);
  return value_y (&l, value);
}
