/* SPDX-License-Identifier: MIT */
#pragma once

#include "octa-bank.h"
#include "octa-project-private.h"

G_BEGIN_DECLS

OctaBank     *_octa_bank_new            (OctaProject   *project,
                                         guint          index);
OctaBankFile *_octa_bank_get_file       (OctaBank      *self);
guint         _octa_bank_get_file_id    (OctaBank      *self);
void          _octa_bank_forget_pattern (OctaBank      *self,
                                         guint          index);
void          _octa_bank_forget_part    (OctaBank      *self,
                                         guint          index);

G_END_DECLS
