// Which painter draws which kind, and the per-kind field checks the kit loader runs.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "art/layer_painters.hpp"

namespace storyloom::art {
namespace {

using Painter = void (*)(SceneCanvas&, const Layer&);

const std::map<std::string, Painter>& painters() {
  static const std::map<std::string, Painter> table{
      {"sky", paint_sky},           {"sun", paint_sun},           {"stars", paint_stars},
      {"clouds", paint_clouds},     {"aurora", paint_aurora},     {"rays", paint_rays},
      {"hills", paint_hills},       {"ground", paint_ground},     {"trees", paint_trees},
      {"path", paint_path},         {"water", paint_water},       {"waterfall", paint_waterfall},
      {"grass", paint_grass},       {"skyline", paint_skyline},   {"towers", paint_towers},
      {"deck", paint_deck},         {"room", paint_room},         {"cave", paint_cave},
      {"sprite", paint_sprite},     {"scatter", paint_scatter},   {"bubbles", paint_bubbles},
      {"snowfall", paint_snowfall}, {"sparkles", paint_sparkles}, {"crystals", paint_crystals}, {"wash", paint_wash},
  };
  return table;
}

}  // namespace

const std::set<std::string>& layer_kinds() {
  static const std::set<std::string> kinds = [] {
    std::set<std::string> k;
    for (const auto& [name, painter] : painters()) k.insert(name);
    return k;
  }();
  return kinds;
}

std::string layer_problem(const Layer& layer) {
  const bool needs_assets = layer.kind == "sprite" || layer.kind == "scatter";
  if (needs_assets && layer.assets.empty()) return fmt::format("a {} layer needs \"assets\"", layer.kind);
  if (!needs_assets && !layer.assets.empty()) return fmt::format("a {} layer takes no \"assets\"", layer.kind);
  if (layer.kind == "scatter" && layer.band.empty()) return "a scatter layer needs \"band\": [y0, y1]";
  if (!layer.band.empty() && layer.band[0] > layer.band[1]) return "\"band\" must go from top to bottom";
  if (!layer.spread.empty() && layer.spread[0] > layer.spread[1]) return "\"spread\" must go from left to right";
  return {};
}

void paint_layer(SceneCanvas& canvas, const Layer& layer) {
  if (!layer.when.empty() && std::ranges::find(layer.when, canvas.time_of_day) == layer.when.end()) return;
  auto it = painters().find(layer.kind);
  if (it == painters().end()) return;  // the loader refuses unknown kinds; nothing to draw
  cairo_save(canvas.cr);
  it->second(canvas, layer);
  cairo_restore(canvas.cr);
  if (cairo_status(canvas.cr) != CAIRO_STATUS_SUCCESS && canvas.problem.empty()) {
    canvas.problem = fmt::format("{} layer: {}", layer.kind, cairo_status_to_string(cairo_status(canvas.cr)));
  }
}

}  // namespace storyloom::art
