#include "http/routes/commerce_routes.hpp"

#include <charconv>

#include "commerce/order_store.hpp"
#include "http/error_response.hpp"
#include "http/json_body.hpp"
#include "http/routes/demo_checkout_page.hpp"

namespace storyloom::http {
namespace {

using commerce::Order;
using commerce::OrderStore;
using nlohmann::json;

Response unauthenticated(const Request& req) {
  return error_response(req, core::ErrorKind::unauthenticated, "unauthenticated", "Please sign in first.");
}

// The caller's own order, or 404 exactly as for a missing one.
core::Result<Order> owned_order(sql::Database& db, const Request& req, const std::string& id) {
  auto conn = db.acquire();
  if (!conn) return std::unexpected(conn.error());
  auto order = OrderStore::find(**conn, id);
  if (!order) return std::unexpected(order.error());
  if (!*order || (*order)->user_id != *req.user_id)
    return core::fail(core::ErrorKind::not_found, "order_not_found", "We could not find this order.");
  return std::move(**order);
}

json order_json(const Order& o, commerce::Delivery* delivery, const Request& req) {
  json j = commerce::to_json(o);
  j["download_links"] = json::array();
  if (delivery && commerce::grants_download(o.status))
    if (auto link = delivery->download_link(*req.user_id, o.book_id, "pdf"))
      j["download_links"].push_back({{"format", "pdf"}, {"url", *link}});
  return j;
}

core::Result<commerce::CheckoutInput> checkout_input(const Request& req) {
  auto body = parse_json_object(req);
  if (!body) return std::unexpected(body.error());
  auto text = [&](const char* key) {
    auto it = body->find(key);
    return it != body->end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  commerce::CheckoutInput in{*req.user_id, req.param("id"), text("product"), text("shipping_option"), std::nullopt,
                             text("email"), std::string(req.header("Idempotency-Key").value_or("")), text("provider"),
                             text("success_url"), text("cancel_url")};
  if (in.idempotency_key.size() > 200)
    return core::fail(core::ErrorKind::invalid_argument, "idempotency_key_invalid", "The Idempotency-Key is too long.");
  if (body->contains("shipping_address") && !(*body)["shipping_address"].is_null()) {
    auto address = commerce::shipping_address_from_json((*body)["shipping_address"]);
    if (!address) return std::unexpected(address.error());
    in.shipping = *address;
  }
  return in;
}

void add_checkout(Router& router, const CommerceRoutes& r) {
  router.post("/api/books/{id}/checkout", [r](Request& req) {
    if (!req.user_id) return unauthenticated(req);
    auto in = checkout_input(req);
    if (!in) return error_response(req, in.error());
    auto started = r.checkout->start(*in);
    if (!started) return error_response(req, started.error());
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

void add_orders(Router& router, const CommerceRoutes& r) {
  router.get("/api/orders", [r](Request& req) {
    if (!req.user_id) return unauthenticated(req);
    int limit = 20;
    if (auto l = req.query_param("limit")) {
      const auto [end, ec] = std::from_chars(l->data(), l->data() + l->size(), limit);
      if (ec != std::errc{} || end != l->data() + l->size() || limit < 1 || limit > 100)
        return error_response(req, core::ErrorKind::invalid_argument, "limit_invalid", "limit must be 1 to 100.",
                              {{"field", "limit"}});
    }
    core::Result<commerce::OrderPage> page = core::fail(core::ErrorKind::internal, "unreachable", "");
    {  // the connection goes back to the pool before download links borrow one
      auto conn = r.db->acquire();
      if (!conn) return error_response(req, conn.error());
      page = OrderStore::list_for_user(**conn, *req.user_id, limit, req.query_param("cursor").value_or(""));
    }
    if (!page) return error_response(req, page.error());
    json orders = json::array();
    for (const auto& o : page->orders) orders.push_back(order_json(o, r.delivery, req));
    return Response::json(200, {{"orders", orders}, {"next_cursor", page->next_cursor.empty() ? json(nullptr) : json(page->next_cursor)}});
  });
  router.get("/api/orders/{id}", [r](Request& req) {
    if (!req.user_id) return unauthenticated(req);
    auto order = owned_order(*r.db, req, req.param("id"));
    if (!order) return error_response(req, order.error());
    return Response::json(200, order_json(*order, r.delivery, req));
  });
}

void add_download(Router& router, const CommerceRoutes& r) {
  router.get("/api/books/{id}/download", [r](Request& req) {
    if (!req.user_id) return unauthenticated(req);
    auto link = r.delivery->download_link(*req.user_id, req.param("id"), req.query_param("format").value_or("pdf"));
    if (!link) return error_response(req, link.error());
    Response res;
    res.status = 302;
    res.headers.set("Location", *link);
    res.headers.set("Cache-Control", "no-store");
    return res;
  });
}

}  // namespace

void add_commerce_routes(Router& router, const CommerceRoutes& r) {
  if (r.intake) add_webhooks(router, r);
  if (r.db) add_orders(router, r);
  if (r.checkout) add_checkout(router, r);
  if (r.delivery) add_download(router, r);
  if (r.demo && r.intake) add_demo_checkout_page(router, r);
}

}  // namespace storyloom::http
