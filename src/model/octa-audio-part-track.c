/* SPDX-License-Identifier: MIT */
#include "octa-part-track-private.h"

#include "octa-model-enum-types.h"

/**
 * OctaAudioPartTrack:
 *
 * An audio track (T1…T8) of a part: its machine, effects, levels, LFOs,
 * amp envelope, recorder setup and sample slots.
 *
 * The part keeps the playback (SRC) and setup values of all five machines
 * at once, so switching machines and back loses nothing. All of them stay
 * reachable here as raw bytes: `src-static-1` … `src-pickup-6` and
 * `setup-static-1` … `setup-pickup-6`. The subclass chosen by the track's
 * machine (#OctaFlexPartTrack, #OctaStaticPartTrack, #OctaThruPartTrack,
 * #OctaNeighborPartTrack, #OctaPickupPartTrack) adds the device's names for
 * its own machine's values. Changing `machine` makes the part hand out an
 * object of the new subclass (octa_part_get_audio_track()).
 *
 * Values are the raw numbers the part stores. What the codes of the LFO
 * destination (`lfo1-pmtr` …) and wave (`lfo1-wave` …) settings mean is
 * not known, nor those of the other setup bytes given as plain integers.
 */
G_DEFINE_TYPE (OctaAudioPartTrack, octa_audio_part_track, OCTA_TYPE_PART_TRACK)

enum {
  FIELD_MACHINE,
  FIELD_SRC_FIRST = 76,
  FIELD_SETUP_FIRST = FIELD_SRC_FIRST + 30,
};

static OctaFieldTable fields;

#define ARG(area, index) OCTA_PART_TRACK_ARG (OCTA_PART_AREA_##area, index)

#define BYTE OCTA_PART_TRACK_BYTE

#define ENUM(name, area, index, def, type, label) \
  { name, OCTA_FIELD_ENUM, 0, 0, def, type, _octa_part_track_get_byte, \
    _octa_part_track_set_byte, ARG (area, index), 1, label }

#define SLOT(name, index, max, label) \
  { name, OCTA_FIELD_INT, 1, max, 1, NULL, _octa_part_track_get_plus_one, \
    _octa_part_track_set_plus_one, ARG (SLOTS, index), 1, label }

#define MACHINE_BYTES(prefix, area, base, d0, d1, d2, d3, d4, d5, label) \
  BYTE (prefix "-1", area, (base) + 0, 0, 255, d0, label), \
  BYTE (prefix "-2", area, (base) + 1, 0, 255, d1, label), \
  BYTE (prefix "-3", area, (base) + 2, 0, 255, d2, label), \
  BYTE (prefix "-4", area, (base) + 3, 0, 255, d3, label), \
  BYTE (prefix "-5", area, (base) + 4, 0, 255, d4, label), \
  BYTE (prefix "-6", area, (base) + 5, 0, 255, d5, label)

static const OctaField field_defs[] = {
  [FIELD_MACHINE] = ENUM ("machine", MACHINE, 0, OCTA_MACHINE_KIND_STATIC,
                          octa_machine_kind_get_type, "Change machine"),
  ENUM ("fx1-type", FX1_TYPE, 0, OCTA_FX_TYPE_FILTER, octa_fx_type_get_type, "Change FX1"),
  ENUM ("fx2-type", FX2_TYPE, 0, OCTA_FX_TYPE_DELAY, octa_fx_type_get_type, "Change FX2"),
  BYTE ("main-level", LEVELS, 0, 0, 127, 108, "Change main level"),
  BYTE ("cue-level", LEVELS, 1, 0, 127, 108, "Change cue level"),

  BYTE ("lfo-spd1", VALUES, 0, 0, 127, 32, "Change LFO"),
  BYTE ("lfo-spd2", VALUES, 1, 0, 127, 32, "Change LFO"),
  BYTE ("lfo-spd3", VALUES, 2, 0, 127, 32, "Change LFO"),
  BYTE ("lfo-dep1", VALUES, 3, 0, 127, 0, "Change LFO"),
  BYTE ("lfo-dep2", VALUES, 4, 0, 127, 0, "Change LFO"),
  BYTE ("lfo-dep3", VALUES, 5, 0, 127, 0, "Change LFO"),
  BYTE ("amp-atk", VALUES, 6, 0, 127, 0, "Change amp"),
  BYTE ("amp-hold", VALUES, 7, 0, 127, 127, "Change amp"),
  BYTE ("amp-rel", VALUES, 8, 0, 127, 127, "Change amp"),
  BYTE ("amp-vol", VALUES, 9, 0, 127, 64, "Change amp"),
  BYTE ("amp-bal", VALUES, 10, 0, 127, 64, "Change amp"),
  BYTE ("amp-f", VALUES, 11, 0, 127, 127, "Change amp"),
  BYTE ("fx1-param1", VALUES, 12, 0, 127, 0, "Change FX1"),
  BYTE ("fx1-param2", VALUES, 13, 0, 127, 127, "Change FX1"),
  BYTE ("fx1-param3", VALUES, 14, 0, 127, 0, "Change FX1"),
  BYTE ("fx1-param4", VALUES, 15, 0, 127, 64, "Change FX1"),
  BYTE ("fx1-param5", VALUES, 16, 0, 127, 0, "Change FX1"),
  BYTE ("fx1-param6", VALUES, 17, 0, 127, 64, "Change FX1"),
  BYTE ("fx2-param1", VALUES, 18, 0, 127, 47, "Change FX2"),
  BYTE ("fx2-param2", VALUES, 19, 0, 127, 0, "Change FX2"),
  BYTE ("fx2-param3", VALUES, 20, 0, 127, 127, "Change FX2"),
  BYTE ("fx2-param4", VALUES, 21, 0, 127, 0, "Change FX2"),
  BYTE ("fx2-param5", VALUES, 22, 0, 127, 127, "Change FX2"),
  BYTE ("fx2-param6", VALUES, 23, 0, 127, 0, "Change FX2"),

  BYTE ("lfo1-pmtr", SETUP, 0, 0, 255, 0, "Change LFO setup"),
  BYTE ("lfo2-pmtr", SETUP, 1, 0, 255, 0, "Change LFO setup"),
  BYTE ("lfo3-pmtr", SETUP, 2, 0, 255, 0, "Change LFO setup"),
  BYTE ("lfo1-wave", SETUP, 3, 0, 255, 0, "Change LFO setup"),
  BYTE ("lfo2-wave", SETUP, 4, 0, 255, 0, "Change LFO setup"),
  BYTE ("lfo3-wave", SETUP, 5, 0, 255, 0, "Change LFO setup"),
  BYTE ("amp-setup-amp", SETUP, 6, 0, 255, 1, "Change amp setup"),
  BYTE ("amp-setup-sync", SETUP, 7, 0, 255, 1, "Change amp setup"),
  BYTE ("amp-setup-atck", SETUP, 8, 0, 255, 0, "Change amp setup"),
  ENUM ("amp-setup-fx1", SETUP, 9, OCTA_FX_ENV_TRIG_ANLG, octa_fx_env_trig_get_type,
        "Change amp setup"),
  ENUM ("amp-setup-fx2", SETUP, 10, OCTA_FX_ENV_TRIG_ANLG, octa_fx_env_trig_get_type,
        "Change amp setup"),
  BYTE ("amp-setup-byte5", SETUP, 11, 0, 255, 0, "Change amp setup"),
  BYTE ("fx1-setup1", SETUP, 12, 0, 255, 0, "Change FX1 setup"),
  BYTE ("fx1-setup2", SETUP, 13, 0, 255, 0, "Change FX1 setup"),
  BYTE ("fx1-setup3", SETUP, 14, 0, 255, 1, "Change FX1 setup"),
  BYTE ("fx1-setup4", SETUP, 15, 0, 255, 0, "Change FX1 setup"),
  BYTE ("fx1-setup5", SETUP, 16, 0, 255, 3, "Change FX1 setup"),
  BYTE ("fx1-setup6", SETUP, 17, 0, 255, 0, "Change FX1 setup"),
  BYTE ("fx2-setup1", SETUP, 18, 0, 255, 0, "Change FX2 setup"),
  BYTE ("fx2-setup2", SETUP, 19, 0, 255, 1, "Change FX2 setup"),
  BYTE ("fx2-setup3", SETUP, 20, 0, 255, 127, "Change FX2 setup"),
  BYTE ("fx2-setup4", SETUP, 21, 0, 255, 1, "Change FX2 setup"),
  BYTE ("fx2-setup5", SETUP, 22, 0, 255, 0, "Change FX2 setup"),
  BYTE ("fx2-setup6", SETUP, 23, 0, 255, 0, "Change FX2 setup"),
  BYTE ("lfo1-mult", SETUP, 24, 0, 255, 0, "Change LFO setup"),
  BYTE ("lfo2-mult", SETUP, 25, 0, 255, 0, "Change LFO setup"),
  BYTE ("lfo3-mult", SETUP, 26, 0, 255, 0, "Change LFO setup"),
  BYTE ("lfo1-trig", SETUP, 27, 0, 255, 0, "Change LFO setup"),
  BYTE ("lfo2-trig", SETUP, 28, 0, 255, 0, "Change LFO setup"),
  BYTE ("lfo3-trig", SETUP, 29, 0, 255, 0, "Change LFO setup"),

  BYTE ("rec-inab", RECORDER, 0, 0, 255, 1, "Change recorder setup"),
  BYTE ("rec-incd", RECORDER, 1, 0, 255, 1, "Change recorder setup"),
  BYTE ("rec-rlen", RECORDER, 2, 0, 255, 64, "Change recorder setup"),
  ENUM ("rec-trig", RECORDER, 3, OCTA_TRIG_MODE_ONE, octa_trig_mode_get_type,
        "Change recorder setup"),
  BYTE ("rec-src3", RECORDER, 4, 0, 255, 0, "Change recorder setup"),
  BYTE ("rec-loop", RECORDER, 5, 0, 255, 1, "Change recorder setup"),
  BYTE ("rec-fin", RECORDER, 6, 0, 255, 0, "Change recorder setup"),
  BYTE ("rec-fout", RECORDER, 7, 0, 255, 0, "Change recorder setup"),
  BYTE ("rec-ab", RECORDER, 8, 0, 255, 0, "Change recorder setup"),
  BYTE ("rec-qrec", RECORDER, 9, 0, 255, 255, "Change recorder setup"),
  BYTE ("rec-qpl", RECORDER, 10, 0, 255, 255, "Change recorder setup"),
  BYTE ("rec-cd", RECORDER, 11, 0, 255, 0, "Change recorder setup"),

  SLOT ("static-slot", 0, 128, "Assign Static slot"),
  SLOT ("flex-slot", 1, 136, "Assign Flex slot"),
  BYTE ("slot-unused-1", SLOTS, 2, 0, 255, 0, "Change slot assignment"),
  BYTE ("slot-unused-2", SLOTS, 3, 0, 255, 0, "Change slot assignment"),
  BYTE ("recorder-slot", SLOTS, 4, 0, 255, 128, "Change slot assignment"),

  MACHINE_BYTES ("src-static", SRC, 0, 64, 0, 0, 127, 0, 79, "Change machine parameter"),
  MACHINE_BYTES ("src-flex", SRC, 6, 64, 0, 0, 127, 0, 79, "Change machine parameter"),
  MACHINE_BYTES ("src-thru", SRC, 12, 0, 64, 0, 0, 64, 0, "Change machine parameter"),
  MACHINE_BYTES ("src-neighbor", SRC, 18, 0, 0, 0, 0, 0, 0, "Change machine parameter"),
  MACHINE_BYTES ("src-pickup", SRC, 24, 64, 2, 1, 127, 64, 1, "Change machine parameter"),
  MACHINE_BYTES ("setup-static", SRC_SETUP, 0, 1, 0, 0, 0, 1, 64, "Change machine setup"),
  MACHINE_BYTES ("setup-flex", SRC_SETUP, 6, 1, 0, 0, 0, 1, 64, "Change machine setup"),
  MACHINE_BYTES ("setup-thru", SRC_SETUP, 12, 0, 0, 0, 0, 0, 0, "Change machine setup"),
  MACHINE_BYTES ("setup-neighbor", SRC_SETUP, 18, 0, 0, 0, 0, 0, 0, "Change machine setup"),
  MACHINE_BYTES ("setup-pickup", SRC_SETUP, 24, 0, 0, 0, 0, 1, 64, "Change machine setup"),
};

/* The raw machine bytes end the table, 30 SRC then 30 setup. */
G_STATIC_ASSERT (G_N_ELEMENTS (field_defs) == FIELD_SETUP_FIRST + 30);

static void
octa_audio_part_track_class_init (OctaAudioPartTrackClass *klass)
{
  /**
   * OctaAudioPartTrack:machine:
   *
   * The track's machine. Changing it keeps every machine's values; the part
   * then hands out an object of the matching subclass.
   */
  /**
   * OctaAudioPartTrack:static-slot:
   *
   * The Static sample slot, 1…128 as the device numbers it.
   */
  /**
   * OctaAudioPartTrack:flex-slot:
   *
   * The Flex sample slot as the device numbers it: 1…128, or 129…136 for
   * recorder buffers 1…8.
   */
  /**
   * OctaAudioPartTrack:recorder-slot:
   *
   * The raw recorder slot byte: 128 + track on every device-made bank.
   */
  /**
   * OctaAudioPartTrack:rec-rlen:
   *
   * Recording length; 64 is MAX.
   */
  /**
   * OctaAudioPartTrack:rec-qrec:
   *
   * Recording quantisation; 255 is OFF.
   */
  /**
   * OctaAudioPartTrack:rec-qpl:
   *
   * Playback quantisation of recordings; 255 is OFF.
   */
  _octa_part_track_class_install (G_OBJECT_CLASS (klass), &fields, field_defs,
                                  G_N_ELEMENTS (field_defs));
}

static void
octa_audio_part_track_init (OctaAudioPartTrack *self)
{
}

/* Machine bytes outside the known five (none seen so far) get the base
 * class, which still reaches every byte. */
GType
_octa_audio_part_track_type_for_machine (guint machine)
{
  switch (machine)
    {
    case OCTA_MACHINE_KIND_STATIC:
      return OCTA_TYPE_STATIC_PART_TRACK;
    case OCTA_MACHINE_KIND_FLEX:
      return OCTA_TYPE_FLEX_PART_TRACK;
    case OCTA_MACHINE_KIND_THRU:
      return OCTA_TYPE_THRU_PART_TRACK;
    case OCTA_MACHINE_KIND_NEIGHBOR:
      return OCTA_TYPE_NEIGHBOR_PART_TRACK;
    case OCTA_MACHINE_KIND_PICKUP:
      return OCTA_TYPE_PICKUP_PART_TRACK;
    default:
      return OCTA_TYPE_AUDIO_PART_TRACK;
    }
}

OctaAudioPartTrack *
_octa_audio_part_track_new (OctaPart *part,
                            guint     index)
{
  guint machine = octa_bank_file_get_machine (_octa_part_get_file (part),
                                              octa_part_get_index (part), OCTA_PART_UNSAVED, index);
  OctaAudioPartTrack *self = g_object_new (_octa_audio_part_track_type_for_machine (machine), NULL);

  _octa_part_track_setup (OCTA_PART_TRACK (self), part, index);
  return self;
}

/**
 * octa_audio_part_track_get_machine:
 * @self: an audio part track
 *
 * Returns: the track's machine as stored in the part
 */
OctaMachineKind
octa_audio_part_track_get_machine (OctaAudioPartTrack *self)
{
  g_return_val_if_fail (OCTA_IS_AUDIO_PART_TRACK (self), OCTA_MACHINE_KIND_STATIC);
  return _octa_part_track_get_byte (self, field_defs[FIELD_MACHINE].arg);
}

/**
 * octa_audio_part_track_set_machine:
 * @self: an audio part track
 * @machine: the new machine
 *
 * Changes the track's machine in one undo step. @self stays a valid view of
 * the track, but octa_part_get_audio_track() now returns an object of the
 * subclass for @machine.
 */
void
octa_audio_part_track_set_machine (OctaAudioPartTrack *self,
                                   OctaMachineKind     machine)
{
  g_return_if_fail (OCTA_IS_AUDIO_PART_TRACK (self));
  octa_field_set_int (&fields, self, _octa_part_track_get_project (OCTA_PART_TRACK (self)),
                      FIELD_MACHINE, machine);
}

/**
 * octa_audio_part_track_get_src_value:
 * @self: an audio part track
 * @machine: any machine, not only the track's
 * @param: 0…5 for the machine's SRC page parameters 1…6
 *
 * Returns: the raw value the part keeps for @machine
 */
guint
octa_audio_part_track_get_src_value (OctaAudioPartTrack *self,
                                     OctaMachineKind     machine,
                                     guint               param)
{
  guint i;

  g_return_val_if_fail (OCTA_IS_AUDIO_PART_TRACK (self), 0);
  g_return_val_if_fail ((guint) machine <= OCTA_MACHINE_KIND_PICKUP && param < 6, 0);

  i = FIELD_SRC_FIRST + 6 * machine + param;
  return _octa_part_track_get_byte (self, field_defs[i].arg);
}

/**
 * octa_audio_part_track_set_src_value:
 * @self: an audio part track
 * @machine: any machine, not only the track's
 * @param: 0…5 for the machine's SRC page parameters 1…6
 * @value: 0…255
 */
void
octa_audio_part_track_set_src_value (OctaAudioPartTrack *self,
                                     OctaMachineKind     machine,
                                     guint               param,
                                     guint               value)
{
  g_return_if_fail (OCTA_IS_AUDIO_PART_TRACK (self));
  g_return_if_fail ((guint) machine <= OCTA_MACHINE_KIND_PICKUP && param < 6);
  g_return_if_fail (value <= 255);

  octa_field_set_int (&fields, self, _octa_part_track_get_project (OCTA_PART_TRACK (self)),
                      FIELD_SRC_FIRST + 6 * machine + param, value);
}

/**
 * octa_audio_part_track_get_src_setup_value:
 * @self: an audio part track
 * @machine: any machine, not only the track's
 * @param: 0…5 for the machine's SRC setup values 1…6
 *
 * Returns: the raw value the part keeps for @machine
 */
guint
octa_audio_part_track_get_src_setup_value (OctaAudioPartTrack *self,
                                           OctaMachineKind     machine,
                                           guint               param)
{
  guint i;

  g_return_val_if_fail (OCTA_IS_AUDIO_PART_TRACK (self), 0);
  g_return_val_if_fail ((guint) machine <= OCTA_MACHINE_KIND_PICKUP && param < 6, 0);

  i = FIELD_SETUP_FIRST + 6 * machine + param;
  return _octa_part_track_get_byte (self, field_defs[i].arg);
}

/**
 * octa_audio_part_track_set_src_setup_value:
 * @self: an audio part track
 * @machine: any machine, not only the track's
 * @param: 0…5 for the machine's SRC setup values 1…6
 * @value: 0…255
 */
void
octa_audio_part_track_set_src_setup_value (OctaAudioPartTrack *self,
                                           OctaMachineKind     machine,
                                           guint               param,
                                           guint               value)
{
  g_return_if_fail (OCTA_IS_AUDIO_PART_TRACK (self));
  g_return_if_fail ((guint) machine <= OCTA_MACHINE_KIND_PICKUP && param < 6);
  g_return_if_fail (value <= 255);

  octa_field_set_int (&fields, self, _octa_part_track_get_project (OCTA_PART_TRACK (self)),
                      FIELD_SETUP_FIRST + 6 * machine + param, value);
}
