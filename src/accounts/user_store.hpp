// Reads and writes the users table. Every function takes the connection of the caller's unit
// of work, so several steps can share one transaction.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "accounts/user.hpp"
#include "core/error.hpp"
#include "sql/connection.hpp"

namespace storyloom::accounts::user_store {

struct NewUser {
  UserKind kind = UserKind::member;
  std::optional<std::string> email;          // normalized
  std::optional<std::string> password_hash;
  std::string display_name;
};

// conflict (email_taken) when the email belongs to another member.
core::Result<User> insert(sql::Connection& conn, const NewUser& u, std::int64_t now);
core::Result<std::optional<User>> find_by_id(sql::Connection& conn, std::string_view id);
core::Result<std::optional<User>> find_by_email(sql::Connection& conn, std::string_view email);
// The stored argon2id string, when the user has a password.
core::Result<std::optional<std::string>> password_hash(sql::Connection& conn, std::string_view user_id);
core::Result<void> set_password_hash(sql::Connection& conn, std::string_view user_id, std::string_view hash,
                                     std::int64_t now);
// not_found (user_not_found) when no member has this email.
core::Result<User> set_role(sql::Connection& conn, std::string_view email, Role role, std::int64_t now);
core::Result<void> set_guest_email(sql::Connection& conn, std::string_view guest_id, std::string_view email,
                                   std::int64_t now);

}  // namespace storyloom::accounts::user_store
