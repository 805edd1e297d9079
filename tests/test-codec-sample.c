/* SPDX-License-Identifier: MIT */
#include <string.h>

#include "octa-test-utils.h"

#define OT_SIZE    832
#define TEST_NAME  "some/dir/kick.ot"

typedef struct
{
  OctaSampleField field;
  const char     *label;
  gsize           offset;
  guint           size;
  guint32         value;
} FieldCase;

/* Spec §6 table. */
static const FieldCase field_cases[] = {
  { OCTA_SAMPLE_FIELD_FLAG,              "flag",              22,  1, 0x01 },
  { OCTA_SAMPLE_FIELD_TEMPO_X24,         "tempo",             23,  4, 0x00012345 },
  { OCTA_SAMPLE_FIELD_TRIM_LENGTH_X100,  "trim length",       27,  4, 0xA1B2C3D4 },
  { OCTA_SAMPLE_FIELD_LOOP_LENGTH_X100,  "loop length",       31,  4, 0x0C0D0E0F },
  { OCTA_SAMPLE_FIELD_TIMESTRETCH,       "timestretch",       35,  4, 3 },
  { OCTA_SAMPLE_FIELD_LOOP_MODE,         "loop mode",         39,  4, 2 },
  { OCTA_SAMPLE_FIELD_GAIN,              "gain",              43,  2, 0x1234 },
  { OCTA_SAMPLE_FIELD_TRIG_QUANTIZATION, "trig quantization", 45,  1, 0x07 },
  { OCTA_SAMPLE_FIELD_TRIM_START,        "trim start",        46,  4, 0x11223344 },
  { OCTA_SAMPLE_FIELD_TRIM_END,          "trim end",          50,  4, 890839 },
  { OCTA_SAMPLE_FIELD_LOOP_POINT,        "loop point",        54,  4, 0xFFFFFFFE },
  { OCTA_SAMPLE_FIELD_SLICE_COUNT,       "slice count",       826, 4, 64 },
};

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
encode_copy (OctaSampleFile *sample)
{
  g_autoptr(GBytes) bytes = octa_sample_file_encode (sample);
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);

  g_assert_cmpuint (len, ==, OT_SIZE);
  return g_memdup2 (data, len);
}

static void
put_be (guint8  *out,
        guint32  value,
        guint    size)
{
  for (guint i = 0; i < size; i++)
    out[i] = value >> (8 * (size - 1 - i));
}

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
  offsets[n] = OT_SIZE - 2;
  offsets[n + 1] = OT_SIZE - 1;
  octa_test_assert_changed_only (what, before, after, OT_SIZE, offsets, n + 2);
  g_assert_cmpuint ((after[OT_SIZE - 2] << 8) | after[OT_SIZE - 1], ==,
                    sum_checksum (after, OT_SIZE));
}

static void
test_blank (void)
{
  g_autoptr(OctaSampleFile) sample = octa_sample_file_new_blank (NULL);
  g_autofree guint8 *data = encode_copy (sample);
  guint8 expect[OT_SIZE] = { 0 };

  /* Header, version 2, then the documented defaults; everything else 0. */
  memcpy (expect, "FORM\0\0\0\0DPS1SMPA", 16);
  expect[21] = 2;
  expect[22] = 0;
  put_be (expect + 23, 2880, 4);
  put_be (expect + 43, 48, 2);
  expect[45] = 0xFF;
  /* 2 + 0x0B + 0x40 + 0x30 + 0xFF */
  expect[830] = 0x01;
  expect[831] = 0x7C;
  g_assert_cmpmem (data, OT_SIZE, expect, OT_SIZE);

  g_assert_cmpuint (octa_sample_file_get (sample, OCTA_SAMPLE_FIELD_FLAG), ==, 0);
  g_assert_cmpuint (octa_sample_file_get (sample, OCTA_SAMPLE_FIELD_TEMPO_X24), ==, 2880);
  g_assert_cmpuint (octa_sample_file_get (sample, OCTA_SAMPLE_FIELD_TRIM_LENGTH_X100), ==, 0);
  g_assert_cmpuint (octa_sample_file_get (sample, OCTA_SAMPLE_FIELD_LOOP_LENGTH_X100), ==, 0);
  g_assert_cmpuint (octa_sample_file_get (sample, OCTA_SAMPLE_FIELD_TIMESTRETCH), ==, 0);
  g_assert_cmpuint (octa_sample_file_get (sample, OCTA_SAMPLE_FIELD_LOOP_MODE), ==, 0);
  g_assert_cmpuint (octa_sample_file_get (sample, OCTA_SAMPLE_FIELD_GAIN), ==, 48);
  g_assert_cmpuint (octa_sample_file_get (sample, OCTA_SAMPLE_FIELD_TRIG_QUANTIZATION), ==, 0xFF);
  g_assert_cmpuint (octa_sample_file_get (sample, OCTA_SAMPLE_FIELD_TRIM_START), ==, 0);
  g_assert_cmpuint (octa_sample_file_get (sample, OCTA_SAMPLE_FIELD_TRIM_END), ==, 0);
  g_assert_cmpuint (octa_sample_file_get (sample, OCTA_SAMPLE_FIELD_LOOP_POINT), ==, 0);
  g_assert_cmpuint (octa_sample_file_get (sample, OCTA_SAMPLE_FIELD_SLICE_COUNT), ==, 0);
  for (guint i = 0; i < OCTA_N_SLICES; i++)
    {
      OctaSlice s = octa_sample_file_get_slice (sample, i);

      g_assert_cmpuint (s.start, ==, 0);
      g_assert_cmpuint (s.end, ==, 0);
      g_assert_cmpuint (s.loop, ==, 0);
    }
}

static void
test_field_table (void)
{
  g_assert_cmpuint (G_N_ELEMENTS (field_cases), ==, OCTA_N_SAMPLE_FIELDS);

  for (guint i = 0; i < G_N_ELEMENTS (field_cases); i++)
    {
      const FieldCase *fc = &field_cases[i];

      g_assert_cmpuint (octa_sample_field_offset (fc->field), ==, fc->offset);
      g_assert_cmpuint (octa_sample_field_size (fc->field), ==, fc->size);
      g_assert_nonnull (octa_sample_field_to_string (fc->field));
      for (guint j = 0; j < i; j++)
        g_assert_cmpstr (octa_sample_field_to_string (fc->field), !=,
                         octa_sample_field_to_string (field_cases[j].field));
    }
  g_assert_cmpstr (octa_sample_field_to_string (OCTA_SAMPLE_FIELD_TEMPO_X24), ==, "tempo-x24");
}

static void
test_fields (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_cases); i++)
    {
      const FieldCase *fc = &field_cases[i];
      g_autoptr(OctaSampleFile) sample = octa_sample_file_new_blank (TEST_NAME);
      g_autofree guint8 *before = encode_copy (sample);
      g_autofree guint8 *after = NULL;
      guint8 expect[4];

      octa_sample_file_set (sample, fc->field, fc->value);
      g_assert_cmpuint (octa_sample_file_get (sample, fc->field), ==, fc->value);
      after = encode_copy (sample);
      put_be (expect, fc->value, fc->size);
      assert_run (fc->label, before, after, fc->offset, expect, fc->size);
    }
}

static void
test_narrow_fields (void)
{
  g_autoptr(OctaSampleFile) sample = octa_sample_file_new_blank (TEST_NAME);
  g_autofree guint8 *b0 = encode_copy (sample);
  g_autofree guint8 *b1 = NULL;
  g_autofree guint8 *b2 = NULL;
  const guint8 gain[] = { 0x00, 0x60 };
  const guint8 tq = 0x00;

  /* The u16 gain and the u8 trig quantisation must not spill into each other. */
  octa_sample_file_set (sample, OCTA_SAMPLE_FIELD_GAIN, 96);
  b1 = encode_copy (sample);
  assert_run ("gain 96", b0, b1, 43, gain, 2);
  g_assert_cmpuint (octa_sample_file_get (sample, OCTA_SAMPLE_FIELD_TRIG_QUANTIZATION), ==, 0xFF);

  octa_sample_file_set (sample, OCTA_SAMPLE_FIELD_TRIG_QUANTIZATION, 0);
  b2 = encode_copy (sample);
  assert_run ("trig quantization 0", b1, b2, 45, &tq, 1);
  g_assert_cmpuint (octa_sample_file_get (sample, OCTA_SAMPLE_FIELD_GAIN), ==, 96);
  g_assert_cmpuint (octa_sample_file_get (sample, OCTA_SAMPLE_FIELD_TRIM_START), ==, 0);

  g_test_expect_message ("octa-codec", G_LOG_LEVEL_CRITICAL, "*size*");
  octa_sample_file_set (sample, OCTA_SAMPLE_FIELD_TRIG_QUANTIZATION, 0x100);
  g_test_assert_expected_messages ();
  g_test_expect_message ("octa-codec", G_LOG_LEVEL_CRITICAL, "*size*");
  octa_sample_file_set (sample, OCTA_SAMPLE_FIELD_GAIN, 0x10000);
  g_test_assert_expected_messages ();
  g_test_expect_message ("octa-codec", G_LOG_LEVEL_CRITICAL, "*index < OCTA_N_SLICES*");
  octa_sample_file_set_slice (sample, 64, (OctaSlice) { 1, 2, 3 });
  g_test_assert_expected_messages ();
  {
    g_autofree guint8 *b3 = encode_copy (sample);

    g_assert_cmpmem (b3, OT_SIZE, b2, OT_SIZE);
  }
}

static void
test_slices (void)
{
  const guint indices[] = { 0, 1, 62, 63 };

  for (guint i = 0; i < G_N_ELEMENTS (indices); i++)
    {
      g_autoptr(OctaSampleFile) sample = octa_sample_file_new_blank (TEST_NAME);
      g_autofree guint8 *before = encode_copy (sample);
      g_autofree guint8 *after = NULL;
      g_autofree char *what = g_strdup_printf ("slice %u", indices[i]);
      OctaSlice s = { 0x01020304 + indices[i], 0x7FFFFFFF, OCTA_SLICE_NO_LOOP };
      OctaSlice back;
      guint8 expect[12];

      octa_sample_file_set_slice (sample, indices[i], s);
      back = octa_sample_file_get_slice (sample, indices[i]);
      g_assert_cmpuint (back.start, ==, s.start);
      g_assert_cmpuint (back.end, ==, s.end);
      g_assert_cmpuint (back.loop, ==, s.loop);
      after = encode_copy (sample);
      put_be (expect, s.start, 4);
      put_be (expect + 4, s.end, 4);
      put_be (expect + 8, s.loop, 4);
      assert_run (what, before, after, 58 + 12 * (gsize) indices[i], expect, 12);
    }
  /* The last entry ends where the slice count starts. */
  g_assert_cmpuint (58 + 12 * 64, ==, 826);
}

static void
test_copy_is_independent (void)
{
  g_autoptr(OctaSampleFile) sample = octa_sample_file_new_blank (TEST_NAME);
  g_autoptr(OctaSampleFile) copy = octa_sample_file_copy (sample);

  octa_sample_file_set (copy, OCTA_SAMPLE_FIELD_TEMPO_X24, 3000);
  g_assert_cmpuint (octa_sample_file_get (sample, OCTA_SAMPLE_FIELD_TEMPO_X24), ==, 2880);
  g_assert_cmpuint (octa_sample_file_get (copy, OCTA_SAMPLE_FIELD_TEMPO_X24), ==, 3000);
  g_assert_cmpstr (octa_sample_file_get_image (copy)->name, ==, TEST_NAME);
}

/* ---- bad input ---------------------------------------------------------- */

static guint8 *
valid_file (void)
{
  g_autoptr(OctaSampleFile) sample = octa_sample_file_new_blank (NULL);

  octa_sample_file_set (sample, OCTA_SAMPLE_FIELD_TRIM_END, 44100);
  octa_sample_file_set (sample, OCTA_SAMPLE_FIELD_SLICE_COUNT, 1);
  octa_sample_file_set_slice (sample, 0, (OctaSlice) { 0, 44100, OCTA_SLICE_NO_LOOP });
  return encode_copy (sample);
}

static void
assert_refused (const guint8 *data,
                gsize         len,
                OctaLoadFlags flags,
                int           code,
                const char   *what)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OctaSampleFile) sample = NULL;

  sample = octa_sample_file_new_from_data (data, len, TEST_NAME, flags, &error);
  if (sample != NULL)
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
    58,         /* slices */
    826,        /* slice count */
    830,        /* checksum */
  };

  octa_test_check_container_damage (OCTA_FILE_KIND_SAMPLE_ATTRS, (OctaTestDecodeFunc) octa_sample_file_new_from_data,
                                    (GDestroyNotify) octa_sample_file_free, data, cuts, G_N_ELEMENTS (cuts));
}

static void
test_bad_checksum (void)
{
  g_autofree guint8 *data = valid_file ();
  g_autoptr(OctaSampleFile) sample = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *edited = NULL;
  const guint8 tempo[] = { 0x00, 0x00, 0x0B, 0xB8 };

  data[OT_SIZE - 1] += 1;
  assert_refused (data, OT_SIZE, OCTA_LOAD_DEFAULT, OCTA_CODEC_ERROR_BAD_CHECKSUM, "bad checksum");

  sample = octa_sample_file_new_from_data (data, OT_SIZE, TEST_NAME, OCTA_LOAD_ALLOW_BAD_CHECKSUM,
                                           &error);
  g_assert_no_error (error);
  g_assert_false (octa_sample_file_get_image (sample)->checksum_ok_at_load);
  bytes = octa_sample_file_encode (sample);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), data, OT_SIZE);

  octa_sample_file_set (sample, OCTA_SAMPLE_FIELD_TEMPO_X24, 3000);
  edited = encode_copy (sample);
  assert_run ("edit after bad checksum", data, edited, 23, tempo, 4);
}

static void
test_garbage (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (0x534D5041);
  g_autofree guint8 *valid = valid_file ();

  for (guint round = 0; round < 200; round++)
    {
      gsize len = round < 100 ? g_rand_int_range (rand, 0, 2 * OT_SIZE) : OT_SIZE;
      g_autofree guint8 *data = g_malloc (MAX (len, 1));
      g_autoptr(GError) error = NULL;
      g_autoptr(OctaSampleFile) sample = NULL;

      for (gsize i = 0; i < len; i++)
        data[i] = g_rand_int (rand);
      if (round % 2 == 1 && len >= 22)
        memcpy (data, valid, 22);

      sample = octa_sample_file_new_from_data (data, len, TEST_NAME, OCTA_LOAD_ALLOW_BAD_CHECKSUM,
                                               &error);
      if (round % 2 == 1 && len == OT_SIZE)
        {
          g_autoptr(GBytes) bytes = NULL;

          g_assert_no_error (error);
          g_assert_cmpuint (octa_sample_file_get (sample, OCTA_SAMPLE_FIELD_GAIN), ==,
                            (data[43] << 8) | data[44]);
          g_assert_cmpuint (octa_sample_file_get (sample, OCTA_SAMPLE_FIELD_TRIG_QUANTIZATION), ==,
                            data[45]);
          bytes = octa_sample_file_encode (sample);
          g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), data, len);
        }
      else
        {
          g_assert_null (sample);
          g_assert_nonnull (error);
          g_assert_true (error->domain == OCTA_CODEC_ERROR);
          g_assert_true (g_str_has_prefix (error->message, TEST_NAME ": "));
        }
    }
}

/* ---- corpus ------------------------------------------------------------- */

static gboolean
is_ot (const char *path)
{
  return octa_file_kind_from_filename (path) == OCTA_FILE_KIND_SAMPLE_ATTRS;
}

static void
test_corpus_roundtrip (void)
{
  g_autoptr(GPtrArray) files = NULL;
  guint n_ok = 0, n_empty = 0;

  if (octa_test_skip_without_corpus ())
    return;

  files = octa_test_find_files (octa_test_corpus_dir (), is_ot);

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = files->pdata[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(OctaSampleFile) sample = NULL;
      g_autofree guint8 *data = NULL;
      gsize len;

      g_test_message ("%s", path);
      data = octa_test_read_file (path, &len);
      sample = octa_sample_file_new_from_data (data, len, path, OCTA_LOAD_DEFAULT, &error);
      if (len == 0)
        {
          /* Empty placeholders sit next to samples in some pools. */
          g_assert_null (sample);
          g_assert_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_TRUNCATED);
          g_assert_true (g_str_has_prefix (error->message, path));
          n_empty++;
        }
      else
        {
          g_autoptr(GBytes) bytes = NULL;

          g_assert_no_error (error);
          bytes = octa_sample_file_encode (sample);
          g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), data, len);
          g_assert_cmpuint (octa_sample_file_get (sample, OCTA_SAMPLE_FIELD_SLICE_COUNT), <=, 64);
          n_ok++;
        }
    }
  g_assert_cmpuint (n_ok, >=, 20);
  g_assert_cmpuint (n_empty, >=, 1);
}

static OctaSampleFile *
open_corpus (const char *rel)
{
  g_autofree char *path = g_build_filename (octa_test_corpus_dir (), rel, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *data = NULL;
  gsize len;
  OctaSampleFile *sample;

  data = octa_test_read_file (path, &len);
  sample = octa_sample_file_new_from_data (data, len, path, OCTA_LOAD_DEFAULT, &error);
  g_assert_no_error (error);
  return sample;
}

static void
test_corpus_0slices (void)
{
  g_autoptr(OctaSampleFile) sample = NULL;

  if (octa_test_skip_without_corpus ())
    return;

  sample = open_corpus ("octatools/ot-sample-settings/checksum/0slices.ot");
  g_assert_cmpuint (octa_sample_file_get (sample, OCTA_SAMPLE_FIELD_FLAG), ==, 1);
  g_assert_cmpuint (octa_sample_file_get (sample, OCTA_SAMPLE_FIELD_TEMPO_X24), ==, 2281);
  g_assert_cmpuint (octa_sample_file_get (sample, OCTA_SAMPLE_FIELD_TRIM_LENGTH_X100), ==, 800);
  g_assert_cmpuint (octa_sample_file_get (sample, OCTA_SAMPLE_FIELD_TRIM_END), ==, 890839);
  g_assert_cmpuint (octa_sample_file_get (sample, OCTA_SAMPLE_FIELD_GAIN), ==, 48);
  g_assert_cmpuint (octa_sample_file_get (sample, OCTA_SAMPLE_FIELD_TRIG_QUANTIZATION), ==, 0xFF);
  g_assert_cmpuint (octa_sample_file_get (sample, OCTA_SAMPLE_FIELD_SLICE_COUNT), ==, 0);
}

static void
test_corpus_leftover_slices (void)
{
  g_autoptr(OctaSampleFile) sample = NULL;
  OctaSlice s;

  if (octa_test_skip_without_corpus ())
    return;

  /* A device file with entries beyond its slice count (spec §6). */
  sample = open_corpus ("octatools/ot-sample-settings/checksum/62slices.ot");
  g_assert_cmpuint (octa_sample_file_get (sample, OCTA_SAMPLE_FIELD_SLICE_COUNT), ==, 62);
  s = octa_sample_file_get_slice (sample, 63);
  g_assert_cmpuint (s.start, ==, 0x7FFFFFFF);
  g_assert_cmpuint (s.end, ==, 12989);
  g_assert_cmpuint (s.loop, ==, OCTA_SLICE_NO_LOOP);
}

static void
test_corpus_empty_placeholder (void)
{
  g_autofree char *path = NULL;
  g_autofree guint8 *data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(OctaSampleFile) sample = NULL;
  gsize len;

  if (octa_test_skip_without_corpus ())
    return;

  path = g_build_filename (octa_test_corpus_dir (), "octatools", "sample-slots@86716d9",
                           "consolidation-to_audio_pool", "AUDIO", "third-0.ot", NULL);
  data = octa_test_read_file (path, &len);
  g_assert_cmpuint (len, ==, 0);
  sample = octa_sample_file_new_from_data (data, len, path, OCTA_LOAD_ALLOW_BAD_CHECKSUM, &error);
  g_assert_null (sample);
  g_assert_nonnull (error);
  g_assert_true (g_error_matches (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_TRUNCATED) ||
                 g_error_matches (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_BAD_MAGIC));
  g_assert_true (g_str_has_prefix (error->message, path));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/codec/sample/blank", test_blank);
  g_test_add_func ("/codec/sample/field-table", test_field_table);
  g_test_add_func ("/codec/sample/fields", test_fields);
  g_test_add_func ("/codec/sample/narrow-fields", test_narrow_fields);
  g_test_add_func ("/codec/sample/slices", test_slices);
  g_test_add_func ("/codec/sample/copy-is-independent", test_copy_is_independent);
  g_test_add_func ("/codec/sample/bad/container", test_container_damage);
  g_test_add_func ("/codec/sample/bad/checksum", test_bad_checksum);
  g_test_add_func ("/codec/sample/bad/garbage", test_garbage);
  g_test_add_func ("/codec/sample/corpus/roundtrip", test_corpus_roundtrip);
  g_test_add_func ("/codec/sample/corpus/0slices", test_corpus_0slices);
  g_test_add_func ("/codec/sample/corpus/leftover-slices", test_corpus_leftover_slices);
  g_test_add_func ("/codec/sample/corpus/empty-placeholder", test_corpus_empty_placeholder);

  return g_test_run ();
}
