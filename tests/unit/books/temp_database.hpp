// Test helper: a migrated SQLite database and a blob folder in a fresh temporary directory.
#pragma once

#include <unistd.h>

#include <atomic>
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

  TempDatabase() {
    static std::atomic<int> counter{0};
    dir = std::filesystem::temp_directory_path() /
          ("storyloom-jobs-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    auto opened = sql::open_database((dir / "test.db").string());
    if (!opened) throw std::runtime_error(opened.error().message);
    db = *opened;
    auto applied = sql::migrate(*db, sql::embedded_migrations());
    if (!applied) throw std::runtime_error(applied.error().message);
  }
  ~TempDatabase() {
    db.reset();
    std::filesystem::remove_all(dir);
  }
  std::int64_t count(const std::string& sql) {
    return db->acquire().value()->query_one(sql).value()->integer("n");
  }
};

}  // namespace storyloom::test_support
