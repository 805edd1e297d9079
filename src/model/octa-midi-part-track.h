/* SPDX-License-Identifier: MIT */
#pragma once

#include "octa-part-track.h"

G_BEGIN_DECLS

#define OCTA_TYPE_MIDI_PART_TRACK (octa_midi_part_track_get_type ())

G_DECLARE_FINAL_TYPE (OctaMidiPartTrack, octa_midi_part_track, OCTA, MIDI_PART_TRACK,
                      OctaPartTrack)

guint   octa_midi_part_track_get_channel   (OctaMidiPartTrack *self);
void    octa_midi_part_track_set_channel   (OctaMidiPartTrack *self,
                                            guint              channel);
gint    octa_midi_part_track_get_arp_note  (OctaMidiPartTrack *self,
                                            guint              step);
void    octa_midi_part_track_set_arp_note  (OctaMidiPartTrack *self,
                                            guint              step,
                                            gint               offset);
guint16 octa_midi_part_track_get_arp_mutes (OctaMidiPartTrack *self);
void    octa_midi_part_track_set_arp_mutes (OctaMidiPartTrack *self,
                                            guint16            mask);

/* Per-step views of the arpeggiator sequence (octa-part-track-design.c) */
gboolean octa_midi_part_track_get_arp_mute   (OctaMidiPartTrack *self,
                                              guint              step);
void     octa_midi_part_track_set_arp_mute   (OctaMidiPartTrack *self,
                                              guint              step,
                                              gboolean           muted);
guint    octa_midi_part_track_get_arp_length (OctaMidiPartTrack *self);
void     octa_midi_part_track_set_arp_length (OctaMidiPartTrack *self,
                                              guint              length);

G_END_DECLS
