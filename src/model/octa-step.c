/* SPDX-License-Identifier: MIT */
#include "octa-step-private.h"

#include "octa-model-enum-types.h"

/**
 * OctaStep:
 *
 * One step of a pattern track: which trigs it holds, its condition,
 * micro-timing, repeats and parameter locks. The concrete classes are
 * #OctaAudioStep and #OctaMidiStep.
 */
typedef struct
{
  OctaPatternTrack *track;
  guint             index;
  OctaFieldCache   *cache;   /* of this class and the subclass's */
} OctaStepPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (OctaStep, octa_step, G_TYPE_OBJECT)

#define PRIV(s) ((OctaStepPrivate *) octa_step_get_instance_private (OCTA_STEP (s)))

enum {
  PROP_0,
  PROP_INDEX,
  N_FIXED_PROPS
};

enum {
  FIELD_TRIG,
  FIELD_TRIGLESS,
  FIELD_LOCK,
  FIELD_SWING,
  FIELD_CONDITION,
  FIELD_MICRO_TIMING,
  FIELD_REPEATS,
};

static GParamSpec *properties[N_FIXED_PROPS];
static OctaFieldTable fields;

void
_octa_step_locate (OctaStep      *self,
                   guint         *pattern,
                   OctaTrackType *type,
                   guint         *track)
{
  OctaPatternTrack *t = PRIV (self)->track;

  *pattern = _octa_pattern_track_get_pattern_index (t);
  *type = _octa_pattern_track_get_type (t);
  *track = octa_pattern_track_get_index (t);
}

#define LOCATE(self) \
  guint pattern_; OctaTrackType type_; guint track_; \
  OctaBankFile *file_ = _octa_step_get_file (OCTA_STEP (self)); \
  guint step_ = PRIV (self)->index; \
  _octa_step_locate (OCTA_STEP (self), &pattern_, &type_, &track_)

gint
_octa_step_trig_get (gpointer self,
                     guint    type)
{
  LOCATE (self);
  return octa_bank_file_get_trig (file_, pattern_, type_, track_,
                                  _octa_trig_type_to_kind (type), step_);
}

void
_octa_step_trig_set (gpointer self,
                     guint    type,
                     gint     value)
{
  LOCATE (self);
  octa_bank_file_set_trig (file_, pattern_, type_, track_, _octa_trig_type_to_kind (type),
                           step_, value != 0);
}

gint
_octa_step_plock_get (gpointer self,
                      guint    param)
{
  guint8 raw;
  LOCATE (self);

  raw = octa_bank_file_get_plock (file_, pattern_, type_, track_, step_, param);
  return raw == OCTA_PLOCK_NONE ? -1 : raw;
}

void
_octa_step_plock_set (gpointer self,
                      guint    param,
                      gint     value)
{
  LOCATE (self);
  octa_bank_file_set_plock (file_, pattern_, type_, track_, step_, param,
                            value < 0 ? OCTA_PLOCK_NONE : value);
}

static gint
get_condition (gpointer self, guint arg)
{
  LOCATE (self);
  return octa_bank_file_get_condition (file_, pattern_, type_, track_, step_);
}

static void
set_condition (gpointer self, guint arg, gint value)
{
  LOCATE (self);
  octa_bank_file_set_condition (file_, pattern_, type_, track_, step_, value);
}

static gint
get_micro (gpointer self, guint arg)
{
  LOCATE (self);
  return octa_bank_file_get_micro_timing (file_, pattern_, type_, track_, step_);
}

static void
set_micro (gpointer self, guint arg, gint value)
{
  LOCATE (self);
  octa_bank_file_set_micro_timing (file_, pattern_, type_, track_, step_, value);
}

static gint
get_repeats (gpointer self, guint arg)
{
  LOCATE (self);
  return octa_bank_file_get_repeats (file_, pattern_, type_, track_, step_) + 1;
}

static void
set_repeats (gpointer self, guint arg, gint value)
{
  LOCATE (self);
  octa_bank_file_set_repeats (file_, pattern_, type_, track_, step_, value - 1);
}

static const OctaField field_defs[] = {
  [FIELD_TRIG] = OCTA_STEP_TRIG ("trig", OCTA_TRIG_TYPE_TRIGGER, "Toggle trig"),
  [FIELD_TRIGLESS] = OCTA_STEP_TRIG ("trigless", OCTA_TRIG_TYPE_TRIGLESS, "Toggle trigless trig"),
  [FIELD_LOCK] = OCTA_STEP_TRIG ("lock", OCTA_TRIG_TYPE_LOCK, "Toggle lock trig"),
  [FIELD_SWING] = OCTA_STEP_TRIG ("swing", OCTA_TRIG_TYPE_SWING, "Toggle swing trig"),
  [FIELD_CONDITION] = { "condition", OCTA_FIELD_ENUM, 0, 0, OCTA_TRIG_CONDITION_NONE,
                        octa_trig_condition_get_type, get_condition, set_condition, 0, 1,
                        "Change condition" },
  [FIELD_MICRO_TIMING] = { "micro-timing", OCTA_FIELD_INT, -23, 23, 0, NULL, get_micro,
                           set_micro, 0, 1, "Change micro-timing" },
  [FIELD_REPEATS] = { "repeats", OCTA_FIELD_INT, 1, 8, 1, NULL, get_repeats, set_repeats, 0, 1,
                      "Change trig repeats" },
};

static void
octa_step_refresh (GObject *object)
{
  octa_field_cache_refresh (PRIV (object)->cache, object);
}

static void
octa_step_finalize (GObject *object)
{
  OctaStepPrivate *priv = PRIV (object);

  _octa_project_unwatch (_octa_pattern_track_get_project (priv->track), object);
  _octa_pattern_track_forget_step (priv->track, priv->index);
  g_clear_object (&priv->track);
  g_clear_pointer (&priv->cache, octa_field_cache_free);

  G_OBJECT_CLASS (octa_step_parent_class)->finalize (object);
}

static void
octa_step_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  if (octa_field_get_property (object, prop_id, value, pspec))
    return;

  switch (prop_id)
    {
    case PROP_INDEX:
      g_value_set_uint (value, PRIV (object)->index);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
octa_step_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  if (!octa_field_set_property (object, _octa_step_get_project (OCTA_STEP (object)), prop_id,
                                value, pspec))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
octa_step_class_init (OctaStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = octa_step_finalize;
  object_class->get_property = octa_step_get_property;
  object_class->set_property = octa_step_set_property;

  /**
   * OctaStep:index:
   *
   * 0…63 for steps 1…64.
   */
  properties[PROP_INDEX] =
    g_param_spec_uint ("index", NULL, NULL, 0, OCTA_N_STEPS - 1, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_FIXED_PROPS, properties);

  /**
   * OctaStep:micro-timing:
   *
   * How early or late the trig fires, in 1/384 of a step (−23…+23); the
   * device shows it as a fraction of a step (+1/32 = 12).
   */
  /**
   * OctaStep:repeats:
   *
   * How many times the trig fires (1…8).
   */
  octa_field_table_install (&fields, object_class, N_FIXED_PROPS, field_defs,
                            G_N_ELEMENTS (field_defs));
}

static void
octa_step_init (OctaStep *self)
{
}

/* A subclass's properties are all fields, read and written here: GObject
 * gives every class its own get/set_property, never its parent's. */
void
_octa_step_class_install (GObjectClass    *klass,
                          OctaFieldTable  *table,
                          const OctaField *defs,
                          guint            n_fields)
{
  klass->get_property = octa_step_get_property;
  klass->set_property = octa_step_set_property;
  octa_field_table_install (table, klass, OCTA_FIELD_FIRST_PROP_ID, defs, n_fields);
}

OctaStep *
_octa_step_new (OctaPatternTrack *track,
                guint             index)
{
  gboolean midi = octa_pattern_track_is_midi (track);
  OctaStep *self;
  OctaStepPrivate *priv;
  guint pattern = _octa_pattern_track_get_pattern_index (track);
  OctaTrackType type = _octa_pattern_track_get_type (track);
  guint t = octa_pattern_track_get_index (track);
  OctaProject *project = _octa_pattern_track_get_project (track);
  guint file_id = _octa_pattern_track_get_file_id (track);
  gsize base = octa_bank_track_offset (pattern, type, t);
  gsize timing = octa_bank_step_timing_offset (pattern, type, t, index);
  gsize record = octa_bank_plock_offset (pattern, type, t, index, 0);

  /* Every class reads its fields at construction, so the step must know
   * where it lives before g_object_new() returns: set it up in two steps.
   * Its trigs are in the track's masks, its locks in its own record. */
  self = g_object_new (midi ? OCTA_TYPE_MIDI_STEP : OCTA_TYPE_AUDIO_STEP, NULL);
  priv = PRIV (self);
  priv->track = g_object_ref (track);
  priv->index = index;
  priv->cache = octa_field_cache_new (G_OBJECT (self));

  _octa_project_watch (project, file_id, base + 9, base + (midi ? 49 : 89),
                       G_OBJECT (self), octa_step_refresh);
  _octa_project_watch (project, file_id, timing, timing + 2, G_OBJECT (self), octa_step_refresh);
  _octa_project_watch (project, file_id, record, record + OCTA_PLOCK_PARAMS, G_OBJECT (self),
                       octa_step_refresh);
  return self;
}

OctaBankFile *
_octa_step_get_file (OctaStep *self)
{
  return _octa_pattern_track_get_file (PRIV (self)->track);
}

OctaProject *
_octa_step_get_project (OctaStep *self)
{
  return _octa_pattern_track_get_project (PRIV (self)->track);
}

/**
 * octa_step_get_track:
 * @self: a step
 *
 * Returns: (transfer none): the track holding the step
 */
OctaPatternTrack *
octa_step_get_track (OctaStep *self)
{
  g_return_val_if_fail (OCTA_IS_STEP (self), NULL);
  return PRIV (self)->track;
}

guint
octa_step_get_index (OctaStep *self)
{
  g_return_val_if_fail (OCTA_IS_STEP (self), 0);
  return PRIV (self)->index;
}

gboolean
octa_step_get_trig (OctaStep     *self,
                    OctaTrigType  type)
{
  g_return_val_if_fail (OCTA_IS_STEP (self), FALSE);
  return octa_pattern_track_get_trig (PRIV (self)->track, type, PRIV (self)->index);
}

/**
 * octa_step_set_trig:
 * @self: a step
 * @type: a kind of trig
 * @on: whether the step holds it
 */
void
octa_step_set_trig (OctaStep     *self,
                    OctaTrigType  type,
                    gboolean      on)
{
  g_return_if_fail (OCTA_IS_STEP (self));
  octa_pattern_track_set_trig (PRIV (self)->track, type, PRIV (self)->index, on);
}

OctaTrigCondition
octa_step_get_condition (OctaStep *self)
{
  g_return_val_if_fail (OCTA_IS_STEP (self), OCTA_TRIG_CONDITION_NONE);
  return get_condition (self, 0);
}

void
octa_step_set_condition (OctaStep          *self,
                         OctaTrigCondition  condition)
{
  g_return_if_fail (OCTA_IS_STEP (self));
  octa_field_set_int (&fields, self, _octa_step_get_project (self), FIELD_CONDITION, condition);
}

gint
octa_step_get_micro_timing (OctaStep *self)
{
  g_return_val_if_fail (OCTA_IS_STEP (self), 0);
  return get_micro (self, 0);
}

void
octa_step_set_micro_timing (OctaStep *self,
                            gint      micro)
{
  g_return_if_fail (OCTA_IS_STEP (self));
  octa_field_set_int (&fields, self, _octa_step_get_project (self), FIELD_MICRO_TIMING, micro);
}

guint
octa_step_get_repeats (OctaStep *self)
{
  g_return_val_if_fail (OCTA_IS_STEP (self), 1);
  return get_repeats (self, 0);
}

void
octa_step_set_repeats (OctaStep *self,
                       guint     repeats)
{
  g_return_if_fail (OCTA_IS_STEP (self));
  octa_field_set_int (&fields, self, _octa_step_get_project (self), FIELD_REPEATS, repeats);
}

/**
 * octa_step_get_plock:
 * @self: a step
 * @param: the byte of the lock record, 0…31
 *
 * Returns: the locked value, or −1 when the parameter is not locked
 */
gint
octa_step_get_plock (OctaStep *self,
                     guint     param)
{
  g_return_val_if_fail (OCTA_IS_STEP (self), -1);
  g_return_val_if_fail (param < OCTA_PLOCK_PARAMS, -1);
  return _octa_step_plock_get (self, param);
}

/**
 * octa_step_set_plock:
 * @self: a step
 * @param: the byte of the lock record, 0…31
 * @value: the value to lock (0…254), or −1 to remove the lock
 */
void
octa_step_set_plock (OctaStep *self,
                     guint     param,
                     gint      value)
{
  OctaProject *project;

  g_return_if_fail (OCTA_IS_STEP (self));
  g_return_if_fail (param < OCTA_PLOCK_PARAMS);
  g_return_if_fail (value >= -1 && value < OCTA_PLOCK_NONE);

  if (_octa_step_plock_get (self, param) == value)
    return;
  project = _octa_step_get_project (self);
  octa_project_begin_change (project, value < 0 ? "Remove parameter lock" : "Lock parameter");
  _octa_step_plock_set (self, param, value);
  octa_project_end_change (project);
}

guint
octa_step_count_plocks (OctaStep *self)
{
  guint n = 0;

  g_return_val_if_fail (OCTA_IS_STEP (self), 0);
  for (guint p = 0; p < OCTA_PLOCK_PARAMS; p++)
    if (_octa_step_plock_get (self, p) >= 0)
      n++;
  return n;
}

void
octa_step_clear_plocks (OctaStep *self)
{
  OctaProject *project;

  g_return_if_fail (OCTA_IS_STEP (self));

  project = _octa_step_get_project (self);
  octa_project_begin_change (project, "Clear parameter locks");
  for (guint p = 0; p < OCTA_PLOCK_PARAMS; p++)
    _octa_step_plock_set (self, p, -1);
  octa_project_end_change (project);
}

/**
 * octa_step_dup_micro_timing_label:
 * @self: a step
 *
 * Returns: (transfer full): the micro-timing as the device shows it: "0",
 *   a reduced fraction of a step such as "+1/32" or "-1/128", or "+23/384"
 */
char *
octa_step_dup_micro_timing_label (OctaStep *self)
{
  gint micro;
  guint num, den = 384;

  g_return_val_if_fail (OCTA_IS_STEP (self), NULL);

  micro = octa_step_get_micro_timing (self);
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
