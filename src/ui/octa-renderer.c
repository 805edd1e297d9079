/* SPDX-License-Identifier: MIT */
/*
 * Where GL would be drawn by the CPU (Mesa's llvmpipe, as in virtual
 * machines, remote sessions and Xvfb), GTK's cairo renderer draws this
 * two-dimensional UI sooner and without mapping a shader compiler: the GL
 * stack alone costs such a machine some 60 MB and a third of the start-up.
 * GTK 4.8 sets GL up when it opens the display, so the choice has to be
 * made before that, from what the machine offers rather than from GL.
 */
#include "octa-renderer.h"

#include <string.h>

static gboolean
has_gpu_device (const char *dev_dir)
{
  g_autofree char *dri = g_build_filename (dev_dir, "dri", NULL);
  g_autofree char *nvidia = g_build_filename (dev_dir, "nvidiactl", NULL);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  /* NVIDIA's own driver renders through its control device, not DRM */
  if (g_file_test (nvidia, G_FILE_TEST_EXISTS))
    return TRUE;

  dir = g_dir_open (dri, 0, NULL);
  if (dir == NULL)
    return FALSE;
  /* Mesa's hardware drivers open a render node; a card node alone may be
   * a display controller with nothing to render on */
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "renderD"))
      return TRUE;
  return FALSE;
}

/**
 * octa_renderer_gl_is_software:
 * @dev_dir: the device directory to look in, normally "/dev"
 *
 * Whether OpenGL on this machine would run on the CPU: Mesa is told to
 * (LIBGL_ALWAYS_SOFTWARE), or there is no GPU device to render on.
 */
gboolean
octa_renderer_gl_is_software (const char *dev_dir)
{
  const char *forced = g_getenv ("LIBGL_ALWAYS_SOFTWARE");

  if (forced != NULL && *forced != '\0' && strcmp (forced, "0") != 0 &&
      g_ascii_strcasecmp (forced, "false") != 0)
    return TRUE;
  return !has_gpu_device (dev_dir);
}

/**
 * octa_renderer_choose:
 * @dev_dir: the device directory to look in, normally "/dev"
 *
 * Before GTK starts: on a machine whose GL would be software, asks GTK for
 * the cairo renderer and not to set GL up at all. A renderer named in
 * GSK_RENDERER is the user's choice and stands, and so does a GDK_DEBUG
 * that already says anything about GL.
 *
 * Returns: whether it asked for cairo
 */
gboolean
octa_renderer_choose (const char *dev_dir)
{
  const char *debug = g_getenv ("GDK_DEBUG");
  g_autofree char *with_gl_off = NULL;

  if (g_getenv ("GSK_RENDERER") != NULL || !octa_renderer_gl_is_software (dev_dir))
    return FALSE;
  if (debug != NULL && strstr (debug, "gl") != NULL)
    return FALSE;

  with_gl_off = debug != NULL && *debug != '\0' ? g_strconcat (debug, ",gl-disable", NULL)
                                                : g_strdup ("gl-disable");
  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  g_setenv ("GDK_DEBUG", with_gl_off, TRUE);
  return TRUE;
}
