#include "core/log.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <mutex>
#include <string>
#include <thread>

#include <fmt/format.h>

#include "core/clock.hpp"

namespace storyloom::core {
namespace {
std::atomic<LogLevel> g_level{LogLevel::info};

const char* level_name(LogLevel l) {
  switch (l) {
    case LogLevel::debug: return "debug";
    case LogLevel::info: return "info";
    case LogLevel::warn: return "warn";
    case LogLevel::error: return "error";
  }
  return "info";
}

// Lines go to stderr whole and in order. When buffering, a background thread writes what has
// gathered every `delay_`; lock order is pending_mutex_ then output_mutex_, so a batch taken
// from the buffer reaches stderr before anything logged after it.
class LineWriter {
 public:
  void write(std::string&& line, bool urgent) {
    std::unique_lock pending_lock(pending_mutex_);
    if (!buffering_ || urgent) {
      pending_ += line;
      write_pending(pending_lock);
      return;
    }
    pending_ += line;
    if (pending_.size() >= kFlushBytes) wake_.notify_one();
  }

  void start_buffering(std::chrono::milliseconds delay) {
    std::lock_guard lock(pending_mutex_);
    delay_ = delay;
    if (buffering_) return;
    buffering_ = true;
    std::atexit([] { flush_log(); });
    std::thread([this] { flush_loop(); }).detach();  // lives as long as the process
  }

  void flush() {
    std::unique_lock pending_lock(pending_mutex_);
    write_pending(pending_lock);
  }

 private:
  static constexpr std::size_t kFlushBytes = 64 * 1024;

  void flush_loop() {
    std::unique_lock pending_lock(pending_mutex_);
    while (true) {
      wake_.wait_for(pending_lock, delay_, [this] { return pending_.size() >= kFlushBytes; });
      write_pending(pending_lock);
      pending_lock.lock();
    }
  }

  // Called with pending_lock held; returns with it released.
  void write_pending(std::unique_lock<std::mutex>& pending_lock) {
    std::string batch;
    batch.swap(pending_);
    std::lock_guard output_lock(output_mutex_);
    pending_lock.unlock();
    if (batch.empty()) return;
    std::fwrite(batch.data(), 1, batch.size(), stderr);
    std::fflush(stderr);
  }

  std::mutex pending_mutex_;
  std::mutex output_mutex_;
  std::condition_variable wake_;
  std::string pending_;
  bool buffering_ = false;
  std::chrono::milliseconds delay_{0};
};

constexpr auto kReplaceBadUtf8 = nlohmann::json::error_handler_t::replace;

// Printable ASCII without quote or backslash (field names, paths, ids, methods: nearly every
// string) goes in as it is; anything else through the json library, which escapes and replaces
// bad UTF-8.
void append_string(std::string& text, std::string_view value) {
  const bool plain = std::all_of(value.begin(), value.end(), [](char c) { return c >= 0x20 && c < 0x7f && c != '"' && c != '\\'; });
  if (!plain) {
    text += nlohmann::json(value).dump(-1, ' ', false, kReplaceBadUtf8);
    return;
  }
  text += '"';
  text += value;
  text += '"';
}

bool is_reserved_key(std::string_view key) { return key == "ts" || key == "level" || key == "msg"; }

// {"ts":...,"level":...,"msg":... — the seconds of the timestamp are formatted once a second
// per thread (strftime showed in the per-request profile).
std::string begin_line(LogLevel level, std::string_view message) {
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::system_clock::now().time_since_epoch()).count();
  thread_local std::int64_t cached_second = -1;
  thread_local std::string cached_text;
  if (ms / 1000 != cached_second) {
    cached_second = ms / 1000;
    cached_text = format_utc(cached_second, "%Y-%m-%dT%H:%M:%S");
  }
  std::string text;
  text.reserve(256);
  fmt::format_to(std::back_inserter(text), R"({{"ts":"{}.{:03}Z","level":"{}","msg":)", cached_text, ms % 1000,
                 level_name(level));
  append_string(text, message);
  return text;
}

// Never destroyed: threads may log while the process exits.
LineWriter& writer() {
  static auto* w = new LineWriter;
  return *w;
}

void end_line(std::string&& text, LogLevel level) {
  text += "}\n";
  writer().write(std::move(text), level >= LogLevel::warn);
}
}  // namespace

void set_log_level(LogLevel level) { g_level = level; }

void buffer_log_lines(std::chrono::milliseconds delay) { writer().start_buffering(delay); }

void flush_log() { writer().flush(); }

void log(LogLevel level, std::string_view message, const nlohmann::json& fields) {
  if (level < g_level.load()) return;
  std::string text = begin_line(level, message);
  if (fields.is_object())
    for (auto it = fields.begin(); it != fields.end(); ++it) {
      if (is_reserved_key(it.key())) continue;  // one of each per line
      text += ',';
      append_string(text, it.key());
      text += ':';
      text += it.value().dump(-1, ' ', false, kReplaceBadUtf8);
    }
  end_line(std::move(text), level);
}

void log_fields(LogLevel level, std::string_view message, std::span<const LogField> fields) {
  if (level < g_level.load()) return;
  std::string text = begin_line(level, message);
  for (const auto& field : fields) {
    if (is_reserved_key(field.key)) continue;
    text += ',';
    append_string(text, field.key);
    text += ':';
    std::visit(
        [&text]<class T>(const T& value) {
          if constexpr (std::is_same_v<T, std::string_view>) {
            append_string(text, value);
          } else if constexpr (std::is_same_v<T, bool>) {
            text += value ? "true" : "false";
          } else if constexpr (std::is_same_v<T, double>) {
            if (std::isfinite(value)) fmt::format_to(std::back_inserter(text), "{}", value);
            else text += "null";  // what json says for them
          } else {
            fmt::format_to(std::back_inserter(text), "{}", value);
          }
        },
        field.value);
  }
  end_line(std::move(text), level);
}

}  // namespace storyloom::core
