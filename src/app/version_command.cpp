#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "app/commands.hpp"

namespace storyloom::app {

void add_version_command(CLI::App& app, CommandContext& ctx) {
  auto* cmd = app.add_subcommand("version", "Print the version");
  cmd->callback([&ctx] {
    fmt::print("storyloom {}\n", STORYLOOM_VERSION);
    ctx.exit_code = 0;
  });
}

}  // namespace storyloom::app
