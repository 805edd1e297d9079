/* SPDX-License-Identifier: MIT */
#pragma once

#include "octa-project-private.h"
#include "octa-project-save.h"
#include "octa-transaction.h"

G_BEGIN_DECLS

void     _octa_project_save_take_snapshots (OctaProject    *self);
gboolean _octa_project_save_has_snapshots  (OctaProject    *self);
void     _octa_project_save_inject_fault   (OctaProject    *self,
                                            OctaFaultPoint  point,
                                            guint           file_index);

G_END_DECLS
