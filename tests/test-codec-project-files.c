/* SPDX-License-Identifier: MIT */
#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include "octa-test-utils.h"

#define MD5_BANK        "cd3bc5294950d4f283e01f76ba38655f"
#define MD5_PROJECT     "43845456d1ebf01f3a4221fa14c4e6cc"
#define MD5_MARKERS     "910223fb216dddf3b2f2e48226da6ca7"
#define MD5_ARRANGEMENT "682672c5d795afdccb5bb688a5a4433b"

/* ---- helpers ------------------------------------------------------------ */

typedef struct
{
  OctaFileKind kind;
  guint        index;
} FileRef;

static guint
all_file_refs (FileRef refs[26])
{
  guint n = 0;

  refs[n++] = (FileRef) { OCTA_FILE_KIND_PROJECT, 0 };
  for (guint b = 0; b < OCTA_N_BANKS; b++)
    refs[n++] = (FileRef) { OCTA_FILE_KIND_BANK, b };
  refs[n++] = (FileRef) { OCTA_FILE_KIND_MARKERS, 0 };
  for (guint a = 0; a < OCTA_N_ARRANGEMENTS; a++)
    refs[n++] = (FileRef) { OCTA_FILE_KIND_ARRANGEMENT, a };
  return n;
}

static const char *
blank_md5 (OctaFileKind kind)
{
  switch (kind)
    {
    case OCTA_FILE_KIND_PROJECT: return MD5_PROJECT;
    case OCTA_FILE_KIND_BANK: return MD5_BANK;
    case OCTA_FILE_KIND_MARKERS: return MD5_MARKERS;
    case OCTA_FILE_KIND_ARRANGEMENT: return MD5_ARRANGEMENT;
    case OCTA_FILE_KIND_UNKNOWN:
    case OCTA_FILE_KIND_SAMPLE_ATTRS:
    default: g_assert_not_reached ();
    }
  return NULL;
}

static char *
md5_of_data (const void *data,
             gsize       len)
{
  return g_compute_checksum_for_data (G_CHECKSUM_MD5, data, len);
}

static char *
md5_of_bytes (GBytes *bytes)
{
  return g_compute_checksum_for_bytes (G_CHECKSUM_MD5, bytes);
}

static char *
md5_of_file (const char *path)
{
  gsize len;
  g_autofree guint8 *data = octa_test_read_file (path, &len);

  return md5_of_data (data, len);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static GPtrArray *
list_dir (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) d = g_dir_open (dir, 0, &error);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_strings);
  return names;
}

static gboolean
names_contain (GPtrArray  *names,
               const char *name)
{
  for (guint i = 0; i < names->len; i++)
    if (g_str_equal (names->pdata[i], name))
      return TRUE;
  return FALSE;
}

static gboolean
tree_has_name (const char *root,
               const char *needle)
{
  g_autoptr(GDir) d = g_dir_open (root, 0, NULL);
  const char *name;

  if (d == NULL)
    return FALSE;

  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (root, name, NULL);

      if (strstr (name, needle) != NULL)
        return TRUE;
      if (g_file_test (child, G_FILE_TEST_IS_DIR) &&
          !g_file_test (child, G_FILE_TEST_IS_SYMLINK) &&
          tree_has_name (child, needle))
        return TRUE;
    }
  return FALSE;
}

static gboolean
dir_has_prefix (const char *dir,
                const char *prefix)
{
  g_autoptr(GPtrArray) names = list_dir (dir);

  for (guint i = 0; i < names->len; i++)
    if (g_str_has_prefix (names->pdata[i], prefix))
      return TRUE;
  return FALSE;
}

static void
assert_same_files (OctaProjectFiles *a,
                   OctaProjectFiles *b)
{
  FileRef refs[26];
  guint n = all_file_refs (refs);

  for (guint s = 0; s < 2; s++)
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(GBytes) ea = octa_project_files_encode_file (a, refs[i].kind, refs[i].index, s);
        g_autoptr(GBytes) eb = octa_project_files_encode_file (b, refs[i].kind, refs[i].index, s);

        g_assert_true ((ea == NULL) == (eb == NULL));
        if (ea != NULL)
          g_assert_true (g_bytes_equal (ea, eb));
      }
}

static void
write_blank_file (OctaProjectFiles *files,
                  const char       *dir,
                  OctaFileKind      kind,
                  guint             index,
                  OctaFileState     state)
{
  g_autoptr(GBytes) bytes = octa_project_files_encode_file (files, kind, index, OCTA_STATE_WORK);
  g_autofree char *filename = octa_project_files_filename (kind, index, state);
  g_autofree char *path = g_build_filename (dir, filename, NULL);

  g_assert_nonnull (bytes);
  octa_test_write_file (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* name → "md5 mtime" for every entry of a folder */
static GHashTable *
snapshot_dir (const char *dir)
{
  g_autoptr(GPtrArray) names = list_dir (dir);
  GHashTable *snap = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, names->pdata[i], NULL);
      g_autofree char *md5 = md5_of_file (path);
      struct stat st;

      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_hash_table_insert (snap, g_strdup (names->pdata[i]),
                           g_strdup_printf ("%s %" G_GINT64_FORMAT ".%09ld %" G_GINT64_FORMAT,
                                            md5, (gint64) st.st_mtim.tv_sec,
                                            st.st_mtim.tv_nsec, (gint64) st.st_size));
    }
  return snap;
}

static void
assert_snapshots_equal (GHashTable *a,
                        GHashTable *b)
{
  GHashTableIter iter;
  gpointer key, value;

  g_assert_cmpuint (g_hash_table_size (a), ==, g_hash_table_size (b));
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_assert_cmpstr (g_hash_table_lookup (b, key), ==, value);
}

static void
assert_error_names (const GError *error,
                    int           code,
                    const char   *needle)
{
  g_assert_nonnull (error);
  if (!g_error_matches (error, OCTA_CODEC_ERROR, code))
    g_error ("expected %s, got %s: %s", octa_codec_error_code_name (code),
             error->domain == OCTA_CODEC_ERROR ? octa_codec_error_code_name (error->code) : "?",
             error->message);
  if (strstr (error->message, needle) == NULL)
    g_error ("error \"%s\" does not mention \"%s\"", error->message, needle);
}

/* ---- 1. blank project ---------------------------------------------------- */

static void
test_new_blank (void)
{
  g_autoptr(OctaProjectFiles) files = octa_project_files_new_blank ("BLANK");
  g_autoptr(OctaProjectFiles) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autofree char *tmp = octa_test_make_tmpdir ();
  g_autofree char *dir = g_build_filename (tmp, "nested", "BLANK", NULL);
  FileRef refs[26];
  guint n = all_file_refs (refs);

  g_assert_cmpuint (n, ==, 26);
  g_assert_cmpstr (files->name, ==, "BLANK");
  g_assert_cmpuint (octa_project_files_count (files), ==, 26);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GBytes) work = octa_project_files_encode_file (files, refs[i].kind, refs[i].index,
                                                               OCTA_STATE_WORK);
      g_autoptr(GBytes) strd = octa_project_files_encode_file (files, refs[i].kind, refs[i].index,
                                                               OCTA_STATE_STRD);
      g_autofree char *md5 = NULL;

      g_assert_nonnull (work);
      g_assert_null (strd);
      md5 = md5_of_bytes (work);
      g_assert_cmpstr (md5, ==, blank_md5 (refs[i].kind));
    }

  {
    g_autofree char *a = octa_project_files_filename (OCTA_FILE_KIND_BANK, 0, OCTA_STATE_WORK);
    g_autofree char *b = octa_project_files_filename (OCTA_FILE_KIND_BANK, 15, OCTA_STATE_STRD);
    g_autofree char *c = octa_project_files_filename (OCTA_FILE_KIND_ARRANGEMENT, 7, OCTA_STATE_STRD);
    g_autofree char *d = octa_project_files_filename (OCTA_FILE_KIND_PROJECT, 0, OCTA_STATE_WORK);
    g_autofree char *e = octa_project_files_filename (OCTA_FILE_KIND_MARKERS, 0, OCTA_STATE_STRD);

    g_assert_cmpstr (a, ==, "bank01.work");
    g_assert_cmpstr (b, ==, "bank16.strd");
    g_assert_cmpstr (c, ==, "arr08.strd");
    g_assert_cmpstr (d, ==, "project.work");
    g_assert_cmpstr (e, ==, "markers.strd");
  }

  g_assert_true (octa_project_files_write_dir (files, dir, &error));
  g_assert_no_error (error);

  names = list_dir (dir);
  g_assert_cmpuint (names->len, ==, 26);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *filename = octa_project_files_filename (refs[i].kind, refs[i].index,
                                                               OCTA_STATE_WORK);
      g_autofree char *path = g_build_filename (dir, filename, NULL);
      g_autofree char *md5 = md5_of_file (path);

      g_assert_true (names_contain (names, filename));
      g_assert_cmpstr (md5, ==, blank_md5 (refs[i].kind));
    }

  loaded = octa_project_files_load_dir (dir, OCTA_LOAD_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_cmpstr (loaded->name, ==, "BLANK");
  g_assert_cmpuint (octa_project_files_count (loaded), ==, 26);
  assert_same_files (files, loaded);

  /* Writing over an existing project replaces the files and leaves no temporaries. */
  g_assert_true (octa_project_files_write_dir (loaded, dir, &error));
  g_assert_no_error (error);
  g_clear_pointer (&names, g_ptr_array_unref);
  names = list_dir (dir);
  g_assert_cmpuint (names->len, ==, 26);

  octa_test_rm_rf (tmp);
}

/* ---- 2. partial and broken folders -------------------------------------- */

static void
test_partial (void)
{
  g_autoptr(OctaProjectFiles) blank = octa_project_files_new_blank ("X");
  g_autoptr(OctaProjectFiles) files = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = octa_test_make_tmpdir ();
  g_autofree char *dir = g_build_filename (tmp, "PARTIAL", NULL);
  g_autofree char *empty = g_build_filename (tmp, "EMPTY", NULL);
  g_autofree char *other = g_build_filename (tmp, "OTHER", NULL);
  g_autofree char *readme = g_build_filename (other, "README.txt", NULL);
  g_autofree char *missing = g_build_filename (tmp, "MISSING", NULL);

  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  write_blank_file (blank, dir, OCTA_FILE_KIND_PROJECT, 0, OCTA_STATE_WORK);
  write_blank_file (blank, dir, OCTA_FILE_KIND_BANK, 0, OCTA_STATE_WORK);

  files = octa_project_files_load_dir (dir, OCTA_LOAD_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (files);
  g_assert_cmpstr (files->name, ==, "PARTIAL");
  g_assert_cmpuint (octa_project_files_count (files), ==, 2);
  g_assert_nonnull (files->project[OCTA_STATE_WORK]);
  g_assert_nonnull (files->banks[OCTA_STATE_WORK][0]);
  for (guint b = 1; b < OCTA_N_BANKS; b++)
    g_assert_null (files->banks[OCTA_STATE_WORK][b]);
  g_assert_null (files->markers[OCTA_STATE_WORK]);
  for (guint a = 0; a < OCTA_N_ARRANGEMENTS; a++)
    g_assert_null (files->arrangements[OCTA_STATE_WORK][a]);
  g_assert_null (files->project[OCTA_STATE_STRD]);
  g_assert_null (files->banks[OCTA_STATE_STRD][0]);
  g_clear_pointer (&files, octa_project_files_free);

  /* A .strd twin lands in the stored state; a trailing slash changes nothing. */
  write_blank_file (blank, dir, OCTA_FILE_KIND_BANK, 4, OCTA_STATE_STRD);
  {
    g_autofree char *slashed = g_strconcat (dir, "/", NULL);

    files = octa_project_files_load (slashed, OCTA_LOAD_DEFAULT, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (files->name, ==, "PARTIAL");
    g_assert_cmpuint (octa_project_files_count (files), ==, 3);
    g_assert_nonnull (files->banks[OCTA_STATE_STRD][4]);
    g_assert_null (files->banks[OCTA_STATE_WORK][4]);
    g_clear_pointer (&files, octa_project_files_free);
  }

  g_assert_cmpint (g_mkdir (empty, 0755), ==, 0);
  files = octa_project_files_load_dir (empty, OCTA_LOAD_DEFAULT, &error);
  g_assert_null (files);
  assert_error_names (error, OCTA_CODEC_ERROR_NOT_FOUND, "holds no Octatrack project files");
  g_assert_nonnull (strstr (error->message, empty));
  g_clear_error (&error);

  g_assert_cmpint (g_mkdir (other, 0755), ==, 0);
  octa_test_write_file (readme, "hello", 5);
  files = octa_project_files_load (other, OCTA_LOAD_DEFAULT, &error);
  g_assert_null (files);
  assert_error_names (error, OCTA_CODEC_ERROR_NOT_FOUND, other);
  g_clear_error (&error);

  files = octa_project_files_load_dir (missing, OCTA_LOAD_DEFAULT, &error);
  g_assert_null (files);
  assert_error_names (error, OCTA_CODEC_ERROR_NOT_FOUND, missing);
  g_clear_error (&error);

  files = octa_project_files_load (missing, OCTA_LOAD_DEFAULT, &error);
  g_assert_null (files);
  assert_error_names (error, OCTA_CODEC_ERROR_NOT_FOUND, missing);
  g_clear_error (&error);

  /* A regular file that is neither a folder nor a zip */
  files = octa_project_files_load (readme, OCTA_LOAD_DEFAULT, &error);
  g_assert_null (files);
  assert_error_names (error, OCTA_CODEC_ERROR_NOT_FOUND, readme);
  g_clear_error (&error);

  octa_test_rm_rf (tmp);
}

static void
check_broken_file (OctaFileKind  kind,
                   guint         index,
                   gsize         offset,
                   gsize         new_len,
                   int           expected_code)
{
  g_autoptr(OctaProjectFiles) blank = octa_project_files_new_blank ("BROKEN");
  g_autoptr(OctaProjectFiles) files = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  g_autofree char *tmp = octa_test_make_tmpdir ();
  g_autofree char *dir = g_build_filename (tmp, "BROKEN", NULL);
  g_autofree char *filename = octa_project_files_filename (kind, index, OCTA_STATE_WORK);
  g_autofree char *path = g_build_filename (dir, filename, NULL);
  g_autofree guint8 *data = NULL;
  gsize len;

  g_assert_true (octa_project_files_write_dir (blank, dir, &error));
  g_assert_no_error (error);

  data = octa_test_read_file (path, &len);
  if (offset < len)
    data[offset] ^= 0x01;
  octa_test_write_file (path, data, MIN (len, new_len));

  before = snapshot_dir (dir);
  files = octa_project_files_load_dir (dir, OCTA_LOAD_DEFAULT, &error);
  g_assert_null (files);
  assert_error_names (error, expected_code, path);
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  files = octa_project_files_load (dir, OCTA_LOAD_DEFAULT, &error);
  g_assert_null (files);
  assert_error_names (error, expected_code, path);
  g_clear_error (&error);

  after = snapshot_dir (dir);
  assert_snapshots_equal (before, after);

  octa_test_rm_rf (tmp);
}

static void
test_broken (void)
{
  /* One flipped byte deep in the p-lock area of pattern 1 */
  check_broken_file (OCTA_FILE_KIND_BANK, 2, 40000, G_MAXSIZE, OCTA_CODEC_ERROR_BAD_CHECKSUM);
  check_broken_file (OCTA_FILE_KIND_MARKERS, 0, G_MAXSIZE, 100, OCTA_CODEC_ERROR_TRUNCATED);
  check_broken_file (OCTA_FILE_KIND_ARRANGEMENT, 5, 0, G_MAXSIZE, OCTA_CODEC_ERROR_BAD_MAGIC);
}

static void
test_bad_checksum_allowed (void)
{
  g_autoptr(OctaProjectFiles) blank = octa_project_files_new_blank ("LAX");
  g_autoptr(OctaProjectFiles) files = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = octa_test_make_tmpdir ();
  g_autofree char *dir = g_build_filename (tmp, "LAX", NULL);
  g_autofree char *path = g_build_filename (dir, "bank07.work", NULL);
  g_autofree guint8 *data = NULL;
  gsize len;

  g_assert_true (octa_project_files_write_dir (blank, dir, &error));
  data = octa_test_read_file (path, &len);
  data[len - 1] ^= 0xFF;
  octa_test_write_file (path, data, len);

  files = octa_project_files_load_dir (dir, OCTA_LOAD_ALLOW_BAD_CHECKSUM, &error);
  g_assert_no_error (error);
  g_assert_nonnull (files);
  g_assert_cmpuint (octa_project_files_count (files), ==, 26);

  {
    g_autoptr(GBytes) bytes = octa_project_files_encode_file (files, OCTA_FILE_KIND_BANK, 6,
                                                              OCTA_STATE_WORK);
    g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), data, len);
  }

  octa_test_rm_rf (tmp);
}

/* ---- 3. zip round trip ---------------------------------------------------- */

static GPtrArray *
zip_list (const char *zip_path)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  int zerr = 0;
  zip_t *za = zip_open (zip_path, ZIP_RDONLY | ZIP_CHECKCONS, &zerr);

  g_assert_nonnull (za);
  for (zip_int64_t i = 0; i < zip_get_num_entries (za, 0); i++)
    g_ptr_array_add (names, g_strdup (zip_get_name (za, i, 0)));
  zip_discard (za);
  g_ptr_array_sort (names, compare_strings);
  return names;
}

static zip_uint16_t
zip_method_of (const char *zip_path,
               const char *entry)
{
  int zerr = 0;
  zip_t *za = zip_open (zip_path, ZIP_RDONLY, &zerr);
  zip_stat_t st;

  g_assert_nonnull (za);
  zip_stat_init (&st);
  g_assert_cmpint (zip_stat (za, entry, 0, &st), ==, 0);
  zip_discard (za);
  return st.comp_method;
}

static void
assert_same_file (const char *a,
                  const char *b)
{
  gsize la, lb;
  g_autofree guint8 *da = octa_test_read_file (a, &la);
  g_autofree guint8 *db = octa_test_read_file (b, &lb);

  g_assert_cmpmem (da, la, db, lb);
}

static gboolean
warnings_mention (GPtrArray  *warnings,
                  const char *needle)
{
  for (guint i = 0; i < warnings->len; i++)
    if (strstr (warnings->pdata[i], needle) != NULL)
      return TRUE;
  return FALSE;
}

static void
test_zip_round_trip (void)
{
  static const guint8 kick[] = "RIFF\x10\0\0\0WAVEfake kick";
  static const guint8 kick_ot[] = "FORMfake sidecar";
  static const guint8 loop[] = "RIFF\x20\0\0\0WAVEfake loop, a bit longer";
  g_autoptr(OctaProjectFiles) files = octa_project_files_new_blank ("MYPROJ");
  g_autoptr(OctaProjectFiles) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *tmp = octa_test_make_tmpdir ();
  g_autofree char *set = g_build_filename (tmp, "SET", NULL);
  g_autofree char *audio = g_build_filename (set, "AUDIO", NULL);
  g_autofree char *project_dir = g_build_filename (set, "MYPROJ", NULL);
  g_autofree char *kick_path = g_build_filename (audio, "kick.wav", NULL);
  g_autofree char *kick_ot_path = g_build_filename (audio, "kick.ot", NULL);
  g_autofree char *loop_path = g_build_filename (project_dir, "loop.wav", NULL);
  g_autofree char *zip_path = g_build_filename (tmp, "MYPROJ.zip", NULL);
  g_autofree char *extracted = g_build_filename (tmp, "EXTRACTED", NULL);
  g_autofree char *full = g_build_filename (tmp, "FULL", NULL);
  g_autofree char *keep = g_build_filename (full, "keep.txt", NULL);
  OctaProjectFile *project = files->project[OCTA_STATE_WORK];
  FileRef refs[26];
  guint n = all_file_refs (refs);

  g_assert_cmpint (g_mkdir_with_parents (audio, 0755), ==, 0);
  octa_test_write_file (kick_path, kick, sizeof kick);
  octa_test_write_file (kick_ot_path, kick_ot, sizeof kick_ot);
  {
    /* A sidecar whose sample is missing stays out of the zip */
    g_autofree char *orphan_ot = g_build_filename (audio, "missing.ot", NULL);
    octa_test_write_file (orphan_ot, kick_ot, sizeof kick_ot);
  }

  g_assert_true (octa_project_file_add_sample (project, OCTA_SLOT_FLEX, 0, "../AUDIO/kick.wav",
                                               &error));
  g_assert_no_error (error);
  g_assert_true (octa_project_file_add_sample (project, OCTA_SLOT_STATIC, 0, "loop.wav", &error));
  g_assert_no_error (error);
  /* The same sample twice goes in once. */
  g_assert_true (octa_project_file_add_sample (project, OCTA_SLOT_STATIC, 1, "../AUDIO/kick.wav",
                                               &error));
  g_assert_no_error (error);
  g_assert_true (octa_project_file_add_sample (project, OCTA_SLOT_FLEX, 1, "../AUDIO/missing.wav",
                                               &error));
  g_assert_no_error (error);
  g_assert_true (octa_project_file_add_sample (project, OCTA_SLOT_FLEX, 2, "/abs/path.wav",
                                               &error));
  g_assert_no_error (error);
  g_assert_true (octa_project_file_add_sample (project, OCTA_SLOT_FLEX, 3, "../../outside.wav",
                                               &error));
  g_assert_no_error (error);

  g_assert_true (octa_project_files_write_dir (files, project_dir, &error));
  g_assert_no_error (error);
  octa_test_write_file (loop_path, loop, sizeof loop);

  g_assert_true (octa_project_files_write_zip (files, zip_path, project_dir, warnings, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < warnings->len; i++)
    g_test_message ("warning: %s", (const char *) warnings->pdata[i]);
  g_assert_cmpuint (warnings->len, ==, 3);
  g_assert_true (warnings_mention (warnings, "missing.wav"));
  g_assert_true (warnings_mention (warnings, "/abs/path.wav"));
  g_assert_true (warnings_mention (warnings, "../../outside.wav"));

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *filename = octa_project_files_filename (refs[i].kind, refs[i].index,
                                                               OCTA_STATE_WORK);
      g_ptr_array_add (expected, g_strconcat ("MYPROJ/", filename, NULL));
    }
  g_ptr_array_add (expected, g_strdup ("AUDIO/kick.wav"));
  g_ptr_array_add (expected, g_strdup ("AUDIO/kick.ot"));
  g_ptr_array_add (expected, g_strdup ("MYPROJ/loop.wav"));
  g_ptr_array_sort (expected, compare_strings);

  names = zip_list (zip_path);
  g_assert_cmpuint (names->len, ==, expected->len);
  for (guint i = 0; i < names->len; i++)
    g_assert_cmpstr (names->pdata[i], ==, expected->pdata[i]);

  g_assert_cmpuint (zip_method_of (zip_path, "MYPROJ/project.work"), ==, ZIP_CM_DEFLATE);
  g_assert_cmpuint (zip_method_of (zip_path, "MYPROJ/bank01.work"), ==, ZIP_CM_DEFLATE);
  g_assert_cmpuint (zip_method_of (zip_path, "AUDIO/kick.wav"), ==, ZIP_CM_STORE);
  g_assert_cmpuint (zip_method_of (zip_path, "MYPROJ/loop.wav"), ==, ZIP_CM_STORE);
  g_assert_false (dir_has_prefix (tmp, ".MYPROJ.zip."));

  /* Reading it back */
  loaded = octa_project_files_load_zip (zip_path, OCTA_LOAD_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_cmpstr (loaded->name, ==, "MYPROJ");
  g_assert_cmpuint (octa_project_files_count (loaded), ==, 26);
  assert_same_files (files, loaded);
  g_clear_pointer (&loaded, octa_project_files_free);

  loaded = octa_project_files_load (zip_path, OCTA_LOAD_DEFAULT, &error);
  g_assert_no_error (error);
  assert_same_files (files, loaded);
  g_clear_pointer (&loaded, octa_project_files_free);

  /* Recognised by its magic when the name does not say zip */
  {
    g_autofree char *renamed = g_build_filename (tmp, "bundle.bin", NULL);
    gsize len;
    g_autofree guint8 *data = octa_test_read_file (zip_path, &len);

    octa_test_write_file (renamed, data, len);
    loaded = octa_project_files_load (renamed, OCTA_LOAD_DEFAULT, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (loaded->name, ==, "MYPROJ");
    g_clear_pointer (&loaded, octa_project_files_free);
    g_unlink (renamed);
  }

  /* Extracting recreates the set's layout */
  g_assert_true (octa_zip_extract (zip_path, extracted, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *filename = octa_project_files_filename (refs[i].kind, refs[i].index,
                                                               OCTA_STATE_WORK);
      g_autofree char *a = g_build_filename (project_dir, filename, NULL);
      g_autofree char *b = g_build_filename (extracted, "MYPROJ", filename, NULL);

      assert_same_file (a, b);
    }
  {
    g_autofree char *x_kick = g_build_filename (extracted, "AUDIO", "kick.wav", NULL);
    g_autofree char *x_ot = g_build_filename (extracted, "AUDIO", "kick.ot", NULL);
    g_autofree char *x_loop = g_build_filename (extracted, "MYPROJ", "loop.wav", NULL);
    g_autoptr(GPtrArray) top = list_dir (extracted);

    assert_same_file (kick_path, x_kick);
    assert_same_file (kick_ot_path, x_ot);
    assert_same_file (loop_path, x_loop);
    g_assert_cmpuint (top->len, ==, 2);
  }
  g_assert_false (dir_has_prefix (tmp, "EXTRACTED.partial"));

  /* The extracted folder opens as a project */
  {
    g_autofree char *x_project = g_build_filename (extracted, "MYPROJ", NULL);

    loaded = octa_project_files_load_dir (x_project, OCTA_LOAD_DEFAULT, &error);
    g_assert_no_error (error);
    assert_same_files (files, loaded);
    g_clear_pointer (&loaded, octa_project_files_free);
  }

  /* An empty destination folder is fine, a non-empty one is refused untouched */
  {
    g_autofree char *empty = g_build_filename (tmp, "EMPTYDEST", NULL);
    g_autofree char *x_bank = g_build_filename (empty, "MYPROJ", "bank16.work", NULL);

    g_assert_cmpint (g_mkdir (empty, 0755), ==, 0);
    g_assert_true (octa_zip_extract (zip_path, empty, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_test (x_bank, G_FILE_TEST_IS_REGULAR));
  }

  g_assert_cmpint (g_mkdir (full, 0755), ==, 0);
  octa_test_write_file (keep, "keep", 4);
  {
    g_autoptr(GHashTable) before = snapshot_dir (full);
    g_autoptr(GHashTable) after = NULL;

    g_assert_false (octa_zip_extract (zip_path, full, &error));
    assert_error_names (error, OCTA_CODEC_ERROR_IO, full);
    g_clear_error (&error);
    after = snapshot_dir (full);
    assert_snapshots_equal (before, after);
    g_assert_false (dir_has_prefix (tmp, "FULL.partial"));
  }

  /* Without a project folder only the project files go in */
  {
    g_autofree char *bare = g_build_filename (tmp, "bare.zip", NULL);
    g_autoptr(GPtrArray) bare_warnings = g_ptr_array_new_with_free_func (g_free);
    g_autoptr(GPtrArray) bare_names = NULL;

    g_assert_true (octa_project_files_write_zip (files, bare, NULL, bare_warnings, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (bare_warnings->len, ==, 0);
    bare_names = zip_list (bare);
    g_assert_cmpuint (bare_names->len, ==, 26);

    /* Replacing an existing archive, without a warnings array */
    g_assert_true (octa_project_files_write_zip (files, bare, project_dir, NULL, &error));
    g_assert_no_error (error);
    g_clear_pointer (&bare_names, g_ptr_array_unref);
    bare_names = zip_list (bare);
    g_assert_cmpuint (bare_names->len, ==, 29);
  }

  octa_test_rm_rf (tmp);
}

/* ---- 4. hostile archives ---------------------------------------------------- */

typedef struct
{
  const char   *name;
  const guint8 *data;       /* NULL: the blank project.work */
  gsize         len;
  guint32       unix_mode;  /* 0: leave libzip's default */
} Entry;

static GBytes *
blank_project_bytes (void)
{
  g_autoptr(OctaProjectFiles) files = octa_project_files_new_blank ("P");

  return octa_project_files_encode_file (files, OCTA_FILE_KIND_PROJECT, 0, OCTA_STATE_WORK);
}

static void
build_zip (const char  *path,
           const Entry *entries,
           guint        n_entries)
{
  g_autoptr(GBytes) project = blank_project_bytes ();
  int zerr = 0;
  zip_t *za = zip_open (path, ZIP_CREATE | ZIP_TRUNCATE, &zerr);

  g_assert_nonnull (za);
  for (guint i = 0; i < n_entries; i++)
    {
      const void *data = entries[i].data;
      gsize len = entries[i].len;
      zip_source_t *src;
      zip_int64_t index;

      if (data == NULL)
        data = g_bytes_get_data (project, &len);

      src = zip_source_buffer (za, data, len, 0);
      g_assert_nonnull (src);
      index = zip_file_add (za, entries[i].name, src, ZIP_FL_ENC_UTF_8);
      if (index < 0)
        g_error ("cannot add %s: %s", entries[i].name, zip_strerror (za));
      if (entries[i].unix_mode != 0)
        g_assert_cmpint (zip_file_set_external_attributes (za, index, 0, ZIP_OPSYS_UNIX,
                                                           entries[i].unix_mode << 16), ==, 0);
    }
  if (zip_close (za) != 0)
    g_error ("cannot write %s: %s", path, zip_strerror (za));
}

static guint32
get_le32 (const guint8 *p)
{
  return p[0] | (p[1] << 8) | (p[2] << 16) | ((guint32) p[3] << 24);
}

static void
put_le32 (guint8  *p,
          guint32  v)
{
  p[0] = v & 0xFF;
  p[1] = (v >> 8) & 0xFF;
  p[2] = (v >> 16) & 0xFF;
  p[3] = (v >> 24) & 0xFF;
}

static guint16
get_le16 (const guint8 *p)
{
  return p[0] | (p[1] << 8);
}

/*
 * Rewrites the uncompressed size that the local header and the central
 * directory declare for @entry_name, leaving the data as it is.
 */
static void
patch_declared_size (const char *path,
                     const char *entry_name,
                     guint32     claimed)
{
  g_autofree guint8 *data = NULL;
  gsize len, p;
  guint n_entries;
  gboolean found = FALSE;

  data = octa_test_read_file (path, &len);
  g_assert_cmpuint (len, >, 22);
  g_assert_cmpmem (data + len - 22, 4, "PK\x05\x06", 4);
  n_entries = get_le16 (data + len - 22 + 10);
  p = get_le32 (data + len - 22 + 16);

  for (guint i = 0; i < n_entries; i++)
    {
      guint name_len, extra_len, comment_len;
      gsize local;

      g_assert_cmpuint (p + 46, <, len);
      g_assert_cmpmem (data + p, 4, "PK\x01\x02", 4);
      name_len = get_le16 (data + p + 28);
      extra_len = get_le16 (data + p + 30);
      comment_len = get_le16 (data + p + 32);
      local = get_le32 (data + p + 42);

      if (name_len == strlen (entry_name) && memcmp (data + p + 46, entry_name, name_len) == 0)
        {
          g_assert_cmpmem (data + local, 4, "PK\x03\x04", 4);
          g_assert_cmpuint (get_le32 (data + local + 22), ==, get_le32 (data + p + 24));
          put_le32 (data + p + 24, claimed);
          put_le32 (data + local + 22, claimed);
          found = TRUE;
        }
      p += 46 + name_len + extra_len + comment_len;
    }

  g_assert_true (found);
  octa_test_write_file (path, data, len);
}

static void
check_hostile (const char *tmp,
               const char *zip_name,
               int         expected_code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *zip_path = g_build_filename (tmp, zip_name, NULL);
  g_autofree char *out = g_build_filename (tmp, "out", "deeper", NULL);
  g_autofree char *dest = g_build_filename (out, "dest", NULL);
  g_autofree char *base = g_path_get_basename (zip_path);
  OctaProjectFiles *files;

  g_assert_cmpint (g_mkdir_with_parents (out, 0755), ==, 0);

  files = octa_project_files_load_zip (zip_path, OCTA_LOAD_DEFAULT, &error);
  g_assert_null (files);
  assert_error_names (error, expected_code, base);
  g_test_message ("%s: %s", zip_name, error->message);
  g_clear_error (&error);

  files = octa_project_files_load (zip_path, OCTA_LOAD_DEFAULT, &error);
  g_assert_null (files);
  assert_error_names (error, expected_code, base);
  g_clear_error (&error);

  g_assert_false (octa_zip_extract (zip_path, dest, &error));
  assert_error_names (error, expected_code, base);
  g_clear_error (&error);

  g_assert_false (g_file_test (dest, G_FILE_TEST_EXISTS));
  g_assert_false (dir_has_prefix (out, "dest.partial"));
  g_assert_false (tree_has_name (tmp, "evil"));
  g_assert_false (g_file_test ("/tmp/evil-octa-test", G_FILE_TEST_EXISTS));
}

static void
test_hostile_zips (void)
{
  static const guint8 tiny[] = "x";
  g_autofree char *tmp = octa_test_make_tmpdir ();
  g_autofree char *path = NULL;

  {
    Entry e[] = { { "PROJ/project.work", NULL, 0, 0 }, { "../evil", tiny, 1, 0 } };
    path = g_build_filename (tmp, "dotdot.zip", NULL);
    build_zip (path, e, G_N_ELEMENTS (e));
    check_hostile (tmp, "dotdot.zip", OCTA_CODEC_ERROR_ZIP);
    g_clear_pointer (&path, g_free);
  }
  {
    Entry e[] = { { "PROJ/project.work", NULL, 0, 0 }, { "/tmp/evil-octa-test", tiny, 1, 0 } };
    path = g_build_filename (tmp, "absolute.zip", NULL);
    build_zip (path, e, G_N_ELEMENTS (e));
    check_hostile (tmp, "absolute.zip", OCTA_CODEC_ERROR_ZIP);
    g_clear_pointer (&path, g_free);
  }
  {
    Entry e[] = { { "PROJ/project.work", NULL, 0, 0 }, { "C:/evil", tiny, 1, 0 } };
    path = g_build_filename (tmp, "drive.zip", NULL);
    build_zip (path, e, G_N_ELEMENTS (e));
    check_hostile (tmp, "drive.zip", OCTA_CODEC_ERROR_ZIP);
    g_clear_pointer (&path, g_free);
  }
  {
    Entry e[] = { { "PROJ/project.work", NULL, 0, 0 }, { "a/../../evil", tiny, 1, 0 } };
    path = g_build_filename (tmp, "inner-dotdot.zip", NULL);
    build_zip (path, e, G_N_ELEMENTS (e));
    check_hostile (tmp, "inner-dotdot.zip", OCTA_CODEC_ERROR_ZIP);
    g_clear_pointer (&path, g_free);
  }
  {
    Entry e[] = { { "PROJ/project.work", NULL, 0, 0 }, { "..\\evil", tiny, 1, 0 } };
    path = g_build_filename (tmp, "backslash.zip", NULL);
    build_zip (path, e, G_N_ELEMENTS (e));
    check_hostile (tmp, "backslash.zip", OCTA_CODEC_ERROR_ZIP);
    g_clear_pointer (&path, g_free);
  }
  {
    static const guint8 target[] = "../../../evil";
    Entry e[] = {
      { "PROJ/project.work", NULL, 0, 0 },
      { "PROJ/link", target, sizeof target - 1, S_IFLNK | 0777 },
    };
    path = g_build_filename (tmp, "symlink.zip", NULL);
    build_zip (path, e, G_N_ELEMENTS (e));
    check_hostile (tmp, "symlink.zip", OCTA_CODEC_ERROR_ZIP);
    g_clear_pointer (&path, g_free);
  }
  {
    g_autofree Entry *e = g_new0 (Entry, 5001);
    g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

    e[0] = (Entry) { "PROJ/project.work", NULL, 0, 0 };
    for (guint i = 1; i <= 5000; i++)
      {
        char *name = g_strdup_printf ("PROJ/many/f%04u.txt", i);
        g_ptr_array_add (names, name);
        e[i] = (Entry) { name, tiny, 1, 0 };
      }
    path = g_build_filename (tmp, "many.zip", NULL);
    build_zip (path, e, 5001);
    check_hostile (tmp, "many.zip", OCTA_CODEC_ERROR_ZIP);
    g_clear_pointer (&path, g_free);
  }
  {
    /* Claims 1000 bytes, inflates to 2 MiB: beyond the project file cap */
    gsize big = 2 * 1024 * 1024;
    g_autofree guint8 *zeros = g_malloc0 (big);
    Entry e[] = { { "PROJ/project.work", zeros, big, 0 } };

    path = g_build_filename (tmp, "bomb.zip", NULL);
    build_zip (path, e, G_N_ELEMENTS (e));
    patch_declared_size (path, "PROJ/project.work", 1000);
    check_hostile (tmp, "bomb.zip", OCTA_CODEC_ERROR_ZIP);
    g_clear_pointer (&path, g_free);
  }
  {
    /* Claims 10 bytes for a 100 000-byte sample: extraction stops at the claim */
    g_autofree guint8 *zeros = g_malloc0 (100000);
    Entry e[] = { { "PROJ/project.work", NULL, 0, 0 }, { "PROJ/sample.wav", zeros, 100000, 0 } };
    g_autofree char *a = g_build_filename (tmp, "lying.zip", NULL);

    build_zip (a, e, G_N_ELEMENTS (e));
    patch_declared_size (a, "PROJ/sample.wav", 10);
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *dest = g_build_filename (tmp, "lying-dest", NULL);
      g_autoptr(OctaProjectFiles) files = NULL;

      /* Loading never touches the sample, so it works */
      files = octa_project_files_load_zip (a, OCTA_LOAD_DEFAULT, &error);
      g_assert_no_error (error);
      g_assert_nonnull (files);

      g_assert_false (octa_zip_extract (a, dest, &error));
      assert_error_names (error, OCTA_CODEC_ERROR_ZIP, "sample.wav");
      g_clear_error (&error);
      g_assert_false (g_file_test (dest, G_FILE_TEST_EXISTS));
      g_assert_false (dir_has_prefix (tmp, "lying-dest.partial"));
    }
  }
  {
    /* An honest project file that is simply too large */
    gsize big = OCTA_ZIP_MAX_PROJECT_FILE + 1;
    g_autofree guint8 *hashes = g_malloc (big);
    Entry e[] = { { "PROJ/project.work", hashes, big, 0 } };

    memset (hashes, '#', big);
    path = g_build_filename (tmp, "huge-project.zip", NULL);
    build_zip (path, e, G_N_ELEMENTS (e));
    check_hostile (tmp, "huge-project.zip", OCTA_CODEC_ERROR_ZIP);
    g_clear_pointer (&path, g_free);
  }
  {
    g_autoptr(OctaProjectFiles) blank = octa_project_files_new_blank ("B");
    g_autoptr(GBytes) bank = octa_project_files_encode_file (blank, OCTA_FILE_KIND_BANK, 0,
                                                             OCTA_STATE_WORK);
    gsize bank_len;
    const guint8 *bank_data = g_bytes_get_data (bank, &bank_len);
    Entry e[] = {
      { "A/project.work", NULL, 0, 0 },
      { "B/bank01.work", bank_data, bank_len, 0 },
    };
    path = g_build_filename (tmp, "two-projects.zip", NULL);
    build_zip (path, e, G_N_ELEMENTS (e));
    check_hostile (tmp, "two-projects.zip", OCTA_CODEC_ERROR_ZIP);
    g_clear_pointer (&path, g_free);
  }
  {
    Entry e[] = { { "README.txt", tiny, 1, 0 }, { "PROJ/notes.txt", tiny, 1, 0 } };
    path = g_build_filename (tmp, "no-project.zip", NULL);
    build_zip (path, e, G_N_ELEMENTS (e));
    check_hostile (tmp, "no-project.zip", OCTA_CODEC_ERROR_NOT_FOUND);
    g_clear_pointer (&path, g_free);
  }
  if (zip_encryption_method_supported (ZIP_EM_AES_256, 1) ||
      zip_encryption_method_supported (ZIP_EM_TRAD_PKWARE, 1))
    {
      zip_uint16_t method = zip_encryption_method_supported (ZIP_EM_AES_256, 1)
                            ? ZIP_EM_AES_256 : ZIP_EM_TRAD_PKWARE;
      Entry e[] = { { "PROJ/project.work", NULL, 0, 0 } };
      int zerr = 0;
      zip_t *za;

      path = g_build_filename (tmp, "encrypted.zip", NULL);
      build_zip (path, e, 1);
      za = zip_open (path, 0, &zerr);
      g_assert_nonnull (za);
      g_assert_cmpint (zip_file_set_encryption (za, 0, method, "secret"), ==, 0);
      g_assert_cmpint (zip_close (za), ==, 0);
      check_hostile (tmp, "encrypted.zip", OCTA_CODEC_ERROR_ZIP);
      g_clear_pointer (&path, g_free);
    }
  else
    {
      g_test_message ("this libzip cannot write encrypted entries; encryption case skipped");
    }
  {
    path = g_build_filename (tmp, "x.zip", NULL);
    octa_test_write_file (path, "this is not a zip archive at all\n", 33);
    check_hostile (tmp, "x.zip", OCTA_CODEC_ERROR_ZIP);
    g_clear_pointer (&path, g_free);
  }
  {
    Entry e[] = { { "PROJ/project.work", NULL, 0, 0 }, { "PROJ/extra.txt", tiny, 1, 0 } };
    g_autofree guint8 *data = NULL;
    gsize len;

    path = g_build_filename (tmp, "truncated.zip", NULL);
    build_zip (path, e, G_N_ELEMENTS (e));
    data = octa_test_read_file (path, &len);
    octa_test_write_file (path, data, len - 30);
    check_hostile (tmp, "truncated.zip", OCTA_CODEC_ERROR_ZIP);
    g_clear_pointer (&path, g_free);
  }

  octa_test_rm_rf (tmp);
}

static void
test_zip_root_project (void)
{
  g_autoptr(OctaProjectFiles) blank = octa_project_files_new_blank ("R");
  g_autoptr(GBytes) bank = octa_project_files_encode_file (blank, OCTA_FILE_KIND_BANK, 3,
                                                           OCTA_STATE_WORK);
  g_autoptr(OctaProjectFiles) files = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = octa_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (tmp, "RootProj.ZIP", NULL);
  g_autofree char *broken = g_build_filename (tmp, "broken.zip", NULL);
  gsize bank_len;
  const guint8 *bank_data = g_bytes_get_data (bank, &bank_len);
  g_autofree guint8 *bad_bank = g_memdup2 (bank_data, bank_len);
  Entry e[] = {
    { "project.work", NULL, 0, 0 },
    { "bank04.work", bank_data, bank_len, 0 },
    { "./AUDIO/", (const guint8 *) "", 0, 0 },
    { "notes.txt", (const guint8 *) "n", 1, 0 },
  };
  Entry bad[] = {
    { "P/project.work", NULL, 0, 0 },
    { "P/bank04.work", bad_bank, bank_len, 0 },
  };

  build_zip (path, e, G_N_ELEMENTS (e));
  files = octa_project_files_load (path, OCTA_LOAD_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (files);
  g_assert_cmpstr (files->name, ==, "RootProj");
  g_assert_cmpuint (octa_project_files_count (files), ==, 2);
  g_assert_nonnull (files->banks[OCTA_STATE_WORK][3]);

  /* A broken file inside the zip is reported as ZIP!entry */
  bad_bank[100] ^= 0x40;
  build_zip (broken, bad, G_N_ELEMENTS (bad));
  g_clear_pointer (&files, octa_project_files_free);
  files = octa_project_files_load_zip (broken, OCTA_LOAD_DEFAULT, &error);
  g_assert_null (files);
  {
    g_autofree char *label = g_strconcat (broken, "!P/bank04.work", NULL);
    assert_error_names (error, OCTA_CODEC_ERROR_BAD_CHECKSUM, label);
  }
  g_clear_error (&error);

  files = octa_project_files_load_zip (broken, OCTA_LOAD_ALLOW_BAD_CHECKSUM, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (files->name, ==, "P");

  octa_test_rm_rf (tmp);
}

/* ---- 5. atomic writes ----------------------------------------------------------- */

static void
test_write_atomic (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = octa_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (tmp, "a.bin", NULL);
  g_autofree char *orphan = g_build_filename (tmp, "nope", "a.bin", NULL);
  g_autofree char *nope = g_build_filename (tmp, "nope", NULL);
  g_autofree char *sub = g_build_filename (tmp, "sub", NULL);
  g_autoptr(GPtrArray) names = NULL;
  guint8 *data = NULL;
  gsize len = 0;

  g_assert_true (octa_write_file_atomic (path, (const guint8 *) "hello", 5, &error));
  g_assert_no_error (error);
  g_assert_true (octa_read_file (path, 100, &data, &len, &error));
  g_assert_cmpmem (data, len, "hello", 5);
  g_clear_pointer (&data, g_free);

  g_assert_true (octa_write_file_atomic (path, (const guint8 *) "replaced!", 9, &error));
  g_assert_no_error (error);
  g_assert_true (octa_read_file (path, 100, &data, &len, &error));
  g_assert_cmpmem (data, len, "replaced!", 9);
  g_clear_pointer (&data, g_free);

  g_assert_true (octa_write_file_atomic (path, NULL, 0, &error));
  g_assert_no_error (error);
  g_assert_true (octa_read_file (path, 100, &data, &len, &error));
  g_assert_cmpuint (len, ==, 0);
  g_clear_pointer (&data, g_free);

  g_assert_true (octa_write_file_atomic (path, (const guint8 *) "final", 5, &error));
  names = list_dir (tmp);
  g_assert_cmpuint (names->len, ==, 1);
  g_assert_cmpstr (names->pdata[0], ==, "a.bin");

  /* The parent does not exist */
  g_assert_false (octa_write_file_atomic (orphan, (const guint8 *) "x", 1, &error));
  assert_error_names (error, OCTA_CODEC_ERROR_IO, orphan);
  g_assert_nonnull (strstr (error->message, g_strerror (ENOENT)));
  g_clear_error (&error);
  g_assert_false (g_file_test (nope, G_FILE_TEST_EXISTS));

  /* The target is a folder: the temporary file must not stay behind */
  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  g_assert_false (octa_write_file_atomic (sub, (const guint8 *) "x", 1, &error));
  assert_error_names (error, OCTA_CODEC_ERROR_IO, sub);
  g_clear_error (&error);
  g_assert_true (g_file_test (sub, G_FILE_TEST_IS_DIR));
  g_clear_pointer (&names, g_ptr_array_unref);
  names = list_dir (tmp);
  g_assert_cmpuint (names->len, ==, 2);

  if (geteuid () != 0)
    {
      g_assert_cmpint (g_chmod (tmp, 0555), ==, 0);
      g_assert_false (octa_write_file_atomic (path, (const guint8 *) "denied", 6, &error));
      assert_error_names (error, OCTA_CODEC_ERROR_IO, path);
      g_clear_error (&error);
      g_assert_cmpint (g_chmod (tmp, 0755), ==, 0);
      g_assert_true (octa_read_file (path, 100, &data, &len, &error));
      g_assert_cmpmem (data, len, "final", 5);
      g_clear_pointer (&data, g_free);
      g_clear_pointer (&names, g_ptr_array_unref);
      names = list_dir (tmp);
      g_assert_cmpuint (names->len, ==, 2);
    }
  else
    {
      g_test_message ("running as root: permissions are not enforced, "
                      "read-only folder case replaced by the missing-parent case");
    }

  /* octa_read_file limits and messages */
  g_assert_false (octa_read_file (path, 4, &data, &len, &error));
  assert_error_names (error, OCTA_CODEC_ERROR_MALFORMED, path);
  g_clear_error (&error);
  g_assert_true (octa_read_file (path, 5, &data, &len, &error));
  g_assert_cmpuint (len, ==, 5);
  g_assert_cmpint (data[5], ==, 0);
  g_clear_pointer (&data, g_free);

  g_assert_false (octa_read_file (orphan, 100, &data, &len, &error));
  assert_error_names (error, OCTA_CODEC_ERROR_IO, orphan);
  g_assert_nonnull (strstr (error->message, g_strerror (ENOENT)));
  g_clear_error (&error);

  g_assert_false (octa_read_file (sub, 100, &data, &len, &error));
  assert_error_names (error, OCTA_CODEC_ERROR_IO, sub);
  g_clear_error (&error);

  g_assert_true (octa_fsync_dir (tmp, &error));
  g_assert_no_error (error);
  g_assert_false (octa_fsync_dir (nope, &error));
  assert_error_names (error, OCTA_CODEC_ERROR_IO, nope);
  g_clear_error (&error);

  octa_test_rm_rf (tmp);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/codec/project-files/new-blank", test_new_blank);
  g_test_add_func ("/codec/project-files/partial", test_partial);
  g_test_add_func ("/codec/project-files/broken", test_broken);
  g_test_add_func ("/codec/project-files/bad-checksum-allowed", test_bad_checksum_allowed);
  g_test_add_func ("/codec/project-files/zip-round-trip", test_zip_round_trip);
  g_test_add_func ("/codec/project-files/zip-root-project", test_zip_root_project);
  g_test_add_func ("/codec/project-files/hostile-zips", test_hostile_zips);
  g_test_add_func ("/codec/project-files/write-atomic", test_write_atomic);

  return g_test_run ();
}
