/* SPDX-License-Identifier: MIT */
#include <string.h>

#include "octa.h"
#include "octa-project-private.h"
#include "octa-test-utils.h"

/* ---- Helpers ----------------------------------------------------------- */

static OctaDiffItem *
find_item (OctaDiff   *diff,
           const char *path)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (diff)); i++)
    {
      OctaDiffItem *item = g_list_model_get_item (G_LIST_MODEL (diff), i);

      if (g_str_equal (octa_diff_item_get_path (item), path))
        return item;
      g_object_unref (item);
    }
  return NULL;
}

static char *
describe (OctaDiff *diff)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (diff)); i++)
    {
      g_autoptr(OctaDiffItem) item = g_list_model_get_item (G_LIST_MODEL (diff), i);

      g_string_append_printf (s, "%s: %s → %s\n", octa_diff_item_get_path (item),
                              octa_diff_item_get_old_value (item),
                              octa_diff_item_get_new_value (item));
    }
  return g_string_free (s, FALSE);
}

static guint
n_items (OctaDiff *diff)
{
  return g_list_model_get_n_items (G_LIST_MODEL (diff));
}

static gboolean
edit_int (OctaProjectFile *file,
          gpointer         user_data,
          GError         **error)
{
  return octa_project_file_set_int (file, OCTA_SECTION_SETTINGS, "TEMPOx24", 0,
                                    GPOINTER_TO_INT (user_data), error);
}

typedef struct
{
  OctaSlotType type;
  guint        slot;
  const char  *path;
} SlotEdit;

static gboolean
edit_slot (OctaProjectFile *file,
           gpointer         user_data,
           GError         **error)
{
  SlotEdit *e = user_data;

  return octa_project_file_add_sample (file, e->type, e->slot, e->path, error);
}

static void
add_slot (OctaProject  *project,
          OctaSlotType  type,
          guint         slot,
          const char   *path)
{
  SlotEdit e = { type, slot, path };
  g_autoptr(GError) error = NULL;

  g_assert_true (_octa_project_edit_text (project, OCTA_STATE_WORK, "test", edit_slot, &e,
                                          &error));
  g_assert_no_error (error);
}

static char *
save_to (const char   *dir,
         OctaProject  *project)
{
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;

  g_assert_true (octa_project_save_to_folder (project, folder, OCTA_SAVE_MODE_DEVICE, NULL,
                                              &error));
  g_assert_no_error (error);
  return g_strdup (dir);
}

/* Take @path alone with @side, check it left the diff and undo brings it back. */
static void
check_item_take (OctaProject *project,
                 OctaDiff   *(*make) (OctaProject *),
                 const char  *path,
                 OctaDiffSide side)
{
  g_autoptr(OctaDiff) before = make (project);
  g_autoptr(OctaDiffItem) item = find_item (before, path);
  g_autoptr(OctaDiff) after = NULL;
  g_autoptr(OctaDiff) undone = NULL;
  g_autoptr(OctaDiffItem) gone = NULL;
  g_autoptr(OctaDiffItem) back = NULL;
  g_autoptr(GError) error = NULL;
  guint n = n_items (before);

  if (item == NULL)
    {
      g_autofree char *all = describe (before);

      g_error ("no item %s in:\n%s", path, all);
    }
  g_assert_true (octa_diff_item_take (item, side, &error));
  g_assert_no_error (error);

  after = make (project);
  gone = find_item (after, path);
  g_assert_null (gone);
  g_assert_cmpuint (n_items (after), ==, n - 1);

  g_assert_true (octa_project_undo (project));
  undone = make (project);
  back = find_item (undone, path);
  g_assert_nonnull (back);
  g_assert_cmpstr (octa_diff_item_get_old_value (back), ==, octa_diff_item_get_old_value (item));
  g_assert_cmpstr (octa_diff_item_get_new_value (back), ==, octa_diff_item_get_new_value (item));
  g_assert_cmpuint (n_items (undone), ==, n);
  g_assert_true (octa_project_redo (project));
}

/* ---- Working state against saved state --------------------------------- */

static OctaDiff *
make_saved (OctaProject *project)
{
  return octa_diff_new_saved_state (project);
}

static void
test_saved_items (void)
{
  g_autofree char *tmp = octa_test_make_tmpdir ();
  g_autofree char *dir = g_build_filename (tmp, "SONG", NULL);
  g_autoptr(OctaProject) project = octa_project_new_blank ("SONG");
  g_autofree char *saved = save_to (dir, project);
  OctaBankFile *bank = _octa_project_get_bank_file (project, 0, OCTA_STATE_WORK);
  OctaArrangementFile *arr = _octa_project_get_arrangement_file (project, 0, OCTA_STATE_WORK);
  OctaMarkersFile *markers = _octa_project_get_markers_file (project, OCTA_STATE_WORK);
  g_autoptr(GError) error = NULL;
  g_autoptr(OctaDiff) all = NULL;
  g_autoptr(OctaDiff) left = NULL;
  static const char *const paths[] = {
    "A01.T1.1.trig", "A01.T3.17.lock-amp-vol", "A01.T1.5.condition", "A01.T1.5.micro-timing",
    "A02.length", "A02.tempo-x24", "A.part1.T2.fx1-param1", "A.part1.name", "A04.tail.byte-8",
    "settings.tempo-x24", "flex.12.path", "flex.3.markers.trim-end",
  };

  octa_project_begin_change (project, "edits");
  octa_bank_file_set_trig (bank, 0, OCTA_TRACK_AUDIO, 0, OCTA_TRIG_TRIGGER, 0, TRUE);
  octa_bank_file_set_plock (bank, 0, OCTA_TRACK_AUDIO, 2, 16, OCTA_AUDIO_PLOCK_AMP_VOL, 100);
  octa_bank_file_set_condition (bank, 0, OCTA_TRACK_AUDIO, 0, 4, 3);
  octa_bank_file_set_micro_timing (bank, 0, OCTA_TRACK_AUDIO, 0, 4, -5);
  octa_bank_file_set_pattern_length (bank, 1, 32);
  octa_bank_file_set_pattern_tempo_x24 (bank, 1, 3000);
  octa_bank_file_set_part_value (bank, 0, OCTA_PART_UNSAVED, OCTA_PART_AREA_VALUES, 1, 12, 10);
  g_assert_true (octa_bank_file_set_part_name (bank, 0, "DRUMS", &error));
  g_assert_no_error (error);
  octa_bank_file_set_pattern_tail_unknown (bank, 3, 0, 7);
  g_assert_true (octa_arrangement_file_set_name (arr, OCTA_ARRANGEMENT_WORKING, "VERSE", &error));
  g_assert_no_error (error);
  octa_markers_file_set_trim_end (markers, OCTA_SLOT_FLEX, 2, 4410);
  octa_project_end_change (project);
  g_assert_true (_octa_project_edit_text (project, OCTA_STATE_WORK, "test", edit_int,
                                          GINT_TO_POINTER (3000), &error));
  g_assert_no_error (error);
  add_slot (project, OCTA_SLOT_FLEX, 11, "../AUDIO/kick.wav");

  all = make_saved (project);
  {
    g_autofree char *text = describe (all);

    g_test_message ("%s", text);
  }
  /* The saved state has no arr01.strd: a "file" item, then the name. */
  g_assert_cmpuint (n_items (all), ==, G_N_ELEMENTS (paths) + 2);

  /* Taking A in this mode writes nothing. */
  {
    g_autoptr(OctaDiffItem) item = find_item (all, "A01.T1.1.trig");
    guint n_undo = octa_history_get_n_undo (octa_project_get_history (project));

    g_assert_cmpstr (octa_diff_item_get_value (item, OCTA_DIFF_SIDE_A), ==, "true");
    g_assert_cmpstr (octa_diff_item_get_value (item, OCTA_DIFF_SIDE_B), ==, "false");
    g_assert_true (octa_diff_item_take (item, OCTA_DIFF_SIDE_A, &error));
    g_assert_cmpuint (octa_history_get_n_undo (octa_project_get_history (project)), ==, n_undo);
  }

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    check_item_take (project, make_saved, paths[i], OCTA_DIFF_SIDE_B);

  /* The condition went back alone: micro-timing was taken separately. */
  {
    guint repeats, condition;
    gint micro;

    octa_step_timing_decode (octa_bank_file_get_image (bank)->data
                             + octa_bank_step_timing_offset (0, OCTA_TRACK_AUDIO, 0, 4),
                             &repeats, &micro, &condition);
    g_assert_cmpint (micro, ==, 0);
    g_assert_cmpuint (condition, ==, 0);
  }

  /* The missing file: taking it makes the working file what a missing one
   * stands for, a blank, so its name goes too. */
  {
    g_autoptr(OctaDiff) d = make_saved (project);
    g_autoptr(OctaDiffItem) item = find_item (d, "arr01.strd");

    g_assert_cmpuint (n_items (d), ==, 2);
    g_assert_cmpstr (octa_diff_item_get_kind (item), ==, "file");
    g_assert_true (octa_diff_item_take (item, OCTA_DIFF_SIDE_B, &error));
    g_assert_no_error (error);
  }

  /* Every item was taken: the working state is the saved state again. */
  left = make_saved (project);
  g_assert_true (octa_diff_is_empty (left));
  {
    g_autoptr(GBytes) work = octa_project_encode_file (project, "bank01.work");
    g_autoptr(GBytes) strd = octa_project_encode_file (project, "bank01.strd");

    g_assert_true (g_bytes_equal (work, strd));
  }

  g_clear_object (&project);
  octa_test_rm_rf (tmp);
}

static void
test_saved_groups (void)
{
  g_autofree char *tmp = octa_test_make_tmpdir ();
  g_autofree char *dir = g_build_filename (tmp, "SONG", NULL);
  g_autoptr(OctaProject) project = octa_project_new_blank ("SONG");
  g_autofree char *saved = save_to (dir, project);
  OctaBankFile *bank = _octa_project_get_bank_file (project, 0, OCTA_STATE_WORK);
  OctaBankFile *bank_b = _octa_project_get_bank_file (project, 1, OCTA_STATE_WORK);
  g_autoptr(GError) error = NULL;
  g_autoptr(OctaDiff) all = NULL;
  guint n;

  octa_project_begin_change (project, "edits");
  for (guint s = 0; s < 16; s++)
    octa_bank_file_set_trig (bank, 0, OCTA_TRACK_AUDIO, 2, OCTA_TRIG_TRIGGER, s, TRUE);
  octa_bank_file_set_plock (bank, 0, OCTA_TRACK_AUDIO, 2, 0, OCTA_AUDIO_PLOCK_AMP_VOL, 100);
  octa_bank_file_set_trig (bank, 0, OCTA_TRACK_AUDIO, 4, OCTA_TRIG_TRIGGER, 8, TRUE);
  octa_bank_file_set_trig (bank_b, 5, OCTA_TRACK_AUDIO, 0, OCTA_TRIG_TRIGGER, 0, TRUE);
  octa_project_end_change (project);
  add_slot (project, OCTA_SLOT_STATIC, 0, "../AUDIO/pad.wav");

  all = make_saved (project);
  n = n_items (all);
  g_assert_cmpuint (n, ==, 16 + 1 + 1 + 1 + 1);

  /* A step: its trig and its lock, one undo step. */
  g_assert_true (octa_diff_take (all, "A01.T3.1", OCTA_DIFF_SIDE_B, &error));
  g_assert_no_error (error);
  {
    g_autoptr(OctaDiff) d = make_saved (project);

    g_assert_cmpuint (octa_diff_count_in (d, "A01.T3.1"), ==, 0);
    g_assert_cmpuint (octa_diff_count_in (d, "A01.T3"), ==, 15);
    g_assert_cmpuint (n_items (d), ==, n - 2);
  }
  /* A track */
  g_assert_true (octa_diff_take (all, "A01.T3", OCTA_DIFF_SIDE_B, &error));
  {
    g_autoptr(OctaDiff) d = make_saved (project);

    g_assert_cmpuint (octa_diff_count_in (d, "A01"), ==, 1);
  }
  /* A pattern */
  g_assert_true (octa_diff_take (all, "A01", OCTA_DIFF_SIDE_B, &error));
  {
    g_autoptr(OctaDiff) d = make_saved (project);

    g_assert_cmpuint (octa_diff_count_in (d, "A01"), ==, 0);
    g_assert_cmpuint (octa_diff_count_in (d, "A"), ==, 0);
  }
  g_assert_true (octa_project_undo (project));
  /* A bank takes its patterns, the slot goes whole */
  g_assert_true (octa_diff_take (all, "A", OCTA_DIFF_SIDE_B, &error));
  g_assert_true (octa_diff_take (all, "static.1", OCTA_DIFF_SIDE_B, &error));
  g_assert_no_error (error);
  {
    g_autoptr(OctaDiff) d = make_saved (project);

    g_assert_cmpuint (n_items (d), ==, 1);
    g_assert_cmpuint (octa_diff_count_in (d, "B06"), ==, 1);
  }
  /* One undo brings the bank back, not the slot. */
  g_assert_true (octa_project_undo (project));
  g_assert_true (octa_project_undo (project));
  {
    g_autoptr(OctaDiff) d = make_saved (project);

    g_assert_cmpuint (octa_diff_count_in (d, "A"), ==, 1);
    g_assert_cmpuint (octa_diff_count_in (d, "static.1"), ==, 1);
  }
  /* Everything */
  g_assert_true (octa_diff_take (all, "", OCTA_DIFF_SIDE_B, &error));
  {
    g_autoptr(OctaDiff) d = make_saved (project);

    g_assert_true (octa_diff_is_empty (d));
  }

  g_clear_object (&project);
  octa_test_rm_rf (tmp);
}

/* The open project against what is on disk: taking B reverts to the disk. */
static void
test_unsaved (void)
{
  g_autofree char *tmp = octa_test_make_tmpdir ();
  g_autofree char *dir = g_build_filename (tmp, "SONG", NULL);
  g_autoptr(OctaProject) project = octa_project_new_blank ("SONG");
  g_autofree char *saved = save_to (dir, project);
  OctaBankFile *bank = _octa_project_get_bank_file (project, 4, OCTA_STATE_WORK);
  g_autoptr(GError) error = NULL;
  g_autoptr(OctaDiff) diff = NULL;
  g_autoptr(OctaDiff) after = NULL;

  octa_project_begin_change (project, "edits");
  octa_bank_file_set_trig (bank, 7, OCTA_TRACK_MIDI, 5, OCTA_TRIG_TRIGGER, 63, TRUE);
  octa_project_end_change (project);
  g_assert_true (_octa_project_edit_text (project, OCTA_STATE_WORK, "test", edit_int,
                                          GINT_TO_POINTER (2400), &error));
  g_assert_no_error (error);

  diff = octa_diff_new_unsaved (project, &error);
  g_assert_no_error (error);
  g_assert_cmpint (octa_diff_get_mode (diff), ==, OCTA_DIFF_MODE_UNSAVED);
  g_assert_true (octa_diff_get_side_a (diff) == project);
  g_assert_null (octa_diff_get_side_b (diff));
  g_assert_cmpuint (n_items (diff), ==, 2);
  g_assert_true (octa_diff_take (diff, "", OCTA_DIFF_SIDE_B, &error));
  g_assert_no_error (error);
  after = octa_diff_new_unsaved (project, &error);
  g_assert_no_error (error);
  g_assert_true (octa_diff_is_empty (after));
  g_assert_cmpstr (octa_history_get_undo_label (octa_project_get_history (project)), ==,
                   "Use B for everything");

  g_clear_object (&project);
  octa_test_rm_rf (tmp);
}

/* ---- A part against its saved copy ------------------------------------- */

static OctaPart *the_part;

static OctaDiff *
make_part (OctaProject *project)
{
  return octa_diff_new_part (the_part);
}

static void
test_part (void)
{
  g_autoptr(OctaProject) project = octa_project_new_blank ("SONG");
  g_autoptr(OctaBank) bank = octa_project_get_bank (project, 1);
  g_autoptr(OctaPart) part = octa_bank_get_part (bank, 2);
  OctaBankFile *file = _octa_project_get_bank_file (project, 1, OCTA_STATE_WORK);
  g_autoptr(GError) error = NULL;
  gsize unsaved = octa_bank_part_offset (2, OCTA_PART_UNSAVED)
                  + octa_part_area_offset (OCTA_PART_AREA_VALUES, 1, 12);
  gsize saved = octa_bank_part_offset (2, OCTA_PART_SAVED)
                + octa_part_area_offset (OCTA_PART_AREA_VALUES, 1, 12);
  const guint8 *data = octa_bank_file_get_image (file)->data;

  the_part = part;
  octa_part_save (part);
  octa_project_begin_change (project, "test");
  octa_bank_file_set_part_value (file, 2, OCTA_PART_UNSAVED, OCTA_PART_AREA_VALUES, 1, 12, 10);
  octa_bank_file_set_machine (file, 2, OCTA_PART_UNSAVED, 3, OCTA_MACHINE_FLEX);
  octa_project_end_change (project);

  /* Use B = reload the item; Use A = save it into the saved copy. */
  check_item_take (project, make_part, "B.part3.T2.fx1-param1", OCTA_DIFF_SIDE_B);
  g_assert_cmpuint (data[unsaved], ==, data[saved]);
  g_assert_true (octa_project_undo (project));
  g_assert_cmpuint (data[unsaved], ==, 10);
  check_item_take (project, make_part, "B.part3.T2.fx1-param1", OCTA_DIFF_SIDE_A);
  g_assert_cmpuint (data[saved], ==, 10);
  g_assert_cmpuint (data[unsaved], ==, 10);

  /* The whole part: RELOAD */
  {
    g_autoptr(OctaDiff) d = make_part (project);
    g_autoptr(OctaDiff) after = NULL;

    g_assert_cmpuint (n_items (d), ==, 1);
    g_assert_true (octa_diff_take (d, "B.part3", OCTA_DIFF_SIDE_B, &error));
    g_assert_no_error (error);
    after = make_part (project);
    g_assert_true (octa_diff_is_empty (after));
    g_assert_cmpstr (octa_history_get_undo_label (octa_project_get_history (project)), ==,
                     "Reload part");
  }
  the_part = NULL;
}

/* ---- Project against project, with samples ----------------------------- */

static void
write_sample (const char *dir,
              const char *name,
              gsize       size)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree guint8 *data = g_malloc0 (size);

  for (gsize i = 0; i < size; i++)
    data[i] = i * 7 + size;
  octa_test_write_file (path, data, size);
}

static guint8
sample_lock (OctaProject *p,
             guint        track,
             guint        step)
{
  return octa_bank_file_get_plock (_octa_project_get_bank_file (p, 0, OCTA_STATE_WORK), 0,
                                   OCTA_TRACK_AUDIO, track, step, OCTA_AUDIO_PLOCK_SAMPLE_LOCK);
}

static char *
slot_path (OctaProject  *p,
           OctaSlotType  type,
           guint         slot)
{
  return octa_project_file_dup_sample_path (_octa_project_get_project_file (p, OCTA_STATE_WORK),
                                            type, slot);
}

static void
test_projects_remap (void)
{
  g_autofree char *set = octa_test_make_tmpdir ();
  g_autofree char *audio = g_build_filename (set, "AUDIO", NULL);
  g_autofree char *audio2 = g_build_filename (set, "AUDIO2", NULL);
  g_autofree char *dir_a = g_build_filename (set, "ALPHA", NULL);
  g_autofree char *dir_b = g_build_filename (set, "BETA", NULL);
  g_autoptr(OctaProject) a = octa_project_new_blank ("ALPHA");
  g_autoptr(OctaProject) b = octa_project_new_blank ("BETA");
  g_autofree char *sa = NULL, *sb = NULL;
  OctaBankFile *bank_b = _octa_project_get_bank_file (b, 0, OCTA_STATE_WORK);
  g_autoptr(OctaDiff) diff = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (audio, 0755), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (audio2, 0755), ==, 0);
  write_sample (audio, "hat.wav", 100);
  write_sample (audio, "kick.wav", 200);
  write_sample (audio, "snare.wav", 300);
  write_sample (audio, "crash.wav", 400);
  write_sample (audio, "other.wav", 500);
  write_sample (audio2, "snare.wav", 300);
  sa = save_to (dir_a, a);
  sb = save_to (dir_b, b);

  /* A: Flex 1 hat, 2 kick, 3 other, 5 a copy of snare elsewhere; Static 1 other. */
  add_slot (a, OCTA_SLOT_FLEX, 0, "../AUDIO/hat.wav");
  add_slot (a, OCTA_SLOT_FLEX, 1, "../AUDIO/kick.wav");
  add_slot (a, OCTA_SLOT_FLEX, 2, "../AUDIO/other.wav");
  add_slot (a, OCTA_SLOT_FLEX, 4, "../AUDIO2/snare.wav");
  add_slot (a, OCTA_SLOT_STATIC, 0, "../AUDIO/other.wav");
  /* B: Flex 1 kick, 2 snare, 3 crash; Static 1 hat. */
  add_slot (b, OCTA_SLOT_FLEX, 0, "../AUDIO/kick.wav");
  add_slot (b, OCTA_SLOT_FLEX, 1, "../AUDIO/snare.wav");
  add_slot (b, OCTA_SLOT_FLEX, 2, "../AUDIO/crash.wav");
  add_slot (b, OCTA_SLOT_STATIC, 0, "../AUDIO/hat.wav");

  octa_project_begin_change (b, "edits");
  octa_bank_file_set_machine (bank_b, 0, OCTA_PART_UNSAVED, 0, OCTA_MACHINE_FLEX);
  octa_bank_file_set_machine (bank_b, 0, OCTA_PART_UNSAVED, 1, OCTA_MACHINE_STATIC);
  octa_bank_file_set_part_value (bank_b, 0, OCTA_PART_UNSAVED, OCTA_PART_AREA_SLOTS, 0, 1, 1);
  octa_bank_file_set_part_value (bank_b, 0, OCTA_PART_UNSAVED, OCTA_PART_AREA_SLOTS, 1, 0, 0);
  for (guint s = 0; s < 3; s++)
    {
      octa_bank_file_set_trig (bank_b, 0, OCTA_TRACK_AUDIO, 0, OCTA_TRIG_TRIGGER, s, TRUE);
      octa_bank_file_set_plock (bank_b, 0, OCTA_TRACK_AUDIO, 0, s, OCTA_AUDIO_PLOCK_SAMPLE_LOCK, s);
    }
  octa_markers_file_set_trim_end (_octa_project_get_markers_file (b, OCTA_STATE_WORK),
                                  OCTA_SLOT_FLEX, 2, 12345);
  octa_project_end_change (b);

  diff = octa_diff_new_projects (a, b);
  g_assert_cmpuint (octa_diff_count_in (diff, "A01"), >, 0);

  /* The pattern: kick is A's Flex 2, snare A's Flex 5 (same name and size),
   * crash is new and goes to the lowest free Flex slot, 4. */
  g_assert_true (octa_diff_take (diff, "A01", OCTA_DIFF_SIDE_B, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sample_lock (a, 0, 0), ==, 1);
  g_assert_cmpuint (sample_lock (a, 0, 1), ==, 4);
  g_assert_cmpuint (sample_lock (a, 0, 2), ==, 3);
  g_assert_true (octa_bank_file_get_trig (_octa_project_get_bank_file (a, 0, OCTA_STATE_WORK), 0,
                                          OCTA_TRACK_AUDIO, 0, OCTA_TRIG_TRIGGER, 2));
  {
    g_autofree char *p3 = slot_path (a, OCTA_SLOT_FLEX, 3);
    g_autofree char *p2 = slot_path (a, OCTA_SLOT_FLEX, 2);
    g_autoptr(GBytes) text = octa_project_encode_file (a, "project.work");

    g_assert_cmpstr (p3, ==, "../AUDIO/crash.wav");
    g_assert_cmpstr (p2, ==, "../AUDIO/other.wav");
    g_assert_cmpuint (octa_markers_file_get_trim_end (_octa_project_get_markers_file (a, OCTA_STATE_WORK),
                                                      OCTA_SLOT_FLEX, 3), ==, 12345);
    g_assert_nonnull (g_strstr_len (g_bytes_get_data (text, NULL), g_bytes_get_size (text),
                                    "../AUDIO/crash.wav"));
  }
  /* One undo step took it all back. */
  g_assert_true (octa_project_undo (a));
  g_assert_cmpuint (sample_lock (a, 0, 2), ==, 0xFF);
  g_assert_null (slot_path (a, OCTA_SLOT_FLEX, 3));
  g_assert_true (octa_project_redo (a));

  /* The part: T1's Flex slot (snare) is A's Flex 5; T2's Static slot (hat)
   * is new to A's Static slots and lands in the first free one, 2. */
  g_assert_true (octa_diff_take (diff, "A.part1", OCTA_DIFF_SIDE_B, &error));
  g_assert_no_error (error);
  {
    OctaBankFile *bank_a = _octa_project_get_bank_file (a, 0, OCTA_STATE_WORK);
    g_autofree char *s2 = slot_path (a, OCTA_SLOT_STATIC, 1);

    g_assert_cmpuint (octa_bank_file_get_part_value (bank_a, 0, OCTA_PART_UNSAVED,
                                                     OCTA_PART_AREA_SLOTS, 0, 1), ==, 4);
    g_assert_cmpuint (octa_bank_file_get_part_value (bank_a, 0, OCTA_PART_UNSAVED,
                                                     OCTA_PART_AREA_SLOTS, 1, 0), ==, 1);
    g_assert_cmpuint (octa_bank_file_get_part_value (bank_a, 0, OCTA_PART_UNSAVED,
                                                     OCTA_PART_AREA_MACHINE, 0, 0), ==,
                      OCTA_MACHINE_FLEX);
    g_assert_cmpstr (s2, ==, "../AUDIO/hat.wav");
  }
  /* Nothing else in A's slots moved. */
  {
    g_autofree char *f1 = slot_path (a, OCTA_SLOT_FLEX, 0);
    g_autofree char *f5 = slot_path (a, OCTA_SLOT_FLEX, 4);
    g_autofree char *s1 = slot_path (a, OCTA_SLOT_STATIC, 0);

    g_assert_cmpstr (f1, ==, "../AUDIO/hat.wav");
    g_assert_cmpstr (f5, ==, "../AUDIO2/snare.wav");
    g_assert_cmpstr (s1, ==, "../AUDIO/other.wav");
    g_assert_null (slot_path (a, OCTA_SLOT_FLEX, 5));
  }

  g_clear_object (&a);
  g_clear_object (&b);
  octa_test_rm_rf (set);
}

/* A project in another folder gets a path that finds the same file. */
static void
test_projects_paths_and_full (void)
{
  g_autofree char *tmp = octa_test_make_tmpdir ();
  g_autofree char *set_b = g_build_filename (tmp, "SETB", NULL);
  g_autofree char *audio = g_build_filename (set_b, "AUDIO", NULL);
  g_autofree char *dir_a = g_build_filename (tmp, "SETA", "ALPHA", NULL);
  g_autofree char *dir_b = g_build_filename (set_b, "BETA", NULL);
  g_autoptr(OctaProject) a = octa_project_new_blank ("ALPHA");
  g_autoptr(OctaProject) b = octa_project_new_blank ("BETA");
  g_autofree char *sa = NULL, *sb = NULL;
  g_autoptr(OctaDiff) diff = NULL;
  g_autoptr(OctaDiff) after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (audio, 0755), ==, 0);
  write_sample (audio, "kick.wav", 200);
  sa = save_to (dir_a, a);
  sb = save_to (dir_b, b);
  add_slot (b, OCTA_SLOT_FLEX, 6, "../AUDIO/kick.wav");

  diff = octa_diff_new_projects (a, b);
  g_assert_true (octa_diff_take (diff, "flex.7", OCTA_DIFF_SIDE_B, &error));
  g_assert_no_error (error);
  {
    g_autofree char *p = slot_path (a, OCTA_SLOT_FLEX, 6);

    g_assert_cmpstr (p, ==, "../../SETB/AUDIO/kick.wav");
  }

  /* Use A writes nothing; everything from B empties what the working states differ by. */
  g_assert_true (octa_diff_take (diff, "", OCTA_DIFF_SIDE_A, &error));
  g_assert_true (octa_diff_take (diff, "settings", OCTA_DIFF_SIDE_B, &error));
  g_assert_no_error (error);
  g_clear_object (&diff);
  diff = octa_diff_new_projects (a, b);
  g_assert_true (octa_diff_take (diff, "", OCTA_DIFF_SIDE_B, &error));
  g_assert_no_error (error);
  after = octa_diff_new_projects (a, b);
  g_assert_cmpuint (octa_diff_count_in (after, "settings"), ==, 0);
  /* Only the slot's path text is left: the same file, named from A's folder. */
  {
    g_autofree char *left = describe (after);

    g_assert_cmpstr (left, ==, "flex.7.path: ../../SETB/AUDIO/kick.wav → ../AUDIO/kick.wav\n");
  }

  g_clear_object (&a);
  g_clear_object (&b);
  octa_test_rm_rf (tmp);
}

/* Refusals write nothing. */
static void
test_refusals (void)
{
  g_autoptr(OctaProject) a = octa_project_new_blank ("ALPHA");
  g_autoptr(OctaProject) b = octa_project_new_blank ("BETA");
  OctaBankFile *bank_b = _octa_project_get_bank_file (b, 0, OCTA_STATE_WORK);
  g_autoptr(OctaDiff) diff = NULL;
  g_autoptr(GError) error = NULL;
  guint n_undo;

  /* A is full: every Flex slot used by something B lacks. */
  for (guint s = 0; s < 128; s++)
    {
      g_autofree char *p = g_strdup_printf ("/nowhere/a%u.wav", s);

      add_slot (a, OCTA_SLOT_FLEX, s, p);
    }
  add_slot (b, OCTA_SLOT_FLEX, 0, "/nowhere/b.wav");
  octa_project_begin_change (b, "edits");
  octa_bank_file_set_machine (bank_b, 0, OCTA_PART_UNSAVED, 0, OCTA_MACHINE_FLEX);
  octa_bank_file_set_trig (bank_b, 0, OCTA_TRACK_AUDIO, 0, OCTA_TRIG_TRIGGER, 0, TRUE);
  octa_bank_file_set_plock (bank_b, 0, OCTA_TRACK_AUDIO, 0, 0, OCTA_AUDIO_PLOCK_SAMPLE_LOCK, 0);
  octa_project_end_change (b);

  diff = octa_diff_new_projects (a, b);
  n_undo = octa_history_get_n_undo (octa_project_get_history (a));
  g_assert_false (octa_diff_take (diff, "A01", OCTA_DIFF_SIDE_B, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_nonnull (strstr (error->message, "Nothing was written"));
  g_assert_cmpuint (octa_history_get_n_undo (octa_project_get_history (a)), ==, n_undo);
  g_assert_false (octa_bank_file_get_trig (_octa_project_get_bank_file (a, 0, OCTA_STATE_WORK), 0,
                                           OCTA_TRACK_AUDIO, 0, OCTA_TRIG_TRIGGER, 0));
  g_clear_error (&error);

  /* An item whose diff is gone */
  {
    OctaDiffItem *item = g_list_model_get_item (G_LIST_MODEL (diff), 0);

    g_clear_object (&diff);
    g_assert_false (octa_diff_item_take (item, OCTA_DIFF_SIDE_B, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CLOSED);
    g_object_unref (item);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/diff-take/saved-items", test_saved_items);
  g_test_add_func ("/model/diff-take/saved-groups", test_saved_groups);
  g_test_add_func ("/model/diff-take/unsaved", test_unsaved);
  g_test_add_func ("/model/diff-take/part", test_part);
  g_test_add_func ("/model/diff-take/projects-remap", test_projects_remap);
  g_test_add_func ("/model/diff-take/projects-paths", test_projects_paths_and_full);
  g_test_add_func ("/model/diff-take/refusals", test_refusals);
  return g_test_run ();
}
