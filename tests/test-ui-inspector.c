/* SPDX-License-Identifier: MIT */
#include <adwaita.h>
#include <string.h>

#include "octa.h"
#include "octa-codec.h"
#include "octa-plock-names.h"
#include "octa-step-grid.h"
#include "octa-step-inspector.h"
#include "octa-test-gtk-utils.h"
#include "octa-test-utils.h"

typedef struct
{
  OctaProject       *project;
  OctaPattern       *pattern;
  GtkWidget         *window;
  OctaStepInspector *inspector;
  char              *tmpdir;
} Fixture;

static OctaBankFile *
encoded_bank (OctaProject *project)
{
  g_autoptr(GBytes) bytes = octa_project_encode_file (project, "bank01.work");
  g_autoptr(GError) error = NULL;
  OctaBankFile *file;
  const guint8 *data;
  gsize len;

  g_assert_nonnull (bytes);
  data = g_bytes_get_data (bytes, &len);
  file = octa_bank_file_new_from_data (data, len, "bank01.work", OCTA_LOAD_DEFAULT, &error);
  g_assert_no_error (error);
  return file;
}

static OctaStep *
get_step (Fixture *f,
          guint    row,
          guint    index)
{
  g_autoptr(OctaPatternTrack) track = row < 8
    ? OCTA_PATTERN_TRACK (octa_pattern_get_audio_track (f->pattern, row))
    : OCTA_PATTERN_TRACK (octa_pattern_get_midi_track (f->pattern, row - 8));

  return octa_pattern_track_get_step (track, index);
}

/* The visible row titled @title (lock rows are titled with the device's
 * abbreviation; two rows can share one, as Thru's two VOLs). */
static GtkWidget *
find_row (Fixture    *f,
          const char *title,
          guint       nth)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  octa_test_gtk_collect (GTK_WIDGET (f->inspector), ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);

      if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0
          && gtk_widget_is_visible (row) && nth-- == 0)
        return row;
    }
  return NULL;
}

static guint
count_lock_rows (Fixture *f)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  guint n = 0;

  octa_test_gtk_collect (GTK_WIDGET (f->inspector), ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (rows, i), "octa-lock-row"))
      n++;
  return n;
}

static GtkWidget *
find_button (Fixture    *f,
             const char *label)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  octa_test_gtk_collect (GTK_WIDGET (f->inspector), GTK_TYPE_TOGGLE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), label) == 0)
      return g_ptr_array_index (buttons, i);
  return NULL;
}

static GtkWidget *
condition_picker (Fixture *f)
{
  GtkMenuButton *button = GTK_MENU_BUTTON (octa_test_gtk_find (find_row (f, "Condition", 0),
                                                   GTK_TYPE_MENU_BUTTON, 0));

  /* made on the first popup, then kept */
  gtk_menu_button_popup (button);
  return GTK_WIDGET (gtk_menu_button_get_popover (button));
}

static void
lock_row_set (GtkWidget *row,
              gboolean   locked,
              gint       value)
{
  GtkWidget *toggle = octa_test_gtk_find (row, GTK_TYPE_TOGGLE_BUTTON, 0);
  GtkWidget *spin = octa_test_gtk_find (row, GTK_TYPE_SPIN_BUTTON, 0);

  g_assert_nonnull (toggle);
  g_assert_nonnull (spin);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), locked);
  if (locked && value >= 0)
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
}

static const char *
row_value_text (GtkWidget *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (octa_test_gtk_find (row, GTK_TYPE_SPIN_BUTTON, 0)));
}

static void
show_inspector (Fixture *f)
{
  f->window = gtk_window_new ();
  f->inspector = OCTA_STEP_INSPECTOR (octa_step_inspector_new ());
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->inspector));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 320, 1400);
  gtk_window_present (GTK_WINDOW (f->window));
  octa_test_gtk_wait_for_draw (GTK_WIDGET (f->inspector));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(OctaBank) bank = NULL;

  f->project = octa_project_new_blank ("INSPECT");
  bank = octa_project_get_bank (f->project, 0);
  f->pattern = octa_bank_get_pattern (bank, 0);
  show_inspector (f);
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
  location = g_file_new_for_path (f->tmpdir);
  f->project = octa_project_load (location, NULL, &error);
  g_assert_no_error (error);
  bank = octa_project_get_bank (f->project, 0);
  f->pattern = octa_bank_get_pattern (bank, 0);
  show_inspector (f);
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

static gboolean
lock_rows_built (gpointer data)
{
  return count_lock_rows (data) > 0;
}

/* Before it is first drawn the inspector shows a step without its lock
 * rows (they would slow the window's first frame); they follow the frame
 * after, with the step's locks. */
static void
test_lock_rows_after_first_frame (void)
{
  Fixture fixture = { 0 }, *f = &fixture;
  g_autoptr(OctaBank) bank = NULL;
  g_autoptr(OctaStep) step = NULL;

  f->project = octa_project_new_blank ("INSPECT");
  bank = octa_project_get_bank (f->project, 0);
  f->pattern = octa_bank_get_pattern (bank, 0);
  step = get_step (f, 0, 2);
  octa_step_set_trig (step, OCTA_TRIG_TYPE_TRIGGER, TRUE);
  octa_step_set_plock (step, OCTA_AUDIO_PLOCK_AMP_VOL, 90);

  f->window = gtk_window_new ();
  f->inspector = OCTA_STEP_INSPECTOR (octa_step_inspector_new ());
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->inspector));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 320, 1400);
  octa_step_inspector_set_step (f->inspector, step);
  g_assert_cmpuint (count_lock_rows (f), ==, 0);
  g_assert_true (octa_step_inspector_get_step (f->inspector) == step);

  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (octa_test_gtk_wait_until (lock_rows_built, f, 5000));
  g_assert_cmpuint (count_lock_rows (f), ==, 31);
  g_assert_true (gtk_toggle_button_get_active (
    GTK_TOGGLE_BUTTON (octa_test_gtk_find (find_row (f, "VOL", 0), GTK_TYPE_TOGGLE_BUTTON, 0))));
  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();
    gboolean counted = FALSE;

    octa_test_gtk_collect (GTK_WIDGET (f->inspector), GTK_TYPE_LABEL, labels);
    for (guint i = 0; i < labels->len; i++)
      counted |= g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, i)),
                            "P-locks (1)") == 0;
    g_assert_true (counted);
  }

  gtk_window_destroy (GTK_WINDOW (f->window));
  octa_test_gtk_flush ();
  g_clear_object (&step);
  g_clear_object (&f->pattern);
  g_clear_object (&bank);
  g_assert_finalize_object (f->project);
}

/* Every lock of a Static track with FILTER and DELAY, by its device name;
 * lock, edit and unlock write the step's lock record. */
static void
test_audio_locks (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(OctaStep) step = get_step (f, 0, 4);
  g_autoptr(OctaBankFile) bank = NULL;
  static const char *const names[] = {
    "PTCH", "STRT", "LEN", "RATE", "RTRG", "RTIM", "ATK", "HOLD", "REL", "VOL", "BAL", "F",
    "SPD1", "SPD2", "SPD3", "DEP1", "DEP2", "DEP3", "BASE", "WIDTH", "Q", "DEPTH", "DEC",
    "TIME", "FB", "WDTH", "SEND", "#30",
  };
  GtkWidget *row, *toggle;
  guint undo;

  octa_step_set_trig (step, OCTA_TRIG_TYPE_TRIGGER, TRUE);
  octa_step_inspector_set_step (f->inspector, step);
  g_assert_true (octa_step_inspector_get_step (f->inspector) == step);
  g_assert_cmpuint (count_lock_rows (f), ==, 31);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_nonnull (find_row (f, names[i], 0));

  /* PTCH starts from the part's value, shown as the device shows it */
  row = find_row (f, "PTCH", 0);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "part 0");
  undo = octa_history_get_n_undo (octa_project_get_history (f->project));
  lock_row_set (row, TRUE, -1);
  g_assert_cmpuint (octa_history_get_n_undo (octa_project_get_history (f->project)), ==, undo + 1);
  g_assert_cmpint (octa_step_get_plock (step, 0), ==, 64);
  lock_row_set (row, TRUE, 52);
  g_assert_cmpstr (row_value_text (row), ==, "\u221212");
  bank = encoded_bank (f->project);
  g_assert_cmpuint (octa_bank_file_get_plock (bank, 0, OCTA_TRACK_AUDIO, 0, 4, 0), ==, 52);
  g_clear_pointer (&bank, octa_bank_file_free);

  /* FX2 DELAY TIME, byte 24 */
  lock_row_set (find_row (f, "TIME", 0), TRUE, 100);
  bank = encoded_bank (f->project);
  g_assert_cmpuint (octa_bank_file_get_plock (bank, 0, OCTA_TRACK_AUDIO, 0, 4, 24), ==, 100);
  g_clear_pointer (&bank, octa_bank_file_free);

  /* unlock */
  lock_row_set (row, FALSE, -1);
  bank = encoded_bank (f->project);
  g_assert_cmpuint (octa_bank_file_get_plock (bank, 0, OCTA_TRACK_AUDIO, 0, 4, 0), ==, 0xFF);
  g_clear_pointer (&bank, octa_bank_file_free);

  /* undo brings the lock back and the row follows */
  g_assert_true (octa_project_undo (f->project));
  toggle = octa_test_gtk_find (row, GTK_TYPE_TOGGLE_BUTTON, 0);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));
  g_assert_cmpstr (row_value_text (row), ==, "\u221212");
}

/* The names follow the machine and effects of the pattern's part. */
static void
test_names_follow_part (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(OctaStep) step = get_step (f, 2, 0);
  g_autoptr(OctaPart) part = octa_bank_get_part (octa_pattern_get_bank (f->pattern), 0);
  g_autoptr(OctaAudioPartTrack) part_track = octa_part_get_audio_track (part, 2);

  octa_step_inspector_set_step (f->inspector, step);
  g_object_set (part_track, "fx1-type", OCTA_FX_TYPE_PHASER, "fx2-type", OCTA_FX_TYPE_LOFI, NULL);
  g_assert_nonnull (find_row (f, "CNTR", 0));
  g_assert_nonnull (find_row (f, "MIX", 0));
  g_assert_nonnull (find_row (f, "SRR", 0));
  g_assert_null (find_row (f, "BASE", 0));
  /* LO-FI has five parameters */
  g_assert_cmpuint (count_lock_rows (f), ==, 6 + 6 + 6 + 6 + 5 + 1);

  octa_audio_part_track_set_machine (part_track, OCTA_MACHINE_KIND_THRU);
  g_assert_nonnull (find_row (f, "INAB", 0));
  g_assert_nonnull (find_row (f, "INCD", 0));
  g_assert_nonnull (find_row (f, "VOL", 1));
  g_assert_null (find_row (f, "PTCH", 0));
  g_assert_cmpuint (count_lock_rows (f), ==, 4 + 6 + 6 + 6 + 5 + 1);

  octa_audio_part_track_set_machine (part_track, OCTA_MACHINE_KIND_NEIGHBOR);
  g_assert_null (find_row (f, "INAB", 0));
  g_assert_cmpuint (count_lock_rows (f), ==, 6 + 6 + 6 + 5 + 1);
}

/* Trig kind, one-shot, swing, slide and recorder trigs. */
static void
test_trig_kinds (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(OctaStep) step = get_step (f, 1, 9);
  g_autoptr(OctaBankFile) bank = NULL;
  GtkWidget *oneshot;

  octa_step_inspector_set_step (f->inspector, step);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find_button (f, "None"))));

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_button (f, "Trigless")), TRUE);
  g_assert_true (octa_step_get_trig (step, OCTA_TRIG_TYPE_TRIGLESS));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_button (f, "Sample")), TRUE);
  g_assert_true (octa_step_get_trig (step, OCTA_TRIG_TYPE_TRIGGER));
  g_assert_false (octa_step_get_trig (step, OCTA_TRIG_TYPE_TRIGLESS));

  oneshot = octa_test_gtk_find (find_row (f, "One-shot", 0), GTK_TYPE_CHECK_BUTTON, 0);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (oneshot), TRUE);
  gtk_switch_set_active (GTK_SWITCH (octa_test_gtk_find (find_row (f, "Slide", 0),
                                                         GTK_TYPE_SWITCH, 0)), TRUE);
  gtk_switch_set_active (GTK_SWITCH (octa_test_gtk_find (find_row (f, "Recorder trig", 0),
                                                         GTK_TYPE_SWITCH, 0)), TRUE);
  gtk_switch_set_active (GTK_SWITCH (octa_test_gtk_find (find_row (f, "Swing", 0),
                                                         GTK_TYPE_SWITCH, 0)), TRUE);

  bank = encoded_bank (f->project);
  g_assert_true (octa_bank_file_get_trig (bank, 0, OCTA_TRACK_AUDIO, 1, OCTA_TRIG_TRIGGER, 9));
  g_assert_true (octa_bank_file_get_trig (bank, 0, OCTA_TRACK_AUDIO, 1, OCTA_TRIG_ONESHOT, 9));
  g_assert_true (octa_bank_file_get_trig (bank, 0, OCTA_TRACK_AUDIO, 1, OCTA_TRIG_SLIDE, 9));
  g_assert_true (octa_bank_file_get_trig (bank, 0, OCTA_TRACK_AUDIO, 1, OCTA_TRIG_SWING, 9));
  /* the device's three recorder masks, together */
  g_assert_true (octa_bank_file_get_trig (bank, 0, OCTA_TRACK_AUDIO, 1, OCTA_TRIG_RECORDER_1, 9));
  g_assert_true (octa_bank_file_get_trig (bank, 0, OCTA_TRACK_AUDIO, 1, OCTA_TRIG_RECORDER_2, 9));
  g_assert_true (octa_bank_file_get_trig (bank, 0, OCTA_TRACK_AUDIO, 1, OCTA_TRIG_RECORDER_3, 9));
  g_assert_false (octa_bank_file_get_trig (bank, 0, OCTA_TRACK_AUDIO, 1, OCTA_TRIG_RECORDER_4, 9));
  g_clear_pointer (&bank, octa_bank_file_free);

  /* None removes the trig and what only a trig uses */
  octa_step_set_plock (step, 12, 5);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_button (f, "None")), TRUE);
  bank = encoded_bank (f->project);
  g_assert_false (octa_bank_file_get_trig (bank, 0, OCTA_TRACK_AUDIO, 1, OCTA_TRIG_TRIGGER, 9));
  g_assert_false (octa_bank_file_get_trig (bank, 0, OCTA_TRACK_AUDIO, 1, OCTA_TRIG_ONESHOT, 9));
  g_assert_cmpuint (octa_bank_file_get_plock (bank, 0, OCTA_TRACK_AUDIO, 1, 9, 12), ==, 0xFF);
  g_assert_true (octa_project_undo (f->project));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find_button (f, "Sample"))));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (oneshot)));
}

/* Condition (all 65 in the picker), micro-timing, repeats, sample lock. */
static void
test_condition_timing (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(OctaStep) step = get_step (f, 3, 20);
  g_autoptr(OctaBankFile) bank = NULL;
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GtkWidget *picker, *scale, *repeats, *sample;
  GtkWidget *label;

  octa_step_set_trig (step, OCTA_TRIG_TYPE_TRIGGER, TRUE);
  octa_step_inspector_set_step (f->inspector, step);

  octa_step_set_condition (step, OCTA_TRIG_CONDITION_FILL);
  /* its 65 buttons aren't built before anyone opens it */
  g_assert_null (gtk_menu_button_get_popover (
    GTK_MENU_BUTTON (octa_test_gtk_find (find_row (f, "Condition", 0), GTK_TYPE_MENU_BUTTON, 0))));
  picker = condition_picker (f);
  g_assert_true (OCTA_IS_CONDITION_PICKER (picker));
  /* opened after the step's condition changed, it starts on that condition */
  g_assert_cmpint (octa_condition_picker_get_condition (OCTA_CONDITION_PICKER (picker)), ==,
                   OCTA_TRIG_CONDITION_FILL);
  octa_test_gtk_collect (picker, GTK_TYPE_TOGGLE_BUTTON, buttons);
  g_assert_cmpuint (buttons->len, ==, 65);
  /* pick 2:5 by its button */
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);

      if (g_strcmp0 (gtk_widget_get_tooltip_text (button), "2:5") == 0)
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
    }
  g_assert_cmpint (octa_step_get_condition (step), ==, OCTA_TRIG_CONDITION_2_5);
  label = gtk_menu_button_get_child (
    GTK_MENU_BUTTON (octa_test_gtk_find (find_row (f, "Condition", 0), GTK_TYPE_MENU_BUTTON, 0)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "2:5");
  /* a negation reads as the device draws it */
  octa_step_set_condition (step, OCTA_TRIG_CONDITION_NOT_NEI);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "NEI");
  g_assert_cmpint (octa_condition_picker_get_condition (OCTA_CONDITION_PICKER (picker)), ==,
                   OCTA_TRIG_CONDITION_NOT_NEI);

  scale = octa_test_gtk_find (GTK_WIDGET (f->inspector), GTK_TYPE_SCALE, 0);
  gtk_range_set_value (GTK_RANGE (scale), -4);
  repeats = octa_test_gtk_find (find_row (f, "Repeats", 0), GTK_TYPE_SPIN_BUTTON, 0);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (repeats), 6);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (repeats)), ==, "×6");
  sample = octa_test_gtk_find (find_row (f, "Sample lock", 0), GTK_TYPE_SPIN_BUTTON, 0);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (sample), 12);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sample)), ==, "Static 012");

  bank = encoded_bank (f->project);
  g_assert_cmpuint (octa_bank_file_get_condition (bank, 0, OCTA_TRACK_AUDIO, 3, 20), ==,
                    OCTA_TRIG_CONDITION_NOT_NEI);
  g_assert_cmpint (octa_bank_file_get_micro_timing (bank, 0, OCTA_TRACK_AUDIO, 3, 20), ==, -4);
  g_assert_cmpuint (octa_bank_file_get_repeats (bank, 0, OCTA_TRACK_AUDIO, 3, 20), ==, 5);
  g_assert_cmpuint (octa_bank_file_get_plock (bank, 0, OCTA_TRACK_AUDIO, 3, 20, 31), ==, 11);
  g_clear_pointer (&bank, octa_bank_file_free);

  /* the micro-timing label is the device's fraction */
  {
    GtkWidget *group = gtk_widget_get_ancestor (scale, ADW_TYPE_PREFERENCES_GROUP);
    GtkWidget *value = adw_preferences_group_get_header_suffix (ADW_PREFERENCES_GROUP (group));

    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (value)), ==, "-1/96");
  }

  /* the clear button drops the sample lock */
  {
    g_autoptr(GPtrArray) row_buttons = g_ptr_array_new ();
    GtkWidget *clear = NULL;

    octa_test_gtk_collect (find_row (f, "Sample lock", 0), GTK_TYPE_BUTTON, row_buttons);
    for (guint i = 0; i < row_buttons->len; i++)
      if (g_strcmp0 (gtk_widget_get_tooltip_text (g_ptr_array_index (row_buttons, i)),
                     "Remove the sample lock") == 0)
        clear = g_ptr_array_index (row_buttons, i);
    g_assert_nonnull (clear);
    g_signal_emit_by_name (clear, "clicked");
  }
  g_assert_cmpuint (octa_audio_step_get_sample_lock (OCTA_AUDIO_STEP (step)), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sample)), ==, "None");
}

/* A MIDI step: note trig, NOTE…CC10 locks, the chord in note names. */
static void
test_midi_step (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(OctaStep) step = get_step (f, 8, 0);
  g_autoptr(OctaBankFile) bank = NULL;
  static const char *const names[] = {
    "NOTE", "VEL", "LEN", "NOT2", "NOT3", "NOT4", "TRAN", "LEG", "MODE", "SPD", "RNGE", "NLEN",
    "SPD1", "DEP3", "PB", "AT", "CC1", "CC4", "CC5", "CC10", "#30",
  };
  GtkWidget *note;

  octa_step_set_trig (step, OCTA_TRIG_TYPE_TRIGGER, TRUE);
  octa_step_inspector_set_step (f->inspector, step);
  g_assert_nonnull (find_button (f, "Note"));
  g_assert_null (find_row (f, "One-shot", 0));
  g_assert_null (find_row (f, "Slide", 0));
  g_assert_null (find_row (f, "Sample lock", 0));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_nonnull (find_row (f, names[i], 0));

  note = find_row (f, "NOTE", 0);
  g_assert_cmpstr (row_value_text (note), ==, "C3");
  lock_row_set (note, TRUE, 52);
  g_assert_cmpstr (row_value_text (note), ==, "E3");
  lock_row_set (find_row (f, "NOT2", 0), TRUE, 67);
  lock_row_set (find_row (f, "NOT3", 0), TRUE, 71);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (find_row (f, "Notes", 0))), ==,
                   "E3 G3 B3");
  lock_row_set (find_row (f, "CC10", 0), TRUE, 99);

  bank = encoded_bank (f->project);
  g_assert_cmpuint (octa_bank_file_get_plock (bank, 0, OCTA_TRACK_MIDI, 0, 0, 0), ==, 52);
  g_assert_cmpuint (octa_bank_file_get_plock (bank, 0, OCTA_TRACK_MIDI, 0, 0, 29), ==, 99);
}

/* The plock tables: device names per machine and FX type, and formats. */
static void
test_plock_names (void)
{
  OctaPlockName name;
  g_autofree char *minus = octa_plock_format_value (OCTA_PLOCK_FORMAT_BIPOLAR, 40);
  g_autofree char *plus = octa_plock_format_value (OCTA_PLOCK_FORMAT_BIPOLAR, 76);
  g_autofree char *c3 = octa_midi_note_name (48);
  g_autofree char *low = octa_midi_note_name (0);
  g_autofree char *unknown = octa_plock_format_value (OCTA_PLOCK_FORMAT_UNKNOWN, 7);
  g_autofree char *describe = NULL;
  g_autofree char *slot = octa_sample_slot_label (OCTA_MACHINE_KIND_FLEX, 130);

  g_assert_true (octa_plock_name_lookup_audio (OCTA_MACHINE_KIND_FLEX, OCTA_FX_TYPE_FILTER,
                                               OCTA_FX_TYPE_DELAY, 1, &name));
  g_assert_cmpstr (name.abbrev, ==, "STRT");
  g_assert_cmpstr (name.page, ==, "SRC");
  g_assert_true (octa_plock_name_lookup_audio (OCTA_MACHINE_KIND_PICKUP, OCTA_FX_TYPE_FILTER,
                                               OCTA_FX_TYPE_DELAY, 5, &name));
  g_assert_cmpstr (name.abbrev, ==, "OP");
  g_assert_false (octa_plock_name_lookup_audio (OCTA_MACHINE_KIND_PICKUP, OCTA_FX_TYPE_FILTER,
                                                OCTA_FX_TYPE_DELAY, 3, &name));
  g_assert_false (octa_plock_name_lookup_audio (OCTA_MACHINE_KIND_THRU, OCTA_FX_TYPE_FILTER,
                                                OCTA_FX_TYPE_DELAY, 2, &name));
  g_assert_true (octa_plock_name_lookup_audio (OCTA_MACHINE_KIND_STATIC, OCTA_FX_TYPE_COMB_FILTER,
                                               OCTA_FX_TYPE_DARK_REVERB, 19, &name));
  g_assert_cmpstr (name.abbrev, ==, "TUNE");
  g_assert_cmpstr (name.page, ==, "FX1");
  g_assert_true (octa_plock_name_lookup_audio (OCTA_MACHINE_KIND_STATIC, OCTA_FX_TYPE_COMB_FILTER,
                                               OCTA_FX_TYPE_DARK_REVERB, 25, &name));
  g_assert_cmpstr (name.abbrev, ==, "SHVG");
  g_assert_false (octa_plock_name_lookup_audio (OCTA_MACHINE_KIND_STATIC, OCTA_FX_TYPE_OFF,
                                                OCTA_FX_TYPE_OFF, 20, &name));
  g_assert_true (octa_plock_name_lookup_audio (OCTA_MACHINE_KIND_STATIC, OCTA_FX_TYPE_OFF,
                                               OCTA_FX_TYPE_OFF, 15, &name));
  describe = octa_plock_name_describe (&name, 76);
  g_assert_cmpstr (describe, ==, "AMP VOL +12");
  g_assert_true (octa_plock_name_lookup_midi (20, &name));
  g_assert_cmpstr (name.abbrev, ==, "CC1");
  g_assert_cmpstr (name.page, ==, "CTRL1");

  g_assert_cmpstr (minus, ==, "\u221224");
  g_assert_cmpstr (plus, ==, "+12");
  g_assert_cmpstr (c3, ==, "C3");
  g_assert_cmpstr (low, ==, "C-1");
  g_assert_cmpstr (unknown, ==, "#7");
  g_assert_cmpstr (slot, ==, "Recorder 2");

  /* panel order: SRC AMP LFO FX1 FX2 */
  g_assert_cmpuint (octa_plock_panel_param (FALSE, 0), ==, 0);
  g_assert_cmpuint (octa_plock_panel_param (FALSE, 6), ==, 12);
  g_assert_cmpuint (octa_plock_panel_param (FALSE, 12), ==, 6);
  g_assert_cmpuint (octa_plock_panel_param (FALSE, 18), ==, 18);
  g_assert_cmpstr (octa_plock_base_property (FALSE, OCTA_MACHINE_KIND_FLEX, 1), ==, "src-flex-2");
  g_assert_cmpstr (octa_plock_base_property (FALSE, OCTA_MACHINE_KIND_FLEX, 15), ==, "amp-vol");
  g_assert_cmpstr (octa_plock_base_property (TRUE, OCTA_MACHINE_KIND_FLEX, 12), ==, "arp-tran");
}

static void
on_grid_selection (OctaStepGrid      *grid,
                   OctaStepInspector *inspector)
{
  g_autoptr(GPtrArray) steps = octa_step_grid_dup_selected_steps (grid);

  octa_step_inspector_set_steps (inspector, octa_step_grid_get_step (grid), steps);
}

static void
on_grid_step (OctaStepGrid      *grid,
              OctaStep          *step,
              OctaStepInspector *inspector)
{
  on_grid_selection (grid, inspector);
}

static const char *
menu_button_text (GtkWidget *row)
{
  GtkWidget *button = octa_test_gtk_find (row, GTK_TYPE_MENU_BUTTON, 0);

  return gtk_label_get_text (GTK_LABEL (gtk_menu_button_get_child (GTK_MENU_BUTTON (button))));
}

/* A rectangle selected in the grid (Shift+arrows) reaches the inspector;
 * fields the steps disagree on read "Mixed"; a condition, a p-lock and a
 * micro-timing set once land on every selected step, each as one undo step. */
static void
test_multi_selection (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *grid = octa_step_grid_new ();
  GtkWidget *grid_window = gtk_window_new ();
  g_autoptr(OctaStep) first = get_step (f, 2, 0);
  g_autoptr(OctaBankFile) bank = NULL;
  g_autofree char *shot = NULL;
  GtkWidget *picker, *scale, *vol, *repeats;
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  /* T3 and T4, steps 1–4: all sample trigs, one of them with FILL */
  for (guint r = 2; r <= 3; r++)
    for (guint s = 0; s < 4; s++)
      {
        g_autoptr(OctaStep) step = get_step (f, r, s);

        octa_step_set_trig (step, OCTA_TRIG_TYPE_TRIGGER, TRUE);
      }
  octa_step_set_condition (first, OCTA_TRIG_CONDITION_FILL);

  gtk_window_set_child (GTK_WINDOW (grid_window), grid);
  gtk_window_present (GTK_WINDOW (grid_window));
  octa_step_grid_set_pattern (OCTA_STEP_GRID (grid), f->pattern);
  g_signal_connect (grid, "selection-changed", G_CALLBACK (on_grid_selection), f->inspector);
  g_signal_connect (grid, "step-selected", G_CALLBACK (on_grid_step), f->inspector);
  octa_step_grid_set_cursor (OCTA_STEP_GRID (grid), 2, 0);
  gtk_widget_activate_action (grid, "grid.extend", "(ii)", 1, 3);
  g_assert_true (octa_step_grid_get_selection (OCTA_STEP_GRID (grid), NULL, NULL, NULL, NULL));
  {
    g_autoptr(GPtrArray) steps = octa_step_grid_dup_selected_steps (OCTA_STEP_GRID (grid));

    g_assert_cmpuint (steps->len, ==, 8);
  }
  /* back-and-forth keeps the inspector in step with the grid */
  gtk_widget_activate_action (grid, "grid.extend", "(ii)", -1, 0);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (octa_test_gtk_find (GTK_WIDGET (f->inspector),
                                                           GTK_TYPE_LABEL, 0))),
                   ==, "4 steps on T3");
  gtk_widget_activate_action (grid, "grid.extend", "(ii)", 1, 0);

  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();
    gboolean found = FALSE;

    octa_test_gtk_collect (GTK_WIDGET (f->inspector), GTK_TYPE_LABEL, labels);
    for (guint i = 0; i < labels->len; i++)
      found |= g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, i)),
                          "8 steps on T3, T4") == 0;
    g_assert_true (found);
  }
  g_assert_cmpstr (menu_button_text (find_row (f, "Condition", 0)), ==, "Mixed");
  repeats = octa_test_gtk_find (find_row (f, "Repeats", 0), GTK_TYPE_SPIN_BUTTON, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (repeats)), ==, "×1");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find_button (f, "Sample"))));
  shot = octa_test_gtk_screenshot (GTK_WIDGET (f->inspector), "inspector-multi-mixed");

  /* one condition for all eight */
  picker = condition_picker (f);
  octa_test_gtk_collect (picker, GTK_TYPE_TOGGLE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_widget_get_tooltip_text (g_ptr_array_index (buttons, i)), "1:2") == 0)
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (g_ptr_array_index (buttons, i)), TRUE);
  g_assert_cmpstr (menu_button_text (find_row (f, "Condition", 0)), ==, "1:2");
  bank = encoded_bank (f->project);
  for (guint t = 2; t <= 3; t++)
    for (guint s = 0; s < 4; s++)
      g_assert_cmpuint (octa_bank_file_get_condition (bank, 0, OCTA_TRACK_AUDIO, t, s), ==,
                        OCTA_TRIG_CONDITION_1_2);
  /* outside the selection nothing moved */
  g_assert_cmpuint (octa_bank_file_get_condition (bank, 0, OCTA_TRACK_AUDIO, 2, 4), ==,
                    OCTA_TRIG_CONDITION_NONE);
  g_clear_pointer (&bank, octa_bank_file_free);

  /* one p-lock (AMP VOL, +10) for all eight */
  vol = find_row (f, "VOL", 0);
  g_assert_nonnull (vol);
  lock_row_set (vol, TRUE, 74);
  bank = encoded_bank (f->project);
  for (guint t = 2; t <= 3; t++)
    for (guint s = 0; s < 4; s++)
      g_assert_cmpuint (octa_bank_file_get_plock (bank, 0, OCTA_TRACK_AUDIO, t, s, 15), ==, 74);
  g_assert_cmpuint (octa_bank_file_get_plock (bank, 0, OCTA_TRACK_AUDIO, 3, 4, 15), ==, 0xFF);
  g_clear_pointer (&bank, octa_bank_file_free);

  /* one micro-timing for all eight */
  scale = octa_test_gtk_find (GTK_WIDGET (f->inspector), GTK_TYPE_SCALE, 0);
  gtk_range_set_value (GTK_RANGE (scale), 12);
  bank = encoded_bank (f->project);
  for (guint t = 2; t <= 3; t++)
    for (guint s = 0; s < 4; s++)
      g_assert_cmpint (octa_bank_file_get_micro_timing (bank, 0, OCTA_TRACK_AUDIO, t, s), ==, 12);
  g_clear_pointer (&bank, octa_bank_file_free);

  /* each edit is one undo step: undoing the micro-timing leaves the locks */
  g_assert_true (octa_project_undo (f->project));
  bank = encoded_bank (f->project);
  for (guint t = 2; t <= 3; t++)
    for (guint s = 0; s < 4; s++)
      {
        g_assert_cmpint (octa_bank_file_get_micro_timing (bank, 0, OCTA_TRACK_AUDIO, t, s), ==, 0);
        g_assert_cmpuint (octa_bank_file_get_plock (bank, 0, OCTA_TRACK_AUDIO, t, s, 15), ==, 74);
      }
  g_clear_pointer (&bank, octa_bank_file_free);
  /* … then the lock's value and the lock itself (two gestures) */
  g_assert_true (octa_project_undo (f->project));
  g_assert_true (octa_project_undo (f->project));
  bank = encoded_bank (f->project);
  for (guint t = 2; t <= 3; t++)
    for (guint s = 0; s < 4; s++)
      {
        g_assert_cmpuint (octa_bank_file_get_plock (bank, 0, OCTA_TRACK_AUDIO, t, s, 15), ==,
                          0xFF);
        g_assert_cmpuint (octa_bank_file_get_condition (bank, 0, OCTA_TRACK_AUDIO, t, s), ==,
                          OCTA_TRIG_CONDITION_1_2);
      }
  g_clear_pointer (&bank, octa_bank_file_free);
  /* … then the condition: FILL comes back on T3 step 1 alone */
  g_assert_true (octa_project_undo (f->project));
  bank = encoded_bank (f->project);
  for (guint t = 2; t <= 3; t++)
    for (guint s = 0; s < 4; s++)
      {
        guint want = t == 2 && s == 0 ? OCTA_TRIG_CONDITION_FILL : OCTA_TRIG_CONDITION_NONE;

        g_assert_cmpuint (octa_bank_file_get_plock (bank, 0, OCTA_TRACK_AUDIO, t, s, 15), ==,
                          0xFF);
        g_assert_cmpuint (octa_bank_file_get_condition (bank, 0, OCTA_TRACK_AUDIO, t, s), ==, want);
      }
  g_clear_pointer (&bank, octa_bank_file_free);
  g_assert_cmpstr (menu_button_text (find_row (f, "Condition", 0)), ==, "Mixed");

  /* a lock set on some steps only reads Mixed */
  {
    g_autoptr(OctaStep) other = get_step (f, 3, 2);

    octa_step_set_plock (other, 15, 80);
    g_assert_cmpstr (row_value_text (find_row (f, "VOL", 0)), ==, "Mixed");
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (find_row (f, "VOL", 0))), ==,
                     "Mixed");
  }

  /* Escape: back to the focused step alone */
  gtk_widget_activate_action (grid, "grid.deselect", NULL);
  g_assert_cmpstr (menu_button_text (find_row (f, "Condition", 0)), ==, "None");

  g_signal_handlers_disconnect_by_data (grid, f->inspector);
  gtk_window_destroy (GTK_WINDOW (grid_window));
  g_assert_true (g_file_test (shot, G_FILE_TEST_EXISTS));
}

/* Screenshots: an audio step with locks, condition and micro-timing from
 * the demo, light and dark; a MIDI step; the condition picker. */
static void
test_screenshots (Fixture       *f,
                  gconstpointer  data)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  g_autoptr(OctaStep) hats = get_step (f, 2, 2);
  g_autoptr(OctaStep) perc = get_step (f, 3, 13);
  g_autoptr(OctaStep) bass = get_step (f, 8, 3);
  g_autofree char *p1 = NULL, *p2 = NULL, *p3 = NULL, *p4 = NULL, *p5 = NULL, *p6 = NULL;
  GtkWidget *picker;
  GtkAdjustment *vadjustment;

  /* T3 step 3 of A01: AMP VOL lock, +1/32; add a condition and an FX lock */
  octa_step_set_condition (hats, OCTA_TRIG_CONDITION_NOT_FILL);
  octa_step_set_plock (hats, 18, 30);
  octa_step_inspector_set_step (f->inspector, hats);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 320, 1500);
  p1 = octa_test_gtk_screenshot (GTK_WIDGET (f->inspector), "inspector-locked-light");
  /* and further down, where the locks are */
  vadjustment = gtk_scrolled_window_get_vadjustment (
    GTK_SCROLLED_WINDOW (octa_test_gtk_find (GTK_WIDGET (f->inspector),
                                             GTK_TYPE_SCROLLED_WINDOW, 0)));
  gtk_adjustment_set_value (vadjustment, 620);
  p6 = octa_test_gtk_screenshot (GTK_WIDGET (f->inspector), "inspector-locked-light-locks");
  gtk_adjustment_set_value (vadjustment, 0);

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  octa_test_gtk_flush ();
  p2 = octa_test_gtk_screenshot (GTK_WIDGET (f->inspector), "inspector-locked-dark");
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  octa_test_gtk_flush ();

  /* T4 step 14: sample lock and 50 % */
  octa_step_inspector_set_step (f->inspector, perc);
  p3 = octa_test_gtk_screenshot (GTK_WIDGET (f->inspector), "inspector-sample-lock");

  octa_step_inspector_set_step (f->inspector, bass);
  p4 = octa_test_gtk_screenshot (GTK_WIDGET (f->inspector), "inspector-midi");

  octa_step_inspector_set_step (f->inspector, hats);
  picker = condition_picker (f);
  gtk_popover_popup (GTK_POPOVER (picker));
  octa_test_gtk_flush ();
  p5 = octa_test_gtk_screenshot (picker, "condition-picker");
  gtk_popover_popdown (GTK_POPOVER (picker));

  g_assert_true (g_file_test (p1, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (p5, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  OCTA_TEST_GTK_MAIN_PROLOGUE (argc, argv);

  g_test_add_func ("/ui/inspector/plock-names", test_plock_names);
  g_test_add_func ("/ui/inspector/lock-rows-after-first-frame",
                   test_lock_rows_after_first_frame);
  g_test_add ("/ui/inspector/audio-locks", Fixture, NULL,
              fixture_set_up, test_audio_locks, fixture_tear_down);
  g_test_add ("/ui/inspector/names-follow-part", Fixture, NULL,
              fixture_set_up, test_names_follow_part, fixture_tear_down);
  g_test_add ("/ui/inspector/trig-kinds", Fixture, NULL,
              fixture_set_up, test_trig_kinds, fixture_tear_down);
  g_test_add ("/ui/inspector/condition-timing", Fixture, NULL,
              fixture_set_up, test_condition_timing, fixture_tear_down);
  g_test_add ("/ui/inspector/midi-step", Fixture, NULL,
              fixture_set_up, test_midi_step, fixture_tear_down);
  g_test_add ("/ui/inspector/multi-selection", Fixture, NULL,
              fixture_set_up, test_multi_selection, fixture_tear_down);
  g_test_add ("/ui/inspector/screenshots", Fixture, NULL,
              fixture_set_up_demo, test_screenshots, fixture_tear_down);

  return g_test_run ();
}
