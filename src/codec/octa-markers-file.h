/* SPDX-License-Identifier: MIT */
#pragma once

#include <glib.h>

#include "octa-image.h"

G_BEGIN_DECLS

/*
 * Slots are 0-based: FLEX 0…127 are the device's Flex slots 1…128, FLEX
 * 128…135 are the recorder buffers 1…8 (project.work slots 129…136);
 * STATIC 0…127 are Static slots 1…128.
 */
#define OCTA_N_FLEX_SLOTS      136
#define OCTA_N_SAMPLE_SLOTS    128
#define OCTA_N_RECORDER_SLOTS    8
#define OCTA_N_STATIC_SLOTS    128
#define OCTA_N_SLICES           64
#define OCTA_SLICE_NO_LOOP     0xFFFFFFFFu

typedef enum
{
  OCTA_SLOT_FLEX,
  OCTA_SLOT_STATIC,
} OctaSlotType;

typedef struct _OctaMarkersFile OctaMarkersFile;

typedef struct
{
  guint32 start;
  guint32 end;
  guint32 loop;
} OctaSlice;

guint          octa_slot_type_n_slots              (OctaSlotType type);
const char    *octa_slot_type_to_string            (OctaSlotType type);
gsize          octa_markers_slot_offset            (OctaSlotType type,
                                                    guint slot);

OctaMarkersFile *octa_markers_file_new_blank       (const char *name);
OctaMarkersFile *octa_markers_file_new_from_data   (const guint8 *data,
                                                    gsize len,
                                                    const char *name,
                                                    OctaLoadFlags flags,
                                                    GError **error);
OctaMarkersFile *octa_markers_file_copy            (const OctaMarkersFile *markers);
void           octa_markers_file_free              (OctaMarkersFile *markers);
OctaImage     *octa_markers_file_get_image         (OctaMarkersFile *markers);
GBytes        *octa_markers_file_encode            (OctaMarkersFile *markers);

guint32        octa_markers_file_get_trim_start    (const OctaMarkersFile *markers, OctaSlotType type, guint slot);
void           octa_markers_file_set_trim_start    (OctaMarkersFile *markers, OctaSlotType type, guint slot, guint32 frames);
guint32        octa_markers_file_get_trim_end      (const OctaMarkersFile *markers, OctaSlotType type, guint slot);
void           octa_markers_file_set_trim_end      (OctaMarkersFile *markers, OctaSlotType type, guint slot, guint32 frames);
guint32        octa_markers_file_get_loop_point    (const OctaMarkersFile *markers, OctaSlotType type, guint slot);
void           octa_markers_file_set_loop_point    (OctaMarkersFile *markers, OctaSlotType type, guint slot, guint32 frames);
guint32        octa_markers_file_get_slice_count   (const OctaMarkersFile *markers, OctaSlotType type, guint slot);
void           octa_markers_file_set_slice_count   (OctaMarkersFile *markers, OctaSlotType type, guint slot, guint32 count);
OctaSlice      octa_markers_file_get_slice         (const OctaMarkersFile *markers, OctaSlotType type, guint slot, guint index);
void           octa_markers_file_set_slice         (OctaMarkersFile *markers, OctaSlotType type, guint slot, guint index, OctaSlice slice);
gboolean       octa_markers_file_slot_is_empty     (const OctaMarkersFile *markers, OctaSlotType type, guint slot);
void           octa_markers_file_clear_slot        (OctaMarkersFile *markers, OctaSlotType type, guint slot);
void           octa_markers_file_copy_slot         (OctaMarkersFile *markers,
                                                    OctaSlotType from_type, guint from_slot,
                                                    OctaSlotType to_type, guint to_slot);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OctaMarkersFile, octa_markers_file_free)

G_END_DECLS
