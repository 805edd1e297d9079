/* SPDX-License-Identifier: MIT */
#include "octa-sample-slot-private.h"

#include "octa-field-private.h"
#include "octa-lazy-list-private.h"
#include "octa-model-enum-types.h"

/**
 * OctaSampleSlot:
 *
 * One sample slot of a project: a Flex or Static slot (1…128) or a
 * recorder buffer (1…8). Its attributes live in the slot's `[SAMPLE]` block
 * of `project.work`, its trim, loop and slice points in `markers.work`
 * (#OctaMarkers). A Flex or Static slot is used when it has a block; a
 * recorder buffer always has one and is used when it names a file.
 */
struct _OctaSampleSlot
{
  GObject       parent_instance;

  OctaProject  *project;
  OctaSlotKind  kind;
  guint         number;
  gboolean      used;
  char         *path;
  gint         *cache;
  OctaMarkers  *markers;  /* not owned: cleared as it goes */
};

G_DEFINE_FINAL_TYPE (OctaSampleSlot, octa_sample_slot, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_NUMBER,
  PROP_USED,
  PROP_PATH,
  PROP_MARKERS,
  N_FIXED_PROPS
};

typedef enum
{
  FIELD_TRIM_BARS_X100,
  FIELD_BPM_X24,
  FIELD_TIMESTRETCH,
  FIELD_LOOP_MODE,
  FIELD_GAIN,
  FIELD_TRIG_QUANTIZATION,
} FieldId;

static GParamSpec *properties[N_FIXED_PROPS];
static OctaFieldTable fields;

/* The project keeps no strong reference to its slots: they register here
 * and leave in their finalize. */
#define SLOT_CACHE_KEY "octa-sample-slots"

typedef struct
{
  OctaSampleSlot *slots[3][OCTA_N_SLOTS];
} SlotCache;

static SlotCache *
slot_cache (OctaProject *project)
{
  SlotCache *cache = g_object_get_data (G_OBJECT (project), SLOT_CACHE_KEY);

  if (cache == NULL)
    {
      cache = g_new0 (SlotCache, 1);
      g_object_set_data_full (G_OBJECT (project), SLOT_CACHE_KEY, cache, g_free);
    }
  return cache;
}

/**
 * octa_slot_kind_get_n_slots:
 * @kind: a slot kind
 *
 * Returns: how many slots of @kind a project has: 128, or 8 recorder buffers
 */
guint
octa_slot_kind_get_n_slots (OctaSlotKind kind)
{
  return kind == OCTA_SLOT_KIND_RECORDER ? OCTA_N_RECORDER_BUFFERS : OCTA_N_SLOTS;
}

static gboolean
kind_is_valid (OctaSlotKind kind)
{
  return kind == OCTA_SLOT_KIND_FLEX || kind == OCTA_SLOT_KIND_STATIC ||
         kind == OCTA_SLOT_KIND_RECORDER;
}

/* Recorder buffers are Flex slots 129…136 in the files. */
gboolean
_octa_slot_to_codec (OctaSlotKind  kind,
                     guint         number,
                     OctaSlotType *type,
                     guint        *slot)
{
  if (!kind_is_valid (kind) || number < 1 || number > octa_slot_kind_get_n_slots (kind))
    return FALSE;

  *type = kind == OCTA_SLOT_KIND_STATIC ? OCTA_SLOT_STATIC : OCTA_SLOT_FLEX;
  *slot = kind == OCTA_SLOT_KIND_RECORDER ? OCTA_N_SAMPLE_SLOTS + number - 1 : number - 1;
  return TRUE;
}

gboolean
_octa_slot_text_used (const OctaProjectFile *file,
                      OctaSlotKind           kind,
                      guint                  number)
{
  g_autofree char *path = NULL;
  OctaSlotType type;
  guint slot;

  if (!_octa_slot_to_codec (kind, number, &type, &slot))
    return FALSE;
  if (kind != OCTA_SLOT_KIND_RECORDER)
    return octa_project_file_has_sample (file, type, slot);

  path = octa_project_file_dup_sample_path (file, type, slot);
  return path != NULL && *path != '\0';
}

gboolean
_octa_slot_text_set_path (OctaProjectFile  *file,
                          OctaSlotKind      kind,
                          guint             number,
                          const char       *path,
                          GError          **error)
{
  OctaSlotType type;
  guint slot;

  if (!_octa_slot_to_codec (kind, number, &type, &slot))
    g_return_val_if_reached (FALSE);

  /* Tool-written files may lack a recorder block: add it as any other. */
  if (!octa_project_file_has_sample (file, type, slot))
    return octa_project_file_add_sample (file, type, slot, path, error);
  return octa_project_file_set_sample_path (file, type, slot, path, error);
}

/*
 * A Flex or Static slot loses its block. A recorder buffer always has one,
 * so it goes back to what a new project holds: no file, the project tempo,
 * +12 dB.
 */
gboolean
_octa_slot_text_clear (OctaProjectFile  *file,
                       OctaSlotKind      kind,
                       guint             number,
                       GError          **error)
{
  static const struct {
    OctaSampleAttr attr;
    gint           value;
  } blank[] = {
    { OCTA_SAMPLE_ATTR_TSMODE, OCTA_RECORDER_BLANK_TSMODE },
    { OCTA_SAMPLE_ATTR_LOOPMODE, OCTA_RECORDER_BLANK_LOOPMODE },
    { OCTA_SAMPLE_ATTR_GAIN, OCTA_RECORDER_BLANK_GAIN },
    { OCTA_SAMPLE_ATTR_TRIGQUANTIZATION, OCTA_RECORDER_BLANK_TRIGQ },
  };
  OctaSlotType type;
  guint slot;
  gint tempo;

  if (!_octa_slot_to_codec (kind, number, &type, &slot))
    g_return_val_if_reached (FALSE);

  if (!octa_project_file_has_sample (file, type, slot))
    return TRUE;
  if (kind != OCTA_SLOT_KIND_RECORDER)
    return octa_project_file_remove_sample (file, type, slot, error);

  tempo = octa_project_file_get_int (file, OCTA_SECTION_SETTINGS, "TEMPOx24", 0);
  if (!octa_project_file_set_sample_path (file, type, slot, "", error) ||
      !octa_project_file_set_sample_attr (file, type, slot, OCTA_SAMPLE_ATTR_BPM_X24, tempo,
                                          error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (blank); i++)
    if (!octa_project_file_set_sample_attr (file, type, slot, blank[i].attr, blank[i].value,
                                            error))
      return FALSE;
  return TRUE;
}

void
_octa_slot_markers_clear (OctaProject  *project,
                          OctaSlotKind  kind,
                          guint         number)
{
  OctaSlotType type;
  guint slot;

  if (!_octa_slot_to_codec (kind, number, &type, &slot))
    g_return_if_reached ();
  octa_markers_file_clear_slot (_octa_project_get_markers_file (project, OCTA_STATE_WORK),
                                type, slot);
}

/* The folder sample paths are relative to; only a project opened from or
 * saved to a folder has one. */
char *
_octa_project_dup_folder (OctaProject  *project,
                          GError      **error)
{
  GFile *location = octa_project_get_location (project);
  g_autofree char *path = NULL;

  if (location == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "%s: the project is not saved in a folder yet; save it to a folder first",
                   octa_project_get_name (project));
      return NULL;
    }

  path = g_file_get_path (location);
  if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *where = g_file_get_parse_name (location);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY,
                   "%s: the project is not a folder (a zip?); sample files can only be managed "
                   "in a project folder", where);
      return NULL;
    }
  return g_steal_pointer (&path);
}

/* Device paths are relative to the project folder ("../AUDIO/…"); some tools
 * write absolute host paths. */
GFile *
_octa_project_resolve_sample (OctaProject *project,
                              const char  *path)
{
  g_autofree char *folder = NULL;
  g_autofree char *full = NULL;

  if (path == NULL || *path == '\0')
    return NULL;
  if (g_path_is_absolute (path))
    return g_file_new_for_path (path);

  folder = _octa_project_dup_folder (project, NULL);
  if (folder == NULL)
    return NULL;
  full = g_build_filename (folder, path, NULL);
  return g_file_new_for_path (full);
}

static OctaProjectFile *
text (OctaSampleSlot *self)
{
  return _octa_project_get_project_file (self->project, OCTA_STATE_WORK);
}

void
_octa_sample_slot_get_codec (OctaSampleSlot *self,
                             OctaSlotType   *type,
                             guint          *slot)
{
  _octa_slot_to_codec (self->kind, self->number, type, slot);
}

static char *
read_path (OctaSampleSlot *self)
{
  OctaSlotType type;
  guint slot;
  char *path;

  _octa_sample_slot_get_codec (self, &type, &slot);
  path = octa_project_file_dup_sample_path (text (self), type, slot);
  return path != NULL ? path : g_strdup ("");
}

static const OctaSampleAttr field_attrs[] = {
  [FIELD_TRIM_BARS_X100] = OCTA_SAMPLE_ATTR_TRIM_BARS_X100,
  [FIELD_BPM_X24] = OCTA_SAMPLE_ATTR_BPM_X24,
  [FIELD_TIMESTRETCH] = OCTA_SAMPLE_ATTR_TSMODE,
  [FIELD_LOOP_MODE] = OCTA_SAMPLE_ATTR_LOOPMODE,
  [FIELD_GAIN] = OCTA_SAMPLE_ATTR_GAIN,
  [FIELD_TRIG_QUANTIZATION] = OCTA_SAMPLE_ATTR_TRIGQUANTIZATION,
};

/* What a slot reads when its block lacks the key or it has no block: what
 * octa_project_file_add_sample() would write. */
static const gint field_missing[] = {
  [FIELD_TRIM_BARS_X100] = -1,
  [FIELD_BPM_X24] = -1,
  [FIELD_TIMESTRETCH] = OCTA_TIMESTRETCH_NORMAL,
  [FIELD_LOOP_MODE] = OCTA_LOOP_MODE_OFF,
  [FIELD_GAIN] = 48,
  [FIELD_TRIG_QUANTIZATION] = -1,
};

static gint
get_attr (gpointer self,
          guint    field)
{
  OctaSampleSlot *slot = self;
  OctaSlotType type;
  guint index;
  gint value;

  _octa_sample_slot_get_codec (slot, &type, &index);
  if (!octa_project_file_get_sample_attr (text (slot), type, index, field_attrs[field], &value))
    return field_missing[field];
  /* Tools write 255 for DIRECT; the device writes -1. Both mean DIRECT. */
  if (field == FIELD_TRIG_QUANTIZATION && value == 255)
    return -1;
  return value;
}

typedef struct
{
  OctaSlotType   type;
  guint          slot;
  OctaSampleAttr attr;
  gint           value;
} AttrEdit;

static gboolean
edit_attr (OctaProjectFile  *file,
           gpointer          user_data,
           GError          **error)
{
  AttrEdit *edit = user_data;

  return octa_project_file_set_sample_attr (file, edit->type, edit->slot, edit->attr,
                                            edit->value, error);
}

static void
set_attr (gpointer self,
          guint    field,
          gint     value)
{
  OctaSampleSlot *slot = self;
  g_autoptr(GError) error = NULL;
  AttrEdit edit = { 0, 0, field_attrs[field], value };

  _octa_sample_slot_get_codec (slot, &edit.type, &edit.slot);
  if (!_octa_project_edit_text (slot->project, OCTA_STATE_WORK, NULL, edit_attr, &edit, &error))
    g_warning ("%s", error->message);
}

/*
 * Lengths and tempos are -1 when the block carries the other one of the
 * two (the device writes either TRIM_BARSx100 or BPMx24 at the same line).
 * Unused slots read what a new block would hold.
 */
static const OctaField field_defs[] = {
  [FIELD_TRIM_BARS_X100] = { "trim-bars-x100", OCTA_FIELD_INT, -1, G_MAXINT, -1, NULL,
                             get_attr, set_attr, FIELD_TRIM_BARS_X100, 1,
                             "Change sample length" },
  [FIELD_BPM_X24] = { "bpm-x24", OCTA_FIELD_INT, -1, G_MAXINT, -1, NULL, get_attr, set_attr,
                      FIELD_BPM_X24, 1, "Change sample tempo" },
  [FIELD_TIMESTRETCH] = { "timestretch", OCTA_FIELD_ENUM, 0, 0, OCTA_TIMESTRETCH_NORMAL,
                          octa_timestretch_get_type, get_attr, set_attr, FIELD_TIMESTRETCH, 1,
                          "Change timestretch" },
  [FIELD_LOOP_MODE] = { "loop-mode", OCTA_FIELD_ENUM, 0, 0, OCTA_LOOP_MODE_OFF,
                        octa_loop_mode_get_type, get_attr, set_attr, FIELD_LOOP_MODE, 1,
                        "Change loop mode" },
  [FIELD_GAIN] = { "gain", OCTA_FIELD_INT, 0, 96, 48, NULL, get_attr, set_attr, FIELD_GAIN, 1,
                   "Change sample gain" },
  [FIELD_TRIG_QUANTIZATION] = { "trig-quantization", OCTA_FIELD_INT, -1, 16, -1, NULL,
                                get_attr, set_attr, FIELD_TRIG_QUANTIZATION, 1,
                                "Change trig quantization" },
};

static void
octa_sample_slot_refresh (GObject *object)
{
  OctaSampleSlot *self = OCTA_SAMPLE_SLOT (object);
  gboolean used = _octa_slot_text_used (text (self), self->kind, self->number);
  g_autofree char *path = read_path (self);

  g_object_freeze_notify (object);
  if (used != self->used)
    {
      self->used = used;
      g_object_notify_by_pspec (object, properties[PROP_USED]);
    }
  if (g_strcmp0 (path, self->path) != 0)
    {
      g_free (self->path);
      self->path = g_steal_pointer (&path);
      g_object_notify_by_pspec (object, properties[PROP_PATH]);
    }
  octa_field_table_refresh (&fields, self, self->cache);
  g_object_thaw_notify (object);
}

static void
octa_sample_slot_finalize (GObject *object)
{
  OctaSampleSlot *self = OCTA_SAMPLE_SLOT (object);

  _octa_project_unwatch (self->project, object);
  slot_cache (self->project)->slots[self->kind][self->number - 1] = NULL;
  g_clear_object (&self->project);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->cache, g_free);

  G_OBJECT_CLASS (octa_sample_slot_parent_class)->finalize (object);
}

static void
octa_sample_slot_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  OctaSampleSlot *self = OCTA_SAMPLE_SLOT (object);

  if (octa_field_table_get (&fields, self, prop_id, value))
    return;

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_NUMBER:
      g_value_set_uint (value, self->number);
      break;
    case PROP_USED:
      g_value_set_boolean (value, octa_sample_slot_get_used (self));
      break;
    case PROP_PATH:
      g_value_take_string (value, read_path (self));
      break;
    case PROP_MARKERS:
      g_value_take_object (value, octa_sample_slot_get_markers (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
octa_sample_slot_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  OctaSampleSlot *self = OCTA_SAMPLE_SLOT (object);
  g_autoptr(GError) error = NULL;

  switch (prop_id)
    {
    case PROP_PATH:
      if (!octa_sample_slot_set_path (self, g_value_get_string (value), &error))
        g_warning ("%s", error->message);
      return;
    case N_FIXED_PROPS + FIELD_TRIM_BARS_X100:
    case N_FIXED_PROPS + FIELD_BPM_X24:
      if (g_value_get_int (value) < 0)
        {
          g_warning ("%s: a sample's %s cannot be removed, only changed",
                     G_OBJECT_TYPE_NAME (object), pspec->name);
          return;
        }
      break;
    default:
      break;
    }

  if (!octa_field_table_set (&fields, self, self->project, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
octa_sample_slot_class_init (OctaSampleSlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = octa_sample_slot_finalize;
  object_class->get_property = octa_sample_slot_get_property;
  object_class->set_property = octa_sample_slot_set_property;

  /**
   * OctaSampleSlot:kind:
   *
   * Flex slot, Static slot or recorder buffer.
   */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, OCTA_TYPE_SLOT_KIND, OCTA_SLOT_KIND_FLEX,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * OctaSampleSlot:number:
   *
   * The slot's number as the device shows it: 1…128, or 1…8 for a
   * recorder buffer.
   */
  properties[PROP_NUMBER] =
    g_param_spec_uint ("number", NULL, NULL, 1, OCTA_N_SLOTS, 1,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * OctaSampleSlot:used:
   *
   * Whether a sample is assigned: a Flex or Static slot has a `[SAMPLE]`
   * block, a recorder buffer names a file.
   */
  properties[PROP_USED] =
    g_param_spec_boolean ("used", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * OctaSampleSlot:path:
   *
   * The sample file, relative to the project folder ("../AUDIO/…" for the
   * set's audio pool), or "" for none. Setting a path on an unused slot
   * assigns it; setting "" on a Flex or Static slot is
   * octa_sample_slot_clear().
   */
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * OctaSampleSlot:markers:
   *
   * The slot's trim, loop and slice points.
   */
  properties[PROP_MARKERS] =
    g_param_spec_object ("markers", NULL, NULL, OCTA_TYPE_MARKERS,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_FIXED_PROPS, properties);

  /**
   * OctaSampleSlot:trim-bars-x100:
   *
   * The sample's length in bars × 100 (`TRIM_BARSx100`), or -1 when the
   * block gives a tempo instead. Setting it replaces the tempo line.
   */
  /**
   * OctaSampleSlot:bpm-x24:
   *
   * The sample's tempo in BPM × 24 (`BPMx24`), or -1 when the block gives a
   * length instead. Setting it replaces the length line.
   */
  /**
   * OctaSampleSlot:gain:
   *
   * 0…96 in 0.5 dB steps; 48 is 0 dB.
   */
  /**
   * OctaSampleSlot:trig-quantization:
   *
   * -1 DIRECT, 0 pattern length, 1…16 for 1, 2, 3, 4, 6, 8, 12, 16, 24,
   * 32, 48, 64, 96, 128, 192 and 256 steps, as `project.work` stores it.
   */
  octa_field_table_install (&fields, object_class, N_FIXED_PROPS, field_defs,
                            G_N_ELEMENTS (field_defs));
}

static void
octa_sample_slot_init (OctaSampleSlot *self)
{
}

static OctaSampleSlot *
sample_slot_new (OctaProject  *project,
                 OctaSlotKind  kind,
                 guint         number)
{
  OctaSampleSlot *self = g_object_new (OCTA_TYPE_SAMPLE_SLOT, NULL);

  self->project = g_object_ref (project);
  self->kind = kind;
  self->number = number;
  self->used = _octa_slot_text_used (text (self), kind, number);
  self->path = read_path (self);
  self->cache = octa_field_table_snapshot (&fields, self);
  _octa_project_watch (project, octa_file_id_project (OCTA_STATE_WORK), 0, G_MAXSIZE,
                       G_OBJECT (self), octa_sample_slot_refresh);
  return self;
}

/**
 * octa_project_get_sample_slot:
 * @project: a project
 * @kind: the kind of slot
 * @number: 1…128, or 1…8 for a recorder buffer
 *
 * Returns: (transfer full): the slot
 */
OctaSampleSlot *
octa_project_get_sample_slot (OctaProject  *project,
                              OctaSlotKind  kind,
                              guint         number)
{
  SlotCache *cache;

  g_return_val_if_fail (OCTA_IS_PROJECT (project), NULL);
  g_return_val_if_fail (kind_is_valid (kind), NULL);
  g_return_val_if_fail (number >= 1 && number <= octa_slot_kind_get_n_slots (kind), NULL);

  cache = slot_cache (project);
  if (cache->slots[kind][number - 1] != NULL)
    return g_object_ref (cache->slots[kind][number - 1]);
  cache->slots[kind][number - 1] = sample_slot_new (project, kind, number);
  return cache->slots[kind][number - 1];
}

static gpointer
get_flex_item (GObject *owner,
               guint    index)
{
  return octa_project_get_sample_slot (OCTA_PROJECT (owner), OCTA_SLOT_KIND_FLEX, index + 1);
}

static gpointer
get_static_item (GObject *owner,
                 guint    index)
{
  return octa_project_get_sample_slot (OCTA_PROJECT (owner), OCTA_SLOT_KIND_STATIC, index + 1);
}

static gpointer
get_recorder_item (GObject *owner,
                   guint    index)
{
  return octa_project_get_sample_slot (OCTA_PROJECT (owner), OCTA_SLOT_KIND_RECORDER, index + 1);
}

/**
 * octa_project_list_sample_slots:
 * @project: a project
 * @kind: the kind of slot
 *
 * Returns: (transfer full): every slot of @kind, used or not, as a
 *   #GListModel of #OctaSampleSlot (128 items, or 8 recorder buffers)
 */
GListModel *
octa_project_list_sample_slots (OctaProject  *project,
                                OctaSlotKind  kind)
{
  static const OctaLazyGetFunc getters[] = {
    [OCTA_SLOT_KIND_FLEX] = get_flex_item,
    [OCTA_SLOT_KIND_STATIC] = get_static_item,
    [OCTA_SLOT_KIND_RECORDER] = get_recorder_item,
  };

  g_return_val_if_fail (OCTA_IS_PROJECT (project), NULL);
  g_return_val_if_fail (kind_is_valid (kind), NULL);

  return _octa_lazy_list_new (G_OBJECT (project), OCTA_TYPE_SAMPLE_SLOT,
                              octa_slot_kind_get_n_slots (kind), getters[kind]);
}

/**
 * octa_sample_slot_get_project:
 * @self: a slot
 *
 * Returns: (transfer none): the project holding the slot
 */
OctaProject *
octa_sample_slot_get_project (OctaSampleSlot *self)
{
  g_return_val_if_fail (OCTA_IS_SAMPLE_SLOT (self), NULL);
  return self->project;
}

OctaSlotKind
octa_sample_slot_get_kind (OctaSampleSlot *self)
{
  g_return_val_if_fail (OCTA_IS_SAMPLE_SLOT (self), OCTA_SLOT_KIND_FLEX);
  return self->kind;
}

guint
octa_sample_slot_get_number (OctaSampleSlot *self)
{
  g_return_val_if_fail (OCTA_IS_SAMPLE_SLOT (self), 1);
  return self->number;
}

/**
 * octa_sample_slot_dup_label:
 * @self: a slot
 *
 * Returns: (transfer full): the slot in words: "Flex 001", "Static 128",
 *   "Recorder 1"
 */
char *
octa_sample_slot_dup_label (OctaSampleSlot *self)
{
  g_return_val_if_fail (OCTA_IS_SAMPLE_SLOT (self), NULL);

  switch (self->kind)
    {
    case OCTA_SLOT_KIND_FLEX:
      return g_strdup_printf ("Flex %03u", self->number);
    case OCTA_SLOT_KIND_STATIC:
      return g_strdup_printf ("Static %03u", self->number);
    case OCTA_SLOT_KIND_RECORDER:
    default:
      return g_strdup_printf ("Recorder %u", self->number);
    }
}

gboolean
octa_sample_slot_get_used (OctaSampleSlot *self)
{
  g_return_val_if_fail (OCTA_IS_SAMPLE_SLOT (self), FALSE);
  return _octa_slot_text_used (text (self), self->kind, self->number);
}

/**
 * octa_sample_slot_dup_path:
 * @self: a slot
 *
 * Returns: (transfer full): the sample's path relative to the project
 *   folder, or "" when the slot has none
 */
char *
octa_sample_slot_dup_path (OctaSampleSlot *self)
{
  g_return_val_if_fail (OCTA_IS_SAMPLE_SLOT (self), NULL);
  return read_path (self);
}

typedef struct
{
  OctaSlotKind kind;
  guint        number;
  const char  *path;
} PathEdit;

static gboolean
edit_path (OctaProjectFile  *file,
           gpointer          user_data,
           GError          **error)
{
  PathEdit *edit = user_data;

  return _octa_slot_text_set_path (file, edit->kind, edit->number, edit->path, error);
}

/**
 * octa_sample_slot_set_path:
 * @self: a slot
 * @path: (nullable): a path relative to the project folder, or "" (or
 *   %NULL) for none
 * @error: return location for a #GError
 *
 * Assigns a sample file to the slot, in one undo step. An unused Flex or
 * Static slot gets a new `[SAMPLE]` block with the device's defaults; ""
 * clears a Flex or Static slot (octa_sample_slot_clear()) and empties a
 * recorder buffer's path. The file itself is not checked or copied (see
 * octa_project_add_sample()).
 *
 * Returns: %FALSE when @path cannot be stored (characters outside
 *   Latin-1, control characters)
 */
gboolean
octa_sample_slot_set_path (OctaSampleSlot  *self,
                           const char      *path,
                           GError         **error)
{
  g_autofree char *current = NULL;
  PathEdit edit;

  g_return_val_if_fail (OCTA_IS_SAMPLE_SLOT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (path == NULL)
    path = "";

  /* Read the file, not the cache: inside a grouped change the cache only
   * catches up at the end. */
  if (*path == '\0' && self->kind != OCTA_SLOT_KIND_RECORDER)
    {
      if (_octa_slot_text_used (text (self), self->kind, self->number))
        octa_sample_slot_clear (self);
      return TRUE;
    }
  current = read_path (self);
  if (g_str_equal (path, current) &&
      (self->kind == OCTA_SLOT_KIND_RECORDER ||
       _octa_slot_text_used (text (self), self->kind, self->number)))
    return TRUE;

  edit.kind = self->kind;
  edit.number = self->number;
  edit.path = path;
  return _octa_project_edit_text (self->project, OCTA_STATE_WORK, "Assign sample", edit_path,
                                  &edit, error);
}

/**
 * octa_sample_slot_get_file:
 * @self: a slot
 *
 * Returns: (transfer full) (nullable): the sample file the path points at,
 *   or %NULL when the slot has no path or the project is not in a folder
 */
GFile *
octa_sample_slot_get_file (OctaSampleSlot *self)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (OCTA_IS_SAMPLE_SLOT (self), NULL);

  path = read_path (self);
  return _octa_project_resolve_sample (self->project, path);
}

gint
octa_sample_slot_get_trim_bars_x100 (OctaSampleSlot *self)
{
  g_return_val_if_fail (OCTA_IS_SAMPLE_SLOT (self), -1);
  return get_attr (self, FIELD_TRIM_BARS_X100);
}

/**
 * octa_sample_slot_set_trim_bars_x100:
 * @self: a used slot
 * @bars_x100: the length in bars × 100
 *
 * Sets `TRIM_BARSx100`, replacing a `BPMx24` line in place.
 */
void
octa_sample_slot_set_trim_bars_x100 (OctaSampleSlot *self,
                                     gint            bars_x100)
{
  g_return_if_fail (OCTA_IS_SAMPLE_SLOT (self));
  g_return_if_fail (bars_x100 >= 0);
  octa_field_set_int (&fields, self, self->project, FIELD_TRIM_BARS_X100, bars_x100);
}

gint
octa_sample_slot_get_bpm_x24 (OctaSampleSlot *self)
{
  g_return_val_if_fail (OCTA_IS_SAMPLE_SLOT (self), -1);
  return get_attr (self, FIELD_BPM_X24);
}

/**
 * octa_sample_slot_set_bpm_x24:
 * @self: a used slot
 * @bpm_x24: the tempo in BPM × 24
 *
 * Sets `BPMx24`, replacing a `TRIM_BARSx100` line in place.
 */
void
octa_sample_slot_set_bpm_x24 (OctaSampleSlot *self,
                              gint            bpm_x24)
{
  g_return_if_fail (OCTA_IS_SAMPLE_SLOT (self));
  g_return_if_fail (bpm_x24 >= 0);
  octa_field_set_int (&fields, self, self->project, FIELD_BPM_X24, bpm_x24);
}

OctaTimestretch
octa_sample_slot_get_timestretch (OctaSampleSlot *self)
{
  g_return_val_if_fail (OCTA_IS_SAMPLE_SLOT (self), OCTA_TIMESTRETCH_NORMAL);
  return get_attr (self, FIELD_TIMESTRETCH);
}

void
octa_sample_slot_set_timestretch (OctaSampleSlot  *self,
                                  OctaTimestretch  mode)
{
  g_return_if_fail (OCTA_IS_SAMPLE_SLOT (self));
  octa_field_set_int (&fields, self, self->project, FIELD_TIMESTRETCH, mode);
}

OctaLoopMode
octa_sample_slot_get_loop_mode (OctaSampleSlot *self)
{
  g_return_val_if_fail (OCTA_IS_SAMPLE_SLOT (self), OCTA_LOOP_MODE_OFF);
  return get_attr (self, FIELD_LOOP_MODE);
}

void
octa_sample_slot_set_loop_mode (OctaSampleSlot *self,
                                OctaLoopMode    mode)
{
  g_return_if_fail (OCTA_IS_SAMPLE_SLOT (self));
  octa_field_set_int (&fields, self, self->project, FIELD_LOOP_MODE, mode);
}

guint
octa_sample_slot_get_gain (OctaSampleSlot *self)
{
  g_return_val_if_fail (OCTA_IS_SAMPLE_SLOT (self), 48);
  return get_attr (self, FIELD_GAIN);
}

/**
 * octa_sample_slot_set_gain:
 * @self: a used slot
 * @gain: 0…96 (0.5 dB steps, 48 = 0 dB)
 */
void
octa_sample_slot_set_gain (OctaSampleSlot *self,
                           guint           gain)
{
  g_return_if_fail (OCTA_IS_SAMPLE_SLOT (self));
  g_return_if_fail (gain <= 96);
  octa_field_set_int (&fields, self, self->project, FIELD_GAIN, gain);
}

gint
octa_sample_slot_get_trig_quantization (OctaSampleSlot *self)
{
  g_return_val_if_fail (OCTA_IS_SAMPLE_SLOT (self), -1);
  return get_attr (self, FIELD_TRIG_QUANTIZATION);
}

/**
 * octa_sample_slot_set_trig_quantization:
 * @self: a used slot
 * @quantization: -1 DIRECT, 0 pattern length, 1…16 (see
 *   #OctaSampleSlot:trig-quantization)
 */
void
octa_sample_slot_set_trig_quantization (OctaSampleSlot *self,
                                        gint            quantization)
{
  g_return_if_fail (OCTA_IS_SAMPLE_SLOT (self));
  g_return_if_fail (quantization >= -1 && quantization <= 16);
  octa_field_set_int (&fields, self, self->project, FIELD_TRIG_QUANTIZATION, quantization);
}

/**
 * octa_sample_slot_get_markers:
 * @self: a slot
 *
 * Returns: (transfer full): the slot's trim, loop and slice points
 */
OctaMarkers *
octa_sample_slot_get_markers (OctaSampleSlot *self)
{
  g_return_val_if_fail (OCTA_IS_SAMPLE_SLOT (self), NULL);

  if (self->markers != NULL)
    return g_object_ref (self->markers);
  self->markers = _octa_markers_new (self);
  return self->markers;
}

void
_octa_sample_slot_forget_markers (OctaSampleSlot *self)
{
  self->markers = NULL;
}

typedef struct
{
  OctaSlotKind kind;
  guint        number;
} SlotRef;

static gboolean
edit_clear (OctaProjectFile  *file,
            gpointer          user_data,
            GError          **error)
{
  SlotRef *ref = user_data;

  return _octa_slot_text_clear (file, ref->kind, ref->number, error);
}

/**
 * octa_sample_slot_clear:
 * @self: a slot
 *
 * Unassigns the sample, in one undo step: a Flex or Static slot loses its
 * `[SAMPLE]` block, a recorder buffer goes back to an empty buffer, and the
 * markers record is zeroed. The sample file is not touched.
 */
void
octa_sample_slot_clear (OctaSampleSlot *self)
{
  g_autoptr(GError) error = NULL;
  SlotRef ref;

  g_return_if_fail (OCTA_IS_SAMPLE_SLOT (self));

  ref.kind = self->kind;
  ref.number = self->number;
  octa_project_begin_change (self->project, "Clear sample slot");
  if (!_octa_project_edit_text (self->project, OCTA_STATE_WORK, NULL, edit_clear, &ref, &error))
    g_warning ("%s", error->message);
  _octa_slot_markers_clear (self->project, self->kind, self->number);
  octa_project_end_change (self->project);
}
