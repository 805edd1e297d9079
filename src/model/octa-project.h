/* SPDX-License-Identifier: MIT */
#pragma once

#include <gio/gio.h>

#include "octa-history.h"
#include "octa-model-enums.h"

G_BEGIN_DECLS

#define OCTA_TYPE_PROJECT (octa_project_get_type ())

G_DECLARE_FINAL_TYPE (OctaProject, octa_project, OCTA, PROJECT, GObject)

typedef struct _OctaBank OctaBank;

OctaProject *octa_project_new_blank          (const char           *name);
OctaProject *octa_project_load               (GFile                *location,
                                              GCancellable         *cancellable,
                                              GError              **error);
void         octa_project_load_async         (GFile                *location,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
OctaProject *octa_project_load_finish        (GAsyncResult         *result,
                                              GError              **error);
OctaProject *octa_project_load_with_flags    (GFile                *location,
                                              OctaProjectLoadFlags  flags,
                                              GCancellable         *cancellable,
                                              GError              **error);
void         octa_project_load_with_flags_async (GFile             *location,
                                                 OctaProjectLoadFlags flags,
                                                 GCancellable      *cancellable,
                                                 GAsyncReadyCallback callback,
                                                 gpointer           user_data);
OctaProject *octa_project_new_demo           (GFile                *folder,
                                              GCancellable         *cancellable,
                                              GError              **error);

const char  *octa_project_get_name           (OctaProject          *self);
GFile       *octa_project_get_location       (OctaProject          *self);
gboolean     octa_project_get_modified       (OctaProject          *self);
OctaHistory *octa_project_get_history        (OctaProject          *self);
GListModel  *octa_project_list_banks         (OctaProject          *self);
OctaBank    *octa_project_get_bank           (OctaProject          *self,
                                              guint                 index);
gboolean     octa_project_has_saved_state    (OctaProject          *self);
guint        octa_project_get_unsaved_patterns (OctaProject        *self,
                                                guint               bank);

void         octa_project_begin_change       (OctaProject          *self,
                                              const char           *label);
void         octa_project_end_change         (OctaProject          *self);
gboolean     octa_project_undo               (OctaProject          *self);
gboolean     octa_project_redo               (OctaProject          *self);

GBytes      *octa_project_encode_file        (OctaProject          *self,
                                              const char           *filename);

guint        octa_project_get_n_problems     (OctaProject          *self);
char       **octa_project_dup_problem_files  (OctaProject          *self);
const GError *octa_project_get_file_problem  (OctaProject          *self,
                                              const char           *filename);
char        *octa_project_dup_problem_reason (OctaProject          *self,
                                              const char           *filename);
gboolean     octa_project_get_file_read_only (OctaProject          *self,
                                              const char           *filename);
gboolean     octa_project_get_file_shown     (OctaProject          *self,
                                              const char           *filename);
gboolean     octa_project_can_open_saved_copy (OctaProject         *self,
                                               const char          *filename);
gboolean     octa_project_open_saved_copy    (OctaProject          *self,
                                              const char           *filename,
                                              GError              **error);

G_END_DECLS
