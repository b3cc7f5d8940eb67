// What the Books API (and commerce) does to books: start one, read it, list the library, retry a
// failed one, regenerate a page, confirm payment, delete. Every write is one transaction that
// changes the row(s), the status (through the status machine) and enqueues the next pipeline
// step together, so a crash leaves either all of it or none. Thread-safe.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "blob/store.hpp"
#include "books/book.hpp"
#include "books/book_store.hpp"
#include "books/ports.hpp"
#include "books/progress.hpp"
#include "core/clock.hpp"
#include "jobs/queue.hpp"
#include "sql/database.hpp"

namespace storyloom::books {

struct NewBook {
  std::string owner_id;
  nlohmann::json child;            // {name, age, pronouns, ...}; validated here for shape only
  std::string photo_id;
  std::string theme, style;        // the caller checks them against the catalog
  std::optional<std::int64_t> seed;  // random when absent
  bool charge_credit = false;      // true where the shop sells credits (needs a CreditLedgerPort)
};

class BookService {
 public:
  BookService(std::shared_ptr<sql::Database> db, blob::Store& blobs, jobs::Queue& queue, const core::Clock& clock,
              BookRules rules, CreditLedgerPort* credits = nullptr);

  // Creates the book (draft → generating), charges a credit when asked and enqueues write_story.
  // invalid_argument (book_request_invalid) for a malformed child; payment_required from the ledger.
  core::Result<Book> start_book(const NewBook& request);

  core::Result<Book> get(std::string_view owner_id, std::string_view book_id);
  core::Result<std::vector<Page>> pages(std::string_view owner_id, std::string_view book_id);
  core::Result<Progress> progress(const Book& book);
  core::Result<LibraryPage> library(std::string_view owner_id, int limit, std::string_view cursor);

  // failed → generating (or finalizing when already paid), at most rules.max_retries times;
  // conflict book_retry_limit / book_invalid_transition; re-charges a refunded credit.
  core::Result<Book> retry(std::string_view owner_id, std::string_view book_id);
  // preview_ready → generating for one page, at most rules.max_regenerations per book;
  // conflict book_regeneration_limit; not_found page_not_found.
  core::Result<Book> regenerate_page(std::string_view owner_id, std::string_view book_id, int page);
  // Removes the book, its pages and every blob under books/<id>/.
  core::Result<void> delete_book(std::string_view owner_id, std::string_view book_id);
  // For accounts' eraser (account deletion), inside its transaction on `conn`: removes every book
  // of `owner_id` as delete_book removes one. The blobs go before the caller commits, so a
  // failed deletion leaves rows whose blobs may be gone; running it again finishes the job
  // (idempotent). Answers how many books it removed.
  core::Result<std::int64_t> delete_books_of(sql::Connection& conn, std::string_view owner_id);

  // For commerce, inside its own transaction on `conn`: preview_ready/payment_pending → paid,
  // clears the expiry and enqueues render_final_pages. A book already paid or beyond is left
  // as it is (a replayed webhook changes nothing).
  core::Result<void> confirm_payment(sql::Connection& conn, std::string_view book_id);

 private:
  // The book's row (its pages go with it: ON DELETE CASCADE), then its blobs.
  core::Result<void> remove_book(sql::Connection& conn, std::string_view book_id);

  std::shared_ptr<sql::Database> db_;
  blob::Store& blobs_;
  jobs::Queue& queue_;
  const core::Clock& clock_;
  BookRules rules_;
  CreditLedgerPort* credits_;
};

}  // namespace storyloom::books
