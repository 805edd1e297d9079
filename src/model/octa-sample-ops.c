/* SPDX-License-Identifier: MIT */
#include "octa-sample-ops.h"

#include <sndfile.h>
#include <string.h>

#include "octa-sample-slot-private.h"
#include "octa-slot-ot.h"

/*
 * Keeping a project's samples playable: what the device can play, bringing
 * files into slots, moving slots with everything that names them, finding
 * missing files again and dropping slots nothing plays.
 */

/* What the device's RAM holds for Flex samples and recorder buffers:
 * 85.5 MB, as the MEMORY page shows it. */
#define OCTA_FLEX_MEMORY     ((guint64) (85.5 * 1024 * 1024))
#define OCTA_DEVICE_RATE     44100
#define MAX_RELINK_DEPTH     16

/* Sample info ------------------------------------------------------------- */

G_DEFINE_BOXED_TYPE (OctaSampleInfo, octa_sample_info, octa_sample_info_copy,
                     octa_sample_info_free)

/**
 * octa_sample_info_copy:
 * @info: a sample info
 *
 * Returns: (transfer full): a copy of @info
 */
OctaSampleInfo *
octa_sample_info_copy (const OctaSampleInfo *info)
{
  OctaSampleInfo *copy;

  g_return_val_if_fail (info != NULL, NULL);

  copy = g_new (OctaSampleInfo, 1);
  *copy = *info;
  copy->format = g_strdup (info->format);
  copy->problem = g_strdup (info->problem);
  copy->reason = g_strdup (info->reason);
  return copy;
}

/**
 * octa_sample_info_free:
 * @info: a sample info
 *
 * Frees @info.
 */
void
octa_sample_info_free (OctaSampleInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->format);
  g_free (info->problem);
  g_free (info->reason);
  g_free (info);
}

static OctaSampleInfo *
info_new (OctaSampleStatus status)
{
  OctaSampleInfo *info = g_new0 (OctaSampleInfo, 1);

  info->status = status;
  return info;
}

static void
set_problem (OctaSampleInfo   *info,
             OctaSampleStatus  status,
             const char       *problem,
             const char       *reason)
{
  info->status = status;
  g_free (info->problem);
  g_free (info->reason);
  info->problem = g_strdup (problem);
  info->reason = g_strdup (reason);
}

/* Names by extension, for files libsndfile cannot open (MP3 with older
 * builds, AAC, …): the fault is still worth saying in words. */
static const char *
format_from_extension (const char *name)
{
  static const struct {
    const char *ext;
    const char *format;
  } known[] = {
    { ".mp3", "MP3" }, { ".flac", "FLAC" }, { ".ogg", "Ogg" }, { ".oga", "Ogg" },
    { ".opus", "Opus" }, { ".m4a", "AAC" }, { ".aac", "AAC" }, { ".wma", "WMA" },
  };
  g_autofree char *lower = g_ascii_strdown (name, -1);

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (g_str_has_suffix (lower, known[i].ext))
      return known[i].format;
  return NULL;
}

static const char *
major_format_name (int major,
                   gboolean *playable)
{
  *playable = FALSE;
  switch (major)
    {
    case SF_FORMAT_WAV:
    case SF_FORMAT_WAVEX:
    case SF_FORMAT_RF64:
      *playable = TRUE;
      return "WAV";
    case SF_FORMAT_AIFF:
      *playable = TRUE;
      return "AIFF";
    case SF_FORMAT_FLAC:
      return "FLAC";
    case SF_FORMAT_OGG:
      return "Ogg";
#ifdef SF_FORMAT_MPEG
    case SF_FORMAT_MPEG:
      return "MP3";
#endif
    case SF_FORMAT_AU:
      return "AU";
    case SF_FORMAT_CAF:
      return "CAF";
    case SF_FORMAT_W64:
      return "W64";
    default:
      return NULL;
    }
}

/* Bits per sample, 0 for compressed encodings; *is_float for float data. */
static guint
subformat_bits (int       sub,
                gboolean *is_float)
{
  *is_float = FALSE;
  switch (sub)
    {
    case SF_FORMAT_PCM_S8:
    case SF_FORMAT_PCM_U8:
      return 8;
    case SF_FORMAT_PCM_16:
      return 16;
    case SF_FORMAT_PCM_24:
      return 24;
    case SF_FORMAT_PCM_32:
      return 32;
    case SF_FORMAT_FLOAT:
      *is_float = TRUE;
      return 32;
    case SF_FORMAT_DOUBLE:
      *is_float = TRUE;
      return 64;
    default:
      return 0;
    }
}

static char *
rate_words (guint rate)
{
  g_autofree char *khz = g_strdup_printf ("%.2f", rate / 1000.0);
  char *end = khz + strlen (khz) - 1;

  /* "48 kHz", "22.05 kHz", "44.1 kHz" */
  while (*end == '0')
    *end-- = '\0';
  if (*end == '.')
    *end = '\0';
  return g_strdup_printf ("%s kHz", khz);
}

static gboolean
has_known_magic (GFile        *file,
                 GCancellable *cancellable)
{
  static const char *const magics[] = { "RIFF", "RF64", "FORM", "fLaC", "OggS", "caff", ".snd",
                                        "riff", "BW64" };
  g_autoptr(GFileInputStream) stream = g_file_read (file, cancellable, NULL);
  guint8 head[4];
  gsize got = 0;

  if (stream == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), head, sizeof head, &got, cancellable,
                                NULL) || got < sizeof head)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (magics); i++)
    if (memcmp (head, magics[i], 4) == 0)
      return TRUE;
  return FALSE;
}

/**
 * octa_sample_info_read:
 * @file: a sample file
 * @cancellable: (nullable): a #GCancellable
 *
 * Reads @file's audio format with libsndfile and says whether the
 * Octatrack plays it: WAV or AIFF, 44.1 kHz, 16 or 24 bits, mono or
 * stereo. Faults are spelled out in #OctaSampleInfo.reason in the device's
 * terms. Never fails: a file that is not there is
 * %OCTA_SAMPLE_STATUS_MISSING, one that is not audio
 * %OCTA_SAMPLE_STATUS_UNREADABLE.
 *
 * Returns: (transfer full): what was found
 */
OctaSampleInfo *
octa_sample_info_read (GFile        *file,
                       GCancellable *cancellable)
{
  g_autoptr(GFileInfo) file_info = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  OctaSampleInfo *info;
  const char *by_extension;
  const char *format;
  SF_INFO sf_info = { 0 };
  SNDFILE *sf;
  gboolean playable, is_float;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  file_info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                 G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                                 cancellable, NULL);
  if (file_info == NULL)
    {
      info = info_new (OCTA_SAMPLE_STATUS_MISSING);
      set_problem (info, OCTA_SAMPLE_STATUS_MISSING, "Missing", "the file is not there");
      return info;
    }

  info = info_new (OCTA_SAMPLE_STATUS_OK);
  info->size = g_file_info_get_size (file_info);
  name = g_file_get_basename (file);
  by_extension = format_from_extension (name);

  if (g_file_info_get_file_type (file_info) != G_FILE_TYPE_REGULAR)
    {
      set_problem (info, OCTA_SAMPLE_STATUS_UNREADABLE, "Not a file", "not an audio file");
      return info;
    }

  path = g_file_get_path (file);
  /* Only containers libsndfile knows by their magic: handed anything else
   * its MP3 decoder guesses at frames and prints about it. */
  sf = path != NULL && has_known_magic (file, cancellable)
       ? sf_open (path, SFM_READ, &sf_info) : NULL;
  if (sf == NULL)
    {
      if (by_extension != NULL)
        {
          g_autofree char *reason = g_strdup_printf ("%s — needs WAV or AIFF", by_extension);

          info->format = g_strdup (by_extension);
          set_problem (info, OCTA_SAMPLE_STATUS_INCOMPATIBLE, by_extension, reason);
        }
      else
        {
          set_problem (info, OCTA_SAMPLE_STATUS_UNREADABLE, "Unreadable",
                       "not an audio file the Octatrack can read");
        }
      return info;
    }
  sf_close (sf);

  format = major_format_name (sf_info.format & SF_FORMAT_TYPEMASK, &playable);
  info->format = g_strdup (format != NULL ? format : by_extension);
  info->frames = sf_info.frames;
  info->rate = sf_info.samplerate;
  info->channels = sf_info.channels;
  info->bits = subformat_bits (sf_info.format & SF_FORMAT_SUBMASK, &is_float);

  if (!playable)
    {
      const char *what = info->format != NULL ? info->format : "This format";
      g_autofree char *reason = g_strdup_printf ("%s — needs WAV or AIFF", what);

      set_problem (info, OCTA_SAMPLE_STATUS_INCOMPATIBLE, what, reason);
    }
  else if (info->rate != OCTA_DEVICE_RATE)
    {
      g_autofree char *rate = rate_words (info->rate);
      g_autofree char *reason = g_strdup_printf ("%s — the Octatrack plays 44.1 kHz", rate);

      set_problem (info, OCTA_SAMPLE_STATUS_INCOMPATIBLE, rate, reason);
    }
  else if (is_float || (info->bits != 16 && info->bits != 24))
    {
      g_autofree char *depth = info->bits == 0 ? g_strdup ("Compressed")
                               : g_strdup_printf (is_float ? "%u-bit float" : "%u-bit",
                                                  info->bits);
      g_autofree char *reason = g_strdup_printf ("%s — the Octatrack plays 16 or 24 bits",
                                                 depth);

      set_problem (info, OCTA_SAMPLE_STATUS_INCOMPATIBLE, depth, reason);
    }
  else if (info->channels < 1 || info->channels > 2)
    {
      g_autofree char *count = g_strdup_printf ("%u channels", info->channels);
      g_autofree char *reason = g_strdup_printf ("%s — the Octatrack plays mono or stereo",
                                                 count);

      set_problem (info, OCTA_SAMPLE_STATUS_INCOMPATIBLE, count, reason);
    }
  return info;
}

/**
 * octa_sample_slot_read_info:
 * @slot: a sample slot
 *
 * Reads the format of the file @slot names, as octa_sample_info_read()
 * does; an unused slot is %OCTA_SAMPLE_STATUS_EMPTY.
 *
 * Returns: (transfer full): what was found
 */
OctaSampleInfo *
octa_sample_slot_read_info (OctaSampleSlot *slot)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (OCTA_IS_SAMPLE_SLOT (slot), NULL);

  path = octa_sample_slot_dup_path (slot);
  if (path == NULL || *path == '\0')
    return info_new (OCTA_SAMPLE_STATUS_EMPTY);
  file = _octa_project_resolve_sample (octa_sample_slot_get_project (slot), path);
  if (file == NULL)
    {
      OctaSampleInfo *info = info_new (OCTA_SAMPLE_STATUS_MISSING);

      set_problem (info, OCTA_SAMPLE_STATUS_MISSING, "Missing",
                   "the project is not in a folder, so its samples cannot be found");
      return info;
    }
  return octa_sample_info_read (file, NULL);
}

/* Import ------------------------------------------------------------------ */

static const char *
kind_name (OctaSlotKind kind)
{
  return kind == OCTA_SLOT_KIND_STATIC ? "Static" : "Flex";
}

static gboolean
looks_like_audio (const char *name)
{
  static const char *const exts[] = {
    ".wav", ".wave", ".aif", ".aiff", ".aifc", ".mp3", ".flac", ".ogg", ".m4a", ".aac",
  };
  g_autofree char *lower = g_ascii_strdown (name, -1);

  for (guint i = 0; i < G_N_ELEMENTS (exts); i++)
    if (g_str_has_suffix (lower, exts[i]))
      return TRUE;
  return FALSE;
}

static gint
compare_files_by_name (gconstpointer a,
                       gconstpointer b)
{
  g_autofree char *na = g_file_get_basename (*(GFile **) a);
  g_autofree char *nb = g_file_get_basename (*(GFile **) b);

  return g_utf8_collate (na, nb);
}

/* A dropped folder stands for the audio files in it, by name. */
static gboolean
expand_files (GFile     **files,
              guint       n_files,
              GPtrArray  *out,
              GError    **error)
{
  for (guint i = 0; i < n_files; i++)
    {
      g_autoptr(GFileEnumerator) children = NULL;
      g_autoptr(GPtrArray) found = NULL;

      if (g_file_query_file_type (files[i], G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_DIRECTORY)
        {
          g_ptr_array_add (out, g_object_ref (files[i]));
          continue;
        }

      children = g_file_enumerate_children (files[i], G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                            G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                            G_FILE_ATTRIBUTE_STANDARD_IS_HIDDEN,
                                            G_FILE_QUERY_INFO_NONE, NULL, error);
      if (children == NULL)
        return FALSE;
      found = g_ptr_array_new_with_free_func (g_object_unref);
      for (;;)
        {
          GFileInfo *child;

          if (!g_file_enumerator_iterate (children, &child, NULL, NULL, error))
            return FALSE;
          if (child == NULL)
            break;
          if (g_file_info_get_file_type (child) == G_FILE_TYPE_REGULAR &&
              !g_file_info_get_is_hidden (child) &&
              looks_like_audio (g_file_info_get_name (child)))
            g_ptr_array_add (found, g_file_get_child (files[i], g_file_info_get_name (child)));
        }
      g_ptr_array_sort (found, compare_files_by_name);
      for (guint j = 0; j < found->len; j++)
        g_ptr_array_add (out, g_object_ref (found->pdata[j]));
    }
  return TRUE;
}

/*
 * The slots @n files go to. From @number on when given: that slot, then
 * the next free ones after it. Otherwise the first run of @n free slots,
 * or failing that the free slots in order.
 */
static gboolean
choose_slots (OctaProject  *project,
              OctaSlotKind  kind,
              guint         number,
              guint         n,
              guint        *slots,
              GError      **error)
{
  OctaProjectFile *file = _octa_project_get_project_file (project, OCTA_STATE_WORK);
  guint found = 0;

  if (number != 0)
    {
      slots[found++] = number;
      for (guint s = number + 1; s <= OCTA_N_SLOTS && found < n; s++)
        if (!_octa_slot_text_used (file, kind, s))
          slots[found++] = s;
    }
  else
    {
      guint run = 0;

      for (guint s = 1; s <= OCTA_N_SLOTS; s++)
        {
          run = _octa_slot_text_used (file, kind, s) ? 0 : run + 1;
          if (run == n)
            {
              for (guint i = 0; i < n; i++)
                slots[i] = s - n + 1 + i;
              return TRUE;
            }
        }
      for (guint s = 1; s <= OCTA_N_SLOTS && found < n; s++)
        if (!_octa_slot_text_used (file, kind, s))
          slots[found++] = s;
    }

  if (found < n)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   "%u samples but only %u free %s slots%s; nothing was imported", n, found,
                   kind_name (kind), number != 0 ? " from there on" : "");
      return FALSE;
    }
  return TRUE;
}

/* The device keeps a sample's attributes and markers in "name.ot" beside
 * "name.wav": an import takes them along, so a sliced loop arrives sliced.
 * A sidecar that can't be read leaves the slot with its defaults: the
 * sample itself is fine. */
static void
apply_sidecar (OctaProject  *project,
               OctaSlotKind  kind,
               guint         number,
               GFile        *audio)
{
  g_autofree char *base = g_file_get_basename (audio);
  g_autoptr(GFile) parent = g_file_get_parent (audio);
  g_autoptr(GFile) ot = NULL;
  g_autoptr(GError) error = NULL;
  char *dot = strrchr (base, '.');
  g_autofree char *name = NULL;

  if (parent == NULL)
    return;
  if (dot != NULL && dot != base)
    *dot = '\0';
  name = g_strconcat (base, ".ot", NULL);
  ot = g_file_get_child (parent, name);
  if (!g_file_query_exists (ot, NULL))
    return;
  if (!octa_project_apply_ot_file (project, kind, number, ot, &error))
    g_debug ("%s", error->message);
}

/**
 * octa_project_import_samples:
 * @project: a project saved in a folder
 * @kind: %OCTA_SLOT_KIND_FLEX or %OCTA_SLOT_KIND_STATIC
 * @number: the slot the first file goes to, or 0 for the first run of free
 *   slots
 * @files: (array length=n_files): sample files; a folder stands for the
 *   audio files in it, sorted by name
 * @n_files: the number of @files
 * @mode: whether the files are copied into the project folder or the set's
 *   audio pool
 * @error: return location for a #GError
 *
 * Assigns sample files to slots as octa_project_add_sample() does, in one
 * undo step. With @number, the first file replaces what that slot held and
 * the others go to the next free slots after it.
 *
 * Every file is checked first: when one is not audio the Octatrack plays
 * (octa_sample_info_read()), or there are not enough free slots, nothing is
 * copied and the project is unchanged; @error names each refused file and
 * its reason, one a line.
 *
 * Returns: the slot the first file went to, or 0 with @error set
 */
guint
octa_project_import_samples (OctaProject         *project,
                             OctaSlotKind         kind,
                             guint                number,
                             GFile              **files,
                             guint                n_files,
                             OctaSamplePoolMode   mode,
                             GError             **error)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GString) refused = g_string_new (NULL);
  g_autofree char *folder = NULL;
  g_autofree guint *slots = NULL;
  g_autoptr(GError) local_error = NULL;
  guint n_refused = 0;
  guint first = 0;

  g_return_val_if_fail (OCTA_IS_PROJECT (project), 0);
  g_return_val_if_fail (number <= OCTA_N_SLOTS, 0);
  g_return_val_if_fail (files != NULL || n_files == 0, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (kind != OCTA_SLOT_KIND_FLEX && kind != OCTA_SLOT_KIND_STATIC)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           "Recorder buffers are filled by the device's recorders; "
                           "nothing was imported");
      return 0;
    }

  folder = _octa_project_dup_folder (project, error);
  if (folder == NULL)
    return 0;
  if (!expand_files (files, n_files, all, error))
    return 0;
  if (all->len == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           "No audio files to import; nothing was imported");
      return 0;
    }

  for (guint i = 0; i < all->len; i++)
    {
      g_autoptr(OctaSampleInfo) info = octa_sample_info_read (all->pdata[i], NULL);

      if (info->status != OCTA_SAMPLE_STATUS_OK)
        {
          g_autofree char *name = g_file_get_basename (all->pdata[i]);
          g_autofree char *utf8 = g_filename_display_name (name);

          g_string_append_printf (refused, "%s%s: %s", refused->len > 0 ? "\n" : "", utf8,
                                  info->reason);
          n_refused++;
        }
    }
  if (n_refused > 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s", refused->str);
      return 0;
    }

  slots = g_new0 (guint, all->len);
  if (!choose_slots (project, kind, number, all->len, slots, error))
    return 0;

  octa_project_begin_change (project, all->len == 1 ? "Add sample" : "Add samples");
  for (guint i = 0; i < all->len; i++)
    {
      if (octa_project_add_sample (project, kind, slots[i], all->pdata[i], mode,
                                   &local_error) == 0)
        break;
      apply_sidecar (project, kind, slots[i], all->pdata[i]);
      if (i == 0)
        first = slots[0];
    }
  octa_project_end_change (project);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return 0;
    }
  return first;
}

/* References -------------------------------------------------------------- */

G_DEFINE_BOXED_TYPE (OctaSlotReference, octa_slot_reference, octa_slot_reference_copy,
                     octa_slot_reference_free)

/**
 * octa_slot_reference_copy:
 * @ref: a slot reference
 *
 * Returns: (transfer full): a copy of @ref
 */
OctaSlotReference *
octa_slot_reference_copy (const OctaSlotReference *ref)
{
  return g_memdup2 (ref, sizeof *ref);
}

/**
 * octa_slot_reference_free:
 * @ref: a slot reference
 *
 * Frees @ref.
 */
void
octa_slot_reference_free (OctaSlotReference *ref)
{
  g_free (ref);
}

/**
 * octa_slot_reference_dup_label:
 * @ref: a slot reference
 *
 * Returns: (transfer full): @ref in words: "B07 T1 step 5" for a sample
 *   lock, "Bank B Part 1 T3" for a part assignment ("… (saved)" when only
 *   the part's saved copy has it)
 */
char *
octa_slot_reference_dup_label (const OctaSlotReference *ref)
{
  g_return_val_if_fail (ref != NULL, NULL);

  if (ref->kind == OCTA_SLOT_REFERENCE_LOCK)
    return g_strdup_printf ("%c%02u T%u step %u", 'A' + ref->bank, ref->pattern + 1,
                            ref->track + 1, ref->step + 1);
  return g_strdup_printf ("Bank %c Part %u T%u%s", 'A' + ref->bank, ref->part + 1,
                          ref->track + 1, ref->saved ? " (saved)" : "");
}

static OctaMachineType
kind_machine (OctaSlotKind kind)
{
  return kind == OCTA_SLOT_KIND_STATIC ? OCTA_MACHINE_STATIC : OCTA_MACHINE_FLEX;
}

static guint
kind_column (OctaSlotKind kind)
{
  return kind == OCTA_SLOT_KIND_STATIC ? 0 : 1;
}

static void
add_ref (GPtrArray             *refs,
         OctaSlotReferenceKind  kind,
         guint                  bank,
         guint                  part,
         gboolean               saved,
         guint                  track,
         guint                  pattern,
         guint                  step)
{
  OctaSlotReference ref = { kind, bank, part, saved, track, pattern, step };

  g_ptr_array_add (refs, octa_slot_reference_copy (&ref));
}

/*
 * One pass over all 16 banks: the references of every slot of @kind into
 * @refs (128 arrays, created here), or of slot @only alone when it is not
 * G_MAXUINT. A full table needs every slot's; reading the banks once for
 * each of them would read them 128 times.
 */
static void
collect_references (OctaProject  *project,
                    OctaSlotKind  kind,
                    guint         only,
                    GPtrArray    *refs[OCTA_N_SLOTS])
{
  guint column = kind_column (kind);
  OctaMachineType machine = kind_machine (kind);

  for (guint i = 0; i < OCTA_N_SLOTS; i++)
    if (only == G_MAXUINT || only == i)
      refs[i] = g_ptr_array_new_with_free_func ((GDestroyNotify) octa_slot_reference_free);

  for (guint b = 0; b < OCTA_N_BANKS; b++)
    {
      OctaBankFile *bank = _octa_project_get_bank_file (project, b, OCTA_STATE_WORK);

      for (guint part = 0; part < OCTA_N_PARTS; part++)
        for (guint t = 0; t < OCTA_N_TRACKS; t++)
          {
            gboolean edited = octa_bank_file_get_machine (bank, part, OCTA_PART_UNSAVED, t) ==
                              machine;
            gboolean saved = octa_bank_file_get_machine (bank, part, OCTA_PART_SAVED, t) ==
                             machine;
            guint8 e = octa_bank_file_get_part_value (bank, part, OCTA_PART_UNSAVED,
                                                      OCTA_PART_AREA_SLOTS, t, column);
            guint8 s = octa_bank_file_get_part_value (bank, part, OCTA_PART_SAVED,
                                                      OCTA_PART_AREA_SLOTS, t, column);

            if (edited && e < OCTA_N_SLOTS && refs[e] != NULL)
              add_ref (refs[e], OCTA_SLOT_REFERENCE_PART, b, part, FALSE, t, 0, 0);
            /* The saved copy counts on its own only where it differs. */
            if (saved && s < OCTA_N_SLOTS && refs[s] != NULL && !(edited && e == s))
              add_ref (refs[s], OCTA_SLOT_REFERENCE_PART, b, part, TRUE, t, 0, 0);
          }

      for (guint p = 0; p < OCTA_N_PATTERNS; p++)
        {
          guint part = octa_bank_file_get_pattern_part (bank, p) % OCTA_N_PARTS;

          for (guint t = 0; t < OCTA_N_TRACKS; t++)
            {
              if (octa_bank_file_get_machine (bank, part, OCTA_PART_UNSAVED, t) != machine)
                continue;
              for (guint st = 0; st < OCTA_N_STEPS; st++)
                {
                  gint lock = octa_bank_file_get_sample_lock (bank, p, t, st);

                  if (lock >= 0 && lock < OCTA_N_SLOTS && refs[lock] != NULL)
                    add_ref (refs[lock], OCTA_SLOT_REFERENCE_LOCK, b, part, FALSE, t, p, st);
                }
            }
        }
    }
}

/**
 * octa_project_find_slot_references:
 * @project: a project
 * @kind: %OCTA_SLOT_KIND_FLEX or %OCTA_SLOT_KIND_STATIC
 * @number: 1…128
 *
 * Lists what plays a slot in the working state of all 16 banks: the part
 * tracks whose machine plays it (a part's saved copy counts on its own only
 * where its edited copy does not), then the steps that sample-lock it on a
 * track whose machine, in the part the pattern uses, plays @kind.
 *
 * Returns: (transfer container) (element-type OctaSlotReference): the
 *   references, bank by bank
 */
GPtrArray *
octa_project_find_slot_references (OctaProject  *project,
                                   OctaSlotKind  kind,
                                   guint         number)
{
  GPtrArray *all[OCTA_N_SLOTS] = { NULL };
  GPtrArray *refs;

  g_return_val_if_fail (OCTA_IS_PROJECT (project), NULL);

  if ((kind != OCTA_SLOT_KIND_FLEX && kind != OCTA_SLOT_KIND_STATIC) || number < 1 ||
      number > OCTA_N_SLOTS)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) octa_slot_reference_free);

  collect_references (project, kind, number - 1, all);
  refs = all[number - 1];
  return refs;
}

static char *
summarize (GPtrArray *refs)
{
  const OctaSlotReference *first;
  g_autofree char *label = NULL;

  if (refs->len == 0)
    return g_strdup ("unused");
  first = refs->pdata[0];
  if (first->kind == OCTA_SLOT_REFERENCE_LOCK)
    label = g_strdup_printf ("%c%02u T%u", 'A' + first->bank, first->pattern + 1,
                             first->track + 1);
  else
    label = g_strdup_printf ("%c Part %u T%u", 'A' + first->bank, first->part + 1,
                             first->track + 1);
  if (refs->len == 1)
    return g_steal_pointer (&label);
  return g_strdup_printf ("%s +%u", label, refs->len - 1);
}

/**
 * octa_project_dup_slot_usage:
 * @project: a project
 * @kind: %OCTA_SLOT_KIND_FLEX or %OCTA_SLOT_KIND_STATIC
 * @number: 1…128
 *
 * Sums up octa_project_find_slot_references() for a table column: the
 * first reference and how many more ("B07 T1 +3", "A Part 1 T2"), or
 * "unused".
 *
 * Returns: (transfer full): the summary
 */
char *
octa_project_dup_slot_usage (OctaProject  *project,
                             OctaSlotKind  kind,
                             guint         number)
{
  g_autoptr(GPtrArray) refs = NULL;

  g_return_val_if_fail (OCTA_IS_PROJECT (project), NULL);

  refs = octa_project_find_slot_references (project, kind, number);
  return summarize (refs);
}

/**
 * octa_project_dup_slot_usages:
 * @project: a project
 * @kind: %OCTA_SLOT_KIND_FLEX or %OCTA_SLOT_KIND_STATIC
 *
 * octa_project_dup_slot_usage() for all 128 slots of @kind at once, reading
 * the banks once.
 *
 * Returns: (transfer full) (array zero-terminated=1): 128 summaries, slot
 *   001 first
 */
char **
octa_project_dup_slot_usages (OctaProject  *project,
                              OctaSlotKind  kind)
{
  GPtrArray *all[OCTA_N_SLOTS] = { NULL };
  char **usages;

  g_return_val_if_fail (OCTA_IS_PROJECT (project), NULL);

  usages = g_new0 (char *, OCTA_N_SLOTS + 1);
  if (kind != OCTA_SLOT_KIND_FLEX && kind != OCTA_SLOT_KIND_STATIC)
    {
      for (guint i = 0; i < OCTA_N_SLOTS; i++)
        usages[i] = g_strdup ("unused");
      return usages;
    }
  collect_references (project, kind, G_MAXUINT, all);
  for (guint i = 0; i < OCTA_N_SLOTS; i++)
    {
      usages[i] = summarize (all[i]);
      g_ptr_array_unref (all[i]);
    }
  return usages;
}

/**
 * octa_project_dup_file_usages:
 * @project: a project
 *
 * Which slots play each file, found by where each slot's path leads: the
 * audio pool's answer to "where is this used?", for all files at once.
 *
 * Returns: (transfer full) (element-type GFile utf8): from each file some
 *   slot plays to "Flex 003, Static 012"
 */
GHashTable *
octa_project_dup_file_usages (OctaProject *project)
{
  static const OctaSlotKind kinds[] = { OCTA_SLOT_KIND_FLEX, OCTA_SLOT_KIND_STATIC };
  GHashTable *usages;

  g_return_val_if_fail (OCTA_IS_PROJECT (project), NULL);

  usages = g_hash_table_new_full (g_file_hash, (GEqualFunc) g_file_equal, g_object_unref, g_free);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (guint i = 1; i <= octa_slot_kind_get_n_slots (kinds[k]); i++)
      {
        g_autoptr(OctaSampleSlot) slot = octa_project_get_sample_slot (project, kinds[k], i);
        g_autoptr(GFile) played = NULL;
        const char *before;
        char *usage;

        if (!octa_sample_slot_get_used (slot))
          continue;
        played = octa_sample_slot_get_file (slot);
        if (played == NULL)
          continue;
        before = g_hash_table_lookup (usages, played);
        usage = g_strdup_printf ("%s%s%s %03u", before ? before : "", before ? ", " : "",
                                 kinds[k] == OCTA_SLOT_KIND_FLEX ? "Flex" : "Static", i);
        g_hash_table_replace (usages, g_steal_pointer (&played), usage);
      }
  return usages;
}

/* Moving slots ------------------------------------------------------------ */

typedef struct
{
  gboolean used;
  char    *path;
  gboolean has[OCTA_SAMPLE_ATTR_TRIGQUANTIZATION + 1];
  gint     value[OCTA_SAMPLE_ATTR_TRIGQUANTIZATION + 1];
} SlotBlock;

static void
read_block (OctaProjectFile *file,
            OctaSlotKind     kind,
            guint            number,
            SlotBlock       *block)
{
  OctaSlotType type;
  guint slot;

  _octa_slot_to_codec (kind, number, &type, &slot);
  block->used = octa_project_file_has_sample (file, type, slot);
  block->path = block->used ? octa_project_file_dup_sample_path (file, type, slot) : NULL;
  for (guint a = 0; a <= OCTA_SAMPLE_ATTR_TRIGQUANTIZATION; a++)
    block->has[a] = block->used &&
                    octa_project_file_get_sample_attr (file, type, slot, a, &block->value[a]);
}

static gboolean
write_block (OctaProjectFile  *file,
             OctaSlotKind      kind,
             guint             number,
             const SlotBlock  *block,
             GError          **error)
{
  OctaSlotType type;
  guint slot;

  if (!block->used)
    return TRUE;
  _octa_slot_to_codec (kind, number, &type, &slot);
  if (!octa_project_file_add_sample (file, type, slot, block->path != NULL ? block->path : "",
                                     error))
    return FALSE;
  /* TRIM_BARSx100 and BPMx24 share a line: write the one the block had. */
  for (guint a = 0; a <= OCTA_SAMPLE_ATTR_TRIGQUANTIZATION; a++)
    if (block->has[a] &&
        !octa_project_file_set_sample_attr (file, type, slot, a, block->value[a], error))
      return FALSE;
  return TRUE;
}

typedef struct
{
  OctaSlotKind kind;
  guint        from;
  guint        to;
} MoveEdit;

static gboolean
edit_move (OctaProjectFile  *file,
           gpointer          user_data,
           GError          **error)
{
  MoveEdit *edit = user_data;
  SlotBlock a = { 0 }, b = { 0 };
  gboolean ok;

  read_block (file, edit->kind, edit->from, &a);
  read_block (file, edit->kind, edit->to, &b);
  ok = _octa_slot_text_clear (file, edit->kind, edit->from, error) &&
       _octa_slot_text_clear (file, edit->kind, edit->to, error) &&
       write_block (file, edit->kind, edit->to, &a, error) &&
       write_block (file, edit->kind, edit->from, &b, error);
  g_free (a.path);
  g_free (b.path);
  return ok;
}

static void
swap_markers (OctaProject  *project,
              OctaSlotKind  kind,
              guint         from,
              guint         to)
{
  OctaImage *image = octa_markers_file_get_image (_octa_project_get_markers_file (project,
                                                                                 OCTA_STATE_WORK));
  OctaSlotType type;
  guint a, b;
  gsize oa, ob, size;
  g_autofree guint8 *ra = NULL;
  g_autofree guint8 *rb = NULL;

  _octa_slot_to_codec (kind, from, &type, &a);
  _octa_slot_to_codec (kind, to, &type, &b);
  oa = octa_markers_slot_offset (type, a);
  ob = octa_markers_slot_offset (type, b);
  size = octa_markers_slot_offset (type, 1) - octa_markers_slot_offset (type, 0);
  ra = g_memdup2 (image->data + oa, size);
  rb = g_memdup2 (image->data + ob, size);
  octa_image_set_bytes (image, oa, rb, size);
  octa_image_set_bytes (image, ob, ra, size);
}

static void
swap_byte (OctaBankFile     *bank,
           guint             part,
           OctaPartCopy      copy,
           guint             track,
           guint             column,
           guint8            a,
           guint8            b)
{
  guint8 value = octa_bank_file_get_part_value (bank, part, copy, OCTA_PART_AREA_SLOTS, track,
                                                column);

  if (value == a)
    octa_bank_file_set_part_value (bank, part, copy, OCTA_PART_AREA_SLOTS, track, column, b);
  else if (value == b)
    octa_bank_file_set_part_value (bank, part, copy, OCTA_PART_AREA_SLOTS, track, column, a);
}

/*
 * Part assignments follow whatever the track's machine is (the slot byte
 * of the other pool is kept for when the machine changes back), sample
 * locks only on tracks playing @kind, as octa_project_deduplicate_samples()
 * decides them.
 */
static void
swap_bank_references (OctaBankFile *bank,
                      OctaSlotKind  kind,
                      guint8        a,
                      guint8        b)
{
  for (guint part = 0; part < OCTA_N_PARTS; part++)
    for (guint copy = OCTA_PART_UNSAVED; copy <= OCTA_PART_SAVED; copy++)
      for (guint t = 0; t < OCTA_N_TRACKS; t++)
        swap_byte (bank, part, copy, t, kind_column (kind), a, b);

  for (guint p = 0; p < OCTA_N_PATTERNS; p++)
    {
      guint part = octa_bank_file_get_pattern_part (bank, p) % OCTA_N_PARTS;

      for (guint t = 0; t < OCTA_N_TRACKS; t++)
        {
          if (octa_bank_file_get_machine (bank, part, OCTA_PART_UNSAVED, t) != kind_machine (kind))
            continue;
          for (guint s = 0; s < OCTA_N_STEPS; s++)
            {
              gint lock = octa_bank_file_get_sample_lock (bank, p, t, s);

              if (lock == a)
                octa_bank_file_set_sample_lock (bank, p, t, s, b);
              else if (lock == b)
                octa_bank_file_set_sample_lock (bank, p, t, s, a);
            }
        }
    }
}

/**
 * octa_project_move_sample_slot:
 * @project: a project
 * @kind: %OCTA_SLOT_KIND_FLEX or %OCTA_SLOT_KIND_STATIC
 * @from: the slot to move, 1…128
 * @to: where it goes, 1…128; a used slot there trades places with it
 * @error: return location for a #GError
 *
 * Moves a slot's sample, attributes and markers to another slot of the same
 * kind, and makes everything that played it play it there: the slot
 * assignments of every part (edited and saved copies) and the sample locks
 * of every pattern, in all 16 banks. When @to is used the two slots swap,
 * references included. One undo step.
 *
 * Returns: %TRUE on success
 */
gboolean
octa_project_move_sample_slot (OctaProject   *project,
                               OctaSlotKind   kind,
                               guint          from,
                               guint          to,
                               GError       **error)
{
  MoveEdit edit = { kind, from, to };
  g_autofree char *label = NULL;
  gboolean ok;

  g_return_val_if_fail (OCTA_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (kind != OCTA_SLOT_KIND_FLEX && kind != OCTA_SLOT_KIND_STATIC)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           "Recorder buffers keep their numbers; nothing was moved");
      return FALSE;
    }
  if (from < 1 || from > OCTA_N_SLOTS || to < 1 || to > OCTA_N_SLOTS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "%s slots are numbered 001 to 128; nothing was moved", kind_name (kind));
      return FALSE;
    }
  if (from == to)
    return TRUE;

  label = g_strdup_printf ("Move %s %03u to %s %03u", kind_name (kind), from, kind_name (kind),
                           to);
  octa_project_begin_change (project, label);
  ok = _octa_project_edit_text (project, OCTA_STATE_WORK, NULL, edit_move, &edit, error);
  if (ok)
    {
      swap_markers (project, kind, from, to);
      for (guint b = 0; b < OCTA_N_BANKS; b++)
        swap_bank_references (_octa_project_get_bank_file (project, b, OCTA_STATE_WORK), kind,
                              from - 1, to - 1);
    }
  octa_project_end_change (project);
  return ok;
}

/* Relinking --------------------------------------------------------------- */

static void
index_folder (GFile       *dir,
              GHashTable  *by_name,
              guint        depth,
              GCancellable *cancellable)
{
  g_autoptr(GFileEnumerator) children = NULL;

  if (depth > MAX_RELINK_DEPTH)
    return;
  children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable, NULL);
  if (children == NULL)
    return;
  for (;;)
    {
      GFileInfo *child;
      GFile *file;

      if (!g_file_enumerator_iterate (children, &child, &file, cancellable, NULL) || child == NULL)
        break;
      if (g_file_info_get_file_type (child) == G_FILE_TYPE_DIRECTORY)
        index_folder (file, by_name, depth + 1, cancellable);
      else if (g_file_info_get_file_type (child) == G_FILE_TYPE_REGULAR)
        {
          g_autofree char *key = g_utf8_casefold (g_file_info_get_name (child), -1);
          GPtrArray *list = g_hash_table_lookup (by_name, key);

          if (list == NULL)
            {
              list = g_ptr_array_new_with_free_func (g_object_unref);
              g_hash_table_insert (by_name, g_steal_pointer (&key), list);
            }
          g_ptr_array_add (list, g_object_ref (file));
        }
    }
}

/* The path the device would use: relative to the project folder, with
 * "../" for the set; an absolute one only when the file is outside it. */
static char *
path_for (GFile *project_dir,
          GFile *file)
{
  g_autoptr(GFile) set = g_file_get_parent (project_dir);
  g_autofree char *rel = g_file_get_relative_path (project_dir, file);

  if (rel != NULL)
    return g_filename_to_utf8 (rel, -1, NULL, NULL, NULL);
  if (set != NULL)
    {
      g_autofree char *in_set = g_file_get_relative_path (set, file);

      if (in_set != NULL)
        {
          g_autofree char *utf8 = g_filename_to_utf8 (in_set, -1, NULL, NULL, NULL);

          return utf8 != NULL ? g_strconcat ("../", utf8, NULL) : NULL;
        }
    }
  {
    g_autofree char *abs = g_file_get_path (file);

    return abs != NULL ? g_filename_to_utf8 (abs, -1, NULL, NULL, NULL) : NULL;
  }
}

typedef struct
{
  OctaSlotKind kind;
  guint        number;
  char        *path;
} Relink;

static void
relink_clear (gpointer data)
{
  g_free (((Relink *) data)->path);
}

static gboolean
edit_relink (OctaProjectFile  *file,
             gpointer          user_data,
             GError          **error)
{
  GArray *relinks = user_data;

  for (guint i = 0; i < relinks->len; i++)
    {
      Relink *r = &g_array_index (relinks, Relink, i);

      if (!_octa_slot_text_set_path (file, r->kind, r->number, r->path, error))
        return FALSE;
    }
  return TRUE;
}

/*
 * Of several files with the name, the one whose length is the slot's trim
 * end: the device sets it to the frame count on assignment, so a file of
 * that many frames is the one the slot had.
 */
static GFile *
pick_candidate (GPtrArray *candidates,
                guint32    trim_end)
{
  if (candidates->len == 1)
    return candidates->pdata[0];
  for (guint i = 0; i < candidates->len; i++)
    {
      g_autoptr(OctaSampleInfo) info = octa_sample_info_read (candidates->pdata[i], NULL);

      if (trim_end != 0 && info->frames == trim_end)
        return candidates->pdata[i];
    }
  return candidates->pdata[0];
}

/**
 * octa_project_relink_samples:
 * @project: a project saved in a folder
 * @folder: where to look, with its subfolders
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Finds the missing sample files of every Flex and Static slot and recorder
 * buffer in @folder by name (ignoring case). When several files have the
 * name, the one whose frame count is the slot's trim end wins. The slots
 * then name the found files, relative to the project folder ("../AUDIO/…"
 * in the set's pool), in one undo step.
 *
 * Returns: how many slots were relinked (0 with @error unset when none
 *   could be found)
 */
guint
octa_project_relink_samples (OctaProject   *project,
                             GFile         *folder,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autoptr(GHashTable) by_name = NULL;
  g_autoptr(GArray) relinks = NULL;
  g_autoptr(GFile) project_dir = NULL;
  g_autofree char *project_path = NULL;
  OctaMarkersFile *markers;
  guint n = 0;
  gboolean ok;

  g_return_val_if_fail (OCTA_IS_PROJECT (project), 0);
  g_return_val_if_fail (G_IS_FILE (folder), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  project_path = _octa_project_dup_folder (project, error);
  if (project_path == NULL)
    return 0;
  if (g_file_query_file_type (folder, G_FILE_QUERY_INFO_NONE, cancellable) !=
      G_FILE_TYPE_DIRECTORY)
    {
      g_autofree char *where = g_file_get_parse_name (folder);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY, "%s: not a folder", where);
      return 0;
    }

  project_dir = g_file_new_for_path (project_path);
  by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                   (GDestroyNotify) g_ptr_array_unref);
  index_folder (folder, by_name, 0, cancellable);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return 0;

  relinks = g_array_new (FALSE, TRUE, sizeof (Relink));
  g_array_set_clear_func (relinks, relink_clear);
  markers = _octa_project_get_markers_file (project, OCTA_STATE_WORK);
  for (OctaSlotKind kind = OCTA_SLOT_KIND_FLEX; kind <= OCTA_SLOT_KIND_RECORDER; kind++)
    for (guint number = 1; number <= octa_slot_kind_get_n_slots (kind); number++)
      {
        g_autoptr(OctaSampleSlot) slot = octa_project_get_sample_slot (project, kind, number);
        g_autoptr(OctaSampleInfo) info = octa_sample_slot_read_info (slot);
        g_autofree char *path = NULL;
        g_autofree char *base = NULL;
        g_autofree char *key = NULL;
        GPtrArray *candidates;
        OctaSlotType type;
        guint index;
        Relink r;

        if (info->status != OCTA_SAMPLE_STATUS_MISSING)
          continue;
        path = octa_sample_slot_dup_path (slot);
        /* Device paths use '/', whatever the host. */
        base = g_strdup (strrchr (path, '/') != NULL ? strrchr (path, '/') + 1 : path);
        key = g_utf8_casefold (base, -1);
        candidates = g_hash_table_lookup (by_name, key);
        if (candidates == NULL)
          continue;

        _octa_slot_to_codec (kind, number, &type, &index);
        r.kind = kind;
        r.number = number;
        r.path = path_for (project_dir,
                           pick_candidate (candidates,
                                           octa_markers_file_get_trim_end (markers, type, index)));
        if (r.path == NULL)
          continue;
        g_array_append_val (relinks, r);
      }

  if (relinks->len == 0)
    return 0;

  octa_project_begin_change (project, relinks->len == 1 ? "Relink sample" : "Relink samples");
  ok = _octa_project_edit_text (project, OCTA_STATE_WORK, NULL, edit_relink, relinks, error);
  octa_project_end_change (project);
  if (ok)
    n = relinks->len;
  return n;
}

/* Unused slots ------------------------------------------------------------ */

/**
 * octa_project_list_unused_slots:
 * @project: a project
 * @kind: %OCTA_SLOT_KIND_FLEX or %OCTA_SLOT_KIND_STATIC
 *
 * Lists the used slots of @kind that nothing plays: no part track and no
 * sample lock in any bank (octa_project_find_slot_references()), for review
 * before octa_project_remove_slots().
 *
 * Returns: (transfer container) (element-type OctaSampleSlot): the slots
 */
GPtrArray *
octa_project_list_unused_slots (OctaProject  *project,
                                OctaSlotKind  kind)
{
  GPtrArray *unused;

  g_return_val_if_fail (OCTA_IS_PROJECT (project), NULL);

  unused = g_ptr_array_new_with_free_func (g_object_unref);
  if (kind != OCTA_SLOT_KIND_FLEX && kind != OCTA_SLOT_KIND_STATIC)
    return unused;
  for (guint number = 1; number <= OCTA_N_SLOTS; number++)
    {
      g_autoptr(OctaSampleSlot) slot = octa_project_get_sample_slot (project, kind, number);
      g_autoptr(GPtrArray) refs = NULL;

      if (!octa_sample_slot_get_used (slot))
        continue;
      refs = octa_project_find_slot_references (project, kind, number);
      if (refs->len == 0)
        g_ptr_array_add (unused, g_steal_pointer (&slot));
    }
  return unused;
}

typedef struct
{
  GPtrArray *slots;
} RemoveEdit;

static gboolean
edit_remove (OctaProjectFile  *file,
             gpointer          user_data,
             GError          **error)
{
  RemoveEdit *edit = user_data;

  for (guint i = 0; i < edit->slots->len; i++)
    {
      OctaSampleSlot *slot = edit->slots->pdata[i];

      if (!_octa_slot_text_clear (file, octa_sample_slot_get_kind (slot),
                                  octa_sample_slot_get_number (slot), error))
        return FALSE;
    }
  return TRUE;
}

/**
 * octa_project_remove_slots:
 * @project: a project
 * @slots: (element-type OctaSampleSlot): slots of @project
 * @error: return location for a #GError
 *
 * Clears every slot of @slots (its block and its markers), as
 * octa_sample_slot_clear() does, in one undo step. The sample files stay.
 *
 * Returns: how many used slots were cleared
 */
guint
octa_project_remove_slots (OctaProject  *project,
                           GPtrArray    *slots,
                           GError      **error)
{
  RemoveEdit edit = { slots };
  guint n = 0;
  gboolean ok;

  g_return_val_if_fail (OCTA_IS_PROJECT (project), 0);
  g_return_val_if_fail (slots != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  for (guint i = 0; i < slots->len; i++)
    {
      g_return_val_if_fail (octa_sample_slot_get_project (slots->pdata[i]) == project, 0);
      if (octa_sample_slot_get_used (slots->pdata[i]))
        n++;
    }
  if (n == 0)
    return 0;

  octa_project_begin_change (project, n == 1 ? "Remove sample slot" : "Remove unused slots");
  ok = _octa_project_edit_text (project, OCTA_STATE_WORK, NULL, edit_remove, &edit, error);
  if (ok)
    for (guint i = 0; i < slots->len; i++)
      _octa_slot_markers_clear (project, octa_sample_slot_get_kind (slots->pdata[i]),
                                octa_sample_slot_get_number (slots->pdata[i]));
  octa_project_end_change (project);
  return ok ? n : 0;
}

/* Memory ------------------------------------------------------------------ */

/**
 * octa_project_get_flex_memory_size:
 * @project: a project
 *
 * The device's estimate of the RAM left for Flex samples: 85.5 MB less the
 * reserved recorder buffers (RESERVED_RECORDER_COUNT buffers of
 * RESERVED_RECORDER_LENGTH sixteenth steps at the project tempo, stereo,
 * 16 or 24 bits per RECORD_24BIT).
 *
 * Returns: bytes
 */
guint64
octa_project_get_flex_memory_size (OctaProject *project)
{
  OctaProjectFile *file;
  gint count, length, tempo_x24, bytes;
  guint64 reserve;

  g_return_val_if_fail (OCTA_IS_PROJECT (project), 0);

  file = _octa_project_get_project_file (project, OCTA_STATE_WORK);
  count = octa_project_file_get_int (file, OCTA_SECTION_SETTINGS, "RESERVED_RECORDER_COUNT", 0);
  length = octa_project_file_get_int (file, OCTA_SECTION_SETTINGS, "RESERVED_RECORDER_LENGTH", 0);
  tempo_x24 = octa_project_file_get_int (file, OCTA_SECTION_SETTINGS, "TEMPOx24", 0);
  bytes = octa_project_file_get_int (file, OCTA_SECTION_SETTINGS, "RECORD_24BIT", 0) ? 3 : 2;
  if (count <= 0 || length <= 0 || tempo_x24 <= 0)
    return OCTA_FLEX_MEMORY;

  /* One sixteenth step lasts 15 / BPM seconds; BPM = TEMPOx24 / 24. */
  reserve = (guint64) count * length * 15 * 24 * OCTA_DEVICE_RATE / tempo_x24 * 2 * bytes;
  return reserve >= OCTA_FLEX_MEMORY ? 0 : OCTA_FLEX_MEMORY - reserve;
}

/**
 * octa_project_get_flex_memory_used:
 * @project: a project saved in a folder
 *
 * What the Flex slots' samples take in the device's RAM: every found file's
 * frames × channels at 16 bits, or 24 with LOAD_24BIT_FLEX set for 24-bit
 * files. Missing and unplayable files count nothing.
 *
 * Returns: bytes
 */
guint64
octa_project_get_flex_memory_used (OctaProject *project)
{
  OctaProjectFile *file;
  gboolean load24;
  guint64 total = 0;

  g_return_val_if_fail (OCTA_IS_PROJECT (project), 0);

  file = _octa_project_get_project_file (project, OCTA_STATE_WORK);
  load24 = octa_project_file_get_int (file, OCTA_SECTION_SETTINGS, "LOAD_24BIT_FLEX", 0) != 0;
  for (guint number = 1; number <= OCTA_N_SLOTS; number++)
    {
      g_autoptr(OctaSampleSlot) slot = NULL;
      g_autoptr(OctaSampleInfo) info = NULL;

      if (!_octa_slot_text_used (file, OCTA_SLOT_KIND_FLEX, number))
        continue;
      slot = octa_project_get_sample_slot (project, OCTA_SLOT_KIND_FLEX, number);
      info = octa_sample_slot_read_info (slot);
      if (info->status != OCTA_SAMPLE_STATUS_OK)
        continue;
      total += info->frames * info->channels * (load24 && info->bits == 24 ? 3 : 2);
    }
  return total;
}
