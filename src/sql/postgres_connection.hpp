// The production database driver: one libpq connection. Parameters travel as text with
// PostgreSQL's native $1..$n placeholders; bytea travels binary. Results are converted to the
// same Value types SQLite answers (int8/int4/int2/bool → integer, float → real, bytea → Blob,
// everything else → text), so callers never see which driver they use.
#pragma once

#include <memory>
#include <string>

#include "sql/connection.hpp"

struct pg_conn;

namespace storyloom::sql {

class PostgresConnection final : public Connection {
 public:
  // `url` is a libpq connection URI: postgres://user:pass@host:port/db?sslmode=...
  static core::Result<std::unique_ptr<PostgresConnection>> open(const std::string& url);
  ~PostgresConnection() override;

  core::Result<Rows> query(std::string_view sql, const Params& params = {}) override;
  core::Result<std::int64_t> execute(std::string_view sql, const Params& params = {}) override;
  core::Result<void> execute_script(std::string_view sql) override;
  core::Result<void> begin(bool immediate = true) override;
  core::Result<void> commit() override;
  core::Result<void> rollback() override;
  Dialect dialect() const override { return Dialect::postgres; }

 private:
  explicit PostgresConnection(pg_conn* conn) : conn_(conn) {}
  pg_conn* conn_;
};

}  // namespace storyloom::sql
