// A job as stored in the `jobs` table (migrations/0030_jobs.sql) and what callers give to enqueue one.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace storyloom::jobs {

enum class JobState { queued, running, succeeded, dead };

std::string_view to_string(JobState s);
std::optional<JobState> parse_job_state(std::string_view s);

struct Job {
  std::string id;
  std::string kind;
  nlohmann::json payload;
  std::string dedupe_key;
  std::string subject_id;          // empty when the job has none
  JobState state = JobState::queued;
  int attempts = 0;                // claims so far, including the current one while running
  int max_attempts = 0;
  std::int64_t next_run_at = 0;    // Unix seconds
  std::string lease_owner;
  std::int64_t lease_expires_at = 0;
  nlohmann::json last_error;       // {code, message} or null
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
};

// What to enqueue. `dedupe_key` must name the unit of work exactly (kind + subject + step
// coordinates): a second enqueue with the same key is a no-op, whatever state the first is in.
struct NewJob {
  std::string kind;
  nlohmann::json payload = nlohmann::json::object();
  std::string dedupe_key;
  std::string subject_id;
  std::int64_t run_at = 0;         // Unix seconds; 0 = now
  int max_attempts = 0;            // 0 = the kind's RetryPolicy (or the queue default)
  // Claim order (docs/jobs.md): older work first, then higher priority within the same work.
  std::int64_t asked_at_ms = 0;    // when the work this job is part of was asked for; 0 = now
  int priority = 0;
  // Jobs with the same non-empty key run one at a time, in asked_at_ms order.
  std::string serial_key;
};

}  // namespace storyloom::jobs
