/* SPDX-License-Identifier: MIT */
#pragma once

#include <gtk/gtk.h>

#include "octa.h"

G_BEGIN_DECLS

#define OCTA_TYPE_ARP_EDITOR (octa_arp_editor_get_type ())

G_DECLARE_FINAL_TYPE (OctaArpEditor, octa_arp_editor, OCTA, ARP_EDITOR, GtkWidget)

GtkWidget         *octa_arp_editor_new               (void);
OctaMidiPartTrack *octa_arp_editor_get_track         (OctaArpEditor     *self);
void               octa_arp_editor_set_track         (OctaArpEditor     *self,
                                                      OctaMidiPartTrack *track);
guint              octa_arp_editor_get_cursor        (OctaArpEditor     *self);
void               octa_arp_editor_set_cursor        (OctaArpEditor     *self,
                                                      guint              step);
char              *octa_arp_editor_dup_step_label    (OctaArpEditor     *self,
                                                      guint              step);
gboolean           octa_arp_editor_get_column_bounds (OctaArpEditor     *self,
                                                      guint              step,
                                                      graphene_rect_t   *bounds);
gboolean           octa_arp_editor_get_mute_bounds   (OctaArpEditor     *self,
                                                      guint              step,
                                                      graphene_rect_t   *bounds);
double             octa_arp_editor_value_to_y        (OctaArpEditor     *self,
                                                      int                value);

G_END_DECLS
