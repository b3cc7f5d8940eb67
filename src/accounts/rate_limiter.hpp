// In-process token buckets, keyed by any string ("auth|ip|203.0.113.7", "books|user|us_x").
// A bucket holds up to `burst` tokens and gains `per_minute` tokens a minute. Thread-safe.
// With several servers each keeps its own buckets (ARCHITECTURE.md: PostgreSQL/Redis later).
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/clock.hpp"

namespace storyloom::accounts {

struct BucketRule {
  double per_minute = 60;  // refill rate; <= 0 disables the rule
  double burst = 30;       // capacity
};

class RateLimiter {
 public:
  explicit RateLimiter(const core::Clock& clock, std::size_t max_keys = 100'000)
      : clock_(clock), max_keys_(max_keys) {}

  // Takes one token. Answers nullopt when allowed, else the whole seconds (>= 1) to wait.
  std::optional<std::int64_t> take(std::string_view key, const BucketRule& rule);

 private:
  struct Bucket {
    double tokens = 0;
    std::int64_t updated_ms = 0;
  };
  void prune(std::int64_t now_ms);

  const core::Clock& clock_;
  std::size_t max_keys_;
  std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace storyloom::accounts
