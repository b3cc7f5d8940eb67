#include "accounts/password_hasher.hpp"

#include <sodium.h>
#include <unistr.h>

#include <algorithm>
#include <fstream>
#include <mutex>

#include <fmt/format.h>

#include "core/crypto.hpp"

namespace storyloom::accounts {
namespace {

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

void ensure_sodium() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialize");
  });
}

}  // namespace

core::Result<CommonPasswords> CommonPasswords::load(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in)
    return core::fail(core::ErrorKind::internal, "catalog_missing",
                      fmt::format("Cannot read the common password list {}.", file.string()));
  CommonPasswords out;
  std::string line;
  while (std::getline(in, line)) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (line.empty() || line.front() == '#') continue;
    out.words_.insert(lower_ascii(line));
  }
  return out;
}

bool CommonPasswords::contains(std::string_view password) const { return words_.contains(lower_ascii(password)); }

core::Result<void> PasswordHasher::check_rules(std::string_view password) const {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(password.data());
  if (password.size() > policy_.max_length * 4 || u8_check(bytes, password.size()) != nullptr)
    return core::fail(core::ErrorKind::invalid_argument, "password_invalid", "The password is not valid text.");
  const std::size_t length = u8_mbsnlen(bytes, password.size());
  if (length < policy_.min_length)
    return core::fail(core::ErrorKind::invalid_argument, "password_too_short",
                      fmt::format("Use at least {} characters.", policy_.min_length),
                      {{"min", policy_.min_length}});
  if (length > policy_.max_length)
    return core::fail(core::ErrorKind::invalid_argument, "password_too_long",
                      fmt::format("Use at most {} characters.", policy_.max_length), {{"max", policy_.max_length}});
  if (common_.contains(password))
    return core::fail(core::ErrorKind::invalid_argument, "password_too_common",
                      "This password is one of the most common ones; please choose another.");
  return {};
}

core::Result<std::string> PasswordHasher::hash(std::string_view password) const {
  ensure_sodium();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), policy_.opslimit, policy_.memlimit_bytes) != 0)
    return core::fail(core::ErrorKind::unavailable, "password_hash_failed",
                      "Not enough memory to hash the password; please try again.");
  return std::string(out);
}

bool PasswordHasher::verify(std::string_view encoded, std::string_view password) const {
  ensure_sodium();
  const std::string stored(encoded);  // needs a NUL-terminated string
  return crypto_pwhash_str_verify(stored.c_str(), password.data(), password.size()) == 0;
}

bool PasswordHasher::needs_rehash(std::string_view encoded) const {
  ensure_sodium();
  const std::string stored(encoded);
  return crypto_pwhash_str_needs_rehash(stored.c_str(), policy_.opslimit, policy_.memlimit_bytes) != 0;
}

const std::string& PasswordHasher::dummy_hash() const {
  static std::once_flag once;
  static std::string dummy;
  std::call_once(once, [this] { dummy = hash(core::random_token(16)).value_or(std::string()); });
  return dummy;
}

}  // namespace storyloom::accounts
