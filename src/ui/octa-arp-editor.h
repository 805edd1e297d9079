/* SPDX-License-Identifier: MIT */
#pragma once

#include "octa-column-editor.h"

G_BEGIN_DECLS

#define OCTA_TYPE_ARP_EDITOR (octa_arp_editor_get_type ())

G_DECLARE_FINAL_TYPE (OctaArpEditor, octa_arp_editor, OCTA, ARP_EDITOR, OctaColumnEditor)

GtkWidget *octa_arp_editor_new            (void);
char      *octa_arp_editor_dup_step_label (OctaArpEditor *self,
                                           guint          step);

G_END_DECLS
