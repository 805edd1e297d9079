/* SPDX-License-Identifier: MIT */
/*
 * Marker edits (trim, loop, slices) and `.ot` files: every edit changes
 * exactly the bytes spec §3.1 names for the slot's record of markers.work,
 * holds the values computed here from the spec, and undoes to the same
 * bytes. `.ot` offsets are spec §6.
 */
#include <string.h>

#include "octa.h"
#include "octa-codec.h"
#include "octa-test-utils.h"

#define MARKERS_RECORD   784
#define MARKERS_CHECKSUM 206998
#define OT_SIZE          832

static gsize
record_offset (OctaSlotKind kind,
               guint        number)
{
  switch (kind)
    {
    case OCTA_SLOT_KIND_FLEX:
      return 22 + MARKERS_RECORD * (number - 1);
    case OCTA_SLOT_KIND_RECORDER:
      return 22 + MARKERS_RECORD * (127 + number);
    case OCTA_SLOT_KIND_STATIC:
    default:
      return 22 + MARKERS_RECORD * (136 + number - 1);
    }
}

static guint32
be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static void
put_be32 (guint8  *p,
          guint32  v)
{
  p[0] = v >> 24;
  p[1] = v >> 16;
  p[2] = v >> 8;
  p[3] = v;
}

static GBytes *
markers_bytes (OctaProject *project)
{
  GBytes *bytes = octa_project_encode_file (project, "markers.work");

  g_assert_nonnull (bytes);
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, OCTA_MARKERS_SIZE);
  return bytes;
}

static void
assert_same_bytes (GBytes *a,
                   GBytes *b)
{
  g_assert_true (g_bytes_equal (a, b));
}

/* The expected file: @before with the u32 values of @n fields of the record
 * replaced. Every other byte must be equal, the checksum may differ, and the
 * result must decode with a valid checksum. */
typedef struct
{
  gsize   rel;
  guint32 value;
} Poke;

static void
assert_record_edit (const char  *what,
                    GBytes      *before,
                    GBytes      *after,
                    gsize        record,
                    const Poke  *pokes,
                    guint        n)
{
  gsize len;
  const guint8 *a = g_bytes_get_data (after, &len);
  g_autofree guint8 *expected = g_memdup2 (g_bytes_get_data (before, NULL), len);
  g_autoptr(OctaMarkersFile) decoded = NULL;
  g_autoptr(GError) error = NULL;
  gsize checksum[2] = { MARKERS_CHECKSUM, MARKERS_CHECKSUM + 1 };

  for (guint i = 0; i < n; i++)
    put_be32 (expected + record + pokes[i].rel, pokes[i].value);
  /* The checksum bytes are checked by decoding below. */
  expected[MARKERS_CHECKSUM] = a[MARKERS_CHECKSUM];
  expected[MARKERS_CHECKSUM + 1] = a[MARKERS_CHECKSUM + 1];
  octa_test_assert_changed_only (what, expected, a, len, checksum, 0);
  (void) checksum;

  decoded = octa_markers_file_new_from_data (a, len, what, OCTA_LOAD_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (decoded);
}

static OctaProject *
project_with_sample (OctaSlotKind       kind,
                     guint              number,
                     OctaSampleSlot   **slot_out,
                     OctaMarkers      **markers_out)
{
  OctaProject *project = octa_project_new_blank ("MARKERS");
  g_autoptr(GError) error = NULL;
  OctaSampleSlot *slot = octa_project_get_sample_slot (project, kind, number);

  g_assert_true (octa_sample_slot_set_path (slot, "../AUDIO/loop.wav", &error));
  g_assert_no_error (error);
  *slot_out = slot;
  *markers_out = octa_sample_slot_get_markers (slot);
  return project;
}

static void
test_trim_and_loop (void)
{
  g_autoptr(OctaSampleSlot) slot = NULL;
  g_autoptr(OctaMarkers) markers = NULL;
  g_autoptr(OctaProject) project = project_with_sample (OCTA_SLOT_KIND_FLEX, 7, &slot, &markers);
  gsize rec = record_offset (OCTA_SLOT_KIND_FLEX, 7);
  g_autoptr(GBytes) b0 = markers_bytes (project);
  g_autoptr(GBytes) b1 = NULL;
  g_autoptr(GBytes) b2 = NULL;
  g_autoptr(GBytes) b3 = NULL;
  g_autoptr(GBytes) undone = NULL;

  g_assert_cmpuint (rec, ==, 22 + 784 * 6);

  octa_markers_set_trim_end (markers, 88200);
  b1 = markers_bytes (project);
  assert_record_edit ("trim end", b0, b1, rec, (Poke[]) { { 4, 88200 } }, 1);

  octa_markers_set_trim_start (markers, 0x00012345);
  b2 = markers_bytes (project);
  assert_record_edit ("trim start", b1, b2, rec, (Poke[]) { { 0, 0x12345 } }, 1);
  g_assert_cmpuint (be32 ((const guint8 *) g_bytes_get_data (b2, NULL) + rec), ==, 0x12345);

  octa_markers_set_loop_point (markers, 44100);
  b3 = markers_bytes (project);
  assert_record_edit ("loop point", b2, b3, rec, (Poke[]) { { 8, 44100 } }, 1);

  g_assert_cmpstr (octa_history_get_undo_label (octa_project_get_history (project)), ==,
                   "Change loop point");
  g_assert_true (octa_project_undo (project));
  undone = markers_bytes (project);
  assert_same_bytes (undone, b2);
  g_assert_true (octa_project_undo (project));
  g_assert_true (octa_project_undo (project));
  g_clear_pointer (&undone, g_bytes_unref);
  undone = markers_bytes (project);
  assert_same_bytes (undone, b0);
}

static void
test_equal_slices (void)
{
  g_autoptr(OctaSampleSlot) slot = NULL;
  g_autoptr(OctaMarkers) markers = NULL;
  g_autoptr(OctaProject) project = project_with_sample (OCTA_SLOT_KIND_STATIC, 5, &slot, &markers);
  gsize rec = record_offset (OCTA_SLOT_KIND_STATIC, 5);
  g_autoptr(GBytes) b0 = NULL;
  g_autoptr(GBytes) b16 = NULL;
  g_autoptr(GBytes) b4 = NULL;
  g_autoptr(GBytes) undone = NULL;
  Poke pokes[64 * 3 + 1];
  guint n = 0;

  /* Spec §3: STATIC 5 sits at 109782 in the real device file. */
  g_assert_cmpuint (rec, ==, 109782);

  octa_markers_set_trim_end (markers, 89200);
  octa_markers_set_trim_start (markers, 1000);
  b0 = markers_bytes (project);

  /* 88 200 frames in 16: the device's own STATIC 5 cuts, shifted by the
   * trim start (spec §3.1: (0, 5512) … (82687, 88200) rounded down). */
  octa_markers_make_equal_slices (markers, 16);
  b16 = markers_bytes (project);
  for (guint i = 0; i < 16; i++)
    {
      pokes[n++] = (Poke) { 12 + 12 * i, 1000 + 88200 * i / 16 };
      pokes[n++] = (Poke) { 16 + 12 * i, 1000 + 88200 * (i + 1) / 16 };
      pokes[n++] = (Poke) { 20 + 12 * i, 0xFFFFFFFF };
    }
  pokes[n++] = (Poke) { 780, 16 };
  assert_record_edit ("16 equal slices", b0, b16, rec, pokes, n);
  g_assert_cmpuint (octa_markers_get_slice_count (markers), ==, 16);
  {
    guint s, e, l;

    octa_markers_get_slice (markers, 15, &s, &e, &l);
    g_assert_cmpuint (s, ==, 1000 + 82687);
    g_assert_cmpuint (e, ==, 89200);
    g_assert_cmpuint (l, ==, OCTA_MARKERS_NO_LOOP);
  }

  /* Fewer slices: the entries past the count go back to zeros. */
  octa_markers_make_equal_slices (markers, 4);
  b4 = markers_bytes (project);
  n = 0;
  for (guint i = 0; i < 16; i++)
    {
      gboolean used = i < 4;

      pokes[n++] = (Poke) { 12 + 12 * i, used ? 1000 + 88200 * i / 4 : 0 };
      pokes[n++] = (Poke) { 16 + 12 * i, used ? 1000 + 88200 * (i + 1) / 4 : 0 };
      pokes[n++] = (Poke) { 20 + 12 * i, used ? 0xFFFFFFFF : 0 };
    }
  pokes[n++] = (Poke) { 780, 4 };
  assert_record_edit ("4 equal slices", b16, b4, rec, pokes, n);

  g_assert_cmpstr (octa_history_get_undo_label (octa_project_get_history (project)), ==,
                   "Make equal slices");
  g_assert_true (octa_project_undo (project));
  undone = markers_bytes (project);
  assert_same_bytes (undone, b16);

  /* No slices: the whole table is zeros again, as before slicing. */
  octa_markers_make_equal_slices (markers, 0);
  g_clear_pointer (&undone, g_bytes_unref);
  undone = markers_bytes (project);
  assert_same_bytes (undone, b0);
}

static void
assert_slice (OctaMarkers *markers,
              guint        index,
              guint        start,
              guint        end)
{
  guint s, e, l;

  octa_markers_get_slice (markers, index, &s, &e, &l);
  g_assert_cmpuint (s, ==, start);
  g_assert_cmpuint (e, ==, end);
  g_assert_cmpuint (l, ==, OCTA_MARKERS_NO_LOOP);
}

static void
test_add_move_remove (void)
{
  g_autoptr(OctaSampleSlot) slot = NULL;
  g_autoptr(OctaMarkers) markers = NULL;
  g_autoptr(OctaProject) project = project_with_sample (OCTA_SLOT_KIND_FLEX, 1, &slot, &markers);
  gsize rec = record_offset (OCTA_SLOT_KIND_FLEX, 1);
  g_autoptr(GBytes) equal = NULL;
  g_autoptr(GBytes) added = NULL;
  g_autoptr(GBytes) moved = NULL;
  g_autoptr(GBytes) removed = NULL;
  g_autoptr(GBytes) undone = NULL;
  OctaHistory *history = octa_project_get_history (project);

  octa_markers_set_trim_end (markers, 88200);
  octa_markers_make_equal_slices (markers, 4);
  equal = markers_bytes (project);

  /* A cut inside slice 2 of 4 splits it; the later slices move up one
   * entry so the table stays sorted by start. */
  g_assert_cmpint (octa_markers_add_slice (markers, 30000), ==, 2);
  added = markers_bytes (project);
  assert_record_edit ("add slice", equal, added, rec, (Poke[]) {
                        { 12 + 12 * 1 + 4, 30000 },
                        { 12 + 12 * 2, 30000 }, { 12 + 12 * 2 + 4, 44100 },
                        { 12 + 12 * 3, 44100 }, { 12 + 12 * 3 + 4, 66150 },
                        { 12 + 12 * 4, 66150 }, { 12 + 12 * 4 + 4, 88200 },
                        { 12 + 12 * 4 + 8, 0xFFFFFFFF },
                        { 780, 5 } }, 9);
  g_assert_cmpstr (octa_history_get_undo_label (history), ==, "Add slice");
  assert_slice (markers, 0, 0, 22050);
  assert_slice (markers, 1, 22050, 30000);
  assert_slice (markers, 2, 30000, 44100);
  assert_slice (markers, 4, 66150, 88200);

  /* A slice already starts there: nothing changes. */
  g_assert_cmpint (octa_markers_add_slice (markers, 44100), ==, -1);
  g_clear_pointer (&undone, g_bytes_unref);
  undone = markers_bytes (project);
  assert_same_bytes (undone, added);

  /* Moving a cut moves the end of the slice before it too. */
  g_assert_cmpuint (octa_markers_move_slice (markers, 2, 33000), ==, 33000);
  moved = markers_bytes (project);
  assert_record_edit ("move slice", added, moved, rec, (Poke[]) {
                        { 12 + 12 * 1 + 4, 33000 }, { 12 + 12 * 2, 33000 } }, 2);
  /* It cannot pass the previous start: the table stays sorted. */
  g_assert_cmpuint (octa_markers_move_slice (markers, 2, 100), ==, 22051);
  g_assert_true (octa_project_undo (project));

  /* Removing the cut joins the two slices: back to 4 equal slices. */
  octa_markers_remove_slice (markers, 2);
  removed = markers_bytes (project);
  assert_same_bytes (removed, equal);
  g_assert_cmpstr (octa_history_get_undo_label (history), ==, "Remove slice");

  g_assert_true (octa_project_undo (project));
  g_clear_pointer (&undone, g_bytes_unref);
  undone = markers_bytes (project);
  assert_same_bytes (undone, moved);
  g_assert_true (octa_project_undo (project));
  g_assert_true (octa_project_undo (project));
  g_clear_pointer (&undone, g_bytes_unref);
  undone = markers_bytes (project);
  assert_same_bytes (undone, equal);

  /* Adding after the last slice runs to the trim end; 64 is the limit. */
  octa_markers_make_equal_slices (markers, 0);
  for (guint i = 0; i < 64; i++)
    g_assert_cmpint (octa_markers_add_slice (markers, 88200 - 1000 * (i + 1)), ==, 0);
  g_assert_cmpuint (octa_markers_get_slice_count (markers), ==, 64);
  assert_slice (markers, 63, 87200, 88200);
  assert_slice (markers, 0, 88200 - 64000, 88200 - 63000);
  g_assert_cmpint (octa_markers_add_slice (markers, 10), ==, -1);
  g_assert_cmpuint (octa_markers_get_slice_count (markers), ==, 64);
}

static OctaSampleFile *
make_ot (void)
{
  OctaSampleFile *ot = octa_sample_file_new_blank ("test.ot");

  /* Device `0slices.ot` values (spec §6): 8 bars at 95.04 BPM. */
  octa_sample_file_set (ot, OCTA_SAMPLE_FIELD_TEMPO_X24, 2281);
  octa_sample_file_set (ot, OCTA_SAMPLE_FIELD_TRIM_LENGTH_X100, 800);
  octa_sample_file_set (ot, OCTA_SAMPLE_FIELD_LOOP_LENGTH_X100, 800);
  octa_sample_file_set (ot, OCTA_SAMPLE_FIELD_TIMESTRETCH, 3);
  octa_sample_file_set (ot, OCTA_SAMPLE_FIELD_LOOP_MODE, 2);
  octa_sample_file_set (ot, OCTA_SAMPLE_FIELD_GAIN, 60);
  octa_sample_file_set (ot, OCTA_SAMPLE_FIELD_TRIG_QUANTIZATION, 7);
  octa_sample_file_set (ot, OCTA_SAMPLE_FIELD_TRIM_START, 0);
  octa_sample_file_set (ot, OCTA_SAMPLE_FIELD_TRIM_END, 890839);
  octa_sample_file_set (ot, OCTA_SAMPLE_FIELD_LOOP_POINT, 1234);
  octa_sample_file_set_slice (ot, 0, (OctaSlice) { 0, 300000, 0xFFFFFFFF });
  octa_sample_file_set_slice (ot, 1, (OctaSlice) { 300000, 600000, 450000 });
  octa_sample_file_set_slice (ot, 2, (OctaSlice) { 600000, 890839, 0xFFFFFFFF });
  /* A leftover past the count, as in device `63slices.ot`: kept. */
  octa_sample_file_set_slice (ot, 63, (OctaSlice) { 0x7FFFFFFF, 12989, 0xFFFFFFFF });
  octa_sample_file_set (ot, OCTA_SAMPLE_FIELD_SLICE_COUNT, 3);
  return ot;
}

static GFile *
write_ot (const char     *dir,
          const char     *name,
          OctaSampleFile *ot)
{
  g_autoptr(GBytes) bytes = octa_sample_file_encode (ot);
  g_autofree char *path = g_build_filename (dir, name, NULL);

  octa_test_write_file (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  return g_file_new_for_path (path);
}

static void
test_ot_round_trip (void)
{
  g_autoptr(OctaSampleSlot) slot = NULL;
  g_autoptr(OctaMarkers) markers = NULL;
  g_autoptr(OctaProject) project = project_with_sample (OCTA_SLOT_KIND_FLEX, 12, &slot, &markers);
  g_autofree char *dir = octa_test_make_tmpdir ();
  g_autoptr(OctaSampleFile) ot = make_ot ();
  g_autoptr(GFile) ot_file = NULL;
  g_autoptr(GFile) out_file = NULL;
  g_autoptr(GBytes) text0 = NULL;
  g_autoptr(GBytes) markers0 = NULL;
  g_autoptr(GBytes) markers1 = NULL;
  g_autoptr(GBytes) text_undone = NULL;
  g_autoptr(GBytes) markers_undone = NULL;
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out_path = NULL;
  g_autofree guint8 *written = NULL;
  gsize rec = record_offset (OCTA_SLOT_KIND_FLEX, 12), written_len = 0;
  Poke pokes[8];
  guint n = 0;

  /* A block with a length in bars takes the .ot's trim length. */
  octa_sample_slot_set_trim_bars_x100 (slot, 100);
  ot_file = write_ot (dir, "loop.ot", ot);
  original = octa_sample_file_encode (ot);
  text0 = octa_project_encode_file (project, "project.work");
  markers0 = markers_bytes (project);

  g_assert_true (octa_project_apply_ot_file (project, OCTA_SLOT_KIND_FLEX, 12, ot_file, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (octa_history_get_undo_label (octa_project_get_history (project)), ==,
                   "Read sample attributes");
  g_assert_cmpint (octa_sample_slot_get_trim_bars_x100 (slot), ==, 800);
  g_assert_cmpint (octa_sample_slot_get_bpm_x24 (slot), ==, -1);
  g_assert_cmpint (octa_sample_slot_get_timestretch (slot), ==, OCTA_TIMESTRETCH_BEAT);
  g_assert_cmpint (octa_sample_slot_get_loop_mode (slot), ==, OCTA_LOOP_MODE_PING_PONG);
  g_assert_cmpuint (octa_sample_slot_get_gain (slot), ==, 60);
  g_assert_cmpint (octa_sample_slot_get_trig_quantization (slot), ==, 7);

  markers1 = markers_bytes (project);
  pokes[n++] = (Poke) { 4, 890839 };
  pokes[n++] = (Poke) { 8, 1234 };
  pokes[n++] = (Poke) { 12, 0 };
  pokes[n++] = (Poke) { 16, 300000 };
  pokes[n++] = (Poke) { 20, 0xFFFFFFFF };
  pokes[n++] = (Poke) { 24, 300000 };
  pokes[n++] = (Poke) { 28, 600000 };
  pokes[n++] = (Poke) { 32, 450000 };
  {
    Poke more[] = { { 36, 600000 }, { 40, 890839 }, { 44, 0xFFFFFFFF },
                    { 12 + 12 * 63, 0x7FFFFFFF }, { 16 + 12 * 63, 12989 },
                    { 20 + 12 * 63, 0xFFFFFFFF }, { 780, 3 } };
    Poke all[G_N_ELEMENTS (pokes) + G_N_ELEMENTS (more)];

    memcpy (all, pokes, sizeof pokes);
    memcpy (all + n, more, sizeof more);
    assert_record_edit ("apply .ot", markers0, markers1, rec, all, n + G_N_ELEMENTS (more));
  }

  /* Writing it back gives the same file byte for byte: the tempo is
   * derived from 8 bars over 890 839 frames. */
  out_path = g_build_filename (dir, "out.ot", NULL);
  out_file = g_file_new_for_path (out_path);
  g_assert_true (octa_project_write_ot_file (project, OCTA_SLOT_KIND_FLEX, 12, out_file, &error));
  g_assert_no_error (error);
  written = octa_test_read_file (out_path, &written_len);
  g_assert_cmpuint (written_len, ==, OT_SIZE);
  g_assert_cmpmem (written, written_len, g_bytes_get_data (original, NULL),
                   g_bytes_get_size (original));

  /* One undo step puts back both files. */
  g_assert_true (octa_project_undo (project));
  text_undone = octa_project_encode_file (project, "project.work");
  markers_undone = markers_bytes (project);
  assert_same_bytes (text_undone, text0);
  assert_same_bytes (markers_undone, markers0);
  g_assert_true (octa_project_redo (project));
  g_clear_pointer (&markers_undone, g_bytes_unref);
  markers_undone = markers_bytes (project);
  assert_same_bytes (markers_undone, markers1);

  octa_test_rm_rf (dir);
}

static void
test_ot_tempo_slot (void)
{
  g_autoptr(OctaSampleSlot) slot = NULL;
  g_autoptr(OctaMarkers) markers = NULL;
  g_autoptr(OctaProject) project = project_with_sample (OCTA_SLOT_KIND_STATIC, 3, &slot, &markers);
  g_autofree char *dir = octa_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "a.ot", NULL);
  g_autofree char *path2 = g_build_filename (dir, "b.ot", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) file2 = g_file_new_for_path (path2);
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *a = NULL;
  g_autofree guint8 *b = NULL;
  gsize alen = 0, blen = 0;

  /* A block with BPMx24 (what a new block gets) keeps a tempo; the .ot's
   * length in bars is derived: 88 200 frames at 120 BPM = 4 beats → 100. */
  g_assert_cmpint (octa_sample_slot_get_bpm_x24 (slot), ==, 2880);
  octa_markers_set_trim_end (markers, 88200);
  octa_sample_slot_set_trig_quantization (slot, -1);
  g_assert_true (octa_project_write_ot_file (project, OCTA_SLOT_KIND_STATIC, 3, file, &error));
  g_assert_no_error (error);
  a = octa_test_read_file (path, &alen);
  g_assert_cmpuint (alen, ==, OT_SIZE);
  g_assert_cmpuint (be32 (a + 23), ==, 2880);
  g_assert_cmpuint (be32 (a + 27), ==, 100);
  g_assert_cmpuint (be32 (a + 31), ==, 100);
  g_assert_cmpuint (a[45], ==, 0xFF);
  g_assert_cmpuint (be32 (a + 50), ==, 88200);
  g_assert_cmpuint (a[22], ==, 0);

  /* Into another slot and out again: the same bytes. */
  {
    OctaSampleSlot *other = octa_project_get_sample_slot (project, OCTA_SLOT_KIND_FLEX, 2);

    g_assert_true (octa_sample_slot_set_path (other, "b.wav", NULL));
    g_assert_true (octa_project_apply_ot_file (project, OCTA_SLOT_KIND_FLEX, 2, file, &error));
    g_assert_no_error (error);
    g_assert_cmpint (octa_sample_slot_get_bpm_x24 (other), ==, 2880);
    g_assert_cmpint (octa_sample_slot_get_trig_quantization (other), ==, -1);
    g_assert_true (octa_project_write_ot_file (project, OCTA_SLOT_KIND_FLEX, 2, file2, &error));
    g_assert_no_error (error);
    g_object_unref (other);
  }
  b = octa_test_read_file (path2, &blen);
  g_assert_cmpmem (a, alen, b, blen);

  octa_test_rm_rf (dir);
}

static void
test_ot_refused (void)
{
  g_autoptr(OctaSampleSlot) slot = NULL;
  g_autoptr(OctaMarkers) markers = NULL;
  g_autoptr(OctaProject) project = project_with_sample (OCTA_SLOT_KIND_FLEX, 4, &slot, &markers);
  g_autofree char *dir = octa_test_make_tmpdir ();
  g_autoptr(OctaSampleFile) bad_gain = make_ot ();
  g_autoptr(OctaSampleFile) bad_count = make_ot ();
  g_autoptr(GFile) f_gain = NULL;
  g_autoptr(GFile) f_count = NULL;
  g_autoptr(GFile) f_short = NULL;
  g_autoptr(GFile) f_missing = NULL;
  g_autoptr(GBytes) text0 = octa_project_encode_file (project, "project.work");
  g_autoptr(GBytes) markers0 = markers_bytes (project);
  g_autoptr(GBytes) text1 = NULL;
  g_autoptr(GBytes) markers1 = NULL;
  g_autofree char *short_path = g_build_filename (dir, "short.ot", NULL);
  g_autofree char *missing_path = g_build_filename (dir, "nothing-here", "x.ot", NULL);
  g_autofree char *unwritten = NULL;
  gboolean can_undo = octa_history_get_can_undo (octa_project_get_history (project));
  GError *error = NULL;

  octa_sample_file_set (bad_gain, OCTA_SAMPLE_FIELD_GAIN, 97);
  octa_sample_file_set (bad_count, OCTA_SAMPLE_FIELD_SLICE_COUNT, 65);
  f_gain = write_ot (dir, "gain.ot", bad_gain);
  f_count = write_ot (dir, "count.ot", bad_count);
  octa_test_write_file (short_path, "FORM\0\0\0\0DPS1SMPA", 16);
  f_short = g_file_new_for_path (short_path);
  f_missing = g_file_new_for_path (missing_path);

  g_assert_false (octa_project_apply_ot_file (project, OCTA_SLOT_KIND_FLEX, 4, f_gain, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "gain.ot"));
  g_assert_nonnull (strstr (error->message, "gain 97"));
  g_clear_error (&error);

  g_assert_false (octa_project_apply_ot_file (project, OCTA_SLOT_KIND_FLEX, 4, f_count, &error));
  g_assert_nonnull (strstr (error->message, "slice count 65"));
  g_clear_error (&error);

  g_assert_false (octa_project_apply_ot_file (project, OCTA_SLOT_KIND_FLEX, 4, f_short, &error));
  g_assert_nonnull (strstr (error->message, "short.ot"));
  g_clear_error (&error);

  g_assert_false (octa_project_apply_ot_file (project, OCTA_SLOT_KIND_FLEX, 4, f_missing, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* An unused slot has nothing to read into or write from. */
  g_assert_false (octa_project_apply_ot_file (project, OCTA_SLOT_KIND_FLEX, 5, f_gain, &error));
  g_assert_nonnull (strstr (error->message, "no sample"));
  g_clear_error (&error);
  g_assert_false (octa_project_write_ot_file (project, OCTA_SLOT_KIND_FLEX, 5, f_missing, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (octa_project_write_ot_file (project, OCTA_SLOT_KIND_FLEX, 4, f_missing, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  unwritten = g_path_get_dirname (missing_path);
  g_assert_false (g_file_test (unwritten, G_FILE_TEST_EXISTS));

  text1 = octa_project_encode_file (project, "project.work");
  markers1 = markers_bytes (project);
  assert_same_bytes (text1, text0);
  assert_same_bytes (markers1, markers0);
  g_assert_cmpint (octa_history_get_can_undo (octa_project_get_history (project)), ==, can_undo);

  octa_test_rm_rf (dir);
}

static gboolean
is_ot (const char *path)
{
  return g_str_has_suffix (path, ".ot");
}

/* Every real `.ot` file read into a slot and written back: the same bytes
 * except byte 22 (device flag; we write the tools' 0), the checksum and,
 * for tool-made files only, the lengths in bars (derived from the frames
 * and the tempo, since a slot keeps only the tempo). */
static void
test_ot_corpus (void)
{
  g_autoptr(GPtrArray) files = NULL;
  g_autofree char *dir = NULL;
  guint applied = 0, same_lengths = 0;

  if (octa_test_skip_without_corpus ())
    return;

  files = octa_test_find_files (octa_test_corpus_dir (), is_ot);
  dir = octa_test_make_tmpdir ();
  for (guint i = 0; i < files->len; i++)
    {
      const char *path = files->pdata[i];
      g_autoptr(OctaSampleSlot) slot = NULL;
      g_autoptr(OctaMarkers) markers = NULL;
      g_autoptr(OctaProject) project =
        project_with_sample (OCTA_SLOT_KIND_FLEX, 1, &slot, &markers);
      g_autoptr(GFile) in = g_file_new_for_path (path);
      g_autofree char *out_path = g_build_filename (dir, "out.ot", NULL);
      g_autoptr(GFile) out = g_file_new_for_path (out_path);
      g_autoptr(GError) error = NULL;
      g_autofree guint8 *a = NULL;
      g_autofree guint8 *b = NULL;
      gsize alen = 0, blen = 0;
      gsize allowed[] = { 22, 27, 28, 29, 30, 31, 32, 33, 34, 830, 831 };

      a = octa_test_read_file (path, &alen);
      if (alen != OT_SIZE)
        continue;
      if (!octa_project_apply_ot_file (project, OCTA_SLOT_KIND_FLEX, 1, in, &error))
        {
          g_test_message ("%s: refused: %s", path, error->message);
          continue;
        }
      applied++;
      g_assert_true (octa_project_write_ot_file (project, OCTA_SLOT_KIND_FLEX, 1, out, &error));
      g_assert_no_error (error);
      b = octa_test_read_file (out_path, &blen);
      g_assert_cmpuint (blen, ==, OT_SIZE);
      octa_test_assert_changed_only (path, a, b, OT_SIZE, allowed, G_N_ELEMENTS (allowed));
      /* Device-made files (byte 22 = 1) give the rule for the lengths. */
      if (a[22] == 1)
        g_assert_cmpmem (a + 27, 8, b + 27, 8);
      if (memcmp (a + 27, b + 27, 8) == 0)
        same_lengths++;
      else
        g_test_message ("%s: bars x100 stored %u/%u, derived %u/%u (tempo x24 %u, %u frames)",
                        path, be32 (a + 27), be32 (a + 31), be32 (b + 27), be32 (b + 31),
                        be32 (a + 23), be32 (a + 50) - be32 (a + 46));
    }
  g_test_message ("%u .ot files read and written back; %u with the same lengths in bars",
                  applied, same_lengths);
  g_assert_cmpuint (applied, >, 0);
  octa_test_rm_rf (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/markers-edit/trim-and-loop", test_trim_and_loop);
  g_test_add_func ("/markers-edit/equal-slices", test_equal_slices);
  g_test_add_func ("/markers-edit/add-move-remove", test_add_move_remove);
  g_test_add_func ("/markers-edit/ot-round-trip", test_ot_round_trip);
  g_test_add_func ("/markers-edit/ot-tempo-slot", test_ot_tempo_slot);
  g_test_add_func ("/markers-edit/ot-refused", test_ot_refused);
  g_test_add_func ("/markers-edit/ot-corpus", test_ot_corpus);

  return g_test_run ();
}
