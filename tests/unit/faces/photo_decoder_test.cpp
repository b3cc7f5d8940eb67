// Safe intake: limits before pixels, type from bytes, damaged files as values, orientation,
// the normalized copy.
#include <gtest/gtest.h>

#include <chrono>

#include "core/jpeg.hpp"
#include "faces/codecs.hpp"
#include "faces/exif_orientation.hpp"
#include "faces/image_ops.hpp"
#include "faces/photo_decoder.hpp"
#include "photo_fixtures.hpp"

namespace storyloom::faces {
namespace {

using namespace testing;

void expect_error(const core::Result<DecodedPhoto>& r, core::ErrorKind kind, const std::string& code) {
  ASSERT_FALSE(r.has_value()) << "expected " << code;
  EXPECT_EQ(r.error().kind, kind);
  EXPECT_EQ(r.error().code, code) << r.error().message;
}

TEST(PhotoFormat, IsToldFromTheBytesNotTheName) {
  EXPECT_EQ(sniff_photo_format(read_file(shared_photo_path("astronaut.jpg"))), PhotoFormat::jpeg);
  EXPECT_EQ(sniff_photo_format(read_file(shared_photo_path("astronaut.png"))), PhotoFormat::png);
  EXPECT_EQ(sniff_photo_format(as_webp(core::Image(16, 16))), PhotoFormat::webp);
  EXPECT_EQ(sniff_photo_format(as_heic(core::Image(64, 64), false)), PhotoFormat::heif);
  EXPECT_EQ(sniff_photo_format("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj"), PhotoFormat::unknown);
  EXPECT_EQ(sniff_photo_format(""), PhotoFormat::unknown);
}

TEST(PhotoIntakeLimits, RefusesAPdfRenamedJpgAsUnsupported) {
  const std::string pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
  expect_error(decode_photo(pdf, {}), core::ErrorKind::unsupported, "photo_unsupported_type");
}

TEST(PhotoIntakeLimits, RefusesFilesOverTenMegabytesBeforeLookingAtThem) {
  std::string huge = as_jpeg(core::Image(32, 32));
  huge.resize(10 * 1024 * 1024 + 1, '\0');
  expect_error(decode_photo(huge, {}), core::ErrorKind::too_large, "photo_too_large");
}

TEST(PhotoIntakeLimits, RefusesADecompressionBombFromItsHeaderInMilliseconds) {
  const std::string bomb = png_bomb(20'000, 20'000);
  EXPECT_LT(bomb.size(), 1'000'000u);
  const auto start = std::chrono::steady_clock::now();
  const auto result = decode_photo(bomb, {});
  const auto elapsed = std::chrono::steady_clock::now() - start;
  expect_error(result, core::ErrorKind::unprocessable, "photo_dimensions_too_large");
  EXPECT_EQ(result.error().details["width"], 20'000);
  // 1.2 GB of pixels would take seconds to allocate and inflate; the header check takes microseconds.
  EXPECT_LT(std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count(), 50);
}

TEST(PhotoIntakeLimits, RefusesASideOverTwelveThousandPixels) {
  expect_error(decode_photo(jpeg_claiming(12'001, 100), {}), core::ErrorKind::unprocessable, "photo_dimensions_too_large");
  expect_error(decode_photo(png_bomb(100, 12'500), {}), core::ErrorKind::unprocessable, "photo_dimensions_too_large");
}

TEST(PhotoIntakeLimits, RefusesMoreThanFortyMegapixels) {
  expect_error(decode_photo(jpeg_claiming(8000, 5001), {}), core::ErrorKind::unprocessable, "photo_dimensions_too_large");
  // 8000 x 5000 is exactly 40 MP: allowed past the header (then found damaged: its pixels are 64 x 48).
  expect_error(decode_photo(jpeg_claiming(8000, 5000), {}), core::ErrorKind::unprocessable, "photo_unreadable");
}

TEST(PhotoIntakeDamage, TruncatedFilesOfEveryFormatAreUnreadable) {
  const core::Image astronaut = load_shared("astronaut.png");
  const std::string cases[] = {as_jpeg(astronaut), read_file(shared_photo_path("astronaut.png")), as_webp(astronaut),
                               as_heic(astronaut, false)};
  for (const std::string& whole : cases) {
    for (double keep : {0.3, 0.7, 0.97}) {
      const std::string cut = whole.substr(0, static_cast<std::size_t>(whole.size() * keep));
      const auto r = decode_photo(cut, {});
      SCOPED_TRACE(std::string(to_string(sniff_photo_format(whole))) + " kept " + std::to_string(keep));
      expect_error(r, core::ErrorKind::unprocessable, "photo_unreadable");
    }
  }
}

TEST(PhotoIntakeDamage, GarbageAfterAValidSignatureIsUnreadable) {
  std::string junk(5000, '\0');
  for (std::size_t i = 0; i < junk.size(); ++i) junk[i] = static_cast<char>((i * 7919u) >> 3);
  expect_error(decode_photo("\xFF\xD8\xFF\xE0" + junk, {}), core::ErrorKind::unprocessable, "photo_unreadable");
  expect_error(decode_photo(std::string("\x89PNG\r\n\x1A\n", 8) + junk, {}), core::ErrorKind::unprocessable, "photo_unreadable");
  expect_error(decode_photo(std::string("RIFF\x10\0\0\0WEBPVP8 ", 16) + junk, {}), core::ErrorKind::unprocessable, "photo_unreadable");
  expect_error(decode_photo(std::string("\0\0\0\x18" "ftypheic", 12) + junk, {}), core::ErrorKind::unprocessable, "photo_unreadable");
}

TEST(PhotoOrientation, AppliesTheExifOrientationOfARotatedJpeg) {
  const auto rotated = decode_photo(read_file(shared_photo_path("astronaut-exif-rot.jpg")), {});
  ASSERT_TRUE(rotated.has_value());
  EXPECT_EQ(rotated->exif_orientation, 6);
  const core::Image upright = load_shared("astronaut.png");
  ASSERT_EQ(rotated->image.width, upright.width);
  // Same picture as the upright original, up to JPEG loss: compare a coarse thumbnail.
  double diff = 0;
  for (int y = 8; y < upright.height; y += 16)
    for (int x = 8; x < upright.width; x += 16) diff += std::abs(int(rotated->image.at(x, y)[1]) - int(upright.at(x, y)[1]));
  EXPECT_LT(diff / (32.0 * 32.0), 12.0);
}

TEST(PhotoOrientation, AppliesTheOrientationInAPngExifChunk) {
  const core::Image upright = load_shared("astronaut.png");
  // Stored turned 90 degrees counter-clockwise; Orientation 6 says "turn 90 clockwise to view".
  const auto photo = decode_photo(as_png(apply_exif_orientation(upright, 8), 6), {});
  ASSERT_TRUE(photo.has_value()) << photo.error().message;
  EXPECT_EQ(photo->exif_orientation, 6);
  EXPECT_EQ(photo->image.pixels, upright.pixels) << "lossless round trip, upright again";
}

TEST(PhotoOrientation, AStoredSidewaysHeicComesOutUpright) {
  const core::Image upright = load_shared("astronaut.png");
  const auto photo = decode_photo(as_heic(upright, true), {});
  ASSERT_TRUE(photo.has_value()) << photo.error().message;
  EXPECT_EQ(photo->format, PhotoFormat::heif);
  EXPECT_EQ(photo->stored_width, 512);
  double diff = 0;
  for (int y = 8; y < upright.height; y += 16)
    for (int x = 8; x < upright.width; x += 16) diff += std::abs(int(photo->image.at(x, y)[1]) - int(upright.at(x, y)[1]));
  EXPECT_LT(diff / (32.0 * 32.0), 12.0);
}

TEST(PhotoNormalization, ShrinksToAtMost2048AndKeepsNoMetadata) {
  const core::Image big = resize(load_shared("astronaut.png"), 3000, 2400);
  // WebP is resampled to exactly 2048; JPEG may stop at the DCT scale step just under it.
  const auto webp = decode_photo(as_webp(big), {});
  ASSERT_TRUE(webp.has_value());
  EXPECT_EQ(webp->image.width, 2048);
  EXPECT_NEAR(webp->image.height, 2048 * 2400 / 3000, 1);
  const auto photo = decode_photo(as_jpeg(big), {});
  ASSERT_TRUE(photo.has_value());
  EXPECT_LE(photo->image.width, 2048);
  EXPECT_GE(photo->image.width, 2048 * 9 / 10);
  EXPECT_NEAR(photo->image.height, photo->image.width * 2400 / 3000, 1);

  const std::string normalized = core::encode_jpeg(photo->image, {.quality = 90, .optimize_coding = true}).value();
  const auto header = probe_jpeg(normalized);
  ASSERT_TRUE(header.has_value());
  EXPECT_EQ(header->width, photo->image.width);
  // Only SOI + APP0 (JFIF) before the tables: no APP1 (EXIF/XMP, where GPS lives), no APP2 (ICC).
  for (std::size_t i = 2; i + 1 < normalized.size() && normalized[i] == '\xFF' && normalized[i + 1] != '\xDA';) {
    const auto marker = static_cast<std::uint8_t>(normalized[i + 1]);
    EXPECT_FALSE(marker >= 0xE1 && marker <= 0xEF) << "APPn marker " << std::hex << int(marker);
    EXPECT_NE(marker, 0xFE) << "comment marker";
    i += 2 + ((std::uint8_t(normalized[i + 2]) << 8) | std::uint8_t(normalized[i + 3]));
  }
  EXPECT_EQ(normalized.find("Exif"), std::string::npos);
}

TEST(PhotoNormalization, StripsTheGpsOfAnExifJpeg) {
  const std::string original = read_file(shared_photo_path("astronaut-exif-rot.jpg"));
  ASSERT_NE(original.find("Exif"), std::string::npos);
  auto photo = intake().check(original);
  ASSERT_TRUE(photo.has_value());
  EXPECT_EQ(photo->jpeg.find("Exif"), std::string::npos);
  EXPECT_EQ(read_exif_orientation(photo->jpeg, PhotoFormat::jpeg), 1);
}

}  // namespace
}  // namespace storyloom::faces
