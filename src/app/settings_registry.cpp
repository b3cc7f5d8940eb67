#include "app/settings_registry.hpp"

#include <stdexcept>

namespace storyloom::app {

std::string env_name_for(std::string_view setting_name) {
  std::string env = "STORYLOOM_";
  for (const char c : setting_name) {
    if (c == '.' || c == '-') env.push_back('_');
    else env.push_back(static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c));
  }
  return env;
}

void SettingsRegistry::add(Setting setting) {
  if (setting.env.empty()) setting.env = env_name_for(setting.name);
  if (find(setting.name) || find_by_env(setting.env))
    throw std::logic_error("setting registered twice: " + setting.name);
  settings_.push_back(std::move(setting));
}

const Setting* SettingsRegistry::find(std::string_view name) const {
  for (const auto& s : settings_)
    if (s.name == name) return &s;
  return nullptr;
}

const Setting* SettingsRegistry::find_by_env(std::string_view env) const {
  for (const auto& s : settings_)
    if (s.env == env) return &s;
  return nullptr;
}

SettingsRegistry& settings_registry() {
  static SettingsRegistry registry;  // function-local: safe from static initialization order
  return registry;
}

RegisterSettings::RegisterSettings(std::initializer_list<Setting> settings) {
  for (const auto& s : settings) settings_registry().add(s);
}

}  // namespace storyloom::app
