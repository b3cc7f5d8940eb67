// Applies one accepted webhook (a webhook_events row) to its order and book. Runs in a job; safe
// to run any number of times: a processed row is a no-op, and everything it changes (order,
// history, book, next job, processed mark) commits in one transaction.
// The status machines decide: a late or repeated event that finds no edge changes nothing.
#pragma once

#include <memory>
#include <string>

#include "blob/store.hpp"
#include "commerce/book_unlock_port.hpp"
#include "commerce/commerce_jobs_port.hpp"
#include "commerce/order.hpp"
#include "commerce/payment_event.hpp"
#include "commerce/webhook_event_store.hpp"
#include "core/clock.hpp"
#include "sql/database.hpp"

namespace storyloom::commerce {

class WebhookProcessor {
 public:
  WebhookProcessor(std::shared_ptr<sql::Database> db, BookUnlockPort& books, CommerceJobsPort& jobs,
                   blob::Store& blobs, const core::Clock& clock)
      : db_(std::move(db)), books_(books), jobs_(jobs), blobs_(blobs), clock_(clock) {}

  // Answers the outcome recorded on the row: "applied", "no_change", "ignored",
  // "rejected: <why>" (an event naming no order of ours, or an amount that does not match) or
  // kWaiting (a refund, failure or cancellation of a payment no order knows yet: applied right
  // after the paid event that binds the payment, by that event's process()).
  // not_found (webhook_event_not_found) for an unknown row id.
  core::Result<std::string> process(std::string_view webhook_event_id);

 private:
  struct Applied {
    std::string outcome;
    std::string revoke_order_id;  // remove this order's delivered copies after commit
  };
  static bool may_wait_for_its_payment(const StoredWebhookEvent& stored);
  core::Result<std::string> apply_waiting(sql::Connection& conn, std::string_view series);
  core::Result<std::optional<Order>> resolve_order(sql::Connection& conn, const PaymentEvent& e);
  core::Result<std::optional<Order>> adopt_shop_order(sql::Connection& conn, const PaymentEvent& e);
  core::Result<Applied> apply(sql::Connection& conn, const Order& order, const PaymentEvent& e);
  core::Result<Applied> apply_paid(sql::Connection& conn, const Order& order, const PaymentEvent& e);
  core::Result<Applied> apply_taken_back(sql::Connection& conn, const Order& order, const PaymentEvent& e);

  std::shared_ptr<sql::Database> db_;
  BookUnlockPort& books_;
  CommerceJobsPort& jobs_;
  blob::Store& blobs_;
  const core::Clock& clock_;
};

// Blob prefix of the copies delivered for an order (removed when the order is taken back).
std::string delivery_prefix(std::string_view order_id);

// The product id of the one item of an order adopted from the shop (adopt_shop_order); the item
// is named after the book.
inline constexpr std::string_view kShopOrderProduct = "shop-order";

}  // namespace storyloom::commerce
