/* SPDX-License-Identifier: MIT */
#include <math.h>
#include <string.h>

#include "octa.h"
#include "octa-cli-private.h"

/*
 * `set` edits a project through the model: every PATH names an object by the
 * device's names (A01, T3, part1, flex.12, …) and ends with a GObject
 * property name, so whatever the model exposes can be scripted without a
 * table here. The walk from one level to the next is the only thing that
 * knows the object tree.
 */

typedef struct
{
  const char  *text;       /* the argument as typed */
  char        *path;       /* the part before '=' */
  char       **segments;
  guint        n_segments;
  const char  *value;      /* points into text */
  GObject     *object;     /* once applied: what was changed */
  GParamSpec  *pspec;
  char        *old_text;
} Assignment;

static void
assignment_clear (Assignment *assignment)
{
  g_clear_pointer (&assignment->path, g_free);
  g_clear_pointer (&assignment->segments, g_strfreev);
  g_clear_object (&assignment->object);
  g_clear_pointer (&assignment->old_text, g_free);
}

typedef GObject *(*ChildFunc) (GObject     *parent,
                               char       **segments,
                               guint        n_segments,
                               guint       *pos,
                               GError     **error);

typedef struct
{
  GType      (*get_type) (void);
  const char  *what;       /* "pattern": for messages */
  const char  *children;   /* what may follow, for messages; NULL for a leaf */
  ChildFunc    child;
} Level;

/* Parses "1"…"max" (no sign, no leading garbage); 0 when it is not one. */
static guint
parse_number (const char *text,
              guint       max)
{
  guint64 value;

  if (text[0] == '\0' || !g_ascii_isdigit (text[0]))
    return 0;
  if (!g_ascii_string_to_unsigned (text, 10, 1, max, &value, NULL))
    return 0;
  return (guint) value;
}

/* "T3" → 3 with prefix 'T'; 0 when @segment is not that form. */
static guint
parse_prefixed (const char *segment,
                const char *prefix,
                guint       max)
{
  gsize len = strlen (prefix);

  if (g_ascii_strncasecmp (segment, prefix, len) != 0)
    return 0;
  return parse_number (segment + len, max);
}

/* "A" → 0 … "P" → 15; -1 otherwise. */
static int
parse_bank_letter (char c)
{
  c = g_ascii_toupper (c);
  if (c < 'A' || c >= 'A' + OCTA_N_BANKS)
    return -1;
  return c - 'A';
}

static const struct
{
  const char   *word;
  OctaSlotKind  kind;
} slot_kinds[] = {
  { "flex",     OCTA_SLOT_KIND_FLEX },
  { "static",   OCTA_SLOT_KIND_STATIC },
  { "recorder", OCTA_SLOT_KIND_RECORDER },
};

static GObject *
child_of_project (GObject  *parent,
                  char    **segments,
                  guint     n_segments,
                  guint    *pos,
                  GError  **error)
{
  OctaProject *project = OCTA_PROJECT (parent);
  const char *segment = segments[*pos];
  int bank = parse_bank_letter (segment[0]);
  guint index;

  if (bank >= 0 && segment[1] == '\0')
    {
      (*pos)++;
      return G_OBJECT (octa_project_get_bank (project, (guint) bank));
    }

  if (bank >= 0)
    {
      guint pattern = parse_number (segment + 1, OCTA_N_PATTERNS);

      if (pattern != 0)
        {
          g_autoptr(OctaBank) b = octa_project_get_bank (project, (guint) bank);

          (*pos)++;
          return G_OBJECT (octa_bank_get_pattern (b, pattern - 1));
        }
    }

  if (g_ascii_strcasecmp (segment, "settings") == 0)
    {
      (*pos)++;
      return G_OBJECT (octa_project_get_settings (project));
    }

  if ((index = parse_prefixed (segment, "arr", OCTA_N_ARRANGEMENTS)) != 0)
    {
      (*pos)++;
      return G_OBJECT (octa_project_get_arrangement (project, index - 1));
    }

  for (guint k = 0; k < G_N_ELEMENTS (slot_kinds); k++)
    {
      guint n_slots = octa_slot_kind_get_n_slots (slot_kinds[k].kind);

      if (g_ascii_strcasecmp (segment, slot_kinds[k].word) != 0)
        continue;
      if (*pos + 1 >= n_segments)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       "“%s” needs a slot number: %s.1…%s.%u", segment, slot_kinds[k].word,
                       slot_kinds[k].word, n_slots);
          return NULL;
        }
      index = parse_number (segments[*pos + 1], n_slots);
      if (index == 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       "%s.%s: slots are numbered 1…%u", segment, segments[*pos + 1], n_slots);
          return NULL;
        }
      *pos += 2;
      return G_OBJECT (octa_project_get_sample_slot (project, slot_kinds[k].kind, index));
    }

  return NULL;
}

static GObject *
child_of_sample_slot (GObject  *parent,
                      char    **segments,
                      guint     n_segments,
                      guint    *pos,
                      GError  **error)
{
  if (g_ascii_strcasecmp (segments[*pos], "markers") != 0)
    return NULL;
  (*pos)++;
  return G_OBJECT (octa_sample_slot_get_markers (OCTA_SAMPLE_SLOT (parent)));
}

static GObject *
child_of_arrangement (GObject  *parent,
                      char    **segments,
                      guint     n_segments,
                      guint    *pos,
                      GError  **error)
{
  guint index = parse_number (segments[*pos], OCTA_ARRANGEMENT_N_ROWS);

  if (index == 0)
    return NULL;
  (*pos)++;
  return G_OBJECT (octa_arrangement_get_row (OCTA_ARRANGEMENT (parent), index - 1));
}

static GObject *
child_of_bank (GObject  *parent,
               char    **segments,
               guint     n_segments,
               guint    *pos,
               GError  **error)
{
  OctaBank *bank = OCTA_BANK (parent);
  const char *segment = segments[*pos];
  guint index;

  if ((index = parse_prefixed (segment, "part", 4)) != 0)
    {
      (*pos)++;
      return G_OBJECT (octa_bank_get_part (bank, index - 1));
    }
  if ((index = parse_number (segment, OCTA_N_PATTERNS)) != 0)
    {
      (*pos)++;
      return G_OBJECT (octa_bank_get_pattern (bank, index - 1));
    }
  return NULL;
}

static GObject *
child_of_pattern (GObject  *parent,
                  char    **segments,
                  guint     n_segments,
                  guint    *pos,
                  GError  **error)
{
  OctaPattern *pattern = OCTA_PATTERN (parent);
  const char *segment = segments[*pos];
  guint index;

  if ((index = parse_prefixed (segment, "T", OCTA_N_TRACKS)) != 0)
    {
      (*pos)++;
      return G_OBJECT (octa_pattern_get_audio_track (pattern, index - 1));
    }
  if ((index = parse_prefixed (segment, "M", OCTA_N_TRACKS)) != 0)
    {
      (*pos)++;
      return G_OBJECT (octa_pattern_get_midi_track (pattern, index - 1));
    }
  return NULL;
}

static GObject *
child_of_pattern_track (GObject  *parent,
                        char    **segments,
                        guint     n_segments,
                        guint    *pos,
                        GError  **error)
{
  guint index = parse_number (segments[*pos], OCTA_N_STEPS);

  if (index == 0)
    return NULL;
  (*pos)++;
  return G_OBJECT (octa_pattern_track_get_step (OCTA_PATTERN_TRACK (parent), index - 1));
}

static GObject *
child_of_part (GObject  *parent,
               char    **segments,
               guint     n_segments,
               guint    *pos,
               GError  **error)
{
  OctaPart *part = OCTA_PART (parent);
  const char *segment = segments[*pos];
  guint index;

  if ((index = parse_prefixed (segment, "T", OCTA_N_TRACKS)) != 0)
    {
      (*pos)++;
      return G_OBJECT (octa_part_get_audio_track (part, index - 1));
    }
  if ((index = parse_prefixed (segment, "M", OCTA_N_TRACKS)) != 0)
    {
      (*pos)++;
      return G_OBJECT (octa_part_get_midi_track (part, index - 1));
    }
  return NULL;
}

/* Subclasses before their parents: the first match wins. */
static const Level levels[] = {
  { octa_project_get_type, "the project",
    "A…P (banks), A01…P16 (patterns), settings, flex.1…flex.128, static.1…static.128, "
    "recorder.1…recorder.8 (sample slots), arr1…arr8 (arrangements)", child_of_project },
  { octa_bank_get_type, "bank",
    "part1…part4, 1…16 (patterns)", child_of_bank },
  { octa_pattern_get_type, "pattern",
    "T1…T8 (audio tracks), M1…M8 (MIDI tracks)", child_of_pattern },
  { octa_pattern_track_get_type, "track",
    "1…64 (steps)", child_of_pattern_track },
  { octa_audio_step_get_type, "audio step", NULL, NULL },
  { octa_midi_step_get_type, "MIDI step", NULL, NULL },
  { octa_part_get_type, "part",
    "T1…T8 (audio tracks), M1…M8 (MIDI tracks)", child_of_part },
  { octa_audio_part_track_get_type, "audio track", NULL, NULL },
  { octa_midi_part_track_get_type, "MIDI track", NULL, NULL },
  { octa_project_settings_get_type, "settings", NULL, NULL },
  { octa_sample_slot_get_type, "slot", "markers", child_of_sample_slot },
  { octa_markers_get_type, "markers", NULL, NULL },
  { octa_arrangement_get_type, "arrangement", "1…256 (rows)", child_of_arrangement },
  { octa_arrangement_row_get_type, "arrangement row", NULL, NULL },
};

static const Level *
find_level (GObject *object)
{
  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    if (g_type_is_a (G_OBJECT_TYPE (object), levels[i].get_type ()))
      return &levels[i];
  return NULL;
}

static gboolean
is_settable (GParamSpec *pspec)
{
  return (pspec->flags & G_PARAM_WRITABLE) != 0 &&
         (pspec->flags & G_PARAM_CONSTRUCT_ONLY) == 0;
}

/* "trig, trigless, lock, …": the properties a path may end with. */
static char *
list_settable_properties (GObject *object)
{
  g_autofree GParamSpec **pspecs = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = 0;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n);
  for (guint i = 0; i < n; i++)
    {
      if (!is_settable (pspecs[i]))
        continue;
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, pspecs[i]->name);
    }
  if (text->len == 0)
    g_string_append (text, "(none)");
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
join_segments (char  **segments,
               guint   n)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (text, '.');
      g_string_append (text, segments[i]);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* "pattern A01", "the project", "settings": an object for messages. */
static char *
describe (GObject  *object,
          char    **segments,
          guint     n)
{
  const Level *level = find_level (object);
  const char *what = level != NULL ? level->what : G_OBJECT_TYPE_NAME (object);
  g_autofree char *here = join_segments (segments, n);

  if (n == 0 || g_ascii_strcasecmp (here, what) == 0)
    return g_strdup (what);
  return g_strdup_printf ("%s %s", what, here);
}

/* Follows every segment but the last; the last names a property. */
static GObject *
resolve_object (OctaProject  *project,
                Assignment   *assignment,
                GError      **error)
{
  g_autoptr(GObject) object = g_object_ref (G_OBJECT (project));
  guint pos = 0;

  while (pos + 1 < assignment->n_segments)
    {
      const Level *level = find_level (object);
      g_autoptr(GError) local_error = NULL;
      GObject *child = NULL;
      guint start = pos;

      if (level != NULL && level->child != NULL)
        child = level->child (object, assignment->segments, assignment->n_segments - 1, &pos,
                              &local_error);
      if (local_error != NULL)
        {
          g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ",
                                      assignment->text);
          return NULL;
        }
      if (child == NULL)
        {
          g_autofree char *what = describe (object, assignment->segments, start);
          g_autofree char *props = list_settable_properties (object);
          const char *segment = assignment->segments[start];

          if (g_object_class_find_property (G_OBJECT_GET_CLASS (object), segment) != NULL)
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                         "%s: “%s” is a property of %s and must end the path",
                         assignment->text, segment, what);
          else if (level != NULL && level->children != NULL)
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                         "%s: %s has no “%s”; it holds %s, and its properties are: %s",
                         assignment->text, what, segment, level->children, props);
          else
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                         "%s: %s holds no objects (found “%s”); its properties are: %s",
                         assignment->text, what, segment, props);
          return NULL;
        }
      g_set_object (&object, child);
      g_object_unref (child);
    }

  return g_steal_pointer (&object);
}

/* Property names are "micro-timing"; accept "micro_timing" and any case too. */
static GParamSpec *
find_property (GObject    *object,
               const char *name)
{
  g_autofree char *canonical = g_ascii_strdown (name, -1);

  g_strdelimit (canonical, "_", '-');
  return g_object_class_find_property (G_OBJECT_GET_CLASS (object), canonical);
}

static gboolean
parse_boolean (const char *text,
               gboolean   *out)
{
  static const char *const true_words[] = { "true", "on", "yes", "1" };
  static const char *const false_words[] = { "false", "off", "no", "0" };

  for (guint i = 0; i < G_N_ELEMENTS (true_words); i++)
    if (g_ascii_strcasecmp (text, true_words[i]) == 0)
      {
        *out = TRUE;
        return TRUE;
      }
  for (guint i = 0; i < G_N_ELEMENTS (false_words); i++)
    if (g_ascii_strcasecmp (text, false_words[i]) == 0)
      {
        *out = FALSE;
        return TRUE;
      }
  return FALSE;
}

/*
 * Enum nicks are "not-fill", "1-2", "percent-25"; people type what the device
 * shows: "!FILL", "1:2", "25%", "1/2x".
 */
static char *
canonical_nick (const char *text)
{
  g_autoptr(GString) nick = g_string_new (NULL);
  gsize len = strlen (text);

  if (text[0] == '!')
    {
      g_string_append (nick, "not-");
      text++;
      len--;
    }
  if (len > 1 && text[len - 1] == '%')
    {
      g_string_append (nick, "percent-");
      g_string_append_len (nick, text, (gssize) len - 1);
    }
  else
    {
      g_string_append (nick, text);
    }

  for (gsize i = 0; i < nick->len; i++)
    {
      char c = g_ascii_tolower (nick->str[i]);

      nick->str[i] = (c == '_' || c == ':' || c == '/' || c == ' ') ? '-' : c;
    }
  return g_string_free (g_steal_pointer (&nick), FALSE);
}

static char *
list_enum_nicks (GEnumClass *klass)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    {
      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, klass->values[i].value_nick);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
parse_enum (GParamSpec  *pspec,
            const char  *text,
            GValue      *value,
            GError     **error)
{
  GEnumClass *klass = G_PARAM_SPEC_ENUM (pspec)->enum_class;
  g_autofree char *nick = canonical_nick (text);
  g_autofree char *nicks = NULL;
  GEnumValue *found;
  gint64 number;

  found = g_enum_get_value_by_nick (klass, nick);
  if (found == NULL)
    found = g_enum_get_value_by_name (klass, text);
  if (found == NULL && g_ascii_string_to_signed (text, 10, G_MININT, G_MAXINT, &number, NULL))
    found = g_enum_get_value (klass, (gint) number);
  /* Conditions also by the device's labels: "1ST", "!NEI". */
  for (guint i = 0; found == NULL && G_PARAM_SPEC_VALUE_TYPE (pspec) == OCTA_TYPE_TRIG_CONDITION &&
                    i < klass->n_values; i++)
    if (g_ascii_strcasecmp (text, octa_trig_condition_to_string (klass->values[i].value)) == 0)
      found = &klass->values[i];
  if (found != NULL)
    {
      g_value_set_enum (value, found->value);
      return TRUE;
    }

  nicks = list_enum_nicks (klass);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               "“%s” is not a value of %s; use one of: %s (or the number)",
               text, pspec->name, nicks);
  return FALSE;
}

static gboolean
parse_flags (GParamSpec  *pspec,
             const char  *text,
             GValue      *value,
             GError     **error)
{
  GFlagsClass *klass = G_PARAM_SPEC_FLAGS (pspec)->flags_class;
  g_auto(GStrv) words = g_strsplit_set (text, "|,", -1);
  guint flags = 0;
  guint64 number;

  if (g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT, &number, NULL))
    {
      g_value_set_flags (value, (guint) number);
      return TRUE;
    }

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *word = g_strstrip (g_ascii_strdown (words[i], -1));
      GFlagsValue *found;

      if (word[0] == '\0')
        continue;
      g_strdelimit (word, "_", '-');
      found = g_flags_get_value_by_nick (klass, word);
      if (found == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       "“%s” is not a flag of %s", words[i], pspec->name);
          return FALSE;
        }
      flags |= found->value;
    }
  g_value_set_flags (value, flags);
  return TRUE;
}

static gboolean
out_of_range (GParamSpec  *pspec,
              const char  *text,
              const char  *range,
              GError     **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               "%s: “%s” is not a number in %s", pspec->name, text, range);
  return FALSE;
}

static gboolean
parse_signed (GParamSpec  *pspec,
              const char  *text,
              gint64       min,
              gint64       max,
              gint64      *out,
              GError     **error)
{
  g_autofree char *range = g_strdup_printf ("%" G_GINT64_FORMAT "…%" G_GINT64_FORMAT, min, max);

  if (!g_ascii_string_to_signed (text, 10, min, max, out, NULL))
    return out_of_range (pspec, text, range, error);
  return TRUE;
}

static gboolean
parse_unsigned (GParamSpec  *pspec,
                const char  *text,
                guint64      min,
                guint64      max,
                guint64     *out,
                GError     **error)
{
  g_autofree char *range = g_strdup_printf ("%" G_GUINT64_FORMAT "…%" G_GUINT64_FORMAT, min, max);

  if (!g_ascii_string_to_unsigned (text, 10, min, max, out, NULL))
    return out_of_range (pspec, text, range, error);
  return TRUE;
}

static gboolean
parse_double (GParamSpec  *pspec,
              const char  *text,
              double       min,
              double       max,
              double      *out,
              GError     **error)
{
  g_autofree char *range = g_strdup_printf ("%g…%g", min, max);
  char *end = NULL;
  double d;

  d = g_ascii_strtod (text, &end);
  if (text[0] == '\0' || end == NULL || *end != '\0' || !isfinite (d) || d < min || d > max)
    return out_of_range (pspec, text, range, error);
  *out = d;
  return TRUE;
}

/* The value text for @pspec, as a GValue of the property's type. */
static gboolean
parse_value (GParamSpec  *pspec,
             const char  *text,
             GValue      *value,
             GError     **error)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);
  gint64 s;
  guint64 u;
  double d;

  g_value_init (value, type);

  if (G_IS_PARAM_SPEC_BOOLEAN (pspec))
    {
      gboolean b;

      if (!parse_boolean (text, &b))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       "%s: “%s” is not true or false (nor on/off, yes/no, 1/0)",
                       pspec->name, text);
          return FALSE;
        }
      g_value_set_boolean (value, b);
      return TRUE;
    }
  if (G_IS_PARAM_SPEC_INT (pspec))
    {
      GParamSpecInt *p = G_PARAM_SPEC_INT (pspec);

      if (!parse_signed (pspec, text, p->minimum, p->maximum, &s, error))
        return FALSE;
      g_value_set_int (value, (gint) s);
      return TRUE;
    }
  if (G_IS_PARAM_SPEC_UINT (pspec))
    {
      GParamSpecUInt *p = G_PARAM_SPEC_UINT (pspec);

      if (!parse_unsigned (pspec, text, p->minimum, p->maximum, &u, error))
        return FALSE;
      g_value_set_uint (value, (guint) u);
      return TRUE;
    }
  if (G_IS_PARAM_SPEC_INT64 (pspec))
    {
      GParamSpecInt64 *p = G_PARAM_SPEC_INT64 (pspec);

      if (!parse_signed (pspec, text, p->minimum, p->maximum, &s, error))
        return FALSE;
      g_value_set_int64 (value, s);
      return TRUE;
    }
  if (G_IS_PARAM_SPEC_UINT64 (pspec))
    {
      GParamSpecUInt64 *p = G_PARAM_SPEC_UINT64 (pspec);

      if (!parse_unsigned (pspec, text, p->minimum, p->maximum, &u, error))
        return FALSE;
      g_value_set_uint64 (value, u);
      return TRUE;
    }
  if (G_IS_PARAM_SPEC_DOUBLE (pspec))
    {
      GParamSpecDouble *p = G_PARAM_SPEC_DOUBLE (pspec);

      if (!parse_double (pspec, text, p->minimum, p->maximum, &d, error))
        return FALSE;
      g_value_set_double (value, d);
      return TRUE;
    }
  if (G_IS_PARAM_SPEC_FLOAT (pspec))
    {
      GParamSpecFloat *p = G_PARAM_SPEC_FLOAT (pspec);

      if (!parse_double (pspec, text, p->minimum, p->maximum, &d, error))
        return FALSE;
      g_value_set_float (value, (float) d);
      return TRUE;
    }
  if (G_IS_PARAM_SPEC_ENUM (pspec))
    return parse_enum (pspec, text, value, error);
  if (G_IS_PARAM_SPEC_FLAGS (pspec))
    return parse_flags (pspec, text, value, error);
  if (G_IS_PARAM_SPEC_STRING (pspec))
    {
      g_value_set_string (value, text);
      return TRUE;
    }
  if (G_IS_PARAM_SPEC_OBJECT (pspec) && g_type_is_a (G_TYPE_FILE, type))
    {
      g_autoptr(GFile) file = text[0] != '\0' ? g_file_new_for_commandline_arg (text) : NULL;

      g_value_set_object (value, file);
      return TRUE;
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
               "%s: properties of type %s cannot be set from the command line",
               pspec->name, g_type_name (type));
  return FALSE;
}

/* The value as it would be typed back: nicks for enums, dots for decimals. */
static char *
format_value (const GValue *value)
{
  if (G_VALUE_HOLDS_BOOLEAN (value))
    return g_strdup (g_value_get_boolean (value) ? "true" : "false");
  if (G_VALUE_HOLDS_ENUM (value))
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (G_VALUE_TYPE (value));
      GEnumValue *found = g_enum_get_value (klass, g_value_get_enum (value));

      if (found != NULL)
        return g_strdup (found->value_nick);
      return g_strdup_printf ("%d", g_value_get_enum (value));
    }
  if (G_VALUE_HOLDS_DOUBLE (value) || G_VALUE_HOLDS_FLOAT (value))
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];
      double d = G_VALUE_HOLDS_DOUBLE (value) ? g_value_get_double (value)
                                              : g_value_get_float (value);

      return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.10g", d));
    }
  if (G_VALUE_HOLDS_STRING (value))
    {
      const char *s = g_value_get_string (value);

      return g_strdup_printf ("“%s”", s != NULL ? s : "");
    }
  if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    {
      GFile *file = g_value_get_object (value);

      return file != NULL ? g_file_get_parse_name (file) : g_strdup ("(none)");
    }
  return g_strdup_value_contents (value);
}

typedef struct
{
  GPtrArray *messages;
} Capture;

/* A model setter that refuses a value (a part name too long, …) says so with
 * a warning; the command turns that into a failure. */
static void
capture_log (const char     *domain,
             GLogLevelFlags  level,
             const char     *message,
             gpointer        user_data)
{
  Capture *capture = user_data;

  g_ptr_array_add (capture->messages, g_strdup (message));
}

static gboolean
apply_assignment (OctaProject  *project,
                  Assignment   *assignment,
                  Capture      *capture,
                  GError      **error)
{
  g_autoptr(GObject) object = NULL;
  g_auto(GValue) old_value = G_VALUE_INIT;
  g_auto(GValue) new_value = G_VALUE_INIT;
  g_autoptr(GError) local_error = NULL;
  const char *name = assignment->segments[assignment->n_segments - 1];
  GParamSpec *pspec;

  object = resolve_object (project, assignment, error);
  if (object == NULL)
    return FALSE;

  pspec = find_property (object, name);
  if (pspec == NULL)
    {
      g_autofree char *what = describe (object, assignment->segments,
                                        assignment->n_segments - 1);
      g_autofree char *props = list_settable_properties (object);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "%s: %s has no property “%s”; its properties are: %s",
                   assignment->text, what, name, props);
      return FALSE;
    }
  if (!is_settable (pspec))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY,
                   "%s: “%s” is read-only", assignment->text, pspec->name);
      return FALSE;
    }

  if (!parse_value (pspec, assignment->value, &new_value, &local_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "%s: %s", assignment->text, local_error->message);
      return FALSE;
    }
  if (g_param_value_validate (pspec, &new_value))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "%s: “%s” is out of range for %s", assignment->text, assignment->value,
                   pspec->name);
      return FALSE;
    }

  if ((pspec->flags & G_PARAM_READABLE) != 0)
    {
      g_value_init (&old_value, G_PARAM_SPEC_VALUE_TYPE (pspec));
      g_object_get_property (object, pspec->name, &old_value);
      assignment->old_text = format_value (&old_value);
    }

  g_object_set_property (object, pspec->name, &new_value);
  if (capture->messages->len > 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "%s: %s", assignment->text,
                   (const char *) capture->messages->pdata[0]);
      return FALSE;
    }

  assignment->object = g_steal_pointer (&object);
  assignment->pspec = pspec;
  return TRUE;
}

/* Objects show new values once the edit has ended, so this comes after. */
static void
print_assignment (Assignment *assignment)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *new_text = NULL;

  if ((assignment->pspec->flags & G_PARAM_READABLE) == 0)
    {
      g_print ("%s set\n", assignment->path);
      return;
    }

  g_value_init (&value, G_PARAM_SPEC_VALUE_TYPE (assignment->pspec));
  g_object_get_property (assignment->object, assignment->pspec->name, &value);
  new_text = format_value (&value);
  g_print ("%s = %s (was %s)\n", assignment->path, new_text, assignment->old_text);
}

static int
parse_assignment (const char  *text,
                  Assignment  *assignment)
{
  const char *eq = strchr (text, '=');

  assignment->text = text;
  if (eq == NULL || eq == text)
    return _octa_cli_usage_error ("set", "set: “%s” is not PATH=VALUE", text);

  assignment->path = g_strndup (text, (gsize) (eq - text));
  assignment->value = eq + 1;
  assignment->segments = g_strsplit (assignment->path, ".", -1);
  assignment->n_segments = g_strv_length (assignment->segments);
  for (guint i = 0; i < assignment->n_segments; i++)
    if (assignment->segments[i][0] == '\0')
      return _octa_cli_usage_error ("set", "set: “%s”: empty name in the path", text);
  return OCTA_CLI_EXIT_OK;
}

int
_octa_cli_set (int    argc,
               char **argv)
{
  gboolean device_save = FALSE;
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "device-save", 0, 0, G_OPTION_ARG_NONE, &device_save,
      "Also store the result as the saved state (.strd), like PROJECT ▸ SAVE on the device",
      NULL },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      "Overwrite project files that another program changed since they were read", NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) location = NULL;
  g_autoptr(OctaProject) project = NULL;
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  g_autofree Assignment *assignments = NULL;
  Capture capture = { messages };
  OctaHistory *history;
  guint n_assignments;
  guint handler;
  gboolean ok = TRUE;
  int status;

  context = _octa_cli_option_context (
    "set", "PROJECT PATH=VALUE…",
    "Changes a project folder through the model and saves it. Each PATH names\n"
    "an object the way the device does, then one of its properties:\n"
    "  A01.T3.17.trig=true          trig on step 17 of audio track 3, pattern A01\n"
    "  A01.T3.17.lock-amp-vol=100   a parameter lock on that step\n"
    "  A01.M1.1.condition=fill      a trig condition (1:2, !PRE, 25%, …)\n"
    "  A01.tempo=126.5  A01.part=2  pattern properties\n"
    "  A.part1.name=BASS            a part's name\n"
    "  A.part1.T2.machine=flex      the machine of track 2 in part 1 of bank A\n"
    "  flex.12.path=../AUDIO/a.wav  a Flex sample slot\n"
    "  settings.tempo=130           the project tempo\n"
    "All assignments form one edit: if one fails, nothing is written.\n"
    "The path syntax is described in docs/set-paths.md.",
    "Exit status: 0 saved, 1 failed (nothing written), 2 usage error.",
    entries);
  status = _octa_cli_parse_options (context, "set", &argc, &argv);
  if (status != OCTA_CLI_EXIT_OK)
    return status;
  if (argc < 2)
    return _octa_cli_usage_error ("set", "set: no project given");
  if (argc < 3)
    return _octa_cli_usage_error ("set", "set: no PATH=VALUE given");

  n_assignments = (guint) argc - 2;
  assignments = g_new0 (Assignment, n_assignments);
  for (guint i = 0; i < n_assignments && status == OCTA_CLI_EXIT_OK; i++)
    status = parse_assignment (argv[i + 2], &assignments[i]);
  if (status != OCTA_CLI_EXIT_OK)
    goto out;

  if (!g_file_test (argv[1], G_FILE_TEST_IS_DIR))
    {
      _octa_cli_error ("%s: not a project folder%s", argv[1],
                       _octa_cli_is_zip (argv[1]) ? " (unzip it first)" : "");
      status = OCTA_CLI_EXIT_FAILURE;
      goto out;
    }

  location = g_file_new_for_commandline_arg (argv[1]);
  project = octa_project_load (location, NULL, &error);
  if (project == NULL)
    {
      _octa_cli_error ("%s", error->message);
      status = OCTA_CLI_EXIT_FAILURE;
      goto out;
    }

  handler = g_log_set_handler ("octa-model",
                               G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL | G_LOG_FLAG_FATAL,
                               capture_log, &capture);
  /*
   * One undo step, but each assignment is its own change: objects refresh at
   * the end of a change, and a later path may depend on an earlier value
   * (A.part1.T2.machine=flex makes T2 a Flex track with Flex properties).
   */
  history = octa_project_get_history (project);
  octa_history_begin_group (history, "Set from the command line");
  for (guint i = 0; i < n_assignments && ok; i++)
    {
      octa_project_begin_change (project, NULL);
      ok = apply_assignment (project, &assignments[i], &capture, &error);
      octa_project_end_change (project);
    }
  octa_history_end_group (history);
  g_log_remove_handler ("octa-model", handler);

  if (!ok)
    {
      _octa_cli_error ("%s", error->message);
      _octa_cli_error ("nothing was written to %s", argv[1]);
      status = OCTA_CLI_EXIT_FAILURE;
      goto out;
    }
  for (guint i = 0; i < n_assignments; i++)
    print_assignment (&assignments[i]);

  if (!octa_project_save (project,
                          device_save ? OCTA_SAVE_MODE_DEVICE : OCTA_SAVE_MODE_WORKING,
                          force ? OCTA_SAVE_FLAGS_FORCE : OCTA_SAVE_FLAGS_NONE,
                          NULL, &error))
    {
      _octa_cli_error ("%s", error->message);
      status = OCTA_CLI_EXIT_FAILURE;
      goto out;
    }
  g_print ("Saved %s%s\n", argv[1], device_save ? " (working and saved state)" : "");

out:
  for (guint i = 0; i < n_assignments; i++)
    assignment_clear (&assignments[i]);
  return status;
}
