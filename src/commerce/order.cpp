#include "commerce/order.hpp"

#include "commerce/money_json.hpp"

namespace storyloom::commerce {

bool Order::is_printed() const {
  for (const auto& item : items)
    if (item.kind.starts_with("printed_")) return true;
  return false;
}

nlohmann::json to_json(const Order& o) {
  using nlohmann::json;
  json items = json::array();
  for (const auto& i : o.items)
    items.push_back({{"product_id", i.product_id}, {"kind", i.kind}, {"name", i.name}, {"quantity", i.quantity},
                     {"unit_price", money_json(i.unit_price)}, {"book_id", o.book_id}});
  json history = json::array();
  for (const auto& h : o.history)
    history.push_back({{"status", to_string(h.status)}, {"at", h.at}, {"reason", h.reason}});
  return {{"id", o.id},
          {"book_id", o.book_id},
          {"status", to_string(o.status)},
          {"product", o.items.empty() ? std::string() : o.items.front().name},
          {"total", money_json(o.total)},
          {"provider", o.provider},
          {"items", items},
          {"status_history", history},
          {"shipping_address", o.shipping ? to_json(*o.shipping) : json(nullptr)},
          {"tracking", o.tracking},
          {"created_at", o.created_at},
          {"updated_at", o.updated_at}};
}

}  // namespace storyloom::commerce
