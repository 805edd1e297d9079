/* SPDX-License-Identifier: MIT */
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "octa-test-utils.h"

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

typedef struct
{
  char *tmp;
  char *project;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_auto(CliRun) run = { 0 };

  fixture->tmp = octa_test_make_tmpdir ();
  fixture->project = g_build_filename (fixture->tmp, "SONG", NULL);
  g_assert_cmpint (run_cli (&run, "new", fixture->project), ==, 0);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  octa_test_rm_rf (fixture->tmp);
  g_free (fixture->tmp);
  g_free (fixture->project);
}

static JsonObject *
dump_project (const char *path,
              JsonParser *parser)
{
  g_auto(CliRun) run = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (run_cli (&run, "dump", "--json", path), ==, 0);
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static JsonObject *
find_bank (JsonObject *root,
           const char *letter)
{
  JsonArray *banks = json_object_get_array_member (root, "banks");

  for (guint i = 0; i < json_array_get_length (banks); i++)
    {
      JsonObject *bank = json_array_get_object_element (banks, i);

      if (g_strcmp0 (json_object_get_string_member (bank, "bank"), letter) == 0)
        return bank;
    }
  g_assert_not_reached ();
}

static JsonObject *
find_pattern (JsonObject *root,
              const char *letter,
              guint       pattern)
{
  JsonArray *patterns = json_object_get_array_member (find_bank (root, letter), "patterns");

  return json_array_get_object_element (patterns, pattern - 1);
}

static JsonObject *
find_track (JsonObject *root,
            const char *letter,
            guint       pattern,
            const char *kind,
            guint       track)
{
  JsonArray *tracks = json_object_get_array_member (find_pattern (root, letter, pattern), kind);

  return json_array_get_object_element (tracks, track - 1);
}

static gboolean
step_list_has (JsonObject *track,
               const char *member,
               gint64      step)
{
  JsonArray *steps = json_object_get_array_member (track, member);

  for (guint i = 0; i < json_array_get_length (steps); i++)
    if (json_array_get_int_element (steps, i) == step)
      return TRUE;
  return FALSE;
}

static gint64
step_map_int (JsonObject *track,
              const char *member,
              const char *step)
{
  JsonObject *map = json_object_get_object_member (track, member);

  g_assert_true (json_object_has_member (map, step));
  return json_object_get_int_member (map, step);
}

static gint64
plock (JsonObject *track,
       const char *step,
       const char *param)
{
  JsonObject *plocks = json_object_get_object_member (track, "plocks");
  JsonObject *locks;

  g_assert_true (json_object_has_member (plocks, step));
  locks = json_object_get_object_member (plocks, step);
  g_assert_true (json_object_has_member (locks, param));
  return json_object_get_int_member (locks, param);
}

static char *
file_md5 (const char *dir,
          const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  gsize len;
  g_autofree guint8 *data = octa_test_read_file (path, &len);

  return g_compute_checksum_for_data (G_CHECKSUM_MD5, data, len);
}

static void
test_steps (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(CliRun) run = { 0 };
  JsonObject *root;
  JsonObject *t3;
  JsonObject *m1;

  g_assert_cmpint (run_cli (&run, "set", fixture->project,
                            "A01.T3.17.trig=true",
                            "A01.T3.17.lock-amp-vol=100",
                            "a01.t3.17.micro_timing=-5",
                            "A01.T3.17.condition=1:2",
                            "A01.T3.5.trig=on",
                            "A01.T3.5.repeats=3",
                            "A01.T3.9.slide=yes",
                            "A01.T3.9.trigless=1",
                            "A01.M1.1.trig=true",
                            "A01.M1.1.condition=FILL",
                            "A01.M1.1.lock-note=64",
                            "A01.M1.3.condition=!pre",
                            "A01.M1.4.condition=25%",
                            "A01.M1.5.condition=30",
                            "A01.M1.6.condition=1ST",
                            "A01.M1.7.condition=!nei"), ==, 0);
  g_assert_nonnull (strstr (run.out, "A01.T3.17.trig = true (was false)"));
  g_assert_nonnull (strstr (run.out, "A01.M1.1.condition = fill (was none)"));

  root = dump_project (fixture->project, parser);
  t3 = find_track (root, "A", 1, "audio_tracks", 3);
  g_assert_true (step_list_has (t3, "trig_steps", 17));
  g_assert_true (step_list_has (t3, "trig_steps", 5));
  g_assert_false (step_list_has (t3, "trig_steps", 9));
  g_assert_true (step_list_has (t3, "slide_steps", 9));
  g_assert_true (step_list_has (t3, "trigless_steps", 9));
  /* AMP VOL is byte 15 of an audio lock record. */
  g_assert_cmpint (plock (t3, "17", "15"), ==, 100);
  g_assert_cmpint (step_map_int (t3, "micro_timing", "17"), ==, -5);
  g_assert_cmpint (step_map_int (t3, "conditions", "17"), ==, 30);
  g_assert_cmpint (step_map_int (t3, "repeats", "5"), ==, 2);

  m1 = find_track (root, "A", 1, "midi_tracks", 1);
  g_assert_true (step_list_has (m1, "trig_steps", 1));
  g_assert_cmpint (step_map_int (m1, "conditions", "1"), ==, 1);
  g_assert_cmpint (step_map_int (m1, "conditions", "3"), ==, 4);
  g_assert_cmpint (step_map_int (m1, "conditions", "4"), ==, 16);
  g_assert_cmpint (step_map_int (m1, "conditions", "5"), ==, 30);
  g_assert_cmpint (step_map_int (m1, "conditions", "6"), ==, 7);
  g_assert_cmpint (step_map_int (m1, "conditions", "7"), ==, 6);
  g_assert_cmpint (plock (m1, "1", "0"), ==, 64);

  /* Other tracks and patterns stay empty. */
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (
    find_track (root, "A", 1, "audio_tracks", 1), "trig_steps")), ==, 0);
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (
    find_track (root, "A", 2, "audio_tracks", 3), "trig_steps")), ==, 0);
}

static void
test_pattern_and_part (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(CliRun) run = { 0 };
  JsonObject *root;
  JsonObject *pattern;
  JsonArray *names;

  g_assert_cmpint (run_cli (&run, "set", fixture->project,
                            "B03.part=2",
                            "B03.tempo=126.5",
                            "B03.length=32",
                            "B03.scale=1/2x",
                            "B.3.T2.swing-amount=12",
                            "B.part1.name=BASS"), ==, 0);
  g_assert_nonnull (strstr (run.out, "B03.tempo = 126.5 (was 120)"));
  g_assert_nonnull (strstr (run.out, "B.part1.name = “BASS” (was “ONE”)"));

  root = dump_project (fixture->project, parser);
  pattern = find_pattern (root, "B", 3);
  g_assert_cmpint (json_object_get_int_member (pattern, "part"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (pattern, "tempo_x24"), ==, 3036);
  g_assert_cmpint (json_object_get_int_member (pattern, "length"), ==, 32);
  g_assert_cmpint (json_object_get_int_member (pattern, "scale"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (find_track (root, "B", 3, "audio_tracks", 2),
                                               "swing_amount"), ==, 12);
  names = json_object_get_array_member (find_bank (root, "B"), "part_names");
  g_assert_cmpstr (json_array_get_string_element (names, 0), ==, "BASS");
  names = json_object_get_array_member (find_bank (root, "A"), "part_names");
  g_assert_cmpstr (json_array_get_string_element (names, 0), ==, "ONE");
}

static JsonObject *
find_slot (JsonObject *root,
           const char *type,
           gint64      slot)
{
  JsonArray *slots = json_object_get_array_member (root, "sample_slots");

  for (guint i = 0; i < json_array_get_length (slots); i++)
    {
      JsonObject *s = json_array_get_object_element (slots, i);

      if (g_str_equal (json_object_get_string_member (s, "type"), type) &&
          json_object_get_int_member (s, "slot") == slot)
        return s;
    }
  g_assert_not_reached ();
}

static void
test_machines_slots_settings (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(CliRun) run = { 0 };
  JsonObject *root;
  JsonObject *part;
  JsonObject *arrangement;

  /* The machine changes first; the Flex track it makes has PTCH. */
  g_assert_cmpint (run_cli (&run, "set", fixture->project,
                            "A.part1.T2.machine=flex",
                            "A.part1.T2.flex-slot=12",
                            "A.part1.T2.ptch=70",
                            "A.part1.T2.fx1-type=lofi",
                            "A.part1.M1.channel=10",
                            "flex.12.path=../AUDIO/kick.wav",
                            "flex.12.gain=60",
                            "flex.12.markers.trim-end=1000",
                            "recorder.2.path=take.wav",
                            "static.3.path=../AUDIO/loop.wav",
                            "settings.tempo=130",
                            "settings.metronome-enabled=1",
                            "arr1.name=SONG",
                            "arr1.row-count=2",
                            "arr1.1.pattern=3"), ==, 0);
  g_assert_nonnull (strstr (run.out, "A.part1.T2.ptch = 70 (was 64)"));
  g_assert_nonnull (strstr (run.out, "A.part1.M1.channel = 10 (was 1)"));

  root = dump_project (fixture->project, parser);
  part = json_array_get_object_element (
    json_object_get_array_member (find_bank (root, "A"), "parts"), 0);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (part, "machines"),
                                                  1), ==, "flex");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (part, "machines"),
                                                  0), ==, "static");
  g_assert_cmpint (json_array_get_int_element (json_object_get_array_member (part, "flex_slots"),
                                               1), ==, 12);
  g_assert_cmpint (json_array_get_int_element (json_object_get_array_member (part, "fx1"), 1),
                   ==, 28);

  g_assert_cmpstr (json_object_get_string_member (find_slot (root, "flex", 12), "path"), ==,
                   "../AUDIO/kick.wav");
  g_assert_cmpint (json_object_get_int_member (find_slot (root, "flex", 12), "gain"), ==, 60);
  g_assert_cmpint (json_object_get_int_member (find_slot (root, "flex", 12), "trim_end"), ==,
                   1000);
  /* Recorder buffer 2 is Flex slot 130. */
  g_assert_cmpstr (json_object_get_string_member (find_slot (root, "flex", 130), "path"), ==,
                   "take.wav");
  g_assert_cmpstr (json_object_get_string_member (find_slot (root, "static", 3), "path"), ==,
                   "../AUDIO/loop.wav");

  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "settings"),
                                               "TEMPOx24"), ==, 130 * 24);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "settings"),
                                               "METRONOME_ENABLED"), ==, 1);

  arrangement = json_array_get_object_element (json_object_get_array_member (root, "arrangements"),
                                               0);
  g_assert_cmpstr (json_object_get_string_member (arrangement, "name"), ==, "SONG");
  g_assert_cmpint (json_object_get_int_member (arrangement, "rows"), ==, 2);

  /* An empty path clears the slot again. */
  g_assert_cmpint (run_cli (&run, "set", fixture->project, "flex.12.path="), ==, 0);
  root = dump_project (fixture->project, parser);
  {
    JsonArray *slots = json_object_get_array_member (root, "sample_slots");

    for (guint i = 0; i < json_array_get_length (slots); i++)
      {
        JsonObject *s = json_array_get_object_element (slots, i);

        g_assert_false (g_str_equal (json_object_get_string_member (s, "type"), "flex") &&
                        json_object_get_int_member (s, "slot") == 12);
      }
  }
}

static void
assert_failure (Fixture    *fixture,
                const char *assignment,
                int         status,
                const char *message)
{
  g_autofree char *before = file_md5 (fixture->project, "bank01.work");
  g_autofree char *after = NULL;
  g_auto(CliRun) run = { 0 };

  /* The first assignment is fine: a failure later must still write nothing. */
  g_assert_cmpint (run_cli (&run, "set", fixture->project, "A01.T1.1.trig=true", assignment),
                   ==, status);
  if (g_test_verbose ())
    g_test_message ("%s → %s", assignment, run.err);
  g_assert_nonnull (strstr (run.err, message));
  after = file_md5 (fixture->project, "bank01.work");
  g_assert_cmpstr (before, ==, after);
}

static void
test_errors (Fixture       *fixture,
             gconstpointer  data)
{
  /* What exists at the level where the path went wrong is listed. */
  assert_failure (fixture, "A01.X9.trig=1", 1, "T1…T8 (audio tracks), M1…M8 (MIDI tracks)");
  assert_failure (fixture, "Q01.trig=1", 1, "A…P (banks), A01…P16 (patterns)");
  assert_failure (fixture, "A01.T1.65.trig=1", 1, "1…64 (steps)");
  assert_failure (fixture, "A01.T1.1.volume=1", 1, "lock-amp-vol");
  assert_failure (fixture, "A01.M1.1.lock-amp-vol=1", 1, "lock-note");
  assert_failure (fixture, "A01.part.x=1", 1, "“part” is a property");
  assert_failure (fixture, "A01.T1.1.index=3", 1, "read-only");
  assert_failure (fixture, "A01.T1.1.trig=maybe", 1, "not true or false");
  assert_failure (fixture, "A01.T1.1.condition=sometimes", 1, "not-fill");
  assert_failure (fixture, "A01.T1.1.micro-timing=24", 1, "-23…23");
  assert_failure (fixture, "A01.T1.1.lock-amp-vol=1x", 1, "-1…254");
  assert_failure (fixture, "A01.tempo=fast", 1, "tempo");
  assert_failure (fixture, "A.part1.name=TOOLONGNAME", 1, "name");
  assert_failure (fixture, "A.part1.T9.machine=flex", 1, "T1…T8");
  assert_failure (fixture, "A.part1.T1.machine=sampler", 1, "neighbor");
  assert_failure (fixture, "flex.129.path=x.wav", 1, "1…128");
  assert_failure (fixture, "flex.path=x.wav", 1, "flex.1…flex.128");
  assert_failure (fixture, "recorder.9.path=x.wav", 1, "1…8");
  assert_failure (fixture, "settings.tempo=400", 1, "30…300");
  assert_failure (fixture, "settings.nope=1", 1, "metronome-enabled");
  assert_failure (fixture, "A01.T1.1.trig", 2, "not PATH=VALUE");
  assert_failure (fixture, "=true", 2, "not PATH=VALUE");
  assert_failure (fixture, "A01..trig=true", 2, "empty name");
}

static void
test_usage (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *zip = g_build_filename (fixture->tmp, "SONG.zip", NULL);
  g_autofree char *missing = g_build_filename (fixture->tmp, "NOPE", NULL);
  g_auto(CliRun) run = { 0 };

  g_assert_cmpint (run_cli (&run, "set"), ==, 2);
  g_assert_cmpint (run_cli (&run, "set", fixture->project), ==, 2);
  g_assert_cmpint (run_cli (&run, "set", "--bogus", fixture->project, "A01.part=2"), ==, 2);
  g_assert_cmpint (run_cli (&run, "set", missing, "A01.part=2"), ==, 1);
  g_assert_nonnull (strstr (run.err, "not a project folder"));

  g_assert_cmpint (run_cli (&run, "zip", fixture->project, zip), ==, 0);
  g_assert_cmpint (run_cli (&run, "set", zip, "A01.part=2"), ==, 1);
  g_assert_nonnull (strstr (run.err, "unzip it first"));

  g_assert_cmpint (run_cli (&run, "set", "--help"), ==, 0);
  g_assert_nonnull (strstr (run.out, "PATH=VALUE"));
  g_assert_cmpint (run_cli (&run, "--help"), ==, 0);
  g_assert_nonnull (strstr (run.out, "set PROJECT PATH=VALUE"));
}

static void
test_working_and_device_save (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *strd = g_build_filename (fixture->project, "bank01.strd", NULL);
  g_autofree char *work_md5 = NULL;
  g_autofree char *strd_md5 = NULL;
  g_auto(CliRun) run = { 0 };

  /* A plain set is the device's SYNC TO CARD: no saved state appears. */
  g_assert_false (g_file_test (strd, G_FILE_TEST_EXISTS));
  g_assert_cmpint (run_cli (&run, "set", fixture->project, "A01.T1.1.trig=true"), ==, 0);
  g_assert_false (g_file_test (strd, G_FILE_TEST_EXISTS));

  /* --device-save is PROJECT ▸ SAVE: the saved state is the working state. */
  g_assert_cmpint (run_cli (&run, "set", "--device-save", fixture->project,
                            "A01.T1.2.trig=true"), ==, 0);
  g_assert_true (g_file_test (strd, G_FILE_TEST_EXISTS));
  work_md5 = file_md5 (fixture->project, "bank01.work");
  strd_md5 = file_md5 (fixture->project, "bank01.strd");
  g_assert_cmpstr (work_md5, ==, strd_md5);

  /* Another plain set leaves that saved state behind. */
  g_assert_cmpint (run_cli (&run, "set", fixture->project, "A01.T1.3.trig=true"), ==, 0);
  g_clear_pointer (&work_md5, g_free);
  g_clear_pointer (&strd_md5, g_free);
  work_md5 = file_md5 (fixture->project, "bank01.work");
  strd_md5 = file_md5 (fixture->project, "bank01.strd");
  g_assert_cmpstr (work_md5, !=, strd_md5);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/set/steps", Fixture, NULL, fixture_setup, test_steps, fixture_teardown);
  g_test_add ("/cli/set/pattern-and-part", Fixture, NULL, fixture_setup, test_pattern_and_part,
              fixture_teardown);
  g_test_add ("/cli/set/machines-slots-settings", Fixture, NULL, fixture_setup,
              test_machines_slots_settings, fixture_teardown);
  g_test_add ("/cli/set/errors", Fixture, NULL, fixture_setup, test_errors, fixture_teardown);
  g_test_add ("/cli/set/usage", Fixture, NULL, fixture_setup, test_usage, fixture_teardown);
  g_test_add ("/cli/set/device-save", Fixture, NULL, fixture_setup,
              test_working_and_device_save, fixture_teardown);

  return g_test_run ();
}
