/* SPDX-License-Identifier: MIT */
#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "octa-arp-editor.h"
#include "octa-plock-names.h"

/**
 * OctaArpEditor:
 *
 * The sixteen-step arpeggiator sequence of a MIDI track: one column per
 * step with its note offset (−63…+63) as a bar from the root line, the
 * offset and the note it gives from the track's default note (`+7` `G3`),
 * and below a row of dots, filled where the step plays and hollow where it
 * is muted. Steps past the arp LEN are dimmed and hatched, as steps past a
 * pattern's length are.
 *
 * KEY is shown as its raw number: the spec does not name the scales, so
 * out-of-scale notes are not marked.
 *
 * A press, drag and release is one stroke and one undo step. Keys: ←→
 * move, ↑↓ change by 1 (Shift by 8), 0 back to the root, M mute.
 */

#define N_STEPS     OCTA_PART_TRACK_N_LFO_STEPS
#define PAD         8
#define AXIS_W      52
#define HEADER_H    28
#define LABELS_H    30
#define MUTE_H      20
#define DOT         12
#define GAP         6
#define VALUE_MAX   63
#define WIDTH_NAT   480
#define HEIGHT_NAT  220

struct _OctaArpEditor
{
  GtkWidget          parent_instance;

  OctaMidiPartTrack *track;
  gulong             notify_handler;
  guint              cursor;
  int                hover;

  /* the stroke in progress: its project holds the open change */
  OctaProject       *stroke;
  double             drag_x;
  double             drag_y;
  int                last_step;
  int                last_value;
};

G_DEFINE_FINAL_TYPE (OctaArpEditor, octa_arp_editor, GTK_TYPE_WIDGET)

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
  float labels_y;
  float mute_y;
} Layout;

static void
get_layout (OctaArpEditor *self,
            Layout        *l)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  l->x0 = AXIS_W;
  l->col_w = MAX (4.0f, (width - AXIS_W - PAD) / (float) N_STEPS);
  l->mute_y = height - PAD / 2 - MUTE_H;
  l->labels_y = l->mute_y - LABELS_H;
  l->top = HEADER_H + GAP;
  l->bottom = MAX (l->top + 20, l->labels_y - 2);
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

static int
x_column (const Layout *l,
          double        x)
{
  if (x < l->x0)
    return -1;
  return (int) ((x - l->x0) / l->col_w);
}

static gboolean
in_range (int offset)
{
  return offset >= -VALUE_MAX && offset <= VALUE_MAX;
}

/* An offset the device cannot set shows as its stored byte. */
static char *
format_offset (int offset)
{
  if (!in_range (offset))
    return g_strdup_printf ("#%u", (guint) (guint8) offset);
  if (offset > 0)
    return g_strdup_printf ("+%d", offset);
  if (offset < 0)
    return g_strdup_printf ("−%d", -offset);
  return g_strdup ("0");
}

static int
root_note (OctaArpEditor *self)
{
  int note = 0;

  g_object_get (self->track, "note", &note, NULL);
  return note;
}

/* "C3", or "–" when the sum leaves the MIDI range */
static char *
dup_note_name (OctaArpEditor *self,
               int            offset)
{
  int note = root_note (self) + offset;

  if (!in_range (offset) || note < 0 || note > 127)
    return g_strdup ("–");
  return octa_midi_note_name (note);
}

static void
update_accessible (OctaArpEditor *self)
{
  g_autofree char *label = NULL;
  g_autofree char *description = NULL;

  if (self->track == NULL)
    {
      label = g_strdup (_("Arpeggiator sequence"));
      description = g_strdup (_("No track"));
    }
  else
    {
      g_autofree char *track = octa_part_track_dup_label (OCTA_PART_TRACK (self->track));
      g_autofree char *step = octa_arp_editor_dup_step_label (self, self->cursor);
      gboolean muted = octa_midi_part_track_get_arp_mute (self->track, self->cursor);
      gboolean past = self->cursor >= octa_midi_part_track_get_arp_length (self->track);

      /* Translators: "M5 arpeggiator sequence" */
      label = g_strdup_printf (_("%s arpeggiator sequence"), track);
      /* Translators: "Step 3: +7 G3, muted, past the length" */
      description = g_strdup_printf ("%s%s%s", step, muted ? _(", muted") : "",
                                     past ? _(", past the length") : "");
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
changed (OctaArpEditor *self)
{
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ---- editing ---------------------------------------------------------- */

static void
end_stroke (OctaArpEditor *self)
{
  if (self->stroke == NULL)
    return;
  octa_project_end_change (self->stroke);
  g_clear_object (&self->stroke);
}

static OctaProject *
track_project (OctaMidiPartTrack *track)
{
  OctaPart *part = octa_part_track_get_part (OCTA_PART_TRACK (track));

  return octa_bank_get_project (octa_part_get_bank (part));
}

static void
set_note (OctaArpEditor *self,
          guint          step,
          int            offset)
{
  if (octa_midi_part_track_get_arp_note (self->track, step) != offset)
    octa_midi_part_track_set_arp_note (self->track, step, offset);
}

/* Writes @value at @step and, in a line, the steps a fast drag jumped over. */
static void
stroke_to (OctaArpEditor *self,
           int            step,
           int            value)
{
  int from = self->last_step < 0 ? step : self->last_step;
  int span = ABS (step - from);

  for (int i = 0; i <= span; i++)
    {
      int s = from + (step > from ? i : -i);
      int v = span == 0 ? value
                        : (int) lround (self->last_value + (value - self->last_value)
                                                           * (double) i / span);

      set_note (self, s, v);
    }
  self->last_step = step;
  self->last_value = value;
}

static void
toggle_mute (OctaArpEditor *self,
             guint          step)
{
  octa_midi_part_track_set_arp_mute (self->track, step,
                                     !octa_midi_part_track_get_arp_mute (self->track, step));
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               OctaArpEditor  *self)
{
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
  octa_arp_editor_set_cursor (self, column);

  if (y >= l.mute_y - 2)
    {
      toggle_mute (self, column);
      return;
    }
  /* the labels are for reading, not for drawing */
  if (y >= l.labels_y)
    return;

  end_stroke (self);
  self->stroke = g_object_ref (track_project (self->track));
  octa_project_begin_change (self->stroke, _("Change arpeggiator sequence"));
  self->drag_x = x;
  self->drag_y = y;
  self->last_step = -1;
  stroke_to (self, column, y_value (&l, y));
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                OctaArpEditor  *self)
{
  Layout l;
  int column;

  if (self->stroke == NULL || self->track == NULL)
    return;

  get_layout (self, &l);
  column = CLAMP (x_column (&l, self->drag_x + dx), 0, N_STEPS - 1);
  stroke_to (self, column, y_value (&l, self->drag_y + dy));
  octa_arp_editor_set_cursor (self, column);
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             OctaArpEditor  *self)
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
  OctaArpEditor *self = OCTA_ARP_EDITOR (widget);
  int step = (int) self->cursor + g_variant_get_int32 (parameter);

  octa_arp_editor_set_cursor (self, CLAMP (step, 0, N_STEPS - 1));
}

static void
nudge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  OctaArpEditor *self = OCTA_ARP_EDITOR (widget);
  int value;

  if (self->track == NULL)
    return;
  value = octa_midi_part_track_get_arp_note (self->track, self->cursor);
  /* a stored value out of the device's range starts again from the root */
  if (!in_range (value))
    value = 0;
  set_note (self, self->cursor,
            CLAMP (value + g_variant_get_int32 (parameter), -VALUE_MAX, VALUE_MAX));
}

static void
center_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  OctaArpEditor *self = OCTA_ARP_EDITOR (widget);

  if (self->track != NULL)
    set_note (self, self->cursor, 0);
}

static void
toggle_mute_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  OctaArpEditor *self = OCTA_ARP_EDITOR (widget);

  if (self->track != NULL)
    toggle_mute (self, self->cursor);
}

/* ---- drawing ---------------------------------------------------------- */

static void
draw_text (OctaArpEditor *self,
           GtkSnapshot   *snapshot,
           const char    *text,
           float          x,
           float          y,
           float          xalign,
           gboolean       bold,
           const GdkRGBA *color)
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
hatch (GtkSnapshot   *snapshot,
       const GdkRGBA *color,
       float          x,
       float          y,
       float          w,
       float          h)
{
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (x, y, w, h));

  cairo_rectangle (cr, x, y, w, h);
  cairo_clip (cr);
  cairo_set_line_width (cr, 1);
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
  for (float d = -h; d < w; d += 6)
    {
      cairo_move_to (cr, x + d, y + h);
      cairo_line_to (cr, x + d + h, y);
    }
  cairo_stroke (cr);
  cairo_destroy (cr);
}

static void
octa_arp_editor_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  OctaArpEditor *self = OCTA_ARP_EDITOR (widget);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  GdkRGBA fg, dim, faint, accent, rule, hatching;
  float centre_y;
  gboolean hc;
  guint length;
  Layout l;

  get_layout (self, &l);
  gtk_style_context_get_color (context, &fg);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_style_context_lookup_color (context, "accent_color", &accent))
    gdk_rgba_parse (&accent, "#3584e4");
  G_GNUC_END_IGNORE_DEPRECATIONS
  dim = faint = rule = hatching = fg;
  /* high contrast: secondary text and rules stay readable */
  hc = adw_style_manager_get_high_contrast (adw_style_manager_get_default ());
  dim.alpha *= hc ? 0.8f : 0.55f;
  faint.alpha *= 0.06f;
  rule.alpha *= 0.35f;
  hatching.alpha *= 0.14f;
  centre_y = roundf (value_y (&l, 0));

  draw_text (self, snapshot, "+63", l.x0 - 6, value_y (&l, VALUE_MAX) + 5, 1, FALSE, &dim);
  draw_text (self, snapshot, _("Root"), l.x0 - 6, centre_y, 1, FALSE, &dim);
  draw_text (self, snapshot, "−63", l.x0 - 6, value_y (&l, -VALUE_MAX) - 5, 1, FALSE, &dim);
  draw_text (self, snapshot, _("Plays"), l.x0 - 6, l.mute_y + MUTE_H / 2.0f, 1, FALSE, &dim);

  fill (snapshot, &faint, l.x0, l.top, N_STEPS * l.col_w, l.bottom - l.top);
  for (guint i = 4; i < N_STEPS; i += 4)
    fill (snapshot, &faint, roundf (l.x0 + i * l.col_w), l.top, 1, l.bottom - l.top);
  fill (snapshot, &rule, l.x0, centre_y, N_STEPS * l.col_w, 1);

  if (self->track == NULL)
    {
      draw_text (self, snapshot, _("Arpeggiator sequence"), PAD, HEADER_H / 2.0f, 0, TRUE, &fg);
      draw_text (self, snapshot, _("No track"), l.x0 + N_STEPS * l.col_w / 2,
                 (l.top + l.bottom) / 2 - 12, 0.5f, FALSE, &dim);
      return;
    }

  length = octa_midi_part_track_get_arp_length (self->track);

  /* header: track, root, LEN, KEY, then the focused step */
  {
    g_autofree char *track = octa_part_track_dup_label (OCTA_PART_TRACK (self->track));
    g_autofree char *title = g_strdup_printf (_("%s arp sequence"), track);
    g_autofree char *root = dup_note_name (self, 0);
    g_autofree char *step = octa_arp_editor_dup_step_label (self, self->cursor);
    g_autoptr(GString) info = g_string_new (NULL);
    int key = 0;

    g_object_get (self->track, "arp-key", &key, NULL);
    g_string_append_printf (info, _("Root %s · LEN %u"), root, length);
    /* the spec numbers the scales without naming them */
    if (key != 0)
      g_string_append_printf (info, _(" · KEY #%d"), key);
    g_string_append_printf (info, "  ·  %s", step);
    if (octa_midi_part_track_get_arp_mute (self->track, self->cursor))
      g_string_append (info, _(", muted"));
    draw_text (self, snapshot, title, PAD, HEADER_H / 2.0f, 0, TRUE, &fg);
    draw_text (self, snapshot, info->str, l.x0 + 4 * l.col_w, HEADER_H / 2.0f, 0, FALSE, &dim);
  }

  if (self->hover >= 0 && self->hover < N_STEPS)
    fill (snapshot, &faint, l.x0 + self->hover * l.col_w, l.top, l.col_w,
          l.mute_y + MUTE_H - l.top);

  for (guint i = 0; i < N_STEPS; i++)
    {
      int offset = octa_midi_part_track_get_arp_note (self->track, i);
      gboolean muted = octa_midi_part_track_get_arp_mute (self->track, i);
      gboolean past = i >= length;
      float cx = l.x0 + (i + 0.5f) * l.col_w;
      float x = roundf (l.x0 + i * l.col_w) + 1;
      float w = roundf (l.x0 + (i + 1) * l.col_w) - x - 1;
      float y = roundf (value_y (&l, offset));
      float fade = past ? 0.4f : 1.0f;
      GdkRGBA bar = accent, edge = accent, text = fg, text_dim = dim;
      g_autofree char *offset_text = format_offset (offset);
      g_autofree char *note_text = dup_note_name (self, offset);
      float dot_x = roundf (cx - DOT / 2.0f);
      float dot_y = roundf (l.mute_y + (MUTE_H - DOT) / 2.0f);
      GskRoundedRect dot;

      bar.alpha *= (muted ? 0.12f : 0.35f) * fade;
      edge.alpha *= (muted ? 0.45f : 1.0f) * fade;
      text.alpha *= fade;
      text_dim.alpha *= fade;

      if (y < centre_y)
        {
          fill (snapshot, &bar, x, y, w, centre_y - y);
          fill (snapshot, &edge, x, y, w, 2);
        }
      else if (y > centre_y)
        {
          fill (snapshot, &bar, x, centre_y + 1, w, y - centre_y);
          fill (snapshot, &edge, x, y - 1, w, 2);
        }
      else
        fill (snapshot, &edge, x, centre_y - 1, w, 2);

      draw_text (self, snapshot, offset_text, cx, l.labels_y + 8, 0.5f, FALSE, &text);
      draw_text (self, snapshot, note_text, cx, l.labels_y + 22, 0.5f, FALSE, &text_dim);

      gsk_rounded_rect_init_from_rect (&dot, &GRAPHENE_RECT_INIT (dot_x, dot_y, DOT, DOT),
                                       DOT / 2.0f);
      if (muted)
        outline (snapshot, &text_dim, dot_x, dot_y, DOT, DOT, 1.5f, DOT / 2.0f);
      else
        {
          gtk_snapshot_push_rounded_clip (snapshot, &dot);
          fill (snapshot, &text, dot_x, dot_y, DOT, DOT);
          gtk_snapshot_pop (snapshot);
        }

      if (past)
        hatch (snapshot, &hatching, x - 1, l.top, w + 2, l.mute_y + MUTE_H - l.top);
    }

  /* where the sequence wraps */
  if (length < N_STEPS)
    {
      float x = roundf (l.x0 + length * l.col_w);

      for (float y = l.top; y < l.mute_y + MUTE_H; y += 6)
        fill (snapshot, &rule, x, y, 1, 3);
    }

  if (gtk_widget_has_visible_focus (widget))
    outline (snapshot, &accent, roundf (l.x0 + self->cursor * l.col_w) - 1, l.top - 3,
             roundf (l.col_w) + 2, l.mute_y + MUTE_H - l.top + 5, 2, 4);
}

static void
octa_arp_editor_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = AXIS_W + PAD + N_STEPS * 24;
      *natural = MAX (WIDTH_NAT, *minimum);
    }
  else
    {
      *minimum = HEADER_H + GAP + 90 + LABELS_H + MUTE_H + PAD / 2;
      *natural = MAX (HEIGHT_NAT, *minimum);
    }
}

/* ---- pointer feedback ------------------------------------------------- */

static void
set_hover (OctaArpEditor *self,
           int            step)
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
           OctaArpEditor            *self)
{
  Layout l;
  int column;

  get_layout (self, &l);
  column = x_column (&l, x);
  set_hover (self, column < N_STEPS && y >= l.top ? column : -1);
}

static void
leave_cb (GtkEventControllerMotion *controller,
          OctaArpEditor            *self)
{
  set_hover (self, -1);
}

static gboolean
query_tooltip_cb (GtkWidget     *widget,
                  int            x,
                  int            y,
                  gboolean       keyboard,
                  GtkTooltip    *tooltip,
                  OctaArpEditor *self)
{
  graphene_rect_t bounds;
  g_autofree char *text = NULL;
  Layout l;
  int column;

  if (self->track == NULL || keyboard)
    return FALSE;
  get_layout (self, &l);
  column = x_column (&l, x);
  if (column < 0 || column >= N_STEPS || y < l.top)
    return FALSE;

  if (y >= l.mute_y - 2)
    {
      text = octa_midi_part_track_get_arp_mute (self->track, column)
        ? g_strdup_printf (_("Step %d is muted — click to play it"), column + 1)
        : g_strdup_printf (_("Step %d plays — click to mute it"), column + 1);
      octa_arp_editor_get_mute_bounds (self, column, &bounds);
    }
  else
    {
      g_autofree char *step = octa_arp_editor_dup_step_label (self, column);

      if ((guint) column >= octa_midi_part_track_get_arp_length (self->track))
        text = g_strdup_printf (_("%s — past the arp LEN, not played"), step);
      else
        text = g_strdup_printf (_("%s — drag to draw"), step);
      octa_arp_editor_get_column_bounds (self, column, &bounds);
    }
  gtk_tooltip_set_text (tooltip, text);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { bounds.origin.x, bounds.origin.y,
                                                       bounds.size.width, bounds.size.height });
  return TRUE;
}

static void
focus_changed_cb (OctaArpEditor *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ---- object ----------------------------------------------------------- */

static void
update_sensitivity (OctaArpEditor *self)
{
  gboolean editable = self->track != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "arp.nudge", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "arp.center", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "arp.toggle-mute", editable);
}

static void
octa_arp_editor_dispose (GObject *object)
{
  octa_arp_editor_set_track (OCTA_ARP_EDITOR (object), NULL);

  G_OBJECT_CLASS (octa_arp_editor_parent_class)->dispose (object);
}

static void
octa_arp_editor_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  OctaArpEditor *self = OCTA_ARP_EDITOR (object);

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
octa_arp_editor_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  OctaArpEditor *self = OCTA_ARP_EDITOR (object);

  switch (prop_id)
    {
    case PROP_TRACK:
      octa_arp_editor_set_track (self, g_value_get_object (value));
      break;
    case PROP_CURSOR:
      octa_arp_editor_set_cursor (self, g_value_get_uint (value));
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
octa_arp_editor_class_init (OctaArpEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = octa_arp_editor_dispose;
  object_class->get_property = octa_arp_editor_get_property;
  object_class->set_property = octa_arp_editor_set_property;

  widget_class->measure = octa_arp_editor_measure;
  widget_class->snapshot = octa_arp_editor_snapshot;

  /**
   * OctaArpEditor:track:
   *
   * The MIDI part track whose arpeggiator sequence is shown, or %NULL.
   */
  properties[PROP_TRACK] =
    g_param_spec_object ("track", NULL, NULL, OCTA_TYPE_MIDI_PART_TRACK,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * OctaArpEditor:cursor:
   *
   * The step the keyboard works on, 0…15.
   */
  properties[PROP_CURSOR] =
    g_param_spec_uint ("cursor", NULL, NULL, 0, N_STEPS - 1, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "arp.move", "i", move_action);
  gtk_widget_class_install_action (widget_class, "arp.nudge", "i", nudge_action);
  gtk_widget_class_install_action (widget_class, "arp.center", NULL, center_action);
  gtk_widget_class_install_action (widget_class, "arp.toggle-mute", NULL, toggle_mute_action);

  add_binding (widget_class, GDK_KEY_Left, 0, "arp.move", -1);
  add_binding (widget_class, GDK_KEY_KP_Left, 0, "arp.move", -1);
  add_binding (widget_class, GDK_KEY_Right, 0, "arp.move", 1);
  add_binding (widget_class, GDK_KEY_KP_Right, 0, "arp.move", 1);
  add_binding (widget_class, GDK_KEY_Home, 0, "arp.move", -N_STEPS);
  add_binding (widget_class, GDK_KEY_End, 0, "arp.move", N_STEPS);
  add_binding (widget_class, GDK_KEY_Up, 0, "arp.nudge", 1);
  add_binding (widget_class, GDK_KEY_KP_Up, 0, "arp.nudge", 1);
  add_binding (widget_class, GDK_KEY_Down, 0, "arp.nudge", -1);
  add_binding (widget_class, GDK_KEY_KP_Down, 0, "arp.nudge", -1);
  add_binding (widget_class, GDK_KEY_Up, GDK_SHIFT_MASK, "arp.nudge", 8);
  add_binding (widget_class, GDK_KEY_Down, GDK_SHIFT_MASK, "arp.nudge", -8);
  add_binding (widget_class, GDK_KEY_Page_Up, 0, "arp.nudge", 8);
  add_binding (widget_class, GDK_KEY_Page_Down, 0, "arp.nudge", -8);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, 0, "arp.toggle-mute", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_M, GDK_SHIFT_MASK,
                                       "arp.toggle-mute", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, 0, "arp.center", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, 0, "arp.center", NULL);

  gtk_widget_class_set_css_name (widget_class, "arpeditor");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
octa_arp_editor_init (OctaArpEditor *self)
{
  GtkEventController *motion;
  GtkGesture *drag;

  self->hover = -1;
  self->last_step = -1;

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

  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);
  g_signal_connect_swapped (self, "notify::has-focus", G_CALLBACK (focus_changed_cb), self);

  update_sensitivity (self);
  update_accessible (self);
}

/**
 * octa_arp_editor_new:
 *
 * Returns: (transfer floating): an editor showing no track
 */
GtkWidget *
octa_arp_editor_new (void)
{
  return g_object_new (OCTA_TYPE_ARP_EDITOR, NULL);
}

/**
 * octa_arp_editor_get_track:
 * @self: an editor
 *
 * Returns: (transfer none) (nullable): the track shown
 */
OctaMidiPartTrack *
octa_arp_editor_get_track (OctaArpEditor *self)
{
  g_return_val_if_fail (OCTA_IS_ARP_EDITOR (self), NULL);
  return self->track;
}

/**
 * octa_arp_editor_set_track:
 * @self: an editor
 * @track: (nullable): a MIDI part track, or %NULL to clear
 */
void
octa_arp_editor_set_track (OctaArpEditor     *self,
                           OctaMidiPartTrack *track)
{
  g_return_if_fail (OCTA_IS_ARP_EDITOR (self));
  g_return_if_fail (track == NULL || OCTA_IS_MIDI_PART_TRACK (track));

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
 * octa_arp_editor_get_cursor:
 * @self: an editor
 *
 * Returns: the step the keyboard works on, 0…15
 */
guint
octa_arp_editor_get_cursor (OctaArpEditor *self)
{
  g_return_val_if_fail (OCTA_IS_ARP_EDITOR (self), 0);
  return self->cursor;
}

/**
 * octa_arp_editor_set_cursor:
 * @self: an editor
 * @step: 0…15
 */
void
octa_arp_editor_set_cursor (OctaArpEditor *self,
                            guint          step)
{
  g_return_if_fail (OCTA_IS_ARP_EDITOR (self));
  g_return_if_fail (step < N_STEPS);

  if (self->cursor == step)
    return;
  self->cursor = step;
  changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURSOR]);
}

/**
 * octa_arp_editor_dup_step_label:
 * @self: an editor with a track
 * @step: 0…15
 *
 * Returns: (transfer full): the step as the editor reads it out:
 *   "Step 3: +7 G3"
 */
char *
octa_arp_editor_dup_step_label (OctaArpEditor *self,
                                guint          step)
{
  g_autofree char *offset_text = NULL;
  g_autofree char *note = NULL;
  int offset;

  g_return_val_if_fail (OCTA_IS_ARP_EDITOR (self), NULL);
  g_return_val_if_fail (self->track != NULL, NULL);
  g_return_val_if_fail (step < N_STEPS, NULL);

  offset = octa_midi_part_track_get_arp_note (self->track, step);
  offset_text = format_offset (offset);
  note = dup_note_name (self, offset);
  /* Translators: "Step 3: +7 G3" */
  return g_strdup_printf (_("Step %u: %s %s"), step + 1, offset_text, note);
}

/**
 * octa_arp_editor_get_column_bounds:
 * @self: an editor
 * @step: 0…15
 * @bounds: (out): the step's column, from +63 to −63
 *
 * Returns: whether the editor has been allocated
 */
gboolean
octa_arp_editor_get_column_bounds (OctaArpEditor   *self,
                                   guint            step,
                                   graphene_rect_t *bounds)
{
  Layout l;

  g_return_val_if_fail (OCTA_IS_ARP_EDITOR (self), FALSE);
  g_return_val_if_fail (step < N_STEPS, FALSE);

  if (gtk_widget_get_width (GTK_WIDGET (self)) == 0)
    return FALSE;
  get_layout (self, &l);
  graphene_rect_init (bounds, l.x0 + step * l.col_w, l.top, l.col_w, l.bottom - l.top);
  return TRUE;
}

/**
 * octa_arp_editor_get_mute_bounds:
 * @self: an editor
 * @step: 0…15
 * @bounds: (out): the step's mute dot
 *
 * Returns: whether the editor has been allocated
 */
gboolean
octa_arp_editor_get_mute_bounds (OctaArpEditor   *self,
                                 guint            step,
                                 graphene_rect_t *bounds)
{
  Layout l;

  g_return_val_if_fail (OCTA_IS_ARP_EDITOR (self), FALSE);
  g_return_val_if_fail (step < N_STEPS, FALSE);

  if (gtk_widget_get_width (GTK_WIDGET (self)) == 0)
    return FALSE;
  get_layout (self, &l);
  graphene_rect_init (bounds, l.x0 + step * l.col_w, l.mute_y, l.col_w, MUTE_H);
  return TRUE;
}

/**
 * octa_arp_editor_value_to_y:
 * @self: an editor
 * @value: −63…63
 *
 * Returns: where @value is drawn, in widget coordinates
 */
double
octa_arp_editor_value_to_y (OctaArpEditor *self,
                            int            value)
{
  Layout l;

  g_return_val_if_fail (OCTA_IS_ARP_EDITOR (self), 0);
  get_layout (self, &l);
  return value_y (&l, value);
}
