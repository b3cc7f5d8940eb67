// A pool of connections to one database. Thread-safe. `acquire()` lends a connection until the
// returned handle goes out of scope. The URL picks the driver: a file path or `sqlite://PATH`
// picks SQLite; `postgres://` or `postgresql://` (a libpq URI) picks PostgreSQL.
#pragma once

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "sql/connection.hpp"

namespace storyloom::sql {

class Database;

class PooledConnection {
 public:
  PooledConnection(Database* owner, std::unique_ptr<Connection> conn) : owner_(owner), conn_(std::move(conn)) {}
  PooledConnection(PooledConnection&&) noexcept = default;
  PooledConnection& operator=(PooledConnection&&) noexcept = default;
  ~PooledConnection();

  Connection& operator*() const { return *conn_; }
  Connection* operator->() const { return conn_.get(); }

 private:
  Database* owner_;
  std::unique_ptr<Connection> conn_;
};

class Database {
 public:
  using Factory = std::function<core::Result<std::unique_ptr<Connection>>()>;
  // `first`, when given, is an already open connection that joins the pool.
  Database(Factory factory, std::size_t max_connections, Dialect dialect,
           std::unique_ptr<Connection> first = nullptr);

  // Blocks while all connections are lent out; fails when a new connection cannot be opened.
  core::Result<PooledConnection> acquire();
  Dialect dialect() const { return dialect_; }

 private:
  friend class PooledConnection;
  void release(std::unique_ptr<Connection> conn);

  Factory factory_;
  std::size_t max_connections_;
  Dialect dialect_;
  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<Connection>> idle_;
  std::size_t open_ = 0;
};

// Opens a pool for the URL (see above). `max_connections` bounds concurrent users.
core::Result<std::shared_ptr<Database>> open_database(const std::string& url, std::size_t max_connections = 8);

}  // namespace storyloom::sql
