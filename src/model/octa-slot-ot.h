/* SPDX-License-Identifier: MIT */
#pragma once

#include <gio/gio.h>

#include "octa-model-enums.h"
#include "octa-project.h"

G_BEGIN_DECLS

gboolean octa_project_apply_ot_file (OctaProject   *project,
                                     OctaSlotKind   kind,
                                     guint          number,
                                     GFile         *ot,
                                     GError       **error);
gboolean octa_project_write_ot_file (OctaProject   *project,
                                     OctaSlotKind   kind,
                                     guint          number,
                                     GFile         *dest,
                                     GError       **error);

G_END_DECLS
