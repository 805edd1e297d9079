/* SPDX-License-Identifier: MIT */
#pragma once

#include <gtk/gtk.h>

#include "octa.h"

G_BEGIN_DECLS

#define OCTA_TYPE_PARTS_VIEW (octa_parts_view_get_type ())

G_DECLARE_FINAL_TYPE (OctaPartsView, octa_parts_view, OCTA, PARTS_VIEW, GtkWidget)

GtkWidget *octa_parts_view_new          (void);
void       octa_parts_view_set_project  (OctaPartsView *self,
                                         OctaProject   *project);
void       octa_parts_view_set_bank     (OctaPartsView *self,
                                         guint          bank);
void       octa_parts_view_set_part     (OctaPartsView *self,
                                         guint          part);
void       octa_parts_view_set_page     (OctaPartsView *self,
                                         guint          page,
                                         gboolean       setup);
void       octa_parts_view_set_midi     (OctaPartsView *self,
                                         gboolean       midi);
void       octa_parts_view_edit_scene   (OctaPartsView *self,
                                         gint           scene);
GtkWidget *octa_parts_view_get_dial     (OctaPartsView *self,
                                         guint          track,
                                         const char    *property);
gboolean   octa_parts_view_drop_slot    (OctaPartsView   *self,
                                         OctaSampleSlot  *slot,
                                         guint            track,
                                         GError         **error);

G_END_DECLS
