// The layer kinds a kit may use and the painters that draw them (one function per kind).
#pragma once

#include <set>
#include <string>

#include "art/scene_canvas.hpp"

namespace storyloom::art {

const std::set<std::string>& layer_kinds();
// Empty when the layer's fields make sense for its kind, else a sentence saying what is wrong.
std::string layer_problem(const Layer& layer);
// Draws the layer unless its `when` excludes the canvas's time of day.
void paint_layer(SceneCanvas& canvas, const Layer& layer);

// Painters, grouped by file (sky_painters.cpp, land_painters.cpp, built_painters.cpp,
// sprite_painters.cpp, effect_painters.cpp).
void paint_sky(SceneCanvas&, const Layer&);
void paint_sun(SceneCanvas&, const Layer&);
void paint_stars(SceneCanvas&, const Layer&);
void paint_clouds(SceneCanvas&, const Layer&);
void paint_aurora(SceneCanvas&, const Layer&);
void paint_rays(SceneCanvas&, const Layer&);
void paint_hills(SceneCanvas&, const Layer&);
void paint_ground(SceneCanvas&, const Layer&);
void paint_trees(SceneCanvas&, const Layer&);
void paint_path(SceneCanvas&, const Layer&);
void paint_water(SceneCanvas&, const Layer&);
void paint_waterfall(SceneCanvas&, const Layer&);
void paint_grass(SceneCanvas&, const Layer&);
void paint_skyline(SceneCanvas&, const Layer&);
void paint_towers(SceneCanvas&, const Layer&);
void paint_deck(SceneCanvas&, const Layer&);
void paint_room(SceneCanvas&, const Layer&);
void paint_cave(SceneCanvas&, const Layer&);
void paint_sprite(SceneCanvas&, const Layer&);
void paint_scatter(SceneCanvas&, const Layer&);
void paint_bubbles(SceneCanvas&, const Layer&);
void paint_snowfall(SceneCanvas&, const Layer&);
void paint_sparkles(SceneCanvas&, const Layer&);
void paint_crystals(SceneCanvas&, const Layer&);
void paint_wash(SceneCanvas&, const Layer&);

}  // namespace storyloom::art
