/* SPDX-License-Identifier: MIT */
#include "octa-part-track-private.h"

/**
 * OctaThruPartTrack:
 *
 * An audio track of a part playing a Thru machine (the inputs). Its
 * properties name the Thru values of the part; they are the same bytes as
 * the raw `src-thru-*` properties (`src-thru-3` and `src-thru-6` are
 * unused by the machine).
 */
struct _OctaThruPartTrack
{
  OctaAudioPartTrack  parent_instance;
  gint               *cache;
};

G_DEFINE_FINAL_TYPE (OctaThruPartTrack, octa_thru_part_track, OCTA_TYPE_AUDIO_PART_TRACK)

enum {
  PROP_0,
  N_FIXED_PROPS
};

static OctaFieldTable fields;

#define BYTE(name, area, index, min, max, def, label) \
  { name, OCTA_FIELD_INT, min, max, def, NULL, _octa_part_track_get_byte, \
    _octa_part_track_set_byte, OCTA_PART_TRACK_ARG (OCTA_PART_AREA_##area, index), 1, label }

static const OctaField field_defs[] = {
  BYTE ("inab", SRC, 12, 0, 255, 0, "Change machine parameter"),
  BYTE ("vol-ab", SRC, 13, 0, 127, 64, "Change machine parameter"),
  BYTE ("incd", SRC, 15, 0, 255, 0, "Change machine parameter"),
  BYTE ("vol-cd", SRC, 16, 0, 127, 64, "Change machine parameter"),
};

static void
octa_thru_part_track_refresh (GObject *object)
{
  octa_field_table_refresh (&fields, object, OCTA_THRU_PART_TRACK (object)->cache);
}

static void
octa_thru_part_track_finalize (GObject *object)
{
  g_clear_pointer (&OCTA_THRU_PART_TRACK (object)->cache, g_free);
  G_OBJECT_CLASS (octa_thru_part_track_parent_class)->finalize (object);
}

static void
octa_thru_part_track_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  if (!octa_field_table_get (&fields, object, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
octa_thru_part_track_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  OctaProject *project = _octa_part_track_get_project (OCTA_PART_TRACK (object));

  if (!octa_field_table_set (&fields, object, project, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
octa_thru_part_track_class_init (OctaThruPartTrackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = octa_thru_part_track_finalize;
  object_class->get_property = octa_thru_part_track_get_property;
  object_class->set_property = octa_thru_part_track_set_property;

  octa_field_table_install (&fields, object_class, N_FIXED_PROPS, field_defs,
                            G_N_ELEMENTS (field_defs));
}

static void
octa_thru_part_track_init (OctaThruPartTrack *self)
{
}

void
_octa_thru_part_track_setup (OctaThruPartTrack *self)
{
  self->cache = octa_field_table_snapshot (&fields, self);
  _octa_part_track_watch (OCTA_PART_TRACK (self), octa_thru_part_track_refresh);
}
