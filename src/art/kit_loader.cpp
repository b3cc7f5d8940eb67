// Parses kit.json files into SceneKit/GenericKit, refusing anything a painter could not draw:
// unknown layer kinds or fields, colours that no palette defines, assets that are not on disk.
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "art/colour.hpp"
#include "art/kit_fields.hpp"
#include "art/kit_library.hpp"
#include "art/layer_painters.hpp"

namespace storyloom::art {
namespace fs = std::filesystem;
namespace {

const char* const kTimes[] = {"morning", "day", "sunset", "night"};
const char* const kPaletteKeys[] = {"sky_top", "sky_bottom", "light", "far", "mid", "near", "ground"};

struct KitContext {
  const fs::path& art_dir;
  const std::map<std::string, Palette>& palettes;
};

void check_asset(const KitContext& ctx, const std::string& field, const std::string& asset) {
  check_asset_file(ctx.art_dir, field, asset);
}

void check_colour_ref(const KitContext& ctx, const std::string& field, const std::string& ref) {
  if (ref.empty()) return;
  if (ref[0] == '#') {
    if (!parse_colour(ref)) throw KitFieldError(field, fmt::format("'{}' is not a #rrggbb colour", ref));
    return;
  }
  for (const auto& [time, palette] : ctx.palettes) {
    if (!palette.contains(ref)) throw KitFieldError(field, fmt::format("palette '{}' has no colour '{}'", time, ref));
  }
}

Layer read_layer(const KitObject& obj, const KitContext& ctx) {
  Layer l;
  l.kind = obj.text("kind");
  if (!layer_kinds().contains(l.kind)) throw KitFieldError(obj.field("kind"), fmt::format("unknown layer kind '{}'", l.kind));
  l.colour = obj.text_or("colour", "");
  l.colour2 = obj.text_or("colour2", "");
  check_colour_ref(ctx, obj.field("colour"), l.colour);
  check_colour_ref(ctx, obj.field("colour2"), l.colour2);
  l.x = obj.number_or("x", l.x, -0.5, 1.5);
  l.y = obj.number_or("y", l.y, -0.5, 1.5);
  l.height = obj.number_or("height", l.height, 0, 2);
  l.width = obj.number_or("width", l.width, 0, 2);
  l.amplitude = obj.number_or("amplitude", l.amplitude, 0, 1);
  l.haze = obj.number_or("haze", l.haze, 0, 1);
  l.opacity = obj.number_or("opacity", l.opacity, 0, 1);
  l.count = obj.integer_or("count", l.count, 0, 400);
  l.waves = obj.integer_or("waves", l.waves, 1, 40);
  l.shape = obj.text_or("shape", "");
  l.assets = obj.texts_or("assets");
  for (const auto& a : l.assets) check_asset(ctx, obj.field("assets"), a);
  l.band = obj.numbers_or("band", 2);
  l.spread = obj.numbers_or("spread", 2);
  l.when = obj.texts_or("when");
  for (const auto& w : l.when) {
    if (std::ranges::find(kTimes, w) == std::end(kTimes)) throw KitFieldError(obj.field("when"), fmt::format("'{}' is not a time of day", w));
  }
  l.flip = obj.flag_or("flip", false);
  l.front = obj.flag_or("front", false);
  if (auto problem = layer_problem(l); !problem.empty()) throw KitFieldError(obj.path(), problem);
  obj.finish();
  return l;
}

Setting read_setting(const KitObject& obj, const std::string& id, const KitContext& ctx) {
  Setting s;
  s.id = id;
  s.ground_y = obj.number("ground_y", 0.3, 1.0);
  s.underwater = obj.flag_or("underwater", false);
  s.rest = obj.numbers_or("rest", 2);
  const auto& layers = obj.raw("layers");
  if (!layers.is_array() || layers.empty()) throw KitFieldError(obj.field("layers"), "must be a non-empty list");
  for (std::size_t i = 0; i < layers.size(); ++i) {
    s.layers.push_back(read_layer(KitObject(layers[i], fmt::format("{}[{}]", obj.field("layers"), i)), ctx));
  }
  for (const auto& a : obj.has("anchors") ? obj.raw("anchors") : nlohmann::json::array()) {
    if (!a.is_array() || a.size() != 2 || !a[0].is_number() || !a[1].is_number())
      throw KitFieldError(obj.field("anchors"), "must be a list of [x, y] pairs");
    s.anchors.push_back({a[0].get<double>(), a[1].get<double>()});
  }
  obj.finish();
  return s;
}

std::map<std::string, Palette> read_palettes(const KitObject& obj) {
  std::map<std::string, Palette> out;
  for (const char* time : kTimes) {
    KitObject p = obj.object(time);
    Palette palette;
    for (const auto& key : p.raw_keys()) palette[key] = p.colour(key);
    for (const char* key : kPaletteKeys) {
      if (!palette.contains(key)) throw KitFieldError(p.field(key), "is missing");
    }
    out[time] = std::move(palette);
  }
  obj.finish();
  return out;
}

void read_kit_body(const KitObject& obj, SceneKit& kit, const fs::path& art_dir) {
  kit.palettes = read_palettes(obj.object("palettes"));
  KitContext ctx{art_dir, kit.palettes};
  KitObject props = obj.object("props");
  for (const auto& noun : props.raw_keys()) {
    kit.props[noun] = props.text(noun);
    check_asset(ctx, props.field(noun), kit.props[noun]);
  }
  KitObject settings = obj.object("settings");
  for (const auto& id : settings.raw_keys()) {
    kit.settings[id] = read_setting(settings.object(id), id, ctx);
  }
  kit.default_companion = obj.text_or("default_companion", "dog");
  kit.outfit = obj.texts_or("outfit");
  if (obj.has("accent")) kit.accent = obj.colour("accent");
}

nlohmann::json read_json(const fs::path& file) {
  std::ifstream in(file);
  if (!in) throw KitFieldError("(file)", "cannot be opened");
  try {
    return nlohmann::json::parse(in);
  } catch (const nlohmann::json::parse_error& e) {
    throw KitFieldError("(file)", fmt::format("is not valid JSON: {}", e.what()));
  }
}

template <class F>
auto guarded(const fs::path& file, F&& read) -> core::Result<decltype(read())> {
  try {
    return read();
  } catch (const KitFieldError& e) {
    return core::fail(core::ErrorKind::internal, "art_kit_invalid", fmt::format("{}: {}", file.string(), e.what()),
                      {{"file", file.string()}, {"field", e.field}});
  }
}

}  // namespace

core::Result<SceneKit> load_scene_kit(const fs::path& file, const fs::path& art_dir) {
  return guarded(file, [&] {
    const nlohmann::json json = read_json(file);
    KitObject obj(json, "");
    SceneKit kit;
    kit.source = file.string();
    kit.theme = obj.text("theme");
    read_kit_body(obj, kit, art_dir);
    obj.finish();
    return kit;
  });
}

core::Result<GenericKit> load_generic_kit(const fs::path& file, const fs::path& art_dir) {
  return guarded(file, [&] {
    const nlohmann::json json = read_json(file);
    KitObject obj(json, "");
    GenericKit kit;
    kit.source = file.string();
    kit.shared.source = kit.source;
    kit.shared.theme = "generic";
    read_kit_body(obj, kit.shared, art_dir);
    read_generic_parts(obj, kit, art_dir);
    obj.finish();
    return kit;
  });
}

}  // namespace storyloom::art
