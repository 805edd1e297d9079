/* SPDX-License-Identifier: MIT */
#pragma once

#include <gio/gio.h>

#include "octa-arrangement.h"

G_BEGIN_DECLS

#define OCTA_TYPE_ARRANGEMENT_ROW (octa_arrangement_row_get_type ())

G_DECLARE_FINAL_TYPE (OctaArrangementRow, octa_arrangement_row, OCTA, ARRANGEMENT_ROW, GObject)

/* Row types (#OctaArrangementRow:row-type) */
#define OCTA_ARRANGEMENT_ROW_PATTERN  0
#define OCTA_ARRANGEMENT_ROW_LOOP     1
#define OCTA_ARRANGEMENT_ROW_REMINDER 2

#define OCTA_ARRANGEMENT_ROW_SIZE_BYTES 22

OctaArrangement *octa_arrangement_row_get_arrangement  (OctaArrangementRow *self);
guint            octa_arrangement_row_get_index        (OctaArrangementRow *self);
gint             octa_arrangement_row_get_row_type     (OctaArrangementRow *self);
void             octa_arrangement_row_set_row_type     (OctaArrangementRow *self,
                                                        gint                row_type);
guint            octa_arrangement_row_get_pattern      (OctaArrangementRow *self);
void             octa_arrangement_row_set_pattern      (OctaArrangementRow *self,
                                                        guint               pattern);
char            *octa_arrangement_row_dup_pattern_label (OctaArrangementRow *self);
guint            octa_arrangement_row_get_repeats      (OctaArrangementRow *self);
void             octa_arrangement_row_set_repeats      (OctaArrangementRow *self,
                                                        guint               repeats);
double           octa_arrangement_row_get_tempo        (OctaArrangementRow *self);
void             octa_arrangement_row_set_tempo        (OctaArrangementRow *self,
                                                        double              bpm);
gint             octa_arrangement_row_get_transpose    (OctaArrangementRow *self,
                                                        guint               midi_track);
void             octa_arrangement_row_set_transpose    (OctaArrangementRow *self,
                                                        guint               midi_track,
                                                        gint                semitones);
char            *octa_arrangement_row_dup_reminder     (OctaArrangementRow *self);
gboolean         octa_arrangement_row_set_reminder     (OctaArrangementRow *self,
                                                        const char         *text,
                                                        GError            **error);
guint8           octa_arrangement_row_get_byte         (OctaArrangementRow *self,
                                                        guint               index);
void             octa_arrangement_row_set_byte         (OctaArrangementRow *self,
                                                        guint               index,
                                                        guint8              value);

G_END_DECLS
