/* SPDX-License-Identifier: MIT */
#pragma once

#include "octa-bank-private.h"
#include "octa-part.h"

G_BEGIN_DECLS

OctaPart     *_octa_part_new         (OctaBank *bank,
                                      guint     index);
OctaBankFile *_octa_part_get_file    (OctaPart *self);
OctaProject  *_octa_part_get_project (OctaPart *self);

/* Part edits go through here: they change the unsaved copy and set the
 * part's edited flag, as the device does. */
void          _octa_part_begin_edit  (OctaPart   *self,
                                      const char *label);
void          _octa_part_end_edit    (OctaPart   *self);

G_END_DECLS
