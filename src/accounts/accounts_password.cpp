// Accounts: password change and reset by mailed link.
#include "accounts/accounts.hpp"

#include <fmt/format.h>

#include "accounts/email_address.hpp"
#include "accounts/mailed_tokens.hpp"
#include "accounts/unit_of_work.hpp"
#include "accounts/user_store.hpp"
#include "core/log.hpp"

namespace storyloom::accounts {

core::Result<void> Accounts::send_mail(const std::string& template_name, const std::string& to,
                                       const std::string& link) {
  auto text = mail_.fill(template_name, {{"link", link}, {"minutes", std::to_string(config_.reset_token_seconds / 60)}});
  if (!text) return std::unexpected(text.error());
  return deps_.mailer.send({config_.mail_from, to, text->subject, text->body, {{"X-Storyloom-Kind", template_name}}});
}

core::Result<void> Accounts::change_password(const Authenticated& who, std::string_view current,
                                             std::string_view replacement, const RequestOrigin& origin) {
  const std::string email = who.user.email.value_or(who.user.id);
  if (auto wait = throttle_.wait_before_attempt(email, origin.ip))
    return core::fail(core::ErrorKind::rate_limited, "signin_throttled",
                      "Too many wrong passwords; please wait a moment.", {{"retry_after", *wait}});
  if (auto ok = hasher_.check_rules(replacement); !ok) return std::unexpected(ok.error());
  return with_connection(*deps_.db, [&](sql::Connection& conn) -> core::Result<void> {
    auto stored = user_store::password_hash(conn, who.user.id);
    if (!stored) return std::unexpected(stored.error());
    if (!*stored || !hasher_.verify(**stored, current)) {
      throttle_.record_failure(email, origin.ip);
      audit(conn, {.event = "password_change_failed", .actor_id = who.user.id}, origin);
      return core::fail(core::ErrorKind::forbidden, "password_wrong", "The current password is wrong.");
    }
    auto hash = hasher_.hash(replacement);
    if (!hash) return std::unexpected(hash.error());
    auto tx = sql::Transaction::begin(conn);
    if (!tx) return std::unexpected(tx.error());
    const std::int64_t now = deps_.clock.unix_seconds();
    if (auto ok = user_store::set_password_hash(conn, who.user.id, *hash, now); !ok) return ok;
    auto ended = session_store::revoke_all(conn, who.user.id, who.session.id);
    if (!ended) return std::unexpected(ended.error());
    audit(conn, {.event = "password_changed", .actor_id = who.user.id, .details = {{"sessions_ended", *ended}}},
          origin);
    return tx->commit();
  });
}

core::Result<void> Accounts::request_password_reset(std::string_view raw_email, const RequestOrigin& origin) {
  auto email = normalize_email(raw_email);
  if (!email) return std::unexpected(email.error());
  auto token = with_connection(*deps_.db, [&](sql::Connection& conn) -> core::Result<std::optional<std::string>> {
    auto user = user_store::find_by_email(conn, *email);
    if (!user) return std::unexpected(user.error());
    audit(conn, {.event = "password_reset_requested", .actor_id = *user ? (*user)->id : "",
                 .details = {{"email", *email}, {"known", user->has_value()}}},
          origin);
    if (!*user) return std::optional<std::string>{};
    auto t = mailed_tokens::issue(conn, "password_reset", (*user)->id, "", config_.reset_token_seconds,
                                  deps_.clock.unix_seconds());
    if (!t) return std::unexpected(t.error());
    return std::optional<std::string>{*t};
  });
  if (!token) return std::unexpected(token.error());
  if (!*token) return {};  // unknown email: same answer, no mail
  return send_mail("password-reset", *email, fmt::format("{}/reset-password#token={}", config_.public_base_url, **token));
}

core::Result<void> Accounts::reset_password(std::string_view token, std::string_view replacement,
                                            const RequestOrigin& origin) {
  // Check the new password first, so a refused password does not use up the link.
  if (auto ok = hasher_.check_rules(replacement); !ok) return std::unexpected(ok.error());
  auto hash = hasher_.hash(replacement);
  if (!hash) return std::unexpected(hash.error());
  return in_transaction(*deps_.db, [&](sql::Connection& conn) -> core::Result<void> {
    const std::int64_t now = deps_.clock.unix_seconds();
    auto redeemed = mailed_tokens::redeem(conn, "password_reset", token, now);
    if (!redeemed) return std::unexpected(redeemed.error());
    if (auto ok = user_store::set_password_hash(conn, redeemed->user_id, *hash, now); !ok) return ok;
    auto ended = session_store::revoke_all(conn, redeemed->user_id);
    if (!ended) return std::unexpected(ended.error());
    audit(conn, {.event = "password_reset", .actor_id = redeemed->user_id, .details = {{"sessions_ended", *ended}}},
          origin);
    return {};
  });
}

}  // namespace storyloom::accounts
