/* SPDX-License-Identifier: MIT */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define OCTA_TYPE_HISTORY (octa_history_get_type ())

G_DECLARE_FINAL_TYPE (OctaHistory, octa_history, OCTA, HISTORY, GObject)

gboolean    octa_history_get_can_undo   (OctaHistory *self);
gboolean    octa_history_get_can_redo   (OctaHistory *self);
const char *octa_history_get_undo_label (OctaHistory *self);
const char *octa_history_get_redo_label (OctaHistory *self);
guint       octa_history_get_n_undo     (OctaHistory *self);
void        octa_history_begin_group    (OctaHistory *self,
                                         const char  *label);
void        octa_history_end_group      (OctaHistory *self);

G_END_DECLS
