/* SPDX-License-Identifier: MIT */
#include "octa-project-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "octa-bank-private.h"
#include "octa-history-private.h"
#include "octa-lazy-list-private.h"
#include "octa-project-save-private.h"

/**
 * OctaProject:
 *
 * An open Octatrack project. The project owns the raw images of its files;
 * every model object is a view that reads and writes those bytes, so there
 * is one copy of the truth. Every change goes through the history and tells
 * the objects whose bytes moved.
 */

typedef struct
{
  OctaProject *project;
  guint        file_id;
} FileHook;

typedef struct
{
  guint            file_id;
  gsize            start;
  gsize            end;
  GObject         *object;
  OctaRefreshFunc  refresh;
} Watch;

struct _OctaProject
{
  GObject           parent_instance;

  char             *name;
  GFile            *location;
  OctaProjectFiles *files;
  gboolean          on_disk[OCTA_N_FILE_IDS];
  FileHook          hooks[OCTA_N_FILE_IDS];

  OctaHistory      *history;
  guint             edit_depth;
  GArray           *pending[OCTA_N_FILE_IDS];   /* changed offsets, gsize */
  gboolean          pending_text[2];
  gboolean          pending_all[OCTA_N_FILE_IDS]; /* every byte of the file changed */
  GPtrArray        *watches[OCTA_N_FILE_IDS];   /* Watch */
  guint             dead_watches[OCTA_N_FILE_IDS];
  GHashTable       *watches_by_object;          /* GObject → GPtrArray of Watch */

  OctaBank         *banks[OCTA_N_BANKS];        /* not owned: cleared as they go */
  gpointer          save_data;
  GDestroyNotify    save_data_destroy;
  guint64           saved_position;
  gboolean          modified;
  gboolean          replaced;                   /* a saved copy replaced a damaged file */

  /* What the disk holds, kept only where edits went since the last save: a
   * copy of each page an edit touched, taken just before the first change,
   * so "differs from disk" is a memcmp without a second copy of every file.
   * A file replaced by its saved copy has no known disk bytes at all. */
  guint8          **disk_pages[OCTA_N_FILE_IDS];
  gsize             disk_n_pages[OCTA_N_FILE_IDS];
  gboolean          disk_unknown[OCTA_N_FILE_IDS];
};

#define DISK_PAGE_SIZE 4096

G_DEFINE_FINAL_TYPE (OctaProject, octa_project, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_LOCATION,
  PROP_MODIFIED,
  PROP_HISTORY,
  PROP_N_PROBLEMS,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void apply_history_group (gpointer                user_data,
                                 const OctaHistoryGroup *group,
                                 gboolean                undo);

static OctaFileProblem *
problem_for_id (OctaProject *self,
                guint        file_id)
{
  return &self->files->problems[file_id / OCTA_N_FILE_SLOTS][file_id % OCTA_N_FILE_SLOTS];
}

static OctaImage *
image_for_id (OctaProject *self,
              guint        file_id)
{
  OctaFileState state = file_id / OCTA_N_FILE_SLOTS;
  guint slot = file_id % OCTA_N_FILE_SLOTS;

  if (slot >= 1 && slot <= 16)
    return self->files->banks[state][slot - 1]
           ? octa_bank_file_get_image (self->files->banks[state][slot - 1]) : NULL;
  if (slot == 17)
    return self->files->markers[state]
           ? octa_markers_file_get_image (self->files->markers[state]) : NULL;
  if (slot >= 18)
    return self->files->arrangements[state][slot - 18]
           ? octa_arrangement_file_get_image (self->files->arrangements[state][slot - 18]) : NULL;
  return NULL;
}

/* Called before a byte changes: its page still holds what the disk has,
 * unless an earlier change since the save already kept that page. */
static void
keep_disk_page (OctaProject     *self,
                guint            file_id,
                const OctaImage *image,
                gsize            offset)
{
  gsize page = offset / DISK_PAGE_SIZE;
  gsize start = page * DISK_PAGE_SIZE;

  if (self->disk_unknown[file_id] || offset >= image->size)
    return;
  if (self->disk_pages[file_id] == NULL)
    {
      self->disk_n_pages[file_id] = (image->size + DISK_PAGE_SIZE - 1) / DISK_PAGE_SIZE;
      self->disk_pages[file_id] = g_new0 (guint8 *, self->disk_n_pages[file_id]);
    }
  if (self->disk_pages[file_id][page] == NULL)
    self->disk_pages[file_id][page] = g_memdup2 (image->data + start,
                                                 MIN (DISK_PAGE_SIZE, image->size - start));
}

static void
forget_disk_pages (OctaProject *self,
                   guint        file_id)
{
  guint8 **pages = g_steal_pointer (&self->disk_pages[file_id]);

  if (pages == NULL)
    return;
  for (gsize i = 0; i < self->disk_n_pages[file_id]; i++)
    g_free (pages[i]);
  g_free (pages);
  self->disk_n_pages[file_id] = 0;
}

static void
on_image_changed (OctaImage *image,
                  gsize      offset,
                  guint8     old_value,
                  guint8     new_value,
                  gpointer   user_data)
{
  FileHook *hook = user_data;
  OctaProject *self = hook->project;

  keep_disk_page (self, hook->file_id, image, offset);
  if (!_octa_history_is_applying (self->history))
    {
      if (self->edit_depth == 0)
        {
          g_critical ("%s changed outside octa_project_begin_change(); the change cannot be undone",
                      image->name);
          return;
        }
      _octa_history_record_byte (self->history, hook->file_id, offset, old_value, new_value);
    }

  g_array_append_val (self->pending[hook->file_id], offset);
}

static void
install_hooks (OctaProject *self)
{
  for (guint id = 0; id < OCTA_N_FILE_IDS; id++)
    {
      OctaImage *image = image_for_id (self, id);

      self->hooks[id].project = self;
      self->hooks[id].file_id = id;
      if (image != NULL)
        octa_image_set_change_func (image, on_image_changed, &self->hooks[id]);
    }
}

/* Every working file exists in memory, even when the folder lacks it, so any
 * bank can be edited; a file that was not on disk is written only if edited. */
static void
adopt_files (OctaProject      *self,
             OctaProjectFiles *files)
{
  self->files = files;

  for (guint id = 0; id < OCTA_N_FILE_IDS; id++)
    self->on_disk[id] = FALSE;

  for (guint s = 0; s < 2; s++)
    {
      if (files->project[s])
        self->on_disk[octa_file_id_project (s)] = TRUE;
      if (files->markers[s])
        self->on_disk[octa_file_id_markers (s)] = TRUE;
      for (guint b = 0; b < OCTA_N_BANKS; b++)
        if (files->banks[s][b])
          self->on_disk[octa_file_id_bank (b, s)] = TRUE;
      for (guint a = 0; a < OCTA_N_ARRANGEMENTS; a++)
        if (files->arrangements[s][a])
          self->on_disk[octa_file_id_arrangement (a, s)] = TRUE;
    }

  /* A file that could not be read is on disk all the same: saving must
   * know it is there, and leave it alone. */
  for (guint id = 0; id < OCTA_N_FILE_IDS; id++)
    if (problem_for_id (self, id)->error != NULL)
      self->on_disk[id] = TRUE;

  if (files->project[OCTA_STATE_WORK] == NULL)
    files->project[OCTA_STATE_WORK] = octa_project_file_new_blank ("project.work");
  if (files->markers[OCTA_STATE_WORK] == NULL)
    files->markers[OCTA_STATE_WORK] = octa_markers_file_new_blank ("markers.work");
  for (guint b = 0; b < OCTA_N_BANKS; b++)
    if (files->banks[OCTA_STATE_WORK][b] == NULL)
      {
        g_autofree char *name = octa_project_files_filename (OCTA_FILE_KIND_BANK, b, OCTA_STATE_WORK);
        files->banks[OCTA_STATE_WORK][b] = octa_bank_file_new_blank (name);
      }
  for (guint a = 0; a < OCTA_N_ARRANGEMENTS; a++)
    if (files->arrangements[OCTA_STATE_WORK][a] == NULL)
      {
        g_autofree char *name = octa_project_files_filename (OCTA_FILE_KIND_ARRANGEMENT, a,
                                                             OCTA_STATE_WORK);
        files->arrangements[OCTA_STATE_WORK][a] = octa_arrangement_file_new_blank (name);
      }

  /* What stands in for an unread working file shows as empty and takes no
   * edits, so nothing is ever saved over the file. */
  for (guint id = 0; id < OCTA_N_FILE_SLOTS; id++)
    {
      OctaImage *image = image_for_id (self, id);

      if (image != NULL && problem_for_id (self, id)->error != NULL)
        image->read_only = TRUE;
    }

  install_hooks (self);
}

static void
octa_project_finalize (GObject *object)
{
  OctaProject *self = (OctaProject *) object;

  for (guint id = 0; id < OCTA_N_FILE_IDS; id++)
    {
      g_clear_pointer (&self->pending[id], g_array_unref);
      g_clear_pointer (&self->watches[id], g_ptr_array_unref);
      forget_disk_pages (self, id);
    }
  if (self->save_data_destroy != NULL)
    g_clear_pointer (&self->save_data, self->save_data_destroy);
  g_clear_pointer (&self->watches_by_object, g_hash_table_unref);
  g_clear_pointer (&self->files, octa_project_files_free);
  g_clear_object (&self->history);
  g_clear_object (&self->location);
  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (octa_project_parent_class)->finalize (object);
}

static void
octa_project_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  OctaProject *self = OCTA_PROJECT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_LOCATION:
      g_value_set_object (value, self->location);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    case PROP_N_PROBLEMS:
      g_value_set_uint (value, octa_project_get_n_problems (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
octa_project_class_init (OctaProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = octa_project_finalize;
  object_class->get_property = octa_project_get_property;

  /**
   * OctaProject:name:
   *
   * The project's name: its folder's name, as the device shows it.
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * OctaProject:location:
   *
   * The folder or zip the project was opened from or last saved to, or %NULL.
   */
  properties[PROP_LOCATION] =
    g_param_spec_object ("location", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * OctaProject:modified:
   *
   * Whether the project has changes that are not saved.
   */
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * OctaProject:history:
   *
   * The project's undo/redo history.
   */
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, OCTA_TYPE_HISTORY,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * OctaProject:n-problems:
   *
   * How many of the project's files could not be read (see
   * octa_project_dup_problem_files()).
   */
  properties[PROP_N_PROBLEMS] =
    g_param_spec_uint ("n-problems", NULL, NULL, 0, OCTA_N_FILE_IDS, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * OctaProject::changed:
   * @self: the project
   *
   * Emitted once after every change, undo or redo, when every object whose
   * bytes changed has been told.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
octa_project_init (OctaProject *self)
{
  self->history = _octa_history_new (apply_history_group, self);
  self->watches_by_object = g_hash_table_new_full (NULL, NULL, NULL,
                                                   (GDestroyNotify) g_ptr_array_unref);
  for (guint id = 0; id < OCTA_N_FILE_IDS; id++)
    {
      self->pending[id] = g_array_new (FALSE, FALSE, sizeof (gsize));
      self->watches[id] = g_ptr_array_new_with_free_func (g_free);
    }
}

static OctaProject *
project_new_for_files (OctaProjectFiles *files,
                       GFile            *location)
{
  OctaProject *self = g_object_new (OCTA_TYPE_PROJECT, NULL);

  self->name = g_strdup (files->name);
  self->location = location ? g_object_ref (location) : NULL;
  adopt_files (self, files);
  return self;
}

/**
 * octa_project_new_blank:
 * @name: the project's name
 *
 * Returns: (transfer full): a new project, byte for byte what the device
 *   creates, not yet saved anywhere.
 */
OctaProject *
octa_project_new_blank (const char *name)
{
  OctaProject *self;

  g_return_val_if_fail (name != NULL, NULL);

  self = project_new_for_files (octa_project_files_new_blank (name), NULL);
  for (guint id = 0; id < OCTA_N_FILE_IDS; id++)
    self->on_disk[id] = FALSE;
  self->saved_position = G_MAXUINT64;
  self->modified = TRUE;
  return self;
}

/**
 * octa_project_load:
 * @location: a project folder or a zip
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Opens a project. Damaged files make it fail with an error that names them;
 * nothing on disk is touched.
 *
 * Returns: (transfer full): the project, or %NULL
 */
OctaProject *
octa_project_load (GFile         *location,
                   GCancellable  *cancellable,
                   GError       **error)
{
  return octa_project_load_with_flags (location, OCTA_PROJECT_LOAD_FLAGS_NONE, cancellable, error);
}

/**
 * octa_project_load_with_flags:
 * @location: a project folder or a zip
 * @flags: %OCTA_PROJECT_LOAD_FLAGS_OPEN_DAMAGED to open a project some of
 *   whose files are damaged
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Opens a project. With %OCTA_PROJECT_LOAD_FLAGS_OPEN_DAMAGED a damaged
 * bank, markers or arrangement file is left unread: the project lists it
 * with its reason (octa_project_dup_problem_files()), what stands in for a
 * working file shows empty and refuses edits, and no save ever writes it,
 * nor the saved copy PROJECT ▸ SAVE would make of it. An older-format file
 * whose layout checks out is shown, read-only. A damaged `project.work`
 * still fails the load. Nothing on disk is touched.
 *
 * Returns: (transfer full): the project, or %NULL
 */
OctaProject *
octa_project_load_with_flags (GFile                 *location,
                              OctaProjectLoadFlags   flags,
                              GCancellable          *cancellable,
                              GError               **error)
{
  g_autofree char *path = NULL;
  OctaProjectFiles *files;
  OctaProject *project;

  g_return_val_if_fail (G_IS_FILE (location), NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  path = g_file_get_path (location);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (location);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   "%s: only local folders and zips can be opened", uri);
      return NULL;
    }

  files = octa_project_files_load (path,
                                   (flags & OCTA_PROJECT_LOAD_FLAGS_OPEN_DAMAGED)
                                   ? OCTA_LOAD_SKIP_DAMAGED : OCTA_LOAD_DEFAULT,
                                   error);
  if (files == NULL)
    return NULL;

  project = project_new_for_files (files, location);
  /* What is on disk now is what a later save must find there. */
  _octa_project_save_take_snapshots (project);
  return project;
}

/**
 * octa_project_new_demo:
 * @folder: a fresh scratch folder, the demo's home (created when missing)
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Generates the demo project "DEMO" with its five samples into @folder and
 * opens it, as octa_project_load() on @folder would, from the bytes just
 * written rather than reading them back. Nothing is synced to disk: @folder
 * is a throw-away copy (the application saves the demo elsewhere).
 *
 * Returns: (transfer full): the project at @folder, or %NULL
 */
OctaProject *
octa_project_new_demo (GFile         *folder,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(OctaProjectFiles) demo = NULL;
  OctaProjectFiles *files;
  g_autofree char *path = NULL;
  OctaProject *project;

  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  path = g_file_get_path (folder);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (folder);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   "%s: the demo can only be written to a local folder", uri);
      return NULL;
    }

  demo = octa_project_files_new_demo ();
  files = octa_project_files_write_scratch (demo, path, error);
  /* the generated images are written: only the project's own copy stays */
  g_clear_pointer (&demo, octa_project_files_free);
  if (files == NULL)
    return NULL;
  if (!octa_demo_write_samples_full (path, OCTA_WRITE_NO_SYNC, error))
    {
      octa_project_files_free (files);
      return NULL;
    }

  project = project_new_for_files (files, folder);
  _octa_project_save_take_snapshots (project);
  return project;
}

typedef struct
{
  GFile                *location;
  OctaProjectLoadFlags  flags;
} LoadData;

static void
load_data_free (gpointer data)
{
  LoadData *load = data;

  g_object_unref (load->location);
  g_free (load);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *load = task_data;
  GError *error = NULL;
  OctaProject *project = octa_project_load_with_flags (load->location, load->flags,
                                                       cancellable, &error);

  if (project == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, project, g_object_unref);
}

/**
 * octa_project_load_async:
 * @location: a project folder or a zip
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the project is loaded
 * @user_data: data for @callback
 *
 * Opens a project in a worker thread.
 */
void
octa_project_load_async (GFile               *location,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  octa_project_load_with_flags_async (location, OCTA_PROJECT_LOAD_FLAGS_NONE, cancellable,
                                      callback, user_data);
}

/**
 * octa_project_load_with_flags_async:
 * @location: a project folder or a zip
 * @flags: as for octa_project_load_with_flags()
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the project is loaded
 * @user_data: data for @callback
 *
 * Opens a project in a worker thread; finish with octa_project_load_finish().
 */
void
octa_project_load_with_flags_async (GFile                *location,
                                    OctaProjectLoadFlags  flags,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *load;

  g_return_if_fail (G_IS_FILE (location));

  load = g_new0 (LoadData, 1);
  load->location = g_object_ref (location);
  load->flags = flags;
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, octa_project_load_async);
  g_task_set_name (task, "octa_project_load_async");
  g_task_set_task_data (task, load, load_data_free);
  g_task_run_in_thread (task, load_thread);
}

/**
 * octa_project_load_finish:
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the project, or %NULL
 */
OctaProject *
octa_project_load_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

const char *
octa_project_get_name (OctaProject *self)
{
  g_return_val_if_fail (OCTA_IS_PROJECT (self), NULL);
  return self->name;
}

/**
 * octa_project_get_location:
 * @self: a project
 *
 * Returns: (transfer none) (nullable): where the project lives
 */
GFile *
octa_project_get_location (OctaProject *self)
{
  g_return_val_if_fail (OCTA_IS_PROJECT (self), NULL);
  return self->location;
}

gboolean
octa_project_get_modified (OctaProject *self)
{
  g_return_val_if_fail (OCTA_IS_PROJECT (self), FALSE);
  return self->modified;
}

/**
 * octa_project_get_history:
 * @self: a project
 *
 * Returns: (transfer none): the undo/redo history
 */
OctaHistory *
octa_project_get_history (OctaProject *self)
{
  g_return_val_if_fail (OCTA_IS_PROJECT (self), NULL);
  return self->history;
}

/**
 * octa_project_has_saved_state:
 * @self: a project
 *
 * Returns: whether the project has `.strd` files (a state stored by
 *   PROJECT ▸ SAVE that RELOAD would return to)
 */
gboolean
octa_project_has_saved_state (OctaProject *self)
{
  g_return_val_if_fail (OCTA_IS_PROJECT (self), FALSE);
  return self->files->project[OCTA_STATE_STRD] != NULL ||
         self->files->banks[OCTA_STATE_STRD][0] != NULL;
}

static gpointer
get_bank_item (GObject *owner,
               guint    index)
{
  return octa_project_get_bank (OCTA_PROJECT (owner), index);
}

/**
 * octa_project_list_banks:
 * @self: a project
 *
 * Returns: (transfer full): the 16 banks A…P as a #GListModel of #OctaBank
 */
GListModel *
octa_project_list_banks (OctaProject *self)
{
  g_return_val_if_fail (OCTA_IS_PROJECT (self), NULL);
  return _octa_lazy_list_new (G_OBJECT (self), OCTA_TYPE_BANK, OCTA_N_BANKS, get_bank_item);
}

/**
 * octa_project_get_bank:
 * @self: a project
 * @index: 0 for bank A … 15 for bank P
 *
 * Returns: (transfer full): the bank
 */
OctaBank *
octa_project_get_bank (OctaProject *self,
                       guint        index)
{
  g_return_val_if_fail (OCTA_IS_PROJECT (self), NULL);
  g_return_val_if_fail (index < OCTA_N_BANKS, NULL);

  if (self->banks[index] != NULL)
    return g_object_ref (self->banks[index]);

  self->banks[index] = _octa_bank_new (self, index);
  return self->banks[index];
}

void
_octa_project_forget_bank (OctaProject *self,
                           guint        index)
{
  self->banks[index] = NULL;
}

/**
 * octa_project_begin_change:
 * @self: a project
 * @label: (nullable): what the change does, in words, for the undo menu
 *
 * Groups every change until the matching octa_project_end_change() into one
 * undo step, and tells observers only once, at the end. Calls nest.
 */
void
octa_project_begin_change (OctaProject *self,
                           const char  *label)
{
  g_return_if_fail (OCTA_IS_PROJECT (self));

  self->edit_depth++;
  octa_history_begin_group (self->history, label);
}

static int
compare_gsize (gconstpointer a,
               gconstpointer b)
{
  gsize x = *(const gsize *) a, y = *(const gsize *) b;

  return x < y ? -1 : x > y;
}

static gboolean
range_touched (GArray *sorted,
               gsize   start,
               gsize   end)
{
  guint lo = 0, hi = sorted->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (sorted, gsize, mid) < start)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo < sorted->len && g_array_index (sorted, gsize, lo) < end;
}

static void
update_modified (OctaProject *self)
{
  gboolean modified = _octa_history_get_position (self->history) != self->saved_position ||
                      self->replaced;

  if (modified != self->modified)
    {
      self->modified = modified;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }
}

static void
dispatch_changes (OctaProject *self)
{
  g_autoptr(GPtrArray) to_refresh = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) funcs = g_array_new (FALSE, FALSE, sizeof (OctaRefreshFunc));
  gboolean any = FALSE;

  for (guint id = 0; id < OCTA_N_FILE_IDS; id++)
    {
      GArray *pending = self->pending[id];
      gboolean text = ((id % OCTA_N_FILE_SLOTS) == 0 && self->pending_text[id / OCTA_N_FILE_SLOTS]) ||
                      self->pending_all[id];

      if (pending->len == 0 && !text)
        continue;

      any = TRUE;
      g_array_sort (pending, compare_gsize);
      for (guint w = 0; w < self->watches[id]->len; w++)
        {
          Watch *watch = g_ptr_array_index (self->watches[id], w);

          if (watch->object == NULL)
            continue;
          if (text || range_touched (pending, watch->start, watch->end))
            {
              g_ptr_array_add (to_refresh, g_object_ref (watch->object));
              g_array_append_val (funcs, watch->refresh);
            }
        }
      g_array_set_size (pending, 0);
      self->pending_all[id] = FALSE;
    }
  self->pending_text[0] = self->pending_text[1] = FALSE;

  for (guint i = 0; i < to_refresh->len; i++)
    g_array_index (funcs, OctaRefreshFunc, i) (g_ptr_array_index (to_refresh, i));

  update_modified (self);
  if (any)
    g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * octa_project_end_change:
 * @self: a project
 *
 * Ends what octa_project_begin_change() began.
 */
void
octa_project_end_change (OctaProject *self)
{
  g_return_if_fail (OCTA_IS_PROJECT (self));
  g_return_if_fail (self->edit_depth > 0);

  octa_history_end_group (self->history);
  if (--self->edit_depth == 0)
    dispatch_changes (self);
}

static void
apply_history_group (gpointer                user_data,
                     const OctaHistoryGroup *group,
                     gboolean                undo)
{
  OctaProject *self = user_data;

  for (guint i = 0; i < group->bytes->len; i++)
    {
      guint k = undo ? group->bytes->len - 1 - i : i;
      const OctaByteChange *change = &g_array_index (group->bytes, OctaByteChange, k);
      OctaImage *image = image_for_id (self, change->file);

      g_assert (image != NULL);
      octa_image_set_u8 (image, change->offset, undo ? change->old_value : change->new_value);
    }

  for (guint i = 0; i < group->blobs->len; i++)
    {
      guint k = undo ? group->blobs->len - 1 - i : i;
      const OctaBlobChange *blob = g_ptr_array_index (group->blobs, k);
      OctaFileState state = blob->file / OCTA_N_FILE_SLOTS;

      g_clear_pointer (&self->files->project[state], octa_project_file_free);
      self->files->project[state] = octa_project_file_copy (undo ? blob->old_data : blob->new_data);
      self->pending_text[state] = TRUE;
    }
}

/**
 * octa_project_undo:
 * @self: a project
 *
 * Returns: %TRUE if a step was undone
 */
gboolean
octa_project_undo (OctaProject *self)
{
  gboolean done;

  g_return_val_if_fail (OCTA_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (self->edit_depth == 0, FALSE);

  done = _octa_history_undo (self->history);
  dispatch_changes (self);
  return done;
}

/**
 * octa_project_redo:
 * @self: a project
 *
 * Returns: %TRUE if a step was redone
 */
gboolean
octa_project_redo (OctaProject *self)
{
  gboolean done;

  g_return_val_if_fail (OCTA_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (self->edit_depth == 0, FALSE);

  done = _octa_history_redo (self->history);
  dispatch_changes (self);
  return done;
}

/**
 * octa_project_encode_file:
 * @self: a project
 * @filename: a file of the project, such as "bank01.work" or "project.strd"
 *
 * Returns: (transfer full) (nullable): the bytes that file would have if
 *   saved now, or %NULL when the project has no such file. For a working
 *   file that could not be read these are the empty stand-in, which no save
 *   writes (see octa_project_get_file_problem()).
 */
GBytes *
octa_project_encode_file (OctaProject *self,
                          const char  *filename)
{
  OctaFileKind kind;
  OctaFileState state;
  guint index = 0;

  g_return_val_if_fail (OCTA_IS_PROJECT (self), NULL);
  g_return_val_if_fail (filename != NULL, NULL);

  kind = octa_file_kind_from_filename (filename);
  state = g_str_has_suffix (filename, ".strd") ? OCTA_STATE_STRD : OCTA_STATE_WORK;
  if (kind == OCTA_FILE_KIND_BANK || kind == OCTA_FILE_KIND_ARRANGEMENT)
    {
      const char *digits = filename + (kind == OCTA_FILE_KIND_BANK ? 4 : 3);
      index = (guint) g_ascii_strtoull (digits, NULL, 10);
      if (index == 0)
        return NULL;
      index--;
    }
  return octa_project_files_encode_file (self->files, kind, index, state);
}

OctaProjectFiles *
_octa_project_get_files (OctaProject *self)
{
  return self->files;
}

OctaBankFile *
_octa_project_get_bank_file (OctaProject   *self,
                             guint          bank,
                             OctaFileState  state)
{
  return self->files->banks[state][bank];
}

OctaMarkersFile *
_octa_project_get_markers_file (OctaProject   *self,
                                OctaFileState  state)
{
  return self->files->markers[state];
}

OctaArrangementFile *
_octa_project_get_arrangement_file (OctaProject   *self,
                                    guint          arrangement,
                                    OctaFileState  state)
{
  return self->files->arrangements[state][arrangement];
}

OctaProjectFile *
_octa_project_get_project_file (OctaProject   *self,
                                OctaFileState  state)
{
  return self->files->project[state];
}

/*
 * The project text is not a fixed image, so its undo step keeps the whole
 * file before and after the edit (a few kilobytes).
 */
gboolean
_octa_project_edit_text (OctaProject       *self,
                         OctaFileState      state,
                         const char        *label,
                         OctaTextEditFunc   func,
                         gpointer           user_data,
                         GError           **error)
{
  OctaProjectFile *file = self->files->project[state];
  OctaProjectFile *before;
  gboolean ok;

  g_return_val_if_fail (file != NULL, FALSE);

  before = octa_project_file_copy (file);
  octa_project_begin_change (self, label);
  ok = func (file, user_data, error);
  if (!ok)
    {
      octa_project_file_free (self->files->project[state]);
      self->files->project[state] = before;
    }
  else if (octa_project_file_equal (before, file))
    {
      octa_project_file_free (before);
    }
  else
    {
      _octa_history_record_blob (self->history, octa_file_id_project (state), before,
                                 octa_project_file_copy (file),
                                 (GDestroyNotify) octa_project_file_free);
      self->pending_text[state] = TRUE;
    }
  octa_project_end_change (self);
  return ok;
}

void
_octa_project_watch (OctaProject     *self,
                     guint            file_id,
                     gsize            start,
                     gsize            end,
                     GObject         *object,
                     OctaRefreshFunc  refresh)
{
  Watch *watch = g_new0 (Watch, 1);
  GPtrArray *mine = g_hash_table_lookup (self->watches_by_object, object);

  watch->file_id = file_id;
  watch->start = start;
  watch->end = end;
  watch->object = object;
  watch->refresh = refresh;
  g_ptr_array_add (self->watches[file_id], watch);

  if (mine == NULL)
    {
      mine = g_ptr_array_new ();
      g_hash_table_insert (self->watches_by_object, object, mine);
    }
  g_ptr_array_add (mine, watch);
}

/* Objects come and go by the thousand as views scroll: forgetting one must
 * not scan every watch, so dead entries are only swept now and then. */
void
_octa_project_unwatch (OctaProject *self,
                       GObject     *object)
{
  GPtrArray *mine = g_hash_table_lookup (self->watches_by_object, object);

  if (mine == NULL)
    return;

  for (guint i = 0; i < mine->len; i++)
    {
      Watch *watch = g_ptr_array_index (mine, i);
      guint id = watch->file_id;

      watch->object = NULL;
      if (++self->dead_watches[id] > 64 && self->dead_watches[id] > self->watches[id]->len / 2)
        {
          GPtrArray *all = self->watches[id];
          guint kept = 0;

          for (guint j = 0; j < all->len; j++)
            {
              Watch *w = g_ptr_array_index (all, j);

              if (w->object == NULL)
                g_free (w);
              else
                all->pdata[kept++] = w;
            }
          for (guint j = kept; j < all->len; j++)
            all->pdata[j] = NULL;
          g_ptr_array_set_size (all, kept);
          self->dead_watches[id] = 0;
        }
    }
  g_hash_table_remove (self->watches_by_object, object);
}

gboolean
_octa_project_get_on_disk (OctaProject *self,
                           guint        file_id)
{
  return self->on_disk[file_id];
}

void
_octa_project_set_on_disk (OctaProject *self,
                           guint        file_id,
                           gboolean     on_disk)
{
  self->on_disk[file_id] = on_disk;
}

/* The state now in memory is the state on disk. */
void
_octa_project_mark_saved (OctaProject *self)
{
  self->saved_position = _octa_history_get_position (self->history);
  self->replaced = FALSE;
  for (guint id = 0; id < OCTA_N_FILE_IDS; id++)
    {
      forget_disk_pages (self, id);
      self->disk_unknown[id] = FALSE;
    }
  update_modified (self);
}

/* Copies what the disk holds at [offset, offset + len) of a file into @out.
 * FALSE, @out untouched, when no edit since the last save (or the load)
 * reached the range: there memory and disk agree. Meaningless while
 * _octa_project_get_disk_unknown() says so. */
gboolean
_octa_project_get_disk_bytes (OctaProject *self,
                              guint        file_id,
                              gsize        offset,
                              gsize        len,
                              guint8      *out)
{
  guint8 **pages = self->disk_pages[file_id];
  OctaImage *image = image_for_id (self, file_id);
  gboolean any = FALSE;

  if (pages == NULL || image == NULL || len == 0)
    return FALSE;
  g_return_val_if_fail (offset + len <= image->size, FALSE);
  g_return_val_if_fail ((offset + len - 1) / DISK_PAGE_SIZE < self->disk_n_pages[file_id], FALSE);

  for (gsize p = offset / DISK_PAGE_SIZE; p <= (offset + len - 1) / DISK_PAGE_SIZE; p++)
    any |= pages[p] != NULL;
  if (!any)
    return FALSE;

  for (gsize done = 0; done < len; )
    {
      gsize at = offset + done;
      gsize page = at / DISK_PAGE_SIZE;
      gsize in_page = at - page * DISK_PAGE_SIZE;
      gsize n = MIN (len - done, DISK_PAGE_SIZE - in_page);

      memcpy (out + done, pages[page] != NULL ? pages[page] + in_page : image->data + at, n);
      done += n;
    }
  return TRUE;
}

/* Whether the file stands in for one whose disk bytes are unknown (a saved
 * copy replaced it): every byte of it counts as unsaved. */
gboolean
_octa_project_get_disk_unknown (OctaProject *self,
                                guint        file_id)
{
  return self->disk_unknown[file_id];
}

/* Whether [start, end) of a file differs from the disk: only the pages an
 * edit kept can, and those are compared where they are, not copied. */
static gboolean
range_differs_from_disk (OctaProject *self,
                         guint        file_id,
                         gsize        start,
                         gsize        end)
{
  guint8 **pages = self->disk_pages[file_id];
  OctaImage *image = image_for_id (self, file_id);

  if (pages == NULL || image == NULL)
    return FALSE;
  end = MIN (end, image->size);
  for (gsize p = start / DISK_PAGE_SIZE; p * DISK_PAGE_SIZE < end; p++)
    {
      gsize page_start = p * DISK_PAGE_SIZE;
      gsize a = MAX (start, page_start);
      gsize b = MIN (end, page_start + DISK_PAGE_SIZE);

      if (pages[p] != NULL && memcmp (pages[p] + (a - page_start), image->data + a, b - a) != 0)
        return TRUE;
    }
  return FALSE;
}

/**
 * octa_project_get_unsaved_patterns:
 * @self: a project
 * @bank: a bank, 0…15
 *
 * Which of the bank's patterns hold edits not yet on disk: bytes that
 * differ from the last load or save (an edit undone, or changed back by
 * hand, no longer counts). Every pattern of a bank replaced by its saved
 * copy counts until the next save.
 *
 * Returns: a mask, bit 0 for pattern 1
 */
guint
octa_project_get_unsaved_patterns (OctaProject *self,
                                   guint        bank)
{
  gsize size = octa_bank_pattern_offset (1) - octa_bank_pattern_offset (0);
  guint id;
  guint mask = 0;

  g_return_val_if_fail (OCTA_IS_PROJECT (self), 0);
  g_return_val_if_fail (bank < OCTA_N_BANKS, 0);

  id = octa_file_id_bank (bank, OCTA_STATE_WORK);
  if (self->disk_unknown[id])
    return (1u << OCTA_N_PATTERNS) - 1;
  for (guint pattern = 0; pattern < OCTA_N_PATTERNS; pattern++)
    {
      gsize start = octa_bank_pattern_offset (pattern);

      if (range_differs_from_disk (self, id, start, start + size))
        mask |= 1u << pattern;
    }
  return mask;
}

void
_octa_project_set_location (OctaProject *self,
                            GFile       *location)
{
  g_autofree char *name = NULL;

  if (g_set_object (&self->location, location))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCATION]);

  if (location == NULL)
    return;
  name = g_file_get_basename (location);
  if (name != NULL && g_str_has_suffix (name, ".zip"))
    name[strlen (name) - 4] = '\0';
  if (name != NULL && g_strcmp0 (name, self->name) != 0)
    {
      g_free (self->name);
      self->name = g_steal_pointer (&name);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
    }
}

/* Whatever the save path needs to remember per project (file snapshots). */
gpointer
_octa_project_get_save_data (OctaProject *self)
{
  return self->save_data;
}

void
_octa_project_set_save_data (OctaProject    *self,
                             gpointer        data,
                             GDestroyNotify  destroy)
{
  if (self->save_data_destroy != NULL && self->save_data != NULL)
    self->save_data_destroy (self->save_data);
  self->save_data = data;
  self->save_data_destroy = destroy;
}

/* ---- Files that could not be read -------------------------------------- */

static OctaFileKind
slot_kind (guint  slot,
           guint *index)
{
  *index = 0;
  if (slot == 0)
    return OCTA_FILE_KIND_PROJECT;
  if (slot <= OCTA_N_BANKS)
    {
      *index = slot - 1;
      return OCTA_FILE_KIND_BANK;
    }
  if (slot == 17)
    return OCTA_FILE_KIND_MARKERS;
  *index = slot - 18;
  return OCTA_FILE_KIND_ARRANGEMENT;
}

static char *
filename_for_id (guint file_id)
{
  guint index;
  OctaFileKind kind = slot_kind (file_id % OCTA_N_FILE_SLOTS, &index);

  return octa_project_files_filename (kind, index, file_id / OCTA_N_FILE_SLOTS);
}

static gboolean
id_for_filename (const char *filename,
                 guint      *file_id)
{
  for (guint id = 0; id < OCTA_N_FILE_IDS; id++)
    {
      g_autofree char *name = filename_for_id (id);

      if (g_strcmp0 (name, filename) == 0)
        {
          *file_id = id;
          return TRUE;
        }
    }
  return FALSE;
}

const GError *
_octa_project_get_problem (OctaProject *self,
                           guint        file_id)
{
  return problem_for_id (self, file_id)->error;
}

gboolean
_octa_project_is_shown (OctaProject *self,
                        guint        file_id)
{
  OctaFileProblem *problem = problem_for_id (self, file_id);

  return problem->error == NULL || problem->shown;
}

/* Saving leaves such a file alone. */
gboolean
_octa_project_is_damaged (OctaProject *self,
                          guint        file_id)
{
  return problem_for_id (self, file_id)->error != NULL;
}

/**
 * octa_project_get_n_problems:
 * @self: a project
 *
 * Returns: how many of the project's files could not be read
 */
guint
octa_project_get_n_problems (OctaProject *self)
{
  guint n = 0;

  g_return_val_if_fail (OCTA_IS_PROJECT (self), 0);

  for (guint id = 0; id < OCTA_N_FILE_IDS; id++)
    if (problem_for_id (self, id)->error != NULL)
      n++;
  return n;
}

/**
 * octa_project_dup_problem_files:
 * @self: a project
 *
 * Returns: (transfer full) (array zero-terminated=1): the names of the files
 *   that could not be read, such as `bank03.work`, `.work` first
 */
char **
octa_project_dup_problem_files (OctaProject *self)
{
  GPtrArray *names;

  g_return_val_if_fail (OCTA_IS_PROJECT (self), NULL);

  names = g_ptr_array_new ();
  for (guint id = 0; id < OCTA_N_FILE_IDS; id++)
    if (problem_for_id (self, id)->error != NULL)
      g_ptr_array_add (names, filename_for_id (id));
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (names, FALSE);
}

/**
 * octa_project_get_file_problem:
 * @self: a project
 * @filename: a file of the project, such as "bank03.work"
 *
 * Returns: (transfer none) (nullable): why the file could not be read, as
 *   the codec said it (an #OCTA_CODEC_ERROR naming the file's path), or
 *   %NULL when it was read
 */
const GError *
octa_project_get_file_problem (OctaProject *self,
                               const char  *filename)
{
  guint id;

  g_return_val_if_fail (OCTA_IS_PROJECT (self), NULL);
  g_return_val_if_fail (filename != NULL, NULL);

  if (!id_for_filename (filename, &id))
    return NULL;
  return problem_for_id (self, id)->error;
}

/**
 * octa_project_get_file_read_only:
 * @self: a project
 * @filename: a file of the project, such as "bank03.work"
 *
 * Returns: whether the file takes no edits and is never saved: it could not
 *   be read, or is of an older format
 */
gboolean
octa_project_get_file_read_only (OctaProject *self,
                                 const char  *filename)
{
  return octa_project_get_file_problem (self, filename) != NULL;
}

/**
 * octa_project_get_file_shown:
 * @self: a project
 * @filename: a file of the project, such as "bank02.work"
 *
 * Returns: whether the file's contents are in the project: %TRUE for a file
 *   that was read, and for one of an older format that is shown read-only;
 *   %FALSE for a file that could not be read (or is absent from the list of
 *   project files)
 */
gboolean
octa_project_get_file_shown (OctaProject *self,
                             const char  *filename)
{
  guint id;

  g_return_val_if_fail (OCTA_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (filename != NULL, FALSE);

  if (!id_for_filename (filename, &id))
    return FALSE;
  return _octa_project_is_shown (self, id);
}

/* "636 113", grouped as in the design's prose (narrow no-break spaces). */
static char *
format_count (gsize n)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GSIZE_FORMAT, n);
  GString *out = g_string_new (NULL);
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (out, "\u202F");
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

/* What the codec said after the file's path, for causes without words of
 * their own. */
static const char *
detail_of (const GError *error,
           const char   *filename)
{
  g_autofree char *needle = g_strconcat (filename, ": ", NULL);
  const char *found = strstr (error->message, needle);

  return found != NULL ? found + strlen (needle) : error->message;
}

/* The library's messages are in the application's catalogue; a script
 * using the library alone must find it too. */
static void
ensure_text_domain (void)
{
  static gsize bound;

  if (g_once_init_enter (&bound))
    {
      bindtextdomain (GETTEXT_PACKAGE, OCTA_LOCALEDIR);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      g_once_init_leave (&bound, 1);
    }
}

/**
 * octa_project_dup_problem_reason:
 * @self: a project
 * @filename: a file of the project, such as "bank03.work"
 *
 * Says in plain words why the file could not be read and what that likely
 * means, e.g. "bank03.work is 636 081 bytes; a bank is 636 113. The file
 * may have been cut short while copying."
 *
 * Returns: (transfer full) (nullable): the reason, or %NULL when the file
 *   was read
 */
char *
octa_project_dup_problem_reason (OctaProject *self,
                                 const char  *filename)
{
  const OctaFileProblem *problem;
  const GError *error;
  OctaFileKind kind;
  const char *what;
  guint index;
  guint id;

  g_return_val_if_fail (OCTA_IS_PROJECT (self), NULL);
  g_return_val_if_fail (filename != NULL, NULL);

  if (!id_for_filename (filename, &id))
    return NULL;
  problem = problem_for_id (self, id);
  error = problem->error;
  if (error == NULL)
    return NULL;

  ensure_text_domain ();
  kind = slot_kind (id % OCTA_N_FILE_SLOTS, &index);
  what = kind == OCTA_FILE_KIND_BANK ? _("a bank")
         : kind == OCTA_FILE_KIND_MARKERS ? _("a markers file")
         : kind == OCTA_FILE_KIND_ARRANGEMENT ? _("an arrangement") : _("a project file");

  if (error->domain != OCTA_CODEC_ERROR)
    return g_strdup_printf (_("%s couldn't be read: %s."), filename, detail_of (error, filename));

  switch (error->code)
    {
    case OCTA_CODEC_ERROR_TRUNCATED:
      {
        g_autofree char *size = format_count (problem->size);
        g_autofree char *expected = format_count (octa_file_kind_size (kind));

        if (problem->size == 0)
          return g_strdup_printf (_("%s is empty. The file may have been cut short while "
                                    "copying."), filename);
        if (problem->size < octa_file_kind_size (kind))
          return g_strdup_printf (_("%s is %s bytes; %s is %s. The file may have been cut "
                                    "short while copying."), filename, size, what, expected);
        return g_strdup_printf (_("%s is %s bytes; %s is %s. Something was added to its end."),
                                filename, size, what, expected);
      }
    case OCTA_CODEC_ERROR_BAD_MAGIC:
      return g_strdup_printf (_("%s doesn't start like %s of the Octatrack. It may be another "
                                "kind of file saved under this name."), filename, what);
    case OCTA_CODEC_ERROR_BAD_CHECKSUM:
      return g_strdup_printf (_("The checksum of %s doesn't match its contents. The file "
                                "changed after it was last written."), filename);
    case OCTA_CODEC_ERROR_UNSUPPORTED_VERSION:
      if (problem->version < octa_file_kind_version (kind))
        {
          if (problem->shown)
            return g_strdup (_("Made by an older Octatrack OS. Octadesk shows it but won't "
                               "change it. Re-save the project on the device (OS 1.40) to "
                               "edit this bank."));
          return g_strdup_printf (_("%s was made by an older Octatrack OS, in a layout Octadesk "
                                    "can't read. Re-save the project on the device (OS 1.40) "
                                    "to use it."), filename);
        }
      return g_strdup_printf (_("%s was made by a newer Octatrack OS (format %u; Octadesk "
                                "knows format %u)."), filename, problem->version,
                              octa_file_kind_version (kind));
    case OCTA_CODEC_ERROR_BAD_STRUCTURE:
      return g_strdup_printf (_("The inside of %s is damaged (%s)."), filename,
                              detail_of (error, filename));
    case OCTA_CODEC_ERROR_MALFORMED:
      return g_strdup_printf (_("%s has lines Octadesk can't understand (%s)."), filename,
                              detail_of (error, filename));
    case OCTA_CODEC_ERROR_IO:
    default:
      return g_strdup_printf (_("%s couldn't be read: %s."), filename, detail_of (error, filename));
    }
}

static gpointer
object_for_id (OctaProject *self,
               guint        file_id)
{
  OctaFileState state = file_id / OCTA_N_FILE_SLOTS;
  guint index;

  switch (slot_kind (file_id % OCTA_N_FILE_SLOTS, &index))
    {
    case OCTA_FILE_KIND_BANK:
      return self->files->banks[state][index];
    case OCTA_FILE_KIND_MARKERS:
      return self->files->markers[state];
    case OCTA_FILE_KIND_ARRANGEMENT:
      return self->files->arrangements[state][index];
    case OCTA_FILE_KIND_PROJECT:
      return self->files->project[state];
    case OCTA_FILE_KIND_UNKNOWN:
    case OCTA_FILE_KIND_SAMPLE_ATTRS:
    default:
      g_assert_not_reached ();
    }
  return NULL;
}

/* The working file whose saved copy could stand in for it, or FALSE. */
static gboolean
saved_copy_usable (OctaProject *self,
                   const char  *filename,
                   guint       *work_id)
{
  guint id, strd_id;
  OctaImage *strd;

  if (!id_for_filename (filename, &id) || id >= OCTA_N_FILE_SLOTS || id == 0)
    return FALSE;
  strd_id = id + OCTA_N_FILE_SLOTS;
  strd = image_for_id (self, strd_id);
  if (problem_for_id (self, id)->error == NULL || strd == NULL ||
      problem_for_id (self, strd_id)->error != NULL || strd->read_only)
    return FALSE;
  *work_id = id;
  return TRUE;
}

/**
 * octa_project_can_open_saved_copy:
 * @self: a project
 * @filename: a working file of the project, such as "bank03.work"
 *
 * Returns: whether @filename could not be read while its saved copy
 *   (`bank03.strd`) could, so octa_project_open_saved_copy() would work
 */
gboolean
octa_project_can_open_saved_copy (OctaProject *self,
                                  const char  *filename)
{
  guint id;

  g_return_val_if_fail (OCTA_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (filename != NULL, FALSE);

  return saved_copy_usable (self, filename, &id);
}

/**
 * octa_project_open_saved_copy:
 * @self: a project
 * @filename: a working file that could not be read, such as "bank03.work"
 * @error: return location for a #GError
 *
 * Uses the file's saved copy (`bank03.strd`) as its working state, as if the
 * working file had been read with those bytes: the file becomes editable and
 * the next save writes it, replacing the damaged file. This is not an undo
 * step: nothing could be edited in the damaged file, so the history before
 * stays valid and undo never brings the damage back. The project counts as
 * modified until it is saved.
 *
 * Returns: %TRUE on success; %G_IO_ERROR_NOT_FOUND when the file was read
 *   or has no readable saved copy
 */
gboolean
octa_project_open_saved_copy (OctaProject  *self,
                              const char   *filename,
                              GError      **error)
{
  OctaFileProblem *problem;
  OctaFileState state;
  OctaImage *image;
  gpointer copy;
  guint index;
  guint id;

  g_return_val_if_fail (OCTA_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (filename != NULL, FALSE);
  g_return_val_if_fail (self->edit_depth == 0, FALSE);

  if (!saved_copy_usable (self, filename, &id))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "%s has no readable saved copy to use in its place", filename);
      return FALSE;
    }

  state = OCTA_STATE_WORK;
  switch (slot_kind (id, &index))
    {
    case OCTA_FILE_KIND_BANK:
      copy = octa_bank_file_copy (object_for_id (self, id + OCTA_N_FILE_SLOTS));
      image = octa_bank_file_get_image (copy);
      g_clear_pointer (&self->files->banks[state][index], octa_bank_file_free);
      self->files->banks[state][index] = copy;
      break;
    case OCTA_FILE_KIND_MARKERS:
      copy = octa_markers_file_copy (object_for_id (self, id + OCTA_N_FILE_SLOTS));
      image = octa_markers_file_get_image (copy);
      g_clear_pointer (&self->files->markers[state], octa_markers_file_free);
      self->files->markers[state] = copy;
      break;
    case OCTA_FILE_KIND_ARRANGEMENT:
      copy = octa_arrangement_file_copy (object_for_id (self, id + OCTA_N_FILE_SLOTS));
      image = octa_arrangement_file_get_image (copy);
      g_clear_pointer (&self->files->arrangements[state][index], octa_arrangement_file_free);
      self->files->arrangements[state][index] = copy;
      break;
    case OCTA_FILE_KIND_PROJECT:
    case OCTA_FILE_KIND_UNKNOWN:
    case OCTA_FILE_KIND_SAMPLE_ATTRS:
    default:
      g_assert_not_reached ();
    }

  {
    g_autofree char *name = filename_for_id (id);

    octa_image_set_name (image, name);
  }
  /* The bytes differ from the file on disk: the next save must write them. */
  image->modified = TRUE;
  image->read_only = FALSE;
  octa_image_set_change_func (image, on_image_changed, &self->hooks[id]);

  problem = problem_for_id (self, id);
  g_clear_error (&problem->error);
  problem->size = 0;
  problem->version = 0;
  problem->shown = FALSE;

  self->replaced = TRUE;
  self->pending_all[id] = TRUE;
  forget_disk_pages (self, id);
  self->disk_unknown[id] = TRUE;
  dispatch_changes (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PROBLEMS]);
  return TRUE;
}
