/* SPDX-License-Identifier: MIT */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define OCTA_CODEC_ERROR (octa_codec_error_quark ())

/**
 * OctaCodecError:
 * @OCTA_CODEC_ERROR_TRUNCATED: the file is shorter (or longer) than its fixed size
 * @OCTA_CODEC_ERROR_BAD_MAGIC: a magic string or constant header byte is wrong
 * @OCTA_CODEC_ERROR_BAD_CHECKSUM: the stored checksum does not match the bytes
 * @OCTA_CODEC_ERROR_UNSUPPORTED_VERSION: the datatype version byte is not one we know
 * @OCTA_CODEC_ERROR_BAD_STRUCTURE: a structural guard inside the file is wrong
 *   (PTRN/TRAC/MTRA/PART magic or an index byte)
 * @OCTA_CODEC_ERROR_MALFORMED: project text that cannot be understood
 * @OCTA_CODEC_ERROR_ZIP: a zip archive is unreadable, unsafe or too large
 * @OCTA_CODEC_ERROR_IO: reading or writing a file failed
 * @OCTA_CODEC_ERROR_INVALID_VALUE: a value given to a setter cannot be stored
 * @OCTA_CODEC_ERROR_NOT_FOUND: a file or item the operation needs is absent
 */
typedef enum
{
  OCTA_CODEC_ERROR_TRUNCATED,
  OCTA_CODEC_ERROR_BAD_MAGIC,
  OCTA_CODEC_ERROR_BAD_CHECKSUM,
  OCTA_CODEC_ERROR_UNSUPPORTED_VERSION,
  OCTA_CODEC_ERROR_BAD_STRUCTURE,
  OCTA_CODEC_ERROR_MALFORMED,
  OCTA_CODEC_ERROR_ZIP,
  OCTA_CODEC_ERROR_IO,
  OCTA_CODEC_ERROR_INVALID_VALUE,
  OCTA_CODEC_ERROR_NOT_FOUND,
} OctaCodecError;

GQuark       octa_codec_error_quark     (void);
const char  *octa_codec_error_code_name (int code);

G_END_DECLS
