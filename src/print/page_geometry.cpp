#include "print/page_geometry.hpp"

namespace storyloom::print {

PageGeometry PageGeometry::interior(const catalog::PrintSpec& spec) {
  PageGeometry g;
  g.bleed_pt = spec.bleed_in * 72.0;
  g.page = {0, 0, spec.page_width_pt(), spec.page_height_pt()};
  g.trim = g.page.inset(g.bleed_pt);
  g.safe = g.trim.inset(spec.safety_in * 72.0);
  return g;
}

}  // namespace storyloom::print
