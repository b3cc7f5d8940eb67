// Where things may go on an interior page, in PDF points from the page's top-left corner
// (Cairo's y-down space): the full page including bleed, the trim, and the safe area.
#pragma once

#include "catalog/print_spec.hpp"

namespace storyloom::print {

struct Rect {
  double x = 0, y = 0, w = 0, h = 0;
  Rect inset(double d) const { return {x + d, y + d, w - 2 * d, h - 2 * d}; }
  double right() const { return x + w; }
  double bottom() const { return y + h; }
};

struct PageGeometry {
  Rect page;  // MediaBox = BleedBox
  Rect trim;  // TrimBox
  Rect safe;  // text and faces stay inside
  double bleed_pt = 0;

  static PageGeometry interior(const catalog::PrintSpec& spec);
};

}  // namespace storyloom::print
