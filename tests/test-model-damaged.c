/* SPDX-License-Identifier: MIT */
#include <glib/gstdio.h>
#include <string.h>

#include "octa.h"
#include "octa-project-private.h"
#include "octa-test-utils.h"

/*
 * A project some of whose files are damaged opens with the rest; the damaged
 * files are listed with their reasons, take no edits and are never written.
 */

#define BANK_C 2

typedef struct
{
  char   *dir;
  char   *damaged_path;
  guint8 *damaged;        /* bank03.work as damaged on disk */
  gsize   damaged_len;
} Fixture;

typedef enum
{
  DAMAGE_TRUNCATE,
  DAMAGE_CHECKSUM,
  DAMAGE_MAGIC,
  DAMAGE_OLD_VERSION,
} Damage;

static void
write_project (Fixture  *f,
               gboolean  with_saved_copy)
{
  g_autoptr(OctaProjectFiles) files = octa_project_files_new_demo ();
  g_autoptr(GError) error = NULL;
  OctaBankFile *bank_c = files->banks[OCTA_STATE_WORK][BANK_C];

  /* Bank C gets trigs, so an empty stand-in differs from the real thing. */
  octa_bank_file_set_trig (bank_c, 4, OCTA_TRACK_AUDIO, 1, OCTA_TRIG_TRIGGER, 0, TRUE);
  octa_bank_file_set_trig (bank_c, 4, OCTA_TRACK_AUDIO, 1, OCTA_TRIG_TRIGGER, 8, TRUE);
  if (with_saved_copy)
    files->banks[OCTA_STATE_STRD][BANK_C] = octa_bank_file_copy (bank_c);

  f->dir = octa_test_make_tmpdir ();
  g_assert_true (octa_project_files_write_dir (files, f->dir, &error));
  g_assert_no_error (error);
  f->damaged_path = g_build_filename (f->dir, "bank03.work", NULL);
}

static void
damage_bank (Fixture *f,
             Damage   damage)
{
  gsize len;
  guint8 *data = octa_test_read_file (f->damaged_path, &len);

  g_assert_cmpuint (len, ==, OCTA_BANK_SIZE);
  switch (damage)
    {
    case DAMAGE_TRUNCATE:
      len -= 32;
      break;
    case DAMAGE_CHECKSUM:
      data[5000] ^= 0x5A;
      break;
    case DAMAGE_MAGIC:
      memcpy (data, "RIFF", 4);
      break;
    case DAMAGE_OLD_VERSION:
      {
        guint16 sum;

        data[OCTA_VERSION_OFFSET] = 22;
        sum = octa_checksum_compute (data, len);
        data[len - 2] = sum >> 8;
        data[len - 1] = sum & 0xFF;
      }
      break;
    default:
      g_assert_not_reached ();
    }
  octa_test_write_file (f->damaged_path, data, len);
  f->damaged = data;
  f->damaged_len = len;
}

static void
fixture_clear (Fixture *f)
{
  if (f->dir != NULL)
    octa_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->damaged_path);
  g_free (f->damaged);
}

static OctaProject *
open_damaged (const char *dir)
{
  g_autoptr(GFile) location = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  OctaProject *project;

  project = octa_project_load_with_flags (location, OCTA_PROJECT_LOAD_FLAGS_OPEN_DAMAGED,
                                          NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);
  return project;
}

static void
assert_file_is (const char   *dir,
                const char   *name,
                const guint8 *expected,
                gsize         expected_len)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  gsize len;
  g_autofree guint8 *data = octa_test_read_file (path, &len);

  g_assert_cmpmem (data, len, expected, expected_len);
}

static void
toggle_trig (OctaProject *project,
             guint        bank_index,
             guint        pattern_index,
             guint        step)
{
  g_autoptr(OctaBank) bank = octa_project_get_bank (project, bank_index);
  g_autoptr(OctaPattern) pattern = octa_bank_get_pattern (bank, pattern_index);
  g_autoptr(OctaAudioPatternTrack) track = octa_pattern_get_audio_track (pattern, 0);
  OctaPatternTrack *t = OCTA_PATTERN_TRACK (track);
  gboolean on = octa_pattern_track_get_trig (t, OCTA_TRIG_TYPE_TRIGGER, step);

  octa_pattern_track_set_trig (t, OCTA_TRIG_TYPE_TRIGGER, step, !on);
}

/* Edits elsewhere are saved; the damaged file, and in device mode its saved
 * copy, stay exactly as they were on disk. */
static void
assert_saves_leave_it_alone (OctaProject *project,
                             Fixture     *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bank01 = g_build_filename (f->dir, "bank01.work", NULL);
  g_autofree char *strd = g_build_filename (f->dir, "bank03.strd", NULL);
  g_autofree guint8 *bank01_before = NULL;
  g_autofree guint8 *bank01_after = NULL;
  g_auto(GStrv) unsaved = NULL;
  gsize len_before, len_after;

  bank01_before = octa_test_read_file (bank01, &len_before);
  toggle_trig (project, 0, 3, 5);
  unsaved = octa_project_dup_unsaved_files (project, OCTA_SAVE_MODE_DEVICE);
  g_assert_false (g_strv_contains ((const char *const *) unsaved, "bank03.work"));
  g_assert_false (g_strv_contains ((const char *const *) unsaved, "bank03.strd"));
  g_assert_true (g_strv_contains ((const char *const *) unsaved, "bank01.work"));

  g_assert_true (octa_project_save (project, OCTA_SAVE_MODE_WORKING, OCTA_SAVE_FLAGS_NONE,
                                    NULL, &error));
  g_assert_no_error (error);
  assert_file_is (f->dir, "bank03.work", f->damaged, f->damaged_len);
  bank01_after = octa_test_read_file (bank01, &len_after);
  g_assert_cmpuint (len_after, ==, len_before);
  g_assert_true (memcmp (bank01_before, bank01_after, len_after) != 0);
  g_assert_false (octa_project_get_modified (project));

  toggle_trig (project, 0, 3, 6);
  g_assert_true (octa_project_save (project, OCTA_SAVE_MODE_DEVICE, OCTA_SAVE_FLAGS_NONE,
                                    NULL, &error));
  g_assert_no_error (error);
  assert_file_is (f->dir, "bank03.work", f->damaged, f->damaged_len);
  g_assert_true (g_file_test (bank01, G_FILE_TEST_EXISTS));
  {
    g_autofree char *bank01_strd = g_build_filename (f->dir, "bank01.strd", NULL);

    /* The saved copy of the damaged bank is never made from its stand-in. */
    g_assert_true (g_file_test (bank01_strd, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (strd, G_FILE_TEST_EXISTS));
  }
}

static void
assert_bank_refuses_edits (OctaProject *project)
{
  g_autoptr(OctaBank) bank = octa_project_get_bank (project, BANK_C);
  g_autoptr(OctaPattern) pattern = octa_bank_get_pattern (bank, 0);
  g_autoptr(OctaAudioPatternTrack) track = octa_pattern_get_audio_track (pattern, 0);
  OctaPatternTrack *t = OCTA_PATTERN_TRACK (track);
  gboolean was = octa_pattern_track_get_trig (t, OCTA_TRIG_TYPE_TRIGGER, 3);

  g_assert_true (octa_bank_get_read_only (bank));
  octa_pattern_track_set_trig (t, OCTA_TRIG_TYPE_TRIGGER, 3, !was);
  g_assert_cmpint (octa_pattern_track_get_trig (t, OCTA_TRIG_TYPE_TRIGGER, 3), ==, was);
  g_assert_false (octa_history_get_can_undo (octa_project_get_history (project)));
  g_assert_false (octa_project_get_modified (project));
}

static void
check_damage (Damage      damage,
              int         code,
              const char *reason)
{
  Fixture f = { 0 };
  g_autoptr(GFile) location = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(OctaProject) strict = NULL;
  g_autoptr(OctaProject) project = NULL;
  g_autoptr(OctaBank) bank = NULL;
  g_autoptr(OctaBank) bank_a = NULL;
  g_auto(GStrv) problems = NULL;
  g_autofree char *got_reason = NULL;
  const GError *problem;

  write_project (&f, FALSE);
  damage_bank (&f, damage);
  location = g_file_new_for_path (f.dir);

  /* Without the flag nothing changes: the whole project is refused. */
  strict = octa_project_load (location, NULL, &error);
  g_assert_null (strict);
  g_assert_error (error, OCTA_CODEC_ERROR, code);
  g_assert_nonnull (strstr (error->message, "bank03.work"));

  project = open_damaged (f.dir);
  g_assert_cmpuint (octa_project_get_n_problems (project), ==, 1);
  problems = octa_project_dup_problem_files (project);
  g_assert_cmpuint (g_strv_length (problems), ==, 1);
  g_assert_cmpstr (problems[0], ==, "bank03.work");
  problem = octa_project_get_file_problem (project, "bank03.work");
  g_assert_nonnull (problem);
  g_assert_error ((GError *) problem, OCTA_CODEC_ERROR, code);
  g_assert_null (octa_project_get_file_problem (project, "bank01.work"));
  g_assert_true (octa_project_get_file_read_only (project, "bank03.work"));
  g_assert_cmpint (octa_project_get_file_shown (project, "bank03.work"), ==,
                   damage == DAMAGE_OLD_VERSION);
  g_assert_true (octa_project_get_file_shown (project, "bank01.work"));
  got_reason = octa_project_dup_problem_reason (project, "bank03.work");
  g_assert_cmpstr (got_reason, ==, reason);
  g_assert_null (octa_project_dup_problem_reason (project, "bank01.work"));
  g_assert_false (octa_project_can_open_saved_copy (project, "bank03.work"));

  bank = octa_project_get_bank (project, BANK_C);
  g_assert_true (octa_bank_get_problem (bank) == problem);
  /* An older-format bank is shown as it is; a damaged one stands in empty. */
  g_assert_cmpint (octa_bank_get_has_content (bank), ==, damage == DAMAGE_OLD_VERSION);
  g_assert_cmpint (octa_bank_get_readable (bank), ==, damage == DAMAGE_OLD_VERSION);
  bank_a = octa_project_get_bank (project, 0);
  g_assert_false (octa_bank_get_read_only (bank_a));
  g_assert_true (octa_bank_get_readable (bank_a));
  g_assert_null (octa_bank_get_problem (bank_a));
  g_assert_true (octa_bank_get_has_content (bank_a));

  assert_bank_refuses_edits (project);
  assert_saves_leave_it_alone (project, &f);
  fixture_clear (&f);
}

static void
test_truncated (void)
{
  check_damage (DAMAGE_TRUNCATE, OCTA_CODEC_ERROR_TRUNCATED,
                "bank03.work is 636\u202F081 bytes; a bank is 636\u202F113. "
                "The file may have been cut short while copying.");
}

static void
test_bad_checksum (void)
{
  check_damage (DAMAGE_CHECKSUM, OCTA_CODEC_ERROR_BAD_CHECKSUM,
                "The checksum of bank03.work doesn't match its contents. "
                "The file changed after it was last written.");
}

static void
test_wrong_magic (void)
{
  check_damage (DAMAGE_MAGIC, OCTA_CODEC_ERROR_BAD_MAGIC,
                "bank03.work doesn't start like a bank of the Octatrack. "
                "It may be another kind of file saved under this name.");
}

static void
test_older_version (void)
{
  check_damage (DAMAGE_OLD_VERSION, OCTA_CODEC_ERROR_UNSUPPORTED_VERSION,
                "Made by an older Octatrack OS. Octadesk shows it but won't change it. "
                "Re-save the project on the device (OS 1.40) to edit this bank.");
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_open_saved_copy (void)
{
  Fixture f = { 0 };
  g_autoptr(OctaProject) project = NULL;
  g_autoptr(OctaBank) bank = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *strd_path = NULL;
  g_autofree guint8 *strd = NULL;
  gsize strd_len;
  guint read_only_notes = 0, problem_notes = 0;

  write_project (&f, TRUE);
  damage_bank (&f, DAMAGE_TRUNCATE);
  strd_path = g_build_filename (f.dir, "bank03.strd", NULL);
  strd = octa_test_read_file (strd_path, &strd_len);

  project = open_damaged (f.dir);
  bank = octa_project_get_bank (project, BANK_C);
  g_assert_true (octa_bank_get_read_only (bank));
  g_assert_false (octa_bank_get_has_content (bank));
  g_assert_true (octa_project_can_open_saved_copy (project, "bank03.work"));
  g_assert_false (octa_project_can_open_saved_copy (project, "bank01.work"));
  g_assert_false (octa_project_open_saved_copy (project, "bank01.work", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_signal_connect (bank, "notify::read-only", G_CALLBACK (on_notify), &read_only_notes);
  g_signal_connect (project, "notify::n-problems", G_CALLBACK (on_notify), &problem_notes);
  g_assert_true (octa_project_open_saved_copy (project, "bank03.work", &error));
  g_assert_no_error (error);

  g_assert_cmpuint (read_only_notes, ==, 1);
  g_assert_cmpuint (problem_notes, ==, 1);
  g_assert_cmpuint (octa_project_get_n_problems (project), ==, 0);
  g_assert_false (octa_bank_get_read_only (bank));
  g_assert_null (octa_bank_get_problem (bank));
  g_assert_true (octa_bank_get_has_content (bank));
  g_assert_true (octa_project_get_modified (project));
  /* Not an undo step: undo cannot bring the damage back. */
  g_assert_false (octa_history_get_can_undo (octa_project_get_history (project)));
  {
    g_autoptr(GBytes) work = octa_project_encode_file (project, "bank03.work");

    g_assert_cmpmem (g_bytes_get_data (work, NULL), g_bytes_get_size (work), strd, strd_len);
  }

  /* Now it is an ordinary bank: edits undo, and saving replaces the file. */
  toggle_trig (project, BANK_C, 0, 2);
  g_assert_true (octa_project_undo (project));
  g_assert_true (octa_project_get_modified (project));
  g_assert_true (octa_project_save (project, OCTA_SAVE_MODE_WORKING, OCTA_SAVE_FLAGS_NONE,
                                    NULL, &error));
  g_assert_no_error (error);
  g_assert_false (octa_project_get_modified (project));
  assert_file_is (f.dir, "bank03.work", strd, strd_len);
  assert_file_is (f.dir, "bank03.strd", strd, strd_len);

  {
    g_autoptr(GFile) location = g_file_new_for_path (f.dir);
    g_autoptr(OctaProject) reloaded = octa_project_load (location, NULL, &error);

    g_assert_no_error (error);
    g_assert_nonnull (reloaded);
  }
  fixture_clear (&f);
}

static void
test_project_work_stays_fatal (void)
{
  Fixture f = { 0 };
  g_autoptr(GFile) location = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(OctaProject) project = NULL;
  g_autofree char *path = NULL;

  write_project (&f, FALSE);
  path = g_build_filename (f.dir, "project.work", NULL);
  /* Larger than any project text may be. */
  {
    gsize len = 2 * 1024 * 1024;
    g_autofree char *junk = g_malloc (len);

    memset (junk, 'x', len);
    octa_test_write_file (path, junk, len);
  }
  location = g_file_new_for_path (f.dir);
  project = octa_project_load_with_flags (location, OCTA_PROJECT_LOAD_FLAGS_OPEN_DAMAGED,
                                          NULL, &error);
  g_assert_null (project);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "project.work"));
  fixture_clear (&f);
}

static void
test_save_as_and_zip_leave_it_out (void)
{
  Fixture f = { 0 };
  g_autoptr(OctaProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *other = NULL;
  g_autofree char *target = NULL;
  g_autofree char *zip_path = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) zip = NULL;

  write_project (&f, FALSE);
  damage_bank (&f, DAMAGE_CHECKSUM);
  project = open_damaged (f.dir);

  other = octa_test_make_tmpdir ();
  target = g_build_filename (other, "COPY", NULL);
  folder = g_file_new_for_path (target);
  g_assert_true (octa_project_save_to_folder (project, folder, OCTA_SAVE_MODE_DEVICE, NULL,
                                              &error));
  g_assert_no_error (error);
  {
    g_autofree char *bank01 = g_build_filename (target, "bank01.work", NULL);
    g_autofree char *bank03 = g_build_filename (target, "bank03.work", NULL);
    g_autofree char *bank03_strd = g_build_filename (target, "bank03.strd", NULL);

    g_assert_true (g_file_test (bank01, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (bank03, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (bank03_strd, G_FILE_TEST_EXISTS));
  }
  assert_file_is (f.dir, "bank03.work", f.damaged, f.damaged_len);

  zip_path = g_build_filename (other, "copy.zip", NULL);
  zip = g_file_new_for_path (zip_path);
  g_assert_true (octa_project_export_zip (project, zip, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(OctaProjectFiles) files = octa_project_files_load_zip (zip_path, OCTA_LOAD_DEFAULT,
                                                                     &error);

    g_assert_no_error (error);
    g_assert_nonnull (files->banks[OCTA_STATE_WORK][0]);
    g_assert_null (files->banks[OCTA_STATE_WORK][BANK_C]);
  }

  octa_test_rm_rf (other);
  fixture_clear (&f);
}

/* Not only banks: a cut-off markers file and an unreadable saved project
 * text open the same way, and Save and Store leaves both alone. */
static void
test_markers_and_project_strd (void)
{
  Fixture f = { 0 };
  g_autoptr(OctaProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *markers_path = NULL;
  g_autofree char *strd_path = NULL;
  g_autofree guint8 *markers = NULL;
  g_auto(GStrv) problems = NULL;
  g_autofree char *reason = NULL;
  const guint8 junk[] = "\0\1\2 not project text";
  gsize len;

  write_project (&f, FALSE);
  markers_path = g_build_filename (f.dir, "markers.work", NULL);
  markers = octa_test_read_file (markers_path, &len);
  len /= 2;
  octa_test_write_file (markers_path, markers, len);
  strd_path = g_build_filename (f.dir, "project.strd", NULL);
  octa_test_write_file (strd_path, junk, sizeof junk);

  project = open_damaged (f.dir);
  problems = octa_project_dup_problem_files (project);
  g_assert_cmpuint (g_strv_length (problems), ==, 2);
  g_assert_cmpstr (problems[0], ==, "markers.work");
  g_assert_cmpstr (problems[1], ==, "project.strd");
  reason = octa_project_dup_problem_reason (project, "markers.work");
  g_assert_cmpstr (reason, ==, "markers.work is 103\u202F500 bytes; a markers file is "
                               "207\u202F000. The file may have been cut short while copying.");

  toggle_trig (project, 0, 1, 1);
  g_assert_true (octa_project_save (project, OCTA_SAVE_MODE_DEVICE, OCTA_SAVE_FLAGS_NONE, NULL,
                                    &error));
  g_assert_no_error (error);
  assert_file_is (f.dir, "markers.work", markers, len);
  assert_file_is (f.dir, "project.strd", junk, sizeof junk);
  {
    g_autofree char *markers_strd = g_build_filename (f.dir, "markers.strd", NULL);
    g_autofree char *bank01_strd = g_build_filename (f.dir, "bank01.strd", NULL);

    g_assert_false (g_file_test (markers_strd, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_test (bank01_strd, G_FILE_TEST_EXISTS));
  }
  fixture_clear (&f);
}

/* The device's sum over bytes 16…len-3, as stored in the last two. */
static gboolean
checksum_is_sum (const guint8 *data,
                 gsize         len)
{
  guint16 sum = 0;

  for (gsize i = 16; i < len - 2; i++)
    sum += data[i];
  return data[len - 2] == (sum >> 8) && data[len - 1] == (sum & 0xFF);
}

/* An arrangement whose stored checksum isn't the device's sum opens like
 * any other and is kept byte for byte until it is edited; an edit writes
 * the device's sum. Checked on @dir's arr01.work, whose bytes are @original. */
static void
check_arrangement_kept (const char   *dir,
                        const guint8 *original,
                        gsize         len)
{
  g_autoptr(GFile) location = g_file_new_for_path (dir);
  g_autoptr(OctaProject) project = NULL;
  g_autoptr(OctaArrangement) arrangement = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "arr01.work", NULL);
  g_autofree guint8 *written = NULL;
  gsize written_len;

  g_assert_false (checksum_is_sum (original, len));
  project = octa_project_load (location, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (octa_project_get_n_problems (project), ==, 0);
  bytes = octa_project_encode_file (project, "arr01.work");
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), original, len);

  /* saving other edits leaves it as it was */
  toggle_trig (project, 0, 2, 2);
  g_assert_true (octa_project_save (project, OCTA_SAVE_MODE_DEVICE, OCTA_SAVE_FLAGS_NONE, NULL,
                                    &error));
  g_assert_no_error (error);
  assert_file_is (dir, "arr01.work", original, len);

  arrangement = octa_project_get_arrangement (project, 0);
  octa_project_begin_change (project, "Rename");
  g_assert_true (octa_arrangement_set_name (arrangement, "KEPT", &error));
  octa_project_end_change (project);
  g_assert_no_error (error);
  g_assert_true (octa_project_save (project, OCTA_SAVE_MODE_WORKING, OCTA_SAVE_FLAGS_NONE, NULL,
                                    &error));
  g_assert_no_error (error);
  written = octa_test_read_file (path, &written_len);
  g_assert_cmpuint (written_len, ==, len);
  g_assert_true (checksum_is_sum (written, written_len));
}

static void
test_arrangement_checksum_kept (void)
{
  Fixture f = { 0 };
  g_autofree char *path = NULL;
  g_autofree guint8 *data = NULL;
  gsize len;

  write_project (&f, FALSE);
  path = g_build_filename (f.dir, "arr01.work", NULL);
  data = octa_test_read_file (path, &len);
  data[len - 1] ^= 0x5A;
  octa_test_write_file (path, data, len);
  check_arrangement_kept (f.dir, data, len);
  fixture_clear (&f);
}

/* The corpus arrangement whose checksum is not the device's sum: the
 * corpus notes say to keep arrangement checksums as stored, not refuse. */
static void
test_corpus_arrangement_checksum (void)
{
  Fixture f = { 0 };
  g_autofree char *source = NULL;
  g_autofree char *dest = NULL;
  g_autofree guint8 *original = NULL;
  gsize len;

  if (octa_test_skip_without_corpus ())
    return;

  write_project (&f, FALSE);
  source = g_build_filename (octa_test_corpus_dir (), "octatools", "arrange-tests",
                             "full_options.work", NULL);
  dest = g_build_filename (f.dir, "arr01.work", NULL);
  original = octa_test_read_file (source, &len);
  octa_test_write_file (dest, original, len);
  check_arrangement_kept (f.dir, original, len);
  fixture_clear (&f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/damaged/truncated", test_truncated);
  g_test_add_func ("/model/damaged/bad-checksum", test_bad_checksum);
  g_test_add_func ("/model/damaged/wrong-magic", test_wrong_magic);
  g_test_add_func ("/model/damaged/older-version", test_older_version);
  g_test_add_func ("/model/damaged/open-saved-copy", test_open_saved_copy);
  g_test_add_func ("/model/damaged/project-work-fatal", test_project_work_stays_fatal);
  g_test_add_func ("/model/damaged/save-as-and-zip", test_save_as_and_zip_leave_it_out);
  g_test_add_func ("/model/damaged/markers-and-project-strd", test_markers_and_project_strd);
  g_test_add_func ("/model/damaged/arrangement-checksum-kept", test_arrangement_checksum_kept);
  g_test_add_func ("/model/damaged/corpus-arrangement", test_corpus_arrangement_checksum);

  return g_test_run ();
}
