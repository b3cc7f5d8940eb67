#include "jobs/worker_pool.hpp"

#include <fmt/format.h>

#include "core/ids.hpp"
#include "core/log.hpp"

namespace storyloom::jobs {
namespace {

core::Result<void> run_handler(const KindSpec& spec, const Job& job, JobContext& ctx) {
  try {
    return spec.handler(job.payload, ctx);
  } catch (const std::exception& e) {
    // A throwing handler is a bug; the job still retries and dies like any other failure.
    return core::fail(core::ErrorKind::internal, "job_handler_threw", e.what());
  }
}

}  // namespace

WorkerPool::WorkerPool(Queue& queue, const HandlerRegistry& registry, blob::Store& blobs, PoolOptions options)
    : queue_(queue), registry_(registry), blobs_(blobs), options_(std::move(options)), kinds_(registry.kinds()) {}

WorkerPool::~WorkerPool() { stop(); }

void WorkerPool::start() {
  if (options_.workers <= 0 || !threads_.empty()) return;
  stopping_ = false;
  for (int i = 0; i < options_.workers; ++i) {
    auto owner = fmt::format("{}-{}-{}", options_.name, i, core::new_id("wk"));
    threads_.emplace_back([this, owner] { work(owner); });
  }
  heartbeat_ = std::thread([this] { heartbeat(); });
}

void WorkerPool::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wakeup_.notify_all();
  for (auto& t : threads_) t.join();
  threads_.clear();
  // Workers are done, so nothing is in flight: the heartbeat sees that when woken and ends.
  wakeup_.notify_all();
  if (heartbeat_.joinable()) heartbeat_.join();
}

void WorkerPool::wake() { wakeup_.notify_all(); }

core::Result<bool> WorkerPool::run_one(const std::string& owner) {
  auto claimed = queue_.claim(owner, kinds_, options_.lease);
  if (!claimed) return std::unexpected(claimed.error());
  if (!claimed->has_value()) return false;
  const Job job = std::move(**claimed);
  const KindSpec* spec = registry_.find(job.kind);
  if (job.attempts > job.max_attempts) {
    // The last allowed attempt's worker died (its lease expired): the job is out of attempts.
    core::Error lost{core::ErrorKind::unavailable, "job_worker_lost",
                     job.last_error.is_object() ? job.last_error.value("message", "") : "The worker running it stopped."};
    settle(job, *spec, std::unexpected(lost));
    return true;
  }
  {
    std::lock_guard lock(mutex_);
    in_flight_[owner] = job;
  }
  JobContext ctx{queue_.database(), blobs_, queue_.clock(), queue_, job, stopping_};
  const auto started = std::chrono::steady_clock::now();
  const auto result = run_handler(*spec, job, ctx);
  {
    std::lock_guard lock(mutex_);
    in_flight_.erase(owner);
  }
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
  core::log(result ? core::LogLevel::debug : core::LogLevel::warn, "job_ran",
            {{"job_id", job.id}, {"kind", job.kind}, {"attempt", job.attempts}, {"ms", ms.count()},
             {"ok", result.has_value()}, {"error", result ? "" : result.error().code}});
  settle(job, *spec, result);
  return true;
}

void WorkerPool::settle(const Job& job, const KindSpec& spec, const core::Result<void>& result) {
  if (result) {
    if (auto done = queue_.complete(job); !done || !*done)
      core::log_warn("job_lease_lost", {{"job_id", job.id}, {"kind", job.kind}});
  } else if (result.error().code == kJobInterrupted) {
    if (auto r = queue_.release(job); !r) core::log_error("job_release_failed", {{"job_id", job.id}});
  } else {
    auto outcome = queue_.fail(job, result.error(), spec.policy, spec.on_dead);
    if (!outcome)
      core::log_error("job_fail_failed", {{"job_id", job.id}, {"error", outcome.error().code},
                                          {"message", outcome.error().message}});
    else if (*outcome == FailOutcome::dead)
      core::log_error("job_dead", {{"job_id", job.id}, {"kind", job.kind}, {"error", result.error().code}});
  }
  ++finished_;
}

void WorkerPool::work(const std::string& owner) {
  while (!stopping_) {
    auto ran = run_one(owner);
    if (ran && *ran) continue;
    if (!ran) core::log_error("job_claim_failed", {{"error", ran.error().code}, {"message", ran.error().message}});
    std::unique_lock lock(mutex_);
    wakeup_.wait_for(lock, options_.idle_wait, [this] { return stopping_.load(); });
  }
}

void WorkerPool::heartbeat() {
  const auto every = std::chrono::milliseconds(std::max<std::int64_t>(options_.lease.count() * 1000 / 3, 100));
  std::unique_lock lock(mutex_);
  const auto done = [this] { return stopping_ && in_flight_.empty(); };
  while (!done()) {
    if (wakeup_.wait_for(lock, every, done)) break;
    std::vector<Job> jobs;
    for (const auto& [owner, job] : in_flight_) jobs.push_back(job);
    lock.unlock();
    for (const auto& job : jobs)
      if (auto renewed = queue_.renew(job, options_.lease); !renewed || !*renewed)
        core::log_warn("job_lease_renew_failed", {{"job_id", job.id}, {"kind", job.kind}});
    lock.lock();
  }
}

}  // namespace storyloom::jobs
