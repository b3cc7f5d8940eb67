#include "accounts/audit_log.hpp"

#include <algorithm>

#include "core/ids.hpp"

namespace storyloom::accounts::audit_log {
namespace {

sql::Value text_or_null(const std::string& s) { return s.empty() ? sql::null() : sql::Value(s); }

}  // namespace

core::Result<void> record(sql::Connection& conn, const AuditEvent& e, std::int64_t now) {
  auto ok = conn.execute(
      "INSERT INTO audit_log (id, at, event, actor_id, subject_id, ip, request_id, details) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
      {core::new_id("au"), now, e.event, text_or_null(e.actor_id), text_or_null(e.subject_id), text_or_null(e.ip),
       text_or_null(e.request_id), e.details.dump()});
  if (!ok) return std::unexpected(ok.error());
  return {};
}

core::Result<std::vector<AuditEntry>> list(sql::Connection& conn, const AuditQuery& q) {
  const std::int64_t limit = std::clamp(q.limit, 1, 1000);
  auto rows = conn.query(
      "SELECT id, at, event, actor_id, subject_id, ip, request_id, details FROM audit_log "
      "WHERE at >= $1 AND (CAST($2 AS TEXT) IS NULL OR event = $2) AND (CAST($3 AS TEXT) IS NULL OR actor_id = $3) "
      "ORDER BY at DESC, id DESC LIMIT $4",
      {q.since, q.event ? sql::Value(*q.event) : sql::null(), q.actor_id ? sql::Value(*q.actor_id) : sql::null(),
       limit});
  if (!rows) return std::unexpected(rows.error());
  std::vector<AuditEntry> out;
  for (const auto& r : *rows) {
    AuditEntry a;
    a.id = r.text("id");
    a.at = r.integer("at");
    a.event.event = r.text("event");
    a.event.actor_id = r.optional_text("actor_id").value_or("");
    a.event.subject_id = r.optional_text("subject_id").value_or("");
    a.event.ip = r.optional_text("ip").value_or("");
    a.event.request_id = r.optional_text("request_id").value_or("");
    a.event.details = nlohmann::json::parse(r.text("details"), nullptr, false);
    out.push_back(std::move(a));
  }
  return out;
}

nlohmann::json to_json(const AuditEntry& e) {
  return {{"id", e.id},           {"at", e.at},         {"event", e.event.event},
          {"actor_id", e.event.actor_id}, {"subject_id", e.event.subject_id}, {"ip", e.event.ip},
          {"request_id", e.event.request_id}, {"details", e.event.details}};
}

}  // namespace storyloom::accounts::audit_log
