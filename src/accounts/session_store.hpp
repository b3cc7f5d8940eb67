// Sessions: opaque random tokens (32 bytes, base64url) handed to the client once; the table keeps
// only their SHA-256. A session dies when unused for `idle_seconds` or `absolute_seconds` after
// sign-in, whichever comes first; use refreshes the idle deadline.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "accounts/config.hpp"
#include "accounts/user.hpp"
#include "core/error.hpp"
#include "sql/connection.hpp"

namespace storyloom::accounts {

struct Session {
  std::string id;          // "se_..."; safe to show and log, unlike the token
  std::string user_id;
  std::int64_t created_at = 0;
  std::int64_t last_seen_at = 0;
  std::int64_t expires_at = 0;     // absolute deadline
  std::int64_t idle_deadline = 0;  // last_seen_at + idle
};

struct IssuedSession {
  Session session;
  std::string token;  // the only copy; never stored
};

struct Authenticated {
  User user;
  Session session;
};

// Hex SHA-256 of a token: the lookup key for sessions and mailed tokens.
std::string token_digest(std::string_view token);

namespace session_store {

struct ClientInfo {
  std::string ip;
  std::string user_agent;
};

core::Result<IssuedSession> issue(sql::Connection& conn, const SessionPolicy& policy, const User& user,
                                  const ClientInfo& client, std::int64_t now);
// unauthenticated (session_invalid) for unknown, expired or revoked tokens. Refreshes
// last_seen_at when it is older than policy.refresh_every_seconds.
core::Result<Authenticated> authenticate(sql::Connection& conn, const SessionPolicy& policy,
                                         std::string_view token, std::int64_t now);
core::Result<void> revoke(sql::Connection& conn, std::string_view session_id);
// Answers how many sessions ended. `except_session_id` keeps the caller's own (password change).
core::Result<std::int64_t> revoke_all(sql::Connection& conn, std::string_view user_id,
                                      std::string_view except_session_id = {});

}  // namespace session_store
}  // namespace storyloom::accounts
