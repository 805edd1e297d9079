/* SPDX-License-Identifier: MIT */
#include "octa-project-save-private.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "octa-history-private.h"

/*
 * Saving writes only the files whose bytes differ from the disk, all in one
 * OctaTransaction, so the folder ends up entirely old or entirely new.
 *
 * To know what is on disk without keeping a second copy of every file, the
 * project remembers per file its size, modification time and, once known,
 * its SHA-256. Hashing 21 MB at load would cost several times the load
 * itself, so digests are learnt lazily: an image whose modified flag is
 * still clear holds exactly the bytes it was loaded from; an edited image
 * learns the digest of its file from the disk, trusted only while the file
 * keeps the size, modification time and stored checksum it had when loaded.
 * The project text is small and has no such flag, so it is hashed from the
 * disk when the snapshots are taken.
 */

#define SLOT_PROJECT           0
#define SLOT_MARKERS           17
#define SLOT_FIRST_ARRANGEMENT 18
#define DIGEST_LEN             32

typedef struct
{
  OctaFileSnapshot disk;           /* as loaded or last saved; sha256 only when has_hash */
  gboolean         has_hash;
  guint8           saved_hash[DIGEST_LEN];
  gboolean         has_checksum;   /* the stored checksum of the image as loaded */
  guint8           checksum[2];
} FileState;

typedef struct
{
  gboolean      valid;
  guint64       position;
  gconstpointer object;
  guint8        hash[DIGEST_LEN];
} HashMemo;

typedef struct
{
  OctaFaultPoint point;
  guint          index;
} Fault;

typedef struct
{
  char      *folder;                 /* NULL unless the project is a local folder */
  FileState  files[OCTA_N_FILE_IDS];
  HashMemo   memo[OCTA_N_FILE_SLOTS]; /* digests of the .work encodings */
  GArray    *faults;
  gboolean   busy;
} SaveData;

typedef struct
{
  guint           id;
  char           *name;
  GBytes         *bytes;
  guint8          hash[DIGEST_LEN];
  gpointer        strd_object;       /* the in-memory .strd to install once written */
  GDestroyNotify  strd_free;
} PlanFile;

typedef struct
{
  char            *folder;
  OctaTransaction *transaction;
  GPtrArray       *files;            /* PlanFile, in the transaction's order */
  guint64          position;
  guint64          total_bytes;
} SavePlan;

typedef struct
{
  SavePlan              *plan;
  GMainContext          *context;
  GFileProgressCallback  progress;
  gpointer               progress_data;
  GTask                 *task;
  goffset                reported;   /* main thread only */
  gboolean               finished;   /* main thread only */
} SaveJob;

typedef struct
{
  SaveJob *job;
  goffset  current;
} ProgressUpdate;

/* ---- Files by id ------------------------------------------------------- */

static OctaFileState
id_state (guint id)
{
  return id / OCTA_N_FILE_SLOTS;
}

static guint
id_slot (guint id)
{
  return id % OCTA_N_FILE_SLOTS;
}

static OctaFileKind
slot_kind (guint  slot,
           guint *index)
{
  *index = 0;
  if (slot == SLOT_PROJECT)
    return OCTA_FILE_KIND_PROJECT;
  if (slot <= OCTA_N_BANKS)
    {
      *index = slot - 1;
      return OCTA_FILE_KIND_BANK;
    }
  if (slot == SLOT_MARKERS)
    return OCTA_FILE_KIND_MARKERS;
  *index = slot - SLOT_FIRST_ARRANGEMENT;
  return OCTA_FILE_KIND_ARRANGEMENT;
}

static char *
id_filename (guint id)
{
  guint index;
  OctaFileKind kind = slot_kind (id_slot (id), &index);

  return octa_project_files_filename (kind, index, id_state (id));
}

static gpointer
id_object (OctaProjectFiles *files,
           guint             id)
{
  OctaFileState state = id_state (id);
  guint index;

  switch (slot_kind (id_slot (id), &index))
    {
    case OCTA_FILE_KIND_PROJECT:
      return files->project[state];
    case OCTA_FILE_KIND_BANK:
      return files->banks[state][index];
    case OCTA_FILE_KIND_MARKERS:
      return files->markers[state];
    case OCTA_FILE_KIND_ARRANGEMENT:
      return files->arrangements[state][index];
    case OCTA_FILE_KIND_UNKNOWN:
    case OCTA_FILE_KIND_SAMPLE_ATTRS:
    default:
      g_assert_not_reached ();
    }
  return NULL;
}

static OctaImage *
id_image (OctaProjectFiles *files,
          guint             id)
{
  gpointer object = id_object (files, id);
  guint index;

  if (object == NULL)
    return NULL;

  switch (slot_kind (id_slot (id), &index))
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

static GBytes *
id_encode (OctaProjectFiles *files,
           guint             id)
{
  guint index;
  OctaFileKind kind = slot_kind (id_slot (id), &index);

  return octa_project_files_encode_file (files, kind, index, id_state (id));
}

/* Replaces the in-memory file @id, which the project then owns. */
static void
id_install (OctaProjectFiles *files,
            guint             id,
            gpointer          object)
{
  OctaFileState state = id_state (id);
  guint index;

  switch (slot_kind (id_slot (id), &index))
    {
    case OCTA_FILE_KIND_PROJECT:
      g_clear_pointer (&files->project[state], octa_project_file_free);
      files->project[state] = object;
      break;
    case OCTA_FILE_KIND_BANK:
      g_clear_pointer (&files->banks[state][index], octa_bank_file_free);
      files->banks[state][index] = object;
      break;
    case OCTA_FILE_KIND_MARKERS:
      g_clear_pointer (&files->markers[state], octa_markers_file_free);
      files->markers[state] = object;
      break;
    case OCTA_FILE_KIND_ARRANGEMENT:
      g_clear_pointer (&files->arrangements[state][index], octa_arrangement_file_free);
      files->arrangements[state][index] = object;
      break;
    case OCTA_FILE_KIND_UNKNOWN:
    case OCTA_FILE_KIND_SAMPLE_ATTRS:
    default:
      g_assert_not_reached ();
    }
}

/* A copy of the .work of @slot to become its .strd, named as the file. */
static gpointer
copy_as_strd (OctaProjectFiles *files,
              guint             slot,
              const char       *folder,
              GDestroyNotify   *free_func)
{
  g_autofree char *name = id_filename (OCTA_N_FILE_SLOTS + slot);
  g_autofree char *path = g_build_filename (folder, name, NULL);
  gpointer work = id_object (files, slot);
  guint index;

  switch (slot_kind (slot, &index))
    {
    case OCTA_FILE_KIND_PROJECT:
      {
        OctaProjectFile *copy = octa_project_file_copy (work);

        octa_project_file_set_name (copy, path);
        *free_func = (GDestroyNotify) octa_project_file_free;
        return copy;
      }
    case OCTA_FILE_KIND_BANK:
      {
        OctaBankFile *copy = octa_bank_file_copy (work);

        octa_image_set_name (octa_bank_file_get_image (copy), path);
        *free_func = (GDestroyNotify) octa_bank_file_free;
        return copy;
      }
    case OCTA_FILE_KIND_MARKERS:
      {
        OctaMarkersFile *copy = octa_markers_file_copy (work);

        octa_image_set_name (octa_markers_file_get_image (copy), path);
        *free_func = (GDestroyNotify) octa_markers_file_free;
        return copy;
      }
    case OCTA_FILE_KIND_ARRANGEMENT:
    case OCTA_FILE_KIND_UNKNOWN:
    case OCTA_FILE_KIND_SAMPLE_ATTRS:
    default:
      g_assert_not_reached ();
    }
  return NULL;
}

/* The files PROJECT ▸ SAVE stores: not the arrangements, which only
 * ARRANGER ▸ SAVE writes to arrNN.strd. */
static gboolean
in_scope (guint        id,
          OctaSaveMode mode)
{
  if (id_state (id) == OCTA_STATE_WORK)
    return TRUE;
  return mode == OCTA_SAVE_MODE_DEVICE && id_slot (id) < SLOT_FIRST_ARRANGEMENT;
}

/* A file that could not be read is never written, and neither is the saved
 * copy PROJECT ▸ SAVE would make of it: what stands in for it in memory is
 * not what the file holds. */
static gboolean
leave_alone (OctaProject  *self,
             guint         id,
             OctaSaveMode  mode)
{
  if (_octa_project_is_damaged (self, id))
    return TRUE;
  return id_state (id) == OCTA_STATE_STRD && mode == OCTA_SAVE_MODE_DEVICE &&
         _octa_project_is_damaged (self, id_slot (id));
}

static gboolean
untouched (OctaProjectFiles *files,
           guint             id)
{
  OctaImage *image = id_image (files, id);

  return image != NULL && !image->modified;
}

static void
digest_data (const guint8 *data,
             gsize         len,
             guint8        out[DIGEST_LEN])
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  gsize out_len = DIGEST_LEN;

  g_checksum_update (sum, data, len);
  g_checksum_get_digest (sum, out, &out_len);
}

static void
digest_bytes (GBytes *bytes,
              guint8  out[DIGEST_LEN])
{
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);

  digest_data (data, len, out);
}

/* What a file absent from the folder stands for: the device's blank. */
static GBytes *
blank_bytes (guint slot)
{
  static GBytes *blanks[4];
  static gsize initialized = 0;
  guint index;

  if (g_once_init_enter (&initialized))
    {
      OctaProjectFiles *files = octa_project_files_new_blank ("BLANK");

      blanks[0] = octa_project_files_encode_file (files, OCTA_FILE_KIND_PROJECT, 0,
                                                  OCTA_STATE_WORK);
      blanks[1] = octa_project_files_encode_file (files, OCTA_FILE_KIND_BANK, 0,
                                                  OCTA_STATE_WORK);
      blanks[2] = octa_project_files_encode_file (files, OCTA_FILE_KIND_MARKERS, 0,
                                                  OCTA_STATE_WORK);
      blanks[3] = octa_project_files_encode_file (files, OCTA_FILE_KIND_ARRANGEMENT, 0,
                                                  OCTA_STATE_WORK);
      octa_project_files_free (files);
      g_once_init_leave (&initialized, 1);
    }

  switch (slot_kind (slot, &index))
    {
    case OCTA_FILE_KIND_PROJECT:
      return blanks[0];
    case OCTA_FILE_KIND_BANK:
      return blanks[1];
    case OCTA_FILE_KIND_MARKERS:
      return blanks[2];
    case OCTA_FILE_KIND_ARRANGEMENT:
    case OCTA_FILE_KIND_UNKNOWN:
    case OCTA_FILE_KIND_SAMPLE_ATTRS:
    default:
      return blanks[3];
    }
}

/* ---- What is on disk --------------------------------------------------- */

static gboolean
stat_file (const char        *path,
           OctaFileSnapshot  *out,
           GError           **error)
{
  struct stat st;

  memset (out, 0, sizeof *out);
  if (stat (path, &st) != 0)
    {
      int errsv = errno;
      g_autofree char *name = NULL;

      if (errsv == ENOENT)
        return TRUE;
      name = g_path_get_basename (path);
      g_set_error (error, OCTA_TRANSACTION_ERROR, OCTA_TRANSACTION_ERROR_IO,
                   "%s: could not be examined: %s", name, g_strerror (errsv));
      return FALSE;
    }

  out->existed = TRUE;
  out->size = (guint64) st.st_size;
  out->mtime_usec = (gint64) st.st_mtim.tv_sec * G_USEC_PER_SEC + st.st_mtim.tv_nsec / 1000;
  return TRUE;
}

static gboolean
same_stat (const OctaFileSnapshot *a,
           const OctaFileSnapshot *b)
{
  if (!a->existed || !b->existed)
    return a->existed == b->existed;
  return a->size == b->size && a->mtime_usec == b->mtime_usec;
}

/* As octa_project_files_load() tells them apart: a folder is a folder. */
static gboolean
is_zip_path (const char *path)
{
  gsize len = strlen (path);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    return FALSE;
  return (len > 4 && g_ascii_strcasecmp (path + len - 4, ".zip") == 0) ||
         g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

/* The project's folder, when it lives in a local folder rather than a zip. */
static char *
local_folder (OctaProject *self)
{
  GFile *location = octa_project_get_location (self);
  g_autofree char *path = NULL;

  if (location == NULL)
    return NULL;
  path = g_file_get_path (location);
  if (path == NULL || is_zip_path (path))
    return NULL;
  return g_steal_pointer (&path);
}

static char *
file_path (SaveData *sd,
           guint     id)
{
  g_autofree char *name = id_filename (id);

  return g_build_filename (sd->folder, name, NULL);
}

static void
save_data_free (gpointer data)
{
  SaveData *sd = data;

  g_free (sd->folder);
  g_array_unref (sd->faults);
  g_free (sd);
}

static SaveData *
save_data_new (const char *folder)
{
  SaveData *sd = g_new0 (SaveData, 1);

  sd->folder = g_strdup (folder);
  sd->faults = g_array_new (FALSE, FALSE, sizeof (Fault));
  return sd;
}

/**
 * _octa_project_save_take_snapshots:
 * @self: a project
 *
 * Records what the project's files look like on disk, so that a later save
 * notices files another program changed. Call it right after loading:
 * taken later, a change made between the load and this call goes unseen.
 * Does nothing when the snapshots exist already.
 */
void
_octa_project_save_take_snapshots (OctaProject *self)
{
  OctaProjectFiles *files;
  SaveData *sd;
  g_autofree char *folder = NULL;

  g_return_if_fail (OCTA_IS_PROJECT (self));

  if (_octa_project_get_save_data (self) != NULL)
    return;

  files = _octa_project_get_files (self);
  folder = local_folder (self);
  sd = save_data_new (folder);

  for (guint id = 0; id < OCTA_N_FILE_IDS; id++)
    {
      FileState *fs = &sd->files[id];
      OctaImage *image = id_image (files, id);
      gboolean loaded = _octa_project_get_on_disk (self, id);

      if (sd->folder != NULL)
        {
          g_autofree char *path = file_path (sd, id);

          if (id_slot (id) == SLOT_PROJECT)
            {
              if (octa_file_snapshot_take (path, &fs->disk, NULL) && fs->disk.existed)
                {
                  fs->has_hash = TRUE;
                  memcpy (fs->saved_hash, fs->disk.sha256, DIGEST_LEN);
                }
            }
          else
            {
              (void) stat_file (path, &fs->disk, NULL);
            }

          /* A file that appeared or went away since the load must not be
           * taken for the one in memory; the next save reports it. */
          if (fs->disk.existed != loaded)
            {
              memset (&fs->disk, 0, sizeof fs->disk);
              fs->disk.existed = loaded;
              fs->has_hash = FALSE;
            }
        }
      else
        {
          fs->disk.existed = loaded;
          if (loaded && id_slot (id) == SLOT_PROJECT && id_object (files, id) != NULL)
            {
              g_autoptr(GBytes) bytes = id_encode (files, id);

              digest_bytes (bytes, fs->saved_hash);
              memcpy (fs->disk.sha256, fs->saved_hash, DIGEST_LEN);
              fs->has_hash = TRUE;
            }
        }

      if (fs->disk.existed && image != NULL && !image->modified)
        {
          fs->has_checksum = TRUE;
          memcpy (fs->checksum, image->data + image->size - 2, 2);
        }
    }

  _octa_project_set_save_data (self, sd, save_data_free);
}

/**
 * _octa_project_save_has_snapshots:
 * @self: a project
 *
 * Returns: whether the snapshots were taken
 */
gboolean
_octa_project_save_has_snapshots (OctaProject *self)
{
  g_return_val_if_fail (OCTA_IS_PROJECT (self), FALSE);
  return _octa_project_get_save_data (self) != NULL;
}

static SaveData *
get_save_data (OctaProject *self)
{
  _octa_project_save_take_snapshots (self);
  return _octa_project_get_save_data (self);
}

/**
 * _octa_project_save_inject_fault:
 * @self: a project
 * @point: the step to fail, or %OCTA_FAULT_NONE to disarm every fault
 * @file_index: the file, counting the written files in the order
 *   octa_project_dup_unsaved_files() lists them
 *
 * For tests: arms a fault in the transactions of the following saves.
 */
void
_octa_project_save_inject_fault (OctaProject    *self,
                                 OctaFaultPoint  point,
                                 guint           file_index)
{
  SaveData *sd;
  Fault f = { point, file_index };

  g_return_if_fail (OCTA_IS_PROJECT (self));

  sd = get_save_data (self);
  if (point == OCTA_FAULT_NONE)
    g_array_set_size (sd->faults, 0);
  else
    g_array_append_val (sd->faults, f);
}

/*
 * The digest of a file whose loaded bytes are no longer in memory comes from
 * the disk, trusted only while the file keeps the size, modification time
 * and stored checksum it had when loaded.
 */
static gboolean
resolve_hash (SaveData *sd,
              guint     id)
{
  FileState *fs = &sd->files[id];
  g_autofree char *path = NULL;
  g_autofree guint8 *data = NULL;
  OctaFileSnapshot before, after;
  gsize len = 0;

  if (fs->has_hash)
    return TRUE;
  if (!fs->disk.existed || sd->folder == NULL)
    return FALSE;

  path = file_path (sd, id);
  if (!stat_file (path, &before, NULL) || !same_stat (&before, &fs->disk))
    return FALSE;
  if (!octa_read_file (path, OCTA_MAX_FILE_SIZE, &data, &len, NULL))
    return FALSE;
  if (!stat_file (path, &after, NULL) || !same_stat (&after, &fs->disk) || len != fs->disk.size)
    return FALSE;
  if (fs->has_checksum && (len < 2 || memcmp (data + len - 2, fs->checksum, 2) != 0))
    return FALSE;

  digest_data (data, len, fs->saved_hash);
  memcpy (fs->disk.sha256, fs->saved_hash, DIGEST_LEN);
  fs->has_hash = TRUE;
  return TRUE;
}

/* The digest of the .work of @slot as it would be saved now. Every change
 * moves the history position, so the digest is kept until it moves. */
static const guint8 *
current_hash (OctaProject *self,
              SaveData    *sd,
              guint        slot)
{
  OctaProjectFiles *files = _octa_project_get_files (self);
  gconstpointer object = id_object (files, slot);
  guint64 position = _octa_history_get_position (octa_project_get_history (self));
  HashMemo *memo = &sd->memo[slot];

  if (!memo->valid || memo->position != position || memo->object != object)
    {
      g_autoptr(GBytes) bytes = id_encode (files, slot);

      digest_bytes (bytes, memo->hash);
      memo->valid = TRUE;
      memo->position = position;
      memo->object = object;
    }

  return memo->hash;
}

/* Whether saving now would change file @id; @write holds the answers for
 * the .work files when @id is a .strd. */
static gboolean
needs_write (OctaProject    *self,
             SaveData       *sd,
             guint           id,
             const gboolean *write)
{
  OctaProjectFiles *files = _octa_project_get_files (self);
  FileState *fs = &sd->files[id];
  guint slot = id_slot (id);

  if (id_state (id) == OCTA_STATE_WORK)
    {
      /* A partial project's missing files are written only once edited. */
      if (!fs->disk.existed)
        {
          g_autoptr(GBytes) bytes = id_encode (files, id);

          return !g_bytes_equal (bytes, blank_bytes (slot));
        }
      if (untouched (files, id))
        return FALSE;
      if (!resolve_hash (sd, id))
        return TRUE;
      return memcmp (current_hash (self, sd, slot), fs->saved_hash, DIGEST_LEN) != 0;
    }

  /* A .strd stores its .work, wherever the .work is on disk after the save. */
  if (!sd->files[slot].disk.existed && !write[slot])
    return FALSE;
  if (!fs->disk.existed)
    return TRUE;
  if (fs->has_hash)
    return memcmp (current_hash (self, sd, slot), fs->saved_hash, DIGEST_LEN) != 0;
  if (untouched (files, id))
    {
      g_autoptr(GBytes) work = id_encode (files, slot);
      g_autoptr(GBytes) strd = id_encode (files, id);

      return !g_bytes_equal (work, strd);
    }
  if (!resolve_hash (sd, id))
    return TRUE;
  return memcmp (current_hash (self, sd, slot), fs->saved_hash, DIGEST_LEN) != 0;
}

static void
compute_writes (OctaProject  *self,
                SaveData     *sd,
                OctaSaveMode  mode,
                gboolean     *write)
{
  memset (write, 0, sizeof (gboolean) * OCTA_N_FILE_IDS);

  for (guint id = 0; id < OCTA_N_FILE_IDS; id++)
    if (in_scope (id, mode) && !leave_alone (self, id, mode))
      write[id] = needs_write (self, sd, id, write);
}

/* Compares the file with its snapshot by size and modification time; the
 * transaction compares the contents of the files it replaces. */
static gboolean
check_unchanged (SaveData  *sd,
                 guint      id,
                 gboolean  *changed,
                 GError   **error)
{
  FileState *fs = &sd->files[id];
  g_autofree char *path = file_path (sd, id);
  g_autofree char *name = id_filename (id);
  OctaFileSnapshot now;

  *changed = FALSE;
  if (!stat_file (path, &now, error))
    return FALSE;
  if (same_stat (&now, &fs->disk))
    return TRUE;

  *changed = TRUE;
  if (fs->disk.existed && !now.existed)
    g_set_error (error, OCTA_TRANSACTION_ERROR, OCTA_TRANSACTION_ERROR_CHANGED_ON_DISK,
                 "%s was deleted by another program since it was opened", name);
  else if (!fs->disk.existed && now.existed)
    g_set_error (error, OCTA_TRANSACTION_ERROR, OCTA_TRANSACTION_ERROR_CHANGED_ON_DISK,
                 "%s was created by another program since it was opened", name);
  else
    g_set_error (error, OCTA_TRANSACTION_ERROR, OCTA_TRANSACTION_ERROR_CHANGED_ON_DISK,
                 "%s was changed by another program since it was opened", name);
  return FALSE;
}

/* The file as the transaction must still find it before replacing it. */
static void
expected_snapshot (OctaProject      *self,
                   SaveData         *sd,
                   guint             id,
                   OctaFileSnapshot *out)
{
  OctaProjectFiles *files = _octa_project_get_files (self);
  FileState *fs = &sd->files[id];

  if (fs->disk.existed && !fs->has_hash)
    {
      if (untouched (files, id))
        {
          g_autoptr(GBytes) bytes = id_encode (files, id);

          digest_bytes (bytes, fs->saved_hash);
          memcpy (fs->disk.sha256, fs->saved_hash, DIGEST_LEN);
          fs->has_hash = TRUE;
        }
      else
        {
          /* If this fails the digest stays zero and the transaction
           * reports the file as changed. */
          (void) resolve_hash (sd, id);
        }
    }

  *out = fs->disk;
}

/* ---- Plans ------------------------------------------------------------- */

static void
plan_file_free (gpointer data)
{
  PlanFile *f = data;

  g_free (f->name);
  g_bytes_unref (f->bytes);
  if (f->strd_object != NULL)
    f->strd_free (f->strd_object);
  g_free (f);
}

static SavePlan *
plan_new (const char *folder)
{
  SavePlan *plan = g_new0 (SavePlan, 1);

  plan->folder = g_strdup (folder);
  plan->transaction = octa_transaction_new (folder);
  plan->files = g_ptr_array_new_with_free_func (plan_file_free);
  return plan;
}

static void
plan_free (SavePlan *plan)
{
  if (plan == NULL)
    return;
  g_free (plan->folder);
  octa_transaction_free (plan->transaction);
  g_ptr_array_unref (plan->files);
  g_free (plan);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SavePlan, plan_free)

static PlanFile *
plan_add (SavePlan               *plan,
          guint                   id,
          GBytes                 *bytes,
          const OctaFileSnapshot *expected)
{
  PlanFile *f = g_new0 (PlanFile, 1);

  f->id = id;
  f->name = id_filename (id);
  f->bytes = g_bytes_ref (bytes);
  digest_bytes (bytes, f->hash);
  plan->total_bytes += g_bytes_get_size (bytes);
  octa_transaction_add (plan->transaction, f->name, bytes, expected);
  g_ptr_array_add (plan->files, f);
  return f;
}

/* The bytes of file @id after the save: a .strd saved by PROJECT ▸ SAVE
 * becomes its .work. */
static GBytes *
plan_bytes (OctaProjectFiles *files,
            guint             id,
            OctaSaveMode      mode)
{
  if (id_state (id) == OCTA_STATE_STRD && in_scope (id, mode) && mode == OCTA_SAVE_MODE_DEVICE)
    return id_encode (files, id_slot (id));
  return id_encode (files, id);
}

static void
plan_add_file (SavePlan               *plan,
               OctaProjectFiles       *files,
               guint                   id,
               OctaSaveMode            mode,
               const OctaFileSnapshot *expected)
{
  g_autoptr(GBytes) bytes = plan_bytes (files, id, mode);
  PlanFile *f = plan_add (plan, id, bytes, expected);

  if (id_state (id) == OCTA_STATE_STRD && mode == OCTA_SAVE_MODE_DEVICE && in_scope (id, mode))
    f->strd_object = copy_as_strd (files, id_slot (id), plan->folder, &f->strd_free);
}

static void
plan_arm_faults (SavePlan *plan,
                 SaveData *sd)
{
  for (guint i = 0; i < sd->faults->len; i++)
    {
      const Fault *f = &g_array_index (sd->faults, Fault, i);

      octa_transaction_inject_fault (plan->transaction, f->point, f->index);
    }
}

/* Checks that the project can be saved where it lives; returns its folder. */
static char *
saveable_folder (OctaProject  *self,
                 GError      **error)
{
  GFile *location = octa_project_get_location (self);
  g_autofree char *path = NULL;

  if (location == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "The project %s has never been saved: use Save As",
                   octa_project_get_name (self));
      return NULL;
    }

  path = g_file_get_path (location);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (location);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   "%s: only projects in local folders can be saved", uri);
      return NULL;
    }

  /* Rebuilding the zip from the model would drop the samples it carries
   * next to the project files. */
  if (is_zip_path (path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   "%s: a project opened from a zip cannot be saved back into it; "
                   "use Save As to save it to a folder", path);
      return NULL;
    }

  return g_steal_pointer (&path);
}

static gboolean
check_idle (OctaProject  *self,
            SaveData     *sd,
            GError      **error)
{
  if (!sd->busy)
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_PENDING,
               "The project %s is being saved already", octa_project_get_name (self));
  return FALSE;
}

static SavePlan *
plan_save (OctaProject    *self,
           OctaSaveMode    mode,
           OctaSaveFlags   flags,
           GError        **error)
{
  OctaProjectFiles *files = _octa_project_get_files (self);
  g_autofree char *folder = NULL;
  g_autoptr(SavePlan) plan = NULL;
  gboolean write[OCTA_N_FILE_IDS];
  gboolean force = (flags & OCTA_SAVE_FLAGS_FORCE) != 0;
  SaveData *sd;

  folder = saveable_folder (self, error);
  if (folder == NULL)
    return NULL;

  sd = get_save_data (self);
  if (!check_idle (self, sd, error))
    return NULL;

  compute_writes (self, sd, mode, write);

  for (guint id = 0; id < OCTA_N_FILE_IDS; id++)
    {
      g_autoptr(GError) local_error = NULL;
      gboolean changed;

      if (!in_scope (id, mode) || leave_alone (self, id, mode))
        continue;
      if (check_unchanged (sd, id, &changed, &local_error))
        continue;
      if (!changed || !force)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      /* Forced: what is in memory replaces what the other program wrote. */
      if (id_state (id) == OCTA_STATE_WORK || sd->files[id_slot (id)].disk.existed ||
          write[id_slot (id)])
        write[id] = TRUE;
    }

  plan = plan_new (folder);
  for (guint id = 0; id < OCTA_N_FILE_IDS; id++)
    {
      OctaFileSnapshot expected;

      if (!write[id])
        continue;
      expected_snapshot (self, sd, id, &expected);
      plan_add_file (plan, files, id, mode, &expected);
    }

  octa_transaction_set_force (plan->transaction, force);
  plan_arm_faults (plan, sd);
  plan->position = _octa_history_get_position (octa_project_get_history (self));
  return g_steal_pointer (&plan);
}

static gboolean
transaction_cancelled (gpointer user_data)
{
  return g_cancellable_is_cancelled (user_data);
}

/* Runs in any thread: touches the plan and the disk, never the model. */
static gboolean
commit_plan (SavePlan      *plan,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (plan->files->len == 0)
    return TRUE;

  if (octa_transaction_commit (plan->transaction,
                               cancellable != NULL ? transaction_cancelled : NULL,
                               cancellable, &local_error))
    return TRUE;

  /* Callers look for the usual GIO code to stay quiet about cancellation. */
  if (g_error_matches (local_error, OCTA_TRANSACTION_ERROR, OCTA_TRANSACTION_ERROR_CANCELLED))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, local_error->message);
      return FALSE;
    }

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* After a successful commit: the written files are now what the disk holds. */
static void
apply_files (OctaProject *self,
             SaveData    *sd,
             SavePlan    *plan)
{
  OctaProjectFiles *files = _octa_project_get_files (self);

  for (guint i = 0; i < plan->files->len; i++)
    {
      PlanFile *f = g_ptr_array_index (plan->files, i);
      FileState *fs = &sd->files[f->id];
      const OctaFileSnapshot *snapshot = octa_transaction_get_snapshot (plan->transaction,
                                                                        f->name);

      g_assert (snapshot != NULL);
      fs->disk = *snapshot;
      memcpy (fs->saved_hash, f->hash, DIGEST_LEN);
      fs->has_hash = TRUE;
      fs->has_checksum = FALSE;
      _octa_project_set_on_disk (self, f->id, TRUE);

      /* The stored state is not part of the history: nothing edits it. */
      if (f->strd_object != NULL)
        id_install (files, f->id, g_steal_pointer (&f->strd_object));
    }
}

/* The project is saved only if nothing changed while it was written; if
 * something did, every file still tells by its digest whether it differs. */
static void
apply_position (OctaProject *self,
                SavePlan    *plan)
{
  if (_octa_history_get_position (octa_project_get_history (self)) == plan->position)
    _octa_project_mark_saved (self);
}

/* ---- Saving in place --------------------------------------------------- */

/**
 * octa_project_save:
 * @self: a project
 * @mode: %OCTA_SAVE_MODE_WORKING for the `.work` files, or
 *   %OCTA_SAVE_MODE_DEVICE to also store them as `.strd`, like PROJECT ▸ SAVE
 * @flags: %OCTA_SAVE_FLAGS_FORCE to overwrite files another program changed
 * @cancellable: (nullable): a #GCancellable, honoured until the first file
 *   is replaced
 * @error: return location for a #GError
 *
 * Writes the files whose bytes differ from the disk, in one transaction: if
 * any step fails, every file is put back and the error (from the
 * %OCTA_TRANSACTION_ERROR domain, naming the file) is returned; nothing in
 * memory changes then. Files changed by another program since they were
 * loaded stop the save with %OCTA_TRANSACTION_ERROR_CHANGED_ON_DISK unless
 * @flags has %OCTA_SAVE_FLAGS_FORCE. A project that was never saved fails
 * with %G_IO_ERROR_NOT_FOUND, and one opened from a zip with
 * %G_IO_ERROR_NOT_SUPPORTED: use octa_project_save_to_folder() for both.
 *
 * Returns: %TRUE on success
 */
gboolean
octa_project_save (OctaProject    *self,
                   OctaSaveMode    mode,
                   OctaSaveFlags   flags,
                   GCancellable   *cancellable,
                   GError        **error)
{
  g_autoptr(SavePlan) plan = NULL;
  SaveData *sd;
  gboolean ok;

  g_return_val_if_fail (OCTA_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (mode == OCTA_SAVE_MODE_WORKING || mode == OCTA_SAVE_MODE_DEVICE, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  plan = plan_save (self, mode, flags, error);
  if (plan == NULL)
    return FALSE;

  sd = _octa_project_get_save_data (self);
  sd->busy = TRUE;
  ok = commit_plan (plan, cancellable, error);
  sd->busy = FALSE;
  if (!ok)
    return FALSE;

  apply_files (self, sd, plan);
  apply_position (self, plan);
  return TRUE;
}

static void
save_job_clear (gpointer data)
{
  SaveJob *job = data;

  plan_free (job->plan);
  g_main_context_unref (job->context);
  g_clear_object (&job->task);
}

static void
save_job_release (gpointer data)
{
  g_atomic_rc_box_release_full (data, save_job_clear);
}

static gboolean
progress_dispatch (gpointer data)
{
  ProgressUpdate *u = data;
  SaveJob *job = u->job;

  if (!job->finished && u->current > job->reported)
    {
      job->reported = u->current;
      job->progress (u->current, (goffset) job->plan->total_bytes, job->progress_data);
    }

  return G_SOURCE_REMOVE;
}

static void
progress_update_free (gpointer data)
{
  ProgressUpdate *u = data;

  save_job_release (u->job);
  g_free (u);
}

/* Called in the worker thread. */
static void
on_transaction_progress (double   fraction,
                         gpointer user_data)
{
  SaveJob *job = user_data;
  ProgressUpdate *u = g_new0 (ProgressUpdate, 1);

  g_autoptr(GSource) source = g_idle_source_new ();

  u->job = g_atomic_rc_box_acquire (job);
  u->current = (goffset) (fraction * (double) job->plan->total_bytes);

  /* Not g_main_context_invoke(): from a pool thread it may run the
   * callback right there when the default context is free. */
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, progress_dispatch, u, progress_update_free);
  g_source_set_static_name (source, "octa_project_save_async progress");
  g_source_attach (source, job->context);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveJob *job = task_data;
  GError *error = NULL;

  if (commit_plan (job->plan, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Back on the caller's main context: the model learns what was written
 * before the caller's callback runs. */
static void
save_thread_done (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  OctaProject *self = OCTA_PROJECT (source);
  SaveJob *job = user_data;
  g_autoptr(GTask) task = g_steal_pointer (&job->task);
  SaveData *sd = _octa_project_get_save_data (self);
  GError *error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  sd->busy = FALSE;
  if (ok)
    {
      goffset total = (goffset) job->plan->total_bytes;

      apply_files (self, sd, job->plan);
      apply_position (self, job->plan);
      if (job->progress != NULL && total > 0 && job->reported < total)
        {
          job->reported = total;
          job->progress (total, total, job->progress_data);
        }
    }
  job->finished = TRUE;

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);

  save_job_release (job);
}

/**
 * octa_project_save_async:
 * @self: a project
 * @mode: what to write, as for octa_project_save()
 * @flags: as for octa_project_save()
 * @cancellable: (nullable): a #GCancellable, honoured until the first file
 *   is replaced
 * @progress: (nullable) (scope notified) (closure progress_data): called on
 *   the caller's main context with the bytes written so far, reaching the
 *   total before @callback runs
 * @progress_data: data for @progress
 * @callback: called when the save is done
 * @user_data: data for @callback
 *
 * Saves like octa_project_save(), writing in a worker thread. The files are
 * encoded now; the project may be edited meanwhile, and then stays
 * modified. Only one save of a project runs at a time: another one fails
 * with %G_IO_ERROR_PENDING.
 */
void
octa_project_save_async (OctaProject           *self,
                         OctaSaveMode           mode,
                         OctaSaveFlags          flags,
                         GCancellable          *cancellable,
                         GFileProgressCallback  progress,
                         gpointer               progress_data,
                         GAsyncReadyCallback    callback,
                         gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) inner = NULL;
  GError *error = NULL;
  SavePlan *plan;
  SaveJob *job;

  g_return_if_fail (OCTA_IS_PROJECT (self));
  g_return_if_fail (mode == OCTA_SAVE_MODE_WORKING || mode == OCTA_SAVE_MODE_DEVICE);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, octa_project_save_async);
  g_task_set_name (task, "octa_project_save_async");
  /* Once a file is replaced the save completes; its result must say so. */
  g_task_set_check_cancellable (task, FALSE);

  if (g_task_return_error_if_cancelled (task))
    return;

  plan = plan_save (self, mode, flags, &error);
  if (plan == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  job = g_atomic_rc_box_new0 (SaveJob);
  job->plan = plan;
  job->context = g_main_context_ref_thread_default ();
  job->progress = progress;
  job->progress_data = progress_data;
  job->task = g_steal_pointer (&task);
  if (progress != NULL)
    octa_transaction_set_progress (plan->transaction, on_transaction_progress, job);

  ((SaveData *) _octa_project_get_save_data (self))->busy = TRUE;

  inner = g_task_new (self, cancellable, save_thread_done, job);
  g_task_set_source_tag (inner, save_thread);
  g_task_set_name (inner, "octa_project_save_async");
  g_task_set_check_cancellable (inner, FALSE);
  g_task_set_task_data (inner, g_atomic_rc_box_acquire (job), save_job_release);
  g_task_run_in_thread (inner, save_thread);
}

/**
 * octa_project_save_finish:
 * @self: a project
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: %TRUE if every file was written
 */
gboolean
octa_project_save_finish (OctaProject   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (OCTA_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == octa_project_save_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- Save As and export ------------------------------------------------ */

static gboolean
same_folder (const char *a,
             const char *b)
{
  struct stat sa, sb;

  if (stat (a, &sa) != 0 || stat (b, &sb) != 0)
    return FALSE;
  return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* Accepts a missing folder (created, @created set) or an empty one. */
static gboolean
prepare_folder (const char  *path,
                gboolean    *created,
                GError     **error)
{
  struct stat st;

  *created = FALSE;
  if (stat (path, &st) == 0)
    {
      g_autoptr(GDir) dir = NULL;

      if (!S_ISDIR (st.st_mode))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY,
                       "%s is not a folder", path);
          return FALSE;
        }
      dir = g_dir_open (path, 0, error);
      if (dir == NULL)
        return FALSE;
      if (g_dir_read_name (dir) != NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                       "%s is not empty: save the project into a new or empty folder", path);
          return FALSE;
        }
      return TRUE;
    }

  if (errno != ENOENT)
    {
      int errsv = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   "%s could not be examined: %s", path, g_strerror (errsv));
      return FALSE;
    }

  if (g_mkdir_with_parents (path, 0755) != 0)
    {
      int errsv = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   "%s could not be created: %s", path, g_strerror (errsv));
      return FALSE;
    }

  *created = TRUE;
  return TRUE;
}

/* Messages about the files name their new place. */
static void
rename_files (OctaProject *self,
              const char  *folder)
{
  OctaProjectFiles *files = _octa_project_get_files (self);

  g_free (files->name);
  files->name = g_path_get_basename (folder);

  for (guint id = 0; id < OCTA_N_FILE_IDS; id++)
    {
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;
      gpointer object = id_object (files, id);
      OctaImage *image = id_image (files, id);

      if (object == NULL)
        continue;
      name = id_filename (id);
      path = g_build_filename (folder, name, NULL);
      if (image != NULL)
        octa_image_set_name (image, path);
      else
        octa_project_file_set_name (object, path);
    }
}

/**
 * octa_project_save_to_folder:
 * @self: a project
 * @folder: a new or empty folder, or the project's own
 * @mode: what to write, as for octa_project_save()
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Save As: writes every file of the project into @folder (the 26 `.work`
 * files, and the `.strd` files: those the project has, or with
 * %OCTA_SAVE_MODE_DEVICE every one PROJECT ▸ SAVE stores), after which the
 * project lives there and takes the folder's name. Samples are not copied,
 * nor files that could not be read (octa_project_dup_problem_files()).
 * A folder that holds anything else fails with %G_IO_ERROR_EXISTS; the
 * project's own folder is saved in place with octa_project_save().
 *
 * Returns: %TRUE on success
 */
gboolean
octa_project_save_to_folder (OctaProject   *self,
                             GFile         *folder,
                             OctaSaveMode   mode,
                             GCancellable  *cancellable,
                             GError       **error)
{
  OctaProjectFiles *files;
  g_autofree char *path = NULL;
  g_autofree char *current = NULL;
  g_autoptr(SavePlan) plan = NULL;
  SaveData *sd;
  SaveData *fresh;
  OctaFileSnapshot absent = { 0 };
  gboolean created;
  gboolean ok;

  g_return_val_if_fail (OCTA_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (folder), FALSE);
  g_return_val_if_fail (mode == OCTA_SAVE_MODE_WORKING || mode == OCTA_SAVE_MODE_DEVICE, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  path = g_file_get_path (folder);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (folder);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   "%s: projects can only be saved to local folders", uri);
      return FALSE;
    }

  current = local_folder (self);
  if (current != NULL && (g_file_equal (folder, octa_project_get_location (self)) ||
                          same_folder (current, path)))
    return octa_project_save (self, mode, OCTA_SAVE_FLAGS_NONE, cancellable, error);

  sd = get_save_data (self);
  if (!check_idle (self, sd, error))
    return FALSE;
  if (!prepare_folder (path, &created, error))
    return FALSE;

  files = _octa_project_get_files (self);
  plan = plan_new (path);
  for (guint id = 0; id < OCTA_N_FILE_IDS; id++)
    {
      gboolean device_strd = id_state (id) == OCTA_STATE_STRD && in_scope (id, mode);

      if (leave_alone (self, id, mode))
        continue;
      if (id_state (id) == OCTA_STATE_WORK || device_strd || id_object (files, id) != NULL)
        plan_add_file (plan, files, id, mode, &absent);
    }
  plan_arm_faults (plan, sd);
  plan->position = _octa_history_get_position (octa_project_get_history (self));

  sd->busy = TRUE;
  ok = commit_plan (plan, cancellable, error);
  sd->busy = FALSE;
  if (!ok)
    {
      /* Only removes the folder if the rollback left it empty. */
      if (created)
        (void) g_rmdir (path);
      return FALSE;
    }

  fresh = save_data_new (path);
  g_array_append_vals (fresh->faults, sd->faults->data, sd->faults->len);
  _octa_project_set_save_data (self, fresh, save_data_free);
  for (guint id = 0; id < OCTA_N_FILE_IDS; id++)
    _octa_project_set_on_disk (self, id, FALSE);

  apply_files (self, fresh, plan);
  rename_files (self, path);
  _octa_project_set_location (self, folder);
  apply_position (self, plan);
  return TRUE;
}

/**
 * octa_project_export_zip:
 * @self: a project
 * @zip: the archive to create or replace
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes the project as it is in memory, with the samples its slots use
 * when the project lives in a folder, into @zip (see
 * octa_project_files_write_zip()). Samples that cannot be found are left
 * out. The project stays where it is.
 *
 * Returns: %TRUE on success
 */
gboolean
octa_project_export_zip (OctaProject   *self,
                         GFile         *zip,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GPtrArray) warnings = NULL;
  g_autofree char *path = NULL;
  g_autofree char *project_dir = NULL;
  OctaProjectFiles view;
  GFile *location;

  g_return_val_if_fail (OCTA_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (zip), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  path = g_file_get_path (zip);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (zip);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   "%s: projects can only be exported to local files", uri);
      return FALSE;
    }

  /* Its samples live only in that zip; rewriting it would lose them. */
  location = octa_project_get_location (self);
  if (location != NULL && g_file_equal (location, zip))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "%s is the zip the project was opened from; export to another file", path);
      return FALSE;
    }

  /* The zip holds what was read; files that could not be read stay out,
   * rather than what stands in for them. */
  view = *_octa_project_get_files (self);
  for (guint id = 0; id < OCTA_N_FILE_IDS; id++)
    if (_octa_project_is_damaged (self, id))
      {
        guint index;
        OctaFileState state = id_state (id);

        switch (slot_kind (id_slot (id), &index))
          {
          case OCTA_FILE_KIND_PROJECT:
            view.project[state] = NULL;
            break;
          case OCTA_FILE_KIND_BANK:
            view.banks[state][index] = NULL;
            break;
          case OCTA_FILE_KIND_MARKERS:
            view.markers[state] = NULL;
            break;
          case OCTA_FILE_KIND_ARRANGEMENT:
            view.arrangements[state][index] = NULL;
            break;
          case OCTA_FILE_KIND_UNKNOWN:
          case OCTA_FILE_KIND_SAMPLE_ATTRS:
          default:
            g_assert_not_reached ();
          }
      }

  project_dir = local_folder (self);
  warnings = g_ptr_array_new_with_free_func (g_free);
  if (!octa_project_files_write_zip (&view, path, project_dir, warnings, error))
    return FALSE;

  for (guint i = 0; i < warnings->len; i++)
    g_debug ("%s", (const char *) g_ptr_array_index (warnings, i));

  return TRUE;
}

/* ---- Unsaved files ----------------------------------------------------- */

/**
 * octa_project_count_unsaved_files:
 * @self: a project
 * @mode: which files a save would write
 *
 * Returns: how many files a save in @mode would write now
 */
guint
octa_project_count_unsaved_files (OctaProject  *self,
                                  OctaSaveMode  mode)
{
  gboolean write[OCTA_N_FILE_IDS];
  guint n = 0;

  g_return_val_if_fail (OCTA_IS_PROJECT (self), 0);
  g_return_val_if_fail (mode == OCTA_SAVE_MODE_WORKING || mode == OCTA_SAVE_MODE_DEVICE, 0);

  compute_writes (self, get_save_data (self), mode, write);
  for (guint id = 0; id < OCTA_N_FILE_IDS; id++)
    n += write[id] ? 1 : 0;
  return n;
}

/**
 * octa_project_dup_unsaved_files:
 * @self: a project
 * @mode: which files a save would write
 *
 * Returns: (transfer full) (array zero-terminated=1): the names of the files
 *   a save in @mode would write now, such as `bank01.work`, `.work` first
 */
char **
octa_project_dup_unsaved_files (OctaProject  *self,
                                OctaSaveMode  mode)
{
  gboolean write[OCTA_N_FILE_IDS];
  GPtrArray *names;

  g_return_val_if_fail (OCTA_IS_PROJECT (self), NULL);
  g_return_val_if_fail (mode == OCTA_SAVE_MODE_WORKING || mode == OCTA_SAVE_MODE_DEVICE, NULL);

  compute_writes (self, get_save_data (self), mode, write);
  names = g_ptr_array_new ();
  for (guint id = 0; id < OCTA_N_FILE_IDS; id++)
    if (write[id])
      g_ptr_array_add (names, id_filename (id));
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (names, FALSE);
}
