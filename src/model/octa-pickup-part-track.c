/* SPDX-License-Identifier: MIT */
#include "octa-part-track-private.h"

/**
 * OctaPickupPartTrack:
 *
 * An audio track of a part playing a Pickup machine (a looper). Its
 * properties name the Pickup values of the part; they are the same bytes as
 * the raw `src-pickup-*` and `setup-pickup-*` properties (`src-pickup-4`,
 * always 127 on the device, has no name).
 */
struct _OctaPickupPartTrack
{
  OctaAudioPartTrack  parent_instance;
  gint               *cache;
};

G_DEFINE_FINAL_TYPE (OctaPickupPartTrack, octa_pickup_part_track, OCTA_TYPE_AUDIO_PART_TRACK)

enum {
  PROP_0,
  N_FIXED_PROPS
};

static OctaFieldTable fields;

#define BYTE(name, area, index, min, max, def, label) \
  { name, OCTA_FIELD_INT, min, max, def, NULL, _octa_part_track_get_byte, \
    _octa_part_track_set_byte, OCTA_PART_TRACK_ARG (OCTA_PART_AREA_##area, index), 1, label }

static const OctaField field_defs[] = {
  BYTE ("ptch", SRC, 24, 0, 127, 64, "Change machine parameter"),
  BYTE ("dir", SRC, 25, 0, 255, 2, "Change machine parameter"),
  BYTE ("len", SRC, 26, 0, 255, 1, "Change machine parameter"),
  BYTE ("gain", SRC, 28, 0, 127, 64, "Change machine parameter"),
  BYTE ("op", SRC, 29, 0, 255, 1, "Change machine parameter"),
  BYTE ("setup-tstr", SRC_SETUP, 28, 0, 255, 1, "Change machine setup"),
  BYTE ("setup-tsns", SRC_SETUP, 29, 0, 127, 64, "Change machine setup"),
};

static void
octa_pickup_part_track_refresh (GObject *object)
{
  octa_field_table_refresh (&fields, object, OCTA_PICKUP_PART_TRACK (object)->cache);
}

static void
octa_pickup_part_track_finalize (GObject *object)
{
  g_clear_pointer (&OCTA_PICKUP_PART_TRACK (object)->cache, g_free);
  G_OBJECT_CLASS (octa_pickup_part_track_parent_class)->finalize (object);
}

static void
octa_pickup_part_track_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  if (!octa_field_table_get (&fields, object, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
octa_pickup_part_track_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  OctaProject *project = _octa_part_track_get_project (OCTA_PART_TRACK (object));

  if (!octa_field_table_set (&fields, object, project, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
octa_pickup_part_track_class_init (OctaPickupPartTrackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = octa_pickup_part_track_finalize;
  object_class->get_property = octa_pickup_part_track_get_property;
  object_class->set_property = octa_pickup_part_track_set_property;

  /**
   * OctaPickupPartTrack:setup-tstr:
   *
   * The machine's timestretch setting; its codes are not known (the part
   * stores 1 by default).
   */
  octa_field_table_install (&fields, object_class, N_FIXED_PROPS, field_defs,
                            G_N_ELEMENTS (field_defs));
}

static void
octa_pickup_part_track_init (OctaPickupPartTrack *self)
{
}

void
_octa_pickup_part_track_setup (OctaPickupPartTrack *self)
{
  self->cache = octa_field_table_snapshot (&fields, self);
  _octa_part_track_watch (OCTA_PART_TRACK (self), octa_pickup_part_track_refresh);
}
