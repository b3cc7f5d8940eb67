// Sample pictures for the shop's catalog (issue 5): one page of each theme, and one scene in
// each art style, drawn by the real vector illustrator the first time they are asked for and
// kept in memory for the life of the process (~100 KB each). Thread-safe.
//
// Theme samples show the drawn hero with the default look. Style samples show the first theme's
// sample page with the hero made from catalog/samples/face.jpg (a public-domain portrait, see
// catalog/ATTRIBUTION.md): its avatar traits for every style, and its face cut-out for styles
// that use the child's own face. Without that file (or the face model) the style samples show
// the drawn hero, and the reason is logged once.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "art/vector_illustrator.hpp"
#include "catalog/catalog.hpp"
#include "core/face_cutout.hpp"
#include "http/routes/catalog_routes.hpp"
#include "story/writer.hpp"

namespace storyloom::app {

struct SampleSize {
  int width = 960, height = 720;  // the web app shows samples in 4:3 frames
  int jpeg_quality = 85;
};

class CatalogSamples {
 public:
  CatalogSamples(std::shared_ptr<const catalog::Catalog> catalog, SampleSize size = {});

  // REQUIRES: `id` names a theme or style of the catalog (the routes check).
  core::Result<http::SampleImage> sample(http::SampleOf kind, std::string_view id);

 private:
  struct Entry {
    std::once_flag once;
    core::Result<http::SampleImage> image = core::fail(core::ErrorKind::internal, "sample_not_rendered", "");
  };
  struct SampleFace {
    core::HeroLook look;
    std::optional<core::FaceCutout> cutout;
  };

  core::Result<http::SampleImage> render(http::SampleOf kind, std::string_view id);
  core::Result<core::IllustrationBrief> sample_brief(const catalog::Theme& theme);
  core::Result<http::SampleImage> draw(const core::IllustrationBrief& brief, const core::HeroLook& look,
                                       std::string_view style, const core::FaceCutout* face);
  core::Result<art::VectorIllustrator*> illustrator();
  const SampleFace& sample_face();

  std::shared_ptr<const catalog::Catalog> catalog_;
  SampleSize size_;
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<Entry>, std::less<>> entries_;
  std::once_flag illustrator_once_, writer_once_, face_once_;
  core::Result<std::unique_ptr<art::VectorIllustrator>> illustrator_ = nullptr;
  core::Result<std::unique_ptr<story::Writer>> writer_ = nullptr;
  SampleFace face_;
};

}  // namespace storyloom::app
