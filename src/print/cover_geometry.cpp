#include "print/cover_geometry.hpp"

namespace storyloom::print {

CoverGeometry cover_geometry(const catalog::PrintSpec& spec, int interior_pages) {
  CoverGeometry g;
  const auto& cover = spec.cover;
  g.spine_in = interior_pages / spec.paper.pages_per_inch + cover.board_allowance_in;
  g.spine_has_text = g.spine_in >= cover.min_spine_text_in;
  const double bleed = cover.bleed_in * 72, trim_w = spec.trim_width_in * 72, trim_h = spec.trim_height_in * 72;
  const double spine = g.spine_in * 72, safety = spec.safety_in * 72;
  g.bleed_pt = bleed;
  g.page = {0, 0, 2 * bleed + 2 * trim_w + spine, 2 * bleed + trim_h};
  g.back = {bleed, bleed, trim_w, trim_h};
  g.spine = {bleed + trim_w, bleed, spine, trim_h};
  g.front = {bleed + trim_w + spine, bleed, trim_w, trim_h};
  g.front_art = {g.front.x, 0, trim_w + bleed, trim_h + 2 * bleed};
  g.front_safe = g.front.inset(safety);
  g.back_safe = g.back.inset(safety);
  const auto& bc = cover.barcode;
  g.barcode = {g.back.right() - (bc.inset_in + bc.width_in) * 72, g.back.bottom() - (bc.inset_in + bc.height_in) * 72,
               bc.width_in * 72, bc.height_in * 72};
  return g;
}

}  // namespace storyloom::print
