/* SPDX-License-Identifier: MIT */
#pragma once

#include <gio/gio.h>

#include "octa-bank.h"

G_BEGIN_DECLS

#define OCTA_TYPE_PART (octa_part_get_type ())

G_DECLARE_FINAL_TYPE (OctaPart, octa_part, OCTA, PART, GObject)

OctaBank   *octa_part_get_bank        (OctaPart    *self);
guint       octa_part_get_index       (OctaPart    *self);
char       *octa_part_dup_name        (OctaPart    *self);
gboolean    octa_part_set_name        (OctaPart    *self,
                                       const char  *name,
                                       GError     **error);
gboolean    octa_part_get_edited      (OctaPart    *self);
gboolean    octa_part_get_has_saved   (OctaPart    *self);
void        octa_part_save            (OctaPart    *self);
void        octa_part_reload          (OctaPart    *self);

G_END_DECLS
