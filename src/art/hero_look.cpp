#include "art/hero_look.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <utility>

#include <fmt/format.h>

#include "art/colour.hpp"

namespace storyloom::art {
namespace {

// CSS colour names children and parents actually say, tuned slightly brighter for fabric.
constexpr std::array<std::pair<std::string_view, std::string_view>, 16> kColourNames{{
    {"red", "#e63946"}, {"orange", "#f4a261"}, {"yellow", "#f6c90e"}, {"green", "#2a9d4f"},
    {"blue", "#3a7bd5"}, {"purple", "#8e5bbd"}, {"pink", "#ef6fa6"}, {"teal", "#1f9e9a"},
    {"turquoise", "#33c2c2"}, {"brown", "#8b5a3c"}, {"black", "#333344"}, {"white", "#f2f2f2"},
    {"grey", "#8a8f99"}, {"gray", "#8a8f99"}, {"gold", "#d4a017"}, {"silver", "#b8c0cc"},
}};

std::string hex_of(const core::Rgba& c) { return fmt::format("#{:02x}{:02x}{:02x}", c.r, c.g, c.b); }

void take_trait(const core::Trait& trait, std::string& into) {
  if (trait.confidence < kMinTraitConfidence) return;
  if (auto c = parse_colour(trait.value)) into = hex_of(*c);
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::ranges::transform(out, out.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  return out;
}

}  // namespace

core::HeroLook hero_look_from(const core::AvatarTraits& traits, std::string_view favourite_colour,
                              std::string_view pronouns, std::string_view hair_style) {
  core::HeroLook look;
  take_trait(traits.skin_tone, look.skin_tone);
  take_trait(traits.hair_colour, look.hair_colour);
  take_trait(traits.eye_colour, look.eye_colour);
  const std::string colour = lower(favourite_colour);
  if (auto c = parse_colour(colour)) {
    look.outfit_colour = hex_of(*c);
  } else if (auto it = std::ranges::find(kColourNames, std::string_view(colour), &std::pair<std::string_view, std::string_view>::first);
             it != kColourNames.end()) {
    look.outfit_colour = std::string(it->second);
  }
  const std::string p = lower(pronouns);
  look.pronouns = (p == "she" || p == "he") ? p : "they";
  const std::string style = lower(hair_style);
  static constexpr std::string_view kStyles[] = {"short", "long", "curly", "ponytail", "buzz"};
  look.hair_style = std::ranges::find(kStyles, style) != std::end(kStyles) ? style : "short";
  return look;
}

}  // namespace storyloom::art
