/* SPDX-License-Identifier: MIT */
#include "octa-sample-pool.h"

#include <string.h>

#include "octa-sample-slot-private.h"

/*
 * Sample files and the slots that name them. The slot edits are undoable;
 * the files copied into the project or the set's audio pool are not
 * removed again by an undo (a copy is harmless, a deletion would not be).
 */

#define CHUNK_SIZE     (64 * 1024)
#define MAX_CHUNKS     4096
#define MAX_NAME_TRIES 999

/* Audio headers ----------------------------------------------------------- */

static guint32
le32 (const guint8 *p)
{
  return p[0] | (p[1] << 8) | (p[2] << 16) | ((guint32) p[3] << 24);
}

static guint16
le16 (const guint8 *p)
{
  return p[0] | (p[1] << 8);
}

static guint64
le64 (const guint8 *p)
{
  return le32 (p) | ((guint64) le32 (p + 4) << 32);
}

static guint32
be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | (p[1] << 16) | (p[2] << 8) | p[3];
}

static guint16
be16 (const guint8 *p)
{
  return (p[0] << 8) | p[1];
}

/* AIFF stores its rate as an 80-bit IEEE 754 extended float. */
static guint
extended_to_uint (const guint8 *p)
{
  gint exponent = ((p[0] & 0x7F) << 8 | p[1]) - 16383 - 63;
  guint64 mantissa = ((guint64) be32 (p + 2) << 32) | be32 (p + 6);

  if ((p[0] & 0x80) != 0 || mantissa == 0)
    return 0;
  while (exponent < 0 && mantissa != 0)
    {
      mantissa >>= 1;
      exponent++;
    }
  if (exponent > 0 || mantissa > G_MAXUINT)
    return 0;
  return (guint) mantissa;
}

static gboolean
read_exact (GInputStream  *stream,
            guint8        *buffer,
            gsize          len,
            GCancellable  *cancellable,
            GError       **error)
{
  gsize got = 0;

  if (!g_input_stream_read_all (stream, buffer, len, &got, cancellable, error))
    return FALSE;
  if (got != len)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "truncated header");
      return FALSE;
    }
  return TRUE;
}

static gboolean
skip_exact (GInputStream  *stream,
            guint64        len,
            GCancellable  *cancellable,
            GError       **error)
{
  while (len > 0)
    {
      gssize skipped = g_input_stream_skip (stream, MIN (len, G_MAXSSIZE / 2), cancellable,
                                            error);

      if (skipped < 0)
        return FALSE;
      if (skipped == 0)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "truncated chunk");
          return FALSE;
        }
      len -= skipped;
    }
  return TRUE;
}

static gboolean
read_wav (GInputStream  *stream,
          gboolean       rf64,
          guint64        file_size,
          OctaAudioInfo *info,
          GCancellable  *cancellable,
          GError       **error)
{
  guint64 position = 12, ds64_data = 0;
  guint block_align = 0;
  gboolean have_fmt = FALSE;

  for (guint i = 0; i < MAX_CHUNKS; i++)
    {
      guint8 header[8];
      guint8 body[28];
      guint64 size;

      if (!read_exact (stream, header, 8, cancellable, error))
        return FALSE;
      position += 8;
      size = le32 (header + 4);

      if (memcmp (header, "fmt ", 4) == 0 && size >= 16)
        {
          if (!read_exact (stream, body, 16, cancellable, error))
            return FALSE;
          info->channels = le16 (body + 2);
          info->rate = le32 (body + 4);
          block_align = le16 (body + 12);
          info->bits = le16 (body + 14);
          have_fmt = TRUE;
          size -= 16;
          position += 16;
        }
      else if (memcmp (header, "ds64", 4) == 0 && size >= 24)
        {
          if (!read_exact (stream, body, 24, cancellable, error))
            return FALSE;
          ds64_data = le64 (body + 8);
          size -= 24;
          position += 24;
        }
      else if (memcmp (header, "data", 4) == 0)
        {
          if (!have_fmt || block_align == 0)
            {
              g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                                   "the data chunk comes before a valid fmt chunk");
              return FALSE;
            }
          if (rf64 && size == G_MAXUINT32)
            size = ds64_data;
          /* Recorders that stop early leave a too-large size. */
          if (file_size > position && size > file_size - position)
            size = file_size - position;
          info->frames = size / block_align;
          return TRUE;
        }

      if (!skip_exact (stream, size + (size & 1), cancellable, error))
        return FALSE;
      position += size + (size & 1);
    }

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "no data chunk");
  return FALSE;
}

static gboolean
read_aiff (GInputStream  *stream,
           OctaAudioInfo *info,
           GCancellable  *cancellable,
           GError       **error)
{
  for (guint i = 0; i < MAX_CHUNKS; i++)
    {
      guint8 header[8];
      guint8 body[18];
      guint64 size;

      if (!read_exact (stream, header, 8, cancellable, error))
        return FALSE;
      size = be32 (header + 4);

      if (memcmp (header, "COMM", 4) == 0 && size >= 18)
        {
          if (!read_exact (stream, body, 18, cancellable, error))
            return FALSE;
          info->channels = be16 (body);
          info->frames = be32 (body + 2);
          info->bits = be16 (body + 6);
          info->rate = extended_to_uint (body + 8);
          return TRUE;
        }

      if (!skip_exact (stream, size + (size & 1), cancellable, error))
        return FALSE;
    }

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "no COMM chunk");
  return FALSE;
}

/**
 * octa_audio_file_read_info:
 * @file: a WAV (RIFF, RF64) or AIFF/AIFC file
 * @info: (out caller-allocates): where to store what was found
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads a sample's frame count, rate, channels and bit depth from its
 * header, without reading the audio.
 *
 * Returns: %FALSE when @file cannot be read or is neither WAV nor AIFF
 */
gboolean
octa_audio_file_read_info (GFile          *file,
                           OctaAudioInfo  *info,
                           GCancellable   *cancellable,
                           GError        **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) file_info = NULL;
  g_autoptr(GError) local_error = NULL;
  guint8 header[12];
  OctaAudioInfo found = { 0, 0, 0, 0 };
  gboolean ok;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (info != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return FALSE;
  file_info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                              cancellable, error);
  if (file_info == NULL)
    return FALSE;

  if (!read_exact (G_INPUT_STREAM (stream), header, 12, cancellable, &local_error))
    ok = FALSE;
  else if ((memcmp (header, "RIFF", 4) == 0 || memcmp (header, "RF64", 4) == 0) &&
           memcmp (header + 8, "WAVE", 4) == 0)
    ok = read_wav (G_INPUT_STREAM (stream), memcmp (header, "RF64", 4) == 0,
                   g_file_info_get_size (file_info), &found, cancellable, &local_error);
  else if (memcmp (header, "FORM", 4) == 0 &&
           (memcmp (header + 8, "AIFF", 4) == 0 || memcmp (header + 8, "AIFC", 4) == 0))
    ok = read_aiff (G_INPUT_STREAM (stream), &found, cancellable, &local_error);
  else
    {
      g_set_error_literal (&local_error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "not a WAV or AIFF file");
      ok = FALSE;
    }

  if (!ok)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: %s", name,
                     local_error->message);
      return FALSE;
    }

  *info = found;
  return TRUE;
}

/* Files ------------------------------------------------------------------- */

static gboolean
files_identical (GFile         *a,
                 GFile         *b,
                 gboolean      *identical,
                 GError       **error)
{
  g_autoptr(GFileInputStream) sa = NULL;
  g_autoptr(GFileInputStream) sb = NULL;
  g_autofree guint8 *ba = g_malloc (CHUNK_SIZE);
  g_autofree guint8 *bb = g_malloc (CHUNK_SIZE);

  *identical = FALSE;
  sa = g_file_read (a, NULL, error);
  if (sa == NULL)
    return FALSE;
  sb = g_file_read (b, NULL, error);
  if (sb == NULL)
    return FALSE;

  for (;;)
    {
      gsize na = 0, nb = 0;

      if (!g_input_stream_read_all (G_INPUT_STREAM (sa), ba, CHUNK_SIZE, &na, NULL, error) ||
          !g_input_stream_read_all (G_INPUT_STREAM (sb), bb, CHUNK_SIZE, &nb, NULL, error))
        return FALSE;
      if (na != nb || memcmp (ba, bb, na) != 0)
        return TRUE;
      if (na < CHUNK_SIZE)
        break;
    }
  *identical = TRUE;
  return TRUE;
}

static char *
numbered_name (const char *name,
               guint       n)
{
  const char *dot = strrchr (name, '.');

  if (n == 1)
    return g_strdup (name);
  if (dot == NULL || dot == name)
    return g_strdup_printf ("%s-%u", name, n);
  return g_strdup_printf ("%.*s-%u%s", (int) (dot - name), name, n, dot);
}

/*
 * Where @source goes in @dir: its own name, or "name-2.wav", "name-3.wav"…
 * when a different file already has the name. A file there with the same
 * bytes is used as it is (*copy = FALSE).
 */
static GFile *
choose_destination (GFile       *dir,
                    GFile       *source,
                    gboolean    *copy,
                    GError     **error)
{
  g_autofree char *name = g_file_get_basename (source);

  for (guint n = 1; n <= MAX_NAME_TRIES; n++)
    {
      g_autofree char *candidate = numbered_name (name, n);
      g_autoptr(GFile) dest = g_file_get_child (dir, candidate);
      gboolean identical;

      if (g_file_equal (dest, source))
        {
          *copy = FALSE;
          return g_steal_pointer (&dest);
        }
      if (g_file_query_file_type (dest, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_UNKNOWN)
        {
          *copy = TRUE;
          return g_steal_pointer (&dest);
        }
      if (!files_identical (dest, source, &identical, error))
        return NULL;
      if (identical)
        {
          *copy = FALSE;
          return g_steal_pointer (&dest);
        }
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
               "%s: too many different files with this name in the destination folder", name);
  return NULL;
}

/* Slots ------------------------------------------------------------------- */

/**
 * octa_project_find_free_slot:
 * @project: a project
 * @kind: the kind of slot
 *
 * Returns: the lowest unused slot number of @kind, or 0 when all are used
 */
guint
octa_project_find_free_slot (OctaProject  *project,
                             OctaSlotKind  kind)
{
  OctaProjectFile *file;

  g_return_val_if_fail (OCTA_IS_PROJECT (project), 0);
  g_return_val_if_fail (kind <= OCTA_SLOT_KIND_RECORDER, 0);

  file = _octa_project_get_project_file (project, OCTA_STATE_WORK);
  for (guint n = 1; n <= octa_slot_kind_get_n_slots (kind); n++)
    if (!_octa_slot_text_used (file, kind, n))
      return n;
  return 0;
}

typedef struct
{
  OctaSlotKind kind;
  guint        number;
  const char  *path;
} AssignEdit;

/* A used Flex or Static slot starts over with a new block, so the previous
 * sample's length, gain and modes do not stick to the new one. */
static gboolean
edit_assign (OctaProjectFile  *file,
             gpointer          user_data,
             GError          **error)
{
  AssignEdit *edit = user_data;

  if (edit->kind != OCTA_SLOT_KIND_RECORDER &&
      !_octa_slot_text_clear (file, edit->kind, edit->number, error))
    return FALSE;
  return _octa_slot_text_set_path (file, edit->kind, edit->number, edit->path, error);
}

static const char *
kind_word (OctaSlotKind kind)
{
  switch (kind)
    {
    case OCTA_SLOT_KIND_FLEX:
      return "Flex slot";
    case OCTA_SLOT_KIND_STATIC:
      return "Static slot";
    case OCTA_SLOT_KIND_RECORDER:
    default:
      return "recorder buffer";
    }
}

/**
 * octa_project_add_sample:
 * @project: a project saved in a folder
 * @kind: the kind of slot
 * @number: the slot number, or 0 for the first free one
 * @audio: the sample file
 * @mode: where to copy the file
 * @error: return location for a #GError
 *
 * Copies @audio into the project folder or the set's audio pool and
 * assigns it to a slot. A different file already bearing the name is never
 * overwritten: the copy gets a numbered name ("kick-2.wav"); an identical
 * file is used without copying. The slot gets a new `[SAMPLE]` block with
 * the device's defaults and, when @audio has a WAV or AIFF header, its
 * trim end set to the frame count, as the device does on assignment.
 *
 * The slot change is one undo step. The copied file is not deleted by an
 * undo: it stays in the folder.
 *
 * Returns: the slot number used, or 0 with @error set
 */
guint
octa_project_add_sample (OctaProject         *project,
                         OctaSlotKind         kind,
                         guint                number,
                         GFile               *audio,
                         OctaSamplePoolMode   mode,
                         GError             **error)
{
  g_autofree char *folder = NULL;
  g_autoptr(GFile) folder_file = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GFile) dest = NULL;
  g_autoptr(OctaProjectFile) scratch = NULL;
  g_autofree char *name = NULL;
  g_autofree char *name_utf8 = NULL;
  g_autofree char *path = NULL;
  OctaAudioInfo info = { 0, 0, 0, 0 };
  gboolean have_info, copy = TRUE;
  OctaSlotType type;
  guint slot;
  AssignEdit edit;
  gboolean ok;

  g_return_val_if_fail (OCTA_IS_PROJECT (project), 0);
  g_return_val_if_fail (kind <= OCTA_SLOT_KIND_RECORDER, 0);
  g_return_val_if_fail (number <= octa_slot_kind_get_n_slots (kind), 0);
  g_return_val_if_fail (G_IS_FILE (audio), 0);
  g_return_val_if_fail (mode == OCTA_SAMPLE_POOL_MODE_COPY_TO_PROJECT ||
                        mode == OCTA_SAMPLE_POOL_MODE_SET_POOL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  folder = _octa_project_dup_folder (project, error);
  if (folder == NULL)
    return 0;

  if (g_file_query_file_type (audio, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_REGULAR)
    {
      g_autofree char *where = g_file_get_parse_name (audio);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   "%s: not a sample file", where);
      return 0;
    }

  if (number == 0)
    number = octa_project_find_free_slot (project, kind);
  if (number == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   "%s: every %s is in use", octa_project_get_name (project), kind_word (kind));
      return 0;
    }

  folder_file = g_file_new_for_path (folder);
  if (mode == OCTA_SAMPLE_POOL_MODE_SET_POOL)
    {
      g_autoptr(GFile) set = g_file_get_parent (folder_file);
      g_autoptr(GError) local_error = NULL;

      dir = g_file_get_child (set, "AUDIO");
      if (!g_file_make_directory_with_parents (dir, NULL, &local_error) &&
          !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return 0;
        }
    }
  else
    {
      dir = g_object_ref (folder_file);
    }

  dest = choose_destination (dir, audio, &copy, error);
  if (dest == NULL)
    return 0;

  name = g_file_get_basename (dest);
  name_utf8 = g_filename_to_utf8 (name, -1, NULL, NULL, error);
  if (name_utf8 == NULL)
    return 0;
  path = mode == OCTA_SAMPLE_POOL_MODE_SET_POOL ? g_strconcat ("../AUDIO/", name_utf8, NULL)
                                                : g_strdup (name_utf8);

  /* Find out whether the path can be stored before copying anything. */
  edit.kind = kind;
  edit.number = number;
  edit.path = path;
  scratch = octa_project_file_copy (_octa_project_get_project_file (project, OCTA_STATE_WORK));
  if (!edit_assign (scratch, &edit, error))
    return 0;

  have_info = octa_audio_file_read_info (audio, &info, NULL, NULL);

  if (copy && !g_file_copy (audio, dest, G_FILE_COPY_NONE, NULL, NULL, NULL, error))
    return 0;

  _octa_slot_to_codec (kind, number, &type, &slot);
  octa_project_begin_change (project, "Add sample");
  ok = _octa_project_edit_text (project, OCTA_STATE_WORK, NULL, edit_assign, &edit, error);
  if (ok)
    {
      OctaMarkersFile *markers = _octa_project_get_markers_file (project, OCTA_STATE_WORK);

      octa_markers_file_clear_slot (markers, type, slot);
      if (have_info)
        octa_markers_file_set_trim_end (markers, type, slot,
                                        (guint32) MIN (info.frames, G_MAXUINT32));
    }
  octa_project_end_change (project);

  return ok ? number : 0;
}

/**
 * octa_project_remove_sample:
 * @project: a project
 * @kind: the kind of slot
 * @number: 1…128, or 1…8 for a recorder buffer
 * @error: return location for a #GError
 *
 * Unassigns a slot's sample, as octa_sample_slot_clear() does, in one undo
 * step. The sample file stays where it is. An unused slot is left as it is.
 *
 * Returns: %TRUE on success
 */
gboolean
octa_project_remove_sample (OctaProject   *project,
                            OctaSlotKind   kind,
                            guint          number,
                            GError       **error)
{
  g_autoptr(OctaSampleSlot) slot = NULL;

  g_return_val_if_fail (OCTA_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (kind <= OCTA_SLOT_KIND_RECORDER, FALSE);
  g_return_val_if_fail (number >= 1 && number <= octa_slot_kind_get_n_slots (kind), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  slot = octa_project_get_sample_slot (project, kind, number);
  if (octa_sample_slot_get_used (slot))
    octa_sample_slot_clear (slot);
  return TRUE;
}

/* Deduplication ----------------------------------------------------------- */

typedef struct
{
  guint   number;
  GFile  *file;
  goffset size;
  char   *digest;
} Candidate;

static void
candidate_clear (gpointer data)
{
  Candidate *c = data;

  g_clear_object (&c->file);
  g_clear_pointer (&c->digest, g_free);
}

static char *
file_digest (GFile   *file,
             GError **error)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, error);
  g_autoptr(GChecksum) checksum = NULL;
  g_autofree guint8 *buffer = NULL;

  if (stream == NULL)
    return NULL;
  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  buffer = g_malloc (CHUNK_SIZE);
  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, CHUNK_SIZE, NULL, error);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      g_checksum_update (checksum, buffer, n);
    }
  return g_strdup (g_checksum_get_string (checksum));
}

/*
 * Fills @map (slot index → slot index, 0-based) for one kind: every used
 * slot whose file has the same bytes as a lower slot's maps to the lowest.
 * Slots whose file is missing are left alone.
 */
static gboolean
find_duplicates (OctaProject   *project,
                 OctaSlotKind   kind,
                 guint8        *map,
                 guint         *n_merged,
                 GError       **error)
{
  OctaProjectFile *file = _octa_project_get_project_file (project, OCTA_STATE_WORK);
  g_autoptr(GArray) candidates = g_array_new (FALSE, TRUE, sizeof (Candidate));

  g_array_set_clear_func (candidates, candidate_clear);
  for (guint i = 0; i < OCTA_N_SLOTS; i++)
    map[i] = i;

  for (guint n = 1; n <= OCTA_N_SLOTS; n++)
    {
      g_autofree char *path = NULL;
      g_autoptr(GFileInfo) info = NULL;
      Candidate c = { n, NULL, 0, NULL };
      OctaSlotType type;
      guint slot;

      _octa_slot_to_codec (kind, n, &type, &slot);
      path = octa_project_file_dup_sample_path (file, type, slot);
      c.file = _octa_project_resolve_sample (project, path);
      if (c.file == NULL)
        continue;
      info = g_file_query_info (c.file, G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                                G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
      if (info == NULL || g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
        {
          g_object_unref (c.file);
          continue;
        }
      c.size = g_file_info_get_size (info);
      g_array_append_val (candidates, c);
    }

  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *c = &g_array_index (candidates, Candidate, i);

      for (guint j = 0; j < i; j++)
        {
          Candidate *keep = &g_array_index (candidates, Candidate, j);
          gboolean identical = FALSE;

          if (map[keep->number - 1] != keep->number - 1 || keep->size != c->size)
            continue;

          if (keep->digest == NULL && (keep->digest = file_digest (keep->file, error)) == NULL)
            return FALSE;
          if (c->digest == NULL && (c->digest = file_digest (c->file, error)) == NULL)
            return FALSE;
          if (!g_str_equal (keep->digest, c->digest))
            continue;
          /* Equal digests; compare the bytes all the same. */
          if (!files_identical (keep->file, c->file, &identical, error))
            return FALSE;
          if (identical)
            {
              map[c->number - 1] = keep->number - 1;
              (*n_merged)++;
              break;
            }
        }
    }
  return TRUE;
}

static void
remap_byte (guint8       *value,
            const guint8 *map)
{
  if (*value < OCTA_N_SLOTS)
    *value = map[*value];
}

/*
 * Sample locks name a slot of the pool the track's machine plays from, in
 * the part the pattern uses; part slot assignments name one of each.
 */
static void
remap_bank (OctaBankFile *bank,
            const guint8 *flex_map,
            const guint8 *static_map)
{
  for (guint p = 0; p < OCTA_N_PATTERNS; p++)
    {
      guint part = octa_bank_file_get_pattern_part (bank, p) % OCTA_N_PARTS;

      for (guint t = 0; t < OCTA_N_TRACKS; t++)
        {
          OctaMachineType machine = octa_bank_file_get_machine (bank, part, OCTA_PART_UNSAVED, t);
          const guint8 *map;

          if (machine == OCTA_MACHINE_FLEX)
            map = flex_map;
          else if (machine == OCTA_MACHINE_STATIC)
            map = static_map;
          else
            continue;

          for (guint s = 0; s < OCTA_N_STEPS; s++)
            {
              gint lock = octa_bank_file_get_sample_lock (bank, p, t, s);

              if (lock >= 0 && lock < OCTA_N_SLOTS && map[lock] != lock)
                octa_bank_file_set_sample_lock (bank, p, t, s, map[lock]);
            }
        }
    }

  for (guint part = 0; part < OCTA_N_PARTS; part++)
    for (guint copy = OCTA_PART_UNSAVED; copy <= OCTA_PART_SAVED; copy++)
      for (guint t = 0; t < OCTA_N_TRACKS; t++)
        {
          guint8 static_slot = octa_bank_file_get_part_value (bank, part, copy,
                                                              OCTA_PART_AREA_SLOTS, t, 0);
          guint8 flex_slot = octa_bank_file_get_part_value (bank, part, copy,
                                                            OCTA_PART_AREA_SLOTS, t, 1);

          remap_byte (&static_slot, static_map);
          remap_byte (&flex_slot, flex_map);
          octa_bank_file_set_part_value (bank, part, copy, OCTA_PART_AREA_SLOTS, t, 0,
                                         static_slot);
          octa_bank_file_set_part_value (bank, part, copy, OCTA_PART_AREA_SLOTS, t, 1,
                                         flex_slot);
        }
}

typedef struct
{
  const guint8 *maps[2];
} ClearEdit;

static const OctaSlotKind dedup_kinds[2] = { OCTA_SLOT_KIND_FLEX, OCTA_SLOT_KIND_STATIC };

static gboolean
edit_clear_merged (OctaProjectFile  *file,
                   gpointer          user_data,
                   GError          **error)
{
  ClearEdit *edit = user_data;

  for (guint k = 0; k < 2; k++)
    for (guint i = 0; i < OCTA_N_SLOTS; i++)
      if (edit->maps[k][i] != i &&
          !_octa_slot_text_clear (file, dedup_kinds[k], i + 1, error))
        return FALSE;
  return TRUE;
}

/**
 * octa_project_deduplicate_samples:
 * @project: a project saved in a folder
 * @error: return location for a #GError
 *
 * Finds Flex (and, separately, Static) slots whose sample files have
 * identical bytes and keeps only the lowest-numbered slot of each group:
 * the sample locks of all 16 banks and the slot assignments of every part
 * (edited and saved copies) that named a merged slot now name the kept
 * one, and the merged slots are cleared (block and markers). The kept slot
 * keeps its own settings and markers. It is one undo step; the sample files
 * are not touched. Recorder buffers and slots whose file is missing are
 * left alone.
 *
 * Sample locks are remapped according to the machine each track has in
 * the edited copy of the part its pattern uses; locks on tracks playing
 * neither Flex nor Static machines stay as they are.
 *
 * Returns: how many slots were merged into others (0 when there were no
 *   duplicates, or on error)
 */
guint
octa_project_deduplicate_samples (OctaProject  *project,
                                  GError      **error)
{
  g_autofree char *folder = NULL;
  guint8 maps[2][OCTA_N_SLOTS];
  guint n_merged = 0;
  ClearEdit edit;
  gboolean ok;

  g_return_val_if_fail (OCTA_IS_PROJECT (project), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  folder = _octa_project_dup_folder (project, error);
  if (folder == NULL)
    return 0;

  for (guint k = 0; k < 2; k++)
    if (!find_duplicates (project, dedup_kinds[k], maps[k], &n_merged, error))
      return 0;
  if (n_merged == 0)
    return 0;

  edit.maps[0] = maps[0];
  edit.maps[1] = maps[1];
  octa_project_begin_change (project, "Merge duplicate samples");
  ok = _octa_project_edit_text (project, OCTA_STATE_WORK, NULL, edit_clear_merged, &edit, error);
  if (ok)
    {
      for (guint k = 0; k < 2; k++)
        for (guint i = 0; i < OCTA_N_SLOTS; i++)
          if (maps[k][i] != i)
            _octa_slot_markers_clear (project, dedup_kinds[k], i + 1);
      for (guint b = 0; b < OCTA_N_BANKS; b++)
        remap_bank (_octa_project_get_bank_file (project, b, OCTA_STATE_WORK), maps[0], maps[1]);
    }
  octa_project_end_change (project);

  return ok ? n_merged : 0;
}
