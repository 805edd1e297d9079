/* SPDX-License-Identifier: MIT */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "octa.h"
#include "octa-codec.h"
#include "octa-pattern-header.h"
#include "octa-step-grid.h"
#include "octa-step-grid-private.h"
#include "octa-step-inspector.h"
#include "octa-test-gtk-utils.h"
#include "octa-test-utils.h"

typedef struct
{
  OctaProject  *project;
  OctaPattern  *pattern;
  GtkWidget    *window;
  OctaStepGrid *grid;
  char         *tmpdir;
} Fixture;

static OctaBankFile *
encoded_bank (OctaProject *project,
              guint        bank)
{
  g_autofree char *name = g_strdup_printf ("bank%02u.work", bank + 1);
  g_autoptr(GBytes) bytes = octa_project_encode_file (project, name);
  g_autoptr(GError) error = NULL;
  OctaBankFile *file;
  const guint8 *data;
  gsize len;

  g_assert_nonnull (bytes);
  data = g_bytes_get_data (bytes, &len);
  file = octa_bank_file_new_from_data (data, len, name, OCTA_LOAD_DEFAULT, &error);
  g_assert_no_error (error);
  return file;
}

static guint64
file_mask (OctaProject  *project,
           guint         pattern,
           OctaTrackType type,
           guint         track,
           OctaTrigKind  kind)
{
  g_autoptr(OctaBankFile) bank = encoded_bank (project, 0);

  return octa_bank_file_get_trig_mask (bank, pattern, type, track, kind);
}

static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type,
                 guint      button)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_OBJECT_TYPE (controller) != type)
        continue;
      if (button != G_MAXUINT
          && gtk_gesture_single_get_button (GTK_GESTURE_SINGLE (controller)) != button)
        continue;
      return controller;   /* the widget keeps it alive */
    }
  g_assert_not_reached ();
  return NULL;
}

static void
cell_center (OctaStepGrid *grid,
             guint         row,
             guint         step,
             double       *x,
             double       *y)
{
  graphene_rect_t rect;

  g_assert_true (octa_step_grid_get_cell_bounds (grid, row, step, &rect));
  *x = rect.origin.x + rect.size.width / 2;
  *y = rect.origin.y + rect.size.height / 2;
}

static void
click_cell (OctaStepGrid *grid,
            guint         row,
            guint         step)
{
  GtkEventController *click = find_controller (GTK_WIDGET (grid), GTK_TYPE_GESTURE_CLICK,
                                                GDK_BUTTON_PRIMARY);
  double x, y;

  cell_center (grid, row, step, &x, &y);
  g_signal_emit_by_name (click, "pressed", 1, x, y);
  g_signal_emit_by_name (click, "released", 1, x, y);
}

static void
drag_cells (OctaStepGrid *grid,
            guint         row,
            guint         from,
            guint         to_row,
            guint         to)
{
  GtkEventController *drag = find_controller (GTK_WIDGET (grid), GTK_TYPE_GESTURE_DRAG,
                                               GDK_BUTTON_PRIMARY);
  double x0, y0, x1, y1;

  cell_center (grid, row, from, &x0, &y0);
  cell_center (grid, to_row, to, &x1, &y1);
  g_signal_emit_by_name (drag, "drag-begin", x0, y0);
  /* a few motion events on the way, as a real drag sends */
  for (guint i = 1; i <= 4; i++)
    g_signal_emit_by_name (drag, "drag-update", (x1 - x0) * i / 4, (y1 - y0) * i / 4);
  g_signal_emit_by_name (drag, "drag-end", x1 - x0, y1 - y0);
}

static guint64
model_mask (Fixture      *f,
            guint         row,
            OctaTrigType  type)
{
  g_autoptr(OctaPatternTrack) track = row < 8
    ? OCTA_PATTERN_TRACK (octa_pattern_get_audio_track (f->pattern, row))
    : OCTA_PATTERN_TRACK (octa_pattern_get_midi_track (f->pattern, row - 8));

  return octa_pattern_track_get_trig_mask (track, type);
}

static guint
n_undo (Fixture *f)
{
  return octa_history_get_n_undo (octa_project_get_history (f->project));
}

static void
fixture_show (Fixture *f,
              int      width,
              int      height)
{
  f->window = gtk_window_new ();
  f->grid = OCTA_STEP_GRID (octa_step_grid_new ());
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->grid));
  gtk_window_set_default_size (GTK_WINDOW (f->window), width, height);
  gtk_window_present (GTK_WINDOW (f->window));
  octa_step_grid_set_pattern (f->grid, f->pattern);
  octa_test_gtk_wait_for_draw (GTK_WIDGET (f->grid));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(OctaBank) bank = NULL;

  f->project = octa_project_new_blank ("GRID");
  bank = octa_project_get_bank (f->project, 0);
  f->pattern = octa_bank_get_pattern (bank, 0);
  fixture_show (f, 900, 600);
}

static void
fixture_set_up_demo (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(OctaProjectFiles) files = octa_project_files_new_demo ();
  g_autoptr(GFile) location = NULL;
  g_autoptr(OctaBank) bank = NULL;
  g_autoptr(GError) error = NULL;

  f->tmpdir = octa_test_make_tmpdir ();
  g_assert_true (octa_project_files_write_dir (files, f->tmpdir, &error));
  g_assert_no_error (error);
  location = g_file_new_for_path (f->tmpdir);
  f->project = octa_project_load (location, NULL, &error);
  g_assert_no_error (error);
  bank = octa_project_get_bank (f->project, 0);
  f->pattern = octa_bank_get_pattern (bank, 0);
  fixture_show (f, 1300, 600);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  octa_test_gtk_flush ();
  g_clear_object (&f->pattern);
  g_assert_finalize_object (f->project);
  if (f->tmpdir != NULL)
    octa_test_rm_rf (f->tmpdir);
  g_free (f->tmpdir);
}

/* A click toggles the trig, in one undo step, and the bank bytes follow. */
static void
test_click_toggles (Fixture       *f,
                    gconstpointer  data)
{
  guint before = n_undo (f);
  guint row, step;

  click_cell (f->grid, 2, 4);
  g_assert_cmpuint (model_mask (f, 2, OCTA_TRIG_TYPE_TRIGGER), ==, 1u << 4);
  g_assert_cmpuint (file_mask (f->project, 0, OCTA_TRACK_AUDIO, 2, OCTA_TRIG_TRIGGER), ==, 1u << 4);
  g_assert_cmpuint (n_undo (f), ==, before + 1);
  octa_step_grid_get_cursor (f->grid, &row, &step);
  g_assert_cmpuint (row, ==, 2);
  g_assert_cmpuint (step, ==, 4);
  g_assert_true (g_str_has_prefix (octa_step_grid_get_readout (f->grid),
                                   "T3 · step 5 — Sample trig"));

  /* the focused step is the inspector's */
  g_assert_nonnull (octa_step_grid_get_step (f->grid));
  g_assert_cmpuint (octa_step_get_index (octa_step_grid_get_step (f->grid)), ==, 4);

  g_assert_true (octa_project_undo (f->project));
  g_assert_cmpuint (model_mask (f, 2, OCTA_TRIG_TYPE_TRIGGER), ==, 0);
  g_assert_cmpuint (file_mask (f->project, 0, OCTA_TRACK_AUDIO, 2, OCTA_TRIG_TRIGGER), ==, 0);
  g_assert_true (octa_project_redo (f->project));
  g_assert_cmpuint (file_mask (f->project, 0, OCTA_TRACK_AUDIO, 2, OCTA_TRIG_TRIGGER), ==, 1u << 4);

  /* a second click removes it */
  click_cell (f->grid, 2, 4);
  g_assert_cmpuint (file_mask (f->project, 0, OCTA_TRACK_AUDIO, 2, OCTA_TRIG_TRIGGER), ==, 0);

  /* MIDI rows take note trigs the same way */
  click_cell (f->grid, 9, 0);
  g_assert_cmpuint (file_mask (f->project, 0, OCTA_TRACK_MIDI, 1, OCTA_TRIG_TRIGGER), ==, 1);
}

/* Removing a trig that carried locks drops them too (like the device), and
 * undo brings everything back at once. */
static void
test_remove_drops_locks (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(OctaAudioPatternTrack) track = octa_pattern_get_audio_track (f->pattern, 0);
  g_autoptr(OctaStep) step = octa_pattern_track_get_step (OCTA_PATTERN_TRACK (track), 3);
  g_autoptr(OctaBankFile) bank = NULL;
  guint before;

  click_cell (f->grid, 0, 3);
  octa_step_set_plock (step, 15, 100);
  octa_step_set_condition (step, OCTA_TRIG_CONDITION_FILL);
  before = n_undo (f);

  click_cell (f->grid, 0, 3);
  g_assert_cmpuint (n_undo (f), ==, before + 1);
  bank = encoded_bank (f->project, 0);
  g_assert_false (octa_bank_file_get_trig (bank, 0, OCTA_TRACK_AUDIO, 0, OCTA_TRIG_TRIGGER, 3));
  g_assert_cmpuint (octa_bank_file_get_plock (bank, 0, OCTA_TRACK_AUDIO, 0, 3, 15), ==, 0xFF);
  g_assert_cmpuint (octa_bank_file_get_condition (bank, 0, OCTA_TRACK_AUDIO, 0, 3), ==, 0);

  g_assert_true (octa_project_undo (f->project));
  g_assert_cmpint (octa_step_get_plock (step, 15), ==, 100);
  g_assert_cmpint (octa_step_get_condition (step), ==, OCTA_TRIG_CONDITION_FILL);
  g_assert_true (octa_step_get_trig (step, OCTA_TRIG_TYPE_TRIGGER));
}

/* A drag paints across steps in one undo step; a drag from a set cell
 * erases. */
static void
test_drag_paints (Fixture       *f,
                  gconstpointer  data)
{
  guint before = n_undo (f);

  drag_cells (f->grid, 0, 0, 0, 7);
  g_assert_cmphex (model_mask (f, 0, OCTA_TRIG_TYPE_TRIGGER), ==, 0xFF);
  g_assert_cmphex (file_mask (f->project, 0, OCTA_TRACK_AUDIO, 0, OCTA_TRIG_TRIGGER), ==, 0xFF);
  g_assert_cmpuint (n_undo (f), ==, before + 1);

  /* erase from step 3 to step 6 */
  drag_cells (f->grid, 0, 2, 0, 5);
  g_assert_cmphex (file_mask (f->project, 0, OCTA_TRACK_AUDIO, 0, OCTA_TRIG_TRIGGER), ==, 0xC3);
  g_assert_cmpuint (n_undo (f), ==, before + 2);

  g_assert_true (octa_project_undo (f->project));
  g_assert_cmphex (model_mask (f, 0, OCTA_TRIG_TYPE_TRIGGER), ==, 0xFF);
  g_assert_true (octa_project_undo (f->project));
  g_assert_cmphex (file_mask (f->project, 0, OCTA_TRACK_AUDIO, 0, OCTA_TRIG_TRIGGER), ==, 0);

  /* Shift-free drag down a column paints each row it crosses */
  drag_cells (f->grid, 1, 4, 3, 4);
  g_assert_cmphex (model_mask (f, 1, OCTA_TRIG_TYPE_TRIGGER), ==, 1u << 4);
  g_assert_cmphex (model_mask (f, 3, OCTA_TRIG_TYPE_TRIGGER), ==, 1u << 4);
}

/* The keyboard map of the design guide, through the grid's actions. */
static void
test_keyboard_actions (Fixture       *f,
                       gconstpointer  data)
{
  GtkWidget *grid = GTK_WIDGET (f->grid);
  g_autoptr(OctaBankFile) bank = NULL;
  guint row, step;

  gtk_widget_activate_action (grid, "grid.focus-track", "u", 4);
  gtk_widget_activate_action (grid, "grid.move", "(ii)", 0, 2);
  octa_step_grid_get_cursor (f->grid, &row, &step);
  g_assert_cmpuint (row, ==, 4);
  g_assert_cmpuint (step, ==, 2);

  gtk_widget_activate_action (grid, "grid.toggle", NULL);
  gtk_widget_activate_action (grid, "grid.toggle-page-step", "u", 9);
  gtk_widget_activate_action (grid, "grid.toggle-page-trigless", "u", 12);
  g_assert_cmphex (model_mask (f, 4, OCTA_TRIG_TYPE_TRIGGER), ==, (1u << 2) | (1u << 9));
  g_assert_cmphex (model_mask (f, 4, OCTA_TRIG_TYPE_TRIGLESS), ==, 1u << 12);

  /* L, O, condition, micro-timing, repeats on the focused step (now 13) */
  gtk_widget_activate_action (grid, "grid.toggle-lock", NULL);
  gtk_widget_activate_action (grid, "grid.step-condition", "u", OCTA_TRIG_CONDITION_NOT_PRE);
  gtk_widget_activate_action (grid, "grid.nudge-micro", "i", 6);
  gtk_widget_activate_action (grid, "grid.nudge-micro", "i", 6);
  gtk_widget_activate_action (grid, "grid.cycle-repeats", NULL);
  gtk_widget_activate_action (grid, "grid.cycle-repeats", NULL);
  gtk_widget_activate_action (grid, "grid.move", "(ii)", 0, -3);
  gtk_widget_activate_action (grid, "grid.toggle-oneshot", NULL);

  bank = encoded_bank (f->project, 0);
  g_assert_true (octa_bank_file_get_trig (bank, 0, OCTA_TRACK_AUDIO, 4, OCTA_TRIG_LOCK, 12));
  g_assert_cmpuint (octa_bank_file_get_condition (bank, 0, OCTA_TRACK_AUDIO, 4, 12), ==,
                    OCTA_TRIG_CONDITION_NOT_PRE);
  g_assert_cmpint (octa_bank_file_get_micro_timing (bank, 0, OCTA_TRACK_AUDIO, 4, 12), ==, 12);
  g_assert_cmpuint (octa_bank_file_get_repeats (bank, 0, OCTA_TRACK_AUDIO, 4, 12), ==, 2);
  g_assert_true (octa_bank_file_get_trig (bank, 0, OCTA_TRACK_AUDIO, 4, OCTA_TRIG_ONESHOT, 9));
  g_assert_true (strstr (octa_step_grid_get_readout (f->grid), "One-shot trig") != NULL);

  /* the readout names the condition and micro-timing as the device does */
  gtk_widget_activate_action (grid, "grid.move", "(ii)", 0, 3);
  g_assert_true (strstr (octa_step_grid_get_readout (f->grid), "!PRE") != NULL);
  g_assert_true (strstr (octa_step_grid_get_readout (f->grid), "µ +1/32") != NULL);
  g_assert_true (strstr (octa_step_grid_get_readout (f->grid), "×3") != NULL);

  /* set the trig kind from the context menu's action */
  gtk_widget_activate_action (grid, "grid.set-trig-kind", "s", "sample");
  g_assert_true (model_mask (f, 4, OCTA_TRIG_TYPE_TRIGGER) & (1u << 12));
  g_assert_false (model_mask (f, 4, OCTA_TRIG_TYPE_LOCK) & (1u << 12));

  /* page keys and Home/End */
  gtk_widget_activate_action (grid, "grid.page-next", NULL);
  g_assert_cmpuint (octa_step_grid_get_page (f->grid), ==, 1);
  gtk_widget_activate_action (grid, "grid.step-home", NULL);
  octa_step_grid_get_cursor (f->grid, NULL, &step);
  g_assert_cmpuint (step, ==, 16);
  gtk_widget_activate_action (grid, "grid.swap-half", NULL);
  octa_step_grid_get_cursor (f->grid, &row, NULL);
  g_assert_cmpuint (row, ==, 12);

  /* layers: Swing layer clicks swing trigs */
  gtk_widget_activate_action (grid, "grid.layer", "s", "swing");
  g_assert_cmpint (octa_step_grid_get_layer (f->grid), ==, OCTA_STEP_GRID_LAYER_SWING);
  gtk_widget_activate_action (grid, "grid.page", "u", 0);
  g_assert_cmpuint (octa_step_grid_get_page (f->grid), ==, 0);
  click_cell (f->grid, 0, 0);
  g_assert_cmphex (file_mask (f->project, 0, OCTA_TRACK_AUDIO, 0, OCTA_TRIG_SWING), ==,
                   G_GUINT64_CONSTANT (0xAAAAAAAAAAAAAAAB));
  gtk_widget_activate_action (grid, "grid.layer", "s", "trigs");

  /* V toggles All view, which shows every page at once */
  gtk_widget_activate_action (grid, "grid.view-all", NULL);
  g_assert_true (octa_step_grid_get_view_all (f->grid));
  {
    graphene_rect_t rect;

    g_assert_true (octa_step_grid_get_cell_bounds (f->grid, 0, 63, &rect));
    g_assert_cmpfloat (rect.size.width, ==, 14);
  }
}

/* Trig keys go by key position (Q…I, A…K = steps 1–16 of the page). */
static void
test_trig_keys (Fixture       *f,
                gconstpointer  data)
{
  GtkEventController *key = find_controller (GTK_WIDGET (f->grid), GTK_TYPE_EVENT_CONTROLLER_KEY,
                                             G_MAXUINT);
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (f->grid));
  g_autofree GdkKeymapKey *keys = NULL;
  gboolean handled = FALSE;
  int n_keys = 0;

  if (!gdk_display_map_keyval (display, GDK_KEY_d, &keys, &n_keys) || n_keys == 0)
    {
      g_test_skip ("no keycode for D on this display");
      return;
    }
  octa_step_grid_set_cursor (f->grid, 5, 0);
  g_signal_emit_by_name (key, "key-pressed", GDK_KEY_d, keys[0].keycode, 0, &handled);
  g_assert_true (handled);
  /* D is the 11th trig key */
  g_assert_cmphex (file_mask (f->project, 0, OCTA_TRACK_AUDIO, 5, OCTA_TRIG_TRIGGER), ==, 1u << 10);
  g_signal_emit_by_name (key, "key-pressed", GDK_KEY_D, keys[0].keycode, GDK_SHIFT_MASK, &handled);
  g_assert_cmphex (file_mask (f->project, 0, OCTA_TRACK_AUDIO, 5, OCTA_TRIG_TRIGLESS), ==,
                   1u << 10);
}

/* Copy and paste a step, a track, a page and a pattern. */
static void
test_copy_paste (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *grid = GTK_WIDGET (f->grid);
  g_autoptr(OctaAudioPatternTrack) track = octa_pattern_get_audio_track (f->pattern, 1);
  g_autoptr(OctaStep) step = octa_pattern_track_get_step (OCTA_PATTERN_TRACK (track), 2);
  g_autoptr(OctaBankFile) bank = NULL;
  g_autoptr(OctaBank) bank_object = NULL;
  g_autoptr(OctaPattern) other = NULL;
  GdkContentFormats *formats;
  guint before;

  click_cell (f->grid, 1, 2);
  octa_step_set_plock (step, 0, 70);
  octa_audio_step_set_sample_lock (OCTA_AUDIO_STEP (step), 12);
  octa_step_set_micro_timing (step, -6);
  g_object_set (track, "swing-amount", 10, NULL);

  /* step → another step */
  gtk_widget_activate_action (grid, "grid.copy-step", NULL);
  formats = gdk_clipboard_get_formats (gtk_widget_get_clipboard (grid));
  g_assert_true (gdk_content_formats_contain_mime_type (formats, "application/x-octadesk-steps"));
  octa_step_grid_set_cursor (f->grid, 6, 9);
  before = n_undo (f);
  gtk_widget_activate_action (grid, "grid.paste", NULL);
  g_assert_cmpuint (n_undo (f), ==, before + 1);
  bank = encoded_bank (f->project, 0);
  g_assert_true (octa_bank_file_get_trig (bank, 0, OCTA_TRACK_AUDIO, 6, OCTA_TRIG_TRIGGER, 9));
  g_assert_cmpuint (octa_bank_file_get_plock (bank, 0, OCTA_TRACK_AUDIO, 6, 9, 0), ==, 70);
  g_assert_cmpuint (octa_bank_file_get_plock (bank, 0, OCTA_TRACK_AUDIO, 6, 9, 31), ==, 11);
  g_assert_cmpint (octa_bank_file_get_micro_timing (bank, 0, OCTA_TRACK_AUDIO, 6, 9), ==, -6);
  g_clear_pointer (&bank, octa_bank_file_free);

  /* a paste is one undo step */
  g_assert_true (octa_project_undo (f->project));
  bank = encoded_bank (f->project, 0);
  g_assert_false (octa_bank_file_get_trig (bank, 0, OCTA_TRACK_AUDIO, 6, OCTA_TRIG_TRIGGER, 9));
  g_assert_cmpuint (octa_bank_file_get_plock (bank, 0, OCTA_TRACK_AUDIO, 6, 9, 0), ==, 0xFF);
  g_clear_pointer (&bank, octa_bank_file_free);

  /* track T2 → T8, settings included */
  octa_step_grid_set_cursor (f->grid, 1, 0);
  gtk_widget_activate_action (grid, "grid.copy-track", NULL);
  octa_step_grid_set_cursor (f->grid, 7, 30);
  gtk_widget_activate_action (grid, "grid.paste", NULL);
  bank = encoded_bank (f->project, 0);
  g_assert_cmphex (octa_bank_file_get_trig_mask (bank, 0, OCTA_TRACK_AUDIO, 7, OCTA_TRIG_TRIGGER),
                   ==, 1u << 2);
  g_assert_cmpuint (octa_bank_file_get_plock (bank, 0, OCTA_TRACK_AUDIO, 7, 2, 0), ==, 70);
  g_assert_cmpuint (octa_bank_file_get_track_setting (bank, 0, OCTA_TRACK_AUDIO, 7,
                                                      OCTA_TRACK_SETTING_SWING_AMOUNT), ==, 10);
  g_clear_pointer (&bank, octa_bank_file_free);

  /* an audio track does not paste onto a MIDI track */
  octa_step_grid_set_cursor (f->grid, 8, 0);
  gtk_widget_activate_action (grid, "grid.paste", NULL);
  g_assert_cmphex (model_mask (f, 8, OCTA_TRIG_TYPE_TRIGGER), ==, 0);

  /* page 1 → page 3 */
  octa_step_grid_set_page (f->grid, 0);
  gtk_widget_activate_action (grid, "grid.copy-page", NULL);
  octa_step_grid_set_page (f->grid, 2);
  gtk_widget_activate_action (grid, "grid.paste", NULL);
  g_assert_cmphex (file_mask (f->project, 0, OCTA_TRACK_AUDIO, 1, OCTA_TRIG_TRIGGER), ==,
                   (G_GUINT64_CONSTANT (1) << 2) | (G_GUINT64_CONSTANT (1) << 34));

  /* the whole pattern → A02 */
  gtk_widget_activate_action (grid, "grid.copy-pattern", NULL);
  bank_object = octa_project_get_bank (f->project, 0);
  other = octa_bank_get_pattern (bank_object, 1);
  octa_step_grid_set_pattern (f->grid, other);
  gtk_widget_activate_action (grid, "grid.paste", NULL);
  bank = encoded_bank (f->project, 0);
  for (guint t = 0; t < 8; t++)
    for (guint k = 0; k < OCTA_N_TRIG_KINDS; k++)
      if (octa_trig_kind_valid_for (k, OCTA_TRACK_AUDIO))
        g_assert_cmphex (octa_bank_file_get_trig_mask (bank, 1, OCTA_TRACK_AUDIO, t, k), ==,
                         octa_bank_file_get_trig_mask (bank, 0, OCTA_TRACK_AUDIO, t, k));
  g_assert_cmpuint (octa_bank_file_get_plock (bank, 1, OCTA_TRACK_AUDIO, 1, 34, 31), ==, 11);
  octa_step_grid_set_pattern (f->grid, f->pattern);
}

/* Clear a step, a track and a pattern; each is one undo step. */
static void
test_clear (Fixture       *f,
            gconstpointer  data)
{
  GtkWidget *grid = GTK_WIDGET (f->grid);

  drag_cells (f->grid, 0, 0, 0, 3);
  drag_cells (f->grid, 1, 0, 1, 3);
  octa_step_grid_set_cursor (f->grid, 0, 1);
  gtk_widget_activate_action (grid, "grid.clear", NULL);
  g_assert_cmphex (file_mask (f->project, 0, OCTA_TRACK_AUDIO, 0, OCTA_TRIG_TRIGGER), ==, 0xD);

  /* a selection clears as a rectangle */
  gtk_widget_activate_action (grid, "grid.extend", "(ii)", 1, 1);
  gtk_widget_activate_action (grid, "grid.clear", NULL);
  g_assert_cmphex (file_mask (f->project, 0, OCTA_TRACK_AUDIO, 0, OCTA_TRIG_TRIGGER), ==, 0x9);
  g_assert_cmphex (file_mask (f->project, 0, OCTA_TRACK_AUDIO, 1, OCTA_TRIG_TRIGGER), ==, 0x9);
  gtk_widget_activate_action (grid, "grid.deselect", NULL);

  gtk_widget_activate_action (grid, "grid.clear-track", NULL);
  g_assert_cmphex (file_mask (f->project, 0, OCTA_TRACK_AUDIO, 1, OCTA_TRIG_TRIGGER), ==, 0);
  g_assert_cmphex (file_mask (f->project, 0, OCTA_TRACK_AUDIO, 0, OCTA_TRIG_TRIGGER), ==, 0x9);
  gtk_widget_activate_action (grid, "grid.clear-pattern", NULL);
  g_assert_false (octa_pattern_get_has_trigs (f->pattern));
  g_assert_true (octa_project_undo (f->project));
  g_assert_cmphex (file_mask (f->project, 0, OCTA_TRACK_AUDIO, 0, OCTA_TRIG_TRIGGER), ==, 0x9);

  /* Ctrl+A selects the track's steps, Delete clears them */
  octa_step_grid_set_cursor (f->grid, 0, 0);
  gtk_widget_activate_action (grid, "grid.select-track", NULL);
  gtk_widget_activate_action (grid, "grid.clear", NULL);
  g_assert_cmphex (model_mask (f, 0, OCTA_TRIG_TYPE_TRIGGER), ==, 0);
}

/* Shift a track's trigs, rotating within its length, locks moving along. */
static void
test_shift_trigs (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(OctaAudioPatternTrack) track = octa_pattern_get_audio_track (f->pattern, 3);
  g_autoptr(OctaStep) step = octa_pattern_track_get_step (OCTA_PATTERN_TRACK (track), 15);
  g_autoptr(OctaStep) moved = octa_pattern_track_get_step (OCTA_PATTERN_TRACK (track), 0);

  click_cell (f->grid, 3, 15);
  octa_step_set_plock (step, 20, 9);
  gtk_widget_activate_action (GTK_WIDGET (f->grid), "grid.shift-trigs", "i", 1);
  g_assert_cmphex (model_mask (f, 3, OCTA_TRIG_TYPE_TRIGGER), ==, 1);
  g_assert_cmpint (octa_step_get_plock (moved, 20), ==, 9);
  g_assert_cmpint (octa_step_get_plock (step, 20), ==, -1);
}

/* The context menu pops up on a secondary click, without toggling. */
static void
test_context_menu (Fixture       *f,
                   gconstpointer  data)
{
  GtkEventController *menu_click = find_controller (GTK_WIDGET (f->grid), GTK_TYPE_GESTURE_CLICK,
                                                     GDK_BUTTON_SECONDARY);
  GtkWidget *popover = NULL;
  double x, y;
  guint row, step;

  cell_center (f->grid, 5, 7, &x, &y);
  g_signal_emit_by_name (menu_click, "pressed", 1, x, y);
  octa_test_gtk_flush ();
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (f->grid)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER_MENU (child))
      popover = child;
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (popover));
  octa_step_grid_get_cursor (f->grid, &row, &step);
  g_assert_cmpuint (row, ==, 5);
  g_assert_cmpuint (step, ==, 7);
  g_assert_cmphex (model_mask (f, 5, OCTA_TRIG_TYPE_TRIGGER), ==, 0);
  gtk_popover_popdown (GTK_POPOVER (popover));
}

/* The grid and the inspector together: a p-lock set in the inspector, a
 * condition changed, undo and redo. */
static void
on_step_selected (OctaStepGrid      *grid,
                  OctaStep          *step,
                  OctaStepInspector *inspector)
{
  octa_step_inspector_set_step (inspector, step);
}

static GtkWidget *
find_descendant (GtkWidget  *root,
                 GType       type,
                 const char *tooltip_prefix)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;
      const char *tooltip = gtk_widget_get_tooltip_text (child);

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type)
          && (tooltip_prefix == NULL
              || (tooltip != NULL && g_str_has_prefix (tooltip, tooltip_prefix))))
        return child;
      found = find_descendant (child, type, tooltip_prefix);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_with_inspector (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *inspector = octa_step_inspector_new ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *lock_toggle, *picker;
  g_autoptr(OctaBankFile) bank = NULL;
  guint before;

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), inspector);
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  gtk_window_set_default_size (GTK_WINDOW (window), 320, 900);
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (f->grid, "step-selected", G_CALLBACK (on_step_selected), inspector);

  click_cell (f->grid, 2, 0);
  g_assert_true (octa_step_inspector_get_step (OCTA_STEP_INSPECTOR (inspector))
                 == octa_step_grid_get_step (f->grid));
  octa_test_gtk_wait_for_draw (inspector);

  /* AMP VOL: lock it, then set +12 */
  lock_toggle = find_descendant (inspector, GTK_TYPE_TOGGLE_BUTTON, "Lock AMP Volume");
  g_assert_nonnull (lock_toggle);
  before = n_undo (f);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (lock_toggle), TRUE);
  g_assert_cmpuint (n_undo (f), ==, before + 1);
  bank = encoded_bank (f->project, 0);
  g_assert_cmpuint (octa_bank_file_get_plock (bank, 0, OCTA_TRACK_AUDIO, 2, 0, 15), ==, 64);
  g_clear_pointer (&bank, octa_bank_file_free);
  {
    GtkWidget *row = gtk_widget_get_ancestor (lock_toggle, ADW_TYPE_ACTION_ROW);
    GtkWidget *spin = find_descendant (row, GTK_TYPE_SPIN_BUTTON, NULL);

    gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 76);
  }
  bank = encoded_bank (f->project, 0);
  g_assert_cmpuint (octa_bank_file_get_plock (bank, 0, OCTA_TRACK_AUDIO, 2, 0, 15), ==, 76);
  g_clear_pointer (&bank, octa_bank_file_free);
  g_assert_true (strstr (octa_step_grid_get_readout (f->grid), "AMP VOL +12") != NULL);

  /* the condition through the picker */
  picker = find_descendant (inspector, GTK_TYPE_MENU_BUTTON, "Choose a trig condition");
  g_assert_nonnull (picker);
  gtk_menu_button_popup (GTK_MENU_BUTTON (picker));
  g_signal_emit_by_name (gtk_menu_button_get_popover (GTK_MENU_BUTTON (picker)),
                         "condition-chosen", (guint) OCTA_TRIG_CONDITION_3_4);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (picker));
  bank = encoded_bank (f->project, 0);
  g_assert_cmpuint (octa_bank_file_get_condition (bank, 0, OCTA_TRACK_AUDIO, 2, 0), ==,
                    OCTA_TRIG_CONDITION_3_4);
  g_clear_pointer (&bank, octa_bank_file_free);

  g_assert_true (octa_project_undo (f->project));
  g_assert_cmpint (octa_step_get_condition (octa_step_grid_get_step (f->grid)), ==,
                   OCTA_TRIG_CONDITION_NONE);
  g_assert_true (octa_project_undo (f->project));
  g_assert_true (octa_project_undo (f->project));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (lock_toggle)));
  g_assert_true (octa_project_redo (f->project));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (lock_toggle)));
  bank = encoded_bank (f->project, 0);
  g_assert_cmpuint (octa_bank_file_get_plock (bank, 0, OCTA_TRACK_AUDIO, 2, 0, 15), ==, 64);

  g_signal_handlers_disconnect_by_func (f->grid, on_step_selected, inspector);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Pattern switches rebind the grid; the header follows the grid. */
static void
test_pattern_switch (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(OctaBank) bank = octa_project_get_bank (f->project, 0);
  g_autoptr(OctaPattern) second = octa_bank_get_pattern (bank, 2);
  GtkWidget *header = octa_pattern_header_new ();
  OctaStep *selected = NULL;

  g_object_ref_sink (header);
  octa_pattern_header_set_grid (OCTA_PATTERN_HEADER (header), f->grid);
  octa_pattern_header_set_pattern (OCTA_PATTERN_HEADER (header), f->pattern);

  click_cell (f->grid, 0, 0);
  octa_step_grid_set_pattern (f->grid, second);
  g_assert_true (octa_step_grid_get_pattern (f->grid) == second);
  g_object_get (f->grid, "step", &selected, NULL);
  g_assert_nonnull (selected);
  g_assert_true (octa_pattern_track_get_pattern (octa_step_get_track (selected)) == second);
  g_object_unref (selected);
  g_assert_true (g_str_has_prefix (octa_step_grid_get_readout (f->grid), "No trigs yet"));

  /* page and layer go both ways between header and grid */
  g_object_set (header, "page", 3, NULL);
  g_assert_cmpuint (octa_step_grid_get_page (f->grid), ==, 3);
  octa_step_grid_set_layer (f->grid, OCTA_STEP_GRID_LAYER_REC);
  {
    OctaStepGridLayer layer;

    g_object_get (header, "layer", &layer, NULL);
    g_assert_cmpint (layer, ==, OCTA_STEP_GRID_LAYER_REC);
  }

  /* the header edits the pattern */
  octa_pattern_header_set_pattern (OCTA_PATTERN_HEADER (header), second);
  octa_pattern_set_length (second, 48);
  g_assert_cmpuint (octa_pattern_get_length (second), ==, 48);
  {
    g_autoptr(OctaBankFile) file = encoded_bank (f->project, 0);

    g_assert_cmpuint (octa_bank_file_get_pattern_length (file, 2), ==, 48);
  }

  octa_pattern_header_set_grid (OCTA_PATTERN_HEADER (header), NULL);
  g_object_unref (header);
  octa_step_grid_set_pattern (f->grid, f->pattern);
}

static GtkWidget *
find_menu_button (GtkWidget  *root,
                  const char *tooltip_prefix)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  octa_test_gtk_collect (root, GTK_TYPE_MENU_BUTTON, found);
  for (guint i = 0; i < found->len; i++)
    {
      const char *tooltip = gtk_widget_get_tooltip_text (g_ptr_array_index (found, i));

      if (tooltip != NULL && g_str_has_prefix (tooltip, tooltip_prefix))
        return g_ptr_array_index (found, i);
    }
  g_assert_not_reached ();
  return NULL;
}

static GtkWidget *
find_labelled (GtkWidget  *root,
               GType       type,
               const char *label)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  octa_test_gtk_collect (root, type, found);
  for (guint i = 0; i < found->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (found, i);
      const char *text = NULL;

      if (GTK_IS_BUTTON (widget))
        text = gtk_button_get_label (GTK_BUTTON (widget));
      else if (GTK_IS_CHECK_BUTTON (widget))
        text = gtk_check_button_get_label (GTK_CHECK_BUTTON (widget));

      if (g_strcmp0 (text, label) == 0)
        return widget;
    }
  return NULL;
}

/* The pattern header edits the pattern's settings and the per-track ones. */
static void
test_header (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *header = octa_pattern_header_new ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *length_button, *popover, *spin, *tracks_button, *tracks, *dropdown;
  g_autoptr(GPtrArray) widgets = g_ptr_array_new ();
  g_autoptr(OctaBankFile) bank = NULL;
  guint undo;

  gtk_window_set_child (GTK_WINDOW (window), header);
  gtk_window_present (GTK_WINDOW (window));
  octa_pattern_header_set_grid (OCTA_PATTERN_HEADER (header), f->grid);
  octa_pattern_header_set_pattern (OCTA_PATTERN_HEADER (header), f->pattern);
  octa_test_gtk_wait_for_draw (header);

  /* length: 48 steps, one undo step; the label follows */
  length_button = find_menu_button (header, "Length and scale mode");
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (length_button)));
  octa_test_gtk_collect (popover, GTK_TYPE_SPIN_BUTTON, widgets);
  spin = g_ptr_array_index (widgets, 0);
  undo = n_undo (f);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 48);
  g_assert_cmpuint (n_undo (f), ==, undo + 1);
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (length_button)), ==, "48 steps");

  /* per-track scale mode: the master length becomes the spin's */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_labelled (popover, GTK_TYPE_TOGGLE_BUTTON,
                                                                  "Per Track")), TRUE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 96);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_labelled (popover, GTK_TYPE_CHECK_BUTTON,
                                                                "Infinite master length (INF)")),
                               TRUE);

  /* master scale 3/4x, part 3, tempo 126.125 */
  g_ptr_array_set_size (widgets, 0);
  octa_test_gtk_collect (header, GTK_TYPE_DROP_DOWN, widgets);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (g_ptr_array_index (widgets, 0)), OCTA_SCALE_3_4X);
  {
    GtkWidget *part_button = find_menu_button (header, "Assign a part");
    GtkWidget *parts = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (part_button)));
    g_autoptr(GPtrArray) toggles = g_ptr_array_new ();

    octa_test_gtk_collect (parts, GTK_TYPE_TOGGLE_BUTTON, toggles);
    g_assert_cmpuint (toggles->len, ==, 4);
    gtk_toggle_button_set_active (g_ptr_array_index (toggles, 2), TRUE);
    g_assert_true (g_str_has_prefix (gtk_menu_button_get_label (GTK_MENU_BUTTON (part_button)),
                                     "Part 3"));
  }
  {
    GtkWidget *tempo_button = find_menu_button (header, "Pattern tempo");
    GtkWidget *tempo = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (tempo_button)));
    g_autoptr(GPtrArray) spins = g_ptr_array_new ();

    octa_test_gtk_collect (tempo, GTK_TYPE_SPIN_BUTTON, spins);
    gtk_spin_button_set_value (g_ptr_array_index (spins, 0), 126.125);
    g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (tempo_button)), ==,
                     "126.125 BPM");
  }

  /* per-track settings: T2 trig mode HOLD, quantisation DIRECT, plays free */
  tracks_button = find_menu_button (header, "Per-track settings");
  tracks = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (tracks_button)));
  gtk_menu_button_popup (GTK_MENU_BUTTON (tracks_button));
  octa_test_gtk_flush ();
  g_ptr_array_set_size (widgets, 0);
  octa_test_gtk_collect (tracks, GTK_TYPE_DROP_DOWN, widgets);
  g_assert_cmpuint (widgets->len, ==, 16 * 3);
  /* row T2: scale, trig mode, quantisation */
  dropdown = g_ptr_array_index (widgets, 3 + 1);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), OCTA_TRIG_MODE_HOLD);
  dropdown = g_ptr_array_index (widgets, 3 + 2);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 17);
  g_ptr_array_set_size (widgets, 0);
  octa_test_gtk_collect (tracks, GTK_TYPE_CHECK_BUTTON, widgets);
  gtk_check_button_set_active (g_ptr_array_index (widgets, 2 * 1), TRUE);
  g_ptr_array_set_size (widgets, 0);
  octa_test_gtk_collect (tracks, GTK_TYPE_SPIN_BUTTON, widgets);
  /* T2 swing 62 % */
  gtk_spin_button_set_value (g_ptr_array_index (widgets, 3 * 1 + 1), 62);
  {
    g_autofree char *path = octa_test_gtk_screenshot (tracks, "pattern-header-tracks");
  }
  gtk_popover_popdown (GTK_POPOVER (tracks));

  bank = encoded_bank (f->project, 0);
  g_assert_cmpuint (octa_bank_file_get_pattern_length (bank, 0), ==, 48);
  g_assert_cmpuint (octa_bank_file_get_pattern_scale_mode (bank, 0), ==, OCTA_SCALE_MODE_PER_TRACK);
  g_assert_cmpuint (octa_bank_file_get_pattern_per_track_length (bank, 0), ==, 0xFFFF);
  g_assert_cmpuint (octa_bank_file_get_pattern_per_track_scale (bank, 0), ==, OCTA_SCALE_3_4X);
  g_assert_cmpuint (octa_bank_file_get_pattern_part (bank, 0), ==, 2);
  g_assert_cmpuint (octa_bank_file_get_pattern_tempo_x24 (bank, 0), ==, 126 * 24 + 3);
  g_assert_cmpuint (octa_bank_file_get_track_setting (bank, 0, OCTA_TRACK_AUDIO, 1,
                                                      OCTA_TRACK_SETTING_TRIG_MODE), ==,
                    OCTA_TRIG_MODE_HOLD);
  g_assert_cmpuint (octa_bank_file_get_track_setting (bank, 0, OCTA_TRACK_AUDIO, 1,
                                                      OCTA_TRACK_SETTING_TRIG_QUANTIZATION), ==,
                    OCTA_TRIG_QUANTIZATION_DIRECT);
  g_assert_cmpuint (octa_bank_file_get_track_setting (bank, 0, OCTA_TRACK_AUDIO, 1,
                                                      OCTA_TRACK_SETTING_PLAYS_FREE), ==, 1);
  g_assert_cmpuint (octa_bank_file_get_track_setting (bank, 0, OCTA_TRACK_AUDIO, 1,
                                                      OCTA_TRACK_SETTING_SWING_AMOUNT), ==, 12);

  /* the grid shows the per-track second line and the legend opens */
  {
    GtkWidget *legend_button = find_menu_button (header, "What each glyph");
    GtkWidget *legend = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (legend_button)));
    g_autofree char *path = NULL;

    gtk_popover_popup (GTK_POPOVER (legend));
    octa_test_gtk_flush ();
    path = octa_test_gtk_screenshot (legend, "grid-legend");
    gtk_popover_popdown (GTK_POPOVER (legend));
  }

  octa_pattern_header_set_grid (OCTA_PATTERN_HEADER (header), NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A sample slot dropped on a step locks it there; on a track header the
 * pattern's part plays it; a slot of the wrong kind is refused untouched. */
static void
test_slot_drops (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(OctaSampleSlot) flex = octa_project_get_sample_slot (f->project, OCTA_SLOT_KIND_FLEX, 5);
  g_autoptr(OctaSampleSlot) flex7 = octa_project_get_sample_slot (f->project, OCTA_SLOT_KIND_FLEX,
                                                                   7);
  g_autoptr(OctaSampleSlot) stat = octa_project_get_sample_slot (f->project, OCTA_SLOT_KIND_STATIC,
                                                                 3);
  g_autoptr(OctaSampleSlot) recorder = octa_project_get_sample_slot (f->project,
                                                                     OCTA_SLOT_KIND_RECORDER, 2);
  g_autoptr(OctaBank) bank = octa_project_get_bank (f->project, 0);
  g_autoptr(OctaPart) part = octa_bank_get_part (bank, octa_pattern_get_part (f->pattern) - 1);
  g_autoptr(OctaAudioPartTrack) t2 = octa_part_get_audio_track (part, 1);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(OctaBankFile) file = NULL;
  GtkDropTarget *target;
  GValue value = G_VALUE_INIT;
  guint before_undo;
  double x, y;
  gboolean dropped = FALSE;
  gint slot = 0;

  {
    g_autoptr(OctaAudioPartTrack) t1 = octa_part_get_audio_track (part, 0);

    octa_audio_part_track_set_machine (t1, OCTA_MACHINE_KIND_FLEX);
    octa_audio_part_track_set_machine (t2, OCTA_MACHINE_KIND_STATIC);
  }
  octa_test_gtk_flush ();
  file = encoded_bank (f->project, 0);
  g_assert_cmpint (octa_bank_file_get_machine (file, octa_pattern_get_part (f->pattern) - 1,
                                               OCTA_PART_UNSAVED, 0), ==, OCTA_MACHINE_FLEX);
  g_clear_pointer (&file, octa_bank_file_free);

  /* through the drop target, as a drag from the slot table delivers it */
  before_undo = n_undo (f);
  target = GTK_DROP_TARGET (find_controller (GTK_WIDGET (f->grid), GTK_TYPE_DROP_TARGET,
                                             G_MAXUINT));
  cell_center (f->grid, 0, 2, &x, &y);
  g_value_init (&value, OCTA_TYPE_SAMPLE_SLOT);
  g_value_set_object (&value, flex);
  g_signal_emit_by_name (target, "drop", &value, x, y, &dropped);
  g_assert_true (dropped);
  file = encoded_bank (f->project, 0);
  g_assert_cmpint (octa_bank_file_get_sample_lock (file, 0, 0, 2), ==, 4);
  g_clear_pointer (&file, octa_bank_file_free);
  g_assert_cmpuint (n_undo (f), ==, before_undo + 1);

  /* a recorder buffer is locked as the device numbers it, after Flex 128 */
  g_assert_true (octa_step_grid_drop_slot (f->grid, recorder, 0, 3, &error));
  g_assert_no_error (error);
  file = encoded_bank (f->project, 0);
  g_assert_cmpint (octa_bank_file_get_sample_lock (file, 0, 0, 3), ==, 129);
  g_clear_pointer (&file, octa_bank_file_free);

  /* on the header: the track plays Flex 007 */
  g_assert_true (octa_step_grid_drop_slot (f->grid, flex7, 0, -1, &error));
  g_assert_no_error (error);
  {
    g_autoptr(OctaAudioPartTrack) t1 = octa_part_get_audio_track (part, 0);

    g_object_get (t1, "flex-slot", &slot, NULL);
  }
  g_assert_cmpint (slot, ==, 7);
  g_assert_cmpuint (n_undo (f), ==, before_undo + 3);

  /* refusals leave every byte as it was */
  before = octa_project_encode_file (f->project, "bank01.work");
  g_assert_false (octa_step_grid_drop_slot (f->grid, stat, 0, 4, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_assert_cmpstr (error->message, ==, "T1 plays Flex samples");
  g_clear_error (&error);
  g_assert_false (octa_step_grid_drop_slot (f->grid, flex, 1, -1, &error));
  g_assert_cmpstr (error->message, ==, "T2 plays Static samples");
  g_clear_error (&error);
  g_assert_false (octa_step_grid_drop_slot (f->grid, flex, 9, 0, &error));
  g_assert_cmpstr (error->message, ==, "M2 plays no samples");
  g_clear_error (&error);
  after = octa_project_encode_file (f->project, "bank01.work");
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpuint (n_undo (f), ==, before_undo + 3);

  /* a Static slot on the Static track's header is fine */
  g_assert_true (octa_step_grid_drop_slot (f->grid, stat, 1, -1, &error));
  g_assert_no_error (error);
  g_object_get (t2, "static-slot", &slot, NULL);
  g_assert_cmpint (slot, ==, 3);
  g_value_unset (&value);
}

static char *
screenshot (GtkWidget  *widget,
            const char *name)
{
  char *path = octa_test_gtk_screenshot (widget, name);

  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  return path;
}

/* Screenshots of the demo's A01 with every kind of trig, in page and All
 * views, light and dark. */
static void
test_screenshots (Fixture       *f,
                  gconstpointer  data)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkWidget *box, *header, *window, *readout;
  g_autofree char *p1 = NULL, *p2 = NULL, *p3 = NULL, *p4 = NULL, *p5 = NULL, *p6 = NULL;

  /* focus where the demo keeps locks and micro-timing */
  octa_step_grid_set_cursor (f->grid, 2, 2);
  p1 = screenshot (GTK_WIDGET (f->grid), "step-grid-page-light");
  g_object_set (f->grid, "colorblind-palette", TRUE, NULL);
  g_free (screenshot (GTK_WIDGET (f->grid), "step-grid-page-colorblind"));
  g_object_set (f->grid, "colorblind-palette", FALSE, NULL);
  octa_step_grid_set_view_all (f->grid, TRUE);
  p2 = screenshot (GTK_WIDGET (f->grid), "step-grid-all-light");

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  octa_test_gtk_flush ();
  p3 = screenshot (GTK_WIDGET (f->grid), "step-grid-all-dark");
  octa_step_grid_set_view_all (f->grid, FALSE);
  p4 = screenshot (GTK_WIDGET (f->grid), "step-grid-page-dark");
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  octa_test_gtk_flush ();

  /* header, grid and readout together, as the window stacks them */
  g_object_ref (f->grid);
  gtk_window_set_child (GTK_WINDOW (f->window), NULL);
  window = gtk_window_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = octa_pattern_header_new ();
  readout = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (readout), 0);
  gtk_widget_set_margin_start (readout, 12);
  gtk_widget_set_margin_top (readout, 6);
  gtk_widget_set_margin_bottom (readout, 6);
  g_object_bind_property (f->grid, "readout", readout, "label", G_BINDING_SYNC_CREATE);
  octa_pattern_header_set_grid (OCTA_PATTERN_HEADER (header), f->grid);
  octa_pattern_header_set_pattern (OCTA_PATTERN_HEADER (header), f->pattern);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->grid));
  gtk_box_append (GTK_BOX (box), readout);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 620);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_grab_focus (GTK_WIDGET (f->grid));
  gtk_window_set_focus_visible (GTK_WINDOW (window), TRUE);
  gtk_widget_activate_action (GTK_WIDGET (f->grid), "grid.move", "(ii)", 0, 1);
  p5 = screenshot (box, "step-grid-with-header");
  /* HiDPI: the same drawing at twice the scale */
  g_free (octa_test_gtk_screenshot_scaled (box, "step-grid-with-header-2x", 2));

  /* Swing layer, per-track mode on the demo's A03 */
  {
    g_autoptr(OctaBank) bank = octa_project_get_bank (f->project, 0);
    g_autoptr(OctaPattern) third = octa_bank_get_pattern (bank, 2);

    octa_step_grid_set_pattern (f->grid, third);
    octa_pattern_header_set_pattern (OCTA_PATTERN_HEADER (header), third);
    octa_step_grid_set_layer (f->grid, OCTA_STEP_GRID_LAYER_SWING);
    p6 = screenshot (box, "step-grid-swing-per-track");
    octa_step_grid_set_layer (f->grid, OCTA_STEP_GRID_LAYER_TRIGS);
  }

  octa_pattern_header_set_grid (OCTA_PATTERN_HEADER (header), NULL);
  octa_step_grid_set_pattern (f->grid, f->pattern);
  gtk_box_remove (GTK_BOX (box), GTK_WIDGET (f->grid));
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->grid));
  g_object_unref (f->grid);
  gtk_window_destroy (GTK_WINDOW (window));
}

#define BIT(s) (G_GUINT64_CONSTANT (1) << (s))

/* The marks of every row equal @want, given as (row, mask) pairs ending
 * with G_MAXUINT; rows not named have none. */
static void
assert_marks (OctaStepGrid *grid,
              ...)
{
  guint64 want[OCTA_STEP_GRID_N_ROWS] = { 0 };
  va_list args;
  guint row;

  va_start (args, grid);
  while ((row = va_arg (args, guint)) != G_MAXUINT)
    want[row] = va_arg (args, guint64);
  va_end (args);

  for (guint r = 0; r < OCTA_STEP_GRID_N_ROWS; r++)
    if (_octa_step_grid_get_unsaved_steps (GTK_WIDGET (grid), r) != want[r])
      g_error ("row %u marks %" G_GINT64_MODIFIER "x, want %" G_GINT64_MODIFIER "x", r,
               _octa_step_grid_get_unsaved_steps (GTK_WIDGET (grid), r), want[r]);
}

static void
save_project (OctaProject *project)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (octa_project_save (project, OCTA_SAVE_MODE_WORKING, OCTA_SAVE_FLAGS_NONE,
                                    NULL, &error));
  g_assert_no_error (error);
  g_assert_false (octa_project_get_modified (project));
}

/* Unsaved dots: off by default; on, they mark exactly the edited steps,
 * go with a save, come back with an undo past it. */
static void
test_unsaved_marks (Fixture       *f,
                    gconstpointer  data)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  gboolean shown = TRUE;
  g_autoptr(OctaBank) bank = octa_project_get_bank (f->project, 0);
  g_autoptr(OctaPattern) second = octa_bank_get_pattern (bank, 1);

  g_object_get (f->grid, "show-unsaved", &shown, NULL);
  g_assert_false (shown);
  click_cell (f->grid, 2, 4);
  g_assert_true (octa_project_get_modified (f->project));
  assert_marks (f->grid, G_MAXUINT);

  /* toggled on: the step edited before shows at once, and only it */
  g_object_set (f->grid, "show-unsaved", TRUE, NULL);
  g_assert_true (octa_step_grid_get_show_unsaved (f->grid));
  assert_marks (f->grid, 2, BIT (4), G_MAXUINT);

  /* an edit marks its step; the readout says it in words */
  click_cell (f->grid, 10, 13);
  assert_marks (f->grid, 2, BIT (4), 10, BIT (13), G_MAXUINT);
  g_assert_cmpstr (octa_step_grid_get_readout (f->grid), ==, "M3 · step 14 — Note trig · unsaved");

  /* saved: no marks */
  save_project (f->project);
  assert_marks (f->grid, G_MAXUINT);
  g_assert_cmpstr (octa_step_grid_get_readout (f->grid), ==, "M3 · step 14 — Note trig");

  /* undo after the save: the step is unsaved again */
  g_assert_true (octa_project_undo (f->project));
  assert_marks (f->grid, 10, BIT (13), G_MAXUINT);
  g_assert_true (octa_project_undo (f->project));
  assert_marks (f->grid, 2, BIT (4), 10, BIT (13), G_MAXUINT);
  /* back to the saved state: gone again */
  g_assert_true (octa_project_redo (f->project));
  g_assert_true (octa_project_redo (f->project));
  assert_marks (f->grid, G_MAXUINT);

  /* another pattern's edit stays in that pattern */
  g_assert_true (octa_project_undo (f->project));
  octa_step_grid_set_pattern (f->grid, second);
  assert_marks (f->grid, G_MAXUINT);
  octa_step_grid_set_pattern (f->grid, f->pattern);
  assert_marks (f->grid, 10, BIT (13), G_MAXUINT);

  /* off again: nothing marked, nothing looked up */
  g_object_set (f->grid, "show-unsaved", FALSE, NULL);
  assert_marks (f->grid, G_MAXUINT);
  g_object_set (f->grid, "show-unsaved", TRUE, NULL);

  /* for the eye: a slide trig beside the dot, a locked trig, an edited
   * empty step, next to untouched trigs; page and All views */
  {
    g_autoptr(OctaPatternTrack) t2 = OCTA_PATTERN_TRACK (octa_pattern_get_audio_track (f->pattern, 1));
    g_autoptr(OctaStep) step = octa_pattern_track_get_step (t2, 0);

    octa_pattern_track_set_trig (t2, OCTA_TRIG_TYPE_SLIDE, 0, TRUE);
    octa_step_set_plock (step, OCTA_AUDIO_PLOCK_AMP_VOL, 90);
    click_cell (f->grid, 4, 6);
    click_cell (f->grid, 4, 7);
    click_cell (f->grid, 4, 7);
  }
  assert_marks (f->grid, 1, BIT (0), 4, BIT (6), 10, BIT (13), G_MAXUINT);
  octa_step_grid_set_cursor (f->grid, 0, 15);
  g_free (screenshot (GTK_WIDGET (f->grid), "step-grid-unsaved-light"));
  g_free (octa_test_gtk_screenshot_scaled (GTK_WIDGET (f->grid), "step-grid-unsaved-2x", 2));
  octa_step_grid_set_view_all (f->grid, TRUE);
  g_free (screenshot (GTK_WIDGET (f->grid), "step-grid-unsaved-all-light"));
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  octa_test_gtk_flush ();
  g_free (screenshot (GTK_WIDGET (f->grid), "step-grid-unsaved-all-dark"));
  octa_step_grid_set_view_all (f->grid, FALSE);
  g_free (screenshot (GTK_WIDGET (f->grid), "step-grid-unsaved-dark"));
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  octa_test_gtk_flush ();
}

/* The demo renders without warnings and the readout names its locks. */
static void
test_demo_readout (Fixture       *f,
                   gconstpointer  data)
{
  const char *readout;

  /* the demo locks FX1 on T2 step 8 */
  octa_step_grid_set_cursor (f->grid, 1, 7);
  readout = octa_step_grid_get_readout (f->grid);
  g_assert_true (strstr (readout, "p-lock") != NULL);
  g_assert_true (strstr (readout, "FX1") != NULL);
}

int
main (int   argc,
      char *argv[])
{
  OCTA_TEST_GTK_MAIN_PROLOGUE (argc, argv);

  g_test_add ("/ui/step-grid/click-toggles", Fixture, NULL,
              fixture_set_up, test_click_toggles, fixture_tear_down);
  g_test_add ("/ui/step-grid/remove-drops-locks", Fixture, NULL,
              fixture_set_up, test_remove_drops_locks, fixture_tear_down);
  g_test_add ("/ui/step-grid/drag-paints", Fixture, NULL,
              fixture_set_up, test_drag_paints, fixture_tear_down);
  g_test_add ("/ui/step-grid/keyboard-actions", Fixture, NULL,
              fixture_set_up, test_keyboard_actions, fixture_tear_down);
  g_test_add ("/ui/step-grid/trig-keys", Fixture, NULL,
              fixture_set_up, test_trig_keys, fixture_tear_down);
  g_test_add ("/ui/step-grid/copy-paste", Fixture, NULL,
              fixture_set_up, test_copy_paste, fixture_tear_down);
  g_test_add ("/ui/step-grid/clear", Fixture, NULL,
              fixture_set_up, test_clear, fixture_tear_down);
  g_test_add ("/ui/step-grid/shift-trigs", Fixture, NULL,
              fixture_set_up, test_shift_trigs, fixture_tear_down);
  g_test_add ("/ui/step-grid/context-menu", Fixture, NULL,
              fixture_set_up, test_context_menu, fixture_tear_down);
  g_test_add ("/ui/step-grid/with-inspector", Fixture, NULL,
              fixture_set_up, test_with_inspector, fixture_tear_down);
  g_test_add ("/ui/step-grid/pattern-switch", Fixture, NULL,
              fixture_set_up, test_pattern_switch, fixture_tear_down);
  g_test_add ("/ui/step-grid/header", Fixture, NULL,
              fixture_set_up, test_header, fixture_tear_down);
  g_test_add ("/ui/step-grid/slot-drops", Fixture, NULL,
              fixture_set_up, test_slot_drops, fixture_tear_down);
  g_test_add ("/ui/step-grid/demo-readout", Fixture, NULL,
              fixture_set_up_demo, test_demo_readout, fixture_tear_down);
  g_test_add ("/ui/step-grid/screenshots", Fixture, NULL,
              fixture_set_up_demo, test_screenshots, fixture_tear_down);
  g_test_add ("/ui/step-grid/unsaved-marks", Fixture, NULL,
              fixture_set_up_demo, test_unsaved_marks, fixture_tear_down);

  return g_test_run ();
}
