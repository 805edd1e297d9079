/* SPDX-License-Identifier: MIT */
#include <glib/gi18n.h>
#include <locale.h>

#include "octa-application.h"
#include "octa-renderer.h"
#include "octa-window.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(OctaApplication) app = NULL;

  octa_window_bench_mark_start ();
  /* still single-threaded, and GTK reads these when it opens the display */
  octa_renderer_choose ("/dev");
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, OCTA_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = octa_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
