// Shopify: the book is a line item of a Shopify order. Checkout sends the buyer to the shop's
// cart permalink for the product's variant, with our order and book ids as cart attributes
// (they come back as the order's note_attributes); a storefront that sells through the App
// Proxy may instead carry the book id as a line item property `_storyloom_book_id`.
// Webhooks orders/paid → paid and orders/cancelled → cancelled; other topics → unknown.
#pragma once

#include <map>
#include <string>

#include "commerce/payment_provider.hpp"

namespace storyloom::commerce {

struct ShopifyConfig {
  std::string api_secret;    // the app's client secret (STORYLOOM_SHOPIFY_API_SECRET)
  std::string shop_domain;   // "example.myshopify.com"; checkout is unconfigured without it
  std::map<std::string, std::string> variants;  // our product id → Shopify variant id
};

class ShopifyProvider final : public PaymentProvider {
 public:
  explicit ShopifyProvider(ShopifyConfig config) : config_(std::move(config)) {}

  std::string_view name() const override { return "shopify"; }
  core::Result<CheckoutSession> create_checkout(const CheckoutRequest& request) override;
  core::Result<void> verify_webhook(const WebhookRequest& request) const override;
  // event id: X-Shopify-Event-Id, else X-Shopify-Webhook-Id (either header spelling).
  core::Result<PaymentEvent> parse_event(const WebhookRequest& request) const override;

 private:
  ShopifyConfig config_;
};

// "14.99" in a currency with 2 minor digits → 1499. nullopt for anything else.
std::optional<std::int64_t> parse_decimal_minor(std::string_view text, int digits);

}  // namespace storyloom::commerce
