#include "sql/postgres_connection.hpp"

#include <libpq-fe.h>

#include <cstdlib>
#include <cstring>
#include <memory>

#include <fmt/format.h>

namespace storyloom::sql {
namespace {

// Type OIDs from pg_type.h (stable across PostgreSQL versions).
constexpr Oid kBool = 16, kBytea = 17, kInt8 = 20, kInt2 = 21, kInt4 = 23, kFloat4 = 700, kFloat8 = 701,
              kNumeric = 1700;

struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using PgResult = std::unique_ptr<PGresult, ResultDeleter>;

core::Error pg_error(const PGresult* result, pg_conn* conn) {
  const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  const std::string msg = result && *PQresultErrorMessage(result) ? PQresultErrorMessage(result) : PQerrorMessage(conn);
  const std::string code = state ? state : "";
  if (code == "23505") return {core::ErrorKind::conflict, "db_unique_violation", msg};
  if (code.starts_with("23")) return {core::ErrorKind::conflict, "db_constraint_violation", msg};
  if (code == "40001" || code == "40P01" || code == "55P03") return {core::ErrorKind::unavailable, "db_busy", msg};
  if (code.starts_with("08") || PQstatus(conn) != CONNECTION_OK)
    return {core::ErrorKind::unavailable, "db_unavailable", msg};
  return {core::ErrorKind::internal, "db_error", msg};
}

// Text (or binary, for Blob) encodings of the parameters, alive for the call.
struct EncodedParams {
  std::vector<std::string> storage;
  std::vector<const char*> values;
  std::vector<int> lengths, formats;

  explicit EncodedParams(const Params& params) {
    storage.reserve(params.size());
    for (const Value& v : params) {
      int format = 0;
      if (std::holds_alternative<std::nullptr_t>(v)) {
        storage.emplace_back();
        values.push_back(nullptr);
        lengths.push_back(0);
        formats.push_back(0);
        continue;
      }
      if (auto* n = std::get_if<std::int64_t>(&v)) storage.push_back(std::to_string(*n));
      else if (auto* d = std::get_if<double>(&v)) storage.push_back(fmt::format("{}", *d));
      else if (auto* s = std::get_if<std::string>(&v)) storage.push_back(*s);
      else if (auto* b = std::get_if<Blob>(&v)) storage.push_back(b->bytes), format = 1;
      values.push_back(nullptr);  // pointers are fixed up below, after storage stops moving
      lengths.push_back(static_cast<int>(storage.back().size()));
      formats.push_back(format);
    }
    for (std::size_t i = 0; i < params.size(); ++i)
      if (!std::holds_alternative<std::nullptr_t>(params[i])) values[i] = storage[i].data();
  }
};

Value read_cell(const PGresult* r, int row, int col) {
  if (PQgetisnull(r, row, col)) return nullptr;
  const char* text = PQgetvalue(r, row, col);
  const int length = PQgetlength(r, row, col);
  switch (PQftype(r, col)) {
    case kInt2: case kInt4: case kInt8: return static_cast<std::int64_t>(std::strtoll(text, nullptr, 10));
    case kBool: return static_cast<std::int64_t>(text[0] == 't' ? 1 : 0);
    case kFloat4: case kFloat8: case kNumeric: return std::strtod(text, nullptr);
    case kBytea: {
      std::size_t n = 0;
      unsigned char* raw = PQunescapeBytea(reinterpret_cast<const unsigned char*>(text), &n);
      Blob blob{std::string(reinterpret_cast<char*>(raw), n)};
      PQfreemem(raw);
      return blob;
    }
    default: return std::string(text, static_cast<std::size_t>(length));
  }
}

}  // namespace

core::Result<std::unique_ptr<PostgresConnection>> PostgresConnection::open(const std::string& url) {
  pg_conn* conn = PQconnectdb(url.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    const std::string msg = conn ? PQerrorMessage(conn) : "out of memory";
    PQfinish(conn);
    return core::fail(core::ErrorKind::unavailable, "db_unavailable", fmt::format("cannot connect to PostgreSQL: {}", msg));
  }
  std::unique_ptr<PostgresConnection> out(new PostgresConnection(conn));
  if (auto ok = out->execute_script("SET client_min_messages = warning"); !ok) return std::unexpected(ok.error());
  return out;
}

PostgresConnection::~PostgresConnection() { PQfinish(conn_); }

core::Result<Rows> PostgresConnection::query(std::string_view sql, const Params& params) {
  const EncodedParams p(params);
  PgResult r(PQexecParams(conn_, std::string(sql).c_str(), static_cast<int>(params.size()), nullptr, p.values.data(),
                          p.lengths.data(), p.formats.data(), 0));
  const ExecStatusType status = PQresultStatus(r.get());
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) return std::unexpected(pg_error(r.get(), conn_));
  auto columns = std::make_shared<std::vector<std::string>>();
  const int ncols = PQnfields(r.get()), nrows = PQntuples(r.get());
  for (int c = 0; c < ncols; ++c) columns->emplace_back(PQfname(r.get(), c));
  Rows rows;
  rows.reserve(static_cast<std::size_t>(nrows));
  for (int row = 0; row < nrows; ++row) {
    std::vector<Value> cells;
    for (int c = 0; c < ncols; ++c) cells.push_back(read_cell(r.get(), row, c));
    rows.emplace_back(columns, std::move(cells));
  }
  return rows;
}

core::Result<std::int64_t> PostgresConnection::execute(std::string_view sql, const Params& params) {
  const EncodedParams p(params);
  PgResult r(PQexecParams(conn_, std::string(sql).c_str(), static_cast<int>(params.size()), nullptr, p.values.data(),
                          p.lengths.data(), p.formats.data(), 0));
  const ExecStatusType status = PQresultStatus(r.get());
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) return std::unexpected(pg_error(r.get(), conn_));
  const char* changed = PQcmdTuples(r.get());
  return static_cast<std::int64_t>(changed && *changed ? std::strtoll(changed, nullptr, 10) : 0);
}

core::Result<void> PostgresConnection::execute_script(std::string_view sql) {
  PgResult r(PQexec(conn_, std::string(sql).c_str()));
  const ExecStatusType status = PQresultStatus(r.get());
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) return std::unexpected(pg_error(r.get(), conn_));
  return {};
}

// PostgreSQL's row locks make an up-front write lock unnecessary: `immediate` is ignored.
core::Result<void> PostgresConnection::begin(bool) { return execute_script("BEGIN"); }
core::Result<void> PostgresConnection::commit() { return execute_script("COMMIT"); }
core::Result<void> PostgresConnection::rollback() { return execute_script("ROLLBACK"); }

}  // namespace storyloom::sql
