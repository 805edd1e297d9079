/* SPDX-License-Identifier: MIT */
#pragma once

#include <glib.h>

#include "octa-image.h"

G_BEGIN_DECLS

/*
 * All indices in the codec API are 0-based: pattern 0–15, track 0–7,
 * step 0–63, part 0–3, scene 0–15. Sample slots are 0-based too
 * (0 = the device's slot 1).
 */
#define OCTA_N_PATTERNS      16
#define OCTA_N_TRACKS         8
#define OCTA_N_STEPS         64
#define OCTA_N_PARTS          4
#define OCTA_N_SCENES        16
#define OCTA_N_PLOCK_PARAMS  32

#define OCTA_PLOCK_NONE     0xFF

typedef struct _OctaBankFile OctaBankFile;

typedef enum
{
  OCTA_TRACK_AUDIO,
  OCTA_TRACK_MIDI,
} OctaTrackType;

/**
 * OctaTrigKind:
 * @OCTA_TRIG_TRIGGER: sample (audio) or note (MIDI) trigs
 * @OCTA_TRIG_TRIGLESS: trigless trigs
 * @OCTA_TRIG_LOCK: lock trigs (p-locks without a trig)
 * @OCTA_TRIG_ONESHOT: one-shot trigs (audio only)
 * @OCTA_TRIG_RECORDER_1: first recorder trig sub-mask (audio only; which
 *   recorder trig kind each sub-mask holds is not known)
 * @OCTA_TRIG_RECORDER_2: second recorder sub-mask (audio only)
 * @OCTA_TRIG_RECORDER_3: third recorder sub-mask (audio only)
 * @OCTA_TRIG_RECORDER_4: fourth recorder sub-mask (audio only)
 * @OCTA_TRIG_SWING: swing trigs
 * @OCTA_TRIG_SLIDE: slide trigs (audio only)
 * @OCTA_TRIG_MIDI_UNKNOWN: the MIDI track's unnamed fifth mask (MIDI only)
 */
typedef enum
{
  OCTA_TRIG_TRIGGER,
  OCTA_TRIG_TRIGLESS,
  OCTA_TRIG_LOCK,
  OCTA_TRIG_ONESHOT,
  OCTA_TRIG_RECORDER_1,
  OCTA_TRIG_RECORDER_2,
  OCTA_TRIG_RECORDER_3,
  OCTA_TRIG_RECORDER_4,
  OCTA_TRIG_SWING,
  OCTA_TRIG_SLIDE,
  OCTA_TRIG_MIDI_UNKNOWN,
  OCTA_N_TRIG_KINDS,
} OctaTrigKind;

/**
 * OctaTrackSetting:
 * Per-track pattern settings, one byte each.
 */
typedef enum
{
  OCTA_TRACK_SETTING_LENGTH,            /* per-track length in PER TRACK mode, 2…64 */
  OCTA_TRACK_SETTING_SCALE,             /* per-track scale code, 0…6 */
  OCTA_TRACK_SETTING_SWING_AMOUNT,      /* 0…30 = 50…80 % */
  OCTA_TRACK_SETTING_START_SILENT,      /* 0xFF device default */
  OCTA_TRACK_SETTING_PLAYS_FREE,        /* 0/1 */
  OCTA_TRACK_SETTING_TRIG_MODE,         /* 0 ONE, 1 ONE2, 2 HOLD */
  OCTA_TRACK_SETTING_TRIG_QUANTIZATION, /* 0 TR.LEN, 1…16, 255 DIRECT */
  OCTA_TRACK_SETTING_ONESHOT,           /* one-shot track 0/1 */
  OCTA_TRACK_SETTING_UNKNOWN_2,         /* audio +97, meaning unknown */
  OCTA_N_TRACK_SETTINGS,
} OctaTrackSetting;

/* Audio p-lock record, one byte per parameter (0xFF = no lock). */
typedef enum
{
  OCTA_AUDIO_PLOCK_SRC1, OCTA_AUDIO_PLOCK_SRC2, OCTA_AUDIO_PLOCK_SRC3,
  OCTA_AUDIO_PLOCK_SRC4, OCTA_AUDIO_PLOCK_SRC5, OCTA_AUDIO_PLOCK_SRC6,
  OCTA_AUDIO_PLOCK_LFO_SPD1, OCTA_AUDIO_PLOCK_LFO_SPD2, OCTA_AUDIO_PLOCK_LFO_SPD3,
  OCTA_AUDIO_PLOCK_LFO_DEP1, OCTA_AUDIO_PLOCK_LFO_DEP2, OCTA_AUDIO_PLOCK_LFO_DEP3,
  OCTA_AUDIO_PLOCK_AMP_ATK, OCTA_AUDIO_PLOCK_AMP_HOLD, OCTA_AUDIO_PLOCK_AMP_REL,
  OCTA_AUDIO_PLOCK_AMP_VOL, OCTA_AUDIO_PLOCK_AMP_BAL, OCTA_AUDIO_PLOCK_AMP_F,
  OCTA_AUDIO_PLOCK_FX1_1, OCTA_AUDIO_PLOCK_FX1_2, OCTA_AUDIO_PLOCK_FX1_3,
  OCTA_AUDIO_PLOCK_FX1_4, OCTA_AUDIO_PLOCK_FX1_5, OCTA_AUDIO_PLOCK_FX1_6,
  OCTA_AUDIO_PLOCK_FX2_1, OCTA_AUDIO_PLOCK_FX2_2, OCTA_AUDIO_PLOCK_FX2_3,
  OCTA_AUDIO_PLOCK_FX2_4, OCTA_AUDIO_PLOCK_FX2_5, OCTA_AUDIO_PLOCK_FX2_6,
  OCTA_AUDIO_PLOCK_UNKNOWN_30,
  OCTA_AUDIO_PLOCK_SAMPLE_LOCK,
} OctaAudioPlock;

/* MIDI p-lock record. */
typedef enum
{
  OCTA_MIDI_PLOCK_NOTE, OCTA_MIDI_PLOCK_VEL, OCTA_MIDI_PLOCK_LEN,
  OCTA_MIDI_PLOCK_NOT2, OCTA_MIDI_PLOCK_NOT3, OCTA_MIDI_PLOCK_NOT4,
  OCTA_MIDI_PLOCK_LFO_SPD1, OCTA_MIDI_PLOCK_LFO_SPD2, OCTA_MIDI_PLOCK_LFO_SPD3,
  OCTA_MIDI_PLOCK_LFO_DEP1, OCTA_MIDI_PLOCK_LFO_DEP2, OCTA_MIDI_PLOCK_LFO_DEP3,
  OCTA_MIDI_PLOCK_ARP_TRAN, OCTA_MIDI_PLOCK_ARP_LEG, OCTA_MIDI_PLOCK_ARP_MODE,
  OCTA_MIDI_PLOCK_ARP_SPD, OCTA_MIDI_PLOCK_ARP_RNGE, OCTA_MIDI_PLOCK_ARP_NLEN,
  OCTA_MIDI_PLOCK_PB, OCTA_MIDI_PLOCK_AT, OCTA_MIDI_PLOCK_CC1,
  OCTA_MIDI_PLOCK_CC2, OCTA_MIDI_PLOCK_CC3, OCTA_MIDI_PLOCK_CC4,
  OCTA_MIDI_PLOCK_CC5, OCTA_MIDI_PLOCK_CC6, OCTA_MIDI_PLOCK_CC7,
  OCTA_MIDI_PLOCK_CC8, OCTA_MIDI_PLOCK_CC9, OCTA_MIDI_PLOCK_CC10,
  OCTA_MIDI_PLOCK_UNKNOWN_30,
  OCTA_MIDI_PLOCK_UNKNOWN_31,
} OctaMidiPlock;

typedef enum
{
  OCTA_PART_UNSAVED = 0,
  OCTA_PART_SAVED = 1,
} OctaPartCopy;

/**
 * OctaPartArea:
 *
 * The regions of a part block. Each area has a number of tracks (8, or 1 for
 * part-wide areas) and a width in bytes per track; a value is addressed by
 * (area, track, index). See octa_part_area_n_tracks() and
 * octa_part_area_width().
 */
typedef enum
{
  OCTA_PART_AREA_UNKNOWN_4,       /* 1 × 4: rel 4, always zero */
  OCTA_PART_AREA_FX1_TYPE,        /* 8 × 1 */
  OCTA_PART_AREA_FX2_TYPE,        /* 8 × 1 */
  OCTA_PART_AREA_ACTIVE_SCENES,   /* 1 × 2: scene A, scene B */
  OCTA_PART_AREA_LEVELS,          /* 8 × 2: MAIN, CUE */
  OCTA_PART_AREA_MACHINE,         /* 8 × 1: OctaMachineType */
  OCTA_PART_AREA_SRC,             /* 8 × 30: 5 machines × 6 params */
  OCTA_PART_AREA_VALUES,          /* 8 × 24: LFO, AMP, FX1, FX2 */
  OCTA_PART_AREA_SRC_SETUP,       /* 8 × 30: 5 machines × 6 setup values */
  OCTA_PART_AREA_SLOTS,           /* 8 × 5: static, flex, -, -, recorder */
  OCTA_PART_AREA_SETUP,           /* 8 × 30: LFO setup 1, AMP, FX1, FX2 setup, LFO setup 2 */
  OCTA_PART_AREA_MIDI_VALUES,     /* 8 × 32 */
  OCTA_PART_AREA_MIDI_SETUP,      /* 8 × 36 */
  OCTA_PART_AREA_RECORDER,        /* 8 × 12 */
  OCTA_PART_AREA_LFO_DESIGN,      /* 8 × 16, audio tracks */
  OCTA_PART_AREA_LFO_INTERP,      /* 8 × 2, audio tracks */
  OCTA_PART_AREA_MIDI_LFO_DESIGN, /* 8 × 16 */
  OCTA_PART_AREA_MIDI_LFO_INTERP, /* 8 × 2 */
  OCTA_PART_AREA_ARP_MUTES,       /* 8 × 2 */
  OCTA_PART_AREA_ARP_SEQUENCE,    /* 8 × 16 */
  OCTA_N_PART_AREAS,
} OctaPartArea;

typedef enum
{
  OCTA_MACHINE_STATIC = 0,
  OCTA_MACHINE_FLEX = 1,
  OCTA_MACHINE_THRU = 2,
  OCTA_MACHINE_NEIGHBOR = 3,
  OCTA_MACHINE_PICKUP = 4,
} OctaMachineType;

/* Offsets inside a bank, from spec §2.8; exposed for tests and the diff. */
gsize          octa_bank_pattern_offset        (guint pattern);
gsize          octa_bank_track_offset          (guint pattern,
                                                OctaTrackType type,
                                                guint track);
gsize          octa_bank_part_offset           (guint part,
                                                OctaPartCopy copy);
gsize          octa_bank_trig_mask_offset      (guint pattern,
                                                OctaTrackType type,
                                                guint track,
                                                OctaTrigKind kind);
gsize          octa_bank_plock_offset          (guint pattern,
                                                OctaTrackType type,
                                                guint track,
                                                guint step,
                                                guint param);
gsize          octa_bank_step_timing_offset    (guint pattern,
                                                OctaTrackType type,
                                                guint track,
                                                guint step);
gboolean       octa_trig_kind_valid_for        (OctaTrigKind kind,
                                                OctaTrackType type);
const char    *octa_trig_kind_to_string        (OctaTrigKind kind);
guint          octa_part_area_n_tracks         (OctaPartArea area);
guint          octa_part_area_width            (OctaPartArea area);
/* relative to the start of a part block; add octa_bank_part_offset() */
gsize          octa_part_area_offset           (OctaPartArea area,
                                                guint track,
                                                guint index);
const char    *octa_part_area_to_string        (OctaPartArea area);

/* Step timing byte pair (spec §2.2.3) */
void           octa_step_timing_decode         (const guint8 raw[2],
                                                guint *repeats,
                                                gint *micro,
                                                guint *condition);
void           octa_step_timing_encode         (guint repeats,
                                                gint micro,
                                                guint condition,
                                                guint8 raw[2]);

/* Lifecycle */
OctaBankFile  *octa_bank_file_new_blank        (const char *name);
OctaBankFile  *octa_bank_file_new_from_data    (const guint8 *data,
                                                gsize len,
                                                const char *name,
                                                OctaLoadFlags flags,
                                                GError **error);
OctaBankFile  *octa_bank_file_new_take        (guint8 *data,
                                                gsize len,
                                                const char *name,
                                                OctaLoadFlags flags,
                                                GError **error);
gboolean       octa_bank_file_check_structure  (const guint8 *data,
                                                gsize len,
                                                const char *name,
                                                GPtrArray *problems);
OctaBankFile  *octa_bank_file_copy             (const OctaBankFile *bank);
void           octa_bank_file_free             (OctaBankFile *bank);
OctaImage     *octa_bank_file_get_image        (OctaBankFile *bank);
GBytes        *octa_bank_file_encode           (OctaBankFile *bank);

/* Trig masks (big-endian u64, bit n-1 = step n) */
guint64        octa_bank_file_get_trig_mask    (const OctaBankFile *bank,
                                                guint pattern,
                                                OctaTrackType type,
                                                guint track,
                                                OctaTrigKind kind);
void           octa_bank_file_set_trig_mask    (OctaBankFile *bank,
                                                guint pattern,
                                                OctaTrackType type,
                                                guint track,
                                                OctaTrigKind kind,
                                                guint64 mask);
gboolean       octa_bank_file_get_trig         (const OctaBankFile *bank,
                                                guint pattern,
                                                OctaTrackType type,
                                                guint track,
                                                OctaTrigKind kind,
                                                guint step);
void           octa_bank_file_set_trig         (OctaBankFile *bank,
                                                guint pattern,
                                                OctaTrackType type,
                                                guint track,
                                                OctaTrigKind kind,
                                                guint step,
                                                gboolean on);

/* Per-track settings */
guint8         octa_bank_file_get_track_setting (const OctaBankFile *bank,
                                                 guint pattern,
                                                 OctaTrackType type,
                                                 guint track,
                                                 OctaTrackSetting setting);
void           octa_bank_file_set_track_setting (OctaBankFile *bank,
                                                 guint pattern,
                                                 OctaTrackType type,
                                                 guint track,
                                                 OctaTrackSetting setting,
                                                 guint8 value);
/* unknown_1 (4 bytes at +4) and, for audio tracks, unknown_3 (64 bytes at +2146) */
guint8         octa_bank_file_get_track_unknown (const OctaBankFile *bank,
                                                 guint pattern,
                                                 OctaTrackType type,
                                                 guint track,
                                                 guint index);
void           octa_bank_file_set_track_unknown (OctaBankFile *bank,
                                                 guint pattern,
                                                 OctaTrackType type,
                                                 guint track,
                                                 guint index,
                                                 guint8 value);

/* P-locks; param is an OctaAudioPlock or OctaMidiPlock */
guint8         octa_bank_file_get_plock        (const OctaBankFile *bank,
                                                guint pattern,
                                                OctaTrackType type,
                                                guint track,
                                                guint step,
                                                guint param);
void           octa_bank_file_set_plock        (OctaBankFile *bank,
                                                guint pattern,
                                                OctaTrackType type,
                                                guint track,
                                                guint step,
                                                guint param,
                                                guint8 value);
guint          octa_bank_file_count_plocks     (const OctaBankFile *bank,
                                                guint pattern,
                                                OctaTrackType type,
                                                guint track,
                                                guint step);
/* 0-based slot, or -1 for none */
gint           octa_bank_file_get_sample_lock  (const OctaBankFile *bank,
                                                guint pattern,
                                                guint track,
                                                guint step);
void           octa_bank_file_set_sample_lock  (OctaBankFile *bank,
                                                guint pattern,
                                                guint track,
                                                guint step,
                                                gint slot);

/* Repeats (0…7 = 1…8 trigs), micro-timing (−23…+23 in 1/384 step), condition (0…64) */
guint          octa_bank_file_get_repeats      (const OctaBankFile *bank,
                                                guint pattern,
                                                OctaTrackType type,
                                                guint track,
                                                guint step);
void           octa_bank_file_set_repeats      (OctaBankFile *bank,
                                                guint pattern,
                                                OctaTrackType type,
                                                guint track,
                                                guint step,
                                                guint repeats);
gint           octa_bank_file_get_micro_timing (const OctaBankFile *bank,
                                                guint pattern,
                                                OctaTrackType type,
                                                guint track,
                                                guint step);
void           octa_bank_file_set_micro_timing (OctaBankFile *bank,
                                                guint pattern,
                                                OctaTrackType type,
                                                guint track,
                                                guint step,
                                                gint micro);
guint          octa_bank_file_get_condition    (const OctaBankFile *bank,
                                                guint pattern,
                                                OctaTrackType type,
                                                guint track,
                                                guint step);
void           octa_bank_file_set_condition    (OctaBankFile *bank,
                                                guint pattern,
                                                OctaTrackType type,
                                                guint track,
                                                guint step,
                                                guint condition);

/* Pattern tail (spec §2.4) */
guint8         octa_bank_file_get_pattern_length          (const OctaBankFile *bank, guint pattern);
void           octa_bank_file_set_pattern_length          (OctaBankFile *bank, guint pattern, guint8 length);
guint8         octa_bank_file_get_pattern_scale           (const OctaBankFile *bank, guint pattern);
void           octa_bank_file_set_pattern_scale           (OctaBankFile *bank, guint pattern, guint8 scale);
guint16        octa_bank_file_get_pattern_per_track_length (const OctaBankFile *bank, guint pattern);
void           octa_bank_file_set_pattern_per_track_length (OctaBankFile *bank, guint pattern, guint16 length);
guint8         octa_bank_file_get_pattern_per_track_scale (const OctaBankFile *bank, guint pattern);
void           octa_bank_file_set_pattern_per_track_scale (OctaBankFile *bank, guint pattern, guint8 scale);
guint8         octa_bank_file_get_pattern_scale_mode      (const OctaBankFile *bank, guint pattern);
void           octa_bank_file_set_pattern_scale_mode      (OctaBankFile *bank, guint pattern, guint8 mode);
guint8         octa_bank_file_get_pattern_chain_setting   (const OctaBankFile *bank, guint pattern);
void           octa_bank_file_set_pattern_chain_setting   (OctaBankFile *bank, guint pattern, guint8 value);
guint8         octa_bank_file_get_pattern_part            (const OctaBankFile *bank, guint pattern);
void           octa_bank_file_set_pattern_part            (OctaBankFile *bank, guint pattern, guint8 part);
guint16        octa_bank_file_get_pattern_tempo_x24       (const OctaBankFile *bank, guint pattern);
void           octa_bank_file_set_pattern_tempo_x24       (OctaBankFile *bank, guint pattern, guint16 tempo);
/* tail bytes 8 and 9 (index 0, 1), meaning unknown */
guint8         octa_bank_file_get_pattern_tail_unknown    (const OctaBankFile *bank, guint pattern, guint index);
void           octa_bank_file_set_pattern_tail_unknown    (OctaBankFile *bank, guint pattern, guint index, guint8 value);
gboolean       octa_bank_file_pattern_has_trigs           (const OctaBankFile *bank, guint pattern);

/* Parts */
guint8         octa_bank_file_get_part_value   (const OctaBankFile *bank,
                                                guint part,
                                                OctaPartCopy copy,
                                                OctaPartArea area,
                                                guint track,
                                                guint index);
void           octa_bank_file_set_part_value   (OctaBankFile *bank,
                                                guint part,
                                                OctaPartCopy copy,
                                                OctaPartArea area,
                                                guint track,
                                                guint index,
                                                guint8 value);
OctaMachineType octa_bank_file_get_machine     (const OctaBankFile *bank,
                                                guint part,
                                                OctaPartCopy copy,
                                                guint track);
void           octa_bank_file_set_machine      (OctaBankFile *bank,
                                                guint part,
                                                OctaPartCopy copy,
                                                guint track,
                                                OctaMachineType machine);
/* Scene lock records: param 0…31 as in an audio p-lock record */
guint8         octa_bank_file_get_scene_lock   (const OctaBankFile *bank,
                                                guint part,
                                                OctaPartCopy copy,
                                                guint scene,
                                                guint track,
                                                guint param);
void           octa_bank_file_set_scene_lock   (OctaBankFile *bank,
                                                guint part,
                                                OctaPartCopy copy,
                                                guint scene,
                                                guint track,
                                                guint param,
                                                guint8 value);
/* XLV record: index 0…7 = T1…T8 crossfader volume, 8…9 unknown */
guint8         octa_bank_file_get_xlv          (const OctaBankFile *bank,
                                                guint part,
                                                OctaPartCopy copy,
                                                guint scene,
                                                guint index);
void           octa_bank_file_set_xlv          (OctaBankFile *bank,
                                                guint part,
                                                OctaPartCopy copy,
                                                guint scene,
                                                guint index,
                                                guint8 value);
gboolean       octa_bank_file_part_equal       (const OctaBankFile *bank,
                                                guint part);
void           octa_bank_file_copy_part        (OctaBankFile *bank,
                                                guint part,
                                                OctaPartCopy from,
                                                OctaPartCopy to);

/* Trailer (spec §2.6) */
guint8         octa_bank_file_get_part_saved_state (const OctaBankFile *bank, guint part);
void           octa_bank_file_set_part_saved_state (OctaBankFile *bank, guint part, guint8 state);
guint8         octa_bank_file_get_parts_edited_mask (const OctaBankFile *bank);
void           octa_bank_file_set_parts_edited_mask (OctaBankFile *bank, guint8 mask);
char          *octa_bank_file_dup_part_name    (const OctaBankFile *bank,
                                                guint part);
gboolean       octa_bank_file_set_part_name    (OctaBankFile *bank,
                                                guint part,
                                                const char *name,
                                                GError **error);
const guint8  *octa_bank_file_get_part_name_raw (const OctaBankFile *bank,
                                                 guint part);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OctaBankFile, octa_bank_file_free)

G_END_DECLS
