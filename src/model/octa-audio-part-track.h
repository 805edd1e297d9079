/* SPDX-License-Identifier: MIT */
#pragma once

#include "octa-model-enums.h"
#include "octa-part-track.h"

G_BEGIN_DECLS

#define OCTA_TYPE_AUDIO_PART_TRACK (octa_audio_part_track_get_type ())

G_DECLARE_DERIVABLE_TYPE (OctaAudioPartTrack, octa_audio_part_track, OCTA, AUDIO_PART_TRACK,
                          OctaPartTrack)

struct _OctaAudioPartTrackClass
{
  OctaPartTrackClass parent_class;

  /*< private >*/
  gpointer padding[8];
};

OctaMachineKind octa_audio_part_track_get_machine         (OctaAudioPartTrack *self);
void            octa_audio_part_track_set_machine         (OctaAudioPartTrack *self,
                                                           OctaMachineKind     machine);
guint           octa_audio_part_track_get_src_value       (OctaAudioPartTrack *self,
                                                           OctaMachineKind     machine,
                                                           guint               param);
void            octa_audio_part_track_set_src_value       (OctaAudioPartTrack *self,
                                                           OctaMachineKind     machine,
                                                           guint               param,
                                                           guint               value);
guint           octa_audio_part_track_get_src_setup_value (OctaAudioPartTrack *self,
                                                           OctaMachineKind     machine,
                                                           guint               param);
void            octa_audio_part_track_set_src_setup_value (OctaAudioPartTrack *self,
                                                           OctaMachineKind     machine,
                                                           guint               param,
                                                           guint               value);

G_END_DECLS
