// Reading and writing books and pages. Every function works on a connection the caller holds
// (join a transaction by passing its connection). Status changes go only through
// change_status(), which asks core::can_transition and writes with `WHERE status = <old>`, so two
// writers racing on one book cannot both win.
#pragma once

#include <chrono>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "books/book.hpp"
#include "core/clock.hpp"
#include "core/error.hpp"
#include "sql/connection.hpp"

namespace storyloom::books {

core::Result<std::optional<Book>> find_book(sql::Connection& conn, std::string_view id);
// not_found (book_not_found) when absent.
core::Result<Book> load_book(sql::Connection& conn, std::string_view id);
// As load_book, but also not_found when the book belongs to someone else (no existence leak).
core::Result<Book> load_owned_book(sql::Connection& conn, std::string_view id, std::string_view owner_id);
core::Result<std::vector<Page>> load_pages(sql::Connection& conn, std::string_view book_id);
core::Result<std::optional<Page>> find_page(sql::Connection& conn, std::string_view book_id, int number);

// Takes the book's row lock for the rest of the transaction (PostgreSQL FOR UPDATE; SQLite's
// BEGIN IMMEDIATE already serializes writers). Fan-in decisions read pages after this.
core::Result<void> lock_book(sql::Connection& conn, std::string_view book_id);

core::Result<void> insert_book(sql::Connection& conn, const Book& book);

// Moves the book from `from` to `to`. conflict (book_invalid_transition) when the machine does not
// allow it or the book is no longer in `from`; not_found when the book is gone.
core::Result<void> change_status(sql::Connection& conn, const core::Clock& clock, std::string_view book_id,
                                 core::BookStatus from, core::BookStatus to);

// A parent at the payment provider's page keeps the preview at least this long (a provider's
// checkout lasts up to a day: Stripe's sessions expire after 24 h), so paying moments before
// the preview would have expired still unlocks the book.
inline constexpr std::chrono::hours kCheckoutHold{24};
// Pushes the book's preview expiry to at least now + kCheckoutHold; a book that does not expire
// (expires_at NULL: paid) is left alone.
core::Result<void> hold_for_checkout(sql::Connection& conn, const core::Clock& clock, std::string_view book_id);

struct LibraryPage {
  std::vector<Book> books;
  std::string next_cursor;  // empty on the last page
};
// The owner's books, newest first. `cursor` is the opaque next_cursor of the previous page.
core::Result<LibraryPage> list_library(sql::Connection& conn, std::string_view owner_id, int limit,
                                       std::string_view cursor);

// Every book of the owner, oldest first, unpaged (the privacy export and account deletion).
core::Result<std::vector<Book>> books_of(sql::Connection& conn, std::string_view owner_id);

Book book_from_row(const sql::Row& row);
Page page_from_row(const sql::Row& row);

}  // namespace storyloom::books
