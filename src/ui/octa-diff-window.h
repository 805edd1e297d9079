/* SPDX-License-Identifier: MIT */
#pragma once

#include <adwaita.h>

#include "octa.h"

G_BEGIN_DECLS

#define OCTA_TYPE_DIFF_WINDOW (octa_diff_window_get_type ())

G_DECLARE_FINAL_TYPE (OctaDiffWindow, octa_diff_window, OCTA, DIFF_WINDOW, AdwWindow)

GtkWidget   *octa_diff_window_new          (GtkApplication *app,
                                            OctaProject    *a,
                                            OctaProject    *b);
GtkWidget   *octa_diff_window_new_for_part (GtkApplication *app,
                                            OctaPart       *part);
OctaDiff    *octa_diff_window_get_diff     (OctaDiffWindow *self);
GListModel  *octa_diff_window_get_rows     (OctaDiffWindow *self);
void         octa_diff_window_select_path  (OctaDiffWindow *self,
                                            const char     *key);
const char  *octa_diff_window_get_selected (OctaDiffWindow *self);
void         octa_diff_window_set_filter   (OctaDiffWindow *self,
                                            const char     *filter);
void         octa_diff_window_rescan       (OctaDiffWindow *self);

/* A row of the change list (items of octa_diff_window_get_rows()' GtkTreeListRows). */
#define OCTA_TYPE_DIFF_NODE (octa_diff_node_get_type ())

G_DECLARE_FINAL_TYPE (OctaDiffNode, octa_diff_node, OCTA, DIFF_NODE, GObject)

const char  *octa_diff_node_get_key        (OctaDiffNode   *self);
const char  *octa_diff_node_get_title      (OctaDiffNode   *self);
guint        octa_diff_node_get_n_changes  (OctaDiffNode   *self);
gboolean     octa_diff_node_is_leaf        (OctaDiffNode   *self);

G_END_DECLS
