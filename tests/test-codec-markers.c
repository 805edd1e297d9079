/* SPDX-License-Identifier: MIT */
#include <string.h>

#include "octa-test-utils.h"

#define MARKERS_SIZE 207000
#define RECORD_SIZE  784
#define TEST_NAME    "some/dir/markers.work"

typedef struct
{
  const char   *label;
  OctaSlotType  type;
  guint         slot;
  gsize         expected_offset;
} SlotCase;

/*
 * Record offsets from spec §3, written out per region: Flex slot n (1-based)
 * at 22 + 784·(n−1), recorder buffer b at 22 + 784·(127+b), Static slot n at
 * 22 + 784·(136+n−1).
 */
static gsize
spec_flex_offset (guint n)
{
  return 22 + 784 * (gsize) (n - 1);
}

static gsize
spec_recorder_offset (guint b)
{
  return 22 + 784 * (gsize) (127 + b);
}

static gsize
spec_static_offset (guint n)
{
  return 22 + 784 * (gsize) (136 + n - 1);
}

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
encode_copy (OctaMarkersFile *markers)
{
  g_autoptr(GBytes) bytes = octa_markers_file_encode (markers);
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);

  g_assert_cmpuint (len, ==, MARKERS_SIZE);
  return g_memdup2 (data, len);
}

static void
put_be32 (guint8  *out,
          guint32  value)
{
  out[0] = value >> 24;
  out[1] = value >> 16;
  out[2] = value >> 8;
  out[3] = value;
}

static guint32
get_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/*
 * Asserts @after holds @expect at @start, that nothing else changed except
 * the checksum, and that the checksum is right.
 */
static void
assert_run (const char   *what,
            const guint8 *before,
            const guint8 *after,
            gsize         len,
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
  offsets[n] = len - 2;
  offsets[n + 1] = len - 1;
  octa_test_assert_changed_only (what, before, after, len, offsets, n + 2);
  g_assert_cmpuint ((after[len - 2] << 8) | after[len - 1], ==, sum_checksum (after, len));
}

static const SlotCase slot_cases[] = {
  { "FLEX 1",     OCTA_SLOT_FLEX,   0,   0 },
  { "FLEX 44",    OCTA_SLOT_FLEX,   43,  0 },
  { "FLEX 128",   OCTA_SLOT_FLEX,   127, 0 },
  { "recorder 1", OCTA_SLOT_FLEX,   128, 0 },
  { "recorder 8", OCTA_SLOT_FLEX,   135, 0 },
  { "STATIC 1",   OCTA_SLOT_STATIC, 0,   0 },
  { "STATIC 5",   OCTA_SLOT_STATIC, 4,   0 },
  { "STATIC 128", OCTA_SLOT_STATIC, 127, 0 },
};

static gsize
slot_case_offset (const SlotCase *c)
{
  if (c->type == OCTA_SLOT_STATIC)
    return spec_static_offset (c->slot + 1);
  if (c->slot >= 128)
    return spec_recorder_offset (c->slot - 127);
  return spec_flex_offset (c->slot + 1);
}

static void
test_blank (void)
{
  g_autoptr(OctaMarkersFile) markers = octa_markers_file_new_blank (NULL);
  g_autoptr(GBytes) bytes = octa_markers_file_encode (markers);
  g_autofree char *md5 = g_compute_checksum_for_bytes (G_CHECKSUM_MD5, bytes);
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);

  g_assert_cmpuint (len, ==, MARKERS_SIZE);
  g_assert_cmpstr (md5, ==, "910223fb216dddf3b2f2e48226da6ca7");
  g_assert_cmpmem (data, 16, "FORM\0\0\0\0DPS1SAMP", 16);
  g_assert_cmpuint (data[21], ==, 4);
  g_assert_cmpuint (data[len - 2], ==, 0x00);
  g_assert_cmpuint (data[len - 1], ==, 0x04);

  for (OctaSlotType type = OCTA_SLOT_FLEX; type <= OCTA_SLOT_STATIC; type++)
    for (guint slot = 0; slot < octa_slot_type_n_slots (type); slot++)
      {
        g_assert_true (octa_markers_file_slot_is_empty (markers, type, slot));
        g_assert_cmpuint (octa_markers_file_get_trim_start (markers, type, slot), ==, 0);
        g_assert_cmpuint (octa_markers_file_get_trim_end (markers, type, slot), ==, 0);
        g_assert_cmpuint (octa_markers_file_get_loop_point (markers, type, slot), ==, 0);
        g_assert_cmpuint (octa_markers_file_get_slice_count (markers, type, slot), ==, 0);
        for (guint i = 0; i < OCTA_N_SLICES; i += 63)
          {
            OctaSlice s = octa_markers_file_get_slice (markers, type, slot, i);
            g_assert_cmpuint (s.start, ==, 0);
            g_assert_cmpuint (s.end, ==, 0);
            g_assert_cmpuint (s.loop, ==, 0);
          }
      }
}

static void
test_slot_types (void)
{
  g_assert_cmpuint (octa_slot_type_n_slots (OCTA_SLOT_FLEX), ==, 136);
  g_assert_cmpuint (octa_slot_type_n_slots (OCTA_SLOT_STATIC), ==, 128);
  g_assert_cmpstr (octa_slot_type_to_string (OCTA_SLOT_FLEX), ==, "flex");
  g_assert_cmpstr (octa_slot_type_to_string (OCTA_SLOT_STATIC), ==, "static");
}

static void
test_offsets (void)
{
  /* The worked examples of spec §3. */
  g_assert_cmpuint (spec_static_offset (5), ==, 109782);
  g_assert_cmpuint (spec_flex_offset (44), ==, 33734);
  g_assert_cmpuint (spec_recorder_offset (1), ==, 100374);
  g_assert_cmpuint (spec_static_offset (1), ==, 106646);
  g_assert_cmpuint (spec_static_offset (128) + RECORD_SIZE, ==, MARKERS_SIZE - 2);

  for (guint i = 0; i < G_N_ELEMENTS (slot_cases); i++)
    g_assert_cmpuint (octa_markers_slot_offset (slot_cases[i].type, slot_cases[i].slot), ==,
                      slot_case_offset (&slot_cases[i]));

  for (guint n = 1; n <= 128; n++)
    {
      g_assert_cmpuint (octa_markers_slot_offset (OCTA_SLOT_FLEX, n - 1), ==, spec_flex_offset (n));
      g_assert_cmpuint (octa_markers_slot_offset (OCTA_SLOT_STATIC, n - 1), ==,
                        spec_static_offset (n));
    }
  for (guint b = 1; b <= 8; b++)
    g_assert_cmpuint (octa_markers_slot_offset (OCTA_SLOT_FLEX, 127 + b), ==,
                      spec_recorder_offset (b));
}

typedef enum
{
  EDIT_TRIM_START,
  EDIT_TRIM_END,
  EDIT_LOOP_POINT,
  EDIT_SLICE_FIRST,
  EDIT_SLICE_LAST,
  EDIT_SLICE_COUNT,
  N_EDITS,
} EditKind;

static const char *const edit_names[N_EDITS] = {
  "trim start", "trim end", "loop point", "slice 0", "slice 63", "slice count",
};

static void
test_accessors (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (slot_cases); c++)
    for (EditKind kind = 0; kind < N_EDITS; kind++)
      {
        const SlotCase *sc = &slot_cases[c];
        g_autoptr(OctaMarkersFile) markers = octa_markers_file_new_blank (TEST_NAME);
        g_autofree guint8 *before = encode_copy (markers);
        g_autofree guint8 *after = NULL;
        g_autofree char *what = g_strdup_printf ("%s %s", sc->label, edit_names[kind]);
        gsize record = slot_case_offset (sc);
        guint8 expect[12];
        gsize start = 0, n = 4;
        guint32 value = 0x8A000000u | (c << 16) | (kind << 8) | 0x5C;
        OctaSlice slice = { value, value + 0x111, 0xFFFFFFFFu };

        switch (kind)
          {
          case EDIT_TRIM_START:
            octa_markers_file_set_trim_start (markers, sc->type, sc->slot, value);
            g_assert_cmpuint (octa_markers_file_get_trim_start (markers, sc->type, sc->slot), ==,
                              value);
            start = record + 0;
            put_be32 (expect, value);
            break;
          case EDIT_TRIM_END:
            octa_markers_file_set_trim_end (markers, sc->type, sc->slot, value);
            g_assert_cmpuint (octa_markers_file_get_trim_end (markers, sc->type, sc->slot), ==,
                              value);
            start = record + 4;
            put_be32 (expect, value);
            break;
          case EDIT_LOOP_POINT:
            octa_markers_file_set_loop_point (markers, sc->type, sc->slot, value);
            g_assert_cmpuint (octa_markers_file_get_loop_point (markers, sc->type, sc->slot), ==,
                              value);
            start = record + 8;
            put_be32 (expect, value);
            break;
          case EDIT_SLICE_FIRST:
          case EDIT_SLICE_LAST:
            {
              guint index = kind == EDIT_SLICE_FIRST ? 0 : 63;
              OctaSlice back;

              octa_markers_file_set_slice (markers, sc->type, sc->slot, index, slice);
              back = octa_markers_file_get_slice (markers, sc->type, sc->slot, index);
              g_assert_cmpuint (back.start, ==, slice.start);
              g_assert_cmpuint (back.end, ==, slice.end);
              g_assert_cmpuint (back.loop, ==, slice.loop);
              start = record + 12 + 12 * index;
              n = 12;
              put_be32 (expect, slice.start);
              put_be32 (expect + 4, slice.end);
              put_be32 (expect + 8, slice.loop);
            }
            break;
          case EDIT_SLICE_COUNT:
            octa_markers_file_set_slice_count (markers, sc->type, sc->slot, 64);
            g_assert_cmpuint (octa_markers_file_get_slice_count (markers, sc->type, sc->slot), ==,
                              64);
            start = record + 780;
            put_be32 (expect, 64);
            break;
          case N_EDITS:
          default:
            g_assert_not_reached ();
          }

        g_assert_false (octa_markers_file_slot_is_empty (markers, sc->type, sc->slot));
        after = encode_copy (markers);
        assert_run (what, before, after, MARKERS_SIZE, start, expect, n);
      }
}

static void
test_clear_and_copy_slot (void)
{
  g_autoptr(OctaMarkersFile) markers = octa_markers_file_new_blank (TEST_NAME);
  g_autofree guint8 *before = NULL;
  g_autofree guint8 *after = NULL;
  gsize from = spec_flex_offset (44), to = spec_static_offset (5);
  OctaSlice s = { 0, 64, OCTA_SLICE_NO_LOOP };

  octa_markers_file_set_trim_end (markers, OCTA_SLOT_FLEX, 43, 88200);
  octa_markers_file_set_slice (markers, OCTA_SLOT_FLEX, 43, 0, s);
  octa_markers_file_set_slice (markers, OCTA_SLOT_FLEX, 43, 40, s);
  octa_markers_file_set_slice_count (markers, OCTA_SLOT_FLEX, 43, 1);
  before = encode_copy (markers);

  octa_markers_file_copy_slot (markers, OCTA_SLOT_FLEX, 43, OCTA_SLOT_STATIC, 4);
  after = encode_copy (markers);
  /* Entries beyond the count (slice 40) travel with the record. */
  assert_run ("copy slot", before, after, MARKERS_SIZE, to, before + from, RECORD_SIZE);
  g_assert_cmpuint (octa_markers_file_get_trim_end (markers, OCTA_SLOT_STATIC, 4), ==, 88200);
  g_assert_cmpuint (octa_markers_file_get_slice (markers, OCTA_SLOT_STATIC, 4, 40).end, ==, 64);

  g_clear_pointer (&before, g_free);
  before = g_steal_pointer (&after);
  octa_markers_file_clear_slot (markers, OCTA_SLOT_FLEX, 43);
  after = encode_copy (markers);
  {
    static const guint8 zeros[RECORD_SIZE] = { 0 };
    assert_run ("clear slot", before, after, MARKERS_SIZE, from, zeros, RECORD_SIZE);
  }
  g_assert_true (octa_markers_file_slot_is_empty (markers, OCTA_SLOT_FLEX, 43));
  g_assert_false (octa_markers_file_slot_is_empty (markers, OCTA_SLOT_STATIC, 4));
}

static void
test_copy_is_independent (void)
{
  g_autoptr(OctaMarkersFile) markers = octa_markers_file_new_blank (TEST_NAME);
  g_autoptr(OctaMarkersFile) copy = NULL;

  octa_markers_file_set_trim_end (markers, OCTA_SLOT_STATIC, 9, 1000);
  copy = octa_markers_file_copy (markers);
  octa_markers_file_set_trim_end (copy, OCTA_SLOT_STATIC, 9, 2000);
  g_assert_cmpuint (octa_markers_file_get_trim_end (markers, OCTA_SLOT_STATIC, 9), ==, 1000);
  g_assert_cmpuint (octa_markers_file_get_trim_end (copy, OCTA_SLOT_STATIC, 9), ==, 2000);
  g_assert_cmpstr (octa_markers_file_get_image (copy)->name, ==, TEST_NAME);
}

static void
test_bad_index (void)
{
  g_autoptr(OctaMarkersFile) markers = octa_markers_file_new_blank (TEST_NAME);

  g_test_expect_message ("octa-codec", G_LOG_LEVEL_CRITICAL, "*slot_is_valid*");
  octa_markers_file_set_trim_end (markers, OCTA_SLOT_STATIC, 128, 5);
  g_test_assert_expected_messages ();

  g_test_expect_message ("octa-codec", G_LOG_LEVEL_CRITICAL, "*slot_is_valid*");
  g_assert_cmpuint (octa_markers_file_get_trim_end (markers, OCTA_SLOT_FLEX, 136), ==, 0);
  g_test_assert_expected_messages ();

  g_test_expect_message ("octa-codec", G_LOG_LEVEL_CRITICAL, "*index < OCTA_N_SLICES*");
  octa_markers_file_set_slice (markers, OCTA_SLOT_FLEX, 0, 64, (OctaSlice) { 1, 2, 3 });
  g_test_assert_expected_messages ();

  g_test_expect_message ("octa-codec", G_LOG_LEVEL_CRITICAL, "*count <= OCTA_N_SLICES*");
  octa_markers_file_set_slice_count (markers, OCTA_SLOT_FLEX, 0, 65);
  g_test_assert_expected_messages ();

  {
    g_autoptr(GBytes) bytes = octa_markers_file_encode (markers);
    g_autofree char *md5 = g_compute_checksum_for_bytes (G_CHECKSUM_MD5, bytes);

    g_assert_cmpstr (md5, ==, "910223fb216dddf3b2f2e48226da6ca7");
  }
}

/* ---- bad input ---------------------------------------------------------- */

static guint8 *
valid_file (void)
{
  g_autoptr(OctaMarkersFile) markers = octa_markers_file_new_blank (NULL);

  octa_markers_file_set_trim_end (markers, OCTA_SLOT_FLEX, 0, 44100);
  octa_markers_file_set_trim_end (markers, OCTA_SLOT_STATIC, 127, 12345);
  return encode_copy (markers);
}

static void
assert_refused (const guint8 *data,
                gsize         len,
                OctaLoadFlags flags,
                int           code,
                const char   *what)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OctaMarkersFile) markers = NULL;

  markers = octa_markers_file_new_from_data (data, len, TEST_NAME, flags, &error);
  if (markers != NULL)
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
    22 + 784,               /* end of Flex slot 1 */
    100374,                 /* recorder buffers */
    106646,                 /* Static slots */
    206998,                 /* checksum */
  };

  octa_test_check_container_damage (OCTA_FILE_KIND_MARKERS, (OctaTestDecodeFunc) octa_markers_file_new_from_data,
                                    (GDestroyNotify) octa_markers_file_free, data, cuts, G_N_ELEMENTS (cuts));
}

static void
test_bad_checksum (void)
{
  g_autofree guint8 *data = valid_file ();
  g_autoptr(OctaMarkersFile) markers = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *edited = NULL;
  guint16 good = sum_checksum (data, MARKERS_SIZE);

  data[MARKERS_SIZE - 1] ^= 0x5A;
  assert_refused (data, MARKERS_SIZE, OCTA_LOAD_DEFAULT, OCTA_CODEC_ERROR_BAD_CHECKSUM,
                  "bad checksum");

  markers = octa_markers_file_new_from_data (data, MARKERS_SIZE, TEST_NAME,
                                             OCTA_LOAD_ALLOW_BAD_CHECKSUM, &error);
  g_assert_no_error (error);
  g_assert_nonnull (markers);
  g_assert_false (octa_markers_file_get_image (markers)->checksum_ok_at_load);
  bytes = octa_markers_file_encode (markers);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), data, MARKERS_SIZE);

  /* Writing a value that is already there is no edit. */
  octa_markers_file_set_trim_end (markers, OCTA_SLOT_FLEX, 0, 44100);
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = octa_markers_file_encode (markers);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), data, MARKERS_SIZE);

  octa_markers_file_set_trim_end (markers, OCTA_SLOT_FLEX, 0, 44101);
  edited = encode_copy (markers);
  g_assert_cmpuint ((edited[MARKERS_SIZE - 2] << 8) | edited[MARKERS_SIZE - 1], ==, good + 1);
  {
    const guint8 expect[] = { 0x00, 0x00, 0xAC, 0x45 };
    assert_run ("edit after bad checksum", data, edited, MARKERS_SIZE, 22 + 4, expect, 4);
  }
}

static void
test_garbage (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (0x5A4D5021);
  g_autofree guint8 *valid = valid_file ();

  for (guint round = 0; round < 40; round++)
    {
      gsize len = round < 20 ? g_rand_int_range (rand, 0, 4096) : MARKERS_SIZE;
      g_autofree guint8 *data = g_malloc (MAX (len, 1));
      g_autoptr(GError) error = NULL;
      g_autoptr(OctaMarkersFile) markers = NULL;

      for (gsize i = 0; i < len; i++)
        data[i] = g_rand_int (rand);
      if (round % 2 == 1 && len >= 22)
        memcpy (data, valid, 22);

      markers = octa_markers_file_new_from_data (data, len, TEST_NAME,
                                                 OCTA_LOAD_ALLOW_BAD_CHECKSUM, &error);
      if (round % 2 == 1 && len == MARKERS_SIZE)
        {
          g_autoptr(GBytes) bytes = NULL;

          /* Records have no magic: any payload is a markers file. */
          g_assert_no_error (error);
          bytes = octa_markers_file_encode (markers);
          g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), data, len);
          for (guint slot = 0; slot < OCTA_N_FLEX_SLOTS; slot++)
            {
              OctaSlice s = octa_markers_file_get_slice (markers, OCTA_SLOT_FLEX, slot, 63);

              g_assert_cmpuint (s.loop, ==, get_be32 (data + spec_flex_offset (slot + 1) + 776));
            }
        }
      else
        {
          g_assert_null (markers);
          g_assert_nonnull (error);
          g_assert_true (error->domain == OCTA_CODEC_ERROR);
          g_assert_true (g_str_has_prefix (error->message, TEST_NAME ": "));
        }
    }
}

static void
test_roundtrip_edit_reopen (void)
{
  g_autoptr(OctaMarkersFile) markers = octa_markers_file_new_blank (TEST_NAME);
  g_autoptr(OctaMarkersFile) again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) bytes2 = NULL;
  g_autoptr(GError) error = NULL;
  OctaSlice s = { 5514, 11026, OCTA_SLICE_NO_LOOP };

  octa_markers_file_set_trim_end (markers, OCTA_SLOT_STATIC, 4, 88200);
  octa_markers_file_set_slice (markers, OCTA_SLOT_STATIC, 4, 1, s);
  octa_markers_file_set_slice_count (markers, OCTA_SLOT_STATIC, 4, 16);
  bytes = octa_markers_file_encode (markers);

  again = octa_markers_file_new_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                           TEST_NAME, OCTA_LOAD_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (octa_markers_file_get_trim_end (again, OCTA_SLOT_STATIC, 4), ==, 88200);
  g_assert_cmpuint (octa_markers_file_get_slice_count (again, OCTA_SLOT_STATIC, 4), ==, 16);
  g_assert_cmpuint (octa_markers_file_get_slice (again, OCTA_SLOT_STATIC, 4, 1).end, ==, 11026);
  bytes2 = octa_markers_file_encode (again);
  g_assert_true (g_bytes_equal (bytes, bytes2));
}

/* ---- corpus ------------------------------------------------------------- */

/* By name or by type tag: test fixtures are not always named like the device's files. */
static gboolean
is_markers (const char *path)
{
  g_autofree guint8 *data = NULL;
  gsize len;

  if (!g_str_has_suffix (path, ".work") && !g_str_has_suffix (path, ".strd"))
    return FALSE;
  if (octa_file_kind_from_filename (path) == OCTA_FILE_KIND_MARKERS)
    return TRUE;
  data = octa_test_read_file (path, &len);
  return octa_file_kind_detect (data, len) == OCTA_FILE_KIND_MARKERS;
}

static OctaMarkersFile *
open_corpus (const char  *rel,
             guint8     **data_out,
             gsize       *len_out)
{
  g_autofree char *path = g_build_filename (octa_test_corpus_dir (), rel, NULL);
  g_autoptr(GError) error = NULL;
  gsize len;
  guint8 *data = octa_test_read_file (path, &len);
  OctaMarkersFile *markers;

  markers = octa_markers_file_new_from_data (data, len, path, OCTA_LOAD_DEFAULT, &error);
  g_assert_no_error (error);
  if (data_out != NULL)
    *data_out = data;
  else
    g_free (data);
  if (len_out != NULL)
    *len_out = len;
  return markers;
}

static void
test_corpus_roundtrip (void)
{
  g_autoptr(GPtrArray) files = NULL;

  if (octa_test_skip_without_corpus ())
    return;

  files = octa_test_find_files (octa_test_corpus_dir (), is_markers);
  g_assert_cmpuint (files->len, >=, 5);

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = files->pdata[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(OctaMarkersFile) markers = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autofree guint8 *data = NULL;
      gsize len;

      g_test_message ("%s", path);
      data = octa_test_read_file (path, &len);
      markers = octa_markers_file_new_from_data (data, len, path, OCTA_LOAD_DEFAULT, &error);
      g_assert_no_error (error);
      bytes = octa_markers_file_encode (markers);
      g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), data, len);
    }
}

static void
test_corpus_blank (void)
{
  g_autoptr(OctaMarkersFile) blank = octa_markers_file_new_blank (NULL);
  g_autoptr(OctaMarkersFile) real = NULL;
  g_autoptr(GBytes) generated = NULL;
  g_autofree guint8 *data = NULL;
  gsize len;

  if (octa_test_skip_without_corpus ())
    return;

  real = open_corpus ("octatools/blank-project/markers.work", &data, &len);
  generated = octa_markers_file_encode (blank);
  g_assert_cmpmem (g_bytes_get_data (generated, NULL), g_bytes_get_size (generated), data, len);
}

static void
test_corpus_demo_recorder (void)
{
  g_autoptr(OctaMarkersFile) markers = NULL;
  guint used = 0;

  if (octa_test_skip_without_corpus ())
    return;

  markers = open_corpus ("octatools/DEMO-DRIVE-DATA/DEMO-SET-1/BLANK/markers.work", NULL, NULL);
  /* Recorder buffer 1 = Flex record 129, loaded with ../AUDIO/flex.wav. */
  g_assert_cmpuint (octa_markers_file_get_trim_end (markers, OCTA_SLOT_FLEX, 128), ==, 611561);
  g_assert_cmpuint (octa_markers_file_get_trim_start (markers, OCTA_SLOT_FLEX, 128), ==, 0);
  g_assert_cmpuint (octa_markers_file_get_slice_count (markers, OCTA_SLOT_FLEX, 128), ==, 0);

  for (OctaSlotType type = OCTA_SLOT_FLEX; type <= OCTA_SLOT_STATIC; type++)
    for (guint slot = 0; slot < octa_slot_type_n_slots (type); slot++)
      if (!octa_markers_file_slot_is_empty (markers, type, slot))
        used++;
  g_assert_cmpuint (used, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/codec/markers/blank", test_blank);
  g_test_add_func ("/codec/markers/slot-types", test_slot_types);
  g_test_add_func ("/codec/markers/offsets", test_offsets);
  g_test_add_func ("/codec/markers/accessors", test_accessors);
  g_test_add_func ("/codec/markers/clear-and-copy-slot", test_clear_and_copy_slot);
  g_test_add_func ("/codec/markers/copy-is-independent", test_copy_is_independent);
  g_test_add_func ("/codec/markers/bad-index", test_bad_index);
  g_test_add_func ("/codec/markers/roundtrip-edit-reopen", test_roundtrip_edit_reopen);
  g_test_add_func ("/codec/markers/bad/container", test_container_damage);
  g_test_add_func ("/codec/markers/bad/checksum", test_bad_checksum);
  g_test_add_func ("/codec/markers/bad/garbage", test_garbage);
  g_test_add_func ("/codec/markers/corpus/roundtrip", test_corpus_roundtrip);
  g_test_add_func ("/codec/markers/corpus/blank", test_corpus_blank);
  g_test_add_func ("/codec/markers/corpus/demo-recorder", test_corpus_demo_recorder);

  return g_test_run ();
}
