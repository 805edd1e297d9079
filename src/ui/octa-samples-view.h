/* SPDX-License-Identifier: MIT */
#pragma once

#include <gtk/gtk.h>

#include "octa.h"

G_BEGIN_DECLS

#define OCTA_TYPE_SAMPLES_VIEW (octa_samples_view_get_type ())

G_DECLARE_FINAL_TYPE (OctaSamplesView, octa_samples_view, OCTA, SAMPLES_VIEW, GtkWidget)

GtkWidget    *octa_samples_view_new          (void);
OctaProject  *octa_samples_view_get_project  (OctaSamplesView *self);
void          octa_samples_view_set_project  (OctaSamplesView *self,
                                              OctaProject     *project);
OctaSlotKind  octa_samples_view_get_kind     (OctaSamplesView *self);
void          octa_samples_view_set_kind     (OctaSamplesView *self,
                                              OctaSlotKind     kind);
GtkWidget    *octa_samples_view_get_column_view (OctaSamplesView *self);
const char   *octa_samples_view_get_refusal  (OctaSamplesView *self);

G_END_DECLS
