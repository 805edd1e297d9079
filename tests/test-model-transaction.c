/* SPDX-License-Identifier: MIT */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "octa-transaction.h"

/* Five files that exist before the save and one that the save creates. */
#define N_OLD   5
#define N_FILES 6

static const char * const names[N_FILES] = {
  "project.work",
  "bank01.work",
  "bank02.work",
  "markers.work",
  "arr01.work",
  "bank03.work",
};

typedef struct
{
  char             *folder;
  GBytes           *old[N_FILES];
  GBytes           *new[N_FILES];
  OctaFileSnapshot  snap[N_FILES];
} Fixture;

static GBytes *
make_contents (guint seed,
               gsize size)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  guint8 *data = g_malloc (size);

  for (gsize i = 0; i < size; i++)
    data[i] = (guint8) g_rand_int_range (rand, 0, 256);

  return g_bytes_new_take (data, size);
}

static char *
path_in (const Fixture *fx,
         const char    *name)
{
  return g_build_filename (fx->folder, name, NULL);
}

static void
write_bytes (const char *path,
             GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
}

static GBytes *
read_bytes (const char *path)
{
  char *data = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &data, &len, NULL))
    return NULL;

  return g_bytes_new_take (data, len);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static GPtrArray *
list_folder (const char *folder)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (folder, 0, &error);
  GPtrArray *list = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (list, g_strdup (name));
  g_ptr_array_sort (list, compare_strings);

  return list;
}

/* The folder holds exactly these names: no temporary or backup file. */
static void
assert_listing (const char         *folder,
                const char * const *expected,
                guint               n)
{
  g_autoptr(GPtrArray) list = list_folder (folder);
  g_autoptr(GPtrArray) want = g_ptr_array_new ();
  g_autofree char *got = NULL;
  g_autofree char *wanted = NULL;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (want, (gpointer) expected[i]);
  g_ptr_array_sort (want, compare_strings);

  g_ptr_array_add (list, NULL);
  g_ptr_array_add (want, NULL);
  got = g_strjoinv (" ", (char **) list->pdata);
  wanted = g_strjoinv (" ", (char **) want->pdata);
  g_assert_cmpstr (got, ==, wanted);
}

static void
assert_file_is (const char *path,
                GBytes     *expected)
{
  g_autoptr(GBytes) got = read_bytes (path);

  g_assert_nonnull (got);
  g_assert_cmpmem (g_bytes_get_data (got, NULL), g_bytes_get_size (got),
                   g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
}

/* Every file exactly as before the save, down to its modification time,
 * so that the model's snapshots still match. */
static void
assert_all_old (const Fixture *fx)
{
  g_autofree char *absent = path_in (fx, names[N_OLD]);

  assert_listing (fx->folder, names, N_OLD);
  g_assert_false (g_file_test (absent, G_FILE_TEST_EXISTS));

  for (guint i = 0; i < N_OLD; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = path_in (fx, names[i]);
      OctaFileSnapshot now;

      assert_file_is (path, fx->old[i]);
      g_assert_true (octa_file_snapshot_take (path, &now, &error));
      g_assert_no_error (error);
      g_assert_true (octa_file_snapshot_equal (&now, &fx->snap[i]));
    }
}

static void
assert_all_new (const Fixture *fx)
{
  assert_listing (fx->folder, names, N_FILES);

  for (guint i = 0; i < N_FILES; i++)
    {
      g_autofree char *path = path_in (fx, names[i]);

      assert_file_is (path, fx->new[i]);
    }
}

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fx->folder = g_dir_make_tmp ("octa-transaction-XXXXXX", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < N_FILES; i++)
    {
      g_autofree char *path = path_in (fx, names[i]);

      /* Different sizes, and one new version of the same size as its old
       * one, so that only the contents tell them apart. */
      fx->new[i] = make_contents (100 + i, i == 1 ? 2048 + 512 : 3000 + 700 * i);
      if (i < N_OLD)
        {
          fx->old[i] = make_contents (i, 2048 + 512 * i);
          write_bytes (path, fx->old[i]);
        }
      g_assert_true (octa_file_snapshot_take (path, &fx->snap[i], &error));
      g_assert_no_error (error);
      g_assert_cmpint (fx->snap[i].existed, ==, i < N_OLD);
    }
}

static void
remove_folder (const char *folder)
{
  g_autoptr(GPtrArray) list = list_folder (folder);

  for (guint i = 0; i < list->len; i++)
    {
      g_autofree char *path = g_build_filename (folder, g_ptr_array_index (list, i), NULL);

      g_assert_cmpint (g_unlink (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (folder), ==, 0);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  remove_folder (fx->folder);
  g_free (fx->folder);
  for (guint i = 0; i < N_FILES; i++)
    {
      g_clear_pointer (&fx->old[i], g_bytes_unref);
      g_clear_pointer (&fx->new[i], g_bytes_unref);
    }
}

static OctaTransaction *
new_transaction (const Fixture *fx,
                 gboolean       with_expected)
{
  OctaTransaction *t = octa_transaction_new (fx->folder);

  for (guint i = 0; i < N_FILES; i++)
    octa_transaction_add (t, names[i], fx->new[i], with_expected ? &fx->snap[i] : NULL);

  return t;
}

/* Makes every hard link fail as on FAT, so the originals are copied. */
static void
refuse_links (OctaTransaction *t)
{
  for (guint i = 0; i < N_FILES; i++)
    octa_transaction_inject_fault (t, OCTA_FAULT_LINK, i);
}

static void
assert_snapshots_match_disk (const Fixture   *fx,
                             OctaTransaction *t)
{
  for (guint i = 0; i < N_FILES; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = path_in (fx, names[i]);
      const OctaFileSnapshot *written = octa_transaction_get_snapshot (t, names[i]);
      OctaFileSnapshot now;

      g_assert_nonnull (written);
      g_assert_true (written->existed);
      g_assert_cmpuint (written->size, ==, g_bytes_get_size (fx->new[i]));
      g_assert_true (octa_file_snapshot_take (path, &now, &error));
      g_assert_no_error (error);
      g_assert_true (octa_file_snapshot_equal (written, &now));
    }
}

static void
test_snapshot (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("octa-transaction-XXXXXX", &error);
  g_autofree char *path = g_build_filename (folder, "bank01.work", NULL);
  g_autoptr(GBytes) a = make_contents (1, 4096);
  g_autoptr(GBytes) b = make_contents (2, 4096);
  OctaFileSnapshot missing, taken, from_a, from_b;

  g_assert_no_error (error);

  g_assert_true (octa_file_snapshot_take (path, &missing, &error));
  g_assert_no_error (error);
  g_assert_false (missing.existed);
  g_assert_cmpuint (missing.size, ==, 0);

  write_bytes (path, a);
  g_assert_true (octa_file_snapshot_take (path, &taken, &error));
  g_assert_no_error (error);
  g_assert_true (taken.existed);
  g_assert_cmpuint (taken.size, ==, 4096);
  g_assert_false (octa_file_snapshot_equal (&taken, &missing));

  g_assert_true (octa_file_snapshot_from_bytes (path, a, &from_a, &error));
  g_assert_no_error (error);
  g_assert_true (octa_file_snapshot_equal (&taken, &from_a));

  /* Bytes other than those on disk give a snapshot the disk does not match. */
  g_assert_true (octa_file_snapshot_from_bytes (path, b, &from_b, &error));
  g_assert_no_error (error);
  g_assert_false (octa_file_snapshot_equal (&taken, &from_b));

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_false (octa_file_snapshot_from_bytes (path, a, &from_a, &error));
  g_assert_error (error, OCTA_TRANSACTION_ERROR, OCTA_TRANSACTION_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "bank01.work"));

  remove_folder (folder);
}

static void
test_commit (Fixture       *fx,
             gconstpointer  data)
{
  gboolean copies = GPOINTER_TO_INT (data);
  g_autoptr(OctaTransaction) t = new_transaction (fx, TRUE);
  g_autoptr(OctaTransaction) again = NULL;
  g_autoptr(GError) error = NULL;

  if (copies)
    refuse_links (t);

  g_assert_true (octa_transaction_commit (t, NULL, NULL, &error));
  g_assert_no_error (error);
  assert_all_new (fx);
  assert_snapshots_match_disk (fx, t);

  /* The snapshots of one save are the expectations of the next. */
  again = octa_transaction_new (fx->folder);
  for (guint i = 0; i < N_FILES; i++)
    {
      g_clear_pointer (&fx->new[i], g_bytes_unref);
      fx->new[i] = make_contents (200 + i, 1000 + 10 * i);
      octa_transaction_add (again, names[i], fx->new[i],
                            octa_transaction_get_snapshot (t, names[i]));
    }
  if (copies)
    refuse_links (again);
  g_assert_true (octa_transaction_commit (again, NULL, NULL, &error));
  g_assert_no_error (error);
  assert_all_new (fx);
  assert_snapshots_match_disk (fx, again);
}

static void
test_get_snapshot_before_commit (Fixture       *fx,
                                 gconstpointer  data)
{
  g_autoptr(OctaTransaction) t = new_transaction (fx, FALSE);
  g_autoptr(GError) error = NULL;

  g_assert_null (octa_transaction_get_snapshot (t, names[0]));
  g_assert_null (octa_transaction_get_snapshot (t, "nothing.work"));

  octa_transaction_inject_fault (t, OCTA_FAULT_RENAME, 2);
  g_assert_false (octa_transaction_commit (t, NULL, NULL, &error));
  g_assert_null (octa_transaction_get_snapshot (t, names[0]));
}

typedef struct
{
  OctaFaultPoint point;
  guint          index;
  gboolean       copies;
} FaultCase;

static const char *
fault_name (OctaFaultPoint point)
{
  switch (point)
    {
    case OCTA_FAULT_WRITE:     return "write";
    case OCTA_FAULT_FSYNC:     return "fsync";
    case OCTA_FAULT_BACKUP:    return "backup";
    case OCTA_FAULT_RENAME:    return "rename";
    case OCTA_FAULT_DIR_FSYNC: return "dir-fsync";
    case OCTA_FAULT_READBACK:  return "readback";
    case OCTA_FAULT_LINK:      return "link";
    case OCTA_FAULT_RESTORE:   return "restore";
    case OCTA_FAULT_NONE:      return "none";
    default:                   return "unknown";
    }
}

static void
test_fault (Fixture       *fx,
            gconstpointer  data)
{
  const FaultCase *fc = data;
  g_autoptr(OctaTransaction) t = new_transaction (fx, TRUE);
  g_autoptr(GError) error = NULL;

  if (fc->copies)
    refuse_links (t);
  octa_transaction_inject_fault (t, fc->point, fc->index);

  g_assert_false (octa_transaction_commit (t, NULL, NULL, &error));
  if (fc->point == OCTA_FAULT_READBACK)
    g_assert_error (error, OCTA_TRANSACTION_ERROR, OCTA_TRANSACTION_ERROR_VERIFY);
  else
    g_assert_error (error, OCTA_TRANSACTION_ERROR, OCTA_TRANSACTION_ERROR_IO);
  g_assert_nonnull (strstr (error->message, names[fc->index]));
  if (fc->point != OCTA_FAULT_READBACK)
    g_assert_nonnull (strstr (error->message, g_strerror (EIO)));
  g_test_message ("%s", error->message);

  assert_all_old (fx);
  g_assert_null (octa_transaction_get_snapshot (t, names[0]));

  /* Once the fault is gone, the same transaction saves everything. */
  g_clear_error (&error);
  octa_transaction_inject_fault (t, OCTA_FAULT_NONE, 0);
  if (fc->copies)
    refuse_links (t);
  g_assert_true (octa_transaction_commit (t, NULL, NULL, &error));
  g_assert_no_error (error);
  assert_all_new (fx);
  assert_snapshots_match_disk (fx, t);
}

static void
test_rollback_failed (Fixture       *fx,
                      gconstpointer  data)
{
  gboolean copies = GPOINTER_TO_INT (data);
  g_autoptr(OctaTransaction) t = new_transaction (fx, TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *backup_path = NULL;
  const char *prefix = ".bank01.work.octa-old-";

  if (copies)
    refuse_links (t);
  /* Files 0…2 are replaced, file 3 fails, and file 1 cannot be put back. */
  octa_transaction_inject_fault (t, OCTA_FAULT_RENAME, 3);
  octa_transaction_inject_fault (t, OCTA_FAULT_RESTORE, 1);

  g_assert_false (octa_transaction_commit (t, NULL, NULL, &error));
  g_assert_error (error, OCTA_TRANSACTION_ERROR, OCTA_TRANSACTION_ERROR_ROLLBACK_FAILED);
  g_test_message ("%s", error->message);
  /* The original failure, then the file left behind and where its old bytes are. */
  g_assert_nonnull (strstr (error->message, names[3]));
  g_assert_nonnull (strstr (error->message, names[1]));

  list = list_folder (fx->folder);
  for (guint i = 0; i < list->len; i++)
    {
      const char *name = g_ptr_array_index (list, i);

      if (g_str_has_prefix (name, prefix))
        {
          g_assert_null (backup);
          backup = g_strdup (name);
        }
    }
  g_assert_nonnull (backup);
  g_assert_cmpuint (list->len, ==, N_OLD + 1);

  backup_path = path_in (fx, backup);
  g_assert_nonnull (strstr (error->message, backup_path));
  assert_file_is (backup_path, fx->old[1]);

  for (guint i = 0; i < N_OLD; i++)
    {
      g_autofree char *path = path_in (fx, names[i]);

      assert_file_is (path, i == 1 ? fx->new[1] : fx->old[i]);
    }
}

static void
test_rollback_failed_new_file (Fixture       *fx,
                               gconstpointer  data)
{
  g_autoptr(OctaTransaction) t = new_transaction (fx, TRUE);
  g_autoptr(GError) error = NULL;
  g_autofree char *created = path_in (fx, names[N_OLD]);
  const char *expected[N_FILES];

  octa_transaction_inject_fault (t, OCTA_FAULT_READBACK, 0);
  octa_transaction_inject_fault (t, OCTA_FAULT_RESTORE, N_OLD);

  g_assert_false (octa_transaction_commit (t, NULL, NULL, &error));
  g_assert_error (error, OCTA_TRANSACTION_ERROR, OCTA_TRANSACTION_ERROR_ROLLBACK_FAILED);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, names[N_OLD]));

  /* The others are back; the file that did not exist stays, and no backup
   * is needed for it. */
  for (guint i = 0; i < N_FILES; i++)
    expected[i] = names[i];
  assert_listing (fx->folder, expected, N_FILES);
  assert_file_is (created, fx->new[N_OLD]);
  for (guint i = 0; i < N_OLD; i++)
    {
      g_autofree char *path = path_in (fx, names[i]);

      assert_file_is (path, fx->old[i]);
    }
}

typedef enum
{
  CHANGE_CONTENTS,
  CHANGE_CONTENTS_SAME_SIZE_AND_TIME,
  CHANGE_MTIME,
  CHANGE_DELETE,
  CHANGE_CREATE,
} Change;

static void
set_mtime (const char *path,
           gint64      usec)
{
  struct timeval tv[2];

  tv[0].tv_sec = tv[1].tv_sec = usec / G_USEC_PER_SEC;
  tv[0].tv_usec = tv[1].tv_usec = usec % G_USEC_PER_SEC;
  g_assert_cmpint (utimes (path, tv), ==, 0);
}

static void
test_changed_on_disk (Fixture       *fx,
                      gconstpointer  data)
{
  Change change = GPOINTER_TO_INT (data);
  g_autoptr(OctaTransaction) t = new_transaction (fx, TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) theirs = NULL;
  guint victim = change == CHANGE_CREATE ? N_OLD : 2;
  g_autofree char *victim_path = path_in (fx, names[victim]);
  g_autofree char *listing_name = NULL;
  const char *expected[N_FILES];
  guint n_expected = 0;

  switch (change)
    {
    case CHANGE_CONTENTS:
      theirs = make_contents (999, 777);
      write_bytes (victim_path, theirs);
      break;

    case CHANGE_CONTENTS_SAME_SIZE_AND_TIME:
      /* Same size and time: only the digest can tell. FAT keeps times to
       * two seconds, so this happens for real on a card. */
      theirs = make_contents (999, g_bytes_get_size (fx->old[victim]));
      write_bytes (victim_path, theirs);
      set_mtime (victim_path, fx->snap[victim].mtime_usec);
      break;

    case CHANGE_MTIME:
      theirs = g_bytes_ref (fx->old[victim]);
      set_mtime (victim_path, fx->snap[victim].mtime_usec - 10 * G_USEC_PER_SEC);
      break;

    case CHANGE_DELETE:
      g_assert_cmpint (g_unlink (victim_path), ==, 0);
      break;

    case CHANGE_CREATE:
      theirs = make_contents (999, 100);
      write_bytes (victim_path, theirs);
      break;

    default:
      g_assert_not_reached ();
    }

  g_assert_false (octa_transaction_commit (t, NULL, NULL, &error));
  g_assert_error (error, OCTA_TRANSACTION_ERROR, OCTA_TRANSACTION_ERROR_CHANGED_ON_DISK);
  g_assert_nonnull (strstr (error->message, names[victim]));
  g_assert_nonnull (strstr (error->message, "by another program since it was opened"));
  g_test_message ("%s", error->message);

  /* Nothing written: the other files are old, the changed one is theirs. */
  for (guint i = 0; i < N_FILES; i++)
    {
      g_autofree char *path = path_in (fx, names[i]);

      if (i == victim)
        {
          if (theirs != NULL)
            {
              assert_file_is (path, theirs);
              expected[n_expected++] = names[i];
            }
          else
            {
              g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
            }
        }
      else if (i < N_OLD)
        {
          assert_file_is (path, fx->old[i]);
          expected[n_expected++] = names[i];
        }
    }
  assert_listing (fx->folder, expected, n_expected);

  g_clear_error (&error);
  octa_transaction_set_force (t, TRUE);
  g_assert_true (octa_transaction_commit (t, NULL, NULL, &error));
  g_assert_no_error (error);
  assert_all_new (fx);
  assert_snapshots_match_disk (fx, t);
}

typedef struct
{
  const char *folder;
  guint       calls;
  guint       cancel_at;
  guint       backups_seen;
} CancelState;

static gboolean
cancel_on_call (gpointer data)
{
  CancelState *state = data;

  return ++state->calls == state->cancel_at;
}

static void
test_cancel_each_point (Fixture       *fx,
                        gconstpointer  data)
{
  guint cancelled = 0;

  for (guint at = 1; ; at++)
    {
      g_autoptr(OctaTransaction) t = new_transaction (fx, TRUE);
      g_autoptr(GError) error = NULL;
      CancelState state = { fx->folder, 0, at, 0 };

      g_assert_cmpuint (at, <, 1000);
      if (octa_transaction_commit (t, cancel_on_call, &state, &error))
        {
          g_assert_no_error (error);
          /* Asked between files until the first replace, never after. */
          g_assert_cmpuint (state.calls, ==, at - 1);
          assert_all_new (fx);
          break;
        }

      g_assert_error (error, OCTA_TRANSACTION_ERROR, OCTA_TRANSACTION_ERROR_CANCELLED);
      g_assert_cmpuint (state.calls, ==, at);
      assert_all_old (fx);
      cancelled++;
    }

  /* At least once before each file is written. */
  g_assert_cmpuint (cancelled, >=, N_FILES);
}

/* Cancels once every original has been kept, i.e. just before the first
 * file would be replaced. */
static gboolean
cancel_when_all_kept (gpointer data)
{
  CancelState *state = data;
  g_autoptr(GPtrArray) list = list_folder (state->folder);
  guint backups = 0;

  for (guint i = 0; i < list->len; i++)
    if (strstr (g_ptr_array_index (list, i), ".octa-old-") != NULL)
      backups++;

  state->calls++;
  state->backups_seen = MAX (state->backups_seen, backups);

  return backups == N_OLD;
}

static void
test_cancel_before_replace (Fixture       *fx,
                            gconstpointer  data)
{
  gboolean copies = GPOINTER_TO_INT (data);
  g_autoptr(OctaTransaction) t = octa_transaction_new (fx->folder);
  g_autoptr(GError) error = NULL;
  CancelState state = { fx->folder, 0, 0, 0 };

  /* Last-added file one that exists, so the last original is only kept
   * after the last question asked between files. */
  for (guint i = N_FILES; i-- > 0;)
    octa_transaction_add (t, names[i], fx->new[i], &fx->snap[i]);

  if (copies)
    refuse_links (t);

  g_assert_false (octa_transaction_commit (t, cancel_when_all_kept, &state, &error));
  g_assert_error (error, OCTA_TRANSACTION_ERROR, OCTA_TRANSACTION_ERROR_CANCELLED);
  g_assert_cmpuint (state.backups_seen, ==, N_OLD);
  assert_all_old (fx);
}

static void
record_progress (double   fraction,
                 gpointer data)
{
  GArray *values = data;

  g_array_append_val (values, fraction);
}

static void
test_progress (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(OctaTransaction) t = new_transaction (fx, TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));

  octa_transaction_set_progress (t, record_progress, values);
  g_assert_true (octa_transaction_commit (t, NULL, NULL, &error));
  g_assert_no_error (error);

  /* At least one report per file for each of writing, keeping, replacing
   * and reading back. */
  g_assert_cmpuint (values->len, >=, 4 * N_FILES);
  for (guint i = 0; i < values->len; i++)
    {
      double v = g_array_index (values, double, i);

      g_assert_cmpfloat (v, >=, 0.0);
      g_assert_cmpfloat (v, <=, 1.0);
      if (i > 0)
        g_assert_cmpfloat (v, >=, g_array_index (values, double, i - 1));
    }
  g_assert_cmpfloat (g_array_index (values, double, values->len - 1), ==, 1.0);
  g_assert_cmpfloat (g_array_index (values, double, 0), <, 1.0);

  /* A failed save never claims to be done. The files are no longer those
   * the expectations describe, hence the force. */
  g_array_set_size (values, 0);
  octa_transaction_set_force (t, TRUE);
  octa_transaction_inject_fault (t, OCTA_FAULT_READBACK, N_FILES - 1);
  g_assert_false (octa_transaction_commit (t, NULL, NULL, &error));
  g_assert_error (error, OCTA_TRANSACTION_ERROR, OCTA_TRANSACTION_ERROR_VERIFY);
  g_assert_cmpuint (values->len, >, 0);
  g_assert_cmpfloat (g_array_index (values, double, values->len - 1), <, 1.0);
}

typedef struct
{
  const Fixture *fx;
  gboolean       tampered;
} TamperState;

/* Once the first file has been replaced, overwrites it in place with
 * bytes of the same size, as a failing card would return. */
static void
tamper_after_replace (double   fraction,
                      gpointer data)
{
  TamperState *state = data;
  g_autofree char *path = NULL;
  g_autoptr(GBytes) now = NULL;
  g_autoptr(GBytes) garbage = NULL;

  if (state->tampered)
    return;

  path = path_in (state->fx, names[0]);
  now = read_bytes (path);
  if (now == NULL || !g_bytes_equal (now, state->fx->new[0]))
    return;

  garbage = make_contents (4242, g_bytes_get_size (now));
  write_bytes (path, garbage);
  state->tampered = TRUE;
}

static void
test_verify_detects_difference (Fixture       *fx,
                                gconstpointer  data)
{
  g_autoptr(OctaTransaction) t = new_transaction (fx, TRUE);
  g_autoptr(GError) error = NULL;
  TamperState state = { fx, FALSE };

  octa_transaction_set_progress (t, tamper_after_replace, &state);
  g_assert_false (octa_transaction_commit (t, NULL, NULL, &error));
  g_assert_true (state.tampered);
  g_assert_error (error, OCTA_TRANSACTION_ERROR, OCTA_TRANSACTION_ERROR_VERIFY);
  g_assert_nonnull (strstr (error->message, names[0]));
  assert_all_old (fx);
}

static void
test_missing_folder (Fixture       *fx,
                     gconstpointer  data)
{
  g_autofree char *parent = path_in (fx, "missing");
  g_autofree char *folder = g_build_filename (parent, "PROJECT", NULL);
  g_autoptr(OctaTransaction) t = octa_transaction_new (folder);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < N_FILES; i++)
    octa_transaction_add (t, names[i], fx->new[i], NULL);

  g_assert_false (octa_transaction_commit (t, NULL, NULL, &error));
  g_assert_error (error, OCTA_TRANSACTION_ERROR, OCTA_TRANSACTION_ERROR_IO);
  g_assert_nonnull (strstr (error->message, folder));
  g_assert_nonnull (strstr (error->message, g_strerror (ENOENT)));
  g_test_message ("%s", error->message);

  g_assert_false (g_file_test (parent, G_FILE_TEST_EXISTS));
  assert_all_old (fx);
}

static void
test_target_is_folder (Fixture       *fx,
                       gconstpointer  data)
{
  g_autoptr(OctaTransaction) t = new_transaction (fx, FALSE);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = path_in (fx, names[N_OLD]);
  const char *expected[N_FILES];

  /* A real failure, not an injected one: the last target is a folder,
   * which cannot be kept as a file, after every other file was staged
   * and kept. */
  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);

  g_assert_false (octa_transaction_commit (t, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == OCTA_TRANSACTION_ERROR);
  g_assert_nonnull (strstr (error->message, names[N_OLD]));
  g_test_message ("%s", error->message);

  for (guint i = 0; i < N_FILES; i++)
    expected[i] = names[i];
  assert_listing (fx->folder, expected, N_FILES);
  g_assert_true (g_file_test (dir, G_FILE_TEST_IS_DIR));
  for (guint i = 0; i < N_OLD; i++)
    {
      g_autofree char *path = path_in (fx, names[i]);

      assert_file_is (path, fx->old[i]);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_long_names (Fixture       *fx,
                 gconstpointer  data)
{
  g_autoptr(OctaTransaction) t = octa_transaction_new (fx->folder);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) accented = g_string_new (NULL);
  g_autofree char *plain = g_strnfill (250, 'a');
  g_autofree char *plain_path = NULL;
  g_autofree char *accented_path = NULL;
  const char *expected[N_OLD + 2];

  /* Two-byte characters, so the shortened temporary names must cut
   * between characters. */
  for (guint i = 0; i < 125; i++)
    g_string_append (accented, "\xc3\xa9");

  octa_transaction_add (t, plain, fx->new[0], NULL);
  octa_transaction_add (t, accented->str, fx->new[1], NULL);
  octa_transaction_inject_fault (t, OCTA_FAULT_READBACK, 1);
  g_assert_false (octa_transaction_commit (t, NULL, NULL, &error));
  g_assert_error (error, OCTA_TRANSACTION_ERROR, OCTA_TRANSACTION_ERROR_VERIFY);
  assert_all_old (fx);

  g_clear_error (&error);
  octa_transaction_inject_fault (t, OCTA_FAULT_NONE, 0);
  g_assert_true (octa_transaction_commit (t, NULL, NULL, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < N_OLD; i++)
    expected[i] = names[i];
  expected[N_OLD] = plain;
  expected[N_OLD + 1] = accented->str;
  assert_listing (fx->folder, expected, N_OLD + 2);

  plain_path = path_in (fx, plain);
  accented_path = path_in (fx, accented->str);
  assert_file_is (plain_path, fx->new[0]);
  assert_file_is (accented_path, fx->new[1]);
  g_assert_cmpint (g_unlink (plain_path), ==, 0);
  g_assert_cmpint (g_unlink (accented_path), ==, 0);
}

static void
test_add_replaces (Fixture       *fx,
                   gconstpointer  data)
{
  g_autoptr(OctaTransaction) t = octa_transaction_new (fx->folder);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = path_in (fx, names[0]);

  octa_transaction_add (t, names[0], fx->old[1], NULL);
  octa_transaction_add (t, names[0], fx->new[0], &fx->snap[0]);
  g_assert_true (octa_transaction_commit (t, NULL, NULL, &error));
  g_assert_no_error (error);
  assert_file_is (path, fx->new[0]);
}

static void
test_empty (Fixture       *fx,
            gconstpointer  data)
{
  g_autoptr(OctaTransaction) t = octa_transaction_new (fx->folder);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));

  octa_transaction_set_progress (t, record_progress, values);
  g_assert_true (octa_transaction_commit (t, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (values->len, ==, 1);
  g_assert_cmpfloat (g_array_index (values, double, 0), ==, 1.0);
  assert_all_old (fx);
}

#define ADD(path, func, data) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  static const OctaFaultPoint points[] = {
    OCTA_FAULT_WRITE,
    OCTA_FAULT_FSYNC,
    OCTA_FAULT_BACKUP,
    OCTA_FAULT_RENAME,
    OCTA_FAULT_DIR_FSYNC,
    OCTA_FAULT_READBACK,
  };
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/transaction/snapshot", test_snapshot);
  ADD ("/model/transaction/commit/links", test_commit, GINT_TO_POINTER (FALSE));
  ADD ("/model/transaction/commit/copies", test_commit, GINT_TO_POINTER (TRUE));
  ADD ("/model/transaction/snapshot-before-commit", test_get_snapshot_before_commit, NULL);

  for (guint copies = 0; copies < 2; copies++)
    for (guint p = 0; p < G_N_ELEMENTS (points); p++)
      for (guint k = 0; k < N_FILES; k++)
        {
          FaultCase *fc = g_new0 (FaultCase, 1);
          char *path;

          fc->point = points[p];
          fc->index = k;
          fc->copies = copies;
          path = g_strdup_printf ("/model/transaction/fault/%s/%s/%u",
                                  copies ? "copies" : "links", fault_name (fc->point), k);
          ADD (path, test_fault, fc);
          g_ptr_array_add (cases, fc);
          g_ptr_array_add (paths, path);
        }

  ADD ("/model/transaction/rollback-failed/links", test_rollback_failed,
       GINT_TO_POINTER (FALSE));
  ADD ("/model/transaction/rollback-failed/copies", test_rollback_failed,
       GINT_TO_POINTER (TRUE));
  ADD ("/model/transaction/rollback-failed/new-file", test_rollback_failed_new_file, NULL);

  ADD ("/model/transaction/changed/contents", test_changed_on_disk,
       GINT_TO_POINTER (CHANGE_CONTENTS));
  ADD ("/model/transaction/changed/contents-same-size-and-time", test_changed_on_disk,
       GINT_TO_POINTER (CHANGE_CONTENTS_SAME_SIZE_AND_TIME));
  ADD ("/model/transaction/changed/mtime", test_changed_on_disk,
       GINT_TO_POINTER (CHANGE_MTIME));
  ADD ("/model/transaction/changed/deleted", test_changed_on_disk,
       GINT_TO_POINTER (CHANGE_DELETE));
  ADD ("/model/transaction/changed/created", test_changed_on_disk,
       GINT_TO_POINTER (CHANGE_CREATE));

  ADD ("/model/transaction/cancel/each-point", test_cancel_each_point, NULL);
  ADD ("/model/transaction/cancel/before-replace/links", test_cancel_before_replace,
       GINT_TO_POINTER (FALSE));
  ADD ("/model/transaction/cancel/before-replace/copies", test_cancel_before_replace,
       GINT_TO_POINTER (TRUE));

  ADD ("/model/transaction/progress", test_progress, NULL);
  ADD ("/model/transaction/verify-detects-difference", test_verify_detects_difference, NULL);
  ADD ("/model/transaction/missing-folder", test_missing_folder, NULL);
  ADD ("/model/transaction/target-is-folder", test_target_is_folder, NULL);
  ADD ("/model/transaction/long-names", test_long_names, NULL);
  ADD ("/model/transaction/add-replaces", test_add_replaces, NULL);
  ADD ("/model/transaction/empty", test_empty, NULL);

  return g_test_run ();
}
