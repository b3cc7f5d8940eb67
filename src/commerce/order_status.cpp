#include "commerce/order_status.hpp"

#include <array>
#include <utility>

namespace storyloom::commerce {
// Named, not anonymous: its `using enum` must not meet another enum's in a unity build.
namespace order_status_table {

using enum OrderStatus;

constexpr std::array kNames{
    std::pair{pending, "pending"},
    std::pair{payment_pending, "payment_pending"},
    std::pair{paid, "paid"},
    std::pair{fulfilled, "fulfilled"},
    std::pair{awaiting_print_partner, "awaiting_print_partner"},
    std::pair{payment_failed, "payment_failed"},
    std::pair{refunded, "refunded"},
    std::pair{cancelled, "cancelled"},
};

// A declined card may be followed by a successful one (Stripe retries on the same session), so
// payment_failed → paid exists; nothing leads from a paid state back to an unpaid one.
constexpr std::array kEdges{
    std::pair{pending, payment_pending},          std::pair{pending, cancelled},
    std::pair{payment_pending, paid},             std::pair{payment_pending, payment_failed},
    std::pair{payment_pending, cancelled},
    std::pair{payment_failed, payment_pending},   std::pair{payment_failed, paid},
    std::pair{payment_failed, cancelled},
    std::pair{paid, fulfilled},                   std::pair{paid, awaiting_print_partner},
    std::pair{paid, refunded},                    std::pair{paid, cancelled},
    std::pair{awaiting_print_partner, fulfilled}, std::pair{awaiting_print_partner, refunded},
    std::pair{awaiting_print_partner, cancelled},
    std::pair{fulfilled, refunded},
};

}  // namespace order_status_table

std::string_view to_string(OrderStatus s) {
  for (auto [status, name] : order_status_table::kNames)
    if (status == s) return name;
  return "unknown";
}

std::optional<OrderStatus> parse_order_status(std::string_view s) {
  for (auto [status, name] : order_status_table::kNames)
    if (name == s) return status;
  return std::nullopt;
}

bool can_transition(OrderStatus from, OrderStatus to) {
  for (auto [a, b] : order_status_table::kEdges)
    if (a == from && b == to) return true;
  return false;
}

bool grants_download(OrderStatus s) {
  using enum OrderStatus;
  return s == paid || s == fulfilled || s == awaiting_print_partner;
}

}  // namespace storyloom::commerce
