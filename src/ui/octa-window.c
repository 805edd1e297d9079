/* SPDX-License-Identifier: MIT */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "octa-codec.h"
#include "octa-window-private.h"

#include "octa-arrangement-view.h"
#include "octa-bank-problem-page.h"
#include "octa-file-banner.h"
#include "octa-parts-view.h"
#include "octa-project-view.h"
#include "octa-samples-view.h"
#include "octa-pattern-header.h"
#include "octa-preferences-window.h"
#include "octa-step-grid.h"
#include "octa-step-inspector.h"

/**
 * OctaWindow:
 *
 * One project per window. Before a project is open the window shows the
 * start page; opening runs in a worker thread and shows the loading page
 * only when it takes longer than 300 ms. The Patterns view holds the bank ×
 * pattern matrix and the pattern list in the sidebar, the pattern header and
 * step grid in the middle and the step inspector at the end.
 */

#define LOADING_DELAY_MS 300

G_DEFINE_FINAL_TYPE (OctaWindow, octa_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_PATTERN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char bank_letters[] = "ABCDEFGHIJKLMNOP";

static void add_pattern_widgets (OctaWindow *self);

OctaWindow *
octa_window_new (GtkApplication *application)
{
  return g_object_new (OCTA_TYPE_WINDOW, "application", application, NULL);
}

/**
 * octa_window_get_project:
 * @self: a window
 *
 * Returns: (transfer none) (nullable): the open project
 */
OctaProject *
octa_window_get_project (OctaWindow *self)
{
  g_return_val_if_fail (OCTA_IS_WINDOW (self), NULL);
  return self->project;
}

/**
 * octa_window_get_pattern:
 * @self: a window
 *
 * Returns: (transfer none) (nullable): the pattern shown in the grid
 */
OctaPattern *
octa_window_get_pattern (OctaWindow *self)
{
  g_return_val_if_fail (OCTA_IS_WINDOW (self), NULL);
  return self->pattern;
}

/**
 * octa_window_get_busy:
 * @self: a window
 *
 * Returns: whether the window holds a project or is opening one; opening
 *   another project then takes a new window
 */
gboolean
octa_window_get_busy (OctaWindow *self)
{
  g_return_val_if_fail (OCTA_IS_WINDOW (self), FALSE);
  return self->project != NULL || self->cancellable != NULL;
}

void
_octa_window_update_title (OctaWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *window_title = NULL;
  const char *name;
  GFile *location;

  if (self->project == NULL)
    {
      adw_view_switcher_title_set_title (self->switcher_title, _("Octadesk"));
      adw_view_switcher_title_set_subtitle (self->switcher_title, NULL);
      adw_window_title_set_title (self->window_title, NULL);
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Octadesk"));
      return;
    }

  name = self->title_override ? self->title_override : octa_project_get_name (self->project);
  /* A leading bullet marks unsaved edits, as GNOME's text editor does. */
  if (octa_project_get_modified (self->project))
    title = g_strdup_printf ("• %s", name);
  else
    title = g_strdup (name);

  location = octa_project_get_location (self->project);
  if (self->subtitle_override != NULL)
    subtitle = g_strdup (self->subtitle_override);
  else if (location != NULL)
    subtitle = octa_describe_location (location);
  else
    subtitle = g_strdup (_("Not saved anywhere yet"));

  /* The switcher shows the title only when the window is too narrow for
   * the five views; otherwise the title sits beside Save. */
  adw_view_switcher_title_set_title (self->switcher_title, title);
  adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  window_title = g_strdup_printf ("%s — Octadesk", title);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

void
_octa_window_update_recent_menu (OctaWindow *self)
{
  g_autoptr(GPtrArray) list = octa_recent_projects_list (self->settings);

  g_menu_remove_all (self->recent_menu);
  for (guint i = 0; i < list->len; i++)
    {
      OctaRecentProject *recent = list->pdata[i];
      g_autoptr(GFile) file = g_file_new_for_path (recent->path);
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *display = g_filename_display_name (name);
      g_autoptr(GMenuItem) item = NULL;

      if (g_str_has_suffix (display, ".zip"))
        display[strlen (display) - 4] = '\0';
      item = g_menu_item_new (display, NULL);
      g_menu_item_set_action_and_target_value (item, "win.open-path",
                                               g_variant_new_string (recent->path));
      g_menu_append_item (self->recent_menu, item);
    }
  if (list->len == 0)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("No Recent Projects"), "win.nothing");

      g_menu_append_item (self->recent_menu, item);
    }
}

/* ---- The views beside Patterns ----------------------------------------- */

/* Each view sits in its own slot of the view stack, named as its page. */
static const struct
{
  const char *name;
  GType     (*get_type) (void);
  gsize       slot;
} views[] = {
  { "parts", octa_parts_view_get_type, G_STRUCT_OFFSET (OctaWindow, parts_slot) },
  { "samples", octa_samples_view_get_type, G_STRUCT_OFFSET (OctaWindow, samples_slot) },
  { "arrangements", octa_arrangement_view_get_type,
    G_STRUCT_OFFSET (OctaWindow, arrangements_slot) },
  { "project", octa_project_view_get_type, G_STRUCT_OFFSET (OctaWindow, project_slot) },
};

static AdwBin *
view_slot (OctaWindow *self,
           guint       index)
{
  return G_STRUCT_MEMBER (AdwBin *, self, views[index].slot);
}

/* The Parts view follows the bank and part of the pattern on screen. */
static void
sync_view (OctaWindow *self,
           GtkWidget  *view)
{
  GObjectClass *klass = G_OBJECT_GET_CLASS (view);

  g_object_set (view, "project", self->project, NULL);
  if (self->pattern != NULL && g_object_class_find_property (klass, "bank") != NULL)
    g_object_set (view, "bank", octa_bank_get_index (octa_pattern_get_bank (self->pattern)), NULL);
  if (self->pattern != NULL && g_object_class_find_property (klass, "part") != NULL)
    g_object_set (view, "part", octa_pattern_get_part (self->pattern) - 1, NULL);
}

static void
sync_views (OctaWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      GtkWidget *view = adw_bin_get_child (view_slot (self, i));

      if (view != NULL)
        sync_view (self, view);
    }
}

/* Part Save/Reload drop the other copy's values: the toast offers Undo. */
static void
view_toast_cb (OctaWindow *self,
               const char *text)
{
  _octa_window_show_toast (self, text, _("Undo"), "win.undo");
}

/* Views are built the first time they are shown: most sessions never open
 * some of them, and start-up stays quick. */
static void
ensure_view (OctaWindow *self,
             const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    if (g_strcmp0 (name, views[i].name) == 0
        && adw_bin_get_child (view_slot (self, i)) == NULL && self->project != NULL)
      {
        GtkWidget *view = g_object_new (views[i].get_type (), NULL);

        adw_bin_set_child (view_slot (self, i), view);
        if (g_signal_lookup ("toast", G_OBJECT_TYPE (view)) != 0)
          g_signal_connect_object (view, "toast", G_CALLBACK (view_toast_cb), self,
                                   G_CONNECT_SWAPPED);
        sync_view (self, view);
      }
}

/* The sidebar toggle belongs to the Patterns view's flap; the other views
 * carry their own left column. */
static void
view_changed_cb (AdwViewStack *stack,
                 GParamSpec   *pspec,
                 OctaWindow   *self)
{
  const char *name = adw_view_stack_get_visible_child_name (stack);
  gboolean patterns = g_strcmp0 (name, "patterns") == 0;

  gtk_widget_set_visible (GTK_WIDGET (self->sidebar_button), self->project != NULL && patterns);
  ensure_view (self, name);
}

/* The bar's buttons exist only while it shows: a wide window never needs
 * them, and each switcher is some eighty widgets. */
static void
switcher_bar_update (OctaWindow *self)
{
  gboolean shown = adw_view_switcher_title_get_title_visible (self->switcher_title) &&
                   adw_view_switcher_title_get_view_switcher_enabled (self->switcher_title);
  AdwViewStack *stack = shown ? self->view_stack : NULL;

  if (adw_view_switcher_bar_get_stack (self->switcher_bar) != stack)
    adw_view_switcher_bar_set_stack (self->switcher_bar, stack);
}

/* The menu's popover is built when it first opens, not with the window. */
static void
create_primary_menu (GtkMenuButton *button,
                     gpointer       user_data)
{
  OctaWindow *self = user_data;

  gtk_menu_button_set_menu_model (button, self->primary_menu);
}

static void
set_project_chrome_visible (OctaWindow *self,
                            gboolean    visible)
{
  gtk_widget_set_visible (self->undo_button, visible);
  gtk_widget_set_visible (self->redo_button, visible);
  gtk_widget_set_visible (GTK_WIDGET (self->save_button), visible);
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, visible);
  view_changed_cb (self->view_stack, NULL, self);
}

static gboolean
set_icon_idle (gpointer data)
{
  OctaWindow *self = data;

  self->icon_idle = 0;
  /* Windows opened from now on take the default; this one is realized
   * already and needs its own. */
  gtk_window_set_default_icon_name (OCTA_APP_ID);
  gtk_window_set_icon_name (GTK_WINDOW (self), OCTA_APP_ID);
  return G_SOURCE_REMOVE;
}

static void
icon_after_paint_cb (GdkFrameClock *clock,
                     OctaWindow    *self)
{
  /* a frame under way when the content arrived was laid out without it */
  if (gdk_frame_clock_get_frame_counter (clock) <= self->icon_frame)
    return;
  g_signal_handlers_disconnect_by_func (clock, icon_after_paint_cb, self);
  if (self->icon_idle == 0)
    self->icon_idle = g_idle_add_full (G_PRIORITY_LOW, set_icon_idle, self, NULL);
}

/* The application icon is a full-colour SVG: rendering it at every size the
 * window manager takes loads librsvg and costs more than the rest of the
 * window's first frame. It is set once the window shows its content. */
static void
defer_icon (OctaWindow *self)
{
  GdkFrameClock *clock;

  if (self->icon_deferred || gtk_window_get_icon_name (GTK_WINDOW (self)) != NULL)
    return;
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (clock == NULL)
    return;
  self->icon_deferred = TRUE;
  self->icon_frame = gdk_frame_clock_get_frame_counter (clock);
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (icon_after_paint_cb), self, 0);
}

static void
window_map_cb (OctaWindow *self)
{
  /* a project set before the window was shown */
  if (self->project != NULL)
    defer_icon (self);
}

/* The start page (recent projects, cards, the app icon) is built when it
 * is first shown, not with the window. */
static void
start_slot_map_cb (AdwBin     *slot,
                   OctaWindow *self)
{
  if (self->start_page != NULL)
    return;
  self->start_page = OCTA_START_PAGE (octa_start_page_new ());
  adw_bin_set_child (slot, GTK_WIDGET (self->start_page));
  defer_icon (self);
}

/* A bank whose file couldn't be read shows why instead of an empty grid. */
static void
update_bank_problem (OctaWindow *self)
{
  OctaBank *bank = NULL;
  gboolean unreadable;

  if (self->grid_stack == NULL)
    return;
  if (self->pattern != NULL)
    bank = g_object_ref (octa_pattern_get_bank (self->pattern));
  unreadable = bank != NULL && !octa_bank_get_readable (bank);
  /* built the first time a bank needs it: most projects never do */
  if (unreadable && self->bank_problem_page == NULL)
    {
      self->bank_problem_page = octa_bank_problem_page_new ();
      gtk_stack_add_named (self->grid_stack, self->bank_problem_page, "problem");
    }
  if (self->bank_problem_page != NULL)
    octa_bank_problem_page_set_bank (OCTA_BANK_PROBLEM_PAGE (self->bank_problem_page),
                                     unreadable ? bank : NULL);
  gtk_stack_set_visible_child_name (self->grid_stack, unreadable ? "problem" : "grid");
  gtk_widget_set_visible (GTK_WIDGET (self->header_slot), !unreadable);
  adw_flap_set_reveal_flap (self->inspector_flap, !unreadable);

  /* The stand-in's patterns are not the bank's: the list stays out of it. */
  g_clear_pointer (&bank, g_object_unref);
  if (self->project != NULL)
    bank = octa_project_get_bank (self->project,
                                  octa_bank_matrix_get_cursor_bank (self->bank_matrix));
  gtk_widget_set_visible (GTK_WIDGET (self->pattern_list),
                          bank == NULL || octa_bank_get_readable (bank));
  g_clear_pointer (&bank, g_object_unref);
}

static void
show_pattern (OctaWindow *self)
{
  g_autofree char *summary = NULL;

  octa_step_grid_set_pattern (OCTA_STEP_GRID (self->step_grid), self->pattern);
  octa_pattern_header_set_pattern (OCTA_PATTERN_HEADER (self->pattern_header), self->pattern);
  /* The grid already chose a step of the new pattern: show that one. */
  octa_step_inspector_set_step (OCTA_STEP_INSPECTOR (self->step_inspector),
                                octa_step_grid_get_step (OCTA_STEP_GRID (self->step_grid)));

  if (self->pattern != NULL)
    summary = octa_ui_pattern_dup_summary (self->pattern);
  adw_status_page_set_description (self->grid_placeholder, summary);
  update_bank_problem (self);
  sync_views (self);
}

/**
 * octa_window_select_pattern:
 * @self: a window
 * @bank: 0…15
 * @pattern: 0…15
 *
 * Shows a pattern in the grid and marks it in the sidebar.
 */
void
octa_window_select_pattern (OctaWindow *self,
                            guint       bank,
                            guint       pattern)
{
  g_autoptr(OctaBank) bank_object = NULL;

  g_return_if_fail (OCTA_IS_WINDOW (self));
  g_return_if_fail (bank < OCTA_MATRIX_SIZE && pattern < OCTA_MATRIX_SIZE);

  if (self->project == NULL)
    return;

  bank_object = octa_project_get_bank (self->project, bank);
  g_clear_object (&self->pattern);
  self->pattern = octa_bank_get_pattern (bank_object, pattern);

  octa_bank_matrix_set_current (self->bank_matrix, bank, pattern);
  /* the matrix's cursor moved: the list now shows this bank */
  octa_pattern_list_set_current (self->pattern_list, pattern);

  show_pattern (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATTERN]);
}

static void
matrix_pattern_activated_cb (OctaBankMatrix *matrix,
                             guint           bank,
                             guint           pattern,
                             OctaWindow     *self)
{
  octa_window_select_pattern (self, bank, pattern);
}

static void
list_pattern_activated_cb (OctaPatternList *list,
                           guint            bank,
                           guint            pattern,
                           OctaWindow      *self)
{
  octa_window_select_pattern (self, bank, pattern);
}

static void
matrix_cursor_bank_cb (OctaBankMatrix *matrix,
                       GParamSpec     *pspec,
                       OctaWindow     *self)
{
  guint bank = octa_bank_matrix_get_cursor_bank (matrix);
  g_autoptr(OctaBank) bank_object = NULL;
  g_autofree char *label = NULL;

  if (self->project == NULL)
    return;

  bank_object = octa_project_get_bank (self->project, bank);
  octa_pattern_list_set_bank (self->pattern_list, bank_object);
  octa_pattern_list_set_current (self->pattern_list,
                                 octa_bank_matrix_get_current_bank (matrix) == bank
                                 ? octa_bank_matrix_get_current_pattern (matrix) : G_MAXUINT);
  octa_pattern_list_set_unsaved (self->pattern_list,
                                 octa_bank_matrix_get_unsaved (matrix, bank));
  label = g_strdup_printf (_("Bank %c"), bank_letters[bank]);
  gtk_label_set_label (self->bank_label, label);
  update_bank_problem (self);
}

static void
matrix_unsaved_cb (OctaBankMatrix *matrix,
                   OctaWindow     *self)
{
  guint bank = octa_bank_matrix_get_cursor_bank (matrix);

  octa_pattern_list_set_unsaved (self->pattern_list,
                                 octa_bank_matrix_get_unsaved (matrix, bank));
}

static void
project_changed_cb (OctaWindow *self)
{
  if (self->pattern != NULL)
    {
      g_autofree char *summary = octa_ui_pattern_dup_summary (self->pattern);

      adw_status_page_set_description (self->grid_placeholder, summary);
    }
}

static void
remove_temp_dir (OctaWindow *self)
{
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GError) error = NULL;

  if (self->temp_dir == NULL)
    return;

  /* The demo lives in TEMP/octadesk-demo-XXXXXX/DEMO: two levels, files only. */
  dir = g_file_new_for_path (self->temp_dir);
  children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, &error);
  while (children != NULL)
    {
      GFileInfo *info = NULL;
      GFile *child = NULL;

      if (!g_file_enumerator_iterate (children, &info, &child, NULL, NULL) || info == NULL)
        break;
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        {
          g_autoptr(GFileEnumerator) inner =
            g_file_enumerate_children (child, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                       G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
          GFileInfo *inner_info = NULL;
          GFile *inner_child = NULL;

          while (inner != NULL &&
                 g_file_enumerator_iterate (inner, &inner_info, &inner_child, NULL, NULL) &&
                 inner_info != NULL)
            g_file_delete (inner_child, NULL, NULL);
        }
      g_file_delete (child, NULL, NULL);
    }
  g_file_delete (dir, NULL, NULL);
  g_clear_pointer (&self->temp_dir, g_free);
}

void
_octa_window_set_temporary (OctaWindow *self,
                            gboolean    temporary)
{
  self->temporary = temporary;
  if (!temporary)
    {
      g_clear_pointer (&self->title_override, g_free);
      g_clear_pointer (&self->subtitle_override, g_free);
    }
  _octa_window_update_title (self);
}

/* ---- the start-up benchmark's hook ------------------------------------ */

/* OCTADESK_BENCH_FIRST_FRAME=1 (bench/bench-ui-start.c): once the project
 * page has painted a frame with the step grid in it, print the time since
 * the process's first instant of main() and the resident memory, then close
 * the window, which ends the application. */

static gint64 bench_start_us;

/**
 * octa_window_bench_mark_start:
 *
 * Records the start of the process for OCTADESK_BENCH_FIRST_FRAME; main()
 * calls it first thing.
 */
void
octa_window_bench_mark_start (void)
{
  if (bench_start_us == 0)
    bench_start_us = g_get_monotonic_time ();
}

static long
read_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmRSS:");
  return line != NULL ? strtol (line + strlen ("VmRSS:"), NULL, 10) : -1;
}

static gboolean
bench_destroy_window (gpointer data)
{
  gtk_window_destroy (data);
  return G_SOURCE_REMOVE;
}

static void
bench_after_paint_cb (GdkFrameClock *clock,
                      OctaWindow    *self)
{
  GtkWidget *drawn = self->step_grid ? self->step_grid : GTK_WIDGET (self->grid_slot);

  if (gdk_frame_clock_get_frame_counter (clock) <= self->bench_frame ||
      !gtk_widget_get_mapped (drawn) || gtk_widget_get_width (drawn) == 0)
    return;

  g_signal_handlers_disconnect_by_func (clock, bench_after_paint_cb, self);
  g_print ("first-frame-ms %.1f rss-kb %ld renderer %s\n",
           (g_get_monotonic_time () - bench_start_us) / 1000.0, read_rss_kb (),
           G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (self))));
  fflush (stdout);
  /* not from inside the frame clock's own emission */
  g_idle_add_full (G_PRIORITY_HIGH, bench_destroy_window, g_object_ref (self), g_object_unref);
}

static void
bench_arm_first_frame (OctaWindow *self)
{
  GdkFrameClock *clock;

  if (g_strcmp0 (g_getenv ("OCTADESK_BENCH_FIRST_FRAME"), "1") != 0 || self->bench_armed)
    return;
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (clock == NULL)
    return;
  self->bench_armed = TRUE;
  /* a frame already under way may have been laid out before the project */
  self->bench_frame = gdk_frame_clock_get_frame_counter (clock);
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (bench_after_paint_cb), self, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * octa_window_set_project:
 * @self: a window
 * @project: (nullable): the project to show
 *
 * Shows @project, at pattern A01.
 */
void
octa_window_set_project (OctaWindow  *self,
                         OctaProject *project)
{
  g_return_if_fail (OCTA_IS_WINDOW (self));
  g_return_if_fail (project == NULL || OCTA_IS_PROJECT (project));

  if (self->project == project)
    return;

  add_pattern_widgets (self);
  g_clear_object (&self->pattern);
  g_set_object (&self->project, project);
  g_signal_group_set_target (self->project_signals, project);
  g_signal_group_set_target (self->history_signals,
                             project ? octa_project_get_history (project) : NULL);

  octa_bank_matrix_set_project (self->bank_matrix, project);
  if (project != NULL)
    {
      octa_window_select_pattern (self, 0, 0);
      /* the cursor may have been on bank A already: show its list anyway */
      matrix_cursor_bank_cb (self->bank_matrix, NULL, self);
      adw_view_stack_set_visible_child_name (self->main_stack, "project");
      gtk_widget_grab_focus (GTK_WIDGET (self->bank_matrix));
      bench_arm_first_frame (self);
      defer_icon (self);
    }
  else
    {
      octa_pattern_list_set_bank (self->pattern_list, NULL);
      show_pattern (self);
      adw_view_stack_set_visible_child_name (self->main_stack, "start");
    }

  sync_views (self);
  set_project_chrome_visible (self, project != NULL);
  _octa_window_update_title (self);
  _octa_window_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATTERN]);
}

static gboolean
show_loading_page (gpointer user_data)
{
  OctaWindow *self = user_data;

  self->loading_timeout = 0;
  adw_view_stack_set_visible_child_name (self->main_stack, "loading");
  gtk_spinner_start (self->loading_spinner);
  return G_SOURCE_REMOVE;
}

static void
begin_loading (OctaWindow *self,
               const char *name)
{
  g_autofree char *text = g_strdup_printf (_("Opening %s…"), name);

  /* A window that opens a project from the start (the demo, a path on the
   * command line) never builds the start page it would only flash. */
  if (self->start_page == NULL && self->project == NULL)
    adw_view_stack_set_visible_child_name (self->main_stack, "blank");

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  gtk_label_set_label (self->loading_label, text);
  g_clear_handle_id (&self->loading_timeout, g_source_remove);
  /* most projects open well under this: no flash of a spinner */
  self->loading_timeout = g_timeout_add (LOADING_DELAY_MS, show_loading_page, self);
  _octa_window_update_actions (self);
}

static void
end_loading (OctaWindow *self,
             gboolean    opened)
{
  g_clear_handle_id (&self->loading_timeout, g_source_remove);
  g_clear_object (&self->cancellable);
  gtk_spinner_stop (self->loading_spinner);
  /* an opened project follows at once: the start page isn't shown for it */
  if (self->project == NULL && !opened)
    adw_view_stack_set_visible_child_name (self->main_stack, "start");
  _octa_window_update_actions (self);
}

static char *
display_name_of (GFile *file)
{
  g_autofree char *base = g_file_get_basename (file);
  char *name = g_filename_display_name (base ? base : "/");

  if (g_str_has_suffix (name, ".zip"))
    name[strlen (name) - 4] = '\0';
  return name;
}

typedef struct
{
  OctaWindow *window;
  GFile      *file;
} LoadData;

static void
load_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  LoadData *data = user_data;
  g_autoptr(OctaWindow) self = data->window;
  g_autoptr(GFile) file = data->file;
  g_autoptr(GError) error = NULL;
  g_autoptr(OctaProject) project = octa_project_load_finish (result, &error);

  g_free (data);
  end_loading (self, project != NULL);

  if (project == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *name = display_name_of (file);
          g_autofree char *heading = g_strdup_printf (_("%s couldn't be opened"), name);

          _octa_window_show_error (self, heading, error, FALSE);
        }
      return;
    }

  octa_window_set_project (self, project);
  octa_recent_projects_add (self->settings, octa_project_get_location (project));
}

static OctaWindow *
find_window_for (OctaWindow *self,
                 GFile      *file)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (app == NULL)
    return NULL;
  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    {
      GFile *location;

      if (!OCTA_IS_WINDOW (l->data) || OCTA_WINDOW (l->data)->project == NULL)
        continue;
      location = octa_project_get_location (OCTA_WINDOW (l->data)->project);
      if (location != NULL && g_file_equal (location, file) && !OCTA_WINDOW (l->data)->temporary)
        return l->data;
    }
  return NULL;
}

static OctaWindow *
window_for_opening (OctaWindow *self)
{
  OctaWindow *window;

  if (!octa_window_get_busy (self))
    return self;

  window = octa_window_new (gtk_window_get_application (GTK_WINDOW (self)));
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

/**
 * octa_window_open_file:
 * @self: a window
 * @file: a project folder or zip
 *
 * Opens @file here when the window is empty, else in a new window; a project
 * already open in another window is brought to the front instead.
 */
void
octa_window_open_file (OctaWindow *self,
                       GFile      *file)
{
  OctaWindow *window;
  g_autofree char *name = NULL;
  LoadData *data;

  g_return_if_fail (OCTA_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  window = find_window_for (self, file);
  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  window = window_for_opening (self);
  name = display_name_of (file);
  begin_loading (window, name);
  data = g_new0 (LoadData, 1);
  data->window = g_object_ref (window);
  data->file = g_object_ref (file);
  octa_project_load_with_flags_async (file, OCTA_PROJECT_LOAD_FLAGS_OPEN_DAMAGED,
                                      window->cancellable, load_cb, data);
}

typedef struct
{
  char        *temp_dir;
  char        *project_dir;
} DemoData;

static void
demo_data_free (gpointer data)
{
  DemoData *demo = data;

  g_free (demo->temp_dir);
  g_free (demo->project_dir);
  g_free (demo);
}

static void
demo_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  DemoData *demo = task_data;
  g_autoptr(GFile) location = NULL;
  GError *error = NULL;
  OctaProject *project;

  demo->temp_dir = g_dir_make_tmp ("octadesk-demo-XXXXXX", &error);
  if (demo->temp_dir == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  demo->project_dir = g_build_filename (demo->temp_dir, "DEMO", NULL);
  if (g_mkdir (demo->project_dir, 0755) != 0)
    {
      int saved_errno = errno;

      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               "%s: %s", demo->project_dir, g_strerror (saved_errno));
      return;
    }

  location = g_file_new_for_path (demo->project_dir);
  project = octa_project_new_demo (location, cancellable, &error);
  if (project == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, project, g_object_unref);
}

static void
demo_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  OctaWindow *self = OCTA_WINDOW (source);
  DemoData *demo = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(OctaProject) project = g_task_propagate_pointer (G_TASK (result), &error);

  end_loading (self, project != NULL);

  if (project == NULL)
    {
      if (demo->temp_dir != NULL)
        {
          self->temp_dir = g_steal_pointer (&demo->temp_dir);
          remove_temp_dir (self);
        }
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _octa_window_show_error (self, _("The demo couldn't be opened"), error, FALSE);
      return;
    }

  self->temp_dir = g_steal_pointer (&demo->temp_dir);
  self->temporary = TRUE;
  g_free (self->title_override);
  self->title_override = g_strdup (_("Demo"));
  g_free (self->subtitle_override);
  self->subtitle_override = g_strdup (_("Not saved anywhere yet"));
  octa_window_set_project (self, project);
}

/**
 * octa_window_open_demo:
 * @self: a window
 *
 * Generates the demo project in a temporary folder and opens it (here when
 * the window is empty, else in a new window). Its first save is a Save As.
 */
void
octa_window_open_demo (OctaWindow *self)
{
  OctaWindow *window;
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (OCTA_IS_WINDOW (self));

  window = window_for_opening (self);
  begin_loading (window, _("the demo"));
  task = g_task_new (window, window->cancellable, demo_cb, NULL);
  g_task_set_source_tag (task, octa_window_open_demo);
  g_task_set_name (task, "octa_window_open_demo");
  g_task_set_task_data (task, g_new0 (DemoData, 1), demo_data_free);
  g_task_run_in_thread (task, demo_thread);
}

static void
history_changed_cb (OctaWindow *self)
{
  _octa_window_update_actions (self);
}

static void
project_modified_cb (OctaWindow *self)
{
  _octa_window_update_title (self);
  _octa_window_update_actions (self);
}

static gboolean
close_now (gpointer data)
{
  gtk_window_close (data);
  return G_SOURCE_REMOVE;
}

static void
close_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   OctaWindow       *self)
{
  if (g_strcmp0 (response, "discard") == 0)
    {
      /* after the dialog has finished closing itself */
      self->force_close = TRUE;
      g_idle_add_full (G_PRIORITY_DEFAULT, close_now, g_object_ref (self), g_object_unref);
    }
  else if (g_strcmp0 (response, "save") == 0)
    {
      self->close_after_save = TRUE;
      _octa_window_save (self, FALSE);
    }
}

static void
ask_before_closing (OctaWindow *self)
{
  g_autofree char *heading = NULL;
  const char *name = self->title_override ? self->title_override
                                          : octa_project_get_name (self->project);
  AdwMessageDialog *dialog;

  heading = g_strdup_printf (_("Save changes to %s?"), name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, NULL));
  adw_message_dialog_set_body (dialog,
                               _("Your edits live only in Octadesk until you save them. "
                                 "If you close without saving, they are lost."));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", self->temporary ? _("_Save As…") : _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_window_state (OctaWindow *self)
{
  int width, height;

  if (gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      g_settings_set_boolean (self->settings, "window-maximized", TRUE);
      return;
    }
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized", FALSE);
  if (width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_apply (self->settings);
}

static gboolean
octa_window_close_request (GtkWindow *window)
{
  OctaWindow *self = OCTA_WINDOW (window);

  if (self->project != NULL && octa_project_get_modified (self->project) && !self->force_close)
    {
      /* a save under way closes the window when it is done */
      if (self->saving)
        self->close_after_save = TRUE;
      else
        ask_before_closing (self);
      return TRUE;
    }

  save_window_state (self);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (octa_window_parent_class)->close_request (window);
}

static void
octa_window_dispose (GObject *object)
{
  OctaWindow *self = OCTA_WINDOW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->loading_timeout, g_source_remove);
  g_clear_handle_id (&self->pattern_widgets_idle, g_source_remove);
  g_clear_handle_id (&self->icon_idle, g_source_remove);
  if (self->project_signals != NULL)
    g_signal_group_set_target (self->project_signals, NULL);
  if (self->history_signals != NULL)
    g_signal_group_set_target (self->history_signals, NULL);
  g_clear_object (&self->project_signals);
  g_clear_object (&self->history_signals);
  g_clear_object (&self->pattern);
  g_clear_object (&self->project);
  g_clear_object (&self->toast);
  remove_temp_dir (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), OCTA_TYPE_WINDOW);

  G_OBJECT_CLASS (octa_window_parent_class)->dispose (object);
}

static void
octa_window_finalize (GObject *object)
{
  OctaWindow *self = OCTA_WINDOW (object);

  g_clear_object (&self->settings);
  g_free (self->loading_name);
  g_free (self->title_override);
  g_free (self->subtitle_override);
  g_free (self->temp_dir);

  G_OBJECT_CLASS (octa_window_parent_class)->finalize (object);
}

static void
octa_window_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  OctaWindow *self = OCTA_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_PATTERN:
      g_value_set_object (value, self->pattern);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
octa_window_class_init (OctaWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = octa_window_dispose;
  object_class->finalize = octa_window_finalize;
  object_class->get_property = octa_window_get_property;
  window_class->close_request = octa_window_close_request;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, OCTA_TYPE_PROJECT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PATTERN] =
    g_param_spec_object ("pattern", NULL, NULL, OCTA_TYPE_PATTERN,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (OCTA_TYPE_BANK_MATRIX);
  g_type_ensure (OCTA_TYPE_FILE_BANNER);
  g_type_ensure (OCTA_TYPE_PATTERN_LIST);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/octadesk/Octadesk/octa-window.ui");
  gtk_widget_class_bind_template_child (widget_class, OctaWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, OctaWindow, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, OctaWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, OctaWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, OctaWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, OctaWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, OctaWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, OctaWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, OctaWindow, parts_slot);
  gtk_widget_class_bind_template_child (widget_class, OctaWindow, samples_slot);
  gtk_widget_class_bind_template_child (widget_class, OctaWindow, arrangements_slot);
  gtk_widget_class_bind_template_child (widget_class, OctaWindow, project_slot);
  gtk_widget_class_bind_template_child (widget_class, OctaWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, OctaWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, OctaWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, OctaWindow, recent_menu);
  gtk_widget_class_bind_template_child (widget_class, OctaWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, OctaWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, OctaWindow, start_slot);
  gtk_widget_class_bind_template_child (widget_class, OctaWindow, loading_label);
  gtk_widget_class_bind_template_child (widget_class, OctaWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, OctaWindow, sidebar_flap);
  gtk_widget_class_bind_template_child (widget_class, OctaWindow, bank_matrix);
  gtk_widget_class_bind_template_child (widget_class, OctaWindow, bank_label);
  gtk_widget_class_bind_template_child (widget_class, OctaWindow, pattern_list);
  gtk_widget_class_bind_template_child (widget_class, OctaWindow, header_slot);
  gtk_widget_class_bind_template_child (widget_class, OctaWindow, inspector_flap);
  gtk_widget_class_bind_template_child (widget_class, OctaWindow, grid_slot);
  gtk_widget_class_bind_template_child (widget_class, OctaWindow, inspector_slot);
  gtk_widget_class_bind_template_child (widget_class, OctaWindow, grid_placeholder);
  gtk_widget_class_bind_template_callback (widget_class, start_slot_map_cb);
  gtk_widget_class_bind_template_callback (widget_class, matrix_pattern_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, matrix_cursor_bank_cb);
  gtk_widget_class_bind_template_callback (widget_class, matrix_unsaved_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_pattern_activated_cb);

  _octa_window_class_actions_init (klass);
}

static void
step_selected_cb (GtkWidget  *grid,
                  OctaStep   *step,
                  OctaWindow *self)
{
  g_autoptr(GPtrArray) steps = octa_step_grid_dup_selected_steps (OCTA_STEP_GRID (grid));

  octa_step_inspector_set_steps (OCTA_STEP_INSPECTOR (self->step_inspector),
                                 octa_step_grid_get_step (OCTA_STEP_GRID (grid)), steps);
}

static void
grid_selection_changed_cb (GtkWidget  *grid,
                           OctaWindow *self)
{
  step_selected_cb (grid, octa_step_grid_get_step (OCTA_STEP_GRID (grid)), self);
}

static void
add_pattern_widgets (OctaWindow *self)
{
  if (self->pattern_widgets_added)
    return;
  self->pattern_widgets_added = TRUE;
  g_clear_handle_id (&self->pattern_widgets_idle, g_source_remove);

  {
    /* All view (1140 px) scrolls sideways in narrower windows. */
    GtkWidget *scroller = gtk_scrolled_window_new ();

    self->step_grid = octa_step_grid_new ();
    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->step_grid);
    self->grid_stack = GTK_STACK (gtk_stack_new ());
    gtk_stack_add_named (self->grid_stack, scroller, "grid");
    adw_bin_set_child (self->grid_slot, GTK_WIDGET (self->grid_stack));
  }
  self->pattern_header = g_object_new (OCTA_TYPE_PATTERN_HEADER, NULL);
  adw_bin_set_child (self->header_slot, self->pattern_header);
  gtk_widget_set_visible (GTK_WIDGET (self->header_slot), TRUE);
  /* page, view and layer are shown in the header and kept by the grid */
  octa_pattern_header_set_grid (OCTA_PATTERN_HEADER (self->pattern_header),
                                OCTA_STEP_GRID (self->step_grid));
  {
    /* the design's 300 px column, whatever the inspector's contents ask */
    GtkWidget *clamp = adw_clamp_new ();

    adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 300);
    adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 300);
    self->step_inspector = g_object_new (OCTA_TYPE_STEP_INSPECTOR, NULL);
    adw_clamp_set_child (ADW_CLAMP (clamp), self->step_inspector);
    adw_bin_set_child (self->inspector_slot, clamp);
  }
  adw_flap_set_reveal_flap (self->inspector_flap, TRUE);
  g_settings_bind_with_mapping (self->settings, "trig-palette", self->step_grid,
                                "colorblind-palette", G_SETTINGS_BIND_GET,
                                octa_trig_palette_to_colorblind, NULL, NULL, NULL);
  g_settings_bind (self->settings, "show-unsaved-steps", self->step_grid, "show-unsaved",
                   G_SETTINGS_BIND_GET);
  g_signal_connect_object (self->step_grid, "step-selected",
                           G_CALLBACK (step_selected_cb), self, 0);
  g_signal_connect_object (self->step_grid, "selection-changed",
                           G_CALLBACK (grid_selection_changed_cb), self, 0);
}

static gboolean
add_pattern_widgets_idle (gpointer data)
{
  OctaWindow *self = data;

  self->pattern_widgets_idle = 0;
  add_pattern_widgets (self);
  return G_SOURCE_REMOVE;
}

static void
octa_window_init (OctaWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->switcher_title, "notify::title-visible",
                           G_CALLBACK (switcher_bar_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->switcher_title, "notify::view-switcher-enabled",
                           G_CALLBACK (switcher_bar_update), self, G_CONNECT_SWAPPED);
  switcher_bar_update (self);
  gtk_menu_button_set_create_popup_func (self->primary_menu_button, create_primary_menu, self,
                                         NULL);

  self->settings = g_settings_new (OCTA_APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  self->project_signals = g_signal_group_new (OCTA_TYPE_PROJECT);
  g_signal_group_connect_swapped (self->project_signals, "notify::modified",
                                  G_CALLBACK (project_modified_cb), self);
  g_signal_group_connect_swapped (self->project_signals, "notify::name",
                                  G_CALLBACK (_octa_window_update_title), self);
  g_signal_group_connect_swapped (self->project_signals, "notify::location",
                                  G_CALLBACK (_octa_window_update_title), self);
  g_signal_group_connect_swapped (self->project_signals, "changed",
                                  G_CALLBACK (project_changed_cb), self);
  g_signal_group_connect_swapped (self->project_signals, "notify::n-problems",
                                  G_CALLBACK (update_bank_problem), self);

  self->history_signals = g_signal_group_new (OCTA_TYPE_HISTORY);
  g_signal_group_connect_swapped (self->history_signals, "notify::can-undo",
                                  G_CALLBACK (history_changed_cb), self);
  g_signal_group_connect_swapped (self->history_signals, "notify::can-redo",
                                  G_CALLBACK (history_changed_cb), self);
  g_signal_group_connect_swapped (self->history_signals, "notify::undo-label",
                                  G_CALLBACK (history_changed_cb), self);
  g_signal_group_connect_swapped (self->history_signals, "notify::redo-label",
                                  G_CALLBACK (history_changed_cb), self);

  g_signal_connect (self, "map", G_CALLBACK (window_map_cb), NULL);
  g_signal_connect_object (self->settings, "changed::recent-projects",
                           G_CALLBACK (_octa_window_update_recent_menu), self,
                           G_CONNECT_SWAPPED);

  /* The grid, header and inspector take a good part of start-up to build:
   * built first thing from the main loop, they are made while a project
   * (the demo on the command line) is read in its worker thread. */
  self->pattern_widgets_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, add_pattern_widgets_idle,
                                                self, NULL);
  _octa_window_actions_init (self);
  _octa_window_dnd_init (self);
  _octa_window_update_recent_menu (self);
  _octa_window_update_title (self);
  _octa_window_update_actions (self);
}
