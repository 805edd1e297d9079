/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "octa-arrangement-view.h"
#include "octa-css.h"

/**
 * OctaArrangementView:
 *
 * The eight arrangements: a column naming each one (row count or "empty",
 * and whether the working copy differs from the saved one), a table of the
 * selected arrangement's rows, and under it a pane editing the selected
 * PATTERN or REMINDER row (GTK 4.8's column view can't edit in cells; the
 * mutes are tiny toggles in the table too). LOOP, JUMP and HALT rows are
 * shown as stored and stay read-only until the spec settles their bytes.
 */

#define N_ARRANGEMENTS 8

enum {
  COL_NUMBER,
  COL_TYPE,
  COL_PATTERN,
  COL_REPEATS,
  COL_OFFSET,
  COL_LENGTH,
  COL_SCENE_A,
  COL_SCENE_B,
  COL_MUTES,
  COL_TEMPO,
  COL_TRANSPOSE,
  N_COLUMNS
};

struct _OctaArrangementView
{
  GtkWidget           parent_instance;

  /* template children */
  GtkWidget          *box;
  GtkListBox         *arrangement_list;
  GtkLabel           *title_label;
  GtkLabel           *count_label;
  GtkWidget          *state_label;
  GtkWidget          *move_up_button;
  GtkWidget          *move_down_button;
  GtkStack           *content_stack;
  AdwStatusPage      *empty_page;
  GtkColumnView      *column_view;
  GtkStack           *details_stack;
  GtkGrid            *pattern_grid;
  GtkEntry           *reminder_entry;
  GtkLabel           *reminder_error;
  GtkLabel           *jump_bytes;

  /* details pane, built in code */
  GtkSpinButton      *pattern_spin;
  GtkSpinButton      *repeats_spin;
  GtkSpinButton      *offset_spin;
  GtkSpinButton      *length_spin;
  GtkSpinButton      *scene_a_spin;
  GtkSpinButton      *scene_b_spin;
  GtkSpinButton      *tempo_spin;
  GtkWidget          *mute_toggles[16];
  GtkSpinButton      *transpose_spins[8];

  GtkWidget          *sidebar_titles[N_ARRANGEMENTS];
  GtkWidget          *sidebar_subtitles[N_ARRANGEMENTS];

  OctaProject        *project;
  gulong              changed_handler;
  OctaArrangement    *arrangement;
  guint               index;
  GtkSingleSelection *selection;
  OctaArrangementRow *row;
  gboolean            updating;
};

G_DEFINE_FINAL_TYPE (OctaArrangementView, octa_arrangement_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROJECT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_details (OctaArrangementView *self);

/* {{{ Words */

static char *
pattern_label (guint pattern)
{
  return g_strdup_printf ("%c%02u", 'A' + pattern / 16, pattern % 16 + 1);
}

/* LOOP, JUMP or HALT follows from the target row, but the two sources put
 * the target in byte 2 or byte 3 (spec §5.3): a kind is named only when
 * both readings agree. */
static const char *
jump_kind (OctaArrangementRow *row)
{
  guint index = octa_arrangement_row_get_index (row);
  guint targets[2] = { octa_arrangement_row_get_byte (row, 2),
                       octa_arrangement_row_get_byte (row, 3) };
  int kinds[2];

  for (guint i = 0; i < 2; i++)
    kinds[i] = targets[i] == index ? 0 : targets[i] > index ? 1 : 2;
  if (kinds[0] != kinds[1])
    return _("↺ Loop or jump");
  switch (kinds[0])
    {
    case 0:
      return _("■ Halt");
    case 1:
      return _("→ Jump");
    default:
      return _("↺ Loop");
    }
}

static char *
type_text (OctaArrangementRow *row)
{
  gint type = octa_arrangement_row_get_row_type (row);

  switch (type)
    {
    case OCTA_ARRANGEMENT_ROW_PATTERN:
      return g_strdup (_("▶ Pattern"));
    case OCTA_ARRANGEMENT_ROW_LOOP:
      return g_strdup (jump_kind (row));
    case OCTA_ARRANGEMENT_ROW_REMINDER:
      return g_strdup (_("✎ Reminder"));
    default:
      return g_strdup_printf ("#%d", type);
    }
}

static char *
scene_text (gint scene)
{
  return scene < 0 ? g_strdup ("—") : g_strdup_printf ("%d", scene + 1);
}

static char *
tempo_text (double bpm)
{
  if (bpm <= 0.0)
    return g_strdup ("—");
  return g_strdup_printf ("%.1f", bpm);
}

static char *
transpose_text (OctaArrangementRow *row)
{
  GString *text = g_string_new (NULL);

  for (guint m = 0; m < 8; m++)
    {
      gint t = octa_arrangement_row_get_transpose (row, m);

      if (t != 0)
        g_string_append_printf (text, "%sM%u %s%d", text->len ? " " : "", m + 1,
                                t > 0 ? "+" : "−", ABS (t));
    }
  if (text->len == 0)
    g_string_append (text, "—");
  return g_string_free (text, FALSE);
}

/* }}} */
/* {{{ Table cells */

static guint
column_of (GtkListItemFactory *factory)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "octa-column"));
}

static void
on_cell_mute_toggled (GtkToggleButton *toggle,
                      GtkWidget       *box)
{
  OctaArrangementRow *row = g_object_get_data (G_OBJECT (box), "octa-row");
  guint bit = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toggle), "octa-bit"));
  gboolean on = gtk_toggle_button_get_active (toggle);
  guint mask;
  const char *property = bit < 8 ? "audio-mutes" : "midi-mutes";

  if (row == NULL || g_object_get_data (G_OBJECT (box), "octa-updating"))
    return;
  g_object_get (row, property, &mask, NULL);
  mask = on ? mask | (1u << (bit % 8)) : mask & ~(1u << (bit % 8));
  g_object_set (row, property, mask, NULL);
}

static GtkWidget *
mute_box_new (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 1);

  gtk_widget_add_css_class (box, "octa-mutes");
  for (guint bit = 0; bit < 16; bit++)
    {
      GtkWidget *toggle = gtk_toggle_button_new ();
      g_autofree char *track = g_strdup_printf (bit < 8 ? "T%u" : "M%u", bit % 8 + 1);

      gtk_widget_add_css_class (toggle, "octa-mute");
      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (toggle), "octa-bit", GUINT_TO_POINTER (bit));
      gtk_widget_set_tooltip_text (toggle, track);
      g_signal_connect (toggle, "toggled", G_CALLBACK (on_cell_mute_toggled), box);
      if (bit == 8)
        gtk_widget_set_margin_start (toggle, 5);
      gtk_box_append (GTK_BOX (box), toggle);
    }
  return box;
}

static void
update_mute_toggles (GtkWidget * const *toggles,
                     guint              audio,
                     guint              midi)
{
  for (guint bit = 0; bit < 16; bit++)
    {
      gboolean muted = bit < 8 ? (audio >> bit) & 1 : (midi >> (bit - 8)) & 1;
      g_autofree char *tooltip = g_strdup_printf (muted ? _("%c%u muted") : _("%c%u plays"),
                                                  bit < 8 ? 'T' : 'M', bit % 8 + 1);

      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggles[bit]), muted);
      gtk_widget_set_tooltip_text (toggles[bit], tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggles[bit]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
    }
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  guint column = column_of (GTK_LIST_ITEM_FACTORY (factory));
  GtkWidget *child;

  if (column == COL_MUTES)
    child = mute_box_new ();
  else
    {
      child = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (child), 0);
      gtk_label_set_ellipsize (GTK_LABEL (child), PANGO_ELLIPSIZE_END);
      if (column != COL_TYPE)
        gtk_widget_add_css_class (child, "numeric");
      if (column == COL_NUMBER)
        gtk_widget_add_css_class (child, "dim-label");
    }
  gtk_list_item_set_child (item, child);
}

static void
fill_cell (GtkListItem *item)
{
  GtkWidget *child = gtk_list_item_get_child (item);
  OctaArrangementRow *row = gtk_list_item_get_item (item);
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (item), "octa-column"));
  gboolean pattern_row;
  g_autofree char *text = NULL;

  if (row == NULL || child == NULL)
    return;
  pattern_row = octa_arrangement_row_get_row_type (row) == OCTA_ARRANGEMENT_ROW_PATTERN;

  if (column == COL_MUTES)
    {
      guint audio, midi;

      gtk_widget_set_visible (child, pattern_row);
      g_object_get (row, "audio-mutes", &audio, "midi-mutes", &midi, NULL);
      g_object_set_data (G_OBJECT (child), "octa-row", row);
      g_object_set_data (G_OBJECT (child), "octa-updating", GINT_TO_POINTER (TRUE));
      {
        GtkWidget *toggles[16];
        guint i = 0;

        for (GtkWidget *t = gtk_widget_get_first_child (child); t && i < 16;
             t = gtk_widget_get_next_sibling (t))
          toggles[i++] = t;
        update_mute_toggles (toggles, audio, midi);
      }
      g_object_set_data (G_OBJECT (child), "octa-updating", NULL);
      return;
    }

  switch (column)
    {
    case COL_NUMBER:
      text = g_strdup_printf ("%u", octa_arrangement_row_get_index (row) + 1);
      break;
    case COL_TYPE:
      text = type_text (row);
      break;
    case COL_PATTERN:
      if (pattern_row)
        text = pattern_label (octa_arrangement_row_get_pattern (row));
      else if (octa_arrangement_row_get_row_type (row) == OCTA_ARRANGEMENT_ROW_REMINDER)
        {
          g_autofree char *reminder = octa_arrangement_row_dup_reminder (row);

          text = g_strdup_printf ("“%s”", reminder ? reminder : "");
        }
      break;
    case COL_REPEATS:
      if (pattern_row)
        text = g_strdup_printf ("×%u", octa_arrangement_row_get_repeats (row));
      break;
    case COL_OFFSET:
    case COL_LENGTH:
      if (pattern_row)
        {
          gint value;

          g_object_get (row, column == COL_OFFSET ? "offset" : "length", &value, NULL);
          text = g_strdup_printf ("%d", value);
        }
      break;
    case COL_SCENE_A:
    case COL_SCENE_B:
      if (pattern_row)
        {
          gint scene;

          g_object_get (row, column == COL_SCENE_A ? "scene-a" : "scene-b", &scene, NULL);
          text = scene_text (scene);
        }
      break;
    case COL_TEMPO:
      if (pattern_row)
        text = tempo_text (octa_arrangement_row_get_tempo (row));
      break;
    case COL_TRANSPOSE:
      if (pattern_row)
        text = transpose_text (row);
      break;
    default:
      break;
    }
  gtk_label_set_text (GTK_LABEL (child), text ? text : "");
}

static void
on_row_notify (OctaArrangementRow *row,
               GParamSpec         *pspec,
               GtkListItem        *item)
{
  fill_cell (item);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  OctaArrangementRow *row = gtk_list_item_get_item (item);

  g_object_set_data (G_OBJECT (item), "octa-column",
                     GUINT_TO_POINTER (column_of (GTK_LIST_ITEM_FACTORY (factory))));
  g_signal_connect_object (row, "notify", G_CALLBACK (on_row_notify), item, 0);
  fill_cell (item);
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  OctaArrangementRow *row = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);

  if (row != NULL)
    g_signal_handlers_disconnect_by_func (row, on_row_notify, item);
  if (child != NULL)
    g_object_set_data (G_OBJECT (child), "octa-row", NULL);
}

static void
add_column (OctaArrangementView *self,
            guint                column,
            const char          *title,
            gboolean             expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *col;

  g_object_set_data (G_OBJECT (factory), "octa-column", GUINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), self);
  col = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (col, expand);
  gtk_column_view_append_column (self->column_view, col);
  g_object_unref (col);
}

/* }}} */
/* {{{ Details pane */

static gboolean
on_pattern_output (GtkSpinButton *spin,
                   gpointer       user_data)
{
  g_autofree char *text = pattern_label (gtk_spin_button_get_value_as_int (spin));

  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

/* "B03", "b3" or a bare number 1…256 */
static gint
on_pattern_input (GtkSpinButton *spin,
                  double        *value,
                  gpointer       user_data)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  char *end = NULL;
  glong n;

  while (*text == ' ')
    text++;
  if (g_ascii_isalpha (text[0]))
    {
      gint bank = g_ascii_toupper (text[0]) - 'A';

      n = strtol (text + 1, &end, 10);
      if (bank < 0 || bank > 15 || end == text + 1 || n < 1 || n > 16)
        return GTK_INPUT_ERROR;
      *value = bank * 16 + n - 1;
      return TRUE;
    }
  n = strtol (text, &end, 10);
  if (end == text || n < 1 || n > 256)
    return GTK_INPUT_ERROR;
  *value = n - 1;
  return TRUE;
}

static gboolean
on_repeats_output (GtkSpinButton *spin,
                   gpointer       user_data)
{
  g_autofree char *text = g_strdup_printf ("×%d", gtk_spin_button_get_value_as_int (spin));

  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static gboolean
on_scene_output (GtkSpinButton *spin,
                 gpointer       user_data)
{
  g_autofree char *text = scene_text (gtk_spin_button_get_value_as_int (spin));

  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static gboolean
on_tempo_output (GtkSpinButton *spin,
                 gpointer       user_data)
{
  g_autofree char *text = tempo_text (gtk_spin_button_get_value (spin));

  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static gboolean
on_transpose_output (GtkSpinButton *spin,
                     gpointer       user_data)
{
  gint t = gtk_spin_button_get_value_as_int (spin);
  g_autofree char *text = t == 0 ? g_strdup ("0") : g_strdup_printf ("%s%d", t > 0 ? "+" : "−",
                                                                     ABS (t));

  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

/* The text typed (with "—" for none and a real minus sign) as a number. */
static gint
on_signed_input (GtkSpinButton *spin,
                 double        *value,
                 gpointer       user_data)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  g_autofree char *ascii = NULL;
  char *end = NULL;
  double n;

  if (g_str_has_prefix (text, "—") || text[0] == '\0')
    {
      *value = gtk_adjustment_get_lower (gtk_spin_button_get_adjustment (spin));
      return TRUE;
    }
  ascii = g_strdup (text);
  if (g_str_has_prefix (text, "−"))
    {
      g_free (ascii);
      ascii = g_strconcat ("-", text + strlen ("−"), NULL);
    }
  n = g_ascii_strtod (ascii, &end);
  if (end == ascii)
    return GTK_INPUT_ERROR;
  *value = GPOINTER_TO_INT (user_data) ? n - 1 : n;
  return TRUE;
}

static void
on_detail_changed (GtkSpinButton       *spin,
                   OctaArrangementView *self)
{
  gint value = gtk_spin_button_get_value_as_int (spin);

  if (self->updating || self->row == NULL)
    return;
  if (spin == self->pattern_spin)
    octa_arrangement_row_set_pattern (self->row, value);
  else if (spin == self->repeats_spin)
    octa_arrangement_row_set_repeats (self->row, value);
  else if (spin == self->offset_spin)
    g_object_set (self->row, "offset", value, NULL);
  else if (spin == self->length_spin)
    g_object_set (self->row, "length", value, NULL);
  else if (spin == self->scene_a_spin)
    g_object_set (self->row, "scene-a", value, NULL);
  else if (spin == self->scene_b_spin)
    g_object_set (self->row, "scene-b", value, NULL);
  else if (spin == self->tempo_spin)
    {
      double bpm = gtk_spin_button_get_value (spin);

      /* below 30 BPM there is only "no change" */
      if (bpm > 0.0 && bpm < 30.0)
        bpm = gtk_spin_button_get_value (spin) < 15.0 ? 0.0 : 30.0;
      octa_arrangement_row_set_tempo (self->row, bpm);
    }
  else
    for (guint m = 0; m < 8; m++)
      if (spin == self->transpose_spins[m])
        octa_arrangement_row_set_transpose (self->row, m, value);
  update_details (self);
}

static void
on_detail_mute_toggled (GtkToggleButton     *toggle,
                        OctaArrangementView *self)
{
  guint audio = 0, midi = 0;

  if (self->updating || self->row == NULL)
    return;
  for (guint bit = 0; bit < 16; bit++)
    if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->mute_toggles[bit])))
      {
        if (bit < 8)
          audio |= 1u << bit;
        else
          midi |= 1u << (bit - 8);
      }
  g_object_set (self->row, "audio-mutes", audio, "midi-mutes", midi, NULL);
}

static void
on_reminder_activate (GtkEntry            *entry,
                      OctaArrangementView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_ascii_strup (gtk_editable_get_text (GTK_EDITABLE (entry)), -1);

  if (self->row == NULL)
    return;
  if (!octa_arrangement_row_set_reminder (self->row, text, &error))
    gtk_label_set_text (self->reminder_error, error->message);
  else
    gtk_label_set_text (self->reminder_error, "");
  update_details (self);
}

static GtkSpinButton *
detail_spin (OctaArrangementView *self,
             const char          *title,
             const char          *tooltip,
             double               lower,
             double               upper,
             guint                digits,
             guint                column,
             guint                row)
{
  GtkAdjustment *adjustment = gtk_adjustment_new (lower, lower, upper, 1, 10, 0);
  GtkWidget *spin = gtk_spin_button_new (adjustment, 1, digits);
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), spin);
  gtk_widget_set_tooltip_text (label, tooltip);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), FALSE);
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), 4);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  g_signal_connect (spin, "value-changed", G_CALLBACK (on_detail_changed), self);
  gtk_grid_attach (self->pattern_grid, label, column, row, 1, 1);
  gtk_grid_attach (self->pattern_grid, spin, column, row + 1, 1, 1);
  return GTK_SPIN_BUTTON (spin);
}

static void
build_details (OctaArrangementView *self)
{
  GtkWidget *mutes, *label, *transposes;

  self->pattern_spin = detail_spin (self, _("Pattern"), _("Pattern to play"), 0, 255, 0, 0, 0);
  g_signal_connect (self->pattern_spin, "output", G_CALLBACK (on_pattern_output), NULL);
  g_signal_connect (self->pattern_spin, "input", G_CALLBACK (on_pattern_input), NULL);
  self->repeats_spin = detail_spin (self, _("Repeats"), _("How many times the pattern plays"),
                                    1, 64, 0, 1, 0);
  g_signal_connect (self->repeats_spin, "output", G_CALLBACK (on_repeats_output), NULL);
  g_signal_connect (self->repeats_spin, "input", G_CALLBACK (on_signed_input), NULL);
  self->offset_spin = detail_spin (self, _("Offset"), _("Step the pattern starts from"),
                                   0, 1023, 0, 2, 0);
  self->length_spin = detail_spin (self, _("Length"), _("Steps played"), 1, 1024, 0, 3, 0);
  self->scene_a_spin = detail_spin (self, _("Scene A"), _("Scene in slot A; — leaves it"),
                                    -1, 15, 0, 0, 2);
  self->scene_b_spin = detail_spin (self, _("Scene B"), _("Scene in slot B; — leaves it"),
                                    -1, 15, 0, 1, 2);
  g_signal_connect (self->scene_a_spin, "output", G_CALLBACK (on_scene_output), NULL);
  g_signal_connect (self->scene_b_spin, "output", G_CALLBACK (on_scene_output), NULL);
  g_signal_connect (self->scene_a_spin, "input", G_CALLBACK (on_signed_input),
                    GINT_TO_POINTER (TRUE));
  g_signal_connect (self->scene_b_spin, "input", G_CALLBACK (on_signed_input),
                    GINT_TO_POINTER (TRUE));
  self->tempo_spin = detail_spin (self, _("BPM"), _("Tempo; — keeps the pattern's"),
                                  0, 300, 1, 2, 2);
  g_signal_connect (self->tempo_spin, "output", G_CALLBACK (on_tempo_output), NULL);
  g_signal_connect (self->tempo_spin, "input", G_CALLBACK (on_signed_input), NULL);

  label = gtk_label_new (_("Mutes"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_grid_attach (self->pattern_grid, label, 0, 4, 1, 1);
  mutes = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  for (guint bit = 0; bit < 16; bit++)
    {
      g_autofree char *text = g_strdup_printf ("%c%u", bit < 8 ? 'T' : 'M', bit % 8 + 1);
      GtkWidget *toggle = gtk_toggle_button_new_with_label (text);

      gtk_widget_add_css_class (toggle, "octa-mute-detail");
      if (bit == 8)
        gtk_widget_set_margin_start (toggle, 8);
      g_signal_connect (toggle, "toggled", G_CALLBACK (on_detail_mute_toggled), self);
      self->mute_toggles[bit] = toggle;
      gtk_box_append (GTK_BOX (mutes), toggle);
    }
  gtk_grid_attach (self->pattern_grid, mutes, 0, 5, 4, 1);

  label = gtk_label_new (_("MIDI transpose"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_grid_attach (self->pattern_grid, label, 0, 6, 2, 1);
  transposes = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (transposes), 12);
  gtk_grid_set_row_spacing (GTK_GRID (transposes), 6);
  for (guint m = 0; m < 8; m++)
    {
      GtkAdjustment *adjustment = gtk_adjustment_new (0, -48, 48, 1, 12, 0);
      GtkWidget *spin = gtk_spin_button_new (adjustment, 1, 0);
      g_autofree char *name = g_strdup_printf (_("M%u transpose"), m + 1);
      g_autofree char *short_name = g_strdup_printf ("M%u", m + 1);
      GtkWidget *pair = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
      GtkWidget *tag = gtk_label_new (short_name);

      gtk_widget_add_css_class (tag, "dim-label");
      gtk_widget_add_css_class (tag, "caption");
      gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), FALSE);
      gtk_editable_set_width_chars (GTK_EDITABLE (spin), 3);
      gtk_widget_set_tooltip_text (spin, name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
      g_signal_connect (spin, "output", G_CALLBACK (on_transpose_output), NULL);
      g_signal_connect (spin, "input", G_CALLBACK (on_signed_input), NULL);
      g_signal_connect (spin, "value-changed", G_CALLBACK (on_detail_changed), self);
      self->transpose_spins[m] = GTK_SPIN_BUTTON (spin);
      gtk_box_append (GTK_BOX (pair), tag);
      gtk_box_append (GTK_BOX (pair), spin);
      gtk_grid_attach (GTK_GRID (transposes), pair, m % 4, m / 4, 1, 1);
    }
  gtk_grid_attach (self->pattern_grid, transposes, 0, 7, 4, 1);
}

static void
set_spin (GtkSpinButton *spin,
          double         value)
{
  gboolean handled;

  gtk_spin_button_set_value (spin, value);
  /* "output" runs only when the value moves: show the device words anyway */
  g_signal_emit_by_name (spin, "output", &handled);
}

static void
update_details (OctaArrangementView *self)
{
  gint type;

  if (self->row == NULL)
    {
      gtk_stack_set_visible_child_name (self->details_stack, "none");
      return;
    }

  self->updating = TRUE;
  type = octa_arrangement_row_get_row_type (self->row);
  if (type == OCTA_ARRANGEMENT_ROW_PATTERN)
    {
      gint offset, length, scene_a, scene_b;
      guint audio, midi;
      g_object_get (self->row, "offset", &offset, "length", &length, "scene-a", &scene_a,
                    "scene-b", &scene_b, "audio-mutes", &audio, "midi-mutes", &midi, NULL);
      set_spin (self->pattern_spin, octa_arrangement_row_get_pattern (self->row));
      set_spin (self->repeats_spin, octa_arrangement_row_get_repeats (self->row));
      gtk_spin_button_set_value (self->offset_spin, offset);
      gtk_spin_button_set_value (self->length_spin, length);
      set_spin (self->scene_a_spin, scene_a);
      set_spin (self->scene_b_spin, scene_b);
      set_spin (self->tempo_spin, octa_arrangement_row_get_tempo (self->row));
      update_mute_toggles (self->mute_toggles, audio, midi);
      for (guint m = 0; m < 8; m++)
        set_spin (self->transpose_spins[m], octa_arrangement_row_get_transpose (self->row, m));
      gtk_stack_set_visible_child_name (self->details_stack, "pattern");
    }
  else if (type == OCTA_ARRANGEMENT_ROW_REMINDER)
    {
      g_autofree char *text = octa_arrangement_row_dup_reminder (self->row);

      if (!gtk_widget_has_focus (GTK_WIDGET (self->reminder_entry))
          || g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (self->reminder_entry))) != 0)
        gtk_editable_set_text (GTK_EDITABLE (self->reminder_entry), text ? text : "");
      gtk_stack_set_visible_child_name (self->details_stack, "reminder");
    }
  else
    {
      GString *bytes = g_string_new (NULL);

      g_string_append_printf (bytes, "%s · ", _("Bytes"));
      for (guint i = 0; i < OCTA_ARRANGEMENT_ROW_SIZE_BYTES; i++)
        g_string_append_printf (bytes, "%s%02X", i ? " " : "",
                                octa_arrangement_row_get_byte (self->row, i));
      gtk_label_set_text (self->jump_bytes, bytes->str);
      g_string_free (bytes, TRUE);
      gtk_stack_set_visible_child_name (self->details_stack, "jump");
    }
  self->updating = FALSE;
}

/* }}} */
/* {{{ Arrangement */

static void
update_actions (OctaArrangementView *self)
{
  gint selected = octa_arrangement_view_get_selected_row (self);
  guint count = self->arrangement ? octa_arrangement_get_row_count (self->arrangement) : 0;
  gboolean movable = self->arrangement != NULL
                     && !octa_arrangement_has_jump_rows (self->arrangement);
  const char *why = movable ? NULL
                    : _("Rows can't move while the arrangement has loop or jump rows: "
                        "their targets couldn't follow yet");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "arrangement.add-pattern",
                                 self->arrangement != NULL && count < OCTA_ARRANGEMENT_N_ROWS);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "arrangement.add-reminder",
                                 self->arrangement != NULL && count < OCTA_ARRANGEMENT_N_ROWS);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "arrangement.move-up",
                                 movable && selected > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "arrangement.move-down",
                                 movable && selected >= 0 && (guint) selected + 1 < count);
  gtk_widget_set_tooltip_text (self->move_up_button, why ? why : _("Move Row Up (Alt+↑)"));
  gtk_widget_set_tooltip_text (self->move_down_button, why ? why : _("Move Row Down (Alt+↓)"));
}

static char *
sidebar_subtitle (OctaArrangement *arrangement)
{
  g_autofree char *name = octa_arrangement_dup_name (arrangement);
  guint count = octa_arrangement_get_row_count (arrangement);
  g_autofree char *rows = count == 0 ? g_strdup (_("empty"))
                          : g_strdup_printf (g_dngettext (NULL, "%u row", "%u rows", count),
                                             count);
  GString *text = g_string_new (NULL);

  if (name != NULL && name[0] != '\0')
    g_string_append_printf (text, "%s · ", name);
  g_string_append (text, rows);
  if (octa_arrangement_differs_from_saved (arrangement))
    g_string_append_printf (text, " · %s", _("working ≠ saved"));
  return g_string_free (text, FALSE);
}

static void
update_header (OctaArrangementView *self)
{
  for (guint i = 0; self->project != NULL && i < N_ARRANGEMENTS; i++)
    {
      g_autoptr(OctaArrangement) arrangement = octa_project_get_arrangement (self->project, i);
      g_autofree char *subtitle = sidebar_subtitle (arrangement);

      gtk_label_set_text (GTK_LABEL (self->sidebar_subtitles[i]), subtitle);
    }

  if (self->arrangement == NULL)
    {
      gtk_label_set_text (self->title_label, "");
      gtk_label_set_text (self->count_label, "");
      gtk_widget_set_visible (self->state_label, FALSE);
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      update_actions (self);
      return;
    }

  {
    g_autofree char *name = octa_arrangement_dup_name (self->arrangement);
    g_autofree char *title = name != NULL && name[0] != '\0'
                             ? g_strdup_printf (_("Arrangement %u “%s”"), self->index + 1, name)
                             : g_strdup_printf (_("Arrangement %u"), self->index + 1);
    guint count = octa_arrangement_get_row_count (self->arrangement);
    g_autofree char *rows = count == 0 ? g_strdup (_("empty"))
                            : g_strdup_printf (g_dngettext (NULL, "%u row", "%u rows", count),
                                               count);
    g_autofree char *empty_title = g_strdup_printf (_("Arrangement %u is empty"),
                                                    self->index + 1);

    gtk_label_set_text (self->title_label, title);
    gtk_label_set_text (self->count_label, rows);
    gtk_widget_set_visible (self->state_label,
                            octa_arrangement_differs_from_saved (self->arrangement));
    adw_status_page_set_title (self->empty_page, empty_title);
    gtk_stack_set_visible_child_name (self->content_stack, count == 0 ? "empty" : "table");
  }
  update_actions (self);
}

static void
on_selection_changed (GtkSelectionModel   *model,
                      guint                position,
                      guint                n_items,
                      OctaArrangementView *self)
{
  OctaArrangementRow *row = gtk_single_selection_get_selected_item (self->selection);

  g_set_object (&self->row, row);
  gtk_label_set_text (self->reminder_error, "");
  update_details (self);
  update_actions (self);
}

static void
show_arrangement (OctaArrangementView *self)
{
  g_autoptr(GListModel) rows = NULL;

  g_clear_object (&self->row);
  g_clear_object (&self->arrangement);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_func (self->selection, on_selection_changed, self);
  g_clear_object (&self->selection);

  if (self->project != NULL)
    {
      self->arrangement = octa_project_get_arrangement (self->project, self->index);
      rows = octa_arrangement_list_rows (self->arrangement);
      self->selection = gtk_single_selection_new (g_object_ref (rows));
      gtk_single_selection_set_autoselect (self->selection, FALSE);
      gtk_single_selection_set_can_unselect (self->selection, TRUE);
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      g_signal_connect (self->selection, "selection-changed", G_CALLBACK (on_selection_changed),
                        self);
    }
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  update_header (self);
  update_details (self);
}

static void
on_arrangement_selected (GtkListBox          *list,
                         GtkListBoxRow       *row,
                         OctaArrangementView *self)
{
  if (row == NULL)
    return;
  if ((guint) gtk_list_box_row_get_index (row) == self->index && self->arrangement != NULL)
    return;
  self->index = gtk_list_box_row_get_index (row);
  show_arrangement (self);
}

static void
on_project_changed (OctaProject         *project,
                    OctaArrangementView *self)
{
  update_header (self);
  if (self->row != NULL
      && octa_arrangement_row_get_index (self->row) >= octa_arrangement_get_row_count (
           self->arrangement))
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  else
    update_details (self);
}

/* }}} */
/* {{{ Actions */

static void
action_add (GtkWidget  *widget,
            const char *name,
            GVariant   *param)
{
  OctaArrangementView *self = OCTA_ARRANGEMENT_VIEW (widget);
  g_autoptr(OctaArrangementRow) row = NULL;

  if (self->arrangement == NULL)
    return;
  row = octa_arrangement_append_row (self->arrangement,
                                     g_str_equal (name, "arrangement.add-pattern")
                                     ? OCTA_ARRANGEMENT_ROW_PATTERN
                                     : OCTA_ARRANGEMENT_ROW_REMINDER);
  if (row != NULL)
    octa_arrangement_view_select_row (self, octa_arrangement_row_get_index (row));
}

static void
action_move (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  OctaArrangementView *self = OCTA_ARRANGEMENT_VIEW (widget);
  gint selected = octa_arrangement_view_get_selected_row (self);
  gint to;

  if (self->arrangement == NULL || selected < 0)
    return;
  to = selected + (g_str_equal (name, "arrangement.move-up") ? -1 : 1);
  if (to < 0)
    return;
  if (octa_arrangement_move_row (self->arrangement, selected, to))
    octa_arrangement_view_select_row (self, to);
}

/* }}} */

static void
octa_arrangement_view_dispose (GObject *object)
{
  OctaArrangementView *self = OCTA_ARRANGEMENT_VIEW (object);

  octa_arrangement_view_set_project (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), OCTA_TYPE_ARRANGEMENT_VIEW);

  G_OBJECT_CLASS (octa_arrangement_view_parent_class)->dispose (object);
}

static void
octa_arrangement_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  OctaArrangementView *self = OCTA_ARRANGEMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
octa_arrangement_view_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  OctaArrangementView *self = OCTA_ARRANGEMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      octa_arrangement_view_set_project (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
octa_arrangement_view_class_init (OctaArrangementViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = octa_arrangement_view_dispose;
  object_class->get_property = octa_arrangement_view_get_property;
  object_class->set_property = octa_arrangement_view_set_property;

  /**
   * OctaArrangementView:project:
   *
   * The project whose arrangements are shown.
   */
  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, OCTA_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/octadesk/Octadesk/"
                                               "octa-arrangement-view.ui");
  gtk_widget_class_bind_template_child (widget_class, OctaArrangementView, box);
  gtk_widget_class_bind_template_child (widget_class, OctaArrangementView, arrangement_list);
  gtk_widget_class_bind_template_child (widget_class, OctaArrangementView, title_label);
  gtk_widget_class_bind_template_child (widget_class, OctaArrangementView, count_label);
  gtk_widget_class_bind_template_child (widget_class, OctaArrangementView, state_label);
  gtk_widget_class_bind_template_child (widget_class, OctaArrangementView, move_up_button);
  gtk_widget_class_bind_template_child (widget_class, OctaArrangementView, move_down_button);
  gtk_widget_class_bind_template_child (widget_class, OctaArrangementView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, OctaArrangementView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, OctaArrangementView, column_view);
  gtk_widget_class_bind_template_child (widget_class, OctaArrangementView, details_stack);
  gtk_widget_class_bind_template_child (widget_class, OctaArrangementView, pattern_grid);
  gtk_widget_class_bind_template_child (widget_class, OctaArrangementView, reminder_entry);
  gtk_widget_class_bind_template_child (widget_class, OctaArrangementView, reminder_error);
  gtk_widget_class_bind_template_child (widget_class, OctaArrangementView, jump_bytes);
  gtk_widget_class_bind_template_callback (widget_class, on_arrangement_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_reminder_activate);

  gtk_widget_class_install_action (widget_class, "arrangement.add-pattern", NULL, action_add);
  gtk_widget_class_install_action (widget_class, "arrangement.add-reminder", NULL, action_add);
  gtk_widget_class_install_action (widget_class, "arrangement.move-up", NULL, action_move);
  gtk_widget_class_install_action (widget_class, "arrangement.move-down", NULL, action_move);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK,
                                       "arrangement.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK,
                                       "arrangement.move-down", NULL);

  gtk_widget_class_set_css_name (widget_class, "octaarrangementview");
}

static void
octa_arrangement_view_init (OctaArrangementView *self)
{
  static const struct
  {
    guint       column;
    const char *title;
    gboolean    expand;
  } columns[] = {
    { COL_NUMBER, N_("#"), FALSE },
    { COL_TYPE, N_("Type"), FALSE },
    { COL_PATTERN, N_("Pattern"), TRUE },
    { COL_REPEATS, N_("Rep"), FALSE },
    { COL_OFFSET, N_("Offset"), FALSE },
    { COL_LENGTH, N_("Len"), FALSE },
    { COL_SCENE_A, N_("Scn A"), FALSE },
    { COL_SCENE_B, N_("Scn B"), FALSE },
    { COL_MUTES, N_("Mutes T · M"), FALSE },
    { COL_TEMPO, N_("BPM"), FALSE },
    { COL_TRANSPOSE, N_("Trsp"), FALSE },
  };

  octa_css_ensure ("/io/github/octadesk/Octadesk/octa-arrangement-view.css");
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    add_column (self, columns[i].column, _(columns[i].title), columns[i].expand);
  build_details (self);

  for (guint i = 0; i < N_ARRANGEMENTS; i++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      g_autofree char *title = g_strdup_printf (_("Arrangement %u"), i + 1);

      self->sidebar_titles[i] = gtk_label_new (title);
      gtk_label_set_xalign (GTK_LABEL (self->sidebar_titles[i]), 0);
      self->sidebar_subtitles[i] = gtk_label_new (_("empty"));
      gtk_label_set_xalign (GTK_LABEL (self->sidebar_subtitles[i]), 0);
      gtk_label_set_ellipsize (GTK_LABEL (self->sidebar_subtitles[i]), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (self->sidebar_subtitles[i], "caption");
      gtk_widget_add_css_class (self->sidebar_subtitles[i], "dim-label");
      gtk_box_append (GTK_BOX (box), self->sidebar_titles[i]);
      gtk_box_append (GTK_BOX (box), self->sidebar_subtitles[i]);
      gtk_widget_set_margin_top (box, 4);
      gtk_widget_set_margin_bottom (box, 4);
      gtk_list_box_append (self->arrangement_list, box);
    }

  show_arrangement (self);
}

/**
 * octa_arrangement_view_new:
 *
 * Returns: (transfer floating): a new arrangement view without a project
 */
GtkWidget *
octa_arrangement_view_new (void)
{
  return g_object_new (OCTA_TYPE_ARRANGEMENT_VIEW, NULL);
}

/**
 * octa_arrangement_view_set_project:
 * @self: a view
 * @project: (nullable): the project to show
 */
void
octa_arrangement_view_set_project (OctaArrangementView *self,
                                   OctaProject         *project)
{
  g_return_if_fail (OCTA_IS_ARRANGEMENT_VIEW (self));
  g_return_if_fail (project == NULL || OCTA_IS_PROJECT (project));

  if (self->project == project)
    return;
  if (self->project != NULL)
    g_clear_signal_handler (&self->changed_handler, self->project);
  g_set_object (&self->project, project);
  if (project != NULL)
    self->changed_handler = g_signal_connect (project, "changed",
                                              G_CALLBACK (on_project_changed), self);
  if (self->arrangement_list != NULL)
    {
      show_arrangement (self);
      gtk_list_box_select_row (self->arrangement_list,
                               gtk_list_box_get_row_at_index (self->arrangement_list,
                                                              self->index));
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

/**
 * octa_arrangement_view_get_project:
 * @self: a view
 *
 * Returns: (transfer none) (nullable): the project shown
 */
OctaProject *
octa_arrangement_view_get_project (OctaArrangementView *self)
{
  g_return_val_if_fail (OCTA_IS_ARRANGEMENT_VIEW (self), NULL);
  return self->project;
}

/**
 * octa_arrangement_view_set_arrangement:
 * @self: a view
 * @index: 0…7 for arrangements 1…8
 */
void
octa_arrangement_view_set_arrangement (OctaArrangementView *self,
                                       guint                index)
{
  g_return_if_fail (OCTA_IS_ARRANGEMENT_VIEW (self));
  g_return_if_fail (index < N_ARRANGEMENTS);

  gtk_list_box_select_row (self->arrangement_list,
                           gtk_list_box_get_row_at_index (self->arrangement_list, index));
}

guint
octa_arrangement_view_get_arrangement (OctaArrangementView *self)
{
  g_return_val_if_fail (OCTA_IS_ARRANGEMENT_VIEW (self), 0);
  return self->index;
}

/**
 * octa_arrangement_view_select_row:
 * @self: a view
 * @row: a row in use; its details show under the table
 */
void
octa_arrangement_view_select_row (OctaArrangementView *self,
                                  guint                row)
{
  g_return_if_fail (OCTA_IS_ARRANGEMENT_VIEW (self));

  if (self->selection == NULL)
    return;
  gtk_single_selection_set_selected (self->selection, row);
  /* the selection may have stayed put while the row under it changed */
  on_selection_changed (GTK_SELECTION_MODEL (self->selection), row, 1, self);
}

/**
 * octa_arrangement_view_get_selected_row:
 * @self: a view
 *
 * Returns: the selected row, or -1
 */
gint
octa_arrangement_view_get_selected_row (OctaArrangementView *self)
{
  guint selected;

  g_return_val_if_fail (OCTA_IS_ARRANGEMENT_VIEW (self), -1);

  if (self->selection == NULL)
    return -1;
  selected = gtk_single_selection_get_selected (self->selection);
  return selected == GTK_INVALID_LIST_POSITION ? -1 : (gint) selected;
}
