/* SPDX-License-Identifier: MIT */
#pragma once

#include "octa-arrangement-row.h"
#include "octa-arrangement.h"
#include "octa-project-private.h"

G_BEGIN_DECLS

OctaArrangementFile *_octa_arrangement_get_file    (OctaArrangement *self);
guint                _octa_arrangement_get_file_id (OctaArrangement *self);
void                 _octa_arrangement_forget_row  (OctaArrangement *self,
                                                    guint            index);
OctaArrangementRow  *_octa_arrangement_row_new     (OctaArrangement *arrangement,
                                                    guint            index);

G_END_DECLS
