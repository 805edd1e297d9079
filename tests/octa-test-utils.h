/* SPDX-License-Identifier: MIT */
#pragma once

#include <glib.h>

#include "octa-codec.h"

G_BEGIN_DECLS

const char *octa_test_corpus_dir          (void);
gboolean    octa_test_skip_without_corpus (void);
GPtrArray  *octa_test_find_files          (const char *dir,
                                           gboolean (*filter) (const char *path));
char       *octa_test_make_tmpdir         (void);
void        octa_test_rm_rf               (const char *path);
void        octa_test_assert_changed_only (const char *what,
                                           const guint8 *before,
                                           const guint8 *after,
                                           gsize len,
                                           const gsize *offsets,
                                           guint n_offsets);
guint8     *octa_test_read_file           (const char *path,
                                           gsize *len);
GBytes     *octa_test_make_wav            (guint         frames,
                                           guint16       channels,
                                           guint         rate,
                                           guint16       bits,
                                           gboolean      extra_chunk,
                                           guint8        seed);
void        octa_test_write_file          (const char *path,
                                           const void *data,
                                           gsize len);

typedef gpointer (*OctaTestDecodeFunc) (const guint8  *data,
                                        gsize          len,
                                        const char    *name,
                                        OctaLoadFlags  flags,
                                        GError       **error);

void        octa_test_assert_refused      (OctaTestDecodeFunc decode,
                                           GDestroyNotify free_func,
                                           const guint8 *data,
                                           gsize len,
                                           OctaLoadFlags flags,
                                           int code,
                                           const char *what);
void        octa_test_check_container_damage (OctaFileKind kind,
                                              OctaTestDecodeFunc decode,
                                              GDestroyNotify free_func,
                                              const guint8 *valid,
                                              const gsize *cuts,
                                              guint n_cuts);

G_END_DECLS
