/* SPDX-License-Identifier: MIT */
#pragma once

#include <gio/gio.h>

#include "octa-sample-slot.h"

G_BEGIN_DECLS

#define OCTA_TYPE_MARKERS (octa_markers_get_type ())

G_DECLARE_FINAL_TYPE (OctaMarkers, octa_markers, OCTA, MARKERS, GObject)

/* A slice loop point meaning "this slice does not loop". */
#define OCTA_MARKERS_NO_LOOP 0xFFFFFFFFu
#define OCTA_MARKERS_N_SLICES 64

OctaSampleSlot *octa_markers_get_slot          (OctaMarkers *self);
guint           octa_markers_get_trim_start    (OctaMarkers *self);
void            octa_markers_set_trim_start    (OctaMarkers *self,
                                                guint        frames);
guint           octa_markers_get_trim_end      (OctaMarkers *self);
void            octa_markers_set_trim_end      (OctaMarkers *self,
                                                guint        frames);
guint           octa_markers_get_loop_point    (OctaMarkers *self);
void            octa_markers_set_loop_point    (OctaMarkers *self,
                                                guint        frames);
guint           octa_markers_get_slice_count   (OctaMarkers *self);
void            octa_markers_set_slice_count   (OctaMarkers *self,
                                                guint        count);
void            octa_markers_get_slice         (OctaMarkers *self,
                                                guint        index,
                                                guint       *start,
                                                guint       *end,
                                                guint       *loop);
void            octa_markers_set_slice         (OctaMarkers *self,
                                                guint        index,
                                                guint        start,
                                                guint        end,
                                                guint        loop);
void            octa_markers_set_slices_equal  (OctaMarkers *self,
                                                guint        n_slices,
                                                guint        frames);
void            octa_markers_make_equal_slices (OctaMarkers *self,
                                                guint        n_slices);
gint            octa_markers_add_slice         (OctaMarkers *self,
                                                guint        position);
void            octa_markers_remove_slice      (OctaMarkers *self,
                                                guint        index);
guint           octa_markers_move_slice        (OctaMarkers *self,
                                                guint        index,
                                                guint        start);
gboolean        octa_markers_get_is_empty      (OctaMarkers *self);
void            octa_markers_clear             (OctaMarkers *self);

G_END_DECLS
