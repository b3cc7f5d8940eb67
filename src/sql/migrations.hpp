// Schema migrations: migrations/NNNN_name.sql applied in order, each in its own transaction,
// recorded in schema_migrations with a SHA-256 of the file. Editing an applied file is an
// error (migration_modified) rather than a silent drift.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "sql/database.hpp"

namespace storyloom::sql {

struct Migration {
  int number = 0;
  std::string name;     // file name, e.g. "0001_foundation.sql"
  std::string sql;
};

// Reads NNNN_*.sql from the folder, sorted; rejects duplicate numbers.
core::Result<std::vector<Migration>> load_migrations(const std::filesystem::path& dir);
// Applies what is not applied yet; answers the names it applied.
core::Result<std::vector<std::string>> migrate(Database& db, const std::vector<Migration>& migrations);

}  // namespace storyloom::sql
