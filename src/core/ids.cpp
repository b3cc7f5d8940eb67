#include "core/ids.hpp"

#include <array>

#include "core/crypto.hpp"

namespace storyloom::core {
namespace {
constexpr std::string_view kAlphabet = "0123456789abcdefghjkmnpqrstvwxyz";  // Crockford base32
constexpr std::size_t kRandomChars = 20;
}  // namespace

std::string new_id(std::string_view prefix) {
  const std::string bytes = random_bytes(kRandomChars);
  std::string id(prefix);
  id += '_';
  for (unsigned char b : bytes) id += kAlphabet[b % 32];
  return id;
}

bool is_valid_id(std::string_view id, std::string_view prefix) {
  if (id.size() != prefix.size() + 1 + kRandomChars) return false;
  if (id.substr(0, prefix.size()) != prefix || id[prefix.size()] != '_') return false;
  for (char c : id.substr(prefix.size() + 1))
    if (kAlphabet.find(c) == std::string_view::npos) return false;
  return true;
}

}  // namespace storyloom::core
