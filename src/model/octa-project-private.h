/* SPDX-License-Identifier: MIT */
#pragma once

#include "octa-codec.h"
#include "octa-project.h"

G_BEGIN_DECLS

/* Each file of a project has an id: state × 26 + slot, slot 0 = project text,
 * 1…16 = banks, 17 = markers, 18…25 = arrangements. */
#define OCTA_N_FILE_SLOTS 26
#define OCTA_N_FILE_IDS   (2 * OCTA_N_FILE_SLOTS)

static inline guint
octa_file_id_project (OctaFileState state)
{
  return state * OCTA_N_FILE_SLOTS;
}

static inline guint
octa_file_id_bank (guint         bank,
                   OctaFileState state)
{
  return state * OCTA_N_FILE_SLOTS + 1 + bank;
}

static inline guint
octa_file_id_markers (OctaFileState state)
{
  return state * OCTA_N_FILE_SLOTS + 17;
}

static inline guint
octa_file_id_arrangement (guint         arrangement,
                          OctaFileState state)
{
  return state * OCTA_N_FILE_SLOTS + 18 + arrangement;
}

typedef void     (*OctaRefreshFunc)  (GObject         *object);
typedef gboolean (*OctaTextEditFunc) (OctaProjectFile *file,
                                      gpointer         user_data,
                                      GError         **error);

OctaProjectFiles    *_octa_project_get_files          (OctaProject      *self);
OctaBankFile        *_octa_project_get_bank_file      (OctaProject      *self,
                                                       guint             bank,
                                                       OctaFileState     state);
OctaMarkersFile     *_octa_project_get_markers_file   (OctaProject      *self,
                                                       OctaFileState     state);
OctaArrangementFile *_octa_project_get_arrangement_file (OctaProject    *self,
                                                         guint           arrangement,
                                                         OctaFileState   state);
OctaProjectFile     *_octa_project_get_project_file   (OctaProject      *self,
                                                       OctaFileState     state);
gboolean             _octa_project_edit_text          (OctaProject      *self,
                                                       OctaFileState     state,
                                                       const char       *label,
                                                       OctaTextEditFunc  func,
                                                       gpointer          user_data,
                                                       GError          **error);
void                 _octa_project_watch              (OctaProject      *self,
                                                       guint             file_id,
                                                       gsize             start,
                                                       gsize             end,
                                                       GObject          *object,
                                                       OctaRefreshFunc   refresh);
void                 _octa_project_unwatch            (OctaProject      *self,
                                                       GObject          *object);
void                 _octa_project_forget_bank        (OctaProject      *self,
                                                       guint             index);
const GError        *_octa_project_get_problem        (OctaProject      *self,
                                                       guint             file_id);
gboolean             _octa_project_is_damaged         (OctaProject      *self,
                                                       guint             file_id);
gboolean             _octa_project_is_shown           (OctaProject      *self,
                                                       guint             file_id);
gboolean             _octa_project_get_disk_bytes     (OctaProject      *self,
                                                       guint             file_id,
                                                       gsize             offset,
                                                       gsize             len,
                                                       guint8           *out);
gboolean             _octa_project_get_disk_unknown   (OctaProject      *self,
                                                       guint             file_id);

/* For the save path (octa-project-save.c) */
gboolean             _octa_project_get_on_disk        (OctaProject      *self,
                                                       guint             file_id);
void                 _octa_project_set_on_disk        (OctaProject      *self,
                                                       guint             file_id,
                                                       gboolean          on_disk);
void                 _octa_project_mark_saved         (OctaProject      *self);
void                 _octa_project_set_location       (OctaProject      *self,
                                                       GFile            *location);
gpointer             _octa_project_get_save_data      (OctaProject      *self);
void                 _octa_project_set_save_data      (OctaProject      *self,
                                                       gpointer          data,
                                                       GDestroyNotify    destroy);

G_END_DECLS
