/* SPDX-License-Identifier: MIT */
#include "octa-quantize.h"

#include <gio/gio.h>
#include <math.h>

/*
 * Timing helpers for scripts: note values in steps, fractions of a step as
 * micro-timing, and Euclidean rhythms as trig masks.
 */

/* Steps per whole note at each pattern scale: a step is a 1/16 note at 1x. */
static double
steps_per_whole (OctaScale scale)
{
  switch (scale)
    {
    case OCTA_SCALE_2X:
      return 32.0;
    case OCTA_SCALE_3_2X:
      return 24.0;
    case OCTA_SCALE_1X:
      return 16.0;
    case OCTA_SCALE_3_4X:
      return 12.0;
    case OCTA_SCALE_1_2X:
      return 8.0;
    case OCTA_SCALE_1_4X:
      return 4.0;
    case OCTA_SCALE_1_8X:
      return 2.0;
    default:
      return 0.0;
    }
}

/**
 * octa_quantize_steps_for_note_value:
 * @denominator: the note value's denominator: 4 for a quarter note, 16 for
 *   a sixteenth, 12 for an eighth-note triplet…
 * @scale: the pattern's (or track's) scale
 *
 * How many steps a note value lasts: a quarter note is 4 steps at 1x, 8 at
 * 2x, 2 at 1/2x.
 *
 * Returns: the number of steps; not a whole number when the note value is
 *   shorter than a step or does not fall on steps (a 1/32 note at 1x is
 *   0.5 steps)
 */
double
octa_quantize_steps_for_note_value (guint     denominator,
                                    OctaScale scale)
{
  g_return_val_if_fail (denominator > 0, 0.0);
  g_return_val_if_fail (steps_per_whole (scale) > 0.0, 0.0);

  return steps_per_whole (scale) / denominator;
}

/**
 * octa_micro_timing_from_fraction:
 * @numerator: how far the trig moves, as a fraction of a step: negative
 *   for earlier
 * @denominator: the fraction's denominator, not 0
 * @micro_timing: (out): the micro-timing value, -23…23 in 1/384 of a step
 * @error: return location for a #GError
 *
 * Turns a fraction of a step, as the device shows micro-timing ("+1/32",
 * "-1/128", "+5/384"), into the stored value.
 *
 * Returns: %FALSE with %G_IO_ERROR_INVALID_ARGUMENT when the fraction is
 *   not a whole number of 1/384 steps or lies beyond ±23/384
 */
gboolean
octa_micro_timing_from_fraction (gint     numerator,
                                 gint     denominator,
                                 gint    *micro_timing,
                                 GError **error)
{
  gint64 scaled;

  g_return_val_if_fail (denominator != 0, FALSE);
  g_return_val_if_fail (micro_timing != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  scaled = (gint64) numerator * OCTA_MICRO_TIMING_PER_STEP;
  if (scaled % denominator != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "%d/%d of a step is not a whole number of 1/384 steps "
                   "(the nearest is %ld/384)", numerator, denominator,
                   lround ((double) scaled / denominator));
      return FALSE;
    }
  scaled /= denominator;
  if (scaled < -OCTA_MICRO_TIMING_MAX || scaled > OCTA_MICRO_TIMING_MAX)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "%d/%d of a step is beyond the micro-timing range of ±23/384",
                   numerator, denominator);
      return FALSE;
    }
  *micro_timing = (gint) scaled;
  return TRUE;
}

/*
 * Bjorklund's algorithm, the one Toussaint's paper on Euclidean rhythms
 * uses. Every result is a rotation of the paper's pattern and, for sparse
 * rhythms, the very pattern (E(5,8) = x.xx.xx.); the paper picks other
 * rotations of dense ones (E(5,7)) to match traditional rhythms.
 */
static void
bjorklund_build (gint          level,
                 const guint  *counts,
                 const guint  *remainders,
                 gboolean     *pattern,
                 guint        *length)
{
  if (level == -1)
    {
      pattern[(*length)++] = FALSE;
      return;
    }
  if (level == -2)
    {
      pattern[(*length)++] = TRUE;
      return;
    }
  for (guint i = 0; i < counts[level]; i++)
    bjorklund_build (level - 1, counts, remainders, pattern, length);
  if (remainders[level] != 0)
    bjorklund_build (level - 2, counts, remainders, pattern, length);
}

/**
 * octa_euclidean_mask:
 * @pulses: how many trigs, 0…@steps
 * @steps: the rhythm's length, 1…64
 * @rotation: how many steps to move the rhythm later (negative: earlier)
 *
 * Spreads @pulses trigs as evenly as possible over @steps steps (a
 * Euclidean rhythm: E(3,8) is x..x..x.), starting with a trig, then
 * rotates it.
 *
 * Returns: a trig mask: bit n-1 set for a trig on step n
 */
guint64
octa_euclidean_mask (guint pulses,
                     guint steps,
                     gint  rotation)
{
  guint counts[64], remainders[65];
  gboolean pattern[64];
  guint divisor, length = 0, first = 0, shift;
  gint level = 0;
  guint64 mask = 0;

  g_return_val_if_fail (steps >= 1 && steps <= 64, 0);
  g_return_val_if_fail (pulses <= steps, 0);

  if (pulses == 0)
    return 0;

  if (pulses == steps)
    {
      for (guint i = 0; i < steps; i++)
        pattern[i] = TRUE;
      length = steps;
    }
  else
    {
      divisor = steps - pulses;
      remainders[0] = pulses;
      do
        {
          counts[level] = divisor / remainders[level];
          remainders[level + 1] = divisor % remainders[level];
          divisor = remainders[level];
          level++;
        }
      while (remainders[level] > 1);
      counts[level] = divisor;
      bjorklund_build (level, counts, remainders, pattern, &length);
    }
  g_assert (length == steps);

  while (!pattern[first])
    first++;

  shift = (guint) (((gint64) rotation % steps + steps) % steps);
  for (guint i = 0; i < steps; i++)
    if (pattern[(i + first) % steps])
      mask |= G_GUINT64_CONSTANT (1) << ((i + shift) % steps);
  return mask;
}
