// What the faces module hands to the personalizer and the drawn-hero styles.
#pragma once

#include <string>

#include "core/image.hpp"

namespace storyloom::core {

struct PointF {
  double x = 0, y = 0;
};

// An upright, aligned face crop with a soft alpha mask along the jaw and forehead.
// Coordinates are pixels in `rgba`.
struct FaceCutout {
  Image rgba;
  PointF left_eye, right_eye;  // eye centres (left as seen in the image)
  PointF chin;                 // bottom of the jaw
  PointF face_centre;
  double face_width = 0;       // jaw width in pixels, for scaling onto a hero's head
  // Mean colour of the lit skin, so the personalizer can match a scene's light.
  Rgba mean_skin;
};

struct Trait {
  std::string value;        // hex colour or a word ("oval")
  double confidence = 0;    // 0..1; below ~0.5 callers use the neutral default
};

struct AvatarTraits {
  Trait skin_tone;    // "#c68642"
  Trait hair_colour;  // "#2c1b10"
  Trait eye_colour;   // "#3b2a1a"
  Trait face_shape;   // oval, round, square, heart, long
};

}  // namespace storyloom::core
