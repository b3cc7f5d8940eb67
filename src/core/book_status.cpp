#include "core/book_status.hpp"

#include <array>
#include <utility>

namespace storyloom::core {
// Named, not anonymous: its `using enum` must not meet another enum's in a unity build.
namespace book_status_table {

using enum BookStatus;

constexpr std::array kNames{
    std::pair{draft, "draft"},       std::pair{generating, "generating"}, std::pair{preview_ready, "preview_ready"},
    std::pair{payment_pending, "payment_pending"}, std::pair{paid, "paid"}, std::pair{finalizing, "finalizing"},
    std::pair{ready, "ready"},       std::pair{printing, "printing"},     std::pair{shipped, "shipped"},
    std::pair{delivered, "delivered"}, std::pair{failed, "failed"},       std::pair{expired, "expired"},
    std::pair{refunded, "refunded"}, std::pair{cancelled, "cancelled"},
};

// The allowed edges. Payment may be confirmed from preview_ready directly (a webhook can beat the
// redirect), a failed book may be retried, and a paid book that fails finalizing can be retried.
constexpr std::array kEdges{
    std::pair{draft, generating},          std::pair{draft, cancelled},
    std::pair{generating, preview_ready},  std::pair{generating, failed},      std::pair{generating, cancelled},
    std::pair{preview_ready, generating},  // a page regenerates
    std::pair{preview_ready, payment_pending}, std::pair{preview_ready, paid}, std::pair{preview_ready, expired},
    std::pair{preview_ready, cancelled},
    std::pair{payment_pending, paid},      std::pair{payment_pending, preview_ready},  // payment declined
    std::pair{payment_pending, expired},   std::pair{payment_pending, cancelled},
    std::pair{paid, finalizing},           std::pair{paid, refunded},
    std::pair{finalizing, ready},          std::pair{finalizing, failed},      std::pair{finalizing, refunded},
    std::pair{ready, printing},            std::pair{ready, refunded},
    std::pair{printing, shipped},          std::pair{printing, failed},        std::pair{printing, cancelled},
    std::pair{shipped, delivered},
    std::pair{failed, generating},         std::pair{failed, finalizing},      std::pair{failed, refunded},
};

}  // namespace book_status_table

std::string_view to_string(BookStatus s) {
  for (auto [status, name] : book_status_table::kNames)
    if (status == s) return name;
  return "unknown";
}

std::optional<BookStatus> parse_book_status(std::string_view s) {
  for (auto [status, name] : book_status_table::kNames)
    if (name == s) return status;
  return std::nullopt;
}

bool can_transition(BookStatus from, BookStatus to) {
  for (auto [a, b] : book_status_table::kEdges)
    if (a == from && b == to) return true;
  return false;
}

bool is_terminal(BookStatus s) {
  using enum BookStatus;
  return s == delivered || s == expired || s == refunded || s == cancelled;
}

}  // namespace storyloom::core
