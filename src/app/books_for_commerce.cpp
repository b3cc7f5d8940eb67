#include "app/books_for_commerce.hpp"

#include "books/book_store.hpp"
#include "core/log.hpp"

namespace storyloom::app {

core::Result<std::optional<commerce::BookFacts>> BooksForCommerce::find_book(sql::Connection& conn,
                                                                             std::string_view book_id) {
  auto book = books::find_book(conn, book_id);
  if (!book) return std::unexpected(book.error());
  if (!*book) return std::optional<commerce::BookFacts>{};
  const books::Book& b = **book;
  const auto name = b.child.is_object() ? b.child.value("name", std::string()) : std::string();
  return commerce::BookFacts{.id = b.id, .owner_id = b.owner_id, .status = b.status, .title = b.title,
                             .child_name = name, .final_pdf_key = b.print_pdf_key};
}

core::Result<bool> BooksForCommerce::move_book(sql::Connection& conn, std::string_view book_id, core::BookStatus to) {
  auto book = books::find_book(conn, book_id);
  if (!book) return std::unexpected(book.error());
  if (!*book) {
    core::log_warn("order for a deleted book", {{"book_id", book_id}, {"to", core::to_string(to)}});
    return false;
  }
  const core::BookStatus from = (*book)->status;
  const bool previewed = from == core::BookStatus::preview_ready || from == core::BookStatus::payment_pending;
  if (to == core::BookStatus::payment_pending && previewed)  // a checkout, or a second one
    if (auto held = books::hold_for_checkout(conn, clock_, book_id); !held) return std::unexpected(held.error());
  if (!core::can_transition(from, to)) return false;
  if (to == core::BookStatus::paid) {
    if (!service_)
      return core::fail(core::ErrorKind::internal, "books_unavailable", "The book service is not wired.");
    if (auto paid = service_->confirm_payment(conn, book_id); !paid) return std::unexpected(paid.error());
    return true;
  }
  if (auto moved = books::change_status(conn, clock_, book_id, from, to); !moved) return std::unexpected(moved.error());
  return true;
}

}  // namespace storyloom::app
