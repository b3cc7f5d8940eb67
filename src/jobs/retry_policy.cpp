#include "jobs/retry_policy.hpp"

#include <algorithm>

namespace storyloom::jobs {

std::chrono::seconds backoff_delay(const RetryPolicy& policy, int failed_attempts, std::mt19937_64& rng) {
  const auto base = policy.base_delay.count();
  if (base <= 0) return std::chrono::seconds{0};
  const int doublings = std::clamp(failed_attempts - 1, 0, 30);
  const long long full = std::min<long long>(base << doublings, std::max<long long>(policy.max_delay.count(), base));
  std::uniform_int_distribution<long long> jitter(full / 2, full);
  return std::chrono::seconds{jitter(rng)};
}

}  // namespace storyloom::jobs
