// Atmosphere drawn over a scene: bubbles, falling snow, sparkles (fireflies, magic), crystals.
#include <cmath>

#include "art/colour.hpp"
#include "art/layer_painters.hpp"

namespace storyloom::art {
namespace {

std::pair<double, double> band_of(const Layer& layer) {
  return layer.band.empty() ? std::pair{0.0, 1.0} : std::pair{layer.band[0], layer.band[1]};
}

}  // namespace

void paint_bubbles(SceneCanvas& cv, const Layer& layer) {
  const core::Rgba c = cv.colour(layer.colour, {230, 250, 255, 255});
  const auto [y0, y1] = band_of(layer);
  cairo_set_line_width(cv.cr, std::max(1.0, cv.side() * 0.0025));
  for (int i = 0; i < layer.count; ++i) {
    const double x = cv.px(cv.rng.uniform()), y = cv.py(cv.rng.between(y0, y1));
    const double r = cv.side() * layer.height * cv.rng.between(0.3, 1.0);
    cairo_arc(cv.cr, x, y, r, 0, 2 * M_PI);
    set_source(cv.cr, c, 0.18 * layer.opacity);
    cairo_fill_preserve(cv.cr);
    set_source(cv.cr, c, 0.7 * layer.opacity);
    cairo_stroke(cv.cr);
    cairo_arc(cv.cr, x - r * 0.35, y - r * 0.35, r * 0.22, 0, 2 * M_PI);
    set_source(cv.cr, {255, 255, 255, 255}, 0.8 * layer.opacity);
    cairo_fill(cv.cr);
  }
}

void paint_snowfall(SceneCanvas& cv, const Layer& layer) {
  const core::Rgba c = cv.colour(layer.colour, {255, 255, 255, 255});
  const auto [y0, y1] = band_of(layer);
  for (int i = 0; i < layer.count; ++i) {
    cairo_new_sub_path(cv.cr);
    cairo_arc(cv.cr, cv.px(cv.rng.uniform()), cv.py(cv.rng.between(y0, y1)), cv.side() * layer.height * cv.rng.between(0.3, 1.0),
              0, 2 * M_PI);
  }
  set_source(cv.cr, c, 0.85 * layer.opacity);
  cairo_fill(cv.cr);
}

// Glowing points with a soft halo: fireflies, fairy dust, twinkles over a triumph.
void paint_sparkles(SceneCanvas& cv, const Layer& layer) {
  const core::Rgba c = cv.colour(layer.colour, cv.named("light"));
  const auto [y0, y1] = band_of(layer);
  for (int i = 0; i < layer.count; ++i) {
    const double x = cv.px(cv.rng.uniform()), y = cv.py(cv.rng.between(y0, y1));
    const double r = cv.side() * layer.height * cv.rng.between(0.4, 1.0);
    cairo_pattern_t* halo = cairo_pattern_create_radial(x, y, 0, x, y, r * 4);
    cairo_pattern_add_color_stop_rgba(halo, 0, c.r / 255.0, c.g / 255.0, c.b / 255.0, 0.6 * layer.opacity);
    cairo_pattern_add_color_stop_rgba(halo, 1, c.r / 255.0, c.g / 255.0, c.b / 255.0, 0);
    cairo_set_source(cv.cr, halo);
    cairo_arc(cv.cr, x, y, r * 4, 0, 2 * M_PI);
    cairo_fill(cv.cr);
    cairo_pattern_destroy(halo);
    set_source(cv.cr, lighter(c, 0.6), layer.opacity);
    cairo_arc(cv.cr, x, y, r, 0, 2 * M_PI);
    cairo_fill(cv.cr);
  }
}

// Clusters of faceted crystal shards standing in a band (ice palace, crystal stream).
void paint_crystals(SceneCanvas& cv, const Layer& layer) {
  const core::Rgba c = cv.colour(layer.colour, {170, 220, 255, 255});
  const core::Rgba face = cv.colour(layer.colour2, lighter(c, 0.5));
  const auto [y0, y1] = band_of(layer);
  for (int i = 0; i < layer.count; ++i) {
    const double x = cv.px(cv.rng.uniform()), base = cv.py(cv.rng.between(y0, y1));
    for (int k = 0; k < 3; ++k) {
      const double h = cv.side() * layer.height * cv.rng.between(0.5, 1.0) * (k == 1 ? 1.0 : 0.65);
      const double w = h * 0.28, lean = (k - 1) * 0.35;
      const double tx = x + (k - 1) * w * 0.8 + lean * h * 0.4;
      cairo_move_to(cv.cr, x + (k - 1) * w * 0.8 - w / 2, base);
      cairo_line_to(cv.cr, tx - w / 2, base - h * 0.8);
      cairo_line_to(cv.cr, tx, base - h);
      cairo_line_to(cv.cr, tx + w / 2, base - h * 0.8);
      cairo_line_to(cv.cr, x + (k - 1) * w * 0.8 + w / 2, base);
      cairo_close_path(cv.cr);
      set_source(cv.cr, c, 0.85 * layer.opacity);
      cairo_fill(cv.cr);
      cairo_move_to(cv.cr, tx, base - h);
      cairo_line_to(cv.cr, tx + w / 2, base - h * 0.8);
      cairo_line_to(cv.cr, x + (k - 1) * w * 0.8 + w / 2, base);
      cairo_line_to(cv.cr, x + (k - 1) * w * 0.8, base);
      cairo_close_path(cv.cr);
      set_source(cv.cr, face, 0.7 * layer.opacity);
      cairo_fill(cv.cr);
    }
  }
}

// A flat colour over the whole page (night dimming, underwater blue), at `opacity`.
void paint_wash(SceneCanvas& cv, const Layer& layer) {
  set_source(cv.cr, cv.colour(layer.colour, cv.named("sky_top")), layer.opacity);
  cairo_paint(cv.cr);
}

}  // namespace storyloom::art
