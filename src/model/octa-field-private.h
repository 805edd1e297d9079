/* SPDX-License-Identifier: MIT */
#pragma once

#include <glib-object.h>

#include "octa-project.h"

G_BEGIN_DECLS

/*
 * Most model properties are one number stored somewhere in a file. A class
 * describes each with an OctaField and lets this table do the rest: the
 * GParamSpec, get/set_property, write-through inside an undo step, and
 * notify exactly when the stored value changed (whoever changed it).
 */
typedef enum
{
  OCTA_FIELD_INT,
  OCTA_FIELD_BOOLEAN,
  OCTA_FIELD_ENUM,
  OCTA_FIELD_DOUBLE,   /* stored as an integer = value × scale */
} OctaFieldType;

typedef gint (*OctaFieldGet) (gpointer self,
                              guint    arg);
typedef void (*OctaFieldSet) (gpointer self,
                              guint    arg,
                              gint     value);

typedef struct
{
  const char    *name;
  OctaFieldType  type;
  gint           minimum;
  gint           maximum;
  gint           default_value;
  GType        (*enum_type) (void);
  OctaFieldGet   get;
  OctaFieldSet   set;
  guint          arg;
  double         scale;
  const char    *label;   /* undo label; NULL = "Change <name>" */
} OctaField;

typedef struct
{
  const OctaField *fields;
  guint            n_fields;
  guint            first_prop_id;
  GParamSpec     **pspecs;
} OctaFieldTable;

void     octa_field_table_install     (OctaFieldTable   *table,
                                       GObjectClass     *klass,
                                       guint             first_prop_id,
                                       const OctaField  *fields,
                                       guint             n_fields);
gboolean octa_field_table_get         (const OctaFieldTable *table,
                                       gpointer          self,
                                       guint             prop_id,
                                       GValue           *value);
gboolean octa_field_table_set         (const OctaFieldTable *table,
                                       gpointer          self,
                                       OctaProject      *project,
                                       guint             prop_id,
                                       const GValue     *value);
gint    *octa_field_table_snapshot    (const OctaFieldTable *table,
                                       gpointer          self);
void     octa_field_table_refresh     (const OctaFieldTable *table,
                                       gpointer          self,
                                       gint             *cache);
void     octa_field_set_int           (const OctaFieldTable *table,
                                       gpointer          self,
                                       OctaProject      *project,
                                       guint             index,
                                       gint              value);

/*
 * A base class and its subclasses, each with its own table, share the rest:
 * the base class's get/set_property serve every class of the hierarchy
 * through octa_field_get_property() and octa_field_set_property(), which
 * find the table of the class that installed the property, and one
 * OctaFieldCache per object covers the tables of all its classes.
 */

/* The first property id of a class whose properties are all fields. */
#define OCTA_FIELD_FIRST_PROP_ID 1

typedef struct _OctaFieldCache OctaFieldCache;

gboolean        octa_field_get_property  (GObject        *object,
                                          guint           prop_id,
                                          GValue         *value,
                                          GParamSpec     *pspec);
gboolean        octa_field_set_property  (GObject        *object,
                                          OctaProject    *project,
                                          guint           prop_id,
                                          const GValue   *value,
                                          GParamSpec     *pspec);
OctaFieldCache *octa_field_cache_new     (GObject        *object);
void            octa_field_cache_refresh (OctaFieldCache *cache,
                                          GObject        *object);
void            octa_field_cache_free    (OctaFieldCache *cache);

G_END_DECLS
