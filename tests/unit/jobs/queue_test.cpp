#include <gtest/gtest.h>

#include <set>
#include <thread>

#include "core/clock.hpp"
#include "jobs/queue.hpp"
#include "temp_database.hpp"

using namespace storyloom;
using namespace std::chrono_literals;

namespace {
const std::vector<std::string> kKinds{"step"};

jobs::NewJob step(int n) { return {.kind = "step", .payload = {{"n", n}}, .dedupe_key = "step:" + std::to_string(n)}; }
}  // namespace

TEST(JobQueue, EnqueueWithTheSameDedupeKeyIsANoOp) {
  test_support::TempDatabase t;
  core::ManualClock clock;
  jobs::Queue queue(t.db, clock);
  EXPECT_TRUE(queue.enqueue(step(1)).value());
  EXPECT_FALSE(queue.enqueue(step(1)).value());
  EXPECT_EQ(t.count("SELECT COUNT(*) AS n FROM jobs"), 1);
  // Still a no-op once the first one finished: the step already happened.
  auto job = queue.claim("a", kKinds, 30s).value().value();
  ASSERT_TRUE(queue.complete(job).value());
  EXPECT_FALSE(queue.enqueue(step(1)).value());
  EXPECT_EQ(t.count("SELECT COUNT(*) AS n FROM jobs"), 1);
}

TEST(JobQueue, ClaimIsExclusiveAcrossThreads) {
  test_support::TempDatabase t;
  jobs::Queue queue(t.db, core::system_clock());
  for (int i = 0; i < 120; ++i) ASSERT_TRUE(queue.enqueue(step(i)).value());
  std::mutex m;
  std::multiset<std::string> claimed;
  std::vector<std::thread> threads;
  for (int w = 0; w < 4; ++w)
    threads.emplace_back([&, w] {
      const auto owner = "w" + std::to_string(w);
      while (true) {
        auto job = queue.claim(owner, kKinds, 60s);
        ASSERT_TRUE(job) << job.error().message;
        if (!job->has_value()) return;
        std::lock_guard lock(m);
        claimed.insert((*job)->id);
      }
    });
  for (auto& th : threads) th.join();
  EXPECT_EQ(claimed.size(), 120u);
  EXPECT_EQ(std::set<std::string>(claimed.begin(), claimed.end()).size(), 120u);
  EXPECT_EQ(t.count("SELECT COUNT(*) AS n FROM jobs WHERE state = 'running' AND attempts = 1"), 120);
}

TEST(JobQueue, OnlyDueJobsOfTheAskedKindsAreClaimed) {
  test_support::TempDatabase t;
  core::ManualClock clock;
  jobs::Queue queue(t.db, clock);
  ASSERT_TRUE(queue.enqueue({.kind = "other", .dedupe_key = "o"}).value());
  ASSERT_TRUE(queue.enqueue({.kind = "step", .dedupe_key = "later", .run_at = clock.unix_seconds() + 60}).value());
  EXPECT_FALSE(queue.claim("a", kKinds, 30s).value().has_value());
  clock.advance(60s);
  EXPECT_EQ(queue.claim("a", kKinds, 30s).value()->dedupe_key, "later");
}

namespace {
std::vector<std::string> claim_all(jobs::Queue& queue) {
  std::vector<std::string> keys;
  while (auto job = queue.claim("a", kKinds, 30s).value()) keys.push_back(job->dedupe_key);
  return keys;
}
}  // namespace

TEST(JobQueue, OlderWorkIsClaimedFirstThenHigherPriorityWithinIt) {
  test_support::TempDatabase t;
  core::ManualClock clock;
  jobs::Queue queue(t.db, clock);
  const auto at = [](const char* key, std::int64_t asked, int priority) {
    return jobs::NewJob{.kind = "step", .dedupe_key = key, .asked_at_ms = asked, .priority = priority};
  };
  // Book B (asked later) queues its first page before book A's pages arrive; A still goes first,
  // its page 1 before its page 2, and page 1's next step before page 2 is drawn.
  ASSERT_TRUE(queue.enqueue(at("B:draw1", 2000, 19)).value());
  ASSERT_TRUE(queue.enqueue(at("A:draw2", 1000, 18)).value());
  ASSERT_TRUE(queue.enqueue(at("A:draw1", 1000, 19)).value());
  ASSERT_TRUE(queue.enqueue(at("A:personalize1", 1000, 29)).value());
  EXPECT_EQ(claim_all(queue), (std::vector<std::string>{"A:personalize1", "A:draw1", "A:draw2", "B:draw1"}));
}

TEST(JobQueue, JobsOfOneSeriesRunOneAtATimeInTheOrderAsked) {
  test_support::TempDatabase t;
  core::ManualClock clock;
  jobs::Queue queue(t.db, clock);
  const auto in = [](const char* key, std::int64_t asked, const char* series) {
    return jobs::NewJob{.kind = "step", .dedupe_key = key, .asked_at_ms = asked, .serial_key = series};
  };
  ASSERT_TRUE(queue.enqueue(in("pay1:first", 1000, "pay1")).value());
  ASSERT_TRUE(queue.enqueue(in("pay1:second", 1001, "pay1")).value());
  ASSERT_TRUE(queue.enqueue(in("pay2:only", 1002, "pay2")).value());
  ASSERT_TRUE(queue.enqueue(in("free", 1003, "")).value());
  auto first = queue.claim("a", kKinds, 30s).value().value();
  EXPECT_EQ(first.dedupe_key, "pay1:first");
  // While pay1:first runs, its series waits; other series and free jobs do not.
  EXPECT_EQ(claim_all(queue), (std::vector<std::string>{"pay2:only", "free"}));
  ASSERT_TRUE(queue.complete(first).value());
  EXPECT_EQ(claim_all(queue), (std::vector<std::string>{"pay1:second"}));
}

TEST(JobQueue, ASeriesWaitsForItsOlderJobEvenWhenThatOneIsBackingOff) {
  test_support::TempDatabase t;
  core::ManualClock clock;
  jobs::Queue queue(t.db, clock);
  ASSERT_TRUE(queue.enqueue({.kind = "step", .dedupe_key = "s:1", .asked_at_ms = 1, .serial_key = "s"}).value());
  ASSERT_TRUE(queue.enqueue({.kind = "step", .dedupe_key = "s:2", .asked_at_ms = 2, .serial_key = "s"}).value());
  auto first = queue.claim("a", kKinds, 30s).value().value();
  ASSERT_EQ(queue.fail(first, core::Error{.code = "x", .message = "x"}, {.max_attempts = 3}, {}).value(),
            jobs::FailOutcome::retried);
  EXPECT_FALSE(queue.claim("a", kKinds, 30s).value().has_value());  // s:1 backs off; s:2 may not overtake
  clock.advance(3600s);
  EXPECT_EQ(claim_all(queue), (std::vector<std::string>{"s:1"}));
}

TEST(JobQueue, AJobWhoseLeaseExpiredIsClaimedAgainAndTheOldOwnerCannotFinishIt) {
  test_support::TempDatabase t;
  core::ManualClock clock;
  jobs::Queue queue(t.db, clock);
  ASSERT_TRUE(queue.enqueue(step(1)).value());
  auto first = queue.claim("dead-worker", kKinds, 30s).value().value();
  EXPECT_FALSE(queue.claim("b", kKinds, 30s).value().has_value());
  clock.advance(29s);
  EXPECT_FALSE(queue.claim("b", kKinds, 30s).value().has_value());
  clock.advance(1s);
  auto second = queue.claim("b", kKinds, 30s).value().value();
  EXPECT_EQ(second.id, first.id);
  EXPECT_EQ(second.attempts, 2);
  EXPECT_FALSE(queue.complete(first).value());
  EXPECT_FALSE(queue.renew(first, 30s).value());
  EXPECT_TRUE(queue.complete(second).value());
  EXPECT_EQ(queue.find(first.id).value()->state, jobs::JobState::succeeded);
}

TEST(JobQueue, RenewingKeepsTheLease) {
  test_support::TempDatabase t;
  core::ManualClock clock;
  jobs::Queue queue(t.db, clock);
  ASSERT_TRUE(queue.enqueue(step(1)).value());
  auto job = queue.claim("a", kKinds, 30s).value().value();
  for (int i = 0; i < 5; ++i) {
    clock.advance(20s);
    ASSERT_TRUE(queue.renew(job, 30s).value());
    EXPECT_FALSE(queue.claim("b", kKinds, 30s).value().has_value());
  }
}

TEST(JobQueue, FailureRetriesWithBackoffThenDiesAndRunsTheHookOnce) {
  test_support::TempDatabase t;
  core::ManualClock clock;
  jobs::Queue queue(t.db, clock);
  const jobs::RetryPolicy policy{.max_attempts = 3, .base_delay = 10s, .max_delay = 100s};
  ASSERT_TRUE(queue.enqueue({.kind = "step", .dedupe_key = "s", .max_attempts = 3}).value());
  int hooked = 0;
  const jobs::DeadHook hook = [&](sql::Connection& conn, const jobs::Job& job,
                                  const core::Error& e) -> core::Result<void> {
    ++hooked;
    EXPECT_EQ(e.code, "boom");
    EXPECT_EQ(job.dedupe_key, "s");
    if (auto n = conn.execute("INSERT INTO audit_log (id, at, event) VALUES ('au_x', 0, 'dead')"); !n)
      return std::unexpected(n.error());
    return {};
  };
  const core::Error boom{core::ErrorKind::unavailable, "boom", "it broke"};
  for (int attempt = 1; attempt <= 3; ++attempt) {
    clock.advance(200s);
    auto job = queue.claim("a", kKinds, 30s).value().value();
    EXPECT_EQ(job.attempts, attempt);
    const auto expected = attempt < 3 ? jobs::FailOutcome::retried : jobs::FailOutcome::dead;
    EXPECT_EQ(queue.fail(job, boom, policy, hook).value(), expected);
    if (attempt < 3) {
      auto stored = queue.find(job.id).value().value();
      const auto wait = stored.next_run_at - clock.unix_seconds();
      const auto full = 10 << (attempt - 1);
      EXPECT_GE(wait, full / 2);
      EXPECT_LE(wait, full);
      EXPECT_EQ(stored.last_error["code"], "boom");
    }
  }
  clock.advance(1000s);
  EXPECT_FALSE(queue.claim("a", kKinds, 30s).value().has_value());
  EXPECT_EQ(hooked, 1);
  EXPECT_EQ(t.count("SELECT COUNT(*) AS n FROM audit_log WHERE event = 'dead'"), 1);
}

TEST(JobQueue, AFailingDeadHookLeavesTheJobToBeRetried) {
  test_support::TempDatabase t;
  core::ManualClock clock;
  jobs::Queue queue(t.db, clock);
  ASSERT_TRUE(queue.enqueue({.kind = "step", .dedupe_key = "s", .max_attempts = 1}).value());
  auto job = queue.claim("a", kKinds, 30s).value().value();
  const jobs::DeadHook broken = [](sql::Connection&, const jobs::Job&, const core::Error&) -> core::Result<void> {
    return core::fail(core::ErrorKind::unavailable, "refund_failed", "no");
  };
  EXPECT_FALSE(queue.fail(job, core::Error{.code = "boom"}, {}, broken));
  EXPECT_EQ(queue.find(job.id).value()->state, jobs::JobState::running);
}

TEST(JobQueue, ReleaseGivesTheAttemptBack) {
  test_support::TempDatabase t;
  core::ManualClock clock;
  jobs::Queue queue(t.db, clock);
  ASSERT_TRUE(queue.enqueue(step(1)).value());
  auto job = queue.claim("a", kKinds, 30s).value().value();
  ASSERT_TRUE(queue.release(job).value());
  auto again = queue.claim("b", kKinds, 30s).value().value();
  EXPECT_EQ(again.attempts, 1);
}

TEST(JobQueue, PurgesOnlyOldFinishedJobs) {
  test_support::TempDatabase t;
  core::ManualClock clock;
  jobs::Queue queue(t.db, clock);
  ASSERT_TRUE(queue.enqueue(step(1)).value());
  ASSERT_TRUE(queue.enqueue(step(2)).value());
  ASSERT_TRUE(queue.complete(queue.claim("a", kKinds, 30s).value().value()).value());
  clock.advance(100s);
  EXPECT_EQ(queue.purge_finished(clock.unix_seconds(), true).value(), 1);
  EXPECT_EQ(queue.purge_finished(clock.unix_seconds()).value(), 1);
  EXPECT_EQ(t.count("SELECT COUNT(*) AS n FROM jobs"), 1);
}

TEST(RetryPolicy, BackoffGrowsExponentiallyWithJitterAndIsCapped) {
  std::mt19937_64 rng(7);
  const jobs::RetryPolicy p{.max_attempts = 10, .base_delay = 4s, .max_delay = 60s};
  for (int i = 0; i < 100; ++i) {
    const auto d1 = jobs::backoff_delay(p, 1, rng).count();
    const auto d3 = jobs::backoff_delay(p, 3, rng).count();
    const auto d9 = jobs::backoff_delay(p, 9, rng).count();
    EXPECT_TRUE(d1 >= 2 && d1 <= 4) << d1;
    EXPECT_TRUE(d3 >= 8 && d3 <= 16) << d3;
    EXPECT_TRUE(d9 >= 30 && d9 <= 60) << d9;
  }
}
