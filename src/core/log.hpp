// Structured logging: one JSON object per line on stderr. Fields are given as JSON so that
// values are always escaped correctly.
#pragma once

#include <chrono>
#include <cstdint>
#include <span>
#include <string_view>
#include <variant>

#include <nlohmann/json.hpp>

namespace storyloom::core {

enum class LogLevel { debug, info, warn, error };

void set_log_level(LogLevel level);
// Writes {"ts":..., "level":..., "msg":..., ...fields} as one line; thread-safe. Fields named
// ts, level or msg are left out.
void log(LogLevel level, std::string_view message, const nlohmann::json& fields = nlohmann::json::object());

// A field of a line written on a hot path (the access log, once per request): written straight
// into the line, without building a json value. Strings are escaped like json values.
struct LogField {
  std::string_view key;  // a plain identifier: letters, digits, '_' and '.'
  std::variant<std::string_view, std::int64_t, double, bool> value;
};
void log_fields(LogLevel level, std::string_view message, std::span<const LogField> fields);

inline void log_info(std::string_view m, const nlohmann::json& f = nlohmann::json::object()) { log(LogLevel::info, m, f); }
inline void log_warn(std::string_view m, const nlohmann::json& f = nlohmann::json::object()) { log(LogLevel::warn, m, f); }
inline void log_error(std::string_view m, const nlohmann::json& f = nlohmann::json::object()) { log(LogLevel::error, m, f); }

// Busy servers: info and debug lines are collected and written at most `delay` later, in one
// write (a line per request was a third of the server's system calls). Warnings and errors are
// still written at once, after whatever is waiting, so the order of lines is kept.
// Off (every line written at once) until turned on; `flush_log()` runs at normal exit.
void buffer_log_lines(std::chrono::milliseconds delay);
void flush_log();

}  // namespace storyloom::core
