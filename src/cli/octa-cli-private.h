/* SPDX-License-Identifier: MIT */
#pragma once

#include <glib.h>

#include "octa-codec.h"

G_BEGIN_DECLS

/* Exit statuses shared by every command. */
#define OCTA_CLI_EXIT_OK      0
#define OCTA_CLI_EXIT_FAILURE 1
#define OCTA_CLI_EXIT_USAGE   2

/* Commands: argv[0] is the command's name, options follow. */
int           _octa_cli_info             (int           argc,
                                          char        **argv);
int           _octa_cli_validate         (int           argc,
                                          char        **argv);
int           _octa_cli_roundtrip        (int           argc,
                                          char        **argv);
int           _octa_cli_dump             (int           argc,
                                          char        **argv);
int           _octa_cli_set              (int           argc,
                                          char        **argv);
int           _octa_cli_diff             (int           argc,
                                          char        **argv);

/* Helpers shared by the commands (octa-cli.c). */
GOptionContext *_octa_cli_option_context (const char   *command,
                                          const char   *parameters,
                                          const char   *summary,
                                          const char   *description,
                                          const GOptionEntry *entries);
int           _octa_cli_parse_options    (GOptionContext *context,
                                          const char   *command,
                                          int          *argc,
                                          char       ***argv);
int           _octa_cli_usage_error      (const char   *command,
                                          const char   *format,
                                          ...) G_GNUC_PRINTF (2, 3);
void          _octa_cli_error            (const char   *format,
                                          ...) G_GNUC_PRINTF (1, 2);
void          _octa_cli_print_problem    (const char   *path,
                                          const char   *message);

gboolean      _octa_cli_is_zip           (const char   *path);
OctaFileKind  _octa_cli_kind_of_file     (const char   *path,
                                          const guint8 *data,
                                          gsize         len);
guint         _octa_cli_collect_files    (const char   *path,
                                          GPtrArray    *out);
guint         _octa_cli_popcount64       (guint64       value);
char         *_octa_cli_format_tempo     (gint64        tempo_x24);
char         *_octa_cli_slot_label       (OctaSlotType  type,
                                          guint         slot);
char          _octa_cli_bank_letter      (const char   *path);

G_END_DECLS
