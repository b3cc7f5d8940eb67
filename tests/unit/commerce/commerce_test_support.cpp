#include "commerce_test_support.hpp"

#include <gtest/gtest.h>

namespace storyloom::commerce::test {

void SqlBooks::create_table(sql::Connection& conn) {
  auto r = conn.execute_script(
      "CREATE TABLE test_books (id TEXT PRIMARY KEY, owner_id TEXT NOT NULL, status TEXT NOT NULL, "
      "title TEXT NOT NULL, child_name TEXT NOT NULL, final_pdf_key TEXT NOT NULL DEFAULT '')");
  ASSERT_TRUE(r) << r.error().message;
}

void SqlBooks::add(sql::Connection& conn, const BookFacts& b) {
  auto r = conn.execute("INSERT INTO test_books VALUES ($1, $2, $3, $4, $5, $6)",
                        {b.id, b.owner_id, std::string(core::to_string(b.status)), b.title, b.child_name,
                         b.final_pdf_key});
  ASSERT_TRUE(r) << r.error().message;
}

core::Result<std::optional<BookFacts>> SqlBooks::find_book(sql::Connection& conn, std::string_view id) {
  auto row = conn.query_one("SELECT * FROM test_books WHERE id = $1", {std::string(id)});
  if (!row) return std::unexpected(row.error());
  if (!*row) return std::optional<BookFacts>{};
  const auto& r = **row;
  return std::optional<BookFacts>{BookFacts{r.text("id"), r.text("owner_id"),
                                            *core::parse_book_status(r.text("status")), r.text("title"),
                                            r.text("child_name"), r.text("final_pdf_key")}};
}

core::Result<bool> SqlBooks::move_book(sql::Connection& conn, std::string_view id, core::BookStatus to) {
  auto book = find_book(conn, id);
  if (!book) return std::unexpected(book.error());
  if (!*book || !core::can_transition((*book)->status, to)) return false;
  auto r = conn.execute("UPDATE test_books SET status = $1 WHERE id = $2", {std::string(core::to_string(to)), std::string(id)});
  if (!r) return std::unexpected(r.error());
  return true;
}

void SqlJobs::create_table(sql::Connection& conn) {
  auto r = conn.execute_script("CREATE TABLE test_jobs (kind TEXT NOT NULL, arg TEXT NOT NULL, UNIQUE (kind, arg))");
  ASSERT_TRUE(r) << r.error().message;
}

core::Result<void> SqlJobs::enqueue_webhook_processing(sql::Connection& conn, const WebhookToProcess& webhook) {
  // The series and arrival order are the queue's business (tests/unit/app, tests/unit/jobs).
  auto r = conn.execute("INSERT INTO test_jobs VALUES ('process_webhook', $1) ON CONFLICT DO NOTHING",
                        {webhook.webhook_event_id});
  if (!r) return std::unexpected(r.error());
  return {};
}

core::Result<void> SqlJobs::enqueue_finalize(sql::Connection& conn, std::string_view book_id, std::string_view order_id) {
  auto r = conn.execute("INSERT INTO test_jobs VALUES ('render_final_pages', $1) ON CONFLICT DO NOTHING",
                        {std::string(book_id) + "/" + std::string(order_id)});
  if (!r) return std::unexpected(r.error());
  return {};
}

std::vector<std::string> SqlJobs::args(sql::Connection& conn, std::string_view kind) {
  std::vector<std::string> out;
  const auto rows = conn.query("SELECT arg FROM test_jobs WHERE kind = $1 ORDER BY rowid", {std::string(kind)}).value();
  for (const auto& row : rows) out.push_back(row.text("arg"));
  return out;
}

World::World() {
  db = sql::open_database((dir.path / "test.db").string()).value();
  auto applied = sql::migrate(*db, sql::embedded_migrations());
  EXPECT_TRUE(applied) << applied.error().message;
  auto c = conn();
  SqlBooks::create_table(*c);
  SqlJobs::create_table(*c);
  blobs = std::make_unique<blob::FileStore>(dir.path / "blobs", signer);
}

void World::add_book(const std::string& id, const std::string& owner, core::BookStatus status, const std::string& pdf_key) {
  auto c = conn();
  SqlBooks::add(*c, {id, owner, status, "Emma and the Enchanted Forest", "Emma", pdf_key});
}

std::string World::book_status(const std::string& id) {
  auto c = conn();
  return c->query_one("SELECT status FROM test_books WHERE id = $1", {id}).value()->text("status");
}

}  // namespace storyloom::commerce::test
