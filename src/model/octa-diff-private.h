/* SPDX-License-Identifier: MIT */
#pragma once

#include "octa-codec.h"
#include "octa-diff.h"

G_BEGIN_DECLS

typedef struct
{
  const char *path;       /* in the diff's string chunk */
  char       *old_value;  /* NULL: the value is in old_buf */
  char       *new_value;
  char        old_buf[16];
  char        new_buf[16];
} Text;

enum
{
  FORM_TEXT,
  FORM_MASK,  /* a step's trig bit: new_raw is the new bit */
  FORM_LOCK,  /* a step's parameter lock: the raw bytes */
};

/* Which bits of a step's timing pair a FORM_TEXT entry is about. */
enum
{
  SUB_NONE,
  SUB_REPEATS,
  SUB_MICRO,
  SUB_CONDITION,
};

typedef struct
{
  const char *kind;       /* static */
  const char *file;       /* interned */
  gint32      offset;
  guint8      form;
  guint8      strd;       /* the path starts with "strd." */
  guint8      letter;     /* bank letter */
  guint8      pattern;
  union
  {
    guint32 text;         /* FORM_TEXT: index in texts */
    struct
    {
      guint8 midi;
      guint8 track;
      guint8 step;
      guint8 what;        /* trig kind or lock parameter */
    } s;
  } u;
  guint8      old_raw;
  guint8      new_raw;
  guint8      len;        /* bytes from offset; 0 means 1 */
  guint8      sub;        /* SUB_* */
} Entry;

#define ENTRY_TEXT(d, e) (&g_array_index ((d)->texts, Text, (e)->u.text))
#define TEXT_OLD(t) ((t)->old_value != NULL ? (t)->old_value : (t)->old_buf)
#define TEXT_NEW(t) ((t)->new_value != NULL ? (t)->new_value : (t)->new_buf)

struct _OctaDiff
{
  GObject           parent_instance;
  GArray           *items;     /* of Entry */
  GArray           *texts;     /* of Text */
  GPtrArray        *objects;   /* OctaDiffItem or NULL, by position */
  GStringChunk     *chunk;     /* every path */

  OctaDiffMode      mode;
  OctaProject      *a;         /* the side takes write */
  OctaProject      *b;         /* PROJECTS only */
  OctaProjectFiles *disk;      /* UNSAVED: side B, owned */
  OctaPart         *part;      /* PART only */
};

const char *_octa_diff_entry_path   (OctaDiff    *self,
                                     const Entry *e,
                                     char         buf[160]);
void        _octa_diff_entry_values (OctaDiff    *self,
                                     const Entry *e,
                                     char         old_buf[16],
                                     char         new_buf[16],
                                     const char **old_value,
                                     const char **new_value);
gboolean    _octa_diff_path_in      (const char  *path,
                                     const char  *prefix);
OctaDiff   *_octa_diff_item_get_diff (OctaDiffItem *item);
char       *_octa_diff_setting_name  (const char  *key);

G_END_DECLS
