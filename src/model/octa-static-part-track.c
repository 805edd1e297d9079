/* SPDX-License-Identifier: MIT */
#include "octa-part-track-private.h"

/**
 * OctaStaticPartTrack:
 *
 * An audio track of a part playing a Static machine (samples streamed from
 * the card). Its properties name the Static values of the part; they are
 * the same bytes as the raw `src-static-*` and `setup-static-*` properties.
 * PTCH 64 is no transposition; RATE 127 plays forward at full speed, 0 full
 * speed in reverse.
 */
struct _OctaStaticPartTrack
{
  OctaAudioPartTrack parent_instance;
};

G_DEFINE_FINAL_TYPE (OctaStaticPartTrack, octa_static_part_track, OCTA_TYPE_AUDIO_PART_TRACK)

static OctaFieldTable fields;

#define BYTE OCTA_PART_TRACK_BYTE

static const OctaField field_defs[] = {
  BYTE ("ptch", SRC, 0, 0, 127, 64, "Change machine parameter"),
  BYTE ("strt", SRC, 1, 0, 127, 0, "Change machine parameter"),
  BYTE ("len", SRC, 2, 0, 127, 0, "Change machine parameter"),
  BYTE ("rate", SRC, 3, 0, 127, 127, "Change machine parameter"),
  BYTE ("rtrg", SRC, 4, 0, 127, 0, "Change machine parameter"),
  BYTE ("rtim", SRC, 5, 0, 127, 79, "Change machine parameter"),
  BYTE ("setup-loop", SRC_SETUP, 0, 0, 255, 1, "Change machine setup"),
  BYTE ("setup-slic", SRC_SETUP, 1, 0, 255, 0, "Change machine setup"),
  BYTE ("setup-len", SRC_SETUP, 2, 0, 255, 0, "Change machine setup"),
  BYTE ("setup-rate", SRC_SETUP, 3, 0, 255, 0, "Change machine setup"),
  BYTE ("setup-tstr", SRC_SETUP, 4, 0, 255, 1, "Change machine setup"),
  BYTE ("setup-tsns", SRC_SETUP, 5, 0, 127, 64, "Change machine setup"),
};

static void
octa_static_part_track_class_init (OctaStaticPartTrackClass *klass)
{
  /**
   * OctaStaticPartTrack:setup-tstr:
   *
   * The machine's timestretch setting; its codes are not known (the part
   * stores 1 by default).
   */
  _octa_part_track_class_install (G_OBJECT_CLASS (klass), &fields, field_defs,
                                  G_N_ELEMENTS (field_defs));
}

static void
octa_static_part_track_init (OctaStaticPartTrack *self)
{
}
