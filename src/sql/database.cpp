#include "sql/database.hpp"

#include <fmt/format.h>

#include "sql/postgres_connection.hpp"
#include "sql/sqlite_connection.hpp"

namespace storyloom::sql {

PooledConnection::~PooledConnection() {
  if (owner_ && conn_) owner_->release(std::move(conn_));
}

Database::Database(Factory factory, std::size_t max_connections, Dialect dialect, std::unique_ptr<Connection> first)
    : factory_(std::move(factory)), max_connections_(max_connections == 0 ? 1 : max_connections), dialect_(dialect) {
  if (first) {
    idle_.push_back(std::move(first));
    open_ = 1;
  }
}

core::Result<PooledConnection> Database::acquire() {
  std::unique_lock lock(mutex_);
  available_.wait(lock, [&] { return !idle_.empty() || open_ < max_connections_; });
  if (!idle_.empty()) {
    auto conn = std::move(idle_.back());
    idle_.pop_back();
    return PooledConnection(this, std::move(conn));
  }
  ++open_;
  lock.unlock();
  auto conn = factory_();
  if (!conn) {
    std::lock_guard relock(mutex_);
    --open_;
    available_.notify_one();
    return std::unexpected(conn.error());
  }
  return PooledConnection(this, std::move(*conn));
}

void Database::release(std::unique_ptr<Connection> conn) {
  std::lock_guard lock(mutex_);
  idle_.push_back(std::move(conn));
  available_.notify_one();
}

namespace {

core::Result<std::shared_ptr<Database>> open_postgres(const std::string& url, std::size_t max_connections) {
  auto factory = [url]() -> core::Result<std::unique_ptr<Connection>> {
    auto conn = PostgresConnection::open(url);
    if (!conn) return std::unexpected(conn.error());
    return std::unique_ptr<Connection>(std::move(*conn));
  };
  auto probe = factory();
  if (!probe) return std::unexpected(probe.error());
  return std::make_shared<Database>(factory, max_connections, Dialect::postgres, std::move(*probe));
}

}  // namespace

core::Result<std::shared_ptr<Database>> open_database(const std::string& url, std::size_t max_connections) {
  if (url.starts_with("postgres://") || url.starts_with("postgresql://")) return open_postgres(url, max_connections);
  std::string path = url;
  if (path.starts_with("sqlite://")) path = path.substr(9);
  else if (path.starts_with("sqlite:")) path = path.substr(7);
  if (path.empty()) return core::fail(core::ErrorKind::invalid_argument, "db_url_invalid", "The database URL is empty.");
  if (path.find("://") != std::string::npos)
    return core::fail(core::ErrorKind::invalid_argument, "db_url_invalid",
                      fmt::format("Unknown database URL scheme in '{}'.", url));
  // Separate connections to ":memory:" would be separate databases: keep one.
  if (path == ":memory:") max_connections = 1;
  auto factory = [path]() -> core::Result<std::unique_ptr<Connection>> {
    auto conn = SqliteConnection::open(path);
    if (!conn) return std::unexpected(conn.error());
    return std::unique_ptr<Connection>(std::move(*conn));
  };
  // Open one connection now so a bad path fails at start-up, not on the first request.
  auto probe = factory();
  if (!probe) return std::unexpected(probe.error());
  return std::make_shared<Database>(factory, max_connections, Dialect::sqlite, std::move(*probe));
}

}  // namespace storyloom::sql
