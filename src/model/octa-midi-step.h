/* SPDX-License-Identifier: MIT */
#pragma once

#include "octa-step.h"

G_BEGIN_DECLS

#define OCTA_TYPE_MIDI_STEP (octa_midi_step_get_type ())

G_DECLARE_FINAL_TYPE (OctaMidiStep, octa_midi_step, OCTA, MIDI_STEP, OctaStep)

G_END_DECLS
