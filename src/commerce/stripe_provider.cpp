#include "commerce/stripe_provider.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "commerce/form_encoding.hpp"
#include "commerce/timestamped_signature.hpp"
#include "core/log.hpp"
#include "core/text.hpp"
#include "commerce/json_fields.hpp"

namespace storyloom::commerce {
namespace {

using nlohmann::json;

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}
std::optional<core::Money> money(const json& object, const char* amount_key) {
  auto it = object.find(amount_key);
  if (it == object.end() || !it->is_number_integer() || field_text(object, "currency").empty()) return std::nullopt;
  return core::Money{it->get<std::int64_t>(), core::ascii_upper(field_text(object, "currency"))};
}

FormFields session_form(const CheckoutRequest& r) {
  const Order& o = r.order;
  FormFields f{{"mode", "payment"},
               {"client_reference_id", o.id},
               {"success_url", r.success_url},
               {"cancel_url", r.cancel_url},
               {"metadata[order_id]", o.id},
               {"metadata[book_id]", o.book_id},
               {"payment_intent_data[metadata][order_id]", o.id},
               {"payment_intent_data[metadata][book_id]", o.book_id}};
  if (!o.email.empty()) f.emplace_back("customer_email", o.email);
  for (std::size_t i = 0; i < o.items.size(); ++i) {
    const auto& item = o.items[i];
    const std::string p = fmt::format("line_items[{}]", i);
    f.emplace_back(p + "[quantity]", std::to_string(item.quantity));
    f.emplace_back(p + "[price_data][currency]", lower(item.unit_price.currency));
    f.emplace_back(p + "[price_data][unit_amount]", std::to_string(item.unit_price.minor));
    f.emplace_back(p + "[price_data][product_data][name]", item.name);
  }
  return f;
}

// The order an object belongs to: our metadata first, the session's client_reference_id next.
void read_references(const json& object, PaymentEvent& e) {
  if (auto md = object.find("metadata"); md != object.end() && md->is_object()) {
    e.order_id = field_text(*md, "order_id");
    e.book_id = field_text(*md, "book_id");
  }
  if (e.order_id.empty()) e.order_id = field_text(object, "client_reference_id");
}

void classify(const json& object, PaymentEvent& e) {
  const std::string& t = e.raw_type;
  if (t.starts_with("checkout.session.")) {
    e.provider_ref = field_text(object, "id");
    e.payment_ref = field_text(object, "payment_intent");
    e.amount = money(object, "amount_total");
    if ((t == "checkout.session.completed" && field_text(object, "payment_status") == "paid") ||
        t == "checkout.session.async_payment_succeeded")
      e.type = PaymentEventType::paid;
    else if (t == "checkout.session.async_payment_failed")
      e.type = PaymentEventType::failed;
  } else if (t.starts_with("payment_intent.")) {
    e.payment_ref = field_text(object, "id");
    if (t == "payment_intent.succeeded") {
      e.type = PaymentEventType::paid;
      e.amount = money(object, "amount_received");
    } else if (t == "payment_intent.payment_failed") {
      e.type = PaymentEventType::failed;
      e.amount = money(object, "amount");
    }
  } else if (t == "charge.refunded") {
    e.payment_ref = field_text(object, "payment_intent");
    e.amount = money(object, "amount_refunded");
    // A partial refund keeps the book; only a full refund takes the order back.
    if (object.value("refunded", false)) e.type = PaymentEventType::refunded;
  }
}

}  // namespace

core::Result<CheckoutSession> StripeProvider::create_checkout(const CheckoutRequest& request) {
  if (config_.secret_key.empty())
    return core::fail(core::ErrorKind::unsupported, "payments_checkout_unconfigured",
                      "Stripe checkout needs STORYLOOM_STRIPE_SECRET_KEY.");
  const std::string url = config_.api_base + "/v1/checkout/sessions";
  auto response = http_.post(url,
                             {{"Authorization", "Bearer " + config_.secret_key},
                              {"Content-Type", "application/x-www-form-urlencoded"},
                              {"Idempotency-Key", request.idempotency_key},
                              {"Stripe-Version", "2024-06-20"}},
                             form_encode(session_form(request)));
  if (!response)
    return core::fail(core::ErrorKind::unavailable, "payments_provider_unavailable",
                      "The payment provider could not be reached. Please try again.", response.error().details);
  const json body = json::parse(response->body, nullptr, false);
  if (response->status / 100 != 2 || !body.is_object() || field_text(body, "url").empty() || field_text(body, "id").empty()) {
    // Stripe's error message may name our configuration; it is logged, not shown to buyers.
    core::log_warn("stripe checkout refused", {{"status", response->status}, {"order_id", request.order.id},
                                                {"error", body.is_object() ? body.value("error", json()) : json()}});
    return core::fail(core::ErrorKind::unavailable, "payments_provider_unavailable",
                      "The payment provider refused the checkout. Please try again.", {{"status", response->status}});
  }
  return CheckoutSession{field_text(body, "url"), field_text(body, "id")};
}

core::Result<void> StripeProvider::verify_webhook(const WebhookRequest& request) const {
  const auto header = request.header("Stripe-Signature");
  if (!header) return std::unexpected(signature_invalid("signature header missing"));
  return verify_timestamped_signature(*header, request.body, config_.webhook_secret, clock_.unix_seconds(),
                                      config_.tolerance);
}

core::Result<PaymentEvent> StripeProvider::parse_event(const WebhookRequest& request) const {
  const json event = json::parse(request.body, nullptr, false);
  if (!event.is_object() || field_text(event, "id").empty() || field_text(event, "type").empty())
    return std::unexpected(payload_invalid("expected a Stripe event with id and type"));
  PaymentEvent e;
  e.provider = "stripe";
  e.event_id = field_text(event, "id");
  e.raw_type = field_text(event, "type");
  const json object = event.contains("data") && event["data"].is_object() ? event["data"].value("object", json::object())
                                                                          : json::object();
  if (!object.is_object()) return e;
  read_references(object, e);
  classify(object, e);
  return e;
}

}  // namespace storyloom::commerce
