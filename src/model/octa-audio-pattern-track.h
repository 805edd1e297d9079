/* SPDX-License-Identifier: MIT */
#pragma once

#include "octa-pattern-track.h"

G_BEGIN_DECLS

#define OCTA_TYPE_AUDIO_PATTERN_TRACK (octa_audio_pattern_track_get_type ())

G_DECLARE_FINAL_TYPE (OctaAudioPatternTrack, octa_audio_pattern_track, OCTA, AUDIO_PATTERN_TRACK,
                      OctaPatternTrack)

G_END_DECLS
