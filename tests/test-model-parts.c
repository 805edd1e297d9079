/* SPDX-License-Identifier: MIT */
#include <string.h>

#include "octa.h"
#include "octa-project-private.h"
#include "octa-test-utils.h"

/*
 * Offsets below come from the format spec (§2, §2.5, §2.6), not from the
 * codec: part block k (0…3 unsaved, 4…7 saved) starts at 585430 + 6331·k.
 */
#define BANK_SIZE        636113
#define PART_SIZE        6331
#define UNSAVED(k)       (585430 + PART_SIZE * (k))
#define SAVED(k)         (610754 + PART_SIZE * (k))
#define SAVED_STATE(k)   (636078 + (k))
#define EDITED_MASK      636082
#define CHECKSUM         636111

typedef enum
{
  ENC_RAW,        /* the value is the byte */
  ENC_PLUS_ONE,   /* the byte is value − 1 */
  ENC_SIGNED,     /* two's complement byte */
  ENC_U16,        /* two bytes, the first one high */
} Encoding;

typedef struct
{
  char     *name;
  guint     rel;      /* the area's offset in the part block */
  guint     width;    /* bytes per track; 0 for part-wide areas */
  guint     index;
  Encoding  enc;
} Expect;

typedef struct
{
  guint count;
} Count;

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           gpointer    user_data)
{
  ((Count *) user_data)->count++;
}

static void
on_signal (gpointer user_data)
{
  ((Count *) user_data)->count++;
}

static void
expect_free (gpointer data)
{
  Expect *e = data;

  g_free (e->name);
  g_free (e);
}

static void
add (GPtrArray  *table,
     const char *name,
     guint       rel,
     guint       width,
     guint       index,
     Encoding    enc)
{
  Expect *e = g_new0 (Expect, 1);

  e->name = g_strdup (name);
  e->rel = rel;
  e->width = width;
  e->index = index;
  e->enc = enc;
  g_ptr_array_add (table, e);
}

static void
add_names (GPtrArray         *table,
           const char *const *names,
           guint              rel,
           guint              width,
           guint              first)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (names[i][0] != '\0')
      add (table, names[i], rel, width, first + i, ENC_RAW);
}

static void
add_numbered (GPtrArray  *table,
              const char *prefix,
              guint       n,
              guint       rel,
              guint       width,
              guint       first,
              Encoding    enc)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s%u", prefix, i + 1);

      add (table, name, rel, width, first + i, enc);
    }
}

/* §2.5 areas, relative offsets */
#define REL_FX1_TYPE     9
#define REL_FX2_TYPE     17
#define REL_SCENES_AB    25
#define REL_LEVELS       27
#define REL_MACHINE      43
#define REL_SRC          51
#define REL_VALUES       291
#define REL_SRC_SETUP    483
#define REL_SLOTS        723
#define REL_SETUP        763
#define REL_MIDI_VALUES  1003
#define REL_MIDI_SETUP   1259
#define REL_RECORDER     1547
#define REL_SCENE_LOCKS  1643
#define REL_XLV          5739
#define REL_LFO_DESIGN   5899
#define REL_LFO_INTERP   6027
#define REL_MIDI_LFO     6043
#define REL_MIDI_INTERP  6171
#define REL_ARP_MUTES    6187
#define REL_ARP_SEQUENCE 6203

static GPtrArray *
audio_expectations (void)
{
  GPtrArray *t = g_ptr_array_new_with_free_func (expect_free);
  static const char *const values[] = {
    "lfo-spd1", "lfo-spd2", "lfo-spd3", "lfo-dep1", "lfo-dep2", "lfo-dep3",
    "amp-atk", "amp-hold", "amp-rel", "amp-vol", "amp-bal", "amp-f", NULL
  };
  static const char *const setup[] = {
    "lfo1-pmtr", "lfo2-pmtr", "lfo3-pmtr", "lfo1-wave", "lfo2-wave", "lfo3-wave",
    "amp-setup-amp", "amp-setup-sync", "amp-setup-atck", "amp-setup-fx1", "amp-setup-fx2",
    "amp-setup-byte5", NULL
  };
  static const char *const lfo2[] = {
    "lfo1-mult", "lfo2-mult", "lfo3-mult", "lfo1-trig", "lfo2-trig", "lfo3-trig", NULL
  };
  static const char *const rec[] = {
    "rec-inab", "rec-incd", "rec-rlen", "rec-trig", "rec-src3", "rec-loop",
    "rec-fin", "rec-fout", "rec-ab", "rec-qrec", "rec-qpl", "rec-cd", NULL
  };
  static const char *const machines[] = { "static", "flex", "thru", "neighbor", "pickup" };

  add (t, "machine", REL_MACHINE, 1, 0, ENC_RAW);
  add (t, "fx1-type", REL_FX1_TYPE, 1, 0, ENC_RAW);
  add (t, "fx2-type", REL_FX2_TYPE, 1, 0, ENC_RAW);
  add (t, "main-level", REL_LEVELS, 2, 0, ENC_RAW);
  add (t, "cue-level", REL_LEVELS, 2, 1, ENC_RAW);
  add_names (t, values, REL_VALUES, 24, 0);
  add_numbered (t, "fx1-param", 6, REL_VALUES, 24, 12, ENC_RAW);
  add_numbered (t, "fx2-param", 6, REL_VALUES, 24, 18, ENC_RAW);
  add_names (t, setup, REL_SETUP, 30, 0);
  add_numbered (t, "fx1-setup", 6, REL_SETUP, 30, 12, ENC_RAW);
  add_numbered (t, "fx2-setup", 6, REL_SETUP, 30, 18, ENC_RAW);
  add_names (t, lfo2, REL_SETUP, 30, 24);
  add_names (t, rec, REL_RECORDER, 12, 0);
  add (t, "static-slot", REL_SLOTS, 5, 0, ENC_PLUS_ONE);
  add (t, "flex-slot", REL_SLOTS, 5, 1, ENC_PLUS_ONE);
  add (t, "slot-unused-1", REL_SLOTS, 5, 2, ENC_RAW);
  add (t, "slot-unused-2", REL_SLOTS, 5, 3, ENC_RAW);
  add (t, "recorder-slot", REL_SLOTS, 5, 4, ENC_RAW);
  for (guint m = 0; m < 5; m++)
    {
      g_autofree char *src = g_strdup_printf ("src-%s-", machines[m]);
      g_autofree char *set = g_strdup_printf ("setup-%s-", machines[m]);

      add_numbered (t, src, 6, REL_SRC, 30, 6 * m, ENC_RAW);
      add_numbered (t, set, 6, REL_SRC_SETUP, 30, 6 * m, ENC_RAW);
    }
  add_numbered (t, "lfo-step-", 16, REL_LFO_DESIGN, 16, 0, ENC_SIGNED);
  add (t, "lfo-interpolation", REL_LFO_INTERP, 2, 0, ENC_U16);
  return t;
}

/* Flex and Static share names; Flex's bytes come 6 after Static's. */
static GPtrArray *
sample_machine_expectations (guint first)
{
  GPtrArray *t = g_ptr_array_new_with_free_func (expect_free);
  static const char *const src[] = { "ptch", "strt", "len", "rate", "rtrg", "rtim", NULL };
  static const char *const setup[] = {
    "setup-loop", "setup-slic", "setup-len", "setup-rate", "setup-tstr", "setup-tsns", NULL
  };

  add_names (t, src, REL_SRC, 30, first);
  add_names (t, setup, REL_SRC_SETUP, 30, first);
  return t;
}

static GPtrArray *
thru_expectations (void)
{
  GPtrArray *t = g_ptr_array_new_with_free_func (expect_free);
  static const char *const src[] = { "inab", "vol-ab", "", "incd", "vol-cd", "", NULL };

  add_names (t, src, REL_SRC, 30, 12);
  return t;
}

static GPtrArray *
pickup_expectations (void)
{
  GPtrArray *t = g_ptr_array_new_with_free_func (expect_free);
  static const char *const src[] = { "ptch", "dir", "len", "", "gain", "op", NULL };
  static const char *const setup[] = { "", "", "", "", "setup-tstr", "setup-tsns", NULL };

  add_names (t, src, REL_SRC, 30, 24);
  add_names (t, setup, REL_SRC_SETUP, 30, 24);
  return t;
}

static GPtrArray *
midi_expectations (void)
{
  GPtrArray *t = g_ptr_array_new_with_free_func (expect_free);
  static const char *const values[] = {
    "note", "vel", "len", "not2", "not3", "not4",
    "lfo-spd1", "lfo-spd2", "lfo-spd3", "lfo-dep1", "lfo-dep2", "lfo-dep3",
    "arp-tran", "arp-leg", "arp-mode", "arp-spd", "arp-rnge", "arp-nlen",
    "pb", "at", "cc1", "cc2", "cc3", "cc4", "cc5", "cc6", "cc7", "cc8", "cc9", "cc10",
    "values-byte30", "values-byte31", NULL
  };
  static const char *const setup[] = {
    "", "bank", "program", "note-setup-byte3", "sbank", "note-setup-byte5",
    "lfo1-pmtr", "lfo2-pmtr", "lfo3-pmtr", "lfo1-wave", "lfo2-wave", "lfo3-wave",
    "arp-setup-byte0", "arp-setup-byte1", "arp-len", "arp-setup-byte3", "arp-setup-byte4",
    "arp-key",
    "ctrl1-setup-byte0", "ctrl1-setup-byte1", "cc1-number", "cc2-number", "cc3-number",
    "cc4-number", "cc5-number", "cc6-number", "cc7-number", "cc8-number", "cc9-number",
    "cc10-number", "lfo1-mult", "lfo2-mult", "lfo3-mult", "lfo1-trig", "lfo2-trig", "lfo3-trig",
    NULL
  };

  add_names (t, values, REL_MIDI_VALUES, 32, 0);
  add (t, "channel", REL_MIDI_SETUP, 36, 0, ENC_PLUS_ONE);
  add_names (t, setup, REL_MIDI_SETUP, 36, 0);
  add_numbered (t, "arp-note-", 16, REL_ARP_SEQUENCE, 16, 0, ENC_SIGNED);
  add (t, "arp-mutes", REL_ARP_MUTES, 2, 0, ENC_U16);
  add_numbered (t, "lfo-step-", 16, REL_MIDI_LFO, 16, 0, ENC_SIGNED);
  add (t, "lfo-interpolation", REL_MIDI_INTERP, 2, 0, ENC_U16);
  return t;
}

static const Expect *
lookup (GPtrArray  *table,
        const char *name)
{
  for (guint i = 0; i < table->len; i++)
    {
      const Expect *e = g_ptr_array_index (table, i);

      if (strcmp (e->name, name) == 0)
        return e;
    }
  return NULL;
}

static GBytes *
bank_bytes (OctaProject *project,
            guint        bank)
{
  g_autofree char *name = g_strdup_printf ("bank%02u.work", bank + 1);
  GBytes *bytes = octa_project_encode_file (project, name);

  g_assert_nonnull (bytes);
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, BANK_SIZE);
  return bytes;
}

typedef struct
{
  gsize  offset;
  guint8 value;
} ByteExpect;

/*
 * Checks that exactly @expected changed between @before and @after, apart
 * from the edited mask (which must now have bit @part) and the checksum.
 */
static void
assert_part_edit (const char       *what,
                  GBytes           *before,
                  GBytes           *after,
                  guint             part,
                  const ByteExpect *expected,
                  guint             n_expected)
{
  const guint8 *b = g_bytes_get_data (before, NULL);
  const guint8 *a = g_bytes_get_data (after, NULL);

  for (gsize i = 0; i < BANK_SIZE; i++)
    {
      gboolean allowed = i == EDITED_MASK || i == CHECKSUM || i == CHECKSUM + 1;

      if (a[i] == b[i])
        continue;
      for (guint k = 0; k < n_expected && !allowed; k++)
        allowed = expected[k].offset == i;
      if (!allowed)
        g_error ("%s: byte %" G_GSIZE_FORMAT " changed (0x%02X → 0x%02X) but should not have",
                 what, i, b[i], a[i]);
    }
  for (guint k = 0; k < n_expected; k++)
    {
      gsize o = expected[k].offset;

      if (a[o] != expected[k].value || b[o] == a[o])
        g_error ("%s: byte %" G_GSIZE_FORMAT " is 0x%02X (was 0x%02X), expected 0x%02X",
                 what, o, a[o], b[o], expected[k].value);
    }
  g_assert_true (a[EDITED_MASK] & (1u << part));
}

static gint
pick_int (GParamSpecInt *spec,
          Encoding       enc,
          gint           current)
{
  gint candidates[4];

  switch (enc)
    {
    case ENC_U16:
      candidates[0] = 0xA55A; candidates[1] = 0x5AA5;
      break;
    case ENC_SIGNED:
      candidates[0] = -100; candidates[1] = 99;
      break;
    default:
      candidates[0] = spec->maximum - 3; candidates[1] = spec->minimum + 2;
      break;
    }
  candidates[2] = spec->maximum;
  candidates[3] = spec->minimum;
  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    if (candidates[i] != current &&
        candidates[i] >= spec->minimum && candidates[i] <= spec->maximum)
      return candidates[i];
  g_assert_not_reached ();
}

/*
 * Sets one property to a new value and checks the bytes, the notification,
 * a same-value set and undo.
 */
static void
check_property (OctaProject  *project,
                guint         bank,
                GObject      *object,
                guint         part,
                guint         track,
                const Expect *e)
{
  OctaHistory *history = octa_project_get_history (project);
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), e->name);
  g_autoptr(GBytes) before = bank_bytes (project, bank);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GBytes) undone = NULL;
  g_autofree char *signal = g_strdup_printf ("notify::%s", e->name);
  g_autofree char *what = g_strdup_printf ("%s %s part %u track %u", G_OBJECT_TYPE_NAME (object),
                                           e->name, part, track);
  gsize offset = UNSAVED (part) + e->rel + e->width * track + e->index;
  guint n_undo = octa_history_get_n_undo (history);
  ByteExpect expected[2];
  guint n_expected = 1;
  Count count = { 0 };
  gulong handler;
  gint current, value, read;

  g_assert_nonnull (pspec);
  g_assert_true (pspec->flags & G_PARAM_WRITABLE);

  if (G_IS_PARAM_SPEC_ENUM (pspec))
    {
      GEnumClass *klass = G_PARAM_SPEC_ENUM (pspec)->enum_class;

      g_object_get (object, e->name, &current, NULL);
      value = klass->values[klass->n_values - 1].value;
      if (value == current)
        value = klass->values[0].value;
    }
  else
    {
      g_assert_true (G_IS_PARAM_SPEC_INT (pspec));
      g_object_get (object, e->name, &current, NULL);
      value = pick_int (G_PARAM_SPEC_INT (pspec), e->enc, current);
    }

  expected[0].offset = offset;
  switch (e->enc)
    {
    case ENC_RAW:
      expected[0].value = value;
      break;
    case ENC_PLUS_ONE:
      expected[0].value = value - 1;
      break;
    case ENC_SIGNED:
      expected[0].value = (guint8) (gint8) value;
      break;
    case ENC_U16:
      expected[0].value = value >> 8;
      expected[1].offset = offset + 1;
      expected[1].value = value & 0xFF;
      n_expected = 2;
      break;
    default:
      g_assert_not_reached ();
    }

  handler = g_signal_connect (object, signal, G_CALLBACK (on_notify), &count);

  g_object_set (object, e->name, value, NULL);
  after = bank_bytes (project, bank);
  assert_part_edit (what, before, after, part, expected, n_expected);
  g_assert_cmpuint (count.count, ==, 1);
  g_assert_cmpuint (octa_history_get_n_undo (history), ==, n_undo + 1);
  g_object_get (object, e->name, &read, NULL);
  g_assert_cmpint (read, ==, value);

  /* The same value again changes nothing. */
  g_object_set (object, e->name, value, NULL);
  again = bank_bytes (project, bank);
  g_assert_true (g_bytes_equal (after, again));
  g_assert_cmpuint (count.count, ==, 1);
  g_assert_cmpuint (octa_history_get_n_undo (history), ==, n_undo + 1);

  g_assert_true (octa_project_undo (project));
  undone = bank_bytes (project, bank);
  g_assert_true (g_bytes_equal (before, undone));
  g_assert_cmpuint (count.count, ==, 2);
  g_object_get (object, e->name, &read, NULL);
  g_assert_cmpint (read, ==, current);

  g_signal_handler_disconnect (object, handler);
}

/* Switches a track's machine and clears the edited mask, so that each
 * later check sees the edited bit being set. */
static OctaAudioPartTrack *
track_with_machine (OctaProject     *project,
                    OctaPart        *part,
                    guint            track,
                    OctaMachineKind  machine)
{
  OctaBankFile *file = _octa_project_get_bank_file (project,
                                                    octa_bank_get_index (octa_part_get_bank (part)),
                                                    OCTA_STATE_WORK);
  g_autoptr(OctaAudioPartTrack) current = octa_part_get_audio_track (part, track);

  octa_audio_part_track_set_machine (current, machine);
  octa_project_begin_change (project, "Reset edited mask");
  octa_bank_file_set_parts_edited_mask (file, 0);
  octa_project_end_change (project);
  return octa_part_get_audio_track (part, track);
}

static void
check_all_properties (OctaProject *project,
                      guint        bank,
                      GObject     *object,
                      guint        part,
                      guint        track,
                      GPtrArray   *base,
                      GPtrArray   *own,
                      gboolean     with_inherited)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs, n_checked = 0;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      const Expect *e;
      gboolean inherited = pspecs[i]->owner_type != G_OBJECT_TYPE (object);

      if (!(pspecs[i]->flags & G_PARAM_WRITABLE))
        continue;
      if (inherited && !with_inherited)
        continue;

      e = lookup (inherited || own == NULL ? base : own, pspecs[i]->name);
      if (e == NULL)
        g_error ("%s:%s has no expected location", G_OBJECT_TYPE_NAME (object), pspecs[i]->name);
      check_property (project, bank, object, part, track, e);
      n_checked++;
    }

  /* And every expected property exists. */
  if (own != NULL)
    for (guint i = 0; i < own->len; i++)
      g_assert_nonnull (g_object_class_find_property (G_OBJECT_GET_CLASS (object),
                                                      ((Expect *) own->pdata[i])->name));
  if (with_inherited)
    for (guint i = 0; i < base->len; i++)
      g_assert_nonnull (g_object_class_find_property (G_OBJECT_GET_CLASS (object),
                                                      ((Expect *) base->pdata[i])->name));
  g_assert_cmpuint (n_checked, ==, (own ? own->len : 0) + (with_inherited ? base->len : 0));
}

static void
test_audio_properties (void)
{
  g_autoptr(OctaProject) project = octa_project_new_blank ("TEST");
  g_autoptr(OctaBank) bank = octa_project_get_bank (project, 2);
  g_autoptr(OctaPart) part = octa_bank_get_part (bank, 2);
  g_autoptr(GPtrArray) base = audio_expectations ();
  g_autoptr(GPtrArray) expect_static = sample_machine_expectations (0);
  g_autoptr(GPtrArray) expect_flex = sample_machine_expectations (6);
  g_autoptr(GPtrArray) expect_thru = thru_expectations ();
  g_autoptr(GPtrArray) expect_pickup = pickup_expectations ();
  struct {
    OctaMachineKind  machine;
    GType            type;
    GPtrArray       *own;
  } machines[] = {
    { OCTA_MACHINE_KIND_STATIC, OCTA_TYPE_STATIC_PART_TRACK, expect_static },
    { OCTA_MACHINE_KIND_FLEX, OCTA_TYPE_FLEX_PART_TRACK, expect_flex },
    { OCTA_MACHINE_KIND_THRU, OCTA_TYPE_THRU_PART_TRACK, expect_thru },
    { OCTA_MACHINE_KIND_NEIGHBOR, OCTA_TYPE_NEIGHBOR_PART_TRACK, NULL },
    { OCTA_MACHINE_KIND_PICKUP, OCTA_TYPE_PICKUP_PART_TRACK, expect_pickup },
  };

  for (guint m = 0; m < G_N_ELEMENTS (machines); m++)
    {
      g_autoptr(OctaAudioPartTrack) track = track_with_machine (project, part, 5,
                                                                machines[m].machine);

      g_assert_true (G_OBJECT_TYPE (track) == machines[m].type);
      g_assert_cmpint (octa_audio_part_track_get_machine (track), ==, machines[m].machine);
      /* Inherited properties on the first and the last machine. */
      check_all_properties (project, 2, G_OBJECT (track), 2, 5, base, machines[m].own,
                            m == 0 || m == G_N_ELEMENTS (machines) - 1);
    }
}

static void
test_midi_properties (void)
{
  g_autoptr(OctaProject) project = octa_project_new_blank ("TEST");
  g_autoptr(OctaBank) bank = octa_project_get_bank (project, 0);
  g_autoptr(OctaPart) part = octa_bank_get_part (bank, 1);
  g_autoptr(OctaMidiPartTrack) track = octa_part_get_midi_track (part, 6);
  g_autoptr(GPtrArray) base = midi_expectations ();

  g_assert_true (octa_part_track_is_midi (OCTA_PART_TRACK (track)));
  check_all_properties (project, 0, G_OBJECT (track), 1, 6, base, NULL, TRUE);

  /* The device's numbering */
  g_assert_cmpuint (octa_midi_part_track_get_channel (track), ==, 1);
  octa_midi_part_track_set_channel (track, 16);
  g_assert_cmpuint (octa_bank_file_get_part_value (_octa_project_get_bank_file (project, 0,
                                                                                 OCTA_STATE_WORK),
                                                   1, OCTA_PART_UNSAVED,
                                                   OCTA_PART_AREA_MIDI_SETUP, 6, 0), ==, 15);
  g_test_expect_message ("GLib-GObject", G_LOG_LEVEL_WARNING, "*out of range*");
  g_object_set (track, "channel", 17, NULL);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (octa_midi_part_track_get_channel (track), ==, 16);
}

static void
test_part_properties (void)
{
  g_autoptr(OctaProject) project = octa_project_new_blank ("TEST");
  g_autoptr(OctaBank) bank = octa_project_get_bank (project, 5);
  g_autoptr(OctaPart) part = octa_bank_get_part (bank, 3);
  g_autoptr(GPtrArray) table = g_ptr_array_new_with_free_func (expect_free);

  add (table, "active-scene-a", REL_SCENES_AB, 0, 0, ENC_PLUS_ONE);
  add (table, "active-scene-b", REL_SCENES_AB, 0, 1, ENC_PLUS_ONE);
  g_assert_cmpuint (octa_part_get_active_scene_a (part), ==, 1);
  g_assert_cmpuint (octa_part_get_active_scene_b (part), ==, 9);
  for (guint i = 0; i < table->len; i++)
    check_property (project, 5, G_OBJECT (part), 3, 0, table->pdata[i]);

  octa_part_set_active_scene_b (part, 16);
  g_assert_cmpuint (octa_part_get_active_scene_b (part), ==, 16);
  g_assert_true (octa_part_get_edited (part));
}

/* Each area's first and last byte, on every part and track. */
static void
test_offsets_every_track (void)
{
  g_autoptr(OctaProject) project = octa_project_new_blank ("TEST");
  g_autoptr(OctaBank) bank = octa_project_get_bank (project, 15);
  g_autoptr(GPtrArray) audio = audio_expectations ();
  g_autoptr(GPtrArray) midi = midi_expectations ();
  static const char *const audio_names[] = {
    "fx1-type", "fx2-type", "main-level", "cue-level", "machine", "src-static-1", "src-pickup-6",
    "lfo-spd1", "fx2-param6", "setup-static-1", "setup-pickup-6", "static-slot", "recorder-slot",
    "lfo1-pmtr", "lfo3-trig", "rec-inab", "rec-cd", "lfo-step-1", "lfo-step-16",
    "lfo-interpolation",
  };
  static const char *const midi_names[] = {
    "note", "values-byte31", "channel", "lfo3-trig", "lfo-step-1", "lfo-step-16",
    "lfo-interpolation", "arp-mutes", "arp-note-1", "arp-note-16",
  };

  for (guint k = 0; k < 4; k++)
    {
      g_autoptr(OctaPart) part = octa_bank_get_part (bank, k);

      for (guint t = 0; t < 8; t++)
        {
          g_autoptr(OctaAudioPartTrack) a = octa_part_get_audio_track (part, t);
          g_autoptr(OctaMidiPartTrack) m = octa_part_get_midi_track (part, t);

          g_assert_cmpuint (octa_part_track_get_index (OCTA_PART_TRACK (a)), ==, t);
          g_assert_true (octa_part_track_get_part (OCTA_PART_TRACK (m)) == part);
          for (guint i = 0; i < G_N_ELEMENTS (audio_names); i++)
            check_property (project, 15, G_OBJECT (a), k, t, lookup (audio, audio_names[i]));
          for (guint i = 0; i < G_N_ELEMENTS (midi_names); i++)
            check_property (project, 15, G_OBJECT (m), k, t, lookup (midi, midi_names[i]));
        }
    }
}

static void
check_scene_edit (OctaProject *project,
                  OctaScene   *scene,
                  guint        part,
                  gsize        offset,
                  guint8       raw,
                  void       (*edit) (OctaScene *, guint, gint),
                  guint        arg,
                  gint         value)
{
  g_autoptr(GBytes) before = bank_bytes (project, 0);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) undone = NULL;
  ByteExpect expected = { offset, raw };
  OctaHistory *history = octa_project_get_history (project);
  guint n_undo = octa_history_get_n_undo (history);
  Count changed = { 0 };
  gulong handler = g_signal_connect_swapped (scene, "locks-changed", G_CALLBACK (on_signal),
                                             &changed);

  edit (scene, arg, value);
  after = bank_bytes (project, 0);
  assert_part_edit ("scene", before, after, part, &expected, 1);
  g_assert_cmpuint (changed.count, ==, 1);
  g_assert_cmpuint (octa_history_get_n_undo (history), ==, n_undo + 1);

  edit (scene, arg, value);
  g_assert_cmpuint (changed.count, ==, 1);
  g_assert_cmpuint (octa_history_get_n_undo (history), ==, n_undo + 1);

  octa_project_undo (project);
  undone = bank_bytes (project, 0);
  g_assert_true (g_bytes_equal (before, undone));
  g_assert_cmpuint (changed.count, ==, 2);
  g_signal_handler_disconnect (scene, handler);
}

static guint scene_track;

static void
edit_lock (OctaScene *scene,
           guint      param,
           gint       value)
{
  octa_scene_set_lock (scene, scene_track, param, value);
  g_assert_cmpint (octa_scene_get_lock (scene, scene_track, param), ==, value);
}

static void
edit_xlv (OctaScene *scene,
          guint      track,
          gint       value)
{
  octa_scene_set_xlv (scene, track, value);
  g_assert_cmpint (octa_scene_get_xlv (scene, track), ==, value);
}

static void
edit_xlv_unknown (OctaScene *scene,
                  guint      index,
                  gint       value)
{
  octa_scene_set_xlv_unknown (scene, index, value);
  g_assert_cmpint (octa_scene_get_xlv_unknown (scene, index), ==, value);
}

static void
test_scenes (void)
{
  g_autoptr(OctaProject) project = octa_project_new_blank ("TEST");
  g_autoptr(OctaBank) bank = octa_project_get_bank (project, 0);
  g_autoptr(OctaPart) part = octa_bank_get_part (bank, 3);
  g_autoptr(GListModel) scenes = octa_part_list_scenes (part);
  static const guint tested[] = { 0, 9, 15 };

  g_assert_cmpuint (g_list_model_get_n_items (scenes), ==, 16);
  g_assert_true (g_list_model_get_item_type (scenes) == OCTA_TYPE_SCENE);

  for (guint i = 0; i < G_N_ELEMENTS (tested); i++)
    {
      guint s = tested[i];
      g_autoptr(OctaScene) scene = g_list_model_get_item (scenes, s);
      gsize locks = UNSAVED (3) + REL_SCENE_LOCKS + 256 * s;
      gsize xlv = UNSAVED (3) + REL_XLV + 10 * s;

      g_assert_cmpuint (octa_scene_get_index (scene), ==, s);
      g_assert_true (octa_scene_get_part (scene) == part);
      g_assert_cmpuint (octa_scene_count_locks (scene), ==, 0);

      for (scene_track = 0; scene_track < 8; scene_track++)
        for (guint p = 0; p < 32; p++)
          {
            guint8 value = (p * 7 + scene_track * 3) % 128;

            if (s == 9 && scene_track != 3)
              continue;
            check_scene_edit (project, scene, 3, locks + 32 * scene_track + p, value, edit_lock, p,
                              value);
          }
      for (guint t = 0; t < 8; t++)
        check_scene_edit (project, scene, 3, xlv + t, 100 + t, edit_xlv, t, 100 + t);
      for (guint u = 0; u < 2; u++)
        check_scene_edit (project, scene, 3, xlv + 8 + u, 0x12 + u, edit_xlv_unknown, u, 0x12 + u);
    }

  /* Counting, removing, notifying */
  {
    g_autoptr(OctaScene) scene = octa_part_get_scene (part, 4);
    g_autoptr(GBytes) before = NULL;
    g_autoptr(GBytes) after = NULL;
    Count n_locks = { 0 };
    ByteExpect removed = { UNSAVED (3) + REL_SCENE_LOCKS + 256 * 4 + 32 * 2 + 15, 0xFF };

    g_signal_connect (scene, "notify::n-locks", G_CALLBACK (on_notify), &n_locks);
    octa_project_begin_change (project, "Scene");
    octa_scene_set_lock (scene, 2, OCTA_AUDIO_PLOCK_AMP_VOL, 0);
    octa_scene_set_lock (scene, 7, OCTA_AUDIO_PLOCK_FX2_6, 127);
    octa_scene_set_lock (scene, 7, OCTA_AUDIO_PLOCK_UNKNOWN_30, 1);
    octa_scene_set_xlv (scene, 0, 0);
    octa_scene_set_xlv_unknown (scene, 1, 0);
    octa_project_end_change (project);
    g_assert_cmpuint (n_locks.count, ==, 1);
    g_assert_cmpuint (octa_scene_count_locks (scene), ==, 3);

    before = bank_bytes (project, 0);
    octa_scene_set_lock (scene, 2, OCTA_AUDIO_PLOCK_AMP_VOL, -1);
    after = bank_bytes (project, 0);
    assert_part_edit ("remove lock", before, after, 3, &removed, 1);
    g_assert_cmpint (octa_scene_get_lock (scene, 2, OCTA_AUDIO_PLOCK_AMP_VOL), ==, -1);
    g_assert_cmpuint (octa_scene_count_locks (scene), ==, 2);
    g_assert_cmpuint (n_locks.count, ==, 2);

    while (octa_project_undo (project))
      ;
    g_assert_cmpuint (octa_scene_count_locks (scene), ==, 0);
    g_assert_cmpuint (n_locks.count, ==, 4);
    g_assert_false (octa_part_get_edited (part));
  }
}

static void
check_lfo_design (OctaProject   *project,
                  OctaPartTrack *track,
                  guint          part,
                  gsize          design,
                  gsize          interp)
{
  static const gint8 steps[16] = {
    0, 1, -1, 127, -128, 64, -64, 5, -5, 100, -100, 33, -33, 2, -2, 9
  };
  g_autoptr(GBytes) before = bank_bytes (project, 0);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) undone = NULL;
  ByteExpect expected[17];
  Count first = { 0 }, last = { 0 }, mask = { 0 };
  OctaHistory *history = octa_project_get_history (project);
  guint n_undo = octa_history_get_n_undo (history);
  guint n = 0;

  /* Step 0 keeps its value, so it must not change. */
  for (guint i = 1; i < 16; i++)
    expected[n++] = (ByteExpect) { design + i, (guint8) steps[i] };
  expected[n++] = (ByteExpect) { interp, 0xBE };
  expected[n++] = (ByteExpect) { interp + 1, 0xEF };

  g_signal_connect (track, "notify::lfo-step-2", G_CALLBACK (on_notify), &first);
  g_signal_connect (track, "notify::lfo-step-16", G_CALLBACK (on_notify), &last);
  g_signal_connect (track, "notify::lfo-interpolation", G_CALLBACK (on_notify), &mask);

  octa_part_track_set_lfo_design (track, steps, 0xBEEF);
  after = bank_bytes (project, 0);
  assert_part_edit ("lfo design", before, after, part, expected, n);
  g_assert_cmpuint (octa_history_get_n_undo (history), ==, n_undo + 1);
  g_assert_cmpuint (first.count, ==, 1);
  g_assert_cmpuint (last.count, ==, 1);
  g_assert_cmpuint (mask.count, ==, 1);
  for (guint i = 0; i < 16; i++)
    g_assert_cmpint (octa_part_track_get_lfo_step (track, i), ==, steps[i]);
  g_assert_cmphex (octa_part_track_get_lfo_interpolation (track), ==, 0xBEEF);

  octa_project_undo (project);
  undone = bank_bytes (project, 0);
  g_assert_true (g_bytes_equal (before, undone));

  /* One step and the mask on their own */
  {
    g_autoptr(GBytes) b = bank_bytes (project, 0);
    g_autoptr(GBytes) a = NULL;
    ByteExpect one[3] = { { design + 7, 0x81 }, { interp, 0x80 }, { interp + 1, 0x01 } };

    octa_project_begin_change (project, "LFO");
    octa_part_track_set_lfo_step (track, 7, -127);
    octa_part_track_set_lfo_interpolation (track, 0x8001);
    octa_project_end_change (project);
    a = bank_bytes (project, 0);
    assert_part_edit ("lfo step", b, a, part, one, 3);
    octa_project_undo (project);
  }
}

static void
test_lfo_designer (void)
{
  g_autoptr(OctaProject) project = octa_project_new_blank ("TEST");
  g_autoptr(OctaBank) bank = octa_project_get_bank (project, 0);
  g_autoptr(OctaPart) part = octa_bank_get_part (bank, 1);
  g_autoptr(OctaAudioPartTrack) audio = octa_part_get_audio_track (part, 3);
  g_autoptr(OctaMidiPartTrack) midi = octa_part_get_midi_track (part, 4);

  check_lfo_design (project, OCTA_PART_TRACK (audio), 1,
                    UNSAVED (1) + REL_LFO_DESIGN + 16 * 3, UNSAVED (1) + REL_LFO_INTERP + 2 * 3);
  check_lfo_design (project, OCTA_PART_TRACK (midi), 1,
                    UNSAVED (1) + REL_MIDI_LFO + 16 * 4, UNSAVED (1) + REL_MIDI_INTERP + 2 * 4);

  /* Arpeggiator sequence and mutes */
  {
    g_autoptr(GBytes) b = bank_bytes (project, 0);
    g_autoptr(GBytes) a = NULL;
    ByteExpect e[3] = {
      { UNSAVED (1) + REL_ARP_SEQUENCE + 16 * 4 + 15, 0xC1 },
      { UNSAVED (1) + REL_ARP_MUTES + 2 * 4, 0xFF - 0x80 },
      { UNSAVED (1) + REL_ARP_MUTES + 2 * 4 + 1, 0xFE },
    };

    g_assert_cmphex (octa_midi_part_track_get_arp_mutes (midi), ==, 0xFFFF);
    octa_project_begin_change (project, "Arp");
    octa_midi_part_track_set_arp_note (midi, 15, -63);
    octa_midi_part_track_set_arp_mutes (midi, 0x7FFE);
    octa_project_end_change (project);
    a = bank_bytes (project, 0);
    assert_part_edit ("arp", b, a, 1, e, 3);
    g_assert_cmpint (octa_midi_part_track_get_arp_note (midi, 15), ==, -63);
  }
}

typedef struct
{
  guint position, removed, added, count;
} ItemsChanged;

static void
on_items_changed (GListModel *list,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  ItemsChanged *c = user_data;

  c->position = position;
  c->removed = removed;
  c->added = added;
  c->count++;
}

static void
test_machine_swap (void)
{
  g_autoptr(OctaProject) project = octa_project_new_blank ("TEST");
  g_autoptr(OctaBank) bank = octa_project_get_bank (project, 0);
  g_autoptr(OctaPart) part = octa_bank_get_part (bank, 0);
  g_autoptr(GListModel) list = octa_part_list_audio_tracks (part);
  g_autoptr(GListModel) other = octa_part_list_audio_tracks (part);
  g_autoptr(OctaAudioPartTrack) initial = g_list_model_get_item (list, 2);
  g_autoptr(OctaAudioPartTrack) flex = NULL;
  g_autoptr(OctaAudioPartTrack) pickup = NULL;
  ItemsChanged changed = { 0 }, changed_other = { 0 };
  Count flex_ptch = { 0 }, flex_raw = { 0 };
  gint value;

  g_assert_true (g_list_model_get_item_type (list) == OCTA_TYPE_AUDIO_PART_TRACK);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 8);
  g_assert_true (OCTA_IS_STATIC_PART_TRACK (initial));
  {
    g_autoptr(OctaAudioPartTrack) same = octa_part_get_audio_track (part, 2);
    g_assert_true (same == initial);
  }
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &changed);
  g_signal_connect (other, "items-changed", G_CALLBACK (on_items_changed), &changed_other);

  /* Static → Flex through the property */
  g_object_set (initial, "machine", OCTA_MACHINE_KIND_FLEX, NULL);
  g_assert_cmpuint (changed.count, ==, 1);
  g_assert_cmpuint (changed.position, ==, 2);
  g_assert_cmpuint (changed.removed, ==, 1);
  g_assert_cmpuint (changed.added, ==, 1);
  g_assert_cmpuint (changed_other.count, ==, 1);
  flex = g_list_model_get_item (list, 2);
  g_assert_true (OCTA_IS_FLEX_PART_TRACK (flex));
  g_assert_true (flex != initial);
  /* The old object still reads the track. */
  g_assert_cmpint (octa_audio_part_track_get_machine (initial), ==, OCTA_MACHINE_KIND_FLEX);

  g_signal_connect (flex, "notify::ptch", G_CALLBACK (on_notify), &flex_ptch);
  g_signal_connect (flex, "notify::src-flex-1", G_CALLBACK (on_notify), &flex_raw);
  g_object_set (flex, "ptch", 10, "setup-tsns", 99, NULL);
  g_assert_cmpuint (flex_ptch.count, ==, 1);
  g_assert_cmpuint (flex_raw.count, ==, 1);

  /* Flex → Pickup: a Pickup object, with the Flex values kept */
  octa_audio_part_track_set_machine (flex, OCTA_MACHINE_KIND_PICKUP);
  g_assert_cmpuint (changed.count, ==, 2);
  pickup = octa_part_get_audio_track (part, 2);
  g_assert_true (G_OBJECT_TYPE (pickup) == OCTA_TYPE_PICKUP_PART_TRACK);
  g_object_set (pickup, "ptch", 100, "setup-tsns", 3, NULL);
  g_object_get (pickup, "src-flex-1", &value, NULL);
  g_assert_cmpint (value, ==, 10);
  g_assert_cmpuint (octa_audio_part_track_get_src_setup_value (pickup, OCTA_MACHINE_KIND_FLEX, 5),
                    ==, 99);
  g_assert_cmpuint (octa_audio_part_track_get_src_value (pickup, OCTA_MACHINE_KIND_PICKUP, 0),
                    ==, 100);
  g_object_get (flex, "ptch", &value, NULL);
  g_assert_cmpint (value, ==, 10);

  /* Back to Flex: both machines' values are still there. */
  octa_audio_part_track_set_machine (pickup, OCTA_MACHINE_KIND_FLEX);
  g_assert_cmpuint (changed.count, ==, 3);
  {
    g_autoptr(OctaAudioPartTrack) back = octa_part_get_audio_track (part, 2);

    /* A new view of the same bytes */
    g_assert_true (OCTA_IS_FLEX_PART_TRACK (back));
    g_assert_true (back != flex);
    g_object_get (back, "ptch", &value, NULL);
    g_assert_cmpint (value, ==, 10);
    g_object_get (back, "src-pickup-1", &value, NULL);
    g_assert_cmpint (value, ==, 100);
  }

  /* Undo swaps too. */
  octa_project_undo (project);
  g_assert_cmpuint (changed.count, ==, 4);
  {
    g_autoptr(OctaAudioPartTrack) now = octa_part_get_audio_track (part, 2);
    g_assert_true (OCTA_IS_PICKUP_PART_TRACK (now));
  }
  /* An edit that does not change the machine's class tells no list. */
  g_object_set (pickup, "ptch", 1, NULL);
  g_assert_cmpuint (changed.count, ==, 4);
  while (octa_project_undo (project))
    ;
  g_assert_cmpuint (changed.count, ==, 6);
  {
    g_autoptr(OctaAudioPartTrack) now = octa_part_get_audio_track (part, 2);
    g_assert_true (OCTA_IS_STATIC_PART_TRACK (now));
  }
  g_assert_false (octa_part_get_edited (part));

  /* A machine byte outside the known five gets the base class. */
  {
    OctaBankFile *file = _octa_project_get_bank_file (project, 0, OCTA_STATE_WORK);
    g_autoptr(OctaAudioPartTrack) odd = NULL;

    octa_project_begin_change (project, "Odd");
    octa_bank_file_set_part_value (file, 0, OCTA_PART_UNSAVED, OCTA_PART_AREA_MACHINE, 6, 0, 9);
    octa_project_end_change (project);
    odd = octa_part_get_audio_track (part, 6);
    g_assert_true (G_OBJECT_TYPE (odd) == OCTA_TYPE_AUDIO_PART_TRACK);
    g_assert_cmpuint (changed.count, ==, 7);
    g_assert_cmpuint (changed.position, ==, 6);
  }
}

static void
test_save_reload (void)
{
  g_autoptr(OctaProject) project = octa_project_new_blank ("TEST");
  g_autoptr(OctaBank) bank = octa_project_get_bank (project, 0);
  g_autoptr(OctaPart) part = octa_bank_get_part (bank, 2);
  g_autoptr(OctaAudioPartTrack) audio = octa_part_get_audio_track (part, 1);
  g_autoptr(OctaMidiPartTrack) midi = octa_part_get_midi_track (part, 7);
  g_autoptr(OctaScene) scene = octa_part_get_scene (part, 12);
  g_autoptr(GListModel) list = octa_part_list_audio_tracks (part);
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) edited = NULL;
  g_autoptr(GBytes) reloaded = NULL;
  ItemsChanged changed = { 0 };
  Count vol = { 0 };
  const guint8 *d;
  gint value;

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &changed);

  /* Without a saved copy, reload does nothing. */
  g_object_set (audio, "amp-vol", 20, NULL);
  octa_part_reload (part);
  g_object_get (audio, "amp-vol", &value, NULL);
  g_assert_cmpint (value, ==, 20);

  octa_project_begin_change (project, "Edit");
  g_object_set (audio, "machine", OCTA_MACHINE_KIND_THRU, "fx1-type", OCTA_FX_TYPE_CHORUS, NULL);
  g_object_set (midi, "channel", 5, "cc3-number", 33, NULL);
  octa_scene_set_lock (scene, 4, 0, 7);
  octa_part_set_active_scene_a (part, 3);
  octa_project_end_change (project);
  g_assert_true (octa_part_get_edited (part));

  octa_part_save (part);
  saved = bank_bytes (project, 0);
  d = g_bytes_get_data (saved, NULL);
  g_assert_cmpmem (d + UNSAVED (2), PART_SIZE, d + SAVED (2), PART_SIZE);
  g_assert_cmpuint (d[SAVED_STATE (2)], ==, 1);
  g_assert_cmpuint (d[EDITED_MASK] & (1u << 2), ==, 0);
  g_assert_false (octa_part_get_edited (part));
  g_assert_true (octa_part_get_has_saved (part));
  /* The other parts' saved copies are untouched. */
  g_assert_cmpuint (d[SAVED (1) + REL_FX1_TYPE + 1], ==, 4);

  g_signal_connect (audio, "notify::amp-vol", G_CALLBACK (on_notify), &vol);
  octa_project_begin_change (project, "Edit more");
  g_object_set (audio, "amp-vol", 90, "machine", OCTA_MACHINE_KIND_PICKUP, NULL);
  g_object_set (midi, "channel", 9, NULL);
  octa_scene_set_xlv (scene, 3, 64);
  octa_project_end_change (project);
  g_assert_cmpuint (changed.count, ==, 2);
  edited = bank_bytes (project, 0);
  d = g_bytes_get_data (edited, NULL);
  g_assert_cmpmem (d + SAVED (2), PART_SIZE,
                   (const guint8 *) g_bytes_get_data (saved, NULL) + SAVED (2), PART_SIZE);
  g_assert_true (d[EDITED_MASK] & (1u << 2));

  octa_part_reload (part);
  reloaded = bank_bytes (project, 0);
  g_assert_true (g_bytes_equal (reloaded, saved));
  g_assert_cmpuint (vol.count, ==, 2);
  g_assert_cmpuint (changed.count, ==, 3);
  g_assert_cmpuint (octa_midi_part_track_get_channel (midi), ==, 5);
  g_assert_cmpint (octa_scene_get_xlv (scene, 3), ==, -1);
  {
    g_autoptr(OctaAudioPartTrack) now = octa_part_get_audio_track (part, 1);
    g_assert_true (OCTA_IS_THRU_PART_TRACK (now));
  }
  g_assert_false (octa_part_get_edited (part));

  /* Undoing the reload brings the edits back. */
  octa_project_undo (project);
  {
    g_autoptr(GBytes) now = bank_bytes (project, 0);
    g_assert_true (g_bytes_equal (now, edited));
  }
  g_assert_true (octa_part_get_edited (part));
}

static void
test_lists (void)
{
  g_autoptr(OctaProject) project = octa_project_new_blank ("TEST");
  g_autoptr(OctaBank) bank = octa_project_get_bank (project, 0);
  g_autoptr(OctaPart) part = octa_bank_get_part (bank, 0);
  g_autoptr(GListModel) midi = octa_part_list_midi_tracks (part);
  g_autoptr(GListModel) audio = octa_part_list_audio_tracks (part);

  g_assert_true (g_list_model_get_item_type (midi) == OCTA_TYPE_MIDI_PART_TRACK);
  g_assert_cmpuint (g_list_model_get_n_items (midi), ==, 8);
  g_assert_null (g_list_model_get_item (midi, 8));
  for (guint t = 0; t < 8; t++)
    {
      g_autoptr(OctaPartTrack) m = g_list_model_get_item (midi, t);
      g_autoptr(OctaPartTrack) a = g_list_model_get_item (audio, t);
      g_autoptr(OctaMidiPartTrack) again = octa_part_get_midi_track (part, t);
      g_autofree char *ml = octa_part_track_dup_label (m);
      g_autofree char *al = octa_part_track_dup_label (a);
      g_autofree char *want_m = g_strdup_printf ("M%u", t + 1);
      g_autofree char *want_a = g_strdup_printf ("T%u", t + 1);
      guint index;
      gboolean is_midi;

      g_assert_true ((gpointer) again == (gpointer) m);
      g_assert_cmpstr (ml, ==, want_m);
      g_assert_cmpstr (al, ==, want_a);
      g_object_get (a, "index", &index, "midi", &is_midi, NULL);
      g_assert_cmpuint (index, ==, t);
      g_assert_false (is_midi);
      g_assert_true (octa_part_track_is_midi (m));
    }

  /* Blank defaults through the model (spec §2.5) */
  {
    g_autoptr(OctaAudioPartTrack) a = octa_part_get_audio_track (part, 4);
    g_autoptr(OctaMidiPartTrack) m = octa_part_get_midi_track (part, 4);
    gint fx1, fx2, main_level, slot, flex_slot, rec_slot, ptch, rtim, fx2p1, qrec;
    gint bank_value, cc5, arp_len, mutes;

    g_object_get (a, "fx1-type", &fx1, "fx2-type", &fx2, "main-level", &main_level,
                  "static-slot", &slot, "flex-slot", &flex_slot, "recorder-slot", &rec_slot,
                  "ptch", &ptch, "rtim", &rtim, "fx2-param1", &fx2p1, "rec-qrec", &qrec, NULL);
    g_assert_cmpint (fx1, ==, OCTA_FX_TYPE_FILTER);
    g_assert_cmpint (fx2, ==, OCTA_FX_TYPE_DELAY);
    g_assert_cmpint (main_level, ==, 108);
    g_assert_cmpint (slot, ==, 5);
    g_assert_cmpint (flex_slot, ==, 5);
    g_assert_cmpint (rec_slot, ==, 132);
    g_assert_cmpint (ptch, ==, 64);
    g_assert_cmpint (rtim, ==, 79);
    g_assert_cmpint (fx2p1, ==, 47);
    g_assert_cmpint (qrec, ==, 255);
    g_object_get (m, "bank", &bank_value, "cc5-number", &cc5, "arp-len", &arp_len,
                  "arp-mutes", &mutes, NULL);
    g_assert_cmpint (bank_value, ==, 128);
    g_assert_cmpint (cc5, ==, 71);
    g_assert_cmpint (arp_len, ==, 7);
    g_assert_cmpint (mutes, ==, 0xFFFF);
    g_assert_cmpuint (octa_midi_part_track_get_channel (m), ==, 1);
  }
}

static void
test_corpus_part (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(OctaProject) project = NULL;
  g_autoptr(OctaBank) bank = NULL;
  g_autoptr(OctaPart) part = NULL;
  gint value;

  if (octa_test_skip_without_corpus ())
    return;

  path = g_build_filename (octa_test_corpus_dir (), "octatrack-manager", "multipart", NULL);
  file = g_file_new_for_path (path);
  project = octa_project_load (file, NULL, &error);
  g_assert_no_error (error);
  bank = octa_project_get_bank (project, 0);
  part = octa_bank_get_part (bank, 0);

  /* Machines T1…T8 of part 1: THRU FLEX STATIC FLEX THRU FLEX FLEX STATIC */
  {
    static const OctaMachineKind machines[] = {
      OCTA_MACHINE_KIND_THRU, OCTA_MACHINE_KIND_FLEX, OCTA_MACHINE_KIND_STATIC,
      OCTA_MACHINE_KIND_FLEX, OCTA_MACHINE_KIND_THRU, OCTA_MACHINE_KIND_FLEX,
      OCTA_MACHINE_KIND_FLEX, OCTA_MACHINE_KIND_STATIC,
    };

    for (guint t = 0; t < 8; t++)
      {
        g_autoptr(OctaAudioPartTrack) track = octa_part_get_audio_track (part, t);

        g_assert_cmpint (octa_audio_part_track_get_machine (track), ==, machines[t]);
        g_assert_true (G_OBJECT_TYPE (track) == (machines[t] == OCTA_MACHINE_KIND_THRU
                                                 ? OCTA_TYPE_THRU_PART_TRACK
                                                 : machines[t] == OCTA_MACHINE_KIND_FLEX
                                                 ? OCTA_TYPE_FLEX_PART_TRACK
                                                 : OCTA_TYPE_STATIC_PART_TRACK));
      }
  }

  /* §2.5.8: CTRL1 setup byte 0 is 1 on M1 and M2; channels 8, 9, 1, 1, 14 … */
  {
    g_autoptr(OctaMidiPartTrack) m1 = octa_part_get_midi_track (part, 0);
    g_autoptr(OctaMidiPartTrack) m5 = octa_part_get_midi_track (part, 4);
    g_autoptr(OctaMidiPartTrack) m3 = octa_part_get_midi_track (part, 2);

    g_object_get (m1, "ctrl1-setup-byte0", &value, NULL);
    g_assert_cmpint (value, ==, 1);
    g_object_get (m3, "ctrl1-setup-byte0", &value, NULL);
    g_assert_cmpint (value, ==, 0);
    g_assert_cmpuint (octa_midi_part_track_get_channel (m1), ==, 8);
    g_assert_cmpuint (octa_midi_part_track_get_channel (m5), ==, 14);
  }
  g_assert_true (octa_part_get_edited (part));
  g_assert_true (octa_part_get_has_saved (part));
  g_assert_false (octa_project_get_modified (project));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/parts/audio-properties", test_audio_properties);
  g_test_add_func ("/model/parts/midi-properties", test_midi_properties);
  g_test_add_func ("/model/parts/part-properties", test_part_properties);
  g_test_add_func ("/model/parts/offsets-every-track", test_offsets_every_track);
  g_test_add_func ("/model/parts/scenes", test_scenes);
  g_test_add_func ("/model/parts/lfo-designer", test_lfo_designer);
  g_test_add_func ("/model/parts/machine-swap", test_machine_swap);
  g_test_add_func ("/model/parts/save-reload", test_save_reload);
  g_test_add_func ("/model/parts/lists", test_lists);
  g_test_add_func ("/model/parts/corpus", test_corpus_part);

  return g_test_run ();
}
