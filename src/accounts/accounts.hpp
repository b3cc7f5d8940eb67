// The accounts module's public face: sign-up, sign-in, sessions, passwords, guests, roles,
// privacy export and deletion. HTTP handlers call these; they know nothing of HTTP.
// Thread-safe: every call takes its own pooled connection.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "accounts/audit_log.hpp"
#include "accounts/config.hpp"
#include "accounts/jwt_verifier.hpp"
#include "accounts/mail_templates.hpp"
#include "accounts/mailer.hpp"
#include "accounts/password_hasher.hpp"
#include "accounts/personal_data.hpp"
#include "accounts/session_store.hpp"
#include "accounts/signin_throttle.hpp"
#include "core/clock.hpp"
#include "sql/database.hpp"

namespace storyloom::accounts {

// Who is asking, for sessions and the audit log.
struct RequestOrigin {
  std::string ip;
  std::string user_agent;
  std::string request_id;
};

struct SignedIn {
  User user;
  IssuedSession session;
  nlohmann::json claimed = nlohmann::json::object();  // rows moved from a guest, per table
};

struct AccountsDeps {
  std::shared_ptr<sql::Database> db;
  const core::Clock& clock;
  Mailer& mailer;
  const PersonalDataRegistry& personal_data;  // must outlive Accounts; filled before serving
  blob::Store* blobs = nullptr;
  JwtVerifier* external = nullptr;  // set when an external issuer is configured
};

class Accounts {
 public:
  Accounts(AccountsConfig config, PasswordHasher hasher, MailTemplates mail, AccountsDeps deps);

  // Creates a member with trial credits and signs them in. When `guest` is the caller's guest
  // session, that guest's data moves into the new account at once (holding the session proves
  // it is theirs). Other unclaimed guests that checked out with this email get a claim mail.
  core::Result<SignedIn> sign_up(std::string_view email, std::string_view password, std::string_view display_name,
                                 const std::optional<Authenticated>& guest, const RequestOrigin& origin);
  // unauthenticated (invalid_credentials) for an unknown email or a wrong password alike;
  // rate_limited (signin_throttled, details.retry_after) while the throttle says wait.
  core::Result<SignedIn> sign_in(std::string_view email, std::string_view password, const RequestOrigin& origin);
  // A session token, or — when an external issuer is configured — a JWT from it. The first valid
  // JWT for a subject creates the local user (with trial credits) or links it: by `sub` always,
  // by email only when the provider says email_verified. A JWT caller has no local session
  // (session.id is empty), so sign-out does not apply to it.
  core::Result<Authenticated> authenticate(std::string_view token);
  core::Result<void> sign_out(const Authenticated& who);
  core::Result<std::int64_t> sign_out_everywhere(const Authenticated& who, const RequestOrigin& origin);

  // Keeps the caller's session, ends every other one.
  core::Result<void> change_password(const Authenticated& who, std::string_view current,
                                     std::string_view replacement, const RequestOrigin& origin);
  // Always succeeds for a well-formed email (no account enumeration); mails a link if it is ours.
  core::Result<void> request_password_reset(std::string_view email, const RequestOrigin& origin);
  // Sets the password and ends every session of the user.
  core::Result<void> reset_password(std::string_view token, std::string_view replacement, const RequestOrigin& origin);

  core::Result<SignedIn> start_guest(const RequestOrigin& origin);
  // Commerce calls this when a guest checks out with an email.
  core::Result<void> set_guest_email(std::string_view guest_id, std::string_view email);
  // Redeems a guest-claim link for the signed-in member it was sent to.
  core::Result<nlohmann::json> claim_guest(const Authenticated& who, std::string_view token, const RequestOrigin& origin);

  core::Result<User> grant_role(std::string_view email, Role role, const RequestOrigin& origin);

  // Everything stored about the user, including what other modules' exporters return.
  core::Result<nlohmann::json> export_data(const Authenticated& who);
  // Runs every registered eraser, then removes the user and what accounts owns, in one
  // transaction. The audit log keeps an account_deleted event with the (now dangling) id only.
  core::Result<void> delete_account(const Authenticated& who, const RequestOrigin& origin);

  const AccountsConfig& config() const { return config_; }
  const core::Clock& clock() const { return deps_.clock; }
  sql::Database& database() { return *deps_.db; }
  void audit(sql::Connection& conn, AuditEvent event, const RequestOrigin& origin);

 private:
  core::Result<void> send_mail(const std::string& template_name, const std::string& to, const std::string& link);
  core::Result<Authenticated> authenticate_external(std::string_view jwt);
  core::Result<void> offer_guest_claims(const User& member, std::string_view skip_guest_id);

  AccountsConfig config_;
  PasswordHasher hasher_;
  MailTemplates mail_;
  AccountsDeps deps_;
  SigninThrottle throttle_;
};

}  // namespace storyloom::accounts
