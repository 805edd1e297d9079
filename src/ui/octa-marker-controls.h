/* SPDX-License-Identifier: MIT */
#pragma once

#include <gtk/gtk.h>

#include "octa-waveform.h"

G_BEGIN_DECLS

#define OCTA_TYPE_MARKER_CONTROLS (octa_marker_controls_get_type ())

G_DECLARE_FINAL_TYPE (OctaMarkerControls, octa_marker_controls, OCTA, MARKER_CONTROLS, GtkWidget)

GtkWidget    *octa_marker_controls_new          (void);
void          octa_marker_controls_set_waveform (OctaMarkerControls *self,
                                                 OctaWaveform       *waveform);
OctaWaveform *octa_marker_controls_get_waveform (OctaMarkerControls *self);

G_END_DECLS
