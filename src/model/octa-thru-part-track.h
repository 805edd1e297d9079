/* SPDX-License-Identifier: MIT */
#pragma once

#include "octa-audio-part-track.h"

G_BEGIN_DECLS

#define OCTA_TYPE_THRU_PART_TRACK (octa_thru_part_track_get_type ())

G_DECLARE_FINAL_TYPE (OctaThruPartTrack, octa_thru_part_track, OCTA, THRU_PART_TRACK,
                      OctaAudioPartTrack)

G_END_DECLS
