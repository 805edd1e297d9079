/* SPDX-License-Identifier: MIT */
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <zip.h>

#include "octa-test-utils.h"

#define BLANK_BANK_MD5        "cd3bc5294950d4f283e01f76ba38655f"
#define BLANK_PROJECT_MD5     "43845456d1ebf01f3a4221fa14c4e6cc"
#define BLANK_MARKERS_MD5     "910223fb216dddf3b2f2e48226da6ca7"
#define BLANK_ARRANGEMENT_MD5 "682672c5d795afdccb5bb688a5a4433b"

typedef struct
{
  int   status;
  char *out;
  char *err;
} CliRun;

static void
cli_run_clear (CliRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliRun, cli_run_clear)

static const char *
cli_path (void)
{
  const char *path = g_getenv ("OCTADESK_CLI");

  g_assert_nonnull (path);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_EXECUTABLE));
  return path;
}

/* Runs octadesk-cli with the NULL-terminated arguments; returns the exit status. */
static int
run_cli_argv (CliRun             *run,
              const char *const  *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  int wait_status = 0;

  cli_run_clear (run);

  g_ptr_array_add (argv, (char *) cli_path ());
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  /* Messages contain "→" and "“”"; keep them UTF-8 whatever the caller's locale. */
  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);

  if (g_test_verbose ())
    g_test_message ("exit %d\nstdout:\n%s\nstderr:\n%s", wait_status, run->out, run->err);

  if (g_spawn_check_wait_status (wait_status, &error))
    run->status = 0;
  else if (error->domain == G_SPAWN_EXIT_ERROR)
    run->status = error->code;
  else
    g_error ("octadesk-cli did not exit normally: %s\nstderr:\n%s", error->message, run->err);

  return run->status;
}

#define run_cli(run, ...) run_cli_argv ((run), (const char *const[]) { __VA_ARGS__, NULL })

static char **
output_lines (const char *text)
{
  g_auto(GStrv) all = g_strsplit (text, "\n", -1);
  GStrvBuilder *builder = g_strv_builder_new ();
  char **lines;

  for (guint i = 0; all[i] != NULL; i++)
    if (all[i][0] != '\0')
      g_strv_builder_add (builder, all[i]);
  lines = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return lines;
}

static guint
count_lines_with_prefix (const char *text,
                         const char *prefix)
{
  g_auto(GStrv) lines = output_lines (text);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      n++;
  return n;
}

static char *
file_md5 (const char *path)
{
  gsize len;
  g_autofree guint8 *data = octa_test_read_file (path, &len);

  return g_compute_checksum_for_data (G_CHECKSUM_MD5, data, len);
}

static void
assert_blank_project_files (const char *dir)
{
  g_autoptr(GDir) d = NULL;
  guint n = 0;

  for (guint i = 0; i < OCTA_N_BANKS; i++)
    {
      g_autofree char *name = g_strdup_printf ("bank%02u.work", i + 1);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *md5 = file_md5 (path);

      g_assert_cmpstr (md5, ==, BLANK_BANK_MD5);
    }
  for (guint i = 0; i < OCTA_N_ARRANGEMENTS; i++)
    {
      g_autofree char *name = g_strdup_printf ("arr%02u.work", i + 1);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *md5 = file_md5 (path);

      g_assert_cmpstr (md5, ==, BLANK_ARRANGEMENT_MD5);
    }
  {
    g_autofree char *project = g_build_filename (dir, "project.work", NULL);
    g_autofree char *markers = g_build_filename (dir, "markers.work", NULL);
    g_autofree char *project_md5 = file_md5 (project);
    g_autofree char *markers_md5 = file_md5 (markers);

    g_assert_cmpstr (project_md5, ==, BLANK_PROJECT_MD5);
    g_assert_cmpstr (markers_md5, ==, BLANK_MARKERS_MD5);
  }

  d = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;
  g_assert_cmpuint (n, ==, 26);
}

/* A fresh blank project written by `octadesk-cli new` into TMP/NAME. */
static char *
new_project (const char *tmp,
             const char *name)
{
  g_auto(CliRun) run = { 0 };
  char *dir = g_build_filename (tmp, name, NULL);

  g_assert_cmpint (run_cli (&run, "new", dir), ==, 0);
  return dir;
}

static void
write_bytes (const char   *path,
             GBytes       *bytes)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);

  octa_test_write_file (path, data, len);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static void
assert_int_list (JsonArray    *array,
                 const gint64 *expected,
                 guint         n_expected)
{
  g_assert_nonnull (array);
  g_assert_cmpuint (json_array_get_length (array), ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    g_assert_cmpint (json_array_get_int_element (array, i), ==, expected[i]);
}

static JsonObject *
dump_track (JsonObject *bank,
            guint       pattern,
            const char *kind,
            guint       track)
{
  JsonArray *patterns = json_object_get_array_member (bank, "patterns");
  JsonObject *p = json_array_get_object_element (patterns, pattern);
  JsonArray *tracks = json_object_get_array_member (p, kind);

  return json_array_get_object_element (tracks, track);
}

/* Tests */

static void
test_usage (void)
{
  g_auto(CliRun) run = { 0 };

  g_assert_cmpint (run_cli_argv (&run, (const char *const[]) { NULL }), ==, 2);
  g_assert_true (strstr (run.err, "Usage:") != NULL);

  g_assert_cmpint (run_cli (&run, "--version"), ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "octadesk-cli "));

  g_assert_cmpint (run_cli (&run, "--help"), ==, 0);
  g_assert_true (strstr (run.out, "roundtrip") != NULL);

  g_assert_cmpint (run_cli (&run, "frobnicate"), ==, 2);
  g_assert_true (g_str_has_prefix (run.err, "octadesk-cli: "));
  g_assert_cmpint (run_cli (&run, "--frobnicate"), ==, 2);

  g_assert_cmpint (run_cli (&run, "info", "--help"), ==, 0);
  g_assert_true (strstr (run.out, "octadesk-cli info") != NULL);
  g_assert_cmpint (run_cli (&run, "help", "dump"), ==, 0);
  g_assert_true (strstr (run.out, "--compact") != NULL);

  g_assert_cmpint (run_cli (&run, "info"), ==, 2);
  g_assert_cmpint (run_cli (&run, "info", "a", "b"), ==, 2);
  g_assert_cmpint (run_cli (&run, "info", "--bogus", "a"), ==, 2);
  g_assert_true (g_str_has_prefix (run.err, "octadesk-cli: "));
  g_assert_cmpint (run_cli (&run, "validate"), ==, 2);
  g_assert_cmpint (run_cli (&run, "validate", "--bogus", "x"), ==, 2);
  g_assert_cmpint (run_cli (&run, "roundtrip"), ==, 2);
  g_assert_cmpint (run_cli (&run, "dump", "--json"), ==, 2);
  g_assert_cmpint (run_cli (&run, "dump", "--compact", "--pretty", "x"), ==, 2);
  g_assert_cmpint (run_cli (&run, "new"), ==, 2);
  g_assert_cmpint (run_cli (&run, "zip", "x"), ==, 2);
  g_assert_cmpint (run_cli (&run, "unzip", "x.zip"), ==, 2);
}

static void
test_new (void)
{
  g_autofree char *tmp = octa_test_make_tmpdir ();
  g_autofree char *dir = g_build_filename (tmp, "NEW PROJECT", NULL);
  g_autofree char *empty = g_build_filename (tmp, "EMPTY", NULL);
  g_autofree char *stray = g_build_filename (empty, "stray.txt", NULL);
  g_auto(CliRun) run = { 0 };

  g_assert_cmpint (run_cli (&run, "new", dir), ==, 0);
  g_assert_true (strstr (run.out, "bank16.work") != NULL);
  assert_blank_project_files (dir);

  /* Again into the same, now full, folder. */
  g_assert_cmpint (run_cli (&run, "new", dir), ==, 1);
  g_assert_true (g_str_has_prefix (run.err, "octadesk-cli: "));
  assert_blank_project_files (dir);

  /* An existing empty folder is fine, a folder with anything in it is not. */
  g_assert_cmpint (g_mkdir (empty, 0755), ==, 0);
  g_assert_cmpint (run_cli (&run, "new", "--name", "OTHER", empty), ==, 0);
  assert_blank_project_files (empty);
  octa_test_rm_rf (empty);
  g_assert_cmpint (g_mkdir (empty, 0755), ==, 0);
  octa_test_write_file (stray, "x", 1);
  g_assert_cmpint (run_cli (&run, "new", empty), ==, 1);
  g_assert_true (g_file_test (stray, G_FILE_TEST_IS_REGULAR));
  {
    g_autofree char *project = g_build_filename (empty, "project.work", NULL);

    g_assert_false (g_file_test (project, G_FILE_TEST_EXISTS));
  }

  /* A plain file in the way. */
  g_assert_cmpint (run_cli (&run, "new", stray), ==, 1);

  octa_test_rm_rf (tmp);
}

static void
test_validate (void)
{
  g_autofree char *tmp = octa_test_make_tmpdir ();
  g_autofree char *dir = new_project (tmp, "VALID");
  g_autofree char *flipped = g_build_filename (dir, "bank02.work", NULL);
  g_autofree char *truncated = g_build_filename (dir, "bank05.work", NULL);
  g_autofree char *broken = g_build_filename (dir, "bank09.work", NULL);
  g_autofree char *missing = g_build_filename (tmp, "no-such-file.work", NULL);
  g_autofree char *prefix = g_strdup_printf ("%s%s", dir, G_DIR_SEPARATOR_S);
  g_auto(CliRun) run = { 0 };
  g_auto(GStrv) lines = NULL;
  g_autofree guint8 *data = NULL;
  gsize len;
  guint16 sum;

  g_assert_cmpint (run_cli (&run, "validate", dir), ==, 0);
  g_assert_cmpuint (count_lines_with_prefix (run.out, prefix), ==, 0);
  g_assert_true (strstr (run.out, "Checked 26 files, all valid.") != NULL);

  g_assert_cmpint (run_cli (&run, "validate", "--verbose", dir), ==, 0);
  g_assert_cmpuint (count_lines_with_prefix (run.out, prefix), ==, 26);
  {
    g_autofree char *ok = g_strdup_printf ("%s: OK", flipped);

    g_assert_true (strstr (run.out, ok) != NULL);
  }

  /* Bad checksum: one byte of pattern 1 changed, checksum left alone. */
  data = octa_test_read_file (flipped, &len);
  data[1000] ^= 0x01;
  octa_test_write_file (flipped, data, len);
  g_clear_pointer (&data, g_free);

  /* Truncated. */
  data = octa_test_read_file (truncated, &len);
  octa_test_write_file (truncated, data, 1000);
  g_clear_pointer (&data, g_free);

  /* Pattern 1's PTRN magic broken, checksum made right again. */
  data = octa_test_read_file (broken, &len);
  data[octa_bank_pattern_offset (0)] = 'X';
  sum = octa_checksum_compute (data, len);
  data[len - 2] = sum >> 8;
  data[len - 1] = sum & 0xFF;
  octa_test_write_file (broken, data, len);

  g_assert_cmpint (run_cli (&run, "validate", dir), ==, 1);
  lines = output_lines (run.out);
  g_assert_cmpuint (count_lines_with_prefix (run.out, prefix), ==, 3);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (!g_str_has_prefix (lines[i], prefix))
        continue;
      if (g_str_has_prefix (lines[i], flipped))
        g_assert_true (strstr (lines[i], "checksum") != NULL);
      else if (g_str_has_prefix (lines[i], truncated))
        g_assert_true (strstr (lines[i], "truncated") != NULL);
      else if (g_str_has_prefix (lines[i], broken))
        g_assert_true (strstr (lines[i], "PTRN") != NULL);
      else
        g_error ("unexpected problem line: %s", lines[i]);

      /* The file's name is said once, at the start. */
      g_assert_null (strstr (lines[i] + strlen (prefix), prefix));
    }
  g_assert_true (strstr (run.out, "Checked 26 files, 3 with problems.") != NULL);

  /* Single files, a good one and a missing one. */
  {
    g_autofree char *good = g_build_filename (dir, "bank01.work", NULL);

    g_assert_cmpint (run_cli (&run, "validate", good), ==, 0);
    g_assert_cmpint (run_cli (&run, "validate", good, missing), ==, 1);
    g_assert_cmpuint (count_lines_with_prefix (run.out, missing), ==, 1);
    g_assert_cmpuint (count_lines_with_prefix (run.out, good), ==, 0);
  }

  octa_test_rm_rf (tmp);
}

static void
test_roundtrip (void)
{
  g_autofree char *tmp = octa_test_make_tmpdir ();
  g_autofree char *dir = new_project (tmp, "ROUND");
  g_autofree char *damaged = g_build_filename (tmp, "bank03.work", NULL);
  g_autofree char *cut = g_build_filename (tmp, "bank04.work", NULL);
  g_autofree char *prefix = g_strdup_printf ("%s%s", dir, G_DIR_SEPARATOR_S);
  g_autofree guint8 *data = NULL;
  g_auto(CliRun) run = { 0 };
  g_auto(GStrv) lines = NULL;
  gsize len;

  g_assert_cmpint (run_cli (&run, "roundtrip", dir), ==, 0);
  lines = output_lines (run.out);
  g_assert_cmpuint (count_lines_with_prefix (run.out, prefix), ==, 26);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      g_assert_true (g_str_has_suffix (lines[i], ": identical"));

  /* A bad checksum is kept as it is, so the file still comes back identical. */
  {
    g_autofree char *source = g_build_filename (dir, "bank03.work", NULL);
    g_autofree char *expected = g_strdup_printf ("%s: identical", damaged);

    data = octa_test_read_file (source, &len);
    data[5000] ^= 0x40;
    octa_test_write_file (damaged, data, len);
    g_assert_cmpint (run_cli (&run, "roundtrip", damaged), ==, 0);
    g_assert_true (strstr (run.out, expected) != NULL);

    octa_test_write_file (cut, data, len - 1);
    g_assert_cmpint (run_cli (&run, "roundtrip", damaged, cut), ==, 1);
    g_assert_true (strstr (run.out, expected) != NULL);
    g_assert_cmpuint (count_lines_with_prefix (run.out, cut), ==, 1);
    {
      g_autofree char *failed = g_strdup_printf ("%s: cannot decode: ", cut);

      g_assert_true (strstr (run.out, failed) != NULL);
    }
  }

  octa_test_rm_rf (tmp);
}

/* A project edited through the codec, the way the dump test expects it. */
static char *
write_edited_project (const char *tmp)
{
  g_autoptr(OctaProjectFiles) files = octa_project_files_new_blank ("EDITED");
  g_autoptr(GError) error = NULL;
  OctaBankFile *bank = files->banks[OCTA_STATE_WORK][0];
  OctaProjectFile *project = files->project[OCTA_STATE_WORK];
  char *dir = g_build_filename (tmp, "EDITED", NULL);
  static const guint steps[] = { 0, 16, 32, 48 };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    octa_bank_file_set_trig (bank, 0, OCTA_TRACK_AUDIO, 0, OCTA_TRIG_TRIGGER, steps[i], TRUE);
  octa_bank_file_set_sample_lock (bank, 0, 0, 16, 4);
  octa_bank_file_set_plock (bank, 0, OCTA_TRACK_AUDIO, 0, 0, OCTA_AUDIO_PLOCK_AMP_VOL, 100);
  octa_bank_file_set_condition (bank, 0, OCTA_TRACK_AUDIO, 0, 16, 19);
  octa_bank_file_set_micro_timing (bank, 0, OCTA_TRACK_AUDIO, 0, 32, -5);
  octa_bank_file_set_repeats (bank, 0, OCTA_TRACK_AUDIO, 0, 48, 3);
  octa_bank_file_set_trig (bank, 0, OCTA_TRACK_AUDIO, 0, OCTA_TRIG_ONESHOT, 8, TRUE);
  octa_bank_file_set_trig (bank, 0, OCTA_TRACK_MIDI, 7, OCTA_TRIG_TRIGGER, 63, TRUE);
  octa_bank_file_set_machine (bank, 0, OCTA_PART_UNSAVED, 0, OCTA_MACHINE_FLEX);
  g_assert_true (octa_bank_file_set_part_name (bank, 0, "KICKS", &error));
  g_assert_no_error (error);

  octa_bank_file_set_pattern_part (bank, 1, 2);
  octa_bank_file_set_trig (bank, 1, OCTA_TRACK_AUDIO, 2, OCTA_TRIG_TRIGGER, 0, TRUE);

  g_assert_true (octa_project_file_set_int (project, OCTA_SECTION_SETTINGS, "TEMPOx24", 0, 3027,
                                            &error));
  g_assert_no_error (error);
  g_assert_true (octa_project_file_add_sample (project, OCTA_SLOT_FLEX, 4, "../AUDIO/kick.wav",
                                               &error));
  g_assert_no_error (error);

  g_assert_true (octa_project_files_write_dir (files, dir, &error));
  g_assert_no_error (error);
  return dir;
}

static void
test_dump (void)
{
  g_autofree char *tmp = octa_test_make_tmpdir ();
  g_autofree char *dir = write_edited_project (tmp);
  g_autofree char *bank_path = g_build_filename (dir, "bank01.work", NULL);
  g_auto(CliRun) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *top, *settings, *bank, *track, *part, *slot = NULL, *locks, *plocks;
  JsonArray *banks, *array;
  static const gint64 trig_steps[] = { 1, 17, 33, 49 };
  static const gint64 oneshot_steps[] = { 9 };
  static const gint64 midi_steps[] = { 64 };

  /* two slices on Flex 005, written as the device would */
  {
    g_autofree char *path = g_build_filename (dir, "markers.work", NULL);
    g_autoptr(OctaMarkersFile) markers = octa_markers_file_new_blank ("markers.work");
    g_autoptr(GBytes) bytes = NULL;

    octa_markers_file_set_slice_count (markers, OCTA_SLOT_FLEX, 4, 2);
    octa_markers_file_set_slice (markers, OCTA_SLOT_FLEX, 4, 0,
                                 (OctaSlice) { 0, 5514, OCTA_SLICE_NO_LOOP });
    octa_markers_file_set_slice (markers, OCTA_SLOT_FLEX, 4, 1, (OctaSlice) { 5514, 11026, 6000 });
    bytes = octa_markers_file_encode (markers);
    write_bytes (path, bytes);
  }

  g_assert_cmpint (run_cli (&run, "dump", "--json", dir), ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  root = parse_json (run.out);
  top = json_node_get_object (root);

  g_assert_cmpstr (json_object_get_string_member (top, "format"), ==, "octadesk-dump");
  g_assert_cmpint (json_object_get_int_member (top, "version"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (top, "name"), ==, "EDITED");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (top, "files")), ==, 26);

  settings = json_object_get_object_member (top, "settings");
  g_assert_cmpint (json_object_get_int_member (settings, "TEMPOx24"), ==, 3027);
  g_assert_cmpfloat (json_object_get_double_member (settings, "tempo_bpm"), ==, 126.125);
  g_assert_cmpint (json_object_get_int_member (settings, "MIDI_AUTO_CHANNEL"), ==, 10);
  g_assert_cmpint (json_object_get_int_member (settings, "MIDI_PROGRAM_CHANGE_SEND_CH"), ==, -1);
  array = json_object_get_array_member (settings, "TRIG_MODE_MIDI");
  g_assert_cmpuint (json_array_get_length (array), ==, 8);
  g_assert_true (json_object_has_member (settings, "MIDI_MODE"));
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (top, "meta"),
                                               "VERSION"), ==, 19);

  banks = json_object_get_array_member (top, "banks");
  g_assert_cmpuint (json_array_get_length (banks), ==, 16);
  bank = json_array_get_object_element (banks, 0);
  g_assert_cmpstr (json_object_get_string_member (bank, "bank"), ==, "A");
  g_assert_cmpstr (json_object_get_string_member (bank, "file"), ==, "bank01.work");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (banks, 15),
                                                  "bank"), ==, "P");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (bank,
                                                                                "part_names"),
                                                  0), ==, "KICKS");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (bank,
                                                                                "part_names"),
                                                  3), ==, "FOUR");

  part = json_array_get_object_element (json_object_get_array_member (bank, "parts"), 0);
  g_assert_cmpint (json_object_get_int_member (part, "part"), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (part, "machines"),
                                                  0), ==, "flex");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (part, "machines"),
                                                  1), ==, "static");
  g_assert_cmpint (json_array_get_int_element (json_object_get_array_member (part, "fx1"), 0),
                   ==, 4);
  g_assert_cmpint (json_array_get_int_element (json_object_get_array_member (part, "fx2"), 0),
                   ==, 8);
  g_assert_cmpint (json_array_get_int_element (json_object_get_array_member (part, "flex_slots"),
                                               7), ==, 8);
  g_assert_cmpint (json_array_get_int_element (json_object_get_array_member (part,
                                                                             "static_slots"),
                                               0), ==, 1);

  {
    JsonArray *patterns = json_object_get_array_member (bank, "patterns");
    JsonObject *p1 = json_array_get_object_element (patterns, 0);
    JsonObject *p2 = json_array_get_object_element (patterns, 1);

    g_assert_cmpuint (json_array_get_length (patterns), ==, 16);
    g_assert_cmpint (json_object_get_int_member (p1, "pattern"), ==, 1);
    g_assert_cmpint (json_object_get_int_member (p1, "part"), ==, 1);
    g_assert_cmpint (json_object_get_int_member (p2, "part"), ==, 3);
    g_assert_cmpint (json_object_get_int_member (p1, "length"), ==, 16);
    g_assert_cmpint (json_object_get_int_member (p1, "tempo_x24"), ==, 2880);
    g_assert_cmpfloat (json_object_get_double_member (p1, "tempo_bpm"), ==, 120.0);
    g_assert_cmpstr (json_object_get_string_member (p1, "scale_mode"), ==, "normal");
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (p1, "midi_tracks")),
                      ==, 8);
  }

  track = dump_track (bank, 0, "audio_tracks", 0);
  g_assert_cmpint (json_object_get_int_member (track, "track"), ==, 1);
  assert_int_list (json_object_get_array_member (track, "trig_steps"),
                   trig_steps, G_N_ELEMENTS (trig_steps));
  assert_int_list (json_object_get_array_member (track, "oneshot_steps"),
                   oneshot_steps, G_N_ELEMENTS (oneshot_steps));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (track,
                                                                         "trigless_steps")),
                    ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (track, "swing_steps")),
                    ==, 32);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (track,
                                                                         "recorder_masks")),
                    ==, 4);
  g_assert_cmpint (json_object_get_int_member (track, "length"), ==, 16);
  g_assert_cmpint (json_object_get_int_member (track, "start_silent"), ==, 255);

  locks = json_object_get_object_member (track, "sample_locks");
  g_assert_cmpuint (json_object_get_size (locks), ==, 1);
  g_assert_cmpint (json_object_get_int_member (locks, "17"), ==, 5);

  plocks = json_object_get_object_member (track, "plocks");
  g_assert_cmpuint (json_object_get_size (plocks), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (plocks, "1"),
                                               "15"), ==, 100);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (plocks, "17"),
                                               "31"), ==, 4);

  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (track,
                                                                              "conditions"),
                                               "17"), ==, 19);
  g_assert_cmpuint (json_object_get_size (json_object_get_object_member (track, "conditions")),
                    ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (track,
                                                                              "micro_timing"),
                                               "33"), ==, -5);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (track, "repeats"),
                                               "49"), ==, 3);

  track = dump_track (bank, 0, "midi_tracks", 7);
  g_assert_cmpint (json_object_get_int_member (track, "track"), ==, 8);
  assert_int_list (json_object_get_array_member (track, "trig_steps"),
                   midi_steps, G_N_ELEMENTS (midi_steps));
  g_assert_false (json_object_has_member (track, "sample_locks"));
  g_assert_false (json_object_has_member (track, "oneshot_steps"));

  array = json_object_get_array_member (top, "sample_slots");
  g_assert_cmpuint (json_array_get_length (array), ==, 9);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *s = json_array_get_object_element (array, i);

      if (json_object_get_int_member (s, "slot") == 5)
        slot = s;
      else
        g_assert_cmpint (json_object_get_int_member (s, "slot"), >=, 129);
    }
  g_assert_nonnull (slot);
  g_assert_cmpstr (json_object_get_string_member (slot, "type"), ==, "flex");
  g_assert_cmpstr (json_object_get_string_member (slot, "path"), ==, "../AUDIO/kick.wav");
  g_assert_cmpint (json_object_get_int_member (slot, "gain"), ==, 48);
  g_assert_true (json_object_has_member (slot, "trim_end"));
  g_assert_cmpint (json_object_get_int_member (slot, "slice_count"), ==, 2);
  array = json_object_get_array_member (slot, "slices");
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (array, 0), "end"),
                   ==, 5514);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (array, 0), "loop"),
                   ==, OCTA_SLICE_NO_LOOP);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (array, 1), "start"),
                   ==, 5514);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (array, 1), "loop"),
                   ==, 6000);

  array = json_object_get_array_member (top, "arrangements");
  g_assert_cmpuint (json_array_get_length (array), ==, 8);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (array, 7),
                                               "arrangement"), ==, 8);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (array, 7), "rows"),
                   ==, 0);

  /* --compact gives the same document on one line. */
  g_assert_cmpint (run_cli (&run, "dump", "--json", "--compact", dir), ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "{"));
  g_assert_true (g_str_has_suffix (run.out, "}\n"));
  g_assert_true (strchr (run.out, '\n') == run.out + strlen (run.out) - 1);
  {
    g_autoptr(JsonNode) compact = parse_json (run.out);

    g_assert_true (json_node_equal (root, compact));
  }

  /* A single bank file is a document with just that bank. */
  g_assert_cmpint (run_cli (&run, "dump", bank_path), ==, 0);
  {
    g_autoptr(JsonNode) single = parse_json (run.out);
    JsonObject *o = json_node_get_object (single);
    JsonArray *b = json_object_get_array_member (o, "banks");

    g_assert_cmpuint (json_array_get_length (b), ==, 1);
    g_assert_true (json_node_equal (json_array_get_element (b, 0),
                                    json_array_get_element (banks, 0)));
    g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (o, "settings")));
  }

  /* Not a project, not a bank. */
  {
    g_autofree char *markers = g_build_filename (dir, "markers.work", NULL);
    g_autofree char *missing = g_build_filename (dir, "missing", NULL);

    g_assert_cmpint (run_cli (&run, "dump", markers), ==, 1);
    g_assert_cmpint (run_cli (&run, "dump", missing), ==, 1);
    g_assert_true (g_str_has_prefix (run.err, "octadesk-cli: "));
  }

  octa_test_rm_rf (tmp);
}

static void
test_info (void)
{
  g_autofree char *tmp = octa_test_make_tmpdir ();
  g_autofree char *dir = write_edited_project (tmp);
  g_autofree char *blank_bank = g_build_filename (dir, "bank02.work", NULL);
  g_autofree char *zip_path = g_build_filename (tmp, "EDITED.zip", NULL);
  g_autofree char *missing = g_build_filename (tmp, "missing", NULL);
  g_autofree char *ot_path = g_build_filename (tmp, "sample.ot", NULL);
  g_autofree char *odd_name = g_build_filename (tmp, "renamed-arrangement.bin", NULL);
  g_auto(CliRun) run = { 0 };

  g_assert_cmpint (run_cli (&run, "info", dir), ==, 0);
  g_assert_true (strstr (run.out, "Project: EDITED\n") != NULL);
  g_assert_true (strstr (run.out, "Files (.work): all 26\n") != NULL);
  g_assert_true (strstr (run.out, "Saved (.strd): none\n") != NULL);
  g_assert_true (strstr (run.out, "Tempo: 126.125 BPM\n") != NULL);
  g_assert_true (strstr (run.out, "Bank A (bank01.work)") != NULL);
  g_assert_true (strstr (run.out, "Parts: 1 KICKS, 2 TWO, 3 THREE, 4 FOUR") != NULL);
  g_assert_true (strstr (run.out, "A01  part 1  length 16  5 trigs\n") != NULL);
  g_assert_true (strstr (run.out, "A02  part 3  length 16  1 trigs\n") != NULL);
  g_assert_null (strstr (run.out, "A03"));
  g_assert_null (strstr (run.out, "Bank B"));
  g_assert_true (strstr (run.out, "FLEX 5") != NULL);
  g_assert_true (strstr (run.out, "../AUDIO/kick.wav") != NULL);

  g_assert_cmpint (run_cli (&run, "info", blank_bank), ==, 0);
  g_assert_true (strstr (run.out, "Kind: bank\n") != NULL);
  g_assert_true (strstr (run.out, "Size: 636113 bytes\n") != NULL);
  g_assert_true (strstr (run.out, "Version: 23\n") != NULL);
  g_assert_true (strstr (run.out, "Checksum: stored 0x96BB, computed 0x96BB, OK\n") != NULL);
  g_assert_true (strstr (run.out, "Parts: 1 ONE, 2 TWO, 3 THREE, 4 FOUR") != NULL);

  g_assert_cmpint (run_cli (&run, "zip", dir, zip_path), ==, 0);
  g_assert_cmpint (run_cli (&run, "info", zip_path), ==, 0);
  g_assert_true (strstr (run.out, "Project: EDITED\n") != NULL);
  g_assert_true (strstr (run.out, "(zip)") != NULL);
  g_assert_true (strstr (run.out, "A01  part 1  length 16  5 trigs\n") != NULL);

  g_assert_cmpint (run_cli (&run, "info", missing), ==, 1);
  g_assert_true (g_str_has_prefix (run.err, "octadesk-cli: "));
  g_assert_true (strstr (run.err, missing) != NULL);
  g_assert_cmpstr (run.out, ==, "");

  {
    g_autofree char *project = g_build_filename (dir, "project.work", NULL);
    g_autofree char *markers = g_build_filename (dir, "markers.work", NULL);

    g_assert_cmpint (run_cli (&run, "info", project), ==, 0);
    g_assert_true (strstr (run.out, "Version: 19\n") != NULL);
    g_assert_true (strstr (run.out, "OS: R0177     1.40B\n") != NULL);
    g_assert_true (strstr (run.out, "Tempo: 126.125 BPM\n") != NULL);
    g_assert_true (strstr (run.out, "Sample slots: 9\n") != NULL);

    g_assert_cmpint (run_cli (&run, "info", markers), ==, 0);
    g_assert_true (strstr (run.out, "Checksum: stored 0x0004, computed 0x0004, OK\n") != NULL);
  }

  /* A .ot file, and an arrangement known only by its bytes. */
  {
    g_autoptr(OctaSampleFile) sample = octa_sample_file_new_blank ("sample.ot");
    g_autoptr(OctaArrangementFile) arr = octa_arrangement_file_new_blank ("arr");
    g_autoptr(GBytes) sample_bytes = NULL;
    g_autoptr(GBytes) arr_bytes = NULL;
    g_autoptr(GError) error = NULL;

    octa_sample_file_set (sample, OCTA_SAMPLE_FIELD_TEMPO_X24, 3027);
    octa_sample_file_set (sample, OCTA_SAMPLE_FIELD_SLICE_COUNT, 3);
    sample_bytes = octa_sample_file_encode (sample);
    write_bytes (ot_path, sample_bytes);

    g_assert_true (octa_arrangement_file_set_name (arr, OCTA_ARRANGEMENT_WORKING, "SONG", &error));
    g_assert_no_error (error);
    octa_arrangement_file_set_row_count (arr, OCTA_ARRANGEMENT_WORKING, 3);
    arr_bytes = octa_arrangement_file_encode (arr);
    write_bytes (odd_name, arr_bytes);

    g_assert_cmpint (run_cli (&run, "info", ot_path), ==, 0);
    g_assert_true (strstr (run.out, "Tempo: 126.125 BPM\n") != NULL);
    g_assert_true (strstr (run.out, "Slices: 3\n") != NULL);

    g_assert_cmpint (run_cli (&run, "info", odd_name), ==, 0);
    g_assert_true (strstr (run.out, "Kind: arrangement\n") != NULL);
    g_assert_true (strstr (run.out, "Working: “SONG”, 3 rows\n") != NULL);
    g_assert_true (strstr (run.out, "Saved: “”, 0 rows\n") != NULL);
  }

  /* A bank cut short cannot be read. */
  {
    g_autofree char *cut = g_build_filename (tmp, "bank07.work", NULL);
    g_autofree guint8 *data = NULL;
    gsize len;

    data = octa_test_read_file (blank_bank, &len);
    octa_test_write_file (cut, data, len / 2);
    g_assert_cmpint (run_cli (&run, "info", cut), ==, 1);
    g_assert_true (strstr (run.err, "truncated") != NULL);
  }

  octa_test_rm_rf (tmp);
}

static void
assert_same_tree (const char *a,
                  const char *b)
{
  g_autoptr(GPtrArray) files_a = octa_test_find_files (a, NULL);
  g_autoptr(GPtrArray) files_b = octa_test_find_files (b, NULL);

  g_assert_cmpuint (files_a->len, ==, files_b->len);
  for (guint i = 0; i < files_a->len; i++)
    {
      const char *pa = files_a->pdata[i];
      const char *pb = files_b->pdata[i];
      g_autofree guint8 *da = NULL;
      g_autofree guint8 *db = NULL;
      gsize la, lb;

      g_assert_cmpstr (pa + strlen (a), ==, pb + strlen (b));
      da = octa_test_read_file (pa, &la);
      db = octa_test_read_file (pb, &lb);
      g_assert_cmpmem (da, la, db, lb);
    }
}

static gboolean
tree_is_empty (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);

  return d == NULL || g_dir_read_name (d) == NULL;
}

static void
write_hostile_zip (const char *path)
{
  static const char evil[] = "not a project file";
  static const char text[] = "[META]\r\n";
  zip_t *za;
  zip_source_t *source;
  int zip_error = 0;

  za = zip_open (path, ZIP_CREATE | ZIP_TRUNCATE, &zip_error);
  g_assert_nonnull (za);

  source = zip_source_buffer (za, text, sizeof text - 1, 0);
  g_assert_nonnull (source);
  g_assert_cmpint (zip_file_add (za, "HOSTILE/project.work", source, ZIP_FL_ENC_UTF_8), >=, 0);

  source = zip_source_buffer (za, evil, sizeof evil - 1, 0);
  g_assert_nonnull (source);
  g_assert_cmpint (zip_file_add (za, "../evil", source, ZIP_FL_ENC_UTF_8), >=, 0);

  g_assert_cmpint (zip_close (za), ==, 0);
}

static void
test_zip (void)
{
  g_autofree char *tmp = octa_test_make_tmpdir ();
  g_autofree char *dir = write_edited_project (tmp);
  g_autofree char *zip_path = g_build_filename (tmp, "out.zip", NULL);
  g_autofree char *dest = g_build_filename (tmp, "unpacked", NULL);
  g_autofree char *unpacked = g_build_filename (dest, "EDITED", NULL);
  g_autofree char *sandbox = g_build_filename (tmp, "sandbox", NULL);
  g_autofree char *hostile = g_build_filename (tmp, "hostile.zip", NULL);
  g_autofree char *hostile_dest = g_build_filename (sandbox, "dest", NULL);
  g_autofree char *evil = g_build_filename (sandbox, "evil", NULL);
  g_auto(CliRun) run = { 0 };

  /* The edited project names ../AUDIO/kick.wav, which does not exist. */
  g_assert_cmpint (run_cli (&run, "zip", dir, zip_path), ==, 0);
  g_assert_true (strstr (run.err, "octadesk-cli: warning: ") != NULL);
  g_assert_true (strstr (run.err, "kick.wav") != NULL);
  g_assert_true (g_file_test (zip_path, G_FILE_TEST_IS_REGULAR));

  g_assert_cmpint (run_cli (&run, "unzip", zip_path, dest), ==, 0);
  assert_same_tree (dir, unpacked);

  /* Neither command overwrites. */
  g_assert_cmpint (run_cli (&run, "zip", dir, zip_path), ==, 1);
  g_assert_cmpint (run_cli (&run, "unzip", zip_path, dest), ==, 1);
  assert_same_tree (dir, unpacked);

  /* A sample that exists goes into the zip. */
  {
    g_autofree char *audio = g_build_filename (tmp, "AUDIO", NULL);
    g_autofree char *kick = g_build_filename (audio, "kick.wav", NULL);
    g_autofree char *zip2 = g_build_filename (tmp, "with-sample.zip", NULL);
    g_autofree char *dest2 = g_build_filename (tmp, "unpacked2", NULL);
    g_autofree char *kick2 = g_build_filename (dest2, "AUDIO", "kick.wav", NULL);

    g_assert_cmpint (g_mkdir (audio, 0755), ==, 0);
    octa_test_write_file (kick, "RIFF....WAVE", 12);
    g_assert_cmpint (run_cli (&run, "zip", dir, zip2), ==, 0);
    g_assert_null (strstr (run.err, "warning"));
    g_assert_cmpint (run_cli (&run, "unzip", zip2, dest2), ==, 0);
    g_assert_true (g_file_test (kick2, G_FILE_TEST_IS_REGULAR));
  }

  /* Zipping something that is not a project folder. */
  {
    g_autofree char *zip3 = g_build_filename (tmp, "nothing.zip", NULL);
    g_autofree char *missing = g_build_filename (tmp, "missing", NULL);

    g_assert_cmpint (run_cli (&run, "zip", missing, zip3), ==, 1);
    g_assert_false (g_file_test (zip3, G_FILE_TEST_EXISTS));
  }

  /* An entry escaping the destination: refused, nothing written anywhere. */
  g_assert_cmpint (g_mkdir (sandbox, 0755), ==, 0);
  write_hostile_zip (hostile);
  g_assert_cmpint (run_cli (&run, "unzip", hostile, hostile_dest), ==, 1);
  g_assert_true (g_str_has_prefix (run.err, "octadesk-cli: "));
  g_assert_false (g_file_test (evil, G_FILE_TEST_EXISTS));
  g_assert_true (tree_is_empty (hostile_dest));
  {
    g_autoptr(GDir) d = g_dir_open (sandbox, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (d)) != NULL)
      g_assert_cmpstr (name, ==, "dest");
  }

  octa_test_rm_rf (tmp);
}

/* Corpus */

static char *
corpus_path (const char *relative)
{
  return g_build_filename (octa_test_corpus_dir (), relative, NULL);
}

static void
test_corpus_roundtrip (void)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GHashTable) empty = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(CliRun) run = { 0 };
  g_auto(GStrv) lines = NULL;
  guint identical = 0, failed = 0;

  if (octa_test_skip_without_corpus ())
    return;

  /* Zero-byte .ot placeholders are kept in the corpus as negative examples. */
  all = octa_test_find_files (octa_test_corpus_dir (), NULL);
  for (guint i = 0; i < all->len; i++)
    {
      GStatBuf st;

      if (g_stat (all->pdata[i], &st) == 0 && st.st_size == 0 &&
          octa_file_kind_from_filename (all->pdata[i]) != OCTA_FILE_KIND_UNKNOWN)
        g_hash_table_add (empty, g_strdup (all->pdata[i]));
    }

  /* Placeholders hold nothing to lose: skipped, not failures. */
  g_assert_cmpint (run_cli (&run, "roundtrip", octa_test_corpus_dir ()), ==, 0);

  lines = output_lines (run.out);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *colon;
      g_autofree char *path = NULL;

      if (g_str_has_prefix (lines[i], "Round-tripped "))
        continue;
      g_assert_null (strstr (lines[i], ": differs at offset"));
      g_assert_null (strstr (lines[i], ": cannot decode"));

      if (g_str_has_suffix (lines[i], ": identical"))
        {
          identical++;
          continue;
        }
      colon = strstr (lines[i], ": empty, no Octatrack data (skipped)");
      g_assert_nonnull (colon);
      path = g_strndup (lines[i], colon - lines[i]);
      g_assert_true (g_hash_table_contains (empty, path));
      failed++;
    }

  g_assert_cmpuint (failed, ==, g_hash_table_size (empty));
  /* Everything but the manifests and the placeholders. */
  g_assert_cmpuint (identical, >=, 200);
}

static void
test_corpus_validate (void)
{
  g_autofree char *full = NULL;
  g_autofree char *good = NULL;
  g_autofree char *expected = NULL;
  g_auto(CliRun) run = { 0 };

  if (octa_test_skip_without_corpus ())
    return;

  full = corpus_path ("octatools/arrange-tests/full_options.work");
  g_assert_cmpint (run_cli (&run, "validate", full), ==, 1);
  expected = g_strdup_printf ("%s: bad checksum", full);
  g_assert_true (g_str_has_prefix (run.out, expected));
  g_assert_cmpuint (count_lines_with_prefix (run.out, full), ==, 1);

  good = corpus_path ("octatools/blank-project");
  g_assert_cmpint (run_cli (&run, "validate", good), ==, 0);
}

static void
test_corpus_dump (void)
{
  g_autofree char *dir = NULL;
  g_auto(CliRun) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *top, *bank, *track;
  JsonArray *banks, *patterns, *files;
  static const gint64 trig_steps[] = { 1, 15, 17, 31, 33, 47, 49, 63 };
  static const gint64 trigless_steps[] = { 9, 25, 41, 57 };
  static const gint64 lock_steps[] = { 13, 29, 45, 61 };
  static const gint64 oneshot_steps[] = { 5, 21, 37, 53 };
  gboolean has_strd = FALSE;

  if (octa_test_skip_without_corpus ())
    return;

  dir = corpus_path ("octatools/BANK-COPY-SRC");
  g_assert_cmpint (run_cli (&run, "dump", "--json", dir), ==, 0);
  root = parse_json (run.out);
  top = json_node_get_object (root);

  files = json_object_get_array_member (top, "files");
  for (guint i = 0; i < json_array_get_length (files); i++)
    if (g_str_equal (json_array_get_string_element (files, i), "bank01.strd"))
      has_strd = TRUE;
  g_assert_true (has_strd);

  banks = json_object_get_array_member (top, "banks");
  g_assert_cmpuint (json_array_get_length (banks), ==, 1);
  bank = json_array_get_object_element (banks, 0);
  g_assert_cmpstr (json_object_get_string_member (bank, "bank"), ==, "A");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (bank,
                                                                                "part_names"),
                                                  1), ==, "TEST2");

  patterns = json_object_get_array_member (bank, "patterns");
  for (guint p = 0; p < 4; p++)
    {
      JsonObject *pattern = json_array_get_object_element (patterns, p);

      g_assert_cmpint (json_object_get_int_member (pattern, "part"), ==, p + 1);
      g_assert_cmpint (json_object_get_int_member (pattern, "length"), ==, 16 * (p + 1));
    }

  /* Spec §2.2.1's worked example: trigger mask 40 01 40 01 40 01 40 01. */
  track = dump_track (bank, 3, "audio_tracks", 5);
  assert_int_list (json_object_get_array_member (track, "trig_steps"),
                   trig_steps, G_N_ELEMENTS (trig_steps));
  assert_int_list (json_object_get_array_member (track, "trigless_steps"),
                   trigless_steps, G_N_ELEMENTS (trigless_steps));
  assert_int_list (json_object_get_array_member (track, "lock_steps"),
                   lock_steps, G_N_ELEMENTS (lock_steps));
  assert_int_list (json_object_get_array_member (track, "oneshot_steps"),
                   oneshot_steps, G_N_ELEMENTS (oneshot_steps));

  /* Sample locks 1 and 126 (0-based) are the device's slots 2 and 127. */
  track = dump_track (bank, 3, "audio_tracks", 0);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (track,
                                                                              "sample_locks"),
                                               "9"), ==, 2);
  track = dump_track (bank, 3, "audio_tracks", 1);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (track,
                                                                              "sample_locks"),
                                               "57"), ==, 127);

  g_assert_cmpint (run_cli (&run, "info", dir), ==, 0);
  g_assert_true (strstr (run.out, "A04  part 4  length 64  44 trigs\n") != NULL);
  g_assert_true (strstr (run.out, "Saved (.strd): 1 (bank01.strd)\n") != NULL);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/usage", test_usage);
  g_test_add_func ("/cli/new", test_new);
  g_test_add_func ("/cli/validate", test_validate);
  g_test_add_func ("/cli/roundtrip", test_roundtrip);
  g_test_add_func ("/cli/dump", test_dump);
  g_test_add_func ("/cli/info", test_info);
  g_test_add_func ("/cli/zip", test_zip);
  g_test_add_func ("/cli/corpus/roundtrip", test_corpus_roundtrip);
  g_test_add_func ("/cli/corpus/validate", test_corpus_validate);
  g_test_add_func ("/cli/corpus/dump", test_corpus_dump);

  return g_test_run ();
}
