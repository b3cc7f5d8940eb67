// The storybook personalizer puts the child's face where the hero's head is drawn, lit like the
// page; anything missing falls back to the base picture and says why.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <fstream>

#include "art/encode.hpp"

#include "art/personalizer.hpp"
#include "art_test_support.hpp"

namespace storyloom::art {
namespace {

Illustration page(const char* time = "day", const char* pose = "standing", std::uint64_t seed = 4) {
  auto b = testing::brief("enchanted-forest", "mushroom-glade", pose, time);
  auto drawn = testing::shared_illustrator().illustrate(b, core::HeroLook{}, 512, 512, seed);
  EXPECT_TRUE(drawn);
  return drawn ? *drawn : Illustration{};
}

// Mean colour of the pixels that changed between the two images inside a box.
struct Change {
  double fraction = 0;
  double mean[3] = {0, 0, 0};
};
Change change_in_box(const core::Image& before, const core::Image& after, core::PointF c, double half) {
  Change out;
  int n = 0, changed = 0;
  for (int y = std::max(0, int(c.y - half)); y < std::min(before.height, int(c.y + half)); ++y) {
    for (int x = std::max(0, int(c.x - half)); x < std::min(before.width, int(c.x + half)); ++x, ++n) {
      const auto* a = before.at(x, y);
      const auto* b = after.at(x, y);
      if (std::abs(a[0] - b[0]) + std::abs(a[1] - b[1]) + std::abs(a[2] - b[2]) > 12) {
        ++changed;
        for (int k = 0; k < 3; ++k) out.mean[k] += b[k];
      }
    }
  }
  out.fraction = n ? double(changed) / n : 0;
  for (double& m : out.mean) m = changed ? m / changed : 0;
  return out;
}

TEST(Personalizer, PlacesTheFaceOnTheHerosHead) {
  const Illustration base = page();
  const core::FaceCutout face = testing::astronaut_face();
  const PersonalizedPage out = Personalizer{}.personalize(base, "storybook", &face);
  ASSERT_FALSE(out.fell_back) << out.fallback_reason;
  const auto& head = base.hero;
  const Change on_head = change_in_box(base.image, out.image, head.head_centre, head.head_radius * 0.6);
  EXPECT_GT(on_head.fraction, 0.6);  // the drawn face is replaced by the photo
  core::Image outside_before = base.image, outside_after = out.image;
  for (core::Image* img : {&outside_before, &outside_after}) {  // blank the head area, compare the rest
    for (int y = 0; y < img->height; ++y)
      for (int x = 0; x < img->width; ++x)
        if (std::hypot(x - head.head_centre.x, y - head.head_centre.y) < head.head_radius * 2.3) std::fill_n(img->at(x, y), 4, 0);
  }
  EXPECT_EQ(testing::changed_fraction(outside_before, outside_after), 0.0);
}

TEST(Personalizer, FollowsTheHeadWhenItIsTilted) {
  const Illustration base = page("day", "flying", 11);
  ASSERT_GT(std::abs(base.hero.tilt_degrees), 30);
  const core::FaceCutout face = testing::astronaut_face();
  const PersonalizedPage out = Personalizer{}.personalize(base, "storybook", &face);
  ASSERT_FALSE(out.fell_back);
  EXPECT_GT(change_in_box(base.image, out.image, base.hero.head_centre, base.hero.head_radius * 0.5).fraction, 0.6);
}

TEST(Personalizer, MatchesTheSceneLight) {
  const core::FaceCutout face = testing::astronaut_face();
  const Illustration day = page("day"), night = page("night");
  const auto lit_day = Personalizer{}.personalize(day, "storybook", &face);
  const auto lit_night = Personalizer{}.personalize(night, "storybook", &face);
  const Change d = change_in_box(day.image, lit_day.image, day.hero.head_centre, day.hero.head_radius * 0.5);
  const Change n = change_in_box(night.image, lit_night.image, night.hero.head_centre, night.hero.head_radius * 0.5);
  const double day_luma = d.mean[0] + d.mean[1] + d.mean[2], night_luma = n.mean[0] + n.mean[1] + n.mean[2];
  if (std::getenv("STORYLOOM_ART_DUMP")) {  // look at the result: STORYLOOM_ART_DUMP=1 unit_art
    for (auto [name, img] : {std::pair{"day", &lit_day.image}, {"night", &lit_night.image}}) {
      auto png = encode_png(*img);
      std::ofstream(std::string("/tmp/storyloom-personalized-") + name + ".png", std::ios::binary)
          .write(reinterpret_cast<const char*>(png->data()), png->size());
    }
  }
  EXPECT_LT(night_luma, day_luma * 0.85);
  EXPECT_GT(n.mean[2] / std::max(1.0, n.mean[0]), d.mean[2] / std::max(1.0, d.mean[0]));  // bluer at night
}

TEST(Personalizer, FallsBackOnAnEmptyCutout) {
  const Illustration base = page();
  core::FaceCutout empty;
  const auto out = Personalizer{}.personalize(base, "storybook", &empty);
  EXPECT_TRUE(out.fell_back);
  EXPECT_NE(out.fallback_reason.find("empty"), std::string::npos);
  EXPECT_EQ(out.image.pixels, base.image.pixels);
}

TEST(Personalizer, FallsBackWithoutAFaceOrWithBadLandmarks) {
  const Illustration base = page();
  EXPECT_TRUE(Personalizer{}.personalize(base, "storybook", nullptr).fell_back);
  core::FaceCutout face = testing::astronaut_face();
  face.left_eye = {-40, 10};
  const auto out = Personalizer{}.personalize(base, "storybook", &face);
  EXPECT_TRUE(out.fell_back);
  EXPECT_NE(out.fallback_reason.find("landmarks"), std::string::npos);
}

TEST(Personalizer, FallsBackOnUnknownStyleAndMissingHead) {
  const core::FaceCutout face = testing::astronaut_face();
  Illustration base = page();
  EXPECT_TRUE(Personalizer{}.personalize(base, "watercolour", &face).fell_back);
  base.hero.head_radius = 0;
  EXPECT_TRUE(Personalizer{}.personalize(base, "storybook", &face).fell_back);
}

TEST(Personalizer, CartoonKeepsTheDrawnHero) {
  const Illustration base = page();
  const auto out = Personalizer{}.personalize(base, "cartoon", nullptr);
  EXPECT_FALSE(out.fell_back);
  EXPECT_EQ(out.image.pixels, base.image.pixels);
}

}  // namespace
}  // namespace storyloom::art
