/* SPDX-License-Identifier: MIT */
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "octa.h"
#include "octa-test-utils.h"

/*
 * Runs the Python demos in demos/ through PyGObject against the Octa
 * typelib of this build tree, then reads what they wrote with
 * `octadesk-cli dump --json`. Without Python or PyGObject the tests are
 * skipped loudly; OCTA_REQUIRE_PYTHON=1 (CI) makes that a failure.
 */

static char *python;          /* a Python 3 that can import gi, or NULL */
static char **python_envp;

static char *
build_path (const char *relative)
{
  const char *build = g_getenv ("G_TEST_BUILDDIR");
  g_autofree char *path = NULL;

  g_assert_nonnull (build);
  path = g_build_filename (build, relative, NULL);
  return g_canonicalize_filename (path, NULL);
}

static char *
source_path (const char *relative)
{
  const char *source = g_getenv ("G_TEST_SRCDIR");
  g_autofree char *path = NULL;

  g_assert_nonnull (source);
  path = g_build_filename (source, relative, NULL);
  return g_canonicalize_filename (path, NULL);
}

static char **
prepend_path_var (char       **envp,
                  const char  *name,
                  const char  *dir)
{
  const char *old = g_environ_getenv (envp, name);
  g_autofree char *value = NULL;

  if (old != NULL && old[0] != '\0')
    value = g_strconcat (dir, G_SEARCHPATH_SEPARATOR_S, old, NULL);
  else
    value = g_strdup (dir);
  return g_environ_setenv (envp, name, value, TRUE);
}

#if defined(__SANITIZE_ADDRESS__)
/*
 * In a sanitizer build the library needs the ASan runtime loaded first, and
 * Python is not built with it: preload the runtime this test runs with.
 * Python's own allocations are not ours to check for leaks.
 */
static char **
setup_sanitizer_env (char **envp)
{
  g_autofree char *maps = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *options = NULL;
  const char *old_options;

  if (!g_file_get_contents ("/proc/self/maps", &maps, NULL, NULL))
    return envp;
  lines = g_strsplit (maps, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *path = strchr (lines[i], '/');

      if (path != NULL && strstr (path, "/libasan.so") != NULL)
        {
          envp = g_environ_setenv (envp, "LD_PRELOAD", path, TRUE);
          break;
        }
    }

  old_options = g_environ_getenv (envp, "ASAN_OPTIONS");
  options = g_strconcat (old_options != NULL ? old_options : "",
                         old_options != NULL && old_options[0] != '\0' ? ":" : "",
                         "detect_leaks=0", NULL);
  return g_environ_setenv (envp, "ASAN_OPTIONS", options, TRUE);
}
#endif

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
spawn (Run               *run,
       const char *const *argv,
       char             **envp)
{
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  run_clear (run);
  g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);

  if (g_spawn_check_wait_status (wait_status, &error))
    run->status = 0;
  else if (error->domain == G_SPAWN_EXIT_ERROR)
    run->status = error->code;
  else
    run->status = -1;

  if (g_test_verbose () || run->status != 0)
    g_test_message ("%s: exit %d\nstdout:\n%s\nstderr:\n%s", argv[0], run->status, run->out,
                    run->err);
}

static gboolean
python_imports_gi (const char  *candidate,
                   char       **envp)
{
  const char *argv[] = { candidate, "-c", "import gi", NULL };
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_STDOUT_TO_DEV_NULL |
                     G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &wait_status, &error))
    return FALSE;
  return g_spawn_check_wait_status (wait_status, NULL);
}

/* $OCTA_PYTHON when set, else the first of python3 on PATH and the system's
 * python3 that has PyGObject: a python3 from a version manager often lacks it. */
static void
find_python (void)
{
  g_autofree char *typelib_dir = build_path ("../src/model");
  g_autofree char *on_path = g_find_program_in_path ("python3");
  const char *chosen = g_getenv ("OCTA_PYTHON");
  const char *candidates[] = { on_path, "/usr/bin/python3" };
  char **envp = g_get_environ ();

  envp = prepend_path_var (envp, "GI_TYPELIB_PATH", typelib_dir);
  envp = prepend_path_var (envp, "LD_LIBRARY_PATH", typelib_dir);
  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);
  envp = g_environ_setenv (envp, "PYTHONDONTWRITEBYTECODE", "1", TRUE);
#if defined(__SANITIZE_ADDRESS__)
  envp = setup_sanitizer_env (envp);
#endif
  python_envp = envp;

  if (chosen != NULL && chosen[0] != '\0')
    {
      if (python_imports_gi (chosen, python_envp))
        python = g_strdup (chosen);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      if (candidates[i] == NULL || candidates[i][0] == '\0')
        continue;
      if (!g_file_test (candidates[i], G_FILE_TEST_IS_EXECUTABLE))
        continue;
      if (python_imports_gi (candidates[i], python_envp))
        {
          python = g_strdup (candidates[i]);
          return;
        }
    }
}

static gboolean
skip_without_python (void)
{
  const char *why = "no python3 with PyGObject (python3-gi) found: install python3-gi "
                    "or point OCTA_PYTHON at a python3 that has it";

  if (python != NULL)
    return FALSE;

  if (g_strcmp0 (g_getenv ("OCTA_REQUIRE_PYTHON"), "1") == 0)
    {
      g_test_fail_printf ("OCTA_REQUIRE_PYTHON=1 but %s", why);
      return TRUE;
    }

  g_printerr ("# SKIPPING: %s\n", why);
  g_test_skip (why);
  return TRUE;
}

static void
run_python (Run               *run,
            const char *const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, python);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  spawn (run, (const char *const *) argv->pdata, python_envp);
}

/* Runs demos/NAME into @out and insists that it worked. */
static void
run_demo (const char *name,
          const char *out)
{
  g_autofree char *relative = g_build_filename ("..", "demos", name, NULL);
  g_autofree char *script = source_path (relative);
  g_auto(Run) run = { 0 };

  g_assert_true (g_file_test (script, G_FILE_TEST_IS_REGULAR));
  run_python (&run, (const char *const[]) { script, out, NULL });
  if (run.status != 0)
    g_error ("%s failed (exit %d):\n%s", name, run.status, run.err);
}

static JsonNode *
dump (const char *path)
{
  const char *cli = g_getenv ("OCTADESK_CLI");
  const char *argv[] = { cli, "dump", "--json", path, NULL };
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };

  g_assert_nonnull (cli);
  spawn (&run, argv, envp);
  g_assert_cmpint (run.status, ==, 0);
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
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
find_track (JsonObject *root,
            const char *letter,
            guint       pattern,
            const char *kind,
            guint       track)
{
  JsonArray *patterns = json_object_get_array_member (find_bank (root, letter), "patterns");
  JsonObject *p = json_array_get_object_element (patterns, pattern - 1);

  return json_array_get_object_element (json_object_get_array_member (p, kind), track - 1);
}

static JsonObject *
find_part (JsonObject *root,
           const char *letter,
           guint       part)
{
  JsonArray *parts = json_object_get_array_member (find_bank (root, letter), "parts");

  return json_array_get_object_element (parts, part - 1);
}

/* "1,5,9,13": a step list as text, to compare with one assertion. */
static char *
step_list (JsonObject *track,
           const char *member)
{
  JsonArray *steps = json_object_get_array_member (track, member);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (steps); i++)
    g_string_append_printf (text, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            json_array_get_int_element (steps, i));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* "3:-4,7:6": a step map of integers as text. */
static char *
step_map (JsonObject *track,
          const char *member)
{
  JsonObject *map = json_object_get_object_member (track, member);
  g_autoptr(GList) names = json_object_get_members (map);
  g_autoptr(GString) text = g_string_new (NULL);

  for (GList *l = names; l != NULL; l = l->next)
    g_string_append_printf (text, "%s%s:%" G_GINT64_FORMAT, text->len > 0 ? "," : "",
                            (const char *) l->data, json_object_get_int_member (map, l->data));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* "1:64,3:67": one p-lock parameter over the steps that lock it. */
static char *
plock_map (JsonObject *track,
           guint       param)
{
  JsonObject *plocks = json_object_get_object_member (track, "plocks");
  g_autoptr(GList) steps = json_object_get_members (plocks);
  g_autofree char *key = g_strdup_printf ("%u", param);
  g_autoptr(GString) text = g_string_new (NULL);

  for (GList *l = steps; l != NULL; l = l->next)
    {
      JsonObject *locks = json_object_get_object_member (plocks, l->data);

      if (json_object_has_member (locks, key))
        g_string_append_printf (text, "%s%s:%" G_GINT64_FORMAT, text->len > 0 ? "," : "",
                                (const char *) l->data, json_object_get_int_member (locks, key));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const char *
slot_path (JsonObject *root,
           const char *type,
           gint64      slot)
{
  JsonArray *slots = json_object_get_array_member (root, "sample_slots");

  for (guint i = 0; i < json_array_get_length (slots); i++)
    {
      JsonObject *s = json_array_get_object_element (slots, i);

      if (g_str_equal (json_object_get_string_member (s, "type"), type) &&
          json_object_get_int_member (s, "slot") == slot)
        return json_object_get_string_member (s, "path");
    }
  return NULL;
}

static gint64
array_int (JsonObject *object,
           const char *member,
           guint       index)
{
  return json_array_get_int_element (json_object_get_array_member (object, member), index);
}

static const char *
array_string (JsonObject *object,
              const char *member,
              guint       index)
{
  return json_array_get_string_element (json_object_get_array_member (object, member), index);
}

#define assert_text(expr, expected) \
  G_STMT_START { \
    g_autofree char *_text = (expr); \
    g_assert_cmpstr (_text, ==, (expected)); \
  } G_STMT_END

static void
assert_file_exists (const char *dir,
                    const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    g_error ("%s was not written", path);
}

static void
test_import (void)
{
  g_auto(Run) run = { 0 };

  if (skip_without_python ())
    return;

  run_python (&run, (const char *const[]) {
    "-c",
    "import gi\n"
    "gi.require_version('Octa', '1.0')\n"
    "from gi.repository import Octa\n"
    "project = Octa.Project.new_blank('T')\n"
    "step = project.get_bank(0).get_pattern(0).get_audio_track(2).get_step(16)\n"
    "project.begin_change('test')\n"
    "step.props.trig = True\n"
    "step.props.condition = Octa.TrigCondition.FILL\n"
    "project.end_change()\n"
    "print(step.get_track().get_pattern().dup_label(), step.props.trig,\n"
    "      step.props.condition.value_nick, project.props.modified)\n"
    "project.undo()\n"
    "print(step.props.trig)\n",
    NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "A01 True fill True\nFalse\n");
}

static void
test_new_project (void)
{
  g_autofree char *out = NULL;
  g_autofree char *project = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *root;
  JsonObject *settings;
  JsonArray *files;
  JsonObject *bank;
  gboolean have_strd = FALSE;

  if (skip_without_python ())
    return;

  out = octa_test_make_tmpdir ();
  run_demo ("new_project.py", out);
  project = g_build_filename (out, "SKETCH", NULL);
  node = dump (project);
  root = json_node_get_object (node);

  g_assert_cmpstr (json_object_get_string_member (root, "name"), ==, "SKETCH");
  bank = find_bank (root, "A");
  g_assert_cmpstr (array_string (bank, "part_names", 0), ==, "INTRO");
  g_assert_cmpstr (array_string (bank, "part_names", 1), ==, "VERSE");
  g_assert_cmpstr (array_string (bank, "part_names", 2), ==, "CHORUS");
  g_assert_cmpstr (array_string (bank, "part_names", 3), ==, "OUTRO");
  settings = json_object_get_object_member (root, "settings");
  g_assert_cmpint (json_object_get_int_member (settings, "TEMPOx24"), ==, 2364);

  /* Saved as the device's PROJECT ▸ SAVE: every .work has its .strd. */
  files = json_object_get_array_member (root, "files");
  g_assert_cmpuint (json_array_get_length (files), ==, 26 + 18);
  for (guint i = 0; i < json_array_get_length (files); i++)
    if (g_str_equal (json_array_get_string_element (files, i), "project.strd"))
      have_strd = TRUE;
  g_assert_true (have_strd);

  octa_test_rm_rf (out);
}

static void
test_euclid (void)
{
  static const struct
  {
    guint       track;
    const char *sample;
    guint       pulses;
    gint        rotation;
    const char *steps;
  } voices[] = {
    { 1, "../AUDIO/euclid-kick.wav",  4, 0, "1,5,9,13" },
    { 2, "../AUDIO/euclid-snare.wav", 2, 4, "5,13" },
    { 3, "../AUDIO/euclid-hat.wav",   7, 2, "1,3,5,7,10,12,14" },
  };
  g_autofree char *out = NULL;
  g_autofree char *project = NULL;
  g_autofree char *audio = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *root;
  JsonObject *part;

  if (skip_without_python ())
    return;

  out = octa_test_make_tmpdir ();
  run_demo ("euclid.py", out);
  project = g_build_filename (out, "EUCLID", NULL);
  audio = g_build_filename (out, "AUDIO", NULL);
  node = dump (project);
  root = json_node_get_object (node);
  part = find_part (root, "A", 1);

  for (guint i = 0; i < G_N_ELEMENTS (voices); i++)
    {
      JsonObject *track = find_track (root, "A", 1, "audio_tracks", voices[i].track);
      guint64 mask = octa_euclidean_mask (voices[i].pulses, 16, voices[i].rotation);
      g_autoptr(GString) expected = g_string_new (NULL);
      gint64 slot;

      for (guint step = 0; step < 16; step++)
        if (mask & (G_GUINT64_CONSTANT (1) << step))
          g_string_append_printf (expected, "%s%u", expected->len > 0 ? "," : "", step + 1);
      g_assert_cmpstr (expected->str, ==, voices[i].steps);
      assert_text (step_list (track, "trig_steps"), voices[i].steps);

      g_assert_cmpstr (array_string (part, "machines", voices[i].track - 1), ==, "flex");
      slot = array_int (part, "flex_slots", voices[i].track - 1);
      g_assert_cmpstr (slot_path (root, "flex", slot), ==, voices[i].sample);
      assert_file_exists (audio, voices[i].sample + strlen ("../AUDIO/"));
    }

  /* Accents: AMP VOL (byte 15) alternates on the hats. */
  assert_text (plock_map (find_track (root, "A", 1, "audio_tracks", 3), 15),
               "1:127,3:72,5:127,7:72,10:127,12:72,14:127");
  assert_text (step_list (find_track (root, "A", 1, "audio_tracks", 4), "trig_steps"), "");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "settings"),
                                               "TEMPOx24"), ==, 124 * 24);

  octa_test_rm_rf (out);
}

static void
check_acid (JsonObject *root)
{
  JsonObject *flex = find_track (root, "A", 1, "audio_tracks", 1);
  JsonObject *midi = find_track (root, "A", 1, "midi_tracks", 1);
  JsonObject *part = find_part (root, "A", 1);

  assert_text (step_list (flex, "trig_steps"), "1,2,3,5,6,7,9,10,11,13,14,15,16");
  assert_text (step_list (flex, "slide_steps"), "3,6,10,14");
  /* PTCH (byte 0): 64 plus the semitones. */
  assert_text (plock_map (flex, 0),
               "1:64,2:64,3:76,5:64,6:67,7:69,9:64,10:74,11:76,13:71,14:79,15:76,16:64");
  assert_text (plock_map (flex, 15), "1:127,5:127,9:127,13:127");
  /* 1:2 is 30, !FILL 2, FILL 1. */
  assert_text (step_map (flex, "conditions"), "7:30,13:2,14:1,15:1");
  assert_text (step_map (flex, "micro_timing"), "6:6,10:-4,15:3,16:-8");
  assert_text (step_map (flex, "sample_locks"), "9:6");

  assert_text (step_list (midi, "trig_steps"), "1,2,3,5,6,7,9,10,11,13,14,15,16");
  /* NOTE (byte 0): C2 = 36 plus the semitones. */
  assert_text (plock_map (midi, 0),
               "1:36,2:36,3:48,5:36,6:39,7:41,9:36,10:46,11:48,13:43,14:51,15:48,16:36");
  assert_text (step_map (midi, "conditions"), "7:30,13:2,14:1,15:1");
  assert_text (step_map (midi, "micro_timing"), "6:6,10:-4,15:3,16:-8");

  g_assert_cmpstr (array_string (part, "machines", 0), ==, "flex");
  g_assert_cmpint (array_int (part, "flex_slots", 0), ==, 5);
  g_assert_cmpstr (slot_path (root, "flex", 5), ==, "../AUDIO/acid-saw.wav");
  g_assert_cmpstr (slot_path (root, "flex", 6), ==, "../AUDIO/acid-square.wav");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "settings"),
                                               "TEMPOx24"), ==, 132 * 24);
}

static void
test_acid (void)
{
  g_autofree char *out = NULL;
  g_autofree char *project = NULL;
  g_autofree char *zip = NULL;
  g_autofree char *unpacked = NULL;
  g_autofree char *audio = NULL;
  g_autoptr(JsonNode) folder_node = NULL;
  g_autoptr(JsonNode) zip_node = NULL;
  g_autoptr(GError) error = NULL;

  if (skip_without_python ())
    return;

  out = octa_test_make_tmpdir ();
  run_demo ("acid.py", out);
  project = g_build_filename (out, "ACID", NULL);
  zip = g_build_filename (out, "ACID.zip", NULL);
  audio = g_build_filename (out, "AUDIO", NULL);

  folder_node = dump (project);
  check_acid (json_node_get_object (folder_node));
  assert_file_exists (audio, "acid-saw.wav");
  assert_file_exists (audio, "acid-square.wav");

  zip_node = dump (zip);
  check_acid (json_node_get_object (zip_node));

  /* The zip carries the samples the slots name, where they name them. */
  unpacked = g_build_filename (out, "unpacked", NULL);
  g_assert_true (octa_zip_extract (zip, unpacked, &error));
  g_assert_no_error (error);
  {
    g_autofree char *pool = g_build_filename (unpacked, "AUDIO", NULL);
    g_autofree char *inner = g_build_filename (unpacked, "ACID", NULL);

    assert_file_exists (pool, "acid-saw.wav");
    assert_file_exists (pool, "acid-square.wav");
    assert_file_exists (inner, "project.work");
  }

  octa_test_rm_rf (out);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  find_python ();
  if (python != NULL)
    g_test_message ("using %s", python);

  g_test_add_func ("/model/python/import", test_import);
  g_test_add_func ("/model/python/new-project", test_new_project);
  g_test_add_func ("/model/python/euclid", test_euclid);
  g_test_add_func ("/model/python/acid", test_acid);

  status = g_test_run ();
  g_clear_pointer (&python, g_free);
  g_clear_pointer (&python_envp, g_strfreev);
  return status;
}
