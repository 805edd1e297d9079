/* SPDX-License-Identifier: MIT */
#pragma once

#include <glib-object.h>

#include "octa-model-enums.h"
#include "octa-pattern-track.h"

G_BEGIN_DECLS

#define OCTA_TYPE_STEP (octa_step_get_type ())

G_DECLARE_DERIVABLE_TYPE (OctaStep, octa_step, OCTA, STEP, GObject)

struct _OctaStepClass
{
  GObjectClass parent_class;

  /*< private >*/
  gpointer padding[8];
};

#define OCTA_PLOCK_PARAMS 32

OctaPatternTrack  *octa_step_get_track        (OctaStep          *self);
guint              octa_step_get_index        (OctaStep          *self);
gboolean           octa_step_get_trig         (OctaStep          *self,
                                               OctaTrigType       type);
void               octa_step_set_trig         (OctaStep          *self,
                                               OctaTrigType       type,
                                               gboolean           on);
OctaTrigCondition  octa_step_get_condition    (OctaStep          *self);
void               octa_step_set_condition    (OctaStep          *self,
                                               OctaTrigCondition  condition);
gint               octa_step_get_micro_timing (OctaStep          *self);
void               octa_step_set_micro_timing (OctaStep          *self,
                                               gint               micro);
guint              octa_step_get_repeats      (OctaStep          *self);
void               octa_step_set_repeats      (OctaStep          *self,
                                               guint              repeats);
gint               octa_step_get_plock        (OctaStep          *self,
                                               guint              param);
void               octa_step_set_plock        (OctaStep          *self,
                                               guint              param,
                                               gint               value);
guint              octa_step_count_plocks     (OctaStep          *self);
void               octa_step_clear_plocks     (OctaStep          *self);
char              *octa_step_dup_micro_timing_label (OctaStep    *self);

G_END_DECLS
