// Land layers: hills and mountains, the ground, tree lines, paths, water, waterfalls, grass.
#include <cmath>
#include <tuple>
#include <vector>

#include "art/colour.hpp"
#include "art/layer_painters.hpp"

namespace storyloom::art {
namespace {

void vertical_fill(SceneCanvas& cv, double top, double bottom, core::Rgba a, core::Rgba b, double alpha = 1.0) {
  cairo_pattern_t* p = cairo_pattern_create_linear(0, top, 0, bottom);
  cairo_pattern_add_color_stop_rgba(p, 0, a.r / 255.0, a.g / 255.0, a.b / 255.0, alpha);
  cairo_pattern_add_color_stop_rgba(p, 1, b.r / 255.0, b.g / 255.0, b.b / 255.0, alpha);
  cairo_set_source(cv.cr, p);
  cairo_fill(cv.cr);
  cairo_pattern_destroy(p);
}

// Height of a rolling silhouette at x (0..1): a seeded sum of sines.
struct Ridge {
  double phase[3], freq[3];
  double at(double x, int waves) const {
    double y = 0;
    for (int k = 0; k < 3; ++k) y += std::sin(phase[k] + x * freq[k] * waves) / (k + 1.0);
    return y / 1.83;
  }
};

Ridge make_ridge(SeededRandom& rng) {
  Ridge r;
  for (int k = 0; k < 3; ++k) {
    r.phase[k] = rng.between(0, 6.283);
    r.freq[k] = 3.1416 * (k + 1) * rng.between(0.8, 1.2);
  }
  return r;
}

void trace_peaks(SceneCanvas& cv, const Layer& layer, std::vector<core::PointF>& tops) {
  const int n = std::max(2, layer.waves);
  cairo_move_to(cv.cr, 0, cv.h);
  cairo_line_to(cv.cr, 0, cv.py(layer.y));
  for (int i = 0; i < n; ++i) {
    const double x0 = (i + cv.rng.between(0.1, 0.3)) / n, xp = (i + cv.rng.between(0.4, 0.6)) / n;
    const double peak = layer.y - layer.amplitude * cv.rng.between(0.6, 1.0);
    cairo_line_to(cv.cr, cv.px(x0), cv.py(layer.y));
    cairo_line_to(cv.cr, cv.px(xp), cv.py(peak));
    tops.push_back({xp, peak});
  }
  cairo_line_to(cv.cr, cv.w, cv.py(layer.y));
  cairo_line_to(cv.cr, cv.w, cv.h);
  cairo_close_path(cv.cr);
}

void snow_caps(SceneCanvas& cv, const Layer& layer, const std::vector<core::PointF>& tops, core::Rgba snow) {
  const int n = std::max(2, layer.waves);
  for (const auto& t : tops) {
    const double cap = layer.amplitude * 0.3, half = 0.5 / n * 0.45;
    cairo_move_to(cv.cr, cv.px(t.x), cv.py(t.y));
    cairo_line_to(cv.cr, cv.px(t.x + half), cv.py(t.y + cap));
    cairo_line_to(cv.cr, cv.px(t.x + half * 0.3), cv.py(t.y + cap * 0.75));
    cairo_line_to(cv.cr, cv.px(t.x - half * 0.2), cv.py(t.y + cap * 0.95));
    cairo_line_to(cv.cr, cv.px(t.x - half), cv.py(t.y + cap));
    cairo_close_path(cv.cr);
  }
  set_source(cv.cr, snow);
  cairo_fill(cv.cr);
}

void trace_ridge(SceneCanvas& cv, const Layer& layer) {
  const Ridge ridge = make_ridge(cv.rng);
  cairo_move_to(cv.cr, 0, cv.h);
  for (int i = 0; i <= 64; ++i) {
    const double x = i / 64.0;
    double lift = ridge.at(x, layer.waves);
    if (layer.shape == "dunes") lift = std::pow(std::abs(lift), 0.7) * (lift < 0 ? -0.4 : 1.0);
    cairo_line_to(cv.cr, cv.px(x), cv.py(layer.y - lift * layer.amplitude));
  }
  cairo_line_to(cv.cr, cv.w, cv.h);
  cairo_close_path(cv.cr);
}

void pine(cairo_t* cr, double x, double base, double h) {
  for (int tier = 0; tier < 3; ++tier) {
    const double top = base - h * (1.0 - tier * 0.22), bottom = base - h * (0.35 - tier * 0.15);
    const double half = h * (0.17 + tier * 0.06);
    cairo_move_to(cr, x, top);
    cairo_line_to(cr, x + half, bottom);
    cairo_line_to(cr, x - half, bottom);
    cairo_close_path(cr);
  }
  cairo_rectangle(cr, x - h * 0.03, base - h * 0.22, h * 0.06, h * 0.22);
}

void round_tree(cairo_t* cr, double x, double base, double h) {
  cairo_rectangle(cr, x - h * 0.045, base - h * 0.5, h * 0.09, h * 0.5);
  for (auto [dx, dy, r] : {std::tuple{0.0, 0.68, 0.3}, {-0.2, 0.55, 0.2}, {0.2, 0.56, 0.21}, {0.0, 0.86, 0.17}}) {
    cairo_new_sub_path(cr);
    cairo_arc(cr, x + dx * h, base - dy * h, r * h, 0, 2 * M_PI);
  }
}

void palm(cairo_t* cr, double x, double base, double h, double lean) {
  const double tx = x + lean * h * 0.3, ty = base - h;
  cairo_move_to(cr, x - h * 0.035, base);
  cairo_curve_to(cr, x, base - h * 0.5, tx - h * 0.05, ty + h * 0.2, tx - h * 0.02, ty);
  cairo_line_to(cr, tx + h * 0.02, ty);
  cairo_curve_to(cr, tx + h * 0.02, ty + h * 0.2, x + h * 0.05, base - h * 0.5, x + h * 0.035, base);
  cairo_close_path(cr);
  const double len = h * 0.42;
  for (int f = 0; f < 7; ++f) {  // drooping fronds fanned over the top
    const double a = M_PI * (1.08 + f * 0.14);
    const double ex = tx + std::cos(a) * len, ey = ty + std::sin(a) * len * 0.45 + len * 0.45;
    const double mx = tx + std::cos(a) * len * 0.55, my = ty + std::sin(a) * len * 0.75;
    cairo_move_to(cr, tx, ty);
    cairo_curve_to(cr, mx, my - len * 0.12, ex, ey - len * 0.2, ex, ey);
    cairo_curve_to(cr, ex, ey - len * 0.05, mx, my + len * 0.1, tx, ty + h * 0.02);
    cairo_close_path(cr);
  }
}

}  // namespace

void paint_hills(SceneCanvas& cv, const Layer& layer) {
  const core::Rgba c = cv.hazed(cv.colour(layer.colour, cv.named("far")), layer.haze);
  std::vector<core::PointF> tops;
  if (layer.shape == "peaks") {
    trace_peaks(cv, layer, tops);
  } else {
    trace_ridge(cv, layer);
  }
  vertical_fill(cv, cv.py(layer.y - layer.amplitude), cv.h, c, darker(c, 0.18), layer.opacity);
  if (!tops.empty() && !layer.colour2.empty()) snow_caps(cv, layer, tops, cv.hazed(cv.colour(layer.colour2, {}), layer.haze * 0.5));
}

void paint_ground(SceneCanvas& cv, const Layer& layer) {
  const core::Rgba c = cv.colour(layer.colour, cv.named("ground"));
  trace_ridge(cv, layer);
  vertical_fill(cv, cv.py(layer.y - layer.amplitude), cv.h, c, cv.colour(layer.colour2, darker(c, 0.25)), layer.opacity);
}

void paint_trees(SceneCanvas& cv, const Layer& layer) {
  const core::Rgba c = cv.hazed(cv.colour(layer.colour, cv.named("mid")), layer.haze);
  const double x0 = layer.spread.empty() ? -0.05 : layer.spread[0], x1 = layer.spread.empty() ? 1.05 : layer.spread[1];
  for (int i = 0; i < layer.count; ++i) {
    const double fx = x0 + (x1 - x0) * (i + cv.rng.between(0.2, 0.8)) / std::max(1, layer.count);
    const double x = cv.px(cv.mirror_x(fx)), base = cv.py(layer.y + cv.rng.between(-0.01, 0.02));
    const double h = cv.py(layer.height) * cv.rng.between(0.75, 1.25);
    std::string shape = layer.shape;
    if (shape == "mixed") shape = cv.rng.uniform() < 0.5 ? "pine" : "round";
    if (shape == "palm") {
      palm(cv.cr, x, base, h, cv.rng.between(-1, 1));
    } else if (shape == "round") {
      round_tree(cv.cr, x, base, h);
    } else {
      pine(cv.cr, x, base, h);
    }
  }
  set_source(cv.cr, c, layer.opacity);
  cairo_fill(cv.cr);
}

// A path winding from the bottom of the page to a vanishing point at (x, y).
void paint_path(SceneCanvas& cv, const Layer& layer) {
  const core::Rgba c = cv.colour(layer.colour, lighter(cv.named("ground"), 0.3));
  const double vx = cv.px(cv.mirror_x(layer.x)), vy = cv.py(layer.y), bottom_w = cv.w * layer.width;
  const double bend = cv.w * 0.18 * (cv.mirrored ? -1 : 1);
  cairo_move_to(cv.cr, cv.w * 0.5 - bottom_w, cv.h);
  cairo_curve_to(cv.cr, cv.w * 0.5 - bottom_w * 0.6 + bend, cv.h * 0.85, vx - bend, vy + (cv.h - vy) * 0.3, vx - cv.w * 0.01, vy);
  cairo_line_to(cv.cr, vx + cv.w * 0.01, vy);
  cairo_curve_to(cv.cr, vx - bend + cv.w * 0.05, vy + (cv.h - vy) * 0.3, cv.w * 0.5 + bottom_w * 0.6 + bend, cv.h * 0.85,
                 cv.w * 0.5 + bottom_w, cv.h);
  cairo_close_path(cv.cr);
  vertical_fill(cv, vy, cv.h, mix(c, cv.named("sky_bottom"), 0.3), c, layer.opacity);
}

void paint_water(SceneCanvas& cv, const Layer& layer) {
  const core::Rgba c = cv.colour(layer.colour, cv.colour("water", {70, 140, 200, 255}));
  const core::Rgba deep = cv.colour(layer.colour2, darker(c, 0.3));
  const double top = cv.py(layer.y), bottom = layer.height > 0 && layer.shape == "band" ? cv.py(layer.y + layer.height) : cv.h;
  cairo_rectangle(cv.cr, 0, top, cv.w, bottom - top);
  vertical_fill(cv, top, bottom, lighter(c, 0.1), deep, layer.opacity);
  const core::Rgba shine = lighter(cv.named("light"), 0.4);
  for (int i = 0; i < 26; ++i) {  // glints, denser under the light
    const double t = cv.rng.uniform();
    const double y = top + (bottom - top) * t * t;
    const double x = cv.rng.uniform() < 0.5 ? cv.px(cv.light.x + cv.rng.between(-0.08, 0.08)) : cv.px(cv.rng.uniform());
    const double len = cv.w * cv.rng.between(0.02, 0.07) * (0.4 + t);
    cairo_rectangle(cv.cr, x - len / 2, y, len, std::max(1.0, cv.h * 0.003 * (0.5 + t)));
  }
  set_source(cv.cr, shine, 0.45 * layer.opacity);
  cairo_fill(cv.cr);
}

void paint_waterfall(SceneCanvas& cv, const Layer& layer) {
  const core::Rgba c = cv.colour(layer.colour, cv.colour("water", {120, 190, 230, 255}));
  const double x = cv.px(cv.mirror_x(layer.x)), half = cv.px(layer.width) / 2, top = cv.py(layer.y);
  const double bottom = cv.py(layer.y + layer.height);
  cairo_move_to(cv.cr, x - half * 0.8, top);
  cairo_line_to(cv.cr, x + half * 0.8, top);
  cairo_line_to(cv.cr, x + half, bottom);
  cairo_line_to(cv.cr, x - half, bottom);
  cairo_close_path(cv.cr);
  vertical_fill(cv, top, bottom, lighter(c, 0.2), c, layer.opacity);
  set_source(cv.cr, {255, 255, 255, 255}, 0.55 * layer.opacity);
  cairo_set_line_cap(cv.cr, CAIRO_LINE_CAP_ROUND);
  for (int i = 0; i < 9; ++i) {
    const double sx = x + half * cv.rng.between(-0.75, 0.75), sy = top + (bottom - top) * cv.rng.between(0, 0.6);
    cairo_set_line_width(cv.cr, cv.w * cv.rng.between(0.003, 0.007));
    cairo_move_to(cv.cr, sx, sy);
    cairo_line_to(cv.cr, sx * 1.0 + (sx - x) * 0.08, sy + (bottom - top) * cv.rng.between(0.2, 0.4));
    cairo_stroke(cv.cr);
  }
  for (int i = 0; i < 14; ++i) {  // foam where it lands
    cairo_new_sub_path(cv.cr);
    cairo_arc(cv.cr, x + half * cv.rng.between(-1.3, 1.3), bottom + cv.h * cv.rng.between(-0.01, 0.01),
              cv.w * cv.rng.between(0.01, 0.025), 0, 2 * M_PI);
  }
  set_source(cv.cr, {255, 255, 255, 255}, 0.8 * layer.opacity);
  cairo_fill(cv.cr);
}

// Tufts of grass blades along a band, drawn as thin curved wedges.
void paint_grass(SceneCanvas& cv, const Layer& layer) {
  const core::Rgba c = cv.colour(layer.colour, cv.named("near"));
  const double y0 = layer.band.empty() ? layer.y : layer.band[0], y1 = layer.band.empty() ? layer.y : layer.band[1];
  for (int i = 0; i < layer.count; ++i) {
    const double x = cv.px(cv.rng.uniform()), base = cv.py(cv.rng.between(y0, y1));
    const double h = cv.py(layer.height) * cv.rng.between(0.6, 1.2);
    for (int b = -2; b <= 2; ++b) {
      const double tip = x + b * h * 0.22 + cv.rng.between(-0.1, 0.1) * h;
      cairo_move_to(cv.cr, x - h * 0.05 + b * h * 0.04, base);
      cairo_curve_to(cv.cr, x + b * h * 0.05, base - h * 0.5, tip, base - h * 0.8, tip, base - h * (1 - std::abs(b) * 0.15));
      cairo_curve_to(cv.cr, tip, base - h * 0.7, x + b * h * 0.08, base - h * 0.4, x + h * 0.05 + b * h * 0.04, base);
      cairo_close_path(cv.cr);
    }
  }
  set_source(cv.cr, c, layer.opacity);
  cairo_fill(cv.cr);
}

}  // namespace storyloom::art
