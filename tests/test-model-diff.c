/* SPDX-License-Identifier: MIT */
#include <json-glib/json-glib.h>
#include <string.h>

#include "octa.h"
#include "octa-project-private.h"
#include "octa-test-utils.h"

/* ---- Helpers ----------------------------------------------------------- */

/* "path: old → new" for every item, one per line, in list order. */
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

static void
assert_item (OctaDiff   *diff,
             const char *kind,
             const char *path,
             const char *old_value,
             const char *new_value)
{
  g_autoptr(OctaDiffItem) item = find_item (diff, path);

  if (item == NULL)
    {
      g_autofree char *all = describe (diff);

      g_error ("no item %s in:\n%s", path, all);
    }
  g_assert_cmpstr (octa_diff_item_get_kind (item), ==, kind);
  if (old_value != NULL)
    g_assert_cmpstr (octa_diff_item_get_old_value (item), ==, old_value);
  if (new_value != NULL)
    g_assert_cmpstr (octa_diff_item_get_new_value (item), ==, new_value);
}

static gboolean
edit_tempo (OctaProjectFile *file,
            gpointer         user_data,
            GError         **error)
{
  return octa_project_file_set_int (file, OCTA_SECTION_SETTINGS, "TEMPOx24", 0,
                                    GPOINTER_TO_INT (user_data), error);
}

static gboolean
edit_slot (OctaProjectFile *file,
           gpointer         user_data,
           GError         **error)
{
  return octa_project_file_add_sample (file, OCTA_SLOT_FLEX, 11, user_data, error);
}

static void
set_trig (OctaProject *project,
          guint        bank,
          guint        pattern,
          guint        track,
          guint        step,
          gboolean     on)
{
  octa_project_begin_change (project, "test");
  octa_bank_file_set_trig (_octa_project_get_bank_file (project, bank, OCTA_STATE_WORK),
                           pattern, OCTA_TRACK_AUDIO, track, OCTA_TRIG_TRIGGER, step, on);
  octa_project_end_change (project);
}

static char *
save_blank (const char *name,
            OctaProject **out)
{
  g_autofree char *tmp = octa_test_make_tmpdir ();
  char *dir = g_build_filename (tmp, name, NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(OctaProject) project = octa_project_new_blank (name);
  g_autoptr(GError) error = NULL;

  g_assert_true (octa_project_save_to_folder (project, folder, OCTA_SAVE_MODE_DEVICE, NULL,
                                              &error));
  g_assert_no_error (error);
  if (out != NULL)
    *out = g_steal_pointer (&project);
  return dir;
}

static void
remove_saved (char *dir)
{
  g_autofree char *parent = g_path_get_dirname (dir);

  octa_test_rm_rf (parent);
  g_free (dir);
}

/* ---- Blank projects ---------------------------------------------------- */

static void
test_identical_blanks (void)
{
  g_autoptr(OctaProject) a = octa_project_new_blank ("SONG");
  g_autoptr(OctaProject) b = octa_project_new_blank ("SONG");
  g_autoptr(OctaDiff) diff = octa_diff_new_projects (a, b);
  g_autoptr(OctaDiff) self_diff = octa_diff_new_projects (a, a);

  g_assert_true (octa_diff_is_empty (diff));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (diff)), ==, 0);
  g_assert_cmpuint (octa_diff_count_in (diff, ""), ==, 0);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (diff)) == OCTA_TYPE_DIFF_ITEM);
  g_assert_true (octa_diff_is_empty (self_diff));
}

/* ---- Known edits ------------------------------------------------------- */

static void
test_known_edits (void)
{
  g_autoptr(OctaProject) a = octa_project_new_blank ("SONG");
  g_autoptr(OctaProject) b = octa_project_new_blank ("SONG");
  g_autoptr(OctaDiff) diff = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *all = NULL;
  g_autofree char *cond = NULL;
  OctaBankFile *bank_a0 = _octa_project_get_bank_file (a, 1, OCTA_STATE_WORK);
  OctaBankFile *bank = _octa_project_get_bank_file (b, 0, OCTA_STATE_WORK);
  OctaArrangementFile *arr = _octa_project_get_arrangement_file (b, 0, OCTA_STATE_WORK);
  GEnumClass *conditions;

  /* A trig that only A has: B "removed" it. */
  octa_project_begin_change (a, "test");
  octa_bank_file_set_trig (bank_a0, 1, OCTA_TRACK_AUDIO, 0, OCTA_TRIG_TRIGGER, 0, TRUE);
  octa_project_end_change (a);

  octa_project_begin_change (b, "test");
  octa_bank_file_set_trig (bank, 0, OCTA_TRACK_AUDIO, 2, OCTA_TRIG_TRIGGER, 16, TRUE);
  octa_bank_file_set_plock (bank, 0, OCTA_TRACK_AUDIO, 2, 16, OCTA_AUDIO_PLOCK_AMP_VOL, 100);
  octa_bank_file_set_condition (bank, 0, OCTA_TRACK_AUDIO, 0, 4, 1);
  octa_bank_file_set_micro_timing (bank, 0, OCTA_TRACK_AUDIO, 1, 2, 5);
  octa_bank_file_set_pattern_length (bank, 1, 32);
  octa_bank_file_set_pattern_part (bank, 1, 1);
  octa_bank_file_set_part_value (bank, 0, OCTA_PART_UNSAVED, OCTA_PART_AREA_VALUES, 1, 12, 10);
  octa_bank_file_set_scene_lock (bank, 0, OCTA_PART_UNSAVED, 2, 0, OCTA_AUDIO_PLOCK_AMP_VOL, 50);
  octa_bank_file_set_pattern_tail_unknown (bank, 3, 0, 7);
  g_assert_true (octa_arrangement_file_set_name (arr, OCTA_ARRANGEMENT_WORKING, "VERSE", &error));
  g_assert_no_error (error);
  octa_project_end_change (b);
  g_assert_true (_octa_project_edit_text (b, OCTA_STATE_WORK, "test", edit_tempo,
                                          GINT_TO_POINTER (3000), &error));
  g_assert_no_error (error);
  g_assert_true (_octa_project_edit_text (b, OCTA_STATE_WORK, "test", edit_slot,
                                          (gpointer) "../AUDIO/kick.wav", &error));
  g_assert_no_error (error);

  diff = octa_diff_new_projects (a, b);
  all = describe (diff);
  g_test_message ("%s", all);

  conditions = g_type_class_ref (OCTA_TYPE_TRIG_CONDITION);
  cond = g_strdup (g_enum_get_value (conditions, 1)->value_nick);
  g_type_class_unref (conditions);

  assert_item (diff, "setting", "settings.tempo-x24", "2880", "3000");
  assert_item (diff, "slot", "flex.12.path", "", "../AUDIO/kick.wav");
  assert_item (diff, "step", "A01.T3.17.trig", "false", "true");
  assert_item (diff, "step", "A01.T3.17.lock-amp-vol", "-1", "100");
  assert_item (diff, "step", "A01.T1.5.condition", NULL, cond);
  assert_item (diff, "step", "A01.T2.3.micro-timing", "0", "5");
  assert_item (diff, "pattern", "A02.length", "16", "32");
  assert_item (diff, "pattern", "A02.part", "1", "2");
  assert_item (diff, "bytes", "A04.tail.byte-8", "0x00", "0x07");
  assert_item (diff, "part", "A.part1.T2.fx1-param1", NULL, "10");
  assert_item (diff, "scene", "A.part1.scene3.T1.lock-amp-vol", "-1", "50");
  assert_item (diff, "step", "B02.T1.1.trig", "true", "false");
  assert_item (diff, "arrangement", "arr1.name", NULL, "VERSE");
  /* Exactly these and nothing else. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (diff)), ==, 13);

  g_assert_cmpuint (octa_diff_count_in (diff, "A"), ==, 9);
  g_assert_cmpuint (octa_diff_count_in (diff, "A01"), ==, 4);
  g_assert_cmpuint (octa_diff_count_in (diff, "A01.T3"), ==, 2);
  g_assert_cmpuint (octa_diff_count_in (diff, "A0"), ==, 0);
  g_assert_cmpuint (octa_diff_count_in (diff, "A.part1"), ==, 2);
  g_assert_cmpuint (octa_diff_count_in (diff, "B"), ==, 1);
  g_assert_cmpuint (octa_diff_count_in (diff, "settings"), ==, 1);
  g_assert_cmpuint (octa_diff_count_in (diff, ""), ==, 13);

  /* Offsets and files name the bytes. */
  {
    g_autoptr(OctaDiffItem) item = find_item (diff, "A01.T3.17.lock-amp-vol");

    g_assert_cmpstr (octa_diff_item_get_file (item), ==, "bank01.work");
    g_assert_cmpint (octa_diff_item_get_offset (item), ==,
                     octa_bank_plock_offset (0, OCTA_TRACK_AUDIO, 2, 16, OCTA_AUDIO_PLOCK_AMP_VOL));
  }
  {
    g_autoptr(OctaDiffItem) item = find_item (diff, "A04.tail.byte-8");

    g_assert_cmpint (octa_diff_item_get_offset (item), ==, octa_bank_pattern_offset (3) + 36584);
  }
  {
    g_autoptr(OctaDiffItem) item = find_item (diff, "B02.T1.1.trig");

    g_assert_cmpstr (octa_diff_item_get_file (item), ==, "bank02.work");
  }

  /* The other way round swaps old and new. */
  {
    g_autoptr(OctaDiff) back = octa_diff_new_projects (b, a);

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (back)), ==, 13);
    assert_item (back, "step", "A01.T3.17.trig", "true", "false");
  }
}

static void
test_unnamed_part_and_trailer_bytes (void)
{
  g_autoptr(OctaProject) a = octa_project_new_blank ("SONG");
  g_autoptr(OctaProject) b = octa_project_new_blank ("SONG");
  g_autoptr(OctaDiff) diff = NULL;
  g_autoptr(GError) error = NULL;
  OctaBankFile *bank = _octa_project_get_bank_file (b, 2, OCTA_STATE_WORK);

  octa_project_begin_change (b, "test");
  /* rel 5 of a part block: the always-zero bytes after the magic */
  octa_bank_file_set_part_value (bank, 1, OCTA_PART_SAVED, OCTA_PART_AREA_UNKNOWN_4, 0, 1, 9);
  octa_bank_file_set_xlv (bank, 0, OCTA_PART_UNSAVED, 4, 9, 3);
  octa_bank_file_set_parts_edited_mask (bank, 0x02);
  g_assert_true (octa_bank_file_set_part_name (bank, 2, "BASS", &error));
  octa_bank_file_set_track_unknown (bank, 5, OCTA_TRACK_AUDIO, 7, 4, 1);
  octa_project_end_change (b);

  diff = octa_diff_new_projects (a, b);
  assert_item (diff, "part", "C.part2.saved.unknown-4.byte-1", "0", "9");
  assert_item (diff, "bytes", "C.part1.scene5.xlv.byte-9", "0xff", "0x03");
  assert_item (diff, "part", "C.parts-edited", "0x00", "0x02");
  assert_item (diff, "part", "C.part3.name", "THREE", "BASS");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (diff)), ==, 5);
  assert_item (diff, "bytes", "C06.T8.1.unknown-3", "0x00", "0x01");
  g_assert_cmpuint (octa_diff_count_in (diff, "C06.T8"), ==, 1);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (diff)); i++)
    {
      g_autoptr(OctaDiffItem) item = g_list_model_get_item (G_LIST_MODEL (diff), i);

      g_assert_cmpstr (octa_diff_item_get_file (item), ==, "bank03.work");
      g_assert_cmpint (octa_diff_item_get_offset (item), >, 0);
    }
}

static void
test_markers_and_rows (void)
{
  g_autoptr(OctaProject) a = octa_project_new_blank ("SONG");
  g_autoptr(OctaProject) b = octa_project_new_blank ("SONG");
  g_autoptr(OctaDiff) diff = NULL;
  g_autoptr(GError) error = NULL;
  OctaMarkersFile *markers = _octa_project_get_markers_file (b, OCTA_STATE_WORK);
  OctaArrangementFile *arr = _octa_project_get_arrangement_file (b, 2, OCTA_STATE_WORK);
  OctaSlice slice = { 10, 20, OCTA_SLICE_NO_LOOP };

  octa_project_begin_change (b, "test");
  octa_markers_file_set_trim_end (markers, OCTA_SLOT_STATIC, 4, 88200);
  octa_markers_file_set_slice (markers, OCTA_SLOT_FLEX, 129, 2, slice);
  octa_arrangement_file_set_row_count (arr, OCTA_ARRANGEMENT_WORKING, 2);
  octa_arrangement_file_set_row_field (arr, OCTA_ARRANGEMENT_WORKING, 1, OCTA_ROW_FIELD_TEMPO_X24,
                                       3000);
  octa_arrangement_file_set_row_type (arr, OCTA_ARRANGEMENT_SAVED, 0, OCTA_ROW_REMINDER);
  g_assert_true (octa_arrangement_file_set_row_reminder (arr, OCTA_ARRANGEMENT_SAVED, 0, "CHORUS",
                                                         &error));
  g_assert_no_error (error);
  octa_project_end_change (b);

  diff = octa_diff_new_projects (a, b);
  assert_item (diff, "slot", "static.5.markers.trim-end", "0", "88200");
  assert_item (diff, "slot", "recorder.2.markers.slice3.start", "0", "10");
  assert_item (diff, "slot", "recorder.2.markers.slice3.end", "0", "20");
  assert_item (diff, "slot", "recorder.2.markers.slice3.loop", "0", "4294967295");
  assert_item (diff, "arrangement", "arr3.row-count", NULL, "2");
  assert_item (diff, "arrangement", "arr3.2.tempo", NULL, "3000");
  /* Row 1 of the saved block is past its row count (0). */
  assert_item (diff, "arrangement", "arr3.saved.1.unused.row-type", "0", "2");
  assert_item (diff, "arrangement", "arr3.saved.1.unused.reminder", "", "CHORUS");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (diff)), ==, 8);
}

/* Replaces a project's project.work with @text edited by @func (tests only). */
static void
replace_project_text (OctaProject *project,
                      char *     (*func) (const char *text))
{
  OctaProjectFiles *files = _octa_project_get_files (project);
  g_autoptr(GBytes) bytes = octa_project_file_encode (files->project[OCTA_STATE_WORK]);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autofree char *edited = func (text);
  g_autoptr(GError) error = NULL;
  OctaProjectFile *file = octa_project_file_new_from_data ((const guint8 *) edited,
                                                           strlen (edited), "project.work",
                                                           &error);

  g_assert_no_error (error);
  octa_project_file_free (files->project[OCTA_STATE_WORK]);
  files->project[OCTA_STATE_WORK] = file;
}

static char *
add_unknown_line (const char *text)
{
  const char *at = strstr (text, "[SETTINGS]\r\n");

  g_assert_nonnull (at);
  at += strlen ("[SETTINGS]\r\n");
  return g_strdup_printf ("%.*sFUTURE_KEY=5\r\n%s", (int) (at - text), text, at);
}

static char *
drop_last_crlf (const char *text)
{
  gsize len = strlen (text);

  g_assert_true (len > 2 && text[len - 2] == '\r');
  /* The last line keeps its \n only: same lines, other bytes. */
  return g_strdup_printf ("%.*s\n", (int) len - 2, text);
}

static void
test_project_text (void)
{
  g_autoptr(OctaProject) a = octa_project_new_blank ("SONG");
  g_autoptr(OctaProject) b = octa_project_new_blank ("SONG");
  g_autoptr(OctaProject) c = octa_project_new_blank ("SONG");
  g_autoptr(OctaDiff) diff = NULL;
  g_autoptr(OctaDiff) endings = NULL;
  g_autoptr(OctaDiffItem) item = NULL;

  replace_project_text (b, add_unknown_line);
  diff = octa_diff_new_projects (a, b);
  {
    g_autofree char *all = describe (diff);

    g_test_message ("%s", all);
  }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (diff)), ==, 1);
  item = g_list_model_get_item (G_LIST_MODEL (diff), 0);
  g_assert_true (g_str_has_prefix (octa_diff_item_get_path (item), "project.line-"));
  g_assert_cmpstr (octa_diff_item_get_old_value (item), ==, "");
  g_assert_cmpstr (octa_diff_item_get_new_value (item), ==, "FUTURE_KEY=5");
  g_assert_cmpint (octa_diff_item_get_offset (item), >, 1);
  g_assert_cmpstr (octa_project_file_get_line (_octa_project_get_project_file (b, OCTA_STATE_WORK),
                                               octa_diff_item_get_offset (item) - 1),
                   ==, "FUTURE_KEY=5");

  replace_project_text (c, drop_last_crlf);
  endings = octa_diff_new_projects (a, c);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (endings)), ==, 1);
  g_clear_object (&item);
  item = g_list_model_get_item (G_LIST_MODEL (endings), 0);
  g_assert_cmpstr (octa_diff_item_get_kind (item), ==, "bytes");
  g_assert_true (g_str_has_prefix (octa_diff_item_get_path (item), "project.byte-"));
}

/* ---- Parts ------------------------------------------------------------- */

static void
test_part_unsaved_vs_saved (void)
{
  g_autoptr(OctaProject) project = octa_project_new_blank ("SONG");
  g_autoptr(OctaBank) bank = octa_project_get_bank (project, 1);
  g_autoptr(OctaPart) part = octa_bank_get_part (bank, 2);
  g_autoptr(OctaDiff) before = octa_diff_new_part (part);
  g_autoptr(OctaDiff) after = NULL;
  g_autoptr(OctaDiff) saved = NULL;
  OctaBankFile *file = _octa_project_get_bank_file (project, 1, OCTA_STATE_WORK);

  g_assert_true (octa_diff_is_empty (before));

  octa_project_begin_change (project, "test");
  octa_bank_file_set_part_value (file, 2, OCTA_PART_UNSAVED, OCTA_PART_AREA_VALUES, 1, 12, 10);
  octa_bank_file_set_machine (file, 2, OCTA_PART_UNSAVED, 3, OCTA_MACHINE_FLEX);
  octa_project_end_change (project);

  after = octa_diff_new_part (part);
  assert_item (after, "part", "B.part3.T2.fx1-param1", "0", "10");
  assert_item (after, "part", "B.part3.T4.machine", "0", "1");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (after)), ==, 2);
  {
    g_autoptr(OctaDiffItem) item = find_item (after, "B.part3.T2.fx1-param1");

    g_assert_cmpint (octa_diff_item_get_offset (item), ==,
                     octa_bank_part_offset (2, OCTA_PART_UNSAVED)
                     + octa_part_area_offset (OCTA_PART_AREA_VALUES, 1, 12));
  }

  octa_part_save (part);
  saved = octa_diff_new_part (part);
  g_assert_true (octa_diff_is_empty (saved));
}

/* ---- Saved state and disk ---------------------------------------------- */

static void
test_saved_state (void)
{
  OctaProject *project = NULL;
  char *dir = save_blank ("SONG", &project);
  g_autoptr(OctaDiff) clean = octa_diff_new_saved_state (project);
  g_autoptr(OctaDiff) edited = NULL;

  g_assert_true (octa_diff_is_empty (clean));

  set_trig (project, 0, 0, 0, 0, TRUE);
  edited = octa_diff_new_saved_state (project);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (edited)), ==, 1);
  assert_item (edited, "step", "A01.T1.1.trig", "false", "true");
  {
    g_autoptr(OctaDiffItem) item = find_item (edited, "A01.T1.1.trig");

    g_assert_cmpstr (octa_diff_item_get_file (item), ==, "bank01.work");
  }

  g_object_unref (project);
  remove_saved (dir);
}

static void
test_saved_state_absent (void)
{
  g_autoptr(OctaProject) project = octa_project_new_blank ("SONG");
  g_autoptr(OctaDiff) diff = octa_diff_new_saved_state (project);

  g_test_message ("blank has a saved state: %d", octa_project_has_saved_state (project));
  if (octa_project_has_saved_state (project))
    {
      g_assert_true (octa_diff_is_empty (diff));
      return;
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (diff)), ==, 1);
  assert_item (diff, "file", "saved-state", "absent", "present");
}

static void
test_unsaved (void)
{
  OctaProject *project = NULL;
  char *dir = save_blank ("SONG", &project);
  g_autoptr(GError) error = NULL;
  g_autoptr(OctaDiff) clean = octa_diff_new_unsaved (project, &error);
  g_autoptr(OctaDiff) edited = NULL;
  g_autoptr(OctaProject) never = octa_project_new_blank ("NEVER");
  g_autoptr(OctaDiff) none = NULL;

  g_assert_no_error (error);
  g_assert_true (octa_diff_is_empty (clean));

  set_trig (project, 4, 7, 5, 63, TRUE);
  edited = octa_diff_new_unsaved (project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (edited)), ==, 1);
  assert_item (edited, "step", "E08.T6.64.trig", "false", "true");

  none = octa_diff_new_unsaved (never, &error);
  g_assert_null (none);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);

  g_object_unref (project);
  remove_saved (dir);
}

static void
test_both_states (void)
{
  OctaProject *edited = NULL;
  char *dir_a = save_blank ("SONG", NULL);
  char *dir_b = save_blank ("SONG", &edited);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) location_a = g_file_new_for_path (dir_a);
  g_autoptr(OctaProject) a = NULL;
  g_autoptr(OctaDiff) diff = NULL;

  set_trig (edited, 0, 0, 0, 0, TRUE);
  g_assert_true (octa_project_save (edited, OCTA_SAVE_MODE_DEVICE, OCTA_SAVE_FLAGS_NONE, NULL,
                                    &error));
  g_assert_no_error (error);
  a = octa_project_load (location_a, NULL, &error);
  g_assert_no_error (error);

  diff = octa_diff_new_projects (a, edited);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (diff)), ==, 2);
  assert_item (diff, "step", "A01.T1.1.trig", "false", "true");
  assert_item (diff, "step", "strd.A01.T1.1.trig", "false", "true");
  {
    g_autoptr(OctaDiffItem) item = find_item (diff, "strd.A01.T1.1.trig");

    g_assert_cmpstr (octa_diff_item_get_file (item), ==, "bank01.strd");
  }
  g_assert_cmpuint (octa_diff_count_in (diff, "A"), ==, 1);
  g_assert_cmpuint (octa_diff_count_in (diff, "strd.A"), ==, 1);
  g_assert_cmpuint (octa_diff_count_in (diff, "strd"), ==, 1);

  g_object_unref (edited);
  remove_saved (dir_a);
  remove_saved (dir_b);
}

/* ---- Corpus ------------------------------------------------------------ */

static OctaProject *
load_corpus (const char *rel)
{
  g_autofree char *path = g_build_filename (octa_test_corpus_dir (), rel, NULL);
  g_autoptr(GFile) location = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  OctaProject *project = octa_project_load (location, NULL, &error);

  g_assert_no_error (error);
  return project;
}

static void
test_corpus_saved (void)
{
  g_autoptr(OctaProject) project = NULL;
  g_autoptr(OctaDiff) diff = NULL;

  if (octa_test_skip_without_corpus ())
    return;
  project = load_corpus ("octatools/BANK-COPY-SRC");
  diff = octa_diff_new_saved_state (project);
  g_assert_false (octa_diff_is_empty (diff));
  /* It has bank01.strd but no project.strd. */
  assert_item (diff, "file", "project.strd", "absent", "present");
}

static void
test_corpus_self (void)
{
  static const char *const projects[] = {
    "octatools/BANK-COPY-SRC", "octatools/BANK-COPY-DEST", "octatrack-manager/multipart",
  };

  if (octa_test_skip_without_corpus ())
    return;
  for (guint i = 0; i < G_N_ELEMENTS (projects); i++)
    {
      g_autoptr(OctaProject) a = load_corpus (projects[i]);
      g_autoptr(OctaProject) b = load_corpus (projects[i]);
      g_autoptr(OctaDiff) diff = octa_diff_new_projects (a, b);
      g_autoptr(GError) error = NULL;
      g_autoptr(OctaDiff) disk = octa_diff_new_unsaved (a, &error);

      g_assert_true (octa_diff_is_empty (diff));
      g_assert_no_error (error);
      g_assert_true (octa_diff_is_empty (disk));
    }
}

static void
test_corpus_pair (void)
{
  g_autoptr(OctaProject) a = NULL;
  g_autoptr(OctaProject) b = NULL;
  g_autoptr(OctaDiff) diff = NULL;
  guint n, in_banks = 0;

  if (octa_test_skip_without_corpus ())
    return;
  a = load_corpus ("octatools/BANK-COPY-SRC");
  b = load_corpus ("octatools/BANK-COPY-DEST");
  diff = octa_diff_new_projects (a, b);
  n = g_list_model_get_n_items (G_LIST_MODEL (diff));
  g_assert_cmpuint (n, >, 0);
  for (char l = 'A'; l <= 'P'; l++)
    {
      char prefix[2] = { l, 0 };
      g_autofree char *saved = g_strconcat ("strd.", prefix, NULL);

      in_banks += octa_diff_count_in (diff, prefix) + octa_diff_count_in (diff, saved);
    }
  g_assert_cmpuint (in_banks, >, 0);
  /* Only the source has bank01.strd: the other side counts as blank. */
  assert_item (diff, "file", "bank01.strd", "present", "absent");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OctaDiffItem) item = g_list_model_get_item (G_LIST_MODEL (diff), i);

      g_assert_cmpstr (octa_diff_item_get_old_value (item), !=,
                       octa_diff_item_get_new_value (item));
    }
}

/* ---- CLI --------------------------------------------------------------- */

static int
run_cli (const char *const *args,
         char              **out)
{
  const char *cli = g_getenv ("OCTADESK_CLI");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_ptr_array_add (argv, (gpointer) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, out,
                NULL, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  return WEXITSTATUS (wait_status);
}

static void
test_cli (void)
{
  OctaProject *edited = NULL;
  char *dir_a, *dir_b;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL;
  JsonObject *root;
  JsonArray *items;

  if (g_getenv ("OCTADESK_CLI") == NULL)
    {
      g_test_skip ("OCTADESK_CLI is not set");
      return;
    }
  dir_a = save_blank ("SONG", NULL);
  dir_b = save_blank ("SONG", &edited);

  {
    const char *args[] = { "diff", dir_a, dir_b, NULL };

    g_assert_cmpint (run_cli (args, &out), ==, 0);
    g_assert_nonnull (strstr (out, "identical"));
    g_clear_pointer (&out, g_free);
  }

  set_trig (edited, 0, 0, 2, 16, TRUE);
  g_assert_true (octa_project_save (edited, OCTA_SAVE_MODE_WORKING, OCTA_SAVE_FLAGS_NONE, NULL,
                                    &error));
  g_assert_no_error (error);

  {
    const char *args[] = { "diff", dir_a, dir_b, NULL };

    g_assert_cmpint (run_cli (args, &out), ==, 1);
    g_assert_nonnull (strstr (out, "A01.T3.17.trig: false → true"));
    g_clear_pointer (&out, g_free);
  }
  {
    const char *args[] = { "diff", "--saved", dir_b, NULL };

    g_assert_cmpint (run_cli (args, &out), ==, 1);
    g_assert_nonnull (strstr (out, "A01.T3.17.trig: false → true"));
    g_clear_pointer (&out, g_free);
  }
  {
    const char *args[] = { "diff", "--saved", dir_a, NULL };

    g_assert_cmpint (run_cli (args, &out), ==, 0);
    g_clear_pointer (&out, g_free);
  }
  {
    const char *args[] = { "diff", "--json", dir_a, dir_b, NULL };

    g_assert_cmpint (run_cli (args, &out), ==, 1);
    g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
    g_assert_no_error (error);
    root = json_node_get_object (json_parser_get_root (parser));
    g_assert_false (json_object_get_boolean_member (root, "identical"));
    g_assert_cmpint (json_object_get_int_member (root, "count"), ==, 1);
    items = json_object_get_array_member (root, "items");
    g_assert_cmpuint (json_array_get_length (items), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0),
                                                    "path"), ==, "A01.T3.17.trig");
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0),
                                                    "kind"), ==, "step");
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (items, 0),
                                                 "offset"), ==,
                     octa_bank_trig_mask_offset (0, OCTA_TRACK_AUDIO, 2, OCTA_TRIG_TRIGGER) + 5);
    g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "counts"),
                                                 "A01"), ==, 1);
    g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "counts"),
                                                 "A"), ==, 1);
    g_clear_pointer (&out, g_free);
  }
  {
    const char *args[] = { "diff", "--json", dir_a, dir_a, NULL };

    g_assert_cmpint (run_cli (args, &out), ==, 0);
    g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
    root = json_node_get_object (json_parser_get_root (parser));
    g_assert_true (json_object_get_boolean_member (root, "identical"));
    g_clear_pointer (&out, g_free);
  }
  {
    const char *args[] = { "diff", dir_a, "/nonexistent/project", NULL };

    g_assert_cmpint (run_cli (args, &out), ==, 2);
    g_clear_pointer (&out, g_free);
  }
  {
    const char *args[] = { "diff", dir_a, NULL };

    g_assert_cmpint (run_cli (args, &out), ==, 2);
    g_clear_pointer (&out, g_free);
  }
  {
    const char *args[] = { "diff", "--bogus", dir_a, dir_b, NULL };

    g_assert_cmpint (run_cli (args, &out), ==, 2);
    g_clear_pointer (&out, g_free);
  }

  g_object_unref (edited);
  remove_saved (dir_a);
  remove_saved (dir_b);
}

static void
test_cli_corpus (void)
{
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;

  if (octa_test_skip_without_corpus ())
    return;
  if (g_getenv ("OCTADESK_CLI") == NULL)
    {
      g_test_skip ("OCTADESK_CLI is not set");
      return;
    }
  path = g_build_filename (octa_test_corpus_dir (), "octatools", "BANK-COPY-SRC", NULL);
  {
    const char *args[] = { "diff", "--saved", path, NULL };

    g_assert_cmpint (run_cli (args, &out), ==, 1);
    g_assert_nonnull (strstr (out, "project.strd"));
  }
}

static void
test_lock_param (void)
{
  g_assert_cmpint (octa_diff_lock_param (FALSE, "lock-amp-vol"), ==, 15);
  g_assert_cmpint (octa_diff_lock_param (FALSE, "sample-lock"), ==, 31);
  g_assert_cmpint (octa_diff_lock_param (TRUE, "lock-cc10"), ==, 29);
  g_assert_cmpint (octa_diff_lock_param (TRUE, "lock-amp-vol"), ==, -1);
  g_assert_cmpint (octa_diff_lock_param (FALSE, "trig"), ==, -1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/diff/lock-param", test_lock_param);
  g_test_add_func ("/model/diff/identical-blanks", test_identical_blanks);
  g_test_add_func ("/model/diff/known-edits", test_known_edits);
  g_test_add_func ("/model/diff/unnamed-part-and-trailer", test_unnamed_part_and_trailer_bytes);
  g_test_add_func ("/model/diff/markers-and-rows", test_markers_and_rows);
  g_test_add_func ("/model/diff/project-text", test_project_text);
  g_test_add_func ("/model/diff/part", test_part_unsaved_vs_saved);
  g_test_add_func ("/model/diff/saved-state", test_saved_state);
  g_test_add_func ("/model/diff/saved-state-absent", test_saved_state_absent);
  g_test_add_func ("/model/diff/unsaved", test_unsaved);
  g_test_add_func ("/model/diff/both-states", test_both_states);
  g_test_add_func ("/model/diff/corpus-saved", test_corpus_saved);
  g_test_add_func ("/model/diff/corpus-self", test_corpus_self);
  g_test_add_func ("/model/diff/corpus-pair", test_corpus_pair);
  g_test_add_func ("/model/diff/cli", test_cli);
  g_test_add_func ("/model/diff/cli-corpus", test_cli_corpus);

  return g_test_run ();
}
