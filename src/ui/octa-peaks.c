/* SPDX-License-Identifier: MIT */
#include "octa-peaks.h"

#include <sndfile.h>

/* Enough resolution for a waveform spread over a wide screen at scale 2;
 * narrower views combine buckets. */
#define MAX_BUCKETS 16384
#define READ_FRAMES 4096

struct _OctaPeaks
{
  gatomicrefcount  ref;
  guint            n_lanes;
  guint            rate;
  guint64          frames;
  guint64          bucket;
  guint64          n_buckets;
  float           *min;     /* n_lanes × n_buckets */
  float           *max;
  guint8          *sign;    /* one bit per frame: the first lane is ≥ 0 */
};

OctaPeaks *
octa_peaks_ref (OctaPeaks *peaks)
{
  g_atomic_ref_count_inc (&peaks->ref);
  return peaks;
}

void
octa_peaks_unref (OctaPeaks *peaks)
{
  if (peaks == NULL || !g_atomic_ref_count_dec (&peaks->ref))
    return;
  g_free (peaks->min);
  g_free (peaks->max);
  g_free (peaks->sign);
  g_free (peaks);
}

static OctaPeaks *
peaks_read (const char  *path,
            const char  *name,
            GCancellable *cancellable,
            GError     **error)
{
  g_autoptr(OctaPeaks) peaks = NULL;
  g_autofree float *buffer = NULL;
  SF_INFO info = { 0 };
  SNDFILE *snd;
  guint64 frame = 0;

  snd = sf_open (path, SFM_READ, &info);
  if (snd == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s can't be read as audio: %s", name, sf_strerror (NULL));
      return NULL;
    }
  if (info.channels < 1 || info.frames < 0 || info.samplerate < 1)
    {
      sf_close (snd);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s has no audio channels", name);
      return NULL;
    }

  peaks = g_new0 (OctaPeaks, 1);
  g_atomic_ref_count_init (&peaks->ref);
  peaks->n_lanes = MIN (info.channels, 2);
  peaks->rate = info.samplerate;
  peaks->frames = info.frames;
  peaks->bucket = MAX (1, (peaks->frames + MAX_BUCKETS - 1) / MAX_BUCKETS);
  peaks->n_buckets = MAX (1, (peaks->frames + peaks->bucket - 1) / peaks->bucket);
  peaks->min = g_new0 (float, peaks->n_lanes * peaks->n_buckets);
  peaks->max = g_new0 (float, peaks->n_lanes * peaks->n_buckets);
  peaks->sign = g_new0 (guint8, peaks->frames / 8 + 1);
  buffer = g_new (float, (gsize) READ_FRAMES * info.channels);

  for (guint64 b = 0; b < peaks->n_lanes * peaks->n_buckets; b++)
    {
      peaks->min[b] = 1.0f;
      peaks->max[b] = -1.0f;
    }

  while (frame < peaks->frames)
    {
      sf_count_t got = sf_readf_float (snd, buffer, READ_FRAMES);

      if (got <= 0)
        break;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          sf_close (snd);
          return NULL;
        }
      for (sf_count_t i = 0; i < got && frame < peaks->frames; i++, frame++)
        {
          guint64 b = frame / peaks->bucket;

          for (guint lane = 0; lane < peaks->n_lanes; lane++)
            {
              float v = buffer[i * info.channels + lane];
              guint64 k = lane * peaks->n_buckets + b;

              peaks->min[k] = MIN (peaks->min[k], v);
              peaks->max[k] = MAX (peaks->max[k], v);
            }
          if (buffer[i * info.channels] >= 0.0f)
            peaks->sign[frame / 8] |= 1u << (frame % 8);
        }
    }
  sf_close (snd);

  /* A file shorter than its header says: the rest draws as silence. */
  for (guint64 b = 0; b < peaks->n_lanes * peaks->n_buckets; b++)
    if (peaks->min[b] > peaks->max[b])
      peaks->min[b] = peaks->max[b] = 0.0f;

  return g_steal_pointer (&peaks);
}

static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = g_file_get_basename (file);
  GError *error = NULL;
  OctaPeaks *peaks;

  if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               "%s is missing", name);
      return;
    }
  peaks = peaks_read (path, name, cancellable, &error);
  if (peaks == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, peaks, (GDestroyNotify) octa_peaks_unref);
}

/* Whole-file cache, main thread only: keyed by path, checked against the
 * file's size and modification time, holding the files shown last (a
 * minute of stereo audio costs under 1 MB). */
#define CACHE_SIZE 24

typedef struct
{
  OctaPeaks *peaks;
  guint64    size;
  guint64    mtime;
} CacheEntry;

static GHashTable *cache;
static GQueue cache_order = G_QUEUE_INIT;  /* paths, most recent first */

static void
cache_touch (const char *path)
{
  GList *link = g_queue_find_custom (&cache_order, path, (GCompareFunc) g_strcmp0);

  if (link != NULL)
    {
      g_queue_unlink (&cache_order, link);
      g_queue_push_head_link (&cache_order, link);
      return;
    }
  g_queue_push_head (&cache_order, g_strdup (path));
  while (g_queue_get_length (&cache_order) > CACHE_SIZE)
    {
      g_autofree char *oldest = g_queue_pop_tail (&cache_order);

      g_hash_table_remove (cache, oldest);
    }
}

static void
cache_entry_free (gpointer data)
{
  CacheEntry *entry = data;

  octa_peaks_unref (entry->peaks);
  g_free (entry);
}

static gboolean
file_stamp (GFile   *file,
            guint64 *size,
            guint64 *mtime)
{
  g_autoptr(GFileInfo) info =
    g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                       G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC, G_FILE_QUERY_INFO_NONE, NULL, NULL);

  if (info == NULL)
    return FALSE;
  *size = g_file_info_get_size (info);
  *mtime = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED) *
           G_USEC_PER_SEC +
           g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC);
  return TRUE;
}

typedef struct
{
  GFile   *file;
  guint64  size;
  guint64  mtime;
  gboolean stamped;
} LoadData;

static void
load_data_free (gpointer data)
{
  LoadData *load = data;

  g_object_unref (load->file);
  g_free (load);
}

static void
load_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LoadData *load = g_task_get_task_data (task);
  GError *error = NULL;
  OctaPeaks *peaks = g_task_propagate_pointer (G_TASK (result), &error);

  if (peaks == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (load->stamped)
    {
      CacheEntry *entry = g_new0 (CacheEntry, 1);

      if (cache == NULL)
        cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, cache_entry_free);
      entry->peaks = octa_peaks_ref (peaks);
      entry->size = load->size;
      entry->mtime = load->mtime;
      g_hash_table_replace (cache, g_file_get_path (load->file), entry);
      {
        g_autofree char *path = g_file_get_path (load->file);

        cache_touch (path);
      }
    }
  g_task_return_pointer (task, peaks, (GDestroyNotify) octa_peaks_unref);
}

void
octa_peaks_load_async (GFile               *file,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(GTask) worker = NULL;
  g_autofree char *path = g_file_get_path (file);
  LoadData *load = g_new0 (LoadData, 1);
  CacheEntry *entry;

  g_task_set_source_tag (task, octa_peaks_load_async);
  load->file = g_object_ref (file);
  load->stamped = file_stamp (file, &load->size, &load->mtime);
  g_task_set_task_data (task, load, load_data_free);

  entry = cache != NULL && path != NULL ? g_hash_table_lookup (cache, path) : NULL;
  if (entry != NULL && load->stamped && entry->size == load->size && entry->mtime == load->mtime)
    {
      cache_touch (path);
      g_task_return_pointer (task, octa_peaks_ref (entry->peaks),
                             (GDestroyNotify) octa_peaks_unref);
      return;
    }

  worker = g_task_new (NULL, cancellable, load_done, g_object_ref (task));
  g_task_set_task_data (worker, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (worker, load_thread);
}

/**
 * octa_peaks_load_finish:
 *
 * Returns: (transfer full): the peaks, or %NULL with @error naming the file
 */
OctaPeaks *
octa_peaks_load_finish (GAsyncResult  *result,
                        GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

guint
octa_peaks_get_n_lanes (OctaPeaks *peaks)
{
  return peaks->n_lanes;
}

guint
octa_peaks_get_rate (OctaPeaks *peaks)
{
  return peaks->rate;
}

guint64
octa_peaks_get_frames (OctaPeaks *peaks)
{
  return peaks->frames;
}

/* The lowest and highest value of frames [first, end) of @lane; a range
 * inside one bucket reads that bucket. */
void
octa_peaks_get_range (OctaPeaks *peaks,
                      guint      lane,
                      guint64    first,
                      guint64    end,
                      float     *min,
                      float     *max)
{
  guint64 b0 = first / peaks->bucket;
  guint64 b1 = (end + peaks->bucket - 1) / peaks->bucket;
  const float *lo = peaks->min + (gsize) lane * peaks->n_buckets;
  const float *hi = peaks->max + (gsize) lane * peaks->n_buckets;

  b0 = MIN (b0, peaks->n_buckets - 1);
  b1 = CLAMP (b1, b0 + 1, peaks->n_buckets);
  *min = lo[b0];
  *max = hi[b0];
  for (guint64 b = b0 + 1; b < b1; b++)
    {
      *min = MIN (*min, lo[b]);
      *max = MAX (*max, hi[b]);
    }
}

static gboolean
sign_at (OctaPeaks *peaks,
         guint64    frame)
{
  return (peaks->sign[frame / 8] >> (frame % 8)) & 1;
}

/* The zero crossing nearest @frame within @radius frames (a frame whose
 * sign differs from the one before it, or either end of the audio), or
 * @frame when there is none. */
guint64
octa_peaks_snap_to_zero (OctaPeaks *peaks,
                         guint64    frame,
                         guint64    radius)
{
  if (peaks->frames < 2)
    return frame;
  for (guint64 d = 0; d <= radius; d++)
    {
      if (frame == d || frame + d == peaks->frames)
        return frame == d ? 0 : peaks->frames;
      if (frame >= d && frame - d >= 1 && frame - d < peaks->frames &&
          sign_at (peaks, frame - d) != sign_at (peaks, frame - d - 1))
        return frame - d;
      if (frame + d >= 1 && frame + d < peaks->frames &&
          sign_at (peaks, frame + d) != sign_at (peaks, frame + d - 1))
        return frame + d;
    }
  return frame;
}
