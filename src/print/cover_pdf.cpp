// The one-piece cover wrap: back (blurb, clear barcode area), spine (title when wide enough),
// front (art to the bleed, title and the child's name inside the safety margin).
#include <fmt/format.h>

#include "print/book_pdfs.hpp"
#include "print/decorations.hpp"
#include "print/pdf_boxes.hpp"
#include "print/pdf_writer.hpp"
#include "print/placed_image.hpp"
#include "print/text_block.hpp"

namespace storyloom::print {

namespace {

constexpr int kCoverJpegQuality = 92;

struct CoverCanvas {
  cairo_t* cr;
  const CoverGeometry& g;
  const BookDesign& d;
  const story::Story& story;
  Colour cover() const { return parse_colour(d.palette.cover); }
  Colour accent() const { return parse_colour(d.palette.accent); }
  Colour paper() const { return parse_colour(d.palette.paper); }
  Colour ink() const { return parse_colour(d.palette.ink); }
};

// A panel with centred text inside `area`'s width, its top at y (or bottom at y when below).
void paint_banner(const CoverCanvas& c, const TextBlock& text, double text_h, double x, double y, double w,
                  Colour fill, Colour border) {
  const Rect panel{x, y, w, text_h + 36};
  rounded_rect_path(c.cr, panel, 24);
  set_colour(c.cr, fill);
  cairo_fill_preserve(c.cr);
  set_colour(c.cr, border);
  cairo_set_line_width(c.cr, 4);
  cairo_stroke(c.cr);
  text.draw(c.cr, x + 24, y + 18);
}

void paint_front(const CoverCanvas& c) {
  const auto& safe = c.g.front_safe;
  const double w = safe.w - 48;
  TextStyle title{c.d.font.family, 64, true, c.accent()};
  title.size_pt = fit_text_size(c.cr, c.story.title, title, w, 190, 30);
  const TextBlock title_block(c.cr, c.story.title, title, w);
  paint_banner(c, title_block, title_block.height(), safe.x, safe.y, safe.w, c.cover(), c.accent());

  const auto byline = fmt::format("{}\n{}", c.d.spec.copy.byline, c.d.child_name);
  const double banner_w = safe.w * 0.7;
  const TextBlock name_block(c.cr, byline, {c.d.font.family, 28, true, c.cover(), Align::centre, 1.0}, banner_w - 48);
  const double h = name_block.height();
  paint_banner(c, name_block, h, safe.x + (safe.w - banner_w) / 2, safe.bottom() - h - 36, banner_w, c.paper(), c.accent());
}

void paint_spine(const CoverCanvas& c) {
  set_colour(c.cr, shade(c.cover(), -0.25));
  cairo_rectangle(c.cr, c.g.spine.x, 0, c.g.spine.w, c.g.page.h);
  cairo_fill(c.cr);
  if (!c.g.spine_has_text) return;
  // Spine text reads top to bottom (the US/UK convention): rotate 90° clockwise.
  const double size = std::min(c.g.spine.w * 0.55, 16.0);
  const auto text = fmt::format("{}  ·  {}", c.story.title, c.d.child_name);
  const double length = c.g.spine.h - 2 * 36;
  const TextBlock block(c.cr, text, {c.d.font.family, size, true, c.accent()}, length);
  cairo_save(c.cr);
  cairo_translate(c.cr, c.g.spine.x + c.g.spine.w / 2 + block.height() / 2, c.g.spine.y + 36);
  cairo_rotate(c.cr, M_PI / 2);
  block.draw(c.cr, 0, 0);
  cairo_restore(c.cr);
}

void paint_back(const CoverCanvas& c) {
  const auto& safe = c.g.back_safe;
  draw_star_sprinkle(c.cr, {safe.x, safe.y, safe.w, safe.h * 1.6}, shade(c.accent(), 0.2), 15, /*bottom=*/false);
  const TextBlock blurb(c.cr, c.story.cover_text, {c.d.font.family, 24, false, c.paper(), Align::centre, 1.1},
                        safe.w * 0.8);
  blurb.draw(c.cr, safe.x + safe.w * 0.1, safe.y + safe.h * 0.25);
  const TextBlock made(c.cr, c.d.spec.copy.made_with, {c.d.font.family, 13, false, shade(c.paper(), -0.2), Align::left},
                       safe.w * 0.5);
  made.draw(c.cr, safe.x, safe.bottom() - made.height());
  // The printer's barcode goes here: plain white, nothing else drawn over it.
  set_colour(c.cr, {1, 1, 1});
  cairo_rectangle(c.cr, c.g.barcode.x, c.g.barcode.y, c.g.barcode.w, c.g.barcode.h);
  cairo_fill(c.cr);
}

}  // namespace

core::Result<CoverPdf> assemble_cover(const story::Story& story, const BookDesign& design, const PageImage& front_art,
                                      int interior_pages) {
  const auto g = cover_geometry(design.spec, interior_pages);
  PdfWriter writer(g.page.w, g.page.h, story.title, fmt::format("Cover of a Storyloom book for {}", design.child_name));
  const CoverCanvas c{writer.context(), g, design, story};
  fill_page(c.cr, g.page, c.cover());
  auto placed = place_image(writer, front_art, g.front_art, kCoverJpegQuality);
  if (!placed) return core::fail(placed.error());
  paint_front(c);
  paint_spine(c);
  paint_back(c);
  if (auto ok = writer.status(); !ok) return core::fail(ok.error());
  writer.next_page();
  auto bytes = writer.finish();
  if (!bytes) return core::fail(bytes.error());
  auto boxed = set_print_boxes(*bytes, g.bleed_pt);
  if (!boxed) return core::fail(boxed.error());
  return CoverPdf{PdfFile{std::move(*boxed), 1, design.font.family, design.font.is_fallback}, g};
}

}  // namespace storyloom::print
