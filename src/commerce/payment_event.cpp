#include "commerce/payment_event.hpp"

#include <array>
#include <utility>

namespace storyloom::commerce {
// Named, not anonymous: its `using enum` must not meet another enum's in a unity build.
namespace payment_event_table {
using enum PaymentEventType;
constexpr std::array kNames{std::pair{paid, "paid"}, std::pair{failed, "failed"}, std::pair{refunded, "refunded"},
                            std::pair{cancelled, "cancelled"}, std::pair{unknown, "unknown"}};
}  // namespace payment_event_table

std::string payment_series(const PaymentEvent& e) {
  if (!e.payment_ref.empty()) return e.provider + ":" + e.payment_ref;
  if (!e.provider_ref.empty()) return e.provider + ":" + e.provider_ref;
  if (!e.order_id.empty()) return "order:" + e.order_id;
  if (!e.book_id.empty()) return "book:" + e.book_id;
  return {};
}

std::string_view to_string(PaymentEventType t) {
  for (auto [type, name] : payment_event_table::kNames)
    if (type == t) return name;
  return "unknown";
}

std::optional<PaymentEventType> parse_payment_event_type(std::string_view s) {
  for (auto [type, name] : payment_event_table::kNames)
    if (name == s) return type;
  return std::nullopt;
}

}  // namespace storyloom::commerce
