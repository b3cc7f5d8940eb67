// `storyloom cleanup [--dry-run]`: runs the periodic cleanup once (expired previews, released
// photos, old job rows, other modules' hooks) and prints what it removed — or, with --dry-run,
// what it would remove, changing nothing.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "app/commands.hpp"
#include "app/config_flags.hpp"
#include "app/services.hpp"
#include "core/log.hpp"

namespace storyloom::app {
namespace {

int run_cleanup(const ConfigFlags& flags, bool dry_run) {
  auto settings = load_settings_or_report(flags);
  if (!settings) return 2;
  const Config config = make_config(*settings);
  core::set_log_level(config.log_level);
  auto services = build_services(config);
  if (!services) {
    core::log_error("start-up failed", {{"code", services.error().code}, {"message", services.error().message}});
    return 1;
  }
  if (auto applied = migrate_database(**services); !applied) {
    core::log_error("migration failed", {{"code", applied.error().code}, {"message", applied.error().message}});
    return 1;
  }
  auto report = (*services)->generation->cleanup->run(dry_run);
  if (!report) {
    core::log_error("cleanup failed", {{"code", report.error().code}, {"message", report.error().message}});
    return 1;
  }
  fmt::print("{}\n", report->to_json().dump(2));
  return 0;
}

}  // namespace

void add_cleanup_command(CLI::App& app, CommandContext& ctx) {
  auto* cmd = app.add_subcommand("cleanup", "Remove expired previews, released photos and old job rows");
  auto flags = std::make_shared<ConfigFlags>();
  add_config_flags(*cmd, *flags, /*server_flags=*/false);
  auto dry_run = std::make_shared<bool>(false);
  cmd->add_flag("--dry-run", *dry_run, "Only list what would be removed");
  cmd->callback([&ctx, flags, dry_run] { ctx.exit_code = run_cleanup(*flags, *dry_run); });
}

}  // namespace storyloom::app
