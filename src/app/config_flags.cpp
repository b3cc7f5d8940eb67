#include "app/config_flags.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "core/log.hpp"

extern char** environ;

namespace storyloom::app {

void add_config_flags(CLI::App& command, ConfigFlags& flags, bool server_flags) {
  command.add_option("--config", flags.config_file, "Config file (section.key = value lines); default $STORYLOOM_CONFIG");
  command.add_option("--data-dir", flags.data_dir, "Data directory (data.dir)");
  if (server_flags) {
    command.add_option("--host", flags.host, "Address to listen on (http.host)");
    command.add_option("--port", flags.port, "Port to listen on, 0 for any free port (http.port)");
  }
}

std::optional<Settings> load_settings_or_report(const ConfigFlags& flags) {
  SettingsInput input;
  input.env = process_environment();
  if (!flags.config_file.empty()) input.file = flags.config_file;
  else if (auto env_file = input.env("STORYLOOM_CONFIG"); env_file && !env_file->empty()) input.file = *env_file;
  const auto set = [&](const char* name, const std::string& value, const char* flag) {
    if (value.empty()) return;
    input.overrides[name] = value;
    input.override_flags[name] = flag;
  };
  set("http.host", flags.host, "--host");
  set("http.port", flags.port, "--port");
  set("data.dir", flags.data_dir, "--data-dir");
  auto settings = load_settings(settings_registry(), input);
  if (!settings) {
    fmt::print(stderr, "storyloom: {}\n", settings.error().message);
    return std::nullopt;
  }
  return std::move(*settings);
}

void warn_about_unknown_environment(const SettingsRegistry& registry) {
  for (char** e = environ; e && *e; ++e) {
    const std::string_view entry(*e);
    if (!entry.starts_with("STORYLOOM_")) continue;
    const auto name = entry.substr(0, entry.find('='));
    if (name == "STORYLOOM_CONFIG" || registry.find_by_env(name)) continue;
    core::log_warn("unknown setting in environment", {{"variable", name}});
  }
}

}  // namespace storyloom::app
