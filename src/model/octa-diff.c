/* SPDX-License-Identifier: MIT */
#include <string.h>

#include "octa-diff-private.h"
#include "octa-model-enum-types.h"
#include "octa-part-private.h"
#include "octa-project-private.h"

/**
 * OctaDiffItem:
 *
 * One difference between two sides of a comparison: what kind of thing
 * differs, where (a path in the syntax of `octadesk-cli set`), its old and new
 * value as text, and the file and byte offset it lives at.
 */
struct _OctaDiffItem
{
  GObject  parent_instance;
  char    *kind;
  char    *path;
  char    *old_value;
  char    *new_value;
  char    *file;
  gint64   offset;
  GWeakRef diff;
};

G_DEFINE_FINAL_TYPE (OctaDiffItem, octa_diff_item, G_TYPE_OBJECT)

enum
{
  ITEM_PROP_0,
  ITEM_PROP_KIND,
  ITEM_PROP_PATH,
  ITEM_PROP_OLD_VALUE,
  ITEM_PROP_NEW_VALUE,
  ITEM_PROP_FILE,
  ITEM_PROP_OFFSET,
  ITEM_N_PROPS,
};

static GParamSpec *item_props[ITEM_N_PROPS];

static void
octa_diff_item_finalize (GObject *object)
{
  OctaDiffItem *self = OCTA_DIFF_ITEM (object);

  g_free (self->kind);
  g_free (self->path);
  g_free (self->old_value);
  g_free (self->new_value);
  g_free (self->file);
  g_weak_ref_clear (&self->diff);
  G_OBJECT_CLASS (octa_diff_item_parent_class)->finalize (object);
}

static void
octa_diff_item_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  OctaDiffItem *self = OCTA_DIFF_ITEM (object);

  switch (prop_id)
    {
    case ITEM_PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case ITEM_PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case ITEM_PROP_OLD_VALUE:
      g_value_set_string (value, self->old_value);
      break;
    case ITEM_PROP_NEW_VALUE:
      g_value_set_string (value, self->new_value);
      break;
    case ITEM_PROP_FILE:
      g_value_set_string (value, self->file);
      break;
    case ITEM_PROP_OFFSET:
      g_value_set_int64 (value, self->offset);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
octa_diff_item_class_init (OctaDiffItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = octa_diff_item_finalize;
  object_class->get_property = octa_diff_item_get_property;

  /**
   * OctaDiffItem:kind:
   *
   * The category: "setting", "slot", "step", "pattern", "track", "part",
   * "scene", "arrangement", "file" or "bytes" (bytes no field name covers).
   */
  item_props[ITEM_PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL, flags);
  /**
   * OctaDiffItem:path:
   *
   * Where the difference is, such as "A01.T3.17.lock-amp-vol".
   */
  item_props[ITEM_PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL, flags);
  /**
   * OctaDiffItem:old-value:
   *
   * The value on the old side ("" when absent there).
   */
  item_props[ITEM_PROP_OLD_VALUE] = g_param_spec_string ("old-value", NULL, NULL, NULL, flags);
  /**
   * OctaDiffItem:new-value:
   *
   * The value on the new side ("" when absent there).
   */
  item_props[ITEM_PROP_NEW_VALUE] = g_param_spec_string ("new-value", NULL, NULL, NULL, flags);
  /**
   * OctaDiffItem:file:
   *
   * The file of the new side the difference is in, such as "bank01.work".
   */
  item_props[ITEM_PROP_FILE] = g_param_spec_string ("file", NULL, NULL, NULL, flags);
  /**
   * OctaDiffItem:offset:
   *
   * The byte offset of the first differing byte in #OctaDiffItem:file, the
   * line number (from 1) for `project.*`, or -1.
   */
  item_props[ITEM_PROP_OFFSET] = g_param_spec_int64 ("offset", NULL, NULL, -1, G_MAXINT64, -1,
                                                     flags);
  g_object_class_install_properties (object_class, ITEM_N_PROPS, item_props);
}

static void
octa_diff_item_init (OctaDiffItem *self)
{
  self->offset = -1;
  g_weak_ref_init (&self->diff, NULL);
}

/* (transfer full) (nullable) */
OctaDiff *
_octa_diff_item_get_diff (OctaDiffItem *item)
{
  return g_weak_ref_get (&item->diff);
}

/**
 * octa_diff_item_get_kind:
 * @self: an item
 *
 * Returns: the category, see #OctaDiffItem:kind
 */
const char *
octa_diff_item_get_kind (OctaDiffItem *self)
{
  g_return_val_if_fail (OCTA_IS_DIFF_ITEM (self), NULL);
  return self->kind;
}

/**
 * octa_diff_item_get_path:
 * @self: an item
 *
 * Returns: the location, such as "A.part1.T2.fx1-param1"
 */
const char *
octa_diff_item_get_path (OctaDiffItem *self)
{
  g_return_val_if_fail (OCTA_IS_DIFF_ITEM (self), NULL);
  return self->path;
}

/**
 * octa_diff_item_get_old_value:
 * @self: an item
 *
 * Returns: the old side's value as text
 */
const char *
octa_diff_item_get_old_value (OctaDiffItem *self)
{
  g_return_val_if_fail (OCTA_IS_DIFF_ITEM (self), NULL);
  return self->old_value;
}

/**
 * octa_diff_item_get_new_value:
 * @self: an item
 *
 * Returns: the new side's value as text
 */
const char *
octa_diff_item_get_new_value (OctaDiffItem *self)
{
  g_return_val_if_fail (OCTA_IS_DIFF_ITEM (self), NULL);
  return self->new_value;
}

/**
 * octa_diff_item_get_file:
 * @self: an item
 *
 * Returns: the file name, such as "bank01.work"
 */
const char *
octa_diff_item_get_file (OctaDiffItem *self)
{
  g_return_val_if_fail (OCTA_IS_DIFF_ITEM (self), NULL);
  return self->file;
}

/**
 * octa_diff_item_get_offset:
 * @self: an item
 *
 * Returns: the byte offset (line number for project text), or -1
 */
gint64
octa_diff_item_get_offset (OctaDiffItem *self)
{
  g_return_val_if_fail (OCTA_IS_DIFF_ITEM (self), -1);
  return self->offset;
}

/**
 * OctaDiff:
 *
 * The differences between two sides, as a #GListModel of #OctaDiffItem in
 * file order. A diff is a snapshot: later edits do not change it.
 */
/*
 * Items are kept as plain records; the objects are made when asked for. When
 * everything differs nearly every item is a step bit or lock, so those keep
 * only numbers and get their text when an object or a count needs it.
 */
static void octa_diff_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (OctaDiff, octa_diff, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      octa_diff_list_model_init))

static GType
octa_diff_get_item_type (GListModel *model)
{
  return OCTA_TYPE_DIFF_ITEM;
}

static guint
octa_diff_get_n_items (GListModel *model)
{
  return OCTA_DIFF (model)->items->len;
}

static gpointer
octa_diff_get_item (GListModel *model,
                    guint       position)
{
  OctaDiff *self = OCTA_DIFF (model);
  const Entry *e;
  OctaDiffItem *item;
  char path[160], old_buf[16], new_buf[16];
  const char *old_value, *new_value;

  if (position >= self->items->len)
    return NULL;
  if (self->objects->len < self->items->len)
    g_ptr_array_set_size (self->objects, self->items->len);
  if (self->objects->pdata[position] != NULL)
    return g_object_ref (self->objects->pdata[position]);

  e = &g_array_index (self->items, Entry, position);
  item = g_object_new (OCTA_TYPE_DIFF_ITEM, NULL);
  _octa_diff_entry_values (self, e, old_buf, new_buf, &old_value, &new_value);
  item->kind = g_strdup (e->kind);
  item->path = g_strdup (_octa_diff_entry_path (self, e, path));
  item->old_value = g_strdup (old_value);
  item->new_value = g_strdup (new_value);
  item->file = g_strdup (e->file);
  item->offset = e->offset;
  g_weak_ref_set (&item->diff, self);
  self->objects->pdata[position] = item;
  return g_object_ref (item);
}

static void
octa_diff_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = octa_diff_get_item_type;
  iface->get_n_items = octa_diff_get_n_items;
  iface->get_item = octa_diff_get_item;
}

static void
octa_diff_finalize (GObject *object)
{
  OctaDiff *self = OCTA_DIFF (object);

  g_array_unref (self->items);
  g_array_unref (self->texts);
  g_ptr_array_unref (self->objects);
  g_string_chunk_free (self->chunk);
  g_clear_object (&self->a);
  g_clear_object (&self->b);
  g_clear_object (&self->part);
  g_clear_pointer (&self->disk, octa_project_files_free);
  G_OBJECT_CLASS (octa_diff_parent_class)->finalize (object);
}

static void
unref_object (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static void
text_clear (gpointer data)
{
  Text *t = data;

  g_free (t->old_value);
  g_free (t->new_value);
}

static void
octa_diff_class_init (OctaDiffClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = octa_diff_finalize;
}

static void
octa_diff_init (OctaDiff *self)
{
  self->items = g_array_new (FALSE, TRUE, sizeof (Entry));
  self->texts = g_array_new (FALSE, TRUE, sizeof (Text));
  g_array_set_clear_func (self->texts, text_clear);
  self->objects = g_ptr_array_new_with_free_func (unref_object);
  self->chunk = g_string_chunk_new (4096);
}

/* The comparison itself. */

typedef struct
{
  GArray       *items;
  GArray       *texts;
  GStringChunk *chunk;
  const char   *prefix; /* "" or "strd." */
  const char *file;     /* the new side's file */
  const char *file_a;   /* the old side's file */
} Ctx;

static char *
append (char       *to,
        const char *end,
        const char *text)
{
  gsize len = MIN (strlen (text), (gsize) (end - to));

  memcpy (to, text, len);
  return to + len;
}

/* Takes a path on the stack or borrowed; it is copied, with the prefix. */
static Text *
add_entry_path (Ctx        *c,
                const char *kind,
                const char *path,
                gint64      offset)
{
  Entry *e;
  Text *t;

  g_array_set_size (c->items, c->items->len + 1);
  e = &g_array_index (c->items, Entry, c->items->len - 1);
  e->kind = kind;
  e->file = c->file;
  e->offset = offset;
  e->form = FORM_TEXT;
  e->u.text = c->texts->len;
  g_array_set_size (c->texts, c->texts->len + 1);
  t = &g_array_index (c->texts, Text, c->texts->len - 1);
  if (*c->prefix)
    {
      char full[256];
      char *p = append (full, full + sizeof full - 1, c->prefix);

      *append (p, full + sizeof full - 1, path) = '\0';
      t->path = g_string_chunk_insert (c->chunk, full);
    }
  else
    t->path = g_string_chunk_insert (c->chunk, path);
  return t;
}

static Text *
add_entry (Ctx        *c,
           const char *kind,
           char       *path,
           gint64      offset)
{
  Text *e = add_entry_path (c, kind, path, offset);

  g_free (path);
  return e;
}

static void
add (Ctx        *c,
     const char *kind,
     char       *path,
     char       *old_value,
     char       *new_value,
     gint64      offset)
{
  Text *e = add_entry (c, kind, path, offset);

  e->old_value = old_value;
  e->new_value = new_value;
}

/* How many bytes (or which timing bits) the last item covers, for takes. */
static void
set_last (Ctx   *c,
          guint8 len,
          guint8 sub)
{
  Entry *e = &g_array_index (c->items, Entry, c->items->len - 1);

  e->len = len;
  e->sub = sub;
}

/* Printing numbers is most of the work when everything differs. */
static void
format_num (char   buf[16],
            gint64 value)
{
  char tmp[24];
  char *p = tmp + sizeof tmp;
  guint64 v = value < 0 ? -(guint64) value : (guint64) value;

  *--p = '\0';
  do
    *--p = '0' + v % 10;
  while ((v /= 10) != 0);
  if (value < 0)
    *--p = '-';
  g_strlcpy (buf, p, 16);
}

/* "BASE.STEP.NAME" into @buf, without printf */
static const char *
step_path (char        buf[128],
           const char *base,
           guint       step,
           const char *name)
{
  char num_buf[16];
  char *p = buf;
  const char *end = buf + 127;

  format_num (num_buf, step);
  p = append (p, end, base);
  p = append (p, end, ".");
  p = append (p, end, num_buf);
  p = append (p, end, ".");
  p = append (p, end, name);
  *p = '\0';
  return buf;
}

static char *
num (gint64 value)
{
  char buf[16];

  format_num (buf, value);
  return g_strdup (buf);
}

static char *
hex (guint8 value)
{
  return g_strdup_printf ("0x%02x", value);
}

static void
add_num (Ctx        *c,
         const char *kind,
         char       *path,
         gint64      old_value,
         gint64      new_value,
         gint64      offset)
{
  Text *e = add_entry (c, kind, path, offset);

  format_num (e->old_buf, old_value);
  format_num (e->new_buf, new_value);
}

/* Each differing byte of [start, start + len) as "BASE.byte-N" (N relative). */
static void
add_bytes (Ctx          *c,
           const guint8 *a,
           const guint8 *b,
           gsize         start,
           gsize         len,
           const char   *base,
           gsize         first_index)
{
  for (gsize i = 0; i < len; i++)
    if (a[start + i] != b[start + i])
      add (c, "bytes", g_strdup_printf ("%s.byte-%" G_GSIZE_FORMAT, base, first_index + i),
           hex (a[start + i]), hex (b[start + i]), start + i);
}

static guint16
be16 (const guint8 *p)
{
  return (p[0] << 8) | p[1];
}

static guint64
be64 (const guint8 *p)
{
  guint64 v = 0;

  for (guint i = 0; i < 8; i++)
    v = (v << 8) | p[i];
  return v;
}

/* Banks */

static const char *const audio_lock_names[OCTA_N_PLOCK_PARAMS] = {
  "lock-src1", "lock-src2", "lock-src3", "lock-src4", "lock-src5", "lock-src6",
  "lock-lfo-spd1", "lock-lfo-spd2", "lock-lfo-spd3",
  "lock-lfo-dep1", "lock-lfo-dep2", "lock-lfo-dep3",
  "lock-amp-atk", "lock-amp-hold", "lock-amp-rel", "lock-amp-vol", "lock-amp-bal", "lock-amp-f",
  "lock-fx1-1", "lock-fx1-2", "lock-fx1-3", "lock-fx1-4", "lock-fx1-5", "lock-fx1-6",
  "lock-fx2-1", "lock-fx2-2", "lock-fx2-3", "lock-fx2-4", "lock-fx2-5", "lock-fx2-6",
  "lock-byte-30", "sample-lock",
};

static const char *const midi_lock_names[OCTA_N_PLOCK_PARAMS] = {
  "lock-note", "lock-vel", "lock-len", "lock-not2", "lock-not3", "lock-not4",
  "lock-lfo-spd1", "lock-lfo-spd2", "lock-lfo-spd3",
  "lock-lfo-dep1", "lock-lfo-dep2", "lock-lfo-dep3",
  "lock-arp-tran", "lock-arp-leg", "lock-arp-mode",
  "lock-arp-spd", "lock-arp-rnge", "lock-arp-nlen",
  "lock-pb", "lock-at", "lock-cc1", "lock-cc2", "lock-cc3", "lock-cc4",
  "lock-cc5", "lock-cc6", "lock-cc7", "lock-cc8", "lock-cc9", "lock-cc10",
  "lock-byte-30", "lock-byte-31",
};

/**
 * octa_diff_lock_param:
 * @midi: whether the path is a MIDI track's
 * @leaf: the last part of an item's path, such as "lock-amp-vol"
 *
 * Returns: the byte of the step's lock record that @leaf names (15 for
 *   "lock-amp-vol" on an audio track), or -1 when it names none
 */
gint
octa_diff_lock_param (gboolean    midi,
                      const char *leaf)
{
  const char *const *names = midi ? midi_lock_names : audio_lock_names;

  g_return_val_if_fail (leaf != NULL, -1);

  for (guint i = 0; i < OCTA_N_PLOCK_PARAMS; i++)
    if (g_str_equal (leaf, names[i]))
      return i;
  return -1;
}

static const char *const step_mask_names[OCTA_N_TRIG_KINDS] = {
  [OCTA_TRIG_TRIGGER] = "trig",
  [OCTA_TRIG_TRIGLESS] = "trigless",
  [OCTA_TRIG_LOCK] = "lock",
  [OCTA_TRIG_ONESHOT] = "oneshot",
  [OCTA_TRIG_RECORDER_1] = "recorder-1",
  [OCTA_TRIG_RECORDER_2] = "recorder-2",
  [OCTA_TRIG_RECORDER_3] = "recorder-3",
  [OCTA_TRIG_RECORDER_4] = "recorder-4",
  [OCTA_TRIG_SWING] = "swing",
  [OCTA_TRIG_SLIDE] = "slide",
  [OCTA_TRIG_MIDI_UNKNOWN] = "midi-unknown",
};

static const char *const track_setting_names[OCTA_N_TRACK_SETTINGS] = {
  "length", "scale", "swing-amount", "start-silent", "plays-free", "trig-mode",
  "trig-quantization", "oneshot", "unknown-2",
};

#define AUDIO_TRACK_SIZE 2338
#define MIDI_TRACK_SIZE  2233
#define PATTERN_SIZE     36588
#define TAIL_REL         36576
#define PART_SIZE        6331
#define TRAILER_START    636078
#define SCENES_REL       1643
#define XLV_REL          5739
#define LFO_DESIGN_REL   5899

static char *
condition_name (guint condition)
{
  static gsize once = 0;
  GEnumClass *klass;
  GEnumValue *value;

  if (g_once_init_enter (&once))
    g_once_init_leave (&once, (gsize) g_type_class_ref (OCTA_TYPE_TRIG_CONDITION));
  klass = (GEnumClass *) once;
  value = g_enum_get_value (klass, condition);
  return value != NULL ? g_strdup (value->value_nick) : num (condition);
}

static gint
plock_value (guint         param,
             OctaTrackType type,
             guint8        value)
{
  if (type == OCTA_TRACK_AUDIO && param == OCTA_AUDIO_PLOCK_SAMPLE_LOCK)
    return value == OCTA_PLOCK_NONE ? 0 : value + 1;
  return value == OCTA_PLOCK_NONE ? -1 : value;
}

/* A step bit or lock, as numbers only (FORM_MASK; the caller sets the rest). */
static Entry *
add_step (Ctx           *c,
          char           letter,
          guint          pattern,
          OctaTrackType  type,
          guint          track,
          guint          step,
          guint          what,
          gsize          offset)
{
  Entry *e;

  g_array_set_size (c->items, c->items->len + 1);
  e = &g_array_index (c->items, Entry, c->items->len - 1);
  e->kind = "step";
  e->file = c->file;
  e->offset = offset;
  e->form = FORM_MASK;
  e->strd = *c->prefix != '\0';
  e->letter = letter;
  e->pattern = pattern;
  e->u.s.midi = type == OCTA_TRACK_MIDI;
  e->u.s.track = track;
  e->u.s.step = step;
  e->u.s.what = what;
  return e;
}

const char *
_octa_diff_entry_path (OctaDiff    *self,
                       const Entry *e,
                       char         buf[160])
{
  const char *name;
  char base[32];

  if (e->form == FORM_TEXT)
    return ENTRY_TEXT (self, e)->path;
  if (e->form == FORM_MASK)
    name = step_mask_names[e->u.s.what];
  else
    name = (e->u.s.midi ? midi_lock_names : audio_lock_names)[e->u.s.what];
  g_snprintf (base, sizeof base, "%s%c%02u.%c%u", e->strd ? "strd." : "", e->letter,
              e->pattern + 1u, e->u.s.midi ? 'M' : 'T', e->u.s.track + 1u);
  return step_path (buf, base, e->u.s.step + 1, name);
}

void
_octa_diff_entry_values (OctaDiff    *self,
                         const Entry *e,
                         char         old_buf[16],
                         char         new_buf[16],
                         const char **old_value,
                         const char **new_value)
{
  OctaTrackType type;

  switch (e->form)
    {
    case FORM_TEXT:
      *old_value = TEXT_OLD (ENTRY_TEXT (self, e));
      *new_value = TEXT_NEW (ENTRY_TEXT (self, e));
      break;
    case FORM_MASK:
      *old_value = e->new_raw ? "false" : "true";
      *new_value = e->new_raw ? "true" : "false";
      break;
    default:
      type = e->u.s.midi ? OCTA_TRACK_MIDI : OCTA_TRACK_AUDIO;
      format_num (old_buf, plock_value (e->u.s.what, type, e->old_raw));
      format_num (new_buf, plock_value (e->u.s.what, type, e->new_raw));
      *old_value = old_buf;
      *new_value = new_buf;
      break;
    }
}

static void
diff_track (Ctx           *c,
            const guint8  *a,
            const guint8  *b,
            char           letter,
            guint          pattern,
            OctaTrackType  type,
            guint          track,
            const char    *base)
{
  gsize off = octa_bank_track_offset (pattern, type, track);
  gboolean audio = type == OCTA_TRACK_AUDIO;
  gsize settings_rel = audio ? 89 : 49;
  guint n_settings = audio ? OCTA_N_TRACK_SETTINGS : OCTA_N_TRACK_SETTINGS - 1;
  gsize plock_rel = audio ? 98 : 57;
  gsize timing_rel = audio ? 2210 : 2105;

  add_bytes (c, a, b, off, 9, base, 0);

  for (guint k = 0; k < OCTA_N_TRIG_KINDS; k++)
    {
      gsize m;
      guint64 x;

      if (!octa_trig_kind_valid_for (k, type))
        continue;
      m = octa_bank_trig_mask_offset (pattern, type, track, k);
      if (memcmp (a + m, b + m, 8) == 0)
        continue;
      x = be64 (a + m) ^ be64 (b + m);
      for (guint s = 0; s < OCTA_N_STEPS; s++)
        if (x & (G_GUINT64_CONSTANT (1) << s))
          {
            Entry *e = add_step (c, letter, pattern, type, track, s, k, m + 7 - s / 8);

            e->new_raw = (be64 (b + m) >> s) & 1;
          }
    }

  for (guint i = 0; i < n_settings; i++)
    {
      gsize o = off + settings_rel + i;

      if (a[o] != b[o])
        add_num (c, i == OCTA_TRACK_SETTING_UNKNOWN_2 ? "bytes" : "track",
                 g_strdup_printf ("%s.%s", base, track_setting_names[i]), a[o], b[o], o);
    }

  /* Most tracks of two related projects match: one compare per region
   * spares the per-step loops. */
  for (guint s = 0; s < OCTA_N_STEPS; s++)
    {
      gsize o = off + plock_rel + 32 * s;

      if (s == 0 && memcmp (a + o, b + o, 32 * OCTA_N_STEPS) == 0)
        break;
      if (memcmp (a + o, b + o, 32) == 0)
        continue;
      for (guint p = 0; p < OCTA_N_PLOCK_PARAMS; p++)
        if (a[o + p] != b[o + p])
          {
            Entry *e = add_step (c, letter, pattern, type, track, s, p, o + p);

            e->form = FORM_LOCK;
            e->old_raw = a[o + p];
            e->new_raw = b[o + p];
          }
    }

  if (audio && memcmp (a + off + 2146, b + off + 2146, OCTA_N_STEPS) != 0)
    for (guint s = 0; s < OCTA_N_STEPS; s++)
      {
        gsize o = off + 2146 + s;

        if (a[o] != b[o])
          add (c, "bytes", g_strdup_printf ("%s.%u.unknown-3", base, s + 1),
               hex (a[o]), hex (b[o]), o);
      }

  for (guint s = 0; s < OCTA_N_STEPS; s++)
    {
      gsize o = off + timing_rel + 2 * s;
      guint ra, rb, ca, cb;
      gint ma, mb;
      gboolean named = FALSE;

      if (s == 0 && memcmp (a + o, b + o, 2 * OCTA_N_STEPS) == 0)
        break;
      if (a[o] == b[o] && a[o + 1] == b[o + 1])
        continue;
      octa_step_timing_decode (a + o, &ra, &ma, &ca);
      octa_step_timing_decode (b + o, &rb, &mb, &cb);
      if (ra != rb)
        {
          add_num (c, "step", g_strdup_printf ("%s.%u.repeats", base, s + 1), ra + 1, rb + 1, o);
          set_last (c, 2, SUB_REPEATS);
        }
      if (ma != mb)
        {
          add_num (c, "step", g_strdup_printf ("%s.%u.micro-timing", base, s + 1), ma, mb, o);
          set_last (c, 2, SUB_MICRO);
        }
      if (ca != cb)
        {
          add (c, "step", g_strdup_printf ("%s.%u.condition", base, s + 1),
               condition_name (ca), condition_name (cb), o);
          set_last (c, 2, SUB_CONDITION);
        }
      named = ra != rb || ma != mb || ca != cb;
      /* Bits the decoding does not use still count. */
      if (!named)
        {
          g_autofree char *timing = g_strdup_printf ("%s.%u.timing", base, s + 1);

          add_bytes (c, a, b, o, 2, timing, 0);
        }
    }
}

static void
diff_pattern (Ctx          *c,
              const guint8 *a,
              const guint8 *b,
              char          letter,
              guint         pattern)
{
  gsize off = octa_bank_pattern_offset (pattern);
  gsize t = off + TAIL_REL;
  char base[8];

  g_snprintf (base, sizeof base, "%c%02u", letter, pattern + 1);
  add_bytes (c, a, b, off, 8, base, 0);

  for (guint k = 0; k < OCTA_N_TRACKS; k++)
    {
      gsize o = octa_bank_track_offset (pattern, OCTA_TRACK_AUDIO, k);
      char tb[16];

      if (memcmp (a + o, b + o, AUDIO_TRACK_SIZE) == 0)
        continue;
      g_snprintf (tb, sizeof tb, "%s.T%u", base, k + 1);
      diff_track (c, a, b, letter, pattern, OCTA_TRACK_AUDIO, k, tb);
    }
  for (guint k = 0; k < OCTA_N_TRACKS; k++)
    {
      gsize o = octa_bank_track_offset (pattern, OCTA_TRACK_MIDI, k);
      char tb[16];

      if (memcmp (a + o, b + o, MIDI_TRACK_SIZE) == 0)
        continue;
      g_snprintf (tb, sizeof tb, "%s.M%u", base, k + 1);
      diff_track (c, a, b, letter, pattern, OCTA_TRACK_MIDI, k, tb);
    }

  if (memcmp (a + t, b + t, 12) == 0)
    return;
  if (be16 (a + t) != be16 (b + t))
    {
      add_num (c, "pattern", g_strdup_printf ("%s.per-track-master-length", base),
               be16 (a + t), be16 (b + t), t);
      set_last (c, 2, SUB_NONE);
    }
  if (a[t + 2] != b[t + 2])
    add_num (c, "pattern", g_strdup_printf ("%s.per-track-master-scale", base),
             a[t + 2], b[t + 2], t + 2);
  if (a[t + 3] != b[t + 3])
    add_num (c, "pattern", g_strdup_printf ("%s.length", base), a[t + 3], b[t + 3], t + 3);
  if (a[t + 4] != b[t + 4])
    add_num (c, "pattern", g_strdup_printf ("%s.scale", base), a[t + 4], b[t + 4], t + 4);
  if (a[t + 5] != b[t + 5])
    add_num (c, "pattern", g_strdup_printf ("%s.scale-mode", base), a[t + 5], b[t + 5], t + 5);
  if (a[t + 6] != b[t + 6])
    add_num (c, "pattern", g_strdup_printf ("%s.chain-setting", base), a[t + 6], b[t + 6], t + 6);
  if (a[t + 7] != b[t + 7])
    add_num (c, "pattern", g_strdup_printf ("%s.part", base), a[t + 7] + 1, b[t + 7] + 1, t + 7);
  {
    g_autofree char *tail = g_strdup_printf ("%s.tail", base);

    add_bytes (c, a, b, t + 8, 2, tail, 8);
  }
  if (be16 (a + t + 10) != be16 (b + t + 10))
    {
      add_num (c, "pattern", g_strdup_printf ("%s.tempo-x24", base),
               be16 (a + t + 10), be16 (b + t + 10), t + 10);
      set_last (c, 2, SUB_NONE);
    }
}

/* What each byte of a part block is, built once. */
enum
{
  PART_BYTE_HEADER,
  PART_BYTE_AREA,
  PART_BYTE_SCENE,
  PART_BYTE_XLV,
};

typedef struct
{
  guint8 what;
  guint8 area;
  guint8 track;
  guint8 index;
} PartByte;

static PartByte part_map[PART_SIZE];

static gpointer
build_part_map (gpointer data)
{
  for (guint r = 0; r < PART_SIZE; r++)
    part_map[r].what = PART_BYTE_HEADER;
  for (guint a = 0; a < OCTA_N_PART_AREAS; a++)
    for (guint t = 0; t < octa_part_area_n_tracks (a); t++)
      for (guint i = 0; i < octa_part_area_width (a); i++)
        {
          gsize r = octa_part_area_offset (a, t, i);

          part_map[r] = (PartByte) { PART_BYTE_AREA, a, t, i };
        }
  for (guint r = SCENES_REL; r < XLV_REL; r++)
    part_map[r] = (PartByte) { PART_BYTE_SCENE, (r - SCENES_REL) / 256,
                               ((r - SCENES_REL) % 256) / 32, (r - SCENES_REL) % 32 };
  for (guint r = XLV_REL; r < LFO_DESIGN_REL; r++)
    part_map[r] = (PartByte) { PART_BYTE_XLV, (r - XLV_REL) / 10, 0, (r - XLV_REL) % 10 };
  return NULL;
}

static const char *const machine_names[5] = { "static", "flex", "thru", "neighbor", "pickup" };

static const char *const value_names[24] = {
  "lfo-spd1", "lfo-spd2", "lfo-spd3", "lfo-dep1", "lfo-dep2", "lfo-dep3",
  "amp-atk", "amp-hold", "amp-rel", "amp-vol", "amp-bal", "amp-f",
  "fx1-param1", "fx1-param2", "fx1-param3", "fx1-param4", "fx1-param5", "fx1-param6",
  "fx2-param1", "fx2-param2", "fx2-param3", "fx2-param4", "fx2-param5", "fx2-param6",
};

static const char *const slot_names[5] = {
  "static-slot", "flex-slot", "slot-3", "slot-4", "recorder-slot",
};

static const char *const setup_pages[5] = { "lfo-setup1", "amp-setup", "fx1-setup", "fx2-setup",
                                            "lfo-setup2" };

static gboolean
area_is_midi (guint area)
{
  switch (area)
    {
    case OCTA_PART_AREA_MIDI_VALUES:
    case OCTA_PART_AREA_MIDI_SETUP:
    case OCTA_PART_AREA_MIDI_LFO_DESIGN:
    case OCTA_PART_AREA_MIDI_LFO_INTERP:
    case OCTA_PART_AREA_ARP_MUTES:
    case OCTA_PART_AREA_ARP_SEQUENCE:
      return TRUE;
    default:
      return FALSE;
    }
}

/* The name of one part byte after "A.part1." and its value shift. */
static char *
part_area_name (const PartByte *pb,
                gint           *shift)
{
  char *leaf, *full;
  guint i = pb->index;

  *shift = 0;
  switch (pb->area)
    {
    case OCTA_PART_AREA_ACTIVE_SCENES:
      *shift = 1;
      return g_strdup (i == 0 ? "active-scene-a" : "active-scene-b");
    case OCTA_PART_AREA_UNKNOWN_4:
      return g_strdup_printf ("unknown-4.byte-%u", i);
    case OCTA_PART_AREA_FX1_TYPE:
      leaf = g_strdup ("fx1-type");
      break;
    case OCTA_PART_AREA_FX2_TYPE:
      leaf = g_strdup ("fx2-type");
      break;
    case OCTA_PART_AREA_LEVELS:
      leaf = g_strdup (i == 0 ? "main-level" : "cue-level");
      break;
    case OCTA_PART_AREA_MACHINE:
      leaf = g_strdup ("machine");
      break;
    case OCTA_PART_AREA_SRC:
      leaf = g_strdup_printf ("%s-src%u", machine_names[i / 6], i % 6 + 1);
      break;
    case OCTA_PART_AREA_SRC_SETUP:
      leaf = g_strdup_printf ("%s-setup%u", machine_names[i / 6], i % 6 + 1);
      break;
    case OCTA_PART_AREA_VALUES:
      leaf = g_strdup (value_names[i]);
      break;
    case OCTA_PART_AREA_SLOTS:
      if (i == 0 || i == 1 || i == 4)
        *shift = 1;
      leaf = g_strdup (slot_names[i]);
      break;
    case OCTA_PART_AREA_SETUP:
      leaf = g_strdup_printf ("%s-%u", setup_pages[i / 6], i % 6 + 1);
      break;
    case OCTA_PART_AREA_MIDI_VALUES:
      leaf = g_strdup (midi_lock_names[i] + strlen ("lock-"));
      break;
    case OCTA_PART_AREA_RECORDER:
      leaf = g_strdup_printf ("rec-%u", i + 1);
      break;
    default:
      leaf = g_strdup_printf ("%s%u", octa_part_area_to_string (pb->area), i + 1);
      break;
    }
  full = g_strdup_printf ("%c%u.%s", area_is_midi (pb->area) ? 'M' : 'T', pb->track + 1, leaf);
  g_free (leaf);
  return full;
}

/* Compare part block @a_off of @a with block @b_off of @b; @base is "A.part1". */
static void
diff_part_block (Ctx          *c,
                 const guint8 *a,
                 gsize         a_off,
                 const guint8 *b,
                 gsize         b_off,
                 const char   *base)
{
  static GOnce once = G_ONCE_INIT;

  if (memcmp (a + a_off, b + b_off, PART_SIZE) == 0)
    return;
  g_once (&once, build_part_map, NULL);

  for (guint r = 0; r < PART_SIZE; r++)
    {
      const PartByte *pb = &part_map[r];
      guint8 x = a[a_off + r], y = b[b_off + r];

      if (x == y)
        continue;
      switch (pb->what)
        {
        case PART_BYTE_HEADER:
          add (c, "bytes", g_strdup_printf ("%s.byte-%u", base, r), hex (x), hex (y), b_off + r);
          break;
        case PART_BYTE_AREA:
          {
            gint shift;
            g_autofree char *name = part_area_name (pb, &shift);

            add_num (c, "part", g_strdup_printf ("%s.%s", base, name), x + shift, y + shift,
                     b_off + r);
          }
          break;
        case PART_BYTE_SCENE:
          add (c, "scene",
               g_strdup_printf ("%s.scene%u.T%u.%s", base, pb->area + 1, pb->track + 1,
                                audio_lock_names[pb->index]),
               num (x == 0xFF ? -1 : x), num (y == 0xFF ? -1 : y), b_off + r);
          break;
        case PART_BYTE_XLV:
          if (pb->index < 8)
            add (c, "scene",
                 g_strdup_printf ("%s.scene%u.xlv-T%u", base, pb->area + 1, pb->index + 1),
                 num (x == 0xFF ? -1 : x), num (y == 0xFF ? -1 : y), b_off + r);
          else
            add (c, "bytes",
                 g_strdup_printf ("%s.scene%u.xlv.byte-%u", base, pb->area + 1, pb->index),
                 hex (x), hex (y), b_off + r);
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

static char *
part_name (const guint8 *raw)
{
  return g_strndup ((const char *) raw, strnlen ((const char *) raw, 7));
}

static void
diff_bank (Ctx          *c,
           const guint8 *a,
           const guint8 *b,
           guint         bank)
{
  char letter = 'A' + bank;
  guint before = c->items->len;
  char header[16], checksum[16];

  g_snprintf (header, sizeof header, "%c.header", letter);
  g_snprintf (checksum, sizeof checksum, "%c.checksum", letter);
  add_bytes (c, a, b, 0, OCTA_HEADER_SIZE, header, 0);
  for (guint p = 0; p < OCTA_N_PATTERNS; p++)
    {
      gsize o = octa_bank_pattern_offset (p);

      if (memcmp (a + o, b + o, PATTERN_SIZE) != 0)
        diff_pattern (c, a, b, letter, p);
    }
  for (guint copy = 0; copy < 2; copy++)
    for (guint k = 0; k < OCTA_N_PARTS; k++)
      {
        gsize o = octa_bank_part_offset (k, copy);
        char base[24];

        g_snprintf (base, sizeof base, "%c.part%u%s", letter, k + 1, copy ? ".saved" : "");
        diff_part_block (c, a, o, b, o, base);
      }

  for (guint k = 0; k < OCTA_N_PARTS; k++)
    if (a[TRAILER_START + k] != b[TRAILER_START + k])
      add_num (c, "part", g_strdup_printf ("%c.part%u.saved-state", letter, k + 1),
               a[TRAILER_START + k], b[TRAILER_START + k], TRAILER_START + k);
  if (a[TRAILER_START + 4] != b[TRAILER_START + 4])
    add (c, "part", g_strdup_printf ("%c.parts-edited", letter),
         hex (a[TRAILER_START + 4]), hex (b[TRAILER_START + 4]), TRAILER_START + 4);
  for (guint k = 0; k < OCTA_N_PARTS; k++)
    {
      gsize o = TRAILER_START + 5 + 7 * k;
      g_autofree char *na = NULL, *nb = NULL;

      if (memcmp (a + o, b + o, 7) == 0)
        continue;
      na = part_name (a + o);
      nb = part_name (b + o);
      if (!g_str_equal (na, nb))
        {
          add (c, "part", g_strdup_printf ("%c.part%u.name", letter, k + 1),
               g_steal_pointer (&na), g_steal_pointer (&nb), o);
          set_last (c, 7, SUB_NONE);
        }
      else
        {
          g_autofree char *base = g_strdup_printf ("%c.part%u.name", letter, k + 1);

          /* The device leaves stale bytes after the terminator. */
          add_bytes (c, a, b, o, 7, base, 0);
        }
    }

  /* A checksum follows from the other bytes; alone it is worth a line. */
  if (c->items->len == before)
    add_bytes (c, a, b, OCTA_BANK_SIZE - 2, 2, checksum, 0);
}

/* Markers */

static char *
slot_base (OctaSlotType type,
           guint        slot)
{
  if (type == OCTA_SLOT_FLEX && slot >= OCTA_N_SAMPLE_SLOTS)
    return g_strdup_printf ("recorder.%u", slot - OCTA_N_SAMPLE_SLOTS + 1);
  return g_strdup_printf ("%s.%u", type == OCTA_SLOT_FLEX ? "flex" : "static", slot + 1);
}

static guint32
be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static void
diff_markers (Ctx          *c,
              const guint8 *a,
              const guint8 *b)
{
  static const char *const slice_fields[3] = { "start", "end", "loop" };
  guint before = c->items->len;

  add_bytes (c, a, b, 0, OCTA_HEADER_SIZE, "markers.header", 0);
  for (guint type = 0; type < 2; type++)
    for (guint slot = 0; slot < octa_slot_type_n_slots (type); slot++)
      {
        gsize o = octa_markers_slot_offset (type, slot);
        g_autofree char *base = NULL;

        if (memcmp (a + o, b + o, 784) == 0)
          continue;
        base = slot_base (type, slot);
        for (guint f = 0; f < 196; f++)
          {
            gsize fo = o + 4 * f;
            guint32 x = be32 (a + fo), y = be32 (b + fo);
            char *path;

            if (x == y)
              continue;
            if (f == 0)
              path = g_strdup_printf ("%s.markers.trim-start", base);
            else if (f == 1)
              path = g_strdup_printf ("%s.markers.trim-end", base);
            else if (f == 2)
              path = g_strdup_printf ("%s.markers.loop-point", base);
            else if (f == 195)
              path = g_strdup_printf ("%s.markers.slice-count", base);
            else
              path = g_strdup_printf ("%s.markers.slice%u.%s", base, (f - 3) / 3 + 1,
                                      slice_fields[(f - 3) % 3]);
            add_num (c, "slot", path, x, y, fo);
            set_last (c, 4, SUB_NONE);
          }
      }
  if (c->items->len == before)
    add_bytes (c, a, b, OCTA_MARKERS_SIZE - 2, 2, "markers.checksum", 0);
}

/* Arrangements */

static void
diff_row (Ctx          *c,
          const guint8 *a,
          const guint8 *b,
          gsize         o,
          const char   *base)
{
  static const char *const pattern_bytes[14] = {
    "row-type", "pattern", "repeats", NULL, "audio-mutes", "midi-mutes", "tempo", NULL,
    "scene-a", "scene-b", "offset", NULL, "length", NULL,
  };
  guint8 type = b[o];

  if (a[o] != b[o])
    add_num (c, "arrangement", g_strdup_printf ("%s.row-type", base), a[o], b[o], o);

  if (type == OCTA_ROW_REMINDER)
    {
      g_autofree char *ra = g_strndup ((const char *) a + o + 1, 15);
      g_autofree char *rb = g_strndup ((const char *) b + o + 1, 15);

      if (!g_str_equal (ra, rb))
        {
          add (c, "arrangement", g_strdup_printf ("%s.reminder", base),
               g_steal_pointer (&ra), g_steal_pointer (&rb), o + 1);
          set_last (c, 15, SUB_NONE);
        }
      else
        add_bytes (c, a, b, o + 1, 15, base, 1);
      add_bytes (c, a, b, o + 16, 6, base, 16);
      return;
    }
  if (type != OCTA_ROW_PATTERN)
    {
      add_bytes (c, a, b, o + 1, 21, base, 1);
      return;
    }
  for (guint i = 1; i < 14; i++)
    {
      gboolean wide = i == 6 || i == 10 || i == 12;

      if (i == 3)
        {
          add_bytes (c, a, b, o + 3, 1, base, 3);
          continue;
        }
      if (pattern_bytes[i] == NULL)
        continue;
      if (wide ? be16 (a + o + i) != be16 (b + o + i) : a[o + i] != b[o + i])
        {
          add_num (c, "arrangement", g_strdup_printf ("%s.%s", base, pattern_bytes[i]),
                   wide ? be16 (a + o + i) : a[o + i], wide ? be16 (b + o + i) : b[o + i], o + i);
          set_last (c, wide ? 2 : 1, SUB_NONE);
        }
    }
  for (guint m = 0; m < 8; m++)
    if (a[o + 14 + m] != b[o + 14 + m])
      add_num (c, "arrangement", g_strdup_printf ("%s.transpose-M%u", base, m + 1),
               (gint8) a[o + 14 + m], (gint8) b[o + 14 + m], o + 14 + m);
}

static void
diff_arrangement (Ctx          *c,
                  const guint8 *a,
                  const guint8 *b,
                  guint         index)
{
  guint before = c->items->len;
  char base[16];

  g_snprintf (base, sizeof base, "arr%u", index + 1);
  {
    g_autofree char *h = g_strdup_printf ("%s.header", base);

    add_bytes (c, a, b, 0, OCTA_HEADER_SIZE, h, 0);
    add_bytes (c, a, b, 22, 2, base, 22);
  }
  for (guint copy = 0; copy < 2; copy++)
    {
      gsize o = octa_arrangement_block_offset (copy);
      g_autofree char *bb = g_strdup_printf ("%s%s", base, copy ? ".saved" : "");
      g_autofree char *na = NULL, *nb = NULL;
      guint rows = MAX (be16 (a + o + 16), be16 (b + o + 16));

      if (memcmp (a + o, b + o, 18 + 22 * OCTA_N_ARRANGEMENT_ROWS) == 0)
        continue;
      na = g_strndup ((const char *) a + o, 15);
      nb = g_strndup ((const char *) b + o, 15);
      if (!g_str_equal (na, nb))
        {
          add (c, "arrangement", g_strdup_printf ("%s.name", bb),
               g_steal_pointer (&na), g_steal_pointer (&nb), o);
          set_last (c, 15, SUB_NONE);
        }
      else
        {
          g_autofree char *nbase = g_strdup_printf ("%s.name", bb);

          add_bytes (c, a, b, o, 15, nbase, 0);
        }
      add_bytes (c, a, b, o + 15, 1, bb, 15);
      if (be16 (a + o + 16) != be16 (b + o + 16))
        {
          add_num (c, "arrangement", g_strdup_printf ("%s.row-count", bb),
                   be16 (a + o + 16), be16 (b + o + 16), o + 16);
          set_last (c, 2, SUB_NONE);
        }
      for (guint r = 0; r < OCTA_N_ARRANGEMENT_ROWS; r++)
        {
          gsize ro = octa_arrangement_row_offset (copy, r);
          g_autofree char *rb = NULL;

          if (memcmp (a + ro, b + ro, OCTA_ARRANGEMENT_ROW_SIZE) == 0)
            continue;
          /* Rows past the count are stale but still bytes of the file. */
          rb = g_strdup_printf ("%s.%u%s", bb, r + 1, r < rows ? "" : ".unused");
          diff_row (c, a, b, ro, rb);
        }
    }
  if (a[5674] != b[5674])
    add_bytes (c, a, b, 5674, 1, base, 5674);
  if (a[5675] != b[5675])
    add_num (c, "arrangement", g_strdup_printf ("%s.saved-flag", base), a[5675], b[5675], 5675);
  for (guint i = 0; i < OCTA_N_ARRANGEMENTS; i++)
    if (a[11326 + i] != b[11326 + i])
      add_num (c, "arrangement", g_strdup_printf ("%s.saved-state%u", base, i + 1),
               a[11326 + i], b[11326 + i], 11326 + i);
  if (c->items->len == before)
    {
      g_autofree char *cs = g_strdup_printf ("%s.checksum", base);

      add_bytes (c, a, b, OCTA_ARRANGEMENT_SIZE - 2, 2, cs, 0);
    }
}

/* project.work */

char *
_octa_diff_setting_name (const char *key)
{
  GString *s = g_string_new (NULL);
  gsize len = strlen (key);

  for (gsize i = 0; i < len; i++)
    {
      char ch = key[i];

      /* TEMPOx24 → tempo-x24, TRIM_BARSx100 → trim-bars-x100 */
      if (ch == 'x' && i > 0 && key[i - 1] != '_' && g_ascii_isdigit (key[i + 1])
          && strspn (key + i + 1, "0123456789") == strlen (key + i + 1))
        g_string_append_c (s, '-');
      g_string_append_c (s, ch == '_' ? '-' : g_ascii_tolower (ch));
    }
  return g_string_free (s, FALSE);
}

static gboolean
known_key_line (const char         *line,
                const char *const  *keys)
{
  const char *eq = strchr (line, '=');

  if (eq == NULL || keys == NULL)
    return FALSE;
  for (guint i = 0; keys[i] != NULL; i++)
    if (strlen (keys[i]) == (gsize) (eq - line) && strncmp (line, keys[i], eq - line) == 0)
      return TRUE;
  return FALSE;
}

/* Lines the key and slot comparison does not cover, with their numbers. */
static GPtrArray *
leftover_lines (const OctaProjectFile *p,
                GArray                *numbers)
{
  static const char *const sample_keys[] = {
    "TYPE", "SLOT", "PATH", "TRIM_BARSx100", "BPMx24", "TSMODE", "LOOPMODE", "GAIN",
    "TRIGQUANTIZATION", NULL,
  };
  GPtrArray *out = g_ptr_array_new ();
  const char *const *keys = NULL;
  gboolean in_sample = FALSE;

  for (guint i = 0; i < octa_project_file_get_n_lines (p); i++)
    {
      const char *line = octa_project_file_get_line (p, i);
      gboolean covered = FALSE;

      if (g_str_equal (line, "[META]") || g_str_equal (line, "[SETTINGS]")
          || g_str_equal (line, "[STATES]"))
        {
          char section[16];

          g_strlcpy (section, line + 1, sizeof section);
          section[strlen (section) - 1] = '\0';
          keys = octa_project_file_known_keys (section);
        }
      else if (g_str_equal (line, "[SAMPLE]") || g_str_equal (line, "[/SAMPLE]"))
        {
          in_sample = line[1] == 'S';
          covered = TRUE;
        }
      else if (line[0] == '[' && line[1] == '/')
        keys = NULL;
      else if (in_sample)
        covered = known_key_line (line, sample_keys);
      else
        covered = known_key_line (line, keys);
      /*
       * Blank and '#' lines are layout: a slot added or removed brings its
       * own. A difference in them alone still shows (see diff_project_text).
       */
      if (line[0] == '\0' || line[0] == '#')
        covered = TRUE;
      if (!covered)
        {
          guint n = i + 1;

          g_ptr_array_add (out, (gpointer) line);
          g_array_append_val (numbers, n);
        }
    }
  return out;
}

static char *
dup_key (const OctaProjectFile *p,
         const char            *section,
         const char            *key,
         guint                  nth)
{
  gint v;

  if (!octa_project_file_has_key (p, section, key, nth))
    return g_strdup ("");
  if (octa_project_file_count_key (p, section, key) == 1)
    return octa_project_file_dup_string (p, section, key);
  if (octa_project_file_lookup_int (p, section, key, nth, &v))
    return num (v);
  return g_strdup ("?");
}

static gboolean
slot_less (const OctaSlotRef *x,
           const OctaSlotRef *y)
{
  return x->type != y->type ? x->type < y->type : x->slot < y->slot;
}

static void
diff_slot (Ctx                   *c,
           const OctaProjectFile *a,
           const OctaProjectFile *b,
           OctaSlotType           type,
           guint                  slot)
{
  g_autofree char *base = slot_base (type, slot);
  gboolean ha = octa_project_file_has_sample (a, type, slot);
  gboolean hb = octa_project_file_has_sample (b, type, slot);
  g_autofree char *pa = ha ? octa_project_file_dup_sample_path (a, type, slot) : NULL;
  g_autofree char *pb = hb ? octa_project_file_dup_sample_path (b, type, slot) : NULL;

  if (g_strcmp0 (pa, pb) != 0)
    add (c, "slot", g_strdup_printf ("%s.path", base),
         g_strdup (pa ? pa : ""), g_strdup (pb ? pb : ""), -1);
  /* An added or removed slot is its path; its attributes come with it. */
  if (!ha || !hb)
    return;
  for (guint i = 0; i < OCTA_N_SAMPLE_ATTRS; i++)
    {
      gint va = 0, vb = 0;
      gboolean ga = ha && octa_project_file_get_sample_attr (a, type, slot, i, &va);
      gboolean gb = hb && octa_project_file_get_sample_attr (b, type, slot, i, &vb);
      g_autofree char *name = NULL;

      if (ga == gb && va == vb)
        continue;
      name = _octa_diff_setting_name (octa_project_file_sample_attr_key (i));
      add (c, "slot", g_strdup_printf ("%s.%s", base, name),
           ga ? num (va) : g_strdup (""), gb ? num (vb) : g_strdup (""), -1);
    }
}

static void
add_line (Ctx        *c,
          const char *x,
          const char *y,
          guint       line)
{
  add (c, "setting", g_strdup_printf ("project.line-%u", line),
       g_strdup (x ? x : ""), g_strdup (y ? y : ""), line);
}

/*
 * Leftover lines, aligned by their longest common subsequence so that one
 * inserted line is one item. A removed line is numbered as in the old text,
 * any other as in the new one; a removal next to an insertion is a change.
 */
static void
diff_lines (Ctx       *c,
            GPtrArray *la,
            GArray    *na,
            GPtrArray *lb,
            GArray    *nb)
{
  guint n = la->len, m = lb->len, i = 0, j = 0;
  g_autofree guint *len = NULL;

  /* Guard against huge inputs: the table is (n + 1) × (m + 1). */
  if ((guint64) (n + 1) * (m + 1) > 4 * 1024 * 1024)
    {
      for (; i < n || j < m; i++, j++)
        if (g_strcmp0 (i < n ? la->pdata[i] : NULL, j < m ? lb->pdata[j] : NULL) != 0)
          add_line (c, i < n ? la->pdata[i] : NULL, j < m ? lb->pdata[j] : NULL,
                    j < m ? g_array_index (nb, guint, j) : g_array_index (na, guint, i));
      return;
    }

  len = g_new0 (guint, (gsize) (n + 1) * (m + 1));
#define LCS(x, y) len[(gsize) (x) * (m + 1) + (y)]
  for (guint x = n; x-- > 0;)
    for (guint y = m; y-- > 0;)
      LCS (x, y) = g_str_equal (la->pdata[x], lb->pdata[y])
                   ? LCS (x + 1, y + 1) + 1
                   : MAX (LCS (x + 1, y), LCS (x, y + 1));
  while (i < n || j < m)
    {
      if (i < n && j < m && g_str_equal (la->pdata[i], lb->pdata[j]))
        {
          i++;
          j++;
        }
      else if (i < n && j < m && LCS (i + 1, j) == LCS (i, j) && LCS (i, j + 1) == LCS (i, j))
        {
          add_line (c, la->pdata[i], lb->pdata[j], g_array_index (nb, guint, j));
          i++;
          j++;
        }
      else if (j < m && (i == n || LCS (i, j + 1) >= LCS (i + 1, j)))
        {
          add_line (c, NULL, lb->pdata[j], g_array_index (nb, guint, j));
          j++;
        }
      else
        {
          add_line (c, la->pdata[i], NULL, g_array_index (na, guint, i));
          i++;
        }
    }
#undef LCS
}

static void
diff_project_text (Ctx                   *c,
                   const OctaProjectFile *a,
                   const OctaProjectFile *b)
{
  static const char *const sections[] = { OCTA_SECTION_META, OCTA_SECTION_SETTINGS,
                                          OCTA_SECTION_STATES };
  guint before = c->items->len;
  g_autoptr(GArray) sa = NULL, sb = NULL, na = NULL, nb = NULL;
  g_autoptr(GPtrArray) la = NULL, lb = NULL;

  if (octa_project_file_equal (a, b))
    return;

  for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
    {
      const char *const *keys = octa_project_file_known_keys (sections[s]);

      for (guint k = 0; keys != NULL && keys[k] != NULL; k++)
        {
          guint n = MAX (octa_project_file_count_key (a, sections[s], keys[k]),
                         octa_project_file_count_key (b, sections[s], keys[k]));

          for (guint nth = 0; nth < n; nth++)
            {
              g_autofree char *va = dup_key (a, sections[s], keys[k], nth);
              g_autofree char *vb = dup_key (b, sections[s], keys[k], nth);
              g_autofree char *name = NULL;
              char *path;

              if (g_str_equal (va, vb))
                continue;
              name = _octa_diff_setting_name (keys[k]);
              path = n > 1 ? g_strdup_printf ("settings.%s.%u", name, nth + 1)
                           : g_strdup_printf ("settings.%s", name);
              add (c, "setting", path, g_steal_pointer (&va), g_steal_pointer (&vb), -1);
            }
        }
    }

  /* Slots, merged in (type, slot) order. */
  sa = octa_project_file_list_samples (a);
  sb = octa_project_file_list_samples (b);
  {
    GArray *all = g_array_new (FALSE, FALSE, sizeof (OctaSlotRef));

    g_array_append_vals (all, sa->data, sa->len);
    g_array_append_vals (all, sb->data, sb->len);
    for (guint x = 1; x < all->len; x++)
      for (guint y = x; y > 0 && slot_less (&g_array_index (all, OctaSlotRef, y),
                                            &g_array_index (all, OctaSlotRef, y - 1)); y--)
        {
          OctaSlotRef t = g_array_index (all, OctaSlotRef, y);

          g_array_index (all, OctaSlotRef, y) = g_array_index (all, OctaSlotRef, y - 1);
          g_array_index (all, OctaSlotRef, y - 1) = t;
        }
    for (guint x = 0; x < all->len; x++)
      {
        OctaSlotRef *r = &g_array_index (all, OctaSlotRef, x);

        if (x > 0 && !slot_less (&g_array_index (all, OctaSlotRef, x - 1), r))
          continue;
        diff_slot (c, a, b, r->type, r->slot);
      }
    g_array_unref (all);
  }

  na = g_array_new (FALSE, FALSE, sizeof (guint));
  nb = g_array_new (FALSE, FALSE, sizeof (guint));
  la = leftover_lines (a, na);
  lb = leftover_lines (b, nb);
  diff_lines (c, la, na, lb, nb);

  /* Line endings or a repeated block: the text differs but nothing above saw it. */
  if (c->items->len == before)
    {
      g_autoptr(GBytes) ea = octa_project_file_encode (a);
      g_autoptr(GBytes) eb = octa_project_file_encode (b);
      gsize la_len, lb_len, k = 0;
      const guint8 *da = g_bytes_get_data (ea, &la_len);
      const guint8 *db = g_bytes_get_data (eb, &lb_len);

      while (k < la_len && k < lb_len && da[k] == db[k])
        k++;
      add (c, "bytes", g_strdup_printf ("project.byte-%" G_GSIZE_FORMAT, k),
           k < la_len ? hex (da[k]) : g_strdup (""), k < lb_len ? hex (db[k]) : g_strdup (""), -1);
    }
}

/* Whole projects */

typedef struct
{
  OctaProjectFiles *files;
  OctaFileState     state;
} Side;

static void
file_presence (Ctx        *c,
               gboolean    in_a,
               gboolean    in_b)
{
  const char *prefix = c->prefix;

  /* The file name says which state it is. */
  c->prefix = "";
  add (c, "file", g_strdup (in_a ? c->file : c->file_a), g_strdup (in_a ? "present" : "absent"),
       g_strdup (in_b ? "present" : "absent"), -1);
  c->prefix = prefix;
}

typedef void (*ImageDiffFunc) (Ctx          *c,
                               const guint8 *a,
                               const guint8 *b,
                               guint         index);

static void
diff_bank_func (Ctx          *c,
                const guint8 *a,
                const guint8 *b,
                guint         index)
{
  diff_bank (c, a, b, index);
}

static void
diff_markers_func (Ctx          *c,
                   const guint8 *a,
                   const guint8 *b,
                   guint         index)
{
  diff_markers (c, a, b);
}

/*
 * A file missing on one side is compared with a blank one: the model stands
 * in a blank for a missing working file, so only a missing file that is not
 * blank on the other side is a difference (one "file" item, then its bytes).
 */
static void
diff_images (Ctx           *c,
             OctaImage     *x,
             OctaImage     *y,
             OctaImage     *blank,
             gsize          size,
             guint          index,
             ImageDiffFunc  func)
{
  const guint8 *dx, *dy;

  if (x == NULL && y == NULL)
    return;
  dx = x != NULL ? x->data : blank->data;
  dy = y != NULL ? y->data : blank->data;
  if (memcmp (dx, dy, size) == 0)
    return;
  if (x == NULL || y == NULL)
    file_presence (c, x != NULL, y != NULL);
  func (c, dx, dy, index);
}

static void
diff_sides (OctaDiff     *self,
            Side          a,
            Side          b,
            const char   *prefix)
{
  Ctx c = { self->items, self->texts, self->chunk, prefix, NULL, NULL };
  g_autofree char *name_a = NULL;
  g_autofree char *name = NULL;
  OctaProjectFile *pa = a.files->project[a.state], *pb = b.files->project[b.state];
  OctaMarkersFile *ma = a.files->markers[a.state], *mb = b.files->markers[b.state];
  g_autoptr(OctaBankFile) blank_bank = NULL;
  g_autoptr(OctaMarkersFile) blank_markers = NULL;
  g_autoptr(OctaArrangementFile) blank_arr = NULL;

  c.file = name = octa_project_files_filename (OCTA_FILE_KIND_PROJECT, 0, b.state);
  c.file = g_intern_string (name);
  c.file_a = name_a = octa_project_files_filename (OCTA_FILE_KIND_PROJECT, 0, a.state);
  if (pa != NULL && pb != NULL)
    diff_project_text (&c, pa, pb);
  else if (pa != NULL || pb != NULL)
    file_presence (&c, pa != NULL, pb != NULL);
  g_clear_pointer (&name, g_free);
  g_clear_pointer (&name_a, g_free);

  for (guint k = 0; k < OCTA_N_BANKS; k++)
    {
      OctaBankFile *x = a.files->banks[a.state][k], *y = b.files->banks[b.state][k];

      if ((x == NULL) != (y == NULL) && blank_bank == NULL)
        blank_bank = octa_bank_file_new_blank ("blank");
      c.file = name = octa_project_files_filename (OCTA_FILE_KIND_BANK, k, b.state);
      c.file = g_intern_string (name);
      c.file_a = name_a = octa_project_files_filename (OCTA_FILE_KIND_BANK, k, a.state);
      diff_images (&c, x ? octa_bank_file_get_image (x) : NULL,
                   y ? octa_bank_file_get_image (y) : NULL,
                   blank_bank ? octa_bank_file_get_image (blank_bank) : NULL,
                   OCTA_BANK_SIZE, k, diff_bank_func);
      g_clear_pointer (&name, g_free);
      g_clear_pointer (&name_a, g_free);
    }

  if ((ma == NULL) != (mb == NULL))
    blank_markers = octa_markers_file_new_blank ("blank");
  c.file = name = octa_project_files_filename (OCTA_FILE_KIND_MARKERS, 0, b.state);
  c.file = g_intern_string (name);
  c.file_a = name_a = octa_project_files_filename (OCTA_FILE_KIND_MARKERS, 0, a.state);
  diff_images (&c, ma ? octa_markers_file_get_image (ma) : NULL,
               mb ? octa_markers_file_get_image (mb) : NULL,
               blank_markers ? octa_markers_file_get_image (blank_markers) : NULL,
               OCTA_MARKERS_SIZE, 0, diff_markers_func);
  g_clear_pointer (&name, g_free);
  g_clear_pointer (&name_a, g_free);

  for (guint k = 0; k < OCTA_N_ARRANGEMENTS; k++)
    {
      OctaArrangementFile *x = a.files->arrangements[a.state][k];
      OctaArrangementFile *y = b.files->arrangements[b.state][k];

      if ((x == NULL) != (y == NULL) && blank_arr == NULL)
        blank_arr = octa_arrangement_file_new_blank ("blank");
      c.file = name = octa_project_files_filename (OCTA_FILE_KIND_ARRANGEMENT, k, b.state);
      c.file = g_intern_string (name);
      c.file_a = name_a = octa_project_files_filename (OCTA_FILE_KIND_ARRANGEMENT, k, a.state);
      diff_images (&c, x ? octa_arrangement_file_get_image (x) : NULL,
                   y ? octa_arrangement_file_get_image (y) : NULL,
                   blank_arr ? octa_arrangement_file_get_image (blank_arr) : NULL,
                   OCTA_ARRANGEMENT_SIZE, k, diff_arrangement);
      g_clear_pointer (&name, g_free);
      g_clear_pointer (&name_a, g_free);
    }
}

static gboolean
has_state (OctaProjectFiles *files,
           OctaFileState     state)
{
  if (files->project[state] != NULL || files->markers[state] != NULL)
    return TRUE;
  for (guint k = 0; k < OCTA_N_BANKS; k++)
    if (files->banks[state][k] != NULL)
      return TRUE;
  for (guint k = 0; k < OCTA_N_ARRANGEMENTS; k++)
    if (files->arrangements[state][k] != NULL)
      return TRUE;
  return FALSE;
}

/* Both states: the working state plainly, the saved state under "strd.". */
static OctaDiff *
diff_files (OctaProjectFiles *a,
            OctaProjectFiles *b)
{
  OctaDiff *self = g_object_new (OCTA_TYPE_DIFF, NULL);

  diff_sides (self, (Side) { a, OCTA_STATE_WORK },
              (Side) { b, OCTA_STATE_WORK }, "");
  if (has_state (a, OCTA_STATE_STRD) || has_state (b, OCTA_STATE_STRD))
    diff_sides (self, (Side) { a, OCTA_STATE_STRD },
                (Side) { b, OCTA_STATE_STRD },
                "strd.");
  return self;
}

/**
 * octa_diff_new_projects:
 * @a: the old side
 * @b: the new side
 *
 * Compares two projects file by file: the working states (`.work`), then the
 * saved states (`.strd`), whose paths start with "strd.". A file present on
 * one side only is one item of kind "file".
 *
 * Returns: (transfer full): the differences
 */
OctaDiff *
octa_diff_new_projects (OctaProject *a,
                        OctaProject *b)
{
  OctaDiff *self;

  g_return_val_if_fail (OCTA_IS_PROJECT (a), NULL);
  g_return_val_if_fail (OCTA_IS_PROJECT (b), NULL);

  self = diff_files (_octa_project_get_files (a), _octa_project_get_files (b));
  self->mode = OCTA_DIFF_MODE_PROJECTS;
  self->a = g_object_ref (a);
  self->b = g_object_ref (b);
  return self;
}

/**
 * octa_diff_new_saved_state:
 * @project: a project
 *
 * Compares the saved state (`.strd`, old) with the working state (`.work`,
 * new): what RELOAD would throw away. A project without any saved state gives
 * one item, kind "file", path "saved-state", old value "absent"; a single
 * missing `.strd` file gives a "file" item for it.
 *
 * Returns: (transfer full): the differences
 */
OctaDiff *
octa_diff_new_saved_state (OctaProject *project)
{
  OctaProjectFiles *files;
  OctaDiff *self;

  g_return_val_if_fail (OCTA_IS_PROJECT (project), NULL);

  files = _octa_project_get_files (project);
  self = g_object_new (OCTA_TYPE_DIFF, NULL);
  self->mode = OCTA_DIFF_MODE_SAVED_STATE;
  self->a = g_object_ref (project);
  if (!has_state (files, OCTA_STATE_STRD))
    {
      Ctx c = { self->items, self->texts, self->chunk, "", "project.strd", "project.strd" };

      add (&c, "file", g_strdup ("saved-state"), g_strdup ("absent"), g_strdup ("present"), -1);
      return self;
    }
  diff_sides (self, (Side) { files, OCTA_STATE_STRD },
              (Side) { files, OCTA_STATE_WORK },
              "");
  return self;
}

/**
 * octa_diff_new_part:
 * @part: a part
 *
 * Compares the part's saved copy (old) with its unsaved copy (new) in the
 * bank's working state: what RELOAD PART would throw away. Paths start with
 * the part's path, such as "A.part1".
 *
 * Returns: (transfer full): the differences
 */
OctaDiff *
octa_diff_new_part (OctaPart *part)
{
  OctaDiff *self;
  OctaBankFile *bank;
  const guint8 *data;
  OctaBank *owner;
  g_autofree char *file = NULL;
  g_autofree char *base = NULL;
  guint index, bank_index;
  Ctx c;

  g_return_val_if_fail (OCTA_IS_PART (part), NULL);

  self = g_object_new (OCTA_TYPE_DIFF, NULL);
  self->mode = OCTA_DIFF_MODE_PART;
  self->part = g_object_ref (part);
  owner = octa_part_get_bank (part);
  bank_index = octa_bank_get_index (owner);
  index = octa_part_get_index (part);
  bank = _octa_part_get_file (part);
  self->a = g_object_ref (_octa_part_get_project (part));
  data = octa_bank_file_get_image (bank)->data;
  file = octa_project_files_filename (OCTA_FILE_KIND_BANK, bank_index, OCTA_STATE_WORK);
  base = g_strdup_printf ("%c.part%u", 'A' + bank_index, index + 1);
  c = (Ctx) { self->items, self->texts, self->chunk, "", g_intern_string (file), file };
  diff_part_block (&c, data, octa_bank_part_offset (index, OCTA_PART_SAVED),
                   data, octa_bank_part_offset (index, OCTA_PART_UNSAVED), base);
  return self;
}

/**
 * octa_diff_new_unsaved:
 * @project: a project that has a location
 * @error: return location for an error
 *
 * Reads the project's location again and compares what is on disk (old) with
 * the project in memory (new), both states, as octa_diff_new_projects() does.
 *
 * Returns: (transfer full) (nullable): the differences, or %NULL if the
 *   project has no location or cannot be read
 */
OctaDiff *
octa_diff_new_unsaved (OctaProject  *project,
                       GError      **error)
{
  g_autoptr(OctaProjectFiles) disk = NULL;
  g_autofree char *path = NULL;
  GFile *location;
  OctaDiff *self;

  g_return_val_if_fail (OCTA_IS_PROJECT (project), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  location = octa_project_get_location (project);
  if (location == NULL || (path = g_file_get_path (location)) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "%s: the project has never been saved", octa_project_get_name (project));
      return NULL;
    }
  disk = octa_project_files_load (path,
                                  OCTA_LOAD_ALLOW_BAD_CHECKSUM | OCTA_LOAD_ALLOW_BAD_STRUCTURE,
                                  error);
  if (disk == NULL)
    return NULL;
  self = diff_files (disk, _octa_project_get_files (project));
  self->mode = OCTA_DIFF_MODE_UNSAVED;
  self->a = g_object_ref (project);
  self->disk = g_steal_pointer (&disk);
  return self;
}

/**
 * octa_diff_is_empty:
 * @self: a diff
 *
 * Returns: %TRUE when the two sides are identical
 */
gboolean
octa_diff_is_empty (OctaDiff *self)
{
  g_return_val_if_fail (OCTA_IS_DIFF (self), TRUE);
  return self->items->len == 0;
}

/**
 * octa_diff_count_in:
 * @self: a diff
 * @prefix: a path such as "A", "A01", "A01.T3" or "A.part1"; "" counts all
 *
 * A bank letter counts the bank's patterns too: "A" counts "A01.T1.1.trig"
 * and "A.part1.name".
 *
 * Returns: the number of items at @prefix or below it
 */
guint
octa_diff_count_in (OctaDiff   *self,
                    const char *prefix)
{
  gsize len;
  guint n = 0;
  gboolean bank;

  g_return_val_if_fail (OCTA_IS_DIFF (self), 0);
  g_return_val_if_fail (prefix != NULL, 0);

  len = strlen (prefix);
  /* A bank's patterns ("A01") belong to the bank ("A") too. */
  bank = len > 0 && prefix[len - 1] >= 'A' && prefix[len - 1] <= 'P'
         && (len == 1 || prefix[len - 2] == '.');
  for (guint i = 0; i < self->items->len; i++)
    {
      const Entry *e = &g_array_index (self->items, Entry, i);
      char buf[160];
      const char *path;

      /* Most items are steps: skip other banks before printing a path. */
      if (len > 0 && e->form != FORM_TEXT && prefix[0] != (e->strd ? 's' : e->letter))
        continue;
      path = len == 0 ? "" : _octa_diff_entry_path (self, e, buf);

      if (len == 0)
        n++;
      else if (strncmp (path, prefix, len) != 0)
        continue;
      else if (path[len] == '.' || path[len] == '\0')
        n++;
      else if (bank && g_ascii_isdigit (path[len]) && g_ascii_isdigit (path[len + 1])
               && (path[len + 2] == '.' || path[len + 2] == '\0'))
        n++;
    }
  return n;
}

/* @path is at @prefix or below it; a bank letter holds its patterns too. */
gboolean
_octa_diff_path_in (const char *path,
                    const char *prefix)
{
  gsize len = strlen (prefix);
  gboolean bank;

  if (len == 0)
    return TRUE;
  if (strncmp (path, prefix, len) != 0)
    return FALSE;
  if (path[len] == '.' || path[len] == '\0')
    return TRUE;
  bank = prefix[len - 1] >= 'A' && prefix[len - 1] <= 'P' && (len == 1 || prefix[len - 2] == '.');
  return bank && g_ascii_isdigit (path[len]) && g_ascii_isdigit (path[len + 1])
         && (path[len + 2] == '.' || path[len + 2] == '\0');
}

/**
 * octa_diff_get_mode:
 * @self: a diff
 *
 * Returns: what the diff compares
 */
OctaDiffMode
octa_diff_get_mode (OctaDiff *self)
{
  g_return_val_if_fail (OCTA_IS_DIFF (self), OCTA_DIFF_MODE_PROJECTS);
  return self->mode;
}

/**
 * octa_diff_get_side_a:
 * @self: a diff
 *
 * The project takes write into: the first project of
 * octa_diff_new_projects(), or the project (or the part's project) whose
 * working state is compared.
 *
 * Returns: (transfer none): side A
 */
OctaProject *
octa_diff_get_side_a (OctaDiff *self)
{
  g_return_val_if_fail (OCTA_IS_DIFF (self), NULL);
  return self->a;
}

/**
 * octa_diff_get_side_b:
 * @self: a diff
 *
 * Returns: (transfer none) (nullable): the other project of
 *   octa_diff_new_projects(), or %NULL when side B is a saved state, a part's
 *   saved copy or what is on disk
 */
OctaProject *
octa_diff_get_side_b (OctaDiff *self)
{
  g_return_val_if_fail (OCTA_IS_DIFF (self), NULL);
  return self->b;
}

/**
 * octa_diff_side_is_old:
 * @self: a diff
 * @side: a side
 *
 * Which of the item values belongs to @side: side A is the old side
 * (#OctaDiffItem:old-value) of octa_diff_new_projects() and the new side of
 * the other comparisons.
 *
 * Returns: %TRUE when @side's values are the old values
 */
gboolean
octa_diff_side_is_old (OctaDiff     *self,
                       OctaDiffSide  side)
{
  g_return_val_if_fail (OCTA_IS_DIFF (self), FALSE);
  return (self->mode == OCTA_DIFF_MODE_PROJECTS) == (side == OCTA_DIFF_SIDE_A);
}

/**
 * octa_diff_item_get_value:
 * @self: an item
 * @side: a side
 *
 * The value on @side, whichever of old and new that is (see
 * octa_diff_side_is_old()). An item whose diff is gone answers as if side A
 * were the old side.
 *
 * Returns: the value as text ("" when absent on that side)
 */
const char *
octa_diff_item_get_value (OctaDiffItem *self,
                          OctaDiffSide  side)
{
  g_autoptr(OctaDiff) diff = NULL;
  gboolean old;

  g_return_val_if_fail (OCTA_IS_DIFF_ITEM (self), NULL);

  diff = _octa_diff_item_get_diff (self);
  old = diff != NULL ? octa_diff_side_is_old (diff, side) : side == OCTA_DIFF_SIDE_A;
  return old ? self->old_value : self->new_value;
}
