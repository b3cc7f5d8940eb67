// Text-only pages: title, "this book belongs to", dedication, ending, activity pages, colophon.
#include "print/decorations.hpp"
#include "print/page_painters.hpp"
#include "print/text_block.hpp"

namespace storyloom::print {

namespace {

Colour paper(const PageCanvas& c) { return parse_colour(c.design.palette.paper); }
Colour ink(const PageCanvas& c) { return parse_colour(c.design.palette.ink); }
Colour cover(const PageCanvas& c) { return parse_colour(c.design.palette.cover); }
Colour accent(const PageCanvas& c) { return parse_colour(c.design.palette.accent); }

// Paper background with the theme's frame: the common look of text pages.
void paper_page(const PageCanvas& c) {
  fill_page(c.cr, c.geometry.page, paper(c));
  draw_frame(c.cr, c.geometry.safe.inset(-6), shade(accent(c), -0.15));
}

// Draws `text` centred horizontally in the safe area with its top at y; returns its height.
double centred(const PageCanvas& c, std::string_view text, const TextStyle& style, double y, double width_share = 0.8) {
  const auto& safe = c.geometry.safe;
  const double w = safe.w * width_share;
  const TextBlock block(c.cr, text, style, w);
  block.draw(c.cr, safe.x + (safe.w - w) / 2, y);
  return block.height();
}

}  // namespace

void paint_title_page(const PageCanvas& c) {
  fill_page(c.cr, c.geometry.page, cover(c));
  draw_frame(c.cr, c.geometry.safe.inset(-6), accent(c));
  draw_star_sprinkle(c.cr, c.geometry.safe.inset(20), shade(accent(c), 0.3), 28);
  const auto& safe = c.geometry.safe;
  const auto& family = c.design.font.family;
  TextStyle title{family, 56, true, accent(c)};
  title.size_pt = fit_text_size(c.cr, c.story.title, title, safe.w * 0.8, safe.h * 0.4, 28);
  const double title_h = TextBlock(c.cr, c.story.title, title, safe.w * 0.8).height();
  double y = safe.y + safe.h * 0.42 - title_h / 2;
  y += centred(c, c.story.title, title, y) + 48;
  y += centred(c, c.design.spec.copy.byline, {family, 22, false, paper(c)}, y) + 6;
  centred(c, c.design.child_name, {family, 40, true, paper(c)}, y);
}

void paint_belongs_to_page(const PageCanvas& c) {
  paper_page(c);
  const auto& safe = c.geometry.safe;
  const double y = safe.y + safe.h * 0.38;
  const double h = centred(c, c.design.spec.copy.belongs_to, {c.design.font.family, 34, true, cover(c)}, y);
  set_colour(c.cr, shade(ink(c), 0.55));
  cairo_set_line_width(c.cr, 1.5);
  cairo_move_to(c.cr, safe.x + safe.w * 0.18, y + h + 90);
  cairo_line_to(c.cr, safe.right() - safe.w * 0.18, y + h + 90);
  cairo_stroke(c.cr);
  draw_star(c.cr, safe.x + safe.w / 2, y - 50, 22, accent(c));
}

void paint_dedication_page(const PageCanvas& c) {
  paper_page(c);
  const auto& safe = c.geometry.safe;
  const TextStyle style{c.design.font.family, 28, false, ink(c), Align::centre, 1.1, true};
  const double h = TextBlock(c.cr, c.story.dedication, style, safe.w * 0.7).height();
  const double y = safe.y + (safe.h - h) / 2;
  draw_star(c.cr, safe.x + safe.w / 2, y - 48, 16, accent(c));
  centred(c, c.story.dedication, style, y, 0.7);
}

void paint_ending_page(const PageCanvas& c) {
  paper_page(c);
  draw_star_sprinkle(c.cr, c.geometry.safe.inset(24), accent(c), 18);
  const auto& safe = c.geometry.safe;
  const TextStyle body{c.design.font.family, c.design.body_size_pt, false, ink(c), Align::centre, 1.05};
  const TextStyle end{c.design.font.family, 60, true, cover(c)};
  const double body_h = TextBlock(c.cr, c.story.ending, body, safe.w * 0.78).height();
  const double end_h = TextBlock(c.cr, c.design.spec.copy.the_end, end, safe.w * 0.8).height();
  double y = safe.y + (safe.h - body_h - end_h - 40) / 2;
  y += centred(c, c.story.ending, body, y, 0.78) + 40;
  centred(c, c.design.spec.copy.the_end, end, y);
}

void paint_activity_page(const PageCanvas& c, PageKind kind) {
  paper_page(c);
  const auto& safe = c.geometry.safe;
  const auto& heading = kind == PageKind::draw ? c.design.spec.copy.draw_page : c.design.spec.copy.notes_page;
  const double h = centred(c, heading, {c.design.font.family, 28, true, cover(c)}, safe.y + 36);
  const Rect area{safe.x + 30, safe.y + 36 + h + 30, safe.w - 60, safe.h - h - 110};
  set_colour(c.cr, shade(ink(c), 0.6));
  cairo_set_line_width(c.cr, 1.5);
  if (kind == PageKind::draw) {
    const double dash[] = {8, 6};
    cairo_set_dash(c.cr, dash, 2, 0);
    rounded_rect_path(c.cr, area, 18);
    cairo_stroke(c.cr);
    cairo_set_dash(c.cr, nullptr, 0, 0);
    return;
  }
  for (double y = area.y + 40; y < area.bottom(); y += 40) {
    cairo_move_to(c.cr, area.x, y);
    cairo_line_to(c.cr, area.right(), y);
  }
  cairo_stroke(c.cr);
}

void paint_colophon_page(const PageCanvas& c) {
  fill_page(c.cr, c.geometry.page, paper(c));
  const auto& safe = c.geometry.safe;
  double y = safe.y + safe.h * 0.72;
  draw_star(c.cr, safe.x + safe.w / 2, y - 30, 12, accent(c));
  y += centred(c, c.story.title, {c.design.font.family, 16, true, ink(c)}, y) + 8;
  centred(c, c.design.spec.copy.made_with, {c.design.font.family, 13, false, shade(ink(c), 0.35)}, y);
}

}  // namespace storyloom::print
