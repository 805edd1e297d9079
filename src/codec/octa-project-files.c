/* SPDX-License-Identifier: MIT */
#include "octa-project-files.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include "octa-codec-error.h"
#include "octa-fileio.h"
#include "octa-fileio-private.h"

/* Big enough that a slightly oversized bank still reaches its decoder,
 * which then reports exactly where the extra data starts. */
#define BINARY_READ_CAP   (OCTA_BANK_SIZE + 64 * 1024)
#define PROJECT_READ_CAP  (1024 * 1024)

#define CHUNK_SIZE        (64 * 1024)

/* project, 16 banks, markers, 8 arrangements */
#define N_FILES_PER_STATE (1 + OCTA_N_BANKS + 1 + OCTA_N_ARRANGEMENTS)
#define N_FILES           (2 * N_FILES_PER_STATE)

typedef struct
{
  OctaFileKind  kind;
  guint         index;
  OctaFileState state;
} FileId;

static FileId
file_id (guint i)
{
  FileId id;
  guint j = i % N_FILES_PER_STATE;

  id.state = i < N_FILES_PER_STATE ? OCTA_STATE_WORK : OCTA_STATE_STRD;
  if (j == 0)
    {
      id.kind = OCTA_FILE_KIND_PROJECT;
      id.index = 0;
    }
  else if (j <= OCTA_N_BANKS)
    {
      id.kind = OCTA_FILE_KIND_BANK;
      id.index = j - 1;
    }
  else if (j == OCTA_N_BANKS + 1)
    {
      id.kind = OCTA_FILE_KIND_MARKERS;
      id.index = 0;
    }
  else
    {
      id.kind = OCTA_FILE_KIND_ARRANGEMENT;
      id.index = j - OCTA_N_BANKS - 2;
    }
  return id;
}

static gboolean
file_id_valid (OctaFileKind  kind,
               guint         index,
               OctaFileState state)
{
  if (state != OCTA_STATE_WORK && state != OCTA_STATE_STRD)
    return FALSE;

  switch (kind)
    {
    case OCTA_FILE_KIND_PROJECT:
    case OCTA_FILE_KIND_MARKERS:
      return index == 0;
    case OCTA_FILE_KIND_BANK:
      return index < OCTA_N_BANKS;
    case OCTA_FILE_KIND_ARRANGEMENT:
      return index < OCTA_N_ARRANGEMENTS;
    case OCTA_FILE_KIND_UNKNOWN:
    case OCTA_FILE_KIND_SAMPLE_ATTRS:
    default:
      return FALSE;
    }
}

static gpointer
slot_get (const OctaProjectFiles *files,
          FileId                  id)
{
  switch (id.kind)
    {
    case OCTA_FILE_KIND_PROJECT:
      return files->project[id.state];
    case OCTA_FILE_KIND_BANK:
      return files->banks[id.state][id.index];
    case OCTA_FILE_KIND_MARKERS:
      return files->markers[id.state];
    case OCTA_FILE_KIND_ARRANGEMENT:
      return files->arrangements[id.state][id.index];
    case OCTA_FILE_KIND_UNKNOWN:
    case OCTA_FILE_KIND_SAMPLE_ATTRS:
    default:
      g_assert_not_reached ();
    }
  return NULL;
}

static void
slot_set (OctaProjectFiles *files,
          FileId            id,
          gpointer          object)
{
  switch (id.kind)
    {
    case OCTA_FILE_KIND_PROJECT:
      files->project[id.state] = object;
      break;
    case OCTA_FILE_KIND_BANK:
      files->banks[id.state][id.index] = object;
      break;
    case OCTA_FILE_KIND_MARKERS:
      files->markers[id.state] = object;
      break;
    case OCTA_FILE_KIND_ARRANGEMENT:
      files->arrangements[id.state][id.index] = object;
      break;
    case OCTA_FILE_KIND_UNKNOWN:
    case OCTA_FILE_KIND_SAMPLE_ATTRS:
    default:
      g_assert_not_reached ();
    }
}

static void
slot_free (FileId   id,
           gpointer object)
{
  if (object == NULL)
    return;

  switch (id.kind)
    {
    case OCTA_FILE_KIND_PROJECT:
      octa_project_file_free (object);
      break;
    case OCTA_FILE_KIND_BANK:
      octa_bank_file_free (object);
      break;
    case OCTA_FILE_KIND_MARKERS:
      octa_markers_file_free (object);
      break;
    case OCTA_FILE_KIND_ARRANGEMENT:
      octa_arrangement_file_free (object);
      break;
    case OCTA_FILE_KIND_UNKNOWN:
    case OCTA_FILE_KIND_SAMPLE_ATTRS:
    default:
      g_assert_not_reached ();
    }
}

static GBytes *
slot_encode (FileId   id,
             gpointer object)
{
  switch (id.kind)
    {
    case OCTA_FILE_KIND_PROJECT:
      return octa_project_file_encode (object);
    case OCTA_FILE_KIND_BANK:
      return octa_bank_file_encode (object);
    case OCTA_FILE_KIND_MARKERS:
      return octa_markers_file_encode (object);
    case OCTA_FILE_KIND_ARRANGEMENT:
      return octa_arrangement_file_encode (object);
    case OCTA_FILE_KIND_UNKNOWN:
    case OCTA_FILE_KIND_SAMPLE_ATTRS:
    default:
      g_assert_not_reached ();
    }
  return NULL;
}

static gpointer
slot_decode (FileId          id,
             const guint8   *data,
             gsize           len,
             const char     *name,
             OctaLoadFlags   flags,
             GError        **error)
{
  switch (id.kind)
    {
    case OCTA_FILE_KIND_PROJECT:
      return octa_project_file_new_from_data (data, len, name, error);
    case OCTA_FILE_KIND_BANK:
      return octa_bank_file_new_from_data (data, len, name, flags, error);
    case OCTA_FILE_KIND_MARKERS:
      return octa_markers_file_new_from_data (data, len, name, flags, error);
    case OCTA_FILE_KIND_ARRANGEMENT:
      /* Kept as stored, not refused, when the checksum isn't the device's
       * sum: files made by other tools carry other values. An untouched
       * file is written back as it was; an edit writes the device's sum. */
      return octa_arrangement_file_new_from_data (data, len, name,
                                                  flags | OCTA_LOAD_ALLOW_BAD_CHECKSUM, error);
    case OCTA_FILE_KIND_UNKNOWN:
    case OCTA_FILE_KIND_SAMPLE_ATTRS:
    default:
      g_assert_not_reached ();
    }
  return NULL;
}

static guint
file_id_slot (FileId id)
{
  switch (id.kind)
    {
    case OCTA_FILE_KIND_PROJECT:
      return 0;
    case OCTA_FILE_KIND_BANK:
      return 1 + id.index;
    case OCTA_FILE_KIND_MARKERS:
      return 1 + OCTA_N_BANKS;
    case OCTA_FILE_KIND_ARRANGEMENT:
      return 2 + OCTA_N_BANKS + id.index;
    case OCTA_FILE_KIND_UNKNOWN:
    case OCTA_FILE_KIND_SAMPLE_ATTRS:
    default:
      g_assert_not_reached ();
    }
  return 0;
}

static OctaImage *
slot_image (FileId   id,
            gpointer object)
{
  switch (id.kind)
    {
    case OCTA_FILE_KIND_BANK:
      return octa_bank_file_get_image (object);
    case OCTA_FILE_KIND_MARKERS:
      return octa_markers_file_get_image (object);
    case OCTA_FILE_KIND_ARRANGEMENT:
      return octa_arrangement_file_get_image (object);
    case OCTA_FILE_KIND_PROJECT:
    case OCTA_FILE_KIND_UNKNOWN:
    case OCTA_FILE_KIND_SAMPLE_ATTRS:
    default:
      return NULL;
    }
}

/* Whether a failure to read @id is kept as a problem of that file rather
 * than failing the whole load: without project.work there is no project. */
static gboolean
may_skip (FileId        id,
          OctaLoadFlags flags)
{
  return (flags & OCTA_LOAD_SKIP_DAMAGED) != 0 &&
         !(id.kind == OCTA_FILE_KIND_PROJECT && id.state == OCTA_STATE_WORK);
}

static void
record_problem (OctaProjectFiles *files,
                FileId            id,
                gsize             len,
                guint8            version,
                GError           *error)
{
  OctaFileProblem *problem = &files->problems[id.state][file_id_slot (id)];

  g_clear_error (&problem->error);
  problem->error = error;
  problem->size = len;
  problem->version = version;
  problem->shown = FALSE;
}

/* Decodes one file into @files, taking @data. With %OCTA_LOAD_SKIP_DAMAGED a
 * file that cannot be read is recorded in files->problems instead; one that
 * fails only on an older datatype version is opened read-only if its
 * layout checks out, and recorded all the same. */
static gboolean
decode_into (OctaProjectFiles  *files,
             FileId             id,
             guint8            *data,
             gsize              len,
             const char        *label,
             OctaLoadFlags      flags,
             GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  guint8 version = 0;
  gpointer object;

  if (!may_skip (id, flags))
    {
      if (id.kind == OCTA_FILE_KIND_BANK)
        object = octa_bank_file_new_take (data, len, label, flags, error);
      else
        {
          object = slot_decode (id, data, len, label, flags, error);
          g_free (data);
        }
      if (object == NULL)
        return FALSE;
      slot_set (files, id, object);
      return TRUE;
    }

  if (id.kind != OCTA_FILE_KIND_PROJECT && len > OCTA_VERSION_OFFSET)
    version = data[OCTA_VERSION_OFFSET];

  /* A bank of the known version is not needed again if it fails: taken,
   * not copied, as on the strict path. */
  if (id.kind == OCTA_FILE_KIND_BANK && version == octa_file_kind_version (id.kind))
    object = octa_bank_file_new_take (g_steal_pointer (&data), len, label,
                                      flags & ~OCTA_LOAD_SKIP_DAMAGED, &local_error);
  else
    object = slot_decode (id, data, len, label, flags & ~OCTA_LOAD_SKIP_DAMAGED, &local_error);
  if (object == NULL && data != NULL &&
      g_error_matches (local_error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_UNSUPPORTED_VERSION) &&
      version < octa_file_kind_version (id.kind))
    {
      object = slot_decode (id, data, len, label,
                            (flags & ~OCTA_LOAD_SKIP_DAMAGED) | OCTA_LOAD_ALLOW_OLDER_VERSION,
                            NULL);
      if (object != NULL)
        slot_image (id, object)->read_only = TRUE;
    }
  g_free (data);

  if (local_error != NULL)
    {
      record_problem (files, id, len, version, g_steal_pointer (&local_error));
      files->problems[id.state][file_id_slot (id)].shown = object != NULL;
    }
  if (object != NULL)
    slot_set (files, id, object);
  return TRUE;
}

static gsize
slot_read_cap (FileId id)
{
  return id.kind == OCTA_FILE_KIND_PROJECT ? PROJECT_READ_CAP : BINARY_READ_CAP;
}

static char *
file_id_filename (FileId id)
{
  const char *ext = id.state == OCTA_STATE_WORK ? "work" : "strd";

  switch (id.kind)
    {
    case OCTA_FILE_KIND_PROJECT:
      return g_strdup_printf ("project.%s", ext);
    case OCTA_FILE_KIND_BANK:
      return g_strdup_printf ("bank%02u.%s", id.index + 1, ext);
    case OCTA_FILE_KIND_MARKERS:
      return g_strdup_printf ("markers.%s", ext);
    case OCTA_FILE_KIND_ARRANGEMENT:
      return g_strdup_printf ("arr%02u.%s", id.index + 1, ext);
    case OCTA_FILE_KIND_UNKNOWN:
    case OCTA_FILE_KIND_SAMPLE_ATTRS:
    default:
      g_assert_not_reached ();
    }
  return NULL;
}

/**
 * octa_project_files_filename:
 * @kind: a project file kind (project, bank, markers or arrangement)
 * @index: 0-based bank (0–15) or arrangement (0–7); 0 for the others
 * @state: `.work` or `.strd`
 *
 * Returns: (transfer full): the file's name inside a project folder, e.g.
 *   `bank01.work` for bank 0 or `arr08.strd` for arrangement 7
 */
char *
octa_project_files_filename (OctaFileKind  kind,
                             guint         index,
                             OctaFileState state)
{
  FileId id = { kind, index, state };

  g_return_val_if_fail (file_id_valid (kind, index, state), NULL);

  return file_id_filename (id);
}

/**
 * octa_project_files_new_blank:
 * @name: the project's name
 *
 * Returns: (transfer full): the 26 files of a project as the device creates
 *   it: blank project.work, 16 banks, markers and 8 arrangements, no `.strd`
 */
OctaProjectFiles *
octa_project_files_new_blank (const char *name)
{
  OctaProjectFiles *files;

  g_return_val_if_fail (name != NULL, NULL);

  files = g_new0 (OctaProjectFiles, 1);
  files->name = g_strdup (name);

  for (guint i = 0; i < N_FILES_PER_STATE; i++)
    {
      FileId id = file_id (i);
      g_autofree char *filename = file_id_filename (id);
      g_autofree char *label = g_build_filename (name, filename, NULL);
      gpointer object = NULL;

      switch (id.kind)
        {
        case OCTA_FILE_KIND_PROJECT:
          object = octa_project_file_new_blank (label);
          break;
        case OCTA_FILE_KIND_BANK:
          object = octa_bank_file_new_blank (label);
          break;
        case OCTA_FILE_KIND_MARKERS:
          object = octa_markers_file_new_blank (label);
          break;
        case OCTA_FILE_KIND_ARRANGEMENT:
          object = octa_arrangement_file_new_blank (label);
          break;
        case OCTA_FILE_KIND_UNKNOWN:
        case OCTA_FILE_KIND_SAMPLE_ATTRS:
        default:
          g_assert_not_reached ();
        }
      slot_set (files, id, object);
    }

  return files;
}

/**
 * octa_project_files_free:
 * @files: (nullable): a project's files
 */
void
octa_project_files_free (OctaProjectFiles *files)
{
  if (files == NULL)
    return;

  for (guint i = 0; i < N_FILES; i++)
    {
      FileId id = file_id (i);

      slot_free (id, slot_get (files, id));
      slot_set (files, id, NULL);
      g_clear_error (&files->problems[id.state][file_id_slot (id)].error);
    }
  g_free (files->name);
  g_free (files);
}

/**
 * octa_project_files_count:
 * @files: a project's files
 *
 * Returns: how many of the 52 possible files are present
 */
guint
octa_project_files_count (const OctaProjectFiles *files)
{
  guint n = 0;

  g_return_val_if_fail (files != NULL, 0);

  for (guint i = 0; i < N_FILES; i++)
    if (slot_get (files, file_id (i)) != NULL)
      n++;
  return n;
}

/**
 * octa_project_files_encode_file:
 * @files: a project's files
 * @kind: project, bank, markers or arrangement
 * @index: 0-based bank or arrangement number; 0 for the others
 * @state: `.work` or `.strd`
 *
 * Returns: (transfer full) (nullable): the file's bytes, or %NULL when the
 *   project does not have that file
 */
GBytes *
octa_project_files_encode_file (OctaProjectFiles *files,
                                OctaFileKind      kind,
                                guint             index,
                                OctaFileState     state)
{
  FileId id = { kind, index, state };
  gpointer object;

  g_return_val_if_fail (files != NULL, NULL);
  g_return_val_if_fail (file_id_valid (kind, index, state), NULL);

  object = slot_get (files, id);
  if (object == NULL)
    return NULL;
  return slot_encode (id, object);
}

static char *
base_name_of_dir (const char *dir)
{
  g_autofree char *canonical = g_canonicalize_filename (dir, NULL);

  return g_path_get_basename (canonical);
}

/* g_stat() with the failure as a GError: "PATH: WHAT: reason". */
static gboolean
stat_path (const char   *path,
           struct stat  *st,
           const char   *what,
           GError      **error)
{
  if (g_stat (path, st) != 0)
    {
      int e = errno;
      g_set_error (error, OCTA_CODEC_ERROR,
                   e == ENOENT || e == ENOTDIR ? OCTA_CODEC_ERROR_NOT_FOUND : OCTA_CODEC_ERROR_IO,
                   "%s: %s: %s", path, what, g_strerror (e));
      return FALSE;
    }
  return TRUE;
}

/* A folder or archive without a single project file holds no project. */
static gboolean
check_not_empty (const OctaProjectFiles  *files,
                 const char              *where,
                 GError                 **error)
{
  if (octa_project_files_count (files) == 0)
    {
      g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_NOT_FOUND,
                   "%s: holds no Octatrack project files", where);
      return FALSE;
    }
  return TRUE;
}

/**
 * octa_project_files_load_dir:
 * @dir: a project folder
 * @flags: which kinds of damage to accept
 * @error: return location for a #GError
 *
 * Reads and decodes every project file present in @dir; absent files stay
 * %NULL, so a partial project opens. A file that fails to decode fails the
 * whole load with the decoder's error, which names the file's path, unless
 * @flags has %OCTA_LOAD_SKIP_DAMAGED: then only `project.work` does, and the
 * other files' errors are kept in the problems of the result. A folder
 * without any project file gives %OCTA_CODEC_ERROR_NOT_FOUND.
 *
 * Returns: (transfer full) (nullable): the project's files
 */
OctaProjectFiles *
octa_project_files_load_dir (const char     *dir,
                             OctaLoadFlags   flags,
                             GError        **error)
{
  g_autoptr(OctaProjectFiles) files = NULL;
  struct stat st;

  g_return_val_if_fail (dir != NULL, NULL);

  if (!stat_path (dir, &st, "cannot open the folder", error))
    return NULL;
  if (!S_ISDIR (st.st_mode))
    {
      g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_NOT_FOUND,
                   "%s: not a folder", dir);
      return NULL;
    }

  files = g_new0 (OctaProjectFiles, 1);
  files->name = base_name_of_dir (dir);

  for (guint i = 0; i < N_FILES; i++)
    {
      FileId id = file_id (i);
      g_autofree char *filename = file_id_filename (id);
      g_autofree char *path = g_build_filename (dir, filename, NULL);
      g_autofree guint8 *data = NULL;
      g_autoptr(GError) read_error = NULL;
      gsize len = 0;

      if (g_lstat (path, &st) != 0)
        {
          int e = errno;

          if (e == ENOENT)
            continue;
          g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_IO,
                       "%s: cannot read: %s", path, g_strerror (e));
          return NULL;
        }

      if (!octa_read_file (path, slot_read_cap (id), &data, &len, &read_error))
        {
          if (!may_skip (id, flags))
            {
              g_propagate_error (error, g_steal_pointer (&read_error));
              return NULL;
            }
          record_problem (files, id, (gsize) st.st_size, 0, g_steal_pointer (&read_error));
          continue;
        }

      if (!decode_into (files, id, g_steal_pointer (&data), len, path, flags, error))
        return NULL;
    }

  if (!check_not_empty (files, dir, error))
    return NULL;

  return g_steal_pointer (&files);
}

/* ---- Zip archives ------------------------------------------------------ */

typedef struct
{
  zip_uint64_t  index;
  char         *name;    /* as stored, for messages */
  char         *path;    /* normalised: components joined by '/' */
  zip_uint64_t  size;    /* declared uncompressed size */
  time_t        mtime;
  gboolean      has_mtime;
  gboolean      is_dir;
} ZipEntry;

typedef struct
{
  zip_t      *za;
  const char *zip_path;
  GPtrArray  *entries;   /* ZipEntry */
  GHashTable *by_path;   /* path → ZipEntry */
  char       *folder;    /* the project folder, "" for the root */
} ZipReader;

static void
zip_entry_free (ZipEntry *entry)
{
  g_free (entry->name);
  g_free (entry->path);
  g_free (entry);
}

static void
zip_reader_free (ZipReader *zr)
{
  if (zr == NULL)
    return;
  if (zr->za != NULL)
    zip_discard (zr->za);
  g_clear_pointer (&zr->by_path, g_hash_table_unref);
  g_clear_pointer (&zr->entries, g_ptr_array_unref);
  g_free (zr->folder);
  g_free (zr);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZipReader, zip_reader_free)

static gboolean
is_drive_letter (const char *name)
{
  return g_ascii_isalpha (name[0]) && name[1] == ':';
}

/*
 * Returns why an entry name cannot be extracted safely, or NULL. libzip
 * hands out names as C strings and turns NUL bytes inside a stored name
 * into spaces, so a NUL can never cut a name short here.
 */
static const char *
entry_name_problem (const char *name)
{
  g_auto(GStrv) parts = NULL;

  if (name[0] == '\0')
    return "has an empty name";
  if (name[0] == '/' || name[0] == '\\' || is_drive_letter (name))
    return "is an absolute path";
  if (strchr (name, '\\') != NULL)
    return "contains a backslash";
  for (const char *p = name; *p; p++)
    if ((guchar) *p < 0x20 || *p == 0x7F)
      return "contains a control character";

  parts = g_strsplit (name, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (g_str_equal (parts[i], ".."))
      return "leaves its folder (\"..\")";

  return NULL;
}

static char *
normalise_entry_path (const char *name)
{
  g_auto(GStrv) parts = g_strsplit (name, "/", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (parts[i][0] == '\0' || g_str_equal (parts[i], "."))
        continue;
      if (out->len > 0)
        g_string_append_c (out, '/');
      g_string_append (out, parts[i]);
    }
  return g_string_free (out, FALSE);
}

static void
set_zip_error (GError     **error,
               int          code,
               const char  *zip_path,
               const char  *what,
               zip_error_t *zerr)
{
  g_set_error (error, OCTA_CODEC_ERROR, code, "%s: %s: %s",
               zip_path, what, zip_error_strerror (zerr));
}

static gboolean
vet_entry (ZipReader     *zr,
           zip_uint64_t   i,
           guint64       *total,
           GError       **error)
{
  const char *name, *problem;
  zip_stat_t st;
  zip_uint8_t opsys;
  zip_uint32_t attributes;
  ZipEntry *entry;
  OctaFileKind kind;

  name = zip_get_name (zr->za, i, ZIP_FL_ENC_GUESS);
  if (name == NULL)
    {
      set_zip_error (error, OCTA_CODEC_ERROR_ZIP, zr->zip_path, "unreadable entry name",
                     zip_get_error (zr->za));
      return FALSE;
    }

  problem = entry_name_problem (name);
  if (problem != NULL)
    {
      g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_ZIP,
                   "%s: unsafe archive: entry \"%s\" %s", zr->zip_path, name, problem);
      return FALSE;
    }

  zip_stat_init (&st);
  if (zip_stat_index (zr->za, i, 0, &st) != 0)
    {
      g_autofree char *what = g_strdup_printf ("entry \"%s\"", name);
      set_zip_error (error, OCTA_CODEC_ERROR_ZIP, zr->zip_path, what, zip_get_error (zr->za));
      return FALSE;
    }

  entry = g_new0 (ZipEntry, 1);
  entry->index = i;
  entry->name = g_strdup (name);
  entry->path = normalise_entry_path (name);
  entry->is_dir = g_str_has_suffix (name, "/");
  entry->size = st.size;
  entry->mtime = st.mtime;
  entry->has_mtime = (st.valid & ZIP_STAT_MTIME) != 0;
  g_ptr_array_add (zr->entries, entry);

  if (entry->path[0] == '\0')
    {
      g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_ZIP,
                   "%s: unsafe archive: entry \"%s\" has an empty name", zr->zip_path, name);
      return FALSE;
    }

  if (zip_file_get_external_attributes (zr->za, i, 0, &opsys, &attributes) == 0 &&
      opsys == ZIP_OPSYS_UNIX)
    {
      mode_t type = (attributes >> 16) & S_IFMT;

      if (S_ISLNK (type))
        {
          g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_ZIP,
                       "%s: unsafe archive: entry \"%s\" is a symbolic link", zr->zip_path, name);
          return FALSE;
        }
      if (type != 0 && !S_ISREG (type) && !S_ISDIR (type))
        {
          g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_ZIP,
                       "%s: unsafe archive: entry \"%s\" is a special file", zr->zip_path, name);
          return FALSE;
        }
      if (S_ISDIR (type))
        entry->is_dir = TRUE;
    }

  if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
    {
      g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_ZIP,
                   "%s: entry \"%s\" is encrypted", zr->zip_path, name);
      return FALSE;
    }

  if (!(st.valid & ZIP_STAT_SIZE))
    {
      g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_ZIP,
                   "%s: entry \"%s\" has no size", zr->zip_path, name);
      return FALSE;
    }

  if (!entry->is_dir && (st.valid & ZIP_STAT_COMP_METHOD) &&
      !zip_compression_method_supported (st.comp_method, 0))
    {
      g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_ZIP,
                   "%s: entry \"%s\" uses an unsupported compression method (%d)",
                   zr->zip_path, name, (int) st.comp_method);
      return FALSE;
    }

  kind = octa_file_kind_from_filename (entry->path);
  if (!entry->is_dir && kind != OCTA_FILE_KIND_UNKNOWN && st.size > OCTA_ZIP_MAX_PROJECT_FILE)
    {
      g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_ZIP,
                   "%s: entry \"%s\" is %" G_GUINT64_FORMAT " bytes, more than the %"
                   G_GUINT64_FORMAT " allowed for a project file",
                   zr->zip_path, name, (guint64) st.size, OCTA_ZIP_MAX_PROJECT_FILE);
      return FALSE;
    }

  if (!entry->is_dir)
    {
      if (st.size > OCTA_ZIP_MAX_TOTAL_SIZE - *total)
        {
          g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_ZIP,
                       "%s: too large: the entries up to \"%s\" hold more than %"
                       G_GUINT64_FORMAT " bytes", zr->zip_path, name, OCTA_ZIP_MAX_TOTAL_SIZE);
          return FALSE;
        }
      *total += st.size;
    }

  if (g_hash_table_contains (zr->by_path, entry->path))
    {
      ZipEntry *other = g_hash_table_lookup (zr->by_path, entry->path);

      /* Repeating a folder is harmless; anything else is ambiguous. */
      if (!(other->is_dir && entry->is_dir))
        {
          g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_ZIP,
                       "%s: entry \"%s\" appears more than once", zr->zip_path, name);
          return FALSE;
        }
    }
  else
    {
      g_hash_table_insert (zr->by_path, entry->path, entry);
    }

  return TRUE;
}

static gboolean
is_bank_work (const char *base)
{
  guint n;

  if (strlen (base) != strlen ("bank01.work") || !g_str_has_prefix (base, "bank") ||
      !g_str_has_suffix (base, ".work") ||
      !g_ascii_isdigit (base[4]) || !g_ascii_isdigit (base[5]))
    return FALSE;

  n = (base[4] - '0') * 10 + (base[5] - '0');
  return n >= 1 && n <= OCTA_N_BANKS;
}

static char *
path_folder (const char *path)
{
  const char *slash = strrchr (path, '/');

  return slash != NULL ? g_strndup (path, slash - path) : g_strdup ("");
}

static const char *
path_base (const char *path)
{
  const char *slash = strrchr (path, '/');

  return slash != NULL ? slash + 1 : path;
}

static gboolean
locate_project_folder (ZipReader  *zr,
                       GError    **error)
{
  g_autoptr(GPtrArray) folders = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < zr->entries->len; i++)
    {
      ZipEntry *entry = zr->entries->pdata[i];
      const char *base = path_base (entry->path);
      g_autofree char *folder = NULL;
      gboolean seen = FALSE;

      if (entry->is_dir)
        continue;
      if (!g_str_equal (base, "project.work") && !is_bank_work (base))
        continue;

      folder = path_folder (entry->path);
      for (guint k = 0; k < folders->len && !seen; k++)
        seen = g_str_equal (folders->pdata[k], folder);
      if (!seen)
        g_ptr_array_add (folders, g_steal_pointer (&folder));
    }

  if (folders->len == 0)
    {
      g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_NOT_FOUND,
                   "%s: holds no Octatrack project files", zr->zip_path);
      return FALSE;
    }

  if (folders->len > 1)
    {
      const char *a = folders->pdata[0], *b = folders->pdata[1];

      g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_ZIP,
                   "%s: holds more than one project (\"%s\" and \"%s\")",
                   zr->zip_path, *a ? a : "/", *b ? b : "/");
      return FALSE;
    }

  zr->folder = g_strdup (folders->pdata[0]);
  return TRUE;
}

/*
 * Opens @zip_path and refuses it unless every entry is safe to extract
 * and exactly one folder holds a project. Nothing is decompressed yet.
 */
static ZipReader *
zip_reader_open (const char  *zip_path,
                 GError     **error)
{
  g_autoptr(ZipReader) zr = g_new0 (ZipReader, 1);
  zip_int64_t n_entries;
  guint64 total = 0;
  int zcode = 0;

  zr->zip_path = zip_path;
  zr->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) zip_entry_free);
  zr->by_path = g_hash_table_new (g_str_hash, g_str_equal);

  /* ZIP_CHECKCONS would refuse archives from writers whose local headers
   * disagree with the central directory in harmless ways. */
  zr->za = zip_open (zip_path, ZIP_RDONLY, &zcode);
  if (zr->za == NULL)
    {
      zip_error_t zerr;
      int code = OCTA_CODEC_ERROR_ZIP;

      if (zcode == ZIP_ER_NOENT)
        code = OCTA_CODEC_ERROR_NOT_FOUND;
      else if (zcode == ZIP_ER_OPEN)
        code = OCTA_CODEC_ERROR_IO;

      zip_error_init_with_code (&zerr, zcode);
      set_zip_error (error, code, zip_path, "not a readable zip archive", &zerr);
      zip_error_fini (&zerr);
      return NULL;
    }

  n_entries = zip_get_num_entries (zr->za, 0);
  if (n_entries < 0 || n_entries > OCTA_ZIP_MAX_ENTRIES)
    {
      g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_ZIP,
                   "%s: too many entries (%" G_GINT64_FORMAT ", the limit is %d)",
                   zip_path, (gint64) n_entries, OCTA_ZIP_MAX_ENTRIES);
      return NULL;
    }

  for (zip_int64_t i = 0; i < n_entries; i++)
    if (!vet_entry (zr, (zip_uint64_t) i, &total, error))
      return NULL;

  /* A file entry that is also used as a folder cannot be extracted. */
  for (guint i = 0; i < zr->entries->len; i++)
    {
      ZipEntry *entry = zr->entries->pdata[i];
      g_autofree char *folder = path_folder (entry->path);

      while (folder[0] != '\0')
        {
          ZipEntry *parent = g_hash_table_lookup (zr->by_path, folder);
          char *up;

          if (parent != NULL && !parent->is_dir)
            {
              g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_ZIP,
                           "%s: entry \"%s\" lies inside \"%s\", which is a file",
                           zip_path, entry->name, parent->name);
              return NULL;
            }
          up = path_folder (folder);
          g_free (folder);
          folder = up;
        }
    }

  if (!locate_project_folder (zr, error))
    return NULL;

  return g_steal_pointer (&zr);
}

typedef gboolean (*ChunkFunc) (const guint8  *data,
                               gsize          len,
                               gpointer       user_data,
                               GError       **error);

/*
 * Decompresses one entry, refusing it as soon as it yields more than @limit
 * bytes: declared sizes are only claims, a crafted entry can inflate far
 * beyond what the central directory says.
 */
static gboolean
zip_reader_stream (ZipReader       *zr,
                   const ZipEntry  *entry,
                   guint64          limit,
                   ChunkFunc        func,
                   gpointer         user_data,
                   GError         **error)
{
  g_autofree guint8 *chunk = NULL;
  zip_file_t *zf;
  guint64 total = 0;

  zf = zip_fopen_index (zr->za, entry->index, 0);
  if (zf == NULL)
    {
      g_autofree char *what = g_strdup_printf ("entry \"%s\"", entry->name);
      set_zip_error (error, OCTA_CODEC_ERROR_ZIP, zr->zip_path, what, zip_get_error (zr->za));
      return FALSE;
    }

  chunk = g_malloc (CHUNK_SIZE);
  for (;;)
    {
      zip_int64_t n = zip_fread (zf, chunk, CHUNK_SIZE);

      if (n < 0)
        {
          g_autofree char *what = g_strdup_printf ("entry \"%s\"", entry->name);
          set_zip_error (error, OCTA_CODEC_ERROR_ZIP, zr->zip_path, what, zip_file_get_error (zf));
          zip_fclose (zf);
          return FALSE;
        }
      if (n == 0)
        break;

      total += (guint64) n;
      if (total > limit)
        {
          g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_ZIP,
                       "%s: entry \"%s\" inflates to more than %" G_GUINT64_FORMAT " bytes",
                       zr->zip_path, entry->name, limit);
          zip_fclose (zf);
          return FALSE;
        }

      if (!func (chunk, (gsize) n, user_data, error))
        {
          zip_fclose (zf);
          return FALSE;
        }
    }

  zip_fclose (zf);
  return TRUE;
}

static gboolean
append_chunk (const guint8  *data,
              gsize          len,
              gpointer       user_data,
              GError       **error)
{
  g_byte_array_append (user_data, data, len);
  return TRUE;
}

static char *
zip_base_name (const char *zip_path)
{
  g_autofree char *base = g_path_get_basename (zip_path);
  gsize len = strlen (base);

  if (len > 4 && g_ascii_strcasecmp (base + len - 4, ".zip") == 0)
    base[len - 4] = '\0';
  return g_steal_pointer (&base);
}

/**
 * octa_project_files_load_zip:
 * @zip_path: a zip archive holding one project
 * @flags: which kinds of damage to accept
 * @error: return location for a #GError
 *
 * Reads the project in @zip_path: the one folder (possibly the archive's
 * root) that holds `project.work` or a `bankNN.work`. The whole archive is
 * refused with %OCTA_CODEC_ERROR_ZIP when any entry is unsafe (absolute,
 * `..`, backslash, symbolic link or special file, encrypted), when there are
 * more than %OCTA_ZIP_MAX_ENTRIES entries or %OCTA_ZIP_MAX_TOTAL_SIZE bytes,
 * when a project file is larger than %OCTA_ZIP_MAX_PROJECT_FILE (counting
 * the bytes actually decompressed), or when several folders hold projects.
 * Files are named `ZIP!entry` in decoder messages.
 *
 * Returns: (transfer full) (nullable): the project's files
 */
OctaProjectFiles *
octa_project_files_load_zip (const char     *zip_path,
                             OctaLoadFlags   flags,
                             GError        **error)
{
  g_autoptr(ZipReader) zr = NULL;
  g_autoptr(OctaProjectFiles) files = NULL;

  g_return_val_if_fail (zip_path != NULL, NULL);

  zr = zip_reader_open (zip_path, error);
  if (zr == NULL)
    return NULL;

  files = g_new0 (OctaProjectFiles, 1);
  if (zr->folder[0] == '\0')
    files->name = zip_base_name (zip_path);
  else
    files->name = g_strdup (path_base (zr->folder));

  for (guint i = 0; i < N_FILES; i++)
    {
      FileId id = file_id (i);
      g_autofree char *filename = file_id_filename (id);
      g_autofree char *path = NULL;
      g_autofree char *label = NULL;
      g_autoptr(GByteArray) buf = NULL;
      ZipEntry *entry;
      gsize len;

      if (zr->folder[0] == '\0')
        path = g_strdup (filename);
      else
        path = g_strconcat (zr->folder, "/", filename, NULL);

      entry = g_hash_table_lookup (zr->by_path, path);
      if (entry == NULL || entry->is_dir)
        continue;

      buf = g_byte_array_sized_new (MIN (entry->size, OCTA_ZIP_MAX_PROJECT_FILE));
      if (!zip_reader_stream (zr, entry, MIN (entry->size, OCTA_ZIP_MAX_PROJECT_FILE),
                              append_chunk, buf, error))
        return NULL;

      label = g_strdup_printf ("%s!%s", zip_path, entry->name);
      len = buf->len;
      if (!decode_into (files, id, g_byte_array_free (g_steal_pointer (&buf), FALSE), len,
                        label, flags, error))
        return NULL;
    }

  if (!check_not_empty (files, zip_path, error))
    return NULL;

  return g_steal_pointer (&files);
}

static gboolean
starts_with_zip_magic (const char *path)
{
  guint8 magic[4];
  gsize got = 0;
  int fd;

  fd = _octa_open_noeintr (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK, 0);
  if (fd < 0)
    return FALSE;

  while (got < sizeof magic)
    {
      gssize n = _octa_read_noeintr (fd, magic + got, sizeof magic - got);

      if (n <= 0)
        break;
      got += n;
    }
  close (fd);

  return got == sizeof magic && memcmp (magic, "PK\x03\x04", 4) == 0;
}

/**
 * octa_project_files_load:
 * @path: a project folder or a zip archive
 * @flags: which kinds of damage to accept
 * @error: return location for a #GError
 *
 * Opens a folder with octa_project_files_load_dir() and a regular file whose
 * name ends in `.zip` or that starts like a zip archive with
 * octa_project_files_load_zip(). Anything else is %OCTA_CODEC_ERROR_NOT_FOUND.
 *
 * Returns: (transfer full) (nullable): the project's files
 */
OctaProjectFiles *
octa_project_files_load (const char     *path,
                         OctaLoadFlags   flags,
                         GError        **error)
{
  struct stat st;
  gsize len;

  g_return_val_if_fail (path != NULL, NULL);

  if (!stat_path (path, &st, "cannot open", error))
    return NULL;

  if (S_ISDIR (st.st_mode))
    return octa_project_files_load_dir (path, flags, error);

  len = strlen (path);
  if (S_ISREG (st.st_mode) &&
      ((len > 4 && g_ascii_strcasecmp (path + len - 4, ".zip") == 0) ||
       starts_with_zip_magic (path)))
    return octa_project_files_load_zip (path, flags, error);

  g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_NOT_FOUND,
               "%s: not an Octatrack project folder or zip archive", path);
  return NULL;
}

static gboolean
make_folder (const char  *dir,
             GError     **error)
{
  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      int e = errno;
      g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_IO,
                   "%s: cannot create the folder: %s", dir, g_strerror (e));
      return FALSE;
    }
  return TRUE;
}

/* Encodes @object into @dir under its own file name; returns the bytes
 * written and, in @path_out, where they went. */
static GBytes *
write_slot (FileId           id,
            gpointer         object,
            const char      *dir,
            OctaWriteFlags   flags,
            char           **path_out,
            GError         **error)
{
  g_autofree char *filename = file_id_filename (id);
  g_autofree char *path = g_build_filename (dir, filename, NULL);
  g_autoptr(GBytes) bytes = slot_encode (id, object);
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);

  if (!octa_write_file_atomic_full (path, data, len, flags, error))
    return NULL;
  if (path_out != NULL)
    *path_out = g_steal_pointer (&path);
  return g_steal_pointer (&bytes);
}

/**
 * octa_project_files_write_dir:
 * @files: a project's files
 * @dir: the folder to write into; created (0755) when missing
 * @error: return location for a #GError
 *
 * Writes every present file with octa_write_file_atomic_full(), then syncs
 * the folder once. Each file is replaced atomically, the set as a whole is
 * not: a failure can leave some files new and others old. Files of @dir that
 * @files does not hold are left alone.
 *
 * Returns: %TRUE on success
 */
gboolean
octa_project_files_write_dir (OctaProjectFiles  *files,
                              const char        *dir,
                              GError           **error)
{
  g_return_val_if_fail (files != NULL, FALSE);
  g_return_val_if_fail (dir != NULL, FALSE);

  if (!make_folder (dir, error))
    return FALSE;

  for (guint i = 0; i < N_FILES; i++)
    {
      FileId id = file_id (i);
      gpointer object = slot_get (files, id);
      g_autoptr(GBytes) bytes = NULL;

      if (object == NULL)
        continue;

      bytes = write_slot (id, object, dir, OCTA_WRITE_NO_DIR_SYNC, NULL, error);
      if (bytes == NULL)
        return FALSE;
    }

  return octa_fsync_dir (dir, error);
}

/**
 * octa_project_files_write_scratch:
 * @files: a project's files
 * @dir: a fresh throw-away folder that only this process uses (created when
 *   missing)
 * @error: return location for a #GError
 *
 * Writes every present file of @files into @dir as
 * octa_project_files_write_dir() does, but syncs nothing to disk: a crash
 * can only lose a scratch copy. Returns the files that
 * octa_project_files_load_dir() would give for @dir right after, decoded
 * from the very bytes written instead of reading them back, so opening a
 * generated project costs no second pass over the disk.
 *
 * Returns: (transfer full) (nullable): the files as loaded from @dir
 */
OctaProjectFiles *
octa_project_files_write_scratch (OctaProjectFiles  *files,
                                  const char        *dir,
                                  GError           **error)
{
  g_autoptr(OctaProjectFiles) loaded = NULL;

  g_return_val_if_fail (files != NULL, NULL);
  g_return_val_if_fail (dir != NULL, NULL);

  if (!make_folder (dir, error))
    return NULL;

  loaded = g_new0 (OctaProjectFiles, 1);
  loaded->name = base_name_of_dir (dir);

  for (guint i = 0; i < N_FILES; i++)
    {
      FileId id = file_id (i);
      gpointer object = slot_get (files, id);
      g_autofree char *path = NULL;
      g_autoptr(GBytes) bytes = NULL;
      gsize len;

      if (object == NULL)
        continue;

      bytes = write_slot (id, object, dir, OCTA_WRITE_NO_SYNC, &path, error);
      if (bytes == NULL)
        return NULL;

      if (id.kind == OCTA_FILE_KIND_BANK)
        {
          guint8 *copy = g_bytes_unref_to_data (g_steal_pointer (&bytes), &len);

          object = octa_bank_file_new_take (copy, len, path, OCTA_LOAD_DEFAULT, error);
        }
      else
        {
          const guint8 *data = g_bytes_get_data (bytes, &len);

          object = slot_decode (id, data, len, path, OCTA_LOAD_DEFAULT, error);
        }
      if (object == NULL)
        return NULL;
      slot_set (loaded, id, object);
    }

  return g_steal_pointer (&loaded);
}

/* ---- Writing a zip ----------------------------------------------------- */

typedef struct
{
  zip_t      *za;
  const char *zip_path;
  GPtrArray  *keep;       /* GBytes the archive points into until zip_close() */
  GHashTable *added;      /* entry names */
  GPtrArray  *warnings;
  guint64     total;
} ZipWriter;

static gboolean
zip_writer_add (ZipWriter      *zw,
                const char     *entry_name,
                GBytes         *bytes,
                zip_int32_t     method,
                const time_t   *mtime,
                GError        **error)
{
  zip_source_t *source;
  zip_int64_t index;
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  zip_flags_t enc = g_utf8_validate (entry_name, -1, NULL) ? ZIP_FL_ENC_UTF_8 : ZIP_FL_ENC_GUESS;

  g_ptr_array_add (zw->keep, g_bytes_ref (bytes));

  source = zip_source_buffer (zw->za, data, len, 0);
  if (source == NULL)
    goto fail;

  index = zip_file_add (zw->za, entry_name, source, enc);
  if (index < 0)
    {
      zip_source_free (source);
      goto fail;
    }

  if (zip_set_file_compression (zw->za, index, method, 0) != 0)
    goto fail;
  if (mtime != NULL && zip_file_set_mtime (zw->za, index, *mtime, 0) != 0)
    goto fail;

  g_hash_table_add (zw->added, g_strdup (entry_name));
  zw->total += len;
  return TRUE;

fail:
  {
    g_autofree char *what = g_strdup_printf ("cannot add \"%s\"", entry_name);
    set_zip_error (error, OCTA_CODEC_ERROR_ZIP, zw->zip_path, what, zip_get_error (zw->za));
  }
  return FALSE;
}

static void
zip_writer_warn (ZipWriter  *zw,
                 const char *format,
                 ...) G_GNUC_PRINTF (2, 3);

static void
zip_writer_warn (ZipWriter  *zw,
                 const char *format,
                 ...)
{
  va_list args;

  if (zw->warnings == NULL)
    return;

  va_start (args, format);
  g_ptr_array_add (zw->warnings, g_strdup_vprintf (format, args));
  va_end (args);
}

/*
 * Maps a [SAMPLE] PATH (relative to the project folder) to its place in the
 * zip, which mirrors the set folder: files in the project folder go under
 * "<NAME>/", files elsewhere in the set (the usual "../AUDIO/…") keep their
 * path relative to the set. Returns NULL with @reason set when the path is
 * absolute or leaves the set.
 */
static gboolean
resolve_sample_path (const char  *project_name,
                     const char  *project_dir,
                     const char  *sample_path,
                     char       **entry_name,
                     char       **source_path,
                     const char **reason)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GPtrArray) comps = g_ptr_array_new ();
  g_autofree char *joined = NULL;
  g_autofree char *base_dir = NULL;
  gboolean in_set = FALSE;

  if (sample_path[0] == '/' || sample_path[0] == '\\' || is_drive_letter (sample_path))
    {
      *reason = "it is an absolute path";
      return FALSE;
    }
  if (strchr (sample_path, '\\') != NULL)
    {
      *reason = "it contains a backslash";
      return FALSE;
    }

  parts = g_strsplit (sample_path, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *c = parts[i];

      if (c[0] == '\0' || g_str_equal (c, "."))
        continue;
      if (!g_str_equal (c, ".."))
        {
          g_ptr_array_add (comps, (gpointer) c);
          continue;
        }
      if (comps->len > 0)
        g_ptr_array_set_size (comps, comps->len - 1);
      else if (!in_set)
        in_set = TRUE;
      else
        {
          *reason = "it leads outside the set folder";
          return FALSE;
        }
    }

  if (comps->len == 0)
    {
      *reason = "it names a folder, not a file";
      return FALSE;
    }

  g_ptr_array_add (comps, NULL);
  joined = g_strjoinv ("/", (char **) comps->pdata);

  if (in_set)
    {
      g_autofree char *canonical = g_canonicalize_filename (project_dir, NULL);

      base_dir = g_path_get_dirname (canonical);
      *entry_name = g_strdup (joined);
    }
  else
    {
      base_dir = g_strdup (project_dir);
      *entry_name = g_strconcat (project_name, "/", joined, NULL);
    }
  *source_path = g_build_filename (base_dir, joined, NULL);
  return TRUE;
}

/*
 * Adds one file from disk. Returns FALSE only for archive errors; a file
 * that cannot be added is a warning, and @added tells the two apart.
 */
static gboolean
zip_writer_add_disk_file (ZipWriter   *zw,
                          const char  *entry_name,
                          const char  *source_path,
                          const char  *label,
                          gboolean     warn_missing,
                          gboolean    *added,
                          GError     **error)
{
  g_autoptr(GError) read_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  guint8 *data = NULL;
  gsize len = 0;
  struct stat st;
  zip_int32_t method;

  *added = g_hash_table_contains (zw->added, entry_name);
  if (*added)
    return TRUE;

  if (g_stat (source_path, &st) != 0 || !S_ISREG (st.st_mode))
    {
      if (warn_missing)
        zip_writer_warn (zw, "%s: file \"%s\" not found; not added to the zip",
                         label, source_path);
      return TRUE;
    }

  if ((guint64) st.st_size > OCTA_ZIP_MAX_TOTAL_SIZE - MIN (zw->total, OCTA_ZIP_MAX_TOTAL_SIZE))
    {
      zip_writer_warn (zw, "%s: \"%s\" would make the zip larger than %" G_GUINT64_FORMAT
                       " bytes; not added", label, source_path, OCTA_ZIP_MAX_TOTAL_SIZE);
      return TRUE;
    }

  if (!octa_read_file (source_path, OCTA_ZIP_MAX_TOTAL_SIZE, &data, &len, &read_error))
    {
      zip_writer_warn (zw, "%s: %s; not added to the zip", label, read_error->message);
      return TRUE;
    }
  bytes = g_bytes_new_take (data, len);

  /* Sidecars are tiny and compress well; audio barely compresses at all. */
  method = octa_file_kind_from_filename (entry_name) == OCTA_FILE_KIND_SAMPLE_ATTRS
           ? ZIP_CM_DEFLATE : ZIP_CM_STORE;

  if (!zip_writer_add (zw, entry_name, bytes, method, &st.st_mtime, error))
    return FALSE;
  *added = TRUE;
  return TRUE;
}

static char *
sidecar_path (const char *path)
{
  const char *slash = strrchr (path, '/');
  const char *dot = strrchr (path, '.');

  if (dot != NULL && (slash == NULL || dot > slash))
    {
      g_autofree char *stem = g_strndup (path, dot - path);
      return g_strconcat (stem, ".ot", NULL);
    }
  return g_strconcat (path, ".ot", NULL);
}

static gboolean
zip_writer_add_samples (ZipWriter         *zw,
                        OctaProjectFiles  *files,
                        const char        *project_dir,
                        GError           **error)
{
  static const OctaSlotType types[] = { OCTA_SLOT_FLEX, OCTA_SLOT_STATIC };

  for (guint s = 0; s < 2; s++)
    {
      OctaProjectFile *project = files->project[s];

      if (project == NULL)
        continue;

      for (guint t = 0; t < G_N_ELEMENTS (types); t++)
        for (guint slot = 0; slot < octa_slot_type_n_slots (types[t]); slot++)
          {
            g_autofree char *path = NULL;
            g_autofree char *entry = NULL;
            g_autofree char *source = NULL;
            g_autofree char *label = NULL;
            const char *reason = NULL;
            gboolean added = FALSE;

            if (!octa_project_file_has_sample (project, types[t], slot))
              continue;
            path = octa_project_file_dup_sample_path (project, types[t], slot);
            if (path == NULL || path[0] == '\0')
              continue;

            label = g_strdup_printf ("%s slot %u: sample \"%s\"",
                                     octa_slot_type_to_string (types[t]), slot + 1, path);

            if (!resolve_sample_path (files->name, project_dir, path, &entry, &source, &reason))
              {
                zip_writer_warn (zw, "%s: %s; not added to the zip", label, reason);
                continue;
              }

            if (!zip_writer_add_disk_file (zw, entry, source, label, TRUE, &added, error))
              return FALSE;

            if (added && octa_file_kind_from_filename (entry) != OCTA_FILE_KIND_SAMPLE_ATTRS)
              {
                g_autofree char *ot_entry = sidecar_path (entry);
                g_autofree char *ot_source = sidecar_path (source);

                if (!zip_writer_add_disk_file (zw, ot_entry, ot_source, label, FALSE, &added,
                                               error))
                  return FALSE;
              }
          }
    }

  return TRUE;
}

static gboolean
project_name_is_safe (const char *name)
{
  return name != NULL && name[0] != '\0' &&
         !g_str_equal (name, ".") && !g_str_equal (name, "..") &&
         strchr (name, '/') == NULL && strchr (name, '\\') == NULL &&
         !is_drive_letter (name);
}

static GBytes *
read_source_bytes (zip_source_t  *source,
                   const char    *zip_path,
                   GError       **error)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autofree guint8 *chunk = g_malloc (CHUNK_SIZE);

  if (zip_source_open (source) < 0)
    {
      set_zip_error (error, OCTA_CODEC_ERROR_ZIP, zip_path, "cannot read the new archive",
                     zip_source_error (source));
      return NULL;
    }

  for (;;)
    {
      zip_int64_t n = zip_source_read (source, chunk, CHUNK_SIZE);

      if (n < 0)
        {
          set_zip_error (error, OCTA_CODEC_ERROR_ZIP, zip_path, "cannot read the new archive",
                         zip_source_error (source));
          zip_source_close (source);
          return NULL;
        }
      if (n == 0)
        break;
      g_byte_array_append (out, chunk, (guint) n);
    }

  zip_source_close (source);
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

/**
 * octa_project_files_write_zip:
 * @files: a project's files
 * @zip_path: the archive to create or replace
 * @project_dir: (nullable): the project's folder on disk, where the samples'
 *   relative paths start; %NULL to write the project files alone
 * @warnings: (nullable) (element-type utf8): receives one message per
 *   sample that could not be added
 * @error: return location for a #GError
 *
 * Writes `<NAME>/<file>` for every present project file, plus every sample
 * the [SAMPLE] blocks reference and its `.ot` sidecar when there is one:
 * samples inside the project folder go under `<NAME>/`, samples elsewhere in
 * the set folder (`../AUDIO/…`) keep their path relative to the set, so
 * extracting the zip into a set folder restores the layout. Absolute paths,
 * paths that leave the set and missing files are skipped with a warning.
 * The archive is built in memory and written with octa_write_file_atomic().
 *
 * Returns: %TRUE on success
 */
gboolean
octa_project_files_write_zip (OctaProjectFiles  *files,
                              const char        *zip_path,
                              const char        *project_dir,
                              GPtrArray         *warnings,
                              GError           **error)
{
  g_autoptr(GPtrArray) keep = NULL;
  g_autoptr(GHashTable) added = NULL;
  g_autoptr(GBytes) archive = NULL;
  zip_source_t *buffer;
  zip_error_t zerr;
  ZipWriter zw = { 0 };
  gsize len;
  const guint8 *data;

  g_return_val_if_fail (files != NULL, FALSE);
  g_return_val_if_fail (zip_path != NULL, FALSE);

  if (!project_name_is_safe (files->name))
    {
      g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_INVALID_VALUE,
                   "%s: the project name \"%s\" cannot be used as a folder name",
                   zip_path, files->name ? files->name : "");
      return FALSE;
    }
  if (octa_project_files_count (files) == 0)
    {
      g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_NOT_FOUND,
                   "%s: the project has no files to write", zip_path);
      return FALSE;
    }

  zip_error_init (&zerr);
  buffer = zip_source_buffer_create (NULL, 0, 0, &zerr);
  if (buffer == NULL)
    {
      set_zip_error (error, OCTA_CODEC_ERROR_ZIP, zip_path, "cannot create an archive", &zerr);
      zip_error_fini (&zerr);
      return FALSE;
    }

  zw.za = zip_open_from_source (buffer, ZIP_TRUNCATE, &zerr);
  if (zw.za == NULL)
    {
      set_zip_error (error, OCTA_CODEC_ERROR_ZIP, zip_path, "cannot create an archive", &zerr);
      zip_error_fini (&zerr);
      zip_source_free (buffer);
      return FALSE;
    }
  zip_error_fini (&zerr);

  /* zip_close() frees its source; keep the buffer to read the result. */
  zip_source_keep (buffer);

  keep = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  added = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  zw.zip_path = zip_path;
  zw.keep = keep;
  zw.added = added;
  zw.warnings = warnings;

  for (guint i = 0; i < N_FILES; i++)
    {
      FileId id = file_id (i);
      gpointer object = slot_get (files, id);
      g_autofree char *filename = NULL;
      g_autofree char *entry = NULL;
      g_autoptr(GBytes) bytes = NULL;

      if (object == NULL)
        continue;

      filename = file_id_filename (id);
      entry = g_strconcat (files->name, "/", filename, NULL);
      bytes = slot_encode (id, object);
      if (!zip_writer_add (&zw, entry, bytes, ZIP_CM_DEFLATE, NULL, error))
        goto fail;
    }

  if (project_dir != NULL && !zip_writer_add_samples (&zw, files, project_dir, error))
    goto fail;

  if (zip_close (zw.za) != 0)
    {
      set_zip_error (error, OCTA_CODEC_ERROR_ZIP, zip_path, "cannot build the archive",
                     zip_get_error (zw.za));
      goto fail;
    }
  zw.za = NULL;

  archive = read_source_bytes (buffer, zip_path, error);
  zip_source_free (buffer);
  if (archive == NULL)
    return FALSE;

  data = g_bytes_get_data (archive, &len);
  return octa_write_file_atomic (zip_path, data, len, error);

fail:
  if (zw.za != NULL)
    zip_discard (zw.za);
  zip_source_free (buffer);
  return FALSE;
}

/* ---- Extracting -------------------------------------------------------- */

/* Removes what this module created; never follows symbolic links. */
static void
remove_tree (const char *path)
{
  struct stat st;

  if (g_lstat (path, &st) != 0)
    return;

  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    {
      g_unlink (path);
    }
}

typedef struct
{
  const char *zip_path;
  const char *target;
  int         fd;
} ExtractSink;

static gboolean
write_chunk (const guint8  *data,
             gsize          len,
             gpointer       user_data,
             GError       **error)
{
  ExtractSink *sink = user_data;

  if (!_octa_write_all (sink->fd, data, len))
    {
      int e = errno;
      g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_IO,
                   "%s: cannot write \"%s\": %s", sink->zip_path, sink->target, g_strerror (e));
      return FALSE;
    }
  return TRUE;
}

static gboolean
make_folders (const char   *root,
              const char   *rel,
              GPtrArray    *made,
              const char   *zip_path,
              GError      **error)
{
  g_auto(GStrv) parts = g_strsplit (rel, "/", -1);
  g_autoptr(GString) path = g_string_new (root);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      struct stat st;

      g_string_append_c (path, G_DIR_SEPARATOR);
      g_string_append (path, parts[i]);

      if (g_mkdir (path->str, 0755) == 0)
        {
          g_ptr_array_add (made, g_strdup (path->str));
          continue;
        }
      if (errno == EEXIST && g_lstat (path->str, &st) == 0 && S_ISDIR (st.st_mode))
        continue;

      {
        int e = errno;
        g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_IO,
                     "%s: cannot create the folder \"%s\": %s", zip_path, path->str,
                     g_strerror (e));
      }
      return FALSE;
    }

  return TRUE;
}

static gboolean
extract_file (ZipReader      *zr,
              const ZipEntry *entry,
              const char     *root,
              GPtrArray      *made,
              GError        **error)
{
  g_autofree char *folder = path_folder (entry->path);
  g_autofree char *target = g_build_filename (root, entry->path, NULL);
  ExtractSink sink = { zr->zip_path, target, -1 };
  guint64 limit = entry->size;

  if (folder[0] != '\0' && !make_folders (root, folder, made, zr->zip_path, error))
    return FALSE;

  if (octa_file_kind_from_filename (entry->path) != OCTA_FILE_KIND_UNKNOWN)
    limit = MIN (limit, OCTA_ZIP_MAX_PROJECT_FILE);

  sink.fd = _octa_open_noeintr (target, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                                0644);
  if (sink.fd < 0)
    {
      int e = errno;
      g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_IO,
                   "%s: cannot create \"%s\": %s", zr->zip_path, target, g_strerror (e));
      return FALSE;
    }

  if (!zip_reader_stream (zr, entry, limit, write_chunk, &sink, error))
    {
      close (sink.fd);
      return FALSE;
    }

  if (entry->has_mtime)
    {
      struct timespec times[2];

      times[0].tv_sec = times[1].tv_sec = entry->mtime;
      times[0].tv_nsec = times[1].tv_nsec = 0;
      futimens (sink.fd, times);
    }

  if (fsync (sink.fd) != 0)
    {
      int e = errno;
      close (sink.fd);
      g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_IO,
                   "%s: cannot write \"%s\": %s", zr->zip_path, target, g_strerror (e));
      return FALSE;
    }
  if (close (sink.fd) != 0 && errno != EINTR)
    {
      int e = errno;
      g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_IO,
                   "%s: cannot write \"%s\": %s", zr->zip_path, target, g_strerror (e));
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_destination (const char  *dest_dir,
                   GError     **error)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) local = NULL;
  struct stat st;

  if (g_lstat (dest_dir, &st) != 0)
    {
      int e = errno;

      if (e == ENOENT)
        return TRUE;
      g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_IO,
                   "%s: %s", dest_dir, g_strerror (e));
      return FALSE;
    }

  if (!S_ISDIR (st.st_mode))
    {
      g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_IO,
                   "%s: exists and is not a folder", dest_dir);
      return FALSE;
    }

  dir = g_dir_open (dest_dir, 0, &local);
  if (dir == NULL)
    {
      g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_IO,
                   "%s: %s", dest_dir, local->message);
      return FALSE;
    }
  if (g_dir_read_name (dir) != NULL)
    {
      g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_IO,
                   "%s: the folder is not empty", dest_dir);
      return FALSE;
    }

  return TRUE;
}

/**
 * octa_zip_extract:
 * @zip_path: a zip archive holding one project
 * @dest_dir: the folder to create; it must not exist or be empty
 * @error: return location for a #GError
 *
 * Extracts every file and folder of @zip_path into @dest_dir, after the
 * same checks as octa_project_files_load_zip() (so the archive must hold
 * exactly one project). Everything is written into a temporary sibling
 * `DEST.partial-XXXXXX` that is renamed to @dest_dir at the end, and
 * removed on any failure, so either the whole archive appears or nothing.
 * Entries that inflate beyond their declared size are refused. An existing
 * non-empty @dest_dir gives %OCTA_CODEC_ERROR_IO and is left untouched.
 *
 * Returns: %TRUE on success
 */
gboolean
octa_zip_extract (const char  *zip_path,
                  const char  *dest_dir,
                  GError     **error)
{
  g_autoptr(ZipReader) zr = NULL;
  g_autoptr(GPtrArray) made = NULL;
  g_autofree char *dest = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *parent = NULL;
  gsize len;

  g_return_val_if_fail (zip_path != NULL, FALSE);
  g_return_val_if_fail (dest_dir != NULL && *dest_dir != '\0', FALSE);

  zr = zip_reader_open (zip_path, error);
  if (zr == NULL)
    return FALSE;

  dest = g_strdup (dest_dir);
  len = strlen (dest);
  while (len > 1 && dest[len - 1] == G_DIR_SEPARATOR)
    dest[--len] = '\0';

  if (!check_destination (dest, error))
    return FALSE;

  tmp = g_strconcat (dest, ".partial-XXXXXX", NULL);
  if (g_mkdtemp (tmp) == NULL)
    {
      int e = errno;
      g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_IO,
                   "%s: cannot create a temporary folder next to it: %s", dest, g_strerror (e));
      return FALSE;
    }

  made = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (made, g_strdup (tmp));

  for (guint i = 0; i < zr->entries->len; i++)
    {
      ZipEntry *entry = zr->entries->pdata[i];
      gboolean ok;

      if (entry->is_dir)
        ok = make_folders (tmp, entry->path, made, zip_path, error);
      else
        ok = extract_file (zr, entry, tmp, made, error);

      if (!ok)
        goto fail;
    }

  for (guint i = 0; i < made->len; i++)
    if (!octa_fsync_dir (made->pdata[i], error))
      goto fail;

  /* g_mkdtemp() made it private; the result should look like any folder. */
  if (g_chmod (tmp, 0755) != 0 || g_rename (tmp, dest) != 0)
    {
      int e = errno;
      g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_IO,
                   "%s: cannot move the extracted files into place: %s", dest, g_strerror (e));
      goto fail;
    }

  parent = g_path_get_dirname (dest);
  return octa_fsync_dir (parent, error);

fail:
  remove_tree (tmp);
  return FALSE;
}
