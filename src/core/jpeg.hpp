// JPEG encoding (libjpeg-turbo), the one encoder behind faces' normalized photos, art's samples
// and print's embedded pages. Straight-alpha RGBA in; where a pixel lets anything through it is
// flattened onto white paper (rows that are fully opaque, nearly all of a page's, go to libjpeg
// as they are).
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "core/error.hpp"
#include "core/image.hpp"

namespace storyloom::core {

struct JpegOptions {
  int quality = 90;              // 1..100
  bool optimize_coding = false;  // a second Huffman pass: a few % smaller, a little slower
};

// Errors: invalid_argument image_invalid (no pixels, a wrong buffer size) or jpeg_bad_quality;
// internal jpeg_encode_failed when libjpeg gives up.
core::Result<std::string> encode_jpeg(const Image& image, const JpegOptions& options);

// Row y of straight-alpha RGBA, asked for top to bottom; nullptr stops the encoding, which then
// fails with unprocessable image_unreadable (the caller knows why and may say it better).
using RgbaRowSource = std::function<const std::uint8_t*(int y)>;

// The same a row at a time, for pictures that never exist whole in memory (a PNG read row by row).
core::Result<std::string> encode_jpeg_rows(int width, int height, const JpegOptions& options,
                                           const RgbaRowSource& row_at);

}  // namespace storyloom::core
