/* SPDX-License-Identifier: MIT */
#pragma once

#include <gtk/gtk.h>

#include "octa.h"

G_BEGIN_DECLS

#define OCTA_SCENE_STRIP_N_SCENES 16

#define OCTA_TYPE_SCENE_STRIP (octa_scene_strip_get_type ())

G_DECLARE_FINAL_TYPE (OctaSceneStrip, octa_scene_strip, OCTA, SCENE_STRIP, GtkWidget)

GtkWidget *octa_scene_strip_new          (void);
void       octa_scene_strip_set_part     (OctaSceneStrip *self,
                                          OctaPart       *part);
void       octa_scene_strip_refresh      (OctaSceneStrip *self);
gint       octa_scene_strip_get_selected (OctaSceneStrip *self);
void       octa_scene_strip_set_selected (OctaSceneStrip *self,
                                          gint            scene);
GtkWidget *octa_scene_strip_get_key      (OctaSceneStrip *self,
                                          guint           scene);

G_END_DECLS
