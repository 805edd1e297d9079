/* SPDX-License-Identifier: MIT */
#include "octa-slot-ot.h"

#include <math.h>

#include "octa-project-settings.h"
#include "octa-sample-slot-private.h"

/* The Octatrack plays 44.1 kHz only: `.ot` lengths in bars assume it. */
#define DEVICE_RATE 44100.0

static char *
file_name (GFile *file)
{
  return g_file_get_parse_name (file);
}

static OctaSampleSlot *
used_slot (OctaProject   *project,
           OctaSlotKind   kind,
           guint          number,
           GError       **error)
{
  OctaSampleSlot *slot;

  if (number < 1 || number > octa_slot_kind_get_n_slots (kind))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "There is no slot %u (slots are 1 to %u)", number,
                   octa_slot_kind_get_n_slots (kind));
      return NULL;
    }
  slot = octa_project_get_sample_slot (project, kind, number);
  if (!octa_sample_slot_get_used (slot))
    {
      g_autofree char *label = octa_sample_slot_dup_label (slot);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "%s has no sample assigned", label);
      g_object_unref (slot);
      return NULL;
    }
  return slot;
}

/* Checks every value before anything is written: a refused file changes
 * nothing. */
static gboolean
check_ot (OctaSampleFile  *ot,
          const char      *name,
          GError         **error)
{
  guint32 ts = octa_sample_file_get (ot, OCTA_SAMPLE_FIELD_TIMESTRETCH);
  guint32 loop = octa_sample_file_get (ot, OCTA_SAMPLE_FIELD_LOOP_MODE);
  guint32 gain = octa_sample_file_get (ot, OCTA_SAMPLE_FIELD_GAIN);
  guint32 tq = octa_sample_file_get (ot, OCTA_SAMPLE_FIELD_TRIG_QUANTIZATION);
  guint32 count = octa_sample_file_get (ot, OCTA_SAMPLE_FIELD_SLICE_COUNT);
  const char *what = NULL;
  guint32 value = 0;

  if (ts != OCTA_TIMESTRETCH_OFF && ts != OCTA_TIMESTRETCH_NORMAL && ts != OCTA_TIMESTRETCH_BEAT)
    what = "timestretch mode", value = ts;
  else if (loop > OCTA_LOOP_MODE_PING_PONG)
    what = "loop mode", value = loop;
  else if (gain > 96)
    what = "gain", value = gain;
  else if (tq != 0xFF && tq > 16)
    what = "trig quantization", value = tq;
  else if (count > OCTA_MARKERS_N_SLICES)
    what = "slice count", value = count;
  else if (octa_sample_file_get (ot, OCTA_SAMPLE_FIELD_TRIM_START) >
           octa_sample_file_get (ot, OCTA_SAMPLE_FIELD_TRIM_END))
    what = "trim start (after the trim end)",
      value = octa_sample_file_get (ot, OCTA_SAMPLE_FIELD_TRIM_START);
  else if (octa_sample_file_get (ot, OCTA_SAMPLE_FIELD_TEMPO_X24) > G_MAXINT ||
           octa_sample_file_get (ot, OCTA_SAMPLE_FIELD_TRIM_LENGTH_X100) > G_MAXINT)
    what = "tempo or trim length", value = octa_sample_file_get (ot, OCTA_SAMPLE_FIELD_TEMPO_X24);

  if (what == NULL)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               "%s: %s %u is out of range; nothing was changed", name, what, value);
  return FALSE;
}

/**
 * octa_project_apply_ot_file:
 * @project: a project
 * @kind: the slot's kind
 * @number: the slot's number, 1-based
 * @ot: a sample attribute file (`.ot`)
 * @error: return location for a #GError
 *
 * Reads @ot into a used slot, in one undo step: gain, loop mode,
 * timestretch mode and trig quantization into its `[SAMPLE]` block, the
 * tempo or the trim length in bars into whichever of `BPMx24` and
 * `TRIM_BARSx100` the block holds, and trim, loop and all 64 slice entries
 * (leftovers past the count included) into `markers.work`.
 *
 * Returns: %FALSE, with nothing changed, when the file cannot be read, is
 *   not a valid `.ot` file, holds a value out of range, or the slot is
 *   unused
 */
gboolean
octa_project_apply_ot_file (OctaProject   *project,
                            OctaSlotKind   kind,
                            guint          number,
                            GFile         *ot,
                            GError       **error)
{
  g_autoptr(OctaSampleSlot) slot = NULL;
  g_autoptr(OctaSampleFile) sample = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree guint8 *data = NULL;
  OctaMarkersFile *markers;
  OctaSlotType type;
  guint index;
  gsize len = 0;
  guint32 tq;

  g_return_val_if_fail (OCTA_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (G_IS_FILE (ot), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  slot = used_slot (project, kind, number, error);
  if (slot == NULL)
    return FALSE;

  name = file_name (ot);
  path = g_file_get_path (ot);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   "%s: not a local file", name);
      return FALSE;
    }
  if (!octa_read_file (path, OCTA_MAX_FILE_SIZE, &data, &len, error))
    return FALSE;
  sample = octa_sample_file_new_from_data (data, len, name, OCTA_LOAD_DEFAULT, error);
  if (sample == NULL || !check_ot (sample, name, error))
    return FALSE;

  _octa_sample_slot_get_codec (slot, &type, &index);
  markers = _octa_project_get_markers_file (project, OCTA_STATE_WORK);
  tq = octa_sample_file_get (sample, OCTA_SAMPLE_FIELD_TRIG_QUANTIZATION);

  octa_project_begin_change (project, "Read sample attributes");
  octa_sample_slot_set_gain (slot, octa_sample_file_get (sample, OCTA_SAMPLE_FIELD_GAIN));
  octa_sample_slot_set_loop_mode (slot, octa_sample_file_get (sample, OCTA_SAMPLE_FIELD_LOOP_MODE));
  octa_sample_slot_set_timestretch (slot,
                                    octa_sample_file_get (sample, OCTA_SAMPLE_FIELD_TIMESTRETCH));
  octa_sample_slot_set_trig_quantization (slot, tq == 0xFF ? -1 : (gint) tq);
  if (octa_sample_slot_get_bpm_x24 (slot) >= 0)
    octa_sample_slot_set_bpm_x24 (slot, octa_sample_file_get (sample, OCTA_SAMPLE_FIELD_TEMPO_X24));
  else
    octa_sample_slot_set_trim_bars_x100 (slot,
                                         octa_sample_file_get (sample,
                                                               OCTA_SAMPLE_FIELD_TRIM_LENGTH_X100));

  octa_markers_file_set_trim_start (markers, type, index,
                                    octa_sample_file_get (sample, OCTA_SAMPLE_FIELD_TRIM_START));
  octa_markers_file_set_trim_end (markers, type, index,
                                  octa_sample_file_get (sample, OCTA_SAMPLE_FIELD_TRIM_END));
  octa_markers_file_set_loop_point (markers, type, index,
                                    octa_sample_file_get (sample, OCTA_SAMPLE_FIELD_LOOP_POINT));
  for (guint i = 0; i < OCTA_N_SLICES; i++)
    octa_markers_file_set_slice (markers, type, index, i, octa_sample_file_get_slice (sample, i));
  octa_markers_file_set_slice_count (markers, type, index,
                                     octa_sample_file_get (sample, OCTA_SAMPLE_FIELD_SLICE_COUNT));
  octa_project_end_change (project);
  return TRUE;
}

/**
 * octa_project_write_ot_file:
 * @project: a project
 * @kind: the slot's kind
 * @number: the slot's number, 1-based
 * @dest: where to write the `.ot` file, usually next to the sample
 * @error: return location for a #GError
 *
 * Writes a used slot's attributes and markers as a sample attribute file,
 * atomically (a file already at @dest is replaced whole or not at all).
 * The slot keeps either a tempo or a length in bars; the other one is
 * derived from the trimmed length at 44.1 kHz as the device does it (its
 * own `.ot` files hold the length rounded to hundredths of a bar, not to
 * whole beats as some tools write), and the loop length is the trim
 * length. Without either, the project tempo is used. Byte 22 is 0, the
 * value tools write.
 *
 * Returns: %FALSE when the slot is unused or the file cannot be written
 */
gboolean
octa_project_write_ot_file (OctaProject   *project,
                            OctaSlotKind   kind,
                            guint          number,
                            GFile         *dest,
                            GError       **error)
{
  g_autoptr(OctaSampleSlot) slot = NULL;
  g_autoptr(OctaSampleFile) sample = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  OctaMarkersFile *markers;
  OctaSlotType type;
  guint index;
  guint32 start, end, bars_x100, tempo_x24;
  gint bpm, bars;
  double seconds;
  gint tq;

  g_return_val_if_fail (OCTA_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (G_IS_FILE (dest), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  slot = used_slot (project, kind, number, error);
  if (slot == NULL)
    return FALSE;

  name = file_name (dest);
  path = g_file_get_path (dest);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   "%s: not a local file", name);
      return FALSE;
    }

  _octa_sample_slot_get_codec (slot, &type, &index);
  markers = _octa_project_get_markers_file (project, OCTA_STATE_WORK);
  start = octa_markers_file_get_trim_start (markers, type, index);
  end = octa_markers_file_get_trim_end (markers, type, index);
  seconds = end > start ? (end - start) / DEVICE_RATE : 0.0;

  bpm = octa_sample_slot_get_bpm_x24 (slot);
  bars = octa_sample_slot_get_trim_bars_x100 (slot);
  if (bars >= 0 && bpm < 0 && seconds > 0)
    {
      bars_x100 = bars;
      tempo_x24 = (guint32) lround (bars / 100.0 * 4 * 60 * 24 / seconds);
    }
  else
    {
      g_autoptr(OctaProjectSettings) settings = octa_project_get_settings (project);

      tempo_x24 = bpm >= 0 ? (guint32) bpm
                           : (guint32) lround (octa_project_settings_get_tempo (settings) * 24);
      bars_x100 = bars >= 0 && bpm < 0
                  ? (guint32) bars
                  : (guint32) lround (seconds * tempo_x24 / 24.0 / 60.0 / 4.0 * 100.0);
    }

  sample = octa_sample_file_new_blank (name);
  octa_sample_file_set (sample, OCTA_SAMPLE_FIELD_TEMPO_X24, tempo_x24);
  octa_sample_file_set (sample, OCTA_SAMPLE_FIELD_TRIM_LENGTH_X100, bars_x100);
  octa_sample_file_set (sample, OCTA_SAMPLE_FIELD_LOOP_LENGTH_X100, bars_x100);
  octa_sample_file_set (sample, OCTA_SAMPLE_FIELD_TIMESTRETCH,
                        octa_sample_slot_get_timestretch (slot));
  octa_sample_file_set (sample, OCTA_SAMPLE_FIELD_LOOP_MODE, octa_sample_slot_get_loop_mode (slot));
  octa_sample_file_set (sample, OCTA_SAMPLE_FIELD_GAIN, MIN (octa_sample_slot_get_gain (slot), 96));
  tq = octa_sample_slot_get_trig_quantization (slot);
  octa_sample_file_set (sample, OCTA_SAMPLE_FIELD_TRIG_QUANTIZATION,
                        tq < 0 || tq > 16 ? 0xFF : (guint32) tq);
  octa_sample_file_set (sample, OCTA_SAMPLE_FIELD_TRIM_START, start);
  octa_sample_file_set (sample, OCTA_SAMPLE_FIELD_TRIM_END, end);
  octa_sample_file_set (sample, OCTA_SAMPLE_FIELD_LOOP_POINT,
                        octa_markers_file_get_loop_point (markers, type, index));
  for (guint i = 0; i < OCTA_N_SLICES; i++)
    octa_sample_file_set_slice (sample, i, octa_markers_file_get_slice (markers, type, index, i));
  octa_sample_file_set (sample, OCTA_SAMPLE_FIELD_SLICE_COUNT,
                        octa_markers_file_get_slice_count (markers, type, index));

  bytes = octa_sample_file_encode (sample);
  return octa_write_file_atomic (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                 error);
}
