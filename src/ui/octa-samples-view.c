/* SPDX-License-Identifier: MIT */
#include <string.h>

#include <glib/gi18n.h>

#include <adwaita.h>

#include "octa-marker-controls.h"
#include "octa-plock-names.h"
#include "octa-samples-view.h"
#include "octa-waveform.h"

/**
 * OctaSamplesView:
 *
 * The sample slots of a project (§4.2): a sidebar of Flex, Static,
 * recorder buffers and the set's audio pool, a table with a row for every
 * slot (empty ones included, so every slot is a drop target) and a details
 * pane for the selected slot's attributes. Audio files dropped on a row go
 * to that slot, dropped elsewhere on the table to the first run of free
 * slots; a slot row dropped on another moves the slot with every reference.
 * Rows are drag sources carrying the #OctaSampleSlot.
 */

#define SAMPLE_RATE 44100.0

/* Rows ------------------------------------------------------------------- */

typedef enum
{
  COL_NUMBER,
  COL_NAME,
  COL_STATUS,
  COL_LENGTH,
  COL_RATE,
  COL_CHANNELS,
  COL_LOOP,
  COL_TSTR,
  COL_GAIN,
  COL_USAGE,
  N_COLS
} Column;

#define OCTA_TYPE_SAMPLE_ROW (octa_sample_row_get_type ())
G_DECLARE_FINAL_TYPE (OctaSampleRow, octa_sample_row, OCTA, SAMPLE_ROW, GObject)

struct _OctaSampleRow
{
  GObject         parent_instance;

  OctaSampleSlot *slot;        /* NULL for an audio pool file */
  GFile          *file;        /* the pool file, or the slot's resolved file */
  char           *info_path;   /* the path info was read for */
  OctaSampleInfo *info;
  guint           number;
  double          seconds;
  guint           rate;
  gboolean        empty;
  gboolean        missing;
  char           *text[N_COLS];
  char           *status_icon;
  char          **name_classes;
  char          **status_classes;
};

G_DEFINE_FINAL_TYPE (OctaSampleRow, octa_sample_row, G_TYPE_OBJECT)

enum {
  ROW_PROP_0,
  ROW_PROP_NUMBER,
  ROW_PROP_SECONDS,
  ROW_PROP_RATE,
  ROW_PROP_EMPTY,
  ROW_PROP_MISSING,
  ROW_PROP_STATUS_ICON,
  ROW_PROP_NAME_CLASSES,
  ROW_PROP_STATUS_CLASSES,
  ROW_PROP_TEXT0,
  N_ROW_PROPS = ROW_PROP_TEXT0 + N_COLS
};

static GParamSpec *row_props[N_ROW_PROPS];

static const char *const column_props[N_COLS] = {
  "number-text", "name", "status", "length", "rate-text", "channels", "loop", "tstr", "gain",
  "usage",
};

static void
octa_sample_row_finalize (GObject *object)
{
  OctaSampleRow *self = OCTA_SAMPLE_ROW (object);

  g_clear_object (&self->slot);
  g_clear_object (&self->file);
  g_clear_pointer (&self->info_path, g_free);
  g_clear_pointer (&self->info, octa_sample_info_free);
  for (guint i = 0; i < N_COLS; i++)
    g_free (self->text[i]);
  g_free (self->status_icon);
  g_strfreev (self->name_classes);
  g_strfreev (self->status_classes);

  G_OBJECT_CLASS (octa_sample_row_parent_class)->finalize (object);
}

static void
octa_sample_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  OctaSampleRow *self = OCTA_SAMPLE_ROW (object);

  if (prop_id >= ROW_PROP_TEXT0 && prop_id < N_ROW_PROPS)
    {
      g_value_set_string (value, self->text[prop_id - ROW_PROP_TEXT0]);
      return;
    }
  switch (prop_id)
    {
    case ROW_PROP_NUMBER:
      g_value_set_uint (value, self->number);
      break;
    case ROW_PROP_SECONDS:
      g_value_set_double (value, self->seconds);
      break;
    case ROW_PROP_RATE:
      g_value_set_uint (value, self->rate);
      break;
    case ROW_PROP_EMPTY:
      g_value_set_boolean (value, self->empty);
      break;
    case ROW_PROP_MISSING:
      g_value_set_boolean (value, self->missing);
      break;
    case ROW_PROP_STATUS_ICON:
      g_value_set_string (value, self->status_icon);
      break;
    case ROW_PROP_NAME_CLASSES:
      g_value_set_boxed (value, self->name_classes);
      break;
    case ROW_PROP_STATUS_CLASSES:
      g_value_set_boxed (value, self->status_classes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
octa_sample_row_class_init (OctaSampleRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = octa_sample_row_finalize;
  object_class->get_property = octa_sample_row_get_property;

  row_props[ROW_PROP_NUMBER] = g_param_spec_uint ("number", NULL, NULL, 0, G_MAXUINT, 0, flags);
  row_props[ROW_PROP_SECONDS] = g_param_spec_double ("seconds", NULL, NULL, -1, G_MAXDOUBLE, 0,
                                                     flags);
  row_props[ROW_PROP_RATE] = g_param_spec_uint ("rate", NULL, NULL, 0, G_MAXUINT, 0, flags);
  row_props[ROW_PROP_EMPTY] = g_param_spec_boolean ("empty", NULL, NULL, TRUE, flags);
  row_props[ROW_PROP_MISSING] = g_param_spec_boolean ("missing", NULL, NULL, FALSE, flags);
  row_props[ROW_PROP_STATUS_ICON] = g_param_spec_string ("status-icon", NULL, NULL, NULL, flags);
  row_props[ROW_PROP_NAME_CLASSES] = g_param_spec_boxed ("name-classes", NULL, NULL,
                                                         G_TYPE_STRV, flags);
  row_props[ROW_PROP_STATUS_CLASSES] = g_param_spec_boxed ("status-classes", NULL, NULL,
                                                           G_TYPE_STRV, flags);
  for (guint i = 0; i < N_COLS; i++)
    row_props[ROW_PROP_TEXT0 + i] = g_param_spec_string (column_props[i], NULL, NULL, NULL,
                                                         flags);
  g_object_class_install_properties (object_class, N_ROW_PROPS, row_props);
}

static void
octa_sample_row_init (OctaSampleRow *self)
{
}

static void
row_set_text (OctaSampleRow *row,
              Column         col,
              const char    *text)
{
  if (g_strcmp0 (row->text[col], text) == 0)
    return;
  g_free (row->text[col]);
  row->text[col] = g_strdup (text);
  g_object_notify_by_pspec (G_OBJECT (row), row_props[ROW_PROP_TEXT0 + col]);
}

static void
row_set_string (OctaSampleRow *row,
                char         **field,
                guint          prop,
                const char    *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (row), row_props[prop]);
}

static void
row_set_classes (OctaSampleRow *row,
                 char        ***field,
                 guint          prop,
                 const char    *klass)
{
  const char *one[] = { klass, NULL };
  const char *none[] = { NULL };
  const char *const *want = klass != NULL ? one : none;

  if (*field != NULL && g_strv_equal ((const char *const *) *field, want))
    return;
  g_strfreev (*field);
  *field = g_strdupv ((char **) want);
  g_object_notify_by_pspec (G_OBJECT (row), row_props[prop]);
}

#define ROW_SET(row, field, prop, value)                                  \
  G_STMT_START {                                                          \
    if ((row)->field != (value))                                          \
      {                                                                   \
        (row)->field = (value);                                           \
        g_object_notify_by_pspec (G_OBJECT (row), row_props[prop]);       \
      }                                                                   \
  } G_STMT_END

static char *
format_length (const OctaSampleInfo *info)
{
  double seconds = info->frames / (info->rate > 0 ? (double) info->rate : SAMPLE_RATE);

  if (seconds < 60)
    return g_strdup_printf ("%.2f s", seconds);
  return g_strdup_printf ("%u:%05.2f", (guint) (seconds / 60), seconds - 60 * (guint) (seconds / 60));
}

static char *
format_rate (guint rate)
{
  return g_strdup_printf ("%.1f", rate / 1000.0);
}

static const char *
channels_word (guint channels)
{
  switch (channels)
    {
    case 0:
      return "";
    case 1:
      return "M";
    case 2:
      return "S";
    default:
      return "#";
    }
}

static void
row_apply_info (OctaSampleRow *row)
{
  const OctaSampleInfo *info = row->info;
  g_autofree char *length = NULL;
  g_autofree char *rate = NULL;
  g_autofree char *channels = NULL;
  const char *icon = NULL, *status = "", *klass = NULL;
  gboolean have_format = info != NULL && info->frames > 0 && info->rate > 0;

  switch (info != NULL ? info->status : OCTA_SAMPLE_STATUS_EMPTY)
    {
    case OCTA_SAMPLE_STATUS_OK:
      icon = "emblem-ok-symbolic";
      status = _("OK");
      klass = "success";
      break;
    case OCTA_SAMPLE_STATUS_MISSING:
      icon = "dialog-warning-symbolic";
      status = _("Missing");
      klass = "warning";
      break;
    case OCTA_SAMPLE_STATUS_INCOMPATIBLE:
      icon = "action-unavailable-symbolic";
      status = info->problem;
      klass = "error";
      break;
    case OCTA_SAMPLE_STATUS_UNREADABLE:
      icon = "dialog-question-symbolic";
      status = _("Unreadable");
      klass = "error";
      break;
    case OCTA_SAMPLE_STATUS_EMPTY:
    default:
      break;
    }

  if (have_format)
    {
      length = format_length (info);
      rate = format_rate (info->rate);
    }
  if (info != NULL && info->channels > 2)
    channels = g_strdup_printf ("#%u", info->channels);
  else
    channels = g_strdup (info != NULL ? channels_word (info->channels) : "");

  row_set_string (row, &row->status_icon, ROW_PROP_STATUS_ICON, icon);
  row_set_classes (row, &row->status_classes, ROW_PROP_STATUS_CLASSES, klass);
  row_set_text (row, COL_STATUS, status);
  row_set_text (row, COL_LENGTH, length != NULL ? length : (row->empty ? "" : "—"));
  row_set_text (row, COL_RATE, rate != NULL ? rate : "");
  row_set_text (row, COL_CHANNELS, channels);
  ROW_SET (row, seconds, ROW_PROP_SECONDS,
           have_format ? info->frames / (double) info->rate : -1.0);
  ROW_SET (row, rate, ROW_PROP_RATE, have_format ? info->rate : 0);
  ROW_SET (row, missing, ROW_PROP_MISSING,
           info != NULL && info->status == OCTA_SAMPLE_STATUS_MISSING);
}

/* Reads the file again only when the path changed or @force. */
/* Returns whether the file was read again. */
static gboolean
row_update_slot (OctaSampleRow *row,
                 const char    *usage,
                 gboolean       force)
{
  OctaSampleSlot *slot = row->slot;
  OctaSlotKind kind = octa_sample_slot_get_kind (slot);
  g_autofree char *path = octa_sample_slot_dup_path (slot);
  gboolean empty = !octa_sample_slot_get_used (slot) || path == NULL || *path == '\0';

  gboolean reread = FALSE;

  ROW_SET (row, empty, ROW_PROP_EMPTY, empty);
  row_set_classes (row, &row->name_classes, ROW_PROP_NAME_CLASSES, empty ? "dim-label" : NULL);

  if (empty)
    {
      reread = row->info != NULL;
      g_clear_pointer (&row->info, octa_sample_info_free);
      g_clear_pointer (&row->info_path, g_free);
      row_set_text (row, COL_NAME, _("— drop audio here —"));
      row_set_text (row, COL_LOOP, "");
      row_set_text (row, COL_TSTR, "");
      row_set_text (row, COL_GAIN, "");
      row_set_text (row, COL_USAGE, "");
      row_apply_info (row);
      return reread;
    }

  if (force || row->info == NULL || g_strcmp0 (path, row->info_path) != 0)
    {
      reread = TRUE;
      g_clear_pointer (&row->info, octa_sample_info_free);
      row->info = octa_sample_slot_read_info (slot);
      g_free (row->info_path);
      row->info_path = g_strdup (path);
    }

  {
    /* Device paths use '/': the name is what follows the last one. */
    const char *slash = strrchr (path, '/');

    row_set_text (row, COL_NAME, slash != NULL ? slash + 1 : path);
  }
  row_apply_info (row);

  if (kind != OCTA_SLOT_KIND_RECORDER)
    {
      g_autofree char *gain = octa_plock_format_value (OCTA_PLOCK_FORMAT_GAIN,
                                                       octa_sample_slot_get_gain (slot));
      g_autofree char *loop = octa_plock_format_value (OCTA_PLOCK_FORMAT_LOOP_MODE,
                                                       octa_sample_slot_get_loop_mode (slot));
      g_autofree char *tstr = octa_plock_format_value (OCTA_PLOCK_FORMAT_TIMESTRETCH,
                                                       octa_sample_slot_get_timestretch (slot));

      row_set_text (row, COL_LOOP, loop);
      row_set_text (row, COL_TSTR, tstr);
      row_set_text (row, COL_GAIN, gain);
      row_set_text (row, COL_USAGE, usage != NULL ? usage : "");
    }
  else
    {
      row_set_text (row, COL_LOOP, "");
      row_set_text (row, COL_TSTR, "");
      row_set_text (row, COL_GAIN, "");
      row_set_text (row, COL_USAGE, "");
    }
  return reread;
}

static OctaSampleRow *
row_new_for_slot (OctaSampleSlot *slot,
                  const char     *usage)
{
  OctaSampleRow *row = g_object_new (OCTA_TYPE_SAMPLE_ROW, NULL);
  g_autofree char *number = NULL;

  row->slot = g_object_ref (slot);
  row->number = octa_sample_slot_get_number (slot);
  row->empty = TRUE;
  number = octa_sample_slot_get_kind (slot) == OCTA_SLOT_KIND_RECORDER
           ? g_strdup_printf ("%u", row->number) : g_strdup_printf ("%03u", row->number);
  row->text[COL_NUMBER] = g_steal_pointer (&number);
  row_update_slot (row, usage, TRUE);
  return row;
}

static OctaSampleRow *
row_new_for_file (GFile      *file,
                  guint       number,
                  const char *usage)
{
  OctaSampleRow *row = g_object_new (OCTA_TYPE_SAMPLE_ROW, NULL);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *display = g_filename_display_name (name);

  row->file = g_object_ref (file);
  row->number = number;
  row->empty = FALSE;
  row->text[COL_NUMBER] = g_strdup ("");
  row->text[COL_NAME] = g_steal_pointer (&display);
  row->info = octa_sample_info_read (file, NULL);
  row_apply_info (row);
  row->text[COL_USAGE] = g_strdup (usage != NULL ? usage : _("unused"));
  return row;
}

/* The view -------------------------------------------------------------- */

typedef enum
{
  LIST_FLEX,
  LIST_STATIC,
  LIST_RECORDER,
  LIST_POOL,
} ListId;

struct _OctaSamplesView
{
  GtkWidget           parent_instance;

  GtkWidget          *outer_paned;
  GtkPaned           *details_paned;
  GtkScrolledWindow  *details;
  GtkListBox         *sidebar;
  GtkLabel           *flex_count;
  GtkLabel           *static_count;
  GtkLabel           *recorder_count;
  GtkLabel           *pool_count;
  GtkLabel           *title_label;
  GtkWidget          *memory_box;
  GtkLevelBar        *memory_bar;
  GtkLabel           *memory_label;
  GtkToggleButton    *hide_empty;
  GtkSearchEntry     *filter_entry;
  GtkRevealer        *chip_revealer;
  GtkWidget          *chip_box;
  GtkImage           *chip_icon;
  GtkLabel           *chip_label;
  GtkColumnView      *column_view;
  GtkLabel           *details_title;
  GtkWidget          *preview_button;
  GtkWidget          *locate_button;
  GtkWidget          *waveform_slot;
  GtkWidget          *waveform;
  GtkDropDown        *tstr_dropdown;
  GtkDropDown        *loop_dropdown;
  GtkSpinButton      *gain_spin;
  GtkDropDown        *quant_dropdown;
  GtkStringList      *quant_items;
  GtkLabel           *tempo_label;
  GtkSpinButton      *tempo_spin;
  GtkLabel           *usage_label;
  GtkWidget          *attributes;

  OctaProject        *project;
  gulong              changed_handler;
  guint               refresh_idle;
  ListId              list;
  GListStore         *rows;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSortListModel   *sorted;
  GtkSingleSelection *selection;
  OctaSampleRow      *current;
  gboolean            syncing;
  gboolean            memory_dirty;   /* a Flex file was (re)read since the last estimate */
  guint64             memory_used;
  char               *refusal;
  char               *drag_refusal;   /* why the files being dragged would be refused */
  guint               drag_n_files;
  GtkMediaStream     *media;
};

G_DEFINE_FINAL_TYPE (OctaSamplesView, octa_samples_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROJECT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static OctaSlotKind
list_kind (ListId list)
{
  switch (list)
    {
    case LIST_STATIC:
      return OCTA_SLOT_KIND_STATIC;
    case LIST_RECORDER:
      return OCTA_SLOT_KIND_RECORDER;
    case LIST_FLEX:
    case LIST_POOL:
    default:
      return OCTA_SLOT_KIND_FLEX;
    }
}

static const char *
kind_word (OctaSlotKind kind)
{
  return kind == OCTA_SLOT_KIND_STATIC ? "Static" : "Flex";
}

static GtkWidget *
toast_overlay (OctaSamplesView *self)
{
  return gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
}

static void
undo_clicked_cb (AdwToast *toast,
                 gpointer  user_data)
{
  OctaProject *project = g_object_get_data (G_OBJECT (toast), "octa-project");

  if (project != NULL)
    octa_project_undo (project);
}

static void
show_toast (OctaSamplesView *self,
            const char      *title,
            gboolean         with_undo)
{
  GtkWidget *overlay = toast_overlay (self);
  AdwToast *toast;

  if (overlay == NULL)
    return;
  toast = adw_toast_new (title);
  if (with_undo && self->project != NULL)
    {
      adw_toast_set_button_label (toast, _("Undo"));
      g_object_set_data_full (G_OBJECT (toast), "octa-project", g_object_ref (self->project),
                              g_object_unref);
      g_signal_connect (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), NULL);
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
show_chip (OctaSamplesView *self,
           const char      *message,
           gboolean         refused)
{
  gtk_label_set_text (self->chip_label, message != NULL ? message : "");
  gtk_image_set_from_icon_name (self->chip_icon, refused ? "dialog-warning-symbolic"
                                                         : "document-send-symbolic");
  gtk_widget_remove_css_class (self->chip_box, refused ? "accent" : "error");
  gtk_widget_add_css_class (self->chip_box, refused ? "error" : "accent");
  gtk_revealer_set_reveal_child (self->chip_revealer, message != NULL);
}

static void
show_refusal (OctaSamplesView *self,
              const char      *message)
{
  g_free (self->refusal);
  self->refusal = g_strdup (message);
  show_chip (self, message, TRUE);
}

static void
chip_close_cb (GtkButton       *button,
               OctaSamplesView *self)
{
  show_refusal (self, NULL);
}

static OctaSamplePoolMode
destination_mode (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *value = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, OCTA_APP_ID, TRUE);
  if (schema == NULL)
    return OCTA_SAMPLE_POOL_MODE_COPY_TO_PROJECT;
  settings = g_settings_new (OCTA_APP_ID);
  value = g_settings_get_string (settings, "sample-destination");
  return g_strcmp0 (value, "pool") == 0 ? OCTA_SAMPLE_POOL_MODE_SET_POOL
                                        : OCTA_SAMPLE_POOL_MODE_COPY_TO_PROJECT;
}

/* Header and counts ------------------------------------------------------ */

static guint
count_used (OctaProject  *project,
            OctaSlotKind  kind)
{
  guint n = 0;

  for (guint i = 1; i <= octa_slot_kind_get_n_slots (kind); i++)
    {
      g_autoptr(OctaSampleSlot) slot = octa_project_get_sample_slot (project, kind, i);
      g_autofree char *path = octa_sample_slot_dup_path (slot);

      if (octa_sample_slot_get_used (slot) && path != NULL && *path != '\0')
        n++;
    }
  return n;
}

static GFile *
pool_folder (OctaSamplesView *self)
{
  GFile *location = self->project != NULL ? octa_project_get_location (self->project) : NULL;
  g_autoptr(GFile) set = NULL;

  if (location == NULL || g_file_query_file_type (location, G_FILE_QUERY_INFO_NONE, NULL) !=
                          G_FILE_TYPE_DIRECTORY)
    return NULL;
  set = g_file_get_parent (location);
  return set != NULL ? g_file_get_child (set, "AUDIO") : NULL;
}

static GPtrArray *
list_pool (OctaSamplesView *self)
{
  g_autoptr(GFile) pool = pool_folder (self);
  g_autoptr(GFileEnumerator) children = NULL;
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);

  if (pool == NULL)
    return files;
  children = g_file_enumerate_children (pool, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                        G_FILE_ATTRIBUTE_STANDARD_IS_HIDDEN,
                                        G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (children == NULL)
    return files;
  for (;;)
    {
      GFileInfo *info;
      GFile *child;
      g_autofree char *lower = NULL;

      if (!g_file_enumerator_iterate (children, &info, &child, NULL, NULL) || info == NULL)
        break;
      if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR ||
          g_file_info_get_is_hidden (info))
        continue;
      lower = g_ascii_strdown (g_file_info_get_name (info), -1);
      /* .ot files travel with their samples; they are not samples. */
      if (g_str_has_suffix (lower, ".ot"))
        continue;
      g_ptr_array_add (files, g_object_ref (child));
    }
  return files;
}

static void
update_header (OctaSamplesView *self)
{
  g_autofree char *flex = NULL, *stat = NULL, *rec = NULL, *pool = NULL, *title = NULL;
  guint n_flex = 0, n_static = 0, n_rec = 0;

  if (self->project != NULL)
    {
      n_flex = count_used (self->project, OCTA_SLOT_KIND_FLEX);
      n_static = count_used (self->project, OCTA_SLOT_KIND_STATIC);
      n_rec = count_used (self->project, OCTA_SLOT_KIND_RECORDER);
    }
  flex = g_strdup_printf ("%u", n_flex);
  stat = g_strdup_printf ("%u", n_static);
  rec = g_strdup_printf ("%u", n_rec);
  gtk_label_set_text (self->flex_count, flex);
  gtk_label_set_text (self->static_count, stat);
  gtk_label_set_text (self->recorder_count, rec);
  if (self->list == LIST_POOL || self->project != NULL)
    {
      g_autoptr(GPtrArray) files = list_pool (self);

      pool = g_strdup_printf ("%u", files->len);
      gtk_label_set_text (self->pool_count, pool);
    }

  switch (self->list)
    {
    case LIST_FLEX:
      title = g_strdup_printf (_("Flex slots · %u of 128 used"), n_flex);
      break;
    case LIST_STATIC:
      title = g_strdup_printf (_("Static slots · %u of 128 used"), n_static);
      break;
    case LIST_RECORDER:
      title = g_strdup_printf (_("Recorder buffers · %u of 8 hold a file"), n_rec);
      break;
    case LIST_POOL:
    default:
      title = g_strdup (_("Audio pool · read-only"));
      break;
    }
  gtk_label_set_text (self->title_label, title);

  gtk_widget_set_visible (self->memory_box, self->list == LIST_FLEX && self->project != NULL);
  if (self->list == LIST_FLEX && self->project != NULL)
    {
      guint64 size = octa_project_get_flex_memory_size (self->project);
      guint64 used;
      double mb_used, mb_size;
      g_autofree char *text = NULL;

      /* Reading every Flex file's header on each edit would be slow. */
      if (self->memory_dirty)
        {
          self->memory_used = octa_project_get_flex_memory_used (self->project);
          self->memory_dirty = FALSE;
        }
      used = self->memory_used;
      mb_used = used / (1024.0 * 1024.0);
      mb_size = size / (1024.0 * 1024.0);

      gtk_level_bar_set_value (self->memory_bar, size > 0 ? MIN (1.0, (double) used / size) : 1.0);
      if (used > size)
        {
          text = g_strdup_printf (_("over by %.1f MB"), mb_used - mb_size);
          gtk_widget_add_css_class (GTK_WIDGET (self->memory_label), "error");
        }
      else
        {
          text = g_strdup_printf (_("%.1f of %.1f MB"), mb_used, mb_size);
          gtk_widget_remove_css_class (GTK_WIDGET (self->memory_label), "error");
        }
      gtk_label_set_text (self->memory_label, text);
    }
}

/* Details ---------------------------------------------------------------- */

static OctaSampleSlot *
current_slot (OctaSamplesView *self)
{
  return self->current != NULL ? self->current->slot : NULL;
}

/* DIRECT (-1), PATTERN LEN (0) and the 16 step counts, as the device
 * names them; a stored value it never writes gets an item of its own,
 * "#40", for as long as it is shown, rather than passing for 256 steps. */
#define N_QUANT_ITEMS 18

static void
fill_quant_items (OctaSamplesView *self)
{
  for (gint value = -1; value < N_QUANT_ITEMS - 1; value++)
    {
      g_autofree char *text = octa_plock_format_value (OCTA_PLOCK_FORMAT_TRIG_QUANT, value);

      gtk_string_list_append (self->quant_items, text);
    }
}

static void
show_quant (OctaSamplesView *self,
            gint             quant)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->quant_items));

  if (n > N_QUANT_ITEMS)
    gtk_string_list_remove (self->quant_items, N_QUANT_ITEMS);
  if (quant < -1 || quant >= N_QUANT_ITEMS - 1)
    {
      g_autofree char *text = octa_plock_format_value (OCTA_PLOCK_FORMAT_TRIG_QUANT, quant);

      gtk_string_list_append (self->quant_items, text);
    }
  gtk_drop_down_set_selected (self->quant_dropdown,
                              quant >= -1 && quant < N_QUANT_ITEMS - 1 ? (guint) (quant + 1)
                                                                        : N_QUANT_ITEMS);
}

/* GTK falls back to a stand-in that plays nothing when no media backend
 * (GStreamer) is installed: then there is no listen button at all. */
static gboolean
media_available (void)
{
  static gsize once = 0;
  static gboolean available;

  if (g_once_init_enter (&once))
    {
      g_autoptr(GtkMediaFile) probe = GTK_MEDIA_FILE (gtk_media_file_new ());

      available = !g_str_equal (G_OBJECT_TYPE_NAME (probe), "GtkNoMediaFile");
      g_once_init_leave (&once, 1);
    }
  return available;
}

/* The first time the view has a height, the details get the least they
 * need to show every control and the table the rest; afterwards the divider stays
 * where the user puts it. */
static void
fit_details (OctaSamplesView *self)
{
  GtkWidget *paned = GTK_WIDGET (self->details_paned);
  GtkWidget *content = gtk_scrolled_window_get_child (self->details);
  int width = gtk_widget_get_width (paned), height = gtk_widget_get_height (paned);
  int max = 0, minimum = 0;
  gboolean position_set = FALSE;

  g_object_get (paned, "max-position", &max, "position-set", &position_set, NULL);
  if (position_set || height <= 0 || width <= 0 || content == NULL)
    return;
  gtk_widget_measure (content, GTK_ORIENTATION_VERTICAL, width, &minimum, NULL, NULL, NULL);
  gtk_paned_set_position (self->details_paned, CLAMP (height - minimum, height / 3, max));
}

static void
update_details (OctaSamplesView *self)
{
  OctaSampleSlot *slot = current_slot (self);
  gboolean editable = slot != NULL && !self->current->empty &&
                      octa_sample_slot_get_kind (slot) != OCTA_SLOT_KIND_RECORDER;
  g_autofree char *title = NULL;
  gboolean playable = self->current != NULL && self->current->info != NULL &&
                      self->current->info->status == OCTA_SAMPLE_STATUS_OK;

  self->syncing = TRUE;
  /* also when the selected row changes under the selection: a sample
   * dropped on the selected empty slot */
  octa_waveform_set_slot (OCTA_WAVEFORM (self->waveform),
                          self->current != NULL && !self->current->empty ? slot : NULL);
  if (self->current == NULL)
    title = g_strdup (_("No slot selected"));
  else if (slot == NULL)
    title = g_strdup (self->current->text[COL_NAME]);
  else if (octa_sample_slot_get_kind (slot) == OCTA_SLOT_KIND_RECORDER)
    title = g_strdup_printf (_("Recorder buffer %u · %s"), self->current->number,
                             self->current->empty ? _("empty") : self->current->text[COL_NAME]);
  else
    title = g_strdup_printf ("%s %03u · %s", kind_word (octa_sample_slot_get_kind (slot)),
                             self->current->number,
                             self->current->empty ? _("empty") : self->current->text[COL_NAME]);
  if (self->current != NULL && self->current->info != NULL && self->current->info->reason != NULL)
    {
      g_autofree char *with = g_strdup_printf ("%s — %s", title, self->current->info->reason);

      g_free (title);
      title = g_steal_pointer (&with);
    }
  gtk_label_set_text (self->details_title, title);
  gtk_widget_set_sensitive (self->attributes, editable);
  gtk_widget_set_visible (self->locate_button, self->current != NULL && self->current->missing);
  gtk_widget_set_visible (self->preview_button, playable && media_available ());

  if (slot != NULL && octa_sample_slot_get_kind (slot) != OCTA_SLOT_KIND_RECORDER)
    {
      OctaTimestretch tstr = octa_sample_slot_get_timestretch (slot);
      OctaLoopMode loop = octa_sample_slot_get_loop_mode (slot);
      gint bars = octa_sample_slot_get_trim_bars_x100 (slot);

      gtk_drop_down_set_selected (self->tstr_dropdown,
                                  tstr == OCTA_TIMESTRETCH_OFF ? 0
                                  : tstr == OCTA_TIMESTRETCH_BEAT ? 2 : 1);
      gtk_drop_down_set_selected (self->loop_dropdown, loop <= 2 ? (guint) loop : 0);
      gtk_spin_button_set_value (self->gain_spin,
                                 ((gint) octa_sample_slot_get_gain (slot) - 48) / 2.0);
      show_quant (self, octa_sample_slot_get_trig_quantization (slot));
      if (bars >= 0)
        {
          gtk_label_set_text (self->tempo_label, "BARS");
          gtk_spin_button_set_value (self->tempo_spin, bars / 100.0);
        }
      else
        {
          gint bpm = octa_sample_slot_get_bpm_x24 (slot);

          gtk_label_set_text (self->tempo_label, "BPM");
          gtk_spin_button_set_value (self->tempo_spin, bpm >= 0 ? bpm / 24.0 : 0);
        }

      if (!self->current->empty && self->project != NULL)
        {
          g_autoptr(GPtrArray) refs =
            octa_project_find_slot_references (self->project, octa_sample_slot_get_kind (slot),
                                               self->current->number);
          g_autoptr(GString) text = g_string_new (NULL);

          if (refs->len == 0)
            g_string_append (text, _("Nothing plays this slot."));
          for (guint i = 0; i < refs->len && i < 12; i++)
            {
              g_autofree char *label = octa_slot_reference_dup_label (refs->pdata[i]);

              g_string_append_printf (text, "%s%s", i > 0 ? " · " : _("Used by "), label);
            }
          if (refs->len > 12)
            g_string_append_printf (text, _(" and %u more"), refs->len - 12);
          gtk_label_set_text (self->usage_label, text->str);
        }
      else
        {
          gtk_label_set_text (self->usage_label, "");
        }
    }
  else
    {
      gtk_label_set_text (self->usage_label, "");
    }
  self->syncing = FALSE;
}

static void
selection_changed_cb (GtkSingleSelection *selection,
                      GParamSpec         *pspec,
                      OctaSamplesView    *self)
{
  g_clear_object (&self->current);
  self->current = gtk_single_selection_get_selected_item (selection);
  if (self->current != NULL)
    g_object_ref (self->current);
  if (self->media != NULL)
    gtk_media_stream_pause (self->media);
  g_clear_object (&self->media);
  update_details (self);
}

static void
tstr_selected_cb (GtkDropDown     *dropdown,
                  GParamSpec      *pspec,
                  OctaSamplesView *self)
{
  static const OctaTimestretch modes[] = {
    OCTA_TIMESTRETCH_OFF, OCTA_TIMESTRETCH_NORMAL, OCTA_TIMESTRETCH_BEAT,
  };
  OctaSampleSlot *slot = current_slot (self);
  guint i = gtk_drop_down_get_selected (dropdown);

  if (self->syncing || slot == NULL || i >= G_N_ELEMENTS (modes) ||
      octa_sample_slot_get_timestretch (slot) == modes[i])
    return;
  octa_sample_slot_set_timestretch (slot, modes[i]);
}

static void
loop_selected_cb (GtkDropDown     *dropdown,
                  GParamSpec      *pspec,
                  OctaSamplesView *self)
{
  OctaSampleSlot *slot = current_slot (self);
  guint i = gtk_drop_down_get_selected (dropdown);

  if (self->syncing || slot == NULL || i > 2 || octa_sample_slot_get_loop_mode (slot) == i)
    return;
  octa_sample_slot_set_loop_mode (slot, i);
}

static void
gain_changed_cb (GtkSpinButton   *spin,
                 OctaSamplesView *self)
{
  OctaSampleSlot *slot = current_slot (self);
  guint gain = (guint) CLAMP (48 + gtk_spin_button_get_value (spin) * 2 + 0.5, 0, 96);

  if (self->syncing || slot == NULL || octa_sample_slot_get_gain (slot) == gain)
    return;
  octa_sample_slot_set_gain (slot, gain);
}

static void
quant_selected_cb (GtkDropDown     *dropdown,
                   GParamSpec      *pspec,
                   OctaSamplesView *self)
{
  OctaSampleSlot *slot = current_slot (self);
  guint i = gtk_drop_down_get_selected (dropdown);
  gint quant = (gint) i - 1;

  /* the extra item stands for the stored value: choosing it changes nothing */
  if (self->syncing || slot == NULL || i >= N_QUANT_ITEMS ||
      octa_sample_slot_get_trig_quantization (slot) == quant)
    return;
  octa_sample_slot_set_trig_quantization (slot, quant);
}

static void
tempo_changed_cb (GtkSpinButton   *spin,
                  OctaSamplesView *self)
{
  OctaSampleSlot *slot = current_slot (self);
  double value = gtk_spin_button_get_value (spin);

  if (self->syncing || slot == NULL)
    return;
  if (octa_sample_slot_get_trim_bars_x100 (slot) >= 0)
    {
      gint bars = (gint) (value * 100 + 0.5);

      if (bars != octa_sample_slot_get_trim_bars_x100 (slot))
        octa_sample_slot_set_trim_bars_x100 (slot, bars);
    }
  else
    {
      gint bpm = (gint) (value * 24 + 0.5);

      if (bpm != octa_sample_slot_get_bpm_x24 (slot))
        octa_sample_slot_set_bpm_x24 (slot, bpm);
    }
}

static void
media_error_cb (GtkMediaStream  *stream,
                GParamSpec      *pspec,
                OctaSamplesView *self)
{
  if (gtk_media_stream_get_error (stream) != NULL)
    {
      show_toast (self, _("Listening needs GStreamer, which is not available"), FALSE);
      gtk_widget_set_sensitive (self->preview_button, FALSE);
    }
}

static void
preview_clicked_cb (GtkButton       *button,
                    OctaSamplesView *self)
{
  GFile *file;
  g_autoptr(GFile) resolved = NULL;

  if (self->media != NULL)
    {
      if (gtk_media_stream_get_playing (self->media))
        gtk_media_stream_pause (self->media);
      else
        gtk_media_stream_play (self->media);
      return;
    }
  if (self->current == NULL)
    return;
  file = self->current->file;
  if (file == NULL && self->current->slot != NULL && self->project != NULL)
    {
      g_autofree char *path = octa_sample_slot_dup_path (self->current->slot);
      GFile *location = octa_project_get_location (self->project);

      if (location != NULL && path != NULL && *path != '\0')
        resolved = g_path_is_absolute (path) ? g_file_new_for_path (path)
                                             : g_file_resolve_relative_path (location, path);
      file = resolved;
    }
  if (file == NULL)
    return;
  self->media = gtk_media_file_new_for_file (file);
  g_signal_connect_object (self->media, "notify::error", G_CALLBACK (media_error_cb), self, 0);
  if (gtk_media_stream_get_error (self->media) != NULL)
    {
      media_error_cb (self->media, NULL, self);
      return;
    }
  gtk_media_stream_play (self->media);
}

/* Filtering and sorting -------------------------------------------------- */

static gboolean
filter_row (gpointer item,
            gpointer user_data)
{
  OctaSamplesView *self = user_data;
  OctaSampleRow *row = item;
  const char *needle = gtk_editable_get_text (GTK_EDITABLE (self->filter_entry));

  if (gtk_toggle_button_get_active (self->hide_empty) && row->empty)
    return FALSE;
  if (needle != NULL && *needle != '\0')
    {
      g_autofree char *hay = g_utf8_casefold (row->empty ? "" : row->text[COL_NAME], -1);
      g_autofree char *key = g_utf8_casefold (needle, -1);

      return strstr (hay, key) != NULL ||
             (row->text[COL_NUMBER] != NULL && g_str_has_prefix (row->text[COL_NUMBER], needle));
    }
  return TRUE;
}

static void
filter_changed_cb (GtkSearchEntry  *entry,
                   OctaSamplesView *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
hide_empty_toggled_cb (GtkToggleButton *button,
                       OctaSamplesView *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter),
                      gtk_toggle_button_get_active (button) ? GTK_FILTER_CHANGE_MORE_STRICT
                                                            : GTK_FILTER_CHANGE_LESS_STRICT);
}

/* Rows and refresh ------------------------------------------------------- */

static gint
compare_basenames (gconstpointer a,
                   gconstpointer b)
{
  g_autofree char *na = g_file_get_basename (*(GFile **) a);
  g_autofree char *nb = g_file_get_basename (*(GFile **) b);

  return g_utf8_collate (na, nb);
}

static void
rebuild_rows (OctaSamplesView *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->project != NULL)
    {
      if (self->list == LIST_POOL)
        {
          g_autoptr(GPtrArray) files = list_pool (self);
          g_autoptr(GHashTable) usages = octa_project_dup_file_usages (self->project);

          g_ptr_array_sort (files, compare_basenames);

          for (guint i = 0; i < files->len; i++)
            g_ptr_array_add (items, row_new_for_file (files->pdata[i], i + 1,
                                                      g_hash_table_lookup (usages,
                                                                           files->pdata[i])));
        }
      else
        {
          OctaSlotKind kind = list_kind (self->list);
          g_auto(GStrv) usages = octa_project_dup_slot_usages (self->project, kind);

          for (guint i = 1; i <= octa_slot_kind_get_n_slots (kind); i++)
            {
              g_autoptr(OctaSampleSlot) slot = octa_project_get_sample_slot (self->project, kind,
                                                                             i);

              g_ptr_array_add (items, row_new_for_slot (slot, usages[i - 1]));
            }
        }
    }
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       items->pdata, items->len);
  self->memory_dirty = TRUE;
  update_header (self);
}

static void
refresh_rows (OctaSamplesView *self,
              gboolean         force)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  g_auto(GStrv) usages = NULL;

  if (self->project == NULL)
    return;
  if (force)
    self->memory_dirty = TRUE;
  if (self->list == LIST_POOL)
    {
      rebuild_rows (self);
      return;
    }
  usages = octa_project_dup_slot_usages (self->project, list_kind (self->list));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OctaSampleRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);

      if (row_update_slot (row, i < OCTA_N_SLOTS ? usages[i] : NULL, force))
        self->memory_dirty = TRUE;
    }
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_header (self);
  update_details (self);
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  OctaSamplesView *self = user_data;

  self->refresh_idle = 0;
  refresh_rows (self, FALSE);
  return G_SOURCE_REMOVE;
}

static void
project_changed_cb (OctaSamplesView *self)
{
  if (self->refresh_idle == 0)
    self->refresh_idle = g_idle_add (refresh_idle_cb, self);
}

static void
sidebar_row_selected_cb (GtkListBox      *box,
                         GtkListBoxRow   *row,
                         OctaSamplesView *self)
{
  ListId list;

  /* The template selects its first row before the models exist. */
  if (row == NULL || self->rows == NULL)
    return;
  list = (ListId) gtk_list_box_row_get_index (row);
  if (list == self->list && g_list_model_get_n_items (G_LIST_MODEL (self->rows)) > 0)
    return;
  self->list = list;
  rebuild_rows (self);
}

/* Cells ------------------------------------------------------------------ */

typedef struct
{
  OctaSamplesView *view;
  Column           column;
} ColumnData;

static OctaSampleRow *
row_of_widget (GtkWidget *widget)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    {
      OctaSampleRow *row = g_object_get_data (G_OBJECT (widget), "octa-row");

      if (row != NULL)
        return row;
      if (GTK_IS_COLUMN_VIEW (widget))
        break;
    }
  return NULL;
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 gpointer       user_data)
{
  OctaSampleRow *row = row_of_widget (gtk_event_controller_get_widget (
                                        GTK_EVENT_CONTROLLER (source)));

  if (row == NULL)
    return NULL;
  if (row->slot != NULL && !row->empty)
    return gdk_content_provider_new_typed (OCTA_TYPE_SAMPLE_SLOT, row->slot);
  if (row->file != NULL)
    {
      GdkFileList *list = gdk_file_list_new_from_array (&row->file, 1);
      GdkContentProvider *provider = gdk_content_provider_new_typed (GDK_TYPE_FILE_LIST, list);

      g_boxed_free (GDK_TYPE_FILE_LIST, list);
      return provider;
    }
  return NULL;
}

static void locate_clicked_cb (GtkButton *button, OctaSamplesView *self);

static gboolean
row_locate_link_cb (GtkLabel   *label,
                    const char *uri,
                    gpointer    user_data)
{
  GtkWidget *view = gtk_widget_get_ancestor (GTK_WIDGET (label), OCTA_TYPE_SAMPLES_VIEW);

  if (view != NULL)
    locate_clicked_cb (NULL, OCTA_SAMPLES_VIEW (view));
  return TRUE;
}

static GtkWidget *
make_inscription (guint chars,
                  float xalign)
{
  GtkWidget *label = gtk_inscription_new (NULL);

  gtk_inscription_set_min_chars (GTK_INSCRIPTION (label), chars);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (label), chars);
  gtk_inscription_set_xalign (GTK_INSCRIPTION (label), xalign);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (label),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_MIDDLE);
  /* Given a taller row an inscription wraps; one line is all it needs. */
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  return label;
}

static const struct {
  const char *title;
  guint       chars;
  float       xalign;
  gboolean    expand;
} column_specs[N_COLS] = {
  [COL_NUMBER] = { N_("#"), 3, 1.0, FALSE },
  [COL_NAME] = { N_("Sample"), 22, 0.0, TRUE },
  [COL_STATUS] = { N_("Status"), 10, 0.0, FALSE },
  [COL_LENGTH] = { N_("Length"), 8, 1.0, FALSE },
  [COL_RATE] = { N_("Rate"), 4, 1.0, FALSE },
  [COL_CHANNELS] = { N_("Ch"), 2, 0.5, FALSE },
  [COL_LOOP] = { N_("Loop"), 10, 0.0, FALSE },
  [COL_TSTR] = { N_("TSTR"), 8, 0.0, FALSE },
  [COL_GAIN] = { N_("Gain"), 8, 1.0, FALSE },
  [COL_USAGE] = { N_("Used by"), 18, 0.0, FALSE },
};

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               ColumnData               *data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = make_inscription (column_specs[data->column].chars,
                                       column_specs[data->column].xalign);
  GtkDragSource *source = gtk_drag_source_new ();

  gtk_widget_set_hexpand (label, TRUE);
  if (data->column == COL_STATUS)
    {
      GtkWidget *icon = gtk_image_new ();

      g_object_set_data (G_OBJECT (box), "octa-icon", icon);
      gtk_box_append (GTK_BOX (box), icon);
    }
  gtk_box_append (GTK_BOX (box), label);
  g_object_set_data (G_OBJECT (box), "octa-label", label);
  if (data->column == COL_USAGE)
    {
      /* A link, not a button: a button would make the row taller than
       * its neighbours. */
      g_autofree char *markup = g_strdup_printf ("<a href=\"locate\">%s</a>", _("Locate…"));
      GtkWidget *locate = gtk_label_new (NULL);

      gtk_label_set_markup (GTK_LABEL (locate), markup);
      gtk_widget_set_tooltip_text (locate, _("Search a folder for the missing samples"));
      gtk_widget_set_visible (locate, FALSE);
      g_signal_connect (locate, "activate-link", G_CALLBACK (row_locate_link_cb), NULL);
      g_object_set_data (G_OBJECT (box), "octa-locate", locate);
      gtk_box_append (GTK_BOX (box), locate);
    }

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE | GDK_ACTION_COPY);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), NULL);
  gtk_widget_add_controller (box, GTK_EVENT_CONTROLLER (source));
  gtk_list_item_set_child (item, box);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              ColumnData               *data)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  OctaSampleRow *row = gtk_list_item_get_item (item);
  GtkWidget *label = g_object_get_data (G_OBJECT (box), "octa-label");
  GtkWidget *icon = g_object_get_data (G_OBJECT (box), "octa-icon");
  GtkWidget *locate = g_object_get_data (G_OBJECT (box), "octa-locate");
  GPtrArray *bindings = g_ptr_array_new ();

  g_object_set_data (G_OBJECT (box), "octa-row", row);
  g_ptr_array_add (bindings, g_object_bind_property (row, column_props[data->column], label, "text",
                                                     G_BINDING_SYNC_CREATE));
  g_ptr_array_add (bindings, g_object_bind_property (row, column_props[data->column], label,
                                                     "tooltip-text", G_BINDING_SYNC_CREATE));
  if (data->column == COL_NAME)
    g_ptr_array_add (bindings, g_object_bind_property (row, "name-classes", label, "css-classes",
                                                       G_BINDING_SYNC_CREATE));
  if (icon != NULL)
    {
      g_ptr_array_add (bindings, g_object_bind_property (row, "status-icon", icon, "icon-name",
                                                         G_BINDING_SYNC_CREATE));
      g_ptr_array_add (bindings, g_object_bind_property (row, "status-classes", box,
                                                         "css-classes", G_BINDING_SYNC_CREATE));
    }
  if (locate != NULL)
    g_ptr_array_add (bindings, g_object_bind_property (row, "missing", locate, "visible",
                                                       G_BINDING_SYNC_CREATE));
  g_object_set_data_full (G_OBJECT (item), "octa-bindings", bindings,
                          (GDestroyNotify) g_ptr_array_unref);
}

static void
cell_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                ColumnData               *data)
{
  GPtrArray *bindings = g_object_get_data (G_OBJECT (item), "octa-bindings");
  GtkWidget *box = gtk_list_item_get_child (item);

  if (bindings != NULL)
    for (guint i = 0; i < bindings->len; i++)
      g_binding_unbind (bindings->pdata[i]);
  g_object_set_data (G_OBJECT (item), "octa-bindings", NULL);
  g_object_set_data (G_OBJECT (box), "octa-row", NULL);
}

static GtkSorter *
column_sorter (Column column)
{
  switch (column)
    {
    case COL_NUMBER:
      return GTK_SORTER (gtk_numeric_sorter_new (
        gtk_property_expression_new (OCTA_TYPE_SAMPLE_ROW, NULL, "number")));
    case COL_LENGTH:
      return GTK_SORTER (gtk_numeric_sorter_new (
        gtk_property_expression_new (OCTA_TYPE_SAMPLE_ROW, NULL, "seconds")));
    case COL_RATE:
      return GTK_SORTER (gtk_numeric_sorter_new (
        gtk_property_expression_new (OCTA_TYPE_SAMPLE_ROW, NULL, "rate")));
    case COL_NAME:
    case COL_STATUS:
    case COL_CHANNELS:
    case COL_LOOP:
    case COL_TSTR:
    case COL_GAIN:
    case COL_USAGE:
    case N_COLS:
    default:
      return GTK_SORTER (gtk_string_sorter_new (
        gtk_property_expression_new (OCTA_TYPE_SAMPLE_ROW, NULL, column_props[column])));
    }
}

static void
add_columns (OctaSamplesView *self)
{
  for (Column c = 0; c < N_COLS; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      ColumnData *data = g_new (ColumnData, 1);
      GtkColumnViewColumn *column;
      g_autoptr(GtkSorter) sorter = column_sorter (c);

      data->view = self;
      data->column = c;
      g_signal_connect_data (factory, "setup", G_CALLBACK (cell_setup_cb), data,
                             (GClosureNotify) (void (*) (void)) g_free, 0);
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), data);
      g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind_cb), data);
      column = gtk_column_view_column_new (_(column_specs[c].title), factory);
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_column_set_expand (column, column_specs[c].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->column_view, column);
      g_object_unref (column);
    }
}

/* Dropping --------------------------------------------------------------- */

static void
import_files (OctaSamplesView *self,
              GSList          *list,
              guint            number)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  OctaSlotKind kind = list_kind (self->list);
  guint first;

  for (GSList *l = list; l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);

  first = octa_project_import_samples (self->project, kind, number, (GFile **) files->pdata,
                                       files->len, destination_mode (), &error);
  if (first == 0)
    {
      g_autofree char *message = g_strdup_printf ("%s\n%s", error->message,
                                                  _("Nothing was written."));

      show_refusal (self, message);
      show_toast (self, _("Nothing was imported; the reason is above the table"), FALSE);
      return;
    }

  show_refusal (self, NULL);
  {
    g_autofree char *title = NULL;

    if (files->len == 1 && g_file_query_file_type (files->pdata[0], G_FILE_QUERY_INFO_NONE,
                                                   NULL) != G_FILE_TYPE_DIRECTORY)
      {
        g_autofree char *name = g_file_get_basename (files->pdata[0]);

        title = g_strdup_printf (_("Added %s to %s %03u"), name, kind_word (kind), first);
      }
    else
      {
        title = g_strdup_printf (_("Added samples from %s %03u on"), kind_word (kind), first);
      }
    show_toast (self, title, TRUE);
  }
}

typedef struct
{
  OctaSamplesView *self;
  OctaSlotKind     kind;
  guint            from;
  guint            to;
  guint            n_refs;
} MoveData;

static void
move_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  MoveData         *data)
{
  OctaSamplesView *self = data->self;

  if (g_strcmp0 (response, "move") == 0 && self->project != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (octa_project_move_sample_slot (self->project, data->kind, data->from, data->to, &error))
        {
          g_autofree char *title =
            g_strdup_printf (g_dngettext (NULL, "Moved %s %03u to %s %03u (%u reference updated)",
                                          "Moved %s %03u to %s %03u (%u references updated)",
                                          data->n_refs),
                             kind_word (data->kind), data->from, kind_word (data->kind),
                             data->to, data->n_refs);

          refresh_rows (self, FALSE);
          show_toast (self, title, TRUE);
        }
      else
        {
          show_refusal (self, error->message);
        }
    }
  g_object_unref (self);
  g_free (data);
}

static char *
bank_list (GPtrArray *refs)
{
  gboolean banks[16] = { FALSE };
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < refs->len; i++)
    banks[((OctaSlotReference *) refs->pdata[i])->bank % 16] = TRUE;
  for (guint b = 0; b < 16; b++)
    if (banks[b])
      g_ptr_array_add (names, g_strdup_printf ("%c", 'A' + b));
  for (guint i = 0; i < names->len; i++)
    {
      if (i > 0)
        g_string_append (out, i + 1 == names->len ? _(" and ") : ", ");
      g_string_append (out, names->pdata[i]);
    }
  return g_string_free (out, FALSE);
}

static void
ask_move (OctaSamplesView *self,
          OctaSampleSlot  *from,
          guint            to)
{
  OctaSlotKind kind = octa_sample_slot_get_kind (from);
  guint number = octa_sample_slot_get_number (from);
  g_autoptr(GPtrArray) refs = octa_project_find_slot_references (self->project, kind, number);
  g_autoptr(OctaSampleSlot) target = octa_project_get_sample_slot (self->project, kind, to);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *banks = bank_list (refs);
  GtkWidget *dialog;
  MoveData *data;

  if (octa_sample_slot_get_used (target))
    heading = g_strdup_printf (_("Swap %s %03u and %s %03u?"), kind_word (kind), number,
                               kind_word (kind), to);
  else
    heading = g_strdup_printf (_("Move %s %03u to %s %03u?"), kind_word (kind), number,
                               kind_word (kind), to);
  if (refs->len == 0)
    body = g_strdup (_("Nothing plays it yet, so no reference changes."));
  else
    body = g_strdup_printf (g_dngettext (NULL, "%u reference in bank %s will follow.",
                                         "%u references in banks %s will follow.", refs->len),
                            refs->len, banks);

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "move", octa_sample_slot_get_used (target) ? _("_Swap")
                                                                              : _("_Move"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "move",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "move");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  data = g_new0 (MoveData, 1);
  data->self = g_object_ref (self);
  data->kind = kind;
  data->from = number;
  data->to = to;
  data->n_refs = refs->len;
  g_signal_connect (dialog, "response", G_CALLBACK (move_response_cb), data);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
drop_cb (GtkDropTarget   *target,
         const GValue    *value,
         double           x,
         double           y,
         OctaSamplesView *self)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self->column_view), x, y, GTK_PICK_DEFAULT);
  OctaSampleRow *row = picked != NULL ? row_of_widget (picked) : NULL;

  if (self->project == NULL)
    return FALSE;

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = g_value_get_boxed (value);

      if (self->list == LIST_POOL || self->list == LIST_RECORDER)
        {
          show_refusal (self, self->list == LIST_POOL
                              ? _("The audio pool is read-only here; drop files on Flex or Static slots. Nothing was written.")
                              : _("Recorder buffers are filled by the device’s recorders. Nothing was written."));
          return FALSE;
        }
      import_files (self, files, row != NULL && row->slot != NULL ? row->number : 0);
      return TRUE;
    }

  if (G_VALUE_HOLDS (value, OCTA_TYPE_SAMPLE_SLOT))
    {
      OctaSampleSlot *slot = g_value_get_object (value);

      if (row == NULL || row->slot == NULL || slot == NULL ||
          octa_sample_slot_get_project (slot) != self->project)
        return FALSE;
      if (octa_sample_slot_get_kind (slot) != octa_sample_slot_get_kind (row->slot))
        {
          show_refusal (self, _("A slot moves only among slots of its kind. Nothing was written."));
          return FALSE;
        }
      if (octa_sample_slot_get_kind (slot) == OCTA_SLOT_KIND_RECORDER)
        return FALSE;
      if (octa_sample_slot_get_number (slot) == row->number)
        return FALSE;
      ask_move (self, slot, row->number);
      return TRUE;
    }
  return FALSE;
}

/* While dragging, the chip says what a release would do, or why not. */
static void
drop_value_cb (GtkDropTarget   *target,
               GParamSpec      *pspec,
               OctaSamplesView *self)
{
  const GValue *value = gtk_drop_target_get_value (target);
  g_autoptr(GString) refused = g_string_new (NULL);

  g_clear_pointer (&self->drag_refusal, g_free);
  self->drag_n_files = 0;
  if (value == NULL || !G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return;
  for (GSList *l = g_value_get_boxed (value); l != NULL; l = l->next)
    {
      g_autoptr(OctaSampleInfo) info = NULL;

      self->drag_n_files++;
      if (g_file_query_file_type (l->data, G_FILE_QUERY_INFO_NONE, NULL) ==
          G_FILE_TYPE_DIRECTORY)
        continue;
      info = octa_sample_info_read (l->data, NULL);
      if (info->status != OCTA_SAMPLE_STATUS_OK)
        {
          g_autofree char *name = g_file_get_basename (l->data);

          g_string_append_printf (refused, "%s%s: %s", refused->len > 0 ? "\n" : "", name,
                                  info->reason);
        }
    }
  if (refused->len > 0)
    self->drag_refusal = g_strdup_printf ("%s\n%s", refused->str,
                                          _("Releasing here would write nothing."));
}

static GdkDragAction
drop_motion_cb (GtkDropTarget   *target,
                double           x,
                double           y,
                OctaSamplesView *self)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self->column_view), x, y, GTK_PICK_DEFAULT);
  OctaSampleRow *row = picked != NULL ? row_of_widget (picked) : NULL;
  GdkDrop *drop = gtk_drop_target_get_current_drop (target);
  GdkContentFormats *formats = drop != NULL ? gdk_drop_get_formats (drop) : NULL;
  OctaSlotKind kind = list_kind (self->list);
  const GValue *value = gtk_drop_target_get_value (target);
  g_autofree char *text = NULL;

  if (self->project == NULL)
    return 0;

  if (value != NULL && G_VALUE_HOLDS (value, OCTA_TYPE_SAMPLE_SLOT))
    {
      OctaSampleSlot *slot = g_value_get_object (value);

      if (row == NULL || row->slot == NULL || slot == NULL ||
          octa_sample_slot_get_kind (slot) != octa_sample_slot_get_kind (row->slot) ||
          octa_sample_slot_get_kind (slot) == OCTA_SLOT_KIND_RECORDER ||
          row->number == octa_sample_slot_get_number (slot))
        {
          show_chip (self, _("Drop on another slot of the same kind to move it there"), TRUE);
          return 0;
        }
      text = g_strdup_printf (row->empty ? _("Move %s %03u to %s %03u")
                                         : _("Swap %s %03u and %s %03u"),
                              kind_word (kind), octa_sample_slot_get_number (slot),
                              kind_word (kind), row->number);
      show_chip (self, text, FALSE);
      return GDK_ACTION_MOVE;
    }

  if (formats == NULL || !gdk_content_formats_contain_gtype (formats, GDK_TYPE_FILE_LIST))
    return 0;
  if (self->list == LIST_POOL || self->list == LIST_RECORDER)
    {
      show_chip (self, _("Only Flex and Static slots take files"), TRUE);
      return 0;
    }
  if (self->drag_refusal != NULL)
    {
      show_chip (self, self->drag_refusal, TRUE);
      return 0;
    }
  if (row != NULL && row->slot != NULL)
    text = g_strdup_printf (self->drag_n_files > 1 ? _("Add to %s %03u and the free slots after it")
                                                   : _("Add to %s %03u"),
                            kind_word (kind), row->number);
  else
    text = g_strdup_printf (_("Add to the first free %s slots"), kind_word (kind));
  show_chip (self, text, FALSE);
  return GDK_ACTION_COPY;
}

static void
drop_leave_cb (GtkDropTarget   *target,
               OctaSamplesView *self)
{
  /* A refused file stays named after the drag has gone. */
  if (self->drag_refusal != NULL)
    show_refusal (self, self->drag_refusal);
  else if (self->refusal != NULL)
    show_chip (self, self->refusal, TRUE);
  else
    show_chip (self, NULL, TRUE);
}

/* Locate and unused ------------------------------------------------------ */

static void
locate_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    OctaSamplesView *self)
{
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  if (response == GTK_RESPONSE_ACCEPT && self->project != NULL)
    {
      folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      n = octa_project_relink_samples (self->project, folder, NULL, &error);
      if (error != NULL)
        show_refusal (self, error->message);
      else if (n == 0)
        {
          g_autofree char *name = g_file_get_basename (folder);
          g_autofree char *title = g_strdup_printf (_("No missing sample is in %s"), name);

          show_toast (self, title, FALSE);
        }
      else
        {
          g_autofree char *title =
            g_strdup_printf (g_dngettext (NULL, "Found %u missing sample",
                                          "Found %u missing samples", n), n);

          refresh_rows (self, TRUE);
          show_toast (self, title, TRUE);
        }
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
locate_clicked_cb (GtkButton       *button,
                   OctaSamplesView *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GFile) pool = NULL;
  g_autoptr(GFile) set = NULL;

  if (self->project == NULL)
    return;

  /* The set (its pool and sibling projects) first; ask only when the
   * samples are not there. */
  pool = pool_folder (self);
  set = pool != NULL ? g_file_get_parent (pool) : NULL;
  if (set != NULL)
    {
      g_autoptr(GError) error = NULL;
      guint n = octa_project_relink_samples (self->project, set, NULL, &error);

      if (n > 0)
        {
          g_autofree char *title =
            g_strdup_printf (g_dngettext (NULL, "Found %u missing sample in the set",
                                          "Found %u missing samples in the set", n), n);

          refresh_rows (self, TRUE);
          show_toast (self, title, TRUE);
          return;
        }
    }

  chooser = gtk_file_chooser_native_new (_("Folder to Search for Missing Samples"),
                                         GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Search"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (locate_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
locate_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  locate_clicked_cb (NULL, OCTA_SAMPLES_VIEW (widget));
}

static void
unused_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    OctaSamplesView  *self)
{
  GPtrArray *unused = g_object_get_data (G_OBJECT (dialog), "octa-unused");

  if (g_strcmp0 (response, "remove") == 0 && self->project != NULL && unused != NULL)
    {
      g_autoptr(GError) error = NULL;
      guint n = octa_project_remove_slots (self->project, unused, &error);

      if (error != NULL)
        show_refusal (self, error->message);
      else
        {
          g_autofree char *title =
            g_strdup_printf (g_dngettext (NULL, "Removed %u unused slot",
                                          "Removed %u unused slots", n), n);

          refresh_rows (self, FALSE);
          show_toast (self, title, TRUE);
        }
    }
  g_object_unref (self);
}

static void
remove_unused_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  OctaSamplesView *self = OCTA_SAMPLES_VIEW (widget);
  OctaSlotKind kind = list_kind (self->list);
  g_autoptr(GPtrArray) unused = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (self->project == NULL || self->list == LIST_POOL || self->list == LIST_RECORDER)
    return;
  unused = octa_project_list_unused_slots (self->project, kind);
  if (unused->len == 0)
    {
      g_autofree char *title = g_strdup_printf (_("Every used %s slot is played somewhere"),
                                                kind_word (kind));

      show_toast (self, title, FALSE);
      return;
    }

  heading = g_strdup_printf (g_dngettext (NULL, "Remove %u unused %s slot?",
                                          "Remove %u unused %s slots?", unused->len),
                             unused->len, kind_word (kind));
  for (guint i = 0; i < unused->len; i++)
    {
      OctaSampleSlot *slot = unused->pdata[i];
      g_autofree char *path = octa_sample_slot_dup_path (slot);

      g_string_append_printf (body, "%s %03u  %s\n", kind_word (kind),
                              octa_sample_slot_get_number (slot), path);
    }
  g_string_append (body, _("No part or sample lock plays them. The files stay where they are."));

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   heading, body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "remove", _("_Remove Slots"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "octa-unused", g_steal_pointer (&unused),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (unused_response_cb), g_object_ref (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
filter_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  OctaSamplesView *self = OCTA_SAMPLES_VIEW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->filter_entry));
}

static void
clear_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  OctaSamplesView *self = OCTA_SAMPLES_VIEW (widget);
  OctaSampleSlot *slot = current_slot (self);
  g_autofree char *title = NULL;

  if (slot == NULL || self->current->empty)
    return;
  title = g_strdup_printf (_("Cleared %s %03u"), kind_word (octa_sample_slot_get_kind (slot)),
                           octa_sample_slot_get_number (slot));
  octa_sample_slot_clear (slot);
  show_toast (self, title, TRUE);
}

/* The device reads a sample's attributes and markers from "name.ot"
 * beside it: writing one carries the slot's trims and slices to other
 * projects and to the machine's own sample browser. */
static void
write_ot_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  OctaSamplesView *self = OCTA_SAMPLES_VIEW (widget);
  OctaSampleSlot *slot = current_slot (self);
  g_autoptr(GFile) audio = NULL;
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GFile) dest = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  char *dot;

  if (slot == NULL || self->current->empty || self->project == NULL)
    return;
  audio = octa_sample_slot_get_file (slot);
  parent = audio != NULL ? g_file_get_parent (audio) : NULL;
  if (parent == NULL)
    return;
  base = g_file_get_basename (audio);
  dot = strrchr (base, '.');
  if (dot != NULL && dot != base)
    *dot = '\0';
  name = g_strconcat (base, ".ot", NULL);
  dest = g_file_get_child (parent, name);
  if (octa_project_write_ot_file (self->project, octa_sample_slot_get_kind (slot),
                                  octa_sample_slot_get_number (slot), dest, &error))
    title = g_strdup_printf (_("Wrote %s beside the sample"), name);
  else
    title = g_strdup_printf (_("%s wasn't written: %s"), name, error->message);
  show_toast (self, title, FALSE);
}

static void
import_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    OctaSamplesView *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->project != NULL)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      GSList *list = NULL;
      guint number = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (chooser), "octa-slot"));

      for (guint i = g_list_model_get_n_items (files); i > 0; i--)
        list = g_slist_prepend (list, g_list_model_get_item (files, i - 1));
      import_files (self, list, number);
      g_slist_free_full (list, g_object_unref);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

/* Ctrl+I: files into the selected slot and the free ones after it. */
static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  OctaSamplesView *self = OCTA_SAMPLES_VIEW (widget);
  OctaSampleSlot *slot = current_slot (self);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->project == NULL || self->list == LIST_POOL || self->list == LIST_RECORDER)
    return;
  chooser = gtk_file_chooser_native_new (_("Add Samples"),
                                         GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("WAV and AIFF files"));
  gtk_file_filter_add_suffix (filter, "wav");
  gtk_file_filter_add_suffix (filter, "aif");
  gtk_file_filter_add_suffix (filter, "aiff");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_set_data (G_OBJECT (chooser), "octa-slot",
                     GUINT_TO_POINTER (slot != NULL ? octa_sample_slot_get_number (slot) : 0));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (import_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Enter: into the details pane, where the slot's attributes are edited. */
static void
details_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  OctaSamplesView *self = OCTA_SAMPLES_VIEW (widget);

  if (gtk_widget_is_sensitive (self->attributes))
    gtk_widget_grab_focus (GTK_WIDGET (self->tstr_dropdown));
}

static void
row_activated_cb (GtkColumnView   *view,
                  guint            position,
                  OctaSamplesView *self)
{
  details_action (GTK_WIDGET (self), "samples.details", NULL);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  OctaSamplesView *self = OCTA_SAMPLES_VIEW (widget);
  OctaSampleSlot *slot = current_slot (self);
  gint to;

  if (slot == NULL || self->current->empty ||
      octa_sample_slot_get_kind (slot) == OCTA_SLOT_KIND_RECORDER)
    return;
  to = (gint) octa_sample_slot_get_number (slot) + (g_str_equal (action_name, "samples.move-up")
                                                    ? -1 : 1);
  if (to < 1 || to > OCTA_N_SLOTS)
    return;
  ask_move (self, slot, (guint) to);
}

/* Object ----------------------------------------------------------------- */

static void
octa_samples_view_dispose (GObject *object)
{
  OctaSamplesView *self = OCTA_SAMPLES_VIEW (object);

  octa_samples_view_set_project (self, NULL);
  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  g_clear_object (&self->current);
  g_clear_object (&self->media);
  gtk_widget_dispose_template (GTK_WIDGET (self), OCTA_TYPE_SAMPLES_VIEW);
  g_clear_object (&self->selection);
  g_clear_object (&self->rows);

  G_OBJECT_CLASS (octa_samples_view_parent_class)->dispose (object);
}

static void
octa_samples_view_finalize (GObject *object)
{
  OctaSamplesView *self = OCTA_SAMPLES_VIEW (object);

  g_free (self->refusal);
  g_free (self->drag_refusal);

  G_OBJECT_CLASS (octa_samples_view_parent_class)->finalize (object);
}

static void
octa_samples_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  OctaSamplesView *self = OCTA_SAMPLES_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
octa_samples_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  OctaSamplesView *self = OCTA_SAMPLES_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      octa_samples_view_set_project (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
octa_samples_view_class_init (OctaSamplesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = octa_samples_view_dispose;
  object_class->finalize = octa_samples_view_finalize;
  object_class->get_property = octa_samples_view_get_property;
  object_class->set_property = octa_samples_view_set_property;

  /**
   * OctaSamplesView:project:
   *
   * The project whose slots are shown.
   */
  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, OCTA_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/octadesk/Octadesk/octa-samples-view.ui");
  gtk_widget_class_bind_template_child (widget_class, OctaSamplesView, outer_paned);
  gtk_widget_class_bind_template_child (widget_class, OctaSamplesView, details_paned);
  gtk_widget_class_bind_template_child (widget_class, OctaSamplesView, details);
  gtk_widget_class_bind_template_child (widget_class, OctaSamplesView, sidebar);
  gtk_widget_class_bind_template_child (widget_class, OctaSamplesView, flex_count);
  gtk_widget_class_bind_template_child (widget_class, OctaSamplesView, static_count);
  gtk_widget_class_bind_template_child (widget_class, OctaSamplesView, recorder_count);
  gtk_widget_class_bind_template_child (widget_class, OctaSamplesView, pool_count);
  gtk_widget_class_bind_template_child (widget_class, OctaSamplesView, title_label);
  gtk_widget_class_bind_template_child (widget_class, OctaSamplesView, memory_box);
  gtk_widget_class_bind_template_child (widget_class, OctaSamplesView, memory_bar);
  gtk_widget_class_bind_template_child (widget_class, OctaSamplesView, memory_label);
  gtk_widget_class_bind_template_child (widget_class, OctaSamplesView, hide_empty);
  gtk_widget_class_bind_template_child (widget_class, OctaSamplesView, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, OctaSamplesView, chip_revealer);
  gtk_widget_class_bind_template_child (widget_class, OctaSamplesView, chip_box);
  gtk_widget_class_bind_template_child (widget_class, OctaSamplesView, chip_icon);
  gtk_widget_class_bind_template_child (widget_class, OctaSamplesView, chip_label);
  gtk_widget_class_bind_template_child (widget_class, OctaSamplesView, column_view);
  gtk_widget_class_bind_template_child (widget_class, OctaSamplesView, details_title);
  gtk_widget_class_bind_template_child (widget_class, OctaSamplesView, preview_button);
  gtk_widget_class_bind_template_child (widget_class, OctaSamplesView, locate_button);
  gtk_widget_class_bind_template_child (widget_class, OctaSamplesView, waveform_slot);
  gtk_widget_class_bind_template_child (widget_class, OctaSamplesView, tstr_dropdown);
  gtk_widget_class_bind_template_child (widget_class, OctaSamplesView, loop_dropdown);
  gtk_widget_class_bind_template_child (widget_class, OctaSamplesView, gain_spin);
  gtk_widget_class_bind_template_child (widget_class, OctaSamplesView, quant_dropdown);
  gtk_widget_class_bind_template_child (widget_class, OctaSamplesView, quant_items);
  gtk_widget_class_bind_template_child (widget_class, OctaSamplesView, tempo_label);
  gtk_widget_class_bind_template_child (widget_class, OctaSamplesView, tempo_spin);
  gtk_widget_class_bind_template_child (widget_class, OctaSamplesView, usage_label);
  gtk_widget_class_bind_template_child (widget_class, OctaSamplesView, attributes);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, hide_empty_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, chip_close_cb);
  gtk_widget_class_bind_template_callback (widget_class, preview_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, locate_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, tstr_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, loop_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, gain_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, quant_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, tempo_changed_cb);

  gtk_widget_class_install_action (widget_class, "samples.locate", NULL, locate_action);
  gtk_widget_class_install_action (widget_class, "samples.remove-unused", NULL,
                                   remove_unused_action);
  gtk_widget_class_install_action (widget_class, "samples.filter", NULL, filter_action);
  gtk_widget_class_install_action (widget_class, "samples.clear", NULL, clear_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "samples.filter", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "samples.clear", NULL);
  gtk_widget_class_install_action (widget_class, "samples.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "samples.write-ot", NULL, write_ot_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK,
                                       "samples.import", NULL);
  gtk_widget_class_install_action (widget_class, "samples.details", NULL, details_action);
  gtk_widget_class_install_action (widget_class, "samples.move-up", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "samples.move-down", NULL, move_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK,
                                       "samples.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK,
                                       "samples.move-down", NULL);
}

static void
octa_samples_view_init (OctaSamplesView *self)
{
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_INVALID };
  GtkDropTarget *target;
  GtkSorter *sorter;

  types[1] = OCTA_TYPE_SAMPLE_SLOT;
  gtk_widget_init_template (GTK_WIDGET (self));
  fill_quant_items (self);
  g_signal_connect_object (self->details_paned, "notify::max-position",
                           G_CALLBACK (fit_details), self, G_CONNECT_SWAPPED);

  {
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
    GtkWidget *controls = octa_marker_controls_new ();

    self->waveform = octa_waveform_new ();
    gtk_widget_set_vexpand (self->waveform, TRUE);
    gtk_box_append (GTK_BOX (box), self->waveform);
    octa_marker_controls_set_waveform (OCTA_MARKER_CONTROLS (controls),
                                       OCTA_WAVEFORM (self->waveform));
    gtk_box_append (GTK_BOX (box), controls);
    adw_bin_set_child (ADW_BIN (self->waveform_slot), box);
  }

  self->rows = g_list_store_new (OCTA_TYPE_SAMPLE_ROW);
  self->filter = gtk_custom_filter_new (filter_row, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->rows)),
                                              GTK_FILTER (self->filter));
  add_columns (self);
  sorter = gtk_column_view_get_sorter (self->column_view);
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (self->filtered),
                                          sorter != NULL ? g_object_ref (sorter) : NULL);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->sorted));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  g_signal_connect (self->selection, "notify::selected-item", G_CALLBACK (selection_changed_cb),
                    self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect (self->column_view, "activate", G_CALLBACK (row_activated_cb), self);

  gtk_level_bar_remove_offset_value (self->memory_bar, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (self->memory_bar, GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (self->memory_bar, GTK_LEVEL_BAR_OFFSET_FULL);
  /* A block takes the name of the first offset at or above its value:
   * "high" (the accent) up to 90 %, "low" (the warning colour) above. */
  gtk_level_bar_add_offset_value (self->memory_bar, GTK_LEVEL_BAR_OFFSET_HIGH, 0.9);
  gtk_level_bar_add_offset_value (self->memory_bar, GTK_LEVEL_BAR_OFFSET_LOW, 1.0);

  target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY | GDK_ACTION_MOVE);
  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  gtk_drop_target_set_preload (target, TRUE);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  g_signal_connect (target, "notify::value", G_CALLBACK (drop_value_cb), self);
  g_signal_connect (target, "motion", G_CALLBACK (drop_motion_cb), self);
  g_signal_connect (target, "enter", G_CALLBACK (drop_motion_cb), self);
  g_signal_connect (target, "leave", G_CALLBACK (drop_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), GTK_EVENT_CONTROLLER (target));

  self->list = LIST_FLEX;
  gtk_list_box_select_row (self->sidebar, gtk_list_box_get_row_at_index (self->sidebar, 0));
  update_header (self);
  update_details (self);
}

/**
 * octa_samples_view_new:
 *
 * Returns: (transfer floating): a new samples view without a project
 */
GtkWidget *
octa_samples_view_new (void)
{
  return g_object_new (OCTA_TYPE_SAMPLES_VIEW, NULL);
}

OctaProject *
octa_samples_view_get_project (OctaSamplesView *self)
{
  g_return_val_if_fail (OCTA_IS_SAMPLES_VIEW (self), NULL);

  return self->project;
}

void
octa_samples_view_set_project (OctaSamplesView *self,
                               OctaProject     *project)
{
  g_return_if_fail (OCTA_IS_SAMPLES_VIEW (self));
  g_return_if_fail (project == NULL || OCTA_IS_PROJECT (project));

  if (self->project == project)
    return;
  if (self->project != NULL)
    g_clear_signal_handler (&self->changed_handler, self->project);
  g_set_object (&self->project, project);
  if (project != NULL)
    self->changed_handler = g_signal_connect_swapped (project, "changed",
                                                      G_CALLBACK (project_changed_cb), self);
  show_refusal (self, NULL);
  if (self->rows != NULL)
    rebuild_rows (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

/**
 * octa_samples_view_get_kind:
 * @self: a samples view
 *
 * Returns: the kind of slot the table shows (Flex for the audio pool)
 */
OctaSlotKind
octa_samples_view_get_kind (OctaSamplesView *self)
{
  g_return_val_if_fail (OCTA_IS_SAMPLES_VIEW (self), OCTA_SLOT_KIND_FLEX);

  return list_kind (self->list);
}

/**
 * octa_samples_view_set_kind:
 * @self: a samples view
 * @kind: Flex, Static or recorder buffers
 *
 * Shows the slots of @kind, as a click on the sidebar does.
 */
void
octa_samples_view_set_kind (OctaSamplesView *self,
                            OctaSlotKind     kind)
{
  guint index = kind == OCTA_SLOT_KIND_STATIC ? LIST_STATIC
                : kind == OCTA_SLOT_KIND_RECORDER ? LIST_RECORDER : LIST_FLEX;

  g_return_if_fail (OCTA_IS_SAMPLES_VIEW (self));

  gtk_list_box_select_row (self->sidebar, gtk_list_box_get_row_at_index (self->sidebar, index));
}

/**
 * octa_samples_view_get_column_view:
 * @self: a samples view
 *
 * Returns: (transfer none): the slot table, for tests and drop wiring
 */
GtkWidget *
octa_samples_view_get_column_view (OctaSamplesView *self)
{
  g_return_val_if_fail (OCTA_IS_SAMPLES_VIEW (self), NULL);

  return GTK_WIDGET (self->column_view);
}

/**
 * octa_samples_view_get_refusal:
 * @self: a samples view
 *
 * Returns: (nullable): the message of the last refused drop, as the chip
 *   above the table shows it, or %NULL
 */
const char *
octa_samples_view_get_refusal (OctaSamplesView *self)
{
  g_return_val_if_fail (OCTA_IS_SAMPLES_VIEW (self), NULL);

  return self->refusal;
}
