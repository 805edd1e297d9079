/* SPDX-License-Identifier: MIT */
#include "octa-demo.h"

#include <math.h>
#include <string.h>

#include "octa-codec-error.h"
#include "octa-fileio.h"

/*
 * A small but lively project, so the application never starts empty and
 * scripts have something real to chew on: a few patterns in bank A with
 * every kind of trig, locks, conditions and micro-timing, two named parts
 * with Flex and Static machines, and five short samples it writes itself.
 */

#define RATE 44100

typedef struct
{
  const char *name;
  double      seconds;
  double      freq;
  double      decay;
  gboolean    noise;
} DemoSample;

static const DemoSample samples[OCTA_DEMO_N_SAMPLES] = {
  { "kick.wav",  0.40,  55.0, 9.0,  FALSE },
  { "snare.wav", 0.30, 190.0, 14.0, TRUE },
  { "hat.wav",   0.08, 0.0,   40.0, TRUE },
  { "perc.wav",  0.20, 660.0, 20.0, FALSE },
  { "loop.wav",  2.00, 110.0, 0.8,  FALSE },
};

static void
put_le32 (guint8 *p,
          guint32 v)
{
  p[0] = v & 0xFF;
  p[1] = (v >> 8) & 0xFF;
  p[2] = (v >> 16) & 0xFF;
  p[3] = (v >> 24) & 0xFF;
}

static void
put_le16 (guint8 *p,
          guint16 v)
{
  p[0] = v & 0xFF;
  p[1] = (v >> 8) & 0xFF;
}

static guint32
sample_frames (guint index)
{
  return (guint32) (samples[index].seconds * RATE);
}

/**
 * octa_demo_sample_wav:
 * @index: 0 … OCTA_DEMO_N_SAMPLES-1
 * @filename: (out) (optional) (transfer full): the sample's file name
 *
 * Returns: (transfer full): a 44.1 kHz 16-bit mono WAV the device can play
 */
GBytes *
octa_demo_sample_wav (guint   index,
                      char  **filename)
{
  const DemoSample *s;
  guint32 frames, data_len;
  guint8 *wav;
  guint32 noise = 0x12345678u;

  g_return_val_if_fail (index < OCTA_DEMO_N_SAMPLES, NULL);

  s = &samples[index];
  frames = sample_frames (index);
  data_len = frames * 2;
  wav = g_malloc0 (44 + data_len);

  memcpy (wav, "RIFF", 4);
  put_le32 (wav + 4, 36 + data_len);
  memcpy (wav + 8, "WAVEfmt ", 8);
  put_le32 (wav + 16, 16);
  put_le16 (wav + 20, 1);
  put_le16 (wav + 22, 1);
  put_le32 (wav + 24, RATE);
  put_le32 (wav + 28, RATE * 2);
  put_le16 (wav + 32, 2);
  put_le16 (wav + 34, 16);
  memcpy (wav + 36, "data", 4);
  put_le32 (wav + 40, data_len);

  for (guint32 i = 0; i < frames; i++)
    {
      double t = (double) i / RATE;
      double env = exp (-s->decay * t);
      double v = 0.0;

      if (s->freq > 0.0)
        v += sin (2.0 * G_PI * s->freq * t * (1.0 + (index == 0 ? 2.0 * env : 0.0)));
      if (s->noise)
        {
          noise = noise * 1664525u + 1013904223u;
          v = 0.5 * v + ((double) (noise >> 8) / (1 << 24) - 0.5);
        }
      put_le16 (wav + 44 + 2 * i, (guint16) (gint16) (v * env * 24000.0));
    }

  if (filename != NULL)
    *filename = g_strdup (s->name);
  return g_bytes_new_take (wav, 44 + data_len);
}

/**
 * octa_demo_write_samples:
 * @dir: the demo project's folder
 * @error: return location for a #GError
 *
 * Writes the demo's samples into its folder, where its slots expect them.
 */
gboolean
octa_demo_write_samples (const char  *dir,
                         GError     **error)
{
  return octa_demo_write_samples_full (dir, OCTA_WRITE_DEFAULT, error);
}

/**
 * octa_demo_write_samples_full:
 * @dir: the demo project's folder
 * @flags: how durably to write them (%OCTA_WRITE_NO_SYNC for a scratch folder)
 * @error: return location for a #GError
 *
 * Writes the demo's samples into its folder, where its slots expect them.
 */
gboolean
octa_demo_write_samples_full (const char      *dir,
                              OctaWriteFlags   flags,
                              GError         **error)
{
  for (guint i = 0; i < OCTA_DEMO_N_SAMPLES; i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GBytes) wav = octa_demo_sample_wav (i, &name);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (!octa_write_file_atomic_full (path, g_bytes_get_data (wav, NULL),
                                        g_bytes_get_size (wav), flags, error))
        return FALSE;
    }
  return TRUE;
}

static void
set_steps (OctaBankFile *bank,
           guint         pattern,
           OctaTrackType type,
           guint         track,
           OctaTrigKind  kind,
           const guint  *steps,
           guint         n)
{
  for (guint i = 0; i < n; i++)
    octa_bank_file_set_trig (bank, pattern, type, track, kind, steps[i] - 1, TRUE);
}

static void
fill_pattern_1 (OctaBankFile *bank)
{
  static const guint kick[] = { 1, 5, 9, 13 };
  static const guint snare[] = { 5, 13 };
  static const guint ghost[] = { 8, 16 };
  static const guint hats[] = { 1, 3, 5, 7, 9, 11, 13, 15 };
  static const guint perc[] = { 4, 11, 14 };
  static const guint locks[] = { 7 };
  static const guint notes[] = { 1, 4, 7, 11, 13 };

  set_steps (bank, 0, OCTA_TRACK_AUDIO, 0, OCTA_TRIG_TRIGGER, kick, G_N_ELEMENTS (kick));
  set_steps (bank, 0, OCTA_TRACK_AUDIO, 1, OCTA_TRIG_TRIGGER, snare, G_N_ELEMENTS (snare));
  set_steps (bank, 0, OCTA_TRACK_AUDIO, 1, OCTA_TRIG_TRIGLESS, ghost, G_N_ELEMENTS (ghost));
  set_steps (bank, 0, OCTA_TRACK_AUDIO, 2, OCTA_TRIG_TRIGGER, hats, G_N_ELEMENTS (hats));
  set_steps (bank, 0, OCTA_TRACK_AUDIO, 3, OCTA_TRIG_TRIGGER, perc, G_N_ELEMENTS (perc));
  set_steps (bank, 0, OCTA_TRACK_AUDIO, 3, OCTA_TRIG_LOCK, locks, G_N_ELEMENTS (locks));
  set_steps (bank, 0, OCTA_TRACK_AUDIO, 3, OCTA_TRIG_ONESHOT, perc, 1);
  octa_bank_file_set_trig (bank, 0, OCTA_TRACK_AUDIO, 4, OCTA_TRIG_TRIGGER, 0, TRUE);
  set_steps (bank, 0, OCTA_TRACK_MIDI, 0, OCTA_TRIG_TRIGGER, notes, G_N_ELEMENTS (notes));

  /* Hats: a volume ramp, a late off-beat and a fill-only accent. */
  for (guint i = 0; i < G_N_ELEMENTS (hats); i++)
    octa_bank_file_set_plock (bank, 0, OCTA_TRACK_AUDIO, 2, hats[i] - 1,
                              OCTA_AUDIO_PLOCK_AMP_VOL, 40 + 10 * i);
  octa_bank_file_set_micro_timing (bank, 0, OCTA_TRACK_AUDIO, 2, 2, 12);
  octa_bank_file_set_micro_timing (bank, 0, OCTA_TRACK_AUDIO, 2, 6, -6);
  octa_bank_file_set_trig (bank, 0, OCTA_TRACK_AUDIO, 2, OCTA_TRIG_TRIGGER, 15, TRUE);
  octa_bank_file_set_condition (bank, 0, OCTA_TRACK_AUDIO, 2, 15, 1);
  octa_bank_file_set_repeats (bank, 0, OCTA_TRACK_AUDIO, 2, 15, 3);

  /* Snare: the second hit plays every other loop. */
  octa_bank_file_set_condition (bank, 0, OCTA_TRACK_AUDIO, 1, 12, 30);
  octa_bank_file_set_plock (bank, 0, OCTA_TRACK_AUDIO, 1, 7, OCTA_AUDIO_PLOCK_FX1_1, 90);

  /* Perc: pitch locks and a sample lock to the hat. */
  octa_bank_file_set_plock (bank, 0, OCTA_TRACK_AUDIO, 3, 3, OCTA_AUDIO_PLOCK_SRC1, 76);
  octa_bank_file_set_plock (bank, 0, OCTA_TRACK_AUDIO, 3, 10, OCTA_AUDIO_PLOCK_SRC1, 52);
  octa_bank_file_set_plock (bank, 0, OCTA_TRACK_AUDIO, 3, 6, OCTA_AUDIO_PLOCK_AMP_REL, 20);
  octa_bank_file_set_sample_lock (bank, 0, 3, 13, 2);
  octa_bank_file_set_condition (bank, 0, OCTA_TRACK_AUDIO, 3, 13, 19);

  /* A bass line on M1 with note locks. */
  for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
    octa_bank_file_set_plock (bank, 0, OCTA_TRACK_MIDI, 0, notes[i] - 1, OCTA_MIDI_PLOCK_NOTE,
                              36 + (i * 5) % 12);
  octa_bank_file_set_trig (bank, 0, OCTA_TRACK_AUDIO, 0, OCTA_TRIG_SLIDE, 8, TRUE);
}

static void
fill_pattern_2 (OctaBankFile *bank)
{
  static const guint kick[] = { 1, 7, 11, 17, 23, 27, 29 };
  static const guint snare[] = { 5, 13, 21, 29, 31 };

  octa_bank_file_set_pattern_length (bank, 1, 32);
  octa_bank_file_set_pattern_part (bank, 1, 1);
  set_steps (bank, 1, OCTA_TRACK_AUDIO, 0, OCTA_TRIG_TRIGGER, kick, G_N_ELEMENTS (kick));
  set_steps (bank, 1, OCTA_TRACK_AUDIO, 1, OCTA_TRIG_TRIGGER, snare, G_N_ELEMENTS (snare));
  for (guint s = 0; s < 32; s += 2)
    octa_bank_file_set_trig (bank, 1, OCTA_TRACK_AUDIO, 2, OCTA_TRIG_TRIGGER, s, TRUE);
  octa_bank_file_set_trig (bank, 1, OCTA_TRACK_AUDIO, 4, OCTA_TRIG_TRIGGER, 0, TRUE);
  octa_bank_file_set_trig (bank, 1, OCTA_TRACK_AUDIO, 4, OCTA_TRIG_TRIGGER, 16, TRUE);
  octa_bank_file_set_condition (bank, 1, OCTA_TRACK_AUDIO, 1, 30, 7);
  octa_bank_file_set_track_setting (bank, 1, OCTA_TRACK_AUDIO, 2, OCTA_TRACK_SETTING_SWING_AMOUNT, 12);
}

static void
fill_pattern_3 (OctaBankFile *bank)
{
  octa_bank_file_set_pattern_length (bank, 2, 64);
  octa_bank_file_set_pattern_scale_mode (bank, 2, 1);
  octa_bank_file_set_pattern_per_track_length (bank, 2, 64);
  octa_bank_file_set_track_setting (bank, 2, OCTA_TRACK_AUDIO, 2, OCTA_TRACK_SETTING_LENGTH, 12);
  for (guint s = 0; s < 64; s += 4)
    octa_bank_file_set_trig (bank, 2, OCTA_TRACK_AUDIO, 0, OCTA_TRIG_TRIGGER, s, TRUE);
  for (guint s = 2; s < 12; s += 3)
    octa_bank_file_set_trig (bank, 2, OCTA_TRACK_AUDIO, 2, OCTA_TRIG_TRIGGER, s, TRUE);
  octa_bank_file_set_trig (bank, 2, OCTA_TRACK_AUDIO, 6, OCTA_TRIG_RECORDER_1, 0, TRUE);
  octa_bank_file_set_trig (bank, 2, OCTA_TRACK_AUDIO, 6, OCTA_TRIG_RECORDER_2, 0, TRUE);
  octa_bank_file_set_trig (bank, 2, OCTA_TRACK_AUDIO, 6, OCTA_TRIG_RECORDER_3, 0, TRUE);
  octa_bank_file_set_pattern_tempo_x24 (bank, 2, 126 * 24 + 3);
}

static void
setup_parts (OctaBankFile *bank)
{
  for (guint copy = OCTA_PART_UNSAVED; copy <= OCTA_PART_SAVED; copy++)
    for (guint part = 0; part < 2; part++)
      {
        for (guint t = 0; t < 4; t++)
          {
            octa_bank_file_set_machine (bank, part, copy, t, OCTA_MACHINE_FLEX);
            octa_bank_file_set_part_value (bank, part, copy, OCTA_PART_AREA_SLOTS, t, 1, t);
          }
        octa_bank_file_set_machine (bank, part, copy, 4, OCTA_MACHINE_STATIC);
        octa_bank_file_set_part_value (bank, part, copy, OCTA_PART_AREA_SLOTS, 4, 0, 0);
        octa_bank_file_set_machine (bank, part, copy, 7, OCTA_MACHINE_THRU);
      }

  /* Part 2 is darker: a lower filter on the hats and a scene to sweep it. */
  for (guint copy = OCTA_PART_UNSAVED; copy <= OCTA_PART_SAVED; copy++)
    {
      octa_bank_file_set_part_value (bank, 1, copy, OCTA_PART_AREA_VALUES, 2, 12, 40);
      octa_bank_file_set_scene_lock (bank, 1, copy, 8, 2, 18, 110);
      octa_bank_file_set_xlv (bank, 1, copy, 8, 4, 0);
    }
  for (guint part = 0; part < 2; part++)
    octa_bank_file_set_part_saved_state (bank, part, 1);

  octa_bank_file_set_part_name (bank, 0, "GROOVE", NULL);
  octa_bank_file_set_part_name (bank, 1, "DARK", NULL);
}

/**
 * octa_project_files_new_demo:
 *
 * Returns: (transfer full): the demo project "DEMO": a device-blank project
 *   with three patterns in bank A, two parts and five sample slots. Its
 *   samples are written by octa_demo_write_samples().
 */
OctaProjectFiles *
octa_project_files_new_demo (void)
{
  OctaProjectFiles *files = octa_project_files_new_blank ("DEMO");
  OctaBankFile *bank = files->banks[OCTA_STATE_WORK][0];
  OctaProjectFile *project = files->project[OCTA_STATE_WORK];
  OctaMarkersFile *markers = files->markers[OCTA_STATE_WORK];

  fill_pattern_1 (bank);
  fill_pattern_2 (bank);
  fill_pattern_3 (bank);
  setup_parts (bank);

  for (guint i = 0; i < OCTA_DEMO_N_SAMPLES; i++)
    {
      OctaSlotType type = i < 4 ? OCTA_SLOT_FLEX : OCTA_SLOT_STATIC;
      guint slot = i < 4 ? i : 0;
      guint32 frames = sample_frames (i);

      octa_project_file_add_sample (project, type, slot, samples[i].name, NULL);
      octa_markers_file_set_trim_end (markers, type, slot, frames);
      if (i == 4)
        {
          /* The loop is sliced in eight, as the device's slice grid would. */
          octa_markers_file_set_slice_count (markers, type, slot, 8);
          for (guint k = 0; k < 8; k++)
            octa_markers_file_set_slice (markers, type, slot, k,
                                         (OctaSlice) { frames / 8 * k, frames / 8 * (k + 1),
                                                       OCTA_SLICE_NO_LOOP });
        }
    }
  octa_project_file_set_sample_attr (project, OCTA_SLOT_STATIC, 0, OCTA_SAMPLE_ATTR_LOOPMODE, 1,
                                     NULL);
  octa_project_file_set_sample_attr (project, OCTA_SLOT_STATIC, 0,
                                     OCTA_SAMPLE_ATTR_TRIM_BARS_X100, 100, NULL);
  octa_project_file_set_int (project, OCTA_SECTION_SETTINGS, "TEMPOx24", 0, 120 * 24, NULL);

  return files;
}
