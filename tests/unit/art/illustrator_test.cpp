// The vector illustrator over the whole brief vocabulary: every theme and setting draws,
// a seed always draws the same picture, and the hero's head stays inside the safe area.
#include <gtest/gtest.h>

#include <set>
#include <thread>

#include "art/page_layout.hpp"
#include "art_test_support.hpp"

namespace storyloom::art {
namespace {

using testing::brief;
using testing::changed_fraction;
using testing::shared_illustrator;

core::Image draw(const core::IllustrationBrief& b, std::uint64_t seed, int size = 192) {
  auto page = shared_illustrator().illustrate(b, core::HeroLook{}, size, size, seed);
  EXPECT_TRUE(page) << b.theme << "/" << b.setting << ": " << (page ? "" : page.error().message);
  return page ? page->image : core::Image{};
}

// A real picture has many colours; a blank or broken render has a handful.
std::size_t distinct_colours(const core::Image& img) {
  std::set<std::uint32_t> seen;
  for (std::size_t i = 0; i < img.pixels.size(); i += 4 * 7) {
    seen.insert(img.pixels[i] << 16 | img.pixels[i + 1] << 8 | img.pixels[i + 2]);
  }
  return seen.size();
}

// Pixels with any transparency: on a printed page they would show the paper through the art.
std::size_t see_through_pixels(const core::Image& img) {
  std::size_t n = 0;
  for (std::size_t i = 3; i < img.pixels.size(); i += 4) n += img.pixels[i] != 255;
  return n;
}

TEST(VectorIllustrator, DrawsEveryDocumentedThemeAndSetting) {
  const auto themes = testing::documented_settings();
  ASSERT_EQ(themes.size(), 8u);
  const auto shared = testing::documented_shared_settings();
  ASSERT_EQ(shared, (std::vector<std::string>{"home-bedroom", "home-garden"}));
  static const char* times[] = {"morning", "day", "sunset", "night"};
  int n = 0;
  for (const auto& [theme, settings] : themes) {
    ASSERT_EQ(settings.size(), 4u) << theme;
    std::vector<std::string> all = settings;
    all.insert(all.end(), shared.begin(), shared.end());
    for (const auto& setting : all) {
      const core::Image img = draw(brief(theme, setting, "walking", times[n++ % 4]), 7);
      ASSERT_FALSE(img.empty()) << theme << "/" << setting;
      EXPECT_GT(distinct_colours(img), 200u) << theme << "/" << setting << " looks blank";
      EXPECT_EQ(see_through_pixels(img), 0u) << theme << "/" << setting;
    }
  }
}

TEST(VectorIllustrator, SameSeedSamePixels) {
  const auto b = brief("pirate-island", "sandy-beach", "waving", "sunset");
  EXPECT_EQ(draw(b, 42).pixels, draw(b, 42).pixels);
}

TEST(VectorIllustrator, SeedsAndPosesChangeThePicture) {
  const auto b = brief("enchanted-forest", "forest-path");
  const core::Image base = draw(b, 1);
  EXPECT_GT(changed_fraction(base, draw(b, 2), 8), 0.05);
  auto jumping = b;
  jumping.pose = "jumping";
  EXPECT_GT(changed_fraction(base, draw(jumping, 1), 8), 0.01);
}

TEST(VectorIllustrator, TimeOfDayChangesTheLight) {
  const core::Image day = draw(brief("snow-kingdom", "frozen-lake", "standing", "day"), 3);
  const core::Image night = draw(brief("snow-kingdom", "frozen-lake", "standing", "night"), 3);
  auto brightness = [](const core::Image& img) {
    double sum = 0;
    for (std::size_t i = 0; i < img.pixels.size(); i += 4) sum += img.pixels[i] + img.pixels[i + 1] + img.pixels[i + 2];
    return sum / img.pixels.size();
  };
  EXPECT_LT(brightness(night), brightness(day) * 0.8);
}

TEST(VectorIllustrator, HeroHeadStaysInsideTheSafeArea) {
  const int size = 400;
  const double margin = size * 0.5 / 10.25;  // the print safe margin: 0.5 in of a 10.25 in page
  for (const auto& pose : testing::documented_poses()) {
    for (const char* framing : {"wide", "medium", "close"}) {
      for (std::uint64_t seed = 0; seed < 6; ++seed) {
        auto page = shared_illustrator().illustrate(brief("superhero-city", "city-street", pose, "day", framing),
                                                    core::HeroLook{}, size, size, seed);
        ASSERT_TRUE(page);
        const auto& h = page->hero;
        SCOPED_TRACE(pose + "/" + framing + " seed " + std::to_string(seed));
        EXPECT_GT(h.head_radius, size * 0.02);
        EXPECT_GE(h.head_centre.x - h.head_radius, margin);
        EXPECT_LE(h.head_centre.x + h.head_radius, size - margin);
        EXPECT_GE(h.head_centre.y - h.head_radius, margin);
        EXPECT_LE(h.head_centre.y + h.head_radius, size - margin);
      }
    }
  }
}

// The page's text panel covers the top or bottom of the picture: the face is drawn clear of it,
// whatever the pose and framing, and still inside the safe area.
TEST(VectorIllustrator, HeroFaceStaysClearOfTheTextPanel) {
  const int size = 240;
  const double margin = size * 0.5 / 10.25;
  for (const auto& pose : testing::documented_poses()) {
    for (const char* framing : {"wide", "medium", "close"}) {
      for (const char* side : {"top", "bottom"}) {
        for (double band : {0.22, 0.38}) {
          for (std::uint64_t seed = 0; seed < 2; ++seed) {
            auto b = brief("enchanted-forest", pose == "sleeping" ? "home-bedroom" : "mushroom-glade", pose, "day", framing);
            b.text_band = side;
            b.text_band_height = band;
            auto page = shared_illustrator().illustrate(b, core::HeroLook{}, size, size, seed);
            ASSERT_TRUE(page);
            const auto& h = page->hero;
            SCOPED_TRACE(pose + "/" + framing + " " + side + " " + std::to_string(band) + " seed " + std::to_string(seed));
            if (std::string(side) == "top") EXPECT_GE(h.head_centre.y - h.head_radius, band * size);
            else EXPECT_LE(h.head_centre.y + h.head_radius, (1 - band) * size);
            EXPECT_GE(h.head_centre.y - h.head_radius, margin);
            EXPECT_LE(h.head_centre.y + h.head_radius, size - margin);
          }
        }
      }
    }
  }
}

TEST(VectorIllustrator, HeroPositionVariesAcrossPages) {
  std::set<int> columns;
  for (std::uint64_t seed = 0; seed < 12; ++seed) {
    auto page = shared_illustrator().illustrate(brief("jungle-safari", "savanna"), core::HeroLook{}, 300, 300, seed);
    ASSERT_TRUE(page);
    columns.insert(static_cast<int>(page->hero.head_centre.x / 100));  // left, centre, right third
  }
  EXPECT_EQ(columns.size(), 3u);
}

TEST(VectorIllustrator, FramingScalesTheHero) {
  auto radius = [](const char* framing) {
    auto page = shared_illustrator().illustrate(brief("dinosaur-valley", "fern-jungle", "standing", "day", framing),
                                                core::HeroLook{}, 300, 300, 5);
    return page ? page->hero.head_radius : 0.0;
  };
  EXPECT_LT(radius("wide"), radius("medium"));
  EXPECT_LT(radius("medium"), radius("close"));
}

TEST(VectorIllustrator, HeroLookColoursTheOutfit) {
  const auto b = brief("space-voyage", "moon-surface");
  core::HeroLook green;
  green.outfit_colour = "#10c020";
  auto blue = shared_illustrator().illustrate(b, core::HeroLook{}, 200, 200, 9);
  auto other = shared_illustrator().illustrate(b, green, 200, 200, 9);
  ASSERT_TRUE(blue && other);
  EXPECT_GT(changed_fraction(blue->image, other->image, 20), 0.005);
}

TEST(VectorIllustrator, RefusesUnknownThemeSettingAndSize) {
  auto theme = shared_illustrator().illustrate(brief("atlantis", "forest-path"), {}, 100, 100, 1);
  ASSERT_FALSE(theme);
  EXPECT_EQ(theme.error().code, "art_unknown_theme");
  auto setting = shared_illustrator().illustrate(brief("space-voyage", "forest-path"), {}, 100, 100, 1);
  ASSERT_FALSE(setting);
  EXPECT_EQ(setting.error().code, "art_unknown_setting");
  auto size = shared_illustrator().illustrate(brief("space-voyage", "starfield"), {}, 0, 100, 1);
  ASSERT_FALSE(size);
  EXPECT_EQ(size.error().code, "art_bad_size");
}

TEST(VectorIllustrator, UnknownVocabularyStillDraws) {
  auto b = brief("under-the-sea", "coral-reef", "moonwalking", "teatime", "fisheye");
  b.mood = "grumpy";
  b.props = {"spaceship-that-does-not-exist"};
  b.companion_kind = "kraken";
  EXPECT_FALSE(draw(b, 3).empty());
}

}  // namespace
}  // namespace storyloom::art

namespace storyloom::art {
namespace {

// Books render pages on both cores at once: parallel pages must equal the same pages drawn alone.
TEST(VectorIllustrator, PagesDrawnInParallelMatchSerial) {
  std::vector<core::IllustrationBrief> briefs = {
      testing::brief("pirate-island", "ship-deck", "pointing"), testing::brief("snow-kingdom", "ice-palace", "waving"),
      testing::brief("space-voyage", "launch-pad", "running"), testing::brief("jungle-safari", "waterfall", "sitting")};
  std::vector<core::Image> serial, parallel(briefs.size());
  for (const auto& b : briefs) serial.push_back(draw(b, 5, 160));
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < 2; ++t) {
    threads.emplace_back([&, t] {
      for (std::size_t i = t; i < briefs.size(); i += 2) {
        auto page = shared_illustrator().illustrate(briefs[i], core::HeroLook{}, 160, 160, 5);
        if (page) parallel[i] = page->image;
      }
    });
  }
  for (auto& th : threads) th.join();
  for (std::size_t i = 0; i < briefs.size(); ++i) EXPECT_EQ(serial[i].pixels, parallel[i].pixels) << i;
}

}  // namespace
}  // namespace storyloom::art

namespace storyloom::art {
namespace {

// The preview a parent approves and the print page are the same picture at two sizes.
TEST(VectorIllustrator, PreviewAndPrintShowTheSameComposition) {
  const auto b = brief("dinosaur-valley", "nest-cliffs", "pointing", "sunset", "close");
  auto preview = shared_illustrator().illustrate(b, core::HeroLook{}, 1024, 1024, 77);
  auto print = shared_illustrator().illustrate(b, core::HeroLook{}, 3075, 3075, 77);
  ASSERT_TRUE(preview && print);
  const double k = 3075.0 / 1024.0;
  EXPECT_NEAR(print->hero.head_centre.x, preview->hero.head_centre.x * k, 1.0);
  EXPECT_NEAR(print->hero.head_centre.y, preview->hero.head_centre.y * k, 1.0);
  EXPECT_NEAR(print->hero.head_radius, preview->hero.head_radius * k, 1.0);
  int differing = 0;  // sample the print page at the preview's pixel centres
  for (int y = 16; y < 1024; y += 32) {
    for (int x = 16; x < 1024; x += 32) {
      const auto* p = preview->image.at(x, y);
      const auto* q = print->image.at(static_cast<int>((x + 0.5) * k), static_cast<int>((y + 0.5) * k));
      differing += std::abs(p[0] - q[0]) + std::abs(p[1] - q[1]) + std::abs(p[2] - q[2]) > 60;
    }
  }
  EXPECT_LT(differing, 1024 / 20);  // only edges differ
}

}  // namespace
}  // namespace storyloom::art
