/* SPDX-License-Identifier: MIT */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define OCTA_MAX_FILE_SIZE (16 * 1024 * 1024)

/**
 * OctaWriteFlags:
 * @OCTA_WRITE_DEFAULT: full durability, folder synced after the rename
 * @OCTA_WRITE_NO_DIR_SYNC: skip the folder fsync; the caller writes a batch
 *   of files into one folder and calls octa_fsync_dir() once at the end
 * @OCTA_WRITE_NO_SYNC: sync neither the file nor the folder; only for
 *   throw-away scratch folders (the demo's), where a crash loses nothing
 */
typedef enum
{
  OCTA_WRITE_DEFAULT = 0,
  OCTA_WRITE_NO_DIR_SYNC = 1 << 0,
  OCTA_WRITE_NO_SYNC = 1 << 1,
} OctaWriteFlags;

gboolean  octa_read_file              (const char *path,
                                       gsize max_size,
                                       guint8 **data,
                                       gsize *len,
                                       GError **error);
gboolean  octa_write_file_atomic      (const char *path,
                                       const guint8 *data,
                                       gsize len,
                                       GError **error);
gboolean  octa_write_file_atomic_full (const char *path,
                                       const guint8 *data,
                                       gsize len,
                                       OctaWriteFlags flags,
                                       GError **error);
gboolean  octa_fsync_dir              (const char *dir,
                                       GError **error);

G_END_DECLS
