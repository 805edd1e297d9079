/* SPDX-License-Identifier: MIT */
#include <glib/gi18n.h>

#include "octa-application.h"
#include "octa-preferences-window.h"
#include "octa-window.h"

/**
 * OctaApplication:
 *
 * One process, one window per project. Paths on the command line open
 * projects; `--demo` opens the generated demo project.
 */

struct _OctaApplication
{
  AdwApplication parent_instance;

  gboolean       open_demo;
};

G_DEFINE_FINAL_TYPE (OctaApplication, octa_application, ADW_TYPE_APPLICATION)

static const struct
{
  const char *action;
  const char *accels[3];
} accelerators[] = {
  { "app.quit", { "<Primary>q", NULL } },
  { "app.preferences", { "<Primary>comma", NULL } },
  { "app.open", { "<Primary>o", NULL } },
  { "app.new-project", { "<Primary>n", NULL } },
  { "window.close", { "<Primary>w", NULL } },
  { "win.save", { "<Primary>s", NULL } },
  { "win.save-store", { "<Primary><Alt>s", NULL } },
  { "win.save-as", { "<Primary><Shift>s", NULL } },
  { "win.export-zip", { "<Primary>e", NULL } },
  { "win.undo", { "<Primary>z", NULL } },
  { "win.redo", { "<Primary><Shift>z", NULL } },
  { "win.toggle-sidebar", { "F9", NULL } },
  { "win.cycle-pane", { "F6", NULL } },
  { "win.cycle-pane-backward", { "<Shift>F6", NULL } },
  { "win.next-pattern", { "<Primary>Page_Down", NULL } },
  { "win.previous-pattern", { "<Primary>Page_Up", NULL } },
  { "win.next-bank", { "<Primary><Shift>Page_Down", NULL } },
  { "win.previous-bank", { "<Primary><Shift>Page_Up", NULL } },
  { "win.go-to-pattern", { "<Primary>g", NULL } },
  { "win.choose-part", { "<Primary>p", NULL } },
  { "win.show-help-overlay", { "<Primary>question", NULL } },
  { "win.show-view::patterns", { "<Alt>1", NULL } },
  { "win.show-view::parts", { "<Alt>2", NULL } },
  { "win.show-view::samples", { "<Alt>3", NULL } },
  { "win.show-view::arrangements", { "<Alt>4", NULL } },
  { "win.show-view::project", { "<Alt>5", NULL } },
};

OctaApplication *
octa_application_new (void)
{
  GApplicationFlags flags = G_APPLICATION_HANDLES_OPEN;

  /* a start-up measurement must never hand its work to a running Octadesk */
  if (g_strcmp0 (g_getenv ("OCTADESK_BENCH_FIRST_FRAME"), "1") == 0)
    flags |= G_APPLICATION_NON_UNIQUE;

  return g_object_new (OCTA_TYPE_APPLICATION,
                       "application-id", OCTA_APP_ID,
                       "flags", flags,
                       "resource-base-path", "/io/github/octadesk/Octadesk",
                       NULL);
}

static OctaWindow *
empty_window (OctaApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
  OctaWindow *window;

  if (OCTA_IS_WINDOW (active) && !octa_window_get_busy (OCTA_WINDOW (active)))
    return OCTA_WINDOW (active);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (OCTA_IS_WINDOW (l->data) && !octa_window_get_busy (l->data))
      return l->data;

  window = octa_window_new (GTK_APPLICATION (self));
  return window;
}

static OctaWindow *
some_window (OctaApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (OCTA_IS_WINDOW (active))
    return OCTA_WINDOW (active);
  return empty_window (self);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *app = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (app));

  /* Each window asks about its own unsaved edits. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  OctaApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { "The Octadesk authors", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-name", _("Octadesk"),
                        "application-icon", OCTA_APP_ID,
                        "version", OCTA_VERSION,
                        "developer-name", _("The Octadesk authors"),
                        "developers", developers,
                        "comments", _("Edit Elektron Octatrack projects from a card, folder or "
                                      "zip, and write them back so the machine loads exactly "
                                      "what you meant."),
                        "license-type", GTK_LICENSE_MIT_X11,
                        "copyright", "© The Octadesk authors",
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  OctaApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  gtk_window_present (GTK_WINDOW (octa_preferences_window_new (parent)));
}

static void
new_window_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  OctaApplication *self = user_data;

  gtk_window_present (GTK_WINDOW (octa_window_new (GTK_APPLICATION (self))));
}

static void
open_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  OctaWindow *window = some_window (user_data);

  gtk_window_present (GTK_WINDOW (window));
  octa_window_show_open_dialog (window);
}

static void
new_project_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  OctaWindow *window = some_window (user_data);

  gtk_window_present (GTK_WINDOW (window));
  octa_window_show_new_project_dialog (window);
}

static void
demo_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  OctaWindow *window = empty_window (user_data);

  /* generated in a worker thread while the window is realized, the demo is
   * often ready for the window's very first frame */
  octa_window_open_demo (window);
  gtk_window_present (GTK_WINDOW (window));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action, NULL, NULL, NULL, { 0 } },
  { "about", about_action, NULL, NULL, NULL, { 0 } },
  { "preferences", preferences_action, NULL, NULL, NULL, { 0 } },
  { "new-window", new_window_action, NULL, NULL, NULL, { 0 } },
  { "open", open_action, NULL, NULL, NULL, { 0 } },
  { "new-project", new_project_action, NULL, NULL, NULL, { 0 } },
  { "demo", demo_action, NULL, NULL, NULL, { 0 } },
};

static void
octa_application_startup (GApplication *application)
{
  OctaApplication *self = OCTA_APPLICATION (application);

  G_APPLICATION_CLASS (octa_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  for (guint i = 0; i < G_N_ELEMENTS (accelerators); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accelerators[i].action,
                                           accelerators[i].accels);
  /* the windows set the application icon after their first frame */
}

static void
octa_application_activate (GApplication *application)
{
  OctaApplication *self = OCTA_APPLICATION (application);
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (self->open_demo)
    {
      self->open_demo = FALSE;
      g_action_group_activate_action (G_ACTION_GROUP (self), "demo", NULL);
      return;
    }

  if (active == NULL)
    active = GTK_WINDOW (octa_window_new (GTK_APPLICATION (self)));
  gtk_window_present (active);
}

static void
octa_application_open (GApplication  *application,
                       GFile        **files,
                       int            n_files,
                       const char    *hint)
{
  OctaApplication *self = OCTA_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    {
      OctaWindow *window = empty_window (self);

      gtk_window_present (GTK_WINDOW (window));
      octa_window_open_file (window, files[i]);
    }

  if (self->open_demo)
    octa_application_activate (application);
}

static int
octa_application_handle_local_options (GApplication *application,
                                       GVariantDict *options)
{
  OctaApplication *self = OCTA_APPLICATION (application);
  g_autoptr(GError) error = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("Octadesk %s\n", OCTA_VERSION);
      return 0;
    }

  if (!g_variant_dict_contains (options, "demo"))
    return -1;

  if (!g_application_register (application, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  /* Another Octadesk is running: it opens the demo in a window of its own. */
  if (g_application_get_is_remote (application))
    {
      g_action_group_activate_action (G_ACTION_GROUP (application), "demo", NULL);
      return 0;
    }

  self->open_demo = TRUE;
  return -1;
}

static void
octa_application_class_init (OctaApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->startup = octa_application_startup;
  app_class->activate = octa_application_activate;
  app_class->open = octa_application_open;
  app_class->handle_local_options = octa_application_handle_local_options;
}

static void
octa_application_init (OctaApplication *self)
{
  static const GOptionEntry entries[] = {
    { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Open the demo project, generated in a temporary folder"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and quit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self),
                                                     _("[PROJECT…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Edit Octatrack projects. PROJECT is a project "
                                              "folder or a project zip."));
  g_set_application_name (_("Octadesk"));
}
