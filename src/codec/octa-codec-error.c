/* SPDX-License-Identifier: MIT */
#include "octa-codec-error.h"

G_DEFINE_QUARK (octa-codec-error-quark, octa_codec_error)

/**
 * octa_codec_error_code_name:
 * @code: an #OctaCodecError
 *
 * Returns: a short stable identifier for @code, used by the CLI's output.
 */
const char *
octa_codec_error_code_name (int code)
{
  switch ((OctaCodecError) code)
    {
    case OCTA_CODEC_ERROR_TRUNCATED: return "truncated";
    case OCTA_CODEC_ERROR_BAD_MAGIC: return "bad-magic";
    case OCTA_CODEC_ERROR_BAD_CHECKSUM: return "bad-checksum";
    case OCTA_CODEC_ERROR_UNSUPPORTED_VERSION: return "unsupported-version";
    case OCTA_CODEC_ERROR_BAD_STRUCTURE: return "bad-structure";
    case OCTA_CODEC_ERROR_MALFORMED: return "malformed";
    case OCTA_CODEC_ERROR_ZIP: return "zip";
    case OCTA_CODEC_ERROR_IO: return "io";
    case OCTA_CODEC_ERROR_INVALID_VALUE: return "invalid-value";
    case OCTA_CODEC_ERROR_NOT_FOUND: return "not-found";
    default: return "unknown";
    }
}
