// How often a job kind is tried and how long to wait between tries: exponential backoff
// (base * 2^(attempt-1), capped) with full jitter in [delay/2, delay], so a burst of failures
// does not come back as a burst of retries.
#pragma once

#include <chrono>
#include <random>

namespace storyloom::jobs {

struct RetryPolicy {
  int max_attempts = 5;                          // including the first; then the job is dead
  std::chrono::seconds base_delay{5};
  std::chrono::seconds max_delay{300};
};

// Delay before attempt `failed_attempts + 1`, where failed_attempts >= 1.
std::chrono::seconds backoff_delay(const RetryPolicy& policy, int failed_attempts, std::mt19937_64& rng);

}  // namespace storyloom::jobs
