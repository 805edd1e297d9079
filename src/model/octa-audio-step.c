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
  OCTA_STEP_TRIG ("oneshot", OCTA_TRIG_TYPE_ONESHOT, "Toggle one-shot trig"),
  OCTA_STEP_TRIG ("slide", OCTA_TRIG_TYPE_SLIDE, "Toggle slide trig"),
  OCTA_STEP_TRIG ("recorder-1", OCTA_TRIG_TYPE_RECORDER_1, "Toggle recorder trig"),
  OCTA_STEP_TRIG ("recorder-2", OCTA_TRIG_TYPE_RECORDER_2, "Toggle recorder trig"),
  OCTA_STEP_TRIG ("recorder-3", OCTA_TRIG_TYPE_RECORDER_3, "Toggle recorder trig"),
  OCTA_STEP_TRIG ("recorder-4", OCTA_TRIG_TYPE_RECORDER_4, "Toggle recorder trig"),
  { "sample-lock", OCTA_FIELD_INT, 0, 255, 0, NULL, get_sample_lock, set_sample_lock, 0, 1,
    "Lock sample" },
  OCTA_STEP_LOCK ("lock-src1", 0),
  OCTA_STEP_LOCK ("lock-src2", 1),
  OCTA_STEP_LOCK ("lock-src3", 2),
  OCTA_STEP_LOCK ("lock-src4", 3),
  OCTA_STEP_LOCK ("lock-src5", 4),
  OCTA_STEP_LOCK ("lock-src6", 5),
  OCTA_STEP_LOCK ("lock-lfo-spd1", 6),
  OCTA_STEP_LOCK ("lock-lfo-spd2", 7),
  OCTA_STEP_LOCK ("lock-lfo-spd3", 8),
  OCTA_STEP_LOCK ("lock-lfo-dep1", 9),
  OCTA_STEP_LOCK ("lock-lfo-dep2", 10),
  OCTA_STEP_LOCK ("lock-lfo-dep3", 11),
  OCTA_STEP_LOCK ("lock-amp-atk", 12),
  OCTA_STEP_LOCK ("lock-amp-hold", 13),
  OCTA_STEP_LOCK ("lock-amp-rel", 14),
  OCTA_STEP_LOCK ("lock-amp-vol", 15),
  OCTA_STEP_LOCK ("lock-amp-bal", 16),
  OCTA_STEP_LOCK ("lock-amp-f", 17),
  OCTA_STEP_LOCK ("lock-fx1-1", 18),
  OCTA_STEP_LOCK ("lock-fx1-2", 19),
  OCTA_STEP_LOCK ("lock-fx1-3", 20),
  OCTA_STEP_LOCK ("lock-fx1-4", 21),
  OCTA_STEP_LOCK ("lock-fx1-5", 22),
  OCTA_STEP_LOCK ("lock-fx1-6", 23),
  OCTA_STEP_LOCK ("lock-fx2-1", 24),
  OCTA_STEP_LOCK ("lock-fx2-2", 25),
  OCTA_STEP_LOCK ("lock-fx2-3", 26),
  OCTA_STEP_LOCK ("lock-fx2-4", 27),
  OCTA_STEP_LOCK ("lock-fx2-5", 28),
  OCTA_STEP_LOCK ("lock-fx2-6", 29),
  OCTA_STEP_LOCK ("lock-byte-30", 30),
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
