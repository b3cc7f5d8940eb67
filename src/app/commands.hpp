// Each sub-command of the storyloom binary registers itself on the CLI11 app from its own file.
// A command's callback sets `exit_code`; main returns it.
#pragma once

namespace CLI {
class App;
}

namespace storyloom::app {

struct CommandContext {
  int exit_code = 0;
};

void add_version_command(CLI::App& app, CommandContext& ctx);
void add_serve_command(CLI::App& app, CommandContext& ctx);
void add_migrate_command(CLI::App& app, CommandContext& ctx);
void add_config_command(CLI::App& app, CommandContext& ctx);
void add_photo_command(CLI::App& app, CommandContext& ctx);
void add_book_command(CLI::App& app, CommandContext& ctx);
void add_preflight_command(CLI::App& app, CommandContext& ctx);
void add_admin_command(CLI::App& app, CommandContext& ctx);
void add_audit_command(CLI::App& app, CommandContext& ctx);
void add_worker_command(CLI::App& app, CommandContext& ctx);
void add_cleanup_command(CLI::App& app, CommandContext& ctx);

}  // namespace storyloom::app
