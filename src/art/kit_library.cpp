#include "art/kit_library.hpp"

#include <fmt/format.h>

namespace storyloom::art {
namespace fs = std::filesystem;

const SceneKit* KitLibrary::theme(const std::string& id) const {
  auto it = themes.find(id);
  return it == themes.end() ? nullptr : &it->second;
}

const Setting* KitLibrary::setting(const SceneKit& kit, const std::string& id) const {
  if (auto it = kit.settings.find(id); it != kit.settings.end()) return &it->second;
  if (auto it = generic.shared.settings.find(id); it != generic.shared.settings.end()) return &it->second;
  return nullptr;
}

namespace {

// "fireflies" -> "firefly", "boxes" -> "box", "elephants" -> "elephant"; "" when not a plural.
std::string singular(const std::string& noun) {
  if (noun.size() > 3 && noun.ends_with("ies")) return noun.substr(0, noun.size() - 3) + "y";
  for (const char* es : {"ches", "shes", "sses", "xes"})
    if (noun.ends_with(es)) return noun.substr(0, noun.size() - 2);
  if (noun.size() > 2 && noun.ends_with('s') && !noun.ends_with("ss")) return noun.substr(0, noun.size() - 1);
  return {};
}

}  // namespace

const std::string* KitLibrary::prop_asset(const SceneKit& kit, const std::string& noun) const {
  const std::string last_word = noun.substr(noun.rfind('-') + 1);
  for (const std::string& name : {noun, singular(noun), last_word, singular(last_word)}) {
    if (name.empty()) continue;
    if (auto it = kit.props.find(name); it != kit.props.end()) return &it->second;
    if (auto it = generic.shared.props.find(name); it != generic.shared.props.end()) return &it->second;
  }
  return nullptr;
}

core::Result<KitLibrary> load_kit_library(const fs::path& art_dir) {
  KitLibrary library;
  library.art_dir = art_dir;
  const fs::path generic_file = art_dir / "generic" / "kit.json";
  auto generic = load_generic_kit(generic_file, art_dir);
  if (!generic) return core::fail(generic.error());
  library.generic = std::move(*generic);
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(art_dir, ec)) {
    const fs::path file = entry.path() / "kit.json";
    if (!entry.is_directory() || entry.path().filename() == "generic" || !fs::exists(file)) continue;
    auto kit = load_scene_kit(file, art_dir);
    if (!kit) return core::fail(kit.error());
    if (kit->theme != entry.path().filename().string()) {
      return core::fail(core::ErrorKind::internal, "art_kit_invalid",
                        fmt::format("{}: theme: '{}' must match its folder name '{}'", file.string(), kit->theme,
                                    entry.path().filename().string()),
                        {{"file", file.string()}, {"field", "theme"}});
    }
    library.themes[kit->theme] = std::move(*kit);
  }
  if (ec || library.themes.empty()) {
    return core::fail(core::ErrorKind::internal, "art_kit_invalid",
                      fmt::format("{}: no theme kits found (need <theme>/kit.json folders)", art_dir.string()),
                      {{"file", art_dir.string()}, {"field", ""}});
  }
  return library;
}

}  // namespace storyloom::art
