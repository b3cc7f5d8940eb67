// The one-piece cover wrap: back, spine and front side by side with bleed around the outside.
// Width = bleed + trim + spine + trim + bleed; spine from the page count and paper thickness.
// All values in PDF points, x from the left edge, y from the top (Cairo space).
#pragma once

#include "catalog/print_spec.hpp"
#include "print/page_geometry.hpp"

namespace storyloom::print {

struct CoverGeometry {
  double spine_in = 0;
  double bleed_pt = 0;
  Rect page;        // the whole wrap (MediaBox = BleedBox)
  Rect back;        // back cover trim area
  Rect spine;
  Rect front;       // front cover trim area
  Rect front_art;   // front trim + bleed on top, right and bottom: where the front art goes
  Rect front_safe;  // front inside the safety margin
  Rect back_safe;
  Rect barcode;     // kept clear on the back, lower right
  bool spine_has_text = false;
};

// spine = interior_pages / pages_per_inch + board allowance.
CoverGeometry cover_geometry(const catalog::PrintSpec& spec, int interior_pages);

}  // namespace storyloom::print
