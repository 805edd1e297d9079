/* SPDX-License-Identifier: MIT */
#pragma once

#include "octa-audio-part-track.h"

G_BEGIN_DECLS

#define OCTA_TYPE_FLEX_PART_TRACK (octa_flex_part_track_get_type ())

G_DECLARE_FINAL_TYPE (OctaFlexPartTrack, octa_flex_part_track, OCTA, FLEX_PART_TRACK,
                      OctaAudioPartTrack)

G_END_DECLS
