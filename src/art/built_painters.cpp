// Built and enclosed places: city skylines, castle towers, a ship's deck, the bedroom, caves.
#include <cmath>

#include "art/colour.hpp"
#include "art/layer_painters.hpp"

namespace storyloom::art {
namespace {

void fill_vertical(SceneCanvas& cv, double top, double bottom, core::Rgba a, core::Rgba b) {
  cairo_pattern_t* p = cairo_pattern_create_linear(0, top, 0, bottom);
  cairo_pattern_add_color_stop_rgb(p, 0, a.r / 255.0, a.g / 255.0, a.b / 255.0);
  cairo_pattern_add_color_stop_rgb(p, 1, b.r / 255.0, b.g / 255.0, b.b / 255.0);
  cairo_set_source(cv.cr, p);
  cairo_fill(cv.cr);
  cairo_pattern_destroy(p);
}

void windows(SceneCanvas& cv, double x, double top, double w, double base, core::Rgba lit) {
  const double cell = cv.side() * 0.018;
  for (double wy = top + cell; wy < base - cell; wy += cell * 1.8) {
    for (double wx = x + cell * 0.6; wx < x + w - cell * 1.2; wx += cell * 1.6) {
      if (cv.rng.uniform() < (cv.is_night() ? 0.55 : 0.85)) cairo_rectangle(cv.cr, wx, wy, cell * 0.8, cell);
    }
  }
  set_source(cv.cr, lit, cv.is_night() ? 0.95 : 0.5);
  cairo_fill(cv.cr);
}

void tower(SceneCanvas& cv, double x, double base, double w, double h, bool cone, core::Rgba wall, core::Rgba roof) {
  cairo_rectangle(cv.cr, x - w / 2, base - h, w, h);
  set_source(cv.cr, wall);
  cairo_fill(cv.cr);
  if (cone) {
    cairo_move_to(cv.cr, x - w * 0.65, base - h);
    cairo_line_to(cv.cr, x, base - h - w * 1.3);
    cairo_line_to(cv.cr, x + w * 0.65, base - h);
    cairo_close_path(cv.cr);
  } else {
    for (int k = 0; k < 3; ++k) cairo_rectangle(cv.cr, x - w / 2 + k * w * 0.4, base - h - w * 0.18, w * 0.2, w * 0.18);
  }
  set_source(cv.cr, roof);
  cairo_fill(cv.cr);
}

void tower_window(cairo_t* cr, double x, double base, double w, double h) {
  cairo_new_sub_path(cr);
  cairo_arc(cr, x, base - h * 0.7, w * 0.14, M_PI, 2 * M_PI);
  cairo_rel_line_to(cr, 0, w * 0.3);
  cairo_rel_line_to(cr, -w * 0.28, 0);
  cairo_close_path(cr);
}

}  // namespace

void paint_skyline(SceneCanvas& cv, const Layer& layer) {
  const core::Rgba c = cv.hazed(cv.colour(layer.colour, cv.named("mid")), layer.haze);
  const core::Rgba lit = cv.colour(layer.colour2, {255, 226, 140, 255});
  double x = -cv.w * 0.02;
  const double base = cv.py(layer.y);
  while (x < cv.w) {
    const double bw = cv.w * cv.rng.between(0.06, 0.13), bh = cv.py(layer.height) * cv.rng.between(0.5, 1.15);
    cairo_rectangle(cv.cr, x, base - bh, bw, bh + cv.h);
    if (cv.rng.uniform() < 0.3) cairo_rectangle(cv.cr, x + bw * 0.45, base - bh - bh * 0.12, bw * 0.06, bh * 0.12);
    set_source(cv.cr, mix(c, cv.named("sky_bottom"), cv.rng.between(0, 0.12)), layer.opacity);
    cairo_fill(cv.cr);
    windows(cv, x, base - bh, bw, base, lit);
    x += bw + cv.w * cv.rng.between(0.0, 0.015);
  }
}

// A castle or palace: a keep, flanking towers with cone roofs, lit windows.
void paint_towers(SceneCanvas& cv, const Layer& layer) {
  const core::Rgba wall = cv.hazed(cv.colour(layer.colour, cv.named("mid")), layer.haze);
  const core::Rgba roof = cv.hazed(cv.colour(layer.colour2, darker(wall, 0.3)), layer.haze);
  const double cx = cv.px(cv.mirror_x(layer.x)), base = cv.py(layer.y), h = cv.py(layer.height), w = cv.px(layer.width);
  cairo_rectangle(cv.cr, cx - w * 0.5, base - h * 0.45, w, h * 0.45 + cv.h * 0.02);
  set_source(cv.cr, darker(wall, 0.06));
  cairo_fill(cv.cr);
  const double spots[][3] = {{-0.5, 0.7, 0.16}, {0.5, 0.75, 0.16}, {-0.22, 0.85, 0.14}, {0.22, 0.9, 0.14}, {0, 1.0, 0.2}};
  for (const auto& s : spots) tower(cv, cx + s[0] * w, base, w * s[2], h * s[1], layer.shape != "fort", wall, roof);
  for (const auto& s : spots) tower_window(cv.cr, cx + s[0] * w, base, w * s[2], h * s[1]);
  set_source(cv.cr, cv.is_night() ? core::Rgba{255, 220, 120, 255} : darker(wall, 0.45));
  cairo_fill(cv.cr);
  cairo_arc(cv.cr, cx, base - h * 0.2, w * 0.09, M_PI, 2 * M_PI);  // the gate
  cairo_line_to(cv.cr, cx + w * 0.09, base);
  cairo_line_to(cv.cr, cx - w * 0.09, base);
  cairo_close_path(cv.cr);
  set_source(cv.cr, darker(wall, 0.55));
  cairo_fill(cv.cr);
}

// A ship's deck seen from the stern: planks, a rail, a mast with a full sail.
void paint_deck(SceneCanvas& cv, const Layer& layer) {
  const core::Rgba wood = cv.colour(layer.colour, {168, 112, 62, 255});
  const core::Rgba sail = cv.colour(layer.colour2, {250, 244, 228, 255});
  const double top = cv.py(layer.y);
  const double mx = cv.px(cv.mirror_x(layer.x));
  cairo_rectangle(cv.cr, mx - cv.w * 0.015, 0, cv.w * 0.03, top);  // mast
  set_source(cv.cr, darker(wood, 0.3));
  cairo_fill(cv.cr);
  const double sw = cv.w * 0.2, st = cv.h * 0.06, sb = top - cv.h * 0.16;
  cairo_move_to(cv.cr, mx - sw, st);
  cairo_curve_to(cv.cr, mx - sw * 1.1, (st + sb) / 2, mx - sw * 1.1, (st + sb) / 2, mx - sw * 0.95, sb);
  cairo_line_to(cv.cr, mx + sw * 0.95, sb);
  cairo_curve_to(cv.cr, mx + sw * 1.1, (st + sb) / 2, mx + sw * 1.1, (st + sb) / 2, mx + sw, st);
  cairo_close_path(cv.cr);
  fill_vertical(cv, st, sb, sail, darker(sail, 0.12));
  cairo_rectangle(cv.cr, 0, top - cv.h * 0.09, cv.w, cv.h * 0.018);  // rail and posts
  for (int i = 0; i <= 12; ++i) cairo_rectangle(cv.cr, cv.w * i / 12.0 - cv.w * 0.006, top - cv.h * 0.09, cv.w * 0.012, cv.h * 0.09);
  set_source(cv.cr, darker(wood, 0.2));
  cairo_fill(cv.cr);
  cairo_rectangle(cv.cr, 0, top, cv.w, cv.h - top);
  fill_vertical(cv, top, cv.h, darker(wood, 0.1), lighter(wood, 0.08));
  cairo_set_line_width(cv.cr, std::max(1.0, cv.h * 0.003));
  for (int i = -10; i <= 10; ++i) {  // planks converge to a vanishing point above the page
    cairo_move_to(cv.cr, cv.w * 0.5 + i * cv.w * 0.04, top);
    cairo_line_to(cv.cr, cv.w * 0.5 + i * cv.w * 0.12, cv.h);
  }
  set_source(cv.cr, darker(wood, 0.35), 0.6);
  cairo_stroke(cv.cr);
}

// The child's bedroom: papered wall, a window onto the sky of the hour, a wooden floor.
void paint_room(SceneCanvas& cv, const Layer& layer) {
  const core::Rgba wall = cv.colour(layer.colour, {238, 214, 184, 255});
  const core::Rgba floor = cv.colour(layer.colour2, {176, 122, 78, 255});
  const double fy = cv.py(layer.y);
  // The wall fills the whole page and the floor is laid over it: two shapes meeting at the
  // floor line would each cover part of its pixel row and leave it see-through.
  cairo_rectangle(cv.cr, 0, 0, cv.w, cv.h);
  fill_vertical(cv, 0, fy, lighter(wall, 0.08), darker(wall, 0.08));
  for (int i = 0; i < 90; ++i) {  // wallpaper dots
    cairo_new_sub_path(cv.cr);
    cairo_arc(cv.cr, cv.w * ((i % 10) + 0.5 * ((i / 10) % 2)) / 10.0, fy * ((i / 10) + 0.5) / 9.0, cv.side() * 0.006, 0, 2 * M_PI);
  }
  set_source(cv.cr, darker(wall, 0.12), 0.6);
  cairo_fill(cv.cr);
  const double wx = cv.px(cv.mirror_x(layer.x)), ww = cv.px(layer.width), wt = cv.py(0.12), wh = cv.py(layer.height);
  cairo_rectangle(cv.cr, wx - ww / 2, wt, ww, wh);
  fill_vertical(cv, wt, wt + wh, cv.named("sky_top"), cv.named("sky_bottom"));
  if (cv.is_night()) {
    set_source(cv.cr, {250, 245, 215, 255});
    cairo_arc(cv.cr, wx + ww * 0.22, wt + wh * 0.28, ww * 0.09, 0, 2 * M_PI);
    cairo_fill(cv.cr);
  }
  set_source(cv.cr, lighter(wall, 0.5));
  cairo_set_line_width(cv.cr, ww * 0.05);
  cairo_rectangle(cv.cr, wx - ww / 2, wt, ww, wh);
  cairo_move_to(cv.cr, wx, wt);
  cairo_line_to(cv.cr, wx, wt + wh);
  cairo_move_to(cv.cr, wx - ww / 2, wt + wh / 2);
  cairo_line_to(cv.cr, wx + ww / 2, wt + wh / 2);
  cairo_stroke(cv.cr);
  cairo_rectangle(cv.cr, 0, fy, cv.w, cv.h - fy);
  fill_vertical(cv, fy, cv.h, darker(floor, 0.15), floor);
  cairo_rectangle(cv.cr, 0, fy - cv.h * 0.025, cv.w, cv.h * 0.025);  // skirting board
  set_source(cv.cr, lighter(wall, 0.35));
  cairo_fill(cv.cr);
  cairo_set_line_width(cv.cr, std::max(1.0, cv.h * 0.003));
  for (double y = fy + cv.h * 0.04, step = cv.h * 0.04; y < cv.h; step *= 1.25, y += step) {
    cairo_move_to(cv.cr, 0, y);
    cairo_line_to(cv.cr, cv.w, y);
  }
  set_source(cv.cr, darker(floor, 0.3), 0.5);
  cairo_stroke(cv.cr);
}

// A cave mouth framing the page: dark rock with a ragged inner edge.
void paint_cave(SceneCanvas& cv, const Layer& layer) {
  const core::Rgba rock = cv.colour(layer.colour, {60, 52, 58, 255});
  cairo_set_fill_rule(cv.cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_rectangle(cv.cr, 0, 0, cv.w, cv.h);
  const int n = 40;
  for (int i = 0; i <= n; ++i) {
    const double a = M_PI * (1.0 + static_cast<double>(i) / n);
    const double r = 1.0 + cv.rng.between(-0.05, 0.05);
    const double x = cv.w * (0.5 + 0.5 * layer.width * r * std::cos(a) * 1.0);
    const double y = cv.py(layer.y) + cv.py(layer.height) * r * std::sin(a);
    i == 0 ? cairo_move_to(cv.cr, x, cv.h) : (void)0;
    cairo_line_to(cv.cr, x, y);
  }
  cairo_line_to(cv.cr, cv.w * (0.5 + 0.5 * layer.width), cv.h);
  cairo_close_path(cv.cr);
  fill_vertical(cv, 0, cv.h, rock, darker(rock, 0.3));
}

}  // namespace storyloom::art
