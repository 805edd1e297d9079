/* SPDX-License-Identifier: MIT */
#include "octa-bank-private.h"

#include "octa-lazy-list-private.h"
#include "octa-part-private.h"
#include "octa-pattern-private.h"

/**
 * OctaBank:
 *
 * One of the 16 banks A…P: 16 patterns and 4 parts, stored in `bankNN.work`.
 */
struct _OctaBank
{
  GObject      parent_instance;

  OctaProject *project;
  guint        index;
  gboolean     has_content;
  gboolean     read_only;
  OctaPattern *patterns[OCTA_N_PATTERNS];  /* not owned: cleared as they go */
  OctaPart    *parts[OCTA_N_PARTS];
};

G_DEFINE_FINAL_TYPE (OctaBank, octa_bank, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_INDEX,
  PROP_LETTER,
  PROP_HAS_CONTENT,
  PROP_READ_ONLY,
  PROP_PROBLEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *const letters[] = {
  "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P",
};

static gboolean
compute_has_content (OctaBank *self)
{
  OctaBankFile *file = _octa_bank_get_file (self);

  for (guint p = 0; p < OCTA_N_PATTERNS; p++)
    if (octa_bank_file_pattern_has_trigs (file, p))
      return TRUE;
  return FALSE;
}

static void
octa_bank_refresh (GObject *object)
{
  OctaBank *self = OCTA_BANK (object);
  gboolean has_content = compute_has_content (self);

  gboolean read_only = _octa_project_is_damaged (self->project, _octa_bank_get_file_id (self));

  if (has_content != self->has_content)
    {
      self->has_content = has_content;
      g_object_notify_by_pspec (object, properties[PROP_HAS_CONTENT]);
    }
  if (read_only != self->read_only)
    {
      self->read_only = read_only;
      g_object_notify_by_pspec (object, properties[PROP_READ_ONLY]);
      g_object_notify_by_pspec (object, properties[PROP_PROBLEM]);
    }
}

static void
octa_bank_finalize (GObject *object)
{
  OctaBank *self = OCTA_BANK (object);

  _octa_project_unwatch (self->project, object);
  _octa_project_forget_bank (self->project, self->index);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (octa_bank_parent_class)->finalize (object);
}

static void
octa_bank_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  OctaBank *self = OCTA_BANK (object);

  switch (prop_id)
    {
    case PROP_INDEX:
      g_value_set_uint (value, self->index);
      break;
    case PROP_LETTER:
      g_value_set_string (value, letters[self->index]);
      break;
    case PROP_HAS_CONTENT:
      g_value_set_boolean (value, self->has_content);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    case PROP_PROBLEM:
      g_value_set_boxed (value, octa_bank_get_problem (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
octa_bank_class_init (OctaBankClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = octa_bank_finalize;
  object_class->get_property = octa_bank_get_property;

  /**
   * OctaBank:index:
   *
   * 0 for bank A … 15 for bank P.
   */
  properties[PROP_INDEX] =
    g_param_spec_uint ("index", NULL, NULL, 0, OCTA_N_BANKS - 1, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * OctaBank:letter:
   *
   * The bank's letter, "A" … "P".
   */
  properties[PROP_LETTER] =
    g_param_spec_string ("letter", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * OctaBank:has-content:
   *
   * Whether any pattern of the bank holds trigs of any kind.
   */
  properties[PROP_HAS_CONTENT] =
    g_param_spec_boolean ("has-content", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * OctaBank:read-only:
   *
   * Whether the bank's working file could not be read (or is of an older
   * format): its patterns and parts then take no edits, and no save writes
   * the file.
   */
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * OctaBank:problem:
   *
   * Why the bank's working file could not be read, or %NULL.
   */
  properties[PROP_PROBLEM] =
    g_param_spec_boxed ("problem", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
octa_bank_init (OctaBank *self)
{
}

OctaBank *
_octa_bank_new (OctaProject *project,
                guint        index)
{
  OctaBank *self = g_object_new (OCTA_TYPE_BANK, NULL);

  self->project = g_object_ref (project);
  self->index = index;
  self->has_content = compute_has_content (self);
  self->read_only = _octa_project_is_damaged (project, octa_file_id_bank (index, OCTA_STATE_WORK));
  /* Only the pattern blocks hold trigs. */
  _octa_project_watch (project, octa_file_id_bank (index, OCTA_STATE_WORK),
                       octa_bank_pattern_offset (0), octa_bank_part_offset (0, OCTA_PART_UNSAVED),
                       G_OBJECT (self), octa_bank_refresh);
  return self;
}

OctaBankFile *
_octa_bank_get_file (OctaBank *self)
{
  return _octa_project_get_bank_file (self->project, self->index, OCTA_STATE_WORK);
}

guint
_octa_bank_get_file_id (OctaBank *self)
{
  return octa_file_id_bank (self->index, OCTA_STATE_WORK);
}

/**
 * octa_bank_get_project:
 * @self: a bank
 *
 * Returns: (transfer none): the project holding the bank
 */
OctaProject *
octa_bank_get_project (OctaBank *self)
{
  g_return_val_if_fail (OCTA_IS_BANK (self), NULL);
  return self->project;
}

guint
octa_bank_get_index (OctaBank *self)
{
  g_return_val_if_fail (OCTA_IS_BANK (self), 0);
  return self->index;
}

const char *
octa_bank_get_letter (OctaBank *self)
{
  g_return_val_if_fail (OCTA_IS_BANK (self), NULL);
  return letters[self->index];
}

gboolean
octa_bank_get_has_content (OctaBank *self)
{
  g_return_val_if_fail (OCTA_IS_BANK (self), FALSE);
  return self->has_content;
}

static gpointer
get_pattern_item (GObject *owner,
                  guint    index)
{
  return octa_bank_get_pattern (OCTA_BANK (owner), index);
}

/**
 * octa_bank_list_patterns:
 * @self: a bank
 *
 * Returns: (transfer full): the 16 patterns as a #GListModel of #OctaPattern
 */
GListModel *
octa_bank_list_patterns (OctaBank *self)
{
  g_return_val_if_fail (OCTA_IS_BANK (self), NULL);
  return _octa_lazy_list_new (G_OBJECT (self), OCTA_TYPE_PATTERN, OCTA_N_PATTERNS,
                              get_pattern_item);
}

/**
 * octa_bank_get_pattern:
 * @self: a bank
 * @index: 0…15 for patterns 1…16
 *
 * Returns: (transfer full): the pattern
 */
OctaPattern *
octa_bank_get_pattern (OctaBank *self,
                       guint     index)
{
  g_return_val_if_fail (OCTA_IS_BANK (self), NULL);
  g_return_val_if_fail (index < OCTA_N_PATTERNS, NULL);

  if (self->patterns[index] != NULL)
    return g_object_ref (self->patterns[index]);
  self->patterns[index] = _octa_pattern_new (self, index);
  return self->patterns[index];
}

void
_octa_bank_forget_pattern (OctaBank *self,
                           guint     index)
{
  self->patterns[index] = NULL;
}

static gpointer
get_part_item (GObject *owner,
               guint    index)
{
  return octa_bank_get_part (OCTA_BANK (owner), index);
}

/**
 * octa_bank_list_parts:
 * @self: a bank
 *
 * Returns: (transfer full): the 4 parts as a #GListModel of #OctaPart
 */
GListModel *
octa_bank_list_parts (OctaBank *self)
{
  g_return_val_if_fail (OCTA_IS_BANK (self), NULL);
  return _octa_lazy_list_new (G_OBJECT (self), OCTA_TYPE_PART, OCTA_N_PARTS, get_part_item);
}

/**
 * octa_bank_get_part:
 * @self: a bank
 * @index: 0…3 for parts 1…4
 *
 * Returns: (transfer full): the part
 */
OctaPart *
octa_bank_get_part (OctaBank *self,
                    guint     index)
{
  g_return_val_if_fail (OCTA_IS_BANK (self), NULL);
  g_return_val_if_fail (index < OCTA_N_PARTS, NULL);

  if (self->parts[index] != NULL)
    return g_object_ref (self->parts[index]);
  self->parts[index] = _octa_part_new (self, index);
  return self->parts[index];
}

void
_octa_bank_forget_part (OctaBank *self,
                        guint     index)
{
  self->parts[index] = NULL;
}

/**
 * octa_bank_get_read_only:
 * @self: a bank
 *
 * Returns: whether the bank takes no edits (see #OctaBank:read-only)
 */
gboolean
octa_bank_get_read_only (OctaBank *self)
{
  g_return_val_if_fail (OCTA_IS_BANK (self), FALSE);
  return self->read_only;
}

/**
 * octa_bank_get_problem:
 * @self: a bank
 *
 * Returns: (transfer none) (nullable): why the bank's working file could not
 *   be read; octa_project_dup_problem_reason() says it in plain words
 */
const GError *
octa_bank_get_problem (OctaBank *self)
{
  g_return_val_if_fail (OCTA_IS_BANK (self), NULL);
  return _octa_project_get_problem (self->project, _octa_bank_get_file_id (self));
}

/**
 * octa_bank_dup_filename:
 * @self: a bank
 *
 * Returns: (transfer full): the name of the bank's working file, such as
 *   "bank03.work"
 */
char *
octa_bank_dup_filename (OctaBank *self)
{
  g_return_val_if_fail (OCTA_IS_BANK (self), NULL);
  return octa_project_files_filename (OCTA_FILE_KIND_BANK, self->index, OCTA_STATE_WORK);
}

/**
 * octa_bank_get_readable:
 * @self: a bank
 *
 * Returns: whether the bank's patterns and parts are what its file holds:
 *   %FALSE when the file could not be read and the bank stands in empty;
 *   %TRUE for an older-format bank, shown read-only
 */
gboolean
octa_bank_get_readable (OctaBank *self)
{
  g_return_val_if_fail (OCTA_IS_BANK (self), FALSE);
  return _octa_project_is_shown (self->project, _octa_bank_get_file_id (self));
}
