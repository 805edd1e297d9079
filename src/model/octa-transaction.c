/* SPDX-License-Identifier: MIT */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif

#include "octa-transaction.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#define CHUNK_SIZE (64 * 1024)

/* Room for ".NAME.octa-new-XXXXXX" within the usual 255-byte name limit. */
#define MAX_STEM_LEN 200

typedef struct
{
  char             *name;
  GBytes           *contents;
  gboolean          has_expected;
  OctaFileSnapshot  expected;

  /* Per commit; names are relative to the folder. */
  char             *temp_name;
  char             *backup_name;
  gboolean          existed;
  gboolean          replaced;
  gboolean          restore_failed;
  gboolean          has_snapshot;
  OctaFileSnapshot  snapshot;
} Entry;

typedef struct
{
  OctaFaultPoint point;
  guint          index;
} Fault;

struct _OctaTransaction
{
  char                        *folder;
  GPtrArray                   *entries;
  gboolean                     force;
  OctaTransactionProgressFunc  progress;
  gpointer                     progress_data;
  GArray                      *faults;

  /* Per commit */
  int                          dirfd;
  guint                        units_done;
  guint                        units_total;
};

G_DEFINE_QUARK (octa-transaction-error-quark, octa_transaction_error)

static void
entry_free (gpointer data)
{
  Entry *e = data;

  g_free (e->name);
  g_bytes_unref (e->contents);
  g_free (e->temp_name);
  g_free (e->backup_name);
  g_free (e);
}

static void set_errno_error (GError **error,
                             int code,
                             int errsv,
                             const char *format,
                             ...) G_GNUC_PRINTF (4, 5);

static void
set_errno_error (GError    **error,
                 int         code,
                 int         errsv,
                 const char *format,
                 ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, OCTA_TRANSACTION_ERROR, code, "%s: %s", what, g_strerror (errsv));
}

static gboolean
fault_armed (OctaTransaction *t,
             OctaFaultPoint   point,
             guint            index)
{
  for (guint i = 0; i < t->faults->len; i++)
    {
      const Fault *f = &g_array_index (t->faults, Fault, i);

      if (f->point == point && f->index == index)
        return TRUE;
    }

  return FALSE;
}

/* Sets errno as the failed system call would have. */
static gboolean
inject (OctaTransaction *t,
        OctaFaultPoint   point,
        guint            index)
{
  if (!fault_armed (t, point, index))
    return FALSE;

  errno = EIO;
  return TRUE;
}

static void
report_progress (OctaTransaction *t)
{
  t->units_done++;
  if (t->progress != NULL && t->units_total > 0)
    t->progress ((double) MIN (t->units_done, t->units_total) / t->units_total,
                 t->progress_data);
}

static gssize
read_retry (int     fd,
            guint8 *buf,
            gsize   len)
{
  gssize r;

  do
    r = read (fd, buf, len);
  while (r < 0 && errno == EINTR);

  return r;
}

static gboolean
write_all (int           fd,
           const guint8 *data,
           gsize         len)
{
  while (len > 0)
    {
      gssize w = write (fd, data, MIN (len, (gsize) G_MAXSSIZE));

      if (w < 0)
        {
          if (errno == EINTR)
            continue;
          return FALSE;
        }
      if (w == 0)
        {
          errno = EIO;
          return FALSE;
        }
      data += w;
      len -= (gsize) w;
    }

  return TRUE;
}

static int
fsync_retry (int fd)
{
  int r;

  do
    r = fsync (fd);
  while (r < 0 && errno == EINTR);

  return r;
}

/* Linux closes the descriptor even when close() reports EINTR, so a retry
 * could close someone else's file. */
static int
close_once (int fd)
{
  if (close (fd) < 0 && errno != EINTR)
    return -1;
  return 0;
}

static gint64
stat_mtime_usec (const struct stat *st)
{
  return (gint64) st->st_mtim.tv_sec * G_USEC_PER_SEC + st->st_mtim.tv_nsec / 1000;
}

static void
sha256_bytes (GBytes *bytes,
              guint8  digest[32])
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  gsize len = 32;
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);

  g_checksum_update (sum, data, size);
  g_checksum_get_digest (sum, digest, &len);
}

/**
 * octa_file_snapshot_take:
 * @path: the file
 * @out: (out caller-allocates): where to store the snapshot
 * @error: return location for an error
 *
 * Describes @path as it is now, reading it to hash its contents.
 * A missing file is not an error: @out->existed is then %FALSE.
 *
 * Returns: %TRUE on success
 */
gboolean
octa_file_snapshot_take (const char       *path,
                         OctaFileSnapshot *out,
                         GError          **error)
{
  g_autoptr(GChecksum) sum = NULL;
  g_autofree guint8 *buf = NULL;
  g_autofree char *name = NULL;
  struct stat st;
  guint64 size = 0;
  gsize len = 32;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  memset (out, 0, sizeof *out);
  name = g_path_get_basename (path);

  fd = open (path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    {
      int errsv = errno;

      if (errsv == ENOENT)
        return TRUE;
      set_errno_error (error, OCTA_TRANSACTION_ERROR_IO, errsv,
                       "%s: could not be opened to check it", name);
      return FALSE;
    }

  if (fstat (fd, &st) < 0)
    {
      int errsv = errno;

      close_once (fd);
      set_errno_error (error, OCTA_TRANSACTION_ERROR_IO, errsv,
                       "%s: could not be examined", name);
      return FALSE;
    }

  if (!S_ISREG (st.st_mode))
    {
      close_once (fd);
      g_set_error (error, OCTA_TRANSACTION_ERROR, OCTA_TRANSACTION_ERROR_IO,
                   "%s: is not a regular file", name);
      return FALSE;
    }

  sum = g_checksum_new (G_CHECKSUM_SHA256);
  buf = g_malloc (CHUNK_SIZE);
  for (;;)
    {
      gssize r = read_retry (fd, buf, CHUNK_SIZE);

      if (r < 0)
        {
          int errsv = errno;

          close_once (fd);
          set_errno_error (error, OCTA_TRANSACTION_ERROR_IO, errsv,
                           "%s: could not be read to check it", name);
          return FALSE;
        }
      if (r == 0)
        break;
      g_checksum_update (sum, buf, r);
      size += (guint64) r;
    }
  close_once (fd);

  out->existed = TRUE;
  out->size = size;
  out->mtime_usec = stat_mtime_usec (&st);
  g_checksum_get_digest (sum, out->sha256, &len);

  return TRUE;
}

/**
 * octa_file_snapshot_from_bytes:
 * @path: the file @contents were just read from or written to
 * @contents: those bytes
 * @out: (out caller-allocates): where to store the snapshot
 * @error: return location for an error
 *
 * Describes @path without reading it again: size and digest come from
 * @contents, the modification time from the file. If the file changed
 * after @contents were read, the snapshot will not match it, which is what
 * the check of octa_transaction_commit() needs.
 *
 * Returns: %TRUE on success; %FALSE if @path cannot be examined
 */
gboolean
octa_file_snapshot_from_bytes (const char       *path,
                               GBytes           *contents,
                               OctaFileSnapshot *out,
                               GError          **error)
{
  struct stat st;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  memset (out, 0, sizeof *out);

  if (stat (path, &st) < 0)
    {
      int errsv = errno;
      g_autofree char *name = g_path_get_basename (path);

      set_errno_error (error, OCTA_TRANSACTION_ERROR_IO, errsv,
                       "%s: could not be examined", name);
      return FALSE;
    }

  out->existed = TRUE;
  out->size = g_bytes_get_size (contents);
  out->mtime_usec = stat_mtime_usec (&st);
  sha256_bytes (contents, out->sha256);

  return TRUE;
}

/**
 * octa_file_snapshot_equal:
 * @a: a snapshot
 * @b: another snapshot
 *
 * Returns: %TRUE if both describe the same state of a file
 */
gboolean
octa_file_snapshot_equal (const OctaFileSnapshot *a,
                          const OctaFileSnapshot *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  if (!a->existed || !b->existed)
    return !a->existed && !b->existed;

  return a->size == b->size &&
         a->mtime_usec == b->mtime_usec &&
         memcmp (a->sha256, b->sha256, sizeof a->sha256) == 0;
}

/**
 * octa_transaction_new:
 * @folder: the folder holding every file of the save
 *
 * Starts describing a save of several files of one folder that either
 * replaces all of them or leaves all of them as they were.
 *
 * Returns: (transfer full): a new transaction
 */
OctaTransaction *
octa_transaction_new (const char *folder)
{
  OctaTransaction *t;

  g_return_val_if_fail (folder != NULL, NULL);

  t = g_new0 (OctaTransaction, 1);
  t->folder = g_strdup (folder);
  t->entries = g_ptr_array_new_with_free_func (entry_free);
  t->faults = g_array_new (FALSE, FALSE, sizeof (Fault));
  t->dirfd = -1;

  return t;
}

/**
 * octa_transaction_free:
 * @t: (transfer full): a transaction
 */
void
octa_transaction_free (OctaTransaction *t)
{
  if (t == NULL)
    return;

  g_ptr_array_unref (t->entries);
  g_array_unref (t->faults);
  g_free (t->folder);
  g_free (t);
}

static Entry *
find_entry (OctaTransaction *t,
            const char      *filename)
{
  for (guint i = 0; i < t->entries->len; i++)
    {
      Entry *e = g_ptr_array_index (t->entries, i);

      if (strcmp (e->name, filename) == 0)
        return e;
    }

  return NULL;
}

/**
 * octa_transaction_add:
 * @t: a transaction
 * @filename: the base name of the file in the folder
 * @contents: its new contents
 * @expected: (nullable): the file as it was loaded; the commit refuses to
 *   overwrite it if it changed since. %NULL skips that check
 *
 * Adds a file to the save. Adding the same name again replaces the earlier
 * contents and expectation.
 */
void
octa_transaction_add (OctaTransaction        *t,
                      const char             *filename,
                      GBytes                 *contents,
                      const OctaFileSnapshot *expected)
{
  Entry *e;

  g_return_if_fail (t != NULL);
  g_return_if_fail (filename != NULL && filename[0] != '\0');
  g_return_if_fail (strchr (filename, '/') == NULL);
  g_return_if_fail (strcmp (filename, ".") != 0 && strcmp (filename, "..") != 0);
  g_return_if_fail (contents != NULL);

  e = find_entry (t, filename);
  if (e == NULL)
    {
      e = g_new0 (Entry, 1);
      e->name = g_strdup (filename);
      g_ptr_array_add (t->entries, e);
    }

  g_bytes_ref (contents);
  g_clear_pointer (&e->contents, g_bytes_unref);
  e->contents = contents;
  e->has_expected = expected != NULL;
  if (expected != NULL)
    e->expected = *expected;
}

/**
 * octa_transaction_set_force:
 * @t: a transaction
 * @force: %TRUE to overwrite files even if another program changed them
 */
void
octa_transaction_set_force (OctaTransaction *t,
                            gboolean         force)
{
  g_return_if_fail (t != NULL);

  t->force = !!force;
}

/**
 * octa_transaction_set_progress:
 * @t: a transaction
 * @func: (nullable): called with a growing fraction after each file of each
 *   step, reaching 1.0 when a commit succeeds
 * @user_data: data for @func
 */
void
octa_transaction_set_progress (OctaTransaction             *t,
                               OctaTransactionProgressFunc  func,
                               gpointer                     user_data)
{
  g_return_if_fail (t != NULL);

  t->progress = func;
  t->progress_data = user_data;
}

/**
 * octa_transaction_get_snapshot:
 * @t: a transaction
 * @filename: a base name given to octa_transaction_add()
 *
 * Returns: (nullable): the file as written by the last successful commit,
 *   to pass as the expectation of the next save; %NULL before that
 */
const OctaFileSnapshot *
octa_transaction_get_snapshot (OctaTransaction *t,
                               const char      *filename)
{
  Entry *e;

  g_return_val_if_fail (t != NULL, NULL);
  g_return_val_if_fail (filename != NULL, NULL);

  e = find_entry (t, filename);
  if (e == NULL || !e->has_snapshot)
    return NULL;

  return &e->snapshot;
}

/**
 * octa_transaction_inject_fault:
 * @t: a transaction
 * @point: the step to fail, or %OCTA_FAULT_NONE to disarm every fault
 * @file_index: the file, in the order of octa_transaction_add()
 *
 * For tests: makes the following commits behave as if the system call of
 * @point failed with EIO for that file, so that rollback can be tested
 * for real. Several faults can be armed at once.
 */
void
octa_transaction_inject_fault (OctaTransaction *t,
                               OctaFaultPoint   point,
                               guint            file_index)
{
  Fault f = { point, file_index };

  g_return_if_fail (t != NULL);

  if (point == OCTA_FAULT_NONE)
    g_array_set_size (t->faults, 0);
  else
    g_array_append_val (t->faults, f);
}

static char *
make_stem (const char *name)
{
  gsize len = strlen (name);

  if (len <= MAX_STEM_LEN)
    return g_strdup (name);

  /* Cut on a character boundary so the temporary name stays valid UTF-8. */
  len = MAX_STEM_LEN;
  while (len > 0 && ((guchar) name[len] & 0xC0) == 0x80)
    len--;

  return g_strndup (name, len);
}

static char *
random_name (const char *name,
             const char *kind)
{
  static const char letters[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  g_autofree char *stem = make_stem (name);
  char suffix[7];

  for (guint i = 0; i < 6; i++)
    suffix[i] = letters[g_random_int_range (0, sizeof letters - 1)];
  suffix[6] = '\0';

  return g_strdup_printf (".%s.octa-%s-%s", stem, kind, suffix);
}

/* Creates a new file next to the target with a name nobody uses yet.
 * Stores the name before returning so that cleanup finds it. */
static int
create_unique (OctaTransaction  *t,
               const char       *name,
               const char       *kind,
               char            **out_name)
{
  for (guint attempt = 0; attempt < 100; attempt++)
    {
      g_autofree char *candidate = random_name (name, kind);
      int fd = openat (t->dirfd, candidate, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0644);

      if (fd >= 0)
        {
          *out_name = g_steal_pointer (&candidate);
          return fd;
        }
      if (errno != EEXIST)
        return -1;
    }

  errno = EEXIST;
  return -1;
}

static gboolean
sync_folder (OctaTransaction *t)
{
  if (fsync_retry (t->dirfd) < 0)
    {
      /* Some file systems cannot sync a directory at all; their renames
       * are as durable as they will ever be. */
      if (errno == EINVAL || errno == ENOTSUP || errno == EOPNOTSUPP)
        return TRUE;
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_unchanged (OctaTransaction *t,
                 Entry           *e,
                 GError         **error)
{
  g_autofree char *path = g_build_filename (t->folder, e->name, NULL);
  OctaFileSnapshot now;

  if (!octa_file_snapshot_take (path, &now, error))
    return FALSE;

  if (e->expected.existed && !now.existed)
    {
      g_set_error (error, OCTA_TRANSACTION_ERROR, OCTA_TRANSACTION_ERROR_CHANGED_ON_DISK,
                   "%s was deleted by another program since it was opened", e->name);
      return FALSE;
    }
  if (!e->expected.existed && now.existed)
    {
      g_set_error (error, OCTA_TRANSACTION_ERROR, OCTA_TRANSACTION_ERROR_CHANGED_ON_DISK,
                   "%s was created by another program since it was opened", e->name);
      return FALSE;
    }
  if (!octa_file_snapshot_equal (&e->expected, &now))
    {
      g_set_error (error, OCTA_TRANSACTION_ERROR, OCTA_TRANSACTION_ERROR_CHANGED_ON_DISK,
                   "%s was changed by another program since it was opened", e->name);
      return FALSE;
    }

  return TRUE;
}

static gboolean
stage (OctaTransaction *t,
       Entry           *e,
       guint            index,
       GError         **error)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (e->contents, &len);
  int fd;

  fd = create_unique (t, e->name, "new", &e->temp_name);
  if (fd < 0)
    {
      set_errno_error (error, OCTA_TRANSACTION_ERROR_IO, errno,
                       "%s: could not create a temporary file in %s", e->name, t->folder);
      return FALSE;
    }

  if (inject (t, OCTA_FAULT_WRITE, index) || !write_all (fd, data, len))
    {
      int errsv = errno;

      close_once (fd);
      set_errno_error (error, OCTA_TRANSACTION_ERROR_IO, errsv,
                       "%s: could not write the new version", e->name);
      return FALSE;
    }

  if (inject (t, OCTA_FAULT_FSYNC, index) || fsync_retry (fd) < 0)
    {
      int errsv = errno;

      close_once (fd);
      set_errno_error (error, OCTA_TRANSACTION_ERROR_IO, errsv,
                       "%s: could not flush the new version to disk", e->name);
      return FALSE;
    }

  if (close_once (fd) < 0)
    {
      set_errno_error (error, OCTA_TRANSACTION_ERROR_IO, errno,
                       "%s: could not finish writing the new version", e->name);
      return FALSE;
    }

  return TRUE;
}

/* The fallback where hard links are refused, as on the FAT32 cards the
 * Octatrack uses: a full copy, flushed, so the old bytes survive a crash. */
static gboolean
copy_original (OctaTransaction *t,
               Entry           *e,
               GError         **error)
{
  g_autofree guint8 *buf = NULL;
  struct timespec times[2];
  struct stat st;
  int in_fd;
  int out_fd;
  int errsv;

  in_fd = openat (t->dirfd, e->name, O_RDONLY | O_CLOEXEC);
  if (in_fd < 0)
    {
      if (errno == ENOENT)
        {
          e->existed = FALSE;
          return TRUE;
        }
      set_errno_error (error, OCTA_TRANSACTION_ERROR_IO, errno,
                       "%s: could not open the original to keep a copy", e->name);
      return FALSE;
    }

  if (fstat (in_fd, &st) < 0)
    {
      errsv = errno;
      close_once (in_fd);
      set_errno_error (error, OCTA_TRANSACTION_ERROR_IO, errsv,
                       "%s: could not examine the original", e->name);
      return FALSE;
    }

  out_fd = create_unique (t, e->name, "old", &e->backup_name);
  if (out_fd < 0)
    {
      errsv = errno;
      close_once (in_fd);
      set_errno_error (error, OCTA_TRANSACTION_ERROR_IO, errsv,
                       "%s: could not create a file for a copy of the original", e->name);
      return FALSE;
    }

  buf = g_malloc (CHUNK_SIZE);
  for (;;)
    {
      gssize r = read_retry (in_fd, buf, CHUNK_SIZE);

      if (r < 0)
        {
          errsv = errno;
          close_once (in_fd);
          close_once (out_fd);
          set_errno_error (error, OCTA_TRANSACTION_ERROR_IO, errsv,
                           "%s: could not read the original to keep a copy", e->name);
          return FALSE;
        }
      if (r == 0)
        break;
      if (!write_all (out_fd, buf, r))
        {
          errsv = errno;
          close_once (in_fd);
          close_once (out_fd);
          set_errno_error (error, OCTA_TRANSACTION_ERROR_IO, errsv,
                           "%s: could not write a copy of the original", e->name);
          return FALSE;
        }
    }
  close_once (in_fd);

  /* The copy may be renamed back over the file after a failed save, and
   * must then still match the snapshot taken when the file was loaded, or
   * the next save would call it changed by another program. FAT refuses
   * the permissions, and that is fine. */
  times[0] = st.st_atim;
  times[1] = st.st_mtim;
  if (futimens (out_fd, times) < 0)
    {
      errsv = errno;
      close_once (out_fd);
      set_errno_error (error, OCTA_TRANSACTION_ERROR_IO, errsv,
                       "%s: could not date the copy of the original", e->name);
      return FALSE;
    }
  (void) fchmod (out_fd, st.st_mode & 07777);

  if (fsync_retry (out_fd) < 0)
    {
      errsv = errno;
      close_once (out_fd);
      set_errno_error (error, OCTA_TRANSACTION_ERROR_IO, errsv,
                       "%s: could not flush the copy of the original to disk", e->name);
      return FALSE;
    }
  if (close_once (out_fd) < 0)
    {
      set_errno_error (error, OCTA_TRANSACTION_ERROR_IO, errno,
                       "%s: could not finish the copy of the original", e->name);
      return FALSE;
    }

  e->existed = TRUE;
  return TRUE;
}

static gboolean
keep_original (OctaTransaction *t,
               Entry           *e,
               guint            index,
               GError         **error)
{
  if (fault_armed (t, OCTA_FAULT_BACKUP, index))
    {
      set_errno_error (error, OCTA_TRANSACTION_ERROR_IO, EIO,
                       "%s: could not keep a copy of the original", e->name);
      return FALSE;
    }

  for (guint attempt = 0; attempt < 100; attempt++)
    {
      g_autofree char *candidate = random_name (e->name, "old");
      int r;

      if (fault_armed (t, OCTA_FAULT_LINK, index))
        {
          errno = EPERM;
          r = -1;
        }
      else
        {
          r = linkat (t->dirfd, e->name, t->dirfd, candidate, 0);
        }

      if (r == 0)
        {
          e->backup_name = g_steal_pointer (&candidate);
          e->existed = TRUE;
          return TRUE;
        }

      switch (errno)
        {
        case EEXIST:
          continue;

        case ENOENT:
          e->existed = FALSE;
          return TRUE;

        case EPERM:
        case EXDEV:
        case EMLINK:
        case ENOSYS:
        case ENOTSUP:
#if EOPNOTSUPP != ENOTSUP
        case EOPNOTSUPP:
#endif
          return copy_original (t, e, error);

        default:
          set_errno_error (error, OCTA_TRANSACTION_ERROR_IO, errno,
                           "%s: could not keep a copy of the original", e->name);
          return FALSE;
        }
    }

  set_errno_error (error, OCTA_TRANSACTION_ERROR_IO, EEXIST,
                   "%s: could not keep a copy of the original", e->name);
  return FALSE;
}

/* For a file that did not exist, refuse to clobber one that another
 * program created meanwhile, where the file system can tell. */
static int
rename_new (OctaTransaction *t,
            const char      *from,
            const char      *to)
{
#ifdef RENAME_NOREPLACE
  if (renameat2 (t->dirfd, from, t->dirfd, to, RENAME_NOREPLACE) == 0)
    return 0;
  if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP)
    return -1;
#endif
  return renameat (t->dirfd, from, t->dirfd, to);
}

static gboolean
replace (OctaTransaction *t,
         Entry           *e,
         guint            index,
         GError         **error)
{
  int r;

  if (inject (t, OCTA_FAULT_RENAME, index))
    r = -1;
  else if (e->existed)
    {
      r = renameat (t->dirfd, e->temp_name, t->dirfd, e->name);
    }
  else
    {
      r = rename_new (t, e->temp_name, e->name);
    }

  if (r < 0)
    {
      if (errno == EEXIST && !e->existed)
        g_set_error (error, OCTA_TRANSACTION_ERROR, OCTA_TRANSACTION_ERROR_CHANGED_ON_DISK,
                     "%s was created by another program while saving", e->name);
      else
        set_errno_error (error, OCTA_TRANSACTION_ERROR_IO, errno,
                         "%s: could not be replaced by its new version", e->name);
      return FALSE;
    }

  g_clear_pointer (&e->temp_name, g_free);
  e->replaced = TRUE;

  /* One folder sync per rename keeps the renames reaching the disk in
   * order, so a crash leaves a prefix of the files replaced. */
  if (inject (t, OCTA_FAULT_DIR_FSYNC, index) || !sync_folder (t))
    {
      set_errno_error (error, OCTA_TRANSACTION_ERROR_IO, errno,
                       "%s: could not flush the folder %s to disk after replacing it",
                       e->name, t->folder);
      return FALSE;
    }

  return TRUE;
}

static gboolean
verify (OctaTransaction *t,
        Entry           *e,
        guint            index,
        GError         **error)
{
  g_autofree guint8 *buf = NULL;
  gsize len;
  const guint8 *data = g_bytes_get_data (e->contents, &len);
  gsize pos = 0;
  gboolean same = TRUE;
  struct stat st;
  int fd;

  fd = openat (t->dirfd, e->name, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    {
      set_errno_error (error, OCTA_TRANSACTION_ERROR_IO, errno,
                       "%s: could not be opened to check what was written", e->name);
      return FALSE;
    }

  if (fstat (fd, &st) < 0)
    {
      int errsv = errno;

      close_once (fd);
      set_errno_error (error, OCTA_TRANSACTION_ERROR_IO, errsv,
                       "%s: could not be examined after writing it", e->name);
      return FALSE;
    }

  /* The pages are clean after the fsync, so dropping them makes the
   * comparison read what the card really holds, not the cache. */
  (void) posix_fadvise (fd, 0, 0, POSIX_FADV_DONTNEED);

  buf = g_malloc (CHUNK_SIZE);
  for (;;)
    {
      gssize r = read_retry (fd, buf, CHUNK_SIZE);

      if (r < 0)
        {
          int errsv = errno;

          close_once (fd);
          set_errno_error (error, OCTA_TRANSACTION_ERROR_IO, errsv,
                           "%s: could not be read back after writing it", e->name);
          return FALSE;
        }
      if (r == 0)
        break;
      if ((gsize) r > len - pos || memcmp (buf, data + pos, r) != 0)
        {
          same = FALSE;
          break;
        }
      pos += (gsize) r;
    }
  close_once (fd);

  if (pos != len || fault_armed (t, OCTA_FAULT_READBACK, index))
    same = FALSE;

  if (!same)
    {
      g_set_error (error, OCTA_TRANSACTION_ERROR, OCTA_TRANSACTION_ERROR_VERIFY,
                   "%s reads back differently from what was written; "
                   "the card or disk may be failing", e->name);
      return FALSE;
    }

  memset (&e->snapshot, 0, sizeof e->snapshot);
  e->snapshot.existed = TRUE;
  e->snapshot.size = len;
  e->snapshot.mtime_usec = stat_mtime_usec (&st);
  sha256_bytes (e->contents, e->snapshot.sha256);

  return TRUE;
}

static void
discard_file (OctaTransaction  *t,
              char            **name)
{
  if (*name == NULL)
    return;

  if (unlinkat (t->dirfd, *name, 0) < 0 && errno != ENOENT)
    g_debug ("Could not remove %s/%s: %s", t->folder, *name, g_strerror (errno));
  g_clear_pointer (name, g_free);
}

/* Puts every replaced file back and removes everything the commit
 * created. A backup that could not be put back is never removed. */
static gboolean
roll_back (OctaTransaction *t,
           GError          *cause,
           GError         **error)
{
  g_autoptr(GString) failures = NULL;

  for (guint i = t->entries->len; i-- > 0;)
    {
      Entry *e = g_ptr_array_index (t->entries, i);

      if (e->replaced)
        {
          int r;

          if (inject (t, OCTA_FAULT_RESTORE, i))
            r = -1;
          else if (e->existed)
            {
              r = renameat (t->dirfd, e->backup_name, t->dirfd, e->name);
            }
          else
            {
              r = unlinkat (t->dirfd, e->name, 0);
              if (r < 0 && errno == ENOENT)
                r = 0;
            }

          if (r == 0)
            {
              e->replaced = FALSE;
              if (e->existed)
                g_clear_pointer (&e->backup_name, g_free);
            }
          else
            {
              int errsv = errno;

              if (failures == NULL)
                failures = g_string_new (NULL);
              e->restore_failed = TRUE;

              if (e->existed)
                {
                  g_autofree char *backup = g_build_filename (t->folder, e->backup_name, NULL);

                  g_string_append_printf (failures,
                                          " %s could not be put back (%s); "
                                          "its previous contents are kept in %s.",
                                          e->name, g_strerror (errsv), backup);
                }
              else
                {
                  g_string_append_printf (failures,
                                          " The new %s could not be removed (%s).",
                                          e->name, g_strerror (errsv));
                }
            }
        }

      discard_file (t, &e->temp_name);
      if (!e->restore_failed)
        discard_file (t, &e->backup_name);
    }

  if (!sync_folder (t))
    g_debug ("Could not flush the folder %s: %s", t->folder, g_strerror (errno));

  if (failures != NULL)
    {
      g_set_error (error, OCTA_TRANSACTION_ERROR, OCTA_TRANSACTION_ERROR_ROLLBACK_FAILED,
                   "%s. Putting the previous files back failed too:%s",
                   cause->message, failures->str);
      return FALSE;
    }

  return TRUE;
}

static gboolean
is_cancelled (OctaTransactionCancelledFunc  cancelled,
              gpointer                      cancelled_data,
              GError                      **error)
{
  if (cancelled != NULL && cancelled (cancelled_data))
    {
      g_set_error_literal (error, OCTA_TRANSACTION_ERROR, OCTA_TRANSACTION_ERROR_CANCELLED,
                           "Saving was cancelled; no file was changed");
      return TRUE;
    }

  return FALSE;
}

static void
reset_entries (OctaTransaction *t)
{
  for (guint i = 0; i < t->entries->len; i++)
    {
      Entry *e = g_ptr_array_index (t->entries, i);

      g_clear_pointer (&e->temp_name, g_free);
      g_clear_pointer (&e->backup_name, g_free);
      e->existed = FALSE;
      e->replaced = FALSE;
      e->restore_failed = FALSE;
      e->has_snapshot = FALSE;
    }
}

static gboolean
commit_steps (OctaTransaction              *t,
              OctaTransactionCancelledFunc  cancelled,
              gpointer                      cancelled_data,
              GError                      **error)
{
  guint n = t->entries->len;

  for (guint i = 0; i < n; i++)
    {
      Entry *e = g_ptr_array_index (t->entries, i);

      if (e->has_expected && !t->force && !check_unchanged (t, e, error))
        return FALSE;
      report_progress (t);
    }

  for (guint i = 0; i < n; i++)
    {
      if (is_cancelled (cancelled, cancelled_data, error))
        return FALSE;
      if (!stage (t, g_ptr_array_index (t->entries, i), i, error))
        return FALSE;
      report_progress (t);
    }

  for (guint i = 0; i < n; i++)
    {
      if (is_cancelled (cancelled, cancelled_data, error))
        return FALSE;
      if (!keep_original (t, g_ptr_array_index (t->entries, i), i, error))
        return FALSE;
      report_progress (t);
    }

  /* The backups must be on disk before any original stops being reachable
   * under its own name. */
  if (!sync_folder (t))
    {
      set_errno_error (error, OCTA_TRANSACTION_ERROR_IO, errno,
                       "Could not flush the folder %s to disk", t->folder);
      return FALSE;
    }

  if (is_cancelled (cancelled, cancelled_data, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      if (!replace (t, g_ptr_array_index (t->entries, i), i, error))
        return FALSE;
      report_progress (t);
    }

  for (guint i = 0; i < n; i++)
    {
      if (!verify (t, g_ptr_array_index (t->entries, i), i, error))
        return FALSE;
      report_progress (t);
    }

  return TRUE;
}

/**
 * octa_transaction_commit:
 * @t: a transaction
 * @cancelled: (nullable): asked between files until the first file is
 *   replaced; returning %TRUE stops the save with nothing changed
 * @cancelled_data: data for @cancelled
 * @error: return location for an error
 *
 * Writes every added file so that the folder ends up either entirely as it
 * was or entirely new. Files whose expectation no longer matches the disk
 * stop the save before anything is written, unless forced. The new
 * versions are written and flushed next to their targets, the originals
 * are kept (hard links, or copies where links are refused), the new
 * versions are renamed over the targets and read back. Any failure puts
 * every original back.
 *
 * Returns: %TRUE if every file now holds its new contents
 */
gboolean
octa_transaction_commit (OctaTransaction              *t,
                         OctaTransactionCancelledFunc  cancelled,
                         gpointer                      cancelled_data,
                         GError                      **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (t != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  reset_entries (t);
  t->units_done = 0;
  t->units_total = 5 * t->entries->len + 1;

  t->dirfd = open (t->folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (t->dirfd < 0)
    {
      set_errno_error (error, OCTA_TRANSACTION_ERROR_IO, errno,
                       "Could not open the folder %s", t->folder);
      return FALSE;
    }

  if (!commit_steps (t, cancelled, cancelled_data, &local_error))
    {
      if (roll_back (t, local_error, error))
        g_propagate_error (error, g_steal_pointer (&local_error));
      close_once (t->dirfd);
      t->dirfd = -1;
      return FALSE;
    }

  for (guint i = 0; i < t->entries->len; i++)
    {
      Entry *e = g_ptr_array_index (t->entries, i);

      /* A leftover backup is untidy but loses nothing. */
      discard_file (t, &e->backup_name);
      e->replaced = FALSE;
      e->has_snapshot = TRUE;
    }

  if (!sync_folder (t))
    g_debug ("Could not flush the folder %s: %s", t->folder, g_strerror (errno));

  close_once (t->dirfd);
  t->dirfd = -1;

  report_progress (t);

  return TRUE;
}
