#include "app/pipeline/vector_illustrator_port.hpp"

#include "app/pipeline/brief_json.hpp"
#include "art/illustration_png.hpp"
#include "print/book_steps.hpp"

namespace storyloom::app {

core::Result<books::Artwork> VectorIllustratorPort::illustrate(const books::IllustrationRequest& request) {
  auto brief = brief_from_json(request.brief);
  if (!brief) return std::unexpected(brief.error());
  const auto look = art_.look_for(request.child, request.photo_id);
  const auto size = print::page_art_size(art_.spec());
  // The book's seed (plus the page's regenerations) picks this page's composition.
  const auto seed = print::page_seed(static_cast<std::uint64_t>(request.seed), request.page);
  auto picture = art_.draw(*brief, look, size, seed);
  if (!picture) return std::unexpected(picture.error());
  auto png = art::encode_illustration(*picture);
  if (!png) return std::unexpected(png.error());
  return books::Artwork{.png = std::move(*png), .provider = "vector-illustrator", .version = STORYLOOM_VERSION,
                        .parameters = {{"width", size.width}, {"height", size.height}, {"seed", seed},
                                       {"skin_tone", look.skin_tone}, {"hair_colour", look.hair_colour},
                                       {"outfit_colour", look.outfit_colour}}};
}

}  // namespace storyloom::app
