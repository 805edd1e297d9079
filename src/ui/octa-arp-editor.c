/* SPDX-License-Identifier: MIT */
#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "octa-arp-editor.h"
#include "octa-column-editor.h"
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

#define N_STEPS     OCTA_COLUMN_EDITOR_N_STEPS
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
  OctaColumnEditor parent_instance;
};

G_DEFINE_FINAL_TYPE (OctaArpEditor, octa_arp_editor, OCTA_TYPE_COLUMN_EDITOR)

#define BASE(self) OCTA_COLUMN_EDITOR (self)

static OctaMidiPartTrack *
track_of (OctaArpEditor *self)
{
  return OCTA_MIDI_PART_TRACK (octa_column_editor_get_track (BASE (self)));
}

static guint
cursor_of (OctaArpEditor *self)
{
  return octa_column_editor_get_cursor (BASE (self));
}

static void
get_layout (OctaColumnEditor *base,
            OctaColumnLayout *l)
{
  int width = gtk_widget_get_width (GTK_WIDGET (base));
  int height = gtk_widget_get_height (GTK_WIDGET (base));
  float labels_y;

  l->x0 = AXIS_W;
  l->col_w = MAX (4.0f, (width - AXIS_W - PAD) / (float) N_STEPS);
  l->flag_y = height - PAD / 2 - MUTE_H;
  l->flag_h = MUTE_H;
  l->flag_hit = l->flag_y - 2;
  labels_y = l->flag_y - LABELS_H;
  /* the labels are for reading, not for drawing */
  l->inert_hit = labels_y;
  l->top = HEADER_H + GAP;
  l->bottom = MAX (l->top + 20, labels_y - 2);
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

  g_object_get (track_of (self), "note", &note, NULL);
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
update_accessible (OctaColumnEditor *base)
{
  OctaArpEditor *self = OCTA_ARP_EDITOR (base);
  OctaMidiPartTrack *track = track_of (self);
  guint cursor = cursor_of (self);
  g_autofree char *label = NULL;
  g_autofree char *description = NULL;

  if (track == NULL)
    {
      label = g_strdup (_("Arpeggiator sequence"));
      description = g_strdup (_("No track"));
    }
  else
    {
      g_autofree char *name = octa_part_track_dup_label (OCTA_PART_TRACK (track));
      g_autofree char *step = octa_arp_editor_dup_step_label (self, cursor);
      gboolean muted = octa_midi_part_track_get_arp_mute (track, cursor);
      gboolean past = cursor >= octa_midi_part_track_get_arp_length (track);

      /* Translators: "M5 arpeggiator sequence" */
      label = g_strdup_printf (_("%s arpeggiator sequence"), name);
      /* Translators: "Step 3: +7 G3, muted, past the length" */
      description = g_strdup_printf ("%s%s%s", step, muted ? _(", muted") : "",
                                     past ? _(", past the length") : "");
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

/* ---- editing ---------------------------------------------------------- */

static int
get_value (OctaColumnEditor *base,
           guint             step)
{
  return octa_midi_part_track_get_arp_note (track_of (OCTA_ARP_EDITOR (base)), step);
}

static void
set_value (OctaColumnEditor *base,
           guint             step,
           int               value)
{
  octa_midi_part_track_set_arp_note (track_of (OCTA_ARP_EDITOR (base)), step, value);
}

static void
toggle_mute (OctaColumnEditor *base,
             guint             step)
{
  OctaMidiPartTrack *track = track_of (OCTA_ARP_EDITOR (base));

  octa_midi_part_track_set_arp_mute (track, step, !octa_midi_part_track_get_arp_mute (track, step));
}

static void
nudge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  OctaArpEditor *self = OCTA_ARP_EDITOR (widget);
  OctaMidiPartTrack *track = track_of (self);
  guint cursor = cursor_of (self);
  int old, value;

  if (track == NULL)
    return;
  old = octa_midi_part_track_get_arp_note (track, cursor);
  /* a stored value out of the device's range starts again from the root */
  value = CLAMP ((in_range (old) ? old : 0) + g_variant_get_int32 (parameter),
                 -VALUE_MAX, VALUE_MAX);
  if (value != old)
    octa_midi_part_track_set_arp_note (track, cursor, value);
}

/* ---- drawing ---------------------------------------------------------- */

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
  OctaColumnEditor *base = BASE (self);
  int hover = octa_column_editor_get_hover (base);
  guint cursor = cursor_of (self);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  GdkRGBA fg, dim, faint, accent, rule, hatching;
  float centre_y;
  gboolean hc;
  guint length;
  OctaColumnLayout l;
  float labels_y;

  octa_column_editor_get_layout (base, &l);
  labels_y = l.flag_y - LABELS_H;
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
  centre_y = roundf (octa_column_y (&l, 0));

  octa_column_text (base, snapshot, "+63", l.x0 - 6, octa_column_y (&l, VALUE_MAX) + 5, 1, FALSE,
                    &dim);
  octa_column_text (base, snapshot, _("Root"), l.x0 - 6, centre_y, 1, FALSE, &dim);
  octa_column_text (base, snapshot, "−63", l.x0 - 6, octa_column_y (&l, -VALUE_MAX) - 5, 1, FALSE,
                    &dim);
  octa_column_text (base, snapshot, _("Plays"), l.x0 - 6, l.flag_y + MUTE_H / 2.0f, 1, FALSE, &dim);

  octa_column_fill (snapshot, &faint, l.x0, l.top, N_STEPS * l.col_w, l.bottom - l.top);
  for (guint i = 4; i < N_STEPS; i += 4)
    octa_column_fill (snapshot, &faint, roundf (l.x0 + i * l.col_w), l.top, 1, l.bottom - l.top);
  octa_column_fill (snapshot, &rule, l.x0, centre_y, N_STEPS * l.col_w, 1);

  if (track_of (self) == NULL)
    {
      octa_column_text (base, snapshot, _("Arpeggiator sequence"), PAD, HEADER_H / 2.0f, 0, TRUE,
                        &fg);
      octa_column_text (base, snapshot, _("No track"), l.x0 + N_STEPS * l.col_w / 2,
                        (l.top + l.bottom) / 2 - 12, 0.5f, FALSE, &dim);
      return;
    }

  length = octa_midi_part_track_get_arp_length (track_of (self));

  /* header: track, root, LEN, KEY, then the focused step */
  {
    g_autofree char *track = octa_part_track_dup_label (OCTA_PART_TRACK (track_of (self)));
    g_autofree char *title = g_strdup_printf (_("%s arp sequence"), track);
    g_autofree char *root = dup_note_name (self, 0);
    g_autofree char *step = octa_arp_editor_dup_step_label (self, cursor);
    g_autoptr(GString) info = g_string_new (NULL);
    int key = 0;

    g_object_get (track_of (self), "arp-key", &key, NULL);
    g_string_append_printf (info, _("Root %s · LEN %u"), root, length);
    /* the spec numbers the scales without naming them */
    if (key != 0)
      g_string_append_printf (info, _(" · KEY #%d"), key);
    g_string_append_printf (info, "  ·  %s", step);
    if (octa_midi_part_track_get_arp_mute (track_of (self), cursor))
      g_string_append (info, _(", muted"));
    octa_column_text (base, snapshot, title, PAD, HEADER_H / 2.0f, 0, TRUE, &fg);
    octa_column_text (base, snapshot, info->str, l.x0 + 4 * l.col_w, HEADER_H / 2.0f, 0, FALSE,
                      &dim);
  }

  if (hover >= 0 && hover < N_STEPS)
    octa_column_fill (snapshot, &faint, l.x0 + hover * l.col_w, l.top, l.col_w,
                      l.flag_y + MUTE_H - l.top);

  for (guint i = 0; i < N_STEPS; i++)
    {
      int offset = octa_midi_part_track_get_arp_note (track_of (self), i);
      gboolean muted = octa_midi_part_track_get_arp_mute (track_of (self), i);
      gboolean past = i >= length;
      float cx = l.x0 + (i + 0.5f) * l.col_w;
      float x = roundf (l.x0 + i * l.col_w) + 1;
      float w = roundf (l.x0 + (i + 1) * l.col_w) - x - 1;
      float y = roundf (octa_column_y (&l, offset));
      float fade = past ? 0.4f : 1.0f;
      GdkRGBA bar = accent, edge = accent, text = fg, text_dim = dim;
      g_autofree char *offset_text = format_offset (offset);
      g_autofree char *note_text = dup_note_name (self, offset);
      float dot_x = roundf (cx - DOT / 2.0f);
      float dot_y = roundf (l.flag_y + (MUTE_H - DOT) / 2.0f);
      GskRoundedRect dot;

      bar.alpha *= (muted ? 0.12f : 0.35f) * fade;
      edge.alpha *= (muted ? 0.45f : 1.0f) * fade;
      text.alpha *= fade;
      text_dim.alpha *= fade;

      if (y < centre_y)
        {
          octa_column_fill (snapshot, &bar, x, y, w, centre_y - y);
          octa_column_fill (snapshot, &edge, x, y, w, 2);
        }
      else if (y > centre_y)
        {
          octa_column_fill (snapshot, &bar, x, centre_y + 1, w, y - centre_y);
          octa_column_fill (snapshot, &edge, x, y - 1, w, 2);
        }
      else
        octa_column_fill (snapshot, &edge, x, centre_y - 1, w, 2);

      octa_column_text (base, snapshot, offset_text, cx, labels_y + 8, 0.5f, FALSE, &text);
      octa_column_text (base, snapshot, note_text, cx, labels_y + 22, 0.5f, FALSE, &text_dim);

      gsk_rounded_rect_init_from_rect (&dot, &GRAPHENE_RECT_INIT (dot_x, dot_y, DOT, DOT),
                                       DOT / 2.0f);
      if (muted)
        octa_column_outline (snapshot, &text_dim, dot_x, dot_y, DOT, DOT, 1.5f, DOT / 2.0f);
      else
        {
          gtk_snapshot_push_rounded_clip (snapshot, &dot);
          octa_column_fill (snapshot, &text, dot_x, dot_y, DOT, DOT);
          gtk_snapshot_pop (snapshot);
        }

      if (past)
        hatch (snapshot, &hatching, x - 1, l.top, w + 2, l.flag_y + MUTE_H - l.top);
    }

  /* where the sequence wraps */
  if (length < N_STEPS)
    {
      float x = roundf (l.x0 + length * l.col_w);

      for (float y = l.top; y < l.flag_y + MUTE_H; y += 6)
        octa_column_fill (snapshot, &rule, x, y, 1, 3);
    }

  if (gtk_widget_has_visible_focus (widget))
    octa_column_outline (snapshot, &accent, roundf (l.x0 + cursor * l.col_w) - 1, l.top - 3,
                         roundf (l.col_w) + 2, l.flag_y + MUTE_H - l.top + 5, 2, 4);
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
  OctaColumnLayout l;
  int column;

  if (track_of (self) == NULL || keyboard)
    return FALSE;
  octa_column_editor_get_layout (BASE (self), &l);
  column = octa_column_at (&l, x);
  if (column < 0 || column >= N_STEPS || y < l.top)
    return FALSE;

  if (y >= l.flag_hit)
    {
      text = octa_midi_part_track_get_arp_mute (track_of (self), column)
        ? g_strdup_printf (_("Step %d is muted — click to play it"), column + 1)
        : g_strdup_printf (_("Step %d plays — click to mute it"), column + 1);
      octa_column_editor_get_flag_bounds (BASE (self), column, &bounds);
    }
  else
    {
      g_autofree char *step = octa_arp_editor_dup_step_label (self, column);

      if ((guint) column >= octa_midi_part_track_get_arp_length (track_of (self)))
        text = g_strdup_printf (_("%s — past the arp LEN, not played"), step);
      else
        text = g_strdup_printf (_("%s — drag to draw"), step);
      octa_column_editor_get_column_bounds (BASE (self), column, &bounds);
    }
  gtk_tooltip_set_text (tooltip, text);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { bounds.origin.x, bounds.origin.y,
                                                       bounds.size.width, bounds.size.height });
  return TRUE;
}

/* ---- object ----------------------------------------------------------- */

static void
octa_arp_editor_class_init (OctaArpEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  OctaColumnEditorClass *editor_class = OCTA_COLUMN_EDITOR_CLASS (klass);

  widget_class->measure = octa_arp_editor_measure;
  widget_class->snapshot = octa_arp_editor_snapshot;

  editor_class->value_max = VALUE_MAX;
  editor_class->track_type = OCTA_TYPE_MIDI_PART_TRACK;
  editor_class->stroke_label = N_("Change arpeggiator sequence");
  editor_class->get_layout = get_layout;
  editor_class->get_value = get_value;
  editor_class->set_value = set_value;
  editor_class->toggle_flag = toggle_mute;
  editor_class->update_accessible = update_accessible;

  octa_column_editor_class_add_keys (widget_class, "arp", "toggle-mute", GDK_KEY_m);
  gtk_widget_class_install_action (widget_class, "arp.nudge", "i", nudge_action);

  gtk_widget_class_set_css_name (widget_class, "arpeditor");
}

static void
octa_arp_editor_init (OctaArpEditor *self)
{
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);
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
  g_return_val_if_fail (track_of (self) != NULL, NULL);
  g_return_val_if_fail (step < N_STEPS, NULL);

  offset = octa_midi_part_track_get_arp_note (track_of (self), step);
  offset_text = format_offset (offset);
  note = dup_note_name (self, offset);
  /* Translators: "Step 3: +7 G3" */
  return g_strdup_printf (_("Step %u: %s %s"), step + 1, offset_text, note);
}
