/* SPDX-License-Identifier: MIT */
#pragma once

#include <gtk/gtk.h>

#include "octa.h"

G_BEGIN_DECLS

#define OCTA_MATRIX_SIZE 16

#define OCTA_TYPE_BANK_MATRIX (octa_bank_matrix_get_type ())

G_DECLARE_FINAL_TYPE (OctaBankMatrix, octa_bank_matrix, OCTA, BANK_MATRIX, GtkWidget)

GtkWidget   *octa_bank_matrix_new              (void);
OctaProject *octa_bank_matrix_get_project      (OctaBankMatrix *self);
void         octa_bank_matrix_set_project      (OctaBankMatrix *self,
                                                OctaProject    *project);
guint        octa_bank_matrix_get_cursor_bank  (OctaBankMatrix *self);
guint        octa_bank_matrix_get_cursor_pattern (OctaBankMatrix *self);
void         octa_bank_matrix_set_cursor       (OctaBankMatrix *self,
                                                guint           bank,
                                                guint           pattern);
void         octa_bank_matrix_set_current      (OctaBankMatrix *self,
                                                guint           bank,
                                                guint           pattern);
guint        octa_bank_matrix_get_current_bank (OctaBankMatrix *self);
guint        octa_bank_matrix_get_current_pattern (OctaBankMatrix *self);
void         octa_bank_matrix_activate_cursor  (OctaBankMatrix *self);
guint16      octa_bank_matrix_get_unsaved      (OctaBankMatrix *self,
                                                guint           bank);
gboolean     octa_bank_matrix_get_bank_unreadable (OctaBankMatrix *self,
                                                   guint           bank);
gboolean     octa_bank_matrix_get_bank_older      (OctaBankMatrix *self,
                                                   guint           bank);

/* Words shared by the matrix, the pattern list and the window. */
guint        octa_ui_pattern_count_trigs       (OctaPattern    *pattern);
guint16      octa_ui_pattern_track_occupancy   (OctaPattern    *pattern);
char        *octa_ui_pattern_dup_part_label    (OctaPattern    *pattern);
char        *octa_ui_pattern_dup_length_label  (OctaPattern    *pattern);
char        *octa_ui_pattern_dup_summary       (OctaPattern    *pattern);

G_END_DECLS
