/* SPDX-License-Identifier: MIT */
#pragma once

#include <gio/gio.h>

#include "octa-part.h"
#include "octa-project.h"

G_BEGIN_DECLS

/**
 * OctaDiffSide:
 * @OCTA_DIFF_SIDE_A: the side takes write into (a project's working state)
 * @OCTA_DIFF_SIDE_B: the reference side, never written
 *
 * The two sides of a comparison, as the diff window shows them.
 */
typedef enum
{
  OCTA_DIFF_SIDE_A,
  OCTA_DIFF_SIDE_B,
} OctaDiffSide;

/**
 * OctaDiffMode:
 * @OCTA_DIFF_MODE_PROJECTS: project A (old) with project B (new)
 * @OCTA_DIFF_MODE_SAVED_STATE: a project's saved state (B, old) with its
 *   working state (A, new)
 * @OCTA_DIFF_MODE_PART: a part's saved copy (B, old) with its unsaved copy
 *   (A, new)
 * @OCTA_DIFF_MODE_UNSAVED: what is on disk (B, old) with the project in
 *   memory (A, new)
 *
 * What a diff compares.
 */
typedef enum
{
  OCTA_DIFF_MODE_PROJECTS,
  OCTA_DIFF_MODE_SAVED_STATE,
  OCTA_DIFF_MODE_PART,
  OCTA_DIFF_MODE_UNSAVED,
} OctaDiffMode;

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
const char *octa_diff_item_get_value     (OctaDiffItem *self,
                                          OctaDiffSide  side);
gboolean    octa_diff_item_take          (OctaDiffItem *self,
                                          OctaDiffSide  side,
                                          GError      **error);

OctaDiff   *octa_diff_new_projects       (OctaProject  *a,
                                          OctaProject  *b);
OctaDiff   *octa_diff_new_saved_state    (OctaProject  *project);
OctaDiff   *octa_diff_new_part           (OctaPart     *part);
OctaDiff   *octa_diff_new_unsaved        (OctaProject  *project,
                                          GError      **error);

gboolean    octa_diff_is_empty           (OctaDiff     *self);
guint       octa_diff_count_in           (OctaDiff     *self,
                                          const char   *prefix);
OctaDiffMode octa_diff_get_mode          (OctaDiff     *self);
OctaProject *octa_diff_get_side_a        (OctaDiff     *self);
OctaProject *octa_diff_get_side_b        (OctaDiff     *self);
gboolean    octa_diff_side_is_old        (OctaDiff     *self,
                                          OctaDiffSide  side);
gint        octa_diff_lock_param         (gboolean      midi,
                                          const char   *leaf);
gboolean    octa_diff_take               (OctaDiff     *self,
                                          const char   *path,
                                          OctaDiffSide  side,
                                          GError      **error);

G_END_DECLS
