/* SPDX-License-Identifier: MIT */
#pragma once

#include "octa-audio-part-track.h"

G_BEGIN_DECLS

#define OCTA_TYPE_STATIC_PART_TRACK (octa_static_part_track_get_type ())

G_DECLARE_FINAL_TYPE (OctaStaticPartTrack, octa_static_part_track, OCTA, STATIC_PART_TRACK,
                      OctaAudioPartTrack)

G_END_DECLS
