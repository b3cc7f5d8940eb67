// Password hashing with argon2id (libsodium crypto_pwhash_str) and the password rules:
// 8..128 code points, valid UTF-8, not one of the most common passwords.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_set>

#include "accounts/config.hpp"
#include "core/error.hpp"

namespace storyloom::accounts {

// The list of refused passwords (catalog/accounts/common-passwords.txt: one a line, '#'
// comments). Compared case-insensitively (ASCII).
class CommonPasswords {
 public:
  CommonPasswords() = default;
  static core::Result<CommonPasswords> load(const std::filesystem::path& file);
  bool contains(std::string_view password) const;
  std::size_t size() const { return words_.size(); }

 private:
  std::unordered_set<std::string> words_;
};

class PasswordHasher {
 public:
  PasswordHasher(PasswordPolicy policy, CommonPasswords common)
      : policy_(policy), common_(std::move(common)) {}

  // invalid_argument: password_too_short, password_too_long, password_invalid (not UTF-8),
  // password_too_common.
  core::Result<void> check_rules(std::string_view password) const;
  // The encoded argon2id string ("$argon2id$v=19$m=...") with a fresh salt. Thread-safe.
  core::Result<std::string> hash(std::string_view password) const;
  // Constant-time by construction (libsodium recomputes and compares).
  bool verify(std::string_view encoded, std::string_view password) const;
  // True when the stored hash used weaker parameters than the configured ones.
  bool needs_rehash(std::string_view encoded) const;
  // A hash of a random password, verified against when the user does not exist so that
  // "unknown email" and "wrong password" take the same time.
  const std::string& dummy_hash() const;

 private:
  PasswordPolicy policy_;
  CommonPasswords common_;
};

}  // namespace storyloom::accounts
