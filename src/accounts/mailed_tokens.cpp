#include "accounts/mailed_tokens.hpp"

#include "accounts/session_store.hpp"
#include "core/crypto.hpp"
#include "core/ids.hpp"

namespace storyloom::accounts::mailed_tokens {

core::Result<std::string> issue(sql::Connection& conn, std::string_view purpose, std::string_view user_id,
                                std::string_view subject_id, std::int64_t ttl_seconds, std::int64_t now) {
  std::string token = core::random_token(32);
  auto ok = conn.execute(
      "INSERT INTO account_tokens (id, token_hash, purpose, user_id, subject_id, created_at, expires_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7)",
      {core::new_id("tk"), token_digest(token), std::string(purpose), std::string(user_id),
       subject_id.empty() ? sql::null() : sql::Value(std::string(subject_id)), now, now + ttl_seconds});
  if (!ok) return std::unexpected(ok.error());
  return token;
}

core::Result<Redeemed> redeem(sql::Connection& conn, std::string_view purpose, std::string_view token,
                              std::int64_t now) {
  auto invalid = [] {
    return core::fail(core::ErrorKind::invalid_argument, "token_invalid",
                      "This link is not valid any more; please ask for a new one.");
  };
  if (token.empty() || token.size() > 128) return invalid();
  auto row = conn.query_one(
      "UPDATE account_tokens SET used_at = $3 WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL "
      "AND expires_at > $3 RETURNING user_id, subject_id",
      {token_digest(token), std::string(purpose), now});
  if (!row) return std::unexpected(row.error());
  if (!*row) return invalid();
  return Redeemed{(*row)->text("user_id"), (*row)->optional_text("subject_id").value_or("")};
}

}  // namespace storyloom::accounts::mailed_tokens
