/* SPDX-License-Identifier: MIT */
#include <string.h>

#include "octa-test-utils.h"

static const OctaFileKind binary_kinds[] = {
  OCTA_FILE_KIND_BANK,
  OCTA_FILE_KIND_MARKERS,
  OCTA_FILE_KIND_ARRANGEMENT,
  OCTA_FILE_KIND_SAMPLE_ATTRS,
};

static void
test_checksum_rule (void)
{
  guint8 data[40] = { 0 };

  /* Bytes 0–15 are outside the sum; the version byte at 21 is inside. */
  memset (data, 0xFF, 16);
  data[21] = 6;
  data[30] = 0xFF;
  data[37] = 0x01;
  g_assert_cmpuint (octa_checksum_compute (data, sizeof data), ==, 6 + 0xFF + 1);

  /* The last two bytes hold the sum and are not part of it. */
  data[38] = 0xAB;
  data[39] = 0xCD;
  g_assert_cmpuint (octa_checksum_compute (data, sizeof data), ==, 6 + 0xFF + 1);
  g_assert_cmpuint (octa_checksum_stored (data, sizeof data), ==, 0xABCD);
}

static void
test_checksum_wraps (void)
{
  gsize len = 16 + 300 + 2;
  g_autofree guint8 *data = g_malloc0 (len);

  memset (data + 16, 0xFF, 300);
  g_assert_cmpuint (octa_checksum_compute (data, len), ==, (300 * 0xFF) & 0xFFFF);
}

static void
test_blank_images (void)
{
  static const guint16 expected_sums[] = { 23, 4, 6, 2 };

  for (guint i = 0; i < G_N_ELEMENTS (binary_kinds); i++)
    {
      g_autoptr(OctaImage) image = octa_image_new_blank (binary_kinds[i], NULL);
      g_autoptr(GBytes) bytes = octa_image_encode (image);
      gsize len;
      const guint8 *data = g_bytes_get_data (bytes, &len);

      g_assert_cmpuint (len, ==, octa_file_kind_size (binary_kinds[i]));
      g_assert_cmpmem (data, 4, "FORM", 4);
      g_assert_cmpmem (data + 8, 4, "DPS1", 4);
      g_assert_cmpmem (data + 12, 4, octa_file_kind_tag (binary_kinds[i]), 4);
      g_assert_cmpuint (data[21], ==, octa_file_kind_version (binary_kinds[i]));
      g_assert_cmpuint (octa_checksum_stored (data, len), ==, expected_sums[i]);
      g_assert_cmpint (octa_file_kind_detect (data, len), ==, binary_kinds[i]);
    }
}

static void
test_detect_and_names (void)
{
  const guint8 text[] = "####\r\n";
  const guint8 junk[] = "FORM\0\0\0\0DPS1XXXX";

  g_assert_cmpint (octa_file_kind_detect (text, sizeof text - 1), ==, OCTA_FILE_KIND_PROJECT);
  g_assert_cmpint (octa_file_kind_detect (junk, sizeof junk - 1), ==, OCTA_FILE_KIND_UNKNOWN);
  g_assert_cmpint (octa_file_kind_detect (junk, 3), ==, OCTA_FILE_KIND_UNKNOWN);

  g_assert_cmpint (octa_file_kind_from_filename ("/x/bank07.work"), ==, OCTA_FILE_KIND_BANK);
  g_assert_cmpint (octa_file_kind_from_filename ("bank16.strd"), ==, OCTA_FILE_KIND_BANK);
  g_assert_cmpint (octa_file_kind_from_filename ("markers.strd"), ==, OCTA_FILE_KIND_MARKERS);
  g_assert_cmpint (octa_file_kind_from_filename ("arr08.work"), ==, OCTA_FILE_KIND_ARRANGEMENT);
  g_assert_cmpint (octa_file_kind_from_filename ("project.work"), ==, OCTA_FILE_KIND_PROJECT);
  g_assert_cmpint (octa_file_kind_from_filename ("Kick 01.OT"), ==, OCTA_FILE_KIND_SAMPLE_ATTRS);
  g_assert_cmpint (octa_file_kind_from_filename ("kick.wav"), ==, OCTA_FILE_KIND_UNKNOWN);
  g_assert_cmpint (octa_file_kind_from_filename ("README"), ==, OCTA_FILE_KIND_UNKNOWN);
}

static void
expect_error (OctaFileKind  kind,
              const guint8 *data,
              gsize         len,
              OctaLoadFlags flags,
              int           code,
              const char   *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OctaImage) image = octa_image_new_from_data (kind, data, len, "some/file.work",
                                                         flags, &error);

  g_assert_null (image);
  g_assert_error (error, OCTA_CODEC_ERROR, code);
  g_assert_nonnull (strstr (error->message, "some/file.work"));
  if (fragment != NULL && strstr (error->message, fragment) == NULL)
    g_error ("message \"%s\" lacks \"%s\"", error->message, fragment);
}

static void
test_tiny_files (void)
{
  expect_error (OCTA_FILE_KIND_BANK, (const guint8 *) "", 0, 0, OCTA_CODEC_ERROR_TRUNCATED,
                "truncated");
  expect_error (OCTA_FILE_KIND_BANK, (const guint8 *) "FO", 2, 0, OCTA_CODEC_ERROR_TRUNCATED,
                "truncated");
  expect_error (OCTA_FILE_KIND_BANK, (const guint8 *) "XY", 2, 0, OCTA_CODEC_ERROR_BAD_MAGIC, NULL);
}

static void
test_container_errors (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (binary_kinds); i++)
    {
      OctaFileKind kind = binary_kinds[i];
      g_autoptr(OctaImage) blank = octa_image_new_blank (kind, NULL);
      g_autoptr(GBytes) bytes = octa_image_encode (blank);
      gsize len = g_bytes_get_size (bytes);
      g_autofree guint8 *data = g_memdup2 (g_bytes_get_data (bytes, NULL), len);
      g_autofree guint8 *longer = g_malloc0 (len + 1);
      const gsize cuts[] = { 0, 3, 4, 15, 16, 21, 22, len / 2, len - 2, len - 1 };

      for (guint c = 0; c < G_N_ELEMENTS (cuts); c++)
        expect_error (kind, data, cuts[c], 0, OCTA_CODEC_ERROR_TRUNCATED, NULL);

      memcpy (longer, data, len);
      expect_error (kind, longer, len + 1, 0, OCTA_CODEC_ERROR_TRUNCATED, "wrong size");

      data[0] = 'X';
      expect_error (kind, data, len, 0, OCTA_CODEC_ERROR_BAD_MAGIC, "offset 0");
      data[0] = 'F';

      data[9] = 'X';
      expect_error (kind, data, len, 0, OCTA_CODEC_ERROR_BAD_MAGIC, "offset 8");
      data[9] = 'P';

      data[12] = 'Z';
      expect_error (kind, data, len, 0, OCTA_CODEC_ERROR_BAD_MAGIC, "offset 12");
      data[12] = octa_file_kind_tag (kind)[0];

      data[5] = 1;
      expect_error (kind, data, len, 0, OCTA_CODEC_ERROR_BAD_MAGIC, "offset 5");
      data[5] = 0;

      data[21]++;
      expect_error (kind, data, len, OCTA_LOAD_ALLOW_BAD_CHECKSUM,
                    OCTA_CODEC_ERROR_UNSUPPORTED_VERSION, "version");
      data[21]--;

      data[len - 1] ^= 0x5A;
      expect_error (kind, data, len, 0, OCTA_CODEC_ERROR_BAD_CHECKSUM, "checksum");
      data[len - 1] ^= 0x5A;
    }
}

static void
test_checksum_matches_plain_sum (void)
{
  GRand *rand = g_rand_new_with_seed (3);

  for (guint round = 0; round < 50; round++)
    {
      gsize len = 18 + g_rand_int_range (rand, 0, 5000);
      g_autofree guint8 *data = g_malloc (len);
      guint32 plain = 0;

      for (gsize i = 0; i < len; i++)
        data[i] = round % 2 ? 0xFF : g_rand_int_range (rand, 0, 256);
      for (gsize i = 16; i < len - 2; i++)
        plain += data[i];
      g_assert_cmpuint (octa_checksum_compute (data, len), ==, plain & 0xFFFF);
    }
  g_rand_free (rand);
}

static void
test_bad_checksum_kept_until_edit (void)
{
  g_autoptr(OctaImage) blank = octa_image_new_blank (OCTA_FILE_KIND_ARRANGEMENT, NULL);
  g_autoptr(GBytes) bytes = octa_image_encode (blank);
  g_autoptr(GError) error = NULL;
  g_autoptr(OctaImage) image = NULL;
  g_autoptr(GBytes) same = NULL;
  g_autoptr(GBytes) edited = NULL;
  gsize len = g_bytes_get_size (bytes);
  g_autofree guint8 *data = g_memdup2 (g_bytes_get_data (bytes, NULL), len);
  const guint8 *out;

  data[len - 1] = 0x77;
  image = octa_image_new_from_data (OCTA_FILE_KIND_ARRANGEMENT, data, len, "arr01.work",
                                    OCTA_LOAD_ALLOW_BAD_CHECKSUM, &error);
  g_assert_no_error (error);
  g_assert_false (image->checksum_ok_at_load);
  g_assert_false (image->modified);

  same = octa_image_encode (image);
  g_assert_cmpmem (g_bytes_get_data (same, NULL), g_bytes_get_size (same), data, len);

  octa_image_set_u8 (image, 100, 3);
  edited = octa_image_encode (image);
  out = g_bytes_get_data (edited, NULL);
  g_assert_cmpuint (octa_checksum_stored (out, len), ==, octa_checksum_compute (out, len));
  g_assert_cmpuint (octa_checksum_stored (out, len), ==, 6 + 3);
}

static void
test_big_endian_access (void)
{
  g_autoptr(OctaImage) image = octa_image_new_blank (OCTA_FILE_KIND_SAMPLE_ATTRS, NULL);

  image->modified = FALSE;
  octa_image_set_u8 (image, 22, 0);
  g_assert_false (image->modified);

  octa_image_set_u16 (image, 43, 0x1234);
  g_assert_true (image->modified);
  g_assert_cmpuint (image->data[43], ==, 0x12);
  g_assert_cmpuint (image->data[44], ==, 0x34);
  g_assert_cmpuint (octa_image_get_u16 (image, 43), ==, 0x1234);

  octa_image_set_u32 (image, 23, 0x0B40A1B2);
  g_assert_cmpuint (image->data[23], ==, 0x0B);
  g_assert_cmpuint (image->data[26], ==, 0xB2);
  g_assert_cmpuint (octa_image_get_u32 (image, 23), ==, 0x0B40A1B2);

  octa_image_set_u64 (image, 100, G_GUINT64_CONSTANT (0x0102030405060708));
  g_assert_cmpuint (image->data[100], ==, 1);
  g_assert_cmpuint (image->data[107], ==, 8);
  g_assert_cmpuint (octa_image_get_u64 (image, 100), ==, G_GUINT64_CONSTANT (0x0102030405060708));
}

typedef struct
{
  guint  calls;
  gsize  last_offset;
  guint8 last_old;
  guint8 last_new;
} ChangeLog;

static void
record_change (OctaImage *image,
               gsize      offset,
               guint8     old_value,
               guint8     new_value,
               gpointer   user_data)
{
  ChangeLog *log = user_data;

  g_assert_cmpuint (image->data[offset], ==, old_value);
  log->calls++;
  log->last_offset = offset;
  log->last_old = old_value;
  log->last_new = new_value;
}

static void
test_change_func (void)
{
  g_autoptr(OctaImage) image = octa_image_new_blank (OCTA_FILE_KIND_MARKERS, NULL);
  ChangeLog log = { 0 };
  const guint8 bytes[] = { 0, 7, 0 };

  octa_image_set_change_func (image, record_change, &log);
  octa_image_set_u8 (image, 500, 0);
  g_assert_cmpuint (log.calls, ==, 0);

  octa_image_set_u32 (image, 600, 0x00000102);
  g_assert_cmpuint (log.calls, ==, 2);
  g_assert_cmpuint (log.last_offset, ==, 603);
  g_assert_cmpuint (log.last_old, ==, 0);
  g_assert_cmpuint (log.last_new, ==, 2);

  octa_image_set_bytes (image, 700, bytes, sizeof bytes);
  g_assert_cmpuint (log.calls, ==, 3);
  g_assert_cmpuint (log.last_offset, ==, 701);
  g_assert_cmpuint (image->data[701], ==, 7);

  octa_image_set_change_func (image, NULL, NULL);
  octa_image_set_u8 (image, 800, 9);
  g_assert_cmpuint (log.calls, ==, 3);
}

static void
test_garbage_never_crashes (void)
{
  GRand *rand = g_rand_new_with_seed (42);

  for (guint i = 0; i < G_N_ELEMENTS (binary_kinds); i++)
    for (guint round = 0; round < 20; round++)
      {
        gsize len = octa_file_kind_size (binary_kinds[i]);
        g_autofree guint8 *data = g_malloc (len);
        g_autoptr(GError) error = NULL;
        g_autoptr(OctaImage) image = NULL;

        for (gsize b = 0; b < len; b++)
          data[b] = g_rand_int_range (rand, 0, 256);
        if (round % 2 == 0)
          memcpy (data, "FORM\0\0\0\0DPS1", 12);

        image = octa_image_new_from_data (binary_kinds[i], data, len, "garbage", 0, &error);
        g_assert_null (image);
        g_assert_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_BAD_MAGIC);
      }

  g_rand_free (rand);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/codec/image/checksum-rule", test_checksum_rule);
  g_test_add_func ("/codec/image/checksum-wraps", test_checksum_wraps);
  g_test_add_func ("/codec/image/checksum-matches-plain-sum", test_checksum_matches_plain_sum);
  g_test_add_func ("/codec/image/blank", test_blank_images);
  g_test_add_func ("/codec/image/detect-and-names", test_detect_and_names);
  g_test_add_func ("/codec/image/tiny-files", test_tiny_files);
  g_test_add_func ("/codec/image/container-errors", test_container_errors);
  g_test_add_func ("/codec/image/bad-checksum-kept-until-edit", test_bad_checksum_kept_until_edit);
  g_test_add_func ("/codec/image/big-endian-access", test_big_endian_access);
  g_test_add_func ("/codec/image/change-func", test_change_func);
  g_test_add_func ("/codec/image/garbage", test_garbage_never_crashes);

  return g_test_run ();
}
