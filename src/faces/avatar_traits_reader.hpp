// Reads the avatar traits a drawn hero needs (skin tone, hair colour, eye colour, face shape)
// from a face's landmarks. Each trait has a confidence; an unreadable one keeps its neutral value.
#pragma once

#include "core/face_cutout.hpp"
#include "faces/face_finding.hpp"

namespace storyloom::faces {

// What a drawn hero looks like when a trait can't be read: a mid, warm palette (configuration).
struct NeutralTraits {
  std::string skin_tone = "#c8957a";
  std::string hair_colour = "#5a3e2b";
  std::string eye_colour = "#5b4636";
  std::string face_shape = "oval";
};

core::AvatarTraits neutral_traits(const NeutralTraits& neutral = {});

// REQUIRES: `face` was found in `photo`. Never fails.
core::AvatarTraits read_avatar_traits(const core::Image& photo, const FaceFinding& face,
                                      const NeutralTraits& neutral = {});

}  // namespace storyloom::faces
