/* SPDX-License-Identifier: MIT */
#pragma once

#include <gio/gio.h>

#include "octa-part.h"

G_BEGIN_DECLS

#define OCTA_TYPE_SCENE (octa_scene_get_type ())

G_DECLARE_FINAL_TYPE (OctaScene, octa_scene, OCTA, SCENE, GObject)

OctaPart *octa_scene_get_part        (OctaScene *self);
guint     octa_scene_get_index       (OctaScene *self);
gint      octa_scene_get_lock        (OctaScene *self,
                                      guint      track,
                                      guint      param);
void      octa_scene_set_lock        (OctaScene *self,
                                      guint      track,
                                      guint      param,
                                      gint       value);
gint      octa_scene_get_xlv         (OctaScene *self,
                                      guint      track);
void      octa_scene_set_xlv         (OctaScene *self,
                                      guint      track,
                                      gint       value);
guint8    octa_scene_get_xlv_unknown (OctaScene *self,
                                      guint      index);
void      octa_scene_set_xlv_unknown (OctaScene *self,
                                      guint      index,
                                      guint8     value);
guint     octa_scene_count_locks     (OctaScene *self);

G_END_DECLS
