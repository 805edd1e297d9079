/* SPDX-License-Identifier: MIT */
#include "octa-pattern-track-private.h"

/**
 * OctaMidiPatternTrack:
 *
 * A MIDI track (M1…M8) of a pattern.
 */
struct _OctaMidiPatternTrack
{
  OctaPatternTrack parent_instance;
};

G_DEFINE_FINAL_TYPE (OctaMidiPatternTrack, octa_midi_pattern_track, OCTA_TYPE_PATTERN_TRACK)

static void
octa_midi_pattern_track_class_init (OctaMidiPatternTrackClass *klass)
{
}

static void
octa_midi_pattern_track_init (OctaMidiPatternTrack *self)
{
}
