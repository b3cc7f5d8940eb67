// What every layer painter draws on: the Cairo context, page size, the palette for the time of
// day, the kit's pictures and a seeded random stream. Coordinates in kits are page fractions.
#pragma once

#include <string>

#include <cairo.h>

#include "art/scene_kit.hpp"
#include "art/seeded_random.hpp"
#include "art/svg_assets.hpp"

namespace storyloom::art {

struct SceneCanvas {
  cairo_t* cr = nullptr;
  double w = 0, h = 0;
  const Palette* palette = nullptr;
  std::string time_of_day;
  const SvgAssets* assets = nullptr;
  SeededRandom rng{0};
  core::PointF light{0.7, 0.2};  // where the sun/moon/lamp is, as a page fraction
  bool mirrored = false;         // seeded left-right swap of the backdrop's asymmetric parts
  std::string problem;           // first drawing failure (Cairo stops drawing after one)

  double px(double fx) const { return fx * w; }
  double py(double fy) const { return fy * h; }
  double side() const { return std::min(w, h); }
  // A palette key or "#hex"; `fallback` when empty or unknown.
  core::Rgba colour(const std::string& ref, core::Rgba fallback) const;
  core::Rgba named(const std::string& key) const;  // palette entry, magenta when missing
  // Aerial perspective: the colour moved towards the horizon sky by `haze`.
  core::Rgba hazed(core::Rgba c, double haze) const;
  double mirror_x(double fx) const { return mirrored ? 1.0 - fx : fx; }
  bool is_night() const { return time_of_day == "night"; }
};

}  // namespace storyloom::art
