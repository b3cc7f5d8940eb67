#include "app/settings.hpp"
#include "core/text.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <fmt/format.h>

#include "app/validators.hpp"

namespace storyloom::app {

namespace {

core::Error config_error(std::string code, std::string message, nlohmann::json details = nlohmann::json::object()) {
  return core::Error{core::ErrorKind::invalid_argument, std::move(code), std::move(message), std::move(details)};
}

// Replaces ${name} in a default with the effective value of another setting.
std::string expand(std::string value, const std::vector<EffectiveSetting>& resolved) {
  std::size_t pos = 0;
  while ((pos = value.find("${", pos)) != std::string::npos) {
    const auto end = value.find('}', pos);
    if (end == std::string::npos) break;
    const std::string name = value.substr(pos + 2, end - pos - 2);
    std::string replacement;
    for (const auto& r : resolved)
      if (r.setting->name == name) replacement = r.value;
    value.replace(pos, end - pos + 1, replacement);
    pos += replacement.size();
  }
  return value;
}

core::Result<std::map<std::string, std::pair<std::string, int>>> read_config_file(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in)
    return std::unexpected(config_error("config_file_unreadable", fmt::format("Cannot read the config file {}.", path.string())));
  std::ostringstream text;
  text << in.rdbuf();
  auto parsed = parse_config_text(text.str());
  if (!parsed) parsed.error().message = fmt::format("{}: {}", path.string(), parsed.error().message);
  return parsed;
}

}  // namespace

std::string describe(SettingSource source) {
  switch (source) {
    case SettingSource::default_value: return "default";
    case SettingSource::file: return "config file";
    case SettingSource::environment: return "environment";
    case SettingSource::command_line: return "command line";
  }
  return "default";
}

core::Result<std::map<std::string, std::pair<std::string, int>>> parse_config_text(std::string_view text) {
  std::map<std::string, std::pair<std::string, int>> values;
  std::string section;
  int line_no = 0;
  while (!text.empty()) {
    const auto nl = text.find('\n');
    const auto line = core::trim(text.substr(0, nl));
    text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
    ++line_no;
    if (line.empty() || line.front() == '#' || line.front() == ';') continue;
    if (line.front() == '[') {
      if (line.back() != ']') return std::unexpected(config_error("config_file_invalid", fmt::format("line {}: unclosed [section]", line_no)));
      section = std::string(core::trim(line.substr(1, line.size() - 2)));
      continue;
    }
    const auto eq = line.find('=');
    if (eq == std::string_view::npos)
      return std::unexpected(config_error("config_file_invalid", fmt::format("line {}: expected `name = value`", line_no)));
    const auto key = core::trim(line.substr(0, eq));
    auto value = core::trim(line.substr(eq + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
    if (key.empty()) return std::unexpected(config_error("config_file_invalid", fmt::format("line {}: missing name", line_no)));
    const std::string name = section.empty() ? std::string(key) : section + "." + std::string(key);
    values[name] = {std::string(value), line_no};
  }
  return values;
}

core::Result<Settings> load_settings(const SettingsRegistry& registry, const SettingsInput& input) {
  std::map<std::string, std::pair<std::string, int>> file_values;
  if (input.file) {
    auto parsed = read_config_file(*input.file);
    if (!parsed) return std::unexpected(parsed.error());
    file_values = std::move(*parsed);
    for (const auto& [name, entry] : file_values)
      if (!registry.find(name))
        return std::unexpected(config_error("unknown_setting",
                                            fmt::format("Unknown setting {} in {} line {}.", name, input.file->string(), entry.second),
                                            {{"setting", name}}));
  }
  std::vector<EffectiveSetting> values;
  for (const auto& s : registry.all()) {
    EffectiveSetting e{&s, s.default_value, SettingSource::default_value, "default"};
    if (const auto it = file_values.find(s.name); it != file_values.end())
      e = {&s, it->second.first, SettingSource::file, fmt::format("{}:{}", input.file->string(), it->second.second)};
    if (input.env)
      if (auto v = input.env(s.env)) e = {&s, *v, SettingSource::environment, s.env};
    if (const auto it = input.overrides.find(s.name); it != input.overrides.end()) {
      const auto flag = input.override_flags.find(s.name);
      e = {&s, it->second, SettingSource::command_line, flag != input.override_flags.end() ? flag->second : s.name};
    }
    values.push_back(std::move(e));
  }
  for (auto& e : values) {
    if (e.source == SettingSource::default_value) e.value = expand(e.value, values);
    if (!e.setting->validate) continue;
    if (auto problem = e.setting->validate(e.value)) {
      const std::string shown = e.setting->secret ? "(secret)" : "\"" + e.value + "\"";
      return std::unexpected(config_error(
          "invalid_setting",
          fmt::format("Invalid setting {} (from {}): {}; got {}.", e.setting->name, e.origin, *problem, shown),
          {{"setting", e.setting->name}, {"source", e.origin}}));
    }
  }
  return Settings(std::move(values));
}

EnvLookup process_environment() {
  return [](std::string_view name) -> std::optional<std::string> {
    const char* v = std::getenv(std::string(name).c_str());
    if (!v) return std::nullopt;
    return std::string(v);
  };
}

const EffectiveSetting& Settings::get(std::string_view name) const {
  for (const auto& e : values_)
    if (e.setting->name == name) return e;
  throw std::logic_error("no such setting: " + std::string(name));
}

const std::string& Settings::text(std::string_view name) const { return get(name).value; }

std::int64_t Settings::integer(std::string_view name) const {
  const auto v = parse_integer(text(name));
  if (!v) throw std::logic_error("setting is not an integer: " + std::string(name));
  return *v;
}

std::uint64_t Settings::byte_size(std::string_view name) const {
  const auto v = parse_byte_size(text(name));
  if (!v) throw std::logic_error("setting is not a byte size: " + std::string(name));
  return *v;
}

bool Settings::boolean(std::string_view name) const {
  const auto v = parse_boolean(text(name));
  if (!v) throw std::logic_error("setting is not a boolean: " + std::string(name));
  return *v;
}

std::vector<std::string> Settings::list(std::string_view name) const {
  std::vector<std::string> items;
  std::string_view rest = text(name);
  while (!rest.empty()) {
    const auto comma = rest.find(',');
    const auto item = core::trim(rest.substr(0, comma));
    if (!item.empty()) items.emplace_back(item);
    rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
  }
  return items;
}

}  // namespace storyloom::app
