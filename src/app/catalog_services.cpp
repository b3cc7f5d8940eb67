#include "app/catalog_services.hpp"

#include "http/routes/catalog_routes.hpp"

namespace storyloom::app {

core::Result<std::unique_ptr<CatalogServices>> build_catalog_services() {
  auto dir = catalog::find_catalog_dir();
  if (!dir) return std::unexpected(dir.error());
  auto loaded = catalog::load_catalog(*dir);
  if (!loaded) return std::unexpected(loaded.error());
  auto c = std::make_unique<CatalogServices>();
  c->catalog = std::make_shared<const catalog::Catalog>(std::move(*loaded));
  c->samples = std::make_unique<CatalogSamples>(c->catalog);
  return c;
}

void add_catalog_routes(http::Router& router, CatalogServices& c) {
  http::add_catalog_routes(router, *c.catalog,
                           {.version = STORYLOOM_VERSION,
                            .sample = [samples = c.samples.get()](http::SampleOf kind, std::string_view id) {
                              return samples->sample(kind, id);
                            }});
}

}  // namespace storyloom::app
