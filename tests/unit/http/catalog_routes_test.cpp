// The catalog routes over the real catalog/ folder, with a stand-in sample renderer that counts
// its calls (the real one, the vector illustrator, is wired in src/app).
#include <gtest/gtest.h>

#include "http/routes/catalog_routes.hpp"

using namespace storyloom;

namespace {

struct Api {
  catalog::Catalog catalog = catalog::load_catalog(std::string(STORYLOOM_SOURCE_DIR) + "/catalog").value();
  int rendered = 0;
  http::Router router;
  explicit Api(bool with_samples = true) {
    http::CatalogRoutesOptions o{.version = "9.9"};
    if (with_samples)
      o.sample = [this](http::SampleOf kind, std::string_view id) -> core::Result<http::SampleImage> {
        ++rendered;
        return http::SampleImage{std::string(kind == http::SampleOf::theme ? "theme:" : "style:") + std::string(id),
                                 "image/jpeg"};
      };
    http::add_catalog_routes(router, catalog, o);
  }
  http::Response get(std::string_view target, std::optional<std::string> if_none_match = std::nullopt) {
    auto req = http::make_request("GET", target).value();
    if (if_none_match) req.headers.set("If-None-Match", *if_none_match);
    return router.dispatch(req);
  }
};

}  // namespace

TEST(CatalogRoutes, ListEveryThemeWithAVersionedSampleLink) {
  Api api;
  const auto r = api.get("/api/themes");
  ASSERT_EQ(r.status, 200);
  const auto themes = nlohmann::json::parse(r.body)["themes"];
  ASSERT_EQ(themes.size(), api.catalog.themes.size());
  EXPECT_EQ(themes[0]["id"], api.catalog.themes[0].id);
  EXPECT_EQ(themes[0]["title"], api.catalog.themes[0].name);
  EXPECT_EQ(themes[0]["sample_image_url"], "/api/themes/" + api.catalog.themes[0].id + "/sample?v=9.9");
  EXPECT_EQ(themes[0]["ages"]["min"], api.catalog.age_bands.front().min_age);
  EXPECT_EQ(api.rendered, 0) << "listing draws nothing";
}

TEST(CatalogRoutes, ListEveryStyle) {
  Api api;
  const auto styles = nlohmann::json::parse(api.get("/api/styles").body)["styles"];
  ASSERT_EQ(styles.size(), api.catalog.styles.size());
  EXPECT_EQ(styles[0]["uses_photo_face"], api.catalog.styles[0].uses_face_cutout);
}

TEST(CatalogRoutes, ServeSamplesAsCacheablePublicImagesWithAnEtag) {
  Api api;
  const std::string path = "/api/styles/" + api.catalog.styles[0].id + "/sample";
  const auto r = api.get(path);
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "style:" + api.catalog.styles[0].id);
  EXPECT_EQ(r.headers.get("Content-Type").value_or(""), "image/jpeg");
  EXPECT_EQ(r.headers.get("Cache-Control").value_or(""), "public, max-age=86400");
  const std::string etag(r.headers.get("ETag").value_or(""));
  ASSERT_FALSE(etag.empty());
  const auto again = api.get(path, etag);
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
}

TEST(CatalogRoutes, AnUnknownThemeOrStyleIs404WithoutDrawingAnything) {
  Api api;
  EXPECT_EQ(api.get("/api/themes/no-such-theme/sample").status, 404);
  const auto style = api.get("/api/styles/no-such-style/sample");
  EXPECT_EQ(style.status, 404);
  EXPECT_EQ(nlohmann::json::parse(style.body)["error"]["code"], "style_not_found");
  EXPECT_EQ(api.rendered, 0);
}

TEST(CatalogRoutes, WithoutARendererTheListsHaveNoSampleLinks) {
  Api api(/*with_samples=*/false);
  const auto themes = nlohmann::json::parse(api.get("/api/themes").body)["themes"];
  EXPECT_TRUE(themes[0]["sample_image_url"].is_null());
  EXPECT_EQ(api.get("/api/themes/" + api.catalog.themes[0].id + "/sample").status, 404);
}
