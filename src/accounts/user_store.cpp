#include "accounts/user_store.hpp"

#include "core/ids.hpp"

namespace storyloom::accounts::user_store {
namespace {

constexpr std::string_view kColumns =
    "id, kind, email, guest_email, role, display_name, CASE WHEN password_hash IS NULL THEN 0 ELSE 1 END AS has_password, created_at";

User from_row(const sql::Row& r) {
  User u;
  u.id = r.text("id");
  u.kind = r.text("kind") == "guest" ? UserKind::guest : UserKind::member;
  u.email = r.optional_text("email");
  u.guest_email = r.optional_text("guest_email");
  u.role = parse_role(r.text("role")).value_or(Role::customer);
  u.display_name = r.text("display_name");
  u.has_password = r.boolean("has_password");
  u.created_at = r.integer("created_at");
  return u;
}

core::Result<std::optional<User>> find_where(sql::Connection& conn, std::string_view where, std::string_view value) {
  auto row = conn.query_one(fmt::format("SELECT {} FROM users WHERE {}", kColumns, where), {std::string(value)});
  if (!row) return std::unexpected(row.error());
  if (!*row) return std::optional<User>{};
  return std::optional<User>{from_row(**row)};
}

sql::Value opt(const std::optional<std::string>& v) { return v ? sql::Value(*v) : sql::null(); }

}  // namespace

core::Result<User> insert(sql::Connection& conn, const NewUser& u, std::int64_t now) {
  const std::string id = core::new_id("us");
  auto ok = conn.execute(
      "INSERT INTO users (id, kind, email, password_hash, display_name, created_at, updated_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $6)",
      {id, std::string(to_string(u.kind)), opt(u.email), opt(u.password_hash), u.display_name, now});
  if (!ok) {
    if (ok.error().code == "db_unique_violation")
      return core::fail(core::ErrorKind::conflict, "email_taken", "An account with this email already exists.");
    return std::unexpected(ok.error());
  }
  auto found = find_by_id(conn, id);
  if (!found) return std::unexpected(found.error());
  return **found;
}

core::Result<std::optional<User>> find_by_id(sql::Connection& conn, std::string_view id) {
  return find_where(conn, "id = $1", id);
}

core::Result<std::optional<User>> find_by_email(sql::Connection& conn, std::string_view email) {
  return find_where(conn, "email = $1", email);
}

core::Result<std::optional<std::string>> password_hash(sql::Connection& conn, std::string_view user_id) {
  auto row = conn.query_one("SELECT password_hash FROM users WHERE id = $1", {std::string(user_id)});
  if (!row) return std::unexpected(row.error());
  if (!*row) return std::optional<std::string>{};
  return (**row).optional_text("password_hash");
}

core::Result<void> set_password_hash(sql::Connection& conn, std::string_view user_id, std::string_view hash,
                                     std::int64_t now) {
  auto ok = conn.execute("UPDATE users SET password_hash = $2, updated_at = $3 WHERE id = $1",
                         {std::string(user_id), std::string(hash), now});
  if (!ok) return std::unexpected(ok.error());
  return {};
}

core::Result<User> set_role(sql::Connection& conn, std::string_view email, Role role, std::int64_t now) {
  auto n = conn.execute("UPDATE users SET role = $2, updated_at = $3 WHERE email = $1 AND kind = 'member'",
                        {std::string(email), std::string(to_string(role)), now});
  if (!n) return std::unexpected(n.error());
  if (*n == 0) return core::fail(core::ErrorKind::not_found, "user_not_found", "No account has this email.");
  auto u = find_by_email(conn, email);
  if (!u) return std::unexpected(u.error());
  return **u;
}

core::Result<void> set_guest_email(sql::Connection& conn, std::string_view guest_id, std::string_view email,
                                   std::int64_t now) {
  auto n = conn.execute("UPDATE users SET guest_email = $2, updated_at = $3 WHERE id = $1 AND kind = 'guest'",
                        {std::string(guest_id), std::string(email), now});
  if (!n) return std::unexpected(n.error());
  if (*n == 0) return core::fail(core::ErrorKind::not_found, "user_not_found", "No such guest.");
  return {};
}

}  // namespace storyloom::accounts::user_store
