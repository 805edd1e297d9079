/* SPDX-License-Identifier: MIT */
#include <string.h>

#include "octa-cli-private.h"

/* Read-only views open files the device itself would repair. */
#define INFO_LOAD_FLAGS (OCTA_LOAD_ALLOW_BAD_CHECKSUM | OCTA_LOAD_ALLOW_BAD_STRUCTURE)

static char *
format_hundredths (guint64 value)
{
  guint frac = value % 100;

  if (frac == 0)
    return g_strdup_printf ("%" G_GUINT64_FORMAT, value / 100);
  if (frac % 10 == 0)
    return g_strdup_printf ("%" G_GUINT64_FORMAT ".%u", value / 100, frac / 10);
  return g_strdup_printf ("%" G_GUINT64_FORMAT ".%02u", value / 100, frac);
}

static guint
count_trigs (const OctaBankFile *bank,
             guint               pattern)
{
  guint n = 0;

  for (guint t = 0; t < OCTA_N_TRACKS; t++)
    {
      n += _octa_cli_popcount64 (octa_bank_file_get_trig_mask (bank, pattern, OCTA_TRACK_AUDIO, t,
                                                               OCTA_TRIG_TRIGGER));
      n += _octa_cli_popcount64 (octa_bank_file_get_trig_mask (bank, pattern, OCTA_TRACK_MIDI, t,
                                                               OCTA_TRIG_TRIGGER));
    }
  return n;
}

static gboolean
bank_has_content (const OctaBankFile *bank)
{
  for (guint p = 0; p < OCTA_N_PATTERNS; p++)
    if (octa_bank_file_pattern_has_trigs (bank, p))
      return TRUE;
  return FALSE;
}

static void
print_part_names (const char         *indent,
                  const OctaBankFile *bank)
{
  g_print ("%sParts:", indent);
  for (guint k = 0; k < OCTA_N_PARTS; k++)
    {
      g_autofree char *name = octa_bank_file_dup_part_name (bank, k);

      g_print ("%s %u %s", k == 0 ? "" : ",", k + 1, name);
    }
  g_print ("\n");
}

static void
print_patterns (const char         *indent,
                const OctaBankFile *bank,
                char                letter)
{
  gboolean any = FALSE;

  for (guint p = 0; p < OCTA_N_PATTERNS; p++)
    {
      g_autofree char *label = NULL;
      guint length;
      gboolean per_track;

      if (!octa_bank_file_pattern_has_trigs (bank, p))
        continue;
      any = TRUE;

      label = letter != 0 ? g_strdup_printf ("%c%02u", letter, p + 1)
                          : g_strdup_printf ("pattern %u", p + 1);
      per_track = octa_bank_file_get_pattern_scale_mode (bank, p) != 0;
      length = per_track ? octa_bank_file_get_pattern_per_track_length (bank, p)
                         : octa_bank_file_get_pattern_length (bank, p);
      g_print ("%s%s  part %u  length %u%s  %u trigs\n", indent, label,
               octa_bank_file_get_pattern_part (bank, p) + 1u, length,
               per_track ? " (per track)" : "", count_trigs (bank, p));
    }

  if (!any)
    g_print ("%sno pattern holds trigs\n", indent);
}

static void
print_file_list (const char       *label,
                  GPtrArray        *names,
                  guint             of)
{
  if (names->len == 0)
    {
      g_print ("%s: none\n", label);
      return;
    }
  if (of != 0 && names->len == of)
    {
      g_print ("%s: all %u\n", label, of);
      return;
    }

  g_print ("%s: %u", label, names->len);
  if (of != 0)
    g_print (" of %u", of);
  g_print (" (");
  for (guint i = 0; i < names->len; i++)
    g_print ("%s%s", i == 0 ? "" : ", ", (const char *) names->pdata[i]);
  g_print (")\n");
}

static void
add_if_damaged (GPtrArray  *damaged,
                OctaImage  *image,
                char       *name)
{
  if (image != NULL && !image->checksum_ok_at_load)
    g_ptr_array_add (damaged, g_strdup (name));
}

static void
list_files (OctaProjectFiles *files)
{
  g_autoptr(GPtrArray) work = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) strd = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) damaged = g_ptr_array_new_with_free_func (g_free);

  for (guint s = 0; s < 2; s++)
    {
      GPtrArray *names = s == OCTA_STATE_WORK ? work : strd;
      char *name;

      if (files->project[s] != NULL)
        g_ptr_array_add (names, octa_project_files_filename (OCTA_FILE_KIND_PROJECT, 0, s));
      if (files->markers[s] != NULL)
        {
          name = octa_project_files_filename (OCTA_FILE_KIND_MARKERS, 0, s);
          g_ptr_array_add (names, name);
          add_if_damaged (damaged, octa_markers_file_get_image (files->markers[s]), name);
        }
      for (guint i = 0; i < OCTA_N_BANKS; i++)
        if (files->banks[s][i] != NULL)
          {
            name = octa_project_files_filename (OCTA_FILE_KIND_BANK, i, s);
            g_ptr_array_add (names, name);
            add_if_damaged (damaged, octa_bank_file_get_image (files->banks[s][i]), name);
          }
      for (guint i = 0; i < OCTA_N_ARRANGEMENTS; i++)
        if (files->arrangements[s][i] != NULL)
          {
            name = octa_project_files_filename (OCTA_FILE_KIND_ARRANGEMENT, i, s);
            g_ptr_array_add (names, name);
            add_if_damaged (damaged,
                            octa_arrangement_file_get_image (files->arrangements[s][i]), name);
          }
    }

  print_file_list ("Files (.work)", work, 2 + OCTA_N_BANKS + OCTA_N_ARRANGEMENTS);
  print_file_list ("Saved (.strd)", strd, 0);
  if (damaged->len > 0)
    print_file_list ("Bad checksum", damaged, 0);
}

static void
print_samples (const OctaProjectFile *project)
{
  g_autoptr(GArray) slots = octa_project_file_list_samples (project);
  guint shown = 0;

  g_print ("Sample slots:\n");
  for (guint i = 0; slots != NULL && i < slots->len; i++)
    {
      const OctaSlotRef *ref = &g_array_index (slots, OctaSlotRef, i);
      g_autofree char *path = octa_project_file_dup_sample_path (project, ref->type, ref->slot);
      g_autofree char *label = NULL;

      if (path == NULL || *path == '\0')
        continue;
      label = _octa_cli_slot_label (ref->type, ref->slot);
      g_print ("  %-12s %s\n", label, path);
      shown++;
    }
  if (shown == 0)
    g_print ("  none in use\n");
}

static void
print_tempo (const char            *label,
             const OctaProjectFile *project)
{
  gint tempo;

  if (octa_project_file_lookup_int (project, OCTA_SECTION_SETTINGS, "TEMPOx24", 0, &tempo))
    {
      g_autofree char *bpm = _octa_cli_format_tempo (tempo);

      g_print ("%s: %s BPM\n", label, bpm);
    }
  else
    {
      g_print ("%s: not set\n", label);
    }
}

static int
info_project (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OctaProjectFiles) files = NULL;
  gboolean any_bank = FALSE;

  files = octa_project_files_load (path, INFO_LOAD_FLAGS, &error);
  if (files == NULL)
    {
      _octa_cli_error ("%s", error->message);
      return OCTA_CLI_EXIT_FAILURE;
    }

  g_print ("Project: %s\n", files->name);
  g_print ("Location: %s (%s)\n", path,
           g_file_test (path, G_FILE_TEST_IS_DIR) ? "folder" : "zip");
  list_files (files);

  if (files->project[OCTA_STATE_WORK] != NULL)
    print_tempo ("Tempo", files->project[OCTA_STATE_WORK]);
  else
    g_print ("Tempo: unknown (no project.work)\n");

  g_print ("Banks with trigs:\n");
  for (guint i = 0; i < OCTA_N_BANKS; i++)
    {
      const OctaBankFile *bank = files->banks[OCTA_STATE_WORK][i];
      g_autofree char *name = NULL;

      if (bank == NULL || !bank_has_content (bank))
        continue;
      any_bank = TRUE;
      name = octa_project_files_filename (OCTA_FILE_KIND_BANK, i, OCTA_STATE_WORK);
      g_print ("  Bank %c (%s)\n", 'A' + i, name);
      print_part_names ("    ", bank);
      print_patterns ("    ", bank, (char) ('A' + i));
    }
  if (!any_bank)
    g_print ("  none\n");

  if (files->project[OCTA_STATE_WORK] != NULL)
    print_samples (files->project[OCTA_STATE_WORK]);

  return OCTA_CLI_EXIT_OK;
}

static void
print_bank (const char   *path,
            OctaBankFile *bank,
            const guint8 *data,
            gsize         len)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);

  octa_bank_file_check_structure (data, len, path, problems);

  /* The checksum has its own line already. */
  for (guint i = problems->len; i > 0; i--)
    if (g_error_matches (problems->pdata[i - 1], OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_BAD_CHECKSUM))
      g_ptr_array_remove_index (problems, i - 1);

  if (problems->len == 0)
    {
      g_print ("Structure: OK\n");
    }
  else
    {
      g_print ("Structure: %u problem%s\n", problems->len, problems->len == 1 ? "" : "s");
      for (guint i = 0; i < problems->len; i++)
        g_print ("  %s\n", ((const GError *) problems->pdata[i])->message);
    }

  print_part_names ("", bank);
  g_print ("Patterns with trigs:\n");
  print_patterns ("  ", bank, _octa_cli_bank_letter (path));
}

static void
print_markers (const OctaMarkersFile *markers)
{
  const OctaSlotType types[] = { OCTA_SLOT_FLEX, OCTA_SLOT_STATIC };
  guint shown = 0;

  g_print ("Slots with data:\n");
  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    for (guint s = 0; s < octa_slot_type_n_slots (types[t]); s++)
      {
        g_autofree char *label = NULL;

        if (octa_markers_file_slot_is_empty (markers, types[t], s))
          continue;
        label = _octa_cli_slot_label (types[t], s);
        g_print ("  %-12s trim %u–%u, loop point %u, %u slices\n", label,
                 octa_markers_file_get_trim_start (markers, types[t], s),
                 octa_markers_file_get_trim_end (markers, types[t], s),
                 octa_markers_file_get_loop_point (markers, types[t], s),
                 octa_markers_file_get_slice_count (markers, types[t], s));
        shown++;
      }
  if (shown == 0)
    g_print ("  none\n");
}

static void
print_arrangement (const OctaArrangementFile *arr)
{
  static const struct
  {
    OctaArrangementCopy copy;
    const char         *label;
  } blocks[] = {
    { OCTA_ARRANGEMENT_WORKING, "Working" },
    { OCTA_ARRANGEMENT_SAVED,   "Saved" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (blocks); i++)
    {
      g_autofree char *name = octa_arrangement_file_dup_name (arr, blocks[i].copy);
      guint rows = octa_arrangement_file_get_row_count (arr, blocks[i].copy);

      g_print ("%s: “%s”, %u row%s\n", blocks[i].label, name, rows, rows == 1 ? "" : "s");
    }
}

static void
print_sample_attrs (const OctaSampleFile *sample)
{
  g_autofree char *tempo =
    _octa_cli_format_tempo (octa_sample_file_get (sample, OCTA_SAMPLE_FIELD_TEMPO_X24));
  g_autofree char *bars =
    format_hundredths (octa_sample_file_get (sample, OCTA_SAMPLE_FIELD_TRIM_LENGTH_X100));

  g_print ("Tempo: %s BPM\n", tempo);
  g_print ("Trim: frames %u–%u (%s bars)\n",
           octa_sample_file_get (sample, OCTA_SAMPLE_FIELD_TRIM_START),
           octa_sample_file_get (sample, OCTA_SAMPLE_FIELD_TRIM_END), bars);
  g_print ("Slices: %u\n", octa_sample_file_get (sample, OCTA_SAMPLE_FIELD_SLICE_COUNT));
}

static void
print_project_text (const OctaProjectFile *project)
{
  g_autofree char *version = octa_project_file_dup_string (project, OCTA_SECTION_META, "VERSION");
  g_autofree char *os = octa_project_file_dup_string (project, OCTA_SECTION_META, "OS_VERSION");
  g_autoptr(GArray) slots = octa_project_file_list_samples (project);

  g_print ("Version: %s\n", version != NULL ? version : "not set");
  g_print ("OS: %s\n", os != NULL ? os : "not set");
  print_tempo ("Tempo", project);
  g_print ("Sample slots: %u\n", slots != NULL ? slots->len : 0);
}

static void
print_container (const guint8 *data,
                 gsize         len)
{
  guint16 stored = octa_checksum_stored (data, len);
  guint16 computed = octa_checksum_compute (data, len);

  g_print ("Version: %u\n", data[OCTA_VERSION_OFFSET]);
  g_print ("Checksum: stored 0x%04X, computed 0x%04X, %s\n", stored, computed,
           stored == computed ? "OK" : "MISMATCH");
}

static int
info_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *data = NULL;
  g_autoptr(OctaBankFile) bank = NULL;
  g_autoptr(OctaMarkersFile) markers = NULL;
  g_autoptr(OctaArrangementFile) arr = NULL;
  g_autoptr(OctaSampleFile) sample = NULL;
  g_autoptr(OctaProjectFile) project = NULL;
  gboolean loaded;
  OctaFileKind kind;
  gsize len = 0;

  if (!octa_read_file (path, OCTA_MAX_FILE_SIZE, &data, &len, &error))
    {
      _octa_cli_error ("%s", error->message);
      return OCTA_CLI_EXIT_FAILURE;
    }

  kind = _octa_cli_kind_of_file (path, data, len);
  switch (kind)
    {
    case OCTA_FILE_KIND_BANK:
      bank = octa_bank_file_new_from_data (data, len, path, INFO_LOAD_FLAGS, &error);
      loaded = bank != NULL;
      break;
    case OCTA_FILE_KIND_MARKERS:
      markers = octa_markers_file_new_from_data (data, len, path, INFO_LOAD_FLAGS, &error);
      loaded = markers != NULL;
      break;
    case OCTA_FILE_KIND_ARRANGEMENT:
      arr = octa_arrangement_file_new_from_data (data, len, path, INFO_LOAD_FLAGS, &error);
      loaded = arr != NULL;
      break;
    case OCTA_FILE_KIND_SAMPLE_ATTRS:
      sample = octa_sample_file_new_from_data (data, len, path, INFO_LOAD_FLAGS, &error);
      loaded = sample != NULL;
      break;
    case OCTA_FILE_KIND_PROJECT:
      project = octa_project_file_new_from_data (data, len, path, &error);
      loaded = project != NULL;
      break;
    case OCTA_FILE_KIND_UNKNOWN:
    default:
      _octa_cli_error ("%s: not an Octatrack file: neither its name nor its first bytes "
                       "say what it is", path);
      return OCTA_CLI_EXIT_FAILURE;
    }

  if (!loaded)
    {
      _octa_cli_error ("%s", error != NULL ? error->message : "cannot be read");
      return OCTA_CLI_EXIT_FAILURE;
    }

  g_print ("File: %s\n", path);
  g_print ("Kind: %s\n", octa_file_kind_to_string (kind));
  g_print ("Size: %" G_GSIZE_FORMAT " bytes\n", len);

  switch (kind)
    {
    case OCTA_FILE_KIND_BANK:
      print_container (data, len);
      print_bank (path, bank, data, len);
      break;
    case OCTA_FILE_KIND_MARKERS:
      print_container (data, len);
      print_markers (markers);
      break;
    case OCTA_FILE_KIND_ARRANGEMENT:
      print_container (data, len);
      print_arrangement (arr);
      break;
    case OCTA_FILE_KIND_SAMPLE_ATTRS:
      print_container (data, len);
      print_sample_attrs (sample);
      break;
    case OCTA_FILE_KIND_PROJECT:
      print_project_text (project);
      break;
    case OCTA_FILE_KIND_UNKNOWN:
    default:
      g_assert_not_reached ();
    }

  return OCTA_CLI_EXIT_OK;
}

int
_octa_cli_info (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  const char *path;
  int status;

  context = _octa_cli_option_context (
    "info", "PATH",
    "Describes PATH: a project folder, a project zip or a single Octatrack file\n"
    "(bank, markers, arrangement, .ot sample attributes or project.work).\n"
    "Files with a bad checksum are described too; use “validate” to check them.",
    "Exit status: 0 described, 1 PATH cannot be read, 2 usage error.",
    NULL);
  status = _octa_cli_parse_options (context, "info", &argc, &argv);
  if (status != OCTA_CLI_EXIT_OK)
    return status;
  if (argc != 2)
    return _octa_cli_usage_error ("info", argc < 2 ? "info: no path given"
                                                   : "info: give exactly one path");
  path = argv[1];

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      _octa_cli_error ("%s: no such file or folder", path);
      return OCTA_CLI_EXIT_FAILURE;
    }

  if (g_file_test (path, G_FILE_TEST_IS_DIR) || _octa_cli_is_zip (path))
    return info_project (path);
  return info_file (path);
}
