/* SPDX-License-Identifier: MIT */
#pragma once

#include "octa-bank-private.h"
#include "octa-pattern.h"

G_BEGIN_DECLS

OctaPattern  *_octa_pattern_new          (OctaBank    *bank,
                                          guint        index);
OctaBankFile *_octa_pattern_get_file     (OctaPattern *self);
OctaProject  *_octa_pattern_get_project  (OctaPattern *self);
void          _octa_pattern_forget_track (OctaPattern *self,
                                          gboolean     midi,
                                          guint        index);

G_END_DECLS
