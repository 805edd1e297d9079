/* SPDX-License-Identifier: MIT */
#pragma once

#include "octa-audio-pattern-track.h"
#include "octa-field-private.h"
#include "octa-midi-pattern-track.h"
#include "octa-pattern-private.h"
#include "octa-pattern-track.h"

G_BEGIN_DECLS

OctaPatternTrack *_octa_pattern_track_new          (OctaPattern      *pattern,
                                                    gboolean          midi,
                                                    guint             index);
OctaBankFile     *_octa_pattern_track_get_file     (OctaPatternTrack *self);
OctaProject      *_octa_pattern_track_get_project  (OctaPatternTrack *self);
guint             _octa_pattern_track_get_file_id  (OctaPatternTrack *self);
guint             _octa_pattern_track_get_pattern_index (OctaPatternTrack *self);
OctaTrackType     _octa_pattern_track_get_type     (OctaPatternTrack *self);
void              _octa_pattern_track_forget_step  (OctaPatternTrack *self,
                                                    guint             index);
OctaTrigKind      _octa_trig_type_to_kind          (OctaTrigType      type);

G_END_DECLS
