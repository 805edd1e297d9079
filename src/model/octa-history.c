/* SPDX-License-Identifier: MIT */
#include "octa-history-private.h"

/**
 * OctaHistory:
 *
 * The undo/redo history of one project. Every change made through the model
 * is recorded as the bytes it changed; a user gesture groups many changes
 * into one step. Undoing every step gives back the exact original bytes.
 */
struct _OctaHistory
{
  GObject               parent_instance;

  GPtrArray            *undo_stack;  /* OctaHistoryGroup */
  GPtrArray            *redo_stack;
  OctaHistoryGroup     *open;
  guint                 depth;
  gboolean              applying;

  /* Identifies the state: each new, undone or redone step moves it. */
  guint64               position;
  guint64               next_position;
  GArray               *positions;   /* guint64 per undo step */
  GArray               *redo_positions;

  OctaHistoryApplyFunc  apply;
  gpointer              apply_data;
};

G_DEFINE_FINAL_TYPE (OctaHistory, octa_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
blob_change_free (gpointer data)
{
  OctaBlobChange *blob = data;

  blob->free_func (blob->old_data);
  blob->free_func (blob->new_data);
  g_free (blob);
}

static OctaHistoryGroup *
group_new (const char *label)
{
  OctaHistoryGroup *group = g_new0 (OctaHistoryGroup, 1);

  group->label = g_strdup (label);
  group->bytes = g_array_new (FALSE, FALSE, sizeof (OctaByteChange));
  group->blobs = g_ptr_array_new_with_free_func (blob_change_free);
  return group;
}

static void
group_free (gpointer data)
{
  OctaHistoryGroup *group = data;

  g_free (group->label);
  g_array_unref (group->bytes);
  g_ptr_array_unref (group->blobs);
  g_free (group);
}

static void
notify_state (OctaHistory *self,
              gboolean     had_undo,
              gboolean     had_redo)
{
  if (had_undo != octa_history_get_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (had_redo != octa_history_get_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
}

static void
octa_history_finalize (GObject *object)
{
  OctaHistory *self = (OctaHistory *) object;

  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->redo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->open, group_free);
  g_clear_pointer (&self->positions, g_array_unref);
  g_clear_pointer (&self->redo_positions, g_array_unref);

  G_OBJECT_CLASS (octa_history_parent_class)->finalize (object);
}

static void
octa_history_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  OctaHistory *self = OCTA_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, octa_history_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, octa_history_get_can_redo (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, octa_history_get_undo_label (self));
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, octa_history_get_redo_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
octa_history_class_init (OctaHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = octa_history_finalize;
  object_class->get_property = octa_history_get_property;

  /**
   * OctaHistory:can-undo:
   *
   * Whether there is a step to undo.
   */
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * OctaHistory:can-redo:
   *
   * Whether there is a step to redo.
   */
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * OctaHistory:undo-label:
   *
   * What undo would undo, in words ("Toggle trig"), or %NULL.
   */
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * OctaHistory:redo-label:
   *
   * What redo would redo, or %NULL.
   */
  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
octa_history_init (OctaHistory *self)
{
  self->undo_stack = g_ptr_array_new_with_free_func (group_free);
  self->redo_stack = g_ptr_array_new_with_free_func (group_free);
  self->positions = g_array_new (FALSE, FALSE, sizeof (guint64));
  self->redo_positions = g_array_new (FALSE, FALSE, sizeof (guint64));
  self->next_position = 1;
}

OctaHistory *
_octa_history_new (OctaHistoryApplyFunc apply,
                   gpointer             user_data)
{
  OctaHistory *self = g_object_new (OCTA_TYPE_HISTORY, NULL);

  self->apply = apply;
  self->apply_data = user_data;
  return self;
}

gboolean
octa_history_get_can_undo (OctaHistory *self)
{
  g_return_val_if_fail (OCTA_IS_HISTORY (self), FALSE);
  return self->undo_stack->len > 0;
}

gboolean
octa_history_get_can_redo (OctaHistory *self)
{
  g_return_val_if_fail (OCTA_IS_HISTORY (self), FALSE);
  return self->redo_stack->len > 0;
}

const char *
octa_history_get_undo_label (OctaHistory *self)
{
  OctaHistoryGroup *group;

  g_return_val_if_fail (OCTA_IS_HISTORY (self), NULL);
  if (self->undo_stack->len == 0)
    return NULL;
  group = g_ptr_array_index (self->undo_stack, self->undo_stack->len - 1);
  return group->label;
}

const char *
octa_history_get_redo_label (OctaHistory *self)
{
  OctaHistoryGroup *group;

  g_return_val_if_fail (OCTA_IS_HISTORY (self), NULL);
  if (self->redo_stack->len == 0)
    return NULL;
  group = g_ptr_array_index (self->redo_stack, self->redo_stack->len - 1);
  return group->label;
}

guint
octa_history_get_n_undo (OctaHistory *self)
{
  g_return_val_if_fail (OCTA_IS_HISTORY (self), 0);
  return self->undo_stack->len;
}

/**
 * octa_history_begin_group:
 * @self: a history
 * @label: (nullable): what the step does, in words
 *
 * Starts a step. Steps nest: only the outermost begin/end pair makes a step,
 * so one gesture that changes many things is undone at once.
 */
void
octa_history_begin_group (OctaHistory *self,
                          const char  *label)
{
  g_return_if_fail (OCTA_IS_HISTORY (self));

  if (self->depth++ == 0)
    self->open = group_new (label);
  else if (self->open->label == NULL && label != NULL)
    self->open->label = g_strdup (label);
}

void
octa_history_end_group (OctaHistory *self)
{
  OctaHistoryGroup *group;
  gboolean had_undo, had_redo;

  g_return_if_fail (OCTA_IS_HISTORY (self));
  g_return_if_fail (self->depth > 0);

  if (--self->depth > 0)
    return;

  group = g_steal_pointer (&self->open);
  if (group->bytes->len == 0 && group->blobs->len == 0)
    {
      group_free (group);
      return;
    }

  had_undo = octa_history_get_can_undo (self);
  had_redo = octa_history_get_can_redo (self);
  g_ptr_array_add (self->undo_stack, group);
  g_ptr_array_set_size (self->redo_stack, 0);
  g_array_set_size (self->redo_positions, 0);
  self->position = self->next_position++;
  g_array_append_val (self->positions, self->position);
  notify_state (self, had_undo, had_redo);
}

/* Undoes the last step; only the project may, so that its views hear of it
 * (octa_project_undo()). Returns whether there was one. */
gboolean
_octa_history_undo (OctaHistory *self)
{
  OctaHistoryGroup *group;
  gboolean had_redo;

  g_return_val_if_fail (OCTA_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (self->depth == 0, FALSE);

  if (self->undo_stack->len == 0)
    return FALSE;

  had_redo = octa_history_get_can_redo (self);
  group = g_ptr_array_steal_index (self->undo_stack, self->undo_stack->len - 1);
  self->applying = TRUE;
  self->apply (self->apply_data, group, TRUE);
  self->applying = FALSE;
  g_ptr_array_add (self->redo_stack, group);

  g_array_append_val (self->redo_positions,
                      g_array_index (self->positions, guint64, self->positions->len - 1));
  g_array_set_size (self->positions, self->positions->len - 1);
  self->position = self->positions->len > 0
                   ? g_array_index (self->positions, guint64, self->positions->len - 1)
                   : 0;
  notify_state (self, TRUE, had_redo);
  return TRUE;
}

/* Redoes the last undone step (octa_project_redo()). */
gboolean
_octa_history_redo (OctaHistory *self)
{
  OctaHistoryGroup *group;
  gboolean had_undo;

  g_return_val_if_fail (OCTA_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (self->depth == 0, FALSE);

  if (self->redo_stack->len == 0)
    return FALSE;

  had_undo = octa_history_get_can_undo (self);
  group = g_ptr_array_steal_index (self->redo_stack, self->redo_stack->len - 1);
  self->applying = TRUE;
  self->apply (self->apply_data, group, FALSE);
  self->applying = FALSE;
  g_ptr_array_add (self->undo_stack, group);

  self->position = g_array_index (self->redo_positions, guint64, self->redo_positions->len - 1);
  g_array_set_size (self->redo_positions, self->redo_positions->len - 1);
  g_array_append_val (self->positions, self->position);
  notify_state (self, had_undo, TRUE);
  return TRUE;
}

void
_octa_history_record_byte (OctaHistory *self,
                           guint        file,
                           gsize        offset,
                           guint8       old_value,
                           guint8       new_value)
{
  OctaByteChange change = { file, offset, old_value, new_value };

  g_return_if_fail (self->open != NULL);
  g_array_append_val (self->open->bytes, change);
}

void
_octa_history_record_blob (OctaHistory    *self,
                           guint           file,
                           gpointer        old_data,
                           gpointer        new_data,
                           GDestroyNotify  free_func)
{
  OctaBlobChange *blob;

  g_return_if_fail (self->open != NULL);

  blob = g_new0 (OctaBlobChange, 1);
  blob->file = file;
  blob->old_data = old_data;
  blob->new_data = new_data;
  blob->free_func = free_func;
  g_ptr_array_add (self->open->blobs, blob);
}

gboolean
_octa_history_is_recording (OctaHistory *self)
{
  return self->open != NULL;
}

gboolean
_octa_history_is_applying (OctaHistory *self)
{
  return self->applying;
}

/* The state after the last step applied; 0 is the state as loaded. */
guint64
_octa_history_get_position (OctaHistory *self)
{
  return self->position;
}
