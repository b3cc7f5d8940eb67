// Our signature checks against hand-made edge cases (the SDK-signed cases are data files; see
// webhook_fixtures_test.cpp) and the small parsers they rely on.
#include <gtest/gtest.h>

#include "commerce/form_encoding.hpp"
#include "commerce/shopify_provider.hpp"
#include "commerce/shopify_signature.hpp"
#include "commerce/timestamped_signature.hpp"
#include "core/crypto.hpp"

using namespace storyloom;
using namespace storyloom::commerce;
using std::chrono::seconds;

TEST(TimestampedSignature, AcceptsItsOwnSignatureAndRejectsEveryChange) {
  const std::string body = R"({"id":"evt_1"})";
  const auto header = sign_timestamped(body, "whsec_x", 1000);
  EXPECT_TRUE(verify_timestamped_signature(header, body, "whsec_x", 1000, seconds(300)));
  EXPECT_FALSE(verify_timestamped_signature(header, body + " ", "whsec_x", 1000, seconds(300)));
  EXPECT_FALSE(verify_timestamped_signature(header, body, "whsec_y", 1000, seconds(300)));
  EXPECT_FALSE(verify_timestamped_signature(header, body, "", 1000, seconds(300)));
  EXPECT_FALSE(verify_timestamped_signature("", body, "whsec_x", 1000, seconds(300)));
  EXPECT_FALSE(verify_timestamped_signature("t=1000", body, "whsec_x", 1000, seconds(300)));
  EXPECT_FALSE(verify_timestamped_signature("v1=abc", body, "whsec_x", 1000, seconds(300)));
}

TEST(TimestampedSignature, ToleranceIsThreeHundredSecondsBothWays) {
  const std::string body = "{}";
  EXPECT_TRUE(verify_timestamped_signature(sign_timestamped(body, "s", 700), body, "s", 1000, seconds(300)));
  EXPECT_FALSE(verify_timestamped_signature(sign_timestamped(body, "s", 699), body, "s", 1000, seconds(300)));
  EXPECT_TRUE(verify_timestamped_signature(sign_timestamped(body, "s", 1300), body, "s", 1000, seconds(300)));
  auto future = verify_timestamped_signature(sign_timestamped(body, "s", 1301), body, "s", 1000, seconds(300));
  ASSERT_FALSE(future);
  EXPECT_EQ(future.error().details["reason"], "timestamp in the future");
}

TEST(TimestampedSignature, AnyOfSeveralV1SignaturesMayMatchAndV0IsIgnored) {
  const std::string body = "{}";
  const std::string good = sign_timestamped(body, "new", 1000).substr(sign_timestamped(body, "new", 1000).find("v1="));
  const std::string old = sign_timestamped(body, "old", 1000).substr(sign_timestamped(body, "old", 1000).find("v1="));
  EXPECT_TRUE(verify_timestamped_signature("t=1000," + old + "," + good, body, "new", 1000, seconds(300)));
  EXPECT_TRUE(verify_timestamped_signature("t=1000,v0=deadbeef," + good, body, "new", 1000, seconds(300)));
  const std::string v0_only = "t=1000,v0=" + good.substr(3);
  EXPECT_FALSE(verify_timestamped_signature(v0_only, body, "new", 1000, seconds(300)));
}

TEST(ShopifySignature, AcceptsEitherHeaderSpellingAndRejectsAWrongOne) {
  WebhookRequest r;
  r.body = R"({"id":1})";
  const std::string hmac = core::base64_encode(core::hmac_sha256("shpss", r.body));
  r.headers = {{"X-Shopify-Hmac-Sha256", hmac}};
  EXPECT_TRUE(verify_shopify_webhook(r, "shpss"));
  r.headers = {{"shopify-hmac-sha256", hmac}};
  EXPECT_TRUE(verify_shopify_webhook(r, "shpss"));
  EXPECT_FALSE(verify_shopify_webhook(r, "other"));
  r.headers = {{"X-Shopify-Hmac-Sha256", core::to_hex(core::hmac_sha256("shpss", r.body))}};  // hex is not base64
  EXPECT_FALSE(verify_shopify_webhook(r, "shpss"));
  r.headers = {};
  EXPECT_FALSE(verify_shopify_webhook(r, "shpss"));
}

TEST(ShopifySignature, AppProxyRefusesRepeatedSignatureShopOrTimestamp) {
  const std::string message = "shop=a.myshopify.comtimestamp=1000";
  const std::string sig = core::to_hex(core::hmac_sha256("k", message));
  const std::string query = "shop=a.myshopify.com&timestamp=1000&signature=" + sig;
  EXPECT_TRUE(verify_shopify_app_proxy(query, "k", 1000));
  EXPECT_FALSE(verify_shopify_app_proxy(query + "&signature=" + sig, "k", 1000));
  EXPECT_FALSE(verify_shopify_app_proxy(query + "&shop=a.myshopify.com", "k", 1000));
  EXPECT_FALSE(verify_shopify_app_proxy(query, "k", 1091));
  EXPECT_FALSE(verify_shopify_app_proxy("shop=a&signature=" + sig, "k", 1000));
}

TEST(ShopifyProvider, ReadsShopAmountsAsMinorUnits) {
  EXPECT_EQ(parse_decimal_minor("14.99", 2), 1499);
  EXPECT_EQ(parse_decimal_minor("15", 2), 1500);
  EXPECT_EQ(parse_decimal_minor("15.5", 2), 1550);
  EXPECT_EQ(parse_decimal_minor("15.500", 2), 1550);
  EXPECT_EQ(parse_decimal_minor("1500", 0), 1500);
  EXPECT_FALSE(parse_decimal_minor("15.555", 2));
  EXPECT_FALSE(parse_decimal_minor("-1.00", 2));
  EXPECT_FALSE(parse_decimal_minor("", 2));
  EXPECT_FALSE(parse_decimal_minor("1.2.3", 2));
}

TEST(FormEncoding, RoundTripsAndRefusesBrokenEscapes) {
  const FormFields f{{"line_items[0][price_data][product_data][name]", "Emma's book & more"}, {"a b", "c+d"}};
  auto parsed = parse_form(form_encode(f));
  ASSERT_TRUE(parsed);
  EXPECT_EQ(*parsed, f);
  EXPECT_EQ(form_decode("a+b%20c"), "a b c");
  EXPECT_FALSE(form_decode("%zz"));
  EXPECT_FALSE(form_decode("%4"));
}
