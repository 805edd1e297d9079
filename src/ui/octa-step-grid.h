/* SPDX-License-Identifier: MIT */
#pragma once

#include <gtk/gtk.h>

#include "octa.h"

G_BEGIN_DECLS

/**
 * OctaStepGridLayer:
 * @OCTA_STEP_GRID_LAYER_TRIGS: clicks and trig keys edit trigs
 * @OCTA_STEP_GRID_LAYER_SWING: … swing trigs
 * @OCTA_STEP_GRID_LAYER_SLIDE: … slide trigs (audio tracks)
 * @OCTA_STEP_GRID_LAYER_REC: … recorder trigs (audio tracks)
 *
 * What a click or a trig key edits, as the device's TRACK TRIG EDIT.
 */
typedef enum
{
  OCTA_STEP_GRID_LAYER_TRIGS,
  OCTA_STEP_GRID_LAYER_SWING,
  OCTA_STEP_GRID_LAYER_SLIDE,
  OCTA_STEP_GRID_LAYER_REC,
} OctaStepGridLayer;

GType octa_step_grid_layer_get_type (void) G_GNUC_CONST;
#define OCTA_TYPE_STEP_GRID_LAYER (octa_step_grid_layer_get_type ())

/* Rows 0…7 are the audio tracks T1…T8, rows 8…15 the MIDI tracks M1…M8. */
#define OCTA_STEP_GRID_N_ROWS 16

#define OCTA_TYPE_STEP_GRID (octa_step_grid_get_type ())

G_DECLARE_FINAL_TYPE (OctaStepGrid, octa_step_grid, OCTA, STEP_GRID, GtkWidget)

GtkWidget         *octa_step_grid_new             (void);
void               octa_step_grid_set_pattern     (OctaStepGrid      *self,
                                                   OctaPattern       *pattern);
OctaPattern       *octa_step_grid_get_pattern     (OctaStepGrid      *self);
void               octa_step_grid_copy_pattern    (OctaStepGrid      *self,
                                                   OctaPattern       *pattern);
guint              octa_step_grid_get_page        (OctaStepGrid      *self);
void               octa_step_grid_set_page        (OctaStepGrid      *self,
                                                   guint              page);
gboolean           octa_step_grid_get_view_all    (OctaStepGrid      *self);
void               octa_step_grid_set_view_all    (OctaStepGrid      *self,
                                                   gboolean           view_all);
gboolean           octa_step_grid_get_show_unsaved (OctaStepGrid     *self);
void               octa_step_grid_set_show_unsaved (OctaStepGrid     *self,
                                                    gboolean          show_unsaved);
OctaStepGridLayer  octa_step_grid_get_layer       (OctaStepGrid      *self);
void               octa_step_grid_set_layer       (OctaStepGrid      *self,
                                                   OctaStepGridLayer  layer);
void               octa_step_grid_get_cursor      (OctaStepGrid      *self,
                                                   guint             *row,
                                                   guint             *step);
void               octa_step_grid_set_cursor      (OctaStepGrid      *self,
                                                   guint              row,
                                                   guint              step);
OctaStep          *octa_step_grid_get_step        (OctaStepGrid      *self);
gboolean           octa_step_grid_get_selection   (OctaStepGrid      *self,
                                                   guint             *first_row,
                                                   guint             *last_row,
                                                   guint             *first_step,
                                                   guint             *last_step);
GPtrArray         *octa_step_grid_dup_selected_steps (OctaStepGrid   *self);
const char        *octa_step_grid_get_readout     (OctaStepGrid      *self);
gboolean           octa_step_grid_lookup_trig_color (OctaStepGrid    *self,
                                                     const char      *role,
                                                     GdkRGBA         *color);
gboolean           octa_step_grid_get_cell_bounds (OctaStepGrid      *self,
                                                   guint              row,
                                                   guint              step,
                                                   graphene_rect_t   *bounds);
gboolean           octa_step_grid_pick_cell       (OctaStepGrid      *self,
                                                   double             x,
                                                   double             y,
                                                   guint             *row,
                                                   guint             *step);
gboolean           octa_step_grid_drop_slot       (OctaStepGrid      *self,
                                                   OctaSampleSlot    *slot,
                                                   guint              row,
                                                   int                step,
                                                   GError           **error);

GtkWidget         *octa_step_grid_legend_new      (void);

G_END_DECLS
