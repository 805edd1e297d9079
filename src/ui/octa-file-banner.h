/* SPDX-License-Identifier: MIT */
#pragma once

#include <adwaita.h>

#include "octa.h"

G_BEGIN_DECLS

#define OCTA_TYPE_FILE_BANNER (octa_file_banner_get_type ())

G_DECLARE_FINAL_TYPE (OctaFileBanner, octa_file_banner, OCTA, FILE_BANNER, AdwBin)

GtkWidget   *octa_file_banner_new                (void);
OctaProject *octa_file_banner_get_project        (OctaFileBanner *self);
void         octa_file_banner_set_project        (OctaFileBanner *self,
                                                  OctaProject    *project);
const char  *octa_file_banner_get_text           (OctaFileBanner *self);
gboolean     octa_file_banner_get_revealed       (OctaFileBanner *self);
gboolean     octa_file_banner_get_can_open_saved (OctaFileBanner *self);
GtkWidget   *octa_file_banner_show_details       (OctaFileBanner *self);
guint        octa_ui_open_saved_copies           (OctaProject    *project);

G_END_DECLS
