/* SPDX-License-Identifier: MIT */
#include "octa-arrangement-private.h"

#include "octa-field-private.h"

/**
 * OctaArrangementRow:
 *
 * One row of an arrangement's working copy: a PATTERN row (which pattern,
 * how often, mutes, tempo, scenes, offset and length, MIDI transposes), a
 * LOOP/JUMP/HALT row or a REMINDER row (a text). The type is byte 0; the
 * device changes only that byte when the type changes and leaves the other
 * 21 stale, so every property reads its bytes whatever the type.
 *
 * The layout of LOOP/JUMP/HALT rows is disputed (spec §5.3): they have no
 * properties; use octa_arrangement_row_get_byte() and
 * octa_arrangement_row_set_byte().
 */
struct _OctaArrangementRow
{
  GObject          parent_instance;

  OctaArrangement *arrangement;
  guint            index;
  char            *reminder;
  gint            *cache;
};

G_DEFINE_FINAL_TYPE (OctaArrangementRow, octa_arrangement_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_INDEX,
  PROP_REMINDER,
  N_FIXED_PROPS
};

typedef enum
{
  FIELD_ROW_TYPE,
  FIELD_PATTERN,
  FIELD_REPEATS,
  FIELD_AUDIO_MUTES,
  FIELD_MIDI_MUTES,
  FIELD_TEMPO,
  FIELD_SCENE_A,
  FIELD_SCENE_B,
  FIELD_OFFSET,
  FIELD_LENGTH,
} FieldId;

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_FIXED_PROPS];
static guint signals[N_SIGNALS];
static OctaFieldTable fields;

#define SCENE_NONE    255
#define MIN_TEMPO_X24 720

static OctaArrangementFile *
file_of (gpointer self)
{
  return _octa_arrangement_get_file (OCTA_ARRANGEMENT_ROW (self)->arrangement);
}

static OctaProject *
project_of (OctaArrangementRow *self)
{
  return octa_arrangement_get_project (self->arrangement);
}

static guint
raw_field (gpointer     self,
           OctaRowField field)
{
  return octa_arrangement_file_get_row_field (file_of (self), OCTA_ARRANGEMENT_WORKING,
                                              OCTA_ARRANGEMENT_ROW (self)->index, field);
}

static void
write_field (gpointer     self,
             OctaRowField field,
             guint        value)
{
  octa_arrangement_file_set_row_field (file_of (self), OCTA_ARRANGEMENT_WORKING,
                                       OCTA_ARRANGEMENT_ROW (self)->index, field, value);
}

static gint
get_row_type (gpointer self,
              guint    arg)
{
  return octa_arrangement_row_get_byte (self, 0);
}

static void
set_row_type (gpointer self,
              guint    arg,
              gint     value)
{
  octa_arrangement_file_set_row_type (file_of (self), OCTA_ARRANGEMENT_WORKING,
                                      OCTA_ARRANGEMENT_ROW (self)->index, value);
}

static gint
get_plain (gpointer self,
           guint    field)
{
  return raw_field (self, field);
}

static void
set_plain (gpointer self,
           guint    field,
           gint     value)
{
  write_field (self, field, value);
}

/* The file counts repeats from 0; the device shows 1…64 plays. */
static gint
get_repeats (gpointer self,
             guint    arg)
{
  return raw_field (self, OCTA_ROW_FIELD_REPEATS) + 1;
}

static void
set_repeats (gpointer self,
             guint    arg,
             gint     value)
{
  write_field (self, OCTA_ROW_FIELD_REPEATS, value - 1);
}

static gint
get_scene (gpointer self,
           guint    field)
{
  guint raw = raw_field (self, field);

  return raw == SCENE_NONE ? -1 : (gint) raw;
}

static void
set_scene (gpointer self,
           guint    field,
           gint     value)
{
  write_field (self, field, value < 0 ? SCENE_NONE : (guint) value);
}

/* Bytes 12–13 hold offset + length (spec §5.3, OctArranger). */
static gint
get_length (gpointer self,
            guint    arg)
{
  guint offset = raw_field (self, OCTA_ROW_FIELD_OFFSET);
  guint end = raw_field (self, OCTA_ROW_FIELD_LENGTH);

  return end > offset ? (gint) (end - offset) : 0;
}

static void
set_length (gpointer self,
            guint    arg,
            gint     value)
{
  guint offset = raw_field (self, OCTA_ROW_FIELD_OFFSET);

  write_field (self, OCTA_ROW_FIELD_LENGTH, MIN (offset + (guint) value, G_MAXUINT16));
}

/* Moving the start keeps the length, as the end is stored. */
static void
set_offset (gpointer self,
            guint    arg,
            gint     value)
{
  guint length = get_length (self, 0);

  write_field (self, OCTA_ROW_FIELD_OFFSET, value);
  write_field (self, OCTA_ROW_FIELD_LENGTH, MIN ((guint) value + length, G_MAXUINT16));
}

static const OctaField field_defs[] = {
  [FIELD_ROW_TYPE] = { "row-type", OCTA_FIELD_INT, 0, 2, 0, NULL, get_row_type, set_row_type,
                       0, 1, "Change row type" },
  [FIELD_PATTERN] = { "pattern", OCTA_FIELD_INT, 0, 255, 0, NULL, get_plain, set_plain,
                      OCTA_ROW_FIELD_PATTERN, 1, "Change row pattern" },
  [FIELD_REPEATS] = { "repeats", OCTA_FIELD_INT, 1, 64, 1, NULL, get_repeats, set_repeats, 0, 1,
                      "Change row repeats" },
  [FIELD_AUDIO_MUTES] = { "audio-mutes", OCTA_FIELD_INT, 0, 255, 0, NULL, get_plain, set_plain,
                          OCTA_ROW_FIELD_AUDIO_MUTES, 1, "Change row mutes" },
  [FIELD_MIDI_MUTES] = { "midi-mutes", OCTA_FIELD_INT, 0, 255, 0, NULL, get_plain, set_plain,
                         OCTA_ROW_FIELD_MIDI_MUTES, 1, "Change row mutes" },
  [FIELD_TEMPO] = { "tempo", OCTA_FIELD_DOUBLE, 0, 7200, 0, NULL, get_plain, set_plain,
                    OCTA_ROW_FIELD_TEMPO_X24, 24, "Change row tempo" },
  [FIELD_SCENE_A] = { "scene-a", OCTA_FIELD_INT, -1, 15, -1, NULL, get_scene, set_scene,
                      OCTA_ROW_FIELD_SCENE_A, 1, "Change row scene" },
  [FIELD_SCENE_B] = { "scene-b", OCTA_FIELD_INT, -1, 15, -1, NULL, get_scene, set_scene,
                      OCTA_ROW_FIELD_SCENE_B, 1, "Change row scene" },
  [FIELD_OFFSET] = { "offset", OCTA_FIELD_INT, 0, G_MAXUINT16, 0, NULL, get_plain, set_offset,
                     OCTA_ROW_FIELD_OFFSET, 1, "Change row offset" },
  [FIELD_LENGTH] = { "length", OCTA_FIELD_INT, 0, G_MAXUINT16, 0, NULL, get_length, set_length,
                     0, 1, "Change row length" },
};

static char *
read_reminder (OctaArrangementRow *self)
{
  if (get_row_type (self, 0) != OCTA_ARRANGEMENT_ROW_REMINDER)
    return NULL;
  return octa_arrangement_file_dup_row_reminder (file_of (self), OCTA_ARRANGEMENT_WORKING,
                                                 self->index);
}

static void
octa_arrangement_row_refresh (GObject *object)
{
  OctaArrangementRow *self = OCTA_ARRANGEMENT_ROW (object);
  g_autofree char *reminder = read_reminder (self);

  g_object_freeze_notify (object);
  octa_field_table_refresh (&fields, self, self->cache);
  if (g_strcmp0 (reminder, self->reminder) != 0)
    {
      g_free (self->reminder);
      self->reminder = g_steal_pointer (&reminder);
      g_object_notify_by_pspec (object, properties[PROP_REMINDER]);
    }
  g_object_thaw_notify (object);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
octa_arrangement_row_finalize (GObject *object)
{
  OctaArrangementRow *self = OCTA_ARRANGEMENT_ROW (object);

  _octa_project_unwatch (project_of (self), object);
  _octa_arrangement_forget_row (self->arrangement, self->index);
  g_clear_object (&self->arrangement);
  g_clear_pointer (&self->reminder, g_free);
  g_clear_pointer (&self->cache, g_free);

  G_OBJECT_CLASS (octa_arrangement_row_parent_class)->finalize (object);
}

static void
octa_arrangement_row_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  OctaArrangementRow *self = OCTA_ARRANGEMENT_ROW (object);

  if (octa_field_table_get (&fields, self, prop_id, value))
    return;

  switch (prop_id)
    {
    case PROP_INDEX:
      g_value_set_uint (value, self->index);
      break;
    case PROP_REMINDER:
      g_value_take_string (value, read_reminder (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
octa_arrangement_row_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  OctaArrangementRow *self = OCTA_ARRANGEMENT_ROW (object);
  g_autoptr(GError) error = NULL;

  if (prop_id == PROP_REMINDER)
    {
      if (!octa_arrangement_row_set_reminder (self, g_value_get_string (value), &error))
        g_warning ("%s", error->message);
      return;
    }
  if (prop_id == N_FIXED_PROPS + FIELD_TEMPO)
    {
      double bpm = g_value_get_double (value);

      if (bpm != 0.0 && bpm < MIN_TEMPO_X24 / 24.0)
        {
          g_warning ("%s: tempo %g is neither 0 (no change) nor 30…300 BPM",
                     G_OBJECT_TYPE_NAME (object), bpm);
          return;
        }
    }

  if (!octa_field_table_set (&fields, self, project_of (self), prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
octa_arrangement_row_class_init (OctaArrangementRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = octa_arrangement_row_finalize;
  object_class->get_property = octa_arrangement_row_get_property;
  object_class->set_property = octa_arrangement_row_set_property;

  /**
   * OctaArrangementRow:index:
   *
   * The row's position, 0…255.
   */
  properties[PROP_INDEX] =
    g_param_spec_uint ("index", NULL, NULL, 0, OCTA_ARRANGEMENT_N_ROWS - 1, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * OctaArrangementRow:reminder:
   *
   * A REMINDER row's text (up to 15 printable ASCII characters; the device
   * shows upper case), or %NULL for other rows. Setting it makes the row a
   * REMINDER row.
   */
  properties[PROP_REMINDER] =
    g_param_spec_string ("reminder", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_FIXED_PROPS, properties);

  /**
   * OctaArrangementRow:row-type:
   *
   * %OCTA_ARRANGEMENT_ROW_PATTERN (0), %OCTA_ARRANGEMENT_ROW_LOOP (1: LOOP,
   * JUMP or HALT, by the target row) or %OCTA_ARRANGEMENT_ROW_REMINDER (2).
   */
  /**
   * OctaArrangementRow:pattern:
   *
   * The pattern played: bank × 16 + pattern, 0 (A01) … 255 (P16).
   */
  /**
   * OctaArrangementRow:repeats:
   *
   * How many times the pattern plays, 1…64.
   */
  /**
   * OctaArrangementRow:audio-mutes:
   *
   * Bit t mutes audio track T(t+1).
   */
  /**
   * OctaArrangementRow:midi-mutes:
   *
   * Bit t mutes MIDI track M(t+1).
   */
  /**
   * OctaArrangementRow:tempo:
   *
   * The tempo the row switches to, in BPM (30…300 in steps of 1/24), or 0
   * for no change.
   */
  /**
   * OctaArrangementRow:scene-a:
   *
   * Scene 0…15 assigned to the crossfader's A side, or -1 for no change.
   */
  /**
   * OctaArrangementRow:scene-b:
   *
   * Scene 0…15 for the B side, or -1 for no change.
   */
  /**
   * OctaArrangementRow:offset:
   *
   * The step the pattern starts at. Changing it keeps the length.
   */
  /**
   * OctaArrangementRow:length:
   *
   * How many steps play from the offset (the file stores offset + length).
   */
  octa_field_table_install (&fields, object_class, N_FIXED_PROPS, field_defs,
                            G_N_ELEMENTS (field_defs));

  /**
   * OctaArrangementRow::changed:
   * @self: the row
   *
   * Emitted after any of the row's 22 bytes changed, transposes and raw
   * bytes included.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
octa_arrangement_row_init (OctaArrangementRow *self)
{
}

OctaArrangementRow *
_octa_arrangement_row_new (OctaArrangement *arrangement,
                           guint            index)
{
  OctaArrangementRow *self = g_object_new (OCTA_TYPE_ARRANGEMENT_ROW, NULL);
  gsize offset = octa_arrangement_row_offset (OCTA_ARRANGEMENT_WORKING, index);

  self->arrangement = g_object_ref (arrangement);
  self->index = index;
  self->cache = octa_field_table_snapshot (&fields, self);
  self->reminder = read_reminder (self);
  _octa_project_watch (project_of (self), _octa_arrangement_get_file_id (arrangement),
                       offset, offset + OCTA_ARRANGEMENT_ROW_SIZE, G_OBJECT (self),
                       octa_arrangement_row_refresh);
  return self;
}

/**
 * octa_arrangement_row_get_arrangement:
 * @self: a row
 *
 * Returns: (transfer none): the arrangement holding the row
 */
OctaArrangement *
octa_arrangement_row_get_arrangement (OctaArrangementRow *self)
{
  g_return_val_if_fail (OCTA_IS_ARRANGEMENT_ROW (self), NULL);
  return self->arrangement;
}

guint
octa_arrangement_row_get_index (OctaArrangementRow *self)
{
  g_return_val_if_fail (OCTA_IS_ARRANGEMENT_ROW (self), 0);
  return self->index;
}

/**
 * octa_arrangement_row_get_row_type:
 * @self: a row
 *
 * Returns: byte 0: 0 PATTERN, 1 LOOP/JUMP/HALT, 2 REMINDER (other values
 *   are returned as stored)
 */
gint
octa_arrangement_row_get_row_type (OctaArrangementRow *self)
{
  g_return_val_if_fail (OCTA_IS_ARRANGEMENT_ROW (self), 0);
  return get_row_type (self, 0);
}

/**
 * octa_arrangement_row_set_row_type:
 * @self: a row
 * @row_type: 0 PATTERN, 1 LOOP/JUMP/HALT, 2 REMINDER
 *
 * Changes byte 0 only, as the device does.
 */
void
octa_arrangement_row_set_row_type (OctaArrangementRow *self,
                                   gint                row_type)
{
  g_return_if_fail (OCTA_IS_ARRANGEMENT_ROW (self));
  g_return_if_fail (row_type >= 0 && row_type <= 2);
  octa_field_set_int (&fields, self, project_of (self), FIELD_ROW_TYPE, row_type);
}

guint
octa_arrangement_row_get_pattern (OctaArrangementRow *self)
{
  g_return_val_if_fail (OCTA_IS_ARRANGEMENT_ROW (self), 0);
  return raw_field (self, OCTA_ROW_FIELD_PATTERN);
}

/**
 * octa_arrangement_row_set_pattern:
 * @self: a row
 * @pattern: bank × 16 + pattern, 0…255
 */
void
octa_arrangement_row_set_pattern (OctaArrangementRow *self,
                                  guint               pattern)
{
  g_return_if_fail (OCTA_IS_ARRANGEMENT_ROW (self));
  g_return_if_fail (pattern <= 255);
  octa_field_set_int (&fields, self, project_of (self), FIELD_PATTERN, pattern);
}

/**
 * octa_arrangement_row_dup_pattern_label:
 * @self: a row
 *
 * Returns: (transfer full): the pattern as the device names it, "A01" …
 *   "P16"
 */
char *
octa_arrangement_row_dup_pattern_label (OctaArrangementRow *self)
{
  guint pattern;

  g_return_val_if_fail (OCTA_IS_ARRANGEMENT_ROW (self), NULL);

  pattern = raw_field (self, OCTA_ROW_FIELD_PATTERN);
  return g_strdup_printf ("%c%02u", 'A' + pattern / 16, pattern % 16 + 1);
}

guint
octa_arrangement_row_get_repeats (OctaArrangementRow *self)
{
  g_return_val_if_fail (OCTA_IS_ARRANGEMENT_ROW (self), 1);
  return get_repeats (self, 0);
}

/**
 * octa_arrangement_row_set_repeats:
 * @self: a row
 * @repeats: how many times the pattern plays, 1…64
 */
void
octa_arrangement_row_set_repeats (OctaArrangementRow *self,
                                  guint               repeats)
{
  g_return_if_fail (OCTA_IS_ARRANGEMENT_ROW (self));
  g_return_if_fail (repeats >= 1 && repeats <= 64);
  octa_field_set_int (&fields, self, project_of (self), FIELD_REPEATS, repeats);
}

double
octa_arrangement_row_get_tempo (OctaArrangementRow *self)
{
  g_return_val_if_fail (OCTA_IS_ARRANGEMENT_ROW (self), 0.0);
  return raw_field (self, OCTA_ROW_FIELD_TEMPO_X24) / 24.0;
}

/**
 * octa_arrangement_row_set_tempo:
 * @self: a row
 * @bpm: 30…300, or 0 for no tempo change
 */
void
octa_arrangement_row_set_tempo (OctaArrangementRow *self,
                                double              bpm)
{
  g_return_if_fail (OCTA_IS_ARRANGEMENT_ROW (self));
  g_return_if_fail (bpm == 0.0 || (bpm >= 30.0 && bpm <= 300.0));
  g_object_set (self, "tempo", bpm, NULL);
}

/**
 * octa_arrangement_row_get_transpose:
 * @self: a row
 * @midi_track: 0…7 for M1…M8
 *
 * Returns: the MIDI track's transpose in semitones
 */
gint
octa_arrangement_row_get_transpose (OctaArrangementRow *self,
                                    guint               midi_track)
{
  g_return_val_if_fail (OCTA_IS_ARRANGEMENT_ROW (self), 0);
  g_return_val_if_fail (midi_track < 8, 0);
  return octa_arrangement_file_get_row_transpose (file_of (self), OCTA_ARRANGEMENT_WORKING,
                                                  self->index, midi_track);
}

/**
 * octa_arrangement_row_set_transpose:
 * @self: a row
 * @midi_track: 0…7 for M1…M8
 * @semitones: -48…48
 *
 * Sets a MIDI track's transpose in one undo step.
 */
void
octa_arrangement_row_set_transpose (OctaArrangementRow *self,
                                    guint               midi_track,
                                    gint                semitones)
{
  OctaProject *project;

  g_return_if_fail (OCTA_IS_ARRANGEMENT_ROW (self));
  g_return_if_fail (midi_track < 8);
  g_return_if_fail (semitones >= -48 && semitones <= 48);

  project = project_of (self);
  octa_project_begin_change (project, "Change row transpose");
  octa_arrangement_file_set_row_transpose (file_of (self), OCTA_ARRANGEMENT_WORKING,
                                           self->index, midi_track, semitones);
  octa_project_end_change (project);
}

/**
 * octa_arrangement_row_dup_reminder:
 * @self: a row
 *
 * Returns: (transfer full) (nullable): a REMINDER row's text, or %NULL
 */
char *
octa_arrangement_row_dup_reminder (OctaArrangementRow *self)
{
  g_return_val_if_fail (OCTA_IS_ARRANGEMENT_ROW (self), NULL);
  return read_reminder (self);
}

/**
 * octa_arrangement_row_set_reminder:
 * @self: a row
 * @text: up to 15 printable ASCII characters
 * @error: return location for a #GError
 *
 * Makes the row a REMINDER row showing @text, in one undo step.
 *
 * Returns: %FALSE when @text is too long or not printable ASCII
 */
gboolean
octa_arrangement_row_set_reminder (OctaArrangementRow  *self,
                                   const char          *text,
                                   GError             **error)
{
  g_autofree char *current = NULL;
  OctaProject *project;
  gboolean ok;

  g_return_val_if_fail (OCTA_IS_ARRANGEMENT_ROW (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (text == NULL)
    text = "";
  current = read_reminder (self);
  if (g_strcmp0 (text, current) == 0)
    return TRUE;

  project = project_of (self);
  octa_project_begin_change (project, "Change reminder");
  ok = octa_arrangement_file_set_row_reminder (file_of (self), OCTA_ARRANGEMENT_WORKING,
                                               self->index, text, error);
  if (ok)
    octa_arrangement_file_set_row_type (file_of (self), OCTA_ARRANGEMENT_WORKING, self->index,
                                        OCTA_ROW_REMINDER);
  octa_project_end_change (project);
  return ok;
}

/**
 * octa_arrangement_row_get_byte:
 * @self: a row
 * @index: 0…21
 *
 * Returns: the row's byte @index as stored
 */
guint8
octa_arrangement_row_get_byte (OctaArrangementRow *self,
                               guint               index)
{
  g_return_val_if_fail (OCTA_IS_ARRANGEMENT_ROW (self), 0);
  g_return_val_if_fail (index < OCTA_ARRANGEMENT_ROW_SIZE, 0);
  return octa_arrangement_file_get_row_byte (file_of (self), OCTA_ARRANGEMENT_WORKING,
                                             self->index, index);
}

/**
 * octa_arrangement_row_set_byte:
 * @self: a row
 * @index: 0…21
 * @value: the byte
 *
 * Stores one raw byte in one undo step: the way to edit LOOP/JUMP/HALT
 * rows, whose byte positions the sources dispute.
 */
void
octa_arrangement_row_set_byte (OctaArrangementRow *self,
                               guint               index,
                               guint8              value)
{
  OctaProject *project;

  g_return_if_fail (OCTA_IS_ARRANGEMENT_ROW (self));
  g_return_if_fail (index < OCTA_ARRANGEMENT_ROW_SIZE);

  project = project_of (self);
  octa_project_begin_change (project, "Change row");
  octa_arrangement_file_set_row_byte (file_of (self), OCTA_ARRANGEMENT_WORKING, self->index,
                                      index, value);
  octa_project_end_change (project);
}
