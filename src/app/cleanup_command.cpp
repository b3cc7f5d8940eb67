// `storyloom cleanup [--dry-run]`: runs the periodic cleanup once (expired previews, released
// photos, old job rows, other modules' hooks) and prints what it removed — or, with --dry-run,
// what it would remove, changing nothing.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "app/commands.hpp"
#include "app/generation.hpp"
#include "app/generation_environment.hpp"
#include "core/log.hpp"

namespace storyloom::app {
namespace {

int run_cleanup(bool dry_run) {
  const auto env = read_generation_environment();
  auto stores = open_stores(env);
  if (!stores) {
    core::log_error("start-up failed", {{"code", stores.error().code}, {"message", stores.error().message}});
    return 1;
  }
  auto generation = build_generation(stores->db, *stores->blobs, core::system_clock(), {.workers = 0}, nullptr);
  auto report = generation->cleanup->run(dry_run);
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
  auto dry_run = std::make_shared<bool>(false);
  cmd->add_flag("--dry-run", *dry_run, "Only list what would be removed");
  cmd->callback([&ctx, dry_run] { ctx.exit_code = run_cleanup(*dry_run); });
}

}  // namespace storyloom::app
