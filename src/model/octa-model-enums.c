/* SPDX-License-Identifier: MIT */
#include "octa-model-enums.h"

static const char *const condition_names[] = {
  "—", "FILL", "!FILL", "PRE", "!PRE", "NEI", "!NEI", "1ST", "!1ST",
  "1%", "2%", "4%", "6%", "9%", "13%", "19%", "25%", "33%", "41%", "50%",
  "59%", "67%", "75%", "81%", "87%", "91%", "94%", "96%", "98%", "99%",
};

/**
 * octa_trig_condition_to_string:
 * @condition: a trig condition
 *
 * Returns: (transfer none): the condition as the device shows it ("FILL",
 *   "!PRE", "25%", "3:4"), or "—" for none
 */
const char *
octa_trig_condition_to_string (OctaTrigCondition condition)
{
  static const char *const ab_names[] = {
    "1:2", "2:2", "1:3", "2:3", "3:3", "1:4", "2:4", "3:4", "4:4",
    "1:5", "2:5", "3:5", "4:5", "5:5", "1:6", "2:6", "3:6", "4:6",
    "5:6", "6:6", "1:7", "2:7", "3:7", "4:7", "5:7", "6:7", "7:7",
    "1:8", "2:8", "3:8", "4:8", "5:8", "6:8", "7:8", "8:8",
  };

  if ((guint) condition < G_N_ELEMENTS (condition_names))
    return condition_names[condition];
  if ((guint) condition - G_N_ELEMENTS (condition_names) < G_N_ELEMENTS (ab_names))
    return ab_names[condition - G_N_ELEMENTS (condition_names)];

  return "?";
}

/**
 * octa_scale_to_string:
 * @scale: a scale
 *
 * Returns: (transfer none): "2x", "3/2x", "1x", "3/4x", "1/2x", "1/4x" or "1/8x"
 */
const char *
octa_scale_to_string (OctaScale scale)
{
  static const char *const names[] = { "2x", "3/2x", "1x", "3/4x", "1/2x", "1/4x", "1/8x" };

  return (guint) scale < G_N_ELEMENTS (names) ? names[scale] : "?";
}

/**
 * octa_trig_quantization_to_string:
 * @quantization: a trig quantisation
 *
 * Returns: (transfer none): "TR.LEN", "DIRECT" or the number of steps
 */
const char *
octa_trig_quantization_to_string (OctaTrigQuantization quantization)
{
  static const char *const names[] = {
    "TR.LEN", "1/16", "2/16", "3/16", "4/16", "6/16", "8/16", "12/16", "16/16",
    "24/16", "32/16", "48/16", "64/16", "96/16", "128/16", "192/16", "256/16",
  };

  if (quantization == OCTA_TRIG_QUANTIZATION_DIRECT)
    return "DIRECT";
  return (guint) quantization < G_N_ELEMENTS (names) ? names[quantization] : "?";
}

/**
 * octa_fx_type_to_string:
 * @type: an effect type
 *
 * Returns: (transfer none): the effect's name as the device shows it
 */
const char *
octa_fx_type_to_string (OctaFxType type)
{
  switch (type)
    {
    case OCTA_FX_TYPE_OFF: return "NONE";
    case OCTA_FX_TYPE_FILTER: return "FILTER";
    case OCTA_FX_TYPE_SPATIALIZER: return "SPATIALIZER";
    case OCTA_FX_TYPE_DELAY: return "DELAY";
    case OCTA_FX_TYPE_EQ: return "EQ";
    case OCTA_FX_TYPE_DJ_EQ: return "DJ EQ";
    case OCTA_FX_TYPE_PHASER: return "PHASER";
    case OCTA_FX_TYPE_FLANGER: return "FLANGER";
    case OCTA_FX_TYPE_CHORUS: return "CHORUS";
    case OCTA_FX_TYPE_COMB_FILTER: return "COMB FILTER";
    case OCTA_FX_TYPE_PLATE_REVERB: return "PLATE REVERB";
    case OCTA_FX_TYPE_SPRING_REVERB: return "SPRING REVERB";
    case OCTA_FX_TYPE_DARK_REVERB: return "DARK REVERB";
    case OCTA_FX_TYPE_COMPRESSOR: return "COMPRESSOR";
    case OCTA_FX_TYPE_LOFI: return "LO-FI";
    default: return "?";
    }
}

/**
 * octa_machine_kind_to_string:
 * @kind: a machine
 *
 * Returns: (transfer none): "STATIC", "FLEX", "THRU", "NEIGHBOR" or "PICKUP"
 */
const char *
octa_machine_kind_to_string (OctaMachineKind kind)
{
  static const char *const names[] = { "STATIC", "FLEX", "THRU", "NEIGHBOR", "PICKUP" };

  return (guint) kind < G_N_ELEMENTS (names) ? names[kind] : "?";
}
