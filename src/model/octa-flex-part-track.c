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
  OctaAudioPartTrack parent_instance;
};

G_DEFINE_FINAL_TYPE (OctaFlexPartTrack, octa_flex_part_track, OCTA_TYPE_AUDIO_PART_TRACK)

static OctaFieldTable fields;

#define BYTE OCTA_PART_TRACK_BYTE

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
octa_flex_part_track_class_init (OctaFlexPartTrackClass *klass)
{
  /**
   * OctaFlexPartTrack:setup-tstr:
   *
   * The machine's timestretch setting; its codes are not known (the part
   * stores 1 by default).
   */
  _octa_part_track_class_install (G_OBJECT_CLASS (klass), &fields, field_defs,
                                  G_N_ELEMENTS (field_defs));
}

static void
octa_flex_part_track_init (OctaFlexPartTrack *self)
{
}
