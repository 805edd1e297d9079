/* SPDX-License-Identifier: MIT */
/*
 * The baseline for bench-ui-start: a libadwaita application that opens an
 * empty AdwApplicationWindow of Octadesk's default size and quits after its
 * first frame, printing the same line as OCTADESK_BENCH_FIRST_FRAME=1:
 * "first-frame-ms N rss-kb M renderer R" (time since main(), VmRSS at that
 * moment, the GSK renderer drawing the window).
 */
#include <adwaita.h>
#include <stdlib.h>
#include <string.h>

static gint64 start_us;

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
destroy_window (gpointer data)
{
  gtk_window_destroy (data);
  return G_SOURCE_REMOVE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                GtkWidget     *window)
{
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, window);
  g_print ("first-frame-ms %.1f rss-kb %ld renderer %s\n",
           (g_get_monotonic_time () - start_us) / 1000.0, read_rss_kb (),
           G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))));
  fflush (stdout);
  g_idle_add_full (G_PRIORITY_HIGH, destroy_window, g_object_ref (window), g_object_unref);
}

static void
realize_cb (GtkWidget *window)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (after_paint_cb), window, 0);
}

static void
activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;

  start_us = g_get_monotonic_time ();
  app = adw_application_new ("io.github.octadesk.OctadeskBenchBaseline",
                             G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
