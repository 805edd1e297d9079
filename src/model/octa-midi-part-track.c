/* SPDX-License-Identifier: MIT */
#include "octa-part-track-private.h"

/**
 * OctaMidiPartTrack:
 *
 * A MIDI track (M1…M8) of a part: channel, bank and program, the default
 * note, LFOs, arpeggiator and controllers.
 *
 * `channel` is 1…16 as the device shows it. `bank`, `program` and `sbank`
 * are the stored bytes, 0…127, where 128 means OFF. `arp-key` is 0 (off)
 * …24. The bytes without a known meaning are raw integers named after their
 * place: `note-setup-byte3`, `note-setup-byte5`, `arp-setup-byte0`,
 * `arp-setup-byte1`, `arp-setup-byte3`, `arp-setup-byte4`,
 * `ctrl1-setup-byte0` (1 on some device files), `ctrl1-setup-byte1`,
 * `values-byte30` and `values-byte31`.
 *
 * The arpeggiator sequence is 16 signed note offsets (`arp-note-1` …
 * `arp-note-16`); its mute mask (`arp-mutes`) is the two stored bytes, the
 * first one high, 0xFFFF for no mutes (which bit mutes which note is not
 * known).
 */
struct _OctaMidiPartTrack
{
  OctaPartTrack parent_instance;
};

G_DEFINE_FINAL_TYPE (OctaMidiPartTrack, octa_midi_part_track, OCTA_TYPE_PART_TRACK)

enum {
  FIELD_CHANNEL = 0,
  FIELD_ARP_MUTES = 68,
  FIELD_ARP_NOTE_FIRST,
};

static OctaFieldTable fields;

#define ARG(area, index) OCTA_PART_TRACK_ARG (OCTA_PART_AREA_##area, index)

#define BYTE OCTA_PART_TRACK_BYTE

#define ARP_NOTE(n) \
  { "arp-note-" #n, OCTA_FIELD_INT, -128, 127, 0, NULL, _octa_part_track_get_signed, \
    _octa_part_track_set_signed, ARG (ARP_SEQUENCE, (n) - 1), 1, "Change arpeggiator sequence" }

static const OctaField field_defs[] = {
  [FIELD_CHANNEL] = { "channel", OCTA_FIELD_INT, 1, 16, 1, NULL, _octa_part_track_get_plus_one,
                      _octa_part_track_set_plus_one, ARG (MIDI_SETUP, 0), 1,
                      "Change MIDI channel" },
  BYTE ("bank", MIDI_SETUP, 1, 0, 128, 128, "Change MIDI bank"),
  BYTE ("program", MIDI_SETUP, 2, 0, 128, 128, "Change MIDI program"),
  BYTE ("note-setup-byte3", MIDI_SETUP, 3, 0, 255, 0, "Change note setup"),
  BYTE ("sbank", MIDI_SETUP, 4, 0, 128, 128, "Change MIDI sub-bank"),
  BYTE ("note-setup-byte5", MIDI_SETUP, 5, 0, 255, 0, "Change note setup"),
  BYTE ("note", MIDI_VALUES, 0, 0, 127, 48, "Change note"),
  BYTE ("vel", MIDI_VALUES, 1, 0, 127, 100, "Change note"),
  BYTE ("len", MIDI_VALUES, 2, 0, 127, 6, "Change note"),
  BYTE ("not2", MIDI_VALUES, 3, 0, 127, 64, "Change note"),
  BYTE ("not3", MIDI_VALUES, 4, 0, 127, 64, "Change note"),
  BYTE ("not4", MIDI_VALUES, 5, 0, 127, 64, "Change note"),
  BYTE ("lfo-spd1", MIDI_VALUES, 6, 0, 127, 32, "Change LFO"),
  BYTE ("lfo-spd2", MIDI_VALUES, 7, 0, 127, 32, "Change LFO"),
  BYTE ("lfo-spd3", MIDI_VALUES, 8, 0, 127, 32, "Change LFO"),
  BYTE ("lfo-dep1", MIDI_VALUES, 9, 0, 127, 0, "Change LFO"),
  BYTE ("lfo-dep2", MIDI_VALUES, 10, 0, 127, 0, "Change LFO"),
  BYTE ("lfo-dep3", MIDI_VALUES, 11, 0, 127, 0, "Change LFO"),
  BYTE ("arp-tran", MIDI_VALUES, 12, 0, 127, 64, "Change arpeggiator"),
  BYTE ("arp-leg", MIDI_VALUES, 13, 0, 127, 0, "Change arpeggiator"),
  BYTE ("arp-mode", MIDI_VALUES, 14, 0, 127, 0, "Change arpeggiator"),
  BYTE ("arp-spd", MIDI_VALUES, 15, 0, 127, 5, "Change arpeggiator"),
  BYTE ("arp-rnge", MIDI_VALUES, 16, 0, 127, 0, "Change arpeggiator"),
  BYTE ("arp-nlen", MIDI_VALUES, 17, 0, 127, 6, "Change arpeggiator"),
  BYTE ("pb", MIDI_VALUES, 18, 0, 127, 64, "Change controller"),
  BYTE ("at", MIDI_VALUES, 19, 0, 127, 0, "Change controller"),
  BYTE ("cc1", MIDI_VALUES, 20, 0, 127, 127, "Change controller"),
  BYTE ("cc2", MIDI_VALUES, 21, 0, 127, 0, "Change controller"),
  BYTE ("cc3", MIDI_VALUES, 22, 0, 127, 0, "Change controller"),
  BYTE ("cc4", MIDI_VALUES, 23, 0, 127, 64, "Change controller"),
  BYTE ("cc5", MIDI_VALUES, 24, 0, 127, 0, "Change controller"),
  BYTE ("cc6", MIDI_VALUES, 25, 0, 127, 0, "Change controller"),
  BYTE ("cc7", MIDI_VALUES, 26, 0, 127, 0, "Change controller"),
  BYTE ("cc8", MIDI_VALUES, 27, 0, 127, 0, "Change controller"),
  BYTE ("cc9", MIDI_VALUES, 28, 0, 127, 0, "Change controller"),
  BYTE ("cc10", MIDI_VALUES, 29, 0, 127, 0, "Change controller"),
  BYTE ("values-byte30", MIDI_VALUES, 30, 0, 255, 0, "Change MIDI track"),
  BYTE ("values-byte31", MIDI_VALUES, 31, 0, 255, 0, "Change MIDI track"),
  BYTE ("lfo1-pmtr", MIDI_SETUP, 6, 0, 255, 0, "Change LFO setup"),
  BYTE ("lfo2-pmtr", MIDI_SETUP, 7, 0, 255, 0, "Change LFO setup"),
  BYTE ("lfo3-pmtr", MIDI_SETUP, 8, 0, 255, 0, "Change LFO setup"),
  BYTE ("lfo1-wave", MIDI_SETUP, 9, 0, 255, 0, "Change LFO setup"),
  BYTE ("lfo2-wave", MIDI_SETUP, 10, 0, 255, 0, "Change LFO setup"),
  BYTE ("lfo3-wave", MIDI_SETUP, 11, 0, 255, 0, "Change LFO setup"),
  BYTE ("arp-setup-byte0", MIDI_SETUP, 12, 0, 255, 0, "Change arpeggiator setup"),
  BYTE ("arp-setup-byte1", MIDI_SETUP, 13, 0, 255, 0, "Change arpeggiator setup"),
  BYTE ("arp-len", MIDI_SETUP, 14, 0, 255, 7, "Change arpeggiator setup"),
  BYTE ("arp-setup-byte3", MIDI_SETUP, 15, 0, 255, 0, "Change arpeggiator setup"),
  BYTE ("arp-setup-byte4", MIDI_SETUP, 16, 0, 255, 0, "Change arpeggiator setup"),
  BYTE ("arp-key", MIDI_SETUP, 17, 0, 24, 0, "Change arpeggiator setup"),
  BYTE ("ctrl1-setup-byte0", MIDI_SETUP, 18, 0, 255, 0, "Change controller setup"),
  BYTE ("ctrl1-setup-byte1", MIDI_SETUP, 19, 0, 255, 0, "Change controller setup"),
  BYTE ("cc1-number", MIDI_SETUP, 20, 0, 127, 7, "Change controller setup"),
  BYTE ("cc2-number", MIDI_SETUP, 21, 0, 127, 1, "Change controller setup"),
  BYTE ("cc3-number", MIDI_SETUP, 22, 0, 127, 2, "Change controller setup"),
  BYTE ("cc4-number", MIDI_SETUP, 23, 0, 127, 10, "Change controller setup"),
  BYTE ("cc5-number", MIDI_SETUP, 24, 0, 127, 71, "Change controller setup"),
  BYTE ("cc6-number", MIDI_SETUP, 25, 0, 127, 72, "Change controller setup"),
  BYTE ("cc7-number", MIDI_SETUP, 26, 0, 127, 73, "Change controller setup"),
  BYTE ("cc8-number", MIDI_SETUP, 27, 0, 127, 74, "Change controller setup"),
  BYTE ("cc9-number", MIDI_SETUP, 28, 0, 127, 75, "Change controller setup"),
  BYTE ("cc10-number", MIDI_SETUP, 29, 0, 127, 76, "Change controller setup"),
  BYTE ("lfo1-mult", MIDI_SETUP, 30, 0, 255, 0, "Change LFO setup"),
  BYTE ("lfo2-mult", MIDI_SETUP, 31, 0, 255, 0, "Change LFO setup"),
  BYTE ("lfo3-mult", MIDI_SETUP, 32, 0, 255, 0, "Change LFO setup"),
  BYTE ("lfo1-trig", MIDI_SETUP, 33, 0, 255, 0, "Change LFO setup"),
  BYTE ("lfo2-trig", MIDI_SETUP, 34, 0, 255, 0, "Change LFO setup"),
  BYTE ("lfo3-trig", MIDI_SETUP, 35, 0, 255, 0, "Change LFO setup"),
  [FIELD_ARP_MUTES] = { "arp-mutes", OCTA_FIELD_INT, 0, G_MAXUINT16, G_MAXUINT16, NULL,
                        _octa_part_track_get_u16, _octa_part_track_set_u16, ARG (ARP_MUTES, 0), 1,
                        "Mute arpeggiator notes" },
  ARP_NOTE (1),
  ARP_NOTE (2),
  ARP_NOTE (3),
  ARP_NOTE (4),
  ARP_NOTE (5),
  ARP_NOTE (6),
  ARP_NOTE (7),
  ARP_NOTE (8),
  ARP_NOTE (9),
  ARP_NOTE (10),
  ARP_NOTE (11),
  ARP_NOTE (12),
  ARP_NOTE (13),
  ARP_NOTE (14),
  ARP_NOTE (15),
  ARP_NOTE (16),
};

G_STATIC_ASSERT (G_N_ELEMENTS (field_defs) == FIELD_ARP_NOTE_FIRST + OCTA_PART_TRACK_N_LFO_STEPS);

static void
octa_midi_part_track_class_init (OctaMidiPartTrackClass *klass)
{
  /**
   * OctaMidiPartTrack:channel:
   *
   * The MIDI channel, 1…16.
   */
  /**
   * OctaMidiPartTrack:sbank:
   *
   * The sub-bank select byte, 0…127, or 128 for OFF.
   */
  _octa_part_track_class_install (G_OBJECT_CLASS (klass), &fields, field_defs,
                                  G_N_ELEMENTS (field_defs));
}

static void
octa_midi_part_track_init (OctaMidiPartTrack *self)
{
}

OctaMidiPartTrack *
_octa_midi_part_track_new (OctaPart *part,
                           guint     index)
{
  OctaMidiPartTrack *self = g_object_new (OCTA_TYPE_MIDI_PART_TRACK, NULL);

  _octa_part_track_setup (OCTA_PART_TRACK (self), part, index);
  return self;
}

/**
 * octa_midi_part_track_get_channel:
 * @self: a MIDI part track
 *
 * Returns: the MIDI channel, 1…16
 */
guint
octa_midi_part_track_get_channel (OctaMidiPartTrack *self)
{
  g_return_val_if_fail (OCTA_IS_MIDI_PART_TRACK (self), 1);
  return _octa_part_track_get_plus_one (self, field_defs[FIELD_CHANNEL].arg);
}

/**
 * octa_midi_part_track_set_channel:
 * @self: a MIDI part track
 * @channel: 1…16
 */
void
octa_midi_part_track_set_channel (OctaMidiPartTrack *self,
                                  guint              channel)
{
  g_return_if_fail (OCTA_IS_MIDI_PART_TRACK (self));
  g_return_if_fail (channel >= 1 && channel <= 16);
  octa_field_set_int (&fields, self, _octa_part_track_get_project (OCTA_PART_TRACK (self)),
                      FIELD_CHANNEL, channel);
}

/**
 * octa_midi_part_track_get_arp_note:
 * @self: a MIDI part track
 * @step: 0…15
 *
 * Returns: the arpeggiator sequence's note offset at @step, −128…127
 */
gint
octa_midi_part_track_get_arp_note (OctaMidiPartTrack *self,
                                   guint              step)
{
  g_return_val_if_fail (OCTA_IS_MIDI_PART_TRACK (self), 0);
  g_return_val_if_fail (step < OCTA_PART_TRACK_N_LFO_STEPS, 0);
  return _octa_part_track_get_signed (self, field_defs[FIELD_ARP_NOTE_FIRST + step].arg);
}

/**
 * octa_midi_part_track_set_arp_note:
 * @self: a MIDI part track
 * @step: 0…15
 * @offset: the note offset, −128…127 (the device uses −63…63)
 */
void
octa_midi_part_track_set_arp_note (OctaMidiPartTrack *self,
                                   guint              step,
                                   gint               offset)
{
  g_return_if_fail (OCTA_IS_MIDI_PART_TRACK (self));
  g_return_if_fail (step < OCTA_PART_TRACK_N_LFO_STEPS);
  octa_field_set_int (&fields, self, _octa_part_track_get_project (OCTA_PART_TRACK (self)),
                      FIELD_ARP_NOTE_FIRST + step, offset);
}

/**
 * octa_midi_part_track_get_arp_mutes:
 * @self: a MIDI part track
 *
 * Returns: the arpeggiator mute mask as stored (first byte high)
 */
guint16
octa_midi_part_track_get_arp_mutes (OctaMidiPartTrack *self)
{
  g_return_val_if_fail (OCTA_IS_MIDI_PART_TRACK (self), G_MAXUINT16);
  return _octa_part_track_get_u16 (self, field_defs[FIELD_ARP_MUTES].arg);
}

/**
 * octa_midi_part_track_set_arp_mutes:
 * @self: a MIDI part track
 * @mask: the mask as stored (first byte high)
 */
void
octa_midi_part_track_set_arp_mutes (OctaMidiPartTrack *self,
                                    guint16            mask)
{
  g_return_if_fail (OCTA_IS_MIDI_PART_TRACK (self));
  octa_field_set_int (&fields, self, _octa_part_track_get_project (OCTA_PART_TRACK (self)),
                      FIELD_ARP_MUTES, mask);
}
