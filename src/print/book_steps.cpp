#include "print/book_steps.hpp"

#include "print/book_design.hpp"
#include "core/jpeg.hpp"
#include "print/jpeg_codec.hpp"
#include "print/text_space.hpp"
#include "story/variant_picker.hpp"

namespace storyloom::print {

namespace {
constexpr int kPrintQuality = 92;
constexpr int kPreviewQuality = 80;
}  // namespace

core::Result<story::Story> write_story(const catalog::Catalog& catalog, const story::Writer& writer,
                                       const story::StoryRequest& request) {
  auto story = writer.write(request);
  if (!story) return story;
  auto design = make_design(catalog, *story, request.child.name);
  if (!design) return core::fail(design.error());
  reserve_text_space(*design, *story);
  return story;
}

std::uint64_t page_seed(std::uint64_t book_seed, int page_number) {
  return story::splitmix64(book_seed ^ story::splitmix64(static_cast<std::uint64_t>(page_number) + 0x5eed));
}

core::Result<RenderedArt> render_page(const ArtSteps& art, const core::IllustrationBrief& brief,
                                      const core::HeroLook& look, const catalog::PrintSpec& spec, ArtUse use,
                                      std::uint64_t seed) {
  if (!art.illustrate)
    return core::fail(core::ErrorKind::unavailable, "illustrator_unavailable",
                      "No illustrator is available in this build, so the book's pictures cannot be drawn.");
  if (use == ArtUse::preview_page && !art.watermark)
    return core::fail(core::ErrorKind::unavailable, "watermark_unavailable",
                      "No watermark step is available; previews are never made without one.");
  const PixelSize size = use == ArtUse::cover ? cover_art_size(spec)
                         : use == ArtUse::preview_page ? preview_art_size(spec)
                                                       : page_art_size(spec);
  auto base = art.illustrate(brief, look, size.width, size.height, seed);
  if (!base) return core::fail(base.error());
  RenderedArt out;
  if (art.personalize) {
    auto personal = art.personalize(*base, brief);
    out.personalized = personal.has_value();
    if (!personal) out.personalize_error = personal.error().code;  // the base illustration is used instead
  }
  core::Image image = std::move(base->image);
  if (use == ArtUse::preview_page) {
    auto marked = art.watermark(image);
    if (!marked) return core::fail(marked.error());
    image = std::move(*marked);
  }
  auto jpeg = core::encode_jpeg(image, {.quality = use == ArtUse::preview_page ? kPreviewQuality : kPrintQuality});
  if (!jpeg) return core::fail(jpeg.error());
  out.image.bytes = std::move(*jpeg);
  return out;
}

}  // namespace storyloom::print
