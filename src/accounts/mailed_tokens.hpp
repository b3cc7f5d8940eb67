// Single-use tokens sent by mail (password reset, guest claim): 32 random bytes, stored as
// SHA-256, expiring, consumed by one atomic UPDATE so two concurrent uses cannot both succeed.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "sql/connection.hpp"

namespace storyloom::accounts::mailed_tokens {

struct Redeemed {
  std::string user_id;
  std::string subject_id;  // guest_claim: the guest to claim; else empty
};

// Answers the token (the only copy). Earlier unused tokens of the same purpose and user stay
// valid until they expire: a user may click any of several mails.
core::Result<std::string> issue(sql::Connection& conn, std::string_view purpose, std::string_view user_id,
                                std::string_view subject_id, std::int64_t ttl_seconds, std::int64_t now);
// invalid_argument (token_invalid) for unknown, used or expired tokens — one answer for all
// three, so the response tells an attacker nothing.
core::Result<Redeemed> redeem(sql::Connection& conn, std::string_view purpose, std::string_view token,
                              std::int64_t now);

}  // namespace storyloom::accounts::mailed_tokens
