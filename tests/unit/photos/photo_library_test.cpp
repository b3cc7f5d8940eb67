#include <gtest/gtest.h>

#include <set>

#include "library_fixture.hpp"
#include "png_bomb.hpp"
#include "photos/photo_store.hpp"

using namespace storyloom;
using test_support::LibraryFixture;
using test_support::shared_photo;

namespace {

// The JPEG markers before the image data (SOS), e.g. {0xE0 (APP0/JFIF), 0xDB, 0xC0, 0xC4}.
std::set<int> header_markers(const std::string& jpeg) {
  std::set<int> markers;
  std::size_t at = 2;  // after SOI
  while (at + 4 <= jpeg.size() && static_cast<unsigned char>(jpeg[at]) == 0xFF) {
    const int marker = static_cast<unsigned char>(jpeg[at + 1]);
    markers.insert(marker);
    if (marker == 0xDA) break;
    at += 2 + (static_cast<unsigned char>(jpeg[at + 2]) << 8 | static_cast<unsigned char>(jpeg[at + 3]));
  }
  return markers;
}

bool has_metadata_segment(const std::set<int>& markers) {
  for (int m : markers)
    if ((m >= 0xE1 && m <= 0xEF) || m == 0xFE) return true;  // APP1..APP15 (EXIF, XMP, ICC...), COM
  return false;
}

}  // namespace

TEST(PhotoLibrary, StoresAnAcceptedPhotoAsAMetadataFreeJpegAtItsKey) {
  LibraryFixture f;
  const std::string original = shared_photo("astronaut-exif-rot.jpg");
  ASSERT_TRUE(has_metadata_segment(header_markers(original))) << "the test photo should carry EXIF";
  auto photo = f.library.upload("us_parent", original);
  ASSERT_TRUE(photo.has_value()) << photo.error().code << ": " << photo.error().message;
  EXPECT_TRUE(photo->id.starts_with("ph_"));
  EXPECT_EQ(photo->blob_key, "photos/" + photo->id + ".jpg");
  EXPECT_EQ(photo->format, "jpeg");
  EXPECT_TRUE(photo->verdict["accepted"].get<bool>());
  EXPECT_TRUE(photo->verdict["face_box"].is_object());
  EXPECT_TRUE(photo->traits["skin_tone"]["value"].get<std::string>().starts_with("#"));

  const auto stored = f.blobs.get(photo->blob_key).value();
  ASSERT_GE(stored.size(), 4u);
  EXPECT_EQ(static_cast<unsigned char>(stored[0]), 0xFF);
  EXPECT_EQ(static_cast<unsigned char>(stored[1]), 0xD8);
  const auto markers = header_markers(stored);
  EXPECT_TRUE(markers.count(0xE0)) << "JFIF header";
  EXPECT_FALSE(has_metadata_segment(markers));
  EXPECT_NE(stored, original);
  EXPECT_EQ(f.rows(), 1);
}

TEST(PhotoLibrary, RefusesAPhotoWithoutAFaceAndStoresNothing) {
  LibraryFixture f;
  auto refused = f.library.upload("us_parent", shared_photo("chelsea.png"));
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().kind, core::ErrorKind::invalid_argument);
  EXPECT_EQ(refused.error().code, "photo_no_face");
  EXPECT_FALSE(refused.error().details["verdict"]["accepted"].get<bool>());
  EXPECT_GT(refused.error().details["width"].get<int>(), 0);
  EXPECT_EQ(f.rows(), 0);
  EXPECT_EQ(f.stored_blobs(), 0u);
}

TEST(PhotoLibrary, RefusesTwoFacesAndStoresNothing) {
  LibraryFixture f;
  auto refused = f.library.upload("us_parent", shared_photo("two-faces.png"));
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, "photo_multiple_faces");
  EXPECT_EQ(f.rows(), 0);
  EXPECT_EQ(f.stored_blobs(), 0u);
}

TEST(PhotoLibrary, HostileUploadsAreRefusedWithoutAskingForTheFaceModel) {
  LibraryFixture f;
  EXPECT_EQ(f.library.upload("us_parent", "just some text, not a photo").error().code, "photo_unsupported_type");
  const std::string huge(f.library.limits().max_bytes + 1, '\xFF');
  EXPECT_EQ(f.library.upload("us_parent", huge).error().code, "photo_too_large");
  EXPECT_EQ(f.library.upload("us_parent", test_support::png_bomb(20'000, 20'000)).error().code, "photo_dimensions_too_large");
  EXPECT_EQ(f.model_asked.load(), 0);
  EXPECT_EQ(f.rows(), 0);
}

TEST(PhotoLibrary, AnUnavailableFaceModelIsA503AndStoresNothing) {
  test_support::TempDatabase t;
  core::ManualClock clock;
  blob::UrlSigner signer{"secret", clock};
  blob::FileStore blobs{t.dir / "blobs", signer};
  photos::PhotoLibrary library{t.db, blobs, clock, [] { return faces::FaceModel::load("/nonexistent/model.dat"); }};
  auto r = library.upload("us_parent", shared_photo("astronaut.png"));
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().kind, core::ErrorKind::unavailable);
  EXPECT_EQ(t.count("SELECT COUNT(*) AS n FROM photos"), 0);
}

TEST(PhotoLibrary, SomeoneElsesPhotoIsNotFoundAndCannotBeRemoved) {
  LibraryFixture f;
  const auto photo = f.library.upload("us_parent", shared_photo("astronaut.png")).value();
  EXPECT_EQ(f.library.get("us_parent", photo.id).value().id, photo.id);
  EXPECT_EQ(f.library.get("us_stranger", photo.id).error().code, "photo_not_found");
  EXPECT_EQ(f.library.remove("us_stranger", photo.id).error().code, "photo_not_found");
  EXPECT_TRUE(f.blobs.exists(photo.blob_key).value());
  EXPECT_EQ(f.rows(), 1);
}

TEST(PhotoLibrary, RemovingAPhotoDeletesItsRowAndBlob) {
  LibraryFixture f;
  const auto photo = f.library.upload("us_parent", shared_photo("astronaut.png")).value();
  ASSERT_TRUE(f.library.remove("us_parent", photo.id).has_value());
  EXPECT_FALSE(f.blobs.exists(photo.blob_key).value());
  EXPECT_EQ(f.rows(), 0);
  EXPECT_EQ(f.library.get("us_parent", photo.id).error().code, "photo_not_found");
  EXPECT_EQ(f.library.remove("us_parent", photo.id).error().code, "photo_not_found");
}

TEST(PhotoLibrary, RemoveAnyIsIdempotentAndIgnoresIdsThatCannotBePhotos) {
  LibraryFixture f;
  const auto photo = f.library.upload("us_parent", shared_photo("astronaut.png")).value();
  ASSERT_TRUE(f.blobs.put("photos/other.jpg", "not ours to delete").has_value());
  EXPECT_TRUE(f.library.remove_any(photo.id).has_value());
  EXPECT_TRUE(f.library.remove_any(photo.id).has_value());
  EXPECT_TRUE(f.library.remove_any("ph_emma").has_value());
  EXPECT_TRUE(f.library.remove_any("other").has_value());
  EXPECT_FALSE(f.blobs.exists(photo.blob_key).value());
  EXPECT_TRUE(f.blobs.exists("photos/other.jpg").value());
  EXPECT_EQ(f.rows(), 0);
}

TEST(PhotoLibrary, RemovesOnlyPhotosOlderThanTheCutoffAndADryRunOnlyCounts) {
  LibraryFixture f;
  const auto old_photo = f.library.upload("us_parent", shared_photo("astronaut.png")).value();
  f.clock.advance(std::chrono::hours(24 * 10));
  const auto new_photo = f.library.upload("us_parent", shared_photo("astronaut.jpg")).value();
  const auto cutoff = f.clock.unix_seconds() - 3600;
  EXPECT_EQ(f.library.remove_created_before(cutoff, /*dry_run=*/true).value(), 1);
  EXPECT_EQ(f.rows(), 2);
  EXPECT_EQ(f.library.remove_created_before(cutoff, /*dry_run=*/false).value(), 1);
  EXPECT_EQ(f.library.get("us_parent", old_photo.id).error().code, "photo_not_found");
  EXPECT_FALSE(f.blobs.exists(old_photo.blob_key).value());
  EXPECT_TRUE(f.library.get("us_parent", new_photo.id).has_value());
  EXPECT_TRUE(f.blobs.exists(new_photo.blob_key).value());
}

TEST(PhotoLibrary, ErasingAnOwnersPhotosLeavesOtherOwnersAlone) {
  LibraryFixture f;
  const auto mine = f.library.upload("us_parent", shared_photo("astronaut.png")).value();
  const auto theirs = f.library.upload("us_other", shared_photo("astronaut.png")).value();
  auto conn = f.t.db->acquire().value();
  EXPECT_EQ(f.library.erase_owned(*conn, "us_parent").value(), 1);
  EXPECT_FALSE(f.blobs.exists(mine.blob_key).value());
  EXPECT_TRUE(f.blobs.exists(theirs.blob_key).value());
  EXPECT_EQ(photos::photos_of(*conn, "us_other").value().size(), 1u);
  EXPECT_EQ(photos::photos_of(*conn, "us_parent").value().size(), 0u);
}
