/* SPDX-License-Identifier: MIT */
#pragma once

#include <adwaita.h>

#include "octa.h"

G_BEGIN_DECLS

#define OCTA_TYPE_BANK_PROBLEM_PAGE (octa_bank_problem_page_get_type ())

G_DECLARE_FINAL_TYPE (OctaBankProblemPage, octa_bank_problem_page, OCTA, BANK_PROBLEM_PAGE, AdwBin)

GtkWidget *octa_bank_problem_page_new      (void);
OctaBank  *octa_bank_problem_page_get_bank (OctaBankProblemPage *self);
void       octa_bank_problem_page_set_bank (OctaBankProblemPage *self,
                                            OctaBank            *bank);
AdwStatusPage *octa_bank_problem_page_get_status_page (OctaBankProblemPage *self);
GtkWidget *octa_bank_problem_page_get_open_saved_button (OctaBankProblemPage *self);

G_END_DECLS
