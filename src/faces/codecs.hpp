// Thin, defensive wrappers over the Debian image codecs (libjpeg-turbo, libpng, libwebp, libheif).
// Each format has a probe that reads only the header (no pixel memory is allocated) and a
// decoder to straight RGBA. Every failure is a value (photo_unreadable), never a crash or a hang:
// libjpeg/libpng errors longjmp back to us, truncated input is an error, not grey pixels.
#pragma once

#include <string>
#include <string_view>

#include "core/error.hpp"
#include "core/image.hpp"

namespace storyloom::faces {

struct ImageHeader {
  int width = 0;   // as stored, before any orientation is applied
  int height = 0;
};

core::Result<ImageHeader> probe_jpeg(std::string_view bytes);
core::Result<ImageHeader> probe_png(std::string_view bytes);
core::Result<ImageHeader> probe_webp(std::string_view bytes);
core::Result<ImageHeader> probe_heif(std::string_view bytes);

// `min_long_side`: the decoder may use the codec's cheap built-in downscaling (JPEG DCT scaling)
// as long as the result keeps at least this many pixels on its long side. 0 = full size.
core::Result<core::Image> decode_jpeg(std::string_view bytes, int min_long_side);
core::Result<core::Image> decode_png(std::string_view bytes);
core::Result<core::Image> decode_webp(std::string_view bytes);
// HEIF transformations (irot/imir/clap) are applied by libheif: the result is upright.
core::Result<core::Image> decode_heif(std::string_view bytes);

// (Normalized photos are written by core::encode_jpeg: JFIF only, no EXIF, XMP or ICC profile.)

}  // namespace storyloom::faces
