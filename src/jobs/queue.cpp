#include "jobs/queue.hpp"

#include <fmt/format.h>

#include "core/ids.hpp"
#include "sql/transaction.hpp"

namespace storyloom::jobs {
namespace {

constexpr const char* kColumns =
    "id, kind, payload, dedupe_key, subject_id, state, attempts, max_attempts, next_run_at, lease_owner, "
    "lease_expires_at, last_error, created_at, updated_at";

std::string error_json(const core::Error& e) {
  return nlohmann::json{{"code", e.code}, {"message", e.message}}.dump();
}

sql::Value text_or_null(const std::string& s) { return s.empty() ? sql::Value{nullptr} : sql::Value{s}; }

// Claimable: queued and due, or running with an expired lease ($3 = now).
constexpr const char* kDue =
    "((state = 'queued' AND next_run_at <= $3) OR (state = 'running' AND lease_expires_at <= $3))";

// A job with a serial key waits while another of its series runs (lease alive) or an older one
// is still unfinished, so the series runs one at a time in the order it was asked for.
constexpr const char* kFirstInItsSeries =
    "(serial_key IS NULL OR NOT EXISTS (SELECT 1 FROM jobs o WHERE o.serial_key = jobs.serial_key "
    "AND o.id <> jobs.id AND o.state IN ('queued', 'running') AND ((o.state = 'running' AND "
    "o.lease_expires_at > $3) OR o.asked_at_ms < jobs.asked_at_ms OR (o.asked_at_ms = jobs.asked_at_ms "
    "AND o.id < jobs.id))))";

}  // namespace

Job job_from_row(const sql::Row& row) {
  Job j;
  j.id = row.text("id");
  j.kind = row.text("kind");
  j.payload = nlohmann::json::parse(row.text("payload"), nullptr, false);
  j.dedupe_key = row.text("dedupe_key");
  j.subject_id = row.optional_text("subject_id").value_or("");
  j.state = parse_job_state(row.text("state")).value_or(JobState::dead);
  j.attempts = static_cast<int>(row.integer("attempts"));
  j.max_attempts = static_cast<int>(row.integer("max_attempts"));
  j.next_run_at = row.integer("next_run_at");
  j.lease_owner = row.optional_text("lease_owner").value_or("");
  j.lease_expires_at = row.optional_integer("lease_expires_at").value_or(0);
  if (auto e = row.optional_text("last_error")) j.last_error = nlohmann::json::parse(*e, nullptr, false);
  j.created_at = row.integer("created_at");
  j.updated_at = row.integer("updated_at");
  return j;
}

Queue::Queue(std::shared_ptr<sql::Database> db, const core::Clock& clock, std::map<std::string, RetryPolicy> policies,
             RetryPolicy fallback)
    : db_(std::move(db)), clock_(clock), policies_(std::move(policies)), fallback_(fallback),
      rng_(std::random_device{}()) {}

int Queue::max_attempts_for(const std::string& kind) const {
  auto it = policies_.find(kind);
  return it == policies_.end() ? fallback_.max_attempts : it->second.max_attempts;
}

core::Result<bool> Queue::enqueue(sql::Connection& conn, const NewJob& job) {
  if (job.kind.empty() || job.dedupe_key.empty())
    return core::fail(core::ErrorKind::internal, "job_invalid", "A job needs a kind and a dedupe key.");
  const auto now = clock_.unix_seconds();
  const auto inserted = conn.execute(
      "INSERT INTO jobs (id, kind, payload, dedupe_key, subject_id, state, attempts, max_attempts, next_run_at, "
      "created_at, updated_at, asked_at_ms, priority, serial_key) "
      "VALUES ($1, $2, $3, $4, $5, 'queued', 0, $6, $7, $8, $8, $9, $10, $11) "
      "ON CONFLICT (dedupe_key) DO NOTHING",
      {core::new_id("job"), job.kind, job.payload.dump(), job.dedupe_key, text_or_null(job.subject_id),
       std::int64_t{job.max_attempts > 0 ? job.max_attempts : max_attempts_for(job.kind)},
       std::int64_t{job.run_at > 0 ? job.run_at : now}, now,
       job.asked_at_ms > 0 ? job.asked_at_ms : clock_.unix_millis(), std::int64_t{job.priority},
       text_or_null(job.serial_key)});
  if (!inserted) return std::unexpected(inserted.error());
  if (*inserted > 0 && listener_) listener_();
  return *inserted > 0;
}

core::Result<bool> Queue::enqueue(const NewJob& job) {
  auto conn = db_->acquire();
  if (!conn) return std::unexpected(conn.error());
  return enqueue(**conn, job);
}

core::Result<std::optional<Job>> Queue::claim(std::string_view owner, std::span<const std::string> kinds,
                                              std::chrono::seconds lease) {
  if (kinds.empty()) return std::optional<Job>{};
  const auto now = clock_.unix_seconds();
  sql::Params params{std::string(owner), now + lease.count(), now};
  std::string in;
  for (const auto& kind : kinds) {
    params.emplace_back(kind);
    in += fmt::format("{}${}", in.empty() ? "" : ", ", params.size());
  }
  auto conn = db_->acquire();
  if (!conn) return std::unexpected(conn.error());
  const bool postgres = (*conn)->dialect() == sql::Dialect::postgres;
  const auto sql = fmt::format(
      "UPDATE jobs SET state = 'running', attempts = attempts + 1, lease_owner = $1, lease_expires_at = $2, "
      "updated_at = $3 WHERE id = (SELECT id FROM jobs WHERE kind IN ({}) AND {} AND {} "
      "ORDER BY asked_at_ms, priority DESC, next_run_at, created_at, id LIMIT 1{}) RETURNING {}",
      in, kDue, kFirstInItsSeries, postgres ? " FOR UPDATE SKIP LOCKED" : "", kColumns);
  auto tx = sql::Transaction::begin(**conn);
  if (!tx) return std::unexpected(tx.error());
  auto row = (*conn)->query_one(sql, params);
  if (!row) return std::unexpected(row.error());
  if (auto c = tx->commit(); !c) return std::unexpected(c.error());
  if (!row->has_value()) return std::optional<Job>{};
  return std::optional<Job>{job_from_row(**row)};
}

core::Result<bool> Queue::renew(const Job& job, std::chrono::seconds lease) {
  auto conn = db_->acquire();
  if (!conn) return std::unexpected(conn.error());
  const auto now = clock_.unix_seconds();
  auto n = (*conn)->execute(
      "UPDATE jobs SET lease_expires_at = $1, updated_at = $2 WHERE id = $3 AND lease_owner = $4 AND "
      "state = 'running'",
      {now + lease.count(), now, job.id, job.lease_owner});
  if (!n) return std::unexpected(n.error());
  return *n > 0;
}

core::Result<bool> Queue::complete(const Job& job) {
  auto conn = db_->acquire();
  if (!conn) return std::unexpected(conn.error());
  const auto now = clock_.unix_seconds();
  auto n = (*conn)->execute(
      "UPDATE jobs SET state = 'succeeded', lease_owner = NULL, lease_expires_at = NULL, updated_at = $1, "
      "finished_at = $1 WHERE id = $2 AND lease_owner = $3 AND state = 'running'",
      {now, job.id, job.lease_owner});
  if (!n) return std::unexpected(n.error());
  return *n > 0;
}

std::int64_t Queue::jittered_retry_at(const RetryPolicy& policy, int attempts) {
  std::lock_guard lock(rng_mutex_);
  return clock_.unix_seconds() + backoff_delay(policy, attempts, rng_).count();
}

core::Result<FailOutcome> Queue::fail(const Job& job, const core::Error& error, const RetryPolicy& policy,
                                      const DeadHook& on_dead) {
  auto conn = db_->acquire();
  if (!conn) return std::unexpected(conn.error());
  const auto now = clock_.unix_seconds();
  if (job.attempts < job.max_attempts) {
    auto n = (*conn)->execute(
        "UPDATE jobs SET state = 'queued', next_run_at = $1, lease_owner = NULL, lease_expires_at = NULL, "
        "last_error = $2, updated_at = $3 WHERE id = $4 AND lease_owner = $5 AND state = 'running'",
        {jittered_retry_at(policy, job.attempts), error_json(error), now, job.id, job.lease_owner});
    if (!n) return std::unexpected(n.error());
    return *n > 0 ? FailOutcome::retried : FailOutcome::lease_lost;
  }
  auto tx = sql::Transaction::begin(**conn);
  if (!tx) return std::unexpected(tx.error());
  auto n = (*conn)->execute(
      "UPDATE jobs SET state = 'dead', lease_owner = NULL, lease_expires_at = NULL, last_error = $1, "
      "updated_at = $2, finished_at = $2 WHERE id = $3 AND lease_owner = $4 AND state = 'running'",
      {error_json(error), now, job.id, job.lease_owner});
  if (!n) return std::unexpected(n.error());
  if (*n == 0) return FailOutcome::lease_lost;
  if (on_dead)
    if (auto hooked = on_dead(**conn, job, error); !hooked) return std::unexpected(hooked.error());
  if (auto c = tx->commit(); !c) return std::unexpected(c.error());
  return FailOutcome::dead;
}

core::Result<bool> Queue::release(const Job& job) {
  auto conn = db_->acquire();
  if (!conn) return std::unexpected(conn.error());
  const auto now = clock_.unix_seconds();
  auto n = (*conn)->execute(
      "UPDATE jobs SET state = 'queued', attempts = attempts - 1, next_run_at = $1, lease_owner = NULL, "
      "lease_expires_at = NULL, updated_at = $1 WHERE id = $2 AND lease_owner = $3 AND state = 'running'",
      {now, job.id, job.lease_owner});
  if (!n) return std::unexpected(n.error());
  return *n > 0;
}

core::Result<std::optional<Job>> Queue::find(std::string_view id) {
  auto conn = db_->acquire();
  if (!conn) return std::unexpected(conn.error());
  auto row = (*conn)->query_one(fmt::format("SELECT {} FROM jobs WHERE id = $1", kColumns), {std::string(id)});
  if (!row) return std::unexpected(row.error());
  if (!row->has_value()) return std::optional<Job>{};
  return std::optional<Job>{job_from_row(**row)};
}

core::Result<std::optional<Job>> Queue::find_by_dedupe_key(std::string_view key) {
  auto conn = db_->acquire();
  if (!conn) return std::unexpected(conn.error());
  auto row =
      (*conn)->query_one(fmt::format("SELECT {} FROM jobs WHERE dedupe_key = $1", kColumns), {std::string(key)});
  if (!row) return std::unexpected(row.error());
  if (!row->has_value()) return std::optional<Job>{};
  return std::optional<Job>{job_from_row(**row)};
}

core::Result<std::vector<Job>> Queue::jobs_for_subject(std::string_view subject_id) {
  auto conn = db_->acquire();
  if (!conn) return std::unexpected(conn.error());
  auto rows = (*conn)->query(
      fmt::format("SELECT {} FROM jobs WHERE subject_id = $1 ORDER BY created_at, id", kColumns),
      {std::string(subject_id)});
  if (!rows) return std::unexpected(rows.error());
  std::vector<Job> out;
  for (const auto& row : *rows) out.push_back(job_from_row(row));
  return out;
}

core::Result<std::int64_t> Queue::purge_finished(std::int64_t before, bool dry_run) {
  auto conn = db_->acquire();
  if (!conn) return std::unexpected(conn.error());
  if (dry_run) {
    auto row = (*conn)->query_one(
        "SELECT COUNT(*) AS n FROM jobs WHERE state IN ('succeeded', 'dead') AND finished_at < $1", {before});
    if (!row) return std::unexpected(row.error());
    return (*row)->integer("n");
  }
  return (*conn)->execute("DELETE FROM jobs WHERE state IN ('succeeded', 'dead') AND finished_at < $1", {before});
}

}  // namespace storyloom::jobs
