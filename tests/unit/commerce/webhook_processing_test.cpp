// The webhook path end to end through the demo provider, and what survives a crash.
#include <gtest/gtest.h>

#include "commerce/checkout.hpp"
#include "commerce/delivery.hpp"
#include "commerce/demo_provider.hpp"
#include "commerce/order_store.hpp"
#include "commerce/timestamped_signature.hpp"
#include "commerce/webhook_event_store.hpp"
#include "commerce/webhook_intake.hpp"
#include "commerce/webhook_processor.hpp"
#include "commerce_test_support.hpp"

using namespace storyloom;
using namespace storyloom::commerce;

namespace {

struct ShopWorld : test::World {
  ProductCatalog catalog = ProductCatalog::from_json(nlohmann::json::parse(
      R"({"products": [{"id": "digital-pdf", "kind": "digital_pdf", "name": "Digital book", "price": {"minor": 1499, "currency": "USD"}}]})")).value();
  PaymentProviders providers;
  DemoProvider* demo = nullptr;
  CheckoutService checkout{db, catalog, providers, books, clock};
  WebhookIntake intake{db, providers, jobs, clock};
  ShopWorld() {
    auto d = std::make_unique<DemoProvider>(std::string(64, 'd'), clock);
    demo = d.get();
    providers.add(std::move(d));
    add_book("bk_1", "usr_a", core::BookStatus::preview_ready);
  }
  Order buy() {
    return checkout.start({"usr_a", "bk_1", "digital-pdf", "", std::nullopt, "parent@example.com", "", "", "", ""})
        .value()
        .order;
  }
  Order order(const std::string& id) {
    auto c = conn();
    return *OrderStore::find(*c, id).value();
  }
  std::int64_t count(const std::string& sql) {
    auto c = conn();
    return c->query_one(sql).value()->integer("n");
  }
};

// A books adapter whose writes fail: the process dies half-way through a webhook's effects.
class BrokenBooks final : public BookUnlockPort {
 public:
  explicit BrokenBooks(BookUnlockPort& real) : real_(real) {}
  core::Result<std::optional<BookFacts>> find_book(sql::Connection& c, std::string_view id) override {
    return real_.find_book(c, id);
  }
  core::Result<bool> move_book(sql::Connection&, std::string_view, core::BookStatus) override {
    return core::fail(core::ErrorKind::unavailable, "db_gone", "the database went away");
  }

 private:
  BookUnlockPort& real_;
};

}  // namespace

TEST(DemoPurchase, PayUnlocksTheBookExactlyOnce) {
  ShopWorld w;
  const Order o = w.buy();
  WebhookProcessor processor(w.db, w.books, w.jobs, *w.blobs, w.clock);
  for (int i = 0; i < 3; ++i) {  // the buyer presses Pay three times
    auto accepted = w.intake.accept("demo", w.demo->make_webhook(o, DemoOutcome::pay));
    ASSERT_TRUE(accepted) << accepted.error().message;
    EXPECT_EQ(accepted->duplicate, i > 0);
    if (!accepted->duplicate) {
      EXPECT_EQ(processor.process(accepted->webhook_event_id).value(), "applied");
    }
  }
  EXPECT_EQ(w.order(o.id).status, OrderStatus::paid);
  EXPECT_EQ(w.book_status("bk_1"), "paid");
  auto c = w.conn();
  EXPECT_EQ(test::SqlJobs::args(*c, "render_final_pages"), std::vector<std::string>{"bk_1/" + o.id});
}

TEST(DemoPurchase, DeclineThenPayWorksAndALateDeclineDoesNotUnpay) {
  ShopWorld w;
  const Order o = w.buy();
  WebhookProcessor processor(w.db, w.books, w.jobs, *w.blobs, w.clock);
  auto run = [&](DemoOutcome outcome) {
    auto a = w.intake.accept("demo", w.demo->make_webhook(o, outcome)).value();
    return a.duplicate ? std::string("duplicate") : processor.process(a.webhook_event_id).value();
  };
  EXPECT_EQ(run(DemoOutcome::decline), "applied");
  EXPECT_EQ(w.order(o.id).status, OrderStatus::payment_failed);
  EXPECT_EQ(w.book_status("bk_1"), "preview_ready");
  EXPECT_EQ(run(DemoOutcome::pay), "applied");
  EXPECT_EQ(w.order(o.id).status, OrderStatus::paid);
  EXPECT_EQ(w.book_status("bk_1"), "paid");
  // A decline arriving late (re-signed, new event id) finds no edge out of paid.
  auto late = w.demo->make_webhook(o, DemoOutcome::decline);
  late.body.replace(late.body.find("_declined"), 9, "_declined2");
  late.headers[0].second = sign_timestamped(late.body, std::string(64, 'd'), w.clock.unix_seconds());
  auto accepted = w.intake.accept("demo", late).value();
  EXPECT_EQ(processor.process(accepted.webhook_event_id).value(), "no_change");
  EXPECT_EQ(w.order(o.id).status, OrderStatus::paid);
}

TEST(DemoPurchase, APaymentForABookThatExpiredMeanwhileIsPutOnRecordForARefund) {
  ShopWorld w;
  const Order o = w.buy();
  {
    auto c = w.conn();  // the preview expired while the parent was on the provider's page
    ASSERT_TRUE(c->execute("UPDATE test_books SET status = 'expired' WHERE id = 'bk_1'"));
  }
  WebhookProcessor processor(w.db, w.books, w.jobs, *w.blobs, w.clock);
  auto accepted = w.intake.accept("demo", w.demo->make_webhook(o, DemoOutcome::pay)).value();
  EXPECT_EQ(processor.process(accepted.webhook_event_id).value(), "applied");
  EXPECT_EQ(w.order(o.id).status, OrderStatus::paid);  // the money was taken: the order says so
  EXPECT_EQ(w.book_status("bk_1"), "expired");
  EXPECT_EQ(w.count("SELECT COUNT(*) AS n FROM audit_log WHERE event = 'paid_book_not_unlocked'"), 1);
}

TEST(WebhookIntake, ABadSignatureIsAuditedAndStoresNothingElse) {
  ShopWorld w;
  const Order o = w.buy();
  auto forged = w.demo->make_webhook(o, DemoOutcome::pay);
  forged.headers[0].second = sign_timestamped(forged.body, "not-the-shop-secret", w.clock.unix_seconds());
  forged.ip = "198.51.100.7";
  auto r = w.intake.accept("demo", forged);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, "webhook_signature_invalid");
  EXPECT_EQ(r.error().kind, core::ErrorKind::invalid_argument);  // 400
  EXPECT_EQ(w.count("SELECT COUNT(*) AS n FROM webhook_events"), 0);
  EXPECT_EQ(w.count("SELECT COUNT(*) AS n FROM test_jobs"), 0);
  EXPECT_EQ(w.count("SELECT COUNT(*) AS n FROM audit_log WHERE event = 'webhook_rejected' AND ip = '198.51.100.7'"), 1);
  EXPECT_EQ(w.order(o.id).status, OrderStatus::payment_pending);
  EXPECT_EQ(w.intake.accept("paypal", forged).error().code, "payments_provider_unknown");
}

TEST(WebhookIntake, ACrashAfterAcceptingLosesNothing) {
  ShopWorld w;
  const Order o = w.buy();
  auto accepted = w.intake.accept("demo", w.demo->make_webhook(o, DemoOutcome::pay)).value();
  // The process dies here: the event is recorded and its job is queued, nothing applied yet.
  EXPECT_EQ(w.order(o.id).status, OrderStatus::payment_pending);
  {
    auto c = w.conn();
    EXPECT_EQ(test::SqlJobs::args(*c, "process_webhook"), std::vector<std::string>{accepted.webhook_event_id});
    const auto owed = WebhookEventStore::unprocessed(*c, 10).value();
    ASSERT_EQ(owed.size(), 1u);
    EXPECT_EQ(owed[0].webhook_event_id, accepted.webhook_event_id);
    EXPECT_EQ(owed[0].series, "demo:demo_" + o.id);
  }
  // After a restart the queued job runs; running it again changes nothing.
  WebhookProcessor after_restart(w.db, w.books, w.jobs, *w.blobs, w.clock);
  EXPECT_EQ(after_restart.process(accepted.webhook_event_id).value(), "applied");
  EXPECT_EQ(after_restart.process(accepted.webhook_event_id).value(), "applied");
  EXPECT_EQ(w.order(o.id).history.size(), 3u);
  EXPECT_EQ(w.book_status("bk_1"), "paid");
  auto c = w.conn();
  EXPECT_TRUE(WebhookEventStore::unprocessed(*c, 10).value().empty());
}

TEST(WebhookProcessor, ACrashHalfWayThroughRollsEverythingBack) {
  ShopWorld w;
  const Order o = w.buy();
  auto accepted = w.intake.accept("demo", w.demo->make_webhook(o, DemoOutcome::pay)).value();
  BrokenBooks broken(w.books);
  WebhookProcessor dying(w.db, broken, w.jobs, *w.blobs, w.clock);
  EXPECT_FALSE(dying.process(accepted.webhook_event_id));
  EXPECT_EQ(w.order(o.id).status, OrderStatus::payment_pending);  // the order did not move alone
  EXPECT_EQ(w.count("SELECT COUNT(*) AS n FROM test_jobs WHERE kind = 'render_final_pages'"), 0);
  WebhookProcessor retry(w.db, w.books, w.jobs, *w.blobs, w.clock);
  EXPECT_EQ(retry.process(accepted.webhook_event_id).value(), "applied");
  EXPECT_EQ(w.book_status("bk_1"), "paid");
}

TEST(WebhookProcessor, AnEventNeverMovesAnOrderMadeWithAnotherProvider) {
  ShopWorld w;
  Order o = w.buy();
  {
    auto c = w.conn();
    ASSERT_TRUE(c->execute("UPDATE orders SET provider = 'stripe' WHERE id = $1", {o.id}));
  }
  auto accepted = w.intake.accept("demo", w.demo->make_webhook(o, DemoOutcome::pay)).value();
  WebhookProcessor processor(w.db, w.books, w.jobs, *w.blobs, w.clock);
  EXPECT_EQ(processor.process(accepted.webhook_event_id).value(), "rejected: no matching order");
  EXPECT_EQ(w.order(o.id).status, OrderStatus::payment_pending);
}
