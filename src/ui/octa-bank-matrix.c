/* SPDX-License-Identifier: MIT */
#include <string.h>

#include <glib/gi18n.h>

#include "octa-bank-matrix.h"

/**
 * OctaBankMatrix:
 *
 * The sixteen banks by sixteen patterns of a project, one small square
 * each, like the device's bank and pattern keys lit with BANK or PTN held:
 * filled when the pattern holds trigs, an outline when it is empty, tinted
 * by the part it plays. The current pattern wears an accent ring and the
 * current bank's letter is bold.
 *
 * The cursor is where the keyboard is; clicking a square or pressing Enter
 * emits #OctaBankMatrix::pattern-activated.
 */

#define CELL     11
#define PITCH    12
#define LABEL_W  16
#define HEADER_H 14
#define PAD       3
#define NONE     G_MAXUINT

struct _OctaBankMatrix
{
  GtkWidget    parent_instance;

  OctaProject *project;
  OctaPattern *patterns[OCTA_MATRIX_SIZE][OCTA_MATRIX_SIZE];
  gulong       changed_handler;
  gulong       problems_handler;
  gulong       modified_handler;
  gboolean     unreadable[OCTA_MATRIX_SIZE];   /* hatched: the bank couldn't be read */
  gboolean     older[OCTA_MATRIX_SIZE];        /* ⊘: shown, but of an older format */

  /* per bank, the patterns with edits not yet on disk */
  guint16      unsaved[OCTA_MATRIX_SIZE];

  guint        cursor_bank;
  guint        cursor_pattern;
  guint        current_bank;
  guint        current_pattern;
  guint        hover_bank;
  guint        hover_pattern;
};

G_DEFINE_FINAL_TYPE (OctaBankMatrix, octa_bank_matrix, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_CURSOR_BANK,
  PROP_CURSOR_PATTERN,
  PROP_CURRENT_BANK,
  PROP_CURRENT_PATTERN,
  N_PROPS
};

enum {
  PATTERN_ACTIVATED,
  UNSAVED_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char bank_letters[] = "ABCDEFGHIJKLMNOP";

/* Parts 1…4 as 100/80/60/45 % of the foreground: a hint, never the only cue. */
static const float part_alpha[] = { 1.0f, 0.8f, 0.6f, 0.45f };

static const OctaTrigType occupancy_types[] = {
  OCTA_TRIG_TYPE_TRIGGER, OCTA_TRIG_TYPE_TRIGLESS, OCTA_TRIG_TYPE_LOCK, OCTA_TRIG_TYPE_ONESHOT,
  OCTA_TRIG_TYPE_RECORDER_1, OCTA_TRIG_TYPE_RECORDER_2, OCTA_TRIG_TYPE_RECORDER_3,
  OCTA_TRIG_TYPE_RECORDER_4,
};

static guint64
track_trig_steps (OctaPatternTrack *track)
{
  guint64 mask = 0;

  for (guint i = 0; i < G_N_ELEMENTS (occupancy_types); i++)
    if (octa_pattern_track_has_trig_type (track, occupancy_types[i]))
      mask |= octa_pattern_track_get_trig_mask (track, occupancy_types[i]);
  return mask;
}

/**
 * octa_ui_pattern_track_occupancy:
 * @pattern: a pattern
 *
 * Returns: one bit per track that holds a trig of any kind: bits 0…7 for
 *   T1…T8, bits 8…15 for M1…M8
 */
guint16
octa_ui_pattern_track_occupancy (OctaPattern *pattern)
{
  guint16 bits = 0;

  g_return_val_if_fail (OCTA_IS_PATTERN (pattern), 0);

  for (guint t = 0; t < 8; t++)
    {
      g_autoptr(OctaAudioPatternTrack) audio = octa_pattern_get_audio_track (pattern, t);
      g_autoptr(OctaMidiPatternTrack) midi = octa_pattern_get_midi_track (pattern, t);

      if (track_trig_steps (OCTA_PATTERN_TRACK (audio)) != 0)
        bits |= 1u << t;
      if (track_trig_steps (OCTA_PATTERN_TRACK (midi)) != 0)
        bits |= 1u << (t + 8);
    }
  return bits;
}

/**
 * octa_ui_pattern_count_trigs:
 * @pattern: a pattern
 *
 * Returns: how many steps of all sixteen tracks hold a trig of any kind
 *   (sample, note, trigless, lock, one-shot or recorder trig)
 */
guint
octa_ui_pattern_count_trigs (OctaPattern *pattern)
{
  guint n = 0;

  g_return_val_if_fail (OCTA_IS_PATTERN (pattern), 0);

  for (guint t = 0; t < 8; t++)
    {
      g_autoptr(OctaAudioPatternTrack) audio = octa_pattern_get_audio_track (pattern, t);
      g_autoptr(OctaMidiPatternTrack) midi = octa_pattern_get_midi_track (pattern, t);

      n += __builtin_popcountll (track_trig_steps (OCTA_PATTERN_TRACK (audio)));
      n += __builtin_popcountll (track_trig_steps (OCTA_PATTERN_TRACK (midi)));
    }
  return n;
}

/**
 * octa_ui_pattern_dup_part_label:
 * @pattern: a pattern
 *
 * Returns: (transfer full): the part the pattern plays, as "Part 2 TWO";
 *   an edited part carries the device's "*"
 */
char *
octa_ui_pattern_dup_part_label (OctaPattern *pattern)
{
  guint part = octa_pattern_get_part (pattern);
  g_autoptr(OctaPart) object = NULL;
  g_autofree char *name = NULL;

  if (part < 1 || part > 4)
    return g_strdup_printf (_("Part #%u"), part);
  object = octa_bank_get_part (octa_pattern_get_bank (pattern), part - 1);
  name = octa_part_dup_name (object);
  g_strstrip (name);
  return g_strdup_printf ("%s %u%s%s%s", _("Part"), part, name[0] ? " " : "", name,
                          octa_part_get_edited (object) ? "*" : "");
}

/**
 * octa_ui_pattern_dup_length_label:
 * @pattern: a pattern
 *
 * Returns: (transfer full): the master length, "64 steps", or "INF steps"
 *   for an endless per-track pattern
 */
char *
octa_ui_pattern_dup_length_label (OctaPattern *pattern)
{
  int mode = OCTA_SCALE_MODE_NORMAL;
  int length;

  g_object_get (pattern, "scale-mode", &mode, NULL);
  if (mode == OCTA_SCALE_MODE_PER_TRACK)
    g_object_get (pattern, "per-track-master-length", &length, NULL);
  else
    length = (int) octa_pattern_get_length (pattern);

  /* The PER TRACK master length stores INF as the largest u16. */
  if (length == 65535)
    return g_strdup (_("INF steps"));
  return g_strdup_printf (g_dngettext (NULL, "%d step", "%d steps", length), length);
}

/**
 * octa_ui_pattern_dup_summary:
 * @pattern: a pattern
 *
 * Returns: (transfer full): "B07 · Part 2 TWO · 64 steps · 43 trigs"
 */
char *
octa_ui_pattern_dup_summary (OctaPattern *pattern)
{
  g_autofree char *label = octa_pattern_dup_label (pattern);
  g_autofree char *part = octa_ui_pattern_dup_part_label (pattern);
  g_autofree char *length = octa_ui_pattern_dup_length_label (pattern);
  guint trigs = octa_ui_pattern_count_trigs (pattern);
  g_autofree char *count = NULL;

  if (trigs == 0)
    count = g_strdup (_("no trigs"));
  else
    count = g_strdup_printf (g_dngettext (NULL, "%u trig", "%u trigs", trigs), trigs);
  return g_strdup_printf ("%s · %s · %s · %s", label, part, length, count);
}

static char *
dup_cell_summary (OctaBankMatrix *self,
                  guint           bank,
                  guint           pattern)
{
  g_autofree char *summary = octa_ui_pattern_dup_summary (self->patterns[bank][pattern]);

  if (self->older[bank])
    /* Translators: the pattern's summary */
    return g_strdup_printf (_("%s · older format, read-only"), summary);
  if (!self->unreadable[bank])
    return g_steal_pointer (&summary);
  /* Translators: the bank's letter */
  return g_strdup_printf (_("Bank %c couldn't be read"), "ABCDEFGHIJKLMNOP"[bank]);
}

static void
update_accessible (OctaBankMatrix *self)
{
  g_autofree char *summary = NULL;

  if (self->project == NULL)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }
  summary = dup_cell_summary (self, self->cursor_bank, self->cursor_pattern);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary,
                                  -1);
}

static void
clear_unsaved (OctaBankMatrix *self)
{
  memset (self->unsaved, 0, sizeof self->unsaved);
}

static void
update_unsaved (OctaBankMatrix *self)
{
  if (self->project == NULL)
    return;
  for (guint b = 0; b < OCTA_MATRIX_SIZE; b++)
    self->unsaved[b] = octa_project_get_unsaved_patterns (self->project, b);
}

/**
 * octa_bank_matrix_get_unsaved:
 * @self: a matrix
 * @bank: a bank, 0…15
 *
 * Returns: the patterns of @bank (bit p for pattern p + 1) with edits not
 *   yet on disk
 */
guint16
octa_bank_matrix_get_unsaved (OctaBankMatrix *self,
                              guint           bank)
{
  g_return_val_if_fail (OCTA_IS_BANK_MATRIX (self), 0);
  g_return_val_if_fail (bank < OCTA_MATRIX_SIZE, 0);
  return self->unsaved[bank];
}

static void
project_changed_cb (OctaBankMatrix *self)
{
  update_unsaved (self);
  g_signal_emit (self, signals[UNSAVED_CHANGED], 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  update_accessible (self);
}

static void
update_unreadable (OctaBankMatrix *self)
{
  for (guint b = 0; b < OCTA_MATRIX_SIZE; b++)
    {
      g_autoptr(OctaBank) bank = self->project ? octa_project_get_bank (self->project, b) : NULL;

      self->unreadable[b] = bank != NULL && !octa_bank_get_readable (bank);
      self->older[b] = bank != NULL && octa_bank_get_read_only (bank) && !self->unreadable[b];
    }
}

static void
problems_changed_cb (OctaBankMatrix *self)
{
  update_unreadable (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  update_accessible (self);
}

/**
 * octa_bank_matrix_get_bank_unreadable:
 * @self: a matrix
 * @bank: 0…15
 *
 * Returns: whether @bank is drawn hatched: its file couldn't be read
 */
gboolean
octa_bank_matrix_get_bank_unreadable (OctaBankMatrix *self,
                                      guint           bank)
{
  g_return_val_if_fail (OCTA_IS_BANK_MATRIX (self), FALSE);
  g_return_val_if_fail (bank < OCTA_MATRIX_SIZE, FALSE);
  return self->unreadable[bank];
}

/**
 * octa_bank_matrix_get_bank_older:
 * @self: a matrix
 * @bank: 0…15
 *
 * Returns: whether @bank is of an older format, shown read-only (⊘)
 */
gboolean
octa_bank_matrix_get_bank_older (OctaBankMatrix *self,
                                 guint           bank)
{
  g_return_val_if_fail (OCTA_IS_BANK_MATRIX (self), FALSE);
  g_return_val_if_fail (bank < OCTA_MATRIX_SIZE, FALSE);
  return self->older[bank];
}

static void
clear_patterns (OctaBankMatrix *self)
{
  for (guint b = 0; b < OCTA_MATRIX_SIZE; b++)
    for (guint p = 0; p < OCTA_MATRIX_SIZE; p++)
      g_clear_object (&self->patterns[b][p]);
}

GtkWidget *
octa_bank_matrix_new (void)
{
  return g_object_new (OCTA_TYPE_BANK_MATRIX, NULL);
}

OctaProject *
octa_bank_matrix_get_project (OctaBankMatrix *self)
{
  g_return_val_if_fail (OCTA_IS_BANK_MATRIX (self), NULL);
  return self->project;
}

void
octa_bank_matrix_set_project (OctaBankMatrix *self,
                              OctaProject    *project)
{
  g_return_if_fail (OCTA_IS_BANK_MATRIX (self));
  g_return_if_fail (project == NULL || OCTA_IS_PROJECT (project));

  if (self->project == project)
    return;

  if (self->project != NULL)
    {
      g_clear_signal_handler (&self->changed_handler, self->project);
      g_clear_signal_handler (&self->problems_handler, self->project);
      g_clear_signal_handler (&self->modified_handler, self->project);
    }
  clear_patterns (self);
  g_set_object (&self->project, project);
  update_unreadable (self);

  if (project != NULL)
    {
      /* Every pattern object is kept: 256 small views, read at each draw. */
      for (guint b = 0; b < OCTA_MATRIX_SIZE; b++)
        {
          g_autoptr(OctaBank) bank = octa_project_get_bank (project, b);

          for (guint p = 0; p < OCTA_MATRIX_SIZE; p++)
            self->patterns[b][p] = octa_bank_get_pattern (bank, p);
        }
      self->changed_handler = g_signal_connect_swapped (project, "changed",
                                                        G_CALLBACK (project_changed_cb), self);
      self->problems_handler = g_signal_connect_swapped (project, "notify::n-problems",
                                                         G_CALLBACK (problems_changed_cb), self);
      /* a save leaves nothing unsaved */
      self->modified_handler = g_signal_connect_swapped (project, "notify::modified",
                                                         G_CALLBACK (project_changed_cb), self);
    }
  clear_unsaved (self);
  update_unsaved (self);
  g_signal_emit (self, signals[UNSAVED_CHANGED], 0);

  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

guint
octa_bank_matrix_get_cursor_bank (OctaBankMatrix *self)
{
  g_return_val_if_fail (OCTA_IS_BANK_MATRIX (self), 0);
  return self->cursor_bank;
}

guint
octa_bank_matrix_get_cursor_pattern (OctaBankMatrix *self)
{
  g_return_val_if_fail (OCTA_IS_BANK_MATRIX (self), 0);
  return self->cursor_pattern;
}

/**
 * octa_bank_matrix_set_cursor:
 * @self: a matrix
 * @bank: 0…15
 * @pattern: 0…15
 *
 * Moves the keyboard cursor; the pattern list follows its bank.
 */
void
octa_bank_matrix_set_cursor (OctaBankMatrix *self,
                             guint           bank,
                             guint           pattern)
{
  g_return_if_fail (OCTA_IS_BANK_MATRIX (self));
  g_return_if_fail (bank < OCTA_MATRIX_SIZE && pattern < OCTA_MATRIX_SIZE);

  g_object_freeze_notify (G_OBJECT (self));
  if (self->cursor_bank != bank)
    {
      self->cursor_bank = bank;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURSOR_BANK]);
    }
  if (self->cursor_pattern != pattern)
    {
      self->cursor_pattern = pattern;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURSOR_PATTERN]);
    }
  g_object_thaw_notify (G_OBJECT (self));
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * octa_bank_matrix_set_current:
 * @self: a matrix
 * @bank: 0…15, or %G_MAXUINT for none
 * @pattern: 0…15, or %G_MAXUINT for none
 *
 * Marks the pattern that is open; the cursor moves there too.
 */
void
octa_bank_matrix_set_current (OctaBankMatrix *self,
                              guint           bank,
                              guint           pattern)
{
  g_return_if_fail (OCTA_IS_BANK_MATRIX (self));

  if (bank >= OCTA_MATRIX_SIZE || pattern >= OCTA_MATRIX_SIZE)
    bank = pattern = NONE;

  g_object_freeze_notify (G_OBJECT (self));
  if (self->current_bank != bank)
    {
      self->current_bank = bank;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_BANK]);
    }
  if (self->current_pattern != pattern)
    {
      self->current_pattern = pattern;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_PATTERN]);
    }
  if (bank != NONE)
    octa_bank_matrix_set_cursor (self, bank, pattern);
  g_object_thaw_notify (G_OBJECT (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
octa_bank_matrix_get_current_bank (OctaBankMatrix *self)
{
  g_return_val_if_fail (OCTA_IS_BANK_MATRIX (self), NONE);
  return self->current_bank;
}

guint
octa_bank_matrix_get_current_pattern (OctaBankMatrix *self)
{
  g_return_val_if_fail (OCTA_IS_BANK_MATRIX (self), NONE);
  return self->current_pattern;
}

/**
 * octa_bank_matrix_activate_cursor:
 * @self: a matrix
 *
 * Opens the pattern under the cursor, as Enter does.
 */
void
octa_bank_matrix_activate_cursor (OctaBankMatrix *self)
{
  g_return_if_fail (OCTA_IS_BANK_MATRIX (self));

  if (self->project == NULL)
    return;
  g_signal_emit (self, signals[PATTERN_ACTIVATED], 0, self->cursor_bank, self->cursor_pattern);
}

static void
cell_origin (guint   bank,
             guint   pattern,
             float  *x,
             float  *y)
{
  *x = PAD + LABEL_W + pattern * PITCH;
  *y = PAD + HEADER_H + bank * PITCH;
}

static gboolean
hit_test (OctaBankMatrix *self,
          double          x,
          double          y,
          guint          *bank,
          guint          *pattern)
{
  double cx = x - PAD - LABEL_W;
  double cy = y - PAD - HEADER_H;

  if (cx < 0 || cy < 0)
    return FALSE;
  if (cx >= OCTA_MATRIX_SIZE * PITCH || cy >= OCTA_MATRIX_SIZE * PITCH)
    return FALSE;
  *pattern = (guint) (cx / PITCH);
  *bank = (guint) (cy / PITCH);
  return TRUE;
}

static void
octa_bank_matrix_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = 2 * PAD + LABEL_W + OCTA_MATRIX_SIZE * PITCH - 1;
  else
    *minimum = *natural = 2 * PAD + HEADER_H + OCTA_MATRIX_SIZE * PITCH - 1;
}

static PangoLayout *
make_label (OctaBankMatrix *self,
            const char     *text,
            gboolean        bold)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attrs = pango_attr_list_new ();

  /* caption size: about 80 % of the body text */
  pango_attr_list_insert (attrs, pango_attr_scale_new (0.8));
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
  if (bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  return layout;
}

static void
draw_label (OctaBankMatrix *self,
            GtkSnapshot    *snapshot,
            const char     *text,
            gboolean        bold,
            float           center_x,
            float           center_y,
            const GdkRGBA  *color)
{
  g_autoptr(PangoLayout) layout = make_label (self, text, bold);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT (roundf (center_x - w / 2.0f),
                                                roundf (center_y - h / 2.0f)));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
draw_ring (GtkSnapshot   *snapshot,
           float          x,
           float          y,
           const GdkRGBA *color)
{
  GskRoundedRect ring;
  const float widths[4] = { 2, 2, 2, 2 };
  const GdkRGBA colors[4] = { *color, *color, *color, *color };

  gsk_rounded_rect_init_from_rect (&ring, &GRAPHENE_RECT_INIT (x - 2, y - 2, CELL + 4, CELL + 4),
                                   4);
  gtk_snapshot_append_border (snapshot, &ring, widths, colors);
}

static void
draw_warning_sign (OctaBankMatrix *self,
                   GtkSnapshot    *snapshot,
                   const char     *sign,
                   float           center_x,
                   float           center_y,
                   const GdkRGBA  *color)
{
  g_autoptr(PangoLayout) layout = make_label (self, sign, TRUE);
  PangoAttrList *attrs = pango_attr_list_new ();
  int w, h;

  pango_attr_list_insert (attrs, pango_attr_scale_new (0.7));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_get_pixel_size (layout, &w, &h);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT (roundf (center_x - w / 2.0f),
                                                roundf (center_y - h / 2.0f)));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

/* Hatched: an outline crossed by diagonal strokes, so the state does not
 * rest on colour alone. */
static void
draw_hatched (GtkSnapshot          *snapshot,
              const GskRoundedRect *rect,
              const GdkRGBA        *fg)
{
  const float widths[4] = { 1, 1, 1, 1 };
  GdkRGBA line = *fg;
  GdkRGBA colors[4];
  cairo_t *cr;
  float x = rect->bounds.origin.x, y = rect->bounds.origin.y;

  line.alpha *= 0.6f;
  colors[0] = colors[1] = colors[2] = colors[3] = line;
  gtk_snapshot_append_border (snapshot, rect, widths, colors);

  cr = gtk_snapshot_append_cairo (snapshot, &rect->bounds);
  cairo_rectangle (cr, x + 1, y + 1, CELL - 2, CELL - 2);
  cairo_clip (cr);
  gdk_cairo_set_source_rgba (cr, &line);
  cairo_set_line_width (cr, 1);
  for (int d = -CELL; d < CELL; d += 4)
    {
      cairo_move_to (cr, x + d, y + CELL);
      cairo_line_to (cr, x + d + CELL, y);
    }
  cairo_stroke (cr);
  cairo_destroy (cr);
}

static void
octa_bank_matrix_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  OctaBankMatrix *self = OCTA_BANK_MATRIX (widget);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  GdkRGBA fg, dim, accent, focus, warning;
  static const guint numbered[] = { 1, 5, 9, 13, 16 };

  gtk_style_context_get_color (context, &fg);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_style_context_lookup_color (context, "accent_color", &accent))
    gdk_rgba_parse (&accent, "#3584e4");
  if (!gtk_style_context_lookup_color (context, "warning_color", &warning))
    gdk_rgba_parse (&warning, "#9c6e03");
  G_GNUC_END_IGNORE_DEPRECATIONS
  dim = fg;
  dim.alpha *= 0.55f;
  focus = accent;
  focus.alpha *= 0.5f;

  for (guint i = 0; i < G_N_ELEMENTS (numbered); i++)
    {
      char text[4];
      float x, y;

      g_snprintf (text, sizeof text, "%u", numbered[i]);
      cell_origin (0, numbered[i] - 1, &x, &y);
      draw_label (self, snapshot, text, FALSE, x + CELL / 2.0f, PAD + HEADER_H / 2.0f - 1, &dim);
    }

  for (guint b = 0; b < OCTA_MATRIX_SIZE; b++)
    {
      char letter[2] = { bank_letters[b], 0 };
      gboolean current = b == self->current_bank;
      float x, y;

      cell_origin (b, 0, &x, &y);
      if (self->unreadable[b] || self->older[b])
        {
          /* ⚠ (or ⊘ for an older format) by the letter, which stays readable */
          draw_label (self, snapshot, letter, current, PAD + LABEL_W / 2.0f - 5, y + CELL / 2.0f,
                      self->unreadable[b] ? &warning : &fg);
          draw_warning_sign (self, snapshot, self->unreadable[b] ? "⚠" : "⊘",
                             PAD + LABEL_W / 2.0f + 3, y + CELL / 2.0f,
                             self->unreadable[b] ? &warning : &dim);
        }
      else
        draw_label (self, snapshot, letter, current, PAD + LABEL_W / 2.0f - 1, y + CELL / 2.0f,
                    current ? &fg : &dim);
    }

  for (guint b = 0; b < OCTA_MATRIX_SIZE; b++)
    for (guint p = 0; p < OCTA_MATRIX_SIZE; p++)
      {
        OctaPattern *pattern = self->patterns[b][p];
        guint part = pattern ? octa_pattern_get_part (pattern) : 1;
        float alpha = part_alpha[CLAMP (part, 1, 4) - 1];
        GskRoundedRect rect;
        GdkRGBA color = fg;
        float x, y;

        cell_origin (b, p, &x, &y);
        gsk_rounded_rect_init_from_rect (&rect, &GRAPHENE_RECT_INIT (x, y, CELL, CELL), 2);

        if (self->unreadable[b])
          draw_hatched (snapshot, &rect, &fg);
        else if (pattern != NULL && octa_pattern_get_has_trigs (pattern))
          {
            color.alpha *= alpha;
            gtk_snapshot_push_rounded_clip (snapshot, &rect);
            gtk_snapshot_append_color (snapshot, &color, &rect.bounds);
            gtk_snapshot_pop (snapshot);
          }
        else
          {
            const float widths[4] = { 1, 1, 1, 1 };
            GdkRGBA colors[4];

            color.alpha *= alpha * 0.45f;
            colors[0] = colors[1] = colors[2] = colors[3] = color;
            gtk_snapshot_append_border (snapshot, &rect, widths, colors);
          }

        if (self->unsaved[b] & (1u << p))
          {
            /* inner dot: unsaved edits, cut out of a filled cell */
            GskRoundedRect dot;
            GdkRGBA ink = accent;

            gsk_rounded_rect_init_from_rect (&dot, &GRAPHENE_RECT_INIT (x + CELL / 2.0f - 2,
                                                                        y + CELL / 2.0f - 2,
                                                                        4, 4), 2);
            if (pattern != NULL && octa_pattern_get_has_trigs (pattern))
              {
                G_GNUC_BEGIN_IGNORE_DEPRECATIONS
                if (!gtk_style_context_lookup_color (context, "window_bg_color", &ink))
                  gdk_rgba_parse (&ink, "#ffffff");
                G_GNUC_END_IGNORE_DEPRECATIONS
              }
            gtk_snapshot_push_rounded_clip (snapshot, &dot);
            gtk_snapshot_append_color (snapshot, &ink, &dot.bounds);
            gtk_snapshot_pop (snapshot);
          }

        if (b == self->hover_bank && p == self->hover_pattern)
          {
            GdkRGBA hover = fg;

            hover.alpha *= 0.12f;
            gtk_snapshot_push_rounded_clip (snapshot, &rect);
            gtk_snapshot_append_color (snapshot, &hover, &rect.bounds);
            gtk_snapshot_pop (snapshot);
          }
      }

  if (self->current_bank != NONE)
    {
      float x, y;

      cell_origin (self->current_bank, self->current_pattern, &x, &y);
      draw_ring (snapshot, x, y, &accent);
    }

  if (gtk_widget_has_visible_focus (widget) &&
      (self->cursor_bank != self->current_bank || self->cursor_pattern != self->current_pattern))
    {
      float x, y;

      cell_origin (self->cursor_bank, self->cursor_pattern, &x, &y);
      draw_ring (snapshot, x, y, &focus);
    }
}

static void
set_hover (OctaBankMatrix *self,
           guint           bank,
           guint           pattern)
{
  if (self->hover_bank == bank && self->hover_pattern == pattern)
    return;
  self->hover_bank = bank;
  self->hover_pattern = pattern;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           OctaBankMatrix           *self)
{
  guint bank, pattern;

  if (self->project != NULL && hit_test (self, x, y, &bank, &pattern))
    set_hover (self, bank, pattern);
  else
    set_hover (self, NONE, NONE);
}

static void
leave_cb (GtkEventControllerMotion *controller,
          OctaBankMatrix           *self)
{
  set_hover (self, NONE, NONE);
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            OctaBankMatrix  *self)
{
  guint bank, pattern;

  if (self->project == NULL || !hit_test (self, x, y, &bank, &pattern))
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_grab_focus (GTK_WIDGET (self));
  octa_bank_matrix_set_cursor (self, bank, pattern);
  octa_bank_matrix_activate_cursor (self);
}

static gboolean
query_tooltip_cb (GtkWidget      *widget,
                  int             x,
                  int             y,
                  gboolean        keyboard,
                  GtkTooltip     *tooltip,
                  OctaBankMatrix *self)
{
  g_autofree char *summary = NULL;
  guint bank, pattern;
  float cx, cy;

  if (self->project == NULL)
    return FALSE;
  if (keyboard)
    {
      bank = self->cursor_bank;
      pattern = self->cursor_pattern;
    }
  else if (!hit_test (self, x, y, &bank, &pattern))
    return FALSE;

  summary = dup_cell_summary (self, bank, pattern);
  gtk_tooltip_set_text (tooltip, summary);
  cell_origin (bank, pattern, &cx, &cy);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int) cx, (int) cy, CELL, CELL });
  return TRUE;
}

static void
move_cursor_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  OctaBankMatrix *self = OCTA_BANK_MATRIX (widget);
  int dbank, dpattern;
  int bank, pattern;

  g_variant_get (parameter, "(ii)", &dbank, &dpattern);
  bank = CLAMP ((int) self->cursor_bank + dbank, 0, OCTA_MATRIX_SIZE - 1);
  pattern = CLAMP ((int) self->cursor_pattern + dpattern, 0, OCTA_MATRIX_SIZE - 1);
  octa_bank_matrix_set_cursor (self, bank, pattern);
}

static void
activate_cursor_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  octa_bank_matrix_activate_cursor (OCTA_BANK_MATRIX (widget));
}

static void
focus_changed_cb (OctaBankMatrix *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
octa_bank_matrix_dispose (GObject *object)
{
  OctaBankMatrix *self = OCTA_BANK_MATRIX (object);

  if (self->project != NULL)
    {
      g_clear_signal_handler (&self->changed_handler, self->project);
      g_clear_signal_handler (&self->problems_handler, self->project);
      g_clear_signal_handler (&self->modified_handler, self->project);
    }
  clear_patterns (self);
  clear_unsaved (self);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (octa_bank_matrix_parent_class)->dispose (object);
}

static void
octa_bank_matrix_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  OctaBankMatrix *self = OCTA_BANK_MATRIX (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_CURSOR_BANK:
      g_value_set_uint (value, self->cursor_bank);
      break;
    case PROP_CURSOR_PATTERN:
      g_value_set_uint (value, self->cursor_pattern);
      break;
    case PROP_CURRENT_BANK:
      g_value_set_uint (value, self->current_bank);
      break;
    case PROP_CURRENT_PATTERN:
      g_value_set_uint (value, self->current_pattern);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
octa_bank_matrix_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  OctaBankMatrix *self = OCTA_BANK_MATRIX (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      octa_bank_matrix_set_project (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_move_binding (GtkWidgetClass  *widget_class,
                  guint            keyval,
                  GdkModifierType  mods,
                  int              dbank,
                  int              dpattern)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, mods,
                                       "matrix.move-cursor", "(ii)", dbank, dpattern);
}

static void
octa_bank_matrix_class_init (OctaBankMatrixClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = octa_bank_matrix_dispose;
  object_class->get_property = octa_bank_matrix_get_property;
  object_class->set_property = octa_bank_matrix_set_property;

  widget_class->measure = octa_bank_matrix_measure;
  widget_class->snapshot = octa_bank_matrix_snapshot;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, OCTA_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURSOR_BANK] =
    g_param_spec_uint ("cursor-bank", NULL, NULL, 0, OCTA_MATRIX_SIZE - 1, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURSOR_PATTERN] =
    g_param_spec_uint ("cursor-pattern", NULL, NULL, 0, OCTA_MATRIX_SIZE - 1, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURRENT_BANK] =
    g_param_spec_uint ("current-bank", NULL, NULL, 0, G_MAXUINT, NONE,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURRENT_PATTERN] =
    g_param_spec_uint ("current-pattern", NULL, NULL, 0, G_MAXUINT, NONE,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * OctaBankMatrix::pattern-activated:
   * @self: the matrix
   * @bank: 0…15
   * @pattern: 0…15
   *
   * Emitted when a square is clicked or Enter is pressed on the cursor.
   */
  /**
   * OctaBankMatrix::unsaved-changed:
   *
   * The set of patterns with unsaved edits may have changed.
   */
  signals[UNSAVED_CHANGED] =
    g_signal_new ("unsaved-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  signals[PATTERN_ACTIVATED] =
    g_signal_new ("pattern-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_install_action (widget_class, "matrix.move-cursor", "(ii)", move_cursor_action);
  gtk_widget_class_install_action (widget_class, "matrix.activate-cursor", NULL,
                                   activate_cursor_action);

  add_move_binding (widget_class, GDK_KEY_Up, 0, -1, 0);
  add_move_binding (widget_class, GDK_KEY_KP_Up, 0, -1, 0);
  add_move_binding (widget_class, GDK_KEY_Down, 0, 1, 0);
  add_move_binding (widget_class, GDK_KEY_KP_Down, 0, 1, 0);
  add_move_binding (widget_class, GDK_KEY_Left, 0, 0, -1);
  add_move_binding (widget_class, GDK_KEY_KP_Left, 0, 0, -1);
  add_move_binding (widget_class, GDK_KEY_Right, 0, 0, 1);
  add_move_binding (widget_class, GDK_KEY_KP_Right, 0, 0, 1);
  add_move_binding (widget_class, GDK_KEY_Home, 0, 0, -OCTA_MATRIX_SIZE);
  add_move_binding (widget_class, GDK_KEY_End, 0, 0, OCTA_MATRIX_SIZE);
  add_move_binding (widget_class, GDK_KEY_Home, GDK_CONTROL_MASK, -OCTA_MATRIX_SIZE,
                    -OCTA_MATRIX_SIZE);
  add_move_binding (widget_class, GDK_KEY_End, GDK_CONTROL_MASK, OCTA_MATRIX_SIZE,
                    OCTA_MATRIX_SIZE);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0,
                                       "matrix.activate-cursor", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0,
                                       "matrix.activate-cursor", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0,
                                       "matrix.activate-cursor", NULL);

  gtk_widget_class_set_css_name (widget_class, "bankmatrix");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
octa_bank_matrix_init (OctaBankMatrix *self)
{
  GtkEventController *motion;
  GtkGesture *click;

  self->current_bank = self->current_pattern = NONE;
  self->hover_bank = self->hover_pattern = NONE;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_CENTER);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);
  g_signal_connect_swapped (self, "notify::has-focus", G_CALLBACK (focus_changed_cb), self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Banks and patterns"),
                                  -1);
}
