// The configuration flags the commands share (--config, and for serve --host/--port/--data-dir)
// and loading the configuration from them, the environment and the config file.
#pragma once

#include <optional>
#include <string>

#include "app/config.hpp"

namespace CLI {
class App;
}

namespace storyloom::app {

struct ConfigFlags {
  std::string config_file;  // --config; falls back to STORYLOOM_CONFIG
  std::string host;         // --host  (http.host)
  std::string port;         // --port  (http.port), validated like the setting
  std::string data_dir;     // --data-dir (data.dir)
};

// Adds --config, and --data-dir; with `server_flags` also --host and --port.
void add_config_flags(CLI::App& command, ConfigFlags& flags, bool server_flags);

// Loads and validates the settings. On a bad value prints the problem (naming the setting) to
// stderr and answers nullopt: the caller exits with code 2.
std::optional<Settings> load_settings_or_report(const ConfigFlags& flags);

// Warns (log) about STORYLOOM_* variables that name no setting, which are usually typos.
void warn_about_unknown_environment(const SettingsRegistry& registry);

}  // namespace storyloom::app
