/* SPDX-License-Identifier: MIT */
#include "octa.h"
#include "octa-project-files.h"
#include "octa-test-utils.h"

/*
 * octa_pattern_track_get_unsaved_steps() and
 * octa_project_get_unsaved_patterns(): which steps and patterns differ from
 * the disk, through edits, hand-made reverts, saves, undo past a save and a
 * history whose saved state was dropped.
 */

#define BIT(s) (G_GUINT64_CONSTANT (1) << (s))

static char *
write_blank (const char *parent,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OctaProjectFiles) files = octa_project_files_new_blank (name);
  char *dir = g_build_filename (parent, name, NULL);

  octa_project_files_write_dir (files, dir, &error);
  g_assert_no_error (error);
  return dir;
}

static OctaProject *
load (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) location = g_file_new_for_path (dir);
  OctaProject *project = octa_project_load (location, NULL, &error);

  g_assert_no_error (error);
  return project;
}

static OctaPatternTrack *
get_track (OctaProject *project,
           guint        bank_index,
           guint        pattern_index,
           gboolean     midi,
           guint        index)
{
  g_autoptr(OctaBank) bank = octa_project_get_bank (project, bank_index);
  g_autoptr(OctaPattern) pattern = octa_bank_get_pattern (bank, pattern_index);

  if (midi)
    return OCTA_PATTERN_TRACK (octa_pattern_get_midi_track (pattern, index));
  return OCTA_PATTERN_TRACK (octa_pattern_get_audio_track (pattern, index));
}

static guint64
unsaved (OctaProject *project,
         guint        bank_index,
         guint        pattern_index,
         gboolean     midi,
         guint        index)
{
  g_autoptr(OctaPatternTrack) track = get_track (project, bank_index, pattern_index, midi, index);

  return octa_pattern_track_get_unsaved_steps (track);
}

/* Every track of every pattern of @bank_index is clean except those given. */
static void
assert_bank_clean_but (OctaProject *project,
                       guint        bank_index,
                       guint        except_pattern,
                       guint        except_row)
{
  for (guint p = 0; p < 16; p++)
    for (guint r = 0; r < 16; r++)
      if (p != except_pattern || r != except_row)
        g_assert_cmphex (unsaved (project, bank_index, p, r >= 8, r % 8), ==, 0);
}

static void
save (OctaProject *project)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (octa_project_save (project, OCTA_SAVE_MODE_WORKING, OCTA_SAVE_FLAGS_NONE,
                                    NULL, &error));
  g_assert_no_error (error);
  g_assert_false (octa_project_get_modified (project));
}

static void
test_edit_save_undo (void)
{
  g_autofree char *tmp = octa_test_make_tmpdir ();
  g_autofree char *dir = write_blank (tmp, "UNSAVED");
  g_autoptr(OctaProject) project = load (dir);
  g_autoptr(OctaPatternTrack) t2 = get_track (project, 2, 6, FALSE, 1);
  g_autoptr(OctaPatternTrack) m3 = get_track (project, 2, 6, TRUE, 2);
  g_autoptr(OctaStep) step40 = octa_pattern_track_get_step (t2, 39);
  g_autoptr(OctaStep) midi10 = octa_pattern_track_get_step (m3, 9);
  g_autoptr(OctaStep) step64 = octa_pattern_track_get_step (t2, 63);

  /* as loaded: the memory is the disk */
  for (guint b = 0; b < 16; b++)
    for (guint r = 0; r < 16; r++)
      g_assert_cmphex (unsaved (project, b, 0, r >= 8, r % 8), ==, 0);
  assert_bank_clean_but (project, 2, G_MAXUINT, G_MAXUINT);

  /* a trig bit marks its step only */
  octa_pattern_track_set_trig (t2, OCTA_TRIG_TYPE_TRIGGER, 4, TRUE);
  g_assert_cmphex (octa_pattern_track_get_unsaved_steps (t2), ==, BIT (4));
  assert_bank_clean_but (project, 2, 6, 1);

  /* a timing pair, a p-lock record, the last step's mask bit */
  octa_step_set_micro_timing (step40, 12);
  octa_step_set_plock (midi10, OCTA_MIDI_PLOCK_VEL, 100);
  octa_pattern_track_set_trig (t2, OCTA_TRIG_TYPE_SLIDE, 63, TRUE);
  g_assert_cmphex (octa_pattern_track_get_unsaved_steps (t2), ==, BIT (4) | BIT (39) | BIT (63));
  g_assert_cmphex (octa_pattern_track_get_unsaved_steps (m3), ==, BIT (9));
  g_assert_cmphex (unsaved (project, 2, 6, TRUE, 1), ==, 0);
  g_assert_cmphex (unsaved (project, 2, 5, FALSE, 1), ==, 0);

  /* edited back by hand: modified, but these bytes match the disk again */
  octa_pattern_track_set_trig (t2, OCTA_TRIG_TYPE_SLIDE, 63, FALSE);
  g_assert_true (octa_project_get_modified (project));
  g_assert_cmphex (octa_pattern_track_get_unsaved_steps (t2), ==, BIT (4) | BIT (39));
  g_assert_cmphex (octa_step_get_trig (step64, OCTA_TRIG_TYPE_SLIDE), ==, FALSE);

  save (project);
  g_assert_cmphex (octa_pattern_track_get_unsaved_steps (t2), ==, 0);
  g_assert_cmphex (octa_pattern_track_get_unsaved_steps (m3), ==, 0);

  /* undo past the save: the undone edit is now what the disk lacks */
  g_assert_true (octa_project_undo (project));   /* the slide trig off */
  g_assert_cmphex (octa_pattern_track_get_unsaved_steps (t2), ==, BIT (63));
  g_assert_true (octa_project_undo (project));   /* the slide trig on */
  g_assert_cmphex (octa_pattern_track_get_unsaved_steps (t2), ==, 0);
  g_assert_true (octa_project_undo (project));   /* the velocity lock */
  g_assert_cmphex (octa_pattern_track_get_unsaved_steps (m3), ==, BIT (9));
  g_assert_cmphex (octa_pattern_track_get_unsaved_steps (t2), ==, 0);

  /* redo back to the saved state */
  g_assert_true (octa_project_redo (project));
  g_assert_true (octa_project_redo (project));
  g_assert_true (octa_project_redo (project));
  g_assert_false (octa_project_get_modified (project));
  g_assert_cmphex (octa_pattern_track_get_unsaved_steps (m3), ==, 0);
  g_assert_cmphex (octa_pattern_track_get_unsaved_steps (t2), ==, 0);

  octa_test_rm_rf (tmp);
}

/* A new edit after undoing past the save drops the redo steps, and with
 * them the way back to the saved state: the marks still know the disk. */
static void
test_saved_state_dropped_from_history (void)
{
  g_autofree char *tmp = octa_test_make_tmpdir ();
  g_autofree char *dir = write_blank (tmp, "DROPPED");
  g_autoptr(OctaProject) project = load (dir);
  g_autoptr(OctaPatternTrack) t1 = get_track (project, 0, 0, FALSE, 0);
  g_autoptr(OctaStep) step3 = octa_pattern_track_get_step (t1, 2);

  octa_step_set_repeats (step3, 3);
  save (project);
  g_assert_true (octa_project_undo (project));
  g_assert_cmphex (octa_pattern_track_get_unsaved_steps (t1), ==, BIT (2));

  octa_pattern_track_set_trig (t1, OCTA_TRIG_TYPE_TRIGGER, 10, TRUE);
  g_assert_false (octa_history_get_can_redo (octa_project_get_history (project)));
  g_assert_cmphex (octa_pattern_track_get_unsaved_steps (t1), ==, BIT (2) | BIT (10));

  /* putting the saved value back by hand clears that step */
  octa_step_set_repeats (step3, 3);
  g_assert_cmphex (octa_pattern_track_get_unsaved_steps (t1), ==, BIT (10));

  save (project);
  g_assert_cmphex (octa_pattern_track_get_unsaved_steps (t1), ==, 0);
  octa_test_rm_rf (tmp);
}

/* A project never saved compares with itself as made; Save As makes the
 * folder its disk. */
static void
test_blank_then_save_as (void)
{
  g_autofree char *tmp = octa_test_make_tmpdir ();
  g_autofree char *dir = g_build_filename (tmp, "FRESH", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(OctaProject) project = octa_project_new_blank ("FRESH");
  g_autoptr(OctaPatternTrack) m8 = get_track (project, 15, 15, TRUE, 7);
  g_autoptr(GError) error = NULL;

  g_assert_cmphex (octa_pattern_track_get_unsaved_steps (m8), ==, 0);
  octa_pattern_track_set_trig (m8, OCTA_TRIG_TYPE_TRIGLESS, 0, TRUE);
  g_assert_cmphex (octa_pattern_track_get_unsaved_steps (m8), ==, BIT (0));

  g_assert_true (octa_project_save_to_folder (project, folder, OCTA_SAVE_MODE_WORKING, NULL,
                                              &error));
  g_assert_no_error (error);
  g_assert_cmphex (octa_pattern_track_get_unsaved_steps (m8), ==, 0);

  g_assert_true (octa_project_undo (project));
  g_assert_cmphex (octa_pattern_track_get_unsaved_steps (m8), ==, BIT (0));
  octa_test_rm_rf (tmp);
}

/* A damaged bank replaced by its saved copy: the disk holds something
 * else entirely, so every step of it is unsaved until the next save. */
static void
test_saved_copy_replaces_damaged (void)
{
  g_autofree char *tmp = octa_test_make_tmpdir ();
  g_autofree char *dir = g_build_filename (tmp, "DAMAGED", NULL);
  g_autofree char *work = g_build_filename (dir, "bank03.work", NULL);
  g_autoptr(OctaProjectFiles) files = octa_project_files_new_blank ("DAMAGED");
  g_autoptr(GFile) location = g_file_new_for_path (dir);
  g_autoptr(OctaProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *bytes = NULL;
  gsize len;

  for (guint b = 0; b < OCTA_N_BANKS; b++)
    {
      g_autofree char *strd = g_strdup_printf ("bank%02u.strd", b + 1);

      files->banks[OCTA_STATE_STRD][b] = octa_bank_file_copy (files->banks[OCTA_STATE_WORK][b]);
      octa_image_set_name (octa_bank_file_get_image (files->banks[OCTA_STATE_STRD][b]), strd);
    }
  g_assert_true (octa_project_files_write_dir (files, dir, &error));
  g_assert_no_error (error);
  bytes = octa_test_read_file (work, &len);
  octa_test_write_file (work, bytes, len / 2);

  project = octa_project_load_with_flags (location, OCTA_PROJECT_LOAD_FLAGS_OPEN_DAMAGED, NULL,
                                          &error);
  g_assert_no_error (error);
  g_assert_cmphex (unsaved (project, 2, 0, FALSE, 0), ==, 0);
  g_assert_true (octa_project_open_saved_copy (project, "bank03.work", &error));
  g_assert_no_error (error);
  g_assert_cmphex (unsaved (project, 2, 0, FALSE, 0), ==, G_MAXUINT64);
  g_assert_cmphex (unsaved (project, 2, 15, TRUE, 7), ==, G_MAXUINT64);
  g_assert_cmphex (unsaved (project, 1, 0, FALSE, 0), ==, 0);
  g_assert_cmphex (octa_project_get_unsaved_patterns (project, 2), ==, 0xFFFF);
  g_assert_cmphex (octa_project_get_unsaved_patterns (project, 1), ==, 0);

  save (project);
  g_assert_cmphex (unsaved (project, 2, 0, FALSE, 0), ==, 0);
  g_assert_cmphex (octa_project_get_unsaved_patterns (project, 2), ==, 0);
  octa_test_rm_rf (tmp);
}

/* Per pattern, as the bank matrix marks them: the first and last pattern
 * of a bank (the edges of the byte ranges), several in one bank, none in
 * the others, and back to none after a revert, an undo or a save. */
static void
test_unsaved_patterns (void)
{
  g_autofree char *tmp = octa_test_make_tmpdir ();
  g_autofree char *dir = write_blank (tmp, "PATTERNS");
  g_autoptr(OctaProject) project = load (dir);
  g_autoptr(OctaPatternTrack) first = get_track (project, 0, 0, FALSE, 0);
  g_autoptr(OctaPatternTrack) last = get_track (project, 0, 15, TRUE, 7);
  g_autoptr(OctaPatternTrack) other = get_track (project, 9, 4, FALSE, 3);

  for (guint b = 0; b < OCTA_N_BANKS; b++)
    g_assert_cmphex (octa_project_get_unsaved_patterns (project, b), ==, 0);

  octa_pattern_track_set_trig (first, OCTA_TRIG_TYPE_TRIGGER, 0, TRUE);
  octa_pattern_track_set_trig (last, OCTA_TRIG_TYPE_TRIGGER, 63, TRUE);
  octa_pattern_track_set_trig (other, OCTA_TRIG_TYPE_TRIGLESS, 17, TRUE);
  g_assert_cmphex (octa_project_get_unsaved_patterns (project, 0), ==, 0x8001);
  g_assert_cmphex (octa_project_get_unsaved_patterns (project, 9), ==, 1u << 4);
  for (guint b = 1; b < OCTA_N_BANKS; b++)
    if (b != 9)
      g_assert_cmphex (octa_project_get_unsaved_patterns (project, b), ==, 0);

  /* changed back by hand: equal to the disk again, though the project
   * still counts as modified */
  octa_pattern_track_set_trig (last, OCTA_TRIG_TYPE_TRIGGER, 63, FALSE);
  g_assert_cmphex (octa_project_get_unsaved_patterns (project, 0), ==, 0x0001);
  g_assert_true (octa_project_get_modified (project));

  g_assert_true (octa_project_undo (project));
  g_assert_cmphex (octa_project_get_unsaved_patterns (project, 0), ==, 0x8001);
  g_assert_true (octa_project_redo (project));

  save (project);
  g_assert_cmphex (octa_project_get_unsaved_patterns (project, 0), ==, 0);
  g_assert_cmphex (octa_project_get_unsaved_patterns (project, 9), ==, 0);

  /* undo past the save: the disk now holds the trig */
  g_assert_true (octa_project_undo (project));
  g_assert_cmphex (octa_project_get_unsaved_patterns (project, 0), ==, 0x8000);
  octa_test_rm_rf (tmp);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/unsaved-steps/edit-save-undo", test_edit_save_undo);
  g_test_add_func ("/model/unsaved-steps/saved-state-dropped", test_saved_state_dropped_from_history);
  g_test_add_func ("/model/unsaved-steps/blank-then-save-as", test_blank_then_save_as);
  g_test_add_func ("/model/unsaved-steps/unsaved-patterns", test_unsaved_patterns);
  g_test_add_func ("/model/unsaved-steps/saved-copy-replaces-damaged",
                   test_saved_copy_replaces_damaged);
  return g_test_run ();
}
