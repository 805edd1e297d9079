/* SPDX-License-Identifier: MIT */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define OCTA_MAX_RECENT 10

#define OCTA_TYPE_START_PAGE (octa_start_page_get_type ())

G_DECLARE_FINAL_TYPE (OctaStartPage, octa_start_page, OCTA, START_PAGE, AdwBin)

GtkWidget  *octa_start_page_new          (void);
GtkListBox *octa_start_page_get_recent_list (OctaStartPage *self);
GtkListBox *octa_start_page_get_card_list (OctaStartPage *self);
void        octa_start_page_set_card_roots (OctaStartPage     *self,
                                            const char *const *roots);

/* Recent projects: folders and zips, newest first, kept in GSettings and
 * also told to GtkRecentManager so other applications see them. */
typedef struct
{
  char   *path;
  gint64  time;
} OctaRecentProject;

GPtrArray  *octa_recent_projects_list    (GSettings   *settings);
void        octa_recent_projects_add     (GSettings   *settings,
                                          GFile       *location);

char       *octa_describe_location       (GFile       *location);
char       *octa_describe_time           (gint64       unix_time);

G_END_DECLS
