#include "app/commerce_services.hpp"

#include <fmt/format.h>

#include "blob/url_signer.hpp"
#include "core/log.hpp"
#include "commerce/shopify_provider.hpp"
#include "commerce/stripe_provider.hpp"

namespace storyloom::app {
namespace {

core::Error config_invalid(std::string_view setting, std::string_view why) {
  return core::Error{core::ErrorKind::invalid_argument, "config_invalid",
                     fmt::format("{} ({}): {}", setting, env_name_for(setting), why), {{"setting", setting}}};
}

core::Result<std::string> demo_secret(const Config& config) {
  const std::string& configured = config.settings.text("payments.demo_secret");
  if (!configured.empty()) return configured;
  return blob::load_or_create_secret((config.data_dir / "secrets" / "demo_payments.key").string());
}

core::Result<void> add_providers(CommerceServices& c, const Config& config, const core::Clock& clock) {
  const Settings& s = config.settings;
  const std::string& chosen = s.text("payments.provider");
  if (chosen == "demo") {
    // Only when chosen: the demo page pays for free, which a shop taking real money must not offer.
    auto secret = demo_secret(config);
    if (!secret) return std::unexpected(secret.error());
    auto demo = std::make_unique<commerce::DemoProvider>(*secret, clock);
    c.demo = demo.get();
    c.providers.add(std::move(demo));
  }
  const std::string& stripe_key = s.text("stripe.secret_key");
  const std::string& stripe_hook = s.text("stripe.webhook_secret");
  if (chosen == "stripe" && (stripe_key.empty() || stripe_hook.empty()))
    return std::unexpected(config_invalid(stripe_key.empty() ? "stripe.secret_key" : "stripe.webhook_secret",
                                          "required when payments.provider is stripe"));
  if (!stripe_key.empty() || !stripe_hook.empty())
    c.providers.add(std::make_unique<commerce::StripeProvider>(
        commerce::StripeConfig{stripe_key, stripe_hook, s.text("stripe.api_base")}, c.http, clock));
  const std::string& shopify_secret = s.text("shopify.api_secret");
  if (chosen == "shopify" && shopify_secret.empty())
    return std::unexpected(config_invalid("shopify.api_secret", "required when payments.provider is shopify"));
  if (!shopify_secret.empty())
    c.providers.add(std::make_unique<commerce::ShopifyProvider>(
        commerce::ShopifyConfig{shopify_secret, s.text("shopify.shop_domain"), {}}));
  c.providers.set_default(chosen);
  return {};
}

}  // namespace

http::CommerceRoutes CommerceServices::routes(std::shared_ptr<sql::Database> db, const std::string& shop_name) {
  // checkout and delivery join once the books module provides commerce::BookUnlockPort.
  return http::CommerceRoutes{std::move(db), intake.get(), nullptr, nullptr, demo, shop_name};
}

core::Result<std::unique_ptr<CommerceServices>> build_commerce(const Config& config, std::shared_ptr<sql::Database> db,
                                                               const core::Clock& clock) {
  auto c = std::make_unique<CommerceServices>();
  const auto products = resolve_web_dir(config.settings.text("payments.products_file"));
  if (std::filesystem::exists(products)) {
    auto catalog = commerce::ProductCatalog::load(products);
    if (!catalog) return std::unexpected(catalog.error());  // a wrong price list stops start-up
    c->catalog = std::move(*catalog);
  } else {
    core::log_warn("no product catalog: checkout is off", {{"file", products.string()}});
  }
  if (auto added = add_providers(*c, config, clock); !added) return std::unexpected(added.error());
  c->intake = std::make_unique<commerce::WebhookIntake>(std::move(db), c->providers, c->jobs, clock);
  return c;
}

}  // namespace storyloom::app
