/* SPDX-License-Identifier: MIT */
#pragma once

#include <gio/gio.h>

#include "octa-bank.h"
#include "octa-model-enums.h"

G_BEGIN_DECLS

#define OCTA_TYPE_PATTERN (octa_pattern_get_type ())

G_DECLARE_FINAL_TYPE (OctaPattern, octa_pattern, OCTA, PATTERN, GObject)

typedef struct _OctaAudioPatternTrack OctaAudioPatternTrack;
typedef struct _OctaMidiPatternTrack OctaMidiPatternTrack;

OctaBank              *octa_pattern_get_bank        (OctaPattern *self);
guint                  octa_pattern_get_index       (OctaPattern *self);
char                  *octa_pattern_dup_label       (OctaPattern *self);
gboolean               octa_pattern_get_has_trigs   (OctaPattern *self);
guint                  octa_pattern_get_part        (OctaPattern *self);
void                   octa_pattern_set_part        (OctaPattern *self,
                                                     guint        part);
guint                  octa_pattern_get_length      (OctaPattern *self);
void                   octa_pattern_set_length      (OctaPattern *self,
                                                     guint        length);
double                 octa_pattern_get_tempo       (OctaPattern *self);
void                   octa_pattern_set_tempo       (OctaPattern *self,
                                                     double       bpm);
GListModel            *octa_pattern_list_audio_tracks (OctaPattern *self);
GListModel            *octa_pattern_list_midi_tracks  (OctaPattern *self);
OctaAudioPatternTrack *octa_pattern_get_audio_track (OctaPattern *self,
                                                     guint        index);
OctaMidiPatternTrack  *octa_pattern_get_midi_track  (OctaPattern *self,
                                                     guint        index);
void                   octa_pattern_clear           (OctaPattern *self);

G_END_DECLS
