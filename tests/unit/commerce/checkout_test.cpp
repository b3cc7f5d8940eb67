// Starting purchases: prices from the catalog, ownership and status checks, idempotency, and
// the Stripe adapter speaking to a fake Stripe over a real loopback socket.
#include <gtest/gtest.h>

#include "commerce/checkout.hpp"
#include "commerce/curl_http_port.hpp"
#include "commerce/demo_provider.hpp"
#include "commerce/form_encoding.hpp"
#include "commerce/order_store.hpp"
#include "commerce/stripe_provider.hpp"
#include "commerce_test_support.hpp"
#include "fake_stripe_server.hpp"

using namespace storyloom;
using namespace storyloom::commerce;

namespace {

const char* kProducts = R"({"products": [
  {"id": "digital-pdf", "kind": "digital_pdf", "name": "Digital book", "price": {"minor": 1499, "currency": "USD"}},
  {"id": "hardcover", "kind": "printed_hardcover", "name": "Printed hardcover", "price": {"minor": 3999, "currency": "USD"},
   "shipping": [{"id": "standard", "name": "Standard", "price": {"minor": 599, "currency": "USD"}},
                {"id": "express", "name": "Express", "price": {"minor": 2499, "currency": "USD"}, "needs_phone": true}]},
  {"id": "credits-3", "kind": "credit_pack", "name": "3 credits", "price": {"minor": 999, "currency": "USD"}, "credits": 3}]})";

struct CheckoutWorld : test::World {
  ProductCatalog catalog = ProductCatalog::from_json(nlohmann::json::parse(kProducts)).value();
  PaymentProviders providers;
  CheckoutService checkout{db, catalog, providers, books, clock};
  CheckoutWorld() {
    providers.add(std::make_unique<DemoProvider>(std::string(64, 'd'), clock));
    add_book("bk_1", "usr_a", core::BookStatus::preview_ready);
  }
  CheckoutInput input(std::string product = "digital-pdf") {
    return {"usr_a", "bk_1", std::move(product), "", std::nullopt, "parent@example.com", "", "", "/ok", "/cancel"};
  }
};

ShippingAddress address() { return {"Ada Lovelace", "1 Main St", "", "Springfield", "", "12345", "US", ""}; }

}  // namespace

TEST(Checkout, OpensADemoCheckoutAtTheCatalogPrice) {
  CheckoutWorld w;
  auto started = w.checkout.start(w.input());
  ASSERT_TRUE(started) << started.error().message;
  EXPECT_EQ(started->checkout_url, "/checkout/demo/" + started->order.id);
  EXPECT_EQ(started->order.status, OrderStatus::payment_pending);
  EXPECT_EQ(started->order.total, (core::Money{1499, "USD"}));
  ASSERT_EQ(started->order.items.size(), 1u);
  ASSERT_EQ(started->order.history.size(), 2u);
  EXPECT_EQ(started->order.history[1].reason, "checkout");
  EXPECT_EQ(w.book_status("bk_1"), "payment_pending");
}

TEST(Checkout, ARetryWithTheSameKeyReusesTheOrder) {
  CheckoutWorld w;
  auto in = w.input();
  in.idempotency_key = "client-key-1";
  auto first = w.checkout.start(in);
  auto second = w.checkout.start(in);
  ASSERT_TRUE(first && second);
  EXPECT_EQ(first->order.id, second->order.id);
  EXPECT_TRUE(second->reused);
  auto c = w.conn();
  EXPECT_EQ(c->query_one("SELECT COUNT(*) AS n FROM orders").value()->integer("n"), 1);
  w.add_book("bk_other", "usr_a", core::BookStatus::preview_ready);
  in.book_id = "bk_other";
  EXPECT_EQ(w.checkout.start(in).error().code, "idempotency_key_reused");
}

TEST(Checkout, RefusesOtherPeoplesBooksBooksNotReadyAndUnknownProducts) {
  CheckoutWorld w;
  w.add_book("bk_2", "usr_b", core::BookStatus::preview_ready);
  w.add_book("bk_3", "usr_a", core::BookStatus::generating);
  auto in = w.input();
  in.book_id = "bk_2";
  EXPECT_EQ(w.checkout.start(in).error().code, "book_not_found");
  in.book_id = "bk_3";
  EXPECT_EQ(w.checkout.start(in).error().code, "book_not_purchasable");
  EXPECT_EQ(w.checkout.start(w.input("credits-3")).error().code, "product_unknown");
  EXPECT_EQ(w.checkout.start(w.input("gold-edition")).error().code, "product_unknown");
  auto c = w.conn();
  EXPECT_EQ(c->query_one("SELECT COUNT(*) AS n FROM orders").value()->integer("n"), 0);
}

TEST(Checkout, PrintedBooksNeedAValidAddressAndAddShipping) {
  CheckoutWorld w;
  EXPECT_EQ(w.checkout.start(w.input("hardcover")).error().code, "shipping_address_invalid");
  auto in = w.input("hardcover");
  in.shipping = address();
  in.shipping_option = "express";
  auto no_phone = w.checkout.start(in);
  ASSERT_FALSE(no_phone);
  EXPECT_TRUE(no_phone.error().details["fields"].contains("phone"));
  in.shipping->phone = "+1 555 0100";
  auto ok = w.checkout.start(in);
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_EQ(ok->order.total.minor, 3999 + 2499);
  ASSERT_EQ(ok->order.items.size(), 2u);
  EXPECT_EQ(ok->order.items[1].product_id, "shipping:express");
  ASSERT_TRUE(ok->order.shipping);
  EXPECT_EQ(ok->order.shipping->city, "Springfield");
  EXPECT_TRUE(ok->order.is_printed());
}

TEST(Checkout, APaidBookCannotBeBoughtAgain) {
  CheckoutWorld w;
  auto first = w.checkout.start(w.input()).value();
  auto c = w.conn();
  ASSERT_TRUE(OrderStore::transition(*c, first.order.id, OrderStatus::payment_pending, OrderStatus::paid, "t", 1).value());
  EXPECT_EQ(w.checkout.start(w.input()).error().code, "book_already_paid");
}

TEST(StripeCheckout, CreatesASessionFormEncodedWithBearerKeyAndIdempotencyKey) {
  CheckoutWorld w;
  test::FakeStripeServer stripe;
  CurlHttpPort http;
  w.providers.add(std::make_unique<StripeProvider>(StripeConfig{"sk_test_fake", "whsec_x", stripe.base_url()}, http, w.clock));
  auto in = w.input();
  in.provider = "stripe";
  in.idempotency_key = "client-key-2";
  auto started = w.checkout.start(in);
  ASSERT_TRUE(started) << started.error().message;
  EXPECT_EQ(started->checkout_url, "https://checkout.stripe.test/c/pay/cs_test_fake1");
  EXPECT_EQ(started->order.provider_ref, "cs_test_fake1");
  const auto seen = stripe.requests();
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].method, "POST");
  EXPECT_EQ(seen[0].path, "/v1/checkout/sessions");
  EXPECT_EQ(seen[0].headers.at("authorization"), "Bearer sk_test_fake");
  EXPECT_EQ(seen[0].headers.at("content-type"), "application/x-www-form-urlencoded");
  EXPECT_EQ(seen[0].headers.at("idempotency-key"), "client-key-2");
  auto form = parse_form(seen[0].body).value();
  auto field = [&](const std::string& k) {
    for (const auto& [key, v] : form)
      if (key == k) return v;
    return std::string("<missing>");
  };
  EXPECT_EQ(field("mode"), "payment");
  EXPECT_EQ(field("client_reference_id"), started->order.id);
  EXPECT_EQ(field("metadata[order_id]"), started->order.id);
  EXPECT_EQ(field("payment_intent_data[metadata][order_id]"), started->order.id);
  EXPECT_EQ(field("line_items[0][price_data][unit_amount]"), "1499");
  EXPECT_EQ(field("line_items[0][price_data][currency]"), "usd");
  EXPECT_EQ(field("customer_email"), "parent@example.com");

  // The same request again never reaches Stripe a second time.
  ASSERT_TRUE(w.checkout.start(in));
  EXPECT_EQ(stripe.requests().size(), 1u);
}

TEST(StripeCheckout, AFailedCallIsRetriedWithTheSameIdempotencyKey) {
  CheckoutWorld w;
  test::FakeStripeServer stripe;
  CurlHttpPort http;
  w.providers.add(std::make_unique<StripeProvider>(StripeConfig{"sk_test_fake", "whsec_x", stripe.base_url()}, http, w.clock));
  auto in = w.input();
  in.provider = "stripe";
  in.idempotency_key = "client-key-3";
  stripe.fail_next_with(500);
  auto failed = w.checkout.start(in);
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().code, "payments_provider_unavailable");
  {
    auto c = w.conn();
    auto order = OrderStore::find_by_idempotency_key(*c, "usr_a", "client-key-3").value();
    ASSERT_TRUE(order);
    EXPECT_EQ(order->status, OrderStatus::pending);  // written before the call, resumable
  }
  auto retried = w.checkout.start(in);
  ASSERT_TRUE(retried) << retried.error().message;
  const auto seen = stripe.requests();
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0].headers.at("idempotency-key"), seen[1].headers.at("idempotency-key"));
  EXPECT_EQ(stripe.sessions_created(), 1);
}

TEST(StripeCheckout, AWrongKeyOrUnreachableStripeIsUnavailableNotACrash) {
  CheckoutWorld w;
  test::FakeStripeServer stripe;
  CurlHttpPort http;
  w.providers.add(std::make_unique<StripeProvider>(StripeConfig{"sk_wrong", "whsec_x", stripe.base_url()}, http, w.clock));
  auto in = w.input();
  in.provider = "stripe";
  EXPECT_EQ(w.checkout.start(in).error().code, "payments_provider_unavailable");
  StripeProvider unreachable({"sk_test_fake", "whsec_x", "http://127.0.0.1:1"}, http, w.clock);
  Order o;
  o.id = "ord_x";
  EXPECT_EQ(unreachable.create_checkout({o, "k", "/ok", "/no"}).error().code, "payments_provider_unavailable");
}
