// Layers made of pictures from the kit's asset library (Noto Emoji, openclipart).
#include <algorithm>

#include "art/colour.hpp"
#include "art/layer_painters.hpp"

namespace storyloom::art {
namespace {

// Draws a picture, washed towards the horizon colour by `haze` for depth.
void draw_hazed(SceneCanvas& cv, const std::string& asset, double x, double bottom, double height, bool flip,
                double haze, double opacity) {
  if (haze <= 0) {
    cv.assets->draw(cv.cr, asset, x, bottom, height, flip, opacity);
    return;
  }
  cairo_save(cv.cr);
  cv.assets->clip_to_box(cv.cr, asset, x, bottom, height);
  cairo_push_group(cv.cr);
  cv.assets->draw(cv.cr, asset, x, bottom, height, flip);
  cairo_pattern_t* picture = cairo_pop_group(cv.cr);
  cairo_push_group(cv.cr);
  cairo_set_source(cv.cr, picture);
  cairo_paint(cv.cr);
  set_source(cv.cr, cv.named("sky_bottom"), haze);
  cairo_mask(cv.cr, picture);
  cairo_pop_group_to_source(cv.cr);
  cairo_paint_with_alpha(cv.cr, opacity);
  cairo_pattern_destroy(picture);
  cairo_restore(cv.cr);
}

}  // namespace

void paint_sprite(SceneCanvas& cv, const Layer& layer) {
  const std::string& asset = layer.assets[static_cast<std::size_t>(cv.rng.below(static_cast<int>(layer.assets.size())))];
  const double x = cv.px(cv.mirror_x(layer.x));
  draw_hazed(cv, asset, x, cv.py(layer.y), cv.side() * layer.height, layer.flip != cv.mirrored, layer.haze, layer.opacity);
}

// Many pictures spread over a band; lower on the page means nearer, so larger, drawn later.
void paint_scatter(SceneCanvas& cv, const Layer& layer) {
  struct Item {
    double x, y;
    std::size_t asset;
    bool flip;
  };
  std::vector<Item> items;
  const double x0 = layer.spread.empty() ? 0.02 : layer.spread[0], x1 = layer.spread.empty() ? 0.98 : layer.spread[1];
  for (int i = 0; i < layer.count; ++i) {
    const double slot = (i + cv.rng.between(0.15, 0.85)) / std::max(1, layer.count);
    items.push_back({cv.mirror_x(x0 + (x1 - x0) * slot), cv.rng.between(layer.band[0], layer.band[1]),
                     static_cast<std::size_t>(cv.rng.below(static_cast<int>(layer.assets.size()))), cv.rng.uniform() < 0.5});
  }
  std::ranges::sort(items, {}, &Item::y);
  const double span = std::max(1e-6, layer.band[1] - layer.band[0]);
  for (const auto& it : items) {
    const double depth = (it.y - layer.band[0]) / span;  // 0 far .. 1 near
    const double height = cv.side() * layer.height * (0.65 + 0.35 * depth);
    draw_hazed(cv, layer.assets[it.asset], cv.px(it.x), cv.py(it.y), height, it.flip, layer.haze * (1 - depth),
               layer.opacity);
  }
}

}  // namespace storyloom::art
