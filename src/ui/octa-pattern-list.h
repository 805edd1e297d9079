/* SPDX-License-Identifier: MIT */
#pragma once

#include <gtk/gtk.h>

#include "octa.h"

G_BEGIN_DECLS

#define OCTA_TYPE_PATTERN_LIST (octa_pattern_list_get_type ())

G_DECLARE_FINAL_TYPE (OctaPatternList, octa_pattern_list, OCTA, PATTERN_LIST, GtkWidget)

GtkWidget *octa_pattern_list_new         (void);
OctaBank  *octa_pattern_list_get_bank    (OctaPatternList *self);
void       octa_pattern_list_set_bank    (OctaPatternList *self,
                                          OctaBank        *bank);
void       octa_pattern_list_set_current (OctaPatternList *self,
                                          guint            pattern);
GtkWidget *octa_pattern_list_get_row     (OctaPatternList *self,
                                          guint            pattern);

void             octa_pattern_list_set_unsaved (OctaPatternList *self,
                                                guint16          mask);
guint16          octa_pattern_list_get_unsaved (OctaPatternList *self);

G_END_DECLS
