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
  { "midi-unknown", OCTA_FIELD_BOOLEAN, 0, 1, 0, NULL, _octa_step_trig_get, _octa_step_trig_set,
    OCTA_TRIG_TYPE_MIDI_UNKNOWN, 1, NULL },
  { "lock-note", OCTA_FIELD_INT, -1, 254, -1, NULL, _octa_step_plock_get, _octa_step_plock_set,
    0, 1, "Lock parameter" },
  { "lock-vel", OCTA_FIELD_INT, -1, 254, -1, NULL, _octa_step_plock_get, _octa_step_plock_set,
    1, 1, "Lock parameter" },
  { "lock-len", OCTA_FIELD_INT, -1, 254, -1, NULL, _octa_step_plock_get, _octa_step_plock_set,
    2, 1, "Lock parameter" },
  { "lock-not2", OCTA_FIELD_INT, -1, 254, -1, NULL, _octa_step_plock_get, _octa_step_plock_set,
    3, 1, "Lock parameter" },
  { "lock-not3", OCTA_FIELD_INT, -1, 254, -1, NULL, _octa_step_plock_get, _octa_step_plock_set,
    4, 1, "Lock parameter" },
  { "lock-not4", OCTA_FIELD_INT, -1, 254, -1, NULL, _octa_step_plock_get, _octa_step_plock_set,
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
  { "lock-arp-tran", OCTA_FIELD_INT, -1, 254, -1, NULL, _octa_step_plock_get, _octa_step_plock_set,
    12, 1, "Lock parameter" },
  { "lock-arp-leg", OCTA_FIELD_INT, -1, 254, -1, NULL, _octa_step_plock_get, _octa_step_plock_set,
    13, 1, "Lock parameter" },
  { "lock-arp-mode", OCTA_FIELD_INT, -1, 254, -1, NULL, _octa_step_plock_get, _octa_step_plock_set,
    14, 1, "Lock parameter" },
  { "lock-arp-spd", OCTA_FIELD_INT, -1, 254, -1, NULL, _octa_step_plock_get, _octa_step_plock_set,
    15, 1, "Lock parameter" },
  { "lock-arp-rnge", OCTA_FIELD_INT, -1, 254, -1, NULL, _octa_step_plock_get, _octa_step_plock_set,
    16, 1, "Lock parameter" },
  { "lock-arp-nlen", OCTA_FIELD_INT, -1, 254, -1, NULL, _octa_step_plock_get, _octa_step_plock_set,
    17, 1, "Lock parameter" },
  { "lock-pb", OCTA_FIELD_INT, -1, 254, -1, NULL, _octa_step_plock_get, _octa_step_plock_set,
    18, 1, "Lock parameter" },
  { "lock-at", OCTA_FIELD_INT, -1, 254, -1, NULL, _octa_step_plock_get, _octa_step_plock_set,
    19, 1, "Lock parameter" },
  { "lock-cc1", OCTA_FIELD_INT, -1, 254, -1, NULL, _octa_step_plock_get, _octa_step_plock_set,
    20, 1, "Lock parameter" },
  { "lock-cc2", OCTA_FIELD_INT, -1, 254, -1, NULL, _octa_step_plock_get, _octa_step_plock_set,
    21, 1, "Lock parameter" },
  { "lock-cc3", OCTA_FIELD_INT, -1, 254, -1, NULL, _octa_step_plock_get, _octa_step_plock_set,
    22, 1, "Lock parameter" },
  { "lock-cc4", OCTA_FIELD_INT, -1, 254, -1, NULL, _octa_step_plock_get, _octa_step_plock_set,
    23, 1, "Lock parameter" },
  { "lock-cc5", OCTA_FIELD_INT, -1, 254, -1, NULL, _octa_step_plock_get, _octa_step_plock_set,
    24, 1, "Lock parameter" },
  { "lock-cc6", OCTA_FIELD_INT, -1, 254, -1, NULL, _octa_step_plock_get, _octa_step_plock_set,
    25, 1, "Lock parameter" },
  { "lock-cc7", OCTA_FIELD_INT, -1, 254, -1, NULL, _octa_step_plock_get, _octa_step_plock_set,
    26, 1, "Lock parameter" },
  { "lock-cc8", OCTA_FIELD_INT, -1, 254, -1, NULL, _octa_step_plock_get, _octa_step_plock_set,
    27, 1, "Lock parameter" },
  { "lock-cc9", OCTA_FIELD_INT, -1, 254, -1, NULL, _octa_step_plock_get, _octa_step_plock_set,
    28, 1, "Lock parameter" },
  { "lock-cc10", OCTA_FIELD_INT, -1, 254, -1, NULL, _octa_step_plock_get, _octa_step_plock_set,
    29, 1, "Lock parameter" },
  { "lock-byte-30", OCTA_FIELD_INT, -1, 254, -1, NULL, _octa_step_plock_get, _octa_step_plock_set,
    30, 1, "Lock parameter" },
  { "lock-byte-31", OCTA_FIELD_INT, -1, 254, -1, NULL, _octa_step_plock_get, _octa_step_plock_set,
    31, 1, "Lock parameter" },
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
