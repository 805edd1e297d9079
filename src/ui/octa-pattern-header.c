/* SPDX-License-Identifier: MIT */
#ifndef G_LOG_DOMAIN
#define G_LOG_DOMAIN "octa-ui"
#endif

#include <math.h>

#include <glib/gi18n.h>

#include "octa-pattern-header.h"
#include "octa-step-grid-private.h"

/**
 * OctaPatternHeader:
 *
 * The pattern settings bar above the step grid: pattern, part, length and
 * scale mode (the device's SCALE SETUP), master scale, tempo, per-track
 * settings, the page selector, the edit layer, the view and the legend.
 *
 * Page, view and layer are properties mirrored from the grid; bind them
 * with octa_pattern_header_set_grid().
 */

#define N_TRACK_COLUMNS 8

typedef struct
{
  GtkWidget *length;
  GtkWidget *scale;
  GtkWidget *swing;
  GtkWidget *trig_mode;
  GtkWidget *quantization;
  GtkWidget *start_silent;
  GtkWidget *plays_free;
  GtkWidget *oneshot;
} TrackWidgets;

struct _OctaPatternHeader
{
  GtkWidget          parent_instance;

  /* template children */
  GtkWidget         *box;
  GtkLabel          *pattern_label;
  GtkMenuButton     *part_button;
  GtkWidget         *part_box;
  GtkMenuButton     *length_button;
  GtkToggleButton   *mode_normal;
  GtkToggleButton   *mode_per_track;
  GtkLabel          *length_title;
  GtkSpinButton     *length_spin;
  GtkCheckButton    *infinite_check;
  GtkDropDown       *scale_dropdown;
  GtkMenuButton     *tempo_button;
  GtkSpinButton     *tempo_spin;
  GtkMenuButton     *tracks_button;
  GtkGrid           *tracks_grid;
  GtkWidget         *page_box;
  GtkToggleButton   *layer_trigs;
  GtkToggleButton   *layer_swing;
  GtkToggleButton   *layer_slide;
  GtkToggleButton   *layer_rec;
  GtkToggleButton   *view_page;
  GtkToggleButton   *view_all;
  GtkLabel          *layer_banner;
  GtkPopover        *legend_popover;

  GtkWidget         *part_buttons[4];
  GtkWidget         *page_buttons[4];
  GtkWidget         *page_dots[4];
  TrackWidgets       tracks[16];
  gboolean           tracks_built;

  OctaPattern       *pattern;
  OctaProject       *project;
  OctaPatternTrack  *track_objects[16];
  guint              length;
  gint               page_fill[4];       /* 0 hollow, 1 half, 2 full */

  guint              page;
  gboolean           view_all_on;
  OctaStepGridLayer  layer;
  guint              cursor_track;
  GBinding          *bindings[4];
  gboolean           updating;
};

G_DEFINE_FINAL_TYPE (OctaPatternHeader, octa_pattern_header, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PATTERN,
  PROP_PAGE,
  PROP_VIEW_ALL,
  PROP_LAYER,
  PROP_CURSOR_TRACK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_all (OctaPatternHeader *self);

static const guint quantization_values[] = {
  OCTA_TRIG_QUANTIZATION_PATTERN_LENGTH, OCTA_TRIG_QUANTIZATION_1, OCTA_TRIG_QUANTIZATION_2,
  OCTA_TRIG_QUANTIZATION_3, OCTA_TRIG_QUANTIZATION_4, OCTA_TRIG_QUANTIZATION_6,
  OCTA_TRIG_QUANTIZATION_8, OCTA_TRIG_QUANTIZATION_12, OCTA_TRIG_QUANTIZATION_16,
  OCTA_TRIG_QUANTIZATION_24, OCTA_TRIG_QUANTIZATION_32, OCTA_TRIG_QUANTIZATION_48,
  OCTA_TRIG_QUANTIZATION_64, OCTA_TRIG_QUANTIZATION_96, OCTA_TRIG_QUANTIZATION_128,
  OCTA_TRIG_QUANTIZATION_192, OCTA_TRIG_QUANTIZATION_256, OCTA_TRIG_QUANTIZATION_DIRECT,
};

static gboolean
per_track (OctaPatternHeader *self)
{
  gint mode = 0;

  if (self->pattern == NULL)
    return FALSE;
  g_object_get (self->pattern, "scale-mode", &mode, NULL);
  return mode == OCTA_SCALE_MODE_PER_TRACK;
}

/* {{{ Page dots */

static void
draw_page_dot (GtkDrawingArea *area,
               cairo_t        *cr,
               int             width,
               int             height,
               gpointer        user_data)
{
  OctaPatternHeader *self = g_object_get_data (G_OBJECT (area), "octa-header");
  guint page = GPOINTER_TO_UINT (user_data);
  GtkWidget *button = gtk_widget_get_parent (GTK_WIDGET (area));
  GdkRGBA fg, accent;
  double cx = width / 2.0, cy = height / 2.0, r = 5;

  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &fg);
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (GTK_WIDGET (area)),
                                       "accent_color", &accent))
    gdk_rgba_parse (&accent, "#1c71d8");

  /* filled: inside the length; hollow: beyond; half: the length ends there */
  gdk_cairo_set_source_rgba (cr, &fg);
  cairo_set_line_width (cr, 1.5);
  cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
  cairo_stroke (cr);
  if (self->page_fill[page] == 2)
    {
      cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
      cairo_fill (cr);
    }
  else if (self->page_fill[page] == 1)
    {
      cairo_arc (cr, cx, cy, r, G_PI / 2, 3 * G_PI / 2);
      cairo_close_path (cr);
      cairo_fill (cr);
    }
  /* the page on screen wears the accent ring */
  if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)))
    {
      gdk_cairo_set_source_rgba (cr, &accent);
      cairo_set_line_width (cr, 2);
      cairo_arc (cr, cx, cy, r + 3, 0, 2 * G_PI);
      cairo_stroke (cr);
    }
}

static void
on_page_toggled (GtkToggleButton   *button,
                 OctaPatternHeader *self)
{
  guint page = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "octa-page"));

  gtk_widget_queue_draw (gtk_button_get_child (GTK_BUTTON (button)));
  if (self->updating || !gtk_toggle_button_get_active (button) || page == self->page)
    return;
  self->page = page;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

static void
build_page_dots (OctaPatternHeader *self)
{
  for (guint p = 0; p < 4; p++)
    {
      GtkWidget *button = gtk_toggle_button_new ();
      GtkWidget *area = gtk_drawing_area_new ();
      g_autofree char *tooltip = g_strdup_printf (_("Page %u: steps %u–%u (Page Up, Page Down)"),
                                                  p + 1, p * 16 + 1, p * 16 + 16);
      g_autofree char *label = g_strdup_printf (_("Page %u"), p + 1);

      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), 18);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), 18);
      g_object_set_data (G_OBJECT (area), "octa-header", self);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_page_dot,
                                      GUINT_TO_POINTER (p), NULL);
      gtk_button_set_child (GTK_BUTTON (button), area);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "circular");
      gtk_widget_add_css_class (button, "octa-page-dot");
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      label, -1);
      g_object_set_data (G_OBJECT (button), "octa-page", GUINT_TO_POINTER (p));
      if (p > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button),
                                     GTK_TOGGLE_BUTTON (self->page_buttons[0]));
      g_signal_connect (button, "toggled", G_CALLBACK (on_page_toggled), self);
      gtk_box_append (GTK_BOX (self->page_box), button);
      self->page_buttons[p] = button;
      self->page_dots[p] = area;
    }
}

static void
update_pages (OctaPatternHeader *self)
{
  guint length = 16;

  if (self->pattern != NULL)
    {
      if (per_track (self))
        {
          gint master = 16;

          g_object_get (self->pattern, "per-track-master-length", &master, NULL);
          length = master == G_MAXUINT16 ? 64 : MIN (master, 64);
        }
      else
        length = octa_pattern_get_length (self->pattern);
    }

  for (guint p = 0; p < 4; p++)
    {
      if (length >= (p + 1) * 16)
        self->page_fill[p] = 2;
      else if (length > p * 16)
        self->page_fill[p] = 1;
      else
        self->page_fill[p] = 0;
      gtk_widget_queue_draw (self->page_dots[p]);
    }

  self->updating = TRUE;
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->page_buttons[self->page]), TRUE);
  self->updating = FALSE;
  gtk_widget_set_visible (self->page_box, !self->view_all_on);
}

/* }}} */
/* {{{ Pattern settings */

static void
on_part_toggled (GtkToggleButton   *button,
                 OctaPatternHeader *self)
{
  guint part = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "octa-part"));

  if (self->updating || self->pattern == NULL || !gtk_toggle_button_get_active (button))
    return;
  octa_pattern_set_part (self->pattern, part);
}

static gboolean
on_part_key_pressed (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     OctaPatternHeader     *self)
{
  guint part;

  if (keyval >= GDK_KEY_1 && keyval <= GDK_KEY_4)
    part = keyval - GDK_KEY_1;
  else if (keyval >= GDK_KEY_KP_1 && keyval <= GDK_KEY_KP_4)
    part = keyval - GDK_KEY_KP_1;
  else
    return GDK_EVENT_PROPAGATE;

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->part_buttons[part]), TRUE);
  gtk_menu_button_popdown (self->part_button);
  return GDK_EVENT_STOP;
}

static void
on_mode_toggled (GtkToggleButton   *button,
                 OctaPatternHeader *self)
{
  if (self->updating || self->pattern == NULL || !gtk_toggle_button_get_active (button))
    return;
  g_object_set (self->pattern, "scale-mode",
                button == self->mode_per_track ? OCTA_SCALE_MODE_PER_TRACK : OCTA_SCALE_MODE_NORMAL,
                NULL);
}

static void
on_length_changed (GtkSpinButton     *spin,
                   OctaPatternHeader *self)
{
  gint value = gtk_spin_button_get_value_as_int (spin);

  if (self->updating || self->pattern == NULL)
    return;
  if (per_track (self))
    g_object_set (self->pattern, "per-track-master-length", value, NULL);
  else
    octa_pattern_set_length (self->pattern, value);
}

static void
on_infinite_toggled (GtkCheckButton    *check,
                     OctaPatternHeader *self)
{
  if (self->updating || self->pattern == NULL)
    return;
  /* INF is stored as the largest length, 0xFFFF */
  g_object_set (self->pattern, "per-track-master-length",
                gtk_check_button_get_active (check)
                ? G_MAXUINT16 : gtk_spin_button_get_value_as_int (self->length_spin),
                NULL);
}

static void
on_scale_selected (GtkDropDown       *dropdown,
                   GParamSpec        *pspec,
                   OctaPatternHeader *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->updating || self->pattern == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  g_object_set (self->pattern, per_track (self) ? "per-track-master-scale" : "scale",
                selected, NULL);
}

static void
on_tempo_changed (GtkSpinButton     *spin,
                  OctaPatternHeader *self)
{
  if (self->updating || self->pattern == NULL)
    return;
  octa_pattern_set_tempo (self->pattern, gtk_spin_button_get_value (spin));
}

static char *
format_tempo (double bpm)
{
  /* three decimals only when the tempo needs them (126.125) */
  if (fabs (bpm * 10 - round (bpm * 10)) < 1e-6)
    return g_strdup_printf ("%.1f", bpm);
  return g_strdup_printf ("%.3f", bpm);
}

/* A long part name gives way before the sidebar has to fold: the menu
 * button's own label ellipsizes down to "Part 1…" (design guide §6.6). */
static void
ellipsize_button_label (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child))
        {
          gtk_label_set_ellipsize (GTK_LABEL (child), PANGO_ELLIPSIZE_END);
          gtk_label_set_width_chars (GTK_LABEL (child), 6);
          return;
        }
      ellipsize_button_label (child);
    }
}

static void
update_parts (OctaPatternHeader *self)
{
  guint assigned = octa_pattern_get_part (self->pattern);
  OctaBank *bank = octa_pattern_get_bank (self->pattern);
  g_autofree char *button_label = NULL;

  for (guint p = 0; p < 4; p++)
    {
      g_autoptr(OctaPart) part = octa_bank_get_part (bank, p);
      g_autofree char *name = part ? octa_part_dup_name (part) : NULL;
      gboolean edited = part ? octa_part_get_edited (part) : FALSE;
      g_autofree char *label = g_strdup_printf (_("Part %u %s%s"), p + 1, name ? name : "",
                                                edited ? "*" : "");

      gtk_button_set_label (GTK_BUTTON (self->part_buttons[p]), g_strstrip (label));
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->part_buttons[p]), p + 1 == assigned);
      if (p + 1 == assigned)
        button_label = g_strdup (label);
    }
  gtk_menu_button_set_label (self->part_button, button_label ? button_label : _("Part"));
  ellipsize_button_label (GTK_WIDGET (self->part_button));
}

/* }}} */
/* {{{ Per-track settings */

static void
on_track_value_changed (GtkWidget         *widget,
                        GParamSpec        *pspec,
                        OctaPatternHeader *self)
{
  guint row = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "octa-row"));
  const char *property = g_object_get_data (G_OBJECT (widget), "octa-property");
  OctaPatternTrack *track = self->track_objects[row];
  gint value;

  if (self->updating || track == NULL)
    return;

  if (GTK_IS_SPIN_BUTTON (widget))
    {
      value = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (widget));
      /* swing shows as the device's 50…80 % */
      if (g_str_equal (property, "swing-amount"))
        value -= 50;
    }
  else if (GTK_IS_CHECK_BUTTON (widget))
    value = gtk_check_button_get_active (GTK_CHECK_BUTTON (widget));
  else
    {
      guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (widget));

      if (selected == GTK_INVALID_LIST_POSITION)
        return;
      value = g_str_equal (property, "trig-quantization") ? (gint) quantization_values[selected]
                                                           : (gint) selected;
    }
  g_object_set (track, property, value, NULL);
}

static GtkWidget *
track_spin (OctaPatternHeader *self,
            guint              row,
            const char        *property,
            double             lower,
            double             upper,
            const char        *accessible)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (lower, upper, 1);

  gtk_editable_set_width_chars (GTK_EDITABLE (spin), 3);
  g_object_set_data (G_OBJECT (spin), "octa-row", GUINT_TO_POINTER (row));
  g_object_set_data (G_OBJECT (spin), "octa-property", (gpointer) property);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  g_signal_connect (spin, "notify::value", G_CALLBACK (on_track_value_changed), self);
  return spin;
}

static GtkWidget *
track_dropdown (OctaPatternHeader  *self,
                guint               row,
                const char         *property,
                const char *const  *items,
                const char         *accessible)
{
  GtkWidget *dropdown = gtk_drop_down_new_from_strings (items);

  g_object_set_data (G_OBJECT (dropdown), "octa-row", GUINT_TO_POINTER (row));
  g_object_set_data (G_OBJECT (dropdown), "octa-property", (gpointer) property);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (on_track_value_changed), self);
  return dropdown;
}

static GtkWidget *
track_check (OctaPatternHeader *self,
             guint              row,
             const char        *property,
             const char        *accessible)
{
  GtkWidget *check = gtk_check_button_new ();

  gtk_widget_set_halign (check, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (check), "octa-row", GUINT_TO_POINTER (row));
  g_object_set_data (G_OBJECT (check), "octa-property", (gpointer) property);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  g_signal_connect (check, "notify::active", G_CALLBACK (on_track_value_changed), self);
  return check;
}

/* 16 rows of 8 settings: built the first time the popover opens. */
static void
build_tracks (OctaPatternHeader *self)
{
  static const char *const scales[] = { "2x", "3/2x", "1x", "3/4x", "1/2x", "1/4x", "1/8x", NULL };
  static const char *const modes[] = { "ONE", "ONE2", "HOLD", NULL };
  const char *quantizations[G_N_ELEMENTS (quantization_values) + 1];
  const char *const titles[] = {
    N_("Track"), N_("Length"), N_("Scale"), N_("Swing %"), N_("Trig mode"), N_("Quantize"),
    N_("Start silent"), N_("Plays free"), N_("One-shot"),
  };
  const char *const tips[] = {
    NULL, N_("Track length in Per Track mode (SCALE SETUP)"), N_("Track scale in Per Track mode"),
    N_("Swing amount, 50–80 %"), N_("Trig mode (ONE, ONE2, HOLD)"), N_("Trig quantisation"),
    N_("Start silent: the raw value; the device writes 255"), N_("Track plays free"),
    N_("One-shot track"),
  };

  if (self->tracks_built)
    return;
  self->tracks_built = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (quantization_values); i++)
    quantizations[i] = octa_trig_quantization_to_string (quantization_values[i]);
  quantizations[G_N_ELEMENTS (quantization_values)] = NULL;

  for (guint c = 0; c < G_N_ELEMENTS (titles); c++)
    {
      GtkWidget *label = gtk_label_new (_(titles[c]));

      gtk_widget_add_css_class (label, "caption-heading");
      if (tips[c] != NULL)
        gtk_widget_set_tooltip_text (label, _(tips[c]));
      gtk_grid_attach (self->tracks_grid, label, c, 0, 1, 1);
    }

  for (guint r = 0; r < 16; r++)
    {
      TrackWidgets *w = &self->tracks[r];
      g_autofree char *name = g_strdup_printf ("%c%u", r < 8 ? 'T' : 'M', r % 8 + 1);
      GtkWidget *label = gtk_label_new (name);
      g_autofree char *a_length = g_strdup_printf (_("%s length"), name);
      g_autofree char *a_scale = g_strdup_printf (_("%s scale"), name);
      g_autofree char *a_swing = g_strdup_printf (_("%s swing"), name);
      g_autofree char *a_mode = g_strdup_printf (_("%s trig mode"), name);
      g_autofree char *a_quant = g_strdup_printf (_("%s trig quantisation"), name);
      g_autofree char *a_silent = g_strdup_printf (_("%s start silent"), name);
      g_autofree char *a_free = g_strdup_printf (_("%s plays free"), name);
      g_autofree char *a_oneshot = g_strdup_printf (_("%s one-shot track"), name);
      guint y = r + 1 + (r >= 8 ? 1 : 0);

      gtk_widget_add_css_class (label, "heading");
      gtk_grid_attach (self->tracks_grid, label, 0, y, 1, 1);
      w->length = track_spin (self, r, "length", 1, 64, a_length);
      w->scale = track_dropdown (self, r, "scale", scales, a_scale);
      w->swing = track_spin (self, r, "swing-amount", 50, 80, a_swing);
      w->trig_mode = track_dropdown (self, r, "trig-mode", modes, a_mode);
      w->quantization = track_dropdown (self, r, "trig-quantization", quantizations, a_quant);
      w->start_silent = track_spin (self, r, "start-silent", 0, 255, a_silent);
      w->plays_free = track_check (self, r, "plays-free", a_free);
      w->oneshot = track_check (self, r, "oneshot", a_oneshot);
      gtk_grid_attach (self->tracks_grid, w->length, 1, y, 1, 1);
      gtk_grid_attach (self->tracks_grid, w->scale, 2, y, 1, 1);
      gtk_grid_attach (self->tracks_grid, w->swing, 3, y, 1, 1);
      gtk_grid_attach (self->tracks_grid, w->trig_mode, 4, y, 1, 1);
      gtk_grid_attach (self->tracks_grid, w->quantization, 5, y, 1, 1);
      gtk_grid_attach (self->tracks_grid, w->start_silent, 6, y, 1, 1);
      gtk_grid_attach (self->tracks_grid, w->plays_free, 7, y, 1, 1);
      gtk_grid_attach (self->tracks_grid, w->oneshot, 8, y, 1, 1);
    }
  gtk_grid_attach (self->tracks_grid, gtk_separator_new (GTK_ORIENTATION_HORIZONTAL), 0, 9,
                   N_TRACK_COLUMNS + 1, 1);
}

static guint
quantization_index (guint value)
{
  for (guint i = 0; i < G_N_ELEMENTS (quantization_values); i++)
    if (quantization_values[i] == value)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

static void
update_tracks (OctaPatternHeader *self)
{
  gboolean per = per_track (self);

  if (!self->tracks_built || self->pattern == NULL)
    return;

  self->updating = TRUE;
  for (guint r = 0; r < 16; r++)
    {
      TrackWidgets *w = &self->tracks[r];
      gint length = 16, scale = 2, swing = 0, mode = 0, quant = 0, silent = 255;
      gboolean plays_free = FALSE, oneshot = FALSE;

      g_object_get (self->track_objects[r],
                    "length", &length, "scale", &scale, "swing-amount", &swing,
                    "trig-mode", &mode, "trig-quantization", &quant, "start-silent", &silent,
                    "plays-free", &plays_free, "oneshot", &oneshot,
                    NULL);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (w->length), length);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (w->scale), scale);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (w->swing), 50 + swing);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (w->trig_mode), mode);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (w->quantization), quantization_index (quant));
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (w->start_silent), silent);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (w->plays_free), plays_free);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (w->oneshot), oneshot);
      gtk_widget_set_sensitive (w->length, per);
      gtk_widget_set_sensitive (w->scale, per);
    }
  self->updating = FALSE;
}

static void
on_tracks_popover_show (GtkPopover        *popover,
                        OctaPatternHeader *self)
{
  build_tracks (self);
  update_tracks (self);
}

/* Runs as the button is pressed, before the popover shows: filling a
 * popover from its own "show" confuses its focus handling. */
static void
create_tracks_popup (GtkMenuButton *button,
                     gpointer       user_data)
{
  build_tracks (user_data);
}

/* }}} */
/* {{{ Layer and view */

static void
update_layer_banner (OctaPatternHeader *self)
{
  const char *kind = NULL;
  g_autofree char *text = NULL;

  switch (self->layer)
    {
    case OCTA_STEP_GRID_LAYER_SWING:
      kind = _("Editing swing trigs");
      break;
    case OCTA_STEP_GRID_LAYER_SLIDE:
      kind = _("Editing slide trigs");
      break;
    case OCTA_STEP_GRID_LAYER_REC:
      kind = _("Editing recorder trigs");
      break;
    case OCTA_STEP_GRID_LAYER_TRIGS:
    default:
      break;
    }
  if (kind != NULL && self->layer == OCTA_STEP_GRID_LAYER_SWING && self->pattern != NULL
      && self->cursor_track < 16 && self->track_objects[self->cursor_track] != NULL)
    {
      OctaPatternTrack *track = self->track_objects[self->cursor_track];
      g_autofree char *label = octa_pattern_track_dup_label (track);
      gint swing = 0;

      g_object_get (track, "swing-amount", &swing, NULL);
      text = g_strdup_printf (_("%s — %s swing %d%%"), kind, label, 50 + swing);
    }
  else if (kind != NULL)
    text = g_strdup (kind);
  gtk_label_set_text (self->layer_banner, text ? text : "");
}

static void
on_layer_toggled (GtkToggleButton   *button,
                  OctaPatternHeader *self)
{
  OctaStepGridLayer layer;

  if (self->updating || !gtk_toggle_button_get_active (button))
    return;
  if (button == self->layer_swing)
    layer = OCTA_STEP_GRID_LAYER_SWING;
  else if (button == self->layer_slide)
    layer = OCTA_STEP_GRID_LAYER_SLIDE;
  else if (button == self->layer_rec)
    layer = OCTA_STEP_GRID_LAYER_REC;
  else
    layer = OCTA_STEP_GRID_LAYER_TRIGS;
  g_object_set (self, "layer", layer, NULL);
}

static void
on_view_toggled (GtkToggleButton   *button,
                 OctaPatternHeader *self)
{
  if (self->updating || !gtk_toggle_button_get_active (button))
    return;
  g_object_set (self, "view-all", button == self->view_all, NULL);
}

static void
sync_toggles (OctaPatternHeader *self)
{
  GtkToggleButton *layers[] = { self->layer_trigs, self->layer_swing, self->layer_slide,
                                self->layer_rec };

  self->updating = TRUE;
  gtk_toggle_button_set_active (layers[self->layer], TRUE);
  gtk_toggle_button_set_active (self->view_all_on ? self->view_all : self->view_page, TRUE);
  self->updating = FALSE;
  update_layer_banner (self);
  update_pages (self);
}

/* }}} */

static void
update_all (OctaPatternHeader *self)
{
  g_autofree char *label = NULL;
  g_autofree char *tempo = NULL;
  g_autofree char *tempo_label = NULL;
  g_autofree char *length_label = NULL;
  gboolean per;
  gint scale = 2, master_length = 16, master_scale = 2;

  gtk_widget_set_sensitive (self->box, self->pattern != NULL);
  if (self->pattern == NULL)
    {
      gtk_label_set_text (self->pattern_label, "—");
      return;
    }

  per = per_track (self);
  g_object_get (self->pattern,
                "scale", &scale,
                "per-track-master-length", &master_length,
                "per-track-master-scale", &master_scale,
                NULL);

  self->updating = TRUE;
  label = octa_pattern_dup_label (self->pattern);
  gtk_label_set_text (self->pattern_label, label);
  update_parts (self);

  gtk_toggle_button_set_active (per ? self->mode_per_track : self->mode_normal, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->infinite_check), per);
  if (per)
    {
      gboolean infinite = master_length == G_MAXUINT16;

      gtk_label_set_text (self->length_title, _("Master length"));
      gtk_adjustment_set_lower (gtk_spin_button_get_adjustment (self->length_spin), 2);
      gtk_adjustment_set_upper (gtk_spin_button_get_adjustment (self->length_spin), 1024);
      gtk_check_button_set_active (self->infinite_check, infinite);
      gtk_widget_set_sensitive (GTK_WIDGET (self->length_spin), !infinite);
      if (!infinite)
        gtk_spin_button_set_value (self->length_spin, master_length);
      length_label = infinite ? g_strdup (_("INF steps"))
                              : g_strdup_printf (_("%d steps"), master_length);
      gtk_drop_down_set_selected (self->scale_dropdown, master_scale);
    }
  else
    {
      guint length = octa_pattern_get_length (self->pattern);

      gtk_label_set_text (self->length_title, _("Length"));
      gtk_adjustment_set_lower (gtk_spin_button_get_adjustment (self->length_spin), 1);
      gtk_adjustment_set_upper (gtk_spin_button_get_adjustment (self->length_spin), 64);
      gtk_widget_set_sensitive (GTK_WIDGET (self->length_spin), TRUE);
      gtk_spin_button_set_value (self->length_spin, length);
      length_label = g_strdup_printf (_("%u steps"), length);
      gtk_drop_down_set_selected (self->scale_dropdown, scale);
    }
  gtk_menu_button_set_label (self->length_button, length_label);

  tempo = format_tempo (octa_pattern_get_tempo (self->pattern));
  tempo_label = g_strdup_printf (_("%s BPM"), tempo);
  gtk_menu_button_set_label (self->tempo_button, tempo_label);
  gtk_spin_button_set_value (self->tempo_spin, octa_pattern_get_tempo (self->pattern));
  self->updating = FALSE;

  update_tracks (self);
  update_pages (self);
  update_layer_banner (self);
}

static void
on_project_changed (OctaProject       *project,
                    OctaPatternHeader *self)
{
  update_all (self);
}

/**
 * octa_pattern_header_set_pattern:
 * @self: a header
 * @pattern: (nullable): the pattern to show
 */
void
octa_pattern_header_set_pattern (OctaPatternHeader *self,
                                 OctaPattern       *pattern)
{
  g_return_if_fail (OCTA_IS_PATTERN_HEADER (self));
  g_return_if_fail (pattern == NULL || OCTA_IS_PATTERN (pattern));

  if (self->pattern == pattern)
    return;

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_func (self->project, on_project_changed, self);
  for (guint r = 0; r < 16; r++)
    g_clear_object (&self->track_objects[r]);
  g_clear_object (&self->project);
  g_set_object (&self->pattern, pattern);

  if (pattern != NULL)
    {
      self->project = g_object_ref (octa_bank_get_project (octa_pattern_get_bank (pattern)));
      g_signal_connect (self->project, "changed", G_CALLBACK (on_project_changed), self);
      for (guint r = 0; r < 16; r++)
        self->track_objects[r] = r < 8
          ? OCTA_PATTERN_TRACK (octa_pattern_get_audio_track (pattern, r))
          : OCTA_PATTERN_TRACK (octa_pattern_get_midi_track (pattern, r - 8));
    }

  update_all (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATTERN]);
}

/**
 * octa_pattern_header_get_pattern:
 * @self: a header
 *
 * Returns: (transfer none) (nullable): the pattern shown
 */
OctaPattern *
octa_pattern_header_get_pattern (OctaPatternHeader *self)
{
  g_return_val_if_fail (OCTA_IS_PATTERN_HEADER (self), NULL);
  return self->pattern;
}

/**
 * octa_pattern_header_set_grid:
 * @self: a header
 * @grid: (nullable): the grid the header drives
 *
 * Binds page, view, layer and the focused track both ways with @grid.
 */
void
octa_pattern_header_set_grid (OctaPatternHeader *self,
                              OctaStepGrid      *grid)
{
  static const char *const names[] = { "page", "view-all", "layer" };

  g_return_if_fail (OCTA_IS_PATTERN_HEADER (self));
  g_return_if_fail (grid == NULL || OCTA_IS_STEP_GRID (grid));

  for (guint i = 0; i < G_N_ELEMENTS (self->bindings); i++)
    if (self->bindings[i] != NULL)
      {
        g_binding_unbind (self->bindings[i]);
        self->bindings[i] = NULL;
      }
  if (grid == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    self->bindings[i] = g_object_bind_property (grid, names[i], self, names[i],
                                                G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  self->bindings[3] = g_object_bind_property (grid, "cursor-track", self, "cursor-track",
                                              G_BINDING_SYNC_CREATE);
}

static void
octa_pattern_header_dispose (GObject *object)
{
  OctaPatternHeader *self = OCTA_PATTERN_HEADER (object);

  octa_pattern_header_set_grid (self, NULL);
  octa_pattern_header_set_pattern (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), OCTA_TYPE_PATTERN_HEADER);

  G_OBJECT_CLASS (octa_pattern_header_parent_class)->dispose (object);
}

static void
octa_pattern_header_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  OctaPatternHeader *self = OCTA_PATTERN_HEADER (object);

  switch (prop_id)
    {
    case PROP_PATTERN:
      g_value_set_object (value, self->pattern);
      break;
    case PROP_PAGE:
      g_value_set_uint (value, self->page);
      break;
    case PROP_VIEW_ALL:
      g_value_set_boolean (value, self->view_all_on);
      break;
    case PROP_LAYER:
      g_value_set_enum (value, self->layer);
      break;
    case PROP_CURSOR_TRACK:
      g_value_set_uint (value, self->cursor_track);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
octa_pattern_header_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  OctaPatternHeader *self = OCTA_PATTERN_HEADER (object);

  switch (prop_id)
    {
    case PROP_PATTERN:
      octa_pattern_header_set_pattern (self, g_value_get_object (value));
      break;
    case PROP_PAGE:
      if (self->page != g_value_get_uint (value))
        {
          self->page = g_value_get_uint (value);
          update_pages (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_VIEW_ALL:
      if (self->view_all_on != g_value_get_boolean (value))
        {
          self->view_all_on = g_value_get_boolean (value);
          sync_toggles (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_LAYER:
      if (self->layer != (OctaStepGridLayer) g_value_get_enum (value))
        {
          self->layer = g_value_get_enum (value);
          sync_toggles (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_CURSOR_TRACK:
      if (self->cursor_track != g_value_get_uint (value))
        {
          self->cursor_track = g_value_get_uint (value);
          update_layer_banner (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
octa_pattern_header_class_init (OctaPatternHeaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = octa_pattern_header_dispose;
  object_class->get_property = octa_pattern_header_get_property;
  object_class->set_property = octa_pattern_header_set_property;

  properties[PROP_PATTERN] =
    g_param_spec_object ("pattern", NULL, NULL, OCTA_TYPE_PATTERN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAGE] =
    g_param_spec_uint ("page", NULL, NULL, 0, 3, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VIEW_ALL] =
    g_param_spec_boolean ("view-all", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAYER] =
    g_param_spec_enum ("layer", NULL, NULL, OCTA_TYPE_STEP_GRID_LAYER, OCTA_STEP_GRID_LAYER_TRIGS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURSOR_TRACK] =
    g_param_spec_uint ("cursor-track", NULL, NULL, 0, 15, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               OCTA_GRID_RESOURCE_PATH "octa-pattern-header.ui");
  gtk_widget_class_bind_template_child (widget_class, OctaPatternHeader, box);
  gtk_widget_class_bind_template_child (widget_class, OctaPatternHeader, pattern_label);
  gtk_widget_class_bind_template_child (widget_class, OctaPatternHeader, part_button);
  gtk_widget_class_bind_template_child (widget_class, OctaPatternHeader, part_box);
  gtk_widget_class_bind_template_child (widget_class, OctaPatternHeader, length_button);
  gtk_widget_class_bind_template_child (widget_class, OctaPatternHeader, mode_normal);
  gtk_widget_class_bind_template_child (widget_class, OctaPatternHeader, mode_per_track);
  gtk_widget_class_bind_template_child (widget_class, OctaPatternHeader, length_title);
  gtk_widget_class_bind_template_child (widget_class, OctaPatternHeader, length_spin);
  gtk_widget_class_bind_template_child (widget_class, OctaPatternHeader, infinite_check);
  gtk_widget_class_bind_template_child (widget_class, OctaPatternHeader, scale_dropdown);
  gtk_widget_class_bind_template_child (widget_class, OctaPatternHeader, tempo_button);
  gtk_widget_class_bind_template_child (widget_class, OctaPatternHeader, tempo_spin);
  gtk_widget_class_bind_template_child (widget_class, OctaPatternHeader, tracks_button);
  gtk_widget_class_bind_template_child (widget_class, OctaPatternHeader, tracks_grid);
  gtk_widget_class_bind_template_child (widget_class, OctaPatternHeader, page_box);
  gtk_widget_class_bind_template_child (widget_class, OctaPatternHeader, layer_trigs);
  gtk_widget_class_bind_template_child (widget_class, OctaPatternHeader, layer_swing);
  gtk_widget_class_bind_template_child (widget_class, OctaPatternHeader, layer_slide);
  gtk_widget_class_bind_template_child (widget_class, OctaPatternHeader, layer_rec);
  gtk_widget_class_bind_template_child (widget_class, OctaPatternHeader, view_page);
  gtk_widget_class_bind_template_child (widget_class, OctaPatternHeader, view_all);
  gtk_widget_class_bind_template_child (widget_class, OctaPatternHeader, layer_banner);
  gtk_widget_class_bind_template_child (widget_class, OctaPatternHeader, legend_popover);
  gtk_widget_class_bind_template_callback (widget_class, on_mode_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_length_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_infinite_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_scale_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_tempo_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_tracks_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_layer_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_view_toggled);

  gtk_widget_class_set_css_name (widget_class, "octapatternheader");
}

static void
octa_pattern_header_init (OctaPatternHeader *self)
{
  _octa_grid_ensure_css ();
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint p = 0; p < 4; p++)
    {
      GtkWidget *button = gtk_toggle_button_new ();

      g_object_set_data (G_OBJECT (button), "octa-part", GUINT_TO_POINTER (p + 1));
      if (p > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button),
                                     GTK_TOGGLE_BUTTON (self->part_buttons[0]));
      gtk_widget_add_css_class (button, "flat");
      g_signal_connect (button, "toggled", G_CALLBACK (on_part_toggled), self);
      gtk_box_append (GTK_BOX (self->part_box), button);
      self->part_buttons[p] = button;
    }

  {
    /* Ctrl+P then 1–4, as PART + TRIG 1–4 on the device */
    GtkEventController *keys = gtk_event_controller_key_new ();

    g_signal_connect (keys, "key-pressed", G_CALLBACK (on_part_key_pressed), self);
    gtk_widget_add_controller (GTK_WIDGET (gtk_menu_button_get_popover (self->part_button)),
                               keys);
  }

  /* the per-track popover (16 rows of 8 settings) waits for its first
   * showing: it is a good part of the window's start-up otherwise */
  gtk_menu_button_set_create_popup_func (self->tracks_button, create_tracks_popup, self, NULL);
  build_page_dots (self);
  gtk_popover_set_child (self->legend_popover, octa_step_grid_legend_new ());
  update_all (self);
  sync_toggles (self);
}

/**
 * octa_pattern_header_choose_part:
 * @self: a header
 *
 * Opens the part chooser with the assigned part focused; 1–4 pick a part.
 */
void
octa_pattern_header_choose_part (OctaPatternHeader *self)
{
  guint part;

  g_return_if_fail (OCTA_IS_PATTERN_HEADER (self));

  if (self->pattern == NULL)
    return;
  part = octa_pattern_get_part (self->pattern);
  gtk_menu_button_popup (self->part_button);
  if (part >= 1 && part <= 4)
    gtk_widget_grab_focus (self->part_buttons[part - 1]);
}

/**
 * octa_pattern_header_new:
 *
 * Returns: (transfer floating): a new pattern header
 */
GtkWidget *
octa_pattern_header_new (void)
{
  return g_object_new (OCTA_TYPE_PATTERN_HEADER, NULL);
}
