/* SPDX-License-Identifier: MIT */
#include "octa-sample-slot-private.h"

#include "octa-field-private.h"

#include <string.h>

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

/* Entries are read and written as a whole table so that an edit that
 * shifts slices is one pass and records every moved byte. */
static guint
read_slices (OctaMarkers *self,
             OctaSlice   *slices)
{
  OctaMarkersFile *file = file_of (self);
  guint count = octa_markers_file_get_slice_count (file, self->type, self->index);

  for (guint i = 0; i < OCTA_MARKERS_N_SLICES; i++)
    slices[i] = octa_markers_file_get_slice (file, self->type, self->index, i);
  return MIN (count, OCTA_MARKERS_N_SLICES);
}

static void
write_slices (OctaMarkers     *self,
              const OctaSlice *slices,
              guint            count)
{
  OctaMarkersFile *file = file_of (self);

  for (guint i = 0; i < OCTA_MARKERS_N_SLICES; i++)
    {
      OctaSlice old = octa_markers_file_get_slice (file, self->type, self->index, i);

      if (old.start != slices[i].start || old.end != slices[i].end || old.loop != slices[i].loop)
        octa_markers_file_set_slice (file, self->type, self->index, i, slices[i]);
    }
  if (octa_markers_file_get_slice_count (file, self->type, self->index) != count)
    octa_markers_file_set_slice_count (file, self->type, self->index, count);
}

/**
 * octa_markers_make_equal_slices:
 * @self: markers
 * @n_slices: 0…64
 *
 * Divides the trimmed part of the sample (trim start to trim end) into
 * @n_slices slices of equal length, rounded down to whole frames, without
 * loop points, in one undo step. Entries past the new count are zeroed, as
 * the device leaves them.
 */
void
octa_markers_make_equal_slices (OctaMarkers *self,
                                guint        n_slices)
{
  OctaSlice slices[OCTA_MARKERS_N_SLICES] = { { 0, 0, 0 } };
  guint start, end;
  guint64 length;
  OctaProject *project;

  g_return_if_fail (OCTA_IS_MARKERS (self));
  g_return_if_fail (n_slices <= OCTA_MARKERS_N_SLICES);

  start = octa_markers_get_trim_start (self);
  end = octa_markers_get_trim_end (self);
  length = end > start ? end - start : 0;
  for (guint i = 0; i < n_slices; i++)
    {
      slices[i].start = start + (guint32) (length * i / n_slices);
      slices[i].end = start + (guint32) (length * (i + 1) / n_slices);
      slices[i].loop = OCTA_MARKERS_NO_LOOP;
    }

  project = project_of (self);
  octa_project_begin_change (project, "Make equal slices");
  write_slices (self, slices, n_slices);
  octa_project_end_change (project);
}

/* The device makes a new manual slice this long (spec §3.1, FLEX 44). */
#define NEW_SLICE_FRAMES 64

/**
 * octa_markers_add_slice:
 * @self: markers
 * @position: the new slice's first frame
 *
 * Adds a slice starting at @position, keeping the table sorted by start as
 * the device keeps it, in one undo step. A position inside a slice splits
 * it there; otherwise the new slice runs to the next slice's start or the
 * trim end (or is 64 frames long, like a slice made on the device, when
 * neither lies after @position).
 *
 * Returns: the new slice's index, or -1 when all 64 slices are in use or
 *   a slice already starts at @position
 */
gint
octa_markers_add_slice (OctaMarkers *self,
                        guint        position)
{
  OctaSlice slices[OCTA_MARKERS_N_SLICES];
  OctaSlice added = { position, 0, OCTA_MARKERS_NO_LOOP };
  OctaProject *project;
  guint count, at = 0;

  g_return_val_if_fail (OCTA_IS_MARKERS (self), -1);

  count = read_slices (self, slices);
  if (count >= OCTA_MARKERS_N_SLICES)
    return -1;
  while (at < count && slices[at].start < position)
    at++;
  if (at < count && slices[at].start == position)
    return -1;

  if (at > 0 && slices[at - 1].end > position)
    {
      OctaSlice *split = &slices[at - 1];

      added.end = split->end;
      split->end = position;
      if (split->loop != OCTA_MARKERS_NO_LOOP && split->loop >= position)
        {
          added.loop = split->loop;
          split->loop = OCTA_MARKERS_NO_LOOP;
        }
    }
  else
    {
      guint limit = at < count ? slices[at].start : octa_markers_get_trim_end (self);

      added.end = limit > position ? limit : position + NEW_SLICE_FRAMES;
    }

  memmove (&slices[at + 1], &slices[at], (count - at) * sizeof (OctaSlice));
  slices[at] = added;

  project = project_of (self);
  octa_project_begin_change (project, "Add slice");
  write_slices (self, slices, count + 1);
  octa_project_end_change (project);
  return at;
}

/**
 * octa_markers_remove_slice:
 * @self: markers
 * @index: a slice below the slice count
 *
 * Removes slice @index in one undo step; the slices after it move down and
 * the freed entry is zeroed. A slice that ended where the removed one began
 * takes over its length, so removing a cut between two slices joins them.
 */
void
octa_markers_remove_slice (OctaMarkers *self,
                           guint        index)
{
  OctaSlice slices[OCTA_MARKERS_N_SLICES];
  OctaProject *project;
  guint count;

  g_return_if_fail (OCTA_IS_MARKERS (self));

  count = read_slices (self, slices);
  g_return_if_fail (index < count);

  if (index > 0 && slices[index - 1].end == slices[index].start)
    slices[index - 1].end = slices[index].end;
  memmove (&slices[index], &slices[index + 1], (count - index - 1) * sizeof (OctaSlice));
  memset (&slices[count - 1], 0, sizeof (OctaSlice));

  project = project_of (self);
  octa_project_begin_change (project, "Remove slice");
  write_slices (self, slices, count - 1);
  octa_project_end_change (project);
}

/**
 * octa_markers_move_slice:
 * @self: markers
 * @index: a slice below the slice count
 * @start: the slice's new first frame
 *
 * Moves the start of slice @index, in one undo step. @start is kept between
 * the previous slice's start and this slice's end so that the table stays
 * sorted; a previous slice that ended where this one began follows, so the
 * cut between them moves.
 *
 * Returns: the start actually stored
 */
guint
octa_markers_move_slice (OctaMarkers *self,
                         guint        index,
                         guint        start)
{
  OctaSlice slices[OCTA_MARKERS_N_SLICES];
  OctaProject *project;
  guint count, old;

  g_return_val_if_fail (OCTA_IS_MARKERS (self), 0);

  count = read_slices (self, slices);
  g_return_val_if_fail (index < count, 0);

  if (index > 0 && start <= slices[index - 1].start)
    start = slices[index - 1].start + 1;
  if (start > slices[index].end)
    start = slices[index].end;
  old = slices[index].start;
  if (start == old)
    return old;

  if (index > 0 && slices[index - 1].end == old)
    slices[index - 1].end = start;
  slices[index].start = start;

  project = project_of (self);
  octa_project_begin_change (project, "Move slice");
  write_slices (self, slices, count);
  octa_project_end_change (project);
  return start;
}
