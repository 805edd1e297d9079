/* SPDX-License-Identifier: MIT */
#include "octa-pattern-private.h"

#include "octa-field-private.h"
#include "octa-lazy-list-private.h"
#include "octa-model-enum-types.h"
#include "octa-pattern-track-private.h"

/**
 * OctaPattern:
 *
 * A pattern: 8 audio and 8 MIDI tracks of 64 steps, and its settings
 * (length, scale, part, tempo).
 */
struct _OctaPattern
{
  GObject                parent_instance;

  OctaBank              *bank;
  guint                  index;
  gint                  *cache;
  gboolean               has_trigs;
  OctaAudioPatternTrack *audio[OCTA_N_TRACKS];  /* not owned: cleared as they go */
  OctaMidiPatternTrack  *midi[OCTA_N_TRACKS];
};

G_DEFINE_FINAL_TYPE (OctaPattern, octa_pattern, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_INDEX,
  PROP_HAS_TRIGS,
  N_FIXED_PROPS
};

typedef enum
{
  FIELD_PART,
  FIELD_LENGTH,
  FIELD_SCALE,
  FIELD_SCALE_MODE,
  FIELD_PER_TRACK_LENGTH,
  FIELD_PER_TRACK_SCALE,
  FIELD_CHAIN_SETTING,
  FIELD_TEMPO,
  FIELD_TAIL_BYTE_8,
  FIELD_TAIL_BYTE_9,
} FieldId;

static GParamSpec *properties[N_FIXED_PROPS];
static OctaFieldTable fields;

#define FILE(p) (_octa_pattern_get_file (OCTA_PATTERN (p)))
#define INDEX(p) (OCTA_PATTERN (p)->index)

static gint
get_part (gpointer self, guint arg)
{
  return octa_bank_file_get_pattern_part (FILE (self), INDEX (self)) + 1;
}

static void
set_part (gpointer self, guint arg, gint value)
{
  octa_bank_file_set_pattern_part (FILE (self), INDEX (self), value - 1);
}

static gint
get_length (gpointer self, guint arg)
{
  return octa_bank_file_get_pattern_length (FILE (self), INDEX (self));
}

static void
set_length (gpointer self, guint arg, gint value)
{
  octa_bank_file_set_pattern_length (FILE (self), INDEX (self), value);
}

static gint
get_scale (gpointer self, guint arg)
{
  return octa_bank_file_get_pattern_scale (FILE (self), INDEX (self));
}

static void
set_scale (gpointer self, guint arg, gint value)
{
  octa_bank_file_set_pattern_scale (FILE (self), INDEX (self), value);
}

static gint
get_scale_mode (gpointer self, guint arg)
{
  return octa_bank_file_get_pattern_scale_mode (FILE (self), INDEX (self));
}

static void
set_scale_mode (gpointer self, guint arg, gint value)
{
  octa_bank_file_set_pattern_scale_mode (FILE (self), INDEX (self), value);
}

static gint
get_per_track_length (gpointer self, guint arg)
{
  return octa_bank_file_get_pattern_per_track_length (FILE (self), INDEX (self));
}

static void
set_per_track_length (gpointer self, guint arg, gint value)
{
  octa_bank_file_set_pattern_per_track_length (FILE (self), INDEX (self), value);
}

static gint
get_per_track_scale (gpointer self, guint arg)
{
  return octa_bank_file_get_pattern_per_track_scale (FILE (self), INDEX (self));
}

static void
set_per_track_scale (gpointer self, guint arg, gint value)
{
  octa_bank_file_set_pattern_per_track_scale (FILE (self), INDEX (self), value);
}

static gint
get_chain_setting (gpointer self, guint arg)
{
  return octa_bank_file_get_pattern_chain_setting (FILE (self), INDEX (self));
}

static void
set_chain_setting (gpointer self, guint arg, gint value)
{
  octa_bank_file_set_pattern_chain_setting (FILE (self), INDEX (self), value);
}

static gint
get_tempo (gpointer self, guint arg)
{
  return octa_bank_file_get_pattern_tempo_x24 (FILE (self), INDEX (self));
}

static void
set_tempo (gpointer self, guint arg, gint value)
{
  octa_bank_file_set_pattern_tempo_x24 (FILE (self), INDEX (self), value);
}

static gint
get_tail_byte (gpointer self, guint arg)
{
  return octa_bank_file_get_pattern_tail_unknown (FILE (self), INDEX (self), arg);
}

static void
set_tail_byte (gpointer self, guint arg, gint value)
{
  octa_bank_file_set_pattern_tail_unknown (FILE (self), INDEX (self), arg, value);
}

/*
 * Ranges: the part is 1…4 as the device shows it; lengths are steps; the
 * PER TRACK master length is a u16 where 65535 means INF; tempo is the
 * pattern tempo used when the project enables pattern tempos (30…300 BPM).
 */
static const OctaField field_defs[] = {
  [FIELD_PART] = { "part", OCTA_FIELD_INT, 1, 4, 1, NULL, get_part, set_part, 0, 1, "Assign part" },
  [FIELD_LENGTH] = { "length", OCTA_FIELD_INT, 1, 64, 16, NULL, get_length, set_length, 0, 1,
                     "Change pattern length" },
  [FIELD_SCALE] = { "scale", OCTA_FIELD_ENUM, 0, 0, OCTA_SCALE_1X, octa_scale_get_type,
                    get_scale, set_scale, 0, 1, "Change pattern scale" },
  [FIELD_SCALE_MODE] = { "scale-mode", OCTA_FIELD_ENUM, 0, 0, OCTA_SCALE_MODE_NORMAL,
                         octa_scale_mode_get_type, get_scale_mode, set_scale_mode, 0, 1,
                         "Change scale mode" },
  [FIELD_PER_TRACK_LENGTH] = { "per-track-master-length", OCTA_FIELD_INT, 1, 65535, 16, NULL,
                               get_per_track_length, set_per_track_length, 0, 1,
                               "Change master length" },
  [FIELD_PER_TRACK_SCALE] = { "per-track-master-scale", OCTA_FIELD_ENUM, 0, 0, OCTA_SCALE_1X,
                              octa_scale_get_type, get_per_track_scale, set_per_track_scale, 0, 1,
                              "Change master scale" },
  [FIELD_CHAIN_SETTING] = { "chain-setting", OCTA_FIELD_INT, 0, 255, 0, NULL,
                            get_chain_setting, set_chain_setting, 0, 1, NULL },
  [FIELD_TEMPO] = { "tempo", OCTA_FIELD_DOUBLE, 720, 7200, 2880, NULL, get_tempo, set_tempo, 0, 24,
                    "Change pattern tempo" },
  [FIELD_TAIL_BYTE_8] = { "tail-byte-8", OCTA_FIELD_INT, 0, 255, 0, NULL,
                          get_tail_byte, set_tail_byte, 0, 1, NULL },
  [FIELD_TAIL_BYTE_9] = { "tail-byte-9", OCTA_FIELD_INT, 0, 255, 0, NULL,
                          get_tail_byte, set_tail_byte, 1, 1, NULL },
};

static void
octa_pattern_refresh (GObject *object)
{
  OctaPattern *self = OCTA_PATTERN (object);
  gboolean has_trigs = octa_bank_file_pattern_has_trigs (FILE (self), self->index);

  octa_field_table_refresh (&fields, self, self->cache);
  if (has_trigs != self->has_trigs)
    {
      self->has_trigs = has_trigs;
      g_object_notify_by_pspec (object, properties[PROP_HAS_TRIGS]);
    }
}

static void
octa_pattern_finalize (GObject *object)
{
  OctaPattern *self = OCTA_PATTERN (object);

  _octa_project_unwatch (octa_bank_get_project (self->bank), object);
  _octa_bank_forget_pattern (self->bank, self->index);
  g_clear_object (&self->bank);
  g_clear_pointer (&self->cache, g_free);

  G_OBJECT_CLASS (octa_pattern_parent_class)->finalize (object);
}

static void
octa_pattern_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  OctaPattern *self = OCTA_PATTERN (object);

  if (octa_field_table_get (&fields, self, prop_id, value))
    return;

  switch (prop_id)
    {
    case PROP_INDEX:
      g_value_set_uint (value, self->index);
      break;
    case PROP_HAS_TRIGS:
      g_value_set_boolean (value, self->has_trigs);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
octa_pattern_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  OctaPattern *self = OCTA_PATTERN (object);

  if (!octa_field_table_set (&fields, self, _octa_pattern_get_project (self), prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
octa_pattern_class_init (OctaPatternClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = octa_pattern_finalize;
  object_class->get_property = octa_pattern_get_property;
  object_class->set_property = octa_pattern_set_property;

  /**
   * OctaPattern:index:
   *
   * 0…15 for patterns 1…16 of the bank.
   */
  properties[PROP_INDEX] =
    g_param_spec_uint ("index", NULL, NULL, 0, OCTA_N_PATTERNS - 1, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * OctaPattern:has-trigs:
   *
   * Whether any track holds a trig of any kind (the swing masks aside).
   */
  properties[PROP_HAS_TRIGS] =
    g_param_spec_boolean ("has-trigs", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_FIXED_PROPS, properties);

  /**
   * OctaPattern:part:
   *
   * The part (1…4) the pattern plays with.
   */
  /**
   * OctaPattern:length:
   *
   * The master length in steps (NORMAL scale mode).
   */
  /**
   * OctaPattern:tempo:
   *
   * The pattern tempo in BPM (30…300, steps of 1/24), used when the
   * project's pattern tempo is on.
   */
  octa_field_table_install (&fields, object_class, N_FIXED_PROPS, field_defs,
                            G_N_ELEMENTS (field_defs));
}

static void
octa_pattern_init (OctaPattern *self)
{
}

OctaPattern *
_octa_pattern_new (OctaBank *bank,
                   guint     index)
{
  OctaPattern *self = g_object_new (OCTA_TYPE_PATTERN, NULL);
  gsize tail = octa_bank_pattern_offset (index) + 36576;

  self->bank = g_object_ref (bank);
  self->index = index;
  self->cache = octa_field_table_snapshot (&fields, self);
  self->has_trigs = octa_bank_file_pattern_has_trigs (FILE (self), index);

  _octa_project_watch (octa_bank_get_project (bank), _octa_bank_get_file_id (bank),
                       octa_bank_pattern_offset (index), tail + 12,
                       G_OBJECT (self), octa_pattern_refresh);
  return self;
}

OctaBankFile *
_octa_pattern_get_file (OctaPattern *self)
{
  return _octa_bank_get_file (self->bank);
}

OctaProject *
_octa_pattern_get_project (OctaPattern *self)
{
  return octa_bank_get_project (self->bank);
}

/**
 * octa_pattern_get_bank:
 * @self: a pattern
 *
 * Returns: (transfer none): the bank holding the pattern
 */
OctaBank *
octa_pattern_get_bank (OctaPattern *self)
{
  g_return_val_if_fail (OCTA_IS_PATTERN (self), NULL);
  return self->bank;
}

guint
octa_pattern_get_index (OctaPattern *self)
{
  g_return_val_if_fail (OCTA_IS_PATTERN (self), 0);
  return self->index;
}

/**
 * octa_pattern_dup_label:
 * @self: a pattern
 *
 * Returns: (transfer full): the pattern as the device names it, "A01" … "P16"
 */
char *
octa_pattern_dup_label (OctaPattern *self)
{
  g_return_val_if_fail (OCTA_IS_PATTERN (self), NULL);
  return g_strdup_printf ("%s%02u", octa_bank_get_letter (self->bank), self->index + 1);
}

gboolean
octa_pattern_get_has_trigs (OctaPattern *self)
{
  g_return_val_if_fail (OCTA_IS_PATTERN (self), FALSE);
  return self->has_trigs;
}

guint
octa_pattern_get_part (OctaPattern *self)
{
  g_return_val_if_fail (OCTA_IS_PATTERN (self), 1);
  return get_part (self, 0);
}

/**
 * octa_pattern_set_part:
 * @self: a pattern
 * @part: 1…4
 *
 * Assigns a part to the pattern.
 */
void
octa_pattern_set_part (OctaPattern *self,
                       guint        part)
{
  g_return_if_fail (OCTA_IS_PATTERN (self));
  octa_field_set_int (&fields, self, _octa_pattern_get_project (self), FIELD_PART, part);
}

guint
octa_pattern_get_length (OctaPattern *self)
{
  g_return_val_if_fail (OCTA_IS_PATTERN (self), 16);
  return get_length (self, 0);
}

void
octa_pattern_set_length (OctaPattern *self,
                         guint        length)
{
  g_return_if_fail (OCTA_IS_PATTERN (self));
  octa_field_set_int (&fields, self, _octa_pattern_get_project (self), FIELD_LENGTH, length);
}

double
octa_pattern_get_tempo (OctaPattern *self)
{
  g_return_val_if_fail (OCTA_IS_PATTERN (self), 120.0);
  return get_tempo (self, 0) / 24.0;
}

void
octa_pattern_set_tempo (OctaPattern *self,
                        double       bpm)
{
  g_return_if_fail (OCTA_IS_PATTERN (self));
  g_object_set (self, "tempo", bpm, NULL);
}

static gpointer
get_audio_item (GObject *owner,
                guint    index)
{
  return octa_pattern_get_audio_track (OCTA_PATTERN (owner), index);
}

static gpointer
get_midi_item (GObject *owner,
               guint    index)
{
  return octa_pattern_get_midi_track (OCTA_PATTERN (owner), index);
}

/**
 * octa_pattern_list_audio_tracks:
 * @self: a pattern
 *
 * Returns: (transfer full): T1…T8 as a #GListModel of #OctaAudioPatternTrack
 */
GListModel *
octa_pattern_list_audio_tracks (OctaPattern *self)
{
  g_return_val_if_fail (OCTA_IS_PATTERN (self), NULL);
  return _octa_lazy_list_new (G_OBJECT (self), OCTA_TYPE_AUDIO_PATTERN_TRACK, OCTA_N_TRACKS,
                              get_audio_item);
}

/**
 * octa_pattern_list_midi_tracks:
 * @self: a pattern
 *
 * Returns: (transfer full): M1…M8 as a #GListModel of #OctaMidiPatternTrack
 */
GListModel *
octa_pattern_list_midi_tracks (OctaPattern *self)
{
  g_return_val_if_fail (OCTA_IS_PATTERN (self), NULL);
  return _octa_lazy_list_new (G_OBJECT (self), OCTA_TYPE_MIDI_PATTERN_TRACK, OCTA_N_TRACKS,
                              get_midi_item);
}

/**
 * octa_pattern_get_audio_track:
 * @self: a pattern
 * @index: 0…7 for T1…T8
 *
 * Returns: (transfer full): the track
 */
OctaAudioPatternTrack *
octa_pattern_get_audio_track (OctaPattern *self,
                              guint        index)
{
  g_return_val_if_fail (OCTA_IS_PATTERN (self), NULL);
  g_return_val_if_fail (index < OCTA_N_TRACKS, NULL);

  if (self->audio[index] != NULL)
    return g_object_ref (self->audio[index]);
  self->audio[index] = (OctaAudioPatternTrack *) _octa_pattern_track_new (self, FALSE, index);
  return self->audio[index];
}

/**
 * octa_pattern_get_midi_track:
 * @self: a pattern
 * @index: 0…7 for M1…M8
 *
 * Returns: (transfer full): the track
 */
OctaMidiPatternTrack *
octa_pattern_get_midi_track (OctaPattern *self,
                             guint        index)
{
  g_return_val_if_fail (OCTA_IS_PATTERN (self), NULL);
  g_return_val_if_fail (index < OCTA_N_TRACKS, NULL);

  if (self->midi[index] != NULL)
    return g_object_ref (self->midi[index]);
  self->midi[index] = (OctaMidiPatternTrack *) _octa_pattern_track_new (self, TRUE, index);
  return self->midi[index];
}

void
_octa_pattern_forget_track (OctaPattern *self,
                            gboolean     midi,
                            guint        index)
{
  if (midi)
    self->midi[index] = NULL;
  else
    self->audio[index] = NULL;
}

/**
 * octa_pattern_clear:
 * @self: a pattern
 *
 * Removes every trig, lock, condition, micro-timing and repeat of every
 * track, in one undo step; the pattern's and tracks' settings stay.
 */
void
octa_pattern_clear (OctaPattern *self)
{
  OctaBankFile *file;
  OctaProject *project;

  g_return_if_fail (OCTA_IS_PATTERN (self));

  file = FILE (self);
  project = _octa_pattern_get_project (self);
  octa_project_begin_change (project, "Clear pattern");
  for (guint type = OCTA_TRACK_AUDIO; type <= OCTA_TRACK_MIDI; type++)
    for (guint t = 0; t < OCTA_N_TRACKS; t++)
      {
        for (guint k = 0; k < OCTA_N_TRIG_KINDS; k++)
          if (k != OCTA_TRIG_SWING && octa_trig_kind_valid_for (k, type))
            octa_bank_file_set_trig_mask (file, self->index, type, t, k, 0);
        for (guint s = 0; s < OCTA_N_STEPS; s++)
          {
            for (guint p = 0; p < OCTA_N_PLOCK_PARAMS; p++)
              octa_bank_file_set_plock (file, self->index, type, t, s, p, OCTA_PLOCK_NONE);
            octa_bank_file_set_repeats (file, self->index, type, t, s, 0);
            octa_bank_file_set_micro_timing (file, self->index, type, t, s, 0);
            octa_bank_file_set_condition (file, self->index, type, t, s, 0);
          }
      }
  octa_project_end_change (project);
}
