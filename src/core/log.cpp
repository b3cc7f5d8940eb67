#include "core/log.hpp"

#include <algorithm>
#include <atomic>
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

// Field names are nearly always plain identifiers, which need no escaping (and no json value).
void append_key(std::string& text, const std::string& key) {
  const bool plain = std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
  });
  if (!plain) {
    text += nlohmann::json(key).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return;
  }
  text += '"';
  text += key;
  text += '"';
}

// Never destroyed: threads may log while the process exits.
LineWriter& writer() {
  static auto* w = new LineWriter;
  return *w;
}
}  // namespace

void set_log_level(LogLevel level) { g_level = level; }

void buffer_log_lines(std::chrono::milliseconds delay) { writer().start_buffering(delay); }

void flush_log() { writer().flush(); }

void log(LogLevel level, std::string_view message, const nlohmann::json& fields) {
  if (level < g_level.load()) return;
  // Written field by field rather than through a merged json object: this runs once per request.
  constexpr auto kReplaceBadUtf8 = nlohmann::json::error_handler_t::replace;
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::system_clock::now().time_since_epoch()).count();
  std::string text;
  text.reserve(256);
  fmt::format_to(std::back_inserter(text), R"({{"ts":"{}.{:03}Z","level":"{}","msg":)",
                 format_utc(ms / 1000, "%Y-%m-%dT%H:%M:%S"), ms % 1000, level_name(level));
  text += nlohmann::json(message).dump(-1, ' ', false, kReplaceBadUtf8);
  if (fields.is_object())
    for (auto it = fields.begin(); it != fields.end(); ++it) {
      if (it.key() == "ts" || it.key() == "level" || it.key() == "msg") continue;  // one of each per line
      text += ',';
      append_key(text, it.key());
      text += ':';
      text += it.value().dump(-1, ' ', false, kReplaceBadUtf8);
    }
  text += "}\n";
  writer().write(std::move(text), level >= LogLevel::warn);
}

}  // namespace storyloom::core
