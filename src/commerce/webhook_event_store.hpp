// Accepted webhooks in `webhook_events`, one row per (provider, event id). A row with no
// processed_at is still owed processing: the job that processes it may die and run again.
// A processed row whose outcome is kWaiting names a payment no order knew yet; it is applied
// when one does (WebhookProcessor).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "commerce/commerce_jobs_port.hpp"
#include "commerce/payment_event.hpp"
#include "core/error.hpp"
#include "sql/connection.hpp"

namespace storyloom::commerce {

inline constexpr std::string_view kWaiting = "waiting: no order knows this payment yet";

struct StoredWebhookEvent {
  std::string id;
  PaymentEvent event;
  std::string series;    // payment_series(event), as recorded (computed for rows older than the column)
  std::int64_t received_at = 0;
  std::optional<std::int64_t> processed_at;
  std::string outcome;   // applied, no_change, ignored, rejected: <why>, kWaiting
};

class WebhookEventStore {
 public:
  // Inserts the event, arrived at `now_ms`; answers what to process, or nullopt when
  // (provider, event_id) was seen before.
  static core::Result<std::optional<WebhookToProcess>> record(sql::Connection& conn, const PaymentEvent& event,
                                                              std::string_view raw_body, std::int64_t now_ms);
  static core::Result<std::optional<StoredWebhookEvent>> find(sql::Connection& conn, std::string_view id);
  static core::Result<void> mark_processed(sql::Connection& conn, std::string_view id, std::string_view outcome,
                                           std::int64_t now);
  // Oldest arrival first: what a sweeper re-enqueues after a crash.
  static core::Result<std::vector<WebhookToProcess>> unprocessed(sql::Connection& conn, int limit);
  // The series' kWaiting rows, oldest arrival first.
  static core::Result<std::vector<StoredWebhookEvent>> waiting(sql::Connection& conn, std::string_view series);
};

nlohmann::json to_json(const PaymentEvent& e);
PaymentEvent payment_event_from_json(const nlohmann::json& j);

}  // namespace storyloom::commerce
