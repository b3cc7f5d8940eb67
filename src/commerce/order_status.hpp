// The order's life cycle. Only the listed edges exist, so a late or repeated payment event can
// change nothing it should not: a "failed" after "paid" finds no edge and is ignored.
//
//   pending → payment_pending → paid → fulfilled (digital) | awaiting_print_partner (printed)
//   payment_pending → payment_failed → payment_pending (retry) | paid (a later success)
//   paid | awaiting_print_partner | fulfilled → refunded;  open or paid orders → cancelled
#pragma once

#include <optional>
#include <string_view>

namespace storyloom::commerce {

enum class OrderStatus {
  pending,
  payment_pending,
  paid,
  fulfilled,
  awaiting_print_partner,
  payment_failed,
  refunded,
  cancelled,
};

std::string_view to_string(OrderStatus s);
std::optional<OrderStatus> parse_order_status(std::string_view s);
bool can_transition(OrderStatus from, OrderStatus to);
// Paid and not taken back: the buyer may download.
bool grants_download(OrderStatus s);

}  // namespace storyloom::commerce
