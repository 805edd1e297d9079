/* SPDX-License-Identifier: MIT */
/*
 * Arrangements and their rows: every edit changes exactly the bytes the
 * spec (§5) places it at, notifies once and undoes to the same bytes; the
 * row list follows the row count.
 */
#include <string.h>

#include "octa.h"
#include "octa-project-private.h"
#include "octa-test-utils.h"

/* Spec §5.1/§5.2: block A at 24, rows from block + 18, 22 bytes each. */
#define BLOCK_A      24
#define BLOCK_B      5676
#define BLOCK_SIZE   5650
#define ARR_SIZE     11336

static gsize
row_offset (guint row)
{
  return BLOCK_A + 18 + 22 * row;
}

static GBytes *
arr_bytes (OctaProject *project,
           guint        index)
{
  g_autofree char *name = g_strdup_printf ("arr%02u.work", index + 1);

  return octa_project_encode_file (project, name);
}

/* Fails unless exactly the listed bytes (and the checksum) differ. */
static void
assert_changed (GBytes      *before,
                GBytes      *after,
                const gsize *offsets,
                guint        n_offsets)
{
  gsize allowed[64];
  guint n = 0;

  g_assert_cmpuint (g_bytes_get_size (after), ==, ARR_SIZE);
  for (guint i = 0; i < n_offsets; i++)
    allowed[n++] = offsets[i];
  allowed[n++] = ARR_SIZE - 2;
  allowed[n++] = ARR_SIZE - 1;
  octa_test_assert_changed_only ("arrangement", g_bytes_get_data (before, NULL),
                                 g_bytes_get_data (after, NULL), ARR_SIZE, allowed, n);
}

static guint8
byte_at (GBytes *bytes,
         gsize   offset)
{
  return ((const guint8 *) g_bytes_get_data (bytes, NULL))[offset];
}

static guint notify_count;

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           gpointer    user_data)
{
  if (g_strcmp0 (pspec->name, user_data) == 0)
    notify_count++;
}

static void
on_changed (gpointer object,
            gpointer user_data)
{
  (*(guint *) user_data)++;
}

typedef struct
{
  guint calls;
  guint position;
  guint removed;
  guint added;
} ItemsChanged;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  ItemsChanged *seen = user_data;

  seen->calls++;
  seen->position = position;
  seen->removed = removed;
  seen->added = added;
}

static void
test_blank (void)
{
  g_autoptr(OctaProject) project = octa_project_new_blank ("ARR");
  g_autoptr(GListModel) list = octa_project_list_arrangements (project);
  g_autoptr(OctaArrangement) arr = g_list_model_get_item (list, 7);
  g_autoptr(GListModel) rows = octa_arrangement_list_rows (arr);
  g_autoptr(OctaArrangementRow) row = octa_arrangement_get_row (arr, 0);
  g_autofree char *name = octa_arrangement_dup_name (arr);

  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 8);
  g_assert_cmpuint (octa_arrangement_get_index (arr), ==, 7);
  g_assert_cmpstr (name, ==, "");
  g_assert_cmpuint (octa_arrangement_get_row_count (arr), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 0);
  g_assert_cmpuint (octa_arrangement_get_saved_flag (arr), ==, 0);
  g_assert_cmpint (octa_arrangement_row_get_row_type (row), ==, OCTA_ARRANGEMENT_ROW_PATTERN);
  g_assert_cmpuint (octa_arrangement_row_get_repeats (row), ==, 1);
  g_assert_cmpfloat (octa_arrangement_row_get_tempo (row), ==, 0.0);
  g_assert_null (octa_arrangement_row_dup_reminder (row));
  {
    g_autoptr(OctaArrangement) again = octa_project_get_arrangement (project, 7);
    g_autoptr(GListModel) rows_again = octa_arrangement_list_rows (arr);

    g_assert_true (again == arr);
    g_assert_true (rows_again == rows);
  }
}

static void
test_name (void)
{
  g_autoptr(OctaProject) project = octa_project_new_blank ("ARR");
  g_autoptr(OctaArrangement) arr = octa_project_get_arrangement (project, 2);
  g_autoptr(GBytes) before = arr_bytes (project, 2);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  gsize offsets[6];
  guint count = 0;
  gulong handler = g_signal_connect (arr, "notify", G_CALLBACK (on_notify), (gpointer) "name");

  notify_count = 0;
  g_assert_true (octa_arrangement_set_name (arr, "VERSE", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (notify_count, ==, 1);
  after = arr_bytes (project, 2);
  for (guint i = 0; i < 6; i++)
    offsets[count++] = BLOCK_A + i;
  assert_changed (before, after, offsets, count);
  g_assert_cmpmem ((const guint8 *) g_bytes_get_data (after, NULL) + BLOCK_A, 5, "VERSE", 5);

  g_assert_true (octa_arrangement_set_name (arr, "VERSE", NULL));
  g_assert_cmpuint (notify_count, ==, 1);

  g_assert_false (octa_arrangement_set_name (arr, "SIXTEEN-CHARS-XX", &error));
  g_assert_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (octa_arrangement_set_name (arr, "caf\xc3\xa9", &error));
  g_assert_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_test_expect_message ("octa-model", G_LOG_LEVEL_WARNING, "*longer than 15*");
  g_object_set (arr, "name", "SIXTEEN-CHARS-XX", NULL);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (octa_history_get_n_undo (octa_project_get_history (project)), ==, 1);

  g_assert_true (octa_project_undo (project));
  g_assert_cmpuint (notify_count, ==, 2);
  g_clear_pointer (&after, g_bytes_unref);
  after = arr_bytes (project, 2);
  g_assert_true (g_bytes_equal (before, after));
  g_signal_handler_disconnect (arr, handler);
}

static void
test_row_count (void)
{
  g_autoptr(OctaProject) project = octa_project_new_blank ("ARR");
  g_autoptr(OctaArrangement) arr = octa_project_get_arrangement (project, 0);
  g_autoptr(GListModel) rows = octa_arrangement_list_rows (arr);
  g_autoptr(GBytes) before = arr_bytes (project, 0);
  g_autoptr(GBytes) after = NULL;
  ItemsChanged seen = { 0 };
  const gsize offsets[] = { BLOCK_A + 16, BLOCK_A + 17 };

  g_signal_connect (rows, "items-changed", G_CALLBACK (on_items_changed), &seen);
  octa_arrangement_set_row_count (arr, 3);
  g_assert_cmpuint (seen.calls, ==, 1);
  g_assert_cmpuint (seen.position, ==, 0);
  g_assert_cmpuint (seen.removed, ==, 0);
  g_assert_cmpuint (seen.added, ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 3);
  after = arr_bytes (project, 0);
  assert_changed (before, after, offsets, G_N_ELEMENTS (offsets));
  g_assert_cmpuint (byte_at (after, BLOCK_A + 17), ==, 3);
  {
    g_autoptr(OctaArrangementRow) row = g_list_model_get_item (rows, 2);
    g_assert_cmpuint (octa_arrangement_row_get_index (row), ==, 2);
    g_assert_null (g_list_model_get_item (rows, 3));
  }

  /* 256 rows is a u16 (spec §5.2). */
  octa_arrangement_set_row_count (arr, 256);
  g_clear_pointer (&after, g_bytes_unref);
  after = arr_bytes (project, 0);
  g_assert_cmpuint (byte_at (after, BLOCK_A + 16), ==, 1);
  g_assert_cmpuint (byte_at (after, BLOCK_A + 17), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 256);

  g_test_expect_message ("GLib-GObject", G_LOG_LEVEL_WARNING, "*out of range*");
  g_object_set (arr, "row-count", 257, NULL);
  g_test_assert_expected_messages ();

  g_assert_true (octa_project_undo (project));
  g_assert_true (octa_project_undo (project));
  g_assert_cmpuint (seen.calls, ==, 4);
  g_assert_cmpuint (seen.removed, ==, 3);
  g_assert_cmpuint (seen.added, ==, 0);
  g_clear_pointer (&after, g_bytes_unref);
  after = arr_bytes (project, 0);
  g_assert_true (g_bytes_equal (before, after));
}

typedef struct
{
  const char *property;
  gint        value;
  double      dvalue;
  guint       n_bytes;
  guint       rel[2];
  guint8      expected[2];
} RowEdit;

static void
test_row_fields (void)
{
  static const RowEdit edits[] = {
    { "row-type", 1, 0, 1, { 0 }, { 1 } },
    { "pattern", 0xA3, 0, 1, { 1 }, { 0xA3 } },
    { "repeats", 64, 0, 1, { 2 }, { 63 } },
    { "audio-mutes", 0x81, 0, 1, { 4 }, { 0x81 } },
    { "midi-mutes", 0x42, 0, 1, { 5 }, { 0x42 } },
    { "tempo", 0, 300.0, 2, { 6, 7 }, { 0x1C, 0x20 } },
    { "scene-a", 15, 0, 1, { 8 }, { 15 } },
    { "scene-b", -1, 0, 1, { 9 }, { 0xFF } },
    { "length", 0x123, 0, 2, { 12, 13 }, { 0x01, 0x23 } },
  };
  g_autoptr(OctaProject) project = octa_project_new_blank ("ARR");
  g_autoptr(OctaArrangement) arr = octa_project_get_arrangement (project, 4);
  g_autoptr(OctaArrangementRow) row = octa_arrangement_get_row (arr, 9);
  g_autoptr(GBytes) before = arr_bytes (project, 4);
  gsize base = row_offset (9);

  g_assert_cmpuint (base, ==, 240);

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      const RowEdit *e = &edits[i];
      g_autoptr(GBytes) after = NULL;
      g_autoptr(GBytes) undone = NULL;
      gsize offsets[2];
      gulong handler;

      g_test_message ("%s", e->property);
      handler = g_signal_connect (row, "notify", G_CALLBACK (on_notify), (gpointer) e->property);
      notify_count = 0;
      if (g_str_equal (e->property, "tempo"))
        g_object_set (row, e->property, e->dvalue, NULL);
      else
        g_object_set (row, e->property, e->value, NULL);
      g_assert_cmpuint (notify_count, ==, 1);

      after = arr_bytes (project, 4);
      for (guint b = 0; b < e->n_bytes; b++)
        {
          offsets[b] = base + e->rel[b];
          g_assert_cmpuint (byte_at (after, offsets[b]), ==, e->expected[b]);
        }
      assert_changed (before, after, offsets, e->n_bytes);

      if (g_str_equal (e->property, "tempo"))
        g_object_set (row, e->property, e->dvalue, NULL);
      else
        g_object_set (row, e->property, e->value, NULL);
      g_assert_cmpuint (notify_count, ==, 1);

      g_assert_true (octa_project_undo (project));
      g_assert_cmpuint (notify_count, ==, 2);
      undone = arr_bytes (project, 4);
      g_assert_true (g_bytes_equal (before, undone));
      g_signal_handler_disconnect (row, handler);
    }
}

static void
test_row_offset_keeps_length (void)
{
  g_autoptr(OctaProject) project = octa_project_new_blank ("ARR");
  g_autoptr(OctaArrangement) arr = octa_project_get_arrangement (project, 0);
  g_autoptr(OctaArrangementRow) row = octa_arrangement_get_row (arr, 0);
  g_autoptr(GBytes) bytes = NULL;
  gint length, offset;

  g_object_set (row, "length", 16, NULL);
  g_object_set (row, "offset", 8, NULL);
  g_object_get (row, "length", &length, "offset", &offset, NULL);
  g_assert_cmpint (length, ==, 16);
  g_assert_cmpint (offset, ==, 8);
  bytes = arr_bytes (project, 0);
  /* offset 8, offset + length = 24 */
  g_assert_cmpuint (byte_at (bytes, row_offset (0) + 11), ==, 8);
  g_assert_cmpuint (byte_at (bytes, row_offset (0) + 13), ==, 24);
  g_assert_cmpuint (octa_history_get_n_undo (octa_project_get_history (project)), ==, 2);
}

static void
test_row_transpose_reminder_bytes (void)
{
  g_autoptr(OctaProject) project = octa_project_new_blank ("ARR");
  g_autoptr(OctaArrangement) arr = octa_project_get_arrangement (project, 1);
  g_autoptr(OctaArrangementRow) row = octa_arrangement_get_row (arr, 255);
  g_autoptr(GBytes) before = arr_bytes (project, 1);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize base = row_offset (255);
  gsize offsets[16];
  guint count = 0;
  guint changed = 0;

  /* M8 transpose −48 is byte 21 = 0xD0. */
  octa_arrangement_row_set_transpose (row, 7, -48);
  g_assert_cmpint (octa_arrangement_row_get_transpose (row, 7), ==, -48);
  after = arr_bytes (project, 1);
  offsets[count++] = base + 21;
  assert_changed (before, after, offsets, count);
  g_assert_cmpuint (byte_at (after, base + 21), ==, 0xD0);
  g_assert_true (octa_project_undo (project));

  /* A reminder: type 2, the text and one NUL; the stale rest stays. */
  notify_count = 0;
  {
    gulong h = g_signal_connect (row, "notify", G_CALLBACK (on_notify), (gpointer) "reminder");

    g_assert_true (octa_arrangement_row_set_reminder (row, "CHORUS", &error));
    g_assert_no_error (error);
    g_assert_cmpuint (notify_count, ==, 1);
    g_signal_handler_disconnect (row, h);
  }
  text = octa_arrangement_row_dup_reminder (row);
  g_assert_cmpstr (text, ==, "CHORUS");
  g_assert_cmpint (octa_arrangement_row_get_row_type (row), ==, OCTA_ARRANGEMENT_ROW_REMINDER);
  g_clear_pointer (&after, g_bytes_unref);
  after = arr_bytes (project, 1);
  count = 0;
  offsets[count++] = base;
  for (guint i = 0; i < 7; i++)
    offsets[count++] = base + 1 + i;
  assert_changed (before, after, offsets, count);
  g_assert_cmpmem ((const guint8 *) g_bytes_get_data (after, NULL) + base + 1, 6, "CHORUS", 6);
  g_assert_cmpuint (octa_history_get_n_undo (octa_project_get_history (project)), ==, 1);

  g_assert_false (octa_arrangement_row_set_reminder (row, "A REMINDER TOO LONG", &error));
  g_assert_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  /* Back to a pattern row: only byte 0 changes, the text is no reminder. */
  octa_arrangement_row_set_row_type (row, OCTA_ARRANGEMENT_ROW_PATTERN);
  g_clear_pointer (&text, g_free);
  text = octa_arrangement_row_dup_reminder (row);
  g_assert_null (text);
  g_assert_true (octa_project_undo (project));
  g_assert_true (octa_project_undo (project));

  /* Raw bytes of a LOOP row. */
  g_signal_connect (row, "changed", G_CALLBACK (on_changed), &changed);
  octa_arrangement_row_set_row_type (row, OCTA_ARRANGEMENT_ROW_LOOP);
  octa_arrangement_row_set_byte (row, 2, 12);
  octa_arrangement_row_set_byte (row, 3, 40);
  g_assert_cmpuint (octa_arrangement_row_get_byte (row, 2), ==, 12);
  g_assert_cmpuint (changed, ==, 3);
  g_clear_pointer (&after, g_bytes_unref);
  after = arr_bytes (project, 1);
  count = 0;
  offsets[count++] = base;
  offsets[count++] = base + 2;
  offsets[count++] = base + 3;
  assert_changed (before, after, offsets, count);
  g_assert_cmpuint (byte_at (after, base + 3), ==, 40);

  while (octa_project_undo (project))
    ;
  g_clear_pointer (&after, g_bytes_unref);
  after = arr_bytes (project, 1);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_row_tempo_range (void)
{
  g_autoptr(OctaProject) project = octa_project_new_blank ("ARR");
  g_autoptr(OctaArrangement) arr = octa_project_get_arrangement (project, 0);
  g_autoptr(OctaArrangementRow) row = octa_arrangement_get_row (arr, 0);

  g_test_expect_message ("octa-model", G_LOG_LEVEL_WARNING, "*neither 0*");
  g_object_set (row, "tempo", 10.0, NULL);
  g_test_assert_expected_messages ();
  g_test_expect_message ("GLib-GObject", G_LOG_LEVEL_WARNING, "*out of range*");
  g_object_set (row, "tempo", 301.0, NULL);
  g_test_assert_expected_messages ();
  g_test_expect_message ("GLib-GObject", G_LOG_LEVEL_WARNING, "*out of range*");
  g_object_set (row, "scene-a", 16, NULL);
  g_test_assert_expected_messages ();
  g_test_expect_message ("GLib-GObject", G_LOG_LEVEL_WARNING, "*out of range*");
  g_object_set (row, "repeats", 0, NULL);
  g_test_assert_expected_messages ();
  g_assert_false (octa_history_get_can_undo (octa_project_get_history (project)));

  octa_arrangement_row_set_tempo (row, 126.125);
  g_assert_cmpfloat (octa_arrangement_row_get_tempo (row), ==, 126.125);
  octa_arrangement_row_set_tempo (row, 0.0);
  g_assert_cmpfloat (octa_arrangement_row_get_tempo (row), ==, 0.0);
}

static void
test_save_reload (void)
{
  g_autoptr(OctaProject) project = octa_project_new_blank ("ARR");
  g_autoptr(OctaArrangement) arr = octa_project_get_arrangement (project, 5);
  g_autoptr(OctaArrangementRow) row = octa_arrangement_get_row (arr, 0);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *saved_name = NULL;
  g_autofree char *name = NULL;
  const guint8 *data;

  octa_project_begin_change (project, "Build");
  g_assert_true (octa_arrangement_set_name (arr, "SONG", NULL));
  octa_arrangement_set_row_count (arr, 1);
  octa_arrangement_row_set_pattern (row, 17);
  octa_project_end_change (project);

  octa_arrangement_save (arr);
  bytes = arr_bytes (project, 5);
  data = g_bytes_get_data (bytes, NULL);
  g_assert_cmpmem (data + BLOCK_A, BLOCK_SIZE, data + BLOCK_B, BLOCK_SIZE);
  saved_name = octa_arrangement_dup_saved_name (arr);
  g_assert_cmpstr (saved_name, ==, "SONG");
  g_assert_cmpuint (octa_arrangement_get_saved_row_count (arr), ==, 1);
  g_assert_cmpuint (octa_arrangement_get_saved_row_byte (arr, 0, 1), ==, 17);
  g_assert_cmpuint (octa_arrangement_get_saved_flag (arr), ==, 0);

  octa_arrangement_row_set_pattern (row, 200);
  g_assert_true (octa_arrangement_set_name (arr, "OTHER", NULL));
  octa_arrangement_reload (arr);
  g_assert_cmpuint (octa_arrangement_row_get_pattern (row), ==, 17);
  name = octa_arrangement_dup_name (arr);
  g_assert_cmpstr (name, ==, "SONG");
  g_assert_cmpstr (octa_history_get_undo_label (octa_project_get_history (project)), ==,
                   "Reload arrangement");
  g_assert_true (octa_project_undo (project));
  g_assert_cmpuint (octa_arrangement_row_get_pattern (row), ==, 200);
}

/* Appending writes the whole new row over its stale bytes; moving carries
 * all 22 bytes and is refused while a LOOP/JUMP/HALT row is there; both are
 * one undo step; working ≠ saved follows the blocks. */
static void
test_append_move (void)
{
  g_autoptr(OctaProject) project = octa_project_new_blank ("ARR");
  g_autoptr(OctaArrangement) arr = octa_project_get_arrangement (project, 2);
  g_autoptr(OctaArrangementRow) stale = octa_arrangement_get_row (arr, 0);
  g_autoptr(OctaArrangementRow) first = NULL;
  g_autoptr(OctaArrangementRow) second = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  static const guint8 pattern_row[22] = { 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0, 0, 0, 16 };
  gsize offsets[64];
  guint n = 0;

  /* stale bytes in the unused row 0 */
  octa_arrangement_row_set_byte (stale, 5, 0x77);
  octa_arrangement_row_set_byte (stale, 20, 0x11);
  octa_arrangement_save (arr);
  g_assert_false (octa_arrangement_differs_from_saved (arr));

  before = arr_bytes (project, 2);
  first = octa_arrangement_append_row (arr, OCTA_ARRANGEMENT_ROW_PATTERN);
  g_assert_nonnull (first);
  g_assert_cmpuint (octa_arrangement_row_get_index (first), ==, 0);
  after = arr_bytes (project, 2);
  for (guint i = 0; i < 22; i++)
    {
      g_assert_cmpuint (byte_at (after, row_offset (0) + i), ==, pattern_row[i]);
      offsets[n++] = row_offset (0) + i;
    }
  offsets[n++] = BLOCK_A + 17;
  assert_changed (before, after, offsets, n);
  g_assert_cmpuint (byte_at (after, BLOCK_A + 17), ==, 1);
  g_assert_true (octa_arrangement_differs_from_saved (arr));
  g_assert_cmpstr (octa_history_get_undo_label (octa_project_get_history (project)), ==,
                   "Add pattern row");
  g_assert_true (octa_project_undo (project));
  g_clear_pointer (&after, g_bytes_unref);
  after = arr_bytes (project, 2);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_true (octa_project_redo (project));

  second = octa_arrangement_append_row (arr, OCTA_ARRANGEMENT_ROW_REMINDER);
  g_assert_true (octa_arrangement_row_set_reminder (second, "HI", NULL));
  g_clear_pointer (&before, g_bytes_unref);
  before = arr_bytes (project, 2);
  g_assert_false (octa_arrangement_move_row (arr, 1, 1));
  g_assert_false (octa_arrangement_move_row (arr, 1, 2));
  g_assert_true (octa_arrangement_move_row (arr, 1, 0));
  g_clear_pointer (&after, g_bytes_unref);
  after = arr_bytes (project, 2);
  g_assert_cmpmem ((const guint8 *) g_bytes_get_data (after, NULL) + row_offset (1), 22, pattern_row, 22);
  g_assert_cmpmem ((const guint8 *) g_bytes_get_data (after, NULL) + row_offset (0), 22,
                   (const guint8 *) g_bytes_get_data (before, NULL) + row_offset (1), 22);
  g_assert_true (octa_project_undo (project));
  g_clear_pointer (&after, g_bytes_unref);
  after = arr_bytes (project, 2);
  g_assert_true (g_bytes_equal (before, after));

  /* a LOOP row stops moves: its target could not follow */
  octa_arrangement_row_set_row_type (second, OCTA_ARRANGEMENT_ROW_LOOP);
  g_assert_true (octa_arrangement_has_jump_rows (arr));
  g_assert_false (octa_arrangement_move_row (arr, 1, 0));

  /* full: nothing more is added */
  octa_arrangement_set_row_count (arr, OCTA_ARRANGEMENT_N_ROWS);
  g_assert_null (octa_arrangement_append_row (arr, OCTA_ARRANGEMENT_ROW_PATTERN));
}

static void
test_properties_generic (void)
{
  g_autoptr(OctaProject) project = octa_project_new_blank ("ARR");
  g_autoptr(OctaArrangement) arr = octa_project_get_arrangement (project, 3);
  g_autoptr(OctaArrangementRow) row = octa_arrangement_get_row (arr, 100);
  g_autoptr(GBytes) before = arr_bytes (project, 3);
  g_autoptr(GBytes) after = NULL;
  GObject *objects[] = { G_OBJECT (arr), G_OBJECT (row) };
  guint checked = 0;

  for (guint o = 0; o < G_N_ELEMENTS (objects); o++)
    {
      GObjectClass *klass = G_OBJECT_GET_CLASS (objects[o]);
      guint n_props;
      g_autofree GParamSpec **pspecs = g_object_class_list_properties (klass, &n_props);

      for (guint i = 0; i < n_props; i++)
        {
          GParamSpec *pspec = pspecs[i];
          gulong handler;
          gint before_int, after_int;
          double before_d, after_d;

          if (!(pspec->flags & G_PARAM_WRITABLE) || G_IS_PARAM_SPEC_STRING (pspec))
            continue;
          handler = g_signal_connect (objects[o], "notify", G_CALLBACK (on_notify),
                                      (gpointer) pspec->name);
          notify_count = 0;
          if (G_IS_PARAM_SPEC_DOUBLE (pspec))
            {
              g_object_get (objects[o], pspec->name, &before_d, NULL);
              g_object_set (objects[o], pspec->name, 99.5, NULL);
              g_object_set (objects[o], pspec->name, 99.5, NULL);
              g_object_get (objects[o], pspec->name, &after_d, NULL);
              g_assert_cmpfloat (after_d, ==, 99.5);
            }
          else
            {
              GParamSpecInt *p = G_PARAM_SPEC_INT (pspec);

              g_object_get (objects[o], pspec->name, &before_int, NULL);
              g_object_set (objects[o], pspec->name,
                            before_int < p->maximum ? before_int + 1 : before_int - 1, NULL);
              g_object_set (objects[o], pspec->name,
                            before_int < p->maximum ? before_int + 1 : before_int - 1, NULL);
              g_object_get (objects[o], pspec->name, &after_int, NULL);
              g_assert_cmpint (after_int, !=, before_int);
            }
          g_assert_cmpuint (notify_count, ==, 1);
          g_assert_true (octa_project_undo (project));
          g_assert_cmpuint (notify_count, ==, 2);
          g_signal_handler_disconnect (objects[o], handler);
          checked++;
        }
    }
  /* row-count; row-type, pattern, repeats, 2 mutes, tempo, 2 scenes, offset, length */
  g_assert_cmpuint (checked, ==, 11);
  after = arr_bytes (project, 3);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_corpus_full_options (void)
{
  g_autofree char *tmp = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *source = NULL;
  g_autofree char *dest = NULL;
  g_autofree guint8 *original = NULL;
  g_autoptr(OctaProjectFiles) files = NULL;
  g_autoptr(GFile) location = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(OctaProject) project = NULL;
  g_autoptr(OctaArrangement) arr = NULL;
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(GBytes) encoded = NULL;
  g_autofree char *name = NULL;
  gsize len;

  if (octa_test_skip_without_corpus ())
    return;

  /* The file is not part of a project: put it into a blank one as arr01. */
  tmp = octa_test_make_tmpdir ();
  folder = g_build_filename (tmp, "PROJ", NULL);
  files = octa_project_files_new_blank ("PROJ");
  g_assert_true (octa_project_files_write_dir (files, folder, &error));
  g_assert_no_error (error);
  source = g_build_filename (octa_test_corpus_dir (), "octatools", "arrange-tests",
                             "full_options.work", NULL);
  dest = g_build_filename (folder, "arr01.work", NULL);
  original = octa_test_read_file (source, &len);
  g_assert_cmpuint (len, ==, ARR_SIZE);
  /*
   * Its stored checksum is not the plain sum (corpus MANIFEST: ot-tools
   * wrote it), and octa_project_load() refuses bad checksums; the rows are
   * what this test is about, so the copy gets the device's checksum.
   */
  {
    guint16 sum = octa_checksum_compute (original, len);

    original[len - 2] = sum >> 8;
    original[len - 1] = sum & 0xFF;
  }
  octa_test_write_file (dest, original, len);

  location = g_file_new_for_path (folder);
  project = octa_project_load (location, NULL, &error);
  g_assert_no_error (error);

  arr = octa_project_get_arrangement (project, 0);
  rows = octa_arrangement_list_rows (arr);
  name = octa_arrangement_dup_name (arr);
  g_assert_cmpstr (name, ==, "ZZZZZZZZZZZZZZZ");
  g_assert_cmpuint (octa_arrangement_get_row_count (arr), ==, 255);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 255);

  {
    g_autoptr(OctaArrangementRow) r0 = g_list_model_get_item (rows, 0);
    g_autoptr(OctaArrangementRow) r10 = g_list_model_get_item (rows, 10);
    g_autoptr(OctaArrangementRow) r20 = g_list_model_get_item (rows, 20);
    g_autoptr(OctaArrangementRow) r30 = g_list_model_get_item (rows, 30);
    g_autofree char *label = octa_arrangement_row_dup_pattern_label (r10);
    g_autofree char *label0 = octa_arrangement_row_dup_pattern_label (r0);
    g_autofree char *reminder = octa_arrangement_row_dup_reminder (r20);
    gint scene_a, scene_b, audio_mutes, length;

    g_assert_cmpstr (label0, ==, "A02");
    g_object_get (r0, "scene-a", &scene_a, "scene-b", &scene_b, "length", &length, NULL);
    g_assert_cmpint (scene_a, ==, -1);
    g_assert_cmpint (scene_b, ==, -1);
    g_assert_cmpint (length, ==, 16);

    g_assert_cmpstr (label, ==, "P16");
    g_assert_cmpuint (octa_arrangement_row_get_repeats (r10), ==, 64);
    g_assert_cmpfloat (octa_arrangement_row_get_tempo (r10), ==, 300.0);
    g_object_get (r10, "scene-a", &scene_a, "audio-mutes", &audio_mutes, NULL);
    g_assert_cmpint (scene_a, ==, 15);
    g_assert_cmpint (audio_mutes, ==, 255);
    for (guint t = 0; t < 8; t++)
      g_assert_cmpint (octa_arrangement_row_get_transpose (r10, t), ==, 48);

    /* 15 characters fill the field: no NUL. */
    g_assert_cmpstr (reminder, ==, "AAAAAAAAAAAAAAA");
    g_assert_cmpint (octa_arrangement_row_get_row_type (r30), ==, OCTA_ARRANGEMENT_ROW_LOOP);
    g_assert_cmpuint (octa_arrangement_row_get_byte (r30, 2), ==, 30);

    /* An edit and its undo leave the file's bytes, checksum included. */
    octa_arrangement_row_set_repeats (r10, 3);
    g_assert_true (octa_project_undo (project));
  }

  encoded = octa_project_encode_file (project, "arr01.work");
  g_assert_cmpmem (g_bytes_get_data (encoded, NULL), g_bytes_get_size (encoded), original, len);

  octa_test_rm_rf (tmp);
}

static guint64
mask_from_string (const char *pattern)
{
  guint64 mask = 0;

  for (guint i = 0; pattern[i] != '\0'; i++)
    if (pattern[i] == 'x')
      mask |= G_GUINT64_CONSTANT (1) << i;
  return mask;
}

static void
test_euclid (void)
{
  /* Toussaint, "The Euclidean algorithm generates traditional musical rhythms" */
  static const struct {
    guint       pulses;
    guint       steps;
    const char *pattern;
  } known[] = {
    /* Bjorklund's output for these is the published pattern itself. */
    { 2, 5, "x.x.." },
    { 3, 5, "x.x.x" },
    { 3, 7, "x.x.x.." },
    { 3, 8, "x..x..x." },
    { 4, 7, "x.x.x.x" },
    { 4, 9, "x.x.x.x.." },
    { 4, 11, "x..x..x..x." },
    { 5, 8, "x.xx.xx." },
    { 5, 9, "x.x.x.x.x" },
    { 5, 11, "x.x.x.x.x.." },
    { 5, 16, "x..x..x..x..x..." },
    /* For these the paper shows another rotation of the same rhythm. */
    { 5, 6, "x.xxxx" },
    { 5, 7, "x.xx.xx" },
    { 5, 12, "x..x.x..x.x." },
    { 7, 8, "x.xxxxxx" },
    { 7, 12, "x.xx.x.xx.x." },
    { 7, 16, "x..x.x.x..x.x.x." },
    { 9, 16, "x.xx.x.x.xx.x.x." },
    { 11, 24, "x..x.x.x.x.x..x.x.x.x.x." },
    { 13, 24, "x.xx.x.x.x.x.xx.x.x.x.x." },
    { 3, 4, "x.xx" },
  };
  const guint n_exact = 11;

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    {
      guint steps = known[i].steps;
      guint64 mask = octa_euclidean_mask (known[i].pulses, steps, 0);
      guint64 expected = mask_from_string (known[i].pattern);
      gboolean rotation = FALSE;

      g_test_message ("E(%u,%u)", known[i].pulses, steps);
      g_assert_cmpuint (strlen (known[i].pattern), ==, steps);
      /* Starts with a trig. */
      g_assert_cmphex (mask & 1, ==, 1);
      if (i < n_exact)
        g_assert_cmphex (mask, ==, expected);
      for (guint r = 0; r < steps; r++)
        if (octa_euclidean_mask (known[i].pulses, steps, r) == expected)
          rotation = TRUE;
      g_assert_true (rotation);
    }

  /* Rotation moves the rhythm later (or earlier), wrapping at its length. */
  g_assert_cmphex (octa_euclidean_mask (3, 8, 1), ==, mask_from_string (".x..x..x"));
  g_assert_cmphex (octa_euclidean_mask (3, 8, -1), ==, mask_from_string ("..x..x.x"));
  g_assert_cmphex (octa_euclidean_mask (3, 8, 17), ==, mask_from_string (".x..x..x"));

  g_assert_cmphex (octa_euclidean_mask (0, 16, 0), ==, 0);
  g_assert_cmphex (octa_euclidean_mask (16, 16, 3), ==, 0xFFFF);
  g_assert_cmphex (octa_euclidean_mask (64, 64, 0), ==, G_MAXUINT64);
  g_assert_cmphex (octa_euclidean_mask (1, 64, 63), ==, G_GUINT64_CONSTANT (1) << 63);
  g_assert_cmphex (octa_euclidean_mask (4, 16, 0), ==, 0x1111);

  /* Every pulse count lands exactly that many trigs. */
  for (guint steps = 1; steps <= 64; steps++)
    for (guint pulses = 0; pulses <= steps; pulses++)
      {
        guint64 mask = octa_euclidean_mask (pulses, steps, 5);
        guint n = 0;

        for (guint b = 0; b < 64; b++)
          n += (mask >> b) & 1;
        g_assert_cmpuint (n, ==, pulses);
        g_assert_true (steps == 64 || mask >> steps == 0);
      }

  if (g_test_undefined ())
    {
      g_test_expect_message ("octa-model", G_LOG_LEVEL_CRITICAL, "*pulses <= steps*");
      g_assert_cmphex (octa_euclidean_mask (9, 8, 0), ==, 0);
      g_test_assert_expected_messages ();
    }
}

static void
test_note_values (void)
{
  g_assert_cmpfloat (octa_quantize_steps_for_note_value (4, OCTA_SCALE_1X), ==, 4.0);
  g_assert_cmpfloat (octa_quantize_steps_for_note_value (16, OCTA_SCALE_1X), ==, 1.0);
  g_assert_cmpfloat (octa_quantize_steps_for_note_value (1, OCTA_SCALE_1X), ==, 16.0);
  g_assert_cmpfloat (octa_quantize_steps_for_note_value (32, OCTA_SCALE_1X), ==, 0.5);
  g_assert_cmpfloat (octa_quantize_steps_for_note_value (4, OCTA_SCALE_2X), ==, 8.0);
  g_assert_cmpfloat (octa_quantize_steps_for_note_value (8, OCTA_SCALE_3_2X), ==, 3.0);
  g_assert_cmpfloat (octa_quantize_steps_for_note_value (4, OCTA_SCALE_3_4X), ==, 3.0);
  g_assert_cmpfloat (octa_quantize_steps_for_note_value (4, OCTA_SCALE_1_2X), ==, 2.0);
  g_assert_cmpfloat (octa_quantize_steps_for_note_value (2, OCTA_SCALE_1_4X), ==, 2.0);
  g_assert_cmpfloat (octa_quantize_steps_for_note_value (1, OCTA_SCALE_1_8X), ==, 2.0);
  g_assert_cmpfloat_with_epsilon (octa_quantize_steps_for_note_value (12, OCTA_SCALE_1X),
                                  16.0 / 12.0, 1e-12);
}

static void
test_micro_timing (void)
{
  static const struct {
    gint num;
    gint den;
    gint micro;
  } good[] = {
    { 1, 32, 12 }, { -1, 32, -12 }, { 1, 64, 6 }, { -1, 128, -3 }, { 1, 384, 1 },
    { 23, 384, 23 }, { -23, 384, -23 }, { 2, 64, 12 }, { -1, -32, 12 }, { 1, -64, -6 },
    { 0, 5, 0 }, { 5, 192, 10 },
  };
  static const struct {
    gint num;
    gint den;
  } bad[] = {
    { 1, 16 }, { -1, 16 }, { 24, 384 }, { 1, 100 }, { 1, 3 }, { 1, 1000 },
  };
  g_autoptr(GError) error = NULL;
  gint micro;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      micro = 99;
      g_assert_true (octa_micro_timing_from_fraction (good[i].num, good[i].den, &micro, &error));
      g_assert_no_error (error);
      g_assert_cmpint (micro, ==, good[i].micro);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      micro = 99;
      g_assert_false (octa_micro_timing_from_fraction (bad[i].num, bad[i].den, &micro, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
      g_assert_cmpint (micro, ==, 99);
      g_clear_error (&error);
    }
  g_assert_false (octa_micro_timing_from_fraction (1, 100, &micro, &error));
  g_assert_nonnull (strstr (error->message, "nearest is 4/384"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/arrangements/blank", test_blank);
  g_test_add_func ("/model/arrangements/name", test_name);
  g_test_add_func ("/model/arrangements/row-count", test_row_count);
  g_test_add_func ("/model/arrangements/row-fields", test_row_fields);
  g_test_add_func ("/model/arrangements/row-offset-keeps-length", test_row_offset_keeps_length);
  g_test_add_func ("/model/arrangements/row-transpose-reminder-bytes",
                   test_row_transpose_reminder_bytes);
  g_test_add_func ("/model/arrangements/row-tempo-range", test_row_tempo_range);
  g_test_add_func ("/model/arrangements/save-reload", test_save_reload);
  g_test_add_func ("/model/arrangements/append-move", test_append_move);
  g_test_add_func ("/model/arrangements/properties-generic", test_properties_generic);
  g_test_add_func ("/model/arrangements/corpus-full-options", test_corpus_full_options);
  g_test_add_func ("/model/quantize/euclid", test_euclid);
  g_test_add_func ("/model/quantize/note-values", test_note_values);
  g_test_add_func ("/model/quantize/micro-timing", test_micro_timing);

  return g_test_run ();
}
