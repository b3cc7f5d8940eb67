// Encoders that turn an illustration into bytes for print, previews and blob storage. Callers
// keep encoded bytes rather than decoded pixels to keep a book's memory low.
#pragma once

#include <cstdint>
#include <vector>

#include "core/error.hpp"
#include "core/image.hpp"

namespace storyloom::art {

using EncodedBytes = std::vector<std::uint8_t>;

// Lossless RGBA PNG (straight alpha, as core::Image holds it).
core::Result<EncodedBytes> encode_png(const core::Image& image);
// Baseline JPEG, quality 1..100; transparent pixels are flattened onto white.
core::Result<EncodedBytes> encode_jpeg(const core::Image& image, int quality);

}  // namespace storyloom::art
