/* SPDX-License-Identifier: MIT */
#pragma once

#include <gio/gio.h>

#include "octa-model-enums.h"
#include "octa-pattern.h"

G_BEGIN_DECLS

#define OCTA_TYPE_PATTERN_TRACK (octa_pattern_track_get_type ())

G_DECLARE_DERIVABLE_TYPE (OctaPatternTrack, octa_pattern_track, OCTA, PATTERN_TRACK, GObject)

struct _OctaPatternTrackClass
{
  GObjectClass parent_class;

  /*< private >*/
  gpointer padding[8];
};

typedef struct _OctaStep OctaStep;

OctaPattern *octa_pattern_track_get_pattern   (OctaPatternTrack *self);
guint        octa_pattern_track_get_index     (OctaPatternTrack *self);
gboolean     octa_pattern_track_is_midi       (OctaPatternTrack *self);
char        *octa_pattern_track_dup_label     (OctaPatternTrack *self);
GListModel  *octa_pattern_track_list_steps    (OctaPatternTrack *self);
OctaStep    *octa_pattern_track_get_step      (OctaPatternTrack *self,
                                               guint             index);
guint64      octa_pattern_track_get_trig_mask (OctaPatternTrack *self,
                                               OctaTrigType      type);
void         octa_pattern_track_set_trig_mask (OctaPatternTrack *self,
                                               OctaTrigType      type,
                                               guint64           mask);
gboolean     octa_pattern_track_get_trig      (OctaPatternTrack *self,
                                               OctaTrigType      type,
                                               guint             step);
void         octa_pattern_track_set_trig      (OctaPatternTrack *self,
                                               OctaTrigType      type,
                                               guint             step,
                                               gboolean          on);
gboolean     octa_pattern_track_has_trig_type (OctaPatternTrack *self,
                                               OctaTrigType      type);
void         octa_pattern_track_clear         (OctaPatternTrack *self);
void         octa_pattern_track_get_step_summary (OctaPatternTrack  *self,
                                                  guint              step,
                                                  guint             *n_plocks,
                                                  guint             *sample_lock,
                                                  OctaTrigCondition *condition,
                                                  gint              *micro_timing,
                                                  guint             *repeats);
guint64      octa_pattern_track_get_unsaved_steps (OctaPatternTrack *self);

G_END_DECLS
