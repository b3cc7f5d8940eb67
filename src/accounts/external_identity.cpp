// Accounts: users from an external identity provider, synced by (issuer, sub).
#include "accounts/accounts.hpp"

#include "accounts/credits_ledger.hpp"
#include "accounts/email_address.hpp"
#include "accounts/unit_of_work.hpp"
#include "accounts/user_store.hpp"

namespace storyloom::accounts {
namespace {

core::Result<std::optional<std::string>> linked_user(sql::Connection& conn, const VerifiedClaims& c) {
  auto row = conn.query_one("SELECT user_id FROM external_identities WHERE issuer = $1 AND subject = $2",
                            {c.issuer, c.subject});
  if (!row) return std::unexpected(row.error());
  if (!*row) return std::optional<std::string>{};
  return std::optional<std::string>{(*row)->text("user_id")};
}

// An existing member to link to: only by a verified email, or a takeover by email would be easy.
core::Result<std::optional<User>> member_by_verified_email(sql::Connection& conn, const VerifiedClaims& c,
                                                           const std::optional<std::string>& email) {
  if (!email || !c.email_verified) return std::optional<User>{};
  return user_store::find_by_email(conn, *email);
}

}  // namespace

core::Result<Authenticated> Accounts::authenticate_external(std::string_view jwt) {
  auto claims = deps_.external->verify(jwt);
  if (!claims) return std::unexpected(claims.error());
  const std::int64_t now = deps_.clock.unix_seconds();
  std::optional<std::string> email;
  if (claims->email)
    if (auto e = normalize_email(*claims->email)) email = *e;
  // Fast path, no write: a subject we already know whose email has not changed.
  auto known = with_connection(*deps_.db, [&](sql::Connection& conn) -> core::Result<std::optional<User>> {
    auto row = conn.query_one("SELECT user_id, email FROM external_identities WHERE issuer = $1 AND subject = $2",
                              {claims->issuer, claims->subject});
    if (!row || !*row || (*row)->optional_text("email") != email) return std::optional<User>{};
    return user_store::find_by_id(conn, (*row)->text("user_id"));
  });
  if (known && *known) return Authenticated{**known, Session{"", (*known)->id, now, now, now, now}};
  return in_transaction(*deps_.db, [&](sql::Connection& conn) -> core::Result<Authenticated> {
    auto linked = linked_user(conn, *claims);
    if (!linked) return std::unexpected(linked.error());
    std::optional<User> user;
    if (*linked) {
      auto found = user_store::find_by_id(conn, **linked);
      if (!found) return std::unexpected(found.error());
      user = *found;
    }
    if (!user) {
      auto existing = member_by_verified_email(conn, *claims, email);
      if (!existing) return std::unexpected(existing.error());
      user = *existing;
    }
    if (!user) {
      // Take the email only if nobody has it; otherwise the new user starts without one.
      auto taken = email ? user_store::find_by_email(conn, *email) : core::Result<std::optional<User>>{};
      if (!taken) return std::unexpected(taken.error());
      const bool free = email && !*taken;
      auto created = user_store::insert(
          conn, {UserKind::member, free ? email : std::nullopt, std::nullopt, claims->name.value_or("")}, now);
      if (!created) return std::unexpected(created.error());
      if (config_.trial_credits > 0)
        if (auto g = CreditsLedger::add_in(conn, created->id, config_.trial_credits, CreditKind::trial, "signup", now); !g)
          return std::unexpected(g.error());
      user = *created;
      audit(conn, {.event = "signup_external", .actor_id = user->id, .details = {{"issuer", claims->issuer}}}, {});
    }
    auto ok = conn.execute(
        "INSERT INTO external_identities (issuer, subject, user_id, email, created_at, last_seen_at) "
        "VALUES ($1, $2, $3, $4, $5, $5) ON CONFLICT (issuer, subject) DO UPDATE SET email = $4, last_seen_at = $5",
        {claims->issuer, claims->subject, user->id, email ? sql::Value(*email) : sql::null(), now});
    if (!ok) return std::unexpected(ok.error());
    Session s{"", user->id, now, now, now, now};
    return Authenticated{*user, s};
  });
}

}  // namespace storyloom::accounts
