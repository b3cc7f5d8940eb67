// Story pages: art to the bleed edge, text in a calm panel that keeps clear of the hero.
#include <algorithm>

#include <cairo-pdf.h>
#include <fmt/format.h>

#include "print/decorations.hpp"
#include "print/page_painters.hpp"
#include "print/text_block.hpp"
#include "print/text_space.hpp"

namespace storyloom::print {

namespace {

constexpr double kPanelPaddingX = 24;
constexpr double kPanelPaddingY = 18;

Align body_alignment(const BookDesign& d) { return d.body_size_pt >= 20 ? Align::centre : Align::left; }

struct TextPanelLayout {
  TextBlock block;
  Rect box;
};

TextPanelLayout lay_out_text_panel(cairo_t* cr, const BookDesign& d, const Rect& safe, const std::string& text,
                                   catalog::TextPanel where) {
  const TextStyle style{d.font.family, d.body_size_pt, false, parse_colour(d.palette.ink), body_alignment(d), 1.08};
  TextBlock block(cr, text, style, safe.w - 2 * kPanelPaddingX);
  const double h = block.height() + 2 * kPanelPaddingY;
  const double y = where == catalog::TextPanel::top ? safe.y : safe.bottom() - h;
  return {std::move(block), Rect{safe.x, y, safe.w, h}};
}

void paint_text_panel(const PageCanvas& c, const std::string& text, catalog::TextPanel where) {
  const auto panel = lay_out_text_panel(c.cr, c.design, c.geometry.safe, text, where);
  // Opaque colours only: no transparency for the printer to flatten (specs/print.md).
  rounded_rect_path(c.cr, panel.box, 20);
  set_colour(c.cr, parse_colour(c.design.palette.paper));
  cairo_fill_preserve(c.cr);
  set_colour(c.cr, parse_colour(c.design.palette.accent));
  cairo_set_line_width(c.cr, 3);
  cairo_stroke(c.cr);
  panel.block.draw(c.cr, panel.box.x + kPanelPaddingX, panel.box.y + kPanelPaddingY);
}

}  // namespace

core::Result<PlacedImageInfo> paint_story_page(const PageCanvas& c, const story::StoryPage& page,
                                               const PageImage& art, int jpeg_quality) {
  auto placed = place_image(c.pdf, art, c.geometry.page, jpeg_quality);
  if (!placed) return placed;
  paint_text_panel(c, page.text, page.text_panel);
  return placed;
}

void reserve_text_space(const BookDesign& design, story::Story& story) {
  const PageGeometry g = PageGeometry::interior(design.spec);
  // A PDF surface with no output measures text exactly as the interior PDF will set it.
  SurfacePtr surface(cairo_pdf_surface_create(nullptr, g.page.w, g.page.h));
  CairoPtr cr(cairo_create(surface.get()));
  for (auto& page : story.pages) {
    const bool top = page.text_panel == catalog::TextPanel::top;
    const Rect box = lay_out_text_panel(cr.get(), design, g.safe, page.text, page.text_panel).box;
    const double covered = top ? box.bottom() - g.page.y : g.page.bottom() - box.y;
    page.brief.text_band = top ? "top" : "bottom";
    page.brief.text_band_height = std::clamp(covered / g.page.h, 0.0, 0.5);
  }
}

void paint_locked_page(const PageCanvas& c, const story::StoryPage& page) {
  const auto cover = parse_colour(c.design.palette.cover);
  fill_page(c.cr, c.geometry.page, shade(cover, -0.15));
  draw_star_sprinkle(c.cr, c.geometry.safe, shade(cover, 0.25), 24);
  const auto& safe = c.geometry.safe;
  const double cx = safe.x + safe.w / 2, cy = safe.y + safe.h * 0.36;
  draw_lock(c.cr, cx, cy, 110, parse_colour(c.design.palette.accent));
  const auto paper = parse_colour(c.design.palette.paper);
  const TextBlock number(c.cr, fmt::format("{}", page.number), {c.design.font.family, 20, true, paper}, safe.w);
  number.draw(c.cr, safe.x, safe.y);
  const TextBlock heading(c.cr, c.design.spec.copy.locked_heading, {c.design.font.family, 34, true, paper}, safe.w * 0.8);
  heading.draw(c.cr, safe.x + safe.w * 0.1, cy + 110);
  const TextBlock body(c.cr, c.design.spec.copy.locked_body, {c.design.font.family, 21, false, paper}, safe.w * 0.7);
  body.draw(c.cr, safe.x + safe.w * 0.15, cy + 120 + heading.height());
}

}  // namespace storyloom::print
