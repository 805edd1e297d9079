/* SPDX-License-Identifier: MIT */
#include <string.h>

#include "octa-test-utils.h"

#define BLANK_MD5  "43845456d1ebf01f3a4221fa14c4e6cc"
#define NAME       "test.work"
#define BANNER     "############################"
#define REC1       "[SAMPLE]\r\nTYPE=FLEX\r\nSLOT=129\r\n"

/* 0-based slot references */
#define FX(n)      { OCTA_SLOT_FLEX, n }
#define ST(n)      { OCTA_SLOT_STATIC, n }

/* Helpers ------------------------------------------------------------------- */

static char *
blank_text (void)
{
  g_autoptr(OctaProjectFile) blank = octa_project_file_new_blank (NAME);
  g_autoptr(GBytes) bytes = octa_project_file_encode (blank);
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  return g_strndup (data, len);
}

static const char *
find_nth (const char *text,
          const char *needle,
          guint       nth)
{
  const char *p = text;

  for (guint i = 0;; i++)
    {
      p = strstr (p, needle);
      g_assert_nonnull (p);
      if (i == nth)
        return p;
      p += strlen (needle);
    }
}

static guint
count_of (const char *text,
          const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + strlen (needle), needle))
    n++;
  return n;
}

static char *
replace_nth (const char *text,
             const char *old,
             const char *replacement,
             guint       nth)
{
  const char *p = find_nth (text, old, nth);

  return g_strdup_printf ("%.*s%s%s", (int) (p - text), text, replacement, p + strlen (old));
}

static char *
replace_first (const char *text,
               const char *old,
               const char *replacement)
{
  return replace_nth (text, old, replacement, 0);
}

static char *
replace_last (const char *text,
              const char *old,
              const char *replacement)
{
  return replace_nth (text, old, replacement, count_of (text, old) - 1);
}

static char *
replace_all (const char *text,
             const char *old,
             const char *replacement)
{
  g_auto(GStrv) parts = g_strsplit (text, old, -1);

  return g_strjoinv (replacement, parts);
}

static char *
insert_before (const char *text,
               const char *anchor,
               const char *insertion)
{
  g_autofree char *with = g_strconcat (insertion, anchor, NULL);

  return replace_first (text, anchor, with);
}

/* 1-based line number of the first line that starts with @needle */
static guint
line_of (const char *text,
         const char *needle)
{
  const char *p = text;

  while (TRUE)
    {
      p = strstr (p, needle);
      g_assert_nonnull (p);
      if (p == text || p[-1] == '\n')
        break;
      p++;
    }

  {
    guint n = 1;

    for (const char *q = text; q < p; q++)
      if (*q == '\n')
        n++;
    return n;
  }
}

static OctaProjectFile *
load_len (const char *text,
          gsize       len)
{
  g_autoptr(GError) error = NULL;
  OctaProjectFile *project = octa_project_file_new_from_data ((const guint8 *) text, len,
                                                              NAME, &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);
  return project;
}

static OctaProjectFile *
load (const char *text)
{
  return load_len (text, strlen (text));
}

static void
assert_encodes_to_len (const OctaProjectFile *project,
                       const char            *expected,
                       gsize                  len)
{
  g_autoptr(GBytes) bytes = octa_project_file_encode (project);
  gsize got_len;
  const char *got = g_bytes_get_data (bytes, &got_len);

  if (got_len != len || memcmp (got, expected, len) != 0)
    {
      g_autofree char *a = g_strescape (expected, NULL);
      g_autofree char *b = g_strndup (got, got_len);
      g_autofree char *be = g_strescape (b, NULL);

      g_error ("encoded text differs:\nexpected: %s\n     got: %s", a, be);
    }
}

static void
assert_encodes_to (const OctaProjectFile *project,
                   const char            *expected)
{
  assert_encodes_to_len (project, expected, strlen (expected));
}

/* Loads, checks the round trip and that validation agrees. */
static OctaProjectFile *
round_trip (const char *text)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  OctaProjectFile *project = load (text);

  assert_encodes_to (project, text);
  g_assert_true (octa_project_file_validate ((const guint8 *) text, strlen (text), NAME, problems));
  g_assert_cmpuint (problems->len, ==, 0);
  return project;
}

static void
assert_load_error_len (const char *text,
                       gsize       len,
                       gint        code,
                       guint       line)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(OctaProjectFile) project = NULL;
  const GError *first;

  project = octa_project_file_new_from_data ((const guint8 *) text, len, NAME, &error);
  g_assert_null (project);
  g_assert_error (error, OCTA_CODEC_ERROR, code);
  g_assert_true (g_str_has_prefix (error->message, NAME ": "));
  if (line > 0)
    {
      g_autofree char *prefix = g_strdup_printf (NAME ": line %u: ", line);

      if (!g_str_has_prefix (error->message, prefix))
        g_error ("expected \"%s…\", got \"%s\"", prefix, error->message);
    }

  g_assert_false (octa_project_file_validate ((const guint8 *) text, len, NAME, problems));
  g_assert_cmpuint (problems->len, >=, 1);
  first = g_ptr_array_index (problems, 0);
  g_assert_error (first, OCTA_CODEC_ERROR, code);
  g_assert_cmpstr (first->message, ==, error->message);
}

static void
assert_load_error (const char *text,
                   gint        code,
                   guint       line)
{
  assert_load_error_len (text, strlen (text), code, line);
}

static void
assert_slots (const OctaProjectFile *project,
              const OctaSlotRef     *expected,
              guint                  n)
{
  g_autoptr(GArray) refs = octa_project_file_list_samples (project);

  g_assert_cmpuint (refs->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      const OctaSlotRef *ref = &g_array_index (refs, OctaSlotRef, i);

      g_assert_cmpint (ref->type, ==, expected[i].type);
      g_assert_cmpuint (ref->slot, ==, expected[i].slot);
    }
}

static gint
attr (const OctaProjectFile *project,
      OctaSlotType           type,
      guint                  slot,
      OctaSampleAttr         which)
{
  gint value = G_MININT;

  g_assert_true (octa_project_file_get_sample_attr (project, type, slot, which, &value));
  return value;
}

/* A block as octa_project_file_add_sample writes it, with its empty line. */
static char *
new_block (const char *type,
           guint       slot1,
           const char *path,
           gint        bpm,
           const char *eol)
{
  return g_strdup_printf ("[SAMPLE]%sTYPE=%s%sSLOT=%03u%sPATH=%s%sBPMx24=%d%sTSMODE=2%s"
                          "LOOPMODE=0%sGAIN=48%sTRIGQUANTIZATION=-1%s[/SAMPLE]%s%s",
                          eol, type, eol, slot1, eol, path, eol, bpm, eol, eol,
                          eol, eol, eol, eol, eol);
}

/* 1. Blank ------------------------------------------------------------------ */

static void
test_blank (void)
{
  g_autoptr(OctaProjectFile) blank = octa_project_file_new_blank ("project.work");
  g_autoptr(GBytes) bytes = octa_project_file_encode (blank);
  g_autofree char *md5 = g_compute_checksum_for_bytes (G_CHECKSUM_MD5, bytes);
  g_autofree char *text = blank_text ();
  g_autoptr(OctaProjectFile) reloaded = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  static const char *const sections[] = {
    OCTA_SECTION_META, OCTA_SECTION_SETTINGS, OCTA_SECTION_STATES
  };
  static const guint n_keys[] = { 3, 56, 15 };
  OctaSlotRef recorders[OCTA_N_RECORDER_SLOTS];

  g_assert_cmpstr (md5, ==, BLANK_MD5);
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, 2899);
  g_assert_cmpuint (octa_project_file_get_n_lines (blank), ==, 192);
  g_assert_cmpuint (count_of (text, "\r\n"), ==, 192);
  g_assert_cmpuint (count_of (text, "\n"), ==, 192);
  g_assert_true (g_str_has_suffix (text, BANNER "\r\n\r\n"));
  g_assert_cmpstr (octa_project_file_get_name (blank), ==, "project.work");
  g_assert_cmpstr (octa_project_file_get_line (blank, 0), ==, BANNER);
  g_assert_cmpstr (octa_project_file_get_line (blank, 7), ==, "OS_VERSION=R0177     1.40B");
  g_assert_cmpstr (octa_project_file_get_line (blank, 191), ==, "");

  for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
    {
      const char *const *keys = octa_project_file_known_keys (sections[s]);

      g_assert_cmpuint (g_strv_length ((char **) keys), ==, n_keys[s]);
      for (guint k = 0; keys[k] != NULL; k++)
        {
          gint def, got;
          guint repeats = g_str_equal (keys[k], "TRIG_MODE_MIDI") ? 8 : 1;

          g_assert_cmpuint (octa_project_file_count_key (blank, sections[s], keys[k]), ==, repeats);
          for (guint nth = 0; nth < repeats; nth++)
            g_assert_true (octa_project_file_has_key (blank, sections[s], keys[k], nth));
          g_assert_false (octa_project_file_has_key (blank, sections[s], keys[k], repeats));

          if (!octa_project_file_key_default (sections[s], keys[k], &def))
            {
              /* only the META strings have no integer default */
              g_assert_cmpstr (sections[s], ==, OCTA_SECTION_META);
              continue;
            }
          for (guint nth = 0; nth < repeats; nth++)
            {
              g_assert_true (octa_project_file_lookup_int (blank, sections[s], keys[k], nth, &got));
              g_assert_cmpint (got, ==, def);
              g_assert_cmpint (octa_project_file_get_int (blank, sections[s], keys[k], nth), ==,
                               def);
            }
        }
    }

  /* a few defaults from the spec's tables, independent of the code's tables */
  g_assert_cmpint (octa_project_file_get_int (blank, "SETTINGS", "TEMPOx24", 0), ==, 2880);
  g_assert_cmpint (octa_project_file_get_int (blank, "SETTINGS", "MIDI_PROGRAM_CHANGE_SEND_CH", 0),
                   ==, -1);
  g_assert_cmpint (octa_project_file_get_int (blank, "SETTINGS", "MIDI_TRIG_CH8", 0), ==, 7);
  g_assert_cmpint (octa_project_file_get_int (blank, "SETTINGS", "MIDI_AUTO_CHANNEL", 0), ==, 10);
  g_assert_cmpint (octa_project_file_get_int (blank, "SETTINGS", "GATE_CD", 0), ==, 127);
  g_assert_cmpint (octa_project_file_get_int (blank, "SETTINGS", "METRONOME_PITCH", 0), ==, 12);
  g_assert_cmpint (octa_project_file_get_int (blank, "META", "VERSION", 0), ==, 19);
  g_assert_cmpint (octa_project_file_get_int (blank, "STATES", "MIDI_MODE", 0), ==, 0);
  {
    g_autofree char *type = octa_project_file_dup_string (blank, "META", "TYPE");
    g_autofree char *os = octa_project_file_dup_string (blank, "META", "OS_VERSION");

    g_assert_cmpstr (type, ==, "OCTATRACK DPS-1 PROJECT");
    g_assert_cmpstr (os, ==, "R0177     1.40B");
  }
  g_assert_false (octa_project_file_key_default ("SETTINGS", "NO_SUCH_KEY", NULL));
  g_assert_false (octa_project_file_key_default ("SAMPLE", "GAIN", NULL));
  g_assert_cmpuint (g_strv_length ((char **) octa_project_file_known_keys ("NOPE")), ==, 0);
  g_assert_cmpuint (g_strv_length ((char **) octa_project_file_known_keys ("SAMPLE")), ==, 9);

  for (guint i = 0; i < OCTA_N_RECORDER_SLOTS; i++)
    {
      g_autofree char *path = octa_project_file_dup_sample_path (blank, OCTA_SLOT_FLEX, 128 + i);

      recorders[i].type = OCTA_SLOT_FLEX;
      recorders[i].slot = 128 + i;
      g_assert_cmpstr (path, ==, "");
      g_assert_cmpint (attr (blank, OCTA_SLOT_FLEX, 128 + i, OCTA_SAMPLE_ATTR_BPM_X24), ==, 2880);
      g_assert_false (octa_project_file_get_sample_attr (blank, OCTA_SLOT_FLEX, 128 + i,
                                                         OCTA_SAMPLE_ATTR_TRIM_BARS_X100, NULL));
      g_assert_cmpint (attr (blank, OCTA_SLOT_FLEX, 128 + i, OCTA_SAMPLE_ATTR_TSMODE), ==, 2);
      g_assert_cmpint (attr (blank, OCTA_SLOT_FLEX, 128 + i, OCTA_SAMPLE_ATTR_LOOPMODE), ==, 0);
      g_assert_cmpint (attr (blank, OCTA_SLOT_FLEX, 128 + i, OCTA_SAMPLE_ATTR_GAIN), ==, 72);
      g_assert_cmpint (attr (blank, OCTA_SLOT_FLEX, 128 + i, OCTA_SAMPLE_ATTR_TRIGQUANTIZATION),
                       ==, -1);
    }
  assert_slots (blank, recorders, OCTA_N_RECORDER_SLOTS);
  g_assert_false (octa_project_file_has_sample (blank, OCTA_SLOT_FLEX, 0));
  g_assert_false (octa_project_file_has_sample (blank, OCTA_SLOT_STATIC, 0));
  g_assert_null (octa_project_file_dup_sample_path (blank, OCTA_SLOT_STATIC, 0));

  reloaded = load (text);
  assert_encodes_to (reloaded, text);
  g_assert_true (octa_project_file_equal (blank, reloaded));
  g_assert_true (octa_project_file_validate ((const guint8 *) text, strlen (text), NAME, problems));
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_copy (void)
{
  g_autoptr(OctaProjectFile) blank = octa_project_file_new_blank (NULL);
  g_autoptr(OctaProjectFile) copy = octa_project_file_copy (blank);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = blank_text ();

  g_assert_true (octa_project_file_equal (blank, copy));
  g_assert_true (octa_project_file_set_int (copy, "SETTINGS", "TEMPOx24", 0, 3000, &error));
  g_assert_no_error (error);
  g_assert_false (octa_project_file_equal (blank, copy));
  assert_encodes_to (blank, text);

  octa_project_file_set_name (copy, "other/project.strd");
  g_assert_cmpstr (octa_project_file_get_name (copy), ==, "other/project.strd");
  g_assert_cmpstr (octa_project_file_get_name (blank), ==, "project.work");
}

/* 2. Round trips of dialects ------------------------------------------------ */

static void
test_variant_lf (void)
{
  g_autofree char *blank = blank_text ();
  g_autofree char *text = replace_all (blank, "\r\n", "\n");
  g_autoptr(OctaProjectFile) project = round_trip (text);

  g_assert_cmpuint (octa_project_file_get_n_lines (project), ==, 192);
  g_assert_cmpint (octa_project_file_get_int (project, "SETTINGS", "TEMPOx24", 0), ==, 2880);
  g_assert_cmpint (attr (project, OCTA_SLOT_FLEX, 135, OCTA_SAMPLE_ATTR_GAIN), ==, 72);
  g_assert_cmpstr (octa_project_file_get_line (project, 12), ==, "TEMPOx24=2880");
}

static void
test_variant_no_final_line (void)
{
  g_autofree char *blank = blank_text ();
  /* octapy: ends in "####\r\n" without the empty line */
  g_autofree char *text = g_strndup (blank, strlen (blank) - 2);
  /* and a file whose last line has no terminator at all */
  g_autofree char *bare = g_strndup (blank, strlen (blank) - 4);
  g_autoptr(OctaProjectFile) project = round_trip (text);
  g_autoptr(OctaProjectFile) project2 = round_trip (bare);

  g_assert_cmpuint (octa_project_file_get_n_lines (project), ==, 191);
  g_assert_cmpuint (octa_project_file_get_n_lines (project2), ==, 191);
  g_assert_cmpstr (octa_project_file_get_line (project2, 190), ==, BANNER);
  g_assert_cmpint (attr (project, OCTA_SLOT_FLEX, 135, OCTA_SAMPLE_ATTR_TRIGQUANTIZATION), ==, -1);
}

static void
test_variant_unknown_keys (void)
{
  g_autofree char *blank = blank_text ();
  g_autofree char *a = insert_before (blank, "PATTERN_TEMPO_ENABLED=", "FOO_BAR=xyz\r\n");
  g_autofree char *b = insert_before (a, "TSMODE=2\r\n", "EXTRA=1\r\nNOTE=a=b\r\n");
  g_autofree char *text = insert_before (b, "BANK=", "LATER_OS_KEY=7\r\n");
  g_autoptr(OctaProjectFile) project = round_trip (text);
  g_autofree char *foo = octa_project_file_dup_string (project, "SETTINGS", "FOO_BAR");

  g_assert_cmpstr (foo, ==, "xyz");
  g_assert_cmpint (octa_project_file_get_int (project, "SETTINGS", "TEMPOx24", 0), ==, 2880);
  g_assert_cmpint (octa_project_file_get_int (project, "SETTINGS", "PATTERN_TEMPO_ENABLED", 0), ==,
                   0);
  g_assert_cmpint (octa_project_file_get_int (project, "STATES", "LATER_OS_KEY", 0), ==, 7);
  g_assert_cmpint (octa_project_file_get_int (project, "STATES", "BANK", 0), ==, 0);
  g_assert_cmpint (attr (project, OCTA_SLOT_FLEX, 128, OCTA_SAMPLE_ATTR_TSMODE), ==, 2);
  g_assert_cmpuint (octa_project_file_get_n_lines (project), ==, 196);
}

static void
test_variant_unknown_section (void)
{
  g_autofree char *blank = blank_text ();
  g_autofree char *text = insert_before (blank, BANNER "\r\n# Samples",
                                         "[EXTRA]\r\nA=1\r\nB=two words\r\n# note\r\n"
                                         "[/EXTRA]\r\n\r\n"
                                         "[EXTRA]\r\nA=2\r\n[/EXTRA]\r\n\r\n");
  g_autoptr(OctaProjectFile) project = round_trip (text);
  g_autofree char *b = octa_project_file_dup_string (project, "EXTRA", "B");

  g_assert_cmpstr (b, ==, "two words");
  g_assert_cmpint (octa_project_file_get_int (project, "EXTRA", "A", 0), ==, 1);
  g_assert_cmpint (octa_project_file_get_int (project, "EXTRA", "MISSING", 0), ==, 0);
  {
    g_autoptr(GArray) refs = octa_project_file_list_samples (project);

    g_assert_cmpuint (refs->len, ==, 8);
  }
}

static void
test_variant_repeated_keys (void)
{
  g_autofree char *blank = blank_text ();
  g_autoptr(GString) eight = g_string_new (NULL);
  g_autofree char *all_zero = NULL;
  g_autofree char *a = NULL;
  g_autofree char *text = NULL;
  g_autoptr(OctaProjectFile) project = NULL;

  for (guint i = 0; i < 8; i++)
    g_string_append_printf (eight, "TRIG_MODE_MIDI=%u\r\n", i * 3);
  all_zero = g_strdup (find_nth (blank, "TRIG_MODE_MIDI=0\r\n", 0));
  *strstr (all_zero, "[/SETTINGS]") = '\0';
  a = replace_first (blank, all_zero, eight->str);
  text = insert_before (a, "[/STATES]", "DUP=1\r\nDUP=-2\r\n");

  project = round_trip (text);
  g_assert_cmpuint (octa_project_file_count_key (project, "SETTINGS", "TRIG_MODE_MIDI"), ==, 8);
  for (guint i = 0; i < 8; i++)
    g_assert_cmpint (octa_project_file_get_int (project, "SETTINGS", "TRIG_MODE_MIDI", i), ==,
                     i * 3);
  g_assert_cmpint (octa_project_file_get_int (project, "STATES", "DUP", 0), ==, 1);
  g_assert_cmpint (octa_project_file_get_int (project, "STATES", "DUP", 1), ==, -2);
  g_assert_false (octa_project_file_has_key (project, "STATES", "DUP", 2));
}

static void
test_variant_values (void)
{
  g_autofree char *blank = blank_text ();
  g_autofree char *a = replace_all (blank, "TRIGQUANTIZATION=-1", "TRIGQUANTIZATION=255");
  g_autofree char *b = replace_first (a, "MIDI_CLOCK_SEND=0", "MIDI_CLOCK_SEND=2");
  g_autofree char *c = replace_first (b, "TEMPOx24=2880", "TEMPOx24=3027");
  g_autofree char *text = replace_first (c, "RESERVED_RECORDER_LENGTH=16",
                                         "RESERVED_RECORDER_LENGTH=2147483647");
  g_autoptr(OctaProjectFile) project = round_trip (text);
  gint v = 0;

  g_assert_cmpint (attr (project, OCTA_SLOT_FLEX, 130, OCTA_SAMPLE_ATTR_TRIGQUANTIZATION), ==, 255);
  g_assert_cmpint (octa_project_file_get_int (project, "SETTINGS", "MIDI_CLOCK_SEND", 0), ==, 2);
  g_assert_cmpint (octa_project_file_get_int (project, "SETTINGS", "TEMPOx24", 0), ==, 3027);
  g_assert_cmpint (octa_project_file_get_int (project, "SETTINGS", "RESERVED_RECORDER_LENGTH", 0),
                   ==, G_MAXINT32);

  /* out of 32-bit range or not a number: not an integer, default used */
  {
    g_autofree char *big = replace_first (blank, "GATE_AB=127", "GATE_AB=2147483648");
    g_autofree char *word = replace_first (blank, "GATE_AB=127", "GATE_AB=loud");
    g_autoptr(OctaProjectFile) p1 = round_trip (big);
    g_autoptr(OctaProjectFile) p2 = round_trip (word);

    g_assert_false (octa_project_file_lookup_int (p1, "SETTINGS", "GATE_AB", 0, &v));
    g_assert_cmpint (octa_project_file_get_int (p1, "SETTINGS", "GATE_AB", 0), ==, 127);
    g_assert_false (octa_project_file_lookup_int (p2, "SETTINGS", "GATE_AB", 0, &v));
    g_assert_cmpint (octa_project_file_get_int (p2, "SETTINGS", "GATE_AB", 0), ==, 127);
  }
}

static const char flex1_unpadded[] =
  "[SAMPLE]\r\nTYPE=FLEX\r\nSLOT=1\r\nPATH=../AUDIO/a.wav\r\nTRIM_BARSx100=0\r\nTSMODE=2\r\n"
  "LOOPMODE=0\r\nGAIN=72\r\nTRIGQUANTIZATION=255\r\n[/SAMPLE]\r\n\r\n";
static const char static2_unpadded[] =
  "[SAMPLE]\r\nTYPE=STATIC\r\nSLOT=2\r\nPATH=/home/user/AUDIO/b.wav\r\nTRIM_BARSx100=0\r\n"
  "TSMODE=2\r\nLOOPMODE=0\r\nGAIN=72\r\nTRIGQUANTIZATION=255\r\n[/SAMPLE]\r\n\r\n";

static void
test_variant_unpadded_interleaved (void)
{
  g_autofree char *blank = blank_text ();
  g_autofree char *blocks = g_strconcat (static2_unpadded, flex1_unpadded, NULL);
  g_autofree char *text = insert_before (blank, REC1, blocks);
  g_autoptr(OctaProjectFile) project = round_trip (text);
  g_autofree char *path = octa_project_file_dup_sample_path (project, OCTA_SLOT_STATIC, 1);
  static const OctaSlotRef expected[] = {
    ST (1), FX (0),
    FX (128), FX (129), FX (130),
    FX (131), FX (132), FX (133),
    FX (134), FX (135),
  };

  assert_slots (project, expected, G_N_ELEMENTS (expected));
  g_assert_cmpstr (path, ==, "/home/user/AUDIO/b.wav");
  g_assert_cmpint (attr (project, OCTA_SLOT_FLEX, 0, OCTA_SAMPLE_ATTR_TRIM_BARS_X100), ==, 0);
  g_assert_false (octa_project_file_get_sample_attr (project, OCTA_SLOT_FLEX, 0,
                                                     OCTA_SAMPLE_ATTR_BPM_X24, NULL));
  g_assert_true (octa_project_file_has_sample (project, OCTA_SLOT_STATIC, 1));
  g_assert_false (octa_project_file_has_sample (project, OCTA_SLOT_STATIC, 0));
}

static const char both_trim_first[] =
  "[SAMPLE]\r\nTYPE=STATIC\r\nSLOT=001\r\nPATH=old_static.wav\r\nTRIM_BARSx100=200\r\n"
  "BPMx24=2400\r\nTSMODE=0\r\nLOOPMODE=0\r\nGAIN=50\r\nTRIGQUANTIZATION=255\r\n[/SAMPLE]\r\n\r\n";
static const char both_bpm_first[] =
  "[SAMPLE]\r\nTYPE=STATIC\r\nSLOT=002\r\nPATH=two.wav\r\nBPMx24=2400\r\nTRIM_BARSx100=800\r\n"
  "TSMODE=3\r\nLOOPMODE=1\r\nGAIN=50\r\nTRIGQUANTIZATION=7\r\n[/SAMPLE]\r\n\r\n";

static void
test_variant_both_length_keys (void)
{
  g_autofree char *blank = blank_text ();
  g_autofree char *blocks = g_strconcat (both_trim_first, both_bpm_first, NULL);
  g_autofree char *text = replace_last (blank, BANNER "\r\n\r\n",
                                        blocks);
  g_autofree char *full = g_strconcat (text, BANNER "\r\n\r\n", NULL);
  g_autoptr(OctaProjectFile) project = round_trip (full);

  g_assert_cmpint (attr (project, OCTA_SLOT_STATIC, 0, OCTA_SAMPLE_ATTR_TRIM_BARS_X100), ==, 200);
  g_assert_cmpint (attr (project, OCTA_SLOT_STATIC, 0, OCTA_SAMPLE_ATTR_BPM_X24), ==, 2400);
  g_assert_cmpint (attr (project, OCTA_SLOT_STATIC, 1, OCTA_SAMPLE_ATTR_TRIM_BARS_X100), ==, 800);
  g_assert_cmpint (attr (project, OCTA_SLOT_STATIC, 1, OCTA_SAMPLE_ATTR_BPM_X24), ==, 2400);
  g_assert_cmpint (attr (project, OCTA_SLOT_STATIC, 1, OCTA_SAMPLE_ATTR_TSMODE), ==, 3);
  g_assert_cmpint (attr (project, OCTA_SLOT_STATIC, 1, OCTA_SAMPLE_ATTR_LOOPMODE), ==, 1);
  g_assert_cmpint (attr (project, OCTA_SLOT_STATIC, 1, OCTA_SAMPLE_ATTR_TRIGQUANTIZATION), ==, 7);
  g_assert_cmpuint (octa_project_file_get_n_lines (project), ==, 192 + 24);
}

static void
test_variant_latin1 (void)
{
  g_autofree char *blank = blank_text ();
  g_autofree char *text = replace_first (blank, "PATH=\r\n",
                                         "PATH=../AUDIO/caf\xe9 d\xe9j\xe0.wav\r\n");
  g_autofree char *text8 = replace_first (blank, "PATH=\r\n", "PATH=../AUDIO/caf\xc3\xa9.wav\r\n");
  g_autoptr(OctaProjectFile) project = round_trip (text);
  g_autoptr(OctaProjectFile) project8 = round_trip (text8);
  g_autofree char *path = octa_project_file_dup_sample_path (project, OCTA_SLOT_FLEX, 128);
  g_autofree char *path8 = octa_project_file_dup_sample_path (project8, OCTA_SLOT_FLEX, 128);

  g_assert_cmpstr (path, ==, "../AUDIO/caf\xc3\xa9 d\xc3\xa9j\xc3\xa0.wav");
  g_assert_cmpstr (path8, ==, "../AUDIO/caf\xc3\xa9.wav");
  /* get_line gives the raw bytes */
  g_assert_cmpstr (octa_project_file_get_line (project, 105), ==,
                   "PATH=../AUDIO/caf\xe9 d\xe9j\xe0.wav");
}

static void
test_variant_blank_lines (void)
{
  g_autofree char *blank = blank_text ();
  g_autofree char *a = insert_before (blank, "TEMPOx24=", "\r\n  \r\n# a comment\r\n");
  g_autofree char *b = insert_before (a, "[SETTINGS]", "\r\n\r\n");
  g_autofree char *c = insert_before (b, "GAIN=72", "\t\r\n");
  g_autofree char *d = replace_nth (c, "[/SAMPLE]\r\n\r\n", "[/SAMPLE]\r\n\r\n\r\n\r\n", 3);
  g_autofree char *text = insert_before (d, "TYPE=OCTATRACK", "\r\n");
  g_autoptr(OctaProjectFile) project = round_trip (text);

  g_assert_cmpint (octa_project_file_get_int (project, "SETTINGS", "TEMPOx24", 0), ==, 2880);
  g_assert_cmpint (octa_project_file_get_int (project, "META", "VERSION", 0), ==, 19);
  g_assert_cmpint (attr (project, OCTA_SLOT_FLEX, 128, OCTA_SAMPLE_ATTR_GAIN), ==, 72);
  g_assert_cmpint (attr (project, OCTA_SLOT_FLEX, 132, OCTA_SAMPLE_ATTR_GAIN), ==, 72);
  {
    g_autoptr(GArray) refs = octa_project_file_list_samples (project);

    g_assert_cmpuint (refs->len, ==, 8);
  }
}

/* 3. Edits ------------------------------------------------------------------ */

static void
test_edit_set_int (void)
{
  g_autofree char *blank = blank_text ();
  g_autoptr(OctaProjectFile) project = load (blank);
  g_autoptr(GError) error = NULL;
  g_autofree char *e1 = replace_first (blank, "TEMPOx24=2880\r\n", "TEMPOx24=3027\r\n");
  g_autofree char *e2 = replace_nth (e1, "TRIG_MODE_MIDI=0", "TRIG_MODE_MIDI=2", 4);
  g_autofree char *e3 = replace_first (e2, "MIDI_CLOCK_SEND=0", "MIDI_CLOCK_SEND=-7");
  g_autofree char *e4 = replace_first (e3, "PATTERN=0", "PATTERN=3");
  g_autofree char *e5 = insert_before (e4, "[/SETTINGS]", "NEW_KEY=5\r\n");

  g_assert_true (octa_project_file_set_int (project, "SETTINGS", "TEMPOx24", 0, 3027, &error));
  g_assert_no_error (error);
  assert_encodes_to (project, e1);

  g_assert_true (octa_project_file_set_int (project, "SETTINGS", "TRIG_MODE_MIDI", 4, 2, &error));
  g_assert_no_error (error);
  assert_encodes_to (project, e2);
  g_assert_cmpint (octa_project_file_get_int (project, "SETTINGS", "TRIG_MODE_MIDI", 4), ==, 2);
  g_assert_cmpint (octa_project_file_get_int (project, "SETTINGS", "TRIG_MODE_MIDI", 3), ==, 0);

  g_assert_true (octa_project_file_set_int (project, "SETTINGS", "MIDI_CLOCK_SEND", 0, -7, &error));
  g_assert_true (octa_project_file_set_int (project, "STATES", "PATTERN", 0, 3, &error));
  g_assert_no_error (error);
  assert_encodes_to (project, e4);

  /* a key the device does not know goes at the end of its section */
  g_assert_true (octa_project_file_set_int (project, "SETTINGS", "NEW_KEY", 0, 5, &error));
  g_assert_no_error (error);
  assert_encodes_to (project, e5);

  /* refusals leave the text alone */
  g_assert_false (octa_project_file_set_int (project, "NOSUCH", "A", 0, 1, &error));
  g_assert_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (octa_project_file_set_int (project, "SETTINGS", "A=B", 0, 1, &error));
  g_assert_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (octa_project_file_set_int (project, "SETTINGS", "BAD KEY", 0, 1, &error));
  g_assert_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  assert_encodes_to (project, e5);
}

static void
test_edit_insert_missing (void)
{
  g_autofree char *blank = blank_text ();
  g_autoptr(GError) error = NULL;

  /* a key in the middle, the first key, and the last key of STATES */
  {
    static const char *const removed[] = {
      "MIDI_SOFT_THRU=0\r\n", "WRITEPROTECTED=0\r\n", "MIDI_MODE=0\r\n", "BANK=0\r\n",
    };
    static const char *const section[] = { "SETTINGS", "SETTINGS", "STATES", "STATES" };

    for (guint i = 0; i < G_N_ELEMENTS (removed); i++)
      {
        g_autofree char *text = replace_first (blank, removed[i], "");
        g_autoptr(OctaProjectFile) project = load (text);
        g_autofree char *key = g_strndup (removed[i], strchr (removed[i], '=') - removed[i]);
        g_autofree char *line = g_strdup_printf ("%s=9\r\n", key);
        g_autofree char *expected = replace_first (blank, removed[i], line);

        g_assert_false (octa_project_file_has_key (project, section[i], key, 0));
        g_assert_true (octa_project_file_set_int (project, section[i], key, 0, 9, &error));
        g_assert_no_error (error);
        assert_encodes_to (project, expected);
      }
  }

  /* several missing in a row: each goes after the nearest one present */
  {
    g_autofree char *a = replace_first (blank, "GATE_AB=127\r\nGATE_CD=127\r\nGAIN_AB=64\r\n", "");
    g_autoptr(OctaProjectFile) project = load (a);
    g_autofree char *expected = replace_first (blank,
                                               "GATE_AB=127\r\nGATE_CD=127\r\nGAIN_AB=64\r\n",
                                               "GATE_AB=1\r\nGATE_CD=2\r\nGAIN_AB=3\r\n");

    g_assert_true (octa_project_file_set_int (project, "SETTINGS", "GATE_CD", 0, 2, &error));
    g_assert_true (octa_project_file_set_int (project, "SETTINGS", "GAIN_AB", 0, 3, &error));
    g_assert_true (octa_project_file_set_int (project, "SETTINGS", "GATE_AB", 0, 1, &error));
    g_assert_no_error (error);
    assert_encodes_to (project, expected);
  }

  /* a later TRIG_MODE_MIDI than the file has: defaults fill the gap */
  {
    g_autofree char *eight = g_strdup (find_nth (blank, "TRIG_MODE_MIDI=0\r\n", 0));
    g_autofree char *three = NULL;
    g_autofree char *expected = NULL;
    g_autoptr(OctaProjectFile) project = NULL;

    *strstr (eight, "[/SETTINGS]") = '\0';
    three = replace_first (blank, eight,
                           "TRIG_MODE_MIDI=0\r\nTRIG_MODE_MIDI=0\r\nTRIG_MODE_MIDI=0\r\n");
    expected = replace_first (blank, eight,
                              "TRIG_MODE_MIDI=0\r\nTRIG_MODE_MIDI=0\r\nTRIG_MODE_MIDI=0\r\n"
                              "TRIG_MODE_MIDI=0\r\nTRIG_MODE_MIDI=0\r\nTRIG_MODE_MIDI=1\r\n");
    project = load (three);
    g_assert_cmpuint (octa_project_file_count_key (project, "SETTINGS", "TRIG_MODE_MIDI"), ==, 3);
    g_assert_true (octa_project_file_set_int (project, "SETTINGS", "TRIG_MODE_MIDI", 5, 1, &error));
    g_assert_no_error (error);
    assert_encodes_to (project, expected);
  }

  /* an LF file gets LF lines */
  {
    g_autofree char *lf = replace_all (blank, "\r\n", "\n");
    g_autofree char *text = replace_first (lf, "DIR_CD=0\n", "");
    g_autofree char *expected = replace_first (lf, "DIR_CD=0\n", "DIR_CD=4\n");
    g_autoptr(OctaProjectFile) project = load (text);

    g_assert_true (octa_project_file_set_int (project, "SETTINGS", "DIR_CD", 0, 4, &error));
    g_assert_no_error (error);
    assert_encodes_to (project, expected);
  }

  /* an edited line keeps its own ending, even in a mixed file */
  {
    g_autofree char *mixed = replace_first (blank, "TEMPOx24=2880\r\n", "TEMPOx24=2880\n");
    g_autofree char *expected = replace_first (blank, "TEMPOx24=2880\r\n", "TEMPOx24=2400\n");
    g_autoptr(OctaProjectFile) project = load (mixed);

    g_assert_true (octa_project_file_set_int (project, "SETTINGS", "TEMPOx24", 0, 2400, &error));
    assert_encodes_to (project, expected);
  }
}

static void
test_edit_strings (void)
{
  g_autofree char *blank = blank_text ();
  g_autoptr(OctaProjectFile) project = load (blank);
  g_autoptr(GError) error = NULL;
  g_autofree char *e1 = insert_before (blank, "[/SETTINGS]", "NAME=Zo\xeb caf\xe9\r\n");
  g_autofree char *e2 = replace_first (e1, "OS_VERSION=R0177     1.40B",
                                       "OS_VERSION=R0177     1.40C");
  g_autofree char *name = NULL;
  static const char *const refused[] = {
    "\xe6\x97\xa5\xe6\x9c\xac",   /* 日本: not Latin-1 */
    "a\nb", "a\rb", "tab\there", "bell\a", "del\x7f", "c1\xc2\x85",
    "\xc3\x83\xc2\xa9",           /* "Ã©": its Latin-1 bytes C3 A9 would read as "é" */
    "\xff\xfe",                   /* not UTF-8 */
  };

  g_assert_true (octa_project_file_set_string (project, "SETTINGS", "NAME",
                                               "Zo\xc3\xab caf\xc3\xa9", &error));
  g_assert_no_error (error);
  assert_encodes_to (project, e1);
  name = octa_project_file_dup_string (project, "SETTINGS", "NAME");
  g_assert_cmpstr (name, ==, "Zo\xc3\xab caf\xc3\xa9");

  g_assert_true (octa_project_file_set_string (project, "META", "OS_VERSION", "R0177     1.40C",
                                               &error));
  g_assert_no_error (error);
  assert_encodes_to (project, e2);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_assert_false (octa_project_file_set_string (project, "SETTINGS", "NAME", refused[i],
                                                    &error));
      g_assert_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_INVALID_VALUE);
      g_assert_true (g_str_has_prefix (error->message, NAME ": "));
      g_clear_error (&error);

      g_assert_false (octa_project_file_set_sample_path (project, OCTA_SLOT_FLEX, 128, refused[i],
                                                         &error));
      g_assert_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_INVALID_VALUE);
      g_clear_error (&error);

      g_assert_false (octa_project_file_add_sample (project, OCTA_SLOT_FLEX, 3, refused[i],
                                                    &error));
      g_assert_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_INVALID_VALUE);
      g_clear_error (&error);
    }
  assert_encodes_to (project, e2);
}

static void
test_edit_sample_attrs (void)
{
  g_autofree char *blank = blank_text ();
  g_autoptr(OctaProjectFile) project = load (blank);
  g_autoptr(GError) error = NULL;
  g_autofree char *e1 = replace_first (blank, "PATH=\r\n", "PATH=../AUDIO/caf\xe9.wav\r\n");
  g_autofree char *e2 = replace_nth (e1, "GAIN=72", "GAIN=50", 1);
  g_autofree char *e3 = replace_first (e2, "BPMx24=2880", "TRIM_BARSx100=173");
  g_autofree char *e4 = replace_first (e2, "BPMx24=2880", "BPMx24=3000");
  g_autofree char *path = NULL;

  g_assert_true (octa_project_file_set_sample_path (project, OCTA_SLOT_FLEX, 128,
                                                    "../AUDIO/caf\xc3\xa9.wav", &error));
  g_assert_no_error (error);
  assert_encodes_to (project, e1);
  path = octa_project_file_dup_sample_path (project, OCTA_SLOT_FLEX, 128);
  g_assert_cmpstr (path, ==, "../AUDIO/caf\xc3\xa9.wav");

  g_assert_true (octa_project_file_set_sample_attr (project, OCTA_SLOT_FLEX, 129,
                                                    OCTA_SAMPLE_ATTR_GAIN, 50, &error));
  g_assert_no_error (error);
  assert_encodes_to (project, e2);

  /* the length key switches in place */
  g_assert_true (octa_project_file_set_sample_attr (project, OCTA_SLOT_FLEX, 128,
                                                    OCTA_SAMPLE_ATTR_TRIM_BARS_X100, 173, &error));
  g_assert_no_error (error);
  assert_encodes_to (project, e3);
  g_assert_false (octa_project_file_get_sample_attr (project, OCTA_SLOT_FLEX, 128,
                                                     OCTA_SAMPLE_ATTR_BPM_X24, NULL));
  g_assert_cmpint (attr (project, OCTA_SLOT_FLEX, 128, OCTA_SAMPLE_ATTR_TRIM_BARS_X100), ==, 173);

  g_assert_true (octa_project_file_set_sample_attr (project, OCTA_SLOT_FLEX, 128,
                                                    OCTA_SAMPLE_ATTR_BPM_X24, 3000, &error));
  g_assert_no_error (error);
  assert_encodes_to (project, e4);

  /* no block */
  g_assert_false (octa_project_file_set_sample_attr (project, OCTA_SLOT_STATIC, 0,
                                                     OCTA_SAMPLE_ATTR_GAIN, 1, &error));
  g_assert_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (octa_project_file_set_sample_path (project, OCTA_SLOT_FLEX, 0, "x.wav", &error));
  g_assert_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_NOT_FOUND);
  g_clear_error (&error);
  assert_encodes_to (project, e4);

  /* a block with both length keys: only the named line changes */
  {
    g_autofree char *text = replace_last (blank, BANNER "\r\n\r\n", both_bpm_first);
    g_autofree char *full = g_strconcat (text, BANNER "\r\n\r\n", NULL);
    g_autofree char *expected = replace_first (full, "TRIM_BARSx100=800", "TRIM_BARSx100=100");
    g_autoptr(OctaProjectFile) both = load (full);

    g_assert_true (octa_project_file_set_sample_attr (both, OCTA_SLOT_STATIC, 1,
                                                      OCTA_SAMPLE_ATTR_TRIM_BARS_X100, 100,
                                                      &error));
    g_assert_no_error (error);
    assert_encodes_to (both, expected);
  }

  /* a missing attribute goes before [/SAMPLE] */
  {
    g_autofree char *text = replace_first (blank, "GAIN=72\r\n", "");
    g_autofree char *expected = replace_first (text, "TRIGQUANTIZATION=-1\r\n",
                                               "TRIGQUANTIZATION=-1\r\nGAIN=60\r\n");
    g_autoptr(OctaProjectFile) missing = load (text);

    g_assert_false (octa_project_file_get_sample_attr (missing, OCTA_SLOT_FLEX, 128,
                                                       OCTA_SAMPLE_ATTR_GAIN, NULL));
    g_assert_true (octa_project_file_set_sample_attr (missing, OCTA_SLOT_FLEX, 128,
                                                      OCTA_SAMPLE_ATTR_GAIN, 60, &error));
    g_assert_no_error (error);
    assert_encodes_to (missing, expected);
  }
}

static const char flex3_block[] =
  "[SAMPLE]\r\nTYPE=FLEX\r\nSLOT=003\r\nPATH=../AUDIO/three.wav\r\nTRIM_BARSx100=1600\r\n"
  "TSMODE=2\r\n"
  "LOOPMODE=1\r\nGAIN=48\r\nTRIGQUANTIZATION=-1\r\n[/SAMPLE]\r\n\r\n";

static void
test_edit_add_remove (void)
{
  g_autofree char *blank = blank_text ();
  g_autofree char *tempo = replace_first (blank, "TEMPOx24=2880", "TEMPOx24=3027");
  g_autofree char *base = insert_before (tempo, REC1, flex3_block);
  g_autoptr(OctaProjectFile) project = load (base);
  g_autoptr(GError) error = NULL;
  g_autofree char *flex5 = new_block ("FLEX", 5, "../AUDIO/five.wav", 3027, "\r\n");
  g_autofree char *static1 = new_block ("STATIC", 1, "../AUDIO/one.wav", 3027, "\r\n");
  g_autofree char *e1 = insert_before (base, REC1, flex5);
  g_autofree char *e2 = NULL;
  static const OctaSlotRef order[] = {
    FX (2), FX (4),
    FX (128), FX (129), FX (130),
    FX (131), FX (132), FX (133),
    FX (134), FX (135), ST (0),
  };

  {
    g_autofree char *head = replace_last (e1, BANNER "\r\n\r\n", static1);

    e2 = g_strconcat (head, BANNER "\r\n\r\n", NULL);
  }

  g_assert_true (octa_project_file_add_sample (project, OCTA_SLOT_FLEX, 4, "../AUDIO/five.wav",
                                               &error));
  g_assert_no_error (error);
  assert_encodes_to (project, e1);

  g_assert_true (octa_project_file_add_sample (project, OCTA_SLOT_STATIC, 0, "../AUDIO/one.wav",
                                               &error));
  g_assert_no_error (error);
  assert_encodes_to (project, e2);
  assert_slots (project, order, G_N_ELEMENTS (order));
  g_assert_cmpint (attr (project, OCTA_SLOT_STATIC, 0, OCTA_SAMPLE_ATTR_BPM_X24), ==, 3027);
  g_assert_cmpint (attr (project, OCTA_SLOT_STATIC, 0, OCTA_SAMPLE_ATTR_GAIN), ==, 48);

  /* duplicates are refused, including a recorder buffer */
  g_assert_false (octa_project_file_add_sample (project, OCTA_SLOT_FLEX, 4, "x.wav", &error));
  g_assert_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (octa_project_file_add_sample (project, OCTA_SLOT_FLEX, 130, "x.wav", &error));
  g_assert_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  assert_encodes_to (project, e2);

  /* recorder buffers stay */
  g_assert_false (octa_project_file_remove_sample (project, OCTA_SLOT_FLEX, 130, &error));
  g_assert_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (octa_project_file_remove_sample (project, OCTA_SLOT_STATIC, 99, &error));
  g_assert_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_NOT_FOUND);
  g_clear_error (&error);
  assert_encodes_to (project, e2);

  g_assert_true (octa_project_file_remove_sample (project, OCTA_SLOT_STATIC, 0, &error));
  g_assert_no_error (error);
  assert_encodes_to (project, e1);
  g_assert_true (octa_project_file_remove_sample (project, OCTA_SLOT_FLEX, 4, &error));
  g_assert_true (octa_project_file_remove_sample (project, OCTA_SLOT_FLEX, 2, &error));
  g_assert_no_error (error);
  assert_encodes_to (project, tempo);
}

static void
test_edit_add_dialects (void)
{
  g_autofree char *blank = blank_text ();
  g_autoptr(GError) error = NULL;

  /* slot-number order (FLEX 001, STATIC 001, FLEX 129…): before the first block sorting after */
  {
    g_autofree char *f1 = new_block ("FLEX", 1, "a.wav", 2880, "\r\n");
    g_autofree char *s1 = new_block ("STATIC", 1, "b.wav", 2880, "\r\n");
    g_autofree char *f2 = new_block ("FLEX", 2, "c.wav", 2880, "\r\n");
    g_autofree char *s5 = new_block ("STATIC", 5, "d.wav", 2880, "\r\n");
    g_autofree char *blocks = g_strconcat (f1, s1, NULL);
    g_autofree char *text = insert_before (blank, REC1, blocks);
    g_autofree char *e1 = insert_before (text, "[SAMPLE]\r\nTYPE=STATIC", f2);
    g_autofree char *head = replace_last (e1, BANNER "\r\n\r\n", s5);
    g_autofree char *e2 = g_strconcat (head, BANNER "\r\n\r\n", NULL);
    g_autoptr(OctaProjectFile) project = load (text);

    g_assert_true (octa_project_file_add_sample (project, OCTA_SLOT_FLEX, 1, "c.wav", &error));
    g_assert_no_error (error);
    assert_encodes_to (project, e1);
    g_assert_true (octa_project_file_add_sample (project, OCTA_SLOT_STATIC, 4, "d.wav", &error));
    g_assert_no_error (error);
    assert_encodes_to (project, e2);
  }

  /* a file ending right after the last [/SAMPLE], without a terminator */
  {
    g_autofree char *text = g_strndup (blank,
                                       strlen (blank) - strlen ("\r\n\r\n" BANNER "\r\n\r\n"));
    g_autofree char *s1 = new_block ("STATIC", 1, "b.wav", 2880, "\r\n");
    g_autofree char *expected = g_strconcat (text, "\r\n", s1, NULL);
    g_autoptr(OctaProjectFile) project = load (text);

    g_assert_true (g_str_has_suffix (text, "[/SAMPLE]"));
    g_assert_true (octa_project_file_add_sample (project, OCTA_SLOT_STATIC, 0, "b.wav", &error));
    g_assert_no_error (error);
    assert_encodes_to (project, expected);
  }

  /* a file without any block: before the closing banner */
  {
    g_autofree char *text = g_strdup (blank);
    g_autofree char *f1 = new_block ("FLEX", 1, "a.wav", 2880, "\r\n");
    g_autofree char *expected = NULL;
    g_autoptr(OctaProjectFile) project = NULL;
    char *from = strstr (text, REC1);
    char *to = strstr (from, BANNER);

    memmove (from, to, strlen (to) + 1);
    expected = replace_last (text, BANNER "\r\n\r\n", f1);
    {
      char *full = g_strconcat (expected, BANNER "\r\n\r\n", NULL);

      g_free (expected);
      expected = full;
    }
    project = load (text);
    {
      g_autoptr(GArray) refs = octa_project_file_list_samples (project);

      g_assert_cmpuint (refs->len, ==, 0);
    }
    g_assert_true (octa_project_file_add_sample (project, OCTA_SLOT_FLEX, 0, "a.wav", &error));
    g_assert_no_error (error);
    assert_encodes_to (project, expected);
  }

  /* LF file: LF block */
  {
    g_autofree char *lf = replace_all (blank, "\r\n", "\n");
    g_autofree char *f1 = new_block ("FLEX", 1, "a.wav", 2880, "\n");
    g_autofree char *expected = insert_before (lf, "[SAMPLE]\nTYPE=FLEX\nSLOT=129", f1);
    g_autoptr(OctaProjectFile) project = load (lf);

    g_assert_true (octa_project_file_add_sample (project, OCTA_SLOT_FLEX, 0, "a.wav", &error));
    g_assert_no_error (error);
    assert_encodes_to (project, expected);
    g_assert_true (octa_project_file_remove_sample (project, OCTA_SLOT_FLEX, 0, &error));
    assert_encodes_to (project, lf);
  }
}

/* 4. Missing keys ----------------------------------------------------------- */

static void
test_missing_keys_defaults (void)
{
  g_autofree char *blank = blank_text ();
  static const char *const sections[] = { OCTA_SECTION_SETTINGS, OCTA_SECTION_STATES };

  for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
    {
      const char *const *keys = octa_project_file_known_keys (sections[s]);

      for (guint k = 0; keys[k] != NULL; k++)
        {
          g_autofree char *line = g_strdup_printf ("\n%s=", keys[k]);
          g_autofree char *text = g_strdup (blank);
          g_autoptr(OctaProjectFile) project = NULL;
          gint def = G_MININT;
          char *p;

          /* remove every occurrence (TRIG_MODE_MIDI is there 8 times) */
          while ((p = strstr (text, line)) != NULL)
            {
              char *end = strchr (p + 1, '\n');

              memmove (p, end, strlen (end) + 1);
            }

          project = load (text);
          g_assert_true (octa_project_file_key_default (sections[s], keys[k], &def));
          g_assert_false (octa_project_file_has_key (project, sections[s], keys[k], 0));
          g_assert_false (octa_project_file_lookup_int (project, sections[s], keys[k], 0, NULL));
          g_assert_cmpint (octa_project_file_get_int (project, sections[s], keys[k], 0), ==, def);
          assert_encodes_to (project, text);
        }
    }

  /* whole sections missing still open, with defaults */
  {
    g_autofree char *text = g_strdup (blank);
    char *from = strstr (text, "[SETTINGS]");
    char *to = strstr (text, "[/STATES]\r\n") + strlen ("[/STATES]\r\n");
    g_autoptr(OctaProjectFile) project = NULL;
    g_autoptr(GError) error = NULL;

    memmove (from, to, strlen (to) + 1);
    project = load (text);
    g_assert_cmpint (octa_project_file_get_int (project, "SETTINGS", "TEMPOx24", 0), ==, 2880);
    g_assert_cmpint (octa_project_file_get_int (project, "SETTINGS", "MIDI_TRIG_CH3", 0), ==, 2);
    g_assert_cmpint (octa_project_file_get_int (project, "STATES", "PART", 0), ==, 0);
    g_assert_false (octa_project_file_set_int (project, "SETTINGS", "TEMPOx24", 0, 1, &error));
    g_assert_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_NOT_FOUND);
    /* new blocks fall back to the default tempo */
    g_clear_error (&error);
    g_assert_true (octa_project_file_add_sample (project, OCTA_SLOT_FLEX, 0, "a.wav", &error));
    g_assert_cmpint (attr (project, OCTA_SLOT_FLEX, 0, OCTA_SAMPLE_ATTR_BPM_X24), ==, 2880);
  }
}

/* 5. Bad input -------------------------------------------------------------- */

static void
test_bad_magic (void)
{
  g_autofree char *blank = blank_text ();
  g_autofree char *binary = g_strdup ("FORM\x01\x02\x03\x04" "DPS1BANK");
  g_autofree char *wrong_type = replace_first (blank, "OCTATRACK DPS-1 PROJECT",
                                               "OCTATRACK MKII PROJECT");

  assert_load_error_len ("", 0, OCTA_CODEC_ERROR_BAD_MAGIC, 0);
  assert_load_error ("hello\r\n", OCTA_CODEC_ERROR_BAD_MAGIC, 1);
  assert_load_error ("\r\n  \r\nhello\r\n", OCTA_CODEC_ERROR_BAD_MAGIC, 3);
  assert_load_error ("\r\n\r\n", OCTA_CODEC_ERROR_BAD_MAGIC, 0);
  assert_load_error (binary, OCTA_CODEC_ERROR_BAD_MAGIC, 1);
  assert_load_error ("\xef\xbb\xbf# bom\r\n", OCTA_CODEC_ERROR_BAD_MAGIC, 1);

  /* a NUL byte on line 2 */
  {
    g_autofree char *text = g_strdup (blank);

    text[strlen (BANNER "\r\n# Pro")] = '\0';
    assert_load_error_len (text, strlen (blank), OCTA_CODEC_ERROR_BAD_MAGIC, 2);
  }

  assert_load_error (wrong_type, OCTA_CODEC_ERROR_BAD_MAGIC, 6);

  /* quoted Latin-1 bytes still give a UTF-8 message */
  {
    g_autofree char *latin1 = replace_first (blank, "OCTATRACK DPS-1 PROJECT", "caf\xe9");
    g_autoptr(GError) error = NULL;

    g_assert_null (octa_project_file_new_from_data ((const guint8 *) latin1, strlen (latin1),
                                                    NAME, &error));
    g_assert_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_BAD_MAGIC);
    g_assert_true (g_utf8_validate (error->message, -1, NULL));
    g_assert_nonnull (strstr (error->message, "caf\xc3\xa9"));
  }
}

static void
test_bad_version (void)
{
  g_autofree char *blank = blank_text ();
  g_autofree char *v20 = replace_first (blank, "VERSION=19", "VERSION=20");
  g_autofree char *vx = replace_first (blank, "VERSION=19", "VERSION=nineteen");
  g_autoptr(GError) error = NULL;

  assert_load_error (v20, OCTA_CODEC_ERROR_UNSUPPORTED_VERSION, 7);
  assert_load_error (vx, OCTA_CODEC_ERROR_UNSUPPORTED_VERSION, 7);
  g_assert_null (octa_project_file_new_from_data ((const guint8 *) v20, strlen (v20), NAME,
                                                  &error));
  g_assert_nonnull (strstr (error->message, "\"20\""));
}

static void
test_bad_structure (void)
{
  g_autofree char *blank = blank_text ();
  g_autofree char *no_meta = NULL;
  g_autofree char *unclosed = replace_first (blank, "[/SETTINGS]\r\n", "");
  g_autofree char *stray_close = insert_before (blank, "[SETTINGS]", "[/FOO]\r\n");
  g_autofree char *bad_line = insert_before (blank, "GATE_AB", "GARBAGE\r\n");
  g_autofree char *bad_line2 = insert_before (blank, "GATE_AB", "=3\r\n");
  g_autofree char *outside = insert_before (blank, "[SETTINGS]", "KEY=1\r\n");
  g_autofree char *outside2 = insert_before (blank, "[SETTINGS]", "[SETT\r\n");
  g_autofree char *mismatch = replace_first (blank, "[/STATES]", "[/SETTINGS]");
  g_autofree char *second_meta = insert_before (blank, "[SETTINGS]", "[META]\r\n[/META]\r\n");
  g_autofree char *no_type = replace_first (blank, "TYPE=FLEX\r\n", "");
  g_autofree char *no_slot = replace_nth (blank, "SLOT=130\r\n", "", 0);
  g_autofree char *bad_type = replace_first (blank, "TYPE=FLEX", "TYPE=MIDI");
  g_autofree char *two_types = replace_first (blank, "TYPE=FLEX\r\n",
                                              "TYPE=FLEX\r\nTYPE=STATIC\r\n");
  g_autofree char *dup_slot = replace_first (blank, "SLOT=130", "SLOT=129");
  g_autofree char *unclosed_block = replace_last (blank, "[/SAMPLE]\r\n", "");
  g_autofree char *opened_block = replace_nth (blank, "[/SAMPLE]\r\n", "", 2);
  static const char *const bad_slots[] = { "SLOT=137", "SLOT=0", "SLOT=000", "SLOT=abc", "SLOT=-1",
                                           "SLOT=", "SLOT=1 2", "SLOT=99999999999" };

  {
    char *from;
    char *to;

    no_meta = g_strdup (blank);
    from = strstr (no_meta, "[META]");
    to = strstr (no_meta, "[/META]\r\n") + strlen ("[/META]\r\n");
    memmove (from, to, strlen (to) + 1);
    assert_load_error (no_meta, OCTA_CODEC_ERROR_MALFORMED, 0);
  }

  assert_load_error (unclosed, OCTA_CODEC_ERROR_MALFORMED, line_of (unclosed, "[STATES]"));
  assert_load_error (stray_close, OCTA_CODEC_ERROR_MALFORMED, 11);
  assert_load_error (bad_line, OCTA_CODEC_ERROR_MALFORMED, line_of (bad_line, "GARBAGE"));
  assert_load_error (bad_line2, OCTA_CODEC_ERROR_MALFORMED, line_of (bad_line2, "=3"));
  assert_load_error (outside, OCTA_CODEC_ERROR_MALFORMED, 11);
  assert_load_error (outside2, OCTA_CODEC_ERROR_MALFORMED, 11);
  assert_load_error (mismatch, OCTA_CODEC_ERROR_MALFORMED, 97);
  assert_load_error (second_meta, OCTA_CODEC_ERROR_MALFORMED, 11);
  assert_load_error (no_type, OCTA_CODEC_ERROR_MALFORMED, 103);
  assert_load_error (no_slot, OCTA_CODEC_ERROR_MALFORMED, 114);
  assert_load_error (bad_type, OCTA_CODEC_ERROR_MALFORMED, 104);
  assert_load_error (two_types, OCTA_CODEC_ERROR_MALFORMED, 105);
  assert_load_error (dup_slot, OCTA_CODEC_ERROR_MALFORMED, 116);
  assert_load_error (unclosed_block, OCTA_CODEC_ERROR_MALFORMED, 180);
  assert_load_error (opened_block, OCTA_CODEC_ERROR_MALFORMED, line_of (opened_block, REC1) + 32);

  for (guint i = 0; i < G_N_ELEMENTS (bad_slots); i++)
    {
      g_autofree char *text = replace_first (blank, "SLOT=129", bad_slots[i]);

      assert_load_error (text, OCTA_CODEC_ERROR_MALFORMED, 105);
    }
  {
    g_autofree char *text = replace_first (blank, "TYPE=FLEX\r\nSLOT=129",
                                           "TYPE=STATIC\r\nSLOT=129");
    g_autofree char *ok = replace_first (blank, "TYPE=FLEX\r\nSLOT=129", "TYPE=STATIC\r\nSLOT=128");
    g_autoptr(OctaProjectFile) project = NULL;

    assert_load_error (text, OCTA_CODEC_ERROR_MALFORMED, 105);
    project = round_trip (ok);
    g_assert_true (octa_project_file_has_sample (project, OCTA_SLOT_STATIC, 127));
  }
}

static void
test_validate_lists_all (void)
{
  g_autofree char *blank = blank_text ();
  g_autofree char *a = replace_first (blank, "VERSION=19", "VERSION=18");
  g_autofree char *b = insert_before (a, "GATE_AB", "GARBAGE\r\n");
  g_autofree char *text = replace_first (b, "SLOT=131", "SLOT=130");
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  static const gint codes[] = {
    OCTA_CODEC_ERROR_UNSUPPORTED_VERSION, OCTA_CODEC_ERROR_MALFORMED, OCTA_CODEC_ERROR_MALFORMED,
  };
  guint lines[3];

  lines[0] = 7;
  lines[1] = line_of (text, "GARBAGE");
  lines[2] = line_of (text, "SLOT=130") + 11;

  g_ptr_array_add (problems, g_error_new_literal (OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_IO,
                                                  "earlier"));
  g_assert_false (octa_project_file_validate ((const guint8 *) text, strlen (text), NAME,
                                              problems));
  g_assert_cmpuint (problems->len, ==, 4);
  for (guint i = 0; i < 3; i++)
    {
      const GError *e = g_ptr_array_index (problems, i + 1);
      g_autofree char *prefix = g_strdup_printf (NAME ": line %u: ", lines[i]);

      g_assert_error (e, OCTA_CODEC_ERROR, codes[i]);
      g_assert_true (g_str_has_prefix (e->message, prefix));
    }

  /* a NULL list only answers yes or no */
  g_assert_false (octa_project_file_validate ((const guint8 *) text, strlen (text), NAME, NULL));
  g_assert_true (octa_project_file_validate ((const guint8 *) blank, strlen (blank), NAME, NULL));

  /* many problems are capped */
  {
    GString *many = g_string_new (blank);
    g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);

    for (guint i = 0; i < 500; i++)
      g_string_append (many, "junk\r\n");
    g_assert_false (octa_project_file_validate ((const guint8 *) many->str, many->len, NAME, list));
    g_assert_cmpuint (list->len, >, 50);
    g_assert_cmpuint (list->len, <, 500);
    g_string_free (many, TRUE);
  }
}

/* The cut falls after a closed section: the last line starting with '['
 * is a complete close tag, and [META] was closed. */
static gboolean
prefix_should_open (const char *data,
                    gsize       len)
{
  gssize last = -1;
  gsize end;

  if (g_strstr_len (data, len, "[/META]") == NULL)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (data[i] == '[' && (i == 0 || data[i - 1] == '\n'))
      last = i;
  if (last < 0)
    return FALSE;

  end = last;
  while (end < len && data[end] != '\n')
    end++;
  if (end > (gsize) last && data[end - 1] == '\r')
    end--;
  return end - last >= 4 && data[last + 1] == '/' && data[end - 1] == ']';
}

static void
check_truncations (const char *text)
{
  gsize len = strlen (text);
  guint opened = 0;

  for (gsize cut = 0; cut < len; cut++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(OctaProjectFile) project =
        octa_project_file_new_from_data ((const guint8 *) text, cut, NAME, &error);
      gboolean expect = cut > 0 && prefix_should_open (text, cut);

      if (cut == 0)
        {
          g_assert_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_BAD_MAGIC);
          continue;
        }
      if (expect != (project != NULL))
        g_error ("cut at %" G_GSIZE_FORMAT ": expected %s, got %s", cut,
                 expect ? "to open" : "an error", error ? error->message : "a project");
      if (project != NULL)
        {
          assert_encodes_to_len (project, text, cut);
          opened++;
        }
      else
        {
          g_assert_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_MALFORMED);
          g_assert_true (g_str_has_prefix (error->message, NAME ": "));
        }
    }
  /* sanity: some cuts do open (after [/META], [/SETTINGS], each [/SAMPLE], …) */
  g_assert_cmpuint (opened, >, 100);
}

static void
test_truncation (void)
{
  g_autofree char *blank = blank_text ();
  g_autofree char *lf = replace_all (blank, "\r\n", "\n");

  check_truncations (blank);
  check_truncations (lf);
}

static void
check_no_crash (const guint8 *data,
                gsize         len)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OctaProjectFile) project = octa_project_file_new_from_data (data, len, NAME, &error);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  gboolean valid = octa_project_file_validate (data, len, NAME, problems);

  g_assert_cmpint (valid, ==, project != NULL);
  if (project != NULL)
    {
      g_autoptr(GBytes) bytes = octa_project_file_encode (project);
      g_autoptr(GArray) refs = octa_project_file_list_samples (project);

      g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), data, len);
      (void) octa_project_file_get_int (project, "SETTINGS", "TEMPOx24", 0);
    }
  else
    {
      g_assert_true (error->domain == OCTA_CODEC_ERROR);
      g_assert_true (g_str_has_prefix (error->message, NAME ": "));
    }
}

static void
test_garbage (void)
{
  g_autofree char *blank = blank_text ();
  gsize blank_len = strlen (blank);
  static const char alphabet[] = "[]/=#\r\n\r\nAZ09 -SAMPLE";

  for (guint i = 0; i < 300; i++)
    {
      gsize len = g_test_rand_int_range (0, 2048);
      g_autofree guint8 *data = g_malloc (len + 1);

      for (gsize k = 0; k < len; k++)
        data[k] = i % 2 == 0 ? (guint8) g_test_rand_int_range (0, 256)
                             : (guint8) alphabet[g_test_rand_int_range (0, sizeof alphabet - 1)];
      if (i % 3 == 0 && len > 0)
        data[0] = '#';
      check_no_crash (data, len);
    }

  for (guint i = 0; i < 1000; i++)
    {
      g_autofree guint8 *data = (guint8 *) g_strdup (blank);
      guint n = g_test_rand_int_range (1, 4);

      for (guint k = 0; k < n; k++)
        data[g_test_rand_int_range (0, blank_len)] =
          i % 2 == 0 ? (guint8) g_test_rand_int_range (1, 256)
                     : (guint8) alphabet[g_test_rand_int_range (0, sizeof alphabet - 1)];
      check_no_crash (data, blank_len);
    }
}

static void
test_too_large (void)
{
  gsize len = 2 * 1024 * 1024;
  g_autofree char *data = g_malloc (len + 1);
  g_autofree char *blank = blank_text ();
  gsize at_limit = OCTA_PROJECT_FILE_MAX_SIZE;

  for (gsize i = 0; i < len; i++)
    data[i] = i % 64 == 63 ? '\n' : '#';
  data[len] = '\0';
  assert_load_error_len (data, len, OCTA_CODEC_ERROR_MALFORMED, 0);

  /* exactly the limit is fine: the blank padded with comment lines */
  memcpy (data, blank, strlen (blank));
  for (gsize i = strlen (blank); i < at_limit; i++)
    data[i] = (i - strlen (blank)) % 64 == 63 || i == at_limit - 1 ? '\n' : '#';
  {
    g_autoptr(OctaProjectFile) project = load_len (data, at_limit);

    assert_encodes_to_len (project, data, at_limit);
  }
  assert_load_error_len (data, at_limit + 1, OCTA_CODEC_ERROR_MALFORMED, 0);
}

/* 6. Corpus ----------------------------------------------------------------- */

static gboolean
is_project_text (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *parent = g_path_get_basename (dir);

  return g_str_equal (base, "project.work") || g_str_equal (base, "project.strd") ||
         (g_str_equal (parent, "project-text-files") && g_str_has_suffix (base, ".work"));
}

static OctaProjectFile *
load_corpus (const char *relative)
{
  g_autofree char *path = g_build_filename (octa_test_corpus_dir (), relative, NULL);
  gsize len;
  g_autofree guint8 *data = octa_test_read_file (path, &len);
  g_autoptr(GError) error = NULL;
  OctaProjectFile *project = octa_project_file_new_from_data (data, len, path, &error);

  g_assert_no_error (error);
  return project;
}

static void
test_corpus_round_trip (void)
{
  g_autoptr(GPtrArray) files = NULL;

  if (octa_test_skip_without_corpus ())
    return;

  files = octa_test_find_files (octa_test_corpus_dir (), is_project_text);
  g_assert_cmpuint (files->len, >=, 13);
  for (guint i = 0; i < files->len; i++)
    {
      const char *path = files->pdata[i];
      gsize len;
      g_autofree guint8 *data = octa_test_read_file (path, &len);
      g_autoptr(GError) error = NULL;
      g_autoptr(OctaProjectFile) project = octa_project_file_new_from_data (data, len, path,
                                                                            &error);
      g_autoptr(GPtrArray) problems =
        g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
      g_autoptr(GArray) refs = NULL;

      g_test_message ("%s", path);
      g_assert_no_error (error);
      assert_encodes_to_len (project, (const char *) data, len);
      g_assert_true (octa_project_file_validate (data, len, path, problems));
      refs = octa_project_file_list_samples (project);
      g_assert_cmpuint (refs->len, >=, 8);
      for (guint r = 0; r < OCTA_N_RECORDER_SLOTS; r++)
        g_assert_true (octa_project_file_has_sample (project, OCTA_SLOT_FLEX, 128 + r));
    }
}

static void
test_corpus_facts (void)
{
  if (octa_test_skip_without_corpus ())
    return;

  {
    g_autoptr(OctaProjectFile) dest = load_corpus ("octatools/BANK-COPY-DEST/project.work");
    static const OctaSlotRef expected[] = {
      FX (0), FX (1), FX (126), FX (127),
      FX (128), FX (129), FX (130), FX (131),
      FX (132), FX (133), FX (134), FX (135),
      ST (0), ST (1), ST (126), ST (127),
    };

    assert_slots (dest, expected, G_N_ELEMENTS (expected));
  }

  {
    g_autoptr(OctaProjectFile) demo =
      load_corpus ("octatools/DEMO-DRIVE-DATA/DEMO-SET-1/BLANK/project.work");
    g_autofree char *path = octa_project_file_dup_sample_path (demo, OCTA_SLOT_FLEX, 128);

    g_assert_cmpstr (path, ==, "../AUDIO/flex.wav");
    g_assert_cmpint (attr (demo, OCTA_SLOT_FLEX, 128, OCTA_SAMPLE_ATTR_TRIM_BARS_X100), ==, 173);
    g_assert_false (octa_project_file_get_sample_attr (demo, OCTA_SLOT_FLEX, 128,
                                                       OCTA_SAMPLE_ATTR_BPM_X24, NULL));
    g_assert_cmpint (attr (demo, OCTA_SLOT_FLEX, 128, OCTA_SAMPLE_ATTR_LOOPMODE), ==, 1);
    g_assert_cmpint (attr (demo, OCTA_SLOT_FLEX, 128, OCTA_SAMPLE_ATTR_GAIN), ==, 48);
  }

  {
    g_autoptr(OctaProjectFile) real = load_corpus ("octatools/blank-project/project.work");
    g_autoptr(OctaProjectFile) blank = octa_project_file_new_blank (NULL);

    g_assert_true (octa_project_file_equal (real, blank));
  }

  {
    g_autoptr(OctaProjectFile) tool = load_corpus ("octatools/project-text-files/blank.work");

    g_assert_cmpint (attr (tool, OCTA_SLOT_FLEX, 131, OCTA_SAMPLE_ATTR_TRIGQUANTIZATION), ==, 255);
    g_assert_cmpint (attr (tool, OCTA_SLOT_FLEX, 131, OCTA_SAMPLE_ATTR_TRIM_BARS_X100), ==, 0);
  }

  {
    g_autoptr(OctaProjectFile) slots =
      load_corpus ("octatools/sample-slots@86716d9/consolidation-to_audio_pool/"
                   "PROJECT/project.work");
    g_autofree char *path = octa_project_file_dup_sample_path (slots, OCTA_SLOT_FLEX, 2);
    static const OctaSlotRef expected[] = {
      ST (0), ST (1), FX (2), ST (3),
      FX (4), FX (128), FX (129), FX (130),
      FX (131), FX (132), FX (133), FX (134),
      FX (135),
    };

    assert_slots (slots, expected, G_N_ELEMENTS (expected));
    g_assert_true (g_str_has_prefix (path, "/home/"));
    g_assert_true (g_str_has_suffix (path, "/AUDIO/third-0.wav"));
  }

  {
    g_autoptr(OctaProjectFile) hello = load_corpus ("octapy/HELLO-FLEX/project/project.work");
    guint n = octa_project_file_get_n_lines (hello);

    g_assert_cmpuint (n, ==, 422);
    g_assert_cmpstr (octa_project_file_get_line (hello, n - 1), ==, BANNER);
    g_assert_cmpint (octa_project_file_get_int (hello, "SETTINGS", "TEMPOx24", 0), ==, 2976);
  }

  {
    g_autoptr(OctaProjectFile) om = load_corpus ("octatrack-manager/dest_project/project.work");

    g_assert_cmpint (attr (om, OCTA_SLOT_STATIC, 0, OCTA_SAMPLE_ATTR_BPM_X24), ==, 2400);
    g_assert_cmpint (attr (om, OCTA_SLOT_STATIC, 0, OCTA_SAMPLE_ATTR_TRIM_BARS_X100), ==, 200);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/codec/project-file/blank", test_blank);
  g_test_add_func ("/codec/project-file/copy", test_copy);
  g_test_add_func ("/codec/project-file/variant/lf", test_variant_lf);
  g_test_add_func ("/codec/project-file/variant/no-final-line", test_variant_no_final_line);
  g_test_add_func ("/codec/project-file/variant/unknown-keys", test_variant_unknown_keys);
  g_test_add_func ("/codec/project-file/variant/unknown-section", test_variant_unknown_section);
  g_test_add_func ("/codec/project-file/variant/repeated-keys", test_variant_repeated_keys);
  g_test_add_func ("/codec/project-file/variant/values", test_variant_values);
  g_test_add_func ("/codec/project-file/variant/unpadded-interleaved",
                   test_variant_unpadded_interleaved);
  g_test_add_func ("/codec/project-file/variant/both-length-keys", test_variant_both_length_keys);
  g_test_add_func ("/codec/project-file/variant/latin1", test_variant_latin1);
  g_test_add_func ("/codec/project-file/variant/blank-lines", test_variant_blank_lines);
  g_test_add_func ("/codec/project-file/edit/set-int", test_edit_set_int);
  g_test_add_func ("/codec/project-file/edit/insert-missing", test_edit_insert_missing);
  g_test_add_func ("/codec/project-file/edit/strings", test_edit_strings);
  g_test_add_func ("/codec/project-file/edit/sample-attrs", test_edit_sample_attrs);
  g_test_add_func ("/codec/project-file/edit/add-remove", test_edit_add_remove);
  g_test_add_func ("/codec/project-file/edit/add-dialects", test_edit_add_dialects);
  g_test_add_func ("/codec/project-file/missing-keys", test_missing_keys_defaults);
  g_test_add_func ("/codec/project-file/bad/magic", test_bad_magic);
  g_test_add_func ("/codec/project-file/bad/version", test_bad_version);
  g_test_add_func ("/codec/project-file/bad/structure", test_bad_structure);
  g_test_add_func ("/codec/project-file/bad/validate-lists-all", test_validate_lists_all);
  g_test_add_func ("/codec/project-file/bad/truncation", test_truncation);
  g_test_add_func ("/codec/project-file/bad/garbage", test_garbage);
  g_test_add_func ("/codec/project-file/bad/too-large", test_too_large);
  g_test_add_func ("/codec/project-file/corpus/round-trip", test_corpus_round_trip);
  g_test_add_func ("/codec/project-file/corpus/facts", test_corpus_facts);

  return g_test_run ();
}
