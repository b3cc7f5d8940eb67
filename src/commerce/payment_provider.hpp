// The payments port. One adapter per provider (demo, stripe, shopify; Razorpay, PayPal and
// Paddle fit the same three calls). Intake calls verify_webhook() on the raw bytes BEFORE
// anything parses them, and parse_event() only after it succeeded.
#pragma once

#include <string>
#include <string_view>

#include "commerce/order.hpp"
#include "commerce/payment_event.hpp"
#include "commerce/webhook_request.hpp"
#include "core/error.hpp"

namespace storyloom::commerce {

struct CheckoutRequest {
  const Order& order;           // items, total, our order id (echoed back in webhooks)
  std::string idempotency_key;  // sent to the provider: a retried call never creates two charges
  std::string success_url;      // where the provider sends the buyer after paying
  std::string cancel_url;       // ... and after giving up
};

struct CheckoutSession {
  std::string checkout_url;     // where the buyer pays
  std::string provider_ref;     // the provider's id for this checkout (session id, ...)
};

class PaymentProvider {
 public:
  virtual ~PaymentProvider() = default;

  virtual std::string_view name() const = 0;

  // unavailable (payments_provider_unavailable) when the provider cannot be reached or refuses;
  // unsupported (payments_checkout_unconfigured) when this shop has not configured what it needs.
  virtual core::Result<CheckoutSession> create_checkout(const CheckoutRequest& request) = 0;

  // invalid_argument `webhook_signature_invalid` (details.reason says why) when the signature is
  // missing, wrong, or outside the provider's time tolerance. Must not parse the body.
  virtual core::Result<void> verify_webhook(const WebhookRequest& request) const = 0;

  // Only for verified requests. invalid_argument `webhook_payload_invalid` when the body is not
  // the provider's shape (no event id); unknown event types parse fine as type `unknown`.
  virtual core::Result<PaymentEvent> parse_event(const WebhookRequest& request) const = 0;
};

// The error every adapter answers for a bad signature; `reason` goes to the audit log.
core::Error signature_invalid(std::string_view reason);
core::Error payload_invalid(std::string_view reason);

}  // namespace storyloom::commerce
