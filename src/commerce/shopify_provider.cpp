#include "commerce/shopify_provider.hpp"

#include <cctype>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "commerce/form_encoding.hpp"
#include "commerce/shopify_signature.hpp"
#include "commerce/json_fields.hpp"

namespace storyloom::commerce {
namespace {

using nlohmann::json;

constexpr std::string_view kOrderAttribute = "storyloom_order_id";
constexpr std::string_view kBookAttribute = "storyloom_book_id";

// Looks `name` (or "_" + name, Shopify's convention for hidden properties) up in a list of
// {name, value} pairs.
std::string named_value(const json& list, std::string_view name) {
  if (!list.is_array()) return {};
  for (const auto& p : list) {
    if (!p.is_object()) continue;
    const std::string n = field_text(p, "name");
    if (n == name || n == "_" + std::string(name)) return field_text(p, "value");
  }
  return {};
}

std::optional<std::string> first_header(const WebhookRequest& r, std::string_view prefixed, std::string_view plain) {
  if (auto v = r.header(prefixed); v && !v->empty()) return v;
  if (auto v = r.header(plain); v && !v->empty()) return v;
  return std::nullopt;
}

}  // namespace

std::optional<std::int64_t> parse_decimal_minor(std::string_view text, int digits) {
  std::int64_t whole = 0, frac = 0;
  int frac_digits = 0;
  bool seen_dot = false, seen_digit = false;
  for (char c : text) {
    if (c == '.' && !seen_dot) {
      seen_dot = true;
    } else if (std::isdigit(static_cast<unsigned char>(c))) {
      seen_digit = true;
      if (!seen_dot) {
        if (whole > 1'000'000'000'000) return std::nullopt;
        whole = whole * 10 + (c - '0');
      } else if (++frac_digits <= digits) {
        frac = frac * 10 + (c - '0');
      } else if (c != '0') {
        return std::nullopt;  // more precision than the currency has
      }
    } else {
      return std::nullopt;
    }
  }
  if (!seen_digit) return std::nullopt;
  for (; frac_digits < digits; ++frac_digits) frac *= 10;
  std::int64_t scale = 1;
  for (int i = 0; i < digits; ++i) scale *= 10;
  return whole * scale + frac;
}

core::Result<CheckoutSession> ShopifyProvider::create_checkout(const CheckoutRequest& request) {
  const Order& o = request.order;
  std::string cart;
  for (const auto& item : o.items) {
    if (item.kind == "shipping") continue;  // Shopify charges its own shipping
    auto v = config_.variants.find(item.product_id);
    if (config_.shop_domain.empty() || v == config_.variants.end())
      return core::fail(core::ErrorKind::unsupported, "payments_checkout_unconfigured",
                        "This shop has not connected the product to Shopify.", {{"product_id", item.product_id}});
    cart += fmt::format("{}{}:{}", cart.empty() ? "" : ",", v->second, item.quantity);
  }
  // Cart permalink attributes become the order's note_attributes, which come back in webhooks.
  FormFields query{{fmt::format("attributes[{}]", kOrderAttribute), o.id},
                   {fmt::format("attributes[{}]", kBookAttribute), o.book_id}};
  if (!o.email.empty()) query.emplace_back("checkout[email]", o.email);
  return CheckoutSession{fmt::format("https://{}/cart/{}?{}", config_.shop_domain, cart, form_encode(query)), ""};
}

core::Result<void> ShopifyProvider::verify_webhook(const WebhookRequest& request) const {
  return verify_shopify_webhook(request, config_.api_secret);
}

core::Result<PaymentEvent> ShopifyProvider::parse_event(const WebhookRequest& request) const {
  PaymentEvent e;
  e.provider = "shopify";
  auto id = first_header(request, "X-Shopify-Event-Id", "shopify-event-id");
  if (!id) id = first_header(request, "X-Shopify-Webhook-Id", "shopify-webhook-id");
  if (!id) return std::unexpected(payload_invalid("no X-Shopify-Event-Id or X-Shopify-Webhook-Id header"));
  e.event_id = *id;
  e.raw_type = first_header(request, "X-Shopify-Topic", "shopify-topic").value_or("");
  const json order = json::parse(request.body, nullptr, false);
  if (!order.is_object()) return std::unexpected(payload_invalid("expected a Shopify order object"));

  if (e.raw_type == "orders/paid") e.type = PaymentEventType::paid;
  if (e.raw_type == "orders/cancelled") e.type = PaymentEventType::cancelled;
  e.provider_ref = field_text(order, "id");
  e.order_id = named_value(order.value("note_attributes", json()), kOrderAttribute);
  e.book_id = named_value(order.value("note_attributes", json()), kBookAttribute);
  for (const auto& item : order.value("line_items", json::array()))
    if (e.book_id.empty() && item.is_object()) e.book_id = named_value(item.value("properties", json()), kBookAttribute);
  e.shop_order = e.order_id.empty();
  const std::string currency = field_text(order, "currency");
  if (!currency.empty())
    if (auto minor = parse_decimal_minor(field_text(order, "total_price"), core::minor_digits(currency)))
      e.amount = core::Money{*minor, currency};
  return e;
}

}  // namespace storyloom::commerce
