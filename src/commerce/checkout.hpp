// Starting a purchase: POST /api/books/{id}/checkout. Prices come from the product catalog,
// never from the client. The order is written before the provider is called, and the call
// carries the order's idempotency key, so a retried request (same Idempotency-Key) finds the
// same order and the provider answers with the same session instead of charging twice.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "commerce/book_unlock_port.hpp"
#include "commerce/order.hpp"
#include "commerce/payment_providers.hpp"
#include "commerce/product_catalog.hpp"
#include "core/clock.hpp"
#include "sql/database.hpp"

namespace storyloom::commerce {

struct CheckoutInput {
  std::string user_id;
  std::string book_id;
  std::string product_id;                   // catalog/products.json id
  std::string shipping_option;              // printed products; empty = the first option
  std::optional<ShippingAddress> shipping;  // printed products only
  std::string email;                        // where the download link goes
  std::string idempotency_key;              // the client's Idempotency-Key; empty = a fresh one
  std::string provider;                     // empty = the shop's default
  std::string success_url, cancel_url;
};

struct CheckoutStarted {
  Order order;
  std::string checkout_url;
  bool reused = false;  // an earlier request with the same key made this order
};

class CheckoutService {
 public:
  CheckoutService(std::shared_ptr<sql::Database> db, const ProductCatalog& catalog, PaymentProviders& providers,
                  BookUnlockPort& books, const core::Clock& clock)
      : db_(std::move(db)), catalog_(catalog), providers_(providers), books_(books), clock_(clock) {}

  // Errors: product_unknown / shipping_address_invalid / shipping_option_unknown (400),
  // book_not_found (404, also for someone else's book), book_not_purchasable and
  // book_already_paid (409), payments_provider_unavailable (503).
  core::Result<CheckoutStarted> start(const CheckoutInput& input);

 private:
  core::Result<Order> build_order(const CheckoutInput& input, const PaymentProvider& provider) const;
  core::Result<void> check_book(sql::Connection& conn, const CheckoutInput& input);
  core::Result<CheckoutStarted> open_checkout(Order order, const CheckoutInput& input, PaymentProvider& provider);

  std::shared_ptr<sql::Database> db_;
  const ProductCatalog& catalog_;
  PaymentProviders& providers_;
  BookUnlockPort& books_;
  const core::Clock& clock_;
};

}  // namespace storyloom::commerce
