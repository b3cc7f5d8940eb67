// Reader for catalog/print.json: trim, bleed, safety, page counts, paper, cover, fonts, copy.
#include <fmt/format.h>

#include "catalog/catalog_files.hpp"

namespace storyloom::catalog {

namespace {

void check_range(FieldReader& r, std::string_view field, double v, double lo, double hi) {
  if (v < lo || v > hi) r.problem(field, fmt::format("must be between {} and {}", lo, hi));
}

CoverSpec read_cover(const nlohmann::json& root, FieldReader& r) {
  CoverSpec c;
  const auto& cover = r.object(root, "", "cover");
  c.bleed_in = r.number(cover, "cover", "bleed_in");
  c.board_allowance_in = r.number(cover, "cover", "board_allowance_in");
  c.min_spine_text_in = r.number(cover, "cover", "min_spine_text_in");
  const auto& barcode = r.object(cover, "cover", "barcode");
  c.barcode.width_in = r.number(barcode, "cover.barcode", "width_in");
  c.barcode.height_in = r.number(barcode, "cover.barcode", "height_in");
  c.barcode.inset_in = r.number(barcode, "cover.barcode", "inset_in");
  check_range(r, "cover.bleed_in", c.bleed_in, 0, 1);
  check_range(r, "cover.board_allowance_in", c.board_allowance_in, 0, 1);
  return c;
}

PrintCopy read_copy(const nlohmann::json& root, FieldReader& r) {
  const auto& copy = r.object(root, "", "copy");
  PrintCopy c;
  c.byline = r.text(copy, "copy", "byline");
  c.belongs_to = r.text(copy, "copy", "belongs_to");
  c.the_end = r.text(copy, "copy", "the_end");
  c.draw_page = r.text(copy, "copy", "draw_page");
  c.notes_page = r.text(copy, "copy", "notes_page");
  c.locked_heading = r.text(copy, "copy", "locked_heading");
  c.locked_body = r.text(copy, "copy", "locked_body");
  c.made_with = r.text(copy, "copy", "made_with");
  return c;
}

}  // namespace

PrintSpec read_print_spec(const nlohmann::json& root, FieldReader& r) {
  PrintSpec p;
  const auto& trim = r.object(root, "", "trim");
  p.trim_id = r.text(trim, "trim", "id");
  p.trim_width_in = r.number(trim, "trim", "width_in");
  p.trim_height_in = r.number(trim, "trim", "height_in");
  p.bleed_in = r.number(root, "", "bleed_in");
  p.safety_in = r.number(root, "", "safety_in");
  p.interior_ppi = static_cast<int>(r.integer(root, "", "interior_ppi"));
  p.min_ppi = static_cast<int>(r.integer(root, "", "min_ppi"));
  p.preview_px = static_cast<int>(r.integer(root, "", "preview_px"));
  p.min_pages = static_cast<int>(r.integer(root, "", "min_pages"));
  p.page_multiple = static_cast<int>(r.integer(root, "", "page_multiple"));
  p.max_pages = static_cast<int>(r.integer(root, "", "max_pages"));
  const auto& paper = r.object(root, "", "paper");
  p.paper.id = r.text(paper, "paper", "id");
  p.paper.name = r.text(paper, "paper", "name");
  p.paper.pages_per_inch = r.number(paper, "paper", "pages_per_inch");
  p.cover = read_cover(root, r);
  const auto& fonts = r.object(root, "", "fonts");
  p.font_family = r.text(fonts, "fonts", "family");
  p.fallback_font_family = r.text(fonts, "fonts", "fallback_family");
  p.copy = read_copy(root, r);

  check_range(r, "trim.width_in", p.trim_width_in, 4, 20);
  check_range(r, "trim.height_in", p.trim_height_in, 4, 20);
  check_range(r, "bleed_in", p.bleed_in, 0, 0.5);
  check_range(r, "safety_in", p.safety_in, 0, 2);
  check_range(r, "interior_ppi", p.interior_ppi, 150, 600);
  check_range(r, "min_ppi", p.min_ppi, 72, p.interior_ppi);
  check_range(r, "preview_px", p.preview_px, 256, 2048);
  check_range(r, "page_multiple", p.page_multiple, 1, 8);
  check_range(r, "min_pages", p.min_pages, 1, p.max_pages);
  check_range(r, "paper.pages_per_inch", p.paper.pages_per_inch, 100, 2000);
  return p;
}

}  // namespace storyloom::catalog
