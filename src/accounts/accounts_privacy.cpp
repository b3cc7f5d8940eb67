// Accounts: privacy export and account deletion (see personal_data.hpp for the hooks).
#include "accounts/accounts.hpp"

#include "accounts/child.hpp"
#include "accounts/credits_ledger.hpp"
#include "accounts/unit_of_work.hpp"

namespace storyloom::accounts {
namespace {

core::Result<nlohmann::json> rows_as_json(sql::Connection& conn, std::string_view sql, const std::string& user_id) {
  auto rows = conn.query(sql, {user_id});
  if (!rows) return std::unexpected(rows.error());
  nlohmann::json out = nlohmann::json::array();
  for (const auto& r : *rows) {
    nlohmann::json item = nlohmann::json::object();
    for (std::size_t i = 0; i < r.columns().size(); ++i)
      std::visit([&](const auto& v) {
        using V = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<V, std::nullptr_t>) item[r.columns()[i]] = nullptr;
        else if constexpr (std::is_same_v<V, sql::Blob>) item[r.columns()[i]] = nullptr;  // never raw bytes
        else item[r.columns()[i]] = v;
      }, r.cells()[i]);
    out.push_back(std::move(item));
  }
  return out;
}

// What accounts itself stores, table by table (no hashes, no token digests).
const std::vector<std::pair<std::string, std::string>>& own_tables() {
  static const std::vector<std::pair<std::string, std::string>> tables{
      {"children",
       "SELECT id, name, age, birth_date, pronouns, companion, favourite_colour, photo_id, created_at, updated_at "
       "FROM children WHERE owner_id = $1 ORDER BY created_at"},
      {"credits", "SELECT at, delta, kind, reference, balance_after FROM credit_entries WHERE user_id = $1 ORDER BY seq"},
      {"sessions",
       "SELECT id, created_at, last_seen_at, expires_at, ip, user_agent FROM sessions WHERE user_id = $1 "
       "ORDER BY created_at"},
      {"external_identities",
       "SELECT issuer, subject, email, created_at, last_seen_at FROM external_identities WHERE user_id = $1"},
      {"security_events",
       "SELECT at, event, ip FROM audit_log WHERE actor_id = $1 ORDER BY at DESC LIMIT 1000"},
  };
  return tables;
}

}  // namespace

core::Result<nlohmann::json> Accounts::export_data(const Authenticated& who) {
  return with_connection(*deps_.db, [&](sql::Connection& conn) -> core::Result<nlohmann::json> {
    nlohmann::json out{{"user", to_json(who.user)}, {"exported_at", deps_.clock.unix_seconds()}};
    for (const auto& [name, sql] : own_tables()) {
      auto rows = rows_as_json(conn, sql, who.user.id);
      if (!rows) return std::unexpected(rows.error());
      out[name] = *rows;
    }
    const PersonalDataContext ctx{conn, deps_.blobs, who.user.id, deps_.clock.unix_seconds()};
    for (const auto& [name, exporter] : deps_.personal_data.exporters()) {
      auto part = exporter(ctx);
      if (!part) return std::unexpected(part.error());
      out[name] = *part;
    }
    return out;
  });
}

core::Result<void> Accounts::delete_account(const Authenticated& who, const RequestOrigin& origin) {
  return in_transaction(*deps_.db, [&](sql::Connection& conn) -> core::Result<void> {
    const PersonalDataContext ctx{conn, deps_.blobs, who.user.id, deps_.clock.unix_seconds()};
    for (const auto& [name, eraser] : deps_.personal_data.erasers())
      if (auto ok = eraser(ctx); !ok) return ok;
    // Children, sessions, tokens, identities and credits go with the user row (ON DELETE
    // CASCADE); they are deleted explicitly too so that a database without cascades agrees.
    for (std::string_view sql : {"DELETE FROM children WHERE owner_id = $1", "DELETE FROM sessions WHERE user_id = $1",
                                 "DELETE FROM account_tokens WHERE user_id = $1",
                                 "DELETE FROM external_identities WHERE user_id = $1",
                                 "DELETE FROM credit_entries WHERE user_id = $1",
                                 "DELETE FROM credit_balances WHERE user_id = $1",
                                 "UPDATE users SET claimed_by = NULL WHERE claimed_by = $1",
                                 // Security events stay (event and time) but lose addresses and details.
                                 "UPDATE audit_log SET ip = NULL, details = '{}' WHERE actor_id = $1",
                                 "DELETE FROM users WHERE id = $1"})
      if (auto n = conn.execute(sql, {who.user.id}); !n) return std::unexpected(n.error());
    audit(conn, {.event = "account_deleted", .actor_id = who.user.id, .subject_id = who.user.id}, origin);
    return {};
  });
}

}  // namespace storyloom::accounts
