// Encoders that turn an illustration into bytes for print, previews and blob storage. Callers
// keep encoded bytes rather than decoded pixels to keep a book's memory low. JPEG is
// core::encode_jpeg.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/image.hpp"

namespace storyloom::art {

using EncodedBytes = std::vector<std::uint8_t>;

// A tEXt chunk: Latin-1 keyword (1..79 characters) and text.
struct PngText {
  std::string key, value;
};

// Lossless RGBA PNG (straight alpha, as core::Image holds it), with optional text chunks.
core::Result<EncodedBytes> encode_png(const core::Image& image, std::span<const PngText> text = {});

}  // namespace storyloom::art
