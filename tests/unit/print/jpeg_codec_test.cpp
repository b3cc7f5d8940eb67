// Encoding art for the PDFs: opaque rows go to libjpeg as they are, rows with transparency are
// put over white paper first; both must come back as the colours they were.
#include <cstdlib>

#include <gtest/gtest.h>

#include "print/jpeg_codec.hpp"

namespace storyloom::print {
namespace {

// Top half opaque orange, bottom half: left transparent, right half-transparent blue.
core::Image two_halves() {
  core::Image image(64, 64, {230, 120, 20, 255});
  for (int y = 32; y < 64; ++y)
    for (int x = 0; x < 64; ++x) {
      std::uint8_t* p = image.at(x, y);
      if (x < 32) p[0] = p[1] = p[2] = 0, p[3] = 0;
      else p[0] = 0, p[1] = 0, p[2] = 255, p[3] = 128;
    }
  return image;
}

void expect_near(const core::Image& image, int x, int y, int r, int g, int b) {
  const std::uint8_t* p = image.at(x, y);
  EXPECT_NEAR(p[0], r, 6) << "at " << x << "," << y;
  EXPECT_NEAR(p[1], g, 6) << "at " << x << "," << y;
  EXPECT_NEAR(p[2], b, 6) << "at " << x << "," << y;
}

TEST(JpegCodec, OpaqueRowsKeepTheirColoursAndTransparencyLiesOnWhitePaper) {
  const auto jpeg = encode_jpeg(two_halves(), 95);
  ASSERT_TRUE(jpeg) << jpeg.error().message;
  const auto info = read_jpeg_info(*jpeg);
  ASSERT_TRUE(info);
  EXPECT_EQ(info->width, 64);
  EXPECT_EQ(info->height, 64);
  EXPECT_EQ(info->components, 3);
  const auto back = decode_jpeg(*jpeg);
  ASSERT_TRUE(back);
  expect_near(*back, 16, 8, 230, 120, 20);
  expect_near(*back, 48, 8, 230, 120, 20);
  expect_near(*back, 16, 56, 255, 255, 255);  // transparent: the paper
  expect_near(*back, 48, 56, 127, 127, 255);  // half blue over white
}

TEST(JpegCodec, RefusesAnImageWithoutPixels) {
  EXPECT_FALSE(encode_jpeg(core::Image{}, 90));
  core::Image wrong(4, 4);
  wrong.pixels.resize(10);
  EXPECT_FALSE(encode_jpeg(wrong, 90));
}

}  // namespace
}  // namespace storyloom::print
