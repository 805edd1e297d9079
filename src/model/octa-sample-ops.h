/* SPDX-License-Identifier: MIT */
#pragma once

#include <gio/gio.h>

#include "octa-model-enums.h"
#include "octa-project.h"
#include "octa-sample-pool.h"
#include "octa-sample-slot.h"

G_BEGIN_DECLS

/**
 * OctaSampleStatus:
 * @OCTA_SAMPLE_STATUS_EMPTY: no sample assigned
 * @OCTA_SAMPLE_STATUS_OK: the file is there and the device can play it
 * @OCTA_SAMPLE_STATUS_MISSING: the slot names a file that is not there
 * @OCTA_SAMPLE_STATUS_INCOMPATIBLE: the file is audio the device refuses
 * @OCTA_SAMPLE_STATUS_UNREADABLE: the file is there but is not readable audio
 *
 * What octa_sample_info_read() found.
 */
typedef enum
{
  OCTA_SAMPLE_STATUS_EMPTY,
  OCTA_SAMPLE_STATUS_OK,
  OCTA_SAMPLE_STATUS_MISSING,
  OCTA_SAMPLE_STATUS_INCOMPATIBLE,
  OCTA_SAMPLE_STATUS_UNREADABLE,
} OctaSampleStatus;

#define OCTA_TYPE_SAMPLE_INFO (octa_sample_info_get_type ())

/**
 * OctaSampleInfo:
 * @status: found, missing, playable or not
 * @format: the container in words ("WAV", "AIFF", "MP3"…), or %NULL
 * @frames: sample frames
 * @rate: frames per second
 * @channels: 1 mono, 2 stereo
 * @bits: bits per sample (32 for float)
 * @size: the file's size in bytes
 * @problem: (nullable): the fault in a word or two ("48 kHz", "MP3"), for
 *   a status column
 * @reason: (nullable): the fault in a sentence, in the device's terms
 *   ("48 kHz — the Octatrack plays 44.1 kHz")
 *
 * A sample file's audio format and whether the Octatrack plays it.
 */
typedef struct
{
  OctaSampleStatus status;
  char            *format;
  guint64          frames;
  guint            rate;
  guint            channels;
  guint            bits;
  guint64          size;
  char            *problem;
  char            *reason;
} OctaSampleInfo;

GType           octa_sample_info_get_type  (void) G_GNUC_CONST;
OctaSampleInfo *octa_sample_info_copy      (const OctaSampleInfo *info);
void            octa_sample_info_free      (OctaSampleInfo       *info);
OctaSampleInfo *octa_sample_info_read      (GFile                *file,
                                            GCancellable         *cancellable);
OctaSampleInfo *octa_sample_slot_read_info (OctaSampleSlot       *slot);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OctaSampleInfo, octa_sample_info_free)

guint     octa_project_import_samples      (OctaProject        *project,
                                            OctaSlotKind        kind,
                                            guint               number,
                                            GFile             **files,
                                            guint               n_files,
                                            OctaSamplePoolMode  mode,
                                            GError            **error);

/**
 * OctaSlotReferenceKind:
 * @OCTA_SLOT_REFERENCE_PART: a part's track plays the slot
 * @OCTA_SLOT_REFERENCE_LOCK: a pattern's step sample-locks it
 *
 * What refers to a slot.
 */
typedef enum
{
  OCTA_SLOT_REFERENCE_PART,
  OCTA_SLOT_REFERENCE_LOCK,
} OctaSlotReferenceKind;

#define OCTA_TYPE_SLOT_REFERENCE (octa_slot_reference_get_type ())

/**
 * OctaSlotReference:
 * @kind: part assignment or sample lock
 * @bank: 0…15
 * @part: 0…3 (the part a locking pattern uses, for a lock)
 * @saved: for a part assignment, whether it is in the saved copy of the part
 * @track: 0…7
 * @pattern: 0…15, for a lock
 * @step: 0…63, for a lock
 *
 * One reference to a sample slot.
 */
typedef struct
{
  OctaSlotReferenceKind kind;
  guint                 bank;
  guint                 part;
  gboolean              saved;
  guint                 track;
  guint                 pattern;
  guint                 step;
} OctaSlotReference;

GType              octa_slot_reference_get_type  (void) G_GNUC_CONST;
OctaSlotReference *octa_slot_reference_copy      (const OctaSlotReference *ref);
void               octa_slot_reference_free      (OctaSlotReference       *ref);
char              *octa_slot_reference_dup_label (const OctaSlotReference *ref);

GPtrArray *octa_project_find_slot_references   (OctaProject   *project,
                                                OctaSlotKind   kind,
                                                guint          number);
char      *octa_project_dup_slot_usage         (OctaProject   *project,
                                                OctaSlotKind   kind,
                                                guint          number);
char     **octa_project_dup_slot_usages        (OctaProject   *project,
                                                OctaSlotKind   kind);
GHashTable *octa_project_dup_file_usages       (OctaProject   *project);
gboolean   octa_project_move_sample_slot       (OctaProject   *project,
                                                OctaSlotKind   kind,
                                                guint          from,
                                                guint          to,
                                                GError       **error);
guint      octa_project_relink_samples         (OctaProject   *project,
                                                GFile         *folder,
                                                GCancellable  *cancellable,
                                                GError       **error);
GPtrArray *octa_project_list_unused_slots      (OctaProject   *project,
                                                OctaSlotKind   kind);
guint      octa_project_remove_slots           (OctaProject   *project,
                                                GPtrArray     *slots,
                                                GError       **error);
guint64    octa_project_get_flex_memory_used   (OctaProject   *project);
guint64    octa_project_get_flex_memory_size   (OctaProject   *project);

G_END_DECLS
