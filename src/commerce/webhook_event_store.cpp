#include "commerce/webhook_event_store.hpp"

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

core::Result<std::optional<std::string>> WebhookEventStore::record(sql::Connection& conn, const PaymentEvent& event,
                                                                   std::string_view raw_body, std::int64_t now) {
  const std::string id = core::new_id("whe");
  auto inserted = conn.execute(
      "INSERT INTO webhook_events (id, provider, event_id, type, raw_type, order_id, event, payload, received_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (provider, event_id) DO NOTHING",
      {id, event.provider, event.event_id, std::string(to_string(event.type)), event.raw_type,
       event.order_id.empty() ? sql::Value(nullptr) : sql::Value(event.order_id), to_json(event).dump(),
       std::string(raw_body), now});
  if (!inserted) return std::unexpected(inserted.error());
  if (*inserted == 0) return std::optional<std::string>{};
  return std::optional<std::string>{id};
}

core::Result<std::optional<StoredWebhookEvent>> WebhookEventStore::find(sql::Connection& conn, std::string_view id) {
  auto row = conn.query_one("SELECT id, event, received_at, processed_at, outcome FROM webhook_events WHERE id = $1",
                            {std::string(id)});
  if (!row) return std::unexpected(row.error());
  if (!*row) return std::optional<StoredWebhookEvent>{};
  const sql::Row& r = **row;
  return std::optional<StoredWebhookEvent>{StoredWebhookEvent{
      r.text("id"), payment_event_from_json(json::parse(r.text("event"), nullptr, false)), r.integer("received_at"),
      r.optional_integer("processed_at"), r.optional_text("outcome").value_or("")}};
}

core::Result<void> WebhookEventStore::mark_processed(sql::Connection& conn, std::string_view id,
                                                     std::string_view outcome, std::int64_t now) {
  auto r = conn.execute("UPDATE webhook_events SET processed_at = $1, outcome = $2 WHERE id = $3",
                        {now, std::string(outcome), std::string(id)});
  if (!r) return std::unexpected(r.error());
  return {};
}

core::Result<std::vector<std::string>> WebhookEventStore::unprocessed(sql::Connection& conn, int limit) {
  auto rows = conn.query("SELECT id FROM webhook_events WHERE processed_at IS NULL ORDER BY received_at, id LIMIT $1",
                         {std::int64_t{limit}});
  if (!rows) return std::unexpected(rows.error());
  std::vector<std::string> ids;
  for (const auto& r : *rows) ids.push_back(r.text("id"));
  return ids;
}

}  // namespace storyloom::commerce
