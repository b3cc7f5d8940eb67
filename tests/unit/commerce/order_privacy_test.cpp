// Orders in the accounts' privacy hooks: the export, and forgetting a buyer who deleted their
// account (the orders stay for the shop's accounts, without who bought them).
#include <gtest/gtest.h>

#include "commerce/order_privacy.hpp"
#include "commerce/order_store.hpp"
#include "commerce/webhook_event_store.hpp"
#include "commerce/webhook_processor.hpp"
#include "commerce_test_support.hpp"

using namespace storyloom;
using namespace storyloom::commerce;

namespace {

// A paid printed order as checkout and the webhooks leave it: address, tracking, provider refs.
Order printed_order(const std::string& id, const std::string& user, const std::string& idempotency_key) {
  Order o;
  o.id = id;
  o.user_id = user;
  o.book_id = "bk_" + id;
  o.email = user + "@example.com";
  o.status = OrderStatus::paid;
  o.total = {4598, "USD"};
  o.provider = "stripe";
  o.provider_ref = "cs_" + id;
  o.provider_payment_ref = "pi_" + id;
  o.checkout_url = "https://checkout.stripe.test/c/cs_" + id;
  o.idempotency_key = idempotency_key;
  o.shipping = ShippingAddress{"Ada Parent", "10 Downing Street", "", "London", "", "SW1A 2AA", "GB", ""};
  o.tracking = {{"carrier", "MAIL"}, {"number", "TRACK123"}};
  o.created_at = o.updated_at = 1'763'980'000;
  o.items.push_back({"oi_" + id, std::string(kShopOrderProduct), "digital_pdf", "Noor and the Forest", 1, {3999, "USD"}});
  o.items.push_back({"oi_s_" + id, "shipping:standard", "shipping", "Standard", 1, {599, "USD"}});
  return o;
}

// A provider's event as the intake records it; `order_id` empty when the event does not echo it.
void record_event(sql::Connection& conn, const std::string& event_id, const std::string& order_id,
                  const std::string& payment_ref, const std::string& raw_body) {
  PaymentEvent e{.provider = "stripe", .event_id = event_id, .type = PaymentEventType::refunded,
                 .raw_type = "charge.refunded", .order_id = order_id, .payment_ref = payment_ref,
                 .amount = core::Money{4598, "USD"}};
  ASSERT_TRUE(WebhookEventStore::record(conn, e, raw_body, 1'763'980'100).value().has_value());
}

std::string text_of(sql::Connection& conn, const std::string& sql, const std::string& arg) {
  auto row = conn.query_one(sql, {arg}).value();
  return row ? row->optional_text("v").value_or("<null>") : "<no row>";
}

struct ForgottenBuyerWorld : test::World {
  ForgottenBuyerWorld() {
    auto c = conn();
    EXPECT_TRUE(OrderStore::insert(*c, printed_order("ord_a", "us_leaving", "key-1")));
    EXPECT_TRUE(OrderStore::insert(*c, printed_order("ord_b", "us_staying", "key-1")));  // same client key
    record_event(*c, "evt_named", "ord_a", "", R"({"customer_details":{"email":"us_leaving@example.com"}})");
    record_event(*c, "evt_by_reference", "", "pi_ord_a", R"({"billing_details":{"name":"Ada Parent"}})");
    record_event(*c, "evt_someone_else", "", "pi_ord_b", R"({"billing_details":{"name":"Bea Parent"}})");
    EXPECT_TRUE(blobs->put(delivery_prefix("ord_a") + "bk_ord_a.pdf", "%PDF-a"));
    EXPECT_TRUE(blobs->put(delivery_prefix("ord_b") + "bk_ord_b.pdf", "%PDF-b"));
  }
};

}  // namespace

TEST(OrderPrivacy, TheExportListsTheBuyersOrdersWithItemsAndEmail) {
  ForgottenBuyerWorld w;
  auto c = w.conn();
  auto exported = export_orders_of(*c, "us_leaving").value();
  ASSERT_EQ(exported.size(), 1u) << exported.dump();
  EXPECT_EQ(exported[0]["id"], "ord_a");
  EXPECT_EQ(exported[0]["email"], "us_leaving@example.com");
  EXPECT_EQ(exported[0]["items"].size(), 2u);
  EXPECT_EQ(exported[0]["shipping_address"]["postal_code"], "SW1A 2AA");
  EXPECT_EQ(exported[0]["status"], "paid");
  EXPECT_TRUE(export_orders_of(*c, "us_nobody").value().empty());
}

TEST(OrderPrivacy, ForgettingABuyerKeepsTheOrderForTheAccountsWithoutWhoBoughtIt) {
  ForgottenBuyerWorld w;
  auto c = w.conn();
  ASSERT_EQ(forget_buyer(*c, *w.blobs, "us_leaving", 1'763'990'000).value(), 1);

  const auto order = OrderStore::find(*c, "ord_a").value();
  ASSERT_TRUE(order.has_value());
  EXPECT_EQ(order->user_id, kDeletedBuyer);
  EXPECT_EQ(order->email, "");
  EXPECT_FALSE(order->shipping.has_value());
  EXPECT_TRUE(order->tracking.is_null());
  EXPECT_EQ(order->checkout_url, "");
  EXPECT_EQ(order->idempotency_key, "ord_a");
  // What the accounts need stays: money, items, status and its history, the provider's refs.
  EXPECT_EQ(order->status, OrderStatus::paid);
  EXPECT_EQ(order->total.minor, 4598);
  EXPECT_EQ(order->provider_payment_ref, "pi_ord_a");
  ASSERT_EQ(order->items.size(), 2u);
  EXPECT_EQ(order->items[0].name, "Shop order");  // was the book's title, the child's name in it
  EXPECT_EQ(order->items[1].name, "Standard");
  EXPECT_EQ(order->history.size(), 1u);

  const std::string payload = "SELECT payload AS v FROM webhook_events WHERE event_id = $1";
  EXPECT_EQ(text_of(*c, payload, "evt_named"), kRedactedPayload);
  EXPECT_EQ(text_of(*c, payload, "evt_by_reference"), kRedactedPayload);  // matched by the payment ref
  EXPECT_NE(text_of(*c, payload, "evt_someone_else"), kRedactedPayload);
  const auto event = nlohmann::json::parse(
      text_of(*c, "SELECT event AS v FROM webhook_events WHERE event_id = $1", "evt_by_reference"), nullptr, false);
  EXPECT_EQ(event.value("payment_ref", ""), "pi_ord_a");  // the normalized event stays as the record
  EXPECT_EQ(event["amount"].value("minor", 0), 4598);
  EXPECT_FALSE(w.blobs->exists(delivery_prefix("ord_a") + "bk_ord_a.pdf").value());
  EXPECT_TRUE(w.blobs->exists(delivery_prefix("ord_b") + "bk_ord_b.pdf").value());

  // The other buyer is untouched.
  const auto other = OrderStore::find(*c, "ord_b").value();
  EXPECT_EQ(other->user_id, "us_staying");
  EXPECT_EQ(other->email, "us_staying@example.com");
  EXPECT_TRUE(other->shipping.has_value());
  EXPECT_EQ(other->items[0].name, "Noor and the Forest");
}

TEST(OrderPrivacy, ForgettingIsIdempotentAndTombstonedOrdersNeverShareAKey) {
  ForgottenBuyerWorld w;
  auto c = w.conn();
  ASSERT_EQ(forget_buyer(*c, *w.blobs, "us_leaving", 1'763'990'000).value(), 1);
  EXPECT_EQ(forget_buyer(*c, *w.blobs, "us_leaving", 1'763'990'001).value(), 0);
  // Both buyers used the Idempotency-Key "key-1": the second tombstone must not collide.
  auto second = forget_buyer(*c, *w.blobs, "us_staying", 1'763'990'002);
  ASSERT_TRUE(second.has_value()) << second.error().code << ": " << second.error().message;
  EXPECT_EQ(*second, 1);
  EXPECT_EQ(c->query_one("SELECT COUNT(*) AS n FROM orders WHERE user_id = $1", {std::string(kDeletedBuyer)})
                .value()
                ->integer("n"),
            2);

}
