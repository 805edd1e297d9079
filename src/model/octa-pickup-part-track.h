/* SPDX-License-Identifier: MIT */
#pragma once

#include "octa-audio-part-track.h"

G_BEGIN_DECLS

#define OCTA_TYPE_PICKUP_PART_TRACK (octa_pickup_part_track_get_type ())

G_DECLARE_FINAL_TYPE (OctaPickupPartTrack, octa_pickup_part_track, OCTA, PICKUP_PART_TRACK,
                      OctaAudioPartTrack)

G_END_DECLS
