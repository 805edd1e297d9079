/* SPDX-License-Identifier: MIT */
#pragma once

#include <glib.h>

#include "octa-image.h"
#include "octa-markers-file.h"

G_BEGIN_DECLS

/* A sample's `.ot` attribute sidecar (type SMPA, spec §6). */
typedef struct _OctaSampleFile OctaSampleFile;

typedef enum
{
  OCTA_SAMPLE_FIELD_FLAG,               /* u8 at 22: 1 device, 0 tools */
  OCTA_SAMPLE_FIELD_TEMPO_X24,          /* u32 at 23 */
  OCTA_SAMPLE_FIELD_TRIM_LENGTH_X100,   /* u32 at 27: bars × 100 */
  OCTA_SAMPLE_FIELD_LOOP_LENGTH_X100,   /* u32 at 31 */
  OCTA_SAMPLE_FIELD_TIMESTRETCH,        /* u32 at 35: 0 OFF, 2 NORMAL, 3 BEAT */
  OCTA_SAMPLE_FIELD_LOOP_MODE,          /* u32 at 39: 0 OFF, 1 NORMAL, 2 PING-PONG */
  OCTA_SAMPLE_FIELD_GAIN,               /* u16 at 43: 0…96, 48 = 0 dB */
  OCTA_SAMPLE_FIELD_TRIG_QUANTIZATION,  /* u8 at 45: 0xFF DIRECT */
  OCTA_SAMPLE_FIELD_TRIM_START,         /* u32 at 46 */
  OCTA_SAMPLE_FIELD_TRIM_END,           /* u32 at 50 */
  OCTA_SAMPLE_FIELD_LOOP_POINT,         /* u32 at 54 */
  OCTA_SAMPLE_FIELD_SLICE_COUNT,        /* u32 at 826 */
  OCTA_N_SAMPLE_FIELDS,
} OctaSampleField;

gsize          octa_sample_field_offset       (OctaSampleField field);
guint          octa_sample_field_size         (OctaSampleField field);
const char    *octa_sample_field_to_string    (OctaSampleField field);

OctaSampleFile *octa_sample_file_new_blank    (const char *name);
OctaSampleFile *octa_sample_file_new_from_data (const guint8 *data,
                                               gsize len,
                                               const char *name,
                                               OctaLoadFlags flags,
                                               GError **error);
OctaSampleFile *octa_sample_file_copy         (const OctaSampleFile *sample);
void           octa_sample_file_free          (OctaSampleFile *sample);
OctaImage     *octa_sample_file_get_image     (OctaSampleFile *sample);
GBytes        *octa_sample_file_encode        (OctaSampleFile *sample);

guint32        octa_sample_file_get           (const OctaSampleFile *sample,
                                               OctaSampleField field);
void           octa_sample_file_set           (OctaSampleFile *sample,
                                               OctaSampleField field,
                                               guint32 value);
OctaSlice      octa_sample_file_get_slice     (const OctaSampleFile *sample,
                                               guint index);
void           octa_sample_file_set_slice     (OctaSampleFile *sample,
                                               guint index,
                                               OctaSlice slice);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OctaSampleFile, octa_sample_file_free)

G_END_DECLS
