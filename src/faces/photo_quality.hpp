// How well a face is exposed and focused, measured on the face itself (not the background, which
// may be dark or soft on purpose).
#pragma once

#include "faces/face_finding.hpp"
#include "faces/gray_plane.hpp"

namespace storyloom::faces {

struct FaceQuality {
  // Mean luminance of the face, 0 (black) .. 1 (white).
  double brightness = 0;
  // Fine detail relative to the face's contrast: the face is resampled to kSharpnessSidePx, then
  // stddev(Laplacian) / stddev(luminance). Independent of exposure and of the photo's resolution;
  // a crisp face scores ~0.5 and more, a visibly blurred one under ~0.25.
  double sharpness = 0;
};

inline constexpr int kSharpnessSidePx = 96;

FaceQuality measure_face_quality(const GrayPlane& photo, const FaceBox& face);

}  // namespace storyloom::faces
