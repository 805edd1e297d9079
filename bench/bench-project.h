/* SPDX-License-Identifier: MIT */
#pragma once

#include <glib.h>

#include "octa-codec.h"

G_BEGIN_DECLS

typedef struct
{
  GPtrArray *names;   /* base names of the 52 files */
  char      *dir;     /* the project folder, named BENCH */
} BenchProject;

BenchProject *bench_project_new      (void);
void          bench_project_free     (BenchProject *project);
gsize         bench_project_raw_read (BenchProject *project,
                                      GPtrArray    *keep);
double        bench_median           (GArray       *samples);
double        bench_now_ms           (void);

G_END_DECLS
