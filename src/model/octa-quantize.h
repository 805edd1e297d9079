/* SPDX-License-Identifier: MIT */
#pragma once

#include <glib.h>

#include "octa-model-enums.h"

G_BEGIN_DECLS

/* Micro-timing is counted in 1/384 of a step, −23…+23. */
#define OCTA_MICRO_TIMING_PER_STEP 384
#define OCTA_MICRO_TIMING_MAX       23

double   octa_quantize_steps_for_note_value (guint       denominator,
                                             OctaScale   scale);
gboolean octa_micro_timing_from_fraction    (gint        numerator,
                                             gint        denominator,
                                             gint       *micro_timing,
                                             GError    **error);
guint64  octa_euclidean_mask                (guint       pulses,
                                             guint       steps,
                                             gint        rotation);

G_END_DECLS
