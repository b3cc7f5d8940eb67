#include "commerce/demo_provider.hpp"

#include <nlohmann/json.hpp>

#include "commerce/timestamped_signature.hpp"

namespace storyloom::commerce {
namespace {
using nlohmann::json;
constexpr std::chrono::seconds kTolerance{300};
}  // namespace

core::Result<CheckoutSession> DemoProvider::create_checkout(const CheckoutRequest& request) {
  return CheckoutSession{base_url_ + "/checkout/demo/" + request.order.id, "demo_" + request.order.id};
}

core::Result<void> DemoProvider::verify_webhook(const WebhookRequest& request) const {
  const auto header = request.header(kSignatureHeader);
  if (!header) return std::unexpected(signature_invalid("signature header missing"));
  return verify_timestamped_signature(*header, request.body, secret_, clock_.unix_seconds(), kTolerance);
}

core::Result<PaymentEvent> DemoProvider::parse_event(const WebhookRequest& request) const {
  const json body = json::parse(request.body, nullptr, false);
  if (!body.is_object() || !body.value("id", json()).is_string() || !body.value("type", json()).is_string())
    return std::unexpected(payload_invalid("expected a demo event with id and type"));
  PaymentEvent e;
  e.provider = "demo";
  e.event_id = body["id"].get<std::string>();
  e.raw_type = body["type"].get<std::string>();
  e.order_id = body.value("order_id", "");
  e.provider_ref = "demo_" + e.order_id;
  if (e.raw_type == "payment.succeeded") e.type = PaymentEventType::paid;
  if (e.raw_type == "payment.declined") e.type = PaymentEventType::failed;
  if (e.raw_type == "payment.refunded") e.type = PaymentEventType::refunded;
  if (body.value("amount_minor", json()).is_number_integer() && body.value("currency", json()).is_string())
    e.amount = core::Money{body["amount_minor"].get<std::int64_t>(), body["currency"].get<std::string>()};
  return e;
}

WebhookRequest DemoProvider::make_webhook(const Order& order, DemoOutcome outcome) const {
  const bool pay = outcome == DemoOutcome::pay;
  const json event{{"id", "evt_demo_" + order.id + (pay ? "_paid" : "_declined")},
                   {"type", pay ? "payment.succeeded" : "payment.declined"},
                   {"order_id", order.id},
                   {"amount_minor", order.total.minor},
                   {"currency", order.total.currency}};
  WebhookRequest request;
  request.body = event.dump();
  request.headers.emplace_back(std::string(kSignatureHeader), sign_timestamped(request.body, secret_, clock_.unix_seconds()));
  request.headers.emplace_back("Content-Type", "application/json");
  return request;
}

}  // namespace storyloom::commerce
