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
  OctaAudioPartTrack parent_instance;
};

G_DEFINE_FINAL_TYPE (OctaThruPartTrack, octa_thru_part_track, OCTA_TYPE_AUDIO_PART_TRACK)

static OctaFieldTable fields;

#define BYTE OCTA_PART_TRACK_BYTE

static const OctaField field_defs[] = {
  BYTE ("inab", SRC, 12, 0, 255, 0, "Change machine parameter"),
  BYTE ("vol-ab", SRC, 13, 0, 127, 64, "Change machine parameter"),
  BYTE ("incd", SRC, 15, 0, 255, 0, "Change machine parameter"),
  BYTE ("vol-cd", SRC, 16, 0, 127, 64, "Change machine parameter"),
};

static void
octa_thru_part_track_class_init (OctaThruPartTrackClass *klass)
{
  _octa_part_track_class_install (G_OBJECT_CLASS (klass), &fields, field_defs,
                                  G_N_ELEMENTS (field_defs));
}

static void
octa_thru_part_track_init (OctaThruPartTrack *self)
{
}
