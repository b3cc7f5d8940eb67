#include "core/image.hpp"

#include <algorithm>
#include <cstring>

namespace storyloom::core {

// One pixel written, then copied in doubling blocks: a handful of memcpy calls for a page, at
// any optimization level.
Image::Image(int w, int h, Rgba fill) : width(w), height(h), pixels(static_cast<std::size_t>(w) * h * 4) {
  if (pixels.empty() || (fill.r == 0 && fill.g == 0 && fill.b == 0 && fill.a == 0)) return;  // already zero
  const std::uint8_t first[4] = {fill.r, fill.g, fill.b, fill.a};
  std::memcpy(pixels.data(), first, 4);
  for (std::size_t filled = 4; filled < pixels.size();) {
    const std::size_t n = std::min(filled, pixels.size() - filled);
    std::memcpy(pixels.data() + filled, pixels.data(), n);
    filled += n;
  }
}

}  // namespace storyloom::core
