// The drawn child hero: a friendly picture-book figure in any pose from the generic kit,
// in the child's skin tone, hair colour and style, and favourite-colour outfit.
#pragma once

#include <string>
#include <vector>

#include <cairo.h>

#include "art/illustration.hpp"
#include "art/scene_kit.hpp"

namespace storyloom::art {

struct HeroColours {
  core::Rgba skin, hair, eyes, outfit, trousers, shoes, accent;
  std::string hair_style;
  std::vector<std::string> extras;  // "cape", "scarf"
};

// Where on the page: feet at (x, feet_y) px, `height` px tall standing, mirrored when flip
// (the figure's "facing" side is screen-right unmirrored).
struct HeroFrame {
  double x = 0, feet_y = 0, height = 0;
  bool flip = false;
};

// Where the head, hands and hips of a hero drawn in `frame` land, in page pixels, without drawing.
struct HeroPoints {
  HeroPlacement head;
  core::PointF left_hand, right_hand;
  core::PointF hips;  // where the upper body ends (the waist of a waist-up picture)
};
HeroPoints locate_hero(const Pose& pose, const HeroFrame& frame);

// Draws the hero and returns where its head ended up (page pixels).
HeroPlacement draw_hero(cairo_t* cr, const Pose& pose, const Mood& mood, const HeroColours& colours,
                        const HeroFrame& frame);

// Internal pieces (hero_face.cpp, hero_hair.cpp); coordinates in hero units around the head.
void draw_face(cairo_t* cr, double r, const Mood& mood, const HeroColours& c, bool eyes_closed);
void draw_hair_back(cairo_t* cr, double r, const HeroColours& c);
void draw_hair_front(cairo_t* cr, double r, const HeroColours& c);

}  // namespace storyloom::art
