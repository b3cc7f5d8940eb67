// What commerce needs from the books module (which owns the books table): read a book's owner
// and status, and move it along core::can_transition. The adapter runs on the caller's
// connection so the book's change commits in the same transaction as the order's.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/book_status.hpp"
#include "core/error.hpp"
#include "sql/connection.hpp"

namespace storyloom::commerce {

struct BookFacts {
  std::string id;
  std::string owner_id;       // the user who may buy and download it
  core::BookStatus status = core::BookStatus::draft;
  std::string title;          // "Emma and the Enchanted Forest"
  std::string child_name;     // for the delivery mail
  std::string final_pdf_key;  // blob key of the print-ready interior PDF; empty until assembled
};

class BookUnlockPort {
 public:
  virtual ~BookUnlockPort() = default;
  virtual core::Result<std::optional<BookFacts>> find_book(sql::Connection& conn, std::string_view book_id) = 0;
  // Moves the book to `to` when core::can_transition(current, to); answers whether it moved
  // (false, not an error, when the edge does not exist: late events change nothing).
  virtual core::Result<bool> move_book(sql::Connection& conn, std::string_view book_id, core::BookStatus to) = 0;
};

}  // namespace storyloom::commerce
