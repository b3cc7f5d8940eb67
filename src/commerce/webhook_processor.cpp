#include "commerce/webhook_processor.hpp"

#include <fmt/format.h>

#include "commerce/audit.hpp"
#include "commerce/order_store.hpp"
#include "commerce/webhook_event_store.hpp"
#include "core/ids.hpp"
#include "core/log.hpp"
#include "sql/transaction.hpp"

namespace storyloom::commerce {
namespace {

using core::BookStatus;

std::string reason_of(const PaymentEvent& e) { return fmt::format("{} {} {}", e.provider, e.raw_type, e.event_id); }

}  // namespace

std::string delivery_prefix(std::string_view order_id) { return fmt::format("deliveries/{}/", order_id); }

core::Result<std::string> WebhookProcessor::process(std::string_view webhook_event_id) {
  auto conn = db_->acquire();
  if (!conn) return std::unexpected(conn.error());
  auto tx = sql::Transaction::begin(**conn);
  if (!tx) return std::unexpected(tx.error());
  auto stored = WebhookEventStore::find(**conn, webhook_event_id);
  if (!stored) return std::unexpected(stored.error());
  if (!*stored)
    return core::fail(core::ErrorKind::not_found, "webhook_event_not_found", "No such webhook event.");
  if ((*stored)->processed_at) return (*stored)->outcome;  // a re-run after success
  const PaymentEvent& e = (*stored)->event;

  Applied applied{"ignored", ""};
  if (e.type != PaymentEventType::unknown) {
    auto order = resolve_order(**conn, e);
    if (!order) return std::unexpected(order.error());
    if (!*order) {
      applied.outcome = may_wait_for_its_payment(**stored) ? kWaiting : "rejected: no matching order";
    } else {
      auto result = apply(**conn, **order, e);
      if (!result) return std::unexpected(result.error());
      applied = *result;
      if (e.type == PaymentEventType::paid && applied.outcome == "applied") {
        auto revoke = apply_waiting(**conn, (*stored)->series);
        if (!revoke) return std::unexpected(revoke.error());
        if (!revoke->empty()) applied.revoke_order_id = *revoke;
      }
    }
  }
  if (auto marked = WebhookEventStore::mark_processed(**conn, webhook_event_id, applied.outcome, clock_.unix_seconds());
      !marked)
    return std::unexpected(marked.error());
  if (auto committed = tx->commit(); !committed) return std::unexpected(committed.error());
  if (!applied.revoke_order_id.empty()) {
    // After commit: the download route already refuses (the order no longer grants it); removing
    // the delivered copy also kills links that were mailed.
    if (auto removed = blobs_.remove_prefix(delivery_prefix(applied.revoke_order_id)); !removed)
      core::log_error("revoking delivered copies failed", {{"order_id", applied.revoke_order_id},
                                                           {"code", removed.error().code}});
  }
  core::log_info("webhook processed", {{"webhook_event_id", webhook_event_id}, {"outcome", applied.outcome}});
  return applied.outcome;
}

// A refund, failure or cancellation that names only the provider's payment may arrive before the
// event that binds that payment to our order (providers do not promise order; Stripe redelivers a
// failed paid event for days, and a charge carries no metadata of ours). It waits for it rather
// than being lost: a refund dropped that way would leave a refunded book unlocked.
bool WebhookProcessor::may_wait_for_its_payment(const StoredWebhookEvent& stored) {
  const PaymentEvent& e = stored.event;
  return e.type != PaymentEventType::paid && e.order_id.empty() && !stored.series.empty();
}

// Applies the series' waiting events, oldest first, right after their payment was bound to an
// order, as if they had arrived just after it. Answers the order whose delivered copies to revoke.
core::Result<std::string> WebhookProcessor::apply_waiting(sql::Connection& conn, std::string_view series) {
  auto waiting = WebhookEventStore::waiting(conn, series);
  if (!waiting) return std::unexpected(waiting.error());
  std::string revoke;
  for (const StoredWebhookEvent& w : *waiting) {
    auto order = resolve_order(conn, w.event);
    if (!order) return std::unexpected(order.error());
    if (!*order) continue;  // still names no order of ours
    auto applied = apply(conn, **order, w.event);
    if (!applied) return std::unexpected(applied.error());
    if (auto marked = WebhookEventStore::mark_processed(conn, w.id, applied->outcome, clock_.unix_seconds()); !marked)
      return std::unexpected(marked.error());
    core::log_info("waiting webhook applied", {{"webhook_event_id", w.id}, {"outcome", applied->outcome}});
    if (!applied->revoke_order_id.empty()) revoke = applied->revoke_order_id;
  }
  return revoke;
}

core::Result<std::optional<Order>> WebhookProcessor::resolve_order(sql::Connection& conn, const PaymentEvent& e) {
  std::optional<Order> order;
  if (!e.order_id.empty()) {
    auto found = OrderStore::find(conn, e.order_id);
    if (!found) return std::unexpected(found.error());
    order = std::move(*found);
  }
  for (const std::string* ref : {&e.provider_ref, &e.payment_ref}) {
    if (order) break;
    auto found = OrderStore::find_by_provider_ref(conn, e.provider, *ref);
    if (!found) return std::unexpected(found.error());
    order = std::move(*found);
  }
  // An event signed by one provider never moves an order made with another.
  if (order && order->provider != e.provider) return std::optional<Order>{};
  if (!order && e.shop_order && e.type == PaymentEventType::paid && !e.book_id.empty()) return adopt_shop_order(conn, e);
  return order;
}

// A Shopify order made in the shop itself (not through our checkout) names only the book: it
// becomes our order for the book's owner, at the amount the shop charged.
core::Result<std::optional<Order>> WebhookProcessor::adopt_shop_order(sql::Connection& conn, const PaymentEvent& e) {
  auto book = books_.find_book(conn, e.book_id);
  if (!book) return std::unexpected(book.error());
  if (!*book || !e.amount || e.provider_ref.empty()) return std::optional<Order>{};
  const std::int64_t now = clock_.unix_seconds();
  Order o;
  o.id = core::new_id("ord");
  o.user_id = (*book)->owner_id;
  o.book_id = e.book_id;
  o.status = OrderStatus::payment_pending;
  o.total = *e.amount;
  o.provider = e.provider;
  o.provider_ref = e.provider_ref;
  o.idempotency_key = e.provider + ":" + e.provider_ref;
  o.created_at = o.updated_at = now;
  o.items.push_back({core::new_id("oi"), std::string(kShopOrderProduct), "digital_pdf", (*book)->title, 1, *e.amount});
  if (auto inserted = OrderStore::insert(conn, o); !inserted) return std::unexpected(inserted.error());
  return OrderStore::find(conn, o.id);
}

core::Result<WebhookProcessor::Applied> WebhookProcessor::apply(sql::Connection& conn, const Order& order,
                                                                const PaymentEvent& e) {
  switch (e.type) {
    case PaymentEventType::paid:
      return apply_paid(conn, order, e);
    case PaymentEventType::failed: {
      auto moved = OrderStore::transition(conn, order.id, order.status, OrderStatus::payment_failed, reason_of(e),
                                          clock_.unix_seconds());
      if (!moved) return std::unexpected(moved.error());
      if (!*moved) return Applied{"no_change", ""};
      // A declined payment gives the book back its preview state so the parent can try again.
      if (auto b = books_.move_book(conn, order.book_id, BookStatus::preview_ready); !b) return std::unexpected(b.error());
      return Applied{"applied", ""};
    }
    case PaymentEventType::refunded:
    case PaymentEventType::cancelled:
      return apply_taken_back(conn, order, e);
    case PaymentEventType::unknown:
      break;
  }
  return Applied{"ignored", ""};
}

core::Result<WebhookProcessor::Applied> WebhookProcessor::apply_paid(sql::Connection& conn, const Order& order,
                                                                     const PaymentEvent& e) {
  const std::int64_t now = clock_.unix_seconds();
  if (!can_transition(order.status, OrderStatus::paid)) return Applied{"no_change", ""};
  if (!e.amount || *e.amount != order.total) {
    const nlohmann::json details{{"order_id", order.id}, {"expected_minor", order.total.minor},
                                 {"expected_currency", order.total.currency},
                                 {"paid_minor", e.amount ? e.amount->minor : -1},
                                 {"paid_currency", e.amount ? e.amount->currency : ""}, {"event_id", e.event_id}};
    if (auto a = record_audit(conn, {"payment_amount_mismatch", order.id, "", "", details}, now); !a)
      return std::unexpected(a.error());
    return Applied{"rejected: amount does not match the order", ""};
  }
  auto moved = OrderStore::transition(conn, order.id, order.status, OrderStatus::paid, reason_of(e), now);
  if (!moved) return std::unexpected(moved.error());
  if (!*moved) return Applied{"no_change", ""};
  if (auto r = OrderStore::set_payment_ref(conn, order.id, e.payment_ref, now); !r) return std::unexpected(r.error());
  auto book_moved = books_.move_book(conn, order.book_id, BookStatus::paid);
  if (!book_moved) return std::unexpected(book_moved.error());
  if (!*book_moved) {
    // Paid for a book that cannot unlock (expired, deleted): the shop must refund by hand, so
    // it is on record, not only in a log line.
    core::log_warn("paid book could not move to paid", {{"order_id", order.id}, {"book_id", order.book_id}});
    const nlohmann::json details{{"order_id", order.id}, {"book_id", order.book_id}, {"event_id", e.event_id}};
    if (auto a = record_audit(conn, {"paid_book_not_unlocked", order.id, "", "", details}, now); !a)
      return std::unexpected(a.error());
  }
  if (auto q = jobs_.enqueue_finalize(conn, order.book_id, order.id); !q) return std::unexpected(q.error());
  return Applied{"applied", ""};
}

core::Result<WebhookProcessor::Applied> WebhookProcessor::apply_taken_back(sql::Connection& conn, const Order& order,
                                                                           const PaymentEvent& e) {
  const std::int64_t now = clock_.unix_seconds();
  const bool was_paid = grants_download(order.status);
  const OrderStatus to = e.type == PaymentEventType::refunded ? OrderStatus::refunded : OrderStatus::cancelled;
  auto moved = OrderStore::transition(conn, order.id, order.status, to, reason_of(e), now);
  if (!moved) return std::unexpected(moved.error());
  if (!*moved) return Applied{"no_change", ""};
  // A paid book that is taken back is refunded; an unpaid one goes back to its preview.
  auto b = books_.move_book(conn, order.book_id, was_paid ? BookStatus::refunded : BookStatus::preview_ready);
  if (!b) return std::unexpected(b.error());
  if (was_paid) {
    const nlohmann::json details{{"order_id", order.id}, {"book_id", order.book_id}, {"event_id", e.event_id},
                                 {"provider", e.provider}, {"status", to_string(to)}};
    if (auto a = record_audit(conn, {"order_refunded", order.id, "", "", details}, now); !a)
      return std::unexpected(a.error());
  }
  return Applied{"applied", was_paid ? order.id : std::string()};
}

}  // namespace storyloom::commerce
