#include "app/services.hpp"

#include <fmt/format.h>

#include "app/book_personal_data.hpp"
#include "blob/url_signer.hpp"
#include "sql/embedded_migrations.hpp"
#include "sql/migrations.hpp"

namespace storyloom::app {

namespace {

core::Error setup_error(std::string code, std::string message) {
  return core::Error{core::ErrorKind::unavailable, std::move(code), std::move(message)};
}

// "file://DIR" or a plain directory; other schemes name drivers that don't exist yet.
core::Result<std::filesystem::path> blob_root(const std::string& url) {
  if (url.starts_with("file://")) return std::filesystem::path(url.substr(7));
  if (url.find("://") == std::string::npos) return std::filesystem::path(url);
  return core::fail(core::ErrorKind::unsupported, "blob_driver_unavailable",
                    fmt::format("blob.url {}: only file:// (the embedded file store) is available so far", url));
}

// The shop sells credits when its price list has a credit pack: then every book uses one.
bool sells_credits(const commerce::ProductCatalog& products) {
  const auto& all = products.products();
  return std::any_of(all.begin(), all.end(), [](const commerce::Product& p) { return p.kind == "credit_pack"; });
}

// REQUIRES: the catalog, blobs and commerce are built.
core::Result<std::unique_ptr<PipelineServices>> build_pipeline(const Config& config, Services& services) {
  return build_pipeline_services(services.catalog->catalog, *services.blobs, services.clock,
                                 {.shop_name = config.shop_name, .sells_credits = sells_credits(services.commerce->catalog)});
}

}  // namespace

core::Result<std::unique_ptr<Services>> build_services(const Config& config) {
  auto services = std::make_unique<Services>(Services{.config = config});
  std::error_code ec;
  std::filesystem::create_directories(config.data_dir, ec);
  if (ec)
    return std::unexpected(setup_error("data_dir_unwritable",
                                       fmt::format("cannot create data directory {}: {}", config.data_dir.string(), ec.message())));

  auto database = sql::open_database(config.database_url, std::max<std::size_t>(4, config.server.threads + config.workers));
  if (!database) return std::unexpected(database.error());
  services->database = std::move(*database);

  std::string secret = config.blob_signing_secret;
  if (secret.empty()) {
    auto loaded = blob::load_or_create_secret(config.signing_secret_file.string());
    if (!loaded) return std::unexpected(loaded.error());
    secret = std::move(*loaded);
  }
  services->signer = std::make_unique<blob::UrlSigner>(secret, services->clock, config.public_base_url);

  auto root = blob_root(config.blob_url);
  if (!root) return std::unexpected(root.error());
  std::filesystem::create_directories(*root, ec);
  if (ec)
    return std::unexpected(setup_error("blob_dir_unwritable",
                                       fmt::format("cannot create blob directory {}: {}", root->string(), ec.message())));
  services->blobs = std::make_unique<blob::FileStore>(*root, *services->signer);
  auto accounts = build_account_services(*services);
  if (!accounts) return std::unexpected(accounts.error());
  services->accounts = std::move(*accounts);
  auto commerce = build_commerce(config, services->database, *services->blobs, *services->accounts->mailer,
                                 services->accounts->personal_data, services->clock);
  if (!commerce) return std::unexpected(commerce.error());
  services->commerce = std::move(*commerce);
  auto catalog = build_catalog_services();
  if (!catalog) return std::unexpected(catalog.error());
  services->catalog = std::move(*catalog);
  services->photos = build_photo_services(*services);
  auto pipeline = build_pipeline(config, *services);
  if (!pipeline) return std::unexpected(pipeline.error());
  services->pipeline = std::move(*pipeline);
  books::PipelinePorts ports = services->pipeline->ports();
  ports.photos = services->photos->port.get();
  ports.delivery = services->commerce->delivery_port.get();
  services->generation = build_generation(services->database, *services->blobs, services->clock,
                                          generation_options(config), &ports,
                                          {photo_cleanup_hook(*services->photos->library)},
                                          [c = services->commerce.get()](Generation& g) { c->connect(g); });
  register_book_personal_data(services->accounts->personal_data, *services->generation->books, *services->blobs);
  return services;
}

core::Result<std::vector<std::string>> migrate_database(Services& services) {
  return sql::migrate(*services.database, sql::embedded_migrations());
}

}  // namespace storyloom::app
