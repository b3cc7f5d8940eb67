// What an illustrator returns: the picture plus where it drew the hero's head, so the
// personalizer can put the child's face there, and the scene's light colour for matching it.
#pragma once

#include <string>

#include "core/face_cutout.hpp"
#include "core/image.hpp"

namespace storyloom::art {

// In pixels of `Illustration::image`. tilt_degrees: clockwise rotation of the head's upright
// axis (0 = upright; flying, swimming and sleeping heroes are tilted).
struct HeroPlacement {
  core::PointF head_centre;
  double head_radius = 0;
  double tilt_degrees = 0;
};

struct Illustration {
  core::Image image;
  HeroPlacement hero;
  core::Rgba scene_light{255, 255, 255, 255};  // the colour of the light falling on the hero
  core::Rgba hero_skin{224, 172, 105, 255};    // the unlit skin tone the hero was drawn with
};

}  // namespace storyloom::art
