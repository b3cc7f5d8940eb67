// A scoped transaction: rolls back on destruction unless commit() succeeded.
#pragma once

#include "sql/connection.hpp"

namespace storyloom::sql {

class Transaction {
 public:
  // Use Transaction::begin(conn) to get one; it fails like the BEGIN statement would.
  static core::Result<Transaction> begin(Connection& conn, bool immediate = true);
  Transaction(Transaction&& other) noexcept : conn_(other.conn_), open_(other.open_) { other.open_ = false; }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();

  core::Result<void> commit();

 private:
  explicit Transaction(Connection& conn) : conn_(&conn), open_(true) {}
  Connection* conn_;
  bool open_;
};

}  // namespace storyloom::sql
