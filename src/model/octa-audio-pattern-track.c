/* SPDX-License-Identifier: MIT */
#include "octa-pattern-track-private.h"

/**
 * OctaAudioPatternTrack:
 *
 * An audio track (T1…T8) of a pattern. Besides the common settings it holds
 * one-shot, slide and recorder trigs.
 */
struct _OctaAudioPatternTrack
{
  OctaPatternTrack parent_instance;
};

G_DEFINE_FINAL_TYPE (OctaAudioPatternTrack, octa_audio_pattern_track, OCTA_TYPE_PATTERN_TRACK)

static void
octa_audio_pattern_track_class_init (OctaAudioPatternTrackClass *klass)
{
}

static void
octa_audio_pattern_track_init (OctaAudioPatternTrack *self)
{
}
