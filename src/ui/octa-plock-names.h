/* SPDX-License-Identifier: MIT */
#pragma once

#include <glib.h>

#include "octa.h"

G_BEGIN_DECLS

/* A step's lock record has 32 bytes; bytes 30 and 31 are special. */
#define OCTA_PLOCK_N_NAMED        30
#define OCTA_PLOCK_SAMPLE_LOCK    31

/**
 * OctaPlockFormat:
 * @OCTA_PLOCK_FORMAT_RAW: the encoder value 0…127, as the device shows it
 * @OCTA_PLOCK_FORMAT_BIPOLAR: 64 is zero: "+12", "−64"
 * @OCTA_PLOCK_FORMAT_NOTE: a MIDI note name, C-1 = 0
 * @OCTA_PLOCK_FORMAT_UNKNOWN: a byte whose meaning is not known: "#7"
 * @OCTA_PLOCK_FORMAT_ENV_TRIG: an FX envelope trigger: ANLG, RTRG, R+T, TTRG
 * @OCTA_PLOCK_FORMAT_OFF_128: a MIDI bank or program, 128 is OFF
 * @OCTA_PLOCK_FORMAT_FLEX_SLOT: a Flex slot 1…128, recorder buffers "R1"…"R8"
 * @OCTA_PLOCK_FORMAT_STATIC_SLOT: a Static slot 1…128
 * @OCTA_PLOCK_FORMAT_REC_TRIG: a recorder trig mode: ONE, ONE2, HOLD
 * @OCTA_PLOCK_FORMAT_OFF_255: a recorder quantisation, 255 is OFF
 * @OCTA_PLOCK_FORMAT_MACHINE: an #OctaMachineKind: FLEX, STATIC, THRU,
 *   NEIGHBOR, PICKUP
 * @OCTA_PLOCK_FORMAT_FX_TYPE: an #OctaFxType: FILTER … OFF
 * @OCTA_PLOCK_FORMAT_LOOP_MODE: a slot's #OctaLoopMode: OFF, NORMAL, PING-PONG
 * @OCTA_PLOCK_FORMAT_TIMESTRETCH: a slot's #OctaTimestretch: OFF, NORMAL, BEAT
 * @OCTA_PLOCK_FORMAT_GAIN: a slot's gain 0…96, 48 is "+0.0 dB"
 * @OCTA_PLOCK_FORMAT_TRIG_QUANT: a slot's trig quantisation: −1 DIRECT,
 *   0 PATTERN LEN, 1…16 the steps
 * @OCTA_PLOCK_FORMAT_BPM_X24: a slot's tempo × 24: "120.00"
 * @OCTA_PLOCK_FORMAT_BARS_X100: a slot's length in bars × 100: "4.00"
 *
 * How a locked value reads on the device.
 */
typedef enum
{
  OCTA_PLOCK_FORMAT_RAW,
  OCTA_PLOCK_FORMAT_BIPOLAR,
  OCTA_PLOCK_FORMAT_NOTE,
  OCTA_PLOCK_FORMAT_UNKNOWN,
  OCTA_PLOCK_FORMAT_ENV_TRIG,
  OCTA_PLOCK_FORMAT_OFF_128,
  OCTA_PLOCK_FORMAT_FLEX_SLOT,
  OCTA_PLOCK_FORMAT_STATIC_SLOT,
  OCTA_PLOCK_FORMAT_REC_TRIG,
  OCTA_PLOCK_FORMAT_OFF_255,
  OCTA_PLOCK_FORMAT_MACHINE,
  OCTA_PLOCK_FORMAT_FX_TYPE,
  OCTA_PLOCK_FORMAT_LOOP_MODE,
  OCTA_PLOCK_FORMAT_TIMESTRETCH,
  OCTA_PLOCK_FORMAT_GAIN,
  OCTA_PLOCK_FORMAT_TRIG_QUANT,
  OCTA_PLOCK_FORMAT_BPM_X24,
  OCTA_PLOCK_FORMAT_BARS_X100,
} OctaPlockFormat;

/**
 * OctaPartPage:
 * @OCTA_PART_PAGE_SRC: SRC (MIDI: NOTE)
 * @OCTA_PART_PAGE_AMP: AMP (MIDI: ARP)
 * @OCTA_PART_PAGE_LFO: LFO
 * @OCTA_PART_PAGE_FX1: FX1 (MIDI: CTRL1)
 * @OCTA_PART_PAGE_FX2: FX2 (MIDI: CTRL2)
 * @OCTA_PART_PAGE_REC: the recorder setup of an audio track (REC1, REC2);
 *   it has no main values
 *
 * The device's five parameter pages, in panel order.
 */
typedef enum
{
  OCTA_PART_PAGE_SRC,
  OCTA_PART_PAGE_AMP,
  OCTA_PART_PAGE_LFO,
  OCTA_PART_PAGE_FX1,
  OCTA_PART_PAGE_FX2,
  OCTA_PART_PAGE_REC,
} OctaPartPage;

#define OCTA_PART_PAGE_MAX_PARAMS 12

/**
 * OctaPartParam:
 * @property: the part track property holding the value, or %NULL for a
 *   place the device leaves empty
 * @abbrev: the device's abbreviation
 * @name: the full name, translated
 * @format: how the value reads
 * @upper: the largest value the device offers, or 0 for the property's
 * @lock: the byte of a scene's lock record this value can be locked in,
 *   or -1
 *
 * One knob of a part page.
 */
typedef struct
{
  const char      *property;
  const char      *abbrev;
  const char      *name;
  OctaPlockFormat  format;
  gint             upper;
  gint             lock;
} OctaPartParam;

/**
 * OctaPlockName:
 * @param: the byte of the lock record, 0…31
 * @page: the device page: "SRC", "LFO", "AMP", "FX1", "FX2" (MIDI: "NOTE",
 *   "LFO", "ARP", "CTRL1", "CTRL2")
 * @abbrev: the device's abbreviation ("PTCH")
 * @name: the full name for tooltips and screen readers ("Pitch"), translated
 * @format: how the value reads
 */
typedef struct
{
  guint            param;
  const char      *page;
  const char      *abbrev;
  const char      *name;
  OctaPlockFormat  format;
} OctaPlockName;

/**
 * OctaTrackSound:
 * @machine: the machine the part gives an audio track
 * @fx1: the part's FX1 type for the track
 * @fx2: the part's FX2 type for the track
 * @known: whether the values come from the part (%FALSE: defaults)
 *
 * What names an audio track's locks: its machine and effects in the
 * pattern's part.
 */
typedef struct
{
  OctaMachineKind machine;
  OctaFxType      fx1;
  OctaFxType      fx2;
  gboolean        known;
} OctaTrackSound;

void         octa_track_sound_from_part_track (OctaAudioPartTrack *track,
                                               OctaTrackSound     *out);
void         octa_track_sound_lookup        (OctaPattern     *pattern,
                                             guint            track,
                                             OctaTrackSound  *out);
gboolean     octa_plock_name_lookup_audio   (OctaMachineKind  machine,
                                             OctaFxType       fx1,
                                             OctaFxType       fx2,
                                             guint            param,
                                             OctaPlockName   *out);
gboolean     octa_plock_name_lookup_midi    (guint            param,
                                             OctaPlockName   *out);
void         octa_plock_name_lookup         (gboolean         midi,
                                             const OctaTrackSound *sound,
                                             guint            param,
                                             OctaPlockName   *out);
const char  *octa_plock_base_property       (gboolean         midi,
                                             OctaMachineKind  machine,
                                             guint            param);
guint        octa_plock_panel_param         (gboolean         midi,
                                             guint            position);
char        *octa_plock_format_value        (OctaPlockFormat  format,
                                             gint             value);
char        *octa_plock_name_describe       (const OctaPlockName *name,
                                             gint             value);
guint        octa_part_page_params          (gboolean         midi,
                                             OctaMachineKind  machine,
                                             OctaFxType       fx,
                                             OctaPartPage     page,
                                             gboolean         setup,
                                             OctaPartParam   *out);
const char  *octa_part_page_title           (gboolean         midi,
                                             OctaPartPage     page);
gboolean     octa_part_param_lookup         (gboolean         midi,
                                             const OctaTrackSound *sound,
                                             const char      *property,
                                             OctaPartPage    *page,
                                             gboolean        *setup,
                                             OctaPartParam   *out);
char        *octa_part_param_label          (gboolean         midi,
                                             OctaPartPage     page,
                                             gboolean         setup,
                                             const OctaPartParam *param);
gboolean     octa_fx_type_only_fx2          (OctaFxType       type);
gboolean     octa_fx_type_defaults          (OctaFxType       type,
                                             guint8          *values,
                                             guint8          *setup);
const char  *octa_fx_type_display_name      (OctaFxType       type);
const char  *octa_fx_param_abbrev           (OctaFxType       type,
                                             guint            index);
char        *octa_midi_note_name            (guint            note);
const char  *octa_machine_kind_letter       (OctaMachineKind  machine);
const char  *octa_machine_kind_display_name (OctaMachineKind  machine);
char        *octa_sample_slot_label         (OctaMachineKind  machine,
                                             guint            slot);
guint        octa_slot_device_number        (OctaSampleSlot  *slot);
gboolean     octa_slot_drop_check           (OctaSampleSlot  *slot,
                                             const char      *track,
                                             gboolean         midi,
                                             gboolean         has_part,
                                             OctaMachineKind  machine,
                                             int              step,
                                             char           **text);

G_END_DECLS
