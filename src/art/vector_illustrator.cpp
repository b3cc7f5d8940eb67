#include "art/vector_illustrator.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "art/cairo_image.hpp"
#include "art/colour.hpp"
#include "art/layer_painters.hpp"
#include "art/page_layout.hpp"

namespace storyloom::art {
namespace {

std::vector<std::string> assets_used(const KitLibrary& kits) {
  std::vector<std::string> out;
  auto add_kit = [&](const SceneKit& kit) {
    for (const auto& [noun, asset] : kit.props) out.push_back(asset);
    for (const auto& [id, setting] : kit.settings)
      for (const auto& layer : setting.layers) out.insert(out.end(), layer.assets.begin(), layer.assets.end());
  };
  add_kit(kits.generic.shared);
  for (const auto& [theme, kit] : kits.themes) add_kit(kit);
  for (const auto& [kind, companion] : kits.generic.companions) out.push_back(companion.asset);
  return out;
}

// The time of day drawn: the brief's when the kit has a palette for it, else "day".
std::string cv_time(const SceneKit& kit, const std::string& time_of_day) {
  return kit.palettes.contains(time_of_day) ? time_of_day : "day";
}

template <class Map>
const typename Map::mapped_type& pick(const Map& map, const std::string& key, const std::string& fallback) {
  auto it = map.find(key);
  return it != map.end() ? it->second : map.at(fallback);
}

HeroColours hero_colours(const core::HeroLook& look, const SceneKit& kit, const Palette& generic_day) {
  auto colour = [](const std::string& hex, core::Rgba fallback) { return parse_colour(hex).value_or(fallback); };
  auto named = [&](const char* key, core::Rgba fallback) {
    auto it = generic_day.find(key);
    return it == generic_day.end() ? fallback : it->second;
  };
  HeroColours c;
  c.skin = colour(look.skin_tone, {224, 172, 105, 255});
  c.hair = colour(look.hair_colour, {74, 49, 33, 255});
  c.eyes = colour(look.eye_colour, {59, 42, 26, 255});
  c.outfit = colour(look.outfit_colour, {58, 123, 213, 255});
  c.trousers = named("hero_trousers", {52, 70, 107, 255});
  c.shoes = named("hero_shoes", {90, 58, 40, 255});
  c.accent = kit.accent;
  c.hair_style = look.hair_style;
  c.extras = kit.outfit;
  return c;
}

// The pictures of the brief's props, in order, each picture once ("dinosaurs" and
// "dinosaur-mother" are one sauropod, not two of the same).
std::vector<std::string> prop_assets(const core::IllustrationBrief& brief, const SceneKit& kit,
                                     const KitLibrary& kits) {
  std::vector<std::string> out;
  for (const auto& noun : brief.props)
    if (const std::string* asset = kits.prop_asset(kit, noun); asset && std::ranges::find(out, *asset) == out.end())
      out.push_back(*asset);
  return out;
}

// The hour's ambient light, the mood's colour wash and a soft vignette in one pass: all three
// are smooth, so they are composed on a small surface and laid over the page scaled up.
void paint_light_overlay(SceneCanvas& cv, const Palette& palette, const Mood& mood) {
  const int size = 96;
  SurfacePtr small(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, size, size));
  ContextPtr scr(cairo_create(small.get()));
  if (auto ambient = palette.find("ambient"); ambient != palette.end()) {
    set_source(scr.get(), ambient->second);
    cairo_paint(scr.get());
  }
  if (mood.tint.a > 0) {
    set_source(scr.get(), mood.tint);
    cairo_paint(scr.get());
  }
  if (mood.vignette > 0) {
    const double c = size / 2.0, r = size * 0.7071;
    cairo_pattern_t* v = cairo_pattern_create_radial(c, c, r * 0.55, c, c, r);
    cairo_pattern_add_color_stop_rgba(v, 0, 0.1, 0.05, 0.15, 0);
    cairo_pattern_add_color_stop_rgba(v, 1, 0.1, 0.05, 0.15, mood.vignette);
    cairo_set_source(scr.get(), v);
    cairo_paint(scr.get());
    cairo_pattern_destroy(v);
  }
  scr.reset();
  cairo_save(cv.cr);
  cairo_scale(cv.cr, cv.w / size, cv.h / size);
  cairo_set_source_surface(cv.cr, small.get(), 0, 0);
  cairo_pattern_set_filter(cairo_get_source(cv.cr), CAIRO_FILTER_BILINEAR);
  cairo_pattern_set_extend(cairo_get_source(cv.cr), CAIRO_EXTEND_PAD);
  cairo_paint(cv.cr);
  cairo_restore(cv.cr);
}

void paint_sparkles(SceneCanvas& cv, const Mood& mood) {
  if (!mood.sparkles) return;
  Layer sparkles{.kind = "sparkles", .colour = "#fff6c8", .height = 0.004, .count = 18, .band = {0.05, 0.6}};
  paint_layer(cv, sparkles);
}

// One page-sized surface per thread, reused: a fresh 38 MB surface per print page costs more in
// page faults than drawing the sky. Every page starts with its first layer covering it all.
cairo_surface_t* page_surface(int width, int height, core::Error& error) {
  thread_local SurfacePtr cached;
  if (cached && cairo_image_surface_get_width(cached.get()) == width && cairo_image_surface_get_height(cached.get()) == height) {
    return cached.get();
  }
  cached.reset();
  auto made = make_surface(width, height);
  if (!made) {
    error = made.error();
    return nullptr;
  }
  cached = std::move(*made);
  return cached.get();
}

void draw_picture(SceneCanvas& cv, const PlacedPicture& p) {
  cv.assets->draw(cv.cr, p.asset, p.x, p.bottom, p.height, p.flip);
}

void draw_ground_shadow(cairo_t* cr, double x, double y, double width) {
  cairo_save(cr);
  cairo_translate(cr, x, y);
  cairo_scale(cr, width, width * 0.18);
  cairo_arc(cr, 0, 0, 1, 0, 2 * M_PI);
  cairo_restore(cr);
  cairo_set_source_rgba(cr, 0.05, 0.05, 0.1, 0.22);
  cairo_fill(cr);
}

}  // namespace

core::Result<std::unique_ptr<VectorIllustrator>> VectorIllustrator::load(const std::filesystem::path& art_dir) {
  auto kits = load_kit_library(art_dir);
  if (!kits) return core::fail(kits.error());
  auto assets = SvgAssets::load(art_dir, assets_used(*kits));
  if (!assets) return core::fail(assets.error());
  return std::unique_ptr<VectorIllustrator>(new VectorIllustrator(std::move(*kits), std::move(*assets)));
}

core::Result<Illustration> VectorIllustrator::illustrate(const core::IllustrationBrief& brief, const core::HeroLook& look,
                                                         int width_px, int height_px, std::uint64_t seed) {
  const SceneKit* kit = kits_.theme(brief.theme);
  if (!kit) {
    return core::fail(core::ErrorKind::not_found, "art_unknown_theme", fmt::format("There is no scene kit for theme '{}'.", brief.theme));
  }
  const Setting* setting = kits_.setting(*kit, brief.setting);
  if (!setting) {
    return core::fail(core::ErrorKind::not_found, "art_unknown_setting",
                      fmt::format("Theme '{}' has no setting '{}'.", brief.theme, brief.setting));
  }
  core::Error surface_error;
  cairo_surface_t* surface = page_surface(width_px, height_px, surface_error);
  if (!surface) return core::fail(surface_error);
  const GenericKit& generic = kits_.generic;
  const bool at_home = !kit->settings.contains(brief.setting);
  const SceneKit& palette_kit = at_home ? generic.shared : *kit;
  const Palette& palette = pick(palette_kit.palettes, brief.time_of_day, "day");
  const Pose& pose = pick(generic.poses, brief.pose, "standing");
  const Mood& mood = pick(generic.moods, brief.mood, "joyful");
  const Companion* companion = nullptr;
  if (brief.companion) {
    auto it = generic.companions.find(brief.companion_kind);
    if (it == generic.companions.end()) it = generic.companions.find(kit->default_companion);
    if (it != generic.companions.end()) companion = &it->second;
  }
  SeededRandom rng(seed);
  const LayoutInputs inputs{*setting, pose, pick(generic.framing, brief.framing, "medium"), brief.framing == "close",
                            companion, prop_assets(brief, *kit, kits_),
                            cv_time(palette_kit, brief.time_of_day), double(width_px), double(height_px),
                            brief.text_band == "top", brief.text_band.empty() ? 0.0 : brief.text_band_height};
  const PageLayout page = plan_page(inputs, rng.fork("layout"));

  ContextPtr cr(cairo_create(surface));
  cairo_set_operator(cr.get(), CAIRO_OPERATOR_CLEAR);  // a reused surface holds the last page
  if (setting->layers.front().kind != "sky" || !setting->layers.front().when.empty()) cairo_paint(cr.get());
  cairo_set_operator(cr.get(), CAIRO_OPERATOR_OVER);
  SceneCanvas cv{cr.get(), double(width_px), double(height_px), &palette, brief.time_of_day, &assets_,
                 rng.fork("scene"), page.light, page.mirrored};
  cv.time_of_day = cv_time(palette_kit, brief.time_of_day);
  for (const auto& layer : setting->layers)
    if (!layer.front) paint_layer(cv, layer);
  for (const auto& prop : page.props) draw_picture(cv, prop);
  const HeroColours colours = hero_colours(look, *kit, pick(generic.shared.palettes, "day", "day"));
  if (!pose.airborne && pose.rotate == 0 && !setting->underwater) {
    draw_ground_shadow(cr.get(), page.hero.x, page.hero.feet_y, page.hero.height * 0.16);
  }
  const bool companion_behind = page.companion && page.companion->bottom < page.hero.feet_y;
  if (companion_behind) draw_picture(cv, *page.companion);
  Illustration out;
  out.hero = draw_hero(cr.get(), pose, mood, colours, page.hero);
  if (page.held_prop) draw_picture(cv, *page.held_prop);
  if (page.companion && !companion_behind) draw_picture(cv, *page.companion);
  for (const auto& layer : setting->layers)
    if (layer.front) paint_layer(cv, layer);
  paint_sparkles(cv, mood);
  paint_light_overlay(cv, palette, mood);
  if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS) {
    return core::fail(core::ErrorKind::internal, "art_render_failed",
                      fmt::format("Drawing {}/{} failed: {}", brief.theme, brief.setting,
                                  cv.problem.empty() ? cairo_status_to_string(cairo_status(cr.get())) : cv.problem));
  }
  cr.reset();
  out.image = image_from_surface(surface);
  out.scene_light = palette.at("light");
  out.hero_skin = colours.skin;
  return out;
}

}  // namespace storyloom::art
