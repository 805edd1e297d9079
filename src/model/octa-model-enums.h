/* SPDX-License-Identifier: MIT */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * OctaMachineKind:
 * @OCTA_MACHINE_KIND_STATIC: Static machine (plays from the Static slots)
 * @OCTA_MACHINE_KIND_FLEX: Flex machine (plays from RAM: Flex slots and recorder buffers)
 * @OCTA_MACHINE_KIND_THRU: Thru machine (the inputs)
 * @OCTA_MACHINE_KIND_NEIGHBOR: Neighbor machine (the previous track)
 * @OCTA_MACHINE_KIND_PICKUP: Pickup machine (looper)
 *
 * The machine an audio track plays, as stored in a part.
 */
typedef enum
{
  OCTA_MACHINE_KIND_STATIC = 0,
  OCTA_MACHINE_KIND_FLEX = 1,
  OCTA_MACHINE_KIND_THRU = 2,
  OCTA_MACHINE_KIND_NEIGHBOR = 3,
  OCTA_MACHINE_KIND_PICKUP = 4,
} OctaMachineKind;

/**
 * OctaTrigCondition:
 *
 * A trig condition: FILL, PRE, NEI, 1ST and their negations, a probability,
 * or an A:B loop condition. The value is what the file stores (0…64).
 */
typedef enum
{
  OCTA_TRIG_CONDITION_NONE = 0,
  OCTA_TRIG_CONDITION_FILL = 1,
  OCTA_TRIG_CONDITION_NOT_FILL = 2,
  OCTA_TRIG_CONDITION_PRE = 3,
  OCTA_TRIG_CONDITION_NOT_PRE = 4,
  OCTA_TRIG_CONDITION_NEI = 5,
  OCTA_TRIG_CONDITION_NOT_NEI = 6,
  OCTA_TRIG_CONDITION_FIRST = 7,
  OCTA_TRIG_CONDITION_NOT_FIRST = 8,
  OCTA_TRIG_CONDITION_PERCENT_1 = 9,
  OCTA_TRIG_CONDITION_PERCENT_2 = 10,
  OCTA_TRIG_CONDITION_PERCENT_4 = 11,
  OCTA_TRIG_CONDITION_PERCENT_6 = 12,
  OCTA_TRIG_CONDITION_PERCENT_9 = 13,
  OCTA_TRIG_CONDITION_PERCENT_13 = 14,
  OCTA_TRIG_CONDITION_PERCENT_19 = 15,
  OCTA_TRIG_CONDITION_PERCENT_25 = 16,
  OCTA_TRIG_CONDITION_PERCENT_33 = 17,
  OCTA_TRIG_CONDITION_PERCENT_41 = 18,
  OCTA_TRIG_CONDITION_PERCENT_50 = 19,
  OCTA_TRIG_CONDITION_PERCENT_59 = 20,
  OCTA_TRIG_CONDITION_PERCENT_67 = 21,
  OCTA_TRIG_CONDITION_PERCENT_75 = 22,
  OCTA_TRIG_CONDITION_PERCENT_81 = 23,
  OCTA_TRIG_CONDITION_PERCENT_87 = 24,
  OCTA_TRIG_CONDITION_PERCENT_91 = 25,
  OCTA_TRIG_CONDITION_PERCENT_94 = 26,
  OCTA_TRIG_CONDITION_PERCENT_96 = 27,
  OCTA_TRIG_CONDITION_PERCENT_98 = 28,
  OCTA_TRIG_CONDITION_PERCENT_99 = 29,
  OCTA_TRIG_CONDITION_1_2 = 30,
  OCTA_TRIG_CONDITION_2_2 = 31,
  OCTA_TRIG_CONDITION_1_3 = 32,
  OCTA_TRIG_CONDITION_2_3 = 33,
  OCTA_TRIG_CONDITION_3_3 = 34,
  OCTA_TRIG_CONDITION_1_4 = 35,
  OCTA_TRIG_CONDITION_2_4 = 36,
  OCTA_TRIG_CONDITION_3_4 = 37,
  OCTA_TRIG_CONDITION_4_4 = 38,
  OCTA_TRIG_CONDITION_1_5 = 39,
  OCTA_TRIG_CONDITION_2_5 = 40,
  OCTA_TRIG_CONDITION_3_5 = 41,
  OCTA_TRIG_CONDITION_4_5 = 42,
  OCTA_TRIG_CONDITION_5_5 = 43,
  OCTA_TRIG_CONDITION_1_6 = 44,
  OCTA_TRIG_CONDITION_2_6 = 45,
  OCTA_TRIG_CONDITION_3_6 = 46,
  OCTA_TRIG_CONDITION_4_6 = 47,
  OCTA_TRIG_CONDITION_5_6 = 48,
  OCTA_TRIG_CONDITION_6_6 = 49,
  OCTA_TRIG_CONDITION_1_7 = 50,
  OCTA_TRIG_CONDITION_2_7 = 51,
  OCTA_TRIG_CONDITION_3_7 = 52,
  OCTA_TRIG_CONDITION_4_7 = 53,
  OCTA_TRIG_CONDITION_5_7 = 54,
  OCTA_TRIG_CONDITION_6_7 = 55,
  OCTA_TRIG_CONDITION_7_7 = 56,
  OCTA_TRIG_CONDITION_1_8 = 57,
  OCTA_TRIG_CONDITION_2_8 = 58,
  OCTA_TRIG_CONDITION_3_8 = 59,
  OCTA_TRIG_CONDITION_4_8 = 60,
  OCTA_TRIG_CONDITION_5_8 = 61,
  OCTA_TRIG_CONDITION_6_8 = 62,
  OCTA_TRIG_CONDITION_7_8 = 63,
  OCTA_TRIG_CONDITION_8_8 = 64,
} OctaTrigCondition;

/**
 * OctaScale:
 * @OCTA_SCALE_2X: 2x
 * @OCTA_SCALE_3_2X: 3/2x
 * @OCTA_SCALE_1X: 1x (default)
 * @OCTA_SCALE_3_4X: 3/4x
 * @OCTA_SCALE_1_2X: 1/2x
 * @OCTA_SCALE_1_4X: 1/4x
 * @OCTA_SCALE_1_8X: 1/8x
 *
 * A pattern's or track's tempo multiplier.
 */
typedef enum
{
  OCTA_SCALE_2X = 0,
  OCTA_SCALE_3_2X = 1,
  OCTA_SCALE_1X = 2,
  OCTA_SCALE_3_4X = 3,
  OCTA_SCALE_1_2X = 4,
  OCTA_SCALE_1_4X = 5,
  OCTA_SCALE_1_8X = 6,
} OctaScale;

/**
 * OctaScaleMode:
 * @OCTA_SCALE_MODE_NORMAL: every track follows the pattern's length and scale
 * @OCTA_SCALE_MODE_PER_TRACK: each track has its own length and scale
 */
typedef enum
{
  OCTA_SCALE_MODE_NORMAL = 0,
  OCTA_SCALE_MODE_PER_TRACK = 1,
} OctaScaleMode;

/**
 * OctaTrigMode:
 * @OCTA_TRIG_MODE_ONE: ONE
 * @OCTA_TRIG_MODE_ONE2: ONE2
 * @OCTA_TRIG_MODE_HOLD: HOLD
 */
typedef enum
{
  OCTA_TRIG_MODE_ONE = 0,
  OCTA_TRIG_MODE_ONE2 = 1,
  OCTA_TRIG_MODE_HOLD = 2,
} OctaTrigMode;

/**
 * OctaTrigQuantization:
 *
 * A track's trig quantisation: the pattern length, a number of steps, or
 * DIRECT.
 */
typedef enum
{
  OCTA_TRIG_QUANTIZATION_PATTERN_LENGTH = 0,
  OCTA_TRIG_QUANTIZATION_1 = 1,
  OCTA_TRIG_QUANTIZATION_2 = 2,
  OCTA_TRIG_QUANTIZATION_3 = 3,
  OCTA_TRIG_QUANTIZATION_4 = 4,
  OCTA_TRIG_QUANTIZATION_6 = 5,
  OCTA_TRIG_QUANTIZATION_8 = 6,
  OCTA_TRIG_QUANTIZATION_12 = 7,
  OCTA_TRIG_QUANTIZATION_16 = 8,
  OCTA_TRIG_QUANTIZATION_24 = 9,
  OCTA_TRIG_QUANTIZATION_32 = 10,
  OCTA_TRIG_QUANTIZATION_48 = 11,
  OCTA_TRIG_QUANTIZATION_64 = 12,
  OCTA_TRIG_QUANTIZATION_96 = 13,
  OCTA_TRIG_QUANTIZATION_128 = 14,
  OCTA_TRIG_QUANTIZATION_192 = 15,
  OCTA_TRIG_QUANTIZATION_256 = 16,
  OCTA_TRIG_QUANTIZATION_DIRECT = 255,
} OctaTrigQuantization;

/**
 * OctaFxType:
 *
 * The effect in a track's FX1 or FX2 slot, with the id the file stores.
 * DELAY and the three reverbs only fit FX2.
 */
typedef enum
{
  OCTA_FX_TYPE_OFF = 0,
  OCTA_FX_TYPE_FILTER = 4,
  OCTA_FX_TYPE_SPATIALIZER = 5,
  OCTA_FX_TYPE_DELAY = 8,
  OCTA_FX_TYPE_EQ = 12,
  OCTA_FX_TYPE_DJ_EQ = 13,
  OCTA_FX_TYPE_PHASER = 16,
  OCTA_FX_TYPE_FLANGER = 17,
  OCTA_FX_TYPE_CHORUS = 18,
  OCTA_FX_TYPE_COMB_FILTER = 19,
  OCTA_FX_TYPE_PLATE_REVERB = 20,
  OCTA_FX_TYPE_SPRING_REVERB = 21,
  OCTA_FX_TYPE_DARK_REVERB = 22,
  OCTA_FX_TYPE_COMPRESSOR = 24,
  OCTA_FX_TYPE_LOFI = 28,
} OctaFxType;

/**
 * OctaFxEnvTrig:
 * @OCTA_FX_ENV_TRIG_ANLG: ANLG
 * @OCTA_FX_ENV_TRIG_RTRG: RTRG
 * @OCTA_FX_ENV_TRIG_R_T: R+T
 * @OCTA_FX_ENV_TRIG_TTRG: TTRG
 *
 * How the AMP setup page triggers an FX envelope.
 */
typedef enum
{
  OCTA_FX_ENV_TRIG_ANLG = 0,
  OCTA_FX_ENV_TRIG_RTRG = 1,
  OCTA_FX_ENV_TRIG_R_T = 2,
  OCTA_FX_ENV_TRIG_TTRG = 3,
} OctaFxEnvTrig;

/**
 * OctaSlotKind:
 * @OCTA_SLOT_KIND_FLEX: a Flex sample slot (1…128)
 * @OCTA_SLOT_KIND_STATIC: a Static sample slot (1…128)
 * @OCTA_SLOT_KIND_RECORDER: a recorder buffer (1…8)
 */
typedef enum
{
  OCTA_SLOT_KIND_FLEX,
  OCTA_SLOT_KIND_STATIC,
  OCTA_SLOT_KIND_RECORDER,
} OctaSlotKind;

/**
 * OctaTimestretch:
 * @OCTA_TIMESTRETCH_OFF: OFF
 * @OCTA_TIMESTRETCH_NORMAL: NORMAL
 * @OCTA_TIMESTRETCH_BEAT: BEAT
 */
typedef enum
{
  OCTA_TIMESTRETCH_OFF = 0,
  OCTA_TIMESTRETCH_NORMAL = 2,
  OCTA_TIMESTRETCH_BEAT = 3,
} OctaTimestretch;

/**
 * OctaLoopMode:
 * @OCTA_LOOP_MODE_OFF: OFF
 * @OCTA_LOOP_MODE_NORMAL: NORMAL
 * @OCTA_LOOP_MODE_PING_PONG: PING-PONG
 */
typedef enum
{
  OCTA_LOOP_MODE_OFF = 0,
  OCTA_LOOP_MODE_NORMAL = 1,
  OCTA_LOOP_MODE_PING_PONG = 2,
} OctaLoopMode;

/**
 * OctaSaveMode:
 * @OCTA_SAVE_MODE_WORKING: write the working state only (`.work` files),
 *   like the device's SYNC TO CARD
 * @OCTA_SAVE_MODE_DEVICE: write the working state and store it as the saved
 *   state (`.work` and `.strd`), like the device's PROJECT ▸ SAVE
 */
typedef enum
{
  OCTA_SAVE_MODE_WORKING,
  OCTA_SAVE_MODE_DEVICE,
} OctaSaveMode;

/**
 * OctaProjectLoadFlags:
 * @OCTA_PROJECT_LOAD_FLAGS_NONE: refuse the project when any file is damaged
 * @OCTA_PROJECT_LOAD_FLAGS_OPEN_DAMAGED: open what can be opened: a damaged
 *   bank, markers or arrangement file (or `project.strd`) is left unread and
 *   listed by octa_project_dup_problem_files(); only a damaged
 *   `project.work` still refuses the project
 */
typedef enum
{
  OCTA_PROJECT_LOAD_FLAGS_NONE = 0,
  OCTA_PROJECT_LOAD_FLAGS_OPEN_DAMAGED = 1 << 0,
} OctaProjectLoadFlags;

/**
 * OctaSaveFlags:
 * @OCTA_SAVE_FLAGS_NONE: refuse to overwrite files changed by another program
 * @OCTA_SAVE_FLAGS_FORCE: overwrite them anyway
 */
typedef enum
{
  OCTA_SAVE_FLAGS_NONE = 0,
  OCTA_SAVE_FLAGS_FORCE = 1 << 0,
} OctaSaveFlags;

/**
 * OctaTrigType:
 * @OCTA_TRIG_TYPE_TRIGGER: sample trigs (audio) or note trigs (MIDI)
 * @OCTA_TRIG_TYPE_TRIGLESS: trigless trigs
 * @OCTA_TRIG_TYPE_LOCK: lock trigs
 * @OCTA_TRIG_TYPE_ONESHOT: one-shot trigs (audio)
 * @OCTA_TRIG_TYPE_SWING: swing trigs
 * @OCTA_TRIG_TYPE_SLIDE: slide trigs (audio)
 * @OCTA_TRIG_TYPE_RECORDER_1: recorder trigs, first mask (audio)
 * @OCTA_TRIG_TYPE_RECORDER_2: recorder trigs, second mask (audio)
 * @OCTA_TRIG_TYPE_RECORDER_3: recorder trigs, third mask (audio)
 * @OCTA_TRIG_TYPE_RECORDER_4: recorder trigs, fourth mask (audio)
 * @OCTA_TRIG_TYPE_MIDI_UNKNOWN: the MIDI track's fifth mask, meaning unknown
 *
 * The kinds of trig a step can hold, one bit mask each in the file.
 */
typedef enum
{
  OCTA_TRIG_TYPE_TRIGGER,
  OCTA_TRIG_TYPE_TRIGLESS,
  OCTA_TRIG_TYPE_LOCK,
  OCTA_TRIG_TYPE_ONESHOT,
  OCTA_TRIG_TYPE_SWING,
  OCTA_TRIG_TYPE_SLIDE,
  OCTA_TRIG_TYPE_RECORDER_1,
  OCTA_TRIG_TYPE_RECORDER_2,
  OCTA_TRIG_TYPE_RECORDER_3,
  OCTA_TRIG_TYPE_RECORDER_4,
  OCTA_TRIG_TYPE_MIDI_UNKNOWN,
} OctaTrigType;

const char *octa_trig_condition_to_string      (OctaTrigCondition     condition);
const char *octa_scale_to_string               (OctaScale             scale);
const char *octa_trig_quantization_to_string   (OctaTrigQuantization  quantization);
const char *octa_fx_type_to_string             (OctaFxType            type);
const char *octa_machine_kind_to_string        (OctaMachineKind       kind);

G_END_DECLS
