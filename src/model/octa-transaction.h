/* SPDX-License-Identifier: MIT */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define OCTA_TRANSACTION_ERROR (octa_transaction_error_quark ())

/**
 * OctaTransactionError:
 * @OCTA_TRANSACTION_ERROR_CHANGED_ON_DISK: a file was changed, created or
 *   removed by another program since it was loaded; nothing was written
 * @OCTA_TRANSACTION_ERROR_IO: reading, writing or renaming a file failed;
 *   every file was put back as it was
 * @OCTA_TRANSACTION_ERROR_VERIFY: a file read back differently from what was
 *   written; every file was put back as it was
 * @OCTA_TRANSACTION_ERROR_CANCELLED: the save was cancelled before any file
 *   was replaced; nothing was changed
 * @OCTA_TRANSACTION_ERROR_ROLLBACK_FAILED: the save failed and at least one
 *   file could not be put back; the message names the file and the backup
 *   that still holds its previous contents
 */
typedef enum
{
  OCTA_TRANSACTION_ERROR_CHANGED_ON_DISK,
  OCTA_TRANSACTION_ERROR_IO,
  OCTA_TRANSACTION_ERROR_VERIFY,
  OCTA_TRANSACTION_ERROR_CANCELLED,
  OCTA_TRANSACTION_ERROR_ROLLBACK_FAILED,
} OctaTransactionError;

/**
 * OctaFileSnapshot:
 * @existed: whether the file existed; when %FALSE the other fields are zero
 * @size: the size in bytes
 * @mtime_usec: the modification time (st_mtim) in microseconds
 * @sha256: the SHA-256 digest of the contents
 *
 * What was known of a file when it was loaded or saved, used to notice
 * that another program changed it in the meantime.
 */
typedef struct
{
  gboolean existed;
  guint64  size;
  gint64   mtime_usec;
  guint8   sha256[32];
} OctaFileSnapshot;

/**
 * OctaFaultPoint:
 * @OCTA_FAULT_NONE: no fault; passing it to octa_transaction_inject_fault()
 *   disarms every fault
 * @OCTA_FAULT_WRITE: writing the temporary copy of the file
 * @OCTA_FAULT_FSYNC: flushing the temporary copy to disk
 * @OCTA_FAULT_BACKUP: keeping the original (both the hard link and the copy)
 * @OCTA_FAULT_RENAME: renaming the temporary copy over the file
 * @OCTA_FAULT_DIR_FSYNC: flushing the folder right after the file was replaced
 * @OCTA_FAULT_READBACK: the read-back comparison finds different bytes
 * @OCTA_FAULT_LINK: the hard link for the backup is refused as on FAT
 *   (EPERM), so the original is copied instead; this one is not a failure
 * @OCTA_FAULT_RESTORE: putting the original back during a rollback
 *
 * Test-only fault points, see octa_transaction_inject_fault().
 */
typedef enum
{
  OCTA_FAULT_NONE,
  OCTA_FAULT_WRITE,
  OCTA_FAULT_FSYNC,
  OCTA_FAULT_BACKUP,
  OCTA_FAULT_RENAME,
  OCTA_FAULT_DIR_FSYNC,
  OCTA_FAULT_READBACK,
  OCTA_FAULT_LINK,
  OCTA_FAULT_RESTORE,
} OctaFaultPoint;

typedef struct _OctaTransaction OctaTransaction;

/**
 * OctaTransactionProgressFunc:
 * @fraction: the part of the work done, from 0.0 to 1.0
 * @user_data: the data given to octa_transaction_set_progress()
 */
typedef void     (*OctaTransactionProgressFunc)  (double fraction,
                                                  gpointer user_data);

/**
 * OctaTransactionCancelledFunc:
 * @user_data: the data given to octa_transaction_commit()
 *
 * Returns: %TRUE to stop the save; it is asked between files until the
 *   first file is replaced, and not after
 */
typedef gboolean (*OctaTransactionCancelledFunc) (gpointer user_data);

GQuark                  octa_transaction_error_quark   (void);

gboolean                octa_file_snapshot_take        (const char *path,
                                                        OctaFileSnapshot *out,
                                                        GError **error);
gboolean                octa_file_snapshot_from_bytes  (const char *path,
                                                        GBytes *contents,
                                                        OctaFileSnapshot *out,
                                                        GError **error);
gboolean                octa_file_snapshot_equal       (const OctaFileSnapshot *a,
                                                        const OctaFileSnapshot *b);

OctaTransaction        *octa_transaction_new           (const char *folder);
void                    octa_transaction_free          (OctaTransaction *t);
void                    octa_transaction_add           (OctaTransaction *t,
                                                        const char *filename,
                                                        GBytes *contents,
                                                        const OctaFileSnapshot *expected);
void                    octa_transaction_set_force     (OctaTransaction *t,
                                                        gboolean force);
void                    octa_transaction_set_progress  (OctaTransaction *t,
                                                        OctaTransactionProgressFunc func,
                                                        gpointer user_data);
gboolean                octa_transaction_commit        (OctaTransaction *t,
                                                        OctaTransactionCancelledFunc cancelled,
                                                        gpointer cancelled_data,
                                                        GError **error);
const OctaFileSnapshot *octa_transaction_get_snapshot  (OctaTransaction *t,
                                                        const char *filename);

void                    octa_transaction_inject_fault  (OctaTransaction *t,
                                                        OctaFaultPoint point,
                                                        guint file_index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OctaTransaction, octa_transaction_free)

G_END_DECLS
