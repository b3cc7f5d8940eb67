// Security events in the shared audit_log table (migration 0001): sign-ins, password changes and
// resets, role changes, deletions, refunds, rejected webhooks. Append-only. Any module may write.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "sql/connection.hpp"

namespace storyloom::accounts {

struct AuditEvent {
  std::string event;       // snake_case: signin_succeeded, signin_failed, password_changed, ...
  std::string actor_id;    // user id when known, else empty
  std::string subject_id;  // the object acted on, when there is one
  std::string ip;
  std::string request_id;
  nlohmann::json details = nlohmann::json::object();  // never passwords or tokens
};

struct AuditEntry {
  std::string id;
  std::int64_t at = 0;
  AuditEvent event;
};

struct AuditQuery {
  std::optional<std::string> event;     // exact event name
  std::optional<std::string> actor_id;
  std::int64_t since = 0;               // Unix seconds, inclusive
  int limit = 100;                      // 1..1000
};

namespace audit_log {

core::Result<void> record(sql::Connection& conn, const AuditEvent& e, std::int64_t now);
// Newest first.
core::Result<std::vector<AuditEntry>> list(sql::Connection& conn, const AuditQuery& q);
nlohmann::json to_json(const AuditEntry& e);

}  // namespace audit_log
}  // namespace storyloom::accounts
