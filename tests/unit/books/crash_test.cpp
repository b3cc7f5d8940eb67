// kill -9 in the middle of a book: a child process (this test binary, re-executed) runs the
// workers on a temp database until it is killed without warning; then this process starts its
// own workers on the same database and the book must finish with exactly its pages and one
// credit charged. SQLite only (the child opens the database file).
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <thread>

#include "blob/file_store.hpp"
#include "books/book_service.hpp"
#include "books/pipeline.hpp"
#include "jobs/worker_pool.hpp"
#include "temp_database.hpp"
#include "test_ports.hpp"

using namespace storyloom;
using namespace std::chrono_literals;

namespace {

// Everything a worker process needs, on the system clock, over the database file in `dir`.
struct WorkerSide {
  std::shared_ptr<sql::Database> db;
  blob::UrlSigner signer{"secret", core::system_clock()};
  blob::FileStore blobs;
  test_support::TestStoryWriter writer;
  test_support::SlowIllustrator illustrator{std::chrono::milliseconds(150)};
  test_support::TestPersonalizer personalizer;
  test_support::TestPageArt page_art;
  test_support::TestPdf pdf;
  test_support::TestLedger ledger;
  books::Pipeline pipeline;
  jobs::HandlerRegistry registry;
  std::unique_ptr<jobs::Queue> queue;

  explicit WorkerSide(const std::filesystem::path& dir)
      : db(sql::open_database((dir / "test.db").string()).value()),
        blobs(dir / "blobs", signer),
        pipeline({&writer, &illustrator, &personalizer, &page_art, &pdf, nullptr, &ledger, nullptr}, {},
                 core::system_clock(), {.max_attempts = 5, .base_delay = 0s}) {
    pipeline.register_steps(registry);
    queue = std::make_unique<jobs::Queue>(db, core::system_clock(), registry.policies());
  }
  jobs::WorkerPool pool() {
    return jobs::WorkerPool(*queue, registry, blobs, {.workers = 2, .lease = 2s, .idle_wait = 20ms});
  }
};

bool on_postgres() {
  const char* b = std::getenv("STORYLOOM_TEST_DB");
  return b && std::string(b) == "postgres";
}

}  // namespace

TEST(CrashChild, RunsWorkersUntilKilled) {
  const char* dir = std::getenv("STORYLOOM_CRASH_CHILD_DIR");
  if (!dir) GTEST_SKIP() << "only run as the child of BookCrash";
  WorkerSide side(dir);
  auto pool = side.pool();
  pool.start();
  std::this_thread::sleep_for(120s);  // killed long before this
  std::_Exit(3);
}

TEST(BookCrash, KillNineMidBookThenRestartFinishesWithExactlyItsPagesAndOneCredit) {
  if (on_postgres()) GTEST_SKIP() << "the child process opens the SQLite file";
  test_support::TempDatabase t;
  WorkerSide side(t.dir);
  ASSERT_TRUE(side.db->acquire().value()->execute(test_support::TestLedger::kSchema));
  ASSERT_TRUE(side.db->acquire().value()->execute("INSERT INTO test_ledger VALUES ('us_p', 'grant', 'grant', 1)"));
  books::BookService service(side.db, side.blobs, *side.queue, core::system_clock(), {}, &side.ledger);
  const auto id = service
                      .start_book({.owner_id = "us_p", .child = {{"name", "Emma"}, {"age", 6}}, .photo_id = "ph",
                                   .theme = "forest", .style = "watercolour", .seed = 7, .charge_credit = true})
                      ->id;

  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    ::setenv("STORYLOOM_CRASH_CHILD_DIR", t.dir.c_str(), 1);
    ::execl("/proc/self/exe", "unit_books", "--gtest_filter=CrashChild.*", static_cast<char*>(nullptr));
    std::_Exit(127);
  }
  const auto illustrated = [&] {
    return t.count(fmt::format("SELECT COUNT(*) AS n FROM book_pages WHERE book_id = '{}' AND state <> 'written'", id));
  };
  const auto until = std::chrono::steady_clock::now() + 30s;
  while (illustrated() < 4 && std::chrono::steady_clock::now() < until) std::this_thread::sleep_for(20ms);
  ASSERT_EQ(::kill(child, SIGKILL), 0);
  int status = 0;
  ::waitpid(child, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the child ended by itself: " << status;
  EXPECT_EQ(service.get("us_p", id)->status, core::BookStatus::generating);
  EXPECT_GT(t.count("SELECT COUNT(*) AS n FROM jobs WHERE state = 'running'"), 0);  // leases of the dead

  auto pool = side.pool();  // "restart"
  pool.start();
  const auto deadline = std::chrono::steady_clock::now() + 30s;
  while (service.get("us_p", id)->status == core::BookStatus::generating && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(50ms);
  pool.stop();

  const auto book = service.get("us_p", id).value();
  ASSERT_EQ(book.status, core::BookStatus::preview_ready) << book.failure_message;
  const auto pages = service.pages("us_p", id).value();
  ASSERT_EQ(pages.size(), 10u);
  for (const auto& p : pages) EXPECT_EQ(p.state, books::PageState::personalized) << p.number;
  EXPECT_EQ(t.count(fmt::format("SELECT COUNT(*) AS n FROM generation_log WHERE subject_id = '{}' AND "
                                "step = 'illustrate_page'", id)),
            10);
  EXPECT_EQ(t.count("SELECT COUNT(*) AS n FROM test_ledger WHERE kind = 'charge'"), 1);
  EXPECT_EQ(t.count("SELECT COUNT(*) AS n FROM test_ledger WHERE kind = 'refund'"), 0);
  // Exactly the book's files: 10 base + 10 personalized + 5 previews (+ the preview PDF).
  int files = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(t.dir / "blobs" / "books" / id / "pages"))
    files += e.is_regular_file() && e.path().filename().string().front() != '.' ? 1 : 0;
  EXPECT_EQ(files, 25);
}
