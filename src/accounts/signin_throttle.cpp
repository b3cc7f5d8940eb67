#include "accounts/signin_throttle.hpp"

#include <algorithm>

namespace storyloom::accounts {
namespace {

std::string account_key(std::string_view email) { return "a|" + std::string(email); }
std::string pair_key(std::string_view email, std::string_view ip) {
  return "p|" + std::string(email) + "|" + std::string(ip);
}

}  // namespace

std::int64_t SigninThrottle::wait_ms(const Failures& f, std::int64_t cap_seconds, std::int64_t now_ms) const {
  if (now_ms - f.last_ms > rule_.forget_after_seconds * 1000) return 0;
  const int over = f.count - rule_.free_failures;
  if (over <= 0) return 0;
  const std::int64_t delay_s = std::min<std::int64_t>(cap_seconds, std::int64_t{1} << std::min(over - 1, 20));
  return std::max<std::int64_t>(0, f.last_ms + delay_s * 1000 - now_ms);
}

std::optional<std::int64_t> SigninThrottle::wait_before_attempt(std::string_view email, std::string_view ip) {
  const std::int64_t now = clock_.unix_millis();
  std::lock_guard lock(mutex_);
  std::int64_t wait = 0;
  if (auto it = failures_.find(account_key(email)); it != failures_.end())
    wait = std::max(wait, wait_ms(it->second, rule_.account_cap_seconds, now));
  if (auto it = failures_.find(pair_key(email, ip)); it != failures_.end())
    wait = std::max(wait, wait_ms(it->second, rule_.pair_cap_seconds, now));
  if (wait <= 0) return std::nullopt;
  return (wait + 999) / 1000;
}

void SigninThrottle::bump(const std::string& key, std::int64_t now_ms) {
  Failures& f = failures_[key];
  if (now_ms - f.last_ms > rule_.forget_after_seconds * 1000) f.count = 0;
  ++f.count;
  f.last_ms = now_ms;
}

void SigninThrottle::record_failure(std::string_view email, std::string_view ip) {
  const std::int64_t now = clock_.unix_millis();
  std::lock_guard lock(mutex_);
  if (failures_.size() > 200'000)  // bounded memory under a flood of distinct emails
    std::erase_if(failures_, [&](const auto& kv) { return now - kv.second.last_ms > rule_.forget_after_seconds * 1000; });
  bump(account_key(email), now);
  bump(pair_key(email, ip), now);
}

void SigninThrottle::record_success(std::string_view email, std::string_view ip) {
  std::lock_guard lock(mutex_);
  failures_.erase(account_key(email));
  failures_.erase(pair_key(email, ip));
}

}  // namespace storyloom::accounts
