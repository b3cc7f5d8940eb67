// The one JPEG encoder: what it refuses, how it fails when rows run out, and that whole pictures
// and row sources give the very same bytes. (Colours and white paper: tests/unit/print.)
#include <gtest/gtest.h>

#include <vector>

#include "core/jpeg.hpp"

namespace storyloom::core {
namespace {

Image stripes() {
  Image image(40, 24, {20, 160, 90, 255});
  for (int y = 0; y < image.height; y += 4)
    for (int x = 0; x < image.width; ++x) image.at(x, y)[3] = static_cast<std::uint8_t>(x * 6);
  return image;
}

TEST(Jpeg, RefusesWhatItCannotEncode) {
  EXPECT_EQ(encode_jpeg(Image{}, {}).error().code, "image_invalid");
  Image short_buffer(4, 4);
  short_buffer.pixels.resize(10);
  EXPECT_EQ(encode_jpeg(short_buffer, {}).error().code, "image_invalid");
  EXPECT_EQ(encode_jpeg(Image(4, 4), {.quality = 0}).error().code, "jpeg_bad_quality");
  EXPECT_EQ(encode_jpeg(Image(4, 4), {.quality = 101}).error().code, "jpeg_bad_quality");
  const std::vector<std::uint8_t> row(70'000 * 4, 255);
  auto too_wide = encode_jpeg_rows(70'000, 1, {}, [&](int) { return row.data(); });
  EXPECT_EQ(too_wide.error().code, "image_invalid");
  EXPECT_EQ(too_wide.error().kind, ErrorKind::invalid_argument);
}

TEST(Jpeg, ARowSourceThatRunsDryFailsAsUnreadable) {
  const Image image = stripes();
  std::vector<int> asked;
  auto jpeg = encode_jpeg_rows(image.width, image.height, {}, [&](int y) -> const std::uint8_t* {
    asked.push_back(y);
    return y < 3 ? image.at(0, y) : nullptr;
  });
  ASSERT_FALSE(jpeg);
  EXPECT_EQ(jpeg.error().code, "image_unreadable");
  EXPECT_EQ(jpeg.error().kind, ErrorKind::unprocessable);
  EXPECT_EQ(asked, (std::vector<int>{0, 1, 2, 3}));  // top to bottom, and not past the end
}

TEST(Jpeg, RowsAndAWholePictureGiveTheSameBytes) {
  const Image image = stripes();
  const auto whole = encode_jpeg(image, {.quality = 80});
  ASSERT_TRUE(whole) << whole.error().message;
  EXPECT_TRUE(whole->starts_with("\xFF\xD8\xFF\xE0"));  // SOI, then JFIF's APP0 and nothing else
  EXPECT_TRUE(whole->ends_with("\xFF\xD9"));
  const auto rows = encode_jpeg_rows(image.width, image.height, {.quality = 80},
                                     [&](int y) { return image.at(0, y); });
  ASSERT_TRUE(rows);
  EXPECT_EQ(*rows, *whole);
  const auto optimized = encode_jpeg(image, {.quality = 80, .optimize_coding = true});
  ASSERT_TRUE(optimized);
  EXPECT_LT(optimized->size(), whole->size());
  EXPECT_NE(*optimized, *whole);
}

}  // namespace
}  // namespace storyloom::core
