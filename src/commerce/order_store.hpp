// Orders in the database (tables from migrations/0050_commerce.sql). Every method takes the
// caller's connection so that an order change, its history row and whatever else the caller
// writes (a webhook's processed mark, a book's status) commit together in one transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "commerce/order.hpp"
#include "core/error.hpp"
#include "sql/connection.hpp"

namespace storyloom::commerce {

struct OrderPage {
  std::vector<Order> orders;   // newest first
  std::string next_cursor;     // empty on the last page
};

class OrderStore {
 public:
  // Inserts the order with its items and its first history entry (its current status).
  // conflict `order_duplicate` when (user_id, idempotency_key) exists.
  static core::Result<void> insert(sql::Connection& conn, const Order& order);

  static core::Result<std::optional<Order>> find(sql::Connection& conn, std::string_view id);
  static core::Result<std::optional<Order>> find_by_idempotency_key(sql::Connection& conn, std::string_view user_id,
                                                                    std::string_view key);
  // By the provider's checkout/order id or payment id (whichever matches first).
  static core::Result<std::optional<Order>> find_by_provider_ref(sql::Connection& conn, std::string_view provider,
                                                                 std::string_view ref);
  // The newest order for the book that still grants a download, if any.
  static core::Result<std::optional<Order>> find_paid_for_book(sql::Connection& conn, std::string_view book_id);

  // `limit` 1..100; `cursor` from a previous page (opaque). invalid_argument `cursor_invalid`.
  static core::Result<OrderPage> list_for_user(sql::Connection& conn, std::string_view user_id, int limit,
                                               std::string_view cursor);

  // Moves the order along one edge of the status machine and appends history. Answers false (and
  // writes nothing) when the edge does not exist or the row moved on concurrently.
  static core::Result<bool> transition(sql::Connection& conn, std::string_view id, OrderStatus from, OrderStatus to,
                                       std::string_view reason, std::int64_t now);

  static core::Result<void> set_checkout(sql::Connection& conn, std::string_view id, std::string_view provider_ref,
                                         std::string_view checkout_url, std::int64_t now);
  // Records the provider's payment id the first time it is learned; later values are ignored.
  static core::Result<void> set_payment_ref(sql::Connection& conn, std::string_view id, std::string_view ref,
                                            std::int64_t now);
};

}  // namespace storyloom::commerce
