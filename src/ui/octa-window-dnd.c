/* SPDX-License-Identifier: MIT */
#include "octa-window-private.h"

/*
 * A project folder or zip dropped anywhere on the window opens, through the
 * same path as the Open dialog: here if the window is empty, otherwise in
 * a new window.
 */

/**
 * _octa_window_open_files:
 * @self: the window
 * @files: (element-type GFile): dropped or given files
 *
 * Returns: whether anything was opened
 */
gboolean
_octa_window_open_files (OctaWindow *self,
                         GSList     *files)
{
  gboolean opened = FALSE;

  for (GSList *l = files; l != NULL; l = l->next)
    {
      GFile *file = l->data;

      if (!G_IS_FILE (file))
        continue;
      octa_window_open_file (self, file);
      opened = TRUE;
    }
  return opened;
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         OctaWindow    *self)
{
  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = gdk_file_list_get_files (g_value_get_boxed (value));
      gboolean opened = _octa_window_open_files (self, files);

      g_slist_free (files);
      return opened;
    }

  if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    {
      GSList one = { g_value_get_object (value), NULL };

      return _octa_window_open_files (self, &one);
    }

  return FALSE;
}

void
_octa_window_dnd_init (OctaWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };

  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}
