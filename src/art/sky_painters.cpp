// Sky layers: gradient, sun or moon with its glow, stars, clouds, aurora and light shafts.
#include <algorithm>
#include <cmath>
#include <tuple>

#include "art/colour.hpp"
#include "art/layer_painters.hpp"

namespace storyloom::art {
namespace {

void add_gradient_stop(cairo_pattern_t* p, double at, core::Rgba c, double alpha = 1.0) {
  cairo_pattern_add_color_stop_rgba(p, at, c.r / 255.0, c.g / 255.0, c.b / 255.0, c.a / 255.0 * alpha);
}

// Soft glows are smooth, so large ones are drawn at 1/8 size and scaled up (far cheaper than a
// full-size radial gradient, and indistinguishable).
void fill_radial_glow(SceneCanvas& cv, double x, double y, double radius, core::Rgba c, double alpha) {
  const double k = radius > 200 ? 8.0 : 1.0;
  const int size = static_cast<int>(std::ceil(2 * radius / k)) + 2;
  cairo_surface_t* small = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, size, size);
  cairo_t* scr = cairo_create(small);
  const double c0 = size / 2.0;
  cairo_pattern_t* glow = cairo_pattern_create_radial(c0, c0, 0, c0, c0, radius / k);
  add_gradient_stop(glow, 0, c, alpha);
  add_gradient_stop(glow, 0.35, c, alpha * 0.45);
  add_gradient_stop(glow, 1, c, 0);
  cairo_set_source(scr, glow);
  cairo_paint(scr);
  cairo_pattern_destroy(glow);
  cairo_destroy(scr);
  cairo_save(cv.cr);
  cairo_translate(cv.cr, x - c0 * k, y - c0 * k);
  cairo_scale(cv.cr, k, k);
  cairo_set_source_surface(cv.cr, small, 0, 0);
  cairo_pattern_set_filter(cairo_get_source(cv.cr), CAIRO_FILTER_BILINEAR);
  cairo_rectangle(cv.cr, 0, 0, size, size);
  cairo_fill(cv.cr);
  cairo_restore(cv.cr);
  cairo_surface_destroy(small);
}

void puff(cairo_t* cr, double x, double y, double r) {
  cairo_new_sub_path(cr);
  cairo_arc(cr, x, y, r, 0, 2 * M_PI);
}

void twinkle(cairo_t* cr, double x, double y, double r) {
  cairo_move_to(cr, x, y - r);
  cairo_curve_to(cr, x, y, x, y, x + r, y);
  cairo_curve_to(cr, x, y, x, y, x, y + r);
  cairo_curve_to(cr, x, y, x, y, x - r, y);
  cairo_curve_to(cr, x, y, x, y, x, y - r);
  cairo_close_path(cr);
}

}  // namespace

// The sky covers the whole page, so it is written row by row straight into the surface: a
// vertical gradient is one colour per row, far cheaper than Cairo's per-pixel gradient.
void paint_sky(SceneCanvas& cv, const Layer& layer) {
  const core::Rgba top = cv.colour(layer.colour, cv.named("sky_top"));
  const core::Rgba bottom = cv.colour(layer.colour2, cv.named("sky_bottom"));
  cairo_surface_t* surface = cairo_get_target(cv.cr);
  cairo_surface_flush(surface);
  unsigned char* data = cairo_image_surface_get_data(surface);
  const int stride = cairo_image_surface_get_stride(surface);
  const int rows = cairo_image_surface_get_height(surface), cols = cairo_image_surface_get_width(surface);
  const double horizon = std::max(1.0, cv.py(layer.y));
  for (int y = 0; y < rows; ++y) {
    const core::Rgba c = mix(top, bottom, (y + 0.5) / horizon);
    const std::uint32_t pixel = 0xff000000u | (std::uint32_t{c.r} << 16) | (std::uint32_t{c.g} << 8) | c.b;
    std::fill_n(reinterpret_cast<std::uint32_t*>(data + static_cast<std::size_t>(y) * stride), cols, pixel);
  }
  cairo_surface_mark_dirty(surface);
}

// The sun by day (low and large at sunset), the moon at night; a wide soft glow either way.
void paint_sun(SceneCanvas& cv, const Layer& layer) {
  const double x = cv.px(cv.light.x), y = cv.py(cv.light.y);
  const core::Rgba light = cv.colour(layer.colour, cv.named("light"));
  const double r = cv.side() * (cv.time_of_day == "sunset" ? 0.075 : 0.055) * (layer.height / 0.2);
  fill_radial_glow(cv, x, y, cv.side() * 0.45, light, 0.55 * layer.opacity);
  if (cv.is_night()) {
    set_source(cv.cr, lighter(light, 0.6), layer.opacity);
    cairo_arc(cv.cr, x, y, r * 0.9, 0, 2 * M_PI);
    cairo_fill(cv.cr);
    set_source(cv.cr, darker(light, 0.12), 0.35 * layer.opacity);  // a few soft craters
    for (auto [dx, dy, rr] : {std::tuple{-0.3, -0.2, 0.22}, {0.25, 0.3, 0.16}, {0.35, -0.35, 0.12}}) {
      puff(cv.cr, x + dx * r, y + dy * r, rr * r);
    }
    cairo_fill(cv.cr);
    return;
  }
  fill_radial_glow(cv, x, y, r * 2.2, lighter(light, 0.3), 0.7 * layer.opacity);
  set_source(cv.cr, lighter(light, 0.45), layer.opacity);
  cairo_arc(cv.cr, x, y, r, 0, 2 * M_PI);
  cairo_fill(cv.cr);
}

void paint_stars(SceneCanvas& cv, const Layer& layer) {
  const core::Rgba c = cv.colour(layer.colour, {255, 250, 230, 255});
  for (int i = 0; i < layer.count; ++i) {
    const double x = cv.px(cv.rng.uniform()), y = cv.py(cv.rng.uniform() * layer.y);
    const double r = cv.side() * cv.rng.between(0.0015, 0.004);
    set_source(cv.cr, c, layer.opacity * cv.rng.between(0.5, 1.0));
    if (cv.rng.uniform() < 0.12) {
      twinkle(cv.cr, x, y, r * 3.5);
    } else {
      cairo_arc(cv.cr, x, y, r, 0, 2 * M_PI);
    }
    cairo_fill(cv.cr);
  }
}

// Puffy cumulus: overlapping circles on a flat base, lit from the top.
void paint_clouds(SceneCanvas& cv, const Layer& layer) {
  core::Rgba c = cv.colour(layer.colour, {255, 255, 255, 255});
  if (cv.is_night()) c = mix(c, cv.named("sky_top"), 0.6);
  const double y0 = layer.band.empty() ? 0.08 : layer.band[0], y1 = layer.band.empty() ? 0.35 : layer.band[1];
  for (int i = 0; i < layer.count; ++i) {
    const double cx = cv.px(cv.rng.between(-0.05, 1.05)), cy = cv.py(cv.rng.between(y0, y1));
    const double s = cv.side() * layer.height * cv.rng.between(0.6, 1.2);
    const int puffs = 4 + cv.rng.below(3);
    for (int shade = 0; shade < 2; ++shade) {
      for (int k = 0; k < puffs; ++k) {
        const double t = (k + 0.5) / puffs - 0.5;
        const double r = s * (0.28 - 0.22 * std::abs(t)) * (1.0 + 0.25 * std::sin(k * 2.3 + i));
        puff(cv.cr, cx + t * s * 1.4, cy - r * 0.5 + (shade ? -s * 0.03 : 0), r);
      }
      cairo_rectangle(cv.cr, cx - s * 0.7, cy - s * 0.12, s * 1.4, s * 0.12);
      set_source(cv.cr, shade ? c : mix(c, cv.named("sky_bottom"), 0.35), layer.opacity * 0.92);
      cairo_fill(cv.cr);
    }
  }
}

// Northern lights: wavy curtains fading downwards.
void paint_aurora(SceneCanvas& cv, const Layer& layer) {
  const core::Rgba a = cv.colour(layer.colour, {90, 255, 170, 255}), b = cv.colour(layer.colour2, {150, 110, 255, 255});
  for (int band = 0; band < std::max(1, layer.count); ++band) {
    const double base = cv.py(layer.y + band * 0.06), depth = cv.py(layer.height);
    const double phase = cv.rng.between(0, 6.28);
    cairo_move_to(cv.cr, 0, base);
    for (int i = 0; i <= 48; ++i) {
      const double x = cv.w * i / 48.0;
      cairo_line_to(cv.cr, x, base + std::sin(phase + i * 0.25) * depth * 0.35);
    }
    for (int i = 48; i >= 0; --i) {
      const double x = cv.w * i / 48.0;
      cairo_line_to(cv.cr, x, base - depth + std::sin(phase + i * 0.25 + 0.8) * depth * 0.25);
    }
    cairo_close_path(cv.cr);
    cairo_pattern_t* p = cairo_pattern_create_linear(0, base - depth, 0, base + depth * 0.3);
    add_gradient_stop(p, 0, band % 2 ? b : a, 0);
    add_gradient_stop(p, 0.6, band % 2 ? b : a, 0.55 * layer.opacity);
    add_gradient_stop(p, 1, band % 2 ? a : b, 0);
    cairo_set_source(cv.cr, p);
    cairo_fill(cv.cr);
    cairo_pattern_destroy(p);
  }
}

// Shafts of light from above (underwater, forest canopy).
void paint_rays(SceneCanvas& cv, const Layer& layer) {
  const core::Rgba c = cv.colour(layer.colour, cv.named("light"));
  const double ox = cv.px(cv.mirror_x(layer.x)), oy = -cv.h * 0.1;
  for (int i = 0; i < layer.count; ++i) {
    const double tx = cv.px(cv.rng.between(-0.1, 1.1)), spread = cv.w * cv.rng.between(0.02, 0.07);
    cairo_move_to(cv.cr, ox, oy);
    cairo_line_to(cv.cr, tx - spread, cv.py(layer.y));
    cairo_line_to(cv.cr, tx + spread, cv.py(layer.y));
    cairo_close_path(cv.cr);
    cairo_pattern_t* p = cairo_pattern_create_linear(0, oy, 0, cv.py(layer.y));
    add_gradient_stop(p, 0, c, 0.35 * layer.opacity);
    add_gradient_stop(p, 1, c, 0);
    cairo_set_source(cv.cr, p);
    cairo_fill(cv.cr);
    cairo_pattern_destroy(p);
  }
}

}  // namespace storyloom::art
