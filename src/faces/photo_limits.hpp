// Limits checked before a photo's pixels are decoded (issue 4, "Decoding, safely"), and the size
// of the normalized copy we keep. Values are configuration; these are the defaults.
#pragma once

#include <cstddef>

namespace storyloom::faces {

struct PhotoLimits {
  std::size_t max_bytes = 10 * 1024 * 1024;  // larger uploads: 413 photo_too_large
  double max_megapixels = 40.0;              // header-declared width*height, 422 otherwise
  int max_side_px = 12'000;                  // header-declared width or height, 422 otherwise
  int normalized_long_side_px = 2048;        // the stored copy is at most this on its long side
  int normalized_jpeg_quality = 90;
};

}  // namespace storyloom::faces
