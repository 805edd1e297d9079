/* SPDX-License-Identifier: MIT */
#include "octa-fileio.h"
#include "octa-fileio-private.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "octa-codec-error.h"

#define CHUNK_SIZE (64 * 1024)

int
_octa_open_noeintr (const char *path,
                    int         flags,
                    int         mode)
{
  int fd;

  do
    fd = open (path, flags, mode);
  while (fd < 0 && errno == EINTR);

  return fd;
}

static void
close_quietly (int fd)
{
  int saved_errno = errno;

  close (fd);
  errno = saved_errno;
}

gssize
_octa_read_noeintr (int     fd,
                    void   *buf,
                    gsize   len)
{
  gssize n;

  do
    n = read (fd, buf, len);
  while (n < 0 && errno == EINTR);

  return n;
}

/* Sets errno to EIO when write() makes no progress. */
gboolean
_octa_write_all (int           fd,
                 const guint8 *data,
                 gsize         len)
{
  while (len > 0)
    {
      gssize n = write (fd, data, MIN (len, (gsize) G_MAXSSIZE));

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          return FALSE;
        }
      if (n == 0)
        {
          errno = EIO;
          return FALSE;
        }
      data += n;
      len -= n;
    }

  return TRUE;
}

static int
fsync_noeintr (int fd)
{
  int r;

  do
    r = fsync (fd);
  while (r < 0 && errno == EINTR);

  return r;
}

/**
 * octa_read_file:
 * @path: the file to read
 * @max_size: the largest size accepted
 * @data: (out) (transfer full): the contents, followed by a NUL byte that is
 *   not counted in @len
 * @len: (out): the number of bytes read
 * @error: return location for a #GError
 *
 * Reads a whole regular file. A file larger than @max_size is refused with
 * %OCTA_CODEC_ERROR_MALFORMED before more than @max_size + 1 bytes are read,
 * even if it grows while being read; every other failure (missing file,
 * folder, permissions, read error) is %OCTA_CODEC_ERROR_IO. Messages name
 * @path and the system's reason.
 *
 * Returns: %TRUE on success
 */
gboolean
octa_read_file (const char  *path,
                gsize        max_size,
                guint8     **data,
                gsize       *len,
                GError     **error)
{
  struct stat st;
  guint8 *buf;
  gsize alloc, done = 0;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (len != NULL, FALSE);
  g_return_val_if_fail (max_size < G_MAXSIZE - 1, FALSE);

  /* O_NONBLOCK keeps a FIFO planted under a project file name from hanging
   * the open; it has no effect on regular files. */
  fd = _octa_open_noeintr (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK, 0);
  if (fd < 0)
    {
      int e = errno;
      g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_IO,
                   "%s: cannot open: %s", path, g_strerror (e));
      return FALSE;
    }

  if (fstat (fd, &st) != 0)
    {
      int e = errno;
      close_quietly (fd);
      g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_IO,
                   "%s: cannot read: %s", path, g_strerror (e));
      return FALSE;
    }

  if (!S_ISREG (st.st_mode))
    {
      close_quietly (fd);
      g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_IO,
                   "%s: cannot read: %s", path,
                   S_ISDIR (st.st_mode) ? g_strerror (EISDIR) : "not a regular file");
      return FALSE;
    }

  if (st.st_size < 0 || (guint64) st.st_size > max_size)
    {
      close_quietly (fd);
      g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_MALFORMED,
                   "%s: too large: %" G_GINT64_FORMAT " bytes, the limit is %" G_GSIZE_FORMAT,
                   path, (gint64) st.st_size, max_size);
      return FALSE;
    }

  /* One spare byte so a file that grew since fstat() is noticed. */
  alloc = (gsize) st.st_size + 1;
  buf = g_malloc (alloc + 1);

  for (;;)
    {
      gssize n;

      if (done == alloc)
        {
          if (alloc > max_size)
            {
              close_quietly (fd);
              g_free (buf);
              g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_MALFORMED,
                           "%s: too large: more than %" G_GSIZE_FORMAT " bytes", path, max_size);
              return FALSE;
            }
          alloc = MIN (alloc * 2, max_size + 1);
          buf = g_realloc (buf, alloc + 1);
        }

      n = _octa_read_noeintr (fd, buf + done, alloc - done);
      if (n < 0)
        {
          int e = errno;
          close_quietly (fd);
          g_free (buf);
          g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_IO,
                       "%s: cannot read: %s", path, g_strerror (e));
          return FALSE;
        }
      if (n == 0)
        break;
      done += n;
    }

  close (fd);

  if (done > max_size)
    {
      g_free (buf);
      g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_MALFORMED,
                   "%s: too large: more than %" G_GSIZE_FORMAT " bytes", path, max_size);
      return FALSE;
    }

  buf[done] = '\0';
  *data = buf;
  *len = done;
  return TRUE;
}

/* Compares the file at @path with @data without holding a second copy. */
static gboolean
verify_contents (const char    *path,
                 const guint8  *data,
                 gsize          len,
                 GError       **error)
{
  g_autofree guint8 *chunk = NULL;
  struct stat st;
  gsize done = 0;
  int fd;

  fd = _octa_open_noeintr (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK, 0);
  if (fd < 0)
    {
      int e = errno;
      g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_IO,
                   "%s: cannot read back the written file: %s", path, g_strerror (e));
      return FALSE;
    }

  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode) || (guint64) st.st_size != len)
    {
      close_quietly (fd);
      g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_IO,
                   "%s: the file read back has the wrong size", path);
      return FALSE;
    }

  chunk = g_malloc (CHUNK_SIZE);
  for (;;)
    {
      gssize n = _octa_read_noeintr (fd, chunk, CHUNK_SIZE);

      if (n < 0)
        {
          int e = errno;
          close_quietly (fd);
          g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_IO,
                       "%s: cannot read back the written file: %s", path, g_strerror (e));
          return FALSE;
        }
      if (n == 0)
        break;
      if ((gsize) n > len - done || memcmp (chunk, data + done, n) != 0)
        {
          close_quietly (fd);
          g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_IO,
                       "%s: the file read back differs from what was written "
                       "at offset %" G_GSIZE_FORMAT, path, done);
          return FALSE;
        }
      done += n;
    }

  close (fd);

  if (done != len)
    {
      g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_IO,
                   "%s: the file read back is shorter than what was written", path);
      return FALSE;
    }

  return TRUE;
}

/**
 * octa_write_file_atomic:
 * @path: the file to create or replace
 * @data: (array length=len): the new contents
 * @len: their size
 * @error: return location for a #GError
 *
 * Same as octa_write_file_atomic_full() with %OCTA_WRITE_DEFAULT.
 *
 * Returns: %TRUE on success
 */
gboolean
octa_write_file_atomic (const char    *path,
                        const guint8  *data,
                        gsize          len,
                        GError       **error)
{
  return octa_write_file_atomic_full (path, data, len, OCTA_WRITE_DEFAULT, error);
}

/**
 * octa_write_file_atomic_full:
 * @path: the file to create or replace
 * @data: (array length=len): the new contents
 * @len: their size
 * @flags: #OctaWriteFlags
 * @error: return location for a #GError
 *
 * Writes @data to a temporary file `.NAME.XXXXXX` (mode 0644 before the
 * umask) in the folder of @path, syncs it to disk, renames it over @path
 * and syncs the folder, then reads @path back and compares it with @data.
 *
 * Guarantees: until the rename, @path is untouched, and any failure removes
 * the temporary file, so a reader sees either the old or the new contents,
 * never a mix. A failure after the rename (folder sync, read-back check)
 * is still reported; @path then holds the new contents, which may not be
 * durable or may not match @data. Errors are %OCTA_CODEC_ERROR_IO and name
 * @path. A symbolic link at @path is replaced by a regular file.
 *
 * Returns: %TRUE when @path holds exactly @data
 */
gboolean
octa_write_file_atomic_full (const char      *path,
                             const guint8    *data,
                             gsize            len,
                             OctaWriteFlags   flags,
                             GError         **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_name = NULL;
  g_autofree char *tmp = NULL;
  const char *what;
  int fd, e;

  g_return_val_if_fail (path != NULL && *path != '\0', FALSE);
  g_return_val_if_fail (data != NULL || len == 0, FALSE);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp_name = g_strdup_printf (".%s.XXXXXX", base);
  tmp = g_build_filename (dir, tmp_name, NULL);

  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0644);
  if (fd < 0)
    {
      e = errno;
      g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_IO,
                   "%s: cannot create a temporary file in \"%s\": %s",
                   path, dir, g_strerror (e));
      return FALSE;
    }

  what = "cannot write";
  if (!_octa_write_all (fd, data, len))
    goto fail_open;

  what = "cannot sync to disk";
  if (!(flags & OCTA_WRITE_NO_SYNC) && fsync_noeintr (fd) != 0)
    goto fail_open;

  /* On Linux the descriptor is gone even when close() reports EINTR. */
  what = "cannot write";
  if (close (fd) != 0 && errno != EINTR)
    goto fail_closed;

  what = "cannot replace the file";
  if (g_rename (tmp, path) != 0)
    goto fail_closed;

  if (!(flags & (OCTA_WRITE_NO_DIR_SYNC | OCTA_WRITE_NO_SYNC)))
    {
      g_autoptr(GError) sync_error = NULL;

      if (!octa_fsync_dir (dir, &sync_error))
        {
          g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_IO,
                       "%s: written, but %s", path, sync_error->message);
          return FALSE;
        }
    }

  return verify_contents (path, data, len, error);

fail_open:
  e = errno;
  close (fd);
  g_unlink (tmp);
  g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_IO,
               "%s: %s: %s", path, what, g_strerror (e));
  return FALSE;

fail_closed:
  e = errno;
  g_unlink (tmp);
  g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_IO,
               "%s: %s: %s", path, what, g_strerror (e));
  return FALSE;
}

/**
 * octa_fsync_dir:
 * @dir: a folder
 * @error: return location for a #GError
 *
 * Makes renames and new entries in @dir durable. File systems that cannot
 * sync a folder (EINVAL) count as success.
 *
 * Returns: %TRUE on success
 */
gboolean
octa_fsync_dir (const char  *dir,
                GError     **error)
{
  int fd, e;

  g_return_val_if_fail (dir != NULL, FALSE);

  fd = _octa_open_noeintr (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      e = errno;
      g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_IO,
                   "%s: cannot open the folder to sync it: %s", dir, g_strerror (e));
      return FALSE;
    }

  if (fsync_noeintr (fd) != 0 && errno != EINVAL)
    {
      e = errno;
      close (fd);
      g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_IO,
                   "%s: cannot sync the folder: %s", dir, g_strerror (e));
      return FALSE;
    }

  close (fd);
  return TRUE;
}
