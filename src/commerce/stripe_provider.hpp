// Stripe: Checkout Sessions (POST /v1/checkout/sessions, form-encoded, Bearer secret key,
// Idempotency-Key header) and webhooks verified with Stripe-Signature (see
// timestamped_signature.hpp; 300 s tolerance both ways). Our order id travels as
// client_reference_id and as metadata[order_id] on the session and its payment intent, so every
// event below names the order it belongs to.
#pragma once

#include <chrono>
#include <string>

#include "commerce/http_port.hpp"
#include "commerce/payment_provider.hpp"
#include "core/clock.hpp"

namespace storyloom::commerce {

struct StripeConfig {
  std::string secret_key;       // sk_... (STORYLOOM_STRIPE_SECRET_KEY)
  std::string webhook_secret;   // whsec_... used as given, not decoded (STORYLOOM_STRIPE_WEBHOOK_SECRET)
  std::string api_base = "https://api.stripe.com";  // STORYLOOM_STRIPE_API_BASE
  std::chrono::seconds tolerance{300};
};

class StripeProvider final : public PaymentProvider {
 public:
  StripeProvider(StripeConfig config, HttpPort& http, const core::Clock& clock)
      : config_(std::move(config)), http_(http), clock_(clock) {}

  std::string_view name() const override { return "stripe"; }
  core::Result<CheckoutSession> create_checkout(const CheckoutRequest& request) override;
  core::Result<void> verify_webhook(const WebhookRequest& request) const override;
  // checkout.session.completed (payment_status "paid" only) and
  // checkout.session.async_payment_succeeded → paid; payment_intent.succeeded → paid;
  // payment_intent.payment_failed and checkout.session.async_payment_failed → failed;
  // charge.refunded → refunded when fully refunded; everything else → unknown.
  core::Result<PaymentEvent> parse_event(const WebhookRequest& request) const override;

 private:
  StripeConfig config_;
  HttpPort& http_;
  const core::Clock& clock_;
};

}  // namespace storyloom::commerce
