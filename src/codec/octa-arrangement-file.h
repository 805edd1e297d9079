/* SPDX-License-Identifier: MIT */
#pragma once

#include <glib.h>

#include "octa-image.h"

G_BEGIN_DECLS

#define OCTA_N_ARRANGEMENTS       8
#define OCTA_N_ARRANGEMENT_ROWS 256
#define OCTA_ARRANGEMENT_ROW_SIZE 22
#define OCTA_ARRANGEMENT_NAME_SIZE 15

typedef struct _OctaArrangementFile OctaArrangementFile;

/* Block A is the working state, block B the state saved by ARRANGER ▸ SAVE. */
typedef enum
{
  OCTA_ARRANGEMENT_WORKING = 0,
  OCTA_ARRANGEMENT_SAVED = 1,
} OctaArrangementCopy;

typedef enum
{
  OCTA_ROW_PATTERN = 0,
  OCTA_ROW_LOOP = 1,     /* LOOP, JUMP or HALT: which one depends on the target */
  OCTA_ROW_REMINDER = 2,
} OctaRowType;

/* Fields of a PATTERN row (spec §5.3) */
typedef enum
{
  OCTA_ROW_FIELD_PATTERN,        /* u8 at 1: bank·16 + pattern */
  OCTA_ROW_FIELD_REPEATS,        /* u8 at 2: 0…63 = 1…64 times */
  OCTA_ROW_FIELD_AUDIO_MUTES,    /* u8 at 4 */
  OCTA_ROW_FIELD_MIDI_MUTES,     /* u8 at 5 */
  OCTA_ROW_FIELD_TEMPO_X24,      /* u16 at 6: 0 = no change */
  OCTA_ROW_FIELD_SCENE_A,        /* u8 at 8: 255 = no change */
  OCTA_ROW_FIELD_SCENE_B,        /* u8 at 9 */
  OCTA_ROW_FIELD_OFFSET,         /* u16 at 10 */
  OCTA_ROW_FIELD_LENGTH,         /* u16 at 12: offset + length */
  OCTA_N_ROW_FIELDS,
} OctaRowField;

gsize          octa_arrangement_block_offset           (OctaArrangementCopy copy);
gsize          octa_arrangement_row_offset             (OctaArrangementCopy copy, guint row);

OctaArrangementFile *octa_arrangement_file_new_blank   (const char *name);
OctaArrangementFile *octa_arrangement_file_new_from_data (const guint8 *data,
                                                          gsize len,
                                                          const char *name,
                                                          OctaLoadFlags flags,
                                                          GError **error);
OctaArrangementFile *octa_arrangement_file_copy        (const OctaArrangementFile *arr);
void           octa_arrangement_file_free              (OctaArrangementFile *arr);
OctaImage     *octa_arrangement_file_get_image         (OctaArrangementFile *arr);
GBytes        *octa_arrangement_file_encode            (OctaArrangementFile *arr);

char          *octa_arrangement_file_dup_name          (const OctaArrangementFile *arr, OctaArrangementCopy copy);
gboolean       octa_arrangement_file_set_name          (OctaArrangementFile *arr, OctaArrangementCopy copy,
                                                        const char *name, GError **error);
const guint8  *octa_arrangement_file_get_name_raw      (const OctaArrangementFile *arr, OctaArrangementCopy copy);
guint16        octa_arrangement_file_get_row_count     (const OctaArrangementFile *arr, OctaArrangementCopy copy);
void           octa_arrangement_file_set_row_count     (OctaArrangementFile *arr, OctaArrangementCopy copy, guint16 count);
guint8         octa_arrangement_file_get_block_unknown (const OctaArrangementFile *arr, OctaArrangementCopy copy);
void           octa_arrangement_file_set_block_unknown (OctaArrangementFile *arr, OctaArrangementCopy copy, guint8 value);

OctaRowType    octa_arrangement_file_get_row_type      (const OctaArrangementFile *arr, OctaArrangementCopy copy, guint row);
void           octa_arrangement_file_set_row_type      (OctaArrangementFile *arr, OctaArrangementCopy copy, guint row,
                                                        OctaRowType type);
guint8         octa_arrangement_file_get_row_byte      (const OctaArrangementFile *arr, OctaArrangementCopy copy,
                                                        guint row, guint index);
void           octa_arrangement_file_set_row_byte      (OctaArrangementFile *arr, OctaArrangementCopy copy,
                                                        guint row, guint index, guint8 value);
guint          octa_arrangement_file_get_row_field     (const OctaArrangementFile *arr, OctaArrangementCopy copy,
                                                        guint row, OctaRowField field);
void           octa_arrangement_file_set_row_field     (OctaArrangementFile *arr, OctaArrangementCopy copy,
                                                        guint row, OctaRowField field, guint value);
gint           octa_arrangement_file_get_row_transpose (const OctaArrangementFile *arr, OctaArrangementCopy copy,
                                                        guint row, guint midi_track);
void           octa_arrangement_file_set_row_transpose (OctaArrangementFile *arr, OctaArrangementCopy copy,
                                                        guint row, guint midi_track, gint semitones);
char          *octa_arrangement_file_dup_row_reminder  (const OctaArrangementFile *arr, OctaArrangementCopy copy,
                                                        guint row);
gboolean       octa_arrangement_file_set_row_reminder  (OctaArrangementFile *arr, OctaArrangementCopy copy,
                                                        guint row, const char *text, GError **error);

/* File-level bytes: 22–23 ("unk1"), 5674 ("unk2"), 5675 saved flag, 11326+ saved states */
guint16        octa_arrangement_file_get_unknown_1     (const OctaArrangementFile *arr);
void           octa_arrangement_file_set_unknown_1     (OctaArrangementFile *arr, guint16 value);
guint8         octa_arrangement_file_get_unknown_2     (const OctaArrangementFile *arr);
void           octa_arrangement_file_set_unknown_2     (OctaArrangementFile *arr, guint8 value);
guint8         octa_arrangement_file_get_saved_flag    (const OctaArrangementFile *arr);
void           octa_arrangement_file_set_saved_flag    (OctaArrangementFile *arr, guint8 value);
guint8         octa_arrangement_file_get_saved_state   (const OctaArrangementFile *arr, guint arrangement);
void           octa_arrangement_file_set_saved_state   (OctaArrangementFile *arr, guint arrangement, guint8 value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OctaArrangementFile, octa_arrangement_file_free)

G_END_DECLS
