/* SPDX-License-Identifier: MIT */
#pragma once

#include <glib.h>

#include "octa-fileio.h"
#include "octa-project-files.h"

G_BEGIN_DECLS

#define OCTA_DEMO_N_SAMPLES 5

OctaProjectFiles *octa_project_files_new_demo (void);
gboolean          octa_demo_write_samples     (const char *dir,
                                               GError    **error);
gboolean          octa_demo_write_samples_full (const char     *dir,
                                                OctaWriteFlags  flags,
                                                GError        **error);
GBytes           *octa_demo_sample_wav        (guint       index,
                                               char      **filename);

G_END_DECLS
