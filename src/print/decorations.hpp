// Small vector ornaments for text-only pages: frames, stars, a lock, rounded panels.
#pragma once

#include "print/colour.hpp"
#include "print/page_geometry.hpp"

namespace storyloom::print {

void rounded_rect_path(cairo_t* cr, const Rect& r, double radius);
void fill_page(cairo_t* cr, const Rect& page, Colour c);
// A double-line frame with star corners, drawn inside `area`.
void draw_frame(cairo_t* cr, const Rect& area, Colour c);
void draw_star(cairo_t* cr, double cx, double cy, double radius, Colour c);
// A scatter of small stars along the top and bottom of `area` (deterministic).
void draw_star_sprinkle(cairo_t* cr, const Rect& area, Colour c, int count, bool bottom = true);
void draw_lock(cairo_t* cr, double cx, double cy, double size, Colour c);

}  // namespace storyloom::print
