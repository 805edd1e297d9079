/* SPDX-License-Identifier: MIT */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define OCTA_MAX_FILE_SIZE (16 * 1024 * 1024)

gboolean  octa_read_file         (const char *path,
                                  gsize max_size,
                                  guint8 **data,
                                  gsize *len,
                                  GError **error);
gboolean  octa_write_file_atomic (const char *path,
                                  const guint8 *data,
                                  gsize len,
                                  GError **error);
gboolean  octa_fsync_dir         (const char *dir,
                                  GError **error);

G_END_DECLS
