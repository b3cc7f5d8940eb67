// `storyloom serve`: migrate, then serve the API, the web app and signed files until SIGTERM.
#include <chrono>
#include <cstdio>
#include <cstdlib>

#include <CLI/CLI.hpp>

#include "app/commands.hpp"
#include "app/config_flags.hpp"
#include "app/services.hpp"
#include "core/log.hpp"
#include "http/middleware.hpp"
#include "http/server.hpp"

namespace storyloom::app {

namespace {

int serve(const ConfigFlags& flags) {
  auto settings = load_settings_or_report(flags);
  if (!settings) return 2;
  const Config config = make_config(*settings);
  core::set_log_level(config.log_level);
  warn_about_unknown_environment(settings_registry());

  auto services = build_services(config);
  if (!services) {
    core::log_error("start-up failed", {{"code", services.error().code}, {"message", services.error().message}});
    return 1;
  }
  auto applied = migrate_database(**services);
  if (!applied) {
    core::log_error("migration failed", {{"code", applied.error().code}, {"message", applied.error().message}});
    return 1;
  }
  if (!applied->empty()) core::log_info("migrations applied", {{"applied", *applied}});

  http::Router router;
  add_routes(router, **services);
  start_generation(*(*services)->generation);  // workers (config `workers`; 0: none) + cleanup job
  (*services)->stop_hooks.push_back([g = (*services)->generation.get()] { g->pool->stop(); });
  http::Server server(config.server, http::make_pipeline([&router](http::Request& req) { return router.dispatch(req); },
                                                         {.cors_origins = config.cors_origins}));
  const auto port = server.listen();
  if (!port) {
    core::log_error("start-up failed", {{"code", port.error().code}, {"message", port.error().message}});
    return 1;
  }
  if ((*services)->config.settings.text("faces.load_model") == "at_start")
    start_face_model_warm_up(*(*services)->photos);  // ~1.5 s of CPU, off the start-up path
  for (auto& hook : (*services)->stop_hooks) server.on_shutdown(hook);
  core::log_info("listening", {{"host", config.server.host}, {"port", *port}, {"threads", config.server.threads},
                               {"data_dir", config.data_dir.string()}, {"version", STORYLOOM_VERSION}});
  core::buffer_log_lines(std::chrono::milliseconds(25));  // the access log: a line per request
  server.run();
  // The server and the workers have stopped and every write is committed. A face model still
  // loading cannot be interrupted (seconds of CPU, far more under sanitizers); waiting for it
  // would hold a shutdown for nothing, so the process ends without running destructors.
  if ((*services)->photos->warm_up_running) {
    core::log_info("stopped", {{"note", "the face model was still loading; not waiting for it"}});
    core::flush_log();
    std::fflush(nullptr);
    std::_Exit(0);
  }
  return 0;
}

}  // namespace

void add_serve_command(CLI::App& app, CommandContext& ctx) {
  auto* cmd = app.add_subcommand("serve", "Serve the API and the web app (migrates the database first)");
  auto flags = std::make_shared<ConfigFlags>();
  add_config_flags(*cmd, *flags, /*server_flags=*/true);
  cmd->callback([&ctx, flags] { ctx.exit_code = serve(*flags); });
}

}  // namespace storyloom::app
