// After payment: the delivery mail with a signed 30-day link, downloads for the owner only,
// and a refund that revokes them.
#include <gtest/gtest.h>

#include <fstream>

#include "commerce/delivery.hpp"
#include "commerce/demo_provider.hpp"
#include "commerce/order_store.hpp"
#include "commerce/timestamped_signature.hpp"
#include "commerce/webhook_intake.hpp"
#include "commerce/webhook_processor.hpp"
#include "commerce_test_support.hpp"

using namespace storyloom;
using namespace storyloom::commerce;

namespace {

const auto kTemplate = std::filesystem::path(STORYLOOM_SOURCE_DIR) / "catalog/mail/book-delivered.json";

struct DeliveryWorld : test::World {
  Delivery delivery{db, books, *blobs, mail, MailTemplate::load(kTemplate, delivered_mail_placeholders()).value(), clock};
  std::string order_id;

  // A book whose payment went through and whose print PDF is assembled.
  explicit DeliveryWorld(bool printed = false, OrderStatus status = OrderStatus::paid) {
    EXPECT_TRUE(blobs->put("books/bk_1/print.pdf", "%PDF-1.7 the full book"));
    add_book("bk_1", "usr_a", core::BookStatus::finalizing, "books/bk_1/print.pdf");
    Order o;
    o.id = order_id = "ord_1";
    o.user_id = "usr_a";
    o.book_id = "bk_1";
    o.email = "parent@example.com";
    o.status = status;
    o.total = {1499, "USD"};
    o.provider = "demo";
    o.idempotency_key = "k";
    o.created_at = o.updated_at = clock.unix_seconds();
    o.items.push_back({"", printed ? "hardcover" : "digital-pdf", printed ? "printed_hardcover" : "digital_pdf", "Book", 1, o.total});
    auto c = conn();
    EXPECT_TRUE(OrderStore::insert(*c, o));
  }
  OrderStatus status() {
    auto c = conn();
    return OrderStore::find(*c, order_id).value()->status;
  }
};

// "/files/<key>?exp=..&sig=.." → the signer's verdict, as the /files route would give it.
core::Result<void> check_link(const blob::UrlSigner& signer, const std::string& url) {
  const auto q = url.find('?');
  const std::string key = url.substr(7, q - 7);
  const auto exp_at = url.find("exp=") + 4, sig_at = url.find("&sig=");
  return signer.verify(key, url.substr(exp_at, sig_at - exp_at), url.substr(sig_at + 5));
}

}  // namespace

TEST(Delivery, MailsASigned30DayLinkOnceAndFulfilsTheOrder) {
  DeliveryWorld w;
  auto delivered = w.delivery.deliver("bk_1");
  ASSERT_TRUE(delivered) << delivered.error().message;
  EXPECT_TRUE(delivered->mailed);
  ASSERT_EQ(w.mail.sent.size(), 1u);
  const OrderMail& m = w.mail.sent[0];
  EXPECT_EQ(m.to, "parent@example.com");
  EXPECT_NE(m.subject.find("Emma and the Enchanted Forest"), std::string::npos);
  EXPECT_NE(m.text.find(delivered->download_url), std::string::npos);
  EXPECT_NE(m.html.find("Download the PDF"), std::string::npos);
  EXPECT_NE(m.html.find("30 days"), std::string::npos);
  EXPECT_EQ(m.text.find('{'), std::string::npos) << "an unfilled placeholder";
  EXPECT_TRUE(check_link(w.signer, delivered->download_url));
  w.clock.advance(std::chrono::hours(24 * 30 - 1));
  EXPECT_TRUE(check_link(w.signer, delivered->download_url));
  w.clock.advance(std::chrono::hours(2));
  EXPECT_EQ(check_link(w.signer, delivered->download_url).error().code, "link_expired");
  EXPECT_EQ(w.status(), OrderStatus::fulfilled);
  EXPECT_EQ(w.book_status("bk_1"), "finalizing");  // the pipeline, not delivery, moves it on

  auto again = w.delivery.deliver("bk_1");  // the job ran twice
  ASSERT_TRUE(again);
  EXPECT_FALSE(again->mailed);
  EXPECT_EQ(w.mail.sent.size(), 1u);
}

TEST(Delivery, MailsAbsoluteLinksWhenTheShopHasABaseUrl) {
  DeliveryWorld w;
  Delivery delivery{w.db, w.books, *w.blobs, w.mail,
                    MailTemplate::load(kTemplate, delivered_mail_placeholders()).value(), w.clock,
                    DeliveryOptions{.link_base = "https://shop.example"}};
  auto delivered = delivery.deliver("bk_1");
  ASSERT_TRUE(delivered) << delivered.error().message;
  EXPECT_TRUE(delivered->download_url.starts_with("/files/"));  // the API answers paths on this server
  ASSERT_EQ(w.mail.sent.size(), 1u);
  EXPECT_NE(w.mail.sent[0].text.find("https://shop.example" + delivered->download_url), std::string::npos);
  EXPECT_NE(w.mail.sent[0].text.find("https://shop.example/library"), std::string::npos);
}

TEST(Delivery, PrintedBooksWaitForThePrintPartner) {
  DeliveryWorld w(true);
  ASSERT_TRUE(w.delivery.deliver("bk_1"));
  EXPECT_EQ(w.status(), OrderStatus::awaiting_print_partner);
}

TEST(Delivery, WaitsForThePdfAndRefusesUnpaidBooks) {
  DeliveryWorld unpaid(false, OrderStatus::payment_pending);
  EXPECT_EQ(unpaid.delivery.deliver("bk_1").error().code, "book_not_paid");
  DeliveryWorld w;
  auto c = w.conn();
  ASSERT_TRUE(c->execute("UPDATE test_books SET final_pdf_key = '' WHERE id = 'bk_1'"));
  EXPECT_EQ(w.delivery.deliver("bk_1").error().code, "book_pdf_missing");
  EXPECT_TRUE(w.mail.sent.empty());
}

TEST(Downloads, OnlyTheOwnerOfAPaidFinishedBookGetsALink) {
  DeliveryWorld w;
  EXPECT_EQ(w.delivery.download_link("usr_a", "bk_1", "pdf").error().code, "book_not_ready");  // still finalizing
  {
    auto c = w.conn();  // the pipeline finished the book
    ASSERT_TRUE(c->execute("UPDATE test_books SET status = 'ready' WHERE id = 'bk_1'"));
  }
  auto link = w.delivery.download_link("usr_a", "bk_1", "pdf");
  ASSERT_TRUE(link) << link.error().message;
  EXPECT_TRUE(check_link(w.signer, *link));
  EXPECT_EQ(w.blobs->get(link->substr(7, link->find('?') - 7)).value(), "%PDF-1.7 the full book");
  EXPECT_EQ(w.delivery.download_link("usr_b", "bk_1", "pdf").error().code, "book_not_found");
  EXPECT_EQ(w.delivery.download_link("usr_a", "bk_nope", "pdf").error().code, "book_not_found");
  EXPECT_EQ(w.delivery.download_link("usr_a", "bk_1", "epub").error().code, "download_format_unsupported");
  DeliveryWorld unpaid(false, OrderStatus::payment_pending);
  EXPECT_EQ(unpaid.delivery.download_link("usr_a", "bk_1", "pdf").error().code, "book_not_paid");
}

TEST(Downloads, ARefundRevokesDownloadsAndMailedLinks) {
  DeliveryWorld w;
  const std::string mailed = w.delivery.deliver("bk_1").value().download_url;
  {
    auto c = w.conn();  // the pipeline finished the book
    ASSERT_TRUE(c->execute("UPDATE test_books SET status = 'ready' WHERE id = 'bk_1'"));
  }
  const std::string key = mailed.substr(7, mailed.find('?') - 7);
  ASSERT_TRUE(w.blobs->exists(key).value());

  PaymentProviders providers;
  auto demo = std::make_unique<DemoProvider>(std::string(64, 'd'), w.clock);
  DemoProvider* demo_ptr = demo.get();
  providers.add(std::move(demo));
  WebhookIntake intake(w.db, providers, w.jobs, w.clock);
  WebhookProcessor processor(w.db, w.books, w.jobs, *w.blobs, w.clock);
  auto c = w.conn();
  auto order = OrderStore::find(*c, w.order_id).value().value();
  auto refund = demo_ptr->make_webhook(order, DemoOutcome::pay);
  // The demo provider's refund event, signed with the shop's demo secret.
  refund.body = R"({"id":"evt_demo_refund","type":"payment.refunded","order_id":"ord_1","amount_minor":1499,"currency":"USD"})";
  refund.headers[0].second = sign_timestamped(refund.body, std::string(64, 'd'), w.clock.unix_seconds());
  auto accepted = intake.accept("demo", refund).value();
  EXPECT_EQ(processor.process(accepted.webhook_event_id).value(), "applied");

  EXPECT_EQ(w.status(), OrderStatus::refunded);
  EXPECT_EQ(w.book_status("bk_1"), "refunded");
  EXPECT_FALSE(w.blobs->exists(key).value()) << "the mailed link still works";
  EXPECT_EQ(w.delivery.download_link("usr_a", "bk_1", "pdf").error().code, "book_not_paid");
  EXPECT_EQ(c->query_one("SELECT COUNT(*) AS n FROM audit_log WHERE event = 'order_refunded'").value()->integer("n"), 1);
}

TEST(MailTemplate, RefusesUnknownPlaceholdersAndEscapesHtml) {
  test::TempDir dir;
  const auto file = dir.path / "t.json";
  std::ofstream(file) << R"({"subject": "Hi {name}", "text": "x", "html": "y"})";
  EXPECT_EQ(MailTemplate::load(file, {"title"}).error().code, "mail_template_invalid");
  std::ofstream(file) << R"({"subject": "About {title}", "text": "{title}", "html": "<b>{title}</b>"})";
  auto t = MailTemplate::load(file, {"title"}).value();
  const auto m = t.render("a@b.c", "k", {{"title", "Tom & <Jerry>\r\nBcc: x"}});
  EXPECT_EQ(m.html, "<b>Tom &amp; &lt;Jerry&gt;\r\nBcc: x</b>");
  EXPECT_EQ(m.subject, "About Tom & <Jerry>Bcc: x");
}
