/* SPDX-License-Identifier: MIT */
#pragma once

#include "octa-audio-part-track.h"

G_BEGIN_DECLS

#define OCTA_TYPE_NEIGHBOR_PART_TRACK (octa_neighbor_part_track_get_type ())

G_DECLARE_FINAL_TYPE (OctaNeighborPartTrack, octa_neighbor_part_track, OCTA, NEIGHBOR_PART_TRACK,
                      OctaAudioPartTrack)

G_END_DECLS
