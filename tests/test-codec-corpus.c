/* SPDX-License-Identifier: MIT */
#include <string.h>

#include "octa-test-utils.h"

#define BAD_CHECKSUM_FILE "octatools/arrange-tests/full_options.work"
#define EMPTY_OT_FILE     "octatools/sample-slots@86716d9/consolidation-to_audio_pool/AUDIO/third-0.ot"

static gboolean
has_project_extension (const char *path)
{
  return g_str_has_suffix (path, ".work") || g_str_has_suffix (path, ".strd");
}

/*
 * Test fixtures such as `arrange-tests/blank.work` carry a project file
 * extension but not a project file name; their contents say what they are.
 */
static OctaFileKind
kind_of (const char   *path,
         const guint8 *data,
         gsize         len)
{
  OctaFileKind kind = octa_file_kind_from_filename (path);

  if (kind == OCTA_FILE_KIND_UNKNOWN && has_project_extension (path))
    kind = octa_file_kind_detect (data, len);
  return kind;
}

static GBytes *
decode_encode (OctaFileKind    kind,
               const guint8   *data,
               gsize           len,
               const char     *name,
               OctaLoadFlags   flags,
               GError        **error)
{
  switch (kind)
    {
    case OCTA_FILE_KIND_BANK:
      {
        g_autoptr(OctaBankFile) file = octa_bank_file_new_from_data (data, len, name, flags, error);
        return file ? octa_bank_file_encode (file) : NULL;
      }
    case OCTA_FILE_KIND_MARKERS:
      {
        g_autoptr(OctaMarkersFile) file = octa_markers_file_new_from_data (data, len, name, flags,
                                                                           error);
        return file ? octa_markers_file_encode (file) : NULL;
      }
    case OCTA_FILE_KIND_ARRANGEMENT:
      {
        g_autoptr(OctaArrangementFile) file = octa_arrangement_file_new_from_data (data, len, name,
                                                                                   flags, error);
        return file ? octa_arrangement_file_encode (file) : NULL;
      }
    case OCTA_FILE_KIND_SAMPLE_ATTRS:
      {
        g_autoptr(OctaSampleFile) file = octa_sample_file_new_from_data (data, len, name, flags,
                                                                         error);
        return file ? octa_sample_file_encode (file) : NULL;
      }
    case OCTA_FILE_KIND_PROJECT:
      {
        g_autoptr(OctaProjectFile) file = octa_project_file_new_from_data (data, len, name, error);
        return file ? octa_project_file_encode (file) : NULL;
      }
    case OCTA_FILE_KIND_UNKNOWN:
    default:
      g_assert_not_reached ();
    }
  return NULL;
}

static const char *
relative (const char *path)
{
  const char *root = octa_test_corpus_dir ();
  gsize n = strlen (root);

  if (g_str_has_prefix (path, root))
    {
      path += n;
      while (*path == G_DIR_SEPARATOR)
        path++;
    }
  return path;
}

static void
test_corpus_files (void)
{
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GPtrArray) bad_checksum = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) refused = g_ptr_array_new_with_free_func (g_free);
  guint checked[OCTA_FILE_KIND_PROJECT + 1] = { 0 };
  guint total = 0, skipped = 0, unexpected = 0;

  if (octa_test_skip_without_corpus ())
    return;

  paths = octa_test_find_files (octa_test_corpus_dir (), NULL);
  if (paths->len == 0)
    g_error ("the corpus folder %s holds no files", octa_test_corpus_dir ());

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = paths->pdata[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) encoded = NULL;
      g_autofree guint8 *data = NULL;
      gsize len = 0;
      OctaFileKind kind;

      if (!octa_read_file (path, OCTA_MAX_FILE_SIZE, &data, &len, &error))
        g_error ("%s", error->message);

      kind = kind_of (path, data, len);
      if (kind == OCTA_FILE_KIND_UNKNOWN)
        {
          skipped++;
          continue;
        }

      checked[kind]++;
      total++;

      encoded = decode_encode (kind, data, len, path, OCTA_LOAD_DEFAULT, &error);
      if (encoded == NULL && g_error_matches (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_BAD_CHECKSUM))
        {
          g_test_message ("bad checksum, retried leniently: %s", error->message);
          g_ptr_array_add (bad_checksum, g_strdup (relative (path)));
          g_clear_error (&error);
          encoded = decode_encode (kind, data, len, path, OCTA_LOAD_ALLOW_BAD_CHECKSUM, &error);
        }

      if (encoded == NULL)
        {
          g_assert_nonnull (error);
          g_test_message ("refused: %s [%s]", error->message,
                          octa_codec_error_code_name (error->code));
          /* The placeholder is stored once and copied where its source had copies. */
          if (kind == OCTA_FILE_KIND_SAMPLE_ATTRS && len == 0 &&
              (g_error_matches (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_TRUNCATED) ||
               g_error_matches (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_BAD_MAGIC)))
            g_ptr_array_add (refused, g_strdup (relative (path)));
          else
            {
              g_printerr ("# unexpected refusal: %s\n", error->message);
              unexpected++;
            }
          continue;
        }

      if (g_bytes_get_size (encoded) != len ||
          memcmp (g_bytes_get_data (encoded, NULL), data, len) != 0)
        {
          g_printerr ("# not byte-identical after decode + encode: %s\n", path);
          unexpected++;
        }
    }

  g_test_message ("checked %u files: %u bank, %u markers, %u arrangement, %u .ot, %u project "
                  "(%u other files skipped)", total,
                  checked[OCTA_FILE_KIND_BANK], checked[OCTA_FILE_KIND_MARKERS],
                  checked[OCTA_FILE_KIND_ARRANGEMENT], checked[OCTA_FILE_KIND_SAMPLE_ATTRS],
                  checked[OCTA_FILE_KIND_PROJECT], skipped);
  g_print ("# checked %u files: %u bank, %u markers, %u arrangement, %u .ot, %u project "
           "(%u other files skipped)\n", total,
           checked[OCTA_FILE_KIND_BANK], checked[OCTA_FILE_KIND_MARKERS],
           checked[OCTA_FILE_KIND_ARRANGEMENT], checked[OCTA_FILE_KIND_SAMPLE_ATTRS],
           checked[OCTA_FILE_KIND_PROJECT], skipped);

  g_assert_cmpuint (total, >, 0);
  g_assert_cmpuint (checked[OCTA_FILE_KIND_BANK], >, 0);
  g_assert_cmpuint (checked[OCTA_FILE_KIND_MARKERS], >, 0);
  g_assert_cmpuint (checked[OCTA_FILE_KIND_ARRANGEMENT], >, 0);
  g_assert_cmpuint (checked[OCTA_FILE_KIND_SAMPLE_ATTRS], >, 0);
  g_assert_cmpuint (checked[OCTA_FILE_KIND_PROJECT], >, 0);
  g_assert_cmpuint (unexpected, ==, 0);

  g_assert_cmpuint (bad_checksum->len, ==, 1);
  g_assert_cmpstr (bad_checksum->pdata[0], ==, BAD_CHECKSUM_FILE);
  g_assert_cmpuint (refused->len, >=, 1);
  {
    gboolean found = FALSE;

    for (guint i = 0; i < refused->len; i++)
      found |= g_str_equal (refused->pdata[i], EMPTY_OT_FILE);
    g_assert_true (found);
  }
  g_print ("# refused as expected: %u empty .ot placeholder(s); bad checksum: %s\n",
           refused->len, (const char *) bad_checksum->pdata[0]);
}

static void
compare_written_folder (const char       *original,
                        const char       *written,
                        OctaProjectFiles *files)
{
  guint n_original = 0, n_written = 0;

  for (guint s = 0; s < 2; s++)
    for (OctaFileKind kind = OCTA_FILE_KIND_BANK; kind <= OCTA_FILE_KIND_PROJECT; kind++)
      {
        guint n = kind == OCTA_FILE_KIND_BANK ? OCTA_N_BANKS
                  : kind == OCTA_FILE_KIND_ARRANGEMENT ? OCTA_N_ARRANGEMENTS
                  : kind == OCTA_FILE_KIND_SAMPLE_ATTRS ? 0 : 1;

        for (guint i = 0; i < n; i++)
          {
            g_autofree char *filename = octa_project_files_filename (kind, i, s);
            g_autofree char *a = g_build_filename (original, filename, NULL);
            g_autofree char *b = g_build_filename (written, filename, NULL);
            gboolean in_a = g_file_test (a, G_FILE_TEST_IS_REGULAR);
            gboolean in_b = g_file_test (b, G_FILE_TEST_IS_REGULAR);

            if (in_a != in_b)
              g_error ("%s: %s in the original, %s after writing", filename,
                       in_a ? "present" : "absent", in_b ? "present" : "absent");
            if (in_a)
              {
                gsize la, lb;
                g_autofree guint8 *da = octa_test_read_file (a, &la);
                g_autofree guint8 *db = octa_test_read_file (b, &lb);

                if (la != lb || memcmp (da, db, la) != 0)
                  g_error ("%s: written file differs from the original", a);
                n_original++;
              }
            if (in_b)
              n_written++;
          }
      }

  g_assert_cmpuint (n_original, ==, octa_project_files_count (files));
  g_assert_cmpuint (n_written, ==, n_original);
}

static void
assert_same_files (OctaProjectFiles *a,
                   OctaProjectFiles *b)
{
  g_assert_cmpuint (octa_project_files_count (a), ==, octa_project_files_count (b));

  for (guint s = 0; s < 2; s++)
    for (OctaFileKind kind = OCTA_FILE_KIND_BANK; kind <= OCTA_FILE_KIND_PROJECT; kind++)
      {
        guint n = kind == OCTA_FILE_KIND_BANK ? OCTA_N_BANKS
                  : kind == OCTA_FILE_KIND_ARRANGEMENT ? OCTA_N_ARRANGEMENTS
                  : kind == OCTA_FILE_KIND_SAMPLE_ATTRS ? 0 : 1;

        for (guint i = 0; i < n; i++)
          {
            g_autoptr(GBytes) ea = octa_project_files_encode_file (a, kind, i, s);
            g_autoptr(GBytes) eb = octa_project_files_encode_file (b, kind, i, s);

            g_assert_true ((ea == NULL) == (eb == NULL));
            if (ea != NULL)
              g_assert_true (g_bytes_equal (ea, eb));
          }
      }
}

static void
test_corpus_folders (void)
{
  g_autoptr(GPtrArray) paths = NULL;
  g_autofree char *tmp = NULL;
  guint n_folders = 0, n_files = 0;

  if (octa_test_skip_without_corpus ())
    return;

  paths = octa_test_find_files (octa_test_corpus_dir (), NULL);
  tmp = octa_test_make_tmpdir ();

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = paths->pdata[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(OctaProjectFiles) files = NULL;
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *dir = NULL;
      g_autofree char *out = NULL;

      if (!g_str_equal (base, "project.work"))
        continue;

      dir = g_path_get_dirname (path);
      files = octa_project_files_load_dir (dir, OCTA_LOAD_ALLOW_BAD_CHECKSUM, &error);
      if (files == NULL)
        g_error ("%s: %s", relative (dir), error->message);

      out = g_build_filename (tmp, "out", NULL);
      octa_test_rm_rf (out);
      if (!octa_project_files_write_dir (files, out, &error))
        g_error ("%s", error->message);

      compare_written_folder (dir, out, files);

      /* Through a zip and back; the corpus holds no audio, so samples only warn */
      {
        g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
        g_autoptr(OctaProjectFiles) unzipped = NULL;
        g_autofree char *zip_path = g_build_filename (tmp, "out.zip", NULL);

        if (!octa_project_files_write_zip (files, zip_path, dir, warnings, &error))
          g_error ("%s", error->message);
        unzipped = octa_project_files_load_zip (zip_path, OCTA_LOAD_ALLOW_BAD_CHECKSUM, &error);
        if (unzipped == NULL)
          g_error ("%s", error->message);
        g_assert_cmpstr (unzipped->name, ==, files->name);
        assert_same_files (files, unzipped);
        for (guint w = 0; w < warnings->len; w++)
          g_test_message ("zip warning: %s", (const char *) warnings->pdata[w]);
      }
      g_test_message ("%s: %u files written back byte-identically", relative (dir),
                      octa_project_files_count (files));
      n_folders++;
      n_files += octa_project_files_count (files);
    }

  g_print ("# checked %u project folders, %u files written back\n", n_folders, n_files);
  g_assert_cmpuint (n_folders, >, 0);

  octa_test_rm_rf (tmp);
}

static void
test_corpus_blank (void)
{
  static const struct
  {
    const char  *name;
    OctaFileKind kind;
    guint        index;
  } cases[] = {
    { "bank01.work", OCTA_FILE_KIND_BANK, 0 },
    { "project.work", OCTA_FILE_KIND_PROJECT, 0 },
    { "markers.work", OCTA_FILE_KIND_MARKERS, 0 },
    { "arr06.work", OCTA_FILE_KIND_ARRANGEMENT, 5 },
  };
  g_autoptr(OctaProjectFiles) blank = NULL;

  if (octa_test_skip_without_corpus ())
    return;

  blank = octa_project_files_new_blank ("BLANK");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (octa_test_corpus_dir (), "octatools",
                                                "blank-project", cases[i].name, NULL);
      g_autoptr(GBytes) ours = octa_project_files_encode_file (blank, cases[i].kind,
                                                               cases[i].index, OCTA_STATE_WORK);
      g_autofree guint8 *data = NULL;
      gsize len;

      data = octa_test_read_file (path, &len);
      g_assert_cmpmem (g_bytes_get_data (ours, NULL), g_bytes_get_size (ours), data, len);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/codec/corpus/files", test_corpus_files);
  g_test_add_func ("/codec/corpus/folders", test_corpus_folders);
  g_test_add_func ("/codec/corpus/blank", test_corpus_blank);

  return g_test_run ();
}
