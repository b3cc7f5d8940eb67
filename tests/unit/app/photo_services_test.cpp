// The photos part of the composition root: the cleanup hook, the books::PhotoPort adapter and
// the photo check of POST /api/books, over a real library.
#include <gtest/gtest.h>

#include "../photos/library_fixture.hpp"
#include "app/photo_services.hpp"

using namespace storyloom;
using test_support::LibraryFixture;
using test_support::shared_photo;

TEST(PhotoCleanupHook, RemovesPhotosOlderThanTheTtlAndADryRunOnlyCounts) {
  LibraryFixture f;
  const auto old_photo = f.library.upload("us_parent", shared_photo("astronaut.png")).value();
  f.clock.advance(std::chrono::hours(24 * 31));
  const auto fresh = f.library.upload("us_parent", shared_photo("astronaut.png")).value();
  const auto hook = app::photo_cleanup_hook(f.library);
  EXPECT_EQ(hook.name, "photos_expired");
  const books::CleanupPolicy policy{.photo_ttl = std::chrono::hours(24 * 30)};
  EXPECT_EQ(hook.run(f.clock.unix_seconds(), policy, /*dry_run=*/true).value(), 1);
  EXPECT_EQ(f.rows(), 2);
  EXPECT_EQ(hook.run(f.clock.unix_seconds(), policy, /*dry_run=*/false).value(), 1);
  EXPECT_FALSE(f.blobs.exists(old_photo.blob_key).value());
  EXPECT_TRUE(f.blobs.exists(fresh.blob_key).value());
}

TEST(LibraryPhotoPort, DeletesAPhotoWhoeverOwnsItAndAcceptsAbsentOnes) {
  LibraryFixture f;
  const auto photo = f.library.upload("us_parent", shared_photo("astronaut.png")).value();
  app::LibraryPhotoPort port(f.library);
  EXPECT_TRUE(port.delete_photo(photo.id).has_value());
  EXPECT_TRUE(port.delete_photo(photo.id).has_value());
  EXPECT_EQ(f.rows(), 0);
  EXPECT_FALSE(f.blobs.exists(photo.blob_key).value());
}

TEST(OwnedPhotoCheck, AcceptsOnlyTheCallersOwnPhoto) {
  LibraryFixture f;
  const auto photo = f.library.upload("us_parent", shared_photo("astronaut.png")).value();
  const auto check = app::owned_photo_check(f.library);
  EXPECT_TRUE(check("us_parent", photo.id).has_value());
  const auto foreign = check("us_stranger", photo.id);
  ASSERT_FALSE(foreign.has_value());
  EXPECT_EQ(foreign.error().code, "photo_not_found");
  EXPECT_EQ(foreign.error().details["field"], "photo_id");
  EXPECT_EQ(check("us_parent", "ph_aaaaaaaaaaaaaaaaaaaa").error().code, "photo_not_found");
}
