/* SPDX-License-Identifier: MIT */
#include "octa-step-private.h"

/**
 * OctaAudioStep:
 *
 * A step of an audio track. Its `lock-*` properties are the 32-byte
 * parameter lock record: −1 when a parameter is not locked, else the locked
 * value. `lock-src1` … `lock-src6` are the playback page of whatever machine
 * the part gives the track (PTCH, STRT, LEN, RATE, RTRG, RTIM for Flex and
 * Static), `lock-fx1-*`/`lock-fx2-*` the parameters of the part's effects.
 */
struct _OctaAudioStep
{
  OctaStep parent_instance;
};

G_DEFINE_FINAL_TYPE (OctaAudioStep, octa_audio_step, OCTA_TYPE_STEP)

static OctaFieldTable fields;

static gint
get_sample_lock (gpointer self, guint arg)
{
  gint raw = _octa_step_plock_get (self, OCTA_AUDIO_PLOCK_SAMPLE_LOCK);

  return raw < 0 ? 0 : raw + 1;
}

static void
set_sample_lock (gpointer self, guint arg, gint value)
{
  _octa_step_plock_set (self, OCTA_AUDIO_PLOCK_SAMPLE_LOCK, value - 1);
}

#define FIELD_SAMPLE_LOCK 6

/* The sample lock is the slot number the device shows (Flex 129…136 are the
 * recorder buffers), 0 for none; the pool is the machine's in the part. */
static const OctaField field_defs[] = {
  { "oneshot", OCTA_FIELD_BOOLEAN, 0, 1, 0, NULL, _octa_step_trig_get, _octa_step_trig_set,
    OCTA_TRIG_TYPE_ONESHOT, 1, "Toggle one-shot trig" },
  { "slide", OCTA_FIELD_BOOLEAN, 0, 1, 0, NULL, _octa_step_trig_get, _octa_step_trig_set,
    OCTA_TRIG_TYPE_SLIDE, 1, "Toggle slide trig" },
  { "recorder-1", OCTA_FIELD_BOOLEAN, 0, 1, 0, NULL, _octa_step_trig_get, _octa_step_trig_set,
    OCTA_TRIG_TYPE_RECORDER_1, 1, "Toggle recorder trig" },
  { "recorder-2", OCTA_FIELD_BOOLEAN, 0, 1, 0, NULL, _octa_step_trig_get, _octa_step_trig_set,
    OCTA_TRIG_TYPE_RECORDER_2, 1, "Toggle recorder trig" },
  { "recorder-3", OCTA_FIELD_BOOLEAN, 0, 1, 0, NULL, _octa_step_trig_get, _octa_step_trig_set,
    OCTA_TRIG_TYPE_RECORDER_3, 1, "Toggle recorder trig" },
  { "recorder-4", OCTA_FIELD_BOOLEAN, 0, 1, 0, NULL, _octa_step_trig_get, _octa_step_trig_set,
    OCTA_TRIG_TYPE_RECORDER_4, 1, "Toggle recorder trig" },
  { "sample-lock", OCTA_FIELD_INT, 0, 255, 0, NULL, get_sample_lock, set_sample_lock, 0, 1,
    "Lock sample" },
  { "lock-src1", OCTA_FIELD_INT, -1, 254, -1, NULL, _octa_step_plock_get, _octa_step_plock_set,
    0, 1, "Lock parameter" },
  { "lock-src2", OCTA_FIELD_INT, -1, 254, -1, NULL, _octa_step_plock_get, _octa_step_plock_set,
    1, 1, "Lock parameter" },
  { "lock-src3", OCTA_FIELD_INT, -1, 254, -1, NULL, _octa_step_plock_get, _octa_step_plock_set,
    2, 1, "Lock parameter" },
  { "lock-src4", OCTA_FIELD_INT, -1, 254, -1, NULL, _octa_step_plock_get, _octa_step_plock_set,
    3, 1, "Lock parameter" },
  { "lock-src5", OCTA_FIELD_INT, -1, 254, -1, NULL, _octa_step_plock_get, _octa_step_plock_set,
    4, 1, "Lock parameter" },
  { "lock-src6", OCTA_FIELD_INT, -1, 254, -1, NULL, _octa_step_plock_get, _octa_step_plock_set,
    5, 1, "Lock parameter" },
  { "lock-lfo-spd1", OCTA_FIELD_INT, -1, 254, -1, NULL, _octa_step_plock_get, _octa_step_plock_set,
    6, 1, "Lock parameter" },
  { "lock-lfo-spd2", OCTA_FIELD_INT, -1, 254, -1, NULL, _octa_step_plock_get, _octa_step_plock_set,
    7, 1, "Lock parameter" },
  { "lock-lfo-spd3", OCTA_FIELD_INT, -1, 254, -1, NULL, _octa_step_plock_get, _octa_step_plock_set,
    8, 1, "Lock parameter" },
  { "lock-lfo-dep1", OCTA_FIELD_INT, -1, 254, -1, NULL, _octa_step_plock_get, _octa_step_plock_set,
    9, 1, "Lock parameter" },
  { "lock-lfo-dep2", OCTA_FIELD_INT, -1, 254, -1, NULL, _octa_step_plock_get, _octa_step_plock_set,
    10, 1, "Lock parameter" },
  { "lock-lfo-dep3", OCTA_FIELD_INT, -1, 254, -1, NULL, _octa_step_plock_get, _octa_step_plock_set,
    11, 1, "Lock parameter" },
  { "lock-amp-atk", OCTA_FIELD_INT, -1, 254, -1, NULL, _octa_step_plock_get, _octa_step_plock_set,
    12, 1, "Lock parameter" },
  { "lock-amp-hold", OCTA_FIELD_INT, -1, 254, -1, NULL, _octa_step_plock_get, _octa_step_plock_set,
    13, 1, "Lock parameter" },
  { "lock-amp-rel", OCTA_FIELD_INT, -1, 254, -1, NULL, _octa_step_plock_get, _octa_step_plock_set,
    14, 1, "Lock parameter" },
  { "lock-amp-vol", OCTA_FIELD_INT, -1, 254, -1, NULL, _octa_step_plock_get, _octa_step_plock_set,
    15, 1, "Lock parameter" },
  { "lock-amp-bal", OCTA_FIELD_INT, -1, 254, -1, NULL, _octa_step_plock_get, _octa_step_plock_set,
    16, 1, "Lock parameter" },
  { "lock-amp-f", OCTA_FIELD_INT, -1, 254, -1, NULL, _octa_step_plock_get, _octa_step_plock_set,
    17, 1, "Lock parameter" },
  { "lock-fx1-1", OCTA_FIELD_INT, -1, 254, -1, NULL, _octa_step_plock_get, _octa_step_plock_set,
    18, 1, "Lock parameter" },
  { "lock-fx1-2", OCTA_FIELD_INT, -1, 254, -1, NULL, _octa_step_plock_get, _octa_step_plock_set,
    19, 1, "Lock parameter" },
  { "lock-fx1-3", OCTA_FIELD_INT, -1, 254, -1, NULL, _octa_step_plock_get, _octa_step_plock_set,
    20, 1, "Lock parameter" },
  { "lock-fx1-4", OCTA_FIELD_INT, -1, 254, -1, NULL, _octa_step_plock_get, _octa_step_plock_set,
    21, 1, "Lock parameter" },
  { "lock-fx1-5", OCTA_FIELD_INT, -1, 254, -1, NULL, _octa_step_plock_get, _octa_step_plock_set,
    22, 1, "Lock parameter" },
  { "lock-fx1-6", OCTA_FIELD_INT, -1, 254, -1, NULL, _octa_step_plock_get, _octa_step_plock_set,
    23, 1, "Lock parameter" },
  { "lock-fx2-1", OCTA_FIELD_INT, -1, 254, -1, NULL, _octa_step_plock_get, _octa_step_plock_set,
    24, 1, "Lock parameter" },
  { "lock-fx2-2", OCTA_FIELD_INT, -1, 254, -1, NULL, _octa_step_plock_get, _octa_step_plock_set,
    25, 1, "Lock parameter" },
  { "lock-fx2-3", OCTA_FIELD_INT, -1, 254, -1, NULL, _octa_step_plock_get, _octa_step_plock_set,
    26, 1, "Lock parameter" },
  { "lock-fx2-4", OCTA_FIELD_INT, -1, 254, -1, NULL, _octa_step_plock_get, _octa_step_plock_set,
    27, 1, "Lock parameter" },
  { "lock-fx2-5", OCTA_FIELD_INT, -1, 254, -1, NULL, _octa_step_plock_get, _octa_step_plock_set,
    28, 1, "Lock parameter" },
  { "lock-fx2-6", OCTA_FIELD_INT, -1, 254, -1, NULL, _octa_step_plock_get, _octa_step_plock_set,
    29, 1, "Lock parameter" },
  { "lock-byte-30", OCTA_FIELD_INT, -1, 254, -1, NULL, _octa_step_plock_get, _octa_step_plock_set,
    30, 1, "Lock parameter" },
};

static void
octa_audio_step_class_init (OctaAudioStepClass *klass)
{
  _octa_step_class_install (G_OBJECT_CLASS (klass), &fields, field_defs,
                            G_N_ELEMENTS (field_defs));
}

static void
octa_audio_step_init (OctaAudioStep *self)
{
}

/**
 * octa_audio_step_get_sample_lock:
 * @self: a step
 *
 * Returns: the locked slot as the device numbers it, or 0 for none
 */
guint
octa_audio_step_get_sample_lock (OctaAudioStep *self)
{
  g_return_val_if_fail (OCTA_IS_AUDIO_STEP (self), 0);
  return get_sample_lock (self, 0);
}

/**
 * octa_audio_step_set_sample_lock:
 * @self: a step
 * @slot: the slot as the device numbers it (1…255), or 0 for none
 */
void
octa_audio_step_set_sample_lock (OctaAudioStep *self,
                                 guint          slot)
{
  g_return_if_fail (OCTA_IS_AUDIO_STEP (self));
  octa_field_set_int (&fields, self, _octa_step_get_project (OCTA_STEP (self)),
                      FIELD_SAMPLE_LOCK, slot);
}
