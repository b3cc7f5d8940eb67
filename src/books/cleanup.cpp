#include "books/cleanup.hpp"

#include <fmt/format.h>

#include "books/book_store.hpp"
#include "books/step_support.hpp"
#include "core/log.hpp"

namespace storyloom::books {

nlohmann::json CleanupReport::to_json() const {
  nlohmann::json hook_counts = nlohmann::json::object();
  for (const auto& [name, n] : hooks) hook_counts[name] = n;
  return {{"dry_run", dry_run},           {"expired_books", expired_books}, {"released_photos", released_photos},
          {"purged_jobs", purged_jobs}, {"hooks", hook_counts}};
}

Cleanup::Cleanup(std::shared_ptr<sql::Database> db, blob::Store& blobs, jobs::Queue& queue, const core::Clock& clock,
                 CleanupPolicy policy, PhotoPort* photos, std::vector<CleanupHook> hooks)
    : db_(std::move(db)), blobs_(blobs), queue_(queue), clock_(clock), policy_(policy), photos_(photos),
      hooks_(std::move(hooks)) {}

core::Result<CleanupReport> Cleanup::run(bool dry_run) {
  CleanupReport report{.dry_run = dry_run};
  if (auto r = expire_previews(dry_run, report); !r) return std::unexpected(r.error());
  if (auto r = release_photos(dry_run, report); !r) return std::unexpected(r.error());
  const auto now = clock_.unix_seconds();
  auto purged = queue_.purge_finished(now - policy_.job_retention.count(), dry_run);
  if (!purged) return std::unexpected(purged.error());
  report.purged_jobs = *purged;
  for (const auto& hook : hooks_) {
    auto n = hook.run(now, policy_, dry_run);
    if (!n) return std::unexpected(n.error());
    report.hooks.emplace_back(hook.name, *n);
  }
  return report;
}

core::Result<void> Cleanup::expire_previews(bool dry_run, CleanupReport& report) {
  std::vector<Book> due;
  {
    auto conn = db_->acquire();
    if (!conn) return std::unexpected(conn.error());
    auto rows = (*conn)->query(
        "SELECT * FROM books WHERE status IN ('preview_ready', 'payment_pending') AND expires_at <= $1",
        {clock_.unix_seconds()});
    if (!rows) return std::unexpected(rows.error());
    for (const auto& r : *rows) due.push_back(book_from_row(r));
  }
  for (const auto& book : due) {
    report.expired_books.push_back(book.id);
    if (dry_run) continue;
    auto expired = detail::in_transaction(*db_, [&](sql::Connection& conn) -> core::Result<void> {
      if (auto moved = change_status(conn, clock_, book.id, book.status, core::BookStatus::expired); !moved)
        return moved;
      auto n = conn.execute(
          "UPDATE book_pages SET base_image_key = NULL, personalized_image_key = NULL, preview_image_key = NULL "
          "WHERE book_id = $1",
          {book.id});
      if (!n) return std::unexpected(n.error());
      if (auto m = conn.execute("UPDATE books SET preview_pdf_key = NULL WHERE id = $1", {book.id}); !m)
        return std::unexpected(m.error());
      return {};
    });
    if (!expired) {  // e.g. paid a moment ago: leave it alone
      core::log_warn("book_expire_skipped", {{"book_id", book.id}, {"error", expired.error().code}});
      report.expired_books.pop_back();
      continue;
    }
    if (auto removed = blobs_.remove_prefix(book_prefix(book.id)); !removed) return std::unexpected(removed.error());
  }
  return {};
}

core::Result<void> Cleanup::release_photos(bool dry_run, CleanupReport& report) {
  if (!photos_) return {};
  auto conn = db_->acquire();
  if (!conn) return std::unexpected(conn.error());
  auto rows = (*conn)->query(
      "SELECT id, photo_id FROM books WHERE status IN ('ready', 'printing', 'shipped', 'delivered') AND "
      "photo_id IS NOT NULL AND photo_released = 0");
  if (!rows) return std::unexpected(rows.error());
  for (const auto& r : *rows) {
    const auto photo = r.text("photo_id");
    report.released_photos.push_back(photo);
    if (dry_run) continue;
    if (auto gone = photos_->delete_photo(photo); !gone) return std::unexpected(gone.error());
    if (auto n = (*conn)->execute("UPDATE books SET photo_released = 1 WHERE id = $1", {r.text("id")}); !n)
      return std::unexpected(n.error());
  }
  return {};
}

core::Result<bool> Cleanup::schedule_at(std::int64_t bucket) {
  const auto every = std::max<std::int64_t>(policy_.interval.count(), 1);
  return queue_.enqueue({.kind = std::string(kCleanupKind),
                         .payload = {{"bucket", bucket}},
                         .dedupe_key = fmt::format("cleanup:{}:{}", every, bucket),
                         .run_at = bucket * every});
}

core::Result<bool> Cleanup::schedule() {
  return schedule_at(clock_.unix_seconds() / std::max<std::int64_t>(policy_.interval.count(), 1));
}

void Cleanup::register_job(jobs::HandlerRegistry& registry) {
  registry.add(std::string(kCleanupKind),
               {.handler = [this](const nlohmann::json& payload, jobs::JobContext&) -> core::Result<void> {
                  auto report = run(false);
                  if (!report) return std::unexpected(report.error());
                  core::log_info("cleanup_ran", report->to_json());
                  const auto next = std::max(payload.value("bucket", std::int64_t{0}) + 1,
                                             clock_.unix_seconds() / std::max<std::int64_t>(policy_.interval.count(), 1));
                  if (auto q = schedule_at(next); !q) return std::unexpected(q.error());
                  return {};
                },
                .policy = {.max_attempts = 3, .base_delay = std::chrono::seconds{60}}});
}

}  // namespace storyloom::books
