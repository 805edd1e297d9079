/* SPDX-License-Identifier: MIT */
#include "octa-step-private.h"

/**
 * OctaMidiStep:
 *
 * A step of a MIDI track. Its `lock-*` properties are the parameter lock
 * record, −1 when not locked: NOTE page (note, velocity, length, chord
 * notes), LFO, ARP, CTRL1 (pitch bend, aftertouch, CC1–CC4) and CTRL2
 * (CC5–CC10) values.
 */
struct _OctaMidiStep
{
  OctaStep parent_instance;
};

G_DEFINE_FINAL_TYPE (OctaMidiStep, octa_midi_step, OCTA_TYPE_STEP)

static OctaFieldTable fields;

static const OctaField field_defs[] = {
  OCTA_STEP_TRIG ("midi-unknown", OCTA_TRIG_TYPE_MIDI_UNKNOWN, NULL),
  OCTA_STEP_LOCK ("lock-note", 0),
  OCTA_STEP_LOCK ("lock-vel", 1),
  OCTA_STEP_LOCK ("lock-len", 2),
  OCTA_STEP_LOCK ("lock-not2", 3),
  OCTA_STEP_LOCK ("lock-not3", 4),
  OCTA_STEP_LOCK ("lock-not4", 5),
  OCTA_STEP_LOCK ("lock-lfo-spd1", 6),
  OCTA_STEP_LOCK ("lock-lfo-spd2", 7),
  OCTA_STEP_LOCK ("lock-lfo-spd3", 8),
  OCTA_STEP_LOCK ("lock-lfo-dep1", 9),
  OCTA_STEP_LOCK ("lock-lfo-dep2", 10),
  OCTA_STEP_LOCK ("lock-lfo-dep3", 11),
  OCTA_STEP_LOCK ("lock-arp-tran", 12),
  OCTA_STEP_LOCK ("lock-arp-leg", 13),
  OCTA_STEP_LOCK ("lock-arp-mode", 14),
  OCTA_STEP_LOCK ("lock-arp-spd", 15),
  OCTA_STEP_LOCK ("lock-arp-rnge", 16),
  OCTA_STEP_LOCK ("lock-arp-nlen", 17),
  OCTA_STEP_LOCK ("lock-pb", 18),
  OCTA_STEP_LOCK ("lock-at", 19),
  OCTA_STEP_LOCK ("lock-cc1", 20),
  OCTA_STEP_LOCK ("lock-cc2", 21),
  OCTA_STEP_LOCK ("lock-cc3", 22),
  OCTA_STEP_LOCK ("lock-cc4", 23),
  OCTA_STEP_LOCK ("lock-cc5", 24),
  OCTA_STEP_LOCK ("lock-cc6", 25),
  OCTA_STEP_LOCK ("lock-cc7", 26),
  OCTA_STEP_LOCK ("lock-cc8", 27),
  OCTA_STEP_LOCK ("lock-cc9", 28),
  OCTA_STEP_LOCK ("lock-cc10", 29),
  OCTA_STEP_LOCK ("lock-byte-30", 30),
  OCTA_STEP_LOCK ("lock-byte-31", 31),
};

static void
octa_midi_step_class_init (OctaMidiStepClass *klass)
{
  _octa_step_class_install (G_OBJECT_CLASS (klass), &fields, field_defs,
                            G_N_ELEMENTS (field_defs));
}

static void
octa_midi_step_init (OctaMidiStep *self)
{
}
