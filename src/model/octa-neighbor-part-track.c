/* SPDX-License-Identifier: MIT */
#include "octa-part-track-private.h"

/**
 * OctaNeighborPartTrack:
 *
 * An audio track of a part playing a Neighbor machine (it processes the
 * previous track). The machine has no parameters of its own; the part's
 * bytes for it stay reachable as `src-neighbor-*` and `setup-neighbor-*`.
 */
struct _OctaNeighborPartTrack
{
  OctaAudioPartTrack parent_instance;
};

G_DEFINE_FINAL_TYPE (OctaNeighborPartTrack, octa_neighbor_part_track, OCTA_TYPE_AUDIO_PART_TRACK)

static void
octa_neighbor_part_track_class_init (OctaNeighborPartTrackClass *klass)
{
}

static void
octa_neighbor_part_track_init (OctaNeighborPartTrack *self)
{
}
