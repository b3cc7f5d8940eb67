// commerce's view of the books table (commerce::BookUnlockPort) over the books module: facts for
// checkout and delivery, and status moves on the caller's connection so the book changes in the
// same transaction as the order. Payment goes through books::BookService::confirm_payment, so
// "paid" means the same thing however a book got there (paid_at set, expiry cleared,
// render_final_pages enqueued).
#pragma once

#include "books/book_service.hpp"
#include "commerce/book_unlock_port.hpp"
#include "core/clock.hpp"

namespace storyloom::app {

class BooksForCommerce final : public commerce::BookUnlockPort {
 public:
  explicit BooksForCommerce(const core::Clock& clock) : clock_(clock) {}

  // The book service exists only once the generation service is built (it needs the job queue);
  // moves to `paid` fail with internal `books_unavailable` until this is called.
  void attach(books::BookService& service) { service_ = &service; }

  core::Result<std::optional<commerce::BookFacts>> find_book(sql::Connection& conn, std::string_view book_id) override;
  // Answers false (changes nothing) when the book is gone or the status machine has no edge from
  // its current status to `to`: a late or repeated webhook.
  core::Result<bool> move_book(sql::Connection& conn, std::string_view book_id, core::BookStatus to) override;

 private:
  const core::Clock& clock_;
  books::BookService* service_ = nullptr;
};

}  // namespace storyloom::app
