/* SPDX-License-Identifier: MIT */
#include "octa-project-settings.h"

#include "octa-field-private.h"
#include "octa-project-private.h"

/**
 * OctaProjectSettings:
 *
 * The project-wide settings of `project.work`: every `[SETTINGS]` and
 * `[STATES]` key as an integer property named after the key in kebab case
 * (`TEMPOx24` is #OctaProjectSettings:tempo-x24, `MIDI_CLOCK_SEND` is
 * #OctaProjectSettings:midi-clock-send, …), plus #OctaProjectSettings:tempo
 * in BPM.
 *
 * A key missing from the file reads as the device's default and is written
 * where the device would put it. Values are the file's integers as they
 * are: several keys hold more than their names suggest (MIDI_CLOCK_SEND=2 on
 * a real device), so only the ranges the format is known to have are
 * enforced.
 */
struct _OctaProjectSettings
{
  GObject      parent_instance;

  OctaProject *project;
  gint        *cache;
  gint         trig_modes[OCTA_PROJECT_N_TRIG_MODE_MIDI];
  char        *os_version;
  char        *version;
};

G_DEFINE_FINAL_TYPE (OctaProjectSettings, octa_project_settings, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_OS_VERSION,
  PROP_VERSION,
  N_FIXED_PROPS
};

enum {
  TRIG_MODE_MIDI_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_FIXED_PROPS];
static guint signals[N_SIGNALS];
static OctaFieldTable fields;

#define SETTINGS_CACHE_KEY "octa-project-settings"

typedef struct
{
  OctaProjectSettings *settings;
} SettingsCache;

typedef struct
{
  const char *section;
  const char *key;
  const char *name;
  gint        minimum;
  gint        maximum;
  gint        default_value;
} Key;

#define ANY G_MININT, G_MAXINT
#define S OCTA_SECTION_SETTINGS
#define T OCTA_SECTION_STATES

/* Spec §4.2 and §4.3, in file order. Ranges only where the format states one. */
static const Key keys[] = {
  { S, "WRITEPROTECTED", "writeprotected", 0, 1, 0 },
  { S, "TEMPOx24", "tempo-x24", 720, 7200, 2880 },
  { S, "PATTERN_TEMPO_ENABLED", "pattern-tempo-enabled", ANY, 0 },
  { S, "MIDI_CLOCK_SEND", "midi-clock-send", ANY, 0 },
  { S, "MIDI_CLOCK_RECEIVE", "midi-clock-receive", ANY, 0 },
  { S, "MIDI_TRANSPORT_SEND", "midi-transport-send", ANY, 0 },
  { S, "MIDI_TRANSPORT_RECEIVE", "midi-transport-receive", ANY, 0 },
  { S, "MIDI_PROGRAM_CHANGE_SEND", "midi-program-change-send", ANY, 0 },
  { S, "MIDI_PROGRAM_CHANGE_SEND_CH", "midi-program-change-send-ch", -1, 16, -1 },
  { S, "MIDI_PROGRAM_CHANGE_RECEIVE", "midi-program-change-receive", ANY, 0 },
  { S, "MIDI_PROGRAM_CHANGE_RECEIVE_CH", "midi-program-change-receive-ch", -1, 16, -1 },
  { S, "MIDI_TRIG_CH1", "midi-trig-ch1", -1, 15, 0 },
  { S, "MIDI_TRIG_CH2", "midi-trig-ch2", -1, 15, 1 },
  { S, "MIDI_TRIG_CH3", "midi-trig-ch3", -1, 15, 2 },
  { S, "MIDI_TRIG_CH4", "midi-trig-ch4", -1, 15, 3 },
  { S, "MIDI_TRIG_CH5", "midi-trig-ch5", -1, 15, 4 },
  { S, "MIDI_TRIG_CH6", "midi-trig-ch6", -1, 15, 5 },
  { S, "MIDI_TRIG_CH7", "midi-trig-ch7", -1, 15, 6 },
  { S, "MIDI_TRIG_CH8", "midi-trig-ch8", -1, 15, 7 },
  { S, "MIDI_AUTO_CHANNEL", "midi-auto-channel", ANY, 10 },
  { S, "MIDI_SOFT_THRU", "midi-soft-thru", ANY, 0 },
  { S, "MIDI_AUDIO_TRK_CC_IN", "midi-audio-trk-cc-in", ANY, 1 },
  { S, "MIDI_AUDIO_TRK_CC_OUT", "midi-audio-trk-cc-out", 0, 3, 3 },
  { S, "MIDI_AUDIO_TRK_NOTE_IN", "midi-audio-trk-note-in", ANY, 1 },
  { S, "MIDI_AUDIO_TRK_NOTE_OUT", "midi-audio-trk-note-out", ANY, 3 },
  { S, "MIDI_MIDI_TRK_CC_IN", "midi-midi-trk-cc-in", ANY, 1 },
  { S, "PATTERN_CHANGE_CHAIN_BEHAVIOR", "pattern-change-chain-behavior", ANY, 0 },
  { S, "PATTERN_CHANGE_AUTO_SILENCE_TRACKS", "pattern-change-auto-silence-tracks", 0, 1, 0 },
  { S, "PATTERN_CHANGE_AUTO_TRIG_LFOS", "pattern-change-auto-trig-lfos", 0, 1, 0 },
  { S, "LOAD_24BIT_FLEX", "load-24bit-flex", 0, 1, 0 },
  { S, "DYNAMIC_RECORDERS", "dynamic-recorders", 0, 1, 0 },
  { S, "RECORD_24BIT", "record-24bit", 0, 1, 0 },
  { S, "RESERVED_RECORDER_COUNT", "reserved-recorder-count", 0, 8, 8 },
  { S, "RESERVED_RECORDER_LENGTH", "reserved-recorder-length", ANY, 16 },
  { S, "INPUT_DELAY_COMPENSATION", "input-delay-compensation", 0, 1, 0 },
  { S, "GATE_AB", "gate-ab", ANY, 127 },
  { S, "GATE_CD", "gate-cd", ANY, 127 },
  { S, "GAIN_AB", "gain-ab", ANY, 64 },
  { S, "GAIN_CD", "gain-cd", ANY, 64 },
  { S, "DIR_AB", "dir-ab", ANY, 0 },
  { S, "DIR_CD", "dir-cd", ANY, 0 },
  { S, "PHONES_MIX", "phones-mix", ANY, 64 },
  { S, "MAIN_TO_CUE", "main-to-cue", ANY, 0 },
  { S, "MASTER_TRACK", "master-track", ANY, 0 },
  { S, "CUE_STUDIO_MODE", "cue-studio-mode", 0, 1, 0 },
  { S, "MAIN_LEVEL", "main-level", ANY, 64 },
  { S, "CUE_LEVEL", "cue-level", ANY, 64 },
  { S, "METRONOME_TIME_SIGNATURE", "metronome-time-signature", ANY, 3 },
  { S, "METRONOME_TIME_SIGNATURE_DENOMINATOR", "metronome-time-signature-denominator", ANY, 2 },
  { S, "METRONOME_PREROLL", "metronome-preroll", ANY, 0 },
  { S, "METRONOME_CUE_VOLUME", "metronome-cue-volume", ANY, 32 },
  { S, "METRONOME_MAIN_VOLUME", "metronome-main-volume", ANY, 0 },
  { S, "METRONOME_PITCH", "metronome-pitch", ANY, 12 },
  { S, "METRONOME_TONAL", "metronome-tonal", 0, 1, 1 },
  { S, "METRONOME_ENABLED", "metronome-enabled", 0, 1, 0 },
  { T, "BANK", "bank", 0, 15, 0 },
  { T, "PATTERN", "pattern", 0, 15, 0 },
  { T, "ARRANGEMENT", "arrangement", 0, 7, 0 },
  { T, "ARRANGEMENT_MODE", "arrangement-mode", ANY, 0 },
  { T, "PART", "part", 0, 3, 0 },
  { T, "TRACK", "track", ANY, 0 },
  { T, "TRACK_OTHERMODE", "track-othermode", ANY, 0 },
  { T, "SCENE_A_MUTE", "scene-a-mute", 0, 1, 0 },
  { T, "SCENE_B_MUTE", "scene-b-mute", 0, 1, 0 },
  { T, "TRACK_CUE_MASK", "track-cue-mask", 0, 255, 0 },
  { T, "TRACK_MUTE_MASK", "track-mute-mask", 0, 255, 0 },
  { T, "TRACK_SOLO_MASK", "track-solo-mask", 0, 255, 0 },
  { T, "MIDI_TRACK_MUTE_MASK", "midi-track-mute-mask", ANY, 0 },
  { T, "MIDI_TRACK_SOLO_MASK", "midi-track-solo-mask", ANY, 0 },
  { T, "MIDI_MODE", "midi-mode", ANY, 0 },
};

#undef ANY
#undef S
#undef T

#define TEMPO_KEY 1

static OctaProjectFile *
text (OctaProjectSettings *self)
{
  return _octa_project_get_project_file (self->project, OCTA_STATE_WORK);
}

static gint
get_key (gpointer self,
         guint    index)
{
  return octa_project_file_get_int (text (self), keys[index].section, keys[index].key, 0);
}

typedef struct
{
  const char *section;
  const char *key;
  guint       nth;
  gint        value;
} KeyEdit;

static gboolean
edit_key (OctaProjectFile  *file,
          gpointer          user_data,
          GError          **error)
{
  KeyEdit *edit = user_data;

  return octa_project_file_set_int (file, edit->section, edit->key, edit->nth, edit->value, error);
}

static void
write_key (OctaProjectSettings *self,
           const char          *section,
           const char          *key,
           guint                nth,
           gint                 value)
{
  g_autoptr(GError) error = NULL;
  KeyEdit edit = { section, key, nth, value };

  if (!_octa_project_edit_text (self->project, OCTA_STATE_WORK, NULL, edit_key, &edit, &error))
    g_warning ("%s", error->message);
}

static void
set_key (gpointer self,
         guint    index,
         gint     value)
{
  write_key (self, keys[index].section, keys[index].key, 0, value);
}

static char *
dup_meta (OctaProjectSettings *self,
          const char          *key)
{
  char *value = octa_project_file_dup_string (text (self), OCTA_SECTION_META, key);

  return value != NULL ? value : g_strdup ("");
}

static gint
read_trig_mode (OctaProjectSettings *self,
                guint                track)
{
  return octa_project_file_get_int (text (self), OCTA_SECTION_SETTINGS, "TRIG_MODE_MIDI", track);
}

static void
update_string (OctaProjectSettings  *self,
               char                **slot,
               char                 *value,
               guint                 prop_id)
{
  if (g_strcmp0 (*slot, value) == 0)
    {
      g_free (value);
      return;
    }
  g_free (*slot);
  *slot = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
octa_project_settings_refresh (GObject *object)
{
  OctaProjectSettings *self = OCTA_PROJECT_SETTINGS (object);
  gint changed[OCTA_PROJECT_N_TRIG_MODE_MIDI];
  guint n_changed = 0;

  g_object_freeze_notify (object);
  octa_field_table_refresh (&fields, self, self->cache);
  update_string (self, &self->os_version, dup_meta (self, "OS_VERSION"), PROP_OS_VERSION);
  update_string (self, &self->version, dup_meta (self, "VERSION"), PROP_VERSION);
  for (guint i = 0; i < OCTA_PROJECT_N_TRIG_MODE_MIDI; i++)
    {
      gint now = read_trig_mode (self, i);

      if (now != self->trig_modes[i])
        {
          self->trig_modes[i] = now;
          changed[n_changed++] = i;
        }
    }
  g_object_thaw_notify (object);

  for (guint i = 0; i < n_changed; i++)
    g_signal_emit (self, signals[TRIG_MODE_MIDI_CHANGED], 0, (guint) changed[i]);
}

static void
octa_project_settings_finalize (GObject *object)
{
  OctaProjectSettings *self = OCTA_PROJECT_SETTINGS (object);
  SettingsCache *cache = g_object_get_data (G_OBJECT (self->project), SETTINGS_CACHE_KEY);

  _octa_project_unwatch (self->project, object);
  if (cache != NULL)
    cache->settings = NULL;
  g_clear_object (&self->project);
  g_clear_pointer (&self->cache, g_free);
  g_clear_pointer (&self->os_version, g_free);
  g_clear_pointer (&self->version, g_free);

  G_OBJECT_CLASS (octa_project_settings_parent_class)->finalize (object);
}

static void
octa_project_settings_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  OctaProjectSettings *self = OCTA_PROJECT_SETTINGS (object);

  if (octa_field_table_get (&fields, self, prop_id, value))
    return;

  switch (prop_id)
    {
    case PROP_OS_VERSION:
      g_value_set_string (value, self->os_version);
      break;
    case PROP_VERSION:
      g_value_set_string (value, self->version);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
octa_project_settings_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  OctaProjectSettings *self = OCTA_PROJECT_SETTINGS (object);

  if (!octa_field_table_set (&fields, self, self->project, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
octa_project_settings_class_init (OctaProjectSettingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  guint n_keys = G_N_ELEMENTS (keys);
  OctaField *defs = g_new0 (OctaField, n_keys + 1);

  object_class->finalize = octa_project_settings_finalize;
  object_class->get_property = octa_project_settings_get_property;
  object_class->set_property = octa_project_settings_set_property;

  /**
   * OctaProjectSettings:os-version:
   *
   * The OS that wrote the project (`OS_VERSION` in `[META]`, such as
   * "R0177     1.40B").
   */
  properties[PROP_OS_VERSION] =
    g_param_spec_string ("os-version", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * OctaProjectSettings:version:
   *
   * The file format generation (`VERSION` in `[META]`, "19" for OS 1.40).
   */
  properties[PROP_VERSION] =
    g_param_spec_string ("version", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_FIXED_PROPS, properties);

  /* The table lives as long as the class: for ever. */
  for (guint i = 0; i < n_keys; i++)
    {
      OctaField *f = &defs[i];

      f->name = keys[i].name;
      f->type = OCTA_FIELD_INT;
      f->minimum = keys[i].minimum;
      f->maximum = keys[i].maximum;
      f->default_value = keys[i].default_value;
      f->get = get_key;
      f->set = set_key;
      f->arg = i;
      f->scale = 1;
      f->label = "Change project setting";
    }
  /**
   * OctaProjectSettings:tempo:
   *
   * The project tempo in BPM (30…300 in steps of 1/24): `TEMPOx24` / 24.
   */
  defs[n_keys] = (OctaField) { "tempo", OCTA_FIELD_DOUBLE, 720, 7200, 2880, NULL, get_key,
                               set_key, TEMPO_KEY, 24, "Change tempo" };
  octa_field_table_install (&fields, object_class, N_FIXED_PROPS, defs, n_keys + 1);

  /**
   * OctaProjectSettings::trig-mode-midi-changed:
   * @self: the settings
   * @track: 0…7 for M1…M8
   *
   * Emitted when the `TRIG_MODE_MIDI` value of a MIDI track changed.
   */
  signals[TRIG_MODE_MIDI_CHANGED] =
    g_signal_new ("trig-mode-midi-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
octa_project_settings_init (OctaProjectSettings *self)
{
}

/**
 * octa_project_get_settings:
 * @project: a project
 *
 * Returns: (transfer full): the project's settings
 */
OctaProjectSettings *
octa_project_get_settings (OctaProject *project)
{
  SettingsCache *cache;
  OctaProjectSettings *self;

  g_return_val_if_fail (OCTA_IS_PROJECT (project), NULL);

  cache = g_object_get_data (G_OBJECT (project), SETTINGS_CACHE_KEY);
  if (cache == NULL)
    {
      cache = g_new0 (SettingsCache, 1);
      g_object_set_data_full (G_OBJECT (project), SETTINGS_CACHE_KEY, cache, g_free);
    }
  if (cache->settings != NULL)
    return g_object_ref (cache->settings);

  self = g_object_new (OCTA_TYPE_PROJECT_SETTINGS, NULL);
  self->project = g_object_ref (project);
  self->cache = octa_field_table_snapshot (&fields, self);
  self->os_version = dup_meta (self, "OS_VERSION");
  self->version = dup_meta (self, "VERSION");
  for (guint i = 0; i < OCTA_PROJECT_N_TRIG_MODE_MIDI; i++)
    self->trig_modes[i] = read_trig_mode (self, i);
  _octa_project_watch (project, octa_file_id_project (OCTA_STATE_WORK), 0, G_MAXSIZE,
                       G_OBJECT (self), octa_project_settings_refresh);
  cache->settings = self;
  return self;
}

/**
 * octa_project_settings_get_project:
 * @self: settings
 *
 * Returns: (transfer none): the project
 */
OctaProject *
octa_project_settings_get_project (OctaProjectSettings *self)
{
  g_return_val_if_fail (OCTA_IS_PROJECT_SETTINGS (self), NULL);
  return self->project;
}

double
octa_project_settings_get_tempo (OctaProjectSettings *self)
{
  g_return_val_if_fail (OCTA_IS_PROJECT_SETTINGS (self), 120.0);
  return get_key (self, TEMPO_KEY) / 24.0;
}

/**
 * octa_project_settings_set_tempo:
 * @self: settings
 * @bpm: 30…300; stored to the nearest 1/24 BPM
 */
void
octa_project_settings_set_tempo (OctaProjectSettings *self,
                                 double               bpm)
{
  g_return_if_fail (OCTA_IS_PROJECT_SETTINGS (self));
  g_object_set (self, "tempo", bpm, NULL);
}

/**
 * octa_project_settings_get_trig_mode_midi:
 * @self: settings
 * @track: 0…7 for M1…M8
 *
 * Returns: the MIDI track's `TRIG_MODE_MIDI` value (0 by default)
 */
gint
octa_project_settings_get_trig_mode_midi (OctaProjectSettings *self,
                                          guint                track)
{
  g_return_val_if_fail (OCTA_IS_PROJECT_SETTINGS (self), 0);
  g_return_val_if_fail (track < OCTA_PROJECT_N_TRIG_MODE_MIDI, 0);
  return read_trig_mode (self, track);
}

/**
 * octa_project_settings_set_trig_mode_midi:
 * @self: settings
 * @track: 0…7 for M1…M8
 * @mode: the value to store
 *
 * Sets the @track-th `TRIG_MODE_MIDI` line, in one undo step (the key is
 * written once per MIDI track, in track order).
 */
void
octa_project_settings_set_trig_mode_midi (OctaProjectSettings *self,
                                          guint                track,
                                          gint                 mode)
{
  g_return_if_fail (OCTA_IS_PROJECT_SETTINGS (self));
  g_return_if_fail (track < OCTA_PROJECT_N_TRIG_MODE_MIDI);

  if (read_trig_mode (self, track) == mode)
    return;
  octa_project_begin_change (self->project, "Change MIDI trig mode");
  write_key (self, OCTA_SECTION_SETTINGS, "TRIG_MODE_MIDI", track, mode);
  octa_project_end_change (self->project);
}

/**
 * octa_project_settings_dup_os_version:
 * @self: settings
 *
 * Returns: (transfer full): `OS_VERSION` from `[META]`, or ""
 */
char *
octa_project_settings_dup_os_version (OctaProjectSettings *self)
{
  g_return_val_if_fail (OCTA_IS_PROJECT_SETTINGS (self), NULL);
  return g_strdup (self->os_version);
}

/**
 * octa_project_settings_dup_version:
 * @self: settings
 *
 * Returns: (transfer full): `VERSION` from `[META]`, or ""
 */
char *
octa_project_settings_dup_version (OctaProjectSettings *self)
{
  g_return_val_if_fail (OCTA_IS_PROJECT_SETTINGS (self), NULL);
  return g_strdup (self->version);
}

/**
 * octa_project_settings_get_key:
 * @self: settings
 * @property: a property name, such as "tempo-x24"
 *
 * Returns: (nullable): the `project.work` key the property stands for
 *   ("TEMPOx24"), or %NULL when it stands for none
 */
const char *
octa_project_settings_get_key (OctaProjectSettings *self,
                               const char          *property)
{
  g_return_val_if_fail (OCTA_IS_PROJECT_SETTINGS (self), NULL);
  g_return_val_if_fail (property != NULL, NULL);

  if (g_str_equal (property, "tempo"))
    return keys[TEMPO_KEY].key;
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (g_str_equal (property, keys[i].name))
      return keys[i].key;
  return NULL;
}
