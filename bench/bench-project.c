/* SPDX-License-Identifier: MIT */
/*
 * What the benchmarks share: a whole project of 52 files (every .work with
 * its .strd twin, trigs and locks in every bank) in a temporary folder, a
 * raw read of the same bytes to compare with, and medians.
 */
#include "bench-project.h"

#include <glib/gstdio.h>
#include <string.h>

double
bench_median (GArray *samples)
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

BenchProject *
bench_project_new (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OctaProjectFiles) files = octa_project_files_new_blank ("BENCH");
  BenchProject *fx = g_new0 (BenchProject, 1);
  g_autofree char *tmp = NULL;
  g_autoptr(GDir) d = NULL;
  const char *name;

  tmp = g_dir_make_tmp ("octa-bench-XXXXXX", &error);
  g_assert_no_error (error);
  /* The folder's name is the project's name. */
  fx->dir = g_build_filename (tmp, "BENCH", NULL);
  fill_project (files);

  if (!octa_project_files_write_dir (files, fx->dir, &error))
    g_error ("%s", error->message);

  /* A project after PROJECT > SAVE: every .work has its .strd twin. */
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

void
bench_project_free (BenchProject *fx)
{
  g_autofree char *parent = g_path_get_dirname (fx->dir);
  g_autoptr(GDir) d = g_dir_open (fx->dir, 0, NULL);
  const char *name;

  /* Whatever a save left, not only the 52 names. */
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (fx->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (fx->dir);
  g_rmdir (parent);
  g_ptr_array_unref (fx->names);
  g_free (fx->dir);
  g_free (fx);
}

gsize
bench_project_raw_read (BenchProject *fx,
                        GPtrArray    *keep)
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

double
bench_now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

