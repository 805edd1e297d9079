/* SPDX-License-Identifier: MIT */
#pragma once

#include <gio/gio.h>

#include "octa-model-enums.h"
#include "octa-project.h"

G_BEGIN_DECLS

/**
 * OctaSamplePoolMode:
 * @OCTA_SAMPLE_POOL_MODE_COPY_TO_PROJECT: copy the file into the project
 *   folder and refer to it by its bare name
 * @OCTA_SAMPLE_POOL_MODE_SET_POOL: copy the file into the set's audio pool
 *   (`<set>/AUDIO/`, next to the project folder) and refer to it as
 *   "../AUDIO/name", as the device does
 *
 * Where octa_project_add_sample() puts the sample file.
 */
typedef enum
{
  OCTA_SAMPLE_POOL_MODE_COPY_TO_PROJECT,
  OCTA_SAMPLE_POOL_MODE_SET_POOL,
} OctaSamplePoolMode;

/**
 * OctaAudioInfo:
 * @frames: the number of sample frames
 * @rate: frames per second
 * @channels: 1 mono, 2 stereo, …
 * @bits: bits per sample
 *
 * What octa_audio_file_read_info() found in a WAV or AIFF header.
 */
typedef struct
{
  guint64 frames;
  guint   rate;
  guint   channels;
  guint   bits;
} OctaAudioInfo;

gboolean octa_audio_file_read_info         (GFile              *file,
                                            OctaAudioInfo      *info,
                                            GCancellable       *cancellable,
                                            GError            **error);

guint    octa_project_find_free_slot       (OctaProject        *project,
                                            OctaSlotKind        kind);
guint    octa_project_add_sample           (OctaProject        *project,
                                            OctaSlotKind        kind,
                                            guint               number,
                                            GFile              *audio,
                                            OctaSamplePoolMode  mode,
                                            GError            **error);
gboolean octa_project_remove_sample        (OctaProject        *project,
                                            OctaSlotKind        kind,
                                            guint               number,
                                            GError            **error);
guint    octa_project_deduplicate_samples  (OctaProject        *project,
                                            GError            **error);

G_END_DECLS
