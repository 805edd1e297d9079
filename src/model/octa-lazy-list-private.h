/* SPDX-License-Identifier: MIT */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define OCTA_TYPE_LAZY_LIST (octa_lazy_list_get_type ())

G_DECLARE_FINAL_TYPE (OctaLazyList, octa_lazy_list, OCTA, LAZY_LIST, GObject)

/* Returns a new reference to item @index of @owner, creating it if needed. */
typedef gpointer (*OctaLazyGetFunc) (GObject *owner,
                                     guint    index);

GListModel *_octa_lazy_list_new         (GObject         *owner,
                                         GType            item_type,
                                         guint            n_items,
                                         OctaLazyGetFunc  get);
void        _octa_lazy_list_set_n_items (OctaLazyList    *self,
                                         guint            n_items);

G_END_DECLS
