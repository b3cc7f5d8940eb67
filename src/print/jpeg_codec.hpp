// Page art as JPEG for embedding (the PDF embeds JPEG bytes directly): PNG art encoded a row at
// a time, and telling the formats apart. Pixels go through core::encode_jpeg; a JPEG's size and
// colour components come from core::read_jpeg_header.
#pragma once

#include <string>
#include <string_view>

#include "core/error.hpp"
#include "core/image.hpp"

namespace storyloom::print {

// A PNG file as JPEG (core::encode_jpeg's flattening onto white), read and encoded a row at a
// time (no picture-sized buffer). quality 1..100. Errors: image_unreadable for a damaged or
// unreadable PNG.
core::Result<std::string> png_to_jpeg(std::string_view png, int quality);

bool is_jpeg(std::string_view bytes);
bool is_png(std::string_view bytes);

}  // namespace storyloom::print
