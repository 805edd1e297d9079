/* SPDX-License-Identifier: MIT */
/*
 * Start-up: `octadesk --demo` from spawn to the first frame of the demo's
 * project page (OCTADESK_BENCH_FIRST_FRAME=1 makes it print a line then and
 * quit), median of 7, next to a baseline measured in the same run: an empty
 * AdwApplicationWindow (bench-ui-baseline) from spawn to its first frame.
 * Resident memory (VmRSS) at that frame, for both. Issue 4 asks for a start
 * within 0.5 s and at most 100 MB with a project open.
 *
 * The renderer decides much of both figures: under Xvfb GL is llvmpipe,
 * whose code and buffers alone take some 60 MB, and GTK 4.8 sets GL up when
 * it opens the display even when cairo draws. So both programs run under
 * each setting below, the baseline always under the same environment as the
 * application: first as a user starts them (Octadesk then picks cairo
 * without GL where GL would be software, src/ui/octa-renderer.c; the
 * baseline takes GTK's default), then with the renderer forced. Each line
 * names the renderer that drew. GSK_RENDERER in the environment limits the
 * run to that one setting.
 *
 *   bench-ui-start OCTADESK BASELINE [OCTADESK-BEFORE]
 *
 * OCTADESK-BEFORE, an earlier build, runs interleaved with the others, so
 * a change is judged against figures from the same run.
 *
 * Needs a display: run under xvfb-run. Without one it says so and exits 0.
 */
#include <gio/gio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N_RUNS 7
#define TARGET_MS 500.0
#define TARGET_RSS_KB (100 * 1024)

typedef struct
{
  double spawn_ms[N_RUNS];
  double main_ms[N_RUNS];
  double rss_kb[N_RUNS];
  char   renderer[64];
} Figures;

typedef struct
{
  const char *name;
  const char *gsk_renderer;  /* NULL: unset */
  const char *gdk_debug;     /* NULL: unset */
} Setting;

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (const double *values,
        guint         n)
{
  g_autofree double *sorted = g_memdup2 (values, n * sizeof (double));

  qsort (sorted, n, sizeof (double), compare_double);
  return n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

/* One start: the time from spawn to the program's line, and what it says. */
static gboolean
run_once (const char     *program,
          const Setting  *setting,
          gboolean        demo,
          double         *spawn_ms,
          double         *main_ms,
          double         *rss_kb,
          char            renderer[64],
          GError        **error)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autofree char *line = NULL;
  gint64 start;
  long rss = 0;
  double ms = 0;

  g_subprocess_launcher_setenv (launcher, "OCTADESK_BENCH_FIRST_FRAME", "1", TRUE);
  /* neither the window size nor anything else lands in the user's settings */
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "memory", TRUE);
  if (setting->gsk_renderer != NULL)
    g_subprocess_launcher_setenv (launcher, "GSK_RENDERER", setting->gsk_renderer, TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "GSK_RENDERER");
  if (setting->gdk_debug != NULL)
    g_subprocess_launcher_setenv (launcher, "GDK_DEBUG", setting->gdk_debug, TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "GDK_DEBUG");

  start = g_get_monotonic_time ();
  if (demo)
    process = g_subprocess_launcher_spawn (launcher, error, program, "--demo", NULL);
  else
    process = g_subprocess_launcher_spawn (launcher, error, program, NULL);
  if (process == NULL)
    return FALSE;

  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  while ((line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, error)) != NULL)
    {
      if (sscanf (line, "first-frame-ms %lf rss-kb %ld renderer %63s", &ms, &rss, renderer) == 3)
        break;
      g_clear_pointer (&line, g_free);
    }
  *spawn_ms = (g_get_monotonic_time () - start) / 1000.0;

  if (!g_subprocess_wait_check (process, NULL, line == NULL ? NULL : error) || line == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                     "%s ended without printing its first-frame line", program);
      return FALSE;
    }
  *main_ms = ms;
  *rss_kb = rss;
  return TRUE;
}

static void
print_row (const char    *name,
           const Figures *figures,
           const Figures *baseline)
{
  double spawn = median (figures->spawn_ms, N_RUNS);
  double rss = median (figures->rss_kb, N_RUNS);
  double low = figures->spawn_ms[0], high = figures->spawn_ms[0];

  for (guint i = 1; i < N_RUNS; i++)
    {
      low = MIN (low, figures->spawn_ms[i]);
      high = MAX (high, figures->spawn_ms[i]);
    }
  g_print ("%-9s start %7.1f ms (min %6.1f, max %6.1f; from main() %6.1f)  rss %6.1f MB  [%s]",
           name, spawn, low, high, median (figures->main_ms, N_RUNS), rss / 1024,
           figures->renderer);
  if (baseline != NULL)
    g_print ("  ratio to baseline: start x%.2f, rss x%.2f",
             spawn / median (baseline->spawn_ms, N_RUNS),
             rss / median (baseline->rss_kb, N_RUNS));
  g_print ("\n");
}

int
main (int   argc,
      char *argv[])
{
  const char *display = g_getenv ("DISPLAY");
  const char *wayland = g_getenv ("WAYLAND_DISPLAY");
  Setting settings[] = {
    { "as started", NULL, NULL },
    { "GSK_RENDERER=gl", "gl", NULL },
    { "GSK_RENDERER=cairo", "cairo", NULL },
    { "GSK_RENDERER=cairo GDK_DEBUG=gl-disable", "cairo", "gl-disable" },
  };
  guint n_settings = G_N_ELEMENTS (settings);
  g_autoptr(GError) error = NULL;

  if ((display == NULL || *display == '\0') && (wayland == NULL || *wayland == '\0'))
    {
      g_print ("ui-start: skipped, no display (run under xvfb-run)\n");
      return 0;
    }
  if (argc != 3 && argc != 4)
    {
      g_printerr ("usage: %s OCTADESK BASELINE [OCTADESK-BEFORE]\n", argv[0]);
      return 2;
    }

  if (g_getenv ("GSK_RENDERER") != NULL)
    {
      settings[0] = (Setting) { "from the environment", g_getenv ("GSK_RENDERER"),
                                g_getenv ("GDK_DEBUG") };
      n_settings = 1;
    }

  for (guint r = 0; r < n_settings; r++)
    {
      const Setting *setting = &settings[r];
      /* baseline, octadesk and, when given, an earlier octadesk to compare */
      const char *programs[3] = { argv[2], argv[1], argc == 4 ? argv[3] : NULL };
      gboolean demo[3] = { FALSE, TRUE, TRUE };
      Figures figures[3] = { { { 0 } } };
      guint n_programs = argc == 4 ? 3 : 2;
      double scratch[3];
      double app_start, app_rss;

      /* one unmeasured start each: the first pays for a cold disk cache */
      for (guint k = 0; k < n_programs; k++)
        if (!run_once (programs[k], setting, demo[k], &scratch[0], &scratch[1], &scratch[2],
                       figures[k].renderer, &error))
          {
            g_printerr ("ui-start: %s\n", error->message);
            return 1;
          }

      /* interleaved, so all see the same machine load */
      for (guint i = 0; i < N_RUNS; i++)
        for (guint k = 0; k < n_programs; k++)
          if (!run_once (programs[k], setting, demo[k], &figures[k].spawn_ms[i],
                         &figures[k].main_ms[i], &figures[k].rss_kb[i], figures[k].renderer,
                         &error))
            {
              g_printerr ("ui-start: %s\n", error->message);
              return 1;
            }

      g_print ("ui-start: spawn to first frame, median of %d (baseline: empty "
               "AdwApplicationWindow), %s\n", N_RUNS, setting->name);
      print_row ("baseline", &figures[0], NULL);
      if (n_programs == 3)
        print_row ("before", &figures[2], &figures[0]);
      print_row ("octadesk", &figures[1], &figures[0]);

      app_start = median (figures[1].spawn_ms, N_RUNS);
      app_rss = median (figures[1].rss_kb, N_RUNS);
      g_print ("target    start <= %.0f ms: %s (%.2f of target)  rss <= %d MB: %s "
               "(%.2f of target)\n",
               TARGET_MS, app_start <= TARGET_MS ? "met" : "MISSED", app_start / TARGET_MS,
               TARGET_RSS_KB / 1024, app_rss <= TARGET_RSS_KB ? "met" : "MISSED",
               app_rss / TARGET_RSS_KB);
    }
  return 0;
}
