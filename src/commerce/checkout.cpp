#include "commerce/checkout.hpp"

#include "commerce/order_store.hpp"
#include "core/ids.hpp"
#include "core/log.hpp"
#include "sql/transaction.hpp"

namespace storyloom::commerce {
namespace {
using core::ErrorKind;
}  // namespace

core::Result<Order> CheckoutService::build_order(const CheckoutInput& in, const PaymentProvider& provider) const {
  const Product* product = catalog_.find(in.product_id);
  if (!product || !product->unlocks_book())
    return core::fail(ErrorKind::invalid_argument, "product_unknown", "Please choose one of the offered products.",
                      {{"field", "product"}});
  const std::int64_t now = clock_.unix_seconds();
  Order o;
  o.id = core::new_id("ord");
  o.user_id = in.user_id;
  o.book_id = in.book_id;
  o.email = in.email;
  o.provider = std::string(provider.name());
  o.idempotency_key = in.idempotency_key.empty() ? core::new_id("idem") : in.idempotency_key;
  o.created_at = o.updated_at = now;
  o.items.push_back({core::new_id("oi"), product->id, product->kind, product->name, 1, product->price});
  o.total = product->price;
  if (product->is_printed()) {
    const ShippingOption* option =
        in.shipping_option.empty() ? &product->shipping.front() : product->shipping_option(in.shipping_option);
    if (!option)
      return core::fail(ErrorKind::invalid_argument, "shipping_option_unknown", "Please choose a delivery option.",
                        {{"field", "shipping_option"}});
    if (!in.shipping)
      return core::fail(ErrorKind::invalid_argument, "shipping_address_invalid",
                        "A printed book needs a shipping address.", {{"field", "shipping_address"}});
    auto address = validate_shipping_address(*in.shipping, option->needs_phone);
    if (!address) return std::unexpected(address.error());
    o.shipping = *address;
    o.items.push_back({core::new_id("oi"), "shipping:" + option->id, "shipping", option->name, 1, option->price});
    o.total.minor += option->price.minor;
  }
  return o;
}

core::Result<void> CheckoutService::check_book(sql::Connection& conn, const CheckoutInput& in) {
  auto book = books_.find_book(conn, in.book_id);
  if (!book) return std::unexpected(book.error());
  if (!*book || (*book)->owner_id != in.user_id)
    return core::fail(ErrorKind::not_found, "book_not_found", "We could not find this book.");
  auto paid = OrderStore::find_paid_for_book(conn, in.book_id);
  if (!paid) return std::unexpected(paid.error());
  if (*paid)
    return core::fail(ErrorKind::conflict, "book_already_paid", "This book is already paid for.",
                      {{"order_id", (*paid)->id}});
  const auto s = (*book)->status;
  if (s != core::BookStatus::preview_ready && s != core::BookStatus::payment_pending)
    return core::fail(ErrorKind::conflict, "book_not_purchasable", "This book cannot be bought right now.",
                      {{"status", core::to_string(s)}});
  return {};
}

core::Result<CheckoutStarted> CheckoutService::start(const CheckoutInput& in) {
  auto provider = providers_.for_checkout(in.provider);
  if (!provider) return std::unexpected(provider.error());
  auto conn = db_->acquire();
  if (!conn) return std::unexpected(conn.error());
  if (!in.idempotency_key.empty()) {
    auto earlier = OrderStore::find_by_idempotency_key(**conn, in.user_id, in.idempotency_key);
    if (!earlier) return std::unexpected(earlier.error());
    if (*earlier) {
      if ((*earlier)->book_id != in.book_id)
        return core::fail(ErrorKind::conflict, "idempotency_key_reused",
                          "This Idempotency-Key was used for another book.");
      if (!(*earlier)->checkout_url.empty()) return CheckoutStarted{std::move(**earlier), (*earlier)->checkout_url, true};
      PaymentProvider* earlier_provider = providers_.find((*earlier)->provider);
      if (!earlier_provider)
        return core::fail(ErrorKind::invalid_argument, "payments_provider_unknown",
                          "This payment method is no longer available in this shop.");
      return open_checkout(std::move(**earlier), in, *earlier_provider);  // the provider call failed last time
    }
  }
  auto order = build_order(in, **provider);
  if (!order) return std::unexpected(order.error());
  {
    auto tx = sql::Transaction::begin(**conn);
    if (!tx) return std::unexpected(tx.error());
    if (auto ok = check_book(**conn, in); !ok) return std::unexpected(ok.error());
    if (auto inserted = OrderStore::insert(**conn, *order); !inserted) return std::unexpected(inserted.error());
    if (auto committed = tx->commit(); !committed) return std::unexpected(committed.error());
  }
  return open_checkout(std::move(*order), in, **provider);
}

// The provider is called outside any transaction (it is a network call); its answer is stored
// afterwards. If this fails half-way the order stays `pending` and a retry resumes it.
core::Result<CheckoutStarted> CheckoutService::open_checkout(Order order, const CheckoutInput& in,
                                                             PaymentProvider& provider) {
  auto session = provider.create_checkout({order, order.idempotency_key, in.success_url, in.cancel_url});
  if (!session) return std::unexpected(session.error());
  auto conn = db_->acquire();
  if (!conn) return std::unexpected(conn.error());
  auto tx = sql::Transaction::begin(**conn);
  if (!tx) return std::unexpected(tx.error());
  const std::int64_t now = clock_.unix_seconds();
  if (auto r = OrderStore::set_checkout(**conn, order.id, session->provider_ref, session->checkout_url, now); !r)
    return std::unexpected(r.error());
  auto moved = OrderStore::transition(**conn, order.id, order.status, OrderStatus::payment_pending, "checkout", now);
  if (!moved) return std::unexpected(moved.error());
  if (auto b = books_.move_book(**conn, order.book_id, core::BookStatus::payment_pending); !b)
    return std::unexpected(b.error());
  if (auto committed = tx->commit(); !committed) return std::unexpected(committed.error());
  core::log_info("checkout opened", {{"order_id", order.id}, {"provider", provider.name()}});
  auto fresh = OrderStore::find(**conn, order.id);
  if (!fresh) return std::unexpected(fresh.error());
  return CheckoutStarted{std::move(**fresh), session->checkout_url, false};
}

}  // namespace storyloom::commerce
