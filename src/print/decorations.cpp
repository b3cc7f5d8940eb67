#include "print/decorations.hpp"

#include <cmath>

namespace storyloom::print {

void rounded_rect_path(cairo_t* cr, const Rect& r, double radius) {
  const double pi = M_PI;
  cairo_new_sub_path(cr);
  cairo_arc(cr, r.right() - radius, r.y + radius, radius, -pi / 2, 0);
  cairo_arc(cr, r.right() - radius, r.bottom() - radius, radius, 0, pi / 2);
  cairo_arc(cr, r.x + radius, r.bottom() - radius, radius, pi / 2, pi);
  cairo_arc(cr, r.x + radius, r.y + radius, radius, pi, 3 * pi / 2);
  cairo_close_path(cr);
}

void fill_page(cairo_t* cr, const Rect& page, Colour c) {
  set_colour(cr, c);
  cairo_rectangle(cr, page.x, page.y, page.w, page.h);
  cairo_fill(cr);
}

void draw_star(cairo_t* cr, double cx, double cy, double radius, Colour c) {
  cairo_new_path(cr);
  for (int i = 0; i < 10; ++i) {
    const double r = i % 2 == 0 ? radius : radius * 0.45;
    const double a = -M_PI / 2 + i * M_PI / 5;
    cairo_line_to(cr, cx + r * std::cos(a), cy + r * std::sin(a));
  }
  cairo_close_path(cr);
  set_colour(cr, c);
  cairo_fill(cr);
}

void draw_frame(cairo_t* cr, const Rect& area, Colour c) {
  set_colour(cr, c);
  cairo_set_line_width(cr, 3);
  rounded_rect_path(cr, area, 22);
  cairo_stroke(cr);
  cairo_set_line_width(cr, 1.2);
  rounded_rect_path(cr, area.inset(8), 16);
  cairo_stroke(cr);
  for (double x : {area.x, area.right()})
    for (double y : {area.y, area.bottom()}) draw_star(cr, x, y, 13, c);
}

void draw_star_sprinkle(cairo_t* cr, const Rect& area, Colour c, int count, bool bottom) {
  for (int i = 0; i < count; ++i) {
    // A fixed golden-ratio walk: looks scattered, prints the same every time.
    const double fx = std::fmod(0.137 + i * 0.618034, 1.0);
    const bool top = !bottom || i % 2 == 0;
    const double fy = std::fmod(0.31 + i * 0.4142, 1.0) * 0.12;
    const double y = top ? area.y + area.h * fy : area.bottom() - area.h * fy;
    draw_star(cr, area.x + area.w * fx, y, 4 + 5 * std::fmod(i * 0.7548, 1.0), c);
  }
}

void draw_lock(cairo_t* cr, double cx, double cy, double size, Colour c) {
  set_colour(cr, c);
  cairo_set_line_width(cr, size * 0.12);
  cairo_new_path(cr);
  cairo_arc(cr, cx, cy - size * 0.1, size * 0.3, M_PI, 2 * M_PI);
  cairo_line_to(cr, cx + size * 0.3, cy + size * 0.05);
  cairo_move_to(cr, cx - size * 0.3, cy + size * 0.05);
  cairo_line_to(cr, cx - size * 0.3, cy - size * 0.1);
  cairo_stroke(cr);
  rounded_rect_path(cr, {cx - size * 0.45, cy + size * 0.02, size * 0.9, size * 0.62}, size * 0.1);
  cairo_fill(cr);
}

}  // namespace storyloom::print
