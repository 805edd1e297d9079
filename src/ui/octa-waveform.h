/* SPDX-License-Identifier: MIT */
#pragma once

#include <gtk/gtk.h>

#include "octa.h"

G_BEGIN_DECLS

/* Handles, as focused by Tab: the trims, the loop point, then slice i at
 * OCTA_WAVEFORM_HANDLE_SLICE + i. */
#define OCTA_WAVEFORM_HANDLE_NONE       (-1)
#define OCTA_WAVEFORM_HANDLE_TRIM_START   0
#define OCTA_WAVEFORM_HANDLE_TRIM_END     1
#define OCTA_WAVEFORM_HANDLE_LOOP         2
#define OCTA_WAVEFORM_HANDLE_SLICE        3

#define OCTA_TYPE_WAVEFORM (octa_waveform_get_type ())

G_DECLARE_FINAL_TYPE (OctaWaveform, octa_waveform, OCTA, WAVEFORM, GtkWidget)

GtkWidget      *octa_waveform_new              (void);
void            octa_waveform_set_slot         (OctaWaveform   *self,
                                                OctaSampleSlot *slot);
OctaSampleSlot *octa_waveform_get_slot         (OctaWaveform   *self);
gboolean        octa_waveform_get_loaded       (OctaWaveform   *self);
const char     *octa_waveform_get_status       (OctaWaveform   *self);
guint64         octa_waveform_get_frames       (OctaWaveform   *self);
guint           octa_waveform_get_rate         (OctaWaveform   *self);
gint            octa_waveform_get_focus_handle (OctaWaveform   *self);
void            octa_waveform_set_focus_handle (OctaWaveform   *self,
                                                gint            handle);
gboolean        octa_waveform_get_handle_x     (OctaWaveform   *self,
                                                gint            handle,
                                                double         *x);
gboolean        octa_waveform_get_ruler_frames (OctaWaveform   *self);
void            octa_waveform_set_ruler_frames (OctaWaveform   *self,
                                                gboolean        ruler_frames);
gint            octa_waveform_click            (OctaWaveform   *self,
                                                double          x,
                                                double          y,
                                                GdkModifierType state);

G_END_DECLS
