/* SPDX-License-Identifier: MIT */
#include <errno.h>
#include <glib/gi18n.h>

#include "octa-codec.h"
#include "octa-project-save.h"
#include "octa-transaction.h"
#include "octa-window-private.h"

#include "octa-diff-window.h"
#include "octa-pattern-header.h"
#include "octa-step-grid.h"

/* ---- Errors in a musician's words -------------------------------------- */

/* Codec and transaction messages start with the file they are about,
 * "…/bank03.work: checksum …"; the dialog names just the file. */
static char *
file_named_in (const char *message)
{
  const char *colon = strstr (message, ": ");
  const char *space = strchr (message, ' ');
  g_autofree char *path = NULL;

  if (colon != NULL)
    path = g_strndup (message, colon - message);
  else if (space != NULL)
    path = g_strndup (message, space - message);
  else
    return NULL;

  if (strchr (path, '.') == NULL && strchr (path, '/') == NULL)
    return NULL;
  return g_path_get_basename (path);
}

static const char *
strerror_part (const char *message)
{
  const char *last = g_strrstr (message, ": ");

  return last ? last + 2 : message;
}

/**
 * _octa_window_describe_error:
 * @error: what went wrong opening or saving
 * @saving: whether it happened while saving
 *
 * Returns: (transfer full): the cause in plain words, naming the file
 */
char *
_octa_window_describe_error (const GError *error,
                             gboolean      saving)
{
  g_autofree char *file = file_named_in (error->message);
  g_autofree char *what = file ? g_strdup (file) : g_strdup (_("A file of the project"));

  if (error->domain == OCTA_CODEC_ERROR)
    switch ((OctaCodecError) error->code)
      {
      case OCTA_CODEC_ERROR_TRUNCATED:
        return g_strdup_printf (_("%s is the wrong size. It may have been cut short while "
                                  "copying."), what);
      case OCTA_CODEC_ERROR_BAD_MAGIC:
        return g_strdup_printf (_("%s isn't an Octatrack file, or its beginning is damaged."),
                                what);
      case OCTA_CODEC_ERROR_BAD_CHECKSUM:
        return g_strdup_printf (_("%s is damaged (bad checksum). It may have been changed by "
                                  "another program or cut short while copying."), what);
      case OCTA_CODEC_ERROR_UNSUPPORTED_VERSION:
        return g_strdup_printf (_("%s was made by an Octatrack OS that Octadesk doesn't know. "
                                  "Octadesk reads projects of OS 1.40."), what);
      case OCTA_CODEC_ERROR_BAD_STRUCTURE:
        return g_strdup_printf (_("%s is damaged: a pattern, track or part inside it isn't "
                                  "where the device puts it."), what);
      case OCTA_CODEC_ERROR_MALFORMED:
        return g_strdup_printf (_("%s has a line Octadesk doesn't understand."), what);
      case OCTA_CODEC_ERROR_ZIP:
        return g_strdup (_("The zip can't be read as one Octatrack project. It may be damaged, "
                           "or hold several projects or none."));
      case OCTA_CODEC_ERROR_IO:
        return g_strdup_printf (saving ? _("%s couldn't be written (%s).")
                                       : _("%s couldn't be read (%s)."),
                                what, strerror_part (error->message));
      case OCTA_CODEC_ERROR_INVALID_VALUE:
        return g_strdup_printf (_("A value in %s can't be stored the way the device stores "
                                  "it."), what);
      case OCTA_CODEC_ERROR_NOT_FOUND:
        return g_strdup (_("There is no Octatrack project here. A project folder holds "
                           "project.work and the bank files."));
      default:
        break;
      }

  if (error->domain == OCTA_TRANSACTION_ERROR)
    switch ((OctaTransactionError) error->code)
      {
      case OCTA_TRANSACTION_ERROR_CHANGED_ON_DISK:
        return g_strdup_printf (_("%s was changed by another program since Octadesk opened "
                                  "it. Nothing was written."), what);
      case OCTA_TRANSACTION_ERROR_IO:
        return g_strdup_printf (_("%s couldn't be written (%s). The files on the card are "
                                  "unchanged."), what, strerror_part (error->message));
      case OCTA_TRANSACTION_ERROR_VERIFY:
        return g_strdup_printf (_("%s read back differently from what was written: the card "
                                  "or disk may be failing. The files on it are unchanged."),
                                what);
      case OCTA_TRANSACTION_ERROR_CANCELLED:
        return g_strdup (_("Saving was stopped before any file was replaced. The files on the "
                           "card are unchanged."));
      case OCTA_TRANSACTION_ERROR_ROLLBACK_FAILED:
        return g_strdup_printf (_("Writing %s failed, and putting the previous files back "
                                  "failed too. The details say where copies of them are."),
                                what);
      default:
        break;
      }

  if (error->domain == G_IO_ERROR)
    switch (error->code)
      {
      case G_IO_ERROR_NOT_FOUND:
        return saving ? g_strdup (_("The project has never been saved. Use Save As to choose "
                                    "a folder."))
                      : g_strdup (_("The folder or zip isn't there any more."));
      case G_IO_ERROR_PERMISSION_DENIED:
        return g_strdup_printf (_("Octadesk isn't allowed to %s %s. Check the folder's "
                                  "permissions."), saving ? _("write") : _("read"), what);
      case G_IO_ERROR_READ_ONLY:
        return g_strdup (_("The card is read-only. Check its lock switch, or Save As to "
                           "another folder."));
      case G_IO_ERROR_NO_SPACE:
        return g_strdup (_("The card or disk is full. Free some space, or Save As to another "
                           "folder."));
      case G_IO_ERROR_EXISTS:
        return g_strdup (_("That folder already holds other files. Choose a new or empty "
                           "folder."));
      case G_IO_ERROR_NOT_DIRECTORY:
        return g_strdup_printf (_("%s isn't a folder."), what);
      case G_IO_ERROR_NOT_SUPPORTED:
        return g_strdup (saving ? _("A project opened from a zip or from a network place can "
                                    "only be saved with Save As, to a folder on this computer.")
                                : _("Octadesk opens project folders and zips on this "
                                    "computer only."));
      case G_IO_ERROR_PENDING:
        return g_strdup (_("The project is being saved already."));
      case G_IO_ERROR_INVALID_ARGUMENT:
        return g_strdup (_("That is the zip the project was opened from. Export to another "
                           "file."));
      default:
        break;
      }

  return g_strdup_printf (saving ? _("%s couldn't be written.") : _("%s couldn't be read."),
                          what);
}

static GtkWidget *
details_expander (const GError *error)
{
  GtkWidget *expander = gtk_expander_new_with_mnemonic (_("_Details"));
  GtkWidget *label = gtk_label_new (error->message);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_expander_set_child (GTK_EXPANDER (expander), label);
  return expander;
}

static AdwMessageDialog *
error_dialog_new (OctaWindow   *self,
                  const char   *heading,
                  const GError *error,
                  gboolean      saving)
{
  g_autofree char *body = _octa_window_describe_error (error, saving);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  adw_message_dialog_set_extra_child (dialog, details_expander (error));
  return dialog;
}

/**
 * _octa_window_show_error:
 * @self: the window
 * @heading: the outcome, "LIVE-SET couldn't be opened"
 * @error: the cause
 * @saving: whether it happened while saving
 */
void
_octa_window_show_error (OctaWindow   *self,
                         const char   *heading,
                         const GError *error,
                         gboolean      saving)
{
  AdwMessageDialog *dialog = error_dialog_new (self, heading, error, saving);

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Toasts ------------------------------------------------------------ */

static void
toast_dismissed_cb (AdwToast   *toast,
                    OctaWindow *self)
{
  if (self->toast == toast)
    g_clear_object (&self->toast);
}

void
_octa_window_show_toast (OctaWindow *self,
                         const char *title,
                         const char *button_label,
                         const char *action_name)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, 5);
  if (button_label != NULL)
    {
      adw_toast_set_button_label (toast, button_label);
      adw_toast_set_action_name (toast, action_name);
    }
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), self, 0);

  /* a new toast replaces the old one rather than queueing behind it */
  if (self->toast != NULL)
    {
      g_autoptr(AdwToast) old = g_steal_pointer (&self->toast);

      adw_toast_dismiss (old);
    }
  self->toast = g_object_ref (toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* ---- Undo and redo ----------------------------------------------------- */

/* One step back or forward, with a toast offering the way back. */
static void
step_history (OctaWindow *self,
              gboolean    undo)
{
  OctaHistory *history;
  g_autofree char *label = NULL;
  g_autofree char *title = NULL;

  if (self->project == NULL)
    return;
  history = octa_project_get_history (self->project);
  label = g_strdup (undo ? octa_history_get_undo_label (history)
                         : octa_history_get_redo_label (history));
  if (!(undo ? octa_project_undo (self->project) : octa_project_redo (self->project)))
    return;
  title = undo ? g_strdup_printf (_("Undone: %s"), label ? label : _("last edit"))
               : g_strdup_printf (_("Redone: %s"), label ? label : _("last edit"));
  _octa_window_show_toast (self, title, undo ? _("Redo") : _("Undo"),
                           undo ? "win.redo" : "win.undo");
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  step_history (OCTA_WINDOW (widget), TRUE);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  step_history (OCTA_WINDOW (widget), FALSE);
}

/* ---- Saving ------------------------------------------------------------ */

static gboolean
location_is_zip (GFile *location)
{
  g_autofree char *name = location ? g_file_get_basename (location) : NULL;

  return name != NULL && g_str_has_suffix (name, ".zip");
}

static OctaSaveMode
preferred_mode (OctaWindow *self)
{
  return g_settings_get_boolean (self->settings, "save-like-device") ? OCTA_SAVE_MODE_DEVICE
                                                                     : OCTA_SAVE_MODE_WORKING;
}

static const char *
project_title (OctaWindow *self)
{
  return self->title_override ? self->title_override : octa_project_get_name (self->project);
}

static void
set_saving (OctaWindow *self,
            gboolean    saving,
            gboolean    lock_edits)
{
  self->saving = saving;
  /* While a worker thread reads the project, it must not change. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->sidebar_flap), !(saving && lock_edits));
  _octa_window_update_actions (self);
}

static void save_with_flags (OctaWindow    *self,
                             OctaSaveMode   mode,
                             OctaSaveFlags  flags);

typedef struct
{
  OctaWindow   *window;
  OctaSaveMode  mode;
} SaveRetry;

static void
save_error_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        gpointer          user_data)
{
  SaveRetry *retry = user_data;

  if (g_strcmp0 (response, "save-as") == 0)
    _octa_window_save_as (retry->window);
  else if (g_strcmp0 (response, "overwrite") == 0)
    save_with_flags (retry->window, retry->mode, OCTA_SAVE_FLAGS_FORCE);
  else
    retry->window->close_after_save = FALSE;
}

static void
save_retry_free (gpointer data,
                 GClosure *closure)
{
  SaveRetry *retry = data;

  g_object_unref (retry->window);
  g_free (retry);
}

static void
show_save_error (OctaWindow   *self,
                 const GError *error,
                 OctaSaveMode  mode)
{
  g_autofree char *heading = g_strdup_printf (_("%s wasn't saved"), project_title (self));
  AdwMessageDialog *dialog = error_dialog_new (self, heading, error, TRUE);
  SaveRetry *retry = g_new0 (SaveRetry, 1);

  retry->window = g_object_ref (self);
  retry->mode = mode;
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  if (g_error_matches (error, OCTA_TRANSACTION_ERROR, OCTA_TRANSACTION_ERROR_CHANGED_ON_DISK))
    {
      adw_message_dialog_add_response (dialog, "overwrite", _("_Overwrite"));
      adw_message_dialog_set_response_appearance (dialog, "overwrite",
                                                  ADW_RESPONSE_DESTRUCTIVE);
    }
  adw_message_dialog_add_response (dialog, "save-as", _("Save _As…"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  g_signal_connect_data (dialog, "response", G_CALLBACK (save_error_response_cb), retry,
                         save_retry_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
after_successful_save (OctaWindow *self)
{
  GFile *location = octa_project_get_location (self->project);

  if (location != NULL)
    octa_recent_projects_add (self->settings, location);
  _octa_window_update_title (self);
  if (self->close_after_save)
    {
      self->close_after_save = FALSE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

typedef struct
{
  OctaWindow   *window;
  OctaProject  *project;
  OctaSaveMode  mode;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_object_unref (job->window);
  g_object_unref (job->project);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveJob, save_job_free)

static void
save_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(SaveJob) job = user_data;
  g_autoptr(GError) error = NULL;
  OctaWindow *self = job->window;

  set_saving (self, FALSE, FALSE);
  if (!octa_project_save_finish (job->project, result, &error))
    {
      if (job->project == self->project)
        show_save_error (self, error, job->mode);
      return;
    }
  if (job->project == self->project)
    after_successful_save (self);
}

static void
save_with_flags (OctaWindow    *self,
                 OctaSaveMode   mode,
                 OctaSaveFlags  flags)
{
  SaveJob *job;

  if (self->project == NULL || self->saving)
    return;

  job = g_new0 (SaveJob, 1);
  job->window = g_object_ref (self);
  job->project = g_object_ref (self->project);
  job->mode = mode;
  set_saving (self, TRUE, FALSE);
  octa_project_save_async (self->project, mode, flags, NULL, NULL, NULL, save_cb, job);
}

/**
 * _octa_window_save:
 * @self: the window
 * @store: also store the working state as the saved state (`.strd`), like
 *   PROJECT ▸ SAVE, whatever the preference says
 *
 * Saves in place; a project that has no folder of its own (the demo, a
 * zip) goes through Save As.
 */
void
_octa_window_save (OctaWindow *self,
                   gboolean    store)
{
  GFile *location;

  if (self->project == NULL || self->saving)
    return;

  location = octa_project_get_location (self->project);
  if (self->temporary || location == NULL || location_is_zip (location))
    {
      _octa_window_save_as (self);
      return;
    }
  save_with_flags (self, store ? OCTA_SAVE_MODE_DEVICE : preferred_mode (self),
                   OCTA_SAVE_FLAGS_NONE);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  _octa_window_save (OCTA_WINDOW (widget), FALSE);
}

static void
save_store_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  _octa_window_save (OCTA_WINDOW (widget), TRUE);
}

/* Save As and Export as Zip write from a worker thread; the project's
 * signals wait until the main thread can hear them. */

typedef enum
{
  JOB_SAVE_AS,
  JOB_EXPORT_ZIP,
} FolderJobKind;

typedef struct
{
  FolderJobKind  kind;
  OctaProject   *project;
  GFile         *target;
  OctaSaveMode   mode;
  char          *samples_from;
} FolderJob;

static void
folder_job_free (gpointer data)
{
  FolderJob *job = data;

  g_object_unref (job->project);
  g_object_unref (job->target);
  g_free (job->samples_from);
  g_free (job);
}

static gboolean
is_project_file (const char *name)
{
  return g_str_has_suffix (name, ".work") || g_str_has_suffix (name, ".strd");
}

/* The demo's samples sit in its temporary folder, which goes away with the
 * window: they travel with the project. */
static void
copy_samples (const char *from,
              GFile      *to)
{
  g_autoptr(GDir) dir = g_dir_open (from, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (from, name, NULL);
      g_autoptr(GFile) source = NULL;
      g_autoptr(GFile) dest = NULL;

      if (is_project_file (name) || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;
      source = g_file_new_for_path (path);
      dest = g_file_get_child (to, name);
      g_file_copy (source, dest, G_FILE_COPY_NONE, NULL, NULL, NULL, NULL);
    }
}

static void
folder_job_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  FolderJob *job = task_data;
  GError *error = NULL;
  gboolean ok;

  if (job->kind == JOB_SAVE_AS)
    {
      ok = octa_project_save_to_folder (job->project, job->target, job->mode, cancellable,
                                        &error);
      if (ok && job->samples_from != NULL)
        copy_samples (job->samples_from, job->target);
    }
  else
    ok = octa_project_export_zip (job->project, job->target, cancellable, &error);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
folder_job_done (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  OctaWindow *self = OCTA_WINDOW (source);
  FolderJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  g_signal_group_unblock (self->project_signals);
  g_signal_group_unblock (self->history_signals);
  set_saving (self, FALSE, TRUE);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (job->kind == JOB_SAVE_AS)
        show_save_error (self, error, job->mode);
      else
        {
          g_autofree char *heading = g_strdup_printf (_("%s wasn't exported"),
                                                      project_title (self));

          _octa_window_show_error (self, heading, error, TRUE);
        }
      _octa_window_update_title (self);
      return;
    }

  if (job->kind == JOB_SAVE_AS)
    {
      _octa_window_set_temporary (self, FALSE);
      after_successful_save (self);
    }
  else
    {
      g_autofree char *name = g_file_get_basename (job->target);
      g_autofree char *title = g_strdup_printf (_("Exported %s"), name);

      _octa_window_show_toast (self, title, NULL, NULL);
    }
}

static void
run_folder_job (OctaWindow    *self,
                FolderJobKind  kind,
                GFile         *target)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, folder_job_done, NULL);
  FolderJob *job = g_new0 (FolderJob, 1);

  job->kind = kind;
  job->project = g_object_ref (self->project);
  job->target = g_object_ref (target);
  job->mode = preferred_mode (self);
  if (kind == JOB_SAVE_AS && self->temporary && octa_project_get_location (self->project))
    job->samples_from = g_file_get_path (octa_project_get_location (self->project));

  set_saving (self, TRUE, TRUE);
  g_signal_group_block (self->project_signals);
  g_signal_group_block (self->history_signals);
  g_task_set_task_data (task, job, folder_job_free);
  g_task_set_name (task, kind == JOB_SAVE_AS ? "octa-save-as" : "octa-export-zip");
  g_task_run_in_thread (task, folder_job_thread);
}

static void
save_as_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     OctaWindow      *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->project != NULL)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (file == NULL)
    {
      self->close_after_save = FALSE;
      return;
    }
  run_folder_job (self, JOB_SAVE_AS, file);
}

static void
set_start_folder (OctaWindow     *self,
                  GtkFileChooser *chooser)
{
  GFile *location = self->project ? octa_project_get_location (self->project) : NULL;
  g_autoptr(GFile) parent = NULL;

  if (location == NULL || self->temporary)
    return;
  parent = g_file_get_parent (location);
  if (parent != NULL)
    gtk_file_chooser_set_current_folder (chooser, parent, NULL);
}

/**
 * _octa_window_save_as:
 * @self: the window
 *
 * Asks for a new project folder and saves the project there.
 */
void
_octa_window_save_as (OctaWindow *self)
{
  GtkFileChooserNative *chooser;

  if (self->project == NULL || self->saving)
    return;

  chooser = gtk_file_chooser_native_new (_("Save Project As"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser),
                                     octa_project_get_name (self->project));
  set_start_folder (self, GTK_FILE_CHOOSER (chooser));
  g_signal_connect (chooser, "response", G_CALLBACK (save_as_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  _octa_window_save_as (OCTA_WINDOW (widget));
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    OctaWindow      *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->project != NULL)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (file == NULL)
    return;
  if (!location_is_zip (file))
    {
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *with_suffix = path ? g_strconcat (path, ".zip", NULL) : NULL;

      if (with_suffix == NULL)
        return;
      g_clear_object (&file);
      file = g_file_new_for_path (with_suffix);
    }
  run_folder_job (self, JOB_EXPORT_ZIP, file);
}

static void
export_zip_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  OctaWindow *self = OCTA_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (self->project == NULL || self->saving)
    return;

  chooser = gtk_file_chooser_native_new (_("Export as Zip"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Zip archives"));
  gtk_file_filter_add_suffix (filter, "zip");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  name = g_strdup_printf ("%s.zip", octa_project_get_name (self->project));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  set_start_folder (self, GTK_FILE_CHOOSER (chooser));
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- Opening ----------------------------------------------------------- */

static void
open_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  OctaWindow      *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (file != NULL)
    octa_window_open_file (self, file);
}

static void
open_filter_changed_cb (GtkFileChooser *chooser,
                        GParamSpec     *pspec,
                        gpointer        user_data)
{
  GtkFileFilter *filter = gtk_file_chooser_get_filter (chooser);
  gpointer zips = g_object_get_data (G_OBJECT (chooser), "octa-zip-filter");
  GtkFileChooserAction action = filter == zips ? GTK_FILE_CHOOSER_ACTION_OPEN
                                               : GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER;

  if (gtk_file_chooser_get_action (chooser) != action)
    gtk_file_chooser_set_action (chooser, action);
}

/**
 * octa_window_show_open_dialog:
 * @self: a window
 *
 * Asks for a project folder (or, with the Zip filter, a project zip).
 */
void
octa_window_show_open_dialog (OctaWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) folders = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) zips = gtk_file_filter_new ();

  g_return_if_fail (OCTA_IS_WINDOW (self));

  /* A folder chooser cannot pick files and a file chooser cannot pick
   * folders; the filter switches between a project folder and a zip. */
  chooser = gtk_file_chooser_native_new (_("Open Project"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Open"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (folders, _("Project folders"));
  gtk_file_filter_add_mime_type (folders, "inode/directory");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), folders);
  gtk_file_filter_set_name (zips, _("Project zips"));
  gtk_file_filter_add_suffix (zips, "zip");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), zips);
  g_object_set_data_full (G_OBJECT (chooser), "octa-zip-filter", g_object_ref (zips),
                          g_object_unref);
  g_signal_connect (chooser, "notify::filter", G_CALLBACK (open_filter_changed_cb), NULL);
  g_signal_connect (chooser, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_path_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_string (parameter, NULL));

  octa_window_open_file (OCTA_WINDOW (widget), file);
}

static void
cancel_open_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  OctaWindow *self = OCTA_WINDOW (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

/* ---- Compare ------------------------------------------------------------ */

static void
show_diff_window (OctaWindow  *self,
                  OctaProject *other)
{
  GtkWidget *window = octa_diff_window_new (gtk_window_get_application (GTK_WINDOW (self)),
                                            self->project, other);

  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (window));
}

static void
compare_saved_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  OctaWindow *self = OCTA_WINDOW (widget);

  if (self->project != NULL)
    show_diff_window (self, NULL);
}

static void
compare_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(OctaWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(OctaProject) other = octa_project_load_finish (result, &error);

  if (other == NULL)
    {
      _octa_window_show_error (self, _("The other project couldn't be opened"), error, FALSE);
      return;
    }
  if (self->project != NULL)
    show_diff_window (self, other);
}

/* The other project is only read: it has no window and nothing saves it. */
static void
compare_with (OctaWindow *self,
              GFile      *file)
{
  octa_project_load_async (file, NULL, compare_loaded_cb, g_object_ref (self));
}

static void
compare_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     OctaWindow      *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  if (file != NULL)
    compare_with (self, file);
}

static void
compare_project_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  OctaWindow *self = OCTA_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) folders = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) zips = gtk_file_filter_new ();

  if (self->project == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Compare With Another Project"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Compare"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (folders, _("Project folders"));
  gtk_file_filter_add_mime_type (folders, "inode/directory");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), folders);
  gtk_file_filter_set_name (zips, _("Project zips"));
  gtk_file_filter_add_suffix (zips, "zip");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), zips);
  g_object_set_data_full (G_OBJECT (chooser), "octa-zip-filter", g_object_ref (zips),
                          g_object_unref);
  g_signal_connect (chooser, "notify::filter", G_CALLBACK (open_filter_changed_cb), NULL);
  set_start_folder (self, GTK_FILE_CHOOSER (chooser));
  g_signal_connect (chooser, "response", G_CALLBACK (compare_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
compare_path_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_string (parameter, NULL));

  if (OCTA_WINDOW (widget)->project != NULL)
    compare_with (OCTA_WINDOW (widget), file);
}

/* ---- New project ------------------------------------------------------- */

typedef struct
{
  OctaWindow *window;
  char       *name;
} NewProject;

static void
new_project_free (NewProject *data)
{
  g_object_unref (data->window);
  g_free (data->name);
  g_free (data);
}

static void
new_project_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  GFile *folder = task_data;
  g_autofree char *name = g_file_get_basename (folder);
  g_autoptr(OctaProject) project = octa_project_new_blank (name);
  GError *error = NULL;

  if (!octa_project_save_to_folder (project, folder, OCTA_SAVE_MODE_WORKING, cancellable,
                                    &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&project), g_object_unref);
}

static void
new_project_done (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  OctaWindow *self = OCTA_WINDOW (source);
  GFile *folder = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(OctaProject) project = g_task_propagate_pointer (G_TASK (result), &error);
  OctaWindow *window;

  if (project == NULL)
    {
      g_autofree char *name = g_file_get_basename (folder);
      g_autofree char *heading = g_strdup_printf (_("%s wasn't created"), name);

      _octa_window_show_error (self, heading, error, TRUE);
      return;
    }

  window = octa_window_get_busy (self)
           ? octa_window_new (gtk_window_get_application (GTK_WINDOW (self))) : self;
  octa_window_set_project (window, project);
  octa_recent_projects_add (window->settings, folder);
  gtk_window_present (GTK_WINDOW (window));
}

static void
new_project_folder_cb (GtkNativeDialog *chooser,
                       int              response,
                       NewProject      *data)
{
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GTask) task = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    parent = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (parent != NULL)
    {
      /* The device-identical blank: 26 files written off the main thread. */
      task = g_task_new (data->window, NULL, new_project_done, NULL);
      g_task_set_name (task, "octa-new-project");
      g_task_set_task_data (task, g_file_get_child (parent, data->name), g_object_unref);
      g_task_run_in_thread (task, new_project_thread);
    }
  new_project_free (data);
}

static void
new_project_name_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     OctaWindow       *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "octa-entry");
  GtkFileChooserNative *chooser;
  NewProject *data;

  if (g_strcmp0 (response, "create") != 0)
    return;

  data = g_new0 (NewProject, 1);
  data->window = g_object_ref (self);
  data->name = g_utf8_strup (gtk_editable_get_text (entry), -1);
  g_strstrip (data->name);

  chooser = gtk_file_chooser_native_new (_("Choose Where to Create the Project"),
                                         GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Create Here"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (new_project_folder_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
name_changed_cb (GtkEditable      *entry,
                 AdwMessageDialog *dialog)
{
  g_autofree char *upper = g_utf8_strup (gtk_editable_get_text (entry), -1);
  gboolean ok = TRUE;

  g_strstrip (upper);
  /* The device names projects in upper-case ASCII, at most 12 characters. */
  if (upper[0] == '\0' || strlen (upper) > 12)
    ok = FALSE;
  for (const char *p = upper; ok && *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_' && *p != ' ')
      ok = FALSE;
  adw_message_dialog_set_response_enabled (dialog, "create", ok);
}

/**
 * octa_window_show_new_project_dialog:
 * @self: a window
 *
 * Asks for a name, then a folder, and creates a blank project there, byte
 * for byte what the device creates.
 */
void
octa_window_show_new_project_dialog (OctaWindow *self)
{
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  g_return_if_fail (OCTA_IS_WINDOW (self));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("New Project"),
                                                       _("Project names are upper case, up to "
                                                         "12 letters, digits or dashes, as on "
                                                         "the device.")));
  entry = gtk_entry_new ();
  gtk_entry_set_max_length (GTK_ENTRY (entry), 12);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_input_hints (GTK_ENTRY (entry), GTK_INPUT_HINT_UPPERCASE_CHARS);
  gtk_editable_set_text (GTK_EDITABLE (entry), "NEW-PROJECT");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Project name"),
                                  -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  g_object_set_data (G_OBJECT (dialog), "octa-entry", entry);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "create", _("_Choose Folder…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "create", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "create");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (entry, "changed", G_CALLBACK (name_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (new_project_name_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* ---- Navigation -------------------------------------------------------- */

static void
current_position (OctaWindow *self,
                  guint      *bank,
                  guint      *pattern)
{
  *bank = self->pattern ? octa_bank_get_index (octa_pattern_get_bank (self->pattern)) : 0;
  *pattern = self->pattern ? octa_pattern_get_index (self->pattern) : 0;
}

static void
select_pattern_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  guint bank, pattern;

  g_variant_get (parameter, "(uu)", &bank, &pattern);
  if (bank < OCTA_MATRIX_SIZE && pattern < OCTA_MATRIX_SIZE)
    octa_window_select_pattern (OCTA_WINDOW (widget), bank, pattern);
}

static void
step_pattern_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  OctaWindow *self = OCTA_WINDOW (widget);
  gboolean next = g_str_equal (action_name, "win.next-pattern");
  guint bank, pattern, position;

  if (self->project == NULL)
    return;
  current_position (self, &bank, &pattern);
  /* A16 → B01, like walking the device's pattern keys bank after bank. */
  position = bank * OCTA_MATRIX_SIZE + pattern;
  if (next && position + 1 < OCTA_MATRIX_SIZE * OCTA_MATRIX_SIZE)
    position++;
  else if (!next && position > 0)
    position--;
  octa_window_select_pattern (self, position / OCTA_MATRIX_SIZE, position % OCTA_MATRIX_SIZE);
}

static void
step_bank_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  OctaWindow *self = OCTA_WINDOW (widget);
  gboolean next = g_str_equal (action_name, "win.next-bank");
  guint bank, pattern;

  if (self->project == NULL)
    return;
  current_position (self, &bank, &pattern);
  if (next && bank + 1 < OCTA_MATRIX_SIZE)
    bank++;
  else if (!next && bank > 0)
    bank--;
  octa_window_select_pattern (self, bank, pattern);
}

static void
toggle_sidebar_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  OctaWindow *self = OCTA_WINDOW (widget);

  if (self->project == NULL)
    return;
  adw_flap_set_reveal_flap (self->sidebar_flap, !adw_flap_get_reveal_flap (self->sidebar_flap));
}

/* F6 walks sidebar → grid → inspector, as GNOME applications move between
 * panes; Shift+F6 walks back. */
static void
cycle_pane_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  OctaWindow *self = OCTA_WINDOW (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *panes[3];
  gboolean backward = g_str_equal (action_name, "win.cycle-pane-backward");
  guint n = 0;
  guint current = 0;

  if (self->project == NULL)
    return;

  panes[n++] = gtk_widget_get_parent (GTK_WIDGET (self->bank_matrix));
  panes[n++] = self->step_grid ? self->step_grid : GTK_WIDGET (self->grid_slot);
  if (self->step_inspector != NULL && adw_flap_get_reveal_flap (self->inspector_flap))
    panes[n++] = self->step_inspector;

  for (guint i = 0; i < n; i++)
    if (focus != NULL && (focus == panes[i] || gtk_widget_is_ancestor (focus, panes[i])))
      current = i;

  current = backward ? (current + n - 1) % n : (current + 1) % n;
  if (current == 0)
    {
      adw_flap_set_reveal_flap (self->sidebar_flap, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->bank_matrix));
    }
  else if (!gtk_widget_grab_focus (panes[current]))
    gtk_widget_child_focus (panes[current], GTK_DIR_TAB_FORWARD);
}

/* Ctrl+G: "B7", "b07", "B" (same number in bank B), "7" (same bank) or a
 * bank letter then a trig key ("bq" is B01, "bk" B16), by the keys' places
 * on a QWERTY keyboard. */
static const char trig_keys[] = "qwertyuiasdfghjk";

/**
 * _octa_window_parse_pattern:
 * @text: what the user typed
 * @current_bank: the bank shown, for a bare number
 * @current_pattern: the pattern shown, for a bare bank letter
 * @bank: (out): 0…15
 * @pattern: (out): 0…15
 *
 * Returns: whether @text names a pattern
 */
gboolean
_octa_window_parse_pattern (const char *text,
                            guint       current_bank,
                            guint       current_pattern,
                            guint      *bank,
                            guint      *pattern)
{
  g_autofree char *lower = g_ascii_strdown (text, -1);
  char *p = g_strstrip (lower);
  guint b = current_bank, n = current_pattern;

  if (*p >= 'a' && *p <= 'p')
    {
      b = *p - 'a';
      p++;
      while (*p == ' ')
        p++;
      if (*p != '\0' && !g_ascii_isdigit (*p))
        {
          const char *key = strchr (trig_keys, *p);

          if (key == NULL || p[1] != '\0')
            return FALSE;
          n = key - trig_keys;
          p++;
        }
    }
  else if (!g_ascii_isdigit (*p))
    return FALSE;

  if (*p != '\0')
    {
      guint64 number = 0;

      if (!g_ascii_string_to_unsigned (p, 10, 1, OCTA_MATRIX_SIZE, &number, NULL))
        return FALSE;
      n = number - 1;
    }
  *bank = b;
  *pattern = n;
  return TRUE;
}

static void
go_to_changed_cb (GtkEditable      *entry,
                  AdwMessageDialog *dialog)
{
  guint bank, pattern;

  adw_message_dialog_set_response_enabled (dialog, "go",
                                           _octa_window_parse_pattern (gtk_editable_get_text (entry),
                                                                       0, 0, &bank, &pattern));
}

static void
go_to_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   OctaWindow       *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "octa-entry");
  guint bank, pattern;

  if (g_strcmp0 (response, "go") != 0 || self->project == NULL)
    return;
  current_position (self, &bank, &pattern);
  if (_octa_window_parse_pattern (gtk_editable_get_text (entry), bank, pattern, &bank, &pattern))
    octa_window_select_pattern (self, bank, pattern);
}

static void
go_to_pattern_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  OctaWindow *self = OCTA_WINDOW (widget);
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  if (self->project == NULL)
    return;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Go to Pattern"),
                                                       NULL));
  adw_message_dialog_set_body (dialog,
                               _("Type a bank and a pattern, like B7 or b07, or a bank letter "
                                 "and a trig key, like BQ for B01."));
  entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_max_length (GTK_ENTRY (entry), 4);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pattern"),
                                  -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  g_object_set_data (G_OBJECT (dialog), "octa-entry", entry);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "go", _("_Go"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "go", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "go", FALSE);
  adw_message_dialog_set_default_response (dialog, "go");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (entry, "changed", G_CALLBACK (go_to_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (go_to_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
choose_part_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  OctaWindow *self = OCTA_WINDOW (widget);

  if (self->project != NULL && self->pattern_header != NULL)
    octa_pattern_header_choose_part (OCTA_PATTERN_HEADER (self->pattern_header));
}

/* ---- Pattern edits from the list's menu -------------------------------- */

static OctaPattern *
pattern_at (OctaWindow *self,
            GVariant   *parameter,
            guint      *bank,
            guint      *index)
{
  g_autoptr(OctaBank) bank_object = NULL;

  g_variant_get (parameter, "(uu)", bank, index);
  if (self->project == NULL || *bank >= OCTA_MATRIX_SIZE || *index >= OCTA_MATRIX_SIZE)
    return NULL;
  bank_object = octa_project_get_bank (self->project, *bank);
  return octa_bank_get_pattern (bank_object, *index);
}

/* The grid copies and pastes patterns (steps, track and pattern settings)
 * through the clipboard; the list's menu reuses it. */
static void
copy_pattern_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  OctaWindow *self = OCTA_WINDOW (widget);
  guint bank, index;
  g_autoptr(OctaPattern) pattern = pattern_at (self, parameter, &bank, &index);
  g_autofree char *label = NULL;
  g_autofree char *title = NULL;

  if (pattern == NULL || self->step_grid == NULL)
    return;
  octa_step_grid_copy_pattern (OCTA_STEP_GRID (self->step_grid), pattern);
  label = octa_pattern_dup_label (pattern);
  title = g_strdup_printf (_("Copied pattern %s"), label);
  _octa_window_show_toast (self, title, NULL, NULL);
}

static void
paste_pattern_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  OctaWindow *self = OCTA_WINDOW (widget);
  guint bank, index;
  g_autoptr(OctaPattern) pattern = pattern_at (self, parameter, &bank, &index);

  if (pattern == NULL || self->step_grid == NULL)
    return;
  /* pasted where the user can see it, and undo shows it again */
  octa_window_select_pattern (self, bank, index);
  gtk_widget_activate_action (self->step_grid, "grid.paste", NULL);
}


static void
clear_pattern_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  OctaWindow *self = OCTA_WINDOW (widget);
  g_autoptr(OctaBank) bank_object = NULL;
  g_autoptr(OctaPattern) pattern = NULL;
  g_autofree char *label = NULL;
  g_autofree char *title = NULL;
  guint bank, index;

  g_variant_get (parameter, "(uu)", &bank, &index);
  if (self->project == NULL || bank >= OCTA_MATRIX_SIZE || index >= OCTA_MATRIX_SIZE)
    return;

  bank_object = octa_project_get_bank (self->project, bank);
  pattern = octa_bank_get_pattern (bank_object, index);
  label = octa_pattern_dup_label (pattern);
  octa_pattern_clear (pattern);
  title = g_strdup_printf (_("Cleared pattern %s"), label);
  _octa_window_show_toast (self, title, _("Undo"), "win.undo");
}

static void
assign_part_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  OctaWindow *self = OCTA_WINDOW (widget);
  g_autoptr(OctaBank) bank_object = NULL;
  g_autoptr(OctaPattern) pattern = NULL;
  guint bank, index, part;

  g_variant_get (parameter, "(uuu)", &bank, &index, &part);
  if (self->project == NULL || bank >= OCTA_MATRIX_SIZE || index >= OCTA_MATRIX_SIZE ||
      part < 1 || part > 4)
    return;

  bank_object = octa_project_get_bank (self->project, bank);
  pattern = octa_bank_get_pattern (bank_object, index);
  octa_pattern_set_part (pattern, part);
}

static void
nothing_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
}

/* ---- State ------------------------------------------------------------- */

static void
update_save_tooltip (OctaWindow *self)
{
  if (g_settings_get_boolean (self->settings, "save-like-device"))
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->save_button),
                                 _("Save and store, like PROJECT › SAVE on the device (Ctrl+S)"));
  else
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->save_button),
                                 _("Save the working files, like SYNC TO CARD on the device "
                                   "(Ctrl+S)"));
}

void
_octa_window_update_actions (OctaWindow *self)
{
  gboolean has_project = self->project != NULL;
  gboolean idle = has_project && !self->saving;
  OctaHistory *history = has_project ? octa_project_get_history (self->project) : NULL;
  gboolean can_undo = idle && octa_history_get_can_undo (history);
  gboolean can_redo = idle && octa_history_get_can_redo (history);
  gboolean modified = has_project && octa_project_get_modified (self->project);
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "win.undo", can_undo);
  gtk_widget_action_set_enabled (widget, "win.redo", can_redo);
  gtk_widget_action_set_enabled (widget, "win.save", idle && (modified || self->temporary));
  gtk_widget_action_set_enabled (widget, "win.save-store", idle);
  gtk_widget_action_set_enabled (widget, "win.save-as", idle);
  gtk_widget_action_set_enabled (widget, "win.export-zip", idle);
  gtk_widget_action_set_enabled (widget, "win.compare-saved", has_project);
  gtk_widget_action_set_enabled (widget, "win.compare-project", has_project);
  gtk_widget_action_set_enabled (widget, "win.compare-path", has_project);
  gtk_widget_action_set_enabled (widget, "win.toggle-sidebar", has_project);
  gtk_widget_action_set_enabled (widget, "win.cycle-pane", has_project);
  gtk_widget_action_set_enabled (widget, "win.cycle-pane-backward", has_project);
  gtk_widget_action_set_enabled (widget, "win.next-pattern", has_project);
  gtk_widget_action_set_enabled (widget, "win.previous-pattern", has_project);
  gtk_widget_action_set_enabled (widget, "win.next-bank", has_project);
  gtk_widget_action_set_enabled (widget, "win.previous-bank", has_project);
  gtk_widget_action_set_enabled (widget, "win.select-pattern", has_project);
  gtk_widget_action_set_enabled (widget, "win.go-to-pattern", has_project);
  gtk_widget_action_set_enabled (widget, "win.choose-part", idle);
  gtk_widget_action_set_enabled (widget, "win.copy-pattern", has_project);
  gtk_widget_action_set_enabled (widget, "win.paste-pattern", idle);
  gtk_widget_action_set_enabled (widget, "win.clear-pattern", idle);
  gtk_widget_action_set_enabled (widget, "win.assign-part", idle);
  gtk_widget_action_set_enabled (widget, "win.cancel-open", self->cancellable != NULL);
  gtk_widget_action_set_enabled (widget, "win.nothing", FALSE);

  if (history != NULL && can_undo && octa_history_get_undo_label (history) != NULL)
    {
      g_autofree char *tip = g_strdup_printf (_("Undo %s (Ctrl+Z)"),
                                              octa_history_get_undo_label (history));

      gtk_widget_set_tooltip_text (self->undo_button, tip);
    }
  else
    gtk_widget_set_tooltip_text (self->undo_button, _("Undo (Ctrl+Z)"));

  if (history != NULL && can_redo && octa_history_get_redo_label (history) != NULL)
    {
      g_autofree char *tip = g_strdup_printf (_("Redo %s (Shift+Ctrl+Z)"),
                                              octa_history_get_redo_label (history));

      gtk_widget_set_tooltip_text (self->redo_button, tip);
    }
  else
    gtk_widget_set_tooltip_text (self->redo_button, _("Redo (Shift+Ctrl+Z)"));
}

/* GtkApplication would build the shortcuts window (the largest template
 * of all) with every window, before its first frame, had it been at
 * gtk/help-overlay.ui: it is built the first time it is asked for. */
static void
show_help_overlay_action (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  GtkApplicationWindow *window = user_data;
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/io/github/octadesk/Octadesk/help-overlay.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

void
_octa_window_actions_init (OctaWindow *self)
{
  g_autoptr(GAction) like_device = g_settings_create_action (self->settings,
                                                             "save-like-device");
  g_autoptr(GSimpleAction) help_overlay = g_simple_action_new ("show-help-overlay", NULL);

  g_signal_connect_object (help_overlay, "activate", G_CALLBACK (show_help_overlay_action),
                           self, 0);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (help_overlay));

  /* A setting, so it lives in the window's action map rather than the
   * class's: "win.save-like-device" reaches both. */
  g_action_map_add_action (G_ACTION_MAP (self), like_device);
  g_signal_connect_object (self->settings, "changed::save-like-device",
                           G_CALLBACK (update_save_tooltip), self, G_CONNECT_SWAPPED);
  update_save_tooltip (self);
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  OctaWindow *self = OCTA_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (self->project == NULL || adw_view_stack_get_child_by_name (self->view_stack, name) == NULL)
    return;
  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

void
_octa_window_class_actions_init (OctaWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-store", NULL, save_store_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.export-zip", NULL, export_zip_action);
  gtk_widget_class_install_action (widget_class, "win.open-path", "s", open_path_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-open", NULL, cancel_open_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL,
                                   toggle_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.cycle-pane", NULL, cycle_pane_action);
  gtk_widget_class_install_action (widget_class, "win.cycle-pane-backward", NULL,
                                   cycle_pane_action);
  gtk_widget_class_install_action (widget_class, "win.select-pattern", "(uu)",
                                   select_pattern_action);
  gtk_widget_class_install_action (widget_class, "win.next-pattern", NULL, step_pattern_action);
  gtk_widget_class_install_action (widget_class, "win.previous-pattern", NULL,
                                   step_pattern_action);
  gtk_widget_class_install_action (widget_class, "win.next-bank", NULL, step_bank_action);
  gtk_widget_class_install_action (widget_class, "win.previous-bank", NULL, step_bank_action);
  gtk_widget_class_install_action (widget_class, "win.go-to-pattern", NULL,
                                   go_to_pattern_action);
  gtk_widget_class_install_action (widget_class, "win.choose-part", NULL, choose_part_action);
  gtk_widget_class_install_action (widget_class, "win.copy-pattern", "(uu)",
                                   copy_pattern_action);
  gtk_widget_class_install_action (widget_class, "win.paste-pattern", "(uu)",
                                   paste_pattern_action);
  gtk_widget_class_install_action (widget_class, "win.clear-pattern", "(uu)",
                                   clear_pattern_action);
  gtk_widget_class_install_action (widget_class, "win.assign-part", "(uuu)",
                                   assign_part_action);
  gtk_widget_class_install_action (widget_class, "win.nothing", NULL, nothing_action);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "win.compare-saved", NULL,
                                   compare_saved_action);
  gtk_widget_class_install_action (widget_class, "win.compare-project", NULL,
                                   compare_project_action);
  gtk_widget_class_install_action (widget_class, "win.compare-path", "s", compare_path_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK,
                                       "win.compare-saved", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.compare-project", NULL);
}
