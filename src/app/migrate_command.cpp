// `storyloom migrate`: applies the database migrations compiled into the binary.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "app/commands.hpp"
#include "app/config_flags.hpp"
#include "app/services.hpp"
#include "core/log.hpp"

namespace storyloom::app {

namespace {

int migrate(const ConfigFlags& flags) {
  auto settings = load_settings_or_report(flags);
  if (!settings) return 2;
  const Config config = make_config(*settings);
  core::set_log_level(config.log_level);
  auto services = build_services(config);
  if (!services) {
    fmt::print(stderr, "storyloom migrate: {}\n", services.error().message);
    return 1;
  }
  auto applied = migrate_database(**services);
  if (!applied) {
    fmt::print(stderr, "storyloom migrate: {} ({})\n", applied.error().message, applied.error().code);
    return 1;
  }
  if (applied->empty()) fmt::print("Database is up to date.\n");
  for (const auto& name : *applied) fmt::print("applied {}\n", name);
  return 0;
}

}  // namespace

void add_migrate_command(CLI::App& app, CommandContext& ctx) {
  auto* cmd = app.add_subcommand("migrate", "Apply database migrations");
  auto flags = std::make_shared<ConfigFlags>();
  add_config_flags(*cmd, *flags, /*server_flags=*/false);
  cmd->callback([&ctx, flags] { ctx.exit_code = migrate(*flags); });
}

}  // namespace storyloom::app
