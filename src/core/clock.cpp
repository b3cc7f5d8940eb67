#include "core/clock.hpp"

#include <ctime>

namespace storyloom::core {

const Clock& system_clock() {
  static const SystemClock clock;
  return clock;
}

std::string format_utc(std::int64_t unix_seconds, const char* format) {
  const auto t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[128];
  const std::size_t n = std::strftime(buf, sizeof buf, format, &tm);
  return std::string(buf, n);
}

}  // namespace storyloom::core
