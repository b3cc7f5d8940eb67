// Commerce as `storyloom serve` wires it: webhooks become durable process_webhook jobs, payment
// unlocks the book through the books module, the pipeline's deliver step mails a signed link,
// and the status machines of orders and books agree.
#include <gtest/gtest.h>

#include "app/queue_for_commerce.hpp"
#include "commerce/timestamped_signature.hpp"
#include "commerce/webhook_event_store.hpp"
#include "commerce_shop.hpp"

using namespace storyloom;
using namespace storyloom::app;
using commerce::DemoOutcome;
using commerce::OrderStatus;

namespace {

// Undoes quoted-printable soft breaks and escapes, enough to read links and words in a mail.
std::string unfold(std::string qp) {
  std::string out;
  for (std::size_t i = 0; i < qp.size(); ++i) {
    if (qp[i] == '=' && i + 2 < qp.size() && qp[i + 1] == '\r' && qp[i + 2] == '\n') {
      i += 2;
    } else if (qp[i] == '=' && i + 2 < qp.size() && std::isxdigit(qp[i + 1]) && std::isxdigit(qp[i + 2])) {
      out += static_cast<char>(std::stoi(qp.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += qp[i];
    }
  }
  return out;
}

// A demo-provider event of our own making, signed with the shop's demo secret.
commerce::WebhookRequest demo_event(const test::Shop& shop, const std::string& id, const std::string& type,
                                    const commerce::Order& order) {
  commerce::WebhookRequest hook;
  hook.body = nlohmann::json{{"id", id}, {"type", type}, {"order_id", order.id},
                             {"amount_minor", order.total.minor}, {"currency", order.total.currency}}
                  .dump();
  hook.headers.emplace_back(std::string(commerce::DemoProvider::kSignatureHeader),
                            commerce::sign_timestamped(hook.body, test::kDemoSecret, shop.clock.unix_seconds()));
  return hook;
}

std::vector<std::string> statuses(const commerce::Order& o) {
  std::vector<std::string> out;
  for (const auto& h : o.history) out.emplace_back(commerce::to_string(h.status));
  return out;
}

}  // namespace

TEST(CommerceWiring, ADemoPurchaseUnlocksFinishesMailsAndDeliversTheBook) {
  test::Shop shop;
  const auto book = shop.previewed_book();
  const auto order = shop.checkout(book);
  EXPECT_EQ(shop.book_status(book), "payment_pending");

  const auto accepted = shop.press(order, DemoOutcome::pay);
  EXPECT_FALSE(accepted.duplicate);
  // Accepted means recorded and queued together; nothing is applied before the job runs.
  EXPECT_EQ(shop.count("SELECT COUNT(*) AS n FROM jobs WHERE kind = 'process_webhook' AND dedupe_key = "
                       "'process_webhook:" + accepted.webhook_event_id + "'"), 1);
  EXPECT_EQ(shop.book_status(book), "payment_pending");

  shop.drain();
  EXPECT_EQ(shop.book_status(book), "ready");
  const auto done = shop.order(order.id);
  EXPECT_EQ(done.status, OrderStatus::fulfilled);
  EXPECT_EQ(statuses(done), (std::vector<std::string>{"pending", "payment_pending", "paid", "fulfilled"}));

  const auto mails = shop.outbox();
  ASSERT_EQ(mails.size(), 1u);
  const std::string mail = unfold(mails[0]);
  EXPECT_NE(mail.find("To: parent@example.com"), std::string::npos);
  EXPECT_NE(mail.find("Content-Type: multipart/alternative"), std::string::npos);
  EXPECT_NE(mail.find("Content-Type: text/html"), std::string::npos);
  EXPECT_NE(mail.find("https://shop.example/files/deliveries/" + order.id + "/"), std::string::npos);

  auto link = shop.commerce->delivery->download_link("us_parent", book, "pdf");
  ASSERT_TRUE(link) << link.error().message;
  const std::string key = link->substr(7, link->find('?') - 7);
  const std::string pdf = shop.blobs.get(key).value();
  EXPECT_TRUE(pdf.starts_with("print|1:final(")) << pdf.substr(0, 40);  // unwatermarked finals
  EXPECT_NE(pdf.find("|10:final("), std::string::npos);
  EXPECT_EQ(shop.commerce->delivery->download_link("us_stranger", book, "pdf").error().code, "book_not_found");
}

TEST(CommerceWiring, AReplayedOrLateWebhookChangesNothing) {
  test::Shop shop;
  const auto [book, order] = shop.bought_book();
  const auto jobs_before = shop.count("SELECT COUNT(*) AS n FROM jobs");

  EXPECT_TRUE(shop.press(order, DemoOutcome::pay).duplicate);  // the same delivery again
  auto again = shop.commerce->intake->accept("demo", demo_event(shop, "evt_again", "payment.succeeded", order));
  auto late = shop.commerce->intake->accept("demo", demo_event(shop, "evt_late", "payment.declined", order));
  ASSERT_TRUE(again && late);
  shop.drain();
  EXPECT_EQ(shop.count("SELECT COUNT(*) AS n FROM webhook_events WHERE outcome = 'no_change'"), 2);
  EXPECT_EQ(shop.count("SELECT COUNT(*) AS n FROM jobs"), jobs_before + 2);  // the two processings only
  EXPECT_EQ(shop.book_status(book), "ready");
  EXPECT_EQ(shop.order(order.id).status, OrderStatus::fulfilled);
  EXPECT_EQ(shop.outbox().size(), 1u);
}

TEST(CommerceWiring, ADeclineGivesTheBookBackItsPreviewAndALaterPaymentStillWorks) {
  test::Shop shop;
  const auto book = shop.previewed_book();
  const auto first = shop.checkout(book);
  shop.press(first, DemoOutcome::decline);
  shop.drain();
  EXPECT_EQ(shop.order(first.id).status, OrderStatus::payment_failed);
  EXPECT_EQ(shop.book_status(book), "preview_ready");

  const auto second = shop.checkout(book);
  shop.press(second, DemoOutcome::pay);
  shop.drain();
  EXPECT_EQ(shop.book_status(book), "ready");
  EXPECT_EQ(shop.order(second.id).status, OrderStatus::fulfilled);
}

TEST(CommerceWiring, ARefundLocksTheBookAndRevokesItsDownloads) {
  test::Shop shop;
  const auto [book, order] = shop.bought_book();
  const std::string link = shop.commerce->delivery->download_link("us_parent", book, "pdf").value();

  ASSERT_TRUE(shop.commerce->intake->accept("demo", demo_event(shop, "evt_refund", "payment.refunded", order)));
  shop.drain();
  EXPECT_EQ(shop.order(order.id).status, OrderStatus::refunded);
  EXPECT_EQ(shop.book_status(book), "refunded");
  EXPECT_EQ(shop.commerce->delivery->download_link("us_parent", book, "pdf").error().code, "book_not_paid");
  EXPECT_FALSE(shop.blobs.exists(link.substr(7, link.find('?') - 7)).value()) << "the mailed link still works";
}

TEST(CommerceWiring, AWorkerThatDiesMidWebhookLosesNothing) {
  test::Shop shop;
  const auto book = shop.previewed_book();
  const auto order = shop.checkout(book);
  shop.press(order, DemoOutcome::pay);

  // A worker claims the job and dies (kill -9): the job stays running under its lease.
  const std::vector<std::string> kinds{std::string(kProcessWebhook)};
  auto claimed = shop.generation->queue->claim("crashed-worker", kinds, std::chrono::seconds{60});
  ASSERT_TRUE(claimed && *claimed);
  EXPECT_EQ(shop.drain(), 0);
  EXPECT_EQ(shop.book_status(book), "payment_pending");

  shop.clock.advance(std::chrono::seconds{61});  // the lease runs out; another worker takes over
  shop.drain();
  EXPECT_EQ(shop.book_status(book), "ready");
  EXPECT_EQ(shop.order(order.id).status, OrderStatus::fulfilled);
  EXPECT_EQ(shop.count("SELECT attempts AS n FROM jobs WHERE kind = 'process_webhook'"), 2);
}

TEST(CommerceWiring, WebhooksOwedProcessingAreQueuedWhenWorkersStart) {
  test::Shop shop;
  const auto book = shop.previewed_book();
  const auto order = shop.checkout(book);
  // A row accepted with no job (an older build recorded rows only): the start-up sweep owes it one.
  const auto hook = shop.commerce->demo->make_webhook(order, DemoOutcome::pay);
  {
    auto conn = shop.t.db->acquire().value();
    auto event = shop.commerce->demo->parse_event(hook).value();
    ASSERT_TRUE(commerce::WebhookEventStore::record(*conn, event, hook.body, shop.clock.unix_millis()).value());
  }
  EXPECT_EQ(shop.drain(), 0);
  for (const auto& start : shop.generation->on_start) start();
  for (const auto& start : shop.generation->on_start) start();  // a second start queues nothing new
  EXPECT_EQ(shop.count("SELECT COUNT(*) AS n FROM jobs WHERE kind = 'process_webhook'"), 1);
  shop.drain();
  EXPECT_EQ(shop.book_status(book), "ready");
}

TEST(CommerceWiring, OwedWebhooksOfOnePaymentAreQueuedAgainInTheOrderTheyArrived) {
  test::Shop shop;
  const auto book = shop.previewed_book();
  const auto order = shop.checkout(book);
  // Paid, then refunded a second later; both rows lost their jobs. Recorded refund first, so
  // neither row ids nor recording order can stand in for arrival.
  const auto arrived = shop.clock.unix_millis();
  const auto pay = shop.commerce->demo->make_webhook(order, DemoOutcome::pay);
  const auto refund = demo_event(shop, "evt_refund", "payment.refunded", order);
  {
    auto conn = shop.t.db->acquire().value();
    auto record = [&](const commerce::WebhookRequest& hook, std::int64_t at_ms) {
      auto event = shop.commerce->demo->parse_event(hook).value();
      ASSERT_TRUE(commerce::WebhookEventStore::record(*conn, event, hook.body, at_ms).value());
    };
    record(refund, arrived + 1000);
    record(pay, arrived);
  }
  for (const auto& start : shop.generation->on_start) start();
  auto conn = shop.t.db->acquire().value();
  const auto jobs = conn->query("SELECT asked_at_ms, serial_key FROM jobs WHERE kind = 'process_webhook' "
                                "ORDER BY asked_at_ms").value();
  ASSERT_EQ(jobs.size(), 2u);
  EXPECT_EQ(jobs[0].integer("asked_at_ms"), arrived);
  EXPECT_EQ(jobs[1].integer("asked_at_ms"), arrived + 1000);
  EXPECT_EQ(jobs[0].text("serial_key"), "payment:demo:demo_" + order.id);
  EXPECT_EQ(jobs[1].text("serial_key"), jobs[0].text("serial_key"));
  shop.drain();
  // Applied the other way round, the refund would find an unpaid order and the payment stand.
  EXPECT_EQ(shop.order(order.id).status, OrderStatus::refunded);
  EXPECT_EQ(shop.book_status(book), "refunded");
}

TEST(CommerceWiring, AProcessWebhookJobWithoutARowIdFails) {
  test::Shop shop;
  const auto* spec = shop.generation->registry.find(std::string(kProcessWebhook));
  ASSERT_NE(spec, nullptr);
  EXPECT_EQ(spec->policy.max_attempts, kWebhookJobPolicy.max_attempts);
  ASSERT_TRUE(shop.generation->queue->enqueue({.kind = std::string(kProcessWebhook), .dedupe_key = "broken"}));
  shop.drain();
  auto job = shop.generation->queue->find_by_dedupe_key("broken").value().value();
  EXPECT_EQ(job.last_error.value("code", ""), "job_payload_invalid");
}

TEST(BooksForCommerce, MovesABookOnlyAlongTheStatusMachineAndPaysThroughTheBookService) {
  test::Shop shop;
  const auto book = shop.previewed_book();
  auto conn = shop.t.db->acquire().value();
  auto& books = *shop.commerce->books;
  EXPECT_FALSE(books.move_book(*conn, book, core::BookStatus::ready).value());
  EXPECT_FALSE(books.move_book(*conn, "bk_missing", core::BookStatus::paid).value());
  EXPECT_TRUE(books.move_book(*conn, book, core::BookStatus::payment_pending).value());
  EXPECT_TRUE(books.move_book(*conn, book, core::BookStatus::paid).value());
  EXPECT_FALSE(books.move_book(*conn, book, core::BookStatus::paid).value());  // a replay
  const auto paid = books::load_book(*conn, book).value();
  EXPECT_TRUE(paid.paid_at.has_value());
  EXPECT_FALSE(paid.expires_at.has_value());
  EXPECT_EQ(shop.count("SELECT COUNT(*) AS n FROM jobs WHERE dedupe_key = 'render_final_pages:" + book + ":r0'"), 1);

  // commerce's own finalize request uses the pipeline's key: nothing new.
  ASSERT_TRUE(shop.commerce->jobs->enqueue_finalize(*conn, book, "ord_x"));
  EXPECT_EQ(shop.count("SELECT COUNT(*) AS n FROM jobs WHERE kind = 'render_final_pages'"), 1);

  const auto facts = books.find_book(*conn, book).value().value();
  EXPECT_EQ(facts.owner_id, "us_parent");
  EXPECT_EQ(facts.child_name, "Emma");
  EXPECT_EQ(facts.status, core::BookStatus::paid);
  EXPECT_FALSE(books.find_book(*conn, "bk_missing").value().has_value());
}

TEST(BooksForCommerce, ACheckoutKeepsThePreviewAtLeastADaySoAPaymentAtTheLastMinuteStillUnlocks) {
  test::Shop shop;
  const auto soon = shop.previewed_book();
  const auto later = shop.previewed_book();
  const auto now = shop.clock.unix_seconds();
  auto conn = shop.t.db->acquire().value();
  ASSERT_TRUE(conn->execute("UPDATE books SET expires_at = $1 WHERE id = $2", {now + 600, soon}));
  ASSERT_TRUE(conn->execute("UPDATE books SET expires_at = $1 WHERE id = $2", {now + 5 * 86'400, later}));
  auto& books = *shop.commerce->books;
  ASSERT_TRUE(books.move_book(*conn, soon, core::BookStatus::payment_pending).value());
  ASSERT_TRUE(books.move_book(*conn, later, core::BookStatus::payment_pending).value());
  EXPECT_EQ(books::load_book(*conn, soon).value().expires_at, now + 86'400);
  EXPECT_EQ(books::load_book(*conn, later).value().expires_at, now + 5 * 86'400);  // never shortened
  // A second checkout a day later (the first session expired unpaid) holds it again.
  shop.clock.advance(std::chrono::hours(23));
  EXPECT_FALSE(books.move_book(*conn, soon, core::BookStatus::payment_pending).value());  // no status change
  EXPECT_EQ(books::load_book(*conn, soon).value().expires_at, now + 23 * 3'600 + 86'400);
}

// Every book move the webhook processor makes alongside an order move, from every book status
// that can coexist with the order's, is an edge of the book machine; so an order change never
// leaves its book behind. (Book statuses per order status: docs/commerce.md.)
TEST(StatusMachines, EveryBookMoveThatGoesWithAnOrderMoveIsABookEdge) {
  using B = core::BookStatus;
  using O = OrderStatus;
  struct Case {
    O from, to;
    std::vector<B> books;
    B book_to;
  };
  const std::vector<Case> cases{
      {O::payment_pending, O::paid, {B::preview_ready, B::payment_pending}, B::paid},
      {O::payment_failed, O::paid, {B::preview_ready, B::payment_pending}, B::paid},
      {O::payment_pending, O::payment_failed, {B::payment_pending}, B::preview_ready},
      {O::payment_pending, O::cancelled, {B::payment_pending}, B::preview_ready},
      {O::paid, O::refunded, {B::paid, B::finalizing, B::ready, B::failed}, B::refunded},
      {O::paid, O::cancelled, {B::paid, B::finalizing, B::ready, B::failed}, B::refunded},
      {O::fulfilled, O::refunded, {B::ready}, B::refunded},
      {O::awaiting_print_partner, O::refunded, {B::ready}, B::refunded},
  };
  for (const auto& c : cases) {
    EXPECT_TRUE(commerce::can_transition(c.from, c.to)) << commerce::to_string(c.from) << "→" << commerce::to_string(c.to);
    for (B b : c.books)
      EXPECT_TRUE(core::can_transition(b, c.book_to)) << core::to_string(b) << "→" << core::to_string(c.book_to);
  }
  // And nothing leads from paid back to unpaid, in either machine.
  for (O o : {O::paid, O::fulfilled, O::awaiting_print_partner, O::refunded})
    for (O unpaid : {O::payment_pending, O::payment_failed, O::pending}) EXPECT_FALSE(commerce::can_transition(o, unpaid));
  for (B b : {B::paid, B::finalizing, B::ready, B::refunded})
    for (B unpaid : {B::preview_ready, B::payment_pending}) EXPECT_FALSE(core::can_transition(b, unpaid));
}
