// The embedded payment provider, for shops with no payment account and for offline use. Its
// checkout page is served by Storyloom (GET /checkout/demo/{order}) with Pay and Decline
// buttons; pressing one makes a webhook signed with the shop's demo secret (the Stripe-style
// t=,v1= scheme in the `Storyloom-Demo-Signature` header) and delivers it to our own
// POST /webhooks/demo, so it travels exactly the path a remote provider's webhook does.
#pragma once

#include <chrono>
#include <string>

#include "commerce/payment_provider.hpp"
#include "core/clock.hpp"

namespace storyloom::commerce {

enum class DemoOutcome { pay, decline };

class DemoProvider final : public PaymentProvider {
 public:
  // `secret`: generated into the data directory on first start; `base_url` prefixes the
  // checkout page link (empty: a path on this server).
  DemoProvider(std::string secret, const core::Clock& clock, std::string base_url = "")
      : secret_(std::move(secret)), clock_(clock), base_url_(std::move(base_url)) {}

  std::string_view name() const override { return "demo"; }
  core::Result<CheckoutSession> create_checkout(const CheckoutRequest& request) override;
  core::Result<void> verify_webhook(const WebhookRequest& request) const override;
  // payment.succeeded → paid, payment.declined → failed, payment.refunded → refunded.
  core::Result<PaymentEvent> parse_event(const WebhookRequest& request) const override;

  // The signed webhook the demo page sends when the buyer presses Pay or Decline. The event id
  // is fixed per (order, outcome), so pressing a button twice delivers a duplicate.
  WebhookRequest make_webhook(const Order& order, DemoOutcome outcome) const;

  static constexpr std::string_view kSignatureHeader = "Storyloom-Demo-Signature";

 private:
  std::string secret_;
  const core::Clock& clock_;
  std::string base_url_;
};

}  // namespace storyloom::commerce
