/* SPDX-License-Identifier: MIT */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean octa_renderer_gl_is_software (const char *dev_dir);
gboolean octa_renderer_choose         (const char *dev_dir);

G_END_DECLS
