#include "sql/migrations.hpp"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "sql/transaction.hpp"

namespace storyloom::sql {
namespace {

constexpr std::string_view kCreateTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " number INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at INTEGER NOT NULL)";

core::Error bad(std::string code, std::string message) {
  return core::Error{core::ErrorKind::internal, std::move(code), std::move(message)};
}

// Applies one migration and records it, atomically.
core::Result<void> apply(Connection& conn, const Migration& m, const std::string& checksum) {
  auto tx = Transaction::begin(conn);
  if (!tx) return std::unexpected(tx.error());
  if (auto ok = conn.execute_script(m.sql); !ok)
    return core::fail(bad("migration_failed", fmt::format("{}: {}", m.name, ok.error().message)));
  auto rec = conn.execute(
      "INSERT INTO schema_migrations (number, name, checksum, applied_at) VALUES ($1, $2, $3, $4)",
      {std::int64_t{m.number}, m.name, checksum, core::system_clock().unix_seconds()});
  if (!rec) return std::unexpected(rec.error());
  return tx->commit();
}

}  // namespace

core::Result<std::vector<Migration>> load_migrations(const std::filesystem::path& dir) {
  std::vector<Migration> out;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (entry.path().extension() != ".sql" || name.size() < 6 || name[4] != '_') continue;
    if (!std::all_of(name.begin(), name.begin() + 4, [](char c) { return c >= '0' && c <= '9'; }))
      return core::fail(bad("migration_name_invalid", fmt::format("{} must start with four digits", name)));
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    out.push_back({std::stoi(name.substr(0, 4)), name, text.str()});
  }
  if (ec) return core::fail(bad("migrations_unreadable", fmt::format("{}: {}", dir.string(), ec.message())));
  std::sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.number < b.number; });
  for (std::size_t i = 1; i < out.size(); ++i)
    if (out[i].number == out[i - 1].number)
      return core::fail(bad("migration_duplicate", fmt::format("{} and {} share a number", out[i - 1].name, out[i].name)));
  return out;
}

core::Result<std::vector<std::string>> migrate(Database& db, const std::vector<Migration>& migrations) {
  auto conn = db.acquire();
  if (!conn) return std::unexpected(conn.error());
  if (auto ok = (*conn)->execute(kCreateTable); !ok) return std::unexpected(ok.error());
  auto applied_rows = (*conn)->query("SELECT number, name, checksum FROM schema_migrations");
  if (!applied_rows) return std::unexpected(applied_rows.error());

  std::vector<std::string> applied_now;
  for (const Migration& m : migrations) {
    const std::string checksum = core::to_hex(core::sha256(m.sql));
    auto done = std::find_if(applied_rows->begin(), applied_rows->end(),
                             [&](const Row& r) { return r.integer("number") == m.number; });
    if (done != applied_rows->end()) {
      if (done->text("checksum") != checksum)
        return core::fail(bad("migration_modified",
                              fmt::format("{} was changed after it was applied; add a new migration instead", m.name)));
      continue;
    }
    if (auto ok = apply(**conn, m, checksum); !ok) return std::unexpected(ok.error());
    applied_now.push_back(m.name);
  }
  return applied_now;
}

}  // namespace storyloom::sql
