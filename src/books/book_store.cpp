#include "books/book_store.hpp"

#include <fmt/format.h>

#include "core/crypto.hpp"

namespace storyloom::books {
namespace {

sql::Value opt_text(const std::string& s) { return s.empty() ? sql::Value{nullptr} : sql::Value{s}; }
sql::Value opt_int(const std::optional<std::int64_t>& v) { return v ? sql::Value{*v} : sql::Value{nullptr}; }

CreditState parse_credit_state(std::string_view s) {
  if (s == "charged") return CreditState::charged;
  if (s == "refunded") return CreditState::refunded;
  return CreditState::none;
}

std::string_view to_string(CreditState s) {
  switch (s) {
    case CreditState::charged: return "charged";
    case CreditState::refunded: return "refunded";
    case CreditState::none: break;
  }
  return "none";
}

core::Error invalid_transition(core::BookStatus from, core::BookStatus to) {
  return core::Error{core::ErrorKind::conflict, "book_invalid_transition",
                     fmt::format("A book that is {} cannot become {}.", core::to_string(from), core::to_string(to)),
                     {{"from", core::to_string(from)}, {"to", core::to_string(to)}}};
}

}  // namespace

std::string book_prefix(std::string_view book_id) { return fmt::format("books/{}/", book_id); }

Book book_from_row(const sql::Row& r) {
  Book b;
  b.id = r.text("id");
  b.owner_id = r.text("owner_id");
  b.child = nlohmann::json::parse(r.text("child"), nullptr, false);
  b.photo_id = r.optional_text("photo_id").value_or("");
  b.theme = r.text("theme");
  b.style = r.text("style");
  b.seed = r.integer("seed");
  b.title = r.optional_text("title").value_or("");
  b.status = core::parse_book_status(r.text("status")).value_or(core::BookStatus::failed);
  b.failure_code = r.optional_text("failure_code").value_or("");
  b.failure_message = r.optional_text("failure_message").value_or("");
  b.retries_used = static_cast<int>(r.integer("retries_used"));
  b.regenerations_used = static_cast<int>(r.integer("regenerations_used"));
  b.run = static_cast<int>(r.integer("run"));
  b.credit_state = parse_credit_state(r.text("credit_state"));
  b.preview_pdf_key = r.optional_text("preview_pdf_key").value_or("");
  b.print_pdf_key = r.optional_text("print_pdf_key").value_or("");
  b.photo_released = r.boolean("photo_released");
  b.created_at = r.integer("created_at");
  b.updated_at = r.integer("updated_at");
  b.status_changed_at = r.integer("status_changed_at");
  b.preview_ready_at = r.optional_integer("preview_ready_at");
  b.paid_at = r.optional_integer("paid_at");
  b.expires_at = r.optional_integer("expires_at");
  return b;
}

Page page_from_row(const sql::Row& r) {
  Page p;
  p.book_id = r.text("book_id");
  p.number = static_cast<int>(r.integer("number"));
  p.text = r.text("text");
  p.brief = nlohmann::json::parse(r.text("brief"), nullptr, false);
  p.state = parse_page_state(r.text("state"));
  p.base_image_key = r.optional_text("base_image_key").value_or("");
  p.personalized_image_key = r.optional_text("personalized_image_key").value_or("");
  p.preview_image_key = r.optional_text("preview_image_key").value_or("");
  p.final_image_key = r.optional_text("final_image_key").value_or("");
  p.fell_back = r.boolean("fell_back");
  p.fell_back_reason = r.optional_text("fell_back_reason").value_or("");
  p.regenerations = static_cast<int>(r.integer("regenerations"));
  return p;
}

core::Result<std::optional<Book>> find_book(sql::Connection& conn, std::string_view id) {
  auto row = conn.query_one("SELECT * FROM books WHERE id = $1", {std::string(id)});
  if (!row) return std::unexpected(row.error());
  if (!row->has_value()) return std::optional<Book>{};
  return std::optional<Book>{book_from_row(**row)};
}

core::Result<Book> load_book(sql::Connection& conn, std::string_view id) {
  auto book = find_book(conn, id);
  if (!book) return std::unexpected(book.error());
  if (!book->has_value()) return core::fail(core::ErrorKind::not_found, "book_not_found", "There is no such book.");
  return std::move(**book);
}

core::Result<Book> load_owned_book(sql::Connection& conn, std::string_view id, std::string_view owner_id) {
  auto book = load_book(conn, id);
  if (book && book->owner_id != owner_id)
    return core::fail(core::ErrorKind::not_found, "book_not_found", "There is no such book.");
  return book;
}

core::Result<std::vector<Page>> load_pages(sql::Connection& conn, std::string_view book_id) {
  auto rows = conn.query("SELECT * FROM book_pages WHERE book_id = $1 ORDER BY number", {std::string(book_id)});
  if (!rows) return std::unexpected(rows.error());
  std::vector<Page> pages;
  for (const auto& r : *rows) pages.push_back(page_from_row(r));
  return pages;
}

core::Result<std::optional<Page>> find_page(sql::Connection& conn, std::string_view book_id, int number) {
  auto row = conn.query_one("SELECT * FROM book_pages WHERE book_id = $1 AND number = $2",
                            {std::string(book_id), std::int64_t{number}});
  if (!row) return std::unexpected(row.error());
  if (!row->has_value()) return std::optional<Page>{};
  return std::optional<Page>{page_from_row(**row)};
}

core::Result<void> lock_book(sql::Connection& conn, std::string_view book_id) {
  auto row = conn.query_one(fmt::format("SELECT id FROM books WHERE id = $1{}", sql::lock_clause(conn.dialect())),
                            {std::string(book_id)});
  if (!row) return std::unexpected(row.error());
  return {};
}

core::Result<void> insert_book(sql::Connection& conn, const Book& b) {
  auto n = conn.execute(
      "INSERT INTO books (id, owner_id, child, photo_id, theme, style, seed, title, status, run, credit_state, "
      "created_at, updated_at, status_changed_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, "
      "$11, $12, $12, $12, $13)",
      {b.id, b.owner_id, b.child.dump(), opt_text(b.photo_id), b.theme, b.style, b.seed, opt_text(b.title),
       std::string(core::to_string(b.status)), std::int64_t{b.run}, std::string(to_string(b.credit_state)),
       b.created_at, opt_int(b.expires_at)});
  if (!n) return std::unexpected(n.error());
  return {};
}

core::Result<void> hold_for_checkout(sql::Connection& conn, const core::Clock& clock, std::string_view book_id) {
  const std::int64_t until = clock.unix_seconds() + std::chrono::seconds(kCheckoutHold).count();
  auto n = conn.execute("UPDATE books SET expires_at = $1 WHERE id = $2 AND expires_at IS NOT NULL AND expires_at < $1",
                        {until, std::string(book_id)});
  if (!n) return std::unexpected(n.error());
  return {};
}

core::Result<void> change_status(sql::Connection& conn, const core::Clock& clock, std::string_view book_id,
                                 core::BookStatus from, core::BookStatus to) {
  if (!core::can_transition(from, to)) return std::unexpected(invalid_transition(from, to));
  const auto now = clock.unix_seconds();
  auto n = conn.execute(
      "UPDATE books SET status = $1, status_changed_at = $2, updated_at = $2 WHERE id = $3 AND status = $4",
      {std::string(core::to_string(to)), now, std::string(book_id), std::string(core::to_string(from))});
  if (!n) return std::unexpected(n.error());
  if (*n == 1) return {};
  auto current = load_book(conn, book_id);
  if (!current) return std::unexpected(current.error());
  return std::unexpected(invalid_transition(current->status, to));
}

core::Result<LibraryPage> list_library(sql::Connection& conn, std::string_view owner_id, int limit,
                                       std::string_view cursor) {
  limit = std::clamp(limit, 1, 100);
  std::int64_t before_at = 0;
  std::string before_id;
  if (!cursor.empty()) {
    auto decoded = core::base64url_decode(cursor);
    const auto colon = decoded ? decoded->find(':') : std::string::npos;
    if (colon == std::string::npos)
      return core::fail(core::ErrorKind::invalid_argument, "cursor_invalid", "The page cursor is not valid.");
    before_at = std::strtoll(decoded->substr(0, colon).c_str(), nullptr, 10);
    before_id = decoded->substr(colon + 1);
  }
  // Newest first; (created_at, id) orders books made in the same second.
  auto rows = cursor.empty()
                  ? conn.query("SELECT * FROM books WHERE owner_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2",
                               {std::string(owner_id), std::int64_t{limit + 1}})
                  : conn.query(
                        "SELECT * FROM books WHERE owner_id = $1 AND (created_at < $2 OR (created_at = $2 AND "
                        "id < $3)) ORDER BY created_at DESC, id DESC LIMIT $4",
                        {std::string(owner_id), before_at, before_id, std::int64_t{limit + 1}});
  if (!rows) return std::unexpected(rows.error());
  LibraryPage page;
  for (const auto& r : *rows) page.books.push_back(book_from_row(r));
  if (static_cast<int>(page.books.size()) > limit) {
    page.books.resize(static_cast<std::size_t>(limit));
    const auto& last = page.books.back();
    page.next_cursor = core::base64url_encode(fmt::format("{}:{}", last.created_at, last.id));
  }
  return page;
}

core::Result<std::vector<Book>> books_of(sql::Connection& conn, std::string_view owner_id) {
  auto rows = conn.query("SELECT * FROM books WHERE owner_id = $1 ORDER BY created_at, id", {std::string(owner_id)});
  if (!rows) return std::unexpected(rows.error());
  std::vector<Book> out;
  for (const auto& r : *rows) out.push_back(book_from_row(r));
  return out;
}

}  // namespace storyloom::books
