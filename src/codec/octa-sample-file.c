/* SPDX-License-Identifier: MIT */
#include "octa-sample-file.h"

#include "octa-image-private.h"

#define SLICES_OFFSET  58
#define SLICE_SIZE     12

#define BLANK_TEMPO_X24          2880
#define BLANK_GAIN               48
#define BLANK_TRIG_QUANTIZATION  0xFF

typedef struct
{
  guint16     offset;
  guint8      size;
  const char *id;
} FieldInfo;

static const FieldInfo fields[OCTA_N_SAMPLE_FIELDS] = {
  [OCTA_SAMPLE_FIELD_FLAG]              = { 22, 1, "flag" },
  [OCTA_SAMPLE_FIELD_TEMPO_X24]         = { 23, 4, "tempo-x24" },
  [OCTA_SAMPLE_FIELD_TRIM_LENGTH_X100]  = { 27, 4, "trim-length-x100" },
  [OCTA_SAMPLE_FIELD_LOOP_LENGTH_X100]  = { 31, 4, "loop-length-x100" },
  [OCTA_SAMPLE_FIELD_TIMESTRETCH]       = { 35, 4, "timestretch" },
  [OCTA_SAMPLE_FIELD_LOOP_MODE]         = { 39, 4, "loop-mode" },
  [OCTA_SAMPLE_FIELD_GAIN]              = { 43, 2, "gain" },
  [OCTA_SAMPLE_FIELD_TRIG_QUANTIZATION] = { 45, 1, "trig-quantization" },
  [OCTA_SAMPLE_FIELD_TRIM_START]        = { 46, 4, "trim-start" },
  [OCTA_SAMPLE_FIELD_TRIM_END]          = { 50, 4, "trim-end" },
  [OCTA_SAMPLE_FIELD_LOOP_POINT]        = { 54, 4, "loop-point" },
  [OCTA_SAMPLE_FIELD_SLICE_COUNT]       = { 826, 4, "slice-count" },
};

OCTA_DEFINE_IMAGE_FILE (OctaSampleFile, octa_sample_file, sample)

/**
 * octa_sample_field_offset:
 * @field: a field
 *
 * Returns: the field's absolute offset in the `.ot` file.
 */
gsize
octa_sample_field_offset (OctaSampleField field)
{
  g_return_val_if_fail ((guint) field < OCTA_N_SAMPLE_FIELDS, 0);

  return fields[field].offset;
}

/**
 * octa_sample_field_size:
 * @field: a field
 *
 * Returns: the field's width in bytes: 1, 2 or 4.
 */
guint
octa_sample_field_size (OctaSampleField field)
{
  g_return_val_if_fail ((guint) field < OCTA_N_SAMPLE_FIELDS, 0);

  return fields[field].size;
}

/**
 * octa_sample_field_to_string:
 * @field: a field
 *
 * Returns: a stable identifier such as "tempo-x24".
 */
const char *
octa_sample_field_to_string (OctaSampleField field)
{
  g_return_val_if_fail ((guint) field < OCTA_N_SAMPLE_FIELDS, NULL);

  return fields[field].id;
}

static guint32
field_get (const OctaImage *image,
           OctaSampleField  field)
{
  switch (fields[field].size)
    {
    case 1:
      return octa_image_get_u8 (image, fields[field].offset);
    case 2:
      return octa_image_get_u16 (image, fields[field].offset);
    default:
      return octa_image_get_u32 (image, fields[field].offset);
    }
}

static void
field_set (OctaImage       *image,
           OctaSampleField  field,
           guint32          value)
{
  switch (fields[field].size)
    {
    case 1:
      octa_image_set_u8 (image, fields[field].offset, value);
      break;
    case 2:
      octa_image_set_u16 (image, fields[field].offset, value);
      break;
    default:
      octa_image_set_u32 (image, fields[field].offset, value);
      break;
    }
}

/**
 * octa_sample_file_new_blank:
 * @name: (nullable): the name used in messages
 *
 * Creates the attributes of a sample with default settings: tempo 120 BPM
 * (2880), trim and loop length 0, timestretch OFF, loop OFF, gain 48
 * (0 dB), trig quantisation DIRECT (0xFF), no trims and no slices.
 *
 * Byte 22 is written as 0, as every tool that writes `.ot` files does; the
 * device writes 1 there but loads files with 0. No tool derives trim or
 * loop length without a sample, so the caller fills them in together with
 * the trim end once the frame count is known.
 *
 * Returns: (transfer full): the new file, with a valid checksum.
 */
OctaSampleFile *
octa_sample_file_new_blank (const char *name)
{
  OctaImage *image = octa_image_new_blank (OCTA_FILE_KIND_SAMPLE_ATTRS, name);

  field_set (image, OCTA_SAMPLE_FIELD_FLAG, 0);
  field_set (image, OCTA_SAMPLE_FIELD_TEMPO_X24, BLANK_TEMPO_X24);
  field_set (image, OCTA_SAMPLE_FIELD_GAIN, BLANK_GAIN);
  field_set (image, OCTA_SAMPLE_FIELD_TRIG_QUANTIZATION, BLANK_TRIG_QUANTIZATION);
  octa_image_update_checksum (image);

  return octa_sample_file_wrap (image);
}

/* Only the container of a sample's `.ot` attributes is checked; the field
 * values are accepted as they are. */
OCTA_DEFINE_IMAGE_FILE_LOADER (OctaSampleFile, octa_sample_file, OCTA_FILE_KIND_SAMPLE_ATTRS)

/**
 * octa_sample_file_get:
 * @sample: a sample attributes file
 * @field: a field
 *
 * Returns: the field's value, read with the field's own width.
 */
guint32
octa_sample_file_get (const OctaSampleFile *sample,
                      OctaSampleField       field)
{
  g_return_val_if_fail (sample != NULL, 0);
  g_return_val_if_fail ((guint) field < OCTA_N_SAMPLE_FIELDS, 0);

  return field_get (sample->image, field);
}

/**
 * octa_sample_file_set:
 * @sample: a sample attributes file
 * @field: a field
 * @value: a value that fits the field's width (octa_sample_field_size())
 *
 * Writes the field. Setting the slice count leaves entries beyond it alone.
 */
void
octa_sample_file_set (OctaSampleFile  *sample,
                      OctaSampleField  field,
                      guint32          value)
{
  g_return_if_fail (sample != NULL);
  g_return_if_fail ((guint) field < OCTA_N_SAMPLE_FIELDS);
  g_return_if_fail (fields[field].size == 4 || value < (1u << (8 * fields[field].size)));

  field_set (sample->image, field, value);
}

/**
 * octa_sample_file_get_slice:
 * @sample: a sample attributes file
 * @index: slice 0…63
 *
 * Returns: the slice entry as stored, also beyond the slice count (device
 *   files can hold leftover entries there).
 */
OctaSlice
octa_sample_file_get_slice (const OctaSampleFile *sample,
                            guint                 index)
{
  OctaSlice slice = { 0, 0, 0 };
  gsize offset;

  g_return_val_if_fail (sample != NULL, slice);
  g_return_val_if_fail (index < OCTA_N_SLICES, slice);

  offset = SLICES_OFFSET + (gsize) SLICE_SIZE * index;
  slice.start = octa_image_get_u32 (sample->image, offset);
  slice.end = octa_image_get_u32 (sample->image, offset + 4);
  slice.loop = octa_image_get_u32 (sample->image, offset + 8);
  return slice;
}

/**
 * octa_sample_file_set_slice:
 * @sample: a sample attributes file
 * @index: slice 0…63
 * @slice: the new entry
 *
 * Writes one slice entry; the slice count is not changed.
 */
void
octa_sample_file_set_slice (OctaSampleFile *sample,
                            guint           index,
                            OctaSlice       slice)
{
  gsize offset;

  g_return_if_fail (sample != NULL);
  g_return_if_fail (index < OCTA_N_SLICES);

  offset = SLICES_OFFSET + (gsize) SLICE_SIZE * index;
  octa_image_set_u32 (sample->image, offset, slice.start);
  octa_image_set_u32 (sample->image, offset + 4, slice.end);
  octa_image_set_u32 (sample->image, offset + 8, slice.loop);
}
