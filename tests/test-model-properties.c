/* SPDX-License-Identifier: MIT */
/*
 * Every writable property of every model class: notify fires exactly once
 * when the value changes, never on a same-value set; out-of-range values are
 * refused; undo puts the value and the bytes back.
 */
#include <math.h>
#include <string.h>

#include "octa.h"
#include "octa-test-utils.h"

typedef GObject *(*Factory) (OctaProject *project);

static guint notify_count;

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           gpointer    user_data)
{
  if (g_strcmp0 (pspec->name, user_data) == 0)
    notify_count++;
}

/* A different, valid value for the property, or FALSE when there is none. */
static gboolean
other_value (GParamSpec   *pspec,
             const GValue *current,
             GValue       *out)
{
  g_value_init (out, pspec->value_type);

  if (G_IS_PARAM_SPEC_BOOLEAN (pspec))
    {
      g_value_set_boolean (out, !g_value_get_boolean (current));
      return TRUE;
    }
  if (G_IS_PARAM_SPEC_INT (pspec))
    {
      GParamSpecInt *p = G_PARAM_SPEC_INT (pspec);
      gint v = g_value_get_int (current);

      g_value_set_int (out, v < p->maximum ? v + 1 : v - 1);
      return p->minimum < p->maximum;
    }
  if (G_IS_PARAM_SPEC_UINT (pspec))
    {
      GParamSpecUInt *p = G_PARAM_SPEC_UINT (pspec);
      guint v = g_value_get_uint (current);

      g_value_set_uint (out, v < p->maximum ? v + 1 : v - 1);
      return p->minimum < p->maximum;
    }
  if (G_IS_PARAM_SPEC_DOUBLE (pspec))
    {
      GParamSpecDouble *p = G_PARAM_SPEC_DOUBLE (pspec);
      double v = g_value_get_double (current);

      g_value_set_double (out, v + 1.0 <= p->maximum ? v + 1.0 : v - 1.0);
      return TRUE;
    }
  if (G_IS_PARAM_SPEC_ENUM (pspec))
    {
      GEnumClass *klass = G_PARAM_SPEC_ENUM (pspec)->enum_class;
      gint v = g_value_get_enum (current);

      for (guint i = 0; i < klass->n_values; i++)
        if (klass->values[i].value != v)
          {
            g_value_set_enum (out, klass->values[i].value);
            return TRUE;
          }
      return FALSE;
    }
  return FALSE;
}

static gboolean
out_of_range_value (GParamSpec *pspec,
                    GValue     *out)
{
  if (G_IS_PARAM_SPEC_INT (pspec) && G_PARAM_SPEC_INT (pspec)->maximum < G_MAXINT)
    {
      g_value_init (out, G_TYPE_INT);
      g_value_set_int (out, G_PARAM_SPEC_INT (pspec)->maximum + 1);
      return TRUE;
    }
  if (G_IS_PARAM_SPEC_DOUBLE (pspec) && G_PARAM_SPEC_DOUBLE (pspec)->maximum < 1e9)
    {
      g_value_init (out, G_TYPE_DOUBLE);
      g_value_set_double (out, G_PARAM_SPEC_DOUBLE (pspec)->maximum + 10.0);
      return TRUE;
    }
  return FALSE;
}

static guint
check_object (OctaProject *project,
              GObject     *object)
{
  guint n_props, checked = 0;
  g_autofree GParamSpec **pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object),
                                                                     &n_props);

  for (guint i = 0; i < n_props; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_auto(GValue) before = G_VALUE_INIT;
      g_auto(GValue) changed = G_VALUE_INIT;
      g_auto(GValue) after = G_VALUE_INIT;
      g_auto(GValue) bad = G_VALUE_INIT;
      gulong handler;

      if (!(pspec->flags & G_PARAM_WRITABLE) || (pspec->flags & G_PARAM_CONSTRUCT_ONLY))
        continue;
      if (G_IS_PARAM_SPEC_STRING (pspec))
        continue;

      g_value_init (&before, pspec->value_type);
      g_object_get_property (object, pspec->name, &before);
      if (!other_value (pspec, &before, &changed))
        continue;

      g_test_message ("%s:%s", G_OBJECT_TYPE_NAME (object), pspec->name);
      handler = g_signal_connect (object, "notify", G_CALLBACK (on_notify), (gpointer) pspec->name);

      notify_count = 0;
      g_object_set_property (object, pspec->name, &changed);
      if (notify_count != 1)
        g_error ("%s:%s notified %u times on a change", G_OBJECT_TYPE_NAME (object),
                 pspec->name, notify_count);

      g_value_init (&after, pspec->value_type);
      g_object_get_property (object, pspec->name, &after);
      if (g_param_values_cmp (pspec, &after, &changed) != 0)
        g_error ("%s:%s did not keep the value it was given", G_OBJECT_TYPE_NAME (object),
                 pspec->name);

      notify_count = 0;
      g_object_set_property (object, pspec->name, &changed);
      if (notify_count != 0)
        g_error ("%s:%s notified on a same-value set", G_OBJECT_TYPE_NAME (object), pspec->name);

      if (out_of_range_value (pspec, &bad))
        {
          g_test_expect_message ("GLib-GObject", G_LOG_LEVEL_WARNING, "*");
          g_object_set_property (object, pspec->name, &bad);
          g_test_assert_expected_messages ();
          g_value_reset (&after);
          g_object_get_property (object, pspec->name, &after);
          g_assert_cmpint (g_param_values_cmp (pspec, &after, &changed), ==, 0);
        }

      notify_count = 0;
      g_assert_true (octa_project_undo (project));
      g_value_reset (&after);
      g_object_get_property (object, pspec->name, &after);
      if (g_param_values_cmp (pspec, &after, &before) != 0)
        g_error ("%s:%s: undo did not restore the value", G_OBJECT_TYPE_NAME (object), pspec->name);
      g_assert_cmpuint (notify_count, ==, 1);

      g_signal_handler_disconnect (object, handler);
      checked++;
    }

  return checked;
}

static GObject *
make_pattern (OctaProject *project)
{
  g_autoptr(OctaBank) bank = octa_project_get_bank (project, 2);

  return G_OBJECT (octa_bank_get_pattern (bank, 9));
}

static GObject *
make_audio_track (OctaProject *project)
{
  g_autoptr(OctaPattern) pattern = OCTA_PATTERN (make_pattern (project));

  return G_OBJECT (octa_pattern_get_audio_track (pattern, 7));
}

static GObject *
make_midi_track (OctaProject *project)
{
  g_autoptr(OctaPattern) pattern = OCTA_PATTERN (make_pattern (project));

  return G_OBJECT (octa_pattern_get_midi_track (pattern, 0));
}

static GObject *
make_audio_step (OctaProject *project)
{
  g_autoptr(OctaPatternTrack) track = OCTA_PATTERN_TRACK (make_audio_track (project));

  return G_OBJECT (octa_pattern_track_get_step (track, 63));
}

static GObject *
make_midi_step (OctaProject *project)
{
  g_autoptr(OctaPatternTrack) track = OCTA_PATTERN_TRACK (make_midi_track (project));

  return G_OBJECT (octa_pattern_track_get_step (track, 31));
}

static GObject *
make_part (OctaProject *project)
{
  g_autoptr(OctaBank) bank = octa_project_get_bank (project, 15);

  return G_OBJECT (octa_bank_get_part (bank, 3));
}

static void
run_factory (gconstpointer data)
{
  Factory factory = (Factory) data;
  g_autoptr(OctaProject) project = octa_project_new_blank ("PROPS");
  g_autoptr(GObject) object = factory (project);
  g_autoptr(GBytes) before = octa_project_encode_file (project, "bank03.work");
  g_autoptr(GBytes) after = NULL;
  guint checked = check_object (project, object);

  g_test_message ("%u properties checked on %s", checked, G_OBJECT_TYPE_NAME (object));
  g_assert_cmpuint (checked, >, 0);

  /* Each property was undone: nothing may be left behind. */
  after = octa_project_encode_file (project, "bank03.work");
  g_assert_true (g_bytes_equal (before, after));
}

int
main (int   argc,
      char *argv[])
{
  static const struct {
    const char *path;
    Factory     factory;
  } cases[] = {
    { "/model/properties/pattern", make_pattern },
    { "/model/properties/audio-pattern-track", make_audio_track },
    { "/model/properties/midi-pattern-track", make_midi_track },
    { "/model/properties/audio-step", make_audio_step },
    { "/model/properties/midi-step", make_midi_step },
    { "/model/properties/part", make_part },
  };

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_test_add_data_func (cases[i].path, (gconstpointer) cases[i].factory, run_factory);

  return g_test_run ();
}
