#include <gtest/gtest.h>

#include <thread>

#include "book_fixture.hpp"
#include "books/steps.hpp"
#include "jobs/generation_log.hpp"

using namespace storyloom;
using namespace std::chrono_literals;
using test_support::BookFixture;

TEST(BookPipeline, MakesAPreviewWithFiveWatermarkedPagesAndFiveLockedOnes) {
  BookFixture f;
  const auto id = f.start().id;
  EXPECT_EQ(f.book(id).status, core::BookStatus::generating);
  f.drain();
  const auto book = f.book(id);
  ASSERT_EQ(book.status, core::BookStatus::preview_ready) << book.failure_message;
  EXPECT_EQ(book.title, "Emma and the enchanted-forest");
  EXPECT_EQ(book.expires_at, f.clock.unix_seconds() + 7 * 24 * 3600);
  const auto pages = f.pages(id);
  ASSERT_EQ(pages.size(), 10u);
  for (const auto& p : pages) {
    EXPECT_EQ(p.state, books::PageState::personalized);
    EXPECT_EQ(f.blob(p.personalized_image_key), fmt::format("face(base({},{},42))", id, p.number));
    if (p.number <= 5) {
      EXPECT_EQ(f.blob(p.preview_image_key), "wm(" + f.blob(p.personalized_image_key) + ")");
    } else {
      EXPECT_TRUE(p.preview_image_key.empty()) << p.number;
    }
  }
  EXPECT_EQ(f.illustrator.photo_ids, std::set<std::string>{"ph_emma"});  // the hero takes the photo's colouring
  // Nothing watermarked exists for the locked pages: 10 base + 10 personalized + 5 previews.
  EXPECT_EQ(f.files_under("books/" + id + "/pages"), 25);
  EXPECT_EQ(f.blob(book.preview_pdf_key).find("|6:"), std::string::npos);
  EXPECT_NE(f.blob(book.preview_pdf_key).find("|5:wm("), std::string::npos);
  auto conn = f.t.db->acquire().value();
  const auto log = jobs::generation_entries_for(*conn, id).value();
  ASSERT_EQ(log.size(), 22u);  // story + 10 illustrations + 10 faces + preview
  std::map<std::string, int> steps;
  for (const auto& e : log) ++steps[e.step + "/" + e.provider];
  EXPECT_EQ(steps, (std::map<std::string, int>{{"write_story/test-writer", 1}, {"illustrate_page/test-art", 10},
                                               {"personalize_page/test-face", 10}, {"assemble_preview/", 1}}));
  const auto progress = f.service->progress(book).value();
  EXPECT_EQ(progress.percent, 100);
  EXPECT_EQ(progress.pages_completed, 10);
}

TEST(BookPipeline, PagesRunInParallelAcrossWorkers) {
  BookFixture f;
  const auto a = f.start().id;
  const auto b = f.start().id;
  jobs::WorkerPool pool(*f.queue, f.registry, f.blobs, {.workers = 3, .lease = 30s, .idle_wait = 10ms});
  f.queue->set_enqueue_listener([&] { pool.wake(); });
  pool.start();
  const auto until = std::chrono::steady_clock::now() + 20s;
  while (std::chrono::steady_clock::now() < until &&
         (f.book(a).status != core::BookStatus::preview_ready || f.book(b).status != core::BookStatus::preview_ready))
    std::this_thread::sleep_for(20ms);
  pool.stop();
  EXPECT_EQ(f.book(a).status, core::BookStatus::preview_ready);
  EXPECT_EQ(f.book(b).status, core::BookStatus::preview_ready);
  EXPECT_EQ(f.t.count("SELECT COUNT(*) AS n FROM jobs WHERE kind = 'assemble_preview'"), 2);
  EXPECT_EQ(f.illustrator.plan.total_calls(), 20);
  EXPECT_EQ(f.personalizer.plan.total_calls(), 20);
}

TEST(BookPipeline, RunningAStepAgainWritesNothingNew) {
  BookFixture f;
  const auto id = f.start().id;
  const std::vector<std::string> story{"write_story"};
  auto job = f.queue->claim("w", story, 60s).value().value();
  jobs::JobContext ctx{*f.t.db, f.blobs, f.clock, *f.queue, job, std::atomic<bool>{false}};
  ASSERT_TRUE(f.pipeline.write_story(job.payload, ctx));
  ASSERT_TRUE(f.pipeline.write_story(job.payload, ctx));  // as after a crash before "succeeded"
  EXPECT_EQ(f.writer.plan.total_calls(), 1);
  EXPECT_EQ(f.t.count("SELECT COUNT(*) AS n FROM book_pages"), 10);
  EXPECT_EQ(f.t.count("SELECT COUNT(*) AS n FROM jobs WHERE kind = 'illustrate_page'"), 10);
  EXPECT_EQ(f.t.count("SELECT COUNT(*) AS n FROM generation_log"), 1);
  ASSERT_TRUE(f.queue->complete(job).value());

  const std::vector<std::string> illustrate{"illustrate_page"};
  auto page_job = f.queue->claim("w", illustrate, 60s).value().value();
  jobs::JobContext page_ctx{*f.t.db, f.blobs, f.clock, *f.queue, page_job, std::atomic<bool>{false}};
  ASSERT_TRUE(f.pipeline.illustrate_page(page_job.payload, page_ctx));
  ASSERT_TRUE(f.pipeline.illustrate_page(page_job.payload, page_ctx));
  EXPECT_EQ(f.illustrator.plan.total_calls(), 1);
  EXPECT_EQ(f.t.count("SELECT COUNT(*) AS n FROM jobs WHERE kind = 'personalize_page'"), 1);
  EXPECT_EQ(f.t.count("SELECT COUNT(*) AS n FROM generation_log"), 2);
  ASSERT_TRUE(f.queue->complete(page_job).value());
  f.drain();
  EXPECT_EQ(f.book(id).status, core::BookStatus::preview_ready);
  EXPECT_EQ(f.illustrator.plan.total_calls(), 10);
}

TEST(BookPipeline, PersonalizationFailureFallsBackToTheBaseImageAndSaysSo) {
  BookFixture f;
  f.personalizer.plan.remaining[2] = -1;
  const auto id = f.start().id;
  f.drain();
  ASSERT_EQ(f.book(id).status, core::BookStatus::preview_ready);
  const auto page = f.pages(id)[1];
  EXPECT_TRUE(page.fell_back);
  EXPECT_EQ(page.fell_back_reason, "page 2 failed on purpose");
  EXPECT_EQ(f.blob(page.personalized_image_key), f.blob(page.base_image_key));
  EXPECT_EQ(f.t.count("SELECT COUNT(*) AS n FROM generation_log WHERE outcome = 'fell_back' AND page = 2"), 1);
  EXPECT_FALSE(f.pages(id)[0].fell_back);
}

TEST(BookPipeline, AStepThatFailsTwiceThenSucceedsFinishesTheBook) {
  BookFixture f;
  f.illustrator.plan.remaining[4] = 2;
  const auto id = f.start().id;
  f.drain();
  EXPECT_EQ(f.book(id).status, core::BookStatus::preview_ready);
  EXPECT_EQ(f.illustrator.plan.calls_for(4), 3);
  auto job = f.queue->find_by_dedupe_key(fmt::format("illustrate_page:{}:r0:p4:g0", id)).value().value();
  EXPECT_EQ(job.state, jobs::JobState::succeeded);
  EXPECT_EQ(job.attempts, 3);
}

TEST(BookPipeline, AStepThatAlwaysFailsFailsTheBookAndRefundsItsCreditOnce) {
  BookFixture f;
  f.grant_credits("us_parent", 1);
  f.illustrator.plan.remaining[7] = -1;
  const auto id = f.start("us_parent", true).id;
  EXPECT_EQ(f.balance("us_parent"), 0);
  f.drain();
  auto book = f.book(id);
  ASSERT_EQ(book.status, core::BookStatus::failed);
  EXPECT_EQ(book.failure_code, "provider_down");
  EXPECT_EQ(book.credit_state, books::CreditState::refunded);
  EXPECT_EQ(f.balance("us_parent"), 1);
  EXPECT_EQ(f.illustrator.plan.calls_for(7), 3);
  EXPECT_EQ(f.t.count("SELECT COUNT(*) AS n FROM test_ledger WHERE kind = 'refund'"), 1);
  EXPECT_EQ(f.service->progress(book).value().current_step, "Something went wrong");

  // The parent retries once the provider is back: a new run, charged again, finishing the book.
  f.illustrator.plan.remaining[7] = 0;
  book = f.service->retry("us_parent", id).value();
  EXPECT_EQ(book.status, core::BookStatus::generating);
  EXPECT_EQ(book.retries_used, 1);
  EXPECT_EQ(f.balance("us_parent"), 0);
  f.drain();
  EXPECT_EQ(f.book(id).status, core::BookStatus::preview_ready);
  EXPECT_EQ(f.writer.plan.total_calls(), 1);       // the story was kept
  EXPECT_EQ(f.illustrator.plan.calls_for(3), 1);   // finished pages were kept
}

TEST(BookPipeline, AJobOfAKilledWorkerIsPickedUpAfterItsLeaseAndTheBookHasExactlyItsPages) {
  BookFixture f;
  const auto id = f.start().id;
  f.drain();  // pretend nothing happened yet: restart from a fresh book instead
  const auto second = f.start().id;
  const std::vector<std::string> story{"write_story"};
  auto story_job = f.queue->claim("killed", story, 60s).value().value();  // its worker dies here
  EXPECT_EQ(f.drain("survivor"), 0);
  EXPECT_EQ(f.book(second).status, core::BookStatus::generating);
  f.clock.advance(61s);
  f.drain("survivor");
  EXPECT_EQ(f.book(second).status, core::BookStatus::preview_ready);
  EXPECT_EQ(f.pages(second).size(), 10u);
  EXPECT_EQ(f.queue->find(story_job.id).value()->attempts, 2);
  EXPECT_EQ(f.t.count(fmt::format("SELECT COUNT(*) AS n FROM generation_log WHERE subject_id = '{}'", second)), 22);
  EXPECT_EQ(f.book(id).status, core::BookStatus::preview_ready);
}

TEST(BookPipeline, AfterPaymentTheFullBookIsRenderedBoundAndDeliveredOnce) {
  BookFixture f;
  const auto id = f.start().id;
  f.drain();
  {
    auto conn = f.t.db->acquire().value();
    ASSERT_TRUE(f.service->confirm_payment(*conn, id));
    ASSERT_TRUE(f.service->confirm_payment(*conn, id));  // a replayed webhook
  }
  EXPECT_EQ(f.book(id).status, core::BookStatus::paid);
  EXPECT_FALSE(f.book(id).expires_at.has_value());
  f.drain();
  const auto book = f.book(id);
  ASSERT_EQ(book.status, core::BookStatus::ready) << book.failure_message;
  for (const auto& p : f.pages(id))
    EXPECT_EQ(f.blob(p.final_image_key), "final(" + f.blob(p.personalized_image_key) + ")");
  const auto pdf = f.blob(book.print_pdf_key);
  EXPECT_NE(pdf.find("|10:final("), std::string::npos);
  EXPECT_EQ(pdf.find("wm("), std::string::npos);
  EXPECT_EQ(f.blob(books::steps::cover_pdf_key(book)), "cover(" + id + ")");  // beside the interior
  EXPECT_EQ(f.delivery.delivered, std::vector<std::string>{id});
  EXPECT_EQ(f.photos.deleted.count("ph_emma"), 1u);
  EXPECT_TRUE(book.photo_released);
  EXPECT_EQ(f.service->progress(book).value().percent, 100);
}

TEST(BookPipeline, ProgressFollowsTheFinishedSteps) {
  BookFixture f;
  const auto id = f.start().id;
  auto p = f.service->progress(f.book(id)).value();
  EXPECT_EQ(p.percent, 0);
  EXPECT_EQ(p.current_step, "Writing Emma's story");
  EXPECT_EQ(p.pages_total, 10);
  EXPECT_FALSE(p.eta_seconds.has_value());  // no history yet
  jobs::WorkerPool runner(*f.queue, f.registry, f.blobs, {.workers = 0});
  ASSERT_TRUE(runner.run_one("w").value());   // write_story
  ASSERT_TRUE(runner.run_one("w").value());   // illustrate page 1
  p = f.service->progress(f.book(id)).value();
  EXPECT_EQ(p.current_step, "Illustrating page 2 of 10");
  EXPECT_EQ(p.percent, 2 * 100 / 22);
  EXPECT_EQ(p.pages_completed, 0);
  f.drain();
  EXPECT_EQ(f.service->progress(f.book(id)).value().current_step, "Your preview is ready");
}
