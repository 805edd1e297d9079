/* SPDX-License-Identifier: MIT */
/*
 * Sample slots, markers and the sample pool: every edit changes exactly the
 * intended line of project.work or the intended bytes of markers.work and
 * the banks (offsets computed from the spec, not from the codec), notifies
 * once, and undoes to the same bytes.
 */
#include <string.h>

#include <glib/gstdio.h>

#include "octa.h"
#include "octa-project-private.h"
#include "octa-test-utils.h"

/* Spec §3 */
#define MARKERS_RECORD 784

static gsize
markers_record_offset (OctaSlotKind kind,
                       guint        number)
{
  switch (kind)
    {
    case OCTA_SLOT_KIND_FLEX:
      return 22 + MARKERS_RECORD * (number - 1);
    case OCTA_SLOT_KIND_RECORDER:
      return 22 + MARKERS_RECORD * (127 + number);
    case OCTA_SLOT_KIND_STATIC:
    default:
      return 22 + MARKERS_RECORD * (136 + number - 1);
    }
}

/* Spec §2.8 */
static gsize
plock_offset (guint pattern,
              guint track,
              guint step,
              guint param)
{
  return 22 + 36588 * pattern + 8 + 2338 * track + 98 + 32 * step + param;
}

static gsize
part_slot_offset (guint part,
                  gboolean saved,
                  guint track,
                  guint index)
{
  return 585430 + 6331 * (part + (saved ? 4 : 0)) + 723 + 5 * track + index;
}

static guint32
be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static char *
project_text (OctaProject *project)
{
  g_autoptr(GBytes) bytes = octa_project_encode_file (project, "project.work");
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  return g_strndup (data, len);
}

static GBytes *
file_bytes (OctaProject *project,
            const char  *name)
{
  return octa_project_encode_file (project, name);
}

/* Index of the first line equal to @line at or after line @from, or -1. */
static gint
find_line (const char *text,
           const char *line,
           guint       from)
{
  g_auto(GStrv) lines = g_strsplit (text, "\r\n", -1);

  for (guint i = from; lines[i] != NULL; i++)
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

  g_assert_cmpuint (index, <, g_strv_length (lines));
  g_free (lines[index]);
  lines[index] = g_strdup (line);
  return g_strjoinv ("\r\n", lines);
}

static char *
insert_text (const char *text,
             const char *before,
             const char *insert)
{
  const char *at = strstr (text, before);

  g_assert_nonnull (at);
  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, insert, at);
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

typedef struct
{
  guint count;
} Counter;

static void
on_count (GObject    *object,
          GParamSpec *pspec,
          gpointer    user_data)
{
  ((Counter *) user_data)->count++;
}

static void
on_signal (gpointer object,
           gpointer user_data)
{
  ((Counter *) user_data)->count++;
}

/* Every writable number property: notifies once on a change, never on a
 * same-value set, refuses out-of-range values, undoes exactly. */
static guint
check_properties (OctaProject *project,
                  GObject     *object)
{
  guint n_props, checked = 0;
  g_autofree GParamSpec **pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object),
                                                                     &n_props);

  for (guint i = 0; i < n_props; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_auto(GValue) before = G_VALUE_INIT;
      g_auto(GValue) changed = G_VALUE_INIT;
      g_auto(GValue) after = G_VALUE_INIT;
      gulong handler;

      if (!(pspec->flags & G_PARAM_WRITABLE) || G_IS_PARAM_SPEC_STRING (pspec))
        continue;

      g_value_init (&before, pspec->value_type);
      g_value_init (&changed, pspec->value_type);
      g_value_init (&after, pspec->value_type);
      g_object_get_property (object, pspec->name, &before);

      if (G_IS_PARAM_SPEC_INT (pspec))
        {
          GParamSpecInt *p = G_PARAM_SPEC_INT (pspec);
          gint v = g_value_get_int (&before);

          g_value_set_int (&changed, v < p->maximum && v + 1 >= 0 ? v + 1 : v - 1);
        }
      else if (G_IS_PARAM_SPEC_DOUBLE (pspec))
        {
          GParamSpecDouble *p = G_PARAM_SPEC_DOUBLE (pspec);
          double v = g_value_get_double (&before);

          g_value_set_double (&changed, v + 1.0 <= p->maximum ? MAX (v + 1.0, 31.0) : v - 1.0);
        }
      else if (G_IS_PARAM_SPEC_ENUM (pspec))
        {
          GEnumClass *klass = G_PARAM_SPEC_ENUM (pspec)->enum_class;

          for (guint k = 0; k < klass->n_values; k++)
            if (klass->values[k].value != g_value_get_enum (&before))
              {
                g_value_set_enum (&changed, klass->values[k].value);
                break;
              }
        }
      else
        {
          continue;
        }

      g_test_message ("%s:%s", G_OBJECT_TYPE_NAME (object), pspec->name);
      handler = g_signal_connect (object, "notify", G_CALLBACK (on_notify),
                                  (gpointer) pspec->name);

      notify_count = 0;
      g_object_set_property (object, pspec->name, &changed);
      g_assert_cmpuint (notify_count, ==, 1);
      g_object_get_property (object, pspec->name, &after);
      g_assert_cmpint (g_param_values_cmp (pspec, &after, &changed), ==, 0);

      notify_count = 0;
      g_object_set_property (object, pspec->name, &changed);
      g_assert_cmpuint (notify_count, ==, 0);

      if (G_IS_PARAM_SPEC_INT (pspec) && G_PARAM_SPEC_INT (pspec)->maximum < G_MAXINT)
        {
          g_test_expect_message ("GLib-GObject", G_LOG_LEVEL_WARNING, "*out of range*");
          g_object_set (object, pspec->name, G_PARAM_SPEC_INT (pspec)->maximum + 1, NULL);
          g_test_assert_expected_messages ();
        }
      if (G_IS_PARAM_SPEC_INT (pspec) && G_PARAM_SPEC_INT (pspec)->minimum > G_MININT)
        {
          g_test_expect_message ("GLib-GObject", G_LOG_LEVEL_WARNING, "*out of range*");
          g_object_set (object, pspec->name, G_PARAM_SPEC_INT (pspec)->minimum - 1, NULL);
          g_test_assert_expected_messages ();
        }
      g_value_reset (&after);
      g_object_get_property (object, pspec->name, &after);
      g_assert_cmpint (g_param_values_cmp (pspec, &after, &changed), ==, 0);
      g_assert_cmpuint (notify_count, ==, 0);

      g_assert_true (octa_project_undo (project));
      g_value_reset (&after);
      g_object_get_property (object, pspec->name, &after);
      g_assert_cmpint (g_param_values_cmp (pspec, &after, &before), ==, 0);
      g_assert_cmpuint (notify_count, ==, 1);

      g_signal_handler_disconnect (object, handler);
      checked++;
    }
  return checked;
}

static void
test_blank_slots (void)
{
  g_autoptr(OctaProject) project = octa_project_new_blank ("SLOTS");
  g_autoptr(GListModel) flex = octa_project_list_sample_slots (project, OCTA_SLOT_KIND_FLEX);
  g_autoptr(GListModel) statics = octa_project_list_sample_slots (project, OCTA_SLOT_KIND_STATIC);
  g_autoptr(GListModel) recorders = octa_project_list_sample_slots (project,
                                                                    OCTA_SLOT_KIND_RECORDER);
  g_autoptr(OctaSampleSlot) slot = g_list_model_get_item (flex, 4);
  g_autoptr(OctaSampleSlot) recorder = g_list_model_get_item (recorders, 7);
  g_autoptr(OctaMarkers) markers = octa_sample_slot_get_markers (slot);
  g_autofree char *path = octa_sample_slot_dup_path (recorder);
  g_autofree char *label = octa_sample_slot_dup_label (slot);

  g_assert_cmpuint (g_list_model_get_n_items (flex), ==, 128);
  g_assert_cmpuint (g_list_model_get_n_items (statics), ==, 128);
  g_assert_cmpuint (g_list_model_get_n_items (recorders), ==, 8);
  g_assert_cmpuint (octa_sample_slot_get_number (slot), ==, 5);
  g_assert_cmpstr (label, ==, "Flex 005");
  g_assert_false (octa_sample_slot_get_used (slot));
  g_assert_cmpint (octa_sample_slot_get_trim_bars_x100 (slot), ==, -1);

  /* A blank project's recorder buffers: PATH=, BPMx24=2880, +12 dB. */
  g_assert_cmpuint (octa_sample_slot_get_kind (recorder), ==, OCTA_SLOT_KIND_RECORDER);
  g_assert_cmpuint (octa_sample_slot_get_number (recorder), ==, 8);
  g_assert_false (octa_sample_slot_get_used (recorder));
  g_assert_cmpstr (path, ==, "");
  g_assert_cmpint (octa_sample_slot_get_bpm_x24 (recorder), ==, 2880);
  g_assert_cmpint (octa_sample_slot_get_trim_bars_x100 (recorder), ==, -1);
  g_assert_cmpuint (octa_sample_slot_get_gain (recorder), ==, 72);
  g_assert_cmpint (octa_sample_slot_get_timestretch (recorder), ==, OCTA_TIMESTRETCH_NORMAL);
  g_assert_cmpint (octa_sample_slot_get_loop_mode (recorder), ==, OCTA_LOOP_MODE_OFF);
  g_assert_cmpint (octa_sample_slot_get_trig_quantization (recorder), ==, -1);

  g_assert_true (octa_markers_get_is_empty (markers));
  g_assert_true (octa_markers_get_slot (markers) == slot);
  {
    g_autoptr(OctaSampleSlot) again = octa_project_get_sample_slot (project,
                                                                    OCTA_SLOT_KIND_FLEX, 5);
    g_autoptr(OctaMarkers) markers_again = NULL;

    g_object_get (again, "markers", &markers_again, NULL);
    g_assert_true (again == slot);
    g_assert_true (markers_again == markers);
  }
}

static const char flex5_block[] =
  "[SAMPLE]\r\nTYPE=FLEX\r\nSLOT=005\r\nPATH=../AUDIO/kick.wav\r\nBPMx24=2880\r\nTSMODE=2\r\n"
  "LOOPMODE=0\r\nGAIN=48\r\nTRIGQUANTIZATION=-1\r\n[/SAMPLE]\r\n\r\n";

static void
test_assign_path (void)
{
  g_autoptr(OctaProject) project = octa_project_new_blank ("SLOTS");
  g_autoptr(OctaSampleSlot) slot = octa_project_get_sample_slot (project, OCTA_SLOT_KIND_FLEX, 5);
  g_autoptr(OctaSampleSlot) stat = octa_project_get_sample_slot (project, OCTA_SLOT_KIND_STATIC,
                                                                 128);
  g_autofree char *blank = project_text (project);
  g_autofree char *expected = NULL;
  g_autofree char *expected2 = NULL;
  g_autofree char *now = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  Counter used = { 0 }, path_count = { 0 };

  g_signal_connect (slot, "notify::used", G_CALLBACK (on_count), &used);
  g_signal_connect (slot, "notify::path", G_CALLBACK (on_count), &path_count);

  /* A new Flex block goes before the recorder buffers (FLEX 129…). */
  g_assert_true (octa_sample_slot_set_path (slot, "../AUDIO/kick.wav", &error));
  g_assert_no_error (error);
  expected = insert_text (blank, "[SAMPLE]\r\nTYPE=FLEX\r\nSLOT=129", flex5_block);
  now = project_text (project);
  g_assert_cmpstr (now, ==, expected);
  g_assert_true (octa_sample_slot_get_used (slot));
  g_assert_cmpuint (used.count, ==, 1);
  g_assert_cmpuint (path_count.count, ==, 1);
  path = octa_sample_slot_dup_path (slot);
  g_assert_cmpstr (path, ==, "../AUDIO/kick.wav");
  g_assert_cmpint (octa_sample_slot_get_bpm_x24 (slot), ==, 2880);

  /* Same path: nothing. */
  g_assert_true (octa_sample_slot_set_path (slot, "../AUDIO/kick.wav", NULL));
  g_assert_cmpuint (path_count.count, ==, 1);
  g_assert_cmpuint (octa_history_get_n_undo (octa_project_get_history (project)), ==, 1);

  /* A Static block goes after the recorder buffers, before the closing banner. */
  g_object_set (stat, "path", "snare \u00e9.wav", NULL);
  g_clear_pointer (&now, g_free);
  now = project_text (project);
  {
    const char *tail = g_strrstr (expected, "############################\r\n\r\n");
    g_autofree char *head = g_strndup (expected, tail - expected);

    /* Non-ASCII text is stored as Latin-1. */
    expected2 = g_strconcat (head, "[SAMPLE]\r\nTYPE=STATIC\r\nSLOT=128\r\nPATH=snare \xe9.wav\r\n"
                             "BPMx24=2880\r\nTSMODE=2\r\nLOOPMODE=0\r\nGAIN=48\r\n"
                             "TRIGQUANTIZATION=-1\r\n[/SAMPLE]\r\n\r\n", tail, NULL);
  }
  g_assert_cmpstr (now, ==, expected2);

  /* Characters a project file cannot hold are refused, nothing changes. */
  g_assert_false (octa_sample_slot_set_path (slot, "ko\xe2\x82\xac.wav", &error));
  g_assert_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_cmpuint (octa_history_get_n_undo (octa_project_get_history (project)), ==, 2);

  g_assert_true (octa_project_undo (project));
  g_assert_true (octa_project_undo (project));
  g_clear_pointer (&now, g_free);
  now = project_text (project);
  g_assert_cmpstr (now, ==, blank);
  g_assert_false (octa_sample_slot_get_used (slot));
  g_assert_false (octa_sample_slot_get_used (stat));
  g_assert_cmpuint (used.count, ==, 2);
  g_assert_cmpuint (path_count.count, ==, 2);

  /* "" on an unused slot is nothing to do. */
  g_assert_true (octa_sample_slot_set_path (slot, "", NULL));
  g_assert_true (octa_history_get_can_redo (octa_project_get_history (project)));
}

/* Inside one grouped change, each call sees what the previous one did. */
static void
test_grouped_edits (void)
{
  g_autoptr(OctaProject) project = octa_project_new_blank ("SLOTS");
  g_autoptr(OctaSampleSlot) slot = octa_project_get_sample_slot (project, OCTA_SLOT_KIND_FLEX, 2);
  g_autoptr(OctaArrangement) arr = octa_project_get_arrangement (project, 0);
  g_autofree char *blank = project_text (project);
  g_autofree char *now = NULL;
  g_autofree char *path = NULL;
  Counter used = { 0 };

  g_signal_connect (slot, "notify::used", G_CALLBACK (on_count), &used);
  octa_project_begin_change (project, "Several");
  g_assert_true (octa_sample_slot_set_path (slot, "a.wav", NULL));
  g_assert_true (octa_sample_slot_get_used (slot));
  path = octa_sample_slot_dup_path (slot);
  g_assert_cmpstr (path, ==, "a.wav");
  g_assert_true (octa_sample_slot_set_path (slot, "", NULL));
  g_assert_false (octa_sample_slot_get_used (slot));
  g_assert_true (octa_arrangement_set_name (arr, "A", NULL));
  g_assert_true (octa_arrangement_set_name (arr, "", NULL));
  octa_project_end_change (project);

  now = project_text (project);
  g_assert_cmpstr (now, ==, blank);
  g_assert_cmpuint (used.count, ==, 0);
  g_assert_false (octa_sample_slot_get_used (slot));
}

/* One property edit changes one line of the slot's block. */
static void
assert_line_edit (OctaProject *project,
                  const char  *before,
                  const char  *slot_line,
                  const char  *old_line,
                  const char  *new_line)
{
  g_autofree char *after = project_text (project);
  g_autofree char *expected = NULL;
  gint slot_at = find_line (before, slot_line, 0);
  gint line_at;

  g_assert_cmpint (slot_at, >=, 0);
  line_at = find_line (before, old_line, slot_at);
  g_assert_cmpint (line_at, >, slot_at);
  g_assert_cmpint (line_at, <, find_line (before, "[/SAMPLE]", slot_at));
  expected = replace_line (before, line_at, new_line);
  g_assert_cmpstr (after, ==, expected);
}

static void
test_attributes (void)
{
  g_autoptr(OctaProject) project = octa_project_new_blank ("SLOTS");
  g_autoptr(OctaSampleSlot) slot = octa_project_get_sample_slot (project, OCTA_SLOT_KIND_FLEX, 5);
  g_autofree char *text = NULL;
  Counter trim = { 0 }, bpm = { 0 };

  g_assert_true (octa_sample_slot_set_path (slot, "../AUDIO/kick.wav", NULL));
  g_signal_connect (slot, "notify::trim-bars-x100", G_CALLBACK (on_count), &trim);
  g_signal_connect (slot, "notify::bpm-x24", G_CALLBACK (on_count), &bpm);

  text = project_text (project);
  octa_sample_slot_set_gain (slot, 60);
  assert_line_edit (project, text, "SLOT=005", "GAIN=48", "GAIN=60");
  g_assert_true (octa_project_undo (project));

  g_object_set (slot, "timestretch", OCTA_TIMESTRETCH_BEAT, NULL);
  assert_line_edit (project, text, "SLOT=005", "TSMODE=2", "TSMODE=3");
  g_assert_true (octa_project_undo (project));

  octa_sample_slot_set_loop_mode (slot, OCTA_LOOP_MODE_PING_PONG);
  assert_line_edit (project, text, "SLOT=005", "LOOPMODE=0", "LOOPMODE=2");
  g_assert_true (octa_project_undo (project));

  octa_sample_slot_set_trig_quantization (slot, 7);
  assert_line_edit (project, text, "SLOT=005", "TRIGQUANTIZATION=-1", "TRIGQUANTIZATION=7");
  g_assert_true (octa_project_undo (project));

  /* TRIM_BARSx100 takes the BPMx24 line's place, and back. */
  octa_sample_slot_set_trim_bars_x100 (slot, 800);
  assert_line_edit (project, text, "SLOT=005", "BPMx24=2880", "TRIM_BARSx100=800");
  g_assert_cmpint (octa_sample_slot_get_bpm_x24 (slot), ==, -1);
  g_assert_cmpint (octa_sample_slot_get_trim_bars_x100 (slot), ==, 800);
  g_assert_cmpuint (trim.count, ==, 1);
  g_assert_cmpuint (bpm.count, ==, 1);
  octa_sample_slot_set_bpm_x24 (slot, 3027);
  assert_line_edit (project, text, "SLOT=005", "BPMx24=2880", "BPMx24=3027");
  g_assert_cmpint (octa_sample_slot_get_trim_bars_x100 (slot), ==, -1);
  g_assert_cmpuint (trim.count, ==, 2);
  g_assert_cmpuint (bpm.count, ==, 2);

  /* -1 means "the other key"; it cannot be set. */
  g_test_expect_message ("octa-model", G_LOG_LEVEL_WARNING, "*cannot be removed*");
  g_object_set (slot, "bpm-x24", -1, NULL);
  g_test_assert_expected_messages ();
  g_assert_cmpint (octa_sample_slot_get_bpm_x24 (slot), ==, 3027);

  g_assert_true (octa_project_undo (project));
  g_assert_true (octa_project_undo (project));
  {
    g_autofree char *now = project_text (project);
    g_assert_cmpstr (now, ==, text);
  }

  /* Every number property of a used slot, generically. */
  g_assert_cmpuint (check_properties (project, G_OBJECT (slot)), ==, 6);
  {
    g_autofree char *now = project_text (project);
    g_assert_cmpstr (now, ==, text);
  }
}

static void
test_unused_slot_refuses_attributes (void)
{
  g_autoptr(OctaProject) project = octa_project_new_blank ("SLOTS");
  g_autoptr(OctaSampleSlot) slot = octa_project_get_sample_slot (project, OCTA_SLOT_KIND_STATIC,
                                                                 9);
  g_autofree char *before = project_text (project);
  g_autofree char *after = NULL;

  g_test_expect_message ("octa-model", G_LOG_LEVEL_WARNING, "*no [SAMPLE] block*");
  octa_sample_slot_set_gain (slot, 10);
  g_test_assert_expected_messages ();
  after = project_text (project);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (octa_history_get_can_undo (octa_project_get_history (project)));
}

static gboolean
edit_trigq_255 (OctaProjectFile  *file,
                gpointer          user_data,
                GError          **error)
{
  return octa_project_file_set_sample_attr (file, OCTA_SLOT_FLEX, 4,
                                            OCTA_SAMPLE_ATTR_TRIGQUANTIZATION, 255, error);
}

static void
test_tool_dialect_direct (void)
{
  g_autoptr(OctaProject) project = octa_project_new_blank ("SLOTS");
  g_autoptr(OctaSampleSlot) slot = octa_project_get_sample_slot (project, OCTA_SLOT_KIND_FLEX, 5);
  g_autofree char *text = NULL;

  g_assert_true (octa_sample_slot_set_path (slot, "x.wav", NULL));
  octa_sample_slot_set_trig_quantization (slot, 3);
  g_assert_true (_octa_project_edit_text (project, OCTA_STATE_WORK, "Tool", edit_trigq_255, NULL,
                                          NULL));
  /* Tools write 255 for DIRECT: it reads as -1 and the line stays as it is. */
  g_assert_cmpint (octa_sample_slot_get_trig_quantization (slot), ==, -1);
  text = project_text (project);
  g_assert_nonnull (strstr (text, "TRIGQUANTIZATION=255\r\n"));
}

static void
test_recorder_buffer (void)
{
  g_autoptr(OctaProject) project = octa_project_new_blank ("SLOTS");
  g_autoptr(OctaSampleSlot) rec = octa_project_get_sample_slot (project,
                                                                OCTA_SLOT_KIND_RECORDER, 2);
  g_autofree char *blank = project_text (project);
  g_autofree char *now = NULL;
  Counter used = { 0 };

  g_signal_connect (rec, "notify::used", G_CALLBACK (on_count), &used);
  g_assert_true (octa_sample_slot_set_path (rec, "../AUDIO/loop.wav", NULL));
  assert_line_edit (project, blank, "SLOT=130", "PATH=", "PATH=../AUDIO/loop.wav");
  g_assert_true (octa_sample_slot_get_used (rec));
  g_assert_cmpuint (used.count, ==, 1);

  octa_sample_slot_set_gain (rec, 30);
  octa_sample_slot_set_trim_bars_x100 (rec, 173);
  {
    g_autoptr(OctaMarkers) markers = octa_sample_slot_get_markers (rec);
    octa_markers_set_trim_end (markers, 611561);
  }

  /* Clearing a buffer keeps its block and makes it a blank buffer again. */
  octa_sample_slot_clear (rec);
  now = project_text (project);
  g_assert_cmpstr (now, ==, blank);
  g_assert_false (octa_sample_slot_get_used (rec));
  g_assert_cmpuint (used.count, ==, 2);
  {
    g_autoptr(OctaMarkers) markers = octa_sample_slot_get_markers (rec);
    g_assert_true (octa_markers_get_is_empty (markers));
  }
  g_assert_cmpstr (octa_history_get_undo_label (octa_project_get_history (project)), ==,
                   "Clear sample slot");
  g_assert_true (octa_project_undo (project));
  {
    g_autoptr(OctaMarkers) markers = octa_sample_slot_get_markers (rec);
    g_assert_cmpuint (octa_markers_get_trim_end (markers), ==, 611561);
  }
  g_assert_cmpuint (octa_sample_slot_get_gain (rec), ==, 30);

  /* "" on a buffer empties its path but keeps its settings. */
  g_object_set (rec, "path", "", NULL);
  g_assert_false (octa_sample_slot_get_used (rec));
  g_assert_cmpuint (octa_sample_slot_get_gain (rec), ==, 30);
}

static void
test_clear_slot (void)
{
  g_autoptr(OctaProject) project = octa_project_new_blank ("SLOTS");
  g_autoptr(OctaSampleSlot) slot = octa_project_get_sample_slot (project, OCTA_SLOT_KIND_STATIC,
                                                                 33);
  g_autoptr(OctaMarkers) markers = octa_sample_slot_get_markers (slot);
  g_autofree char *blank = project_text (project);
  g_autoptr(GBytes) blank_markers = file_bytes (project, "markers.work");
  g_autofree char *assigned = NULL;
  g_autofree char *now = NULL;
  g_autoptr(GBytes) assigned_markers = NULL;
  g_autoptr(GBytes) bytes = NULL;

  octa_project_begin_change (project, "Set up");
  g_assert_true (octa_sample_slot_set_path (slot, "hat.wav", NULL));
  octa_markers_set_trim_end (markers, 88200);
  octa_markers_set_slices_equal (markers, 16, 0);
  octa_project_end_change (project);
  assigned = project_text (project);
  assigned_markers = file_bytes (project, "markers.work");

  octa_sample_slot_clear (slot);
  now = project_text (project);
  g_assert_cmpstr (now, ==, blank);
  bytes = file_bytes (project, "markers.work");
  g_assert_true (g_bytes_equal (bytes, blank_markers));
  g_assert_false (octa_sample_slot_get_used (slot));
  g_assert_cmpuint (octa_markers_get_trim_end (markers), ==, 0);

  g_assert_true (octa_project_undo (project));
  g_clear_pointer (&now, g_free);
  now = project_text (project);
  g_assert_cmpstr (now, ==, assigned);
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = file_bytes (project, "markers.work");
  g_assert_true (g_bytes_equal (bytes, assigned_markers));

  /* Setting "" on a Flex or Static slot clears it too. */
  g_assert_true (octa_sample_slot_set_path (slot, "", NULL));
  g_clear_pointer (&now, g_free);
  now = project_text (project);
  g_assert_cmpstr (now, ==, blank);
}

static void
test_markers (void)
{
  g_autoptr(OctaProject) project = octa_project_new_blank ("SLOTS");
  g_autoptr(OctaSampleSlot) slot = octa_project_get_sample_slot (project, OCTA_SLOT_KIND_STATIC,
                                                                 5);
  g_autoptr(OctaMarkers) markers = octa_sample_slot_get_markers (slot);
  g_autoptr(GBytes) before = file_bytes (project, "markers.work");
  g_autoptr(GBytes) after = NULL;
  gsize record = markers_record_offset (OCTA_SLOT_KIND_STATIC, 5);
  gsize allowed[4 + 3 * 12 + 4 + 2];
  guint n_allowed = 0;
  const guint8 *data;
  gsize len;
  guint start, end, loop;
  Counter changed = { 0 }, count = { 0 };

  /* The real-device file has STATIC slot 5 here (spec §3). */
  g_assert_cmpuint (record, ==, 109782);

  g_signal_connect (markers, "changed", G_CALLBACK (on_signal), &changed);
  g_signal_connect (markers, "notify::slice-count", G_CALLBACK (on_count), &count);

  octa_markers_set_trim_end (markers, 88200);
  octa_markers_set_slices_equal (markers, 3, 0);
  g_assert_cmpuint (changed.count, ==, 2);
  g_assert_cmpuint (count.count, ==, 1);
  g_assert_cmpuint (octa_markers_get_slice_count (markers), ==, 3);
  octa_markers_get_slice (markers, 1, &start, &end, &loop);
  g_assert_cmpuint (start, ==, 29400);
  g_assert_cmpuint (end, ==, 58800);
  g_assert_cmpuint (loop, ==, OCTA_MARKERS_NO_LOOP);

  after = file_bytes (project, "markers.work");
  data = g_bytes_get_data (after, &len);
  g_assert_cmpuint (len, ==, 207000);
  for (guint i = 0; i < 4; i++)
    allowed[n_allowed++] = record + 4 + i;
  for (guint i = 0; i < 3 * 12; i++)
    allowed[n_allowed++] = record + 12 + i;
  for (guint i = 0; i < 4; i++)
    allowed[n_allowed++] = record + 780 + i;
  allowed[n_allowed++] = len - 2;
  allowed[n_allowed++] = len - 1;
  octa_test_assert_changed_only ("markers", g_bytes_get_data (before, NULL), data, len, allowed,
                                 n_allowed);
  /* trim end 88200 = 0x00015888, big-endian */
  g_assert_cmpuint (data[record + 4], ==, 0x00);
  g_assert_cmpuint (data[record + 5], ==, 0x01);
  g_assert_cmpuint (data[record + 6], ==, 0x58);
  g_assert_cmpuint (data[record + 7], ==, 0x88);
  /* slice 2 = (58800, 88200, FFFFFFFF) */
  g_assert_cmpuint (be32 (data + record + 12 + 24), ==, 58800);
  g_assert_cmpuint (be32 (data + record + 12 + 28), ==, 88200);
  g_assert_cmpuint (be32 (data + record + 12 + 32), ==, 0xFFFFFFFFu);
  g_assert_cmpuint (data[record + 783], ==, 3);

  /* Fewer slices zero the entries past the count. */
  octa_markers_set_slice (markers, 5, 10, 20, 15);
  octa_markers_set_slices_equal (markers, 2, 1000);
  octa_markers_get_slice (markers, 2, &start, &end, &loop);
  g_assert_cmpuint (start + end + loop, ==, 0);
  octa_markers_get_slice (markers, 5, &start, &end, &loop);
  g_assert_cmpuint (start + end + loop, ==, 0);
  octa_markers_get_slice (markers, 1, &start, &end, &loop);
  g_assert_cmpuint (start, ==, 500);
  g_assert_cmpuint (end, ==, 1000);

  /* Undo everything: the bytes come back exactly. */
  while (octa_project_undo (project))
    ;
  g_clear_pointer (&after, g_bytes_unref);
  after = file_bytes (project, "markers.work");
  g_assert_true (g_bytes_equal (after, before));
  g_assert_cmpuint (octa_markers_get_slice_count (markers), ==, 0);

  /* The generic property check, then a record of a recorder buffer. */
  g_assert_cmpuint (check_properties (project, G_OBJECT (markers)), ==, 4);
  {
    g_autoptr(OctaSampleSlot) rec = octa_project_get_sample_slot (project,
                                                                  OCTA_SLOT_KIND_RECORDER, 1);
    g_autoptr(OctaMarkers) rec_markers = octa_sample_slot_get_markers (rec);
    g_autoptr(GBytes) edited = NULL;
    gsize rec_record = markers_record_offset (OCTA_SLOT_KIND_RECORDER, 1);

    g_assert_cmpuint (rec_record, ==, 100374);
    octa_markers_set_loop_point (rec_markers, 0x01020304);
    edited = file_bytes (project, "markers.work");
    data = g_bytes_get_data (edited, &len);
    g_assert_cmpuint (data[rec_record + 8], ==, 1);
    g_assert_cmpuint (data[rec_record + 11], ==, 4);
  }

  g_test_expect_message ("GLib-GObject", G_LOG_LEVEL_WARNING, "*out of range*");
  g_object_set (markers, "slice-count", 65, NULL);
  g_test_assert_expected_messages ();
}

/* Audio files ------------------------------------------------------------ */

static GBytes *
make_aiff (guint32 frames,
           guint16 channels,
           guint16 bits)
{
  /* 48000 Hz as an 80-bit extended float: exponent 16383 + 15. */
  static const guint8 rate_48k[10] = { 0x40, 0x0E, 0xBB, 0x80, 0, 0, 0, 0, 0, 0 };
  GByteArray *out = g_byte_array_new ();
  guint8 be[4];

#define BE32(v) (be[0] = ((v) >> 24) & 0xFF, be[1] = ((v) >> 16) & 0xFF, \
                 be[2] = ((v) >> 8) & 0xFF, be[3] = (v) & 0xFF, g_byte_array_append (out, be, 4))
#define BE16(v) (be[0] = ((v) >> 8) & 0xFF, be[1] = (v) & 0xFF, g_byte_array_append (out, be, 2))

  g_byte_array_append (out, (const guint8 *) "FORM", 4);
  BE32 (4 + 26 + 16);
  g_byte_array_append (out, (const guint8 *) "AIFFCOMM", 8);
  BE32 (18);
  BE16 (channels);
  BE32 (frames);
  BE16 (bits);
  g_byte_array_append (out, rate_48k, 10);
  g_byte_array_append (out, (const guint8 *) "SSND", 4);
  BE32 (8);
  BE32 (0);
  BE32 (0);
#undef BE32
#undef BE16
  return g_byte_array_free_to_bytes (out);
}

static GFile *
write_bytes (const char *dir,
             const char *name,
             GBytes     *bytes)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  octa_test_write_file (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  return g_file_new_for_path (path);
}

static void
test_audio_info (void)
{
  g_autofree char *tmp = octa_test_make_tmpdir ();
  g_autoptr(GBytes) wav = octa_test_make_wav (12345, 1, 44100, 16, TRUE, 0);
  g_autoptr(GBytes) stereo = octa_test_make_wav (1000, 2, 48000, 24, FALSE, 0);
  g_autoptr(GBytes) aiff = make_aiff (777, 2, 16);
  g_autoptr(GBytes) junk = g_bytes_new_static ("hello, world", 12);
  g_autoptr(GFile) f_wav = write_bytes (tmp, "a.wav", wav);
  g_autoptr(GFile) f_stereo = write_bytes (tmp, "b.wav", stereo);
  g_autoptr(GFile) f_aiff = write_bytes (tmp, "c.aif", aiff);
  g_autoptr(GFile) f_junk = write_bytes (tmp, "d.wav", junk);
  g_autoptr(GError) error = NULL;
  OctaAudioInfo info;

  g_assert_true (octa_audio_file_read_info (f_wav, &info, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (info.frames, ==, 12345);
  g_assert_cmpuint (info.rate, ==, 44100);
  g_assert_cmpuint (info.channels, ==, 1);
  g_assert_cmpuint (info.bits, ==, 16);

  g_assert_true (octa_audio_file_read_info (f_stereo, &info, NULL, &error));
  g_assert_cmpuint (info.frames, ==, 1000);
  g_assert_cmpuint (info.channels, ==, 2);
  g_assert_cmpuint (info.bits, ==, 24);

  g_assert_true (octa_audio_file_read_info (f_aiff, &info, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (info.frames, ==, 777);
  g_assert_cmpuint (info.rate, ==, 48000);
  g_assert_cmpuint (info.channels, ==, 2);

  g_assert_false (octa_audio_file_read_info (f_junk, &info, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);

  /* A truncated header. */
  {
    g_autoptr(GBytes) cut = g_bytes_new_from_bytes (wav, 0, 30);
    g_autoptr(GFile) f_cut = write_bytes (tmp, "e.wav", cut);

    g_assert_false (octa_audio_file_read_info (f_cut, &info, NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
    g_clear_error (&error);
  }

  octa_test_rm_rf (tmp);
}

/* A blank project written to <tmp>/SET/PROJ and opened from there. */
static OctaProject *
make_project_in_folder (const char  *tmp,
                        char       **folder_out)
{
  g_autofree char *folder = g_build_filename (tmp, "SET", "PROJ", NULL);
  g_autoptr(OctaProjectFiles) files = octa_project_files_new_blank ("PROJ");
  g_autoptr(GFile) location = g_file_new_for_path (folder);
  g_autoptr(GError) error = NULL;
  OctaProject *project;

  g_assert_true (octa_project_files_write_dir (files, folder, &error));
  g_assert_no_error (error);
  project = octa_project_load (location, NULL, &error);
  g_assert_no_error (error);
  if (folder_out != NULL)
    *folder_out = g_steal_pointer (&folder);
  return project;
}

static gboolean
file_equals_bytes (const char *path,
                   GBytes     *bytes)
{
  gsize len;
  g_autofree guint8 *data = octa_test_read_file (path, &len);

  return len == g_bytes_get_size (bytes) && memcmp (data, g_bytes_get_data (bytes, NULL), len) == 0;
}

static void
test_add_sample (void)
{
  g_autofree char *tmp = octa_test_make_tmpdir ();
  g_autofree char *folder = NULL;
  g_autoptr(OctaProject) project = make_project_in_folder (tmp, &folder);
  g_autofree char *src_dir = g_build_filename (tmp, "src", NULL);
  g_autofree char *other_dir = g_build_filename (tmp, "other", NULL);
  g_autoptr(GBytes) kick = octa_test_make_wav (12345, 1, 44100, 16, FALSE, 1);
  g_autoptr(GBytes) kick2 = octa_test_make_wav (500, 1, 44100, 16, FALSE, 2);
  g_autoptr(GFile) f_kick = write_bytes (src_dir, "kick.wav", kick);
  g_autoptr(GFile) f_kick2 = write_bytes (other_dir, "kick.wav", kick2);
  g_autofree char *blank = project_text (project);
  g_autoptr(GBytes) blank_markers = file_bytes (project, "markers.work");
  g_autoptr(GError) error = NULL;
  guint number;

  /* Copy into the project folder, first free Flex slot. */
  number = octa_project_add_sample (project, OCTA_SLOT_KIND_FLEX, 0, f_kick,
                                    OCTA_SAMPLE_POOL_MODE_COPY_TO_PROJECT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (number, ==, 1);
  {
    g_autofree char *copied = g_build_filename (folder, "kick.wav", NULL);
    g_autoptr(OctaSampleSlot) slot = octa_project_get_sample_slot (project, OCTA_SLOT_KIND_FLEX,
                                                                   1);
    g_autoptr(OctaMarkers) markers = octa_sample_slot_get_markers (slot);
    g_autofree char *path = octa_sample_slot_dup_path (slot);
    g_autoptr(GFile) resolved = octa_sample_slot_get_file (slot);
    g_autoptr(GFile) expected_file = g_file_new_for_path (copied);
    g_autoptr(GBytes) markers_now = file_bytes (project, "markers.work");
    const guint8 *m = g_bytes_get_data (markers_now, NULL);
    gsize rec = markers_record_offset (OCTA_SLOT_KIND_FLEX, 1);

    g_assert_true (file_equals_bytes (copied, kick));
    g_assert_cmpstr (path, ==, "kick.wav");
    g_assert_true (g_file_equal (resolved, expected_file));
    g_assert_cmpuint (octa_markers_get_trim_end (markers), ==, 12345);
    /* 12345 = 0x3039 at record + 4, big-endian */
    g_assert_cmpuint (m[rec + 6], ==, 0x30);
    g_assert_cmpuint (m[rec + 7], ==, 0x39);
    g_assert_cmpuint (octa_history_get_n_undo (octa_project_get_history (project)), ==, 1);
    g_assert_cmpstr (octa_history_get_undo_label (octa_project_get_history (project)), ==,
                     "Add sample");

    g_assert_true (octa_project_undo (project));
    {
      g_autofree char *now = project_text (project);
      g_autoptr(GBytes) markers_undone = file_bytes (project, "markers.work");

      g_assert_cmpstr (now, ==, blank);
      g_assert_true (g_bytes_equal (markers_undone, blank_markers));
    }
    /* The copy stays. */
    g_assert_true (g_file_test (copied, G_FILE_TEST_IS_REGULAR));
    g_assert_true (octa_project_redo (project));
  }

  /* Into the set's pool, a chosen Static slot. */
  number = octa_project_add_sample (project, OCTA_SLOT_KIND_STATIC, 7, f_kick,
                                    OCTA_SAMPLE_POOL_MODE_SET_POOL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (number, ==, 7);
  {
    g_autofree char *pooled = g_build_filename (tmp, "SET", "AUDIO", "kick.wav", NULL);
    g_autoptr(OctaSampleSlot) slot = octa_project_get_sample_slot (project,
                                                                   OCTA_SLOT_KIND_STATIC, 7);
    g_autofree char *path = octa_sample_slot_dup_path (slot);

    g_assert_true (file_equals_bytes (pooled, kick));
    g_assert_cmpstr (path, ==, "../AUDIO/kick.wav");
  }

  /* A different file with the same name does not overwrite it. */
  number = octa_project_add_sample (project, OCTA_SLOT_KIND_STATIC, 0, f_kick2,
                                    OCTA_SAMPLE_POOL_MODE_SET_POOL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (number, ==, 1);
  {
    g_autofree char *pooled = g_build_filename (tmp, "SET", "AUDIO", "kick.wav", NULL);
    g_autofree char *pooled2 = g_build_filename (tmp, "SET", "AUDIO", "kick-2.wav", NULL);
    g_autoptr(OctaSampleSlot) slot = octa_project_get_sample_slot (project,
                                                                   OCTA_SLOT_KIND_STATIC, 1);
    g_autoptr(OctaMarkers) markers = octa_sample_slot_get_markers (slot);
    g_autofree char *path = octa_sample_slot_dup_path (slot);

    g_assert_true (file_equals_bytes (pooled, kick));
    g_assert_true (file_equals_bytes (pooled2, kick2));
    g_assert_cmpstr (path, ==, "../AUDIO/kick-2.wav");
    g_assert_cmpuint (octa_markers_get_trim_end (markers), ==, 500);
  }

  /* The same file again reuses the pooled copy. */
  number = octa_project_add_sample (project, OCTA_SLOT_KIND_STATIC, 0, f_kick2,
                                    OCTA_SAMPLE_POOL_MODE_SET_POOL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (number, ==, 2);
  {
    g_autofree char *pooled3 = g_build_filename (tmp, "SET", "AUDIO", "kick-3.wav", NULL);
    g_autoptr(OctaSampleSlot) slot = octa_project_get_sample_slot (project,
                                                                   OCTA_SLOT_KIND_STATIC, 2);
    g_autofree char *path = octa_sample_slot_dup_path (slot);

    g_assert_false (g_file_test (pooled3, G_FILE_TEST_EXISTS));
    g_assert_cmpstr (path, ==, "../AUDIO/kick-2.wav");
  }

  /* Replacing a used slot starts from a fresh block. */
  {
    g_autoptr(OctaSampleSlot) slot = octa_project_get_sample_slot (project,
                                                                   OCTA_SLOT_KIND_STATIC, 7);
    octa_sample_slot_set_gain (slot, 10);
    number = octa_project_add_sample (project, OCTA_SLOT_KIND_STATIC, 7, f_kick2,
                                      OCTA_SAMPLE_POOL_MODE_SET_POOL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (octa_sample_slot_get_gain (slot), ==, 48);
  }

  /* A recorder buffer keeps its block. */
  number = octa_project_add_sample (project, OCTA_SLOT_KIND_RECORDER, 0, f_kick,
                                    OCTA_SAMPLE_POOL_MODE_SET_POOL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (number, ==, 1);
  g_assert_cmpuint (octa_project_find_free_slot (project, OCTA_SLOT_KIND_RECORDER), ==, 2);

  /* Not audio at all: assigned, but no trim end to set. */
  {
    g_autoptr(GBytes) junk = g_bytes_new_static ("junk", 4);
    g_autoptr(GFile) f_junk = write_bytes (src_dir, "notes.txt", junk);
    g_autoptr(OctaSampleSlot) slot = NULL;
    g_autoptr(OctaMarkers) markers = NULL;

    number = octa_project_add_sample (project, OCTA_SLOT_KIND_FLEX, 9, f_junk,
                                      OCTA_SAMPLE_POOL_MODE_COPY_TO_PROJECT, &error);
    g_assert_no_error (error);
    slot = octa_project_get_sample_slot (project, OCTA_SLOT_KIND_FLEX, 9);
    markers = octa_sample_slot_get_markers (slot);
    g_assert_true (octa_sample_slot_get_used (slot));
    g_assert_cmpuint (octa_markers_get_trim_end (markers), ==, 0);
  }

  /* A missing source file. */
  {
    g_autofree char *missing_path = g_build_filename (tmp, "missing.wav", NULL);
    g_autoptr(GFile) missing = g_file_new_for_path (missing_path);

    g_assert_cmpuint (octa_project_add_sample (project, OCTA_SLOT_KIND_FLEX, 0, missing,
                                               OCTA_SAMPLE_POOL_MODE_SET_POOL, &error), ==, 0);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
    g_clear_error (&error);
  }

  octa_test_rm_rf (tmp);
}

typedef struct
{
  guint count;
} FillData;

static gboolean
fill_flex (OctaProjectFile  *file,
           gpointer          user_data,
           GError          **error)
{
  for (guint s = 0; s < 128; s++)
    if (!octa_project_file_has_sample (file, OCTA_SLOT_FLEX, s) &&
        !octa_project_file_add_sample (file, OCTA_SLOT_FLEX, s, "x.wav", error))
      return FALSE;
  return TRUE;
}

static void
test_free_slots_and_remove (void)
{
  g_autofree char *tmp = octa_test_make_tmpdir ();
  g_autoptr(OctaProject) project = make_project_in_folder (tmp, NULL);
  g_autoptr(OctaProject) nowhere = octa_project_new_blank ("NOWHERE");
  g_autoptr(GBytes) wav = octa_test_make_wav (10, 1, 44100, 16, FALSE, 0);
  g_autoptr(GFile) f_wav = write_bytes (tmp, "a.wav", wav);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (octa_project_find_free_slot (project, OCTA_SLOT_KIND_FLEX), ==, 1);
  {
    g_autoptr(OctaSampleSlot) s1 = octa_project_get_sample_slot (project, OCTA_SLOT_KIND_FLEX, 1);
    g_autoptr(OctaSampleSlot) s2 = octa_project_get_sample_slot (project, OCTA_SLOT_KIND_FLEX, 2);

    g_assert_true (octa_sample_slot_set_path (s1, "a.wav", NULL));
    g_assert_true (octa_sample_slot_set_path (s2, "a.wav", NULL));
    g_assert_cmpuint (octa_project_find_free_slot (project, OCTA_SLOT_KIND_FLEX), ==, 3);
    g_assert_cmpuint (octa_project_find_free_slot (project, OCTA_SLOT_KIND_STATIC), ==, 1);

    g_assert_true (octa_project_remove_sample (project, OCTA_SLOT_KIND_FLEX, 1, &error));
    g_assert_no_error (error);
    g_assert_false (octa_sample_slot_get_used (s1));
    g_assert_cmpuint (octa_project_find_free_slot (project, OCTA_SLOT_KIND_FLEX), ==, 1);
    /* An unused slot: nothing to do, no undo step. */
    {
      guint n = octa_history_get_n_undo (octa_project_get_history (project));
      g_assert_true (octa_project_remove_sample (project, OCTA_SLOT_KIND_FLEX, 1, &error));
      g_assert_cmpuint (octa_history_get_n_undo (octa_project_get_history (project)), ==, n);
    }
  }

  g_assert_true (_octa_project_edit_text (project, OCTA_STATE_WORK, "Fill", fill_flex, NULL,
                                          NULL));
  g_assert_cmpuint (octa_project_find_free_slot (project, OCTA_SLOT_KIND_FLEX), ==, 0);
  g_assert_cmpuint (octa_project_add_sample (project, OCTA_SLOT_KIND_FLEX, 0, f_wav,
                                             OCTA_SAMPLE_POOL_MODE_COPY_TO_PROJECT, &error), ==, 0);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_clear_error (&error);

  /* A project that is not in a folder cannot take files. */
  g_assert_cmpuint (octa_project_add_sample (nowhere, OCTA_SLOT_KIND_FLEX, 0, f_wav,
                                             OCTA_SAMPLE_POOL_MODE_SET_POOL, &error), ==, 0);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (octa_project_deduplicate_samples (nowhere, &error), ==, 0);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (octa_history_get_can_undo (octa_project_get_history (nowhere)));

  octa_test_rm_rf (tmp);
}

static void
test_deduplicate (void)
{
  g_autofree char *tmp = octa_test_make_tmpdir ();
  g_autofree char *folder = NULL;
  g_autoptr(OctaProject) project = make_project_in_folder (tmp, &folder);
  g_autofree char *pool = g_build_filename (tmp, "SET", "AUDIO", NULL);
  g_autoptr(GBytes) a = octa_test_make_wav (300, 1, 44100, 16, FALSE, 1);
  g_autoptr(GBytes) c = octa_test_make_wav (300, 1, 44100, 16, FALSE, 9);
  g_autoptr(GFile) fa = write_bytes (pool, "a.wav", a);
  g_autoptr(GFile) fb = write_bytes (pool, "b.wav", a);
  g_autoptr(GFile) fc = write_bytes (pool, "c.wav", c);
  g_autoptr(GFile) fd = write_bytes (folder, "a-copy.wav", a);
  OctaBankFile *bank_a = _octa_project_get_bank_file (project, 0, OCTA_STATE_WORK);
  OctaBankFile *bank_c = _octa_project_get_bank_file (project, 2, OCTA_STATE_WORK);
  g_autoptr(GBytes) before_a = NULL;
  g_autoptr(GBytes) before_c = NULL;
  g_autoptr(GBytes) before_b = NULL;
  g_autoptr(GBytes) before_markers = NULL;
  g_autofree char *before_text = NULL;
  g_autoptr(GError) error = NULL;
  static const struct {
    OctaSlotKind kind;
    guint        number;
    const char  *path;
  } assign[] = {
    { OCTA_SLOT_KIND_FLEX, 1, "../AUDIO/a.wav" },
    { OCTA_SLOT_KIND_FLEX, 3, "../AUDIO/b.wav" },
    { OCTA_SLOT_KIND_FLEX, 4, "../AUDIO/c.wav" },
    { OCTA_SLOT_KIND_FLEX, 6, "../AUDIO/missing.wav" },
    { OCTA_SLOT_KIND_STATIC, 2, "a-copy.wav" },
    { OCTA_SLOT_KIND_STATIC, 7, "../AUDIO/a.wav" },
  };
  guint merged;

  octa_project_begin_change (project, "Set up");
  for (guint i = 0; i < G_N_ELEMENTS (assign); i++)
    {
      g_autoptr(OctaSampleSlot) slot = octa_project_get_sample_slot (project, assign[i].kind,
                                                                     assign[i].number);
      g_autoptr(OctaMarkers) markers = octa_sample_slot_get_markers (slot);

      g_assert_true (octa_sample_slot_set_path (slot, assign[i].path, NULL));
      octa_markers_set_trim_end (markers, 300);
    }
  /* Bank A pattern 1 plays part 1, T1 Flex: a lock to Flex 3 (index 2). */
  octa_bank_file_set_machine (bank_a, 0, OCTA_PART_UNSAVED, 0, OCTA_MACHINE_FLEX);
  octa_bank_file_set_sample_lock (bank_a, 0, 0, 5, 2);
  /* ... and a lock to Flex 4 (index 3), which stays. */
  octa_bank_file_set_sample_lock (bank_a, 0, 0, 6, 3);
  /* Bank C pattern 6 plays part 3, T4 Static: a lock to Static 7 (index 6). */
  octa_bank_file_set_pattern_part (bank_c, 5, 2);
  octa_bank_file_set_sample_lock (bank_c, 5, 3, 9, 6);
  /* A Thru track's lock names no slot pool: it stays. */
  octa_bank_file_set_machine (bank_c, 2, OCTA_PART_UNSAVED, 4, OCTA_MACHINE_THRU);
  octa_bank_file_set_sample_lock (bank_c, 5, 4, 0, 2);
  octa_project_end_change (project);

  before_a = file_bytes (project, "bank01.work");
  before_b = file_bytes (project, "bank02.work");
  before_c = file_bytes (project, "bank03.work");
  before_markers = file_bytes (project, "markers.work");
  before_text = project_text (project);

  merged = octa_project_deduplicate_samples (project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (merged, ==, 2);
  g_assert_cmpuint (octa_history_get_n_undo (octa_project_get_history (project)), ==, 2);
  g_assert_cmpstr (octa_history_get_undo_label (octa_project_get_history (project)), ==,
                   "Merge duplicate samples");

  /* Flex 3 and Static 7 are gone; the others stay. */
  {
    g_autofree char *text = project_text (project);

    g_assert_null (strstr (text, "SLOT=003"));
    g_assert_null (strstr (text, "TYPE=STATIC\r\nSLOT=007"));
    g_assert_nonnull (strstr (text, "TYPE=FLEX\r\nSLOT=001\r\nPATH=../AUDIO/a.wav"));
    g_assert_nonnull (strstr (text, "TYPE=FLEX\r\nSLOT=004"));
    g_assert_nonnull (strstr (text, "TYPE=FLEX\r\nSLOT=006"));
    g_assert_nonnull (strstr (text, "TYPE=STATIC\r\nSLOT=002"));
  }
  {
    g_autoptr(GBytes) m = file_bytes (project, "markers.work");
    const guint8 *data = g_bytes_get_data (m, NULL);
    gsize f3 = markers_record_offset (OCTA_SLOT_KIND_FLEX, 3);
    gsize s7 = markers_record_offset (OCTA_SLOT_KIND_STATIC, 7);
    gsize f1 = markers_record_offset (OCTA_SLOT_KIND_FLEX, 1);

    for (guint i = 0; i < MARKERS_RECORD; i++)
      {
        g_assert_cmpuint (data[f3 + i], ==, 0);
        g_assert_cmpuint (data[s7 + i], ==, 0);
      }
    g_assert_cmpuint (data[f1 + 7], ==, 300 & 0xFF);
  }

  /* Bank A: the lock, and every part's T3 Flex slot (index 2 by default) and
   * T7 Static slot (index 6 by default), edited and saved copies. */
  {
    g_autoptr(GBytes) after = file_bytes (project, "bank01.work");
    const guint8 *data = g_bytes_get_data (after, NULL);
    gsize allowed[2 + 16 + 2];
    guint n = 0;

    allowed[n++] = plock_offset (0, 0, 5, 31);
    for (guint part = 0; part < 4; part++)
      for (guint saved = 0; saved < 2; saved++)
        {
          allowed[n++] = part_slot_offset (part, saved, 2, 1);
          allowed[n++] = part_slot_offset (part, saved, 6, 0);
        }
    allowed[n++] = 636113 - 2;
    allowed[n++] = 636113 - 1;
    octa_test_assert_changed_only ("bank01", g_bytes_get_data (before_a, NULL), data, 636113,
                                   allowed, n);
    g_assert_cmpuint (data[plock_offset (0, 0, 5, 31)], ==, 0);
    g_assert_cmpuint (data[plock_offset (0, 0, 6, 31)], ==, 3);
    for (guint part = 0; part < 4; part++)
      for (guint saved = 0; saved < 2; saved++)
        {
          g_assert_cmpuint (data[part_slot_offset (part, saved, 2, 1)], ==, 0);
          g_assert_cmpuint (data[part_slot_offset (part, saved, 2, 0)], ==, 2);
          g_assert_cmpuint (data[part_slot_offset (part, saved, 6, 0)], ==, 1);
          g_assert_cmpuint (data[part_slot_offset (part, saved, 6, 1)], ==, 6);
        }
  }
  /* Bank C: the Static lock; the Thru track's lock stays. */
  {
    g_autoptr(GBytes) after = file_bytes (project, "bank03.work");
    const guint8 *data = g_bytes_get_data (after, NULL);

    g_assert_cmpuint (data[plock_offset (5, 3, 9, 31)], ==, 1);
    g_assert_cmpuint (data[plock_offset (5, 4, 0, 31)], ==, 2);
  }

  /* Running it again finds nothing. */
  g_assert_cmpuint (octa_project_deduplicate_samples (project, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (octa_history_get_n_undo (octa_project_get_history (project)), ==, 2);

  /* One undo brings every byte back. */
  g_assert_true (octa_project_undo (project));
  {
    g_autofree char *text = project_text (project);
    g_autoptr(GBytes) now_a = file_bytes (project, "bank01.work");
    g_autoptr(GBytes) now_b = file_bytes (project, "bank02.work");
    g_autoptr(GBytes) now_c = file_bytes (project, "bank03.work");
    g_autoptr(GBytes) now_m = file_bytes (project, "markers.work");

    g_assert_cmpstr (text, ==, before_text);
    g_assert_true (g_bytes_equal (now_a, before_a));
    g_assert_true (g_bytes_equal (now_b, before_b));
    g_assert_true (g_bytes_equal (now_c, before_c));
    g_assert_true (g_bytes_equal (now_m, before_markers));
  }
  /* The files were never touched. */
  {
    g_autofree char *b_path = g_file_get_path (fb);
    g_assert_true (file_equals_bytes (b_path, a));
  }
  (void) fa;
  (void) fc;
  (void) fd;

  octa_test_rm_rf (tmp);
}

static void
test_corpus_slots (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(OctaProject) project = NULL;
  g_autoptr(OctaSampleSlot) flex33 = NULL;
  g_autoptr(OctaSampleSlot) rec = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *slot_path = NULL;

  if (octa_test_skip_without_corpus ())
    return;

  path = g_build_filename (octa_test_corpus_dir (), "octatrack-manager", "multipart", NULL);
  file = g_file_new_for_path (path);
  project = octa_project_load (file, NULL, &error);
  g_assert_no_error (error);
  before = file_bytes (project, "project.work");

  flex33 = octa_project_get_sample_slot (project, OCTA_SLOT_KIND_FLEX, 33);
  slot_path = octa_sample_slot_dup_path (flex33);
  g_assert_true (octa_sample_slot_get_used (flex33));
  g_assert_cmpstr (slot_path, ==,
                   "../AUDIO/Loopmasters/Loops/Drum & Bass/Music Loops/JM_172_D_Atmos.wav");
  g_assert_cmpint (octa_sample_slot_get_trim_bars_x100 (flex33), ==, 1600);
  g_assert_cmpint (octa_sample_slot_get_bpm_x24 (flex33), ==, -1);
  g_assert_cmpint (octa_sample_slot_get_loop_mode (flex33), ==, OCTA_LOOP_MODE_NORMAL);

  rec = octa_project_get_sample_slot (project, OCTA_SLOT_KIND_RECORDER, 1);
  g_assert_false (octa_sample_slot_get_used (rec));

  /* Reading changes nothing; an edit and its undo neither. */
  octa_sample_slot_set_gain (flex33, 50);
  g_assert_true (octa_project_undo (project));
  after = file_bytes (project, "project.work");
  g_assert_true (g_bytes_equal (before, after));

  /* The device file DEMO-SET-1/BLANK has a file loaded into recorder buffer 1. */
  {
    g_autofree char *demo = g_build_filename (octa_test_corpus_dir (), "octatools",
                                              "DEMO-DRIVE-DATA", "DEMO-SET-1", "BLANK", NULL);
    g_autoptr(GFile) demo_file = g_file_new_for_path (demo);
    g_autoptr(OctaProject) demo_project = octa_project_load (demo_file, NULL, &error);
    g_autoptr(OctaSampleSlot) buffer = NULL;
    g_autoptr(OctaMarkers) markers = NULL;

    g_assert_no_error (error);
    buffer = octa_project_get_sample_slot (demo_project, OCTA_SLOT_KIND_RECORDER, 1);
    markers = octa_sample_slot_get_markers (buffer);
    g_assert_true (octa_sample_slot_get_used (buffer));
    g_assert_cmpint (octa_sample_slot_get_trim_bars_x100 (buffer), ==, 173);
    g_assert_cmpuint (octa_markers_get_trim_end (markers), ==, 611561);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/slots/blank", test_blank_slots);
  g_test_add_func ("/model/slots/assign-path", test_assign_path);
  g_test_add_func ("/model/slots/grouped-edits", test_grouped_edits);
  g_test_add_func ("/model/slots/attributes", test_attributes);
  g_test_add_func ("/model/slots/unused-slot-refuses-attributes",
                   test_unused_slot_refuses_attributes);
  g_test_add_func ("/model/slots/tool-dialect-direct", test_tool_dialect_direct);
  g_test_add_func ("/model/slots/recorder-buffer", test_recorder_buffer);
  g_test_add_func ("/model/slots/clear", test_clear_slot);
  g_test_add_func ("/model/slots/markers", test_markers);
  g_test_add_func ("/model/slots/audio-info", test_audio_info);
  g_test_add_func ("/model/slots/add-sample", test_add_sample);
  g_test_add_func ("/model/slots/free-slots-and-remove", test_free_slots_and_remove);
  g_test_add_func ("/model/slots/deduplicate", test_deduplicate);
  g_test_add_func ("/model/slots/corpus", test_corpus_slots);

  return g_test_run ();
}
