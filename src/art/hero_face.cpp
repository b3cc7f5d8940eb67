// The hero's face: eyes with a highlight, brows, cheeks, nose and a mouth set by the mood.
// Coordinates are around the head centre, in the same units as the head radius r.
#include <cmath>

#include "art/colour.hpp"
#include "art/hero_figure.hpp"

namespace storyloom::art {
namespace {

void stroke_dark(cairo_t* cr, double width, core::Rgba c) {
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_width(cr, width);
  set_source(cr, c);
  cairo_stroke(cr);
}

void eyes(cairo_t* cr, double r, const HeroColours& c, bool closed) {
  for (int side : {-1, 1}) {
    const double ex = side * r * 0.36, ey = r * 0.08;
    if (closed) {
      cairo_arc(cr, ex, ey - r * 0.03, r * 0.12, M_PI * 0.15, M_PI * 0.85);
      stroke_dark(cr, r * 0.05, darker(c.eyes, 0.4));
      continue;
    }
    cairo_save(cr);
    cairo_translate(cr, ex, ey);
    cairo_scale(cr, r * 0.105, r * 0.14);
    cairo_arc(cr, 0, 0, 1, 0, 2 * M_PI);
    cairo_restore(cr);
    set_source(cr, darker(c.eyes, 0.25));
    cairo_fill(cr);
    cairo_arc(cr, ex - r * 0.035, ey - r * 0.05, r * 0.045, 0, 2 * M_PI);
    set_source(cr, {255, 255, 255, 255});
    cairo_fill(cr);
  }
}

void brows(cairo_t* cr, double r, const Mood& mood, const HeroColours& c) {
  for (int side : {-1, 1}) {
    cairo_save(cr);
    cairo_translate(cr, side * r * 0.38, -r * 0.2);
    cairo_rotate(cr, -side * mood.brows * M_PI / 180.0);
    cairo_move_to(cr, -r * 0.12, r * 0.02);
    cairo_curve_to(cr, -r * 0.05, -r * 0.04, r * 0.05, -r * 0.04, r * 0.12, r * 0.02);
    cairo_restore(cr);
    stroke_dark(cr, r * 0.055, darker(c.hair, 0.1));
  }
}

void mouth(cairo_t* cr, double r, const Mood& mood) {
  const core::Rgba lip{120, 40, 40, 255};
  const double my = r * 0.5;
  if (mood.mouth == "grin") {
    cairo_move_to(cr, -r * 0.24, my - r * 0.04);
    cairo_curve_to(cr, -r * 0.2, my + r * 0.3, r * 0.2, my + r * 0.3, r * 0.24, my - r * 0.04);
    cairo_close_path(cr);
    set_source(cr, lip);
    cairo_fill_preserve(cr);
    cairo_save(cr);
    cairo_clip(cr);
    cairo_arc(cr, 0, my + r * 0.24, r * 0.14, 0, 2 * M_PI);  // tongue
    set_source(cr, {235, 110, 120, 255});
    cairo_fill(cr);
    cairo_restore(cr);
  } else if (mood.mouth == "o") {
    cairo_save(cr);
    cairo_translate(cr, 0, my + r * 0.05);
    cairo_scale(cr, r * 0.09, r * 0.12);
    cairo_arc(cr, 0, 0, 1, 0, 2 * M_PI);
    cairo_restore(cr);
    set_source(cr, lip);
    cairo_fill(cr);
  } else if (mood.mouth == "flat") {
    cairo_move_to(cr, -r * 0.13, my + r * 0.06);
    cairo_curve_to(cr, -r * 0.05, my + r * 0.03, r * 0.05, my + r * 0.03, r * 0.13, my + r * 0.06);
    stroke_dark(cr, r * 0.05, lip);
  } else {
    const double width = mood.mouth == "soft" ? 0.14 : 0.22;
    cairo_move_to(cr, -r * width, my);
    cairo_curve_to(cr, -r * width * 0.5, my + r * width, r * width * 0.5, my + r * width, r * width, my);
    stroke_dark(cr, r * 0.055, lip);
  }
}

}  // namespace

void draw_face(cairo_t* cr, double r, const Mood& mood, const HeroColours& c, bool eyes_closed) {
  for (int side : {-1, 1}) {
    cairo_arc(cr, side * r * 0.58, r * 0.36, r * 0.15, 0, 2 * M_PI);
    set_source(cr, {240, 110, 110, 255}, 0.35);
    cairo_fill(cr);
  }
  eyes(cr, r, c, eyes_closed);
  brows(cr, r, mood, c);
  cairo_move_to(cr, -r * 0.05, r * 0.3);
  cairo_curve_to(cr, -r * 0.02, r * 0.35, r * 0.02, r * 0.35, r * 0.05, r * 0.3);
  stroke_dark(cr, r * 0.04, darker(c.skin, 0.3));
  mouth(cr, r, mood);
}

}  // namespace storyloom::art
