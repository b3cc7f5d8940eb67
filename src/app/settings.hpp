// Effective settings: every registered setting with the value in force and where it came from.
// Precedence, lowest first: default < config file < environment < command line.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/settings_registry.hpp"
#include "core/error.hpp"

namespace storyloom::app {

enum class SettingSource { default_value, file, environment, command_line };

struct EffectiveSetting {
  const Setting* setting = nullptr;
  std::string value;
  SettingSource source = SettingSource::default_value;
  std::string origin;  // "STORYLOOM_HTTP_PORT", "/etc/storyloom.conf:12", "--port"
};

class Settings {
 public:
  explicit Settings(std::vector<EffectiveSetting> values) : values_(std::move(values)) {}

  // Typed access by name. Asking for an unregistered setting is a bug (std::logic_error);
  // values were validated when loaded.
  const std::string& text(std::string_view name) const;
  std::int64_t integer(std::string_view name) const;
  std::uint64_t byte_size(std::string_view name) const;
  bool boolean(std::string_view name) const;
  std::vector<std::string> list(std::string_view name) const;  // comma-separated, trimmed, no empties
  const EffectiveSetting& get(std::string_view name) const;

  const std::vector<EffectiveSetting>& all() const { return values_; }

 private:
  std::vector<EffectiveSetting> values_;
};

using EnvLookup = std::function<std::optional<std::string>(std::string_view name)>;
EnvLookup process_environment();

struct SettingsInput {
  EnvLookup env;                                   // STORYLOOM_* variables
  std::optional<std::filesystem::path> file;       // --config FILE or STORYLOOM_CONFIG
  std::map<std::string, std::string> overrides;    // setting name -> value, from flags
  std::map<std::string, std::string> override_flags;  // setting name -> "--port", for messages
};

// Errors (invalid_argument): `invalid_setting` naming the setting, its source and the problem;
// `unknown_setting` for a name in the config file no one registered; `config_file_unreadable`.
core::Result<Settings> load_settings(const SettingsRegistry& registry, const SettingsInput& input);

// The config file: `section.key = value` lines, or `[section]` headers followed by
// `key = value`; `#` starts a comment line; values may be "double-quoted". Answers name ->
// (value, line number).
core::Result<std::map<std::string, std::pair<std::string, int>>> parse_config_text(std::string_view text);

std::string describe(SettingSource source);

}  // namespace storyloom::app
