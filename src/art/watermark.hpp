// The preview watermark: a tiled, diagonal, semi-transparent "PREVIEW · <shop>" baked into the
// pixels of preview-resolution pages.
//
// Rule: only images whose longer side is at most kMaxWatermarkSide (1600 px) may be watermarked.
// Full-resolution (print) art is refused with `art_watermark_full_resolution`, so nobody can
// mistake a watermark for the protection of print art: print art never leaves the server
// before payment, and previews are always made small first, then watermarked.
#pragma once

#include <string_view>

#include "core/error.hpp"
#include "core/image.hpp"

namespace storyloom::art {

inline constexpr int kMaxWatermarkSide = 1600;

// Stamps the watermark into `image` in place. Fails (image untouched) for an empty image or one
// larger than kMaxWatermarkSide on either side.
core::Result<void> watermark(core::Image& image, std::string_view shop_name);

}  // namespace storyloom::art
