// The safe way in for a photo: limits on bytes and header-declared size first, then decoding,
// EXIF orientation and scaling to the normalized size. Every failure is an intake error value
// (photo_too_large, photo_unsupported_type, photo_dimensions_too_large, photo_unreadable).
#pragma once

#include <string_view>

#include "core/error.hpp"
#include "core/image.hpp"
#include "faces/photo_format.hpp"
#include "faces/photo_limits.hpp"

namespace storyloom::faces {

struct DecodedPhoto {
  PhotoFormat format = PhotoFormat::unknown;
  int stored_width = 0, stored_height = 0;  // as declared by the file's header
  int exif_orientation = 1;                 // 1..8; what was applied
  core::Image image;                        // upright, opaque, long side <= limits.normalized_long_side_px
};

// Checks the limits without allocating pixel memory; returns the header when the photo may be
// decoded. Cheap: use it to refuse hostile uploads early.
core::Result<DecodedPhoto> inspect_photo(std::string_view bytes, const PhotoLimits& limits);

core::Result<DecodedPhoto> decode_photo(std::string_view bytes, const PhotoLimits& limits);

}  // namespace storyloom::faces
