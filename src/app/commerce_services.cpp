#include "app/commerce_services.hpp"

#include <fmt/format.h>

#include "blob/url_signer.hpp"
#include "commerce/order_privacy.hpp"
#include "commerce/shopify_provider.hpp"
#include "commerce/stripe_provider.hpp"
#include "core/log.hpp"

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

core::Result<void> load_catalog(CommerceServices& c, const Config& config) {
  const auto products = resolve_web_dir(config.settings.text("payments.products_file"));
  if (!std::filesystem::exists(products)) {
    core::log_warn("no product catalog: nothing is for sale", {{"file", products.string()}});
    return {};
  }
  auto catalog = commerce::ProductCatalog::load(products);
  if (!catalog) return std::unexpected(catalog.error());  // a wrong price list stops start-up
  c.catalog = std::move(*catalog);
  return {};
}

// Links in mail must be absolute; the same base the accounts mails use.
commerce::DeliveryOptions delivery_options(const Config& config) {
  commerce::DeliveryOptions o;
  o.link_base = config.public_base_url.empty() ? "http://localhost:8080" : config.public_base_url;
  while (o.link_base.ends_with('/')) o.link_base.pop_back();
  return o;
}

void register_order_personal_data(accounts::PersonalDataRegistry& registry, blob::Store& blobs) {
  registry.add_owned_table("orders", "user_id");
  registry.add_exporter("orders", [](const accounts::PersonalDataContext& ctx) {
    return commerce::export_orders_of(ctx.conn, ctx.user_id);
  });
  registry.add_eraser("orders", [&blobs](const accounts::PersonalDataContext& ctx) -> core::Result<void> {
    auto forgotten = commerce::forget_buyer(ctx.conn, blobs, ctx.user_id, ctx.now);
    if (!forgotten) return std::unexpected(forgotten.error());
    return {};
  });
}

}  // namespace

void CommerceServices::connect(Generation& g) {
  books->attach(*g.books);
  jobs = std::make_unique<QueueForCommerce>(*g.queue);
  processor = std::make_unique<commerce::WebhookProcessor>(db, *books, *jobs, *blobs, *clock);
  intake = std::make_unique<commerce::WebhookIntake>(db, providers, *jobs, *clock);
  checkout = std::make_unique<commerce::CheckoutService>(db, catalog, providers, *books, *clock);
  g.registry.add(std::string(kProcessWebhook), webhook_job(*processor));
  g.on_start.push_back([this] {
    auto owed = enqueue_unprocessed_webhooks(*db, *jobs);
    if (!owed) core::log_error("queueing owed webhooks failed", {{"code", owed.error().code}});
    else if (*owed > 0) core::log_info("webhooks owed processing", {{"count", *owed}});
  });
}

http::CommerceRoutes CommerceServices::routes(const std::string& shop_name, const http::Auth* auth) {
  return http::CommerceRoutes{.db = db, .catalog = &catalog, .intake = intake.get(), .checkout = checkout.get(),
                              .delivery = delivery.get(), .demo = demo, .auth = auth, .shop_name = shop_name};
}

core::Result<std::unique_ptr<CommerceServices>> build_commerce(const Config& config, std::shared_ptr<sql::Database> db,
                                                               blob::Store& blobs, accounts::Mailer& mailer,
                                                               accounts::PersonalDataRegistry& personal_data,
                                                               const core::Clock& clock) {
  auto c = std::make_unique<CommerceServices>();
  c->db = std::move(db);
  c->blobs = &blobs;
  c->clock = &clock;
  if (auto loaded = load_catalog(*c, config); !loaded) return std::unexpected(loaded.error());
  if (auto added = add_providers(*c, config, clock); !added) return std::unexpected(added.error());
  auto mail_copy = commerce::MailTemplate::load(resolve_web_dir(config.settings.text("payments.mail_template")),
                                                commerce::delivered_mail_placeholders());
  if (!mail_copy) return std::unexpected(mail_copy.error());
  c->mail = std::make_unique<MailerForCommerce>(mailer, config.settings.text("mail.from"));
  c->books = std::make_unique<BooksForCommerce>(clock);
  c->delivery = std::make_unique<commerce::Delivery>(c->db, *c->books, blobs, *c->mail, std::move(*mail_copy), clock,
                                                     delivery_options(config));
  c->delivery_port = std::make_unique<DeliveryForBooks>(*c->delivery);
  register_order_personal_data(personal_data, blobs);
  return c;
}

}  // namespace storyloom::app
