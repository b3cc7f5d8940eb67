// Reads the EXIF Orientation tag (TIFF tag 274) of a JPEG, or of the EXIF chunk of a PNG (eXIf)
// or WebP ("EXIF"), with libexif. HEIF orientation is not read here: libheif applies irot/imir.
#pragma once

#include <string_view>

#include "faces/photo_format.hpp"

namespace storyloom::faces {

// 1..8 as in the EXIF specification; 1 (upright) when absent or unreadable.
int read_exif_orientation(std::string_view bytes, PhotoFormat format);

}  // namespace storyloom::faces
