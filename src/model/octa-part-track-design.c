/* SPDX-License-Identifier: MIT */
#include "octa-part-track-private.h"

/*
 * Per-step views of the custom LFO design and the arpeggiator sequence,
 * for editors that work one step at a time.
 *
 * The spec leaves the bit order of the two 16-bit masks open (§2.5, open
 * question 9). They are read here the way the trig masks are known to
 * work (§2.2.1): the two bytes form a big-endian number and step 1 is its
 * lowest bit, so the second byte holds steps 1–8 and the first steps 9–16.
 * The only device hint fits: muting some arp notes of M8 turned the last
 * byte of the mute area to 0x07. Everything stays in the masks' stored
 * form, so a wrong guess moves which step a bit is shown on, never what is
 * written for the steps the user did not touch.
 */

#define ARP_LENGTH_MAX OCTA_PART_TRACK_N_LFO_STEPS

/**
 * octa_part_track_get_lfo_smooth:
 * @self: a part track
 * @step: 0…15
 *
 * Returns: whether the custom LFO glides from @step to the next step
 *   (the step's interpolation bit)
 */
gboolean
octa_part_track_get_lfo_smooth (OctaPartTrack *self,
                                guint          step)
{
  g_return_val_if_fail (OCTA_IS_PART_TRACK (self), FALSE);
  g_return_val_if_fail (step < OCTA_PART_TRACK_N_LFO_STEPS, FALSE);
  return (octa_part_track_get_lfo_interpolation (self) >> step) & 1;
}

/**
 * octa_part_track_set_lfo_smooth:
 * @self: a part track
 * @step: 0…15
 * @smooth: whether the LFO glides from @step to the next step
 *
 * Sets one interpolation bit, in one undo step; the other steps' bits keep
 * their stored values.
 */
void
octa_part_track_set_lfo_smooth (OctaPartTrack *self,
                                guint          step,
                                gboolean       smooth)
{
  guint16 mask;

  g_return_if_fail (OCTA_IS_PART_TRACK (self));
  g_return_if_fail (step < OCTA_PART_TRACK_N_LFO_STEPS);

  mask = octa_part_track_get_lfo_interpolation (self);
  if (smooth)
    mask |= 1u << step;
  else
    mask &= ~(1u << step);
  octa_part_track_set_lfo_interpolation (self, mask);
}

/**
 * octa_part_track_set_lfo_steps:
 * @self: a part track
 * @steps: (array fixed-size=16): the 16 steps, −128…127
 *
 * Replaces the custom LFO's 16 values in one undo step and keeps its
 * interpolation bits.
 */
void
octa_part_track_set_lfo_steps (OctaPartTrack *self,
                               const gint8   *steps)
{
  g_return_if_fail (OCTA_IS_PART_TRACK (self));
  g_return_if_fail (steps != NULL);
  octa_part_track_set_lfo_design (self, steps, octa_part_track_get_lfo_interpolation (self));
}

/**
 * octa_midi_part_track_get_arp_mute:
 * @self: a MIDI part track
 * @step: 0…15
 *
 * Returns: whether the arpeggiator sequence skips the note at @step (its
 *   mute bit is clear)
 */
gboolean
octa_midi_part_track_get_arp_mute (OctaMidiPartTrack *self,
                                   guint              step)
{
  g_return_val_if_fail (OCTA_IS_MIDI_PART_TRACK (self), FALSE);
  g_return_val_if_fail (step < OCTA_PART_TRACK_N_LFO_STEPS, FALSE);
  return !((octa_midi_part_track_get_arp_mutes (self) >> step) & 1);
}

/**
 * octa_midi_part_track_set_arp_mute:
 * @self: a MIDI part track
 * @step: 0…15
 * @muted: whether the note at @step is skipped
 *
 * Mutes or unmutes one note of the arpeggiator sequence, in one undo step.
 */
void
octa_midi_part_track_set_arp_mute (OctaMidiPartTrack *self,
                                   guint              step,
                                   gboolean           muted)
{
  guint16 mask;

  g_return_if_fail (OCTA_IS_MIDI_PART_TRACK (self));
  g_return_if_fail (step < OCTA_PART_TRACK_N_LFO_STEPS);

  mask = octa_midi_part_track_get_arp_mutes (self);
  if (muted)
    mask &= ~(1u << step);
  else
    mask |= 1u << step;
  octa_midi_part_track_set_arp_mutes (self, mask);
}

/**
 * octa_midi_part_track_get_arp_length:
 * @self: a MIDI part track
 *
 * The ARP setup LEN stores the length less one: a new project's 7 is the
 * eight lit steps the device shows. Values above 15 read as 16.
 *
 * Returns: how many steps of the arpeggiator sequence play, 1…16
 */
guint
octa_midi_part_track_get_arp_length (OctaMidiPartTrack *self)
{
  gint raw = 0;

  g_return_val_if_fail (OCTA_IS_MIDI_PART_TRACK (self), ARP_LENGTH_MAX);
  g_object_get (self, "arp-len", &raw, NULL);
  return MIN ((guint) raw + 1, ARP_LENGTH_MAX);
}

/**
 * octa_midi_part_track_set_arp_length:
 * @self: a MIDI part track
 * @length: 1…16
 *
 * Sets the ARP setup LEN, in one undo step.
 */
void
octa_midi_part_track_set_arp_length (OctaMidiPartTrack *self,
                                     guint              length)
{
  g_return_if_fail (OCTA_IS_MIDI_PART_TRACK (self));
  g_return_if_fail (length >= 1 && length <= ARP_LENGTH_MAX);
  g_object_set (self, "arp-len", (gint) length - 1, NULL);
}
