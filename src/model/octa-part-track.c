/* SPDX-License-Identifier: MIT */
#include "octa-part-track-private.h"

/**
 * OctaPartTrack:
 *
 * One track of a part: how it sounds, as opposed to what it plays (that is
 * the pattern's). The concrete classes are #OctaAudioPartTrack and its
 * per-machine subclasses for T1…T8, and #OctaMidiPartTrack for M1…M8.
 *
 * Every change writes the part's unsaved copy and marks the part edited, as
 * the device does; PART ▸ SAVE (octa_part_save()) keeps it.
 *
 * Both kinds have a custom LFO design: 16 signed steps (`lfo-step-1` …
 * `lfo-step-16`, −128…127) and a 16-bit interpolation mask
 * (`lfo-interpolation`). Which bit belongs to which step is not known, so
 * the mask is the two bytes as stored, the first one in the high byte.
 */
typedef struct
{
  OctaPart       *part;
  guint           index;
  gboolean        midi;
  OctaFieldCache *cache;   /* of this class and the subclass's */
} OctaPartTrackPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (OctaPartTrack, octa_part_track, G_TYPE_OBJECT)

#define PRIV(t) \
  ((OctaPartTrackPrivate *) octa_part_track_get_instance_private (OCTA_PART_TRACK (t)))

enum {
  PROP_0,
  PROP_INDEX,
  PROP_MIDI,
  N_FIXED_PROPS
};

#define FIELD_LFO_INTERPOLATION OCTA_PART_TRACK_N_LFO_STEPS

static GParamSpec *properties[N_FIXED_PROPS];
static OctaFieldTable fields;

static guint8
read_byte (OctaPartTrack *self,
           guint          arg)
{
  OctaPartTrackPrivate *priv = PRIV (self);

  return octa_bank_file_get_part_value (_octa_part_get_file (priv->part),
                                        octa_part_get_index (priv->part), OCTA_PART_UNSAVED,
                                        arg >> 8, priv->index, arg & 0xFF);
}

static void
write_bytes (OctaPartTrack *self,
             guint          arg,
             const guint8  *values,
             guint          n_values)
{
  OctaPartTrackPrivate *priv = PRIV (self);
  OctaBankFile *file = _octa_part_get_file (priv->part);

  _octa_part_begin_edit (priv->part, NULL);
  for (guint i = 0; i < n_values; i++)
    octa_bank_file_set_part_value (file, octa_part_get_index (priv->part), OCTA_PART_UNSAVED,
                                   arg >> 8, priv->index, (arg & 0xFF) + i, values[i]);
  _octa_part_end_edit (priv->part);
}

gint
_octa_part_track_get_byte (gpointer self,
                           guint    arg)
{
  return read_byte (self, arg);
}

void
_octa_part_track_set_byte (gpointer self,
                           guint    arg,
                           gint     value)
{
  guint8 raw = value;

  write_bytes (self, arg, &raw, 1);
}

/* Channels and slots: the file counts from 0, the device from 1. */
gint
_octa_part_track_get_plus_one (gpointer self,
                               guint    arg)
{
  return read_byte (self, arg) + 1;
}

void
_octa_part_track_set_plus_one (gpointer self,
                               guint    arg,
                               gint     value)
{
  _octa_part_track_set_byte (self, arg, value - 1);
}

/* LFO steps and arpeggiator notes are two's complement bytes. */
gint
_octa_part_track_get_signed (gpointer self,
                             guint    arg)
{
  return (gint8) read_byte (self, arg);
}

void
_octa_part_track_set_signed (gpointer self,
                             guint    arg,
                             gint     value)
{
  _octa_part_track_set_byte (self, arg, (guint8) (gint8) value);
}

gint
_octa_part_track_get_u16 (gpointer self,
                          guint    arg)
{
  return (read_byte (self, arg) << 8) | read_byte (self, arg + 1);
}

void
_octa_part_track_set_u16 (gpointer self,
                          guint    arg,
                          gint     value)
{
  guint8 raw[2] = { (value >> 8) & 0xFF, value & 0xFF };

  write_bytes (self, arg, raw, 2);
}

static OctaPartArea
lfo_design_area (gpointer self)
{
  return PRIV (self)->midi ? OCTA_PART_AREA_MIDI_LFO_DESIGN : OCTA_PART_AREA_LFO_DESIGN;
}

static OctaPartArea
lfo_interp_area (gpointer self)
{
  return PRIV (self)->midi ? OCTA_PART_AREA_MIDI_LFO_INTERP : OCTA_PART_AREA_LFO_INTERP;
}

static gint
get_lfo_step (gpointer self, guint arg)
{
  return _octa_part_track_get_signed (self, OCTA_PART_TRACK_ARG (lfo_design_area (self), arg));
}

static void
set_lfo_step (gpointer self, guint arg, gint value)
{
  _octa_part_track_set_signed (self, OCTA_PART_TRACK_ARG (lfo_design_area (self), arg), value);
}

static gint
get_lfo_interp (gpointer self, guint arg)
{
  return _octa_part_track_get_u16 (self, OCTA_PART_TRACK_ARG (lfo_interp_area (self), 0));
}

static void
set_lfo_interp (gpointer self, guint arg, gint value)
{
  _octa_part_track_set_u16 (self, OCTA_PART_TRACK_ARG (lfo_interp_area (self), 0), value);
}

#define LFO_STEP(n) \
  { "lfo-step-" #n, OCTA_FIELD_INT, -128, 127, 0, NULL, get_lfo_step, set_lfo_step, (n) - 1, 1, \
    "Draw LFO" }

static const OctaField field_defs[] = {
  LFO_STEP (1), LFO_STEP (2), LFO_STEP (3), LFO_STEP (4),
  LFO_STEP (5), LFO_STEP (6), LFO_STEP (7), LFO_STEP (8),
  LFO_STEP (9), LFO_STEP (10), LFO_STEP (11), LFO_STEP (12),
  LFO_STEP (13), LFO_STEP (14), LFO_STEP (15), LFO_STEP (16),
  [FIELD_LFO_INTERPOLATION] = { "lfo-interpolation", OCTA_FIELD_INT, 0, G_MAXUINT16, 0, NULL,
                                get_lfo_interp, set_lfo_interp, 0, 1, "Change LFO interpolation" },
};

static void
octa_part_track_refresh (GObject *object)
{
  octa_field_cache_refresh (PRIV (object)->cache, object);
}

static void
octa_part_track_finalize (GObject *object)
{
  OctaPartTrackPrivate *priv = PRIV (object);

  if (priv->part != NULL)
    {
      _octa_project_unwatch (_octa_part_get_project (priv->part), object);
      if (priv->midi)
        _octa_part_forget_midi_track (priv->part, priv->index, object);
      else
        _octa_part_forget_audio_track (priv->part, priv->index, object);
    }
  g_clear_object (&priv->part);
  g_clear_pointer (&priv->cache, octa_field_cache_free);

  G_OBJECT_CLASS (octa_part_track_parent_class)->finalize (object);
}

static void
octa_part_track_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  OctaPartTrackPrivate *priv = PRIV (object);

  if (octa_field_get_property (object, prop_id, value, pspec))
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
octa_part_track_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  OctaProject *project = _octa_part_track_get_project (OCTA_PART_TRACK (object));

  if (!octa_field_set_property (object, project, prop_id, value, pspec))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
octa_part_track_class_init (OctaPartTrackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = octa_part_track_finalize;
  object_class->get_property = octa_part_track_get_property;
  object_class->set_property = octa_part_track_set_property;

  /**
   * OctaPartTrack:index:
   *
   * 0…7 for T1…T8 or M1…M8.
   */
  properties[PROP_INDEX] =
    g_param_spec_uint ("index", NULL, NULL, 0, 7, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * OctaPartTrack:midi:
   *
   * Whether this is a MIDI track.
   */
  properties[PROP_MIDI] =
    g_param_spec_boolean ("midi", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_FIXED_PROPS, properties);

  /**
   * OctaPartTrack:lfo-interpolation:
   *
   * The custom LFO's interpolation mask, one bit per step in an unknown
   * order: the first stored byte is the high byte.
   */
  octa_field_table_install (&fields, object_class, N_FIXED_PROPS, field_defs,
                            G_N_ELEMENTS (field_defs));
}

static void
octa_part_track_init (OctaPartTrack *self)
{
}

/* A subclass's properties are all fields, read and written here: GObject
 * gives every class its own get/set_property, never its parent's. */
void
_octa_part_track_class_install (GObjectClass    *klass,
                                OctaFieldTable  *table,
                                const OctaField *defs,
                                guint            n_fields)
{
  klass->get_property = octa_part_track_get_property;
  klass->set_property = octa_part_track_set_property;
  octa_field_table_install (table, klass, OCTA_FIELD_FIRST_PROP_ID, defs, n_fields);
}

/* Every class reads its fields when the track sets up, so the track must
 * know where it lives first: g_object_new(), then this. A track's bytes are
 * spread over most of the part, so it watches the whole unsaved block. */
void
_octa_part_track_setup (OctaPartTrack *self,
                        OctaPart      *part,
                        guint          index)
{
  OctaPartTrackPrivate *priv = PRIV (self);
  gsize start = _octa_part_get_block_offset (part);

  priv->part = g_object_ref (part);
  priv->index = index;
  priv->midi = OCTA_IS_MIDI_PART_TRACK (self);
  priv->cache = octa_field_cache_new (G_OBJECT (self));
  _octa_project_watch (_octa_part_get_project (part), _octa_part_get_file_id (part),
                       start, start + OCTA_PART_BLOCK_SIZE, G_OBJECT (self),
                       octa_part_track_refresh);
}

OctaBankFile *
_octa_part_track_get_file (OctaPartTrack *self)
{
  return _octa_part_get_file (PRIV (self)->part);
}

OctaProject *
_octa_part_track_get_project (OctaPartTrack *self)
{
  return _octa_part_get_project (PRIV (self)->part);
}

/**
 * octa_part_track_get_part:
 * @self: a part track
 *
 * Returns: (transfer none): the part holding the track
 */
OctaPart *
octa_part_track_get_part (OctaPartTrack *self)
{
  g_return_val_if_fail (OCTA_IS_PART_TRACK (self), NULL);
  return PRIV (self)->part;
}

/**
 * octa_part_track_get_index:
 * @self: a part track
 *
 * Returns: 0…7 for T1…T8 or M1…M8
 */
guint
octa_part_track_get_index (OctaPartTrack *self)
{
  g_return_val_if_fail (OCTA_IS_PART_TRACK (self), 0);
  return PRIV (self)->index;
}

/**
 * octa_part_track_is_midi:
 * @self: a part track
 *
 * Returns: whether this is a MIDI track
 */
gboolean
octa_part_track_is_midi (OctaPartTrack *self)
{
  g_return_val_if_fail (OCTA_IS_PART_TRACK (self), FALSE);
  return PRIV (self)->midi;
}

/**
 * octa_part_track_dup_label:
 * @self: a part track
 *
 * Returns: (transfer full): "T1" … "T8" or "M1" … "M8"
 */
char *
octa_part_track_dup_label (OctaPartTrack *self)
{
  g_return_val_if_fail (OCTA_IS_PART_TRACK (self), NULL);
  return g_strdup_printf ("%c%u", PRIV (self)->midi ? 'M' : 'T', PRIV (self)->index + 1);
}

/**
 * octa_part_track_get_lfo_step:
 * @self: a part track
 * @step: 0…15
 *
 * Returns: the custom LFO's value at @step, −128…127
 */
gint
octa_part_track_get_lfo_step (OctaPartTrack *self,
                              guint          step)
{
  g_return_val_if_fail (OCTA_IS_PART_TRACK (self), 0);
  g_return_val_if_fail (step < OCTA_PART_TRACK_N_LFO_STEPS, 0);
  return get_lfo_step (self, step);
}

/**
 * octa_part_track_set_lfo_step:
 * @self: a part track
 * @step: 0…15
 * @value: −128…127
 *
 * Draws one step of the custom LFO, in one undo step.
 */
void
octa_part_track_set_lfo_step (OctaPartTrack *self,
                              guint          step,
                              gint           value)
{
  g_return_if_fail (OCTA_IS_PART_TRACK (self));
  g_return_if_fail (step < OCTA_PART_TRACK_N_LFO_STEPS);
  octa_field_set_int (&fields, self, _octa_part_track_get_project (self), step, value);
}

/**
 * octa_part_track_get_lfo_interpolation:
 * @self: a part track
 *
 * Returns: the custom LFO's interpolation mask as stored (first byte high)
 */
guint16
octa_part_track_get_lfo_interpolation (OctaPartTrack *self)
{
  g_return_val_if_fail (OCTA_IS_PART_TRACK (self), 0);
  return get_lfo_interp (self, 0);
}

/**
 * octa_part_track_set_lfo_interpolation:
 * @self: a part track
 * @mask: the mask as stored (first byte high)
 */
void
octa_part_track_set_lfo_interpolation (OctaPartTrack *self,
                                       guint16        mask)
{
  g_return_if_fail (OCTA_IS_PART_TRACK (self));
  octa_field_set_int (&fields, self, _octa_part_track_get_project (self),
                      FIELD_LFO_INTERPOLATION, mask);
}

/**
 * octa_part_track_set_lfo_design:
 * @self: a part track
 * @steps: (array fixed-size=16): the 16 steps, −128…127
 * @interpolation: the interpolation mask as stored (first byte high)
 *
 * Replaces the whole custom LFO design in one undo step.
 */
void
octa_part_track_set_lfo_design (OctaPartTrack *self,
                                const gint8   *steps,
                                guint16        interpolation)
{
  OctaProject *project;

  g_return_if_fail (OCTA_IS_PART_TRACK (self));
  g_return_if_fail (steps != NULL);

  project = _octa_part_track_get_project (self);
  octa_project_begin_change (project, "Draw LFO");
  for (guint i = 0; i < OCTA_PART_TRACK_N_LFO_STEPS; i++)
    octa_field_set_int (&fields, self, project, i, steps[i]);
  octa_field_set_int (&fields, self, project, FIELD_LFO_INTERPOLATION, interpolation);
  octa_project_end_change (project);
}
