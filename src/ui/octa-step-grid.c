/* SPDX-License-Identifier: MIT */
#ifndef G_LOG_DOMAIN
#define G_LOG_DOMAIN "octa-ui"
#endif

#include <math.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "octa-plock-names.h"
#include "octa-sample-slot.h"
#include "octa-css.h"
#include "octa-step-grid.h"
#include "octa-step-grid-private.h"
#include "octa-step-inspector.h"

/**
 * OctaStepGrid:
 *
 * The step sequencer: 8 audio and 8 MIDI tracks of a pattern, one page of
 * 16 steps or all 64 at once, drawn cell by cell in snapshot (GTK 4.8 list
 * views have no per-cell focus, and drawing keeps a redraw under a frame).
 *
 * The grid never keeps a step object per cell: it copies what it draws into
 * plain arrays, refreshed from the tracks whenever the project says it
 * changed, and holds an #OctaStep only for the focused step.
 */

#define N_ROWS        OCTA_STEP_GRID_N_ROWS
#define N_STEPS       64
#define N_KINDS       (OCTA_TRIG_TYPE_MIDI_UNKNOWN + 1)
#define HEADER_WIDTH  132
#define NUMBER_ROW    20
#define ROW_HEIGHT    28
#define ROW_GAP       2
#define HALF_GAP      8
#define PAD_END       8
#define CLIP_MIME     "application/x-octadesk-steps"
#define LOCK_NONE     0xFF

#define BIT(s) (G_GUINT64_CONSTANT (1) << (s))
#define TRIG_KINDS_MASK ((1u << OCTA_TRIG_TYPE_TRIGGER) | (1u << OCTA_TRIG_TYPE_TRIGLESS) | \
                         (1u << OCTA_TRIG_TYPE_LOCK) | (1u << OCTA_TRIG_TYPE_ONESHOT))
#define RECORDER_KINDS_MASK ((1u << OCTA_TRIG_TYPE_RECORDER_1) | \
                             (1u << OCTA_TRIG_TYPE_RECORDER_2) | \
                             (1u << OCTA_TRIG_TYPE_RECORDER_3) | \
                             (1u << OCTA_TRIG_TYPE_RECORDER_4))

G_DEFINE_ENUM_TYPE (OctaStepGridLayer, octa_step_grid_layer,
  G_DEFINE_ENUM_VALUE (OCTA_STEP_GRID_LAYER_TRIGS, "trigs"),
  G_DEFINE_ENUM_VALUE (OCTA_STEP_GRID_LAYER_SWING, "swing"),
  G_DEFINE_ENUM_VALUE (OCTA_STEP_GRID_LAYER_SLIDE, "slide"),
  G_DEFINE_ENUM_VALUE (OCTA_STEP_GRID_LAYER_REC, "rec"))

typedef struct
{
  int cell;
  int gap;
  int extra;     /* added after every 4th step */
  int page_gap;  /* between pages in All view */
  int radius;
} Metrics;

static const Metrics page_metrics = { 32, 2, 4, 0, 6 };
static const Metrics all_metrics = { 14, 1, 2, 8, 3 };

typedef struct
{
  OctaPatternTrack   *track;
  OctaPartTrack      *part_track;
  gboolean            midi;
  guint64             masks[N_KINDS];
  guint8              locks[N_STEPS];      /* locks other than the sample lock */
  guint8              sample[N_STEPS];     /* sample lock as the device numbers it, 0 = none */
  guint8              condition[N_STEPS];
  gint8               micro[N_STEPS];
  guint8              repeats[N_STEPS];
  guint64             details_valid;       /* steps whose arrays above are read */
  guint               length;
  guint               scale;
  guint               swing;               /* 0…30 = 50…80 % */
  OctaTrackSound      sound;
  guint               slot;                /* the part's slot for the machine, 0 = none */
  guint               channel;             /* MIDI channel 1…16 */
  guint               note;                /* MIDI default note */
  guint64             unsaved;             /* steps differing from the disk, when shown */
} Row;

/* The clipboard: a rectangle of steps with everything they hold. */
typedef enum
{
  CLIP_STEPS,
  CLIP_TRACK,
  CLIP_PAGE,
  CLIP_PATTERN,
} ClipKind;

typedef struct
{
  guint16 kinds;
  guint8  locks[OCTA_PLOCK_PARAMS];
  guint8  repeats;
  gint8   micro;
  guint8  condition;
} ClipCell;

#define N_TRACK_SETTINGS 8
#define N_PATTERN_SETTINGS 7

static const char *const track_setting_names[N_TRACK_SETTINGS] = {
  "length", "scale", "swing-amount", "start-silent", "plays-free", "trig-mode",
  "trig-quantization", "oneshot",
};

static const char *const pattern_setting_names[N_PATTERN_SETTINGS - 1] = {
  "length", "scale", "scale-mode", "per-track-master-length", "per-track-master-scale", "part",
};

typedef struct
{
  ClipKind  kind;
  guint     n_rows;
  guint     n_steps;
  gboolean  midi[N_ROWS];
  ClipCell *cells;
  gboolean  has_settings;
  gint      settings[N_ROWS][N_TRACK_SETTINGS];
  gboolean  has_pattern;
  gint      pattern[N_PATTERN_SETTINGS];   /* the last is the tempo × 24 */
} Clip;

/* What removing trigs took with them, for the toast. */
typedef struct
{
  guint trigs;
  guint locks;
  guint settings;
} Dropped;

typedef enum
{
  FONT_MARK,
  FONT_NUMBER,
  FONT_NUMBER_BOLD,
  FONT_TRACK,
  FONT_SMALL,
  FONT_BADGE,
  FONT_GLYPH,
  FONT_PILL,
  FONT_MARK_SMALL,
  N_FONTS
} FontKind;

typedef struct
{
  GdkRGBA fg;
  GdkRGBA accent;
  GdkRGBA accent_bg;
  GdkRGBA trig;
  GdkRGBA trigless;
  GdkRGBA oneshot;
  GdkRGBA oneshot_edge;
  gboolean edge;
  gboolean high_contrast;
} Palette;

struct _OctaStepGrid
{
  GtkWidget          parent_instance;

  OctaPattern       *pattern;
  OctaProject       *project;
  OctaPart          *part;
  gulong             changed_id;
  gulong             modified_id;
  Row                rows[N_ROWS];
  guint              pattern_length;
  OctaScaleMode      scale_mode;
  guint              master_length;
  gboolean           empty;

  guint              page;
  gboolean           view_all;
  gboolean           colorblind;
  gboolean           show_unsaved;
  OctaStepGridLayer  layer;
  guint              cursor_row;
  guint              cursor_step;
  gboolean           has_selection;
  guint              anchor_row;
  guint              anchor_step;
  guint              told_rect[4];
  gboolean           told_selection;
  int                hover_row;
  int                hover_step;
  OctaStep          *step;
  char              *readout;
  gboolean           step_flags[4];
  guint              step_condition;
  guint              step_repeats;

  /* mouse */
  int                press_row;
  int                press_step;
  gboolean           press_handled;
  double             drag_x;
  double             drag_y;
  gboolean           band;
  gboolean           stroke_active;
  gboolean           stroke_on;
  int                stroke_row;
  int                stroke_last;
  Dropped            stroke_dropped;

  GtkAdjustment     *hadjustment;
  GtkAdjustment     *vadjustment;
  guint              hscroll_policy : 1;
  guint              vscroll_policy : 1;

  /* a sample slot dragged over a cell (step ≥ 0) or a track header (-1) */
  int                drop_row;
  int                drop_step;
  gboolean           drop_ok;

  GHashTable        *layouts;
  guint              details_idle;
  GtkWidget         *menu;
  GtkWidget         *picker;
};

static void octa_step_grid_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (OctaStepGrid, octa_step_grid, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE,
                                                      octa_step_grid_scrollable_init))

enum {
  PROP_0,
  PROP_PATTERN,
  PROP_PAGE,
  PROP_VIEW_ALL,
  PROP_LAYER,
  PROP_CURSOR_TRACK,
  PROP_CURSOR_STEP,
  PROP_STEP,
  PROP_READOUT,
  PROP_STEP_ONESHOT,
  PROP_STEP_SWING,
  PROP_STEP_SLIDE,
  PROP_STEP_RECORDER,
  PROP_STEP_CONDITION,
  PROP_STEP_REPEATS,
  PROP_COLORBLIND,
  PROP_SHOW_UNSAVED,
  N_PROPS,
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

enum {
  STEP_SELECTED,
  SELECTION_CHANGED,
  INSPECT,
  TRACK_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];
static Clip *clip_buffer;

static void refresh_all    (OctaStepGrid *self);
static void update_readout (OctaStepGrid *self);
static void update_focus   (OctaStepGrid *self,
                            gboolean      force);
static void paste_clip     (OctaStepGrid *self,
                            const Clip   *clip);

/* {{{ Styling */

void
_octa_grid_ensure_css (void)
{
  octa_css_ensure (OCTA_GRID_RESOURCE_PATH "grid.css");
}

static void
lookup_color (GtkStyleContext *context,
              const char      *name,
              const char      *fallback,
              GdkRGBA         *color)
{
  if (!gtk_style_context_lookup_color (context, name, color))
    gdk_rgba_parse (color, fallback);
}

/* The trig hues are named colours that the application style sheets may
 * define (octa_trig, octa_trigless, octa_oneshot); without them the grid
 * uses the guide's device palette for the current scheme. */
static void
palette_init (GtkWidget *widget,
              gboolean   colorblind,
              Palette   *pal)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  AdwStyleManager *manager = adw_style_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (manager);

  gtk_style_context_get_color (context, &pal->fg);
  lookup_color (context, "accent_color", dark ? "#78aeed" : "#1c71d8", &pal->accent);
  lookup_color (context, "accent_bg_color", dark ? "#3584e4" : "#3584e4", &pal->accent_bg);
  lookup_color (context, "octa_trig", dark ? "#f66151" : "#c01c28", &pal->trig);
  lookup_color (context, "octa_trigless", dark ? "#57e389" : "#26a269", &pal->trigless);
  lookup_color (context, "octa_oneshot", dark ? "#f6d32d" : "#e5a50a", &pal->oneshot);
  lookup_color (context, "octa_oneshot_edge", "#865e3c", &pal->oneshot_edge);
  pal->high_contrast = adw_style_manager_get_high_contrast (manager);
  pal->edge = !dark;

  /* Okabe–Ito; the shapes stay, so neither palette carries the meaning */
  if (colorblind)
    {
      lookup_color (context, "octa_trig_colorblind", "#D55E00", &pal->trig);
      lookup_color (context, "octa_trigless_colorblind", "#009E73", &pal->trigless);
      lookup_color (context, "octa_oneshot_colorblind", "#F0E442", &pal->oneshot);
      pal->edge = TRUE;
    }
}

static GdkRGBA
with_alpha (const GdkRGBA *color,
            float          alpha)
{
  GdkRGBA c = *color;

  c.alpha *= alpha;
  return c;
}

/* }}} */
/* {{{ Text */

static void
font_for_kind (OctaStepGrid         *self,
               FontKind              kind,
               PangoFontDescription *desc)
{
  /* relative to the widget's font, so text scaling applies; marks come out
   * near 7 pt with Adwaita's 11 pt, small enough for three rows in 28 px */
  static const double factors[N_FONTS] = { 0.62, 0.8, 0.8, 1.0, 0.8, 0.7, 1.1, 0.56, 0.54 };
  gint size = pango_font_description_get_size (desc);

  if (size <= 0)
    size = 10 * PANGO_SCALE;
  size = (gint) (size * factors[kind]);
  if (pango_font_description_get_size_is_absolute (desc))
    pango_font_description_set_absolute_size (desc, size);
  else
    pango_font_description_set_size (desc, size);
  if (kind == FONT_NUMBER_BOLD || kind == FONT_TRACK || kind == FONT_BADGE || kind == FONT_PILL)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
}

/* Layouts are cached per string: the same few marks ("FILL", "³", "×2")
 * repeat over hundreds of cells. */
static PangoLayout *
get_layout (OctaStepGrid *self,
            FontKind      kind,
            const char   *markup)
{
  g_autofree char *key = g_strdup_printf ("%d|%s", kind, markup);
  PangoLayout *layout = g_hash_table_lookup (self->layouts, key);
  PangoFontDescription *desc;
  PangoAttrList *attrs;

  if (layout != NULL)
    return layout;

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  pango_layout_set_markup (layout, markup, -1);
  desc = pango_context_get_font_description (pango_layout_get_context (layout));
  desc = pango_font_description_copy (desc);
  font_for_kind (self, kind, desc);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);

  attrs = pango_layout_get_attributes (layout);
  attrs = attrs != NULL ? pango_attr_list_copy (attrs) : pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  g_hash_table_insert (self->layouts, g_steal_pointer (&key), layout);
  return layout;
}

static void
draw_text (OctaStepGrid  *self,
           GtkSnapshot   *snapshot,
           FontKind       kind,
           const char    *markup,
           double         x,
           double         y,
           float          xalign,
           float          yalign,
           const GdkRGBA *color)
{
  PangoLayout *layout = get_layout (self, kind, markup);
  PangoRectangle ink, logical;

  /* horizontally by the advance, vertically by the ink, so small marks sit
   * tight against the cell's edges */
  pango_layout_get_pixel_extents (layout, &ink, &logical);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT (round (x - xalign * logical.width),
                                                round (y - ink.y - yalign * ink.height)));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static int
text_width (OctaStepGrid *self,
            FontKind      kind,
            const char   *markup)
{
  PangoRectangle logical;

  pango_layout_get_pixel_extents (get_layout (self, kind, markup), NULL, &logical);
  return logical.width;
}

static char *
condition_markup (guint condition)
{
  const char *text = octa_trig_condition_to_string (condition);

  /* The device draws a negation as an overline, not as "!" */
  if (text[0] == '!')
    return g_markup_printf_escaped ("<span overline=\"single\">%s</span>", text + 1);
  return g_markup_escape_text (text, -1);
}

/* }}} */
/* {{{ Geometry */

static const Metrics *
metrics (OctaStepGrid *self)
{
  return self->view_all ? &all_metrics : &page_metrics;
}

static int
page_width (const Metrics *m)
{
  return 16 * m->cell + 15 * m->gap + 3 * m->extra;
}

static int
steps_width (OctaStepGrid *self)
{
  const Metrics *m = metrics (self);

  return self->view_all ? 4 * page_width (m) + 3 * m->page_gap : page_width (m);
}

static int
content_height (void)
{
  return NUMBER_ROW + N_ROWS * (ROW_HEIGHT + ROW_GAP) + HALF_GAP;
}

static int
step_x (OctaStepGrid *self,
        guint         step)
{
  const Metrics *m = metrics (self);
  guint i = step % 16;
  int x = i * (m->cell + m->gap) + (i / 4) * m->extra;

  if (self->view_all)
    x += (step / 16) * (page_width (m) + m->page_gap);
  return x;
}

static int
row_y (guint row)
{
  return NUMBER_ROW + row * (ROW_HEIGHT + ROW_GAP) + (row >= 8 ? HALF_GAP : 0);
}

static gboolean
step_visible (OctaStepGrid *self,
              guint         step)
{
  return self->view_all || step / 16 == self->page;
}

static double
scroll_x (OctaStepGrid *self)
{
  return self->hadjustment != NULL ? gtk_adjustment_get_value (self->hadjustment) : 0;
}

static double
scroll_y (OctaStepGrid *self)
{
  return self->vadjustment != NULL ? gtk_adjustment_get_value (self->vadjustment) : 0;
}

static void
cell_rect (OctaStepGrid    *self,
           guint            row,
           guint            step,
           graphene_rect_t *rect)
{
  const Metrics *m = metrics (self);

  graphene_rect_init (rect,
                      HEADER_WIDTH + step_x (self, step) - scroll_x (self),
                      row_y (row) - scroll_y (self),
                      m->cell, ROW_HEIGHT);
}

/**
 * octa_step_grid_get_cell_bounds:
 * @self: a grid
 * @row: 0…15
 * @step: 0…63
 * @bounds: (out caller-allocates): the cell in widget coordinates
 *
 * Returns: whether the cell is on screen (on the page shown)
 */
gboolean
octa_step_grid_get_cell_bounds (OctaStepGrid    *self,
                                guint            row,
                                guint            step,
                                graphene_rect_t *bounds)
{
  g_return_val_if_fail (OCTA_IS_STEP_GRID (self), FALSE);
  g_return_val_if_fail (row < N_ROWS && step < N_STEPS, FALSE);
  g_return_val_if_fail (bounds != NULL, FALSE);

  cell_rect (self, row, step, bounds);
  return step_visible (self, step);
}

static int
pick_row (OctaStepGrid *self,
          double        y)
{
  y += scroll_y (self);
  for (guint r = 0; r < N_ROWS; r++)
    {
      int top = row_y (r);

      if (y >= top - ROW_GAP / 2.0 && y < top + ROW_HEIGHT + ROW_GAP / 2.0)
        return r;
      /* the gap between the halves belongs to the nearer row */
      if (r == 7 && y >= top + ROW_HEIGHT && y < row_y (8))
        return y < (top + ROW_HEIGHT + row_y (8)) / 2.0 ? 7 : 8;
    }
  return -1;
}

static int
pick_step (OctaStepGrid *self,
           double        x)
{
  const Metrics *m = metrics (self);
  int best = -1;
  double best_distance = G_MAXDOUBLE;

  x = x - HEADER_WIDTH + scroll_x (self);
  for (guint s = 0; s < N_STEPS; s++)
    {
      double left, distance;

      if (!step_visible (self, s))
        continue;
      left = step_x (self, s);
      if (x >= left && x < left + m->cell)
        return s;
      distance = x < left ? left - x : x - (left + m->cell);
      if (distance < best_distance)
        {
          best_distance = distance;
          best = s;
        }
    }
  /* Gaps belong to the nearest cell; far outside belongs to none. */
  return best_distance <= m->page_gap + m->extra + m->gap ? best : -1;
}

/**
 * octa_step_grid_pick_cell:
 * @self: a grid
 * @x: widget coordinate
 * @y: widget coordinate
 * @row: (out) (optional): the row, 0…15
 * @step: (out) (optional): the step, 0…63
 *
 * Returns: whether (@x, @y) is on a cell
 */
gboolean
octa_step_grid_pick_cell (OctaStepGrid *self,
                          double        x,
                          double        y,
                          guint        *row,
                          guint        *step)
{
  int r, s;

  g_return_val_if_fail (OCTA_IS_STEP_GRID (self), FALSE);

  if (x < HEADER_WIDTH || y < NUMBER_ROW)
    return FALSE;
  r = pick_row (self, y);
  s = pick_step (self, x);
  if (r < 0 || s < 0)
    return FALSE;
  if (row)
    *row = r;
  if (step)
    *step = s;
  return TRUE;
}

/* }}} */
/* {{{ Model cache */

static guint
row_length (OctaStepGrid *self,
            guint         row)
{
  if (self->scale_mode == OCTA_SCALE_MODE_PER_TRACK)
    return self->rows[row].length;
  return self->pattern_length;
}

static guint
master_steps (OctaStepGrid *self)
{
  if (self->scale_mode == OCTA_SCALE_MODE_PER_TRACK)
    return MIN (self->master_length, N_STEPS);
  return self->pattern_length;
}

static gboolean
row_has_kind (OctaStepGrid *self,
              guint         row,
              OctaTrigType  type)
{
  return self->rows[row].track != NULL
         && octa_pattern_track_has_trig_type (self->rows[row].track, type);
}

static guint
cell_kinds (OctaStepGrid *self,
            guint         row,
            guint         step)
{
  guint kinds = 0;

  for (guint k = 0; k < N_KINDS; k++)
    if (self->rows[row].masks[k] & BIT (step))
      kinds |= 1u << k;
  return kinds;
}

static OctaStep *
get_step (OctaStepGrid *self,
          guint         row,
          guint         step)
{
  return octa_pattern_track_get_step (self->rows[row].track, step);
}

/* Locks, conditions and timing only play on steps holding a trig, and only
 * the steps on screen need them, so the grid reads them as it draws them,
 * within a time budget; what is left is read when idle and drawn a frame
 * later.
 * Returns whether every wanted step is read. */
static gboolean
row_ensure_details (OctaStepGrid *self,
                    guint         r,
                    guint64       wanted,
                    gint64        deadline)
{
  Row *row = &self->rows[r];
  guint64 active = row->masks[OCTA_TRIG_TYPE_TRIGGER] | row->masks[OCTA_TRIG_TYPE_TRIGLESS]
                   | row->masks[OCTA_TRIG_TYPE_LOCK] | row->masks[OCTA_TRIG_TYPE_ONESHOT];
  guint64 needed = active & wanted & ~row->details_valid;

  /* steps without a trig have nothing to read */
  row->details_valid |= wanted & ~active;
  for (guint s = 0; needed != 0 && s < N_STEPS; s++)
    {
      guint locks, sample, repeats;
      OctaTrigCondition condition;
      gint micro;

      if (!(needed & BIT (s)))
        continue;
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      needed &= ~BIT (s);
      octa_pattern_track_get_step_summary (row->track, s, &locks, &sample, &condition, &micro,
                                           &repeats);
      row->sample[s] = sample;
      row->locks[s] = locks;
      row->condition[s] = condition;
      row->micro[s] = micro;
      row->repeats[s] = repeats;
      row->details_valid |= BIT (s);
    }
  return TRUE;
}

static void
row_forget_details (Row *row)
{
  memset (row->locks, 0, sizeof row->locks);
  memset (row->sample, 0, sizeof row->sample);
  memset (row->condition, 0, sizeof row->condition);
  memset (row->micro, 0, sizeof row->micro);
  memset (row->repeats, 1, sizeof row->repeats);
  row->details_valid = 0;
}

static guint64
visible_steps (OctaStepGrid *self)
{
  return self->view_all ? G_MAXUINT64 : G_GUINT64_CONSTANT (0xFFFF) << (16 * self->page);
}

static gboolean
ensure_visible_details (OctaStepGrid *self,
                        gint64        budget_us)
{
  gint64 deadline = g_get_monotonic_time () + budget_us;

  for (guint r = 0; r < N_ROWS; r++)
    if (!row_ensure_details (self, r, visible_steps (self), deadline))
      return FALSE;
  return TRUE;
}

static gboolean
on_details_idle (gpointer data)
{
  OctaStepGrid *self = data;

  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (self->pattern != NULL && !ensure_visible_details (self, 8000))
    return G_SOURCE_CONTINUE;
  self->details_idle = 0;
  return G_SOURCE_REMOVE;
}

static void
row_read (OctaStepGrid *self,
          guint         r)
{
  Row *row = &self->rows[r];
  gint length = 16, scale = OCTA_SCALE_1X, swing = 0;

  for (guint k = 0; k < N_KINDS; k++)
    row->masks[k] = octa_pattern_track_has_trig_type (row->track, k)
                    ? octa_pattern_track_get_trig_mask (row->track, k) : 0;
  g_object_get (row->track,
                "length", &length,
                "scale", &scale,
                "swing-amount", &swing,
                NULL);
  row->length = CLAMP (length, 1, N_STEPS);
  row->scale = scale;
  row->swing = swing;
  row->unsaved = self->show_unsaved ? octa_pattern_track_get_unsaved_steps (row->track) : 0;

  if (row->midi)
    {
      gint channel = 1, note = 48;

      if (row->part_track != NULL)
        g_object_get (row->part_track, "channel", &channel, "note", &note, NULL);
      row->channel = channel;
      row->note = note;
    }
  else
    {
      OctaAudioPartTrack *part_track = row->part_track != NULL
                                       ? OCTA_AUDIO_PART_TRACK (row->part_track) : NULL;
      gint slot = 0;

      octa_track_sound_from_part_track (part_track, &row->sound);
      if (part_track != NULL && row->sound.machine == OCTA_MACHINE_KIND_FLEX)
        g_object_get (part_track, "flex-slot", &slot, NULL);
      else if (part_track != NULL && row->sound.machine == OCTA_MACHINE_KIND_STATIC)
        g_object_get (part_track, "static-slot", &slot, NULL);
      row->slot = slot;
    }

  row_forget_details (row);
}

static void
release_rows (OctaStepGrid *self)
{
  for (guint r = 0; r < N_ROWS; r++)
    {
      g_clear_object (&self->rows[r].track);
      g_clear_object (&self->rows[r].part_track);
    }
  g_clear_object (&self->part);
}

static void
bind_part (OctaStepGrid *self)
{
  guint part_index = octa_pattern_get_part (self->pattern);

  if (self->part != NULL && octa_part_get_index (self->part) == part_index - 1)
    return;

  g_clear_object (&self->part);
  self->part = octa_bank_get_part (octa_pattern_get_bank (self->pattern), part_index - 1);
  for (guint r = 0; r < N_ROWS; r++)
    {
      g_clear_object (&self->rows[r].part_track);
      if (self->part == NULL)
        continue;
      if (r < 8)
        self->rows[r].part_track = OCTA_PART_TRACK (octa_part_get_audio_track (self->part, r));
      else
        self->rows[r].part_track = OCTA_PART_TRACK (octa_part_get_midi_track (self->part, r - 8));
    }
}

static void
refresh_all (OctaStepGrid *self)
{
  gint length = 16, mode = 0, master = 16;
  gboolean empty = TRUE;

  if (self->pattern == NULL)
    return;

  g_object_get (self->pattern,
                "length", &length,
                "scale-mode", &mode,
                "per-track-master-length", &master,
                NULL);
  self->pattern_length = CLAMP (length, 1, N_STEPS);
  self->scale_mode = mode;
  self->master_length = master == G_MAXUINT16 ? G_MAXUINT : (guint) master;

  bind_part (self);
  for (guint r = 0; r < N_ROWS; r++)
    {
      row_read (self, r);
      for (guint k = 0; k < N_KINDS; k++)
        if (k != OCTA_TRIG_TYPE_SWING && self->rows[r].masks[k] != 0)
          empty = FALSE;
    }
  self->empty = empty;
  update_focus (self, FALSE);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_project_changed (OctaProject  *project,
                    OctaStepGrid *self)
{
  /* A stroke is drawn from the cache as it goes; the model is read once it
   * ends, when the project says so. */
  if (self->stroke_active)
    return;
  refresh_all (self);
}

/* The marks move without a byte changing when the project is saved, so
 * they are read again on every save too; other rows stay as they are. */
static void
refresh_unsaved (OctaStepGrid *self)
{
  gboolean moved = FALSE;

  if (self->pattern == NULL)
    return;
  for (guint r = 0; r < N_ROWS; r++)
    {
      Row *row = &self->rows[r];
      guint64 unsaved = self->show_unsaved ? octa_pattern_track_get_unsaved_steps (row->track) : 0;

      moved |= unsaved != row->unsaved;
      row->unsaved = unsaved;
    }
  if (moved)
    {
      update_readout (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
on_project_modified (OctaProject  *project,
                     GParamSpec   *pspec,
                     OctaStepGrid *self)
{
  if (!self->stroke_active)
    refresh_unsaved (self);
}

/* }}} */
/* {{{ Readout and focus */

static const char *
row_label (guint row)
{
  static const char *const labels[N_ROWS] = {
    "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8",
    "M1", "M2", "M3", "M4", "M5", "M6", "M7", "M8",
  };

  return labels[row];
}

static char *
describe_step (OctaStepGrid *self,
               guint         row,
               guint         s,
               OctaStep     *step)
{
  Row *r = &self->rows[row];
  guint kinds = cell_kinds (self, row, s);
  GString *text = g_string_new (NULL);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  guint n_locks = 0;
  GString *locks = g_string_new (NULL);

  g_string_append_printf (text, _("%s · step %u"), row_label (row), s + 1);

  if (kinds & (1u << OCTA_TRIG_TYPE_ONESHOT))
    g_ptr_array_add (parts, g_strdup (_("One-shot trig")));
  if (kinds & (1u << OCTA_TRIG_TYPE_TRIGGER))
    g_ptr_array_add (parts, g_strdup (r->midi ? _("Note trig") : _("Sample trig")));
  if (kinds & (1u << OCTA_TRIG_TYPE_TRIGLESS))
    g_ptr_array_add (parts, g_strdup (_("Trigless trig")));
  if (kinds & (1u << OCTA_TRIG_TYPE_LOCK))
    g_ptr_array_add (parts, g_strdup (_("Lock trig")));
  if (kinds & RECORDER_KINDS_MASK)
    g_ptr_array_add (parts, g_strdup (_("recorder trig")));
  if (kinds & (1u << OCTA_TRIG_TYPE_SLIDE))
    g_ptr_array_add (parts, g_strdup (_("slide")));
  if ((kinds & (1u << OCTA_TRIG_TYPE_SWING)) && r->swing > 0)
    g_ptr_array_add (parts, g_strdup (_("swing")));

  if (step != NULL && (kinds & TRIG_KINDS_MASK))
    {
      guint sample = r->midi ? 0 : octa_audio_step_get_sample_lock (OCTA_AUDIO_STEP (step));
      OctaTrigCondition condition = octa_step_get_condition (step);
      guint repeats = octa_step_get_repeats (step);

      for (guint p = 0; p < OCTA_PLOCK_N_NAMED + 1; p++)
        {
          OctaPlockName name;
          gint value = octa_step_get_plock (step, p);
          g_autofree char *one = NULL;

          if (value < 0)
            continue;
          octa_plock_name_lookup (r->midi, &r->sound, p, &name);
          n_locks++;
          one = octa_plock_name_describe (&name, value);
          g_string_append_printf (locks, "%s%s", locks->len ? ", " : "", one);
        }
      if (n_locks > 0)
        g_ptr_array_add (parts, g_strdup_printf (g_dngettext (NULL, "%u p-lock: %s",
                                                              "%u p-locks: %s", n_locks),
                                                 n_locks, locks->str));
      if (sample != 0)
        {
          g_autofree char *slot = octa_sample_slot_label (r->sound.machine, sample);

          g_ptr_array_add (parts, g_strdup_printf (_("sample lock %s"), slot));
        }
      if (condition != OCTA_TRIG_CONDITION_NONE)
        g_ptr_array_add (parts, g_strdup (octa_trig_condition_to_string (condition)));
      if (octa_step_get_micro_timing (step) != 0)
        {
          g_autofree char *micro = octa_step_dup_micro_timing_label (step);

          g_ptr_array_add (parts, g_strdup_printf ("µ %s", micro));
        }
      if (repeats > 1)
        g_ptr_array_add (parts, g_strdup_printf ("×%u", repeats));
    }

  if (parts->len == 0)
    g_ptr_array_add (parts, g_strdup (_("empty")));
  if (s >= row_length (self, row) || s >= master_steps (self))
    g_ptr_array_add (parts, g_strdup (_("beyond the length")));
  /* the dot in words, for the readout and screen readers */
  if (r->unsaved & BIT (s))
    g_ptr_array_add (parts, g_strdup (_("unsaved")));

  g_string_append (text, " — ");
  for (guint i = 0; i < parts->len; i++)
    {
      const char *part = g_ptr_array_index (parts, i);

      if (i > 0)
        g_string_append (text, " · ");
      /* the first word starts the phrase */
      if (i == 0 && g_ascii_islower (part[0]))
        {
          g_string_append_c (text, g_ascii_toupper (part[0]));
          g_string_append (text, part + 1);
        }
      else
        g_string_append (text, part);
    }

  g_string_free (locks, TRUE);
  return g_string_free (text, FALSE);
}

/* The readout names the hovered cell while the pointer is on one, else the
 * focused step; screen readers always get the focused step. */
static void
update_readout (OctaStepGrid *self)
{
  g_autofree char *focused = NULL;
  g_autofree char *readout = NULL;
  g_autofree char *label = NULL;

  if (self->pattern == NULL)
    focused = g_strdup ("");
  else if (self->empty)
    focused = g_strdup (_("No trigs yet — click a step or press a trig key (Q…K)"));
  else
    focused = describe_step (self, self->cursor_row, self->cursor_step, self->step);

  if (self->pattern != NULL && !self->empty && self->hover_row >= 0
      && (self->hover_row != (int) self->cursor_row || self->hover_step != (int) self->cursor_step))
    {
      g_autoptr(OctaStep) hovered = get_step (self, self->hover_row, self->hover_step);

      readout = describe_step (self, self->hover_row, self->hover_step, hovered);
    }
  else
    readout = g_strdup (focused);

  if (g_strcmp0 (readout, self->readout) != 0)
    {
      g_free (self->readout);
      self->readout = g_steal_pointer (&readout);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READOUT]);
    }

  if (self->pattern != NULL)
    {
      g_autofree char *pattern_label = octa_pattern_dup_label (self->pattern);

      label = g_strdup_printf (_("Pattern %s steps"), pattern_label);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label ? label : _("Steps"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, focused,
                                  -1);
}

static void
update_step_props (OctaStepGrid *self)
{
  gboolean flags[4] = { FALSE, };
  guint condition = 0, repeats = 1;

  if (self->pattern != NULL)
    {
      Row *row = &self->rows[self->cursor_row];
      guint s = self->cursor_step;

      flags[0] = (row->masks[OCTA_TRIG_TYPE_ONESHOT] & BIT (s)) != 0;
      flags[1] = (row->masks[OCTA_TRIG_TYPE_SWING] & BIT (s)) != 0;
      flags[2] = (row->masks[OCTA_TRIG_TYPE_SLIDE] & BIT (s)) != 0;
      for (guint k = OCTA_TRIG_TYPE_RECORDER_1; k <= OCTA_TRIG_TYPE_RECORDER_4; k++)
        flags[3] |= (row->masks[k] & BIT (s)) != 0;
      if (self->step != NULL)
        {
          condition = octa_step_get_condition (self->step);
          repeats = octa_step_get_repeats (self->step);
        }
    }

  for (guint i = 0; i < 4; i++)
    if (flags[i] != self->step_flags[i])
      {
        self->step_flags[i] = flags[i];
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP_ONESHOT + i]);
      }
  if (condition != self->step_condition)
    {
      self->step_condition = condition;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP_CONDITION]);
    }
  if (repeats != self->step_repeats)
    {
      self->step_repeats = repeats;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP_REPEATS]);
    }
}

/* Binds the focused step, tells the inspector, and refreshes the words
 * that describe it. */
static void
update_focus (OctaStepGrid *self,
              gboolean      force)
{
  OctaStep *step = NULL;
  gboolean changed;

  if (self->pattern != NULL)
    step = get_step (self, self->cursor_row, self->cursor_step);

  changed = force || step != self->step;
  g_clear_object (&self->step);
  self->step = step;

  update_step_props (self);
  update_readout (self);
  if (changed)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
      g_signal_emit (self, signals[STEP_SELECTED], 0, self->step);
    }
}

static void
scroll_to_cursor (OctaStepGrid *self)
{
  double left, right, value, page;

  if (self->hadjustment == NULL || !self->view_all)
    return;
  left = step_x (self, self->cursor_step);
  right = left + metrics (self)->cell;
  value = gtk_adjustment_get_value (self->hadjustment);
  page = gtk_adjustment_get_page_size (self->hadjustment);
  if (left < value)
    gtk_adjustment_set_value (self->hadjustment, left);
  else if (right > value + page)
    gtk_adjustment_set_value (self->hadjustment, right - page + PAD_END);
}

static void tell_selection (OctaStepGrid *self);

static void
set_cursor_full (OctaStepGrid *self,
                 guint         row,
                 guint         step,
                 gboolean      extend)
{
  gboolean row_changed, step_changed;

  row = MIN (row, N_ROWS - 1);
  step = MIN (step, N_STEPS - 1);

  if (extend && !self->has_selection)
    {
      self->has_selection = TRUE;
      self->anchor_row = self->cursor_row;
      self->anchor_step = self->cursor_step;
    }
  else if (!extend)
    self->has_selection = FALSE;

  row_changed = row != self->cursor_row;
  step_changed = step != self->cursor_step;
  self->cursor_row = row;
  self->cursor_step = step;

  if (!self->view_all && step / 16 != self->page)
    {
      self->page = step / 16;
      gtk_widget_queue_resize (GTK_WIDGET (self));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
    }
  if (row_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURSOR_TRACK]);
  if (step_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURSOR_STEP]);

  update_focus (self, FALSE);
  tell_selection (self);
  scroll_to_cursor (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
selection_rect (OctaStepGrid *self,
                guint        *r0,
                guint        *r1,
                guint        *s0,
                guint        *s1)
{
  if (!self->has_selection)
    {
      *r0 = *r1 = self->cursor_row;
      *s0 = *s1 = self->cursor_step;
      return;
    }
  *r0 = MIN (self->anchor_row, self->cursor_row);
  *r1 = MAX (self->anchor_row, self->cursor_row);
  *s0 = MIN (self->anchor_step, self->cursor_step);
  *s1 = MAX (self->anchor_step, self->cursor_step);
}

static gboolean
cell_selected (OctaStepGrid *self,
               guint         row,
               guint         step)
{
  guint r0, r1, s0, s1;

  if (!self->has_selection)
    return FALSE;
  selection_rect (self, &r0, &r1, &s0, &s1);
  return row >= r0 && row <= r1 && step >= s0 && step <= s1;
}

/* Tells the inspector when the selected steps differ from the last ones it
 * heard of, however the selection moved. */
static void
tell_selection (OctaStepGrid *self)
{
  guint rect[4];

  selection_rect (self, &rect[0], &rect[1], &rect[2], &rect[3]);
  if (self->told_selection == self->has_selection
      && memcmp (rect, self->told_rect, sizeof rect) == 0)
    return;
  self->told_selection = self->has_selection;
  memcpy (self->told_rect, rect, sizeof rect);
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

/* }}} */
/* {{{ Toasts */

static void
show_toast (OctaStepGrid *self,
            const char   *title)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  if (overlay == NULL)
    {
      g_debug ("%s", title);
      return;
    }
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

/* }}} */
/* {{{ Editing */

static void
set_kind (OctaStepGrid *self,
          guint         row,
          OctaTrigType  type,
          guint         step,
          gboolean      on)
{
  Row *r = &self->rows[row];

  if (!row_has_kind (self, row, type))
    return;
  octa_pattern_track_set_trig (r->track, type, step, on);
  /* keep the cache current while a stroke holds the change open */
  if (on)
    r->masks[type] |= BIT (step);
  else
    r->masks[type] &= ~BIT (step);
}

/* Clears what only a trig uses, counting what a removal drops. */
static void
clear_details (OctaStepGrid *self,
               guint         row,
               guint         s,
               Dropped      *dropped)
{
  g_autoptr(OctaStep) step = get_step (self, row, s);
  guint locks = octa_step_count_plocks (step);
  guint settings = 0;

  if (octa_step_get_condition (step) != OCTA_TRIG_CONDITION_NONE)
    settings++;
  if (octa_step_get_micro_timing (step) != 0)
    settings++;
  if (octa_step_get_repeats (step) != 1)
    settings++;
  if (locks + settings == 0)
    return;

  if (dropped != NULL)
    {
      dropped->trigs++;
      dropped->locks += locks;
      dropped->settings += settings;
    }
  octa_step_clear_plocks (step);
  octa_step_set_condition (step, OCTA_TRIG_CONDITION_NONE);
  octa_step_set_micro_timing (step, 0);
  octa_step_set_repeats (step, 1);
  self->rows[row].locks[s] = 0;
  self->rows[row].sample[s] = 0;
  self->rows[row].condition[s] = 0;
  self->rows[row].micro[s] = 0;
  self->rows[row].repeats[s] = 1;
}

static void
remove_trig (OctaStepGrid *self,
             guint         row,
             guint         step,
             Dropped      *dropped)
{
  set_kind (self, row, OCTA_TRIG_TYPE_TRIGGER, step, FALSE);
  set_kind (self, row, OCTA_TRIG_TYPE_TRIGLESS, step, FALSE);
  set_kind (self, row, OCTA_TRIG_TYPE_LOCK, step, FALSE);
  set_kind (self, row, OCTA_TRIG_TYPE_ONESHOT, step, FALSE);
  clear_details (self, row, step, dropped);
}

static gboolean
layer_applies (OctaStepGrid *self,
               guint         row)
{
  switch (self->layer)
    {
    case OCTA_STEP_GRID_LAYER_SLIDE:
    case OCTA_STEP_GRID_LAYER_REC:
      return !self->rows[row].midi;
    case OCTA_STEP_GRID_LAYER_TRIGS:
    case OCTA_STEP_GRID_LAYER_SWING:
    default:
      return TRUE;
    }
}

static gboolean
cell_has_layer_trig (OctaStepGrid *self,
                     guint         row,
                     guint         step)
{
  guint kinds = cell_kinds (self, row, step);

  switch (self->layer)
    {
    case OCTA_STEP_GRID_LAYER_SWING:
      return (kinds & (1u << OCTA_TRIG_TYPE_SWING)) != 0;
    case OCTA_STEP_GRID_LAYER_SLIDE:
      return (kinds & (1u << OCTA_TRIG_TYPE_SLIDE)) != 0;
    case OCTA_STEP_GRID_LAYER_REC:
      return (kinds & RECORDER_KINDS_MASK) != 0;
    case OCTA_STEP_GRID_LAYER_TRIGS:
    default:
      return (kinds & TRIG_KINDS_MASK) != 0;
    }
}

/* Sets or clears the layer's trig on one cell; the caller holds the change
 * open. */
static void
paint_cell (OctaStepGrid *self,
            guint         row,
            guint         step,
            gboolean      on,
            Dropped      *dropped)
{
  if (!layer_applies (self, row) || cell_has_layer_trig (self, row, step) == on)
    return;

  switch (self->layer)
    {
    case OCTA_STEP_GRID_LAYER_SWING:
      set_kind (self, row, OCTA_TRIG_TYPE_SWING, step, on);
      return;
    case OCTA_STEP_GRID_LAYER_SLIDE:
      set_kind (self, row, OCTA_TRIG_TYPE_SLIDE, step, on);
      return;
    case OCTA_STEP_GRID_LAYER_REC:
      /* The device sets the first three recorder masks together; which
       * recorder trig each one is remains unknown, so all go as one. */
      for (guint k = OCTA_TRIG_TYPE_RECORDER_1; k <= OCTA_TRIG_TYPE_RECORDER_4; k++)
        set_kind (self, row, k, step, on && k != OCTA_TRIG_TYPE_RECORDER_4);
      return;
    case OCTA_STEP_GRID_LAYER_TRIGS:
    default:
      if (on)
        set_kind (self, row, OCTA_TRIG_TYPE_TRIGGER, step, TRUE);
      else
        remove_trig (self, row, step, dropped);
      return;
    }
}

static const char *
layer_label (OctaStepGridLayer layer,
             gboolean          on)
{
  switch (layer)
    {
    case OCTA_STEP_GRID_LAYER_SWING:
      return on ? _("Add swing trig") : _("Remove swing trig");
    case OCTA_STEP_GRID_LAYER_SLIDE:
      return on ? _("Add slide trig") : _("Remove slide trig");
    case OCTA_STEP_GRID_LAYER_REC:
      return on ? _("Add recorder trig") : _("Remove recorder trig");
    case OCTA_STEP_GRID_LAYER_TRIGS:
    default:
      return on ? _("Add trig") : _("Remove trig");
    }
}

static void
toast_dropped (OctaStepGrid  *self,
               const Dropped *dropped)
{
  g_autofree char *title = NULL;

  if (dropped->trigs == 0)
    return;
  if (dropped->trigs > 1)
    title = g_strdup_printf (_("Removed %u trigs with p-locks or settings"), dropped->trigs);
  else if (dropped->locks > 0)
    title = g_strdup_printf (g_dngettext (NULL, "Removed trig with %u p-lock",
                                          "Removed trig with %u p-locks", dropped->locks),
                             dropped->locks);
  else
    title = g_strdup (_("Removed trig with its condition and timing"));
  show_toast (self, title);
}

static void
toggle_cell (OctaStepGrid *self,
             guint         row,
             guint         step)
{
  Dropped dropped = { 0, };
  gboolean on;

  if (self->pattern == NULL || !layer_applies (self, row))
    return;

  on = !cell_has_layer_trig (self, row, step);
  octa_project_begin_change (self->project, layer_label (self->layer, on));
  paint_cell (self, row, step, on, &dropped);
  octa_project_end_change (self->project);
  toast_dropped (self, &dropped);
}

static void
toggle_kind_at_cursor (OctaStepGrid *self,
                       OctaTrigType  type,
                       const char   *label)
{
  guint row = self->cursor_row, step = self->cursor_step;
  gboolean on;

  if (self->pattern == NULL || !row_has_kind (self, row, type))
    return;
  on = !(self->rows[row].masks[type] & BIT (step));
  octa_project_begin_change (self->project, label);
  set_kind (self, row, type, step, on);
  octa_project_end_change (self->project);
}

static void
set_trig_kind (OctaStepGrid *self,
               const char   *kind)
{
  Dropped dropped = { 0, };
  guint r0, r1, s0, s1;
  OctaTrigType type;

  if (self->pattern == NULL)
    return;
  if (g_str_equal (kind, "sample") || g_str_equal (kind, "note"))
    type = OCTA_TRIG_TYPE_TRIGGER;
  else if (g_str_equal (kind, "trigless"))
    type = OCTA_TRIG_TYPE_TRIGLESS;
  else if (g_str_equal (kind, "lock"))
    type = OCTA_TRIG_TYPE_LOCK;
  else if (g_str_equal (kind, "none"))
    type = N_KINDS;
  else
    {
      g_warning ("Unknown trig kind “%s”", kind);
      return;
    }

  selection_rect (self, &r0, &r1, &s0, &s1);
  octa_project_begin_change (self->project, _("Set trig kind"));
  for (guint r = r0; r <= r1; r++)
    for (guint s = s0; s <= s1; s++)
      {
        if (type == N_KINDS)
          {
            remove_trig (self, r, s, &dropped);
            continue;
          }
        set_kind (self, r, OCTA_TRIG_TYPE_TRIGGER, s, type == OCTA_TRIG_TYPE_TRIGGER);
        set_kind (self, r, OCTA_TRIG_TYPE_TRIGLESS, s, type == OCTA_TRIG_TYPE_TRIGLESS);
        set_kind (self, r, OCTA_TRIG_TYPE_LOCK, s, type == OCTA_TRIG_TYPE_LOCK);
      }
  octa_project_end_change (self->project);
  toast_dropped (self, &dropped);
}

/* }}} */
/* {{{ Clipboard */

static void
clip_free (Clip *clip)
{
  g_free (clip->cells);
  g_free (clip);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Clip, clip_free)

static Clip *
clip_new (ClipKind kind,
          guint    n_rows,
          guint    n_steps)
{
  Clip *clip = g_new0 (Clip, 1);

  clip->kind = kind;
  clip->n_rows = n_rows;
  clip->n_steps = n_steps;
  clip->cells = g_new0 (ClipCell, n_rows * n_steps);
  return clip;
}

static void
clip_cell_read (OctaStepGrid *self,
                guint         row,
                guint         s,
                ClipCell     *cell)
{
  g_autoptr(OctaStep) step = get_step (self, row, s);

  cell->kinds = cell_kinds (self, row, s);
  for (guint p = 0; p < OCTA_PLOCK_PARAMS; p++)
    {
      gint value = octa_step_get_plock (step, p);

      cell->locks[p] = value < 0 ? LOCK_NONE : value;
    }
  cell->repeats = octa_step_get_repeats (step);
  cell->micro = octa_step_get_micro_timing (step);
  cell->condition = octa_step_get_condition (step);
}

static Clip *
clip_read (OctaStepGrid *self,
           ClipKind      kind,
           guint         r0,
           guint         r1,
           guint         s0,
           guint         s1)
{
  Clip *clip = clip_new (kind, r1 - r0 + 1, s1 - s0 + 1);

  for (guint r = r0; r <= r1; r++)
    {
      clip->midi[r - r0] = self->rows[r].midi;
      for (guint s = s0; s <= s1; s++)
        clip_cell_read (self, r, s, &clip->cells[(r - r0) * clip->n_steps + (s - s0)]);
    }

  if (kind == CLIP_TRACK || kind == CLIP_PATTERN)
    {
      clip->has_settings = TRUE;
      for (guint r = r0; r <= r1; r++)
        for (guint i = 0; i < N_TRACK_SETTINGS; i++)
          g_object_get (self->rows[r].track, track_setting_names[i],
                        &clip->settings[r - r0][i], NULL);
    }
  if (kind == CLIP_PATTERN)
    {
      double tempo = 120;

      clip->has_pattern = TRUE;
      for (guint i = 0; i < N_PATTERN_SETTINGS - 1; i++)
        g_object_get (self->pattern, pattern_setting_names[i], &clip->pattern[i], NULL);
      g_object_get (self->pattern, "tempo", &tempo, NULL);
      clip->pattern[N_PATTERN_SETTINGS - 1] = (gint) round (tempo * 24);
    }
  return clip;
}

static GBytes *
clip_serialize (const Clip *clip)
{
  GVariantBuilder midi, cells, settings, pattern;
  g_autoptr(GVariant) variant = NULL;

  g_variant_builder_init (&midi, G_VARIANT_TYPE ("ab"));
  for (guint r = 0; r < clip->n_rows; r++)
    g_variant_builder_add (&midi, "b", clip->midi[r]);

  g_variant_builder_init (&cells, G_VARIANT_TYPE ("a(qayyny)"));
  for (guint i = 0; i < clip->n_rows * clip->n_steps; i++)
    {
      const ClipCell *cell = &clip->cells[i];

      g_variant_builder_add (&cells, "(q@ayyny)", cell->kinds,
                             g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, cell->locks,
                                                        OCTA_PLOCK_PARAMS, 1),
                             cell->repeats, (gint16) cell->micro, cell->condition);
    }

  g_variant_builder_init (&settings, G_VARIANT_TYPE ("aai"));
  if (clip->has_settings)
    for (guint r = 0; r < clip->n_rows; r++)
      g_variant_builder_add_value (&settings,
                                   g_variant_new_fixed_array (G_VARIANT_TYPE_INT32,
                                                              clip->settings[r],
                                                              N_TRACK_SETTINGS, sizeof (gint32)));

  g_variant_builder_init (&pattern, G_VARIANT_TYPE ("ai"));
  if (clip->has_pattern)
    for (guint i = 0; i < N_PATTERN_SETTINGS; i++)
      g_variant_builder_add (&pattern, "i", clip->pattern[i]);

  variant = g_variant_ref_sink (g_variant_new ("(uuuaba(qayyny)aaiai)",
                                               clip->kind, clip->n_rows, clip->n_steps,
                                               &midi, &cells, &settings, &pattern));
  return g_variant_get_data_as_bytes (variant);
}

/* The clipboard may hold anything another program put there: check every
 * size before trusting it. */
static Clip *
clip_deserialize (GBytes *bytes)
{
  g_autoptr(GVariant) variant = NULL;
  g_autoptr(GVariant) midi = NULL, cells = NULL, settings = NULL, pattern = NULL;
  g_autoptr(Clip) clip = NULL;
  guint kind, n_rows, n_steps;

  variant = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE ("(uuuaba(qayyny)aaiai)"),
                                                          bytes, FALSE));
  g_variant_get (variant, "(uuu@ab@a(qayyny)@aai@ai)", &kind, &n_rows, &n_steps,
                 &midi, &cells, &settings, &pattern);
  if (kind > CLIP_PATTERN || n_rows == 0 || n_rows > N_ROWS || n_steps == 0 || n_steps > N_STEPS
      || g_variant_n_children (midi) != n_rows
      || g_variant_n_children (cells) != n_rows * n_steps)
    return NULL;

  clip = clip_new (kind, n_rows, n_steps);
  for (guint r = 0; r < n_rows; r++)
    g_variant_get_child (midi, r, "b", &clip->midi[r]);
  for (guint i = 0; i < n_rows * n_steps; i++)
    {
      g_autoptr(GVariant) locks = NULL;
      ClipCell *cell = &clip->cells[i];
      const guint8 *data;
      gsize n;
      gint16 micro;

      g_variant_get_child (cells, i, "(q@ayyny)", &cell->kinds, &locks, &cell->repeats, &micro,
                           &cell->condition);
      data = g_variant_get_fixed_array (locks, &n, 1);
      if (n != OCTA_PLOCK_PARAMS || micro < -23 || micro > 23 || cell->repeats < 1
          || cell->repeats > 8 || cell->condition > OCTA_TRIG_CONDITION_8_8)
        return NULL;
      memcpy (cell->locks, data, OCTA_PLOCK_PARAMS);
      cell->micro = micro;
    }
  if (g_variant_n_children (settings) == n_rows)
    {
      clip->has_settings = TRUE;
      for (guint r = 0; r < n_rows; r++)
        {
          g_autoptr(GVariant) row = g_variant_get_child_value (settings, r);
          const gint32 *values;
          gsize n;

          values = g_variant_get_fixed_array (row, &n, sizeof (gint32));
          if (n != N_TRACK_SETTINGS)
            return NULL;
          memcpy (clip->settings[r], values, sizeof clip->settings[r]);
        }
    }
  if (g_variant_n_children (pattern) == N_PATTERN_SETTINGS)
    {
      clip->has_pattern = TRUE;
      for (guint i = 0; i < N_PATTERN_SETTINGS; i++)
        g_variant_get_child (pattern, i, "i", &clip->pattern[i]);
    }
  return g_steal_pointer (&clip);
}

static char *
clip_describe (const Clip *clip)
{
  switch (clip->kind)
    {
    case CLIP_TRACK:
      return g_strdup (_("Octatrack track"));
    case CLIP_PAGE:
      return g_strdup (_("Octatrack page"));
    case CLIP_PATTERN:
      return g_strdup (_("Octatrack pattern"));
    case CLIP_STEPS:
    default:
      return g_strdup_printf (g_dngettext (NULL, "%u Octatrack step", "%u Octatrack steps",
                                           clip->n_rows * clip->n_steps),
                              clip->n_rows * clip->n_steps);
    }
}

static void
clip_store (OctaStepGrid *self,
            Clip         *clip)
{
  g_autoptr(GBytes) bytes = clip_serialize (clip);
  g_autofree char *text = clip_describe (clip);
  GdkContentProvider *providers[2];
  g_autoptr(GdkContentProvider) provider = NULL;

  g_clear_pointer (&clip_buffer, clip_free);
  clip_buffer = clip;

  providers[0] = gdk_content_provider_new_for_bytes (CLIP_MIME, bytes);
  providers[1] = gdk_content_provider_new_typed (G_TYPE_STRING, text);
  provider = gdk_content_provider_new_union (providers, 2);
  gdk_clipboard_set_content (gtk_widget_get_clipboard (GTK_WIDGET (self)), provider);
}

static void
clip_cell_write (OctaStepGrid   *self,
                 guint           row,
                 guint           s,
                 const ClipCell *cell)
{
  g_autoptr(OctaStep) step = get_step (self, row, s);

  for (guint p = 0; p < OCTA_PLOCK_PARAMS; p++)
    octa_step_set_plock (step, p, cell->locks[p] == LOCK_NONE ? -1 : cell->locks[p]);
  octa_step_set_condition (step, cell->condition);
  octa_step_set_micro_timing (step, cell->micro);
  octa_step_set_repeats (step, cell->repeats);
}

/* Writes the clip with its top-left cell at (row, step); rows of the other
 * kind (audio vs MIDI) are skipped, cells past the end are dropped. */
static void
clip_write (OctaStepGrid *self,
            const Clip   *clip,
            guint         row,
            guint         step)
{
  for (guint cr = 0; cr < clip->n_rows && row + cr < N_ROWS; cr++)
    {
      guint r = row + cr;
      Row *target = &self->rows[r];
      guint n = MIN (clip->n_steps, N_STEPS - step);
      guint64 range = 0;

      if (clip->midi[cr] != target->midi)
        continue;
      for (guint i = 0; i < n; i++)
        range |= BIT (step + i);

      for (guint k = 0; k < N_KINDS; k++)
        {
          guint64 mask;

          if (!row_has_kind (self, r, k))
            continue;
          mask = target->masks[k] & ~range;
          for (guint i = 0; i < n; i++)
            if (clip->cells[cr * clip->n_steps + i].kinds & (1u << k))
              mask |= BIT (step + i);
          octa_pattern_track_set_trig_mask (target->track, k, mask);
          target->masks[k] = mask;
        }
      for (guint i = 0; i < n; i++)
        clip_cell_write (self, r, step + i, &clip->cells[cr * clip->n_steps + i]);

      if (clip->has_settings)
        for (guint i = 0; i < N_TRACK_SETTINGS; i++)
          g_object_set (target->track, track_setting_names[i], clip->settings[cr][i], NULL);
    }
}

static void
paste_clip (OctaStepGrid *self,
            const Clip   *clip)
{
  guint row = 0, step = 0;

  if (self->pattern == NULL)
    return;

  switch (clip->kind)
    {
    case CLIP_TRACK:
      row = self->cursor_row;
      break;
    case CLIP_PAGE:
      step = self->view_all ? (self->cursor_step / 16) * 16 : self->page * 16;
      break;
    case CLIP_PATTERN:
      break;
    case CLIP_STEPS:
    default:
      row = self->cursor_row;
      step = self->cursor_step;
      break;
    }

  octa_project_begin_change (self->project,
                             clip->kind == CLIP_PATTERN ? _("Paste pattern") : _("Paste steps"));
  if (clip->has_pattern)
    {
      for (guint i = 0; i < N_PATTERN_SETTINGS - 1; i++)
        g_object_set (self->pattern, pattern_setting_names[i], clip->pattern[i], NULL);
      g_object_set (self->pattern, "tempo", clip->pattern[N_PATTERN_SETTINGS - 1] / 24.0, NULL);
    }
  clip_write (self, clip, row, step);
  octa_project_end_change (self->project);
}

static void
copy_range (OctaStepGrid *self,
            ClipKind      kind,
            guint         r0,
            guint         r1,
            guint         s0,
            guint         s1)
{
  if (self->pattern == NULL)
    return;
  clip_store (self, clip_read (self, kind, r0, r1, s0, s1));
}

static guint
visible_page (OctaStepGrid *self)
{
  return self->view_all ? self->cursor_step / 16 : self->page;
}

static void
copy_selection (OctaStepGrid *self)
{
  guint r0, r1, s0, s1;

  selection_rect (self, &r0, &r1, &s0, &s1);
  copy_range (self, CLIP_STEPS, r0, r1, s0, s1);
}

static void
clear_range (OctaStepGrid *self,
             guint         r0,
             guint         r1,
             guint         s0,
             guint         s1,
             const char   *label)
{
  if (self->pattern == NULL)
    return;

  octa_project_begin_change (self->project, label);
  for (guint r = r0; r <= r1; r++)
    for (guint s = s0; s <= s1; s++)
      {
        for (guint k = 0; k < N_KINDS; k++)
          if (k != OCTA_TRIG_TYPE_SWING)
            set_kind (self, r, k, s, FALSE);
        clear_details (self, r, s, NULL);
      }
  octa_project_end_change (self->project);
}

static void
on_clipboard_read (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(OctaStepGrid) self = user_data;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GOutputStream) memory = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(Clip) clip = NULL;
  g_autoptr(GError) error = NULL;

  stream = gdk_clipboard_read_finish (GDK_CLIPBOARD (source), result, NULL, &error);
  if (stream == NULL)
    {
      g_debug ("Nothing to paste: %s", error->message);
      return;
    }
  memory = g_memory_output_stream_new_resizable ();
  /* Steps are small (a pattern is under 50 kB), so a blocking splice is fine. */
  if (g_output_stream_splice (memory, stream, G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE
                                              | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                              NULL, &error) < 0)
    {
      g_debug ("Could not read the clipboard: %s", error->message);
      return;
    }
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
  clip = clip_deserialize (bytes);
  if (clip != NULL)
    paste_clip (self, clip);
}

static void
paste (OctaStepGrid *self)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (self));
  const char *mime_types[] = { CLIP_MIME, NULL };

  if (self->pattern == NULL)
    return;
  if (clip_buffer != NULL && gdk_clipboard_is_local (clipboard))
    {
      paste_clip (self, clip_buffer);
      return;
    }
  gdk_clipboard_read_async (clipboard, mime_types, G_PRIORITY_DEFAULT, NULL, on_clipboard_read,
                            g_object_ref (self));
}

/* }}} */
/* {{{ Snapshot */

static void
append_rounded (GtkSnapshot           *snapshot,
                const graphene_rect_t *rect,
                float                  radius,
                const GdkRGBA         *color)
{
  GskRoundedRect rr;

  gsk_rounded_rect_init_from_rect (&rr, rect, radius);
  gtk_snapshot_push_rounded_clip (snapshot, &rr);
  gtk_snapshot_append_color (snapshot, color, rect);
  gtk_snapshot_pop (snapshot);
}

static void
append_outline (GtkSnapshot           *snapshot,
                const graphene_rect_t *rect,
                float                  radius,
                float                  width,
                const GdkRGBA         *color)
{
  GskRoundedRect rr;
  float widths[4] = { width, width, width, width };
  GdkRGBA colors[4] = { *color, *color, *color, *color };

  gsk_rounded_rect_init_from_rect (&rr, rect, radius);
  gtk_snapshot_append_border (snapshot, &rr, widths, colors);
}

static void
append_hatch (GtkSnapshot           *snapshot,
              const graphene_rect_t *rect,
              const GdkRGBA         *fg,
              float                  alpha)
{
  GdkRGBA clear = with_alpha (fg, 0), ink = with_alpha (fg, alpha);
  GskColorStop stops[] = {
    { 0.0f, clear }, { 0.6f, clear }, { 0.6f, ink }, { 1.0f, ink },
  };

  /* 45° stripes: a repeating gradient along the diagonal */
  gtk_snapshot_append_repeating_linear_gradient (snapshot, rect,
                                                 &GRAPHENE_POINT_INIT (rect->origin.x,
                                                                       rect->origin.y),
                                                 &GRAPHENE_POINT_INIT (rect->origin.x + 3,
                                                                       rect->origin.y + 3),
                                                 stops, G_N_ELEMENTS (stops));
}

static void
draw_diamond (GtkSnapshot   *snapshot,
              double         cx,
              double         cy,
              double         diagonal,
              gboolean       hollow,
              const GdkRGBA *color,
              double         stroke)
{
  double side = diagonal / G_SQRT2;
  graphene_rect_t rect = GRAPHENE_RECT_INIT (-side / 2, -side / 2, side, side);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (cx, cy));
  gtk_snapshot_rotate (snapshot, 45);
  if (hollow)
    append_outline (snapshot, &rect, 1, stroke, color);
  else
    append_rounded (snapshot, &rect, 1, color);
  gtk_snapshot_restore (snapshot);
}

/* One-shot trig: the square with a "1" knocked out, drawn with cairo so the
 * "1" is a hole whatever lies beneath. */
static void
draw_oneshot (GtkSnapshot   *snapshot,
              double         cx,
              double         cy,
              double         size,
              const Palette *pal)
{
  graphene_rect_t rect = GRAPHENE_RECT_INIT (cx - size / 2, cy - size / 2, size, size);
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &rect);
  double x = rect.origin.x, y = rect.origin.y, r = 2;
  double u = size / 12;

  cairo_push_group (cr);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + size - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + size - r, y + size - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + size - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  gdk_cairo_set_source_rgba (cr, &pal->oneshot);
  cairo_fill_preserve (cr);
  if (pal->edge)
    {
      cairo_set_line_width (cr, 1);
      gdk_cairo_set_source_rgba (cr, &pal->oneshot_edge);
      cairo_stroke (cr);
    }
  cairo_new_path (cr);

  /* the "1": stem, flag and foot */
  cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
  cairo_rectangle (cr, x + 5.25 * u, y + 2.5 * u, 1.75 * u, 7 * u);
  cairo_rectangle (cr, x + 4 * u, y + 8.25 * u, 4.25 * u, 1.25 * u);
  cairo_move_to (cr, x + 5.25 * u, y + 2.5 * u);
  cairo_line_to (cr, x + 7 * u, y + 2.5 * u);
  cairo_line_to (cr, x + 3.75 * u, y + 4.5 * u);
  cairo_line_to (cr, x + 3.75 * u, y + 3.5 * u);
  cairo_close_path (cr);
  cairo_fill (cr);
  cairo_pop_group_to_source (cr);
  cairo_paint (cr);
  cairo_destroy (cr);
}

static void
draw_trig_glyph (GtkSnapshot   *snapshot,
                 guint          kinds,
                 double         cx,
                 double         cy,
                 double         size,
                 const Palette *pal)
{
  if (kinds & (1u << OCTA_TRIG_TYPE_ONESHOT))
    draw_oneshot (snapshot, cx, cy, size, pal);
  else if (kinds & (1u << OCTA_TRIG_TYPE_TRIGGER))
    {
      graphene_rect_t rect = GRAPHENE_RECT_INIT (cx - size / 2, cy - size / 2, size, size);

      append_rounded (snapshot, &rect, size / 5, &pal->trig);
    }
  else if (kinds & (1u << OCTA_TRIG_TYPE_TRIGLESS))
    draw_diamond (snapshot, cx, cy, size * 1.2, FALSE, &pal->trigless, 0);
  else if (kinds & (1u << OCTA_TRIG_TYPE_LOCK))
    draw_diamond (snapshot, cx, cy, size * 1.2, TRUE, &pal->trigless, size > 10 ? 2 : 1.5);
  else
    return;

  if (pal->high_contrast)
    {
      graphene_rect_t rect = GRAPHENE_RECT_INIT (cx - size / 2 - 1, cy - size / 2 - 1,
                                                 size + 2, size + 2);

      if (kinds & ((1u << OCTA_TRIG_TYPE_ONESHOT) | (1u << OCTA_TRIG_TYPE_TRIGGER)))
        append_outline (snapshot, &rect, size / 5, 1.5, &pal->fg);
    }
}

static void
draw_tick (GtkSnapshot   *snapshot,
           double         x,
           double         y,
           const GdkRGBA *color)
{
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y, 3, 2));
}

static void
draw_lock_pill (OctaStepGrid  *self,
                GtkSnapshot   *snapshot,
                guint          locks,
                gboolean       sample,
                double         right,
                double         top,
                const Palette *pal)
{
  g_autofree char *text = NULL;
  PangoLayout *layout;
  PangoRectangle ink, logical;
  GdkRGBA bg = with_alpha (&pal->fg, 0.12), ink_color = with_alpha (&pal->fg, 0.85);
  graphene_rect_t pill;

  /* "3" = three locks, "S" = a sample lock, "S2" = both */
  if (sample && locks > 0)
    text = g_strdup_printf ("S%u", locks);
  else if (sample)
    text = g_strdup ("S");
  else
    text = g_strdup_printf ("%u", locks);
  layout = get_layout (self, FONT_PILL, text);
  pango_layout_get_pixel_extents (layout, &ink, &logical);
  pill = GRAPHENE_RECT_INIT (right - logical.width - 4, top, logical.width + 4, 9);
  append_rounded (snapshot, &pill, 4.5, &bg);
  draw_text (self, snapshot, FONT_PILL, text, pill.origin.x + pill.size.width / 2,
             top + 4.5, 0.5, 0.5, &ink_color);
}

static void
draw_cell (OctaStepGrid    *self,
           GtkSnapshot     *snapshot,
           const Palette   *pal,
           guint            r,
           guint            s,
           graphene_rect_t *rect)
{
  const Metrics *m = metrics (self);
  Row *row = &self->rows[r];
  guint kinds = cell_kinds (self, r, s);
  gboolean beyond = s >= row_length (self, r) || s >= master_steps (self);
  gboolean selected = cell_selected (self, r, s);
  gboolean hovered = (int) r == self->hover_row && (int) s == self->hover_step;
  gboolean insensitive = !layer_applies (self, r);
  float bg_alpha = (s % 4 == 0 ? 0.09f : 0.05f) + (hovered ? 0.06f : 0);
  GdkRGBA bg = with_alpha (&pal->fg, bg_alpha);
  GdkRGBA mark = with_alpha (&pal->fg, 0.75);
  double cx = rect->origin.x + rect->size.width / 2;
  /* a little above the middle: the bottom marks need the room */
  double cy = rect->origin.y + rect->size.height / 2 - 0.5;
  gboolean page_view = !self->view_all;
  gboolean unsaved = (row->unsaved & BIT (s)) != 0;
  GskRoundedRect rr;

  gsk_rounded_rect_init_from_rect (&rr, rect, m->radius);
  gtk_snapshot_push_rounded_clip (snapshot, &rr);
  gtk_snapshot_append_color (snapshot, &bg, rect);
  if (selected)
    {
      GdkRGBA sel = with_alpha (&pal->accent_bg, 0.22);

      gtk_snapshot_append_color (snapshot, &sel, rect);
    }
  if (beyond)
    append_hatch (snapshot, rect, &pal->fg, pal->high_contrast ? 0.2f : 0.08f);
  gtk_snapshot_pop (snapshot);

  if (selected)
    append_outline (snapshot, rect, m->radius, 1, &pal->accent);
  else if (pal->high_contrast)
    {
      GdkRGBA border = with_alpha (&pal->fg, 0.5);

      append_outline (snapshot, rect, m->radius, 1, &border);
    }

  if (beyond || insensitive)
    gtk_snapshot_push_opacity (snapshot, beyond ? 0.35 : 0.4);

  /* the trig glyph, leaning with micro-timing as on a timeline */
  if (kinds & TRIG_KINDS_MASK)
    {
      double shift = row->micro[s] / 24.0 * (page_view ? 8 : 3);
      gboolean dim = self->layer != OCTA_STEP_GRID_LAYER_TRIGS;

      if (dim)
        gtk_snapshot_push_opacity (snapshot, 0.4);
      draw_trig_glyph (snapshot, kinds, cx + shift, cy, page_view ? 12 : 8, pal);
      if (dim)
        gtk_snapshot_pop (snapshot);
    }

  if (self->layer != OCTA_STEP_GRID_LAYER_TRIGS && layer_applies (self, r)
      && cell_has_layer_trig (self, r, s))
    {
      const char *glyph = self->layer == OCTA_STEP_GRID_LAYER_SWING ? "~"
                          : self->layer == OCTA_STEP_GRID_LAYER_SLIDE ? "↗" : "R";

      draw_text (self, snapshot, page_view ? FONT_GLYPH : FONT_MARK, glyph, cx, cy, 0.5, 0.5,
                 &pal->fg);
    }

  if (page_view)
    {
      double left = rect->origin.x + 2, right = rect->origin.x + rect->size.width - 2;
      double top = rect->origin.y + 1, bottom = rect->origin.y + rect->size.height - 1;
      gboolean swing = (kinds & (1u << OCTA_TRIG_TYPE_SWING)) && row->swing > 0
                       && self->layer != OCTA_STEP_GRID_LAYER_SWING;
      gboolean trig = (kinds & TRIG_KINDS_MASK) != 0;
      g_autofree char *repeats = trig && row->repeats[s] > 1
                                 ? g_strdup_printf ("×%u", row->repeats[s]) : NULL;
      g_autofree char *condition = trig && row->condition[s] != 0
                                   ? condition_markup (row->condition[s]) : NULL;
      double from = left, to = right;

      /* the slide mark steps aside for the unsaved dot, both being top-left */
      if ((kinds & (1u << OCTA_TRIG_TYPE_SLIDE)) && self->layer != OCTA_STEP_GRID_LAYER_SLIDE)
        draw_text (self, snapshot, FONT_MARK, "↗", unsaved ? left + 5 : left, top, 0, 0, &mark);
      if ((kinds & RECORDER_KINDS_MASK) && self->layer != OCTA_STEP_GRID_LAYER_REC)
        draw_text (self, snapshot, FONT_MARK, "R", cx, top, 0.5, 0, &mark);
      if (trig && (row->locks[s] > 0 || row->sample[s] > 0))
        draw_lock_pill (self, snapshot, row->locks[s], row->sample[s] > 0, right, top - 1, pal);

      /* bottom: swing · condition · repeats, the condition giving way */
      if (swing)
        {
          from += text_width (self, FONT_MARK, "~") + 1;
          draw_text (self, snapshot, FONT_MARK, "~", left, bottom, 0, 1, &mark);
        }
      if (repeats != NULL)
        {
          to -= text_width (self, FONT_MARK, repeats) + 1;
          draw_text (self, snapshot, FONT_MARK, repeats, right, bottom, 1, 1, &mark);
        }
      if (condition != NULL)
        {
          FontKind font = text_width (self, FONT_MARK, condition) <= to - from ? FONT_MARK
                                                                              : FONT_MARK_SMALL;
          double width = text_width (self, font, condition);
          double x = CLAMP (cx - width / 2, from, MAX (from, to - width));

          draw_text (self, snapshot, font, condition, x, bottom, 0, 1, &mark);
        }
    }
  else
    {
      /* All view: position, not colour, says what a tick is */
      double left = rect->origin.x + 1, right = rect->origin.x + rect->size.width - 4;
      double mid = cx - 1.5, top = rect->origin.y + 2;
      double bottom = rect->origin.y + rect->size.height - 4;

      if (kinds & (1u << OCTA_TRIG_TYPE_SLIDE))
        draw_tick (snapshot, left, top, &mark);
      if (kinds & RECORDER_KINDS_MASK)
        draw_tick (snapshot, mid, top, &mark);
      if ((kinds & TRIG_KINDS_MASK) && (row->locks[s] > 0 || row->sample[s] > 0))
        draw_tick (snapshot, right, top, &mark);
      if ((kinds & (1u << OCTA_TRIG_TYPE_SWING)) && (row->swing > 0
                                                     || self->layer == OCTA_STEP_GRID_LAYER_SWING))
        draw_tick (snapshot, left, bottom, &mark);
      if ((kinds & TRIG_KINDS_MASK) && row->condition[s] != 0)
        draw_tick (snapshot, mid, bottom, &mark);
      if ((kinds & TRIG_KINDS_MASK) && row->repeats[s] > 1)
        draw_tick (snapshot, right, bottom, &mark);
    }

  if (beyond || insensitive)
    gtk_snapshot_pop (snapshot);

  /* Unsaved: a 4 px accent dot, top-left; in All view just under the slide
   * tick, which owns the corner there. Drawn over any dimming: it is about
   * the file, not the step's place in the pattern. */
  if (unsaved)
    {
      graphene_rect_t dot;

      if (page_view)
        graphene_rect_init (&dot, rect->origin.x + 2, rect->origin.y + 2, 4, 4);
      else
        graphene_rect_init (&dot, rect->origin.x + 1, rect->origin.y + 5, 4, 4);
      append_rounded (snapshot, &dot, 2, &pal->accent);
    }
}

/* The header names the slot's file, without its extension ("kick"); an
 * empty slot keeps its number ("Flex 001"). */
static char *
row_sample_name (OctaStepGrid *self,
                 Row          *row)
{
  OctaSlotKind kind;
  g_autoptr(OctaSampleSlot) slot = NULL;

  if (self->project != NULL
      && (row->sound.machine == OCTA_MACHINE_KIND_FLEX
          || row->sound.machine == OCTA_MACHINE_KIND_STATIC)
      && row->slot <= OCTA_N_SLOTS)
    {
      kind = row->sound.machine == OCTA_MACHINE_KIND_FLEX ? OCTA_SLOT_KIND_FLEX
                                                          : OCTA_SLOT_KIND_STATIC;
      slot = octa_project_get_sample_slot (self->project, kind, row->slot);
      if (slot != NULL && octa_sample_slot_get_used (slot))
        {
          g_autofree char *path = octa_sample_slot_dup_path (slot);
          g_autofree char *base = path != NULL && *path != '\0'
                                  ? g_path_get_basename (path) : NULL;

          if (base != NULL && strcmp (base, ".") != 0 && strcmp (base, "/") != 0)
            {
              char *dot = strrchr (base, '.');

              if (dot != NULL && dot != base)
                *dot = '\0';
              return g_steal_pointer (&base);
            }
        }
    }
  return octa_sample_slot_label (row->sound.machine, row->slot);
}

/*
 * _octa_step_grid_dup_sample_name:
 * @grid: an #OctaStepGrid
 * @row: an audio row, 0…7
 *
 * Returns: (transfer full) (nullable): what the row's header names after
 *   the machine badge: the sample ("kick") or the empty slot ("Flex 001")
 */
char *
_octa_step_grid_dup_sample_name (GtkWidget *grid,
                                 guint      row)
{
  OctaStepGrid *self = OCTA_STEP_GRID (grid);

  g_return_val_if_fail (row < 8, NULL);
  if (!self->rows[row].sound.known || self->rows[row].slot == 0)
    return NULL;
  return row_sample_name (self, &self->rows[row]);
}

static void
draw_header (OctaStepGrid  *self,
             GtkSnapshot   *snapshot,
             const Palette *pal,
             guint          r,
             double         y)
{
  Row *row = &self->rows[r];
  GdkRGBA dim = with_alpha (&pal->fg, 0.7);
  const char *letter = NULL;
  g_autofree char *name = NULL;
  g_autofree char *second = NULL;
  gboolean insensitive = !layer_applies (self, r);
  double line1, x = 8;

  /* first line: T3 · machine badge · slot; second line, when there is
   * something to say: "24 · 3/4x · swing 62%" */
  if (!row->midi)
    {
      letter = row->sound.known ? octa_machine_kind_letter (row->sound.machine) : NULL;
      if (row->sound.known && row->slot > 0)
        name = row_sample_name (self, row);
      else if (row->sound.known)
        name = g_strdup (octa_machine_kind_display_name (row->sound.machine));
    }
  else if (row->part_track != NULL)
    {
      g_autofree char *note = octa_midi_note_name (row->note);

      name = g_strdup_printf (_("ch %u  %s"), row->channel, note);
    }
  if (self->scale_mode == OCTA_SCALE_MODE_PER_TRACK)
    second = g_strdup_printf ("%u · %s", row->length, octa_scale_to_string (row->scale));
  if (row->swing > 0)
    {
      g_autofree char *swing = g_strdup_printf (_("swing %u%%"), 50 + row->swing);
      char *joined = second != NULL ? g_strdup_printf ("%s · %s", second, swing)
                                    : g_steal_pointer (&swing);

      g_free (second);
      second = joined;
    }
  line1 = second != NULL ? y + 8 : y + ROW_HEIGHT / 2.0;

  if (insensitive)
    gtk_snapshot_push_opacity (snapshot, 0.4);

  draw_text (self, snapshot, FONT_TRACK, row_label (r), x, line1, 0, 0.5,
             r == self->cursor_row ? &pal->accent : &pal->fg);
  x += 26;

  if (letter != NULL)
    {
      GdkRGBA badge = with_alpha (&pal->fg, 0.15);
      graphene_rect_t rect = GRAPHENE_RECT_INIT (x, line1 - 7, 14, 14);

      append_rounded (snapshot, &rect, 4, &badge);
      draw_text (self, snapshot, FONT_BADGE, letter, x + 7, line1, 0.5, 0.5, &pal->fg);
      x += 20;
    }

  if (name != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (name, -1);
      PangoLayout *layout = get_layout (self, FONT_SMALL, escaped);

      pango_layout_set_width (layout, (HEADER_WIDTH - x - 6) * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      draw_text (self, snapshot, FONT_SMALL, escaped, x, line1, 0, 0.5, &dim);
    }
  if (second != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (second, -1);

      draw_text (self, snapshot, FONT_SMALL, escaped, 34, y + ROW_HEIGHT - 6, 0, 0.5, &dim);
    }

  if (insensitive)
    gtk_snapshot_pop (snapshot);
}

static void
draw_numbers (OctaStepGrid  *self,
              GtkSnapshot   *snapshot,
              const Palette *pal)
{
  const Metrics *m = metrics (self);
  GdkRGBA dim = with_alpha (&pal->fg, 0.6);

  for (guint s = 0; s < N_STEPS; s++)
    {
      char text[8];
      gboolean bold;
      double x;

      if (!step_visible (self, s) || (self->view_all && s % 4 != 0))
        continue;
      g_snprintf (text, sizeof text, "%u", s + 1);
      bold = self->view_all ? s % 16 == 0 : s % 4 == 0;
      x = HEADER_WIDTH + step_x (self, s) + (self->view_all ? 0 : m->cell / 2.0);
      draw_text (self, snapshot, bold ? FONT_NUMBER_BOLD : FONT_NUMBER, text, x,
                 NUMBER_ROW / 2.0, self->view_all ? 0 : 0.5, 0.5, bold ? &pal->fg : &dim);
    }
}

/* {{{ Sample slots dropped on steps and track headers */

/* Returns whether @slot may go to @row: on a step (@step ≥ 0) as a sample
 * lock, on the track header (@step < 0) as the track's slot in the part.
 * @text says what would happen, or why not. */
static gboolean
slot_drop_check (OctaStepGrid   *self,
                 OctaSampleSlot *slot,
                 guint           row,
                 int             step,
                 char          **text)
{
  const Row *r = &self->rows[row];

  return octa_slot_drop_check (slot, row_label (row), r->midi, r->part_track != NULL,
                               r->sound.machine, step, text);
}

static gboolean
slot_drop_pick (OctaStepGrid *self,
                double        x,
                double        y,
                guint        *row,
                int          *step)
{
  guint r, s;

  if (octa_step_grid_pick_cell (self, x, y, &r, &s))
    {
      *row = r;
      *step = s;
      return TRUE;
    }
  if (x >= 0 && x < HEADER_WIDTH && y >= NUMBER_ROW)
    {
      int picked = pick_row (self, y);

      if (picked >= 0)
        {
          *row = picked;
          *step = -1;
          return TRUE;
        }
    }
  return FALSE;
}

static void
slot_drop_set_target (OctaStepGrid *self,
                      int           row,
                      int           step,
                      gboolean      ok,
                      const char   *text)
{
  if (self->drop_row != row || self->drop_step != step || self->drop_ok != ok)
    {
      self->drop_row = row;
      self->drop_step = step;
      self->drop_ok = ok;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  /* the readout is the drop chip: it says what will happen before release */
  if (text != NULL && g_strcmp0 (text, self->readout) != 0)
    {
      g_free (self->readout);
      self->readout = g_strdup (text);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READOUT]);
    }
}

static GdkDragAction
on_slot_drop_motion (GtkDropTarget *target,
                     double         x,
                     double         y,
                     OctaStepGrid  *self)
{
  const GValue *value = gtk_drop_target_get_value (target);
  OctaSampleSlot *slot = value != NULL ? g_value_get_object (value) : NULL;
  g_autofree char *text = NULL;
  gboolean ok;
  guint row;
  int step;

  if (slot == NULL || self->pattern == NULL || !slot_drop_pick (self, x, y, &row, &step))
    {
      slot_drop_set_target (self, -1, -1, FALSE, NULL);
      return 0;
    }
  ok = slot_drop_check (self, slot, row, step, &text);
  slot_drop_set_target (self, row, step, ok, text);
  return ok ? GDK_ACTION_COPY : 0;
}

static void
on_slot_drop_leave (GtkDropTarget *target,
                    OctaStepGrid  *self)
{
  slot_drop_set_target (self, -1, -1, FALSE, NULL);
  update_readout (self);
}

/**
 * octa_step_grid_drop_slot:
 * @self: a grid
 * @slot: a sample slot of the grid's project
 * @row: 0…7, an audio track
 * @step: a step 0…63 to lock the slot on, or -1 for the track itself
 * @error: where a refusal is told
 *
 * Locks @slot on a step, or makes the pattern's part play it on the track,
 * as one undoable edit. A slot of the wrong kind for the track's machine
 * is refused and nothing changes.
 *
 * Returns: whether the slot was placed
 */
gboolean
octa_step_grid_drop_slot (OctaStepGrid    *self,
                          OctaSampleSlot  *slot,
                          guint            row,
                          int              step,
                          GError         **error)
{
  g_autofree char *text = NULL;
  guint number;

  g_return_val_if_fail (OCTA_IS_STEP_GRID (self), FALSE);
  g_return_val_if_fail (OCTA_IS_SAMPLE_SLOT (slot), FALSE);
  g_return_val_if_fail (row < N_ROWS && step < (int) N_STEPS, FALSE);

  if (self->pattern == NULL || !slot_drop_check (self, slot, row, step, &text))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           text != NULL ? text : _("No pattern is shown"));
      return FALSE;
    }

  number = octa_slot_device_number (slot);
  octa_project_begin_change (self->project, text);
  if (step >= 0)
    {
      g_autoptr(OctaStep) target = get_step (self, row, step);

      octa_audio_step_set_sample_lock (OCTA_AUDIO_STEP (target), number);
    }
  else
    g_object_set (self->rows[row].part_track,
                  octa_sample_slot_get_kind (slot) == OCTA_SLOT_KIND_STATIC ? "static-slot"
                                                                            : "flex-slot",
                  number, NULL);
  octa_project_end_change (self->project);
  return TRUE;
}

static gboolean
on_slot_drop (GtkDropTarget *target,
              const GValue  *value,
              double         x,
              double         y,
              OctaStepGrid  *self)
{
  OctaSampleSlot *slot = g_value_get_object (value);
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;
  guint row;
  int step;

  if (slot != NULL && slot_drop_pick (self, x, y, &row, &step))
    {
      done = octa_step_grid_drop_slot (self, slot, row, step, &error);
      if (done && step >= 0)
        set_cursor_full (self, row, step, FALSE);
    }
  slot_drop_set_target (self, -1, -1, FALSE, NULL);
  update_readout (self);
  return done;
}

static void
slot_drop_init (OctaStepGrid *self)
{
  GtkDropTarget *target = gtk_drop_target_new (OCTA_TYPE_SAMPLE_SLOT, GDK_ACTION_COPY);

  gtk_drop_target_set_preload (target, TRUE);
  g_signal_connect (target, "motion", G_CALLBACK (on_slot_drop_motion), self);
  g_signal_connect (target, "enter", G_CALLBACK (on_slot_drop_motion), self);
  g_signal_connect (target, "leave", G_CALLBACK (on_slot_drop_leave), self);
  g_signal_connect (target, "drop", G_CALLBACK (on_slot_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

static void
draw_drop_target (OctaStepGrid  *self,
                  GtkSnapshot   *snapshot,
                  const Palette *pal)
{
  const Metrics *m = metrics (self);
  GdkRGBA colour = pal->accent;
  graphene_rect_t rect;

  if (!self->drop_ok)
    {
      GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

      lookup_color (context, "error_color", "#c01c28", &colour);
    }
  if (self->drop_step >= 0)
    cell_rect (self, self->drop_row, self->drop_step, &rect);
  else
    rect = GRAPHENE_RECT_INIT (2 + scroll_x (self), row_y (self->drop_row),
                               HEADER_WIDTH - 6, ROW_HEIGHT);
  graphene_rect_inset (&rect, -2, -2);
  append_outline (snapshot, &rect, m->radius + 2, 2, &colour);
}

/* }}} */

static void
octa_step_grid_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  OctaStepGrid *self = OCTA_STEP_GRID (widget);
  const Metrics *m = metrics (self);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double sx = scroll_x (self), sy = scroll_y (self);
  Palette pal;

  if (self->pattern == NULL)
    return;

  palette_init (widget, self->colorblind, &pal);

  /* step numbers, fixed at the top, scrolling sideways with the steps */
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (HEADER_WIDTH, 0, width - HEADER_WIDTH,
                                                         NUMBER_ROW));
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (-sx, 0));
  draw_numbers (self, snapshot, &pal);
  gtk_snapshot_restore (snapshot);
  gtk_snapshot_pop (snapshot);

  gtk_snapshot_push_clip (snapshot,
                          &GRAPHENE_RECT_INIT (0, NUMBER_ROW, width, height - NUMBER_ROW));

  /* track headers: a fixed column */
  for (guint r = 0; r < N_ROWS; r++)
    draw_header (self, snapshot, &pal, r, row_y (r) - sy);

  /* the hairline between audio and MIDI tracks */
  {
    double scale = gtk_widget_get_scale_factor (widget);
    double y = row_y (8) - sy - (HALF_GAP + ROW_GAP) / 2.0;
    GdkRGBA rule = with_alpha (&pal.fg, 0.15);

    gtk_snapshot_append_color (snapshot, &rule,
                               &GRAPHENE_RECT_INIT (4, round (y * scale) / scale,
                                                    width - 8, 1 / scale));
  }

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (HEADER_WIDTH, NUMBER_ROW,
                                                         width - HEADER_WIDTH,
                                                         height - NUMBER_ROW));
  /* a redraw stays within a frame even for a pattern full of locks */
  if (!ensure_visible_details (self, 6000) && self->details_idle == 0)
    self->details_idle = g_idle_add (on_details_idle, self);
  for (guint r = 0; r < N_ROWS; r++)
    for (guint s = 0; s < N_STEPS; s++)
      {
        graphene_rect_t rect;

        if (!step_visible (self, s))
          continue;
        cell_rect (self, r, s, &rect);
        if (rect.origin.x + rect.size.width < HEADER_WIDTH || rect.origin.x > width)
          continue;
        draw_cell (self, snapshot, &pal, r, s, &rect);
      }

  /* 1 px rule at the master length */
  if (master_steps (self) < N_STEPS && step_visible (self, master_steps (self)))
    {
      double scale = gtk_widget_get_scale_factor (widget);
      double x = HEADER_WIDTH + step_x (self, master_steps (self)) - sx - m->gap / 2.0 - 1;
      GdkRGBA rule = with_alpha (&pal.fg, 0.5);

      x = round (x * scale) / scale;
      gtk_snapshot_append_color (snapshot, &rule,
                                 &GRAPHENE_RECT_INIT (x, row_y (0) - sy, 1 / scale,
                                                      row_y (15) + ROW_HEIGHT - row_y (0)));
    }

  if (self->drop_row >= 0 && (self->drop_step < 0 || step_visible (self, self->drop_step)))
    draw_drop_target (self, snapshot, &pal);

  /* keyboard focus: Adwaita's ring, only when focus is visible */
  if (gtk_widget_has_visible_focus (widget) && step_visible (self, self->cursor_step))
    {
      graphene_rect_t rect;
      GdkRGBA ring = with_alpha (&pal.accent, pal.high_contrast ? 1.0f : 0.5f);
      float w = pal.high_contrast ? 3 : 2;

      cell_rect (self, self->cursor_row, self->cursor_step, &rect);
      graphene_rect_inset (&rect, -w, -w);
      append_outline (snapshot, &rect, m->radius + w, w, &ring);
    }

  gtk_snapshot_pop (snapshot);
  gtk_snapshot_pop (snapshot);
}

/* }}} */
/* {{{ Size and scrolling */

static void
octa_step_grid_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  OctaStepGrid *self = OCTA_STEP_GRID (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* All view wants 1140 px; below that it scrolls (in a scrolled
       * window) or is cut at the end, never forcing the window wider. */
      *natural = HEADER_WIDTH + steps_width (self) + PAD_END;
      *minimum = HEADER_WIDTH + page_width (&page_metrics) + PAD_END;
    }
  else
    *minimum = *natural = content_height ();
}

static void
configure_adjustment (GtkAdjustment *adjustment,
                      double         upper,
                      double         page)
{
  double value;

  if (adjustment == NULL)
    return;
  value = gtk_adjustment_get_value (adjustment);
  value = CLAMP (value, 0, MAX (0, upper - page));
  gtk_adjustment_configure (adjustment, value, 0, MAX (upper, page), page * 0.1, page * 0.9, page);
}

static void
octa_step_grid_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  OctaStepGrid *self = OCTA_STEP_GRID (widget);

  configure_adjustment (self->hadjustment, steps_width (self) + PAD_END, width - HEADER_WIDTH);
  configure_adjustment (self->vadjustment, content_height (), height);
  if (self->menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->menu));
  if (self->picker != NULL)
    gtk_popover_present (GTK_POPOVER (self->picker));
}

static void
on_adjustment_changed (GtkAdjustment *adjustment,
                       OctaStepGrid  *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (OctaStepGrid   *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment)
{
  if (*slot == adjustment)
    return;
  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (*slot, on_adjustment_changed, self);
  g_clear_object (slot);
  if (adjustment != NULL)
    {
      *slot = g_object_ref_sink (adjustment);
      g_signal_connect (adjustment, "value-changed", G_CALLBACK (on_adjustment_changed), self);
    }
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
octa_step_grid_scrollable_init (GtkScrollableInterface *iface)
{
}

/* }}} */
/* {{{ Mouse */

static GMenuModel *build_menu (void);

static void
show_menu (OctaStepGrid *self,
           double        x,
           double        y)
{
  /* Built on first use: its 146 items cost a good share of start-up, and
   * the legend's grid never shows one. */
  if (self->menu == NULL)
    {
      g_autoptr(GMenuModel) model = build_menu ();

      self->menu = gtk_popover_menu_new_from_model (model);
      gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), FALSE);
      gtk_widget_set_halign (self->menu, GTK_ALIGN_START);
      gtk_widget_set_parent (self->menu, GTK_WIDGET (self));
    }
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu), &(GdkRectangle) { x, y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

static void
on_click_pressed (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  OctaStepGrid    *self)
{
  GtkEventController *controller = GTK_EVENT_CONTROLLER (gesture);
  GdkModifierType state = gtk_event_controller_get_current_event_state (controller);
  guint row, step;

  self->press_row = self->press_step = -1;
  self->press_handled = TRUE;
  if (self->pattern == NULL)
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self));

  if (x < HEADER_WIDTH && y >= NUMBER_ROW)
    {
      int r = pick_row (self, y);

      if (r < 0)
        return;
      if (n_press == 2)
        g_signal_emit (self, signals[TRACK_ACTIVATED], 0, (guint) r);
      else
        set_cursor_full (self, r, self->cursor_step, FALSE);
      return;
    }
  if (!octa_step_grid_pick_cell (self, x, y, &row, &step))
    return;

  if (state & GDK_SHIFT_MASK)
    set_cursor_full (self, row, step, TRUE);
  else if (state & GDK_CONTROL_MASK)
    {
      set_cursor_full (self, row, step, FALSE);
      self->has_selection = TRUE;
      self->anchor_row = row;
      self->anchor_step = step;
      tell_selection (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  else
    {
      self->press_row = row;
      self->press_step = step;
      self->press_handled = n_press != 1;
    }
}

static void
on_click_released (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   OctaStepGrid    *self)
{
  guint row, step;

  if (self->press_handled || self->stroke_active
      || !octa_step_grid_pick_cell (self, x, y, &row, &step)
      || (int) row != self->press_row || (int) step != self->press_step)
    return;

  self->press_handled = TRUE;
  set_cursor_full (self, row, step, FALSE);
  toggle_cell (self, row, step);
}

static void
on_menu_pressed (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 OctaStepGrid    *self)
{
  guint row, step;

  if (self->pattern == NULL)
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (octa_step_grid_pick_cell (self, x, y, &row, &step) && !cell_selected (self, row, step))
    set_cursor_full (self, row, step, FALSE);
  show_menu (self, x, y);
}

static void
stroke_to (OctaStepGrid *self,
           guint         row,
           guint         step)
{
  int from = self->stroke_last;

  /* fill the cells a fast drag jumped over */
  if ((int) row != self->stroke_row || from < 0)
    from = step;
  for (int s = MIN (from, (int) step); s <= MAX (from, (int) step); s++)
    paint_cell (self, row, s, self->stroke_on, &self->stroke_dropped);
  self->stroke_row = row;
  self->stroke_last = step;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               OctaStepGrid   *self)
{
  GtkEventController *controller = GTK_EVENT_CONTROLLER (gesture);
  GdkModifierType state = gtk_event_controller_get_current_event_state (controller);

  self->drag_x = x;
  self->drag_y = y;
  self->band = (state & GDK_SHIFT_MASK) != 0;
  self->stroke_active = FALSE;
  memset (&self->stroke_dropped, 0, sizeof self->stroke_dropped);
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                OctaStepGrid   *self)
{
  guint row, step, start_row, start_step;

  if (self->pattern == NULL
      || !octa_step_grid_pick_cell (self, self->drag_x, self->drag_y, &start_row, &start_step)
      || !octa_step_grid_pick_cell (self, self->drag_x + dx, self->drag_y + dy, &row, &step))
    return;

  if (self->band)
    {
      if (row == start_row && step == start_step && !self->has_selection)
        return;
      self->press_handled = TRUE;
      self->cursor_row = start_row;
      self->cursor_step = start_step;
      self->has_selection = FALSE;
      set_cursor_full (self, row, step, TRUE);
      return;
    }

  if (!self->stroke_active)
    {
      if (row == start_row && step == start_step)
        return;
      if (!layer_applies (self, start_row))
        return;
      /* a stroke from an empty cell paints, from a set cell erases */
      self->press_handled = TRUE;
      self->stroke_on = !cell_has_layer_trig (self, start_row, start_step);
      self->stroke_active = TRUE;
      self->stroke_row = start_row;
      self->stroke_last = -1;
      octa_project_begin_change (self->project,
                                 self->stroke_on ? _("Paint trigs") : _("Erase trigs"));
      stroke_to (self, start_row, start_step);
      set_cursor_full (self, start_row, start_step, FALSE);
    }
  if (layer_applies (self, row))
    stroke_to (self, row, step);
}

static void
on_drag_end (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             OctaStepGrid   *self)
{
  Dropped dropped = self->stroke_dropped;

  if (!self->stroke_active)
    return;
  self->stroke_active = FALSE;
  memset (&self->stroke_dropped, 0, sizeof self->stroke_dropped);
  octa_project_end_change (self->project);
  /* an empty stroke emits nothing: read back what was drawn anyway */
  refresh_all (self);
  toast_dropped (self, &dropped);
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           OctaStepGrid             *self)
{
  guint row, step;
  int hr = -1, hs = -1;

  if (octa_step_grid_pick_cell (self, x, y, &row, &step))
    {
      hr = row;
      hs = step;
    }
  if (hr != self->hover_row || hs != self->hover_step)
    {
      self->hover_row = hr;
      self->hover_step = hs;
      update_readout (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
on_leave (GtkEventControllerMotion *controller,
          OctaStepGrid             *self)
{
  if (self->hover_row >= 0)
    {
      self->hover_row = self->hover_step = -1;
      update_readout (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static gboolean
on_query_tooltip (GtkWidget    *widget,
                  int           x,
                  int           y,
                  gboolean      keyboard,
                  GtkTooltip   *tooltip,
                  OctaStepGrid *self)
{
  guint row, step;
  g_autoptr(OctaStep) s = NULL;
  g_autofree char *text = NULL;
  graphene_rect_t rect;

  if (self->pattern == NULL)
    return FALSE;
  if (keyboard)
    {
      row = self->cursor_row;
      step = self->cursor_step;
    }
  else if (!octa_step_grid_pick_cell (self, x, y, &row, &step))
    return FALSE;

  s = get_step (self, row, step);
  text = describe_step (self, row, step, s);
  gtk_tooltip_set_text (tooltip, text);
  cell_rect (self, row, step, &rect);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { rect.origin.x, rect.origin.y,
                                                        rect.size.width, rect.size.height });
  return TRUE;
}

/* }}} */
/* {{{ Keyboard */

/* Trig keys go by position, as the device's 16 trig keys do. */
static const guint trig_keys[16] = {
  GDK_KEY_q, GDK_KEY_w, GDK_KEY_e, GDK_KEY_r, GDK_KEY_t, GDK_KEY_y, GDK_KEY_u, GDK_KEY_i,
  GDK_KEY_a, GDK_KEY_s, GDK_KEY_d, GDK_KEY_f, GDK_KEY_g, GDK_KEY_h, GDK_KEY_j, GDK_KEY_k,
};

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                OctaStepGrid          *self)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));
  guint base = keyval;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK | GDK_META_MASK))
    return FALSE;

  /* the unshifted key of group 0, so Shift+1 still reads "1" */
  if (!gdk_display_translate_key (display, keycode, 0, 0, &base, NULL, NULL, NULL))
    base = gdk_keyval_to_lower (keyval);

  for (guint i = 0; i < G_N_ELEMENTS (trig_keys); i++)
    if (base == trig_keys[i])
      {
        if (state & GDK_SHIFT_MASK)
          gtk_widget_activate_action (GTK_WIDGET (self), "grid.toggle-page-trigless", "u", i);
        else
          gtk_widget_activate_action (GTK_WIDGET (self), "grid.toggle-page-step", "u", i);
        return TRUE;
      }

  if (base >= GDK_KEY_1 && base <= GDK_KEY_8)
    {
      guint row = base - GDK_KEY_1 + ((state & GDK_SHIFT_MASK) ? 8 : 0);

      gtk_widget_activate_action (GTK_WIDGET (self), "grid.focus-track", "u", row);
      return TRUE;
    }
  return FALSE;
}

/* }}} */
/* {{{ Actions */

static void
action_move (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  OctaStepGrid *self = OCTA_STEP_GRID (widget);
  gint dr, ds, row, step;

  g_variant_get (param, "(ii)", &dr, &ds);
  row = CLAMP ((gint) self->cursor_row + dr, 0, N_ROWS - 1);
  step = CLAMP ((gint) self->cursor_step + ds, 0, N_STEPS - 1);
  set_cursor_full (self, row, step, g_str_equal (name, "grid.extend"));
}

static void
action_home_end (GtkWidget  *widget,
                 const char *name,
                 GVariant   *param)
{
  OctaStepGrid *self = OCTA_STEP_GRID (widget);
  guint first = 0, last = N_STEPS - 1;

  if (g_str_equal (name, "grid.step-home") || g_str_equal (name, "grid.step-end"))
    {
      first = visible_page (self) * 16;
      last = first + 15;
    }
  else
    last = master_steps (self) - 1;

  set_cursor_full (self, self->cursor_row,
                   g_str_has_suffix (name, "home") ? first : last, FALSE);
}

static void
action_page (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  OctaStepGrid *self = OCTA_STEP_GRID (widget);
  gint delta = g_str_equal (name, "grid.page-next") ? 1 : -1;
  gint page = CLAMP ((gint) (self->cursor_step / 16) + delta, 0, 3);

  set_cursor_full (self, self->cursor_row, page * 16 + self->cursor_step % 16, FALSE);
}

static void
action_focus_track (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  OctaStepGrid *self = OCTA_STEP_GRID (widget);
  guint row = g_variant_get_uint32 (param);

  if (row < N_ROWS)
    set_cursor_full (self, row, self->cursor_step, FALSE);
}

static void
action_swap_half (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
  OctaStepGrid *self = OCTA_STEP_GRID (widget);

  set_cursor_full (self, (self->cursor_row + 8) % N_ROWS, self->cursor_step, FALSE);
}

static void
action_toggle (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  OctaStepGrid *self = OCTA_STEP_GRID (widget);

  if (self->pattern == NULL)
    return;
  if (g_str_equal (name, "grid.toggle-page-step"))
    {
      guint i = g_variant_get_uint32 (param);

      if (i >= 16)
        return;
      set_cursor_full (self, self->cursor_row, visible_page (self) * 16 + i, FALSE);
    }
  toggle_cell (self, self->cursor_row, self->cursor_step);
}

static void
action_toggle_trigless (GtkWidget  *widget,
                        const char *name,
                        GVariant   *param)
{
  OctaStepGrid *self = OCTA_STEP_GRID (widget);

  if (self->pattern == NULL)
    return;
  if (g_str_equal (name, "grid.toggle-page-trigless"))
    {
      guint i = g_variant_get_uint32 (param);

      if (i >= 16)
        return;
      set_cursor_full (self, self->cursor_row, visible_page (self) * 16 + i, FALSE);
    }
  toggle_kind_at_cursor (self, OCTA_TRIG_TYPE_TRIGLESS, _("Toggle trigless trig"));
}

static void
action_toggle_kind (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  OctaStepGrid *self = OCTA_STEP_GRID (widget);

  if (g_str_equal (name, "grid.toggle-lock"))
    toggle_kind_at_cursor (self, OCTA_TRIG_TYPE_LOCK, _("Toggle lock trig"));
  else if (g_str_equal (name, "grid.toggle-oneshot"))
    toggle_kind_at_cursor (self, OCTA_TRIG_TYPE_ONESHOT, _("Toggle one-shot trig"));
}

static void
action_set_trig_kind (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  set_trig_kind (OCTA_STEP_GRID (widget), g_variant_get_string (param, NULL));
}

static void
on_condition_chosen (OctaConditionPicker *picker,
                     guint                condition,
                     OctaStepGrid        *self)
{
  g_object_set (self, "step-condition", condition, NULL);
}

static void
action_pick_condition (GtkWidget  *widget,
                       const char *name,
                       GVariant   *param)
{
  OctaStepGrid *self = OCTA_STEP_GRID (widget);
  graphene_rect_t rect;

  if (self->pattern == NULL)
    return;
  if (self->picker == NULL)
    {
      self->picker = octa_condition_picker_new ();
      gtk_widget_set_parent (self->picker, widget);
      g_signal_connect (self->picker, "condition-chosen", G_CALLBACK (on_condition_chosen), self);
    }
  octa_condition_picker_set_condition (OCTA_CONDITION_PICKER (self->picker), self->step_condition);
  cell_rect (self, self->cursor_row, self->cursor_step, &rect);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->picker),
                               &(GdkRectangle) { rect.origin.x, rect.origin.y,
                                                 rect.size.width, rect.size.height });
  gtk_popover_popup (GTK_POPOVER (self->picker));
}

static void
action_cycle_repeats (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  OctaStepGrid *self = OCTA_STEP_GRID (widget);

  if (self->step != NULL)
    g_object_set (self, "step-repeats", self->step_repeats % 8 + 1, NULL);
}

static void
action_nudge_micro (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  OctaStepGrid *self = OCTA_STEP_GRID (widget);
  gint micro;

  if (self->step == NULL)
    return;
  micro = octa_step_get_micro_timing (self->step) + g_variant_get_int32 (param);
  octa_step_set_micro_timing (self->step, CLAMP (micro, -23, 23));
}

static void
action_reset_micro (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  OctaStepGrid *self = OCTA_STEP_GRID (widget);

  if (self->step != NULL)
    octa_step_set_micro_timing (self->step, 0);
}

static void
action_nudge_sample_lock (GtkWidget  *widget,
                          const char *name,
                          GVariant   *param)
{
  OctaStepGrid *self = OCTA_STEP_GRID (widget);
  Row *row;
  gint slot, top;

  if (self->step == NULL || !OCTA_IS_AUDIO_STEP (self->step))
    return;
  row = &self->rows[self->cursor_row];
  top = row->sound.machine == OCTA_MACHINE_KIND_FLEX ? 136 : 128;
  slot = octa_audio_step_get_sample_lock (OCTA_AUDIO_STEP (self->step));
  slot = CLAMP (slot + g_variant_get_int32 (param), 0, top);
  octa_audio_step_set_sample_lock (OCTA_AUDIO_STEP (self->step), slot);
}

static void
action_shift_trigs (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  OctaStepGrid *self = OCTA_STEP_GRID (widget);
  gint delta = g_variant_get_int32 (param);
  guint row = self->cursor_row;
  guint length = row_length (self, row);
  g_autoptr(Clip) clip = NULL;
  g_autoptr(Clip) rotated = NULL;

  if (self->pattern == NULL || length < 2)
    return;

  /* rotate within the track's length, everything moving with its trig */
  clip = clip_read (self, CLIP_STEPS, row, row, 0, length - 1);
  rotated = clip_new (CLIP_STEPS, 1, length);
  rotated->midi[0] = clip->midi[0];
  for (guint s = 0; s < length; s++)
    rotated->cells[((gint) s + delta % (gint) length + (gint) length) % length] = clip->cells[s];

  octa_project_begin_change (self->project, _("Shift trigs"));
  clip_write (self, rotated, row, 0);
  octa_project_end_change (self->project);
  set_cursor_full (self, row,
                   ((gint) self->cursor_step + delta % (gint) length + (gint) length) % length,
                   FALSE);
}

static void
action_select_track (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  OctaStepGrid *self = OCTA_STEP_GRID (widget);

  self->has_selection = TRUE;
  self->anchor_row = self->cursor_row;
  self->anchor_step = 0;
  set_cursor_full (self, self->cursor_row, MAX (row_length (self, self->cursor_row), 1) - 1, TRUE);
}

static void
action_deselect (GtkWidget  *widget,
                 const char *name,
                 GVariant   *param)
{
  OctaStepGrid *self = OCTA_STEP_GRID (widget);

  if (self->has_selection)
    {
      self->has_selection = FALSE;
      tell_selection (self);
      gtk_widget_queue_draw (widget);
    }
}

static void
action_copy (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  OctaStepGrid *self = OCTA_STEP_GRID (widget);
  guint page = visible_page (self);

  if (g_str_equal (name, "grid.copy") || g_str_equal (name, "grid.cut"))
    copy_selection (self);
  else if (g_str_equal (name, "grid.copy-step"))
    copy_range (self, CLIP_STEPS, self->cursor_row, self->cursor_row,
                self->cursor_step, self->cursor_step);
  else if (g_str_equal (name, "grid.copy-track"))
    copy_range (self, CLIP_TRACK, self->cursor_row, self->cursor_row, 0, N_STEPS - 1);
  else if (g_str_equal (name, "grid.copy-page"))
    copy_range (self, CLIP_PAGE, 0, N_ROWS - 1, page * 16, page * 16 + 15);
  else if (g_str_equal (name, "grid.copy-pattern"))
    copy_range (self, CLIP_PATTERN, 0, N_ROWS - 1, 0, N_STEPS - 1);

  if (g_str_equal (name, "grid.cut"))
    {
      guint r0, r1, s0, s1;

      selection_rect (self, &r0, &r1, &s0, &s1);
      clear_range (self, r0, r1, s0, s1, _("Cut steps"));
    }
}

static void
action_paste (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  paste (OCTA_STEP_GRID (widget));
}

static void
action_clear (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  OctaStepGrid *self = OCTA_STEP_GRID (widget);
  g_autofree char *toast = NULL;
  guint r0, r1, s0, s1;

  if (self->pattern == NULL)
    return;

  if (g_str_equal (name, "grid.clear-pattern"))
    {
      g_autofree char *label = octa_pattern_dup_label (self->pattern);

      octa_pattern_clear (self->pattern);
      toast = g_strdup_printf (_("Cleared pattern %s"), label);
    }
  else if (g_str_equal (name, "grid.clear-track"))
    {
      octa_pattern_track_clear (self->rows[self->cursor_row].track);
      toast = g_strdup_printf (_("Cleared %s"), row_label (self->cursor_row));
    }
  else if (g_str_equal (name, "grid.clear-page"))
    {
      guint page = visible_page (self);

      clear_range (self, 0, N_ROWS - 1, page * 16, page * 16 + 15, _("Clear page"));
      toast = g_strdup_printf (_("Cleared page %u"), page + 1);
    }
  else
    {
      selection_rect (self, &r0, &r1, &s0, &s1);
      clear_range (self, r0, r1, s0, s1, _("Clear steps"));
      if (r0 != r1 || s0 != s1)
        toast = g_strdup_printf (_("Cleared %u steps"), (r1 - r0 + 1) * (s1 - s0 + 1));
      else
        toast = g_strdup_printf (_("Cleared %s step %u"), row_label (r0), s0 + 1);
    }
  show_toast (self, toast);
}

static void
action_clear_locks (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  OctaStepGrid *self = OCTA_STEP_GRID (widget);
  guint r0, r1, s0, s1;

  if (self->pattern == NULL)
    return;
  selection_rect (self, &r0, &r1, &s0, &s1);
  octa_project_begin_change (self->project, _("Clear parameter locks"));
  for (guint r = r0; r <= r1; r++)
    for (guint s = s0; s <= s1; s++)
      {
        g_autoptr(OctaStep) step = get_step (self, r, s);

        octa_step_clear_plocks (step);
      }
  octa_project_end_change (self->project);
}

static void
action_inspect (GtkWidget  *widget,
                const char *name,
                GVariant   *param)
{
  g_signal_emit (widget, signals[INSPECT], 0);
}

static void
action_context_menu (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  OctaStepGrid *self = OCTA_STEP_GRID (widget);
  graphene_rect_t rect;

  if (self->pattern == NULL)
    return;
  cell_rect (self, self->cursor_row, self->cursor_step, &rect);
  show_menu (self, rect.origin.x + rect.size.width / 2, rect.origin.y + rect.size.height);
}

static GMenuModel *
build_menu (void)
{
  GMenu *menu = g_menu_new ();
  GMenu *section, *trig, *condition, *probability, *ab, *repeats, *micro;

  trig = g_menu_new ();
  g_menu_append (trig, _("Sample"), "grid.set-trig-kind::sample");
  g_menu_append (trig, _("Trigless"), "grid.set-trig-kind::trigless");
  g_menu_append (trig, _("Lock"), "grid.set-trig-kind::lock");
  g_menu_append (trig, _("None"), "grid.set-trig-kind::none");

  condition = g_menu_new ();
  section = g_menu_new ();
  {
    GMenuItem *item = g_menu_item_new (_("None"), NULL);

    g_menu_item_set_action_and_target (item, "grid.step-condition", "u", 0);
    g_menu_append_item (section, item);
    g_object_unref (item);
  }
  g_menu_append_section (condition, NULL, G_MENU_MODEL (section));
  g_object_unref (section);
  section = g_menu_new ();
  for (guint c = OCTA_TRIG_CONDITION_FILL; c <= OCTA_TRIG_CONDITION_NOT_FIRST; c++)
    {
      const char *text = octa_trig_condition_to_string (c);
      g_autofree char *label = text[0] == '!' ? g_strdup_printf (_("Not %s"), text + 1)
                                              : g_strdup (text);
      GMenuItem *item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target (item, "grid.step-condition", "u", c);
      g_menu_append_item (section, item);
      g_object_unref (item);
    }
  g_menu_append_section (condition, NULL, G_MENU_MODEL (section));
  g_object_unref (section);

  probability = g_menu_new ();
  for (guint c = OCTA_TRIG_CONDITION_PERCENT_1; c <= OCTA_TRIG_CONDITION_PERCENT_99; c++)
    {
      GMenuItem *item = g_menu_item_new (octa_trig_condition_to_string (c), NULL);

      g_menu_item_set_action_and_target (item, "grid.step-condition", "u", c);
      g_menu_append_item (probability, item);
      g_object_unref (item);
    }
  ab = g_menu_new ();
  for (guint c = OCTA_TRIG_CONDITION_1_2; c <= OCTA_TRIG_CONDITION_8_8; c++)
    {
      GMenuItem *item = g_menu_item_new (octa_trig_condition_to_string (c), NULL);

      g_menu_item_set_action_and_target (item, "grid.step-condition", "u", c);
      g_menu_append_item (ab, item);
      g_object_unref (item);
    }
  section = g_menu_new ();
  g_menu_append_submenu (section, _("Probability"), G_MENU_MODEL (probability));
  g_menu_append_submenu (section, _("A:B"), G_MENU_MODEL (ab));
  g_menu_append_section (condition, NULL, G_MENU_MODEL (section));
  g_object_unref (section);
  g_object_unref (probability);
  g_object_unref (ab);

  micro = g_menu_new ();
  g_menu_append (micro, _("Reset"), "grid.reset-micro");

  repeats = g_menu_new ();
  for (guint n = 1; n <= 8; n++)
    {
      g_autofree char *label = g_strdup_printf ("×%u", n);
      GMenuItem *item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target (item, "grid.step-repeats", "u", n);
      g_menu_append_item (repeats, item);
      g_object_unref (item);
    }

  section = g_menu_new ();
  g_menu_append_submenu (section, _("Trig"), G_MENU_MODEL (trig));
  g_menu_append (section, _("One-shot"), "grid.step-oneshot");
  g_menu_append_submenu (section, _("Condition"), G_MENU_MODEL (condition));
  g_menu_append_submenu (section, _("Micro-timing"), G_MENU_MODEL (micro));
  g_menu_append_submenu (section, _("Repeats"), G_MENU_MODEL (repeats));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  g_object_unref (section);
  g_object_unref (trig);
  g_object_unref (condition);
  g_object_unref (micro);
  g_object_unref (repeats);

  section = g_menu_new ();
  g_menu_append (section, _("Swing"), "grid.step-swing");
  g_menu_append (section, _("Slide"), "grid.step-slide");
  g_menu_append (section, _("Recorder Trig"), "grid.step-recorder");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  g_object_unref (section);

  section = g_menu_new ();
  g_menu_append (section, _("Copy"), "grid.copy");
  g_menu_append (section, _("Cut"), "grid.cut");
  g_menu_append (section, _("Paste"), "grid.paste");
  g_menu_append (section, _("Clear Locks"), "grid.clear-locks");
  g_menu_append (section, _("Clear Step"), "grid.clear");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  g_object_unref (section);

  section = g_menu_new ();
  g_menu_append (section, _("Copy Track"), "grid.copy-track");
  g_menu_append (section, _("Copy Page"), "grid.copy-page");
  g_menu_append (section, _("Copy Pattern"), "grid.copy-pattern");
  g_menu_append (section, _("Select Track Steps"), "grid.select-track");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  g_object_unref (section);

  return G_MENU_MODEL (menu);
}

/* }}} */
/* {{{ GObject */

static void
set_step_flag (OctaStepGrid *self,
               guint         flag,
               gboolean      on)
{
  static const char *const labels[] = {
    N_("Toggle one-shot trig"), N_("Toggle swing trig"), N_("Toggle slide trig"),
    N_("Toggle recorder trig"),
  };
  guint row = self->cursor_row, step = self->cursor_step;

  if (self->pattern == NULL || on == self->step_flags[flag])
    return;

  octa_project_begin_change (self->project, _(labels[flag]));
  switch (flag)
    {
    case 0:
      set_kind (self, row, OCTA_TRIG_TYPE_ONESHOT, step, on);
      break;
    case 1:
      set_kind (self, row, OCTA_TRIG_TYPE_SWING, step, on);
      break;
    case 2:
      set_kind (self, row, OCTA_TRIG_TYPE_SLIDE, step, on);
      break;
    case 3:
    default:
      for (guint k = OCTA_TRIG_TYPE_RECORDER_1; k <= OCTA_TRIG_TYPE_RECORDER_4; k++)
        set_kind (self, row, k, step, on && k != OCTA_TRIG_TYPE_RECORDER_4);
      break;
    }
  octa_project_end_change (self->project);
}

static void
octa_step_grid_dispose (GObject *object)
{
  OctaStepGrid *self = OCTA_STEP_GRID (object);

  g_clear_handle_id (&self->details_idle, g_source_remove);
  /* tear down quietly: whoever listens may be going away too */
  if (self->stroke_active)
    {
      self->stroke_active = FALSE;
      octa_project_end_change (self->project);
    }
  if (self->changed_id != 0)
    g_clear_signal_handler (&self->changed_id, self->project);
  if (self->modified_id != 0)
    g_clear_signal_handler (&self->modified_id, self->project);
  g_clear_object (&self->step);
  release_rows (self);
  g_clear_object (&self->project);
  g_clear_object (&self->pattern);
  g_clear_pointer (&self->menu, gtk_widget_unparent);
  g_clear_pointer (&self->picker, gtk_widget_unparent);
  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);

  G_OBJECT_CLASS (octa_step_grid_parent_class)->dispose (object);
}

static void
octa_step_grid_finalize (GObject *object)
{
  OctaStepGrid *self = OCTA_STEP_GRID (object);

  g_clear_pointer (&self->layouts, g_hash_table_unref);
  g_clear_pointer (&self->readout, g_free);

  G_OBJECT_CLASS (octa_step_grid_parent_class)->finalize (object);
}

static void
octa_step_grid_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  OctaStepGrid *self = OCTA_STEP_GRID (object);

  switch (prop_id)
    {
    case PROP_PATTERN:
      g_value_set_object (value, self->pattern);
      break;
    case PROP_PAGE:
      g_value_set_uint (value, self->page);
      break;
    case PROP_VIEW_ALL:
      g_value_set_boolean (value, self->view_all);
      break;
    case PROP_LAYER:
      g_value_set_enum (value, self->layer);
      break;
    case PROP_CURSOR_TRACK:
      g_value_set_uint (value, self->cursor_row);
      break;
    case PROP_CURSOR_STEP:
      g_value_set_uint (value, self->cursor_step);
      break;
    case PROP_STEP:
      g_value_set_object (value, self->step);
      break;
    case PROP_READOUT:
      g_value_set_string (value, self->readout);
      break;
    case PROP_STEP_ONESHOT:
    case PROP_STEP_SWING:
    case PROP_STEP_SLIDE:
    case PROP_STEP_RECORDER:
      g_value_set_boolean (value, self->step_flags[prop_id - PROP_STEP_ONESHOT]);
      break;
    case PROP_STEP_CONDITION:
      g_value_set_uint (value, self->step_condition);
      break;
    case PROP_STEP_REPEATS:
      g_value_set_uint (value, self->step_repeats);
      break;
    case PROP_COLORBLIND:
      g_value_set_boolean (value, self->colorblind);
      break;
    case PROP_SHOW_UNSAVED:
      g_value_set_boolean (value, self->show_unsaved);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
octa_step_grid_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  OctaStepGrid *self = OCTA_STEP_GRID (object);

  switch (prop_id)
    {
    case PROP_PATTERN:
      octa_step_grid_set_pattern (self, g_value_get_object (value));
      break;
    case PROP_PAGE:
      octa_step_grid_set_page (self, g_value_get_uint (value));
      break;
    case PROP_VIEW_ALL:
      octa_step_grid_set_view_all (self, g_value_get_boolean (value));
      break;
    case PROP_LAYER:
      octa_step_grid_set_layer (self, g_value_get_enum (value));
      break;
    case PROP_CURSOR_TRACK:
      octa_step_grid_set_cursor (self, g_value_get_uint (value), self->cursor_step);
      break;
    case PROP_CURSOR_STEP:
      octa_step_grid_set_cursor (self, self->cursor_row, g_value_get_uint (value));
      break;
    case PROP_STEP_ONESHOT:
    case PROP_STEP_SWING:
    case PROP_STEP_SLIDE:
    case PROP_STEP_RECORDER:
      set_step_flag (self, prop_id - PROP_STEP_ONESHOT, g_value_get_boolean (value));
      break;
    case PROP_STEP_CONDITION:
      if (self->step != NULL)
        octa_step_set_condition (self->step, g_value_get_uint (value));
      break;
    case PROP_STEP_REPEATS:
      if (self->step != NULL)
        octa_step_set_repeats (self->step, g_value_get_uint (value));
      break;
    case PROP_SHOW_UNSAVED:
      octa_step_grid_set_show_unsaved (self, g_value_get_boolean (value));
      break;
    case PROP_COLORBLIND:
      if (self->colorblind != g_value_get_boolean (value))
        {
          self->colorblind = g_value_get_boolean (value);
          if (self->colorblind)
            gtk_widget_add_css_class (GTK_WIDGET (self), "colorblind");
          else
            gtk_widget_remove_css_class (GTK_WIDGET (self), "colorblind");
          gtk_widget_queue_draw (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
octa_step_grid_system_setting_changed (GtkWidget        *widget,
                                       GtkSystemSetting  setting)
{
  OctaStepGrid *self = OCTA_STEP_GRID (widget);

  g_hash_table_remove_all (self->layouts);
  GTK_WIDGET_CLASS (octa_step_grid_parent_class)->system_setting_changed (widget, setting);
}

static void
octa_step_grid_class_init (OctaStepGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = octa_step_grid_dispose;
  object_class->finalize = octa_step_grid_finalize;
  object_class->get_property = octa_step_grid_get_property;
  object_class->set_property = octa_step_grid_set_property;

  widget_class->snapshot = octa_step_grid_snapshot;
  widget_class->measure = octa_step_grid_measure;
  widget_class->size_allocate = octa_step_grid_size_allocate;
  widget_class->system_setting_changed = octa_step_grid_system_setting_changed;

  properties[PROP_PATTERN] =
    g_param_spec_object ("pattern", NULL, NULL, OCTA_TYPE_PATTERN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * OctaStepGrid:page:
   *
   * The page shown in Page view, 0…3 for steps 1–16 … 49–64.
   */
  properties[PROP_PAGE] =
    g_param_spec_uint ("page", NULL, NULL, 0, 3, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * OctaStepGrid:view-all:
   *
   * Whether all 64 steps show at once (All view) instead of one page.
   */
  properties[PROP_VIEW_ALL] =
    g_param_spec_boolean ("view-all", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAYER] =
    g_param_spec_enum ("layer", NULL, NULL, OCTA_TYPE_STEP_GRID_LAYER, OCTA_STEP_GRID_LAYER_TRIGS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * OctaStepGrid:cursor-track:
   *
   * The focused row: 0…7 for T1…T8, 8…15 for M1…M8.
   */
  properties[PROP_CURSOR_TRACK] =
    g_param_spec_uint ("cursor-track", NULL, NULL, 0, N_ROWS - 1, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURSOR_STEP] =
    g_param_spec_uint ("cursor-step", NULL, NULL, 0, N_STEPS - 1, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * OctaStepGrid:step:
   *
   * The focused step.
   */
  properties[PROP_STEP] =
    g_param_spec_object ("step", NULL, NULL, OCTA_TYPE_STEP,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * OctaStepGrid:readout:
   *
   * The focused step in words, for the readout line under the grid: "T3 ·
   * step 17 — Trigless trig · 2 p-locks: AMP VOL +12, FX1 BASE 32 · FILL".
   */
  properties[PROP_READOUT] =
    g_param_spec_string ("readout", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The focused step's attributes, as properties so that menus can show
   * them as checks and radio items through property actions. */
  properties[PROP_STEP_ONESHOT] =
    g_param_spec_boolean ("step-oneshot", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STEP_SWING] =
    g_param_spec_boolean ("step-swing", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STEP_SLIDE] =
    g_param_spec_boolean ("step-slide", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STEP_RECORDER] =
    g_param_spec_boolean ("step-recorder", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STEP_CONDITION] =
    g_param_spec_uint ("step-condition", NULL, NULL, 0, OCTA_TRIG_CONDITION_8_8, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STEP_REPEATS] =
    g_param_spec_uint ("step-repeats", NULL, NULL, 1, 8, 1,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * OctaStepGrid:colorblind-palette:
   *
   * Whether trig kinds take the Okabe–Ito hues (Preferences › Trig colours ›
   * Colour-blind friendly) instead of the device's.
   */
  properties[PROP_COLORBLIND] =
    g_param_spec_boolean ("colorblind-palette", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * OctaStepGrid:show-unsaved:
   *
   * Whether a small accent dot marks each step whose bytes differ from the
   * disk: edits in memory not yet saved (Preferences › Show unsaved steps).
   */
  properties[PROP_SHOW_UNSAVED] =
    g_param_spec_boolean ("show-unsaved", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /**
   * OctaStepGrid::step-selected:
   * @self: the grid
   * @step: (nullable): the focused step
   *
   * Emitted when focus moves to another step (or the pattern changes).
   */
  signals[STEP_SELECTED] =
    g_signal_new ("step-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, OCTA_TYPE_STEP);
  /**
   * OctaStepGrid::inspect:
   * @self: the grid
   *
   * Emitted on Enter: the user wants to edit the focused step in the
   * inspector.
   */
  /**
   * OctaStepGrid::selection-changed:
   * @self: the grid
   *
   * Emitted when the selected steps change; see
   * octa_step_grid_dup_selected_steps().
   */
  signals[SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[INSPECT] =
    g_signal_new ("inspect", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * OctaStepGrid::track-activated:
   * @self: the grid
   * @row: 0…15
   *
   * Emitted on a double-click on a track header: open the track in Parts.
   */
  signals[TRACK_ACTIVATED] =
    g_signal_new ("track-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_install_action (widget_class, "grid.move", "(ii)", action_move);
  gtk_widget_class_install_action (widget_class, "grid.extend", "(ii)", action_move);
  gtk_widget_class_install_action (widget_class, "grid.step-home", NULL, action_home_end);
  gtk_widget_class_install_action (widget_class, "grid.step-end", NULL, action_home_end);
  gtk_widget_class_install_action (widget_class, "grid.pattern-home", NULL, action_home_end);
  gtk_widget_class_install_action (widget_class, "grid.pattern-end", NULL, action_home_end);
  gtk_widget_class_install_action (widget_class, "grid.page-previous", NULL, action_page);
  gtk_widget_class_install_action (widget_class, "grid.page-next", NULL, action_page);
  gtk_widget_class_install_action (widget_class, "grid.focus-track", "u", action_focus_track);
  gtk_widget_class_install_action (widget_class, "grid.swap-half", NULL, action_swap_half);
  gtk_widget_class_install_action (widget_class, "grid.toggle", NULL, action_toggle);
  gtk_widget_class_install_action (widget_class, "grid.toggle-page-step", "u", action_toggle);
  gtk_widget_class_install_action (widget_class, "grid.toggle-trigless", NULL,
                                   action_toggle_trigless);
  gtk_widget_class_install_action (widget_class, "grid.toggle-page-trigless", "u",
                                   action_toggle_trigless);
  gtk_widget_class_install_action (widget_class, "grid.toggle-lock", NULL, action_toggle_kind);
  gtk_widget_class_install_action (widget_class, "grid.toggle-oneshot", NULL, action_toggle_kind);
  gtk_widget_class_install_action (widget_class, "grid.set-trig-kind", "s", action_set_trig_kind);
  gtk_widget_class_install_action (widget_class, "grid.pick-condition", NULL,
                                   action_pick_condition);
  gtk_widget_class_install_action (widget_class, "grid.cycle-repeats", NULL, action_cycle_repeats);
  gtk_widget_class_install_action (widget_class, "grid.nudge-micro", "i", action_nudge_micro);
  gtk_widget_class_install_action (widget_class, "grid.reset-micro", NULL, action_reset_micro);
  gtk_widget_class_install_action (widget_class, "grid.nudge-sample-lock", "i",
                                   action_nudge_sample_lock);
  gtk_widget_class_install_action (widget_class, "grid.shift-trigs", "i", action_shift_trigs);
  gtk_widget_class_install_action (widget_class, "grid.select-track", NULL, action_select_track);
  gtk_widget_class_install_action (widget_class, "grid.deselect", NULL, action_deselect);
  gtk_widget_class_install_action (widget_class, "grid.copy", NULL, action_copy);
  gtk_widget_class_install_action (widget_class, "grid.cut", NULL, action_copy);
  gtk_widget_class_install_action (widget_class, "grid.copy-step", NULL, action_copy);
  gtk_widget_class_install_action (widget_class, "grid.copy-track", NULL, action_copy);
  gtk_widget_class_install_action (widget_class, "grid.copy-page", NULL, action_copy);
  gtk_widget_class_install_action (widget_class, "grid.copy-pattern", NULL, action_copy);
  gtk_widget_class_install_action (widget_class, "grid.paste", NULL, action_paste);
  gtk_widget_class_install_action (widget_class, "grid.clear", NULL, action_clear);
  gtk_widget_class_install_action (widget_class, "grid.clear-track", NULL, action_clear);
  gtk_widget_class_install_action (widget_class, "grid.clear-page", NULL, action_clear);
  gtk_widget_class_install_action (widget_class, "grid.clear-pattern", NULL, action_clear);
  gtk_widget_class_install_action (widget_class, "grid.clear-locks", NULL, action_clear_locks);
  gtk_widget_class_install_action (widget_class, "grid.inspect", NULL, action_inspect);
  gtk_widget_class_install_action (widget_class, "grid.context-menu", NULL, action_context_menu);
  gtk_widget_class_install_property_action (widget_class, "grid.layer", "layer");
  gtk_widget_class_install_property_action (widget_class, "grid.view-all", "view-all");
  gtk_widget_class_install_property_action (widget_class, "grid.page", "page");
  gtk_widget_class_install_property_action (widget_class, "grid.step-oneshot", "step-oneshot");
  gtk_widget_class_install_property_action (widget_class, "grid.step-swing", "step-swing");
  gtk_widget_class_install_property_action (widget_class, "grid.step-slide", "step-slide");
  gtk_widget_class_install_property_action (widget_class, "grid.step-recorder", "step-recorder");
  gtk_widget_class_install_property_action (widget_class, "grid.step-condition", "step-condition");
  gtk_widget_class_install_property_action (widget_class, "grid.step-repeats", "step-repeats");

#define BIND(key, mods, action, ...) \
  gtk_widget_class_add_binding_action (widget_class, key, mods, action, __VA_ARGS__)

  BIND (GDK_KEY_Up, 0, "grid.move", "(ii)", -1, 0);
  BIND (GDK_KEY_Down, 0, "grid.move", "(ii)", 1, 0);
  BIND (GDK_KEY_Left, 0, "grid.move", "(ii)", 0, -1);
  BIND (GDK_KEY_Right, 0, "grid.move", "(ii)", 0, 1);
  BIND (GDK_KEY_Up, GDK_SHIFT_MASK, "grid.extend", "(ii)", -1, 0);
  BIND (GDK_KEY_Down, GDK_SHIFT_MASK, "grid.extend", "(ii)", 1, 0);
  BIND (GDK_KEY_Left, GDK_SHIFT_MASK, "grid.extend", "(ii)", 0, -1);
  BIND (GDK_KEY_Right, GDK_SHIFT_MASK, "grid.extend", "(ii)", 0, 1);
  BIND (GDK_KEY_Home, 0, "grid.step-home", NULL);
  BIND (GDK_KEY_End, 0, "grid.step-end", NULL);
  BIND (GDK_KEY_Home, GDK_CONTROL_MASK, "grid.pattern-home", NULL);
  BIND (GDK_KEY_End, GDK_CONTROL_MASK, "grid.pattern-end", NULL);
  BIND (GDK_KEY_Page_Up, 0, "grid.page-previous", NULL);
  BIND (GDK_KEY_Page_Down, 0, "grid.page-next", NULL);
  BIND (GDK_KEY_m, 0, "grid.swap-half", NULL);
  BIND (GDK_KEY_space, 0, "grid.toggle", NULL);
  BIND (GDK_KEY_space, GDK_SHIFT_MASK, "grid.toggle-trigless", NULL);
  BIND (GDK_KEY_l, 0, "grid.toggle-lock", NULL);
  BIND (GDK_KEY_o, 0, "grid.toggle-oneshot", NULL);
  BIND (GDK_KEY_c, 0, "grid.pick-condition", NULL);
  BIND (GDK_KEY_x, 0, "grid.cycle-repeats", NULL);
  BIND (GDK_KEY_Left, GDK_ALT_MASK, "grid.nudge-micro", "i", -1);
  BIND (GDK_KEY_Right, GDK_ALT_MASK, "grid.nudge-micro", "i", 1);
  BIND (GDK_KEY_Left, GDK_ALT_MASK | GDK_SHIFT_MASK, "grid.nudge-micro", "i", -6);
  BIND (GDK_KEY_Right, GDK_ALT_MASK | GDK_SHIFT_MASK, "grid.nudge-micro", "i", 6);
  BIND (GDK_KEY_Up, GDK_ALT_MASK, "grid.nudge-sample-lock", "i", -1);
  BIND (GDK_KEY_Down, GDK_ALT_MASK, "grid.nudge-sample-lock", "i", 1);
  BIND (GDK_KEY_Left, GDK_CONTROL_MASK, "grid.shift-trigs", "i", -1);
  BIND (GDK_KEY_Right, GDK_CONTROL_MASK, "grid.shift-trigs", "i", 1);
  BIND (GDK_KEY_1, GDK_CONTROL_MASK, "grid.layer", "s", "trigs");
  BIND (GDK_KEY_2, GDK_CONTROL_MASK, "grid.layer", "s", "swing");
  BIND (GDK_KEY_3, GDK_CONTROL_MASK, "grid.layer", "s", "slide");
  BIND (GDK_KEY_4, GDK_CONTROL_MASK, "grid.layer", "s", "rec");
  BIND (GDK_KEY_v, 0, "grid.view-all", NULL);
  BIND (GDK_KEY_a, GDK_CONTROL_MASK, "grid.select-track", NULL);
  BIND (GDK_KEY_a, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "grid.deselect", NULL);
  BIND (GDK_KEY_Escape, 0, "grid.deselect", NULL);
  BIND (GDK_KEY_c, GDK_CONTROL_MASK, "grid.copy", NULL);
  BIND (GDK_KEY_x, GDK_CONTROL_MASK, "grid.cut", NULL);
  BIND (GDK_KEY_v, GDK_CONTROL_MASK, "grid.paste", NULL);
  BIND (GDK_KEY_Delete, 0, "grid.clear", NULL);
  BIND (GDK_KEY_BackSpace, 0, "grid.clear", NULL);
  BIND (GDK_KEY_Return, 0, "grid.inspect", NULL);
  BIND (GDK_KEY_KP_Enter, 0, "grid.inspect", NULL);
  BIND (GDK_KEY_Menu, 0, "grid.context-menu", NULL);
  BIND (GDK_KEY_F10, GDK_SHIFT_MASK, "grid.context-menu", NULL);
#undef BIND

  gtk_widget_class_set_css_name (widget_class, "octastepgrid");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
octa_step_grid_init (OctaStepGrid *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkGesture *click, *menu_click, *drag;
  GtkEventController *motion, *key;

  _octa_grid_ensure_css ();

  self->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->hover_row = self->hover_step = -1;
  self->press_row = self->press_step = -1;
  self->drop_row = self->drop_step = -1;
  self->step_repeats = 1;
  self->pattern_length = 16;
  self->master_length = 16;
  self->readout = g_strdup ("");

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_has_tooltip (widget, TRUE);
  g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_query_tooltip), self);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_click_pressed), self);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));

  menu_click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (menu_click), GDK_BUTTON_SECONDARY);
  g_signal_connect (menu_click, "pressed", G_CALLBACK (on_menu_pressed), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (menu_click));

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drag));

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "enter", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (widget, motion);

  key = gtk_event_controller_key_new ();
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (widget, key);

  slot_drop_init (self);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
  update_readout (self);
}

/* }}} */
/* {{{ Public API */

/**
 * octa_step_grid_new:
 *
 * Returns: (transfer floating): a new, empty step grid
 */
GtkWidget *
octa_step_grid_new (void)
{
  return g_object_new (OCTA_TYPE_STEP_GRID, NULL);
}

/**
 * octa_step_grid_set_pattern:
 * @self: a grid
 * @pattern: (nullable): the pattern to show
 *
 * Shows @pattern, keeping page, view, layer and cursor.
 */
void
octa_step_grid_set_pattern (OctaStepGrid *self,
                            OctaPattern  *pattern)
{
  g_return_if_fail (OCTA_IS_STEP_GRID (self));
  g_return_if_fail (pattern == NULL || OCTA_IS_PATTERN (pattern));

  if (self->pattern == pattern)
    return;

  if (self->stroke_active)
    {
      self->stroke_active = FALSE;
      octa_project_end_change (self->project);
    }
  if (self->changed_id != 0)
    g_clear_signal_handler (&self->changed_id, self->project);
  if (self->modified_id != 0)
    g_clear_signal_handler (&self->modified_id, self->project);
  g_clear_object (&self->step);
  release_rows (self);
  g_clear_object (&self->project);
  g_clear_object (&self->pattern);
  self->has_selection = FALSE;

  if (pattern != NULL)
    {
      self->pattern = g_object_ref (pattern);
      self->project = g_object_ref (octa_bank_get_project (octa_pattern_get_bank (pattern)));
      self->changed_id = g_signal_connect (self->project, "changed",
                                           G_CALLBACK (on_project_changed), self);
      self->modified_id = g_signal_connect (self->project, "notify::modified",
                                            G_CALLBACK (on_project_modified), self);
      for (guint r = 0; r < N_ROWS; r++)
        {
          self->rows[r].midi = r >= 8;
          self->rows[r].track = r < 8
            ? OCTA_PATTERN_TRACK (octa_pattern_get_audio_track (pattern, r))
            : OCTA_PATTERN_TRACK (octa_pattern_get_midi_track (pattern, r - 8));
        }
      refresh_all (self);
    }

  update_focus (self, TRUE);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATTERN]);
}

/**
 * octa_step_grid_copy_pattern:
 * @self: a grid
 * @pattern: (nullable): the pattern to copy; %NULL for the one shown
 *
 * Puts a whole pattern on the clipboard, as Copy Pattern in the grid's
 * menu does: every track's steps and settings and the pattern's own.
 */
void
octa_step_grid_copy_pattern (OctaStepGrid *self,
                             OctaPattern  *pattern)
{
  g_autoptr(OctaStepGrid) scratch = NULL;

  g_return_if_fail (OCTA_IS_STEP_GRID (self));
  g_return_if_fail (pattern == NULL || OCTA_IS_PATTERN (pattern));

  if (pattern == NULL || pattern == self->pattern)
    {
      copy_range (self, CLIP_PATTERN, 0, N_ROWS - 1, 0, N_STEPS - 1);
      return;
    }

  /* Another pattern is read through a grid of its own, so the one shown
   * keeps its cursor and selection. */
  scratch = g_object_ref_sink (OCTA_STEP_GRID (octa_step_grid_new ()));
  octa_step_grid_set_pattern (scratch, pattern);
  copy_range (scratch, CLIP_PATTERN, 0, N_ROWS - 1, 0, N_STEPS - 1);
  octa_step_grid_set_pattern (scratch, NULL);
}

/**
 * octa_step_grid_get_pattern:
 * @self: a grid
 *
 * Returns: (transfer none) (nullable): the pattern shown
 */
OctaPattern *
octa_step_grid_get_pattern (OctaStepGrid *self)
{
  g_return_val_if_fail (OCTA_IS_STEP_GRID (self), NULL);
  return self->pattern;
}

guint
octa_step_grid_get_page (OctaStepGrid *self)
{
  g_return_val_if_fail (OCTA_IS_STEP_GRID (self), 0);
  return self->page;
}

/**
 * octa_step_grid_set_page:
 * @self: a grid
 * @page: 0…3
 *
 * Shows another page; the cursor keeps its place on the page.
 */
void
octa_step_grid_set_page (OctaStepGrid *self,
                         guint         page)
{
  g_return_if_fail (OCTA_IS_STEP_GRID (self));
  g_return_if_fail (page < 4);

  if (page == self->page && self->cursor_step / 16 == page)
    return;
  self->page = page;
  set_cursor_full (self, self->cursor_row, page * 16 + self->cursor_step % 16, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

gboolean
octa_step_grid_get_view_all (OctaStepGrid *self)
{
  g_return_val_if_fail (OCTA_IS_STEP_GRID (self), FALSE);
  return self->view_all;
}

void
octa_step_grid_set_view_all (OctaStepGrid *self,
                             gboolean      view_all)
{
  g_return_if_fail (OCTA_IS_STEP_GRID (self));

  view_all = !!view_all;
  if (view_all == self->view_all)
    return;
  self->view_all = view_all;
  if (!view_all && self->page != self->cursor_step / 16)
    {
      self->page = self->cursor_step / 16;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
    }
  gtk_widget_queue_resize (GTK_WIDGET (self));
  scroll_to_cursor (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW_ALL]);
}

/**
 * octa_step_grid_get_show_unsaved:
 * @self: a grid
 *
 * Returns: whether unsaved steps wear their dot
 */
gboolean
octa_step_grid_get_show_unsaved (OctaStepGrid *self)
{
  g_return_val_if_fail (OCTA_IS_STEP_GRID (self), FALSE);
  return self->show_unsaved;
}

/**
 * octa_step_grid_set_show_unsaved:
 * @self: a grid
 * @show_unsaved: whether to mark the steps whose bytes differ from the disk
 *
 * Turns the unsaved dots on or off. Off, the grid does not look for them.
 */
void
octa_step_grid_set_show_unsaved (OctaStepGrid *self,
                                 gboolean      show_unsaved)
{
  g_return_if_fail (OCTA_IS_STEP_GRID (self));

  show_unsaved = !!show_unsaved;
  if (self->show_unsaved == show_unsaved)
    return;
  self->show_unsaved = show_unsaved;
  refresh_unsaved (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_UNSAVED]);
}

/*
 * _octa_step_grid_get_unsaved_steps:
 * @grid: an #OctaStepGrid
 * @row: 0…15
 *
 * Returns: the steps of @row wearing the unsaved dot, bit n−1 for step n;
 *   0 while the dots are off
 */
guint64
_octa_step_grid_get_unsaved_steps (GtkWidget *grid,
                                   guint      row)
{
  g_return_val_if_fail (OCTA_IS_STEP_GRID (grid), 0);
  g_return_val_if_fail (row < N_ROWS, 0);
  return OCTA_STEP_GRID (grid)->rows[row].unsaved;
}

OctaStepGridLayer
octa_step_grid_get_layer (OctaStepGrid *self)
{
  g_return_val_if_fail (OCTA_IS_STEP_GRID (self), OCTA_STEP_GRID_LAYER_TRIGS);
  return self->layer;
}

void
octa_step_grid_set_layer (OctaStepGrid      *self,
                          OctaStepGridLayer  layer)
{
  g_return_if_fail (OCTA_IS_STEP_GRID (self));
  g_return_if_fail (layer <= OCTA_STEP_GRID_LAYER_REC);

  if (layer == self->layer)
    return;
  self->layer = layer;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYER]);
}

/**
 * octa_step_grid_get_cursor:
 * @self: a grid
 * @row: (out) (optional): the focused row, 0…15
 * @step: (out) (optional): the focused step, 0…63
 */
void
octa_step_grid_get_cursor (OctaStepGrid *self,
                           guint        *row,
                           guint        *step)
{
  g_return_if_fail (OCTA_IS_STEP_GRID (self));
  if (row)
    *row = self->cursor_row;
  if (step)
    *step = self->cursor_step;
}

/**
 * octa_step_grid_set_cursor:
 * @self: a grid
 * @row: 0…15 (T1…T8, M1…M8)
 * @step: 0…63
 *
 * Moves the focus; the page follows in Page view.
 */
void
octa_step_grid_set_cursor (OctaStepGrid *self,
                           guint         row,
                           guint         step)
{
  g_return_if_fail (OCTA_IS_STEP_GRID (self));
  g_return_if_fail (row < N_ROWS && step < N_STEPS);

  set_cursor_full (self, row, step, FALSE);
}

/**
 * octa_step_grid_get_step:
 * @self: a grid
 *
 * Returns: (transfer none) (nullable): the focused step
 */
OctaStep *
octa_step_grid_get_step (OctaStepGrid *self)
{
  g_return_val_if_fail (OCTA_IS_STEP_GRID (self), NULL);
  return self->step;
}

/**
 * octa_step_grid_get_selection:
 * @self: a grid
 * @first_row: (out) (optional):
 * @last_row: (out) (optional):
 * @first_step: (out) (optional):
 * @last_step: (out) (optional):
 *
 * The selected rectangle of steps, or the focused step alone.
 *
 * Returns: whether more than the focused step is selected
 */
gboolean
octa_step_grid_get_selection (OctaStepGrid *self,
                              guint        *first_row,
                              guint        *last_row,
                              guint        *first_step,
                              guint        *last_step)
{
  guint r0, r1, s0, s1;

  g_return_val_if_fail (OCTA_IS_STEP_GRID (self), FALSE);

  selection_rect (self, &r0, &r1, &s0, &s1);
  if (first_row)
    *first_row = r0;
  if (last_row)
    *last_row = r1;
  if (first_step)
    *first_step = s0;
  if (last_step)
    *last_step = s1;
  return self->has_selection;
}

/**
 * octa_step_grid_dup_selected_steps:
 * @self: a grid
 *
 * The steps an inspector edit applies to: every step of the selected
 * rectangle, track by track, or the focused step alone.
 *
 * Returns: (transfer full) (element-type OctaStep): the steps, empty without
 *   a pattern
 */
GPtrArray *
octa_step_grid_dup_selected_steps (OctaStepGrid *self)
{
  GPtrArray *steps;
  guint r0, r1, s0, s1;

  g_return_val_if_fail (OCTA_IS_STEP_GRID (self), NULL);

  steps = g_ptr_array_new_with_free_func (g_object_unref);
  if (self->pattern == NULL)
    return steps;
  selection_rect (self, &r0, &r1, &s0, &s1);
  for (guint r = r0; r <= r1; r++)
    for (guint s = s0; s <= s1; s++)
      g_ptr_array_add (steps, get_step (self, r, s));
  return steps;
}

/**
 * octa_step_grid_lookup_trig_color:
 * @self: a grid
 * @role: "octa_trig", "octa_trigless" or "octa_oneshot"
 * @color: (out): the colour the grid draws that trig kind in
 *
 * The hue the grid gives a trig kind now, after the colour scheme and the
 * trig palette preference.
 *
 * Returns: whether @role names a trig kind
 */
gboolean
octa_step_grid_lookup_trig_color (OctaStepGrid *self,
                                  const char   *role,
                                  GdkRGBA      *color)
{
  Palette pal;

  g_return_val_if_fail (OCTA_IS_STEP_GRID (self), FALSE);
  g_return_val_if_fail (role != NULL && color != NULL, FALSE);

  palette_init (GTK_WIDGET (self), self->colorblind, &pal);
  if (g_str_equal (role, "octa_trig"))
    *color = pal.trig;
  else if (g_str_equal (role, "octa_trigless"))
    *color = pal.trigless;
  else if (g_str_equal (role, "octa_oneshot"))
    *color = pal.oneshot;
  else
    return FALSE;
  return TRUE;
}

/**
 * octa_step_grid_get_readout:
 * @self: a grid
 *
 * Returns: (transfer none): the focused step in words
 */
const char *
octa_step_grid_get_readout (OctaStepGrid *self)
{
  g_return_val_if_fail (OCTA_IS_STEP_GRID (self), NULL);
  return self->readout;
}

/* }}} */
/* {{{ Legend */

/*
 * The legend is drawn by the grid's own glyph code, so it cannot drift from
 * what the grid shows.
 */
#define OCTA_TYPE_STEP_GRID_LEGEND (octa_step_grid_legend_get_type ())
G_DECLARE_FINAL_TYPE (OctaStepGridLegend, octa_step_grid_legend, OCTA, STEP_GRID_LEGEND, GtkWidget)

struct _OctaStepGridLegend
{
  GtkWidget     parent_instance;
  OctaStepGrid *grid;   /* a private grid, for its text cache only */
  GSettings    *settings;
};

G_DEFINE_FINAL_TYPE (OctaStepGridLegend, octa_step_grid_legend, GTK_TYPE_WIDGET)

typedef enum
{
  LEGEND_TRIG,
  LEGEND_TRIGLESS,
  LEGEND_LOCK,
  LEGEND_ONESHOT,
  LEGEND_RECORDER,
  LEGEND_SWING,
  LEGEND_SLIDE,
  LEGEND_CONDITION,
  LEGEND_MICRO,
  LEGEND_REPEATS,
  LEGEND_LOCKS,
  LEGEND_SAMPLE,
  LEGEND_BEYOND,
  N_LEGEND
} LegendEntry;

#define LEGEND_ROW 32
#define LEGEND_WIDTH 300

static const char *
legend_text (LegendEntry entry)
{
  switch (entry)
    {
    case LEGEND_TRIG: return _("Sample trig (audio) · note trig (MIDI)");
    case LEGEND_TRIGLESS: return _("Trigless trig");
    case LEGEND_LOCK: return _("Lock trig");
    case LEGEND_ONESHOT: return _("One-shot trig");
    case LEGEND_RECORDER: return _("Recorder trig");
    case LEGEND_SWING: return _("Swing trig");
    case LEGEND_SLIDE: return _("Slide trig");
    case LEGEND_CONDITION: return _("Condition (overline: not)");
    case LEGEND_MICRO: return _("Micro-timing: the trig leans late or early");
    case LEGEND_REPEATS: return _("Repeats");
    case LEGEND_LOCKS: return _("P-locks: how many");
    case LEGEND_SAMPLE: return _("Sample lock");
    case LEGEND_BEYOND: return _("Beyond the pattern or track length");
    case N_LEGEND:
    default: return "";
    }
}

static void
octa_step_grid_legend_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  OctaStepGridLegend *self = OCTA_STEP_GRID_LEGEND (widget);
  OctaStepGrid *grid = self->grid;
  Palette pal;
  GdkRGBA mark;

  /* the legend sits in a popover, away from the grid: it follows the trig
   * palette preference itself */
  if (self->settings != NULL)
    {
      g_autofree char *palette = g_settings_get_string (self->settings, "trig-palette");

      palette_init (widget, g_strcmp0 (palette, "colour-blind") == 0, &pal);
    }
  else
    palette_init (widget, FALSE, &pal);
  mark = with_alpha (&pal.fg, 0.75);

  for (guint i = 0; i < N_LEGEND; i++)
    {
      graphene_rect_t cell = GRAPHENE_RECT_INIT (4, i * LEGEND_ROW + 2, 32, ROW_HEIGHT);
      double cx = cell.origin.x + 16, cy = cell.origin.y + cell.size.height / 2;
      GdkRGBA bg = with_alpha (&pal.fg, 0.05);
      g_autofree char *text = g_markup_escape_text (legend_text (i), -1);

      append_rounded (snapshot, &cell, 6, &bg);
      switch ((LegendEntry) i)
        {
        case LEGEND_TRIG:
          draw_trig_glyph (snapshot, 1u << OCTA_TRIG_TYPE_TRIGGER, cx, cy, 12, &pal);
          break;
        case LEGEND_TRIGLESS:
          draw_trig_glyph (snapshot, 1u << OCTA_TRIG_TYPE_TRIGLESS, cx, cy, 12, &pal);
          break;
        case LEGEND_LOCK:
          draw_trig_glyph (snapshot, 1u << OCTA_TRIG_TYPE_LOCK, cx, cy, 12, &pal);
          break;
        case LEGEND_ONESHOT:
          draw_trig_glyph (snapshot, 1u << OCTA_TRIG_TYPE_ONESHOT, cx, cy, 12, &pal);
          break;
        case LEGEND_RECORDER:
          draw_text (grid, snapshot, FONT_MARK, "R", cx, cell.origin.y + 1, 0.5, 0, &mark);
          break;
        case LEGEND_SWING:
          draw_text (grid, snapshot, FONT_MARK, "~", cell.origin.x + 2,
                     cell.origin.y + cell.size.height - 1, 0, 1, &mark);
          break;
        case LEGEND_SLIDE:
          draw_text (grid, snapshot, FONT_MARK, "↗", cell.origin.x + 2, cell.origin.y + 1, 0, 0,
                     &mark);
          break;
        case LEGEND_CONDITION:
          draw_text (grid, snapshot, FONT_MARK, "<span overline=\"single\">FILL</span>", cx,
                     cell.origin.y + cell.size.height - 1, 0.5, 1, &mark);
          break;
        case LEGEND_MICRO:
          draw_trig_glyph (snapshot, 1u << OCTA_TRIG_TYPE_TRIGGER, cx + 4, cy, 12, &pal);
          break;
        case LEGEND_REPEATS:
          draw_text (grid, snapshot, FONT_MARK, "×2", cell.origin.x + 30,
                     cell.origin.y + cell.size.height - 1, 1, 1, &mark);
          break;
        case LEGEND_LOCKS:
          draw_lock_pill (grid, snapshot, 3, FALSE, cell.origin.x + 30, cell.origin.y + 2, &pal);
          break;
        case LEGEND_SAMPLE:
          draw_lock_pill (grid, snapshot, 2, TRUE, cell.origin.x + 30, cell.origin.y + 2, &pal);
          break;
        case LEGEND_BEYOND:
          gtk_snapshot_push_rounded_clip (snapshot, &(GskRoundedRect) {
                                            .bounds = cell,
                                            .corner = { { 6, 6 }, { 6, 6 }, { 6, 6 }, { 6, 6 } } });
          append_hatch (snapshot, &cell, &pal.fg, pal.high_contrast ? 0.2f : 0.08f);
          gtk_snapshot_pop (snapshot);
          gtk_snapshot_push_opacity (snapshot, 0.35);
          draw_trig_glyph (snapshot, 1u << OCTA_TRIG_TYPE_TRIGGER, cx, cy, 12, &pal);
          gtk_snapshot_pop (snapshot);
          break;
        case N_LEGEND:
        default:
          break;
        }
      draw_text (grid, snapshot, FONT_SMALL, text, 46, cy, 0, 0.5, &pal.fg);
    }
}

static void
octa_step_grid_legend_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = LEGEND_WIDTH;
  else
    *minimum = *natural = N_LEGEND * LEGEND_ROW;
}

static void
octa_step_grid_legend_dispose (GObject *object)
{
  OctaStepGridLegend *self = OCTA_STEP_GRID_LEGEND (object);

  g_clear_object (&self->grid);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (octa_step_grid_legend_parent_class)->dispose (object);
}

static void
octa_step_grid_legend_class_init (OctaStepGridLegendClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = octa_step_grid_legend_dispose;
  widget_class->snapshot = octa_step_grid_legend_snapshot;
  widget_class->measure = octa_step_grid_legend_measure;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
octa_step_grid_legend_init (OctaStepGridLegend *self)
{
  GString *description = g_string_new (NULL);

  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source != NULL
    ? g_settings_schema_source_lookup (source, OCTA_APP_ID, TRUE) : NULL;

  self->grid = g_object_ref_sink (OCTA_STEP_GRID (octa_step_grid_new ()));
  if (schema != NULL)
    {
      self->settings = g_settings_new (OCTA_APP_ID);
      g_signal_connect_object (self->settings, "changed::trig-palette",
                               G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
    }
  for (guint i = 0; i < N_LEGEND; i++)
    g_string_append_printf (description, "%s%s", i ? ", " : "", legend_text (i));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Legend"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str,
                                  -1);
  g_string_free (description, TRUE);
}

/**
 * octa_step_grid_legend_new:
 *
 * Returns: (transfer floating): a widget showing every glyph of the grid
 *   with its meaning
 */
GtkWidget *
octa_step_grid_legend_new (void)
{
  return g_object_new (OCTA_TYPE_STEP_GRID_LEGEND, NULL);
}

/* }}} */
