/* SPDX-License-Identifier: MIT */
#pragma once

#include <adwaita.h>

#include "octa.h"

G_BEGIN_DECLS

#define OCTA_TYPE_ARRANGEMENT_VIEW (octa_arrangement_view_get_type ())

G_DECLARE_FINAL_TYPE (OctaArrangementView, octa_arrangement_view, OCTA, ARRANGEMENT_VIEW,
                      GtkWidget)

GtkWidget   *octa_arrangement_view_new             (void);
void         octa_arrangement_view_set_project     (OctaArrangementView *self,
                                                    OctaProject         *project);
OctaProject *octa_arrangement_view_get_project     (OctaArrangementView *self);
void         octa_arrangement_view_set_arrangement (OctaArrangementView *self,
                                                    guint                index);
guint        octa_arrangement_view_get_arrangement (OctaArrangementView *self);
void         octa_arrangement_view_select_row      (OctaArrangementView *self,
                                                    guint                row);
gint         octa_arrangement_view_get_selected_row (OctaArrangementView *self);

G_END_DECLS
