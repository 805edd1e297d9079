/* SPDX-License-Identifier: MIT */
#include <string.h>

#include "octa-diff-private.h"
#include "octa-part-private.h"
#include "octa-project-private.h"
#include "octa-sample-slot-private.h"

/*
 * Taking one side of a difference into side A. Every item knows the bytes it
 * covers (offset, length, or one bit of a trig mask, or some bits of a timing
 * pair), so a take copies exactly those from the source side; `project.work`
 * items are edited by key or slot. Pattern, part and bank copies between two
 * projects copy whole blocks instead, because their sample locks and slot
 * assignments are rewritten to A's slot numbers.
 */

#define PATTERN_SIZE  36588
#define TAIL_REL      36576
#define PART_SIZE     6331
#define TRAILER_START 636078
#define SCENES_REL    1643
#define AUDIO_PLOCK_REL 98
#define MARKERS_SLOT_SIZE 784

typedef struct
{
  OctaFileKind  kind;
  guint         index;
  OctaFileState state;
} FileRef;

typedef struct
{
  OctaDiff         *diff;
  OctaProjectFiles *fa;        /* side A's files */
  OctaImage        *blanks[OCTA_FILE_KIND_PROJECT + 1];
} Take;

static void
take_clear (Take *t)
{
  for (guint i = 0; i < G_N_ELEMENTS (t->blanks); i++)
    g_clear_pointer (&t->blanks[i], octa_image_free);
}

static gboolean
parse_file (const char *name,
            FileRef    *ref)
{
  static const struct { OctaFileKind kind; guint n; } kinds[] = {
    { OCTA_FILE_KIND_PROJECT, 1 }, { OCTA_FILE_KIND_BANK, OCTA_N_BANKS },
    { OCTA_FILE_KIND_MARKERS, 1 }, { OCTA_FILE_KIND_ARRANGEMENT, OCTA_N_ARRANGEMENTS },
  };

  if (name == NULL)
    return FALSE;
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (guint i = 0; i < kinds[k].n; i++)
      for (guint s = 0; s < 2; s++)
        {
          g_autofree char *f = octa_project_files_filename (kinds[k].kind, i, s);

          if (g_str_equal (f, name))
            {
              *ref = (FileRef) { kinds[k].kind, i, s };
              return TRUE;
            }
        }
  return FALSE;
}

static OctaImage *
files_image (OctaProjectFiles *f,
             const FileRef    *r,
             OctaFileState     state)
{
  switch (r->kind)
    {
    case OCTA_FILE_KIND_BANK:
      return f->banks[state][r->index] ? octa_bank_file_get_image (f->banks[state][r->index]) : NULL;
    case OCTA_FILE_KIND_MARKERS:
      return f->markers[state] ? octa_markers_file_get_image (f->markers[state]) : NULL;
    case OCTA_FILE_KIND_ARRANGEMENT:
      return f->arrangements[state][r->index]
             ? octa_arrangement_file_get_image (f->arrangements[state][r->index]) : NULL;
    default:
      return NULL;
    }
}

static OctaImage *
blank_image (Take         *t,
             OctaFileKind  kind)
{
  if (t->blanks[kind] == NULL)
    t->blanks[kind] = octa_image_new_blank (kind, "blank");
  return t->blanks[kind];
}

/* Side B's files and the state its twin of @r is in. */
static OctaProjectFiles *
files_b (Take          *t,
         const FileRef *r,
         OctaFileState *state)
{
  OctaDiff *d = t->diff;

  *state = r->state;
  switch (d->mode)
    {
    case OCTA_DIFF_MODE_PROJECTS:
      return _octa_project_get_files (d->b);
    case OCTA_DIFF_MODE_SAVED_STATE:
      *state = OCTA_STATE_STRD;
      return t->fa;
    case OCTA_DIFF_MODE_UNSAVED:
      return d->disk;
    case OCTA_DIFF_MODE_PART:
    default:
      return t->fa;
    }
}

static const guint8 *
data_b (Take          *t,
        const FileRef *r)
{
  OctaFileState state;
  OctaProjectFiles *f = files_b (t, r, &state);
  OctaImage *image = files_image (f, r, state);

  return (image != NULL ? image : blank_image (t, r->kind))->data;
}

/* Part mode: an offset in the unsaved copy and its twin in the saved copy. */
static gsize
part_twin (Take  *t,
           gsize  offset)
{
  guint k = octa_part_get_index (t->diff->part);

  return offset - octa_bank_part_offset (k, OCTA_PART_UNSAVED) + octa_bank_part_offset (k, OCTA_PART_SAVED);
}

static void
copy_masked (OctaImage    *dst,
             gsize         offset,
             guint8        src,
             guint8        mask)
{
  guint8 v = (octa_image_get_u8 (dst, offset) & ~mask) | (src & mask);

  octa_image_set_u8 (dst, offset, v);
}

static gboolean
writable (const OctaImage *image,
          gsize            offset,
          gsize            len)
{
  return offset >= OCTA_HEADER_SIZE && offset + len <= image->size - 2;
}

/* One binary entry from @src (at @src_off) into @dst (at @dst_off). */
static void
copy_entry (const Entry  *e,
            const guint8 *src,
            gsize         src_off,
            OctaImage    *dst,
            gsize         dst_off)
{
  guint len = MAX (e->len, 1);

  switch (e->form)
    {
    case FORM_MASK:
      copy_masked (dst, dst_off, src[src_off], 1u << (e->u.s.step % 8));
      return;
    case FORM_LOCK:
      octa_image_set_u8 (dst, dst_off, src[src_off]);
      return;
    default:
      break;
    }
  switch (e->sub)
    {
    case SUB_REPEATS:
      copy_masked (dst, dst_off, src[src_off], 0xE0);
      break;
    case SUB_MICRO:
      copy_masked (dst, dst_off, src[src_off], 0x1F);
      copy_masked (dst, dst_off + 1, src[src_off + 1], 0x80);
      break;
    case SUB_CONDITION:
      copy_masked (dst, dst_off + 1, src[src_off + 1], 0x7F);
      break;
    default:
      for (guint i = 0; i < len; i++)
        octa_image_set_u8 (dst, dst_off + i, src[src_off + i]);
      break;
    }
}

/* project.work */

typedef struct
{
  const OctaProjectFile *from;
  const char            *path;    /* without "strd." */
  OctaProject           *a;
  OctaProject           *b;       /* NULL: same folder as A */
} TextTake;

/* "flex.12.gain", "static.3", "recorder.2.path": the slot and what follows */
static gboolean
slot_from_path (const char   *path,
                OctaSlotType *type,
                guint        *slot,
                const char  **rest)
{
  gboolean recorder = g_str_has_prefix (path, "recorder.");
  const char *p;
  char *end;
  guint64 n;

  if (g_str_has_prefix (path, "flex."))
    {
      *type = OCTA_SLOT_FLEX;
      p = path + strlen ("flex.");
    }
  else if (g_str_has_prefix (path, "static."))
    {
      *type = OCTA_SLOT_STATIC;
      p = path + strlen ("static.");
    }
  else if (recorder)
    {
      *type = OCTA_SLOT_FLEX;
      p = path + strlen ("recorder.");
    }
  else
    return FALSE;
  n = g_ascii_strtoull (p, &end, 10);
  if (end == p || n < 1 || n > (recorder ? OCTA_N_FLEX_SLOTS - OCTA_N_SAMPLE_SLOTS
                                         : OCTA_N_SAMPLE_SLOTS)
      || (*end != '.' && *end != '\0'))
    return FALSE;
  *slot = n - 1 + (recorder ? OCTA_N_SAMPLE_SLOTS : 0);
  *rest = *end == '.' ? end + 1 : end;
  return TRUE;
}

/* The path of @to seen from the folder @from_dir, with ".." where they part */
static char *
relative_path (const char *from_dir,
               const char *to)
{
  g_auto(GStrv) a = g_strsplit (from_dir, G_DIR_SEPARATOR_S, -1);
  g_auto(GStrv) b = g_strsplit (to, G_DIR_SEPARATOR_S, -1);
  GString *out = g_string_new (NULL);
  guint i = 0;

  while (a[i] != NULL && b[i] != NULL && g_str_equal (a[i], b[i]))
    i++;
  for (guint j = i; a[j] != NULL; j++)
    if (*a[j] != '\0')
      g_string_append (out, "../");
  for (guint j = i; b[j] != NULL; j++)
    {
      g_string_append (out, b[j]);
      if (b[j + 1] != NULL)
        g_string_append_c (out, '/');
    }
  return g_string_free (out, FALSE);
}

/*
 * B's slot path as A should write it: unchanged when it finds the same file
 * from A's folder (or cannot be resolved at all), else relative to A's
 * folder, or absolute when A has no folder yet.
 */
static char *
path_for_a (OctaProject *a,
            OctaProject *b,
            const char  *path)
{
  g_autoptr(GFile) in_b = NULL;
  g_autoptr(GFile) in_a = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *full = NULL;

  if (b == NULL || b == a || path == NULL || *path == '\0')
    return g_strdup (path);
  in_b = _octa_project_resolve_sample (b, path);
  in_a = _octa_project_resolve_sample (a, path);
  if (in_b == NULL || (in_a != NULL && g_file_equal (in_a, in_b)))
    return g_strdup (path);
  full = g_file_get_path (in_b);
  if (full == NULL)
    return g_strdup (path);
  folder = _octa_project_dup_folder (a, NULL);
  if (folder == NULL)
    return g_steal_pointer (&full);
  return relative_path (folder, full);
}

static gboolean
copy_slot_text (OctaProjectFile       *to,
                const OctaProjectFile *from,
                OctaSlotType           type,
                guint                  slot,
                const char            *path,
                GError               **error)
{
  if (!octa_project_file_has_sample (from, type, slot))
    {
      if (octa_project_file_has_sample (to, type, slot))
        return octa_project_file_remove_sample (to, type, slot, error);
      return TRUE;
    }
  if (octa_project_file_has_sample (to, type, slot))
    {
      if (!octa_project_file_set_sample_path (to, type, slot, path, error))
        return FALSE;
    }
  else if (!octa_project_file_add_sample (to, type, slot, path, error))
    return FALSE;
  for (guint i = 0; i < OCTA_N_SAMPLE_ATTRS; i++)
    {
      gint v;

      if (octa_project_file_get_sample_attr (from, type, slot, i, &v)
          && !octa_project_file_set_sample_attr (to, type, slot, i, v, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
take_setting (OctaProjectFile       *to,
              const OctaProjectFile *from,
              const char            *name,
              GError               **error)
{
  static const char *const sections[] = { OCTA_SECTION_META, OCTA_SECTION_SETTINGS,
                                          OCTA_SECTION_STATES };

  for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
    {
      const char *const *keys = octa_project_file_known_keys (sections[s]);

      for (guint k = 0; keys != NULL && keys[k] != NULL; k++)
        {
          g_autofree char *key_name = _octa_diff_setting_name (keys[k]);
          gsize len = strlen (key_name);
          guint nth = 0;
          gint v;

          if (strncmp (name, key_name, len) != 0 || (name[len] != '\0' && name[len] != '.'))
            continue;
          if (name[len] == '.')
            nth = g_ascii_strtoull (name + len + 1, NULL, 10) - 1;
          if (!octa_project_file_has_key (from, sections[s], keys[k], nth))
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           "%s: %s is missing on the other side, and Octadesk doesn't remove "
                           "settings lines. Nothing was written.",
                           octa_project_file_get_name (to), keys[k]);
              return FALSE;
            }
          if (octa_project_file_count_key (from, sections[s], keys[k]) > 1
              && octa_project_file_lookup_int (from, sections[s], keys[k], nth, &v))
            return octa_project_file_set_int (to, sections[s], keys[k], nth, v, error);
          {
            g_autofree char *value = octa_project_file_dup_string (from, sections[s], keys[k]);

            return octa_project_file_set_string (to, sections[s], keys[k], value, error);
          }
        }
    }
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
               "%s: no setting is called %s. Nothing was written.",
               octa_project_file_get_name (to), name);
  return FALSE;
}

static gboolean
edit_text (OctaProjectFile *file,
           gpointer         user_data,
           GError         **error)
{
  TextTake *tt = user_data;
  const char *path = tt->path;
  OctaSlotType type;
  guint slot;
  const char *rest;

  if (g_str_has_prefix (path, "settings."))
    return take_setting (file, tt->from, path + strlen ("settings."), error);
  if (slot_from_path (path, &type, &slot, &rest))
    {
      g_autofree char *from_path = octa_project_file_dup_sample_path (tt->from, type, slot);
      g_autofree char *a_path = path_for_a (tt->a, tt->b, from_path);

      if (*rest == '\0' || g_str_equal (rest, "path"))
        return copy_slot_text (file, tt->from, type, slot, a_path, error);
      for (guint i = 0; i < OCTA_N_SAMPLE_ATTRS; i++)
        {
          g_autofree char *name = _octa_diff_setting_name (octa_project_file_sample_attr_key (i));
          gint v;

          if (!g_str_equal (name, rest))
            continue;
          if (!octa_project_file_get_sample_attr (tt->from, type, slot, i, &v))
            return copy_slot_text (file, tt->from, type, slot, a_path, error);
          if (!octa_project_file_has_sample (file, type, slot))
            return copy_slot_text (file, tt->from, type, slot, a_path, error);
          return octa_project_file_set_sample_attr (file, type, slot, i, v, error);
        }
    }
  /* Lines no key covers, line endings, a whole file: the whole text. */
  octa_project_file_assign (file, tt->from);
  return TRUE;
}

static gboolean
take_text (Take           *t,
           const char     *path,
           OctaFileState   state,
           GError        **error)
{
  OctaDiff *d = t->diff;
  FileRef r = { OCTA_FILE_KIND_PROJECT, 0, state };
  OctaFileState bs;
  OctaProjectFiles *fb = files_b (t, &r, &bs);
  g_autoptr(OctaProjectFile) blank = NULL;
  TextTake tt = { fb->project[bs], path, d->a, d->b };

  if (t->fa->project[state] == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "%s has no project.strd to take settings into. Nothing was written.",
                   octa_project_get_name (d->a));
      return FALSE;
    }
  if (tt.from == NULL)
    tt.from = blank = octa_project_file_new_blank ("project.work");
  return _octa_project_edit_text (d->a, state, "Take setting", edit_text, &tt, error);
}

/* Groups copied between projects, with their samples */

typedef struct
{
  gint map[2][OCTA_N_FLEX_SLOTS];   /* [type][B slot] → A slot, -1 unmapped */
  gboolean used[2][OCTA_N_FLEX_SLOTS];    /* by B's data */
  gboolean added[2][OCTA_N_FLEX_SLOTS];   /* A slots the take fills */
} SlotMap;

static void
use_slot (SlotMap      *m,
          OctaSlotType  type,
          guint8        slot)
{
  if (slot != 0xFF && slot < OCTA_N_SAMPLE_SLOTS)
    m->used[type][slot] = TRUE;
}

static OctaMachineType
machine_of (const guint8 *bank,
            guint         part,
            OctaPartCopy  copy,
            guint         track)
{
  return bank[octa_bank_part_offset (part, copy)
              + octa_part_area_offset (OCTA_PART_AREA_MACHINE, track, 0)];
}

static gboolean
slot_type_of (OctaMachineType machine,
              OctaSlotType   *type)
{
  if (machine == OCTA_MACHINE_STATIC)
    *type = OCTA_SLOT_STATIC;
  else if (machine == OCTA_MACHINE_FLEX)
    *type = OCTA_SLOT_FLEX;
  else
    return FALSE;
  return TRUE;
}

/* Sample locks of a pattern copied from @bank, as slots of the pattern's part. */
static void
pattern_slots (const guint8 *bank,
               guint         pattern,
               SlotMap      *m,
               guint8       *rewrite_to,
               gsize         rewrite_off)
{
  gsize off = octa_bank_pattern_offset (pattern);
  guint part = bank[off + TAIL_REL + 7] & 3;

  for (guint k = 0; k < OCTA_N_TRACKS; k++)
    {
      OctaSlotType type;
      gsize o = octa_bank_track_offset (pattern, OCTA_TRACK_AUDIO, k) + AUDIO_PLOCK_REL;

      if (!slot_type_of (machine_of (bank, part, OCTA_PART_UNSAVED, k), &type))
        continue;
      for (guint s = 0; s < OCTA_N_STEPS; s++)
        {
          gsize lock = o + 32 * s + OCTA_AUDIO_PLOCK_SAMPLE_LOCK;
          guint8 v = bank[lock];

          if (rewrite_to == NULL)
            use_slot (m, type, v);
          else if (v != 0xFF && v < OCTA_N_SAMPLE_SLOTS && m->map[type][v] >= 0)
            rewrite_to[lock - rewrite_off] = m->map[type][v];
        }
    }
}

/* Slot assignments and scene sample locks of one part copy. */
static void
part_slots (const guint8 *bank,
            guint         part,
            OctaPartCopy  copy,
            SlotMap      *m,
            guint8       *rewrite_to,
            gsize         rewrite_off)
{
  gsize base = octa_bank_part_offset (part, copy);

  for (guint k = 0; k < OCTA_N_TRACKS; k++)
    {
      OctaMachineType machine = machine_of (bank, part, copy, k);
      OctaSlotType type;
      gsize places[2 + 16];
      OctaSlotType types[2 + 16];
      guint n = 0;

      places[n] = base + octa_part_area_offset (OCTA_PART_AREA_SLOTS, k, 0);
      types[n++] = OCTA_SLOT_STATIC;
      places[n] = base + octa_part_area_offset (OCTA_PART_AREA_SLOTS, k, 1);
      types[n++] = OCTA_SLOT_FLEX;
      if (slot_type_of (machine, &type))
        for (guint sc = 0; sc < 16; sc++)
          {
            places[n] = base + SCENES_REL + 256 * sc + 32 * k + OCTA_AUDIO_PLOCK_SAMPLE_LOCK;
            types[n++] = type;
          }
      for (guint i = 0; i < n; i++)
        {
          guint8 v = bank[places[i]];

          if (rewrite_to == NULL)
            use_slot (m, types[i], v);
          else if (v != 0xFF && v < OCTA_N_SAMPLE_SLOTS && m->map[types[i]][v] >= 0)
            rewrite_to[places[i] - rewrite_off] = m->map[types[i]][v];
        }
    }
}

static gboolean
same_file (OctaProject *a,
           const char  *path_a,
           OctaProject *b,
           const char  *path_b)
{
  g_autoptr(GFile) fa = _octa_project_resolve_sample (a, path_a);
  g_autoptr(GFile) fb = _octa_project_resolve_sample (b, path_b);
  g_autoptr(GFileInfo) ia = NULL;
  g_autoptr(GFileInfo) ib = NULL;
  g_autofree char *na = NULL, *nb = NULL;

  if (fa == NULL || fb == NULL)
    return g_str_equal (path_a, path_b);
  if (g_file_equal (fa, fb))
    return TRUE;
  na = g_file_get_basename (fa);
  nb = g_file_get_basename (fb);
  if (!g_str_equal (na, nb))
    return FALSE;
  ia = g_file_query_info (fa, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  ib = g_file_query_info (fb, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  return ia != NULL && ib != NULL && g_file_info_get_size (ia) == g_file_info_get_size (ib);
}

typedef struct
{
  const OctaProjectFile *from;
  OctaProject           *a;
  OctaProject           *b;
  SlotMap               *map;
} AddSlots;

static gboolean
add_slots (OctaProjectFile *file,
           gpointer         user_data,
           GError         **error)
{
  AddSlots *as = user_data;

  for (guint type = 0; type < 2; type++)
    for (guint s = 0; s < OCTA_N_SAMPLE_SLOTS; s++)
      {
        gint to = as->map->map[type][s];
        g_autofree char *path = NULL;
        g_autofree char *a_path = NULL;

        if (to < 0 || !as->map->added[type][to])
          continue;
        path = octa_project_file_dup_sample_path (as->from, type, s);
        a_path = path_for_a (as->a, as->b, path);
        if (!octa_project_file_add_sample (file, type, to, a_path, error))
          return FALSE;
        for (guint i = 0; i < OCTA_N_SAMPLE_ATTRS; i++)
          {
            gint v;

            if (octa_project_file_get_sample_attr (as->from, type, s, i, &v)
                && !octa_project_file_set_sample_attr (file, type, to, i, v, error))
              return FALSE;
          }
      }
  return TRUE;
}

/*
 * Decides where each slot B's data uses goes in A: the same file already in
 * A (the same slot first) is reused, any other is given the lowest free slot
 * of A. Fails, before anything is written, when A runs out of slots.
 */
static gboolean
plan_slots (OctaDiff              *d,
            const OctaProjectFile *ta,
            const OctaProjectFile *tb,
            SlotMap               *m,
            GError               **error)
{
  gboolean taken[2][OCTA_N_SAMPLE_SLOTS];

  for (guint type = 0; type < 2; type++)
    for (guint s = 0; s < OCTA_N_SAMPLE_SLOTS; s++)
      taken[type][s] = octa_project_file_has_sample (ta, type, s);

  for (guint type = 0; type < 2; type++)
    for (guint s = 0; s < OCTA_N_SAMPLE_SLOTS; s++)
      {
        g_autofree char *pb = NULL;
        gint found = -1;

        m->map[type][s] = -1;
        if (!m->used[type][s] || !octa_project_file_has_sample (tb, type, s))
          continue;
        pb = octa_project_file_dup_sample_path (tb, type, s);
        for (guint i = 0; i < OCTA_N_SAMPLE_SLOTS && found < 0; i++)
          {
            guint x = (s + i) % OCTA_N_SAMPLE_SLOTS;
            g_autofree char *pa = NULL;

            if (!octa_project_file_has_sample (ta, type, x))
              continue;
            pa = octa_project_file_dup_sample_path (ta, type, x);
            if (same_file (d->a, pa, d->b, pb))
              found = x;
          }
        for (guint x = 0; x < OCTA_N_SAMPLE_SLOTS && found < 0; x++)
          if (!taken[type][x])
            {
              found = x;
              taken[type][x] = TRUE;
              m->added[type][x] = TRUE;
            }
        if (found < 0)
          {
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                         "%s has no free %s slot for %s. Nothing was written.",
                         octa_project_get_name (d->a), type == OCTA_SLOT_FLEX ? "Flex" : "Static",
                         pb);
            return FALSE;
          }
        m->map[type][s] = found;
      }
  return TRUE;
}

typedef enum
{
  GROUP_NONE,
  GROUP_BANK,
  GROUP_PATTERN,
  GROUP_PART,
} GroupKind;

/* "A", "strd.A", "A01", "A.part1" (its saved copy included) */
static GroupKind
parse_group (const char    *path,
             guint         *bank,
             guint         *index,
             OctaFileState *state)
{
  *state = OCTA_STATE_WORK;
  if (g_str_has_prefix (path, "strd."))
    {
      *state = OCTA_STATE_STRD;
      path += 5;
    }
  if (path[0] < 'A' || path[0] > 'P')
    return GROUP_NONE;
  *bank = path[0] - 'A';
  if (path[1] == '\0')
    return GROUP_BANK;
  if (g_ascii_isdigit (path[1]) && g_ascii_isdigit (path[2]) && path[3] == '\0')
    {
      *index = (path[1] - '0') * 10 + (path[2] - '0') - 1;
      return *index < OCTA_N_PATTERNS ? GROUP_PATTERN : GROUP_NONE;
    }
  if (g_str_has_prefix (path + 1, ".part") && path[6] >= '1' && path[6] <= '4' && path[7] == '\0')
    {
      *index = path[6] - '1';
      return GROUP_PART;
    }
  return GROUP_NONE;
}

static void
copy_range (OctaImage    *dst,
            const guint8 *src,
            gsize         start,
            gsize         len)
{
  octa_image_set_bytes (dst, start, src + start, len);
}

static gboolean
take_remapped (Take          *t,
               GroupKind      kind,
               guint          bank,
               guint          index,
               OctaFileState  state,
               GError       **error)
{
  OctaDiff *d = t->diff;
  OctaProjectFiles *fb = _octa_project_get_files (d->b);
  FileRef r = { OCTA_FILE_KIND_BANK, bank, state };
  OctaImage *dst = files_image (t->fa, &r, state);
  const guint8 *src = data_b (t, &r);
  const OctaProjectFile *ta = t->fa->project[state];
  g_autoptr(OctaProjectFile) blank_text = NULL;
  const OctaProjectFile *tb = fb->project[state];
  g_autofree guint8 *copy = NULL;
  g_autofree SlotMap *m = g_new0 (SlotMap, 1);
  gsize size = OCTA_BANK_SIZE;
  AddSlots as;

  if (dst == NULL || ta == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "%s has no saved state to copy into. Nothing was written.",
                   octa_project_get_name (d->a));
      return FALSE;
    }
  if (tb == NULL)
    tb = blank_text = octa_project_file_new_blank ("project.work");

  if (kind == GROUP_PATTERN)
    pattern_slots (src, index, m, NULL, 0);
  for (guint p = 0; kind == GROUP_BANK && p < OCTA_N_PATTERNS; p++)
    pattern_slots (src, p, m, NULL, 0);
  for (guint k = 0; k < OCTA_N_PARTS; k++)
    if (kind == GROUP_BANK || (kind == GROUP_PART && k == index))
      for (guint c = 0; c < 2; c++)
        part_slots (src, k, c, m, NULL, 0);
  if (!plan_slots (d, ta, tb, m, error))
    return FALSE;

  copy = g_memdup2 (src, size);
  if (kind == GROUP_PATTERN)
    pattern_slots (src, index, m, copy, 0);
  for (guint p = 0; kind == GROUP_BANK && p < OCTA_N_PATTERNS; p++)
    pattern_slots (src, p, m, copy, 0);
  for (guint k = 0; k < OCTA_N_PARTS; k++)
    if (kind == GROUP_BANK || (kind == GROUP_PART && k == index))
      for (guint c = 0; c < 2; c++)
        part_slots (src, k, c, m, copy, 0);

  as = (AddSlots) { tb, d->a, d->b, m };
  if (!_octa_project_edit_text (d->a, state, "Add samples", add_slots, &as, error))
    return FALSE;
  /* The markers of every slot added come along. */
  {
    FileRef mr = { OCTA_FILE_KIND_MARKERS, 0, state };
    OctaImage *ma = files_image (t->fa, &mr, state);
    const guint8 *mb = data_b (t, &mr);

    for (guint type = 0; ma != NULL && type < 2; type++)
      for (guint s = 0; s < OCTA_N_SAMPLE_SLOTS; s++)
        if (m->map[type][s] >= 0 && m->added[type][m->map[type][s]])
          octa_image_set_bytes (ma, octa_markers_slot_offset (type, m->map[type][s]),
                                mb + octa_markers_slot_offset (type, s), MARKERS_SLOT_SIZE);
  }

  switch (kind)
    {
    case GROUP_BANK:
      copy_range (dst, copy, OCTA_HEADER_SIZE, size - 2 - OCTA_HEADER_SIZE);
      break;
    case GROUP_PATTERN:
      copy_range (dst, copy, octa_bank_pattern_offset (index), PATTERN_SIZE);
      break;
    default:
      for (guint c = 0; c < 2; c++)
        copy_range (dst, copy, octa_bank_part_offset (index, c), PART_SIZE);
      copy_range (dst, copy, TRAILER_START + index, 1);
      copy_range (dst, copy, TRAILER_START + 5 + 7 * index, 7);
      {
        guint8 mask = 1u << index;
        guint8 v = (octa_image_get_u8 (dst, TRAILER_START + 4) & ~mask)
                   | (copy[TRAILER_START + 4] & mask);

        octa_image_set_u8 (dst, TRAILER_START + 4, v);
      }
      break;
    }
  return TRUE;
}

/* Everything else: item by item */

static gboolean
take_entries (Take          *t,
              const char    *prefix,
              OctaDiffSide   side,
              gboolean       group,
              GError       **error)
{
  OctaDiff *d = t->diff;
  gboolean text_done[2] = { FALSE, FALSE };
  GHashTable *texts = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean ok = TRUE;

  for (guint i = 0; i < d->items->len && ok; i++)
    {
      const Entry *e = &g_array_index (d->items, Entry, i);
      char buf[160];
      const char *path = _octa_diff_entry_path (d, e, buf);
      FileRef r;
      OctaImage *dst;
      const guint8 *src;
      gsize src_off, dst_off;

      if (!_octa_diff_path_in (path, prefix))
        continue;
      if (d->mode == OCTA_DIFF_MODE_SAVED_STATE && g_str_equal (path, "saved-state"))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       "%s has no saved state to return to. Nothing was written.",
                       octa_project_get_name (d->a));
          ok = FALSE;
          break;
        }
      if (!parse_file (e->file, &r))
        continue;
      if (g_str_equal (e->kind, "file"))
        {
          /* A file on one side only: the whole file, as the other side has it. */
          if (r.kind == OCTA_FILE_KIND_PROJECT)
            {
              if (!text_done[r.state])
                ok = take_text (t, "project", r.state, error);
              text_done[r.state] = TRUE;
              continue;
            }
          dst = files_image (t->fa, &r, r.state);
          if (dst == NULL)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           "%s has no %s to copy into. Nothing was written.",
                           octa_project_get_name (d->a), path);
              ok = FALSE;
              break;
            }
          copy_range (dst, data_b (t, &r), OCTA_HEADER_SIZE, dst->size - 2 - OCTA_HEADER_SIZE);
          continue;
        }
      if (r.kind == OCTA_FILE_KIND_PROJECT)
        {
          const char *bare = g_str_has_prefix (path, "strd.") ? path + 5 : path;
          OctaSlotType type;
          guint slot;
          const char *rest;
          g_autofree char *what = NULL;
          g_autofree char *key = NULL;

          if (text_done[r.state])
            continue;
          if (g_str_has_prefix (bare, "project."))
            {
              text_done[r.state] = TRUE;
              ok = take_text (t, "project", r.state, error);
              continue;
            }
          /* In a group a slot goes whole, once for all of its items. */
          if (group && slot_from_path (bare, &type, &slot, &rest))
            what = g_strndup (bare, rest - bare - (*rest != '\0'));
          else
            what = g_strdup (bare);
          key = g_strdup_printf ("%u.%s", r.state, what);
          if (g_hash_table_contains (texts, key))
            continue;
          g_hash_table_add (texts, g_string_chunk_insert (d->chunk, key));
          ok = take_text (t, what, r.state, error);
          continue;
        }

      dst = files_image (t->fa, &r, r.state);
      if (dst == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       "%s has no %s to copy into. Nothing was written.",
                       octa_project_get_name (d->a), e->file);
          ok = FALSE;
          break;
        }
      src = data_b (t, &r);
      src_off = dst_off = e->offset;
      if (d->mode == OCTA_DIFF_MODE_PART)
        {
          src_off = part_twin (t, e->offset);
          if (side == OCTA_DIFF_SIDE_A)
            {
              /* Save: the unsaved value into the saved copy. */
              src = dst->data;
              src_off = e->offset;
              dst_off = part_twin (t, e->offset);
            }
        }
      if (!writable (dst, dst_off, e->sub != SUB_NONE ? 2 : MAX (e->len, 1)))
        {
          if (group)
            continue;
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       "%s: bytes at %d are the file's header or checksum, which Octadesk "
                       "writes itself. Nothing was written.", e->file, e->offset);
          ok = FALSE;
          break;
        }
      copy_entry (e, src, src_off, dst, dst_off);
    }
  g_hash_table_unref (texts);
  return ok;
}

static gboolean
take (OctaDiff      *self,
      const char    *prefix,
      OctaDiffSide   side,
      gboolean       group,
      GError       **error)
{
  Take t = { self, _octa_project_get_files (self->a), { NULL } };
  OctaHistory *history = octa_project_get_history (self->a);
  guint n_undo = octa_history_get_n_undo (history);
  g_autofree char *label = NULL;
  GroupKind kind;
  guint bank = 0, index = 0;
  OctaFileState state;
  gboolean ok;

  if (side == OCTA_DIFF_SIDE_A && self->mode != OCTA_DIFF_MODE_PART)
    return TRUE;

  if (self->mode == OCTA_DIFF_MODE_PART)
    {
      g_autofree char *base = g_strdup_printf ("%c.part%u",
                                               'A' + octa_bank_get_index (octa_part_get_bank (self->part)),
                                               octa_part_get_index (self->part) + 1);

      /* The whole part is the device's own SAVE and RELOAD. */
      if (*prefix == '\0' || g_str_equal (prefix, base))
        {
          if (side == OCTA_DIFF_SIDE_A)
            octa_part_save (self->part);
          else if (octa_part_get_has_saved (self->part))
            octa_part_reload (self->part);
          else
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           "Part %u has no saved copy to reload. Nothing was written.",
                           octa_part_get_index (self->part) + 1);
              return FALSE;
            }
          return TRUE;
        }
    }

  label = g_strdup_printf (side == OCTA_DIFF_SIDE_A ? "Use A for %s" : "Use B for %s",
                           *prefix ? prefix : "everything");
  octa_project_begin_change (self->a, label);
  kind = parse_group (prefix, &bank, &index, &state);
  if (self->mode == OCTA_DIFF_MODE_PROJECTS && kind != GROUP_NONE)
    ok = take_remapped (&t, kind, bank, index, state, error);
  else
    ok = take_entries (&t, prefix, side, group, error);
  octa_project_end_change (self->a);
  take_clear (&t);

  /* Part of the take may have happened before the fault: none of it stays. */
  if (!ok && octa_history_get_n_undo (history) > n_undo)
    octa_project_undo (self->a);
  return ok;
}

/**
 * octa_diff_take:
 * @self: a diff
 * @path: a group: a path prefix such as "A" (a bank), "A01" (a pattern),
 *   "A01.T3" (a track), "A01.T3.17" (a step), "A.part1" (a part),
 *   "flex.12" (a slot), "settings" or "settings.tempo-x24", "arr1", or ""
 *   for everything
 * @side: the side whose values to keep
 * @error: return location for an error
 *
 * Makes every difference at @path or below it take @side's value, writing
 * only side A (octa_diff_get_side_a()), as one undoable change in A's
 * history:
 *
 * - Working state against saved state, or the open project against disk:
 *   taking B reverts the items; taking A changes nothing.
 * - A part against its saved copy: taking B copies the saved values into the
 *   part, taking A copies the part's values into its saved copy; for the
 *   whole part these are octa_part_reload() and octa_part_save().
 * - Project against project: taking B copies B's values in. A whole pattern
 *   ("A01"), part ("A.part1", both copies, its name and flags) or bank ("A")
 *   is copied with its samples: every slot its sample locks, slot
 *   assignments and scene locks use is found in A (the same resolved file,
 *   or the same name and size, the same slot number first) or added to the
 *   lowest free slot of A with its attributes and markers, the path written
 *   so that A finds the file; the copied locks and assignments are rewritten
 *   to A's slot numbers.
 *
 * A slot's path item takes the whole slot (path and attributes). Header and
 * checksum bytes are skipped in a group (the checksum follows from the rest)
 * and refused alone.
 *
 * The diff itself does not change: compute a new one to see what is left.
 *
 * Returns: %TRUE on success; on failure nothing was written
 */
gboolean
octa_diff_take (OctaDiff      *self,
                const char    *path,
                OctaDiffSide   side,
                GError       **error)
{
  g_return_val_if_fail (OCTA_IS_DIFF (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return take (self, path, side, TRUE, error);
}

/**
 * octa_diff_item_take:
 * @self: an item of a diff that still exists
 * @side: the side whose value to keep
 * @error: return location for an error
 *
 * Takes one item, as octa_diff_take() takes a group: the item's bytes only
 * (one trig bit, one lock, the condition bits of a timing pair…), or its
 * setting, or its slot.
 *
 * Returns: %TRUE on success; on failure nothing was written
 */
gboolean
octa_diff_item_take (OctaDiffItem  *self,
                     OctaDiffSide   side,
                     GError       **error)
{
  g_autoptr(OctaDiff) diff = NULL;

  g_return_val_if_fail (OCTA_IS_DIFF_ITEM (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  diff = _octa_diff_item_get_diff (self);
  if (diff == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_CLOSED,
                   "%s: the comparison is gone. Nothing was written.",
                   octa_diff_item_get_path (self));
      return FALSE;
    }
  return take (diff, octa_diff_item_get_path (self), side, FALSE, error);
}
