// A face's own upright frame: origin between the eyes, x along the eye line, y towards the chin.
// Cut-out and avatar traits measure in it, so a tilted head reads the same as a straight one.
#pragma once

#include <vector>

#include "faces/face_finding.hpp"

namespace storyloom::faces {

struct FaceFrame {
  core::PointF eye_midpoint;  // photo pixels
  double roll_radians = 0;    // eye line vs. horizontal in the photo
  Landmarks aligned{};        // the landmarks in this frame
  double face_width = 0;      // jaw width across landmarks 0..16
  double brow_y = 0;          // brow line (highest brow point)
  double chin_y = 0;
  double forehead_top_y = 0;  // estimated hairline: the forehead is ~half the brow-to-chin height

  static FaceFrame of(const FaceFinding& face);

  core::PointF to_photo(core::PointF p) const;  // frame -> photo pixels
  core::PointF to_frame(core::PointF p) const;  // photo pixels -> frame

  // The face outline in this frame: jaw (0..16) then an elliptic arc over the estimated forehead.
  std::vector<core::PointF> outline() const;
};

// Ratio of the forehead (brow to hairline) to the brow-to-chin height, from common face proportions
// (hairline-brow, brow-nose base, nose base-chin roughly equal thirds).
inline constexpr double kForeheadShare = 0.5;

}  // namespace storyloom::faces
