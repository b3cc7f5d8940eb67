#include "app/accounts_services.hpp"

#include "accounts/outbox_mailer.hpp"
#include "app/services.hpp"
#include "http/routes/auth_routes.hpp"
#include "http/routes/children_routes.hpp"
#include "http/routes/credits_routes.hpp"
#include "http/routes/me_routes.hpp"

namespace storyloom::app {
namespace {

accounts::AccountsConfig accounts_config(const Config& c) {
  const Settings& s = c.settings;
  accounts::AccountsConfig a;
  a.password.opslimit = static_cast<unsigned long long>(s.integer("accounts.argon2_opslimit"));
  a.password.memlimit_bytes = static_cast<std::size_t>(s.byte_size("accounts.argon2_memlimit"));
  a.session.idle_seconds = s.integer("accounts.session_idle_seconds");
  a.session.absolute_seconds = s.integer("accounts.session_absolute_seconds");
  a.session.guest_absolute_seconds = std::min(a.session.absolute_seconds, a.session.guest_absolute_seconds);
  a.reset_token_seconds = s.integer("accounts.reset_token_seconds");
  a.trial_credits = s.integer("accounts.trial_credits");
  a.guest_free_previews = s.integer("accounts.guest_free_previews");
  a.children_limit = static_cast<int>(s.integer("accounts.children_limit"));
  a.public_base_url = c.public_base_url.empty() ? "http://localhost:8080" : c.public_base_url;
  a.mail_from = s.text("mail.from");
  return a;
}

http::AuthOptions auth_options(const Config& c) {
  const Settings& s = c.settings;
  http::AuthOptions o;
  o.trust_proxy = s.boolean("accounts.trust_proxy");
  o.cookie_secure = s.text("accounts.cookie_secure");
  o.public_base_url = c.public_base_url;
  o.allowed_origins = c.cors_origins;
  o.auth_rule = {static_cast<double>(s.integer("ratelimit.auth_per_minute")), static_cast<double>(s.integer("ratelimit.auth_burst"))};
  o.api_rule = {static_cast<double>(s.integer("ratelimit.api_per_minute")), static_cast<double>(s.integer("ratelimit.api_burst"))};
  return o;
}

core::Result<void> build_external_identity(const Settings& s, Services& services, AccountServices& a) {
  if (s.text("auth.jwt_issuer").empty()) return {};
  if (s.text("auth.jwt_audience").empty() || s.text("auth.jwks").empty())
    return core::fail(core::ErrorKind::invalid_argument, "invalid_setting",
                      "auth.jwt_issuer is set: auth.jwt_audience and auth.jwks are required too.");
  a.http_client = std::make_unique<net::HttpClient>();
  a.jwks = std::make_unique<accounts::JwksSource>(s.text("auth.jwks"), a.http_client.get(), services.clock);
  a.jwt = std::make_unique<accounts::JwtVerifier>(
      accounts::ExternalIdentityConfig{s.text("auth.jwt_issuer"), s.text("auth.jwt_audience"), s.text("auth.jwks"),
                                       s.integer("auth.jwt_leeway_seconds")},
      *a.jwks, services.clock);
  return {};
}

}  // namespace

core::Result<std::unique_ptr<AccountServices>> build_account_services(Services& services) {
  const Config& c = services.config;
  const Settings& s = c.settings;
  if (!s.text("mail.smtp_url").empty())
    return core::fail(core::ErrorKind::unavailable, "mail_smtp_unavailable",
                      "mail.smtp_url is set, but the SMTP driver is not written yet; unset it to use the outbox.");
  auto a = std::make_unique<AccountServices>();
  a->mailer = std::make_unique<accounts::OutboxMailer>(s.text("mail.outbox_dir"), services.clock);
  const auto catalog = resolve_web_dir(s.text("accounts.catalog_dir"));  // same lookup rule as web.dir
  auto common = accounts::CommonPasswords::load(catalog / "common-passwords.txt");
  if (!common) return std::unexpected(common.error());
  auto mail = accounts::MailTemplates::load(catalog / "mail");
  if (!mail) return std::unexpected(mail.error());
  if (auto ok = build_external_identity(s, services, *a); !ok) return std::unexpected(ok.error());
  a->personal_data.add_owned_table("children");
  const accounts::AccountsConfig config = accounts_config(c);
  a->accounts = std::make_unique<accounts::Accounts>(
      config, accounts::PasswordHasher(config.password, std::move(*common)), std::move(*mail),
      accounts::AccountsDeps{services.database, services.clock, *a->mailer, a->personal_data, services.blobs.get(),
                             a->jwt.get()});
  a->children = std::make_unique<accounts::Children>(services.database, config.children_limit, services.clock);
  a->credits = std::make_unique<accounts::CreditsLedger>(services.database);
  a->limiter = std::make_unique<accounts::RateLimiter>(services.clock);
  a->auth = std::make_unique<http::Auth>(*a->accounts, *a->limiter, auth_options(c));
  return a;
}

void add_account_routes(http::Router& router, AccountServices& a) {
  http::add_auth_routes(router, *a.auth);
  http::add_me_routes(router, *a.auth);
  http::add_children_routes(router, *a.auth, *a.children);
  http::add_credits_routes(router, *a.auth, *a.credits);
}

}  // namespace storyloom::app
