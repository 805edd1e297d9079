/* SPDX-License-Identifier: MIT */
/*
 * A full diff of two whole projects (26 .work + 26 .strd files each) next to
 * a raw read of both in the same run; prints medians and the ratio (target:
 * at most 2x the raw read). Two cases: two versions of a song that differ in
 * one step and one part parameter per bank, and two unrelated projects whose
 * every pattern differs. Absolute times drift on shared machines; the ratios
 * are what we track.
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "bench-project.h"
#include "octa.h"
#include "octa-project-private.h"

#define DEFAULT_RUNS 15

static void
fill (OctaProjectFiles *files,
      guint32           seed,
      gboolean          small_edit)
{
  GRand *rand = g_rand_new_with_seed (seed);

  for (guint s = 0; s < 2; s++)
    for (guint b = 0; b < OCTA_N_BANKS; b++)
      {
        OctaBankFile *bank = files->banks[s][b];

        for (guint p = 0; p < OCTA_N_PATTERNS; p++)
          for (guint t = 0; t < OCTA_N_TRACKS; t++)
            {
              guint64 mask = ((guint64) g_rand_int (rand) << 32) | g_rand_int (rand);

              octa_bank_file_set_trig_mask (bank, p, OCTA_TRACK_AUDIO, t, OCTA_TRIG_TRIGGER, mask);
              octa_bank_file_set_plock (bank, p, OCTA_TRACK_AUDIO, t, t * 8,
                                        OCTA_AUDIO_PLOCK_AMP_VOL, g_rand_int_range (rand, 0, 128));
            }
        if (small_edit)
          {
            octa_bank_file_set_trig (bank, b % 16, OCTA_TRACK_AUDIO, 3, OCTA_TRIG_TRIGLESS, 9,
                                     TRUE);
            octa_bank_file_set_part_value (bank, 1, OCTA_PART_UNSAVED, OCTA_PART_AREA_VALUES, 2, 9,
                                           99);
          }
      }
  g_rand_free (rand);
}

static char *
write_project (const char *parent,
               const char *name,
               guint32     seed,
               gboolean    small_edit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OctaProjectFiles) files = octa_project_files_new_blank (name);
  char *dir = g_build_filename (parent, name, NULL);

  /* Blank projects have no .strd: give every .work its twin. */
  for (guint b = 0; b < OCTA_N_BANKS; b++)
    if (files->banks[OCTA_STATE_STRD][b] == NULL)
      files->banks[OCTA_STATE_STRD][b] = octa_bank_file_copy (files->banks[OCTA_STATE_WORK][b]);
  if (files->markers[OCTA_STATE_STRD] == NULL)
    files->markers[OCTA_STATE_STRD] = octa_markers_file_copy (files->markers[OCTA_STATE_WORK]);
  for (guint a = 0; a < OCTA_N_ARRANGEMENTS; a++)
    if (files->arrangements[OCTA_STATE_STRD][a] == NULL)
      files->arrangements[OCTA_STATE_STRD][a] =
        octa_arrangement_file_copy (files->arrangements[OCTA_STATE_WORK][a]);
  if (files->project[OCTA_STATE_STRD] == NULL)
    files->project[OCTA_STATE_STRD] = octa_project_file_copy (files->project[OCTA_STATE_WORK]);

  fill (files, seed, small_edit);
  if (!octa_project_files_write_dir (files, dir, &error))
    g_error ("%s", error->message);
  return dir;
}

static gsize
raw_read_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  gsize total = 0;

  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree guint8 *data = NULL;
      gsize len = 0;

      if (!octa_read_file (path, OCTA_MAX_FILE_SIZE, &data, &len, &error))
        g_error ("%s", error->message);
      total += len;
    }
  return total;
}

static OctaProject *
load (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) location = g_file_new_for_path (dir);
  OctaProject *project = octa_project_load (location, NULL, &error);

  if (project == NULL)
    g_error ("%s", error->message);
  return project;
}

static gboolean
run_case (const char *label,
          const char *dir_a,
          const char *dir_b,
          guint       runs)
{
  g_autoptr(GArray) raw = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) diff_only = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) load_diff = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(OctaProject) a = load (dir_a);
  g_autoptr(OctaProject) b = load (dir_b);
  guint n_items = 0;
  gsize bytes = 0;
  double r, d, l;

  for (guint i = 0; i < runs; i++)
    {
      gint64 t0, t1, t2, t3;

      t0 = g_get_monotonic_time ();
      bytes = raw_read_dir (dir_a) + raw_read_dir (dir_b);
      t1 = g_get_monotonic_time ();
      {
        g_autoptr(OctaDiff) diff = octa_diff_new_projects (a, b);

        n_items = g_list_model_get_n_items (G_LIST_MODEL (diff));
      }
      t2 = g_get_monotonic_time ();
      {
        g_autoptr(OctaProject) la = load (dir_a);
        g_autoptr(OctaProject) lb = load (dir_b);
        g_autoptr(OctaDiff) diff = octa_diff_new_projects (la, lb);
      }
      t3 = g_get_monotonic_time ();
      g_array_append_vals (raw, &(double) { (t1 - t0) / 1000.0 }, 1);
      g_array_append_vals (diff_only, &(double) { (t2 - t1) / 1000.0 }, 1);
      g_array_append_vals (load_diff, &(double) { (t3 - t2) / 1000.0 }, 1);
    }
  r = bench_median (raw);
  d = bench_median (diff_only);
  l = bench_median (load_diff);
  g_print ("%s: %u differences, %" G_GSIZE_FORMAT " bytes read\n", label, n_items, bytes);
  g_print ("  raw read of both    %8.2f ms\n", r);
  g_print ("  diff                %8.2f ms  (%.2fx raw read)\n", d, d / r);
  g_print ("  load both + diff    %8.2f ms  (%.2fx raw read)\n", l, l / r);
  g_print ("  %s\n", d <= 2.0 * r ? "within target" : "over target");
  return d <= 2.0 * r;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("octa-bench-diff-XXXXXX", &error);
  g_autofree char *a = NULL, *b = NULL, *c = NULL;
  guint runs = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : DEFAULT_RUNS;
  gboolean ok = TRUE;

  g_assert_no_error (error);
  runs = MAX (runs, 1);
  a = write_project (tmp, "SONG", 7, FALSE);
  b = write_project (tmp, "SONG2", 7, TRUE);
  c = write_project (tmp, "OTHER", 8, FALSE);

  g_print ("bench-diff: medians of %u runs, target: diff <= 2x raw read\n", runs);
  ok &= run_case ("two versions (a step and a part value per bank)", a, b, runs);
  ok &= run_case ("two unrelated projects (every pattern differs)", a, c, runs);
  g_print ("%s\n", ok ? "all cases within target" : "some cases over target");

  {
    const char *dirs[] = { a, b, c };

    for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
      {
        g_autoptr(GDir) d = g_dir_open (dirs[i], 0, NULL);
        const char *name;

        while (d != NULL && (name = g_dir_read_name (d)) != NULL)
          {
            g_autofree char *path = g_build_filename (dirs[i], name, NULL);

            g_unlink (path);
          }
        g_rmdir (dirs[i]);
      }
    g_rmdir (tmp);
  }
  return 0;
}
