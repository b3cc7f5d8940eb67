// books::PageArtPort: the two renditions of a personalized page. The preview is reduced to the
// catalog's preview size and watermarked with the shop's name ("PREVIEW · <shop>", baked into
// the pixels). The final picture is the personalized page itself: it was drawn at print
// resolution and never watermarked, so the final rendition checks that and passes it on.
#pragma once

#include "app/pipeline/book_art.hpp"
#include "books/ports.hpp"

namespace storyloom::app {

class PreviewAndPrintArtPort final : public books::PageArtPort {
 public:
  explicit PreviewAndPrintArtPort(BookArt& art) : art_(art) {}
  core::Result<std::string> watermark(std::string_view png) override;
  // internal art_final_too_small for a picture smaller than the print spec needs.
  core::Result<books::Artwork> render_final(std::string_view personalized_png, const nlohmann::json& brief,
                                            std::string_view style) override;

 private:
  BookArt& art_;
};

}  // namespace storyloom::app
