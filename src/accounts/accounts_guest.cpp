// Accounts: guests, guest claims, roles.
#include "accounts/accounts.hpp"

#include <fmt/format.h>

#include "accounts/credits_ledger.hpp"
#include "accounts/email_address.hpp"
#include "accounts/mailed_tokens.hpp"
#include "accounts/unit_of_work.hpp"
#include "accounts/user_store.hpp"

namespace storyloom::accounts {

core::Result<SignedIn> Accounts::start_guest(const RequestOrigin& origin) {
  const std::int64_t now = deps_.clock.unix_seconds();
  return in_transaction(*deps_.db, [&](sql::Connection& conn) -> core::Result<SignedIn> {
    auto user = user_store::insert(conn, {UserKind::guest, std::nullopt, std::nullopt, ""}, now);
    if (!user) return std::unexpected(user.error());
    auto session = session_store::issue(conn, config_.session, *user, {origin.ip, origin.user_agent}, now);
    if (!session) return std::unexpected(session.error());
    // A guest's free previews are trial credits, so a book charges and refunds them like any other.
    if (config_.guest_free_previews > 0)
      if (auto granted = CreditsLedger::add_in(conn, user->id, config_.guest_free_previews, CreditKind::trial, "guest", now);
          !granted)
        return std::unexpected(granted.error());
    return SignedIn{*user, *session, nlohmann::json::object()};
  });
}

core::Result<void> Accounts::set_guest_email(std::string_view guest_id, std::string_view raw_email) {
  auto email = normalize_email(raw_email);
  if (!email) return std::unexpected(email.error());
  return with_connection(*deps_.db, [&](sql::Connection& conn) {
    return user_store::set_guest_email(conn, guest_id, *email, deps_.clock.unix_seconds());
  });
}

// A new member may have earlier guest purchases under the same email, made on another device.
// The email alone proves nothing (anyone can type it at sign-up), so each such guest is offered
// through a mailed single-use link; reading the mail proves the address is theirs.
core::Result<void> Accounts::offer_guest_claims(const User& member, std::string_view skip_guest_id) {
  if (!member.email) return {};
  auto tokens = with_connection(*deps_.db, [&](sql::Connection& conn) -> core::Result<std::vector<std::string>> {
    auto rows = conn.query(
        "SELECT id FROM users WHERE kind = 'guest' AND guest_email = $1 AND claimed_by IS NULL AND id <> $2",
        {*member.email, std::string(skip_guest_id)});
    if (!rows) return std::unexpected(rows.error());
    std::vector<std::string> out;
    for (const auto& r : *rows) {
      auto t = mailed_tokens::issue(conn, "guest_claim", member.id, r.text("id"), config_.reset_token_seconds,
                                    deps_.clock.unix_seconds());
      if (!t) return std::unexpected(t.error());
      out.push_back(*t);
    }
    return out;
  });
  if (!tokens) return std::unexpected(tokens.error());
  for (const auto& token : *tokens)
    if (auto sent = send_mail("guest-claim", *member.email, fmt::format("{}/claim#token={}", config_.public_base_url, token)); !sent)
      return sent;
  return {};
}

core::Result<nlohmann::json> Accounts::claim_guest(const Authenticated& who, std::string_view token,
                                                   const RequestOrigin& origin) {
  const std::int64_t now = deps_.clock.unix_seconds();
  return in_transaction(*deps_.db, [&](sql::Connection& conn) -> core::Result<nlohmann::json> {
    auto redeemed = mailed_tokens::redeem(conn, "guest_claim", token, now);
    if (!redeemed) return std::unexpected(redeemed.error());
    // A link only works for the member it was sent to; anyone else learns nothing from it.
    if (redeemed->user_id != who.user.id)
      return core::fail(core::ErrorKind::invalid_argument, "token_invalid",
                        "This link is not valid any more; please ask for a new one.");
    auto moved = move_owned_rows(conn, deps_.personal_data, redeemed->subject_id, who.user.id);
    if (!moved) return moved;
    auto ok = conn.execute("UPDATE users SET claimed_by = $2, updated_at = $3 WHERE id = $1 AND kind = 'guest'",
                           {redeemed->subject_id, who.user.id, now});
    if (!ok) return std::unexpected(ok.error());
    if (auto ended = session_store::revoke_all(conn, redeemed->subject_id); !ended)
      return std::unexpected(ended.error());
    audit(conn, {.event = "guest_claimed", .actor_id = who.user.id, .subject_id = redeemed->subject_id,
                 .details = *moved},
          origin);
    return moved;
  });
}

core::Result<User> Accounts::grant_role(std::string_view raw_email, Role role, const RequestOrigin& origin) {
  auto email = normalize_email(raw_email);
  if (!email) return std::unexpected(email.error());
  return in_transaction(*deps_.db, [&](sql::Connection& conn) -> core::Result<User> {
    auto user = user_store::set_role(conn, *email, role, deps_.clock.unix_seconds());
    if (!user) return user;
    audit(conn, {.event = "role_changed", .subject_id = user->id, .details = {{"role", to_string(role)}}}, origin);
    return user;
  });
}

}  // namespace storyloom::accounts
