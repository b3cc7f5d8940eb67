// Puts the child into an illustration. Style "storybook": the child's face cut-out is placed on
// the drawn hero's head (scaled, rotated and positioned from the landmarks and HeroPlacement,
// colour-matched to the light on the page). Style "cartoon": the drawn hero already wears the
// child's colours (see hero_look_from), so the page is used as it is.
// Never fails: on any problem the base illustration is kept and the fallback recorded.
#pragma once

#include <string>
#include <string_view>

#include "art/illustration.hpp"
#include "core/face_cutout.hpp"

namespace storyloom::art {

struct Personalization {
  bool fell_back = false;
  std::string fallback_reason;  // empty unless fell_back; a sentence for the generation log
};

struct PersonalizedPage {
  core::Image image;
  bool fell_back = false;
  std::string fallback_reason;
};

class Personalizer {
 public:
  // Puts the child into `page` where it lies: only the pixels around the hero's head change, so a
  // print page (3075 px, 38 MB) is never copied. On a fallback `page` is left as it was drawn.
  // `face` may be null (no photo, or the faces module refused it): storybook falls back.
  Personalization personalize_in_place(Illustration& page, std::string_view style, const core::FaceCutout* face) const;
  // The same on a copy of `base`, for callers that keep the drawn picture.
  PersonalizedPage personalize(const Illustration& base, std::string_view style, const core::FaceCutout* face) const;
};

// Why this cut-out cannot be placed (empty when it can): empty image, missing or out-of-range
// landmarks, no face width.
std::string face_cutout_problem(const core::FaceCutout& face);

}  // namespace storyloom::art
