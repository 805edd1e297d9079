/* SPDX-License-Identifier: MIT */
#pragma once

#include <gtk/gtk.h>

#include "octa.h"

G_BEGIN_DECLS

#define OCTA_COLUMN_EDITOR_N_STEPS OCTA_PART_TRACK_N_LFO_STEPS

#define OCTA_TYPE_COLUMN_EDITOR (octa_column_editor_get_type ())

G_DECLARE_DERIVABLE_TYPE (OctaColumnEditor, octa_column_editor, OCTA, COLUMN_EDITOR, GtkWidget)

/**
 * OctaColumnLayout:
 * @x0: the left edge of step 1's column
 * @col_w: the width of a column
 * @top: the top of the value plot
 * @bottom: its bottom
 * @flag_y: the top of the row of per-step toggles
 * @flag_h: its height
 * @flag_hit: a press at or below this toggles the step's flag
 * @inert_hit: a press at or below this (and above @flag_hit) edits nothing
 * @value_max: values run from −@value_max to +@value_max
 */
typedef struct
{
  float x0;
  float col_w;
  float top;
  float bottom;
  float flag_y;
  float flag_h;
  float flag_hit;
  float inert_hit;
  int   value_max;
} OctaColumnLayout;

/**
 * OctaColumnEditorClass:
 * @value_max: values run from −@value_max to +@value_max
 * @track_type: the part tracks the editor takes
 * @stroke_label: the undo label of a stroke, marked with N_()
 * @alt_click_toggles: whether Alt+click anywhere in a column toggles its flag
 * @get_layout: where things are at the current size
 * @get_value: a step's stored value
 * @set_value: stores a value at a step
 * @toggle_flag: flips a step's flag (smooth, mute…)
 * @update_accessible: describes the editor after a change
 * @action_prefix: set by octa_column_editor_class_add_keys()
 * @toggle_action: set by octa_column_editor_class_add_keys()
 *
 * Sixteen columns of values, one per step, drawn by dragging (a press, drag
 * and release is one stroke and one undo step), with a row of per-step
 * toggles below; the keyboard works on a cursor column.
 */
struct _OctaColumnEditorClass
{
  GtkWidgetClass parent_class;

  int         value_max;
  GType       track_type;
  const char *stroke_label;
  gboolean    alt_click_toggles;

  void (*get_layout)        (OctaColumnEditor *self,
                             OctaColumnLayout *layout);
  int  (*get_value)         (OctaColumnEditor *self,
                             guint             step);
  void (*set_value)         (OctaColumnEditor *self,
                             guint             step,
                             int               value);
  void (*toggle_flag)       (OctaColumnEditor *self,
                             guint             step);
  void (*update_accessible) (OctaColumnEditor *self);

  const char *action_prefix;
  const char *toggle_action;
};

OctaPartTrack *octa_column_editor_get_track         (OctaColumnEditor *self);
void           octa_column_editor_set_track         (OctaColumnEditor *self,
                                                     OctaPartTrack    *track);
guint          octa_column_editor_get_cursor        (OctaColumnEditor *self);
void           octa_column_editor_set_cursor        (OctaColumnEditor *self,
                                                     guint             step);
gboolean       octa_column_editor_get_column_bounds (OctaColumnEditor *self,
                                                     guint             step,
                                                     graphene_rect_t  *bounds);
gboolean       octa_column_editor_get_flag_bounds   (OctaColumnEditor *self,
                                                     guint             step,
                                                     graphene_rect_t  *bounds);
double         octa_column_editor_value_to_y        (OctaColumnEditor *self,
                                                     int               value);

/* For subclasses */
void           octa_column_editor_class_add_keys    (GtkWidgetClass   *widget_class,
                                                     const char       *prefix,
                                                     const char       *toggle_action,
                                                     guint             toggle_key);
void           octa_column_editor_get_layout        (OctaColumnEditor *self,
                                                     OctaColumnLayout *layout);
int            octa_column_editor_get_hover         (OctaColumnEditor *self);

float          octa_column_y                        (const OctaColumnLayout *layout,
                                                     int                     value);
int            octa_column_at                       (const OctaColumnLayout *layout,
                                                     double                  x);
void           octa_column_text                     (OctaColumnEditor *self,
                                                     GtkSnapshot      *snapshot,
                                                     const char       *text,
                                                     float             x,
                                                     float             y,
                                                     float             xalign,
                                                     gboolean          bold,
                                                     const GdkRGBA    *color);
void           octa_column_fill                     (GtkSnapshot      *snapshot,
                                                     const GdkRGBA    *color,
                                                     float             x,
                                                     float             y,
                                                     float             w,
                                                     float             h);
void           octa_column_outline                  (GtkSnapshot      *snapshot,
                                                     const GdkRGBA    *color,
                                                     float             x,
                                                     float             y,
                                                     float             w,
                                                     float             h,
                                                     float             width,
                                                     float             radius);

G_END_DECLS
