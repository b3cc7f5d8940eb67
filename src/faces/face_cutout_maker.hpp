// Cuts the face out of an upright photo along its landmarks: rotated so the eyes are level,
// with a soft-edged alpha mask along the jaw and an estimated forehead arc (core::FaceCutout).
#pragma once

#include "core/face_cutout.hpp"
#include "faces/face_finding.hpp"

namespace storyloom::faces {

struct CutoutStyle {
  double margin = 0.12;   // transparent border around the outline, share of the face width
  double feather = 0.05;  // width of the soft edge, share of the face width
};

// REQUIRES: `face` was found in `photo` (landmarks in its pixels).
core::FaceCutout cut_out_face(const core::Image& photo, const FaceFinding& face, const CutoutStyle& style = {});

// Median colour of the lit skin: both cheeks and the middle of the forehead.
core::Rgba sample_skin(const core::Image& photo, const FaceFinding& face);

}  // namespace storyloom::faces
