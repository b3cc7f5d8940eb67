// How page art reaches the print module: encoded bytes (JPEG or PNG, detected from the bytes)
// or a decoded core::Image. JPEG is embedded in the PDF as-is (DCTDecode), without decoding.
#pragma once

#include <functional>
#include <string>
#include <variant>

#include "core/error.hpp"
#include "core/image.hpp"

namespace storyloom::print {

struct EncodedImage {
  std::string bytes;  // a whole JPEG or PNG file
};

using PageImage = std::variant<EncodedImage, core::Image>;

// Supplies the art of story page `number` (1-based) when the PDF writer reaches it, so the
// caller decides where images live (memory, blob store) and only one is decoded at a time.
using PageArtSource = std::function<core::Result<PageImage>(int number)>;

}  // namespace storyloom::print
