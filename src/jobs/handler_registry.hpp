// Job kinds and what runs them: kind → handler, retry policy and the hook run when a job of that
// kind dies. Filled once at start-up (composition root), then read-only and shared by workers.
#pragma once

#include <atomic>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "blob/store.hpp"
#include "core/clock.hpp"
#include "core/error.hpp"
#include "jobs/job.hpp"
#include "jobs/queue.hpp"
#include "jobs/retry_policy.hpp"
#include "sql/database.hpp"

namespace storyloom::jobs {

// What a handler may use. Valid for the duration of the call only.
struct JobContext {
  sql::Database& db;
  blob::Store& blobs;
  const core::Clock& clock;
  Queue& queue;            // to enqueue the next steps
  const Job& job;          // the claimed row (attempts includes this one)
  const std::atomic<bool>& stopping;  // set when the pool stops; long handlers may return
                                      // core::Error{code = "job_interrupted"} to be released
  bool should_stop() const { return stopping.load(); }
};

// A handler must be idempotent: running it twice for the same payload writes nothing new.
// An error schedules a retry (or kills the job once attempts are used up).
using Handler = std::function<core::Result<void>(const nlohmann::json& payload, JobContext& ctx)>;

struct KindSpec {
  Handler handler;
  RetryPolicy policy;
  DeadHook on_dead;        // may be empty
};

// The error code a handler returns to give its job back without using up an attempt.
inline constexpr const char* kJobInterrupted = "job_interrupted";

class HandlerRegistry {
 public:
  // Registering a kind twice replaces the first registration.
  void add(std::string kind, KindSpec spec) { specs_[std::move(kind)] = std::move(spec); }
  const KindSpec* find(const std::string& kind) const {
    auto it = specs_.find(kind);
    return it == specs_.end() ? nullptr : &it->second;
  }
  std::vector<std::string> kinds() const {
    std::vector<std::string> out;
    for (const auto& [kind, spec] : specs_) out.push_back(kind);
    return out;
  }
  // For Queue's constructor, so enqueued jobs carry their kind's max_attempts.
  std::map<std::string, RetryPolicy> policies() const {
    std::map<std::string, RetryPolicy> out;
    for (const auto& [kind, spec] : specs_) out[kind] = spec.policy;
    return out;
  }

 private:
  std::map<std::string, KindSpec> specs_;
};

}  // namespace storyloom::jobs
