// Face cut-out and avatar traits from real photos.
#include <gtest/gtest.h>

#include "faces/avatar_traits_reader.hpp"
#include "faces/image_ops.hpp"
#include "photo_fixtures.hpp"

namespace storyloom::faces {
namespace {

using namespace testing;

double luma_of(const std::string& hex) {
  const auto v = std::stoul(hex.substr(1), nullptr, 16);
  return 0.299 * ((v >> 16) & 0xFF) + 0.587 * ((v >> 8) & 0xFF) + 0.114 * (v & 0xFF);
}

core::FaceCutout cut(const core::Image& image) {
  auto photo = intake().check(as_jpeg(image, 95));
  if (!photo) throw std::runtime_error("refused: " + photo.error().code);
  return intake().cut_out(*photo).value();
}

TEST(FaceCutout, IsUprightWithLevelEyesAndASoftMask) {
  const core::FaceCutout c = cut(load_shared("astronaut.png"));
  ASSERT_FALSE(c.rgba.empty());
  EXPECT_NEAR(c.left_eye.y, c.right_eye.y, 1.0);
  EXPECT_LT(c.left_eye.x, c.right_eye.x);
  EXPECT_GT(c.chin.y, c.left_eye.y + 0.5 * c.face_width * 0.6);
  EXPECT_NEAR(c.face_width, 85, 20);
  // Transparent corners, opaque middle, and a ramp (not a hard step) in between.
  EXPECT_EQ(c.rgba.at(0, 0)[3], 0);
  EXPECT_EQ(c.rgba.at(c.rgba.width - 1, c.rgba.height - 1)[3], 0);
  EXPECT_EQ(c.rgba.at(static_cast<int>(c.face_centre.x), static_cast<int>(c.face_centre.y))[3], 255);
  int partial = 0;
  for (std::size_t i = 3; i < c.rgba.pixels.size(); i += 4) partial += c.rgba.pixels[i] > 20 && c.rgba.pixels[i] < 235;
  EXPECT_GT(partial, 50);
  // Skin is skin-coloured: red over green over blue, mid-bright.
  EXPECT_GT(c.mean_skin.r, c.mean_skin.g);
  EXPECT_GT(c.mean_skin.g, c.mean_skin.b);
}

TEST(FaceCutout, ATiltedHeadIsStraightenedInTheCrop) {
  const core::FaceCutout c = cut(rotate(load_shared("astronaut.png"), 20, {255, 255, 255, 255}));
  EXPECT_NEAR(c.left_eye.y, c.right_eye.y, 1.0);
  EXPECT_NEAR(c.face_width, 85, 20);
}

TEST(FaceCutout, IsRefusedForARefusedPhoto) {
  auto photo = intake().examine(read_file(shared_photo_path("two-faces.png")));
  ASSERT_TRUE(photo.has_value());
  const auto c = intake().cut_out(*photo);
  ASSERT_FALSE(c.has_value());
  EXPECT_EQ(c.error().code, "photo_multiple_faces");
}

TEST(FaceCutout, ComesFromTheStoredNormalizedCopyToo) {
  auto photo = intake().check(read_file(shared_photo_path("astronaut-exif-rot.jpg")));
  ASSERT_TRUE(photo.has_value());
  const auto from_copy = intake().cut_out(photo->jpeg);
  ASSERT_TRUE(from_copy.has_value()) << from_copy.error().code;
  EXPECT_NEAR(from_copy->left_eye.y, from_copy->right_eye.y, 1.0);
  EXPECT_NEAR(from_copy->face_width, intake().cut_out(*photo)->face_width, 3.0);
  EXPECT_EQ(intake().cut_out(read_file(shared_photo_path("coffee.png"))).error().code, "photo_no_face");
}

TEST(AvatarTraits, ReadsSkinAndHairFromTheAstronaut) {
  auto photo = intake().check(read_file(shared_photo_path("astronaut.png")));
  ASSERT_TRUE(photo.has_value());
  const core::AvatarTraits t = intake().traits(*photo);
  EXPECT_GE(t.skin_tone.confidence, 0.5) << t.skin_tone.value;
  EXPECT_EQ(t.skin_tone.value.size(), 7u);
  EXPECT_GT(t.hair_colour.confidence, 0.3) << t.hair_colour.value;
  EXPECT_LT(luma_of(t.hair_colour.value), luma_of(t.skin_tone.value)) << "her hair is darker than her skin";
  EXPECT_TRUE(t.face_shape.value == "oval" || t.face_shape.value == "round" || t.face_shape.value == "square" ||
              t.face_shape.value == "heart" || t.face_shape.value == "long");
  EXPECT_GT(t.face_shape.confidence, 0.0);
}

TEST(AvatarTraits, FallBackToNeutralWithoutAFace) {
  const core::AvatarTraits t = intake().traits(read_file(shared_photo_path("coffee.png")));
  const core::AvatarTraits n = neutral_traits();
  EXPECT_EQ(t.skin_tone.value, n.skin_tone.value);
  EXPECT_EQ(t.hair_colour.value, n.hair_colour.value);
  EXPECT_EQ(t.face_shape.value, "oval");
  EXPECT_EQ(t.skin_tone.confidence, 0.0);
  EXPECT_EQ(t.eye_colour.confidence, 0.0);
}

TEST(AvatarTraits, EyeColourIsOnlyClaimedWhenTheEyesAreBigEnough) {
  auto photo = intake().check(as_jpeg(shrunk(resize(load_shared("astronaut.png"), 1024, 1024), 0.7)));
  ASSERT_TRUE(photo.has_value());
  auto small = intake().check(read_file(shared_photo_path("astronaut.png")));
  ASSERT_TRUE(small.has_value());
  // The 512 px astronaut's eyes are ~15 px wide: at best a weak claim.
  EXPECT_LE(intake().traits(*small).eye_colour.confidence, intake().traits(*photo).eye_colour.confidence);
  EXPECT_LE(intake().traits(*small).eye_colour.confidence, 0.45);
}

}  // namespace
}  // namespace storyloom::faces
