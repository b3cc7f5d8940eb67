// Structured logging: one JSON object per line on stderr. Fields are given as JSON so that
// values are always escaped correctly.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

namespace storyloom::core {

enum class LogLevel { debug, info, warn, error };

void set_log_level(LogLevel level);
// Writes {"ts":..., "level":..., "msg":..., ...fields} as one line; thread-safe.
void log(LogLevel level, std::string_view message, const nlohmann::json& fields = nlohmann::json::object());

inline void log_info(std::string_view m, const nlohmann::json& f = nlohmann::json::object()) { log(LogLevel::info, m, f); }
inline void log_warn(std::string_view m, const nlohmann::json& f = nlohmann::json::object()) { log(LogLevel::warn, m, f); }
inline void log_error(std::string_view m, const nlohmann::json& f = nlohmann::json::object()) { log(LogLevel::error, m, f); }

}  // namespace storyloom::core
