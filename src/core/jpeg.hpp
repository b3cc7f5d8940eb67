// JPEG through libjpeg-turbo: the one encoder behind faces' normalized photos, art's samples and
// print's embedded pages, and the one decoder, hardened for uploaded photos.
// Encoding takes straight-alpha RGBA; where a pixel lets anything through it is flattened onto
// white paper (rows that are fully opaque, nearly all of a page's, go to libjpeg as they are).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

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

struct JpegHeader {
  int width = 0;
  int height = 0;
  int components = 0;  // 1 grey, 3 colour, 4 CMYK
};

// Both read untrusted bytes. Errors: unprocessable image_unreadable, with libjpeg's reason (or
// ours) in the message ("JPEG: ...") and in details.reason.
// The header only: no pixel memory is allocated.
core::Result<JpegHeader> read_jpeg_header(std::string_view bytes);
// Straight RGBA, alpha 255. A damaged or truncated stream is an error, never grey pixels; more
// than kMaxJpegScans progressive scans (a decoding bomb: real photos have about ten) and CMYK
// files are refused. `min_long_side`: libjpeg may scale down by eighths as long as the long side
// keeps at least that many pixels (0 = full size).
core::Result<Image> decode_jpeg(std::string_view bytes, int min_long_side = 0);
inline constexpr int kMaxJpegScans = 100;

}  // namespace storyloom::core
