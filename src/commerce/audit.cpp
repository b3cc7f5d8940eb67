#include "commerce/audit.hpp"

#include "core/ids.hpp"

namespace storyloom::commerce {

core::Result<void> record_audit(sql::Connection& conn, const AuditRecord& r, std::int64_t now) {
  auto nullable = [](std::string_view s) { return s.empty() ? sql::Value(nullptr) : sql::Value(std::string(s)); };
  auto done = conn.execute(
      "INSERT INTO audit_log (id, at, event, actor_id, subject_id, ip, request_id, details) "
      "VALUES ($1, $2, $3, NULL, $4, $5, $6, $7)",
      {core::new_id("au"), now, std::string(r.event), nullable(r.subject_id), nullable(r.ip), nullable(r.request_id),
       r.details.dump()});
  if (!done) return std::unexpected(done.error());
  return {};
}

}  // namespace storyloom::commerce
