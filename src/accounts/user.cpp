#include "accounts/user.hpp"

namespace storyloom::accounts {

std::string_view to_string(Role r) { return r == Role::admin ? "admin" : "customer"; }

std::optional<Role> parse_role(std::string_view s) {
  if (s == "customer") return Role::customer;
  if (s == "admin") return Role::admin;
  return std::nullopt;
}

std::string_view to_string(UserKind k) { return k == UserKind::guest ? "guest" : "member"; }

nlohmann::json to_json(const User& u) {
  nlohmann::json j{{"id", u.id},
                   {"kind", to_string(u.kind)},
                   {"role", to_string(u.role)},
                   {"display_name", u.display_name},
                   {"created_at", u.created_at}};
  j["email"] = u.email ? nlohmann::json(*u.email) : nlohmann::json(nullptr);
  if (u.is_guest()) j["guest_email"] = u.guest_email ? nlohmann::json(*u.guest_email) : nlohmann::json(nullptr);
  return j;
}

}  // namespace storyloom::accounts
