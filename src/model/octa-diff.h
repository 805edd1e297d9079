/* SPDX-License-Identifier: MIT */
#pragma once

#include <gio/gio.h>

#include "octa-part.h"
#include "octa-project.h"

G_BEGIN_DECLS

#define OCTA_TYPE_DIFF_ITEM (octa_diff_item_get_type ())

G_DECLARE_FINAL_TYPE (OctaDiffItem, octa_diff_item, OCTA, DIFF_ITEM, GObject)

#define OCTA_TYPE_DIFF (octa_diff_get_type ())

G_DECLARE_FINAL_TYPE (OctaDiff, octa_diff, OCTA, DIFF, GObject)

const char *octa_diff_item_get_kind      (OctaDiffItem *self);
const char *octa_diff_item_get_path      (OctaDiffItem *self);
const char *octa_diff_item_get_old_value (OctaDiffItem *self);
const char *octa_diff_item_get_new_value (OctaDiffItem *self);
const char *octa_diff_item_get_file      (OctaDiffItem *self);
gint64      octa_diff_item_get_offset    (OctaDiffItem *self);

OctaDiff   *octa_diff_new_projects       (OctaProject  *a,
                                          OctaProject  *b);
OctaDiff   *octa_diff_new_saved_state    (OctaProject  *project);
OctaDiff   *octa_diff_new_part           (OctaPart     *part);
OctaDiff   *octa_diff_new_unsaved        (OctaProject  *project,
                                          GError      **error);

gboolean    octa_diff_is_empty           (OctaDiff     *self);
guint       octa_diff_count_in           (OctaDiff     *self,
                                          const char   *prefix);

G_END_DECLS
