/* SPDX-License-Identifier: MIT */
#include <glib/gi18n.h>

#include "octa-start-page.h"

/**
 * OctaStartPage:
 *
 * What a window shows before a project is open: the application, the three
 * ways in (open, new, demo) and the recent projects. Its buttons activate
 * `app.open`, `app.new-project` and `app.demo`; a recent row activates
 * `win.open-path` with the row's path.
 *
 * Sets found on mounted volumes (a folder with `AUDIO/` beside project
 * folders holding `project.work`) are listed under "On the … card", one
 * expander per set with a row per project. The scan runs in a thread and
 * again whenever a volume comes or goes.
 */

#define RECENT_APP_NAME "Octadesk"

struct _OctaStartPage
{
  AdwBin            parent_instance;

  GtkWidget        *recent_box;
  GtkListBox       *recent_list;

  GtkWidget        *card_box;
  GtkLabel         *card_title;
  GtkListBox       *card_list;

  GSettings        *settings;
  GtkRecentManager *recent_manager;
  gulong            recent_changed_handler;

  GVolumeMonitor   *volume_monitor;
  GCancellable     *card_scan;
  GStrv             card_roots;
};

G_DEFINE_FINAL_TYPE (OctaStartPage, octa_start_page, ADW_TYPE_BIN)

enum {
  CARDS_SCANNED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
recent_project_free (gpointer data)
{
  OctaRecentProject *recent = data;

  g_free (recent->path);
  g_free (recent);
}

static gboolean
is_openable (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    return TRUE;
  return g_str_has_suffix (path, ".zip") && g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

static gboolean
contains_path (GPtrArray  *list,
               const char *path)
{
  for (guint i = 0; i < list->len; i++)
    if (g_strcmp0 (((OctaRecentProject *) list->pdata[i])->path, path) == 0)
      return TRUE;
  return FALSE;
}

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  const OctaRecentProject *ra = *(OctaRecentProject * const *) a;
  const OctaRecentProject *rb = *(OctaRecentProject * const *) b;

  return (ra->time < rb->time) - (ra->time > rb->time);
}

/**
 * octa_recent_projects_list:
 * @settings: the application's settings
 *
 * Returns: (transfer full) (element-type OctaRecentProject): up to ten
 *   projects that still exist, newest first
 */
GPtrArray *
octa_recent_projects_list (GSettings *settings)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (recent_project_free);
  g_autoptr(GVariant) value = g_settings_get_value (settings, "recent-projects");
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  GList *items = gtk_recent_manager_get_items (manager);
  GVariantIter iter;
  const char *path;
  gint64 time;

  g_variant_iter_init (&iter, value);
  while (g_variant_iter_next (&iter, "(&sx)", &path, &time))
    if (!contains_path (list, path) && is_openable (path))
      {
        OctaRecentProject *recent = g_new0 (OctaRecentProject, 1);

        recent->path = g_strdup (path);
        recent->time = time;
        g_ptr_array_add (list, recent);
      }

  /* Projects opened on another machine's settings (or before they were
   * cleared) are still known to the desktop's recent files. */
  for (GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      g_autofree char *file_path = NULL;
      g_autoptr(GFile) file = NULL;

      if (!gtk_recent_info_has_application (info, RECENT_APP_NAME))
        continue;
      file = g_file_new_for_uri (gtk_recent_info_get_uri (info));
      file_path = g_file_get_path (file);
      if (file_path == NULL || contains_path (list, file_path) || !is_openable (file_path))
        continue;
      {
        OctaRecentProject *recent = g_new0 (OctaRecentProject, 1);

        recent->path = g_steal_pointer (&file_path);
        recent->time = g_date_time_to_unix (gtk_recent_info_get_modified (info));
        g_ptr_array_add (list, recent);
      }
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);

  g_ptr_array_sort (list, compare_recent);
  if (list->len > OCTA_MAX_RECENT)
    g_ptr_array_set_size (list, OCTA_MAX_RECENT);
  return g_steal_pointer (&list);
}

/**
 * octa_recent_projects_add:
 * @settings: the application's settings
 * @location: a project folder or zip that was just opened or saved
 */
void
octa_recent_projects_add (GSettings *settings,
                          GFile     *location)
{
  g_autoptr(GVariant) value = g_settings_get_value (settings, "recent-projects");
  g_autofree char *path = g_file_get_path (location);
  g_autofree char *uri = g_file_get_uri (location);
  GVariantBuilder builder;
  GVariantIter iter;
  const char *old_path;
  gint64 time;
  guint n = 1;

  if (path == NULL)
    return;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(sx)"));
  g_variant_builder_add (&builder, "(sx)", path, g_get_real_time () / G_USEC_PER_SEC);
  g_variant_iter_init (&iter, value);
  while (n < OCTA_MAX_RECENT && g_variant_iter_next (&iter, "(&sx)", &old_path, &time))
    if (g_strcmp0 (old_path, path) != 0)
      {
        g_variant_builder_add (&builder, "(sx)", old_path, time);
        n++;
      }
  g_settings_set_value (settings, "recent-projects", g_variant_builder_end (&builder));

  {
    GtkRecentData data = {
      .display_name = NULL,
      .description = NULL,
      .mime_type = (char *) (g_str_has_suffix (path, ".zip") ? "application/zip"
                                                             : "inode/directory"),
      .app_name = (char *) RECENT_APP_NAME,
      .app_exec = (char *) "octadesk %u",
      .groups = NULL,
      .is_private = FALSE,
    };

    gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
  }
}

static gboolean
split_media_path (const char  *path,
                  char       **volume,
                  char       **rest)
{
  static const char *prefixes[] = { "/media/", "/run/media/" };

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (path, prefixes[i]))
      {
        g_auto(GStrv) parts = g_strsplit (path + strlen (prefixes[i]), "/", -1);

        /* /media/USER/VOLUME/… */
        if (g_strv_length (parts) < 2)
          return FALSE;
        *volume = g_strdup (parts[1]);
        *rest = parts[2] ? g_strjoinv (" › ", parts + 2) : g_strdup ("");
        return TRUE;
      }
  return FALSE;
}

/**
 * octa_describe_location:
 * @location: a project folder or zip
 *
 * Returns: (transfer full): where it is, for a subtitle: the card and set
 *   ("OCTATRACK › SET-2025") or the folder holding it ("~/Music/Octatrack")
 */
char *
octa_describe_location (GFile *location)
{
  g_autoptr(GFile) parent = g_file_get_parent (location);
  g_autofree char *path = parent ? g_file_get_path (parent) : NULL;
  g_autofree char *volume = NULL;
  g_autofree char *rest = NULL;
  const char *home = g_get_home_dir ();

  if (path == NULL)
    return g_file_get_parse_name (location);

  if (split_media_path (path, &volume, &rest))
    return rest[0] ? g_strdup_printf ("%s › %s", volume, rest) : g_steal_pointer (&volume);

  if (home != NULL && g_str_has_prefix (path, home) &&
      (path[strlen (home)] == '/' || path[strlen (home)] == '\0') && strcmp (home, "/") != 0)
    return g_strdup_printf ("~%s", path + strlen (home));

  return g_filename_display_name (path);
}

/**
 * octa_describe_time:
 * @unix_time: seconds since 1970
 *
 * Returns: (transfer full): "today 14:02", "yesterday 09:15", "3 days ago"
 *   or a date
 */
char *
octa_describe_time (gint64 unix_time)
{
  g_autoptr(GDateTime) then = g_date_time_new_from_unix_local (unix_time);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) today = NULL;
  g_autofree char *clock = NULL;
  GTimeSpan since;
  int days;

  if (then == NULL || now == NULL)
    return g_strdup ("");

  today = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                 g_date_time_get_day_of_month (now), 0, 0, 0);
  since = g_date_time_difference (today, then);
  clock = g_date_time_format (then, "%H:%M");

  if (since <= 0)
    return g_strdup_printf (_("today %s"), clock);
  days = (int) (since / G_TIME_SPAN_DAY) + 1;
  if (days == 1)
    return g_strdup_printf (_("yesterday %s"), clock);
  if (days < 7)
    return g_strdup_printf (g_dngettext (NULL, "%d day ago", "%d days ago", days), days);
  return g_date_time_format (then, "%e %B %Y");
}

static GtkWidget *
create_recent_row (const OctaRecentProject *recent)
{
  g_autoptr(GFile) file = g_file_new_for_path (recent->path);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *display = g_filename_display_name (name);
  g_autofree char *where = octa_describe_location (file);
  g_autofree char *when = octa_describe_time (recent->time);
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", where, when);
  g_autofree char *volume = NULL;
  g_autofree char *rest = NULL;
  gboolean zip = g_str_has_suffix (display, ".zip");
  gboolean card = split_media_path (recent->path, &volume, &rest);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon;
  GtkWidget *arrow;

  if (zip)
    display[strlen (display) - 4] = '\0';

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), display);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, recent->path);

  icon = gtk_image_new_from_icon_name (card ? "media-removable-symbolic"
                                       : zip ? "package-x-generic-symbolic"
                                       : "folder-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  card ? _("On a card") : zip ? _("Zip") : _("Folder"),
                                  -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);

  g_object_set_data_full (G_OBJECT (row), "octa-path", g_strdup (recent->path), g_free);
  return row;
}

static void
rebuild_recent (OctaStartPage *self)
{
  g_autoptr(GPtrArray) list = octa_recent_projects_list (self->settings);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  for (guint i = 0; i < list->len; i++)
    gtk_list_box_append (self->recent_list, create_recent_row (list->pdata[i]));

  gtk_widget_set_visible (self->recent_box, list->len > 0);
}

static void
recent_row_activated_cb (GtkListBox    *list_box,
                         GtkListBoxRow *row,
                         OctaStartPage *self)
{
  const char *path = g_object_get_data (G_OBJECT (row), "octa-path");

  if (path != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-path", "s", path);
}

/* {{{ Sets on cards */

typedef struct
{
  char      *volume;
  char      *path;
  char      *name;
  GPtrArray *projects;
} CardSet;

static void
card_set_free (gpointer data)
{
  CardSet *set = data;

  g_free (set->volume);
  g_free (set->path);
  g_free (set->name);
  g_ptr_array_unref (set->projects);
  g_free (set);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

/* A set folder holds AUDIO/ beside its projects; a project folder holds
 * project.work. FAT cards may come back in another case. */
static CardSet *
read_set (GFile        *folder,
          const char   *volume,
          GCancellable *cancellable)
{
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GPtrArray) projects = g_ptr_array_new_with_free_func (g_free);
  gboolean audio = FALSE;
  CardSet *set;

  children = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  if (children == NULL)
    return NULL;
  for (;;)
    {
      GFileInfo *info = NULL;
      GFile *child = NULL;
      const char *name;

      if (!g_file_enumerator_iterate (children, &info, &child, cancellable, NULL) || info == NULL)
        break;
      if (g_file_info_get_file_type (info) != G_FILE_TYPE_DIRECTORY)
        continue;
      name = g_file_info_get_name (info);
      if (g_ascii_strcasecmp (name, "AUDIO") == 0)
        audio = TRUE;
      else
        {
          g_autoptr(GFile) work = g_file_get_child (child, "project.work");

          if (g_file_query_exists (work, cancellable))
            g_ptr_array_add (projects, g_strdup (name));
        }
    }
  if (!audio || projects->len == 0)
    return NULL;

  g_ptr_array_sort (projects, compare_names);
  set = g_new0 (CardSet, 1);
  set->volume = g_strdup (volume);
  set->path = g_file_get_path (folder);
  set->name = g_file_get_basename (folder);
  set->projects = g_steal_pointer (&projects);
  return set;
}

static void
scan_root (const char   *root,
           GPtrArray    *sets,
           GCancellable *cancellable)
{
  g_autoptr(GFile) file = g_file_new_for_path (root);
  g_autoptr(GFileEnumerator) children = NULL;
  g_autofree char *volume = g_file_get_basename (file);

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  if (children == NULL)
    return;
  for (;;)
    {
      GFileInfo *info = NULL;
      GFile *child = NULL;
      CardSet *set;

      if (!g_file_enumerator_iterate (children, &info, &child, cancellable, NULL) || info == NULL)
        break;
      if (g_file_info_get_file_type (info) != G_FILE_TYPE_DIRECTORY)
        continue;
      set = read_set (child, volume, cancellable);
      if (set != NULL)
        g_ptr_array_add (sets, set);
    }
}

static int
compare_sets (gconstpointer a,
              gconstpointer b)
{
  const CardSet *sa = *(CardSet * const *) a;
  const CardSet *sb = *(CardSet * const *) b;
  int c = g_utf8_collate (sa->volume, sb->volume);

  return c != 0 ? c : g_utf8_collate (sa->name, sb->name);
}

static void
scan_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  const char *const *roots = task_data;
  GPtrArray *sets = g_ptr_array_new_with_free_func (card_set_free);

  for (guint i = 0; roots[i] != NULL; i++)
    scan_root (roots[i], sets, cancellable);
  g_ptr_array_sort (sets, compare_sets);
  g_task_return_pointer (task, sets, (GDestroyNotify) g_ptr_array_unref);
}

static void
project_row_activated_cb (AdwActionRow  *row,
                          OctaStartPage *self)
{
  const char *path = g_object_get_data (G_OBJECT (row), "octa-path");

  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-path", "s", path);
}

static GtkWidget *
create_set_row (OctaStartPage *self,
                const CardSet *set)
{
  GtkWidget *row = adw_expander_row_new ();
  g_autofree char *names = NULL;
  GtkWidget *icon = gtk_image_new_from_icon_name ("media-removable-symbolic");

  g_ptr_array_add (set->projects, NULL);
  names = g_strjoinv (", ", (char **) set->projects->pdata);
  g_ptr_array_remove_index (set->projects, set->projects->len - 1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), set->name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), names);
  gtk_widget_set_tooltip_text (row, set->path);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("On a card"), -1);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), icon);

  for (guint i = 0; i < set->projects->len; i++)
    {
      const char *name = g_ptr_array_index (set->projects, i);
      g_autofree char *path = g_build_filename (set->path, name, NULL);
      GtkWidget *project = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (project), name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (project), FALSE);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (project), TRUE);
      gtk_widget_set_tooltip_text (project, path);
      adw_action_row_add_suffix (ADW_ACTION_ROW (project),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (project), "octa-path", g_steal_pointer (&path), g_free);
      g_signal_connect (project, "activated", G_CALLBACK (project_row_activated_cb), self);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), project);
    }
  return row;
}

static void
scan_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GPtrArray) sets = g_task_propagate_pointer (G_TASK (result), NULL);
  OctaStartPage *self;
  GtkWidget *child;
  g_autofree char *title = NULL;
  gboolean one_volume = TRUE;

  /* cancelled: the page is gone or a newer scan runs */
  if (sets == NULL || g_task_had_error (G_TASK (result)))
    return;
  self = OCTA_START_PAGE (source);
  g_clear_object (&self->card_scan);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->card_list))) != NULL)
    gtk_list_box_remove (self->card_list, child);
  for (guint i = 0; i < sets->len; i++)
    {
      const CardSet *set = g_ptr_array_index (sets, i);

      one_volume &= g_strcmp0 (set->volume, ((CardSet *) sets->pdata[0])->volume) == 0;
      gtk_list_box_append (self->card_list, create_set_row (self, set));
    }
  if (sets->len > 0 && one_volume)
    title = g_strdup_printf (_("On the %s card"), ((CardSet *) sets->pdata[0])->volume);
  else
    title = g_strdup (_("On cards"));
  gtk_label_set_text (self->card_title, title);
  gtk_widget_set_visible (self->card_box, sets->len > 0);
  g_signal_emit (self, signals[CARDS_SCANNED], 0);
}

static void
rescan_cards (OctaStartPage *self)
{
  g_autoptr(GPtrArray) roots = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GTask) task = NULL;
  const char *extra = g_getenv ("OCTADESK_CARD_ROOTS");

  if (self->card_scan != NULL)
    g_cancellable_cancel (self->card_scan);
  g_clear_object (&self->card_scan);
  self->card_scan = g_cancellable_new ();

  if (self->volume_monitor != NULL)
    {
      GList *mounts = g_volume_monitor_get_mounts (self->volume_monitor);

      for (GList *l = mounts; l != NULL; l = l->next)
        {
          g_autoptr(GFile) root = g_mount_get_root (l->data);
          char *path = g_file_get_path (root);

          if (path != NULL)
            g_ptr_array_add (roots, path);
        }
      g_list_free_full (mounts, g_object_unref);
    }
  if (extra != NULL && extra[0] != '\0')
    {
      g_auto(GStrv) paths = g_strsplit (extra, G_SEARCHPATH_SEPARATOR_S, -1);

      for (guint i = 0; paths[i] != NULL; i++)
        if (paths[i][0] != '\0')
          g_ptr_array_add (roots, g_strdup (paths[i]));
    }
  for (guint i = 0; self->card_roots != NULL && self->card_roots[i] != NULL; i++)
    g_ptr_array_add (roots, g_strdup (self->card_roots[i]));
  g_ptr_array_add (roots, NULL);

  task = g_task_new (self, self->card_scan, scan_done_cb, NULL);
  g_task_set_source_tag (task, rescan_cards);
  g_task_set_task_data (task, g_ptr_array_steal (roots, NULL), (GDestroyNotify) g_strfreev);
  g_task_run_in_thread (task, scan_thread);
}

/**
 * octa_start_page_set_card_roots:
 * @self: a start page
 * @roots: (nullable) (array zero-terminated=1): folders to look for sets
 *   in, besides the mounted volumes (and `OCTADESK_CARD_ROOTS`, a
 *   search-path list)
 *
 * Sets @roots and scans again; #OctaStartPage::cards-scanned tells when the
 * list is up to date.
 */
void
octa_start_page_set_card_roots (OctaStartPage     *self,
                                const char *const *roots)
{
  g_return_if_fail (OCTA_IS_START_PAGE (self));

  g_strfreev (self->card_roots);
  self->card_roots = g_strdupv ((char **) roots);
  rescan_cards (self);
}

/**
 * octa_start_page_get_card_list:
 * @self: a start page
 *
 * Returns: (transfer none): the list of sets found on cards
 */
GtkListBox *
octa_start_page_get_card_list (OctaStartPage *self)
{
  g_return_val_if_fail (OCTA_IS_START_PAGE (self), NULL);
  return self->card_list;
}

/* }}} */

GtkWidget *
octa_start_page_new (void)
{
  return g_object_new (OCTA_TYPE_START_PAGE, NULL);
}

/**
 * octa_start_page_get_recent_list:
 * @self: a start page
 *
 * Returns: (transfer none): the list of recent projects
 */
GtkListBox *
octa_start_page_get_recent_list (OctaStartPage *self)
{
  g_return_val_if_fail (OCTA_IS_START_PAGE (self), NULL);
  return self->recent_list;
}

static void
octa_start_page_dispose (GObject *object)
{
  OctaStartPage *self = OCTA_START_PAGE (object);

  g_clear_signal_handler (&self->recent_changed_handler, self->recent_manager);
  g_clear_object (&self->settings);
  if (self->card_scan != NULL)
    g_cancellable_cancel (self->card_scan);
  g_clear_object (&self->card_scan);
  if (self->volume_monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->volume_monitor, self);
  g_clear_object (&self->volume_monitor);
  g_clear_pointer (&self->card_roots, g_strfreev);
  gtk_widget_dispose_template (GTK_WIDGET (self), OCTA_TYPE_START_PAGE);

  G_OBJECT_CLASS (octa_start_page_parent_class)->dispose (object);
}

static void
octa_start_page_class_init (OctaStartPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = octa_start_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/octadesk/Octadesk/octa-start-page.ui");
  gtk_widget_class_bind_template_child (widget_class, OctaStartPage, recent_box);
  gtk_widget_class_bind_template_child (widget_class, OctaStartPage, recent_list);
  gtk_widget_class_bind_template_child (widget_class, OctaStartPage, card_box);
  gtk_widget_class_bind_template_child (widget_class, OctaStartPage, card_title);
  gtk_widget_class_bind_template_child (widget_class, OctaStartPage, card_list);

  /**
   * OctaStartPage::cards-scanned:
   * @self: the start page
   *
   * Emitted when a scan for sets on cards has finished and the list shows
   * its result.
   */
  signals[CARDS_SCANNED] =
    g_signal_new ("cards-scanned", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_bind_template_callback (widget_class, recent_row_activated_cb);
}

static void
octa_start_page_init (OctaStartPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (OCTA_APP_ID);
  g_signal_connect_object (self->settings, "changed::recent-projects",
                           G_CALLBACK (rebuild_recent), self, G_CONNECT_SWAPPED);
  self->recent_manager = gtk_recent_manager_get_default ();
  self->recent_changed_handler =
    g_signal_connect_swapped (self->recent_manager, "changed", G_CALLBACK (rebuild_recent), self);
  rebuild_recent (self);

  self->volume_monitor = g_volume_monitor_get ();
  g_signal_connect_swapped (self->volume_monitor, "mount-added", G_CALLBACK (rescan_cards), self);
  g_signal_connect_swapped (self->volume_monitor, "mount-removed",
                            G_CALLBACK (rescan_cards), self);
  g_signal_connect_swapped (self->volume_monitor, "mount-changed",
                            G_CALLBACK (rescan_cards), self);
  rescan_cards (self);
}
