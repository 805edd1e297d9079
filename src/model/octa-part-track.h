/* SPDX-License-Identifier: MIT */
#pragma once

#include <gio/gio.h>

#include "octa-part.h"

G_BEGIN_DECLS

/* Steps of a custom LFO design and of a MIDI arpeggiator sequence. */
#define OCTA_PART_TRACK_N_LFO_STEPS 16

#define OCTA_TYPE_PART_TRACK (octa_part_track_get_type ())

G_DECLARE_DERIVABLE_TYPE (OctaPartTrack, octa_part_track, OCTA, PART_TRACK, GObject)

struct _OctaPartTrackClass
{
  GObjectClass parent_class;

  /*< private >*/
  gpointer padding[8];
};

OctaPart *octa_part_track_get_part              (OctaPartTrack *self);
guint     octa_part_track_get_index             (OctaPartTrack *self);
gboolean  octa_part_track_is_midi               (OctaPartTrack *self);
char     *octa_part_track_dup_label             (OctaPartTrack *self);
gint      octa_part_track_get_lfo_step          (OctaPartTrack *self,
                                                 guint          step);
void      octa_part_track_set_lfo_step          (OctaPartTrack *self,
                                                 guint          step,
                                                 gint           value);
guint16   octa_part_track_get_lfo_interpolation (OctaPartTrack *self);
void      octa_part_track_set_lfo_interpolation (OctaPartTrack *self,
                                                 guint16        mask);
void      octa_part_track_set_lfo_design        (OctaPartTrack *self,
                                                 const gint8   *steps,
                                                 guint16        interpolation);

/* Per-step views of the LFO design (octa-part-track-design.c) */
gboolean  octa_part_track_get_lfo_smooth        (OctaPartTrack *self,
                                                 guint          step);
void      octa_part_track_set_lfo_smooth        (OctaPartTrack *self,
                                                 guint          step,
                                                 gboolean       smooth);
void      octa_part_track_set_lfo_steps         (OctaPartTrack *self,
                                                 const gint8   *steps);

G_END_DECLS
