// A provider's webhook reduced to what Storyloom acts on. Providers map their own event names
// onto these few types; anything else is `unknown` (recorded, answered 200, ignored).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/money.hpp"

namespace storyloom::commerce {

enum class PaymentEventType { paid, failed, refunded, cancelled, unknown };

std::string_view to_string(PaymentEventType t);
std::optional<PaymentEventType> parse_payment_event_type(std::string_view s);

struct PaymentEvent {
  std::string provider;      // "stripe"
  std::string event_id;      // the provider's idempotency id (unique per provider)
  PaymentEventType type = PaymentEventType::unknown;
  std::string raw_type;      // the provider's own name, e.g. "checkout.session.completed"
  std::string order_id;      // our order id when the provider echoes it back
  std::string provider_ref;  // the provider's checkout/order object id
  std::string payment_ref;   // the provider's payment id (payment intent, ...)
  std::string book_id;       // when the provider carries it instead of our order id (Shopify)
  std::optional<core::Money> amount;  // what was paid / refunded, minor units
  // Placed in the provider's own shop (Shopify storefront) rather than through our checkout:
  // a paid one naming a book may become our order. Never set for checkout-only providers.
  bool shop_order = false;
};

// Which payment the event is about: "<provider>:<payment ref>", else "<provider>:<provider ref>",
// else "order:<id>", else "book:<id>"; empty when it names none. The provider's own references come
// first because every event of one payment carries them (Stripe's payment intent, Shopify's order
// id), while our order id is missing from some (a Stripe charge). Events of one series are applied
// one at a time, in arrival order.
std::string payment_series(const PaymentEvent& e);

}  // namespace storyloom::commerce
