/* SPDX-License-Identifier: MIT */
#pragma once

#include <gio/gio.h>

#include "octa-bank.h"

G_BEGIN_DECLS

#define OCTA_TYPE_PART (octa_part_get_type ())

G_DECLARE_FINAL_TYPE (OctaPart, octa_part, OCTA, PART, GObject)

typedef struct _OctaAudioPartTrack OctaAudioPartTrack;
typedef struct _OctaMidiPartTrack OctaMidiPartTrack;
typedef struct _OctaScene OctaScene;

OctaBank           *octa_part_get_bank           (OctaPart    *self);
guint               octa_part_get_index          (OctaPart    *self);
char               *octa_part_dup_name           (OctaPart    *self);
gboolean            octa_part_set_name           (OctaPart    *self,
                                                  const char  *name,
                                                  GError     **error);
gboolean            octa_part_get_edited         (OctaPart    *self);
gboolean            octa_part_get_has_saved      (OctaPart    *self);
void                octa_part_save               (OctaPart    *self);
void                octa_part_reload             (OctaPart    *self);
guint               octa_part_get_active_scene_a (OctaPart    *self);
void                octa_part_set_active_scene_a (OctaPart    *self,
                                                  guint        scene);
guint               octa_part_get_active_scene_b (OctaPart    *self);
void                octa_part_set_active_scene_b (OctaPart    *self,
                                                  guint        scene);
GListModel         *octa_part_list_audio_tracks  (OctaPart    *self);
OctaAudioPartTrack *octa_part_get_audio_track    (OctaPart    *self,
                                                  guint        index);
GListModel         *octa_part_list_midi_tracks   (OctaPart    *self);
OctaMidiPartTrack  *octa_part_get_midi_track     (OctaPart    *self,
                                                  guint        index);
GListModel         *octa_part_list_scenes        (OctaPart    *self);
OctaScene          *octa_part_get_scene          (OctaPart    *self,
                                                  guint        index);

G_END_DECLS
