// Slows password guessing against one account without letting an attacker lock its owner out.
//
// The rule (docs/accounts.md): failures are counted per account and per (account, client IP).
// The first `free_failures` (5) cost nothing; after that each failure doubles the wait before the
// next attempt is even checked: 1 s, 2 s, 4 s ... capped at `account_cap_seconds` (30 s) for the
// account as a whole and at `pair_cap_seconds` (900 s) for the same account from the same IP.
// So one attacker's address is slowed to a few guesses an hour, a distributed attacker to two a
// minute, while the real owner — from their own address — waits at most 30 s. A success clears
// both counters; counters are forgotten after `forget_after_seconds` (1 h) without failures.
// In-process and thread-safe; it does not survive restarts (acceptable: the caps are the point).
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "accounts/config.hpp"
#include "core/clock.hpp"

namespace storyloom::accounts {


class SigninThrottle {
 public:
  SigninThrottle(const core::Clock& clock, SigninThrottleRule rule = {}) : clock_(clock), rule_(rule) {}

  // Seconds to wait before this attempt may be checked, or nullopt when it may go ahead.
  std::optional<std::int64_t> wait_before_attempt(std::string_view email, std::string_view ip);
  void record_failure(std::string_view email, std::string_view ip);
  void record_success(std::string_view email, std::string_view ip);

 private:
  struct Failures {
    int count = 0;
    std::int64_t last_ms = 0;
  };
  std::int64_t wait_ms(const Failures& f, std::int64_t cap_seconds, std::int64_t now_ms) const;
  void bump(const std::string& key, std::int64_t now_ms);

  const core::Clock& clock_;
  SigninThrottleRule rule_;
  std::mutex mutex_;
  std::unordered_map<std::string, Failures> failures_;
};

}  // namespace storyloom::accounts
