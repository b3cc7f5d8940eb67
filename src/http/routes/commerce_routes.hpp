// Commerce over HTTP: products, checkout, payment webhooks, orders, downloads and the demo
// provider's checkout page. Handlers translate between HTTP and the commerce services; the
// services decide.
//   GET  /api/products                   {products: [...]}
//   POST /api/books/{id}/checkout        201 {order_id, checkout_url, order}
//   POST /webhooks/{provider}            200 {received, duplicate}; 400 bad signature
//   GET  /api/orders?limit=&cursor=      {orders, next_cursor} newest first
//   GET  /api/orders/{id}                the order, with download links once paid
//   GET  /api/books/{id}/download?format=pdf   302 to a signed link
//   GET  /checkout/demo/{order}          the demo provider's Pay / Decline page
//   POST /checkout/demo/{order}/{outcome}  pay | decline → signed webhook to /webhooks/demo
#pragma once

#include <memory>

#include "commerce/checkout.hpp"
#include "commerce/delivery.hpp"
#include "commerce/demo_provider.hpp"
#include "commerce/webhook_intake.hpp"
#include "http/auth.hpp"
#include "http/router.hpp"
#include "sql/database.hpp"

namespace storyloom::http {

// Everything must outlive the router. Null members switch their routes off; `demo` exists only
// when it is the shop's provider. Routes for a user (all but the products, the webhook and the
// demo page) identify the caller through `auth` (session cookie or bearer token, CSRF, rate
// limits); without it, through req.user_id as set by an earlier layer (tests).
struct CommerceRoutes {
  std::shared_ptr<sql::Database> db;
  const commerce::ProductCatalog* catalog = nullptr;
  commerce::WebhookIntake* intake = nullptr;
  commerce::CheckoutService* checkout = nullptr;
  commerce::Delivery* delivery = nullptr;
  commerce::DemoProvider* demo = nullptr;
  const Auth* auth = nullptr;
  std::string shop_name = "Storyloom";
};

// The signed-in caller (see CommerceRoutes::auth), else 401 and friends.
core::Result<accounts::User> commerce_caller(Request& req, const CommerceRoutes& routes);

void add_commerce_routes(Router& router, const CommerceRoutes& routes);

}  // namespace storyloom::http
