#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "art/cairo_image.hpp"
#include "art/encode.hpp"
#include "art/png_reader.hpp"
#include "core/jpeg.hpp"
#include "art_test_support.hpp"

namespace storyloom::art {
namespace {

core::Image gradient_with_alpha() {
  core::Image img(64, 32);
  for (int y = 0; y < img.height; ++y) {
    for (int x = 0; x < img.width; ++x) {
      std::uint8_t* p = img.at(x, y);
      p[0] = static_cast<std::uint8_t>(x * 4);
      p[1] = static_cast<std::uint8_t>(y * 8);
      p[2] = 200;
      p[3] = static_cast<std::uint8_t>(std::min(255, 40 + x * 4));  // semi-transparent on the left
    }
  }
  return img;
}

TEST(Encode, PngRoundTripsStraightAlpha) {
  const core::Image img = gradient_with_alpha();
  auto png = encode_png(img);
  ASSERT_TRUE(png);
  ASSERT_GT(png->size(), 8u);
  EXPECT_EQ((*png)[1], 'P');
  const auto file = std::filesystem::temp_directory_path() / "storyloom_art_roundtrip.png";
  std::ofstream(file, std::ios::binary).write(reinterpret_cast<const char*>(png->data()), png->size());
  const core::Image back = testing::decode_png_file(file);
  ASSERT_EQ(back.width, img.width);
  // Cairo decodes into premultiplied pixels; un-premultiplying low alpha loses a little.
  EXPECT_EQ(testing::changed_fraction(img, back, 6), 0.0);
}

// The colour type byte of a PNG's IHDR chunk: 2 RGB, 6 RGBA.
int png_colour_type(const EncodedBytes& png) { return png.size() > 25 ? png[25] : -1; }

TEST(Encode, AnOpaquePictureIsWrittenAsRgbAndReadsBackTheSame) {
  core::Image img = gradient_with_alpha();
  for (std::size_t i = 3; i < img.pixels.size(); i += 4) img.pixels.data()[i] = 255;
  const auto rgb = encode_png(img);
  ASSERT_TRUE(rgb);
  EXPECT_EQ(png_colour_type(*rgb), 2);
  const auto back = decode_png(std::string_view(reinterpret_cast<const char*>(rgb->data()), rgb->size()));
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_EQ(back->pixels, img.pixels);  // lossless, alpha 255 again
  const auto rgba = encode_png(gradient_with_alpha());
  ASSERT_TRUE(rgba);
  EXPECT_EQ(png_colour_type(*rgba), 6);  // transparency kept
}

TEST(Encode, SurfaceConversionKeepsColours) {
  const core::Image img = gradient_with_alpha();
  auto surface = surface_from_image(img);
  ASSERT_TRUE(surface);
  EXPECT_EQ(testing::changed_fraction(img, image_from_surface(surface->get()), 6), 0.0);
}

TEST(Encode, JpegIsSmallerAndWellFormed) {
  auto page = testing::shared_illustrator().illustrate(testing::brief("jungle-safari", "waterfall"), {}, 512, 512, 1);
  ASSERT_TRUE(page);
  auto jpeg = core::encode_jpeg(page->image, {.quality = 85});
  auto png = encode_png(page->image);
  ASSERT_TRUE(jpeg && png);
  ASSERT_GT(jpeg->size(), 1000u);
  EXPECT_TRUE(jpeg->starts_with("\xFF\xD8"));  // SOI ... EOI
  EXPECT_TRUE(jpeg->ends_with("\xFF\xD9"));
  EXPECT_LT(jpeg->size(), png->size());
  EXPECT_LT(core::encode_jpeg(page->image, {.quality = 40})->size(), jpeg->size());
}

TEST(Encode, RefusesBadInput) {
  EXPECT_FALSE(encode_png(core::Image{}));
}

}  // namespace
}  // namespace storyloom::art
