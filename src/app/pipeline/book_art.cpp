#include "app/pipeline/book_art.hpp"

#include "app/pipeline/child_snapshot.hpp"
#include "art/hero_look.hpp"
#include "art/personalizer.hpp"
#include "art/watermark.hpp"
#include "core/log.hpp"
#include "faces/image_ops.hpp"

namespace storyloom::app {

core::HeroLook hero_look_for(const core::AvatarTraits& traits, const std::string& favourite_colour,
                             const std::string& pronouns) {
  return art::hero_look_from(traits, favourite_colour, pronouns, "short");
}

core::Result<void> personalize_or_error(core::Illustration& page, std::string_view style, const core::FaceCutout* face) {
  const auto outcome = art::Personalizer{}.personalize_in_place(page, style, face);
  if (outcome.fell_back) return core::fail(core::ErrorKind::unprocessable, "personalize_fell_back", outcome.fallback_reason);
  return {};
}

BookArt::BookArt(std::shared_ptr<art::Illustrator> illustrator, std::shared_ptr<const catalog::Catalog> catalog,
                 PhotoFaces& faces, std::string shop_name)
    : illustrator_(std::move(illustrator)), catalog_(std::move(catalog)), faces_(faces), shop_name_(std::move(shop_name)) {}

core::HeroLook BookArt::look_for(const nlohmann::json& child, std::string_view photo_id) {
  core::AvatarTraits traits;  // neutral, confidence 0
  if (!photo_id.empty()) {
    if (auto face = faces_.face(photo_id)) traits = (*face)->traits;
    else core::log_warn("hero_look_neutral", {{"photo_id", std::string(photo_id)}, {"error", face.error().code}});
  }
  return hero_look_for(traits, favourite_colour_of(child), pronouns_of(child));
}

core::Result<core::Illustration> BookArt::draw(const core::IllustrationBrief& brief, const core::HeroLook& look,
                                               print::PixelSize size, std::uint64_t seed) {
  return illustrator_->illustrate(brief, look, size.width, size.height, seed);
}

core::Result<void> BookArt::put_child_in(core::Illustration& page, std::string_view style, std::string_view photo_id) {
  core::Result<std::shared_ptr<const PhotoFace>> face =
      core::fail(core::ErrorKind::not_found, "photo_missing", "The book has no photo of the child.");
  if (!photo_id.empty()) face = faces_.face(photo_id);
  const core::FaceCutout* cutout = face && (*face)->cutout ? &*(*face)->cutout : nullptr;
  auto placed = personalize_or_error(page, style, cutout);
  if (placed || cutout) return placed;
  // No face to place: the photo's reason says more to the parent than "no cut-out".
  return core::fail(!face ? face.error() : (*face)->cutout.error());
}

core::Result<core::Image> BookArt::preview_of(const core::Image& picture) const {
  core::Image preview = faces::fit_within(picture, spec().preview_px);
  if (auto marked = art::watermark(preview, shop_name_); !marked) return core::fail(marked.error());
  return preview;
}

}  // namespace storyloom::app
