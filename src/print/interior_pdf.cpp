// The printed interior, page by page in plan order; TrimBox/BleedBox added afterwards.
#include <cmath>

#include <fmt/format.h>

#include "print/book_pdfs.hpp"
#include "print/page_painters.hpp"
#include "print/page_plan.hpp"
#include "print/pdf_boxes.hpp"
#include "print/pdf_writer.hpp"

namespace storyloom::print {

namespace {

constexpr int kPrintJpegQuality = 92;

core::Result<void> paint_planned(const PageCanvas& c, const PlannedPage& p, const PageArtSource& art) {
  switch (p.kind) {
    case PageKind::title: paint_title_page(c); break;
    case PageKind::belongs_to: paint_belongs_to_page(c); break;
    case PageKind::dedication: paint_dedication_page(c); break;
    case PageKind::ending: paint_ending_page(c); break;
    case PageKind::draw:
    case PageKind::notes: paint_activity_page(c, p.kind); break;
    case PageKind::colophon: paint_colophon_page(c); break;
    case PageKind::story: {
      auto image = art(p.story_page);
      if (!image) return core::fail(image.error());
      auto placed = paint_story_page(c, c.story.pages.at(p.story_page - 1), *image, kPrintJpegQuality);
      if (!placed) return core::fail(placed.error());
      break;
    }
  }
  return {};
}

}  // namespace

PixelSize page_art_size(const catalog::PrintSpec& spec) { return {spec.page_width_px(), spec.page_height_px()}; }

PixelSize preview_art_size(const catalog::PrintSpec& spec) { return {spec.preview_px, spec.preview_px}; }

PixelSize cover_art_size(const catalog::PrintSpec& spec) {
  const auto px = [&](double in) { return static_cast<int>(std::lround(in * spec.interior_ppi)); };
  return {px(spec.trim_width_in + spec.cover.bleed_in), px(spec.trim_height_in + 2 * spec.cover.bleed_in)};
}

core::Result<PdfFile> assemble_interior(const story::Story& story, const BookDesign& design, const PageArtSource& art) {
  const auto geometry = PageGeometry::interior(design.spec);
  const auto plan = plan_interior(static_cast<int>(story.pages.size()), design.spec);
  PdfWriter writer(geometry.page.w, geometry.page.h, story.title, fmt::format("A Storyloom book for {}", design.child_name));
  const PageCanvas canvas{writer, writer.context(), geometry, design, story};
  for (const auto& page : plan) {
    if (auto ok = paint_planned(canvas, page, art); !ok) return core::fail(ok.error());
    if (auto ok = writer.status(); !ok) return core::fail(ok.error());
    writer.next_page();
  }
  auto bytes = writer.finish();
  if (!bytes) return core::fail(bytes.error());
  auto boxed = set_print_boxes(*bytes, geometry.bleed_pt);
  if (!boxed) return core::fail(boxed.error());
  return PdfFile{std::move(*boxed), static_cast<int>(plan.size()), design.font.family, design.font.is_fallback};
}

}  // namespace storyloom::print
