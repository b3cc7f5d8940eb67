// The catalog part of the composition root for `serve`: the catalog loaded and validated once,
// and the sample pictures the shop shows for each theme and style (app/catalog_samples.hpp).
#pragma once

#include <memory>

#include "app/catalog_samples.hpp"
#include "catalog/catalog.hpp"
#include "http/router.hpp"

namespace storyloom::app {

struct Services;

struct CatalogServices {
  std::shared_ptr<const catalog::Catalog> catalog;
  std::unique_ptr<CatalogSamples> samples;
};

// not_found when there is no catalog folder; catalog_invalid listing every problem.
core::Result<std::unique_ptr<CatalogServices>> build_catalog_services();

// GET /api/themes, /api/styles and their samples.
void add_catalog_routes(http::Router& router, CatalogServices& catalog);

}  // namespace storyloom::app
