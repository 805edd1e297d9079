/* SPDX-License-Identifier: MIT */
#pragma once

#include <glib.h>

#include "octa-markers-file.h"

G_BEGIN_DECLS

/*
 * `project.work` / `project.strd` (spec §4): an ordered list of lines kept
 * verbatim, each with its own line ending. Typed access edits single lines
 * in place; nothing is ever re-serialised from a model, so unknown keys,
 * repeated keys, odd values and blank lines survive.
 *
 * Strings cross the API as UTF-8. Bytes in the file that are not UTF-8 are
 * read as Latin-1; a string written back is stored as Latin-1 when it is not
 * plain ASCII.
 */
typedef struct _OctaProjectFile OctaProjectFile;

#define OCTA_SECTION_META     "META"
#define OCTA_SECTION_SETTINGS "SETTINGS"
#define OCTA_SECTION_STATES   "STATES"
#define OCTA_SECTION_SAMPLE   "SAMPLE"

/* Larger files are refused: a device file is a few kilobytes. */
#define OCTA_PROJECT_FILE_MAX_SIZE (1024 * 1024)

/* TRIG_MODE_MIDI is one key written once per MIDI track, in track order. */
#define OCTA_PROJECT_N_TRIG_MODE_MIDI 8

/* Attributes of a [SAMPLE] block */
typedef enum
{
  OCTA_SAMPLE_ATTR_TRIM_BARS_X100,
  OCTA_SAMPLE_ATTR_BPM_X24,
  OCTA_SAMPLE_ATTR_TSMODE,
  OCTA_SAMPLE_ATTR_LOOPMODE,
  OCTA_SAMPLE_ATTR_GAIN,
  OCTA_SAMPLE_ATTR_TRIGQUANTIZATION,
  OCTA_N_SAMPLE_ATTRS,
} OctaSampleAttr;

typedef struct
{
  OctaSlotType type;
  guint        slot;   /* 0-based */
} OctaSlotRef;

OctaProjectFile *octa_project_file_new_blank        (const char *name);
OctaProjectFile *octa_project_file_new_from_data    (const guint8 *data,
                                                     gsize len,
                                                     const char *name,
                                                     GError **error);
OctaProjectFile *octa_project_file_copy             (const OctaProjectFile *project);
void           octa_project_file_free               (OctaProjectFile *project);
void           octa_project_file_assign             (OctaProjectFile *project,
                                                     const OctaProjectFile *from);
const char    *octa_project_file_get_name           (const OctaProjectFile *project);
void           octa_project_file_set_name           (OctaProjectFile *project,
                                                     const char *name);
GBytes        *octa_project_file_encode             (const OctaProjectFile *project);
gboolean       octa_project_file_equal              (const OctaProjectFile *a,
                                                     const OctaProjectFile *b);
gboolean       octa_project_file_validate           (const guint8 *data,
                                                     gsize len,
                                                     const char *name,
                                                     GPtrArray *problems);

/* Raw lines, without their line endings */
guint          octa_project_file_get_n_lines        (const OctaProjectFile *project);
const char    *octa_project_file_get_line           (const OctaProjectFile *project,
                                                     guint index);

/* Keys in [META], [SETTINGS] and [STATES]; nth counts repeated keys (TRIG_MODE_MIDI) */
const char   *const *octa_project_file_known_keys  (const char *section);
gboolean       octa_project_file_has_key            (const OctaProjectFile *project,
                                                     const char *section,
                                                     const char *key,
                                                     guint nth);
gboolean       octa_project_file_key_default        (const char *section,
                                                     const char *key,
                                                     gint *value);
gint           octa_project_file_get_int            (const OctaProjectFile *project,
                                                     const char *section,
                                                     const char *key,
                                                     guint nth);
gboolean       octa_project_file_lookup_int         (const OctaProjectFile *project,
                                                     const char *section,
                                                     const char *key,
                                                     guint nth,
                                                     gint *value);
guint          octa_project_file_count_key          (const OctaProjectFile *project,
                                                     const char *section,
                                                     const char *key);
gboolean       octa_project_file_set_int            (OctaProjectFile *project,
                                                     const char *section,
                                                     const char *key,
                                                     guint nth,
                                                     gint value,
                                                     GError **error);
char          *octa_project_file_dup_string         (const OctaProjectFile *project,
                                                     const char *section,
                                                     const char *key);
gboolean       octa_project_file_set_string         (OctaProjectFile *project,
                                                     const char *section,
                                                     const char *key,
                                                     const char *value,
                                                     GError **error);

/* [SAMPLE] blocks */
const char    *octa_project_file_sample_attr_key    (OctaSampleAttr attr);
GArray        *octa_project_file_list_samples       (const OctaProjectFile *project);
gboolean       octa_project_file_has_sample         (const OctaProjectFile *project,
                                                     OctaSlotType type,
                                                     guint slot);
char          *octa_project_file_dup_sample_path    (const OctaProjectFile *project,
                                                     OctaSlotType type,
                                                     guint slot);
gboolean       octa_project_file_set_sample_path    (OctaProjectFile *project,
                                                     OctaSlotType type,
                                                     guint slot,
                                                     const char *path,
                                                     GError **error);
gboolean       octa_project_file_get_sample_attr    (const OctaProjectFile *project,
                                                     OctaSlotType type,
                                                     guint slot,
                                                     OctaSampleAttr attr,
                                                     gint *value);
gboolean       octa_project_file_set_sample_attr    (OctaProjectFile *project,
                                                     OctaSlotType type,
                                                     guint slot,
                                                     OctaSampleAttr attr,
                                                     gint value,
                                                     GError **error);
gboolean       octa_project_file_add_sample         (OctaProjectFile *project,
                                                     OctaSlotType type,
                                                     guint slot,
                                                     const char *path,
                                                     GError **error);
gboolean       octa_project_file_remove_sample      (OctaProjectFile *project,
                                                     OctaSlotType type,
                                                     guint slot,
                                                     GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OctaProjectFile, octa_project_file_free)

G_END_DECLS
