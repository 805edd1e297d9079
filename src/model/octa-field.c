/* SPDX-License-Identifier: MIT */
#include "octa-field-private.h"

#include <math.h>

/* The deepest hierarchy of classes with their own tables: OctaPartTrack,
 * OctaAudioPartTrack and one machine's class. */
#define MAX_DEPTH 4

struct _OctaFieldCache
{
  guint                 n_tables;
  const OctaFieldTable *tables[MAX_DEPTH];   /* base class first */
  gint                  values[];            /* each table's fields in turn */
};

static GQuark
table_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("octa-field-table");
  return quark;
}

void
octa_field_table_install (OctaFieldTable  *table,
                          GObjectClass    *klass,
                          guint            first_prop_id,
                          const OctaField *fields,
                          guint            n_fields)
{
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  table->fields = fields;
  table->n_fields = n_fields;
  table->first_prop_id = first_prop_id;
  table->pspecs = g_new0 (GParamSpec *, n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      const OctaField *f = &fields[i];
      GParamSpec *pspec = NULL;

      switch (f->type)
        {
        case OCTA_FIELD_INT:
          pspec = g_param_spec_int (f->name, NULL, NULL, f->minimum, f->maximum,
                                    f->default_value, flags);
          break;
        case OCTA_FIELD_BOOLEAN:
          pspec = g_param_spec_boolean (f->name, NULL, NULL, f->default_value != 0, flags);
          break;
        case OCTA_FIELD_ENUM:
          pspec = g_param_spec_enum (f->name, NULL, NULL, f->enum_type (), f->default_value, flags);
          break;
        case OCTA_FIELD_DOUBLE:
          pspec = g_param_spec_double (f->name, NULL, NULL, f->minimum / f->scale,
                                       f->maximum / f->scale, f->default_value / f->scale, flags);
          break;
        default:
          g_assert_not_reached ();
        }

      table->pspecs[i] = pspec;
      g_param_spec_set_qdata (pspec, table_quark (), table);
      g_object_class_install_property (klass, first_prop_id + i, pspec);
    }
  g_type_set_qdata (G_TYPE_FROM_CLASS (klass), table_quark (), table);
}

static const OctaField *
lookup (const OctaFieldTable *table,
        guint                 prop_id,
        guint                *index)
{
  if (prop_id < table->first_prop_id || prop_id >= table->first_prop_id + table->n_fields)
    return NULL;
  *index = prop_id - table->first_prop_id;
  return &table->fields[*index];
}

gboolean
octa_field_table_get (const OctaFieldTable *table,
                      gpointer              self,
                      guint                 prop_id,
                      GValue               *value)
{
  guint index;
  const OctaField *f = lookup (table, prop_id, &index);
  gint raw;

  if (f == NULL)
    return FALSE;

  raw = f->get (self, f->arg);
  switch (f->type)
    {
    case OCTA_FIELD_INT:
      g_value_set_int (value, raw);
      break;
    case OCTA_FIELD_BOOLEAN:
      g_value_set_boolean (value, raw != 0);
      break;
    case OCTA_FIELD_ENUM:
      g_value_set_enum (value, raw);
      break;
    case OCTA_FIELD_DOUBLE:
      g_value_set_double (value, raw / f->scale);
      break;
    default:
      g_assert_not_reached ();
    }
  return TRUE;
}

/**
 * octa_field_set_int:
 * @table: the class's table
 * @self: the object
 * @project: its project
 * @index: the field's index in the table
 * @value: the raw value
 *
 * Stores @value in one undo step, unless it is already stored. Values out of
 * the field's range are refused, as g_object_set() refuses them.
 */
void
octa_field_set_int (const OctaFieldTable *table,
                    gpointer              self,
                    OctaProject          *project,
                    guint                 index,
                    gint                  value)
{
  const OctaField *f = &table->fields[index];
  g_autofree char *label = NULL;

  if (f->type == OCTA_FIELD_ENUM)
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (f->enum_type ());
      g_return_if_fail (g_enum_get_value (klass, value) != NULL);
    }
  else if (f->type == OCTA_FIELD_BOOLEAN)
    {
      value = value != 0;
    }
  else
    {
      g_return_if_fail (value >= f->minimum && value <= f->maximum);
    }

  if (f->get (self, f->arg) == value)
    return;

  if (f->label == NULL)
    label = g_strdup_printf ("Change %s", f->name);
  octa_project_begin_change (project, f->label ? f->label : label);
  f->set (self, f->arg, value);
  octa_project_end_change (project);
}

gboolean
octa_field_table_set (const OctaFieldTable *table,
                      gpointer              self,
                      OctaProject          *project,
                      guint                 prop_id,
                      const GValue         *value)
{
  guint index;
  const OctaField *f = lookup (table, prop_id, &index);
  gint raw;

  if (f == NULL)
    return FALSE;

  switch (f->type)
    {
    case OCTA_FIELD_INT:
      raw = g_value_get_int (value);
      break;
    case OCTA_FIELD_BOOLEAN:
      raw = g_value_get_boolean (value);
      break;
    case OCTA_FIELD_ENUM:
      raw = g_value_get_enum (value);
      break;
    case OCTA_FIELD_DOUBLE:
      raw = (gint) lround (g_value_get_double (value) * f->scale);
      break;
    default:
      g_assert_not_reached ();
    }

  octa_field_set_int (table, self, project, index, raw);
  return TRUE;
}

/* Remembers what each field holds, so a refresh can tell what changed. */
gint *
octa_field_table_snapshot (const OctaFieldTable *table,
                           gpointer              self)
{
  gint *cache = g_new (gint, table->n_fields);

  for (guint i = 0; i < table->n_fields; i++)
    cache[i] = table->fields[i].get (self, table->fields[i].arg);
  return cache;
}

void
octa_field_table_refresh (const OctaFieldTable *table,
                          gpointer              self,
                          gint                 *cache)
{
  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 0; i < table->n_fields; i++)
    {
      gint now = table->fields[i].get (self, table->fields[i].arg);

      if (now != cache[i])
        {
          cache[i] = now;
          g_object_notify_by_pspec (G_OBJECT (self), table->pspecs[i]);
        }
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/* Every class of a hierarchy reaches its fields through the base class's
 * get/set_property: the pspec tells whose table holds the property. */
gboolean
octa_field_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  const OctaFieldTable *table = g_param_spec_get_qdata (pspec, table_quark ());

  return table != NULL && octa_field_table_get (table, object, prop_id, value);
}

gboolean
octa_field_set_property (GObject      *object,
                         OctaProject  *project,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  const OctaFieldTable *table = g_param_spec_get_qdata (pspec, table_quark ());

  return table != NULL && octa_field_table_set (table, object, project, prop_id, value);
}

/* Remembers the fields of @object's class and of each of its ancestors, so
 * one refresh covers them all. */
OctaFieldCache *
octa_field_cache_new (GObject *object)
{
  const OctaFieldTable *tables[MAX_DEPTH];
  guint n_tables = 0;
  gsize n_values = 0;
  OctaFieldCache *cache;
  gint *value;

  for (GType type = G_OBJECT_TYPE (object); type != G_TYPE_OBJECT; type = g_type_parent (type))
    {
      const OctaFieldTable *table = g_type_get_qdata (type, table_quark ());

      if (table == NULL)
        continue;
      g_assert (n_tables < MAX_DEPTH);
      tables[n_tables++] = table;
      n_values += table->n_fields;
    }

  cache = g_malloc (sizeof (OctaFieldCache) + n_values * sizeof (gint));
  cache->n_tables = n_tables;
  value = cache->values;
  for (guint i = 0; i < n_tables; i++)
    {
      const OctaFieldTable *table = tables[n_tables - 1 - i];

      cache->tables[i] = table;
      for (guint f = 0; f < table->n_fields; f++)
        *value++ = table->fields[f].get (object, table->fields[f].arg);
    }
  return cache;
}

/* Base class first, one table at a time: listeners see the base class's
 * properties change before a subclass's. */
void
octa_field_cache_refresh (OctaFieldCache *cache,
                          GObject        *object)
{
  gint *values = cache->values;

  for (guint i = 0; i < cache->n_tables; i++)
    {
      octa_field_table_refresh (cache->tables[i], object, values);
      values += cache->tables[i]->n_fields;
    }
}

void
octa_field_cache_free (OctaFieldCache *cache)
{
  g_free (cache);
}
