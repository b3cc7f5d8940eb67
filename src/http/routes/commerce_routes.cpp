#include "http/routes/commerce_routes.hpp"

#include <charconv>

#include "accounts/email_address.hpp"
#include "commerce/order_store.hpp"
#include "core/log.hpp"
#include "http/error_response.hpp"
#include "http/json_body.hpp"
#include "http/routes/demo_checkout_page.hpp"

namespace storyloom::http {
namespace {

using commerce::Order;
using commerce::OrderStore;
using nlohmann::json;

Response failed(const Request& req, const CommerceRoutes& r, const core::Error& e) {
  return r.auth ? r.auth->error(req, e) : error_response(req, e);
}

// The caller's own order, or 404 exactly as for a missing one.
core::Result<Order> owned_order(sql::Database& db, const std::string& user_id, const std::string& id) {
  auto conn = db.acquire();
  if (!conn) return std::unexpected(conn.error());
  auto order = OrderStore::find(**conn, id);
  if (!order) return std::unexpected(order.error());
  if (!*order || (*order)->user_id != user_id)
    return core::fail(core::ErrorKind::not_found, "order_not_found", "We could not find this order.");
  return std::move(**order);
}

json order_json(const Order& o, commerce::Delivery* delivery, const std::string& user_id) {
  json j = commerce::to_json(o);
  j["download_links"] = json::array();
  if (delivery && commerce::grants_download(o.status))
    if (auto link = delivery->download_link(user_id, o.book_id, "pdf"))
      j["download_links"].push_back({{"format", "pdf"}, {"url", *link}});
  return j;
}

core::Result<commerce::CheckoutInput> checkout_input(const Request& req, const accounts::User& who) {
  auto body = parse_json_object(req);
  if (!body) return std::unexpected(body.error());
  auto text = [&](const char* key) {
    auto it = body->find(key);
    return it != body->end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  commerce::CheckoutInput in{who.id, req.param("id"), text("product"), text("shipping_option"), std::nullopt,
                             text("email"), std::string(req.header("Idempotency-Key").value_or("")), text("provider"),
                             text("success_url"), text("cancel_url")};
  // The download link goes to the account's address unless the buyer names another.
  if (in.email.empty()) {
    in.email = who.email.value_or(who.guest_email.value_or(""));
  } else {
    auto email = accounts::normalize_email(in.email);
    if (!email) return core::fail(email.error().with_details({{"field", "email"}}));
    in.email = std::move(*email);
  }
  if (in.idempotency_key.size() > 200)
    return core::fail(core::ErrorKind::invalid_argument, "idempotency_key_invalid", "The Idempotency-Key is too long.");
  if (body->contains("shipping_address") && !(*body)["shipping_address"].is_null()) {
    auto address = commerce::shipping_address_from_json((*body)["shipping_address"]);
    if (!address) return std::unexpected(address.error());
    in.shipping = *address;
  }
  return in;
}

// A guest's checkout email lets the account they make later, on any device, claim this guest's
// books and orders through a mailed link (Accounts::offer_guest_claims); the email alone moves
// nothing. The order is made either way, so a failure here is logged, not answered.
void remember_guest_email(const CommerceRoutes& r, const accounts::User& who, const std::string& email) {
  if (!r.auth || !who.is_guest() || email.empty() || who.guest_email == email) return;
  if (auto saved = r.auth->accounts().set_guest_email(who.id, email); !saved)
    core::log_warn("guest email not saved", {{"user_id", who.id}, {"code", saved.error().code}});
}

void add_products(Router& router, const CommerceRoutes& r) {
  router.get("/api/products", [r](Request&) {
    json products = json::array();
    for (const auto& p : r.catalog->products()) products.push_back(commerce::to_json(p));
    return Response::json(200, {{"products", products}});
  });
}

void add_checkout(Router& router, const CommerceRoutes& r) {
  router.post("/api/books/{id}/checkout", [r](Request& req) {
    auto who = commerce_caller(req, r);
    if (!who) return failed(req, r, who.error());
    auto in = checkout_input(req, *who);
    if (!in) return failed(req, r, in.error());
    auto started = r.checkout->start(*in);
    if (!started) return failed(req, r, started.error());
    remember_guest_email(r, *who, in->email);
    return Response::json(started->reused ? 200 : 201,
                          {{"order_id", started->order.id}, {"checkout_url", started->checkout_url},
                           {"order", commerce::to_json(started->order)}});
  });
}

void add_webhooks(Router& router, const CommerceRoutes& r) {
  router.post("/webhooks/{provider}", [r](Request& req) {
    commerce::WebhookRequest hook;
    hook.body = req.body;  // the raw bytes, exactly as received
    for (const auto& [name, value] : req.headers) hook.headers.emplace_back(name, value);
    hook.ip = req.remote_address;
    hook.request_id = req.request_id;
    auto accepted = r.intake->accept(req.param("provider"), hook);
    if (!accepted) return error_response(req, accepted.error());
    return Response::json(200, {{"received", true}, {"duplicate", accepted->duplicate}});
  });
}

core::Result<int> page_limit(const Request& req) {
  int limit = 20;
  if (auto l = req.query_param("limit")) {
    const auto [end, ec] = std::from_chars(l->data(), l->data() + l->size(), limit);
    if (ec != std::errc{} || end != l->data() + l->size() || limit < 1 || limit > 100)
      return core::fail(core::ErrorKind::invalid_argument, "limit_invalid", "limit must be 1 to 100.",
                        {{"field", "limit"}});
  }
  return limit;
}

Response list_orders(Request& req, const CommerceRoutes& r) {
  auto who = commerce_caller(req, r);
  if (!who) return failed(req, r, who.error());
  auto limit = page_limit(req);
  if (!limit) return failed(req, r, limit.error());
  core::Result<commerce::OrderPage> page = core::fail(core::ErrorKind::internal, "unreachable", "");
  {  // the connection goes back to the pool before download links borrow one
    auto conn = r.db->acquire();
    if (!conn) return failed(req, r, conn.error());
    page = OrderStore::list_for_user(**conn, who->id, *limit, req.query_param("cursor").value_or(""));
  }
  if (!page) return failed(req, r, page.error());
  json orders = json::array();
  for (const auto& o : page->orders) orders.push_back(order_json(o, r.delivery, who->id));
  return Response::json(200, {{"orders", orders},
                              {"next_cursor", page->next_cursor.empty() ? json(nullptr) : json(page->next_cursor)}});
}

void add_orders(Router& router, const CommerceRoutes& r) {
  router.get("/api/orders", [r](Request& req) { return list_orders(req, r); });
  router.get("/api/orders/{id}", [r](Request& req) {
    auto who = commerce_caller(req, r);
    if (!who) return failed(req, r, who.error());
    auto order = owned_order(*r.db, who->id, req.param("id"));
    if (!order) return failed(req, r, order.error());
    return Response::json(200, order_json(*order, r.delivery, who->id));
  });
}

void add_download(Router& router, const CommerceRoutes& r) {
  router.get("/api/books/{id}/download", [r](Request& req) {
    auto who = commerce_caller(req, r);
    if (!who) return failed(req, r, who.error());
    auto link = r.delivery->download_link(who->id, req.param("id"), req.query_param("format").value_or("pdf"));
    if (!link) return failed(req, r, link.error());
    Response res;
    res.status = 302;
    res.headers.set("Location", *link);
    res.headers.set("Cache-Control", "no-store");
    return res;
  });
}

}  // namespace

core::Result<accounts::User> commerce_caller(Request& req, const CommerceRoutes& r) {
  if (r.auth) {
    auto who = r.auth->require_user(req);
    if (!who) return std::unexpected(who.error());
    return std::move(who->user);
  }
  if (!req.user_id || req.user_id->empty())
    return core::fail(core::ErrorKind::unauthenticated, "unauthenticated", "Please sign in first.");
  return accounts::User{.id = *req.user_id};
}

void add_commerce_routes(Router& router, const CommerceRoutes& r) {
  if (r.catalog) add_products(router, r);
  if (r.intake) add_webhooks(router, r);
  if (r.db) add_orders(router, r);
  if (r.checkout) add_checkout(router, r);
  if (r.delivery) add_download(router, r);
  if (r.demo && r.intake) add_demo_checkout_page(router, r);
}

}  // namespace storyloom::http
