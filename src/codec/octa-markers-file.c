/* SPDX-License-Identifier: MIT */
#include "octa-markers-file.h"

#include <string.h>

#include "octa-image-private.h"

#define RECORDS_START      OCTA_HEADER_SIZE
#define RECORD_SIZE        784
#define TRIM_START_REL     0
#define TRIM_END_REL       4
#define LOOP_POINT_REL     8
#define SLICES_REL         12
#define SLICE_SIZE         12
#define SLICE_COUNT_REL    780

OCTA_DEFINE_IMAGE_FILE (OctaMarkersFile, octa_markers_file, markers)

static gboolean
slot_is_valid (OctaSlotType type,
               guint        slot)
{
  switch (type)
    {
    case OCTA_SLOT_FLEX:
      return slot < OCTA_N_FLEX_SLOTS;
    case OCTA_SLOT_STATIC:
      return slot < OCTA_N_STATIC_SLOTS;
    default:
      return FALSE;
    }
}

/**
 * octa_slot_type_n_slots:
 * @type: a slot type
 *
 * Returns: how many records @type has in a markers file: 136 Flex records
 *   (128 slots and the 8 recorder buffers) or 128 Static records.
 */
guint
octa_slot_type_n_slots (OctaSlotType type)
{
  switch (type)
    {
    case OCTA_SLOT_FLEX:
      return OCTA_N_FLEX_SLOTS;
    case OCTA_SLOT_STATIC:
      return OCTA_N_STATIC_SLOTS;
    default:
      g_return_val_if_reached (0);
    }
}

/**
 * octa_slot_type_to_string:
 * @type: a slot type
 *
 * Returns: a stable identifier, "flex" or "static".
 */
const char *
octa_slot_type_to_string (OctaSlotType type)
{
  switch (type)
    {
    case OCTA_SLOT_FLEX:
      return "flex";
    case OCTA_SLOT_STATIC:
      return "static";
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * octa_markers_slot_offset:
 * @type: a slot type
 * @slot: a 0-based slot (Flex 128…135 are the recorder buffers)
 *
 * Returns: the absolute offset of the slot's 784-byte record.
 */
gsize
octa_markers_slot_offset (OctaSlotType type,
                          guint        slot)
{
  g_return_val_if_fail (slot_is_valid (type, slot), 0);

  /* The recorder buffers sit right after Flex slot 128, so all 136 Flex
   * records are contiguous and the Static records follow them. */
  if (type == OCTA_SLOT_STATIC)
    slot += OCTA_N_FLEX_SLOTS;

  return RECORDS_START + (gsize) RECORD_SIZE * slot;
}

/**
 * octa_markers_file_new_blank:
 * @name: (nullable): the name used in messages
 *
 * Returns: (transfer full): the markers file of a new project: every record
 *   zero, checksum 0x0004, byte for byte what the device writes.
 */
OctaMarkersFile *
octa_markers_file_new_blank (const char *name)
{
  return octa_markers_file_wrap (octa_image_new_blank (OCTA_FILE_KIND_MARKERS, name));
}

/* The records of `markers.work` / `markers.strd` have no inner magic, so
 * only the container is checked; any record contents are accepted. */
OCTA_DEFINE_IMAGE_FILE_LOADER (OctaMarkersFile, octa_markers_file, OCTA_FILE_KIND_MARKERS)

static guint32
get_record_u32 (const OctaMarkersFile *markers,
                OctaSlotType           type,
                guint                  slot,
                gsize                  rel)
{
  g_return_val_if_fail (markers != NULL, 0);
  g_return_val_if_fail (slot_is_valid (type, slot), 0);

  return octa_image_get_u32 (markers->image, octa_markers_slot_offset (type, slot) + rel);
}

static void
set_record_u32 (OctaMarkersFile *markers,
                OctaSlotType     type,
                guint            slot,
                gsize            rel,
                guint32          value)
{
  g_return_if_fail (markers != NULL);
  g_return_if_fail (slot_is_valid (type, slot));

  octa_image_set_u32 (markers->image, octa_markers_slot_offset (type, slot) + rel, value);
}

/**
 * octa_markers_file_get_trim_start:
 * @markers: a markers file
 * @type: the slot type
 * @slot: a 0-based slot
 *
 * Returns: the slot's trim start in frames.
 */
guint32
octa_markers_file_get_trim_start (const OctaMarkersFile *markers,
                                  OctaSlotType           type,
                                  guint                  slot)
{
  return get_record_u32 (markers, type, slot, TRIM_START_REL);
}

/**
 * octa_markers_file_set_trim_start:
 * @markers: a markers file
 * @type: the slot type
 * @slot: a 0-based slot
 * @frames: the new trim start in frames
 */
void
octa_markers_file_set_trim_start (OctaMarkersFile *markers,
                                  OctaSlotType     type,
                                  guint            slot,
                                  guint32          frames)
{
  set_record_u32 (markers, type, slot, TRIM_START_REL, frames);
}

/**
 * octa_markers_file_get_trim_end:
 * @markers: a markers file
 * @type: the slot type
 * @slot: a 0-based slot
 *
 * Returns: the slot's trim end in frames. The device sets it to the sample's
 *   length when a sample is assigned and never recomputes it, so 0 means
 *   the slot plays nothing.
 */
guint32
octa_markers_file_get_trim_end (const OctaMarkersFile *markers,
                                OctaSlotType           type,
                                guint                  slot)
{
  return get_record_u32 (markers, type, slot, TRIM_END_REL);
}

/**
 * octa_markers_file_set_trim_end:
 * @markers: a markers file
 * @type: the slot type
 * @slot: a 0-based slot
 * @frames: the new trim end in frames
 */
void
octa_markers_file_set_trim_end (OctaMarkersFile *markers,
                                OctaSlotType     type,
                                guint            slot,
                                guint32          frames)
{
  set_record_u32 (markers, type, slot, TRIM_END_REL, frames);
}

/**
 * octa_markers_file_get_loop_point:
 * @markers: a markers file
 * @type: the slot type
 * @slot: a 0-based slot
 *
 * Returns: the slot's loop point in frames (loop on/off is a project.work
 *   setting, not stored here).
 */
guint32
octa_markers_file_get_loop_point (const OctaMarkersFile *markers,
                                  OctaSlotType           type,
                                  guint                  slot)
{
  return get_record_u32 (markers, type, slot, LOOP_POINT_REL);
}

/**
 * octa_markers_file_set_loop_point:
 * @markers: a markers file
 * @type: the slot type
 * @slot: a 0-based slot
 * @frames: the new loop point in frames
 */
void
octa_markers_file_set_loop_point (OctaMarkersFile *markers,
                                  OctaSlotType     type,
                                  guint            slot,
                                  guint32          frames)
{
  set_record_u32 (markers, type, slot, LOOP_POINT_REL, frames);
}

/**
 * octa_markers_file_get_slice_count:
 * @markers: a markers file
 * @type: the slot type
 * @slot: a 0-based slot
 *
 * Returns: the stored slice count, normally 0…64 but returned as stored.
 */
guint32
octa_markers_file_get_slice_count (const OctaMarkersFile *markers,
                                   OctaSlotType           type,
                                   guint                  slot)
{
  return get_record_u32 (markers, type, slot, SLICE_COUNT_REL);
}

/**
 * octa_markers_file_set_slice_count:
 * @markers: a markers file
 * @type: the slot type
 * @slot: a 0-based slot
 * @count: 0…64
 *
 * Sets the number of used slices. Entries beyond the count are left as they
 * are.
 */
void
octa_markers_file_set_slice_count (OctaMarkersFile *markers,
                                   OctaSlotType     type,
                                   guint            slot,
                                   guint32          count)
{
  g_return_if_fail (count <= OCTA_N_SLICES);

  set_record_u32 (markers, type, slot, SLICE_COUNT_REL, count);
}

/**
 * octa_markers_file_get_slice:
 * @markers: a markers file
 * @type: the slot type
 * @slot: a 0-based slot
 * @index: slice 0…63
 *
 * Returns: the slice entry as stored, whether or not it is below the count.
 *   A loop of %OCTA_SLICE_NO_LOOP means the slice does not loop.
 */
OctaSlice
octa_markers_file_get_slice (const OctaMarkersFile *markers,
                             OctaSlotType           type,
                             guint                  slot,
                             guint                  index)
{
  OctaSlice slice = { 0, 0, 0 };
  gsize rel;

  g_return_val_if_fail (index < OCTA_N_SLICES, slice);

  rel = SLICES_REL + (gsize) SLICE_SIZE * index;
  slice.start = get_record_u32 (markers, type, slot, rel);
  slice.end = get_record_u32 (markers, type, slot, rel + 4);
  slice.loop = get_record_u32 (markers, type, slot, rel + 8);
  return slice;
}

/**
 * octa_markers_file_set_slice:
 * @markers: a markers file
 * @type: the slot type
 * @slot: a 0-based slot
 * @index: slice 0…63
 * @slice: the new entry
 *
 * Writes one slice entry; the slice count is not changed. The device writes
 * unused entries as zeros and used ones with loop %OCTA_SLICE_NO_LOOP
 * unless a slice loop point is set.
 */
void
octa_markers_file_set_slice (OctaMarkersFile *markers,
                             OctaSlotType     type,
                             guint            slot,
                             guint            index,
                             OctaSlice        slice)
{
  gsize rel;

  g_return_if_fail (index < OCTA_N_SLICES);

  rel = SLICES_REL + (gsize) SLICE_SIZE * index;
  set_record_u32 (markers, type, slot, rel, slice.start);
  set_record_u32 (markers, type, slot, rel + 4, slice.end);
  set_record_u32 (markers, type, slot, rel + 8, slice.loop);
}

/**
 * octa_markers_file_slot_is_empty:
 * @markers: a markers file
 * @type: the slot type
 * @slot: a 0-based slot
 *
 * Returns: %TRUE when all 784 bytes of the record are zero, as for a slot
 *   the device never assigned.
 */
gboolean
octa_markers_file_slot_is_empty (const OctaMarkersFile *markers,
                                 OctaSlotType           type,
                                 guint                  slot)
{
  const guint8 *record;

  g_return_val_if_fail (markers != NULL, TRUE);
  g_return_val_if_fail (slot_is_valid (type, slot), TRUE);

  record = markers->image->data + octa_markers_slot_offset (type, slot);
  for (guint i = 0; i < RECORD_SIZE; i++)
    if (record[i] != 0)
      return FALSE;
  return TRUE;
}

/**
 * octa_markers_file_clear_slot:
 * @markers: a markers file
 * @type: the slot type
 * @slot: a 0-based slot
 *
 * Zeroes the slot's whole record, as the device leaves an unassigned slot.
 */
void
octa_markers_file_clear_slot (OctaMarkersFile *markers,
                              OctaSlotType     type,
                              guint            slot)
{
  static const guint8 zeros[RECORD_SIZE] = { 0 };

  g_return_if_fail (markers != NULL);
  g_return_if_fail (slot_is_valid (type, slot));

  octa_image_set_bytes (markers->image, octa_markers_slot_offset (type, slot),
                        zeros, RECORD_SIZE);
}

/**
 * octa_markers_file_copy_slot:
 * @markers: a markers file
 * @from_type: the source slot type
 * @from_slot: the source slot
 * @to_type: the destination slot type
 * @to_slot: the destination slot
 *
 * Copies a whole 784-byte record, including entries beyond the slice count.
 */
void
octa_markers_file_copy_slot (OctaMarkersFile *markers,
                             OctaSlotType     from_type,
                             guint            from_slot,
                             OctaSlotType     to_type,
                             guint            to_slot)
{
  guint8 record[RECORD_SIZE];

  g_return_if_fail (markers != NULL);
  g_return_if_fail (slot_is_valid (from_type, from_slot));
  g_return_if_fail (slot_is_valid (to_type, to_slot));

  memcpy (record, markers->image->data + octa_markers_slot_offset (from_type, from_slot),
          RECORD_SIZE);
  octa_image_set_bytes (markers->image, octa_markers_slot_offset (to_type, to_slot),
                        record, RECORD_SIZE);
}
