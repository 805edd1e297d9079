/* SPDX-License-Identifier: MIT */
#include <glib/gi18n.h>
#include <string.h>

#include "octa-plock-names.h"

/*
 * Device names of everything a step can lock (spec §2.2.2, §2.3, §2.5.1,
 * §2.5.2 and the FX table of §2.9). Abbreviations stay as the device prints
 * them; the full names are for tooltips and screen readers. A slot the
 * device leaves empty ("–") has no entry, so it is never offered.
 */

typedef struct
{
  const char      *abbrev;
  const char      *name;
  OctaPlockFormat  format;
} Entry;

#define RAW OCTA_PLOCK_FORMAT_RAW
#define BI OCTA_PLOCK_FORMAT_BIPOLAR
#define NOTE OCTA_PLOCK_FORMAT_NOTE
#define NONE { NULL, NULL, RAW }

static const Entry src_sample[6] = {
  { "PTCH", N_("Pitch"), BI },
  { "STRT", N_("Start"), RAW },
  { "LEN", N_("Length"), RAW },
  { "RATE", N_("Rate"), RAW },
  { "RTRG", N_("Retrigs"), RAW },
  { "RTIM", N_("Retrig time"), RAW },
};

static const Entry src_thru[6] = {
  { "INAB", N_("Input AB"), RAW },
  { "VOL", N_("Volume AB"), BI },
  NONE,
  { "INCD", N_("Input CD"), RAW },
  { "VOL", N_("Volume CD"), BI },
  NONE,
};

static const Entry src_pickup[6] = {
  { "PTCH", N_("Pitch"), BI },
  { "DIR", N_("Direction"), RAW },
  { "LEN", N_("Length"), RAW },
  NONE,
  { "GAIN", N_("Gain"), BI },
  { "OP", N_("Operation"), RAW },
};

static const Entry lfo[6] = {
  { "SPD1", N_("LFO 1 speed"), RAW },
  { "SPD2", N_("LFO 2 speed"), RAW },
  { "SPD3", N_("LFO 3 speed"), RAW },
  { "DEP1", N_("LFO 1 depth"), RAW },
  { "DEP2", N_("LFO 2 depth"), RAW },
  { "DEP3", N_("LFO 3 depth"), RAW },
};

static const Entry amp[6] = {
  { "ATK", N_("Attack"), RAW },
  { "HOLD", N_("Hold"), RAW },
  { "REL", N_("Release"), RAW },
  { "VOL", N_("Volume"), BI },
  { "BAL", N_("Balance"), BI },
  { "F", N_("Sixth AMP slot, hidden on the device"), RAW },
};

typedef struct
{
  OctaFxType type;
  Entry      params[6];
} FxEntry;

static const FxEntry fx_table[] = {
  { OCTA_FX_TYPE_FILTER, {
      { "BASE", N_("Base frequency"), RAW }, { "WIDTH", N_("Width"), RAW },
      { "Q", N_("Resonance"), RAW }, { "DEPTH", N_("Envelope depth"), BI },
      { "ATK", N_("Envelope attack"), RAW }, { "DEC", N_("Envelope decay"), RAW } } },
  { OCTA_FX_TYPE_SPATIALIZER, {
      { "INP", N_("Input"), RAW }, { "DPTH", N_("Depth"), RAW }, { "WDTH", N_("Width"), RAW },
      { "HP", N_("High-pass"), RAW }, { "LP", N_("Low-pass"), RAW },
      { "SEND", N_("Send"), RAW } } },
  { OCTA_FX_TYPE_DELAY, {
      { "TIME", N_("Delay time"), RAW }, { "FB", N_("Feedback"), RAW },
      { "VOL", N_("Volume"), RAW }, { "BASE", N_("Base"), RAW },
      { "WDTH", N_("Width"), RAW }, { "SEND", N_("Send"), RAW } } },
  { OCTA_FX_TYPE_EQ, {
      { "FRQ1", N_("Band 1 frequency"), RAW }, { "GN1", N_("Band 1 gain"), RAW },
      { "Q1", N_("Band 1 Q"), RAW }, { "FRQ2", N_("Band 2 frequency"), RAW },
      { "GN2", N_("Band 2 gain"), RAW }, { "Q2", N_("Band 2 Q"), RAW } } },
  { OCTA_FX_TYPE_DJ_EQ, {
      { "LS F", N_("Low shelf frequency"), RAW }, { "HS F", N_("High shelf frequency"), RAW },
      { "LOWG", N_("Low gain"), RAW }, { "MIDG", N_("Mid gain"), RAW },
      { "HI G", N_("High gain"), RAW }, NONE } },
  { OCTA_FX_TYPE_PHASER, {
      { "CNTR", N_("Centre frequency"), RAW }, { "DEP", N_("Depth"), RAW },
      { "SPD", N_("Speed"), RAW }, { "FB", N_("Feedback"), RAW },
      { "WID", N_("Width"), RAW }, { "MIX", N_("Mix"), RAW } } },
  { OCTA_FX_TYPE_FLANGER, {
      { "DEL", N_("Delay"), RAW }, { "DEP", N_("Depth"), RAW }, { "SPD", N_("Speed"), RAW },
      { "FB", N_("Feedback"), RAW }, { "WID", N_("Width"), RAW }, { "MIX", N_("Mix"), RAW } } },
  { OCTA_FX_TYPE_CHORUS, {
      { "DEL", N_("Delay"), RAW }, { "DEP", N_("Depth"), RAW }, { "SPD", N_("Speed"), RAW },
      { "FB", N_("Feedback"), RAW }, { "WID", N_("Width"), RAW }, { "MIX", N_("Mix"), RAW } } },
  { OCTA_FX_TYPE_COMB_FILTER, {
      { "PTCH", N_("Pitch"), RAW }, { "TUNE", N_("Fine tune"), RAW }, { "LP", N_("Low-pass"), RAW },
      { "FB", N_("Feedback"), RAW }, { "MIX", N_("Mix"), RAW }, NONE } },
  { OCTA_FX_TYPE_PLATE_REVERB, {
      { "TIME", N_("Decay time"), RAW }, { "DAMP", N_("Damping"), RAW },
      { "GATE", N_("Gate"), RAW }, { "HP", N_("High-pass"), RAW },
      { "LP", N_("Low-pass"), RAW }, { "MIX", N_("Mix"), RAW } } },
  { OCTA_FX_TYPE_SPRING_REVERB, {
      { "TIME", N_("Decay time"), RAW }, { "HP", N_("High-pass"), RAW },
      { "LP", N_("Low-pass"), RAW }, { "MIX", N_("Mix"), RAW }, NONE, NONE } },
  { OCTA_FX_TYPE_DARK_REVERB, {
      { "TIME", N_("Decay time"), RAW }, { "SHVG", N_("Shelving gain"), RAW },
      { "SHVF", N_("Shelving frequency"), RAW }, { "HP", N_("High-pass"), RAW },
      { "LP", N_("Low-pass"), RAW }, { "MIX", N_("Mix"), RAW } } },
  { OCTA_FX_TYPE_COMPRESSOR, {
      { "ATK", N_("Attack"), RAW }, { "REL", N_("Release"), RAW },
      { "THRS", N_("Threshold"), RAW }, { "RAT", N_("Ratio"), RAW },
      { "GAIN", N_("Make-up gain"), RAW }, { "MIX", N_("Mix"), RAW } } },
  { OCTA_FX_TYPE_LOFI, {
      { "DIST", N_("Distortion"), RAW }, { "AMF", N_("AM frequency"), RAW },
      { "SRR", N_("Sample rate reduction"), RAW }, { "BRR", N_("Bit rate reduction"), RAW },
      { "AMD", N_("AM depth"), RAW }, NONE } },
};

static const Entry midi_note[6] = {
  { "NOTE", N_("Note"), NOTE },
  { "VEL", N_("Velocity"), RAW },
  { "LEN", N_("Note length"), RAW },
  { "NOT2", N_("Chord note 2"), BI },
  { "NOT3", N_("Chord note 3"), BI },
  { "NOT4", N_("Chord note 4"), BI },
};

static const Entry midi_arp[6] = {
  { "TRAN", N_("Arpeggiator transpose"), BI },
  { "LEG", N_("Arpeggiator legato"), RAW },
  { "MODE", N_("Arpeggiator mode"), RAW },
  { "SPD", N_("Arpeggiator speed"), RAW },
  { "RNGE", N_("Arpeggiator range"), RAW },
  { "NLEN", N_("Arpeggiator note length"), RAW },
};

static const Entry midi_ctrl1[6] = {
  { "PB", N_("Pitch bend"), BI },
  { "AT", N_("Aftertouch"), RAW },
  { "CC1", N_("Control change 1"), RAW },
  { "CC2", N_("Control change 2"), RAW },
  { "CC3", N_("Control change 3"), RAW },
  { "CC4", N_("Control change 4"), RAW },
};

static const Entry midi_ctrl2[6] = {
  { "CC5", N_("Control change 5"), RAW },
  { "CC6", N_("Control change 6"), RAW },
  { "CC7", N_("Control change 7"), RAW },
  { "CC8", N_("Control change 8"), RAW },
  { "CC9", N_("Control change 9"), RAW },
  { "CC10", N_("Control change 10"), RAW },
};

#undef RAW
#undef BI
#undef NOTE
#undef NONE

static const Entry *
fx_params (OctaFxType type)
{
  for (guint i = 0; i < G_N_ELEMENTS (fx_table); i++)
    if (fx_table[i].type == type)
      return fx_table[i].params;
  return NULL;
}

static const Entry *
src_params (OctaMachineKind machine)
{
  switch (machine)
    {
    case OCTA_MACHINE_KIND_STATIC:
    case OCTA_MACHINE_KIND_FLEX:
      return src_sample;
    case OCTA_MACHINE_KIND_THRU:
      return src_thru;
    case OCTA_MACHINE_KIND_PICKUP:
      return src_pickup;
    case OCTA_MACHINE_KIND_NEIGHBOR:
    default:
      return NULL;
    }
}

static gboolean
fill (const Entry   *entries,
      guint          index,
      guint          param,
      const char    *page,
      OctaPlockName *out)
{
  if (entries == NULL || entries[index].abbrev == NULL)
    return FALSE;
  out->param = param;
  out->page = page;
  out->abbrev = entries[index].abbrev;
  out->name = _(entries[index].name);
  out->format = entries[index].format;
  return TRUE;
}

/**
 * octa_track_sound_from_part_track:
 * @track: (nullable): an audio track of a part
 * @out: (out caller-allocates): the machine and effects
 *
 * Reads the machine and FX types of @track. Without a track this gives the
 * device's new-project sound, a Static machine with FILTER and DELAY, and
 * says so with @known = %FALSE.
 */
void
octa_track_sound_from_part_track (OctaAudioPartTrack *track,
                                  OctaTrackSound     *out)
{
  g_return_if_fail (out != NULL);

  out->machine = OCTA_MACHINE_KIND_STATIC;
  out->fx1 = OCTA_FX_TYPE_FILTER;
  out->fx2 = OCTA_FX_TYPE_DELAY;
  out->known = FALSE;
  if (track == NULL)
    return;

  g_object_get (track,
                "machine", &out->machine,
                "fx1-type", &out->fx1,
                "fx2-type", &out->fx2,
                NULL);
  out->known = TRUE;
}

/**
 * octa_track_sound_lookup:
 * @pattern: a pattern
 * @track: an audio track, 0…7
 * @out: (out caller-allocates): the machine and effects
 *
 * Finds the machine and FX types that the pattern's part gives @track.
 */
void
octa_track_sound_lookup (OctaPattern    *pattern,
                         guint           track,
                         OctaTrackSound *out)
{
  g_autoptr(OctaPart) part = NULL;
  g_autoptr(OctaAudioPartTrack) part_track = NULL;

  g_return_if_fail (OCTA_IS_PATTERN (pattern));
  g_return_if_fail (track < 8);

  part = octa_bank_get_part (octa_pattern_get_bank (pattern), octa_pattern_get_part (pattern) - 1);
  if (part != NULL)
    part_track = octa_part_get_audio_track (part, track);
  octa_track_sound_from_part_track (part_track, out);
}

/**
 * octa_plock_base_property:
 * @midi: whether the track is a MIDI track
 * @machine: an audio track's machine
 * @param: the byte of the lock record, 0…29
 *
 * Returns: (nullable): the name of the part track property holding the
 *   value that a lock of @param replaces, or %NULL if there is none
 */
const char *
octa_plock_base_property (gboolean        midi,
                          OctaMachineKind machine,
                          guint           param)
{
  static const char *const audio_names[] = {
    "lfo-spd1", "lfo-spd2", "lfo-spd3", "lfo-dep1", "lfo-dep2", "lfo-dep3",
    "amp-atk", "amp-hold", "amp-rel", "amp-vol", "amp-bal", "amp-f",
    "fx1-param1", "fx1-param2", "fx1-param3", "fx1-param4", "fx1-param5", "fx1-param6",
    "fx2-param1", "fx2-param2", "fx2-param3", "fx2-param4", "fx2-param5", "fx2-param6",
  };
  static const char *const src_names[5][6] = {
    { "src-static-1", "src-static-2", "src-static-3", "src-static-4", "src-static-5",
      "src-static-6" },
    { "src-flex-1", "src-flex-2", "src-flex-3", "src-flex-4", "src-flex-5", "src-flex-6" },
    { "src-thru-1", "src-thru-2", "src-thru-3", "src-thru-4", "src-thru-5", "src-thru-6" },
    { "src-neighbor-1", "src-neighbor-2", "src-neighbor-3", "src-neighbor-4", "src-neighbor-5",
      "src-neighbor-6" },
    { "src-pickup-1", "src-pickup-2", "src-pickup-3", "src-pickup-4", "src-pickup-5",
      "src-pickup-6" },
  };
  static const char *const midi_names[] = {
    "note", "vel", "len", "not2", "not3", "not4",
    "lfo-spd1", "lfo-spd2", "lfo-spd3", "lfo-dep1", "lfo-dep2", "lfo-dep3",
    "arp-tran", "arp-leg", "arp-mode", "arp-spd", "arp-rnge", "arp-nlen",
    "pb", "at", "cc1", "cc2", "cc3", "cc4",
    "cc5", "cc6", "cc7", "cc8", "cc9", "cc10",
  };

  if (param >= OCTA_PLOCK_N_NAMED)
    return NULL;
  if (midi)
    return midi_names[param];
  if (param >= 6)
    return audio_names[param - 6];
  if ((guint) machine < G_N_ELEMENTS (src_names))
    return src_names[machine][param];
  return NULL;
}

/**
 * octa_plock_name_lookup_audio:
 * @machine: the track's machine in the pattern's part
 * @fx1: the track's FX1 type
 * @fx2: the track's FX2 type
 * @param: the byte of the lock record, 0…31
 * @out: (out caller-allocates): the name
 *
 * Returns: %TRUE if the machine and effects give @param a name; %FALSE for
 *   slots the device leaves empty. Byte 30 (meaning unknown) is named "#30"
 *   and byte 31 is the sample lock.
 */
gboolean
octa_plock_name_lookup_audio (OctaMachineKind  machine,
                              OctaFxType       fx1,
                              OctaFxType       fx2,
                              guint            param,
                              OctaPlockName   *out)
{
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (param < OCTA_PLOCK_PARAMS, FALSE);

  if (param < 6)
    return fill (src_params (machine), param, param, "SRC", out);
  if (param < 12)
    return fill (lfo, param - 6, param, "LFO", out);
  if (param < 18)
    return fill (amp, param - 12, param, "AMP", out);
  if (param < 24)
    return fill (fx_params (fx1), param - 18, param, "FX1", out);
  if (param < 30)
    return fill (fx_params (fx2), param - 24, param, "FX2", out);

  out->param = param;
  out->page = "";
  if (param == OCTA_PLOCK_SAMPLE_LOCK)
    {
      out->abbrev = "SMPL";
      out->name = _("Sample lock");
      out->format = OCTA_PLOCK_FORMAT_RAW;
    }
  else
    {
      out->abbrev = "#30";
      out->name = _("Lock byte 30, meaning unknown");
      out->format = OCTA_PLOCK_FORMAT_UNKNOWN;
    }
  return TRUE;
}

/**
 * octa_plock_name_lookup_midi:
 * @param: the byte of the lock record, 0…31
 * @out: (out caller-allocates): the name
 *
 * Returns: %TRUE; bytes 30 and 31 (meaning unknown) are named "#30", "#31"
 */
gboolean
octa_plock_name_lookup_midi (guint          param,
                             OctaPlockName *out)
{
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (param < OCTA_PLOCK_PARAMS, FALSE);

  if (param < 6)
    return fill (midi_note, param, param, "NOTE", out);
  if (param < 12)
    return fill (lfo, param - 6, param, "LFO", out);
  if (param < 18)
    return fill (midi_arp, param - 12, param, "ARP", out);
  if (param < 24)
    return fill (midi_ctrl1, param - 18, param, "CTRL1", out);
  if (param < 30)
    return fill (midi_ctrl2, param - 24, param, "CTRL2", out);

  out->param = param;
  out->page = "";
  out->abbrev = param == 30 ? "#30" : "#31";
  out->name = param == 30 ? _("Lock byte 30, meaning unknown") : _("Lock byte 31, meaning unknown");
  out->format = OCTA_PLOCK_FORMAT_UNKNOWN;
  return TRUE;
}

/**
 * octa_plock_name_lookup:
 * @midi: whether the track is a MIDI track
 * @sound: an audio track's machine and effects; ignored for MIDI tracks
 * @param: the byte of the lock record, 0…31
 * @out: (out caller-allocates): the name
 *
 * Names every byte of a lock record. A place the machine or effect leaves
 * empty reads as its page and place, "FX2 6", with the value as "#n": a
 * lock there is kept but the device gives it no name.
 */
void
octa_plock_name_lookup (gboolean              midi,
                        const OctaTrackSound *sound,
                        guint                 param,
                        OctaPlockName        *out)
{
  static const char *const pages[] = { "SRC", "LFO", "AMP", "FX1", "FX2" };
  static const char *const places[] = { "1", "2", "3", "4", "5", "6" };

  g_return_if_fail (out != NULL);
  g_return_if_fail (midi || sound != NULL);
  g_return_if_fail (param < OCTA_PLOCK_PARAMS);

  if (midi ? octa_plock_name_lookup_midi (param, out)
           : octa_plock_name_lookup_audio (sound->machine, sound->fx1, sound->fx2, param, out))
    return;
  out->param = param;
  out->page = pages[MIN (param / 6, 4)];
  out->abbrev = places[param % 6];
  out->name = _("A place this machine or effect leaves empty");
  out->format = OCTA_PLOCK_FORMAT_UNKNOWN;
}

/**
 * octa_plock_panel_param:
 * @midi: whether the track is a MIDI track
 * @position: 0…29, the place in panel order
 *
 * The device's parameter keys run SRC, AMP, LFO, FX1, FX2 (MIDI: NOTE, ARP,
 * LFO, CTRL1, CTRL2), which is not the order of the lock record.
 *
 * Returns: the byte of the lock record shown at @position
 */
guint
octa_plock_panel_param (gboolean midi,
                        guint    position)
{
  static const guint page_order[5] = { 0, 2, 1, 3, 4 };

  g_return_val_if_fail (position < OCTA_PLOCK_N_NAMED, 0);
  return page_order[position / 6] * 6 + position % 6;
}

/**
 * octa_plock_format_value:
 * @format: how the value reads
 * @value: the locked value 0…254
 *
 * Returns: (transfer full): the value as the device shows it
 */
char *
octa_plock_format_value (OctaPlockFormat format,
                         gint            value)
{
  switch (format)
    {
    case OCTA_PLOCK_FORMAT_BIPOLAR:
      if (value == 64)
        return g_strdup ("0");
      /* U+2212 MINUS SIGN, as the guide writes negative device values */
      return value > 64 ? g_strdup_printf ("+%d", value - 64)
                        : g_strdup_printf ("\u2212%d", 64 - value);
    case OCTA_PLOCK_FORMAT_NOTE:
      return octa_midi_note_name (value);
    case OCTA_PLOCK_FORMAT_UNKNOWN:
      return g_strdup_printf ("#%d", value);
    case OCTA_PLOCK_FORMAT_ENV_TRIG:
      {
        static const char *const names[] = { "ANLG", "RTRG", "R+T", "TTRG" };

        if (value >= 0 && value < (gint) G_N_ELEMENTS (names))
          return g_strdup (names[value]);
        return g_strdup_printf ("#%d", value);
      }
    case OCTA_PLOCK_FORMAT_OFF_128:
      return value == 128 ? g_strdup ("OFF") : g_strdup_printf ("%d", value);
    case OCTA_PLOCK_FORMAT_FLEX_SLOT:
      if (value > 128 && value <= 136)
        return g_strdup_printf ("R%d", value - 128);
      return value >= 1 && value <= 128 ? g_strdup_printf ("%03d", value)
                                        : g_strdup_printf ("#%d", value);
    case OCTA_PLOCK_FORMAT_REC_TRIG:
      {
        static const char *const names[] = { "ONE", "ONE2", "HOLD" };

        if (value >= 0 && value < (gint) G_N_ELEMENTS (names))
          return g_strdup (names[value]);
        return g_strdup_printf ("#%d", value);
      }
    case OCTA_PLOCK_FORMAT_OFF_255:
      return value == 255 ? g_strdup ("OFF") : g_strdup_printf ("%d", value);
    case OCTA_PLOCK_FORMAT_STATIC_SLOT:
      return value >= 1 && value <= 128 ? g_strdup_printf ("%03d", value)
                                        : g_strdup_printf ("#%d", value);
    case OCTA_PLOCK_FORMAT_MACHINE:
      {
        static const char *const names[] = { "STATIC", "FLEX", "THRU", "NEIGHBOR", "PICKUP" };

        if (value >= 0 && value < (gint) G_N_ELEMENTS (names))
          return g_strdup (names[value]);
        return g_strdup_printf ("#%d", value);
      }
    case OCTA_PLOCK_FORMAT_FX_TYPE:
      {
        const char *name = value >= 0 ? octa_fx_type_display_name (value) : NULL;

        return name != NULL ? g_strdup (name) : g_strdup_printf ("#%d", value);
      }
    case OCTA_PLOCK_FORMAT_LOOP_MODE:
      {
        static const char *const names[] = { "OFF", "NORMAL", "PING-PONG" };

        if (value >= 0 && value < (gint) G_N_ELEMENTS (names))
          return g_strdup (names[value]);
        return g_strdup_printf ("#%d", value);
      }
    case OCTA_PLOCK_FORMAT_TIMESTRETCH:
      /* 1 is unused (spec §4.4) */
      if (value == OCTA_TIMESTRETCH_OFF)
        return g_strdup ("OFF");
      if (value == OCTA_TIMESTRETCH_NORMAL)
        return g_strdup ("NORMAL");
      if (value == OCTA_TIMESTRETCH_BEAT)
        return g_strdup ("BEAT");
      return g_strdup_printf ("#%d", value);
    case OCTA_PLOCK_FORMAT_GAIN:
      return g_strdup_printf ("%+.1f dB", (value - 48) / 2.0);
    case OCTA_PLOCK_FORMAT_TRIG_QUANT:
      {
        static const guint steps[16] = { 1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128, 192,
                                         256 };

        if (value == -1)
          return g_strdup ("DIRECT");
        if (value == 0)
          return g_strdup ("PATTERN LEN");
        if (value >= 1 && value <= 16)
          return g_strdup_printf ("%u", steps[value - 1]);
        return g_strdup_printf ("#%d", value);
      }
    case OCTA_PLOCK_FORMAT_BPM_X24:
      return g_strdup_printf ("%.2f", value / 24.0);
    case OCTA_PLOCK_FORMAT_BARS_X100:
      return g_strdup_printf ("%.2f", value / 100.0);
    case OCTA_PLOCK_FORMAT_RAW:
    default:
      return g_strdup_printf ("%d", value);
    }
}

/**
 * octa_plock_name_describe:
 * @name: a lock's name
 * @value: the locked value
 *
 * Returns: (transfer full): "AMP VOL +12", as the readout lists locks
 */
char *
octa_plock_name_describe (const OctaPlockName *name,
                          gint                 value)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (name != NULL, NULL);

  text = octa_plock_format_value (name->format, value);
  if (name->page == NULL || name->page[0] == '\0')
    return g_strdup_printf ("%s %s", name->abbrev, text);
  return g_strdup_printf ("%s %s %s", name->page, name->abbrev, text);
}

/**
 * octa_fx_param_abbrev:
 * @type: an effect type
 * @index: 0…5
 *
 * Returns: (nullable): the device's name of the effect's main parameter
 *   @index, or %NULL where the device shows none
 */
const char *
octa_fx_param_abbrev (OctaFxType type,
                      guint      index)
{
  const Entry *params = fx_params (type);

  g_return_val_if_fail (index < 6, NULL);
  return params != NULL ? params[index].abbrev : NULL;
}

/**
 * octa_midi_note_name:
 * @note: 0…127
 *
 * Returns: (transfer full): the note as the device names it: "C-1" for 0,
 *   "C3" for 48, "G#9" for 127; "#n" above 127
 */
char *
octa_midi_note_name (guint note)
{
  static const char *const names[12] = {
    "C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B",
  };

  if (note > 127)
    return g_strdup_printf ("#%u", note);
  return g_strdup_printf ("%s%d", names[note % 12], (gint) (note / 12) - 1);
}

/**
 * octa_machine_kind_letter:
 * @machine: a machine
 *
 * Returns: (transfer none): the letter of the device's track icon: "F",
 *   "S", "T", "N" or "P"
 */
const char *
octa_machine_kind_letter (OctaMachineKind machine)
{
  static const char *const letters[] = { "S", "F", "T", "N", "P" };

  return (guint) machine < G_N_ELEMENTS (letters) ? letters[machine] : "?";
}

/**
 * octa_machine_kind_display_name:
 * @machine: a machine
 *
 * Returns: (transfer none): "Flex", "Static", "Thru", "Neighbor" or "Pickup"
 */
const char *
octa_machine_kind_display_name (OctaMachineKind machine)
{
  switch (machine)
    {
    case OCTA_MACHINE_KIND_STATIC: return _("Static");
    case OCTA_MACHINE_KIND_FLEX: return _("Flex");
    case OCTA_MACHINE_KIND_THRU: return _("Thru");
    case OCTA_MACHINE_KIND_NEIGHBOR: return _("Neighbor");
    case OCTA_MACHINE_KIND_PICKUP: return _("Pickup");
    default: return "?";
    }
}

/**
 * octa_sample_slot_label:
 * @machine: the track's machine
 * @slot: a slot as the device numbers it, 1…255
 *
 * Returns: (transfer full): "Flex 012", "Static 012", "Recorder 3" (Flex
 *   129…136), or "Slot 012" when the machine plays no samples
 */
char *
octa_sample_slot_label (OctaMachineKind machine,
                        guint           slot)
{
  if (machine == OCTA_MACHINE_KIND_FLEX && slot > 128 && slot <= 136)
    return g_strdup_printf (_("Recorder %u"), slot - 128);
  if (machine == OCTA_MACHINE_KIND_FLEX)
    return g_strdup_printf (_("Flex %03u"), slot);
  if (machine == OCTA_MACHINE_KIND_STATIC)
    return g_strdup_printf (_("Static %03u"), slot);
  return g_strdup_printf (_("Slot %03u"), slot);
}

/**
 * octa_slot_device_number:
 * @slot: a sample slot
 *
 * Returns: the slot as a part or a sample lock stores it: Flex and Static
 *   1…128, recorder buffers after the Flex slots, 129…136
 */
guint
octa_slot_device_number (OctaSampleSlot *slot)
{
  guint number = octa_sample_slot_get_number (slot);

  return octa_sample_slot_get_kind (slot) == OCTA_SLOT_KIND_RECORDER ? 128 + number : number;
}

/**
 * octa_slot_drop_check:
 * @slot: the slot dragged
 * @track: the track as the screen names it ("T3")
 * @midi: whether the track is a MIDI track
 * @has_part: whether a part is there to take the slot
 * @machine: the track's machine in that part
 * @step: the step the slot would lock, or -1 for the track itself
 * @text: (out) (transfer full): what the drop does, or why it is refused
 *
 * Whether @slot may go onto a track or one of its steps: Flex slots and
 * recorder buffers play on Flex machines, Static slots on Static ones.
 *
 * Returns: whether the drop is accepted
 */
gboolean
octa_slot_drop_check (OctaSampleSlot   *slot,
                      const char       *track,
                      gboolean          midi,
                      gboolean          has_part,
                      OctaMachineKind   machine,
                      int               step,
                      char            **text)
{
  OctaMachineKind wanted = octa_sample_slot_get_kind (slot) == OCTA_SLOT_KIND_STATIC
                           ? OCTA_MACHINE_KIND_STATIC : OCTA_MACHINE_KIND_FLEX;
  g_autofree char *label = octa_sample_slot_dup_label (slot);

  if (midi)
    {
      *text = g_strdup_printf (_("%s plays no samples"), track);
      return FALSE;
    }
  if (!has_part)
    {
      *text = g_strdup_printf (_("%s has no part to play it"), track);
      return FALSE;
    }
  if (machine != OCTA_MACHINE_KIND_FLEX && machine != OCTA_MACHINE_KIND_STATIC)
    {
      *text = g_strdup_printf (_("%s plays no samples"), track);
      return FALSE;
    }
  if (machine != wanted)
    {
      *text = g_strdup_printf (machine == OCTA_MACHINE_KIND_STATIC
                               ? _("%s plays Static samples") : _("%s plays Flex samples"),
                               track);
      return FALSE;
    }
  if (step >= 0)
    *text = g_strdup_printf (_("Lock %s on %s step %d"), label, track, step + 1);
  else
    *text = g_strdup_printf (_("Play %s on %s"), label, track);
  return TRUE;
}

/* Part pages (spec §2.5.1–§2.5.8). Where the spec names a value but not its
 * codes, the value reads as "#n". */

#define UNK OCTA_PLOCK_FORMAT_UNKNOWN
#define RAW OCTA_PLOCK_FORMAT_RAW
#define BI OCTA_PLOCK_FORMAT_BIPOLAR

typedef struct
{
  const char      *property;
  const char      *abbrev;
  const char      *name;
  OctaPlockFormat  format;
  gint             upper;
} PageEntry;

static const PageEntry sample_setup[2][6] = {
  { { "setup-static-1", "LOOP", N_("Loop mode"), UNK, 0 },
    { "setup-static-2", "SLIC", N_("Slice mode"), UNK, 0 },
    { "setup-static-3", "LEN", N_("Length mode"), UNK, 0 },
    { "setup-static-4", "RATE", N_("Rate mode"), UNK, 0 },
    { "setup-static-5", "TSTR", N_("Timestretch"), UNK, 0 },
    { "setup-static-6", "TSNS", N_("Timestretch sensitivity"), RAW, 127 } },
  { { "setup-flex-1", "LOOP", N_("Loop mode"), UNK, 0 },
    { "setup-flex-2", "SLIC", N_("Slice mode"), UNK, 0 },
    { "setup-flex-3", "LEN", N_("Length mode"), UNK, 0 },
    { "setup-flex-4", "RATE", N_("Rate mode"), UNK, 0 },
    { "setup-flex-5", "TSTR", N_("Timestretch"), UNK, 0 },
    { "setup-flex-6", "TSNS", N_("Timestretch sensitivity"), RAW, 127 } },
};

static const PageEntry amp_setup[] = {
  { "amp-setup-amp", "AMP", N_("Envelope type"), UNK, 0 },
  { "amp-setup-sync", "SYNC", N_("Envelope sync"), UNK, 0 },
  { "amp-setup-atck", "ATCK", N_("Attack mode"), UNK, 0 },
  { "amp-setup-fx1", "FX1", N_("FX1 envelope trigger"), OCTA_PLOCK_FORMAT_ENV_TRIG, 3 },
  { "amp-setup-fx2", "FX2", N_("FX2 envelope trigger"), OCTA_PLOCK_FORMAT_ENV_TRIG, 3 },
  { "main-level", "MAIN", N_("Main output level"), RAW, 127 },
  { "cue-level", "CUE", N_("Cue output level"), RAW, 127 },
};

/* Grouped per LFO, as the device's setup pages read. */
static const PageEntry lfo_setup[] = {
  { "lfo1-pmtr", "PMTR1", N_("LFO 1 destination"), UNK, 0 },
  { "lfo1-wave", "WAVE1", N_("LFO 1 wave"), UNK, 0 },
  { "lfo1-mult", "MULT1", N_("LFO 1 speed multiplier"), UNK, 0 },
  { "lfo1-trig", "TRIG1", N_("LFO 1 trig mode"), UNK, 0 },
  { "lfo2-pmtr", "PMTR2", N_("LFO 2 destination"), UNK, 0 },
  { "lfo2-wave", "WAVE2", N_("LFO 2 wave"), UNK, 0 },
  { "lfo2-mult", "MULT2", N_("LFO 2 speed multiplier"), UNK, 0 },
  { "lfo2-trig", "TRIG2", N_("LFO 2 trig mode"), UNK, 0 },
  { "lfo3-pmtr", "PMTR3", N_("LFO 3 destination"), UNK, 0 },
  { "lfo3-wave", "WAVE3", N_("LFO 3 wave"), UNK, 0 },
  { "lfo3-mult", "MULT3", N_("LFO 3 speed multiplier"), UNK, 0 },
  { "lfo3-trig", "TRIG3", N_("LFO 3 trig mode"), UNK, 0 },
};

/* Spec §2.5.6 names these from Octatrack Manager [S]; their codes are not
 * known except TRIG and the OFF of the quantisations. */
static const PageEntry recorder[] = {
  { "rec-inab", "INAB", N_("Recording inputs A and B"), UNK, 0 },
  { "rec-incd", "INCD", N_("Recording inputs C and D"), UNK, 0 },
  { "rec-rlen", "RLEN", N_("Recording length, 64 is MAX"), RAW, 0 },
  { "rec-trig", "TRIG", N_("Recording trig mode"), OCTA_PLOCK_FORMAT_REC_TRIG, 2 },
  { "rec-src3", "SRC3", N_("Internal recording source"), UNK, 0 },
  { "rec-loop", "LOOP", N_("Loop recording"), UNK, 0 },
  { "rec-fin", "FIN", N_("Fade in"), RAW, 0 },
  { "rec-fout", "FOUT", N_("Fade out"), RAW, 0 },
  { "rec-ab", "AB", N_("Input A and B gain"), RAW, 0 },
  { "rec-qrec", "QREC", N_("Recording quantisation"), OCTA_PLOCK_FORMAT_OFF_255, 0 },
  { "rec-qpl", "QPL", N_("Playback quantisation"), OCTA_PLOCK_FORMAT_OFF_255, 0 },
  { "rec-cd", "CD", N_("Input C and D gain"), RAW, 0 },
};

static const PageEntry lfo_main[] = {
  { "lfo-spd1", NULL, NULL, RAW, 0 }, { "lfo-spd2", NULL, NULL, RAW, 0 },
  { "lfo-spd3", NULL, NULL, RAW, 0 }, { "lfo-dep1", NULL, NULL, RAW, 0 },
  { "lfo-dep2", NULL, NULL, RAW, 0 }, { "lfo-dep3", NULL, NULL, RAW, 0 },
};

static const PageEntry midi_setup[5][6] = {
  { { "channel", "CHAN", N_("MIDI channel"), RAW, 0 },
    { "bank", "BANK", N_("Bank select"), OCTA_PLOCK_FORMAT_OFF_128, 0 },
    { "program", "PROG", N_("Program change"), OCTA_PLOCK_FORMAT_OFF_128, 0 },
    { "sbank", "SBNK", N_("Sub-bank select"), OCTA_PLOCK_FORMAT_OFF_128, 0 } },
  { { "arp-len", "LEN", N_("Arpeggiator sequence length"), RAW, 0 },
    { "arp-key", "KEY", N_("Arpeggiator key"), RAW, 0 } },
  { { NULL } },
  { { "cc1-number", "CC1#", N_("Control change 1 number"), RAW, 0 },
    { "cc2-number", "CC2#", N_("Control change 2 number"), RAW, 0 },
    { "cc3-number", "CC3#", N_("Control change 3 number"), RAW, 0 },
    { "cc4-number", "CC4#", N_("Control change 4 number"), RAW, 0 } },
  { { "cc5-number", "CC5#", N_("Control change 5 number"), RAW, 0 },
    { "cc6-number", "CC6#", N_("Control change 6 number"), RAW, 0 },
    { "cc7-number", "CC7#", N_("Control change 7 number"), RAW, 0 },
    { "cc8-number", "CC8#", N_("Control change 8 number"), RAW, 0 },
    { "cc9-number", "CC9#", N_("Control change 9 number"), RAW, 0 },
    { "cc10-number", "CC10#", N_("Control change 10 number"), RAW, 0 } },
};

static const char *const fx_value_props[2][6] = {
  { "fx1-param1", "fx1-param2", "fx1-param3", "fx1-param4", "fx1-param5", "fx1-param6" },
  { "fx2-param1", "fx2-param2", "fx2-param3", "fx2-param4", "fx2-param5", "fx2-param6" },
};

static const char *const fx_setup_props[2][6] = {
  { "fx1-setup1", "fx1-setup2", "fx1-setup3", "fx1-setup4", "fx1-setup5", "fx1-setup6" },
  { "fx2-setup1", "fx2-setup2", "fx2-setup3", "fx2-setup4", "fx2-setup5", "fx2-setup6" },
};

static const char *const setup_numbers[6] = { "1", "2", "3", "4", "5", "6" };

static guint
put (OctaPartParam   *out,
     guint            n,
     const char      *property,
     const char      *abbrev,
     const char      *name,
     OctaPlockFormat  format,
     gint             upper,
     gint             lock)
{
  out[n].property = property;
  out[n].abbrev = abbrev;
  out[n].name = name != NULL ? _(name) : NULL;
  out[n].format = format;
  out[n].upper = upper;
  out[n].lock = lock;
  return n + 1;
}

static guint
put_entries (OctaPartParam   *out,
             guint            n,
             const PageEntry *entries,
             guint            n_entries)
{
  for (guint i = 0; i < n_entries && entries[i].property != NULL; i++)
    n = put (out, n, entries[i].property, entries[i].abbrev, entries[i].name, entries[i].format,
             entries[i].upper, -1);
  return n;
}

/* Values named by the lock tables (which also name step locks), with the
 * part track property holding each. */
static guint
put_locks (OctaPartParam   *out,
           guint            n,
           gboolean         midi,
           OctaMachineKind  machine,
           const Entry     *entries,
           guint            first_lock,
           gboolean         lockable,
           gint             upper)
{
  for (guint i = 0; i < 6; i++)
    {
      const char *property = octa_plock_base_property (midi, machine, first_lock + i);

      if (entries == NULL || entries[i].abbrev == NULL)
        n = put (out, n, NULL, NULL, NULL, RAW, 0, -1);
      else
        n = put (out, n, property, entries[i].abbrev, entries[i].name, entries[i].format, upper,
                 lockable ? (gint) (first_lock + i) : -1);
    }
  return n;
}

/**
 * octa_part_page_params:
 * @midi: whether the track is a MIDI track
 * @machine: an audio track's machine
 * @fx: the track's effect on the FX1 or FX2 page
 * @page: the page
 * @setup: the page's SETUP values rather than its main ones
 * @out: (out caller-allocates) (array fixed-size=12): the knobs
 *
 * Names the knobs of one page of a part track, in the device's order.
 * Places the device leaves empty come back with a %NULL property so that
 * columns line up across tracks.
 *
 * Returns: the number of entries filled, at most %OCTA_PART_PAGE_MAX_PARAMS
 */
guint
octa_part_page_params (gboolean         midi,
                       OctaMachineKind  machine,
                       OctaFxType       fx,
                       OctaPartPage     page,
                       gboolean         setup,
                       OctaPartParam   *out)
{
  static const guint midi_first[5] = { 0, 12, 6, 18, 24 };
  static const Entry *const midi_main[5] = { midi_note, midi_arp, lfo, midi_ctrl1, midi_ctrl2 };
  guint n = 0;

  g_return_val_if_fail (out != NULL, 0);
  g_return_val_if_fail ((guint) page <= OCTA_PART_PAGE_REC, 0);

  if (page == OCTA_PART_PAGE_REC)
    return midi ? 0 : put_entries (out, 0, recorder, G_N_ELEMENTS (recorder));

  if (page == OCTA_PART_PAGE_LFO)
    {
      if (setup)
        return put_entries (out, 0, lfo_setup, G_N_ELEMENTS (lfo_setup));
      n = put_locks (out, 0, midi, machine, lfo, 6, !midi, 0);
      for (guint i = 0; i < 6; i++)
        out[i].property = lfo_main[i].property;
      return n;
    }

  if (midi)
    {
      if (setup)
        return put_entries (out, 0, midi_setup[page], 6);
      return put_locks (out, 0, TRUE, machine, midi_main[page], midi_first[page], FALSE, 0);
    }

  switch (page)
    {
    case OCTA_PART_PAGE_SRC:
      if (!setup)
        return put_locks (out, 0, FALSE, machine, src_params (machine), 0, TRUE, 127);
      if (machine == OCTA_MACHINE_KIND_STATIC || machine == OCTA_MACHINE_KIND_FLEX)
        {
          gboolean flex = machine == OCTA_MACHINE_KIND_FLEX;

          n = put_entries (out, 0, sample_setup[flex ? 1 : 0], 6);
          return put (out, n, flex ? "flex-slot" : "static-slot", "SLOT",
                      flex ? N_("Flex slot") : N_("Static slot"),
                      flex ? OCTA_PLOCK_FORMAT_FLEX_SLOT : OCTA_PLOCK_FORMAT_STATIC_SLOT, 0, -1);
        }
      if (machine == OCTA_MACHINE_KIND_PICKUP)
        {
          n = put (out, 0, "setup-pickup-5", "TSTR", N_("Timestretch"), UNK, 0, -1);
          return put (out, n, "setup-pickup-6", "TSNS", N_("Timestretch sensitivity"), RAW, 127,
                      -1);
        }
      return 0;

    case OCTA_PART_PAGE_AMP:
      if (setup)
        return put_entries (out, 0, amp_setup, G_N_ELEMENTS (amp_setup));
      /* F, the sixth AMP value, is hidden on the device. */
      return put_locks (out, 0, FALSE, machine, amp, 12, TRUE, 0) - 1;

    case OCTA_PART_PAGE_FX1:
    case OCTA_PART_PAGE_FX2:
      {
        guint slot = page == OCTA_PART_PAGE_FX1 ? 0 : 1;
        const Entry *entries = fx_params (fx);

        if (setup)
          {
            if (fx == OCTA_FX_TYPE_OFF)
              return 0;
            for (guint i = 0; i < 6; i++)
              n = put (out, n, fx_setup_props[slot][i], setup_numbers[i], NULL, UNK, 0, -1);
            return n;
          }
        if (fx == OCTA_FX_TYPE_OFF)
          return 0;
        for (guint i = 0; i < 6; i++)
          {
            gint lock = 18 + 6 * slot + i;

            if (entries == NULL)
              n = put (out, n, fx_value_props[slot][i], setup_numbers[i], NULL, UNK, 0, lock);
            else if (entries[i].abbrev == NULL)
              n = put (out, n, NULL, NULL, NULL, RAW, 0, -1);
            else
              n = put (out, n, fx_value_props[slot][i], entries[i].abbrev, entries[i].name,
                       entries[i].format, 0, lock);
          }
        return n;
      }
    default:
      return 0;
    }
}

/**
 * octa_part_page_title:
 * @midi: whether the track is a MIDI track
 * @page: a page
 *
 * Returns: (transfer none): "SRC" … "FX2", or "NOTE" … "CTRL2"
 */
const char *
octa_part_page_title (gboolean     midi,
                      OctaPartPage page)
{
  static const char *const audio[] = { "SRC", "AMP", "LFO", "FX1", "FX2", "REC" };
  static const char *const midi_titles[] = { "NOTE", "ARP", "LFO", "CTRL1", "CTRL2", "REC" };

  g_return_val_if_fail ((guint) page <= OCTA_PART_PAGE_REC, "");
  return midi ? midi_titles[page] : audio[page];
}

/**
 * octa_part_param_lookup:
 * @midi: whether the track is a MIDI track
 * @sound: an audio track's machine and effects; ignored for MIDI tracks
 * @property: a part track property, such as "fx1-param1" or "src-flex-3"
 * @page: (out) (optional): the page showing it
 * @setup: (out) (optional): whether it is one of the page's SETUP values
 * @out: (out caller-allocates): the knob, as octa_part_page_params() gives it
 *
 * Finds the knob of the Parts view that shows @property, so that a value
 * reads the same wherever it is listed. A machine's values are found on
 * the SRC page of that machine even when @sound plays another. The
 * machine and the FX types, chosen by the row controls rather than knobs,
 * come back with a %NULL abbreviation.
 *
 * Returns: %FALSE when no page shows @property
 */
gboolean
octa_part_param_lookup (gboolean              midi,
                        const OctaTrackSound *sound,
                        const char           *property,
                        OctaPartPage         *page,
                        gboolean             *setup,
                        OctaPartParam        *out)
{
  static const struct
  {
    const char   *property;
    const char   *name;
    OctaPartPage  page;
    OctaPlockFormat format;
  } controls[] = {
    { "machine", N_("Machine"), OCTA_PART_PAGE_SRC, OCTA_PLOCK_FORMAT_MACHINE },
    { "fx1-type", N_("FX1 type"), OCTA_PART_PAGE_FX1, OCTA_PLOCK_FORMAT_FX_TYPE },
    { "fx2-type", N_("FX2 type"), OCTA_PART_PAGE_FX2, OCTA_PLOCK_FORMAT_FX_TYPE },
  };
  OctaTrackSound fallback;

  g_return_val_if_fail (property != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (sound == NULL || midi)
    {
      octa_track_sound_from_part_track (NULL, &fallback);
      sound = &fallback;
    }
  for (guint i = 0; !midi && i < G_N_ELEMENTS (controls); i++)
    if (g_str_equal (property, controls[i].property))
      {
        put (out, 0, controls[i].property, NULL, controls[i].name, controls[i].format, 0, -1);
        if (page != NULL)
          *page = controls[i].page;
        if (setup != NULL)
          *setup = FALSE;
        return TRUE;
      }

  for (guint p = OCTA_PART_PAGE_SRC; p <= OCTA_PART_PAGE_REC; p++)
    for (guint s = 0; s < 2; s++)
      /* the track's own machine first, then every other one on SRC */
      for (guint m = 0; m < (p == OCTA_PART_PAGE_SRC && !midi ? 6u : 1u); m++)
        {
          OctaPartParam params[OCTA_PART_PAGE_MAX_PARAMS];
          OctaMachineKind machine = m == 0 ? sound->machine : (OctaMachineKind) (m - 1);
          OctaFxType fx = p == OCTA_PART_PAGE_FX2 ? sound->fx2 : sound->fx1;
          guint n;

          if (m > 0 && machine == sound->machine)
            continue;
          n = octa_part_page_params (midi, machine, fx, p, s, params);
          for (guint i = 0; i < n; i++)
            if (params[i].property != NULL && g_str_equal (params[i].property, property))
              {
                *out = params[i];
                if (page != NULL)
                  *page = p;
                if (setup != NULL)
                  *setup = s;
                return TRUE;
              }
        }
  return FALSE;
}

/**
 * octa_part_param_label:
 * @midi: whether the track is a MIDI track
 * @page: the knob's page
 * @setup: whether the knob is one of the page's SETUP values
 * @param: the knob
 *
 * Returns: (transfer full): the knob as the Parts view places it: "FX1
 *   BASE", "SRC SETUP LOOP", or the name of a row control, "FX1 type"
 */
char *
octa_part_param_label (gboolean             midi,
                       OctaPartPage         page,
                       gboolean             setup,
                       const OctaPartParam *param)
{
  g_return_val_if_fail (param != NULL, NULL);

  if (param->abbrev == NULL)
    return g_strdup (param->name != NULL ? param->name : param->property);
  if (setup && page != OCTA_PART_PAGE_REC)
    return g_strdup_printf ("%s SETUP %s", octa_part_page_title (midi, page), param->abbrev);
  return g_strdup_printf ("%s %s", octa_part_page_title (midi, page), param->abbrev);
}

/**
 * octa_fx_type_only_fx2:
 * @type: an effect type
 *
 * Returns: whether the device offers @type only on FX2 (DELAY and the three
 *   reverbs, spec §2.9)
 */
gboolean
octa_fx_type_only_fx2 (OctaFxType type)
{
  return type == OCTA_FX_TYPE_DELAY || type == OCTA_FX_TYPE_PLATE_REVERB ||
         type == OCTA_FX_TYPE_SPRING_REVERB || type == OCTA_FX_TYPE_DARK_REVERB;
}

/**
 * octa_fx_type_display_name:
 * @type: an effect type
 *
 * Returns: (transfer none) (nullable): the device's name, "FILTER" … "OFF",
 *   or %NULL for a code the spec does not name
 */
const char *
octa_fx_type_display_name (OctaFxType type)
{
  switch (type)
    {
    case OCTA_FX_TYPE_OFF: return "OFF";
    case OCTA_FX_TYPE_FILTER: return "FILTER";
    case OCTA_FX_TYPE_SPATIALIZER: return "SPATIALIZER";
    case OCTA_FX_TYPE_DELAY: return "DELAY";
    case OCTA_FX_TYPE_EQ: return "EQ";
    case OCTA_FX_TYPE_DJ_EQ: return "DJ EQ";
    case OCTA_FX_TYPE_PHASER: return "PHASER";
    case OCTA_FX_TYPE_FLANGER: return "FLANGER";
    case OCTA_FX_TYPE_CHORUS: return "CHORUS";
    case OCTA_FX_TYPE_COMB_FILTER: return "COMB FILTER";
    case OCTA_FX_TYPE_PLATE_REVERB: return "PLATE REVERB";
    case OCTA_FX_TYPE_SPRING_REVERB: return "SPRING REVERB";
    case OCTA_FX_TYPE_DARK_REVERB: return "DARK REVERB";
    case OCTA_FX_TYPE_COMPRESSOR: return "COMPRESSOR";
    case OCTA_FX_TYPE_LOFI: return "LO-FI";
    default: return NULL;
    }
}

/**
 * octa_fx_type_defaults:
 * @type: an effect type
 * @values: (out caller-allocates) (array fixed-size=6): the six main values
 * @setup: (out caller-allocates) (array fixed-size=6): the six setup values
 *
 * The values a new part gives an effect. The spec knows them only for the
 * two effects of a blank part, FILTER (FX1) and DELAY (FX2), §2.5.2 and
 * §2.5.5; for the others nothing is offered rather than guessed.
 *
 * Returns: whether @type's defaults are known
 */
gboolean
octa_fx_type_defaults (OctaFxType  type,
                       guint8     *values,
                       guint8     *setup)
{
  static const guint8 filter[2][6] = { { 0, 127, 0, 64, 0, 64 }, { 0, 0, 1, 0, 3, 0 } };
  static const guint8 delay[2][6] = { { 47, 0, 127, 0, 127, 0 }, { 0, 1, 127, 1, 0, 0 } };
  const guint8 (*table)[6];

  g_return_val_if_fail (values != NULL && setup != NULL, FALSE);

  if (type == OCTA_FX_TYPE_FILTER)
    table = filter;
  else if (type == OCTA_FX_TYPE_DELAY)
    table = delay;
  else
    return FALSE;
  memcpy (values, table[0], 6);
  memcpy (setup, table[1], 6);
  return TRUE;
}
