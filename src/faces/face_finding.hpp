// A face found in a photo: where, how sure the detector is, and its 68 landmarks (iBUG 300-W
// numbering: 0-16 jaw, 17-26 brows, 27-35 nose, 36-47 eyes, 48-67 mouth).
#pragma once

#include <array>
#include <cmath>

#include "core/face_cutout.hpp"

namespace storyloom::faces {

struct FaceBox {
  double x = 0, y = 0, width = 0, height = 0;  // pixels, upright photo
  double area() const { return width * height; }
  core::PointF centre() const { return {x + width / 2, y + height / 2}; }
};

using Landmarks = std::array<core::PointF, 68>;

struct FaceFinding {
  FaceBox box;                 // axis-aligned bounds in the upright photo
  double size_px = 0;          // side of the detector's square, measured along the face itself
  double score = 0;            // HOG detector margin; 0 is the decision threshold
  Landmarks landmarks{};       // upright photo coordinates

  core::PointF left_eye() const { return mean_of(36, 42); }   // left as seen in the image
  core::PointF right_eye() const { return mean_of(42, 48); }
  // Angle of the eye line against the horizontal, degrees, positive = clockwise on screen.
  double roll_degrees() const {
    const auto l = left_eye(), r = right_eye();
    return std::atan2(r.y - l.y, r.x - l.x) * 180.0 / 3.14159265358979323846;
  }
  core::PointF mean_of(int first, int end) const {
    core::PointF p;
    for (int i = first; i < end; ++i) p.x += landmarks[i].x, p.y += landmarks[i].y;
    return {p.x / (end - first), p.y / (end - first)};
  }
};

}  // namespace storyloom::faces
