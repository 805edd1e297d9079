/* SPDX-License-Identifier: MIT */
#pragma once

#include <gio/gio.h>

#include "octa-model-enums.h"
#include "octa-project.h"

G_BEGIN_DECLS

gboolean   octa_project_save                (OctaProject            *self,
                                             OctaSaveMode            mode,
                                             OctaSaveFlags           flags,
                                             GCancellable           *cancellable,
                                             GError                **error);
void       octa_project_save_async          (OctaProject            *self,
                                             OctaSaveMode            mode,
                                             OctaSaveFlags           flags,
                                             GCancellable           *cancellable,
                                             GFileProgressCallback   progress,
                                             gpointer                progress_data,
                                             GAsyncReadyCallback     callback,
                                             gpointer                user_data);
gboolean   octa_project_save_finish         (OctaProject            *self,
                                             GAsyncResult           *result,
                                             GError                **error);
gboolean   octa_project_save_to_folder      (OctaProject            *self,
                                             GFile                  *folder,
                                             OctaSaveMode            mode,
                                             GCancellable           *cancellable,
                                             GError                **error);
gboolean   octa_project_export_zip          (OctaProject            *self,
                                             GFile                  *zip,
                                             GCancellable           *cancellable,
                                             GError                **error);
guint      octa_project_count_unsaved_files (OctaProject            *self,
                                             OctaSaveMode            mode);
char     **octa_project_dup_unsaved_files   (OctaProject            *self,
                                             OctaSaveMode            mode);

G_END_DECLS
