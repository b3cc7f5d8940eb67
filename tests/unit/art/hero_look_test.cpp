#include <gtest/gtest.h>

#include "art/hero_look.hpp"

namespace storyloom::art {
namespace {

core::AvatarTraits confident_traits(double confidence) {
  core::AvatarTraits t;
  t.skin_tone = {"#8d5524", confidence};
  t.hair_colour = {"#E5C8A8", confidence};
  t.eye_colour = {"#2e6b3a", confidence};
  t.face_shape = {"round", confidence};
  return t;
}

TEST(HeroLookFrom, TakesConfidentTraits) {
  const auto look = hero_look_from(confident_traits(0.9), "purple", "she", "ponytail");
  EXPECT_EQ(look.skin_tone, "#8d5524");
  EXPECT_EQ(look.hair_colour, "#e5c8a8");
  EXPECT_EQ(look.eye_colour, "#2e6b3a");
  EXPECT_EQ(look.outfit_colour, "#8e5bbd");
  EXPECT_EQ(look.pronouns, "she");
  EXPECT_EQ(look.hair_style, "ponytail");
}

TEST(HeroLookFrom, UnsureTraitsKeepTheNeutralLook) {
  const core::HeroLook neutral;
  const auto look = hero_look_from(confident_traits(0.3), "", "", "");
  EXPECT_EQ(look.skin_tone, neutral.skin_tone);
  EXPECT_EQ(look.hair_colour, neutral.hair_colour);
  EXPECT_EQ(look.outfit_colour, neutral.outfit_colour);
  EXPECT_EQ(look.pronouns, "they");
  EXPECT_EQ(look.hair_style, "short");
}

TEST(HeroLookFrom, IgnoresMalformedValues) {
  core::AvatarTraits t = confident_traits(0.95);
  t.skin_tone.value = "brownish";
  const auto look = hero_look_from(t, "#12ab34", "HE", "mohawk");
  EXPECT_EQ(look.skin_tone, core::HeroLook{}.skin_tone);
  EXPECT_EQ(look.outfit_colour, "#12ab34");
  EXPECT_EQ(look.pronouns, "he");
  EXPECT_EQ(look.hair_style, "short");
  EXPECT_EQ(hero_look_from(t, "Green", "they", "CURLY").outfit_colour, "#2a9d4f");
  EXPECT_EQ(hero_look_from(t, "sparkly rainbow", "they", "curly").outfit_colour, core::HeroLook{}.outfit_colour);
}

}  // namespace
}  // namespace storyloom::art
