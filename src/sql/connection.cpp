#include "sql/connection.hpp"

#include "sql/transaction.hpp"

namespace storyloom::sql {

core::Result<std::optional<Row>> Connection::query_one(std::string_view sql, const Params& params) {
  auto rows = query(sql, params);
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return std::optional<Row>{};
  return std::optional<Row>{std::move(rows->front())};
}

core::Result<Transaction> Transaction::begin(Connection& conn, bool immediate) {
  if (auto ok = conn.begin(immediate); !ok) return std::unexpected(ok.error());
  return Transaction(conn);
}

Transaction::~Transaction() {
  if (open_) (void)conn_->rollback();  // best effort: the connection reports its own failure
}

core::Result<void> Transaction::commit() {
  if (!open_) return core::fail(core::ErrorKind::internal, "transaction_closed", "The transaction is already closed.");
  auto ok = conn_->commit();
  if (ok) open_ = false;
  return ok;
}

}  // namespace storyloom::sql
