/* SPDX-License-Identifier: MIT */
#include <errno.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "octa-cli-private.h"

typedef struct
{
  const char *name;
  const char *synopsis;
  const char *summary;
  int       (*run) (int argc, char **argv);
} Command;

static int cmd_new   (int argc, char **argv);
static int cmd_zip   (int argc, char **argv);
static int cmd_unzip (int argc, char **argv);

static const Command commands[] = {
  { "info",      "info PATH",             "Describe a project folder, a zip or a single file",
    _octa_cli_info },
  { "validate",  "validate PATH…",        "Check files for damage",
    _octa_cli_validate },
  { "roundtrip", "roundtrip PATH…",       "Decode and re-encode files and compare the bytes",
    _octa_cli_roundtrip },
  { "dump",      "dump --json PATH",      "Print a project or a bank file as JSON",
    _octa_cli_dump },
  { "diff",      "diff [--json] A B | --saved PROJECT", "List the differences between two projects",
    _octa_cli_diff },
  { "new",       "new [--name NAME] [--demo] DIR", "Create a blank (or demo) project folder",
    cmd_new },
  { "set",       "set PROJECT PATH=VALUE…", "Change steps, locks, parts or slots and save",
    _octa_cli_set },
  { "zip",       "zip PROJECT OUT.zip",   "Pack a project folder and its samples into a zip",
    cmd_zip },
  { "unzip",     "unzip IN.zip DIR",      "Unpack a project zip",
    cmd_unzip },
};

static const GOptionEntry no_entries[] = {
  G_OPTION_ENTRY_NULL
};

void
_octa_cli_error (const char *format,
                 ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("octadesk-cli: %s\n", message);
}

int
_octa_cli_usage_error (const char *command,
                       const char *format,
                       ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("octadesk-cli: %s\n", message);
  if (command != NULL)
    g_printerr ("Try “octadesk-cli %s --help”.\n", command);
  else
    g_printerr ("Try “octadesk-cli --help”.\n");
  return OCTA_CLI_EXIT_USAGE;
}

/*
 * Codec messages start with the name the caller passed in, which is the
 * path; only messages from elsewhere need the path in front.
 */
void
_octa_cli_print_problem (const char *path,
                         const char *message)
{
  if (g_str_has_prefix (message, path) && message[strlen (path)] == ':')
    g_print ("%s\n", message);
  else
    g_print ("%s: %s\n", path, message);
}

GOptionContext *
_octa_cli_option_context (const char         *command,
                          const char         *parameters,
                          const char         *summary,
                          const char         *description,
                          const GOptionEntry *entries)
{
  g_autofree char *prgname = g_strdup_printf ("octadesk-cli %s", command);
  GOptionContext *context;

  /* GOptionContext builds its "Usage:" line from the program name. */
  g_set_prgname (prgname);

  context = g_option_context_new (parameters);
  g_option_context_add_main_entries (context, entries != NULL ? entries : no_entries, NULL);
  if (summary != NULL)
    g_option_context_set_summary (context, summary);
  if (description != NULL)
    g_option_context_set_description (context, description);
  return context;
}

int
_octa_cli_parse_options (GOptionContext   *context,
                         const char       *command,
                         int              *argc,
                         char           ***argv)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    return _octa_cli_usage_error (command, "%s", error->message);
  return OCTA_CLI_EXIT_OK;
}

gboolean
_octa_cli_is_zip (const char *path)
{
  guint8 head[4] = { 0 };
  FILE *f;
  size_t n;

  if (g_str_has_suffix (path, ".zip") || g_str_has_suffix (path, ".ZIP"))
    return TRUE;

  f = g_fopen (path, "rb");
  if (f == NULL)
    return FALSE;
  n = fread (head, 1, sizeof head, f);
  fclose (f);
  return n == sizeof head && memcmp (head, "PK\003\004", 4) == 0;
}

/**
 * _octa_cli_kind_of_file:
 * @path: the file's path
 * @data: (array length=len) (nullable): its bytes, when already read
 * @len: their number
 *
 * Returns: the kind the file's name implies, else the kind its bytes show.
 */
OctaFileKind
_octa_cli_kind_of_file (const char   *path,
                        const guint8 *data,
                        gsize         len)
{
  OctaFileKind kind = octa_file_kind_from_filename (path);

  if (kind == OCTA_FILE_KIND_UNKNOWN && data != NULL)
    kind = octa_file_kind_detect (data, len);
  return kind;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/*
 * Inside folders a file is taken when its name says what it is, when its
 * header is an Octatrack FORM header, or when a .work/.strd file starts like
 * project text; a README starting with "#" must not pass for a project file.
 */
static gboolean
is_octatrack_file (const char *path)
{
  g_autofree char *lower = NULL;
  guint8 head[16];
  OctaFileKind kind;
  FILE *f;
  size_t n;

  if (octa_file_kind_from_filename (path) != OCTA_FILE_KIND_UNKNOWN)
    return TRUE;

  f = g_fopen (path, "rb");
  if (f == NULL)
    return FALSE;
  n = fread (head, 1, sizeof head, f);
  fclose (f);

  kind = octa_file_kind_detect (head, n);
  if (kind == OCTA_FILE_KIND_UNKNOWN)
    return FALSE;
  if (n >= 4 && memcmp (head, "FORM", 4) == 0)
    return TRUE;

  lower = g_ascii_strdown (path, -1);
  return kind == OCTA_FILE_KIND_PROJECT &&
         (g_str_has_suffix (lower, ".work") || g_str_has_suffix (lower, ".strd"));
}

static guint
collect_dir (const char *dir,
             GPtrArray  *out)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  guint added = 0;

  if (d == NULL)
    {
      /* Reported when the caller tries to read it. */
      g_ptr_array_add (out, g_strdup (dir));
      return 1;
    }

  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_strings);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, names->pdata[i], NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          if (!g_file_test (path, G_FILE_TEST_IS_SYMLINK))
            added += collect_dir (path, out);
        }
      else if (g_file_test (path, G_FILE_TEST_IS_REGULAR) && is_octatrack_file (path))
        {
          g_ptr_array_add (out, g_steal_pointer (&path));
          added++;
        }
    }

  return added;
}

/**
 * _octa_cli_collect_files:
 * @path: a file or folder named on the command line
 * @out: (element-type utf8): receives paths
 *
 * Adds @path itself when it is not a folder (even when it does not exist, so
 * the caller reports it), or every Octatrack file below it, sorted.
 *
 * Returns: how many paths were added.
 */
guint
_octa_cli_collect_files (const char *path,
                         GPtrArray  *out)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    return collect_dir (path, out);

  g_ptr_array_add (out, g_strdup (path));
  return 1;
}

guint
_octa_cli_popcount64 (guint64 value)
{
  guint n = 0;

  while (value != 0)
    {
      value &= value - 1;
      n++;
    }
  return n;
}

/**
 * _octa_cli_format_tempo:
 * @tempo_x24: a tempo in 1/24 BPM, as the files store it
 *
 * Returns: (transfer full): the BPM with up to three decimals, written with a
 *   dot whatever the locale ("126.125", "120").
 */
char *
_octa_cli_format_tempo (gint64 tempo_x24)
{
  gboolean negative = tempo_x24 < 0;
  guint64 magnitude = negative ? (guint64) -tempo_x24 : (guint64) tempo_x24;
  guint64 thousandths = (magnitude * 1000 + 12) / 24;
  guint64 whole = thousandths / 1000;
  guint frac = thousandths % 1000;
  char digits[8];
  int end;

  if (frac == 0)
    return g_strdup_printf ("%s%" G_GUINT64_FORMAT, negative ? "-" : "", whole);

  g_snprintf (digits, sizeof digits, "%03u", frac);
  for (end = 3; end > 0 && digits[end - 1] == '0'; end--)
    ;
  digits[end] = '\0';
  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%s", negative ? "-" : "", whole, digits);
}

/**
 * _octa_cli_slot_label:
 * @type: the slot's pool
 * @slot: the 0-based slot
 *
 * Returns: (transfer full): the slot as the device shows it: "FLEX 1"…"FLEX 128",
 *   "Recorder 1"…"Recorder 8" (FLEX slots 129–136), "STATIC 1"…"STATIC 128".
 */
char *
_octa_cli_slot_label (OctaSlotType type,
                      guint        slot)
{
  if (type == OCTA_SLOT_STATIC)
    return g_strdup_printf ("STATIC %u", slot + 1);
  if (slot >= OCTA_N_SAMPLE_SLOTS)
    return g_strdup_printf ("Recorder %u", slot - OCTA_N_SAMPLE_SLOTS + 1);
  return g_strdup_printf ("FLEX %u", slot + 1);
}

/**
 * _octa_cli_bank_letter:
 * @path: a path or base name such as "bank03.work"
 *
 * Returns: the bank's letter ('A'…'P'), or 0 when the name is not bankNN.
 */
char
_octa_cli_bank_letter (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *lower = g_ascii_strdown (base, -1);
  guint number;

  if (!g_str_has_prefix (lower, "bank") || strlen (lower) < 6 ||
      !g_ascii_isdigit (lower[4]) || !g_ascii_isdigit (lower[5]))
    return 0;
  number = (guint) (lower[4] - '0') * 10 + (guint) (lower[5] - '0');
  if (number < 1 || number > OCTA_N_BANKS)
    return 0;
  return (char) ('A' + number - 1);
}

static gboolean
dir_is_empty (const char *dir,
              GError    **error)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, error);

  if (d == NULL)
    return FALSE;
  return g_dir_read_name (d) == NULL;
}

/* Every file a complete project has, in the order the device lists them. */
static GPtrArray *
project_file_names (const OctaProjectFiles *files,
                    OctaFileState           state)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  if (files->project[state] != NULL)
    g_ptr_array_add (names, octa_project_files_filename (OCTA_FILE_KIND_PROJECT, 0, state));
  if (files->markers[state] != NULL)
    g_ptr_array_add (names, octa_project_files_filename (OCTA_FILE_KIND_MARKERS, 0, state));
  for (guint i = 0; i < OCTA_N_BANKS; i++)
    if (files->banks[state][i] != NULL)
      g_ptr_array_add (names, octa_project_files_filename (OCTA_FILE_KIND_BANK, i, state));
  for (guint i = 0; i < OCTA_N_ARRANGEMENTS; i++)
    if (files->arrangements[state][i] != NULL)
      g_ptr_array_add (names, octa_project_files_filename (OCTA_FILE_KIND_ARRANGEMENT, i, state));
  return names;
}

static int
cmd_new (int    argc,
         char **argv)
{
  g_autofree char *name = NULL;
  gboolean demo = FALSE;
  const GOptionEntry entries[] = {
    { "name", 'n', 0, G_OPTION_ARG_STRING, &name,
      "Name of the project (default: the folder's name)", "NAME" },
    { "demo", 0, 0, G_OPTION_ARG_NONE, &demo,
      "Create the demo project (patterns, parts and samples) instead of a blank one", NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(OctaProjectFiles) files = NULL;
  g_autoptr(GPtrArray) names = NULL;
  const char *dir;
  int status;

  context = _octa_cli_option_context (
    "new", "DIR",
    "Creates the 26 files of a new, empty project in DIR, byte for byte as the\n"
    "device makes them. DIR is created when missing and must be empty otherwise.\n"
    "The device knows a project by its folder's name; no file stores it.\n"
    "With --demo the project holds a few patterns, two parts and five samples.",
    "Exit status: 0 created, 1 failed, 2 usage error.",
    entries);
  status = _octa_cli_parse_options (context, "new", &argc, &argv);
  if (status != OCTA_CLI_EXIT_OK)
    return status;
  if (argc != 2)
    return _octa_cli_usage_error ("new", argc < 2 ? "new: no folder given"
                                                  : "new: too many arguments");
  dir = argv[1];

  if (g_file_test (dir, G_FILE_TEST_EXISTS))
    {
      if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
        {
          _octa_cli_error ("%s: exists and is not a folder", dir);
          return OCTA_CLI_EXIT_FAILURE;
        }
      if (!dir_is_empty (dir, &error))
        {
          if (error != NULL)
            _octa_cli_error ("%s", error->message);
          else
            _octa_cli_error ("%s: folder is not empty; refusing to create a project in it", dir);
          return OCTA_CLI_EXIT_FAILURE;
        }
    }
  else if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      int saved_errno = errno;

      _octa_cli_error ("%s: cannot create folder: %s", dir, g_strerror (saved_errno));
      return OCTA_CLI_EXIT_FAILURE;
    }

  if (name == NULL)
    {
      g_autofree char *absolute = g_canonicalize_filename (dir, NULL);
      g_autofree char *base = g_path_get_basename (absolute);

      name = g_filename_display_name (base);
    }

  files = demo ? octa_project_files_new_demo () : octa_project_files_new_blank (name);
  if (!octa_project_files_write_dir (files, dir, &error) ||
      (demo && !octa_demo_write_samples (dir, &error)))
    {
      _octa_cli_error ("%s", error->message);
      return OCTA_CLI_EXIT_FAILURE;
    }

  names = project_file_names (files, OCTA_STATE_WORK);
  g_print ("Created project “%s” in %s (%u files):\n", name, dir, names->len);
  for (guint i = 0; i < names->len; i++)
    g_print ("  %s\n", (const char *) names->pdata[i]);
  return OCTA_CLI_EXIT_OK;
}

static int
cmd_zip (int    argc,
         char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(OctaProjectFiles) files = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  const char *project_dir;
  const char *zip_path;
  int status;

  context = _octa_cli_option_context (
    "zip", "PROJECT OUT.zip",
    "Packs the project folder PROJECT into OUT.zip, with the samples its\n"
    "project.work refers to. Samples that cannot be found are skipped with a\n"
    "warning. OUT.zip must not exist yet.",
    "Exit status: 0 written, 1 failed, 2 usage error.",
    NULL);
  status = _octa_cli_parse_options (context, "zip", &argc, &argv);
  if (status != OCTA_CLI_EXIT_OK)
    return status;
  if (argc != 3)
    return _octa_cli_usage_error ("zip", "zip: expected a project folder and a zip file name");
  project_dir = argv[1];
  zip_path = argv[2];

  if (!g_file_test (project_dir, G_FILE_TEST_IS_DIR))
    {
      _octa_cli_error ("%s: not a project folder", project_dir);
      return OCTA_CLI_EXIT_FAILURE;
    }
  /* libzip would add to an existing archive rather than replace it. */
  if (g_file_test (zip_path, G_FILE_TEST_EXISTS))
    {
      _octa_cli_error ("%s: already exists", zip_path);
      return OCTA_CLI_EXIT_FAILURE;
    }

  files = octa_project_files_load_dir (project_dir, OCTA_LOAD_DEFAULT, &error);
  if (files == NULL)
    {
      _octa_cli_error ("%s", error->message);
      return OCTA_CLI_EXIT_FAILURE;
    }

  if (!octa_project_files_write_zip (files, zip_path, project_dir, warnings, &error))
    {
      for (guint i = 0; i < warnings->len; i++)
        _octa_cli_error ("warning: %s", (const char *) warnings->pdata[i]);
      _octa_cli_error ("%s", error->message);
      return OCTA_CLI_EXIT_FAILURE;
    }

  for (guint i = 0; i < warnings->len; i++)
    _octa_cli_error ("warning: %s", (const char *) warnings->pdata[i]);
  g_print ("Wrote %s: project “%s”, %u project files%s\n",
           zip_path, files->name, octa_project_files_count (files),
           warnings->len > 0 ? ", some samples skipped" : "");
  return OCTA_CLI_EXIT_OK;
}

static int
cmd_unzip (int    argc,
           char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  context = _octa_cli_option_context (
    "unzip", "IN.zip DIR",
    "Unpacks a project zip into DIR, which must not exist or be empty. An\n"
    "archive with an unsafe entry (an absolute path, “..”, a link) or one that is\n"
    "too large is refused as a whole: then nothing is written.",
    "Exit status: 0 extracted, 1 failed, 2 usage error.",
    NULL);
  status = _octa_cli_parse_options (context, "unzip", &argc, &argv);
  if (status != OCTA_CLI_EXIT_OK)
    return status;
  if (argc != 3)
    return _octa_cli_usage_error ("unzip", "unzip: expected a zip file and a folder");

  if (!octa_zip_extract (argv[1], argv[2], &error))
    {
      _octa_cli_error ("%s", error->message);
      return OCTA_CLI_EXIT_FAILURE;
    }

  g_print ("Extracted %s into %s\n", argv[1], argv[2]);
  return OCTA_CLI_EXIT_OK;
}

static void
print_usage (FILE *stream)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append (text,
                   "Usage:\n"
                   "  octadesk-cli COMMAND [OPTION…] ARGUMENT…\n"
                   "\n"
                   "Reads, checks and converts Elektron Octatrack project files.\n"
                   "\n"
                   "Commands:\n");
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      /* printf pads by bytes; "…" takes three. */
      glong width = g_utf8_strlen (commands[i].synopsis, -1);

      g_string_append_printf (text, "  %s%*s%s\n", commands[i].synopsis,
                              (int) MAX (1, 24 - width), "", commands[i].summary);
    }
  g_string_append (text,
                   "\n"
                   "Options:\n"
                   "  -h, --help              Show this help\n"
                   "  --version               Show the version\n"
                   "\n"
                   "Run “octadesk-cli COMMAND --help” for the options of a command.\n");

  if (stream == stdout)
    g_print ("%s", text->str);
  else
    g_printerr ("%s", text->str);
}

static const Command *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, name))
      return &commands[i];
  return NULL;
}

int
main (int    argc,
      char **argv)
{
  const Command *command;
  const char *name;

  setlocale (LC_ALL, "");
  g_set_prgname ("octadesk-cli");

  if (argc < 2)
    {
      print_usage (stderr);
      return OCTA_CLI_EXIT_USAGE;
    }

  name = argv[1];

  if (g_str_equal (name, "--version"))
    {
      g_print ("octadesk-cli %s\n", OCTA_VERSION);
      return OCTA_CLI_EXIT_OK;
    }

  if (g_str_equal (name, "--help") || g_str_equal (name, "-h") || g_str_equal (name, "help"))
    {
      char *help_argv[] = { NULL, (char *) "--help", NULL };

      if (argc < 3 || !g_str_equal (name, "help"))
        {
          print_usage (stdout);
          return OCTA_CLI_EXIT_OK;
        }
      command = find_command (argv[2]);
      if (command == NULL)
        return _octa_cli_usage_error (NULL, "unknown command “%s”", argv[2]);
      help_argv[0] = (char *) command->name;
      return command->run (2, help_argv);
    }

  command = find_command (name);
  if (command == NULL)
    {
      if (name[0] == '-')
        return _octa_cli_usage_error (NULL, "unknown option “%s”; a command comes first", name);
      return _octa_cli_usage_error (NULL, "unknown command “%s”", name);
    }

  return command->run (argc - 1, argv + 1);
}
