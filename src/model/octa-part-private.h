/* SPDX-License-Identifier: MIT */
#pragma once

#include "octa-bank-private.h"
#include "octa-part.h"

G_BEGIN_DECLS

/* Size of one part block (spec §2.5). */
#define OCTA_PART_BLOCK_SIZE 6331

OctaPart     *_octa_part_new                (OctaBank *bank,
                                             guint     index);
OctaBankFile *_octa_part_get_file           (OctaPart *self);
OctaProject  *_octa_part_get_project        (OctaPart *self);
guint         _octa_part_get_file_id        (OctaPart *self);
gsize         _octa_part_get_block_offset   (OctaPart *self);

/* Part edits go through here: they change the unsaved copy and set the
 * part's edited flag, as the device does. */
void          _octa_part_begin_edit         (OctaPart   *self,
                                             const char *label);
void          _octa_part_end_edit           (OctaPart   *self);

/* Children clear the part's pointer to them as they go; a track replaced
 * after a machine change leaves the new one in place. */
void          _octa_part_forget_audio_track (OctaPart *self,
                                             guint     index,
                                             gpointer  track);
void          _octa_part_forget_midi_track  (OctaPart *self,
                                             guint     index,
                                             gpointer  track);
void          _octa_part_forget_scene       (OctaPart *self,
                                             guint     index,
                                             gpointer  scene);

G_END_DECLS
