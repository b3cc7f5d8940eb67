#include "app/book_services.hpp"

#include <fstream>
#include <iterator>

#include <fmt/format.h>

#include "app/pipeline/book_art.hpp"
#include "art/vector_illustrator.hpp"
#include "art/watermark.hpp"
#include "catalog/catalog.hpp"
#include "faces/photo_intake.hpp"

namespace storyloom::app {
namespace {

constexpr const char* kDefaultShopName = "Storyloom";

core::Result<std::string> read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return core::fail(core::ErrorKind::invalid_argument, "photo_missing", fmt::format("Cannot read the photo {}.", path.string()));
  return std::string(std::istreambuf_iterator<char>(in), {});
}

core::Result<PhotoLook> read_photo(const std::filesystem::path& path) {
  auto model = faces::FaceModel::shared();
  if (!model) return std::unexpected(model.error());
  auto bytes = read_file(path);
  if (!bytes) return std::unexpected(bytes.error());
  const faces::PhotoIntake intake(*model);
  auto checked = intake.check(*bytes);
  if (!checked) return std::unexpected(checked.error());
  PhotoLook photo;
  photo.traits = intake.traits(*checked);
  if (auto cutout = intake.cut_out(*checked)) photo.cutout = std::move(*cutout);
  return photo;
}

// One illustrator per process: loading the kits costs ~50 ms and the result is thread-safe.
core::Result<std::shared_ptr<art::VectorIllustrator>> shared_illustrator() {
  static const auto loaded = []() -> core::Result<std::shared_ptr<art::VectorIllustrator>> {
    auto dir = catalog::find_catalog_dir();
    if (!dir) return std::unexpected(dir.error());
    auto illustrator = art::VectorIllustrator::load(*dir / "art");
    if (!illustrator) return std::unexpected(illustrator.error());
    return std::shared_ptr<art::VectorIllustrator>(std::move(*illustrator));
  }();
  return loaded;
}

print::ArtSteps make_art(const std::string& style, const PhotoLook& photo) {
  auto illustrator = shared_illustrator();
  print::ArtSteps steps;
  if (!illustrator) {  // render_page then answers illustrator_unavailable with the load error logged
    fmt::print(stderr, "storyloom: the illustrator could not load: {}\n", illustrator.error().message);
    return steps;
  }
  steps.illustrate = [ill = *illustrator](const core::IllustrationBrief& brief, const core::HeroLook& look, int w, int h,
                                          std::uint64_t seed) { return ill->illustrate(brief, look, w, h, seed); };
  steps.personalize = [style, cutout = photo.cutout](core::Illustration& page, const core::IllustrationBrief&) {
    return personalize_or_error(page, style, cutout ? &*cutout : nullptr);
  };
  steps.watermark = [](const core::Image& preview) -> core::Result<core::Image> {
    core::Image marked = preview;
    if (auto ok = art::watermark(marked, kDefaultShopName); !ok) return std::unexpected(ok.error());
    return marked;
  };
  return steps;
}

}  // namespace

BookServices linked_book_services() {
  return {read_photo, make_art, hero_look_for};
}

}  // namespace storyloom::app
