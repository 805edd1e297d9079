/* SPDX-License-Identifier: MIT */
#include <string.h>

#include "octa-cli-private.h"

static void
print_problems (const char *path,
                GPtrArray  *problems)
{
  for (guint i = 0; i < problems->len; i++)
    _octa_cli_print_problem (path, ((const GError *) problems->pdata[i])->message);
}

/* Codec messages begin with the path, which the line already starts with. */
static const char *
without_path (const char *path,
              const char *message)
{
  gsize len = strlen (path);

  if (strncmp (message, path, len) == 0 && message[len] == ':' && message[len + 1] == ' ')
    return message + len + 2;
  return message;
}

static void
add_problem (GPtrArray  *problems,
             int         code,
             const char *message)
{
  g_ptr_array_add (problems, g_error_new_literal (OCTA_CODEC_ERROR, code, message));
}

static gboolean
read_input (const char  *path,
            guint8     **data,
            gsize       *len)
{
  g_autoptr(GError) error = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      _octa_cli_print_problem (path, "no such file or folder");
      return FALSE;
    }
  if (!octa_read_file (path, OCTA_MAX_FILE_SIZE, data, len, &error))
    {
      _octa_cli_print_problem (path, error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_typed (OctaFileKind   kind,
            const guint8  *data,
            gsize          len,
            const char    *path,
            GError       **error)
{
  const OctaLoadFlags flags = OCTA_LOAD_ALLOW_BAD_CHECKSUM;

  switch (kind)
    {
    case OCTA_FILE_KIND_MARKERS:
      {
        g_autoptr(OctaMarkersFile) file =
          octa_markers_file_new_from_data (data, len, path, flags, error);

        return file != NULL;
      }
    case OCTA_FILE_KIND_ARRANGEMENT:
      {
        g_autoptr(OctaArrangementFile) file =
          octa_arrangement_file_new_from_data (data, len, path, flags, error);

        return file != NULL;
      }
    case OCTA_FILE_KIND_SAMPLE_ATTRS:
      {
        g_autoptr(OctaSampleFile) file =
          octa_sample_file_new_from_data (data, len, path, flags, error);

        return file != NULL;
      }
    case OCTA_FILE_KIND_BANK:
    case OCTA_FILE_KIND_PROJECT:
    case OCTA_FILE_KIND_UNKNOWN:
    default:
      g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_BAD_MAGIC,
                   "%s: not a %s file", path, octa_file_kind_to_string (kind));
      return FALSE;
    }
}

/*
 * Opening the file with the checksum excused reports size, magic and version
 * faults with the typed file's own wording; the checksum is checked on its
 * own afterwards so both kinds of fault show up.
 */
static gboolean
validate_binary (OctaFileKind  kind,
                 const guint8 *data,
                 gsize         len,
                 const char   *path,
                 GPtrArray    *problems)
{
  GError *error = NULL;

  if (kind == OCTA_FILE_KIND_BANK)
    return octa_bank_file_check_structure (data, len, path, problems);

  if (!load_typed (kind, data, len, path, &error))
    {
      g_ptr_array_add (problems, error);
      return FALSE;
    }

  if (!octa_image_check_container (kind, data, len, path, OCTA_LOAD_DEFAULT, &error))
    {
      g_ptr_array_add (problems, error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
validate_file (const char *path,
               gboolean    verbose)
{
  g_autofree guint8 *data = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  OctaFileKind kind;
  gsize len = 0;
  gboolean valid;

  if (!read_input (path, &data, &len))
    return FALSE;

  kind = _octa_cli_kind_of_file (path, data, len);
  switch (kind)
    {
    case OCTA_FILE_KIND_PROJECT:
      valid = octa_project_file_validate (data, len, path, problems) && problems->len == 0;
      break;

    case OCTA_FILE_KIND_BANK:
    case OCTA_FILE_KIND_MARKERS:
    case OCTA_FILE_KIND_ARRANGEMENT:
    case OCTA_FILE_KIND_SAMPLE_ATTRS:
      valid = validate_binary (kind, data, len, path, problems);
      break;

    case OCTA_FILE_KIND_UNKNOWN:
    default:
      add_problem (problems, OCTA_CODEC_ERROR_BAD_MAGIC,
                   "not an Octatrack file: neither its name nor its first bytes say what it is");
      valid = FALSE;
      break;
    }

  /* A validator that answers FALSE without saying why still fails the file. */
  if (!valid && problems->len == 0)
    add_problem (problems, OCTA_CODEC_ERROR_MALFORMED, "invalid file");

  print_problems (path, problems);
  if (valid && verbose)
    g_print ("%s: OK\n", path);
  return valid;
}

int
_octa_cli_validate (int    argc,
                    char **argv)
{
  gboolean verbose = FALSE;
  const GOptionEntry entries[] = {
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose, "Also list the files that are valid", NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  guint n_invalid = 0;
  guint n_checked = 0;
  int status;

  context = _octa_cli_option_context (
    "validate", "PATH…",
    "Checks Octatrack files for damage: size, header, version, checksum, the\n"
    "inner structure of banks and the text of project files. A PATH that is a\n"
    "folder has every Octatrack file below it checked; files a project lacks are\n"
    "not an error. Each problem is printed on its own line as “PATH: problem”.",
    "Exit status: 0 all valid, 1 a problem was found, 2 usage error.",
    entries);
  status = _octa_cli_parse_options (context, "validate", &argc, &argv);
  if (status != OCTA_CLI_EXIT_OK)
    return status;
  if (argc < 2)
    return _octa_cli_usage_error ("validate", "validate: no file or folder given");

  for (int i = 1; i < argc; i++)
    {
      guint first = paths->len;

      if (_octa_cli_collect_files (argv[i], paths) == 0)
        {
          _octa_cli_print_problem (argv[i], "no Octatrack files found");
          n_invalid++;
          continue;
        }

      for (guint k = first; k < paths->len; k++)
        {
          n_checked++;
          if (!validate_file (paths->pdata[k], verbose))
            n_invalid++;
        }
    }

  if (n_invalid == 0)
    g_print ("Checked %u file%s, all valid.\n", n_checked, n_checked == 1 ? "" : "s");
  else
    g_print ("Checked %u file%s, %u with problems.\n",
             n_checked, n_checked == 1 ? "" : "s", n_invalid);

  return n_invalid == 0 ? OCTA_CLI_EXIT_OK : OCTA_CLI_EXIT_FAILURE;
}

/* Round trip */

static GBytes *
reencode (OctaFileKind   kind,
          const guint8  *data,
          gsize          len,
          const char    *path,
          GError       **error)
{
  /* Damaged files are still worth testing: the codec promises to keep them. */
  const OctaLoadFlags flags = OCTA_LOAD_ALLOW_BAD_CHECKSUM | OCTA_LOAD_ALLOW_BAD_STRUCTURE;

  switch (kind)
    {
    case OCTA_FILE_KIND_BANK:
      {
        g_autoptr(OctaBankFile) file = octa_bank_file_new_from_data (data, len, path, flags, error);

        return file != NULL ? octa_bank_file_encode (file) : NULL;
      }

    case OCTA_FILE_KIND_MARKERS:
      {
        g_autoptr(OctaMarkersFile) file =
          octa_markers_file_new_from_data (data, len, path, flags, error);

        return file != NULL ? octa_markers_file_encode (file) : NULL;
      }

    case OCTA_FILE_KIND_ARRANGEMENT:
      {
        g_autoptr(OctaArrangementFile) file =
          octa_arrangement_file_new_from_data (data, len, path, flags, error);

        return file != NULL ? octa_arrangement_file_encode (file) : NULL;
      }

    case OCTA_FILE_KIND_SAMPLE_ATTRS:
      {
        g_autoptr(OctaSampleFile) file =
          octa_sample_file_new_from_data (data, len, path, flags, error);

        return file != NULL ? octa_sample_file_encode (file) : NULL;
      }

    case OCTA_FILE_KIND_PROJECT:
      {
        g_autoptr(OctaProjectFile) file = octa_project_file_new_from_data (data, len, path, error);

        return file != NULL ? octa_project_file_encode (file) : NULL;
      }

    case OCTA_FILE_KIND_UNKNOWN:
    default:
      g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_BAD_MAGIC,
                   "%s: not an Octatrack file: neither its name nor its first bytes say "
                   "what it is", path);
      return NULL;
    }
}

typedef enum
{
  ROUNDTRIP_IDENTICAL,
  ROUNDTRIP_DIFFERS,
  ROUNDTRIP_FAILED,
  ROUNDTRIP_EMPTY,
} RoundtripResult;

static RoundtripResult
roundtrip_file (const char *path)
{
  g_autofree guint8 *data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) encoded = NULL;
  const guint8 *out;
  gsize len = 0;
  gsize out_len;
  gsize common;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_print ("%s: cannot decode: no such file or folder\n", path);
      return ROUNDTRIP_FAILED;
    }
  if (!octa_read_file (path, OCTA_MAX_FILE_SIZE, &data, &len, &error))
    {
      g_print ("%s: cannot decode: %s\n", path, without_path (path, error->message));
      return ROUNDTRIP_FAILED;
    }

  /* A zero-byte placeholder next to a sample holds nothing to lose. */
  if (len == 0)
    {
      g_print ("%s: empty, no Octatrack data (skipped)\n", path);
      return ROUNDTRIP_EMPTY;
    }

  encoded = reencode (_octa_cli_kind_of_file (path, data, len), data, len, path, &error);
  if (encoded == NULL)
    {
      g_print ("%s: cannot decode: %s\n", path,
               error != NULL ? without_path (path, error->message) : "the decoder gave no reason");
      return ROUNDTRIP_FAILED;
    }

  out = g_bytes_get_data (encoded, &out_len);
  common = MIN (len, out_len);
  for (gsize i = 0; i < common; i++)
    if (data[i] != out[i])
      {
        g_print ("%s: differs at offset %" G_GSIZE_FORMAT " (0x%02X → 0x%02X)\n",
                 path, i, data[i], out[i]);
        return ROUNDTRIP_DIFFERS;
      }

  if (len != out_len)
    {
      g_print ("%s: differs at offset %" G_GSIZE_FORMAT " (size %" G_GSIZE_FORMAT
               " → %" G_GSIZE_FORMAT " bytes)\n", path, common, len, out_len);
      return ROUNDTRIP_DIFFERS;
    }

  g_print ("%s: identical\n", path);
  return ROUNDTRIP_IDENTICAL;
}

int
_octa_cli_roundtrip (int    argc,
                     char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  guint counts[4] = { 0, 0, 0, 0 };
  guint total;
  int status;

  context = _octa_cli_option_context (
    "roundtrip", "PATH…",
    "Decodes every file and encodes it again in memory, then compares the bytes.\n"
    "Files with a bad checksum or a damaged structure are decoded anyway. A PATH\n"
    "that is a folder has every Octatrack file below it tested. One line per file:\n"
    "“PATH: identical”, “PATH: differs at offset N (0xXX → 0xYY)” or\n"
    "“PATH: cannot decode: reason”. Empty files are skipped.",
    "Exit status: 0 all identical, 1 a file differs or cannot be decoded, 2 usage error.",
    NULL);
  status = _octa_cli_parse_options (context, "roundtrip", &argc, &argv);
  if (status != OCTA_CLI_EXIT_OK)
    return status;
  if (argc < 2)
    return _octa_cli_usage_error ("roundtrip", "roundtrip: no file or folder given");

  for (int i = 1; i < argc; i++)
    {
      guint first = paths->len;

      if (_octa_cli_collect_files (argv[i], paths) == 0)
        {
          g_print ("%s: cannot decode: no Octatrack files found\n", argv[i]);
          counts[ROUNDTRIP_FAILED]++;
          continue;
        }

      for (guint k = first; k < paths->len; k++)
        counts[roundtrip_file (paths->pdata[k])]++;
    }

  total = counts[ROUNDTRIP_IDENTICAL] + counts[ROUNDTRIP_DIFFERS] + counts[ROUNDTRIP_FAILED];
  g_print ("Round-tripped %u file%s: %u identical, %u different, %u not decodable",
           total, total == 1 ? "" : "s",
           counts[ROUNDTRIP_IDENTICAL], counts[ROUNDTRIP_DIFFERS], counts[ROUNDTRIP_FAILED]);
  if (counts[ROUNDTRIP_EMPTY] > 0)
    g_print ("; %u empty file%s skipped", counts[ROUNDTRIP_EMPTY],
             counts[ROUNDTRIP_EMPTY] == 1 ? "" : "s");
  g_print (".\n");

  return counts[ROUNDTRIP_DIFFERS] + counts[ROUNDTRIP_FAILED] == 0
         ? OCTA_CLI_EXIT_OK : OCTA_CLI_EXIT_FAILURE;
}
