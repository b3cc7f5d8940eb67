// Accepted webhooks in `webhook_events`, one row per (provider, event id). A row with no
// processed_at is still owed processing: the job that processes it may die and run again.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "commerce/payment_event.hpp"
#include "core/error.hpp"
#include "sql/connection.hpp"

namespace storyloom::commerce {

struct StoredWebhookEvent {
  std::string id;
  PaymentEvent event;
  std::int64_t received_at = 0;
  std::optional<std::int64_t> processed_at;
  std::string outcome;   // applied, no_change, ignored, rejected: <why>
};

class WebhookEventStore {
 public:
  // Inserts the event; answers its row id, or nullopt when (provider, event_id) was seen before.
  static core::Result<std::optional<std::string>> record(sql::Connection& conn, const PaymentEvent& event,
                                                         std::string_view raw_body, std::int64_t now);
  static core::Result<std::optional<StoredWebhookEvent>> find(sql::Connection& conn, std::string_view id);
  static core::Result<void> mark_processed(sql::Connection& conn, std::string_view id, std::string_view outcome,
                                           std::int64_t now);
  // Oldest first: what a sweeper re-enqueues after a crash.
  static core::Result<std::vector<std::string>> unprocessed(sql::Connection& conn, int limit);
};

nlohmann::json to_json(const PaymentEvent& e);
PaymentEvent payment_event_from_json(const nlohmann::json& j);

}  // namespace storyloom::commerce
