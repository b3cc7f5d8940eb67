#include "books/book.hpp"

namespace storyloom::books {

std::string_view to_string(PageState s) {
  switch (s) {
    case PageState::illustrated: return "illustrated";
    case PageState::personalized: return "personalized";
    case PageState::written: break;
  }
  return "written";
}

bool is_unlocked(const Book& b) {
  return b.paid_at.has_value() && b.status != core::BookStatus::refunded && b.status != core::BookStatus::cancelled;
}

PageState parse_page_state(std::string_view s) {
  if (s == "illustrated") return PageState::illustrated;
  if (s == "personalized") return PageState::personalized;
  return PageState::written;
}

}  // namespace storyloom::books
