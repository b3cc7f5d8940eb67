#include <gtest/gtest.h>

#include <thread>

#include <fmt/format.h>

#include "blob/file_store.hpp"
#include "core/clock.hpp"
#include "jobs/worker_pool.hpp"
#include "temp_database.hpp"

using namespace storyloom;
using namespace std::chrono_literals;

namespace {

struct PoolFixture {
  test_support::TempDatabase t;
  blob::UrlSigner signer{"secret", core::system_clock()};
  blob::FileStore blobs{t.dir / "blobs", signer};
  jobs::HandlerRegistry registry;
  std::unique_ptr<jobs::Queue> queue;

  jobs::Queue& make_queue() {
    queue = std::make_unique<jobs::Queue>(t.db, core::system_clock(), registry.policies());
    return *queue;
  }
  jobs::JobState state_of(const std::string& key) { return queue->find_by_dedupe_key(key).value()->state; }
};

// Polls until `done` holds or the time is up; answers whether it held.
template <class F>
bool eventually(F done, std::chrono::milliseconds limit = 10s) {
  const auto until = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < until) {
    if (done()) return true;
    std::this_thread::sleep_for(20ms);
  }
  return done();
}

const jobs::RetryPolicy kFast{.max_attempts = 4, .base_delay = 0s, .max_delay = 0s};

}  // namespace

TEST(WorkerPool, RetriesAFailingStepUntilItSucceeds) {
  PoolFixture f;
  std::atomic<int> calls{0};
  f.registry.add("flaky", {.handler = [&](const nlohmann::json&, jobs::JobContext&) -> core::Result<void> {
                             if (++calls <= 2) return core::fail(core::ErrorKind::unavailable, "flaky", "try again");
                             return {};
                           },
                           .policy = kFast});
  auto& queue = f.make_queue();
  ASSERT_TRUE(queue.enqueue({.kind = "flaky", .dedupe_key = "f1"}).value());
  jobs::WorkerPool pool(queue, f.registry, f.blobs, {.workers = 2, .lease = 30s, .idle_wait = 20ms});
  pool.start();
  ASSERT_TRUE(eventually([&] { return f.state_of("f1") == jobs::JobState::succeeded; }));
  pool.stop();
  EXPECT_EQ(calls.load(), 3);
  EXPECT_EQ(queue.find_by_dedupe_key("f1").value()->attempts, 3);
}

TEST(WorkerPool, AStepThatAlwaysFailsDiesAndItsHookRunsOnce) {
  PoolFixture f;
  std::atomic<int> calls{0}, hooked{0};
  f.registry.add("broken", {.handler = [&](const nlohmann::json&, jobs::JobContext&) -> core::Result<void> {
                              ++calls;
                              return core::fail(core::ErrorKind::unavailable, "always", "never works");
                            },
                            .policy = {.max_attempts = 3, .base_delay = 0s, .max_delay = 0s},
                            .on_dead = [&](sql::Connection&, const jobs::Job&, const core::Error& e)
                                -> core::Result<void> {
                              EXPECT_EQ(e.code, "always");
                              ++hooked;
                              return {};
                            }});
  auto& queue = f.make_queue();
  ASSERT_TRUE(queue.enqueue({.kind = "broken", .dedupe_key = "b1"}).value());
  jobs::WorkerPool pool(queue, f.registry, f.blobs, {.workers = 3, .lease = 30s, .idle_wait = 20ms});
  pool.start();
  ASSERT_TRUE(eventually([&] { return f.state_of("b1") == jobs::JobState::dead; }));
  std::this_thread::sleep_for(200ms);  // time for any wrong extra attempt to show
  pool.stop();
  EXPECT_EQ(calls.load(), 3);
  EXPECT_EQ(hooked.load(), 1);
  EXPECT_EQ(queue.find_by_dedupe_key("b1").value()->last_error["code"], "always");
}

TEST(WorkerPool, AJobWhoseWorkerDiedOnItsLastAttemptDiesWithTheHook) {
  PoolFixture f;
  core::ManualClock clock;
  std::atomic<int> calls{0}, hooked{0};
  f.registry.add("step", {.handler = [&](const nlohmann::json&, jobs::JobContext&) -> core::Result<void> {
                            ++calls;
                            return {};
                          },
                          .policy = {.max_attempts = 1},
                          .on_dead = [&](sql::Connection&, const jobs::Job&, const core::Error& e)
                              -> core::Result<void> {
                            EXPECT_EQ(e.code, "job_worker_lost");
                            ++hooked;
                            return {};
                          }});
  jobs::Queue queue(f.t.db, clock, f.registry.policies());
  ASSERT_TRUE(queue.enqueue({.kind = "step", .dedupe_key = "s"}).value());
  const std::vector<std::string> kinds{"step"};
  ASSERT_TRUE(queue.claim("killed-worker", kinds, 30s).value().has_value());  // then "kill -9"
  clock.advance(31s);
  jobs::WorkerPool pool(queue, f.registry, f.blobs, {.workers = 0, .lease = 30s});
  EXPECT_TRUE(pool.run_one("survivor").value());
  EXPECT_EQ(calls.load(), 0);
  EXPECT_EQ(hooked.load(), 1);
  EXPECT_EQ(queue.find_by_dedupe_key("s").value()->state, jobs::JobState::dead);
}

TEST(WorkerPool, HeartbeatKeepsALongJobFromBeingClaimedTwice) {
  PoolFixture f;
  std::atomic<int> calls{0};
  f.registry.add("long", {.handler = [&](const nlohmann::json&, jobs::JobContext&) -> core::Result<void> {
                            ++calls;
                            std::this_thread::sleep_for(4500ms);  // more than twice the lease
                            return {};
                          },
                          .policy = kFast});
  auto& queue = f.make_queue();
  ASSERT_TRUE(queue.enqueue({.kind = "long", .dedupe_key = "l"}).value());
  jobs::WorkerPool pool(queue, f.registry, f.blobs, {.workers = 1, .lease = 2s, .idle_wait = 20ms});
  pool.start();
  ASSERT_TRUE(eventually([&] { return calls.load() == 1; }));
  const std::vector<std::string> kinds{"long"};
  bool stolen = false;
  while (f.state_of("l") == jobs::JobState::running) {
    auto other = queue.claim("thief", kinds, 2s).value();
    stolen = stolen || other.has_value();
    std::this_thread::sleep_for(100ms);
  }
  pool.stop();
  EXPECT_FALSE(stolen);
  EXPECT_EQ(calls.load(), 1);
  EXPECT_EQ(f.state_of("l"), jobs::JobState::succeeded);
}

TEST(WorkerPool, GracefulStopFinishesRunningJobsAndReleasesInterruptedOnes) {
  PoolFixture f;
  std::atomic<int> started{0};
  f.registry.add("finisher", {.handler = [&](const nlohmann::json&, jobs::JobContext&) -> core::Result<void> {
                                ++started;
                                std::this_thread::sleep_for(400ms);
                                return {};
                              },
                              .policy = kFast});
  f.registry.add("patient", {.handler = [&](const nlohmann::json&, jobs::JobContext& ctx) -> core::Result<void> {
                               ++started;
                               while (!ctx.should_stop()) std::this_thread::sleep_for(10ms);
                               return core::fail(core::ErrorKind::unavailable, jobs::kJobInterrupted, "stopping");
                             },
                             .policy = kFast});
  auto& queue = f.make_queue();
  ASSERT_TRUE(queue.enqueue({.kind = "finisher", .dedupe_key = "a"}).value());
  ASSERT_TRUE(queue.enqueue({.kind = "patient", .dedupe_key = "b"}).value());
  jobs::WorkerPool pool(queue, f.registry, f.blobs, {.workers = 2, .lease = 30s, .idle_wait = 20ms});
  pool.start();
  ASSERT_TRUE(eventually([&] { return started.load() == 2; }));
  pool.stop();
  EXPECT_EQ(f.state_of("a"), jobs::JobState::succeeded);
  auto released = queue.find_by_dedupe_key("b").value().value();
  EXPECT_EQ(released.state, jobs::JobState::queued);
  EXPECT_EQ(released.attempts, 0);
  EXPECT_TRUE(released.lease_owner.empty());
}

TEST(WorkerPool, ZeroWorkersRunsNothing) {
  PoolFixture f;
  f.registry.add("x", {.handler = [](const nlohmann::json&, jobs::JobContext&) -> core::Result<void> { return {}; }});
  auto& queue = f.make_queue();
  ASSERT_TRUE(queue.enqueue({.kind = "x", .dedupe_key = "x"}).value());
  jobs::WorkerPool pool(queue, f.registry, f.blobs, {.workers = 0});
  pool.start();
  std::this_thread::sleep_for(100ms);
  pool.stop();
  EXPECT_EQ(f.state_of("x"), jobs::JobState::queued);
}

TEST(WorkerPool, ManyJobsAcrossWorkersEachRunExactlyOnce) {
  PoolFixture f;
  std::mutex m;
  std::map<int, int> runs;
  f.registry.add("count", {.handler = [&](const nlohmann::json& p, jobs::JobContext&) -> core::Result<void> {
                             std::lock_guard lock(m);
                             ++runs[p.at("n").get<int>()];
                             return {};
                           },
                           .policy = kFast});
  auto& queue = f.make_queue();
  for (int i = 0; i < 60; ++i)
    ASSERT_TRUE(queue.enqueue({.kind = "count", .payload = {{"n", i}}, .dedupe_key = fmt::format("c{}", i)}).value());
  jobs::WorkerPool pool(queue, f.registry, f.blobs, {.workers = 4, .lease = 30s, .idle_wait = 20ms});
  pool.start();
  ASSERT_TRUE(eventually([&] { return pool.jobs_finished() == 60; }));
  pool.stop();
  ASSERT_EQ(runs.size(), 60u);
  for (auto [n, count] : runs) EXPECT_EQ(count, 1) << n;
}
