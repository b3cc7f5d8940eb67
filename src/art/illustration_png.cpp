#include "art/illustration_png.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "art/colour.hpp"
#include "art/encode.hpp"
#include "art/png_reader.hpp"

namespace storyloom::art {
namespace {

constexpr const char* kHeroKey = "storyloom:hero";

std::string hex(core::Rgba c) { return fmt::format("#{:02x}{:02x}{:02x}{:02x}", c.r, c.g, c.b, c.a); }

nlohmann::json hero_json(const Illustration& i) {
  return {{"head_centre", {i.hero.head_centre.x, i.hero.head_centre.y}},
          {"head_radius", i.hero.head_radius},
          {"tilt_degrees", i.hero.tilt_degrees},
          {"scene_light", hex(i.scene_light)},
          {"hero_skin", hex(i.hero_skin)}};
}

// Fills what the chunk says; leaves the defaults (no head) when it is missing or malformed.
void read_hero(const std::string& text, Illustration& out) {
  const auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_object()) return;
  const auto centre = j.value("head_centre", nlohmann::json::array());
  const auto radius = j.find("head_radius");
  if (!centre.is_array() || centre.size() != 2 || !centre[0].is_number() || !centre[1].is_number() ||
      radius == j.end() || !radius->is_number())
    return;
  out.hero = {{centre[0].get<double>(), centre[1].get<double>()}, radius->get<double>(),
              j.value("tilt_degrees", 0.0)};
  out.scene_light = parse_colour(j.value("scene_light", "")).value_or(out.scene_light);
  out.hero_skin = parse_colour(j.value("hero_skin", "")).value_or(out.hero_skin);
}

}  // namespace

core::Result<std::string> encode_illustration(const Illustration& illustration) {
  const PngText text[] = {{kHeroKey, hero_json(illustration).dump()}};
  auto png = encode_png(illustration.image, text);
  if (!png) return core::fail(png.error());
  return std::string(png->begin(), png->end());
}

core::Result<Illustration> decode_illustration(std::string_view png) {
  auto image = decode_png(png);
  if (!image) return core::fail(image.error());
  Illustration out;
  out.image = std::move(*image);
  if (auto text = png_text(png, kHeroKey)) read_hero(*text, out);
  return out;
}

}  // namespace storyloom::art
