// The one JPEG codec. Encoder: what it refuses, how it fails when rows run out, whole pictures
// and row sources giving the very same bytes (colours and white paper: tests/unit/print).
// Decoder: round trips, scaling, and the hostile files it must refuse (damaged, truncated, CMYK,
// a progressive-scan bomb), made here with libjpeg itself.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <vector>

#include <jpeglib.h>

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

// A JPEG written by libjpeg directly: `components` 3 (RGB) or 4 (CMYK); `scans` > 0 writes a
// progressive file with one scan per DC and then one per AC coefficient and component (up to
// 1 + 63 * components scans).
std::string raw_jpeg(int width, int height, int components, int scans = 0) {
  jpeg_compress_struct c{};
  jpeg_error_mgr err{};
  c.err = jpeg_std_error(&err);
  jpeg_create_compress(&c);
  unsigned char* out = nullptr;
  unsigned long size = 0;
  jpeg_mem_dest(&c, &out, &size);
  c.image_width = static_cast<JDIMENSION>(width);
  c.image_height = static_cast<JDIMENSION>(height);
  c.input_components = components;
  c.in_color_space = components == 4 ? JCS_CMYK : JCS_RGB;
  jpeg_set_defaults(&c);
  std::vector<jpeg_scan_info> script;
  if (scans > 0) {
    script.push_back({components, {0, 1, 2, 3}, 0, 0, 0, 0});
    for (int k = 1; k < 64 && static_cast<int>(script.size()) < scans; ++k)
      for (int comp = 0; comp < components && static_cast<int>(script.size()) < scans; ++comp)
        script.push_back({1, {comp, 0, 0, 0}, k, k, 0, 0});
    c.scan_info = script.data();
    c.num_scans = static_cast<int>(script.size());
  }
  jpeg_start_compress(&c, TRUE);
  std::vector<unsigned char> row(static_cast<std::size_t>(width) * components);
  for (std::size_t i = 0; i < row.size(); ++i) row[i] = static_cast<unsigned char>(i * 7);
  while (c.next_scanline < c.image_height) {
    JSAMPROW r = row.data();
    jpeg_write_scanlines(&c, &r, 1);
  }
  jpeg_finish_compress(&c);
  std::string bytes(reinterpret_cast<char*>(out), size);
  jpeg_destroy_compress(&c);
  std::free(out);
  return bytes;
}

void expect_unreadable(const Result<Image>& r, const std::string& reason_part) {
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, "image_unreadable");
  EXPECT_EQ(r.error().kind, ErrorKind::unprocessable);
  EXPECT_NE(r.error().details.value("reason", "").find(reason_part), std::string::npos) << r.error().message;
}

TEST(Jpeg, DecodesWhatItEncodesAndScalesByEighthsOnlyAsFarAsAsked) {
  const Image image = stripes();
  const auto jpeg = encode_jpeg(image, {.quality = 95});
  ASSERT_TRUE(jpeg);
  const auto header = read_jpeg_header(*jpeg);
  ASSERT_TRUE(header);
  EXPECT_EQ(header->width, 40);
  EXPECT_EQ(header->height, 24);
  EXPECT_EQ(header->components, 3);
  const auto back = decode_jpeg(*jpeg);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->width, 40);
  EXPECT_EQ(back->at(10, 2)[3], 255);
  EXPECT_NEAR(back->at(10, 2)[1], 160, 8);  // an opaque row keeps its green
  const auto big = raw_jpeg(1600, 800, 3);
  EXPECT_EQ(decode_jpeg(big, 400)->width, 400);   // 2/8
  EXPECT_EQ(decode_jpeg(big, 401)->width, 600);   // 3/8: never below what was asked
  EXPECT_EQ(decode_jpeg(big, 0)->width, 1600);
}

TEST(Jpeg, RefusesDamagedTruncatedAndForeignFiles) {
  const std::string good = raw_jpeg(64, 48, 3);
  expect_unreadable(decode_jpeg(good.substr(0, good.size() / 2)), "");  // truncated: no grey half
  std::string damaged = good;
  for (std::size_t i = damaged.size() / 2; i < damaged.size() / 2 + 40; ++i) damaged[i] = '\xFF';
  expect_unreadable(decode_jpeg(damaged), "");
  expect_unreadable(decode_jpeg("\x89PNG\r\n\x1a\n not a jpeg"), "");
  expect_unreadable(decode_jpeg(""), "");
  EXPECT_EQ(read_jpeg_header("GIF89a").error().code, "image_unreadable");
}

TEST(Jpeg, RefusesCmykButReadsItsHeader) {
  const std::string cmyk = raw_jpeg(32, 32, 4);
  EXPECT_EQ(read_jpeg_header(cmyk)->components, 4);  // print tells such art apart by its header
  expect_unreadable(decode_jpeg(cmyk), "CMYK");
}

TEST(Jpeg, RefusesAProgressiveScanBombButNotAnOrdinaryProgressiveFile) {
  ASSERT_TRUE(decode_jpeg(raw_jpeg(64, 64, 3, 40)));  // many scans, still a photo
  expect_unreadable(decode_jpeg(raw_jpeg(64, 64, 3, kMaxJpegScans + 20)), "progressive scans");
}

}  // namespace
}  // namespace storyloom::core
