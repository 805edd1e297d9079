/* SPDX-License-Identifier: MIT */
#include "octa-arrangement-file.h"

#include <string.h>

#include "octa-codec-error.h"
#include "octa-image-private.h"

#define UNKNOWN_1_OFFSET      22
#define BLOCK_A_OFFSET        24
#define UNKNOWN_2_OFFSET      5674
#define SAVED_FLAG_OFFSET     5675
#define BLOCK_B_OFFSET        5676
#define SAVED_STATES_OFFSET   11326

#define BLOCK_NAME_REL        0
#define BLOCK_UNKNOWN_REL     15
#define BLOCK_ROW_COUNT_REL   16
#define BLOCK_ROWS_REL        18

#define ROW_TYPE_BYTE         0
#define ROW_REMINDER_REL      1
#define ROW_REMINDER_SIZE     15
#define ROW_TRANSPOSE_REL     14
#define N_MIDI_TRACKS         8
#define TRANSPOSE_MAX         48

typedef struct
{
  guint8 rel;
  guint8 size;
} RowFieldInfo;

static const RowFieldInfo row_fields[OCTA_N_ROW_FIELDS] = {
  [OCTA_ROW_FIELD_PATTERN]     = { 1, 1 },
  [OCTA_ROW_FIELD_REPEATS]     = { 2, 1 },
  [OCTA_ROW_FIELD_AUDIO_MUTES] = { 4, 1 },
  [OCTA_ROW_FIELD_MIDI_MUTES]  = { 5, 1 },
  [OCTA_ROW_FIELD_TEMPO_X24]   = { 6, 2 },
  [OCTA_ROW_FIELD_SCENE_A]     = { 8, 1 },
  [OCTA_ROW_FIELD_SCENE_B]     = { 9, 1 },
  [OCTA_ROW_FIELD_OFFSET]      = { 10, 2 },
  [OCTA_ROW_FIELD_LENGTH]      = { 12, 2 },
};

OCTA_DEFINE_IMAGE_FILE (OctaArrangementFile, octa_arrangement_file, arr)

static gboolean
copy_is_valid (OctaArrangementCopy copy)
{
  return copy == OCTA_ARRANGEMENT_WORKING || copy == OCTA_ARRANGEMENT_SAVED;
}

/**
 * octa_arrangement_block_offset:
 * @copy: which of the two arrangement blocks
 *
 * Returns: the absolute offset of the 5650-byte block: 24 for the working
 *   state, 5676 for the saved one.
 */
gsize
octa_arrangement_block_offset (OctaArrangementCopy copy)
{
  g_return_val_if_fail (copy_is_valid (copy), 0);

  return copy == OCTA_ARRANGEMENT_WORKING ? BLOCK_A_OFFSET : BLOCK_B_OFFSET;
}

/**
 * octa_arrangement_row_offset:
 * @copy: which of the two arrangement blocks
 * @row: a row, 0…255
 *
 * Returns: the absolute offset of the row's 22 bytes.
 */
gsize
octa_arrangement_row_offset (OctaArrangementCopy copy,
                             guint               row)
{
  g_return_val_if_fail (copy_is_valid (copy), 0);
  g_return_val_if_fail (row < OCTA_N_ARRANGEMENT_ROWS, 0);

  return octa_arrangement_block_offset (copy) + BLOCK_ROWS_REL
         + (gsize) OCTA_ARRANGEMENT_ROW_SIZE * row;
}

/**
 * octa_arrangement_file_new_blank:
 * @name: (nullable): the name used in messages
 *
 * Returns: (transfer full): an empty arrangement: all zeros, checksum
 *   0x0006, byte for byte the cleanest blank the device writes (others carry
 *   stale names from an earlier project).
 */
OctaArrangementFile *
octa_arrangement_file_new_blank (const char *name)
{
  return octa_arrangement_file_wrap (octa_image_new_blank (OCTA_FILE_KIND_ARRANGEMENT, name));
}

/* `arrNN.work` / `arrNN.strd` have no inner magic, so only the container is
 * checked; unknown row types and stale bytes are kept. */
OCTA_DEFINE_IMAGE_FILE_LOADER (OctaArrangementFile, octa_arrangement_file,
                               OCTA_FILE_KIND_ARRANGEMENT)

/*
 * Writes @text and, when shorter than @size, one NUL. The device keeps the
 * bytes after the NUL (stale text of an earlier name) and the checksum
 * covers them, so they are left alone.
 */
static gboolean
set_text (OctaImage   *image,
          gsize        offset,
          gsize        size,
          const char  *text,
          const char  *what,
          GError     **error)
{
  gsize len = strlen (text);

  if (len > size)
    {
      g_autofree char *escaped = g_strescape (text, NULL);

      g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_INVALID_VALUE,
                   "%s: %s \"%s\" is longer than %" G_GSIZE_FORMAT " characters at offset %"
                   G_GSIZE_FORMAT, image->name, what, escaped, size, offset);
      return FALSE;
    }

  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isprint (text[i]))
      {
        g_autofree char *escaped = g_strescape (text, NULL);

        g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_INVALID_VALUE,
                     "%s: %s \"%s\" has a character the device cannot show at offset %"
                     G_GSIZE_FORMAT " (printable ASCII only)",
                     image->name, what, escaped, offset + i);
        return FALSE;
      }

  octa_image_set_bytes (image, offset, (const guint8 *) text, len);
  if (len < size)
    octa_image_set_u8 (image, offset + len, 0);
  return TRUE;
}

/**
 * octa_arrangement_file_dup_name:
 * @arr: an arrangement file
 * @copy: which block
 *
 * Returns: (transfer full): the name up to its first NUL (a leading NUL is
 *   an empty name, whatever stale text follows). Non-printable bytes are
 *   shown as '?'; octa_arrangement_file_get_name_raw() has the exact bytes.
 */
char *
octa_arrangement_file_dup_name (const OctaArrangementFile *arr,
                                OctaArrangementCopy        copy)
{
  g_return_val_if_fail (arr != NULL, NULL);
  g_return_val_if_fail (copy_is_valid (copy), NULL);

  return _octa_image_dup_text (arr->image->data + octa_arrangement_block_offset (copy)
                               + BLOCK_NAME_REL, OCTA_ARRANGEMENT_NAME_SIZE);
}

/**
 * octa_arrangement_file_set_name:
 * @arr: an arrangement file
 * @copy: which block
 * @name: 0…15 printable ASCII characters
 * @error: return location for a #GError
 *
 * Writes the name and a terminating NUL when shorter than 15 characters;
 * the bytes after the NUL stay as they were.
 *
 * Returns: %FALSE with %OCTA_CODEC_ERROR_INVALID_VALUE when @name is too
 *   long or not printable ASCII.
 */
gboolean
octa_arrangement_file_set_name (OctaArrangementFile  *arr,
                                OctaArrangementCopy   copy,
                                const char           *name,
                                GError              **error)
{
  g_return_val_if_fail (arr != NULL, FALSE);
  g_return_val_if_fail (copy_is_valid (copy), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return set_text (arr->image, octa_arrangement_block_offset (copy) + BLOCK_NAME_REL,
                   OCTA_ARRANGEMENT_NAME_SIZE, name, "arrangement name", error);
}

/**
 * octa_arrangement_file_get_name_raw:
 * @arr: an arrangement file
 * @copy: which block
 *
 * Returns: (transfer none) (array fixed-size=15): the 15 name bytes as
 *   stored, stale bytes after the NUL included.
 */
const guint8 *
octa_arrangement_file_get_name_raw (const OctaArrangementFile *arr,
                                    OctaArrangementCopy        copy)
{
  g_return_val_if_fail (arr != NULL, NULL);
  g_return_val_if_fail (copy_is_valid (copy), NULL);

  return arr->image->data + octa_arrangement_block_offset (copy) + BLOCK_NAME_REL;
}

/*
 * The row count is read as a u16 at block+16…17, as OctArranger does;
 * ot-tools-io reads only block+17. Byte 16 is 0 in every known file, so
 * both agree there; which one the device uses for 256 rows is unknown.
 */

/**
 * octa_arrangement_file_get_row_count:
 * @arr: an arrangement file
 * @copy: which block
 *
 * Returns: the number of rows in use. Rows at or beyond it keep stale data.
 */
guint16
octa_arrangement_file_get_row_count (const OctaArrangementFile *arr,
                                     OctaArrangementCopy        copy)
{
  g_return_val_if_fail (arr != NULL, 0);
  g_return_val_if_fail (copy_is_valid (copy), 0);

  return octa_image_get_u16 (arr->image,
                             octa_arrangement_block_offset (copy) + BLOCK_ROW_COUNT_REL);
}

/**
 * octa_arrangement_file_set_row_count:
 * @arr: an arrangement file
 * @copy: which block
 * @count: 0…256
 *
 * Sets the number of rows in use; rows beyond it are not cleared.
 */
void
octa_arrangement_file_set_row_count (OctaArrangementFile *arr,
                                     OctaArrangementCopy  copy,
                                     guint16              count)
{
  g_return_if_fail (arr != NULL);
  g_return_if_fail (copy_is_valid (copy));
  g_return_if_fail (count <= OCTA_N_ARRANGEMENT_ROWS);

  octa_image_set_u16 (arr->image,
                      octa_arrangement_block_offset (copy) + BLOCK_ROW_COUNT_REL, count);
}

/**
 * octa_arrangement_file_get_block_unknown:
 * @arr: an arrangement file
 * @copy: which block
 *
 * Returns: the byte after the name (block+15), meaning unknown, 0 in every
 *   known file.
 */
guint8
octa_arrangement_file_get_block_unknown (const OctaArrangementFile *arr,
                                         OctaArrangementCopy        copy)
{
  g_return_val_if_fail (arr != NULL, 0);
  g_return_val_if_fail (copy_is_valid (copy), 0);

  return octa_image_get_u8 (arr->image, octa_arrangement_block_offset (copy) + BLOCK_UNKNOWN_REL);
}

/**
 * octa_arrangement_file_set_block_unknown:
 * @arr: an arrangement file
 * @copy: which block
 * @value: the new byte at block+15
 */
void
octa_arrangement_file_set_block_unknown (OctaArrangementFile *arr,
                                         OctaArrangementCopy  copy,
                                         guint8               value)
{
  g_return_if_fail (arr != NULL);
  g_return_if_fail (copy_is_valid (copy));

  octa_image_set_u8 (arr->image, octa_arrangement_block_offset (copy) + BLOCK_UNKNOWN_REL, value);
}

/**
 * octa_arrangement_file_get_row_type:
 * @arr: an arrangement file
 * @copy: which block
 * @row: 0…255
 *
 * Returns: byte 0 of the row. Values other than the three #OctaRowType
 *   members are returned as they are.
 */
OctaRowType
octa_arrangement_file_get_row_type (const OctaArrangementFile *arr,
                                    OctaArrangementCopy        copy,
                                    guint                      row)
{
  g_return_val_if_fail (arr != NULL, OCTA_ROW_PATTERN);
  g_return_val_if_fail (copy_is_valid (copy), OCTA_ROW_PATTERN);
  g_return_val_if_fail (row < OCTA_N_ARRANGEMENT_ROWS, OCTA_ROW_PATTERN);

  return (OctaRowType) octa_image_get_u8 (arr->image,
                                          octa_arrangement_row_offset (copy, row) + ROW_TYPE_BYTE);
}

/**
 * octa_arrangement_file_set_row_type:
 * @arr: an arrangement file
 * @copy: which block
 * @row: 0…255
 * @type: the new type
 *
 * Changes byte 0 only. The device does the same and leaves the other 21
 * bytes of the row stale, so a PATTERN row turned into a REMINDER keeps its
 * scene and length bytes.
 */
void
octa_arrangement_file_set_row_type (OctaArrangementFile *arr,
                                    OctaArrangementCopy  copy,
                                    guint                row,
                                    OctaRowType          type)
{
  g_return_if_fail (arr != NULL);
  g_return_if_fail (copy_is_valid (copy));
  g_return_if_fail (row < OCTA_N_ARRANGEMENT_ROWS);
  g_return_if_fail (type == OCTA_ROW_PATTERN || type == OCTA_ROW_LOOP || type == OCTA_ROW_REMINDER);

  octa_image_set_u8 (arr->image, octa_arrangement_row_offset (copy, row) + ROW_TYPE_BYTE, type);
}

/**
 * octa_arrangement_file_get_row_byte:
 * @arr: an arrangement file
 * @copy: which block
 * @row: 0…255
 * @index: byte 0…21 of the row
 *
 * Raw access to a row. LOOP/JUMP/HALT rows are only reachable this way: the
 * sources disagree on where their count and target bytes are.
 *
 * Returns: the byte.
 */
guint8
octa_arrangement_file_get_row_byte (const OctaArrangementFile *arr,
                                    OctaArrangementCopy        copy,
                                    guint                      row,
                                    guint                      index)
{
  g_return_val_if_fail (arr != NULL, 0);
  g_return_val_if_fail (copy_is_valid (copy), 0);
  g_return_val_if_fail (row < OCTA_N_ARRANGEMENT_ROWS, 0);
  g_return_val_if_fail (index < OCTA_ARRANGEMENT_ROW_SIZE, 0);

  return octa_image_get_u8 (arr->image, octa_arrangement_row_offset (copy, row) + index);
}

/**
 * octa_arrangement_file_set_row_byte:
 * @arr: an arrangement file
 * @copy: which block
 * @row: 0…255
 * @index: byte 0…21 of the row
 * @value: the new byte
 */
void
octa_arrangement_file_set_row_byte (OctaArrangementFile *arr,
                                    OctaArrangementCopy  copy,
                                    guint                row,
                                    guint                index,
                                    guint8               value)
{
  g_return_if_fail (arr != NULL);
  g_return_if_fail (copy_is_valid (copy));
  g_return_if_fail (row < OCTA_N_ARRANGEMENT_ROWS);
  g_return_if_fail (index < OCTA_ARRANGEMENT_ROW_SIZE);

  octa_image_set_u8 (arr->image, octa_arrangement_row_offset (copy, row) + index, value);
}

/**
 * octa_arrangement_file_get_row_field:
 * @arr: an arrangement file
 * @copy: which block
 * @row: 0…255
 * @field: a PATTERN-row field
 *
 * Reads the bytes a PATTERN row keeps @field in, whatever the row's type.
 *
 * Returns: the u8 or u16 value.
 */
guint
octa_arrangement_file_get_row_field (const OctaArrangementFile *arr,
                                     OctaArrangementCopy        copy,
                                     guint                      row,
                                     OctaRowField               field)
{
  gsize offset;

  g_return_val_if_fail (arr != NULL, 0);
  g_return_val_if_fail (copy_is_valid (copy), 0);
  g_return_val_if_fail (row < OCTA_N_ARRANGEMENT_ROWS, 0);
  g_return_val_if_fail ((guint) field < OCTA_N_ROW_FIELDS, 0);

  offset = octa_arrangement_row_offset (copy, row) + row_fields[field].rel;
  if (row_fields[field].size == 2)
    return octa_image_get_u16 (arr->image, offset);
  return octa_image_get_u8 (arr->image, offset);
}

/**
 * octa_arrangement_file_set_row_field:
 * @arr: an arrangement file
 * @copy: which block
 * @row: 0…255
 * @field: a PATTERN-row field
 * @value: a value that fits the field's width (u8 or u16)
 *
 * Writes a PATTERN-row field; the row type is not changed.
 */
void
octa_arrangement_file_set_row_field (OctaArrangementFile *arr,
                                     OctaArrangementCopy  copy,
                                     guint                row,
                                     OctaRowField         field,
                                     guint                value)
{
  gsize offset;

  g_return_if_fail (arr != NULL);
  g_return_if_fail (copy_is_valid (copy));
  g_return_if_fail (row < OCTA_N_ARRANGEMENT_ROWS);
  g_return_if_fail ((guint) field < OCTA_N_ROW_FIELDS);
  g_return_if_fail (value <= (row_fields[field].size == 2 ? G_MAXUINT16 : G_MAXUINT8));

  offset = octa_arrangement_row_offset (copy, row) + row_fields[field].rel;
  if (row_fields[field].size == 2)
    octa_image_set_u16 (arr->image, offset, value);
  else
    octa_image_set_u8 (arr->image, offset, value);
}

/**
 * octa_arrangement_file_get_row_transpose:
 * @arr: an arrangement file
 * @copy: which block
 * @row: 0…255
 * @midi_track: MIDI track 0…7
 *
 * Returns: the row's transpose for the MIDI track in semitones, a signed
 *   byte as stored.
 */
gint
octa_arrangement_file_get_row_transpose (const OctaArrangementFile *arr,
                                         OctaArrangementCopy        copy,
                                         guint                      row,
                                         guint                      midi_track)
{
  g_return_val_if_fail (arr != NULL, 0);
  g_return_val_if_fail (copy_is_valid (copy), 0);
  g_return_val_if_fail (row < OCTA_N_ARRANGEMENT_ROWS, 0);
  g_return_val_if_fail (midi_track < N_MIDI_TRACKS, 0);

  return (gint8) octa_image_get_u8 (arr->image,
                                    octa_arrangement_row_offset (copy, row)
                                    + ROW_TRANSPOSE_REL + midi_track);
}

/**
 * octa_arrangement_file_set_row_transpose:
 * @arr: an arrangement file
 * @copy: which block
 * @row: 0…255
 * @midi_track: MIDI track 0…7
 * @semitones: −48…+48
 */
void
octa_arrangement_file_set_row_transpose (OctaArrangementFile *arr,
                                         OctaArrangementCopy  copy,
                                         guint                row,
                                         guint                midi_track,
                                         gint                 semitones)
{
  g_return_if_fail (arr != NULL);
  g_return_if_fail (copy_is_valid (copy));
  g_return_if_fail (row < OCTA_N_ARRANGEMENT_ROWS);
  g_return_if_fail (midi_track < N_MIDI_TRACKS);
  g_return_if_fail (semitones >= -TRANSPOSE_MAX && semitones <= TRANSPOSE_MAX);

  octa_image_set_u8 (arr->image,
                     octa_arrangement_row_offset (copy, row) + ROW_TRANSPOSE_REL + midi_track,
                     (guint8) (gint8) semitones);
}

/**
 * octa_arrangement_file_dup_row_reminder:
 * @arr: an arrangement file
 * @copy: which block
 * @row: 0…255
 *
 * Returns: (transfer full): the text of a REMINDER row (bytes 1…15) up to
 *   its first NUL, read whatever the row's type. Non-printable bytes are
 *   shown as '?'.
 */
char *
octa_arrangement_file_dup_row_reminder (const OctaArrangementFile *arr,
                                        OctaArrangementCopy        copy,
                                        guint                      row)
{
  g_return_val_if_fail (arr != NULL, NULL);
  g_return_val_if_fail (copy_is_valid (copy), NULL);
  g_return_val_if_fail (row < OCTA_N_ARRANGEMENT_ROWS, NULL);

  return _octa_image_dup_text (arr->image->data + octa_arrangement_row_offset (copy, row)
                               + ROW_REMINDER_REL, ROW_REMINDER_SIZE);
}

/**
 * octa_arrangement_file_set_row_reminder:
 * @arr: an arrangement file
 * @copy: which block
 * @row: 0…255
 * @text: 0…15 printable ASCII characters (the device shows upper case)
 * @error: return location for a #GError
 *
 * Writes a REMINDER row's text and a NUL when shorter than 15 characters;
 * the row type and the bytes after the NUL are not changed.
 *
 * Returns: %FALSE with %OCTA_CODEC_ERROR_INVALID_VALUE when @text is too
 *   long or not printable ASCII.
 */
gboolean
octa_arrangement_file_set_row_reminder (OctaArrangementFile  *arr,
                                        OctaArrangementCopy   copy,
                                        guint                 row,
                                        const char           *text,
                                        GError              **error)
{
  g_return_val_if_fail (arr != NULL, FALSE);
  g_return_val_if_fail (copy_is_valid (copy), FALSE);
  g_return_val_if_fail (row < OCTA_N_ARRANGEMENT_ROWS, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return set_text (arr->image, octa_arrangement_row_offset (copy, row) + ROW_REMINDER_REL,
                   ROW_REMINDER_SIZE, text, "reminder text", error);
}

/**
 * octa_arrangement_file_get_unknown_1:
 * @arr: an arrangement file
 *
 * Returns: the u16 at 22–23, meaning unknown, 0 in every known file.
 */
guint16
octa_arrangement_file_get_unknown_1 (const OctaArrangementFile *arr)
{
  g_return_val_if_fail (arr != NULL, 0);

  return octa_image_get_u16 (arr->image, UNKNOWN_1_OFFSET);
}

/**
 * octa_arrangement_file_set_unknown_1:
 * @arr: an arrangement file
 * @value: the new u16 at 22–23
 */
void
octa_arrangement_file_set_unknown_1 (OctaArrangementFile *arr,
                                     guint16              value)
{
  g_return_if_fail (arr != NULL);

  octa_image_set_u16 (arr->image, UNKNOWN_1_OFFSET, value);
}

/**
 * octa_arrangement_file_get_unknown_2:
 * @arr: an arrangement file
 *
 * Returns: the byte at 5674 between the two blocks, meaning unknown.
 */
guint8
octa_arrangement_file_get_unknown_2 (const OctaArrangementFile *arr)
{
  g_return_val_if_fail (arr != NULL, 0);

  return octa_image_get_u8 (arr->image, UNKNOWN_2_OFFSET);
}

/**
 * octa_arrangement_file_set_unknown_2:
 * @arr: an arrangement file
 * @value: the new byte at 5674
 */
void
octa_arrangement_file_set_unknown_2 (OctaArrangementFile *arr,
                                     guint8               value)
{
  g_return_if_fail (arr != NULL);

  octa_image_set_u8 (arr->image, UNKNOWN_2_OFFSET, value);
}

/**
 * octa_arrangement_file_get_saved_flag:
 * @arr: an arrangement file
 *
 * Returns: the byte at 5675, said to flag a saved arrangement (0 in every
 *   known file).
 */
guint8
octa_arrangement_file_get_saved_flag (const OctaArrangementFile *arr)
{
  g_return_val_if_fail (arr != NULL, 0);

  return octa_image_get_u8 (arr->image, SAVED_FLAG_OFFSET);
}

/**
 * octa_arrangement_file_set_saved_flag:
 * @arr: an arrangement file
 * @value: the new saved flag byte at 5675
 */
void
octa_arrangement_file_set_saved_flag (OctaArrangementFile *arr,
                                      guint8               value)
{
  g_return_if_fail (arr != NULL);

  octa_image_set_u8 (arr->image, SAVED_FLAG_OFFSET, value);
}

/**
 * octa_arrangement_file_get_saved_state:
 * @arr: an arrangement file
 * @arrangement: arrangement 0…7 (the device's 1…8)
 *
 * Returns: the saved-state byte of that arrangement (0 or 1 in known files).
 */
guint8
octa_arrangement_file_get_saved_state (const OctaArrangementFile *arr,
                                       guint                      arrangement)
{
  g_return_val_if_fail (arr != NULL, 0);
  g_return_val_if_fail (arrangement < OCTA_N_ARRANGEMENTS, 0);

  return octa_image_get_u8 (arr->image, SAVED_STATES_OFFSET + arrangement);
}

/**
 * octa_arrangement_file_set_saved_state:
 * @arr: an arrangement file
 * @arrangement: arrangement 0…7 (the device's 1…8)
 * @value: the new saved-state byte
 */
void
octa_arrangement_file_set_saved_state (OctaArrangementFile *arr,
                                       guint                arrangement,
                                       guint8               value)
{
  g_return_if_fail (arr != NULL);
  g_return_if_fail (arrangement < OCTA_N_ARRANGEMENTS);

  octa_image_set_u8 (arr->image, SAVED_STATES_OFFSET + arrangement, value);
}
