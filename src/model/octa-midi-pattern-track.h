/* SPDX-License-Identifier: MIT */
#pragma once

#include "octa-pattern-track.h"

G_BEGIN_DECLS

#define OCTA_TYPE_MIDI_PATTERN_TRACK (octa_midi_pattern_track_get_type ())

G_DECLARE_FINAL_TYPE (OctaMidiPatternTrack, octa_midi_pattern_track, OCTA, MIDI_PATTERN_TRACK,
                      OctaPatternTrack)

G_END_DECLS
