/* SPDX-License-Identifier: MIT */
#include "octa-part-private.h"

#include "octa-lazy-list-private.h"
#include "octa-part-track-private.h"

/**
 * OctaPart:
 *
 * One of a bank's four parts: how its tracks sound (machines, parameters,
 * effects, scenes). The bank keeps two copies of every part: the one being
 * edited and the one PART ▸ SAVE stored, which RELOAD brings back. Like the
 * device, the model edits only the first and marks the part edited (the
 * "*" on the device) until it is saved or reloaded.
 *
 * A part's audio tracks are objects of the subclass of
 * #OctaAudioPartTrack that matches each track's machine. When a machine
 * changes (by any edit, undo or reload), octa_part_get_audio_track()
 * returns an object of the new subclass from then on, and every list from
 * octa_part_list_audio_tracks() announces the replacement with
 * #GListModel::items-changed.
 */
struct _OctaPart
{
  GObject             parent_instance;

  OctaBank           *bank;
  guint               index;
  char               *name;
  gboolean            edited;
  gboolean            has_saved;
  gint               *cache;
  guint8              machines[OCTA_N_TRACKS];
  GPtrArray          *audio_lists;                 /* not owned: removed as they go */
  OctaAudioPartTrack *audio[OCTA_N_TRACKS];        /* not owned: cleared as they go */
  OctaMidiPartTrack  *midi[OCTA_N_TRACKS];
  OctaScene          *scenes[OCTA_N_SCENES];
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

enum {
  FIELD_ACTIVE_SCENE_A,
  FIELD_ACTIVE_SCENE_B,
};

static GParamSpec *properties[N_PROPS];
static OctaFieldTable fields;

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

guint
_octa_part_get_file_id (OctaPart *self)
{
  return _octa_bank_get_file_id (self->bank);
}

gsize
_octa_part_get_block_offset (OctaPart *self)
{
  return octa_bank_part_offset (self->index, OCTA_PART_UNSAVED);
}

/* The file counts scenes from 0, the device from 1. */
static gint
get_active_scene (gpointer self, guint arg)
{
  return octa_bank_file_get_part_value (_octa_part_get_file (self), OCTA_PART (self)->index,
                                        OCTA_PART_UNSAVED, OCTA_PART_AREA_ACTIVE_SCENES,
                                        0, arg) + 1;
}

static void
set_active_scene (gpointer self, guint arg, gint value)
{
  _octa_part_begin_edit (self, NULL);
  octa_bank_file_set_part_value (_octa_part_get_file (self), OCTA_PART (self)->index,
                                 OCTA_PART_UNSAVED, OCTA_PART_AREA_ACTIVE_SCENES,
                                 0, arg, value - 1);
  _octa_part_end_edit (self);
}

static const OctaField field_defs[] = {
  [FIELD_ACTIVE_SCENE_A] = { "active-scene-a", OCTA_FIELD_INT, 1, 16, 1, NULL, get_active_scene,
                             set_active_scene, 0, 1, "Change scene A" },
  [FIELD_ACTIVE_SCENE_B] = { "active-scene-b", OCTA_FIELD_INT, 1, 16, 9, NULL, get_active_scene,
                             set_active_scene, 1, 1, "Change scene B" },
};

static guint8
read_machine (OctaPart *self,
              guint     track)
{
  return octa_bank_file_get_part_value (_octa_part_get_file (self), self->index,
                                        OCTA_PART_UNSAVED, OCTA_PART_AREA_MACHINE, track, 0);
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

/* A machine change changes the class of the track's object: forget the
 * old one (its holders keep a working view) and tell the lists. */
static void
octa_part_refresh_block (GObject *object)
{
  OctaPart *self = OCTA_PART (object);

  for (guint t = 0; t < OCTA_N_TRACKS; t++)
    {
      guint8 machine = read_machine (self, t);
      GType type = _octa_audio_part_track_type_for_machine (machine);
      gboolean swapped = type != _octa_audio_part_track_type_for_machine (self->machines[t]);

      self->machines[t] = machine;
      if (!swapped)
        continue;
      if (self->audio[t] != NULL && G_OBJECT_TYPE (self->audio[t]) != type)
        self->audio[t] = NULL;
      for (guint i = 0; i < self->audio_lists->len; i++)
        g_list_model_items_changed (g_ptr_array_index (self->audio_lists, i), t, 1, 1);
    }

  octa_field_table_refresh (&fields, object, self->cache);
}

static void
octa_part_finalize (GObject *object)
{
  OctaPart *self = OCTA_PART (object);

  _octa_project_unwatch (_octa_part_get_project (self), object);
  _octa_bank_forget_part (self->bank, self->index);
  g_clear_object (&self->bank);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->cache, g_free);
  /* Lists hold the part, so none is left here. */
  g_clear_pointer (&self->audio_lists, g_ptr_array_unref);

  G_OBJECT_CLASS (octa_part_parent_class)->finalize (object);
}

static void
octa_part_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  OctaPart *self = OCTA_PART (object);

  if (octa_field_table_get (&fields, object, prop_id, value))
    return;

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

  if (octa_field_table_set (&fields, object, _octa_part_get_project (self), prop_id, value))
    return;

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

  /**
   * OctaPart:active-scene-a:
   *
   * The scene on the crossfader's left side, 1…16.
   */
  /**
   * OctaPart:active-scene-b:
   *
   * The scene on the crossfader's right side, 1…16.
   */
  octa_field_table_install (&fields, object_class, N_PROPS, field_defs,
                            G_N_ELEMENTS (field_defs));
}

static void
octa_part_init (OctaPart *self)
{
  self->audio_lists = g_ptr_array_new ();
}

OctaPart *
_octa_part_new (OctaBank *bank,
                guint     index)
{
  OctaPart *self = g_object_new (OCTA_TYPE_PART, NULL);
  OctaProject *project = octa_bank_get_project (bank);
  guint file_id = _octa_bank_get_file_id (bank);
  gsize block;

  self->bank = g_object_ref (bank);
  self->index = index;
  self->name = octa_bank_file_dup_part_name (_octa_part_get_file (self), index);
  self->edited = read_edited (self);
  self->has_saved = read_has_saved (self);
  self->cache = octa_field_table_snapshot (&fields, self);
  for (guint t = 0; t < OCTA_N_TRACKS; t++)
    self->machines[t] = read_machine (self, t);

  block = _octa_part_get_block_offset (self);
  _octa_project_watch (project, file_id, TRAILER_START, TRAILER_END, G_OBJECT (self),
                       octa_part_refresh);
  _octa_project_watch (project, file_id,
                       block + octa_part_area_offset (OCTA_PART_AREA_ACTIVE_SCENES, 0, 0),
                       block + octa_part_area_offset (OCTA_PART_AREA_ACTIVE_SCENES, 0, 1) + 1,
                       G_OBJECT (self), octa_part_refresh_block);
  _octa_project_watch (project, file_id,
                       block + octa_part_area_offset (OCTA_PART_AREA_MACHINE, 0, 0),
                       block + octa_part_area_offset (OCTA_PART_AREA_MACHINE,
                                                      OCTA_N_TRACKS - 1, 0) + 1,
                       G_OBJECT (self), octa_part_refresh_block);
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

/**
 * octa_part_get_active_scene_a:
 * @self: a part
 *
 * Returns: the scene on the crossfader's left side, 1…16
 */
guint
octa_part_get_active_scene_a (OctaPart *self)
{
  g_return_val_if_fail (OCTA_IS_PART (self), 1);
  return get_active_scene (self, 0);
}

/**
 * octa_part_set_active_scene_a:
 * @self: a part
 * @scene: 1…16
 */
void
octa_part_set_active_scene_a (OctaPart *self,
                              guint     scene)
{
  g_return_if_fail (OCTA_IS_PART (self));
  g_return_if_fail (scene >= 1 && scene <= OCTA_N_SCENES);
  octa_field_set_int (&fields, self, _octa_part_get_project (self), FIELD_ACTIVE_SCENE_A, scene);
}

/**
 * octa_part_get_active_scene_b:
 * @self: a part
 *
 * Returns: the scene on the crossfader's right side, 1…16
 */
guint
octa_part_get_active_scene_b (OctaPart *self)
{
  g_return_val_if_fail (OCTA_IS_PART (self), 1);
  return get_active_scene (self, 1);
}

/**
 * octa_part_set_active_scene_b:
 * @self: a part
 * @scene: 1…16
 */
void
octa_part_set_active_scene_b (OctaPart *self,
                              guint     scene)
{
  g_return_if_fail (OCTA_IS_PART (self));
  g_return_if_fail (scene >= 1 && scene <= OCTA_N_SCENES);
  octa_field_set_int (&fields, self, _octa_part_get_project (self), FIELD_ACTIVE_SCENE_B, scene);
}

static gpointer
get_audio_item (GObject *owner,
                guint    index)
{
  return octa_part_get_audio_track (OCTA_PART (owner), index);
}

static void
audio_list_gone (gpointer  data,
                 GObject  *list)
{
  g_ptr_array_remove_fast (OCTA_PART (data)->audio_lists, list);
}

/**
 * octa_part_list_audio_tracks:
 * @self: a part
 *
 * The list announces with #GListModel::items-changed when a track's object
 * is replaced after a machine change.
 *
 * Returns: (transfer full): T1…T8 as a #GListModel of #OctaAudioPartTrack
 */
GListModel *
octa_part_list_audio_tracks (OctaPart *self)
{
  GListModel *list;

  g_return_val_if_fail (OCTA_IS_PART (self), NULL);

  list = _octa_lazy_list_new (G_OBJECT (self), OCTA_TYPE_AUDIO_PART_TRACK, OCTA_N_TRACKS,
                              get_audio_item);
  g_ptr_array_add (self->audio_lists, list);
  g_object_weak_ref (G_OBJECT (list), audio_list_gone, self);
  return list;
}

/**
 * octa_part_get_audio_track:
 * @self: a part
 * @index: 0…7 for T1…T8
 *
 * Returns: (transfer full): the track, an object of the subclass of
 *   #OctaAudioPartTrack for its machine
 */
OctaAudioPartTrack *
octa_part_get_audio_track (OctaPart *self,
                           guint     index)
{
  GType type;

  g_return_val_if_fail (OCTA_IS_PART (self), NULL);
  g_return_val_if_fail (index < OCTA_N_TRACKS, NULL);

  /* Checked here too: a view may ask from its own refresh, before ours. */
  type = _octa_audio_part_track_type_for_machine (read_machine (self, index));
  if (self->audio[index] != NULL && G_OBJECT_TYPE (self->audio[index]) == type)
    return g_object_ref (self->audio[index]);
  self->audio[index] = _octa_audio_part_track_new (self, index);
  return self->audio[index];
}

void
_octa_part_forget_audio_track (OctaPart *self,
                               guint     index,
                               gpointer  track)
{
  if (self->audio[index] == track)
    self->audio[index] = NULL;
}

static gpointer
get_midi_item (GObject *owner,
               guint    index)
{
  return octa_part_get_midi_track (OCTA_PART (owner), index);
}

/**
 * octa_part_list_midi_tracks:
 * @self: a part
 *
 * Returns: (transfer full): M1…M8 as a #GListModel of #OctaMidiPartTrack
 */
GListModel *
octa_part_list_midi_tracks (OctaPart *self)
{
  g_return_val_if_fail (OCTA_IS_PART (self), NULL);
  return _octa_lazy_list_new (G_OBJECT (self), OCTA_TYPE_MIDI_PART_TRACK, OCTA_N_TRACKS,
                              get_midi_item);
}

/**
 * octa_part_get_midi_track:
 * @self: a part
 * @index: 0…7 for M1…M8
 *
 * Returns: (transfer full): the track
 */
OctaMidiPartTrack *
octa_part_get_midi_track (OctaPart *self,
                          guint     index)
{
  g_return_val_if_fail (OCTA_IS_PART (self), NULL);
  g_return_val_if_fail (index < OCTA_N_TRACKS, NULL);

  if (self->midi[index] != NULL)
    return g_object_ref (self->midi[index]);
  self->midi[index] = _octa_midi_part_track_new (self, index);
  return self->midi[index];
}

void
_octa_part_forget_midi_track (OctaPart *self,
                              guint     index,
                              gpointer  track)
{
  if (self->midi[index] == track)
    self->midi[index] = NULL;
}

static gpointer
get_scene_item (GObject *owner,
                guint    index)
{
  return octa_part_get_scene (OCTA_PART (owner), index);
}

/**
 * octa_part_list_scenes:
 * @self: a part
 *
 * Returns: (transfer full): scenes 1…16 as a #GListModel of #OctaScene
 */
GListModel *
octa_part_list_scenes (OctaPart *self)
{
  g_return_val_if_fail (OCTA_IS_PART (self), NULL);
  return _octa_lazy_list_new (G_OBJECT (self), OCTA_TYPE_SCENE, OCTA_N_SCENES, get_scene_item);
}

/**
 * octa_part_get_scene:
 * @self: a part
 * @index: 0…15 for scenes 1…16
 *
 * Returns: (transfer full): the scene
 */
OctaScene *
octa_part_get_scene (OctaPart *self,
                     guint     index)
{
  g_return_val_if_fail (OCTA_IS_PART (self), NULL);
  g_return_val_if_fail (index < OCTA_N_SCENES, NULL);

  if (self->scenes[index] != NULL)
    return g_object_ref (self->scenes[index]);
  self->scenes[index] = _octa_scene_new (self, index);
  return self->scenes[index];
}

void
_octa_part_forget_scene (OctaPart *self,
                         guint     index,
                         gpointer  scene)
{
  if (self->scenes[index] == scene)
    self->scenes[index] = NULL;
}
