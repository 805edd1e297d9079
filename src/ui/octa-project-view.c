/* SPDX-License-Identifier: MIT */
#include <glib/gi18n.h>
#include <string.h>

#include "octa-codec.h"
#include "octa-project-view.h"

/**
 * OctaProjectView:
 *
 * The Project view (design §4.4): the settings of `project.work`, grouped
 * like the device's menus, in device units; every edit is one undo step
 * that changes exactly its own line. Below them, the project's files as read
 * (OK, working differs from saved, couldn't be read) with the settings
 * lines Octadesk doesn't know, and what needs looking after.
 */

typedef enum
{
  GROUP_TEMPO,
  GROUP_AUDIO,
  GROUP_SEQUENCER,
  GROUP_MEMORY,
  GROUP_METRONOME,
  GROUP_SYNC,
  GROUP_CHANNELS,
  GROUP_CONTROL,
  GROUP_MIXER,
  N_SETTING_GROUPS
} Group;

typedef enum
{
  ROW_SWITCH,      /* 0/1, and the format says so */
  ROW_CHOICE,      /* Off/On, keeping any other number the device wrote */
  ROW_CHANNEL,     /* OFF, 1…16 stored as -1…15 */
  ROW_SPIN,        /* the number as written */
  ROW_TEMPO,       /* BPM */
  ROW_SIGNATURE,   /* read-only: numerator − 1 and a denominator code */
} RowKind;

typedef struct
{
  Group       group;
  RowKind     kind;
  const char *property;
  const char *title;
  const char *subtitle;
  gint        minimum;
  gint        maximum;
} RowSpec;

static const RowSpec row_specs[] = {
  { GROUP_TEMPO, ROW_TEMPO, "tempo", N_("Project tempo"), N_("BPM"), 30, 300 },
  { GROUP_TEMPO, ROW_CHOICE, "pattern-tempo-enabled", N_("Per-pattern tempo"), NULL, 0, 1 },
  { GROUP_TEMPO, ROW_SWITCH, "writeprotected", N_("Write protect"), NULL, 0, 1 },

  { GROUP_AUDIO, ROW_CHOICE, "master-track", N_("Master track"), N_("T8 · Master"), 0, 1 },
  { GROUP_AUDIO, ROW_SWITCH, "cue-studio-mode", N_("Cue studio mode"), NULL, 0, 1 },
  { GROUP_AUDIO, ROW_SPIN, "gate-ab", N_("Gate AB"), N_("Input noise gate"), 0, 127 },
  { GROUP_AUDIO, ROW_SPIN, "gate-cd", N_("Gate CD"), N_("Input noise gate"), 0, 127 },
  { GROUP_AUDIO, ROW_SWITCH, "input-delay-compensation", N_("Delay compensation"), NULL, 0, 1 },

  { GROUP_SEQUENCER, ROW_SPIN, "pattern-change-chain-behavior", N_("Chain after"),
    N_("The code as written: the device's names for it aren't known yet"), 0, 255 },
  { GROUP_SEQUENCER, ROW_SWITCH, "pattern-change-auto-silence-tracks",
    N_("Silence tracks on pattern change"), NULL, 0, 1 },
  { GROUP_SEQUENCER, ROW_SWITCH, "pattern-change-auto-trig-lfos",
    N_("Trig LFOs on pattern change"), NULL, 0, 1 },

  { GROUP_MEMORY, ROW_SWITCH, "load-24bit-flex", N_("Load 24-bit Flex"), NULL, 0, 1 },
  { GROUP_MEMORY, ROW_SWITCH, "dynamic-recorders", N_("Dynamic recorders"), NULL, 0, 1 },
  { GROUP_MEMORY, ROW_SWITCH, "record-24bit", N_("Record 24-bit"), NULL, 0, 1 },
  { GROUP_MEMORY, ROW_SPIN, "reserved-recorder-count", N_("Reserved recorders"), NULL, 0, 8 },
  { GROUP_MEMORY, ROW_SPIN, "reserved-recorder-length", N_("Reserved recorder length"), NULL,
    0, 999 },

  { GROUP_METRONOME, ROW_SWITCH, "metronome-enabled", N_("Active"), NULL, 0, 1 },
  { GROUP_METRONOME, ROW_SIGNATURE, "metronome-time-signature", N_("Time signature"), NULL, 0, 0 },
  { GROUP_METRONOME, ROW_SPIN, "metronome-preroll", N_("Preroll"), NULL, 0, 16 },
  { GROUP_METRONOME, ROW_SPIN, "metronome-cue-volume", N_("Cue volume"), NULL, 0, 127 },
  { GROUP_METRONOME, ROW_SPIN, "metronome-main-volume", N_("Main volume"), NULL, 0, 127 },
  { GROUP_METRONOME, ROW_SPIN, "metronome-pitch", N_("Pitch"), NULL, 0, 24 },
  { GROUP_METRONOME, ROW_SWITCH, "metronome-tonal", N_("Tonal"), NULL, 0, 1 },

  { GROUP_SYNC, ROW_CHOICE, "midi-clock-send", N_("Clock send"), NULL, 0, 1 },
  { GROUP_SYNC, ROW_CHOICE, "midi-clock-receive", N_("Clock receive"), NULL, 0, 1 },
  { GROUP_SYNC, ROW_CHOICE, "midi-transport-send", N_("Transport send"), NULL, 0, 1 },
  { GROUP_SYNC, ROW_CHOICE, "midi-transport-receive", N_("Transport receive"), NULL, 0, 1 },
  { GROUP_SYNC, ROW_CHOICE, "midi-program-change-send", N_("Program change send"), NULL, 0, 1 },
  { GROUP_SYNC, ROW_SPIN, "midi-program-change-send-ch", N_("Program change send channel"),
    N_("The number as written (-1 … 16)"), -1, 16 },
  { GROUP_SYNC, ROW_CHOICE, "midi-program-change-receive", N_("Program change receive"), NULL,
    0, 1 },
  { GROUP_SYNC, ROW_SPIN, "midi-program-change-receive-ch", N_("Program change receive channel"),
    N_("The number as written (-1 … 16)"), -1, 16 },

  { GROUP_CHANNELS, ROW_CHANNEL, "midi-trig-ch1", N_("T1 channel"), NULL, -1, 15 },
  { GROUP_CHANNELS, ROW_CHANNEL, "midi-trig-ch2", N_("T2 channel"), NULL, -1, 15 },
  { GROUP_CHANNELS, ROW_CHANNEL, "midi-trig-ch3", N_("T3 channel"), NULL, -1, 15 },
  { GROUP_CHANNELS, ROW_CHANNEL, "midi-trig-ch4", N_("T4 channel"), NULL, -1, 15 },
  { GROUP_CHANNELS, ROW_CHANNEL, "midi-trig-ch5", N_("T5 channel"), NULL, -1, 15 },
  { GROUP_CHANNELS, ROW_CHANNEL, "midi-trig-ch6", N_("T6 channel"), NULL, -1, 15 },
  { GROUP_CHANNELS, ROW_CHANNEL, "midi-trig-ch7", N_("T7 channel"), NULL, -1, 15 },
  { GROUP_CHANNELS, ROW_CHANNEL, "midi-trig-ch8", N_("T8 channel"), NULL, -1, 15 },
  { GROUP_CHANNELS, ROW_CHANNEL, "midi-auto-channel", N_("Auto channel"), NULL, -1, 15 },

  { GROUP_CONTROL, ROW_CHOICE, "midi-audio-trk-cc-in", N_("Audio CC in"), NULL, 0, 1 },
  { GROUP_CONTROL, ROW_SPIN, "midi-audio-trk-cc-out", N_("Audio CC out"),
    N_("The code as written (0 … 3)"), 0, 3 },
  { GROUP_CONTROL, ROW_CHOICE, "midi-audio-trk-note-in", N_("Audio note in"), NULL, 0, 1 },
  { GROUP_CONTROL, ROW_SPIN, "midi-audio-trk-note-out", N_("Audio note out"),
    N_("The code as written (0 … 3)"), 0, 3 },
  { GROUP_CONTROL, ROW_CHOICE, "midi-midi-trk-cc-in", N_("MIDI CC in"), NULL, 0, 1 },

  { GROUP_MIXER, ROW_SPIN, "gain-ab", N_("Gain AB"), NULL, 0, 127 },
  { GROUP_MIXER, ROW_SPIN, "gain-cd", N_("Gain CD"), NULL, 0, 127 },
  { GROUP_MIXER, ROW_SPIN, "dir-ab", N_("Direct AB"), NULL, 0, 127 },
  { GROUP_MIXER, ROW_SPIN, "dir-cd", N_("Direct CD"), NULL, 0, 127 },
  { GROUP_MIXER, ROW_SPIN, "phones-mix", N_("Phones mix"), NULL, 0, 127 },
  { GROUP_MIXER, ROW_SPIN, "main-to-cue", N_("Main to cue"), NULL, 0, 127 },
  { GROUP_MIXER, ROW_SPIN, "main-level", N_("Main level"), NULL, 0, 127 },
  { GROUP_MIXER, ROW_SPIN, "cue-level", N_("Cue level"), NULL, 0, 127 },
};

typedef struct
{
  const RowSpec *spec;
  GtkWidget     *row;
  GtkWidget     *editor;
  GtkStringList *choices;    /* ROW_CHOICE, ROW_CHANNEL */
  gboolean       has_extra;  /* the list ends with the raw value "#n" */
  gint           extra;
} Row;

struct _OctaProjectView
{
  AdwBin               parent_instance;

  AdwPreferencesGroup *groups[N_SETTING_GROUPS];
  AdwPreferencesGroup *files_group;
  AdwPreferencesGroup *health_group;

  OctaProject         *project;
  OctaProjectSettings *settings;
  gulong               notify_handler;
  gulong               changed_handler;
  gulong               problems_handler;

  GHashTable          *rows;          /* property → Row */
  GPtrArray           *file_rows;     /* rows of the Files group */
  GPtrArray           *health_rows;   /* rows of the Health group */
  guint                refresh_idle;
  gboolean             syncing;
  guint                n_differing;
  char                *health_summary;
};

G_DEFINE_FINAL_TYPE (OctaProjectView, octa_project_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PROJECT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *const group_ids[N_SETTING_GROUPS] = {
  "tempo_group", "audio_group", "sequencer_group", "memory_group", "metronome_group",
  "sync_group", "channels_group", "control_group", "mixer_group",
};

/* ---- Settings rows ------------------------------------------------------ */

static gint
get_int (OctaProjectView *self,
         const char      *property)
{
  gint value = 0;

  g_object_get (self->settings, property, &value, NULL);
  return value;
}

/* "126.125", "120": three decimals only when needed. */
static char *
format_tempo (double bpm)
{
  char *text = g_strdup_printf ("%.3f", bpm);
  char *end = text + strlen (text) - 1;

  while (end > text && *end == '0')
    *end-- = '\0';
  if (*end == '.')
    *end = '\0';
  return text;
}

static gboolean
tempo_output_cb (GtkSpinButton *spin,
                 gpointer       user_data)
{
  g_autofree char *text = format_tempo (gtk_spin_button_get_value (spin));

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

/* The list shows the stored number itself when it has no name here. */
static guint
choice_index (Row  *row,
              gint  value)
{
  guint n_named = row->spec->kind == ROW_CHANNEL ? 17 : 2;
  gint first = row->spec->kind == ROW_CHANNEL ? -1 : 0;
  gboolean named = value >= first && value < first + (gint) n_named;

  if (row->has_extra && (named || value != row->extra))
    {
      gtk_string_list_remove (row->choices, n_named);
      row->has_extra = FALSE;
    }
  if (named)
    return (guint) (value - first);
  if (!row->has_extra)
    {
      g_autofree char *raw = g_strdup_printf ("#%d", value);

      gtk_string_list_append (row->choices, raw);
      row->has_extra = TRUE;
      row->extra = value;
    }
  return n_named;
}

static void
sync_row (OctaProjectView *self,
          Row             *row)
{
  const RowSpec *spec = row->spec;

  self->syncing = TRUE;
  switch (spec->kind)
    {
    case ROW_SWITCH:
      gtk_switch_set_active (GTK_SWITCH (row->editor), get_int (self, spec->property) != 0);
      break;
    case ROW_CHOICE:
    case ROW_CHANNEL:
      gtk_drop_down_set_selected (GTK_DROP_DOWN (row->editor),
                                  choice_index (row, get_int (self, spec->property)));
      break;
    case ROW_SPIN:
      {
        gint value = get_int (self, spec->property);
        GtkAdjustment *adj = gtk_spin_button_get_adjustment (GTK_SPIN_BUTTON (row->editor));

        /* A number outside the usual range is shown as it is, not clamped. */
        gtk_adjustment_set_lower (adj, MIN (spec->minimum, value));
        gtk_adjustment_set_upper (adj, MAX (spec->maximum, value));
        gtk_spin_button_set_value (GTK_SPIN_BUTTON (row->editor), value);
      }
      break;
    case ROW_TEMPO:
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (row->editor),
                                 octa_project_settings_get_tempo (self->settings));
      break;
    case ROW_SIGNATURE:
      {
        gint numerator = get_int (self, "metronome-time-signature") + 1;
        gint code = get_int (self, "metronome-time-signature-denominator");
        g_autofree char *text = NULL;

        /* Only code 2 = /4 is known from device files. */
        if (code == 2)
          text = g_strdup_printf ("%d/4", numerator);
        else
          text = g_strdup_printf ("%d/#%d", numerator, code);
        gtk_label_set_label (GTK_LABEL (row->editor), text);
      }
      break;
    default:
      g_assert_not_reached ();
    }
  self->syncing = FALSE;
}

static void
switch_changed_cb (GtkSwitch  *widget,
                   GParamSpec *pspec,
                   Row        *row)
{
  OctaProjectView *self = g_object_get_data (G_OBJECT (widget), "octa-view");

  if (self->syncing || self->settings == NULL)
    return;
  g_object_set (self->settings, row->spec->property, gtk_switch_get_active (widget) ? 1 : 0,
                NULL);
}

static void
choice_changed_cb (GtkDropDown *widget,
                   GParamSpec  *pspec,
                   Row         *row)
{
  OctaProjectView *self = g_object_get_data (G_OBJECT (widget), "octa-view");
  guint n_named = row->spec->kind == ROW_CHANNEL ? 17 : 2;
  gint first = row->spec->kind == ROW_CHANNEL ? -1 : 0;
  guint selected = gtk_drop_down_get_selected (widget);

  if (self->syncing || self->settings == NULL || selected >= n_named)
    return;
  g_object_set (self->settings, row->spec->property, first + (gint) selected, NULL);
}

static void
spin_changed_cb (GtkSpinButton *widget,
                 Row           *row)
{
  OctaProjectView *self = g_object_get_data (G_OBJECT (widget), "octa-view");

  if (self->syncing || self->settings == NULL)
    return;
  if (row->spec->kind == ROW_TEMPO)
    octa_project_settings_set_tempo (self->settings, gtk_spin_button_get_value (widget));
  else
    g_object_set (self->settings, row->spec->property,
                  gtk_spin_button_get_value_as_int (widget), NULL);
}

static GtkWidget *
make_editor (OctaProjectView *self,
             Row             *row)
{
  const RowSpec *spec = row->spec;
  GtkWidget *editor = NULL;

  switch (spec->kind)
    {
    case ROW_SWITCH:
      editor = gtk_switch_new ();
      g_signal_connect (editor, "notify::active", G_CALLBACK (switch_changed_cb), row);
      break;
    case ROW_CHOICE:
      {
        const char *const items[] = { _("Off"), _("On"), NULL };

        row->choices = gtk_string_list_new (items);
        editor = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (row->choices)), NULL);
        g_signal_connect (editor, "notify::selected", G_CALLBACK (choice_changed_cb), row);
      }
      break;
    case ROW_CHANNEL:
      {
        row->choices = gtk_string_list_new (NULL);
        gtk_string_list_append (row->choices, _("OFF"));
        for (guint ch = 1; ch <= 16; ch++)
          {
            char text[4];

            g_snprintf (text, sizeof text, "%u", ch);
            gtk_string_list_append (row->choices, text);
          }
        editor = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (row->choices)), NULL);
        g_signal_connect (editor, "notify::selected", G_CALLBACK (choice_changed_cb), row);
      }
      break;
    case ROW_SPIN:
      editor = gtk_spin_button_new_with_range (spec->minimum, spec->maximum, 1);
      gtk_editable_set_width_chars (GTK_EDITABLE (editor), 4);
      gtk_widget_add_css_class (editor, "numeric");
      g_signal_connect (editor, "value-changed", G_CALLBACK (spin_changed_cb), row);
      break;
    case ROW_TEMPO:
      editor = gtk_spin_button_new_with_range (spec->minimum, spec->maximum, 1);
      gtk_spin_button_set_digits (GTK_SPIN_BUTTON (editor), 3);
      gtk_spin_button_set_increments (GTK_SPIN_BUTTON (editor), 1, 10);
      gtk_editable_set_width_chars (GTK_EDITABLE (editor), 7);
      gtk_widget_add_css_class (editor, "numeric");
      g_signal_connect (editor, "output", G_CALLBACK (tempo_output_cb), NULL);
      g_signal_connect (editor, "value-changed", G_CALLBACK (spin_changed_cb), row);
      break;
    case ROW_SIGNATURE:
      editor = gtk_label_new (NULL);
      gtk_widget_add_css_class (editor, "numeric");
      break;
    default:
      g_assert_not_reached ();
    }

  g_object_set_data (G_OBJECT (editor), "octa-view", self);
  gtk_widget_set_valign (editor, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (editor), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _(spec->title), -1);
  return editor;
}

static void
row_free (gpointer data)
{
  Row *row = data;

  g_clear_object (&row->choices);
  g_free (row);
}

static void
build_setting_rows (OctaProjectView *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (row_specs); i++)
    {
      Row *row = g_new0 (Row, 1);

      row->spec = &row_specs[i];
      row->row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->row), _(row->spec->title));
      if (row->spec->subtitle != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row->row), _(row->spec->subtitle));
      row->editor = make_editor (self, row);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row->row), row->editor);
      if (row->spec->kind != ROW_SIGNATURE)
        adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row->row), row->editor);
      adw_preferences_group_add (self->groups[row->spec->group], row->row);
      g_hash_table_insert (self->rows, (gpointer) row->spec->property, row);
    }
}

static void
settings_notify_cb (OctaProjectView *self,
                    GParamSpec      *pspec)
{
  const char *name = g_param_spec_get_name (pspec);
  Row *row;

  if (g_str_has_prefix (name, "metronome-time-signature"))
    name = "metronome-time-signature";
  else if (g_str_equal (name, "tempo-x24"))
    name = "tempo";
  row = g_hash_table_lookup (self->rows, name);
  if (row != NULL)
    sync_row (self, row);
}

static void
sync_all_rows (OctaProjectView *self)
{
  GHashTableIter iter;
  gpointer value;

  if (self->settings == NULL)
    return;
  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    sync_row (self, value);
}

/* ---- Files and health --------------------------------------------------- */

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static GtkWidget *
add_row (AdwPreferencesGroup *group,
         GPtrArray           *rows,
         const char          *title,
         const char          *subtitle,
         const char          *status,
         const char          *status_tooltip)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (status != NULL)
    {
      GtkWidget *label = gtk_label_new (status);

      gtk_widget_add_css_class (label, "numeric");
      if (g_str_equal (status, "✓"))
        gtk_widget_add_css_class (label, "success");
      else if (g_str_equal (status, "⚠"))
        gtk_widget_add_css_class (label, "warning");
      gtk_widget_set_tooltip_text (label, status_tooltip);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  adw_preferences_group_add (group, row);
  g_ptr_array_add (rows, row);
  return row;
}

static gboolean
bytes_differ (GBytes *a,
              GBytes *b)
{
  return a != NULL && b != NULL && !g_bytes_equal (a, b);
}

/* Lines of [SETTINGS] and [STATES] whose keys Octadesk doesn't know; they
 * are kept exactly as written. */
static GPtrArray *
unknown_setting_lines (OctaProject *project)
{
  g_autoptr(GBytes) bytes = octa_project_encode_file (project, "project.work");
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  OctaProjectFile *file;
  const char *section = NULL;

  if (bytes == NULL)
    return g_steal_pointer (&lines);
  file = octa_project_file_new_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                          "project.work", NULL);
  if (file == NULL)
    return g_steal_pointer (&lines);

  for (guint i = 0; i < octa_project_file_get_n_lines (file); i++)
    {
      g_autofree char *line = g_strdup (octa_project_file_get_line (file, i));
      const char *const *known;
      char *eq;
      gboolean found = FALSE;

      g_strchomp (line);
      if (g_str_equal (line, "[SETTINGS]"))
        section = OCTA_SECTION_SETTINGS;
      else if (g_str_equal (line, "[STATES]"))
        section = OCTA_SECTION_STATES;
      else if (line[0] == '[')
        section = NULL;
      if (section == NULL || line[0] == '[' || (eq = strchr (line, '=')) == NULL)
        continue;

      *eq = '\0';
      known = octa_project_file_known_keys (section);
      for (guint k = 0; known != NULL && known[k] != NULL && !found; k++)
        found = g_str_equal (known[k], line);
      *eq = '=';
      if (!found)
        g_ptr_array_add (lines, g_steal_pointer (&line));
    }
  octa_project_file_free (file);
  return g_steal_pointer (&lines);
}

static void
refresh_files (OctaProjectView *self)
{
  g_autoptr(GPtrArray) unknown = NULL;
  gboolean expanded = FALSE;

  /* Rebuilt after edits: an open list of unknown lines stays open. */
  for (guint i = 0; i < self->file_rows->len; i++)
    if (ADW_IS_EXPANDER_ROW (g_ptr_array_index (self->file_rows, i)))
      expanded = adw_expander_row_get_expanded (g_ptr_array_index (self->file_rows, i));
  clear_rows (self->files_group, self->file_rows);
  self->n_differing = 0;
  if (self->project == NULL)
    return;

  for (guint slot = 0; slot < 26; slot++)
    {
      OctaFileKind kind = slot == 0 ? OCTA_FILE_KIND_PROJECT
                          : slot <= 16 ? OCTA_FILE_KIND_BANK
                          : slot == 17 ? OCTA_FILE_KIND_MARKERS : OCTA_FILE_KIND_ARRANGEMENT;
      guint index = kind == OCTA_FILE_KIND_BANK ? slot - 1
                    : kind == OCTA_FILE_KIND_ARRANGEMENT ? slot - 18 : 0;
      g_autofree char *work_name = octa_project_files_filename (kind, index, OCTA_STATE_WORK);
      g_autofree char *strd_name = octa_project_files_filename (kind, index, OCTA_STATE_STRD);

      for (guint s = 0; s < 2; s++)
        {
          const char *name = s == 0 ? work_name : strd_name;
          g_autofree char *reason = octa_project_dup_problem_reason (self->project, name);

          if (reason != NULL && octa_project_get_file_shown (self->project, name))
            add_row (self->files_group, self->file_rows, name, reason, "⊘",
                     _("Older format: shown, never changed"));
          else if (reason != NULL)
            add_row (self->files_group, self->file_rows, name, reason, "⚠",
                     _("Couldn't be read: Octadesk leaves it as it is"));
        }
      if (octa_project_get_file_problem (self->project, work_name) == NULL)
        {
          g_autoptr(GBytes) work = octa_project_encode_file (self->project, work_name);
          g_autoptr(GBytes) strd = octa_project_encode_file (self->project, strd_name);

          if (bytes_differ (work, strd))
            {
              self->n_differing++;
              add_row (self->files_group, self->file_rows, work_name,
                       _("Working state differs from the saved state"), "≠",
                       _("RELOAD on the device would return to the saved state"));
            }
          else
            add_row (self->files_group, self->file_rows, work_name, NULL, "✓", _("OK"));
        }
    }

  unknown = unknown_setting_lines (self->project);
  if (unknown->len > 0)
    {
      GtkWidget *expander = adw_expander_row_new ();
      g_autofree char *title = g_strdup_printf (_("Unknown settings kept as written: %u"),
                                                unknown->len);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
      for (guint i = 0; i < unknown->len; i++)
        {
          GtkWidget *line = adw_action_row_new ();

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (line), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (line), g_ptr_array_index (unknown, i));
          gtk_widget_add_css_class (line, "monospace");
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), line);
        }
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), expanded);
      adw_preferences_group_add (self->files_group, expander);
      g_ptr_array_add (self->file_rows, expander);
    }
}

static guint
count_missing_samples (OctaProject *project)
{
  const OctaSlotKind kinds[] = { OCTA_SLOT_KIND_FLEX, OCTA_SLOT_KIND_STATIC };
  guint missing = 0;

  if (octa_project_get_location (project) == NULL)
    return 0;
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (guint n = 1; n <= octa_slot_kind_get_n_slots (kinds[k]); n++)
      {
        g_autoptr(OctaSampleSlot) slot = octa_project_get_sample_slot (project, kinds[k], n);
        GFile *file;

        if (!octa_sample_slot_get_used (slot))
          continue;
        file = octa_sample_slot_get_file (slot);
        if (file != NULL && !g_file_query_exists (file, NULL))
          missing++;
      }
  return missing;
}

static guint
count_edited_parts (OctaProject *project)
{
  guint edited = 0;

  for (guint b = 0; b < OCTA_N_BANKS; b++)
    {
      g_autoptr(OctaBank) bank = octa_project_get_bank (project, b);

      if (octa_bank_get_read_only (bank))
        continue;
      for (guint p = 0; p < 4; p++)
        {
          g_autoptr(OctaPart) part = octa_bank_get_part (bank, p);

          if (octa_part_get_edited (part))
            edited++;
        }
    }
  return edited;
}

static void
add_check (OctaProjectView *self,
           GString         *summary,
           char            *text)
{
  if (text == NULL)
    return;
  add_row (self->health_group, self->health_rows, text, NULL, "⚠", NULL);
  if (summary->len > 0)
    g_string_append (summary, "; ");
  g_string_append (summary, text);
  g_free (text);
}

static void
refresh_health (OctaProjectView *self)
{
  GString *summary;
  guint n;

  clear_rows (self->health_group, self->health_rows);
  g_clear_pointer (&self->health_summary, g_free);
  if (self->project == NULL)
    return;

  summary = g_string_new (NULL);
  {
    g_auto(GStrv) names = octa_project_dup_problem_files (self->project);
    guint older = 0;

    n = 0;
    for (guint i = 0; names[i] != NULL; i++)
      {
        if (octa_project_get_file_shown (self->project, names[i]))
          older++;
        else
          n++;
      }
    add_check (self, summary,
               n == 0 ? NULL : g_strdup_printf (g_dngettext (NULL, "%u file couldn't be read",
                                                             "%u files couldn't be read", n), n));
    add_check (self, summary,
               older == 0 ? NULL
               : g_strdup_printf (g_dngettext (NULL, "%u file is from an older OS, read-only",
                                               "%u files are from an older OS, read-only",
                                               older), older));
  }
  n = count_missing_samples (self->project);
  add_check (self, summary,
             n == 0 ? NULL : g_strdup_printf (g_dngettext (NULL, "%u sample is missing",
                                                           "%u samples are missing", n), n));
  n = count_edited_parts (self->project);
  add_check (self, summary,
             n == 0 ? NULL : g_strdup_printf (g_dngettext (NULL, "%u part edited since saved",
                                                           "%u parts edited since saved", n), n));
  n = self->n_differing;
  add_check (self, summary,
             n == 0 ? NULL : g_strdup_printf (g_dngettext (NULL,
                                                           "%u file differs from its saved state",
                                                           "%u files differ from their saved "
                                                           "state", n), n));
  if (summary->len == 0)
    {
      add_row (self->health_group, self->health_rows, _("✓ Nothing to fix"), NULL, NULL, NULL);
      g_string_append (summary, _("✓ Nothing to fix"));
    }
  self->health_summary = g_string_free (summary, FALSE);
}

static gboolean
refresh_idle_cb (gpointer data)
{
  OctaProjectView *self = data;

  self->refresh_idle = 0;
  refresh_files (self);
  refresh_health (self);
  return G_SOURCE_REMOVE;
}

/* Comparing every file with its saved copy reads megabytes: done once the
 * edits of a gesture have settled, not per edit. */
static void
queue_refresh (OctaProjectView *self)
{
  if (self->refresh_idle == 0)
    self->refresh_idle = g_idle_add_full (G_PRIORITY_LOW, refresh_idle_cb, self, NULL);
}

/* ---- GObject ------------------------------------------------------------ */

static void
octa_project_view_dispose (GObject *object)
{
  OctaProjectView *self = OCTA_PROJECT_VIEW (object);

  /* No gtk_widget_dispose_template(): the scroller is the bin's own child,
   * which AdwBin unparents itself. */
  octa_project_view_set_project (self, NULL);
  g_clear_handle_id (&self->refresh_idle, g_source_remove);

  G_OBJECT_CLASS (octa_project_view_parent_class)->dispose (object);
}

static void
octa_project_view_finalize (GObject *object)
{
  OctaProjectView *self = OCTA_PROJECT_VIEW (object);

  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->file_rows, g_ptr_array_unref);
  g_clear_pointer (&self->health_rows, g_ptr_array_unref);
  g_clear_pointer (&self->health_summary, g_free);

  G_OBJECT_CLASS (octa_project_view_parent_class)->finalize (object);
}

static void
octa_project_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  OctaProjectView *self = OCTA_PROJECT_VIEW (object);

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
octa_project_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  OctaProjectView *self = OCTA_PROJECT_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      octa_project_view_set_project (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
octa_project_view_class_init (OctaProjectViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = octa_project_view_dispose;
  object_class->finalize = octa_project_view_finalize;
  object_class->get_property = octa_project_view_get_property;
  object_class->set_property = octa_project_view_set_property;

  /**
   * OctaProjectView:project:
   *
   * The project whose settings and files are shown.
   */
  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, OCTA_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/octadesk/Octadesk/"
                                               "octa-project-view.ui");
  for (guint g = 0; g < N_SETTING_GROUPS; g++)
    gtk_widget_class_bind_template_child_full (widget_class, group_ids[g], FALSE,
                                               G_STRUCT_OFFSET (OctaProjectView, groups) +
                                               g * sizeof (gpointer));
  gtk_widget_class_bind_template_child (widget_class, OctaProjectView, files_group);
  gtk_widget_class_bind_template_child (widget_class, OctaProjectView, health_group);
}

static void
octa_project_view_init (OctaProjectView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, row_free);
  self->file_rows = g_ptr_array_new ();
  self->health_rows = g_ptr_array_new ();
  build_setting_rows (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
}

GtkWidget *
octa_project_view_new (void)
{
  return g_object_new (OCTA_TYPE_PROJECT_VIEW, NULL);
}

OctaProject *
octa_project_view_get_project (OctaProjectView *self)
{
  g_return_val_if_fail (OCTA_IS_PROJECT_VIEW (self), NULL);
  return self->project;
}

/**
 * octa_project_view_set_project:
 * @self: a project view
 * @project: (nullable): the project to show
 */
void
octa_project_view_set_project (OctaProjectView *self,
                               OctaProject     *project)
{
  g_return_if_fail (OCTA_IS_PROJECT_VIEW (self));
  g_return_if_fail (project == NULL || OCTA_IS_PROJECT (project));

  if (self->project == project)
    return;

  if (self->settings != NULL)
    g_clear_signal_handler (&self->notify_handler, self->settings);
  if (self->project != NULL)
    {
      g_clear_signal_handler (&self->changed_handler, self->project);
      g_clear_signal_handler (&self->problems_handler, self->project);
    }
  g_clear_object (&self->settings);
  g_set_object (&self->project, project);

  if (project != NULL)
    {
      self->settings = octa_project_get_settings (project);
      self->notify_handler = g_signal_connect_swapped (self->settings, "notify",
                                                       G_CALLBACK (settings_notify_cb), self);
      self->changed_handler = g_signal_connect_swapped (project, "changed",
                                                        G_CALLBACK (queue_refresh), self);
      self->problems_handler = g_signal_connect_swapped (project, "notify::n-problems",
                                                         G_CALLBACK (queue_refresh), self);
      sync_all_rows (self);
    }
  refresh_files (self);
  refresh_health (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self), project != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

/**
 * octa_project_view_get_editor:
 * @self: a project view
 * @property: an #OctaProjectSettings property shown in a row, such as
 *   "metronome-enabled", or "tempo"
 *
 * Returns: (transfer none) (nullable): the row's switch, drop-down, spin
 *   button or label
 */
GtkWidget *
octa_project_view_get_editor (OctaProjectView *self,
                              const char      *property)
{
  Row *row;

  g_return_val_if_fail (OCTA_IS_PROJECT_VIEW (self), NULL);

  row = g_hash_table_lookup (self->rows, property);
  return row != NULL ? row->editor : NULL;
}

/**
 * octa_project_view_count_files_differing:
 * @self: a project view
 *
 * Returns: how many working files differ from their saved copies, as last
 *   shown
 */
guint
octa_project_view_count_files_differing (OctaProjectView *self)
{
  g_return_val_if_fail (OCTA_IS_PROJECT_VIEW (self), 0);
  return self->n_differing;
}

/**
 * octa_project_view_get_health_summary:
 * @self: a project view
 *
 * Returns: (nullable): the Health rows as one line, as last shown
 */
const char *
octa_project_view_get_health_summary (OctaProjectView *self)
{
  g_return_val_if_fail (OCTA_IS_PROJECT_VIEW (self), NULL);
  return self->health_summary;
}
