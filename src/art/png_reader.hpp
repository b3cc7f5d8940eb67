// Reading back PNGs: the pipeline keeps each page's picture in the blob store between jobs and
// decodes it in the next step. Any PNG flavour comes out as straight-alpha RGBA8.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "core/image.hpp"

namespace storyloom::art {

// Fails with art_png_unreadable for anything that is not a whole PNG, and before decoding for
// an image wider or taller than max_side.
core::Result<core::Image> decode_png(std::string_view bytes, int max_side = 12000);

// The text of the first uncompressed tEXt chunk named `key`, if there is one.
std::optional<std::string> png_text(std::string_view bytes, std::string_view key);

// Width and height from the IHDR chunk, without decoding; nullopt when it is not a PNG.
std::optional<std::pair<int, int>> png_size(std::string_view bytes);

}  // namespace storyloom::art
