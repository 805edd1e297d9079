/* SPDX-License-Identifier: MIT */
#pragma once

#include <gio/gio.h>

#include "octa-model-enums.h"
#include "octa-project.h"

G_BEGIN_DECLS

#define OCTA_TYPE_SAMPLE_SLOT (octa_sample_slot_get_type ())

G_DECLARE_FINAL_TYPE (OctaSampleSlot, octa_sample_slot, OCTA, SAMPLE_SLOT, GObject)

typedef struct _OctaMarkers OctaMarkers;

/* Flex and Static slots are numbered 1…128, recorder buffers 1…8. */
#define OCTA_N_SLOTS           128
#define OCTA_N_RECORDER_BUFFERS  8

OctaSampleSlot  *octa_project_get_sample_slot         (OctaProject     *project,
                                                       OctaSlotKind     kind,
                                                       guint            number);
GListModel      *octa_project_list_sample_slots       (OctaProject     *project,
                                                       OctaSlotKind     kind);
guint            octa_slot_kind_get_n_slots           (OctaSlotKind     kind);

OctaProject     *octa_sample_slot_get_project         (OctaSampleSlot  *self);
OctaSlotKind     octa_sample_slot_get_kind            (OctaSampleSlot  *self);
guint            octa_sample_slot_get_number          (OctaSampleSlot  *self);
char            *octa_sample_slot_dup_label           (OctaSampleSlot  *self);
gboolean         octa_sample_slot_get_used            (OctaSampleSlot  *self);
char            *octa_sample_slot_dup_path            (OctaSampleSlot  *self);
gboolean         octa_sample_slot_set_path            (OctaSampleSlot  *self,
                                                       const char      *path,
                                                       GError         **error);
GFile           *octa_sample_slot_get_file            (OctaSampleSlot  *self);
gint             octa_sample_slot_get_trim_bars_x100  (OctaSampleSlot  *self);
void             octa_sample_slot_set_trim_bars_x100  (OctaSampleSlot  *self,
                                                       gint             bars_x100);
gint             octa_sample_slot_get_bpm_x24         (OctaSampleSlot  *self);
void             octa_sample_slot_set_bpm_x24         (OctaSampleSlot  *self,
                                                       gint             bpm_x24);
OctaTimestretch  octa_sample_slot_get_timestretch     (OctaSampleSlot  *self);
void             octa_sample_slot_set_timestretch     (OctaSampleSlot  *self,
                                                       OctaTimestretch  mode);
OctaLoopMode     octa_sample_slot_get_loop_mode       (OctaSampleSlot  *self);
void             octa_sample_slot_set_loop_mode       (OctaSampleSlot  *self,
                                                       OctaLoopMode     mode);
guint            octa_sample_slot_get_gain            (OctaSampleSlot  *self);
void             octa_sample_slot_set_gain            (OctaSampleSlot  *self,
                                                       guint            gain);
gint             octa_sample_slot_get_trig_quantization (OctaSampleSlot *self);
void             octa_sample_slot_set_trig_quantization (OctaSampleSlot *self,
                                                         gint            quantization);
OctaMarkers     *octa_sample_slot_get_markers         (OctaSampleSlot  *self);
void             octa_sample_slot_clear               (OctaSampleSlot  *self);

G_END_DECLS
