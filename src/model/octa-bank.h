/* SPDX-License-Identifier: MIT */
#pragma once

#include <gio/gio.h>

#include "octa-project.h"

G_BEGIN_DECLS

#define OCTA_TYPE_BANK (octa_bank_get_type ())

G_DECLARE_FINAL_TYPE (OctaBank, octa_bank, OCTA, BANK, GObject)

typedef struct _OctaPattern OctaPattern;
typedef struct _OctaPart OctaPart;

OctaProject *octa_bank_get_project     (OctaBank *self);
guint        octa_bank_get_index       (OctaBank *self);
const char  *octa_bank_get_letter      (OctaBank *self);
gboolean     octa_bank_get_has_content (OctaBank *self);
GListModel  *octa_bank_list_patterns   (OctaBank *self);
OctaPattern *octa_bank_get_pattern     (OctaBank *self,
                                        guint     index);
GListModel  *octa_bank_list_parts      (OctaBank *self);
OctaPart    *octa_bank_get_part        (OctaBank *self,
                                        guint     index);
gboolean      octa_bank_get_read_only  (OctaBank *self);
const GError *octa_bank_get_problem    (OctaBank *self);
char         *octa_bank_dup_filename   (OctaBank *self);
gboolean      octa_bank_get_readable   (OctaBank *self);

G_END_DECLS
