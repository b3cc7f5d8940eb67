// JPEG through libjpeg-turbo: encoding rendered PNG art for embedding (pixels go through
// core::encode_jpeg), and reading a JPEG's size without decoding its pixels (the PDF embeds JPEG
// bytes directly).
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

// A PNG file as JPEG (core::encode_jpeg's flattening onto white), read and encoded a row at a
// time (no picture-sized buffer). quality 1..100. Errors: image_unreadable for a damaged or
// unreadable PNG.
core::Result<std::string> png_to_jpeg(std::string_view png, int quality);
core::Result<JpegInfo> read_jpeg_info(std::string_view bytes);
core::Result<core::Image> decode_jpeg(std::string_view bytes);

bool is_jpeg(std::string_view bytes);
bool is_png(std::string_view bytes);

}  // namespace storyloom::print
