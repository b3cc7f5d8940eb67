// The hero's hair in five styles (short, long, curly, ponytail, buzz): a back part drawn
// behind the head and a front part (cap and fringe) drawn over it.
#include <cmath>

#include "art/colour.hpp"
#include "art/hero_figure.hpp"

namespace storyloom::art {
namespace {

void fill_hair(cairo_t* cr, const HeroColours& c, double alpha = 1.0) {
  set_source(cr, c.hair, alpha);
  cairo_fill_preserve(cr);
  cairo_set_line_width(cr, 0.017);
  set_source(cr, darker(c.hair, 0.4), alpha);
  cairo_stroke(cr);
}

// The cap over the skull with a scalloped fringe at `fringe_y` (negative = higher).
void cap(cairo_t* cr, double r, double grow, double fringe_y, int scallops, bool swept) {
  cairo_arc(cr, 0, 0, r * grow, M_PI * 1.02, M_PI * 1.98);
  const double left = -r * grow, right = r * grow;
  cairo_line_to(cr, right, r * (fringe_y + 0.25));
  for (int i = 0; i < scallops; ++i) {
    const double x0 = right - (right - left) * i / scallops, x1 = right - (right - left) * (i + 1) / scallops;
    const double dip = swept ? r * (0.18 - 0.1 * i / scallops) : r * 0.12;
    cairo_curve_to(cr, x0 - (x0 - x1) * 0.3, r * fringe_y + dip, x1 + (x0 - x1) * 0.3, r * fringe_y + dip, x1,
                   r * fringe_y + (i == scallops - 1 ? r * 0.25 : 0));
  }
  cairo_close_path(cr);
}

void curls(cairo_t* cr, double r, double radius, int count, double from, double to, double size) {
  for (int i = 0; i < count; ++i) {
    const double a = M_PI * (from + (to - from) * i / (count - 1));
    cairo_new_sub_path(cr);
    cairo_arc(cr, std::cos(a) * r * radius, std::sin(a) * r * radius, r * size, 0, 2 * M_PI);
  }
}

}  // namespace

void draw_hair_back(cairo_t* cr, double r, const HeroColours& c) {
  if (c.hair_style == "long") {
    cairo_move_to(cr, -r * 1.1, 0);
    cairo_curve_to(cr, -r * 1.25, r * 0.8, -r * 1.1, r * 1.3, -r * 0.8, r * 1.45);
    cairo_line_to(cr, r * 0.8, r * 1.45);
    cairo_curve_to(cr, r * 1.1, r * 1.3, r * 1.25, r * 0.8, r * 1.1, 0);
    cairo_arc_negative(cr, 0, 0, r * 1.1, 0, M_PI);
    cairo_close_path(cr);
    fill_hair(cr, c);
  } else if (c.hair_style == "curly") {
    curls(cr, r, 1.02, 11, 0.85, 2.15, 0.3);
    fill_hair(cr, c);
  } else if (c.hair_style == "ponytail") {
    cairo_save(cr);
    cairo_translate(cr, r * 1.05, -r * 0.15);
    cairo_rotate(cr, -0.5);
    cairo_scale(cr, r * 0.32, r * 0.62);
    cairo_arc(cr, 0, 0.45, 1, 0, 2 * M_PI);
    cairo_restore(cr);
    fill_hair(cr, c);
    cairo_arc(cr, r * 0.92, -r * 0.42, r * 0.13, 0, 2 * M_PI);  // the hair tie
    set_source(cr, c.accent);
    cairo_fill(cr);
  }
}

void draw_hair_front(cairo_t* cr, double r, const HeroColours& c) {
  if (c.hair_style == "buzz") {
    cap(cr, r, 1.02, -0.6, 6, false);
    fill_hair(cr, c, 0.92);
  } else if (c.hair_style == "curly") {
    cap(cr, r, 1.05, -0.45, 5, false);
    fill_hair(cr, c);
    curls(cr, r, 0.82, 7, 1.12, 1.88, 0.2);
    fill_hair(cr, c);
  } else if (c.hair_style == "long") {
    cap(cr, r, 1.08, -0.35, 3, true);
    fill_hair(cr, c);
    for (int side : {-1, 1}) {  // locks framing the face
      cairo_move_to(cr, side * r * 1.07, -r * 0.2);
      cairo_curve_to(cr, side * r * 1.15, r * 0.4, side * r * 1.0, r * 0.9, side * r * 0.95, r * 1.2);
      cairo_line_to(cr, side * r * 0.8, r * 1.0);
      cairo_curve_to(cr, side * r * 0.85, r * 0.5, side * r * 0.85, r * 0.1, side * r * 0.8, -r * 0.4);
      cairo_close_path(cr);
      fill_hair(cr, c);
    }
  } else {
    cap(cr, r, 1.07, -0.38, 4, c.hair_style == "ponytail");
    fill_hair(cr, c);
  }
}

}  // namespace storyloom::art
