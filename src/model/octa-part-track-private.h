/* SPDX-License-Identifier: MIT */
#pragma once

#include "octa-audio-part-track.h"
#include "octa-field-private.h"
#include "octa-flex-part-track.h"
#include "octa-midi-part-track.h"
#include "octa-neighbor-part-track.h"
#include "octa-part-private.h"
#include "octa-part-track.h"
#include "octa-pickup-part-track.h"
#include "octa-scene.h"
#include "octa-static-part-track.h"
#include "octa-thru-part-track.h"

G_BEGIN_DECLS

/* A field's arg names one byte of the track's share of a part area. */
#define OCTA_PART_TRACK_ARG(area, index) (((guint) (area) << 8) | (guint) (index))

/* Most fields are one plain byte; @area is an OctaPartArea without its prefix. */
#define OCTA_PART_TRACK_BYTE(name, area, index, min, max, def, label) \
  { name, OCTA_FIELD_INT, min, max, def, NULL, _octa_part_track_get_byte, \
    _octa_part_track_set_byte, OCTA_PART_TRACK_ARG (OCTA_PART_AREA_##area, index), 1, label }

OctaBankFile       *_octa_part_track_get_file      (OctaPartTrack *self);
OctaProject        *_octa_part_track_get_project   (OctaPartTrack *self);
void                _octa_part_track_setup         (OctaPartTrack *self,
                                                    OctaPart      *part,
                                                    guint          index);
void                _octa_part_track_class_install (GObjectClass    *klass,
                                                    OctaFieldTable  *table,
                                                    const OctaField *defs,
                                                    guint            n_fields);

/* OctaField callbacks over OCTA_PART_TRACK_ARG() args; setters write the
 * unsaved part and mark it edited. */
gint                _octa_part_track_get_byte      (gpointer  self,
                                                    guint     arg);
void                _octa_part_track_set_byte      (gpointer  self,
                                                    guint     arg,
                                                    gint      value);
gint                _octa_part_track_get_plus_one  (gpointer  self,
                                                    guint     arg);
void                _octa_part_track_set_plus_one  (gpointer  self,
                                                    guint     arg,
                                                    gint      value);
gint                _octa_part_track_get_signed    (gpointer  self,
                                                    guint     arg);
void                _octa_part_track_set_signed    (gpointer  self,
                                                    guint     arg,
                                                    gint      value);
gint                _octa_part_track_get_u16       (gpointer  self,
                                                    guint     arg);
void                _octa_part_track_set_u16       (gpointer  self,
                                                    guint     arg,
                                                    gint      value);

GType               _octa_audio_part_track_type_for_machine (guint machine);
OctaAudioPartTrack *_octa_audio_part_track_new     (OctaPart *part,
                                                    guint     index);
OctaMidiPartTrack  *_octa_midi_part_track_new      (OctaPart *part,
                                                    guint     index);

OctaScene          *_octa_scene_new                (OctaPart *part,
                                                    guint     index);

G_END_DECLS
