// The preview a parent sees before paying: small, watermarked art for the free pages, locked
// placeholders for the rest. Same page size as the book so it reads like one.
#include <fmt/format.h>

#include "print/book_pdfs.hpp"
#include "print/page_painters.hpp"
#include "print/pdf_writer.hpp"

namespace storyloom::print {

namespace {
constexpr int kPreviewJpegQuality = 80;
}

core::Result<PdfFile> assemble_preview(const story::Story& story, const BookDesign& design,
                                       const PageArtSource& watermarked, int free_pages) {
  const auto geometry = PageGeometry::interior(design.spec);
  PdfWriter writer(geometry.page.w, geometry.page.h, story.title,
                   fmt::format("Preview of a Storyloom book for {}", design.child_name));
  const PageCanvas canvas{writer, writer.context(), geometry, design, story};
  paint_title_page(canvas);
  writer.next_page();
  for (const auto& page : story.pages) {
    if (page.number <= free_pages) {
      auto image = watermarked(page.number);
      if (!image) return core::fail(image.error());
      auto placed = paint_story_page(canvas, page, *image, kPreviewJpegQuality);
      if (!placed) return core::fail(placed.error());
    } else {
      paint_locked_page(canvas, page);
    }
    if (auto ok = writer.status(); !ok) return core::fail(ok.error());
    writer.next_page();
  }
  auto bytes = writer.finish();
  if (!bytes) return core::fail(bytes.error());
  return PdfFile{std::move(*bytes), static_cast<int>(story.pages.size()) + 1, design.font.family,
                 design.font.is_fallback};
}

}  // namespace storyloom::print
