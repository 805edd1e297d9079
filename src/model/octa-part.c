/* SPDX-License-Identifier: MIT */
#include "octa-part-private.h"

/**
 * OctaPart:
 *
 * One of a bank's four parts: how its tracks sound (machines, parameters,
 * effects, scenes). The bank keeps two copies of every part: the one being
 * edited and the one PART ▸ SAVE stored, which RELOAD brings back. Like the
 * device, the model edits only the first and marks the part edited (the
 * "*" on the device) until it is saved or reloaded.
 */
struct _OctaPart
{
  GObject   parent_instance;

  OctaBank *bank;
  guint     index;
  char     *name;
  gboolean  edited;
  gboolean  has_saved;
};

G_DEFINE_FINAL_TYPE (OctaPart, octa_part, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_INDEX,
  PROP_NAME,
  PROP_EDITED,
  PROP_HAS_SAVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define TRAILER_START 636078
#define TRAILER_END   636111

OctaBankFile *
_octa_part_get_file (OctaPart *self)
{
  return _octa_bank_get_file (self->bank);
}

OctaProject *
_octa_part_get_project (OctaPart *self)
{
  return octa_bank_get_project (self->bank);
}

static gboolean
read_edited (OctaPart *self)
{
  return (octa_bank_file_get_parts_edited_mask (_octa_part_get_file (self)) >> self->index) & 1;
}

static gboolean
read_has_saved (OctaPart *self)
{
  return octa_bank_file_get_part_saved_state (_octa_part_get_file (self), self->index) != 0;
}

static void
octa_part_refresh (GObject *object)
{
  OctaPart *self = OCTA_PART (object);
  g_autofree char *name = octa_bank_file_dup_part_name (_octa_part_get_file (self), self->index);
  gboolean edited = read_edited (self);
  gboolean has_saved = read_has_saved (self);

  g_object_freeze_notify (object);
  if (g_strcmp0 (name, self->name) != 0)
    {
      g_free (self->name);
      self->name = g_steal_pointer (&name);
      g_object_notify_by_pspec (object, properties[PROP_NAME]);
    }
  if (edited != self->edited)
    {
      self->edited = edited;
      g_object_notify_by_pspec (object, properties[PROP_EDITED]);
    }
  if (has_saved != self->has_saved)
    {
      self->has_saved = has_saved;
      g_object_notify_by_pspec (object, properties[PROP_HAS_SAVED]);
    }
  g_object_thaw_notify (object);
}

static void
octa_part_finalize (GObject *object)
{
  OctaPart *self = OCTA_PART (object);

  _octa_project_unwatch (_octa_part_get_project (self), object);
  _octa_bank_forget_part (self->bank, self->index);
  g_clear_object (&self->bank);
  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (octa_part_parent_class)->finalize (object);
}

static void
octa_part_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  OctaPart *self = OCTA_PART (object);

  switch (prop_id)
    {
    case PROP_INDEX:
      g_value_set_uint (value, self->index);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_EDITED:
      g_value_set_boolean (value, self->edited);
      break;
    case PROP_HAS_SAVED:
      g_value_set_boolean (value, self->has_saved);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
octa_part_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  OctaPart *self = OCTA_PART (object);
  g_autoptr(GError) error = NULL;

  switch (prop_id)
    {
    case PROP_NAME:
      if (!octa_part_set_name (self, g_value_get_string (value), &error))
        g_warning ("%s", error->message);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
octa_part_class_init (OctaPartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = octa_part_finalize;
  object_class->get_property = octa_part_get_property;
  object_class->set_property = octa_part_set_property;

  /**
   * OctaPart:index:
   *
   * 0…3 for parts 1…4.
   */
  properties[PROP_INDEX] =
    g_param_spec_uint ("index", NULL, NULL, 0, 3, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * OctaPart:name:
   *
   * The part's name: 1…6 printable ASCII characters ("ONE" by default).
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * OctaPart:edited:
   *
   * Whether the part changed since it was last saved (the device's "*").
   */
  properties[PROP_EDITED] =
    g_param_spec_boolean ("edited", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * OctaPart:has-saved:
   *
   * Whether the part has a saved copy for RELOAD to return to.
   */
  properties[PROP_HAS_SAVED] =
    g_param_spec_boolean ("has-saved", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
octa_part_init (OctaPart *self)
{
}

OctaPart *
_octa_part_new (OctaBank *bank,
                guint     index)
{
  OctaPart *self = g_object_new (OCTA_TYPE_PART, NULL);

  self->bank = g_object_ref (bank);
  self->index = index;
  self->name = octa_bank_file_dup_part_name (_octa_part_get_file (self), index);
  self->edited = read_edited (self);
  self->has_saved = read_has_saved (self);
  _octa_project_watch (_octa_part_get_project (self), _octa_bank_get_file_id (bank),
                       TRAILER_START, TRAILER_END, G_OBJECT (self), octa_part_refresh);
  return self;
}

void
_octa_part_begin_edit (OctaPart   *self,
                       const char *label)
{
  OctaBankFile *file = _octa_part_get_file (self);

  octa_project_begin_change (_octa_part_get_project (self), label);
  octa_bank_file_set_parts_edited_mask (file, octa_bank_file_get_parts_edited_mask (file) |
                                              (1u << self->index));
}

void
_octa_part_end_edit (OctaPart *self)
{
  octa_project_end_change (_octa_part_get_project (self));
}

/**
 * octa_part_get_bank:
 * @self: a part
 *
 * Returns: (transfer none): the bank holding the part
 */
OctaBank *
octa_part_get_bank (OctaPart *self)
{
  g_return_val_if_fail (OCTA_IS_PART (self), NULL);
  return self->bank;
}

guint
octa_part_get_index (OctaPart *self)
{
  g_return_val_if_fail (OCTA_IS_PART (self), 0);
  return self->index;
}

/**
 * octa_part_dup_name:
 * @self: a part
 *
 * Returns: (transfer full): the part's name
 */
char *
octa_part_dup_name (OctaPart *self)
{
  g_return_val_if_fail (OCTA_IS_PART (self), NULL);
  return g_strdup (self->name);
}

/**
 * octa_part_set_name:
 * @self: a part
 * @name: 1…6 printable ASCII characters
 * @error: return location for a #GError
 *
 * Renames the part. The device keeps names in both copies' trailer, outside
 * the part data, so renaming does not mark the part edited.
 *
 * Returns: %TRUE on success
 */
gboolean
octa_part_set_name (OctaPart    *self,
                    const char  *name,
                    GError     **error)
{
  OctaProject *project;
  gboolean ok;

  g_return_val_if_fail (OCTA_IS_PART (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (g_strcmp0 (name, self->name) == 0)
    return TRUE;

  project = _octa_part_get_project (self);
  octa_project_begin_change (project, "Rename part");
  ok = octa_bank_file_set_part_name (_octa_part_get_file (self), self->index, name, error);
  octa_project_end_change (project);
  return ok;
}

gboolean
octa_part_get_edited (OctaPart *self)
{
  g_return_val_if_fail (OCTA_IS_PART (self), FALSE);
  return self->edited;
}

gboolean
octa_part_get_has_saved (OctaPart *self)
{
  g_return_val_if_fail (OCTA_IS_PART (self), FALSE);
  return self->has_saved;
}

/**
 * octa_part_save:
 * @self: a part
 *
 * PART ▸ SAVE: copies the part to its saved copy, marks that a saved copy
 * exists and clears the edited mark, in one undo step.
 */
void
octa_part_save (OctaPart *self)
{
  OctaBankFile *file;
  OctaProject *project;

  g_return_if_fail (OCTA_IS_PART (self));

  file = _octa_part_get_file (self);
  project = _octa_part_get_project (self);
  octa_project_begin_change (project, "Save part");
  octa_bank_file_copy_part (file, self->index, OCTA_PART_UNSAVED, OCTA_PART_SAVED);
  octa_bank_file_set_part_saved_state (file, self->index, 1);
  octa_bank_file_set_parts_edited_mask (file, octa_bank_file_get_parts_edited_mask (file) &
                                              ~(1u << self->index));
  octa_project_end_change (project);
}

/**
 * octa_part_reload:
 * @self: a part
 *
 * PART ▸ RELOAD: brings back the saved copy and clears the edited mark, in
 * one undo step. Without a saved copy there is nothing to return to and
 * nothing changes.
 */
void
octa_part_reload (OctaPart *self)
{
  OctaBankFile *file;
  OctaProject *project;

  g_return_if_fail (OCTA_IS_PART (self));

  file = _octa_part_get_file (self);
  if (octa_bank_file_get_part_saved_state (file, self->index) == 0)
    return;

  project = _octa_part_get_project (self);
  octa_project_begin_change (project, "Reload part");
  octa_bank_file_copy_part (file, self->index, OCTA_PART_SAVED, OCTA_PART_UNSAVED);
  octa_bank_file_set_parts_edited_mask (file, octa_bank_file_get_parts_edited_mask (file) &
                                              ~(1u << self->index));
  octa_project_end_change (project);
}
