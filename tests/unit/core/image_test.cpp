// Pixel buffers: the vector-like behaviour the image code relies on.
#include <gtest/gtest.h>

#include "core/image.hpp"

namespace storyloom::core {
namespace {

TEST(PixelBytes, NewBytesAreZeroAndResizeKeepsWhatFits) {
  PixelBytes bytes(5);
  for (std::size_t i = 0; i < bytes.size(); ++i) EXPECT_EQ(bytes[i], 0);
  bytes[0] = 7, bytes[4] = 9;
  bytes.resize(8);
  ASSERT_EQ(bytes.size(), 8u);
  EXPECT_EQ(bytes[0], 7);
  EXPECT_EQ(bytes[4], 9);
  EXPECT_EQ(bytes[7], 0);
  bytes.resize(2);
  ASSERT_EQ(bytes.size(), 2u);
  EXPECT_EQ(bytes[0], 7);
  bytes.resize(0);
  EXPECT_TRUE(bytes.empty());
  EXPECT_EQ(bytes.begin(), bytes.end());
}

TEST(PixelBytes, CopiesAreEqualAndIndependentMovesEmptyTheSource) {
  PixelBytes a(3 * 1024 * 1024);  // big enough for a huge page inside
  a[12345] = 1;
  PixelBytes b = a;
  EXPECT_EQ(a, b);
  b[12345] = 2;
  EXPECT_FALSE(a == b);
  EXPECT_EQ(a[12345], 1);
  PixelBytes c = std::move(b);
  EXPECT_TRUE(b.empty());
  EXPECT_EQ(c[12345], 2);
  c = a;
  EXPECT_EQ(c, a);
  EXPECT_FALSE(PixelBytes(4) == PixelBytes(5));
  EXPECT_EQ(PixelBytes(), PixelBytes(0));
}

TEST(Image, IsFilledWithItsColour) {
  const Image image(3, 5, {1, 2, 3, 4});
  ASSERT_EQ(image.pixels.size(), 60u);
  for (std::size_t i = 0; i < image.pixels.size(); i += 4) {
    EXPECT_EQ(image.pixels[i], 1);
    EXPECT_EQ(image.pixels[i + 1], 2);
    EXPECT_EQ(image.pixels[i + 2], 3);
    EXPECT_EQ(image.pixels[i + 3], 4) << i;
  }
  const Image black(2, 1);
  EXPECT_EQ(black.at(1, 0)[3], 255);  // opaque black by default
  EXPECT_EQ(Image(0, 0).pixels.size(), 0u);
}

}  // namespace
}  // namespace storyloom::core
