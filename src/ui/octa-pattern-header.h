/* SPDX-License-Identifier: MIT */
#pragma once

#include <adwaita.h>

#include "octa.h"
#include "octa-step-grid.h"

G_BEGIN_DECLS

#define OCTA_TYPE_PATTERN_HEADER (octa_pattern_header_get_type ())

G_DECLARE_FINAL_TYPE (OctaPatternHeader, octa_pattern_header, OCTA, PATTERN_HEADER, GtkWidget)

GtkWidget   *octa_pattern_header_new         (void);
void         octa_pattern_header_set_pattern (OctaPatternHeader *self,
                                              OctaPattern       *pattern);
OctaPattern *octa_pattern_header_get_pattern (OctaPatternHeader *self);
void         octa_pattern_header_set_grid    (OctaPatternHeader *self,
                                              OctaStepGrid      *grid);
void         octa_pattern_header_choose_part (OctaPatternHeader *self);

G_END_DECLS
