// Shared set-up for accounts tests: a temp dir with a migrated SQLite database, a manual clock,
// an outbox mailer and an Accounts facade with cheap argon2 parameters.
#pragma once

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "accounts/accounts.hpp"
#include "accounts/outbox_mailer.hpp"
#include "sql/database.hpp"
#include "sql/embedded_migrations.hpp"
#include "sql/migrations.hpp"

namespace storyloom::accounts::testing {

struct TempDir {
  std::filesystem::path path;
  TempDir() {
    static int counter = 0;
    path = std::filesystem::temp_directory_path() /
           ("storyloom-accounts-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::create_directories(path);
  }
  ~TempDir() { std::filesystem::remove_all(path); }
};

inline std::filesystem::path catalog_dir() { return std::filesystem::path(STORYLOOM_SOURCE_DIR) / "catalog" / "accounts"; }

inline std::shared_ptr<sql::Database> migrated_database(const TempDir& dir, std::size_t pool = 8) {
  auto db = sql::open_database((dir.path / "test.db").string(), pool);
  EXPECT_TRUE(db.has_value()) << db.error().message;
  auto applied = sql::migrate(**db, sql::embedded_migrations());
  EXPECT_TRUE(applied.has_value()) << applied.error().message;
  return *db;
}

inline PasswordPolicy cheap_policy() {
  PasswordPolicy p;
  p.opslimit = 1;
  p.memlimit_bytes = 8u * 1024 * 1024;
  return p;
}

inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// A migrated PostgreSQL schema of its own when scripts/with-postgres provides a server
// (STORYLOOM_TEST_POSTGRES_URL); null when it does not (the caller skips).
struct PostgresSchema {
  std::string name;
  std::shared_ptr<sql::Database> admin, db;
  PostgresSchema() {
    const char* url = std::getenv("STORYLOOM_TEST_POSTGRES_URL");
    if (!url || !*url) return;
    static int counter = 0;
    name = "acc" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
    admin = sql::open_database(url, 1).value();
    EXPECT_TRUE(admin->acquire().value()->execute_script("CREATE SCHEMA " + name));
    auto opened = sql::open_database(std::string(url) + "?options=-csearch_path%3D" + name, 8);
    EXPECT_TRUE(opened.has_value()) << opened.error().message;
    db = *opened;
    auto applied = sql::migrate(*db, sql::embedded_migrations());
    EXPECT_TRUE(applied.has_value()) << applied.error().message;
  }
  ~PostgresSchema() {
    db.reset();
    if (admin) (void)admin->acquire().value()->execute_script("DROP SCHEMA " + name + " CASCADE");
  }
};

struct World {
  TempDir dir;
  core::ManualClock clock;
  std::unique_ptr<PostgresSchema> postgres;
  std::shared_ptr<sql::Database> db;
  OutboxMailer mailer{dir.path / "outbox", clock};
  PersonalDataRegistry registry;
  AccountsConfig config;
  std::unique_ptr<Accounts> accounts;
  RequestOrigin origin{"198.51.100.7", "test-agent", "req_test"};

  // backend "sqlite" (default) or "postgres"; check `available()` for the latter.
  explicit World(const std::string& backend = "sqlite") {
    if (backend == "postgres") {
      postgres = std::make_unique<PostgresSchema>();
      db = postgres->db;
    } else {
      db = migrated_database(dir);
    }
    config.password = cheap_policy();
    registry.add_owned_table("children");
    make();
  }
  bool available() const { return db != nullptr; }
  void make() {
    if (!db) return;
    auto common = CommonPasswords::load(catalog_dir() / "common-passwords.txt");
    EXPECT_TRUE(common.has_value());
    auto templates = MailTemplates::load(catalog_dir() / "mail");
    EXPECT_TRUE(templates.has_value());
    accounts = std::make_unique<Accounts>(config, PasswordHasher(config.password, *common), *templates,
                                          AccountsDeps{db, clock, mailer, registry, nullptr});
  }
  std::vector<std::filesystem::path> outbox() const {
    std::vector<std::filesystem::path> out;
    if (!std::filesystem::exists(dir.path / "outbox")) return out;
    for (const auto& e : std::filesystem::directory_iterator(dir.path / "outbox")) out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
  }
  // The token from the last mail's link ("...#token=XYZ"), decoded from quoted-printable soft breaks.
  std::string last_mailed_token() const {
    auto files = outbox();
    if (files.empty()) return "";
    std::string text = read_file(files.back());
    for (std::size_t at; (at = text.find("=\r\n")) != std::string::npos;) text.erase(at, 3);
    const auto at = text.find("token=3D");
    if (at == std::string::npos) return "";
    const auto start = at + 8;
    return text.substr(start, text.find_first_of("\r\n", start) - start);
  }
  SignedIn sign_up(const std::string& email, const std::string& password = "correct horse battery") {
    auto s = accounts->sign_up(email, password, "", std::nullopt, origin);
    EXPECT_TRUE(s.has_value()) << (s ? "" : s.error().code);
    return *s;
  }
};

}  // namespace storyloom::accounts::testing
