/* SPDX-License-Identifier: MIT */
#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "octa-column-editor.h"
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

#define N_STEPS     OCTA_COLUMN_EDITOR_N_STEPS
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
  OctaColumnEditor parent_instance;

  GtkWidget       *presets;
  int              header_h;
};

G_DEFINE_FINAL_TYPE (OctaLfoDesigner, octa_lfo_designer, OCTA_TYPE_COLUMN_EDITOR)

#define BASE(self) OCTA_COLUMN_EDITOR (self)

static OctaPartTrack *
track_of (OctaLfoDesigner *self)
{
  return octa_column_editor_get_track (BASE (self));
}

static guint
cursor_of (OctaLfoDesigner *self)
{
  return octa_column_editor_get_cursor (BASE (self));
}

static void
get_layout (OctaColumnEditor *base,
            OctaColumnLayout *l)
{
  OctaLfoDesigner *self = OCTA_LFO_DESIGNER (base);
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  l->x0 = AXIS_W;
  l->col_w = MAX (4.0f, (width - AXIS_W - PAD) / (float) (N_STEPS + N_PREVIEW));
  l->flag_y = height - PAD / 2 - SMOOTH_H;
  l->flag_h = SMOOTH_H;
  l->flag_hit = l->flag_y - GAP / 2;
  l->inert_hit = l->flag_hit;
  l->top = self->header_h + GAP;
  l->bottom = MAX (l->top + 20, l->flag_y - GAP);
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
update_accessible (OctaColumnEditor *base)
{
  OctaPartTrack *track = octa_column_editor_get_track (base);
  guint cursor = octa_column_editor_get_cursor (base);
  g_autofree char *label = NULL;
  g_autofree char *description = NULL;

  if (track == NULL)
    {
      label = g_strdup (_("LFO design"));
      description = g_strdup (_("No track"));
    }
  else
    {
      g_autofree char *name = octa_part_track_dup_label (track);
      g_autofree char *value = format_value (octa_part_track_get_lfo_step (track, cursor));
      gboolean smooth = octa_part_track_get_lfo_smooth (track, cursor);

      /* Translators: "T3 LFO design" */
      label = g_strdup_printf (_("%s LFO design"), name);
      description = smooth
        /* Translators: "Step 5: +64, smooth" */
        ? g_strdup_printf (_("Step %u: %s, smooth"), cursor + 1, value)
        : g_strdup_printf (_("Step %u: %s"), cursor + 1, value);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (base),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

/* ---- editing ---------------------------------------------------------- */

static int
get_value (OctaColumnEditor *base,
           guint             step)
{
  return octa_part_track_get_lfo_step (octa_column_editor_get_track (base), step);
}

static void
set_value (OctaColumnEditor *base,
           guint             step,
           int               value)
{
  octa_part_track_set_lfo_step (octa_column_editor_get_track (base), step, value);
}

static void
toggle_smooth (OctaColumnEditor *base,
               guint             step)
{
  OctaPartTrack *track = octa_column_editor_get_track (base);

  octa_part_track_set_lfo_smooth (track, step, !octa_part_track_get_lfo_smooth (track, step));
}

static void
nudge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  OctaLfoDesigner *self = OCTA_LFO_DESIGNER (widget);
  int old, value;

  if (track_of (self) == NULL)
    return;
  old = octa_part_track_get_lfo_step (track_of (self), cursor_of (self));
  value = CLAMP (old + g_variant_get_int32 (parameter), -VALUE_MAX, VALUE_MAX);
  if (value != old)
    octa_part_track_set_lfo_step (track_of (self), cursor_of (self), value);
}

static void
preset_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  OctaLfoDesigner *self = OCTA_LFO_DESIGNER (widget);
  const char *name = g_variant_get_string (parameter, NULL);
  gint8 steps[N_STEPS];

  if (track_of (self) == NULL)
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
  octa_part_track_set_lfo_steps (track_of (self), steps);
}

/* ---- drawing ---------------------------------------------------------- */

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
  OctaColumnEditor *base = BASE (self);
  int hover = octa_column_editor_get_hover (base);
  guint cursor = cursor_of (self);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  int width = gtk_widget_get_width (widget);
  GdkRGBA fg, dim, faint, accent, bar, bar_dim, rule;
  gint values[N_STEPS];
  gboolean smooth[N_STEPS];
  float centre_y;
  gboolean hc;
  OctaColumnLayout l;

  octa_column_editor_get_layout (base, &l);
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
  centre_y = roundf (octa_column_y (&l, 0));

  /* header: the track and the focused step */
  if (track_of (self) == NULL)
    octa_column_text (base, snapshot, _("LFO design"), PAD, self->header_h / 2.0f, 0, TRUE, &fg);
  else
    {
      g_autofree char *track = octa_part_track_dup_label (track_of (self));
      g_autofree char *title = g_strdup_printf (_("%s LFO design"), track);
      g_autofree char *value = format_value (octa_part_track_get_lfo_step (track_of (self),
                                                                           cursor));
      g_autofree char *readout = NULL;

      readout = octa_part_track_get_lfo_smooth (track_of (self), cursor)
        ? g_strdup_printf (_("Step %u · %s · smooth"), cursor + 1, value)
        : g_strdup_printf (_("Step %u · %s"), cursor + 1, value);
      octa_column_text (base, snapshot, title, PAD, self->header_h / 2.0f, 0, TRUE, &fg);
      octa_column_text (base, snapshot, readout, l.x0 + 5 * l.col_w, self->header_h / 2.0f, 0,
                        FALSE, &dim);
    }

  /* axis */
  octa_column_text (base, snapshot, "+127", l.x0 - 6, octa_column_y (&l, VALUE_MAX) + 5, 1,
                    FALSE, &dim);
  octa_column_text (base, snapshot, "0", l.x0 - 6, centre_y, 1, FALSE, &dim);
  octa_column_text (base, snapshot, "−127", l.x0 - 6, octa_column_y (&l, -VALUE_MAX) - 5, 1,
                    FALSE, &dim);
  octa_column_text (base, snapshot, _("Smooth"), l.x0 - 6, l.flag_y + SMOOTH_H / 2.0f, 1, FALSE,
                    &dim);

  /* plot background, beats of four, centre line */
  octa_column_fill (snapshot, &faint, l.x0, l.top, N_STEPS * l.col_w, l.bottom - l.top);
  for (guint i = 4; i < N_STEPS; i += 4)
    octa_column_fill (snapshot, &faint, roundf (l.x0 + i * l.col_w), l.top, 1, l.bottom - l.top);
  octa_column_fill (snapshot, &rule, l.x0, centre_y, (N_STEPS + N_PREVIEW) * l.col_w, 1);

  if (track_of (self) == NULL)
    {
      octa_column_text (base, snapshot, _("No track"), l.x0 + N_STEPS * l.col_w / 2,
                        (l.top + l.bottom) / 2 - 12, 0.5f, FALSE, &dim);
      gtk_widget_snapshot_child (widget, self->presets, snapshot);
      return;
    }

  for (guint i = 0; i < N_STEPS; i++)
    {
      values[i] = CLAMP (octa_part_track_get_lfo_step (track_of (self), i), -VALUE_MAX, VALUE_MAX);
      smooth[i] = octa_part_track_get_lfo_smooth (track_of (self), i);
    }

  /* hover */
  if (hover >= 0 && hover < N_STEPS)
    octa_column_fill (snapshot, &faint, l.x0 + hover * l.col_w, l.top, l.col_w,
                      l.flag_y + SMOOTH_H - l.top);

  /* bars: this cycle, then the start of the next one dimmed */
  for (guint c = 0; c < N_STEPS + N_PREVIEW; c++)
    {
      guint i = c % N_STEPS;
      gboolean preview = c >= N_STEPS;
      float x = roundf (l.x0 + c * l.col_w) + 1;
      float w = roundf (l.x0 + (c + 1) * l.col_w) - x - 1;
      float y = roundf (octa_column_y (&l, values[i]));
      GdkRGBA edge = accent;

      if (preview)
        edge.alpha *= 0.35f;
      if (y < centre_y)
        {
          octa_column_fill (snapshot, preview ? &bar_dim : &bar, x, y, w, centre_y - y);
          octa_column_fill (snapshot, &edge, x, y, w, 2);
        }
      else if (y > centre_y)
        {
          octa_column_fill (snapshot, preview ? &bar_dim : &bar, x, centre_y + 1, w, y - centre_y);
          octa_column_fill (snapshot, &edge, x, y - 1, w, 2);
        }
      else
        octa_column_fill (snapshot, &edge, x, centre_y - 1, w, 2);
    }

  /* the loop line */
  {
    float x = roundf (l.x0 + N_STEPS * l.col_w);

    for (float y = l.top; y < l.bottom; y += 6)
      octa_column_fill (snapshot, &rule, x, y, 1, MIN (3, l.bottom - y));
  }

  /* the wave the LFO plays */
  {
    cairo_t *cr = gtk_snapshot_append_cairo (snapshot,
                                             &GRAPHENE_RECT_INIT (l.x0 - 2, l.top - 2,
                                                                  width - l.x0 + 2,
                                                                  l.bottom - l.top + 4));

    cairo_set_line_width (cr, 2);
    cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
    cairo_move_to (cr, l.x0, octa_column_y (&l, values[0]));
    for (guint i = 0; i < N_STEPS; i++)
      curve_segment (cr, l.x0 + i * l.col_w, l.col_w, octa_column_y (&l, values[i]),
                     octa_column_y (&l, values[(i + 1) % N_STEPS]), smooth[i]);
    set_source (cr, &fg, 0.85f);
    cairo_stroke (cr);

    cairo_move_to (cr, l.x0 + N_STEPS * l.col_w, octa_column_y (&l, values[0]));
    for (guint i = 0; i < N_PREVIEW; i++)
      curve_segment (cr, l.x0 + (N_STEPS + i) * l.col_w, l.col_w, octa_column_y (&l, values[i]),
                     octa_column_y (&l, values[i + 1]), smooth[i]);
    set_source (cr, &fg, 0.3f);
    cairo_stroke (cr);
    cairo_destroy (cr);
  }

  /* smooth toggles: filled when on, an outline when off */
  for (guint i = 0; i < N_STEPS; i++)
    {
      float x = roundf (l.x0 + i * l.col_w + (l.col_w - TOGGLE) / 2);
      float y = roundf (l.flag_y + (SMOOTH_H - TOGGLE) / 2.0f);

      if (smooth[i])
        {
          GskRoundedRect rect;

          gsk_rounded_rect_init_from_rect (&rect, &GRAPHENE_RECT_INIT (x, y, TOGGLE, TOGGLE), 3);
          gtk_snapshot_push_rounded_clip (snapshot, &rect);
          octa_column_fill (snapshot, &accent, x, y, TOGGLE, TOGGLE);
          gtk_snapshot_pop (snapshot);
        }
      else
        octa_column_outline (snapshot, &dim, x, y, TOGGLE, TOGGLE, 1, 3);
    }

  /* focus ring round the cursor's column and toggle */
  if (gtk_widget_has_visible_focus (widget))
    octa_column_outline (snapshot, &accent, roundf (l.x0 + cursor * l.col_w) - 1, l.top - 3,
                         roundf (l.col_w) + 2, l.flag_y + SMOOTH_H - l.top + 5, 2, 4);

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

static gboolean
query_tooltip_cb (GtkWidget       *widget,
                  int              x,
                  int              y,
                  gboolean         keyboard,
                  GtkTooltip      *tooltip,
                  OctaLfoDesigner *self)
{
  graphene_rect_t bounds;
  OctaColumnLayout l;
  int column;

  if (track_of (self) == NULL || keyboard)
    return FALSE;
  octa_column_editor_get_layout (BASE (self), &l);
  column = octa_column_at (&l, x);
  if (column >= N_STEPS && y >= l.top && y < l.bottom)
    {
      gtk_tooltip_set_text (tooltip, _("The next cycle: the LFO loops back to step 1"));
      return TRUE;
    }
  if (column < 0 || column >= N_STEPS || y < l.top)
    return FALSE;
  if (y >= l.flag_hit)
    {
      g_autofree char *text = g_strdup_printf (_("Smooth: glide from step %d to step %d"),
                                               column + 1, (column + 1) % N_STEPS + 1);

      octa_column_editor_get_flag_bounds (BASE (self), column, &bounds);
      gtk_tooltip_set_text (tooltip, text);
    }
  else
    {
      g_autofree char *value = format_value (octa_part_track_get_lfo_step (track_of (self),
                                                                           column));
      g_autofree char *text =
        g_strdup_printf (_("Step %d: %s — drag to draw, Alt+click to toggle smooth"),
                         column + 1, value);

      octa_column_editor_get_column_bounds (BASE (self), column, &bounds);
      gtk_tooltip_set_text (tooltip, text);
    }
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { bounds.origin.x, bounds.origin.y,
                                                       bounds.size.width, bounds.size.height });
  return TRUE;
}

/* ---- object ----------------------------------------------------------- */

static void
update_sensitivity (OctaLfoDesigner *self)
{
  gboolean editable = track_of (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lfo.preset", editable);
  gtk_widget_set_sensitive (self->presets, editable);
}

static void
octa_lfo_designer_dispose (GObject *object)
{
  OctaLfoDesigner *self = OCTA_LFO_DESIGNER (object);

  /* the track goes first: letting it go updates the presets button */
  octa_column_editor_set_track (BASE (self), NULL);
  g_clear_pointer (&self->presets, gtk_widget_unparent);

  G_OBJECT_CLASS (octa_lfo_designer_parent_class)->dispose (object);
}

static void
octa_lfo_designer_class_init (OctaLfoDesignerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  OctaColumnEditorClass *editor_class = OCTA_COLUMN_EDITOR_CLASS (klass);

  object_class->dispose = octa_lfo_designer_dispose;

  widget_class->measure = octa_lfo_designer_measure;
  widget_class->size_allocate = octa_lfo_designer_size_allocate;
  widget_class->snapshot = octa_lfo_designer_snapshot;

  editor_class->value_max = VALUE_MAX;
  editor_class->stroke_label = N_("Draw LFO");
  editor_class->alt_click_toggles = TRUE;
  editor_class->get_layout = get_layout;
  editor_class->get_value = get_value;
  editor_class->set_value = set_value;
  editor_class->toggle_flag = toggle_smooth;
  editor_class->update_accessible = update_accessible;

  octa_column_editor_class_add_keys (widget_class, "lfo", "toggle-smooth", GDK_KEY_i);
  gtk_widget_class_install_action (widget_class, "lfo.nudge", "i", nudge_action);
  gtk_widget_class_install_action (widget_class, "lfo.preset", "s", preset_action);

  gtk_widget_class_set_css_name (widget_class, "lfodesigner");
}

static void
octa_lfo_designer_init (OctaLfoDesigner *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();

  self->header_h = HEADER_MIN;

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

  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);
  g_signal_connect (self, "notify::track", G_CALLBACK (update_sensitivity), NULL);

  update_sensitivity (self);
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
