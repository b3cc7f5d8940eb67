#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "sql/database.hpp"
#include "sql/embedded_migrations.hpp"
#include "sql/migrations.hpp"
#include "sql/transaction.hpp"

using namespace storyloom;

namespace {
struct TempDir {
  std::filesystem::path path;
  TempDir() {
    path = std::filesystem::temp_directory_path() / ("storyloom-sql-" + std::to_string(::getpid()) + "-" +
                                                     std::to_string(counter()++));
    std::filesystem::create_directories(path);
  }
  ~TempDir() { std::filesystem::remove_all(path); }
  static int& counter() {
    static int n = 0;
    return n;
  }
};

std::shared_ptr<sql::Database> open_temp(const TempDir& dir) {
  auto db = sql::open_database((dir.path / "test.db").string());
  EXPECT_TRUE(db.has_value()) << db.error().message;
  return *db;
}

// Runs each driver test on SQLite and, when scripts/with-postgres provides a server
// (STORYLOOM_TEST_POSTGRES_URL), on PostgreSQL in a schema of its own.
class Driver : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "sqlite") {
      db_ = open_temp(dir_);
      return;
    }
    const char* url = std::getenv("STORYLOOM_TEST_POSTGRES_URL");
    if (!url || !*url) GTEST_SKIP() << "STORYLOOM_TEST_POSTGRES_URL is not set (make test sets it)";
    schema_ = "t" + std::to_string(::getpid()) + "_" + std::to_string(TempDir::counter()++);
    auto admin = sql::open_database(url, 1);
    ASSERT_TRUE(admin) << admin.error().message;
    ASSERT_TRUE(admin.value()->acquire().value()->execute_script("CREATE SCHEMA " + schema_));
    admin_ = *admin;
    auto db = sql::open_database(std::string(url) + "?options=-csearch_path%3D" + schema_, 4);
    ASSERT_TRUE(db) << db.error().message;
    db_ = *db;
  }
  void TearDown() override {
    db_.reset();
    if (admin_) (void)admin_->acquire().value()->execute_script("DROP SCHEMA " + schema_ + " CASCADE");
  }
  TempDir dir_;
  std::string schema_;
  std::shared_ptr<sql::Database> db_, admin_;
};
}  // namespace

INSTANTIATE_TEST_SUITE_P(Backends, Driver, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

TEST_P(Driver, BindsNumberedPlaceholdersAndReadsTypedColumns) {
  auto& db = db_;
  auto conn = db->acquire().value();
  ASSERT_TRUE(conn->execute("CREATE TABLE t (id TEXT PRIMARY KEY, n BIGINT, x DOUBLE PRECISION, b BYTEA, note TEXT)"));
  ASSERT_EQ(conn->execute("INSERT INTO t VALUES ($1, $2, $3, $4, $5)",
                          {std::string("a"), std::int64_t{42}, 1.5, sql::Blob{std::string("\0\1", 2)}, nullptr})
                .value(),
            1);
  auto row = conn->query_one("SELECT * FROM t WHERE id = $1 AND n = $2", {std::string("a"), std::int64_t{42}});
  ASSERT_TRUE(row && row->has_value());
  EXPECT_EQ((*row)->integer("n"), 42);
  EXPECT_DOUBLE_EQ((*row)->real("x"), 1.5);
  EXPECT_EQ((*row)->text("b"), std::string("\0\1", 2));
  EXPECT_FALSE((*row)->optional_text("note").has_value());
  EXPECT_THROW((*row)->text("missing"), std::logic_error);
}

TEST_P(Driver, ReusesAPlaceholderAndReportsUniqueViolationsAsConflict) {
  auto& db = db_;
  auto conn = db->acquire().value();
  ASSERT_TRUE(conn->execute("CREATE TABLE t (id TEXT PRIMARY KEY, copy TEXT)"));
  ASSERT_TRUE(conn->execute("INSERT INTO t VALUES ($1, $1)", {std::string("k")}));
  auto dup = conn->execute("INSERT INTO t VALUES ($1, $1)", {std::string("k")});
  ASSERT_FALSE(dup);
  EXPECT_EQ(dup.error().code, "db_unique_violation");
  EXPECT_EQ(dup.error().kind, core::ErrorKind::conflict);
  EXPECT_EQ(conn->query_one("SELECT copy FROM t")->value().text("copy"), "k");
}

TEST_P(Driver, TransactionRollsBackUnlessCommitted) {
  auto& db = db_;
  auto conn = db->acquire().value();
  ASSERT_TRUE(conn->execute("CREATE TABLE t (id TEXT)"));
  {
    auto tx = sql::Transaction::begin(*conn).value();
    ASSERT_TRUE(conn->execute("INSERT INTO t VALUES ('dropped')"));
  }
  {
    auto tx = sql::Transaction::begin(*conn).value();
    ASSERT_TRUE(conn->execute("INSERT INTO t VALUES ('kept')"));
    ASSERT_TRUE(tx.commit());
  }
  auto rows = conn->query("SELECT id FROM t").value();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].text("id"), "kept");
}

TEST_P(Driver, PoolSerializesConcurrentWritersWithoutLosingUpdates) {
  auto& db = db_;
  ASSERT_TRUE(db->acquire().value()->execute("CREATE TABLE counter (n BIGINT)"));
  ASSERT_TRUE(db->acquire().value()->execute("INSERT INTO counter VALUES (0)"));
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 25; ++i) {
        auto conn = db->acquire().value();
        auto tx = sql::Transaction::begin(*conn).value();
        const std::string select = std::string("SELECT n FROM counter") + std::string(sql::lock_clause(conn->dialect()));
        const auto n = conn->query_one(select)->value().integer("n");
        ASSERT_TRUE(conn->execute("UPDATE counter SET n = $1", {n + 1}));
        ASSERT_TRUE(tx.commit());
      }
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(db->acquire().value()->query_one("SELECT n FROM counter")->value().integer("n"), 100);
}

TEST(Database, RefusesUnknownSchemesAndReportsAnUnreachableServer) {
  EXPECT_EQ(sql::open_database("mysql://x").error().code, "db_url_invalid");
  EXPECT_EQ(sql::open_database("postgres://127.0.0.1:1/x").error().code, "db_unavailable");
}

TEST(Migrations, ApplyInOrderOnceAndDetectEditedFiles) {
  TempDir dir;
  auto db = open_temp(dir);
  std::vector<sql::Migration> ms{{1, "0001_a.sql", "CREATE TABLE a (id TEXT);"},
                                 {2, "0002_b.sql", "CREATE TABLE b (id TEXT); INSERT INTO b VALUES ('x');"}};
  EXPECT_EQ(sql::migrate(*db, ms).value(), (std::vector<std::string>{"0001_a.sql", "0002_b.sql"}));
  EXPECT_TRUE(sql::migrate(*db, ms).value().empty());
  ms[0].sql = "CREATE TABLE a (id TEXT, extra TEXT);";
  EXPECT_EQ(sql::migrate(*db, ms).error().code, "migration_modified");
}

TEST(Migrations, AFailingMigrationLeavesNothingBehind) {
  TempDir dir;
  auto db = open_temp(dir);
  std::vector<sql::Migration> ms{{1, "0001_bad.sql", "CREATE TABLE half (id TEXT); THIS IS NOT SQL;"}};
  EXPECT_EQ(sql::migrate(*db, ms).error().code, "migration_failed");
  auto conn = db->acquire().value();
  EXPECT_TRUE(conn->query("SELECT name FROM sqlite_master WHERE name = 'half'").value().empty());
}

TEST(Migrations, LoadsFilesInNumberOrderAndRejectsDuplicates) {
  TempDir dir;
  std::ofstream(dir.path / "0002_two.sql") << "SELECT 2;";
  std::ofstream(dir.path / "0001_one.sql") << "SELECT 1;";
  std::ofstream(dir.path / "README.md") << "ignored";
  auto ms = sql::load_migrations(dir.path).value();
  ASSERT_EQ(ms.size(), 2u);
  EXPECT_EQ(ms[0].name, "0001_one.sql");
  std::ofstream(dir.path / "0002_again.sql") << "SELECT 3;";
  EXPECT_EQ(sql::load_migrations(dir.path).error().code, "migration_duplicate");
}

TEST_P(Driver, EmbeddedMigrationsApply) {
  auto applied = sql::migrate(*db_, sql::embedded_migrations());
  ASSERT_TRUE(applied) << applied.error().message;
  EXPECT_EQ(applied->size(), sql::embedded_migrations().size());
  EXPECT_TRUE(sql::migrate(*db_, sql::embedded_migrations()).value().empty());
}

TEST(Migrations, EmbeddedSetMatchesTheFolderAndApplies) {
  auto from_disk = sql::load_migrations(std::filesystem::path(STORYLOOM_SOURCE_DIR) / "migrations").value();
  const auto& embedded = sql::embedded_migrations();
  ASSERT_EQ(embedded.size(), from_disk.size());
  for (std::size_t i = 0; i < embedded.size(); ++i) {
    EXPECT_EQ(embedded[i].name, from_disk[i].name);
    EXPECT_EQ(embedded[i].sql, from_disk[i].sql);
  }
  TempDir dir;
  auto db = open_temp(dir);
  EXPECT_TRUE(sql::migrate(*db, embedded).has_value());
}
