/* SPDX-License-Identifier: MIT */
#include "octa.h"
#include "octa-codec.h"
#include "octa-test-utils.h"

/*
 * Offsets from the format spec (§2, §2.5), not from the codec: unsaved
 * part k starts at 585430 + 6331·k.
 */
#define BANK_SIZE        636113
#define PART_SIZE        6331
#define UNSAVED(k)       (585430 + PART_SIZE * (k))
#define EDITED_MASK      636082
#define CHECKSUM         636111
#define REL_LFO_DESIGN   5899
#define REL_LFO_INTERP   6027
#define REL_MIDI_LFO     6043
#define REL_MIDI_INTERP  6171
#define REL_ARP_MUTES    6187
#define REL_ARP_SEQUENCE 6203
#define REL_MIDI_SETUP   1259

typedef struct
{
  gsize  offset;
  guint8 value;
} ByteExpect;

typedef struct
{
  OctaProject        *project;
  OctaBank           *bank;
  OctaPart           *part;
  OctaAudioPartTrack *audio;
  OctaMidiPartTrack  *midi;
} Fixture;

/* Part 3, T4 and M6: nothing sits at offset 0 of any area. */
#define PART  2
#define AUDIO 3
#define MIDI  5

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->project = octa_project_new_blank ("TEST");
  f->bank = octa_project_get_bank (f->project, 0);
  f->part = octa_bank_get_part (f->bank, PART);
  f->audio = octa_part_get_audio_track (f->part, AUDIO);
  f->midi = octa_part_get_midi_track (f->part, MIDI);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->midi);
  g_clear_object (&f->audio);
  g_clear_object (&f->part);
  g_clear_object (&f->bank);
  g_clear_object (&f->project);
}

static GBytes *
bank_bytes (Fixture *f)
{
  GBytes *bytes = octa_project_encode_file (f->project, "bank01.work");

  g_assert_nonnull (bytes);
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, BANK_SIZE);
  return bytes;
}

static guint
n_undo (Fixture *f)
{
  return octa_history_get_n_undo (octa_project_get_history (f->project));
}

/*
 * Checks that exactly @expected changed between @before and @after, apart
 * from the edited mask (which must now have the part's bit) and the
 * checksum.
 */
static void
assert_edit (const char       *what,
             GBytes           *before,
             GBytes           *after,
             const ByteExpect *expected,
             guint             n_expected)
{
  const guint8 *b = g_bytes_get_data (before, NULL);
  const guint8 *a = g_bytes_get_data (after, NULL);

  for (gsize i = 0; i < BANK_SIZE; i++)
    {
      gboolean allowed = i == EDITED_MASK || i == CHECKSUM || i == CHECKSUM + 1;

      if (a[i] == b[i])
        continue;
      for (guint k = 0; k < n_expected && !allowed; k++)
        allowed = expected[k].offset == i;
      if (!allowed)
        g_error ("%s: byte %" G_GSIZE_FORMAT " changed (0x%02X → 0x%02X) but should not have",
                 what, i, b[i], a[i]);
    }
  for (guint k = 0; k < n_expected; k++)
    {
      gsize o = expected[k].offset;

      if (a[o] != expected[k].value)
        g_error ("%s: byte %" G_GSIZE_FORMAT " is 0x%02X (was 0x%02X), expected 0x%02X",
                 what, o, a[o], b[o], expected[k].value);
    }
  g_assert_true (a[EDITED_MASK] & (1u << PART));
}

typedef void (*EditFunc) (Fixture *f, gconstpointer data);

/*
 * Runs @edit on a fresh part and checks: only @expected changed, the part
 * is edited, one undo step was added, and undo restores every byte.
 */
static void
check_edit (Fixture          *f,
            const char       *what,
            EditFunc          edit,
            gconstpointer     data,
            const ByteExpect *expected,
            guint             n_expected)
{
  g_autoptr(GBytes) before = bank_bytes (f);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) undone = NULL;
  guint undo_before = n_undo (f);

  g_assert_false (octa_part_get_edited (f->part));
  g_assert_false (((const guint8 *) g_bytes_get_data (before, NULL))[EDITED_MASK] & (1u << PART));
  edit (f, data);
  after = bank_bytes (f);
  assert_edit (what, before, after, expected, n_expected);
  g_assert_true (octa_part_get_edited (f->part));
  g_assert_cmpuint (n_undo (f), ==, undo_before + 1);

  g_assert_true (octa_project_undo (f->project));
  undone = bank_bytes (f);
  g_assert_true (g_bytes_equal (before, undone));
  g_assert_false (octa_part_get_edited (f->part));
}

static void
edit_smooth (Fixture       *f,
             gconstpointer  data)
{
  guint step = GPOINTER_TO_UINT (data);

  octa_part_track_set_lfo_smooth (OCTA_PART_TRACK (f->audio), step, TRUE);
  g_assert_true (octa_part_track_get_lfo_smooth (OCTA_PART_TRACK (f->audio), step));
  for (guint i = 0; i < 16; i++)
    if (i != step)
      g_assert_false (octa_part_track_get_lfo_smooth (OCTA_PART_TRACK (f->audio), i));
}

static void
edit_midi_smooth (Fixture       *f,
                  gconstpointer  data)
{
  octa_part_track_set_lfo_smooth (OCTA_PART_TRACK (f->midi), GPOINTER_TO_UINT (data), TRUE);
}

/* Smooth bits: the two mask bytes big-endian, step 1 the lowest bit. */
static void
test_smooth_bits (Fixture       *f,
                  gconstpointer  data)
{
  gsize interp = UNSAVED (PART) + REL_LFO_INTERP + 2 * AUDIO;
  gsize midi_interp = UNSAVED (PART) + REL_MIDI_INTERP + 2 * MIDI;
  ByteExpect first = { interp + 1, 0x01 };
  ByteExpect eighth = { interp + 1, 0x80 };
  ByteExpect ninth = { interp, 0x01 };
  ByteExpect last = { interp, 0x80 };
  ByteExpect midi = { midi_interp + 1, 0x04 };

  check_edit (f, "smooth step 1", edit_smooth, GUINT_TO_POINTER (0), &first, 1);
  check_edit (f, "smooth step 8", edit_smooth, GUINT_TO_POINTER (7), &eighth, 1);
  check_edit (f, "smooth step 9", edit_smooth, GUINT_TO_POINTER (8), &ninth, 1);
  check_edit (f, "smooth step 16", edit_smooth, GUINT_TO_POINTER (15), &last, 1);
  check_edit (f, "MIDI smooth step 3", edit_midi_smooth, GUINT_TO_POINTER (2), &midi, 1);
}

/* Clearing one bit leaves the other stored bits alone. */
static void
test_smooth_clear (Fixture       *f,
                   gconstpointer  data)
{
  OctaPartTrack *track = OCTA_PART_TRACK (f->audio);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  gsize interp = UNSAVED (PART) + REL_LFO_INTERP + 2 * AUDIO;
  ByteExpect expected[] = { { interp, 0xA5 }, { interp + 1, 0x0E } };
  guint undo_before;

  octa_part_track_set_lfo_interpolation (track, 0xA50F);
  before = bank_bytes (f);
  undo_before = n_undo (f);
  octa_part_track_set_lfo_smooth (track, 0, FALSE);
  after = bank_bytes (f);
  assert_edit ("clear smooth", before, after, expected, 2);
  g_assert_cmpuint (n_undo (f), ==, undo_before + 1);
  g_assert_cmphex (octa_part_track_get_lfo_interpolation (track), ==, 0xA50E);
  g_assert_false (octa_part_track_get_lfo_smooth (track, 0));
  g_assert_true (octa_part_track_get_lfo_smooth (track, 1));
  g_assert_true (octa_part_track_get_lfo_smooth (track, 8));
  g_assert_false (octa_part_track_get_lfo_smooth (track, 9));
  g_assert_true (octa_part_track_get_lfo_smooth (track, 15));

  /* setting a bit that is already set writes nothing */
  undo_before = n_undo (f);
  octa_part_track_set_lfo_smooth (track, 1, TRUE);
  g_assert_cmpuint (n_undo (f), ==, undo_before);
}

static const gint8 shape[16] = {
  -127, -90, -40, 0, 40, 90, 127, 100, 60, 20, -1, -20, -60, -100, 127, 1
};

static void
edit_steps (Fixture       *f,
            gconstpointer  data)
{
  OctaPartTrack *track = data == NULL ? OCTA_PART_TRACK (f->audio) : OCTA_PART_TRACK (f->midi);

  octa_part_track_set_lfo_steps (track, shape);
  for (guint i = 0; i < 16; i++)
    g_assert_cmpint (octa_part_track_get_lfo_step (track, i), ==, shape[i]);
}

/* All 16 values in one undo step, two's complement, mask untouched. */
static void
test_steps (Fixture       *f,
            gconstpointer  data)
{
  ByteExpect expected[16];
  gsize design = UNSAVED (PART) + REL_LFO_DESIGN + 16 * AUDIO;
  gsize midi_design = UNSAVED (PART) + REL_MIDI_LFO + 16 * MIDI;

  for (guint i = 0; i < 16; i++)
    expected[i] = (ByteExpect) { design + i, (guint8) shape[i] };
  g_assert_cmphex (expected[0].value, ==, 0x81);
  g_assert_cmphex (expected[10].value, ==, 0xFF);
  check_edit (f, "lfo steps", edit_steps, NULL, expected, 16);

  for (guint i = 0; i < 16; i++)
    expected[i].offset = midi_design + i;
  check_edit (f, "MIDI lfo steps", edit_steps, f, expected, 16);
}

static void
edit_mute (Fixture       *f,
           gconstpointer  data)
{
  guint step = GPOINTER_TO_UINT (data);

  g_assert_false (octa_midi_part_track_get_arp_mute (f->midi, step));
  octa_midi_part_track_set_arp_mute (f->midi, step, TRUE);
  g_assert_true (octa_midi_part_track_get_arp_mute (f->midi, step));
}

/* A mute clears its bit in the same order as the smooth bits. */
static void
test_arp_mutes (Fixture       *f,
                gconstpointer  data)
{
  gsize mutes = UNSAVED (PART) + REL_ARP_MUTES + 2 * MIDI;
  ByteExpect first = { mutes + 1, 0xFE };
  ByteExpect ninth = { mutes, 0xFE };
  ByteExpect last = { mutes, 0x7F };
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  check_edit (f, "mute step 1", edit_mute, GUINT_TO_POINTER (0), &first, 1);
  check_edit (f, "mute step 9", edit_mute, GUINT_TO_POINTER (8), &ninth, 1);
  check_edit (f, "mute step 16", edit_mute, GUINT_TO_POINTER (15), &last, 1);

  /* unmute gives the bit back */
  octa_midi_part_track_set_arp_mute (f->midi, 4, TRUE);
  before = bank_bytes (f);
  octa_midi_part_track_set_arp_mute (f->midi, 4, FALSE);
  after = bank_bytes (f);
  g_assert_cmphex (((const guint8 *) g_bytes_get_data (before, NULL))[mutes + 1], ==, 0xEF);
  g_assert_cmphex (((const guint8 *) g_bytes_get_data (after, NULL))[mutes + 1], ==, 0xFF);
  g_assert_cmphex (octa_midi_part_track_get_arp_mutes (f->midi), ==, 0xFFFF);
}

static void
edit_arp_note (Fixture       *f,
               gconstpointer  data)
{
  gint offset = GPOINTER_TO_INT (data);

  octa_midi_part_track_set_arp_note (f->midi, 6, offset);
  g_assert_cmpint (octa_midi_part_track_get_arp_note (f->midi, 6), ==, offset);
}

/* §2.5: offsets 0…63 as is, −1…−63 as 255…192. */
static void
test_arp_notes (Fixture       *f,
                gconstpointer  data)
{
  gsize note = UNSAVED (PART) + REL_ARP_SEQUENCE + 16 * MIDI + 6;
  ByteExpect up = { note, 0x3F };
  ByteExpect down = { note, 0xC1 };
  ByteExpect minus_one = { note, 0xFF };

  check_edit (f, "arp note +63", edit_arp_note, GINT_TO_POINTER (63), &up, 1);
  check_edit (f, "arp note -63", edit_arp_note, GINT_TO_POINTER (-63), &down, 1);
  check_edit (f, "arp note -1", edit_arp_note, GINT_TO_POINTER (-1), &minus_one, 1);
}

static void
edit_arp_length (Fixture       *f,
                 gconstpointer  data)
{
  octa_midi_part_track_set_arp_length (f->midi, GPOINTER_TO_UINT (data));
  g_assert_cmpuint (octa_midi_part_track_get_arp_length (f->midi), ==, GPOINTER_TO_UINT (data));
}

/* ARP setup LEN (setup byte 14) stores the length less one. */
static void
test_arp_length (Fixture       *f,
                 gconstpointer  data)
{
  gsize len = UNSAVED (PART) + REL_MIDI_SETUP + 36 * MIDI + 14;
  ByteExpect sixteen = { len, 15 };
  ByteExpect one = { len, 0 };

  g_assert_cmpuint (octa_midi_part_track_get_arp_length (f->midi), ==, 8);
  check_edit (f, "arp length 16", edit_arp_length, GUINT_TO_POINTER (16), &sixteen, 1);
  check_edit (f, "arp length 1", edit_arp_length, GUINT_TO_POINTER (1), &one, 1);

  /* a stored value past the sequence reads as the whole sequence */
  g_object_set (f->midi, "arp-len", 200, NULL);
  g_assert_cmpuint (octa_midi_part_track_get_arp_length (f->midi), ==, 16);
}

static guint8
codec_value (Fixture      *f,
             OctaPartArea  area,
             guint         track,
             guint         index)
{
  g_autoptr(GBytes) bytes = bank_bytes (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(OctaBankFile) file = NULL;
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);

  file = octa_bank_file_new_from_data (data, len, "bank01.work", OCTA_LOAD_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (octa_bank_file_get_parts_edited_mask (file) & (1u << PART));
  return octa_bank_file_get_part_value (file, PART, OCTA_PART_UNSAVED, area, track, index);
}

/* The same edits read back through the codec's part accessors. */
static void
test_codec_view (Fixture       *f,
                 gconstpointer  data)
{
  octa_part_track_set_lfo_smooth (OCTA_PART_TRACK (f->audio), 10, TRUE);
  g_assert_cmphex (codec_value (f, OCTA_PART_AREA_LFO_INTERP, AUDIO, 0), ==, 0x04);
  g_assert_cmphex (codec_value (f, OCTA_PART_AREA_LFO_INTERP, AUDIO, 1), ==, 0x00);

  octa_part_track_set_lfo_steps (OCTA_PART_TRACK (f->midi), shape);
  for (guint i = 0; i < 16; i++)
    g_assert_cmphex (codec_value (f, OCTA_PART_AREA_MIDI_LFO_DESIGN, MIDI, i), ==,
                     (guint8) shape[i]);

  octa_midi_part_track_set_arp_mute (f->midi, 2, TRUE);
  g_assert_cmphex (codec_value (f, OCTA_PART_AREA_ARP_MUTES, MIDI, 0), ==, 0xFF);
  g_assert_cmphex (codec_value (f, OCTA_PART_AREA_ARP_MUTES, MIDI, 1), ==, 0xFB);

  octa_midi_part_track_set_arp_note (f->midi, 15, -7);
  g_assert_cmphex (codec_value (f, OCTA_PART_AREA_ARP_SEQUENCE, MIDI, 15), ==, 0xF9);

  octa_midi_part_track_set_arp_length (f->midi, 5);
  g_assert_cmpuint (codec_value (f, OCTA_PART_AREA_MIDI_SETUP, MIDI, 14), ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/model/lfo-design/smooth-bits", Fixture, NULL,
              fixture_set_up, test_smooth_bits, fixture_tear_down);
  g_test_add ("/model/lfo-design/smooth-clear", Fixture, NULL,
              fixture_set_up, test_smooth_clear, fixture_tear_down);
  g_test_add ("/model/lfo-design/steps", Fixture, NULL,
              fixture_set_up, test_steps, fixture_tear_down);
  g_test_add ("/model/lfo-design/arp-mutes", Fixture, NULL,
              fixture_set_up, test_arp_mutes, fixture_tear_down);
  g_test_add ("/model/lfo-design/arp-notes", Fixture, NULL,
              fixture_set_up, test_arp_notes, fixture_tear_down);
  g_test_add ("/model/lfo-design/arp-length", Fixture, NULL,
              fixture_set_up, test_arp_length, fixture_tear_down);

  g_test_add ("/model/lfo-design/codec-view", Fixture, NULL,
              fixture_set_up, test_codec_view, fixture_tear_down);

  return g_test_run ();
}
