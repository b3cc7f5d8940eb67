// Settings of the commerce module: which payment provider checkout uses and each provider's
// secrets. A provider whose secret is set is enabled for webhooks; see docs/commerce.md.
#include "app/settings_registry.hpp"
#include "app/validators.hpp"

namespace storyloom::app {
namespace {

const RegisterSettings kPayments{{
    {"payments.provider", "demo", "Payment provider checkout uses: demo (offline, pays for free), stripe or shopify",
     one_of({"demo", "stripe", "shopify"})},
    {"payments.demo_secret", "", "Secret the demo provider signs its webhooks with; empty: generated into the data directory",
     [](std::string_view v) -> std::optional<std::string> {
       if (v.empty() || v.size() >= 32) return std::nullopt;
       return "must be at least 32 characters (or empty to generate one)";
     },
     /*secret=*/true},
    {"payments.products_file", "catalog/products.json", "What the shop sells and for how much (relative: from the working directory, then the repository)",
     non_empty()},
    {"payments.mail_template", "catalog/mail/book-delivered.json", "The delivery mail's subject, text and HTML", non_empty()},
    {"stripe.secret_key", "", "Stripe API secret key (sk_...); enables Stripe checkout", {}, /*secret=*/true},
    {"stripe.webhook_secret", "", "Stripe webhook endpoint secret (whsec_...); enables POST /webhooks/stripe", {},
     /*secret=*/true},
    {"stripe.api_base", "https://api.stripe.com", "Stripe API base URL (tests point it at a local fake)", http_url(false)},
    {"shopify.api_secret", "", "Shopify app client secret; enables POST /webhooks/shopify and App Proxy checks", {},
     /*secret=*/true},
    {"shopify.shop_domain", "", "The shop's myshopify.com domain, for checkout through the shop's cart", {}},
}};

}  // namespace
}  // namespace storyloom::app
