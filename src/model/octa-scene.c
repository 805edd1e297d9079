/* SPDX-License-Identifier: MIT */
#include "octa-part-track-private.h"

#include <string.h>

/**
 * OctaScene:
 *
 * One of a part's 16 scenes: for each audio track T1…T8 a lock record laid
 * out like a step's parameter locks (SRC 1–6, LFO, AMP, FX1, FX2, then two
 * bytes of unknown use), and the crossfader volume (XLV) of each track.
 * A value of −1 means "not locked". Changes write the part's unsaved copy
 * and mark the part edited.
 *
 * #OctaScene::locks-changed tells when any of the scene's bytes changed,
 * whoever changed them; #OctaScene:n-locks follows the count.
 */
struct _OctaScene
{
  GObject   parent_instance;

  OctaPart *part;
  guint     index;
  guint     n_locks;
  guint8    snapshot[OCTA_N_TRACKS * OCTA_N_PLOCK_PARAMS + 10];
};

G_DEFINE_FINAL_TYPE (OctaScene, octa_scene, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_INDEX,
  PROP_N_LOCKS,
  N_PROPS
};

enum {
  LOCKS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Spec §2.5.9: lock records at part + 1643, 256 bytes per scene; XLV
 * records at part + 5739, 10 bytes per scene (8 tracks, 2 unknown). */
#define SCENES_REL     1643
#define SCENE_SIZE     (OCTA_N_TRACKS * OCTA_N_PLOCK_PARAMS)
#define XLV_REL        5739
#define XLV_SIZE       10
#define LOCK_NONE      0xFF

static OctaBankFile *
get_file (OctaScene *self)
{
  return _octa_part_get_file (self->part);
}

static guint
part_index (OctaScene *self)
{
  return octa_part_get_index (self->part);
}

static void
read_snapshot (OctaScene *self,
               guint8    *out)
{
  OctaBankFile *file = get_file (self);
  guint k = 0;

  for (guint t = 0; t < OCTA_N_TRACKS; t++)
    for (guint p = 0; p < OCTA_N_PLOCK_PARAMS; p++)
      out[k++] = octa_bank_file_get_scene_lock (file, part_index (self), OCTA_PART_UNSAVED,
                                                self->index, t, p);
  for (guint i = 0; i < XLV_SIZE; i++)
    out[k++] = octa_bank_file_get_xlv (file, part_index (self), OCTA_PART_UNSAVED, self->index, i);
}

/* The two unknown bytes of each lock record and of the XLV record are not
 * counted: their meaning, and whether 0xFF there means "none", is unknown. */
static guint
count_locks (const guint8 *snapshot)
{
  guint n = 0;

  for (guint t = 0; t < OCTA_N_TRACKS; t++)
    for (guint p = 0; p < OCTA_AUDIO_PLOCK_UNKNOWN_30; p++)
      n += snapshot[t * OCTA_N_PLOCK_PARAMS + p] != LOCK_NONE;
  for (guint t = 0; t < OCTA_N_TRACKS; t++)
    n += snapshot[SCENE_SIZE + t] != LOCK_NONE;
  return n;
}

static guint
live_count (OctaScene *self)
{
  guint8 now[sizeof self->snapshot];

  read_snapshot (self, now);
  return count_locks (now);
}

static void
octa_scene_refresh (GObject *object)
{
  OctaScene *self = OCTA_SCENE (object);
  guint8 now[sizeof self->snapshot];
  guint n_locks;

  read_snapshot (self, now);
  if (memcmp (now, self->snapshot, sizeof now) == 0)
    return;

  memcpy (self->snapshot, now, sizeof now);
  n_locks = count_locks (now);
  if (n_locks != self->n_locks)
    {
      self->n_locks = n_locks;
      g_object_notify_by_pspec (object, properties[PROP_N_LOCKS]);
    }
  g_signal_emit (self, signals[LOCKS_CHANGED], 0);
}

static void
octa_scene_finalize (GObject *object)
{
  OctaScene *self = OCTA_SCENE (object);

  if (self->part != NULL)
    {
      _octa_project_unwatch (_octa_part_get_project (self->part), object);
      _octa_part_forget_scene (self->part, self->index, self);
    }
  g_clear_object (&self->part);

  G_OBJECT_CLASS (octa_scene_parent_class)->finalize (object);
}

static void
octa_scene_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  OctaScene *self = OCTA_SCENE (object);

  switch (prop_id)
    {
    case PROP_INDEX:
      g_value_set_uint (value, self->index);
      break;
    case PROP_N_LOCKS:
      g_value_set_uint (value, live_count (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
octa_scene_class_init (OctaSceneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = octa_scene_finalize;
  object_class->get_property = octa_scene_get_property;

  /**
   * OctaScene:index:
   *
   * 0…15 for scenes 1…16.
   */
  properties[PROP_INDEX] =
    g_param_spec_uint ("index", NULL, NULL, 0, OCTA_N_SCENES - 1, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * OctaScene:n-locks:
   *
   * How many parameters and crossfader volumes the scene locks (see
   * octa_scene_count_locks()).
   */
  properties[PROP_N_LOCKS] =
    g_param_spec_uint ("n-locks", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * OctaScene::locks-changed:
   * @self: the scene
   *
   * Emitted once after a change, undo or redo that changed any of the
   * scene's locks, crossfader volumes or unknown bytes.
   */
  signals[LOCKS_CHANGED] =
    g_signal_new ("locks-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
octa_scene_init (OctaScene *self)
{
}

OctaScene *
_octa_scene_new (OctaPart *part,
                 guint     index)
{
  OctaScene *self = g_object_new (OCTA_TYPE_SCENE, NULL);
  OctaProject *project = _octa_part_get_project (part);
  guint file_id = _octa_part_get_file_id (part);
  gsize block = _octa_part_get_block_offset (part);

  self->part = g_object_ref (part);
  self->index = index;
  read_snapshot (self, self->snapshot);
  self->n_locks = count_locks (self->snapshot);

  _octa_project_watch (project, file_id, block + SCENES_REL + (gsize) SCENE_SIZE * index,
                       block + SCENES_REL + (gsize) SCENE_SIZE * (index + 1),
                       G_OBJECT (self), octa_scene_refresh);
  _octa_project_watch (project, file_id, block + XLV_REL + (gsize) XLV_SIZE * index,
                       block + XLV_REL + (gsize) XLV_SIZE * (index + 1),
                       G_OBJECT (self), octa_scene_refresh);
  return self;
}

/**
 * octa_scene_get_part:
 * @self: a scene
 *
 * Returns: (transfer none): the part holding the scene
 */
OctaPart *
octa_scene_get_part (OctaScene *self)
{
  g_return_val_if_fail (OCTA_IS_SCENE (self), NULL);
  return self->part;
}

/**
 * octa_scene_get_index:
 * @self: a scene
 *
 * Returns: 0…15 for scenes 1…16
 */
guint
octa_scene_get_index (OctaScene *self)
{
  g_return_val_if_fail (OCTA_IS_SCENE (self), 0);
  return self->index;
}

/**
 * octa_scene_get_lock:
 * @self: a scene
 * @track: 0…7 for T1…T8
 * @param: 0…31, laid out as a step's lock record (an #OctaAudioPlock)
 *
 * Returns: the locked value, or −1 when the scene does not lock it
 */
gint
octa_scene_get_lock (OctaScene *self,
                     guint      track,
                     guint      param)
{
  guint8 raw;

  g_return_val_if_fail (OCTA_IS_SCENE (self), -1);
  g_return_val_if_fail (track < OCTA_N_TRACKS, -1);
  g_return_val_if_fail (param < OCTA_N_PLOCK_PARAMS, -1);

  raw = octa_bank_file_get_scene_lock (get_file (self), part_index (self), OCTA_PART_UNSAVED,
                                       self->index, track, param);
  return raw == LOCK_NONE ? -1 : raw;
}

/**
 * octa_scene_set_lock:
 * @self: a scene
 * @track: 0…7 for T1…T8
 * @param: 0…31, laid out as a step's lock record (an #OctaAudioPlock)
 * @value: 0…254, or −1 to remove the lock
 *
 * Locks one parameter of a track in the scene, in one undo step.
 */
void
octa_scene_set_lock (OctaScene *self,
                     guint      track,
                     guint      param,
                     gint       value)
{
  guint8 raw;

  g_return_if_fail (OCTA_IS_SCENE (self));
  g_return_if_fail (track < OCTA_N_TRACKS);
  g_return_if_fail (param < OCTA_N_PLOCK_PARAMS);
  g_return_if_fail (value >= -1 && value < LOCK_NONE);

  raw = value < 0 ? LOCK_NONE : value;
  if (octa_bank_file_get_scene_lock (get_file (self), part_index (self), OCTA_PART_UNSAVED,
                                     self->index, track, param) == raw)
    return;

  _octa_part_begin_edit (self->part, value < 0 ? "Remove scene lock" : "Lock scene parameter");
  octa_bank_file_set_scene_lock (get_file (self), part_index (self), OCTA_PART_UNSAVED,
                                 self->index, track, param, raw);
  _octa_part_end_edit (self->part);
}

static void
set_xlv_byte (OctaScene  *self,
              guint       index,
              guint8      raw,
              const char *label)
{
  if (octa_bank_file_get_xlv (get_file (self), part_index (self), OCTA_PART_UNSAVED,
                              self->index, index) == raw)
    return;

  _octa_part_begin_edit (self->part, label);
  octa_bank_file_set_xlv (get_file (self), part_index (self), OCTA_PART_UNSAVED,
                          self->index, index, raw);
  _octa_part_end_edit (self->part);
}

/**
 * octa_scene_get_xlv:
 * @self: a scene
 * @track: 0…7 for T1…T8
 *
 * Returns: the track's crossfader volume in the scene, 0…127, or −1 when
 *   the scene does not lock it
 */
gint
octa_scene_get_xlv (OctaScene *self,
                    guint      track)
{
  guint8 raw;

  g_return_val_if_fail (OCTA_IS_SCENE (self), -1);
  g_return_val_if_fail (track < OCTA_N_TRACKS, -1);

  raw = octa_bank_file_get_xlv (get_file (self), part_index (self), OCTA_PART_UNSAVED,
                                self->index, track);
  return raw == LOCK_NONE ? -1 : raw;
}

/**
 * octa_scene_set_xlv:
 * @self: a scene
 * @track: 0…7 for T1…T8
 * @value: 0…254 (the device uses 0…127), or −1 to remove the lock
 *
 * Locks a track's crossfader volume in the scene, in one undo step.
 */
void
octa_scene_set_xlv (OctaScene *self,
                    guint      track,
                    gint       value)
{
  g_return_if_fail (OCTA_IS_SCENE (self));
  g_return_if_fail (track < OCTA_N_TRACKS);
  g_return_if_fail (value >= -1 && value < LOCK_NONE);

  set_xlv_byte (self, track, value < 0 ? LOCK_NONE : value,
                value < 0 ? "Remove scene volume" : "Lock scene volume");
}

/**
 * octa_scene_get_xlv_unknown:
 * @self: a scene
 * @index: 0 or 1 for the XLV record's bytes 8 and 9
 *
 * Returns: the raw byte (0xFF on every file seen)
 */
guint8
octa_scene_get_xlv_unknown (OctaScene *self,
                            guint      index)
{
  g_return_val_if_fail (OCTA_IS_SCENE (self), LOCK_NONE);
  g_return_val_if_fail (index < 2, LOCK_NONE);

  return octa_bank_file_get_xlv (get_file (self), part_index (self), OCTA_PART_UNSAVED,
                                 self->index, OCTA_N_TRACKS + index);
}

/**
 * octa_scene_set_xlv_unknown:
 * @self: a scene
 * @index: 0 or 1 for the XLV record's bytes 8 and 9
 * @value: the raw byte
 */
void
octa_scene_set_xlv_unknown (OctaScene *self,
                            guint      index,
                            guint8     value)
{
  g_return_if_fail (OCTA_IS_SCENE (self));
  g_return_if_fail (index < 2);

  set_xlv_byte (self, OCTA_N_TRACKS + index, value, "Change scene");
}

/**
 * octa_scene_count_locks:
 * @self: a scene
 *
 * Counts the scene's locks: locked parameters (lock record bytes 0…29) of
 * all eight tracks plus locked crossfader volumes. The unknown bytes are
 * not counted.
 *
 * Returns: the number of locks; 0 for an empty scene
 */
guint
octa_scene_count_locks (OctaScene *self)
{
  g_return_val_if_fail (OCTA_IS_SCENE (self), 0);
  return live_count (self);
}
