/* SPDX-License-Identifier: MIT */
#include <string.h>

#include "octa-test-utils.h"

static guint32
le32 (const guint8 *p)
{
  return p[0] | (p[1] << 8) | (p[2] << 16) | ((guint32) p[3] << 24);
}

static void
test_demo_content (void)
{
  g_autoptr(OctaProjectFiles) files = octa_project_files_new_demo ();
  OctaBankFile *bank = files->banks[OCTA_STATE_WORK][0];
  g_autoptr(GArray) slots = octa_project_file_list_samples (files->project[OCTA_STATE_WORK]);
  g_autofree char *name = octa_bank_file_dup_part_name (bank, 1);
  guint with_trigs = 0;

  for (guint p = 0; p < OCTA_N_PATTERNS; p++)
    with_trigs += octa_bank_file_pattern_has_trigs (bank, p);
  g_assert_cmpuint (with_trigs, ==, 3);
  g_assert_cmpuint (octa_bank_file_get_pattern_part (bank, 1), ==, 1);
  g_assert_cmpstr (name, ==, "DARK");
  g_assert_cmpint (octa_bank_file_get_machine (bank, 0, OCTA_PART_UNSAVED, 0), ==, OCTA_MACHINE_FLEX);
  g_assert_cmpint (octa_bank_file_get_sample_lock (bank, 0, 3, 13), ==, 2);
  g_assert_cmpint (octa_bank_file_get_micro_timing (bank, 0, OCTA_TRACK_AUDIO, 2, 2), ==, 12);
  g_assert_cmpuint (octa_bank_file_get_condition (bank, 0, OCTA_TRACK_AUDIO, 2, 15), ==, 1);
  g_assert_true (octa_bank_file_part_equal (bank, 0));

  /* Eight recorder buffers plus the five samples. */
  g_assert_cmpuint (slots->len, ==, 13);
  for (guint b = 1; b < OCTA_N_BANKS; b++)
    {
      g_autoptr(GBytes) blank = octa_project_files_encode_file (files, OCTA_FILE_KIND_BANK, b,
                                                                OCTA_STATE_WORK);
      g_autofree char *md5 = g_compute_checksum_for_bytes (G_CHECKSUM_MD5, blank);

      g_assert_cmpstr (md5, ==, "cd3bc5294950d4f283e01f76ba38655f");
    }
}

static void
test_demo_folder_is_valid (void)
{
  g_autofree char *dir = octa_test_make_tmpdir ();
  g_autoptr(OctaProjectFiles) files = octa_project_files_new_demo ();
  g_autoptr(OctaProjectFiles) loaded = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (octa_project_files_write_dir (files, dir, &error));
  g_assert_no_error (error);
  g_assert_true (octa_demo_write_samples (dir, &error));
  g_assert_no_error (error);

  /* Strict load: every checksum and structure guard must hold. */
  loaded = octa_project_files_load_dir (dir, OCTA_LOAD_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (octa_project_files_count (loaded), ==, 26);

  for (guint i = 0; i < OCTA_DEMO_N_SAMPLES; i++)
    {
      g_autofree char *sample = NULL;
      g_autoptr(GBytes) wav = octa_demo_sample_wav (i, &sample);
      g_autofree char *path = g_build_filename (dir, sample, NULL);
      gsize len;
      g_autofree guint8 *data = octa_test_read_file (path, &len);
      OctaSlotType type = i < 4 ? OCTA_SLOT_FLEX : OCTA_SLOT_STATIC;
      guint slot = i < 4 ? i : 0;
      g_autofree char *slot_path = octa_project_file_dup_sample_path (loaded->project[OCTA_STATE_WORK],
                                                                      type, slot);

      g_assert_cmpmem (data, len, g_bytes_get_data (wav, NULL), g_bytes_get_size (wav));
      g_assert_cmpmem (data, 4, "RIFF", 4);
      g_assert_cmpmem (data + 8, 4, "WAVE", 4);
      g_assert_cmpuint (data[20] | (data[21] << 8), ==, 1);
      g_assert_cmpuint (le32 (data + 24), ==, 44100);
      g_assert_cmpuint (data[34], ==, 16);
      g_assert_cmpstr (slot_path, ==, sample);
      /* A slot whose trim end is 0 plays nothing on the device. */
      g_assert_cmpuint (octa_markers_file_get_trim_end (loaded->markers[OCTA_STATE_WORK], type, slot),
                        ==, le32 (data + 40) / 2);
    }

  octa_test_rm_rf (dir);
}

/* The scratch write hands back what a load of the folder gives, byte for
 * byte, and leaves the same files there as a durable write. */
static void
test_demo_scratch_write (void)
{
  g_autofree char *dir = octa_test_make_tmpdir ();
  g_autofree char *project_dir = g_build_filename (dir, "DEMO", NULL);
  g_autoptr(OctaProjectFiles) files = octa_project_files_new_demo ();
  g_autoptr(OctaProjectFiles) scratch = NULL;
  g_autoptr(OctaProjectFiles) loaded = NULL;
  g_autoptr(GError) error = NULL;
  guint compared = 0;

  scratch = octa_project_files_write_scratch (files, project_dir, &error);
  g_assert_no_error (error);
  g_assert_nonnull (scratch);
  g_assert_true (octa_demo_write_samples_full (project_dir, OCTA_WRITE_NO_SYNC, &error));
  g_assert_no_error (error);
  loaded = octa_project_files_load_dir (project_dir, OCTA_LOAD_DEFAULT, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (scratch->name, ==, "DEMO");
  g_assert_cmpstr (scratch->name, ==, loaded->name);
  g_assert_cmpuint (octa_project_files_count (scratch), ==, octa_project_files_count (loaded));
  g_assert_cmpuint (octa_project_files_count (scratch), ==, 26);
  /* as a load leaves them: nothing edited, every checksum right */
  for (guint b = 0; b < OCTA_N_BANKS; b++)
    {
      OctaImage *image = octa_bank_file_get_image (scratch->banks[OCTA_STATE_WORK][b]);

      g_assert_false (image->modified);
      g_assert_true (image->checksum_ok_at_load);
    }

  for (OctaFileState state = OCTA_STATE_WORK; state <= OCTA_STATE_STRD; state++)
    for (guint kind = OCTA_FILE_KIND_BANK; kind <= OCTA_FILE_KIND_PROJECT; kind++)
      for (guint index = 0; index < OCTA_N_BANKS; index++)
        {
          g_autofree char *name = NULL;
          g_autofree char *path = NULL;
          g_autofree guint8 *disk = NULL;
          g_autoptr(GBytes) from_scratch = NULL;
          g_autoptr(GBytes) from_load = NULL;
          gsize len;

          if (kind == OCTA_FILE_KIND_SAMPLE_ATTRS ||
              (kind == OCTA_FILE_KIND_ARRANGEMENT && index >= OCTA_N_ARRANGEMENTS) ||
              ((kind == OCTA_FILE_KIND_MARKERS || kind == OCTA_FILE_KIND_PROJECT) && index > 0))
            continue;
          from_scratch = octa_project_files_encode_file (scratch, kind, index, state);
          from_load = octa_project_files_encode_file (loaded, kind, index, state);
          g_assert_true ((from_scratch == NULL) == (from_load == NULL));
          if (from_scratch == NULL)
            continue;
          name = octa_project_files_filename (kind, index, state);
          path = g_build_filename (project_dir, name, NULL);
          disk = octa_test_read_file (path, &len);
          g_assert_cmpmem (g_bytes_get_data (from_scratch, NULL), g_bytes_get_size (from_scratch),
                           disk, len);
          g_assert_true (g_bytes_equal (from_scratch, from_load));
          compared++;
        }
  g_assert_cmpuint (compared, ==, 26);

  octa_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/codec/demo/content", test_demo_content);
  g_test_add_func ("/codec/demo/folder-is-valid", test_demo_folder_is_valid);
  g_test_add_func ("/codec/demo/scratch-write", test_demo_scratch_write);

  return g_test_run ();
}
