/* SPDX-License-Identifier: MIT */
#include "octa-test-utils.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

/**
 * octa_test_corpus_dir:
 *
 * Returns: (nullable): the corpus folder from OCTA_CORPUS_DIR, set by
 *   `meson setup -Dcorpus=…` or by the caller's environment.
 */
const char *
octa_test_corpus_dir (void)
{
  const char *dir = g_getenv ("OCTA_CORPUS_DIR");

  if (dir == NULL || *dir == '\0')
    return NULL;
  return dir;
}

/**
 * octa_test_skip_without_corpus:
 *
 * Marks the current test skipped, loudly, when no corpus is configured.
 * With OCTA_REQUIRE_CORPUS=1 (as in CI) a missing corpus fails instead.
 *
 * Returns: %TRUE when the caller should return.
 */
gboolean
octa_test_skip_without_corpus (void)
{
  const char *dir = octa_test_corpus_dir ();

  if (dir != NULL && g_file_test (dir, G_FILE_TEST_IS_DIR))
    return FALSE;

  if (g_strcmp0 (g_getenv ("OCTA_REQUIRE_CORPUS"), "1") == 0)
    g_error ("OCTA_REQUIRE_CORPUS=1 but the corpus folder \"%s\" is missing",
             dir ? dir : "(unset)");

  g_printerr ("# SKIPPING: no corpus. Set -Dcorpus=PATH or OCTA_CORPUS_DIR "
              "to run the real-file tests (%s)\n", dir ? dir : "unset");
  g_test_skip ("no corpus: set -Dcorpus=PATH or OCTA_CORPUS_DIR");
  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static void
find_files_recursive (const char  *dir,
                      gboolean   (*filter) (const char *path),
                      GPtrArray   *out)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (d == NULL)
    return;

  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, names->pdata[i], NULL);

      if (g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        continue;
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        find_files_recursive (path, filter, out);
      else if (filter == NULL || filter (path))
        g_ptr_array_add (out, g_steal_pointer (&path));
    }
}

/**
 * octa_test_find_files:
 * @dir: a folder
 * @filter: (nullable): keeps a path when it returns %TRUE
 *
 * Returns: (transfer full): every regular file below @dir, sorted.
 */
GPtrArray *
octa_test_find_files (const char *dir,
                      gboolean  (*filter) (const char *path))
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  find_files_recursive (dir, filter, out);
  return out;
}

char *
octa_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("octa-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
octa_test_rm_rf (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) d = g_dir_open (path, 0, NULL);
      const char *name;

      while (d != NULL && (name = g_dir_read_name (d)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          octa_test_rm_rf (child);
        }
      g_rmdir (path);
    }
  else
    {
      g_unlink (path);
    }
}

/**
 * octa_test_assert_changed_only:
 * @what: a label for the failure message
 * @before: the original bytes
 * @after: the bytes after an edit
 * @len: their length
 * @offsets: (array length=n_offsets): the only offsets allowed to differ
 * @n_offsets: how many
 *
 * Fails unless every differing byte is listed in @offsets.
 */
void
octa_test_assert_changed_only (const char   *what,
                               const guint8 *before,
                               const guint8 *after,
                               gsize         len,
                               const gsize  *offsets,
                               guint         n_offsets)
{
  for (gsize i = 0; i < len; i++)
    {
      gboolean allowed = FALSE;

      if (before[i] == after[i])
        continue;

      for (guint k = 0; k < n_offsets; k++)
        if (offsets[k] == i)
          allowed = TRUE;

      if (!allowed)
        g_error ("%s: byte %" G_GSIZE_FORMAT " changed (0x%02X → 0x%02X) but should not have",
                 what, i, before[i], after[i]);
    }
}

guint8 *
octa_test_read_file (const char *path,
                     gsize      *len)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_file_get_contents (path, &data, len, &error);
  g_assert_no_error (error);
  return (guint8 *) data;
}

void
octa_test_write_file (const char *path,
                      const void *data,
                      gsize       len)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
}

#define DAMAGED_NAME "some/dir/damaged.file"

/**
 * octa_test_assert_refused:
 * @decode: a typed constructor such as octa_markers_file_new_from_data()
 * @free_func: frees what @decode returns
 * @data: (array length=len) (nullable): the bytes
 * @len: their number
 * @flags: the load flags
 * @code: the #OctaCodecError expected
 * @what: what is wrong, for the failure message
 *
 * Fails unless @decode refuses the bytes with @code and a message that
 * starts with the file's name.
 */
void
octa_test_assert_refused (OctaTestDecodeFunc  decode,
                          GDestroyNotify      free_func,
                          const guint8       *data,
                          gsize               len,
                          OctaLoadFlags       flags,
                          int                 code,
                          const char         *what)
{
  g_autoptr(GError) error = NULL;
  gpointer decoded = decode (data, len, DAMAGED_NAME, flags, &error);

  if (decoded != NULL)
    {
      free_func (decoded);
      g_error ("%s: opened but should have failed", what);
    }
  g_assert_error (error, OCTA_CODEC_ERROR, code);
  if (!g_str_has_prefix (error->message, DAMAGED_NAME ": "))
    g_error ("%s: message does not name the file: %s", what, error->message);
}

static guint8 *
damaged_copy (const guint8 *valid,
              gsize         len)
{
  return g_memdup2 (valid, len);
}

static void
fix_checksum (guint8 *data,
              gsize   len)
{
  guint16 sum = octa_checksum_compute (data, len);

  data[len - 2] = sum >> 8;
  data[len - 1] = sum & 0xFF;
}

/**
 * octa_test_check_container_damage:
 * @kind: the binary kind @valid is
 * @decode: its typed constructor
 * @free_func: frees what @decode returns
 * @valid: (array): a valid file of @kind, octa_file_kind_size() bytes
 * @cuts: (array length=n_cuts): the kind's own structure boundaries
 * @n_cuts: how many
 *
 * What every binary file type must refuse, with the right code and a message
 * naming the file: truncation inside the header and at each of @cuts (even
 * when damage is otherwise allowed), one extra byte, another kind's tag or a
 * broken FORM/DPS1/zero header byte, and datatype versions other than its own.
 */
void
octa_test_check_container_damage (OctaFileKind        kind,
                                  OctaTestDecodeFunc  decode,
                                  GDestroyNotify      free_func,
                                  const guint8       *valid,
                                  const gsize        *cuts,
                                  guint               n_cuts)
{
  static const gsize header_cuts[] = { 0, 1, 3, 4, 16, 21, 22, 23 };
  static const OctaFileKind kinds[] = {
    OCTA_FILE_KIND_BANK, OCTA_FILE_KIND_MARKERS, OCTA_FILE_KIND_ARRANGEMENT,
    OCTA_FILE_KIND_SAMPLE_ATTRS,
  };
  const OctaLoadFlags lenient = OCTA_LOAD_ALLOW_BAD_CHECKSUM | OCTA_LOAD_ALLOW_BAD_STRUCTURE;
  gsize size = octa_file_kind_size (kind);
  guint8 version = octa_file_kind_version (kind);
  const guint8 versions[] = { 0, version - 1, version + 1, 255 };
  g_autoptr(GArray) lengths = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autofree guint8 *longer = g_malloc0 (size + 1);
  gsize last = size - 1;

  g_array_append_vals (lengths, header_cuts, G_N_ELEMENTS (header_cuts));
  g_array_append_vals (lengths, cuts, n_cuts);
  g_array_append_val (lengths, last);

  for (guint i = 0; i < lengths->len; i++)
    {
      gsize len = g_array_index (lengths, gsize, i);
      g_autofree char *what = g_strdup_printf ("truncated at %" G_GSIZE_FORMAT, len);
      g_autofree guint8 *copy = damaged_copy (valid, MAX (len, 1));

      octa_test_assert_refused (decode, free_func, len > 0 ? copy : NULL, len, OCTA_LOAD_DEFAULT,
                                OCTA_CODEC_ERROR_TRUNCATED, what);
      octa_test_assert_refused (decode, free_func, copy, len, lenient,
                                OCTA_CODEC_ERROR_TRUNCATED, what);
    }

  memcpy (longer, valid, size);
  octa_test_assert_refused (decode, free_func, longer, size + 1, OCTA_LOAD_DEFAULT,
                            OCTA_CODEC_ERROR_TRUNCATED, "one extra byte");

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autofree guint8 *copy = damaged_copy (valid, size);

      if (kinds[k] == kind)
        continue;
      memcpy (copy + 12, octa_file_kind_tag (kinds[k]), 4);
      fix_checksum (copy, size);
      octa_test_assert_refused (decode, free_func, copy, size, OCTA_LOAD_ALLOW_BAD_CHECKSUM,
                                OCTA_CODEC_ERROR_BAD_MAGIC, octa_file_kind_tag (kinds[k]));
    }

  {
    const struct { gsize offset; guint8 value; const char *what; } bytes[] = {
      { 0, 'f', "FORM" }, { 11, '0', "DPS1" }, { 4, 0x2c, "byte 4" }, { 20, 0x01, "byte 20" },
    };

    for (guint b = 0; b < G_N_ELEMENTS (bytes); b++)
      {
        g_autofree guint8 *copy = damaged_copy (valid, size);

        copy[bytes[b].offset] = bytes[b].value;
        fix_checksum (copy, size);
        octa_test_assert_refused (decode, free_func, copy, size, OCTA_LOAD_ALLOW_BAD_CHECKSUM,
                                  OCTA_CODEC_ERROR_BAD_MAGIC, bytes[b].what);
      }
  }

  for (guint v = 0; v < G_N_ELEMENTS (versions); v++)
    {
      g_autofree guint8 *copy = damaged_copy (valid, size);
      g_autofree char *what = g_strdup_printf ("version %u", versions[v]);

      copy[21] = versions[v];
      fix_checksum (copy, size);
      octa_test_assert_refused (decode, free_func, copy, size, OCTA_LOAD_DEFAULT,
                                OCTA_CODEC_ERROR_UNSUPPORTED_VERSION, what);
    }
}

/* A PCM WAV of @frames frames whose bytes follow from @seed, optionally with
 * an odd-sized LIST chunk (and its pad byte) before the data. */
GBytes *
octa_test_make_wav (guint    frames,
                    guint16  channels,
                    guint    rate,
                    guint16  bits,
                    gboolean extra_chunk,
                    guint8   seed)
{
  GByteArray *out = g_byte_array_new ();
  guint16 block_align = channels * bits / 8;
  guint32 data_size = frames * block_align;
  guint8 u32[4], u16[2];

#define PUT32(v) (u32[0] = (v) & 0xFF, u32[1] = ((v) >> 8) & 0xFF, u32[2] = ((v) >> 16) & 0xFF, \
                  u32[3] = ((v) >> 24) & 0xFF, g_byte_array_append (out, u32, 4))
#define PUT16(v) (u16[0] = (v) & 0xFF, u16[1] = ((v) >> 8) & 0xFF, \
                  g_byte_array_append (out, u16, 2))

  g_byte_array_append (out, (const guint8 *) "RIFF", 4);
  PUT32 (4 + 24 + (extra_chunk ? 12 : 0) + 8 + data_size);
  g_byte_array_append (out, (const guint8 *) "WAVEfmt ", 8);
  PUT32 (16);
  PUT16 (1);
  PUT16 (channels);
  PUT32 (rate);
  PUT32 (rate * block_align);
  PUT16 (block_align);
  PUT16 (bits);
  if (extra_chunk)
    {
      /* An odd-sized chunk and its pad byte. */
      g_byte_array_append (out, (const guint8 *) "LIST", 4);
      PUT32 (3);
      g_byte_array_append (out, (const guint8 *) "abc\0", 4);
    }
  g_byte_array_append (out, (const guint8 *) "data", 4);
  PUT32 (data_size);
  for (guint32 i = 0; i < data_size; i++)
    {
      guint8 b = (guint8) (i * 7 + seed);
      g_byte_array_append (out, &b, 1);
    }
#undef PUT32
#undef PUT16
  return g_byte_array_free_to_bytes (out);
}
