// `storyloom worker`: runs the job workers alone against the configured database and blob
// store (the same data directory as serve, or a shared PostgreSQL), until SIGTERM/SIGINT; then
// stops gracefully (running jobs finish or are released).
#include <csignal>
#include <thread>

#include <CLI/CLI.hpp>

#include "app/commands.hpp"
#include "app/config_flags.hpp"
#include "app/services.hpp"
#include "core/log.hpp"

namespace storyloom::app {
namespace {

volatile std::sig_atomic_t g_stop = 0;
extern "C" void on_stop_signal(int) { g_stop = 1; }

int run_worker(const ConfigFlags& flags, int workers_flag) {
  auto settings = load_settings_or_report(flags);
  if (!settings) return 2;
  Config config = make_config(*settings);
  if (workers_flag >= 0) config.workers = workers_flag;
  core::set_log_level(config.log_level);
  if (config.workers <= 0) {
    core::log_error("worker_disabled", {{"message", "workers is 0: there is nothing to run"}});
    return 2;
  }
  auto services = build_services(config);
  if (!services) {
    core::log_error("start-up failed", {{"code", services.error().code}, {"message", services.error().message}});
    return 1;
  }
  if (auto applied = migrate_database(**services); !applied) {
    core::log_error("migration failed", {{"code", applied.error().code}, {"message", applied.error().message}});
    return 1;
  }
  std::signal(SIGTERM, on_stop_signal);
  std::signal(SIGINT, on_stop_signal);
  auto& generation = *(*services)->generation;
  start_generation(generation);
  core::log_info("worker_started", {{"workers", config.workers}, {"data_dir", config.data_dir.string()}});
  while (!g_stop) std::this_thread::sleep_for(std::chrono::milliseconds(200));
  core::log_info("worker_stopping", {});
  generation.pool->stop();
  return 0;
}

}  // namespace

void add_worker_command(CLI::App& app, CommandContext& ctx) {
  auto* cmd = app.add_subcommand("worker", "Run background job workers only, against the configured database");
  auto flags = std::make_shared<ConfigFlags>();
  add_config_flags(*cmd, *flags, /*server_flags=*/false);
  auto workers = std::make_shared<int>(-1);
  cmd->add_option("--workers", *workers, "Worker threads (default: the `workers` setting)");
  cmd->callback([&ctx, flags, workers] { ctx.exit_code = run_worker(*flags, *workers); });
}

}  // namespace storyloom::app
