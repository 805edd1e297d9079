/* SPDX-License-Identifier: MIT */
#pragma once

#include <gtk/gtk.h>

#include "octa.h"

G_BEGIN_DECLS

#define OCTA_TYPE_CROSSFADER (octa_crossfader_get_type ())

G_DECLARE_FINAL_TYPE (OctaCrossfader, octa_crossfader, OCTA, CROSSFADER, GtkWidget)

GtkWidget *octa_crossfader_new          (void);
void       octa_crossfader_set_part     (OctaCrossfader *self,
                                         OctaPart       *part);
void       octa_crossfader_refresh      (OctaCrossfader *self);
double     octa_crossfader_get_position (OctaCrossfader *self);
void       octa_crossfader_set_position (OctaCrossfader *self,
                                         double          position);
gboolean   octa_crossfader_get_active   (OctaCrossfader *self);
void       octa_crossfader_set_active   (OctaCrossfader *self,
                                         gboolean        active);
gint       octa_crossfader_morph        (OctaCrossfader *self,
                                         gint            base,
                                         gint            lock_a,
                                         gint            lock_b);

G_END_DECLS
