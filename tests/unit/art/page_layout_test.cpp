// Where the hero stands when a text panel covers part of the page (docs/illustration-brief.md,
// "Room for the text"), checked on the layout itself, for every pose and framing.
#include <gtest/gtest.h>

#include "art/hero_figure.hpp"
#include "art/kit_library.hpp"
#include "art/page_layout.hpp"
#include "art_test_support.hpp"

namespace storyloom::art {
namespace {

const KitLibrary& kits() {
  static const KitLibrary library = load_kit_library(testing::art_dir()).value();
  return library;
}

// Behind a bottom panel a standing hero is a waist-up picture: head, arms and body above the
// panel, only the legs behind it. (It used to be "the upper half of the figure", which with a
// head a third of the figure's height left a face peeking over the text.)
TEST(PageLayout, AHeroBehindABottomPanelShowsTheWholeUpperBody) {
  const SceneKit& theme = kits().themes.at("dinosaur-valley");
  const Setting& setting = theme.settings.at("volcano-valley");
  const double size = 1000;
  int checked = 0;
  for (const auto& [pose_name, pose] : kits().generic.poses) {
    if (pose.airborne || pose.eyes_closed || std::abs(pose.rotate) > 45) continue;  // floating or lying
    for (const char* framing : {"wide", "medium"}) {
      for (double band : {0.22, 0.304, 0.38, 0.5}) {
        for (std::uint64_t seed = 0; seed < 4; ++seed) {
          LayoutInputs in{setting, pose, kits().generic.framing.at(framing), false, nullptr, {}, "day", size, size,
                          false, band};
          const PageLayout page = plan_page(in, SeededRandom(seed));
          const HeroPoints points = locate_hero(pose, page.hero);
          SCOPED_TRACE(pose_name + "/" + framing + " band " + std::to_string(band) + " seed " + std::to_string(seed));
          EXPECT_LE(points.hips.y, (1 - band) * size) << "the body disappears behind the text";
          EXPECT_LE(points.head.head_centre.y + points.head.head_radius, (1 - band) * size);
          EXPECT_GE(points.head.head_centre.y - points.head.head_radius * 1.25, 0.0) << "the head left the page";
          ++checked;
        }
      }
    }
  }
  EXPECT_GT(checked, 200);
}

}  // namespace
}  // namespace storyloom::art
