// An order: what a buyer pays for one book, with whom, and what happened to it when.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "commerce/order_status.hpp"
#include "commerce/shipping_address.hpp"
#include "core/money.hpp"

namespace storyloom::commerce {

struct OrderItem {
  std::string id;
  std::string product_id;   // catalog/products.json id, or "shipping:<option id>"
  std::string kind;         // the product's kind, or "shipping"
  std::string name;
  int quantity = 1;
  core::Money unit_price;
};

struct StatusChange {
  OrderStatus status = OrderStatus::pending;
  std::int64_t at = 0;      // Unix seconds
  std::string reason;       // what caused it, e.g. "stripe evt_123" or "checkout"
};

struct Order {
  std::string id;
  std::string user_id;
  std::string book_id;
  std::string email;
  OrderStatus status = OrderStatus::pending;
  core::Money total;
  std::string provider;               // payment provider name
  std::string provider_ref;           // the provider's checkout/order id, once known
  std::string provider_payment_ref;   // the provider's payment id, once known
  std::string checkout_url;
  std::string idempotency_key;
  std::optional<ShippingAddress> shipping;
  nlohmann::json tracking;            // null until a print partner ships
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
  std::vector<OrderItem> items;
  std::vector<StatusChange> history;  // oldest first

  bool is_printed() const;
};

// The API shape (GET /api/orders/{id}); download links are added by the caller.
nlohmann::json to_json(const Order& o);

}  // namespace storyloom::commerce
