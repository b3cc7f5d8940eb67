// Colours for drawing: parsed from the catalog's "#rrggbb" strings.
#pragma once

#include <string_view>

#include <cairo.h>

namespace storyloom::print {

struct Colour {
  double r = 0, g = 0, b = 0;
};

// Malformed input gives black; the catalog validated palettes already.
Colour parse_colour(std::string_view hex);
// Mixes towards white (amount > 0) or black (amount < 0), amount in -1..1.
Colour shade(Colour c, double amount);
inline void set_colour(cairo_t* cr, Colour c) { cairo_set_source_rgb(cr, c.r, c.g, c.b); }

}  // namespace storyloom::print
