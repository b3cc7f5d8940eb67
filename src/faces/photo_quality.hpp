// How well a face is exposed and focused, measured on the face itself (not the background, which
// may be dark or soft on purpose).
#pragma once

#include "faces/face_finding.hpp"
#include "faces/gray_plane.hpp"

namespace storyloom::faces {

struct FaceQuality {
  // Mean luminance of the face, 0 (black) .. 1 (white). Depends on skin tone as much as on light.
  double brightness = 0;
  // The face's highlights (95th percentile of luminance: eye whites, lit forehead, nose). In a
  // lit photo they are bright whatever the skin tone; in an underexposed one nothing is.
  double highlight = 0;
  // Fine detail relative to the face's contrast: stddev(Laplacian) / stddev(luminance) of the
  // face, shrunk to at most kSharpnessSidePx (never enlarged: enlarging would blur small faces).
  // Independent of exposure and skin tone; a crisp face scores ~0.3 and more, a blurred one ~0.1.
  double sharpness = 0;
};

inline constexpr int kSharpnessSidePx = 96;

FaceQuality measure_face_quality(const GrayPlane& photo, const FaceBox& face);

}  // namespace storyloom::faces
