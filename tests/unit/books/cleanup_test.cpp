#include <gtest/gtest.h>

#include "book_fixture.hpp"

using namespace storyloom;
using namespace std::chrono_literals;
using test_support::BookFixture;

namespace {
books::Cleanup make_cleanup(BookFixture& f, std::vector<books::CleanupHook> hooks = {}) {
  return books::Cleanup(f.t.db, f.blobs, *f.queue, f.clock, {}, &f.photos, std::move(hooks));
}
}  // namespace

TEST(Cleanup, ExpiresUnboughtPreviewsAfterSevenDaysAndRemovesTheirImages) {
  BookFixture f;
  const auto unbought = f.start().id;
  const auto bought = f.start().id;
  f.drain();
  {
    auto conn = f.t.db->acquire().value();
    ASSERT_TRUE(f.service->confirm_payment(*conn, bought));
  }
  auto cleanup = make_cleanup(f);
  f.clock.advance(std::chrono::hours(24 * 7) - 1s);
  EXPECT_TRUE(cleanup.run(true).value().expired_books.empty());
  f.clock.advance(1s);

  const auto dry = cleanup.run(true).value();
  EXPECT_EQ(dry.expired_books, std::vector<std::string>{unbought});
  EXPECT_EQ(f.book(unbought).status, core::BookStatus::preview_ready);
  EXPECT_GT(f.files_under("books/" + unbought), 0);

  const auto done = cleanup.run(false).value();
  EXPECT_EQ(done.expired_books, std::vector<std::string>{unbought});
  EXPECT_EQ(f.book(unbought).status, core::BookStatus::expired);
  EXPECT_EQ(f.files_under("books/" + unbought), 0);
  EXPECT_TRUE(f.pages(unbought)[0].preview_image_key.empty());
  EXPECT_EQ(f.book(bought).status, core::BookStatus::paid);
  EXPECT_GT(f.files_under("books/" + bought), 0);
  EXPECT_TRUE(cleanup.run(false).value().expired_books.empty());
}

TEST(Cleanup, ReleasesPhotosOfFinishedBooksPurgesOldJobsAndRunsHooks) {
  BookFixture f;
  const auto id = f.start().id;
  f.drain();
  {
    auto conn = f.t.db->acquire().value();
    ASSERT_TRUE(f.service->confirm_payment(*conn, id));
    // Pretend the photo release at delivery did not happen (e.g. the photo service was down).
  }
  f.drain();
  f.photos.deleted.clear();
  f.exec("UPDATE books SET photo_released = 0");
  std::vector<std::pair<std::int64_t, bool>> hook_calls;
  auto cleanup = make_cleanup(f, {{"photos_expired", [&](std::int64_t now, const books::CleanupPolicy& p, bool dry) {
                                     hook_calls.emplace_back(now - p.photo_ttl.count(), dry);
                                     return core::Result<std::int64_t>{4};
                                   }}});
  const auto jobs_before = f.t.count("SELECT COUNT(*) AS n FROM jobs");
  f.clock.advance(std::chrono::hours(24 * 15));
  const auto dry = cleanup.run(true).value();
  EXPECT_EQ(dry.released_photos, std::vector<std::string>{"ph_emma"});
  EXPECT_EQ(dry.purged_jobs, jobs_before);
  EXPECT_TRUE(f.photos.deleted.empty());
  EXPECT_EQ(f.t.count("SELECT COUNT(*) AS n FROM jobs"), jobs_before);
  EXPECT_EQ(dry.to_json()["hooks"]["photos_expired"], 4);

  const auto done = cleanup.run(false).value();
  EXPECT_EQ(f.photos.deleted.count("ph_emma"), 1u);
  EXPECT_EQ(f.t.count("SELECT COUNT(*) AS n FROM jobs"), 0);
  EXPECT_TRUE(cleanup.run(false).value().released_photos.empty());
  ASSERT_EQ(hook_calls.size(), 3u);
  EXPECT_EQ(hook_calls[0].first, f.clock.unix_seconds() - 30 * 24 * 3600);
  EXPECT_TRUE(hook_calls[0].second);
  EXPECT_FALSE(hook_calls[1].second);
}

TEST(Cleanup, RunsAsAJobThatSchedulesItsNextRun) {
  BookFixture f;
  auto cleanup = make_cleanup(f);
  cleanup.register_job(f.registry);
  ASSERT_TRUE(cleanup.schedule().value());
  EXPECT_FALSE(cleanup.schedule().value());  // once per interval
  EXPECT_EQ(f.drain(), 1);
  EXPECT_EQ(f.drain(), 0);  // the next one is an hour away
  f.clock.advance(3600s);
  EXPECT_EQ(f.drain(), 1);
  EXPECT_EQ(f.t.count("SELECT COUNT(*) AS n FROM jobs WHERE kind = 'cleanup' AND state = 'queued'"), 1);
}
