#include "http/routes/catalog_routes.hpp"

#include <fmt/format.h>

#include "core/crypto.hpp"
#include "http/error_response.hpp"

namespace storyloom::http {
namespace {

// The lists change only with a release; browsers may keep them a little, samples a day.
constexpr std::string_view kListCache = "public, max-age=300";
constexpr std::string_view kSampleCache = "public, max-age=86400";

std::string sample_url(std::string_view kind, std::string_view id, const CatalogRoutesOptions& o) {
  return fmt::format("/api/{}/{}/sample?v={}", kind, id, o.version);
}

nlohmann::json sample_or_null(std::string_view kind, std::string_view id, const CatalogRoutesOptions& o) {
  return o.sample ? nlohmann::json(sample_url(kind, id, o)) : nlohmann::json();
}

nlohmann::json themes_json(const catalog::Catalog& c, const CatalogRoutesOptions& o) {
  // Every theme is written for every age band, so each covers the catalog's whole age range.
  nlohmann::json ages = nullptr;
  if (!c.age_bands.empty()) ages = {{"min", c.age_bands.front().min_age}, {"max", c.age_bands.back().max_age}};
  nlohmann::json out = nlohmann::json::array();
  for (const auto& t : c.themes)
    out.push_back({{"id", t.id},
                   {"title", t.name},
                   {"description", t.description},
                   {"ages", ages},
                   {"pages", static_cast<int>(t.pages.size())},
                   {"sample_image_url", sample_or_null("themes", t.id, o)}});
  return out;
}

nlohmann::json styles_json(const catalog::Catalog& c, const CatalogRoutesOptions& o) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& s : c.styles)
    out.push_back({{"id", s.id},
                   {"title", s.name},
                   {"description", s.description},
                   {"uses_photo_face", s.uses_face_cutout},
                   {"sample_image_url", sample_or_null("styles", s.id, o)}});
  return out;
}

Response listing(std::string_view key, nlohmann::json items) {
  Response res = Response::json(200, {{key, std::move(items)}});
  res.headers.set("Cache-Control", kListCache);
  return res;
}

Response sample(const Request& req, SampleOf kind, bool known, const CatalogRoutesOptions& o) {
  if (!known || !o.sample) {
    const bool theme = kind == SampleOf::theme;
    return error_response(req, core::ErrorKind::not_found, theme ? "theme_not_found" : "style_not_found",
                          theme ? "There is no such theme." : "There is no such art style.");
  }
  auto image = o.sample(kind, req.param("id"));
  if (!image) return error_response(req, image.error());
  const std::string etag = "\"" + core::to_hex(core::sha256(image->bytes)).substr(0, 32) + "\"";
  Response res;
  if (req.header("If-None-Match") == std::optional<std::string_view>(etag)) {
    res.status = 304;
  } else {
    res = Response::text(200, std::move(image->bytes), image->content_type);
  }
  res.headers.set("ETag", etag);
  res.headers.set("Cache-Control", kSampleCache);
  return res;
}

}  // namespace

void add_catalog_routes(Router& router, const catalog::Catalog& catalog, CatalogRoutesOptions o) {
  router.get("/api/themes", [&catalog, o](Request&) { return listing("themes", themes_json(catalog, o)); });
  router.get("/api/styles", [&catalog, o](Request&) { return listing("styles", styles_json(catalog, o)); });
  router.get("/api/themes/{id}/sample", [&catalog, o](Request& req) {
    return sample(req, SampleOf::theme, catalog.find_theme(req.param("id")) != nullptr, o);
  });
  router.get("/api/styles/{id}/sample", [&catalog, o](Request& req) {
    return sample(req, SampleOf::style, catalog.find_style(req.param("id")) != nullptr, o);
  });
}

}  // namespace storyloom::http
