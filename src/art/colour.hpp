// Colours for the illustrator: parsing the kits' "#rrggbb" strings and mixing them.
#pragma once

#include <optional>
#include <string_view>

#include "core/image.hpp"

typedef struct _cairo cairo_t;

namespace storyloom::art {

// "#rgb", "#rrggbb" or "#rrggbbaa"; nullopt for anything else.
std::optional<core::Rgba> parse_colour(std::string_view text);
// Linear mix: t = 0 gives a, t = 1 gives b (alpha mixed too).
core::Rgba mix(core::Rgba a, core::Rgba b, double t);
core::Rgba darker(core::Rgba c, double amount);   // towards black, 0..1
core::Rgba lighter(core::Rgba c, double amount);  // towards white, 0..1
void set_source(cairo_t* cr, core::Rgba c, double alpha_scale = 1.0);

}  // namespace storyloom::art
