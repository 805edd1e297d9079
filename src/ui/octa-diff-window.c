/* SPDX-License-Identifier: MIT */
#include <glib/gi18n.h>
#include <string.h>

#include "octa-css.h"
#include "octa-diff-window.h"
#include "octa-plock-names.h"

/**
 * OctaDiffWindow:
 *
 * The visual diff (design guide §5): project A's working state against its
 * saved state, or against another project B opened read-only, or one part's
 * unsaved copy (A) against its saved copy (B), where Use A saves that item
 * and Use B reloads it. The change
 * list groups the diff's items by bank, pattern, part, slot, setting and
 * arrangement; the detail pane shows A and B of the selected row side by
 * side with a field table; Use A / Use B settle a row or a whole group.
 * Only A is ever written, through octa_diff_take(), one undo step each.
 */

#define CONFIRM_ABOVE 20
#define AUTOEXPAND_MAX 2000

/* ---- Rows --------------------------------------------------------------- */

typedef enum
{
  RANK_BANK,
  RANK_SLOTS,
  RANK_SETTINGS,
  RANK_ARRANGEMENTS,
  RANK_OTHER,
} Rank;

typedef enum
{
  DETAIL_STEP,
  DETAIL_PART,
  DETAIL_SLOT,
  DETAIL_SETTING,
  DETAIL_OTHER,
} DetailKind;

struct _OctaDiffNode
{
  GObject       parent_instance;
  char         *key;        /* unique in the tree */
  char         *title;
  char         *take_path;  /* for octa_diff_take(); NULL: take the children */
  char         *context;    /* "Pattern A01" above a step, for the detail title */
  OctaDiffItem *item;       /* a leaf that is one item */
  GListStore   *children;   /* NULL for a leaf */
  GPtrArray    *items;      /* every OctaDiffItem at or below */
  Rank          rank;
  DetailKind    detail;
  guint         order;
};

G_DEFINE_FINAL_TYPE (OctaDiffNode, octa_diff_node, G_TYPE_OBJECT)

static void
octa_diff_node_finalize (GObject *object)
{
  OctaDiffNode *self = OCTA_DIFF_NODE (object);

  g_free (self->key);
  g_free (self->title);
  g_free (self->take_path);
  g_free (self->context);
  g_clear_object (&self->item);
  g_clear_object (&self->children);
  g_ptr_array_unref (self->items);
  G_OBJECT_CLASS (octa_diff_node_parent_class)->finalize (object);
}

static void
octa_diff_node_class_init (OctaDiffNodeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = octa_diff_node_finalize;
}

static void
octa_diff_node_init (OctaDiffNode *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * octa_diff_node_get_key:
 * @self: a row
 *
 * Returns: the row's path-like key, such as "A01.T3.17" or "group:slots"
 */
const char *
octa_diff_node_get_key (OctaDiffNode *self)
{
  g_return_val_if_fail (OCTA_IS_DIFF_NODE (self), NULL);
  return self->key;
}

const char *
octa_diff_node_get_title (OctaDiffNode *self)
{
  g_return_val_if_fail (OCTA_IS_DIFF_NODE (self), NULL);
  return self->title;
}

guint
octa_diff_node_get_n_changes (OctaDiffNode *self)
{
  g_return_val_if_fail (OCTA_IS_DIFF_NODE (self), 0);
  return self->items->len;
}

gboolean
octa_diff_node_is_leaf (OctaDiffNode *self)
{
  g_return_val_if_fail (OCTA_IS_DIFF_NODE (self), FALSE);
  return self->children == NULL;
}

/* ---- The window -------------------------------------------------------- */

typedef enum
{
  FILTER_ALL,
  FILTER_TRIGS,
  FILTER_LOCKS,
  FILTER_PARTS,
  FILTER_SLOTS,
  FILTER_SETTINGS,
  N_FILTERS,
} Filter;

static const char *const filter_ids[N_FILTERS] = {
  "all", "trigs", "locks", "parts", "slots", "settings",
};

struct _OctaDiffWindow
{
  AdwWindow           parent_instance;

  /* template children */
  GtkLabel           *side_a_label;
  GtkLabel           *side_b_label;
  AdwWindowTitle     *window_title;
  AdwToastOverlay    *toast_overlay;
  GtkStack           *stack;
  GtkLabel           *total_label;
  GtkBox             *filter_box;
  GtkSearchEntry     *search_entry;
  GtkListView        *list_view;
  GtkLabel           *detail_title;
  GtkLabel           *detail_subtitle;
  GtkWidget          *use_a_button;
  GtkWidget          *use_b_button;
  GtkBox             *sides_box;
  GtkGrid            *field_grid;
  AdwStatusPage      *empty_page;

  GtkToggleButton    *filter_buttons[N_FILTERS];

  OctaProject        *a;
  OctaProject        *b;
  OctaPart           *part;
  OctaDiff           *diff;
  GtkSingleSelection *selection;
  Filter              filter;
  char               *search;
  char               *selected_key;
  guint               selected_position;
  GHashTable         *kept;          /* item paths settled with Use A */
  GHashTable         *sound_items;   /* path → item: machines, FX types, pattern parts */
  GPtrArray          *last_kept;     /* what the last Use A settled, for Undo */
  guint               rescan_idle;
  gulong              changed_handler;
  AdwToast           *toast;
  OctaDiffNode       *pending;       /* waiting for the confirmation */
  OctaDiffSide        pending_side;
};

G_DEFINE_FINAL_TYPE (OctaDiffWindow, octa_diff_window, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_PROJECT_A,
  PROP_PROJECT_B,
  PROP_PART,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static void rebuild          (OctaDiffWindow *self);
static void show_detail      (OctaDiffWindow *self);

/* ---- Words --------------------------------------------------------------- */

static gboolean
is_none (const char *path,
         const char *value)
{
  if (value == NULL || *value == '\0' || g_str_equal (value, "false")
      || g_str_equal (value, "absent"))
    return TRUE;
  if (g_str_equal (value, "-1")
      && (strstr (path, ".lock-") != NULL || strstr (path, ".xlv-T") != NULL))
    return TRUE;
  return g_str_equal (value, "0") && g_str_has_suffix (path, ".sample-lock");
}

/* '+' added (in A, not B), '-' removed (in B, not A), '*' changed */
static char
item_state (OctaDiffItem *item)
{
  const char *path = octa_diff_item_get_path (item);
  gboolean none_a = is_none (path, octa_diff_item_get_value (item, OCTA_DIFF_SIDE_A));
  gboolean none_b = is_none (path, octa_diff_item_get_value (item, OCTA_DIFF_SIDE_B));

  if (!none_a && none_b)
    return '+';
  if (none_a && !none_b)
    return '-';
  return '*';
}

static char
node_state (OctaDiffNode *node)
{
  char state = 0;

  for (guint i = 0; i < node->items->len; i++)
    {
      char s = item_state (node->items->pdata[i]);

      if (state != 0 && s != state)
        return '*';
      state = s;
    }
  return state != 0 ? state : '*';
}

static const char *
state_glyph (char state)
{
  switch (state)
    {
    case '+':
      return "+";
    case '-':
      return "−";
    default:
      return "•";
    }
}

static const char *
state_class (char state)
{
  switch (state)
    {
    case '+':
      return "diff-add";
    case '-':
      return "diff-del";
    default:
      return "diff-chg";
    }
}

static const char *
state_words (char state)
{
  switch (state)
    {
    case '+':
      return _("only in A");
    case '-':
      return _("only in B");
    default:
      return _("changed");
    }
}

/* "lock-amp-vol" → "AMP VOL", "trigless" → "Trigless trig" */
static char *
field_name (const char *leaf)
{
  static const struct { const char *name; const char *words; } names[] = {
    { "trig", N_("Trig") }, { "trigless", N_("Trigless trig") }, { "lock", N_("Lock trig") },
    { "oneshot", N_("One-shot trig") }, { "swing", N_("Swing trig") },
    { "slide", N_("Slide trig") }, { "recorder-1", N_("Recorder trig 1") },
    { "recorder-2", N_("Recorder trig 2") }, { "recorder-3", N_("Recorder trig 3") },
    { "recorder-4", N_("Recorder trig 4") }, { "condition", N_("Condition") },
    { "micro-timing", N_("Micro-timing") }, { "repeats", N_("Repeats") },
    { "sample-lock", N_("Sample lock") }, { "path", N_("File") }, { "length", N_("Length") },
    { "scale", N_("Scale") }, { "name", N_("Name") }, { "part", N_("Part") },
    { "tempo-x24", N_("Tempo × 24") }, { "machine", N_("Machine") },
  };
  g_autofree char *up = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (leaf, names[i].name))
      return g_strdup (_(names[i].words));
  if (g_str_has_prefix (leaf, "lock-"))
    leaf += strlen ("lock-");
  up = g_ascii_strup (leaf, -1);
  g_strdelimit (up, "-", ' ');
  return g_steal_pointer (&up);
}

static char *
value_words (const char *path,
             const char *value)
{
  if (value == NULL || *value == '\0')
    return g_strdup ("—");
  if (g_str_equal (value, "true"))
    return g_strdup (_("On"));
  if (g_str_equal (value, "false"))
    return g_strdup (_("Off"));
  if (is_none (path, value))
    return g_strdup ("—");
  return g_strdup (value);
}

/* "tempo-x24" → "TEMPOx24", "trig-mode-midi.3" → "TRIG_MODE_MIDI 3": the
 * key as project.work writes it */
static char *
setting_key (const char *name)
{
  GString *s = g_string_new (NULL);

  for (const char *p = name; *p != '\0'; p++)
    {
      if (*p == '-' && p[1] == 'x' && g_ascii_isdigit (p[2]))
        continue;
      if (*p == 'x' && p > name && p[-1] == '-' && g_ascii_isdigit (p[1]))
        g_string_append_c (s, 'x');
      else if (*p == '-')
        g_string_append_c (s, '_');
      else if (*p == '.')
        g_string_append_c (s, ' ');
      else
        g_string_append_c (s, g_ascii_toupper (*p));
    }
  return g_string_free (s, FALSE);
}

/* ---- Building the tree --------------------------------------------------- */

typedef struct
{
  char       *key;
  char       *title;
  char       *take_path;
  Rank        rank;
  DetailKind  detail;
} Level;

static void
level_clear (Level *l)
{
  g_free (l->key);
  g_free (l->title);
  g_free (l->take_path);
}

static void
set_level (Level      *l,
           char       *key,
           char       *title,
           const char *take_path,
           Rank        rank,
           DetailKind  detail)
{
  l->key = key;
  l->title = title;
  l->take_path = g_strdup (take_path);
  l->rank = rank;
  l->detail = detail;
}

static gboolean
is_digits (const char *p,
           guint       n)
{
  for (guint i = 0; i < n; i++)
    if (!g_ascii_isdigit (p[i]))
      return FALSE;
  return TRUE;
}

/* "T3.17." or "M1.5." at @p: the step's end in @end */
static gboolean
parse_step (const char  *p,
            const char **end)
{
  const char *q;

  if (p[0] != 'T' && p[0] != 'M')
    return FALSE;
  q = p + 1;
  if (!g_ascii_isdigit (*q))
    return FALSE;
  while (g_ascii_isdigit (*q))
    q++;
  if (*q++ != '.' || !g_ascii_isdigit (*q))
    return FALSE;
  while (g_ascii_isdigit (*q))
    q++;
  if (*q != '.')
    return FALSE;
  *end = q;
  return TRUE;
}

/*
 * Where an item goes: up to three levels above it and whether the leaf is
 * the item itself. Returns the number of levels filled, the last being the
 * leaf.
 */
static guint
classify (OctaDiffItem *item,
          Level         levels[4],
          gboolean     *leaf_is_item)
{
  const char *path = octa_diff_item_get_path (item);
  const char *kind = octa_diff_item_get_kind (item);
  gboolean strd = g_str_has_prefix (path, "strd.");
  const char *p = strd ? path + 5 : path;
  const char *pre = strd ? "strd." : "";
  const char *saved = strd ? _(" · saved state") : "";
  const char *end;
  guint n = 0;

  *leaf_is_item = FALSE;

  if (g_str_equal (kind, "bytes") || g_str_equal (kind, "file")
      || g_str_has_prefix (p, "project.") || g_str_has_prefix (p, "markers."))
    {
      const char *file = octa_diff_item_get_file (item);

      set_level (&levels[n++], g_strdup ("group:other"), g_strdup (_("Other bytes")), NULL,
                 RANK_OTHER, DETAIL_OTHER);
      /* by file, "bank02.work", then each byte by its offset */
      set_level (&levels[n++], g_strdup_printf ("other:%s", file), g_strdup (file), NULL,
                 RANK_OTHER, DETAIL_OTHER);
      set_level (&levels[n++], g_strdup (path), g_strdup (path), path, RANK_OTHER, DETAIL_OTHER);
      *leaf_is_item = TRUE;
      return n;
    }

  if (p[0] >= 'A' && p[0] <= 'P' && is_digits (p + 1, 2) && p[3] == '.')
    {
      char letter = p[0];
      g_autofree char *pattern = g_strndup (p, 3);

      set_level (&levels[n++], g_strdup_printf ("%s%c", pre, letter),
                 g_strdup_printf (_("Bank %c%s"), letter, saved),
                 NULL, RANK_BANK, DETAIL_OTHER);
      g_free (levels[0].take_path);
      levels[0].take_path = g_strdup (levels[0].key);
      set_level (&levels[n++], g_strdup_printf ("%s%s", pre, pattern),
                 g_strdup_printf (_("Pattern %s"), pattern), NULL, RANK_BANK, DETAIL_OTHER);
      levels[1].take_path = g_strdup (levels[1].key);
      if (parse_step (p + 4, &end))
        {
          g_autofree char *track = g_strndup (p + 4, strchr (p + 4, '.') - (p + 4));
          const char *step = strchr (p + 4, '.') + 1;
          g_autofree char *stepno = g_strndup (step, end - step);
          g_autofree char *take = g_strndup (path, (end - p) + (p - path));

          set_level (&levels[n++], g_strdup (take),
                     g_strdup_printf (_("%s step %s"), track, stepno), take, RANK_BANK,
                     DETAIL_STEP);
          return n;
        }
      {
        g_autofree char *rest = g_strdup (p + 4);

        g_strdelimit (rest, ".", ' ');
        set_level (&levels[n++], g_strdup (path), field_name (rest), path, RANK_BANK,
                   DETAIL_SETTING);
        /* "T3 length": the track and the field */
        if (strchr (p + 4, '.') != NULL)
          {
            g_autofree char *track = g_strndup (p + 4, strchr (p + 4, '.') - (p + 4));
            g_autofree char *field = field_name (strchr (p + 4, '.') + 1);

            g_free (levels[n - 1].title);
            levels[n - 1].title = g_strdup_printf ("%s %s", track, field);
          }
      }
      *leaf_is_item = TRUE;
      return n;
    }

  if (p[0] >= 'A' && p[0] <= 'P' && p[1] == '.')
    {
      char letter = p[0];

      set_level (&levels[n++], g_strdup_printf ("%s%c", pre, letter),
                 g_strdup_printf (_("Bank %c%s"), letter, saved),
                 NULL, RANK_BANK, DETAIL_OTHER);
      levels[0].take_path = g_strdup (levels[0].key);
      if (g_str_has_prefix (p + 2, "part") && p[6] >= '1' && p[6] <= '4'
          && (p[7] == '.' || p[7] == '\0'))
        {
          g_autofree char *part = g_strndup (path, (p + 7) - path);
          const char *rest = p[7] == '.' ? p + 8 : p + 7;
          gboolean saved_copy = g_str_has_prefix (rest, "saved.");
          const char *r = saved_copy ? rest + 6 : rest;
          const char *dot = strchr (r, '.');

          set_level (&levels[n++], g_strdup (part), g_strdup_printf (_("Part %c"), p[6]), part,
                     RANK_BANK, DETAIL_PART);
          if (dot != NULL && (((r[0] == 'T' || r[0] == 'M') && is_digits (r + 1, dot - r - 1))
                              || (g_str_has_prefix (r, "scene") && is_digits (r + 5, dot - r - 5))))
            {
              g_autofree char *take = g_strndup (path, dot - path);
              g_autofree char *what = g_strndup (r, dot - r);
              g_autofree char *title = g_str_has_prefix (what, "scene")
                                       ? g_strdup_printf (_("Scene %s"), what + 5)
                                       : g_strdup (what);

              set_level (&levels[n++], g_strdup (take),
                         saved_copy ? g_strdup_printf (_("Saved copy · %s"), title)
                                    : g_steal_pointer (&title),
                         take, RANK_BANK, DETAIL_PART);
              return n;
            }
          set_level (&levels[n++], g_strdup (path), field_name (rest), path, RANK_BANK,
                     DETAIL_PART);
          *leaf_is_item = TRUE;
          return n;
        }
      set_level (&levels[n++], g_strdup (path), field_name (p + 2), path, RANK_BANK,
                 DETAIL_OTHER);
      *leaf_is_item = TRUE;
      return n;
    }

  if (g_str_has_prefix (p, "flex.") || g_str_has_prefix (p, "static.")
      || g_str_has_prefix (p, "recorder."))
    {
      const char *num = strchr (p, '.') + 1;
      const char *dot = strchr (num, '.');
      g_autofree char *take = g_strndup (path, (dot ? dot : num + strlen (num)) - path);
      guint slot = g_ascii_strtoull (num, NULL, 10);
      char *title = p[0] == 'f' ? g_strdup_printf (_("Flex %03u"), slot)
                  : p[0] == 's' ? g_strdup_printf (_("Static %03u"), slot)
                                : g_strdup_printf (_("Recorder buffer %u"), slot);

      set_level (&levels[n++], g_strdup_printf ("group:%sslots", pre),
                 g_strdup_printf (_("Sample slots%s"), saved), NULL, RANK_SLOTS, DETAIL_SLOT);
      set_level (&levels[n++], g_strdup (take), title, take, RANK_SLOTS, DETAIL_SLOT);
      return n;
    }

  if (g_str_has_prefix (p, "settings."))
    {
      g_autofree char *key = setting_key (p + strlen ("settings."));

      set_level (&levels[n++], g_strdup_printf ("%ssettings", pre),
                 g_strdup_printf (_("Project settings%s"), saved), NULL, RANK_SETTINGS,
                 DETAIL_SETTING);
      levels[0].take_path = g_strdup (levels[0].key);
      set_level (&levels[n++], g_strdup (path), g_steal_pointer (&key), path, RANK_SETTINGS,
                 DETAIL_SETTING);
      *leaf_is_item = TRUE;
      return n;
    }

  if (g_str_has_prefix (p, "arr") && g_ascii_isdigit (p[3]))
    {
      const char *dot = strchr (p, '.');
      g_autofree char *arr = g_strndup (path, (dot ? dot : p + strlen (p)) - path);
      guint number = g_ascii_strtoull (p + 3, NULL, 10);

      set_level (&levels[n++], g_strdup_printf ("group:%sarrangements", pre),
                 g_strdup_printf (_("Arrangements%s"), saved), NULL, RANK_ARRANGEMENTS,
                 DETAIL_OTHER);
      set_level (&levels[n++], g_strdup (arr), g_strdup_printf (_("Arrangement %u"), number),
                 arr, RANK_ARRANGEMENTS, DETAIL_OTHER);
      if (dot != NULL && g_ascii_isdigit (dot[1]))
        {
          const char *dot2 = strchr (dot + 1, '.');
          g_autofree char *take = g_strndup (path, (dot2 ? dot2 : dot + strlen (dot)) - path);
          g_autofree char *row = g_strndup (dot + 1, (dot2 ? dot2 : dot + strlen (dot)) - dot - 1);

          set_level (&levels[n++], g_strdup (take), g_strdup_printf (_("Row %s"), row), take,
                     RANK_ARRANGEMENTS, DETAIL_SETTING);
          return n;
        }
      set_level (&levels[n++], g_strdup (path), field_name (dot ? dot + 1 : p), path,
                 RANK_ARRANGEMENTS, DETAIL_SETTING);
      *leaf_is_item = TRUE;
      return n;
    }

  set_level (&levels[n++], g_strdup ("group:other"), g_strdup (_("Other bytes")), NULL,
             RANK_OTHER, DETAIL_OTHER);
  set_level (&levels[n++], g_strdup (path), g_strdup (path), path, RANK_OTHER, DETAIL_OTHER);
  *leaf_is_item = TRUE;
  return n;
}

static gboolean
passes_filter (OctaDiffWindow *self,
               OctaDiffItem   *item)
{
  const char *kind = octa_diff_item_get_kind (item);
  const char *path = octa_diff_item_get_path (item);
  const char *leaf = strrchr (path, '.');
  gboolean lock = leaf != NULL && (g_str_has_prefix (leaf, ".lock-")
                                   || g_str_equal (leaf, ".sample-lock"));

  if (g_hash_table_contains (self->kept, path))
    return FALSE;

  switch (self->filter)
    {
    case FILTER_TRIGS:
      if (!g_str_equal (kind, "step") || lock)
        return FALSE;
      break;
    case FILTER_LOCKS:
      if (!((g_str_equal (kind, "step") && lock) || g_str_equal (kind, "scene")))
        return FALSE;
      break;
    case FILTER_PARTS:
      if (!g_str_equal (kind, "part") && !g_str_equal (kind, "scene"))
        return FALSE;
      break;
    case FILTER_SLOTS:
      if (!g_str_equal (kind, "slot"))
        return FALSE;
      break;
    case FILTER_SETTINGS:
      if (!g_str_equal (kind, "setting") && !g_str_equal (kind, "pattern")
          && !g_str_equal (kind, "track"))
        return FALSE;
      break;
    case FILTER_ALL:
    default:
      break;
    }
  return TRUE;
}

static gboolean
matches_search (OctaDiffWindow *self,
                OctaDiffItem   *item,
                Level          *levels,
                guint           n)
{
  g_autofree char *path = NULL;

  if (self->search == NULL || *self->search == '\0')
    return TRUE;
  path = g_utf8_casefold (octa_diff_item_get_path (item), -1);
  if (strstr (path, self->search) != NULL)
    return TRUE;
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *title = g_utf8_casefold (levels[i].title, -1);

      if (strstr (title, self->search) != NULL)
        return TRUE;
    }
  return FALSE;
}

static GListModel *
create_children (gpointer item,
                 gpointer user_data)
{
  OctaDiffNode *node = item;

  return node->children ? g_object_ref (G_LIST_MODEL (node->children)) : NULL;
}

static int
compare_nodes (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const OctaDiffNode *x = a, *y = b;

  if (x->rank != y->rank)
    return x->rank < y->rank ? -1 : 1;
  return x->order < y->order ? -1 : x->order > y->order;
}

/* Under a part, rows run T1…T8, M1…M8, then the scenes, the saved copy's
 * rows in the same order, and the rest as found; the diff itself lists
 * them in byte order, which starts with T4's FX type before T1's values. */
static guint
part_child_rank (const OctaDiffNode *node,
                 guint              *number)
{
  const char *dot = strstr (node->key, ".part");
  const char *r;
  guint base = 0;

  *number = 0;
  if (dot == NULL || dot[5] == '\0' || dot[6] != '.')
    return 8;
  r = dot + 7;
  if (g_str_has_prefix (r, "saved."))
    {
      r += strlen ("saved.");
      base = 3;
    }
  if ((r[0] == 'T' || r[0] == 'M') && g_ascii_isdigit (r[1]))
    {
      *number = g_ascii_strtoull (r + 1, NULL, 10);
      return base + (r[0] == 'T' ? 0 : 1);
    }
  if (g_str_has_prefix (r, "scene") && g_ascii_isdigit (r[5]))
    {
      *number = g_ascii_strtoull (r + 5, NULL, 10);
      return base + 2;
    }
  return 8;
}

static int
compare_part_children (gconstpointer a,
                       gconstpointer b,
                       gpointer      user_data)
{
  const OctaDiffNode *x = a, *y = b;
  guint nx, ny;
  guint rx = part_child_rank (x, &nx), ry = part_child_rank (y, &ny);

  if (rx != ry)
    return rx < ry ? -1 : 1;
  if (nx != ny)
    return nx < ny ? -1 : 1;
  return x->order < y->order ? -1 : x->order > y->order;
}

/* The flat rows, and where @key is among them */
static guint
find_row (OctaDiffWindow *self,
          const char     *key)
{
  GListModel *rows = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (rows);

  for (guint i = 0; key != NULL && i < n; i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(OctaDiffNode) node = gtk_tree_list_row_get_item (row);

      if (g_str_equal (node->key, key))
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static OctaDiffNode *
node_at (OctaDiffWindow *self,
         guint           position)
{
  g_autoptr(GtkTreeListRow) row = NULL;

  if (self->selection == NULL)
    return NULL;
  row = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  return row != NULL ? gtk_tree_list_row_get_item (row) : NULL;
}

static OctaDiffNode *
selected_node (OctaDiffWindow *self)
{
  if (self->selection == NULL)
    return NULL;
  return node_at (self, gtk_single_selection_get_selected (self->selection));
}

static void
selection_changed_cb (OctaDiffWindow *self)
{
  g_autoptr(OctaDiffNode) node = selected_node (self);

  if (node != NULL)
    {
      g_free (self->selected_key);
      self->selected_key = g_strdup (node->key);
      self->selected_position = gtk_single_selection_get_selected (self->selection);
    }
  show_detail (self);
}

static void
update_total (OctaDiffWindow *self,
              guint           shown)
{
  guint all = g_list_model_get_n_items (G_LIST_MODEL (self->diff));
  g_autofree char *text = NULL;

  if (shown == all)
    text = g_strdup_printf (g_dngettext (NULL, "%u change", "%u changes", all), all);
  else
    /* Translators: "5 of 17 changes" */
    text = g_strdup_printf (g_dngettext (NULL, "%u of %u change", "%u of %u changes", all),
                            shown, all);
  gtk_label_set_text (self->total_label, text);
}

/* "Part 2 TWO", as the rest of the application names parts, from A's bank */
static void
name_part (OctaDiffWindow *self,
           OctaDiffNode   *node)
{
  const char *key = node->key;
  g_autoptr(OctaBank) bank = NULL;
  g_autoptr(OctaPart) part = NULL;
  g_autofree char *name = NULL;

  if (key[0] < 'A' || key[0] > 'P' || !g_str_has_prefix (key + 1, ".part") || key[6] < '1'
      || key[6] > '4' || key[7] != '\0')
    return;
  bank = octa_project_get_bank (self->a, key[0] - 'A');
  part = octa_bank_get_part (bank, key[6] - '1');
  name = octa_part_dup_name (part);
  if (name != NULL && *name != '\0')
    {
      g_free (node->title);
      node->title = g_strdup_printf (_("Part %c %s"), key[6], name);
    }
}

/* Whether @item says which machine or effect a track has, or which part
 * a pattern plays: what names the values of the other items */
static gboolean
is_sound_item (OctaDiffItem *item)
{
  const char *path = octa_diff_item_get_path (item);

  return g_str_has_suffix (path, ".machine") || g_str_has_suffix (path, ".fx1-type")
         || g_str_has_suffix (path, ".fx2-type")
         || (g_str_has_suffix (path, ".part") && strlen (path) >= 8
             && is_digits (path + strlen (path) - 7, 2));
}

static OctaDiff *
compute (OctaDiffWindow *self)
{
  if (self->part != NULL)
    return octa_diff_new_part (self->part);
  if (self->b != NULL)
    return octa_diff_new_projects (self->a, self->b);
  return octa_diff_new_saved_state (self->a);
}

static void
rebuild (OctaDiffWindow *self)
{
  g_autoptr(GListStore) root = g_list_store_new (OCTA_TYPE_DIFF_NODE);
  g_autoptr(GHashTable) nodes = g_hash_table_new (g_str_hash, g_str_equal);
  GtkTreeListModel *tree;
  guint n, shown = 0, order = 0, position;

  g_clear_object (&self->diff);
  self->diff = compute (self);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->diff));
  g_hash_table_remove_all (self->sound_items);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OctaDiffItem) item = g_list_model_get_item (G_LIST_MODEL (self->diff), i);
      Level levels[4] = { { NULL } };
      gboolean leaf_is_item;
      guint depth;
      OctaDiffNode *parent = NULL;

      if (is_sound_item (item))
        g_hash_table_insert (self->sound_items, g_strdup (octa_diff_item_get_path (item)),
                             g_object_ref (item));
      if (!passes_filter (self, item))
        continue;
      depth = classify (item, levels, &leaf_is_item);
      if (!matches_search (self, item, levels, depth))
        {
          for (guint l = 0; l < depth; l++)
            level_clear (&levels[l]);
          continue;
        }
      shown++;
      for (guint l = 0; l < depth; l++)
        {
          OctaDiffNode *node = g_hash_table_lookup (nodes, levels[l].key);

          if (node == NULL)
            {
              node = g_object_new (OCTA_TYPE_DIFF_NODE, NULL);
              node->key = g_strdup (levels[l].key);
              node->title = g_strdup (levels[l].title);
              node->take_path = g_strdup (levels[l].take_path);
              node->rank = levels[l].rank;
              node->detail = levels[l].detail;
              node->order = order++;
              name_part (self, node);
              if (parent != NULL)
                node->context = g_strdup (parent->title);
              if (l < depth - 1)
                node->children = g_list_store_new (OCTA_TYPE_DIFF_NODE);
              else if (leaf_is_item)
                node->item = g_object_ref (item);
              g_hash_table_insert (nodes, node->key, node);
              if (parent != NULL)
                g_list_store_append (parent->children, node);
              else
                g_list_store_append (root, node);
              g_object_unref (node);
            }
          g_ptr_array_add (node->items, g_object_ref (item));
          parent = node;
        }
      for (guint l = 0; l < depth; l++)
        level_clear (&levels[l]);
    }
  g_list_store_sort (root, compare_nodes, NULL);
  {
    GHashTableIter iter;
    OctaDiffNode *node;

    g_hash_table_iter_init (&iter, nodes);
    while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &node))
      if (node->detail == DETAIL_PART && node->children != NULL)
        g_list_store_sort (node->children, compare_part_children, NULL);
  }

  /* Everything open while it reads at a glance; two unrelated projects
   * differ in a hundred thousand places and open group by group. */
  tree = gtk_tree_list_model_new (G_LIST_MODEL (g_steal_pointer (&root)), FALSE,
                                  shown <= AUTOEXPAND_MAX, create_children, NULL, NULL);
  if (shown > AUTOEXPAND_MAX)
    for (guint i = g_list_model_get_n_items (G_LIST_MODEL (tree)); i-- > 0;)
      {
        g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (tree), i);

        gtk_tree_list_row_set_expanded (row, TRUE);
      }
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_func (self->selection, selection_changed_cb, self);
  g_clear_object (&self->selection);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (tree));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  update_total (self, shown);
  if (self->b == NULL && self->part == NULL && !octa_project_has_saved_state (self->a))
    {
      /* The diff's one "saved-state" item is no change anyone can take. */
      adw_status_page_set_icon_name (self->empty_page, "document-save-symbolic");
      adw_status_page_set_title (self->empty_page, _("No saved state yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("RELOAD has nothing to return to until the project is "
                                         "saved and stored (Ctrl+Alt+S)."));
      n = 0;
    }
  else
    {
      adw_status_page_set_icon_name (self->empty_page, "emblem-ok-symbolic");
      adw_status_page_set_title (self->empty_page, _("No differences"));
    }
  gtk_stack_set_visible_child_name (self->stack, n == 0 ? "empty" : "changes");

  /* The same row again, or what moved into its place after a take. */
  position = find_row (self, self->selected_key);
  if (position == GTK_INVALID_LIST_POSITION && self->selected_key != NULL)
    {
      guint rows = g_list_model_get_n_items (G_LIST_MODEL (self->selection));

      position = MIN (self->selected_position, rows > 0 ? rows - 1 : 0);
      for (guint p = position; p < rows; p++)
        {
          g_autoptr(OctaDiffNode) node = node_at (self, p);

          if (node->children == NULL)
            {
              position = p;
              break;
            }
        }
      if (rows == 0)
        position = GTK_INVALID_LIST_POSITION;
    }
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, position);
  g_signal_connect_swapped (self->selection, "notify::selected",
                            G_CALLBACK (selection_changed_cb), self);
  selection_changed_cb (self);
}

/* ---- Rows on screen ---------------------------------------------------- */

static void take_node (OctaDiffWindow *self,
                       OctaDiffNode   *node,
                       OctaDiffSide    side);

static void
row_button_clicked_cb (GtkButton      *button,
                       OctaDiffWindow *self)
{
  GtkListItem *list_item = g_object_get_data (G_OBJECT (button), "octa-list-item");
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  g_autoptr(OctaDiffNode) node = row ? gtk_tree_list_row_get_item (row) : NULL;
  gboolean use_b = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "octa-side"));

  if (node != NULL)
    take_node (self, node, use_b ? OCTA_DIFF_SIDE_B : OCTA_DIFF_SIDE_A);
}

static GtkWidget *
make_take_button (OctaDiffWindow *self,
                  GtkListItem    *list_item,
                  gboolean        use_b)
{
  GtkWidget *button = gtk_button_new_with_label (use_b ? "→" : "←");

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "take-button");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_focus_on_click (button, FALSE);
  gtk_widget_set_tooltip_text (button, use_b ? _("Use B") : _("Use A"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  use_b ? _("Use B") : _("Use A"), -1);
  g_object_set_data (G_OBJECT (button), "octa-list-item", list_item);
  g_object_set_data (G_OBJECT (button), "octa-side", GINT_TO_POINTER (use_b));
  g_signal_connect (button, "clicked", G_CALLBACK (row_button_clicked_cb), self);
  return button;
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              OctaDiffWindow           *self)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *glyph = gtk_label_new (NULL);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *count = gtk_label_new (NULL);

  gtk_widget_add_css_class (box, "diff-row");
  gtk_widget_add_css_class (glyph, "diff-glyph");
  gtk_label_set_width_chars (GTK_LABEL (glyph), 1);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  gtk_box_append (GTK_BOX (box), glyph);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), count);
  gtk_box_append (GTK_BOX (box), make_take_button (self, list_item, FALSE));
  gtk_box_append (GTK_BOX (box), make_take_button (self, list_item, TRUE));
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  gtk_list_item_set_child (list_item, expander);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             OctaDiffWindow           *self)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  GtkWidget *box = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  GtkWidget *glyph = gtk_widget_get_first_child (box);
  GtkWidget *title = gtk_widget_get_next_sibling (glyph);
  GtkWidget *count = gtk_widget_get_next_sibling (title);
  g_autoptr(OctaDiffNode) node = gtk_tree_list_row_get_item (row);
  char state = node_state (node);
  g_autofree char *n = g_strdup_printf ("%u", node->items->len);
  g_autofree char *a11y = NULL;

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  for (guint i = 0; i < 3; i++)
    gtk_widget_remove_css_class (glyph, state_class ("+-*"[i]));
  if (node->children == NULL)
    {
      gtk_label_set_text (GTK_LABEL (glyph), state_glyph (state));
      gtk_widget_add_css_class (glyph, state_class (state));
    }
  else
    gtk_label_set_text (GTK_LABEL (glyph), "");
  gtk_widget_set_visible (glyph, node->children == NULL);
  gtk_label_set_text (GTK_LABEL (title), node->title);
  gtk_label_set_text (GTK_LABEL (count), n);
  gtk_widget_set_visible (count, node->children != NULL);
  if (node->children == NULL)
    gtk_widget_remove_css_class (title, "heading");
  else
    gtk_widget_add_css_class (title, "heading");
  a11y = node->children == NULL
         ? g_strdup_printf ("%s, %s", node->title, state_words (state))
         : g_strdup_printf (g_dngettext (NULL, "%s, %u change", "%s, %u changes",
                                         node->items->len), node->title, node->items->len);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               OctaDiffWindow           *self)
{
  GtkWidget *expander = gtk_list_item_get_child (list_item);

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), NULL);
}

/* ---- Detail --------------------------------------------------------------- */

static void
clear_children (GtkWidget *widget)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    {
      if (GTK_IS_GRID (widget))
        gtk_grid_remove (GTK_GRID (widget), child);
      else
        gtk_box_remove (GTK_BOX (widget), child);
    }
}

static GtkWidget *
grid_label (const char *text,
            const char *css)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  if (css != NULL)
    gtk_widget_add_css_class (label, css);
  return label;
}

static const char *
side_name (OctaDiffWindow *self,
           OctaDiffSide    side)
{
  if (side == OCTA_DIFF_SIDE_A)
    return self->b != NULL ? octa_project_get_name (self->a)
           : self->part != NULL ? _("unsaved") : _("working");
  return self->b != NULL ? octa_project_get_name (self->b) : _("saved");
}

/* The field of @item relative to @node, as words: "AMP VOL" under a step,
 * "T3 step 17 · Trig" under a pattern */
static char *
item_field (OctaDiffNode *node,
            OctaDiffItem *item,
            const char   *leaf_name)
{
  const char *path = octa_diff_item_get_path (item);
  const char *rest, *end, *leaf;
  g_autofree char *head = NULL;
  g_autofree char *name = NULL;
  g_autofree char *pattern = NULL;
  gsize len;

  if (node->item == item)
    return node->detail == DETAIL_OTHER ? g_strdup (path) : g_strdup (node->title);
  if (node->take_path == NULL)
    return g_strdup (path);
  len = strlen (node->take_path);
  if (strncmp (path, node->take_path, len) != 0)
    return g_strdup (path);
  /* Under a bank, a pattern's items keep their pattern: "A01 T1 step 1 · Trig" */
  if (path[len] == '.')
    rest = path + len + 1;
  else if (g_ascii_isdigit (path[len]) && g_ascii_isdigit (path[len + 1]) && path[len + 2] == '.')
    {
      rest = path + len + 3;
      pattern = g_strndup (path + len - 1, 3);
    }
  else
    return g_strdup (path);
  if (g_str_equal (octa_diff_item_get_kind (item), "bytes"))
    return g_strdup (pattern != NULL ? path + len - 1 : rest);
  leaf = strrchr (rest, '.');
  if (leaf == NULL)
    {
      name = leaf_name != NULL ? g_strdup (leaf_name) : field_name (rest);
      return pattern != NULL ? g_strdup_printf ("%s · %s", pattern, name) : g_steal_pointer (&name);
    }
  name = leaf_name != NULL ? g_strdup (leaf_name) : field_name (leaf + 1);
  if (parse_step (rest, &end) && end == leaf)
    {
      g_autofree char *track = g_strndup (rest, strchr (rest, '.') - rest);
      g_autofree char *step = g_strndup (strchr (rest, '.') + 1, end - strchr (rest, '.') - 1);

      if (pattern != NULL)
        return g_strdup_printf (_("%s %s step %s · %s"), pattern, track, step, name);
      return g_strdup_printf (_("%s step %s · %s"), track, step, name);
    }
  head = g_strndup (rest, leaf - rest);
  g_strdelimit (head, ".", ' ');
  if (pattern != NULL)
    return g_strdup_printf ("%s %s · %s", pattern, head, name);
  return g_strdup_printf ("%s · %s", head, name);
}

/* ---- Device words ---------------------------------------------------------
 *
 * Part values, scene locks and step locks read as the Parts view and the
 * step grid show them (octa-plock-names): "FX1 BASE", "SRC SETUP LOOP",
 * "−12", "R+T", "#3". Which names a value has depends on the track's
 * machine and effects on that side: A's model, or B's project, with what
 * the diff itself says differs laid over it, as for the step strips.
 */

/* The part track property behind a diff leaf of an audio track ("flex-src3"
 * → "src-flex-3") and what to add to the diff's number to get the
 * property's value. */
static char *
audio_leaf_property (const char *leaf,
                     gint       *shift)
{
  static const char *const lfo_setup1[6] = {
    "lfo1-pmtr", "lfo2-pmtr", "lfo3-pmtr", "lfo1-wave", "lfo2-wave", "lfo3-wave",
  };
  static const char *const lfo_setup2[6] = {
    "lfo1-mult", "lfo2-mult", "lfo3-mult", "lfo1-trig", "lfo2-trig", "lfo3-trig",
  };
  static const char *const amp_setup[6] = {
    "amp-setup-amp", "amp-setup-sync", "amp-setup-atck", "amp-setup-fx1", "amp-setup-fx2",
    "amp-setup-byte5",
  };
  static const char *const recorder[12] = {
    "rec-inab", "rec-incd", "rec-rlen", "rec-trig", "rec-src3", "rec-loop",
    "rec-fin", "rec-fout", "rec-ab", "rec-qrec", "rec-qpl", "rec-cd",
  };
  static const char *const machines[5] = { "static", "flex", "thru", "neighbor", "pickup" };
  guint n;

  *shift = 0;
  if (sscanf (leaf, "lfo-setup1-%u", &n) == 1 && n >= 1 && n <= 6)
    return g_strdup (lfo_setup1[n - 1]);
  if (sscanf (leaf, "lfo-setup2-%u", &n) == 1 && n >= 1 && n <= 6)
    return g_strdup (lfo_setup2[n - 1]);
  if (sscanf (leaf, "amp-setup-%u", &n) == 1 && n >= 1 && n <= 6)
    return g_strdup (amp_setup[n - 1]);
  if (sscanf (leaf, "fx1-setup-%u", &n) == 1 && n >= 1 && n <= 6)
    return g_strdup_printf ("fx1-setup%u", n);
  if (sscanf (leaf, "fx2-setup-%u", &n) == 1 && n >= 1 && n <= 6)
    return g_strdup_printf ("fx2-setup%u", n);
  if (sscanf (leaf, "rec-%u", &n) == 1 && n >= 1 && n <= 12)
    return g_strdup (recorder[n - 1]);
  for (guint m = 0; m < G_N_ELEMENTS (machines); m++)
    if (g_str_has_prefix (leaf, machines[m]) && leaf[strlen (machines[m])] == '-')
      {
        const char *what = leaf + strlen (machines[m]) + 1;

        if (sscanf (what, "src%u", &n) == 1 && n >= 1 && n <= 6)
          return g_strdup_printf ("src-%s-%u", machines[m], n);
        if (sscanf (what, "setup%u", &n) == 1 && n >= 1 && n <= 6)
          return g_strdup_printf ("setup-%s-%u", machines[m], n);
      }
  return g_strdup (leaf);
}

/* The same for a MIDI track: its setup bytes are numbered, "midi-setup2" */
static char *
midi_leaf_property (const char *leaf,
                    gint       *shift)
{
  static const char *const setup[36] = {
    "channel", "bank", "program", "note-setup-byte3", "sbank", "note-setup-byte5",
    "lfo1-pmtr", "lfo2-pmtr", "lfo3-pmtr", "lfo1-wave", "lfo2-wave", "lfo3-wave",
    "arp-setup-byte0", "arp-setup-byte1", "arp-len", "arp-setup-byte3", "arp-setup-byte4",
    "arp-key", "ctrl1-setup-byte0", "ctrl1-setup-byte1",
    "cc1-number", "cc2-number", "cc3-number", "cc4-number", "cc5-number", "cc6-number",
    "cc7-number", "cc8-number", "cc9-number", "cc10-number",
    "lfo1-mult", "lfo2-mult", "lfo3-mult", "lfo1-trig", "lfo2-trig", "lfo3-trig",
  };
  guint n;

  *shift = 0;
  if (sscanf (leaf, "midi-setup%u", &n) == 1 && n >= 1 && n <= 36)
    {
      /* the channel is stored 0…15 and shown 1…16 */
      *shift = n == 1 ? 1 : 0;
      return g_strdup (setup[n - 1]);
    }
  return g_strdup (leaf);
}

static gboolean
parse_int (const char *text,
           gint       *value)
{
  gint64 v;

  if (text == NULL || !g_ascii_string_to_signed (text, 10, G_MININT, G_MAXINT, &v, NULL))
    return FALSE;
  *value = v;
  return TRUE;
}

/* What the diff says @side has at @path, when it says anything */
static gboolean
overlay_value (OctaDiffWindow *self,
               const char     *path,
               OctaDiffSide    side,
               gint           *value)
{
  OctaDiffItem *item = self->sound_items != NULL
                       ? g_hash_table_lookup (self->sound_items, path) : NULL;

  return item != NULL && parse_int (octa_diff_item_get_value (item, side), value);
}

static OctaProject *
side_project (OctaDiffWindow *self,
              OctaDiffSide    side)
{
  return side == OCTA_DIFF_SIDE_B && self->b != NULL ? self->b : self->a;
}

/* Audio track @track of part @part (0…3) on @side; @base is the part's
 * path, "A.part1" or "strd.A.part1.saved". A saved copy has no model of its
 * own: its working part stands in where the diff says nothing. */
static void
part_track_sound (OctaDiffWindow *self,
                  const char     *base,
                  char            letter,
                  guint           part,
                  guint           track,
                  OctaDiffSide    side,
                  OctaTrackSound *out)
{
  static const char *const leaves[3] = { "machine", "fx1-type", "fx2-type" };
  g_autoptr(OctaBank) bank = octa_project_get_bank (side_project (self, side), letter - 'A');
  g_autoptr(OctaPart) p = bank != NULL && part < 4 ? octa_bank_get_part (bank, part) : NULL;
  g_autoptr(OctaAudioPartTrack) t = p != NULL && track < 8 ? octa_part_get_audio_track (p, track)
                                                           : NULL;

  octa_track_sound_from_part_track (t, out);
  for (guint i = 0; i < G_N_ELEMENTS (leaves); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s.T%u.%s", base, track + 1, leaves[i]);
      gint v;

      if (!overlay_value (self, path, side, &v))
        continue;
      if (i == 0)
        out->machine = v;
      else if (i == 1)
        out->fx1 = v;
      else
        out->fx2 = v;
    }
}

/* The sound a pattern's part gives @track on @side */
static void
step_track_sound (OctaDiffWindow *self,
                  const char     *prefix,
                  char            letter,
                  guint           pattern,
                  guint           track,
                  OctaDiffSide    side,
                  OctaTrackSound *out)
{
  g_autoptr(OctaBank) bank = octa_project_get_bank (side_project (self, side), letter - 'A');
  g_autoptr(OctaPattern) pat = bank != NULL && pattern < 16
                               ? octa_bank_get_pattern (bank, pattern) : NULL;
  g_autofree char *path = g_strdup_printf ("%s%c%02u.part", prefix, letter, pattern + 1);
  g_autofree char *base = NULL;
  gint part = pat != NULL ? (gint) octa_pattern_get_part (pat) : 1;

  overlay_value (self, path, side, &part);
  if (part < 1 || part > 4)
    part = 1;
  base = g_strdup_printf ("%s%c.part%d", prefix, letter, part);
  part_track_sound (self, base, letter, part - 1, track, side, out);
}

static char *
lock_label (const OctaPlockName *name)
{
  if (name->page == NULL || name->page[0] == '\0')
    return g_strdup (name->abbrev);
  return g_strdup_printf ("%s %s", name->page, name->abbrev);
}

/* One side's value of a lock, as the step grid reads it */
static char *
lock_words (const char           *path,
            const char           *value,
            gboolean              midi,
            const OctaTrackSound *sound,
            guint                 param,
            char                **label,
            char                **tip)
{
  OctaPlockName name;
  gint v;

  octa_plock_name_lookup (midi, sound, param, &name);
  if (*label == NULL)
    {
      *label = param == OCTA_PLOCK_SAMPLE_LOCK && !midi ? g_strdup (_("Sample lock"))
                                                        : lock_label (&name);
      *tip = g_strdup (name.name);
    }
  if (is_none (path, value) || !parse_int (value, &v))
    return value_words (path, value);
  if (param == OCTA_PLOCK_SAMPLE_LOCK && !midi)
    return octa_sample_slot_label (sound->machine, v);
  return octa_plock_format_value (name.format, v);
}

/* One side's value of a part track byte, as the Parts view reads it */
static char *
part_value_words (const char           *path,
                  const char           *value,
                  gboolean              midi,
                  const OctaTrackSound *sound,
                  const char           *property,
                  gint                  shift,
                  char                **label,
                  char                **tip)
{
  OctaPartParam param;
  OctaPartPage page;
  gboolean setup;
  gint v;

  if (!octa_part_param_lookup (midi, sound, property, &page, &setup, &param))
    return value_words (path, value);
  if (*label == NULL)
    {
      *label = octa_part_param_label (midi, page, setup, &param);
      *tip = g_strdup (param.name);
    }
  if (!parse_int (value, &v))
    return value_words (path, value);
  return octa_plock_format_value (param.format, v + shift);
}

/* A slot attribute as the Samples view names and shows it; @p follows
 * "flex.", as in "12.gain" */
static gboolean
slot_words (const char  *path,
            const char  *p,
            const char  *value[2],
            char       **label,
            char       **tip,
            char       **va,
            char       **vb)
{
  static const struct
  {
    const char      *leaf;
    const char      *label;
    const char      *name;
    OctaPlockFormat  format;
  } attrs[] = {
    { "tsmode", "TSTR", N_("Timestretch mode"), OCTA_PLOCK_FORMAT_TIMESTRETCH },
    { "loopmode", "LOOP", N_("Loop mode"), OCTA_PLOCK_FORMAT_LOOP_MODE },
    { "gain", "GAIN", N_("Gain in dB"), OCTA_PLOCK_FORMAT_GAIN },
    { "trigquantization", "TRIG QUANT", N_("Trig quantization"), OCTA_PLOCK_FORMAT_TRIG_QUANT },
    { "bpm-x24", "BPM", N_("The sample’s tempo"), OCTA_PLOCK_FORMAT_BPM_X24 },
    { "trim-bars-x100", "BARS", N_("The sample’s length in bars"), OCTA_PLOCK_FORMAT_BARS_X100 },
  };
  const char *leaf = p + strspn (p, "0123456789");

  if (leaf == p || *leaf != '.')
    return FALSE;
  leaf++;
  for (guint i = 0; i < G_N_ELEMENTS (attrs); i++)
    if (g_str_equal (leaf, attrs[i].leaf))
      {
        char **out[2] = { va, vb };

        for (guint s = 0; s < 2; s++)
          {
            gint v;

            *out[s] = value[s] != NULL && *value[s] != '\0' && parse_int (value[s], &v)
                      ? octa_plock_format_value (attrs[i].format, v)
                      : value_words (path, value[s]);
          }
        *label = g_strdup (attrs[i].label);
        *tip = g_strdup (_(attrs[i].name));
        return TRUE;
      }
  return FALSE;
}

/*
 * The field and both values of @item in device words, when it is a part
 * track's value, a scene lock or a step lock: @label is the name of the
 * field's last part ("FX1 BASE"), @tip its full name.
 */
static gboolean
device_words (OctaDiffWindow *self,
              OctaDiffItem   *item,
              char          **label,
              char          **tip,
              char          **va,
              char          **vb)
{
  const char *path = octa_diff_item_get_path (item);
  gboolean strd = g_str_has_prefix (path, "strd.");
  const char *prefix = strd ? "strd." : "";
  const char *p = strd ? path + 5 : path;
  const char *value[2] = { octa_diff_item_get_value (item, OCTA_DIFF_SIDE_A),
                           octa_diff_item_get_value (item, OCTA_DIFF_SIDE_B) };
  char *out[2] = { NULL, NULL };
  char *labels[2] = { NULL, NULL };
  char *tips[2] = { NULL, NULL };
  char letter = p[0];

  *label = *tip = NULL;
  if (g_str_has_prefix (p, "flex.") || g_str_has_prefix (p, "static.")
      || g_str_has_prefix (p, "recorder."))
    return slot_words (path, strchr (p, '.') + 1, value, label, tip, va, vb);
  if (letter < 'A' || letter > 'P')
    return FALSE;

  /* "A.part1[.saved].T3.fx1-param1", "A.part1.scene2.T3.lock-amp-vol" */
  if (p[1] == '.' && g_str_has_prefix (p + 2, "part") && p[6] >= '1' && p[6] <= '4' && p[7] == '.')
    {
      const char *r = p + 8;
      g_autofree char *base = NULL;
      guint part = p[6] - '1', track, scene;
      char kind;
      int used = 0;

      if (g_str_has_prefix (r, "saved."))
        r += strlen ("saved.");
      base = g_strndup (path, (r - 1) - path);
      if (sscanf (r, "scene%u.T%u.%n", &scene, &track, &used) == 2 && used > 0
          && track >= 1 && track <= 8)
        {
          gint param = octa_diff_lock_param (FALSE, r + used);

          if (param < 0)
            return FALSE;
          for (guint s = 0; s < 2; s++)
            {
              OctaTrackSound sound;

              part_track_sound (self, base, letter, part, track - 1, s, &sound);
              out[s] = lock_words (path, value[s], FALSE, &sound, param, &labels[s],
                                   &tips[s]);
            }
        }
      else if (sscanf (r, "scene%u.xlv-T%u%n", &scene, &track, &used) == 2 && r[used] == '\0'
               && track >= 1 && track <= 8)
        {
          /* the scene's crossfader volume, as Parts shows it on the scene's AMP page */
          for (guint s = 0; s < 2; s++)
            {
              gint v;

              labels[s] = g_strdup_printf ("T%u · XLV", track);
              tips[s] = g_strdup (_("Crossfader volume"));
              out[s] = parse_int (value[s], &v) && v >= 0
                       ? octa_plock_format_value (OCTA_PLOCK_FORMAT_RAW, v) : g_strdup ("—");
            }
        }
      else if (sscanf (r, "%c%u.%n", &kind, &track, &used) == 2 && used > 0
               && (kind == 'T' || kind == 'M') && track >= 1 && track <= 8)
        {
          gboolean midi = kind == 'M';
          gint shift;
          g_autofree char *property = midi ? midi_leaf_property (r + used, &shift)
                                           : audio_leaf_property (r + used, &shift);

          for (guint s = 0; s < 2; s++)
            {
              OctaTrackSound sound;

              if (!midi)
                part_track_sound (self, base, letter, part, track - 1, s, &sound);
              out[s] = part_value_words (path, value[s], midi, midi ? NULL : &sound, property,
                                         shift, &labels[s], &tips[s]);
            }
        }
      else
        return FALSE;
    }
  /* "A01.T3.17.lock-fx1-1" */
  else if (is_digits (p + 1, 2) && p[3] == '.')
    {
      guint pattern = (p[1] - '0') * 10 + (p[2] - '0') - 1, track, step;
      const char *end;
      gboolean midi = p[4] == 'M';
      gint param;

      if (!parse_step (p + 4, &end) || sscanf (p + 5, "%u.%u", &track, &step) != 2
          || track < 1 || track > 8)
        return FALSE;
      param = octa_diff_lock_param (midi, end + 1);
      if (param < 0)
        return FALSE;
      for (guint s = 0; s < 2; s++)
        {
          OctaTrackSound sound;

          if (!midi)
            step_track_sound (self, prefix, letter, pattern, track - 1, s, &sound);
          out[s] = lock_words (path, value[s], midi, midi ? NULL : &sound, param, &labels[s],
                               &tips[s]);
        }
    }
  else
    return FALSE;

  *va = out[0];
  *vb = out[1];
  /* A track whose machine or effect differs names the value twice:
   * "FX1 BRR / FX1 DEPTH" */
  if (labels[0] != NULL && labels[1] != NULL && !g_str_equal (labels[0], labels[1]))
    {
      *label = g_strdup_printf ("%s / %s", labels[0], labels[1]);
      *tip = g_strdup_printf (_("A: %s · B: %s"), tips[0] ? tips[0] : "", tips[1] ? tips[1] : "");
    }
  else
    {
      *label = g_strdup (labels[0] != NULL ? labels[0] : labels[1]);
      *tip = g_strdup (tips[0] != NULL ? tips[0] : tips[1]);
    }
  for (guint s = 0; s < 2; s++)
    {
      g_free (labels[s]);
      g_free (tips[s]);
    }
  return TRUE;
}

static void
fill_field_grid (OctaDiffWindow *self,
                 OctaDiffNode   *node)
{
  const char *headings[4] = { _("Field"), NULL, NULL, "" };
  g_autofree char *head_a = g_strdup_printf (_("A (%s)"), side_name (self, OCTA_DIFF_SIDE_A));
  g_autofree char *head_b = g_strdup_printf (_("B (%s)"), side_name (self, OCTA_DIFF_SIDE_B));
  guint limit = MIN (node->items->len, 200);

  headings[1] = head_a;
  headings[2] = head_b;
  clear_children (GTK_WIDGET (self->field_grid));
  for (guint c = 0; c < 4; c++)
    gtk_grid_attach (self->field_grid, grid_label (headings[c], "heading"), c, 0, 1, 1);

  for (guint i = 0; i < limit; i++)
    {
      OctaDiffItem *item = node->items->pdata[i];
      const char *path = octa_diff_item_get_path (item);
      char state = item_state (item);
      g_autofree char *label = NULL;
      g_autofree char *tip = NULL;
      g_autofree char *field = NULL;
      g_autofree char *va = NULL;
      g_autofree char *vb = NULL;
      GtkWidget *glyph = grid_label (state_glyph (state), "diff-glyph");
      GtkWidget *field_label;

      if (!device_words (self, item, &label, &tip, &va, &vb))
        {
          va = value_words (path, octa_diff_item_get_value (item, OCTA_DIFF_SIDE_A));
          vb = value_words (path, octa_diff_item_get_value (item, OCTA_DIFF_SIDE_B));
        }
      field = item_field (node, item, label);
      field_label = grid_label (field, NULL);
      if (tip != NULL)
        gtk_widget_set_tooltip_text (field_label, tip);

      gtk_widget_add_css_class (glyph, state_class (state));
      gtk_widget_set_tooltip_text (glyph, state_words (state));
      gtk_accessible_update_property (GTK_ACCESSIBLE (glyph), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      state_words (state), -1);
      gtk_grid_attach (self->field_grid, field_label, 0, i + 1, 1, 1);
      gtk_grid_attach (self->field_grid, grid_label (va, "numeric"), 1, i + 1, 1, 1);
      gtk_grid_attach (self->field_grid, grid_label (vb, "numeric"), 2, i + 1, 1, 1);
      gtk_grid_attach (self->field_grid, glyph, 3, i + 1, 1, 1);
    }
  if (limit < node->items->len)
    {
      g_autofree char *more = g_strdup_printf (_("%u more, in the rows below this group"),
                                               node->items->len - limit);

      gtk_grid_attach (self->field_grid, grid_label (more, "dim-label"), 0, limit + 1, 4, 1);
    }
}

/*
 * One track's page of steps as one side has them, in the grid's glyphs
 * (design guide §2.3) with §5.3's diff outlines. Side A is read from the
 * project; side B is A with the diff's values for B laid over it, so B
 * needs no model of its own.
 */
typedef struct
{
  char     track[8];
  guint    page;
  guint    focus;           /* the selected step, 0…63 */
  guint8   kinds[16];       /* STRIP_* bits */
  guint8   other[16];       /* the other side's bits */
  char     states[16];      /* 0, '+', '-', '*' */
  gint     locks[16];       /* p-locks on this side */
  gboolean side_b;
} Strip;

enum
{
  STRIP_TRIG = 1 << 0,
  STRIP_TRIGLESS = 1 << 1,
  STRIP_LOCK = 1 << 2,
  STRIP_ONESHOT = 1 << 3,
};

static guint8
strip_bit (const char *kind)
{
  if (g_str_equal (kind, "trig"))
    return STRIP_TRIG;
  if (g_str_equal (kind, "trigless"))
    return STRIP_TRIGLESS;
  if (g_str_equal (kind, "lock"))
    return STRIP_LOCK;
  if (g_str_equal (kind, "oneshot"))
    return STRIP_ONESHOT;
  return 0;
}

static void
set_source (cairo_t         *cr,
            const GdkRGBA   *color,
            double           alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static GdkRGBA
lookup (GtkWidget  *widget,
        const char *name)
{
  GdkRGBA color = { 0.5, 0.5, 0.5, 1 };

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  return color;
}

static void
draw_strip (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        data)
{
  Strip *strip = data;
  GtkWidget *widget = GTK_WIDGET (area);
  GdkRGBA fg, accent, trig, trigless, oneshot, diff[3];
  const double label_w = 36, top = 18, cell_h = 28;
  double cell_w = MIN (32, (width - label_w - 12) / 16.0 - 2);
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, NULL);
  PangoLayout *small = gtk_widget_create_pango_layout (widget, NULL);
  PangoAttrList *attrs = pango_attr_list_new ();
  int tw, th;

  /* Marks in the cells are caption-sized, as in the grid */
  pango_attr_list_insert (attrs, pango_attr_scale_new (0.75));
  pango_layout_set_attributes (small, attrs);
  pango_attr_list_unref (attrs);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  accent = lookup (widget, "accent_color");
  trig = lookup (widget, "octa_trig");
  trigless = lookup (widget, "octa_trigless");
  oneshot = lookup (widget, "octa_oneshot");
  diff[0] = lookup (widget, "octa_diff_add");
  diff[1] = lookup (widget, "octa_diff_del");
  diff[2] = lookup (widget, "octa_diff_chg");

  pango_layout_set_text (layout, strip->track, -1);
  pango_layout_get_pixel_size (layout, &tw, &th);
  set_source (cr, &fg, 1);
  cairo_move_to (cr, 0, top + (cell_h - th) / 2);
  pango_cairo_show_layout (cr, layout);

  for (guint i = 0; i < 16; i++)
    {
      guint step = strip->page * 16 + i;
      double x = label_w + i * (cell_w + 2) + (i / 4) * 4;
      double cx = x + cell_w / 2, cy = top + cell_h / 2;
      char state = strip->states[i];
      double dim = state == 0 ? 0.6 : 1;
      guint8 k = strip->kinds[i];
      g_autofree char *number = g_strdup_printf ("%u", step + 1);

      if (i % 4 == 0)
        {
          pango_layout_set_text (layout, number, -1);
          pango_layout_get_pixel_size (layout, &tw, &th);
          set_source (cr, &fg, 0.6);
          cairo_move_to (cr, x, 0);
          pango_cairo_show_layout (cr, layout);
        }

      set_source (cr, &fg, i % 4 == 0 ? 0.09 : 0.05);
      cairo_rectangle (cr, x, top, cell_w, cell_h);
      cairo_fill (cr);

      if (k & (STRIP_TRIG | STRIP_ONESHOT))
        {
          set_source (cr, (k & STRIP_ONESHOT) ? &oneshot : &trig, dim);
          cairo_rectangle (cr, cx - 6, cy - 6, 12, 12);
          cairo_fill (cr);
        }
      else if (k & (STRIP_TRIGLESS | STRIP_LOCK))
        {
          set_source (cr, &trigless, dim);
          cairo_move_to (cr, cx, cy - 7);
          cairo_line_to (cr, cx + 7, cy);
          cairo_line_to (cr, cx, cy + 7);
          cairo_line_to (cr, cx - 7, cy);
          cairo_close_path (cr);
          if (k & STRIP_TRIGLESS)
            cairo_fill (cr);
          else
            {
              cairo_set_line_width (cr, 2);
              cairo_stroke (cr);
            }
        }
      else if (strip->other[i] != 0)
        {
          /* The side lacking a trig the other side has: a hollow ghost */
          double dashes[] = { 2, 2 };

          set_source (cr, &fg, 0.5);
          cairo_set_line_width (cr, 1);
          cairo_set_dash (cr, dashes, 2, 0);
          cairo_arc (cr, cx, cy, 6, 0, 2 * G_PI);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }

      if (state == 0 && strip->locks[i] > 0)
        {
          g_autofree char *count = g_strdup_printf ("%d", strip->locks[i]);

          pango_layout_set_text (small, count, -1);
          pango_layout_get_pixel_size (small, &tw, &th);
          set_source (cr, &fg, 0.12);
          cairo_rectangle (cr, x + cell_w - tw - 4, top + 1, tw + 3, th);
          cairo_fill (cr);
          set_source (cr, &fg, 0.75);
          cairo_move_to (cr, x + cell_w - tw - 2.5, top + 1);
          pango_cairo_show_layout (cr, small);
        }
      if (state != 0)
        {
          guint s = state == '+' ? 0 : state == '-' ? 1 : 2;
          double dashed[] = { 4, 3 }, dotted[] = { 0.1, 3.5 };

          set_source (cr, &diff[s], 1);
          cairo_set_line_width (cr, 2);
          cairo_set_line_cap (cr, s == 2 ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT);
          if (s == 1)
            cairo_set_dash (cr, dashed, 2, 0);
          else if (s == 2)
            cairo_set_dash (cr, dotted, 2, 0);
          cairo_rectangle (cr, x + 1, top + 1, cell_w - 2, cell_h - 2);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
          cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
          pango_layout_set_text (layout, state_glyph (state), -1);
          pango_layout_get_pixel_size (layout, &tw, &th);
          cairo_move_to (cr, x + cell_w - tw, top - th);
          pango_cairo_show_layout (cr, layout);
        }
      /* The selected step: an accent bar under it, clear of the outline */
      if (step == strip->focus)
        {
          set_source (cr, &accent, 1);
          cairo_rectangle (cr, x, top + cell_h + 3, cell_w, 3);
          cairo_fill (cr);
        }
    }
  g_object_unref (layout);
  g_object_unref (small);
}

static GtkWidget *
strip_new (OctaDiffWindow *self,
           OctaDiffNode   *node,
           OctaDiffSide    side)
{
  const char *path = node->take_path;
  Strip *strip;
  g_autoptr(OctaBank) bank = NULL;
  g_autoptr(OctaPattern) pattern = NULL;
  g_autoptr(OctaPatternTrack) track = NULL;
  g_autofree char *caption = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *a11y = NULL;
  GtkWidget *box, *label, *area;
  guint bank_index, pattern_index, track_index, step;
  gboolean midi;
  static const OctaTrigType types[4] = { OCTA_TRIG_TYPE_TRIGGER, OCTA_TRIG_TYPE_TRIGLESS,
                                         OCTA_TRIG_TYPE_LOCK, OCTA_TRIG_TYPE_ONESHOT };

  /* "A01.T3.17"; the saved state of A is not a model of its own */
  if (path == NULL || g_str_has_prefix (path, "strd.") || strlen (path) < 8)
    return NULL;
  bank_index = path[0] - 'A';
  pattern_index = (path[1] - '0') * 10 + (path[2] - '0') - 1;
  midi = path[4] == 'M';
  track_index = g_ascii_strtoull (path + 5, NULL, 10) - 1;
  step = g_ascii_strtoull (strchr (path + 4, '.') + 1, NULL, 10) - 1;
  if (bank_index >= 16 || pattern_index >= 16 || track_index >= 8 || step >= 64)
    return NULL;

  strip = g_new0 (Strip, 1);
  g_strlcpy (strip->track, path + 4, MIN (sizeof strip->track, (gsize) (strchr (path + 4, '.') - path - 3)));
  strip->page = step / 16;
  strip->focus = step;
  strip->side_b = side == OCTA_DIFF_SIDE_B;

  bank = octa_project_get_bank (self->a, bank_index);
  pattern = octa_bank_get_pattern (bank, pattern_index);
  track = midi ? OCTA_PATTERN_TRACK (octa_pattern_get_midi_track (pattern, track_index))
               : OCTA_PATTERN_TRACK (octa_pattern_get_audio_track (pattern, track_index));
  for (guint i = 0; i < 16; i++)
    for (guint t = 0; t < 4; t++)
      if ((!midi || t < 3) && octa_pattern_track_get_trig (track, types[t], strip->page * 16 + i))
        strip->kinds[i] |= 1u << t;
  memcpy (strip->other, strip->kinds, sizeof strip->kinds);
  for (guint i = 0; i < 16; i++)
    {
      guint n_locks = 0;

      octa_pattern_track_get_step_summary (track, strip->page * 16 + i, &n_locks, NULL, NULL,
                                           NULL, NULL);
      strip->locks[i] = n_locks;
    }

  /* What the diff says about this track's steps on the page */
  prefix = g_strndup (path, strchr (path + 4, '.') - path + 1);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->diff)); i++)
    {
      g_autoptr(OctaDiffItem) item = g_list_model_get_item (G_LIST_MODEL (self->diff), i);
      const char *p = octa_diff_item_get_path (item);
      const char *kind;
      guint s;
      guint8 bit;
      char state;

      if (!g_str_has_prefix (p, prefix) || !g_ascii_isdigit (p[strlen (prefix)]))
        continue;
      s = g_ascii_strtoull (p + strlen (prefix), NULL, 10) - 1;
      if (s / 16 != strip->page || g_hash_table_contains (self->kept, p))
        continue;
      kind = strrchr (p, '.') + 1;
      bit = strip_bit (kind);
      if (bit != 0)
        {
          gboolean on = g_str_equal (octa_diff_item_get_value (item, OCTA_DIFF_SIDE_B), "true");

          strip->other[s % 16] = on ? strip->other[s % 16] | bit : strip->other[s % 16] & ~bit;
        }
      /* B's locks: A's, give or take the ones the diff names */
      if (side == OCTA_DIFF_SIDE_B && (g_str_has_prefix (kind, "lock-")
                                       || g_str_equal (kind, "sample-lock")))
        strip->locks[s % 16] += !is_none (p, octa_diff_item_get_value (item, OCTA_DIFF_SIDE_B))
                                - !is_none (p, octa_diff_item_get_value (item, OCTA_DIFF_SIDE_A));
      state = item_state (item);
      if (strip->states[s % 16] != 0 && strip->states[s % 16] != state)
        state = '*';
      strip->states[s % 16] = state;
    }
  if (side == OCTA_DIFF_SIDE_B)
    {
      guint8 tmp[16];

      memcpy (tmp, strip->kinds, sizeof tmp);
      memcpy (strip->kinds, strip->other, sizeof tmp);
      memcpy (strip->other, tmp, sizeof tmp);
    }

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "diff-side-card");
  caption = g_strdup_printf ("%s  %s · page %u", side == OCTA_DIFF_SIDE_A ? "A" : "B",
                             side_name (self, side), strip->page + 1);
  label = gtk_label_new (caption);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);
  area = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), 52);
  gtk_widget_set_hexpand (area, TRUE);
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), 36 + 16 * 18 + 12);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_strip, strip, g_free);
  gtk_widget_add_css_class (area, "diff-strip");
  a11y = g_strdup_printf (_("%s, %s, page %u, step %u highlighted"), caption, strip->track,
                          strip->page + 1, step + 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  gtk_box_append (GTK_BOX (box), area);
  return box;
}

static void
fill_sides (OctaDiffWindow *self,
            OctaDiffNode   *node)
{
  clear_children (GTK_WIDGET (self->sides_box));
  gtk_widget_set_visible (GTK_WIDGET (self->sides_box), FALSE);
  if (node->detail != DETAIL_STEP || node->children != NULL)
    return;
  for (guint s = 0; s < 2; s++)
    {
      GtkWidget *strip = strip_new (self, node, s);

      if (strip == NULL)
        return;
      gtk_box_append (self->sides_box, strip);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->sides_box), TRUE);
}

static void
show_detail (OctaDiffWindow *self)
{
  g_autoptr(OctaDiffNode) node = selected_node (self);
  GtkWidget *widget = GTK_WIDGET (self);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  gtk_widget_action_set_enabled (widget, "diff.use-a", node != NULL);
  gtk_widget_action_set_enabled (widget, "diff.use-b", node != NULL);
  if (node == NULL)
    {
      gtk_label_set_text (self->detail_title, _("Nothing selected"));
      gtk_label_set_text (self->detail_subtitle, _("Pick a change in the list."));
      clear_children (GTK_WIDGET (self->field_grid));
      clear_children (GTK_WIDGET (self->sides_box));
      gtk_widget_set_visible (GTK_WIDGET (self->sides_box), FALSE);
      return;
    }
  title = node->context != NULL && node->children == NULL
          ? g_strdup_printf ("%s · %s", node->context, node->title)
          : g_strdup (node->title);
  if (g_str_has_prefix (node->key, "other:") && node->items->len > 0)
    {
      OctaDiffItem *first = node->items->pdata[0];

      /* What the model can't name, said plainly */
      subtitle = g_strdup_printf (g_dngettext (NULL, "%u byte differs in %s at 0x%05" G_GINT64_MODIFIER "X",
                                               "%u bytes differ in %s, the first at 0x%05" G_GINT64_MODIFIER "X",
                                               node->items->len),
                                  node->items->len, node->title,
                                  MAX (octa_diff_item_get_offset (first), 0));
    }
  else if (node->children == NULL && node->item != NULL && node->detail == DETAIL_OTHER
           && octa_diff_item_get_offset (node->item) >= 0
           && !g_str_has_prefix (octa_diff_item_get_file (node->item), "project."))
    subtitle = g_strdup_printf ("%s @ 0x%05" G_GINT64_MODIFIER "X",
                                octa_diff_item_get_file (node->item),
                                octa_diff_item_get_offset (node->item));
  else if (node->children == NULL && node->item != NULL)
    subtitle = g_strdup (octa_diff_item_get_path (node->item));
  else
    subtitle = g_strdup_printf (g_dngettext (NULL, "%u change", "%u changes", node->items->len),
                                node->items->len);
  gtk_label_set_text (self->detail_title, title);
  gtk_label_set_text (self->detail_subtitle, subtitle);
  fill_sides (self, node);
  fill_field_grid (self, node);
}

/* ---- Takes -------------------------------------------------------------- */

static void
show_toast (OctaDiffWindow *self,
            const char     *title,
            gboolean        undo)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, 5);
  if (undo)
    {
      adw_toast_set_button_label (toast, _("Undo"));
      adw_toast_set_action_name (toast, "diff.undo");
    }
  /* The newest take replaces the last one's toast: its Undo is the one that applies. */
  if (self->toast != NULL)
    {
      g_autoptr(AdwToast) old = g_steal_pointer (&self->toast);

      adw_toast_dismiss (old);
    }
  self->toast = g_object_ref (toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static gboolean
take_into (OctaDiffWindow *self,
           OctaDiffNode   *node,
           OctaDiffSide    side,
           GError        **error)
{
  if (node->item != NULL)
    return octa_diff_item_take (node->item, side, error);
  if (node->take_path != NULL)
    return octa_diff_take (self->diff, node->take_path, side, error);
  for (guint i = 0; node->children && i < g_list_model_get_n_items (G_LIST_MODEL (node->children)); i++)
    {
      g_autoptr(OctaDiffNode) child = g_list_model_get_item (G_LIST_MODEL (node->children), i);

      if (!take_into (self, child, side, error))
        return FALSE;
    }
  return TRUE;
}

static void
do_take (OctaDiffWindow *self,
         OctaDiffNode   *node,
         OctaDiffSide    side)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  guint n_undo;
  gboolean ok;

  /* In a part's comparison both sides are the same bank: taking A saves
   * the item into the saved copy, as the device's part SAVE would. */
  if (side == OCTA_DIFF_SIDE_A && self->part == NULL)
    {
      /* A is what stays: the rows are settled, nothing is written. */
      g_clear_pointer (&self->last_kept, g_ptr_array_unref);
      self->last_kept = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < node->items->len; i++)
        {
          char *path = g_strdup (octa_diff_item_get_path (node->items->pdata[i]));

          g_ptr_array_add (self->last_kept, path);
          g_hash_table_add (self->kept, g_strdup (path));
        }
      title = g_strdup_printf (_("Kept A for %s"), node->title);
      show_toast (self, title, TRUE);
      rebuild (self);
      return;
    }

  g_clear_pointer (&self->last_kept, g_ptr_array_unref);
  title = g_strdup_printf (side == OCTA_DIFF_SIDE_A ? _("Save %s") : _("Use B for %s"),
                           node->title);
  n_undo = octa_history_get_n_undo (octa_project_get_history (self->a));
  g_signal_handler_block (self->a, self->changed_handler);
  octa_project_begin_change (self->a, title);
  ok = take_into (self, node, side, &error);
  octa_project_end_change (self->a);
  /* A group that stopped half way leaves nothing behind either. */
  if (!ok && octa_history_get_n_undo (octa_project_get_history (self->a)) > n_undo)
    octa_project_undo (self->a);
  g_signal_handler_unblock (self->a, self->changed_handler);
  if (!ok)
    {
      g_autofree char *heading = g_strdup_printf (_("%s wasn't changed"), node->title);
      AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                                             heading,
                                                                             error->message));

      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
  else
    {
      g_free (title);
      title = g_strdup_printf (side == OCTA_DIFF_SIDE_A ? _("Saved %s") : _("Used B for %s"),
                               node->title);
      show_toast (self, title, TRUE);
    }
  rebuild (self);
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     OctaDiffWindow   *self)
{
  g_autoptr(OctaDiffNode) node = g_steal_pointer (&self->pending);

  if (node != NULL && g_str_equal (response, "take"))
    do_take (self, node, self->pending_side);
}

static void
take_node (OctaDiffWindow *self,
           OctaDiffNode   *node,
           OctaDiffSide    side)
{
  AdwMessageDialog *dialog;
  g_autofree char *heading = NULL;

  if (node->children == NULL || node->items->len <= CONFIRM_ABOVE)
    {
      do_take (self, node, side);
      return;
    }
  heading = g_strdup_printf (side == OCTA_DIFF_SIDE_B ? _("Use B for %u changes in %s?")
                             : self->part != NULL ? _("Save %u changes in %s?")
                             : _("Keep A for %u changes in %s?"),
                             node->items->len, node->title);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading,
                               side == OCTA_DIFF_SIDE_B
                               ? _("Every change in the group takes B's value. Undo brings them back.")
                               : self->part != NULL
                               ? _("Every change in the group goes into the saved copy. Undo brings them back.")
                               : _("The changes leave the list; nothing is written.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"),
                                    "take", side == OCTA_DIFF_SIDE_B ? _("_Use B")
                                            : self->part != NULL ? _("_Save") : _("_Keep A"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "take", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "take");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_set_object (&self->pending, node);
  self->pending_side = side;
  g_signal_connect (dialog, "response", G_CALLBACK (confirm_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Actions ------------------------------------------------------------- */

static void
use_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  OctaDiffWindow *self = OCTA_DIFF_WINDOW (widget);
  g_autoptr(OctaDiffNode) node = selected_node (self);

  if (node != NULL)
    take_node (self, node,
               g_str_equal (action_name, "diff.use-b") ? OCTA_DIFF_SIDE_B : OCTA_DIFF_SIDE_A);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  OctaDiffWindow *self = OCTA_DIFF_WINDOW (widget);
  gboolean next = g_str_equal (action_name, "diff.next");
  guint n, position;

  if (self->selection == NULL)
    return;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  position = gtk_single_selection_get_selected (self->selection);
  for (guint step = 0; step < n; step++)
    {
      g_autoptr(OctaDiffNode) node = NULL;

      if (position == GTK_INVALID_LIST_POSITION)
        position = next ? 0 : n - 1;
      else if (next)
        position = position + 1 < n ? position + 1 : position;
      else
        position = position > 0 ? position - 1 : position;
      node = node_at (self, position);
      if (node != NULL && node->children == NULL)
        {
          gtk_single_selection_set_selected (self->selection, position);
          gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u",
                                      position);
          return;
        }
      if (position == 0 || position == n - 1)
        return;
    }
}

static void
rescan_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  rebuild (OCTA_DIFF_WINDOW (widget));
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (OCTA_DIFF_WINDOW (widget)->search_entry));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (OCTA_DIFF_WINDOW (widget)->list_view));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  OctaDiffWindow *self = OCTA_DIFF_WINDOW (widget);

  if (self->last_kept != NULL)
    {
      for (guint i = 0; i < self->last_kept->len; i++)
        g_hash_table_remove (self->kept, self->last_kept->pdata[i]);
      g_clear_pointer (&self->last_kept, g_ptr_array_unref);
      rebuild (self);
      return;
    }
  octa_project_undo (self->a);
}

static void
filter_toggled_cb (GtkToggleButton *button,
                   OctaDiffWindow  *self)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  for (guint i = 0; i < N_FILTERS; i++)
    if (self->filter_buttons[i] == button && self->filter != (Filter) i)
      {
        self->filter = i;
        rebuild (self);
      }
}

static void
search_changed_cb (OctaDiffWindow *self)
{
  g_free (self->search);
  self->search = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), -1);
  rebuild (self);
}

static void
stop_search_cb (OctaDiffWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
list_activate_cb (OctaDiffWindow *self,
                  guint           position)
{
  g_autoptr(OctaDiffNode) node = node_at (self, position);
  g_autoptr(GtkTreeListRow) row = NULL;

  if (node == NULL || node->children == NULL)
    return;
  row = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  gtk_tree_list_row_set_expanded (row, !gtk_tree_list_row_get_expanded (row));
}

static gboolean
rescan_idle_cb (gpointer data)
{
  OctaDiffWindow *self = data;

  self->rescan_idle = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
project_changed_cb (OctaDiffWindow *self)
{
  if (self->rescan_idle == 0)
    self->rescan_idle = g_idle_add_full (G_PRIORITY_DEFAULT, rescan_idle_cb, self, NULL);
}

/* ---- Object -------------------------------------------------------------- */

static void
octa_diff_window_constructed (GObject *object)
{
  OctaDiffWindow *self = OCTA_DIFF_WINDOW (object);
  g_autofree char *a_text = NULL;
  g_autofree char *b_text = NULL;

  G_OBJECT_CLASS (octa_diff_window_parent_class)->constructed (object);

  g_return_if_fail (self->a != NULL);

  if (self->part != NULL)
    {
      g_autofree char *name = octa_part_dup_name (self->part);
      guint bank = octa_bank_get_index (octa_part_get_bank (self->part));
      guint index = octa_part_get_index (self->part) + 1;
      g_autofree char *subtitle = NULL;

      a_text = g_strdup_printf (_("A: Part %u %s · unsaved"), index, name);
      b_text = g_strdup (_("B: its saved copy"));
      /* Translators: "Bank B · Part 3 THREE with its saved copy" */
      subtitle = g_strdup_printf (_("Bank %c · Part %u %s with its saved copy"), 'A' + bank,
                                  index, name);
      adw_status_page_set_description (self->empty_page,
                                       _("The part matches its saved copy."));
      adw_window_title_set_subtitle (self->window_title, subtitle);
      gtk_widget_set_tooltip_text (self->use_a_button,
                                   _("Save this into the part's saved copy (Alt+←)"));
      gtk_widget_set_tooltip_text (self->use_b_button,
                                   _("Reload this from the part's saved copy (Alt+→)"));
    }
  else if (self->b != NULL)
    {
      a_text = g_strdup_printf (_("A: %s"), octa_project_get_name (self->a));
      b_text = g_strdup_printf (_("B: %s · read-only"), octa_project_get_name (self->b));
      adw_status_page_set_description (self->empty_page, _("The two projects match."));
      adw_window_title_set_subtitle (self->window_title, _("Project with project"));
    }
  else
    {
      a_text = g_strdup_printf (_("A: %s · working"), octa_project_get_name (self->a));
      b_text = g_strdup_printf (_("B: %s · saved"), octa_project_get_name (self->a));
      adw_status_page_set_description (self->empty_page,
                                       _("The working state matches the saved state."));
      adw_window_title_set_subtitle (self->window_title, _("Working state with saved state"));
    }
  gtk_label_set_text (self->side_a_label, a_text);
  gtk_label_set_text (self->side_b_label, b_text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->side_a_label),
                               self->part != NULL ? _("The part as it plays now")
                                                  : _("A is the side Use B writes into"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->side_b_label),
                               self->b != NULL ? _("B is only read")
                                               : _("What RELOAD on the device returns to"));

  self->changed_handler = g_signal_connect_swapped (self->a, "changed",
                                                    G_CALLBACK (project_changed_cb), self);
  rebuild (self);
}

static void
octa_diff_window_dispose (GObject *object)
{
  OctaDiffWindow *self = OCTA_DIFF_WINDOW (object);

  g_clear_handle_id (&self->rescan_idle, g_source_remove);
  if (self->a != NULL)
    g_clear_signal_handler (&self->changed_handler, self->a);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_func (self->selection, selection_changed_cb, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), OCTA_TYPE_DIFF_WINDOW);
  g_clear_object (&self->selection);
  g_clear_object (&self->diff);
  g_clear_object (&self->pending);
  g_clear_object (&self->toast);
  g_clear_object (&self->a);
  g_clear_object (&self->b);
  g_clear_object (&self->part);
  G_OBJECT_CLASS (octa_diff_window_parent_class)->dispose (object);
}

static void
octa_diff_window_finalize (GObject *object)
{
  OctaDiffWindow *self = OCTA_DIFF_WINDOW (object);

  g_free (self->search);
  g_free (self->selected_key);
  g_clear_pointer (&self->kept, g_hash_table_unref);
  g_clear_pointer (&self->sound_items, g_hash_table_unref);
  g_clear_pointer (&self->last_kept, g_ptr_array_unref);
  G_OBJECT_CLASS (octa_diff_window_parent_class)->finalize (object);
}

static void
octa_diff_window_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  OctaDiffWindow *self = OCTA_DIFF_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PROJECT_A:
      self->a = g_value_dup_object (value);
      break;
    case PROP_PROJECT_B:
      self->b = g_value_dup_object (value);
      break;
    case PROP_PART:
      self->part = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
octa_diff_window_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  OctaDiffWindow *self = OCTA_DIFF_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PROJECT_A:
      g_value_set_object (value, self->a);
      break;
    case PROP_PROJECT_B:
      g_value_set_object (value, self->b);
      break;
    case PROP_PART:
      g_value_set_object (value, self->part);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
octa_diff_window_class_init (OctaDiffWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = octa_diff_window_constructed;
  object_class->dispose = octa_diff_window_dispose;
  object_class->finalize = octa_diff_window_finalize;
  object_class->set_property = octa_diff_window_set_property;
  object_class->get_property = octa_diff_window_get_property;

  /**
   * OctaDiffWindow:project-a:
   *
   * The project takes write into.
   */
  properties[PROP_PROJECT_A] = g_param_spec_object ("project-a", NULL, NULL, OCTA_TYPE_PROJECT,
                                                    flags);
  /**
   * OctaDiffWindow:project-b:
   *
   * The other project, only read; %NULL compares A with its saved state.
   */
  properties[PROP_PROJECT_B] = g_param_spec_object ("project-b", NULL, NULL, OCTA_TYPE_PROJECT,
                                                    flags);
  /**
   * OctaDiffWindow:part:
   *
   * A part of project A to compare with its saved copy, or %NULL.
   */
  properties[PROP_PART] = g_param_spec_object ("part", NULL, NULL, OCTA_TYPE_PART, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/octadesk/Octadesk/octa-diff-window.ui");
  gtk_widget_class_bind_template_child (widget_class, OctaDiffWindow, side_a_label);
  gtk_widget_class_bind_template_child (widget_class, OctaDiffWindow, side_b_label);
  gtk_widget_class_bind_template_child (widget_class, OctaDiffWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, OctaDiffWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, OctaDiffWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, OctaDiffWindow, total_label);
  gtk_widget_class_bind_template_child (widget_class, OctaDiffWindow, filter_box);
  gtk_widget_class_bind_template_child (widget_class, OctaDiffWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, OctaDiffWindow, list_view);
  gtk_widget_class_bind_template_child (widget_class, OctaDiffWindow, detail_title);
  gtk_widget_class_bind_template_child (widget_class, OctaDiffWindow, detail_subtitle);
  gtk_widget_class_bind_template_child (widget_class, OctaDiffWindow, use_a_button);
  gtk_widget_class_bind_template_child (widget_class, OctaDiffWindow, use_b_button);
  gtk_widget_class_bind_template_child (widget_class, OctaDiffWindow, sides_box);
  gtk_widget_class_bind_template_child (widget_class, OctaDiffWindow, field_grid);
  gtk_widget_class_bind_template_child (widget_class, OctaDiffWindow, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);

  gtk_widget_class_install_action (widget_class, "diff.use-a", NULL, use_action);
  gtk_widget_class_install_action (widget_class, "diff.use-b", NULL, use_action);
  gtk_widget_class_install_action (widget_class, "diff.next", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "diff.previous", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "diff.rescan", NULL, rescan_action);
  gtk_widget_class_install_action (widget_class, "diff.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "diff.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "diff.undo", NULL, undo_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "diff.previous",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "diff.next",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "diff.use-a",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "diff.use-b",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "diff.find",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "diff.rescan", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "diff.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "diff.undo",
                                       NULL);
}

static void
octa_diff_window_init (OctaDiffWindow *self)
{
  static const char *const labels[N_FILTERS] = {
    N_("All"), N_("Trigs"), N_("Locks"), N_("Parts"), N_("Slots"), N_("Settings"),
  };
  GtkListItemFactory *factory;

  octa_css_ensure ("/io/github/octadesk/Octadesk/octa-diff-window.css");
  gtk_widget_init_template (GTK_WIDGET (self));
  self->kept = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->sound_items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  for (guint i = 0; i < N_FILTERS; i++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (_(labels[i]));

      gtk_widget_set_hexpand (button, TRUE);
      gtk_widget_set_name (button, filter_ids[i]);
      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), self->filter_buttons[0]);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), i == 0);
      g_signal_connect (button, "toggled", G_CALLBACK (filter_toggled_cb), self);
      gtk_box_append (self->filter_box, button);
      self->filter_buttons[i] = GTK_TOGGLE_BUTTON (button);
    }

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
}

/**
 * octa_diff_window_new:
 * @app: (nullable): the application
 * @a: the project takes write into
 * @b: (nullable): another project, only read; %NULL compares @a's working
 *   state with its saved state
 *
 * Returns: (transfer floating): a new diff window
 */
GtkWidget *
octa_diff_window_new (GtkApplication *app,
                      OctaProject    *a,
                      OctaProject    *b)
{
  g_return_val_if_fail (OCTA_IS_PROJECT (a), NULL);
  g_return_val_if_fail (b == NULL || OCTA_IS_PROJECT (b), NULL);

  return g_object_new (OCTA_TYPE_DIFF_WINDOW, "application", app, "project-a", a,
                       "project-b", b, NULL);
}

/**
 * octa_diff_window_new_for_part:
 * @app: the application
 * @part: a part of an open project
 *
 * Compares @part's unsaved copy (A) with its saved copy (B). Use A saves an
 * item into the saved copy, Use B reloads it; both are undoable edits.
 *
 * Returns: (transfer full): a new window
 */
GtkWidget *
octa_diff_window_new_for_part (GtkApplication *app,
                               OctaPart       *part)
{
  g_return_val_if_fail (OCTA_IS_PART (part), NULL);

  return g_object_new (OCTA_TYPE_DIFF_WINDOW, "application", app,
                       "project-a", octa_bank_get_project (octa_part_get_bank (part)),
                       "part", part, NULL);
}

/**
 * octa_diff_window_get_diff:
 * @self: a diff window
 *
 * Returns: (transfer none): the comparison on screen
 */
OctaDiff *
octa_diff_window_get_diff (OctaDiffWindow *self)
{
  g_return_val_if_fail (OCTA_IS_DIFF_WINDOW (self), NULL);
  return self->diff;
}

/**
 * octa_diff_window_get_rows:
 * @self: a diff window
 *
 * Returns: (transfer none): the change list's rows, #GtkTreeListRow items
 *   holding #OctaDiffNode
 */
GListModel *
octa_diff_window_get_rows (OctaDiffWindow *self)
{
  g_return_val_if_fail (OCTA_IS_DIFF_WINDOW (self), NULL);
  return G_LIST_MODEL (self->selection);
}

/**
 * octa_diff_window_select_path:
 * @self: a diff window
 * @key: a row key (octa_diff_node_get_key())
 *
 * Selects the row, if it is in the list.
 */
void
octa_diff_window_select_path (OctaDiffWindow *self,
                              const char     *key)
{
  guint position;

  g_return_if_fail (OCTA_IS_DIFF_WINDOW (self));

  position = find_row (self, key);
  if (position != GTK_INVALID_LIST_POSITION)
    {
      gtk_single_selection_set_selected (self->selection, position);
      gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u",
                                  position);
    }
}

/**
 * octa_diff_window_get_selected:
 * @self: a diff window
 *
 * Returns: (nullable): the selected row's key
 */
const char *
octa_diff_window_get_selected (OctaDiffWindow *self)
{
  g_autoptr(OctaDiffNode) node = NULL;

  g_return_val_if_fail (OCTA_IS_DIFF_WINDOW (self), NULL);
  node = selected_node (self);
  return node != NULL ? self->selected_key : NULL;
}

/**
 * octa_diff_window_set_filter:
 * @self: a diff window
 * @filter: "all", "trigs", "locks", "parts", "slots" or "settings"
 */
void
octa_diff_window_set_filter (OctaDiffWindow *self,
                             const char     *filter)
{
  g_return_if_fail (OCTA_IS_DIFF_WINDOW (self));

  for (guint i = 0; i < N_FILTERS; i++)
    if (g_str_equal (filter, filter_ids[i]))
      gtk_toggle_button_set_active (self->filter_buttons[i], TRUE);
}

/**
 * octa_diff_window_rescan:
 * @self: a diff window
 *
 * Compares again (F5).
 */
void
octa_diff_window_rescan (OctaDiffWindow *self)
{
  g_return_if_fail (OCTA_IS_DIFF_WINDOW (self));
  rebuild (self);
}
