/* SPDX-License-Identifier: MIT */
#include "octa-part-track-private.h"

/**
 * OctaFlexPartTrack:
 *
 * An audio track of a part playing a Flex machine (samples in RAM: the Flex
 * slots and the recorder buffers). Its properties name the Flex values of
 * the part; they are the same bytes as the raw `src-flex-*` and
 * `setup-flex-*` properties. PTCH 64 is no transposition; RATE 127 plays
 * forward at full speed, 0 full speed in reverse.
 */
struct _OctaFlexPartTrack
{
  OctaAudioPartTrack  parent_instance;
  gint               *cache;
};

G_DEFINE_FINAL_TYPE (OctaFlexPartTrack, octa_flex_part_track, OCTA_TYPE_AUDIO_PART_TRACK)

enum {
  PROP_0,
  N_FIXED_PROPS
};

static OctaFieldTable fields;

#define BYTE(name, area, index, min, max, def, label) \
  { name, OCTA_FIELD_INT, min, max, def, NULL, _octa_part_track_get_byte, \
    _octa_part_track_set_byte, OCTA_PART_TRACK_ARG (OCTA_PART_AREA_##area, index), 1, label }

static const OctaField field_defs[] = {
  BYTE ("ptch", SRC, 6, 0, 127, 64, "Change machine parameter"),
  BYTE ("strt", SRC, 7, 0, 127, 0, "Change machine parameter"),
  BYTE ("len", SRC, 8, 0, 127, 0, "Change machine parameter"),
  BYTE ("rate", SRC, 9, 0, 127, 127, "Change machine parameter"),
  BYTE ("rtrg", SRC, 10, 0, 127, 0, "Change machine parameter"),
  BYTE ("rtim", SRC, 11, 0, 127, 79, "Change machine parameter"),
  BYTE ("setup-loop", SRC_SETUP, 6, 0, 255, 1, "Change machine setup"),
  BYTE ("setup-slic", SRC_SETUP, 7, 0, 255, 0, "Change machine setup"),
  BYTE ("setup-len", SRC_SETUP, 8, 0, 255, 0, "Change machine setup"),
  BYTE ("setup-rate", SRC_SETUP, 9, 0, 255, 0, "Change machine setup"),
  BYTE ("setup-tstr", SRC_SETUP, 10, 0, 255, 1, "Change machine setup"),
  BYTE ("setup-tsns", SRC_SETUP, 11, 0, 127, 64, "Change machine setup"),
};

static void
octa_flex_part_track_refresh (GObject *object)
{
  octa_field_table_refresh (&fields, object, OCTA_FLEX_PART_TRACK (object)->cache);
}

static void
octa_flex_part_track_finalize (GObject *object)
{
  g_clear_pointer (&OCTA_FLEX_PART_TRACK (object)->cache, g_free);
  G_OBJECT_CLASS (octa_flex_part_track_parent_class)->finalize (object);
}

static void
octa_flex_part_track_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  if (!octa_field_table_get (&fields, object, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
octa_flex_part_track_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  OctaProject *project = _octa_part_track_get_project (OCTA_PART_TRACK (object));

  if (!octa_field_table_set (&fields, object, project, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
octa_flex_part_track_class_init (OctaFlexPartTrackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = octa_flex_part_track_finalize;
  object_class->get_property = octa_flex_part_track_get_property;
  object_class->set_property = octa_flex_part_track_set_property;

  /**
   * OctaFlexPartTrack:setup-tstr:
   *
   * The machine's timestretch setting; its codes are not known (the part
   * stores 1 by default).
   */
  octa_field_table_install (&fields, object_class, N_FIXED_PROPS, field_defs,
                            G_N_ELEMENTS (field_defs));
}

static void
octa_flex_part_track_init (OctaFlexPartTrack *self)
{
}

void
_octa_flex_part_track_setup (OctaFlexPartTrack *self)
{
  self->cache = octa_field_table_snapshot (&fields, self);
  _octa_part_track_watch (OCTA_PART_TRACK (self), octa_flex_part_track_refresh);
}
