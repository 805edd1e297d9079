/* SPDX-License-Identifier: MIT */
/*
 * Loads a whole project (26 .work + 26 .strd files) and writes it back,
 * next to a raw read and a raw write of the very same bytes in the same run,
 * and prints medians and ratios. Absolute times drift on shared machines;
 * the ratios are what we track.
 */
#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "bench-project.h"

#define DEFAULT_RUNS 15

static void
raw_write_one (const char   *path,
               const guint8 *data,
               gsize         len)
{
  g_autofree char *tmp = g_strconcat (path, ".raw-tmp", NULL);
  int fd = g_open (tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  gsize done = 0;

  if (fd < 0)
    g_error ("%s: %s", tmp, g_strerror (errno));
  while (done < len)
    {
      gssize n = write (fd, data + done, len - done);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        g_error ("%s: %s", tmp, g_strerror (errno));
      done += n;
    }
  if (fsync (fd) != 0 || close (fd) != 0 || g_rename (tmp, path) != 0)
    g_error ("%s: %s", path, g_strerror (errno));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GArray) t_raw_read = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) t_load = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) t_raw_write = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) t_save = g_array_new (FALSE, FALSE, sizeof (double));
  guint runs = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : DEFAULT_RUNS;
  BenchProject *fx = bench_project_new ();
  gsize total_bytes = bench_project_raw_read (fx, NULL);
  double r_read, r_load, r_write, r_save;

  if (runs < 3)
    runs = 3;

  g_print ("# project: %u files, %" G_GSIZE_FORMAT " bytes, %u runs each\n",
           fx->names->len, total_bytes, runs);

  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) raw = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
      OctaProjectFiles *files;
      double t0, t1, t2;

      /* Alternate the order so neither side always gets the warmer cache. */
      if (r % 2 == 0)
        {
          t0 = bench_now_ms ();
          bench_project_raw_read (fx, raw);
          t1 = bench_now_ms ();
          files = octa_project_files_load_dir (fx->dir, OCTA_LOAD_DEFAULT, &error);
          t2 = bench_now_ms ();
          g_array_append_val (t_raw_read, (double) { t1 - t0 });
          g_array_append_val (t_load, (double) { t2 - t1 });
        }
      else
        {
          t0 = bench_now_ms ();
          files = octa_project_files_load_dir (fx->dir, OCTA_LOAD_DEFAULT, &error);
          t1 = bench_now_ms ();
          bench_project_raw_read (fx, raw);
          t2 = bench_now_ms ();
          g_array_append_val (t_load, (double) { t1 - t0 });
          g_array_append_val (t_raw_read, (double) { t2 - t1 });
        }
      if (files == NULL)
        g_error ("%s", error->message);
      if (octa_project_files_count (files) != fx->names->len)
        g_error ("loaded %u files, expected %u", octa_project_files_count (files), fx->names->len);

      /* Raw write: the same bytes, the same durability (fsync + rename). */
      t0 = bench_now_ms ();
      for (guint i = 0; i < fx->names->len; i++)
        {
          g_autofree char *path = g_build_filename (fx->dir, fx->names->pdata[i], NULL);
          GBytes *bytes = raw->pdata[i];

          raw_write_one (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
        }
      if (!octa_fsync_dir (fx->dir, &error))
        g_error ("%s", error->message);
      t1 = bench_now_ms ();
      if (!octa_project_files_write_dir (files, fx->dir, &error))
        g_error ("%s", error->message);
      t2 = bench_now_ms ();
      g_array_append_val (t_raw_write, (double) { t1 - t0 });
      g_array_append_val (t_save, (double) { t2 - t1 });

      octa_project_files_free (files);
    }

  r_read = bench_median (t_raw_read);
  r_load = bench_median (t_load);
  r_write = bench_median (t_raw_write);
  r_save = bench_median (t_save);

  g_print ("raw read            %8.2f ms\n", r_read);
  g_print ("load + decode       %8.2f ms   ratio %.2fx (target <= 1.5x)\n", r_load, r_load / r_read);
  g_print ("raw write           %8.2f ms\n", r_write);
  g_print ("encode + write      %8.2f ms   ratio %.2fx (target <= 1.5x)\n", r_save, r_save / r_write);

  bench_project_free (fx);
  return 0;
}
