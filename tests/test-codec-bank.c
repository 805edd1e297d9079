/* SPDX-License-Identifier: MIT */
#include <string.h>

#include "octa-test-utils.h"

#define BANK_SIZE     636113
#define CHECKSUM_AT   (BANK_SIZE - 2)
#define BLANK_MD5     "cd3bc5294950d4f283e01f76ba38655f"
#define BLANK_SUM     0x96BB
#define TEST_NAME     "test-bank07.work"
#define SWING_DEFAULT G_GUINT64_CONSTANT (0xAAAAAAAAAAAAAAAA)
#define ALLOW_ALL     (OCTA_LOAD_ALLOW_BAD_CHECKSUM | OCTA_LOAD_ALLOW_BAD_STRUCTURE)

/*
 * Offsets written out from the spec's §2 tables and §2.8 formulas, on
 * purpose without the codec's own offset functions.
 */
static gsize
t_pattern (guint p)
{
  return 22 + 36588 * (gsize) p;
}

static gsize
t_audio (guint p,
         guint t)
{
  return t_pattern (p) + 8 + 2338 * (gsize) t;
}

static gsize
t_midi (guint p,
        guint t)
{
  return t_pattern (p) + 18712 + 2233 * (gsize) t;
}

static gsize
t_track (guint         p,
         OctaTrackType type,
         guint         t)
{
  return type == OCTA_TRACK_AUDIO ? t_audio (p, t) : t_midi (p, t);
}

static gsize
t_tail (guint p)
{
  return t_pattern (p) + 36576;
}

/* k = 0…3 unsaved, 4…7 saved */
static gsize
t_part_block (guint k)
{
  return 585430 + 6331 * (gsize) k;
}

static gsize
t_part (guint        part,
        OctaPartCopy copy)
{
  return t_part_block (part + (copy == OCTA_PART_SAVED ? 4 : 0));
}

static gsize
t_plock (guint         p,
         OctaTrackType type,
         guint         t,
         guint         s,
         guint         param)
{
  return t_track (p, type, t) + (type == OCTA_TRACK_AUDIO ? 98 : 57) + 32 * s + param;
}

static gsize
t_timing (guint         p,
          OctaTrackType type,
          guint         t,
          guint         s)
{
  return t_track (p, type, t) + (type == OCTA_TRACK_AUDIO ? 2210 : 2105) + 2 * s;
}

/* Trig mask offsets inside a track block (§2.2, §2.3); -1 = no such mask. */
static const int audio_mask_rel[OCTA_N_TRIG_KINDS] = {
  9, 17, 25, 33, 41, 49, 57, 65, 73, 81, -1,
};
static const int midi_mask_rel[OCTA_N_TRIG_KINDS] = {
  9, 17, 25, -1, -1, -1, -1, -1, 33, -1, 41,
};

static int
t_mask_rel (OctaTrackType type,
            OctaTrigKind  kind)
{
  return type == OCTA_TRACK_AUDIO ? audio_mask_rel[kind] : midi_mask_rel[kind];
}

/* The §2.5 part table: tracks × width at a relative offset. */
static const struct
{
  OctaPartArea area;
  guint        n_tracks;
  guint        width;
  gsize        rel;
} t_areas[] = {
  { OCTA_PART_AREA_UNKNOWN_4,       1, 4,  4 },
  { OCTA_PART_AREA_FX1_TYPE,        8, 1,  9 },
  { OCTA_PART_AREA_FX2_TYPE,        8, 1,  17 },
  { OCTA_PART_AREA_ACTIVE_SCENES,   1, 2,  25 },
  { OCTA_PART_AREA_LEVELS,          8, 2,  27 },
  { OCTA_PART_AREA_MACHINE,         8, 1,  43 },
  { OCTA_PART_AREA_SRC,             8, 30, 51 },
  { OCTA_PART_AREA_VALUES,          8, 24, 291 },
  { OCTA_PART_AREA_SRC_SETUP,       8, 30, 483 },
  { OCTA_PART_AREA_SLOTS,           8, 5,  723 },
  { OCTA_PART_AREA_SETUP,           8, 30, 763 },
  { OCTA_PART_AREA_MIDI_VALUES,     8, 32, 1003 },
  { OCTA_PART_AREA_MIDI_SETUP,      8, 36, 1259 },
  { OCTA_PART_AREA_RECORDER,        8, 12, 1547 },
  { OCTA_PART_AREA_LFO_DESIGN,      8, 16, 5899 },
  { OCTA_PART_AREA_LFO_INTERP,      8, 2,  6027 },
  { OCTA_PART_AREA_MIDI_LFO_DESIGN, 8, 16, 6043 },
  { OCTA_PART_AREA_MIDI_LFO_INTERP, 8, 2,  6171 },
  { OCTA_PART_AREA_ARP_MUTES,       8, 2,  6187 },
  { OCTA_PART_AREA_ARP_SEQUENCE,    8, 16, 6203 },
};

static guint16
t_checksum (const guint8 *data,
            gsize         len)
{
  guint16 sum = 0;

  for (gsize i = 16; i < len - 2; i++)
    sum += data[i];
  return sum;
}

static void
t_fix_checksum (guint8 *data,
                gsize   len)
{
  guint16 sum = t_checksum (data, len);

  data[len - 2] = sum >> 8;
  data[len - 1] = sum & 0xFF;
}

static GBytes *
blank_bytes (void)
{
  static GBytes *blank;

  if (blank == NULL)
    {
      g_autoptr(OctaBankFile) bank = octa_bank_file_new_blank (TEST_NAME);
      blank = octa_bank_file_encode (bank);
    }
  return blank;
}

static const guint8 *
blank_data (void)
{
  return g_bytes_get_data (blank_bytes (), NULL);
}

static guint8 *
blank_dup (void)
{
  return g_memdup2 (blank_data (), BANK_SIZE);
}

static OctaBankFile *
open_bank (const guint8 *data,
           gsize         len)
{
  g_autoptr(GError) error = NULL;
  OctaBankFile *bank = octa_bank_file_new_from_data (data, len, TEST_NAME,
                                                     OCTA_LOAD_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bank);
  return bank;
}

static OctaBankFile *
new_blank (void)
{
  return open_bank (blank_data (), BANK_SIZE);
}

typedef struct
{
  gsize  offset;
  guint8 value;
} Expect;

/* Encodes @bank and checks that, compared with the blank, exactly the
 * expected bytes (and the checksum) changed, to the expected values. */
static void
assert_edit (const char   *what,
             OctaBankFile *bank,
             const Expect *expect,
             guint         n)
{
  g_autoptr(GBytes) bytes = octa_bank_file_encode (bank);
  g_autofree gsize *offsets = g_new (gsize, n + 2);
  const guint8 *before = blank_data ();
  const guint8 *after;
  gsize len;

  after = g_bytes_get_data (bytes, &len);
  g_assert_cmpuint (len, ==, BANK_SIZE);

  for (guint i = 0; i < n; i++)
    {
      if (before[expect[i].offset] == expect[i].value)
        g_error ("%s: test error, byte %" G_GSIZE_FORMAT " already holds 0x%02X in the blank",
                 what, expect[i].offset, expect[i].value);
      if (after[expect[i].offset] != expect[i].value)
        g_error ("%s: byte %" G_GSIZE_FORMAT " is 0x%02X, expected 0x%02X",
                 what, expect[i].offset, after[expect[i].offset], expect[i].value);
      offsets[i] = expect[i].offset;
    }
  offsets[n] = CHECKSUM_AT;
  offsets[n + 1] = CHECKSUM_AT + 1;

  g_assert_cmpuint ((after[CHECKSUM_AT] << 8) | after[CHECKSUM_AT + 1], ==,
                    t_checksum (after, len));
  octa_test_assert_changed_only (what, before, after, len, offsets, n + 2);
}

static void
assert_edit1 (const char   *what,
              OctaBankFile *bank,
              gsize         offset,
              guint8        value)
{
  Expect e = { offset, value };

  assert_edit (what, bank, &e, 1);
}

static void
assert_error_names_file (const GError *error)
{
  g_assert_nonnull (error);
  if (strstr (error->message, TEST_NAME) == NULL)
    g_error ("message lacks the file name: %s", error->message);
}

static void
assert_message_has_offset (const GError *error,
                           gsize         offset)
{
  g_autofree char *needle = g_strdup_printf ("offset %" G_GSIZE_FORMAT, offset);

  if (strstr (error->message, needle) == NULL)
    g_error ("message lacks \"%s\": %s", needle, error->message);
}

static GPtrArray *
new_problems (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
}

static void
assert_problem (GPtrArray *problems,
                guint      index,
                int        code)
{
  const GError *error;

  g_assert_cmpuint (index, <, problems->len);
  error = problems->pdata[index];
  g_assert_error (error, OCTA_CODEC_ERROR, code);
  assert_error_names_file (error);
}

/* 1. Blank generation */

static void
test_blank_bytes (void)
{
  GBytes *bytes = blank_bytes ();
  g_autofree char *md5 = NULL;
  const guint8 *d;
  gsize len;

  d = g_bytes_get_data (bytes, &len);
  g_assert_cmpuint (len, ==, BANK_SIZE);
  md5 = g_compute_checksum_for_data (G_CHECKSUM_MD5, d, len);
  g_assert_cmpstr (md5, ==, BLANK_MD5);
  g_assert_cmpuint ((d[CHECKSUM_AT] << 8) | d[CHECKSUM_AT + 1], ==, BLANK_SUM);
  g_assert_cmpuint (t_checksum (d, len), ==, BLANK_SUM);
  g_assert_true (octa_bank_file_check_structure (d, len, TEST_NAME, NULL));
}

static void
assert_area (const OctaBankFile *bank,
             guint               part,
             OctaPartCopy        copy,
             OctaPartArea        area,
             guint               track,
             const guint8       *expect,
             guint               len)
{
  g_assert_cmpuint (octa_part_area_width (area), ==, len);
  for (guint i = 0; i < len; i++)
    {
      guint8 v = octa_bank_file_get_part_value (bank, part, copy, area, track, i);

      if (v != expect[i])
        g_error ("part %u copy %d %s track %u byte %u is %u, expected %u", part, copy,
                 octa_part_area_to_string (area), track, i, v, expect[i]);
    }
}

static void
test_blank_decodes (void)
{
  g_autoptr(OctaBankFile) bank = new_blank ();
  static const guint8 src[30] = {
    64, 0, 0, 127, 0, 79, 64, 0, 0, 127, 0, 79, 0, 64, 0, 0, 64, 0,
    0, 0, 0, 0, 0, 0, 64, 2, 1, 127, 64, 1,
  };
  static const guint8 values[24] = {
    32, 32, 32, 0, 0, 0, 0, 127, 127, 64, 64, 127, 0, 127, 0, 64, 0, 64,
    47, 0, 127, 0, 127, 0,
  };
  static const guint8 src_setup[30] = {
    1, 0, 0, 0, 1, 64, 1, 0, 0, 0, 1, 64, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 64,
  };
  static const guint8 setup[30] = {
    0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 1, 0, 3, 0,
    0, 1, 127, 1, 0, 0, 0, 0, 0, 0, 0, 0,
  };
  static const guint8 midi_values[32] = {
    48, 100, 6, 64, 64, 64, 32, 32, 32, 0, 0, 0, 64, 0, 0, 5, 0, 6,
    64, 0, 127, 0, 0, 64, 0, 0, 0, 0, 0, 0, 0, 0,
  };
  static const guint8 midi_setup[36] = {
    0, 128, 128, 0, 128, 0, 0, 0, 0, 0, 0, 0, 0, 0, 7, 0, 0, 0,
    0, 0, 7, 1, 2, 10, 71, 72, 73, 74, 75, 76, 0, 0, 0, 0, 0, 0,
  };
  static const guint8 recorder[12] = { 1, 1, 64, 0, 0, 1, 0, 0, 0, 255, 255, 0 };
  static const guint8 zeros[16] = { 0 };
  static const char *names[4] = { "ONE", "TWO", "THREE", "FOUR" };
  static const guint8 audio_settings[OCTA_N_TRACK_SETTINGS] = { 16, 2, 0, 0xFF, 0, 0, 0, 0, 0 };

  for (guint p = 0; p < OCTA_N_PATTERNS; p++)
    {
      g_assert_cmpuint (octa_bank_file_get_pattern_per_track_length (bank, p), ==, 16);
      g_assert_cmpuint (octa_bank_file_get_pattern_per_track_scale (bank, p), ==, 2);
      g_assert_cmpuint (octa_bank_file_get_pattern_length (bank, p), ==, 16);
      g_assert_cmpuint (octa_bank_file_get_pattern_scale (bank, p), ==, 2);
      g_assert_cmpuint (octa_bank_file_get_pattern_scale_mode (bank, p), ==, 0);
      g_assert_cmpuint (octa_bank_file_get_pattern_chain_setting (bank, p), ==, 0);
      g_assert_cmpuint (octa_bank_file_get_pattern_part (bank, p), ==, 0);
      g_assert_cmpuint (octa_bank_file_get_pattern_tail_unknown (bank, p, 0), ==, 0);
      g_assert_cmpuint (octa_bank_file_get_pattern_tail_unknown (bank, p, 1), ==, 0);
      g_assert_cmpuint (octa_bank_file_get_pattern_tempo_x24 (bank, p), ==, 2880);
      g_assert_false (octa_bank_file_pattern_has_trigs (bank, p));

      for (guint ty = OCTA_TRACK_AUDIO; ty <= OCTA_TRACK_MIDI; ty++)
        for (guint t = 0; t < OCTA_N_TRACKS; t++)
          {
            for (guint k = 0; k < OCTA_N_TRIG_KINDS; k++)
              {
                if (!octa_trig_kind_valid_for (k, ty))
                  continue;
                g_assert_cmpuint (octa_bank_file_get_trig_mask (bank, p, ty, t, k), ==,
                                  k == OCTA_TRIG_SWING ? SWING_DEFAULT : 0);
              }
            for (guint s = 0; s < OCTA_N_TRACK_SETTINGS; s++)
              {
                if (ty == OCTA_TRACK_MIDI && s == OCTA_TRACK_SETTING_UNKNOWN_2)
                  continue;
                g_assert_cmpuint (octa_bank_file_get_track_setting (bank, p, ty, t, s), ==,
                                  audio_settings[s]);
              }
            for (guint i = 0; i < (ty == OCTA_TRACK_AUDIO ? 68u : 4u); i++)
              g_assert_cmpuint (octa_bank_file_get_track_unknown (bank, p, ty, t, i), ==, 0);
            for (guint s = 0; s < OCTA_N_STEPS; s++)
              {
                g_assert_cmpuint (octa_bank_file_count_plocks (bank, p, ty, t, s), ==, 0);
                g_assert_cmpuint (octa_bank_file_get_plock (bank, p, ty, t, s, s % 32), ==, 0xFF);
                g_assert_cmpuint (octa_bank_file_get_repeats (bank, p, ty, t, s), ==, 0);
                g_assert_cmpint (octa_bank_file_get_micro_timing (bank, p, ty, t, s), ==, 0);
                g_assert_cmpuint (octa_bank_file_get_condition (bank, p, ty, t, s), ==, 0);
                if (ty == OCTA_TRACK_AUDIO)
                  g_assert_cmpint (octa_bank_file_get_sample_lock (bank, p, t, s), ==, -1);
              }
          }
    }

  for (guint part = 0; part < OCTA_N_PARTS; part++)
    {
      g_autofree char *name = octa_bank_file_dup_part_name (bank, part);
      const guint8 *raw = octa_bank_file_get_part_name_raw (bank, part);
      guint8 expect_raw[7] = { 0 };

      memcpy (expect_raw, names[part], strlen (names[part]));
      g_assert_cmpstr (name, ==, names[part]);
      g_assert_cmpmem (raw, 7, expect_raw, 7);
      g_assert_cmpuint (octa_bank_file_get_part_saved_state (bank, part), ==, 0);
      g_assert_true (octa_bank_file_part_equal (bank, part));

      for (OctaPartCopy c = OCTA_PART_UNSAVED; c <= OCTA_PART_SAVED; c++)
        {
          assert_area (bank, part, c, OCTA_PART_AREA_ACTIVE_SCENES, 0, (guint8[]) { 0, 8 }, 2);
          assert_area (bank, part, c, OCTA_PART_AREA_UNKNOWN_4, 0, zeros, 4);

          for (guint t = 0; t < OCTA_N_TRACKS; t++)
            {
              const guint8 slots[5] = { t, t, 0, 0, 128 + t };

              assert_area (bank, part, c, OCTA_PART_AREA_FX1_TYPE, t, (guint8[]) { 4 }, 1);
              assert_area (bank, part, c, OCTA_PART_AREA_FX2_TYPE, t, (guint8[]) { 8 }, 1);
              assert_area (bank, part, c, OCTA_PART_AREA_LEVELS, t, (guint8[]) { 108, 108 }, 2);
              assert_area (bank, part, c, OCTA_PART_AREA_MACHINE, t, zeros, 1);
              g_assert_cmpint (octa_bank_file_get_machine (bank, part, c, t), ==,
                               OCTA_MACHINE_STATIC);
              assert_area (bank, part, c, OCTA_PART_AREA_SRC, t, src, 30);
              assert_area (bank, part, c, OCTA_PART_AREA_VALUES, t, values, 24);
              assert_area (bank, part, c, OCTA_PART_AREA_SRC_SETUP, t, src_setup, 30);
              assert_area (bank, part, c, OCTA_PART_AREA_SLOTS, t, slots, 5);
              assert_area (bank, part, c, OCTA_PART_AREA_SETUP, t, setup, 30);
              assert_area (bank, part, c, OCTA_PART_AREA_MIDI_VALUES, t, midi_values, 32);
              assert_area (bank, part, c, OCTA_PART_AREA_MIDI_SETUP, t, midi_setup, 36);
              assert_area (bank, part, c, OCTA_PART_AREA_RECORDER, t, recorder, 12);
              assert_area (bank, part, c, OCTA_PART_AREA_LFO_DESIGN, t, zeros, 16);
              assert_area (bank, part, c, OCTA_PART_AREA_LFO_INTERP, t, zeros, 2);
              assert_area (bank, part, c, OCTA_PART_AREA_MIDI_LFO_DESIGN, t, zeros, 16);
              assert_area (bank, part, c, OCTA_PART_AREA_MIDI_LFO_INTERP, t, zeros, 2);
              assert_area (bank, part, c, OCTA_PART_AREA_ARP_MUTES, t, (guint8[]) { 255, 255 }, 2);
              assert_area (bank, part, c, OCTA_PART_AREA_ARP_SEQUENCE, t, zeros, 16);
              for (guint s = 0; s < OCTA_N_SCENES; s++)
                for (guint i = 0; i < 32; i++)
                  g_assert_cmpuint (octa_bank_file_get_scene_lock (bank, part, c, s, t, i), ==,
                                    0xFF);
            }
          for (guint s = 0; s < OCTA_N_SCENES; s++)
            for (guint i = 0; i < 10; i++)
              g_assert_cmpuint (octa_bank_file_get_xlv (bank, part, c, s, i), ==, 0xFF);
        }
    }
  g_assert_cmpuint (octa_bank_file_get_parts_edited_mask (bank), ==, 0);
}

static void
test_blank_untouched_roundtrip (void)
{
  g_autoptr(OctaBankFile) bank = new_blank ();
  g_autoptr(OctaBankFile) copy = NULL;
  g_autoptr(GBytes) out = octa_bank_file_encode (bank);
  g_autoptr(GBytes) out2 = NULL;

  g_assert_true (g_bytes_equal (out, blank_bytes ()));
  g_assert_false (octa_bank_file_get_image (bank)->modified);

  copy = octa_bank_file_copy (bank);
  octa_bank_file_set_plock (copy, 0, OCTA_TRACK_AUDIO, 0, 0, 0, 1);
  out2 = octa_bank_file_encode (bank);
  g_assert_true (g_bytes_equal (out2, blank_bytes ()));
  g_assert_cmpuint (octa_bank_file_get_plock (copy, 0, OCTA_TRACK_AUDIO, 0, 0, 0), ==, 1);
  g_assert_cmpuint (octa_bank_file_get_plock (bank, 0, OCTA_TRACK_AUDIO, 0, 0, 0), ==, 0xFF);

  /* Writing a value a byte already holds is no edit. */
  octa_bank_file_set_plock (bank, 0, OCTA_TRACK_AUDIO, 0, 0, 0, 0xFF);
  g_assert_false (octa_bank_file_get_image (bank)->modified);
}

/* 2. Every accessor changes exactly its bytes */

static void
test_offset_tables (void)
{
  /* §2 pattern table: start, audio T1, MIDI M1, tail */
  static const gsize table[16][4] = {
    { 22, 30, 18734, 36598 }, { 36610, 36618, 55322, 73186 },
    { 73198, 73206, 91910, 109774 }, { 109786, 109794, 128498, 146362 },
    { 146374, 146382, 165086, 182950 }, { 182962, 182970, 201674, 219538 },
    { 219550, 219558, 238262, 256126 }, { 256138, 256146, 274850, 292714 },
    { 292726, 292734, 311438, 329302 }, { 329314, 329322, 348026, 365890 },
    { 365902, 365910, 384614, 402478 }, { 402490, 402498, 421202, 439066 },
    { 439078, 439086, 457790, 475654 }, { 475666, 475674, 494378, 512242 },
    { 512254, 512262, 530966, 548830 }, { 548842, 548850, 567554, 585418 },
  };
  /* §2 part block table */
  static const gsize parts[8] = {
    585430, 591761, 598092, 604423, 610754, 617085, 623416, 629747,
  };

  for (guint p = 0; p < 16; p++)
    {
      g_assert_cmpuint (octa_bank_pattern_offset (p), ==, table[p][0]);
      g_assert_cmpuint (octa_bank_track_offset (p, OCTA_TRACK_AUDIO, 0), ==, table[p][1]);
      g_assert_cmpuint (octa_bank_track_offset (p, OCTA_TRACK_MIDI, 0), ==, table[p][2]);
      g_assert_cmpuint (t_tail (p), ==, table[p][3]);
      for (guint t = 0; t < 8; t++)
        {
          g_assert_cmpuint (octa_bank_track_offset (p, OCTA_TRACK_AUDIO, t), ==, t_audio (p, t));
          g_assert_cmpuint (octa_bank_track_offset (p, OCTA_TRACK_MIDI, t), ==, t_midi (p, t));
          for (guint k = 0; k < OCTA_N_TRIG_KINDS; k++)
            for (guint ty = OCTA_TRACK_AUDIO; ty <= OCTA_TRACK_MIDI; ty++)
              {
                g_assert_cmpint (octa_trig_kind_valid_for (k, ty), ==, t_mask_rel (ty, k) >= 0);
                if (t_mask_rel (ty, k) >= 0)
                  g_assert_cmpuint (octa_bank_trig_mask_offset (p, ty, t, k), ==,
                                    t_track (p, ty, t) + t_mask_rel (ty, k));
              }
          for (guint s = 0; s < 64; s += 21)
            for (guint ty = OCTA_TRACK_AUDIO; ty <= OCTA_TRACK_MIDI; ty++)
              {
                g_assert_cmpuint (octa_bank_plock_offset (p, ty, t, s, 31), ==,
                                  t_plock (p, ty, t, s, 31));
                g_assert_cmpuint (octa_bank_step_timing_offset (p, ty, t, s), ==,
                                  t_timing (p, ty, t, s));
              }
        }
    }
  g_assert_cmpuint (octa_bank_plock_offset (15, OCTA_TRACK_MIDI, 7, 63, 31) + 1 + 128, ==, 585418);

  for (guint k = 0; k < 8; k++)
    {
      OctaPartCopy c = k < 4 ? OCTA_PART_UNSAVED : OCTA_PART_SAVED;

      g_assert_cmpuint (t_part_block (k), ==, parts[k]);
      g_assert_cmpuint (octa_bank_part_offset (k % 4, c), ==, parts[k]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (t_areas); i++)
    {
      OctaPartArea area = t_areas[i].area;

      g_assert_cmpuint (octa_part_area_n_tracks (area), ==, t_areas[i].n_tracks);
      g_assert_cmpuint (octa_part_area_width (area), ==, t_areas[i].width);
      g_assert_cmpuint (octa_part_area_offset (area, 0, 0), ==, t_areas[i].rel);
      g_assert_cmpuint (octa_part_area_offset (area, t_areas[i].n_tracks - 1,
                                               t_areas[i].width - 1), ==,
                        t_areas[i].rel + t_areas[i].n_tracks * t_areas[i].width - 1);
      g_assert_nonnull (octa_part_area_to_string (area));
    }
  g_assert_cmpuint (G_N_ELEMENTS (t_areas), ==, OCTA_N_PART_AREAS);
  /* the areas tile the part block between the scenes and the end */
  g_assert_cmpuint (octa_part_area_offset (OCTA_PART_AREA_RECORDER, 7, 11) + 1, ==, 1643);
  g_assert_cmpuint (octa_part_area_offset (OCTA_PART_AREA_ARP_SEQUENCE, 7, 15) + 1, ==, 6331);

  for (guint k = 0; k < OCTA_N_TRIG_KINDS; k++)
    g_assert_nonnull (octa_trig_kind_to_string (k));
  g_assert_cmpstr (octa_trig_kind_to_string (OCTA_TRIG_TRIGLESS), ==, "trigless");
}

static void
test_edit_trig_masks (void)
{
  for (guint ty = OCTA_TRACK_AUDIO; ty <= OCTA_TRACK_MIDI; ty++)
    for (guint k = 0; k < OCTA_N_TRIG_KINDS; k++)
      {
        if (t_mask_rel (ty, k) < 0)
          continue;

        for (guint page = 0; page < 4; page++)
          {
            g_autoptr(OctaBankFile) bank = new_blank ();
            g_autofree char *what = g_strdup_printf ("%s %s page %u", ty ? "midi" : "audio",
                                                     octa_trig_kind_to_string (k), page);
            guint p = (k + page * 5) % 16;
            guint t = (k + page) % 8;
            guint step = page * 16 + (k % 16);
            gboolean was = octa_bank_file_get_trig (bank, p, ty, t, k, step);
            gsize off = t_track (p, ty, t) + t_mask_rel (ty, k) + 7 - step / 8;
            guint8 bit = 1 << (step % 8);

            octa_bank_file_set_trig (bank, p, ty, t, k, step, !was);
            assert_edit1 (what, bank, off, blank_data ()[off] ^ bit);
            g_assert_cmpint (octa_bank_file_get_trig (bank, p, ty, t, k, step), ==, !was);
            g_assert_cmpuint (octa_bank_file_get_trig_mask (bank, p, ty, t, k), ==,
                              (k == OCTA_TRIG_SWING ? SWING_DEFAULT : 0) ^
                              (G_GUINT64_CONSTANT (1) << step));
            if (k != OCTA_TRIG_SWING)
              g_assert_true (octa_bank_file_pattern_has_trigs (bank, p));
            else
              g_assert_false (octa_bank_file_pattern_has_trigs (bank, p));
          }

        /* a whole mask at once */
        {
          g_autoptr(OctaBankFile) bank = new_blank ();
          guint64 mask = G_GUINT64_CONSTANT (0x0123456789ABCDEF);
          gsize off = t_track (9, ty, 6) + t_mask_rel (ty, k);
          Expect e[8];

          for (guint i = 0; i < 8; i++)
            {
              e[i].offset = off + i;
              e[i].value = (mask >> (56 - 8 * i)) & 0xFF;
            }
          octa_bank_file_set_trig_mask (bank, 9, ty, 6, k, mask);
          assert_edit ("whole mask", bank, e, 8);
          g_assert_cmpuint (octa_bank_file_get_trig_mask (bank, 9, ty, 6, k), ==, mask);
        }
      }
}

static void
test_edit_track_settings (void)
{
  for (guint ty = OCTA_TRACK_AUDIO; ty <= OCTA_TRACK_MIDI; ty++)
    for (guint s = 0; s < OCTA_N_TRACK_SETTINGS; s++)
      {
        if (ty == OCTA_TRACK_MIDI && s == OCTA_TRACK_SETTING_UNKNOWN_2)
          continue;

        for (guint i = 0; i < 2; i++)
          {
            g_autoptr(OctaBankFile) bank = new_blank ();
            guint p = i == 0 ? 0 : 15;
            guint t = i == 0 ? s % 8 : 7;
            gsize off = t_track (p, ty, t) + (ty == OCTA_TRACK_AUDIO ? 89 : 49) + s;

            octa_bank_file_set_track_setting (bank, p, ty, t, s, 0x5A);
            assert_edit1 ("track setting", bank, off, 0x5A);
            g_assert_cmpuint (octa_bank_file_get_track_setting (bank, p, ty, t, s), ==, 0x5A);
          }
      }

  /* unknown_1 at +4 (both types), unknown_3 at +2146 (audio) */
  {
    static const guint audio_idx[] = { 0, 3, 4, 5, 40, 67 };

    for (guint i = 0; i < G_N_ELEMENTS (audio_idx); i++)
      {
        g_autoptr(OctaBankFile) bank = new_blank ();
        guint idx = audio_idx[i];
        gsize off = t_audio (i, 7 - i) + (idx < 4 ? 4 + idx : 2146 + idx - 4);

        octa_bank_file_set_track_unknown (bank, i, OCTA_TRACK_AUDIO, 7 - i, idx, 0x11);
        assert_edit1 ("audio unknown", bank, off, 0x11);
        g_assert_cmpuint (octa_bank_file_get_track_unknown (bank, i, OCTA_TRACK_AUDIO, 7 - i, idx),
                          ==, 0x11);
      }
    for (guint idx = 0; idx < 4; idx++)
      {
        g_autoptr(OctaBankFile) bank = new_blank ();

        octa_bank_file_set_track_unknown (bank, 12, OCTA_TRACK_MIDI, idx + 4, idx, 0x22);
        assert_edit1 ("midi unknown", bank, t_midi (12, idx + 4) + 4 + idx, 0x22);
        g_assert_cmpuint (octa_bank_file_get_track_unknown (bank, 12, OCTA_TRACK_MIDI, idx + 4,
                                                            idx), ==, 0x22);
      }
  }
}

static void
test_edit_plocks (void)
{
  static const struct
  {
    guint p, t, s, param;
  } cases[] = {
    { 0, 0, 0, 0 }, { 0, 0, 63, 31 }, { 3, 5, 14, OCTA_AUDIO_PLOCK_AMP_VOL },
    { 7, 2, 31, OCTA_AUDIO_PLOCK_FX2_6 }, { 15, 7, 63, 30 }, { 15, 7, 63, 0 },
    { 9, 4, 32, OCTA_MIDI_PLOCK_CC10 }, { 11, 1, 47, 15 },
  };

  for (guint ty = OCTA_TRACK_AUDIO; ty <= OCTA_TRACK_MIDI; ty++)
    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autoptr(OctaBankFile) bank = new_blank ();
        guint p = cases[i].p, t = cases[i].t, s = cases[i].s, param = cases[i].param;

        octa_bank_file_set_plock (bank, p, ty, t, s, param, 100);
        assert_edit1 ("p-lock", bank, t_plock (p, ty, t, s, param), 100);
        g_assert_cmpuint (octa_bank_file_get_plock (bank, p, ty, t, s, param), ==, 100);
        g_assert_cmpuint (octa_bank_file_count_plocks (bank, p, ty, t, s), ==, 1);

        /* 0 is a lock too */
        octa_bank_file_set_plock (bank, p, ty, t, s, (param + 1) % 32, 0);
        g_assert_cmpuint (octa_bank_file_count_plocks (bank, p, ty, t, s), ==, 2);
        octa_bank_file_set_plock (bank, p, ty, t, s, param, OCTA_PLOCK_NONE);
        octa_bank_file_set_plock (bank, p, ty, t, s, (param + 1) % 32, OCTA_PLOCK_NONE);
        g_assert_cmpuint (octa_bank_file_count_plocks (bank, p, ty, t, s), ==, 0);
        {
          g_autoptr(GBytes) again = octa_bank_file_encode (bank);
          g_assert_true (g_bytes_equal (again, blank_bytes ()));
        }
      }

  /* several locks on one record at once */
  {
    g_autoptr(OctaBankFile) bank = new_blank ();
    Expect e[3] = {
      { t_plock (5, OCTA_TRACK_AUDIO, 3, 63, 0), 64 },
      { t_plock (5, OCTA_TRACK_AUDIO, 3, 63, 15), 127 },
      { t_plock (5, OCTA_TRACK_AUDIO, 3, 63, 29), 1 },
    };

    octa_bank_file_set_plock (bank, 5, OCTA_TRACK_AUDIO, 3, 63, 0, 64);
    octa_bank_file_set_plock (bank, 5, OCTA_TRACK_AUDIO, 3, 63, 15, 127);
    octa_bank_file_set_plock (bank, 5, OCTA_TRACK_AUDIO, 3, 63, 29, 1);
    assert_edit ("three locks", bank, e, 3);
    g_assert_cmpuint (octa_bank_file_count_plocks (bank, 5, OCTA_TRACK_AUDIO, 3, 63), ==, 3);
  }
}

static void
test_edit_sample_lock (void)
{
  static const struct
  {
    guint p, t, s;
    gint  slot;
  } cases[] = {
    { 0, 0, 0, 0 }, { 3, 1, 8, 1 }, { 3, 3, 56, 126 }, { 15, 7, 63, 127 }, { 8, 4, 20, 135 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(OctaBankFile) bank = new_blank ();

      guint p = cases[i].p, t = cases[i].t, s = cases[i].s;
      gint slot = cases[i].slot;

      octa_bank_file_set_sample_lock (bank, p, t, s, slot);
      assert_edit1 ("sample lock", bank, t_plock (p, OCTA_TRACK_AUDIO, t, s, 31), slot);
      g_assert_cmpint (octa_bank_file_get_sample_lock (bank, p, t, s), ==, slot);
      g_assert_cmpuint (octa_bank_file_get_plock (bank, p, OCTA_TRACK_AUDIO, t, s,
                                                  OCTA_AUDIO_PLOCK_SAMPLE_LOCK), ==, slot);

      octa_bank_file_set_sample_lock (bank, p, t, s, -1);
      g_assert_cmpint (octa_bank_file_get_sample_lock (bank, p, t, s), ==, -1);
      {
        g_autoptr(GBytes) again = octa_bank_file_encode (bank);
        g_assert_true (g_bytes_equal (again, blank_bytes ()));
      }
    }
}

static void
test_edit_timing (void)
{
  for (guint ty = OCTA_TRACK_AUDIO; ty <= OCTA_TRACK_MIDI; ty++)
    {
      guint p = ty ? 14 : 1, t = ty ? 6 : 2, s = ty ? 63 : 17;
      gsize off = t_timing (p, ty, t, s);

      {
        g_autoptr(OctaBankFile) bank = new_blank ();

        octa_bank_file_set_repeats (bank, p, ty, t, s, 5);
        assert_edit1 ("repeats", bank, off, 5 << 5);
        g_assert_cmpuint (octa_bank_file_get_repeats (bank, p, ty, t, s), ==, 5);
      }
      {
        g_autoptr(OctaBankFile) bank = new_blank ();
        Expect e[2] = { { off, 0x0B }, { off + 1, 0x80 } };

        octa_bank_file_set_micro_timing (bank, p, ty, t, s, 23);
        assert_edit ("micro +23", bank, e, 2);
        g_assert_cmpint (octa_bank_file_get_micro_timing (bank, p, ty, t, s), ==, 23);
      }
      {
        g_autoptr(OctaBankFile) bank = new_blank ();

        octa_bank_file_set_micro_timing (bank, p, ty, t, s, -6);
        assert_edit1 ("micro -6", bank, off, 0x1D);
        g_assert_cmpint (octa_bank_file_get_micro_timing (bank, p, ty, t, s), ==, -6);
      }
      {
        g_autoptr(OctaBankFile) bank = new_blank ();

        octa_bank_file_set_condition (bank, p, ty, t, s, 64);
        assert_edit1 ("condition", bank, off + 1, 64);
        g_assert_cmpuint (octa_bank_file_get_condition (bank, p, ty, t, s), ==, 64);
      }
      {
        /* all three, in both orders; each setter keeps the other two */
        g_autoptr(OctaBankFile) bank = new_blank ();
        Expect e[2] = { { off, (7 << 5) | (((-3) & 0x3F) >> 1) }, { off + 1, 0x80 | 127 } };

        octa_bank_file_set_condition (bank, p, ty, t, s, 127);
        octa_bank_file_set_micro_timing (bank, p, ty, t, s, -3);
        octa_bank_file_set_repeats (bank, p, ty, t, s, 7);
        assert_edit ("all three", bank, e, 2);
        g_assert_cmpuint (octa_bank_file_get_repeats (bank, p, ty, t, s), ==, 7);
        g_assert_cmpint (octa_bank_file_get_micro_timing (bank, p, ty, t, s), ==, -3);
        g_assert_cmpuint (octa_bank_file_get_condition (bank, p, ty, t, s), ==, 127);

        octa_bank_file_set_micro_timing (bank, p, ty, t, s, 22);
        g_assert_cmpuint (octa_bank_file_get_repeats (bank, p, ty, t, s), ==, 7);
        g_assert_cmpuint (octa_bank_file_get_condition (bank, p, ty, t, s), ==, 127);
        octa_bank_file_set_repeats (bank, p, ty, t, s, 0);
        g_assert_cmpint (octa_bank_file_get_micro_timing (bank, p, ty, t, s), ==, 22);
        g_assert_cmpuint (octa_bank_file_get_condition (bank, p, ty, t, s), ==, 127);
        octa_bank_file_set_condition (bank, p, ty, t, s, 0);
        g_assert_cmpint (octa_bank_file_get_micro_timing (bank, p, ty, t, s), ==, 22);
        g_assert_cmpuint (octa_bank_file_get_repeats (bank, p, ty, t, s), ==, 0);
        octa_bank_file_set_micro_timing (bank, p, ty, t, s, 0);
        {
          g_autoptr(GBytes) again = octa_bank_file_encode (bank);
          g_assert_true (g_bytes_equal (again, blank_bytes ()));
        }
      }
    }
}

static void
test_edit_pattern_tail (void)
{
  for (guint i = 0; i < 3; i++)
    {
      guint p = (guint[]) { 0, 6, 15 }[i];
      gsize tail = t_tail (p);

      {
        g_autoptr(OctaBankFile) bank = new_blank ();
        Expect e[2] = { { tail + 0, 0x03 }, { tail + 1, 0xFF } };

        octa_bank_file_set_pattern_per_track_length (bank, p, 1023);
        assert_edit ("per-track length", bank, e, 2);
        g_assert_cmpuint (octa_bank_file_get_pattern_per_track_length (bank, p), ==, 1023);
      }
      {
        g_autoptr(OctaBankFile) bank = new_blank ();

        octa_bank_file_set_pattern_per_track_scale (bank, p, 6);
        assert_edit1 ("per-track scale", bank, tail + 2, 6);
        g_assert_cmpuint (octa_bank_file_get_pattern_per_track_scale (bank, p), ==, 6);
      }
      {
        g_autoptr(OctaBankFile) bank = new_blank ();

        octa_bank_file_set_pattern_length (bank, p, 64);
        assert_edit1 ("length", bank, tail + 3, 64);
        g_assert_cmpuint (octa_bank_file_get_pattern_length (bank, p), ==, 64);
      }
      {
        g_autoptr(OctaBankFile) bank = new_blank ();

        octa_bank_file_set_pattern_scale (bank, p, 5);
        assert_edit1 ("scale", bank, tail + 4, 5);
        g_assert_cmpuint (octa_bank_file_get_pattern_scale (bank, p), ==, 5);
      }
      {
        g_autoptr(OctaBankFile) bank = new_blank ();

        octa_bank_file_set_pattern_scale_mode (bank, p, 1);
        assert_edit1 ("scale mode", bank, tail + 5, 1);
        g_assert_cmpuint (octa_bank_file_get_pattern_scale_mode (bank, p), ==, 1);
      }
      {
        g_autoptr(OctaBankFile) bank = new_blank ();

        octa_bank_file_set_pattern_chain_setting (bank, p, 255);
        assert_edit1 ("chain setting", bank, tail + 6, 255);
        g_assert_cmpuint (octa_bank_file_get_pattern_chain_setting (bank, p), ==, 255);
      }
      {
        g_autoptr(OctaBankFile) bank = new_blank ();

        octa_bank_file_set_pattern_part (bank, p, 3);
        assert_edit1 ("part", bank, tail + 7, 3);
        g_assert_cmpuint (octa_bank_file_get_pattern_part (bank, p), ==, 3);
      }
      for (guint idx = 0; idx < 2; idx++)
        {
          g_autoptr(OctaBankFile) bank = new_blank ();

          octa_bank_file_set_pattern_tail_unknown (bank, p, idx, 0x77);
          assert_edit1 ("tail unknown", bank, tail + 8 + idx, 0x77);
          g_assert_cmpuint (octa_bank_file_get_pattern_tail_unknown (bank, p, idx), ==, 0x77);
        }
      {
        g_autoptr(OctaBankFile) bank = new_blank ();
        Expect e[2] = { { tail + 10, 0x02 }, { tail + 11, 0xD0 } };

        octa_bank_file_set_pattern_tempo_x24 (bank, p, 720);
        assert_edit ("tempo", bank, e, 2);
        g_assert_cmpuint (octa_bank_file_get_pattern_tempo_x24 (bank, p), ==, 720);
      }
    }
}

static void
test_edit_part_areas (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (t_areas); i++)
    for (OctaPartCopy c = OCTA_PART_UNSAVED; c <= OCTA_PART_SAVED; c++)
      for (guint ts = 0; ts < 2; ts++)
        for (guint is = 0; is < 2; is++)
          {
            g_autoptr(OctaBankFile) bank = new_blank ();
            g_autofree char *what = NULL;
            OctaPartArea area = t_areas[i].area;
            guint part = (i + c + ts + is) % 4;
            guint t = ts ? t_areas[i].n_tracks - 1 : 0;
            guint idx = is ? t_areas[i].width - 1 : 0;
            gsize off = t_part (part, c) + t_areas[i].rel + t_areas[i].width * t + idx;
            guint8 value = blank_data ()[off] ^ 0x5A;

            what = g_strdup_printf ("part %u copy %d %s track %u index %u", part, c,
                                    octa_part_area_to_string (area), t, idx);
            octa_bank_file_set_part_value (bank, part, c, area, t, idx, value);
            assert_edit1 (what, bank, off, value);
            g_assert_cmpuint (octa_bank_file_get_part_value (bank, part, c, area, t, idx), ==,
                              value);
            g_assert_false (octa_bank_file_part_equal (bank, part));
          }

  for (OctaPartCopy c = OCTA_PART_UNSAVED; c <= OCTA_PART_SAVED; c++)
    {
      g_autoptr(OctaBankFile) bank = new_blank ();

      octa_bank_file_set_machine (bank, 2, c, 5, OCTA_MACHINE_PICKUP);
      assert_edit1 ("machine", bank, t_part (2, c) + 43 + 5, 4);
      g_assert_cmpint (octa_bank_file_get_machine (bank, 2, c, 5), ==, OCTA_MACHINE_PICKUP);
    }
}

static void
test_edit_scenes (void)
{
  static const struct
  {
    guint part, scene, track, param;
  } cases[] = {
    { 0, 0, 0, 0 }, { 1, 3, 2, 12 }, { 2, 8, 7, 17 }, { 3, 15, 7, 31 }, { 0, 15, 0, 30 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (OctaPartCopy c = OCTA_PART_UNSAVED; c <= OCTA_PART_SAVED; c++)
      {
        g_autoptr(OctaBankFile) bank = new_blank ();
        gsize off = t_part (cases[i].part, c) + 1643 + 256 * cases[i].scene + 32 * cases[i].track +
                    cases[i].param;

        octa_bank_file_set_scene_lock (bank, cases[i].part, c, cases[i].scene, cases[i].track,
                                       cases[i].param, 0x7C);
        assert_edit1 ("scene lock", bank, off, 0x7C);
        g_assert_cmpuint (octa_bank_file_get_scene_lock (bank, cases[i].part, c, cases[i].scene,
                                                         cases[i].track, cases[i].param), ==, 0x7C);
      }

  for (guint s = 0; s < OCTA_N_SCENES; s += 5)
    for (guint idx = 0; idx < 10; idx += 3)
      for (OctaPartCopy c = OCTA_PART_UNSAVED; c <= OCTA_PART_SAVED; c++)
        {
          g_autoptr(OctaBankFile) bank = new_blank ();
          guint part = (s + idx) % 4;
          gsize off = t_part (part, c) + 5739 + 10 * s + idx;

          octa_bank_file_set_xlv (bank, part, c, s, idx, 0);
          assert_edit1 ("xlv", bank, off, 0);
          g_assert_cmpuint (octa_bank_file_get_xlv (bank, part, c, s, idx), ==, 0);
        }
}

static void
test_edit_trailer (void)
{
  for (guint part = 0; part < 4; part++)
    {
      g_autoptr(OctaBankFile) bank = new_blank ();

      octa_bank_file_set_part_saved_state (bank, part, 1);
      assert_edit1 ("saved state", bank, 636078 + part, 1);
      g_assert_cmpuint (octa_bank_file_get_part_saved_state (bank, part), ==, 1);
    }
  {
    g_autoptr(OctaBankFile) bank = new_blank ();

    octa_bank_file_set_parts_edited_mask (bank, 0x0E);
    assert_edit1 ("edited mask", bank, 636082, 0x0E);
    g_assert_cmpuint (octa_bank_file_get_parts_edited_mask (bank), ==, 0x0E);
  }
  for (guint part = 0; part < 4; part++)
    {
      g_autoptr(OctaBankFile) bank = new_blank ();
      g_autoptr(GError) error = NULL;
      g_autofree char *name = NULL;
      gsize base = 636083 + 7 * part;
      Expect e[6] = {
        { base + 0, 'L' }, { base + 1, 'o' }, { base + 2, 'o' }, { base + 3, 'p' },
        { base + 4, ' ' }, { base + 5, '9' },
      };

      /* six characters and a NUL; the blank already has a NUL in the
       * seventh byte of every name */
      g_assert_true (octa_bank_file_set_part_name (bank, part, "Loop 9", &error));
      g_assert_no_error (error);
      assert_edit ("part name", bank, e, 6);
      g_assert_cmpuint (octa_bank_file_get_part_name_raw (bank, part)[6], ==, 0);
      name = octa_bank_file_dup_part_name (bank, part);
      g_assert_cmpstr (name, ==, "Loop 9");
    }
}

static void
test_part_name_stale_bytes (void)
{
  g_autoptr(OctaBankFile) bank = new_blank ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  static const guint8 expect_ab[7] = { 'A', 'B', 0, 'E', 'E', 0, 0 };
  static const char *const bad[] = { "", "SEVENCH", "AB\tC", "\xC3\x84", "LONGER NAME" };
  guint8 before[7];

  /* THREE\0\0 → AB\0EE\0\0: the device leaves what follows the NUL */
  g_assert_true (octa_bank_file_set_part_name (bank, 2, "AB", &error));
  g_assert_no_error (error);
  g_assert_cmpmem (octa_bank_file_get_part_name_raw (bank, 2), 7, expect_ab, 7);
  name = octa_bank_file_dup_part_name (bank, 2);
  g_assert_cmpstr (name, ==, "AB");
  assert_edit ("short name", bank,
               (Expect[]) { { 636097, 'A' }, { 636098, 'B' }, { 636099, 0 } }, 3);

  memcpy (before, octa_bank_file_get_part_name_raw (bank, 2), 7);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) err = NULL;

      g_assert_false (octa_bank_file_set_part_name (bank, 2, bad[i], &err));
      g_assert_error (err, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_INVALID_VALUE);
      assert_error_names_file (err);
      g_assert_cmpmem (octa_bank_file_get_part_name_raw (bank, 2), 7, before, 7);
    }
}

static void
test_part_name_odd_bytes (void)
{
  g_autofree guint8 *data = blank_dup ();
  g_autoptr(OctaBankFile) bank = NULL;
  g_autofree char *full = NULL;
  g_autofree char *odd = NULL;

  /* seven characters, no NUL at all */
  memcpy (data + 636083, "ABCDEFG", 7);
  /* a non-ASCII byte */
  memcpy (data + 636090, "T\xC9X\0Q\0\0", 7);
  t_fix_checksum (data, BANK_SIZE);
  bank = open_bank (data, BANK_SIZE);

  full = octa_bank_file_dup_part_name (bank, 0);
  g_assert_cmpstr (full, ==, "ABCDEFG");
  odd = octa_bank_file_dup_part_name (bank, 1);
  g_assert_cmpstr (odd, ==, "T?X");
  g_assert_true (g_utf8_validate (odd, -1, NULL));
}

static void
test_copy_part (void)
{
  g_autoptr(OctaBankFile) bank = new_blank ();
  g_autoptr(GBytes) bytes = NULL;
  const guint8 *d;

  octa_bank_file_set_part_value (bank, 1, OCTA_PART_UNSAVED, OCTA_PART_AREA_LEVELS, 0, 0, 113);
  octa_bank_file_set_scene_lock (bank, 1, OCTA_PART_UNSAVED, 4, 3, 15, 0);
  g_assert_false (octa_bank_file_part_equal (bank, 1));
  g_assert_true (octa_bank_file_part_equal (bank, 0));
  g_assert_true (octa_bank_file_part_equal (bank, 2));
  g_assert_true (octa_bank_file_part_equal (bank, 3));

  octa_bank_file_copy_part (bank, 1, OCTA_PART_UNSAVED, OCTA_PART_SAVED);
  g_assert_true (octa_bank_file_part_equal (bank, 1));
  assert_edit ("save part", bank,
               (Expect[]) {
                 { t_part (1, OCTA_PART_UNSAVED) + 27, 113 },
                 { t_part (1, OCTA_PART_SAVED) + 27, 113 },
                 { t_part (1, OCTA_PART_UNSAVED) + 1643 + 4 * 256 + 3 * 32 + 15, 0 },
                 { t_part (1, OCTA_PART_SAVED) + 1643 + 4 * 256 + 3 * 32 + 15, 0 },
               }, 4);

  bytes = octa_bank_file_encode (bank);
  d = g_bytes_get_data (bytes, NULL);
  g_assert_cmpmem (d + t_part (1, OCTA_PART_UNSAVED), 6331, d + t_part (1, OCTA_PART_SAVED), 6331);

  /* RELOAD direction: saved → unsaved restores the blank */
  octa_bank_file_set_part_value (bank, 1, OCTA_PART_SAVED, OCTA_PART_AREA_LEVELS, 0, 0, 108);
  octa_bank_file_set_scene_lock (bank, 1, OCTA_PART_SAVED, 4, 3, 15, 0xFF);
  g_assert_false (octa_bank_file_part_equal (bank, 1));
  octa_bank_file_copy_part (bank, 1, OCTA_PART_SAVED, OCTA_PART_UNSAVED);
  g_assert_true (octa_bank_file_part_equal (bank, 1));
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = octa_bank_file_encode (bank);
  g_assert_true (g_bytes_equal (bytes, blank_bytes ()));

  /* a no-op copy */
  octa_bank_file_copy_part (bank, 3, OCTA_PART_SAVED, OCTA_PART_SAVED);
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = octa_bank_file_encode (bank);
  g_assert_true (g_bytes_equal (bytes, blank_bytes ()));
}

static void
test_has_trigs (void)
{
  g_autoptr(OctaBankFile) bank = new_blank ();

  octa_bank_file_set_trig_mask (bank, 4, OCTA_TRACK_AUDIO, 3, OCTA_TRIG_SWING, 0);
  octa_bank_file_set_trig_mask (bank, 4, OCTA_TRACK_MIDI, 3, OCTA_TRIG_SWING, G_MAXUINT64);
  g_assert_false (octa_bank_file_pattern_has_trigs (bank, 4));
  octa_bank_file_set_trig (bank, 4, OCTA_TRACK_AUDIO, 7, OCTA_TRIG_RECORDER_4, 63, TRUE);
  g_assert_true (octa_bank_file_pattern_has_trigs (bank, 4));
  g_assert_false (octa_bank_file_pattern_has_trigs (bank, 5));
  octa_bank_file_set_trig (bank, 4, OCTA_TRACK_AUDIO, 7, OCTA_TRIG_RECORDER_4, 63, FALSE);
  g_assert_false (octa_bank_file_pattern_has_trigs (bank, 4));
  octa_bank_file_set_trig (bank, 5, OCTA_TRACK_MIDI, 7, OCTA_TRIG_MIDI_UNKNOWN, 0, TRUE);
  g_assert_true (octa_bank_file_pattern_has_trigs (bank, 5));
}

/* 3. Trig step order */

static void
test_trig_order (void)
{
  for (guint n = 1; n <= 64; n++)
    {
      g_autoptr(OctaBankFile) bank = new_blank ();
      g_autofree char *what = g_strdup_printf ("step %u", n);
      gsize mask = t_audio (2, 4) + 9;

      octa_bank_file_set_trig (bank, 2, OCTA_TRACK_AUDIO, 4, OCTA_TRIG_TRIGGER, n - 1, TRUE);
      assert_edit1 (what, bank, mask + 7 - (n - 1) / 8, 1 << ((n - 1) % 8));
      for (guint s = 0; s < 64; s++)
        g_assert_cmpint (octa_bank_file_get_trig (bank, 2, OCTA_TRACK_AUDIO, 4,
                                                  OCTA_TRIG_TRIGGER, s), ==, s == n - 1);
    }
}

static void
test_trig_worked_example (void)
{
  static const guint8 example[8] = { 0x40, 0x01, 0x40, 0x01, 0x40, 0x01, 0x40, 0x01 };
  static const guint expect_steps[] = { 1, 15, 17, 31, 33, 47, 49, 63 };
  g_autofree guint8 *data = blank_dup ();
  g_autoptr(OctaBankFile) bank = NULL;
  g_autoptr(GBytes) out = NULL;
  guint n_on = 0;

  memcpy (data + t_audio (3, 5) + 9, example, 8);
  t_fix_checksum (data, BANK_SIZE);
  bank = open_bank (data, BANK_SIZE);

  g_assert_cmpuint (octa_bank_file_get_trig_mask (bank, 3, OCTA_TRACK_AUDIO, 5,
                                                  OCTA_TRIG_TRIGGER), ==,
                    G_GUINT64_CONSTANT (0x4001400140014001));
  for (guint s = 0; s < 64; s++)
    {
      gboolean want = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (expect_steps); i++)
        if (expect_steps[i] == s + 1)
          want = TRUE;
      g_assert_cmpint (octa_bank_file_get_trig (bank, 3, OCTA_TRACK_AUDIO, 5,
                                                OCTA_TRIG_TRIGGER, s), ==, want);
      n_on += want;
    }
  g_assert_cmpuint (n_on, ==, 8);

  /* and back: setting those steps on a blank gives the same bytes */
  g_clear_pointer (&bank, octa_bank_file_free);
  bank = new_blank ();
  for (guint i = 0; i < G_N_ELEMENTS (expect_steps); i++)
    octa_bank_file_set_trig (bank, 3, OCTA_TRACK_AUDIO, 5, OCTA_TRIG_TRIGGER,
                             expect_steps[i] - 1, TRUE);
  out = octa_bank_file_encode (bank);
  g_assert_cmpmem (g_bytes_get_data (out, NULL), BANK_SIZE, data, BANK_SIZE);
}

/* 4. Micro-timing and conditions */

static void
t_timing_bytes (guint   repeats,
                gint    micro,
                guint   condition,
                guint8  out[2])
{
  guint m = (guint) micro & 0x3F;

  out[0] = (repeats << 5) | (m >> 1);
  out[1] = ((m & 1) << 7) | condition;
}

static void
test_timing_examples (void)
{
  static const struct
  {
    guint8 raw[2];
    gint   micro;
  } examples[] = {
    { { 0x01, 0x80 }, 3 },    /* +1/128 */
    { { 0x03, 0x00 }, 6 },    /* +1/64 */
    { { 0x06, 0x00 }, 12 },   /* +1/32 */
    { { 0x0B, 0x80 }, 23 },   /* +23/384 */
    { { 0x1E, 0x80 }, -3 },   /* −1/128 */
    { { 0x1D, 0x00 }, -6 },   /* −1/64 */
    { { 0x1A, 0x00 }, -12 },  /* −1/32 */
    { { 0x14, 0x80 }, -23 },  /* −23/384 */
    { { 0x00, 0x80 }, 1 },    /* real device, +1/384 */
    { { 0x0B, 0x00 }, 22 },   /* real device .strd, +22/384 */
  };

  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      guint repeats = 99, condition = 99;
      gint micro = 99;
      guint8 raw[2];

      octa_step_timing_decode (examples[i].raw, &repeats, &micro, &condition);
      g_assert_cmpint (micro, ==, examples[i].micro);
      g_assert_cmpuint (repeats, ==, 0);
      g_assert_cmpuint (condition, ==, 0);

      octa_step_timing_encode (0, examples[i].micro, 0, raw);
      g_assert_cmpmem (raw, 2, examples[i].raw, 2);

      /* and through a bank */
      {
        g_autoptr(OctaBankFile) bank = new_blank ();
        gsize off = t_timing (6, OCTA_TRACK_AUDIO, 1, 40);
        Expect e[2];
        guint n = 0;

        octa_bank_file_set_micro_timing (bank, 6, OCTA_TRACK_AUDIO, 1, 40, examples[i].micro);
        g_assert_cmpint (octa_bank_file_get_micro_timing (bank, 6, OCTA_TRACK_AUDIO, 1, 40), ==,
                         examples[i].micro);
        /* the blank holds 00 00: only non-zero bytes count as changed */
        for (guint j = 0; j < 2; j++)
          if (examples[i].raw[j] != 0)
            e[n++] = (Expect) { off + j, examples[i].raw[j] };
        assert_edit ("micro example", bank, e, n);
      }
    }

  /* the whole stored range decodes, even values the device never writes */
  for (guint a = 0; a < 256; a++)
    for (guint b = 0; b < 256; b++)
      {
        guint8 raw[2] = { a, b }, again[2];
        guint repeats, condition;
        gint micro;

        octa_step_timing_decode (raw, &repeats, &micro, &condition);
        g_assert_cmpint (micro, >=, -32);
        g_assert_cmpint (micro, <=, 31);
        octa_step_timing_encode (repeats, micro, condition, again);
        g_assert_cmpmem (again, 2, raw, 2);
      }
}

static void
test_timing_roundtrip (void)
{
  const guint n_slots = 16 * 2 * 8 * 64;
  const guint n_combos = 47 * 8 * 65;
  guint combo = 0;

  /* pure encode/decode */
  for (gint micro = -23; micro <= 23; micro++)
    for (guint repeats = 0; repeats <= 7; repeats++)
      for (guint cond = 0; cond <= 64; cond++)
        {
          guint8 raw[2], want[2];
          guint r, c;
          gint m;

          octa_step_timing_encode (repeats, micro, cond, raw);
          t_timing_bytes (repeats, micro, cond, want);
          g_assert_cmpmem (raw, 2, want, 2);
          octa_step_timing_decode (raw, &r, &m, &c);
          g_assert_cmpuint (r, ==, repeats);
          g_assert_cmpint (m, ==, micro);
          g_assert_cmpuint (c, ==, cond);
        }

  /* through bank encode and decode: every combination lands on its own step */
  while (combo < n_combos)
    {
      g_autoptr(OctaBankFile) bank = new_blank ();
      g_autoptr(OctaBankFile) back = NULL;
      g_autoptr(GBytes) bytes = NULL;
      const guint8 *d;
      guint first = combo;

      for (guint slot = 0; slot < n_slots && combo < n_combos; slot++, combo++)
        {
          gint micro = (gint) (combo / (8 * 65)) - 23;
          guint repeats = (combo / 65) % 8, cond = combo % 65;
          guint p = slot / 1024, ty = (slot / 512) % 2, t = (slot / 64) % 8, s = slot % 64;

          octa_bank_file_set_condition (bank, p, ty, t, s, cond);
          octa_bank_file_set_micro_timing (bank, p, ty, t, s, micro);
          octa_bank_file_set_repeats (bank, p, ty, t, s, repeats);
        }

      bytes = octa_bank_file_encode (bank);
      d = g_bytes_get_data (bytes, NULL);
      g_assert_cmpuint ((d[CHECKSUM_AT] << 8) | d[CHECKSUM_AT + 1], ==, t_checksum (d, BANK_SIZE));
      back = open_bank (d, BANK_SIZE);

      for (guint slot = 0, c = first; slot < n_slots && c < n_combos; slot++, c++)
        {
          gint micro = (gint) (c / (8 * 65)) - 23;
          guint repeats = (c / 65) % 8, cond = c % 65;
          guint p = slot / 1024, ty = (slot / 512) % 2, t = (slot / 64) % 8, s = slot % 64;
          guint8 want[2];

          t_timing_bytes (repeats, micro, cond, want);
          g_assert_cmpmem (d + t_timing (p, ty, t, s), 2, want, 2);
          g_assert_cmpuint (octa_bank_file_get_repeats (back, p, ty, t, s), ==, repeats);
          g_assert_cmpint (octa_bank_file_get_micro_timing (back, p, ty, t, s), ==, micro);
          g_assert_cmpuint (octa_bank_file_get_condition (back, p, ty, t, s), ==, cond);
        }
    }
}

/* 5. Bad inputs */

static void
assert_open_fails (const guint8  *data,
                   gsize          len,
                   OctaLoadFlags  flags,
                   int            code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OctaBankFile) bank = octa_bank_file_new_from_data (data, len, TEST_NAME, flags, &error);

  g_assert_null (bank);
  g_assert_error (error, OCTA_CODEC_ERROR, code);
  assert_error_names_file (error);
}

static void
test_truncated (void)
{
  g_autoptr(GArray) cuts = g_array_new (FALSE, FALSE, sizeof (gsize));
  const guint8 *d = blank_data ();
  gsize fixed[] = {
    0, 2, 4, 16, 21, 22,
    t_audio (0, 0), t_audio (5, 4), t_midi (0, 0), t_midi (9, 0), t_midi (15, 7),
    t_tail (0), t_tail (15), 636078, 636083, BANK_SIZE - 2, BANK_SIZE - 1,
  };

  g_array_append_vals (cuts, fixed, G_N_ELEMENTS (fixed));
  for (guint p = 0; p < 16; p++)
    {
      gsize off = t_pattern (p);
      g_array_append_val (cuts, off);
    }
  for (guint k = 0; k < 8; k++)
    {
      gsize off = t_part_block (k);
      g_array_append_val (cuts, off);
    }

  for (guint i = 0; i < cuts->len; i++)
    {
      gsize len = g_array_index (cuts, gsize, i);
      g_autoptr(GPtrArray) problems = new_problems ();

      assert_open_fails (d, len, OCTA_LOAD_DEFAULT, OCTA_CODEC_ERROR_TRUNCATED);
      assert_open_fails (d, len, ALLOW_ALL, OCTA_CODEC_ERROR_TRUNCATED);

      g_assert_false (octa_bank_file_check_structure (d, len, TEST_NAME, problems));
      g_assert_cmpuint (problems->len, ==, 1);
      assert_problem (problems, 0, OCTA_CODEC_ERROR_TRUNCATED);
      assert_error_names_file (problems->pdata[0]);
    }

  /* one byte too many */
  {
    g_autofree guint8 *longer = g_malloc0 (BANK_SIZE + 1);

    memcpy (longer, d, BANK_SIZE);
    assert_open_fails (longer, BANK_SIZE + 1, OCTA_LOAD_DEFAULT, OCTA_CODEC_ERROR_TRUNCATED);
    g_assert_false (octa_bank_file_check_structure (longer, BANK_SIZE + 1, TEST_NAME, NULL));
  }
}

static void
test_bad_header (void)
{
  static const struct
  {
    gsize  offset;
    guint8 value;
    int    code;
  } cases[] = {
    { 0, 'X', OCTA_CODEC_ERROR_BAD_MAGIC },
    { 3, 'N', OCTA_CODEC_ERROR_BAD_MAGIC },
    { 5, 1, OCTA_CODEC_ERROR_BAD_MAGIC },
    { 9, 'Q', OCTA_CODEC_ERROR_BAD_MAGIC },
    { 11, '2', OCTA_CODEC_ERROR_BAD_MAGIC },
    { 12, 'A', OCTA_CODEC_ERROR_BAD_MAGIC },
    { 15, 'A', OCTA_CODEC_ERROR_BAD_MAGIC },
    { 18, 1, OCTA_CODEC_ERROR_BAD_MAGIC },
    { 21, 22, OCTA_CODEC_ERROR_UNSUPPORTED_VERSION },
    { 21, 24, OCTA_CODEC_ERROR_UNSUPPORTED_VERSION },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree guint8 *data = blank_dup ();
      g_autoptr(GPtrArray) problems = new_problems ();

      data[cases[i].offset] = cases[i].value;
      t_fix_checksum (data, BANK_SIZE);
      assert_open_fails (data, BANK_SIZE, OCTA_LOAD_DEFAULT, cases[i].code);
      assert_open_fails (data, BANK_SIZE, ALLOW_ALL, cases[i].code);

      /* the size is right, so the inner checks still run and find nothing */
      g_assert_false (octa_bank_file_check_structure (data, BANK_SIZE, TEST_NAME, problems));
      g_assert_cmpuint (problems->len, ==, 1);
      assert_problem (problems, 0, cases[i].code);
    }

  /* ARRA-tagged data is not a bank */
  {
    g_autofree guint8 *data = blank_dup ();

    memcpy (data + 12, "ARRA", 4);
    assert_open_fails (data, BANK_SIZE, OCTA_LOAD_DEFAULT, OCTA_CODEC_ERROR_BAD_MAGIC);
  }
}

static void
test_bad_checksum (void)
{
  g_autofree guint8 *data = blank_dup ();
  g_autoptr(GError) error = NULL;
  g_autoptr(OctaBankFile) bank = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GPtrArray) problems = new_problems ();
  const guint8 *d;

  data[CHECKSUM_AT + 1] ^= 0x01;
  assert_open_fails (data, BANK_SIZE, OCTA_LOAD_DEFAULT, OCTA_CODEC_ERROR_BAD_CHECKSUM);
  assert_open_fails (data, BANK_SIZE, OCTA_LOAD_ALLOW_BAD_STRUCTURE, OCTA_CODEC_ERROR_BAD_CHECKSUM);

  g_assert_false (octa_bank_file_check_structure (data, BANK_SIZE, TEST_NAME, problems));
  g_assert_cmpuint (problems->len, ==, 1);
  assert_problem (problems, 0, OCTA_CODEC_ERROR_BAD_CHECKSUM);
  assert_error_names_file (problems->pdata[0]);
  assert_message_has_offset (problems->pdata[0], CHECKSUM_AT);

  bank = octa_bank_file_new_from_data (data, BANK_SIZE, TEST_NAME, OCTA_LOAD_ALLOW_BAD_CHECKSUM,
                                       &error);
  g_assert_no_error (error);
  g_assert_nonnull (bank);
  out = octa_bank_file_encode (bank);
  g_assert_cmpmem (g_bytes_get_data (out, NULL), g_bytes_get_size (out), data, BANK_SIZE);

  octa_bank_file_set_plock (bank, 0, OCTA_TRACK_AUDIO, 0, 0, 0, 0);
  g_clear_pointer (&out, g_bytes_unref);
  out = octa_bank_file_encode (bank);
  d = g_bytes_get_data (out, NULL);
  g_assert_cmpuint ((d[CHECKSUM_AT] << 8) | d[CHECKSUM_AT + 1], ==, t_checksum (d, BANK_SIZE));
  g_assert_cmpuint ((d[CHECKSUM_AT] << 8) | d[CHECKSUM_AT + 1], ==, (BLANK_SUM - 0xFF) & 0xFFFF);
}

typedef struct
{
  gsize       damage;    /* byte to change */
  guint8      value;
  gsize       reported;  /* offset the message must name */
  const char *what;
} Damage;

static void
test_bad_structure (void)
{
  const Damage damages[] = {
    { t_pattern (0), 'X', t_pattern (0), "PTRN" },
    { t_pattern (15) + 3, 0, t_pattern (15), "PTRN" },
    { t_audio (0, 0), 'X', t_audio (0, 0), "TRAC" },
    { t_audio (7, 7) + 2, 'C', t_audio (7, 7), "TRAC" },
    { t_audio (7, 7) + 8, 6, t_audio (7, 7) + 8, "index" },
    { t_audio (3, 0) + 8, 0xFF, t_audio (3, 0) + 8, "index" },
    { t_midi (0, 0), 'T', t_midi (0, 0), "MTRA" },
    { t_midi (15, 4) + 8, 5, t_midi (15, 4) + 8, "index" },
    { t_midi (9, 7) + 1, 'X', t_midi (9, 7), "MTRA" },
    { t_part_block (0), 'Q', t_part_block (0), "PART" },
    { t_part_block (7) + 3, 'S', t_part_block (7), "PART" },
    { t_part_block (4) + 8, 4, t_part_block (4) + 8, "index" },
    { t_part_block (2) + 8, 0, t_part_block (2) + 8, "index" },
  };
  g_autofree guint8 *all = blank_dup ();
  g_autoptr(GPtrArray) all_problems = new_problems ();

  for (guint i = 0; i < G_N_ELEMENTS (damages); i++)
    {
      g_autofree guint8 *data = blank_dup ();
      g_autoptr(GError) error = NULL;
      g_autoptr(OctaBankFile) bank = NULL;
      g_autoptr(GPtrArray) problems = new_problems ();
      g_autoptr(GBytes) out = NULL;

      data[damages[i].damage] = damages[i].value;
      all[damages[i].damage] = damages[i].value;
      t_fix_checksum (data, BANK_SIZE);

      bank = octa_bank_file_new_from_data (data, BANK_SIZE, TEST_NAME, OCTA_LOAD_DEFAULT, &error);
      g_assert_null (bank);
      g_assert_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_BAD_STRUCTURE);
      assert_error_names_file (error);
      assert_message_has_offset (error, damages[i].reported);
      g_assert_nonnull (strstr (error->message, damages[i].what));

      g_assert_false (octa_bank_file_check_structure (data, BANK_SIZE, TEST_NAME, problems));
      g_assert_cmpuint (problems->len, ==, 1);
      assert_problem (problems, 0, OCTA_CODEC_ERROR_BAD_STRUCTURE);
      assert_message_has_offset (problems->pdata[0], damages[i].reported);

      /* ALLOW_BAD_STRUCTURE opens it, untouched */
      g_clear_error (&error);
      bank = octa_bank_file_new_from_data (data, BANK_SIZE, TEST_NAME,
                                           OCTA_LOAD_ALLOW_BAD_STRUCTURE, &error);
      g_assert_no_error (error);
      g_assert_nonnull (bank);
      out = octa_bank_file_encode (bank);
      g_assert_cmpmem (g_bytes_get_data (out, NULL), g_bytes_get_size (out), data, BANK_SIZE);
    }

  /* all at once, plus a bad checksum: every problem is listed, in file order */
  g_assert_false (octa_bank_file_check_structure (all, BANK_SIZE, TEST_NAME, all_problems));
  g_assert_cmpuint (all_problems->len, ==, G_N_ELEMENTS (damages) + 1);
  assert_problem (all_problems, 0, OCTA_CODEC_ERROR_BAD_CHECKSUM);
  for (guint i = 0; i < G_N_ELEMENTS (damages); i++)
    {
      gboolean found = FALSE;

      for (guint j = 1; j < all_problems->len; j++)
        {
          const GError *e = all_problems->pdata[j];
          g_autofree char *needle = g_strdup_printf ("offset %" G_GSIZE_FORMAT,
                                                     damages[i].reported);

          g_assert_error (e, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_BAD_STRUCTURE);
          assert_error_names_file (e);
          if (strstr (e->message, needle) != NULL)
            found = TRUE;
        }
      g_assert_true (found);
    }
  assert_open_fails (all, BANK_SIZE, OCTA_LOAD_ALLOW_BAD_CHECKSUM, OCTA_CODEC_ERROR_BAD_STRUCTURE);
}

static void
test_garbage (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261125);

  for (guint round = 0; round < 4; round++)
    {
      g_autofree guint8 *data = g_malloc (BANK_SIZE);
      g_autoptr(GError) error = NULL;
      g_autoptr(OctaBankFile) bank = NULL;
      g_autoptr(GPtrArray) problems = new_problems ();

      for (gsize i = 0; i < BANK_SIZE; i++)
        data[i] = g_rand_int_range (rand, 0, 256);

      if (round % 2 == 1)
        {
          /* a valid container around garbage */
          memcpy (data, "FORM\0\0\0\0DPS1BANK\0\0\0\0\0\x17", 22);
          t_fix_checksum (data, BANK_SIZE);
        }

      bank = octa_bank_file_new_from_data (data, BANK_SIZE, TEST_NAME, OCTA_LOAD_DEFAULT, &error);
      g_assert_null (bank);
      g_assert_nonnull (error);
      if (round % 2 == 1)
        g_assert_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_BAD_STRUCTURE);
      else
        g_assert_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_BAD_MAGIC);
      assert_error_names_file (error);

      g_assert_false (octa_bank_file_check_structure (data, BANK_SIZE, TEST_NAME, problems));
      g_assert_cmpuint (problems->len, >, 400);
      for (guint i = 0; i < problems->len; i++)
        assert_error_names_file (problems->pdata[i]);

      /* garbage opened on purpose still reads without crashing */
      g_clear_error (&error);
      bank = octa_bank_file_new_from_data (data, BANK_SIZE, TEST_NAME,
                                           ALLOW_ALL, &error);
      if (round % 2 == 1)
        {
          g_autofree char *name = NULL;

          g_assert_no_error (error);
          for (guint p = 0; p < 16; p++)
            for (guint s = 0; s < 64; s++)
              {
                gint m = octa_bank_file_get_micro_timing (bank, p, OCTA_TRACK_AUDIO, s % 8, s);

                g_assert_cmpint (m, >=, -32);
                g_assert_cmpint (m, <=, 31);
                g_assert_cmpuint (octa_bank_file_get_condition (bank, p, OCTA_TRACK_MIDI, s % 8, s),
                                  <=, 127);
              }
          name = octa_bank_file_dup_part_name (bank, 3);
          g_assert_cmpuint (strlen (name), <=, 7);
          g_assert_true (g_utf8_validate (name, -1, NULL));
        }
    }

  /* NULL name falls back to a generic one */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(OctaBankFile) bank = octa_bank_file_new_from_data (blank_data (), 100, NULL,
                                                                 OCTA_LOAD_DEFAULT, &error);

    g_assert_null (bank);
    g_assert_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_TRUNCATED);
  }
}

static void
test_programmer_errors (void)
{
  g_autoptr(OctaBankFile) bank = new_blank ();
  g_autoptr(GBytes) out = NULL;

  g_test_expect_message ("octa-codec", G_LOG_LEVEL_CRITICAL, "*octa_trig_kind_valid_for*");
  octa_bank_file_set_trig (bank, 0, OCTA_TRACK_MIDI, 0, OCTA_TRIG_ONESHOT, 0, TRUE);
  g_test_assert_expected_messages ();

  g_test_expect_message ("octa-codec", G_LOG_LEVEL_CRITICAL, "*octa_trig_kind_valid_for*");
  g_assert_cmpuint (octa_bank_file_get_trig_mask (bank, 0, OCTA_TRACK_AUDIO, 0,
                                                  OCTA_TRIG_MIDI_UNKNOWN), ==, 0);
  g_test_assert_expected_messages ();

  g_test_expect_message ("octa-codec", G_LOG_LEVEL_CRITICAL, "*micro*");
  octa_bank_file_set_micro_timing (bank, 0, OCTA_TRACK_AUDIO, 0, 0, 24);
  g_test_assert_expected_messages ();

  g_test_expect_message ("octa-codec", G_LOG_LEVEL_CRITICAL, "*micro*");
  octa_bank_file_set_micro_timing (bank, 0, OCTA_TRACK_AUDIO, 0, 0, -24);
  g_test_assert_expected_messages ();

  g_test_expect_message ("octa-codec", G_LOG_LEVEL_CRITICAL, "*repeats*");
  octa_bank_file_set_repeats (bank, 0, OCTA_TRACK_AUDIO, 0, 0, 8);
  g_test_assert_expected_messages ();

  g_test_expect_message ("octa-codec", G_LOG_LEVEL_CRITICAL, "*condition*");
  octa_bank_file_set_condition (bank, 0, OCTA_TRACK_AUDIO, 0, 0, 128);
  g_test_assert_expected_messages ();

  g_test_expect_message ("octa-codec", G_LOG_LEVEL_CRITICAL, "*step_args_ok*");
  octa_bank_file_set_plock (bank, 0, OCTA_TRACK_AUDIO, 0, 64, 0, 1);
  g_test_assert_expected_messages ();

  g_test_expect_message ("octa-codec", G_LOG_LEVEL_CRITICAL, "*track_args_ok*");
  octa_bank_file_set_track_setting (bank, 16, OCTA_TRACK_AUDIO, 0, OCTA_TRACK_SETTING_LENGTH, 1);
  g_test_assert_expected_messages ();

  g_test_expect_message ("octa-codec", G_LOG_LEVEL_CRITICAL, "*setting_ok*");
  octa_bank_file_set_track_setting (bank, 0, OCTA_TRACK_MIDI, 0, OCTA_TRACK_SETTING_UNKNOWN_2, 1);
  g_test_assert_expected_messages ();

  g_test_expect_message ("octa-codec", G_LOG_LEVEL_CRITICAL, "*track_unknown_ok*");
  octa_bank_file_set_track_unknown (bank, 0, OCTA_TRACK_MIDI, 0, 4, 1);
  g_test_assert_expected_messages ();

  g_test_expect_message ("octa-codec", G_LOG_LEVEL_CRITICAL, "*area_args_ok*");
  octa_bank_file_set_part_value (bank, 0, OCTA_PART_UNSAVED, OCTA_PART_AREA_ACTIVE_SCENES, 1, 0, 1);
  g_test_assert_expected_messages ();

  g_test_expect_message ("octa-codec", G_LOG_LEVEL_CRITICAL, "*area_args_ok*");
  octa_bank_file_set_part_value (bank, 0, OCTA_PART_UNSAVED, OCTA_PART_AREA_SLOTS, 0, 5, 1);
  g_test_assert_expected_messages ();

  g_test_expect_message ("octa-codec", G_LOG_LEVEL_CRITICAL, "*slot*");
  octa_bank_file_set_sample_lock (bank, 0, 0, 0, 255);
  g_test_assert_expected_messages ();

  g_test_expect_message ("octa-codec", G_LOG_LEVEL_CRITICAL, "*part*");
  octa_bank_file_set_pattern_part (bank, 0, 4);
  g_test_assert_expected_messages ();

  g_test_expect_message ("octa-codec", G_LOG_LEVEL_CRITICAL, "*index*");
  octa_bank_file_set_xlv (bank, 0, OCTA_PART_UNSAVED, 0, 10, 1);
  g_test_assert_expected_messages ();

  out = octa_bank_file_encode (bank);
  g_assert_true (g_bytes_equal (out, blank_bytes ()));
}

/* 6. Real files */

static gboolean
is_bank_file (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);

  return g_str_has_prefix (base, "bank") &&
         (g_str_has_suffix (base, ".work") || g_str_has_suffix (base, ".strd"));
}

static OctaBankFile *
open_corpus (const char *rel,
             guint8    **data_out,
             gsize      *len_out)
{
  g_autofree char *path = g_build_filename (octa_test_corpus_dir (), rel, NULL);
  g_autoptr(GError) error = NULL;
  gsize len;
  guint8 *data = octa_test_read_file (path, &len);
  OctaBankFile *bank = octa_bank_file_new_from_data (data, len, path, OCTA_LOAD_DEFAULT, &error);

  g_assert_no_error (error);
  if (data_out != NULL)
    {
      *data_out = data;
      *len_out = len;
    }
  else
    {
      g_free (data);
    }
  return bank;
}

/* pattern 4, track T6 */
static guint64
t6_mask (const OctaBankFile *bank,
         OctaTrigKind        kind)
{
  return octa_bank_file_get_trig_mask (bank, 3, OCTA_TRACK_AUDIO, 5, kind);
}

static void
test_corpus_bank_copy_src (void)
{
  g_autoptr(OctaBankFile) bank = NULL;

  if (octa_test_skip_without_corpus ())
    return;

  bank = open_corpus ("octatools/BANK-COPY-SRC/bank01.work", NULL, NULL);

  for (guint p = 0; p < 4; p++)
    g_assert_cmpuint (octa_bank_file_get_pattern_part (bank, p), ==, p);

  g_assert_cmpuint (t6_mask (bank, OCTA_TRIG_TRIGGER), ==, G_GUINT64_CONSTANT (0x4001400140014001));
  g_assert_cmpuint (t6_mask (bank, OCTA_TRIG_ONESHOT), ==, G_GUINT64_CONSTANT (0x0010001000100010));
  g_assert_cmpuint (t6_mask (bank, OCTA_TRIG_TRIGLESS), ==,
                    G_GUINT64_CONSTANT (0x0100010001000100));
  g_assert_cmpuint (t6_mask (bank, OCTA_TRIG_LOCK), ==, G_GUINT64_CONSTANT (0x1000100010001000));

  /* steps (1-based) 5/21/37/53 one-shot, 9/25/41/57 trigless, 13/29/45/61
   * lock, 15/31/47/63 trigger: each carries a p-lock record */
  for (guint s = 0; s < 64; s++)
    {
      guint n = s % 16 + 1;
      gboolean oneshot = n == 5, trigless = n == 9, lock = n == 13;
      gboolean trigger = n == 1 || n == 15;
      gboolean plocked = oneshot || trigless || lock || n == 15;

      g_assert_cmpint ((t6_mask (bank, OCTA_TRIG_TRIGGER) >> s) & 1, ==, trigger);
      g_assert_cmpint ((t6_mask (bank, OCTA_TRIG_ONESHOT) >> s) & 1, ==, oneshot);
      g_assert_cmpint ((t6_mask (bank, OCTA_TRIG_TRIGLESS) >> s) & 1, ==, trigless);
      g_assert_cmpint ((t6_mask (bank, OCTA_TRIG_LOCK) >> s) & 1, ==, lock);
      g_assert_cmpint (octa_bank_file_get_trig (bank, 3, OCTA_TRACK_AUDIO, 5,
                                                OCTA_TRIG_TRIGGER, s), ==, trigger);
      g_assert_cmpint (octa_bank_file_count_plocks (bank, 3, OCTA_TRACK_AUDIO, 5, s) > 0, ==,
                       plocked);
    }

  /* sample locks in byte 31: 1 on T1/T3, 126 on T2/T4, on step 9 of every
   * page the pattern has */
  for (guint p = 0; p < 4; p++)
    for (guint t = 0; t < 8; t++)
      for (guint s = 0; s < 64; s++)
        {
          gint want = -1;

          if (t < 4 && s % 16 == 8 && s / 16 <= p)
            want = t % 2 == 0 ? 1 : 126;
          g_assert_cmpint (octa_bank_file_get_sample_lock (bank, p, t, s), ==, want);
          g_assert_cmpuint (octa_bank_file_get_plock (bank, p, OCTA_TRACK_AUDIO, t, s, 30), ==,
                            0xFF);
        }

  for (guint p = 0; p < 4; p++)
    g_assert_true (octa_bank_file_pattern_has_trigs (bank, p));
}

static void
test_corpus_blank_equals_generated (void)
{
  g_autoptr(OctaBankFile) bank = NULL;
  g_autofree guint8 *data = NULL;
  gsize len = 0;

  if (octa_test_skip_without_corpus ())
    return;

  bank = open_corpus ("octatools/blank-project/bank01.work", &data, &len);
  g_assert_cmpmem (data, len, blank_data (), BANK_SIZE);
}

static void
test_corpus_all_banks (void)
{
  g_autoptr(GPtrArray) files = NULL;
  guint n_checked = 0;

  if (octa_test_skip_without_corpus ())
    return;

  files = octa_test_find_files (octa_test_corpus_dir (), is_bank_file);
  for (guint i = 0; i < files->len; i++)
    {
      const char *path = files->pdata[i];
      g_autoptr(GPtrArray) problems = new_problems ();
      g_autoptr(GError) error = NULL;
      g_autoptr(OctaBankFile) bank = NULL;
      g_autoptr(GBytes) out = NULL;
      g_autofree guint8 *data = NULL;
      gsize len;

      data = octa_test_read_file (path, &len);
      if (!octa_bank_file_check_structure (data, len, path, problems))
        g_error ("%s: %s", path, ((GError *) problems->pdata[0])->message);
      g_assert_cmpuint (problems->len, ==, 0);

      bank = octa_bank_file_new_from_data (data, len, path, OCTA_LOAD_DEFAULT, &error);
      g_assert_no_error (error);
      out = octa_bank_file_encode (bank);
      g_assert_cmpmem (g_bytes_get_data (out, NULL), g_bytes_get_size (out), data, len);

      /* every decoded field stays within the stored range */
      for (guint p = 0; p < 16; p++)
        g_assert_cmpuint (octa_bank_file_get_pattern_part (bank, p), <, 4);
      n_checked++;
    }
  g_assert_cmpuint (n_checked, >, 50);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/codec/bank/blank/bytes", test_blank_bytes);
  g_test_add_func ("/codec/bank/blank/decodes", test_blank_decodes);
  g_test_add_func ("/codec/bank/blank/untouched-roundtrip", test_blank_untouched_roundtrip);
  g_test_add_func ("/codec/bank/offsets", test_offset_tables);
  g_test_add_func ("/codec/bank/edit/trig-masks", test_edit_trig_masks);
  g_test_add_func ("/codec/bank/edit/track-settings", test_edit_track_settings);
  g_test_add_func ("/codec/bank/edit/plocks", test_edit_plocks);
  g_test_add_func ("/codec/bank/edit/sample-lock", test_edit_sample_lock);
  g_test_add_func ("/codec/bank/edit/timing", test_edit_timing);
  g_test_add_func ("/codec/bank/edit/pattern-tail", test_edit_pattern_tail);
  g_test_add_func ("/codec/bank/edit/part-areas", test_edit_part_areas);
  g_test_add_func ("/codec/bank/edit/scenes", test_edit_scenes);
  g_test_add_func ("/codec/bank/edit/trailer", test_edit_trailer);
  g_test_add_func ("/codec/bank/part-name/stale-bytes", test_part_name_stale_bytes);
  g_test_add_func ("/codec/bank/part-name/odd-bytes", test_part_name_odd_bytes);
  g_test_add_func ("/codec/bank/copy-part", test_copy_part);
  g_test_add_func ("/codec/bank/has-trigs", test_has_trigs);
  g_test_add_func ("/codec/bank/trig-order/all-steps", test_trig_order);
  g_test_add_func ("/codec/bank/trig-order/worked-example", test_trig_worked_example);
  g_test_add_func ("/codec/bank/timing/examples", test_timing_examples);
  g_test_add_func ("/codec/bank/timing/roundtrip", test_timing_roundtrip);
  g_test_add_func ("/codec/bank/bad/truncated", test_truncated);
  g_test_add_func ("/codec/bank/bad/header", test_bad_header);
  g_test_add_func ("/codec/bank/bad/checksum", test_bad_checksum);
  g_test_add_func ("/codec/bank/bad/structure", test_bad_structure);
  g_test_add_func ("/codec/bank/bad/garbage", test_garbage);
  g_test_add_func ("/codec/bank/programmer-errors", test_programmer_errors);
  g_test_add_func ("/codec/bank/corpus/bank-copy-src", test_corpus_bank_copy_src);
  g_test_add_func ("/codec/bank/corpus/blank", test_corpus_blank_equals_generated);
  g_test_add_func ("/codec/bank/corpus/all-banks", test_corpus_all_banks);

  return g_test_run ();
}
