/* SPDX-License-Identifier: MIT */
#pragma once

#include <glib.h>

#include "octa-arrangement-file.h"
#include "octa-bank-file.h"
#include "octa-markers-file.h"
#include "octa-project-file.h"

G_BEGIN_DECLS

#define OCTA_N_BANKS 16

/* `.work` is the working state, `.strd` the state PROJECT ▸ SAVE stored. */
typedef enum
{
  OCTA_STATE_WORK = 0,
  OCTA_STATE_STRD = 1,
} OctaFileState;

/* Bounds that keep a hostile zip from exhausting the machine. */
#define OCTA_ZIP_MAX_ENTRIES        4096
#define OCTA_ZIP_MAX_TOTAL_SIZE     (G_GUINT64_CONSTANT (4) * 1024 * 1024 * 1024)
#define OCTA_ZIP_MAX_PROJECT_FILE   (G_GUINT64_CONSTANT (1) * 1024 * 1024)

/* Files per state: project text, 16 banks, markers, 8 arrangements. */
#define OCTA_N_PROJECT_FILE_SLOTS 26

/**
 * OctaFileProblem:
 * @error: why the file could not be read, or %NULL when it could
 * @size: how many bytes the file has (as far as they were read)
 * @version: its datatype version byte (offset 21), 0 when it has none
 * @shown: the file is of an older format but its layout checks out, so it
 *   was opened anyway, read-only
 *
 * What went wrong with one file of a project loaded with
 * %OCTA_LOAD_SKIP_DAMAGED.
 */
typedef struct
{
  GError  *error;
  gsize    size;
  guint8   version;
  gboolean shown;
} OctaFileProblem;

/**
 * OctaProjectFiles:
 * @name: the project's name (its folder name)
 * @project: project.work / project.strd (either may be %NULL)
 * @banks: bankNN files, [state][bank]
 * @markers: markers files
 * @arrangements: arrNN files, [state][arrangement]
 * @problems: per state and slot (0 project, 1–16 banks, 17 markers, 18–25
 *   arrangements), the files that could not be read; such a file is %NULL,
 *   except one of an older format that was opened for reading only
 *
 * Every file of one project, as loaded. Absent files are %NULL: a project
 * missing some of them still opens.
 */
typedef struct
{
  char                *name;
  OctaProjectFile     *project[2];
  OctaBankFile        *banks[2][OCTA_N_BANKS];
  OctaMarkersFile     *markers[2];
  OctaArrangementFile *arrangements[2][8];
  OctaFileProblem      problems[2][OCTA_N_PROJECT_FILE_SLOTS];
} OctaProjectFiles;

char          *octa_project_files_filename     (OctaFileKind kind,
                                                guint index,
                                                OctaFileState state);
OctaProjectFiles *octa_project_files_new_blank (const char *name);
OctaProjectFiles *octa_project_files_load_dir  (const char *dir,
                                                OctaLoadFlags flags,
                                                GError **error);
OctaProjectFiles *octa_project_files_load_zip  (const char *zip_path,
                                                OctaLoadFlags flags,
                                                GError **error);
OctaProjectFiles *octa_project_files_load      (const char *path,
                                                OctaLoadFlags flags,
                                                GError **error);
void           octa_project_files_free         (OctaProjectFiles *files);
guint          octa_project_files_count        (const OctaProjectFiles *files);
GBytes        *octa_project_files_encode_file  (OctaProjectFiles *files,
                                                OctaFileKind kind,
                                                guint index,
                                                OctaFileState state);
gboolean       octa_project_files_write_dir    (OctaProjectFiles *files,
                                                const char *dir,
                                                GError **error);
OctaProjectFiles *octa_project_files_write_scratch (OctaProjectFiles *files,
                                                  const char *dir,
                                                  GError **error);
gboolean       octa_project_files_write_zip    (OctaProjectFiles *files,
                                                const char *zip_path,
                                                const char *project_dir,
                                                GPtrArray *warnings,
                                                GError **error);

gboolean       octa_zip_extract                (const char *zip_path,
                                                const char *dest_dir,
                                                GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OctaProjectFiles, octa_project_files_free)

G_END_DECLS
