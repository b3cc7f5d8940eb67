// What each module stores about a user, so that accounts can move it (guest claim), export it
// (GET /api/me/export) and erase it (DELETE /api/me) without knowing other modules' tables.
//
// Modules register at start-up, in the composition root, before serving:
//   registry.add_owned_table("books");                       // rows with owner_id move on claim
//   registry.add_owned_table("orders", "user_id");           // another owner column
//   registry.add_exporter("books", [](const PersonalDataContext& c) -> core::Result<json> {...});
//   registry.add_eraser("books", [](const PersonalDataContext& c) -> core::Result<void> {...});
// Erasers run in registration order inside one database transaction, before the user row is
// deleted; blob removal (blob::Store::remove_prefix) inside an eraser is not transactional, so
// erasers must be idempotent: a failed deletion is retried as a whole. Orders are kept for
// accounting: commerce's eraser blanks their personal fields and sets user_id to a tombstone
// (commerce/order_privacy.hpp).
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "sql/connection.hpp"

namespace storyloom::blob {
class Store;
}

namespace storyloom::accounts {

// Signed links in the privacy export last a day: long enough to download the export at leisure.
inline constexpr std::chrono::seconds kExportLinkTtl{24 * 3600};

struct PersonalDataContext {
  sql::Connection& conn;        // inside the caller's transaction
  blob::Store* blobs;           // may be null in tests that have no blob store
  std::string user_id;
  std::int64_t now = 0;
};

using Exporter = std::function<core::Result<nlohmann::json>(const PersonalDataContext&)>;
using Eraser = std::function<core::Result<void>(const PersonalDataContext&)>;

// A table whose rows belong to a user through `owner_column`.
struct OwnedTable {
  std::string table;
  std::string owner_column;
};

class PersonalDataRegistry {
 public:
  // `table` and `owner_column` must be plain identifiers ([a-z_][a-z0-9_]*; std::logic_error
  // otherwise: registrations are constants in code). Tables that do not exist (yet) are skipped,
  // so the order of module merges does not matter.
  void add_owned_table(std::string table, std::string owner_column = "owner_id");
  void add_exporter(std::string name, Exporter fn);
  void add_eraser(std::string name, Eraser fn);

  const std::vector<OwnedTable>& owned_tables() const { return owned_tables_; }
  const std::vector<std::pair<std::string, Exporter>>& exporters() const { return exporters_; }
  const std::vector<std::pair<std::string, Eraser>>& erasers() const { return erasers_; }

 private:
  std::vector<OwnedTable> owned_tables_;
  std::vector<std::pair<std::string, Exporter>> exporters_;
  std::vector<std::pair<std::string, Eraser>> erasers_;
};

// True when the table exists in the connected database (SQLite or PostgreSQL).
core::Result<bool> table_exists(sql::Connection& conn, std::string_view table);

// Moves every row owned by `from_user_id` in the registered tables to `to_user_id`; answers the
// number of rows moved per table. Runs in the caller's transaction.
core::Result<nlohmann::json> move_owned_rows(sql::Connection& conn, const PersonalDataRegistry& registry,
                                             std::string_view from_user_id, std::string_view to_user_id);

// The ownership rule every read applies: true when `table` has a row `id` with this owner.
// Callers answer a false exactly like a missing row (404), never 403.
core::Result<bool> is_owned_by(sql::Connection& conn, std::string_view table, std::string_view id,
                               std::string_view owner_id);

}  // namespace storyloom::accounts
