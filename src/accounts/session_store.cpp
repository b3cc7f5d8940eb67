#include "accounts/session_store.hpp"

#include <algorithm>

#include "accounts/user_store.hpp"
#include "core/crypto.hpp"
#include "core/ids.hpp"

namespace storyloom::accounts {

std::string token_digest(std::string_view token) { return core::to_hex(core::sha256(token)); }

namespace session_store {
namespace {

core::Error invalid_session() {
  return core::Error{core::ErrorKind::unauthenticated, "session_invalid", "Please sign in again."};
}

// Caps header-borne values we store: the table must not grow with what a client sends.
std::string clip(std::string_view s, std::size_t n) { return std::string(s.substr(0, std::min(s.size(), n))); }

}  // namespace

core::Result<IssuedSession> issue(sql::Connection& conn, const SessionPolicy& policy, const User& user,
                                  const ClientInfo& client, std::int64_t now) {
  IssuedSession out;
  out.token = core::random_token(32);
  Session& s = out.session;
  s.id = core::new_id("se");
  s.user_id = user.id;
  s.created_at = s.last_seen_at = now;
  s.expires_at = now + (user.is_guest() ? policy.guest_absolute_seconds : policy.absolute_seconds);
  s.idle_deadline = std::min(s.expires_at, now + policy.idle_seconds);
  auto ok = conn.execute(
      "INSERT INTO sessions (id, token_hash, user_id, created_at, last_seen_at, expires_at, ip, user_agent) "
      "VALUES ($1, $2, $3, $4, $4, $5, $6, $7)",
      {s.id, token_digest(out.token), s.user_id, now, s.expires_at, clip(client.ip, 64),
       clip(client.user_agent, 256)});
  if (!ok) return std::unexpected(ok.error());
  return out;
}

core::Result<Authenticated> authenticate(sql::Connection& conn, const SessionPolicy& policy, std::string_view token,
                                         std::int64_t now) {
  if (token.empty() || token.size() > 128) return std::unexpected(invalid_session());
  auto row = conn.query_one(
      "SELECT id, user_id, created_at, last_seen_at, expires_at FROM sessions WHERE token_hash = $1",
      {token_digest(token)});
  if (!row) return std::unexpected(row.error());
  if (!*row) return std::unexpected(invalid_session());
  Session s{(*row)->text("id"), (*row)->text("user_id"), (*row)->integer("created_at"),
            (*row)->integer("last_seen_at"), (*row)->integer("expires_at"), 0};
  if (now >= s.expires_at || now >= s.last_seen_at + policy.idle_seconds) {
    (void)revoke(conn, s.id);  // best effort: the session is refused either way
    return std::unexpected(invalid_session());
  }
  if (now - s.last_seen_at >= policy.refresh_every_seconds) {
    if (auto ok = conn.execute("UPDATE sessions SET last_seen_at = $2 WHERE id = $1", {s.id, now}); !ok)
      return std::unexpected(ok.error());
    s.last_seen_at = now;
  }
  s.idle_deadline = std::min(s.expires_at, s.last_seen_at + policy.idle_seconds);
  auto user = user_store::find_by_id(conn, s.user_id);
  if (!user) return std::unexpected(user.error());
  if (!*user) return std::unexpected(invalid_session());
  return Authenticated{std::move(**user), std::move(s)};
}

core::Result<void> revoke(sql::Connection& conn, std::string_view session_id) {
  auto ok = conn.execute("DELETE FROM sessions WHERE id = $1", {std::string(session_id)});
  if (!ok) return std::unexpected(ok.error());
  return {};
}

core::Result<std::int64_t> revoke_all(sql::Connection& conn, std::string_view user_id,
                                      std::string_view except_session_id) {
  return conn.execute("DELETE FROM sessions WHERE user_id = $1 AND id <> $2",
                      {std::string(user_id), std::string(except_session_id)});
}

}  // namespace session_store
}  // namespace storyloom::accounts
