// `storyloom admin grant EMAIL [--role admin|customer]` and `storyloom audit [--event E]
// [--user ID] [--since UNIX] [--limit N] [--json]`: the operator's account tools.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "accounts/audit_log.hpp"
#include "app/commands.hpp"
#include "app/config_flags.hpp"
#include "app/services.hpp"
#include "core/clock.hpp"

namespace storyloom::app {
namespace {

// Settings, services and migrations, as `serve` has them; prints the failure and answers null.
std::unique_ptr<Services> open_services(const ConfigFlags& flags, const char* command) {
  auto settings = load_settings_or_report(flags);
  if (!settings) return nullptr;
  auto services = build_services(make_config(*settings));
  if (!services) {
    fmt::print(stderr, "storyloom {}: {} ({})\n", command, services.error().message, services.error().code);
    return nullptr;
  }
  if (auto applied = migrate_database(**services); !applied) {
    fmt::print(stderr, "storyloom {}: {} ({})\n", command, applied.error().message, applied.error().code);
    return nullptr;
  }
  return std::move(*services);
}

int grant(const ConfigFlags& flags, const std::string& email, const std::string& role_name) {
  auto services = open_services(flags, "admin");
  if (!services) return 1;
  const auto role = accounts::parse_role(role_name);
  if (!role) {
    fmt::print(stderr, "storyloom admin grant: --role must be admin or customer\n");
    return 2;
  }
  auto user = services->accounts->accounts->grant_role(email, *role, {"cli", "storyloom admin", ""});
  if (!user) {
    fmt::print(stderr, "storyloom admin grant: {} ({})\n", user.error().message, user.error().code);
    return 1;
  }
  fmt::print("{} is now {}\n", user->email.value_or(user->id), accounts::to_string(user->role));
  return 0;
}

std::string utc(std::int64_t t) { return core::format_utc(t, "%Y-%m-%dT%H:%M:%SZ"); }

int list_audit(const ConfigFlags& flags, const accounts::AuditQuery& query, bool as_json) {
  auto services = open_services(flags, "audit");
  if (!services) return 1;
  auto conn = services->database->acquire();
  if (!conn) return 1;
  auto entries = accounts::audit_log::list(**conn, query);
  if (!entries) {
    fmt::print(stderr, "storyloom audit: {} ({})\n", entries.error().message, entries.error().code);
    return 1;
  }
  for (const auto& e : *entries) {
    if (as_json) fmt::print("{}\n", accounts::audit_log::to_json(e).dump());
    else
      fmt::print("{}  {:<24} actor={} subject={} ip={} {}\n", utc(e.at), e.event.event, e.event.actor_id,
                 e.event.subject_id, e.event.ip, e.event.details.dump());
  }
  return 0;
}

}  // namespace

void add_admin_command(CLI::App& app, CommandContext& ctx) {
  auto* admin = app.add_subcommand("admin", "Operator tools for accounts");
  admin->require_subcommand(1);
  auto* cmd = admin->add_subcommand("grant", "Give an account a role (default: admin)");
  auto flags = std::make_shared<ConfigFlags>();
  auto email = std::make_shared<std::string>();
  auto role = std::make_shared<std::string>("admin");
  add_config_flags(*cmd, *flags, /*server_flags=*/false);
  cmd->add_option("email", *email, "The account's email")->required();
  cmd->add_option("--role", *role, "admin or customer");
  cmd->callback([&ctx, flags, email, role] { ctx.exit_code = grant(*flags, *email, *role); });
}

void add_audit_command(CLI::App& app, CommandContext& ctx) {
  auto* cmd = app.add_subcommand("audit", "List security events, newest first");
  auto flags = std::make_shared<ConfigFlags>();
  auto query = std::make_shared<accounts::AuditQuery>();
  auto event = std::make_shared<std::string>();
  auto user = std::make_shared<std::string>();
  auto as_json = std::make_shared<bool>(false);
  add_config_flags(*cmd, *flags, /*server_flags=*/false);
  cmd->add_option("--event", *event, "Only this event (signin_failed, password_reset, role_changed, ...)");
  cmd->add_option("--user", *user, "Only events by this user id");
  cmd->add_option("--since", query->since, "Unix seconds");
  cmd->add_option("--limit", query->limit, "1..1000 (default 100)");
  cmd->add_flag("--json", *as_json, "One JSON object per line");
  cmd->callback([&ctx, flags, query, event, user, as_json] {
    if (!event->empty()) query->event = *event;
    if (!user->empty()) query->actor_id = *user;
    ctx.exit_code = list_audit(*flags, *query, *as_json);
  });
}

}  // namespace storyloom::app
