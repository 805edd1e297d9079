/* SPDX-License-Identifier: MIT */
#ifndef G_LOG_DOMAIN
#define G_LOG_DOMAIN "octa-ui"
#endif

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "octa-plock-names.h"
#include "octa-step-grid-private.h"
#include "octa-step-inspector.h"

/* {{{ OctaConditionPicker */

/**
 * OctaConditionPicker:
 *
 * A popover offering every trig condition by position rather than as a
 * 65-item list: the four device conditions beside their negations, the
 * probabilities, and the A:B loop conditions as a triangle (rows B = 2…8,
 * columns A = 1…B), so "3:4" is picked and read at a glance.
 */
struct _OctaConditionPicker
{
  GtkPopover         parent_instance;

  GtkWidget         *buttons[OCTA_TRIG_CONDITION_8_8 + 1];
  OctaTrigCondition  condition;
  gboolean           updating;
};

G_DEFINE_FINAL_TYPE (OctaConditionPicker, octa_condition_picker, GTK_TYPE_POPOVER)

enum {
  CONDITION_CHOSEN,
  N_PICKER_SIGNALS
};

static guint picker_signals[N_PICKER_SIGNALS];

static char *
condition_accessible_name (OctaTrigCondition condition)
{
  const char *text = octa_trig_condition_to_string (condition);

  if (condition == OCTA_TRIG_CONDITION_NONE)
    return g_strdup (_("No condition"));
  if (text[0] == '!')
    return g_strdup_printf (_("not %s"), text + 1);
  return g_strdup (text);
}

static void
on_picker_toggled (GtkToggleButton     *button,
                   OctaConditionPicker *self)
{
  guint condition = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "octa-condition"));

  if (self->updating || !gtk_toggle_button_get_active (button))
    return;
  self->condition = condition;
  g_signal_emit (self, picker_signals[CONDITION_CHOSEN], 0, condition);
  gtk_popover_popdown (GTK_POPOVER (self));
}

static GtkWidget *
picker_button (OctaConditionPicker *self,
               OctaTrigCondition    condition)
{
  const char *text = octa_trig_condition_to_string (condition);
  g_autofree char *accessible = condition_accessible_name (condition);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *button = gtk_toggle_button_new ();

  if (condition == OCTA_TRIG_CONDITION_NONE)
    gtk_label_set_text (GTK_LABEL (label), _("None"));
  else if (text[0] == '!')
    {
      /* the device draws a negation as an overline */
      g_autofree char *markup = g_markup_printf_escaped ("<span overline=\"single\">%s</span>",
                                                        text + 1);

      gtk_label_set_markup (GTK_LABEL (label), markup);
    }
  else
    gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_add_css_class (label, "numeric");

  gtk_button_set_child (GTK_BUTTON (button), label);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "octa-condition-button");
  gtk_widget_set_tooltip_text (button, accessible);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  g_object_set_data (G_OBJECT (button), "octa-condition", GUINT_TO_POINTER (condition));
  if (condition != OCTA_TRIG_CONDITION_NONE)
    gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button),
                                 GTK_TOGGLE_BUTTON (self->buttons[OCTA_TRIG_CONDITION_NONE]));
  g_signal_connect (button, "toggled", G_CALLBACK (on_picker_toggled), self);
  self->buttons[condition] = button;
  return button;
}

static GtkWidget *
picker_heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 6);
  return label;
}

static GtkWidget *
picker_grid (void)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 2);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 2);
  return grid;
}

static void
octa_condition_picker_class_init (OctaConditionPickerClass *klass)
{
  /**
   * OctaConditionPicker::condition-chosen:
   * @self: the picker
   * @condition: the #OctaTrigCondition picked
   */
  picker_signals[CONDITION_CHOSEN] =
    g_signal_new ("condition-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "popover");
}

static void
octa_condition_picker_init (OctaConditionPicker *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *grid;
  static const OctaTrigCondition pairs[4][2] = {
    { OCTA_TRIG_CONDITION_FILL, OCTA_TRIG_CONDITION_NOT_FILL },
    { OCTA_TRIG_CONDITION_PRE, OCTA_TRIG_CONDITION_NOT_PRE },
    { OCTA_TRIG_CONDITION_NEI, OCTA_TRIG_CONDITION_NOT_NEI },
    { OCTA_TRIG_CONDITION_FIRST, OCTA_TRIG_CONDITION_NOT_FIRST },
  };

  _octa_grid_ensure_css ();

  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  gtk_box_append (GTK_BOX (box), picker_button (self, OCTA_TRIG_CONDITION_NONE));

  gtk_box_append (GTK_BOX (box), picker_heading (_("Fill · previous · neighbor · first")));
  grid = picker_grid ();
  for (guint i = 0; i < 4; i++)
    for (guint j = 0; j < 2; j++)
      gtk_grid_attach (GTK_GRID (grid), picker_button (self, pairs[i][j]), i, j, 1, 1);
  gtk_box_append (GTK_BOX (box), grid);

  gtk_box_append (GTK_BOX (box), picker_heading (_("Probability")));
  grid = picker_grid ();
  for (guint c = OCTA_TRIG_CONDITION_PERCENT_1; c <= OCTA_TRIG_CONDITION_PERCENT_99; c++)
    {
      guint i = c - OCTA_TRIG_CONDITION_PERCENT_1;

      gtk_grid_attach (GTK_GRID (grid), picker_button (self, c), i % 7, i / 7, 1, 1);
    }
  gtk_box_append (GTK_BOX (box), grid);

  gtk_box_append (GTK_BOX (box), picker_heading (_("A:B — plays on loop A of every B")));
  grid = picker_grid ();
  for (guint b = 2; b <= 8; b++)
    for (guint a = 1; a <= b; a++)
      {
        /* spec §2.9: value = 30 + (B·(B−1)/2 − 1) + (A − 1) */
        guint c = 30 + (b * (b - 1) / 2 - 1) + (a - 1);

        gtk_grid_attach (GTK_GRID (grid), picker_button (self, c), a - 1, b - 2, 1, 1);
      }
  gtk_box_append (GTK_BOX (box), grid);

  gtk_popover_set_child (GTK_POPOVER (self), box);
  octa_condition_picker_set_condition (self, OCTA_TRIG_CONDITION_NONE);
}

/**
 * octa_condition_picker_new:
 *
 * Returns: (transfer floating): a new condition picker
 */
GtkWidget *
octa_condition_picker_new (void)
{
  return g_object_new (OCTA_TYPE_CONDITION_PICKER, NULL);
}

/**
 * octa_condition_picker_set_condition:
 * @self: a picker
 * @condition: the condition to show as chosen
 */
void
octa_condition_picker_set_condition (OctaConditionPicker *self,
                                     OctaTrigCondition    condition)
{
  g_return_if_fail (OCTA_IS_CONDITION_PICKER (self));

  if ((guint) condition > OCTA_TRIG_CONDITION_8_8)
    condition = OCTA_TRIG_CONDITION_NONE;
  self->updating = TRUE;
  self->condition = condition;
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->buttons[condition]), TRUE);
  self->updating = FALSE;
}

OctaTrigCondition
octa_condition_picker_get_condition (OctaConditionPicker *self)
{
  g_return_val_if_fail (OCTA_IS_CONDITION_PICKER (self), OCTA_TRIG_CONDITION_NONE);
  return self->condition;
}

/* }}} */
/* {{{ OctaStepInspector */

/**
 * OctaStepInspector:
 *
 * Shows and edits one step: its trig kind, one-shot, swing, slide and
 * recorder trigs, condition, micro-timing, repeats, sample lock and every
 * parameter lock the track's machine and effects offer, named as the
 * device names them.
 */

typedef struct
{
  OctaStepInspector *self;
  guint              param;
  OctaPlockFormat    format;
  const char        *base_property;
  GtkWidget         *row;
  GtkWidget         *spin;
  GtkWidget         *toggle;
  GtkWidget         *base_label;
} LockRow;

struct _OctaStepInspector
{
  GtkWidget          parent_instance;

  /* template children */
  GtkWidget         *box;
  GtkLabel          *title_label;
  GtkLabel          *subtitle_label;
  GtkWidget         *content;
  GtkToggleButton   *kind_sample;
  GtkToggleButton   *kind_trigless;
  GtkToggleButton   *kind_lock;
  GtkToggleButton   *kind_none;
  GtkWidget         *kind_mixed;
  GtkWidget         *oneshot_row;
  GtkCheckButton    *oneshot_check;
  GtkWidget         *swing_row;
  GtkSwitch         *swing_switch;
  GtkWidget         *slide_row;
  GtkSwitch         *slide_switch;
  GtkWidget         *recorder_row;
  GtkSwitch         *recorder_switch;
  GtkMenuButton     *condition_button;
  GtkSpinButton     *repeats_spin;
  GtkWidget         *sample_row;
  GtkSpinButton     *sample_spin;
  GtkWidget         *sample_clear;
  GtkLabel          *micro_label;
  GtkScale          *micro_scale;
  GtkWidget         *note_group;
  AdwActionRow      *chord_row;
  GtkWidget         *locks_box;
  GtkLabel          *locks_title;

  /* 65 buttons most sessions never open: made on the first popup */
  GtkWidget         *picker;
  GtkWidget         *condition_label;
  OctaTrigCondition  condition;

  OctaStep          *step;
  /* every step an edit applies to, the focused one first */
  GPtrArray         *steps;
  /* the steps each Reach selects, worked out once per update */
  GPtrArray         *reach_cache[3];
  OctaProject       *project;
  OctaPartTrack     *part_track;
  gboolean           midi;
  OctaTrackSound     sound;
  gboolean           rows_built;
  gboolean           rows_midi;
  OctaTrackSound     rows_sound;
  GPtrArray         *lock_rows;
  GPtrArray         *lock_groups;
  gboolean           updating;
  guint              open_changes;
  gboolean           drawn;
  guint              rows_idle;
};

G_DEFINE_FINAL_TYPE (OctaStepInspector, octa_step_inspector, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STEP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_all (OctaStepInspector *self);

static void
begin_change (OctaStepInspector *self,
              const char        *label)
{
  if (self->project != NULL)
    octa_project_begin_change (self->project, label);
}

static void
end_change (OctaStepInspector *self)
{
  if (self->project != NULL)
    octa_project_end_change (self->project);
}

/* Which selected steps an edit reaches: every one, the audio ones only
 * (one-shot, slide, recorder trigs, sample lock), or those whose locks mean
 * what the focused step's lock rows say (same kind of track, and for audio
 * the same machine and effects). */
typedef enum
{
  REACH_ALL,
  REACH_AUDIO,
  REACH_SAME_SOUND,
} Reach;

static gboolean
step_reached (OctaStepInspector *self,
              OctaStep          *step,
              Reach              reach)
{
  OctaPatternTrack *track = octa_step_get_track (step);
  gboolean midi = octa_pattern_track_is_midi (track);
  OctaTrackSound sound;

  if (step == self->step || reach == REACH_ALL)
    return TRUE;
  if (reach == REACH_AUDIO)
    return !midi;
  if (midi != self->midi)
    return FALSE;
  if (midi)
    return TRUE;
  octa_track_sound_lookup (octa_pattern_track_get_pattern (track),
                           octa_pattern_track_get_index (track), &sound);
  return sound.machine == self->sound.machine && sound.fx1 == self->sound.fx1
         && sound.fx2 == self->sound.fx2;
}

static void
forget_reach (OctaStepInspector *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->reach_cache); i++)
    g_clear_pointer (&self->reach_cache[i], g_ptr_array_unref);
}

/* Returns: (transfer container): the steps @reach selects */
static GPtrArray *
reached_steps (OctaStepInspector *self,
               Reach              reach)
{
  GPtrArray *steps;

  if (self->reach_cache[reach] != NULL)
    return g_ptr_array_ref (self->reach_cache[reach]);
  steps = g_ptr_array_new ();
  for (guint i = 0; self->steps != NULL && i < self->steps->len; i++)
    if (step_reached (self, g_ptr_array_index (self->steps, i), reach))
      g_ptr_array_add (steps, g_ptr_array_index (self->steps, i));
  self->reach_cache[reach] = g_ptr_array_ref (steps);
  return steps;
}

static void
set_trig_all (OctaStepInspector *self,
              Reach              reach,
              OctaTrigType       type,
              gboolean           on)
{
  g_autoptr(GPtrArray) steps = reached_steps (self, reach);

  for (guint i = 0; i < steps->len; i++)
    octa_step_set_trig (g_ptr_array_index (steps, i), type, on);
}

/* A drag on a slider or a held spin arrow is one edit: keep one change open
 * from press to release, so undo takes it back in one step. */
static gboolean
on_bracket_event (GtkEventControllerLegacy *controller,
                  GdkEvent                 *event,
                  OctaStepInspector        *self)
{
  GdkEventType type = gdk_event_get_event_type (event);

  if (self->project == NULL)
    return FALSE;
  if (type == GDK_BUTTON_PRESS && self->open_changes == 0)
    {
      octa_project_begin_change (self->project, _("Edit step"));
      self->open_changes++;
    }
  else if ((type == GDK_BUTTON_RELEASE || type == GDK_GRAB_BROKEN) && self->open_changes > 0)
    {
      self->open_changes--;
      octa_project_end_change (self->project);
      update_all (self);
    }
  return FALSE;
}

static void
close_open_changes (OctaStepInspector *self)
{
  while (self->open_changes > 0 && self->project != NULL)
    {
      self->open_changes--;
      octa_project_end_change (self->project);
    }
  self->open_changes = 0;
}

static void
bracket_edits (OctaStepInspector *self,
               GtkWidget         *widget)
{
  GtkEventController *legacy = gtk_event_controller_legacy_new ();

  gtk_event_controller_set_propagation_phase (legacy, GTK_PHASE_CAPTURE);
  g_signal_connect (legacy, "event", G_CALLBACK (on_bracket_event), self);
  gtk_widget_add_controller (widget, legacy);
}

static gint
parse_number (const char *text)
{
  const char *p = text;
  gboolean negative = FALSE;

  while (*p && !g_ascii_isdigit (*p))
    {
      if (*p == '-' || g_str_has_prefix (p, "\u2212"))
        negative = TRUE;
      p++;
    }
  if (!*p)
    return G_MININT;
  return negative ? -atoi (p) : atoi (p);
}

static gboolean
on_number_input (GtkSpinButton *spin,
                 double        *value,
                 gpointer       user_data)
{
  gint n = parse_number (gtk_editable_get_text (GTK_EDITABLE (spin)));

  if (n == G_MININT)
    return GTK_INPUT_ERROR;
  *value = n;
  return TRUE;
}

static gboolean
on_repeats_output (GtkSpinButton     *spin,
                   OctaStepInspector *self)
{
  g_autofree char *text = g_strdup_printf ("×%d", (gint) gtk_spin_button_get_value (spin));

  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static gboolean
on_sample_output (GtkSpinButton     *spin,
                  OctaStepInspector *self)
{
  guint slot = (guint) gtk_spin_button_get_value (spin);
  g_autofree char *text = slot == 0 ? g_strdup (_("None"))
                                    : octa_sample_slot_label (self->sound.machine, slot);

  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static void
on_kind_toggled (GtkToggleButton   *button,
                 OctaStepInspector *self)
{
  gboolean trigger, trigless, lock;

  if (self->updating || self->step == NULL || !gtk_toggle_button_get_active (button))
    return;

  trigger = button == self->kind_sample;
  trigless = button == self->kind_trigless;
  lock = button == self->kind_lock;

  begin_change (self, _("Set trig kind"));
  set_trig_all (self, REACH_ALL, OCTA_TRIG_TYPE_TRIGGER, trigger);
  set_trig_all (self, REACH_ALL, OCTA_TRIG_TYPE_TRIGLESS, trigless);
  set_trig_all (self, REACH_ALL, OCTA_TRIG_TYPE_LOCK, lock);
  if (button == self->kind_none)
    {
      g_autoptr(GPtrArray) steps = reached_steps (self, REACH_ALL);

      set_trig_all (self, REACH_AUDIO, OCTA_TRIG_TYPE_ONESHOT, FALSE);
      /* a step without a trig keeps nothing, as on the device */
      for (guint i = 0; i < steps->len; i++)
        {
          OctaStep *step = g_ptr_array_index (steps, i);

          octa_step_clear_plocks (step);
          octa_step_set_condition (step, OCTA_TRIG_CONDITION_NONE);
          octa_step_set_micro_timing (step, 0);
          octa_step_set_repeats (step, 1);
        }
    }
  end_change (self);
  update_all (self);
}

static void
on_flag_toggled (GtkCheckButton    *check,
                 OctaStepInspector *self)
{
  gboolean on = gtk_check_button_get_active (check);

  if (self->updating || self->step == NULL || self->midi)
    return;
  gtk_check_button_set_inconsistent (check, FALSE);
  begin_change (self, on ? _("Set one-shot") : _("Clear one-shot"));
  set_trig_all (self, REACH_AUDIO, OCTA_TRIG_TYPE_ONESHOT, on);
  end_change (self);
}

static void
on_switch_toggled (GtkSwitch         *sw,
                   GParamSpec        *pspec,
                   OctaStepInspector *self)
{
  gboolean on = gtk_switch_get_active (sw);

  if (self->updating || self->step == NULL)
    return;
  if (sw == self->swing_switch)
    {
      begin_change (self, on ? _("Add swing trig") : _("Remove swing trig"));
      set_trig_all (self, REACH_ALL, OCTA_TRIG_TYPE_SWING, on);
      end_change (self);
    }
  else if (sw == self->slide_switch && !self->midi)
    {
      begin_change (self, on ? _("Add slide trig") : _("Remove slide trig"));
      set_trig_all (self, REACH_AUDIO, OCTA_TRIG_TYPE_SLIDE, on);
      end_change (self);
    }
  else if (sw == self->recorder_switch && !self->midi)
    {
      /* The device sets the first three recorder masks together; which
       * recorder trig each is remains unknown, so they switch as one. */
      begin_change (self, on ? _("Add recorder trig") : _("Remove recorder trig"));
      for (guint k = OCTA_TRIG_TYPE_RECORDER_1; k <= OCTA_TRIG_TYPE_RECORDER_4; k++)
        set_trig_all (self, REACH_AUDIO, k, on && k != OCTA_TRIG_TYPE_RECORDER_4);
      end_change (self);
    }
}

static void
on_condition_chosen (OctaConditionPicker *picker,
                     guint                condition,
                     OctaStepInspector   *self)
{
  g_autoptr(GPtrArray) steps = NULL;

  if (self->updating || self->step == NULL)
    return;
  steps = reached_steps (self, REACH_ALL);
  begin_change (self, _("Set condition"));
  for (guint i = 0; i < steps->len; i++)
    octa_step_set_condition (g_ptr_array_index (steps, i), condition);
  end_change (self);
}

static void
on_micro_changed (GtkRange          *range,
                  OctaStepInspector *self)
{
  gint micro = (gint) round (gtk_range_get_value (range));
  g_autoptr(GPtrArray) steps = NULL;

  if (self->updating || self->step == NULL)
    return;
  steps = reached_steps (self, REACH_ALL);
  begin_change (self, _("Set micro-timing"));
  for (guint i = 0; i < steps->len; i++)
    octa_step_set_micro_timing (g_ptr_array_index (steps, i), micro);
  end_change (self);
  /* while a drag holds the change open, the step tells nothing yet */
  if (self->open_changes > 0)
    {
      g_autofree char *label = octa_step_dup_micro_timing_label (self->step);

      gtk_label_set_text (self->micro_label, label);
    }
}

static void
on_repeats_changed (GtkSpinButton     *spin,
                    OctaStepInspector *self)
{
  g_autoptr(GPtrArray) steps = NULL;

  if (self->updating || self->step == NULL)
    return;
  steps = reached_steps (self, REACH_ALL);
  begin_change (self, _("Set repeats"));
  for (guint i = 0; i < steps->len; i++)
    octa_step_set_repeats (g_ptr_array_index (steps, i), gtk_spin_button_get_value_as_int (spin));
  end_change (self);
}

static void
set_sample_lock_all (OctaStepInspector *self,
                     guint              slot)
{
  g_autoptr(GPtrArray) steps = reached_steps (self, REACH_SAME_SOUND);

  begin_change (self, slot ? _("Set sample lock") : _("Remove sample lock"));
  for (guint i = 0; i < steps->len; i++)
    octa_audio_step_set_sample_lock (OCTA_AUDIO_STEP (g_ptr_array_index (steps, i)), slot);
  end_change (self);
}

static void
on_sample_changed (GtkSpinButton     *spin,
                   OctaStepInspector *self)
{
  if (self->updating || self->step == NULL || self->midi)
    return;
  set_sample_lock_all (self, gtk_spin_button_get_value_as_int (spin));
}

static void
on_sample_clear (GtkButton         *button,
                 OctaStepInspector *self)
{
  if (self->step == NULL || self->midi)
    return;
  set_sample_lock_all (self, 0);
}

/* {{{ Lock rows */

static gint
base_value (OctaStepInspector *self,
            const LockRow     *row)
{
  gint value = -1;

  if (self->part_track == NULL || row->base_property == NULL
      || g_object_class_find_property (G_OBJECT_GET_CLASS (self->part_track),
                                       row->base_property) == NULL)
    return -1;
  g_object_get (self->part_track, row->base_property, &value, NULL);
  return value;
}

static gboolean
on_lock_output (GtkSpinButton *spin,
                LockRow       *row)
{
  g_autofree char *text = octa_plock_format_value (row->format,
                                                   gtk_spin_button_get_value_as_int (spin));

  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static gboolean
on_lock_input (GtkSpinButton *spin,
               double        *value,
               LockRow       *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (spin))));
  gint n = parse_number (text);

  if (row->format == OCTA_PLOCK_FORMAT_NOTE)
    {
      for (guint note = 0; note < 128; note++)
        {
          g_autofree char *name = octa_midi_note_name (note);

          if (g_ascii_strcasecmp (name, text) == 0)
            {
              *value = note;
              return TRUE;
            }
        }
    }
  if (n == G_MININT)
    return GTK_INPUT_ERROR;
  *value = row->format == OCTA_PLOCK_FORMAT_BIPOLAR ? n + 64 : n;
  return TRUE;
}

static void
set_plock_all (OctaStepInspector *self,
               guint              param,
               gint               value)
{
  g_autoptr(GPtrArray) steps = reached_steps (self, REACH_SAME_SOUND);

  begin_change (self, value < 0 ? _("Remove p-lock") : _("Set p-lock"));
  for (guint i = 0; i < steps->len; i++)
    octa_step_set_plock (g_ptr_array_index (steps, i), param, value);
  end_change (self);
}

static void
on_lock_value_changed (GtkSpinButton *spin,
                       LockRow       *row)
{
  OctaStepInspector *self = row->self;

  if (self->updating || self->step == NULL
      || !gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (row->toggle)))
    return;
  set_plock_all (self, row->param, gtk_spin_button_get_value_as_int (spin));
}

static void
on_lock_toggled (GtkToggleButton *toggle,
                 LockRow         *row)
{
  OctaStepInspector *self = row->self;

  if (self->updating || self->step == NULL)
    return;
  /* a new lock starts from the value shown: the part's, as on the device */
  if (gtk_toggle_button_get_active (toggle))
    set_plock_all (self, row->param, gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (row->spin)));
  else
    set_plock_all (self, row->param, -1);
}

static gboolean
on_lock_key (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             LockRow               *row)
{
  OctaStepInspector *self = row->self;
  gint value;

  if (self->step == NULL)
    return FALSE;
  value = octa_step_get_plock (self->step, row->param);
  if (keyval == GDK_KEY_Delete && (state & GDK_MODIFIER_MASK) == 0)
    {
      set_plock_all (self, row->param, -1);
      return TRUE;
    }
  if ((state & GDK_ALT_MASK) && (keyval == GDK_KEY_Up || keyval == GDK_KEY_Down))
    {
      gint step = (state & GDK_SHIFT_MASK) ? 8 : 1;

      if (value < 0)
        value = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (row->spin));
      value += keyval == GDK_KEY_Up ? step : -step;
      set_plock_all (self, row->param, CLAMP (value, 0, 127));
      return TRUE;
    }
  return FALSE;
}

static void
clear_lock_rows (OctaStepInspector *self)
{
  for (guint i = 0; i < self->lock_groups->len; i++)
    gtk_box_remove (GTK_BOX (self->locks_box), g_ptr_array_index (self->lock_groups, i));
  g_ptr_array_set_size (self->lock_groups, 0);
  g_ptr_array_set_size (self->lock_rows, 0);
  self->rows_built = FALSE;
}

static void
add_lock_row (OctaStepInspector   *self,
              GtkWidget           *group,
              const OctaPlockName *name)
{
  LockRow *row = g_new0 (LockRow, 1);
  GtkEventController *key;
  g_autofree char *tooltip = g_strdup_printf ("%s — %s", name->abbrev, name->name);
  g_autofree char *spin_label = g_strdup_printf (_("%s %s value"), name->page, name->name);
  g_autofree char *toggle_label = g_strdup_printf (_("Lock %s %s"), name->page, name->name);
  GtkAdjustment *adjustment = gtk_adjustment_new (0, 0, 127, 1, 8, 0);

  row->self = self;
  row->param = name->param;
  row->format = name->format;
  row->base_property = octa_plock_base_property (self->midi, self->sound.machine, name->param);

  row->row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->row), name->abbrev);
  gtk_widget_set_tooltip_text (row->row, tooltip);
  gtk_widget_add_css_class (row->row, "octa-lock-row");

  row->spin = gtk_spin_button_new (adjustment, 1, 0);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (row->spin), FALSE);
  gtk_editable_set_width_chars (GTK_EDITABLE (row->spin), 4);
  gtk_widget_set_valign (row->spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  spin_label, -1);
  g_signal_connect (row->spin, "output", G_CALLBACK (on_lock_output), row);
  g_signal_connect (row->spin, "input", G_CALLBACK (on_lock_input), row);
  g_signal_connect (row->spin, "value-changed", G_CALLBACK (on_lock_value_changed), row);
  bracket_edits (self, row->spin);

  row->toggle = gtk_toggle_button_new ();
  gtk_button_set_icon_name (GTK_BUTTON (row->toggle), "changes-allow-symbolic");
  gtk_widget_set_valign (row->toggle, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (row->toggle, "flat");
  gtk_widget_set_tooltip_text (row->toggle, toggle_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  toggle_label, -1);
  g_signal_connect (row->toggle, "toggled", G_CALLBACK (on_lock_toggled), row);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row->row), row->spin);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row->row), row->toggle);

  key = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_lock_key), row);
  gtk_widget_add_controller (row->row, key);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row->row);
  g_ptr_array_add (self->lock_rows, row);
}

/* Rows follow the machine and effects: rebuilt only when those change, so
 * moving from step to step only updates values. */
static void
build_lock_rows (OctaStepInspector *self)
{
  GtkWidget *group = NULL;
  const char *page = NULL;

  if (self->rows_built && self->rows_midi == self->midi
      && (self->midi || (self->rows_sound.machine == self->sound.machine
                         && self->rows_sound.fx1 == self->sound.fx1
                         && self->rows_sound.fx2 == self->sound.fx2)))
    return;

  clear_lock_rows (self);
  for (guint i = 0; i < OCTA_PLOCK_N_NAMED + 1; i++)
    {
      guint param = i < OCTA_PLOCK_N_NAMED ? octa_plock_panel_param (self->midi, i) : 30;
      OctaPlockName name;
      gboolean named = self->midi ? octa_plock_name_lookup_midi (param, &name)
                                  : octa_plock_name_lookup_audio (self->sound.machine,
                                                                  self->sound.fx1,
                                                                  self->sound.fx2, param, &name);

      if (!named)
        continue;
      if (group == NULL || g_strcmp0 (page, name.page) != 0)
        {
          g_autofree char *title = NULL;

          page = name.page;
          if (param < 18 || self->midi)
            title = g_strdup (page[0] ? page : _("Other"));
          else
            title = g_strdup_printf ("%s · %s", page,
                                     octa_fx_type_to_string (param < 24 ? self->sound.fx1
                                                                        : self->sound.fx2));
          group = adw_preferences_group_new ();
          adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
          gtk_box_append (GTK_BOX (self->locks_box), group);
          g_ptr_array_add (self->lock_groups, group);
        }
      add_lock_row (self, group, &name);
    }
  self->rows_built = TRUE;
  self->rows_midi = self->midi;
  self->rows_sound = self->sound;
}

/* Whether the steps @reach selects agree on @get; the focused step's value
 * is returned in @value either way. */
typedef gint (*StepValueFunc) (OctaStep *step,
                               guint     param);

static gboolean
steps_agree (OctaStepInspector *self,
             Reach              reach,
             StepValueFunc      get,
             guint              param,
             gint              *value)
{
  g_autoptr(GPtrArray) steps = reached_steps (self, reach);
  gint first = get (self->step, param);

  *value = first;
  for (guint i = 0; i < steps->len; i++)
    if (get (g_ptr_array_index (steps, i), param) != first)
      return FALSE;
  return TRUE;
}

static gint
get_plock (OctaStep *step,
           guint     param)
{
  return octa_step_get_plock (step, param);
}

static gint
get_trig (OctaStep *step,
          guint     type)
{
  return octa_step_get_trig (step, type);
}

static gint
get_recorder (OctaStep *step,
              guint     unused)
{
  gboolean on = FALSE;

  for (guint k = OCTA_TRIG_TYPE_RECORDER_1; k <= OCTA_TRIG_TYPE_RECORDER_4; k++)
    on |= octa_step_get_trig (step, k);
  return on;
}

static gint
get_kind (OctaStep *step,
          guint     unused)
{
  if (octa_step_get_trig (step, OCTA_TRIG_TYPE_TRIGGER))
    return 0;
  if (octa_step_get_trig (step, OCTA_TRIG_TYPE_TRIGLESS))
    return 1;
  if (octa_step_get_trig (step, OCTA_TRIG_TYPE_LOCK))
    return 2;
  return 3;
}

static gint
get_condition (OctaStep *step,
               guint     unused)
{
  return octa_step_get_condition (step);
}

static gint
get_micro (OctaStep *step,
           guint     unused)
{
  return octa_step_get_micro_timing (step);
}

static gint
get_repeats (OctaStep *step,
             guint     unused)
{
  return octa_step_get_repeats (step);
}

static gint
get_sample_lock (OctaStep *step,
                 guint     unused)
{
  return octa_audio_step_get_sample_lock (OCTA_AUDIO_STEP (step));
}

static gboolean
any_locked (OctaStepInspector *self,
            guint              param)
{
  g_autoptr(GPtrArray) steps = reached_steps (self, REACH_SAME_SOUND);

  for (guint i = 0; i < steps->len; i++)
    if (octa_step_get_plock (g_ptr_array_index (steps, i), param) >= 0)
      return TRUE;
  return FALSE;
}

static guint
update_lock_rows (OctaStepInspector *self)
{
  guint n = 0;

  for (guint i = 0; i < self->lock_rows->len; i++)
    {
      LockRow *row = g_ptr_array_index (self->lock_rows, i);
      gint value;
      gboolean agree = steps_agree (self, REACH_SAME_SOUND, get_plock, row->param, &value);
      gint base = base_value (self, row);
      gboolean locked = agree ? value >= 0 : any_locked (self, row->param);
      g_autofree char *base_text = base >= 0 ? octa_plock_format_value (row->format, base) : NULL;
      g_autofree char *subtitle = !agree ? g_strdup (_("Mixed"))
                                 : base_text ? g_strdup_printf (_("part %s"), base_text) : NULL;

      if (!agree && value < 0)
        value = base >= 0 ? base : 0;

      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (row->toggle), locked);
      gtk_button_set_icon_name (GTK_BUTTON (row->toggle),
                                locked ? "changes-prevent-symbolic" : "changes-allow-symbolic");
      if (locked)
        gtk_widget_remove_css_class (row->toggle, "dim-label");
      else
        gtk_widget_add_css_class (row->toggle, "dim-label");
      gtk_adjustment_set_upper (gtk_spin_button_get_adjustment (GTK_SPIN_BUTTON (row->spin)),
                                MAX (127, value));
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (row->spin),
                                 locked ? value : (base >= 0 ? base : 0));
      if (agree)
        on_lock_output (GTK_SPIN_BUTTON (row->spin), row);
      else
        gtk_editable_set_text (GTK_EDITABLE (row->spin), _("Mixed"));
      gtk_widget_set_sensitive (row->spin, locked);
      if (locked)
        {
          gtk_widget_add_css_class (row->spin, "octa-lock-pill");
          gtk_widget_add_css_class (row->row, "octa-locked");
          n++;
        }
      else
        {
          gtk_widget_remove_css_class (row->spin, "octa-lock-pill");
          gtk_widget_remove_css_class (row->row, "octa-locked");
        }
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row->row), subtitle ? subtitle : "");
    }
  return n;
}

/* }}} */

static void
update_chord (OctaStepInspector *self)
{
  GString *notes = g_string_new (NULL);
  static const char *const params[] = { "note", "not2", "not3", "not4" };
  gint root = -1;

  for (guint i = 0; i < 4; i++)
    {
      gint value = octa_step_get_plock (self->step, i == 0 ? 0 : 2 + i);
      g_autofree char *name = NULL;

      if (value < 0 && self->part_track != NULL)
        g_object_get (self->part_track, params[i], &value, NULL);
      if (value < 0)
        continue;
      if (i == 0)
        {
          root = value;
          name = octa_midi_note_name (value);
        }
      else if (value == 64 || root < 0)
        continue;
      else
        name = octa_midi_note_name (CLAMP (root + value - 64, 0, 127));
      g_string_append_printf (notes, "%s%s", notes->len ? " " : "", name);
    }
  adw_action_row_set_subtitle (self->chord_row, notes->str);
  g_string_free (notes, TRUE);
}

static void
set_condition_label (OctaStepInspector *self,
                     OctaTrigCondition  condition)
{
  const char *text = octa_trig_condition_to_string (condition);
  g_autofree char *accessible = condition_accessible_name (condition);

  if (condition == OCTA_TRIG_CONDITION_NONE)
    gtk_label_set_text (GTK_LABEL (self->condition_label), _("None"));
  else if (text[0] == '!')
    {
      g_autofree char *markup = g_markup_printf_escaped ("<span overline=\"single\">%s</span>",
                                                        text + 1);

      gtk_label_set_markup (GTK_LABEL (self->condition_label), markup);
    }
  else
    gtk_label_set_text (GTK_LABEL (self->condition_label), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->condition_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, accessible, -1);
  self->condition = condition;
  if (self->picker != NULL)
    octa_condition_picker_set_condition (OCTA_CONDITION_PICKER (self->picker), condition);
}

static void
set_mixed_subtitle (GtkWidget *row,
                    gboolean   mixed)
{
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), mixed ? _("Mixed") : "");
}

/* "5 steps on T3, T4" over the span of steps they cover. */
static void
set_selection_title (OctaStepInspector *self)
{
  g_autoptr(GString) tracks = g_string_new (NULL);
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  guint first_index = G_MAXUINT, last_index = 0;

  for (guint i = 0; i < self->steps->len; i++)
    {
      OctaStep *step = g_ptr_array_index (self->steps, i);
      OctaPatternTrack *track = octa_step_get_track (step);
      guint index = octa_step_get_index (step);

      first_index = MIN (first_index, index);
      last_index = MAX (last_index, index);
      if (!g_ptr_array_find (seen, track, NULL))
        {
          g_autofree char *label = octa_pattern_track_dup_label (track);

          g_ptr_array_add (seen, track);
          g_string_append_printf (tracks, "%s%s", tracks->len ? ", " : "", label);
        }
    }
  title = g_strdup_printf (g_dngettext (NULL, "%u step on %s", "%u steps on %s",
                                        self->steps->len),
                           self->steps->len, tracks->str);
  if (first_index == last_index)
    subtitle = g_strdup_printf (_("step %u"), first_index + 1);
  else
    subtitle = g_strdup_printf (_("steps %u–%u"), first_index + 1, last_index + 1);
  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->subtitle_label, subtitle);
}

static void
update_all (OctaStepInspector *self)
{
  OctaPatternTrack *track;
  g_autofree char *label = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *micro = NULL;
  g_autofree char *locks_title = NULL;
  guint index, n_locks;
  gboolean trigger, trigless, lock, mixed;
  gint value, recorder;

  if (self->open_changes > 0)
    return;

  forget_reach (self);
  if (self->step == NULL)
    {
      gtk_label_set_text (self->title_label, _("No step"));
      gtk_label_set_text (self->subtitle_label, "");
      gtk_widget_set_sensitive (self->content, FALSE);
      return;
    }

  track = octa_step_get_track (self->step);
  index = octa_step_get_index (self->step);
  self->midi = octa_pattern_track_is_midi (track);
  if (self->midi)
    self->sound.known = FALSE;
  else
    octa_track_sound_from_part_track (self->part_track ? OCTA_AUDIO_PART_TRACK (self->part_track)
                                                       : NULL,
                                      &self->sound);

  /* Until the inspector has been drawn once, the lock rows wait: about 30
   * rows below the fold, they would cost the window's first frame more
   * than everything else in it. They come with the frame after. */
  if (self->drawn)
    build_lock_rows (self);
  else if (self->rows_built)
    clear_lock_rows (self);
  self->updating = TRUE;
  gtk_widget_set_sensitive (self->content, TRUE);

  if (self->steps->len > 1)
    set_selection_title (self);
  else
    {
      label = octa_pattern_track_dup_label (track);
      title = g_strdup_printf (_("%s · step %u"), label, index + 1);
      subtitle = g_strdup_printf (_("page %u · %u"), index / 16 + 1, index % 16 + 1);
      gtk_label_set_text (self->title_label, title);
      gtk_label_set_text (self->subtitle_label, subtitle);
    }

  trigger = octa_step_get_trig (self->step, OCTA_TRIG_TYPE_TRIGGER);
  trigless = octa_step_get_trig (self->step, OCTA_TRIG_TYPE_TRIGLESS);
  lock = octa_step_get_trig (self->step, OCTA_TRIG_TYPE_LOCK);
  gtk_button_set_label (GTK_BUTTON (self->kind_sample), self->midi ? _("Note") : _("Sample"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->kind_sample),
                               self->midi ? _("Note trig (device: NOTE TRIG)")
                                          : _("Sample trig (device: SAMPLE TRIG)"));
  mixed = !steps_agree (self, REACH_ALL, get_kind, 0, &value);
  gtk_widget_set_visible (self->kind_mixed, mixed);
  if (mixed)
    {
      /* none of the four: a click on any sets it on every step */
      gtk_toggle_button_set_active (self->kind_sample, FALSE);
      gtk_toggle_button_set_active (self->kind_trigless, FALSE);
      gtk_toggle_button_set_active (self->kind_lock, FALSE);
      gtk_toggle_button_set_active (self->kind_none, FALSE);
    }
  else if (trigger)
    gtk_toggle_button_set_active (self->kind_sample, TRUE);
  else if (trigless)
    gtk_toggle_button_set_active (self->kind_trigless, TRUE);
  else if (lock)
    gtk_toggle_button_set_active (self->kind_lock, TRUE);
  else
    gtk_toggle_button_set_active (self->kind_none, TRUE);

  gtk_widget_set_visible (self->oneshot_row, !self->midi);
  gtk_widget_set_visible (self->slide_row, !self->midi);
  gtk_widget_set_visible (self->recorder_row, !self->midi);
  gtk_widget_set_visible (self->sample_row, !self->midi);
  gtk_widget_set_visible (self->note_group, self->midi);
  if (!self->midi)
    {
      mixed = !steps_agree (self, REACH_AUDIO, get_trig, OCTA_TRIG_TYPE_ONESHOT, &value);
      gtk_check_button_set_active (self->oneshot_check, value);
      gtk_check_button_set_inconsistent (self->oneshot_check, mixed);
      set_mixed_subtitle (self->oneshot_row, mixed);
      mixed = !steps_agree (self, REACH_AUDIO, get_trig, OCTA_TRIG_TYPE_SLIDE, &value);
      gtk_switch_set_active (self->slide_switch, value);
      set_mixed_subtitle (self->slide_row, mixed);
      mixed = !steps_agree (self, REACH_AUDIO, get_recorder, 0, &recorder);
      gtk_switch_set_active (self->recorder_switch, recorder);
      set_mixed_subtitle (self->recorder_row, mixed);
      gtk_adjustment_set_upper (gtk_spin_button_get_adjustment (self->sample_spin),
                                self->sound.machine == OCTA_MACHINE_KIND_FLEX ? 136 : 255);
      mixed = !steps_agree (self, REACH_SAME_SOUND, get_sample_lock, 0, &value);
      gtk_spin_button_set_value (self->sample_spin, value);
      /* the spin shows its text through "output" only when the value moves */
      if (mixed)
        gtk_editable_set_text (GTK_EDITABLE (self->sample_spin), _("Mixed"));
      else
        on_sample_output (self->sample_spin, self);
      gtk_widget_set_sensitive (self->sample_clear, mixed || value != 0);
    }
  else
    update_chord (self);
  mixed = !steps_agree (self, REACH_ALL, get_trig, OCTA_TRIG_TYPE_SWING, &value);
  gtk_switch_set_active (self->swing_switch, value);
  set_mixed_subtitle (self->swing_row, mixed);

  set_condition_label (self, octa_step_get_condition (self->step));
  if (!steps_agree (self, REACH_ALL, get_condition, 0, &value))
    gtk_label_set_text (GTK_LABEL (self->condition_label), _("Mixed"));

  gtk_range_set_value (GTK_RANGE (self->micro_scale), octa_step_get_micro_timing (self->step));
  micro = octa_step_dup_micro_timing_label (self->step);
  if (!steps_agree (self, REACH_ALL, get_micro, 0, &value))
    gtk_label_set_text (self->micro_label, _("Mixed"));
  else
    gtk_label_set_text (self->micro_label, micro);
  {
    g_autofree char *value_text = g_strdup_printf (_("%s of a step, %d of 384"), micro,
                                                   octa_step_get_micro_timing (self->step));

    gtk_accessible_update_property (GTK_ACCESSIBLE (self->micro_scale),
                                    GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, value_text, -1);
  }

  gtk_spin_button_set_value (self->repeats_spin, octa_step_get_repeats (self->step));
  if (!steps_agree (self, REACH_ALL, get_repeats, 0, &value))
    gtk_editable_set_text (GTK_EDITABLE (self->repeats_spin), _("Mixed"));
  else
    on_repeats_output (self->repeats_spin, self);

  n_locks = update_lock_rows (self);
  if (self->rows_built)
    {
      locks_title = g_strdup_printf (_("P-locks (%u)"), n_locks);
      gtk_label_set_text (self->locks_title, locks_title);
    }
  else
    gtk_label_set_text (self->locks_title, _("P-locks"));

  self->updating = FALSE;
}

static void
on_step_notify (OctaStep          *step,
                GParamSpec        *pspec,
                OctaStepInspector *self)
{
  update_all (self);
}

static void
on_project_changed (OctaProject       *project,
                    OctaStepInspector *self)
{
  update_all (self);
}

static void
bind_part_track (OctaStepInspector *self)
{
  OctaPatternTrack *track;
  OctaPattern *pattern;
  g_autoptr(OctaPart) part = NULL;
  guint index;

  g_clear_object (&self->part_track);
  if (self->step == NULL)
    return;

  track = octa_step_get_track (self->step);
  pattern = octa_pattern_track_get_pattern (track);
  part = octa_bank_get_part (octa_pattern_get_bank (pattern), octa_pattern_get_part (pattern) - 1);
  if (part == NULL)
    return;
  index = octa_pattern_track_get_index (track);
  if (octa_pattern_track_is_midi (track))
    self->part_track = OCTA_PART_TRACK (octa_part_get_midi_track (part, index));
  else
    self->part_track = OCTA_PART_TRACK (octa_part_get_audio_track (part, index));
}

static void
on_project_changed_rebind (OctaProject       *project,
                           OctaStepInspector *self)
{
  /* the pattern may now play another part */
  bind_part_track (self);
}

/**
 * octa_step_inspector_set_step:
 * @self: an inspector
 * @step: (nullable): the step to show
 */
void
octa_step_inspector_set_step (OctaStepInspector *self,
                              OctaStep          *step)
{
  octa_step_inspector_set_steps (self, step, NULL);
}

static gboolean
same_steps (OctaStepInspector *self,
            OctaStep          *focus,
            GPtrArray         *steps)
{
  if (self->step != focus)
    return FALSE;
  if (steps == NULL || steps->len == 0)
    return self->steps->len == (focus != NULL ? 1 : 0);
  if (!g_ptr_array_find (steps, focus, NULL) && focus != NULL)
    return FALSE;
  if (steps->len != self->steps->len)
    return FALSE;
  for (guint i = 0; i < steps->len; i++)
    if (!g_ptr_array_find (self->steps, g_ptr_array_index (steps, i), NULL))
      return FALSE;
  return TRUE;
}

/**
 * octa_step_inspector_set_steps:
 * @self: an inspector
 * @focus: (nullable): the step whose track names the fields
 * @steps: (nullable) (element-type OctaStep): every selected step, with or
 *   without @focus
 *
 * Shows the selection: each field holds the value the steps share or
 * "Mixed", and an edit applies to every step it means something for, as
 * one undo step. Locks and the sample lock reach the steps whose machine
 * and effects match @focus's track.
 */
void
octa_step_inspector_set_steps (OctaStepInspector *self,
                               OctaStep          *focus,
                               GPtrArray         *steps)
{
  OctaProject *project = NULL;
  OctaStep *step = focus;

  g_return_if_fail (OCTA_IS_STEP_INSPECTOR (self));
  g_return_if_fail (step == NULL || OCTA_IS_STEP (step));

  if (same_steps (self, focus, steps))
    return;

  forget_reach (self);
  g_ptr_array_set_size (self->steps, 0);
  if (focus != NULL && (steps == NULL || !g_ptr_array_find (steps, focus, NULL)))
    g_ptr_array_add (self->steps, g_object_ref (focus));
  for (guint i = 0; focus != NULL && steps != NULL && i < steps->len; i++)
    g_ptr_array_add (self->steps, g_object_ref (g_ptr_array_index (steps, i)));

  if (self->step == step)
    {
      update_all (self);
      return;
    }

  close_open_changes (self);
  if (self->step != NULL)
    g_signal_handlers_disconnect_by_func (self->step, on_step_notify, self);
  g_set_object (&self->step, step);

  if (step != NULL)
    {
      OctaPattern *pattern = octa_pattern_track_get_pattern (octa_step_get_track (step));

      project = octa_bank_get_project (octa_pattern_get_bank (pattern));
      g_signal_connect (step, "notify", G_CALLBACK (on_step_notify), self);
    }
  if (project != self->project)
    {
      if (self->project != NULL)
        {
          g_signal_handlers_disconnect_by_func (self->project, on_project_changed_rebind, self);
          g_signal_handlers_disconnect_by_func (self->project, on_project_changed, self);
        }
      g_set_object (&self->project, project);
      if (project != NULL)
        {
          g_signal_connect (project, "changed", G_CALLBACK (on_project_changed_rebind), self);
          g_signal_connect (project, "changed", G_CALLBACK (on_project_changed), self);
        }
    }

  bind_part_track (self);
  update_all (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
}

/**
 * octa_step_inspector_get_step:
 * @self: an inspector
 *
 * Returns: (transfer none) (nullable): the step shown
 */
OctaStep *
octa_step_inspector_get_step (OctaStepInspector *self)
{
  g_return_val_if_fail (OCTA_IS_STEP_INSPECTOR (self), NULL);
  return self->step;
}

static char *
format_micro (GtkScale          *scale,
              double             value,
              OctaStepInspector *self)
{
  gint micro = (gint) round (value);
  guint num, den = 384;

  if (micro == 0)
    return g_strdup ("0");
  num = ABS (micro);
  while (num % 2 == 0 && den % 2 == 0)
    {
      num /= 2;
      den /= 2;
    }
  while (num % 3 == 0 && den % 3 == 0)
    {
      num /= 3;
      den /= 3;
    }
  return g_strdup_printf ("%c%u/%u", micro > 0 ? '+' : '-', num, den);
}

static gboolean
build_rows_idle (gpointer data)
{
  OctaStepInspector *self = data;

  self->rows_idle = 0;
  update_all (self);
  return G_SOURCE_REMOVE;
}

static void
octa_step_inspector_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  OctaStepInspector *self = OCTA_STEP_INSPECTOR (widget);

  GTK_WIDGET_CLASS (octa_step_inspector_parent_class)->snapshot (widget, snapshot);
  if (!self->drawn)
    {
      self->drawn = TRUE;
      /* from the main loop, once this frame is out */
      self->rows_idle = g_idle_add (build_rows_idle, self);
    }
}

static void
octa_step_inspector_dispose (GObject *object)
{
  OctaStepInspector *self = OCTA_STEP_INSPECTOR (object);

  g_clear_handle_id (&self->rows_idle, g_source_remove);
  octa_step_inspector_set_step (self, NULL);
  g_clear_object (&self->part_track);
  gtk_widget_dispose_template (GTK_WIDGET (self), OCTA_TYPE_STEP_INSPECTOR);

  G_OBJECT_CLASS (octa_step_inspector_parent_class)->dispose (object);
}

static void
octa_step_inspector_finalize (GObject *object)
{
  OctaStepInspector *self = OCTA_STEP_INSPECTOR (object);

  g_clear_pointer (&self->lock_rows, g_ptr_array_unref);
  forget_reach (self);
  g_clear_pointer (&self->steps, g_ptr_array_unref);
  g_clear_pointer (&self->lock_groups, g_ptr_array_unref);

  G_OBJECT_CLASS (octa_step_inspector_parent_class)->finalize (object);
}

static void
octa_step_inspector_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  OctaStepInspector *self = OCTA_STEP_INSPECTOR (object);

  switch (prop_id)
    {
    case PROP_STEP:
      g_value_set_object (value, self->step);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
octa_step_inspector_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  OctaStepInspector *self = OCTA_STEP_INSPECTOR (object);

  switch (prop_id)
    {
    case PROP_STEP:
      octa_step_inspector_set_step (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
octa_step_inspector_class_init (OctaStepInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = octa_step_inspector_dispose;
  object_class->finalize = octa_step_inspector_finalize;
  object_class->get_property = octa_step_inspector_get_property;
  object_class->set_property = octa_step_inspector_set_property;
  widget_class->snapshot = octa_step_inspector_snapshot;

  properties[PROP_STEP] =
    g_param_spec_object ("step", NULL, NULL, OCTA_TYPE_STEP,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               OCTA_GRID_RESOURCE_PATH "octa-step-inspector.ui");
  gtk_widget_class_bind_template_child (widget_class, OctaStepInspector, box);
  gtk_widget_class_bind_template_child (widget_class, OctaStepInspector, title_label);
  gtk_widget_class_bind_template_child (widget_class, OctaStepInspector, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, OctaStepInspector, content);
  gtk_widget_class_bind_template_child (widget_class, OctaStepInspector, kind_sample);
  gtk_widget_class_bind_template_child (widget_class, OctaStepInspector, kind_trigless);
  gtk_widget_class_bind_template_child (widget_class, OctaStepInspector, kind_lock);
  gtk_widget_class_bind_template_child (widget_class, OctaStepInspector, kind_none);
  gtk_widget_class_bind_template_child (widget_class, OctaStepInspector, kind_mixed);
  gtk_widget_class_bind_template_child (widget_class, OctaStepInspector, oneshot_row);
  gtk_widget_class_bind_template_child (widget_class, OctaStepInspector, oneshot_check);
  gtk_widget_class_bind_template_child (widget_class, OctaStepInspector, swing_row);
  gtk_widget_class_bind_template_child (widget_class, OctaStepInspector, swing_switch);
  gtk_widget_class_bind_template_child (widget_class, OctaStepInspector, slide_row);
  gtk_widget_class_bind_template_child (widget_class, OctaStepInspector, slide_switch);
  gtk_widget_class_bind_template_child (widget_class, OctaStepInspector, recorder_row);
  gtk_widget_class_bind_template_child (widget_class, OctaStepInspector, recorder_switch);
  gtk_widget_class_bind_template_child (widget_class, OctaStepInspector, condition_button);
  gtk_widget_class_bind_template_child (widget_class, OctaStepInspector, repeats_spin);
  gtk_widget_class_bind_template_child (widget_class, OctaStepInspector, sample_row);
  gtk_widget_class_bind_template_child (widget_class, OctaStepInspector, sample_spin);
  gtk_widget_class_bind_template_child (widget_class, OctaStepInspector, sample_clear);
  gtk_widget_class_bind_template_child (widget_class, OctaStepInspector, micro_label);
  gtk_widget_class_bind_template_child (widget_class, OctaStepInspector, micro_scale);
  gtk_widget_class_bind_template_child (widget_class, OctaStepInspector, note_group);
  gtk_widget_class_bind_template_child (widget_class, OctaStepInspector, chord_row);
  gtk_widget_class_bind_template_child (widget_class, OctaStepInspector, locks_box);
  gtk_widget_class_bind_template_child (widget_class, OctaStepInspector, locks_title);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_flag_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_switch_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_repeats_output);
  gtk_widget_class_bind_template_callback (widget_class, on_number_input);
  gtk_widget_class_bind_template_callback (widget_class, on_repeats_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_sample_output);
  gtk_widget_class_bind_template_callback (widget_class, on_sample_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_sample_clear);
  gtk_widget_class_bind_template_callback (widget_class, on_micro_changed);

  gtk_widget_class_set_css_name (widget_class, "octastepinspector");
}

static void
create_condition_picker (GtkMenuButton *button,
                         gpointer       user_data)
{
  OctaStepInspector *self = user_data;

  if (self->picker != NULL)
    return;
  self->picker = octa_condition_picker_new ();
  octa_condition_picker_set_condition (OCTA_CONDITION_PICKER (self->picker), self->condition);
  g_signal_connect (self->picker, "condition-chosen", G_CALLBACK (on_condition_chosen), self);
  gtk_menu_button_set_popover (button, self->picker);
}

static void
octa_step_inspector_init (OctaStepInspector *self)
{
  _octa_grid_ensure_css ();
  gtk_widget_init_template (GTK_WIDGET (self));

  self->lock_rows = g_ptr_array_new_with_free_func (g_free);
  self->steps = g_ptr_array_new_with_free_func (g_object_unref);
  self->lock_groups = g_ptr_array_new ();

  self->condition_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->condition_label, "numeric");
  gtk_menu_button_set_child (self->condition_button, self->condition_label);
  gtk_menu_button_set_create_popup_func (self->condition_button, create_condition_picker, self,
                                         NULL);

  gtk_scale_set_format_value_func (self->micro_scale, (GtkScaleFormatValueFunc) format_micro,
                                   self, NULL);
  /* micro-timing is bipolar: no fill from the left end */
  gtk_scale_set_has_origin (self->micro_scale, FALSE);
  gtk_scale_add_mark (self->micro_scale, 0, GTK_POS_BOTTOM, NULL);
  gtk_scale_add_mark (self->micro_scale, -12, GTK_POS_BOTTOM, NULL);
  gtk_scale_add_mark (self->micro_scale, 12, GTK_POS_BOTTOM, NULL);
  bracket_edits (self, GTK_WIDGET (self->micro_scale));
  bracket_edits (self, GTK_WIDGET (self->repeats_spin));
  bracket_edits (self, GTK_WIDGET (self->sample_spin));

  update_all (self);
}

/**
 * octa_step_inspector_new:
 *
 * Returns: (transfer floating): a new, empty step inspector
 */
GtkWidget *
octa_step_inspector_new (void)
{
  return g_object_new (OCTA_TYPE_STEP_INSPECTOR, NULL);
}

/* }}} */
