/* SPDX-License-Identifier: MIT */
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "octa-cli-private.h"

#define DUMP_FORMAT  "octadesk-dump"
#define DUMP_VERSION 1

/* A dump only reads; files the device would repair are shown as they are. */
#define DUMP_LOAD_FLAGS OCTA_LOAD_ALLOW_BAD_CHECKSUM

static const char *const machine_names[] = {
  [OCTA_MACHINE_STATIC]   = "static",
  [OCTA_MACHINE_FLEX]     = "flex",
  [OCTA_MACHINE_THRU]     = "thru",
  [OCTA_MACHINE_NEIGHBOR] = "neighbor",
  [OCTA_MACHINE_PICKUP]   = "pickup",
};

static const struct
{
  const char       *member;
  OctaTrackSetting  setting;
} track_settings[] = {
  { "length",            OCTA_TRACK_SETTING_LENGTH },
  { "scale",             OCTA_TRACK_SETTING_SCALE },
  { "swing_amount",      OCTA_TRACK_SETTING_SWING_AMOUNT },
  { "trig_mode",         OCTA_TRACK_SETTING_TRIG_MODE },
  { "trig_quantization", OCTA_TRACK_SETTING_TRIG_QUANTIZATION },
  { "start_silent",      OCTA_TRACK_SETTING_START_SILENT },
  { "plays_free",        OCTA_TRACK_SETTING_PLAYS_FREE },
  { "oneshot_track",     OCTA_TRACK_SETTING_ONESHOT },
};

static const char *const sample_attr_members[OCTA_N_SAMPLE_ATTRS] = {
  [OCTA_SAMPLE_ATTR_TRIM_BARS_X100]   = "trim_bars_x100",
  [OCTA_SAMPLE_ATTR_BPM_X24]          = "bpm_x24",
  [OCTA_SAMPLE_ATTR_TSMODE]           = "tsmode",
  [OCTA_SAMPLE_ATTR_LOOPMODE]         = "loopmode",
  [OCTA_SAMPLE_ATTR_GAIN]             = "gain",
  [OCTA_SAMPLE_ATTR_TRIGQUANTIZATION] = "trigquantization",
};

/* JSON strings must be UTF-8; names in the files are bytes. */
static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  if (member != NULL)
    json_builder_set_member_name (builder, member);

  if (value == NULL)
    {
      json_builder_add_null_value (builder);
    }
  else if (g_utf8_validate (value, -1, NULL))
    {
      json_builder_add_string_value (builder, value);
    }
  else
    {
      g_autofree char *valid = g_utf8_make_valid (value, -1);

      json_builder_add_string_value (builder, valid);
    }
}

static void
add_int (JsonBuilder *builder,
         const char  *member,
         gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

static void
add_step_list (JsonBuilder *builder,
               const char  *member,
               guint64      mask)
{
  if (member != NULL)
    json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint s = 0; s < OCTA_N_STEPS; s++)
    if (mask & (G_GUINT64_CONSTANT (1) << s))
      json_builder_add_int_value (builder, s + 1);
  json_builder_end_array (builder);
}

static void
set_step_member (JsonBuilder *builder,
                 guint        step)
{
  char key[8];

  g_snprintf (key, sizeof key, "%u", step + 1);
  json_builder_set_member_name (builder, key);
}

typedef enum
{
  STEP_CONDITION,
  STEP_MICRO_TIMING,
  STEP_REPEATS,
} StepValue;

static gint
get_step_value (const OctaBankFile *bank,
                guint               pattern,
                OctaTrackType       type,
                guint               track,
                guint               step,
                StepValue           which)
{
  switch (which)
    {
    case STEP_CONDITION:
      return (gint) octa_bank_file_get_condition (bank, pattern, type, track, step);
    case STEP_MICRO_TIMING:
      return octa_bank_file_get_micro_timing (bank, pattern, type, track, step);
    case STEP_REPEATS:
      return (gint) octa_bank_file_get_repeats (bank, pattern, type, track, step);
    default:
      g_assert_not_reached ();
    }
}

static void
add_step_values (JsonBuilder        *builder,
                 const char         *member,
                 const OctaBankFile *bank,
                 guint               pattern,
                 OctaTrackType       type,
                 guint               track,
                 StepValue           which)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  for (guint s = 0; s < OCTA_N_STEPS; s++)
    {
      gint value = get_step_value (bank, pattern, type, track, s, which);

      if (value == 0)
        continue;
      set_step_member (builder, s);
      json_builder_add_int_value (builder, value);
    }
  json_builder_end_object (builder);
}

static void
add_plocks (JsonBuilder        *builder,
            const OctaBankFile *bank,
            guint               pattern,
            OctaTrackType       type,
            guint               track)
{
  json_builder_set_member_name (builder, "plocks");
  json_builder_begin_object (builder);
  for (guint s = 0; s < OCTA_N_STEPS; s++)
    {
      if (octa_bank_file_count_plocks (bank, pattern, type, track, s) == 0)
        continue;

      set_step_member (builder, s);
      json_builder_begin_object (builder);
      for (guint param = 0; param < OCTA_N_PLOCK_PARAMS; param++)
        {
          guint8 value = octa_bank_file_get_plock (bank, pattern, type, track, s, param);
          char key[8];

          if (value == OCTA_PLOCK_NONE)
            continue;
          g_snprintf (key, sizeof key, "%u", param);
          add_int (builder, key, value);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
}

static void
add_track (JsonBuilder        *builder,
           const OctaBankFile *bank,
           guint               pattern,
           OctaTrackType       type,
           guint               track)
{
  gboolean audio = type == OCTA_TRACK_AUDIO;

  json_builder_begin_object (builder);
  add_int (builder, "track", track + 1);

  add_step_list (builder, "trig_steps",
                 octa_bank_file_get_trig_mask (bank, pattern, type, track, OCTA_TRIG_TRIGGER));
  add_step_list (builder, "trigless_steps",
                 octa_bank_file_get_trig_mask (bank, pattern, type, track, OCTA_TRIG_TRIGLESS));
  add_step_list (builder, "lock_steps",
                 octa_bank_file_get_trig_mask (bank, pattern, type, track, OCTA_TRIG_LOCK));
  add_step_list (builder, "swing_steps",
                 octa_bank_file_get_trig_mask (bank, pattern, type, track, OCTA_TRIG_SWING));

  if (audio)
    {
      guint64 recorder[4];

      add_step_list (builder, "oneshot_steps",
                     octa_bank_file_get_trig_mask (bank, pattern, type, track, OCTA_TRIG_ONESHOT));
      add_step_list (builder, "slide_steps",
                     octa_bank_file_get_trig_mask (bank, pattern, type, track, OCTA_TRIG_SLIDE));

      for (guint i = 0; i < G_N_ELEMENTS (recorder); i++)
        recorder[i] = octa_bank_file_get_trig_mask (bank, pattern, type, track,
                                                    OCTA_TRIG_RECORDER_1 + i);
      add_step_list (builder, "recorder_steps",
                     recorder[0] | recorder[1] | recorder[2] | recorder[3]);
      json_builder_set_member_name (builder, "recorder_masks");
      json_builder_begin_array (builder);
      for (guint i = 0; i < G_N_ELEMENTS (recorder); i++)
        add_step_list (builder, NULL, recorder[i]);
      json_builder_end_array (builder);
    }

  for (guint i = 0; i < G_N_ELEMENTS (track_settings); i++)
    add_int (builder, track_settings[i].member,
             octa_bank_file_get_track_setting (bank, pattern, type, track,
                                               track_settings[i].setting));

  add_plocks (builder, bank, pattern, type, track);
  add_step_values (builder, "conditions", bank, pattern, type, track, STEP_CONDITION);
  add_step_values (builder, "micro_timing", bank, pattern, type, track, STEP_MICRO_TIMING);
  add_step_values (builder, "repeats", bank, pattern, type, track, STEP_REPEATS);

  if (audio)
    {
      json_builder_set_member_name (builder, "sample_locks");
      json_builder_begin_object (builder);
      for (guint s = 0; s < OCTA_N_STEPS; s++)
        {
          gint slot = octa_bank_file_get_sample_lock (bank, pattern, track, s);

          if (slot < 0)
            continue;
          set_step_member (builder, s);
          json_builder_add_int_value (builder, slot + 1);
        }
      json_builder_end_object (builder);
    }

  json_builder_end_object (builder);
}

static void
add_pattern (JsonBuilder        *builder,
             const OctaBankFile *bank,
             guint               pattern)
{
  guint tempo_x24 = octa_bank_file_get_pattern_tempo_x24 (bank, pattern);
  guint scale_mode = octa_bank_file_get_pattern_scale_mode (bank, pattern);

  json_builder_begin_object (builder);
  add_int (builder, "pattern", pattern + 1);
  add_int (builder, "part", octa_bank_file_get_pattern_part (bank, pattern) + 1);
  json_builder_set_member_name (builder, "tempo_bpm");
  json_builder_add_double_value (builder, tempo_x24 / 24.0);
  add_int (builder, "tempo_x24", tempo_x24);
  add_int (builder, "length", octa_bank_file_get_pattern_length (bank, pattern));
  add_int (builder, "scale", octa_bank_file_get_pattern_scale (bank, pattern));

  json_builder_set_member_name (builder, "scale_mode");
  if (scale_mode == 0)
    json_builder_add_string_value (builder, "normal");
  else if (scale_mode == 1)
    json_builder_add_string_value (builder, "per_track");
  else
    json_builder_add_int_value (builder, scale_mode);

  add_int (builder, "per_track_length",
           octa_bank_file_get_pattern_per_track_length (bank, pattern));
  add_int (builder, "per_track_scale",
           octa_bank_file_get_pattern_per_track_scale (bank, pattern));

  json_builder_set_member_name (builder, "audio_tracks");
  json_builder_begin_array (builder);
  for (guint t = 0; t < OCTA_N_TRACKS; t++)
    add_track (builder, bank, pattern, OCTA_TRACK_AUDIO, t);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "midi_tracks");
  json_builder_begin_array (builder);
  for (guint t = 0; t < OCTA_N_TRACKS; t++)
    add_track (builder, bank, pattern, OCTA_TRACK_MIDI, t);
  json_builder_end_array (builder);

  json_builder_end_object (builder);
}

static void
add_part_area_list (JsonBuilder        *builder,
                    const char         *member,
                    const OctaBankFile *bank,
                    guint               part,
                    OctaPartArea        area,
                    guint               index,
                    gint                add)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint t = 0; t < OCTA_N_TRACKS; t++)
    json_builder_add_int_value (builder,
                                octa_bank_file_get_part_value (bank, part, OCTA_PART_UNSAVED,
                                                               area, t, index) + add);
  json_builder_end_array (builder);
}

static void
add_part (JsonBuilder        *builder,
          const OctaBankFile *bank,
          guint               part)
{
  g_autofree char *name = octa_bank_file_dup_part_name (bank, part);
  guint8 edited = octa_bank_file_get_parts_edited_mask (bank);

  json_builder_begin_object (builder);
  add_int (builder, "part", part + 1);
  add_string (builder, "name", name);
  json_builder_set_member_name (builder, "edited");
  json_builder_add_boolean_value (builder, (edited & (1u << part)) != 0);

  json_builder_set_member_name (builder, "machines");
  json_builder_begin_array (builder);
  for (guint t = 0; t < OCTA_N_TRACKS; t++)
    {
      OctaMachineType machine = octa_bank_file_get_machine (bank, part, OCTA_PART_UNSAVED, t);

      if ((guint) machine < G_N_ELEMENTS (machine_names))
        json_builder_add_string_value (builder, machine_names[machine]);
      else
        json_builder_add_int_value (builder, machine);
    }
  json_builder_end_array (builder);

  add_part_area_list (builder, "fx1", bank, part, OCTA_PART_AREA_FX1_TYPE, 0, 0);
  add_part_area_list (builder, "fx2", bank, part, OCTA_PART_AREA_FX2_TYPE, 0, 0);
  /* Slot bytes are 0-based; the device counts from 1 (recorder buffers 129…136). */
  add_part_area_list (builder, "flex_slots", bank, part, OCTA_PART_AREA_SLOTS, 1, 1);
  add_part_area_list (builder, "static_slots", bank, part, OCTA_PART_AREA_SLOTS, 0, 1);
  json_builder_end_object (builder);
}

static void
add_bank (JsonBuilder        *builder,
          const OctaBankFile *bank,
          char                letter,
          const char         *file)
{
  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "bank");
  if (letter != 0)
    {
      char text[2] = { letter, '\0' };

      json_builder_add_string_value (builder, text);
    }
  else
    {
      json_builder_add_null_value (builder);
    }
  add_string (builder, "file", file);

  json_builder_set_member_name (builder, "part_names");
  json_builder_begin_array (builder);
  for (guint k = 0; k < OCTA_N_PARTS; k++)
    {
      g_autofree char *name = octa_bank_file_dup_part_name (bank, k);

      add_string (builder, NULL, name);
    }
  json_builder_end_array (builder);

  add_int (builder, "parts_edited_mask", octa_bank_file_get_parts_edited_mask (bank));
  json_builder_set_member_name (builder, "parts_saved_state");
  json_builder_begin_array (builder);
  for (guint k = 0; k < OCTA_N_PARTS; k++)
    json_builder_add_int_value (builder, octa_bank_file_get_part_saved_state (bank, k));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "parts");
  json_builder_begin_array (builder);
  for (guint k = 0; k < OCTA_N_PARTS; k++)
    add_part (builder, bank, k);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "patterns");
  json_builder_begin_array (builder);
  for (guint p = 0; p < OCTA_N_PATTERNS; p++)
    add_pattern (builder, bank, p);
  json_builder_end_array (builder);

  json_builder_end_object (builder);
}

/* project.work keys */

typedef struct
{
  GPtrArray  *keys;    /* first-seen order */
  GHashTable *values;  /* key → GPtrArray of JsonNode */
} KeyValues;

static void
key_values_init (KeyValues *kv)
{
  kv->keys = g_ptr_array_new_with_free_func (g_free);
  kv->values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                      (GDestroyNotify) g_ptr_array_unref);
}

static void
key_values_clear (KeyValues *kv)
{
  g_clear_pointer (&kv->values, g_hash_table_unref);
  g_clear_pointer (&kv->keys, g_ptr_array_unref);
}

static void
key_values_add (KeyValues *kv,
                const char *key,
                JsonNode   *node)
{
  GPtrArray *nodes = g_hash_table_lookup (kv->values, key);

  if (nodes == NULL)
    {
      char *owned = g_strdup (key);

      nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
      g_ptr_array_add (kv->keys, owned);
      g_hash_table_insert (kv->values, owned, nodes);
    }
  g_ptr_array_add (nodes, node);
}

static void
key_values_emit (KeyValues   *kv,
                 JsonBuilder *builder,
                 const char  *skip,
                 const char  *always_array)
{
  for (guint i = 0; i < kv->keys->len; i++)
    {
      const char *key = kv->keys->pdata[i];
      GPtrArray *nodes = g_hash_table_lookup (kv->values, key);

      if (g_strcmp0 (key, skip) == 0)
        continue;

      json_builder_set_member_name (builder, key);
      if (nodes->len == 1 && g_strcmp0 (key, always_array) != 0)
        {
          json_builder_add_value (builder, json_node_copy (nodes->pdata[0]));
        }
      else
        {
          json_builder_begin_array (builder);
          for (guint k = 0; k < nodes->len; k++)
            json_builder_add_value (builder, json_node_copy (nodes->pdata[k]));
          json_builder_end_array (builder);
        }
    }
}

/*
 * Keys are taken from the lines themselves, in file order, so keys the codec
 * does not know and repeated keys are dumped too; values go through the codec.
 */
static void
collect_keys (const OctaProjectFile *project,
              KeyValues             *meta,
              KeyValues             *settings)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *section = NULL;
  guint n_lines = octa_project_file_get_n_lines (project);

  for (guint i = 0; i < n_lines; i++)
    {
      g_autofree char *line = g_strdup (octa_project_file_get_line (project, i));
      g_autofree char *seen_key = NULL;
      KeyValues *target;
      const char *value_text;
      char *eq;
      guint nth;
      gint value;
      JsonNode *node;

      g_strchomp (line);
      if (line[0] == '[')
        {
          gsize len = strlen (line);

          g_clear_pointer (&section, g_free);
          if (len > 2 && line[1] != '/' && line[len - 1] == ']')
            section = g_strndup (line + 1, len - 2);
          continue;
        }

      if (section == NULL)
        continue;
      if (g_str_equal (section, OCTA_SECTION_META))
        target = meta;
      else if (g_str_equal (section, OCTA_SECTION_SETTINGS) ||
               g_str_equal (section, OCTA_SECTION_STATES))
        target = settings;
      else
        continue;

      eq = strchr (line, '=');
      if (eq == NULL)
        continue;
      *eq = '\0';
      value_text = eq + 1;

      seen_key = g_strdup_printf ("%s\n%s", section, line);
      nth = GPOINTER_TO_UINT (g_hash_table_lookup (seen, seen_key));
      g_hash_table_insert (seen, g_strdup (seen_key), GUINT_TO_POINTER (nth + 1));

      node = json_node_alloc ();
      if (octa_project_file_lookup_int (project, section, line, nth, &value))
        {
          json_node_init_int (node, value);
        }
      else if (g_utf8_validate (value_text, -1, NULL))
        {
          json_node_init_string (node, value_text);
        }
      else
        {
          g_autofree char *valid = g_utf8_make_valid (value_text, -1);

          json_node_init_string (node, valid);
        }
      key_values_add (target, line, node);
    }
}

static void
add_settings (JsonBuilder           *builder,
              const OctaProjectFile *project)
{
  KeyValues meta, settings;
  gint tempo;

  key_values_init (&meta);
  key_values_init (&settings);
  collect_keys (project, &meta, &settings);

  json_builder_set_member_name (builder, "meta");
  json_builder_begin_object (builder);
  key_values_emit (&meta, builder, NULL, NULL);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "settings");
  json_builder_begin_object (builder);
  if (octa_project_file_lookup_int (project, OCTA_SECTION_SETTINGS, "TEMPOx24", 0, &tempo))
    {
      add_int (builder, "TEMPOx24", tempo);
      json_builder_set_member_name (builder, "tempo_bpm");
      json_builder_add_double_value (builder, tempo / 24.0);
      key_values_emit (&settings, builder, "TEMPOx24", "TRIG_MODE_MIDI");
    }
  else
    {
      key_values_emit (&settings, builder, NULL, "TRIG_MODE_MIDI");
    }
  json_builder_end_object (builder);

  key_values_clear (&meta);
  key_values_clear (&settings);
}

/* Only the counted slices: the rest of the 64 entries is whatever an
 * earlier slicing left there, which the device ignores. */
static void
add_slices (JsonBuilder           *builder,
            const OctaMarkersFile *markers,
            OctaSlotType           type,
            guint                  slot)
{
  guint count = MIN (octa_markers_file_get_slice_count (markers, type, slot), 64);

  json_builder_set_member_name (builder, "slices");
  json_builder_begin_array (builder);
  for (guint i = 0; i < count; i++)
    {
      OctaSlice slice = octa_markers_file_get_slice (markers, type, slot, i);

      json_builder_begin_object (builder);
      add_int (builder, "start", slice.start);
      add_int (builder, "end", slice.end);
      add_int (builder, "loop", slice.loop);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_sample_slots (JsonBuilder           *builder,
                  const OctaProjectFile *project,
                  const OctaMarkersFile *markers)
{
  g_autoptr(GArray) slots = project != NULL ? octa_project_file_list_samples (project) : NULL;

  json_builder_set_member_name (builder, "sample_slots");
  json_builder_begin_array (builder);
  for (guint i = 0; slots != NULL && i < slots->len; i++)
    {
      const OctaSlotRef *ref = &g_array_index (slots, OctaSlotRef, i);
      g_autofree char *path = octa_project_file_dup_sample_path (project, ref->type, ref->slot);

      json_builder_begin_object (builder);
      add_string (builder, "type", ref->type == OCTA_SLOT_STATIC ? "static" : "flex");
      add_int (builder, "slot", ref->slot + 1);
      add_string (builder, "path", path != NULL ? path : "");

      for (guint a = 0; a < OCTA_N_SAMPLE_ATTRS; a++)
        {
          gint value;

          if (octa_project_file_get_sample_attr (project, ref->type, ref->slot, a, &value))
            add_int (builder, sample_attr_members[a], value);
        }

      if (markers != NULL && ref->slot < octa_slot_type_n_slots (ref->type))
        {
          add_int (builder, "trim_start",
                   octa_markers_file_get_trim_start (markers, ref->type, ref->slot));
          add_int (builder, "trim_end",
                   octa_markers_file_get_trim_end (markers, ref->type, ref->slot));
          add_int (builder, "loop_point",
                   octa_markers_file_get_loop_point (markers, ref->type, ref->slot));
          add_int (builder, "slice_count",
                   octa_markers_file_get_slice_count (markers, ref->type, ref->slot));
          add_slices (builder, markers, ref->type, ref->slot);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_file_names (JsonBuilder      *builder,
                OctaProjectFiles *files)
{
  json_builder_set_member_name (builder, "files");
  json_builder_begin_array (builder);
  for (guint s = 0; s < 2; s++)
    {
      g_autofree char *project = octa_project_files_filename (OCTA_FILE_KIND_PROJECT, 0, s);
      g_autofree char *markers = octa_project_files_filename (OCTA_FILE_KIND_MARKERS, 0, s);

      if (files->project[s] != NULL)
        add_string (builder, NULL, project);
      if (files->markers[s] != NULL)
        add_string (builder, NULL, markers);
      for (guint i = 0; i < OCTA_N_BANKS; i++)
        if (files->banks[s][i] != NULL)
          {
            g_autofree char *name = octa_project_files_filename (OCTA_FILE_KIND_BANK, i, s);

            add_string (builder, NULL, name);
          }
      for (guint i = 0; i < OCTA_N_ARRANGEMENTS; i++)
        if (files->arrangements[s][i] != NULL)
          {
            g_autofree char *name =
              octa_project_files_filename (OCTA_FILE_KIND_ARRANGEMENT, i, s);

            add_string (builder, NULL, name);
          }
    }
  json_builder_end_array (builder);
}

static void
begin_document (JsonBuilder *builder,
                const char  *name)
{
  json_builder_begin_object (builder);
  add_string (builder, "format", DUMP_FORMAT);
  add_int (builder, "version", DUMP_VERSION);
  add_string (builder, "name", name);
}

static JsonNode *
build_project (OctaProjectFiles *files)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const OctaProjectFile *project = files->project[OCTA_STATE_WORK];

  begin_document (builder, files->name);
  add_file_names (builder, files);

  if (project != NULL)
    {
      add_settings (builder, project);
    }
  else
    {
      json_builder_set_member_name (builder, "meta");
      json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "settings");
      json_builder_add_null_value (builder);
    }

  json_builder_set_member_name (builder, "banks");
  json_builder_begin_array (builder);
  for (guint i = 0; i < OCTA_N_BANKS; i++)
    {
      g_autofree char *file = NULL;

      if (files->banks[OCTA_STATE_WORK][i] == NULL)
        continue;
      file = octa_project_files_filename (OCTA_FILE_KIND_BANK, i, OCTA_STATE_WORK);
      add_bank (builder, files->banks[OCTA_STATE_WORK][i], (char) ('A' + i), file);
    }
  json_builder_end_array (builder);

  add_sample_slots (builder, project, files->markers[OCTA_STATE_WORK]);

  json_builder_set_member_name (builder, "arrangements");
  json_builder_begin_array (builder);
  for (guint i = 0; i < OCTA_N_ARRANGEMENTS; i++)
    {
      const OctaArrangementFile *arr = files->arrangements[OCTA_STATE_WORK][i];
      g_autofree char *file = NULL;
      g_autofree char *name = NULL;

      if (arr == NULL)
        continue;
      file = octa_project_files_filename (OCTA_FILE_KIND_ARRANGEMENT, i, OCTA_STATE_WORK);
      name = octa_arrangement_file_dup_name (arr, OCTA_ARRANGEMENT_WORKING);
      json_builder_begin_object (builder);
      add_int (builder, "arrangement", i + 1);
      add_string (builder, "file", file);
      add_string (builder, "name", name);
      add_int (builder, "rows",
               octa_arrangement_file_get_row_count (arr, OCTA_ARRANGEMENT_WORKING));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static JsonNode *
build_single_bank (const OctaBankFile *bank,
                   const char         *path)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *display = g_filename_display_name (base);

  begin_document (builder, display);

  json_builder_set_member_name (builder, "files");
  json_builder_begin_array (builder);
  add_string (builder, NULL, display);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "meta");
  json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "settings");
  json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "banks");
  json_builder_begin_array (builder);
  add_bank (builder, bank, _octa_cli_bank_letter (base), display);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "sample_slots");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "arrangements");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static JsonNode *
build_from_path (const char  *path,
                 GError     **error)
{
  g_autofree guint8 *data = NULL;
  g_autoptr(OctaBankFile) bank = NULL;
  gsize len = 0;

  if (g_file_test (path, G_FILE_TEST_IS_DIR) || _octa_cli_is_zip (path))
    {
      g_autoptr(OctaProjectFiles) files = octa_project_files_load (path, DUMP_LOAD_FLAGS, error);

      return files != NULL ? build_project (files) : NULL;
    }

  if (!octa_read_file (path, OCTA_MAX_FILE_SIZE, &data, &len, error))
    return NULL;

  if (_octa_cli_kind_of_file (path, data, len) != OCTA_FILE_KIND_BANK)
    {
      g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_INVALID_VALUE,
                   "%s: not a project folder, a project zip or a bank file", path);
      return NULL;
    }

  bank = octa_bank_file_new_from_data (data, len, path, DUMP_LOAD_FLAGS, error);
  return bank != NULL ? build_single_bank (bank, path) : NULL;
}

int
_octa_cli_dump (int    argc,
                char **argv)
{
  gboolean json = FALSE;
  gboolean compact = FALSE;
  gboolean pretty = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Write JSON (the only format, and the default)",
      NULL },
    { "compact", 'c', 0, G_OPTION_ARG_NONE, &compact, "Write the JSON on one line", NULL },
    { "pretty", 'p', 0, G_OPTION_ARG_NONE, &pretty, "Indent the JSON (the default)", NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autofree char *text = NULL;
  const char *path;
  gsize len;
  int status;

  context = _octa_cli_option_context (
    "dump", "PATH",
    "Writes a project (a folder or a zip) or a single bank file to standard\n"
    "output as a JSON document in UTF-8. The working (.work) files are dumped;\n"
    "the schema is described in docs/dump-json.md.",
    "Exit status: 0 written, 1 PATH cannot be read, 2 usage error.",
    entries);
  status = _octa_cli_parse_options (context, "dump", &argc, &argv);
  if (status != OCTA_CLI_EXIT_OK)
    return status;
  if (argc != 2)
    return _octa_cli_usage_error ("dump", argc < 2 ? "dump: no path given"
                                                   : "dump: give exactly one path");
  if (compact && pretty)
    return _octa_cli_usage_error ("dump", "dump: --compact and --pretty exclude each other");
  path = argv[1];

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      _octa_cli_error ("%s: no such file or folder", path);
      return OCTA_CLI_EXIT_FAILURE;
    }

  root = build_from_path (path, &error);
  if (root == NULL)
    {
      _octa_cli_error ("%s", error->message);
      return OCTA_CLI_EXIT_FAILURE;
    }

  generator = json_generator_new ();
  json_generator_set_pretty (generator, !compact);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &len);

  /*
   * JSON is UTF-8 whatever the locale, so the document bypasses g_print(),
   * which would convert it to the locale's character set.
   */
  if (fwrite (text, 1, len, stdout) != len || fputc ('\n', stdout) == EOF ||
      fflush (stdout) != 0)
    {
      _octa_cli_error ("cannot write to standard output");
      return OCTA_CLI_EXIT_FAILURE;
    }

  return OCTA_CLI_EXIT_OK;
}
