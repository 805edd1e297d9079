/* SPDX-License-Identifier: MIT */
#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "octa-arp-editor.h"
#include "octa-crossfader.h"
#include "octa-css.h"
#include "octa-diff-window.h"
#include "octa-lfo-designer.h"
#include "octa-param-dial.h"
#include "octa-parts-view.h"
#include "octa-plock-names.h"
#include "octa-scene-strip.h"

/*
 * The Parts view (design guide §4.1): the four parts of a bank, all eight
 * tracks of one page at once, one row each, and the part's scenes.
 *
 * Every knob writes through the model: a gesture is one undo step, the
 * part's unsaved copy changes and the part is marked edited. The view
 * reads everything back from the model after each change (the project's
 * ::changed), so undo, redo and edits from elsewhere show up without
 * special cases. Rows are rebuilt only when what they show changes shape
 * (page, machine, FX type, scene mode); otherwise knobs just move.
 */

#define N_PARTS 4
#define N_BANKS 16
#define N_TRACKS 8
#define N_SCENES 16

typedef struct
{
  char            *property;   /* "xlv" for the scene's crossfader volume */
  gint             lock;
  guint            track;
  OctaPlockFormat  format;
} DialBinding;

struct _OctaPartsView
{
  GtkWidget       parent_instance;

  GtkWidget      *flap;
  GtkWidget      *sidebar_button;
  GtkWidget      *sidebar;
  GtkWidget      *bank_grid;
  GtkWidget      *part_list;
  GtkWidget      *content;
  GtkWidget      *bank_label;
  GtkWidget      *part_tab_1;
  GtkWidget      *part_tab_2;
  GtkWidget      *part_tab_3;
  GtkWidget      *part_tab_4;
  GtkWidget      *rename_button;
  GtkWidget      *rename_popover;
  GtkWidget      *rename_entry;
  GtkWidget      *rename_error;
  GtkWidget      *used_by_label;
  GtkWidget      *save_part_button;
  GtkWidget      *reload_part_button;
  GtkWidget      *compare_part_button;
  GtkWidget      *save_all_button;
  GtkWidget      *page_1;
  GtkWidget      *page_2;
  GtkWidget      *page_3;
  GtkWidget      *page_4;
  GtkWidget      *page_5;
  GtkWidget      *page_6;
  GtkWidget      *main_button;
  GtkWidget      *setup_button;
  GtkWidget      *audio_button;
  GtkWidget      *midi_button;
  GtkWidget      *fx_infobar;
  GtkWidget      *fx_infobar_label;
  GtkWidget      *fx_defaults_button;
  guint           fx_track;
  OctaPartPage    fx_page;
  OctaFxType      fx_type;
  GtkWidget      *scene_banner;
  GtkWidget      *scene_banner_label;
  GtkWidget      *rows_grid;
  GtkWidget      *titles[N_TRACKS];
  GtkWidget      *drop_row;
  GtkWidget      *drop_chip;
  GSettings      *settings;
  gboolean        sliders;
  OctaSceneStrip *scene_strip;
  OctaCrossfader *crossfader;

  GtkWidget      *bank_keys[N_BANKS];
  GtkWidget      *part_rows[N_PARTS];

  OctaProject    *project;
  gulong          changed_id;
  OctaPart       *part;
  OctaPartTrack  *tracks[N_TRACKS];
  guint           bank;
  guint           part_index;
  OctaPartPage    page;
  gboolean        setup;
  gboolean        midi;
  gint            scene;
  GPtrArray      *dials;
  GPtrArray      *retired;
  guint           retire_id;
  char           *shape;
  gboolean        syncing;
  guint           editing;
};

G_DEFINE_FINAL_TYPE (OctaPartsView, octa_parts_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_BANK,
  PROP_PART,
  N_PROPS
};

enum {
  TOAST,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void rebuild (OctaPartsView *self);
static void refresh (OctaPartsView *self);

/* Machines in the order the guide lists them. */
static const OctaMachineKind machine_order[] = {
  OCTA_MACHINE_KIND_FLEX, OCTA_MACHINE_KIND_STATIC, OCTA_MACHINE_KIND_THRU,
  OCTA_MACHINE_KIND_NEIGHBOR, OCTA_MACHINE_KIND_PICKUP,
};

static const OctaFxType fx_order[] = {
  OCTA_FX_TYPE_FILTER, OCTA_FX_TYPE_SPATIALIZER, OCTA_FX_TYPE_DELAY, OCTA_FX_TYPE_EQ,
  OCTA_FX_TYPE_DJ_EQ, OCTA_FX_TYPE_PHASER, OCTA_FX_TYPE_FLANGER, OCTA_FX_TYPE_CHORUS,
  OCTA_FX_TYPE_COMB_FILTER, OCTA_FX_TYPE_PLATE_REVERB, OCTA_FX_TYPE_SPRING_REVERB,
  OCTA_FX_TYPE_DARK_REVERB, OCTA_FX_TYPE_COMPRESSOR, OCTA_FX_TYPE_LOFI, OCTA_FX_TYPE_OFF,
};

static void
dial_binding_free (gpointer data)
{
  DialBinding *binding = data;

  g_free (binding->property);
  g_free (binding);
}

/* Part track properties are ints or (for machine, FX types and env trigs)
 * enums; unknown enum codes still read and write as their number. */
static gint
get_int_prop (GObject    *object,
              const char *property)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_val_if_fail (pspec != NULL, 0);
  g_value_init (&value, pspec->value_type);
  g_object_get_property (object, property, &value);
  if (G_VALUE_HOLDS_ENUM (&value))
    return g_value_get_enum (&value);
  if (G_VALUE_HOLDS_UINT (&value))
    return (gint) g_value_get_uint (&value);
  if (G_VALUE_HOLDS_BOOLEAN (&value))
    return g_value_get_boolean (&value);
  return g_value_get_int (&value);
}

static void
set_int_prop (GObject    *object,
              const char *property,
              gint        v)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_if_fail (pspec != NULL);
  g_value_init (&value, pspec->value_type);
  if (G_VALUE_HOLDS_ENUM (&value))
    g_value_set_enum (&value, v);
  else if (G_VALUE_HOLDS_UINT (&value))
    g_value_set_uint (&value, v);
  else
    g_value_set_int (&value, v);
  g_object_set_property (object, property, &value);
}

static void
prop_range (GObject    *object,
            const char *property,
            gint       *lower,
            gint       *upper,
            gint       *def)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);

  *lower = 0;
  *upper = 255;
  *def = 0;
  if (G_IS_PARAM_SPEC_INT (pspec))
    {
      *lower = G_PARAM_SPEC_INT (pspec)->minimum;
      *upper = G_PARAM_SPEC_INT (pspec)->maximum;
      *def = G_PARAM_SPEC_INT (pspec)->default_value;
    }
  else if (G_IS_PARAM_SPEC_UINT (pspec))
    {
      *lower = G_PARAM_SPEC_UINT (pspec)->minimum;
      *upper = G_PARAM_SPEC_UINT (pspec)->maximum;
      *def = G_PARAM_SPEC_UINT (pspec)->default_value;
    }
  else if (G_IS_PARAM_SPEC_ENUM (pspec))
    *def = G_PARAM_SPEC_ENUM (pspec)->default_value;
}

static OctaScene *
edited_scene (OctaPartsView *self)
{
  if (self->part == NULL || self->scene < 0)
    return NULL;
  return octa_part_get_scene (self->part, self->scene);
}

static OctaMachineKind
track_machine (OctaPartsView *self,
               guint          t)
{
  if (self->tracks[t] == NULL || self->midi)
    return OCTA_MACHINE_KIND_STATIC;
  return octa_audio_part_track_get_machine (OCTA_AUDIO_PART_TRACK (self->tracks[t]));
}

static OctaFxType
track_fx (OctaPartsView *self,
          guint          t)
{
  if (self->tracks[t] == NULL || self->midi)
    return OCTA_FX_TYPE_OFF;
  if (self->page == OCTA_PART_PAGE_FX1)
    return get_int_prop (G_OBJECT (self->tracks[t]), "fx1-type");
  if (self->page == OCTA_PART_PAGE_FX2)
    return get_int_prop (G_OBJECT (self->tracks[t]), "fx2-type");
  return OCTA_FX_TYPE_OFF;
}

/* ---- knobs ---- */

static void
dial_edit_begin_cb (OctaParamDial *dial,
                    OctaPartsView *self)
{
  DialBinding *binding = g_object_get_data (G_OBJECT (dial), "binding");
  g_autofree char *label = NULL;

  if (self->project == NULL)
    return;
  label = self->scene >= 0 && binding->lock >= 0
          ? g_strdup_printf (_("Lock in scene %d"), self->scene + 1)
          : g_strdup (_("Change part"));
  self->editing++;
  octa_project_begin_change (self->project, label);
}

static void
dial_edit_end_cb (OctaParamDial *dial,
                  OctaPartsView *self)
{
  if (self->project == NULL || self->editing == 0)
    return;
  self->editing--;
  octa_project_end_change (self->project);
}

static void
write_value (OctaPartsView *self,
             DialBinding   *binding,
             gint           value)
{
  g_autoptr(OctaScene) scene = edited_scene (self);
  g_autoptr(OctaPartTrack) track = self->tracks[binding->track]
                                   ? g_object_ref (self->tracks[binding->track]) : NULL;

  if (track == NULL)
    return;
  if (g_strcmp0 (binding->property, "xlv") == 0)
    {
      if (scene != NULL)
        octa_scene_set_xlv (scene, binding->track, value);
    }
  else if (scene != NULL && binding->lock >= 0)
    octa_scene_set_lock (scene, binding->track, binding->lock, value);
  else
    set_int_prop (G_OBJECT (track), binding->property, value);
}

static void
dial_value_changed_cb (OctaParamDial *dial,
                       gint           value,
                       OctaPartsView *self)
{
  write_value (self, g_object_get_data (G_OBJECT (dial), "binding"), value);
}

/* In scene mode "default" is no lock; otherwise the device's default. */
static void
dial_reset_cb (OctaParamDial *dial,
               OctaPartsView *self)
{
  DialBinding *binding = g_object_get_data (G_OBJECT (dial), "binding");
  g_autoptr(OctaScene) scene = edited_scene (self);
  g_autoptr(OctaPartTrack) track = self->tracks[binding->track]
                                   ? g_object_ref (self->tracks[binding->track]) : NULL;
  gint lower, upper, def;

  if (track == NULL || self->project == NULL)
    return;
  if (scene != NULL && g_strcmp0 (binding->property, "xlv") == 0)
    octa_scene_set_xlv (scene, binding->track, -1);
  else if (scene != NULL && binding->lock >= 0)
    octa_scene_set_lock (scene, binding->track, binding->lock, -1);
  else
    {
      prop_range (G_OBJECT (track), binding->property, &lower, &upper, &def);
      octa_project_begin_change (self->project, _("Reset to default"));
      set_int_prop (G_OBJECT (track), binding->property, def);
      octa_project_end_change (self->project);
    }
}

static void
refresh_dial (OctaPartsView *self,
              OctaParamDial *dial,
              OctaScene     *scene,
              OctaScene     *scene_a,
              OctaScene     *scene_b)
{
  DialBinding *binding = g_object_get_data (G_OBJECT (dial), "binding");
  OctaPartTrack *track = self->tracks[binding->track];
  gboolean preview = FALSE, locked = FALSE;
  gint base, value;

  if (track == NULL)
    return;

  if (g_strcmp0 (binding->property, "xlv") == 0)
    {
      value = scene != NULL ? octa_scene_get_xlv (scene, binding->track) : -1;
      locked = value >= 0;
      octa_param_dial_set_base_value (dial, -1);
      octa_param_dial_set_empty (dial, !locked);
      if (locked)
        octa_param_dial_set_value (dial, value);
      octa_param_dial_set_locked (dial, locked);
      return;
    }

  base = value = get_int_prop (G_OBJECT (track), binding->property);
  if (scene != NULL && binding->lock >= 0)
    {
      gint lock = octa_scene_get_lock (scene, binding->track, binding->lock);

      locked = lock >= 0;
      if (locked)
        value = lock;
    }
  else if (scene == NULL && binding->lock >= 0 && scene_a != NULL &&
           octa_crossfader_get_active (self->crossfader))
    {
      gint morph = octa_crossfader_morph (self->crossfader, base,
                                          octa_scene_get_lock (scene_a, binding->track,
                                                               binding->lock),
                                          octa_scene_get_lock (scene_b, binding->track,
                                                               binding->lock));

      if (morph >= 0)
        {
          preview = TRUE;
          value = morph;
        }
    }
  octa_param_dial_set_base_value (dial, base);
  octa_param_dial_set_value (dial, value);
  octa_param_dial_set_locked (dial, locked);
  octa_param_dial_set_preview (dial, preview);
}

static GtkWidget *
make_dial (OctaPartsView       *self,
           guint                t,
           const OctaPartParam *param)
{
  OctaParamDial *dial = OCTA_PARAM_DIAL (octa_param_dial_new ());
  DialBinding *binding = g_new0 (DialBinding, 1);
  g_autofree char *track_label = octa_part_track_dup_label (self->tracks[t]);
  g_autofree char *where = octa_part_param_label (self->midi, self->page, self->setup, param);
  g_autofree char *a11y = g_strdup_printf ("%s %s", track_label, where);
  gint lower, upper, def;

  binding->property = g_strdup (param->property);
  binding->lock = param->lock;
  binding->track = t;
  binding->format = param->format;
  g_object_set_data_full (G_OBJECT (dial), "binding", binding, dial_binding_free);

  prop_range (G_OBJECT (self->tracks[t]), param->property, &lower, &upper, &def);
  if (param->upper > 0)
    upper = MIN (upper, param->upper);
  if (G_IS_PARAM_SPEC_ENUM (g_object_class_find_property (G_OBJECT_GET_CLASS (self->tracks[t]),
                                                         param->property)))
    upper = param->upper > 0 ? param->upper : 255;
  if (self->sliders)
    octa_param_dial_set_style (dial, OCTA_PARAM_DIAL_SLIDER);
  octa_param_dial_set_range (dial, lower, upper);
  octa_param_dial_set_format (dial, param->format);
  octa_param_dial_set_abbrev (dial, param->abbrev, param->name);
  octa_param_dial_set_accessible_name (dial, a11y);

  g_signal_connect (dial, "edit-begin", G_CALLBACK (dial_edit_begin_cb), self);
  g_signal_connect (dial, "edit-end", G_CALLBACK (dial_edit_end_cb), self);
  g_signal_connect (dial, "value-changed", G_CALLBACK (dial_value_changed_cb), self);
  g_signal_connect (dial, "reset", G_CALLBACK (dial_reset_cb), self);
  g_ptr_array_add (self->dials, dial);
  return GTK_WIDGET (dial);
}

/* ---- row controls ---- */

static void
machine_selected_cb (GtkDropDown   *dropdown,
                     GParamSpec    *pspec,
                     OctaPartsView *self)
{
  guint t = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dropdown), "track"));
  guint pos = gtk_drop_down_get_selected (dropdown);
  /* The change makes the view fetch new track objects: keep this one. */
  g_autoptr(OctaPartTrack) track = self->tracks[t] ? g_object_ref (self->tracks[t]) : NULL;

  if (self->syncing || track == NULL || pos >= G_N_ELEMENTS (machine_order))
    return;
  if (octa_audio_part_track_get_machine (OCTA_AUDIO_PART_TRACK (track)) == machine_order[pos])
    return;
  octa_audio_part_track_set_machine (OCTA_AUDIO_PART_TRACK (track), machine_order[pos]);
}

static GtkWidget *
make_machine_dropdown (OctaPartsView *self,
                       guint          t)
{
  g_auto(GStrv) names = g_new0 (char *, G_N_ELEMENTS (machine_order) + 1);
  GtkWidget *dropdown;
  OctaMachineKind machine = track_machine (self, t);
  g_autofree char *label = g_strdup_printf (_("T%u machine"), t + 1);

  for (guint i = 0; i < G_N_ELEMENTS (machine_order); i++)
    names[i] = octa_plock_format_value (OCTA_PLOCK_FORMAT_MACHINE, machine_order[i]);
  dropdown = gtk_drop_down_new_from_strings ((const char *const *) names);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), GTK_INVALID_LIST_POSITION);
  for (guint i = 0; i < G_N_ELEMENTS (machine_order); i++)
    if (machine_order[i] == machine)
      gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), i);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (dropdown, _("Machine: every machine's values are kept, so "
                                           "switching back loses nothing"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
  g_object_set_data (G_OBJECT (dropdown), "track", GUINT_TO_POINTER (t));
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (machine_selected_cb), self);
  return dropdown;
}

/* A new effect keeps the old one's numbers, as on the device; where the
 * spec knows the effect's defaults, offer them instead of applying them. */
static void
offer_fx_defaults (OctaPartsView *self,
                   guint          t,
                   OctaFxType     type)
{
  guint8 values[6], setup[6];
  g_autofree char *text = NULL;
  g_autofree char *button = NULL;
  const char *name = octa_fx_type_display_name (type);

  if (!octa_fx_type_defaults (type, values, setup))
    {
      gtk_info_bar_set_revealed (GTK_INFO_BAR (self->fx_infobar), FALSE);
      return;
    }
  self->fx_track = t;
  self->fx_page = self->page;
  self->fx_type = type;
  text = g_strdup_printf (_("T%u %s is now %s and keeps the values it had."), t + 1,
                          octa_part_page_title (FALSE, self->page), name);
  button = g_strdup_printf (_("Load %s Defaults"), name);
  gtk_label_set_text (GTK_LABEL (self->fx_infobar_label), text);
  gtk_button_set_label (GTK_BUTTON (self->fx_defaults_button), button);
  gtk_info_bar_set_revealed (GTK_INFO_BAR (self->fx_infobar), TRUE);
}

static void
fx_infobar_response_cb (GtkInfoBar    *bar,
                        int            response,
                        OctaPartsView *self)
{
  guint8 values[6], setup[6];
  const char *slot = self->fx_page == OCTA_PART_PAGE_FX1 ? "fx1" : "fx2";
  g_autoptr(OctaPartTrack) track = NULL;
  g_autofree char *label = NULL;

  gtk_info_bar_set_revealed (bar, FALSE);
  if (response != 1 || self->project == NULL || self->tracks[self->fx_track] == NULL ||
      !octa_fx_type_defaults (self->fx_type, values, setup))
    return;

  track = g_object_ref (self->tracks[self->fx_track]);
  label = g_strdup_printf (_("Load %s defaults"), octa_fx_type_display_name (self->fx_type));
  octa_project_begin_change (self->project, label);
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *value_prop = g_strdup_printf ("%s-param%u", slot, i + 1);
      g_autofree char *setup_prop = g_strdup_printf ("%s-setup%u", slot, i + 1);

      set_int_prop (G_OBJECT (track), value_prop, values[i]);
      set_int_prop (G_OBJECT (track), setup_prop, setup[i]);
    }
  octa_project_end_change (self->project);
}

static void
fx_chosen_cb (GtkButton     *button,
              OctaPartsView *self)
{
  guint t = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "track"));
  OctaFxType type = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "fx"));
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_POPOVER);
  const char *property = self->page == OCTA_PART_PAGE_FX1 ? "fx1-type" : "fx2-type";
  g_autofree char *label = NULL;
  g_autoptr(OctaPartTrack) track = NULL;

  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
  if (self->tracks[t] == NULL || self->project == NULL ||
      get_int_prop (G_OBJECT (self->tracks[t]), property) == (gint) type)
    return;
  label = g_strdup_printf (_("Change %s type"), self->page == OCTA_PART_PAGE_FX1 ? "FX1" : "FX2");
  track = g_object_ref (self->tracks[t]);
  octa_project_begin_change (self->project, label);
  set_int_prop (G_OBJECT (track), property, type);
  octa_project_end_change (self->project);
  offer_fx_defaults (self, t, type);
}

static GtkWidget *
make_fx_button (OctaPartsView *self,
                guint          t)
{
  OctaFxType current = track_fx (self, t);
  g_autofree char *name = octa_plock_format_value (OCTA_PLOCK_FORMAT_FX_TYPE, current);
  g_autofree char *a11y = g_strdup_printf ("T%u %s type", t + 1,
                                           self->page == OCTA_PART_PAGE_FX1 ? "FX1" : "FX2");
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), name);
  gtk_widget_set_size_request (button, 136, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y,
                                  -1);
  for (guint i = 0; i < G_N_ELEMENTS (fx_order); i++)
    {
      GtkWidget *item = gtk_button_new_with_label (octa_fx_type_display_name (fx_order[i]));

      gtk_widget_add_css_class (item, "flat");
      gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (item))), 0);
      g_object_set_data (G_OBJECT (item), "track", GUINT_TO_POINTER (t));
      g_object_set_data (G_OBJECT (item), "fx", GUINT_TO_POINTER (fx_order[i]));
      if (self->page == OCTA_PART_PAGE_FX1 && octa_fx_type_only_fx2 (fx_order[i]))
        {
          gtk_widget_set_sensitive (item, FALSE);
          gtk_widget_set_tooltip_text (item, _("Only available on FX2"));
        }
      g_signal_connect (item, "clicked", G_CALLBACK (fx_chosen_cb), self);
      gtk_box_append (GTK_BOX (box), item);
    }
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  return button;
}

/* The LFO designer and the arpeggiator editor are built the first time
 * their popover opens: most tracks never need them. */
static void
create_lfo_designer (OctaPartsView *self,
                     AdwBin        *slot,
                     OctaPartTrack *track)
{
  GtkWidget *designer = octa_lfo_designer_new ();

  octa_column_editor_set_track (OCTA_COLUMN_EDITOR (designer), track);
  adw_bin_set_child (slot, designer);
}

static void
create_arp_editor (OctaPartsView     *self,
                   AdwBin            *slot,
                   OctaMidiPartTrack *track)
{
  GtkWidget *editor = octa_arp_editor_new ();

  octa_column_editor_set_track (OCTA_COLUMN_EDITOR (editor), OCTA_PART_TRACK (track));
  adw_bin_set_child (slot, editor);
}

static void
slot_popover_show_cb (GtkPopover    *popover,
                      OctaPartsView *self)
{
  AdwBin *slot = ADW_BIN (gtk_popover_get_child (popover));
  guint t = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (popover), "track"));

  /* Rows are rebuilt whenever their track object changes, so a filled
   * slot always belongs to the right track. */
  if (self->tracks[t] == NULL || adw_bin_get_child (slot) != NULL)
    return;
  if (g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (slot)), "arp_editor_slot") == 0)
    create_arp_editor (self, slot, OCTA_MIDI_PART_TRACK (self->tracks[t]));
  else
    create_lfo_designer (self, slot, self->tracks[t]);
}

static GtkWidget *
make_slot_button (OctaPartsView *self,
                  guint          t,
                  const char    *label,
                  const char    *slot_name)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *slot = adw_bin_new ();

  gtk_widget_set_name (slot, slot_name);
  gtk_widget_set_size_request (slot, 480, 200);
  gtk_popover_set_child (GTK_POPOVER (popover), slot);
  g_object_set_data (G_OBJECT (popover), "track", GUINT_TO_POINTER (t));
  g_signal_connect (popover, "show", G_CALLBACK (slot_popover_show_cb), self);
  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), label);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  return button;
}

static char *
track_title (OctaPartsView *self,
             guint          t)
{
  OctaMachineKind machine;
  gint slot;

  if (self->midi)
    return g_strdup_printf ("<b>M%u</b> <span alpha=\"60%%\">ch %d</span>", t + 1,
                            get_int_prop (G_OBJECT (self->tracks[t]), "channel"));
  machine = track_machine (self, t);
  if (machine == OCTA_MACHINE_KIND_FLEX || machine == OCTA_MACHINE_KIND_STATIC)
    {
      g_autofree char *name = NULL;
      g_autofree char *escaped = NULL;

      slot = get_int_prop (G_OBJECT (self->tracks[t]),
                           machine == OCTA_MACHINE_KIND_FLEX ? "flex-slot" : "static-slot");
      /* The sample's name reads better than its slot; empty slots and
       * recorder buffers keep the slot's label. */
      if (slot >= 1 && slot <= OCTA_N_SLOTS && self->project != NULL)
        {
          g_autoptr(OctaSampleSlot) sample = octa_project_get_sample_slot (
            self->project,
            machine == OCTA_MACHINE_KIND_FLEX ? OCTA_SLOT_KIND_FLEX : OCTA_SLOT_KIND_STATIC, slot);
          g_autofree char *path = sample ? octa_sample_slot_dup_path (sample) : NULL;

          if (path != NULL && *path != '\0')
            {
              char *dot;

              name = g_path_get_basename (path);
              dot = strrchr (name, '.');
              if (dot != NULL && dot != name)
                *dot = '\0';
            }
        }
      if (name == NULL)
        name = octa_sample_slot_label (machine, slot);
      escaped = g_markup_escape_text (name, -1);
      return g_strdup_printf ("<b>T%u</b> %s <span alpha=\"60%%\">%s</span>", t + 1,
                              octa_machine_kind_letter (machine), escaped);
    }
  return g_strdup_printf ("<b>T%u</b> %s", t + 1, octa_machine_kind_letter (machine));
}

static char *
compute_shape (OctaPartsView *self)
{
  GString *s = g_string_new (NULL);

  g_string_append_printf (s, "%p %u %d %d %d|", self->part, self->page, self->setup, self->midi,
                          self->scene >= 0);
  for (guint t = 0; t < N_TRACKS; t++)
    g_string_append_printf (s, "%d,%d;", track_machine (self, t), track_fx (self, t));
  return g_string_free (s, FALSE);
}

static void
fetch_tracks (OctaPartsView *self)
{
  for (guint t = 0; t < N_TRACKS; t++)
    {
      g_clear_object (&self->tracks[t]);
      if (self->part == NULL)
        continue;
      self->tracks[t] = self->midi
        ? OCTA_PART_TRACK (octa_part_get_midi_track (self->part, t))
        : OCTA_PART_TRACK (octa_part_get_audio_track (self->part, t));
    }
}

static void
place_param (OctaPartsView *self,
             GtkWidget     *widget,
             guint          t,
             gint          *col,
             GtkWidget     *cells,
             guint         *cell,
             guint          per_row)
{
  if (cells == NULL)
    {
      gtk_grid_attach (GTK_GRID (self->rows_grid), widget, (*col)++, t, 1, 1);
      return;
    }
  gtk_grid_attach (GTK_GRID (cells), widget, *cell % per_row, *cell / per_row, 1, 1);
  (*cell)++;
}

static gboolean
release_retired (gpointer data)
{
  OctaPartsView *self = data;

  self->retire_id = 0;
  g_ptr_array_set_size (self->retired, 0);
  return G_SOURCE_REMOVE;
}

static void
rebuild (OctaPartsView *self)
{
  GtkWidget *child;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  gint focus_track = -1;
  g_autofree char *focus_property = NULL;

  if (focus != NULL && OCTA_IS_PARAM_DIAL (focus) && gtk_widget_is_ancestor (focus, self->rows_grid))
    {
      DialBinding *binding = g_object_get_data (G_OBJECT (focus), "binding");

      focus_track = binding->track;
      focus_property = g_strdup (binding->property);
    }

  self->syncing = TRUE;
  g_ptr_array_set_size (self->dials, 0);
  /* A row's own dropdown or button can be what asked for the rebuild, still
   * inside its handler: keep the old rows alive until the main loop is idle. */
  memset (self->titles, 0, sizeof self->titles);
  self->drop_row = self->drop_chip = NULL;
  while ((child = gtk_widget_get_first_child (self->rows_grid)) != NULL)
    {
      g_ptr_array_add (self->retired, g_object_ref (child));
      gtk_grid_remove (GTK_GRID (self->rows_grid), child);
    }
  if (self->retire_id == 0)
    self->retire_id = g_idle_add (release_retired, self);

  g_free (self->shape);
  self->shape = compute_shape (self);

  if (self->part == NULL)
    {
      GtkWidget *label = gtk_label_new (_("This bank couldn't be read, so its parts can't be "
                                          "shown."));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (GTK_GRID (self->rows_grid), label, 0, 0, 1, 1);
      self->syncing = FALSE;
      return;
    }

  for (guint t = 0; t < N_TRACKS; t++)
    {
      OctaPartParam params[OCTA_PART_PAGE_MAX_PARAMS];
      g_autofree char *title = track_title (self, t);
      GtkWidget *label = gtk_label_new (NULL);
      gint col = 2;
      guint n, shown = 0;
      GtkWidget *cells = NULL;
      guint cell = 0, per_row = 3;

      gtk_label_set_markup (GTK_LABEL (label), title);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 14);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 14);
      gtk_grid_attach (GTK_GRID (self->rows_grid), label, 0, t, 1, 1);
      self->titles[t] = label;

      if (!self->midi)
        gtk_grid_attach (GTK_GRID (self->rows_grid), make_machine_dropdown (self, t), 1, t, 1, 1);

      if (!self->midi && (self->page == OCTA_PART_PAGE_FX1 || self->page == OCTA_PART_PAGE_FX2))
        gtk_grid_attach (GTK_GRID (self->rows_grid), make_fx_button (self, t), col++, t, 1, 1);

      n = octa_part_page_params (self->midi, track_machine (self, t), track_fx (self, t),
                                 self->page, self->setup, params);
      /* Sliders are wider than knobs: a track's sliders wrap into rows of
       * three (four on the twelve-value pages) inside its grid row. */
      if (self->sliders)
        {
          cells = gtk_grid_new ();
          gtk_grid_set_column_spacing (GTK_GRID (cells), 16);
          gtk_grid_set_row_spacing (GTK_GRID (cells), 2);
          gtk_widget_set_valign (cells, GTK_ALIGN_CENTER);
          gtk_grid_attach (GTK_GRID (self->rows_grid), cells, col++, t, 1, 1);
          per_row = n > 8 ? 4 : 3;
          cell = 0;
        }
      if (self->scene >= 0 && self->midi)
        n = 0;
      for (guint i = 0; i < n; i++)
        {
          if (params[i].property == NULL)
            {
              GtkWidget *dot = gtk_label_new ("·");

              gtk_widget_add_css_class (dot, "dim-label");
              gtk_widget_set_size_request (dot, 56, -1);
              place_param (self, dot, t, &col, cells, &cell, per_row);
              continue;
            }
          /* Scene locks exist for the main pages only. */
          if (self->scene >= 0 && params[i].lock < 0)
            continue;
          shown++;
          {
            GtkWidget *dial = make_dial (self, t, &params[i]);

            /* Twelve knobs a row must fit beside the sidebar at 1280 px. */
            if (n > 8)
              gtk_widget_add_css_class (dial, "compact");
            place_param (self, dial, t, &col, cells, &cell, per_row);
          }
        }

      if (self->scene >= 0 && !self->midi && self->page == OCTA_PART_PAGE_AMP && !self->setup)
        {
          OctaPartParam xlv = { "xlv", "XLV", _("Crossfader volume"), OCTA_PLOCK_FORMAT_RAW, 127,
                                -1 };
          GtkWidget *dial = make_dial (self, t, &xlv);

          shown++;
          octa_param_dial_set_range (OCTA_PARAM_DIAL (dial), 0, 127);
          place_param (self, dial, t, &col, cells, &cell, per_row);
        }

      if (shown == 0)
        {
          GtkWidget *none = gtk_label_new (self->scene >= 0 && self->midi
                                           ? _("Scenes lock audio tracks only")
                                           : self->scene >= 0
                                           ? _("Scenes don't lock these values")
                                           : _("Nothing to set on this page"));

          gtk_widget_add_css_class (none, "dim-label");
          gtk_label_set_xalign (GTK_LABEL (none), 0);
          gtk_grid_attach (GTK_GRID (self->rows_grid), none, col++, t, 1, 1);
        }

      if (self->page == OCTA_PART_PAGE_LFO && self->setup && self->scene < 0)
        {
          GtkWidget *button = make_slot_button (self, t, _("Designer"), "lfo_designer_slot");

          gtk_widget_set_tooltip_text (button, _("Draw this track's custom LFO"));
          gtk_grid_attach (GTK_GRID (self->rows_grid), button, col++, t, 1, 1);
        }
      if (self->midi && self->page == OCTA_PART_PAGE_AMP && self->scene < 0)
        {
          GtkWidget *button = make_slot_button (self, t, _("Sequence"), "arp_editor_slot");

          gtk_widget_set_tooltip_text (button, _("Edit the arpeggiator's note sequence"));
          gtk_grid_attach (GTK_GRID (self->rows_grid), button, col++, t, 1, 1);
        }
    }
  self->syncing = FALSE;

  refresh (self);

  if (focus_property != NULL)
    {
      GtkWidget *dial = octa_parts_view_get_dial (self, focus_track, focus_property);

      if (dial != NULL)
        gtk_widget_grab_focus (dial);
    }
}

/* ---- slots dropped on a track ---- */

static void
track_name (OctaPartsView *self,
            guint          t,
            char           name[8])
{
  g_snprintf (name, 8, "%c%u", self->midi ? 'M' : 'T', t + 1);
}

static gboolean
slot_drop_check (OctaPartsView  *self,
                 OctaSampleSlot *slot,
                 guint           t,
                 char          **text)
{
  char name[8];

  track_name (self, t, name);
  return octa_slot_drop_check (slot, name, self->midi, self->tracks[t] != NULL,
                               self->midi ? OCTA_MACHINE_KIND_FLEX : track_machine (self, t), -1,
                               text);
}

static gint
slot_drop_pick (OctaPartsView *self,
                double         y)
{
  for (guint t = 0; t < N_TRACKS; t++)
    {
      graphene_rect_t bounds;

      if (self->titles[t] != NULL &&
          gtk_widget_compute_bounds (self->titles[t], self->rows_grid, &bounds) &&
          y >= bounds.origin.y - 2 && y < bounds.origin.y + bounds.size.height + 2)
        return t;
    }
  return -1;
}

static void
slot_drop_clear (OctaPartsView *self)
{
  if (self->drop_row != NULL)
    gtk_grid_remove (GTK_GRID (self->rows_grid), self->drop_row);
  if (self->drop_chip != NULL)
    gtk_grid_remove (GTK_GRID (self->rows_grid), self->drop_chip);
  self->drop_row = self->drop_chip = NULL;
}

/* The row under the pointer gets an outline, in the error colour when the
 * slot can't go there, and a chip at its end says what would happen. */
static void
slot_drop_show (OctaPartsView *self,
                gint           t,
                gboolean       ok,
                const char    *text)
{
  GtkWidget *child;
  gint columns = 1;

  slot_drop_clear (self);
  if (t < 0)
    return;
  for (child = gtk_widget_get_first_child (self->rows_grid); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int column, width;

      gtk_grid_query_child (GTK_GRID (self->rows_grid), child, &column, NULL, &width, NULL);
      columns = MAX (columns, column + width);
    }
  self->drop_chip = gtk_label_new (text);
  gtk_widget_add_css_class (self->drop_chip, "octa-drop-chip");
  gtk_widget_add_css_class (self->drop_chip, ok ? "accepted" : "refused");
  gtk_widget_set_valign (self->drop_chip, GTK_ALIGN_CENTER);
  gtk_widget_set_can_target (self->drop_chip, FALSE);
  gtk_grid_attach (GTK_GRID (self->rows_grid), self->drop_chip, columns, t, 1, 1);

  self->drop_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (self->drop_row, "octa-drop-row");
  gtk_widget_add_css_class (self->drop_row, ok ? "accepted" : "refused");
  gtk_widget_set_can_target (self->drop_row, FALSE);
  gtk_grid_attach (GTK_GRID (self->rows_grid), self->drop_row, 0, t, columns + 1, 1);
  /* Drawn first, so under the row's own controls. */
  gtk_widget_insert_after (self->drop_row, self->rows_grid, NULL);
}

static GdkDragAction
slot_drop_motion_cb (GtkDropTarget *target,
                     double         x,
                     double         y,
                     OctaPartsView *self)
{
  const GValue *value = gtk_drop_target_get_value (target);
  OctaSampleSlot *slot = value != NULL ? g_value_get_object (value) : NULL;
  g_autofree char *text = NULL;
  gint t = slot != NULL && self->part != NULL ? slot_drop_pick (self, y) : -1;
  gboolean ok;

  if (t < 0)
    {
      slot_drop_clear (self);
      return 0;
    }
  ok = slot_drop_check (self, slot, t, &text);
  slot_drop_show (self, t, ok, text);
  return ok ? GDK_ACTION_COPY : 0;
}

static void
slot_drop_leave_cb (GtkDropTarget *target,
                    OctaPartsView *self)
{
  slot_drop_clear (self);
}

static gboolean
slot_drop_cb (GtkDropTarget *target,
              const GValue  *value,
              double         x,
              double         y,
              OctaPartsView *self)
{
  OctaSampleSlot *slot = g_value_get_object (value);
  g_autoptr(GError) error = NULL;
  gint t = slot != NULL ? slot_drop_pick (self, y) : -1;
  gboolean done = FALSE;

  slot_drop_clear (self);
  if (t >= 0)
    done = octa_parts_view_drop_slot (self, slot, t, &error);
  if (error != NULL)
    g_signal_emit (self, signals[TOAST], 0, error->message);
  return done;
}

/**
 * octa_parts_view_drop_slot:
 * @self: a parts view
 * @slot: a sample slot of the view's project
 * @track: 0…7, a track of the shown part
 * @error: where a refusal is told
 *
 * Makes the shown part play @slot on @track, as one undoable edit. A slot
 * of the wrong kind for the track's machine, or any slot on a MIDI track,
 * is refused and nothing changes.
 *
 * Returns: whether the slot was placed
 */
gboolean
octa_parts_view_drop_slot (OctaPartsView   *self,
                           OctaSampleSlot  *slot,
                           guint            track,
                           GError         **error)
{
  g_autofree char *text = NULL;
  g_autoptr(OctaPartTrack) part_track = NULL;

  g_return_val_if_fail (OCTA_IS_PARTS_VIEW (self), FALSE);
  g_return_val_if_fail (OCTA_IS_SAMPLE_SLOT (slot), FALSE);
  g_return_val_if_fail (track < N_TRACKS, FALSE);

  if (self->project == NULL || self->part == NULL || !slot_drop_check (self, slot, track, &text))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           text != NULL ? text : _("No part is shown"));
      return FALSE;
    }
  part_track = g_object_ref (self->tracks[track]);
  octa_project_begin_change (self->project, text);
  g_object_set (part_track,
                octa_sample_slot_get_kind (slot) == OCTA_SLOT_KIND_STATIC ? "static-slot"
                                                                          : "flex-slot",
                octa_slot_device_number (slot), NULL);
  octa_project_end_change (self->project);
  return TRUE;
}

/* ---- header and sidebar ---- */

static char *
part_title (OctaPart *part)
{
  g_autofree char *name = octa_part_dup_name (part);

  return g_strdup_printf ("%u %s%s", octa_part_get_index (part) + 1, name,
                          octa_part_get_edited (part) ? "*" : "");
}

static char *
used_by (OctaPartsView *self,
         guint          part)
{
  g_autoptr(OctaBank) bank = octa_project_get_bank (self->project, self->bank);
  GString *s = g_string_new (NULL);

  if (bank == NULL)
    return g_string_free (s, FALSE);
  for (guint p = 0; p < 16; p++)
    {
      g_autoptr(OctaPattern) pattern = octa_bank_get_pattern (bank, p);

      if (pattern != NULL && octa_pattern_get_part (pattern) == part + 1)
        g_string_append_printf (s, "%s%s%02u", s->len ? " " : "", octa_bank_get_letter (bank),
                                p + 1);
    }
  return g_string_free (s, FALSE);
}

static GtkWidget *
part_tab (OctaPartsView *self,
          guint          i)
{
  GtkWidget *tabs[N_PARTS] = { self->part_tab_1, self->part_tab_2, self->part_tab_3,
                               self->part_tab_4 };

  return tabs[i];
}

static GtkWidget *
page_button (OctaPartsView *self,
             guint          i)
{
  GtkWidget *pages[6] = { self->page_1, self->page_2, self->page_3, self->page_4, self->page_5,
                          self->page_6 };

  return pages[i];
}

static void
refresh_header (OctaPartsView *self)
{
  g_autoptr(OctaBank) bank = self->project ? octa_project_get_bank (self->project, self->bank)
                                           : NULL;
  g_autofree char *bank_text = NULL;

  self->syncing = TRUE;
  bank_text = g_strdup_printf (_("Bank %c · Part"), 'A' + self->bank);
  gtk_label_set_text (GTK_LABEL (self->bank_label), bank_text);

  for (guint i = 0; i < N_BANKS; i++)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->bank_keys[i]), i == self->bank);

  for (guint i = 0; i < N_PARTS; i++)
    {
      g_autoptr(OctaPart) part = bank ? octa_bank_get_part (bank, i) : NULL;
      g_autofree char *title = part ? part_title (part) : g_strdup_printf ("%u", i + 1);
      g_autofree char *users = part ? used_by (self, i) : g_strdup ("");
      g_autofree char *subtitle = *users ? g_strdup_printf (_("used by %s"), users)
                                         : g_strdup (_("not used"));
      GtkWidget *row = self->part_rows[i];
      GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
      GtkWidget *title_label = gtk_widget_get_first_child (box);
      GtkWidget *subtitle_label = gtk_widget_get_next_sibling (title_label);
      g_autofree char *row_title = g_strdup_printf (_("Part %s"), title);

      gtk_button_set_label (GTK_BUTTON (part_tab (self, i)), title);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (part_tab (self, i)),
                                    i == self->part_index);
      gtk_label_set_text (GTK_LABEL (title_label), row_title);
      gtk_label_set_text (GTK_LABEL (subtitle_label), subtitle);
      if (i == self->part_index)
        {
          g_autofree char *header = *users ? g_strdup_printf (_("used by %s"), users)
                                           : g_strdup (_("not used by any pattern"));

          gtk_label_set_text (GTK_LABEL (self->used_by_label), header);
          gtk_list_box_select_row (GTK_LIST_BOX (self->part_list), GTK_LIST_BOX_ROW (row));
        }
    }

  gtk_widget_set_sensitive (self->save_part_button, self->part != NULL);
  gtk_widget_set_sensitive (self->save_all_button, self->part != NULL);
  gtk_widget_set_sensitive (self->rename_button, self->part != NULL);
  gtk_widget_set_sensitive (self->reload_part_button,
                            self->part != NULL && octa_part_get_has_saved (self->part));
  gtk_widget_set_sensitive (self->compare_part_button,
                            self->part != NULL && octa_part_get_has_saved (self->part));
  gtk_widget_set_tooltip_text (self->compare_part_button,
                               self->part != NULL && !octa_part_get_has_saved (self->part)
                               ? _("This part has never been saved, so there is no saved copy "
                                   "to compare with")
                               : _("Compare the part with its saved copy"));
  gtk_widget_set_tooltip_text (self->reload_part_button,
                               self->part != NULL && !octa_part_get_has_saved (self->part)
                               ? _("This part has never been saved, so there is no saved copy "
                                   "to return to")
                               : _("Return the part to its saved copy (part RELOAD on the "
                                   "device)"));

  for (guint i = 0; i < 5; i++)
    gtk_button_set_label (GTK_BUTTON (page_button (self, i)),
                          octa_part_page_title (self->midi, i));
  gtk_widget_set_visible (self->page_6, !self->midi);
  gtk_widget_set_sensitive (self->main_button, self->page != OCTA_PART_PAGE_REC);
  gtk_widget_set_sensitive (self->setup_button, self->page != OCTA_PART_PAGE_REC &&
                                                self->scene < 0);

  if (self->scene >= 0)
    {
      g_autofree char *banner = g_strdup_printf (_("Editing scene %d — knobs set scene locks"),
                                                 self->scene + 1);

      gtk_label_set_text (GTK_LABEL (self->scene_banner_label), banner);
    }
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->scene_banner), self->scene >= 0);
  self->syncing = FALSE;
}

static void
refresh (OctaPartsView *self)
{
  g_autoptr(OctaScene) scene = edited_scene (self);
  g_autoptr(OctaScene) scene_a = NULL;
  g_autoptr(OctaScene) scene_b = NULL;
  g_autofree char *shape = NULL;

  fetch_tracks (self);
  shape = compute_shape (self);
  if (g_strcmp0 (shape, self->shape) != 0)
    {
      rebuild (self);
      return;
    }

  if (self->part != NULL)
    {
      scene_a = octa_part_get_scene (self->part, octa_part_get_active_scene_a (self->part) - 1);
      scene_b = octa_part_get_scene (self->part, octa_part_get_active_scene_b (self->part) - 1);
    }
  for (guint i = 0; i < self->dials->len; i++)
    refresh_dial (self, g_ptr_array_index (self->dials, i), scene, scene_a, scene_b);
  /* A dropped or unassigned slot changes the sample a title names. */
  for (guint t = 0; t < N_TRACKS; t++)
    if (self->titles[t] != NULL && self->tracks[t] != NULL)
      {
        g_autofree char *title = track_title (self, t);

        if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (self->titles[t])), title) != 0)
          gtk_label_set_markup (GTK_LABEL (self->titles[t]), title);
      }

  refresh_header (self);
  octa_scene_strip_set_part (self->scene_strip, self->part);
  octa_crossfader_set_part (self->crossfader, self->part);
}

static void
load_part (OctaPartsView *self)
{
  g_autoptr(OctaBank) bank = NULL;

  if (self->fx_infobar != NULL)
    gtk_info_bar_set_revealed (GTK_INFO_BAR (self->fx_infobar), FALSE);
  g_clear_object (&self->part);
  if (self->project != NULL)
    bank = octa_project_get_bank (self->project, self->bank);
  if (bank != NULL)
    self->part = octa_bank_get_part (bank, self->part_index);
  refresh (self);
}

static void
parameter_controls_changed_cb (GSettings     *settings,
                               const char    *key,
                               OctaPartsView *self)
{
  g_autofree char *style = g_settings_get_string (settings, key);
  gboolean sliders = g_strcmp0 (style, "sliders") == 0;

  if (sliders == self->sliders)
    return;
  self->sliders = sliders;
  if (self->project != NULL)
    rebuild (self);
}

static void
project_changed_cb (OctaProject   *project,
                    OctaPartsView *self)
{
  /* Mid-gesture the dial being turned already shows its value. */
  refresh (self);
}

/* ---- template callbacks ---- */

static void
part_row_activated_cb (GtkListBox    *list,
                       GtkListBoxRow *row,
                       OctaPartsView *self)
{
  if (!self->syncing)
    octa_parts_view_set_part (self, gtk_list_box_row_get_index (row));
}

static void
part_tab_toggled_cb (GtkToggleButton *button,
                     OctaPartsView   *self)
{
  if (self->syncing || !gtk_toggle_button_get_active (button))
    return;
  for (guint i = 0; i < N_PARTS; i++)
    if (part_tab (self, i) == GTK_WIDGET (button))
      octa_parts_view_set_part (self, i);
}

static void
bank_key_toggled_cb (GtkToggleButton *button,
                     OctaPartsView   *self)
{
  if (self->syncing || !gtk_toggle_button_get_active (button))
    return;
  octa_parts_view_set_bank (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button),
                                                                       "bank")));
}

static void
page_toggled_cb (GtkToggleButton *button,
                 OctaPartsView   *self)
{
  if (self->syncing || !gtk_toggle_button_get_active (button))
    return;
  for (guint i = 0; i < 6; i++)
    if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (page_button (self, i))))
      self->page = i;
  self->setup = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->setup_button));
  self->midi = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->midi_button));
  gtk_info_bar_set_revealed (GTK_INFO_BAR (self->fx_infobar), FALSE);
  if (self->midi && self->page == OCTA_PART_PAGE_REC)
    {
      octa_parts_view_set_page (self, OCTA_PART_PAGE_SRC, self->setup);
      return;
    }
  refresh (self);
}

static void
rename_popover_show_cb (GtkPopover    *popover,
                        OctaPartsView *self)
{
  g_autofree char *name = self->part ? octa_part_dup_name (self->part) : g_strdup ("");

  gtk_editable_set_text (GTK_EDITABLE (self->rename_entry), name);
  gtk_widget_set_visible (self->rename_error, FALSE);
  gtk_widget_grab_focus (self->rename_entry);
}

/* The device shows part names in upper case; typing lower case is fine. */
static void
rename_changed_cb (GtkEditable   *editable,
                   OctaPartsView *self)
{
  const char *text = gtk_editable_get_text (editable);
  g_autofree char *upper = g_ascii_strup (text, -1);
  int pos;

  if (g_strcmp0 (text, upper) == 0)
    return;
  pos = gtk_editable_get_position (editable);
  gtk_editable_set_text (editable, upper);
  gtk_editable_set_position (editable, pos);
}

static void
rename_activate_cb (GtkEntry      *entry,
                    OctaPartsView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));

  if (self->part == NULL)
    return;
  g_strstrip (name);
  for (const char *p = name; *p; p++)
    if (!g_ascii_isupper (*p) && !g_ascii_isdigit (*p) && !strchr (" -_.#+", *p))
      {
        gtk_label_set_text (GTK_LABEL (self->rename_error),
                            _("The Octatrack shows only letters, digits, spaces and - _ . # +"));
        gtk_widget_set_visible (self->rename_error, TRUE);
        return;
      }
  if (*name == '\0' || !octa_part_set_name (self->part, name, &error))
    {
      gtk_label_set_text (GTK_LABEL (self->rename_error),
                          error ? error->message : _("A part needs a name."));
      gtk_widget_set_visible (self->rename_error, TRUE);
      return;
    }
  gtk_popover_popdown (GTK_POPOVER (self->rename_popover));
}

static void
emit_toast (OctaPartsView *self,
            const char    *text)
{
  g_signal_emit (self, signals[TOAST], 0, text);
}

static char *
part_label (OctaPart *part)
{
  g_autofree char *name = octa_part_dup_name (part);

  return g_strdup_printf ("%u %s", octa_part_get_index (part) + 1, name);
}

static void
save_part_cb (GtkButton     *button,
              OctaPartsView *self)
{
  g_autofree char *label = NULL;
  g_autofree char *text = NULL;

  if (self->part == NULL)
    return;
  label = part_label (self->part);
  text = g_strdup_printf (_("Saved part %s"), label);
  octa_part_save (self->part);
  emit_toast (self, text);
}

static void
reload_part_cb (GtkButton     *button,
                OctaPartsView *self)
{
  g_autofree char *label = NULL;
  g_autofree char *text = NULL;

  if (self->part == NULL || !octa_part_get_has_saved (self->part))
    return;
  label = part_label (self->part);
  text = g_strdup_printf (_("Reloaded part %s from its saved copy"), label);
  octa_part_reload (self->part);
  emit_toast (self, text);
}

static void
compare_part_cb (GtkButton     *button,
                 OctaPartsView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root))
                                             : NULL;
  GtkWidget *window;

  if (self->part == NULL)
    return;
  window = octa_diff_window_new_for_part (app, self->part);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (window));
}

static void
save_all_cb (GtkButton     *button,
             OctaPartsView *self)
{
  g_autoptr(OctaBank) bank = NULL;

  if (self->project == NULL)
    return;
  bank = octa_project_get_bank (self->project, self->bank);
  if (bank == NULL)
    return;
  octa_project_begin_change (self->project, _("Save all parts"));
  for (guint i = 0; i < N_PARTS; i++)
    {
      g_autoptr(OctaPart) part = octa_bank_get_part (bank, i);

      if (part != NULL)
        octa_part_save (part);
    }
  octa_project_end_change (self->project);
  {
    g_autofree char *text = g_strdup_printf (_("Saved all parts of bank %c"), 'A' + self->bank);

    emit_toast (self, text);
  }
}

static void
scene_selected_cb (OctaSceneStrip *strip,
                   GParamSpec     *pspec,
                   OctaPartsView  *self)
{
  if (self->syncing)
    return;
  octa_parts_view_edit_scene (self, octa_scene_strip_get_selected (strip));
}

static void
scene_done_cb (GtkButton     *button,
               OctaPartsView *self)
{
  octa_parts_view_edit_scene (self, -1);
}

static void
crossfader_changed_cb (OctaCrossfader *fader,
                       GParamSpec     *pspec,
                       OctaPartsView  *self)
{
  refresh (self);
}

/* ---- keys ---- */

static guint
physical_digit (GtkEventControllerKey *controller,
                guint                  keyval_in,
                guint                  keycode)
{
  GdkDisplay *display = gtk_widget_get_display (
    gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
  guint keyval = 0;

  /* By position, so AZERTY's digit row works unshifted as on QWERTY. */
  if (keycode == 0 ||
      !gdk_display_translate_key (display, keycode, 0, 0, &keyval, NULL, NULL, NULL))
    keyval = keyval_in;
  if (keyval >= GDK_KEY_1 && keyval <= GDK_KEY_9)
    return keyval - GDK_KEY_0;
  return 0;
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                OctaPartsView         *self)
{
  guint digit = physical_digit (controller, keyval, keycode);
  GdkModifierType mods = state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK | GDK_ALT_MASK);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (keyval == GDK_KEY_Escape && self->scene >= 0)
    {
      octa_parts_view_edit_scene (self, -1);
      return TRUE;
    }
  /* Digits type into entries; only take them when no text field has focus. */
  if (focus != NULL && GTK_IS_TEXT (focus))
    return FALSE;
  if (digit >= 1 && digit <= 5 && (mods & GDK_CONTROL_MASK) && !(mods & GDK_ALT_MASK))
    {
      octa_parts_view_set_page (self, digit - 1, (mods & GDK_SHIFT_MASK) != 0);
      return TRUE;
    }
  if (digit >= 1 && digit <= 8 && !(mods & (GDK_CONTROL_MASK | GDK_ALT_MASK)))
    {
      gboolean midi = (mods & GDK_SHIFT_MASK) != 0;

      if (midi != self->midi)
        octa_parts_view_set_midi (self, midi);
      for (guint i = 0; i < self->dials->len; i++)
        {
          DialBinding *binding = g_object_get_data (g_ptr_array_index (self->dials, i), "binding");

          if (binding->track == digit - 1)
            {
              gtk_widget_grab_focus (g_ptr_array_index (self->dials, i));
              return TRUE;
            }
        }
      return TRUE;
    }
  return FALSE;
}

/* ---- GObject ---- */

static void
octa_parts_view_dispose (GObject *object)
{
  OctaPartsView *self = OCTA_PARTS_VIEW (object);

  octa_parts_view_set_project (self, NULL);
  g_clear_object (&self->part);
  for (guint t = 0; t < N_TRACKS; t++)
    g_clear_object (&self->tracks[t]);
  g_clear_pointer (&self->dials, g_ptr_array_unref);
  g_clear_object (&self->settings);
  g_clear_handle_id (&self->retire_id, g_source_remove);
  g_clear_pointer (&self->retired, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), OCTA_TYPE_PARTS_VIEW);
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }

  G_OBJECT_CLASS (octa_parts_view_parent_class)->dispose (object);
}

static void
octa_parts_view_finalize (GObject *object)
{
  OctaPartsView *self = OCTA_PARTS_VIEW (object);

  g_free (self->shape);
  G_OBJECT_CLASS (octa_parts_view_parent_class)->finalize (object);
}

static void
octa_parts_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  OctaPartsView *self = OCTA_PARTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_BANK:
      g_value_set_uint (value, self->bank);
      break;
    case PROP_PART:
      g_value_set_uint (value, self->part_index);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
octa_parts_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  OctaPartsView *self = OCTA_PARTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      octa_parts_view_set_project (self, g_value_get_object (value));
      break;
    case PROP_BANK:
      octa_parts_view_set_bank (self, g_value_get_uint (value));
      break;
    case PROP_PART:
      octa_parts_view_set_part (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
octa_parts_view_class_init (OctaPartsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = octa_parts_view_dispose;
  object_class->finalize = octa_parts_view_finalize;
  object_class->get_property = octa_parts_view_get_property;
  object_class->set_property = octa_parts_view_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, OCTA_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * OctaPartsView:bank:
   *
   * The bank whose parts are shown, 0…15 for A…P.
   */
  properties[PROP_BANK] =
    g_param_spec_uint ("bank", NULL, NULL, 0, N_BANKS - 1, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * OctaPartsView:part:
   *
   * The part shown, 0…3; the window sets it to the current pattern's part.
   */
  properties[PROP_PART] =
    g_param_spec_uint ("part", NULL, NULL, 0, N_PARTS - 1, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * OctaPartsView::toast:
   * @text: the message, "Reloaded part 2 TWO from its saved copy"
   *
   * A part was saved or reloaded; the window shows the toast (with Undo).
   */
  signals[TOAST] =
    g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (OCTA_TYPE_SCENE_STRIP);
  g_type_ensure (OCTA_TYPE_CROSSFADER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/octadesk/Octadesk/octa-parts-view.ui");
  gtk_widget_class_bind_template_child (widget_class, OctaPartsView, flap);
  gtk_widget_class_bind_template_child (widget_class, OctaPartsView, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, OctaPartsView, sidebar);
  gtk_widget_class_bind_template_child (widget_class, OctaPartsView, bank_grid);
  gtk_widget_class_bind_template_child (widget_class, OctaPartsView, part_list);
  gtk_widget_class_bind_template_child (widget_class, OctaPartsView, content);
  gtk_widget_class_bind_template_child (widget_class, OctaPartsView, bank_label);
  gtk_widget_class_bind_template_child (widget_class, OctaPartsView, part_tab_1);
  gtk_widget_class_bind_template_child (widget_class, OctaPartsView, part_tab_2);
  gtk_widget_class_bind_template_child (widget_class, OctaPartsView, part_tab_3);
  gtk_widget_class_bind_template_child (widget_class, OctaPartsView, part_tab_4);
  gtk_widget_class_bind_template_child (widget_class, OctaPartsView, rename_button);
  gtk_widget_class_bind_template_child (widget_class, OctaPartsView, rename_popover);
  gtk_widget_class_bind_template_child (widget_class, OctaPartsView, rename_entry);
  gtk_widget_class_bind_template_child (widget_class, OctaPartsView, rename_error);
  gtk_widget_class_bind_template_child (widget_class, OctaPartsView, used_by_label);
  gtk_widget_class_bind_template_child (widget_class, OctaPartsView, save_part_button);
  gtk_widget_class_bind_template_child (widget_class, OctaPartsView, reload_part_button);
  gtk_widget_class_bind_template_child (widget_class, OctaPartsView, compare_part_button);
  gtk_widget_class_bind_template_child (widget_class, OctaPartsView, save_all_button);
  gtk_widget_class_bind_template_child (widget_class, OctaPartsView, page_1);
  gtk_widget_class_bind_template_child (widget_class, OctaPartsView, page_2);
  gtk_widget_class_bind_template_child (widget_class, OctaPartsView, page_3);
  gtk_widget_class_bind_template_child (widget_class, OctaPartsView, page_4);
  gtk_widget_class_bind_template_child (widget_class, OctaPartsView, page_5);
  gtk_widget_class_bind_template_child (widget_class, OctaPartsView, page_6);
  gtk_widget_class_bind_template_child (widget_class, OctaPartsView, main_button);
  gtk_widget_class_bind_template_child (widget_class, OctaPartsView, setup_button);
  gtk_widget_class_bind_template_child (widget_class, OctaPartsView, audio_button);
  gtk_widget_class_bind_template_child (widget_class, OctaPartsView, midi_button);
  gtk_widget_class_bind_template_child (widget_class, OctaPartsView, fx_infobar);
  gtk_widget_class_bind_template_child (widget_class, OctaPartsView, fx_infobar_label);
  gtk_widget_class_bind_template_child (widget_class, OctaPartsView, fx_defaults_button);
  gtk_widget_class_bind_template_child (widget_class, OctaPartsView, scene_banner);
  gtk_widget_class_bind_template_callback (widget_class, fx_infobar_response_cb);
  gtk_widget_class_bind_template_child (widget_class, OctaPartsView, scene_banner_label);
  gtk_widget_class_bind_template_child (widget_class, OctaPartsView, rows_grid);
  gtk_widget_class_bind_template_child (widget_class, OctaPartsView, scene_strip);
  gtk_widget_class_bind_template_child (widget_class, OctaPartsView, crossfader);
  gtk_widget_class_bind_template_callback (widget_class, part_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, part_tab_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, page_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, rename_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, rename_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, rename_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_part_cb);
  gtk_widget_class_bind_template_callback (widget_class, reload_part_cb);
  gtk_widget_class_bind_template_callback (widget_class, compare_part_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_all_cb);
  gtk_widget_class_bind_template_callback (widget_class, scene_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, scene_done_cb);
  gtk_widget_class_bind_template_callback (widget_class, crossfader_changed_cb);

  gtk_widget_class_set_css_name (widget_class, "partsview");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
octa_parts_view_init (OctaPartsView *self)
{
  GtkEventController *controller;

  octa_css_ensure ("/io/github/octadesk/Octadesk/octa-parts-view.css");
  self->scene = -1;
  self->dials = g_ptr_array_new ();
  self->retired = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (OCTA_APP_ID);
  g_signal_connect (self->settings, "changed::parameter-controls",
                    G_CALLBACK (parameter_controls_changed_cb), self);
  parameter_controls_changed_cb (self->settings, "parameter-controls", self);
  {
    GtkDropTarget *target = gtk_drop_target_new (OCTA_TYPE_SAMPLE_SLOT, GDK_ACTION_COPY);

    gtk_drop_target_set_preload (target, TRUE);
    g_signal_connect (target, "enter", G_CALLBACK (slot_drop_motion_cb), self);
    g_signal_connect (target, "motion", G_CALLBACK (slot_drop_motion_cb), self);
    g_signal_connect (target, "leave", G_CALLBACK (slot_drop_leave_cb), self);
    g_signal_connect (target, "drop", G_CALLBACK (slot_drop_cb), self);
    gtk_widget_add_controller (self->rows_grid, GTK_EVENT_CONTROLLER (target));
  }
  /* Below about 1100 px the parts list folds away; this button brings it. */
  g_object_bind_property (self->flap, "folded", self->sidebar_button, "visible",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->flap, "reveal-flap", self->sidebar_button, "active",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);

  for (guint i = 0; i < N_BANKS; i++)
    {
      char letter[2] = { 'A' + i, '\0' };
      g_autofree char *tip = g_strdup_printf (_("Bank %c"), 'A' + i);

      self->bank_keys[i] = gtk_toggle_button_new_with_label (letter);
      gtk_widget_add_css_class (self->bank_keys[i], "flat");
      gtk_widget_add_css_class (self->bank_keys[i], "octa-bank-key");
      gtk_widget_set_tooltip_text (self->bank_keys[i], tip);
      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (self->bank_keys[i]),
                                     GTK_TOGGLE_BUTTON (self->bank_keys[0]));
      g_object_set_data (G_OBJECT (self->bank_keys[i]), "bank", GUINT_TO_POINTER (i));
      g_signal_connect (self->bank_keys[i], "toggled", G_CALLBACK (bank_key_toggled_cb), self);
      gtk_grid_attach (GTK_GRID (self->bank_grid), self->bank_keys[i], i % 8, i / 8, 1, 1);
    }

  for (guint i = 0; i < N_PARTS; i++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *title = gtk_label_new (NULL);
      GtkWidget *subtitle = gtk_label_new (NULL);

      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
      gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (subtitle), 26);
      gtk_label_set_width_chars (GTK_LABEL (subtitle), 26);
      gtk_widget_add_css_class (subtitle, "caption");
      gtk_widget_add_css_class (subtitle, "dim-label");
      gtk_widget_add_css_class (subtitle, "numeric");
      gtk_box_append (GTK_BOX (box), title);
      gtk_box_append (GTK_BOX (box), subtitle);
      self->part_rows[i] = gtk_list_box_row_new ();
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self->part_rows[i]), box);
      gtk_list_box_append (GTK_LIST_BOX (self->part_list), self->part_rows[i]);
    }

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_BUBBLE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  load_part (self);
}

GtkWidget *
octa_parts_view_new (void)
{
  return g_object_new (OCTA_TYPE_PARTS_VIEW, NULL);
}

void
octa_parts_view_set_project (OctaPartsView *self,
                             OctaProject   *project)
{
  g_return_if_fail (OCTA_IS_PARTS_VIEW (self));
  g_return_if_fail (project == NULL || OCTA_IS_PROJECT (project));

  if (self->project == project)
    return;
  if (self->project != NULL)
    {
      while (self->editing > 0)
        {
          self->editing--;
          octa_project_end_change (self->project);
        }
      g_clear_signal_handler (&self->changed_id, self->project);
      g_clear_object (&self->project);
    }
  if (project != NULL)
    {
      self->project = g_object_ref (project);
      self->changed_id = g_signal_connect (project, "changed", G_CALLBACK (project_changed_cb),
                                           self);
    }
  self->scene = -1;
  if (self->dials != NULL)
    load_part (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

void
octa_parts_view_set_bank (OctaPartsView *self,
                          guint          bank)
{
  g_return_if_fail (OCTA_IS_PARTS_VIEW (self));
  g_return_if_fail (bank < N_BANKS);

  if (self->bank == bank)
    return;
  self->bank = bank;
  self->scene = -1;
  octa_scene_strip_set_selected (self->scene_strip, -1);
  load_part (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BANK]);
}

void
octa_parts_view_set_part (OctaPartsView *self,
                          guint          part)
{
  g_return_if_fail (OCTA_IS_PARTS_VIEW (self));
  g_return_if_fail (part < N_PARTS);

  if (self->part_index == part)
    return;
  self->part_index = part;
  self->scene = -1;
  octa_scene_strip_set_selected (self->scene_strip, -1);
  load_part (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PART]);
}

/**
 * octa_parts_view_set_page:
 * @self: a parts view
 * @page: an #OctaPartPage
 * @setup: whether to show the page's SETUP values
 */
void
octa_parts_view_set_page (OctaPartsView *self,
                          guint          page,
                          gboolean       setup)
{
  g_return_if_fail (OCTA_IS_PARTS_VIEW (self));
  g_return_if_fail (page <= OCTA_PART_PAGE_REC);

  if (page == OCTA_PART_PAGE_REC)
    setup = FALSE;
  gtk_info_bar_set_revealed (GTK_INFO_BAR (self->fx_infobar), FALSE);
  self->syncing = TRUE;
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (page_button (self, page)), TRUE);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (setup ? self->setup_button
                                                         : self->main_button), TRUE);
  self->syncing = FALSE;
  self->page = page;
  self->setup = setup;
  refresh (self);
}

void
octa_parts_view_set_midi (OctaPartsView *self,
                          gboolean       midi)
{
  g_return_if_fail (OCTA_IS_PARTS_VIEW (self));

  self->syncing = TRUE;
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (midi ? self->midi_button
                                                        : self->audio_button), TRUE);
  self->syncing = FALSE;
  self->midi = midi;
  if (midi && self->page == OCTA_PART_PAGE_REC)
    octa_parts_view_set_page (self, OCTA_PART_PAGE_SRC, self->setup);
  refresh (self);
}

/**
 * octa_parts_view_edit_scene:
 * @self: a parts view
 * @scene: 0…15 to make knobs set that scene's locks, -1 to leave
 */
void
octa_parts_view_edit_scene (OctaPartsView *self,
                            gint           scene)
{
  g_return_if_fail (OCTA_IS_PARTS_VIEW (self));
  g_return_if_fail (scene >= -1 && scene < N_SCENES);

  self->scene = self->part != NULL ? scene : -1;
  self->syncing = TRUE;
  octa_scene_strip_set_selected (self->scene_strip, self->scene);
  if (self->scene >= 0 && self->setup)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->main_button), TRUE);
  self->syncing = FALSE;
  if (self->scene >= 0)
    self->setup = FALSE;
  refresh (self);
}

/**
 * octa_parts_view_get_dial:
 * @self: a parts view
 * @track: 0…7
 * @property: the part track property the dial edits, or "xlv"
 *
 * Returns: (transfer none) (nullable): the dial on the page shown
 */
GtkWidget *
octa_parts_view_get_dial (OctaPartsView *self,
                          guint          track,
                          const char    *property)
{
  g_return_val_if_fail (OCTA_IS_PARTS_VIEW (self), NULL);

  for (guint i = 0; i < self->dials->len; i++)
    {
      GtkWidget *dial = g_ptr_array_index (self->dials, i);
      DialBinding *binding = g_object_get_data (G_OBJECT (dial), "binding");

      if (binding->track == track && g_strcmp0 (binding->property, property) == 0)
        return dial;
    }
  return NULL;
}
