// The composition root: builds every adapter from the configuration, once, for `serve` and the
// other commands. The only place that knows the concrete drivers. Later modules add their
// services as members here, build them in build_services(), and hand them to their route files
// in routes.cpp.
#pragma once

#include <functional>
#include <memory>
#include <vector>

#include "app/accounts_services.hpp"
#include "app/catalog_services.hpp"
#include "app/commerce_services.hpp"
#include "app/config.hpp"
#include "app/generation.hpp"
#include "app/photo_services.hpp"
#include "app/pipeline/pipeline_services.hpp"
#include "blob/file_store.hpp"
#include "blob/url_signer.hpp"
#include "core/clock.hpp"
#include "core/error.hpp"
#include "http/router.hpp"
#include "sql/database.hpp"

namespace storyloom::app {

struct Services {
  Config config;
  const core::Clock& clock = core::system_clock();
  std::shared_ptr<sql::Database> database;
  std::unique_ptr<blob::UrlSigner> signer;
  std::unique_ptr<blob::FileStore> blobs;  // the blob::Store port; FileStore also serves /files
  std::unique_ptr<CommerceServices> commerce;  // uses accounts' mailer and generation's queue

  // The catalog and its sample pictures (app/catalog_services.hpp).
  std::unique_ptr<CatalogServices> catalog;
  // The photo library (app/photo_services.hpp); before generation, whose cleanup uses it.
  std::unique_ptr<PhotoServices> photos;
  // The book engine behind the pipeline's ports (app/pipeline/), over the catalog loaded once.
  std::unique_ptr<PipelineServices> pipeline;

  // Jobs, the book pipeline and the book service (app/generation.hpp); workers start only in
  // serve and worker (start_generation).
  std::unique_ptr<Generation> generation;

  // Background work started by `serve` (worker pools, periodic cleanup) registers how to stop
  // it here; serve runs these after the HTTP server has drained, in reverse order.
  std::vector<std::function<void()>> stop_hooks;

  // Last, so it is destroyed first: it refers to the database, clock and blob store above.
  std::unique_ptr<AccountServices> accounts;
};

// Creates the data directory, opens the database pool and the blob store, and loads (or
// creates) the signing secret. Does not migrate (see migrate_database).
core::Result<std::unique_ptr<Services>> build_services(const Config& config);

// Applies the migrations compiled into the binary; answers the names it applied.
core::Result<std::vector<std::string>> migrate_database(Services& services);

// Registers every route on the router (routes.cpp): one line per resource.
void add_routes(http::Router& router, Services& services);
// The accounts routes (auth, me, children, credits), in accounts_services.cpp.
void add_account_routes(http::Router& router, AccountServices& accounts);

}  // namespace storyloom::app
