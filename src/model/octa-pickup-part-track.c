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
  OctaAudioPartTrack parent_instance;
};

G_DEFINE_FINAL_TYPE (OctaPickupPartTrack, octa_pickup_part_track, OCTA_TYPE_AUDIO_PART_TRACK)

static OctaFieldTable fields;

#define BYTE OCTA_PART_TRACK_BYTE

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
octa_pickup_part_track_class_init (OctaPickupPartTrackClass *klass)
{
  /**
   * OctaPickupPartTrack:setup-tstr:
   *
   * The machine's timestretch setting; its codes are not known (the part
   * stores 1 by default).
   */
  _octa_part_track_class_install (G_OBJECT_CLASS (klass), &fields, field_defs,
                                  G_N_ELEMENTS (field_defs));
}

static void
octa_pickup_part_track_init (OctaPickupPartTrack *self)
{
}
