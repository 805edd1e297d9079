/* SPDX-License-Identifier: MIT */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define OCTA_GRID_RESOURCE_PATH "/io/github/octadesk/Octadesk/grid/"

void     _octa_grid_ensure_css             (void);
char    *_octa_step_grid_dup_sample_name   (GtkWidget *grid,
                                            guint      row);
guint64  _octa_step_grid_get_unsaved_steps (GtkWidget *grid,
                                            guint      row);

G_END_DECLS
