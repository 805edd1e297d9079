/* SPDX-License-Identifier: MIT */
/*
 * Project settings: every [SETTINGS] and [STATES] key is a property that
 * reads the device default when missing, edits exactly its own line,
 * notifies once and undoes to the same bytes; real projects read their odd
 * values and round-trip unchanged.
 */
#include <string.h>

#include "octa.h"
#include "octa-project-private.h"
#include "octa-test-utils.h"

static char *
project_text (OctaProject *project)
{
  g_autoptr(GBytes) bytes = octa_project_encode_file (project, "project.work");
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  return g_strndup (data, len);
}

/* "MIDI_TRIG_CH1" → "midi-trig-ch1", "TEMPOx24" → "tempo-x24" */
static char *
property_name (const char *key)
{
  GString *name = g_string_new (NULL);

  for (const char *p = key; *p != '\0'; p++)
    {
      if (g_str_equal (p, "x24"))
        {
          g_string_append (name, "-x24");
          break;
        }
      g_string_append_c (name, *p == '_' ? '-' : g_ascii_tolower (*p));
    }
  return g_string_free (name, FALSE);
}

static gint
find_line (const char *text,
           const char *line)
{
  g_auto(GStrv) lines = g_strsplit (text, "\r\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_equal (lines[i], line))
      return (gint) i;
  return -1;
}

static char *
replace_line (const char *text,
              guint       index,
              const char *line)
{
  g_auto(GStrv) lines = g_strsplit (text, "\r\n", -1);

  g_free (lines[index]);
  lines[index] = g_strdup (line);
  return g_strjoinv ("\r\n", lines);
}

static guint notify_count;

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           gpointer    user_data)
{
  if (g_strcmp0 (pspec->name, user_data) == 0)
    notify_count++;
}

static const char *const sections[] = { OCTA_SECTION_SETTINGS, OCTA_SECTION_STATES };

static void
test_blank_defaults (void)
{
  g_autoptr(OctaProject) project = octa_project_new_blank ("SETTINGS");
  g_autoptr(OctaProjectSettings) settings = octa_project_get_settings (project);
  g_autofree char *os = NULL;
  g_autofree char *version = NULL;
  guint n_props, n_keys = 0;
  g_autofree GParamSpec **pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (settings),
                                                                     &n_props);

  for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
    {
      const char *const *keys = octa_project_file_known_keys (sections[s]);

      for (guint k = 0; keys[k] != NULL; k++)
        {
          g_autofree char *name = NULL;
          GParamSpec *pspec;
          gint expected, value;

          if (g_str_equal (keys[k], "TRIG_MODE_MIDI"))
            continue;
          name = property_name (keys[k]);
          pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (settings), name);
          g_assert_nonnull (pspec);
          g_assert_true (G_IS_PARAM_SPEC_INT (pspec));
          g_assert_cmpstr (octa_project_settings_get_key (settings, name), ==, keys[k]);
          g_assert_true (octa_project_file_key_default (sections[s], keys[k], &expected));
          g_object_get (settings, name, &value, NULL);
          g_assert_cmpint (value, ==, expected);
          g_assert_cmpint (G_PARAM_SPEC_INT (pspec)->default_value, ==, expected);
          n_keys++;
        }
    }
  /* 55 [SETTINGS] keys besides TRIG_MODE_MIDI, 15 [STATES] keys, tempo, 2 strings */
  g_assert_cmpuint (n_keys, ==, 70);
  g_assert_cmpuint (n_props, ==, 73);

  g_assert_cmpfloat (octa_project_settings_get_tempo (settings), ==, 120.0);
  os = octa_project_settings_dup_os_version (settings);
  version = octa_project_settings_dup_version (settings);
  g_assert_cmpstr (os, ==, "R0177     1.40B");
  g_assert_cmpstr (version, ==, "19");
  for (guint i = 0; i < 8; i++)
    g_assert_cmpint (octa_project_settings_get_trig_mode_midi (settings, i), ==, 0);

  {
    g_autoptr(OctaProjectSettings) again = octa_project_get_settings (project);
    g_assert_true (again == settings);
  }
}

/* Each key: one changed line, one notify, refused out of range, undone. */
static void
test_each_key_edits_its_line (void)
{
  g_autoptr(OctaProject) project = octa_project_new_blank ("SETTINGS");
  g_autoptr(OctaProjectSettings) settings = octa_project_get_settings (project);
  g_autofree char *blank = project_text (project);
  guint checked = 0;

  for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
    {
      const char *const *keys = octa_project_file_known_keys (sections[s]);

      for (guint k = 0; keys[k] != NULL; k++)
        {
          g_autofree char *name = NULL;
          g_autofree char *old_line = NULL;
          g_autofree char *new_line = NULL;
          g_autofree char *expected = NULL;
          g_autofree char *now = NULL;
          GParamSpecInt *pspec;
          gint before, value, after;
          gulong handler;

          if (g_str_equal (keys[k], "TRIG_MODE_MIDI"))
            continue;
          name = property_name (keys[k]);
          pspec = G_PARAM_SPEC_INT (g_object_class_find_property (G_OBJECT_GET_CLASS (settings),
                                                                  name));
          g_object_get (settings, name, &before, NULL);
          value = before < pspec->maximum ? before + 1 : before - 1;
          g_test_message ("%s", name);

          handler = g_signal_connect (settings, "notify", G_CALLBACK (on_notify), name);
          notify_count = 0;
          g_object_set (settings, name, value, NULL);
          g_assert_cmpuint (notify_count, ==, 1);
          g_object_get (settings, name, &after, NULL);
          g_assert_cmpint (after, ==, value);

          old_line = g_strdup_printf ("%s=%d", keys[k], before);
          new_line = g_strdup_printf ("%s=%d", keys[k], value);
          g_assert_cmpint (find_line (blank, old_line), >=, 0);
          expected = replace_line (blank, find_line (blank, old_line), new_line);
          now = project_text (project);
          g_assert_cmpstr (now, ==, expected);

          notify_count = 0;
          g_object_set (settings, name, value, NULL);
          g_assert_cmpuint (notify_count, ==, 0);

          if (pspec->maximum < G_MAXINT)
            {
              g_test_expect_message ("GLib-GObject", G_LOG_LEVEL_WARNING, "*out of range*");
              g_object_set (settings, name, pspec->maximum + 1, NULL);
              g_test_assert_expected_messages ();
            }
          if (pspec->minimum > G_MININT)
            {
              g_test_expect_message ("GLib-GObject", G_LOG_LEVEL_WARNING, "*out of range*");
              g_object_set (settings, name, pspec->minimum - 1, NULL);
              g_test_assert_expected_messages ();
            }

          g_assert_true (octa_project_undo (project));
          g_assert_cmpuint (notify_count, ==, 1);
          g_clear_pointer (&now, g_free);
          now = project_text (project);
          g_assert_cmpstr (now, ==, blank);
          g_signal_handler_disconnect (settings, handler);
          checked++;
        }
    }
  g_assert_cmpuint (checked, ==, 70);
}

static void
test_wide_values (void)
{
  g_autoptr(OctaProject) project = octa_project_new_blank ("SETTINGS");
  g_autoptr(OctaProjectSettings) settings = octa_project_get_settings (project);
  g_autofree char *text = NULL;
  gint value;

  /* Not booleans, whatever their names say. */
  g_object_set (settings, "midi-clock-send", 2, "midi-auto-channel", -1, "master-track", 7,
                NULL);
  g_object_get (settings, "midi-clock-send", &value, NULL);
  g_assert_cmpint (value, ==, 2);
  text = project_text (project);
  g_assert_nonnull (strstr (text, "\r\nMIDI_CLOCK_SEND=2\r\n"));
  g_assert_nonnull (strstr (text, "\r\nMIDI_AUTO_CHANNEL=-1\r\n"));
  g_assert_nonnull (strstr (text, "\r\nMASTER_TRACK=7\r\n"));
}

static void
test_tempo (void)
{
  g_autoptr(OctaProject) project = octa_project_new_blank ("SETTINGS");
  g_autoptr(OctaProjectSettings) settings = octa_project_get_settings (project);
  g_autofree char *blank = project_text (project);
  g_autofree char *expected = replace_line (blank, find_line (blank, "TEMPOx24=2880"),
                                            "TEMPOx24=3027");
  g_autofree char *now = NULL;
  guint tempo_count = 0, x24_count = 0;
  gulong h1, h2;

  notify_count = 0;
  h1 = g_signal_connect (settings, "notify", G_CALLBACK (on_notify), (gpointer) "tempo");
  octa_project_settings_set_tempo (settings, 126.125);
  tempo_count = notify_count;
  g_signal_handler_disconnect (settings, h1);
  g_assert_cmpuint (tempo_count, ==, 1);
  now = project_text (project);
  g_assert_cmpstr (now, ==, expected);
  g_assert_cmpfloat (octa_project_settings_get_tempo (settings), ==, 126.125);

  notify_count = 0;
  h2 = g_signal_connect (settings, "notify", G_CALLBACK (on_notify), (gpointer) "tempo-x24");
  g_assert_true (octa_project_undo (project));
  x24_count = notify_count;
  g_signal_handler_disconnect (settings, h2);
  g_assert_cmpuint (x24_count, ==, 1);
  g_assert_cmpfloat (octa_project_settings_get_tempo (settings), ==, 120.0);

  g_test_expect_message ("GLib-GObject", G_LOG_LEVEL_WARNING, "*out of range*");
  octa_project_settings_set_tempo (settings, 301.0);
  g_test_assert_expected_messages ();
  g_test_expect_message ("GLib-GObject", G_LOG_LEVEL_WARNING, "*out of range*");
  octa_project_settings_set_tempo (settings, 29.0);
  g_test_assert_expected_messages ();
  g_assert_false (octa_history_get_can_undo (octa_project_get_history (project)));
}

typedef struct
{
  guint count;
  guint last;
} TrigModeSeen;

static void
on_trig_mode (OctaProjectSettings *settings,
              guint                track,
              gpointer             user_data)
{
  TrigModeSeen *seen = user_data;

  seen->count++;
  seen->last = track;
}

static void
test_trig_mode_midi (void)
{
  g_autoptr(OctaProject) project = octa_project_new_blank ("SETTINGS");
  g_autoptr(OctaProjectSettings) settings = octa_project_get_settings (project);
  g_autofree char *blank = project_text (project);
  g_autofree char *now = NULL;
  g_auto(GStrv) before = g_strsplit (blank, "\r\n", -1);
  g_auto(GStrv) after = NULL;
  TrigModeSeen seen = { 0, 0 };
  guint nth = 0;

  g_signal_connect (settings, "trig-mode-midi-changed", G_CALLBACK (on_trig_mode), &seen);
  octa_project_settings_set_trig_mode_midi (settings, 3, 2);
  g_assert_cmpuint (seen.count, ==, 1);
  g_assert_cmpuint (seen.last, ==, 3);
  g_assert_cmpint (octa_project_settings_get_trig_mode_midi (settings, 3), ==, 2);
  g_assert_cmpint (octa_project_settings_get_trig_mode_midi (settings, 2), ==, 0);

  /* Only the fourth TRIG_MODE_MIDI line changed. */
  now = project_text (project);
  after = g_strsplit (now, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (after), ==, g_strv_length (before));
  for (guint i = 0; before[i] != NULL; i++)
    {
      if (g_str_equal (before[i], "TRIG_MODE_MIDI=0") && nth++ == 3)
        g_assert_cmpstr (after[i], ==, "TRIG_MODE_MIDI=2");
      else
        g_assert_cmpstr (after[i], ==, before[i]);
    }

  octa_project_settings_set_trig_mode_midi (settings, 3, 2);
  g_assert_cmpuint (seen.count, ==, 1);
  g_assert_true (octa_project_undo (project));
  g_assert_cmpuint (seen.count, ==, 2);
  g_clear_pointer (&now, g_free);
  now = project_text (project);
  g_assert_cmpstr (now, ==, blank);
}

/* A project.work lacking some keys, as a tool might write it. */
static void
test_missing_keys (void)
{
  g_autofree char *tmp = octa_test_make_tmpdir ();
  g_autofree char *folder = g_build_filename (tmp, "PROJ", NULL);
  g_autofree char *path = g_build_filename (folder, "project.work", NULL);
  g_autoptr(OctaProjectFiles) files = octa_project_files_new_blank ("PROJ");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) location = g_file_new_for_path (folder);
  g_autoptr(OctaProject) project = NULL;
  g_autoptr(OctaProjectSettings) settings = NULL;
  g_autofree char *original = NULL;
  g_autofree char *trimmed = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *now = NULL;
  gsize len;
  gint value;

  g_assert_true (octa_project_files_write_dir (files, folder, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &original, &len, NULL));
  {
    g_autoptr(GString) s = g_string_new (original);

    g_string_replace (s, "MIDI_SOFT_THRU=0\r\n", "", 1);
    g_string_replace (s, "METRONOME_PITCH=12\r\n", "", 1);
    g_string_replace (s, "MIDI_MODE=0\r\n", "", 1);
    trimmed = g_string_free (g_steal_pointer (&s), FALSE);
  }
  octa_test_write_file (path, trimmed, strlen (trimmed));

  project = octa_project_load (location, NULL, &error);
  g_assert_no_error (error);
  settings = octa_project_get_settings (project);

  g_object_get (settings, "metronome-pitch", &value, NULL);
  g_assert_cmpint (value, ==, 12);
  g_object_get (settings, "midi-soft-thru", &value, NULL);
  g_assert_cmpint (value, ==, 0);

  /* Writing the default changes nothing; another value inserts the line
   * where the device writes it. */
  g_object_set (settings, "metronome-pitch", 12, NULL);
  g_assert_false (octa_history_get_can_undo (octa_project_get_history (project)));
  g_object_set (settings, "metronome-pitch", 5, NULL);
  {
    g_autoptr(GString) s = g_string_new (trimmed);
    g_string_replace (s, "METRONOME_MAIN_VOLUME=0\r\n",
                      "METRONOME_MAIN_VOLUME=0\r\nMETRONOME_PITCH=5\r\n", 1);
    expected = g_string_free (g_steal_pointer (&s), FALSE);
  }
  now = project_text (project);
  g_assert_cmpstr (now, ==, expected);

  g_object_set (settings, "midi-mode", 1, NULL);
  g_clear_pointer (&now, g_free);
  now = project_text (project);
  g_assert_nonnull (strstr (now, "MIDI_TRACK_SOLO_MASK=0\r\nMIDI_MODE=1\r\n[/STATES]"));

  g_assert_true (octa_project_undo (project));
  g_assert_true (octa_project_undo (project));
  g_clear_pointer (&now, g_free);
  now = project_text (project);
  g_assert_cmpstr (now, ==, trimmed);

  octa_test_rm_rf (tmp);
}

static void
read_all_properties (OctaProjectSettings *settings)
{
  guint n_props;
  g_autofree GParamSpec **pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (settings),
                                                                     &n_props);

  for (guint i = 0; i < n_props; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (G_OBJECT (settings), pspecs[i]->name, &value);
    }
  for (guint i = 0; i < 8; i++)
    octa_project_settings_get_trig_mode_midi (settings, i);
}

static void
test_corpus_odd_values (void)
{
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) location = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(OctaProject) project = NULL;
  g_autoptr(OctaProjectSettings) settings = NULL;
  g_autoptr(GBytes) encoded = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *on_disk = NULL;
  gsize len;
  gint value;

  if (octa_test_skip_without_corpus ())
    return;

  /* A real device project (Octatrack Manager fixture): MIDI_CLOCK_SEND=2,
   * TEMPOx24=3027 (126.125 BPM), every MIDI_TRIG_CH off. */
  folder = g_build_filename (octa_test_corpus_dir (), "octatrack-manager", "multipart", NULL);
  path = g_build_filename (folder, "project.work", NULL);
  location = g_file_new_for_path (folder);
  project = octa_project_load (location, NULL, &error);
  g_assert_no_error (error);
  settings = octa_project_get_settings (project);

  g_object_get (settings, "midi-clock-send", &value, NULL);
  g_assert_cmpint (value, ==, 2);
  g_object_get (settings, "tempo-x24", &value, NULL);
  g_assert_cmpint (value, ==, 3027);
  g_assert_cmpfloat (octa_project_settings_get_tempo (settings), ==, 126.125);
  g_object_get (settings, "midi-trig-ch1", &value, NULL);
  g_assert_cmpint (value, ==, -1);
  g_object_get (settings, "midi-auto-channel", &value, NULL);
  g_assert_cmpint (value, ==, -1);
  g_object_get (settings, "master-track", &value, NULL);
  g_assert_cmpint (value, ==, 1);
  g_object_get (settings, "main-level", &value, NULL);
  g_assert_cmpint (value, ==, 14);
  g_object_get (settings, "track-othermode", &value, NULL);
  g_assert_cmpint (value, ==, 4);

  read_all_properties (settings);
  encoded = octa_project_encode_file (project, "project.work");
  g_assert_true (g_file_get_contents (path, &on_disk, &len, NULL));
  g_assert_cmpuint (g_bytes_get_size (encoded), ==, len);
  g_assert_cmpmem (g_bytes_get_data (encoded, NULL), len, on_disk, len);

  /* An edit and its reverse leave the file as the device wrote it. */
  g_object_set (settings, "midi-clock-send", 0, NULL);
  g_object_set (settings, "midi-clock-send", 2, NULL);
  after = octa_project_encode_file (project, "project.work");
  g_assert_cmpmem (g_bytes_get_data (after, NULL), g_bytes_get_size (after), on_disk, len);
}

static gboolean
is_project_work (const char *path)
{
  return g_str_has_suffix (path, "/project.work");
}

static void
test_corpus_round_trip (void)
{
  g_autoptr(GPtrArray) paths = NULL;
  guint loaded = 0;

  if (octa_test_skip_without_corpus ())
    return;

  paths = octa_test_find_files (octa_test_corpus_dir (), is_project_work);
  for (guint i = 0; i < paths->len; i++)
    {
      g_autofree char *folder = g_path_get_dirname (paths->pdata[i]);
      g_autoptr(GFile) location = g_file_new_for_path (folder);
      g_autoptr(GError) error = NULL;
      g_autoptr(OctaProject) project = octa_project_load (location, NULL, &error);
      g_autoptr(OctaProjectSettings) settings = NULL;
      g_autoptr(GBytes) encoded = NULL;
      g_autofree guint8 *on_disk = NULL;
      gsize len;

      if (project == NULL)
        {
          g_test_message ("%s: not loaded: %s", folder, error->message);
          continue;
        }
      settings = octa_project_get_settings (project);
      read_all_properties (settings);
      encoded = octa_project_encode_file (project, "project.work");
      on_disk = octa_test_read_file (paths->pdata[i], &len);
      g_assert_cmpmem (g_bytes_get_data (encoded, NULL), g_bytes_get_size (encoded), on_disk, len);
      loaded++;
    }
  g_test_message ("%u corpus projects round-tripped", loaded);
  g_assert_cmpuint (loaded, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/settings/blank-defaults", test_blank_defaults);
  g_test_add_func ("/model/settings/each-key-edits-its-line", test_each_key_edits_its_line);
  g_test_add_func ("/model/settings/wide-values", test_wide_values);
  g_test_add_func ("/model/settings/tempo", test_tempo);
  g_test_add_func ("/model/settings/trig-mode-midi", test_trig_mode_midi);
  g_test_add_func ("/model/settings/missing-keys", test_missing_keys);
  g_test_add_func ("/model/settings/corpus-odd-values", test_corpus_odd_values);
  g_test_add_func ("/model/settings/corpus-round-trip", test_corpus_round_trip);

  return g_test_run ();
}
