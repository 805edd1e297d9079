/* SPDX-License-Identifier: MIT */
/*
 * OctaWaveform on a generated stereo WAV in the set's audio pool: handles
 * dragged through the widget's own gesture and moved with its keys write
 * exactly the trim, loop and slice bytes of markers.work (spec §3.1), one
 * undo step per gesture; a missing or unreadable file shows a message.
 */
#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "octa.h"
#include "octa-codec.h"
#include "octa-test-gtk-utils.h"
#include "octa-test-utils.h"
#include "octa-marker-controls.h"
#include "octa-waveform.h"

#define RATE       44100
#define FRAMES     44100
/* The left channel is a 441 Hz sine shifted by half a frame: it crosses
 * zero exactly before every multiple of 50 frames. */
#define HALF_CYCLE 50

typedef struct
{
  char           *tmpdir;
  char           *audio_dir;
  OctaProject    *project;
  OctaSampleSlot *slot;
  OctaMarkers    *markers;
  GtkWidget      *window;
  OctaWaveform   *waveform;
  GtkWidget      *controls;
} Fixture;

static gsize
record_offset (guint flex_number)
{
  return 22 + 784 * (flex_number - 1);
}

static guint32
be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static void
put_le (GByteArray *out,
        guint32     value,
        guint       size)
{
  for (guint i = 0; i < size; i++)
    {
      guint8 b = (value >> (8 * i)) & 0xFF;
      g_byte_array_append (out, &b, 1);
    }
}

/* 16-bit 44.1 kHz PCM: a sine on the left, a 110 Hz saw on the right. */
static GBytes *
make_wav (guint frames,
          guint channels)
{
  GByteArray *out = g_byte_array_new ();
  guint32 data_size = frames * channels * 2;

  g_byte_array_append (out, (const guint8 *) "RIFF", 4);
  put_le (out, 36 + data_size, 4);
  g_byte_array_append (out, (const guint8 *) "WAVEfmt ", 8);
  put_le (out, 16, 4);
  put_le (out, 1, 2);
  put_le (out, channels, 2);
  put_le (out, RATE, 4);
  put_le (out, RATE * channels * 2, 4);
  put_le (out, channels * 2, 2);
  put_le (out, 16, 2);
  g_byte_array_append (out, (const guint8 *) "data", 4);
  put_le (out, data_size, 4);
  for (guint i = 0; i < frames; i++)
    {
      /* a fade-in so the outline has a shape to look at */
      double env = MIN (1.0, 0.15 + (double) i / frames * 1.5);
      double sine = sin (M_PI * (i + 0.5) / HALF_CYCLE) * 0.8 * env;
      double saw = (fmod (i * 110.0 / RATE, 1.0) * 2 - 1) * 0.5;

      put_le (out, (guint16) (gint16) lround (sine * 32767), 2);
      if (channels > 1)
        put_le (out, (guint16) (gint16) lround (saw * 32767), 2);
    }
  return g_byte_array_free_to_bytes (out);
}

/* 24-bit mono: a decaying 220 Hz tone, like a short hit. */
static GBytes *
make_wav24_mono (guint frames)
{
  GByteArray *out = g_byte_array_new ();
  guint32 data_size = frames * 3;

  g_byte_array_append (out, (const guint8 *) "RIFF", 4);
  put_le (out, 36 + data_size, 4);
  g_byte_array_append (out, (const guint8 *) "WAVEfmt ", 8);
  put_le (out, 16, 4);
  put_le (out, 1, 2);
  put_le (out, 1, 2);
  put_le (out, RATE, 4);
  put_le (out, RATE * 3, 4);
  put_le (out, 3, 2);
  put_le (out, 24, 2);
  g_byte_array_append (out, (const guint8 *) "data", 4);
  put_le (out, data_size, 4);
  for (guint i = 0; i < frames; i++)
    {
      double v = sin (2 * M_PI * 220.0 * i / RATE) * exp (-4.0 * i / frames) * 0.9;

      put_le (out, (guint32) (gint32) lround (v * 8388607) & 0xFFFFFF, 3);
    }
  return g_byte_array_free_to_bytes (out);
}

static GFile *
write_bytes (const char *dir,
             const char *name,
             GBytes     *bytes)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_mkdir_with_parents (dir, 0755);
  octa_test_write_file (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  return g_file_new_for_path (path);
}

static GBytes *
markers_bytes (Fixture *f)
{
  GBytes *bytes = octa_project_encode_file (f->project, "markers.work");

  g_assert_nonnull (bytes);
  return bytes;
}

static gboolean
is_settled (gpointer data)
{
  Fixture *f = data;

  return octa_waveform_get_loaded (f->waveform) ||
         !g_str_has_prefix (octa_waveform_get_status (f->waveform), "Reading");
}

static void
wait_loaded (Fixture *f)
{
  g_assert_true (octa_test_gtk_wait_until (is_settled, f, 10000));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *folder = NULL;
  g_autofree char *src = NULL;
  g_autoptr(OctaProject) blank = octa_project_new_blank ("WAVE");
  g_autoptr(GFile) location = NULL;
  g_autoptr(GFile) wav = NULL;
  g_autoptr(GBytes) bytes = make_wav (FRAMES, 2);
  g_autoptr(GError) error = NULL;
  guint number;

  f->tmpdir = octa_test_make_tmpdir ();
  folder = g_build_filename (f->tmpdir, "SET", "WAVE", NULL);
  f->audio_dir = g_build_filename (f->tmpdir, "SET", "AUDIO", NULL);
  src = g_build_filename (f->tmpdir, "incoming", NULL);
  g_mkdir_with_parents (folder, 0755);
  location = g_file_new_for_path (folder);
  g_assert_true (octa_project_save_to_folder (blank, location, OCTA_SAVE_MODE_WORKING, NULL,
                                             &error));
  g_assert_no_error (error);
  f->project = octa_project_load (location, NULL, &error);
  g_assert_no_error (error);

  /* Into the set's pool, as the device keeps samples: "../AUDIO/sine.wav" */
  wav = write_bytes (src, "sine.wav", bytes);
  number = octa_project_add_sample (f->project, OCTA_SLOT_KIND_FLEX, 1, wav,
                                    OCTA_SAMPLE_POOL_MODE_SET_POOL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (number, ==, 1);
  f->slot = octa_project_get_sample_slot (f->project, OCTA_SLOT_KIND_FLEX, 1);
  f->markers = octa_sample_slot_get_markers (f->slot);
  {
    g_autofree char *path = octa_sample_slot_dup_path (f->slot);
    g_assert_cmpstr (path, ==, "../AUDIO/sine.wav");
  }
  g_assert_cmpuint (octa_markers_get_trim_end (f->markers), ==, FRAMES);

  f->window = gtk_window_new ();
  f->waveform = OCTA_WAVEFORM (octa_waveform_new ());
  f->controls = octa_marker_controls_new ();
  octa_marker_controls_set_waveform (OCTA_MARKER_CONTROLS (f->controls), f->waveform);
  {
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

    gtk_widget_set_vexpand (GTK_WIDGET (f->waveform), TRUE);
    gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->waveform));
    gtk_box_append (GTK_BOX (box), f->controls);
    gtk_window_set_child (GTK_WINDOW (f->window), box);
  }
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1040, 220);
  gtk_window_present (GTK_WINDOW (f->window));
  octa_waveform_set_slot (f->waveform, f->slot);
  wait_loaded (f);
  octa_test_gtk_wait_for_draw (GTK_WIDGET (f->waveform));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  octa_test_gtk_flush ();
  g_clear_object (&f->markers);
  g_clear_object (&f->slot);
  g_clear_object (&f->project);
  octa_test_rm_rf (f->tmpdir);
  g_free (f->tmpdir);
  g_free (f->audio_dir);
}

static GtkGesture *
find_drag (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) c = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_DRAG (c))
        return GTK_GESTURE (c);
    }
  g_assert_not_reached ();
}

static void
press_key (Fixture         *f,
           guint            keyval,
           GdkModifierType  state)
{
  g_assert_true (octa_test_gtk_send_key (GTK_WIDGET (f->waveform), keyval, state));
}

static double
x_for (Fixture *f,
       guint    frame)
{
  return (double) frame * gtk_widget_get_width (GTK_WIDGET (f->waveform)) / FRAMES;
}

/* Only the record's u32 at @rel changed, to @value. */
static void
assert_u32_edit (GBytes  *before,
                 GBytes  *after,
                 gsize    rel,
                 guint32  value)
{
  gsize len, at = record_offset (1) + rel;
  const guint8 *a = g_bytes_get_data (after, &len);
  gsize allowed[] = { at, at + 1, at + 2, at + 3, OCTA_MARKERS_SIZE - 2, OCTA_MARKERS_SIZE - 1 };

  g_assert_cmpuint (len, ==, OCTA_MARKERS_SIZE);
  octa_test_assert_changed_only ("markers.work", g_bytes_get_data (before, NULL), a, len,
                                 allowed, G_N_ELEMENTS (allowed));
  g_assert_cmpuint (be32 (a + at), ==, value);
}

static void
test_loads (Fixture       *f,
            gconstpointer  data)
{
  double x;

  g_assert_true (octa_waveform_get_loaded (f->waveform));
  g_assert_null (octa_waveform_get_status (f->waveform));
  g_assert_cmpuint (octa_waveform_get_frames (f->waveform), ==, FRAMES);
  g_assert_cmpuint (octa_waveform_get_rate (f->waveform), ==, RATE);
  g_assert_true (octa_waveform_get_handle_x (f->waveform, OCTA_WAVEFORM_HANDLE_TRIM_END, &x));
  g_assert_cmpfloat_with_epsilon (x, gtk_widget_get_width (GTK_WIDGET (f->waveform)), 0.01);
  g_assert_false (octa_waveform_get_handle_x (f->waveform, OCTA_WAVEFORM_HANDLE_SLICE, &x));
}

static void
test_drag_trim (Fixture       *f,
                gconstpointer  data)
{
  GtkGesture *drag = find_drag (GTK_WIDGET (f->waveform));
  OctaHistory *history = octa_project_get_history (f->project);
  guint n_undo = octa_history_get_n_undo (history);
  g_autoptr(GBytes) before = markers_bytes (f);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) undone = NULL;
  double x0 = x_for (f, 0), x1 = x_for (f, 4410);

  /* Grab the trim start at frame 0 and drop it near 0.1 s: it snaps to
   * the nearest zero crossing, frame 4400. */
  g_signal_emit_by_name (drag, "drag-begin", x0 + 1, 100.0);
  g_assert_cmpint (octa_waveform_get_focus_handle (f->waveform), ==,
                   OCTA_WAVEFORM_HANDLE_TRIM_START);
  g_signal_emit_by_name (drag, "drag-update", (x1 - x0) / 2, 0.0);
  g_signal_emit_by_name (drag, "drag-update", x1 - x0 - 1, 3.0);
  /* Nothing is written while the handle moves. */
  g_assert_cmpuint (octa_markers_get_trim_start (f->markers), ==, 0);
  g_assert_cmpuint (octa_history_get_n_undo (history), ==, n_undo);
  octa_test_gtk_wait_for_draw (GTK_WIDGET (f->waveform));
  g_signal_emit_by_name (drag, "drag-end", x1 - x0 - 1, 3.0);

  g_assert_cmpuint (octa_markers_get_trim_start (f->markers), ==, 4400);
  g_assert_cmpuint (octa_history_get_n_undo (history), ==, n_undo + 1);
  g_assert_cmpstr (octa_history_get_undo_label (history), ==, "Change trim start");
  after = markers_bytes (f);
  assert_u32_edit (before, after, 0, 4400);

  g_assert_true (octa_project_undo (f->project));
  undone = markers_bytes (f);
  g_assert_true (g_bytes_equal (undone, before));

  /* The trim end cannot be dragged past the end of the audio. */
  g_signal_emit_by_name (drag, "drag-begin", x_for (f, FRAMES) - 1, 100.0);
  g_assert_cmpint (octa_waveform_get_focus_handle (f->waveform), ==,
                   OCTA_WAVEFORM_HANDLE_TRIM_END);
  g_signal_emit_by_name (drag, "drag-update", 500.0, 0.0);
  g_signal_emit_by_name (drag, "drag-end", 500.0, 0.0);
  g_assert_cmpuint (octa_markers_get_trim_end (f->markers), ==, FRAMES);
  g_assert_cmpuint (octa_history_get_n_undo (history), ==, n_undo);
}

static void
test_keys (Fixture       *f,
           gconstpointer  data)
{
  OctaHistory *history = octa_project_get_history (f->project);
  guint n_undo = octa_history_get_n_undo (history);
  g_autoptr(GBytes) b0 = markers_bytes (f);
  g_autoptr(GBytes) b1 = NULL;
  g_autoptr(GBytes) b2 = NULL;

  octa_waveform_set_focus_handle (f->waveform, OCTA_WAVEFORM_HANDLE_TRIM_END);
  /* ← is 1 ms (44 frames at 44.1 kHz), Shift+← 100 ms; no snapping. */
  press_key (f, GDK_KEY_Left, 0);
  b1 = markers_bytes (f);
  assert_u32_edit (b0, b1, 4, FRAMES - 44);
  press_key (f, GDK_KEY_Left, GDK_SHIFT_MASK);
  b2 = markers_bytes (f);
  assert_u32_edit (b1, b2, 4, FRAMES - 44 - 4410);
  g_assert_cmpuint (octa_history_get_n_undo (history), ==, n_undo + 2);

  /* Home takes a handle as far as it may go: the trim end to the start. */
  octa_markers_set_trim_start (f->markers, 1000);
  press_key (f, GDK_KEY_Home, 0);
  g_assert_cmpuint (octa_markers_get_trim_end (f->markers), ==, 1000);
  press_key (f, GDK_KEY_End, 0);
  g_assert_cmpuint (octa_markers_get_trim_end (f->markers), ==, FRAMES);

  octa_waveform_set_focus_handle (f->waveform, OCTA_WAVEFORM_HANDLE_LOOP);
  press_key (f, GDK_KEY_Right, GDK_SHIFT_MASK);
  g_assert_cmpuint (octa_markers_get_loop_point (f->markers), ==, 4410);
  g_assert_cmpstr (octa_history_get_undo_label (history), ==, "Change loop point");
}

static void
test_slices (Fixture       *f,
             gconstpointer  data)
{
  OctaHistory *history = octa_project_get_history (f->project);
  g_autoptr(GBytes) b0 = markers_bytes (f);
  g_autoptr(GBytes) b1 = NULL;
  g_autoptr(GBytes) b2 = NULL;
  GtkGesture *drag = find_drag (GTK_WIDGET (f->waveform));
  gsize rec = record_offset (1);
  const guint8 *m;
  gint handle;

  /* Ctrl+click near 0.25 s: a slice from the nearest crossing to the end */
  handle = octa_waveform_click (f->waveform, x_for (f, 11030), 100, GDK_CONTROL_MASK);
  g_assert_cmpint (handle, ==, OCTA_WAVEFORM_HANDLE_SLICE);
  g_assert_cmpuint (octa_markers_get_slice_count (f->markers), ==, 1);
  b1 = markers_bytes (f);
  m = g_bytes_get_data (b1, NULL);
  g_assert_cmpuint (be32 (m + rec + 12), ==, 11050);
  g_assert_cmpuint (be32 (m + rec + 16), ==, FRAMES);
  g_assert_cmpuint (be32 (m + rec + 20), ==, 0xFFFFFFFF);
  g_assert_cmpuint (be32 (m + rec + 780), ==, 1);
  {
    gsize allowed[16];
    guint n = 0;

    for (guint i = 0; i < 12; i++)
      allowed[n++] = rec + 12 + i;
    allowed[n++] = rec + 783;
    allowed[n++] = OCTA_MARKERS_SIZE - 2;
    allowed[n++] = OCTA_MARKERS_SIZE - 1;
    octa_test_assert_changed_only ("add slice", g_bytes_get_data (b0, NULL), m,
                                   OCTA_MARKERS_SIZE, allowed, n);
  }

  /* Shift+Ctrl+click: no snapping; the new slice splits the first. */
  handle = octa_waveform_click (f->waveform, x_for (f, 22030), 100,
                                GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  g_assert_cmpint (handle, ==, OCTA_WAVEFORM_HANDLE_SLICE + 1);
  {
    guint s, e;

    octa_markers_get_slice (f->markers, 0, &s, &e, NULL);
    g_assert_cmpuint (e, ==, 22030);
    octa_markers_get_slice (f->markers, 1, &s, &e, NULL);
    g_assert_cmpuint (s, ==, 22030);
    g_assert_cmpuint (e, ==, FRAMES);
  }

  /* Drag the second cut: the first slice's end follows; one undo step. */
  {
    guint n_undo = octa_history_get_n_undo (history);
    double x = x_for (f, 22030);
    guint s, e;

    g_signal_emit_by_name (drag, "drag-begin", x, 100.0);
    g_signal_emit_by_name (drag, "drag-update", x_for (f, 30000) - x, 0.0);
    g_signal_emit_by_name (drag, "drag-end", x_for (f, 30000) - x, 0.0);
    g_assert_cmpuint (octa_history_get_n_undo (history), ==, n_undo + 1);
    g_assert_cmpstr (octa_history_get_undo_label (history), ==, "Move slice");
    octa_markers_get_slice (f->markers, 1, &s, NULL, NULL);
    g_assert_cmpuint (s % HALF_CYCLE, ==, 0);
    g_assert_cmpuint (s, >=, 29900);
    g_assert_cmpuint (s, <=, 30100);
    octa_markers_get_slice (f->markers, 0, NULL, &e, NULL);
    g_assert_cmpuint (e, ==, s);
  }

  /* Delete removes the focused slice and joins it to the one before. */
  g_assert_cmpint (octa_waveform_get_focus_handle (f->waveform), ==,
                   OCTA_WAVEFORM_HANDLE_SLICE + 1);
  press_key (f, GDK_KEY_Delete, 0);
  press_key (f, GDK_KEY_Delete, 0);
  g_assert_cmpuint (octa_markers_get_slice_count (f->markers), ==, 0);
  g_assert_cmpint (octa_waveform_get_focus_handle (f->waveform), ==,
                   OCTA_WAVEFORM_HANDLE_TRIM_START);
  b2 = markers_bytes (f);
  g_assert_true (g_bytes_equal (b2, b0));
}

static void
test_tab_order (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (f->waveform);
  gint expected[] = { OCTA_WAVEFORM_HANDLE_TRIM_START, OCTA_WAVEFORM_HANDLE_SLICE,
                      OCTA_WAVEFORM_HANDLE_LOOP, OCTA_WAVEFORM_HANDLE_SLICE + 1,
                      OCTA_WAVEFORM_HANDLE_TRIM_END };

  octa_markers_make_equal_slices (f->markers, 2);
  octa_markers_set_loop_point (f->markers, 10000);
  gtk_widget_grab_focus (gtk_window_get_child (GTK_WINDOW (f->window)));
  gtk_window_set_focus (GTK_WINDOW (f->window), NULL);

  /* Along the sample: trim start, slice 1, loop, slice 2, trim end; then
   * Tab leaves the widget. */
  g_assert_true (gtk_widget_child_focus (widget, GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_has_focus (widget));
  g_assert_cmpint (octa_waveform_get_focus_handle (f->waveform), ==, expected[0]);
  for (guint i = 1; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_true (gtk_widget_child_focus (widget, GTK_DIR_TAB_FORWARD));
      g_assert_cmpint (octa_waveform_get_focus_handle (f->waveform), ==, expected[i]);
    }
  g_assert_false (gtk_widget_child_focus (widget, GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_child_focus (widget, GTK_DIR_TAB_BACKWARD));
  g_assert_cmpint (octa_waveform_get_focus_handle (f->waveform), ==, expected[3]);
}

static void
test_empty_states (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(OctaSampleSlot) gone =
    octa_project_get_sample_slot (f->project, OCTA_SLOT_KIND_FLEX, 2);
  g_autoptr(OctaSampleSlot) junk =
    octa_project_get_sample_slot (f->project, OCTA_SLOT_KIND_FLEX, 3);
  g_autoptr(OctaSampleSlot) unused =
    octa_project_get_sample_slot (f->project, OCTA_SLOT_KIND_STATIC, 9);
  g_autoptr(GBytes) text = g_bytes_new_static ("not audio at all, just text\n", 28);
  g_autoptr(GFile) junk_file = write_bytes (f->audio_dir, "junk.wav", text);
  g_autofree char *shot = NULL;

  g_assert_true (octa_sample_slot_set_path (gone, "../AUDIO/gone.wav", NULL));
  g_assert_true (octa_sample_slot_set_path (junk, "../AUDIO/junk.wav", NULL));

  octa_waveform_set_slot (f->waveform, gone);
  wait_loaded (f);
  g_assert_false (octa_waveform_get_loaded (f->waveform));
  g_assert_cmpstr (octa_waveform_get_status (f->waveform), ==,
                   "gone.wav is missing. The markers are kept.");
  shot = octa_test_gtk_screenshot (f->window, "waveform-missing");
  g_clear_pointer (&shot, g_free);
  /* No handles without audio: keys and clicks do nothing. */
  g_assert_cmpint (octa_waveform_click (f->waveform, 10, 100, GDK_CONTROL_MASK), ==,
                   OCTA_WAVEFORM_HANDLE_NONE);

  octa_waveform_set_slot (f->waveform, junk);
  wait_loaded (f);
  g_assert_false (octa_waveform_get_loaded (f->waveform));
  g_assert_true (g_str_has_prefix (octa_waveform_get_status (f->waveform),
                                   "junk.wav can't be read as audio"));

  octa_waveform_set_slot (f->waveform, unused);
  g_assert_cmpstr (octa_waveform_get_status (f->waveform), ==, "Static 009 has no sample");

  octa_waveform_set_slot (f->waveform, NULL);
  g_assert_cmpstr (octa_waveform_get_status (f->waveform), ==, "No slot selected");

  /* Back to the sample: the cached outline comes back. */
  octa_waveform_set_slot (f->waveform, f->slot);
  wait_loaded (f);
  g_assert_true (octa_waveform_get_loaded (f->waveform));
}

static void
collect (GtkWidget *root,
         GType      type,
         GPtrArray *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        g_ptr_array_add (found, child);
      else
        collect (child, type, found);
    }
}

static GtkLabel *
find_label (GtkWidget  *root,
            const char *containing)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (strstr (gtk_label_get_text (labels->pdata[i]), containing) != NULL)
      return labels->pdata[i];
  g_assert_not_reached ();
}

static void
test_ruler (Fixture       *f,
            gconstpointer  data)
{
  GtkGesture *drag = find_drag (GTK_WIDGET (f->waveform));
  double height = gtk_widget_get_height (GTK_WIDGET (f->waveform));
  g_autoptr(GBytes) before = markers_bytes (f);
  g_autoptr(GBytes) after = NULL;
  g_autofree char *shot = NULL;

  /* A click on the ruler switches seconds and frames, and edits nothing. */
  g_assert_false (octa_waveform_get_ruler_frames (f->waveform));
  g_signal_emit_by_name (drag, "drag-begin", x_for (f, 0) + 1, height - 4);
  g_signal_emit_by_name (drag, "drag-end", 0.0, 0.0);
  g_assert_true (octa_waveform_get_ruler_frames (f->waveform));
  after = markers_bytes (f);
  g_assert_true (g_bytes_equal (before, after));
  shot = octa_test_gtk_screenshot (GTK_WIDGET (f->waveform), "waveform-ruler-frames");
}

static void
test_controls (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) spins = g_ptr_array_new ();
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  OctaHistory *history = octa_project_get_history (f->project);
  g_autoptr(GBytes) b0 = markers_bytes (f);
  g_autoptr(GBytes) b1 = NULL;
  GtkSpinButton *trim_start, *trim_end, *loop, *slices;
  guint n_undo;

  collect (f->controls, GTK_TYPE_SPIN_BUTTON, spins);
  collect (f->controls, GTK_TYPE_BUTTON, buttons);
  g_assert_cmpuint (spins->len, ==, 4);
  trim_start = spins->pdata[0];
  trim_end = spins->pdata[1];
  loop = spins->pdata[2];
  slices = spins->pdata[3];
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (trim_start)));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (trim_end), ==, FRAMES);
  /* Not past the end of the audio */
  g_assert_cmpfloat (gtk_adjustment_get_upper (gtk_spin_button_get_adjustment (trim_end)), ==,
                     FRAMES);

  /* An exact frame, typed: one undo step, only the trim start bytes */
  n_undo = octa_history_get_n_undo (history);
  gtk_spin_button_set_value (trim_start, 1234);
  b1 = markers_bytes (f);
  assert_u32_edit (b0, b1, 0, 1234);
  g_assert_cmpuint (octa_history_get_n_undo (history), ==, n_undo + 1);

  gtk_spin_button_set_value (loop, 20000);
  g_assert_cmpuint (octa_markers_get_loop_point (f->markers), ==, 20000);

  /* The spin buttons follow undo and edits made elsewhere. */
  g_assert_true (octa_project_undo (f->project));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (loop), ==, 0);
  octa_markers_set_trim_end (f->markers, 40000);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (trim_end), ==, 40000);

  /* Make Equal Slices divides trim start … trim end. */
  gtk_spin_button_set_value (slices, 8);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (buttons->pdata[i]), "Make Equal Slices") == 0)
      g_signal_emit_by_name (buttons->pdata[i], "clicked");
  g_assert_cmpuint (octa_markers_get_slice_count (f->markers), ==, 8);
  {
    guint s, e;

    octa_markers_get_slice (f->markers, 0, &s, NULL, NULL);
    g_assert_cmpuint (s, ==, 1234);
    octa_markers_get_slice (f->markers, 7, NULL, &e, NULL);
    g_assert_cmpuint (e, ==, 40000);
  }
  g_assert_cmpstr (octa_history_get_undo_label (history), ==, "Make equal slices");

  /* The length in bars follows the slot's tempo: 38 766 frames at 120 BPM
   * is 0.44 bars, at 60 BPM 0.22. */
  g_assert_cmpstr (gtk_label_get_text (find_label (f->controls, " bars")), ==,
                   "0.879 s · 0.44 bars");
  octa_sample_slot_set_bpm_x24 (f->slot, 60 * 24);
  g_assert_cmpstr (gtk_label_get_text (find_label (f->controls, " bars")), ==,
                   "0.879 s · 0.22 bars");

  /* No audio, nothing to edit */
  octa_waveform_set_slot (f->waveform, NULL);
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (trim_start)));
}

static void
test_mono_24bit (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GBytes) bytes = make_wav24_mono (22050);
  g_autoptr(GFile) wav = write_bytes (f->tmpdir, "hit.wav", bytes);
  g_autoptr(OctaSampleSlot) slot = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shot = NULL;
  guint number;

  number = octa_project_add_sample (f->project, OCTA_SLOT_KIND_FLEX, 4, wav,
                                    OCTA_SAMPLE_POOL_MODE_COPY_TO_PROJECT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (number, ==, 4);
  slot = octa_project_get_sample_slot (f->project, OCTA_SLOT_KIND_FLEX, 4);
  octa_waveform_set_slot (f->waveform, slot);
  wait_loaded (f);
  g_assert_true (octa_waveform_get_loaded (f->waveform));
  g_assert_cmpuint (octa_waveform_get_frames (f->waveform), ==, 22050);
  shot = octa_test_gtk_screenshot (f->window, "waveform-mono-24bit");
}

static void
test_screenshot (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *shot = NULL;
  g_autofree char *shot2 = NULL;

  octa_markers_set_trim_start (f->markers, 2200);
  octa_markers_set_trim_end (f->markers, 41900);
  octa_markers_make_equal_slices (f->markers, 8);
  octa_markers_set_loop_point (f->markers, 24000);
  octa_sample_slot_set_loop_mode (f->slot, OCTA_LOOP_MODE_NORMAL);
  octa_waveform_set_focus_handle (f->waveform, OCTA_WAVEFORM_HANDLE_SLICE + 2);
  gtk_widget_grab_focus (GTK_WIDGET (f->waveform));
  gtk_window_set_focus_visible (GTK_WINDOW (f->window), TRUE);
  g_assert_cmpuint (octa_markers_get_slice_count (f->markers), ==, 8);
  shot = octa_test_gtk_screenshot (f->window, "waveform-markers");
  g_assert_true (g_file_test (shot, G_FILE_TEST_EXISTS));

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  shot2 = octa_test_gtk_screenshot (f->window, "waveform-markers-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);
  g_assert_true (g_file_test (shot2, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  OCTA_TEST_GTK_MAIN_PROLOGUE (argc, argv);

  g_test_add ("/ui/waveform/loads", Fixture, NULL, fixture_set_up, test_loads, fixture_tear_down);
  g_test_add ("/ui/waveform/drag-trim", Fixture, NULL, fixture_set_up, test_drag_trim,
              fixture_tear_down);
  g_test_add ("/ui/waveform/keys", Fixture, NULL, fixture_set_up, test_keys, fixture_tear_down);
  g_test_add ("/ui/waveform/slices", Fixture, NULL, fixture_set_up, test_slices,
              fixture_tear_down);
  g_test_add ("/ui/waveform/tab-order", Fixture, NULL, fixture_set_up, test_tab_order,
              fixture_tear_down);
  g_test_add ("/ui/waveform/empty-states", Fixture, NULL, fixture_set_up, test_empty_states,
              fixture_tear_down);
  g_test_add ("/ui/waveform/ruler", Fixture, NULL, fixture_set_up, test_ruler, fixture_tear_down);
  g_test_add ("/ui/waveform/controls", Fixture, NULL, fixture_set_up, test_controls,
              fixture_tear_down);
  g_test_add ("/ui/waveform/mono-24bit", Fixture, NULL, fixture_set_up, test_mono_24bit,
              fixture_tear_down);
  g_test_add ("/ui/waveform/screenshot", Fixture, NULL, fixture_set_up, test_screenshot,
              fixture_tear_down);

  return g_test_run ();
}
