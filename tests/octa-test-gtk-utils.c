/* SPDX-License-Identifier: MIT */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "octa-test-gtk-utils.h"
#include "octa-test-utils.h"

/**
 * octa_test_gtk_check_display:
 *
 * Returns: -1 when a display is there and the test should run; otherwise
 *   the exit status for main(), after printing the TAP skip line (or, with
 *   OCTA_REQUIRE_DISPLAY=1, a bail-out: CI must not hide a missing Xvfb)
 */
int
octa_test_gtk_check_display (void)
{
  const char *display = g_getenv ("DISPLAY");
  const char *wayland = g_getenv ("WAYLAND_DISPLAY");

  if ((display != NULL && *display != '\0') || (wayland != NULL && *wayland != '\0'))
    return -1;

  if (g_strcmp0 (g_getenv ("OCTA_REQUIRE_DISPLAY"), "1") == 0)
    {
      g_print ("Bail out! no display, and OCTA_REQUIRE_DISPLAY=1\n");
      return 1;
    }
  g_print ("1..0 # SKIP no display\n");
  return 0;
}

/**
 * octa_test_gtk_init:
 * @argc: main()'s argc
 * @argv: main()'s argv
 *
 * gtk_test_init(), then what it leaves wrong on Debian: the locale (it asks
 * for en_US.UTF-8, which containers lack), Adwaita's style, animations, and
 * desktop state (recent files) that must not land in the user's home.
 */
static char *test_home;

static void
remove_test_home (void)
{
  if (test_home != NULL)
    octa_test_rm_rf (test_home);
  g_clear_pointer (&test_home, g_free);
}

void
octa_test_gtk_init (int    *argc,
                    char ***argv)
{
  const char *home = test_home = g_dir_make_tmp ("octadesk-ui-test-XXXXXX", NULL);

  if (home != NULL)
    {
      g_autofree char *data = g_build_filename (home, "data", NULL);
      g_autofree char *config = g_build_filename (home, "config", NULL);
      g_autofree char *cache = g_build_filename (home, "cache", NULL);

      atexit (remove_test_home);
      g_mkdir_with_parents (data, 0700);
      g_mkdir_with_parents (config, 0700);
      g_mkdir_with_parents (cache, 0700);
      g_setenv ("XDG_DATA_HOME", data, TRUE);
      g_setenv ("XDG_CONFIG_HOME", config, TRUE);
      g_setenv ("XDG_CACHE_HOME", cache, TRUE);
    }

  /* GL is never used (GSK_RENDERER=cairo), but probing it loads a driver
   * whose allocations LeakSanitizer cannot name once it is unloaded. */
  {
    const char *debug = g_getenv ("GDK_DEBUG");
    g_autofree char *flags = NULL;

    if (debug == NULL || *debug == '\0')
      flags = g_strdup ("gl-disable");
    else if (strstr (debug, "gl-disable") == NULL)
      flags = g_strdup_printf ("%s,gl-disable", debug);
    if (flags != NULL)
      g_setenv ("GDK_DEBUG", flags, TRUE);
  }

  gtk_test_init (argc, argv, NULL);
  setlocale (LC_ALL, "C.UTF-8");
  adw_init ();
  octa_test_gtk_disable_animations ();
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    "/io/github/octadesk/Octadesk/icons");
}

void
octa_test_gtk_disable_animations (void)
{
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
}

/**
 * octa_test_gtk_flush:
 *
 * Runs the main context until nothing is pending, then syncs with the
 * display server.
 */
void
octa_test_gtk_flush (void)
{
  for (guint i = 0; i < 3; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      gdk_display_sync (gdk_display_get_default ());
    }
}

/**
 * octa_test_gtk_wait_for_draw:
 * @widget: a widget in a shown window
 */
void
octa_test_gtk_wait_for_draw (GtkWidget *widget)
{
  octa_test_gtk_flush ();
  gtk_test_widget_wait_for_draw (widget);
  octa_test_gtk_flush ();
}

static gboolean
timeout_cb (gpointer data)
{
  gboolean *expired = data;

  *expired = TRUE;
  return G_SOURCE_REMOVE;
}

/**
 * octa_test_gtk_wait_until:
 * @condition: checked after each main loop iteration
 * @data: for @condition
 * @timeout_ms: give up after this long
 *
 * Returns: whether @condition became true in time
 */
gboolean
octa_test_gtk_wait_until (gboolean (*condition) (gpointer data),
                          gpointer   data,
                          guint      timeout_ms)
{
  gboolean expired = FALSE;
  guint id = g_timeout_add (timeout_ms, timeout_cb, &expired);

  while (!condition (data) && !expired)
    g_main_context_iteration (NULL, TRUE);
  if (!expired)
    g_source_remove (id);
  return condition (data);
}

/**
 * octa_test_gtk_screenshot:
 * @widget: a drawn widget
 * @name: the file name without ".png"
 *
 * Renders @widget with its window's renderer into
 * G_TEST_BUILDDIR/screenshots/@name.png.
 *
 * Returns: (transfer full): the path of the PNG
 */
char *
octa_test_gtk_screenshot (GtkWidget  *widget,
                          const char *name)
{
  return octa_test_gtk_screenshot_scaled (widget, name, 1);
}

/**
 * octa_test_gtk_screenshot_scaled:
 * @widget: a drawn widget
 * @name: the file name without ".png"
 * @scale: how much to enlarge the picture, to look at small drawings
 *
 * Returns: (transfer full): the path of the PNG
 */
char *
octa_test_gtk_screenshot_scaled (GtkWidget  *widget,
                                 const char *name,
                                 int         scale)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *file = NULL;
  char *path;
  GskRenderer *renderer;
  int width, height;

  octa_test_gtk_wait_for_draw (widget);

  paintable = gtk_widget_paintable_new (widget);
  width = gdk_paintable_get_intrinsic_width (paintable);
  height = gdk_paintable_get_intrinsic_height (paintable);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  snapshot = gtk_snapshot_new ();
  gtk_snapshot_scale (snapshot, scale, scale);
  /* a widget alone has no background: give it its window's */
  if (!GTK_IS_WINDOW (widget))
    {
      GdkRGBA background;

      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget),
                                           "window_bg_color", &background))
        gdk_rgba_parse (&background, "white");
      G_GNUC_END_IGNORE_DEPRECATIONS
      gtk_snapshot_append_color (snapshot, &background,
                                 &GRAPHENE_RECT_INIT (0, 0, width, height));
    }
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width * scale,
                                                              height * scale));

  dir = g_test_build_filename (G_TEST_BUILT, "screenshots", NULL);
  g_mkdir_with_parents (dir, 0755);
  file = g_strdup_printf ("%s.png", name);
  path = g_build_filename (dir, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
  return path;
}

/**
 * octa_test_gtk_find_transient:
 * @parent: a window
 * @type: the dialog's type, such as ADW_TYPE_MESSAGE_DIALOG
 *
 * Returns: (transfer none) (nullable): a shown window of @type transient
 *   for @parent
 */
GtkWindow *
octa_test_gtk_find_transient (GtkWindow *parent,
                              GType      type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) &&
        gtk_window_get_transient_for (l->data) == parent &&
        gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

/*
 * Under LeakSanitizer (CI runs the suites with detect_leaks=1), caches that
 * the system libraries keep for the life of the process are not ours to
 * free. Only libraries that never allocate on Octadesk's behalf are listed,
 * so a widget or model object the code leaks still fails the test.
 */
const char *__lsan_default_suppressions (void);
const char *__asan_default_options (void);

/* Full stacks for every allocation, so the suppressions below can see
 * where a block came from (system libraries lack frame pointers). */
const char *
__asan_default_options (void)
{
  return "fast_unwind_on_malloc=0:malloc_context_size=8";
}

const char *
__lsan_default_suppressions (void)
{
  return "leak:libfontconfig.so\n"
         "leak:libpango-1.0.so\n"
         "leak:libpangoft2-1.0.so\n"
         "leak:libpangocairo-1.0.so\n"
         "leak:libharfbuzz.so\n"
         "leak:libcairo.so\n"
         "leak:libX11.so\n"
         "leak:libxkbcommon.so\n"
         "leak:libEGL\n"
         "leak:libGLX\n"
         "leak:libdbus-1.so\n"
         /* GLib's first quark table, dropped on purpose when it grows */
         "leak:_dl_init\n";
}

/**
 * octa_test_gtk_collect:
 * @root: where to look
 * @type: the widgets wanted
 * @found: (element-type GtkWidget): gets every descendant of @root of
 *   @type, depth first, a parent before its children
 */
void
octa_test_gtk_collect (GtkWidget *root,
                       GType      type,
                       GPtrArray *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        g_ptr_array_add (found, child);
      octa_test_gtk_collect (child, type, found);
    }
}

/**
 * octa_test_gtk_find:
 * @root: where to look
 * @type: the widget wanted
 * @nth: 0 for the first
 *
 * Returns: (transfer none) (nullable): the @nth descendant of @root of
 *   @type, in octa_test_gtk_collect()'s order
 */
GtkWidget *
octa_test_gtk_find (GtkWidget *root,
                    GType      type,
                    guint      nth)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  octa_test_gtk_collect (root, type, found);
  return nth < found->len ? g_ptr_array_index (found, nth) : NULL;
}

/**
 * octa_test_gtk_send_key:
 * @widget: a widget with key controllers
 * @keyval: the key
 * @mods: the modifiers held
 *
 * Offers a key press to @widget's key controllers in order, as a real one
 * reaching it would be.
 *
 * Returns: whether one of them handled it
 */
gboolean
octa_test_gtk_send_key (GtkWidget       *widget,
                        guint            keyval,
                        GdkModifierType  mods)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) c = g_list_model_get_item (controllers, i);
      gboolean handled = FALSE;

      if (!GTK_IS_EVENT_CONTROLLER_KEY (c))
        continue;
      g_signal_emit_by_name (c, "key-pressed", keyval, 0, mods, &handled);
      if (handled)
        return TRUE;
    }
  return FALSE;
}
