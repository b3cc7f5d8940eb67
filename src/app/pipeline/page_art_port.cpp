#include "app/pipeline/page_art_port.hpp"

#include <fmt/format.h>

#include "art/encode.hpp"
#include "art/png_reader.hpp"

namespace storyloom::app {

core::Result<std::string> PreviewAndPrintArtPort::watermark(std::string_view png) {
  auto picture = art::decode_png(png);
  if (!picture) return std::unexpected(picture.error());
  auto preview = art_.preview_of(*picture);
  if (!preview) return std::unexpected(preview.error());
  auto encoded = art::encode_png(*preview);
  if (!encoded) return std::unexpected(encoded.error());
  return std::string(encoded->begin(), encoded->end());
}

core::Result<books::Artwork> PreviewAndPrintArtPort::render_final(std::string_view personalized_png,
                                                                  const nlohmann::json&, std::string_view) {
  const auto size = art::png_size(personalized_png);
  const auto needed = print::page_art_size(art_.spec());
  if (!size || size->first < needed.width || size->second < needed.height)
    return core::fail(core::ErrorKind::internal, "art_final_too_small",
                      fmt::format("The page is {} px wide; print needs {} px.", size ? size->first : 0, needed.width));
  return books::Artwork{.png = std::string(personalized_png), .provider = "print-rendition",
                        .version = STORYLOOM_VERSION,
                        .parameters = {{"width", size->first}, {"height", size->second}}};
}

}  // namespace storyloom::app
