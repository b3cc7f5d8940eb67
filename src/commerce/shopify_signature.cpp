#include "commerce/shopify_signature.hpp"

#include <charconv>
#include <map>
#include <vector>

#include "commerce/form_encoding.hpp"
#include "commerce/payment_provider.hpp"
#include "core/crypto.hpp"

namespace storyloom::commerce {

core::Result<void> verify_shopify_webhook(const WebhookRequest& request, std::string_view secret) {
  if (secret.empty()) return std::unexpected(signature_invalid("no webhook secret is configured"));
  auto given = request.header("X-Shopify-Hmac-Sha256");
  if (!given) given = request.header("shopify-hmac-sha256");
  if (!given || given->empty()) return std::unexpected(signature_invalid("signature header missing"));
  const std::string expected = core::base64_encode(core::hmac_sha256(secret, request.body));
  if (!core::constant_time_equal(expected, *given)) return std::unexpected(signature_invalid("no signature matches"));
  return {};
}

core::Result<void> verify_shopify_app_proxy(std::string_view query, std::string_view secret, std::int64_t now,
                                            std::chrono::seconds tolerance) {
  if (secret.empty()) return std::unexpected(signature_invalid("no app secret is configured"));
  auto fields = parse_form(query);
  if (!fields) return std::unexpected(signature_invalid("query string malformed"));
  // std::map sorts keys byte-wise; values of a repeated key keep their order.
  std::map<std::string, std::vector<std::string>> params;
  for (auto& [k, v] : *fields) params[k].push_back(std::move(v));
  for (const char* once : {"signature", "shop", "timestamp"})
    if (params.contains(once) && params[once].size() > 1)
      return std::unexpected(signature_invalid(std::string(once) + " given more than once"));
  if (!params.contains("signature") || !params.contains("timestamp"))
    return std::unexpected(signature_invalid("signature or timestamp missing"));
  const std::string given = params["signature"].front();
  params.erase("signature");

  std::string message;
  for (const auto& [k, values] : params) {
    message += k + "=";
    for (std::size_t i = 0; i < values.size(); ++i) message += (i ? "," : "") + values[i];
  }
  if (!core::constant_time_equal(core::to_hex(core::hmac_sha256(secret, message)), given))
    return std::unexpected(signature_invalid("no signature matches"));

  const std::string& ts = params["timestamp"].front();
  std::int64_t t = 0;
  const auto [end, ec] = std::from_chars(ts.data(), ts.data() + ts.size(), t);
  if (ec != std::errc{} || end != ts.data() + ts.size()) return std::unexpected(signature_invalid("timestamp malformed"));
  if (t < now - tolerance.count() || t > now + tolerance.count())
    return std::unexpected(signature_invalid("timestamp outside tolerance"));
  return {};
}

}  // namespace storyloom::commerce
