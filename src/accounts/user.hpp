// A user as the rest of the program sees it: members (email + password, or an external
// identity) and guests (no credentials; a session only). Roles: customer and admin.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace storyloom::accounts {

enum class Role { customer, admin };
enum class UserKind { member, guest };

std::string_view to_string(Role r);
std::optional<Role> parse_role(std::string_view s);
std::string_view to_string(UserKind k);

struct User {
  std::string id;                       // "us_..."
  UserKind kind = UserKind::member;
  std::optional<std::string> email;     // normalized; none for guests
  std::optional<std::string> guest_email;
  Role role = Role::customer;
  std::string display_name;
  bool has_password = false;
  std::int64_t created_at = 0;

  bool is_admin() const { return role == Role::admin; }
  bool is_guest() const { return kind == UserKind::guest; }
};

// The public view (GET /api/me): no hashes, no internal columns.
nlohmann::json to_json(const User& u);

}  // namespace storyloom::accounts
