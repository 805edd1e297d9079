/* SPDX-License-Identifier: MIT */
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "octa.h"
#include "octa-project-save-private.h"
#include "octa-test-utils.h"

#define N_WORK 26

/* ---- Helpers ----------------------------------------------------------- */

typedef struct
{
  dev_t   dev;
  ino_t   ino;
  gint64  mtime_nsec;
} FileId;

static char **
work_names (void)
{
  GPtrArray *names = g_ptr_array_new ();

  g_ptr_array_add (names, g_strdup ("project.work"));
  for (guint b = 0; b < OCTA_N_BANKS; b++)
    g_ptr_array_add (names, g_strdup_printf ("bank%02u.work", b + 1));
  g_ptr_array_add (names, g_strdup ("markers.work"));
  for (guint a = 0; a < OCTA_N_ARRANGEMENTS; a++)
    g_ptr_array_add (names, g_strdup_printf ("arr%02u.work", a + 1));
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (names, FALSE);
}

static char *
strd_name (const char *work)
{
  g_autofree char *stem = g_strndup (work, strlen (work) - 5);

  return g_strconcat (stem, ".strd", NULL);
}

static gboolean
file_id (const char *dir,
         const char *name,
         FileId     *out)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  struct stat st;

  memset (out, 0, sizeof *out);
  if (stat (path, &st) != 0)
    return FALSE;
  out->dev = st.st_dev;
  out->ino = st.st_ino;
  out->mtime_nsec = (gint64) st.st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) +
                    st.st_mtim.tv_nsec;
  return TRUE;
}

static gboolean
file_id_equal (const FileId *a,
               const FileId *b)
{
  return a->dev == b->dev && a->ino == b->ino && a->mtime_nsec == b->mtime_nsec;
}

static GBytes *
read_bytes (const char *dir,
            const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  gsize len = 0;
  guint8 *data = octa_test_read_file (path, &len);

  return g_bytes_new_take (data, len);
}

static gboolean
exists (const char *dir,
        const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* Every name in @dir, sorted; the transaction's temporary files start with a dot. */
static GPtrArray *
list_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  return names;
}

static void
assert_no_leftovers (const char *dir)
{
  g_autoptr(GPtrArray) names = list_dir (dir);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);

      if (name[0] == '.')
        g_error ("%s: leftover %s", dir, name);
    }
}

/* A full project with some content in banks 1 and 2. */
static OctaProjectFiles *
template_files (const char *name)
{
  OctaProjectFiles *files = octa_project_files_new_blank (name);

  for (guint t = 0; t < 8; t++)
    {
      octa_bank_file_set_trig_mask (files->banks[OCTA_STATE_WORK][0], 0, OCTA_TRACK_AUDIO, t,
                                    OCTA_TRIG_TRIGGER, G_GUINT64_CONSTANT (0x1111) << t);
      octa_bank_file_set_trig_mask (files->banks[OCTA_STATE_WORK][1], 3, OCTA_TRACK_AUDIO, t,
                                    OCTA_TRIG_TRIGGER, G_GUINT64_CONSTANT (0x8001) << t);
    }
  return files;
}

/* Writes the template project into @parent/@name, with `.strd` twins when asked. */
static char *
make_project (const char *parent,
              const char *name,
              gboolean    with_strd)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OctaProjectFiles) files = template_files (name);
  char *dir = g_build_filename (parent, name, NULL);

  if (with_strd)
    for (guint b = 0; b < OCTA_N_BANKS; b++)
      {
        g_autofree char *strd = g_strdup_printf ("bank%02u.strd", b + 1);

        files->banks[OCTA_STATE_STRD][b] = octa_bank_file_copy (files->banks[OCTA_STATE_WORK][b]);
        octa_image_set_name (octa_bank_file_get_image (files->banks[OCTA_STATE_STRD][b]), strd);
      }
  if (with_strd)
    {
      files->project[OCTA_STATE_STRD] = octa_project_file_copy (files->project[OCTA_STATE_WORK]);
      files->markers[OCTA_STATE_STRD] = octa_markers_file_copy (files->markers[OCTA_STATE_WORK]);
      for (guint a = 0; a < OCTA_N_ARRANGEMENTS; a++)
        files->arrangements[OCTA_STATE_STRD][a] =
          octa_arrangement_file_copy (files->arrangements[OCTA_STATE_WORK][a]);
    }

  octa_project_files_write_dir (files, dir, &error);
  g_assert_no_error (error);
  return dir;
}

/* Hard links are enough: a save never writes into an existing file. */
static char *
clone_project (const char *template_dir,
               const char *parent,
               const char *name)
{
  g_autoptr(GPtrArray) names = list_dir (template_dir);
  char *dir = g_build_filename (parent, name, NULL);

  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *from = g_build_filename (template_dir, names->pdata[i], NULL);
      g_autofree char *to = g_build_filename (dir, names->pdata[i], NULL);

      if (link (from, to) != 0)
        {
          gsize len;
          g_autofree guint8 *data = octa_test_read_file (from, &len);

          octa_test_write_file (to, data, len);
        }
    }
  return dir;
}

static OctaProject *
load_project (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) location = g_file_new_for_path (dir);
  OctaProject *project = octa_project_load (location, NULL, &error);

  g_assert_no_error (error);
  /* What octa_project_load() does once it takes the snapshots itself. */
  _octa_project_save_take_snapshots (project);
  return project;
}

static void
toggle_step (OctaProject *project,
             guint        bank_index,
             guint        pattern_index,
             guint        track_index,
             guint        step)
{
  g_autoptr(OctaBank) bank = octa_project_get_bank (project, bank_index);
  g_autoptr(OctaPattern) pattern = octa_bank_get_pattern (bank, pattern_index);
  g_autoptr(OctaAudioPatternTrack) track = octa_pattern_get_audio_track (pattern, track_index);
  OctaPatternTrack *t = OCTA_PATTERN_TRACK (track);
  gboolean on = octa_pattern_track_get_trig (t, OCTA_TRIG_TYPE_TRIGGER, step);

  octa_pattern_track_set_trig (t, OCTA_TRIG_TYPE_TRIGGER, step, !on);
}

static gboolean
set_tempo (OctaProjectFile  *file,
           gpointer          user_data,
           GError          **error)
{
  return octa_project_file_set_int (file, OCTA_SECTION_SETTINGS, "TEMPOx24", 0,
                                    GPOINTER_TO_INT (user_data), error);
}

static void
edit_tempo (OctaProject *project,
            gint         tempo_x24)
{
  g_autoptr(GError) error = NULL;

  _octa_project_edit_text (project, OCTA_STATE_WORK, "Tempo", set_tempo,
                           GINT_TO_POINTER (tempo_x24), &error);
  g_assert_no_error (error);
}

static void
assert_file_is (OctaProject *project,
                const char  *dir,
                const char  *name)
{
  g_autoptr(GBytes) disk = read_bytes (dir, name);
  g_autoptr(GBytes) memory = octa_project_encode_file (project, name);

  g_assert_nonnull (memory);
  if (!g_bytes_equal (disk, memory))
    g_error ("%s/%s differs from the project in memory", dir, name);
}

static void
assert_unsaved (OctaProject  *project,
                OctaSaveMode  mode,
                const char   *expected)
{
  g_auto(GStrv) names = octa_project_dup_unsaved_files (project, mode);
  g_autofree char *joined = g_strjoinv (" ", names);

  g_assert_cmpstr (joined, ==, expected);
  g_assert_cmpuint (octa_project_count_unsaved_files (project, mode), ==,
                    g_strv_length (names));
}

/* ---- Tests ------------------------------------------------------------- */

static void
test_one_step_one_file (void)
{
  g_autofree char *tmp = octa_test_make_tmpdir ();
  g_autofree char *dir = make_project (tmp, "ONESTEP", FALSE);
  g_autoptr(OctaProject) project = load_project (dir);
  g_auto(GStrv) names = work_names ();
  g_autoptr(GError) error = NULL;
  FileId before[N_WORK], after;

  for (guint i = 0; i < N_WORK; i++)
    g_assert_true (file_id (dir, names[i], &before[i]));

  g_assert_false (octa_project_get_modified (project));
  assert_unsaved (project, OCTA_SAVE_MODE_WORKING, "");

  toggle_step (project, 2, 4, 1, 17);
  g_assert_true (octa_project_get_modified (project));
  assert_unsaved (project, OCTA_SAVE_MODE_WORKING, "bank03.work");

  g_assert_true (octa_project_save (project, OCTA_SAVE_MODE_WORKING, OCTA_SAVE_FLAGS_NONE,
                                    NULL, &error));
  g_assert_no_error (error);
  g_assert_false (octa_project_get_modified (project));
  assert_unsaved (project, OCTA_SAVE_MODE_WORKING, "");

  for (guint i = 0; i < N_WORK; i++)
    {
      g_assert_true (file_id (dir, names[i], &after));
      if (g_str_equal (names[i], "bank03.work"))
        g_assert_false (file_id_equal (&before[i], &after));
      else if (!file_id_equal (&before[i], &after))
        g_error ("%s was written", names[i]);
      before[i] = after;
    }
  assert_file_is (project, dir, "bank03.work");
  assert_no_leftovers (dir);

  /* Nothing to write: nothing is touched. */
  g_assert_true (octa_project_save (project, OCTA_SAVE_MODE_WORKING, OCTA_SAVE_FLAGS_NONE,
                                    NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < N_WORK; i++)
    {
      g_assert_true (file_id (dir, names[i], &after));
      g_assert_true (file_id_equal (&before[i], &after));
    }

  /* Editing back by hand: the bytes match the disk again. */
  toggle_step (project, 2, 4, 1, 17);
  assert_unsaved (project, OCTA_SAVE_MODE_WORKING, "bank03.work");
  toggle_step (project, 2, 4, 1, 17);
  assert_unsaved (project, OCTA_SAVE_MODE_WORKING, "");
  g_assert_true (octa_project_get_modified (project));
  g_assert_true (octa_project_save (project, OCTA_SAVE_MODE_WORKING, OCTA_SAVE_FLAGS_NONE,
                                    NULL, &error));
  g_assert_false (octa_project_get_modified (project));

  /* Undo past the save: the loaded bytes are unsaved again. */
  g_assert_true (octa_project_undo (project));
  g_assert_true (octa_project_undo (project));
  g_assert_true (octa_project_undo (project));
  assert_unsaved (project, OCTA_SAVE_MODE_WORKING, "bank03.work");
  g_assert_true (octa_project_get_modified (project));

  g_clear_object (&project);
  octa_test_rm_rf (tmp);
}

static void
test_text_and_partial_project (void)
{
  g_autofree char *tmp = octa_test_make_tmpdir ();
  g_autofree char *dir = make_project (tmp, "PARTIAL", FALSE);
  g_autoptr(OctaProject) project = NULL;
  g_autoptr(OctaProject) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) location = NULL;

  /* The device opens projects with missing banks; they stay missing. */
  for (guint b = 2; b < OCTA_N_BANKS; b++)
    {
      g_autofree char *name = g_strdup_printf ("%s/bank%02u.work", dir, b + 1);
      g_assert_cmpint (g_unlink (name), ==, 0);
    }
  project = load_project (dir);
  assert_unsaved (project, OCTA_SAVE_MODE_WORKING, "");

  toggle_step (project, 6, 0, 0, 0);
  edit_tempo (project, 2904);
  assert_unsaved (project, OCTA_SAVE_MODE_WORKING, "project.work bank07.work");
  /* The .strd twins follow only the .work files that are on disk. */
  assert_unsaved (project, OCTA_SAVE_MODE_DEVICE,
                  "project.work bank07.work project.strd bank01.strd bank02.strd "
                  "bank07.strd markers.strd");

  g_assert_true (octa_project_save (project, OCTA_SAVE_MODE_WORKING, OCTA_SAVE_FLAGS_NONE,
                                    NULL, &error));
  g_assert_no_error (error);
  g_assert_true (exists (dir, "bank07.work"));
  g_assert_false (exists (dir, "bank08.work"));
  g_assert_false (exists (dir, "bank03.work"));
  assert_file_is (project, dir, "project.work");
  assert_file_is (project, dir, "bank07.work");
  assert_unsaved (project, OCTA_SAVE_MODE_WORKING, "");

  location = g_file_new_for_path (dir);
  reloaded = octa_project_load (location, NULL, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GBytes) a = octa_project_encode_file (project, "project.work");
    g_autoptr(GBytes) b = octa_project_encode_file (reloaded, "project.work");
    g_assert_true (g_bytes_equal (a, b));
  }

  g_clear_object (&project);
  g_clear_object (&reloaded);
  octa_test_rm_rf (tmp);
}

static void
test_device_mode (void)
{
  g_autofree char *tmp = octa_test_make_tmpdir ();
  g_autofree char *dir = make_project (tmp, "DEVICE", TRUE);
  g_autoptr(OctaProject) project = load_project (dir);
  g_auto(GStrv) names = work_names ();
  g_autoptr(GError) error = NULL;
  FileId strd_before[N_WORK], id;
  OctaProjectFiles *files = _octa_project_get_files (project);

  for (guint i = 0; i < N_WORK; i++)
    {
      g_autofree char *strd = strd_name (names[i]);
      g_assert_true (file_id (dir, strd, &strd_before[i]));
    }

  toggle_step (project, 1, 0, 3, 9);
  assert_unsaved (project, OCTA_SAVE_MODE_WORKING, "bank02.work");
  assert_unsaved (project, OCTA_SAVE_MODE_DEVICE, "bank02.work bank02.strd");

  /* WORKING (SYNC TO CARD) leaves the stored state alone. */
  g_assert_true (octa_project_save (project, OCTA_SAVE_MODE_WORKING, OCTA_SAVE_FLAGS_NONE,
                                    NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < N_WORK; i++)
    {
      g_autofree char *strd = strd_name (names[i]);
      g_assert_true (file_id (dir, strd, &id));
      g_assert_true (file_id_equal (&strd_before[i], &id));
    }
  {
    g_autoptr(GBytes) work = read_bytes (dir, "bank02.work");
    g_autoptr(GBytes) strd = read_bytes (dir, "bank02.strd");
    g_assert_false (g_bytes_equal (work, strd));
  }
  assert_unsaved (project, OCTA_SAVE_MODE_WORKING, "");
  assert_unsaved (project, OCTA_SAVE_MODE_DEVICE, "bank02.strd");

  /* An arrangement edit: PROJECT ▸ SAVE does not store arrangements. */
  octa_project_begin_change (project, "Arrangement");
  octa_arrangement_file_set_row_count (files->arrangements[OCTA_STATE_WORK][2],
                                       OCTA_ARRANGEMENT_WORKING, 5);
  octa_project_end_change (project);
  assert_unsaved (project, OCTA_SAVE_MODE_DEVICE, "arr03.work bank02.strd");

  g_assert_true (octa_project_save (project, OCTA_SAVE_MODE_DEVICE, OCTA_SAVE_FLAGS_NONE,
                                    NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GBytes) work = read_bytes (dir, "bank02.work");
    g_autoptr(GBytes) strd = read_bytes (dir, "bank02.strd");
    g_assert_true (g_bytes_equal (work, strd));
  }
  assert_file_is (project, dir, "bank02.strd");
  assert_file_is (project, dir, "arr03.work");
  for (guint i = 0; i < N_WORK; i++)
    {
      g_autofree char *strd = strd_name (names[i]);

      g_assert_true (file_id (dir, strd, &id));
      if (g_str_equal (strd, "bank02.strd"))
        g_assert_false (file_id_equal (&strd_before[i], &id));
      else
        g_assert_true (file_id_equal (&strd_before[i], &id));
    }
  assert_unsaved (project, OCTA_SAVE_MODE_DEVICE, "");
  g_assert_false (octa_project_get_modified (project));

  /* Undo: the working state goes back, the stored state stays. */
  g_assert_true (octa_project_undo (project));
  g_assert_true (octa_project_undo (project));
  assert_unsaved (project, OCTA_SAVE_MODE_WORKING, "bank02.work arr03.work");
  assert_unsaved (project, OCTA_SAVE_MODE_DEVICE, "bank02.work arr03.work bank02.strd");

  g_clear_object (&project);
  octa_test_rm_rf (tmp);
}

static void
test_device_mode_creates_strd (void)
{
  g_autofree char *tmp = octa_test_make_tmpdir ();
  g_autofree char *dir = make_project (tmp, "FIRSTSAVE", FALSE);
  g_autoptr(OctaProject) project = load_project (dir);
  g_auto(GStrv) names = work_names ();
  g_autoptr(GError) error = NULL;

  g_assert_false (octa_project_has_saved_state (project));
  g_assert_cmpuint (octa_project_count_unsaved_files (project, OCTA_SAVE_MODE_DEVICE), ==, 18);
  g_assert_true (octa_project_save (project, OCTA_SAVE_MODE_DEVICE, OCTA_SAVE_FLAGS_NONE,
                                    NULL, &error));
  g_assert_no_error (error);
  g_assert_true (octa_project_has_saved_state (project));

  for (guint i = 0; i < N_WORK; i++)
    {
      g_autofree char *strd = strd_name (names[i]);

      if (g_str_has_prefix (strd, "arr"))
        {
          g_assert_false (exists (dir, strd));
          continue;
        }
      {
        g_autoptr(GBytes) work = read_bytes (dir, names[i]);
        g_autoptr(GBytes) stored = read_bytes (dir, strd);
        g_assert_true (g_bytes_equal (work, stored));
      }
      assert_file_is (project, dir, strd);
    }
  g_assert_cmpuint (octa_project_count_unsaved_files (project, OCTA_SAVE_MODE_DEVICE), ==, 0);

  g_clear_object (&project);
  octa_test_rm_rf (tmp);
}

static gboolean
fault_fails (OctaFaultPoint point)
{
  /* LINK only forces the copy fallback; RESTORE matters only in a rollback. */
  return point != OCTA_FAULT_LINK && point != OCTA_FAULT_RESTORE;
}

static void
edit_three (OctaProject *project)
{
  edit_tempo (project, 3000);
  toggle_step (project, 4, 2, 5, 33);
  toggle_step (project, 8, 15, 7, 63);
}

static void
test_fault_injection (void)
{
  static const char *const changed[] = { "project.work", "bank05.work", "bank09.work" };
  g_autofree char *tmp = octa_test_make_tmpdir ();
  g_autofree char *template_dir = make_project (tmp, "TEMPLATE", FALSE);
  g_auto(GStrv) names = work_names ();
  GBytes *old[N_WORK];
  GBytes *new[G_N_ELEMENTS (changed)];

  for (guint i = 0; i < N_WORK; i++)
    old[i] = read_bytes (template_dir, names[i]);

  /* The bytes a good save produces. */
  {
    g_autofree char *dir = clone_project (template_dir, tmp, "REFERENCE");
    g_autoptr(OctaProject) project = load_project (dir);

    edit_three (project);
    for (guint c = 0; c < G_N_ELEMENTS (changed); c++)
      new[c] = octa_project_encode_file (project, changed[c]);
  }

  for (OctaFaultPoint point = OCTA_FAULT_WRITE; point <= OCTA_FAULT_RESTORE; point++)
    for (guint k = 0; k < G_N_ELEMENTS (changed); k++)
      {
        g_autofree char *name = g_strdup_printf ("P%u-%u", point, k);
        g_autofree char *dir = clone_project (template_dir, tmp, name);
        g_autoptr(OctaProject) project = load_project (dir);
        g_autoptr(GError) error = NULL;
        gboolean ok;

        edit_three (project);
        assert_unsaved (project, OCTA_SAVE_MODE_WORKING,
                        "project.work bank05.work bank09.work");
        _octa_project_save_inject_fault (project, point, k);
        ok = octa_project_save (project, OCTA_SAVE_MODE_WORKING, OCTA_SAVE_FLAGS_NONE,
                                NULL, &error);

        if (fault_fails (point))
          {
            int code = point == OCTA_FAULT_READBACK ? OCTA_TRANSACTION_ERROR_VERIFY
                                                    : OCTA_TRANSACTION_ERROR_IO;

            g_assert_false (ok);
            g_assert_error (error, OCTA_TRANSACTION_ERROR, code);
            g_assert_nonnull (strstr (error->message, changed[k]));
            /* Entirely old. */
            for (guint i = 0; i < N_WORK; i++)
              {
                g_autoptr(GBytes) disk = read_bytes (dir, names[i]);

                if (!g_bytes_equal (disk, old[i]))
                  g_error ("fault %u at file %u: %s is not the old file", point, k, names[i]);
              }
            g_assert_true (octa_project_get_modified (project));
            g_assert_cmpuint (octa_project_count_unsaved_files (project,
                                                                OCTA_SAVE_MODE_WORKING), ==, 3);
            g_clear_error (&error);

            _octa_project_save_inject_fault (project, OCTA_FAULT_NONE, 0);
            g_assert_true (octa_project_save (project, OCTA_SAVE_MODE_WORKING,
                                              OCTA_SAVE_FLAGS_NONE, NULL, &error));
            g_assert_no_error (error);
          }
        else
          {
            g_assert_no_error (error);
            g_assert_true (ok);
          }

        /* Entirely new. */
        for (guint i = 0; i < N_WORK; i++)
          {
            g_autoptr(GBytes) disk = read_bytes (dir, names[i]);
            GBytes *expected = old[i];

            for (guint c = 0; c < G_N_ELEMENTS (changed); c++)
              if (g_str_equal (names[i], changed[c]))
                expected = new[c];
            if (!g_bytes_equal (disk, expected))
              g_error ("fault %u at file %u: %s is not the new file", point, k, names[i]);
          }
        g_assert_false (octa_project_get_modified (project));
        g_assert_cmpuint (octa_project_count_unsaved_files (project, OCTA_SAVE_MODE_WORKING),
                          ==, 0);
        assert_no_leftovers (dir);
      }

  for (guint i = 0; i < N_WORK; i++)
    g_bytes_unref (old[i]);
  for (guint c = 0; c < G_N_ELEMENTS (changed); c++)
    g_bytes_unref (new[c]);
  octa_test_rm_rf (tmp);
}

static void
test_rollback_failure_passes_through (void)
{
  g_autofree char *tmp = octa_test_make_tmpdir ();
  g_autofree char *dir = make_project (tmp, "ROLLBACK", FALSE);
  g_autoptr(OctaProject) project = load_project (dir);
  g_autoptr(GError) error = NULL;

  edit_three (project);
  _octa_project_save_inject_fault (project, OCTA_FAULT_RENAME, 2);
  _octa_project_save_inject_fault (project, OCTA_FAULT_RESTORE, 0);
  g_assert_false (octa_project_save (project, OCTA_SAVE_MODE_WORKING, OCTA_SAVE_FLAGS_NONE,
                                     NULL, &error));
  g_assert_error (error, OCTA_TRANSACTION_ERROR, OCTA_TRANSACTION_ERROR_ROLLBACK_FAILED);
  g_assert_nonnull (strstr (error->message, "project.work"));
  g_assert_true (octa_project_get_modified (project));

  g_clear_object (&project);
  octa_test_rm_rf (tmp);
}

static void
set_mtime_raw (const char *path,
               gint64      mtime_nsec)
{
  struct timespec times[2];

  times[0].tv_sec = 0;
  times[0].tv_nsec = UTIME_OMIT;
  times[1].tv_sec = mtime_nsec / 1000000000;
  times[1].tv_nsec = mtime_nsec % 1000000000;
  g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);
}

/* Moves the modification time of a clone's own copy of @name, leaving the
 * template it was linked from alone. */
static void
touch_clone (const char *dir,
             const char *name,
             gint64      delta_nsec)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  gsize len;
  g_autofree guint8 *data = octa_test_read_file (path, &len);
  struct stat st;

  g_assert_cmpint (stat (path, &st), ==, 0);
  g_assert_cmpint (g_unlink (path), ==, 0);
  octa_test_write_file (path, data, len);
  set_mtime_raw (path, (gint64) st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec + delta_nsec);
}

/* Writes a different version of @name, as another program would. */
static void
write_behind (const char *dir,
              const char *name,
              guint       bank_index)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(OctaBankFile) bank = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize len;
  g_autofree guint8 *data = octa_test_read_file (path, &len);

  bank = octa_bank_file_new_from_data (data, len, name, OCTA_LOAD_DEFAULT, &error);
  g_assert_no_error (error);
  octa_bank_file_set_trig_mask (bank, 7, OCTA_TRACK_AUDIO, 0, OCTA_TRIG_TRIGGER,
                                G_GUINT64_CONSTANT (0xF0F0F0F0) + bank_index);
  bytes = octa_bank_file_encode (bank);
  /* Not in place, so that hard-linked copies keep their bytes. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  octa_test_write_file (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
snapshot_dir (const char *dir,
              char      **names,
              FileId     *ids)
{
  for (guint i = 0; names[i] != NULL; i++)
    g_assert_true (file_id (dir, names[i], &ids[i]));
}

static void
assert_dir_unchanged (const char *dir,
                      char      **names,
                      FileId     *ids)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      FileId now;

      g_assert_true (file_id (dir, names[i], &now));
      if (!file_id_equal (&ids[i], &now))
        g_error ("%s was written", names[i]);
    }
}

static void
test_changed_on_disk (void)
{
  g_autofree char *tmp = octa_test_make_tmpdir ();
  g_autofree char *template_dir = make_project (tmp, "TEMPLATE", FALSE);
  g_auto(GStrv) names = work_names ();
  FileId ids[N_WORK];

  /* a) The edited bank was rewritten by another program. */
  {
    g_autofree char *dir = clone_project (template_dir, tmp, "A");
    g_autoptr(OctaProject) project = load_project (dir);
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) theirs = NULL;

    toggle_step (project, 0, 0, 0, 5);
    write_behind (dir, "bank01.work", 0);
    theirs = read_bytes (dir, "bank01.work");
    snapshot_dir (dir, names, ids);

    g_assert_false (octa_project_save (project, OCTA_SAVE_MODE_WORKING, OCTA_SAVE_FLAGS_NONE,
                                       NULL, &error));
    g_assert_error (error, OCTA_TRANSACTION_ERROR, OCTA_TRANSACTION_ERROR_CHANGED_ON_DISK);
    g_assert_nonnull (strstr (error->message, "bank01.work"));
    assert_dir_unchanged (dir, names, ids);
    g_assert_true (octa_project_get_modified (project));
    g_clear_error (&error);

    g_assert_true (octa_project_save (project, OCTA_SAVE_MODE_WORKING, OCTA_SAVE_FLAGS_FORCE,
                                      NULL, &error));
    g_assert_no_error (error);
    assert_file_is (project, dir, "bank01.work");
    g_assert_false (octa_project_get_modified (project));

    /* Once overwritten, the file is the project's again. */
    toggle_step (project, 0, 0, 0, 6);
    g_assert_true (octa_project_save (project, OCTA_SAVE_MODE_WORKING, OCTA_SAVE_FLAGS_NONE,
                                      NULL, &error));
    g_assert_no_error (error);
  }

  /* b) Only the modification time of a bank that is not edited moved. */
  {
    g_autofree char *dir = clone_project (template_dir, tmp, "B");
    g_autoptr(OctaProject) project = load_project (dir);
    g_autoptr(GError) error = NULL;

    toggle_step (project, 0, 0, 0, 5);
    touch_clone (dir, "bank02.work", 2000000000);
    snapshot_dir (dir, names, ids);

    g_assert_false (octa_project_save (project, OCTA_SAVE_MODE_WORKING, OCTA_SAVE_FLAGS_NONE,
                                       NULL, &error));
    g_assert_error (error, OCTA_TRANSACTION_ERROR, OCTA_TRANSACTION_ERROR_CHANGED_ON_DISK);
    g_assert_nonnull (strstr (error->message, "bank02.work"));
    assert_dir_unchanged (dir, names, ids);
    g_clear_error (&error);

    /* Forced: the project's version replaces it, bank01 is saved too. */
    g_assert_true (octa_project_save (project, OCTA_SAVE_MODE_WORKING, OCTA_SAVE_FLAGS_FORCE,
                                      NULL, &error));
    g_assert_no_error (error);
    assert_file_is (project, dir, "bank01.work");
    assert_file_is (project, dir, "bank02.work");
    assert_unsaved (project, OCTA_SAVE_MODE_WORKING, "");
    g_assert_true (octa_project_save (project, OCTA_SAVE_MODE_WORKING, OCTA_SAVE_FLAGS_NONE,
                                      NULL, &error));
    g_assert_no_error (error);
  }

  /* c) Only the modification time of the edited bank moved. */
  {
    g_autofree char *dir = clone_project (template_dir, tmp, "C");
    g_autoptr(OctaProject) project = load_project (dir);
    g_autoptr(GError) error = NULL;

    toggle_step (project, 0, 0, 0, 5);
    touch_clone (dir, "bank01.work", -3000000000);
    snapshot_dir (dir, names, ids);

    g_assert_false (octa_project_save (project, OCTA_SAVE_MODE_WORKING, OCTA_SAVE_FLAGS_NONE,
                                       NULL, &error));
    g_assert_error (error, OCTA_TRANSACTION_ERROR, OCTA_TRANSACTION_ERROR_CHANGED_ON_DISK);
    assert_dir_unchanged (dir, names, ids);
  }

  /* d) New contents behind an unchanged size and modification time. */
  {
    g_autofree char *dir = clone_project (template_dir, tmp, "D");
    g_autoptr(OctaProject) project = load_project (dir);
    g_autoptr(GError) error = NULL;
    FileId id;

    toggle_step (project, 0, 0, 0, 5);
    g_assert_true (file_id (dir, "bank01.work", &id));
    write_behind (dir, "bank01.work", 1);
    {
      g_autofree char *path = g_build_filename (dir, "bank01.work", NULL);
      set_mtime_raw (path, id.mtime_nsec);
    }
    snapshot_dir (dir, names, ids);

    g_assert_false (octa_project_save (project, OCTA_SAVE_MODE_WORKING, OCTA_SAVE_FLAGS_NONE,
                                       NULL, &error));
    g_assert_error (error, OCTA_TRANSACTION_ERROR, OCTA_TRANSACTION_ERROR_CHANGED_ON_DISK);
    assert_dir_unchanged (dir, names, ids);
  }

  /* e) A bank the partial project lacked was created meanwhile. */
  {
    g_autofree char *dir = clone_project (template_dir, tmp, "E");
    g_autofree char *path = g_build_filename (dir, "bank09.work", NULL);
    g_autoptr(OctaProject) project = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) theirs = NULL;

    g_assert_cmpint (g_unlink (path), ==, 0);
    project = load_project (dir);
    toggle_step (project, 0, 0, 0, 5);
    {
      g_autofree char *from = g_build_filename (dir, "bank02.work", NULL);
      gsize len;
      g_autofree guint8 *data = octa_test_read_file (from, &len);

      octa_test_write_file (path, data, len);
    }
    g_assert_false (octa_project_save (project, OCTA_SAVE_MODE_WORKING, OCTA_SAVE_FLAGS_NONE,
                                       NULL, &error));
    g_assert_error (error, OCTA_TRANSACTION_ERROR, OCTA_TRANSACTION_ERROR_CHANGED_ON_DISK);
    g_assert_nonnull (strstr (error->message, "bank09.work"));
    g_assert_nonnull (strstr (error->message, "created"));
  }

  octa_test_rm_rf (tmp);
}

/* Passes once octa_project_load() takes the snapshots itself. */
static void
test_load_takes_snapshots (void)
{
  g_autofree char *tmp = octa_test_make_tmpdir ();
  g_autofree char *dir = make_project (tmp, "WIRED", FALSE);
  g_autoptr(GFile) location = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(OctaProject) project = octa_project_load (location, NULL, &error);

  g_assert_no_error (error);
  if (!_octa_project_save_has_snapshots (project))
    {
      g_test_incomplete ("octa_project_load() does not call "
                         "_octa_project_save_take_snapshots() yet");
      g_clear_object (&project);
      octa_test_rm_rf (tmp);
      return;
    }

  toggle_step (project, 0, 0, 0, 5);
  write_behind (dir, "bank01.work", 0);
  g_assert_false (octa_project_save (project, OCTA_SAVE_MODE_WORKING, OCTA_SAVE_FLAGS_NONE,
                                     NULL, &error));
  g_assert_error (error, OCTA_TRANSACTION_ERROR, OCTA_TRANSACTION_ERROR_CHANGED_ON_DISK);

  g_clear_object (&project);
  octa_test_rm_rf (tmp);
}

typedef struct
{
  GMainLoop *loop;
  GThread   *main_thread;
  goffset    current;
  goffset    total;
  guint      n_progress;
  gboolean   done;
  gboolean   ok;
  GError    *error;
} AsyncState;

static void
on_progress (goffset  current,
             goffset  total,
             gpointer user_data)
{
  AsyncState *state = user_data;

  g_assert_true (g_thread_self () == state->main_thread);
  g_assert_false (state->done);
  g_assert_cmpint (current, >=, state->current);
  g_assert_cmpint (current, <=, total);
  state->current = current;
  state->total = total;
  state->n_progress++;
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  AsyncState *state = user_data;

  g_assert_true (g_thread_self () == state->main_thread);
  state->ok = octa_project_save_finish (OCTA_PROJECT (source), result, &state->error);
  state->done = TRUE;
  g_main_loop_quit (state->loop);
}

static void
test_async (void)
{
  g_autofree char *tmp = octa_test_make_tmpdir ();
  g_autofree char *dir = make_project (tmp, "ASYNC", FALSE);
  g_autoptr(OctaProject) project = load_project (dir);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_auto(GStrv) names = work_names ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  FileId ids[N_WORK];
  AsyncState state = { 0 };

  state.loop = loop;
  state.main_thread = g_thread_self ();

  /* Cancelled before it starts: nothing is written. */
  toggle_step (project, 3, 0, 0, 0);
  snapshot_dir (dir, names, ids);
  g_cancellable_cancel (cancellable);
  octa_project_save_async (project, OCTA_SAVE_MODE_WORKING, OCTA_SAVE_FLAGS_NONE, cancellable,
                           on_progress, &state, on_saved, &state);
  g_main_loop_run (loop);
  g_assert_false (state.ok);
  g_assert_error (state.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (state.n_progress, ==, 0);
  assert_dir_unchanged (dir, names, ids);
  g_assert_true (octa_project_get_modified (project));
  g_clear_error (&state.error);

  /* A real save. */
  state.done = FALSE;
  octa_project_save_async (project, OCTA_SAVE_MODE_WORKING, OCTA_SAVE_FLAGS_NONE, NULL,
                           on_progress, &state, on_saved, &state);
  /* One save at a time. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (octa_project_save (project, OCTA_SAVE_MODE_WORKING, OCTA_SAVE_FLAGS_NONE,
                                       NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PENDING);
  }
  g_main_loop_run (loop);
  g_assert_no_error (state.error);
  g_assert_true (state.ok);
  g_assert_cmpuint (state.n_progress, >=, 1);
  g_assert_cmpint (state.total, ==, OCTA_BANK_SIZE);
  g_assert_cmpint (state.current, ==, state.total);
  g_assert_false (octa_project_get_modified (project));
  assert_file_is (project, dir, "bank04.work");

  /* Edited while writing: what was written is saved, the new edit is not. */
  state.done = FALSE;
  state.current = 0;
  toggle_step (project, 3, 0, 0, 1);
  octa_project_save_async (project, OCTA_SAVE_MODE_WORKING, OCTA_SAVE_FLAGS_NONE, NULL,
                           NULL, NULL, on_saved, &state);
  toggle_step (project, 5, 0, 0, 1);
  g_main_loop_run (loop);
  g_assert_no_error (state.error);
  g_assert_true (state.ok);
  g_assert_true (octa_project_get_modified (project));
  assert_unsaved (project, OCTA_SAVE_MODE_WORKING, "bank06.work");
  assert_file_is (project, dir, "bank04.work");

  /* Undoing that edit brings the project back to what is on disk. */
  g_assert_true (octa_project_undo (project));
  assert_unsaved (project, OCTA_SAVE_MODE_WORKING, "");

  g_clear_object (&project);
  octa_test_rm_rf (tmp);
}

static void
test_save_as (void)
{
  g_autofree char *tmp = octa_test_make_tmpdir ();
  g_autofree char *folder_path = g_build_filename (tmp, "NEWPROJ", NULL);
  g_autofree char *device_path = g_build_filename (tmp, "sub", "DEVPROJ", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
  g_autoptr(GFile) device_folder = g_file_new_for_path (device_path);
  g_autofree char *busy_path = g_build_filename (tmp, "OTHER", NULL);
  g_autofree char *busy_file = g_build_filename (busy_path, "notes.txt", NULL);
  g_autoptr(GFile) busy_folder = g_file_new_for_path (busy_path);
  g_autoptr(OctaProject) project = octa_project_new_blank ("UNTITLED");
  g_autoptr(OctaProject) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) listing = NULL;
  g_auto(GStrv) names = work_names ();

  g_assert_false (octa_project_save (project, OCTA_SAVE_MODE_WORKING, OCTA_SAVE_FLAGS_NONE,
                                     NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Save As"));
  g_clear_error (&error);

  assert_unsaved (project, OCTA_SAVE_MODE_WORKING, "");
  toggle_step (project, 0, 0, 0, 0);
  assert_unsaved (project, OCTA_SAVE_MODE_WORKING, "bank01.work");

  /* A folder that holds something else is refused. */
  g_assert_cmpint (g_mkdir (busy_path, 0755), ==, 0);
  octa_test_write_file (busy_file, "x", 1);
  g_assert_false (octa_project_save_to_folder (project, busy_folder, OCTA_SAVE_MODE_WORKING,
                                               NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);

  g_assert_true (octa_project_save_to_folder (project, folder, OCTA_SAVE_MODE_WORKING,
                                              NULL, &error));
  g_assert_no_error (error);
  listing = list_dir (folder_path);
  g_assert_cmpuint (listing->len, ==, N_WORK);
  for (guint i = 0; i < N_WORK; i++)
    assert_file_is (project, folder_path, names[i]);
  g_assert_true (g_file_equal (octa_project_get_location (project), folder));
  g_assert_cmpstr (octa_project_get_name (project), ==, "NEWPROJ");
  g_assert_false (octa_project_get_modified (project));
  assert_unsaved (project, OCTA_SAVE_MODE_WORKING, "");

  reloaded = octa_project_load (folder, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < N_WORK; i++)
    {
      g_autoptr(GBytes) a = octa_project_encode_file (project, names[i]);
      g_autoptr(GBytes) b = octa_project_encode_file (reloaded, names[i]);
      g_assert_true (g_bytes_equal (a, b));
    }

  /* Now it saves in place, one file per edit. */
  toggle_step (project, 9, 0, 0, 0);
  assert_unsaved (project, OCTA_SAVE_MODE_WORKING, "bank10.work");
  g_assert_true (octa_project_save (project, OCTA_SAVE_MODE_WORKING, OCTA_SAVE_FLAGS_NONE,
                                    NULL, &error));
  g_assert_no_error (error);
  assert_file_is (project, folder_path, "bank10.work");

  /* Its own folder is not "another" folder. */
  toggle_step (project, 9, 0, 0, 1);
  g_assert_true (octa_project_save_to_folder (project, folder, OCTA_SAVE_MODE_WORKING,
                                              NULL, &error));
  g_assert_no_error (error);
  assert_file_is (project, folder_path, "bank10.work");

  /* DEVICE: with the stored state, into a folder created on the way. */
  g_assert_true (octa_project_save_to_folder (project, device_folder, OCTA_SAVE_MODE_DEVICE,
                                              NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&listing, g_ptr_array_unref);
  listing = list_dir (device_path);
  g_assert_cmpuint (listing->len, ==, N_WORK + 18);
  g_assert_true (exists (device_path, "bank16.strd"));
  g_assert_false (exists (device_path, "arr01.strd"));
  assert_file_is (project, device_path, "bank10.strd");
  g_assert_cmpstr (octa_project_get_name (project), ==, "DEVPROJ");
  g_assert_cmpuint (octa_project_count_unsaved_files (project, OCTA_SAVE_MODE_DEVICE), ==, 0);

  g_clear_object (&project);
  g_clear_object (&reloaded);
  octa_test_rm_rf (tmp);
}

static void
test_export_zip (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = octa_test_make_tmpdir ();
  g_autofree char *set = g_build_filename (tmp, "SET", NULL);
  g_autofree char *audio = g_build_filename (set, "AUDIO", NULL);
  g_autofree char *wav = g_build_filename (audio, "kick.wav", NULL);
  g_autofree char *zip_path = g_build_filename (tmp, "export.zip", NULL);
  g_autofree char *out = g_build_filename (tmp, "out", NULL);
  g_autofree char *extracted_wav = g_build_filename (out, "AUDIO", "kick.wav", NULL);
  g_autofree char *dir = NULL;
  g_autoptr(GFile) zip = g_file_new_for_path (zip_path);
  g_autoptr(OctaProject) project = NULL;
  g_autoptr(OctaProject) zipped = NULL;
  g_autoptr(OctaProjectFiles) loaded = NULL;
  g_autoptr(GFile) location = NULL;
  g_auto(GStrv) names = work_names ();

  g_assert_cmpint (g_mkdir_with_parents (audio, 0755), ==, 0);
  octa_test_write_file (wav, "RIFF....WAVE", 12);

  /* A slot that uses a sample of the set's audio pool. */
  {
    g_autoptr(OctaProjectFiles) files = template_files ("ZIPPED");

    dir = g_build_filename (set, "ZIPPED", NULL);
    g_assert_true (octa_project_file_add_sample (files->project[OCTA_STATE_WORK], OCTA_SLOT_FLEX,
                                                 0, "../AUDIO/kick.wav", &error));
    g_assert_no_error (error);
    octa_project_files_write_dir (files, dir, &error);
    g_assert_no_error (error);
  }
  project = load_project (dir);
  location = g_object_ref (octa_project_get_location (project));

  /* An unsaved edit: the zip holds the project as it is in memory. */
  toggle_step (project, 2, 0, 0, 0);

  g_assert_true (octa_project_export_zip (project, zip, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_equal (octa_project_get_location (project), location));
  g_assert_true (octa_project_get_modified (project));

  loaded = octa_project_files_load_zip (zip_path, OCTA_LOAD_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->name, ==, "ZIPPED");
  for (guint i = 0; i < N_WORK; i++)
    {
      g_autoptr(GBytes) a = octa_project_encode_file (project, names[i]);
      guint index = 0;
      OctaFileKind kind = octa_file_kind_from_filename (names[i]);
      g_autoptr(GBytes) b = NULL;

      if (kind == OCTA_FILE_KIND_BANK)
        index = (guint) g_ascii_strtoull (names[i] + 4, NULL, 10) - 1;
      else if (kind == OCTA_FILE_KIND_ARRANGEMENT)
        index = (guint) g_ascii_strtoull (names[i] + 3, NULL, 10) - 1;
      b = octa_project_files_encode_file (loaded, kind, index, OCTA_STATE_WORK);
      g_assert_nonnull (b);
      g_assert_true (g_bytes_equal (a, b));
    }

  octa_zip_extract (zip_path, out, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (extracted_wav, G_FILE_TEST_IS_REGULAR));

  /* A project opened from a zip is saved elsewhere, never into the zip. */
  zipped = octa_project_load (zip, NULL, &error);
  g_assert_no_error (error);
  toggle_step (zipped, 0, 0, 0, 3);
  g_assert_false (octa_project_save (zipped, OCTA_SAVE_MODE_WORKING, OCTA_SAVE_FLAGS_NONE,
                                     NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_assert_nonnull (strstr (error->message, "Save As"));
  g_clear_error (&error);
  g_assert_false (octa_project_export_zip (zipped, zip, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  {
    g_autofree char *as_path = g_build_filename (tmp, "FROMZIP", NULL);
    g_autoptr(GFile) as = g_file_new_for_path (as_path);

    g_assert_true (octa_project_save_to_folder (zipped, as, OCTA_SAVE_MODE_WORKING, NULL,
                                                &error));
    g_assert_no_error (error);
    assert_file_is (zipped, as_path, "bank01.work");
  }

  g_clear_object (&project);
  g_clear_object (&zipped);
  octa_test_rm_rf (tmp);
}

static gboolean
copy_tree_files (const char *from,
                 const char *to)
{
  g_autoptr(GPtrArray) names = list_dir (from);

  g_assert_cmpint (g_mkdir_with_parents (to, 0755), ==, 0);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *src = g_build_filename (from, names->pdata[i], NULL);
      g_autofree char *dst = g_build_filename (to, names->pdata[i], NULL);
      gsize len;
      g_autofree guint8 *data = NULL;

      if (!g_file_test (src, G_FILE_TEST_IS_REGULAR))
        continue;
      data = octa_test_read_file (src, &len);
      octa_test_write_file (dst, data, len);
    }
  return TRUE;
}

static void
test_corpus_device_save (void)
{
  g_autofree char *source = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(OctaProject) project = NULL;
  g_autoptr(OctaProject) reloaded = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) listing = NULL;
  g_autoptr(GFile) location = NULL;

  if (octa_test_skip_without_corpus ())
    return;

  source = g_build_filename (octa_test_corpus_dir (), "octatools", "DEV-OTsm@4780bf5",
                             "FLEX-ONESTRTEND", NULL);
  if (!g_file_test (source, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("FLEX-ONESTRTEND is not in the corpus");
      return;
    }

  /* Never write into the corpus. */
  tmp = octa_test_make_tmpdir ();
  dir = g_build_filename (tmp, "FLEX-ONESTRTEND", NULL);
  copy_tree_files (source, dir);

  project = load_project (dir);
  assert_unsaved (project, OCTA_SAVE_MODE_DEVICE, "");
  toggle_step (project, 0, 0, 2, 12);
  expected = octa_project_encode_file (project, "bank01.work");
  assert_unsaved (project, OCTA_SAVE_MODE_DEVICE, "bank01.work bank01.strd");

  g_assert_true (octa_project_save (project, OCTA_SAVE_MODE_DEVICE, OCTA_SAVE_FLAGS_NONE,
                                    NULL, &error));
  g_assert_no_error (error);

  location = g_file_new_for_path (dir);
  reloaded = octa_project_load (location, NULL, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GBytes) work = read_bytes (dir, "bank01.work");
    g_autoptr(GBytes) strd = read_bytes (dir, "bank01.strd");
    g_autoptr(GBytes) original = read_bytes (source, "bank01.work");
    gsize len;
    const guint8 *a = g_bytes_get_data (original, &len);
    const guint8 *b = g_bytes_get_data (work, NULL);
    guint n_diff = 0;

    g_assert_true (g_bytes_equal (work, expected));
    g_assert_true (g_bytes_equal (strd, expected));
    /* One trig bit and the two checksum bytes at most. */
    for (gsize i = 0; i < len; i++)
      n_diff += a[i] != b[i];
    g_assert_cmpuint (n_diff, >=, 1);
    g_assert_cmpuint (n_diff, <=, 3);
  }

  listing = list_dir (source);
  for (guint i = 0; i < listing->len; i++)
    {
      const char *name = g_ptr_array_index (listing, i);
      g_autoptr(GBytes) before = NULL;
      g_autoptr(GBytes) after = NULL;

      if (g_str_equal (name, "bank01.work") || g_str_equal (name, "bank01.strd"))
        continue;
      before = read_bytes (source, name);
      after = read_bytes (dir, name);
      if (!g_bytes_equal (before, after))
        g_error ("%s changed", name);
    }
  {
    g_autoptr(GPtrArray) now = list_dir (dir);
    g_assert_cmpuint (now->len, ==, listing->len);
  }

  g_clear_object (&project);
  g_clear_object (&reloaded);
  octa_test_rm_rf (tmp);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/save/one-step-one-file", test_one_step_one_file);
  g_test_add_func ("/model/save/text-and-partial-project", test_text_and_partial_project);
  g_test_add_func ("/model/save/device-mode", test_device_mode);
  g_test_add_func ("/model/save/device-mode-creates-strd", test_device_mode_creates_strd);
  g_test_add_func ("/model/save/fault-injection", test_fault_injection);
  g_test_add_func ("/model/save/rollback-failure", test_rollback_failure_passes_through);
  g_test_add_func ("/model/save/changed-on-disk", test_changed_on_disk);
  g_test_add_func ("/model/save/load-takes-snapshots", test_load_takes_snapshots);
  g_test_add_func ("/model/save/async", test_async);
  g_test_add_func ("/model/save/save-as", test_save_as);
  g_test_add_func ("/model/save/export-zip", test_export_zip);
  g_test_add_func ("/model/save/corpus-device-save", test_corpus_device_save);

  return g_test_run ();
}
