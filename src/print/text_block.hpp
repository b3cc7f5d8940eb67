// A paragraph of vector text laid out with Pango at 72 dpi (so sizes are PDF points), wrapped
// to a width, measured, then drawn. Fonts end up embedded and subset by Cairo's PDF backend.
#pragma once

#include <string>
#include <string_view>

#include "print/cairo_handles.hpp"
#include "print/colour.hpp"

namespace storyloom::print {

enum class Align { left, centre, right };

struct TextStyle {
  std::string family;
  double size_pt = 18;
  bool bold = false;
  Colour colour;
  Align align = Align::centre;
  double line_spacing = 1.0;  // multiple of the font's natural line height (Andika's is already airy)
  bool italic = false;
};

class TextBlock {
 public:
  TextBlock(cairo_t* cr, std::string_view text, const TextStyle& style, double width_pt);
  double width() const;   // of the widest line, pt
  double height() const;  // of all lines, pt
  // Top-left of the layout box at (x, y); centred/right text aligns inside width_pt.
  void draw(cairo_t* cr, double x, double y) const;

 private:
  LayoutPtr layout_;
  Colour colour_;
};

// The largest size <= style.size_pt (down to min_pt) at which `text` fits width x max_height.
double fit_text_size(cairo_t* cr, std::string_view text, TextStyle style, double width_pt, double max_height_pt,
                     double min_pt);

}  // namespace storyloom::print
