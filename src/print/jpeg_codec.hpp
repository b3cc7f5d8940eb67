// JPEG through libjpeg-turbo: encoding rendered art (pixels or PNG) for embedding, and reading a
// JPEG's size without decoding its pixels (the PDF embeds JPEG bytes directly).
#pragma once

#include <string>
#include <string_view>

#include "core/error.hpp"
#include "core/image.hpp"

namespace storyloom::print {

struct JpegInfo {
  int width = 0;
  int height = 0;
  int components = 0;  // 1 grey, 3 colour, 4 CMYK
};

// Alpha is composited over white. quality 1..100.
core::Result<std::string> encode_jpeg(const core::Image& image, int quality);
// The same for a PNG file, read and encoded a row at a time (no picture-sized buffer).
// Errors: image_unreadable for a damaged or unreadable PNG.
core::Result<std::string> png_to_jpeg(std::string_view png, int quality);
core::Result<JpegInfo> read_jpeg_info(std::string_view bytes);
core::Result<core::Image> decode_jpeg(std::string_view bytes);

bool is_jpeg(std::string_view bytes);
bool is_png(std::string_view bytes);

}  // namespace storyloom::print
