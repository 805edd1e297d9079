/* SPDX-License-Identifier: MIT */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define OCTA_TYPE_APPLICATION (octa_application_get_type ())

G_DECLARE_FINAL_TYPE (OctaApplication, octa_application, OCTA, APPLICATION, AdwApplication)

OctaApplication *octa_application_new (void);

G_END_DECLS
