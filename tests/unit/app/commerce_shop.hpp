// Test fixture: commerce wired exactly as the composition root wires it (build_commerce, then
// build_generation with commerce's delivery port and its process_webhook kind), over a migrated
// temp database, a file blob store and the real outbox mailer. The pipeline's making ports are
// the books tests' recognisable-bytes stand-ins; everything commerce touches is real.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "../books/temp_database.hpp"
#include "../books/test_ports.hpp"
#include "accounts/outbox_mailer.hpp"
#include "app/commerce_services.hpp"
#include "app/config.hpp"
#include "app/generation.hpp"
#include "app/settings_registry.hpp"
#include "blob/file_store.hpp"
#include "books/book_store.hpp"
#include "commerce/order_store.hpp"
#include "jobs/worker_pool.hpp"

namespace storyloom::app::test {

inline const std::string kDemoSecret(64, 'd');

inline Config shop_config(const std::filesystem::path& data_dir) {
  const std::string source = STORYLOOM_SOURCE_DIR;
  SettingsInput input{.env = [](std::string_view) { return std::optional<std::string>{}; },
                      .overrides = {{"data.dir", data_dir.string()},
                                    {"payments.demo_secret", kDemoSecret},
                                    {"payments.products_file", source + "/catalog/products.json"},
                                    {"payments.mail_template", source + "/catalog/mail/book-delivered.json"},
                                    {"http.public_base_url", "https://shop.example"}}};
  auto settings = load_settings(settings_registry(), input);
  if (!settings) throw std::runtime_error(settings.error().message);
  return make_config(*settings);
}

struct Shop {
  test_support::TempDatabase t;
  core::ManualClock clock{1'763'980'000};
  blob::UrlSigner signer{"secret", clock};
  blob::FileStore blobs{t.dir / "blobs", signer};
  accounts::OutboxMailer mailer{t.dir / "outbox", clock};
  accounts::PersonalDataRegistry personal_data;
  test_support::TestStoryWriter writer;
  test_support::TestIllustrator illustrator;
  test_support::TestPersonalizer personalizer;
  test_support::TestPageArt page_art;
  test_support::TestPdf pdf;
  Config config = shop_config(t.dir);
  std::unique_ptr<CommerceServices> commerce;
  books::PipelinePorts ports;
  std::unique_ptr<Generation> generation;

  Shop() {
    commerce = build_commerce(config, t.db, blobs, mailer, personal_data, clock).value();
    ports = {&writer, &illustrator, &personalizer, &page_art, &pdf, commerce->delivery_port.get(), nullptr, nullptr};
    GenerationOptions options;
    options.workers = 0;
    options.step_policy = {.max_attempts = 3, .base_delay = std::chrono::seconds{0}};
    generation = build_generation(t.db, blobs, clock, options, &ports, {},
                                  [this](Generation& g) { commerce->connect(g); });
  }

  // Runs due jobs on this thread until none is due; answers how many ran.
  int drain(const std::string& owner = "tester") {
    jobs::WorkerPool runner(*generation->queue, generation->registry, blobs, {.workers = 0});
    int n = 0;
    while (runner.run_one(owner).value()) ++n;
    return n;
  }

  // A book made by the pipeline up to its watermarked preview.
  std::string previewed_book(const std::string& owner = "us_parent") {
    auto book = generation->books->start_book({.owner_id = owner,
                                              .child = {{"name", "Emma"}, {"age", 6}, {"pronouns", "she"}},
                                              .theme = "enchanted-forest", .style = "storybook", .seed = 7});
    if (!book) throw std::runtime_error(book.error().message);
    drain();
    EXPECT_EQ(book_status(book->id), "preview_ready");
    return book->id;
  }

  commerce::Order checkout(const std::string& book_id, const std::string& owner = "us_parent") {
    auto started = commerce->checkout->start(
        {owner, book_id, "digital-pdf", "", std::nullopt, "parent@example.com", "", "", "", ""});
    if (!started) throw std::runtime_error(started.error().message);
    return started->order;
  }

  // The demo page's button: the signed webhook, through the same intake as POST /webhooks/demo.
  commerce::IntakeOutcome press(const commerce::Order& order, commerce::DemoOutcome outcome) {
    return commerce->intake->accept("demo", commerce->demo->make_webhook(order, outcome)).value();
  }

  // A previewed book bought through the demo page and finished by the pipeline.
  struct Purchase {
    std::string book;
    commerce::Order order;
  };
  Purchase bought_book() {
    Purchase p{previewed_book(), {}};
    p.order = checkout(p.book);
    press(p.order, commerce::DemoOutcome::pay);
    drain();
    EXPECT_EQ(book_status(p.book), "ready");
    return p;
  }

  std::string book_status(const std::string& id) {
    auto conn = t.db->acquire().value();
    return std::string(core::to_string(books::load_book(*conn, id).value().status));
  }
  commerce::Order order(const std::string& id) {
    auto conn = t.db->acquire().value();
    return commerce::OrderStore::find(*conn, id).value().value();
  }
  std::int64_t count(const std::string& sql) { return t.count(sql); }

  std::vector<std::string> outbox() {
    std::vector<std::string> mails;
    if (!std::filesystem::exists(t.dir / "outbox")) return mails;
    for (const auto& e : std::filesystem::directory_iterator(t.dir / "outbox")) {
      std::ifstream in(e.path(), std::ios::binary);
      std::stringstream text;
      text << in.rdbuf();
      mails.push_back(text.str());
    }
    return mails;
  }
};

}  // namespace storyloom::app::test
