/* SPDX-License-Identifier: MIT */
#include <glib/gstdio.h>

#include "octa-renderer.h"
#include "octa-test-utils.h"

/*
 * The renderer choice made before GTK starts: cairo without GL where GL
 * would run on the CPU, the user's own environment always standing.
 * Device folders are made up here, so the machine's own /dev doesn't
 * decide the outcome.
 */

typedef struct
{
  char *dev;
} Fixture;

static void
add_node (Fixture    *f,
          const char *relative)
{
  g_autofree char *path = g_build_filename (f->dev, relative, NULL);
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (g_file_set_contents (path, "", 0, NULL));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  (void) data;
  f->dev = octa_test_make_tmpdir ();
  g_unsetenv ("GSK_RENDERER");
  g_unsetenv ("GDK_DEBUG");
  g_unsetenv ("LIBGL_ALWAYS_SOFTWARE");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  (void) data;
  octa_test_rm_rf (f->dev);
  g_free (f->dev);
}

static void
test_software_without_gpu (Fixture       *f,
                           gconstpointer  data)
{
  (void) data;
  g_assert_true (octa_renderer_gl_is_software (f->dev));
  /* a display controller with no render node draws nothing itself */
  add_node (f, "dri/card0");
  g_assert_true (octa_renderer_gl_is_software (f->dev));
}

static void
test_hardware_with_render_node (Fixture       *f,
                                gconstpointer  data)
{
  (void) data;
  add_node (f, "dri/card0");
  add_node (f, "dri/renderD128");
  g_assert_false (octa_renderer_gl_is_software (f->dev));

  /* unless Mesa is told to render on the CPU */
  g_setenv ("LIBGL_ALWAYS_SOFTWARE", "1", TRUE);
  g_assert_true (octa_renderer_gl_is_software (f->dev));
  g_setenv ("LIBGL_ALWAYS_SOFTWARE", "0", TRUE);
  g_assert_false (octa_renderer_gl_is_software (f->dev));
}

static void
test_hardware_with_nvidia (Fixture       *f,
                           gconstpointer  data)
{
  (void) data;
  add_node (f, "nvidiactl");
  g_assert_false (octa_renderer_gl_is_software (f->dev));
}

static void
test_choose_cairo (Fixture       *f,
                   gconstpointer  data)
{
  (void) data;
  g_assert_true (octa_renderer_choose (f->dev));
  g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "cairo");
  g_assert_cmpstr (g_getenv ("GDK_DEBUG"), ==, "gl-disable");
}

static void
test_choose_keeps_other_debug_flags (Fixture       *f,
                                     gconstpointer  data)
{
  (void) data;
  g_setenv ("GDK_DEBUG", "default-settings", TRUE);
  g_assert_true (octa_renderer_choose (f->dev));
  g_assert_cmpstr (g_getenv ("GDK_DEBUG"), ==, "default-settings,gl-disable");
}

static void
test_choose_respects_user (Fixture       *f,
                           gconstpointer  data)
{
  (void) data;
  g_setenv ("GSK_RENDERER", "gl", TRUE);
  g_assert_false (octa_renderer_choose (f->dev));
  g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "gl");
  g_assert_null (g_getenv ("GDK_DEBUG"));

  g_unsetenv ("GSK_RENDERER");
  g_setenv ("GDK_DEBUG", "gl-glx", TRUE);
  g_assert_false (octa_renderer_choose (f->dev));
  g_assert_null (g_getenv ("GSK_RENDERER"));
  g_assert_cmpstr (g_getenv ("GDK_DEBUG"), ==, "gl-glx");
}

static void
test_choose_leaves_hardware_alone (Fixture       *f,
                                   gconstpointer  data)
{
  (void) data;
  add_node (f, "dri/renderD128");
  g_assert_false (octa_renderer_choose (f->dev));
  g_assert_null (g_getenv ("GSK_RENDERER"));
  g_assert_null (g_getenv ("GDK_DEBUG"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/renderer/software-without-gpu", test_software_without_gpu);
  ADD ("/renderer/hardware-with-render-node", test_hardware_with_render_node);
  ADD ("/renderer/hardware-with-nvidia", test_hardware_with_nvidia);
  ADD ("/renderer/choose-cairo", test_choose_cairo);
  ADD ("/renderer/choose-keeps-other-debug-flags", test_choose_keeps_other_debug_flags);
  ADD ("/renderer/choose-respects-user", test_choose_respects_user);
  ADD ("/renderer/choose-leaves-hardware-alone", test_choose_leaves_hardware_alone);
#undef ADD

  return g_test_run ();
}
