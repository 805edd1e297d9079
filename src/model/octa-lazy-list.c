/* SPDX-License-Identifier: MIT */
#include "octa-lazy-list-private.h"

/*
 * A GListModel over the children of a model object. Items are asked of the
 * owner only when a view needs them, so opening a project builds no step
 * objects at all.
 */
struct _OctaLazyList
{
  GObject          parent_instance;
  GObject         *owner;
  GType            item_type;
  guint            n_items;
  OctaLazyGetFunc  get;
};

static GType
octa_lazy_list_get_item_type (GListModel *model)
{
  return OCTA_LAZY_LIST (model)->item_type;
}

static guint
octa_lazy_list_get_n_items (GListModel *model)
{
  return OCTA_LAZY_LIST (model)->n_items;
}

static gpointer
octa_lazy_list_get_item (GListModel *model,
                         guint       position)
{
  OctaLazyList *self = OCTA_LAZY_LIST (model);

  if (position >= self->n_items)
    return NULL;
  return self->get (self->owner, position);
}

static void
octa_lazy_list_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = octa_lazy_list_get_item_type;
  iface->get_n_items = octa_lazy_list_get_n_items;
  iface->get_item = octa_lazy_list_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (OctaLazyList, octa_lazy_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, octa_lazy_list_iface_init))

static void
octa_lazy_list_finalize (GObject *object)
{
  OctaLazyList *self = OCTA_LAZY_LIST (object);

  g_clear_object (&self->owner);
  G_OBJECT_CLASS (octa_lazy_list_parent_class)->finalize (object);
}

static void
octa_lazy_list_class_init (OctaLazyListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = octa_lazy_list_finalize;
}

static void
octa_lazy_list_init (OctaLazyList *self)
{
}

GListModel *
_octa_lazy_list_new (GObject         *owner,
                     GType            item_type,
                     guint            n_items,
                     OctaLazyGetFunc  get)
{
  OctaLazyList *self = g_object_new (OCTA_TYPE_LAZY_LIST, NULL);

  self->owner = g_object_ref (owner);
  self->item_type = item_type;
  self->n_items = n_items;
  self->get = get;
  return G_LIST_MODEL (self);
}

void
_octa_lazy_list_set_n_items (OctaLazyList *self,
                             guint         n_items)
{
  guint old = self->n_items;

  if (old == n_items)
    return;
  self->n_items = n_items;
  if (n_items > old)
    g_list_model_items_changed (G_LIST_MODEL (self), old, 0, n_items - old);
  else
    g_list_model_items_changed (G_LIST_MODEL (self), n_items, old - n_items, 0);
}
