/* SPDX-License-Identifier: MIT */
#pragma once

#include "octa-history.h"

G_BEGIN_DECLS

typedef struct
{
  guint16 file;
  guint32 offset;
  guint8  old_value;
  guint8  new_value;
} OctaByteChange;

/* A whole-file replacement, for the project text (old and new are owned copies). */
typedef struct
{
  guint          file;
  gpointer       old_data;
  gpointer       new_data;
  GDestroyNotify free_func;
} OctaBlobChange;

typedef struct
{
  char      *label;
  GArray    *bytes;  /* OctaByteChange, in the order they happened */
  GPtrArray *blobs;  /* OctaBlobChange */
} OctaHistoryGroup;

typedef void (*OctaHistoryApplyFunc) (gpointer                user_data,
                                      const OctaHistoryGroup *group,
                                      gboolean                undo);

OctaHistory *_octa_history_new            (OctaHistoryApplyFunc  apply,
                                           gpointer              user_data);
void         _octa_history_record_byte    (OctaHistory          *self,
                                           guint                 file,
                                           gsize                 offset,
                                           guint8                old_value,
                                           guint8                new_value);
void         _octa_history_record_blob    (OctaHistory          *self,
                                           guint                 file,
                                           gpointer              old_data,
                                           gpointer              new_data,
                                           GDestroyNotify        free_func);
gboolean     _octa_history_is_recording   (OctaHistory          *self);
gboolean     _octa_history_is_applying    (OctaHistory          *self);
guint64      _octa_history_get_position   (OctaHistory          *self);
gboolean     _octa_history_undo           (OctaHistory          *self);
gboolean     _octa_history_redo           (OctaHistory          *self);

G_END_DECLS
