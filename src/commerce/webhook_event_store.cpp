#include "commerce/webhook_event_store.hpp"

#include <fmt/format.h>

#include "core/ids.hpp"

namespace storyloom::commerce {

using nlohmann::json;

json to_json(const PaymentEvent& e) {
  json j{{"provider", e.provider},   {"event_id", e.event_id},         {"type", to_string(e.type)},
         {"raw_type", e.raw_type},   {"order_id", e.order_id},         {"provider_ref", e.provider_ref},
         {"payment_ref", e.payment_ref}, {"book_id", e.book_id}};
  if (e.shop_order) j["shop_order"] = true;
  if (e.amount) j["amount"] = {{"minor", e.amount->minor}, {"currency", e.amount->currency}};
  return j;
}

PaymentEvent payment_event_from_json(const json& j) {
  PaymentEvent e;
  e.provider = j.value("provider", "");
  e.event_id = j.value("event_id", "");
  e.type = parse_payment_event_type(j.value("type", "unknown")).value_or(PaymentEventType::unknown);
  e.raw_type = j.value("raw_type", "");
  e.order_id = j.value("order_id", "");
  e.provider_ref = j.value("provider_ref", "");
  e.payment_ref = j.value("payment_ref", "");
  e.book_id = j.value("book_id", "");
  e.shop_order = j.value("shop_order", false);
  if (j.contains("amount") && j["amount"].is_object())
    e.amount = core::Money{j["amount"].value("minor", std::int64_t{0}), j["amount"].value("currency", "")};
  return e;
}

namespace {

constexpr const char* kStoredColumns = "id, event, series, received_at, processed_at, outcome";

StoredWebhookEvent stored_from_row(const sql::Row& r) {
  StoredWebhookEvent stored{r.text("id"), payment_event_from_json(json::parse(r.text("event"), nullptr, false)), "",
                            r.integer("received_at"), r.optional_integer("processed_at"),
                            r.optional_text("outcome").value_or("")};
  // Rows recorded before the series column existed get theirs from the event.
  stored.series = r.optional_text("series").value_or(payment_series(stored.event));
  return stored;
}

}  // namespace

core::Result<std::optional<WebhookToProcess>> WebhookEventStore::record(sql::Connection& conn,
                                                                        const PaymentEvent& event,
                                                                        std::string_view raw_body, std::int64_t now_ms) {
  WebhookToProcess owed{core::new_id("whe"), payment_series(event), now_ms};
  auto inserted = conn.execute(
      "INSERT INTO webhook_events (id, provider, event_id, type, raw_type, order_id, event, payload, received_at, "
      "series, arrival_ms) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) "
      "ON CONFLICT (provider, event_id) DO NOTHING",
      {owed.webhook_event_id, event.provider, event.event_id, std::string(to_string(event.type)), event.raw_type,
       event.order_id.empty() ? sql::Value(nullptr) : sql::Value(event.order_id), to_json(event).dump(),
       std::string(raw_body), now_ms / 1000, owed.series.empty() ? sql::Value(nullptr) : sql::Value(owed.series),
       now_ms});
  if (!inserted) return std::unexpected(inserted.error());
  if (*inserted == 0) return std::optional<WebhookToProcess>{};
  return std::optional<WebhookToProcess>{std::move(owed)};
}

core::Result<std::optional<StoredWebhookEvent>> WebhookEventStore::find(sql::Connection& conn, std::string_view id) {
  auto row = conn.query_one(fmt::format("SELECT {} FROM webhook_events WHERE id = $1", kStoredColumns),
                            {std::string(id)});
  if (!row) return std::unexpected(row.error());
  if (!*row) return std::optional<StoredWebhookEvent>{};
  return std::optional<StoredWebhookEvent>{stored_from_row(**row)};
}

core::Result<void> WebhookEventStore::mark_processed(sql::Connection& conn, std::string_view id,
                                                     std::string_view outcome, std::int64_t now) {
  auto r = conn.execute("UPDATE webhook_events SET processed_at = $1, outcome = $2 WHERE id = $3",
                        {now, std::string(outcome), std::string(id)});
  if (!r) return std::unexpected(r.error());
  return {};
}

core::Result<std::vector<WebhookToProcess>> WebhookEventStore::unprocessed(sql::Connection& conn, int limit) {
  auto rows = conn.query(fmt::format("SELECT {}, arrival_ms FROM webhook_events WHERE processed_at IS NULL "
                                     "ORDER BY arrival_ms, id LIMIT $1",
                                     kStoredColumns),
                         {std::int64_t{limit}});
  if (!rows) return std::unexpected(rows.error());
  std::vector<WebhookToProcess> owed;
  for (const auto& r : *rows) {
    StoredWebhookEvent stored = stored_from_row(r);
    owed.push_back({std::move(stored.id), std::move(stored.series), r.integer("arrival_ms")});
  }
  return owed;
}

core::Result<std::vector<StoredWebhookEvent>> WebhookEventStore::waiting(sql::Connection& conn,
                                                                          std::string_view series) {
  auto rows = conn.query(fmt::format("SELECT {} FROM webhook_events WHERE series = $1 AND outcome = $2 "
                                     "ORDER BY arrival_ms, id",
                                     kStoredColumns),
                         {std::string(series), std::string(kWaiting)});
  if (!rows) return std::unexpected(rows.error());
  std::vector<StoredWebhookEvent> events;
  for (const auto& r : *rows) events.push_back(stored_from_row(r));
  return events;
}

}  // namespace storyloom::commerce
