/* SPDX-License-Identifier: MIT */
#pragma once

#include <gio/gio.h>

#include "octa-project.h"

G_BEGIN_DECLS

#define OCTA_TYPE_ARRANGEMENT (octa_arrangement_get_type ())

G_DECLARE_FINAL_TYPE (OctaArrangement, octa_arrangement, OCTA, ARRANGEMENT, GObject)

typedef struct _OctaArrangementRow OctaArrangementRow;

/* Arrangements 1…8, each of up to 256 rows. */
#define OCTA_ARRANGEMENT_N_ROWS 256

GListModel         *octa_project_list_arrangements         (OctaProject     *project);
OctaArrangement    *octa_project_get_arrangement           (OctaProject     *project,
                                                            guint            index);

OctaProject        *octa_arrangement_get_project           (OctaArrangement *self);
guint               octa_arrangement_get_index             (OctaArrangement *self);
char               *octa_arrangement_dup_name              (OctaArrangement *self);
gboolean            octa_arrangement_set_name              (OctaArrangement *self,
                                                            const char      *name,
                                                            GError         **error);
guint               octa_arrangement_get_row_count         (OctaArrangement *self);
void                octa_arrangement_set_row_count         (OctaArrangement *self,
                                                            guint            count);
GListModel         *octa_arrangement_list_rows             (OctaArrangement *self);
OctaArrangementRow *octa_arrangement_get_row               (OctaArrangement *self,
                                                            guint            index);
guint               octa_arrangement_get_saved_flag        (OctaArrangement *self);
char               *octa_arrangement_dup_saved_name        (OctaArrangement *self);
guint               octa_arrangement_get_saved_row_count   (OctaArrangement *self);
guint8              octa_arrangement_get_saved_row_byte    (OctaArrangement *self,
                                                            guint            row,
                                                            guint            index);
gboolean            octa_arrangement_differs_from_saved    (OctaArrangement *self);
OctaArrangementRow *octa_arrangement_append_row            (OctaArrangement *self,
                                                            gint             row_type);
gboolean            octa_arrangement_has_jump_rows         (OctaArrangement *self);
gboolean            octa_arrangement_move_row              (OctaArrangement *self,
                                                            guint            from,
                                                            guint            to);
void                octa_arrangement_save                  (OctaArrangement *self);
void                octa_arrangement_reload                (OctaArrangement *self);

G_END_DECLS
