// Test fixture: the real queue, pipeline, service and file blob store over a temp SQLite
// database, with the test ports. `drain()` runs due jobs on the calling thread (deterministic);
// tests that want real concurrency start `pool` instead.
#pragma once

#include <filesystem>

#include "blob/file_store.hpp"
#include "books/book_service.hpp"
#include "books/cleanup.hpp"
#include "books/pipeline.hpp"
#include "jobs/worker_pool.hpp"
#include "temp_database.hpp"
#include "test_ports.hpp"

namespace storyloom::test_support {

struct BookFixture {
  TempDatabase t;
  core::ManualClock clock;
  blob::UrlSigner signer{"secret", clock};
  blob::FileStore blobs{t.dir / "blobs", signer};
  TestStoryWriter writer;
  TestIllustrator illustrator;
  TestPersonalizer personalizer;
  TestPageArt page_art;
  TestPdf pdf;
  TestDelivery delivery;
  TestLedger ledger;
  TestPhotos photos;
  books::BookRules rules;
  books::Pipeline pipeline{{&writer, &illustrator, &personalizer, &page_art, &pdf, &delivery, &ledger, &photos},
                           rules,
                           clock,
                           {.max_attempts = 3, .base_delay = std::chrono::seconds{0}}};
  jobs::HandlerRegistry registry;
  std::unique_ptr<jobs::Queue> queue;
  std::unique_ptr<books::BookService> service;

  BookFixture() {
    pipeline.register_steps(registry);
    queue = std::make_unique<jobs::Queue>(t.db, clock, registry.policies());
    service = std::make_unique<books::BookService>(t.db, blobs, *queue, clock, rules, &ledger);
    exec(TestLedger::kSchema);
  }

  void exec(const std::string& sql) {
    auto r = t.db->acquire().value()->execute(sql);
    if (!r) throw std::runtime_error(r.error().message);
  }
  void grant_credits(const std::string& owner, int n) {
    for (int i = 0; i < n; ++i)
      exec(fmt::format("INSERT INTO test_ledger VALUES ('{}', 'grant-{}', 'grant', 1)", owner, i));
  }
  std::int64_t balance(const std::string& owner) {
    return t.count(fmt::format("SELECT CAST(COALESCE(SUM(delta), 0) AS BIGINT) AS n FROM test_ledger WHERE owner = '{}'", owner));
  }

  books::Book start(const std::string& owner = "us_parent", bool charge = false) {
    auto book = service->start_book({.owner_id = owner,
                                     .child = {{"name", "Emma"}, {"age", 6}, {"pronouns", "she"}},
                                     .photo_id = "ph_emma",
                                     .theme = "enchanted-forest",
                                     .style = "watercolour",
                                     .seed = 42,
                                     .charge_credit = charge});
    if (!book) throw std::runtime_error(book.error().message);
    return *book;
  }

  // Runs due jobs as `owner` until none is due; answers how many ran.
  int drain(const std::string& owner = "tester") {
    jobs::WorkerPool runner(*queue, registry, blobs, {.workers = 0, .lease = std::chrono::seconds{60}});
    int n = 0;
    while (runner.run_one(owner).value()) ++n;
    return n;
  }

  books::Book book(const std::string& id, const std::string& owner = "us_parent") {
    return service->get(owner, id).value();
  }
  std::vector<books::Page> pages(const std::string& id) { return service->pages("us_parent", id).value(); }
  std::string blob(const std::string& key) { return blobs.get(key).value(); }
  int files_under(const std::string& prefix) {
    const auto dir = t.dir / "blobs" / prefix;
    if (!std::filesystem::exists(dir)) return 0;
    int n = 0;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) n += e.is_regular_file() ? 1 : 0;
    return n;
  }
};

}  // namespace storyloom::test_support
