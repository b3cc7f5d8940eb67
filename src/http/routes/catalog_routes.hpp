// The catalog as the shop shows it (issue 5): GET /api/themes and GET /api/styles list what a
// parent can choose, each with a sample picture; GET /api/themes/{id}/sample and
// /api/styles/{id}/sample serve that picture. Public: catalog art shows no child, so the samples
// are cacheable by anyone. http draws nothing itself: the composition root passes the renderer.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "catalog/catalog.hpp"
#include "core/error.hpp"
#include "http/router.hpp"

namespace storyloom::http {

struct SampleImage {
  std::string bytes;
  std::string content_type;  // "image/jpeg"
};

enum class SampleOf { theme, style };

// Renders (or answers from its cache) the sample picture of a theme or style known to the
// catalog. Thread-safe; may take a moment the first time.
using SampleImageFn = std::function<core::Result<SampleImage>(SampleOf kind, std::string_view id)>;

struct CatalogRoutesOptions {
  std::string version;   // in the sample links, so a new release's pictures are fetched anew
  SampleImageFn sample;  // null: the lists carry no sample links and /sample is 404
};

// The catalog must outlive the router.
void add_catalog_routes(Router& router, const catalog::Catalog& catalog, CatalogRoutesOptions options);

}  // namespace storyloom::http
