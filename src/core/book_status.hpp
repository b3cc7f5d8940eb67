// The book's life cycle (ARCHITECTURE.md, "Book status"). Only the listed transitions exist;
// callers ask can_transition() before writing and answer 409 book_invalid_transition otherwise.
#pragma once

#include <optional>
#include <string_view>

namespace storyloom::core {

enum class BookStatus {
  draft,
  generating,
  preview_ready,
  payment_pending,
  paid,
  finalizing,
  ready,
  printing,
  shipped,
  delivered,
  failed,
  expired,
  refunded,
  cancelled,
};

std::string_view to_string(BookStatus s);
std::optional<BookStatus> parse_book_status(std::string_view s);
bool can_transition(BookStatus from, BookStatus to);
bool is_terminal(BookStatus s);

}  // namespace storyloom::core
