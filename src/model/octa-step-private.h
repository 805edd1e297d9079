/* SPDX-License-Identifier: MIT */
#pragma once

#include "octa-audio-step.h"
#include "octa-midi-step.h"
#include "octa-pattern-track-private.h"
#include "octa-step.h"

G_BEGIN_DECLS

/* The common fields: whether the step holds a kind of trig, and one byte of
 * its lock record (−1 when not locked). */
#define OCTA_STEP_TRIG(name, type, label) \
  { name, OCTA_FIELD_BOOLEAN, 0, 1, 0, NULL, _octa_step_trig_get, _octa_step_trig_set, type, 1, \
    label }
#define OCTA_STEP_LOCK(name, param) \
  { name, OCTA_FIELD_INT, -1, 254, -1, NULL, _octa_step_plock_get, _octa_step_plock_set, param, \
    1, "Lock parameter" }

OctaStep     *_octa_step_new          (OctaPatternTrack *track,
                                       guint             index);
OctaBankFile *_octa_step_get_file     (OctaStep         *self);
OctaProject  *_octa_step_get_project  (OctaStep         *self);
void          _octa_step_locate       (OctaStep         *self,
                                       guint            *pattern,
                                       OctaTrackType    *type,
                                       guint            *track);
gint          _octa_step_plock_get    (gpointer          self,
                                       guint             param);
void          _octa_step_plock_set    (gpointer          self,
                                       guint             param,
                                       gint              value);
gint          _octa_step_trig_get     (gpointer          self,
                                       guint             type);
void          _octa_step_trig_set     (gpointer          self,
                                       guint             type,
                                       gint              value);
void          _octa_step_class_install (GObjectClass    *klass,
                                        OctaFieldTable  *table,
                                        const OctaField *defs,
                                        guint            n_fields);

G_END_DECLS
