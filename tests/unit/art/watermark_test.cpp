#include <gtest/gtest.h>

#include "art/watermark.hpp"
#include "art_test_support.hpp"

namespace storyloom::art {
namespace {

core::Image scene(int size) {
  auto page = testing::shared_illustrator().illustrate(testing::brief("space-voyage", "launch-pad"), {}, size, size, 2);
  return page ? page->image : core::Image{};
}

TEST(Watermark, BakesATiledMarkIntoPreviewPixels) {
  const core::Image original = scene(1024);
  core::Image marked = original;
  ASSERT_TRUE(watermark(marked, "Storyloom Books"));
  const double changed = testing::changed_fraction(original, marked, 6);
  EXPECT_GT(changed, 0.08);  // tiled over the whole page ...
  EXPECT_LT(changed, 0.6);   // ... but the picture still shows through
  // every quarter of the page carries some of the mark
  for (int qy = 0; qy < 2; ++qy) {
    for (int qx = 0; qx < 2; ++qx) {
      int hits = 0;
      for (int y = qy * 512; y < qy * 512 + 512; y += 2)
        for (int x = qx * 512; x < qx * 512 + 512; x += 2)
          hits += std::abs(original.at(x, y)[0] - marked.at(x, y)[0]) > 6;
      EXPECT_GT(hits, 1000) << "quarter " << qx << "," << qy;
    }
  }
}

TEST(Watermark, RefusesFullResolutionArt) {
  core::Image print(3075, 3075, {200, 180, 160, 255});
  const auto before = print.pixels;
  auto result = watermark(print, "Shop");
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, "art_watermark_full_resolution");
  EXPECT_EQ(print.pixels, before);
  core::Image wide(1700, 400);
  EXPECT_FALSE(watermark(wide, "Shop"));
}

TEST(Watermark, RefusesAnEmptyImage) {
  core::Image empty;
  EXPECT_FALSE(watermark(empty, "Shop"));
}

TEST(Watermark, AcceptsTheLargestPreviewSize) {
  core::Image edge(kMaxWatermarkSide, kMaxWatermarkSide / 2, {90, 120, 200, 255});
  const auto before = edge.pixels;
  ASSERT_TRUE(watermark(edge, ""));
  EXPECT_NE(edge.pixels, before);
}

}  // namespace
}  // namespace storyloom::art
