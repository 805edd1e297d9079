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
 *
 * How a locked value reads on the device.
 */
typedef enum
{
  OCTA_PLOCK_FORMAT_RAW,
  OCTA_PLOCK_FORMAT_BIPOLAR,
  OCTA_PLOCK_FORMAT_NOTE,
  OCTA_PLOCK_FORMAT_UNKNOWN,
} OctaPlockFormat;

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
const char  *octa_plock_base_property       (gboolean         midi,
                                             OctaMachineKind  machine,
                                             guint            param);
guint        octa_plock_panel_param         (gboolean         midi,
                                             guint            position);
char        *octa_plock_format_value        (OctaPlockFormat  format,
                                             gint             value);
char        *octa_plock_name_describe       (const OctaPlockName *name,
                                             gint             value);
const char  *octa_fx_param_abbrev           (OctaFxType       type,
                                             guint            index);
char        *octa_midi_note_name            (guint            note);
const char  *octa_machine_kind_letter       (OctaMachineKind  machine);
const char  *octa_machine_kind_display_name (OctaMachineKind  machine);
char        *octa_sample_slot_label         (OctaMachineKind  machine,
                                             guint            slot);

G_END_DECLS
