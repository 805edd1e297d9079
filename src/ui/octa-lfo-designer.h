/* SPDX-License-Identifier: MIT */
#pragma once

#include "octa-column-editor.h"

G_BEGIN_DECLS

#define OCTA_TYPE_LFO_DESIGNER (octa_lfo_designer_get_type ())

G_DECLARE_FINAL_TYPE (OctaLfoDesigner, octa_lfo_designer, OCTA, LFO_DESIGNER, OctaColumnEditor)

GtkWidget *octa_lfo_designer_new (void);

G_END_DECLS
