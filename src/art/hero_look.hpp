// The drawn hero's look from the child's photo (avatar traits) and the parent's choices.
#pragma once

#include <string_view>

#include "core/face_cutout.hpp"
#include "core/illustration_brief.hpp"

namespace storyloom::art {

// Traits below kMinTraitConfidence (or not "#rrggbb") leave the neutral default in place.
inline constexpr double kMinTraitConfidence = 0.5;

// favourite_colour: "#rrggbb" or a CSS colour name ("green", "purple"); anything else keeps the
// default outfit. pronouns: she/he/they (else they). hair_style: short, long, curly, ponytail,
// buzz (else short).
core::HeroLook hero_look_from(const core::AvatarTraits& traits, std::string_view favourite_colour,
                              std::string_view pronouns, std::string_view hair_style);

}  // namespace storyloom::art
