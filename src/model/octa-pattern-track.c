/* SPDX-License-Identifier: MIT */
#include "octa-pattern-track-private.h"

#include <string.h>

#include "octa-lazy-list-private.h"
#include "octa-model-enum-types.h"
#include "octa-step-private.h"

/**
 * OctaPatternTrack:
 *
 * One track of a pattern: its 64 steps and its per-track settings. The
 * concrete classes are #OctaAudioPatternTrack (T1…T8) and
 * #OctaMidiPatternTrack (M1…M8).
 */
typedef struct
{
  OctaPattern *pattern;
  guint        index;
  gboolean     midi;
  gint        *cache;
  OctaStep    *steps[OCTA_N_STEPS];  /* not owned: cleared as they go */
} OctaPatternTrackPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (OctaPatternTrack, octa_pattern_track, G_TYPE_OBJECT)

#define PRIV(t) ((OctaPatternTrackPrivate *) octa_pattern_track_get_instance_private (OCTA_PATTERN_TRACK (t)))

enum {
  PROP_0,
  PROP_INDEX,
  PROP_MIDI,
  N_FIXED_PROPS
};

static GParamSpec *properties[N_FIXED_PROPS];
static OctaFieldTable fields;

static const OctaTrigKind trig_kinds[] = {
  [OCTA_TRIG_TYPE_TRIGGER] = OCTA_TRIG_TRIGGER,
  [OCTA_TRIG_TYPE_TRIGLESS] = OCTA_TRIG_TRIGLESS,
  [OCTA_TRIG_TYPE_LOCK] = OCTA_TRIG_LOCK,
  [OCTA_TRIG_TYPE_ONESHOT] = OCTA_TRIG_ONESHOT,
  [OCTA_TRIG_TYPE_SWING] = OCTA_TRIG_SWING,
  [OCTA_TRIG_TYPE_SLIDE] = OCTA_TRIG_SLIDE,
  [OCTA_TRIG_TYPE_RECORDER_1] = OCTA_TRIG_RECORDER_1,
  [OCTA_TRIG_TYPE_RECORDER_2] = OCTA_TRIG_RECORDER_2,
  [OCTA_TRIG_TYPE_RECORDER_3] = OCTA_TRIG_RECORDER_3,
  [OCTA_TRIG_TYPE_RECORDER_4] = OCTA_TRIG_RECORDER_4,
  [OCTA_TRIG_TYPE_MIDI_UNKNOWN] = OCTA_TRIG_MIDI_UNKNOWN,
};

OctaTrigKind
_octa_trig_type_to_kind (OctaTrigType type)
{
  g_return_val_if_fail ((guint) type < G_N_ELEMENTS (trig_kinds), OCTA_TRIG_TRIGGER);
  return trig_kinds[type];
}

static gint
get_setting (gpointer self, guint arg)
{
  OctaPatternTrackPrivate *priv = PRIV (self);

  return octa_bank_file_get_track_setting (_octa_pattern_track_get_file (self),
                                           octa_pattern_get_index (priv->pattern),
                                           priv->midi ? OCTA_TRACK_MIDI : OCTA_TRACK_AUDIO,
                                           priv->index, arg);
}

static void
set_setting (gpointer self, guint arg, gint value)
{
  OctaPatternTrackPrivate *priv = PRIV (self);

  octa_bank_file_set_track_setting (_octa_pattern_track_get_file (self),
                                    octa_pattern_get_index (priv->pattern),
                                    priv->midi ? OCTA_TRACK_MIDI : OCTA_TRACK_AUDIO,
                                    priv->index, arg, value);
}

/* Start silent is 0xFF on every device file seen; its other values are unknown. */
static const OctaField field_defs[] = {
  { "length", OCTA_FIELD_INT, 1, 64, 16, NULL, get_setting, set_setting,
    OCTA_TRACK_SETTING_LENGTH, 1, "Change track length" },
  { "scale", OCTA_FIELD_ENUM, 0, 0, OCTA_SCALE_1X, octa_scale_get_type, get_setting, set_setting,
    OCTA_TRACK_SETTING_SCALE, 1, "Change track scale" },
  { "swing-amount", OCTA_FIELD_INT, 0, 30, 0, NULL, get_setting, set_setting,
    OCTA_TRACK_SETTING_SWING_AMOUNT, 1, "Change swing amount" },
  { "start-silent", OCTA_FIELD_INT, 0, 255, 255, NULL, get_setting, set_setting,
    OCTA_TRACK_SETTING_START_SILENT, 1, "Change start silent" },
  { "plays-free", OCTA_FIELD_BOOLEAN, 0, 1, 0, NULL, get_setting, set_setting,
    OCTA_TRACK_SETTING_PLAYS_FREE, 1, "Change plays free" },
  { "trig-mode", OCTA_FIELD_ENUM, 0, 0, OCTA_TRIG_MODE_ONE, octa_trig_mode_get_type,
    get_setting, set_setting, OCTA_TRACK_SETTING_TRIG_MODE, 1, "Change trig mode" },
  { "trig-quantization", OCTA_FIELD_ENUM, 0, 0, OCTA_TRIG_QUANTIZATION_PATTERN_LENGTH,
    octa_trig_quantization_get_type, get_setting, set_setting,
    OCTA_TRACK_SETTING_TRIG_QUANTIZATION, 1, "Change trig quantization" },
  { "oneshot", OCTA_FIELD_BOOLEAN, 0, 1, 0, NULL, get_setting, set_setting,
    OCTA_TRACK_SETTING_ONESHOT, 1, "Change one-shot track" },
};

static void
octa_pattern_track_refresh (GObject *object)
{
  octa_field_table_refresh (&fields, object, PRIV (object)->cache);
}

static void
octa_pattern_track_finalize (GObject *object)
{
  OctaPatternTrackPrivate *priv = PRIV (object);

  _octa_project_unwatch (_octa_pattern_get_project (priv->pattern), object);
  _octa_pattern_forget_track (priv->pattern, priv->midi, priv->index);
  g_clear_object (&priv->pattern);
  g_clear_pointer (&priv->cache, g_free);

  G_OBJECT_CLASS (octa_pattern_track_parent_class)->finalize (object);
}

static void
octa_pattern_track_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  OctaPatternTrackPrivate *priv = PRIV (object);

  if (octa_field_table_get (&fields, object, prop_id, value))
    return;

  switch (prop_id)
    {
    case PROP_INDEX:
      g_value_set_uint (value, priv->index);
      break;
    case PROP_MIDI:
      g_value_set_boolean (value, priv->midi);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
octa_pattern_track_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  if (!octa_field_table_set (&fields, object, _octa_pattern_track_get_project (OCTA_PATTERN_TRACK (object)),
                             prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
octa_pattern_track_class_init (OctaPatternTrackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = octa_pattern_track_finalize;
  object_class->get_property = octa_pattern_track_get_property;
  object_class->set_property = octa_pattern_track_set_property;

  /**
   * OctaPatternTrack:index:
   *
   * 0…7 for T1…T8 or M1…M8.
   */
  properties[PROP_INDEX] =
    g_param_spec_uint ("index", NULL, NULL, 0, OCTA_N_TRACKS - 1, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * OctaPatternTrack:midi:
   *
   * Whether this is a MIDI track.
   */
  properties[PROP_MIDI] =
    g_param_spec_boolean ("midi", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_FIXED_PROPS, properties);

  /**
   * OctaPatternTrack:length:
   *
   * The track's length in steps in PER TRACK scale mode.
   */
  /**
   * OctaPatternTrack:swing-amount:
   *
   * Swing amount, 0…30 for 50…80 %.
   */
  octa_field_table_install (&fields, object_class, N_FIXED_PROPS, field_defs,
                            G_N_ELEMENTS (field_defs));
}

static void
octa_pattern_track_init (OctaPatternTrack *self)
{
}

OctaPatternTrack *
_octa_pattern_track_new (OctaPattern *pattern,
                         gboolean     midi,
                         guint        index)
{
  OctaPatternTrack *self = g_object_new (midi ? OCTA_TYPE_MIDI_PATTERN_TRACK
                                              : OCTA_TYPE_AUDIO_PATTERN_TRACK, NULL);
  OctaPatternTrackPrivate *priv = PRIV (self);
  gsize start;

  priv->pattern = g_object_ref (pattern);
  priv->midi = midi;
  priv->index = index;
  priv->cache = octa_field_table_snapshot (&fields, self);

  start = octa_bank_track_offset (octa_pattern_get_index (pattern),
                                  midi ? OCTA_TRACK_MIDI : OCTA_TRACK_AUDIO, index);
  _octa_project_watch (_octa_pattern_get_project (pattern), _octa_pattern_track_get_file_id (self),
                       start + (midi ? 49 : 89), start + (midi ? 57 : 98),
                       G_OBJECT (self), octa_pattern_track_refresh);
  return self;
}

OctaBankFile *
_octa_pattern_track_get_file (OctaPatternTrack *self)
{
  return _octa_pattern_get_file (PRIV (self)->pattern);
}

OctaProject *
_octa_pattern_track_get_project (OctaPatternTrack *self)
{
  return _octa_pattern_get_project (PRIV (self)->pattern);
}

guint
_octa_pattern_track_get_file_id (OctaPatternTrack *self)
{
  return _octa_bank_get_file_id (octa_pattern_get_bank (PRIV (self)->pattern));
}

guint
_octa_pattern_track_get_pattern_index (OctaPatternTrack *self)
{
  return octa_pattern_get_index (PRIV (self)->pattern);
}

OctaTrackType
_octa_pattern_track_get_type (OctaPatternTrack *self)
{
  return PRIV (self)->midi ? OCTA_TRACK_MIDI : OCTA_TRACK_AUDIO;
}

void
_octa_pattern_track_forget_step (OctaPatternTrack *self,
                                 guint             index)
{
  PRIV (self)->steps[index] = NULL;
}

/**
 * octa_pattern_track_get_pattern:
 * @self: a track
 *
 * Returns: (transfer none): the pattern holding the track
 */
OctaPattern *
octa_pattern_track_get_pattern (OctaPatternTrack *self)
{
  g_return_val_if_fail (OCTA_IS_PATTERN_TRACK (self), NULL);
  return PRIV (self)->pattern;
}

guint
octa_pattern_track_get_index (OctaPatternTrack *self)
{
  g_return_val_if_fail (OCTA_IS_PATTERN_TRACK (self), 0);
  return PRIV (self)->index;
}

gboolean
octa_pattern_track_is_midi (OctaPatternTrack *self)
{
  g_return_val_if_fail (OCTA_IS_PATTERN_TRACK (self), FALSE);
  return PRIV (self)->midi;
}

/**
 * octa_pattern_track_dup_label:
 * @self: a track
 *
 * Returns: (transfer full): "T1" … "T8" or "M1" … "M8"
 */
char *
octa_pattern_track_dup_label (OctaPatternTrack *self)
{
  g_return_val_if_fail (OCTA_IS_PATTERN_TRACK (self), NULL);
  return g_strdup_printf ("%c%u", PRIV (self)->midi ? 'M' : 'T', PRIV (self)->index + 1);
}

static gpointer
get_step_item (GObject *owner,
               guint    index)
{
  return octa_pattern_track_get_step (OCTA_PATTERN_TRACK (owner), index);
}

/**
 * octa_pattern_track_list_steps:
 * @self: a track
 *
 * Returns: (transfer full): the 64 steps as a #GListModel of #OctaStep
 */
GListModel *
octa_pattern_track_list_steps (OctaPatternTrack *self)
{
  g_return_val_if_fail (OCTA_IS_PATTERN_TRACK (self), NULL);
  return _octa_lazy_list_new (G_OBJECT (self),
                              PRIV (self)->midi ? OCTA_TYPE_MIDI_STEP : OCTA_TYPE_AUDIO_STEP,
                              OCTA_N_STEPS, get_step_item);
}

/**
 * octa_pattern_track_get_step:
 * @self: a track
 * @index: 0…63 for steps 1…64
 *
 * Returns: (transfer full): the step, an #OctaAudioStep or an #OctaMidiStep
 */
OctaStep *
octa_pattern_track_get_step (OctaPatternTrack *self,
                             guint             index)
{
  OctaPatternTrackPrivate *priv;

  g_return_val_if_fail (OCTA_IS_PATTERN_TRACK (self), NULL);
  g_return_val_if_fail (index < OCTA_N_STEPS, NULL);

  priv = PRIV (self);
  if (priv->steps[index] != NULL)
    return g_object_ref (priv->steps[index]);
  priv->steps[index] = _octa_step_new (self, index);
  return priv->steps[index];
}

/**
 * octa_pattern_track_has_trig_type:
 * @self: a track
 * @type: a kind of trig
 *
 * Returns: whether this kind of track has trigs of @type (slides, one-shots
 *   and recorder trigs are for audio tracks only)
 */
gboolean
octa_pattern_track_has_trig_type (OctaPatternTrack *self,
                                  OctaTrigType      type)
{
  g_return_val_if_fail (OCTA_IS_PATTERN_TRACK (self), FALSE);
  if ((guint) type >= G_N_ELEMENTS (trig_kinds))
    return FALSE;
  return octa_trig_kind_valid_for (trig_kinds[type], _octa_pattern_track_get_type (self));
}

/**
 * octa_pattern_track_get_trig_mask:
 * @self: a track
 * @type: a kind of trig
 *
 * Returns: the steps holding a trig of @type, bit n−1 for step n
 */
guint64
octa_pattern_track_get_trig_mask (OctaPatternTrack *self,
                                  OctaTrigType      type)
{
  g_return_val_if_fail (octa_pattern_track_has_trig_type (self, type), 0);
  return octa_bank_file_get_trig_mask (_octa_pattern_track_get_file (self),
                                       _octa_pattern_track_get_pattern_index (self),
                                       _octa_pattern_track_get_type (self), PRIV (self)->index,
                                       trig_kinds[type]);
}

/**
 * octa_pattern_track_set_trig_mask:
 * @self: a track
 * @type: a kind of trig
 * @mask: the steps, bit n−1 for step n
 *
 * Sets every step's trig of @type at once, in one undo step.
 */
void
octa_pattern_track_set_trig_mask (OctaPatternTrack *self,
                                  OctaTrigType      type,
                                  guint64           mask)
{
  OctaProject *project;

  g_return_if_fail (octa_pattern_track_has_trig_type (self, type));

  if (octa_pattern_track_get_trig_mask (self, type) == mask)
    return;

  project = _octa_pattern_track_get_project (self);
  octa_project_begin_change (project, "Set trigs");
  octa_bank_file_set_trig_mask (_octa_pattern_track_get_file (self),
                                _octa_pattern_track_get_pattern_index (self),
                                _octa_pattern_track_get_type (self), PRIV (self)->index,
                                trig_kinds[type], mask);
  octa_project_end_change (project);
}

gboolean
octa_pattern_track_get_trig (OctaPatternTrack *self,
                             OctaTrigType      type,
                             guint             step)
{
  g_return_val_if_fail (step < OCTA_N_STEPS, FALSE);
  return (octa_pattern_track_get_trig_mask (self, type) >> step) & 1;
}

/**
 * octa_pattern_track_set_trig:
 * @self: a track
 * @type: a kind of trig
 * @step: 0…63
 * @on: whether the step holds that trig
 */
void
octa_pattern_track_set_trig (OctaPatternTrack *self,
                             OctaTrigType      type,
                             guint             step,
                             gboolean          on)
{
  guint64 mask;

  g_return_if_fail (step < OCTA_N_STEPS);

  mask = octa_pattern_track_get_trig_mask (self, type);
  if (on)
    mask |= G_GUINT64_CONSTANT (1) << step;
  else
    mask &= ~(G_GUINT64_CONSTANT (1) << step);
  octa_pattern_track_set_trig_mask (self, type, mask);
}

/**
 * octa_pattern_track_clear:
 * @self: a track
 *
 * Removes the track's trigs (but its swing trigs), locks, conditions,
 * micro-timings and repeats, in one undo step.
 */
void
octa_pattern_track_clear (OctaPatternTrack *self)
{
  OctaProject *project;
  OctaBankFile *file;
  guint pattern;
  OctaTrackType type;
  guint index;

  g_return_if_fail (OCTA_IS_PATTERN_TRACK (self));

  project = _octa_pattern_track_get_project (self);
  file = _octa_pattern_track_get_file (self);
  pattern = _octa_pattern_track_get_pattern_index (self);
  type = _octa_pattern_track_get_type (self);
  index = PRIV (self)->index;

  octa_project_begin_change (project, "Clear track");
  for (guint k = 0; k < OCTA_N_TRIG_KINDS; k++)
    if (k != OCTA_TRIG_SWING && octa_trig_kind_valid_for (k, type))
      octa_bank_file_set_trig_mask (file, pattern, type, index, k, 0);
  for (guint s = 0; s < OCTA_N_STEPS; s++)
    {
      for (guint p = 0; p < OCTA_N_PLOCK_PARAMS; p++)
        octa_bank_file_set_plock (file, pattern, type, index, s, p, OCTA_PLOCK_NONE);
      octa_bank_file_set_repeats (file, pattern, type, index, s, 0);
      octa_bank_file_set_micro_timing (file, pattern, type, index, s, 0);
      octa_bank_file_set_condition (file, pattern, type, index, s, 0);
    }
  octa_project_end_change (project);
}

/**
 * octa_pattern_track_get_step_summary:
 * @self: a track
 * @step: 0…63
 * @n_plocks: (out) (optional): how many parameters the step locks, the
 *   sample lock aside
 * @sample_lock: (out) (optional): the locked slot as the device numbers it,
 *   0 for none (always 0 on MIDI tracks)
 * @condition: (out) (optional): the trig condition
 * @micro_timing: (out) (optional): micro-timing in 1/384 step
 * @repeats: (out) (optional): trig repeats, 1…8
 *
 * Everything a step grid draws for a step besides its trigs, read straight
 * from the bank: drawing a pattern needs no step objects at all.
 */
void
octa_pattern_track_get_step_summary (OctaPatternTrack  *self,
                                     guint              step,
                                     guint             *n_plocks,
                                     guint             *sample_lock,
                                     OctaTrigCondition *condition,
                                     gint              *micro_timing,
                                     guint             *repeats)
{
  OctaBankFile *file;
  OctaTrackType type;
  guint pattern, index, locks = 0, slot = 0;

  g_return_if_fail (OCTA_IS_PATTERN_TRACK (self));
  g_return_if_fail (step < OCTA_N_STEPS);

  file = _octa_pattern_track_get_file (self);
  type = _octa_pattern_track_get_type (self);
  pattern = _octa_pattern_track_get_pattern_index (self);
  index = PRIV (self)->index;

  if (n_plocks != NULL || sample_lock != NULL)
    {
      for (guint p = 0; p < OCTA_N_PLOCK_PARAMS; p++)
        {
          guint8 raw = octa_bank_file_get_plock (file, pattern, type, index, step, p);

          if (raw == OCTA_PLOCK_NONE)
            continue;
          if (type == OCTA_TRACK_AUDIO && p == OCTA_AUDIO_PLOCK_SAMPLE_LOCK)
            slot = raw + 1;
          else
            locks++;
        }
    }

  if (n_plocks != NULL)
    *n_plocks = locks;
  if (sample_lock != NULL)
    *sample_lock = slot;
  if (condition != NULL)
    *condition = octa_bank_file_get_condition (file, pattern, type, index, step);
  if (micro_timing != NULL)
    *micro_timing = octa_bank_file_get_micro_timing (file, pattern, type, index, step);
  if (repeats != NULL)
    *repeats = octa_bank_file_get_repeats (file, pattern, type, index, step) + 1;
}

static guint64
read_be64 (const guint8 *p)
{
  guint64 v = 0;

  for (guint i = 0; i < 8; i++)
    v = (v << 8) | p[i];
  return v;
}

/* Large enough for an audio track block up to its last timing pair. */
#define TRACK_BYTES_MAX 2400

/**
 * octa_pattern_track_get_unsaved_steps:
 * @self: a track
 *
 * Which steps hold edits that are in memory but not yet on disk: a step
 * counts when any of its bytes — its bit in every trig mask, its p-lock
 * record, its repeats, micro-timing and condition — differs from the file
 * as last loaded or saved. A project never saved compares with itself as
 * made. Cheap: a track no edit reached since the save costs no compare.
 *
 * Returns: bit n−1 set when step n differs from the disk
 */
guint64
octa_pattern_track_get_unsaved_steps (OctaPatternTrack *self)
{
  OctaProject *project;
  OctaTrackType type;
  const OctaImage *image;
  guint8 disk[TRACK_BYTES_MAX];
  const guint8 *now;
  guint pattern, track, file_id;
  gsize base, len, plocks, timing;
  guint64 unsaved = 0;

  g_return_val_if_fail (OCTA_IS_PATTERN_TRACK (self), 0);

  project = _octa_pattern_track_get_project (self);
  file_id = _octa_pattern_track_get_file_id (self);
  if (_octa_project_get_disk_unknown (project, file_id))
    return G_MAXUINT64;

  type = _octa_pattern_track_get_type (self);
  pattern = _octa_pattern_track_get_pattern_index (self);
  track = PRIV (self)->index;
  base = octa_bank_track_offset (pattern, type, track);
  plocks = octa_bank_plock_offset (pattern, type, track, 0, 0) - base;
  timing = octa_bank_step_timing_offset (pattern, type, track, 0) - base;
  len = timing + 2 * OCTA_N_STEPS;
  g_assert (len <= sizeof disk);
  if (!_octa_project_get_disk_bytes (project, file_id, base, len, disk))
    return 0;

  image = octa_bank_file_get_image (_octa_pattern_track_get_file (self));
  now = image->data + base;
  if (memcmp (now, disk, len) == 0)
    return 0;

  for (OctaTrigKind k = 0; k < OCTA_N_TRIG_KINDS; k++)
    if (octa_trig_kind_valid_for (k, type))
      {
        gsize m = octa_bank_trig_mask_offset (pattern, type, track, k) - base;

        unsaved |= read_be64 (now + m) ^ read_be64 (disk + m);
      }

  for (guint s = 0; s < OCTA_N_STEPS; s++)
    {
      gsize lock = plocks + (gsize) OCTA_N_PLOCK_PARAMS * s;
      gsize pair = timing + 2 * (gsize) s;
      /* audio tracks keep one more byte per step between the p-locks and
       * the timing pairs (spec: unknown) */
      gboolean extra = type == OCTA_TRACK_AUDIO
                       && now[plocks + OCTA_N_PLOCK_PARAMS * OCTA_N_STEPS + s]
                          != disk[plocks + OCTA_N_PLOCK_PARAMS * OCTA_N_STEPS + s];

      if (extra
          || memcmp (now + lock, disk + lock, OCTA_N_PLOCK_PARAMS) != 0
          || memcmp (now + pair, disk + pair, 2) != 0)
        unsaved |= G_GUINT64_CONSTANT (1) << s;
    }
  return unsaved;
}
