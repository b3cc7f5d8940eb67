// Replays tests/data/webhooks/*.json — deliveries signed by the providers' own SDKs
// (tests/integration/node/make-webhook-fixtures.mjs) — through the real intake and processor
// against a real SQLite database, and checks each file's expected outcomes.
#include <gtest/gtest.h>

#include <fstream>

#include <nlohmann/json.hpp>

#include "commerce/order_store.hpp"
#include "commerce/shopify_provider.hpp"
#include "commerce/shopify_signature.hpp"
#include "commerce/stripe_provider.hpp"
#include "commerce/webhook_intake.hpp"
#include "commerce/webhook_processor.hpp"
#include "commerce_test_support.hpp"

using namespace storyloom;
using namespace storyloom::commerce;
using nlohmann::json;

namespace {

const std::filesystem::path kFixtures = std::filesystem::path(STORYLOOM_SOURCE_DIR) / "tests/data/webhooks";

std::vector<std::string> fixture_names() {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(kFixtures))
    if (entry.path().extension() == ".json") names.push_back(entry.path().stem().string());
  std::sort(names.begin(), names.end());
  return names;
}

json read_fixture(const std::string& name) {
  std::ifstream in(kFixtures / (name + ".json"));
  return json::parse(in);
}

class NoHttp final : public HttpPort {
 public:
  core::Result<HttpPortResponse> post(std::string_view, const std::vector<std::pair<std::string, std::string>>&,
                                      std::string_view) override {
    return core::fail(core::ErrorKind::unavailable, "net_failed", "no network in this test");
  }
};

void seed_order(test::World& w, const json& f) {
  const json& o = f["order"];
  const bool exists = o["status"] != "none";
  w.add_book(o["book_id"], "usr_fixture", exists ? core::BookStatus::payment_pending : core::BookStatus::preview_ready);
  if (!exists) return;
  Order order;
  order.id = o["id"];
  order.user_id = "usr_fixture";
  order.book_id = o["book_id"];
  order.total = {o["total_minor"].get<std::int64_t>(), o["currency"]};
  order.provider = f["provider"];
  order.provider_ref = f["provider"] == "stripe" ? "cs_test_fixture1" : "";
  order.idempotency_key = "idem_fixture";
  order.created_at = order.updated_at = w.clock.unix_seconds() - 60;
  order.items.push_back({"", "digital-pdf", "digital_pdf", "Digital book", 1, order.total});
  auto c = w.conn();
  ASSERT_TRUE(OrderStore::insert(*c, order));
  ASSERT_TRUE(OrderStore::transition(*c, order.id, OrderStatus::pending, OrderStatus::payment_pending, "checkout",
                                     order.created_at).value());
}

WebhookRequest request_of(const json& d) {
  WebhookRequest r;
  r.body = d["body"].get<std::string>();
  for (const auto& [k, v] : d["headers"].items()) r.headers.emplace_back(k, v.get<std::string>());
  r.ip = "203.0.113.9";
  return r;
}

// The provider's event id: Stripe's is the body's `id`, Shopify's a header.
std::string event_id_of(const json& delivery) {
  for (const auto& [k, v] : delivery["headers"].items())
    if (k == "X-Shopify-Event-Id" || k == "shopify-event-id") return v.get<std::string>();
  return json::parse(delivery["body"].get<std::string>()).value("id", std::string());
}

std::int64_t count(test::World& w, const std::string& sql) {
  auto c = w.conn();
  return c->query_one(sql).value()->integer("n");
}

class WebhookFixture : public ::testing::TestWithParam<std::string> {};

}  // namespace

TEST(WebhookFixtures, FolderHoldsEveryRequiredCase) {
  const auto names = fixture_names();
  for (const char* needed : {"stripe-valid", "stripe-tampered-body", "stripe-wrong-secret", "stripe-stale-timestamp",
                             "stripe-future-timestamp", "stripe-duplicate", "stripe-late-failure", "stripe-unknown-type",
                             "shopify-valid", "shopify-duplicate", "shopify-tampered-body", "shopify-app-proxy-valid"})
    EXPECT_NE(std::find(names.begin(), names.end(), needed), names.end()) << needed;
}

TEST_P(WebhookFixture, ReplaysToTheExpectedOutcome) {
  const json f = read_fixture(GetParam());
  SCOPED_TRACE(f.value("description", GetParam()));
  if (f.value("kind", "") == "app_proxy") {
    const bool valid = verify_shopify_app_proxy(f["query"].get<std::string>(), f["secret"].get<std::string>(),
                                                f["now"].get<std::int64_t>())
                           .has_value();
    EXPECT_EQ(valid, f["expect"] == "valid");
    return;
  }
  test::World w;
  w.clock.set_unix_seconds(f["now"].get<std::int64_t>());
  seed_order(w, f);
  NoHttp http;
  PaymentProviders providers;
  providers.add(std::make_unique<StripeProvider>(StripeConfig{"", f["secret"], "http://127.0.0.1:9"}, http, w.clock));
  providers.add(std::make_unique<ShopifyProvider>(ShopifyConfig{f["secret"], "", {}}));
  WebhookIntake intake(w.db, providers, w.jobs, w.clock);
  WebhookProcessor processor(w.db, w.books, w.jobs, *w.blobs, w.clock);

  int accepted = 0, rejected = 0;
  for (const auto& d : f["deliveries"]) {
    auto outcome = intake.accept(f["provider"].get<std::string>(), request_of(d));
    const std::string expect = d["expect"];
    if (expect == "rejected") {
      ASSERT_FALSE(outcome) << "delivery should have been rejected";
      EXPECT_EQ(outcome.error().code, "webhook_signature_invalid");
      ++rejected;
      continue;
    }
    ASSERT_TRUE(outcome) << outcome.error().code << ": " << outcome.error().details.dump();
    EXPECT_EQ(outcome->duplicate, expect == "duplicate");
    if (d.contains("expect_type")) {
      EXPECT_EQ(to_string(outcome->event.type), d["expect_type"].get<std::string>());
    }
    if (!outcome->duplicate) {
      ++accepted;
      ASSERT_TRUE(processor.process(outcome->webhook_event_id));  // the job the intake enqueued
    }
  }

  EXPECT_EQ(count(w, "SELECT COUNT(*) AS n FROM webhook_events"), accepted);
  EXPECT_EQ(count(w, "SELECT COUNT(*) AS n FROM test_jobs WHERE kind = 'process_webhook'"), accepted);
  EXPECT_EQ(count(w, "SELECT COUNT(*) AS n FROM audit_log WHERE event = 'webhook_rejected'"), rejected);
  const std::string book_id = f["order"]["book_id"];
  auto c = w.conn();
  auto orders = c->query("SELECT id FROM orders WHERE book_id = $1", {book_id}).value();
  ASSERT_EQ(static_cast<int>(orders.size()), f.value("expect_order_count", 1));
  auto order = OrderStore::find(*c, orders.front().text("id")).value();
  EXPECT_EQ(to_string(order->status), f["expect_order_status"].get<std::string>());
  EXPECT_EQ(w.book_status(book_id), f["expect_book_status"].get<std::string>());
  if (f.contains("expect_history")) {
    std::vector<std::string> history;
    for (const auto& h : order->history) history.emplace_back(to_string(h.status));
    std::vector<std::string> expected = f["expect_history"];
    expected.front() = "pending";  // the fixture's "created" is the order's first state
    EXPECT_EQ(history, expected);
  }
  // Paid exactly once: one finalize job however often the payment was replayed.
  const bool paid_once =
      f.value("expect_paid", f["expect_order_status"] == "paid" || f["expect_order_status"] == "refunded");
  EXPECT_EQ(count(w, "SELECT COUNT(*) AS n FROM test_jobs WHERE kind = 'render_final_pages'"), paid_once ? 1 : 0);
  // Each event's outcome once all were processed (an event that waited for its payment included).
  for (const auto& d : f["deliveries"]) {
    if (!d.contains("expect_outcome")) continue;
    const std::string event_id = event_id_of(d);
    auto row = c->query_one("SELECT outcome FROM webhook_events WHERE event_id = $1", {event_id}).value();
    ASSERT_TRUE(row) << event_id;
    EXPECT_EQ(row->optional_text("outcome").value_or(""), d["expect_outcome"].get<std::string>()) << event_id;
  }
}

INSTANTIATE_TEST_SUITE_P(Files, WebhookFixture, ::testing::ValuesIn(fixture_names()),
                         [](const auto& info) {
                           std::string n = info.param;
                           std::replace(n.begin(), n.end(), '-', '_');
                           return n;
                         });
