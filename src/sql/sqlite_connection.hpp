// The embedded database driver: one SQLite connection in WAL mode with a busy timeout, foreign
// keys on and a cache of prepared statements keyed by SQL text.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>

#include "sql/connection.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace storyloom::sql {

class SqliteConnection final : public Connection {
 public:
  // Opens (creating if needed) the database file; ":memory:" for a private in-memory database.
  static core::Result<std::unique_ptr<SqliteConnection>> open(const std::string& path);
  ~SqliteConnection() override;

  core::Result<Rows> query(std::string_view sql, const Params& params = {}) override;
  core::Result<std::int64_t> execute(std::string_view sql, const Params& params = {}) override;
  core::Result<void> execute_script(std::string_view sql) override;
  core::Result<void> begin(bool immediate = true) override;
  core::Result<void> commit() override;
  core::Result<void> rollback() override;
  Dialect dialect() const override { return Dialect::sqlite; }

 private:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}
  core::Result<sqlite3_stmt*> prepare(std::string_view sql, const Params& params);
  core::Error error(std::string_view what) const;

  sqlite3* db_;
  std::unordered_map<std::string, sqlite3_stmt*> statements_;
};

}  // namespace storyloom::sql
