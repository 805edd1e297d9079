/* SPDX-License-Identifier: MIT */
#include <string.h>

#include "octa-arrangement-private.h"

#include "octa-field-private.h"
#include "octa-lazy-list-private.h"

/**
 * OctaArrangement:
 *
 * One of the project's 8 arrangements (`arr01.work` … `arr08.work`): a name
 * and up to 256 rows that play patterns, loop, jump, halt or show a
 * reminder. The file holds two copies: the working one, which the model
 * edits, and the one ARRANGER ▸ SAVE stored, which is read-only here and
 * comes back with octa_arrangement_reload().
 */
struct _OctaArrangement
{
  GObject             parent_instance;

  OctaProject        *project;
  guint               index;
  char               *name;
  guint               saved_flag;
  gint               *cache;
  GListModel         *rows_list;                     /* weak */
  OctaArrangementRow *rows[OCTA_ARRANGEMENT_N_ROWS];  /* not owned: cleared as they go */
};

G_DEFINE_FINAL_TYPE (OctaArrangement, octa_arrangement, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_INDEX,
  PROP_NAME,
  PROP_SAVED_FLAG,
  N_FIXED_PROPS
};

typedef enum
{
  FIELD_ROW_COUNT,
} FieldId;

static GParamSpec *properties[N_FIXED_PROPS];
static OctaFieldTable fields;

#define ARRANGEMENTS_CACHE_KEY "octa-arrangements"

typedef struct
{
  OctaArrangement *arrangements[OCTA_N_ARRANGEMENTS];
} ArrangementCache;

/* Spec §5: the block is 5650 bytes; the name, an unknown byte and the row
 * count come first. The file-level saved flag sits between the blocks. */
#define BLOCK_SIZE        5650
#define BLOCK_HEADER_SIZE 18
#define SAVED_FLAG_OFFSET 5675

static ArrangementCache *
arrangement_cache (OctaProject *project)
{
  ArrangementCache *cache = g_object_get_data (G_OBJECT (project), ARRANGEMENTS_CACHE_KEY);

  if (cache == NULL)
    {
      cache = g_new0 (ArrangementCache, 1);
      g_object_set_data_full (G_OBJECT (project), ARRANGEMENTS_CACHE_KEY, cache, g_free);
    }
  return cache;
}

OctaArrangementFile *
_octa_arrangement_get_file (OctaArrangement *self)
{
  return _octa_project_get_arrangement_file (self->project, self->index, OCTA_STATE_WORK);
}

guint
_octa_arrangement_get_file_id (OctaArrangement *self)
{
  return octa_file_id_arrangement (self->index, OCTA_STATE_WORK);
}

static guint
clamp_rows (guint count)
{
  return MIN (count, OCTA_ARRANGEMENT_N_ROWS);
}

static gint
get_row_count (gpointer self,
               guint    arg)
{
  return octa_arrangement_file_get_row_count (_octa_arrangement_get_file (self),
                                              OCTA_ARRANGEMENT_WORKING);
}

static void
set_row_count (gpointer self,
               guint    arg,
               gint     value)
{
  octa_arrangement_file_set_row_count (_octa_arrangement_get_file (self),
                                       OCTA_ARRANGEMENT_WORKING, value);
}

static const OctaField field_defs[] = {
  [FIELD_ROW_COUNT] = { "row-count", OCTA_FIELD_INT, 0, OCTA_ARRANGEMENT_N_ROWS, 0, NULL,
                        get_row_count, set_row_count, 0, 1, "Change arrangement length" },
};

static guint
read_saved_flag (OctaArrangement *self)
{
  return octa_arrangement_file_get_saved_flag (_octa_arrangement_get_file (self));
}

static void
octa_arrangement_refresh (GObject *object)
{
  OctaArrangement *self = OCTA_ARRANGEMENT (object);
  g_autofree char *name = octa_arrangement_file_dup_name (_octa_arrangement_get_file (self),
                                                          OCTA_ARRANGEMENT_WORKING);
  guint saved_flag = read_saved_flag (self);

  g_object_freeze_notify (object);
  if (g_strcmp0 (name, self->name) != 0)
    {
      g_free (self->name);
      self->name = g_steal_pointer (&name);
      g_object_notify_by_pspec (object, properties[PROP_NAME]);
    }
  if (saved_flag != self->saved_flag)
    {
      self->saved_flag = saved_flag;
      g_object_notify_by_pspec (object, properties[PROP_SAVED_FLAG]);
    }
  octa_field_table_refresh (&fields, self, self->cache);
  g_object_thaw_notify (object);

  if (self->rows_list != NULL)
    _octa_lazy_list_set_n_items (OCTA_LAZY_LIST (self->rows_list),
                                 clamp_rows (self->cache[FIELD_ROW_COUNT]));
}

static void
octa_arrangement_finalize (GObject *object)
{
  OctaArrangement *self = OCTA_ARRANGEMENT (object);

  _octa_project_unwatch (self->project, object);
  arrangement_cache (self->project)->arrangements[self->index] = NULL;
  g_clear_object (&self->project);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->cache, g_free);

  G_OBJECT_CLASS (octa_arrangement_parent_class)->finalize (object);
}

static void
octa_arrangement_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  OctaArrangement *self = OCTA_ARRANGEMENT (object);

  if (octa_field_table_get (&fields, self, prop_id, value))
    return;

  switch (prop_id)
    {
    case PROP_INDEX:
      g_value_set_uint (value, self->index);
      break;
    case PROP_NAME:
      g_value_take_string (value, octa_arrangement_dup_name (self));
      break;
    case PROP_SAVED_FLAG:
      g_value_set_uint (value, read_saved_flag (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
octa_arrangement_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  OctaArrangement *self = OCTA_ARRANGEMENT (object);
  g_autoptr(GError) error = NULL;

  if (prop_id == PROP_NAME)
    {
      if (!octa_arrangement_set_name (self, g_value_get_string (value), &error))
        g_warning ("%s", error->message);
      return;
    }

  if (!octa_field_table_set (&fields, self, self->project, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
octa_arrangement_class_init (OctaArrangementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = octa_arrangement_finalize;
  object_class->get_property = octa_arrangement_get_property;
  object_class->set_property = octa_arrangement_set_property;

  /**
   * OctaArrangement:index:
   *
   * 0…7 for arrangements 1…8.
   */
  properties[PROP_INDEX] =
    g_param_spec_uint ("index", NULL, NULL, 0, OCTA_N_ARRANGEMENTS - 1, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * OctaArrangement:name:
   *
   * The name: up to 15 printable ASCII characters; "" when unnamed. The
   * device keeps an old name's bytes after the terminating NUL; they stay.
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * OctaArrangement:saved-flag:
   *
   * The file's "saved" byte (offset 5675). Its meaning is not established:
   * it is 0 in every known device file, including ones whose saved copy
   * differs from the working one.
   */
  properties[PROP_SAVED_FLAG] =
    g_param_spec_uint ("saved-flag", NULL, NULL, 0, 255, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_FIXED_PROPS, properties);

  /**
   * OctaArrangement:row-count:
   *
   * How many rows are in use (0…256). Rows past the count keep their
   * bytes, as on the device.
   */
  octa_field_table_install (&fields, object_class, N_FIXED_PROPS, field_defs,
                            G_N_ELEMENTS (field_defs));
}

static void
octa_arrangement_init (OctaArrangement *self)
{
}

static OctaArrangement *
arrangement_new (OctaProject *project,
                 guint        index)
{
  OctaArrangement *self = g_object_new (OCTA_TYPE_ARRANGEMENT, NULL);
  gsize block = octa_arrangement_block_offset (OCTA_ARRANGEMENT_WORKING);

  self->project = g_object_ref (project);
  self->index = index;
  self->name = octa_arrangement_file_dup_name (_octa_arrangement_get_file (self),
                                               OCTA_ARRANGEMENT_WORKING);
  self->saved_flag = read_saved_flag (self);
  self->cache = octa_field_table_snapshot (&fields, self);
  _octa_project_watch (project, _octa_arrangement_get_file_id (self), block,
                       block + BLOCK_HEADER_SIZE, G_OBJECT (self), octa_arrangement_refresh);
  _octa_project_watch (project, _octa_arrangement_get_file_id (self), SAVED_FLAG_OFFSET,
                       SAVED_FLAG_OFFSET + 1, G_OBJECT (self), octa_arrangement_refresh);
  return self;
}

static gpointer
get_arrangement_item (GObject *owner,
                      guint    index)
{
  return octa_project_get_arrangement (OCTA_PROJECT (owner), index);
}

/**
 * octa_project_list_arrangements:
 * @project: a project
 *
 * Returns: (transfer full): the 8 arrangements as a #GListModel of
 *   #OctaArrangement
 */
GListModel *
octa_project_list_arrangements (OctaProject *project)
{
  g_return_val_if_fail (OCTA_IS_PROJECT (project), NULL);
  return _octa_lazy_list_new (G_OBJECT (project), OCTA_TYPE_ARRANGEMENT, OCTA_N_ARRANGEMENTS,
                              get_arrangement_item);
}

/**
 * octa_project_get_arrangement:
 * @project: a project
 * @index: 0…7 for arrangements 1…8
 *
 * Returns: (transfer full): the arrangement
 */
OctaArrangement *
octa_project_get_arrangement (OctaProject *project,
                              guint        index)
{
  ArrangementCache *cache;

  g_return_val_if_fail (OCTA_IS_PROJECT (project), NULL);
  g_return_val_if_fail (index < OCTA_N_ARRANGEMENTS, NULL);

  cache = arrangement_cache (project);
  if (cache->arrangements[index] != NULL)
    return g_object_ref (cache->arrangements[index]);
  cache->arrangements[index] = arrangement_new (project, index);
  return cache->arrangements[index];
}

/**
 * octa_arrangement_get_project:
 * @self: an arrangement
 *
 * Returns: (transfer none): the project holding the arrangement
 */
OctaProject *
octa_arrangement_get_project (OctaArrangement *self)
{
  g_return_val_if_fail (OCTA_IS_ARRANGEMENT (self), NULL);
  return self->project;
}

guint
octa_arrangement_get_index (OctaArrangement *self)
{
  g_return_val_if_fail (OCTA_IS_ARRANGEMENT (self), 0);
  return self->index;
}

/**
 * octa_arrangement_dup_name:
 * @self: an arrangement
 *
 * Returns: (transfer full): the name, "" when unnamed
 */
char *
octa_arrangement_dup_name (OctaArrangement *self)
{
  g_return_val_if_fail (OCTA_IS_ARRANGEMENT (self), NULL);
  return octa_arrangement_file_dup_name (_octa_arrangement_get_file (self),
                                         OCTA_ARRANGEMENT_WORKING);
}

/**
 * octa_arrangement_set_name:
 * @self: an arrangement
 * @name: (nullable): up to 15 printable ASCII characters
 * @error: return location for a #GError
 *
 * Renames the arrangement in one undo step.
 *
 * Returns: %FALSE when @name is too long or not printable ASCII
 */
gboolean
octa_arrangement_set_name (OctaArrangement  *self,
                           const char       *name,
                           GError          **error)
{
  g_autofree char *current = NULL;
  gboolean ok;

  g_return_val_if_fail (OCTA_IS_ARRANGEMENT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (name == NULL)
    name = "";
  current = octa_arrangement_file_dup_name (_octa_arrangement_get_file (self),
                                            OCTA_ARRANGEMENT_WORKING);
  if (g_str_equal (name, current))
    return TRUE;

  octa_project_begin_change (self->project, "Rename arrangement");
  ok = octa_arrangement_file_set_name (_octa_arrangement_get_file (self),
                                       OCTA_ARRANGEMENT_WORKING, name, error);
  octa_project_end_change (self->project);
  return ok;
}

guint
octa_arrangement_get_row_count (OctaArrangement *self)
{
  g_return_val_if_fail (OCTA_IS_ARRANGEMENT (self), 0);
  return get_row_count (self, 0);
}

/**
 * octa_arrangement_set_row_count:
 * @self: an arrangement
 * @count: 0…256
 *
 * Changes how many rows are in use, in one undo step. Rows that come into
 * use keep whatever bytes they held.
 */
void
octa_arrangement_set_row_count (OctaArrangement *self,
                                guint            count)
{
  g_return_if_fail (OCTA_IS_ARRANGEMENT (self));
  g_return_if_fail (count <= OCTA_ARRANGEMENT_N_ROWS);
  octa_field_set_int (&fields, self, self->project, FIELD_ROW_COUNT, count);
}

static gpointer
get_row_item (GObject *owner,
              guint    index)
{
  return octa_arrangement_get_row (OCTA_ARRANGEMENT (owner), index);
}

/**
 * octa_arrangement_list_rows:
 * @self: an arrangement
 *
 * The rows in use. The list follows #OctaArrangement:row-count, emitting
 * #GListModel::items-changed when it changes.
 *
 * Returns: (transfer full): a #GListModel of #OctaArrangementRow
 */
GListModel *
octa_arrangement_list_rows (OctaArrangement *self)
{
  g_return_val_if_fail (OCTA_IS_ARRANGEMENT (self), NULL);

  if (self->rows_list != NULL)
    return g_object_ref (self->rows_list);

  /* The list holds the arrangement; the arrangement only points back. */
  self->rows_list = _octa_lazy_list_new (G_OBJECT (self), OCTA_TYPE_ARRANGEMENT_ROW,
                                         clamp_rows (get_row_count (self, 0)), get_row_item);
  g_object_add_weak_pointer (G_OBJECT (self->rows_list), (gpointer *) &self->rows_list);
  return self->rows_list;
}

/**
 * octa_arrangement_get_row:
 * @self: an arrangement
 * @index: 0…255; rows past the row count can be prepared before they come
 *   into use
 *
 * Returns: (transfer full): the row
 */
OctaArrangementRow *
octa_arrangement_get_row (OctaArrangement *self,
                          guint            index)
{
  g_return_val_if_fail (OCTA_IS_ARRANGEMENT (self), NULL);
  g_return_val_if_fail (index < OCTA_ARRANGEMENT_N_ROWS, NULL);

  if (self->rows[index] != NULL)
    return g_object_ref (self->rows[index]);
  self->rows[index] = _octa_arrangement_row_new (self, index);
  return self->rows[index];
}

void
_octa_arrangement_forget_row (OctaArrangement *self,
                              guint            index)
{
  self->rows[index] = NULL;
}

guint
octa_arrangement_get_saved_flag (OctaArrangement *self)
{
  g_return_val_if_fail (OCTA_IS_ARRANGEMENT (self), 0);
  return read_saved_flag (self);
}

/**
 * octa_arrangement_dup_saved_name:
 * @self: an arrangement
 *
 * Returns: (transfer full): the name in the saved copy
 */
char *
octa_arrangement_dup_saved_name (OctaArrangement *self)
{
  g_return_val_if_fail (OCTA_IS_ARRANGEMENT (self), NULL);
  return octa_arrangement_file_dup_name (_octa_arrangement_get_file (self),
                                         OCTA_ARRANGEMENT_SAVED);
}

/**
 * octa_arrangement_get_saved_row_count:
 * @self: an arrangement
 *
 * Returns: the row count of the saved copy
 */
guint
octa_arrangement_get_saved_row_count (OctaArrangement *self)
{
  g_return_val_if_fail (OCTA_IS_ARRANGEMENT (self), 0);
  return octa_arrangement_file_get_row_count (_octa_arrangement_get_file (self),
                                              OCTA_ARRANGEMENT_SAVED);
}

/**
 * octa_arrangement_get_saved_row_byte:
 * @self: an arrangement
 * @row: 0…255
 * @index: 0…21
 *
 * Returns: byte @index of row @row in the saved copy
 */
guint8
octa_arrangement_get_saved_row_byte (OctaArrangement *self,
                                     guint            row,
                                     guint            index)
{
  g_return_val_if_fail (OCTA_IS_ARRANGEMENT (self), 0);
  g_return_val_if_fail (row < OCTA_ARRANGEMENT_N_ROWS, 0);
  g_return_val_if_fail (index < OCTA_ARRANGEMENT_ROW_SIZE, 0);
  return octa_arrangement_file_get_row_byte (_octa_arrangement_get_file (self),
                                             OCTA_ARRANGEMENT_SAVED, row, index);
}

static void
copy_block (OctaArrangement     *self,
            OctaArrangementCopy  from,
            OctaArrangementCopy  to)
{
  OctaImage *image = octa_arrangement_file_get_image (_octa_arrangement_get_file (self));
  g_autofree guint8 *block = g_memdup2 (image->data + octa_arrangement_block_offset (from),
                                        BLOCK_SIZE);

  octa_image_set_bytes (image, octa_arrangement_block_offset (to), block, BLOCK_SIZE);
}

/**
 * octa_arrangement_save:
 * @self: an arrangement
 *
 * ARRANGER ▸ SAVE: copies the working arrangement (name, rows, stale bytes
 * and all) over the saved copy, in one undo step. The file's saved flags
 * are left alone: device files keep them at 0.
 */
void
octa_arrangement_save (OctaArrangement *self)
{
  g_return_if_fail (OCTA_IS_ARRANGEMENT (self));

  octa_project_begin_change (self->project, "Save arrangement");
  copy_block (self, OCTA_ARRANGEMENT_WORKING, OCTA_ARRANGEMENT_SAVED);
  octa_project_end_change (self->project);
}

/**
 * octa_arrangement_reload:
 * @self: an arrangement
 *
 * ARRANGER ▸ RELOAD: brings back the saved copy, in one undo step.
 */
void
octa_arrangement_reload (OctaArrangement *self)
{
  g_return_if_fail (OCTA_IS_ARRANGEMENT (self));

  octa_project_begin_change (self->project, "Reload arrangement");
  copy_block (self, OCTA_ARRANGEMENT_SAVED, OCTA_ARRANGEMENT_WORKING);
  octa_project_end_change (self->project);
}

/**
 * octa_arrangement_differs_from_saved:
 * @self: an arrangement
 *
 * Whether the working copy differs from the one ARRANGER ▸ SAVE stored, in
 * any byte: RELOAD on the device would then change the arrangement.
 *
 * Returns: %TRUE when the two copies differ
 */
gboolean
octa_arrangement_differs_from_saved (OctaArrangement *self)
{
  OctaImage *image;

  g_return_val_if_fail (OCTA_IS_ARRANGEMENT (self), FALSE);

  image = octa_arrangement_file_get_image (_octa_arrangement_get_file (self));
  return memcmp (image->data + octa_arrangement_block_offset (OCTA_ARRANGEMENT_WORKING),
                 image->data + octa_arrangement_block_offset (OCTA_ARRANGEMENT_SAVED),
                 BLOCK_SIZE) != 0;
}

/* What the device's rows hold when made: a PATTERN row plays A01 once, all
 * tracks on, no tempo or scene change, 16 steps from step 0 (spec §5.3's
 * default `00 10`); a REMINDER row starts without text. */
static void
write_new_row (OctaArrangementFile *file,
               guint                row,
               gint                 row_type)
{
  guint8 bytes[OCTA_ARRANGEMENT_ROW_SIZE] = { 0 };

  bytes[0] = row_type;
  if (row_type == OCTA_ARRANGEMENT_ROW_PATTERN)
    {
      bytes[8] = 0xFF;
      bytes[9] = 0xFF;
      bytes[13] = 16;
    }
  for (guint i = 0; i < OCTA_ARRANGEMENT_ROW_SIZE; i++)
    octa_arrangement_file_set_row_byte (file, OCTA_ARRANGEMENT_WORKING, row, i, bytes[i]);
}

/**
 * octa_arrangement_append_row:
 * @self: an arrangement
 * @row_type: %OCTA_ARRANGEMENT_ROW_PATTERN or %OCTA_ARRANGEMENT_ROW_REMINDER
 *
 * Adds a row after the last one, in one undo step: a PATTERN row playing
 * A01 once over 16 steps, or an empty REMINDER row. All 22 bytes of the
 * row are written, whatever stale bytes it held.
 *
 * Returns: (transfer full) (nullable): the new row, or %NULL when the
 *   arrangement already has 256 rows
 */
OctaArrangementRow *
octa_arrangement_append_row (OctaArrangement *self,
                             gint             row_type)
{
  guint count;

  g_return_val_if_fail (OCTA_IS_ARRANGEMENT (self), NULL);
  g_return_val_if_fail (row_type == OCTA_ARRANGEMENT_ROW_PATTERN
                        || row_type == OCTA_ARRANGEMENT_ROW_REMINDER, NULL);

  count = octa_arrangement_get_row_count (self);
  if (count >= OCTA_ARRANGEMENT_N_ROWS)
    return NULL;

  octa_project_begin_change (self->project, row_type == OCTA_ARRANGEMENT_ROW_PATTERN
                                            ? "Add pattern row" : "Add reminder row");
  write_new_row (_octa_arrangement_get_file (self), count, row_type);
  octa_arrangement_file_set_row_count (_octa_arrangement_get_file (self),
                                       OCTA_ARRANGEMENT_WORKING, count + 1);
  octa_project_end_change (self->project);
  return octa_arrangement_get_row (self, count);
}

/**
 * octa_arrangement_has_jump_rows:
 * @self: an arrangement
 *
 * Returns: whether a row in use is a LOOP, JUMP or HALT row (or of a type
 *   not known), whose target bytes are not settled (spec §5.3)
 */
gboolean
octa_arrangement_has_jump_rows (OctaArrangement *self)
{
  OctaArrangementFile *file;
  guint count;

  g_return_val_if_fail (OCTA_IS_ARRANGEMENT (self), FALSE);

  file = _octa_arrangement_get_file (self);
  count = MIN (octa_arrangement_get_row_count (self), OCTA_ARRANGEMENT_N_ROWS);
  for (guint r = 0; r < count; r++)
    {
      guint8 type = octa_arrangement_file_get_row_byte (file, OCTA_ARRANGEMENT_WORKING, r, 0);

      if (type != OCTA_ROW_PATTERN && type != OCTA_ROW_REMINDER)
        return TRUE;
    }
  return FALSE;
}

/**
 * octa_arrangement_move_row:
 * @self: an arrangement
 * @from: the row to move
 * @to: where it goes; the rows between shift by one
 *
 * Moves a row with all 22 of its bytes, in one undo step. Refused while
 * the arrangement holds LOOP, JUMP or HALT rows: which byte holds their
 * target is not settled, so their targets could not follow the move.
 *
 * Returns: whether the row moved
 */
gboolean
octa_arrangement_move_row (OctaArrangement *self,
                           guint            from,
                           guint            to)
{
  OctaArrangementFile *file;
  guint8 moving[OCTA_ARRANGEMENT_ROW_SIZE];
  guint count;
  gint step;

  g_return_val_if_fail (OCTA_IS_ARRANGEMENT (self), FALSE);

  count = octa_arrangement_get_row_count (self);
  if (from >= count || to >= count || from == to || octa_arrangement_has_jump_rows (self))
    return FALSE;

  file = _octa_arrangement_get_file (self);
  for (guint i = 0; i < OCTA_ARRANGEMENT_ROW_SIZE; i++)
    moving[i] = octa_arrangement_file_get_row_byte (file, OCTA_ARRANGEMENT_WORKING, from, i);

  octa_project_begin_change (self->project, "Move row");
  step = to > from ? 1 : -1;
  for (gint r = from; r != (gint) to; r += step)
    for (guint i = 0; i < OCTA_ARRANGEMENT_ROW_SIZE; i++)
      octa_arrangement_file_set_row_byte (file, OCTA_ARRANGEMENT_WORKING, r, i,
                                          octa_arrangement_file_get_row_byte (
                                            file, OCTA_ARRANGEMENT_WORKING, r + step, i));
  for (guint i = 0; i < OCTA_ARRANGEMENT_ROW_SIZE; i++)
    octa_arrangement_file_set_row_byte (file, OCTA_ARRANGEMENT_WORKING, to, i, moving[i]);
  octa_project_end_change (self->project);
  return TRUE;
}
