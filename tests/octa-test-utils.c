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
