/* SPDX-License-Identifier: MIT */
#include "octa-bank-file.h"

#include <stdarg.h>
#include <string.h>

#include "octa-codec-error.h"
#include "octa-image-private.h"

/* Bank layout (spec §2, §2.8). */
#define PATTERN_BASE          22
#define PATTERN_SIZE          36588
#define AUDIO_TRACKS_REL      8
#define AUDIO_TRACK_SIZE      2338
#define MIDI_TRACKS_REL       18712
#define MIDI_TRACK_SIZE       2233
#define PATTERN_TAIL_REL      36576
#define PARTS_BASE            585430
#define PART_SIZE             6331
#define N_PART_BLOCKS         (2 * OCTA_N_PARTS)
#define TRAILER_SAVED_STATE   636078
#define TRAILER_EDITED_MASK   636082
#define TRAILER_NAMES         636083
#define PART_NAME_SIZE        7
#define PART_NAME_MAX_CHARS   6

/* Track blocks (spec §2.2, §2.3). */
#define TRACK_UNKNOWN_1_REL   4
#define TRACK_INDEX_REL       8
#define AUDIO_SETTINGS_REL    89
#define AUDIO_PLOCKS_REL      98
#define AUDIO_UNKNOWN_3_REL   2146
#define AUDIO_TIMING_REL      2210
#define MIDI_SETTINGS_REL     49
#define MIDI_PLOCKS_REL       57
#define MIDI_TIMING_REL       2105
#define PLOCK_RECORD_SIZE     32
#define N_TRACK_UNKNOWN_1     4
#define N_AUDIO_UNKNOWN_3     64

/* Pattern tail bytes (spec §2.4). */
#define TAIL_PER_TRACK_LENGTH 0
#define TAIL_PER_TRACK_SCALE  2
#define TAIL_LENGTH           3
#define TAIL_SCALE            4
#define TAIL_SCALE_MODE       5
#define TAIL_CHAIN_SETTING    6
#define TAIL_PART             7
#define TAIL_UNKNOWN          8
#define TAIL_TEMPO            10
#define TAIL_SIZE             12

/* Part block (spec §2.5). */
#define PART_INDEX_REL        8
#define PART_SCENES_REL       1643
#define PART_SCENE_SIZE       256
#define PART_XLV_REL          5739
#define PART_XLV_SIZE         10

OCTA_DEFINE_IMAGE_FILE (OctaBankFile, octa_bank_file, bank)

/* Relative offset of each trig mask inside a track block; -1 where the track
 * type has no such mask. */
static const gint16 audio_mask_rel[OCTA_N_TRIG_KINDS] = {
  [OCTA_TRIG_TRIGGER] = 9,
  [OCTA_TRIG_TRIGLESS] = 17,
  [OCTA_TRIG_LOCK] = 25,
  [OCTA_TRIG_ONESHOT] = 33,
  [OCTA_TRIG_RECORDER_1] = 41,
  [OCTA_TRIG_RECORDER_2] = 49,
  [OCTA_TRIG_RECORDER_3] = 57,
  [OCTA_TRIG_RECORDER_4] = 65,
  [OCTA_TRIG_SWING] = 73,
  [OCTA_TRIG_SLIDE] = 81,
  [OCTA_TRIG_MIDI_UNKNOWN] = -1,
};

static const gint16 midi_mask_rel[OCTA_N_TRIG_KINDS] = {
  [OCTA_TRIG_TRIGGER] = 9,
  [OCTA_TRIG_TRIGLESS] = 17,
  [OCTA_TRIG_LOCK] = 25,
  [OCTA_TRIG_ONESHOT] = -1,
  [OCTA_TRIG_RECORDER_1] = -1,
  [OCTA_TRIG_RECORDER_2] = -1,
  [OCTA_TRIG_RECORDER_3] = -1,
  [OCTA_TRIG_RECORDER_4] = -1,
  [OCTA_TRIG_SWING] = 33,
  [OCTA_TRIG_SLIDE] = -1,
  [OCTA_TRIG_MIDI_UNKNOWN] = 41,
};

static const char *const trig_kind_names[OCTA_N_TRIG_KINDS] = {
  [OCTA_TRIG_TRIGGER] = "trigger",
  [OCTA_TRIG_TRIGLESS] = "trigless",
  [OCTA_TRIG_LOCK] = "lock",
  [OCTA_TRIG_ONESHOT] = "oneshot",
  [OCTA_TRIG_RECORDER_1] = "recorder-1",
  [OCTA_TRIG_RECORDER_2] = "recorder-2",
  [OCTA_TRIG_RECORDER_3] = "recorder-3",
  [OCTA_TRIG_RECORDER_4] = "recorder-4",
  [OCTA_TRIG_SWING] = "swing",
  [OCTA_TRIG_SLIDE] = "slide",
  [OCTA_TRIG_MIDI_UNKNOWN] = "midi-unknown",
};

typedef struct
{
  guint8      n_tracks;
  guint8      width;
  guint16     rel;
  const char *name;
} PartAreaInfo;

static const PartAreaInfo part_areas[OCTA_N_PART_AREAS] = {
  [OCTA_PART_AREA_UNKNOWN_4] =       { 1, 4,  4,    "unknown-4" },
  [OCTA_PART_AREA_FX1_TYPE] =        { 8, 1,  9,    "fx1-type" },
  [OCTA_PART_AREA_FX2_TYPE] =        { 8, 1,  17,   "fx2-type" },
  [OCTA_PART_AREA_ACTIVE_SCENES] =   { 1, 2,  25,   "active-scenes" },
  [OCTA_PART_AREA_LEVELS] =          { 8, 2,  27,   "levels" },
  [OCTA_PART_AREA_MACHINE] =         { 8, 1,  43,   "machine" },
  [OCTA_PART_AREA_SRC] =             { 8, 30, 51,   "src" },
  [OCTA_PART_AREA_VALUES] =          { 8, 24, 291,  "values" },
  [OCTA_PART_AREA_SRC_SETUP] =       { 8, 30, 483,  "src-setup" },
  [OCTA_PART_AREA_SLOTS] =           { 8, 5,  723,  "slots" },
  [OCTA_PART_AREA_SETUP] =           { 8, 30, 763,  "setup" },
  [OCTA_PART_AREA_MIDI_VALUES] =     { 8, 32, 1003, "midi-values" },
  [OCTA_PART_AREA_MIDI_SETUP] =      { 8, 36, 1259, "midi-setup" },
  [OCTA_PART_AREA_RECORDER] =        { 8, 12, 1547, "recorder" },
  [OCTA_PART_AREA_LFO_DESIGN] =      { 8, 16, 5899, "lfo-design" },
  [OCTA_PART_AREA_LFO_INTERP] =      { 8, 2,  6027, "lfo-interp" },
  [OCTA_PART_AREA_MIDI_LFO_DESIGN] = { 8, 16, 6043, "midi-lfo-design" },
  [OCTA_PART_AREA_MIDI_LFO_INTERP] = { 8, 2,  6171, "midi-lfo-interp" },
  [OCTA_PART_AREA_ARP_MUTES] =       { 8, 2,  6187, "arp-mutes" },
  [OCTA_PART_AREA_ARP_SEQUENCE] =    { 8, 16, 6203, "arp-sequence" },
};

/* Per-track part defaults of a freshly created bank (spec §2.5.1–§2.5.8). */
static const guint8 default_src[30] = {
  64, 0, 0, 127, 0, 79,
  64, 0, 0, 127, 0, 79,
  0, 64, 0, 0, 64, 0,
  0, 0, 0, 0, 0, 0,
  64, 2, 1, 127, 64, 1,
};

static const guint8 default_values[24] = {
  32, 32, 32, 0, 0, 0,
  0, 127, 127, 64, 64, 127,
  0, 127, 0, 64, 0, 64,
  47, 0, 127, 0, 127, 0,
};

static const guint8 default_src_setup[30] = {
  1, 0, 0, 0, 1, 64,
  1, 0, 0, 0, 1, 64,
  0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 1, 64,
};

static const guint8 default_setup[30] = {
  0, 0, 0, 0, 0, 0,
  1, 1, 0, 0, 0, 0,
  0, 0, 1, 0, 3, 0,
  0, 1, 127, 1, 0, 0,
  0, 0, 0, 0, 0, 0,
};

static const guint8 default_midi_values[32] = {
  48, 100, 6, 64, 64, 64,
  32, 32, 32, 0, 0, 0,
  64, 0, 0, 5, 0, 6,
  64, 0, 127, 0, 0, 64,
  0, 0, 0, 0, 0, 0,
  0, 0,
};

static const guint8 default_midi_setup[36] = {
  0, 128, 128, 0, 128, 0,
  0, 0, 0, 0, 0, 0,
  0, 0, 7, 0, 0, 0,
  0, 0, 7, 1, 2, 10,
  71, 72, 73, 74, 75, 76,
  0, 0, 0, 0, 0, 0,
};

static const guint8 default_recorder[12] = {
  1, 1, 64, 0, 0, 1, 0, 0, 0, 255, 255, 0,
};

static const guint8 default_pattern_tail[TAIL_SIZE] = {
  0x00, 0x10, 0x02, 0x10, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0B, 0x40,
};

static const char *const default_part_names[OCTA_N_PARTS] = {
  "ONE", "TWO", "THREE", "FOUR",
};

static gboolean
track_args_ok (guint         pattern,
               OctaTrackType type,
               guint         track)
{
  return pattern < OCTA_N_PATTERNS &&
         (type == OCTA_TRACK_AUDIO || type == OCTA_TRACK_MIDI) &&
         track < OCTA_N_TRACKS;
}

static gboolean
step_args_ok (guint         pattern,
              OctaTrackType type,
              guint         track,
              guint         step)
{
  return track_args_ok (pattern, type, track) && step < OCTA_N_STEPS;
}

static gboolean
part_args_ok (guint        part,
              OctaPartCopy copy)
{
  return part < OCTA_N_PARTS && (copy == OCTA_PART_UNSAVED || copy == OCTA_PART_SAVED);
}

static gboolean
area_args_ok (OctaPartArea area,
              guint        track,
              guint        index)
{
  return (guint) area < OCTA_N_PART_AREAS &&
         track < part_areas[area].n_tracks &&
         index < part_areas[area].width;
}

static gsize
track_base (guint         pattern,
            OctaTrackType type,
            guint         track)
{
  gsize p = PATTERN_BASE + (gsize) PATTERN_SIZE * pattern;

  if (type == OCTA_TRACK_AUDIO)
    return p + AUDIO_TRACKS_REL + (gsize) AUDIO_TRACK_SIZE * track;
  return p + MIDI_TRACKS_REL + (gsize) MIDI_TRACK_SIZE * track;
}

static gsize
part_base (guint        part,
           OctaPartCopy copy)
{
  return PARTS_BASE + (gsize) PART_SIZE * (part + (copy == OCTA_PART_SAVED ? OCTA_N_PARTS : 0));
}

static gsize
tail_base (guint pattern)
{
  return PATTERN_BASE + (gsize) PATTERN_SIZE * pattern + PATTERN_TAIL_REL;
}

/**
 * octa_bank_pattern_offset:
 * @pattern: 0…15
 *
 * Returns: the absolute offset of a pattern block.
 */
gsize
octa_bank_pattern_offset (guint pattern)
{
  g_return_val_if_fail (pattern < OCTA_N_PATTERNS, 0);

  return PATTERN_BASE + (gsize) PATTERN_SIZE * pattern;
}

/**
 * octa_bank_track_offset:
 * @pattern: 0…15
 * @type: audio or MIDI
 * @track: 0…7
 *
 * Returns: the absolute offset of a track block (its TRAC/MTRA magic).
 */
gsize
octa_bank_track_offset (guint         pattern,
                        OctaTrackType type,
                        guint         track)
{
  g_return_val_if_fail (track_args_ok (pattern, type, track), 0);

  return track_base (pattern, type, track);
}

/**
 * octa_bank_part_offset:
 * @part: 0…3
 * @copy: the unsaved (working) or the saved copy
 *
 * Returns: the absolute offset of a part block.
 */
gsize
octa_bank_part_offset (guint        part,
                       OctaPartCopy copy)
{
  g_return_val_if_fail (part_args_ok (part, copy), 0);

  return part_base (part, copy);
}

/**
 * octa_trig_kind_valid_for:
 * @kind: a trig kind
 * @type: a track type
 *
 * Returns: whether tracks of @type have a mask for @kind.
 */
gboolean
octa_trig_kind_valid_for (OctaTrigKind  kind,
                          OctaTrackType type)
{
  if ((guint) kind >= OCTA_N_TRIG_KINDS)
    return FALSE;
  if (type == OCTA_TRACK_AUDIO)
    return audio_mask_rel[kind] >= 0;
  if (type == OCTA_TRACK_MIDI)
    return midi_mask_rel[kind] >= 0;
  return FALSE;
}

/**
 * octa_trig_kind_to_string:
 * @kind: a trig kind
 *
 * Returns: a short stable identifier such as `"trigless"`.
 */
const char *
octa_trig_kind_to_string (OctaTrigKind kind)
{
  g_return_val_if_fail ((guint) kind < OCTA_N_TRIG_KINDS, NULL);

  return trig_kind_names[kind];
}

/**
 * octa_bank_trig_mask_offset:
 * @pattern: 0…15
 * @type: audio or MIDI
 * @track: 0…7
 * @kind: a trig kind valid for @type
 *
 * Returns: the absolute offset of an 8-byte trig mask.
 */
gsize
octa_bank_trig_mask_offset (guint         pattern,
                            OctaTrackType type,
                            guint         track,
                            OctaTrigKind  kind)
{
  g_return_val_if_fail (track_args_ok (pattern, type, track), 0);
  g_return_val_if_fail (octa_trig_kind_valid_for (kind, type), 0);

  return track_base (pattern, type, track) +
         (type == OCTA_TRACK_AUDIO ? audio_mask_rel[kind] : midi_mask_rel[kind]);
}

/**
 * octa_bank_plock_offset:
 * @pattern: 0…15
 * @type: audio or MIDI
 * @track: 0…7
 * @step: 0…63
 * @param: 0…31, an #OctaAudioPlock or #OctaMidiPlock
 *
 * Returns: the absolute offset of one p-lock byte.
 */
gsize
octa_bank_plock_offset (guint         pattern,
                        OctaTrackType type,
                        guint         track,
                        guint         step,
                        guint         param)
{
  gsize rel;

  g_return_val_if_fail (step_args_ok (pattern, type, track, step), 0);
  g_return_val_if_fail (param < OCTA_N_PLOCK_PARAMS, 0);

  rel = type == OCTA_TRACK_AUDIO ? AUDIO_PLOCKS_REL : MIDI_PLOCKS_REL;
  return track_base (pattern, type, track) + rel + PLOCK_RECORD_SIZE * step + param;
}

/**
 * octa_bank_step_timing_offset:
 * @pattern: 0…15
 * @type: audio or MIDI
 * @track: 0…7
 * @step: 0…63
 *
 * Returns: the absolute offset of a step's repeats/micro-timing/condition pair.
 */
gsize
octa_bank_step_timing_offset (guint         pattern,
                              OctaTrackType type,
                              guint         track,
                              guint         step)
{
  gsize rel;

  g_return_val_if_fail (step_args_ok (pattern, type, track, step), 0);

  rel = type == OCTA_TRACK_AUDIO ? AUDIO_TIMING_REL : MIDI_TIMING_REL;
  return track_base (pattern, type, track) + rel + 2 * step;
}

/**
 * octa_part_area_n_tracks:
 * @area: a part area
 *
 * Returns: 8 for per-track areas, 1 for part-wide ones.
 */
guint
octa_part_area_n_tracks (OctaPartArea area)
{
  g_return_val_if_fail ((guint) area < OCTA_N_PART_AREAS, 0);

  return part_areas[area].n_tracks;
}

/**
 * octa_part_area_width:
 * @area: a part area
 *
 * Returns: the number of bytes per track in @area.
 */
guint
octa_part_area_width (OctaPartArea area)
{
  g_return_val_if_fail ((guint) area < OCTA_N_PART_AREAS, 0);

  return part_areas[area].width;
}

/**
 * octa_part_area_offset:
 * @area: a part area
 * @track: below octa_part_area_n_tracks()
 * @index: below octa_part_area_width()
 *
 * Returns: the offset of one byte relative to the start of a part block.
 */
gsize
octa_part_area_offset (OctaPartArea area,
                       guint        track,
                       guint        index)
{
  g_return_val_if_fail (area_args_ok (area, track, index), 0);

  return part_areas[area].rel + (gsize) part_areas[area].width * track + index;
}

/**
 * octa_part_area_to_string:
 * @area: a part area
 *
 * Returns: a short stable identifier such as `"src-setup"`.
 */
const char *
octa_part_area_to_string (OctaPartArea area)
{
  g_return_val_if_fail ((guint) area < OCTA_N_PART_AREAS, NULL);

  return part_areas[area].name;
}

/**
 * octa_step_timing_decode:
 * @raw: the two bytes of a step's timing pair
 * @repeats: (out) (optional): 0…7
 * @micro: (out) (optional): −32…31, in 1/384 of a step
 * @condition: (out) (optional): 0…127
 *
 * Splits a timing pair (spec §2.2.3). The micro-timing is a 6-bit two's
 * complement value straddling both bytes: its high five bits end byte A,
 * its lowest bit is the top bit of byte B.
 */
void
octa_step_timing_decode (const guint8  raw[2],
                         guint        *repeats,
                         gint         *micro,
                         guint        *condition)
{
  guint m6;

  g_return_if_fail (raw != NULL);

  m6 = ((raw[0] & 0x1Fu) << 1) | (raw[1] >> 7);
  if (repeats != NULL)
    *repeats = raw[0] >> 5;
  if (micro != NULL)
    *micro = m6 >= 32 ? (gint) m6 - 64 : (gint) m6;
  if (condition != NULL)
    *condition = raw[1] & 0x7Fu;
}

/**
 * octa_step_timing_encode:
 * @repeats: 0…7
 * @micro: −32…31 (the device uses −23…+23)
 * @condition: 0…127 (the device uses 0…64)
 * @raw: (out caller-allocates): the two bytes
 *
 * The inverse of octa_step_timing_decode().
 */
void
octa_step_timing_encode (guint   repeats,
                         gint    micro,
                         guint   condition,
                         guint8  raw[2])
{
  guint m6;

  g_return_if_fail (raw != NULL);
  g_return_if_fail (repeats <= 7);
  g_return_if_fail (micro >= -32 && micro <= 31);
  g_return_if_fail (condition <= 127);

  m6 = (guint) (micro & 0x3F);
  raw[0] = (guint8) ((repeats << 5) | (m6 >> 1));
  raw[1] = (guint8) (((m6 & 1) << 7) | condition);
}

static void
fill (guint8       *data,
      gsize         offset,
      guint8        value,
      gsize         len)
{
  memset (data + offset, value, len);
}

static void
put (guint8       *data,
     gsize         offset,
     const void   *bytes,
     gsize         len)
{
  memcpy (data + offset, bytes, len);
}

static void
build_blank_part (guint8 *data,
                  guint   block)
{
  gsize b = PARTS_BASE + (gsize) PART_SIZE * block;

  put (data, b, "PART", 4);
  data[b + PART_INDEX_REL] = block % OCTA_N_PARTS;
  fill (data, b + part_areas[OCTA_PART_AREA_FX1_TYPE].rel, 4, OCTA_N_TRACKS);
  fill (data, b + part_areas[OCTA_PART_AREA_FX2_TYPE].rel, 8, OCTA_N_TRACKS);
  data[b + part_areas[OCTA_PART_AREA_ACTIVE_SCENES].rel] = 0;
  data[b + part_areas[OCTA_PART_AREA_ACTIVE_SCENES].rel + 1] = 8;
  fill (data, b + part_areas[OCTA_PART_AREA_LEVELS].rel, 108, 2 * OCTA_N_TRACKS);

  for (guint t = 0; t < OCTA_N_TRACKS; t++)
    {
      const guint8 slots[5] = { t, t, 0, 0, 128 + t };

      put (data, b + octa_part_area_offset (OCTA_PART_AREA_SRC, t, 0),
           default_src, sizeof default_src);
      put (data, b + octa_part_area_offset (OCTA_PART_AREA_VALUES, t, 0),
           default_values, sizeof default_values);
      put (data, b + octa_part_area_offset (OCTA_PART_AREA_SRC_SETUP, t, 0),
           default_src_setup, sizeof default_src_setup);
      put (data, b + octa_part_area_offset (OCTA_PART_AREA_SLOTS, t, 0),
           slots, sizeof slots);
      put (data, b + octa_part_area_offset (OCTA_PART_AREA_SETUP, t, 0),
           default_setup, sizeof default_setup);
      put (data, b + octa_part_area_offset (OCTA_PART_AREA_MIDI_VALUES, t, 0),
           default_midi_values, sizeof default_midi_values);
      put (data, b + octa_part_area_offset (OCTA_PART_AREA_MIDI_SETUP, t, 0),
           default_midi_setup, sizeof default_midi_setup);
      put (data, b + octa_part_area_offset (OCTA_PART_AREA_RECORDER, t, 0),
           default_recorder, sizeof default_recorder);
    }

  fill (data, b + PART_SCENES_REL, 0xFF, (gsize) OCTA_N_SCENES * PART_SCENE_SIZE);
  fill (data, b + PART_XLV_REL, 0xFF, (gsize) OCTA_N_SCENES * PART_XLV_SIZE);
  fill (data, b + part_areas[OCTA_PART_AREA_ARP_MUTES].rel, 0xFF, 2 * OCTA_N_TRACKS);
}

static void
build_blank_track (guint8        *data,
                   guint          pattern,
                   OctaTrackType  type,
                   guint          track)
{
  gboolean audio = type == OCTA_TRACK_AUDIO;
  gsize b = track_base (pattern, type, track);
  gsize settings = b + (audio ? AUDIO_SETTINGS_REL : MIDI_SETTINGS_REL);

  put (data, b, audio ? "TRAC" : "MTRA", 4);
  data[b + TRACK_INDEX_REL] = track;
  fill (data, b + (audio ? audio_mask_rel : midi_mask_rel)[OCTA_TRIG_SWING], 0xAA, 8);
  data[settings + OCTA_TRACK_SETTING_LENGTH] = 16;
  data[settings + OCTA_TRACK_SETTING_SCALE] = 2;
  data[settings + OCTA_TRACK_SETTING_START_SILENT] = 0xFF;
  fill (data, b + (audio ? AUDIO_PLOCKS_REL : MIDI_PLOCKS_REL), 0xFF,
        OCTA_N_STEPS * PLOCK_RECORD_SIZE);
}

static void
build_blank (guint8 *data)
{
  for (guint p = 0; p < OCTA_N_PATTERNS; p++)
    {
      put (data, PATTERN_BASE + (gsize) PATTERN_SIZE * p, "PTRN", 4);

      for (guint t = 0; t < OCTA_N_TRACKS; t++)
        {
          build_blank_track (data, p, OCTA_TRACK_AUDIO, t);
          build_blank_track (data, p, OCTA_TRACK_MIDI, t);
        }

      put (data, tail_base (p), default_pattern_tail, TAIL_SIZE);
    }

  for (guint k = 0; k < N_PART_BLOCKS; k++)
    build_blank_part (data, k);

  for (guint k = 0; k < OCTA_N_PARTS; k++)
    put (data, TRAILER_NAMES + (gsize) PART_NAME_SIZE * k,
         default_part_names[k], strlen (default_part_names[k]));
}

/**
 * octa_bank_file_new_blank:
 * @name: (nullable): the name used in messages
 *
 * Builds the bank of a freshly created project (spec §7.2), byte for byte
 * the device's blank.
 *
 * Returns: (transfer full): a new bank
 */
OctaBankFile *
octa_bank_file_new_blank (const char *name)
{
  OctaImage *image = octa_image_new_blank (OCTA_FILE_KIND_BANK, name);

  build_blank (image->data);
  octa_image_update_checksum (image);
  return octa_bank_file_wrap (image);
}

static GError *
problem_new (const char *format,
             ...) G_GNUC_PRINTF (1, 2);

static GError *
problem_new (const char *format,
             ...)
{
  va_list args;
  GError *error;

  va_start (args, format);
  error = g_error_new_valist (OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_BAD_STRUCTURE, format, args);
  va_end (args);
  return error;
}

static void
add_problem (GPtrArray *problems,
             GError    *error)
{
  if (problems != NULL)
    g_ptr_array_add (problems, error);
  else
    g_error_free (error);
}

static char *
printable_magic (const guint8 *bytes)
{
  char *s = g_strndup ((const char *) bytes, 4);

  for (guint i = 0; i < 4; i++)
    if (!g_ascii_isprint (bytes[i]))
      s[i] = '?';
  s[4] = '\0';
  return s;
}

static gboolean
check_magic (const guint8 *data,
             gsize         offset,
             const char   *magic,
             const char   *name,
             const char   *where,
             GPtrArray    *problems)
{
  g_autofree char *found = NULL;

  if (memcmp (data + offset, magic, 4) == 0)
    return TRUE;

  found = printable_magic (data + offset);
  add_problem (problems,
               problem_new ("%s: %s: expected \"%s\" at offset %" G_GSIZE_FORMAT
                            ", found \"%s\" (%02X %02X %02X %02X)",
                            name, where, magic, offset, found,
                            data[offset], data[offset + 1], data[offset + 2],
                            data[offset + 3]));
  return FALSE;
}

static gboolean
check_index (const guint8 *data,
             gsize         offset,
             guint         expected,
             const char   *name,
             const char   *where,
             GPtrArray    *problems)
{
  if (data[offset] == expected)
    return TRUE;

  add_problem (problems,
               problem_new ("%s: %s: index byte at offset %" G_GSIZE_FORMAT
                            " is %u, expected %u",
                            name, where, offset, data[offset], expected));
  return FALSE;
}

/* The redundant guards inside a bank: magic strings and index bytes of every
 * pattern, track and part block (spec §2.7). @data must be a whole bank. */
static gboolean
check_inner (const guint8 *data,
             const char   *name,
             GPtrArray    *problems)
{
  gboolean ok = TRUE;

  for (guint p = 0; p < OCTA_N_PATTERNS; p++)
    {
      g_autofree char *where = g_strdup_printf ("pattern %u", p + 1);

      ok &= check_magic (data, PATTERN_BASE + (gsize) PATTERN_SIZE * p, "PTRN",
                         name, where, problems);

      for (guint t = 0; t < OCTA_N_TRACKS; t++)
        {
          g_autofree char *audio = g_strdup_printf ("pattern %u track T%u", p + 1, t + 1);
          g_autofree char *midi = g_strdup_printf ("pattern %u track M%u", p + 1, t + 1);
          gsize a = track_base (p, OCTA_TRACK_AUDIO, t);
          gsize m = track_base (p, OCTA_TRACK_MIDI, t);

          ok &= check_magic (data, a, "TRAC", name, audio, problems);
          ok &= check_index (data, a + TRACK_INDEX_REL, t, name, audio, problems);
          ok &= check_magic (data, m, "MTRA", name, midi, problems);
          ok &= check_index (data, m + TRACK_INDEX_REL, t, name, midi, problems);
        }
    }

  for (guint k = 0; k < N_PART_BLOCKS; k++)
    {
      g_autofree char *where = g_strdup_printf ("%s part %u",
                                                k < OCTA_N_PARTS ? "unsaved" : "saved",
                                                k % OCTA_N_PARTS + 1);
      gsize b = PARTS_BASE + (gsize) PART_SIZE * k;

      ok &= check_magic (data, b, "PART", name, where, problems);
      ok &= check_index (data, b + PART_INDEX_REL, k % OCTA_N_PARTS, name, where, problems);
    }

  return ok;
}

/**
 * octa_bank_file_check_structure:
 * @data: (array length=len) (nullable): a file's bytes
 * @len: their number
 * @name: (nullable): the name used in messages
 * @problems: (element-type GError) (nullable): where to append one #GError per
 *   problem found
 *
 * Checks a bank without opening it: the container (a bad checksum is listed
 * as a problem of its own), then every PTRN/TRAC/MTRA/PART magic string and
 * every track and part index byte. Goes on after a problem where the layout
 * still makes sense, and stops when the size is wrong.
 *
 * Returns: %TRUE when no problem was found
 */
gboolean
octa_bank_file_check_structure (const guint8 *data,
                                gsize         len,
                                const char   *name,
                                GPtrArray    *problems)
{
  GError *error = NULL;
  gboolean ok = TRUE;
  guint16 stored, computed;

  g_return_val_if_fail (data != NULL || len == 0, FALSE);

  if (name == NULL)
    name = octa_file_kind_to_string (OCTA_FILE_KIND_BANK);

  if (!_octa_image_check (OCTA_FILE_KIND_BANK, data, len, name, OCTA_LOAD_ALLOW_BAD_CHECKSUM,
                          &error))
    {
      add_problem (problems, error);
      ok = FALSE;
      if (len != OCTA_BANK_SIZE)
        return FALSE;
    }

  stored = octa_checksum_stored (data, len);
  computed = octa_checksum_compute (data, len);
  if (stored != computed)
    {
      add_problem (problems,
                   g_error_new (OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_BAD_CHECKSUM,
                                "%s: bad checksum at offset %" G_GSIZE_FORMAT
                                ": stored 0x%04X, computed 0x%04X",
                                name, len - 2, stored, computed));
      ok = FALSE;
    }

  ok &= check_inner (data, name, problems);
  return ok;
}

/**
 * octa_bank_file_new_from_data:
 * @data: (array length=len): a file's bytes
 * @len: their number
 * @name: (nullable): the name used in messages, usually the path
 * @flags: which kinds of damage to accept
 * @error: return location for a #GError
 *
 * Opens a bank. The bytes are copied and kept as they are, so an untouched
 * bank encodes back identically.
 *
 * Returns: (transfer full) (nullable): the bank, or %NULL with @error set
 */
OctaBankFile *
octa_bank_file_new_from_data (const guint8   *data,
                              gsize           len,
                              const char     *name,
                              OctaLoadFlags   flags,
                              GError        **error)
{
  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return octa_bank_file_new_take (g_memdup2 (data, len), len, name, flags, error);
}

/**
 * octa_bank_file_new_take:
 * @data: (transfer full) (array length=len): a file's bytes, from g_malloc()
 * @len: their number
 * @name: (nullable): the name used in messages, usually the path
 * @flags: which kinds of damage to accept
 * @error: return location for a #GError
 *
 * Like octa_bank_file_new_from_data() without the copy. @data is freed on
 * failure.
 *
 * Returns: (transfer full) (nullable): the bank, or %NULL with @error set
 */
OctaBankFile *
octa_bank_file_new_take (guint8         *data,
                         gsize           len,
                         const char     *name,
                         OctaLoadFlags   flags,
                         GError        **error)
{
  OctaImage *image;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (name == NULL)
    name = octa_file_kind_to_string (OCTA_FILE_KIND_BANK);

  image = _octa_image_load (OCTA_FILE_KIND_BANK, data, len, name, flags, error);
  if (image == NULL)
    return NULL;

  if (!(flags & OCTA_LOAD_ALLOW_BAD_STRUCTURE))
    {
      g_autoptr(GPtrArray) problems = NULL;

      problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
      if (!check_inner (image->data, name, problems))
        {
          g_propagate_error (error, g_ptr_array_steal_index (problems, 0));
          octa_image_free (image);
          return NULL;
        }
    }

  return octa_bank_file_wrap (image);
}

/* Trig masks */

/**
 * octa_bank_file_get_trig_mask:
 * @bank: a bank
 * @pattern: 0…15
 * @type: audio or MIDI
 * @track: 0…7
 * @kind: a trig kind valid for @type
 *
 * Returns: the mask, bit n = step n (0-based)
 */
guint64
octa_bank_file_get_trig_mask (const OctaBankFile *bank,
                              guint               pattern,
                              OctaTrackType       type,
                              guint               track,
                              OctaTrigKind        kind)
{
  g_return_val_if_fail (bank != NULL, 0);
  g_return_val_if_fail (track_args_ok (pattern, type, track), 0);
  g_return_val_if_fail (octa_trig_kind_valid_for (kind, type), 0);

  return octa_image_get_u64 (bank->image,
                             octa_bank_trig_mask_offset (pattern, type, track, kind));
}

/**
 * octa_bank_file_set_trig_mask:
 * @bank: a bank
 * @pattern: 0…15
 * @type: audio or MIDI
 * @track: 0…7
 * @kind: a trig kind valid for @type
 * @mask: bit n = step n (0-based)
 *
 * Replaces a whole trig mask.
 */
void
octa_bank_file_set_trig_mask (OctaBankFile  *bank,
                              guint          pattern,
                              OctaTrackType  type,
                              guint          track,
                              OctaTrigKind   kind,
                              guint64        mask)
{
  g_return_if_fail (bank != NULL);
  g_return_if_fail (track_args_ok (pattern, type, track));
  g_return_if_fail (octa_trig_kind_valid_for (kind, type));

  octa_image_set_u64 (bank->image,
                      octa_bank_trig_mask_offset (pattern, type, track, kind), mask);
}

/**
 * octa_bank_file_get_trig:
 * @bank: a bank
 * @pattern: 0…15
 * @type: audio or MIDI
 * @track: 0…7
 * @kind: a trig kind valid for @type
 * @step: 0…63
 *
 * Returns: whether @step has a trig of @kind
 */
gboolean
octa_bank_file_get_trig (const OctaBankFile *bank,
                         guint               pattern,
                         OctaTrackType       type,
                         guint               track,
                         OctaTrigKind        kind,
                         guint               step)
{
  g_return_val_if_fail (step < OCTA_N_STEPS, FALSE);

  return (octa_bank_file_get_trig_mask (bank, pattern, type, track, kind) >> step) & 1;
}

/**
 * octa_bank_file_set_trig:
 * @bank: a bank
 * @pattern: 0…15
 * @type: audio or MIDI
 * @track: 0…7
 * @kind: a trig kind valid for @type
 * @step: 0…63
 * @on: whether the step gets a trig
 *
 * Sets or clears one step of a trig mask.
 */
void
octa_bank_file_set_trig (OctaBankFile  *bank,
                         guint          pattern,
                         OctaTrackType  type,
                         guint          track,
                         OctaTrigKind   kind,
                         guint          step,
                         gboolean       on)
{
  guint64 mask;

  g_return_if_fail (bank != NULL);
  g_return_if_fail (step_args_ok (pattern, type, track, step));
  g_return_if_fail (octa_trig_kind_valid_for (kind, type));

  mask = octa_bank_file_get_trig_mask (bank, pattern, type, track, kind);
  if (on)
    mask |= G_GUINT64_CONSTANT (1) << step;
  else
    mask &= ~(G_GUINT64_CONSTANT (1) << step);
  octa_bank_file_set_trig_mask (bank, pattern, type, track, kind, mask);
}

/* Per-track settings */

static gboolean
setting_ok (OctaTrackType    type,
            OctaTrackSetting setting)
{
  if ((guint) setting >= OCTA_N_TRACK_SETTINGS)
    return FALSE;
  return type == OCTA_TRACK_AUDIO || setting != OCTA_TRACK_SETTING_UNKNOWN_2;
}

static gsize
setting_offset (guint            pattern,
                OctaTrackType    type,
                guint            track,
                OctaTrackSetting setting)
{
  return track_base (pattern, type, track) +
         (type == OCTA_TRACK_AUDIO ? AUDIO_SETTINGS_REL : MIDI_SETTINGS_REL) + setting;
}

/**
 * octa_bank_file_get_track_setting:
 * @bank: a bank
 * @pattern: 0…15
 * @type: audio or MIDI
 * @track: 0…7
 * @setting: which setting (%OCTA_TRACK_SETTING_UNKNOWN_2 is audio only)
 *
 * Returns: the setting's raw byte
 */
guint8
octa_bank_file_get_track_setting (const OctaBankFile *bank,
                                  guint               pattern,
                                  OctaTrackType       type,
                                  guint               track,
                                  OctaTrackSetting    setting)
{
  g_return_val_if_fail (bank != NULL, 0);
  g_return_val_if_fail (track_args_ok (pattern, type, track), 0);
  g_return_val_if_fail (setting_ok (type, setting), 0);

  return octa_image_get_u8 (bank->image, setting_offset (pattern, type, track, setting));
}

/**
 * octa_bank_file_set_track_setting:
 * @bank: a bank
 * @pattern: 0…15
 * @type: audio or MIDI
 * @track: 0…7
 * @setting: which setting (%OCTA_TRACK_SETTING_UNKNOWN_2 is audio only)
 * @value: the raw byte
 */
void
octa_bank_file_set_track_setting (OctaBankFile     *bank,
                                  guint             pattern,
                                  OctaTrackType     type,
                                  guint             track,
                                  OctaTrackSetting  setting,
                                  guint8            value)
{
  g_return_if_fail (bank != NULL);
  g_return_if_fail (track_args_ok (pattern, type, track));
  g_return_if_fail (setting_ok (type, setting));

  octa_image_set_u8 (bank->image, setting_offset (pattern, type, track, setting), value);
}

static gboolean
track_unknown_ok (OctaTrackType type,
                  guint         index)
{
  if (type == OCTA_TRACK_AUDIO)
    return index < N_TRACK_UNKNOWN_1 + N_AUDIO_UNKNOWN_3;
  return index < N_TRACK_UNKNOWN_1;
}

static gsize
track_unknown_offset (guint         pattern,
                      OctaTrackType type,
                      guint         track,
                      guint         index)
{
  gsize base = track_base (pattern, type, track);

  if (index < N_TRACK_UNKNOWN_1)
    return base + TRACK_UNKNOWN_1_REL + index;
  return base + AUDIO_UNKNOWN_3_REL + (index - N_TRACK_UNKNOWN_1);
}

/**
 * octa_bank_file_get_track_unknown:
 * @bank: a bank
 * @pattern: 0…15
 * @type: audio or MIDI
 * @track: 0…7
 * @index: 0…3 for unknown_1 (+4); for audio tracks 4…67 for unknown_3 (+2146)
 *
 * Returns: one of a track's bytes of unknown meaning
 */
guint8
octa_bank_file_get_track_unknown (const OctaBankFile *bank,
                                  guint               pattern,
                                  OctaTrackType       type,
                                  guint               track,
                                  guint               index)
{
  g_return_val_if_fail (bank != NULL, 0);
  g_return_val_if_fail (track_args_ok (pattern, type, track), 0);
  g_return_val_if_fail (track_unknown_ok (type, index), 0);

  return octa_image_get_u8 (bank->image, track_unknown_offset (pattern, type, track, index));
}

/**
 * octa_bank_file_set_track_unknown:
 * @bank: a bank
 * @pattern: 0…15
 * @type: audio or MIDI
 * @track: 0…7
 * @index: as for octa_bank_file_get_track_unknown()
 * @value: the raw byte
 */
void
octa_bank_file_set_track_unknown (OctaBankFile  *bank,
                                  guint          pattern,
                                  OctaTrackType  type,
                                  guint          track,
                                  guint          index,
                                  guint8         value)
{
  g_return_if_fail (bank != NULL);
  g_return_if_fail (track_args_ok (pattern, type, track));
  g_return_if_fail (track_unknown_ok (type, index));

  octa_image_set_u8 (bank->image, track_unknown_offset (pattern, type, track, index), value);
}

/* P-locks */

/**
 * octa_bank_file_get_plock:
 * @bank: a bank
 * @pattern: 0…15
 * @type: audio or MIDI
 * @track: 0…7
 * @step: 0…63
 * @param: 0…31, an #OctaAudioPlock or #OctaMidiPlock
 *
 * Returns: the locked value, or %OCTA_PLOCK_NONE
 */
guint8
octa_bank_file_get_plock (const OctaBankFile *bank,
                          guint               pattern,
                          OctaTrackType       type,
                          guint               track,
                          guint               step,
                          guint               param)
{
  g_return_val_if_fail (bank != NULL, OCTA_PLOCK_NONE);
  g_return_val_if_fail (step_args_ok (pattern, type, track, step), OCTA_PLOCK_NONE);
  g_return_val_if_fail (param < OCTA_N_PLOCK_PARAMS, OCTA_PLOCK_NONE);

  return octa_image_get_u8 (bank->image,
                            octa_bank_plock_offset (pattern, type, track, step, param));
}

/**
 * octa_bank_file_set_plock:
 * @bank: a bank
 * @pattern: 0…15
 * @type: audio or MIDI
 * @track: 0…7
 * @step: 0…63
 * @param: 0…31, an #OctaAudioPlock or #OctaMidiPlock
 * @value: the locked value, or %OCTA_PLOCK_NONE to remove the lock
 */
void
octa_bank_file_set_plock (OctaBankFile  *bank,
                          guint          pattern,
                          OctaTrackType  type,
                          guint          track,
                          guint          step,
                          guint          param,
                          guint8         value)
{
  g_return_if_fail (bank != NULL);
  g_return_if_fail (step_args_ok (pattern, type, track, step));
  g_return_if_fail (param < OCTA_N_PLOCK_PARAMS);

  octa_image_set_u8 (bank->image,
                     octa_bank_plock_offset (pattern, type, track, step, param), value);
}

/**
 * octa_bank_file_count_plocks:
 * @bank: a bank
 * @pattern: 0…15
 * @type: audio or MIDI
 * @track: 0…7
 * @step: 0…63
 *
 * Returns: how many of the step's 32 p-lock bytes hold a lock (sample locks
 *   included)
 */
guint
octa_bank_file_count_plocks (const OctaBankFile *bank,
                             guint               pattern,
                             OctaTrackType       type,
                             guint               track,
                             guint               step)
{
  gsize base;
  guint n = 0;

  g_return_val_if_fail (bank != NULL, 0);
  g_return_val_if_fail (step_args_ok (pattern, type, track, step), 0);

  base = octa_bank_plock_offset (pattern, type, track, step, 0);
  for (guint i = 0; i < OCTA_N_PLOCK_PARAMS; i++)
    if (octa_image_get_u8 (bank->image, base + i) != OCTA_PLOCK_NONE)
      n++;
  return n;
}

/**
 * octa_bank_file_get_sample_lock:
 * @bank: a bank
 * @pattern: 0…15
 * @track: audio track 0…7
 * @step: 0…63
 *
 * Sample locks sit in p-lock byte 31 for Static and Flex tracks alike; the
 * pool the slot refers to follows from the track's machine in the part.
 *
 * Returns: the 0-based slot, or -1 when the step has no sample lock
 */
gint
octa_bank_file_get_sample_lock (const OctaBankFile *bank,
                                guint               pattern,
                                guint               track,
                                guint               step)
{
  guint8 v;

  g_return_val_if_fail (bank != NULL, -1);
  g_return_val_if_fail (step_args_ok (pattern, OCTA_TRACK_AUDIO, track, step), -1);

  v = octa_bank_file_get_plock (bank, pattern, OCTA_TRACK_AUDIO, track, step,
                                OCTA_AUDIO_PLOCK_SAMPLE_LOCK);
  return v == OCTA_PLOCK_NONE ? -1 : v;
}

/**
 * octa_bank_file_set_sample_lock:
 * @bank: a bank
 * @pattern: 0…15
 * @track: audio track 0…7
 * @step: 0…63
 * @slot: a 0-based slot (0…254), or -1 to remove the lock
 */
void
octa_bank_file_set_sample_lock (OctaBankFile *bank,
                                guint         pattern,
                                guint         track,
                                guint         step,
                                gint          slot)
{
  g_return_if_fail (bank != NULL);
  g_return_if_fail (step_args_ok (pattern, OCTA_TRACK_AUDIO, track, step));
  g_return_if_fail (slot >= -1 && slot < OCTA_PLOCK_NONE);

  octa_bank_file_set_plock (bank, pattern, OCTA_TRACK_AUDIO, track, step,
                            OCTA_AUDIO_PLOCK_SAMPLE_LOCK,
                            slot < 0 ? OCTA_PLOCK_NONE : (guint8) slot);
}

/* Repeats, micro-timing, conditions */

static void
get_timing (const OctaBankFile *bank,
            guint               pattern,
            OctaTrackType       type,
            guint               track,
            guint               step,
            guint              *repeats,
            gint               *micro,
            guint              *condition)
{
  gsize offset = octa_bank_step_timing_offset (pattern, type, track, step);
  guint8 raw[2];

  raw[0] = octa_image_get_u8 (bank->image, offset);
  raw[1] = octa_image_get_u8 (bank->image, offset + 1);
  octa_step_timing_decode (raw, repeats, micro, condition);
}

static void
set_timing (OctaBankFile  *bank,
            guint          pattern,
            OctaTrackType  type,
            guint          track,
            guint          step,
            guint          repeats,
            gint           micro,
            guint          condition)
{
  gsize offset = octa_bank_step_timing_offset (pattern, type, track, step);
  guint8 raw[2];

  octa_step_timing_encode (repeats, micro, condition, raw);
  octa_image_set_u8 (bank->image, offset, raw[0]);
  octa_image_set_u8 (bank->image, offset + 1, raw[1]);
}

/**
 * octa_bank_file_get_repeats:
 * @bank: a bank
 * @pattern: 0…15
 * @type: audio or MIDI
 * @track: 0…7
 * @step: 0…63
 *
 * Returns: the trig repeat count minus one, 0…7
 */
guint
octa_bank_file_get_repeats (const OctaBankFile *bank,
                            guint               pattern,
                            OctaTrackType       type,
                            guint               track,
                            guint               step)
{
  guint repeats;

  g_return_val_if_fail (bank != NULL, 0);
  g_return_val_if_fail (step_args_ok (pattern, type, track, step), 0);

  get_timing (bank, pattern, type, track, step, &repeats, NULL, NULL);
  return repeats;
}

/**
 * octa_bank_file_set_repeats:
 * @bank: a bank
 * @pattern: 0…15
 * @type: audio or MIDI
 * @track: 0…7
 * @step: 0…63
 * @repeats: 0…7 (1…8 trigs)
 *
 * Sets the repeat count, keeping the step's micro-timing and condition.
 */
void
octa_bank_file_set_repeats (OctaBankFile  *bank,
                            guint          pattern,
                            OctaTrackType  type,
                            guint          track,
                            guint          step,
                            guint          repeats)
{
  gint micro;
  guint condition;

  g_return_if_fail (bank != NULL);
  g_return_if_fail (step_args_ok (pattern, type, track, step));
  g_return_if_fail (repeats <= 7);

  get_timing (bank, pattern, type, track, step, NULL, &micro, &condition);
  set_timing (bank, pattern, type, track, step, repeats, micro, condition);
}

/**
 * octa_bank_file_get_micro_timing:
 * @bank: a bank
 * @pattern: 0…15
 * @type: audio or MIDI
 * @track: 0…7
 * @step: 0…63
 *
 * Returns: the micro-timing in 1/384 of a step as stored, −32…31 (the device
 *   writes −23…+23)
 */
gint
octa_bank_file_get_micro_timing (const OctaBankFile *bank,
                                 guint               pattern,
                                 OctaTrackType       type,
                                 guint               track,
                                 guint               step)
{
  gint micro;

  g_return_val_if_fail (bank != NULL, 0);
  g_return_val_if_fail (step_args_ok (pattern, type, track, step), 0);

  get_timing (bank, pattern, type, track, step, NULL, &micro, NULL);
  return micro;
}

/**
 * octa_bank_file_set_micro_timing:
 * @bank: a bank
 * @pattern: 0…15
 * @type: audio or MIDI
 * @track: 0…7
 * @step: 0…63
 * @micro: −23…+23, in 1/384 of a step
 *
 * Sets the micro-timing, keeping the step's repeats and condition.
 */
void
octa_bank_file_set_micro_timing (OctaBankFile  *bank,
                                 guint          pattern,
                                 OctaTrackType  type,
                                 guint          track,
                                 guint          step,
                                 gint           micro)
{
  guint repeats, condition;

  g_return_if_fail (bank != NULL);
  g_return_if_fail (step_args_ok (pattern, type, track, step));
  g_return_if_fail (micro >= -23 && micro <= 23);

  get_timing (bank, pattern, type, track, step, &repeats, NULL, &condition);
  set_timing (bank, pattern, type, track, step, repeats, micro, condition);
}

/**
 * octa_bank_file_get_condition:
 * @bank: a bank
 * @pattern: 0…15
 * @type: audio or MIDI
 * @track: 0…7
 * @step: 0…63
 *
 * Returns: the trig condition code, 0…127 (the device's table is 0…64)
 */
guint
octa_bank_file_get_condition (const OctaBankFile *bank,
                              guint               pattern,
                              OctaTrackType       type,
                              guint               track,
                              guint               step)
{
  guint condition;

  g_return_val_if_fail (bank != NULL, 0);
  g_return_val_if_fail (step_args_ok (pattern, type, track, step), 0);

  get_timing (bank, pattern, type, track, step, NULL, NULL, &condition);
  return condition;
}

/**
 * octa_bank_file_set_condition:
 * @bank: a bank
 * @pattern: 0…15
 * @type: audio or MIDI
 * @track: 0…7
 * @step: 0…63
 * @condition: 0…127 (the device's table is 0…64)
 *
 * Sets the trig condition, keeping the step's repeats and micro-timing.
 */
void
octa_bank_file_set_condition (OctaBankFile  *bank,
                              guint          pattern,
                              OctaTrackType  type,
                              guint          track,
                              guint          step,
                              guint          condition)
{
  guint repeats;
  gint micro;

  g_return_if_fail (bank != NULL);
  g_return_if_fail (step_args_ok (pattern, type, track, step));
  g_return_if_fail (condition <= 127);

  get_timing (bank, pattern, type, track, step, &repeats, &micro, NULL);
  set_timing (bank, pattern, type, track, step, repeats, micro, condition);
}

/* Pattern tail */

static guint8
get_tail_u8 (const OctaBankFile *bank,
             guint               pattern,
             guint               byte)
{
  g_return_val_if_fail (bank != NULL, 0);
  g_return_val_if_fail (pattern < OCTA_N_PATTERNS, 0);

  return octa_image_get_u8 (bank->image, tail_base (pattern) + byte);
}

static void
set_tail_u8 (OctaBankFile *bank,
             guint         pattern,
             guint         byte,
             guint8        value)
{
  g_return_if_fail (bank != NULL);
  g_return_if_fail (pattern < OCTA_N_PATTERNS);

  octa_image_set_u8 (bank->image, tail_base (pattern) + byte, value);
}

/**
 * octa_bank_file_get_pattern_length:
 * @bank: a bank
 * @pattern: 0…15
 *
 * Returns: the master length in NORMAL scale mode, in steps
 */
guint8
octa_bank_file_get_pattern_length (const OctaBankFile *bank,
                                   guint               pattern)
{
  return get_tail_u8 (bank, pattern, TAIL_LENGTH);
}

void
octa_bank_file_set_pattern_length (OctaBankFile *bank,
                                   guint         pattern,
                                   guint8        length)
{
  set_tail_u8 (bank, pattern, TAIL_LENGTH, length);
}

/**
 * octa_bank_file_get_pattern_scale:
 * @bank: a bank
 * @pattern: 0…15
 *
 * Returns: the master scale code in NORMAL scale mode (spec §2.9)
 */
guint8
octa_bank_file_get_pattern_scale (const OctaBankFile *bank,
                                  guint               pattern)
{
  return get_tail_u8 (bank, pattern, TAIL_SCALE);
}

void
octa_bank_file_set_pattern_scale (OctaBankFile *bank,
                                  guint         pattern,
                                  guint8        scale)
{
  set_tail_u8 (bank, pattern, TAIL_SCALE, scale);
}

/**
 * octa_bank_file_get_pattern_per_track_length:
 * @bank: a bank
 * @pattern: 0…15
 *
 * Returns: the master length in PER TRACK scale mode, a big-endian u16
 *   (2…1024, 0xFFFF = INF)
 */
guint16
octa_bank_file_get_pattern_per_track_length (const OctaBankFile *bank,
                                             guint               pattern)
{
  g_return_val_if_fail (bank != NULL, 0);
  g_return_val_if_fail (pattern < OCTA_N_PATTERNS, 0);

  return octa_image_get_u16 (bank->image, tail_base (pattern) + TAIL_PER_TRACK_LENGTH);
}

void
octa_bank_file_set_pattern_per_track_length (OctaBankFile *bank,
                                             guint         pattern,
                                             guint16       length)
{
  g_return_if_fail (bank != NULL);
  g_return_if_fail (pattern < OCTA_N_PATTERNS);

  octa_image_set_u16 (bank->image, tail_base (pattern) + TAIL_PER_TRACK_LENGTH, length);
}

/**
 * octa_bank_file_get_pattern_per_track_scale:
 * @bank: a bank
 * @pattern: 0…15
 *
 * Returns: the master scale code in PER TRACK scale mode
 */
guint8
octa_bank_file_get_pattern_per_track_scale (const OctaBankFile *bank,
                                            guint               pattern)
{
  return get_tail_u8 (bank, pattern, TAIL_PER_TRACK_SCALE);
}

void
octa_bank_file_set_pattern_per_track_scale (OctaBankFile *bank,
                                            guint         pattern,
                                            guint8        scale)
{
  set_tail_u8 (bank, pattern, TAIL_PER_TRACK_SCALE, scale);
}

/**
 * octa_bank_file_get_pattern_scale_mode:
 * @bank: a bank
 * @pattern: 0…15
 *
 * Returns: 0 NORMAL, 1 PER TRACK
 */
guint8
octa_bank_file_get_pattern_scale_mode (const OctaBankFile *bank,
                                       guint               pattern)
{
  return get_tail_u8 (bank, pattern, TAIL_SCALE_MODE);
}

void
octa_bank_file_set_pattern_scale_mode (OctaBankFile *bank,
                                       guint         pattern,
                                       guint8        mode)
{
  set_tail_u8 (bank, pattern, TAIL_SCALE_MODE, mode);
}

/**
 * octa_bank_file_get_pattern_chain_setting:
 * @bank: a bank
 * @pattern: 0…15
 *
 * Returns: the pattern chain setting byte (only 0 seen; meaning not known)
 */
guint8
octa_bank_file_get_pattern_chain_setting (const OctaBankFile *bank,
                                          guint               pattern)
{
  return get_tail_u8 (bank, pattern, TAIL_CHAIN_SETTING);
}

void
octa_bank_file_set_pattern_chain_setting (OctaBankFile *bank,
                                          guint         pattern,
                                          guint8        value)
{
  set_tail_u8 (bank, pattern, TAIL_CHAIN_SETTING, value);
}

/**
 * octa_bank_file_get_pattern_part:
 * @bank: a bank
 * @pattern: 0…15
 *
 * Returns: the part the pattern uses, 0…3 in every file seen
 */
guint8
octa_bank_file_get_pattern_part (const OctaBankFile *bank,
                                 guint               pattern)
{
  return get_tail_u8 (bank, pattern, TAIL_PART);
}

/**
 * octa_bank_file_set_pattern_part:
 * @bank: a bank
 * @pattern: 0…15
 * @part: 0…3
 */
void
octa_bank_file_set_pattern_part (OctaBankFile *bank,
                                 guint         pattern,
                                 guint8        part)
{
  g_return_if_fail (part < OCTA_N_PARTS);

  set_tail_u8 (bank, pattern, TAIL_PART, part);
}

/**
 * octa_bank_file_get_pattern_tempo_x24:
 * @bank: a bank
 * @pattern: 0…15
 *
 * Returns: the pattern tempo as BPM × 24 (2880 = 120 BPM)
 */
guint16
octa_bank_file_get_pattern_tempo_x24 (const OctaBankFile *bank,
                                      guint               pattern)
{
  g_return_val_if_fail (bank != NULL, 0);
  g_return_val_if_fail (pattern < OCTA_N_PATTERNS, 0);

  return octa_image_get_u16 (bank->image, tail_base (pattern) + TAIL_TEMPO);
}

void
octa_bank_file_set_pattern_tempo_x24 (OctaBankFile *bank,
                                      guint         pattern,
                                      guint16       tempo)
{
  g_return_if_fail (bank != NULL);
  g_return_if_fail (pattern < OCTA_N_PATTERNS);

  octa_image_set_u16 (bank->image, tail_base (pattern) + TAIL_TEMPO, tempo);
}

/**
 * octa_bank_file_get_pattern_tail_unknown:
 * @bank: a bank
 * @pattern: 0…15
 * @index: 0 or 1 (tail bytes 8 and 9)
 *
 * Returns: one of the two tail bytes of unknown meaning
 */
guint8
octa_bank_file_get_pattern_tail_unknown (const OctaBankFile *bank,
                                         guint               pattern,
                                         guint               index)
{
  g_return_val_if_fail (index < 2, 0);

  return get_tail_u8 (bank, pattern, TAIL_UNKNOWN + index);
}

void
octa_bank_file_set_pattern_tail_unknown (OctaBankFile *bank,
                                         guint         pattern,
                                         guint         index,
                                         guint8        value)
{
  g_return_if_fail (index < 2);

  set_tail_u8 (bank, pattern, TAIL_UNKNOWN + index, value);
}

static gboolean
bytes_all_zero (const OctaImage *image,
                gsize            offset,
                gsize            len)
{
  for (gsize i = 0; i < len; i++)
    if (octa_image_get_u8 (image, offset + i) != 0)
      return FALSE;
  return TRUE;
}

/**
 * octa_bank_file_pattern_has_trigs:
 * @bank: a bank
 * @pattern: 0…15
 *
 * Swing masks do not count: their default already has every even step set.
 *
 * Returns: whether any track of @pattern has a trig of any kind
 */
gboolean
octa_bank_file_pattern_has_trigs (const OctaBankFile *bank,
                                  guint               pattern)
{
  g_return_val_if_fail (bank != NULL, FALSE);
  g_return_val_if_fail (pattern < OCTA_N_PATTERNS, FALSE);

  for (guint t = 0; t < OCTA_N_TRACKS; t++)
    for (guint k = 0; k < OCTA_N_TRIG_KINDS; k++)
      for (guint ty = OCTA_TRACK_AUDIO; ty <= OCTA_TRACK_MIDI; ty++)
        {
          if (k == OCTA_TRIG_SWING || !octa_trig_kind_valid_for (k, ty))
            continue;
          if (!bytes_all_zero (bank->image, octa_bank_trig_mask_offset (pattern, ty, t, k), 8))
            return TRUE;
        }

  return FALSE;
}

/* Parts */

/**
 * octa_bank_file_get_part_value:
 * @bank: a bank
 * @part: 0…3
 * @copy: the unsaved (working) or the saved copy
 * @area: a part area
 * @track: below octa_part_area_n_tracks()
 * @index: below octa_part_area_width()
 *
 * Returns: one raw byte of a part
 */
guint8
octa_bank_file_get_part_value (const OctaBankFile *bank,
                               guint               part,
                               OctaPartCopy        copy,
                               OctaPartArea        area,
                               guint               track,
                               guint               index)
{
  g_return_val_if_fail (bank != NULL, 0);
  g_return_val_if_fail (part_args_ok (part, copy), 0);
  g_return_val_if_fail (area_args_ok (area, track, index), 0);

  return octa_image_get_u8 (bank->image,
                            part_base (part, copy) + octa_part_area_offset (area, track, index));
}

/**
 * octa_bank_file_set_part_value:
 * @bank: a bank
 * @part: 0…3
 * @copy: the unsaved (working) or the saved copy
 * @area: a part area
 * @track: below octa_part_area_n_tracks()
 * @index: below octa_part_area_width()
 * @value: the raw byte
 *
 * The device edits only the unsaved copy and marks the part in the edited
 * mask; doing the same is the caller's business.
 */
void
octa_bank_file_set_part_value (OctaBankFile *bank,
                               guint         part,
                               OctaPartCopy  copy,
                               OctaPartArea  area,
                               guint         track,
                               guint         index,
                               guint8        value)
{
  g_return_if_fail (bank != NULL);
  g_return_if_fail (part_args_ok (part, copy));
  g_return_if_fail (area_args_ok (area, track, index));

  octa_image_set_u8 (bank->image,
                     part_base (part, copy) + octa_part_area_offset (area, track, index),
                     value);
}

/**
 * octa_bank_file_get_machine:
 * @bank: a bank
 * @part: 0…3
 * @copy: the unsaved (working) or the saved copy
 * @track: 0…7
 *
 * Returns: the track's machine type as stored (the caller must cope with
 *   values outside #OctaMachineType)
 */
OctaMachineType
octa_bank_file_get_machine (const OctaBankFile *bank,
                            guint               part,
                            OctaPartCopy        copy,
                            guint               track)
{
  return (OctaMachineType) octa_bank_file_get_part_value (bank, part, copy,
                                                          OCTA_PART_AREA_MACHINE, track, 0);
}

void
octa_bank_file_set_machine (OctaBankFile    *bank,
                            guint            part,
                            OctaPartCopy     copy,
                            guint            track,
                            OctaMachineType  machine)
{
  g_return_if_fail (machine >= OCTA_MACHINE_STATIC && machine <= OCTA_MACHINE_PICKUP);

  octa_bank_file_set_part_value (bank, part, copy, OCTA_PART_AREA_MACHINE, track, 0,
                                 (guint8) machine);
}

static gsize
scene_lock_offset (guint        part,
                   OctaPartCopy copy,
                   guint        scene,
                   guint        track,
                   guint        param)
{
  return part_base (part, copy) + PART_SCENES_REL + (gsize) PART_SCENE_SIZE * scene +
         PLOCK_RECORD_SIZE * track + param;
}

/**
 * octa_bank_file_get_scene_lock:
 * @bank: a bank
 * @part: 0…3
 * @copy: the unsaved (working) or the saved copy
 * @scene: 0…15
 * @track: 0…7
 * @param: 0…31, laid out as an audio p-lock record
 *
 * Returns: the locked value, or %OCTA_PLOCK_NONE
 */
guint8
octa_bank_file_get_scene_lock (const OctaBankFile *bank,
                               guint               part,
                               OctaPartCopy        copy,
                               guint               scene,
                               guint               track,
                               guint               param)
{
  g_return_val_if_fail (bank != NULL, OCTA_PLOCK_NONE);
  g_return_val_if_fail (part_args_ok (part, copy), OCTA_PLOCK_NONE);
  g_return_val_if_fail (scene < OCTA_N_SCENES && track < OCTA_N_TRACKS, OCTA_PLOCK_NONE);
  g_return_val_if_fail (param < OCTA_N_PLOCK_PARAMS, OCTA_PLOCK_NONE);

  return octa_image_get_u8 (bank->image, scene_lock_offset (part, copy, scene, track, param));
}

void
octa_bank_file_set_scene_lock (OctaBankFile *bank,
                               guint         part,
                               OctaPartCopy  copy,
                               guint         scene,
                               guint         track,
                               guint         param,
                               guint8        value)
{
  g_return_if_fail (bank != NULL);
  g_return_if_fail (part_args_ok (part, copy));
  g_return_if_fail (scene < OCTA_N_SCENES && track < OCTA_N_TRACKS);
  g_return_if_fail (param < OCTA_N_PLOCK_PARAMS);

  octa_image_set_u8 (bank->image, scene_lock_offset (part, copy, scene, track, param), value);
}

static gsize
xlv_offset (guint        part,
            OctaPartCopy copy,
            guint        scene,
            guint        index)
{
  return part_base (part, copy) + PART_XLV_REL + (gsize) PART_XLV_SIZE * scene + index;
}

/**
 * octa_bank_file_get_xlv:
 * @bank: a bank
 * @part: 0…3
 * @copy: the unsaved (working) or the saved copy
 * @scene: 0…15
 * @index: 0…7 = crossfader volume of T1…T8, 8…9 unknown
 *
 * Returns: the locked value, or %OCTA_PLOCK_NONE
 */
guint8
octa_bank_file_get_xlv (const OctaBankFile *bank,
                        guint               part,
                        OctaPartCopy        copy,
                        guint               scene,
                        guint               index)
{
  g_return_val_if_fail (bank != NULL, OCTA_PLOCK_NONE);
  g_return_val_if_fail (part_args_ok (part, copy), OCTA_PLOCK_NONE);
  g_return_val_if_fail (scene < OCTA_N_SCENES && index < PART_XLV_SIZE, OCTA_PLOCK_NONE);

  return octa_image_get_u8 (bank->image, xlv_offset (part, copy, scene, index));
}

void
octa_bank_file_set_xlv (OctaBankFile *bank,
                        guint         part,
                        OctaPartCopy  copy,
                        guint         scene,
                        guint         index,
                        guint8        value)
{
  g_return_if_fail (bank != NULL);
  g_return_if_fail (part_args_ok (part, copy));
  g_return_if_fail (scene < OCTA_N_SCENES && index < PART_XLV_SIZE);

  octa_image_set_u8 (bank->image, xlv_offset (part, copy, scene, index), value);
}

/**
 * octa_bank_file_part_equal:
 * @bank: a bank
 * @part: 0…3
 *
 * Returns: whether the unsaved copy of @part equals its saved copy
 */
gboolean
octa_bank_file_part_equal (const OctaBankFile *bank,
                           guint               part)
{
  g_return_val_if_fail (bank != NULL, FALSE);
  g_return_val_if_fail (part < OCTA_N_PARTS, FALSE);

  return memcmp (bank->image->data + part_base (part, OCTA_PART_UNSAVED),
                 bank->image->data + part_base (part, OCTA_PART_SAVED),
                 PART_SIZE) == 0;
}

/**
 * octa_bank_file_copy_part:
 * @bank: a bank
 * @part: 0…3
 * @from: the copy to read
 * @to: the copy to overwrite
 *
 * Copies a whole part block, as the device's SAVE PART (unsaved → saved)
 * and RELOAD PART (saved → unsaved) do. The trailer flags are left alone.
 */
void
octa_bank_file_copy_part (OctaBankFile *bank,
                          guint         part,
                          OctaPartCopy  from,
                          OctaPartCopy  to)
{
  g_return_if_fail (bank != NULL);
  g_return_if_fail (part_args_ok (part, from));
  g_return_if_fail (part_args_ok (part, to));

  if (from == to)
    return;

  octa_image_set_bytes (bank->image, part_base (part, to),
                        bank->image->data + part_base (part, from), PART_SIZE);
}

/* Trailer */

/**
 * octa_bank_file_get_part_saved_state:
 * @bank: a bank
 * @part: 0…3
 *
 * Returns: 1 when the part has a saved copy for RELOAD, else 0 (as stored)
 */
guint8
octa_bank_file_get_part_saved_state (const OctaBankFile *bank,
                                     guint               part)
{
  g_return_val_if_fail (bank != NULL, 0);
  g_return_val_if_fail (part < OCTA_N_PARTS, 0);

  return octa_image_get_u8 (bank->image, TRAILER_SAVED_STATE + part);
}

void
octa_bank_file_set_part_saved_state (OctaBankFile *bank,
                                     guint         part,
                                     guint8        state)
{
  g_return_if_fail (bank != NULL);
  g_return_if_fail (part < OCTA_N_PARTS);

  octa_image_set_u8 (bank->image, TRAILER_SAVED_STATE + part, state);
}

/**
 * octa_bank_file_get_parts_edited_mask:
 * @bank: a bank
 *
 * Returns: bit k set = part k edited since it was saved
 */
guint8
octa_bank_file_get_parts_edited_mask (const OctaBankFile *bank)
{
  g_return_val_if_fail (bank != NULL, 0);

  return octa_image_get_u8 (bank->image, TRAILER_EDITED_MASK);
}

void
octa_bank_file_set_parts_edited_mask (OctaBankFile *bank,
                                      guint8        mask)
{
  g_return_if_fail (bank != NULL);

  octa_image_set_u8 (bank->image, TRAILER_EDITED_MASK, mask);
}

/**
 * octa_bank_file_dup_part_name:
 * @bank: a bank
 * @part: 0…3
 *
 * Returns: (transfer full): the part's name: the bytes before the first NUL,
 *   at most 7, with anything but printable ASCII shown as `?`
 */
char *
octa_bank_file_dup_part_name (const OctaBankFile *bank,
                              guint               part)
{
  g_return_val_if_fail (bank != NULL, NULL);
  g_return_val_if_fail (part < OCTA_N_PARTS, NULL);

  return _octa_image_dup_text (bank->image->data + TRAILER_NAMES + (gsize) PART_NAME_SIZE * part,
                               PART_NAME_SIZE);
}

/**
 * octa_bank_file_set_part_name:
 * @bank: a bank
 * @part: 0…3
 * @name: 1…6 printable ASCII characters (the device shows upper case)
 * @error: return location for a #GError
 *
 * Writes the name and one NUL. The bytes after the NUL stay as they are,
 * as on the device, which never clears them.
 *
 * Returns: %FALSE with %OCTA_CODEC_ERROR_INVALID_VALUE if @name cannot be
 *   stored
 */
gboolean
octa_bank_file_set_part_name (OctaBankFile  *bank,
                              guint          part,
                              const char    *name,
                              GError       **error)
{
  gsize len;

  g_return_val_if_fail (bank != NULL, FALSE);
  g_return_val_if_fail (part < OCTA_N_PARTS, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  len = strlen (name);
  if (len == 0 || len > PART_NAME_MAX_CHARS)
    {
      g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_INVALID_VALUE,
                   "%s: part %u name must have 1 to %u characters, \"%s\" has %" G_GSIZE_FORMAT,
                   bank->image->name, part + 1, PART_NAME_MAX_CHARS, name, len);
      return FALSE;
    }

  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isprint (name[i]))
      {
        g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_INVALID_VALUE,
                     "%s: part %u name may hold only printable ASCII characters",
                     bank->image->name, part + 1);
        return FALSE;
      }

  octa_image_set_bytes (bank->image, TRAILER_NAMES + (gsize) PART_NAME_SIZE * part,
                        (const guint8 *) name, len + 1);
  return TRUE;
}

/**
 * octa_bank_file_get_part_name_raw:
 * @bank: a bank
 * @part: 0…3
 *
 * Returns: (array fixed-size=7) (transfer none): the name field as stored,
 *   stale bytes after the NUL included
 */
const guint8 *
octa_bank_file_get_part_name_raw (const OctaBankFile *bank,
                                  guint               part)
{
  g_return_val_if_fail (bank != NULL, NULL);
  g_return_val_if_fail (part < OCTA_N_PARTS, NULL);

  return bank->image->data + TRAILER_NAMES + (gsize) PART_NAME_SIZE * part;
}
