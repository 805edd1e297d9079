/* SPDX-License-Identifier: MIT */
#include <glib/gstdio.h>
#include <string.h>

#include "octa.h"
#include "octa-project-private.h"
#include "octa-test-utils.h"

typedef struct
{
  guint count;
} NotifyCount;

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           gpointer    user_data)
{
  ((NotifyCount *) user_data)->count++;
}

static GBytes *
bank_bytes (OctaProject *project,
            guint        bank)
{
  g_autofree char *name = g_strdup_printf ("bank%02u.work", bank + 1);

  return octa_project_encode_file (project, name);
}

static void
test_blank_project (void)
{
  g_autoptr(OctaProject) project = octa_project_new_blank ("TEST");
  g_autoptr(GListModel) banks = octa_project_list_banks (project);
  g_autoptr(OctaBank) bank = g_list_model_get_item (banks, 3);
  g_autoptr(OctaPattern) pattern = octa_bank_get_pattern (bank, 0);
  g_autoptr(GBytes) bytes = bank_bytes (project, 0);
  g_autofree char *md5 = g_compute_checksum_for_bytes (G_CHECKSUM_MD5, bytes);
  g_autofree char *label = octa_pattern_dup_label (pattern);

  g_assert_cmpuint (g_list_model_get_n_items (banks), ==, 16);
  g_assert_cmpstr (octa_bank_get_letter (bank), ==, "D");
  g_assert_cmpstr (label, ==, "D01");
  g_assert_cmpstr (md5, ==, "cd3bc5294950d4f283e01f76ba38655f");
  g_assert_false (octa_bank_get_has_content (bank));
  g_assert_cmpuint (octa_pattern_get_part (pattern), ==, 1);
  g_assert_cmpfloat (octa_pattern_get_tempo (pattern), ==, 120.0);
  g_assert_false (octa_history_get_can_undo (octa_project_get_history (project)));

  /* The same object comes back while someone holds it. */
  {
    g_autoptr(OctaBank) again = octa_project_get_bank (project, 3);
    g_assert_true (again == bank);
  }
}

/* The demo opened from memory is the project a load of its folder gives:
 * same bytes, unmodified, and a save in place sees nothing changed behind
 * its back and writes only the edited bank. */
static void
test_demo_project (void)
{
  g_autofree char *dir = octa_test_make_tmpdir ();
  g_autofree char *project_dir = g_build_filename (dir, "DEMO", NULL);
  g_autofree char *kick = g_build_filename (project_dir, "kick.wav", NULL);
  g_autofree char *bank2 = g_build_filename (project_dir, "bank02.work", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (project_dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(OctaProject) demo = octa_project_new_demo (folder, NULL, &error);
  g_autoptr(OctaProject) loaded = NULL;
  g_autoptr(OctaBank) bank = NULL;
  g_autoptr(OctaPattern) pattern = NULL;
  g_autoptr(OctaAudioPatternTrack) track = NULL;
  g_autoptr(OctaStep) step = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autofree guint8 *disk = NULL;
  GStatBuf before, after;
  gsize len;

  g_assert_no_error (error);
  g_assert_nonnull (demo);
  loaded = octa_project_load (folder, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (octa_project_get_name (demo), ==, "DEMO");
  g_assert_true (g_file_equal (octa_project_get_location (demo), folder));
  g_assert_false (octa_project_get_modified (demo));
  g_assert_false (octa_history_get_can_undo (octa_project_get_history (demo)));
  g_assert_true (g_file_test (kick, G_FILE_TEST_IS_REGULAR));
  for (guint b = 0; b < OCTA_N_BANKS; b++)
    {
      g_autoptr(GBytes) mine = bank_bytes (demo, b);
      g_autoptr(GBytes) theirs = bank_bytes (loaded, b);

      g_assert_true (g_bytes_equal (mine, theirs));
    }
  {
    g_autoptr(GBytes) mine = octa_project_encode_file (demo, "project.work");
    g_autoptr(GBytes) theirs = octa_project_encode_file (loaded, "project.work");

    g_assert_true (g_bytes_equal (mine, theirs));
  }

  bank = octa_project_get_bank (demo, 0);
  pattern = octa_bank_get_pattern (bank, 0);
  track = octa_pattern_get_audio_track (pattern, 5);
  step = octa_pattern_track_get_step (OCTA_PATTERN_TRACK (track), 3);
  g_object_set (step, "trig", TRUE, NULL);
  g_assert_true (octa_project_get_modified (demo));
  g_assert_cmpint (g_stat (bank2, &before), ==, 0);
  g_assert_true (octa_project_save (demo, OCTA_SAVE_MODE_WORKING, OCTA_SAVE_FLAGS_NONE, NULL,
                                    &error));
  g_assert_no_error (error);
  g_assert_false (octa_project_get_modified (demo));
  g_assert_cmpint (g_stat (bank2, &after), ==, 0);
  g_assert_cmpint (before.st_mtime, ==, after.st_mtime);
  g_assert_cmpint (before.st_ino, ==, after.st_ino);
  {
    g_autofree char *bank1 = g_build_filename (project_dir, "bank01.work", NULL);

    saved = bank_bytes (demo, 0);
    disk = octa_test_read_file (bank1, &len);
    g_assert_cmpmem (disk, len, g_bytes_get_data (saved, NULL), g_bytes_get_size (saved));
  }

  g_clear_object (&step);
  g_clear_object (&track);
  g_clear_object (&pattern);
  g_clear_object (&bank);
  g_clear_object (&loaded);
  g_assert_finalize_object (g_steal_pointer (&demo));
  octa_test_rm_rf (dir);
}

static void
test_step_notify_and_undo (void)
{
  g_autoptr(OctaProject) project = octa_project_new_blank ("TEST");
  g_autoptr(OctaBank) bank = octa_project_get_bank (project, 0);
  g_autoptr(OctaPattern) pattern = octa_bank_get_pattern (bank, 0);
  g_autoptr(OctaAudioPatternTrack) track = octa_pattern_get_audio_track (pattern, 2);
  g_autoptr(OctaStep) step = octa_pattern_track_get_step (OCTA_PATTERN_TRACK (track), 16);
  g_autoptr(GBytes) before = bank_bytes (project, 0);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) undone = NULL;
  OctaHistory *history = octa_project_get_history (project);
  NotifyCount trig = { 0 }, bank_content = { 0 }, vol = { 0 };
  gint value;

  g_signal_connect (step, "notify::trig", G_CALLBACK (on_notify), &trig);
  g_signal_connect (step, "notify::lock-amp-vol", G_CALLBACK (on_notify), &vol);
  g_signal_connect (bank, "notify::has-content", G_CALLBACK (on_notify), &bank_content);

  g_object_set (step, "trig", TRUE, NULL);
  g_assert_cmpuint (trig.count, ==, 1);
  g_assert_cmpuint (bank_content.count, ==, 1);
  g_assert_true (octa_bank_get_has_content (bank));
  g_assert_true (octa_pattern_track_get_trig (OCTA_PATTERN_TRACK (track), OCTA_TRIG_TYPE_TRIGGER, 16));

  /* Same value: no change, no notify, no undo step. */
  g_object_set (step, "trig", TRUE, NULL);
  g_assert_cmpuint (trig.count, ==, 1);
  g_assert_cmpuint (octa_history_get_n_undo (history), ==, 1);

  octa_step_set_plock (step, OCTA_AUDIO_PLOCK_AMP_VOL, 100);
  g_object_get (step, "lock-amp-vol", &value, NULL);
  g_assert_cmpint (value, ==, 100);
  g_assert_cmpuint (vol.count, ==, 1);
  octa_step_set_condition (step, OCTA_TRIG_CONDITION_FILL);
  octa_step_set_micro_timing (step, -12);
  octa_step_set_repeats (step, 4);
  g_assert_cmpint (octa_step_get_micro_timing (step), ==, -12);
  g_assert_cmpuint (octa_step_get_repeats (step), ==, 4);
  {
    g_autofree char *micro = octa_step_dup_micro_timing_label (step);
    g_assert_cmpstr (micro, ==, "-1/32");
  }

  after = bank_bytes (project, 0);
  g_assert_false (g_bytes_equal (before, after));
  g_assert_true (octa_project_get_modified (project));

  while (octa_project_undo (project))
    ;
  undone = bank_bytes (project, 0);
  g_assert_true (g_bytes_equal (before, undone));
  g_assert_cmpuint (trig.count, ==, 2);
  g_assert_cmpuint (vol.count, ==, 2);
  g_assert_false (octa_bank_get_has_content (bank));
  g_assert_cmpint (octa_step_get_plock (step, OCTA_AUDIO_PLOCK_AMP_VOL), ==, -1);

  while (octa_project_redo (project))
    ;
  g_clear_pointer (&undone, g_bytes_unref);
  undone = bank_bytes (project, 0);
  g_assert_true (g_bytes_equal (after, undone));
  g_assert_cmpuint (octa_step_get_condition (step), ==, OCTA_TRIG_CONDITION_FILL);
}

static void
test_step_summary (void)
{
  g_autoptr(OctaProject) project = octa_project_new_blank ("TEST");
  g_autoptr(OctaBank) bank = octa_project_get_bank (project, 0);
  g_autoptr(OctaPattern) pattern = octa_bank_get_pattern (bank, 1);
  g_autoptr(OctaAudioPatternTrack) track = octa_pattern_get_audio_track (pattern, 4);
  g_autoptr(OctaStep) step = octa_pattern_track_get_step (OCTA_PATTERN_TRACK (track), 40);
  guint locks, slot, repeats;
  OctaTrigCondition condition;
  gint micro;

  octa_project_begin_change (project, "Edit");
  octa_step_set_plock (step, OCTA_AUDIO_PLOCK_SRC1, 70);
  octa_step_set_plock (step, OCTA_AUDIO_PLOCK_FX2_6, 3);
  octa_audio_step_set_sample_lock (OCTA_AUDIO_STEP (step), 129);
  octa_step_set_condition (step, OCTA_TRIG_CONDITION_3_4);
  octa_step_set_micro_timing (step, 23);
  octa_step_set_repeats (step, 8);
  octa_project_end_change (project);

  octa_pattern_track_get_step_summary (OCTA_PATTERN_TRACK (track), 40, &locks, &slot, &condition,
                                       &micro, &repeats);
  g_assert_cmpuint (locks, ==, 2);
  g_assert_cmpuint (slot, ==, 129);
  g_assert_cmpint (condition, ==, OCTA_TRIG_CONDITION_3_4);
  g_assert_cmpint (micro, ==, 23);
  g_assert_cmpuint (repeats, ==, 8);

  octa_pattern_track_get_step_summary (OCTA_PATTERN_TRACK (track), 41, &locks, &slot, &condition,
                                       &micro, &repeats);
  g_assert_cmpuint (locks + slot + condition, ==, 0);
  g_assert_cmpint (micro, ==, 0);
  g_assert_cmpuint (repeats, ==, 1);
}

static void
test_grouped_change (void)
{
  g_autoptr(OctaProject) project = octa_project_new_blank ("TEST");
  g_autoptr(OctaBank) bank = octa_project_get_bank (project, 1);
  g_autoptr(OctaPattern) pattern = octa_bank_get_pattern (bank, 5);
  g_autoptr(OctaMidiPatternTrack) track = octa_pattern_get_midi_track (pattern, 7);
  OctaHistory *history = octa_project_get_history (project);

  octa_project_begin_change (project, "Paint");
  for (guint s = 0; s < 64; s += 3)
    octa_pattern_track_set_trig (OCTA_PATTERN_TRACK (track), OCTA_TRIG_TYPE_TRIGGER, s, TRUE);
  octa_pattern_set_length (pattern, 64);
  octa_project_end_change (project);

  g_assert_cmpuint (octa_history_get_n_undo (history), ==, 1);
  g_assert_cmpstr (octa_history_get_undo_label (history), ==, "Paint");
  g_assert_cmpuint (octa_pattern_get_length (pattern), ==, 64);
  octa_project_undo (project);
  g_assert_cmpuint (octa_pattern_get_length (pattern), ==, 16);
  g_assert_cmpuint (octa_pattern_track_get_trig_mask (OCTA_PATTERN_TRACK (track),
                                                      OCTA_TRIG_TYPE_TRIGGER), ==, 0);
  g_assert_true (octa_history_get_can_redo (history));
}

static void
test_part_semantics (void)
{
  g_autoptr(OctaProject) project = octa_project_new_blank ("TEST");
  g_autoptr(OctaBank) bank = octa_project_get_bank (project, 0);
  g_autoptr(OctaPart) part = octa_bank_get_part (bank, 2);
  OctaBankFile *file = _octa_project_get_bank_file (project, 0, OCTA_STATE_WORK);
  NotifyCount edited = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  g_signal_connect (part, "notify::edited", G_CALLBACK (on_notify), &edited);
  g_assert_false (octa_part_get_edited (part));
  g_assert_false (octa_part_get_has_saved (part));

  octa_project_begin_change (project, "Edit part");
  octa_bank_file_set_machine (file, 2, OCTA_PART_UNSAVED, 0, OCTA_MACHINE_FLEX);
  octa_bank_file_set_parts_edited_mask (file, 1 << 2);
  octa_project_end_change (project);
  g_assert_true (octa_part_get_edited (part));
  g_assert_cmpuint (edited.count, ==, 1);
  g_assert_false (octa_bank_file_part_equal (file, 2));

  octa_part_save (part);
  g_assert_false (octa_part_get_edited (part));
  g_assert_true (octa_part_get_has_saved (part));
  g_assert_true (octa_bank_file_part_equal (file, 2));

  octa_project_begin_change (project, "Edit part");
  octa_bank_file_set_machine (file, 2, OCTA_PART_UNSAVED, 0, OCTA_MACHINE_PICKUP);
  octa_project_end_change (project);
  octa_part_reload (part);
  g_assert_cmpint (octa_bank_file_get_machine (file, 2, OCTA_PART_UNSAVED, 0), ==, OCTA_MACHINE_FLEX);

  g_assert_false (octa_part_set_name (part, "TOOLONGNAME", &error));
  g_assert_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_INVALID_VALUE);
  g_assert_true (octa_part_set_name (part, "BASS", NULL));
  name = octa_part_dup_name (part);
  g_assert_cmpstr (name, ==, "BASS");
}

static void
test_random_edits_undo_all (void)
{
  g_autoptr(OctaProject) project = octa_project_new_blank ("TEST");
  g_autoptr(GPtrArray) originals = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GPtrArray) edited = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  GRand *rand = g_rand_new_with_seed (11);

  for (guint b = 0; b < 4; b++)
    g_ptr_array_add (originals, bank_bytes (project, b));

  for (guint i = 0; i < 300; i++)
    {
      g_autoptr(OctaBank) bank = octa_project_get_bank (project, g_rand_int_range (rand, 0, 4));
      g_autoptr(OctaPattern) pattern = octa_bank_get_pattern (bank, g_rand_int_range (rand, 0, 16));
      g_autoptr(OctaAudioPatternTrack) track = octa_pattern_get_audio_track (pattern,
                                                                            g_rand_int_range (rand, 0, 8));
      g_autoptr(OctaStep) step = octa_pattern_track_get_step (OCTA_PATTERN_TRACK (track),
                                                              g_rand_int_range (rand, 0, 64));

      switch (g_rand_int_range (rand, 0, 5))
        {
        case 0:
          octa_step_set_trig (step, g_rand_int_range (rand, 0, 10), g_rand_boolean (rand));
          break;
        case 1:
          octa_step_set_plock (step, g_rand_int_range (rand, 0, 32), g_rand_int_range (rand, -1, 128));
          break;
        case 2:
          octa_step_set_micro_timing (step, g_rand_int_range (rand, -23, 24));
          break;
        case 3:
          octa_pattern_set_part (pattern, g_rand_int_range (rand, 1, 5));
          break;
        default:
          octa_step_set_condition (step, g_rand_int_range (rand, 0, 65));
          break;
        }
    }

  for (guint b = 0; b < 4; b++)
    g_ptr_array_add (edited, bank_bytes (project, b));

  while (octa_project_undo (project))
    ;
  for (guint b = 0; b < 4; b++)
    {
      g_autoptr(GBytes) now = bank_bytes (project, b);
      g_assert_true (g_bytes_equal (now, originals->pdata[b]));
    }

  while (octa_project_redo (project))
    ;
  for (guint b = 0; b < 4; b++)
    {
      g_autoptr(GBytes) now = bank_bytes (project, b);
      g_assert_true (g_bytes_equal (now, edited->pdata[b]));
    }
  g_rand_free (rand);
}

static void
random_edits (OctaProject *project,
              GRand       *rand,
              guint        n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OctaBank) bank = octa_project_get_bank (project, g_rand_int_range (rand, 0, 2));
      g_autoptr(OctaPattern) pattern = octa_bank_get_pattern (bank, g_rand_int_range (rand, 0, 16));
      g_autoptr(OctaPart) part = octa_bank_get_part (bank, g_rand_int_range (rand, 0, 4));
      g_autoptr(OctaAudioPatternTrack) track = octa_pattern_get_audio_track (pattern,
                                                                            g_rand_int_range (rand, 0, 8));
      g_autoptr(OctaStep) step = octa_pattern_track_get_step (OCTA_PATTERN_TRACK (track),
                                                              g_rand_int_range (rand, 0, 64));

      switch (g_rand_int_range (rand, 0, 7))
        {
        case 0:
          octa_step_set_trig (step, g_rand_int_range (rand, 0, 10), g_rand_boolean (rand));
          break;
        case 1:
          octa_step_set_plock (step, g_rand_int_range (rand, 0, 32), g_rand_int_range (rand, -1, 128));
          break;
        case 2:
          octa_step_set_micro_timing (step, g_rand_int_range (rand, -23, 24));
          break;
        case 3:
          octa_pattern_set_part (pattern, g_rand_int_range (rand, 1, 5));
          break;
        case 4:
          octa_part_save (part);
          break;
        case 5:
          octa_part_reload (part);
          break;
        default:
          octa_step_set_condition (step, g_rand_int_range (rand, 0, 65));
          break;
        }
    }
}

static GPtrArray *
encode_all (OctaProject *project)
{
  static const char *const names[] = {
    "project.work", "markers.work", "bank01.work", "bank02.work", "arr01.work",
  };
  GPtrArray *all = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_ptr_array_add (all, octa_project_encode_file (project, names[i]));
  return all;
}

static void
assert_same_files (GPtrArray *a,
                   GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_true (g_bytes_equal (a->pdata[i], b->pdata[i]));
}

/* Real files hold stale bytes, odd values and saved parts that differ from
 * the working ones: undoing everything must still give back every byte. */
static void
test_random_edits_corpus (void)
{
  static const char *const projects[] = {
    "octatools/BANK-COPY-SRC",
    "octapy/HELLO-FLEX/project",
    "octatools/DEV-OTsm@4780bf5/FLEX-ONESTRTEND",
    "octatrack-manager/multipart",
  };

  if (octa_test_skip_without_corpus ())
    return;

  for (guint p = 0; p < G_N_ELEMENTS (projects); p++)
    {
      g_autofree char *path = g_build_filename (octa_test_corpus_dir (), projects[p], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(OctaProject) project = octa_project_load (file, NULL, &error);
      g_autoptr(GPtrArray) original = NULL;
      g_autoptr(GPtrArray) edited = NULL;
      g_autoptr(GPtrArray) now = NULL;
      GRand *rand = g_rand_new_with_seed (100 + p);

      g_assert_no_error (error);
      original = encode_all (project);
      random_edits (project, rand, 400);
      edited = encode_all (project);

      while (octa_project_undo (project))
        ;
      now = encode_all (project);
      assert_same_files (now, original);
      g_assert_false (octa_project_get_modified (project));

      while (octa_project_redo (project))
        ;
      g_clear_pointer (&now, g_ptr_array_unref);
      now = encode_all (project);
      assert_same_files (now, edited);
      g_rand_free (rand);
    }
}

static void
test_out_of_range_refused (void)
{
  g_autoptr(OctaProject) project = octa_project_new_blank ("TEST");
  g_autoptr(OctaBank) bank = octa_project_get_bank (project, 0);
  g_autoptr(OctaPattern) pattern = octa_bank_get_pattern (bank, 0);

  g_test_expect_message ("GLib-GObject", G_LOG_LEVEL_WARNING, "*out of range*");
  g_object_set (pattern, "part", 5, NULL);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (octa_pattern_get_part (pattern), ==, 1);
  g_assert_false (octa_history_get_can_undo (octa_project_get_history (project)));
}

static void
test_load_corpus_project (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(OctaProject) project = NULL;
  g_autoptr(OctaBank) bank = NULL;

  if (octa_test_skip_without_corpus ())
    return;

  path = g_build_filename (octa_test_corpus_dir (), "octatools", "BANK-COPY-SRC", NULL);
  file = g_file_new_for_path (path);
  project = octa_project_load (file, NULL, &error);
  g_assert_no_error (error);
  bank = octa_project_get_bank (project, 0);
  g_assert_true (octa_bank_get_has_content (bank));
  for (guint p = 0; p < 4; p++)
    {
      g_autoptr(OctaPattern) pattern = octa_bank_get_pattern (bank, p);
      g_assert_cmpuint (octa_pattern_get_part (pattern), ==, p + 1);
      g_assert_cmpuint (octa_pattern_get_length (pattern), ==, 16 * (p + 1));
    }
  g_assert_false (octa_project_get_modified (project));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/project/blank", test_blank_project);
  g_test_add_func ("/model/project/demo", test_demo_project);
  g_test_add_func ("/model/project/step-notify-and-undo", test_step_notify_and_undo);
  g_test_add_func ("/model/project/step-summary", test_step_summary);
  g_test_add_func ("/model/project/grouped-change", test_grouped_change);
  g_test_add_func ("/model/project/part-semantics", test_part_semantics);
  g_test_add_func ("/model/project/random-edits-undo-all", test_random_edits_undo_all);
  g_test_add_func ("/model/project/random-edits-corpus", test_random_edits_corpus);
  g_test_add_func ("/model/project/out-of-range-refused", test_out_of_range_refused);
  g_test_add_func ("/model/project/load-corpus", test_load_corpus_project);

  return g_test_run ();
}
