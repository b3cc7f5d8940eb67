// Shared test scaffolding: a migrated SQLite database in a temp dir, a file blob store, and
// SQL-backed stand-ins for the ports other modules implement (books, jobs) so that their writes
// join the caller's transaction exactly as the real adapters must. Mail is captured in memory.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <mutex>
#include <string>
#include <vector>

#include "blob/file_store.hpp"
#include "blob/url_signer.hpp"
#include "commerce/book_unlock_port.hpp"
#include "commerce/commerce_jobs_port.hpp"
#include "commerce/mail_port.hpp"
#include "core/clock.hpp"
#include "sql/database.hpp"
#include "sql/embedded_migrations.hpp"
#include "sql/migrations.hpp"

namespace storyloom::commerce::test {

struct TempDir {
  std::filesystem::path path;
  TempDir() {
    static int n = 0;
    path = std::filesystem::temp_directory_path() /
           ("storyloom-commerce-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
  }
  ~TempDir() { std::filesystem::remove_all(path); }
};

// Books as the books module keeps them, reduced to what commerce reads and writes.
class SqlBooks final : public BookUnlockPort {
 public:
  static void create_table(sql::Connection& conn);
  static void add(sql::Connection& conn, const BookFacts& book);
  core::Result<std::optional<BookFacts>> find_book(sql::Connection& conn, std::string_view book_id) override;
  core::Result<bool> move_book(sql::Connection& conn, std::string_view book_id, core::BookStatus to) override;
};

// Jobs written in the caller's transaction (a rollback drops them), unique per (kind, arg).
class SqlJobs final : public CommerceJobsPort {
 public:
  static void create_table(sql::Connection& conn);
  core::Result<void> enqueue_webhook_processing(sql::Connection& conn, const WebhookToProcess& webhook) override;
  core::Result<void> enqueue_finalize(sql::Connection& conn, std::string_view book_id, std::string_view order_id) override;
  static std::vector<std::string> args(sql::Connection& conn, std::string_view kind);
};

class CapturedMail final : public MailPort {
 public:
  core::Result<void> send(const OrderMail& mail) override {
    std::lock_guard lock(mutex_);
    sent.push_back(mail);
    return {};
  }
  std::vector<OrderMail> sent;

 private:
  std::mutex mutex_;
};

// Everything a commerce test needs, wired like the composition root will.
struct World {
  TempDir dir;
  core::ManualClock clock{1'763'980'000};
  std::shared_ptr<sql::Database> db;
  blob::UrlSigner signer{std::string(64, 'k'), clock};
  std::unique_ptr<blob::FileStore> blobs;
  SqlBooks books;
  SqlJobs jobs;
  CapturedMail mail;

  World();
  sql::PooledConnection conn() { return db->acquire().value(); }
  void add_book(const std::string& id, const std::string& owner, core::BookStatus status,
                const std::string& pdf_key = "");
  std::string book_status(const std::string& id);
};

}  // namespace storyloom::commerce::test
