// A decoded raster image in memory: 8-bit RGBA, rows top to bottom, no padding.
// The currency between faces (photo in, face cut-out out), art (illustrations) and print.
#pragma once

#include <cstddef>
#include <cstdint>

#include "core/huge_pages.hpp"

namespace storyloom::core {

struct Rgba {
  std::uint8_t r = 0, g = 0, b = 0, a = 255;
};

struct Image {
  int width = 0;
  int height = 0;
  // width * height * 4 bytes, straight (not premultiplied) alpha
  PixelBytes pixels;

  Image() = default;
  Image(int w, int h, Rgba fill = {});
  bool empty() const { return width <= 0 || height <= 0; }
  std::uint8_t* at(int x, int y) { return pixels.data() + (static_cast<std::size_t>(y) * width + x) * 4; }
  const std::uint8_t* at(int x, int y) const {
    return pixels.data() + (static_cast<std::size_t>(y) * width + x) * 4;
  }
};

// True when none of `count` RGBA pixels from `rgba` lets anything show through (alpha 255).
inline bool all_opaque(const std::uint8_t* rgba, std::size_t count) {
  for (std::size_t i = 0; i < count; ++i)
    if (rgba[i * 4 + 3] != 255) return false;
  return true;
}

}  // namespace storyloom::core
