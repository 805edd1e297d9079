/* SPDX-License-Identifier: MIT */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A sample's min/max outline at a fixed number of frames per bucket, and
 * where it crosses zero; made off the main thread, shared between widgets
 * showing the same file. Immutable once made. */
typedef struct _OctaPeaks OctaPeaks;

OctaPeaks *octa_peaks_ref                (OctaPeaks            *peaks);
void       octa_peaks_unref              (OctaPeaks            *peaks);

void       octa_peaks_load_async         (GFile                *file,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
OctaPeaks *octa_peaks_load_finish        (GAsyncResult         *result,
                                          GError              **error);

guint      octa_peaks_get_n_lanes        (OctaPeaks            *peaks);
guint      octa_peaks_get_rate           (OctaPeaks            *peaks);
guint64    octa_peaks_get_frames         (OctaPeaks            *peaks);
void       octa_peaks_get_range          (OctaPeaks            *peaks,
                                          guint                 lane,
                                          guint64               first,
                                          guint64               end,
                                          float                *min,
                                          float                *max);
guint64    octa_peaks_snap_to_zero       (OctaPeaks            *peaks,
                                          guint64               frame,
                                          guint64               radius);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OctaPeaks, octa_peaks_unref)

G_END_DECLS
