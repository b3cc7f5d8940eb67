// Which image format a photo is, told from its first bytes only (never from a file name or a
// client's Content-Type).
#pragma once

#include <string_view>

namespace storyloom::faces {

enum class PhotoFormat { unknown, jpeg, png, webp, heif };

// Looks at the magic bytes. Anything not JPEG, PNG, WebP or an HEIF/HEIC brand is `unknown`.
PhotoFormat sniff_photo_format(std::string_view bytes);

const char* to_string(PhotoFormat format);

}  // namespace storyloom::faces
