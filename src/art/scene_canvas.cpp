#include "art/scene_canvas.hpp"

#include "art/colour.hpp"

namespace storyloom::art {

core::Rgba SceneCanvas::colour(const std::string& ref, core::Rgba fallback) const {
  if (ref.empty()) return fallback;
  if (ref[0] == '#') return parse_colour(ref).value_or(fallback);
  auto it = palette->find(ref);
  return it == palette->end() ? fallback : it->second;
}

core::Rgba SceneCanvas::named(const std::string& key) const { return colour(key, {255, 0, 255, 255}); }

core::Rgba SceneCanvas::hazed(core::Rgba c, double haze) const {
  if (haze <= 0) return c;
  core::Rgba sky = named("sky_bottom");
  sky.a = c.a;
  return mix(c, sky, haze);
}

}  // namespace storyloom::art
