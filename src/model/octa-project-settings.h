/* SPDX-License-Identifier: MIT */
#pragma once

#include <gio/gio.h>

#include "octa-project.h"

G_BEGIN_DECLS

#define OCTA_TYPE_PROJECT_SETTINGS (octa_project_settings_get_type ())

G_DECLARE_FINAL_TYPE (OctaProjectSettings, octa_project_settings, OCTA, PROJECT_SETTINGS, GObject)

OctaProjectSettings *octa_project_get_settings                (OctaProject         *project);

OctaProject         *octa_project_settings_get_project        (OctaProjectSettings *self);
double               octa_project_settings_get_tempo          (OctaProjectSettings *self);
void                 octa_project_settings_set_tempo          (OctaProjectSettings *self,
                                                               double               bpm);
gint                 octa_project_settings_get_trig_mode_midi (OctaProjectSettings *self,
                                                               guint                track);
void                 octa_project_settings_set_trig_mode_midi (OctaProjectSettings *self,
                                                               guint                track,
                                                               gint                 mode);
char                *octa_project_settings_dup_os_version     (OctaProjectSettings *self);
char                *octa_project_settings_dup_version        (OctaProjectSettings *self);
const char          *octa_project_settings_get_key            (OctaProjectSettings *self,
                                                               const char          *property);

G_END_DECLS
