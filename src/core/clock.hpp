// Time as a dependency: production code asks a Clock, tests move a ManualClock.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>

namespace storyloom::core {

using TimePoint = std::chrono::system_clock::time_point;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual TimePoint now() const = 0;
  // Seconds since the Unix epoch; the unit stored in the database.
  std::int64_t unix_seconds() const {
    return std::chrono::duration_cast<std::chrono::seconds>(now().time_since_epoch()).count();
  }
  std::int64_t unix_millis() const {
    return std::chrono::duration_cast<std::chrono::milliseconds>(now().time_since_epoch()).count();
  }
};

class SystemClock final : public Clock {
 public:
  TimePoint now() const override { return std::chrono::system_clock::now(); }
};

// A clock that only moves when told to. Thread-safe.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(std::int64_t unix_seconds = 1'700'000'000) : ms_(unix_seconds * 1000) {}
  TimePoint now() const override { return TimePoint(std::chrono::milliseconds(ms_.load())); }
  void advance(std::chrono::milliseconds by) { ms_ += by.count(); }
  void set_unix_seconds(std::int64_t s) { ms_ = s * 1000; }

 private:
  std::atomic<std::int64_t> ms_;
};

// The process-wide real clock, for code that has no clock injected.
const Clock& system_clock();

// A moment in UTC through strftime's `format`, e.g. "%Y-%m-%dT%H:%M:%SZ" (ISO 8601) or
// "%a, %d %b %Y %H:%M:%S GMT" (HTTP dates). Never local time, whatever TZ says; names of days and
// months are the C locale's.
std::string format_utc(std::int64_t unix_seconds, const char* format);

}  // namespace storyloom::core
