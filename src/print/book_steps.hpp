// The art-facing steps of the book pipeline, written against plain function types so the
// print module does not depend on the art module: the composition root (src/app) or the jobs
// pipeline passes art::Illustrator::illustrate, the personalizer and the watermark in.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "core/error.hpp"
#include "core/illustration.hpp"
#include "core/illustration_brief.hpp"
#include "core/image.hpp"
#include "print/book_pdfs.hpp"
#include "print/page_image.hpp"
#include "story/writer.hpp"

namespace storyloom::print {

// art::Illustrator::illustrate(brief, look, width_px, height_px, seed).
using IllustrateFn = std::function<core::Result<core::Illustration>(const core::IllustrationBrief&, const core::HeroLook&,
                                                             int width_px, int height_px, std::uint64_t seed)>;
// art::Personalizer: the child's face / traits onto the hero. May be empty (no personalizing).
// It gets the whole illustration (where the hero's head is, the light on it) and changes its
// image in place; on an error the image is left as drawn and used as it is.
using PersonalizeFn = std::function<core::Result<void>(core::Illustration& page, const core::IllustrationBrief&)>;
// art watermark: bakes "PREVIEW" into preview-resolution pixels.
using WatermarkFn = std::function<core::Result<core::Image>(const core::Image& preview)>;

struct ArtSteps {
  IllustrateFn illustrate;
  PersonalizeFn personalize;
  WatermarkFn watermark;
};

enum class ArtUse { print_page, preview_page, cover };

struct RenderedArt {
  EncodedImage image;  // JPEG
  bool personalized = false;
  std::string personalize_error;  // why the base image was used instead, when it was
};

// The seed of one picture: stable per book seed and page (0 = cover).
std::uint64_t page_seed(std::uint64_t book_seed, int page_number);

// illustrate -> personalize (falls back to the base image, recording why) -> watermark for
// previews -> JPEG. Errors: illustrator_unavailable / watermark_unavailable when a needed step
// is missing, or the illustrator's own error.
core::Result<RenderedArt> render_page(const ArtSteps& art, const core::IllustrationBrief& brief,
                                      const core::HeroLook& look, const catalog::PrintSpec& spec, ArtUse use,
                                      std::uint64_t seed);

// The writer's story, with each page's brief told where the page's text panel will sit
// (reserve_text_space) so the pictures keep the hero's face out of it.
core::Result<story::Story> write_story(const catalog::Catalog& catalog, const story::Writer& writer,
                                       const story::StoryRequest& request);

}  // namespace storyloom::print
