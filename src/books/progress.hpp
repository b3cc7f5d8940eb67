// A book's progress, derived from what is finished (pages' states, the book's status) and, for
// the estimate, the mean durations of recent steps in generation_log.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "books/book.hpp"
#include "core/error.hpp"
#include "sql/connection.hpp"

namespace storyloom::books {

struct Progress {
  int percent = 0;                    // 0..100; 100 only when the stage is done
  std::string current_step;           // in words, for parents: "Illustrating page 3 of 10"
  int pages_completed = 0;
  int pages_total = 0;
  std::optional<int> eta_seconds;     // absent when there is no history to estimate from
};

core::Result<Progress> book_progress(sql::Connection& conn, const Book& book, const BookRules& rules);

nlohmann::json to_json(const Progress& p);

}  // namespace storyloom::books
