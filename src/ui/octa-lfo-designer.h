/* SPDX-License-Identifier: MIT */
#pragma once

#include <gtk/gtk.h>

#include "octa.h"

G_BEGIN_DECLS

#define OCTA_TYPE_LFO_DESIGNER (octa_lfo_designer_get_type ())

G_DECLARE_FINAL_TYPE (OctaLfoDesigner, octa_lfo_designer, OCTA, LFO_DESIGNER, GtkWidget)

GtkWidget     *octa_lfo_designer_new               (void);
OctaPartTrack *octa_lfo_designer_get_track         (OctaLfoDesigner *self);
void           octa_lfo_designer_set_track         (OctaLfoDesigner *self,
                                                    OctaPartTrack   *track);
guint          octa_lfo_designer_get_cursor        (OctaLfoDesigner *self);
void           octa_lfo_designer_set_cursor        (OctaLfoDesigner *self,
                                                    guint            step);
gboolean       octa_lfo_designer_get_column_bounds (OctaLfoDesigner *self,
                                                    guint            step,
                                                    graphene_rect_t *bounds);
gboolean       octa_lfo_designer_get_smooth_bounds (OctaLfoDesigner *self,
                                                    guint            step,
                                                    graphene_rect_t *bounds);
double         octa_lfo_designer_value_to_y        (OctaLfoDesigner *self,
                                                    int              value);

G_END_DECLS
