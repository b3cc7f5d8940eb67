// A single 8-bit luminance plane: what face detection, sharpness and brightness look at.
#pragma once

#include <cstdint>
#include <vector>

namespace storyloom::faces {

struct GrayPlane {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> pixels;  // width * height, rows top to bottom

  GrayPlane() = default;
  GrayPlane(int w, int h) : width(w), height(h), pixels(static_cast<std::size_t>(w) * h) {}
  std::uint8_t at(int x, int y) const { return pixels[static_cast<std::size_t>(y) * width + x]; }
  std::uint8_t& at(int x, int y) { return pixels[static_cast<std::size_t>(y) * width + x]; }
};

}  // namespace storyloom::faces
