#include "books/book_service.hpp"

#include <random>

#include <fmt/format.h>

#include "books/pipeline.hpp"
#include "books/step_support.hpp"
#include "books/steps.hpp"
#include "core/ids.hpp"
#include "core/log.hpp"

namespace storyloom::books {
namespace {

using core::BookStatus;

core::Result<void> check_request(const NewBook& r) {
  const auto bad = [](std::string field, std::string message) {
    return core::fail(core::ErrorKind::invalid_argument, "book_request_invalid", std::move(message),
                      {{"field", std::move(field)}});
  };
  if (r.owner_id.empty()) return bad("owner_id", "A book needs an owner.");
  if (!r.child.is_object()) return bad("child", "Tell us about the child.");
  const auto name = r.child.value("name", std::string());
  if (name.empty() || name.size() > 40) return bad("child.name", "The child's name must have 1 to 40 characters.");
  const auto age = r.child.find("age");
  if (age == r.child.end() || !age->is_number_integer() || *age < 0 || *age > 14)
    return bad("child.age", "The child's age must be a whole number from 0 to 14.");
  if (r.theme.empty()) return bad("theme", "Choose a theme.");
  if (r.style.empty()) return bad("style", "Choose an art style.");
  return {};
}

std::int64_t random_seed() {
  static thread_local std::mt19937_64 rng{std::random_device{}()};
  return static_cast<std::int64_t>(rng() >> 2);
}

}  // namespace

BookService::BookService(std::shared_ptr<sql::Database> db, blob::Store& blobs, jobs::Queue& queue,
                         const core::Clock& clock, BookRules rules, CreditLedgerPort* credits)
    : db_(std::move(db)), blobs_(blobs), queue_(queue), clock_(clock), rules_(rules), credits_(credits) {}

core::Result<Book> BookService::start_book(const NewBook& r) {
  if (auto ok = check_request(r); !ok) return std::unexpected(ok.error());
  if (r.charge_credit && !credits_)
    return core::fail(core::ErrorKind::internal, "credits_unavailable", "Credits are not configured.");
  Book book{.id = core::new_id("bk"), .owner_id = r.owner_id, .child = r.child, .photo_id = r.photo_id,
            .theme = r.theme, .style = r.style, .seed = r.seed.value_or(random_seed()),
            .status = BookStatus::draft, .credit_state = r.charge_credit ? CreditState::charged : CreditState::none,
            .created_at = clock_.unix_seconds()};
  auto done = detail::in_transaction(*db_, [&](sql::Connection& conn) -> core::Result<void> {
    if (auto inserted = insert_book(conn, book); !inserted) return inserted;
    if (r.charge_credit)
      if (auto charged = credits_->charge(conn, book.owner_id, credit_reference(book)); !charged) return charged;
    if (auto moved = change_status(conn, clock_, book.id, BookStatus::draft, BookStatus::generating); !moved)
      return moved;
    book.status = BookStatus::generating;
    if (auto q = steps::enqueue_book_step(queue_, conn, steps::kWriteStory, book); !q)
      return std::unexpected(q.error());
    return {};
  });
  if (!done) return std::unexpected(done.error());
  core::log_info("book_started", {{"book_id", book.id}, {"theme", book.theme}, {"style", book.style}});
  return get(book.owner_id, book.id);
}

core::Result<Book> BookService::get(std::string_view owner_id, std::string_view book_id) {
  auto conn = db_->acquire();
  if (!conn) return std::unexpected(conn.error());
  return load_owned_book(**conn, book_id, owner_id);
}

core::Result<std::vector<Page>> BookService::pages(std::string_view owner_id, std::string_view book_id) {
  auto conn = db_->acquire();
  if (!conn) return std::unexpected(conn.error());
  if (auto book = load_owned_book(**conn, book_id, owner_id); !book) return std::unexpected(book.error());
  return load_pages(**conn, book_id);
}

core::Result<Progress> BookService::progress(const Book& book) {
  auto conn = db_->acquire();
  if (!conn) return std::unexpected(conn.error());
  return book_progress(**conn, book, rules_);
}

core::Result<LibraryPage> BookService::library(std::string_view owner_id, int limit, std::string_view cursor) {
  auto conn = db_->acquire();
  if (!conn) return std::unexpected(conn.error());
  return list_library(**conn, owner_id, limit, cursor);
}

core::Result<Book> BookService::retry(std::string_view owner_id, std::string_view book_id) {
  auto done = detail::in_transaction(*db_, [&](sql::Connection& conn) -> core::Result<void> {
    auto book = load_owned_book(conn, book_id, owner_id);
    if (!book) return std::unexpected(book.error());
    if (book->status != BookStatus::failed)
      return core::fail(core::ErrorKind::conflict, "book_invalid_transition", "Only a failed book can be retried.");
    if (book->retries_used >= rules_.max_retries)
      return core::fail(core::ErrorKind::conflict, "book_retry_limit",
                        fmt::format("A book can be retried at most {} times.", rules_.max_retries));
    const auto to = book->paid_at ? BookStatus::finalizing : BookStatus::generating;
    if (auto moved = change_status(conn, clock_, book->id, BookStatus::failed, to); !moved) return moved;
    book->status = to;
    ++book->run;
    ++book->retries_used;
    if (book->credit_state == CreditState::refunded && credits_) {  // the new run needs a credit again
      if (auto charged = credits_->charge(conn, book->owner_id, credit_reference(*book)); !charged) return charged;
      book->credit_state = CreditState::charged;
    }
    auto n = conn.execute(
        "UPDATE books SET run = $1, retries_used = $2, credit_state = $3, failure_code = NULL, "
        "failure_message = NULL WHERE id = $4",
        {std::int64_t{book->run}, std::int64_t{book->retries_used},
         std::string(book->credit_state == CreditState::charged ? "charged" : book->credit_state == CreditState::refunded ? "refunded" : "none"),
         book->id});
    if (!n) return std::unexpected(n.error());
    const auto first = book->paid_at ? steps::kRenderFinalPages : steps::kWriteStory;
    if (auto q = steps::enqueue_book_step(queue_, conn, first, *book); !q) return std::unexpected(q.error());
    return {};
  });
  if (!done) return std::unexpected(done.error());
  return get(owner_id, book_id);
}

core::Result<Book> BookService::regenerate_page(std::string_view owner_id, std::string_view book_id, int number) {
  std::optional<Page> old;
  auto done = detail::in_transaction(*db_, [&](sql::Connection& conn) -> core::Result<void> {
    auto book = load_owned_book(conn, book_id, owner_id);
    if (!book) return std::unexpected(book.error());
    auto page = find_page(conn, book_id, number);
    if (!page) return std::unexpected(page.error());
    if (!page->has_value()) return core::fail(core::ErrorKind::not_found, "page_not_found", "There is no such page.");
    if (book->regenerations_used >= rules_.max_regenerations)
      return core::fail(core::ErrorKind::conflict, "book_regeneration_limit",
                        fmt::format("Pages of a book can be redrawn at most {} times.", rules_.max_regenerations));
    if (auto moved = change_status(conn, clock_, book->id, book->status, BookStatus::generating); !moved) return moved;
    old = **page;
    ++book->regenerations_used;
    Page fresh = **page;
    ++fresh.regenerations;
    fresh.state = PageState::written;
    auto n = conn.execute("UPDATE books SET regenerations_used = $1 WHERE id = $2",
                          {std::int64_t{book->regenerations_used}, book->id});
    if (!n) return std::unexpected(n.error());
    n = conn.execute(
        "UPDATE book_pages SET regenerations = $1, state = 'written', base_image_key = NULL, "
        "personalized_image_key = NULL, preview_image_key = NULL, fell_back = 0, fell_back_reason = NULL, "
        "updated_at = $2 WHERE book_id = $3 AND number = $4",
        {std::int64_t{fresh.regenerations}, clock_.unix_seconds(), book->id, std::int64_t{number}});
    if (!n) return std::unexpected(n.error());
    if (auto q = steps::enqueue_page_step(queue_, conn, steps::kIllustratePage, *book, fresh); !q)
      return std::unexpected(q.error());
    return {};
  });
  if (!done) return std::unexpected(done.error());
  // The old picture's blobs go once the new page is committed; their keys are no longer recorded.
  for (const auto& key : {old->base_image_key, old->personalized_image_key, old->preview_image_key})
    if (!key.empty())
      if (auto removed = blobs_.remove(key); !removed) core::log_warn("blob_remove_failed", {{"key", key}});
  return get(owner_id, book_id);
}

core::Result<void> BookService::delete_book(std::string_view owner_id, std::string_view book_id) {
  auto conn = db_->acquire();
  if (!conn) return std::unexpected(conn.error());
  auto book = load_owned_book(**conn, book_id, owner_id);
  if (!book) return std::unexpected(book.error());
  return remove_book(**conn, book->id);
}

core::Result<std::int64_t> BookService::delete_books_of(sql::Connection& conn, std::string_view owner_id) {
  auto owned = books_of(conn, owner_id);
  if (!owned) return std::unexpected(owned.error());
  for (const auto& book : *owned)
    if (auto removed = remove_book(conn, book.id); !removed) return std::unexpected(removed.error());
  return static_cast<std::int64_t>(owned->size());
}

core::Result<void> BookService::remove_book(sql::Connection& conn, std::string_view book_id) {
  auto n = conn.execute("DELETE FROM books WHERE id = $1", {std::string(book_id)});
  if (!n) return std::unexpected(n.error());
  // After the row: a step still running sees no book and removes what it writes (page_steps.cpp).
  auto removed = blobs_.remove_prefix(book_prefix(book_id));
  if (!removed) return std::unexpected(removed.error());
  core::log_info("book_deleted", {{"book_id", book_id}, {"blobs", *removed}});
  return {};
}

core::Result<void> BookService::confirm_payment(sql::Connection& conn, std::string_view book_id) {
  auto book = load_book(conn, book_id);
  if (!book) return std::unexpected(book.error());
  if (book->status != BookStatus::preview_ready && book->status != BookStatus::payment_pending) {
    if (book->paid_at) return {};  // replayed confirmation
    return core::fail(core::ErrorKind::conflict, "book_invalid_transition",
                      fmt::format("A book that is {} cannot be paid.", core::to_string(book->status)));
  }
  if (auto moved = change_status(conn, clock_, book->id, book->status, BookStatus::paid); !moved) return moved;
  auto n = conn.execute("UPDATE books SET paid_at = $1, expires_at = NULL WHERE id = $2",
                        {clock_.unix_seconds(), book->id});
  if (!n) return std::unexpected(n.error());
  if (auto q = steps::enqueue_book_step(queue_, conn, steps::kRenderFinalPages, *book); !q)
    return std::unexpected(q.error());
  return {};
}

}  // namespace storyloom::books
