// Test helper: a migrated database and a blob folder in a fresh temporary directory. SQLite by
// default; with STORYLOOM_TEST_DB=postgres under scripts/with-postgres (which sets
// STORYLOOM_TEST_POSTGRES_URL) the same tests run on PostgreSQL, each in a schema of its own.
#pragma once

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "sql/database.hpp"
#include "sql/embedded_migrations.hpp"
#include "sql/migrations.hpp"

namespace storyloom::test_support {

struct TempDatabase {
  std::filesystem::path dir;
  std::shared_ptr<sql::Database> db;
  std::shared_ptr<sql::Database> admin;
  std::string schema;

  TempDatabase() {
    static std::atomic<int> counter{0};
    const auto n = std::to_string(::getpid()) + "_" + std::to_string(counter++);
    dir = std::filesystem::temp_directory_path() / ("storyloom-jobs-" + n);
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    db = open(n);
    auto applied = sql::migrate(*db, sql::embedded_migrations());
    if (!applied) throw std::runtime_error(applied.error().message);
  }
  ~TempDatabase() {
    db.reset();
    if (admin) (void)admin->acquire().value()->execute_script("DROP SCHEMA " + schema + " CASCADE");
    std::filesystem::remove_all(dir);
  }
  std::int64_t count(const std::string& sql) {
    return db->acquire().value()->query_one(sql).value()->integer("n");
  }

 private:
  std::shared_ptr<sql::Database> open(const std::string& n) {
    const char* backend = std::getenv("STORYLOOM_TEST_DB");
    const char* url = std::getenv("STORYLOOM_TEST_POSTGRES_URL");
    if (backend && std::string(backend) == "postgres" && url && *url) {
      schema = "j" + n;
      admin = sql::open_database(url, 1).value();
      if (auto made = admin->acquire().value()->execute_script("CREATE SCHEMA " + schema); !made)
        throw std::runtime_error(made.error().message);
      return sql::open_database(std::string(url) + "?options=-csearch_path%3D" + schema, 8).value();
    }
    auto opened = sql::open_database((dir / "test.db").string());
    if (!opened) throw std::runtime_error(opened.error().message);
    return *opened;
  }
};

}  // namespace storyloom::test_support
