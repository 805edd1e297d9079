/* SPDX-License-Identifier: MIT */
#pragma once

#include <gtk/gtk.h>

#include "octa-plock-names.h"

G_BEGIN_DECLS

#define OCTA_TYPE_PARAM_DIAL (octa_param_dial_get_type ())
#define OCTA_TYPE_PARAM_DIAL_STYLE (octa_param_dial_style_get_type ())

/**
 * OctaParamDialStyle:
 * @OCTA_PARAM_DIAL_KNOB: a 36 px arc over the abbreviation and the value
 * @OCTA_PARAM_DIAL_SLIDER: a compact row: abbreviation, bar, value
 *
 * How a dial shows itself (Preferences › Controls).
 */
typedef enum
{
  OCTA_PARAM_DIAL_KNOB,
  OCTA_PARAM_DIAL_SLIDER,
} OctaParamDialStyle;

GType      octa_param_dial_style_get_type (void) G_GNUC_CONST;

G_DECLARE_FINAL_TYPE (OctaParamDial, octa_param_dial, OCTA, PARAM_DIAL, GtkWidget)

GtkWidget *octa_param_dial_new            (void);
void       octa_param_dial_set_style      (OctaParamDial      *self,
                                           OctaParamDialStyle  style);
OctaParamDialStyle octa_param_dial_get_style (OctaParamDial   *self);
gint       octa_param_dial_get_value      (OctaParamDial   *self);
void       octa_param_dial_set_value      (OctaParamDial   *self,
                                           gint             value);
void       octa_param_dial_set_range      (OctaParamDial   *self,
                                           gint             lower,
                                           gint             upper);
void       octa_param_dial_set_format     (OctaParamDial   *self,
                                           OctaPlockFormat  format);
void       octa_param_dial_set_abbrev     (OctaParamDial   *self,
                                           const char      *abbrev,
                                           const char      *name);
void       octa_param_dial_set_accessible_name (OctaParamDial *self,
                                                const char    *label);
void       octa_param_dial_set_base_value (OctaParamDial   *self,
                                           gint             base);
void       octa_param_dial_set_locked     (OctaParamDial   *self,
                                           gboolean         locked);
gboolean   octa_param_dial_get_locked     (OctaParamDial   *self);
void       octa_param_dial_set_preview    (OctaParamDial   *self,
                                           gboolean         preview);
void       octa_param_dial_set_empty      (OctaParamDial   *self,
                                           gboolean         empty);
gboolean   octa_param_dial_get_dragging   (OctaParamDial   *self);
char      *octa_param_dial_dup_value_text (OctaParamDial   *self);
void       octa_param_dial_adjust         (OctaParamDial   *self,
                                           gint             value);

G_END_DECLS
