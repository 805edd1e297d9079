/* SPDX-License-Identifier: MIT */
#pragma once

#include <adwaita.h>

#include "octa.h"

G_BEGIN_DECLS

#define OCTA_TYPE_STEP_INSPECTOR (octa_step_inspector_get_type ())

G_DECLARE_FINAL_TYPE (OctaStepInspector, octa_step_inspector, OCTA, STEP_INSPECTOR, GtkWidget)

GtkWidget *octa_step_inspector_new      (void);
void       octa_step_inspector_set_step (OctaStepInspector *self,
                                         OctaStep          *step);
OctaStep  *octa_step_inspector_get_step (OctaStepInspector *self);
void       octa_step_inspector_set_steps (OctaStepInspector *self,
                                          OctaStep          *focus,
                                          GPtrArray         *steps);

#define OCTA_TYPE_CONDITION_PICKER (octa_condition_picker_get_type ())

G_DECLARE_FINAL_TYPE (OctaConditionPicker, octa_condition_picker, OCTA, CONDITION_PICKER,
                      GtkPopover)

GtkWidget         *octa_condition_picker_new           (void);
void               octa_condition_picker_set_condition (OctaConditionPicker *self,
                                                        OctaTrigCondition    condition);
OctaTrigCondition  octa_condition_picker_get_condition (OctaConditionPicker *self);

G_END_DECLS
