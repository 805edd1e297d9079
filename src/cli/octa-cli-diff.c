/* SPDX-License-Identifier: MIT */
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "octa-cli-private.h"
#include "octa.h"

static OctaProject *
load_project (const char *path)
{
  g_autoptr(GFile) location = NULL;
  g_autoptr(GError) error = NULL;
  OctaProject *project;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      _octa_cli_error ("%s: no such project folder or zip", path);
      return NULL;
    }
  location = g_file_new_for_commandline_arg (path);
  project = octa_project_load (location, NULL, &error);
  if (project == NULL)
    _octa_cli_error ("%s", error->message);
  return project;
}

static void
print_text (OctaDiff *diff)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (diff));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OctaDiffItem) item = g_list_model_get_item (G_LIST_MODEL (diff), i);
      gint64 offset = octa_diff_item_get_offset (item);
      const char *file = octa_diff_item_get_file (item);

      if (offset < 0)
        g_print ("%-11s %s: %s → %s  (%s)\n", octa_diff_item_get_kind (item),
                 octa_diff_item_get_path (item), octa_diff_item_get_old_value (item),
                 octa_diff_item_get_new_value (item), file);
      else
        g_print ("%-11s %s: %s → %s  (%s %s %" G_GINT64_FORMAT ")\n",
                 octa_diff_item_get_kind (item), octa_diff_item_get_path (item),
                 octa_diff_item_get_old_value (item), octa_diff_item_get_new_value (item),
                 file, g_str_has_prefix (file, "project.") ? "line" : "@", offset);
    }
  if (n == 0)
    g_print ("identical\n");
  else
    g_print ("%u difference%s\n", n, n == 1 ? "" : "s");
}

static void
add_count (JsonBuilder *builder,
           OctaDiff    *diff,
           GHashTable  *seen,
           char        *key)
{
  if (g_hash_table_contains (seen, key))
    {
      g_free (key);
      return;
    }
  json_builder_set_member_name (builder, key);
  json_builder_add_int_value (builder, octa_diff_count_in (diff, key));
  g_hash_table_add (seen, key);
}

/*
 * Counts by the first name of each path ("A01", "settings", "flex", "arr1",
 * "strd", a file name), and for banks by bank ("A", with its patterns) and
 * by part ("A.part1").
 */
static void
add_counts (JsonBuilder *builder,
            OctaDiff    *diff)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (diff));

  json_builder_set_member_name (builder, "counts");
  json_builder_begin_object (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OctaDiffItem) item = g_list_model_get_item (G_LIST_MODEL (diff), i);
      const char *full = octa_diff_item_get_path (item);
      const char *pre = g_str_has_prefix (full, "strd.") ? "strd." : "";
      const char *path = full + strlen (pre);
      const char *dot = strchr (path, '.');
      gsize top = dot ? (gsize) (dot - path) : strlen (path);
      gboolean bank = path[0] >= 'A' && path[0] <= 'P'
                      && (top == 1 || (top == 3 && g_ascii_isdigit (path[1])
                                       && g_ascii_isdigit (path[2])));

      if (bank)
        add_count (builder, diff, seen, g_strdup_printf ("%s%c", pre, path[0]));
      add_count (builder, diff, seen, g_strdup_printf ("%s%.*s", pre, (int) top, path));
      if (bank && top == 1 && g_str_has_prefix (path + 1, ".part")
          && g_ascii_isdigit (path[6]))
        {
          const char *end = strchr (path + 2, '.');
          int len = end ? (int) (end - path) : (int) strlen (path);

          add_count (builder, diff, seen, g_strdup_printf ("%s%.*s", pre, len, path));
        }
    }
  json_builder_end_object (builder);
}

static void
print_json (OctaDiff   *diff,
            const char *old_name,
            const char *new_name)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (diff));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "old");
  json_builder_add_string_value (builder, old_name);
  json_builder_set_member_name (builder, "new");
  json_builder_add_string_value (builder, new_name);
  json_builder_set_member_name (builder, "identical");
  json_builder_add_boolean_value (builder, n == 0);
  json_builder_set_member_name (builder, "count");
  json_builder_add_int_value (builder, n);
  add_counts (builder, diff);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OctaDiffItem) item = g_list_model_get_item (G_LIST_MODEL (diff), i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, octa_diff_item_get_kind (item));
      json_builder_set_member_name (builder, "path");
      json_builder_add_string_value (builder, octa_diff_item_get_path (item));
      json_builder_set_member_name (builder, "old");
      json_builder_add_string_value (builder, octa_diff_item_get_old_value (item));
      json_builder_set_member_name (builder, "new");
      json_builder_add_string_value (builder, octa_diff_item_get_new_value (item));
      json_builder_set_member_name (builder, "file");
      json_builder_add_string_value (builder, octa_diff_item_get_file (item));
      json_builder_set_member_name (builder, "offset");
      if (octa_diff_item_get_offset (item) < 0)
        json_builder_add_null_value (builder);
      else
        json_builder_add_int_value (builder, octa_diff_item_get_offset (item));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  fputs (text, stdout);
  fputc ('\n', stdout);
}

int
_octa_cli_diff (int    argc,
                char **argv)
{
  gboolean json = FALSE;
  gboolean saved = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print JSON (see docs/diff.md)", NULL },
    { "saved", 0, 0, G_OPTION_ARG_NONE, &saved,
      "Compare PROJECT's saved state (.strd) with its working state (.work)", NULL },
    { NULL },
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(OctaProject) a = NULL;
  g_autoptr(OctaProject) b = NULL;
  g_autoptr(OctaDiff) diff = NULL;
  int status;

  context = _octa_cli_option_context (
    "diff", "A B | --saved PROJECT",
    "Lists every difference between two projects (folders or zips), or with\n"
    "--saved between a project's saved state and its working state (what\n"
    "RELOAD would throw away). Each line gives the kind, the path (as for\n"
    "`set`), the old and new value and where the bytes are. The formats are\n"
    "described in docs/diff.md.",
    "Exit status: 0 identical, 1 different, 2 error.",
    entries);
  status = _octa_cli_parse_options (context, "diff", &argc, &argv);
  if (status != OCTA_CLI_EXIT_OK)
    return status;

  if (saved)
    {
      if (argc != 2)
        return _octa_cli_usage_error ("diff", "diff: --saved takes one project");
      a = load_project (argv[1]);
      if (a == NULL)
        return OCTA_CLI_EXIT_USAGE;
      diff = octa_diff_new_saved_state (a);
    }
  else
    {
      if (argc != 3)
        return _octa_cli_usage_error ("diff", "diff: give two projects, or --saved PROJECT");
      a = load_project (argv[1]);
      if (a == NULL)
        return OCTA_CLI_EXIT_USAGE;
      b = load_project (argv[2]);
      if (b == NULL)
        return OCTA_CLI_EXIT_USAGE;
      diff = octa_diff_new_projects (a, b);
    }

  if (json)
    print_json (diff, saved ? "strd" : argv[1], saved ? "work" : argv[2]);
  else
    print_text (diff);
  return octa_diff_is_empty (diff) ? OCTA_CLI_EXIT_OK : OCTA_CLI_EXIT_FAILURE;
}
