// `storyloom config`: every setting with its effective value and where it came from; secrets
// are masked.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "app/commands.hpp"
#include "app/config_flags.hpp"

namespace storyloom::app {

namespace {

std::string shown_value(const EffectiveSetting& e) {
  if (!e.setting->secret) return e.value.empty() ? "(empty)" : e.value;
  if (e.value.empty()) return "(not set)";
  return "******** (set)";
}

int print_config(const ConfigFlags& flags) {
  auto settings = load_settings_or_report(flags);
  if (!settings) return 2;
  std::vector<const EffectiveSetting*> sorted;
  for (const auto& e : settings->all()) sorted.push_back(&e);
  std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->setting->name < b->setting->name; });
  std::size_t name_width = 0, value_width = 0;
  for (const auto* e : sorted) {
    name_width = std::max(name_width, e->setting->name.size());
    value_width = std::max(value_width, shown_value(*e).size());
  }
  fmt::print("{:<{}}  {:<{}}  {}\n", "SETTING", name_width, "VALUE", value_width, "SOURCE");
  for (const auto* e : sorted) {
    const std::string source = e->source == SettingSource::default_value ? "default" : describe(e->source) + " " + e->origin;
    fmt::print("{:<{}}  {:<{}}  {}\n", e->setting->name, name_width, shown_value(*e), value_width, source);
  }
  return 0;
}

}  // namespace

void add_config_command(CLI::App& app, CommandContext& ctx) {
  auto* cmd = app.add_subcommand("config", "Print the effective configuration (secrets masked)");
  auto flags = std::make_shared<ConfigFlags>();
  add_config_flags(*cmd, *flags, /*server_flags=*/true);
  cmd->callback([&ctx, flags] { ctx.exit_code = print_config(*flags); });
}

}  // namespace storyloom::app
