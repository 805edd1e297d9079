/* SPDX-License-Identifier: MIT */
#include <adwaita.h>
#include <string.h>

#include "octa.h"
#include "octa-arp-editor.h"
#include "octa-codec.h"
#include "octa-lfo-designer.h"
#include "octa-test-gtk-utils.h"
#include "octa-test-utils.h"

#define ED(widget) OCTA_COLUMN_EDITOR (widget)

/* Part 2 of bank A: T3 and M5. */
#define PART  1
#define AUDIO 2
#define MIDI  4

/* The bank's size and where its edited mask and checksum sit (spec §2) */
#define BANK_SIZE   636113
#define EDITED_MASK 636082
#define CHECKSUM    636111

typedef struct
{
  OctaProject        *project;
  OctaPart           *part;
  OctaAudioPartTrack *audio;
  OctaMidiPartTrack  *midi;
  GtkWidget          *window;
  OctaLfoDesigner    *lfo;
  OctaArpEditor      *arp;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(OctaBank) bank = NULL;
  GtkWidget *box;

  f->project = octa_project_new_blank ("LFO");
  bank = octa_project_get_bank (f->project, 0);
  f->part = octa_bank_get_part (bank, PART);
  f->audio = octa_part_get_audio_track (f->part, AUDIO);
  f->midi = octa_part_get_midi_track (f->part, MIDI);

  f->window = gtk_window_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  f->lfo = OCTA_LFO_DESIGNER (octa_lfo_designer_new ());
  f->arp = OCTA_ARP_EDITOR (octa_arp_editor_new ());
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->lfo));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->arp));
  gtk_window_set_child (GTK_WINDOW (f->window), box);
  gtk_window_present (GTK_WINDOW (f->window));
  octa_column_editor_set_track (ED (f->lfo), OCTA_PART_TRACK (f->audio));
  octa_column_editor_set_track (ED (f->arp), OCTA_PART_TRACK (f->midi));
  octa_test_gtk_wait_for_draw (GTK_WIDGET (f->lfo));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  octa_test_gtk_flush ();
  g_clear_object (&f->midi);
  g_clear_object (&f->audio);
  g_clear_object (&f->part);
  g_assert_finalize_object (f->project);
}

static guint
n_undo (Fixture *f)
{
  return octa_history_get_n_undo (octa_project_get_history (f->project));
}

static GBytes *
bank_bytes (Fixture *f)
{
  GBytes *bytes = octa_project_encode_file (f->project, "bank01.work");

  g_assert_nonnull (bytes);
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, BANK_SIZE);
  return bytes;
}

static OctaBankFile *
decode (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  OctaBankFile *file = octa_bank_file_new_from_data (data, len, "bank01.work", OCTA_LOAD_DEFAULT,
                                                     &error);

  g_assert_no_error (error);
  return file;
}

typedef struct
{
  OctaPartArea area;
  guint        track;
  guint        index;
} Place;

/*
 * Checks, through the codec, that between @before and @after the unsaved
 * part changed exactly at @places (and nowhere else in any part area), that
 * the part is now marked edited and that nothing outside the part blocks,
 * the edited mask and the checksum moved.
 */
static void
assert_part_change (GBytes      *before,
                    GBytes      *after,
                    const Place *places,
                    guint        n_places)
{
  g_autoptr(OctaBankFile) b = decode (before);
  g_autoptr(OctaBankFile) a = decode (after);
  guint n_changed = 0;

  for (OctaPartArea area = 0; area < OCTA_N_PART_AREAS; area++)
    for (guint part = 0; part < 4; part++)
      for (OctaPartCopy copy = OCTA_PART_UNSAVED; copy <= OCTA_PART_SAVED; copy++)
        {
          guint n_tracks = octa_part_area_n_tracks (area);
          guint width = octa_part_area_width (area);

          for (guint t = 0; t < n_tracks; t++)
            for (guint i = 0; i < width; i++)
              {
                guint8 old = octa_bank_file_get_part_value (b, part, copy, area, t, i);
                guint8 now = octa_bank_file_get_part_value (a, part, copy, area, t, i);
                gboolean expected = FALSE;

                for (guint k = 0; k < n_places; k++)
                  expected |= part == PART && copy == OCTA_PART_UNSAVED
                              && places[k].area == area && places[k].track == t
                              && places[k].index == i;
                if (old != now && !expected)
                  g_error ("part %u copy %d area %d track %u byte %u changed 0x%02X → 0x%02X",
                           part, copy, area, t, i, old, now);
                if (old != now)
                  n_changed++;
              }
        }
  g_assert_cmpuint (n_changed, <=, n_places);
  g_assert_true (octa_bank_file_get_parts_edited_mask (a) & (1u << PART));

  /* and nothing outside the parts: compare the raw images elsewhere */
  {
    const guint8 *rb = g_bytes_get_data (before, NULL);
    const guint8 *ra = g_bytes_get_data (after, NULL);
    gsize parts_start = 585430, parts_end = 636078;

    for (gsize i = 0; i < BANK_SIZE; i++)
      if (rb[i] != ra[i] && (i < parts_start || i >= parts_end)
          && i != EDITED_MASK && i != CHECKSUM && i != CHECKSUM + 1)
        g_error ("byte %" G_GSIZE_FORMAT " outside the parts changed", i);
  }
}

static guint8
part_byte (GBytes       *bytes,
           OctaPartArea  area,
           guint         track,
           guint         index)
{
  g_autoptr(OctaBankFile) file = decode (bytes);

  return octa_bank_file_get_part_value (file, PART, OCTA_PART_UNSAVED, area, track, index);
}

static GtkEventController *
find_drag (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_DRAG (controller))
        return controller;   /* the widget keeps it alive */
    }
  g_assert_not_reached ();
  return NULL;
}

/* A press at (x0, y0), a few motion events and a release at (x1, y1). */
static void
drag (GtkWidget *widget,
      double     x0,
      double     y0,
      double     x1,
      double     y1)
{
  GtkEventController *gesture = find_drag (widget);

  g_signal_emit_by_name (gesture, "drag-begin", x0, y0);
  for (guint i = 1; i <= 4; i++)
    g_signal_emit_by_name (gesture, "drag-update", (x1 - x0) * i / 4, (y1 - y0) * i / 4);
  g_signal_emit_by_name (gesture, "drag-end", x1 - x0, y1 - y0);
}

static void
click (GtkWidget             *widget,
       const graphene_rect_t *rect)
{
  double x = rect->origin.x + rect->size.width / 2;
  double y = rect->origin.y + rect->size.height / 2;

  drag (widget, x, y, x, y);
}

static double
column_x (OctaLfoDesigner *lfo,
          guint            step)
{
  graphene_rect_t rect;

  g_assert_true (octa_column_editor_get_column_bounds (ED (lfo), step, &rect));
  return rect.origin.x + rect.size.width / 2;
}

/* A stroke from step 1 at the top to step 16 at the bottom writes all 16
 * values falling, and is one undo step that undo takes back whole. */
static void
test_lfo_drag (Fixture       *f,
               gconstpointer  data)
{
  OctaPartTrack *track = OCTA_PART_TRACK (f->audio);
  g_autoptr(GBytes) before = bank_bytes (f);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) undone = NULL;
  Place places[16];
  guint undo_before = n_undo (f);

  drag (GTK_WIDGET (f->lfo),
        column_x (f->lfo, 0), octa_column_editor_value_to_y (ED (f->lfo), 127),
        column_x (f->lfo, 15), octa_column_editor_value_to_y (ED (f->lfo), -127));
  g_assert_cmpuint (n_undo (f), ==, undo_before + 1);
  g_assert_cmpuint (octa_column_editor_get_cursor (ED (f->lfo)), ==, 15);

  after = bank_bytes (f);
  for (guint i = 0; i < 16; i++)
    places[i] = (Place) { OCTA_PART_AREA_LFO_DESIGN, AUDIO, i };
  assert_part_change (before, after, places, 16);

  g_assert_cmpint (octa_part_track_get_lfo_step (track, 0), ==, 127);
  g_assert_cmpint (octa_part_track_get_lfo_step (track, 15), ==, -127);
  for (guint i = 0; i < 16; i++)
    {
      gint value = octa_part_track_get_lfo_step (track, i);

      g_assert_cmpuint (part_byte (after, OCTA_PART_AREA_LFO_DESIGN, AUDIO, i), ==, (guint8) value);
      if (i > 0)
        g_assert_cmpint (value, <, octa_part_track_get_lfo_step (track, i - 1));
    }
  g_assert_true (octa_part_get_edited (f->part));

  g_assert_true (octa_project_undo (f->project));
  undone = bank_bytes (f);
  g_assert_true (g_bytes_equal (before, undone));
  g_assert_false (octa_part_get_edited (f->part));
}

/* The smooth row, Alt-less, and the I key write one interpolation bit
 * each, one undo step each. */
static void
test_lfo_smooth (Fixture       *f,
                 gconstpointer  data)
{
  OctaPartTrack *track = OCTA_PART_TRACK (f->audio);
  g_autoptr(GBytes) before = bank_bytes (f);
  g_autoptr(GBytes) after = NULL;
  graphene_rect_t rect;
  guint undo_before = n_undo (f);
  const Place places[] = {
    { OCTA_PART_AREA_LFO_INTERP, AUDIO, 0 }, { OCTA_PART_AREA_LFO_INTERP, AUDIO, 1 },
  };

  g_assert_true (octa_column_editor_get_flag_bounds (ED (f->lfo), 2, &rect));
  click (GTK_WIDGET (f->lfo), &rect);
  g_assert_true (octa_part_track_get_lfo_smooth (track, 2));
  g_assert_cmpuint (octa_column_editor_get_cursor (ED (f->lfo)), ==, 2);
  g_assert_cmpuint (n_undo (f), ==, undo_before + 1);

  octa_column_editor_set_cursor (ED (f->lfo), 15);
  gtk_widget_activate_action (GTK_WIDGET (f->lfo), "lfo.toggle-smooth", NULL);
  g_assert_true (octa_part_track_get_lfo_smooth (track, 15));
  g_assert_cmpuint (n_undo (f), ==, undo_before + 2);

  after = bank_bytes (f);
  assert_part_change (before, after, places, 2);
  g_assert_cmphex (part_byte (after, OCTA_PART_AREA_LFO_INTERP, AUDIO, 0), ==, 0x80);
  g_assert_cmphex (part_byte (after, OCTA_PART_AREA_LFO_INTERP, AUDIO, 1), ==, 0x04);
  /* no value moved */
  for (guint i = 0; i < 16; i++)
    g_assert_cmpint (octa_part_track_get_lfo_step (track, i), ==, 0);

  /* toggling again clears it */
  gtk_widget_activate_action (GTK_WIDGET (f->lfo), "lfo.toggle-smooth", NULL);
  g_assert_false (octa_part_track_get_lfo_smooth (track, 15));
  g_assert_cmphex (octa_part_track_get_lfo_interpolation (track), ==, 0x0004);
}

/* ←→ move, ↑↓ by 1, Shift by 8, 0 centres; the keys reach the actions. */
static void
test_lfo_keys (Fixture       *f,
               gconstpointer  data)
{
  OctaPartTrack *track = OCTA_PART_TRACK (f->audio);
  guint undo_before = n_undo (f);
  g_autoptr(GBytes) before = bank_bytes (f);
  g_autoptr(GBytes) after = NULL;
  const Place place = { OCTA_PART_AREA_LFO_DESIGN, AUDIO, 3 };

  gtk_widget_activate_action (GTK_WIDGET (f->lfo), "lfo.move", "i", 3);
  g_assert_cmpuint (octa_column_editor_get_cursor (ED (f->lfo)), ==, 3);
  gtk_widget_activate_action (GTK_WIDGET (f->lfo), "lfo.nudge", "i", 8);
  gtk_widget_activate_action (GTK_WIDGET (f->lfo), "lfo.nudge", "i", 8);
  gtk_widget_activate_action (GTK_WIDGET (f->lfo), "lfo.nudge", "i", -1);
  g_assert_cmpint (octa_part_track_get_lfo_step (track, 3), ==, 15);
  g_assert_cmpuint (n_undo (f), ==, undo_before + 3);
  after = bank_bytes (f);
  assert_part_change (before, after, &place, 1);
  g_assert_cmphex (part_byte (after, OCTA_PART_AREA_LFO_DESIGN, AUDIO, 3), ==, 15);

  /* clamped at the ends, and no undo step when nothing moves */
  for (guint i = 0; i < 20; i++)
    gtk_widget_activate_action (GTK_WIDGET (f->lfo), "lfo.nudge", "i", -8);
  g_assert_cmpint (octa_part_track_get_lfo_step (track, 3), ==, -127);
  undo_before = n_undo (f);
  gtk_widget_activate_action (GTK_WIDGET (f->lfo), "lfo.nudge", "i", -8);
  g_assert_cmpuint (n_undo (f), ==, undo_before);

  gtk_widget_activate_action (GTK_WIDGET (f->lfo), "lfo.center", NULL);
  g_assert_cmpint (octa_part_track_get_lfo_step (track, 3), ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (f->lfo), "lfo.move", "i", 100);
  g_assert_cmpuint (octa_column_editor_get_cursor (ED (f->lfo)), ==, 15);
  gtk_widget_activate_action (GTK_WIDGET (f->lfo), "lfo.move", "i", -100);
  g_assert_cmpuint (octa_column_editor_get_cursor (ED (f->lfo)), ==, 0);
}

static void
check_preset (Fixture     *f,
              const char  *name,
              const gint8 *expected)
{
  OctaPartTrack *track = OCTA_PART_TRACK (f->audio);
  g_autoptr(GBytes) before = bank_bytes (f);
  g_autoptr(GBytes) after = NULL;
  guint undo_before = n_undo (f);
  guint16 mask = octa_part_track_get_lfo_interpolation (track);
  Place places[16];

  gtk_widget_activate_action (GTK_WIDGET (f->lfo), "lfo.preset", "s", name);
  g_assert_cmpuint (n_undo (f), ==, undo_before + 1);
  after = bank_bytes (f);
  for (guint i = 0; i < 16; i++)
    places[i] = (Place) { OCTA_PART_AREA_LFO_DESIGN, AUDIO, i };
  assert_part_change (before, after, places, 16);
  g_assert_cmphex (octa_part_track_get_lfo_interpolation (track), ==, mask);
  for (guint i = 0; i < 16; i++)
    {
      gint value = octa_part_track_get_lfo_step (track, i);

      if (expected != NULL)
        g_assert_cmpint (value, ==, expected[i]);
      g_assert_cmpint (value, >=, -127);
      g_assert_cmpint (value, <=, 127);
      g_assert_cmpuint (part_byte (after, OCTA_PART_AREA_LFO_DESIGN, AUDIO, i), ==,
                        (guint8) value);
    }
}

/* Each preset writes all 16 values in one undo step and keeps the smooth
 * bits. */
static void
test_lfo_presets (Fixture       *f,
                  gconstpointer  data)
{
  static const gint8 ramp_up[16] = {
    -127, -110, -93, -76, -59, -42, -25, -8, 8, 25, 42, 59, 76, 93, 110, 127
  };
  static const gint8 ramp_down[16] = {
    127, 110, 93, 76, 59, 42, 25, 8, -8, -25, -42, -59, -76, -93, -110, -127
  };
  static const gint8 triangle[16] = {
    0, 32, 64, 95, 127, 95, 64, 32, 0, -32, -64, -95, -127, -95, -64, -32
  };
  static const gint8 square[16] = {
    127, 127, 127, 127, 127, 127, 127, 127, -127, -127, -127, -127, -127, -127, -127, -127
  };
  guint undo_before;

  octa_part_track_set_lfo_smooth (OCTA_PART_TRACK (f->audio), 5, TRUE);
  check_preset (f, "ramp-up", ramp_up);
  check_preset (f, "ramp-down", ramp_down);
  check_preset (f, "triangle", triangle);
  check_preset (f, "square", square);
  check_preset (f, "random", NULL);

  /* the same preset twice writes nothing the second time */
  check_preset (f, "square", square);
  undo_before = n_undo (f);
  gtk_widget_activate_action (GTK_WIDGET (f->lfo), "lfo.preset", "s", "square");
  g_assert_cmpuint (n_undo (f), ==, undo_before);
}

/* On a MIDI track the designer writes the MIDI LFO area. */
static void
test_lfo_midi_track (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GBytes) before = bank_bytes (f);
  g_autoptr(GBytes) after = NULL;
  graphene_rect_t rect;
  const Place places[] = {
    { OCTA_PART_AREA_MIDI_LFO_DESIGN, MIDI, 6 }, { OCTA_PART_AREA_MIDI_LFO_INTERP, MIDI, 1 },
  };

  octa_column_editor_set_track (ED (f->lfo), OCTA_PART_TRACK (f->midi));
  octa_test_gtk_wait_for_draw (GTK_WIDGET (f->lfo));
  drag (GTK_WIDGET (f->lfo),
        column_x (f->lfo, 6), octa_column_editor_value_to_y (ED (f->lfo), 64),
        column_x (f->lfo, 6), octa_column_editor_value_to_y (ED (f->lfo), 64));
  g_assert_true (octa_column_editor_get_flag_bounds (ED (f->lfo), 6, &rect));
  click (GTK_WIDGET (f->lfo), &rect);

  after = bank_bytes (f);
  assert_part_change (before, after, places, 2);
  g_assert_cmpuint (part_byte (after, OCTA_PART_AREA_MIDI_LFO_DESIGN, MIDI, 6), ==, 64);
  g_assert_cmphex (part_byte (after, OCTA_PART_AREA_MIDI_LFO_INTERP, MIDI, 1), ==, 0x40);

  /* cleared: input edits nothing */
  {
    g_autoptr(GBytes) cleared = NULL;
    guint undo_before = n_undo (f);

    octa_column_editor_set_track (ED (f->lfo), NULL);
    gtk_widget_activate_action (GTK_WIDGET (f->lfo), "lfo.center", NULL);
    gtk_widget_activate_action (GTK_WIDGET (f->lfo), "lfo.preset", "s", "square");
    drag (GTK_WIDGET (f->lfo), column_x (f->lfo, 1), 60, column_x (f->lfo, 2), 90);
    octa_test_gtk_wait_for_draw (GTK_WIDGET (f->lfo));
    g_assert_cmpuint (n_undo (f), ==, undo_before);
    cleared = bank_bytes (f);
    g_assert_true (g_bytes_equal (after, cleared));
  }
}

static double
arp_column_x (OctaArpEditor *arp,
              guint          step)
{
  graphene_rect_t rect;

  g_assert_true (octa_column_editor_get_column_bounds (ED (arp), step, &rect));
  return rect.origin.x + rect.size.width / 2;
}

/* A click draws one note offset, a stroke several in one undo step; the
 * mute row and M write the mute bits; the labels name the notes. */
static void
test_arp_edits (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *arp = GTK_WIDGET (f->arp);
  g_autoptr(GBytes) before = bank_bytes (f);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) undone = NULL;
  g_autofree char *label = NULL;
  graphene_rect_t rect;
  guint undo_before = n_undo (f);
  double x = arp_column_x (f->arp, 2);
  const Place places[] = {
    { OCTA_PART_AREA_ARP_SEQUENCE, MIDI, 2 },
    { OCTA_PART_AREA_ARP_MUTES, MIDI, 1 },
    { OCTA_PART_AREA_ARP_MUTES, MIDI, 0 },
  };

  /* +7 from the default note C3 is G3 */
  drag (arp, x, octa_column_editor_value_to_y (ED (f->arp), 7),
        x, octa_column_editor_value_to_y (ED (f->arp), 7));
  g_assert_cmpint (octa_midi_part_track_get_arp_note (f->midi, 2), ==, 7);
  label = octa_arp_editor_dup_step_label (f->arp, 2);
  g_assert_cmpstr (label, ==, "Step 3: +7 G3");
  g_assert_cmpuint (n_undo (f), ==, undo_before + 1);

  g_assert_true (octa_column_editor_get_flag_bounds (ED (f->arp), 4, &rect));
  click (arp, &rect);
  g_assert_true (octa_midi_part_track_get_arp_mute (f->midi, 4));
  g_assert_cmpuint (octa_column_editor_get_cursor (ED (f->arp)), ==, 4);

  octa_column_editor_set_cursor (ED (f->arp), 9);
  gtk_widget_activate_action (arp, "arp.toggle-mute", NULL);
  g_assert_true (octa_midi_part_track_get_arp_mute (f->midi, 9));
  g_assert_cmpuint (n_undo (f), ==, undo_before + 3);

  after = bank_bytes (f);
  assert_part_change (before, after, places, 3);
  g_assert_cmphex (part_byte (after, OCTA_PART_AREA_ARP_SEQUENCE, MIDI, 2), ==, 0x07);
  g_assert_cmphex (part_byte (after, OCTA_PART_AREA_ARP_MUTES, MIDI, 1), ==, 0xEF);
  g_assert_cmphex (part_byte (after, OCTA_PART_AREA_ARP_MUTES, MIDI, 0), ==, 0xFD);

  /* keys: Shift+↓ twice from +7 is −9 (byte 0xF7), clamped at −63 */
  octa_column_editor_set_cursor (ED (f->arp), 2);
  gtk_widget_activate_action (arp, "arp.nudge", "i", -8);
  gtk_widget_activate_action (arp, "arp.nudge", "i", -8);
  g_clear_pointer (&after, g_bytes_unref);
  after = bank_bytes (f);
  g_assert_cmphex (part_byte (after, OCTA_PART_AREA_ARP_SEQUENCE, MIDI, 2), ==, 0xF7);
  for (guint i = 0; i < 10; i++)
    gtk_widget_activate_action (arp, "arp.nudge", "i", -8);
  g_assert_cmpint (octa_midi_part_track_get_arp_note (f->midi, 2), ==, -63);
  gtk_widget_activate_action (arp, "arp.center", NULL);
  g_assert_cmpint (octa_midi_part_track_get_arp_note (f->midi, 2), ==, 0);

  /* a stroke over steps 1…8: one undo step, rising offsets */
  undo_before = n_undo (f);
  drag (arp, arp_column_x (f->arp, 0), octa_column_editor_value_to_y (ED (f->arp), -12),
        arp_column_x (f->arp, 7), octa_column_editor_value_to_y (ED (f->arp), 12));
  g_assert_cmpuint (n_undo (f), ==, undo_before + 1);
  g_assert_cmpint (octa_midi_part_track_get_arp_note (f->midi, 0), ==, -12);
  g_assert_cmpint (octa_midi_part_track_get_arp_note (f->midi, 7), ==, 12);
  for (guint i = 1; i < 8; i++)
    g_assert_cmpint (octa_midi_part_track_get_arp_note (f->midi, i), >,
                     octa_midi_part_track_get_arp_note (f->midi, i - 1));

  while (octa_project_undo (f->project))
    ;
  undone = bank_bytes (f);
  g_assert_true (g_bytes_equal (before, undone));
}

/* Values the device cannot set show raw; the note follows the root. */
static void
test_arp_labels (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *raw = NULL;
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;

  octa_midi_part_track_set_arp_note (f->midi, 0, 100);
  raw = octa_arp_editor_dup_step_label (f->arp, 0);
  g_assert_cmpstr (raw, ==, "Step 1: #100 –");

  g_object_set (f->midi, "note", 60, NULL);
  octa_midi_part_track_set_arp_note (f->midi, 1, -12);
  low = octa_arp_editor_dup_step_label (f->arp, 1);
  g_assert_cmpstr (low, ==, "Step 2: −12 C3");

  g_object_set (f->midi, "note", 120, NULL);
  octa_midi_part_track_set_arp_note (f->midi, 2, 63);
  high = octa_arp_editor_dup_step_label (f->arp, 2);
  g_assert_cmpstr (high, ==, "Step 3: +63 –");
  octa_test_gtk_wait_for_draw (GTK_WIDGET (f->arp));
}

/* Finds the widget's class binding for @keyval + @mods and runs it, as a
 * key press would. */
static void
press_key (GtkWidget       *widget,
           guint            keyval,
           GdkModifierType  mods)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (!GTK_IS_KEYVAL_TRIGGER (trigger)
              || gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) != keyval
              || gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) != mods)
            continue;
          g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                       GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                                       gtk_shortcut_get_arguments (shortcut)));
          return;
        }
    }
  g_error ("no binding for %s", gdk_keyval_name (keyval));
}

/* The keys of ui.md §4.1 reach the edits through the bindings. */
static void
test_key_bindings (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *lfo = GTK_WIDGET (f->lfo);
  GtkWidget *arp = GTK_WIDGET (f->arp);
  OctaPartTrack *track = OCTA_PART_TRACK (f->audio);

  press_key (lfo, GDK_KEY_Right, 0);
  press_key (lfo, GDK_KEY_Right, 0);
  press_key (lfo, GDK_KEY_Left, 0);
  g_assert_cmpuint (octa_column_editor_get_cursor (ED (f->lfo)), ==, 1);
  press_key (lfo, GDK_KEY_Up, GDK_SHIFT_MASK);
  press_key (lfo, GDK_KEY_Up, 0);
  g_assert_cmpint (octa_part_track_get_lfo_step (track, 1), ==, 9);
  press_key (lfo, GDK_KEY_Down, GDK_SHIFT_MASK);
  press_key (lfo, GDK_KEY_Down, GDK_SHIFT_MASK);
  press_key (lfo, GDK_KEY_Down, 0);
  g_assert_cmpint (octa_part_track_get_lfo_step (track, 1), ==, -8);
  press_key (lfo, GDK_KEY_i, 0);
  g_assert_true (octa_part_track_get_lfo_smooth (track, 1));

  /* what a screen reader hears follows the focused step */
  gtk_test_accessible_assert_role (lfo, GTK_ACCESSIBLE_ROLE_GRID);
  gtk_test_accessible_assert_property (lfo, GTK_ACCESSIBLE_PROPERTY_LABEL, "T3 LFO design");
  gtk_test_accessible_assert_property (lfo, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Step 2: −8, smooth");
  press_key (lfo, GDK_KEY_0, 0);
  g_assert_cmpint (octa_part_track_get_lfo_step (track, 1), ==, 0);
  press_key (lfo, GDK_KEY_End, 0);
  g_assert_cmpuint (octa_column_editor_get_cursor (ED (f->lfo)), ==, 15);

  press_key (arp, GDK_KEY_Right, 0);
  press_key (arp, GDK_KEY_Up, GDK_SHIFT_MASK);
  press_key (arp, GDK_KEY_Down, 0);
  g_assert_cmpint (octa_midi_part_track_get_arp_note (f->midi, 1), ==, 7);
  press_key (arp, GDK_KEY_m, 0);
  g_assert_true (octa_midi_part_track_get_arp_mute (f->midi, 1));
  gtk_test_accessible_assert_property (arp, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "M5 arpeggiator sequence");
  gtk_test_accessible_assert_property (arp, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Step 2: +7 G3, muted");
  press_key (arp, GDK_KEY_m, 0);
  g_assert_false (octa_midi_part_track_get_arp_mute (f->midi, 1));
  press_key (arp, GDK_KEY_0, 0);
  g_assert_cmpint (octa_midi_part_track_get_arp_note (f->midi, 1), ==, 0);
}

static const gint8 lfo_shape[16] = {
  0, 60, 110, 127, 90, 30, -20, -70, -110, -127, -100, -40, 20, 45, 20, -10
};
static const gint8 arp_shape[16] = {
  0, 7, 12, 19, 24, 19, 12, 7, -5, -12, 3, 0, 15, -24, 5, 10
};

static void
make_design (Fixture *f)
{
  octa_project_begin_change (f->project, "Design");
  octa_part_track_set_lfo_design (OCTA_PART_TRACK (f->audio), lfo_shape, 0);
  for (guint i = 0; i < 16; i++)
    if (i % 5 == 1 || i == 9 || i == 10)
      octa_part_track_set_lfo_smooth (OCTA_PART_TRACK (f->audio), i, TRUE);
  for (guint i = 0; i < 16; i++)
    octa_midi_part_track_set_arp_note (f->midi, i, arp_shape[i]);
  octa_midi_part_track_set_arp_mute (f->midi, 3, TRUE);
  octa_midi_part_track_set_arp_mute (f->midi, 6, TRUE);
  octa_midi_part_track_set_arp_length (f->midi, 12);
  g_object_set (f->midi, "arp-key", 3, NULL);
  octa_project_end_change (f->project);
}

static void
test_screenshots (Fixture       *f,
                  gconstpointer  data)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkWidget *box = gtk_widget_get_parent (GTK_WIDGET (f->lfo));
  g_autofree char *light = NULL;

  make_design (f);
  gtk_widget_grab_focus (GTK_WIDGET (f->lfo));
  gtk_window_set_focus_visible (GTK_WINDOW (f->window), TRUE);
  octa_column_editor_set_cursor (ED (f->lfo), 9);
  octa_column_editor_set_cursor (ED (f->arp), 3);
  light = octa_test_gtk_screenshot (box, "lfo-arp-light");
  g_assert_true (g_file_test (light, G_FILE_TEST_EXISTS));
  g_free (octa_test_gtk_screenshot_scaled (box, "lfo-arp-light-2x", 2));

  gtk_widget_grab_focus (GTK_WIDGET (f->arp));
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  octa_test_gtk_flush ();
  g_free (octa_test_gtk_screenshot (box, "lfo-arp-dark"));
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  octa_test_gtk_flush ();

  /* high contrast, where libadwaita can be told through GSettings */
  {
    GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
    g_autoptr(GSettingsSchema) schema = NULL;

    if (source != NULL)
      schema = g_settings_schema_source_lookup (source, "org.gnome.desktop.a11y.interface", TRUE);
    if (schema != NULL && g_settings_schema_has_key (schema, "high-contrast"))
      {
        g_autoptr(GSettings) a11y = g_settings_new ("org.gnome.desktop.a11y.interface");

        g_settings_set_boolean (a11y, "high-contrast", TRUE);
        octa_test_gtk_flush ();
        if (adw_style_manager_get_high_contrast (manager))
          g_free (octa_test_gtk_screenshot (box, "lfo-arp-hc"));
        else
          g_test_message ("high contrast not picked up; no HC screenshot");
        g_settings_set_boolean (a11y, "high-contrast", FALSE);
        octa_test_gtk_flush ();
      }
  }

  /* no track */
  octa_column_editor_set_track (ED (f->lfo), NULL);
  octa_column_editor_set_track (ED (f->arp), NULL);
  g_free (octa_test_gtk_screenshot (box, "lfo-arp-empty"));
}

int
main (int   argc,
      char *argv[])
{
  OCTA_TEST_GTK_MAIN_PROLOGUE (argc, argv);

  g_test_add ("/ui/lfo-designer/drag", Fixture, NULL,
              fixture_set_up, test_lfo_drag, fixture_tear_down);
  g_test_add ("/ui/lfo-designer/smooth", Fixture, NULL,
              fixture_set_up, test_lfo_smooth, fixture_tear_down);
  g_test_add ("/ui/lfo-designer/keys", Fixture, NULL,
              fixture_set_up, test_lfo_keys, fixture_tear_down);
  g_test_add ("/ui/lfo-designer/presets", Fixture, NULL,
              fixture_set_up, test_lfo_presets, fixture_tear_down);
  g_test_add ("/ui/lfo-designer/midi-track", Fixture, NULL,
              fixture_set_up, test_lfo_midi_track, fixture_tear_down);
  g_test_add ("/ui/arp-editor/edits", Fixture, NULL,
              fixture_set_up, test_arp_edits, fixture_tear_down);
  g_test_add ("/ui/arp-editor/labels", Fixture, NULL,
              fixture_set_up, test_arp_labels, fixture_tear_down);
  g_test_add ("/ui/lfo-designer/key-bindings", Fixture, NULL,
              fixture_set_up, test_key_bindings, fixture_tear_down);
  g_test_add ("/ui/lfo-designer/screenshots", Fixture, NULL,
              fixture_set_up, test_screenshots, fixture_tear_down);

  return g_test_run ();
}
