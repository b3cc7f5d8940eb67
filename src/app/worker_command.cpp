// `storyloom worker`: runs the job workers alone against the configured data directory or
// database, until SIGTERM/SIGINT; then stops gracefully (running jobs finish or are released).
#include <csignal>
#include <cstdlib>
#include <thread>

#include <CLI/CLI.hpp>

#include "app/commands.hpp"
#include "app/generation.hpp"
#include "app/generation_environment.hpp"
#include "core/log.hpp"

namespace storyloom::app {
namespace {

volatile std::sig_atomic_t g_stop = 0;
extern "C" void on_stop_signal(int) { g_stop = 1; }

int run_worker(GenerationEnvironment env, int workers_flag) {
  if (workers_flag >= 0) env.workers = workers_flag;
  if (env.workers <= 0) {
    core::log_error("worker_disabled", {{"message", "STORYLOOM_WORKERS is 0: nothing to run"}});
    return 2;
  }
  auto stores = open_stores(env);
  if (!stores) {
    core::log_error("start-up failed", {{"code", stores.error().code}, {"message", stores.error().message}});
    return 1;
  }
  // The book pipeline's ports (story, art, print) are wired here by the composition root once
  // those modules are on main; until then book jobs stay queued for a worker that has them.
  const books::PipelinePorts* ports = nullptr;
  auto generation = build_generation(stores->db, *stores->blobs, core::system_clock(),
                                     {.workers = env.workers}, ports);
  if (!generation->missing_ports.empty())
    core::log_warn("book_pipeline_unavailable",
                   {{"missing_ports", generation->missing_ports},
                    {"message", "book steps are not run by this worker; they wait in the queue"}});
  if (auto scheduled = generation->cleanup->schedule(); !scheduled)
    core::log_error("cleanup_schedule_failed", {{"code", scheduled.error().code}});
  std::signal(SIGTERM, on_stop_signal);
  std::signal(SIGINT, on_stop_signal);
  generation->pool->start();
  core::log_info("worker_started", {{"workers", env.workers}, {"kinds", generation->registry.kinds()},
                                    {"data_dir", env.data_dir.string()}});
  while (!g_stop) std::this_thread::sleep_for(std::chrono::milliseconds(200));
  core::log_info("worker_stopping", {});
  generation->pool->stop();
  return 0;
}

}  // namespace

void add_worker_command(CLI::App& app, CommandContext& ctx) {
  auto* cmd = app.add_subcommand("worker", "Run background job workers only (against STORYLOOM_DATA_DIR / DATABASE_URL)");
  auto workers = std::make_shared<int>(-1);
  auto data_dir = std::make_shared<std::string>();
  cmd->add_option("--workers", *workers, "Worker threads (default STORYLOOM_WORKERS, 2)");
  cmd->add_option("--data-dir", *data_dir, "Data directory (default STORYLOOM_DATA_DIR, ./storyloom-data)");
  cmd->callback([&ctx, workers, data_dir] {
    if (!data_dir->empty()) ::setenv("STORYLOOM_DATA_DIR", data_dir->c_str(), 1);
    ctx.exit_code = run_worker(read_generation_environment(), *workers);
  });
}

}  // namespace storyloom::app
