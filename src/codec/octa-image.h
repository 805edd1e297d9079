/* SPDX-License-Identifier: MIT */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * OctaFileKind:
 * @OCTA_FILE_KIND_UNKNOWN: not an Octatrack file
 * @OCTA_FILE_KIND_BANK: `bankNN.work` / `.strd`, type tag BANK
 * @OCTA_FILE_KIND_MARKERS: `markers.work` / `.strd`, type tag SAMP
 * @OCTA_FILE_KIND_ARRANGEMENT: `arrNN.work` / `.strd`, type tag ARRA
 * @OCTA_FILE_KIND_SAMPLE_ATTRS: a sample's `.ot` sidecar, type tag SMPA
 * @OCTA_FILE_KIND_PROJECT: `project.work` / `.strd`, CRLF text
 */
typedef enum
{
  OCTA_FILE_KIND_UNKNOWN,
  OCTA_FILE_KIND_BANK,
  OCTA_FILE_KIND_MARKERS,
  OCTA_FILE_KIND_ARRANGEMENT,
  OCTA_FILE_KIND_SAMPLE_ATTRS,
  OCTA_FILE_KIND_PROJECT,
} OctaFileKind;

/**
 * OctaLoadFlags:
 * @OCTA_LOAD_DEFAULT: refuse any damage
 * @OCTA_LOAD_ALLOW_BAD_CHECKSUM: open a file whose checksum is wrong (the device
 *   repairs such files itself); the stored checksum is kept until the image is edited
 * @OCTA_LOAD_ALLOW_BAD_STRUCTURE: open a file whose inner magic strings or index
 *   bytes are wrong
 * @OCTA_LOAD_SKIP_DAMAGED: for whole projects: a binary file (or `project.strd`)
 *   that cannot be read is left out and its error kept with the files, instead
 *   of failing the load; `project.work` stays fatal
 * @OCTA_LOAD_ALLOW_OLDER_VERSION: open a file whose datatype version is older
 *   than the one OS 1.40 writes, when its size and layout still check out
 */
typedef enum
{
  OCTA_LOAD_DEFAULT = 0,
  OCTA_LOAD_ALLOW_BAD_CHECKSUM = 1 << 0,
  OCTA_LOAD_ALLOW_BAD_STRUCTURE = 1 << 1,
  OCTA_LOAD_SKIP_DAMAGED = 1 << 2,
  OCTA_LOAD_ALLOW_OLDER_VERSION = 1 << 3,
} OctaLoadFlags;

#define OCTA_BANK_SIZE          636113
#define OCTA_MARKERS_SIZE       207000
#define OCTA_ARRANGEMENT_SIZE    11336
#define OCTA_SAMPLE_ATTRS_SIZE     832

#define OCTA_HEADER_SIZE            22
#define OCTA_VERSION_OFFSET         21
#define OCTA_CHECKSUM_START         16

/**
 * OctaImage:
 * @kind: which file type this image holds
 * @data: (array length=size): the raw bytes, always exactly the kind's fixed size
 * @size: the fixed size of @kind
 * @name: the name used in messages (usually the file's path)
 * @modified: %TRUE once any byte was changed through a setter
 * @checksum_ok_at_load: whether the stored checksum matched when loaded
 * @read_only: setters leave the image alone: it stands for a file that could
 *   not be read, or one in a format Octadesk must not write
 *
 * A raw fixed-size binary image of one Octatrack file. Every typed file
 * (bank, markers, arrangement, sample attributes) is a view over one of these:
 * decoding never copies fields out, so bytes nobody understands survive.
 */
typedef struct _OctaImage OctaImage;

/**
 * OctaImageChangeFunc:
 * @image: the image being edited
 * @offset: the byte that changes
 * @old_value: its value before
 * @new_value: its value after
 * @user_data: the data given with the function
 *
 * Called for every byte a setter really changes, before it changes; the
 * model's undo history records edits through it.
 */
typedef void (*OctaImageChangeFunc) (OctaImage *image,
                                     gsize      offset,
                                     guint8     old_value,
                                     guint8     new_value,
                                     gpointer   user_data);

struct _OctaImage
{
  OctaFileKind         kind;
  guint8              *data;
  gsize                size;
  char                *name;
  gboolean             modified;
  gboolean             checksum_ok_at_load;
  OctaImageChangeFunc  change_func;
  gpointer             change_data;
  gboolean             read_only;
};

const char   *octa_file_kind_to_string      (OctaFileKind   kind);
const char   *octa_file_kind_tag            (OctaFileKind   kind);
gsize         octa_file_kind_size           (OctaFileKind   kind);
guint8        octa_file_kind_version        (OctaFileKind   kind);
OctaFileKind  octa_file_kind_detect         (const guint8  *data,
                                             gsize          len);
OctaFileKind  octa_file_kind_from_filename  (const char    *filename);

guint16       octa_checksum_compute         (const guint8  *data,
                                             gsize          len);
guint16       octa_checksum_stored          (const guint8  *data,
                                             gsize          len);

gboolean      octa_image_check_container    (OctaFileKind   kind,
                                             const guint8  *data,
                                             gsize          len,
                                             const char    *name,
                                             OctaLoadFlags  flags,
                                             GError       **error);
OctaImage    *octa_image_new_blank          (OctaFileKind   kind,
                                             const char    *name);
OctaImage    *octa_image_new_from_data      (OctaFileKind   kind,
                                             const guint8  *data,
                                             gsize          len,
                                             const char    *name,
                                             OctaLoadFlags  flags,
                                             GError       **error);
OctaImage    *octa_image_new_take           (OctaFileKind   kind,
                                             guint8        *data,
                                             gsize          len,
                                             const char    *name,
                                             OctaLoadFlags  flags,
                                             GError       **error);
OctaImage    *octa_image_copy               (const OctaImage *image);
void          octa_image_free               (OctaImage     *image);
void          octa_image_set_name           (OctaImage     *image,
                                             const char    *name);
void          octa_image_set_change_func    (OctaImage     *image,
                                             OctaImageChangeFunc func,
                                             gpointer       user_data);
GBytes       *octa_image_encode             (OctaImage     *image);
void          octa_image_update_checksum    (OctaImage     *image);
gboolean      octa_image_equal              (const OctaImage *a,
                                             const OctaImage *b);

guint8        octa_image_get_u8             (const OctaImage *image,
                                             gsize          offset);
guint16       octa_image_get_u16            (const OctaImage *image,
                                             gsize          offset);
guint32       octa_image_get_u32            (const OctaImage *image,
                                             gsize          offset);
guint64       octa_image_get_u64            (const OctaImage *image,
                                             gsize          offset);
void          octa_image_set_u8             (OctaImage     *image,
                                             gsize          offset,
                                             guint8         value);
void          octa_image_set_u16            (OctaImage     *image,
                                             gsize          offset,
                                             guint16        value);
void          octa_image_set_u32            (OctaImage     *image,
                                             gsize          offset,
                                             guint32        value);
void          octa_image_set_u64            (OctaImage     *image,
                                             gsize          offset,
                                             guint64        value);
void          octa_image_set_bytes          (OctaImage     *image,
                                             gsize          offset,
                                             const guint8  *bytes,
                                             gsize          len);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OctaImage, octa_image_free)

G_END_DECLS
