#include "app/catalog_samples.hpp"

#include <fstream>
#include <iterator>

#include <fmt/format.h>

#include "art/hero_look.hpp"
#include "art/personalizer.hpp"
#include "core/jpeg.hpp"
#include "core/log.hpp"
#include "faces/photo_intake.hpp"
#include "story/template_writer.hpp"

namespace storyloom::app {
namespace {

constexpr std::uint64_t kSampleSeed = 1;  // the same pictures on every start

std::optional<std::string> read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

CatalogSamples::CatalogSamples(std::shared_ptr<const catalog::Catalog> catalog, SampleSize size)
    : catalog_(std::move(catalog)), size_(size) {}

core::Result<http::SampleImage> CatalogSamples::sample(http::SampleOf kind, std::string_view id) {
  std::shared_ptr<Entry> entry;
  {
    std::lock_guard lock(mutex_);
    const std::string key = fmt::format("{}/{}", kind == http::SampleOf::theme ? "theme" : "style", id);
    auto& slot = entries_[key];
    if (!slot) slot = std::make_shared<Entry>();
    entry = slot;
  }
  // Drawn once; a second request for the same picture waits for the first instead of drawing it too.
  std::call_once(entry->once, [&] { entry->image = render(kind, id); });
  return entry->image;
}

core::Result<http::SampleImage> CatalogSamples::render(http::SampleOf kind, std::string_view id) {
  if (kind == http::SampleOf::theme) {
    const catalog::Theme* theme = catalog_->find_theme(id);
    if (!theme) return core::fail(core::ErrorKind::not_found, "theme_not_found", "There is no such theme.");
    auto brief = sample_brief(*theme);
    if (!brief) return core::fail(brief.error());
    return draw(*brief, core::HeroLook{}, "cartoon", nullptr);
  }
  const catalog::ArtStyle* style = catalog_->find_style(id);
  if (!style || catalog_->themes.empty())
    return core::fail(core::ErrorKind::not_found, "style_not_found", "There is no such art style.");
  auto brief = sample_brief(catalog_->themes.front());
  if (!brief) return core::fail(brief.error());
  const SampleFace& face = sample_face();
  return draw(*brief, face.look, style->id, style->uses_face_cutout && face.cutout ? &*face.cutout : nullptr);
}

// The theme's sample page as the template writer writes it for a child in the middle age band.
core::Result<core::IllustrationBrief> CatalogSamples::sample_brief(const catalog::Theme& theme) {
  std::call_once(writer_once_, [this] {
    auto writer = story::TemplateWriter::create(catalog_);
    if (writer) writer_ = std::unique_ptr<story::Writer>(std::move(*writer));
    else writer_ = core::fail(writer.error());
  });
  if (!writer_) return core::fail(writer_.error());
  const int age = catalog_->age_bands.empty() ? 6 : catalog_->age_bands[catalog_->age_bands.size() / 2].min_age;
  auto story = (*writer_)->write({story::Child{"Sam", age, story::Pronouns::they}, theme.id, kSampleSeed});
  if (!story) return core::fail(story.error());
  const auto page = static_cast<std::size_t>(std::max(1, theme.sample_page) - 1);
  if (page >= story->pages.size()) return story->cover_brief;
  return story->pages[page].brief;
}

core::Result<http::SampleImage> CatalogSamples::draw(const core::IllustrationBrief& brief, const core::HeroLook& look,
                                                     std::string_view style, const core::FaceCutout* face) {
  auto illustrator = this->illustrator();
  if (!illustrator) return core::fail(illustrator.error());
  auto base = (*illustrator)->illustrate(brief, look, size_.width, size_.height, kSampleSeed);
  if (!base) return core::fail(base.error());
  const art::PersonalizedPage page = art::Personalizer{}.personalize(*base, style, face);
  auto jpeg = core::encode_jpeg(page.image, {.quality = size_.jpeg_quality});
  if (!jpeg) return core::fail(jpeg.error());
  return http::SampleImage{std::move(*jpeg), "image/jpeg"};
}

core::Result<art::VectorIllustrator*> CatalogSamples::illustrator() {
  std::call_once(illustrator_once_, [this] {
    auto loaded = art::VectorIllustrator::load(catalog_->dir / "art");
    if (loaded) illustrator_ = std::move(*loaded);
    else illustrator_ = core::fail(loaded.error());
  });
  if (!illustrator_) return core::fail(illustrator_.error());
  return illustrator_->get();
}

// The hero of the style samples: traits and cut-out of catalog/samples/face.jpg.
const CatalogSamples::SampleFace& CatalogSamples::sample_face() {
  std::call_once(face_once_, [this] {
    const auto path = catalog_->dir / "samples" / "face.jpg";
    const auto bytes = read_bytes(path);
    auto model = faces::FaceModel::shared();
    if (!bytes || !model) {
      core::log_warn("catalog_sample_face_unavailable",
                     {{"path", path.string()}, {"reason", !bytes ? "cannot read the file" : model.error().message}});
      return;
    }
    const faces::PhotoIntake intake(*model);
    auto checked = intake.check(*bytes);
    if (!checked) {
      core::log_warn("catalog_sample_face_unavailable", {{"path", path.string()}, {"reason", checked.error().message}});
      return;
    }
    face_.look = art::hero_look_from(intake.traits(*checked), "", "they", "short");
    if (auto cutout = intake.cut_out(*checked)) face_.cutout = std::move(*cutout);
  });
  return face_;
}

}  // namespace storyloom::app
