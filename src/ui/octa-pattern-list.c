/* SPDX-License-Identifier: MIT */
#include <glib/gi18n.h>

#include "octa-bank-matrix.h"
#include "octa-pattern-list.h"

/**
 * OctaPatternList:
 *
 * The sixteen patterns of one bank, one row each:
 * `07 ▮▮▮▯▮▯▯▯│▮▯▯▯▯▯▯▯ Part 2 TWO 64` — number, which of the 8 audio and
 * 8 MIDI tracks hold trigs, the part and the master length. Activating a
 * row emits #OctaPatternList::pattern-activated; its context menu copies,
 * pastes or clears the pattern or assigns a part through the window's
 * actions.
 */

#define N_ROWS 16
#define BAR_W   3
#define BAR_GAP 1
#define BAR_H  10
#define HALF_GAP 5

typedef struct
{
  GtkWidget *row;
  GtkWidget *number;
  GtkWidget *occupancy;
  GtkWidget *part;
  GtkWidget *length;
  GtkWidget *unsaved;
  guint16    bits;
} Row;

struct _OctaPatternList
{
  GtkWidget    parent_instance;

  GtkListBox  *list_box;
  GtkWidget   *menu;

  OctaBank    *bank;
  OctaProject *project;
  gulong       changed_handler;
  guint        current;
  Row          rows[N_ROWS];
};

G_DEFINE_FINAL_TYPE (OctaPatternList, octa_pattern_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_BANK,
  N_PROPS
};

enum {
  PATTERN_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
draw_occupancy (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        user_data)
{
  Row *row = user_data;
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (area));
  GdkRGBA fg;
  double x = 0;
  double y = (height - BAR_H) / 2.0;

  gtk_style_context_get_color (context, &fg);

  for (guint t = 0; t < 16; t++)
    {
      if (t == 8)
        {
          /* the │ between the audio and the MIDI half */
          cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, fg.alpha * 0.35);
          cairo_rectangle (cr, x + 1, y - 1, 1, BAR_H + 2);
          cairo_fill (cr);
          x += HALF_GAP;
        }
      if (row->bits & (1u << t))
        {
          cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, fg.alpha * 0.85);
          cairo_rectangle (cr, x, y, BAR_W, BAR_H);
          cairo_fill (cr);
        }
      else
        {
          cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, fg.alpha * 0.4);
          cairo_set_line_width (cr, 1);
          cairo_rectangle (cr, x + 0.5, y + 0.5, BAR_W - 1, BAR_H - 1);
          cairo_stroke (cr);
        }
      x += BAR_W + BAR_GAP;
    }
}

static void
update_row (OctaPatternList *self,
            guint            index)
{
  Row *row = &self->rows[index];
  g_autoptr(OctaPattern) pattern = octa_bank_get_pattern (self->bank, index);
  g_autofree char *part = octa_ui_pattern_dup_part_label (pattern);
  g_autofree char *summary = octa_ui_pattern_dup_summary (pattern);
  g_autofree char *length = NULL;
  int mode = OCTA_SCALE_MODE_NORMAL;
  guint16 bits;

  g_object_get (pattern, "scale-mode", &mode, NULL);
  if (mode == OCTA_SCALE_MODE_PER_TRACK)
    {
      int master = 0;

      g_object_get (pattern, "per-track-master-length", &master, NULL);
      length = master == 65535 ? g_strdup ("INF") : g_strdup_printf ("%d", master);
    }
  else
    length = g_strdup_printf ("%u", octa_pattern_get_length (pattern));

  gtk_label_set_label (GTK_LABEL (row->part), part);
  gtk_label_set_label (GTK_LABEL (row->length), length);
  gtk_widget_set_tooltip_text (row->row, summary);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, summary,
                                  -1);

  bits = octa_ui_pattern_track_occupancy (pattern);
  if (bits != row->bits)
    {
      row->bits = bits;
      gtk_widget_queue_draw (row->occupancy);
    }
}

static void
update_rows (OctaPatternList *self)
{
  if (self->bank == NULL)
    return;
  for (guint i = 0; i < N_ROWS; i++)
    update_row (self, i);
}

static void
build_rows (OctaPatternList *self)
{
  for (guint i = 0; i < N_ROWS; i++)
    {
      Row *row = &self->rows[i];
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      char number[4];

      g_snprintf (number, sizeof number, "%02u", i + 1);
      row->number = gtk_label_new (number);
      gtk_widget_add_css_class (row->number, "numeric");
      gtk_widget_add_css_class (row->number, "pattern-number");

      row->occupancy = gtk_drawing_area_new ();
      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (row->occupancy),
                                          16 * (BAR_W + BAR_GAP) - BAR_GAP + HALF_GAP);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (row->occupancy), BAR_H + 2);
      gtk_widget_set_valign (row->occupancy, GTK_ALIGN_CENTER);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (row->occupancy), draw_occupancy, row,
                                      NULL);

      row->part = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (row->part), 0);
      gtk_label_set_ellipsize (GTK_LABEL (row->part), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (row->part, TRUE);

      row->length = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (row->length), 1);
      gtk_label_set_width_chars (GTK_LABEL (row->length), 2);
      gtk_widget_add_css_class (row->length, "numeric");
      gtk_widget_add_css_class (row->length, "dim-label");

      gtk_box_append (GTK_BOX (box), row->number);
      gtk_box_append (GTK_BOX (box), row->occupancy);
      gtk_box_append (GTK_BOX (box), row->part);
      gtk_box_append (GTK_BOX (box), row->length);

      /* unsaved dot; its room is kept so the columns do not shift */
      row->unsaved = gtk_label_new ("•");
      gtk_widget_add_css_class (row->unsaved, "accent");
      gtk_widget_add_css_class (row->unsaved, "pattern-unsaved");
      gtk_widget_set_tooltip_text (row->unsaved, _("Unsaved edits"));
      gtk_widget_set_opacity (row->unsaved, 0);
      gtk_box_append (GTK_BOX (box), row->unsaved);

      row->row = gtk_list_box_row_new ();
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row->row), box);
      gtk_widget_add_css_class (row->row, "pattern-row");
      gtk_list_box_append (self->list_box, row->row);
    }
}

/**
 * octa_pattern_list_set_unsaved:
 * @self: a list
 * @mask: bit p set when pattern p + 1 has unsaved edits
 *
 * Shows the unsaved dot on the rows of @mask.
 */
void
octa_pattern_list_set_unsaved (OctaPatternList *self,
                               guint16          mask)
{
  g_return_if_fail (OCTA_IS_PATTERN_LIST (self));

  for (guint i = 0; i < N_ROWS; i++)
    gtk_widget_set_opacity (self->rows[i].unsaved, (mask & (1u << i)) ? 1 : 0);
}

/**
 * octa_pattern_list_get_unsaved:
 * @self: a list
 *
 * Returns: the rows showing the unsaved dot, bit p for pattern p + 1
 */
guint16
octa_pattern_list_get_unsaved (OctaPatternList *self)
{
  guint16 mask = 0;

  g_return_val_if_fail (OCTA_IS_PATTERN_LIST (self), 0);

  for (guint i = 0; i < N_ROWS; i++)
    if (gtk_widget_get_opacity (self->rows[i].unsaved) > 0)
      mask |= 1u << i;
  return mask;
}

static void
project_changed_cb (OctaPatternList *self)
{
  update_rows (self);
}

GtkWidget *
octa_pattern_list_new (void)
{
  return g_object_new (OCTA_TYPE_PATTERN_LIST, NULL);
}

OctaBank *
octa_pattern_list_get_bank (OctaPatternList *self)
{
  g_return_val_if_fail (OCTA_IS_PATTERN_LIST (self), NULL);
  return self->bank;
}

/**
 * octa_pattern_list_set_bank:
 * @self: a pattern list
 * @bank: (nullable): the bank to list
 */
void
octa_pattern_list_set_bank (OctaPatternList *self,
                            OctaBank        *bank)
{
  OctaProject *project;

  g_return_if_fail (OCTA_IS_PATTERN_LIST (self));
  g_return_if_fail (bank == NULL || OCTA_IS_BANK (bank));

  if (self->bank == bank)
    return;

  g_set_object (&self->bank, bank);

  project = bank ? octa_bank_get_project (bank) : NULL;
  if (project != self->project)
    {
      if (self->project != NULL)
        g_clear_signal_handler (&self->changed_handler, self->project);
      g_set_object (&self->project, project);
      if (project != NULL)
        self->changed_handler = g_signal_connect_swapped (project, "changed",
                                                          G_CALLBACK (project_changed_cb), self);
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->list_box), bank != NULL);
  update_rows (self);
  octa_pattern_list_set_current (self, self->current);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BANK]);
}

/**
 * octa_pattern_list_set_current:
 * @self: a pattern list
 * @pattern: the open pattern's row (0…15), or %G_MAXUINT when the open
 *   pattern is in another bank
 */
void
octa_pattern_list_set_current (OctaPatternList *self,
                               guint            pattern)
{
  g_return_if_fail (OCTA_IS_PATTERN_LIST (self));

  self->current = pattern;
  if (pattern < N_ROWS)
    gtk_list_box_select_row (self->list_box, GTK_LIST_BOX_ROW (self->rows[pattern].row));
  else
    gtk_list_box_unselect_all (self->list_box);
}

/**
 * octa_pattern_list_get_row:
 * @self: a pattern list
 * @pattern: 0…15
 *
 * Returns: (transfer none): the row of @pattern
 */
GtkWidget *
octa_pattern_list_get_row (OctaPatternList *self,
                           guint            pattern)
{
  g_return_val_if_fail (OCTA_IS_PATTERN_LIST (self), NULL);
  g_return_val_if_fail (pattern < N_ROWS, NULL);
  return self->rows[pattern].row;
}

static void
row_activated_cb (GtkListBox      *list_box,
                  GtkListBoxRow   *row,
                  OctaPatternList *self)
{
  if (self->bank == NULL)
    return;
  g_signal_emit (self, signals[PATTERN_ACTIVATED], 0,
                 octa_bank_get_index (self->bank), (guint) gtk_list_box_row_get_index (row));
}

static void
append_pattern_item (GMenu      *menu,
                     const char *label,
                     const char *action,
                     guint       bank,
                     guint       pattern)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action, g_variant_new ("(uu)", bank, pattern));
  g_menu_append_item (menu, item);
}

/* Copy, Paste, Clear, Assign Part ▸ (design guide §1.4). */
static GMenuModel *
build_menu (OctaPatternList *self,
            guint            pattern)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) parts = g_menu_new ();
  g_autoptr(GMenu) edit = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
  guint bank = octa_bank_get_index (self->bank);

  append_pattern_item (edit, _("_Copy Pattern"), "win.copy-pattern", bank, pattern);
  append_pattern_item (edit, _("_Paste Pattern"), "win.paste-pattern", bank, pattern);
  append_pattern_item (edit, _("C_lear Pattern"), "win.clear-pattern", bank, pattern);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));

  for (guint part = 1; part <= 4; part++)
    {
      g_autoptr(GMenuItem) item = NULL;
      g_autofree char *label = g_strdup_printf (_("Part %u"), part);
      g_autoptr(OctaPart) object = octa_bank_get_part (self->bank, part - 1);
      g_autofree char *name = octa_part_dup_name (object);

      g_strstrip (name);
      if (name[0] != '\0')
        {
          g_free (label);
          label = g_strdup_printf (_("Part %u %s"), part, name);
        }
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "win.assign-part",
                                               g_variant_new ("(uuu)", bank, pattern, part));
      g_menu_append_item (parts, item);
    }
  g_menu_append_submenu (section, _("Assign _Part"), G_MENU_MODEL (parts));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));

  return G_MENU_MODEL (g_steal_pointer (&menu));
}

static void
popup_menu (OctaPatternList *self,
            guint            pattern,
            double           x,
            double           y)
{
  g_autoptr(GMenuModel) model = NULL;
  graphene_point_t point;

  if (self->bank == NULL)
    return;

  model = build_menu (self, pattern);
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->menu), model);

  if (x < 0)
    {
      graphene_rect_t bounds;

      if (!gtk_widget_compute_bounds (self->rows[pattern].row, GTK_WIDGET (self), &bounds))
        return;
      point = GRAPHENE_POINT_INIT (bounds.origin.x + 24, bounds.origin.y + bounds.size.height);
    }
  else if (!gtk_widget_compute_point (GTK_WIDGET (self->list_box), GTK_WIDGET (self),
                                      &GRAPHENE_POINT_INIT (x, y), &point))
    return;

  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu),
                               &(GdkRectangle) { (int) point.x, (int) point.y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

static void
menu_pressed_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 OctaPatternList *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_y (self->list_box, (int) y);

  if (row == NULL)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_grab_focus (GTK_WIDGET (row));
  popup_menu (self, gtk_list_box_row_get_index (row), x, y);
}

static void
menu_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  OctaPatternList *self = OCTA_PATTERN_LIST (widget);
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  for (guint i = 0; i < N_ROWS; i++)
    if (focus != NULL && (focus == self->rows[i].row ||
                          gtk_widget_is_ancestor (focus, self->rows[i].row)))
      {
        popup_menu (self, i, -1, -1);
        return;
      }
}

static void
octa_pattern_list_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  OctaPatternList *self = OCTA_PATTERN_LIST (widget);

  gtk_widget_measure (GTK_WIDGET (self->list_box), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
octa_pattern_list_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  OctaPatternList *self = OCTA_PATTERN_LIST (widget);

  gtk_widget_allocate (GTK_WIDGET (self->list_box), width, height, baseline, NULL);
  /* A popover parented here must be placed by its parent. */
  gtk_popover_present (GTK_POPOVER (self->menu));
}

static void
octa_pattern_list_dispose (GObject *object)
{
  OctaPatternList *self = OCTA_PATTERN_LIST (object);

  if (self->project != NULL)
    g_clear_signal_handler (&self->changed_handler, self->project);
  g_clear_object (&self->project);
  g_clear_object (&self->bank);
  g_clear_pointer (&self->menu, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), OCTA_TYPE_PATTERN_LIST);

  G_OBJECT_CLASS (octa_pattern_list_parent_class)->dispose (object);
}

static void
octa_pattern_list_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  OctaPatternList *self = OCTA_PATTERN_LIST (object);

  switch (prop_id)
    {
    case PROP_BANK:
      g_value_set_object (value, self->bank);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
octa_pattern_list_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  OctaPatternList *self = OCTA_PATTERN_LIST (object);

  switch (prop_id)
    {
    case PROP_BANK:
      octa_pattern_list_set_bank (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
octa_pattern_list_class_init (OctaPatternListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = octa_pattern_list_dispose;
  object_class->get_property = octa_pattern_list_get_property;
  object_class->set_property = octa_pattern_list_set_property;

  widget_class->measure = octa_pattern_list_measure;
  widget_class->size_allocate = octa_pattern_list_size_allocate;

  properties[PROP_BANK] =
    g_param_spec_object ("bank", NULL, NULL, OCTA_TYPE_BANK,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * OctaPatternList::pattern-activated:
   * @self: the list
   * @bank: the bank, 0…15
   * @pattern: the pattern, 0…15
   */
  signals[PATTERN_ACTIVATED] =
    g_signal_new ("pattern-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/octadesk/Octadesk/octa-pattern-list.ui");
  gtk_widget_class_bind_template_child (widget_class, OctaPatternList, list_box);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, menu_pressed_cb);

  gtk_widget_class_install_action (widget_class, "patterns.menu", NULL, menu_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "patterns.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK,
                                       "patterns.menu", NULL);

  gtk_widget_class_set_css_name (widget_class, "patternlist");
}

static void
octa_pattern_list_init (OctaPatternList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->current = G_MAXUINT;
  self->menu = gtk_popover_menu_new_from_model (NULL);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), FALSE);
  gtk_popover_set_position (GTK_POPOVER (self->menu), GTK_POS_BOTTOM);
  gtk_widget_set_halign (self->menu, GTK_ALIGN_START);
  gtk_widget_set_parent (self->menu, GTK_WIDGET (self));

  build_rows (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->list_box), FALSE);
}
