// Small pieces every step handler uses: loading the book a job is about (or noticing the job is
// stale), running a unit of work in one write transaction, timing a provider call.
#pragma once

#include <chrono>
#include <initializer_list>
#include <optional>

#include "books/book.hpp"
#include "books/book_store.hpp"
#include "books/ports.hpp"
#include "jobs/generation_log.hpp"
#include "jobs/handler_registry.hpp"
#include "sql/transaction.hpp"

namespace storyloom::books::detail {

// The book of a step's payload when the step still applies: the book exists, is in one of
// `statuses` and is on the payload's run. nullopt means the job is stale and should do nothing.
core::Result<std::optional<Book>> book_for_step(sql::Connection& conn, const nlohmann::json& payload,
                                                std::initializer_list<core::BookStatus> statuses);

// Runs f(conn) inside one write transaction on a pooled connection; commits when f succeeds.
template <class F>
core::Result<void> in_transaction(sql::Database& db, F&& f) {
  auto conn = db.acquire();
  if (!conn) return std::unexpected(conn.error());
  auto tx = sql::Transaction::begin(**conn);
  if (!tx) return std::unexpected(tx.error());
  if (auto done = f(**conn); !done) return std::unexpected(done.error());
  return tx->commit();
}

class StepTimer {
 public:
  std::int64_t elapsed_ms() const {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start_).count();
  }

 private:
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

// What the PDF assembler gets to know of a book (pages are added by the step).
BookDocument book_document(const Book& book);

// A generation_log entry for the running job.
jobs::GenerationEntry log_entry(const jobs::JobContext& ctx, std::optional<int> page, const StepTimer& timer);

}  // namespace storyloom::books::detail
