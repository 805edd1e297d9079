/* SPDX-License-Identifier: MIT */
#pragma once

#include <adwaita.h>

#include "octa.h"

G_BEGIN_DECLS

#define OCTA_TYPE_WINDOW (octa_window_get_type ())

G_DECLARE_FINAL_TYPE (OctaWindow, octa_window, OCTA, WINDOW, AdwApplicationWindow)

OctaWindow  *octa_window_new            (GtkApplication *application);
OctaProject *octa_window_get_project    (OctaWindow     *self);
OctaPattern *octa_window_get_pattern    (OctaWindow     *self);
gboolean     octa_window_get_busy       (OctaWindow     *self);
void         octa_window_open_file      (OctaWindow     *self,
                                         GFile          *file);
void         octa_window_open_demo      (OctaWindow     *self);
void         octa_window_set_project    (OctaWindow     *self,
                                         OctaProject    *project);
void         octa_window_select_pattern (OctaWindow     *self,
                                         guint           bank,
                                         guint           pattern);
void         octa_window_show_open_dialog (OctaWindow   *self);
void         octa_window_show_new_project_dialog (OctaWindow *self);
void         octa_window_bench_mark_start (void);

G_END_DECLS
