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

#include "octa-codec.h"

#define DEFAULT_RUNS 15

typedef struct
{
  GPtrArray *names;   /* base names of the 52 files */
  char      *dir;
} Fixture;

static double
median (GArray *samples)
{
  double *v = (double *) samples->data;

  for (guint i = 0; i < samples->len; i++)
    for (guint j = i + 1; j < samples->len; j++)
      if (v[j] < v[i])
        {
          double t = v[i];
          v[i] = v[j];
          v[j] = t;
        }
  return samples->len % 2
         ? v[samples->len / 2]
         : (v[samples->len / 2 - 1] + v[samples->len / 2]) / 2.0;
}

static void
fill_project (OctaProjectFiles *files)
{
  GRand *rand = g_rand_new_with_seed (7);

  for (guint b = 0; b < OCTA_N_BANKS; b++)
    for (guint p = 0; p < OCTA_N_PATTERNS; p++)
      for (guint t = 0; t < OCTA_N_TRACKS; t++)
        {
          OctaBankFile *bank = files->banks[OCTA_STATE_WORK][b];
          guint64 mask = ((guint64) g_rand_int (rand) << 32) | g_rand_int (rand);

          octa_bank_file_set_trig_mask (bank, p, OCTA_TRACK_AUDIO, t, OCTA_TRIG_TRIGGER, mask);
          octa_bank_file_set_plock (bank, p, OCTA_TRACK_AUDIO, t, t * 8, OCTA_AUDIO_PLOCK_AMP_VOL,
                                    g_rand_int_range (rand, 0, 128));
        }
  g_rand_free (rand);
}

static Fixture *
fixture_new (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OctaProjectFiles) files = octa_project_files_new_blank ("BENCH");
  Fixture *fx = g_new0 (Fixture, 1);
  g_autoptr(GDir) d = NULL;
  const char *name;

  fx->dir = g_dir_make_tmp ("octa-bench-XXXXXX", &error);
  g_assert_no_error (error);
  fill_project (files);

  if (!octa_project_files_write_dir (files, fx->dir, &error))
    g_error ("%s", error->message);

  /* A project after PROJECT ▸ SAVE: every .work has its .strd twin. */
  d = g_dir_open (fx->dir, 0, &error);
  g_assert_no_error (error);
  fx->names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".work"))
      g_ptr_array_add (fx->names, g_strdup (name));

  for (guint i = 0, n = fx->names->len; i < n; i++)
    {
      const char *work = fx->names->pdata[i];
      g_autofree char *src = g_build_filename (fx->dir, work, NULL);
      g_autofree char *stem = g_strndup (work, strlen (work) - 5);
      g_autofree char *strd = g_strconcat (stem, ".strd", NULL);
      g_autofree char *dst = g_build_filename (fx->dir, strd, NULL);
      g_autofree char *contents = NULL;
      gsize len;

      if (!g_file_get_contents (src, &contents, &len, &error) ||
          !g_file_set_contents (dst, contents, len, &error))
        g_error ("%s", error->message);
      g_ptr_array_add (fx->names, g_steal_pointer (&strd));
    }

  return fx;
}

static void
fixture_free (Fixture *fx)
{
  for (guint i = 0; i < fx->names->len; i++)
    {
      g_autofree char *path = g_build_filename (fx->dir, fx->names->pdata[i], NULL);
      g_unlink (path);
    }
  g_rmdir (fx->dir);
  g_ptr_array_unref (fx->names);
  g_free (fx->dir);
  g_free (fx);
}

static gsize
raw_read_all (Fixture *fx,
              GPtrArray *keep)
{
  gsize total = 0;

  for (guint i = 0; i < fx->names->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = g_build_filename (fx->dir, fx->names->pdata[i], NULL);
      guint8 *data = NULL;
      gsize len = 0;

      if (!octa_read_file (path, OCTA_MAX_FILE_SIZE, &data, &len, &error))
        g_error ("%s", error->message);
      total += len;
      if (keep != NULL)
        g_ptr_array_add (keep, g_bytes_new_take (data, len));
      else
        g_free (data);
    }

  return total;
}

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

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
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
  Fixture *fx = fixture_new ();
  gsize total_bytes = raw_read_all (fx, NULL);
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
          t0 = now_ms ();
          raw_read_all (fx, raw);
          t1 = now_ms ();
          files = octa_project_files_load_dir (fx->dir, OCTA_LOAD_DEFAULT, &error);
          t2 = now_ms ();
          g_array_append_val (t_raw_read, (double) { t1 - t0 });
          g_array_append_val (t_load, (double) { t2 - t1 });
        }
      else
        {
          t0 = now_ms ();
          files = octa_project_files_load_dir (fx->dir, OCTA_LOAD_DEFAULT, &error);
          t1 = now_ms ();
          raw_read_all (fx, raw);
          t2 = now_ms ();
          g_array_append_val (t_load, (double) { t1 - t0 });
          g_array_append_val (t_raw_read, (double) { t2 - t1 });
        }
      if (files == NULL)
        g_error ("%s", error->message);
      if (octa_project_files_count (files) != fx->names->len)
        g_error ("loaded %u files, expected %u", octa_project_files_count (files), fx->names->len);

      /* Raw write: the same bytes, the same durability (fsync + rename). */
      t0 = now_ms ();
      for (guint i = 0; i < fx->names->len; i++)
        {
          g_autofree char *path = g_build_filename (fx->dir, fx->names->pdata[i], NULL);
          GBytes *bytes = raw->pdata[i];

          raw_write_one (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
        }
      if (!octa_fsync_dir (fx->dir, &error))
        g_error ("%s", error->message);
      t1 = now_ms ();
      if (!octa_project_files_write_dir (files, fx->dir, &error))
        g_error ("%s", error->message);
      t2 = now_ms ();
      g_array_append_val (t_raw_write, (double) { t1 - t0 });
      g_array_append_val (t_save, (double) { t2 - t1 });

      octa_project_files_free (files);
    }

  r_read = median (t_raw_read);
  r_load = median (t_load);
  r_write = median (t_raw_write);
  r_save = median (t_save);

  g_print ("raw read            %8.2f ms\n", r_read);
  g_print ("load + decode       %8.2f ms   ratio %.2fx (target <= 1.5x)\n", r_load, r_load / r_read);
  g_print ("raw write           %8.2f ms\n", r_write);
  g_print ("encode + write      %8.2f ms   ratio %.2fx (target <= 1.5x)\n", r_save, r_save / r_write);

  fixture_free (fx);
  return 0;
}
