/* SPDX-License-Identifier: MIT */
#include "octa-image-private.h"

#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "octa-codec-error.h"

typedef struct
{
  OctaFileKind kind;
  const char  *tag;
  gsize        size;
  guint8       version;
  const char  *label;
} KindInfo;

static const KindInfo kind_info[] = {
  { OCTA_FILE_KIND_UNKNOWN,      NULL,   0,                      0,  "unknown file" },
  { OCTA_FILE_KIND_BANK,         "BANK", OCTA_BANK_SIZE,         23, "bank" },
  { OCTA_FILE_KIND_MARKERS,      "SAMP", OCTA_MARKERS_SIZE,      4,  "markers" },
  { OCTA_FILE_KIND_ARRANGEMENT,  "ARRA", OCTA_ARRANGEMENT_SIZE,  6,  "arrangement" },
  { OCTA_FILE_KIND_SAMPLE_ATTRS, "SMPA", OCTA_SAMPLE_ATTRS_SIZE, 2,  "sample attributes (.ot)" },
  { OCTA_FILE_KIND_PROJECT,      NULL,   0,                      0,  "project settings" },
};

static const KindInfo *
info_for (OctaFileKind kind)
{
  if ((guint) kind < G_N_ELEMENTS (kind_info))
    return &kind_info[kind];
  return &kind_info[0];
}

/* "an arrangement", "a bank" */
static const char *
article_for (const char *label)
{
  return strchr ("aeiou", label[0]) != NULL ? "an" : "a";
}

const char *
octa_file_kind_to_string (OctaFileKind kind)
{
  return info_for (kind)->label;
}

const char *
octa_file_kind_tag (OctaFileKind kind)
{
  return info_for (kind)->tag;
}

gsize
octa_file_kind_size (OctaFileKind kind)
{
  return info_for (kind)->size;
}

guint8
octa_file_kind_version (OctaFileKind kind)
{
  return info_for (kind)->version;
}

/**
 * octa_file_kind_detect:
 * @data: (array length=len): the start of a file
 * @len: number of bytes available
 *
 * Guesses a file's kind from its first bytes: the FORM type tag for binary
 * files, a `#` or `[` for the project text.
 */
OctaFileKind
octa_file_kind_detect (const guint8 *data,
                       gsize         len)
{
  if (len >= 16 && memcmp (data, "FORM", 4) == 0)
    {
      for (guint i = 1; i < G_N_ELEMENTS (kind_info); i++)
        if (kind_info[i].tag != NULL && memcmp (data + 12, kind_info[i].tag, 4) == 0)
          return kind_info[i].kind;
      return OCTA_FILE_KIND_UNKNOWN;
    }

  if (len > 0 && (data[0] == '#' || data[0] == '['))
    return OCTA_FILE_KIND_PROJECT;

  return OCTA_FILE_KIND_UNKNOWN;
}

/**
 * octa_file_kind_from_filename:
 * @filename: a path or base name
 *
 * Returns: the kind implied by the file's name (`bank03.strd`, `markers.work`,
 *   `arr01.work`, `project.work`, `*.ot`), or %OCTA_FILE_KIND_UNKNOWN.
 */
OctaFileKind
octa_file_kind_from_filename (const char *filename)
{
  g_autofree char *base = g_path_get_basename (filename);
  g_autofree char *lower = g_ascii_strdown (base, -1);
  const char *dot = strrchr (lower, '.');

  if (dot == NULL)
    return OCTA_FILE_KIND_UNKNOWN;

  if (g_str_equal (dot, ".ot"))
    return OCTA_FILE_KIND_SAMPLE_ATTRS;

  if (!g_str_equal (dot, ".work") && !g_str_equal (dot, ".strd"))
    return OCTA_FILE_KIND_UNKNOWN;

  if (g_str_has_prefix (lower, "bank"))
    return OCTA_FILE_KIND_BANK;
  if (g_str_has_prefix (lower, "markers"))
    return OCTA_FILE_KIND_MARKERS;
  if (g_str_has_prefix (lower, "arr"))
    return OCTA_FILE_KIND_ARRANGEMENT;
  if (g_str_has_prefix (lower, "project"))
    return OCTA_FILE_KIND_PROJECT;

  return OCTA_FILE_KIND_UNKNOWN;
}

/**
 * octa_checksum_compute:
 * @data: (array length=len): a whole binary file
 * @len: its size
 *
 * The device's checksum: a plain wrapping 16-bit sum of bytes 16 … len-3.
 * The header bytes 0–15 are not covered; the version byte at 21 is.
 */
guint16
octa_checksum_compute (const guint8 *data,
                       gsize         len)
{
  const guint8 *p, *end;
  guint64 sum = 0;

  if (len < OCTA_CHECKSUM_START + 2)
    return 0;

  p = data + OCTA_CHECKSUM_START;
  end = data + len - 2;

#ifdef __SSE2__
  /* Whole banks are summed on every load: PSADBW adds 16 bytes at a time. */
  {
    __m128i acc = _mm_setzero_si128 ();
    const __m128i zero = _mm_setzero_si128 ();

    while (end - p >= 16)
      {
        __m128i v = _mm_loadu_si128 ((const __m128i *) p);

        acc = _mm_add_epi64 (acc, _mm_sad_epu8 (v, zero));
        p += 16;
      }
    sum += (guint64) _mm_cvtsi128_si64 (acc) + (guint64) _mm_cvtsi128_si64 (_mm_unpackhi_epi64 (acc, acc));
  }
#else
  /* Eight lanes at a time; each 16-bit lane takes at most 256 bytes of 255
   * before it must be folded. */
  while (end - p >= 8)
    {
      guint64 lanes_lo = 0, lanes_hi = 0;
      gsize n = MIN ((gsize) (end - p) / 8, 256);

      for (gsize i = 0; i < n; i++, p += 8)
        {
          guint64 w;

          memcpy (&w, p, 8);
          lanes_lo += w & G_GUINT64_CONSTANT (0x00FF00FF00FF00FF);
          lanes_hi += (w >> 8) & G_GUINT64_CONSTANT (0x00FF00FF00FF00FF);
        }
      for (guint k = 0; k < 4; k++)
        sum += ((lanes_lo >> (16 * k)) & 0xFFFF) + ((lanes_hi >> (16 * k)) & 0xFFFF);
    }
#endif
  while (p < end)
    sum += *p++;

  return (guint16) (sum & 0xFFFF);
}

guint16
octa_checksum_stored (const guint8 *data,
                      gsize         len)
{
  if (len < 2)
    return 0;
  return (guint16) ((data[len - 2] << 8) | data[len - 1]);
}

/**
 * octa_image_check_container:
 * @kind: the kind the file must be
 * @data: (array length=len): the file's bytes
 * @len: their number
 * @name: the name used in messages
 * @flags: which kinds of damage to accept
 * @error: return location for a #GError
 *
 * Checks everything the four binary types share: magic, type tag, size,
 * the zero header bytes, the datatype version and the checksum.
 */
static gboolean
check_container (OctaFileKind   kind,
                 const guint8  *data,
                 gsize          len,
                 const char    *name,
                 OctaLoadFlags  flags,
                 gboolean      *checksum_ok,
                 GError       **error)
{
  const KindInfo *info = info_for (kind);
  guint16 stored, computed;

  g_return_val_if_fail (info->tag != NULL, FALSE);

  /* memcmp() must not see the NULL of an empty copy, even for 0 bytes. */
  if (len < 4 && (len == 0 || memcmp (data, "FORM", len) == 0))
    {
      g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_TRUNCATED,
                   "%s: truncated: %" G_GSIZE_FORMAT " bytes, the header alone needs 22",
                   name, len);
      return FALSE;
    }

  if (len < 4 || memcmp (data, "FORM", 4) != 0)
    {
      g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_BAD_MAGIC,
                   "%s: not an Octatrack file: offset 0 should hold \"FORM\"", name);
      return FALSE;
    }

  if (len < 16)
    {
      g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_TRUNCATED,
                   "%s: truncated: %" G_GSIZE_FORMAT " bytes, the header alone needs 22",
                   name, len);
      return FALSE;
    }

  if (memcmp (data + 8, "DPS1", 4) != 0)
    {
      g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_BAD_MAGIC,
                   "%s: not an Octatrack file: offset 8 should hold \"DPS1\"", name);
      return FALSE;
    }

  if (memcmp (data + 12, info->tag, 4) != 0)
    {
      g_autofree char *found = _octa_image_dup_text (data + 12, 4);

      g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_BAD_MAGIC,
                   "%s: offset 12 holds type \"%s\", %s %s file has \"%s\"",
                   name, found, article_for (info->label), info->label, info->tag);
      return FALSE;
    }

  if (len != info->size)
    {
      g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_TRUNCATED,
                   len < info->size
                   ? "%s: truncated: %" G_GSIZE_FORMAT " bytes, %s %s file has %" G_GSIZE_FORMAT
                     " (data ends at offset %" G_GSIZE_FORMAT ")"
                   : "%s: wrong size: %" G_GSIZE_FORMAT " bytes, %s %s file has %" G_GSIZE_FORMAT
                     " (unexpected data from offset %" G_GSIZE_FORMAT ")",
                   name, len, article_for (info->label), info->label, info->size,
                   MIN (len, info->size));
      return FALSE;
    }

  for (gsize i = 4; i < 8; i++)
    if (data[i] != 0)
      {
        g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_BAD_MAGIC,
                     "%s: header byte at offset %" G_GSIZE_FORMAT " is %u, expected 0",
                     name, i, data[i]);
        return FALSE;
      }
  for (gsize i = 16; i < OCTA_VERSION_OFFSET; i++)
    if (data[i] != 0)
      {
        g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_BAD_MAGIC,
                     "%s: header byte at offset %" G_GSIZE_FORMAT " is %u, expected 0",
                     name, i, data[i]);
        return FALSE;
      }

  if (data[OCTA_VERSION_OFFSET] != info->version &&
      !((flags & OCTA_LOAD_ALLOW_OLDER_VERSION) && data[OCTA_VERSION_OFFSET] < info->version))
    {
      g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_UNSUPPORTED_VERSION,
                   "%s: unsupported %s version %u at offset 21 (OS 1.40 files have version %u)",
                   name, info->label, data[OCTA_VERSION_OFFSET], info->version);
      return FALSE;
    }

  stored = octa_checksum_stored (data, len);
  computed = octa_checksum_compute (data, len);
  *checksum_ok = stored == computed;
  if (stored != computed && !(flags & OCTA_LOAD_ALLOW_BAD_CHECKSUM))
    {
      g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_BAD_CHECKSUM,
                   "%s: bad checksum at offset %" G_GSIZE_FORMAT ": stored 0x%04X, computed 0x%04X",
                   name, len - 2, stored, computed);
      return FALSE;
    }

  return TRUE;
}

gboolean
octa_image_check_container (OctaFileKind   kind,
                            const guint8  *data,
                            gsize          len,
                            const char    *name,
                            OctaLoadFlags  flags,
                            GError       **error)
{
  gboolean checksum_ok;

  return check_container (kind, data, len, name, flags, &checksum_ok, error);
}

/**
 * octa_image_new_blank:
 * @kind: a binary kind
 * @name: (nullable): the name used in messages
 *
 * Returns: (transfer full): an image of zeros with a valid header, version and
 *   checksum. Type-specific defaults are the typed files' business.
 */
OctaImage *
octa_image_new_blank (OctaFileKind  kind,
                      const char   *name)
{
  const KindInfo *info = info_for (kind);
  OctaImage *image;

  g_return_val_if_fail (info->tag != NULL, NULL);

  image = g_new0 (OctaImage, 1);
  image->kind = kind;
  image->size = info->size;
  image->data = g_malloc0 (info->size);
  image->name = g_strdup (name != NULL ? name : info->label);
  memcpy (image->data, "FORM", 4);
  memcpy (image->data + 8, "DPS1", 4);
  memcpy (image->data + 12, info->tag, 4);
  image->data[OCTA_VERSION_OFFSET] = info->version;
  image->checksum_ok_at_load = TRUE;
  image->modified = TRUE;
  octa_image_update_checksum (image);
  return image;
}

OctaImage *
octa_image_new_from_data (OctaFileKind   kind,
                          const guint8  *data,
                          gsize          len,
                          const char    *name,
                          OctaLoadFlags  flags,
                          GError       **error)
{
  return octa_image_new_take (kind, g_memdup2 (data, len), len, name, flags, error);
}

/**
 * octa_image_new_take:
 * @kind: the kind the file must be
 * @data: (transfer full) (array length=len): the file's bytes, allocated with g_malloc()
 * @len: their number
 * @name: (nullable): the name used in messages
 * @flags: which kinds of damage to accept
 * @error: return location for a #GError
 *
 * Like octa_image_new_from_data() but keeps @data instead of copying it; a
 * whole project is read once and never copied. @data is freed on failure.
 *
 * Returns: (transfer full) (nullable): the image
 */
OctaImage *
octa_image_new_take (OctaFileKind   kind,
                     guint8        *data,
                     gsize          len,
                     const char    *name,
                     OctaLoadFlags  flags,
                     GError       **error)
{
  OctaImage *image;
  gboolean checksum_ok;

  if (name == NULL)
    name = octa_file_kind_to_string (kind);

  if (!check_container (kind, data, len, name, flags, &checksum_ok, error))
    {
      g_free (data);
      return NULL;
    }

  image = g_new0 (OctaImage, 1);
  image->kind = kind;
  image->size = len;
  image->data = data;
  image->name = g_strdup (name);
  image->checksum_ok_at_load = checksum_ok;
  return image;
}

/*
 * check_container() calls anything shorter than "FORM" a bad magic; an
 * empty or 1–3 byte file that starts like one is a truncated file of the
 * kind asked for. Empty `.ot` placeholders are common in sample folders.
 */
static gboolean
check_short_prefix (OctaFileKind   kind,
                    const guint8  *data,
                    gsize          len,
                    const char    *name,
                    GError       **error)
{
  const KindInfo *info = info_for (kind);

  if (len < 4 && (len == 0 || memcmp (data, "FORM", len) == 0))
    {
      g_set_error (error, OCTA_CODEC_ERROR, OCTA_CODEC_ERROR_TRUNCATED,
                   "%s: truncated: %" G_GSIZE_FORMAT " bytes, %s %s file has %" G_GSIZE_FORMAT
                   " (data ends at offset %" G_GSIZE_FORMAT ")",
                   name, len, article_for (info->label), info->label, info->size, len);
      return FALSE;
    }
  return TRUE;
}

/*
 * The container checks a typed file makes before it opens: those of
 * octa_image_check_container(), with a cut-off file reported as truncated.
 */
gboolean
_octa_image_check (OctaFileKind   kind,
                   const guint8  *data,
                   gsize          len,
                   const char    *name,
                   OctaLoadFlags  flags,
                   GError       **error)
{
  return check_short_prefix (kind, data, len, name, error) &&
         octa_image_check_container (kind, data, len, name, flags, error);
}

/* octa_image_new_take() for a typed file: a cut-off file is truncated. */
OctaImage *
_octa_image_load (OctaFileKind   kind,
                  guint8        *data,
                  gsize          len,
                  const char    *name,
                  OctaLoadFlags  flags,
                  GError       **error)
{
  if (name == NULL)
    name = octa_file_kind_to_string (kind);

  if (!check_short_prefix (kind, data, len, name, error))
    {
      g_free (data);
      return NULL;
    }

  return octa_image_new_take (kind, data, len, name, flags, error);
}

/*
 * The text of a fixed-size field: up to its first NUL, with bytes a GLib
 * string cannot carry shown as '?'.
 */
char *
_octa_image_dup_text (const guint8 *bytes,
                      gsize         size)
{
  gsize len = 0;
  char *text;

  while (len < size && bytes[len] != 0)
    len++;

  text = g_strndup ((const char *) bytes, len);
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isprint (text[i]))
      text[i] = '?';
  return text;
}

OctaImage *
octa_image_copy (const OctaImage *image)
{
  OctaImage *copy;

  g_return_val_if_fail (image != NULL, NULL);

  copy = g_new0 (OctaImage, 1);
  *copy = *image;
  copy->data = g_memdup2 (image->data, image->size);
  copy->name = g_strdup (image->name);
  copy->change_func = NULL;
  copy->change_data = NULL;
  return copy;
}

void
octa_image_free (OctaImage *image)
{
  if (image == NULL)
    return;
  g_free (image->data);
  g_free (image->name);
  g_free (image);
}

void
octa_image_set_name (OctaImage  *image,
                     const char *name)
{
  g_return_if_fail (image != NULL);

  if (image->name != name)
    {
      g_free (image->name);
      image->name = g_strdup (name);
    }
}

/**
 * octa_image_set_change_func:
 * @image: an image
 * @func: (nullable): called before each byte changes
 * @user_data: passed to @func
 *
 * Installs (or, with %NULL, removes) the function told about every change.
 */
void
octa_image_set_change_func (OctaImage           *image,
                            OctaImageChangeFunc  func,
                            gpointer             user_data)
{
  g_return_if_fail (image != NULL);

  image->change_func = func;
  image->change_data = user_data;
}

void
octa_image_update_checksum (OctaImage *image)
{
  guint16 sum = octa_checksum_compute (image->data, image->size);

  image->data[image->size - 2] = sum >> 8;
  image->data[image->size - 1] = sum & 0xFF;
}

/**
 * octa_image_encode:
 * @image: an image
 *
 * Returns: (transfer full): the file's bytes. The checksum is recomputed when
 *   the image was edited; an untouched image (even one opened despite a bad
 *   checksum) comes back byte for byte as it was read.
 */
GBytes *
octa_image_encode (OctaImage *image)
{
  g_return_val_if_fail (image != NULL, NULL);

  if (image->modified)
    octa_image_update_checksum (image);

  return g_bytes_new (image->data, image->size);
}

gboolean
octa_image_equal (const OctaImage *a,
                  const OctaImage *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return a->kind == b->kind && a->size == b->size &&
         memcmp (a->data, b->data, a->size - 2) == 0;
}

guint8
octa_image_get_u8 (const OctaImage *image,
                   gsize            offset)
{
  g_return_val_if_fail (offset < image->size, 0);
  return image->data[offset];
}

guint16
octa_image_get_u16 (const OctaImage *image,
                    gsize            offset)
{
  g_return_val_if_fail (offset + 2 <= image->size, 0);
  return (guint16) ((image->data[offset] << 8) | image->data[offset + 1]);
}

guint32
octa_image_get_u32 (const OctaImage *image,
                    gsize            offset)
{
  const guint8 *p;

  g_return_val_if_fail (offset + 4 <= image->size, 0);
  p = image->data + offset;
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

guint64
octa_image_get_u64 (const OctaImage *image,
                    gsize            offset)
{
  guint64 v = 0;

  g_return_val_if_fail (offset + 8 <= image->size, 0);
  for (guint i = 0; i < 8; i++)
    v = (v << 8) | image->data[offset + i];
  return v;
}

void
octa_image_set_u8 (OctaImage *image,
                   gsize      offset,
                   guint8     value)
{
  g_return_if_fail (offset >= OCTA_HEADER_SIZE && offset < image->size - 2);

  if (image->read_only)
    return;
  if (image->data[offset] != value)
    {
      if (image->change_func != NULL)
        image->change_func (image, offset, image->data[offset], value, image->change_data);
      image->data[offset] = value;
      image->modified = TRUE;
    }
}

/* Big-endian, byte by byte: the change function sees every byte that changes. */
static void
set_big_endian (OctaImage *image,
                gsize      offset,
                guint64    value,
                guint      width)
{
  for (guint i = 0; i < width; i++)
    octa_image_set_u8 (image, offset + i, (value >> (8 * (width - 1 - i))) & 0xFF);
}

void
octa_image_set_u16 (OctaImage *image,
                    gsize      offset,
                    guint16    value)
{
  set_big_endian (image, offset, value, 2);
}

void
octa_image_set_u32 (OctaImage *image,
                    gsize      offset,
                    guint32    value)
{
  set_big_endian (image, offset, value, 4);
}

void
octa_image_set_u64 (OctaImage *image,
                    gsize      offset,
                    guint64    value)
{
  set_big_endian (image, offset, value, 8);
}

void
octa_image_set_bytes (OctaImage    *image,
                      gsize         offset,
                      const guint8 *bytes,
                      gsize         len)
{
  g_return_if_fail (offset >= OCTA_HEADER_SIZE && offset + len <= image->size - 2);

  if (image->read_only)
    return;
  if (image->change_func != NULL)
    {
      for (gsize i = 0; i < len; i++)
        octa_image_set_u8 (image, offset + i, bytes[i]);
      return;
    }

  if (memcmp (image->data + offset, bytes, len) != 0)
    {
      memmove (image->data + offset, bytes, len);
      image->modified = TRUE;
    }
}
