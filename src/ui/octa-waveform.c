/* SPDX-License-Identifier: MIT */
#include "octa-waveform.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "octa-peaks.h"

/**
 * OctaWaveform:
 *
 * A sample slot's audio with its markers (design guide §4.2): min/max
 * peaks per device pixel, one lane per channel of a stereo file, trim
 * start/end as flagged handles with the outside dimmed, the loop point and
 * the numbered slices. Handles are dragged (one undo step per drag), moved
 * with the arrow keys, and slices are added with Ctrl+click and removed
 * with Delete. Drags snap to zero crossings unless Shift is held.
 */
struct _OctaWaveform
{
  GtkWidget        parent_instance;

  OctaSampleSlot  *slot;
  OctaMarkers     *markers;
  GCancellable    *cancellable;
  OctaPeaks       *peaks;
  char            *status;

  /* Per-device-pixel outline, rebuilt when the width or scale changes */
  int              cache_columns;
  float           *col_min;
  float           *col_max;

  gboolean         ruler_frames;
  gint             focus;
  gint             drag;
  guint            drag_frame;
  double           drag_x;
};

G_DEFINE_FINAL_TYPE (OctaWaveform, octa_waveform, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SLOT,
  PROP_LOADED,
  PROP_FOCUS_HANDLE,
  PROP_RULER_FRAMES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define FLAG_HEIGHT   20.0
#define RULER_HEIGHT  18.0
#define HIT_SLOP       6.0
#define LINE_WIDTH     2.0
/* How far a drag looks for a zero crossing, in device pixels. */
#define SNAP_PIXELS    4.0

typedef struct
{
  GdkRGBA fg;
  GdkRGBA bg;
  GdkRGBA accent;
  GdkRGBA accent_bg;
  GdkRGBA accent_fg;
  float   strong;  /* 1 in high contrast: lines and the outline at full ink */
} Palette;

static void
lookup_color (GtkStyleContext *context,
              const char      *name,
              const char      *fallback,
              GdkRGBA         *color)
{
  if (!gtk_style_context_lookup_color (context, name, color))
    gdk_rgba_parse (color, fallback);
}

static void
palette_init (GtkWidget *widget,
              Palette   *pal)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  gtk_style_context_get_color (context, &pal->fg);
  lookup_color (context, "view_bg_color", dark ? "#1e1e1e" : "#ffffff", &pal->bg);
  lookup_color (context, "accent_color", dark ? "#78aeed" : "#1c71d8", &pal->accent);
  lookup_color (context, "accent_bg_color", "#3584e4", &pal->accent_bg);
  lookup_color (context, "accent_fg_color", "#ffffff", &pal->accent_fg);
  pal->strong = adw_style_manager_get_high_contrast (adw_style_manager_get_default ()) ? 1 : 0;
}

static GdkRGBA
with_alpha (const GdkRGBA *color,
            float          alpha)
{
  GdkRGBA c = *color;

  c.alpha *= alpha;
  return c;
}

/* Geometry ------------------------------------------------------------- */

static guint64
view_frames (OctaWaveform *self)
{
  if (self->peaks != NULL && octa_peaks_get_frames (self->peaks) > 0)
    return octa_peaks_get_frames (self->peaks);
  if (self->markers != NULL)
    return MAX (1, octa_markers_get_trim_end (self->markers));
  return 1;
}

static double
x_for_frame (OctaWaveform *self,
             guint64       frame)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));

  return (double) frame * width / (double) view_frames (self);
}

static guint
frame_for_x (OctaWaveform *self,
             double        x)
{
  double width = MAX (1, gtk_widget_get_width (GTK_WIDGET (self)));
  double frame = round (x * (double) view_frames (self) / width);

  return (guint) CLAMP (frame, 0, (double) MIN (view_frames (self), G_MAXINT));
}

static guint
slice_count (OctaWaveform *self)
{
  return self->markers != NULL ? MIN (octa_markers_get_slice_count (self->markers),
                                      OCTA_MARKERS_N_SLICES)
                               : 0;
}

static gint
n_handles (OctaWaveform *self)
{
  if (self->peaks == NULL || self->markers == NULL)
    return 0;
  return OCTA_WAVEFORM_HANDLE_SLICE + slice_count (self);
}

static guint
handle_frame (OctaWaveform *self,
              gint          handle)
{
  guint start = 0;

  if (handle == self->drag)
    return self->drag_frame;
  switch (handle)
    {
    case OCTA_WAVEFORM_HANDLE_TRIM_START:
      return octa_markers_get_trim_start (self->markers);
    case OCTA_WAVEFORM_HANDLE_TRIM_END:
      return octa_markers_get_trim_end (self->markers);
    case OCTA_WAVEFORM_HANDLE_LOOP:
      return octa_markers_get_loop_point (self->markers);
    default:
      octa_markers_get_slice (self->markers, handle - OCTA_WAVEFORM_HANDLE_SLICE, &start, NULL,
                              NULL);
      return start;
    }
}

/* Where a handle may go; the model keeps slices sorted the same way. */
static void
handle_bounds (OctaWaveform *self,
               gint          handle,
               guint        *lower,
               guint        *upper)
{
  guint length = (guint) MIN (view_frames (self), G_MAXINT);

  *lower = 0;
  *upper = length;
  switch (handle)
    {
    case OCTA_WAVEFORM_HANDLE_TRIM_START:
      *upper = MIN (length, octa_markers_get_trim_end (self->markers));
      break;
    case OCTA_WAVEFORM_HANDLE_TRIM_END:
      *lower = octa_markers_get_trim_start (self->markers);
      break;
    case OCTA_WAVEFORM_HANDLE_LOOP:
      break;
    default:
      {
        guint index = handle - OCTA_WAVEFORM_HANDLE_SLICE, end = 0, prev = 0;

        octa_markers_get_slice (self->markers, index, NULL, &end, NULL);
        if (index > 0)
          {
            octa_markers_get_slice (self->markers, index - 1, &prev, NULL, NULL);
            *lower = prev + 1;
          }
        *upper = end;
      }
      break;
    }
  if (*lower > *upper)
    *lower = *upper;
}

static guint
snap (OctaWaveform    *self,
      guint            frame,
      GdkModifierType  state)
{
  double width = MAX (1, gtk_widget_get_width (GTK_WIDGET (self)));
  guint64 radius;

  if ((state & GDK_SHIFT_MASK) || self->peaks == NULL)
    return frame;
  radius = (guint64) ceil (SNAP_PIXELS * view_frames (self) /
                           (width * gtk_widget_get_scale_factor (GTK_WIDGET (self))));
  return (guint) octa_peaks_snap_to_zero (self->peaks, frame, radius);
}

/* Model edits ------------------------------------------------------------ */

static void
commit_handle (OctaWaveform *self,
               gint          handle,
               guint         frame)
{
  switch (handle)
    {
    case OCTA_WAVEFORM_HANDLE_TRIM_START:
      octa_markers_set_trim_start (self->markers, frame);
      break;
    case OCTA_WAVEFORM_HANDLE_TRIM_END:
      octa_markers_set_trim_end (self->markers, frame);
      break;
    case OCTA_WAVEFORM_HANDLE_LOOP:
      octa_markers_set_loop_point (self->markers, frame);
      break;
    default:
      octa_markers_move_slice (self->markers, handle - OCTA_WAVEFORM_HANDLE_SLICE, frame);
      break;
    }
}

static void
move_handle_to (OctaWaveform *self,
                gint          handle,
                gint64        frame)
{
  guint lower, upper;

  handle_bounds (self, handle, &lower, &upper);
  frame = CLAMP (frame, (gint64) lower, (gint64) upper);
  if ((guint) frame != handle_frame (self, handle))
    commit_handle (self, handle, (guint) frame);
}

static void update_accessible (OctaWaveform *self);

static void
set_focus (OctaWaveform *self,
           gint          handle)
{
  if (handle >= n_handles (self))
    handle = n_handles (self) > 0 ? OCTA_WAVEFORM_HANDLE_TRIM_START : OCTA_WAVEFORM_HANDLE_NONE;
  if (self->focus == handle)
    return;
  self->focus = handle;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUS_HANDLE]);
}

/* Hit testing: the nearest line within reach; trims win ties. */
static gint
handle_at (OctaWaveform *self,
           double        x)
{
  gint best = OCTA_WAVEFORM_HANDLE_NONE;
  double best_distance = HIT_SLOP;

  for (gint h = 0; h < n_handles (self); h++)
    {
      double distance = fabs (x_for_frame (self, handle_frame (self, h)) - x);

      if (distance < best_distance)
        {
          best = h;
          best_distance = distance;
        }
    }
  return best;
}

/**
 * octa_waveform_click:
 * @self: a waveform
 * @x: where, in widget coordinates
 * @y: where
 * @state: the modifiers held
 *
 * What a primary click does: with Ctrl it adds a slice at @x (snapped to
 * a zero crossing unless Shift is held), otherwise it focuses the handle
 * under @x.
 *
 * Returns: the focused handle, or %OCTA_WAVEFORM_HANDLE_NONE
 */
gint
octa_waveform_click (OctaWaveform    *self,
                     double           x,
                     double           y,
                     GdkModifierType  state)
{
  g_return_val_if_fail (OCTA_IS_WAVEFORM (self), OCTA_WAVEFORM_HANDLE_NONE);

  if (n_handles (self) == 0)
    return OCTA_WAVEFORM_HANDLE_NONE;

  if (state & GDK_CONTROL_MASK)
    {
      guint position = snap (self, frame_for_x (self, x), state);
      gint index = octa_markers_add_slice (self->markers, position);

      if (index >= 0)
        set_focus (self, OCTA_WAVEFORM_HANDLE_SLICE + index);
      else
        gtk_widget_error_bell (GTK_WIDGET (self));
      return self->focus;
    }

  {
    gint handle = handle_at (self, x);

    if (handle != OCTA_WAVEFORM_HANDLE_NONE)
      set_focus (self, handle);
    return handle;
  }
}

static void
drag_begin (GtkGestureDrag *gesture,
            double          x,
            double          y,
            OctaWaveform   *self)
{
  GdkModifierType state =
    gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  gint handle;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (self->peaks != NULL && y >= MAX (FLAG_HEIGHT + 8, gtk_widget_get_height (GTK_WIDGET (self)) -
                                                        RULER_HEIGHT))
    {
      octa_waveform_set_ruler_frames (self, !self->ruler_frames);
      return;
    }
  handle = octa_waveform_click (self, x, y, state);
  if (handle == OCTA_WAVEFORM_HANDLE_NONE || (state & GDK_CONTROL_MASK))
    return;
  self->drag = handle;
  self->drag_frame = handle_frame (self, handle);
  self->drag_x = x;
}

static void
drag_update (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             OctaWaveform   *self)
{
  GdkModifierType state =
    gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  gint handle = self->drag;
  guint frame, lower, upper;

  if (handle == OCTA_WAVEFORM_HANDLE_NONE)
    return;
  frame = snap (self, frame_for_x (self, self->drag_x + dx), state);
  self->drag = OCTA_WAVEFORM_HANDLE_NONE;
  handle_bounds (self, handle, &lower, &upper);
  self->drag = handle;
  self->drag_frame = CLAMP (frame, lower, upper);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The whole drag is one model edit, so one undo step. */
static void
drag_end (GtkGestureDrag *gesture,
          double          dx,
          double          dy,
          OctaWaveform   *self)
{
  gint handle = self->drag;
  guint frame = self->drag_frame;

  if (handle == OCTA_WAVEFORM_HANDLE_NONE)
    return;
  self->drag = OCTA_WAVEFORM_HANDLE_NONE;
  if (frame != handle_frame (self, handle))
    commit_handle (self, handle, frame);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
key_pressed (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             OctaWaveform          *self)
{
  gint handle = self->focus;
  guint lower, upper, rate;
  gint64 step;

  if (handle == OCTA_WAVEFORM_HANDLE_NONE || n_handles (self) == 0)
    return FALSE;

  rate = octa_peaks_get_rate (self->peaks);
  step = MAX (1, (state & GDK_SHIFT_MASK) ? rate / 10 : rate / 1000);
  handle_bounds (self, handle, &lower, &upper);

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      move_handle_to (self, handle, (gint64) handle_frame (self, handle) - step);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      move_handle_to (self, handle, (gint64) handle_frame (self, handle) + step);
      return TRUE;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      move_handle_to (self, handle, lower);
      return TRUE;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      move_handle_to (self, handle, upper);
      return TRUE;
    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
      if (handle < OCTA_WAVEFORM_HANDLE_SLICE)
        {
          gtk_widget_error_bell (GTK_WIDGET (self));
          return TRUE;
        }
      octa_markers_remove_slice (self->markers, handle - OCTA_WAVEFORM_HANDLE_SLICE);
      if (slice_count (self) == 0)
        set_focus (self, OCTA_WAVEFORM_HANDLE_TRIM_START);
      else
        set_focus (self, MIN (handle,
                              (gint) (OCTA_WAVEFORM_HANDLE_SLICE + slice_count (self) - 1)));
      return TRUE;
    default:
      return FALSE;
    }
}

/* Tab order follows the handles' places along the sample. */
static int
compare_order (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  OctaWaveform *self = user_data;
  gint ha = *(const gint *) a, hb = *(const gint *) b;
  guint fa = handle_frame (self, ha), fb = handle_frame (self, hb);

  if (fa != fb)
    return fa < fb ? -1 : 1;
  return ha - hb;
}

static gboolean
octa_waveform_focus (GtkWidget        *widget,
                     GtkDirectionType  direction)
{
  OctaWaveform *self = OCTA_WAVEFORM (widget);
  gint n = n_handles (self), pos = -1;
  g_autofree gint *order = NULL;

  if (n == 0)
    {
      if (gtk_widget_is_focus (widget))
        return FALSE;
      return gtk_widget_grab_focus (widget);
    }

  order = g_new (gint, n);
  for (gint i = 0; i < n; i++)
    order[i] = i;
  g_qsort_with_data (order, n, sizeof (gint), compare_order, self);
  for (gint i = 0; i < n; i++)
    if (order[i] == self->focus)
      pos = i;

  if (!gtk_widget_is_focus (widget))
    {
      set_focus (self, direction == GTK_DIR_TAB_BACKWARD ? order[n - 1] : order[0]);
      return gtk_widget_grab_focus (widget);
    }
  if (direction == GTK_DIR_TAB_FORWARD && pos + 1 < n)
    {
      set_focus (self, order[pos + 1]);
      return TRUE;
    }
  if (direction == GTK_DIR_TAB_BACKWARD && pos > 0)
    {
      set_focus (self, order[pos - 1]);
      return TRUE;
    }
  return FALSE;
}

/* Drawing ---------------------------------------------------------------- */

static void
ensure_columns (OctaWaveform *self,
                int           columns)
{
  guint lanes = octa_peaks_get_n_lanes (self->peaks);
  guint64 frames = octa_peaks_get_frames (self->peaks);

  if (columns == self->cache_columns)
    return;
  g_free (self->col_min);
  g_free (self->col_max);
  self->cache_columns = columns;
  self->col_min = g_new (float, (gsize) lanes * columns);
  self->col_max = g_new (float, (gsize) lanes * columns);
  for (guint lane = 0; lane < lanes; lane++)
    for (int c = 0; c < columns; c++)
      {
        guint64 first = frames * c / columns;
        guint64 end = frames * (c + 1) / columns;

        octa_peaks_get_range (self->peaks, lane, first, MAX (end, first + 1),
                              &self->col_min[lane * columns + c],
                              &self->col_max[lane * columns + c]);
      }
}

static void
draw_peaks (OctaWaveform  *self,
            cairo_t       *cr,
            const Palette *pal,
            double         width,
            double         top,
            double         height)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  int columns = MAX (1, (int) ceil (width * scale));
  guint lanes = octa_peaks_get_n_lanes (self->peaks);
  double lane_height = height / lanes;

  ensure_columns (self, columns);
  for (guint lane = 0; lane < lanes; lane++)
    {
      double mid = top + lane_height * (lane + 0.5);
      double half = lane_height / 2 - 1;

      gdk_cairo_set_source_rgba (cr, &(GdkRGBA) { pal->fg.red, pal->fg.green, pal->fg.blue,
                                                  pal->fg.alpha * 0.12 });
      cairo_rectangle (cr, 0, mid - 0.5 / scale, width, 1.0 / scale);
      cairo_fill (cr);

      gdk_cairo_set_source_rgba (cr, &(GdkRGBA) { pal->fg.red, pal->fg.green, pal->fg.blue,
                                                  pal->fg.alpha * MAX (0.72, pal->strong) });
      for (int c = 0; c < columns; c++)
        {
          float lo = self->col_min[lane * columns + c];
          float hi = self->col_max[lane * columns + c];
          double y0 = mid - CLAMP (hi, -1.0f, 1.0f) * half;
          double y1 = mid - CLAMP (lo, -1.0f, 1.0f) * half;

          cairo_rectangle (cr, (double) c / scale, y0, 1.0 / scale, MAX (y1 - y0, 1.0 / scale));
        }
      cairo_fill (cr);

      if (lane > 0)
        {
          gdk_cairo_set_source_rgba (cr, &(GdkRGBA) { pal->fg.red, pal->fg.green, pal->fg.blue,
                                                      pal->fg.alpha * 0.15 });
          cairo_rectangle (cr, 0, top + lane_height * lane - 0.5, width, 1);
          cairo_fill (cr);
        }
    }
}

static PangoLayout *
make_layout (OctaWaveform *self,
             const char   *text,
             gboolean      small)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);

  if (small)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_scale_new (0.82));
      pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  return layout;
}

/* A flag in the top strip: a tab hanging off its handle's line. Flags are
 * laid out left to right and pushed aside rather than drawn over each
 * other (slice 1 usually starts at the trim start). */
typedef struct
{
  gint         handle;
  double       x;
  double       fx;
  double       width;
  PangoLayout *layout;
  GdkRGBA      fill;
  GdkRGBA      ink;
} Flag;

static void
flag_clear (gpointer data)
{
  Flag *flag = data;

  g_clear_object (&flag->layout);
}

static void
flag_init (OctaWaveform  *self,
           Flag          *flag,
           gint           handle,
           const char    *text,
           const GdkRGBA *fill,
           const GdkRGBA *ink)
{
  PangoRectangle logical;

  flag->handle = handle;
  flag->x = x_for_frame (self, handle_frame (self, handle));
  flag->layout = make_layout (self, text, TRUE);
  pango_layout_get_pixel_extents (flag->layout, NULL, &logical);
  flag->width = logical.width + 8;
  flag->fill = *fill;
  flag->ink = *ink;
}

static int
compare_flags (gconstpointer a,
               gconstpointer b)
{
  const Flag *fa = a, *fb = b;

  if (fa->x != fb->x)
    return fa->x < fb->x ? -1 : 1;
  return fa->handle - fb->handle;
}

static void
draw_flag (OctaWaveform  *self,
           GtkSnapshot   *snapshot,
           const Palette *pal,
           const Flag    *flag,
           gboolean       focused)
{
  PangoRectangle logical;
  double h = FLAG_HEIGHT - 4, fx = flag->fx, w = flag->width;
  GskRoundedRect rect;

  pango_layout_get_pixel_extents (flag->layout, NULL, &logical);
  gsk_rounded_rect_init_from_rect (&rect, &GRAPHENE_RECT_INIT (fx, 2, w, h), 3);
  gtk_snapshot_push_rounded_clip (snapshot, &rect);
  gtk_snapshot_append_color (snapshot, &flag->fill, &GRAPHENE_RECT_INIT (fx, 2, w, h));
  gtk_snapshot_pop (snapshot);
  if (focused)
    {
      GdkRGBA ring = with_alpha (&pal->accent, 0.5);
      GskRoundedRect outer;
      float widths[4] = { 2, 2, 2, 2 };
      GdkRGBA colors[4] = { ring, ring, ring, ring };

      gsk_rounded_rect_init_from_rect (&outer, &GRAPHENE_RECT_INIT (fx - 2, 0, w + 4, h + 4), 5);
      gtk_snapshot_append_border (snapshot, &outer, widths, colors);
    }
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (fx + 4, 2 + (h - logical.height) / 2));
  gtk_snapshot_append_layout (snapshot, flag->layout, &flag->ink);
  gtk_snapshot_restore (snapshot);
}

static void
draw_flags (OctaWaveform  *self,
            GtkSnapshot   *snapshot,
            const Palette *pal,
            double         width,
            gboolean       focused)
{
  g_autoptr(GArray) flags = g_array_new (FALSE, TRUE, sizeof (Flag));
  GdkRGBA slice_fill = with_alpha (&pal->fg, 0.1), loop_fill = with_alpha (&pal->fg, 0.16);
  Flag end_flag = { 0 };
  double right = -G_MAXDOUBLE;

  g_array_set_clear_func (flags, flag_clear);
  g_array_set_size (flags, 2 + slice_count (self));
  flag_init (self, &g_array_index (flags, Flag, 0), OCTA_WAVEFORM_HANDLE_TRIM_START, "▶",
             &pal->accent_bg, &pal->accent_fg);
  flag_init (self, &g_array_index (flags, Flag, 1), OCTA_WAVEFORM_HANDLE_LOOP, "⟲",
             &loop_fill, &pal->fg);
  for (guint i = 0; i < slice_count (self); i++)
    {
      g_autofree char *label = g_strdup_printf ("%u", i + 1);

      flag_init (self, &g_array_index (flags, Flag, 2 + i), OCTA_WAVEFORM_HANDLE_SLICE + i, label,
                 &slice_fill, &pal->fg);
    }
  g_array_sort (flags, compare_flags);

  for (guint i = 0; i < flags->len; i++)
    {
      Flag *flag = &g_array_index (flags, Flag, i);

      flag->fx = MAX (flag->x, right + 1);
      flag->fx = MIN (flag->fx, MAX (0, width - flag->width));
      right = flag->fx + flag->width;
      draw_flag (self, snapshot, pal, flag, focused && self->focus == flag->handle);
    }

  /* The trim end's flag hangs to the left of its line, over the rest. */
  flag_init (self, &end_flag, OCTA_WAVEFORM_HANDLE_TRIM_END, "◀", &pal->accent_bg,
             &pal->accent_fg);
  end_flag.fx = CLAMP (end_flag.x - end_flag.width, 0, MAX (0, width - end_flag.width));
  draw_flag (self, snapshot, pal, &end_flag,
             focused && self->focus == OCTA_WAVEFORM_HANDLE_TRIM_END);
  flag_clear (&end_flag);
}

static void
draw_line (GtkSnapshot   *snapshot,
           double         x,
           double         top,
           double         bottom,
           double         width,
           const GdkRGBA *color)
{
  gtk_snapshot_append_color (snapshot, color,
                             &GRAPHENE_RECT_INIT (x - width / 2, top, width, bottom - top));
}

/* The smallest 1-2-5 step that keeps the labels 72 px apart. */
static double
ruler_step (double units,
            double width,
            double smallest)
{
  for (double decade = smallest;; decade *= 10)
    {
      static const double mantissas[] = { 1, 2, 5 };

      for (guint i = 0; i < G_N_ELEMENTS (mantissas); i++)
        if (mantissas[i] * decade * width / units >= 72 || decade > 1e12)
          return mantissas[i] * decade;
    }
}

static void
draw_ruler (OctaWaveform  *self,
            GtkSnapshot   *snapshot,
            const Palette *pal,
            double         width,
            double         top)
{
  guint rate = octa_peaks_get_rate (self->peaks);
  double frames = (double) view_frames (self);
  double units = self->ruler_frames ? frames : frames / rate;
  double step = ruler_step (units, width, self->ruler_frames ? 1 : 0.001);
  int decimals = self->ruler_frames || step >= 1 ? 0 : step >= 0.1 ? 1 : step >= 0.01 ? 2 : 3;
  GdkRGBA tick = with_alpha (&pal->fg, 0.35), ink = with_alpha (&pal->fg, 0.7);

  gtk_snapshot_append_color (snapshot, &tick, &GRAPHENE_RECT_INIT (0, top, width, 1));
  for (guint i = 0;; i++)
    {
      double t = step * i;
      double x = t * width / units;
      g_autofree char *text = NULL;
      g_autoptr(PangoLayout) layout = NULL;
      PangoRectangle logical;

      if (x > width)
        break;
      gtk_snapshot_append_color (snapshot, &tick, &GRAPHENE_RECT_INIT (floor (x), top, 1, 4));
      if (self->ruler_frames)
        text = g_strdup_printf ("%.0f", t);
      else
        text = g_strdup_printf ("%.*f s", decimals, t);
      layout = make_layout (self, text, TRUE);
      pango_layout_get_pixel_extents (layout, NULL, &logical);
      if (x + 3 + logical.width > width)
        continue;
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (floor (x) + 3, top + 2));
      gtk_snapshot_append_layout (snapshot, layout, &ink);
      gtk_snapshot_restore (snapshot);
    }
}

static void
draw_status (OctaWaveform  *self,
             GtkSnapshot   *snapshot,
             const Palette *pal,
             double         width,
             double         height)
{
  g_autoptr(PangoLayout) layout = make_layout (self, self->status ? self->status : "", FALSE);
  GdkRGBA ink = with_alpha (&pal->fg, 0.55);
  PangoRectangle logical;

  pango_layout_set_width (layout, MAX (1, (int) width - 24) * PANGO_SCALE);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (12, (height - logical.height) / 2));
  gtk_snapshot_append_layout (snapshot, layout, &ink);
  gtk_snapshot_restore (snapshot);
}

static void
octa_waveform_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  OctaWaveform *self = OCTA_WAVEFORM (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double top = FLAG_HEIGHT, bottom = MAX (top + 8, height - RULER_HEIGHT);
  gboolean focused = gtk_widget_has_visible_focus (widget);
  guint count, trim_start, trim_end;
  double xs, xe;
  Palette pal;
  GdkRGBA dim, slice_tint, slice_line, loop_color;

  palette_init (widget, &pal);
  gtk_snapshot_append_color (snapshot, &pal.bg, &GRAPHENE_RECT_INIT (0, 0, width, height));

  if (self->peaks == NULL || self->markers == NULL)
    {
      draw_status (self, snapshot, &pal, width, height);
      return;
    }

  count = slice_count (self);
  slice_tint = with_alpha (&pal.accent_bg, 0.06);
  for (guint i = 1; i < count; i += 2)
    {
      guint s = 0, e = 0;
      double x0, x1;

      octa_markers_get_slice (self->markers, i, &s, &e, NULL);
      if (self->drag == (gint) (OCTA_WAVEFORM_HANDLE_SLICE + i))
        s = self->drag_frame;
      x0 = x_for_frame (self, s);
      x1 = x_for_frame (self, e);
      gtk_snapshot_append_color (snapshot, &slice_tint,
                                 &GRAPHENE_RECT_INIT (x0, top, MAX (0, x1 - x0), bottom - top));
    }

  {
    cairo_t *cr = gtk_snapshot_append_cairo (snapshot,
                                             &GRAPHENE_RECT_INIT (0, top, width, bottom - top));

    draw_peaks (self, cr, &pal, width, top, bottom - top);
    cairo_destroy (cr);
  }

  /* Outside the trim: the view background at 60 % over the audio. */
  trim_start = handle_frame (self, OCTA_WAVEFORM_HANDLE_TRIM_START);
  trim_end = handle_frame (self, OCTA_WAVEFORM_HANDLE_TRIM_END);
  xs = x_for_frame (self, trim_start);
  xe = x_for_frame (self, trim_end);
  dim = with_alpha (&pal.bg, 0.6);
  gtk_snapshot_append_color (snapshot, &dim, &GRAPHENE_RECT_INIT (0, top, xs, bottom - top));
  gtk_snapshot_append_color (snapshot, &dim,
                             &GRAPHENE_RECT_INIT (xe, top, MAX (0, width - xe), bottom - top));

  slice_line = with_alpha (&pal.fg, MAX (0.45, pal.strong * 0.8));
  for (guint i = 0; i < count; i++)
    draw_line (snapshot, x_for_frame (self, handle_frame (self, OCTA_WAVEFORM_HANDLE_SLICE + i)), 2,
               bottom, 1, &slice_line);
  /* The loop point only matters when the slot loops. */
  loop_color = with_alpha (&pal.fg,
                           octa_sample_slot_get_loop_mode (self->slot) == OCTA_LOOP_MODE_OFF
                           ? 0.35 : 0.8);
  draw_line (snapshot, x_for_frame (self, handle_frame (self, OCTA_WAVEFORM_HANDLE_LOOP)), 2,
             bottom, 1, &loop_color);
  draw_line (snapshot, xs, 2, bottom, LINE_WIDTH, &pal.accent_bg);
  draw_line (snapshot, xe, 2, bottom, LINE_WIDTH, &pal.accent_bg);
  draw_flags (self, snapshot, &pal, width, focused);

  draw_ruler (self, snapshot, &pal, width, bottom);
}

static void
octa_waveform_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 160;
      *natural = 640;
    }
  else
    {
      *minimum = 96;
      *natural = 160;
    }
}

static void
octa_waveform_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  OctaWaveform *self = OCTA_WAVEFORM (widget);

  /* The outline depends on the width only; recomputed on the next draw. */
  self->cache_columns = 0;
}

/* Loading ---------------------------------------------------------------- */

static void
set_status (OctaWaveform *self,
            char         *status)
{
  g_free (self->status);
  self->status = status;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
peaks_loaded (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  OctaPeaks *peaks = octa_peaks_load_finish (result, &error);
  OctaWaveform *self;

  if (peaks == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = OCTA_WAVEFORM (user_data);
  g_clear_object (&self->cancellable);
  if (peaks == NULL)
    {
      set_status (self, g_strdup_printf (_("%s. The markers are kept."), error->message));
      return;
    }
  self->peaks = peaks;
  self->cache_columns = 0;
  set_status (self, NULL);
  if (self->focus == OCTA_WAVEFORM_HANDLE_NONE)
    self->focus = OCTA_WAVEFORM_HANDLE_TRIM_START;
  update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
}

static void
reload (OctaWaveform *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *label = NULL;
  gboolean was_loaded = self->peaks != NULL;

  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
    }
  g_clear_pointer (&self->peaks, octa_peaks_unref);
  self->cache_columns = 0;
  self->drag = OCTA_WAVEFORM_HANDLE_NONE;
  self->focus = OCTA_WAVEFORM_HANDLE_NONE;

  if (self->slot == NULL)
    set_status (self, g_strdup (_("No slot selected")));
  else if (!octa_sample_slot_get_used (self->slot) ||
           *(path = octa_sample_slot_dup_path (self->slot)) == '\0')
    {
      label = octa_sample_slot_dup_label (self->slot);
      set_status (self, g_strdup_printf (_("%s has no sample"), label));
    }
  else if ((file = octa_sample_slot_get_file (self->slot)) == NULL)
    {
      g_autofree char *name = g_path_get_basename (path);

      set_status (self, g_strdup_printf (_("%s can be shown once the project is saved in a folder. "
                                           "The markers are kept."), name));
    }
  else
    {
      g_autofree char *name = g_file_get_basename (file);

      set_status (self, g_strdup_printf (_("Reading %s…"), name));
      self->cancellable = g_cancellable_new ();
      /* The callback only runs when not cancelled, and the widget cancels
       * in dispose, so it may hold a plain pointer. */
      octa_peaks_load_async (file, self->cancellable, peaks_loaded, self);
    }
  if (was_loaded)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
}

static void
markers_changed (OctaWaveform *self)
{
  if (self->focus >= n_handles (self))
    set_focus (self, self->focus);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static char *
describe_handle (OctaWaveform *self,
                 gint          handle)
{
  guint frame = handle_frame (self, handle);
  double seconds = (double) frame / octa_peaks_get_rate (self->peaks);
  char *description;

  switch (handle)
    {
    case OCTA_WAVEFORM_HANDLE_TRIM_START:
      description = g_strdup_printf (_("Trim start %.3f s, frame %u"), seconds, frame);
      break;
    case OCTA_WAVEFORM_HANDLE_TRIM_END:
      description = g_strdup_printf (_("Trim end %.3f s, frame %u"), seconds, frame);
      break;
    case OCTA_WAVEFORM_HANDLE_LOOP:
      description = g_strdup_printf (_("Loop point %.3f s, frame %u"), seconds, frame);
      break;
    default:
      description = g_strdup_printf (_("Slice %d of %u, %.3f s, frame %u"),
                                     handle - OCTA_WAVEFORM_HANDLE_SLICE + 1,
                                     slice_count (self), seconds, frame);
      break;
    }
  return description;
}

static void
update_accessible (OctaWaveform *self)
{
  g_autofree char *description = NULL;

  if (self->peaks == NULL || self->focus == OCTA_WAVEFORM_HANDLE_NONE)
    description = g_strdup (self->status ? self->status : "");
  else
    description = describe_handle (self, self->focus);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
}

static gboolean
octa_waveform_query_tooltip (GtkWidget  *widget,
                             int         x,
                             int         y,
                             gboolean    keyboard,
                             GtkTooltip *tooltip)
{
  OctaWaveform *self = OCTA_WAVEFORM (widget);
  gint handle = keyboard ? self->focus : handle_at (self, x);
  g_autofree char *text = NULL;

  if (handle == OCTA_WAVEFORM_HANDLE_NONE || n_handles (self) == 0)
    return FALSE;
  text = describe_handle (self, handle);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
pointer_moved (GtkEventControllerMotion *motion,
               double                    x,
               double                    y,
               OctaWaveform             *self)
{
  gboolean over = self->drag != OCTA_WAVEFORM_HANDLE_NONE ||
                  handle_at (self, x) != OCTA_WAVEFORM_HANDLE_NONE;

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), over ? "col-resize" : NULL);
}

/* GObject ---------------------------------------------------------------- */

static void
octa_waveform_dispose (GObject *object)
{
  OctaWaveform *self = OCTA_WAVEFORM (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->markers != NULL)
    g_signal_handlers_disconnect_by_data (self->markers, self);
  if (self->slot != NULL)
    g_signal_handlers_disconnect_by_data (self->slot, self);
  g_clear_object (&self->markers);
  g_clear_object (&self->slot);
  g_clear_pointer (&self->peaks, octa_peaks_unref);

  G_OBJECT_CLASS (octa_waveform_parent_class)->dispose (object);
}

static void
octa_waveform_finalize (GObject *object)
{
  OctaWaveform *self = OCTA_WAVEFORM (object);

  g_free (self->status);
  g_free (self->col_min);
  g_free (self->col_max);

  G_OBJECT_CLASS (octa_waveform_parent_class)->finalize (object);
}

static void
octa_waveform_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  OctaWaveform *self = OCTA_WAVEFORM (object);

  switch (prop_id)
    {
    case PROP_SLOT:
      g_value_set_object (value, self->slot);
      break;
    case PROP_LOADED:
      g_value_set_boolean (value, self->peaks != NULL);
      break;
    case PROP_FOCUS_HANDLE:
      g_value_set_int (value, self->focus);
      break;
    case PROP_RULER_FRAMES:
      g_value_set_boolean (value, self->ruler_frames);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
octa_waveform_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  OctaWaveform *self = OCTA_WAVEFORM (object);

  switch (prop_id)
    {
    case PROP_SLOT:
      octa_waveform_set_slot (self, g_value_get_object (value));
      break;
    case PROP_FOCUS_HANDLE:
      octa_waveform_set_focus_handle (self, g_value_get_int (value));
      break;
    case PROP_RULER_FRAMES:
      octa_waveform_set_ruler_frames (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
octa_waveform_class_init (OctaWaveformClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = octa_waveform_dispose;
  object_class->finalize = octa_waveform_finalize;
  object_class->get_property = octa_waveform_get_property;
  object_class->set_property = octa_waveform_set_property;

  widget_class->snapshot = octa_waveform_snapshot;
  widget_class->measure = octa_waveform_measure;
  widget_class->size_allocate = octa_waveform_size_allocate;
  widget_class->focus = octa_waveform_focus;
  widget_class->query_tooltip = octa_waveform_query_tooltip;

  properties[PROP_SLOT] =
    g_param_spec_object ("slot", NULL, NULL, OCTA_TYPE_SAMPLE_SLOT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FOCUS_HANDLE] =
    g_param_spec_int ("focus-handle", NULL, NULL, OCTA_WAVEFORM_HANDLE_NONE, G_MAXINT,
                      OCTA_WAVEFORM_HANDLE_NONE,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * OctaWaveform:ruler-frames:
   *
   * Whether the ruler counts frames instead of seconds; a click on the
   * ruler toggles it.
   */
  properties[PROP_RULER_FRAMES] =
    g_param_spec_boolean ("ruler-frames", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "waveform");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
octa_waveform_init (OctaWaveform *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();

  self->focus = OCTA_WAVEFORM_HANDLE_NONE;
  self->drag = OCTA_WAVEFORM_HANDLE_NONE;
  self->status = g_strdup (_("No slot selected"));

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  g_signal_connect (motion, "motion", G_CALLBACK (pointer_moved), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Waveform and markers"), -1);
}

/* API -------------------------------------------------------------------- */

GtkWidget *
octa_waveform_new (void)
{
  return g_object_new (OCTA_TYPE_WAVEFORM, NULL);
}

/**
 * octa_waveform_set_slot:
 * @self: a waveform
 * @slot: (nullable): the slot to show
 *
 * Shows @slot's sample, read off the main thread from the file its path
 * names (relative to the project folder, `../AUDIO/…` for the set's pool),
 * and its markers.
 */
void
octa_waveform_set_slot (OctaWaveform   *self,
                        OctaSampleSlot *slot)
{
  g_return_if_fail (OCTA_IS_WAVEFORM (self));
  g_return_if_fail (slot == NULL || OCTA_IS_SAMPLE_SLOT (slot));

  if (self->slot == slot)
    return;
  if (self->markers != NULL)
    g_signal_handlers_disconnect_by_data (self->markers, self);
  if (self->slot != NULL)
    g_signal_handlers_disconnect_by_data (self->slot, self);
  g_clear_object (&self->markers);
  g_set_object (&self->slot, slot);
  if (slot != NULL)
    {
      self->markers = octa_sample_slot_get_markers (slot);
      g_signal_connect_swapped (self->markers, "changed", G_CALLBACK (markers_changed), self);
      g_signal_connect_swapped (slot, "notify::path", G_CALLBACK (reload), self);
      g_signal_connect_swapped (slot, "notify::used", G_CALLBACK (reload), self);
      g_signal_connect_swapped (slot, "notify::loop-mode", G_CALLBACK (gtk_widget_queue_draw),
                                self);
    }
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SLOT]);
}

/**
 * octa_waveform_get_slot:
 * @self: a waveform
 *
 * Returns: (transfer none) (nullable): the slot shown
 */
OctaSampleSlot *
octa_waveform_get_slot (OctaWaveform *self)
{
  g_return_val_if_fail (OCTA_IS_WAVEFORM (self), NULL);
  return self->slot;
}

gboolean
octa_waveform_get_loaded (OctaWaveform *self)
{
  g_return_val_if_fail (OCTA_IS_WAVEFORM (self), FALSE);
  return self->peaks != NULL;
}

/**
 * octa_waveform_get_status:
 * @self: a waveform
 *
 * Returns: (nullable): the text shown instead of the audio (no slot, no
 *   sample, a missing or unreadable file), or %NULL when audio is shown
 */
const char *
octa_waveform_get_status (OctaWaveform *self)
{
  g_return_val_if_fail (OCTA_IS_WAVEFORM (self), NULL);
  return self->status;
}

guint64
octa_waveform_get_frames (OctaWaveform *self)
{
  g_return_val_if_fail (OCTA_IS_WAVEFORM (self), 0);
  return self->peaks != NULL ? octa_peaks_get_frames (self->peaks) : 0;
}

guint
octa_waveform_get_rate (OctaWaveform *self)
{
  g_return_val_if_fail (OCTA_IS_WAVEFORM (self), 0);
  return self->peaks != NULL ? octa_peaks_get_rate (self->peaks) : 0;
}

gint
octa_waveform_get_focus_handle (OctaWaveform *self)
{
  g_return_val_if_fail (OCTA_IS_WAVEFORM (self), OCTA_WAVEFORM_HANDLE_NONE);
  return self->focus;
}

void
octa_waveform_set_focus_handle (OctaWaveform *self,
                                gint          handle)
{
  g_return_if_fail (OCTA_IS_WAVEFORM (self));
  g_return_if_fail (handle >= OCTA_WAVEFORM_HANDLE_NONE);

  set_focus (self, handle);
}

/**
 * octa_waveform_get_handle_x:
 * @self: a waveform
 * @handle: a handle
 * @x: (out): where its line is, in widget coordinates
 *
 * Returns: %FALSE when @handle is not shown
 */
gboolean
octa_waveform_get_handle_x (OctaWaveform *self,
                            gint          handle,
                            double       *x)
{
  g_return_val_if_fail (OCTA_IS_WAVEFORM (self), FALSE);

  if (handle < 0 || handle >= n_handles (self))
    return FALSE;
  *x = x_for_frame (self, handle_frame (self, handle));
  return TRUE;
}

gboolean
octa_waveform_get_ruler_frames (OctaWaveform *self)
{
  g_return_val_if_fail (OCTA_IS_WAVEFORM (self), FALSE);
  return self->ruler_frames;
}

void
octa_waveform_set_ruler_frames (OctaWaveform *self,
                                gboolean      ruler_frames)
{
  g_return_if_fail (OCTA_IS_WAVEFORM (self));

  ruler_frames = !!ruler_frames;
  if (self->ruler_frames == ruler_frames)
    return;
  self->ruler_frames = ruler_frames;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RULER_FRAMES]);
}
