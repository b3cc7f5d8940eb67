// What an illustrator returns: the picture plus where it drew the hero's head, so the
// personalizer can put the child's face there, and the scene's light colour for matching it.
// Shared by art (which draws it), print and jobs (which pass it on to the personalizer).
#pragma once

#include "core/face_cutout.hpp"
#include "core/image.hpp"

namespace storyloom::core {

// In pixels of `Illustration::image`. tilt_degrees: clockwise rotation of the head's upright
// axis (0 = upright; flying, swimming and sleeping heroes are tilted).
struct HeroPlacement {
  PointF head_centre;
  double head_radius = 0;
  double tilt_degrees = 0;
};

struct Illustration {
  Image image;
  HeroPlacement hero;
  Rgba scene_light{255, 255, 255, 255};  // the colour of the light falling on the hero
  Rgba hero_skin{224, 172, 105, 255};    // the unlit skin tone the hero was drawn with
};

}  // namespace storyloom::core
