/* SPDX-License-Identifier: MIT */
/*
 * Loads a whole project (26 .work + 26 .strd files) into the model and
 * builds what the first screen shows, next to a codec-only load and a raw
 * read of the very same bytes in the same run, and prints medians and
 * ratios. Then edits one step, saves, and checks that exactly one file was
 * written. Absolute times drift on shared machines; the ratios are what we
 * track.
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "bench-project.h"
#include "octa.h"
#include "octa-project-save-private.h"

#define DEFAULT_RUNS 15
#define N_KINDS      3

enum
{
  RAW_READ,
  CODEC_LOAD,
  MODEL_LOAD,
};

static const char *const kind_labels[N_KINDS] = {
  "raw read",
  "codec load",
  "model load + screen",
};

static OctaProject *
load_model (BenchProject *fx)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) location = g_file_new_for_path (fx->dir);
  OctaProject *project = octa_project_load (location, NULL, &error);

  if (project == NULL)
    g_error ("%s", error->message);
  /* Part of loading once octa_project_load() takes the snapshots itself;
   * until then it does nothing when they exist already. */
  _octa_project_save_take_snapshots (project);
  return project;
}

/* What the main window shows first: whether each bank has content, bank A's
 * parts, pattern A01 and its 16 tracks, and for each of their 64 steps the
 * trigs and the details the step grid draws. */
static guint
build_first_screen (OctaProject *project,
                    GPtrArray   *keep)
{
  OctaBank *bank = octa_project_get_bank (project, 0);
  OctaPattern *pattern = octa_bank_get_pattern (bank, 0);
  OctaPart *part = octa_bank_get_part (bank, octa_pattern_get_part (pattern) - 1);
  guint with_content = 0;
  guint64 sum = 0;

  g_ptr_array_add (keep, bank);
  g_ptr_array_add (keep, pattern);
  g_ptr_array_add (keep, part);

  for (guint t = 0; t < 16; t++)
    {
      OctaPatternTrack *track = t < 8
        ? OCTA_PATTERN_TRACK (octa_pattern_get_audio_track (pattern, t))
        : OCTA_PATTERN_TRACK (octa_pattern_get_midi_track (pattern, t - 8));
      GObject *sound = t < 8
        ? G_OBJECT (octa_part_get_audio_track (part, t))
        : G_OBJECT (octa_part_get_midi_track (part, t - 8));

      g_ptr_array_add (keep, track);
      g_ptr_array_add (keep, sound);
      for (guint k = OCTA_TRIG_TYPE_TRIGGER; k <= OCTA_TRIG_TYPE_MIDI_UNKNOWN; k++)
        if (octa_pattern_track_has_trig_type (track, k))
          sum += octa_pattern_track_get_trig_mask (track, k);
      for (guint s = 0; s < 64; s++)
        {
          guint locks, slot, repeats;
          OctaTrigCondition condition;
          gint micro;

          octa_pattern_track_get_step_summary (track, s, &locks, &slot, &condition, &micro,
                                               &repeats);
          sum += locks + slot + condition + micro + repeats;
        }
    }

  for (guint b = 0; b < OCTA_N_BANKS; b++)
    {
      OctaBank *other = octa_project_get_bank (project, b);

      with_content += octa_bank_get_has_content (other) ? 1 : 0;
      g_ptr_array_add (keep, other);
    }

  return with_content + (sum == G_MAXUINT64 ? 1 : 0);
}

static double
measure (BenchProject *fx,
         guint    kind)
{
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) raw = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GError) error = NULL;
  OctaProjectFiles *files = NULL;
  OctaProject *project = NULL;
  double t0, t1;

  t0 = bench_now_ms ();
  switch (kind)
    {
    case RAW_READ:
      bench_project_raw_read (fx, raw);
      break;
    case CODEC_LOAD:
      files = octa_project_files_load_dir (fx->dir, OCTA_LOAD_DEFAULT, &error);
      break;
    case MODEL_LOAD:
      project = load_model (fx);
      if (build_first_screen (project, keep) != OCTA_N_BANKS)
        g_error ("expected every bank to have content");
      break;
    default:
      g_assert_not_reached ();
    }
  t1 = bench_now_ms ();

  if (kind == CODEC_LOAD && files == NULL)
    g_error ("%s", error->message);
  if (files != NULL && octa_project_files_count (files) != fx->names->len)
    g_error ("loaded %u files, expected %u", octa_project_files_count (files), fx->names->len);

  /* Objects go before their project. */
  g_clear_pointer (&keep, g_ptr_array_unref);
  g_clear_object (&project);
  octa_project_files_free (files);

  return t1 - t0;
}

typedef struct
{
  ino_t  ino;
  gint64 mtime_nsec;
} Stamp;

static void
stamp_all (BenchProject *fx,
           Stamp   *out)
{
  for (guint i = 0; i < fx->names->len; i++)
    {
      g_autofree char *path = g_build_filename (fx->dir, fx->names->pdata[i], NULL);
      struct stat st;

      if (stat (path, &st) != 0)
        g_error ("%s is missing", path);
      out[i].ino = st.st_ino;
      out[i].mtime_nsec = (gint64) st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec;
    }
}

/* Returns how many files the save wrote. */
static guint
save_one_step (BenchProject *fx,
               guint    *unsaved)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OctaProject) project = load_model (fx);
  g_autofree Stamp *before = g_new0 (Stamp, fx->names->len);
  g_autofree Stamp *after = g_new0 (Stamp, fx->names->len);
  guint written = 0;

  stamp_all (fx, before);

  {
    g_autoptr(OctaBank) bank = octa_project_get_bank (project, 4);
    g_autoptr(OctaPattern) pattern = octa_bank_get_pattern (bank, 7);
    g_autoptr(OctaAudioPatternTrack) track = octa_pattern_get_audio_track (pattern, 2);
    g_autoptr(OctaStep) step = octa_pattern_track_get_step (OCTA_PATTERN_TRACK (track), 21);

    octa_step_set_trig (step, OCTA_TRIG_TYPE_TRIGGER,
                        !octa_step_get_trig (step, OCTA_TRIG_TYPE_TRIGGER));
  }

  *unsaved = octa_project_count_unsaved_files (project, OCTA_SAVE_MODE_WORKING);
  if (!octa_project_save (project, OCTA_SAVE_MODE_WORKING, OCTA_SAVE_FLAGS_NONE, NULL, &error))
    g_error ("%s", error->message);

  stamp_all (fx, after);
  for (guint i = 0; i < fx->names->len; i++)
    if (before[i].ino != after[i].ino || before[i].mtime_nsec != after[i].mtime_nsec)
      written++;

  return written;
}

int
main (int   argc,
      char *argv[])
{
  GArray *times[N_KINDS];
  guint runs = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : DEFAULT_RUNS;
  BenchProject *fx = bench_project_new ();
  double med[N_KINDS];
  gsize total_bytes;
  guint written, unsaved;

  {
    g_autoptr(GPtrArray) raw = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
    total_bytes = bench_project_raw_read (fx, raw);
  }

  if (runs < 3)
    runs = 3;
  for (guint k = 0; k < N_KINDS; k++)
    times[k] = g_array_new (FALSE, FALSE, sizeof (double));

  g_print ("# project: %u files, %" G_GSIZE_FORMAT " bytes, %u runs each\n",
           fx->names->len, total_bytes, runs);

  /* One warm-up round, then every order of the three in turn, so none of
   * them always gets the warmer cache. */
  for (guint k = 0; k < N_KINDS; k++)
    measure (fx, k);

  for (guint r = 0; r < runs; r++)
    {
      static const guint orders[6][N_KINDS] = {
        { 0, 1, 2 }, { 2, 1, 0 }, { 1, 2, 0 }, { 0, 2, 1 }, { 2, 0, 1 }, { 1, 0, 2 },
      };

      for (guint i = 0; i < N_KINDS; i++)
        {
          guint kind = orders[r % 6][i];
          double t = measure (fx, kind);

          g_array_append_val (times[kind], t);
        }
    }

  for (guint k = 0; k < N_KINDS; k++)
    med[k] = bench_median (times[k]);

  g_print ("%-22s %8.2f ms\n", kind_labels[RAW_READ], med[RAW_READ]);
  g_print ("%-22s %8.2f ms   ratio %.2fx vs raw read\n", kind_labels[CODEC_LOAD],
           med[CODEC_LOAD], med[CODEC_LOAD] / med[RAW_READ]);
  g_print ("%-22s %8.2f ms   ratio %.2fx vs raw read (target <= 1.5x), %.2fx vs codec\n",
           kind_labels[MODEL_LOAD], med[MODEL_LOAD], med[MODEL_LOAD] / med[RAW_READ],
           med[MODEL_LOAD] / med[CODEC_LOAD]);

  written = save_one_step (fx, &unsaved);
  g_print ("save after one step edit: %u unsaved, %u file(s) written (expected 1)\n",
           unsaved, written);

  for (guint k = 0; k < N_KINDS; k++)
    g_array_unref (times[k]);
  bench_project_free (fx);

  if (written != 1 || unsaved != 1)
    {
      g_printerr ("FAIL: a save after one step edit must write exactly one file\n");
      return 1;
    }
  return 0;
}
