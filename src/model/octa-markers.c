/* SPDX-License-Identifier: MIT */
#include "octa-sample-slot-private.h"

#include "octa-field-private.h"

/**
 * OctaMarkers:
 *
 * A sample slot's record in `markers.work`: trim start and end, loop point
 * and up to 64 slices, all in sample frames. The device sets the trim end to
 * the sample's length when a sample is assigned and never recomputes it; a
 * slot whose trim end is 0 plays nothing.
 *
 * Frame positions are unsigned 32-bit numbers in the file. The properties
 * are #gint so that they fit #OctaField and every binding: positions past
 * %G_MAXINT (over 13 hours at 44.1 kHz) read as %G_MAXINT.
 */
struct _OctaMarkers
{
  GObject         parent_instance;

  OctaSampleSlot *slot;
  OctaSlotType    type;
  guint           index;
  gint           *cache;
};

G_DEFINE_FINAL_TYPE (OctaMarkers, octa_markers, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SLOT,
  N_FIXED_PROPS
};

typedef enum
{
  FIELD_TRIM_START,
  FIELD_TRIM_END,
  FIELD_LOOP_POINT,
  FIELD_SLICE_COUNT,
} FieldId;

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_FIXED_PROPS];
static guint signals[N_SIGNALS];
static OctaFieldTable fields;

#define RECORD_SIZE 784

static OctaProject *
project_of (OctaMarkers *self)
{
  return octa_sample_slot_get_project (self->slot);
}

static OctaMarkersFile *
file_of (OctaMarkers *self)
{
  return _octa_project_get_markers_file (project_of (self), OCTA_STATE_WORK);
}

static gint
clamp_frames (guint32 frames)
{
  return frames > G_MAXINT ? G_MAXINT : (gint) frames;
}

static gint
get_field (gpointer self,
           guint    field)
{
  OctaMarkers *m = self;
  OctaMarkersFile *file = file_of (m);

  switch (field)
    {
    case FIELD_TRIM_START:
      return clamp_frames (octa_markers_file_get_trim_start (file, m->type, m->index));
    case FIELD_TRIM_END:
      return clamp_frames (octa_markers_file_get_trim_end (file, m->type, m->index));
    case FIELD_LOOP_POINT:
      return clamp_frames (octa_markers_file_get_loop_point (file, m->type, m->index));
    case FIELD_SLICE_COUNT:
    default:
      return clamp_frames (octa_markers_file_get_slice_count (file, m->type, m->index));
    }
}

static void
set_field (gpointer self,
           guint    field,
           gint     value)
{
  OctaMarkers *m = self;
  OctaMarkersFile *file = file_of (m);

  switch (field)
    {
    case FIELD_TRIM_START:
      octa_markers_file_set_trim_start (file, m->type, m->index, value);
      break;
    case FIELD_TRIM_END:
      octa_markers_file_set_trim_end (file, m->type, m->index, value);
      break;
    case FIELD_LOOP_POINT:
      octa_markers_file_set_loop_point (file, m->type, m->index, value);
      break;
    case FIELD_SLICE_COUNT:
    default:
      octa_markers_file_set_slice_count (file, m->type, m->index, value);
      break;
    }
}

static const OctaField field_defs[] = {
  [FIELD_TRIM_START] = { "trim-start", OCTA_FIELD_INT, 0, G_MAXINT, 0, NULL, get_field,
                         set_field, FIELD_TRIM_START, 1, "Change trim start" },
  [FIELD_TRIM_END] = { "trim-end", OCTA_FIELD_INT, 0, G_MAXINT, 0, NULL, get_field, set_field,
                       FIELD_TRIM_END, 1, "Change trim end" },
  [FIELD_LOOP_POINT] = { "loop-point", OCTA_FIELD_INT, 0, G_MAXINT, 0, NULL, get_field,
                         set_field, FIELD_LOOP_POINT, 1, "Change loop point" },
  [FIELD_SLICE_COUNT] = { "slice-count", OCTA_FIELD_INT, 0, OCTA_MARKERS_N_SLICES, 0, NULL,
                          get_field, set_field, FIELD_SLICE_COUNT, 1, "Change slice count" },
};

static void
octa_markers_refresh (GObject *object)
{
  OctaMarkers *self = OCTA_MARKERS (object);

  octa_field_table_refresh (&fields, self, self->cache);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
octa_markers_finalize (GObject *object)
{
  OctaMarkers *self = OCTA_MARKERS (object);

  _octa_project_unwatch (project_of (self), object);
  _octa_sample_slot_forget_markers (self->slot);
  g_clear_object (&self->slot);
  g_clear_pointer (&self->cache, g_free);

  G_OBJECT_CLASS (octa_markers_parent_class)->finalize (object);
}

static void
octa_markers_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  OctaMarkers *self = OCTA_MARKERS (object);

  if (octa_field_table_get (&fields, self, prop_id, value))
    return;

  switch (prop_id)
    {
    case PROP_SLOT:
      g_value_set_object (value, self->slot);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
octa_markers_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  OctaMarkers *self = OCTA_MARKERS (object);

  if (!octa_field_table_set (&fields, self, project_of (self), prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
octa_markers_class_init (OctaMarkersClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = octa_markers_finalize;
  object_class->get_property = octa_markers_get_property;
  object_class->set_property = octa_markers_set_property;

  /**
   * OctaMarkers:slot:
   *
   * The slot these markers belong to.
   */
  properties[PROP_SLOT] =
    g_param_spec_object ("slot", NULL, NULL, OCTA_TYPE_SAMPLE_SLOT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_FIXED_PROPS, properties);

  /**
   * OctaMarkers:trim-start:
   *
   * Where playback starts, in frames.
   */
  /**
   * OctaMarkers:trim-end:
   *
   * Where playback ends, in frames; normally the sample's length.
   */
  /**
   * OctaMarkers:loop-point:
   *
   * Where a looping sample jumps back to, in frames. Whether it loops is the
   * slot's #OctaSampleSlot:loop-mode.
   */
  /**
   * OctaMarkers:slice-count:
   *
   * How many of the 64 slices are in use.
   */
  octa_field_table_install (&fields, object_class, N_FIXED_PROPS, field_defs,
                            G_N_ELEMENTS (field_defs));

  /**
   * OctaMarkers::changed:
   * @self: the markers
   *
   * Emitted after any byte of the record changed, slices included (they
   * have no properties).
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
octa_markers_init (OctaMarkers *self)
{
}

OctaMarkers *
_octa_markers_new (OctaSampleSlot *slot)
{
  OctaMarkers *self = g_object_new (OCTA_TYPE_MARKERS, NULL);
  gsize offset;

  self->slot = g_object_ref (slot);
  _octa_sample_slot_get_codec (slot, &self->type, &self->index);
  self->cache = octa_field_table_snapshot (&fields, self);
  offset = octa_markers_slot_offset (self->type, self->index);
  _octa_project_watch (project_of (self), octa_file_id_markers (OCTA_STATE_WORK),
                       offset, offset + RECORD_SIZE, G_OBJECT (self), octa_markers_refresh);
  return self;
}

/**
 * octa_markers_get_slot:
 * @self: markers
 *
 * Returns: (transfer none): the slot these markers belong to
 */
OctaSampleSlot *
octa_markers_get_slot (OctaMarkers *self)
{
  g_return_val_if_fail (OCTA_IS_MARKERS (self), NULL);
  return self->slot;
}

guint
octa_markers_get_trim_start (OctaMarkers *self)
{
  g_return_val_if_fail (OCTA_IS_MARKERS (self), 0);
  return octa_markers_file_get_trim_start (file_of (self), self->type, self->index);
}

/**
 * octa_markers_set_trim_start:
 * @self: markers
 * @frames: 0…%G_MAXINT
 */
void
octa_markers_set_trim_start (OctaMarkers *self,
                             guint        frames)
{
  g_return_if_fail (OCTA_IS_MARKERS (self));
  g_return_if_fail (frames <= G_MAXINT);
  octa_field_set_int (&fields, self, project_of (self), FIELD_TRIM_START, frames);
}

guint
octa_markers_get_trim_end (OctaMarkers *self)
{
  g_return_val_if_fail (OCTA_IS_MARKERS (self), 0);
  return octa_markers_file_get_trim_end (file_of (self), self->type, self->index);
}

/**
 * octa_markers_set_trim_end:
 * @self: markers
 * @frames: 0…%G_MAXINT
 */
void
octa_markers_set_trim_end (OctaMarkers *self,
                           guint        frames)
{
  g_return_if_fail (OCTA_IS_MARKERS (self));
  g_return_if_fail (frames <= G_MAXINT);
  octa_field_set_int (&fields, self, project_of (self), FIELD_TRIM_END, frames);
}

guint
octa_markers_get_loop_point (OctaMarkers *self)
{
  g_return_val_if_fail (OCTA_IS_MARKERS (self), 0);
  return octa_markers_file_get_loop_point (file_of (self), self->type, self->index);
}

/**
 * octa_markers_set_loop_point:
 * @self: markers
 * @frames: 0…%G_MAXINT
 */
void
octa_markers_set_loop_point (OctaMarkers *self,
                             guint        frames)
{
  g_return_if_fail (OCTA_IS_MARKERS (self));
  g_return_if_fail (frames <= G_MAXINT);
  octa_field_set_int (&fields, self, project_of (self), FIELD_LOOP_POINT, frames);
}

guint
octa_markers_get_slice_count (OctaMarkers *self)
{
  g_return_val_if_fail (OCTA_IS_MARKERS (self), 0);
  return octa_markers_file_get_slice_count (file_of (self), self->type, self->index);
}

/**
 * octa_markers_set_slice_count:
 * @self: markers
 * @count: 0…64
 *
 * Changes how many slices are in use; the slice entries themselves stay.
 */
void
octa_markers_set_slice_count (OctaMarkers *self,
                              guint        count)
{
  g_return_if_fail (OCTA_IS_MARKERS (self));
  g_return_if_fail (count <= OCTA_MARKERS_N_SLICES);
  octa_field_set_int (&fields, self, project_of (self), FIELD_SLICE_COUNT, count);
}

/**
 * octa_markers_get_slice:
 * @self: markers
 * @index: 0…63
 * @start: (out) (optional): first frame
 * @end: (out) (optional): end frame
 * @loop: (out) (optional): loop point, or %OCTA_MARKERS_NO_LOOP
 *
 * Reads slice @index as stored, whether or not it is below the slice count.
 */
void
octa_markers_get_slice (OctaMarkers *self,
                        guint        index,
                        guint       *start,
                        guint       *end,
                        guint       *loop)
{
  OctaSlice slice;

  g_return_if_fail (OCTA_IS_MARKERS (self));
  g_return_if_fail (index < OCTA_MARKERS_N_SLICES);

  slice = octa_markers_file_get_slice (file_of (self), self->type, self->index, index);
  if (start != NULL)
    *start = slice.start;
  if (end != NULL)
    *end = slice.end;
  if (loop != NULL)
    *loop = slice.loop;
}

/**
 * octa_markers_set_slice:
 * @self: markers
 * @index: 0…63
 * @start: first frame
 * @end: end frame, not before @start
 * @loop: loop point, or %OCTA_MARKERS_NO_LOOP
 *
 * Stores slice @index in one undo step. The slice count is not changed.
 */
void
octa_markers_set_slice (OctaMarkers *self,
                        guint        index,
                        guint        start,
                        guint        end,
                        guint        loop)
{
  OctaSlice slice;
  OctaProject *project;

  g_return_if_fail (OCTA_IS_MARKERS (self));
  g_return_if_fail (index < OCTA_MARKERS_N_SLICES);
  g_return_if_fail (start <= end);

  slice.start = start;
  slice.end = end;
  slice.loop = loop;
  project = project_of (self);
  octa_project_begin_change (project, "Change slice");
  octa_markers_file_set_slice (file_of (self), self->type, self->index, index, slice);
  octa_project_end_change (project);
}

/**
 * octa_markers_set_slices_equal:
 * @self: markers
 * @n_slices: 0…64
 * @frames: the length to divide, or 0 for the trim end
 *
 * Divides frames 0…@frames into @n_slices slices of equal length (rounded
 * down to whole frames), without loop points, and sets the slice count, in
 * one undo step. The entries past the new count are zeroed, as the device
 * leaves them.
 */
void
octa_markers_set_slices_equal (OctaMarkers *self,
                               guint        n_slices,
                               guint        frames)
{
  OctaMarkersFile *file;
  OctaProject *project;

  g_return_if_fail (OCTA_IS_MARKERS (self));
  g_return_if_fail (n_slices <= OCTA_MARKERS_N_SLICES);

  file = file_of (self);
  if (frames == 0)
    frames = octa_markers_file_get_trim_end (file, self->type, self->index);

  project = project_of (self);
  octa_project_begin_change (project, "Slice sample");
  for (guint i = 0; i < OCTA_MARKERS_N_SLICES; i++)
    {
      OctaSlice slice = { 0, 0, 0 };

      if (i < n_slices)
        {
          slice.start = (guint32) ((guint64) frames * i / n_slices);
          slice.end = (guint32) ((guint64) frames * (i + 1) / n_slices);
          slice.loop = OCTA_MARKERS_NO_LOOP;
        }
      octa_markers_file_set_slice (file, self->type, self->index, i, slice);
    }
  octa_markers_file_set_slice_count (file, self->type, self->index, n_slices);
  octa_project_end_change (project);
}

/**
 * octa_markers_get_is_empty:
 * @self: markers
 *
 * Returns: whether the record is all zeros, as for a slot never assigned
 */
gboolean
octa_markers_get_is_empty (OctaMarkers *self)
{
  g_return_val_if_fail (OCTA_IS_MARKERS (self), TRUE);
  return octa_markers_file_slot_is_empty (file_of (self), self->type, self->index);
}

/**
 * octa_markers_clear:
 * @self: markers
 *
 * Zeroes the whole record (trim, loop and slices), in one undo step.
 */
void
octa_markers_clear (OctaMarkers *self)
{
  OctaProject *project;

  g_return_if_fail (OCTA_IS_MARKERS (self));

  project = project_of (self);
  octa_project_begin_change (project, "Clear markers");
  octa_markers_file_clear_slot (file_of (self), self->type, self->index);
  octa_project_end_change (project);
}
