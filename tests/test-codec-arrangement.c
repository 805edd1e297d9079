/* SPDX-License-Identifier: MIT */
#include <string.h>

#include "octa-test-utils.h"

#define ARR_SIZE   11336
#define TEST_NAME  "some/dir/arr03.work"
#define BLANK_MD5  "682672c5d795afdccb5bb688a5a4433b"

/* Spec §5.1/§5.2: block A at 24, block B at 5676; rows at block+18+22·r. */
static gsize
spec_block (OctaArrangementCopy copy)
{
  return copy == OCTA_ARRANGEMENT_WORKING ? 24 : 5676;
}

static gsize
spec_row (OctaArrangementCopy copy,
          guint               row)
{
  return spec_block (copy) + 18 + 22 * (gsize) row;
}

static const OctaArrangementCopy copies[] = { OCTA_ARRANGEMENT_WORKING, OCTA_ARRANGEMENT_SAVED };
static const char *const copy_names[] = { "block A", "block B" };

static guint16
sum_checksum (const guint8 *data,
              gsize         len)
{
  guint32 sum = 0;

  for (gsize i = 16; i < len - 2; i++)
    sum += data[i];
  return sum & 0xFFFF;
}

static guint8 *
encode_copy (OctaArrangementFile *arr)
{
  g_autoptr(GBytes) bytes = octa_arrangement_file_encode (arr);
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);

  g_assert_cmpuint (len, ==, ARR_SIZE);
  return g_memdup2 (data, len);
}

/*
 * Asserts @after holds @expect at @start, that nothing else changed except
 * the checksum, and that the checksum is right.
 */
static void
assert_run (const char   *what,
            const guint8 *before,
            const guint8 *after,
            gsize         start,
            const guint8 *expect,
            gsize         n)
{
  g_autofree gsize *offsets = g_new (gsize, n + 2);

  for (gsize i = 0; i < n; i++)
    {
      if (after[start + i] != expect[i])
        g_error ("%s: byte %" G_GSIZE_FORMAT " is 0x%02X, expected 0x%02X",
                 what, start + i, after[start + i], expect[i]);
      offsets[i] = start + i;
    }
  offsets[n] = ARR_SIZE - 2;
  offsets[n + 1] = ARR_SIZE - 1;
  octa_test_assert_changed_only (what, before, after, ARR_SIZE, offsets, n + 2);
  g_assert_cmpuint ((after[ARR_SIZE - 2] << 8) | after[ARR_SIZE - 1], ==,
                    sum_checksum (after, ARR_SIZE));
}

static void
test_blank (void)
{
  g_autoptr(OctaArrangementFile) arr = octa_arrangement_file_new_blank (NULL);
  g_autoptr(GBytes) bytes = octa_arrangement_file_encode (arr);
  g_autofree char *md5 = g_compute_checksum_for_bytes (G_CHECKSUM_MD5, bytes);
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);

  g_assert_cmpuint (len, ==, ARR_SIZE);
  g_assert_cmpstr (md5, ==, BLANK_MD5);
  g_assert_cmpmem (data, 16, "FORM\0\0\0\0DPS1ARRA", 16);
  g_assert_cmpuint (data[21], ==, 6);
  g_assert_cmpuint (data[ARR_SIZE - 2], ==, 0x00);
  g_assert_cmpuint (data[ARR_SIZE - 1], ==, 0x06);

  g_assert_cmpuint (octa_arrangement_file_get_unknown_1 (arr), ==, 0);
  g_assert_cmpuint (octa_arrangement_file_get_unknown_2 (arr), ==, 0);
  g_assert_cmpuint (octa_arrangement_file_get_saved_flag (arr), ==, 0);
  for (guint i = 0; i < OCTA_N_ARRANGEMENTS; i++)
    g_assert_cmpuint (octa_arrangement_file_get_saved_state (arr, i), ==, 0);

  for (guint c = 0; c < G_N_ELEMENTS (copies); c++)
    {
      g_autofree char *name = octa_arrangement_file_dup_name (arr, copies[c]);
      static const guint8 zeros[15] = { 0 };

      g_assert_cmpstr (name, ==, "");
      g_assert_cmpmem (octa_arrangement_file_get_name_raw (arr, copies[c]), 15, zeros, 15);
      g_assert_cmpuint (octa_arrangement_file_get_row_count (arr, copies[c]), ==, 0);
      g_assert_cmpuint (octa_arrangement_file_get_block_unknown (arr, copies[c]), ==, 0);
      for (guint row = 0; row < OCTA_N_ARRANGEMENT_ROWS; row++)
        {
          g_autofree char *text = octa_arrangement_file_dup_row_reminder (arr, copies[c], row);

          g_assert_cmpint (octa_arrangement_file_get_row_type (arr, copies[c], row), ==,
                           OCTA_ROW_PATTERN);
          for (OctaRowField f = 0; f < OCTA_N_ROW_FIELDS; f++)
            g_assert_cmpuint (octa_arrangement_file_get_row_field (arr, copies[c], row, f), ==, 0);
          for (guint t = 0; t < 8; t++)
            g_assert_cmpint (octa_arrangement_file_get_row_transpose (arr, copies[c], row, t),
                             ==, 0);
          g_assert_cmpstr (text, ==, "");
        }
    }
}

static void
test_offsets (void)
{
  g_assert_cmpuint (octa_arrangement_block_offset (OCTA_ARRANGEMENT_WORKING), ==, 24);
  g_assert_cmpuint (octa_arrangement_block_offset (OCTA_ARRANGEMENT_SAVED), ==, 5676);
  for (guint c = 0; c < G_N_ELEMENTS (copies); c++)
    for (guint row = 0; row < OCTA_N_ARRANGEMENT_ROWS; row++)
      g_assert_cmpuint (octa_arrangement_row_offset (copies[c], row), ==,
                        spec_row (copies[c], row));
  /* Block A ends where unk2 starts; block B's last row ends at the saved states. */
  g_assert_cmpuint (spec_row (OCTA_ARRANGEMENT_WORKING, 255) + 22, ==, 5674);
  g_assert_cmpuint (spec_row (OCTA_ARRANGEMENT_SAVED, 255) + 22, ==, 11326);
}

typedef struct
{
  OctaRowField field;
  const char  *label;
  guint        rel;
  guint        size;
  guint        value;
} FieldCase;

/* Spec §5.3 PATTERN row. */
static const FieldCase field_cases[] = {
  { OCTA_ROW_FIELD_PATTERN,     "pattern",     1,  1, 0xAB },
  { OCTA_ROW_FIELD_REPEATS,     "repeats",     2,  1, 63 },
  { OCTA_ROW_FIELD_AUDIO_MUTES, "audio mutes", 4,  1, 0x81 },
  { OCTA_ROW_FIELD_MIDI_MUTES,  "midi mutes",  5,  1, 0x42 },
  { OCTA_ROW_FIELD_TEMPO_X24,   "tempo",       6,  2, 0x1C20 },
  { OCTA_ROW_FIELD_SCENE_A,     "scene A",     8,  1, 15 },
  { OCTA_ROW_FIELD_SCENE_B,     "scene B",     9,  1, 0xFF },
  { OCTA_ROW_FIELD_OFFSET,      "offset",      10, 2, 0x0102 },
  { OCTA_ROW_FIELD_LENGTH,      "length",      12, 2, 0x0340 },
};

static void
test_row_fields (void)
{
  const guint rows[] = { 0, 255 };

  g_assert_cmpuint (G_N_ELEMENTS (field_cases), ==, OCTA_N_ROW_FIELDS);

  for (guint c = 0; c < G_N_ELEMENTS (copies); c++)
    for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
      for (guint f = 0; f < G_N_ELEMENTS (field_cases); f++)
        {
          const FieldCase *fc = &field_cases[f];
          g_autoptr(OctaArrangementFile) arr = octa_arrangement_file_new_blank (TEST_NAME);
          g_autofree guint8 *before = encode_copy (arr);
          g_autofree guint8 *after = NULL;
          g_autofree char *what = g_strdup_printf ("%s row %u %s", copy_names[c], rows[r],
                                                   fc->label);
          guint8 expect[2];

          octa_arrangement_file_set_row_field (arr, copies[c], rows[r], fc->field, fc->value);
          g_assert_cmpuint (octa_arrangement_file_get_row_field (arr, copies[c], rows[r],
                                                                 fc->field), ==, fc->value);
          after = encode_copy (arr);
          if (fc->size == 2)
            {
              expect[0] = fc->value >> 8;
              expect[1] = fc->value & 0xFF;
            }
          else
            {
              expect[0] = fc->value;
            }
          assert_run (what, before, after, spec_row (copies[c], rows[r]) + fc->rel,
                      expect, fc->size);
        }
}

static void
test_row_transpose (void)
{
  const struct
  {
    guint row;
    guint track;
    gint  semitones;
    guint8 byte;
  } cases[] = {
    { 0,   0, 48,  0x30 },
    { 0,   7, -48, 0xD0 },
    { 255, 0, -1,  0xFF },
    { 255, 7, 12,  0x0C },
    { 17,  3, -12, 0xF4 },
  };

  for (guint c = 0; c < G_N_ELEMENTS (copies); c++)
    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autoptr(OctaArrangementFile) arr = octa_arrangement_file_new_blank (TEST_NAME);
        g_autofree guint8 *before = encode_copy (arr);
        g_autofree guint8 *after = NULL;
        g_autofree char *what = g_strdup_printf ("%s row %u transpose M%u %+d", copy_names[c],
                                                 cases[i].row, cases[i].track + 1,
                                                 cases[i].semitones);

        octa_arrangement_file_set_row_transpose (arr, copies[c], cases[i].row, cases[i].track,
                                                 cases[i].semitones);
        g_assert_cmpint (octa_arrangement_file_get_row_transpose (arr, copies[c], cases[i].row,
                                                                  cases[i].track), ==,
                         cases[i].semitones);
        after = encode_copy (arr);
        assert_run (what, before, after, spec_row (copies[c], cases[i].row) + 14 + cases[i].track,
                    &cases[i].byte, 1);
      }
}

static void
test_name (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (copies); c++)
    {
      g_autoptr(OctaArrangementFile) arr = octa_arrangement_file_new_blank (TEST_NAME);
      g_autoptr(GError) error = NULL;
      g_autofree guint8 *b0 = encode_copy (arr);
      g_autofree guint8 *b1 = NULL;
      g_autofree guint8 *b2 = NULL;
      g_autofree guint8 *b3 = NULL;
      g_autofree char *name = NULL;
      gsize base = spec_block (copies[c]);

      g_assert_true (octa_arrangement_file_set_name (arr, copies[c], "ABCDEFGHIJKLMNO", &error));
      g_assert_no_error (error);
      b1 = encode_copy (arr);
      assert_run ("full name", b0, b1, base, (const guint8 *) "ABCDEFGHIJKLMNO", 15);
      name = octa_arrangement_file_dup_name (arr, copies[c]);
      g_assert_cmpstr (name, ==, "ABCDEFGHIJKLMNO");
      g_clear_pointer (&name, g_free);

      /* A shorter name ends in one NUL; the old tail stays behind it. */
      g_assert_true (octa_arrangement_file_set_name (arr, copies[c], "xy z", &error));
      g_assert_no_error (error);
      b2 = encode_copy (arr);
      assert_run ("short name", b1, b2, base, (const guint8 *) "xy z\0", 5);
      g_assert_cmpmem (octa_arrangement_file_get_name_raw (arr, copies[c]), 15,
                       "xy z\0FGHIJKLMNO", 15);
      name = octa_arrangement_file_dup_name (arr, copies[c]);
      g_assert_cmpstr (name, ==, "xy z");
      g_clear_pointer (&name, g_free);

      g_assert_true (octa_arrangement_file_set_name (arr, copies[c], "", &error));
      g_assert_no_error (error);
      b3 = encode_copy (arr);
      assert_run ("empty name", b2, b3, base, (const guint8 *) "\0", 1);
      g_assert_cmpmem (octa_arrangement_file_get_name_raw (arr, copies[c]), 15,
                       "\0y z\0FGHIJKLMNO", 15);
      name = octa_arrangement_file_dup_name (arr, copies[c]);
      g_assert_cmpstr (name, ==, "");
    }
}

static void
test_name_invalid (void)
{
  const char *bad[] = {
    "ABCDEFGHIJKLMNOP",   /* 16 characters */
    "TAB\tHERE",
    "CAF\xc3\x89",
    "DEL\x7f",
    "LINE\n",
  };
  g_autoptr(OctaArrangementFile) arr = octa_arrangement_file_new_blank (TEST_NAME);
  g_autofree guint8 *before = NULL;

  g_assert_true (octa_arrangement_file_set_name (arr, OCTA_ARRANGEMENT_SAVED, "KEEP", NULL));
  g_assert_true (octa_arrangement_file_set_row_reminder (arr, OCTA_ARRANGEMENT_WORKING, 9, "KEEP",
                                                         NULL));
  before = encode_copy (arr);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    for (guint c = 0; c < G_N_ELEMENTS (copies); c++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(GError) error2 = NULL;
        g_autofree guint8 *after = NULL;

        g_assert_false (octa_arrangement_file_set_name (arr, copies[c], bad[i], &error));
        g_assert_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_INVALID_VALUE);
        g_assert_true (g_str_has_prefix (error->message, TEST_NAME ": "));

        g_assert_false (octa_arrangement_file_set_row_reminder (arr, copies[c], 9, bad[i],
                                                                &error2));
        g_assert_error (error2, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_INVALID_VALUE);
        g_assert_true (g_str_has_prefix (error2->message, TEST_NAME ": "));

        after = encode_copy (arr);
        g_assert_cmpmem (after, ARR_SIZE, before, ARR_SIZE);
      }
}

static void
test_reminder (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (copies); c++)
    {
      g_autoptr(OctaArrangementFile) arr = octa_arrangement_file_new_blank (TEST_NAME);
      g_autoptr(GError) error = NULL;
      g_autofree guint8 *b0 = NULL;
      g_autofree guint8 *b1 = NULL;
      g_autofree guint8 *b2 = NULL;
      g_autofree guint8 *b3 = NULL;
      g_autofree char *text = NULL;
      gsize row = spec_row (copies[c], 255);

      octa_arrangement_file_set_row_type (arr, copies[c], 255, OCTA_ROW_REMINDER);
      b0 = encode_copy (arr);
      g_assert_cmpuint (b0[row], ==, 2);

      g_assert_true (octa_arrangement_file_set_row_reminder (arr, copies[c], 255,
                                                             "VERSE CHORUS 12", &error));
      g_assert_no_error (error);
      b1 = encode_copy (arr);
      assert_run ("reminder 15", b0, b1, row + 1, (const guint8 *) "VERSE CHORUS 12", 15);
      text = octa_arrangement_file_dup_row_reminder (arr, copies[c], 255);
      g_assert_cmpstr (text, ==, "VERSE CHORUS 12");
      g_clear_pointer (&text, g_free);

      g_assert_true (octa_arrangement_file_set_row_reminder (arr, copies[c], 255, "CHAIN", &error));
      g_assert_no_error (error);
      b2 = encode_copy (arr);
      assert_run ("reminder short", b1, b2, row + 1, (const guint8 *) "CHAIN\0", 6);
      text = octa_arrangement_file_dup_row_reminder (arr, copies[c], 255);
      g_assert_cmpstr (text, ==, "CHAIN");
      g_clear_pointer (&text, g_free);
      g_assert_cmpint (octa_arrangement_file_get_row_type (arr, copies[c], 255), ==,
                       OCTA_ROW_REMINDER);

      /* Row 0 as well, to cover the first row of the block. */
      g_assert_true (octa_arrangement_file_set_row_reminder (arr, copies[c], 0, "A", &error));
      g_assert_no_error (error);
      b3 = encode_copy (arr);
      assert_run ("reminder row 0", b2, b3, spec_row (copies[c], 0) + 1, (const guint8 *) "A", 1);
    }
}

static void
test_row_bytes (void)
{
  const guint indices[] = { 0, 3, 14, 16, 21 };

  for (guint c = 0; c < G_N_ELEMENTS (copies); c++)
    for (guint r = 0; r < 256; r += 255)
      for (guint i = 0; i < G_N_ELEMENTS (indices); i++)
        {
          g_autoptr(OctaArrangementFile) arr = octa_arrangement_file_new_blank (TEST_NAME);
          g_autofree guint8 *before = encode_copy (arr);
          g_autofree guint8 *after = NULL;
          g_autofree char *what = g_strdup_printf ("%s row %u byte %u", copy_names[c], r,
                                                   indices[i]);
          guint8 value = 0xC0 | indices[i];

          octa_arrangement_file_set_row_byte (arr, copies[c], r, indices[i], value);
          g_assert_cmpuint (octa_arrangement_file_get_row_byte (arr, copies[c], r, indices[i]), ==,
                            value);
          after = encode_copy (arr);
          assert_run (what, before, after, spec_row (copies[c], r) + indices[i], &value, 1);
        }
}

static void
test_row_type (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (copies); c++)
    {
      g_autoptr(OctaArrangementFile) arr = octa_arrangement_file_new_blank (TEST_NAME);
      g_autofree guint8 *before = NULL;
      g_autofree guint8 *after = NULL;
      g_autofree guint8 *after2 = NULL;
      g_autofree char *text = NULL;
      const guint8 reminder = 2, loop = 1;
      gsize row = spec_row (copies[c], 200);

      for (guint f = 0; f < G_N_ELEMENTS (field_cases); f++)
        octa_arrangement_file_set_row_field (arr, copies[c], 200, field_cases[f].field,
                                             field_cases[f].value);
      octa_arrangement_file_set_row_transpose (arr, copies[c], 200, 7, -5);
      before = encode_copy (arr);

      /* Only byte 0 changes; the pattern row's bytes stay behind, stale. */
      octa_arrangement_file_set_row_type (arr, copies[c], 200, OCTA_ROW_REMINDER);
      after = encode_copy (arr);
      assert_run ("pattern → reminder", before, after, row, &reminder, 1);
      g_assert_cmpint (octa_arrangement_file_get_row_type (arr, copies[c], 200), ==,
                       OCTA_ROW_REMINDER);
      g_assert_cmpuint (octa_arrangement_file_get_row_field (arr, copies[c], 200,
                                                             OCTA_ROW_FIELD_LENGTH), ==, 0x0340);
      text = octa_arrangement_file_dup_row_reminder (arr, copies[c], 200);
      g_assert_cmpuint (strlen (text), ==, 2);   /* 0xAB, 63, then the NUL at byte 3 */

      octa_arrangement_file_set_row_type (arr, copies[c], 200, OCTA_ROW_LOOP);
      after2 = encode_copy (arr);
      assert_run ("reminder → loop", after, after2, row, &loop, 1);
      g_assert_cmpint (octa_arrangement_file_get_row_type (arr, copies[c], 200), ==, OCTA_ROW_LOOP);
    }
}

static void
test_unknown_row_type_kept (void)
{
  g_autoptr(OctaArrangementFile) arr = octa_arrangement_file_new_blank (TEST_NAME);
  g_autoptr(OctaArrangementFile) again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) bytes2 = NULL;
  g_autoptr(GError) error = NULL;

  octa_arrangement_file_set_row_byte (arr, OCTA_ARRANGEMENT_WORKING, 3, 0, 7);
  octa_arrangement_file_set_row_byte (arr, OCTA_ARRANGEMENT_SAVED, 3, 0, 0xFF);
  bytes = octa_arrangement_file_encode (arr);

  again = octa_arrangement_file_new_from_data (g_bytes_get_data (bytes, NULL), ARR_SIZE, TEST_NAME,
                                               OCTA_LOAD_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (octa_arrangement_file_get_row_type (again, OCTA_ARRANGEMENT_WORKING, 3), ==, 7);
  g_assert_cmpint (octa_arrangement_file_get_row_type (again, OCTA_ARRANGEMENT_SAVED, 3), ==, 0xFF);
  bytes2 = octa_arrangement_file_encode (again);
  g_assert_true (g_bytes_equal (bytes, bytes2));
}

static void
test_block_fields (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (copies); c++)
    {
      g_autoptr(OctaArrangementFile) arr = octa_arrangement_file_new_blank (TEST_NAME);
      g_autofree guint8 *b0 = encode_copy (arr);
      g_autofree guint8 *b1 = NULL;
      g_autofree guint8 *b2 = NULL;
      g_autofree guint8 *b3 = NULL;
      g_autofree guint8 *b4 = NULL;
      gsize base = spec_block (copies[c]);
      const guint8 count_255[] = { 0x00, 0xFF };
      const guint8 count_256[] = { 0x01, 0x00 };
      const guint8 count_1[] = { 0x00, 0x01 };
      const guint8 unknown = 0x3C;

      octa_arrangement_file_set_row_count (arr, copies[c], 255);
      g_assert_cmpuint (octa_arrangement_file_get_row_count (arr, copies[c]), ==, 255);
      b1 = encode_copy (arr);
      assert_run ("row count 255", b0, b1, base + 16, count_255, 2);

      octa_arrangement_file_set_row_count (arr, copies[c], 256);
      g_assert_cmpuint (octa_arrangement_file_get_row_count (arr, copies[c]), ==, 256);
      b2 = encode_copy (arr);
      assert_run ("row count 256", b1, b2, base + 16, count_256, 2);

      octa_arrangement_file_set_row_count (arr, copies[c], 1);
      b3 = encode_copy (arr);
      assert_run ("row count 1", b2, b3, base + 16, count_1, 2);

      octa_arrangement_file_set_block_unknown (arr, copies[c], unknown);
      g_assert_cmpuint (octa_arrangement_file_get_block_unknown (arr, copies[c]), ==, unknown);
      b4 = encode_copy (arr);
      assert_run ("block unknown", b3, b4, base + 15, &unknown, 1);
    }
}

static void
test_file_fields (void)
{
  g_autoptr(OctaArrangementFile) arr = octa_arrangement_file_new_blank (TEST_NAME);
  g_autofree guint8 *b0 = encode_copy (arr);
  g_autofree guint8 *b1 = NULL;
  g_autofree guint8 *b2 = NULL;
  g_autofree guint8 *b3 = NULL;
  const guint8 unk1[] = { 0xBE, 0xEF };
  const guint8 unk2 = 0x77, flag = 1;

  octa_arrangement_file_set_unknown_1 (arr, 0xBEEF);
  g_assert_cmpuint (octa_arrangement_file_get_unknown_1 (arr), ==, 0xBEEF);
  b1 = encode_copy (arr);
  assert_run ("unk1", b0, b1, 22, unk1, 2);

  octa_arrangement_file_set_unknown_2 (arr, unk2);
  g_assert_cmpuint (octa_arrangement_file_get_unknown_2 (arr), ==, unk2);
  b2 = encode_copy (arr);
  assert_run ("unk2", b1, b2, 5674, &unk2, 1);

  octa_arrangement_file_set_saved_flag (arr, flag);
  g_assert_cmpuint (octa_arrangement_file_get_saved_flag (arr), ==, flag);
  b3 = encode_copy (arr);
  assert_run ("saved flag", b2, b3, 5675, &flag, 1);

  for (guint i = 0; i < OCTA_N_ARRANGEMENTS; i++)
    {
      g_autoptr(OctaArrangementFile) a = octa_arrangement_file_new_blank (TEST_NAME);
      g_autofree guint8 *before = encode_copy (a);
      g_autofree guint8 *after = NULL;
      g_autofree char *what = g_strdup_printf ("saved state %u", i + 1);
      const guint8 one = 1;

      octa_arrangement_file_set_saved_state (a, i, 1);
      for (guint j = 0; j < OCTA_N_ARRANGEMENTS; j++)
        g_assert_cmpuint (octa_arrangement_file_get_saved_state (a, j), ==, i == j);
      after = encode_copy (a);
      assert_run (what, before, after, 11326 + i, &one, 1);
    }
}

static void
test_copy_is_independent (void)
{
  g_autoptr(OctaArrangementFile) arr = octa_arrangement_file_new_blank (TEST_NAME);
  g_autoptr(OctaArrangementFile) copy = NULL;

  octa_arrangement_file_set_row_count (arr, OCTA_ARRANGEMENT_WORKING, 3);
  copy = octa_arrangement_file_copy (arr);
  octa_arrangement_file_set_row_count (copy, OCTA_ARRANGEMENT_WORKING, 4);
  g_assert_cmpuint (octa_arrangement_file_get_row_count (arr, OCTA_ARRANGEMENT_WORKING), ==, 3);
  g_assert_cmpuint (octa_arrangement_file_get_row_count (copy, OCTA_ARRANGEMENT_WORKING), ==, 4);
  g_assert_cmpstr (octa_arrangement_file_get_image (copy)->name, ==, TEST_NAME);
}

static void
test_bad_index (void)
{
  g_autoptr(OctaArrangementFile) arr = octa_arrangement_file_new_blank (TEST_NAME);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *md5 = NULL;

  g_test_expect_message ("octa-codec", G_LOG_LEVEL_CRITICAL, "*row < OCTA_N_ARRANGEMENT_ROWS*");
  octa_arrangement_file_set_row_byte (arr, OCTA_ARRANGEMENT_WORKING, 256, 0, 1);
  g_test_assert_expected_messages ();

  g_test_expect_message ("octa-codec", G_LOG_LEVEL_CRITICAL, "*index < OCTA_ARRANGEMENT_ROW_SIZE*");
  octa_arrangement_file_set_row_byte (arr, OCTA_ARRANGEMENT_SAVED, 0, 22, 1);
  g_test_assert_expected_messages ();

  g_test_expect_message ("octa-codec", G_LOG_LEVEL_CRITICAL, "*semitones*");
  octa_arrangement_file_set_row_transpose (arr, OCTA_ARRANGEMENT_WORKING, 0, 0, 49);
  g_test_assert_expected_messages ();

  g_test_expect_message ("octa-codec", G_LOG_LEVEL_CRITICAL, "*semitones*");
  octa_arrangement_file_set_row_transpose (arr, OCTA_ARRANGEMENT_WORKING, 0, 0, -49);
  g_test_assert_expected_messages ();

  g_test_expect_message ("octa-codec", G_LOG_LEVEL_CRITICAL, "*midi_track*");
  octa_arrangement_file_set_row_transpose (arr, OCTA_ARRANGEMENT_WORKING, 0, 8, 1);
  g_test_assert_expected_messages ();

  g_test_expect_message ("octa-codec", G_LOG_LEVEL_CRITICAL, "*value <=*");
  octa_arrangement_file_set_row_field (arr, OCTA_ARRANGEMENT_WORKING, 0, OCTA_ROW_FIELD_PATTERN,
                                       256);
  g_test_assert_expected_messages ();

  g_test_expect_message ("octa-codec", G_LOG_LEVEL_CRITICAL, "*count <=*");
  octa_arrangement_file_set_row_count (arr, OCTA_ARRANGEMENT_WORKING, 257);
  g_test_assert_expected_messages ();

  g_test_expect_message ("octa-codec", G_LOG_LEVEL_CRITICAL, "*arrangement <*");
  octa_arrangement_file_set_saved_state (arr, 8, 1);
  g_test_assert_expected_messages ();

  g_test_expect_message ("octa-codec", G_LOG_LEVEL_CRITICAL, "*copy_is_valid*");
  octa_arrangement_file_set_block_unknown (arr, 2, 1);
  g_test_assert_expected_messages ();

  bytes = octa_arrangement_file_encode (arr);
  md5 = g_compute_checksum_for_bytes (G_CHECKSUM_MD5, bytes);
  g_assert_cmpstr (md5, ==, BLANK_MD5);
}

/* ---- bad input ---------------------------------------------------------- */

static guint8 *
valid_file (void)
{
  g_autoptr(OctaArrangementFile) arr = octa_arrangement_file_new_blank (NULL);

  octa_arrangement_file_set_name (arr, OCTA_ARRANGEMENT_WORKING, "SONG", NULL);
  octa_arrangement_file_set_row_count (arr, OCTA_ARRANGEMENT_WORKING, 1);
  octa_arrangement_file_set_row_field (arr, OCTA_ARRANGEMENT_WORKING, 0, OCTA_ROW_FIELD_LENGTH, 16);
  return encode_copy (arr);
}

static void
assert_refused (const guint8 *data,
                gsize         len,
                OctaLoadFlags flags,
                int           code,
                const char   *what)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OctaArrangementFile) arr = NULL;

  arr = octa_arrangement_file_new_from_data (data, len, TEST_NAME, flags, &error);
  if (arr != NULL)
    g_error ("%s: opened but should have failed", what);
  g_assert_error (error, OCTA_CODEC_ERROR, code);
  if (!g_str_has_prefix (error->message, TEST_NAME ": "))
    g_error ("%s: message does not name the file: %s", what, error->message);
}

static void
test_container_damage (void)
{
  g_autofree guint8 *data = valid_file ();
  const gsize cuts[] = {
    24,         /* block A */
    5674,       /* unk2 */
    5676,       /* block B */
    11326,      /* saved states */
    11334,      /* checksum */
  };

  octa_test_check_container_damage (OCTA_FILE_KIND_ARRANGEMENT, (OctaTestDecodeFunc) octa_arrangement_file_new_from_data,
                                    (GDestroyNotify) octa_arrangement_file_free, data, cuts, G_N_ELEMENTS (cuts));
}

/* The size refusal says what an arrangement should be, in English. */
static void
test_wrong_size_message (void)
{
  g_autofree guint8 *data = valid_file ();
  g_autoptr(GError) error = NULL;
  g_autoptr(OctaArrangementFile) arr = NULL;

  arr = octa_arrangement_file_new_from_data (data, ARR_SIZE - 100, TEST_NAME, OCTA_LOAD_DEFAULT,
                                             &error);
  g_assert_null (arr);
  g_assert_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_TRUNCATED);
  g_assert_nonnull (strstr (error->message, ", an arrangement file has 11336 "));
}

static void
test_bad_checksum (void)
{
  g_autofree guint8 *data = valid_file ();
  g_autoptr(OctaArrangementFile) arr = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *edited = NULL;
  const guint8 count[] = { 0x00, 0x02 };

  data[ARR_SIZE - 2] ^= 0x10;
  assert_refused (data, ARR_SIZE, OCTA_LOAD_DEFAULT, OCTA_CODEC_ERROR_BAD_CHECKSUM, "bad checksum");

  arr = octa_arrangement_file_new_from_data (data, ARR_SIZE, TEST_NAME,
                                             OCTA_LOAD_ALLOW_BAD_CHECKSUM, &error);
  g_assert_no_error (error);
  g_assert_false (octa_arrangement_file_get_image (arr)->checksum_ok_at_load);
  bytes = octa_arrangement_file_encode (arr);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), data, ARR_SIZE);

  octa_arrangement_file_set_row_count (arr, OCTA_ARRANGEMENT_WORKING, 2);
  edited = encode_copy (arr);
  assert_run ("edit after bad checksum", data, edited, 24 + 16, count, 2);
}

static void
test_garbage (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (0x41525241);
  g_autofree guint8 *valid = valid_file ();

  for (guint round = 0; round < 60; round++)
    {
      gsize len = round < 30 ? g_rand_int_range (rand, 0, 2 * ARR_SIZE) : ARR_SIZE;
      g_autofree guint8 *data = g_malloc (MAX (len, 1));
      g_autoptr(GError) error = NULL;
      g_autoptr(OctaArrangementFile) arr = NULL;

      for (gsize i = 0; i < len; i++)
        data[i] = g_rand_int (rand);
      if (round % 2 == 1 && len >= 22)
        memcpy (data, valid, 22);

      arr = octa_arrangement_file_new_from_data (data, len, TEST_NAME, OCTA_LOAD_ALLOW_BAD_CHECKSUM,
                                                 &error);
      if (round % 2 == 1 && len == ARR_SIZE)
        {
          g_autoptr(GBytes) bytes = NULL;

          /* No inner magic: random rows, names and types are all kept. */
          g_assert_no_error (error);
          for (guint c = 0; c < G_N_ELEMENTS (copies); c++)
            {
              g_autofree char *name = octa_arrangement_file_dup_name (arr, copies[c]);

              g_assert_true (g_utf8_validate (name, -1, NULL));
              g_assert_cmpuint (strlen (name), <=, 15);
              for (guint r = 0; r < OCTA_N_ARRANGEMENT_ROWS; r++)
                {
                  g_autofree char *text = NULL;

                  text = octa_arrangement_file_dup_row_reminder (arr, copies[c], r);

                  g_assert_true (g_utf8_validate (text, -1, NULL));
                  g_assert_cmpuint (octa_arrangement_file_get_row_type (arr, copies[c], r), ==,
                                    data[spec_row (copies[c], r)]);
                }
            }
          bytes = octa_arrangement_file_encode (arr);
          g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), data, len);
        }
      else
        {
          g_assert_null (arr);
          g_assert_nonnull (error);
          g_assert_true (error->domain == OCTA_CODEC_ERROR);
          g_assert_true (g_str_has_prefix (error->message, TEST_NAME ": "));
        }
    }
}

/* ---- corpus ------------------------------------------------------------- */

/* By name or by type tag: test fixtures are not always named like the device's files. */
static gboolean
is_arrangement (const char *path)
{
  g_autofree guint8 *data = NULL;
  gsize len;

  if (!g_str_has_suffix (path, ".work") && !g_str_has_suffix (path, ".strd"))
    return FALSE;
  if (octa_file_kind_from_filename (path) == OCTA_FILE_KIND_ARRANGEMENT)
    return TRUE;
  data = octa_test_read_file (path, &len);
  return octa_file_kind_detect (data, len) == OCTA_FILE_KIND_ARRANGEMENT;
}

static OctaArrangementFile *
open_corpus (const char    *rel,
             OctaLoadFlags  flags,
             guint8       **data_out)
{
  g_autofree char *path = g_build_filename (octa_test_corpus_dir (), rel, NULL);
  g_autoptr(GError) error = NULL;
  gsize len;
  guint8 *data = octa_test_read_file (path, &len);
  OctaArrangementFile *arr;

  g_assert_cmpuint (len, ==, ARR_SIZE);
  arr = octa_arrangement_file_new_from_data (data, len, path, flags, &error);
  g_assert_no_error (error);
  if (data_out != NULL)
    *data_out = data;
  else
    g_free (data);
  return arr;
}

static void
test_corpus_roundtrip (void)
{
  g_autoptr(GPtrArray) files = NULL;
  guint n_bad = 0;

  if (octa_test_skip_without_corpus ())
    return;

  files = octa_test_find_files (octa_test_corpus_dir (), is_arrangement);
  g_assert_cmpuint (files->len, >=, 20);

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = files->pdata[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(OctaArrangementFile) arr = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autofree guint8 *data = NULL;
      gsize len;

      g_test_message ("%s", path);
      data = octa_test_read_file (path, &len);
      arr = octa_arrangement_file_new_from_data (data, len, path, OCTA_LOAD_DEFAULT, &error);
      if (g_str_has_suffix (path, "/full_options.work"))
        {
          g_assert_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_BAD_CHECKSUM);
          g_clear_error (&error);
          arr = octa_arrangement_file_new_from_data (data, len, path, OCTA_LOAD_ALLOW_BAD_CHECKSUM,
                                                     &error);
          n_bad++;
        }
      g_assert_no_error (error);
      bytes = octa_arrangement_file_encode (arr);
      g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), data, len);
    }
  g_assert_cmpuint (n_bad, ==, 1);
}

static void
test_corpus_full_options (void)
{
  g_autofree char *path = NULL;
  g_autofree guint8 *data = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(OctaArrangementFile) arr = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize len;
  guint n_types[3] = { 0 };
  const guint8 states[] = { 1, 1, 0, 0, 0, 1, 1, 1 };

  if (octa_test_skip_without_corpus ())
    return;

  path = g_build_filename (octa_test_corpus_dir (), "octatools/arrange-tests/full_options.work",
                           NULL);
  data = octa_test_read_file (path, &len);
  arr = octa_arrangement_file_new_from_data (data, len, path, OCTA_LOAD_DEFAULT, &error);
  g_assert_null (arr);
  g_assert_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_BAD_CHECKSUM);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_nonnull (strstr (error->message, "0x52E3"));
  g_assert_nonnull (strstr (error->message, "0x8129"));
  g_clear_error (&error);

  arr = octa_arrangement_file_new_from_data (data, len, path, OCTA_LOAD_ALLOW_BAD_CHECKSUM, &error);
  g_assert_no_error (error);
  bytes = octa_arrangement_file_encode (arr);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), data, len);
  g_assert_cmpuint (data[len - 2], ==, 0x52);
  g_assert_cmpuint (data[len - 1], ==, 0xE3);

  g_assert_cmpuint (octa_arrangement_file_get_row_count (arr, OCTA_ARRANGEMENT_WORKING), ==, 255);
  g_assert_cmpuint (octa_arrangement_file_get_row_count (arr, OCTA_ARRANGEMENT_SAVED), ==, 255);
  name = octa_arrangement_file_dup_name (arr, OCTA_ARRANGEMENT_WORKING);
  g_assert_cmpstr (name, ==, "ZZZZZZZZZZZZZZZ");
  for (guint i = 0; i < OCTA_N_ARRANGEMENTS; i++)
    g_assert_cmpuint (octa_arrangement_file_get_saved_state (arr, i), ==, states[i]);

  for (guint r = 0; r < 255; r++)
    {
      OctaRowType type = octa_arrangement_file_get_row_type (arr, OCTA_ARRANGEMENT_WORKING, r);

      g_assert_cmpuint (type, <=, 2);
      n_types[type]++;
    }
  /* The file holds all three row types. */
  g_assert_cmpuint (n_types[OCTA_ROW_PATTERN], >, 0);
  g_assert_cmpuint (n_types[OCTA_ROW_LOOP], >, 0);
  g_assert_cmpuint (n_types[OCTA_ROW_REMINDER], >, 0);

  /* An edit makes the checksum right. */
  octa_arrangement_file_set_saved_flag (arr, 1);
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = octa_arrangement_file_encode (arr);
  {
    const guint8 *out = g_bytes_get_data (bytes, NULL);

    g_assert_cmpuint ((out[len - 2] << 8) | out[len - 1], ==, 0x8129 + 1);
  }
}

static void
test_corpus_stale_name (void)
{
  g_autoptr(OctaArrangementFile) arr = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree guint8 *before = NULL;
  g_autofree guint8 *after = NULL;

  if (octa_test_skip_without_corpus ())
    return;

  arr = open_corpus ("octatools/blank-project/arr01.work", OCTA_LOAD_DEFAULT, &before);
  name = octa_arrangement_file_dup_name (arr, OCTA_ARRANGEMENT_WORKING);
  g_assert_cmpstr (name, ==, "");
  g_assert_cmpmem (octa_arrangement_file_get_name_raw (arr, OCTA_ARRANGEMENT_WORKING), 15,
                   "\0-UNOTHER-MAIN\0", 15);

  /* Renaming to something short keeps the stale tail. */
  g_assert_true (octa_arrangement_file_set_name (arr, OCTA_ARRANGEMENT_WORKING, "AB", &error));
  g_assert_no_error (error);
  after = encode_copy (arr);
  assert_run ("rename arr01", before, after, 24, (const guint8 *) "AB\0NOTHER-MAIN\0", 15);
}

static void
test_corpus_blank (void)
{
  g_autoptr(OctaArrangementFile) blank = octa_arrangement_file_new_blank (NULL);
  g_autoptr(OctaArrangementFile) real = NULL;
  g_autoptr(GBytes) generated = NULL;
  g_autofree guint8 *data = NULL;

  if (octa_test_skip_without_corpus ())
    return;

  real = open_corpus ("octatools/blank-project/arr06.work", OCTA_LOAD_DEFAULT, &data);
  generated = octa_arrangement_file_encode (blank);
  g_assert_cmpmem (g_bytes_get_data (generated, NULL), g_bytes_get_size (generated),
                   data, ARR_SIZE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/codec/arrangement/blank", test_blank);
  g_test_add_func ("/codec/arrangement/offsets", test_offsets);
  g_test_add_func ("/codec/arrangement/row-fields", test_row_fields);
  g_test_add_func ("/codec/arrangement/row-transpose", test_row_transpose);
  g_test_add_func ("/codec/arrangement/name", test_name);
  g_test_add_func ("/codec/arrangement/name-invalid", test_name_invalid);
  g_test_add_func ("/codec/arrangement/reminder", test_reminder);
  g_test_add_func ("/codec/arrangement/row-bytes", test_row_bytes);
  g_test_add_func ("/codec/arrangement/row-type", test_row_type);
  g_test_add_func ("/codec/arrangement/unknown-row-type-kept", test_unknown_row_type_kept);
  g_test_add_func ("/codec/arrangement/block-fields", test_block_fields);
  g_test_add_func ("/codec/arrangement/file-fields", test_file_fields);
  g_test_add_func ("/codec/arrangement/copy-is-independent", test_copy_is_independent);
  g_test_add_func ("/codec/arrangement/bad-index", test_bad_index);
  g_test_add_func ("/codec/arrangement/bad/container", test_container_damage);
  g_test_add_func ("/codec/arrangement/bad/checksum", test_bad_checksum);
  g_test_add_func ("/codec/arrangement/bad/wrong-size-message", test_wrong_size_message);
  g_test_add_func ("/codec/arrangement/bad/garbage", test_garbage);
  g_test_add_func ("/codec/arrangement/corpus/roundtrip", test_corpus_roundtrip);
  g_test_add_func ("/codec/arrangement/corpus/full-options", test_corpus_full_options);
  g_test_add_func ("/codec/arrangement/corpus/stale-name", test_corpus_stale_name);
  g_test_add_func ("/codec/arrangement/corpus/blank", test_corpus_blank);

  return g_test_run ();
}
