// The order status machine, shipping address validation and the product catalog loader.
#include <gtest/gtest.h>

#include <fstream>

#include "commerce/order_status.hpp"
#include "commerce/product_catalog.hpp"
#include "commerce/shipping_address.hpp"
#include "commerce_test_support.hpp"

using namespace storyloom;
using namespace storyloom::commerce;
using enum OrderStatus;

TEST(OrderStatus, NothingLeadsFromPaidBackToUnpaid) {
  for (auto from : {paid, fulfilled, awaiting_print_partner, refunded})
    for (auto to : {pending, payment_pending, payment_failed}) EXPECT_FALSE(can_transition(from, to));
  EXPECT_FALSE(can_transition(refunded, paid));
  EXPECT_FALSE(can_transition(cancelled, paid));
}

TEST(OrderStatus, FollowsThePurchase) {
  EXPECT_TRUE(can_transition(pending, payment_pending));
  EXPECT_TRUE(can_transition(payment_pending, paid));
  EXPECT_TRUE(can_transition(payment_failed, paid));
  EXPECT_TRUE(can_transition(paid, fulfilled));
  EXPECT_TRUE(can_transition(paid, awaiting_print_partner));
  EXPECT_TRUE(can_transition(fulfilled, refunded));
  EXPECT_FALSE(can_transition(paid, paid));
  EXPECT_TRUE(grants_download(fulfilled));
  EXPECT_FALSE(grants_download(refunded));
  for (auto s : {pending, payment_pending, paid, fulfilled, awaiting_print_partner, payment_failed, refunded, cancelled})
    EXPECT_EQ(parse_order_status(to_string(s)), s);
}

namespace {
ShippingAddress good_uk() { return {"Ada Lovelace", "10 Downing Street", "", "London", "", "sw1a 2aa", "gb", ""}; }
}  // namespace

TEST(ShippingAddress, NormalizesAndAcceptsAValidAddress) {
  auto a = validate_shipping_address(good_uk(), false);
  ASSERT_TRUE(a) << a.error().details.dump();
  EXPECT_EQ(a->country, "GB");
  EXPECT_EQ(a->postal_code, "SW1A 2AA");
}

TEST(ShippingAddress, NamesEveryWrongField) {
  ShippingAddress a{"", " ", "", "", "", "", "XX", ""};
  auto r = validate_shipping_address(a, true);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, "shipping_address_invalid");
  const auto& fields = r.error().details["fields"];
  for (const char* f : {"name", "line1", "city", "country", "phone"}) EXPECT_TRUE(fields.contains(f)) << f;
}

TEST(ShippingAddress, ChecksPostalCodesWhereTheFormatIsSimple) {
  auto us = good_uk();
  us.country = "US";
  us.postal_code = "SW1A 2AA";
  auto r = validate_shipping_address(us, false);
  ASSERT_FALSE(r);
  EXPECT_TRUE(r.error().details["fields"].contains("postal_code"));
  us.postal_code = "94103-1234";
  EXPECT_TRUE(validate_shipping_address(us, false));
  auto hk = good_uk();  // Hong Kong has no postal codes
  hk.country = "HK";
  hk.postal_code = "";
  EXPECT_TRUE(validate_shipping_address(hk, false));
  auto de = good_uk();
  de.country = "DE";
  de.postal_code = "";
  EXPECT_FALSE(validate_shipping_address(de, false));
}

TEST(ShippingAddress, RequiresAPhoneOnlyWhenTheCarrierNeedsOne) {
  EXPECT_TRUE(validate_shipping_address(good_uk(), false));
  auto r = validate_shipping_address(good_uk(), true);
  ASSERT_FALSE(r);
  EXPECT_TRUE(r.error().details["fields"].contains("phone"));
  auto with_phone = good_uk();
  with_phone.phone = "+44 20 7946 0000";
  EXPECT_TRUE(validate_shipping_address(with_phone, true));
  with_phone.phone = "call me";
  EXPECT_FALSE(validate_shipping_address(with_phone, true));
}

TEST(ShippingAddress, RefusesControlCharactersThatWouldReachALabel) {
  auto a = good_uk();
  a.line2 = "Flat 1\r\nX-Injected: yes";
  auto r = validate_shipping_address(a, false);
  ASSERT_FALSE(r);
  EXPECT_TRUE(r.error().details["fields"].contains("line2"));
}

namespace {
const char* kRuleProducts = R"({"products": [
  {"id": "digital-pdf", "kind": "digital_pdf", "name": "Digital book", "price": {"minor": 1499, "currency": "USD"}},
  {"id": "hardcover", "kind": "printed_hardcover", "name": "Printed hardcover", "price": {"minor": 3999, "currency": "USD"},
   "includes": ["digital-pdf"], "shipping": [
     {"id": "standard", "name": "Standard", "carrier_level": "MAIL", "price": {"minor": 599, "currency": "USD"}, "days_min": 7, "days_max": 12},
     {"id": "express", "name": "Express", "carrier_level": "EXPRESS", "price": {"minor": 2499, "currency": "USD"}, "needs_phone": true}]},
  {"id": "credits-3", "kind": "credit_pack", "name": "3 credits", "price": {"minor": 999, "currency": "USD"}, "credits": 3}
]})";
}  // namespace

TEST(ProductCatalog, LoadsTheCatalogFormat) {
  auto c = ProductCatalog::from_json(nlohmann::json::parse(kRuleProducts));
  ASSERT_TRUE(c) << c.error().message;
  const Product* hc = c->find("hardcover");
  ASSERT_NE(hc, nullptr);
  EXPECT_TRUE(hc->is_printed());
  EXPECT_EQ(hc->price, (core::Money{3999, "USD"}));
  ASSERT_NE(hc->shipping_option("express"), nullptr);
  EXPECT_TRUE(hc->shipping_option("express")->needs_phone);
  EXPECT_FALSE(c->find("credits-3")->unlocks_book());
}

TEST(ProductCatalog, RefusesInconsistentCatalogsNamingTheProduct) {
  for (const char* bad : {
           R"({"products": [{"id": "a", "kind": "digital_pdf", "name": "A", "price": {"minor": 1.5, "currency": "USD"}}]})",
           R"({"products": [{"id": "a", "kind": "digital_pdf", "name": "A", "price": {"minor": 100, "currency": "usd"}}]})",
           R"({"products": [{"id": "a", "kind": "vinyl", "name": "A", "price": {"minor": 100, "currency": "USD"}}]})",
           R"({"products": [{"id": "a", "kind": "printed_hardcover", "name": "A", "price": {"minor": 100, "currency": "USD"}}]})",
           R"({"products": [{"id": "a", "kind": "digital_pdf", "name": "A", "price": {"minor": 100, "currency": "USD"}},
                            {"id": "a", "kind": "digital_pdf", "name": "B", "price": {"minor": 100, "currency": "USD"}}]})",
           R"({"products": [{"id": "a", "kind": "digital_pdf", "name": "A", "includes": ["nope"], "price": {"minor": 1, "currency": "USD"}}]})",
       }) {
    auto c = ProductCatalog::from_json(nlohmann::json::parse(bad));
    ASSERT_FALSE(c) << bad;
    EXPECT_EQ(c.error().code, "products_invalid");
    EXPECT_NE(c.error().message.find("product a"), std::string::npos) << c.error().message;
  }
}

TEST(ProductCatalog, LoadsTheShippedCatalogWhenPresent) {
  const auto file = std::filesystem::path(STORYLOOM_SOURCE_DIR) / "catalog/products.json";
  if (!std::filesystem::exists(file)) GTEST_SKIP() << "catalog/products.json is not on this branch yet";
  auto c = ProductCatalog::load(file);
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_NE(c->find("digital-pdf"), nullptr);
}
