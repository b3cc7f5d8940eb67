#include "accounts/email_address.hpp"
#include "core/text.hpp"

#include <algorithm>

namespace storyloom::accounts {
namespace {

bool is_forbidden(unsigned char c) { return c <= 0x20 || c == 0x7f || c == '<' || c == '>' || c == ',' || c == '"'; }

}  // namespace

core::Result<std::string> normalize_email(std::string_view raw) {
  const std::string_view s = core::trim(raw);
  auto bad = [] { return core::fail(core::ErrorKind::invalid_argument, "email_invalid", "Please enter a valid email address."); };
  if (s.size() < 3 || s.size() > 254) return bad();
  if (std::any_of(s.begin(), s.end(), [](char c) { return is_forbidden(static_cast<unsigned char>(c)); })) return bad();
  const auto at = s.rfind('@');
  if (at == std::string_view::npos || at == 0 || s.find('@') != at) return bad();
  const std::string_view local = s.substr(0, at);
  const std::string_view domain = s.substr(at + 1);
  if (local.size() > 64 || domain.size() < 3) return bad();
  const auto dot = domain.find('.');
  if (dot == std::string_view::npos || dot == 0 || domain.back() == '.' || domain.find("..") != std::string_view::npos)
    return bad();
  std::string out(s);
  // Domains are case-insensitive; local parts are in theory, but no real provider treats
  // "Anna@" and "anna@" as different people, and users type both.
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

}  // namespace storyloom::accounts
