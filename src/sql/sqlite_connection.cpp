#include "sql/sqlite_connection.hpp"

#include <sqlite3.h>

#include <fmt/format.h>

namespace storyloom::sql {
namespace {

constexpr int kBusyTimeoutMs = 5000;

core::Result<void> bind(sqlite3_stmt* stmt, const Params& params) {
  for (std::size_t i = 0; i < params.size(); ++i) {
    const std::string name = fmt::format("${}", i + 1);
    const int index = sqlite3_bind_parameter_index(stmt, name.c_str());
    if (index == 0) continue;  // parameter not used by this statement
    const Value& v = params[i];
    int rc = SQLITE_OK;
    if (std::holds_alternative<std::nullptr_t>(v)) rc = sqlite3_bind_null(stmt, index);
    else if (auto* n = std::get_if<std::int64_t>(&v)) rc = sqlite3_bind_int64(stmt, index, *n);
    else if (auto* d = std::get_if<double>(&v)) rc = sqlite3_bind_double(stmt, index, *d);
    else if (auto* s = std::get_if<std::string>(&v))
      rc = sqlite3_bind_text64(stmt, index, s->data(), s->size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    else if (auto* b = std::get_if<Blob>(&v))
      rc = sqlite3_bind_blob64(stmt, index, b->bytes.data(), b->bytes.size(), SQLITE_TRANSIENT);
    if (rc != SQLITE_OK)
      return core::fail(core::ErrorKind::internal, "db_error", fmt::format("cannot bind {}", name));
  }
  return {};
}

Value read_cell(sqlite3_stmt* stmt, int col) {
  switch (sqlite3_column_type(stmt, col)) {
    case SQLITE_INTEGER: return static_cast<std::int64_t>(sqlite3_column_int64(stmt, col));
    case SQLITE_FLOAT: return sqlite3_column_double(stmt, col);
    case SQLITE_TEXT: {
      const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt, col));
      return std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt, col)));
    }
    case SQLITE_BLOB: {
      const auto* p = static_cast<const char*>(sqlite3_column_blob(stmt, col));
      return Blob{std::string(p ? p : "", static_cast<std::size_t>(sqlite3_column_bytes(stmt, col)))};
    }
    default: return nullptr;
  }
}

// Resets the statement when the caller is done with it, so it can be reused from the cache.
struct StatementReset {
  sqlite3_stmt* stmt;
  ~StatementReset() {
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
  }
};

}  // namespace

core::Result<std::unique_ptr<SqliteConnection>> SqliteConnection::open(const std::string& path) {
  sqlite3* db = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return core::fail(core::ErrorKind::unavailable, "db_unavailable", fmt::format("cannot open {}: {}", path, msg));
  }
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  sqlite3_extended_result_codes(db, 1);
  std::unique_ptr<SqliteConnection> conn(new SqliteConnection(db));
  // WAL lets readers and one writer work at once; NORMAL sync is durable across app crashes.
  auto ok = conn->execute_script("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;");
  if (!ok) return std::unexpected(ok.error());
  return conn;
}

SqliteConnection::~SqliteConnection() {
  for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
  sqlite3_close(db_);
}

core::Error SqliteConnection::error(std::string_view what) const {
  const int code = sqlite3_extended_errcode(db_);
  const std::string msg = fmt::format("{}: {}", what, sqlite3_errmsg(db_));
  if (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY)
    return core::Error{core::ErrorKind::conflict, "db_unique_violation", msg};
  if ((code & 0xff) == SQLITE_CONSTRAINT)
    return core::Error{core::ErrorKind::conflict, "db_constraint_violation", msg};
  if ((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED)
    return core::Error{core::ErrorKind::unavailable, "db_busy", msg};
  return core::Error{core::ErrorKind::internal, "db_error", msg};
}

core::Result<sqlite3_stmt*> SqliteConnection::prepare(std::string_view sql, const Params& params) {
  std::string key(sql);
  sqlite3_stmt* stmt = nullptr;
  if (auto it = statements_.find(key); it != statements_.end()) {
    stmt = it->second;
  } else {
    if (sqlite3_prepare_v3(db_, key.c_str(), static_cast<int>(key.size()), SQLITE_PREPARE_PERSISTENT, &stmt,
                           nullptr) != SQLITE_OK)
      return std::unexpected(error("prepare"));
    statements_.emplace(std::move(key), stmt);
  }
  if (auto ok = bind(stmt, params); !ok) return std::unexpected(ok.error());
  return stmt;
}

core::Result<Rows> SqliteConnection::query(std::string_view sql, const Params& params) {
  auto stmt = prepare(sql, params);
  if (!stmt) return std::unexpected(stmt.error());
  StatementReset reset{*stmt};
  const int ncols = sqlite3_column_count(*stmt);
  auto columns = std::make_shared<std::vector<std::string>>();
  for (int c = 0; c < ncols; ++c) columns->emplace_back(sqlite3_column_name(*stmt, c));
  Rows rows;
  for (;;) {
    const int rc = sqlite3_step(*stmt);
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) return std::unexpected(error("query"));
    std::vector<Value> cells;
    cells.reserve(static_cast<std::size_t>(ncols));
    for (int c = 0; c < ncols; ++c) cells.push_back(read_cell(*stmt, c));
    rows.emplace_back(columns, std::move(cells));
  }
  return rows;
}

core::Result<std::int64_t> SqliteConnection::execute(std::string_view sql, const Params& params) {
  auto stmt = prepare(sql, params);
  if (!stmt) return std::unexpected(stmt.error());
  StatementReset reset{*stmt};
  int rc;
  while ((rc = sqlite3_step(*stmt)) == SQLITE_ROW) {
  }
  if (rc != SQLITE_DONE) return std::unexpected(error("execute"));
  return static_cast<std::int64_t>(sqlite3_changes64(db_));
}

core::Result<void> SqliteConnection::execute_script(std::string_view sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    core::Error e = error("script");
    sqlite3_free(err);
    return std::unexpected(e);
  }
  return {};
}

core::Result<void> SqliteConnection::begin(bool immediate) {
  return execute_script(immediate ? "BEGIN IMMEDIATE" : "BEGIN");
}
core::Result<void> SqliteConnection::commit() { return execute_script("COMMIT"); }
core::Result<void> SqliteConnection::rollback() { return execute_script("ROLLBACK"); }

}  // namespace storyloom::sql
