// The periodic cleanup: previews past their expiry become `expired` and lose their blobs,
// original photos of finished books are released, old finished job rows are purged, and other
// modules' hooks run (photos older than photo_ttl, dead sessions). Runs as the "cleanup" job,
// which re-schedules itself every `interval`; `storyloom cleanup --dry-run` reports the same
// without changing anything.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "blob/store.hpp"
#include "books/ports.hpp"
#include "core/clock.hpp"
#include "jobs/handler_registry.hpp"
#include "jobs/queue.hpp"
#include "sql/database.hpp"

namespace storyloom::books {

struct CleanupPolicy {
  std::chrono::seconds photo_ttl{30 * 24 * 3600};     // originals older than this go (photos hook)
  std::chrono::seconds job_retention{14 * 24 * 3600}; // finished job rows older than this go
  std::chrono::seconds interval{3600};                // how often the cleanup job runs
};

// Another module's share of the cleanup. `run` answers how many things it removed (or would
// remove when dry_run). Examples: photos ("photos_expired"), accounts ("sessions_dead").
struct CleanupHook {
  std::string name;
  std::function<core::Result<std::int64_t>(std::int64_t now, const CleanupPolicy& policy, bool dry_run)> run;
};

struct CleanupReport {
  bool dry_run = false;
  std::vector<std::string> expired_books;
  std::vector<std::string> released_photos;   // photo ids of finished books
  std::int64_t purged_jobs = 0;
  std::vector<std::pair<std::string, std::int64_t>> hooks;
  nlohmann::json to_json() const;
};

inline constexpr std::string_view kCleanupKind = "cleanup";

class Cleanup {
 public:
  Cleanup(std::shared_ptr<sql::Database> db, blob::Store& blobs, jobs::Queue& queue, const core::Clock& clock,
          CleanupPolicy policy, PhotoPort* photos = nullptr, std::vector<CleanupHook> hooks = {});

  core::Result<CleanupReport> run(bool dry_run);

  // Registers the "cleanup" job kind (runs, then schedules the next run one interval later).
  void register_job(jobs::HandlerRegistry& registry);
  // Enqueues the run for the current interval (a no-op when it exists); call at start-up.
  core::Result<bool> schedule();

 private:
  core::Result<void> expire_previews(bool dry_run, CleanupReport& report);
  core::Result<void> release_photos(bool dry_run, CleanupReport& report);
  core::Result<bool> schedule_at(std::int64_t bucket);

  std::shared_ptr<sql::Database> db_;
  blob::Store& blobs_;
  jobs::Queue& queue_;
  const core::Clock& clock_;
  CleanupPolicy policy_;
  PhotoPort* photos_;
  std::vector<CleanupHook> hooks_;
};

}  // namespace storyloom::books
