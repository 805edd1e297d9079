/* SPDX-License-Identifier: MIT */
#include "octa-project-file.h"

#include <stdarg.h>
#include <string.h>

#include "octa-codec-error.h"

/*
 * The file is held as its lines, each with the terminator it had. Encoding
 * concatenates them, so an unedited file comes back byte for byte whatever
 * tool wrote it (CRLF or LF, final empty line or not). Every edit rewrites,
 * inserts or removes whole lines; nothing is generated from a model except
 * the blank project.
 */

#define BANNER        "############################"
#define MAX_PROBLEMS  100
#define NO_DEFAULT    G_MININT32

static const char eol_crlf[] = "\r\n";
static const char eol_lf[] = "\n";
static const char eol_none[] = "";

typedef struct
{
  char       *text;
  const char *eol;   /* one of eol_crlf, eol_lf, eol_none */
} Line;

typedef struct
{
  guint        open;   /* line index of [SAMPLE] */
  guint        close;  /* line index of [/SAMPLE] */
  OctaSlotType type;
  guint        slot;
} Block;

struct _OctaProjectFile
{
  char      *name;
  GPtrArray *lines;   /* of Line */
  /* Index of the [SAMPLE] blocks, rebuilt after every edit that moves lines */
  GArray    *blocks;  /* of Block, in file order */
  gint       block_of[2][OCTA_N_FLEX_SLOTS];
};

/* §4.2 / §4.3 / §4.4: keys in the order the device writes them. */
static const char *const meta_keys[] = {
  "TYPE",
  "VERSION",
  "OS_VERSION",
  NULL
};
static const gint meta_defaults[] = { NO_DEFAULT, 19, NO_DEFAULT };

static const char *const settings_keys[] = {
  "WRITEPROTECTED",
  "TEMPOx24",
  "PATTERN_TEMPO_ENABLED",
  "MIDI_CLOCK_SEND",
  "MIDI_CLOCK_RECEIVE",
  "MIDI_TRANSPORT_SEND",
  "MIDI_TRANSPORT_RECEIVE",
  "MIDI_PROGRAM_CHANGE_SEND",
  "MIDI_PROGRAM_CHANGE_SEND_CH",
  "MIDI_PROGRAM_CHANGE_RECEIVE",
  "MIDI_PROGRAM_CHANGE_RECEIVE_CH",
  "MIDI_TRIG_CH1",
  "MIDI_TRIG_CH2",
  "MIDI_TRIG_CH3",
  "MIDI_TRIG_CH4",
  "MIDI_TRIG_CH5",
  "MIDI_TRIG_CH6",
  "MIDI_TRIG_CH7",
  "MIDI_TRIG_CH8",
  "MIDI_AUTO_CHANNEL",
  "MIDI_SOFT_THRU",
  "MIDI_AUDIO_TRK_CC_IN",
  "MIDI_AUDIO_TRK_CC_OUT",
  "MIDI_AUDIO_TRK_NOTE_IN",
  "MIDI_AUDIO_TRK_NOTE_OUT",
  "MIDI_MIDI_TRK_CC_IN",
  "PATTERN_CHANGE_CHAIN_BEHAVIOR",
  "PATTERN_CHANGE_AUTO_SILENCE_TRACKS",
  "PATTERN_CHANGE_AUTO_TRIG_LFOS",
  "LOAD_24BIT_FLEX",
  "DYNAMIC_RECORDERS",
  "RECORD_24BIT",
  "RESERVED_RECORDER_COUNT",
  "RESERVED_RECORDER_LENGTH",
  "INPUT_DELAY_COMPENSATION",
  "GATE_AB",
  "GATE_CD",
  "GAIN_AB",
  "GAIN_CD",
  "DIR_AB",
  "DIR_CD",
  "PHONES_MIX",
  "MAIN_TO_CUE",
  "MASTER_TRACK",
  "CUE_STUDIO_MODE",
  "MAIN_LEVEL",
  "CUE_LEVEL",
  "METRONOME_TIME_SIGNATURE",
  "METRONOME_TIME_SIGNATURE_DENOMINATOR",
  "METRONOME_PREROLL",
  "METRONOME_CUE_VOLUME",
  "METRONOME_MAIN_VOLUME",
  "METRONOME_PITCH",
  "METRONOME_TONAL",
  "METRONOME_ENABLED",
  "TRIG_MODE_MIDI",
  NULL
};
static const gint settings_defaults[] = {
  0, 2880, 0, 0, 0, 0, 0, 0, -1, 0, -1,
  0, 1, 2, 3, 4, 5, 6, 7,
  10, 0, 1, 3, 1, 3, 1,
  0, 0, 0, 0, 0, 0, 8, 16, 0,
  127, 127, 64, 64, 0, 0, 64, 0, 0, 0, 64, 64,
  3, 2, 0, 32, 0, 12, 1, 0,
  0,
};

static const char *const states_keys[] = {
  "BANK",
  "PATTERN",
  "ARRANGEMENT",
  "ARRANGEMENT_MODE",
  "PART",
  "TRACK",
  "TRACK_OTHERMODE",
  "SCENE_A_MUTE",
  "SCENE_B_MUTE",
  "TRACK_CUE_MASK",
  "TRACK_MUTE_MASK",
  "TRACK_SOLO_MASK",
  "MIDI_TRACK_MUTE_MASK",
  "MIDI_TRACK_SOLO_MASK",
  "MIDI_MODE",
  NULL
};
static const gint states_defaults[] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 };

/* A block carries one of TRIM_BARSx100 / BPMx24 (tools write both). */
static const char *const sample_keys[] = {
  "TYPE",
  "SLOT",
  "PATH",
  "TRIM_BARSx100",
  "BPMx24",
  "TSMODE",
  "LOOPMODE",
  "GAIN",
  "TRIGQUANTIZATION",
  NULL
};

static const char *const no_keys[] = { NULL };

G_STATIC_ASSERT (G_N_ELEMENTS (meta_keys) == G_N_ELEMENTS (meta_defaults) + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (settings_keys) == G_N_ELEMENTS (settings_defaults) + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (states_keys) == G_N_ELEMENTS (states_defaults) + 1);

static const char *const sample_attr_keys[OCTA_N_SAMPLE_ATTRS] = {
  [OCTA_SAMPLE_ATTR_TRIM_BARS_X100] = "TRIM_BARSx100",
  [OCTA_SAMPLE_ATTR_BPM_X24] = "BPMx24",
  [OCTA_SAMPLE_ATTR_TSMODE] = "TSMODE",
  [OCTA_SAMPLE_ATTR_LOOPMODE] = "LOOPMODE",
  [OCTA_SAMPLE_ATTR_GAIN] = "GAIN",
  [OCTA_SAMPLE_ATTR_TRIGQUANTIZATION] = "TRIGQUANTIZATION",
};

static void
section_tables (const char         *section,
                const char *const **keys,
                const gint         **defaults)
{
  *keys = no_keys;
  *defaults = NULL;

  if (g_strcmp0 (section, OCTA_SECTION_META) == 0)
    {
      *keys = meta_keys;
      *defaults = meta_defaults;
    }
  else if (g_strcmp0 (section, OCTA_SECTION_SETTINGS) == 0)
    {
      *keys = settings_keys;
      *defaults = settings_defaults;
    }
  else if (g_strcmp0 (section, OCTA_SECTION_STATES) == 0)
    {
      *keys = states_keys;
      *defaults = states_defaults;
    }
  else if (g_strcmp0 (section, OCTA_SECTION_SAMPLE) == 0)
    {
      *keys = sample_keys;
    }
}

static gint
known_key_index (const char *const *keys,
                 const char        *key)
{
  for (gint i = 0; keys[i] != NULL; i++)
    if (strcmp (keys[i], key) == 0)
      return i;
  return -1;
}

/* Lines ------------------------------------------------------------------ */

static Line *
line_new_take (char       *text,
               const char *eol)
{
  Line *line = g_new (Line, 1);

  line->text = text;
  line->eol = eol;
  return line;
}

static void
line_free (gpointer data)
{
  Line *line = data;

  g_free (line->text);
  g_free (line);
}

static inline Line *
line_at (const OctaProjectFile *project,
         guint                  index)
{
  return g_ptr_array_index (project->lines, index);
}

static void
line_set_text (Line *line,
               char *text)
{
  g_free (line->text);
  line->text = text;
}

static GPtrArray *
split_lines (const guint8 *data,
             gsize         len)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (line_free);
  gsize pos = 0;

  while (pos < len)
    {
      const guint8 *nl = memchr (data + pos, '\n', len - pos);
      gsize end = nl != NULL ? (gsize) (nl - data) : len;
      gsize text_end = end;
      const char *eol = eol_none;

      if (nl != NULL)
        {
          eol = eol_lf;
          if (end > pos && data[end - 1] == '\r')
            {
              text_end = end - 1;
              eol = eol_crlf;
            }
        }

      g_ptr_array_add (lines, line_new_take (g_strndup ((const char *) data + pos,
                                                        text_end - pos), eol));
      pos = nl != NULL ? end + 1 : len;
    }

  return lines;
}

/* The terminator for new lines: CRLF unless the file is mostly LF. */
static const char *
dominant_eol (const OctaProjectFile *project)
{
  guint crlf = 0, lf = 0;

  for (guint i = 0; i < project->lines->len; i++)
    {
      const char *eol = line_at (project, i)->eol;

      if (eol == eol_crlf)
        crlf++;
      else if (eol == eol_lf)
        lf++;
    }

  return lf > crlf ? eol_lf : eol_crlf;
}

static void
insert_line (OctaProjectFile *project,
             guint            index,
             char            *text,
             const char      *eol)
{
  /* Appending after a last line that had no terminator gives it one. */
  if (index == project->lines->len && index > 0 && line_at (project, index - 1)->eol == eol_none)
    line_at (project, index - 1)->eol = eol;

  g_ptr_array_insert (project->lines, index, line_new_take (text, eol));
}

/* Line classification ------------------------------------------------------- */

typedef enum
{
  LINE_BLANK,
  LINE_COMMENT,
  LINE_OPEN,
  LINE_CLOSE,
  LINE_KEY_VALUE,
  LINE_OTHER,
} LineKind;

static inline gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\r';
}

/*
 * For a tag, @name is the section name (without '/'); for KEY=VALUE it is the
 * key, and @value points after the '='.
 */
static LineKind
classify (const char  *text,
          const char **name,
          gsize       *name_len,
          const char **value)
{
  const char *start = text;
  const char *end = text + strlen (text);
  const char *eq;

  while (start < end && is_space (*start))
    start++;
  while (end > start && is_space (end[-1]))
    end--;

  if (start == end)
    return LINE_BLANK;
  if (*start == '#')
    return LINE_COMMENT;

  if (*start == '[')
    {
      gboolean close = start + 1 < end && start[1] == '/';
      const char *n = start + (close ? 2 : 1);

      if (end[-1] != ']' || end - 1 <= n)
        return LINE_OTHER;
      for (const char *p = n; p < end - 1; p++)
        if (*p == '[' || *p == ']' || *p == '/' || *p == '=' || (guchar) *p <= ' ')
          return LINE_OTHER;

      *name = n;
      *name_len = end - 1 - n;
      return close ? LINE_CLOSE : LINE_OPEN;
    }

  eq = strchr (text, '=');
  if (eq == NULL || eq <= start)
    return LINE_OTHER;

  *name = text;
  *name_len = eq - text;
  *value = eq + 1;
  return LINE_KEY_VALUE;
}

static inline gboolean
span_equal (const char *span,
            gsize       span_len,
            const char *str)
{
  return strlen (str) == span_len && memcmp (span, str, span_len) == 0;
}

static char *
trimmed_dup (const char *value)
{
  const char *start = value;
  const char *end = value + strlen (value);

  while (start < end && is_space (*start))
    start++;
  while (end > start && is_space (end[-1]))
    end--;
  return g_strndup (start, end - start);
}

static gboolean
parse_int (const char *value,
           gint       *out)
{
  g_autofree char *trimmed = trimmed_dup (value);
  gint64 v;

  if (*trimmed == '\0')
    return FALSE;
  if (!g_ascii_string_to_signed (trimmed, 10, G_MININT32, G_MAXINT32, &v, NULL))
    return FALSE;
  *out = (gint) v;
  return TRUE;
}

static gboolean
parse_type (const char   *value,
            OctaSlotType *type)
{
  g_autofree char *trimmed = trimmed_dup (value);

  if (g_str_equal (trimmed, "FLEX"))
    *type = OCTA_SLOT_FLEX;
  else if (g_str_equal (trimmed, "STATIC"))
    *type = OCTA_SLOT_STATIC;
  else
    return FALSE;
  return TRUE;
}

static guint
n_slots (OctaSlotType type)
{
  return type == OCTA_SLOT_FLEX ? OCTA_N_FLEX_SLOTS : OCTA_N_STATIC_SLOTS;
}

/* SLOT is 1-based, zero-padded by the device (`001`), unpadded by some tools. */
static gboolean
parse_slot (const char   *value,
            OctaSlotType  type,
            guint        *slot)
{
  g_autofree char *trimmed = trimmed_dup (value);
  guint v = 0;

  if (*trimmed == '\0' || strlen (trimmed) > 6)
    return FALSE;
  for (const char *p = trimmed; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
      v = v * 10 + (guint) (*p - '0');
    }
  if (v < 1 || v > n_slots (type))
    return FALSE;
  *slot = v - 1;
  return TRUE;
}

static const char *
type_name (OctaSlotType type)
{
  return type == OCTA_SLOT_FLEX ? "FLEX" : "STATIC";
}

/* Checking ------------------------------------------------------------------ */

/* Bytes that are not UTF-8 are Latin-1 (no other single-byte reading is known). */
static char *
value_to_utf8 (const char *raw)
{
  GString *out;

  if (g_utf8_validate (raw, -1, NULL))
    return g_strdup (raw);

  out = g_string_sized_new (strlen (raw) * 2);
  for (const guchar *p = (const guchar *) raw; *p != '\0'; p++)
    g_string_append_unichar (out, *p);
  return g_string_free (out, FALSE);
}


typedef struct
{
  const char *name;
  GPtrArray  *problems;
  gboolean    overflowed;
} Checker;

static void add_problem (Checker    *c,
                         gint        code,
                         guint       line,
                         const char *format,
                         ...) G_GNUC_PRINTF (4, 5);

static void
add_problem (Checker    *c,
             gint        code,
             guint       line,
             const char *format,
             ...)
{
  g_autofree char *what = NULL;
  va_list args;

  if (c->problems->len >= MAX_PROBLEMS)
    {
      if (!c->overflowed)
        g_ptr_array_add (c->problems,
                         g_error_new (OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_MALFORMED,
                                      "%s: more than %d problems, not listing the rest",
                                      c->name, MAX_PROBLEMS));
      c->overflowed = TRUE;
      return;
    }

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  /* Quoted file bytes may be Latin-1; messages must be UTF-8. */
  if (!g_utf8_validate (what, -1, NULL))
    {
      char *utf8 = value_to_utf8 (what);

      g_free (what);
      what = utf8;
    }

  if (line > 0)
    g_ptr_array_add (c->problems, g_error_new (OCTA_CODEC_ERROR, code, "%s: line %u: %s",
                                               c->name, line, what));
  else
    g_ptr_array_add (c->problems, g_error_new (OCTA_CODEC_ERROR, code, "%s: %s",
                                               c->name, what));
}

typedef struct
{
  char       *name;        /* NULL when outside any section */
  guint       line;        /* 1-based line of the open tag */
  const char *type;        /* first TYPE value inside the section */
  guint       type_line;
  const char *second;      /* first SLOT (SAMPLE) or VERSION (META) value */
  guint       second_line;
} OpenSection;

static void
check_meta (Checker           *c,
            const OpenSection *s)
{
  gint version;

  if (s->type != NULL)
    {
      g_autofree char *type = trimmed_dup (s->type);

      if (!g_str_equal (type, "OCTATRACK DPS-1 PROJECT"))
        add_problem (c, OCTA_CODEC_ERROR_BAD_MAGIC, s->type_line,
                     "TYPE is \"%.40s\", not \"OCTATRACK DPS-1 PROJECT\"", s->type);
    }

  if (s->second != NULL && (!parse_int (s->second, &version) || version != 19))
    add_problem (c, OCTA_CODEC_ERROR_UNSUPPORTED_VERSION, s->second_line,
                 "project file version \"%.40s\" is not supported (this codec reads "
                 "version 19, written by OS 1.40)",
                 s->second);
}

static void
check_sample (Checker           *c,
              const OpenSection *s,
              guint              first_seen[2][OCTA_N_FLEX_SLOTS])
{
  OctaSlotType type;
  guint slot;

  if (s->type == NULL)
    {
      add_problem (c, OCTA_CODEC_ERROR_MALFORMED, s->line, "[SAMPLE] block without TYPE");
      return;
    }
  if (s->second == NULL)
    {
      add_problem (c, OCTA_CODEC_ERROR_MALFORMED, s->line, "[SAMPLE] block without SLOT");
      return;
    }
  if (!parse_type (s->type, &type))
    {
      add_problem (c, OCTA_CODEC_ERROR_MALFORMED, s->type_line,
                   "unknown sample slot TYPE \"%.40s\" (FLEX or STATIC)", s->type);
      return;
    }
  if (!parse_slot (s->second, type, &slot))
    {
      add_problem (c, OCTA_CODEC_ERROR_MALFORMED, s->second_line,
                   "SLOT \"%.40s\" is not a %s slot number (1…%u)",
                   s->second, type_name (type), n_slots (type));
      return;
    }
  if (first_seen[type][slot] != 0)
    {
      add_problem (c, OCTA_CODEC_ERROR_MALFORMED, s->second_line,
                   "%s slot %u appears twice (first block at line %u)",
                   type_name (type), slot + 1, first_seen[type][slot]);
      return;
    }
  first_seen[type][slot] = s->line;
}

static void
close_section (OpenSection *s)
{
  g_clear_pointer (&s->name, g_free);
  s->type = NULL;
  s->second = NULL;
  s->line = s->type_line = s->second_line = 0;
}

static void
check_lines (Checker   *c,
             GPtrArray *lines)
{
  /* first line of META, SETTINGS, STATES */
  static const char *const unique_sections[] = {
    OCTA_SECTION_META, OCTA_SECTION_SETTINGS, OCTA_SECTION_STATES
  };
  guint unique_seen[G_N_ELEMENTS (unique_sections)] = { 0 };
  guint first_seen[2][OCTA_N_FLEX_SLOTS] = { { 0 } };
  OpenSection s = { 0 };
  guint i = 0;

  /* The first non-blank line tells a project text from anything else. */
  for (i = 0; i < lines->len; i++)
    {
      const Line *line = g_ptr_array_index (lines, i);
      const char *p = line->text;

      while (is_space (*p))
        p++;
      if (*p == '\0')
        continue;
      if (*p != '#' && *p != '[')
        {
          add_problem (c, OCTA_CODEC_ERROR_BAD_MAGIC, i + 1,
                       "not a project text file (it should start with '#' or '[')");
          return;
        }
      break;
    }
  if (i == lines->len)
    {
      add_problem (c, OCTA_CODEC_ERROR_BAD_MAGIC, 0, "not a project text file (only blank lines)");
      return;
    }

  for (i = 0; i < lines->len; i++)
    {
      const Line *line = g_ptr_array_index (lines, i);
      const char *name = NULL, *value = NULL;
      gsize name_len = 0;
      guint ln = i + 1;
      LineKind kind = classify (line->text, &name, &name_len, &value);

      switch (kind)
        {
        case LINE_BLANK:
        case LINE_COMMENT:
          break;

        case LINE_OPEN:
          if (s.name != NULL)
            {
              add_problem (c, OCTA_CODEC_ERROR_MALFORMED, ln,
                           "[%.*s] opens while [%.40s] (opened at line %u) is not closed",
                           (int) MIN (name_len, 40), name, s.name, s.line);
              close_section (&s);
            }
          s.name = g_strndup (name, name_len);
          s.line = ln;
          for (guint k = 0; k < G_N_ELEMENTS (unique_sections); k++)
            if (g_str_equal (s.name, unique_sections[k]))
              {
                if (unique_seen[k] != 0)
                  add_problem (c, OCTA_CODEC_ERROR_MALFORMED, ln,
                               "a second [%.40s] section (the first is at line %u)",
                               s.name, unique_seen[k]);
                else
                  unique_seen[k] = ln;
              }
          break;

        case LINE_CLOSE:
          if (s.name == NULL)
            {
              add_problem (c, OCTA_CODEC_ERROR_MALFORMED, ln,
                           "[/%.*s] closes a section that is not open",
                           (int) MIN (name_len, 40), name);
            }
          else if (!span_equal (name, name_len, s.name))
            {
              add_problem (c, OCTA_CODEC_ERROR_MALFORMED, ln,
                           "[/%.*s] does not close [%.40s] (opened at line %u)",
                           (int) MIN (name_len, 40), name, s.name, s.line);
            }
          else
            {
              if (g_str_equal (s.name, OCTA_SECTION_META))
                check_meta (c, &s);
              else if (g_str_equal (s.name, OCTA_SECTION_SAMPLE))
                check_sample (c, &s, first_seen);
              close_section (&s);
            }
          break;

        case LINE_KEY_VALUE:
          if (s.name == NULL)
            {
              add_problem (c, OCTA_CODEC_ERROR_MALFORMED, ln, "text outside a section");
            }
          else if (g_str_equal (s.name, OCTA_SECTION_META) ||
                   g_str_equal (s.name, OCTA_SECTION_SAMPLE))
            {
              gboolean sample = g_str_equal (s.name, OCTA_SECTION_SAMPLE);
              const char *second_key = sample ? "SLOT" : "VERSION";

              if (span_equal (name, name_len, "TYPE"))
                {
                  if (s.type == NULL)
                    {
                      s.type = value;
                      s.type_line = ln;
                    }
                  else if (sample)
                    add_problem (c, OCTA_CODEC_ERROR_MALFORMED, ln,
                                 "a second TYPE in the [SAMPLE] block of line %u", s.line);
                }
              else if (span_equal (name, name_len, second_key))
                {
                  if (s.second == NULL)
                    {
                      s.second = value;
                      s.second_line = ln;
                    }
                  else if (sample)
                    add_problem (c, OCTA_CODEC_ERROR_MALFORMED, ln,
                                 "a second SLOT in the [SAMPLE] block of line %u", s.line);
                }
            }
          break;

        case LINE_OTHER:
        default:
          if (s.name == NULL)
            add_problem (c, OCTA_CODEC_ERROR_MALFORMED, ln, "text outside a section");
          else
            add_problem (c, OCTA_CODEC_ERROR_MALFORMED, ln,
                         "not a KEY=VALUE line inside [%.40s]", s.name);
          break;
        }
    }

  if (s.name != NULL)
    add_problem (c, OCTA_CODEC_ERROR_MALFORMED, s.line,
                 "[%.40s] is not closed before the end of the file (truncated?)", s.name);
  close_section (&s);

  if (unique_seen[0] == 0)
    add_problem (c, OCTA_CODEC_ERROR_MALFORMED, 0, "no [META] section");
}

/* Checks everything; returns the lines when the raw checks passed. */
static GPtrArray *
check_data (Checker      *c,
            const guint8 *data,
            gsize         len)
{
  g_autoptr(GPtrArray) lines = NULL;
  const guint8 *nul;

  if (len == 0)
    {
      add_problem (c, OCTA_CODEC_ERROR_BAD_MAGIC, 0, "empty file");
      return NULL;
    }
  if (len > OCTA_PROJECT_FILE_MAX_SIZE)
    {
      add_problem (c, OCTA_CODEC_ERROR_MALFORMED, 0,
                   "%" G_GSIZE_FORMAT " bytes is too large for a project file (limit %d)",
                   len, OCTA_PROJECT_FILE_MAX_SIZE);
      return NULL;
    }

  nul = memchr (data, '\0', len);
  if (nul != NULL)
    {
      guint ln = 1;

      for (const guint8 *p = data; p < nul; p++)
        if (*p == '\n')
          ln++;
      add_problem (c, OCTA_CODEC_ERROR_BAD_MAGIC, ln, "NUL byte: not a project text file");
      return NULL;
    }

  lines = split_lines (data, len);
  check_lines (c, lines);
  return g_steal_pointer (&lines);
}

/* Public: life cycle -------------------------------------------------------- */

static void reindex (OctaProjectFile *project);

static OctaProjectFile *
project_new_take (const char *name,
                  GPtrArray  *lines)
{
  OctaProjectFile *project = g_new0 (OctaProjectFile, 1);

  project->name = g_strdup (name != NULL ? name : "project.work");
  project->lines = lines;
  project->blocks = g_array_new (FALSE, FALSE, sizeof (Block));
  reindex (project);
  return project;
}

static void
append (GPtrArray  *lines,
        const char *format,
        ...) G_GNUC_PRINTF (2, 3);

static void
append (GPtrArray  *lines,
        const char *format,
        ...)
{
  va_list args;
  char *text;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (lines, line_new_take (text, eol_crlf));
}

static void
append_banner (GPtrArray  *lines,
               const char *title)
{
  append (lines, BANNER);
  append (lines, "# %s", title);
  append (lines, BANNER);
  append (lines, "%s", "");
}

static void
append_section (GPtrArray         *lines,
                const char        *section,
                const char *const *keys,
                const gint        *defaults)
{
  append (lines, "[%s]", section);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      guint repeats = g_str_equal (keys[i], "TRIG_MODE_MIDI") ? OCTA_PROJECT_N_TRIG_MODE_MIDI : 1;

      for (guint r = 0; r < repeats; r++)
        append (lines, "%s=%d", keys[i], defaults[i]);
    }
  append (lines, "[/%s]", section);
  append (lines, "%s", "");
}

/**
 * octa_project_file_new_blank:
 * @name: (nullable): the name used in messages
 *
 * Builds the `project.work` of a freshly created device project (spec §7),
 * byte-identical to the device's: 192 CRLF lines, 2 899 bytes.
 */
OctaProjectFile *
octa_project_file_new_blank (const char *name)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (line_free);
  gint tempo = settings_defaults[known_key_index (settings_keys, "TEMPOx24")];

  append_banner (lines, "Project Settings");
  append (lines, "[%s]", OCTA_SECTION_META);
  append (lines, "TYPE=OCTATRACK DPS-1 PROJECT");
  append (lines, "VERSION=%d", meta_defaults[1]);
  /* five spaces: the device pads the build number to a fixed width */
  append (lines, "OS_VERSION=R0177     1.40B");
  append (lines, "[/%s]", OCTA_SECTION_META);
  append (lines, "%s", "");
  append_section (lines, OCTA_SECTION_SETTINGS, settings_keys, settings_defaults);

  append_banner (lines, "Project States");
  append_section (lines, OCTA_SECTION_STATES, states_keys, states_defaults);

  append_banner (lines, "Samples");
  /* The eight recorder buffers are always present, empty, at the project tempo. */
  for (guint i = 0; i < OCTA_N_RECORDER_SLOTS; i++)
    {
      append (lines, "[SAMPLE]");
      append (lines, "TYPE=FLEX");
      append (lines, "SLOT=%03u", OCTA_N_SAMPLE_SLOTS + i + 1);
      append (lines, "PATH=");
      append (lines, "BPMx24=%d", tempo);
      append (lines, "TSMODE=2");
      append (lines, "LOOPMODE=0");
      append (lines, "GAIN=72");
      append (lines, "TRIGQUANTIZATION=-1");
      append (lines, "[/SAMPLE]");
      append (lines, "%s", "");
    }
  append (lines, BANNER);
  append (lines, "%s", "");

  return project_new_take (name, lines);
}

/**
 * octa_project_file_new_from_data:
 * @data: (array length=len): the file's bytes
 * @len: their number
 * @name: (nullable): the name used in messages
 * @error: return location for a #GError
 *
 * Opens a `project.work` / `project.strd`. Tool dialects (LF endings, no
 * final empty line, unpadded slots, unknown keys and sections) are accepted
 * and kept as they are.
 *
 * Returns: (transfer full) (nullable): the file, or %NULL with @error set
 */
OctaProjectFile *
octa_project_file_new_from_data (const guint8  *data,
                                 gsize          len,
                                 const char    *name,
                                 GError       **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(GPtrArray) lines = NULL;
  Checker c = { name != NULL ? name : "project.work", problems, FALSE };

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  lines = check_data (&c, data, len);
  if (problems->len > 0)
    {
      g_propagate_error (error, g_error_copy (g_ptr_array_index (problems, 0)));
      return NULL;
    }

  return project_new_take (name, g_steal_pointer (&lines));
}

/**
 * octa_project_file_validate:
 * @data: (array length=len): the file's bytes
 * @len: their number
 * @name: (nullable): the name used in messages
 * @problems: (nullable) (element-type GError): receives one #GError per
 *   problem found, owned by the array (give it a g_error_free() free func)
 *
 * Checks a project text the way the loader does but keeps going after the
 * first problem where that makes sense.
 *
 * Returns: %TRUE when the file has no problem
 */
gboolean
octa_project_file_validate (const guint8 *data,
                            gsize         len,
                            const char   *name,
                            GPtrArray    *problems)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(GPtrArray) lines = NULL;
  Checker c = { name != NULL ? name : "project.work", found, FALSE };
  gboolean ok;

  g_return_val_if_fail (data != NULL || len == 0, FALSE);

  lines = check_data (&c, data, len);
  ok = found->len == 0;

  if (problems != NULL)
    {
      g_ptr_array_set_free_func (found, NULL);
      for (guint i = 0; i < found->len; i++)
        g_ptr_array_add (problems, g_ptr_array_index (found, i));
    }
  return ok;
}

/**
 * octa_project_file_copy:
 * @project: a project file
 *
 * Returns: (transfer full): an independent copy
 */
OctaProjectFile *
octa_project_file_copy (const OctaProjectFile *project)
{
  GPtrArray *lines;

  g_return_val_if_fail (project != NULL, NULL);

  lines = g_ptr_array_new_full (project->lines->len, line_free);
  for (guint i = 0; i < project->lines->len; i++)
    {
      const Line *line = line_at (project, i);

      g_ptr_array_add (lines, line_new_take (g_strdup (line->text), line->eol));
    }
  return project_new_take (project->name, lines);
}

/**
 * octa_project_file_assign:
 * @project: the file to change
 * @from: the file whose lines it takes
 *
 * Makes @project's lines a copy of @from's (its name stays): the whole text
 * of one state taken into another, line endings included.
 */
void
octa_project_file_assign (OctaProjectFile       *project,
                          const OctaProjectFile *from)
{
  GPtrArray *lines;

  g_return_if_fail (project != NULL);
  g_return_if_fail (from != NULL);

  if (project == from)
    return;
  lines = g_ptr_array_new_full (from->lines->len, line_free);
  for (guint i = 0; i < from->lines->len; i++)
    {
      const Line *line = line_at (from, i);

      g_ptr_array_add (lines, line_new_take (g_strdup (line->text), line->eol));
    }
  g_ptr_array_unref (project->lines);
  project->lines = lines;
  reindex (project);
}

/**
 * octa_project_file_free:
 * @project: (nullable): a project file
 */
void
octa_project_file_free (OctaProjectFile *project)
{
  if (project == NULL)
    return;
  g_ptr_array_unref (project->lines);
  g_array_unref (project->blocks);
  g_free (project->name);
  g_free (project);
}

/**
 * octa_project_file_get_name:
 * @project: a project file
 *
 * Returns: the name used in messages
 */
const char *
octa_project_file_get_name (const OctaProjectFile *project)
{
  g_return_val_if_fail (project != NULL, NULL);
  return project->name;
}

/**
 * octa_project_file_set_name:
 * @project: a project file
 * @name: the name to use in messages
 */
void
octa_project_file_set_name (OctaProjectFile *project,
                            const char      *name)
{
  g_return_if_fail (project != NULL);
  g_return_if_fail (name != NULL);

  if (project->name != name)
    {
      g_free (project->name);
      project->name = g_strdup (name);
    }
}

/**
 * octa_project_file_encode:
 * @project: a project file
 *
 * Returns: (transfer full): the file's bytes: every line followed by the
 *   terminator it was read with
 */
GBytes *
octa_project_file_encode (const OctaProjectFile *project)
{
  GByteArray *out;

  g_return_val_if_fail (project != NULL, NULL);

  out = g_byte_array_new ();
  for (guint i = 0; i < project->lines->len; i++)
    {
      const Line *line = line_at (project, i);

      g_byte_array_append (out, (const guint8 *) line->text, strlen (line->text));
      g_byte_array_append (out, (const guint8 *) line->eol, strlen (line->eol));
    }
  return g_byte_array_free_to_bytes (out);
}

/**
 * octa_project_file_equal:
 * @a: a project file
 * @b: another
 *
 * Returns: %TRUE when both encode to the same bytes
 */
gboolean
octa_project_file_equal (const OctaProjectFile *a,
                         const OctaProjectFile *b)
{
  g_autoptr(GBytes) ea = NULL;
  g_autoptr(GBytes) eb = NULL;

  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  ea = octa_project_file_encode (a);
  eb = octa_project_file_encode (b);
  return g_bytes_equal (ea, eb);
}

/**
 * octa_project_file_get_n_lines:
 * @project: a project file
 *
 * Returns: the number of lines; a final line ending does not start another
 */
guint
octa_project_file_get_n_lines (const OctaProjectFile *project)
{
  g_return_val_if_fail (project != NULL, 0);
  return project->lines->len;
}

/**
 * octa_project_file_get_line:
 * @project: a project file
 * @index: 0-based line index
 *
 * Returns: the raw bytes of the line, without its terminator
 */
const char *
octa_project_file_get_line (const OctaProjectFile *project,
                            guint                  index)
{
  g_return_val_if_fail (project != NULL, NULL);
  g_return_val_if_fail (index < project->lines->len, NULL);
  return line_at (project, index)->text;
}

/* Text values --------------------------------------------------------------- */

static char *
value_from_utf8 (const OctaProjectFile  *project,
                 const char             *what,
                 const char             *utf8,
                 GError                **error)
{
  GString *latin1;
  gboolean ascii = TRUE;

  if (!g_utf8_validate (utf8, -1, NULL))
    {
      g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_INVALID_VALUE,
                   "%s: the %s value is not valid UTF-8", project->name, what);
      return NULL;
    }

  for (const char *p = utf8; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (ch < 0x20 || ch == 0x7F || (ch >= 0x80 && ch < 0xA0))
        {
          g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_INVALID_VALUE,
                       "%s: the %s value contains the control character U+%04X",
                       project->name, what, ch);
          return NULL;
        }
      if (ch > 0xFF)
        {
          g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_INVALID_VALUE,
                       "%s: the %s value contains U+%04X, which a project file cannot hold "
                       "(only Latin-1 characters can be stored)", project->name, what, ch);
          return NULL;
        }
      if (ch > 0x7F)
        ascii = FALSE;
    }

  if (ascii)
    return g_strdup (utf8);

  latin1 = g_string_new (NULL);
  for (const char *p = utf8; *p != '\0'; p = g_utf8_next_char (p))
    g_string_append_c (latin1, (char) g_utf8_get_char (p));

  /* Such bytes would read back as different text (e.g. "Ã©" as "é"). */
  if (g_utf8_validate (latin1->str, latin1->len, NULL))
    {
      g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_INVALID_VALUE,
                   "%s: the %s value cannot be stored: its Latin-1 bytes would read back "
                   "as different UTF-8 text", project->name, what);
      g_string_free (latin1, TRUE);
      return NULL;
    }

  return g_string_free (latin1, FALSE);
}

static gboolean
check_key (const OctaProjectFile  *project,
           const char             *key,
           GError                **error)
{
  if (*key == '\0' || *key == '#' || *key == '[')
    goto bad;
  for (const char *p = key; *p != '\0'; p++)
    if ((guchar) *p <= ' ' || (guchar) *p >= 0x7F || *p == '=')
      goto bad;
  return TRUE;

bad:
  g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_INVALID_VALUE,
               "%s: \"%s\" cannot be used as a key", project->name, key);
  return FALSE;
}

/* Sections ------------------------------------------------------------------ */

/* The first [section]…[/section]; @open and @close are line indices of the tags. */
static gboolean
find_section (const OctaProjectFile *project,
              const char            *section,
              guint                 *open,
              guint                 *close)
{
  gboolean inside = FALSE;

  for (guint i = 0; i < project->lines->len; i++)
    {
      const char *name = NULL, *value = NULL;
      gsize name_len = 0;
      LineKind kind = classify (line_at (project, i)->text, &name, &name_len, &value);

      if (kind == LINE_OPEN && !inside && span_equal (name, name_len, section))
        {
          inside = TRUE;
          *open = i;
        }
      else if (kind == LINE_CLOSE && inside && span_equal (name, name_len, section))
        {
          *close = i;
          return TRUE;
        }
    }
  return FALSE;
}

/* The line index of the @nth @key strictly between @open and @close, or -1;
 * @count receives how many there are, @last the index of the last one. */
static gint
find_key (const OctaProjectFile *project,
          guint                  open,
          guint                  close,
          const char            *key,
          guint                  nth,
          guint                 *count,
          guint                 *last)
{
  gint found = -1;
  guint n = 0;

  for (guint i = open + 1; i < close; i++)
    {
      const char *name = NULL, *value = NULL;
      gsize name_len = 0;

      if (classify (line_at (project, i)->text, &name, &name_len, &value) != LINE_KEY_VALUE ||
          !span_equal (name, name_len, key))
        continue;
      if (n == nth)
        found = (gint) i;
      if (last != NULL)
        *last = i;
      n++;
    }
  if (count != NULL)
    *count = n;
  return found;
}

static const char *
line_value (const OctaProjectFile *project,
            guint                  index)
{
  return strchr (line_at (project, index)->text, '=') + 1;
}

static const char *
lookup_raw (const OctaProjectFile *project,
            const char            *section,
            const char            *key,
            guint                  nth)
{
  guint open, close;
  gint index;

  if (!find_section (project, section, &open, &close))
    return NULL;
  index = find_key (project, open, close, key, nth, NULL, NULL);
  return index >= 0 ? line_value (project, index) : NULL;
}

/**
 * octa_project_file_known_keys:
 * @section: %OCTA_SECTION_META, _SETTINGS, _STATES or _SAMPLE
 *
 * The keys the device writes in @section, in its order. `TRIG_MODE_MIDI` is
 * listed once but the device writes it %OCTA_PROJECT_N_TRIG_MODE_MIDI times
 * (once per MIDI track); a [SAMPLE] block holds only one of `TRIM_BARSx100`
 * and `BPMx24`.
 *
 * Returns: (array zero-terminated=1) (transfer none): the keys; empty for
 *   an unknown section
 */
const char *const *
octa_project_file_known_keys (const char *section)
{
  const char *const *keys;
  const gint *defaults;

  section_tables (section, &keys, &defaults);
  return keys;
}

/**
 * octa_project_file_key_default:
 * @section: a section name
 * @key: a key
 * @value: (out) (optional): the device default
 *
 * The value a new device project holds for @key (spec §4.2/§4.3 "blank").
 *
 * Returns: %TRUE when @key is a known integer key of @section
 */
gboolean
octa_project_file_key_default (const char *section,
                               const char *key,
                               gint       *value)
{
  const char *const *keys;
  const gint *defaults;
  gint index;

  g_return_val_if_fail (key != NULL, FALSE);

  section_tables (section, &keys, &defaults);
  index = known_key_index (keys, key);
  if (defaults == NULL || index < 0 || defaults[index] == NO_DEFAULT)
    return FALSE;
  if (value != NULL)
    *value = defaults[index];
  return TRUE;
}

/**
 * octa_project_file_has_key:
 * @project: a project file
 * @section: a section name
 * @key: a key
 * @nth: which occurrence of @key (0 for keys that appear once)
 *
 * Returns: %TRUE when the first [@section] holds at least @nth + 1 @key lines
 */
gboolean
octa_project_file_has_key (const OctaProjectFile *project,
                           const char            *section,
                           const char            *key,
                           guint                  nth)
{
  g_return_val_if_fail (project != NULL, FALSE);
  g_return_val_if_fail (section != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  return lookup_raw (project, section, key, nth) != NULL;
}

/**
 * octa_project_file_count_key:
 * @project: a project file
 * @section: a section name
 * @key: a key
 *
 * Returns: how many times @key occurs in @section (8 for `TRIG_MODE_MIDI`
 *   in a device file)
 */
guint
octa_project_file_count_key (const OctaProjectFile *project,
                             const char            *section,
                             const char            *key)
{
  guint open, close, count = 0;

  g_return_val_if_fail (project != NULL, 0);
  g_return_val_if_fail (section != NULL, 0);
  g_return_val_if_fail (key != NULL, 0);

  if (find_section (project, section, &open, &close))
    find_key (project, open, close, key, 0, &count, NULL);
  return count;
}

/**
 * octa_project_file_lookup_int:
 * @project: a project file
 * @section: a section name
 * @key: a key
 * @nth: which occurrence of @key (0 for keys that appear once)
 * @value: (out) (optional): the value
 *
 * Returns: %TRUE when the key is present and holds a signed 32-bit integer
 */
gboolean
octa_project_file_lookup_int (const OctaProjectFile *project,
                              const char            *section,
                              const char            *key,
                              guint                  nth,
                              gint                  *value)
{
  const char *raw;
  gint v;

  g_return_val_if_fail (project != NULL, FALSE);
  g_return_val_if_fail (section != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  raw = lookup_raw (project, section, key, nth);
  if (raw == NULL || !parse_int (raw, &v))
    return FALSE;
  if (value != NULL)
    *value = v;
  return TRUE;
}

/**
 * octa_project_file_get_int:
 * @project: a project file
 * @section: a section name
 * @key: a key
 * @nth: which occurrence of @key (0 for keys that appear once)
 *
 * Returns: the value, or the device default when the key is missing or not
 *   an integer (0 for keys without a default)
 */
gint
octa_project_file_get_int (const OctaProjectFile *project,
                           const char            *section,
                           const char            *key,
                           guint                  nth)
{
  gint value = 0;

  g_return_val_if_fail (project != NULL, 0);
  g_return_val_if_fail (section != NULL, 0);
  g_return_val_if_fail (key != NULL, 0);

  if (octa_project_file_lookup_int (project, section, key, nth, &value))
    return value;
  if (octa_project_file_key_default (section, key, &value))
    return value;
  return 0;
}

/* Where a missing @key goes: after its own last occurrence, else after the
 * nearest key that precedes it in device order, else after the open tag;
 * unknown keys go before the close tag. */
static guint
insertion_point (const OctaProjectFile *project,
                 const char            *section,
                 const char            *key,
                 guint                  open,
                 guint                  close)
{
  const char *const *keys;
  const gint *defaults;
  guint count, last;
  gint index;

  find_key (project, open, close, key, 0, &count, &last);
  if (count > 0)
    return last + 1;

  section_tables (section, &keys, &defaults);
  index = known_key_index (keys, key);
  if (index < 0)
    return close;

  for (gint j = index - 1; j >= 0; j--)
    {
      find_key (project, open, close, keys[j], 0, &count, &last);
      if (count > 0)
        return last + 1;
    }
  return open + 1;
}

static gboolean
set_raw (OctaProjectFile  *project,
         const char       *section,
         const char       *key,
         guint             nth,
         const char       *raw,
         GError          **error)
{
  guint open, close, count, pos;
  const char *eol;
  gint index;
  gint def;

  if (!check_key (project, key, error))
    return FALSE;

  if (!find_section (project, section, &open, &close))
    {
      g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_NOT_FOUND,
                   "%s: there is no [%s] section", project->name, section);
      return FALSE;
    }

  index = find_key (project, open, close, key, nth, &count, NULL);
  if (index >= 0)
    {
      line_set_text (line_at (project, index), g_strdup_printf ("%s=%s", key, raw));
      return TRUE;
    }

  /* Missing: add it, with default-valued occurrences before it if @nth asks
   * for a later repeat than the file has. */
  eol = dominant_eol (project);
  pos = insertion_point (project, section, key, open, close);
  for (guint k = count; k <= nth; k++)
    {
      char *text;

      if (k < nth && octa_project_file_key_default (section, key, &def))
        text = g_strdup_printf ("%s=%d", key, def);
      else
        text = g_strdup_printf ("%s=%s", key, raw);
      insert_line (project, pos++, text, eol);
    }
  reindex (project);
  return TRUE;
}

/**
 * octa_project_file_set_int:
 * @project: a project file
 * @section: a section name
 * @key: a key
 * @nth: which occurrence of @key (0 for keys that appear once)
 * @value: the new value
 * @error: return location for a #GError
 *
 * Rewrites the key's line as `KEY=VALUE`, keeping its position and line
 * ending. A missing key is inserted where the device would write it.
 *
 * Returns: %FALSE when the key cannot be written (no such section, bad key)
 */
gboolean
octa_project_file_set_int (OctaProjectFile  *project,
                           const char       *section,
                           const char       *key,
                           guint             nth,
                           gint              value,
                           GError          **error)
{
  char raw[16];

  g_return_val_if_fail (project != NULL, FALSE);
  g_return_val_if_fail (section != NULL, FALSE);
  g_return_val_if_fail (!g_str_equal (section, OCTA_SECTION_SAMPLE), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_snprintf (raw, sizeof raw, "%d", value);
  return set_raw (project, section, key, nth, raw, error);
}

/**
 * octa_project_file_dup_string:
 * @project: a project file
 * @section: a section name
 * @key: a key
 *
 * Returns: (transfer full) (nullable): the first value of @key as UTF-8
 *   (bytes that are not UTF-8 are read as Latin-1), or %NULL when missing
 */
char *
octa_project_file_dup_string (const OctaProjectFile *project,
                              const char            *section,
                              const char            *key)
{
  const char *raw;

  g_return_val_if_fail (project != NULL, NULL);
  g_return_val_if_fail (section != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  raw = lookup_raw (project, section, key, 0);
  return raw != NULL ? value_to_utf8 (raw) : NULL;
}

/**
 * octa_project_file_set_string:
 * @project: a project file
 * @section: a section name
 * @key: a key
 * @value: UTF-8 text
 * @error: return location for a #GError
 *
 * Sets the first occurrence of @key. Non-ASCII text is stored as Latin-1;
 * text with control characters or characters outside Latin-1 is refused
 * with %OCTA_CODEC_ERROR_INVALID_VALUE.
 *
 * Returns: %TRUE on success
 */
gboolean
octa_project_file_set_string (OctaProjectFile  *project,
                              const char       *section,
                              const char       *key,
                              const char       *value,
                              GError          **error)
{
  g_autofree char *raw = NULL;

  g_return_val_if_fail (project != NULL, FALSE);
  g_return_val_if_fail (section != NULL, FALSE);
  g_return_val_if_fail (!g_str_equal (section, OCTA_SECTION_SAMPLE), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  raw = value_from_utf8 (project, key, value, error);
  if (raw == NULL)
    return FALSE;
  return set_raw (project, section, key, 0, raw, error);
}

/* [SAMPLE] blocks ----------------------------------------------------------- */

static void
reindex (OctaProjectFile *project)
{
  GArray *blocks = project->blocks;
  gboolean inside = FALSE;
  const char *type = NULL, *slot = NULL;
  guint open = 0;

  g_array_set_size (blocks, 0);
  for (guint t = 0; t < 2; t++)
    for (guint i = 0; i < OCTA_N_FLEX_SLOTS; i++)
      project->block_of[t][i] = -1;

  for (guint i = 0; i < project->lines->len; i++)
    {
      const char *name = NULL, *value = NULL;
      gsize name_len = 0;
      LineKind kind = classify (line_at (project, i)->text, &name, &name_len, &value);

      if (kind == LINE_OPEN && span_equal (name, name_len, OCTA_SECTION_SAMPLE))
        {
          inside = TRUE;
          open = i;
          type = slot = NULL;
        }
      else if (kind == LINE_KEY_VALUE && inside)
        {
          if (type == NULL && span_equal (name, name_len, "TYPE"))
            type = value;
          else if (slot == NULL && span_equal (name, name_len, "SLOT"))
            slot = value;
        }
      else if (kind == LINE_CLOSE && inside && span_equal (name, name_len, OCTA_SECTION_SAMPLE))
        {
          Block b = { open, i, OCTA_SLOT_FLEX, 0 };

          inside = FALSE;
          if (type != NULL && slot != NULL && parse_type (type, &b.type) &&
              parse_slot (slot, b.type, &b.slot) && project->block_of[b.type][b.slot] < 0)
            {
              project->block_of[b.type][b.slot] = (gint) blocks->len;
              g_array_append_val (blocks, b);
            }
        }
    }
}

static gboolean
find_block (const OctaProjectFile *project,
            OctaSlotType           type,
            guint                  slot,
            Block                 *out)
{
  gint index = project->block_of[type][slot];

  if (index < 0)
    return FALSE;
  *out = g_array_index (project->blocks, Block, index);
  return TRUE;
}

static gboolean
find_block_or_error (const OctaProjectFile  *project,
                     OctaSlotType            type,
                     guint                   slot,
                     Block                  *out,
                     GError                **error)
{
  if (find_block (project, type, slot, out))
    return TRUE;
  g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_NOT_FOUND,
               "%s: no [SAMPLE] block for %s slot %u", project->name, type_name (type), slot + 1);
  return FALSE;
}

#define SLOT_OK(type, slot) \
  (((type) == OCTA_SLOT_FLEX || (type) == OCTA_SLOT_STATIC) && (slot) < n_slots (type))

/**
 * octa_project_file_sample_attr_key:
 * @attr: an attribute
 *
 * Returns: the key @attr is written under in a [SAMPLE] block
 */
const char *
octa_project_file_sample_attr_key (OctaSampleAttr attr)
{
  g_return_val_if_fail ((guint) attr < OCTA_N_SAMPLE_ATTRS, NULL);
  return sample_attr_keys[attr];
}

/**
 * octa_project_file_list_samples:
 * @project: a project file
 *
 * Returns: (transfer full) (element-type OctaSlotRef): the slots that have a
 *   [SAMPLE] block, in file order
 */
GArray *
octa_project_file_list_samples (const OctaProjectFile *project)
{
  const GArray *blocks;
  GArray *refs;

  g_return_val_if_fail (project != NULL, NULL);

  blocks = project->blocks;
  refs = g_array_sized_new (FALSE, FALSE, sizeof (OctaSlotRef), blocks->len);
  for (guint i = 0; i < blocks->len; i++)
    {
      const Block *b = &g_array_index (blocks, Block, i);
      OctaSlotRef ref = { b->type, b->slot };

      g_array_append_val (refs, ref);
    }
  return refs;
}

/**
 * octa_project_file_has_sample:
 * @project: a project file
 * @type: the slot type
 * @slot: 0-based slot
 *
 * Returns: %TRUE when the slot has a [SAMPLE] block
 */
gboolean
octa_project_file_has_sample (const OctaProjectFile *project,
                              OctaSlotType           type,
                              guint                  slot)
{
  Block b;

  g_return_val_if_fail (project != NULL, FALSE);
  g_return_val_if_fail (SLOT_OK (type, slot), FALSE);

  return find_block (project, type, slot, &b);
}

/**
 * octa_project_file_dup_sample_path:
 * @project: a project file
 * @type: the slot type
 * @slot: 0-based slot (FLEX 128…135 are the recorder buffers)
 *
 * Returns: (transfer full) (nullable): the PATH as UTF-8 (empty for an
 *   empty recorder buffer), or %NULL when there is no block or no PATH
 */
char *
octa_project_file_dup_sample_path (const OctaProjectFile *project,
                                   OctaSlotType           type,
                                   guint                  slot)
{
  Block b;
  gint index;

  g_return_val_if_fail (project != NULL, NULL);
  g_return_val_if_fail (SLOT_OK (type, slot), NULL);

  if (!find_block (project, type, slot, &b))
    return NULL;
  index = find_key (project, b.open, b.close, "PATH", 0, NULL, NULL);
  return index >= 0 ? value_to_utf8 (line_value (project, index)) : NULL;
}

/* Rewrites @key's line in the block, or adds it before [/SAMPLE]. */
static void
block_set (OctaProjectFile *project,
           const Block     *b,
           const char      *key,
           char            *text)
{
  gint index = find_key (project, b->open, b->close, key, 0, NULL, NULL);

  if (index >= 0)
    {
      line_set_text (line_at (project, index), text);
      return;
    }
  insert_line (project, b->close, text, dominant_eol (project));
  reindex (project);
}

/**
 * octa_project_file_set_sample_path:
 * @project: a project file
 * @type: the slot type
 * @slot: 0-based slot
 * @path: UTF-8 path relative to the project folder, or "" for none
 * @error: return location for a #GError
 *
 * Returns: %FALSE when the slot has no block or the path cannot be stored
 */
gboolean
octa_project_file_set_sample_path (OctaProjectFile  *project,
                                   OctaSlotType      type,
                                   guint             slot,
                                   const char       *path,
                                   GError          **error)
{
  g_autofree char *raw = NULL;
  Block b;

  g_return_val_if_fail (project != NULL, FALSE);
  g_return_val_if_fail (SLOT_OK (type, slot), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  raw = value_from_utf8 (project, "PATH", path, error);
  if (raw == NULL)
    return FALSE;
  if (!find_block_or_error (project, type, slot, &b, error))
    return FALSE;

  block_set (project, &b, "PATH", g_strdup_printf ("PATH=%s", raw));
  return TRUE;
}

/**
 * octa_project_file_get_sample_attr:
 * @project: a project file
 * @type: the slot type
 * @slot: 0-based slot
 * @attr: which attribute
 * @value: (out) (optional): its value
 *
 * Returns: %FALSE when there is no such block, the block lacks the key
 *   (a block has TRIM_BARSx100 or BPMx24, usually not both) or it is not
 *   an integer
 */
gboolean
octa_project_file_get_sample_attr (const OctaProjectFile *project,
                                   OctaSlotType           type,
                                   guint                  slot,
                                   OctaSampleAttr         attr,
                                   gint                  *value)
{
  Block b;
  gint index, v;

  g_return_val_if_fail (project != NULL, FALSE);
  g_return_val_if_fail (SLOT_OK (type, slot), FALSE);
  g_return_val_if_fail ((guint) attr < OCTA_N_SAMPLE_ATTRS, FALSE);

  if (!find_block (project, type, slot, &b))
    return FALSE;
  index = find_key (project, b.open, b.close, sample_attr_keys[attr], 0, NULL, NULL);
  if (index < 0 || !parse_int (line_value (project, index), &v))
    return FALSE;
  if (value != NULL)
    *value = v;
  return TRUE;
}

/**
 * octa_project_file_set_sample_attr:
 * @project: a project file
 * @type: the slot type
 * @slot: 0-based slot
 * @attr: which attribute
 * @value: the new value
 * @error: return location for a #GError
 *
 * Rewrites the attribute's line. Setting TRIM_BARSx100 on a block that only
 * has BPMx24 (or the reverse) replaces that line in place, since the device
 * writes one or the other at the same position.
 *
 * Returns: %FALSE when the slot has no block
 */
gboolean
octa_project_file_set_sample_attr (OctaProjectFile  *project,
                                   OctaSlotType      type,
                                   guint             slot,
                                   OctaSampleAttr    attr,
                                   gint              value,
                                   GError          **error)
{
  const char *key;
  char *text;
  Block b;

  g_return_val_if_fail (project != NULL, FALSE);
  g_return_val_if_fail (SLOT_OK (type, slot), FALSE);
  g_return_val_if_fail ((guint) attr < OCTA_N_SAMPLE_ATTRS, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!find_block_or_error (project, type, slot, &b, error))
    return FALSE;

  key = sample_attr_keys[attr];
  text = g_strdup_printf ("%s=%d", key, value);

  if ((attr == OCTA_SAMPLE_ATTR_TRIM_BARS_X100 || attr == OCTA_SAMPLE_ATTR_BPM_X24) &&
      find_key (project, b.open, b.close, key, 0, NULL, NULL) < 0)
    {
      OctaSampleAttr other = attr == OCTA_SAMPLE_ATTR_BPM_X24 ? OCTA_SAMPLE_ATTR_TRIM_BARS_X100
                                                             : OCTA_SAMPLE_ATTR_BPM_X24;
      gint index = find_key (project, b.open, b.close, sample_attr_keys[other], 0, NULL, NULL);

      if (index >= 0)
        {
          line_set_text (line_at (project, index), text);
          return TRUE;
        }
    }

  block_set (project, &b, key, text);
  return TRUE;
}

static guint
sort_key (OctaSlotType type,
          guint        slot)
{
  return type == OCTA_SLOT_FLEX ? slot : OCTA_N_FLEX_SLOTS + slot;
}

/* Where a new block goes when the file has none: before the closing banner. */
static guint
end_of_samples (const OctaProjectFile *project)
{
  guint last_close = 0, p = project->lines->len;
  const char *name = NULL, *value = NULL;
  gsize name_len = 0;

  for (guint i = 0; i < project->lines->len; i++)
    if (classify (line_at (project, i)->text, &name, &name_len, &value) == LINE_CLOSE)
      last_close = i;

  while (p > 0 && classify (line_at (project, p - 1)->text, &name, &name_len, &value) == LINE_BLANK)
    p--;
  if (p > 0 && p - 1 > last_close &&
      classify (line_at (project, p - 1)->text, &name, &name_len, &value) == LINE_COMMENT)
    return p - 1;
  return project->lines->len;
}

/**
 * octa_project_file_add_sample:
 * @project: a project file
 * @type: the slot type
 * @slot: 0-based slot
 * @path: UTF-8 path relative to the project folder
 * @error: return location for a #GError
 *
 * Adds a device-style block (BPMx24 at the project tempo, TSMODE 2,
 * LOOPMODE 0, GAIN 48, TRIGQUANTIZATION -1) where the device would put it:
 * FLEX slots ascending, then STATIC slots ascending.
 *
 * Returns: %FALSE when the slot already has a block or @path cannot be stored
 */
gboolean
octa_project_file_add_sample (OctaProjectFile  *project,
                              OctaSlotType      type,
                              guint             slot,
                              const char       *path,
                              GError          **error)
{
  const GArray *blocks;
  g_autofree char *raw = NULL;
  const char *eol;
  guint pos, key;
  gint tempo;

  g_return_val_if_fail (project != NULL, FALSE);
  g_return_val_if_fail (SLOT_OK (type, slot), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  raw = value_from_utf8 (project, "PATH", path, error);
  if (raw == NULL)
    return FALSE;

  blocks = project->blocks;
  key = sort_key (type, slot);
  pos = G_MAXUINT;
  for (guint i = 0; i < blocks->len; i++)
    {
      const Block *b = &g_array_index (blocks, Block, i);

      if (b->type == type && b->slot == slot)
        {
          g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_INVALID_VALUE,
                       "%s: %s slot %u already has a [SAMPLE] block (line %u)",
                       project->name, type_name (type), slot + 1, b->open + 1);
          return FALSE;
        }
      /* Tool files may interleave FLEX and STATIC; the first block that
       * sorts after the new one still gives a sensible place. */
      if (pos == G_MAXUINT && sort_key (b->type, b->slot) > key)
        pos = b->open;
    }

  if (pos == G_MAXUINT)
    {
      if (blocks->len > 0)
        {
          const Block *last = &g_array_index (blocks, Block, blocks->len - 1);
          const char *name = NULL, *value = NULL;
          gsize name_len = 0;

          pos = last->close + 1;
          if (pos < project->lines->len &&
              classify (line_at (project, pos)->text, &name, &name_len, &value) == LINE_BLANK)
            pos++;
        }
      else
        {
          pos = end_of_samples (project);
        }
    }

  tempo = octa_project_file_get_int (project, OCTA_SECTION_SETTINGS, "TEMPOx24", 0);
  eol = dominant_eol (project);
  insert_line (project, pos++, g_strdup ("[SAMPLE]"), eol);
  insert_line (project, pos++, g_strdup_printf ("TYPE=%s", type_name (type)), eol);
  insert_line (project, pos++, g_strdup_printf ("SLOT=%03u", slot + 1), eol);
  insert_line (project, pos++, g_strdup_printf ("PATH=%s", raw), eol);
  insert_line (project, pos++, g_strdup_printf ("BPMx24=%d", tempo), eol);
  insert_line (project, pos++, g_strdup ("TSMODE=2"), eol);
  insert_line (project, pos++, g_strdup ("LOOPMODE=0"), eol);
  insert_line (project, pos++, g_strdup ("GAIN=48"), eol);
  insert_line (project, pos++, g_strdup ("TRIGQUANTIZATION=-1"), eol);
  insert_line (project, pos++, g_strdup ("[/SAMPLE]"), eol);
  insert_line (project, pos++, g_strdup (""), eol);
  reindex (project);
  return TRUE;
}

/**
 * octa_project_file_remove_sample:
 * @project: a project file
 * @type: the slot type
 * @slot: 0-based slot
 * @error: return location for a #GError
 *
 * Removes the slot's block and the empty line after it. The recorder
 * buffers (FLEX 128…135) always exist on the device and cannot be removed;
 * set their path to "" instead.
 *
 * Returns: %FALSE for a recorder buffer or a slot without a block
 */
gboolean
octa_project_file_remove_sample (OctaProjectFile  *project,
                                 OctaSlotType      type,
                                 guint             slot,
                                 GError          **error)
{
  const char *name = NULL, *value = NULL;
  gsize name_len = 0;
  guint end;
  Block b;

  g_return_val_if_fail (project != NULL, FALSE);
  g_return_val_if_fail (SLOT_OK (type, slot), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (type == OCTA_SLOT_FLEX && slot >= OCTA_N_SAMPLE_SLOTS)
    {
      g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_INVALID_VALUE,
                   "%s: recorder buffer %u cannot be removed (the device always has it); "
                   "set its path to \"\" instead",
                   project->name, slot - OCTA_N_SAMPLE_SLOTS + 1);
      return FALSE;
    }
  if (!find_block_or_error (project, type, slot, &b, error))
    return FALSE;

  end = b.close + 1;
  if (end < project->lines->len &&
      classify (line_at (project, end)->text, &name, &name_len, &value) == LINE_BLANK)
    end++;
  g_ptr_array_remove_range (project->lines, b.open, end - b.open);
  reindex (project);
  return TRUE;
}
