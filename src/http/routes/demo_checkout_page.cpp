#include "http/routes/demo_checkout_page.hpp"

#include <fmt/format.h>

#include "commerce/mail_template.hpp"
#include "commerce/order_store.hpp"
#include "http/error_response.hpp"
#include "http/url.hpp"

namespace storyloom::http {
namespace {

using commerce::html_escape;

// Who is looking, if anyone: a stale session is no one (the page needs none), but a cross-site
// POST (csrf_origin_mismatch) or a rate limit is refused.
core::Result<std::optional<std::string>> viewer(Request& req, const CommerceRoutes& r) {
  if (!r.auth) return req.user_id;
  auto who = r.auth->optional_user(req);
  if (!who && who.error().kind == core::ErrorKind::unauthenticated) return std::optional<std::string>{};
  if (!who) return std::unexpected(who.error());
  return *who ? std::optional<std::string>{(*who)->user.id} : std::nullopt;
}

// The order behind the page; someone else's order is 404 like a missing one. A request with no
// session may open it: the order id is an unguessable capability, like the provider's own URL.
core::Result<commerce::Order> page_order(Request& req, const CommerceRoutes& r) {
  auto who = viewer(req, r);
  if (!who) return std::unexpected(who.error());
  auto conn = r.db->acquire();
  if (!conn) return std::unexpected(conn.error());
  auto order = commerce::OrderStore::find(**conn, req.param("order"));
  if (!order) return std::unexpected(order.error());
  if (!*order || (*order)->provider != "demo" || (*who && **who != (*order)->user_id))
    return core::fail(core::ErrorKind::not_found, "order_not_found", "We could not find this order.");
  return std::move(**order);
}

std::string render_page(const commerce::Order& o, const std::string& shop) {
  std::string items;
  for (const auto& i : o.items)
    items += fmt::format("<tr><td>{}</td><td class=\"amount\">{}</td></tr>", html_escape(i.name),
                         html_escape(core::format_money({i.unit_price.minor * i.quantity, i.unit_price.currency})));
  const bool open = o.status == commerce::OrderStatus::payment_pending || o.status == commerce::OrderStatus::payment_failed;
  const std::string action = "/checkout/demo/" + percent_encode(o.id);
  const std::string buttons =
      open ? fmt::format(R"(<form method="post" action="{0}/pay"><button class="pay" type="submit">Pay {1}</button></form>
<form method="post" action="{0}/decline"><button class="decline" type="submit">Decline</button></form>)",
                         action, html_escape(core::format_money(o.total)))
           : fmt::format("<p class=\"state\">This order is {}.</p>", html_escape(std::string(commerce::to_string(o.status))));
  return fmt::format(R"(<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Pay {0} — demo checkout</title>
<style>
body {{ margin: 0; font-family: system-ui, sans-serif; background: #f6f3ee; color: #24211d; }}
main {{ max-width: 440px; margin: 48px auto; background: #fff; border-radius: 14px; padding: 28px; box-shadow: 0 2px 12px #0001; }}
h1 {{ font-size: 1.35rem; margin: 0 0 4px; }} .note {{ color: #5d5850; font-size: .9rem; margin: 0 0 20px; }}
table {{ width: 100%; border-collapse: collapse; margin-bottom: 20px; }} td {{ padding: 8px 0; border-bottom: 1px solid #eee; }}
.amount {{ text-align: right; }} tfoot td {{ font-weight: 700; border: 0; }}
form {{ margin: 0 0 10px; }} button {{ width: 100%; font-size: 1rem; padding: 14px; border-radius: 10px; cursor: pointer; }}
.pay {{ background: #2f6fd0; color: #fff; border: 0; }} .decline {{ background: #fff; color: #24211d; border: 1px solid #bbb; }}
button:focus-visible {{ outline: 3px solid #f0a020; outline-offset: 2px; }}
</style></head>
<body><main>
<h1>{0}</h1>
<p class="note">Demo checkout: no card is charged. Pay or decline to see what a real payment would do.</p>
<table><tbody>{1}</tbody><tfoot><tr><td>Total</td><td class="amount">{2}</td></tr></tfoot></table>
{3}
</main></body></html>
)",
                     html_escape(shop), items, html_escape(core::format_money(o.total)), buttons);
}

Response see_other(const std::string& location) {
  Response res;
  res.status = 303;
  res.headers.set("Location", location);
  return res;
}

}  // namespace

void add_demo_checkout_page(Router& router, const CommerceRoutes& r) {
  router.get("/checkout/demo/{order}", [r](Request& req) {
    auto order = page_order(req, r);
    if (!order) return error_response(req, order.error());
    Response res = Response::html(200, render_page(*order, r.shop_name));
    res.headers.set("Cache-Control", "no-store");
    return res;
  });
  router.post("/checkout/demo/{order}/{outcome}", [r](Request& req) {
    const std::string& outcome = req.param("outcome");
    if (outcome != "pay" && outcome != "decline")
      return error_response(req, core::ErrorKind::not_found, "not_found", "No such page.");
    auto order = page_order(req, r);
    if (!order) return error_response(req, order.error());
    commerce::WebhookRequest hook =
        r.demo->make_webhook(*order, outcome == "pay" ? commerce::DemoOutcome::pay : commerce::DemoOutcome::decline);
    hook.ip = req.remote_address;
    hook.request_id = req.request_id;
    auto accepted = r.intake->accept("demo", hook);
    if (!accepted) return error_response(req, accepted.error());
    const std::string book = percent_encode(order->book_id);
    return see_other(outcome == "pay" ? "/books/" + book + "/confirmation" : "/books/" + book + "/checkout?cancelled=1");
  });
}

}  // namespace storyloom::http
