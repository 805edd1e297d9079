/* SPDX-License-Identifier: MIT */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void octa_css_ensure (const char *resource_path);

G_END_DECLS
