#include "accounts/rate_limiter.hpp"

#include <algorithm>
#include <cmath>

namespace storyloom::accounts {

std::optional<std::int64_t> RateLimiter::take(std::string_view key, const BucketRule& rule) {
  if (rule.per_minute <= 0 || rule.burst < 1) return std::nullopt;
  const std::int64_t now = clock_.unix_millis();
  const double per_ms = rule.per_minute / 60'000.0;
  std::lock_guard lock(mutex_);
  auto it = buckets_.find(std::string(key));
  if (it == buckets_.end()) {
    if (buckets_.size() >= max_keys_) prune(now);
    it = buckets_.emplace(std::string(key), Bucket{rule.burst, now}).first;
  }
  Bucket& b = it->second;
  b.tokens = std::min(rule.burst, b.tokens + static_cast<double>(now - b.updated_ms) * per_ms);
  b.updated_ms = now;
  if (b.tokens >= 1) {
    b.tokens -= 1;
    return std::nullopt;
  }
  const double wait_ms = (1 - b.tokens) / per_ms;
  return std::max<std::int64_t>(1, static_cast<std::int64_t>(std::ceil(wait_ms / 1000.0)));
}

// Drops buckets idle long enough to be full again (at most ten minutes' worth). Keeps memory
// bounded under a flood of distinct keys; worst case a pruned key starts with a full bucket.
void RateLimiter::prune(std::int64_t now_ms) {
  std::erase_if(buckets_, [&](const auto& kv) { return now_ms - kv.second.updated_ms > 600'000; });
  if (buckets_.size() >= max_keys_) buckets_.clear();
}

}  // namespace storyloom::accounts
