// The durable job queue over the `jobs` table. Thread-safe (each call borrows a pooled
// connection). Claiming is one UPDATE ... WHERE id = (SELECT ... LIMIT 1) RETURNING inside a write
// transaction; on PostgreSQL the inner SELECT adds FOR UPDATE SKIP LOCKED so claimers never wait
// on each other. Every state change after a claim is guarded by `lease_owner`, so a worker whose
// lease expired (and whose job was claimed again) can no longer finish or fail it.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <span>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "jobs/job.hpp"
#include "jobs/retry_policy.hpp"
#include "sql/database.hpp"

namespace storyloom::jobs {

// Called once, in the same transaction that marks the job dead (so "book failed + refund" and
// "job dead" commit together or not at all). A failing hook rolls the death back; the job is then
// retried as dead when its lease expires.
using DeadHook = std::function<core::Result<void>(sql::Connection& conn, const Job& job, const core::Error& error)>;

enum class FailOutcome { retried, dead, lease_lost };

class Queue {
 public:
  // `policies` gives each kind's max_attempts for jobs enqueued without one; others get `fallback`.
  Queue(std::shared_ptr<sql::Database> db, const core::Clock& clock,
        std::map<std::string, RetryPolicy> policies = {}, RetryPolicy fallback = {});

  // Inserts the job unless its dedupe key exists. Answers true when inserted, false for a no-op.
  // The overload with a connection joins the caller's transaction, so a step's results and its
  // next steps commit together.
  core::Result<bool> enqueue(sql::Connection& conn, const NewJob& job);
  core::Result<bool> enqueue(const NewJob& job);

  // Claims the next due job of one of `kinds` (queued and due, or running with an expired lease)
  // for `owner`, counting the attempt. nullopt when nothing is due.
  core::Result<std::optional<Job>> claim(std::string_view owner, std::span<const std::string> kinds,
                                         std::chrono::seconds lease);
  // Extends the lease; false when it was lost (expired and claimed by someone else, or finished).
  core::Result<bool> renew(const Job& job, std::chrono::seconds lease);
  // Marks succeeded; false when the lease was lost.
  core::Result<bool> complete(const Job& job);
  // Schedules a retry with backoff, or marks the job dead (attempts used up) and runs `on_dead`.
  core::Result<FailOutcome> fail(const Job& job, const core::Error& error, const RetryPolicy& policy,
                                 const DeadHook& on_dead);
  // Gives a claimed job back without counting the attempt (graceful stop).
  core::Result<bool> release(const Job& job);

  core::Result<std::optional<Job>> find(std::string_view id);
  core::Result<std::optional<Job>> find_by_dedupe_key(std::string_view key);
  core::Result<std::vector<Job>> jobs_for_subject(std::string_view subject_id);
  // Deletes succeeded and dead jobs finished before `before` (Unix seconds); answers how many.
  core::Result<std::int64_t> purge_finished(std::int64_t before, bool dry_run = false);

  // Called after every successful insert (e.g. to wake idle workers in this process).
  void set_enqueue_listener(std::function<void()> listener) { listener_ = std::move(listener); }

  sql::Database& database() { return *db_; }
  const core::Clock& clock() const { return clock_; }
  int max_attempts_for(const std::string& kind) const;

 private:
  std::int64_t jittered_retry_at(const RetryPolicy& policy, int attempts);

  std::shared_ptr<sql::Database> db_;
  const core::Clock& clock_;
  std::map<std::string, RetryPolicy> policies_;
  RetryPolicy fallback_;
  std::function<void()> listener_;
  std::mutex rng_mutex_;
  std::mt19937_64 rng_;
};

Job job_from_row(const sql::Row& row);

}  // namespace storyloom::jobs
