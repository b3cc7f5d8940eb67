// Encoding art for the PDFs (core::encode_jpeg), from pixels or from a PNG read a row at a time:
// opaque rows go to libjpeg as they are, rows with transparency are put over white paper first;
// both must come back as the colours they were.
#include <cstdlib>

#include <gtest/gtest.h>
#include <png.h>

#include "core/jpeg.hpp"
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
  const auto jpeg = core::encode_jpeg(two_halves(), {.quality = 95});
  ASSERT_TRUE(jpeg) << jpeg.error().message;
  const auto info = core::read_jpeg_header(*jpeg);
  ASSERT_TRUE(info);
  EXPECT_EQ(info->width, 64);
  EXPECT_EQ(info->height, 64);
  EXPECT_EQ(info->components, 3);
  const auto back = core::decode_jpeg(*jpeg);
  ASSERT_TRUE(back);
  expect_near(*back, 16, 8, 230, 120, 20);
  expect_near(*back, 48, 8, 230, 120, 20);
  expect_near(*back, 16, 56, 255, 255, 255);  // transparent: the paper
  expect_near(*back, 48, 56, 127, 127, 255);  // half blue over white
}

// `image` as a PNG of the given colour type (RGB drops alpha, GRAY keeps the red channel),
// interlaced or not.
std::string png_of(const core::Image& image, int color_type, bool interlaced = false) {
  std::string out;
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png_create_info_struct(png);
  png_set_write_fn(
      png, &out,
      [](png_structp p, png_bytep data, png_size_t n) {
        static_cast<std::string*>(png_get_io_ptr(p))->append(reinterpret_cast<char*>(data), n);
      },
      nullptr);
  png_set_IHDR(png, info, image.width, image.height, 8, color_type,
               interlaced ? PNG_INTERLACE_ADAM7 : PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
               PNG_FILTER_TYPE_DEFAULT);
  png_write_info(png, info);
  const int channels = color_type == PNG_COLOR_TYPE_RGBA ? 4 : color_type == PNG_COLOR_TYPE_RGB ? 3 : 1;
  std::vector<std::uint8_t> rows(static_cast<std::size_t>(image.width) * image.height * channels);
  std::vector<png_bytep> row_pointers;
  for (int y = 0; y < image.height; ++y) {
    std::uint8_t* row = rows.data() + static_cast<std::size_t>(y) * image.width * channels;
    for (int x = 0; x < image.width; ++x)
      for (int k = 0; k < channels; ++k) row[x * channels + k] = image.at(x, y)[k];
    row_pointers.push_back(row);
  }
  png_write_image(png, row_pointers.data());
  png_write_end(png, nullptr);
  png_destroy_write_struct(&png, &info);
  return out;
}

TEST(JpegCodec, APngBecomesTheSameJpegRowByRow) {
  const auto from_png = png_to_jpeg(png_of(two_halves(), PNG_COLOR_TYPE_RGBA), 95);
  ASSERT_TRUE(from_png) << from_png.error().message;
  const auto back = core::decode_jpeg(*from_png);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->width, 64);
  EXPECT_EQ(back->height, 64);
  expect_near(*back, 16, 8, 230, 120, 20);
  expect_near(*back, 16, 56, 255, 255, 255);  // transparent: the paper
  expect_near(*back, 48, 56, 127, 127, 255);  // half blue over white
  EXPECT_EQ(*from_png, *core::encode_jpeg(two_halves(), {.quality = 95}));  // the very bytes the pixels give
}

TEST(JpegCodec, RgbGreyAndInterlacedPngsAreReadToo) {
  core::Image opaque(40, 30, {200, 40, 90, 255});
  for (int x = 0; x < 20; ++x)
    for (int y = 0; y < 30; ++y) opaque.at(x, y)[0] = opaque.at(x, y)[1] = opaque.at(x, y)[2] = 60;
  for (bool interlaced : {false, true}) {
    const auto rgb = core::decode_jpeg(*png_to_jpeg(png_of(opaque, PNG_COLOR_TYPE_RGB, interlaced), 95));
    ASSERT_TRUE(rgb);
    expect_near(*rgb, 5, 5, 60, 60, 60);
    expect_near(*rgb, 35, 25, 200, 40, 90);
    const auto grey = core::decode_jpeg(*png_to_jpeg(png_of(opaque, PNG_COLOR_TYPE_GRAY, interlaced), 95));
    ASSERT_TRUE(grey);
    expect_near(*grey, 5, 5, 60, 60, 60);
    expect_near(*grey, 35, 25, 200, 200, 200);
  }
}

TEST(JpegCodec, ADamagedPngIsUnreadableNotACrash) {
  const std::string png = png_of(two_halves(), PNG_COLOR_TYPE_RGBA);
  for (const std::string& bad : {png.substr(0, png.size() / 2), png.substr(0, 40), std::string("\x89PNG\r\n\x1a\n")}) {
    const auto jpeg = png_to_jpeg(bad, 90);
    ASSERT_FALSE(jpeg);
    EXPECT_EQ(jpeg.error().code, "image_unreadable");
    EXPECT_NE(jpeg.error().message.find("PNG"), std::string::npos) << jpeg.error().message;
  }
  std::string flipped = png;
  flipped[png.size() / 2] ^= 0x5a;  // a damaged compressed row: libpng notices its checksum
  EXPECT_FALSE(png_to_jpeg(flipped, 90));
}

}  // namespace
}  // namespace storyloom::print
