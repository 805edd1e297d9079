/* SPDX-License-Identifier: MIT */
#pragma once

#include "octa-markers.h"
#include "octa-project-private.h"
#include "octa-sample-slot.h"

G_BEGIN_DECLS

/* What the device writes in an empty recorder buffer's block. */
#define OCTA_RECORDER_BLANK_TSMODE      2
#define OCTA_RECORDER_BLANK_LOOPMODE    0
#define OCTA_RECORDER_BLANK_GAIN        72
#define OCTA_RECORDER_BLANK_TRIGQ       (-1)

gboolean     _octa_slot_to_codec            (OctaSlotKind      kind,
                                             guint             number,
                                             OctaSlotType     *type,
                                             guint            *slot);
gboolean     _octa_slot_text_used           (const OctaProjectFile *file,
                                             OctaSlotKind      kind,
                                             guint             number);
gboolean     _octa_slot_text_set_path       (OctaProjectFile  *file,
                                             OctaSlotKind      kind,
                                             guint             number,
                                             const char       *path,
                                             GError          **error);
gboolean     _octa_slot_text_clear          (OctaProjectFile  *file,
                                             OctaSlotKind      kind,
                                             guint             number,
                                             GError          **error);
void         _octa_slot_markers_clear       (OctaProject      *project,
                                             OctaSlotKind      kind,
                                             guint             number);
char        *_octa_project_dup_folder       (OctaProject      *project,
                                             GError          **error);
GFile       *_octa_project_resolve_sample   (OctaProject      *project,
                                             const char       *path);

void         _octa_sample_slot_get_codec    (OctaSampleSlot   *self,
                                             OctaSlotType     *type,
                                             guint            *slot);
void         _octa_sample_slot_forget_markers (OctaSampleSlot *self);
OctaMarkers *_octa_markers_new              (OctaSampleSlot   *slot);

G_END_DECLS
