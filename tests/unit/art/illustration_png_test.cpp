#include <gtest/gtest.h>

#include "art/encode.hpp"
#include "art/illustration_png.hpp"
#include "art/png_reader.hpp"
#include "art_test_support.hpp"

namespace storyloom::art {
namespace {

Illustration sample_illustration() {
  Illustration i;
  i.image = core::Image(40, 30, {10, 120, 200, 255});
  i.image.at(3, 4)[3] = 90;  // some transparency survives too
  i.hero = {{21.5, 12.25}, 7.5, -12};
  i.scene_light = {30, 40, 120, 255};
  i.hero_skin = {198, 134, 66, 255};
  return i;
}

TEST(IllustrationPng, KeepsThePixelsAndWhereTheHeroIsForTheNextJob) {
  const auto original = sample_illustration();
  auto png = encode_illustration(original);
  ASSERT_TRUE(png) << png.error().message;
  auto back = decode_illustration(*png);
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_EQ(back->image.width, 40);
  EXPECT_EQ(back->image.height, 30);
  EXPECT_EQ(back->image.pixels, original.image.pixels);
  EXPECT_DOUBLE_EQ(back->hero.head_centre.x, 21.5);
  EXPECT_DOUBLE_EQ(back->hero.head_centre.y, 12.25);
  EXPECT_DOUBLE_EQ(back->hero.head_radius, 7.5);
  EXPECT_DOUBLE_EQ(back->hero.tilt_degrees, -12);
  EXPECT_EQ(back->scene_light.b, 120);
  EXPECT_EQ(back->hero_skin.r, 198);
}

TEST(IllustrationPng, APlainPngHasNoHeadSoThePersonalizerKeepsItAsItIs) {
  auto png = encode_png(core::Image(8, 8, {1, 2, 3, 255}));
  ASSERT_TRUE(png);
  auto back = decode_illustration(std::string(png->begin(), png->end()));
  ASSERT_TRUE(back);
  EXPECT_EQ(back->hero.head_radius, 0);
  EXPECT_EQ(back->image.width, 8);
}

TEST(PngReader, FindsTextChunksByNameAndRefusesWhatIsNotAPng) {
  const PngText text[] = {{"first", "one"}, {"second", "{\"a\":2}"}};
  auto encoded = encode_png(core::Image(4, 4), text);
  ASSERT_TRUE(encoded);
  const std::string png(encoded->begin(), encoded->end());
  EXPECT_EQ(png_text(png, "second"), "{\"a\":2}");
  EXPECT_EQ(png_text(png, "first"), "one");
  EXPECT_EQ(png_text(png, "firs"), std::nullopt);  // a prefix of a name is not the name
  EXPECT_EQ(png_size(png), (std::pair{4, 4}));
  EXPECT_EQ(decode_png(png.substr(0, png.size() / 2)).error().code, "art_png_unreadable");  // cut short
  EXPECT_EQ(decode_png("GIF89a....").error().code, "art_png_unreadable");
  EXPECT_EQ(decode_png(png, 3).error().code, "art_png_unreadable");  // over max_side, refused before decoding
  EXPECT_EQ(png_text(png.substr(0, 40), "second"), std::nullopt);
}

}  // namespace
}  // namespace storyloom::art
