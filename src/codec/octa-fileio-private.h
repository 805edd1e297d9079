/* SPDX-License-Identifier: MIT */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* System calls retried on EINTR, for the codec's own file and zip code. */

int       _octa_open_noeintr (const char   *path,
                              int           flags,
                              int           mode);
gssize    _octa_read_noeintr (int           fd,
                              void         *buf,
                              gsize         len);
gboolean  _octa_write_all    (int           fd,
                              const guint8 *data,
                              gsize         len);

G_END_DECLS
