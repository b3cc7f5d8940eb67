// Shopify's two signatures (Shopify/shopify-app-js lib/utils/hmac-validator.ts):
//  - webhooks: X-Shopify-Hmac-Sha256 (or the Events API's lowercase `shopify-hmac-sha256`) =
//    base64(HMAC-SHA256(app secret, raw body)); no timestamp is signed.
//  - App Proxy requests: the `signature` query parameter = hex HMAC-SHA256(app secret, the other
//    parameters as key=value (repeated values joined with ','), sorted by key, concatenated with
//    no separator). Sorted byte-wise; the SDK's localeCompare agrees for Shopify's lowercase keys.
#pragma once

#include <chrono>
#include <cstdint>
#include <string_view>

#include "commerce/webhook_request.hpp"
#include "core/error.hpp"

namespace storyloom::commerce {

core::Result<void> verify_shopify_webhook(const WebhookRequest& request, std::string_view secret);

// `query` is the raw query string (without '?'). Also rejects |now - timestamp| > tolerance (the
// SDK uses 90 s) and a repeated signature, shop or timestamp parameter.
core::Result<void> verify_shopify_app_proxy(std::string_view query, std::string_view secret, std::int64_t now,
                                            std::chrono::seconds tolerance = std::chrono::seconds(90));

}  // namespace storyloom::commerce
