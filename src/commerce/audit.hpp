// Writes commerce's security events (webhook_rejected, order_refunded, payment_amount_mismatch)
// to the shared audit_log table from migration 0001.
#pragma once

#include <cstdint>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "sql/connection.hpp"

namespace storyloom::commerce {

struct AuditRecord {
  std::string_view event;
  std::string_view subject_id;
  std::string_view ip;
  std::string_view request_id;
  nlohmann::json details = nlohmann::json::object();
};

core::Result<void> record_audit(sql::Connection& conn, const AuditRecord& record, std::int64_t now);

}  // namespace storyloom::commerce
