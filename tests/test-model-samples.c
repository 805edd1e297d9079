/* SPDX-License-Identifier: MIT */
/*
 * Sample management: what the device plays, importing with refusals that
 * write nothing, slot moves that take every reference along (checked on the
 * bytes at the spec's offsets), where-used, relinking and unused slots.
 */
#include <string.h>

#include <glib/gstdio.h>

#include "octa.h"
#include "octa-codec.h"
#include "octa-project-private.h"
#include "octa-test-utils.h"

/* Spec §3 */
#define MARKERS_RECORD 784

static gsize
markers_flex_offset (guint number)
{
  return 22 + MARKERS_RECORD * (number - 1);
}

/* Spec §2.8 */
static gsize
plock_offset (guint pattern,
              guint track,
              guint step,
              guint param)
{
  return 22 + 36588 * pattern + 8 + 2338 * track + 98 + 32 * step + param;
}

static gsize
part_slot_offset (guint    part,
                  gboolean saved,
                  guint    track,
                  guint    index)
{
  return 585430 + 6331 * (part + (saved ? 4 : 0)) + 723 + 5 * track + index;
}

static GFile *
write_wav (const char *dir,
           const char *name,
           guint       frames,
           guint16     channels,
           guint       rate,
           guint16     bits,
           guint8      seed)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GBytes) bytes = octa_test_make_wav (frames, channels, rate, bits, FALSE, seed);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  octa_test_write_file (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  return g_file_new_for_path (path);
}

static GFile *
write_text (const char *dir,
            const char *name,
            const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  octa_test_write_file (path, text, strlen (text));
  return g_file_new_for_path (path);
}

/* A blank project written to <tmp>/SET/PROJ and opened from there. */
static OctaProject *
make_project (const char *tmp)
{
  g_autofree char *folder = g_build_filename (tmp, "SET", "PROJ", NULL);
  g_autoptr(OctaProjectFiles) files = octa_project_files_new_blank ("PROJ");
  g_autoptr(GFile) location = g_file_new_for_path (folder);
  g_autoptr(GError) error = NULL;
  OctaProject *project;

  g_assert_true (octa_project_files_write_dir (files, folder, &error));
  g_assert_no_error (error);
  project = octa_project_load (location, NULL, &error);
  g_assert_no_error (error);
  return project;
}

static const char *
bank_name (guint bank)
{
  static char names[16][16];

  g_snprintf (names[bank], sizeof names[bank], "bank%02u.work", bank + 1);
  return names[bank];
}

/* Every working file's bytes, one after the other. */
static GBytes *
project_bytes (OctaProject *project)
{
  GByteArray *all = g_byte_array_new ();
  const char *names[] = { "project.work", "markers.work" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GBytes) b = octa_project_encode_file (project, names[i]);

      g_byte_array_append (all, g_bytes_get_data (b, NULL), g_bytes_get_size (b));
    }
  for (guint i = 0; i < 16; i++)
    {
      g_autoptr(GBytes) b = octa_project_encode_file (project, bank_name (i));

      g_byte_array_append (all, g_bytes_get_data (b, NULL), g_bytes_get_size (b));
    }
  return g_byte_array_free_to_bytes (all);
}

static gint
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

static void
list_dir (const char *dir,
          const char *prefix,
          GString    *out)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *child = g_build_filename (dir, names->pdata[i], NULL);
      g_autofree char *rel = g_strconcat (prefix, names->pdata[i], NULL);
      g_autofree char *sub = g_strconcat (rel, "/", NULL);
      GStatBuf st;

      g_assert_cmpint (g_stat (child, &st), ==, 0);
      g_string_append_printf (out, "%s %" G_GINT64_FORMAT "\n", rel, (gint64) st.st_size);
      if (S_ISDIR (st.st_mode))
        list_dir (child, sub, out);
    }
}

static char *
listing (const char *dir)
{
  GString *out = g_string_new (NULL);

  list_dir (dir, "", out);
  return g_string_free (out, FALSE);
}

static char *
slot_path (OctaProject *project,
           guint        number)
{
  g_autoptr(OctaSampleSlot) slot = octa_project_get_sample_slot (project, OCTA_SLOT_KIND_FLEX,
                                                                 number);

  return octa_sample_slot_dup_path (slot);
}

static void
test_info (void)
{
  g_autofree char *tmp = octa_test_make_tmpdir ();
  g_autoptr(GFile) ok16 = write_wav (tmp, "ok16.wav", 1000, 1, 44100, 16, 1);
  g_autoptr(GFile) ok24 = write_wav (tmp, "ok24.wav", 500, 2, 44100, 24, 2);
  g_autoptr(GFile) hi = write_wav (tmp, "vox_48k.wav", 100, 1, 48000, 16, 3);
  g_autoptr(GFile) low = write_wav (tmp, "low.wav", 100, 1, 22050, 16, 3);
  g_autoptr(GFile) bit8 = write_wav (tmp, "crunch.wav", 100, 1, 44100, 8, 4);
  g_autoptr(GFile) junk = write_text (tmp, "notes.wav", "these are not samples, just words");
  g_autoptr(GFile) mp3 = write_text (tmp, "song.mp3", "words where an mp3 would be");
  g_autoptr(GFile) gone = g_file_get_child (ok16, "nothing");
  g_autoptr(OctaSampleInfo) i16 = octa_sample_info_read (ok16, NULL);
  g_autoptr(OctaSampleInfo) i24 = octa_sample_info_read (ok24, NULL);
  g_autoptr(OctaSampleInfo) ihi = octa_sample_info_read (hi, NULL);
  g_autoptr(OctaSampleInfo) ilow = octa_sample_info_read (low, NULL);
  g_autoptr(OctaSampleInfo) i8 = octa_sample_info_read (bit8, NULL);
  g_autoptr(OctaSampleInfo) ijunk = octa_sample_info_read (junk, NULL);
  g_autoptr(OctaSampleInfo) imp3 = octa_sample_info_read (mp3, NULL);
  g_autoptr(OctaSampleInfo) igone = octa_sample_info_read (gone, NULL);

  g_assert_cmpint (i16->status, ==, OCTA_SAMPLE_STATUS_OK);
  g_assert_cmpstr (i16->format, ==, "WAV");
  g_assert_cmpuint (i16->frames, ==, 1000);
  g_assert_cmpuint (i16->rate, ==, 44100);
  g_assert_cmpuint (i16->channels, ==, 1);
  g_assert_cmpuint (i16->bits, ==, 16);
  g_assert_null (i16->reason);

  g_assert_cmpint (i24->status, ==, OCTA_SAMPLE_STATUS_OK);
  g_assert_cmpuint (i24->frames, ==, 500);
  g_assert_cmpuint (i24->channels, ==, 2);
  g_assert_cmpuint (i24->bits, ==, 24);

  g_assert_cmpint (ihi->status, ==, OCTA_SAMPLE_STATUS_INCOMPATIBLE);
  g_assert_cmpuint (ihi->rate, ==, 48000);
  g_assert_cmpstr (ihi->problem, ==, "48 kHz");
  g_assert_cmpstr (ihi->reason, ==, "48 kHz — the Octatrack plays 44.1 kHz");
  g_assert_cmpstr (ilow->reason, ==, "22.05 kHz — the Octatrack plays 44.1 kHz");

  g_assert_cmpint (i8->status, ==, OCTA_SAMPLE_STATUS_INCOMPATIBLE);
  g_assert_cmpuint (i8->bits, ==, 8);
  g_assert_cmpstr (i8->reason, ==, "8-bit — the Octatrack plays 16 or 24 bits");

  g_assert_cmpint (ijunk->status, ==, OCTA_SAMPLE_STATUS_UNREADABLE);
  g_assert_nonnull (ijunk->reason);

  g_assert_cmpint (imp3->status, ==, OCTA_SAMPLE_STATUS_INCOMPATIBLE);
  g_assert_cmpstr (imp3->reason, ==, "MP3 — needs WAV or AIFF");

  g_assert_cmpint (igone->status, ==, OCTA_SAMPLE_STATUS_MISSING);

  octa_test_rm_rf (tmp);
}

static void
assert_refused (OctaProject *project,
                const char  *tmp,
                GFile      **files,
                guint        n_files,
                guint        number,
                OctaSamplePoolMode mode,
                const char  *const *expect)
{
  g_autoptr(GBytes) before = project_bytes (project);
  g_autoptr(GBytes) after = NULL;
  g_autofree char *set_dir = g_build_filename (tmp, "SET", NULL);
  g_autofree char *list_before = listing (set_dir);
  g_autofree char *list_after = NULL;
  guint n_undo = octa_history_get_n_undo (octa_project_get_history (project));
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (octa_project_import_samples (project, OCTA_SLOT_KIND_FLEX, number, files,
                                                 n_files, mode, &error), ==, 0);
  g_assert_nonnull (error);
  for (guint i = 0; expect[i] != NULL; i++)
    if (strstr (error->message, expect[i]) == NULL)
      g_error ("“%s” lacks “%s”", error->message, expect[i]);

  after = project_bytes (project);
  list_after = listing (set_dir);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpstr (list_before, ==, list_after);
  g_assert_cmpuint (octa_history_get_n_undo (octa_project_get_history (project)), ==, n_undo);
  g_assert_false (octa_project_get_modified (project));
}

static void
test_import_refused (void)
{
  g_autofree char *tmp = octa_test_make_tmpdir ();
  g_autofree char *src = g_build_filename (tmp, "src", NULL);
  g_autoptr(OctaProject) project = make_project (tmp);
  g_autoptr(GFile) ok16 = write_wav (src, "kick.wav", 1000, 1, 44100, 16, 1);
  g_autoptr(GFile) hi = write_wav (src, "vox_48k.wav", 100, 1, 48000, 16, 3);
  g_autoptr(GFile) bit8 = write_wav (src, "crunch.wav", 100, 1, 44100, 8, 4);
  g_autoptr(GFile) junk = write_text (src, "readme.txt", "not audio");
  GFile *one_hi[] = { hi };
  GFile *one_8[] = { bit8 };
  GFile *one_junk[] = { junk };
  GFile *mixed[] = { ok16, hi, bit8 };
  const char *const e_hi[] = { "vox_48k.wav", "48 kHz — the Octatrack plays 44.1 kHz", NULL };
  const char *const e_8[] = { "crunch.wav", "8-bit", NULL };
  const char *const e_junk[] = { "readme.txt", "not an audio file", NULL };
  const char *const e_mixed[] = { "vox_48k.wav: 48 kHz", "crunch.wav: 8-bit", NULL };

  assert_refused (project, tmp, one_hi, 1, 0, OCTA_SAMPLE_POOL_MODE_COPY_TO_PROJECT, e_hi);
  assert_refused (project, tmp, one_8, 1, 5, OCTA_SAMPLE_POOL_MODE_SET_POOL, e_8);
  assert_refused (project, tmp, one_junk, 1, 0, OCTA_SAMPLE_POOL_MODE_COPY_TO_PROJECT, e_junk);
  /* One bad file refuses the whole drop: the good one is not copied either. */
  assert_refused (project, tmp, mixed, 3, 0, OCTA_SAMPLE_POOL_MODE_SET_POOL, e_mixed);

  octa_test_rm_rf (tmp);
}

static void
test_import (void)
{
  g_autofree char *tmp = octa_test_make_tmpdir ();
  g_autofree char *src = g_build_filename (tmp, "src", NULL);
  g_autofree char *proj = g_build_filename (tmp, "SET", "PROJ", NULL);
  g_autofree char *pool = g_build_filename (tmp, "SET", "AUDIO", NULL);
  g_autoptr(OctaProject) project = make_project (tmp);
  g_autoptr(GFile) a = write_wav (src, "a16.wav", 1000, 1, 44100, 16, 1);
  g_autoptr(GFile) b = write_wav (src, "b24.wav", 700, 2, 44100, 24, 2);
  g_autoptr(GFile) c = write_wav (src, "c16.wav", 300, 2, 44100, 16, 3);
  g_autoptr(GFile) src_dir = g_file_new_for_path (src);
  g_autoptr(GError) error = NULL;
  GFile *two[] = { a, b };
  GFile *one[] = { c };
  GFile *folder[] = { src_dir };
  g_autofree char *p1 = NULL, *p2 = NULL, *p3 = NULL;

  g_assert_cmpuint (octa_project_import_samples (project, OCTA_SLOT_KIND_FLEX, 0, two, 2,
                                                 OCTA_SAMPLE_POOL_MODE_COPY_TO_PROJECT,
                                                 &error), ==, 1);
  g_assert_no_error (error);
  p1 = slot_path (project, 1);
  p2 = slot_path (project, 2);
  g_assert_cmpstr (p1, ==, "a16.wav");
  g_assert_cmpstr (p2, ==, "b24.wav");
  {
    g_autofree char *copied = g_build_filename (proj, "b24.wav", NULL);
    g_autoptr(GBytes) markers = octa_project_encode_file (project, "markers.work");
    const guint8 *m = g_bytes_get_data (markers, NULL);
    gsize end = markers_flex_offset (2) + 4;

    g_assert_true (g_file_test (copied, G_FILE_TEST_IS_REGULAR));
    /* Trim end = the frame count, big-endian (spec §3). */
    g_assert_cmpuint (((guint32) m[end] << 24) | (m[end + 1] << 16) | (m[end + 2] << 8) |
                      m[end + 3], ==, 700);
  }
  /* Both files are one undo step. */
  g_assert_true (octa_project_undo (project));
  g_clear_pointer (&p1, g_free);
  p1 = slot_path (project, 1);
  g_assert_cmpstr (p1, ==, "");
  g_assert_true (octa_project_redo (project));

  /* Onto slot 4: slot 3 stays free between. */
  g_assert_cmpuint (octa_project_import_samples (project, OCTA_SLOT_KIND_FLEX, 4, one, 1,
                                                 OCTA_SAMPLE_POOL_MODE_SET_POOL, &error), ==, 4);
  g_assert_no_error (error);
  g_clear_pointer (&p3, g_free);
  p3 = slot_path (project, 4);
  g_assert_cmpstr (p3, ==, "../AUDIO/c16.wav");
  {
    g_autofree char *in_pool = g_build_filename (pool, "c16.wav", NULL);
    g_autoptr(GFile) pooled = g_file_new_for_path (in_pool);
    g_autoptr(GHashTable) usages = octa_project_dup_file_usages (project);
    const char *usage = g_hash_table_lookup (usages, pooled);
    const char *source_usage = g_hash_table_lookup (usages, c);

    g_assert_true (g_file_test (in_pool, G_FILE_TEST_IS_REGULAR));
    /* the pool copy is what Flex 004 plays; the dropped original is not */
    g_assert_cmpstr (usage, ==, "Flex 004");
    g_assert_null (source_usage);
  }

  /* A folder: its three audio files, by name, in the first run of three
   * free slots: 5, 6 and 7 (slot 3 alone is too short). */
  g_assert_cmpuint (octa_project_import_samples (project, OCTA_SLOT_KIND_FLEX, 0, folder, 1,
                                                 OCTA_SAMPLE_POOL_MODE_SET_POOL, &error), ==, 5);
  g_assert_no_error (error);
  {
    g_autofree char *s5 = slot_path (project, 5);
    g_autofree char *s7 = slot_path (project, 7);
    g_autofree char *s3 = slot_path (project, 3);

    g_assert_cmpstr (s5, ==, "../AUDIO/a16.wav");
    g_assert_cmpstr (s7, ==, "../AUDIO/c16.wav");
    g_assert_cmpstr (s3, ==, "");
  }

  /* Onto slot 2 (used): it is replaced, the next file goes to slot 3. */
  g_assert_cmpuint (octa_project_import_samples (project, OCTA_SLOT_KIND_FLEX, 2, two, 2,
                                                 OCTA_SAMPLE_POOL_MODE_SET_POOL, &error), ==, 2);
  g_assert_no_error (error);
  {
    g_autofree char *s2 = slot_path (project, 2);
    g_autofree char *s3 = slot_path (project, 3);

    g_assert_cmpstr (s2, ==, "../AUDIO/a16.wav");
    g_assert_cmpstr (s3, ==, "../AUDIO/b24.wav");
  }

  octa_test_rm_rf (tmp);
}

/* Sets up references to Flex slots in three banks; returns how many
 * references to Flex @number find_slot_references must report. */
static void
set_flex_part (OctaBankFile *bank,
               guint         part,
               OctaPartCopy  copy,
               guint         track,
               guint8        slot)
{
  octa_bank_file_set_machine (bank, part, copy, track, OCTA_MACHINE_FLEX);
  octa_bank_file_set_part_value (bank, part, copy, OCTA_PART_AREA_SLOTS, track, 1, slot);
}

static void
add_references (OctaProject *project)
{
  OctaBankFile *a = _octa_project_get_bank_file (project, 0, OCTA_STATE_WORK);
  OctaBankFile *b = _octa_project_get_bank_file (project, 1, OCTA_STATE_WORK);
  OctaBankFile *d = _octa_project_get_bank_file (project, 3, OCTA_STATE_WORK);

  octa_project_begin_change (project, "references");
  /* Bank A: part 1 T1 plays Flex 012 in both copies; pattern A01 locks it
   * on T1 step 3 and Flex 013 on step 4; T6 is Static and locks Static 012,
   * which a Flex move leaves alone. */
  set_flex_part (a, 0, OCTA_PART_UNSAVED, 0, 11);
  set_flex_part (a, 0, OCTA_PART_SAVED, 0, 11);
  octa_bank_file_set_pattern_part (a, 0, 0);
  octa_bank_file_set_sample_lock (a, 0, 0, 2, 11);
  octa_bank_file_set_sample_lock (a, 0, 0, 3, 12);
  octa_bank_file_set_machine (a, 0, OCTA_PART_UNSAVED, 5, OCTA_MACHINE_STATIC);
  octa_bank_file_set_part_value (a, 0, OCTA_PART_UNSAVED, OCTA_PART_AREA_SLOTS, 5, 0, 11);
  octa_bank_file_set_sample_lock (a, 0, 5, 0, 11);
  /* Bank B: only the saved copy of part 3 T4 plays Flex 012. */
  set_flex_part (b, 2, OCTA_PART_UNSAVED, 3, 4);
  set_flex_part (b, 2, OCTA_PART_SAVED, 3, 11);
  /* Bank D: pattern D05 uses part 2, whose T3 is Flex; step 10 locks 012. */
  octa_bank_file_set_pattern_part (d, 4, 1);
  set_flex_part (d, 1, OCTA_PART_UNSAVED, 2, 13);
  octa_bank_file_set_sample_lock (d, 4, 2, 9, 11);
  octa_project_end_change (project);
}

static guint8
byte_at (GBytes *bytes,
         gsize   offset)
{
  g_assert_cmpuint (offset, <, g_bytes_get_size (bytes));
  return ((const guint8 *) g_bytes_get_data (bytes, NULL))[offset];
}

static void
import_one (OctaProject *project,
            const char  *src,
            const char  *name,
            guint        number,
            guint        frames)
{
  g_autoptr(GFile) f = write_wav (src, name, frames, 1, 44100, 16, (guint8) number);
  g_autoptr(GError) error = NULL;
  GFile *files[] = { f };

  g_assert_cmpuint (octa_project_import_samples (project, OCTA_SLOT_KIND_FLEX, number, files, 1,
                                                 OCTA_SAMPLE_POOL_MODE_COPY_TO_PROJECT,
                                                 &error), ==, number);
  g_assert_no_error (error);
}

/* A "name.ot" beside "name.wav" brings the sample's attributes and slices
 * along, in the import's one undo step; a broken sidecar is ignored. */
static void
test_import_sidecar (void)
{
  g_autofree char *tmp = octa_test_make_tmpdir ();
  g_autofree char *src = g_build_filename (tmp, "src", NULL);
  g_autofree char *ot_path = g_build_filename (src, "loop.ot", NULL);
  g_autoptr(OctaProject) project = make_project (tmp);
  g_autoptr(GFile) loop = write_wav (src, "loop.wav", 8000, 2, 44100, 16, 5);
  g_autoptr(GFile) plain = write_wav (src, "plain.wav", 500, 1, 44100, 16, 6);
  g_autoptr(GFile) broken = write_wav (src, "broken.wav", 500, 1, 44100, 16, 7);
  g_autoptr(GFile) broken_ot = write_text (src, "broken.ot", "not a sample file");
  g_autoptr(OctaSampleFile) ot = octa_sample_file_new_blank ("loop.ot");
  g_autoptr(OctaSampleSlot) slot = NULL;
  g_autoptr(OctaMarkers) markers = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  GFile *files[] = { loop, plain, broken };
  guint undo_before;

  octa_sample_file_set (ot, OCTA_SAMPLE_FIELD_GAIN, 60);
  octa_sample_file_set (ot, OCTA_SAMPLE_FIELD_LOOP_MODE, 1);
  octa_sample_file_set (ot, OCTA_SAMPLE_FIELD_TRIM_END, 8000);
  octa_sample_file_set (ot, OCTA_SAMPLE_FIELD_SLICE_COUNT, 2);
  octa_sample_file_set_slice (ot, 0, (OctaSlice) { 0, 4000, OCTA_SLICE_NO_LOOP });
  octa_sample_file_set_slice (ot, 1, (OctaSlice) { 4000, 8000, OCTA_SLICE_NO_LOOP });
  bytes = octa_sample_file_encode (ot);
  octa_test_write_file (ot_path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  before = project_bytes (project);
  undo_before = octa_history_get_n_undo (octa_project_get_history (project));
  g_assert_cmpuint (octa_project_import_samples (project, OCTA_SLOT_KIND_FLEX, 0, files, 3,
                                                 OCTA_SAMPLE_POOL_MODE_COPY_TO_PROJECT,
                                                 &error), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpuint (octa_history_get_n_undo (octa_project_get_history (project)), ==,
                    undo_before + 1);

  slot = octa_project_get_sample_slot (project, OCTA_SLOT_KIND_FLEX, 1);
  g_assert_cmpuint (octa_sample_slot_get_gain (slot), ==, 60);
  g_assert_cmpint (octa_sample_slot_get_loop_mode (slot), ==, 1);
  markers = octa_sample_slot_get_markers (slot);
  g_assert_cmpuint (octa_markers_get_slice_count (markers), ==, 2);
  g_assert_cmpuint (octa_markers_get_trim_end (markers), ==, 8000);
  g_clear_object (&markers);
  g_clear_object (&slot);

  /* no sidecar, and a broken one: the device's defaults */
  for (guint number = 2; number <= 3; number++)
    {
      slot = octa_project_get_sample_slot (project, OCTA_SLOT_KIND_FLEX, number);
      g_assert_true (octa_sample_slot_get_used (slot));
      g_assert_cmpuint (octa_sample_slot_get_gain (slot), ==, 48);
      markers = octa_sample_slot_get_markers (slot);
      g_assert_cmpuint (octa_markers_get_slice_count (markers), ==, 0);
      g_clear_object (&markers);
      g_clear_object (&slot);
    }

  /* one undo takes the samples and their sidecar's values away together */
  g_assert_true (octa_project_undo (project));
  {
    g_autoptr(GBytes) after = project_bytes (project);

    g_assert_true (g_bytes_equal (before, after));
  }
  octa_test_rm_rf (tmp);
}

static void
test_where_used (void)
{
  g_autofree char *tmp = octa_test_make_tmpdir ();
  g_autoptr(OctaProject) project = make_project (tmp);
  g_autoptr(GPtrArray) refs = NULL;
  g_autofree char *usage = NULL;
  g_autofree char *usage30 = NULL;
  g_autofree char *label = NULL;

  add_references (project);
  refs = octa_project_find_slot_references (project, OCTA_SLOT_KIND_FLEX, 12);
  /* A part 1 T1, B part 3 T4 (saved), A01 T1 step 3, D05 T3 step 10. */
  g_assert_cmpuint (refs->len, ==, 4);
  label = octa_slot_reference_dup_label (refs->pdata[0]);
  g_assert_cmpstr (label, ==, "Bank A Part 1 T1");
  g_clear_pointer (&label, g_free);
  label = octa_slot_reference_dup_label (refs->pdata[1]);
  g_assert_cmpstr (label, ==, "A01 T1 step 3");
  g_clear_pointer (&label, g_free);
  label = octa_slot_reference_dup_label (refs->pdata[2]);
  g_assert_cmpstr (label, ==, "Bank B Part 3 T4 (saved)");
  g_clear_pointer (&label, g_free);
  label = octa_slot_reference_dup_label (refs->pdata[3]);
  g_assert_cmpstr (label, ==, "D05 T3 step 10");

  usage = octa_project_dup_slot_usage (project, OCTA_SLOT_KIND_FLEX, 12);
  g_assert_cmpstr (usage, ==, "A Part 1 T1 +3");
  usage30 = octa_project_dup_slot_usage (project, OCTA_SLOT_KIND_FLEX, 30);
  g_assert_cmpstr (usage30, ==, "unused");
  {
    g_auto(GStrv) all = octa_project_dup_slot_usages (project, OCTA_SLOT_KIND_FLEX);

    g_assert_cmpuint (g_strv_length (all), ==, 128);
    for (guint n = 1; n <= 128; n++)
      {
        g_autofree char *one = octa_project_dup_slot_usage (project, OCTA_SLOT_KIND_FLEX, n);

        g_assert_cmpstr (all[n - 1], ==, one);
      }
    g_assert_cmpstr (all[11], ==, "A Part 1 T1 +3");
  }
  {
    g_autoptr(GPtrArray) st = octa_project_find_slot_references (project, OCTA_SLOT_KIND_STATIC,
                                                                 12);

    /* Static 012: A part 1 T6 and A01 T6 step 1. */
    g_assert_cmpuint (st->len, ==, 2);
  }

  octa_test_rm_rf (tmp);
}

/* A move trades the two slot numbers everywhere, so references to an
 * empty target follow to the source: the slots swap, full or empty. */
static void
check_move (OctaProject *project,
            GBytes      *banks_before[16],
            guint8       from,
            guint8       to)
{
  /* What changes: the Flex slot bytes and Flex-track locks that named
   * either slot; nothing else in any bank. */
  for (guint b = 0; b < 16; b++)
    {
      g_autoptr(GBytes) after = octa_project_encode_file (project, bank_name (b));
      g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
      gsize len = g_bytes_get_size (after);

      for (guint part = 0; part < 4; part++)
        for (guint saved = 0; saved < 2; saved++)
          for (guint t = 0; t < 8; t++)
            {
              gsize off = part_slot_offset (part, saved, t, 1);
              guint8 old = byte_at (banks_before[b], off);

              if (old == from)
                g_assert_cmpuint (byte_at (after, off), ==, to);
              else if (old == to)
                g_assert_cmpuint (byte_at (after, off), ==, from);
              else
                g_assert_cmpuint (byte_at (after, off), ==, old);
              if (byte_at (after, off) != old)
                g_array_append_val (offsets, off);
            }
      for (guint p = 0; p < 16; p++)
        for (guint t = 0; t < 8; t++)
          for (guint s = 0; s < 64; s++)
            {
              gsize off = plock_offset (p, t, s, 31);

              if (byte_at (after, off) != byte_at (banks_before[b], off))
                g_array_append_val (offsets, off);
            }
      /* The checksum at the end follows the edits. */
      if (offsets->len > 0)
        {
          gsize c0 = len - 2, c1 = len - 1;

          g_array_append_val (offsets, c0);
          g_array_append_val (offsets, c1);
        }
      octa_test_assert_changed_only (bank_name (b), g_bytes_get_data (banks_before[b], NULL),
                                     g_bytes_get_data (after, NULL), len,
                                     (const gsize *) offsets->data, offsets->len);
    }
}

static void
test_move (void)
{
  g_autofree char *tmp = octa_test_make_tmpdir ();
  g_autofree char *src = g_build_filename (tmp, "src", NULL);
  g_autoptr(OctaProject) project = make_project (tmp);
  g_autoptr(GBytes) before_all = NULL;
  g_autoptr(GBytes) markers_before = NULL;
  g_autoptr(GBytes) markers_after = NULL;
  g_autoptr(GError) error = NULL;
  GBytes *banks[16];
  guint n_undo;

  import_one (project, src, "kick.wav", 12, 1200);
  import_one (project, src, "snare.wav", 13, 1300);
  add_references (project);
  {
    g_autoptr(OctaSampleSlot) s12 = octa_project_get_sample_slot (project, OCTA_SLOT_KIND_FLEX,
                                                                  12);

    octa_sample_slot_set_gain (s12, 60);
  }

  before_all = project_bytes (project);
  markers_before = octa_project_encode_file (project, "markers.work");
  for (guint b = 0; b < 16; b++)
    banks[b] = octa_project_encode_file (project, bank_name (b));
  n_undo = octa_history_get_n_undo (octa_project_get_history (project));

  /* Flex 012 → Flex 030 (free). */
  g_assert_true (octa_project_move_sample_slot (project, OCTA_SLOT_KIND_FLEX, 12, 30, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (octa_history_get_n_undo (octa_project_get_history (project)), ==, n_undo + 1);
  {
    g_autofree char *p12 = slot_path (project, 12);
    g_autofree char *p30 = slot_path (project, 30);
    g_autoptr(OctaSampleSlot) s30 = octa_project_get_sample_slot (project, OCTA_SLOT_KIND_FLEX,
                                                                  30);
    g_autoptr(OctaSampleSlot) s12 = octa_project_get_sample_slot (project, OCTA_SLOT_KIND_FLEX,
                                                                  12);
    g_autoptr(GBytes) a = octa_project_encode_file (project, bank_name (0));
    g_autoptr(GBytes) bb = octa_project_encode_file (project, bank_name (1));
    g_autoptr(GBytes) d = octa_project_encode_file (project, bank_name (3));

    g_assert_cmpstr (p30, ==, "kick.wav");
    g_assert_cmpstr (p12, ==, "");
    g_assert_false (octa_sample_slot_get_used (s12));
    g_assert_cmpuint (octa_sample_slot_get_gain (s30), ==, 60);

    g_assert_cmpuint (byte_at (a, part_slot_offset (0, FALSE, 0, 1)), ==, 29);
    g_assert_cmpuint (byte_at (a, part_slot_offset (0, TRUE, 0, 1)), ==, 29);
    g_assert_cmpuint (byte_at (a, plock_offset (0, 0, 2, 31)), ==, 29);
    g_assert_cmpuint (byte_at (a, plock_offset (0, 0, 3, 31)), ==, 12);
    /* The Static track's slot and lock name Static 012: untouched. */
    g_assert_cmpuint (byte_at (a, part_slot_offset (0, FALSE, 5, 0)), ==, 11);
    g_assert_cmpuint (byte_at (a, plock_offset (0, 5, 0, 31)), ==, 11);
    g_assert_cmpuint (byte_at (bb, part_slot_offset (2, TRUE, 3, 1)), ==, 29);
    g_assert_cmpuint (byte_at (bb, part_slot_offset (2, FALSE, 3, 1)), ==, 4);
    g_assert_cmpuint (byte_at (d, plock_offset (4, 2, 9, 31)), ==, 29);
  }
  check_move (project, banks, 11, 29);

  /* Markers: the record moved with the slot. */
  markers_after = octa_project_encode_file (project, "markers.work");
  g_assert_cmpmem ((const guint8 *) g_bytes_get_data (markers_before, NULL) +
                   markers_flex_offset (12), MARKERS_RECORD,
                   (const guint8 *) g_bytes_get_data (markers_after, NULL) +
                   markers_flex_offset (30), MARKERS_RECORD);
  g_assert_cmpmem ((const guint8 *) g_bytes_get_data (markers_before, NULL) +
                   markers_flex_offset (30), MARKERS_RECORD,
                   (const guint8 *) g_bytes_get_data (markers_after, NULL) +
                   markers_flex_offset (12), MARKERS_RECORD);

  /* One undo brings every byte back. */
  g_assert_true (octa_project_undo (project));
  {
    g_autoptr(GBytes) undone = project_bytes (project);

    g_assert_true (g_bytes_equal (undone, before_all));
  }

  /* Flex 012 ↔ Flex 013 (both used): a swap, references both ways. */
  g_assert_true (octa_project_move_sample_slot (project, OCTA_SLOT_KIND_FLEX, 12, 13, &error));
  g_assert_no_error (error);
  {
    g_autofree char *p12 = slot_path (project, 12);
    g_autofree char *p13 = slot_path (project, 13);
    g_autoptr(GBytes) a = octa_project_encode_file (project, bank_name (0));
    g_autoptr(GBytes) d = octa_project_encode_file (project, bank_name (3));
    g_autoptr(GBytes) m = octa_project_encode_file (project, "markers.work");

    g_assert_cmpstr (p12, ==, "snare.wav");
    g_assert_cmpstr (p13, ==, "kick.wav");
    g_assert_cmpuint (byte_at (a, plock_offset (0, 0, 2, 31)), ==, 12);
    g_assert_cmpuint (byte_at (a, plock_offset (0, 0, 3, 31)), ==, 11);
    /* Part 2 of bank D played Flex 014: unchanged. */
    g_assert_cmpuint (byte_at (d, part_slot_offset (1, FALSE, 2, 1)), ==, 13);
    g_assert_cmpmem ((const guint8 *) g_bytes_get_data (markers_before, NULL) +
                     markers_flex_offset (12), MARKERS_RECORD,
                     (const guint8 *) g_bytes_get_data (m, NULL) + markers_flex_offset (13),
                     MARKERS_RECORD);
  }
  check_move (project, banks, 11, 12);
  g_assert_true (octa_project_undo (project));
  {
    g_autoptr(GBytes) undone = project_bytes (project);

    g_assert_true (g_bytes_equal (undone, before_all));
  }

  /* Refusals change nothing. */
  g_assert_false (octa_project_move_sample_slot (project, OCTA_SLOT_KIND_RECORDER, 1, 2,
                                                 &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);
  g_assert_false (octa_project_move_sample_slot (project, OCTA_SLOT_KIND_FLEX, 12, 129, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  {
    g_autoptr(GBytes) same = project_bytes (project);

    g_assert_true (g_bytes_equal (same, before_all));
  }

  for (guint b = 0; b < 16; b++)
    g_bytes_unref (banks[b]);
  octa_test_rm_rf (tmp);
}

static void
test_relink (void)
{
  g_autofree char *tmp = octa_test_make_tmpdir ();
  g_autofree char *src = g_build_filename (tmp, "src", NULL);
  g_autofree char *set = g_build_filename (tmp, "SET", NULL);
  g_autofree char *drums = g_build_filename (tmp, "SET", "AUDIO", "drums", NULL);
  g_autofree char *other = g_build_filename (tmp, "SET", "AUDIO", "other", NULL);
  g_autofree char *copied = g_build_filename (tmp, "SET", "PROJ", "kick.wav", NULL);
  g_autoptr(OctaProject) project = make_project (tmp);
  g_autoptr(GFile) set_dir = g_file_new_for_path (set);
  g_autoptr(GError) error = NULL;
  g_autoptr(OctaSampleSlot) s1 = NULL;
  g_autoptr(OctaSampleInfo) info = NULL;
  g_autofree char *path = NULL;

  import_one (project, src, "kick.wav", 1, 2000);
  import_one (project, src, "hat.wav", 2, 100);
  s1 = octa_project_get_sample_slot (project, OCTA_SLOT_KIND_FLEX, 1);
  g_assert_cmpint (g_unlink (copied), ==, 0);
  info = octa_sample_slot_read_info (s1);
  g_assert_cmpint (info->status, ==, OCTA_SAMPLE_STATUS_MISSING);

  /* Two files named like it; the one of 2000 frames (the trim end) wins. */
  g_object_unref (write_wav (other, "KICK.wav", 999, 1, 44100, 16, 5));
  g_object_unref (write_wav (drums, "kick.wav", 2000, 1, 44100, 16, 1));

  g_assert_cmpuint (octa_project_relink_samples (project, set_dir, NULL, &error), ==, 1);
  g_assert_no_error (error);
  path = octa_sample_slot_dup_path (s1);
  g_assert_cmpstr (path, ==, "../AUDIO/drums/kick.wav");
  g_clear_pointer (&info, octa_sample_info_free);
  info = octa_sample_slot_read_info (s1);
  g_assert_cmpint (info->status, ==, OCTA_SAMPLE_STATUS_OK);
  {
    g_autofree char *p2 = slot_path (project, 2);

    g_assert_cmpstr (p2, ==, "hat.wav");
  }

  /* Nothing missing any more: nothing to do, no undo step. */
  g_assert_cmpuint (octa_project_relink_samples (project, set_dir, NULL, &error), ==, 0);
  g_assert_no_error (error);

  g_assert_true (octa_project_undo (project));
  g_clear_pointer (&path, g_free);
  path = octa_sample_slot_dup_path (s1);
  g_assert_cmpstr (path, ==, "kick.wav");

  octa_test_rm_rf (tmp);
}

static void
test_unused (void)
{
  g_autofree char *tmp = octa_test_make_tmpdir ();
  g_autofree char *src = g_build_filename (tmp, "src", NULL);
  g_autoptr(OctaProject) project = make_project (tmp);
  g_autoptr(GPtrArray) unused = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;

  import_one (project, src, "kick.wav", 12, 100);
  import_one (project, src, "snare.wav", 13, 100);
  import_one (project, src, "spare.wav", 40, 100);
  add_references (project);
  before = project_bytes (project);

  /* 012 and 013 are played; 040 is not. */
  unused = octa_project_list_unused_slots (project, OCTA_SLOT_KIND_FLEX);
  g_assert_cmpuint (unused->len, ==, 1);
  g_assert_cmpuint (octa_sample_slot_get_number (unused->pdata[0]), ==, 40);

  g_assert_cmpuint (octa_project_remove_slots (project, unused, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_false (octa_sample_slot_get_used (unused->pdata[0]));
  {
    g_autoptr(GPtrArray) again = octa_project_list_unused_slots (project, OCTA_SLOT_KIND_FLEX);

    g_assert_cmpuint (again->len, ==, 0);
  }
  g_assert_true (octa_project_undo (project));
  {
    g_autoptr(GBytes) undone = project_bytes (project);

    g_assert_true (g_bytes_equal (undone, before));
  }

  octa_test_rm_rf (tmp);
}

static void
test_memory (void)
{
  g_autofree char *tmp = octa_test_make_tmpdir ();
  g_autofree char *src = g_build_filename (tmp, "src", NULL);
  g_autoptr(OctaProject) project = make_project (tmp);
  guint64 size = octa_project_get_flex_memory_size (project);
  g_autoptr(GFile) st = write_wav (src, "st.wav", 1000, 2, 44100, 24, 1);
  GFile *files[] = { st };
  g_autoptr(GError) error = NULL;

  /* Reserves are taken from 85.5 MB. */
  g_assert_cmpuint (size, <, (guint64) (85.5 * 1024 * 1024));
  g_assert_cmpuint (size, >, 80 * 1024 * 1024);
  g_assert_cmpuint (octa_project_get_flex_memory_used (project), ==, 0);
  g_assert_cmpuint (octa_project_import_samples (project, OCTA_SLOT_KIND_FLEX, 0, files, 1,
                                                 OCTA_SAMPLE_POOL_MODE_COPY_TO_PROJECT,
                                                 &error), ==, 1);
  /* 24-bit loads as 16 unless LOAD_24BIT_FLEX. */
  g_assert_cmpuint (octa_project_get_flex_memory_used (project), ==, 1000 * 2 * 2);

  octa_test_rm_rf (tmp);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/samples/info", test_info);
  g_test_add_func ("/model/samples/import-refused", test_import_refused);
  g_test_add_func ("/model/samples/import", test_import);
  g_test_add_func ("/model/samples/import-sidecar", test_import_sidecar);
  g_test_add_func ("/model/samples/where-used", test_where_used);
  g_test_add_func ("/model/samples/move", test_move);
  g_test_add_func ("/model/samples/relink", test_relink);
  g_test_add_func ("/model/samples/unused", test_unused);
  g_test_add_func ("/model/samples/memory", test_memory);

  return g_test_run ();
}
