/* SPDX-License-Identifier: MIT */
#pragma once

#include <adwaita.h>

#include "octa.h"

G_BEGIN_DECLS

#define OCTA_TYPE_PROJECT_VIEW (octa_project_view_get_type ())

G_DECLARE_FINAL_TYPE (OctaProjectView, octa_project_view, OCTA, PROJECT_VIEW, AdwBin)

GtkWidget   *octa_project_view_new         (void);
OctaProject *octa_project_view_get_project (OctaProjectView *self);
void         octa_project_view_set_project (OctaProjectView *self,
                                            OctaProject     *project);
GtkWidget   *octa_project_view_get_editor  (OctaProjectView *self,
                                            const char      *property);
guint        octa_project_view_count_files_differing (OctaProjectView *self);
const char  *octa_project_view_get_health_summary    (OctaProjectView *self);

G_END_DECLS
