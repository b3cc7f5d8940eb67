#include "commerce/order_privacy.hpp"

#include <algorithm>
#include <iterator>

#include "commerce/order_store.hpp"
#include "commerce/webhook_event_store.hpp"
#include "commerce/webhook_processor.hpp"

namespace storyloom::commerce {
namespace {

// What an adopted shop order's item is called once its buyer is forgotten.
constexpr std::string_view kForgottenShopItemName = "Shop order";

core::Result<std::vector<Order>> all_orders_of(sql::Connection& conn, std::string_view user_id) {
  std::vector<Order> all;
  std::string cursor;
  do {
    auto page = OrderStore::list_for_user(conn, user_id, 100, cursor);
    if (!page) return std::unexpected(page.error());
    std::move(page->orders.begin(), page->orders.end(), std::back_inserter(all));
    cursor = std::move(page->next_cursor);
  } while (!cursor.empty());
  return all;
}

// The processor's rule (resolve_order): an event is the order's when one of its provider
// references is one of the order's.
bool names_order_by_reference(const PaymentEvent& e, const Order& o) {
  for (const std::string* ref : {&e.provider_ref, &e.payment_ref})
    if (!ref->empty() && (*ref == o.provider_ref || *ref == o.provider_payment_ref)) return true;
  return false;
}

core::Result<void> redact_webhook_payloads(sql::Connection& conn, const Order& o) {
  const std::string redacted(kRedactedPayload);
  if (auto n = conn.execute("UPDATE webhook_events SET payload = $2 WHERE order_id = $1", {o.id, redacted}); !n)
    return std::unexpected(n.error());
  if (o.provider_ref.empty() && o.provider_payment_ref.empty()) return {};
  auto unnamed = conn.query("SELECT id, event FROM webhook_events WHERE provider = $1 AND order_id IS NULL", {o.provider});
  if (!unnamed) return std::unexpected(unnamed.error());
  for (const auto& r : *unnamed) {
    if (!names_order_by_reference(payment_event_from_json(nlohmann::json::parse(r.text("event"), nullptr, false)), o))
      continue;
    if (auto n = conn.execute("UPDATE webhook_events SET payload = $2 WHERE id = $1", {r.text("id"), redacted}); !n)
      return std::unexpected(n.error());
  }
  return {};
}

core::Result<void> forget_order(sql::Connection& conn, blob::Store& blobs, const Order& o, std::int64_t now) {
  if (auto removed = blobs.remove_prefix(delivery_prefix(o.id)); !removed) return std::unexpected(removed.error());
  if (auto redacted = redact_webhook_payloads(conn, o); !redacted) return redacted;
  auto items = conn.execute("UPDATE order_items SET name = $3 WHERE order_id = $1 AND product_id = $2",
                            {o.id, std::string(kShopOrderProduct), std::string(kForgottenShopItemName)});
  if (!items) return std::unexpected(items.error());
  auto n = conn.execute(
      "UPDATE orders SET user_id = $2, email = '', shipping_address = NULL, tracking = NULL, checkout_url = NULL, "
      "idempotency_key = id, updated_at = $3 WHERE id = $1",
      {o.id, std::string(kDeletedBuyer), now});
  if (!n) return std::unexpected(n.error());
  return {};
}

}  // namespace

core::Result<nlohmann::json> export_orders_of(sql::Connection& conn, std::string_view user_id) {
  auto orders = all_orders_of(conn, user_id);
  if (!orders) return std::unexpected(orders.error());
  nlohmann::json out = nlohmann::json::array();
  for (const auto& o : *orders) {
    nlohmann::json item = to_json(o);
    item["email"] = o.email;
    out.push_back(std::move(item));
  }
  return out;
}

core::Result<std::int64_t> forget_buyer(sql::Connection& conn, blob::Store& blobs, std::string_view user_id,
                                        std::int64_t now) {
  auto orders = all_orders_of(conn, user_id);
  if (!orders) return std::unexpected(orders.error());
  for (const auto& o : *orders)
    if (auto forgotten = forget_order(conn, blobs, o, now); !forgotten) return std::unexpected(forgotten.error());
  return static_cast<std::int64_t>(orders->size());
}

}  // namespace storyloom::commerce
