// What commerce keeps about a buyer, for the accounts' privacy hooks (registered in
// app/commerce_services.cpp; orders are an owned table through user_id, so a claimed guest's
// orders move with it). The export lists the buyer's orders; erasure keeps every order for the
// shop's accounts (amounts, items, status history, provider references) without who bought it.
#pragma once

#include <cstdint>
#include <string_view>

#include <nlohmann/json.hpp>

#include "blob/store.hpp"
#include "core/error.hpp"
#include "sql/connection.hpp"

namespace storyloom::commerce {

// The user_id of an order whose buyer deleted their account (orders.user_id is NOT NULL). Never
// a user's id (those are "us_…"), so nobody owns, lists or claims these orders again.
inline constexpr std::string_view kDeletedBuyer = "deleted";
// What the raw payload of a forgotten buyer's webhook events is replaced with.
inline constexpr std::string_view kRedactedPayload = "redacted: account deleted";

// Every order of the user, newest first, as GET /api/orders/{id} shows it, plus its email.
core::Result<nlohmann::json> export_orders_of(sql::Connection& conn, std::string_view user_id);

// For account deletion, inside the caller's transaction. For every order of the user:
//   - the delivered copies of the book (deliveries/<order>/) are removed (not transactional);
//   - user_id becomes kDeletedBuyer, email '' (NOT NULL), shipping_address, tracking and
//     checkout_url NULL (a provider's checkout page shows the buyer's details);
//   - idempotency_key becomes the order's id: it only deduplicated this buyer's retries, and
//     (user_id, idempotency_key) is unique, so tombstoned orders must not share keys;
//   - an item adopted from a shop order, named after the book (so after the child), is renamed;
//   - the raw payload of its webhook events (the provider's body, which may carry the buyer's
//     email and address) becomes kRedactedPayload; the normalized event (type, amount,
//     references) and the outcome stay as the record. An event belongs to the order when it
//     names it, or names its provider references (an event need not echo our order id).
// order_items (prices, quantities) and order_status_history (statuses, times, event ids) are
// kept as they are. Idempotent. Answers how many orders it changed.
core::Result<std::int64_t> forget_buyer(sql::Connection& conn, blob::Store& blobs, std::string_view user_id,
                                        std::int64_t now);

}  // namespace storyloom::commerce
