/* SPDX-License-Identifier: MIT */
#pragma once

#include "octa-image.h"

G_BEGIN_DECLS

/*
 * What the typed binary files (bank, markers, arrangement, sample
 * attributes) share: each is a view over one OctaImage, opened the same way.
 */

gboolean   _octa_image_check     (OctaFileKind    kind,
                                  const guint8   *data,
                                  gsize           len,
                                  const char     *name,
                                  OctaLoadFlags   flags,
                                  GError        **error);
OctaImage *_octa_image_load      (OctaFileKind    kind,
                                  guint8         *data,
                                  gsize           len,
                                  const char     *name,
                                  OctaLoadFlags   flags,
                                  GError        **error);
char      *_octa_image_dup_text  (const guint8   *bytes,
                                  gsize           size);

/*
 * Defines the struct of a typed file and the functions that only pass its
 * image through, the same for every type:
 * - type_name_wrap() (static): takes an image, %NULL stays %NULL
 * - type_name_copy(): an independent copy, without the change function
 * - type_name_free()
 * - type_name_get_image(): (transfer none) the image the file edits in place
 * - type_name_encode(): (transfer full) see octa_image_encode()
 * @var is the parameter name the public header uses, so critical warnings
 * read as they would in a hand-written function.
 */
#define OCTA_DEFINE_IMAGE_FILE(TypeName, type_name, var)                      \
  struct _##TypeName                                                          \
  {                                                                           \
    OctaImage *image;                                                         \
  };                                                                          \
                                                                              \
  static TypeName *                                                           \
  type_name##_wrap (OctaImage *image)                                         \
  {                                                                           \
    TypeName *var;                                                            \
                                                                              \
    if (image == NULL)                                                        \
      return NULL;                                                            \
    var = g_new0 (TypeName, 1);                                               \
    var->image = image;                                                       \
    return var;                                                               \
  }                                                                           \
                                                                              \
  TypeName *                                                                  \
  type_name##_copy (const TypeName *var)                                      \
  {                                                                           \
    g_return_val_if_fail (var != NULL, NULL);                                 \
                                                                              \
    return type_name##_wrap (octa_image_copy (var->image));                   \
  }                                                                           \
                                                                              \
  void                                                                        \
  type_name##_free (TypeName *var)                                            \
  {                                                                           \
    if (var == NULL)                                                          \
      return;                                                                 \
    octa_image_free (var->image);                                             \
    g_free (var);                                                             \
  }                                                                           \
                                                                              \
  OctaImage *                                                                 \
  type_name##_get_image (TypeName *var)                                       \
  {                                                                           \
    g_return_val_if_fail (var != NULL, NULL);                                 \
                                                                              \
    return var->image;                                                        \
  }                                                                           \
                                                                              \
  GBytes *                                                                    \
  type_name##_encode (TypeName *var)                                          \
  {                                                                           \
    g_return_val_if_fail (var != NULL, NULL);                                 \
                                                                              \
    return octa_image_encode (var->image);                                    \
  }

/*
 * Defines type_name_new_from_data() for a type with nothing inside to check
 * but the container: it opens a copy of the bytes, named @name in messages
 * (the kind's label when %NULL), and returns the file, or %NULL with @error
 * set. Needs OCTA_DEFINE_IMAGE_FILE() first.
 */
#define OCTA_DEFINE_IMAGE_FILE_LOADER(TypeName, type_name, kind)              \
  TypeName *                                                                  \
  type_name##_new_from_data (const guint8   *data,                            \
                             gsize           len,                             \
                             const char     *name,                            \
                             OctaLoadFlags   flags,                           \
                             GError        **error)                           \
  {                                                                           \
    g_return_val_if_fail (data != NULL || len == 0, NULL);                    \
    g_return_val_if_fail (error == NULL || *error == NULL, NULL);             \
                                                                              \
    return type_name##_wrap (_octa_image_load (kind, g_memdup2 (data, len),   \
                                               len, name, flags, error));     \
  }

G_END_DECLS
