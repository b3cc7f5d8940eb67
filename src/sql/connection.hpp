// One database connection. The SQL dialect is the common subset of SQLite and PostgreSQL with
// numbered placeholders $1..$n; `RETURNING`, `ON CONFLICT ... DO NOTHING/UPDATE` and integer
// Unix-second timestamps work on both. A Connection is used by one thread at a time; get one
// from a Database (a pool) for the length of a unit of work.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "core/error.hpp"
#include "sql/row.hpp"
#include "sql/value.hpp"

namespace storyloom::sql {

enum class Dialect { sqlite, postgres };

// Appended to a SELECT inside a read-then-write transaction: " FOR UPDATE" locks the rows on
// PostgreSQL; SQLite needs nothing because BEGIN IMMEDIATE already holds the write lock.
constexpr std::string_view lock_clause(Dialect d) { return d == Dialect::postgres ? " FOR UPDATE" : ""; }

class Connection {
 public:
  virtual ~Connection() = default;

  // Runs a statement that returns rows (SELECT, or anything with RETURNING).
  virtual core::Result<Rows> query(std::string_view sql, const Params& params = {}) = 0;
  // Runs a statement and answers the number of rows it changed.
  virtual core::Result<std::int64_t> execute(std::string_view sql, const Params& params = {}) = 0;
  // Runs several statements without parameters (migrations).
  virtual core::Result<void> execute_script(std::string_view sql) = 0;

  // Transactions: prefer the scoped sql::Transaction. `immediate` takes the write lock up front
  // (SQLite BEGIN IMMEDIATE), which avoids deadlocks between read-then-write transactions.
  virtual core::Result<void> begin(bool immediate = true) = 0;
  virtual core::Result<void> commit() = 0;
  virtual core::Result<void> rollback() = 0;

  virtual Dialect dialect() const = 0;

  // Convenience: the first row, or nullopt when there is none.
  core::Result<std::optional<Row>> query_one(std::string_view sql, const Params& params = {});
};

}  // namespace storyloom::sql
