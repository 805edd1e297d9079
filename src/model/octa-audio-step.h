/* SPDX-License-Identifier: MIT */
#pragma once

#include "octa-step.h"

G_BEGIN_DECLS

#define OCTA_TYPE_AUDIO_STEP (octa_audio_step_get_type ())

G_DECLARE_FINAL_TYPE (OctaAudioStep, octa_audio_step, OCTA, AUDIO_STEP, OctaStep)

guint octa_audio_step_get_sample_lock (OctaAudioStep *self);
void  octa_audio_step_set_sample_lock (OctaAudioStep *self,
                                       guint          slot);

G_END_DECLS
