#include "faces/face_frame.hpp"

#include <cmath>
#include <numbers>

namespace storyloom::faces {

FaceFrame FaceFrame::of(const FaceFinding& face) {
  FaceFrame f;
  const auto l = face.left_eye(), r = face.right_eye();
  f.eye_midpoint = {(l.x + r.x) / 2, (l.y + r.y) / 2};
  f.roll_radians = std::atan2(r.y - l.y, r.x - l.x);
  for (std::size_t i = 0; i < f.aligned.size(); ++i) f.aligned[i] = f.to_frame(face.landmarks[i]);
  f.face_width = std::hypot(f.aligned[16].x - f.aligned[0].x, f.aligned[16].y - f.aligned[0].y);
  f.brow_y = f.aligned[17].y;
  for (int i = 17; i <= 26; ++i) f.brow_y = std::min(f.brow_y, f.aligned[i].y);
  f.chin_y = f.aligned[8].y;
  f.forehead_top_y = f.brow_y - kForeheadShare * (f.chin_y - f.brow_y);
  return f;
}

core::PointF FaceFrame::to_photo(core::PointF p) const {
  const double c = std::cos(roll_radians), s = std::sin(roll_radians);
  return {eye_midpoint.x + c * p.x - s * p.y, eye_midpoint.y + s * p.x + c * p.y};
}

core::PointF FaceFrame::to_frame(core::PointF p) const {
  const double c = std::cos(roll_radians), s = std::sin(roll_radians);
  const double dx = p.x - eye_midpoint.x, dy = p.y - eye_midpoint.y;
  return {c * dx + s * dy, -s * dx + c * dy};
}

std::vector<core::PointF> FaceFrame::outline() const {
  std::vector<core::PointF> points(aligned.begin(), aligned.begin() + 17);
  const core::PointF left = aligned[0], right = aligned[16];
  const double cx = (left.x + right.x) / 2, cy = (left.y + right.y) / 2;
  const double a = (right.x - left.x) / 2, b = std::max(1.0, cy - forehead_top_y);
  constexpr int kArcSteps = 24;
  for (int i = 1; i < kArcSteps; ++i) {  // from the right temple over the top to the left one
    const double t = std::numbers::pi * i / kArcSteps;
    points.push_back({cx + a * std::cos(t), cy - b * std::sin(t)});
  }
  return points;
}

}  // namespace storyloom::faces
