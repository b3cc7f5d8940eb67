// Accounts: sign-up, sign-in, sessions.
#include "accounts/accounts.hpp"

#include "accounts/credits_ledger.hpp"
#include "accounts/email_address.hpp"
#include "accounts/unit_of_work.hpp"
#include "accounts/user_store.hpp"
#include "core/log.hpp"

namespace storyloom::accounts {
namespace {

session_store::ClientInfo client_of(const RequestOrigin& o) { return {o.ip, o.user_agent}; }

core::Error invalid_credentials() {
  return core::Error{core::ErrorKind::unauthenticated, "invalid_credentials", "The email or the password is wrong."};
}

// Moves a guest's rows into a member and retires the guest (its sessions end).
core::Result<nlohmann::json> absorb_guest(sql::Connection& conn, const PersonalDataRegistry& registry,
                                          std::string_view guest_id, std::string_view member_id, std::int64_t now) {
  auto moved = move_owned_rows(conn, registry, guest_id, member_id);
  if (!moved) return moved;
  auto ok = conn.execute("UPDATE users SET claimed_by = $2, updated_at = $3 WHERE id = $1 AND kind = 'guest'",
                         {std::string(guest_id), std::string(member_id), now});
  if (!ok) return std::unexpected(ok.error());
  if (auto ended = session_store::revoke_all(conn, guest_id); !ended) return std::unexpected(ended.error());
  return moved;
}

}  // namespace

Accounts::Accounts(AccountsConfig config, PasswordHasher hasher, MailTemplates mail, AccountsDeps deps)
    : config_(std::move(config)),
      hasher_(std::move(hasher)),
      mail_(std::move(mail)),
      deps_(std::move(deps)),
      throttle_(deps_.clock, config_.signin) {}

void Accounts::audit(sql::Connection& conn, AuditEvent event, const RequestOrigin& origin) {
  if (event.ip.empty()) event.ip = origin.ip;
  if (event.request_id.empty()) event.request_id = origin.request_id;
  // An audit write must not undo the action it records; a failure is logged loudly instead.
  if (auto ok = audit_log::record(conn, event, deps_.clock.unix_seconds()); !ok)
    core::log_error("audit write failed", {{"event", event.event}, {"error", ok.error().message}});
}

core::Result<SignedIn> Accounts::sign_up(std::string_view raw_email, std::string_view password,
                                         std::string_view display_name, const std::optional<Authenticated>& guest,
                                         const RequestOrigin& origin) {
  auto email = normalize_email(raw_email);
  if (!email) return std::unexpected(email.error());
  if (auto ok = hasher_.check_rules(password); !ok) return std::unexpected(ok.error());
  if (display_name.size() > 200)
    return core::fail(core::ErrorKind::invalid_argument, "display_name_invalid", "The name is too long.");
  auto hash = hasher_.hash(password);  // slow: outside the write transaction
  if (!hash) return std::unexpected(hash.error());
  const std::int64_t now = deps_.clock.unix_seconds();
  auto signed_in = in_transaction(*deps_.db, [&](sql::Connection& conn) -> core::Result<SignedIn> {
    auto user = user_store::insert(conn, {UserKind::member, *email, *hash, std::string(display_name)}, now);
    if (!user) return std::unexpected(user.error());
    SignedIn out{*user, {}, nlohmann::json::object()};
    if (config_.trial_credits > 0) {
      auto granted = CreditsLedger::add_in(conn, user->id, config_.trial_credits, CreditKind::trial, "signup", now);
      if (!granted) return std::unexpected(granted.error());
    }
    if (guest && guest->user.is_guest()) {
      auto moved = absorb_guest(conn, deps_.personal_data, guest->user.id, user->id, now);
      if (!moved) return std::unexpected(moved.error());
      out.claimed = *moved;
    }
    auto session = session_store::issue(conn, config_.session, *user, client_of(origin), now);
    if (!session) return std::unexpected(session.error());
    out.session = *session;
    audit(conn, {.event = "signup", .actor_id = user->id, .subject_id = user->id}, origin);
    return out;
  });
  if (!signed_in) return signed_in;
  if (auto offered = offer_guest_claims(signed_in->user, guest ? guest->user.id : ""); !offered)
    core::log_warn("guest claim mail not sent", {{"user_id", signed_in->user.id}, {"error", offered.error().message}});
  return signed_in;
}

core::Result<SignedIn> Accounts::sign_in(std::string_view raw_email, std::string_view password,
                                         const RequestOrigin& origin) {
  auto email = normalize_email(raw_email);
  if (!email) return std::unexpected(invalid_credentials());
  if (auto wait = throttle_.wait_before_attempt(*email, origin.ip))
    return core::fail(core::ErrorKind::rate_limited, "signin_throttled",
                      "Too many failed sign-ins; please wait a moment.", {{"retry_after", *wait}});
  return with_connection(*deps_.db, [&](sql::Connection& conn) -> core::Result<SignedIn> {
    auto user = user_store::find_by_email(conn, *email);
    if (!user) return std::unexpected(user.error());
    std::optional<std::string> stored;
    if (*user) {
      auto h = user_store::password_hash(conn, (*user)->id);
      if (!h) return std::unexpected(h.error());
      stored = *h;
    }
    // Verify against a dummy when there is no hash, so timing does not reveal which emails exist.
    const bool ok = hasher_.verify(stored.value_or(hasher_.dummy_hash()), password) && stored.has_value();
    if (!ok) {
      throttle_.record_failure(*email, origin.ip);
      audit(conn, {.event = "signin_failed", .actor_id = *user ? (*user)->id : "", .details = {{"email", *email}}},
            origin);
      return std::unexpected(invalid_credentials());
    }
    throttle_.record_success(*email, origin.ip);
    const std::int64_t now = deps_.clock.unix_seconds();
    if (hasher_.needs_rehash(*stored))
      if (auto rehashed = hasher_.hash(password))
        (void)user_store::set_password_hash(conn, (*user)->id, *rehashed, now);  // best effort upgrade
    auto session = session_store::issue(conn, config_.session, **user, client_of(origin), now);
    if (!session) return std::unexpected(session.error());
    audit(conn, {.event = "signin_succeeded", .actor_id = (*user)->id, .subject_id = session->session.id}, origin);
    return SignedIn{**user, *session, nlohmann::json::object()};
  });
}

core::Result<Authenticated> Accounts::authenticate(std::string_view token) {
  if (deps_.external && JwtVerifier::looks_like_jwt(token)) return authenticate_external(token);
  return with_connection(*deps_.db, [&](sql::Connection& conn) {
    return session_store::authenticate(conn, config_.session, token, deps_.clock.unix_seconds());
  });
}

core::Result<void> Accounts::sign_out(const Authenticated& who) {
  return with_connection(*deps_.db, [&](sql::Connection& conn) { return session_store::revoke(conn, who.session.id); });
}

core::Result<std::int64_t> Accounts::sign_out_everywhere(const Authenticated& who, const RequestOrigin& origin) {
  return with_connection(*deps_.db, [&](sql::Connection& conn) -> core::Result<std::int64_t> {
    auto n = session_store::revoke_all(conn, who.user.id);
    if (!n) return n;
    audit(conn, {.event = "signout_everywhere", .actor_id = who.user.id, .details = {{"sessions", *n}}}, origin);
    return n;
  });
}

}  // namespace storyloom::accounts
