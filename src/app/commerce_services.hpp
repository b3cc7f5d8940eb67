// The commerce part of the composition root: payment providers from configuration, the webhook
// intake, and (once the books and jobs modules provide their adapters) checkout, processing and
// delivery. See docs/commerce.md, "Ports the composition root adapts".
#pragma once

#include <memory>

#include "app/config.hpp"
#include "commerce/checkout.hpp"
#include "commerce/curl_http_port.hpp"
#include "commerce/delivery.hpp"
#include "commerce/demo_provider.hpp"
#include "commerce/payment_providers.hpp"
#include "commerce/product_catalog.hpp"
#include "commerce/webhook_intake.hpp"
#include "commerce/webhook_processor.hpp"
#include "http/routes/commerce_routes.hpp"

namespace storyloom::app {

// Until the jobs module is wired: the webhook_events row itself is the durable record of work
// owed (processed_at IS NULL; WebhookEventStore::unprocessed lists it), so accepting needs no
// queue row. Finalizing a paid book needs the jobs pipeline and says so.
class WebhookRowsAsJobs final : public commerce::CommerceJobsPort {
 public:
  core::Result<void> enqueue_webhook_processing(sql::Connection&, std::string_view) override { return {}; }
  core::Result<void> enqueue_finalize(sql::Connection&, std::string_view, std::string_view) override {
    return core::fail(core::ErrorKind::unavailable, "jobs_unavailable",
                      "The book pipeline (jobs module) is not wired into this build yet.");
  }
};

struct CommerceServices {
  commerce::ProductCatalog catalog;
  commerce::CurlHttpPort http;
  commerce::PaymentProviders providers;
  commerce::DemoProvider* demo = nullptr;  // owned by providers; null unless demo is the provider
  WebhookRowsAsJobs jobs;
  std::unique_ptr<commerce::WebhookIntake> intake;

  http::CommerceRoutes routes(std::shared_ptr<sql::Database> db, const std::string& shop_name);
};

// invalid_argument `config_invalid` naming the setting when the chosen provider lacks its
// secret; products_invalid when the catalog is wrong.
core::Result<std::unique_ptr<CommerceServices>> build_commerce(const Config& config, std::shared_ptr<sql::Database> db,
                                                               const core::Clock& clock);

}  // namespace storyloom::app
