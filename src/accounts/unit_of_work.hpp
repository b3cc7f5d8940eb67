// Runs a function with a pooled connection, optionally inside a write transaction that commits
// when the function succeeds and rolls back otherwise.
#pragma once

#include <type_traits>

#include "sql/database.hpp"
#include "sql/transaction.hpp"

namespace storyloom::accounts {

template <class F>
auto with_connection(sql::Database& db, F&& work) -> std::invoke_result_t<F, sql::Connection&> {
  auto conn = db.acquire();
  if (!conn) return std::unexpected(conn.error());
  return work(**conn);
}

template <class F>
auto in_transaction(sql::Database& db, F&& work) -> std::invoke_result_t<F, sql::Connection&> {
  auto conn = db.acquire();
  if (!conn) return std::unexpected(conn.error());
  auto tx = sql::Transaction::begin(**conn);
  if (!tx) return std::unexpected(tx.error());
  auto out = work(**conn);
  if (!out) return out;
  if (auto ok = tx->commit(); !ok) return std::unexpected(ok.error());
  return out;
}

}  // namespace storyloom::accounts
