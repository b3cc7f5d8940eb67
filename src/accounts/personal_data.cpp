#include "accounts/personal_data.hpp"

#include <stdexcept>

#include <fmt/format.h>

namespace storyloom::accounts {
namespace {

bool is_identifier(std::string_view s) {
  if (s.empty() || s.size() > 63 || !(s[0] == '_' || (s[0] >= 'a' && s[0] <= 'z'))) return false;
  for (char c : s)
    if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return false;
  return true;
}

// Table and column names are interpolated into SQL, so only identifiers are accepted (a
// programming error otherwise: registrations are constants in code).
void require_identifier(std::string_view name) {
  if (!is_identifier(name)) throw std::logic_error(fmt::format("not a table or column name: '{}'", name));
}

}  // namespace

void PersonalDataRegistry::add_owned_table(std::string table, std::string owner_column) {
  require_identifier(table);
  require_identifier(owner_column);
  owned_tables_.push_back({std::move(table), std::move(owner_column)});
}

void PersonalDataRegistry::add_exporter(std::string name, Exporter fn) {
  exporters_.emplace_back(std::move(name), std::move(fn));
}

void PersonalDataRegistry::add_eraser(std::string name, Eraser fn) {
  erasers_.emplace_back(std::move(name), std::move(fn));
}

core::Result<bool> table_exists(sql::Connection& conn, std::string_view table) {
  const std::string_view sql = conn.dialect() == sql::Dialect::sqlite
                                   ? "SELECT 1 AS x FROM sqlite_master WHERE type = 'table' AND name = $1"
                                   : "SELECT 1 AS x FROM information_schema.tables WHERE table_name = $1 AND table_schema = current_schema()";
  auto row = conn.query_one(sql, {std::string(table)});
  if (!row) return std::unexpected(row.error());
  return row->has_value();
}

core::Result<nlohmann::json> move_owned_rows(sql::Connection& conn, const PersonalDataRegistry& registry,
                                             std::string_view from_user_id, std::string_view to_user_id) {
  nlohmann::json moved = nlohmann::json::object();
  for (const auto& [table, owner] : registry.owned_tables()) {
    auto exists = table_exists(conn, table);
    if (!exists) return std::unexpected(exists.error());
    if (!*exists) continue;
    auto n = conn.execute(fmt::format("UPDATE {0} SET {1} = $2 WHERE {1} = $1", table, owner),
                          {std::string(from_user_id), std::string(to_user_id)});
    if (!n) return std::unexpected(n.error());
    moved[table] = *n;
  }
  return moved;
}

core::Result<bool> is_owned_by(sql::Connection& conn, std::string_view table, std::string_view id,
                               std::string_view owner_id) {
  require_identifier(table);
  if (owner_id.empty()) return false;
  auto row = conn.query_one(fmt::format("SELECT 1 AS x FROM {} WHERE id = $1 AND owner_id = $2", table),
                            {std::string(id), std::string(owner_id)});
  if (!row) return std::unexpected(row.error());
  return row->has_value();
}

}  // namespace storyloom::accounts
