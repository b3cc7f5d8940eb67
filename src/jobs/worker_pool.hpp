// N worker threads that claim jobs of the registered kinds and run their handlers, plus one
// heartbeat thread that renews the leases of jobs in progress. 0 workers starts nothing.
// stop() is graceful: no new claims; running handlers finish (or return job_interrupted when they
// see ctx.should_stop(), which releases the job without using an attempt), then threads join.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "blob/store.hpp"
#include "jobs/handler_registry.hpp"
#include "jobs/queue.hpp"

namespace storyloom::jobs {

struct PoolOptions {
  int workers = 2;
  std::chrono::seconds lease{60};                // renewed every lease/3 while a handler runs
  std::chrono::milliseconds idle_wait{500};      // how long an idle worker sleeps between polls
  std::string name = "worker";                   // prefix of lease owner ids (for operators)
};

class WorkerPool {
 public:
  WorkerPool(Queue& queue, const HandlerRegistry& registry, blob::Store& blobs, PoolOptions options);
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;
  ~WorkerPool();

  void start();
  void stop();
  // Wakes idle workers (call after enqueueing in this process; the queue listener does it).
  void wake();

  // Claims and runs one due job on the calling thread as `owner`; false when nothing was due.
  // Used by the worker threads, and directly by tests and the one-shot `storyloom book`.
  core::Result<bool> run_one(const std::string& owner);

  std::int64_t jobs_finished() const { return finished_.load(); }

 private:
  void work(const std::string& owner);
  void heartbeat();
  void settle(const Job& job, const KindSpec& spec, const core::Result<void>& result);

  Queue& queue_;
  const HandlerRegistry& registry_;
  blob::Store& blobs_;
  PoolOptions options_;
  std::vector<std::string> kinds_;

  std::atomic<bool> stopping_{false};
  std::atomic<std::int64_t> finished_{0};
  std::mutex mutex_;
  std::condition_variable wakeup_;
  std::map<std::string, Job> in_flight_;  // owner → claimed job, for the heartbeat
  std::vector<std::thread> threads_;
  std::thread heartbeat_;
};

}  // namespace storyloom::jobs
