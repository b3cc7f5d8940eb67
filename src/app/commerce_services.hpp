// The commerce part of the composition root: payment providers from configuration, the product
// catalog, checkout, the webhook intake and its durable processing job, delivery and downloads.
// Built in two steps because commerce and the book pipeline need each other: build_commerce()
// makes what the pipeline needs (the delivery port), connect() the rest once the job queue and
// the book service exist. See docs/commerce.md, "Ports the composition root adapts".
#pragma once

#include <memory>

#include "accounts/mailer.hpp"
#include "accounts/personal_data.hpp"
#include "app/books_for_commerce.hpp"
#include "app/config.hpp"
#include "app/delivery_for_books.hpp"
#include "app/generation.hpp"
#include "app/mailer_for_commerce.hpp"
#include "app/queue_for_commerce.hpp"
#include "blob/store.hpp"
#include "commerce/checkout.hpp"
#include "commerce/curl_http_port.hpp"
#include "commerce/delivery.hpp"
#include "commerce/demo_provider.hpp"
#include "commerce/payment_providers.hpp"
#include "commerce/product_catalog.hpp"
#include "commerce/webhook_intake.hpp"
#include "commerce/webhook_processor.hpp"
#include "http/auth.hpp"
#include "http/routes/commerce_routes.hpp"

namespace storyloom::app {

struct CommerceServices {
  std::shared_ptr<sql::Database> db;
  blob::Store* blobs = nullptr;             // borrowed from Services
  const core::Clock* clock = nullptr;
  commerce::ProductCatalog catalog;
  commerce::CurlHttpPort http;
  commerce::PaymentProviders providers;
  commerce::DemoProvider* demo = nullptr;  // owned by providers; null unless demo is the provider
  std::unique_ptr<MailerForCommerce> mail;
  std::unique_ptr<BooksForCommerce> books;
  std::unique_ptr<commerce::Delivery> delivery;
  // The pipeline's deliver step: PipelinePorts::delivery = services->commerce->delivery_port.get().
  std::unique_ptr<DeliveryForBooks> delivery_port;

  // Made by connect():
  std::unique_ptr<QueueForCommerce> jobs;
  std::unique_ptr<commerce::WebhookProcessor> processor;
  std::unique_ptr<commerce::WebhookIntake> intake;
  std::unique_ptr<commerce::CheckoutService> checkout;

  // Adapts the job queue and the book service, and registers process_webhook on the registry;
  // pass it to build_generation as its AddJobKinds. When workers start, queues processing for any
  // webhook still owed it.
  void connect(Generation& generation);

  // Null until connect() ran; `auth` identifies callers (sessions, bearer tokens, CSRF).
  http::CommerceRoutes routes(const std::string& shop_name, const http::Auth* auth);
};

// invalid_argument `config_invalid` naming the setting when the chosen provider lacks its
// secret; products_invalid when the catalog is wrong; mail_template_invalid for the mail copy.
// Registers orders with `personal_data` (commerce/order_privacy.hpp): a claimed guest's orders
// move (user_id), the export lists them, account deletion keeps them without the buyer.
core::Result<std::unique_ptr<CommerceServices>> build_commerce(const Config& config, std::shared_ptr<sql::Database> db,
                                                               blob::Store& blobs, accounts::Mailer& mailer,
                                                               accounts::PersonalDataRegistry& personal_data,
                                                               const core::Clock& clock);

}  // namespace storyloom::app
