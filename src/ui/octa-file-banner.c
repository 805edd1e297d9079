/* SPDX-License-Identifier: MIT */
#include <glib/gi18n.h>

#include "octa-file-banner.h"

/**
 * OctaFileBanner:
 *
 * The strip under the header bar that says which files of the project
 * couldn't be read (design §6.3): never modal, hidden while every file was
 * read. Details lists file and reason; Open Saved Copy puts the readable
 * saved state in place of each working file that could not be read.
 */

struct _OctaFileBanner
{
  AdwBin        parent_instance;

  GtkRevealer  *revealer;
  GtkLabel     *label;
  GtkWidget    *open_saved_button;

  OctaProject  *project;
  gulong        problems_handler;
};

G_DEFINE_FINAL_TYPE (OctaFileBanner, octa_file_banner, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PROJECT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
any_saved_copy (OctaProject *project)
{
  g_auto(GStrv) names = octa_project_dup_problem_files (project);

  for (guint i = 0; names[i] != NULL; i++)
    if (octa_project_can_open_saved_copy (project, names[i]))
      return TRUE;
  return FALSE;
}

/**
 * octa_ui_open_saved_copies:
 * @project: a project
 *
 * Opens the saved copy of every working file that couldn't be read and has
 * a readable one.
 *
 * Returns: how many files now come from their saved copy
 */
guint
octa_ui_open_saved_copies (OctaProject *project)
{
  g_auto(GStrv) names = octa_project_dup_problem_files (project);
  guint n = 0;

  for (guint i = 0; names[i] != NULL; i++)
    if (octa_project_can_open_saved_copy (project, names[i]))
      {
        g_autoptr(GError) error = NULL;

        if (octa_project_open_saved_copy (project, names[i], &error))
          n++;
        else
          g_warning ("%s", error->message);
      }
  return n;
}

static void
update (OctaFileBanner *self)
{
  guint unread = 0, older = 0;

  if (self->project != NULL)
    {
      g_auto(GStrv) names = octa_project_dup_problem_files (self->project);

      for (guint i = 0; names[i] != NULL; i++)
        {
          if (octa_project_get_file_shown (self->project, names[i]))
            older++;
          else
            unread++;
        }
    }

  if (unread > 0 || older > 0)
    {
      g_autofree char *first = NULL;
      g_autofree char *second = NULL;
      g_autofree char *text = NULL;

      if (unread > 0)
        first = g_strdup_printf (g_dngettext (NULL,
                                              "%u file couldn't be read. The rest of the "
                                              "project is open.",
                                              "%u files couldn't be read. The rest of the "
                                              "project is open.", unread), unread);
      if (older > 0)
        second = g_strdup_printf (g_dngettext (NULL,
                                               "%u file is from an older Octatrack OS and "
                                               "stays as it is.",
                                               "%u files are from an older Octatrack OS and "
                                               "stay as they are.", older), older);
      text = g_strjoin (" ", first != NULL ? first : second,
                        first != NULL ? second : NULL, NULL);
      gtk_label_set_label (self->label, text);
      gtk_widget_set_visible (self->open_saved_button, any_saved_copy (self->project));
    }
  gtk_revealer_set_reveal_child (self->revealer, unread > 0 || older > 0);
}

static void
details_clicked_cb (OctaFileBanner *self)
{
  octa_file_banner_show_details (self);
}

static void
open_saved_clicked_cb (OctaFileBanner *self)
{
  if (self->project != NULL)
    octa_ui_open_saved_copies (self->project);
}

static void
details_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     OctaProject      *project)
{
  if (g_strcmp0 (response, "open-saved") == 0)
    octa_ui_open_saved_copies (project);
}

/**
 * octa_file_banner_show_details:
 * @self: a banner
 *
 * Presents the dialog listing each file that couldn't be read with its
 * reason in plain words.
 *
 * Returns: (transfer none) (nullable): the dialog, or %NULL without problems
 */
GtkWidget *
octa_file_banner_show_details (OctaFileBanner *self)
{
  g_auto(GStrv) names = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *dialog;
  GtkWidget *list;
  GtkRoot *root;
  guint n;

  g_return_val_if_fail (OCTA_IS_FILE_BANNER (self), NULL);

  if (self->project == NULL || (n = octa_project_get_n_problems (self->project)) == 0)
    return NULL;

  names = octa_project_dup_problem_files (self->project);
  heading = g_strdup_printf (g_dngettext (NULL, "%u file couldn't be read",
                                          "%u files couldn't be read", n), n);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   _("Octadesk left these files as they are on disk and won't "
                                     "write them. The rest of the project is open."));
  gtk_window_set_default_size (GTK_WINDOW (dialog), 560, -1);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *reason = octa_project_dup_problem_reason (self->project, names[i]);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), names[i]);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), reason);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  if (any_saved_copy (self->project))
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "open-saved",
                                       _("_Open Saved Copy"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "open-saved",
                                                  ADW_RESPONSE_SUGGESTED);
    }
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect_object (dialog, "response", G_CALLBACK (details_response_cb),
                           self->project, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
octa_file_banner_dispose (GObject *object)
{
  OctaFileBanner *self = OCTA_FILE_BANNER (object);

  /* No gtk_widget_dispose_template(): the revealer is the bin's own child,
   * which AdwBin unparents itself. */
  octa_file_banner_set_project (self, NULL);

  G_OBJECT_CLASS (octa_file_banner_parent_class)->dispose (object);
}

static void
octa_file_banner_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  OctaFileBanner *self = OCTA_FILE_BANNER (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
octa_file_banner_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  OctaFileBanner *self = OCTA_FILE_BANNER (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      octa_file_banner_set_project (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
octa_file_banner_class_init (OctaFileBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = octa_file_banner_dispose;
  object_class->get_property = octa_file_banner_get_property;
  object_class->set_property = octa_file_banner_set_property;

  /**
   * OctaFileBanner:project:
   *
   * The project whose unread files the banner tells about.
   */
  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, OCTA_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/octadesk/Octadesk/octa-file-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, OctaFileBanner, revealer);
  gtk_widget_class_bind_template_child (widget_class, OctaFileBanner, label);
  gtk_widget_class_bind_template_child (widget_class, OctaFileBanner, open_saved_button);
  gtk_widget_class_bind_template_callback (widget_class, details_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_saved_clicked_cb);
}

static void
octa_file_banner_init (OctaFileBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
octa_file_banner_new (void)
{
  return g_object_new (OCTA_TYPE_FILE_BANNER, NULL);
}

OctaProject *
octa_file_banner_get_project (OctaFileBanner *self)
{
  g_return_val_if_fail (OCTA_IS_FILE_BANNER (self), NULL);
  return self->project;
}

void
octa_file_banner_set_project (OctaFileBanner *self,
                              OctaProject    *project)
{
  g_return_if_fail (OCTA_IS_FILE_BANNER (self));
  g_return_if_fail (project == NULL || OCTA_IS_PROJECT (project));

  if (self->project == project)
    return;

  if (self->project != NULL)
    g_clear_signal_handler (&self->problems_handler, self->project);
  g_set_object (&self->project, project);
  if (project != NULL)
    self->problems_handler = g_signal_connect_swapped (project, "notify::n-problems",
                                                       G_CALLBACK (update), self);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

const char *
octa_file_banner_get_text (OctaFileBanner *self)
{
  g_return_val_if_fail (OCTA_IS_FILE_BANNER (self), NULL);
  return gtk_label_get_label (self->label);
}

gboolean
octa_file_banner_get_revealed (OctaFileBanner *self)
{
  g_return_val_if_fail (OCTA_IS_FILE_BANNER (self), FALSE);
  return gtk_revealer_get_reveal_child (self->revealer);
}

gboolean
octa_file_banner_get_can_open_saved (OctaFileBanner *self)
{
  g_return_val_if_fail (OCTA_IS_FILE_BANNER (self), FALSE);
  return gtk_revealer_get_reveal_child (self->revealer) &&
         gtk_widget_get_visible (self->open_saved_button);
}
