/* SPDX-License-Identifier: MIT */
#include "octa-marker-controls.h"

#include <glib/gi18n.h>

/**
 * OctaMarkerControls:
 *
 * The row under an #OctaWaveform for exact numbers: trim start and end and
 * the loop point in frames, the trimmed length in seconds and in bars at
 * the slot's tempo, and "N equal slices". It follows the waveform's slot.
 */
struct _OctaMarkerControls
{
  GtkWidget      parent_instance;

  OctaWaveform  *waveform;
  OctaMarkers   *markers;
  OctaSampleSlot *slot;
  gboolean       syncing;

  /* template children */
  GtkWidget     *box;
  GtkSpinButton *trim_start_spin;
  GtkSpinButton *trim_end_spin;
  GtkSpinButton *loop_spin;
  GtkLabel      *length_label;
  GtkSpinButton *slices_spin;
  GtkButton     *equal_button;
};

G_DEFINE_FINAL_TYPE (OctaMarkerControls, octa_marker_controls, GTK_TYPE_WIDGET)

static void
set_spin (GtkSpinButton *spin,
          guint          value,
          guint64        upper)
{
  GtkAdjustment *adj = gtk_spin_button_get_adjustment (spin);

  gtk_adjustment_set_upper (adj, (double) MAX (upper, value));
  gtk_spin_button_set_value (spin, value);
}

static char *
length_text (OctaMarkerControls *self,
             guint               start,
             guint               end)
{
  OctaSampleSlot *slot = octa_waveform_get_slot (self->waveform);
  guint rate = octa_waveform_get_rate (self->waveform);
  double seconds = (end > start ? end - start : 0) / (double) (rate ? rate : 44100);
  gint bpm_x24 = octa_sample_slot_get_bpm_x24 (slot);
  gint bars_x100 = octa_sample_slot_get_trim_bars_x100 (slot);

  if (bpm_x24 > 0)
    {
      g_autofree char *tooltip = g_strdup_printf (_("Trimmed length; bars at the sample's tempo, "
                                                    "%.1f BPM"), bpm_x24 / 24.0);

      gtk_widget_set_tooltip_text (GTK_WIDGET (self->length_label), tooltip);
      return g_strdup_printf (_("%.3f s · %.2f bars"), seconds,
                              seconds * bpm_x24 / 24.0 / 60.0 / 4.0);
    }
  if (bars_x100 >= 0)
    {
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->length_label),
                                   _("Trimmed length; bars as stored for the sample "
                                     "(TRIM_BARSx100)"));
      return g_strdup_printf (_("%.3f s · %.2f bars"), seconds, bars_x100 / 100.0);
    }
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->length_label), _("Trimmed length"));
  return g_strdup_printf ("%.3f s", seconds);
}

static void
refresh_values (OctaMarkerControls *self)
{
  gboolean active = self->markers != NULL && octa_waveform_get_loaded (self->waveform);
  guint64 frames = active ? octa_waveform_get_frames (self->waveform) : 0;

  gtk_widget_set_sensitive (self->box, active);
  self->syncing = TRUE;
  if (active)
    {
      guint start = octa_markers_get_trim_start (self->markers);
      guint end = octa_markers_get_trim_end (self->markers);
      g_autofree char *length = length_text (self, start, end);

      set_spin (self->trim_start_spin, start, frames);
      set_spin (self->trim_end_spin, end, frames);
      set_spin (self->loop_spin, octa_markers_get_loop_point (self->markers), frames);
      if (octa_markers_get_slice_count (self->markers) > 0)
        gtk_spin_button_set_value (self->slices_spin, octa_markers_get_slice_count (self->markers));
      gtk_label_set_text (self->length_label, length);
    }
  else
    {
      gtk_label_set_text (self->length_label, "");
    }
  self->syncing = FALSE;
}

static void
follow_slot (OctaMarkerControls *self)
{
  OctaSampleSlot *slot = self->waveform ? octa_waveform_get_slot (self->waveform) : NULL;

  if (self->markers != NULL)
    g_signal_handlers_disconnect_by_data (self->markers, self);
  if (self->slot != NULL)
    g_signal_handlers_disconnect_by_data (self->slot, self);
  g_clear_object (&self->markers);
  g_set_object (&self->slot, slot);
  if (slot != NULL)
    {
      self->markers = octa_sample_slot_get_markers (slot);
      g_signal_connect_swapped (self->markers, "changed", G_CALLBACK (refresh_values), self);
      /* the length in bars follows the slot's tempo */
      g_signal_connect_swapped (slot, "notify::bpm-x24", G_CALLBACK (refresh_values), self);
      g_signal_connect_swapped (slot, "notify::trim-bars-x100", G_CALLBACK (refresh_values), self);
    }
  refresh_values (self);
}

/* Typing a value is one edit, so one undo step. */
static void
trim_start_changed (OctaMarkerControls *self)
{
  if (!self->syncing && self->markers != NULL)
    octa_markers_set_trim_start (self->markers,
                                 gtk_spin_button_get_value_as_int (self->trim_start_spin));
}

static void
trim_end_changed (OctaMarkerControls *self)
{
  if (!self->syncing && self->markers != NULL)
    octa_markers_set_trim_end (self->markers,
                               gtk_spin_button_get_value_as_int (self->trim_end_spin));
}

static void
loop_changed (OctaMarkerControls *self)
{
  if (!self->syncing && self->markers != NULL)
    octa_markers_set_loop_point (self->markers, gtk_spin_button_get_value_as_int (self->loop_spin));
}

static void
make_equal_clicked (OctaMarkerControls *self)
{
  if (self->markers != NULL)
    octa_markers_make_equal_slices (self->markers,
                                    gtk_spin_button_get_value_as_int (self->slices_spin));
}

static void
octa_marker_controls_dispose (GObject *object)
{
  OctaMarkerControls *self = OCTA_MARKER_CONTROLS (object);

  octa_marker_controls_set_waveform (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), OCTA_TYPE_MARKER_CONTROLS);

  G_OBJECT_CLASS (octa_marker_controls_parent_class)->dispose (object);
}

static void
octa_marker_controls_class_init (OctaMarkerControlsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = octa_marker_controls_dispose;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/octadesk/Octadesk/octa-marker-controls.ui");
  gtk_widget_class_bind_template_child (widget_class, OctaMarkerControls, box);
  gtk_widget_class_bind_template_child (widget_class, OctaMarkerControls, trim_start_spin);
  gtk_widget_class_bind_template_child (widget_class, OctaMarkerControls, trim_end_spin);
  gtk_widget_class_bind_template_child (widget_class, OctaMarkerControls, loop_spin);
  gtk_widget_class_bind_template_child (widget_class, OctaMarkerControls, length_label);
  gtk_widget_class_bind_template_child (widget_class, OctaMarkerControls, slices_spin);
  gtk_widget_class_bind_template_child (widget_class, OctaMarkerControls, equal_button);
  gtk_widget_class_bind_template_callback (widget_class, trim_start_changed);
  gtk_widget_class_bind_template_callback (widget_class, trim_end_changed);
  gtk_widget_class_bind_template_callback (widget_class, loop_changed);
  gtk_widget_class_bind_template_callback (widget_class, make_equal_clicked);
}

static void
octa_marker_controls_init (OctaMarkerControls *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  refresh_values (self);
}

GtkWidget *
octa_marker_controls_new (void)
{
  return g_object_new (OCTA_TYPE_MARKER_CONTROLS, NULL);
}

/**
 * octa_marker_controls_set_waveform:
 * @self: the controls
 * @waveform: (nullable): the waveform whose slot they edit
 */
void
octa_marker_controls_set_waveform (OctaMarkerControls *self,
                                   OctaWaveform       *waveform)
{
  g_return_if_fail (OCTA_IS_MARKER_CONTROLS (self));
  g_return_if_fail (waveform == NULL || OCTA_IS_WAVEFORM (waveform));

  if (self->waveform == waveform)
    return;
  if (self->waveform != NULL)
    g_signal_handlers_disconnect_by_data (self->waveform, self);
  g_set_object (&self->waveform, waveform);
  if (waveform != NULL)
    {
      g_signal_connect_swapped (waveform, "notify::slot", G_CALLBACK (follow_slot), self);
      g_signal_connect_swapped (waveform, "notify::loaded", G_CALLBACK (refresh_values), self);
    }
  follow_slot (self);
}

/**
 * octa_marker_controls_get_waveform:
 * @self: the controls
 *
 * Returns: (transfer none) (nullable): the waveform followed
 */
OctaWaveform *
octa_marker_controls_get_waveform (OctaMarkerControls *self)
{
  g_return_val_if_fail (OCTA_IS_MARKER_CONTROLS (self), NULL);
  return self->waveform;
}
