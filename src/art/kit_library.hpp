// Loads and validates every scene kit under catalog/art/: generic/kit.json plus one
// <theme>/kit.json per theme. Adding a theme is adding a folder; no C++ changes.
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "art/scene_kit.hpp"
#include "core/error.hpp"

namespace storyloom::art {

struct KitLibrary {
  std::filesystem::path art_dir;
  GenericKit generic;
  std::map<std::string, SceneKit> themes;

  const SceneKit* theme(const std::string& id) const;
  // The setting to draw: the theme's own, or a shared one (home-bedroom, home-garden); nullptr
  // when unknown.
  const Setting* setting(const SceneKit& kit, const std::string& id) const;
  // The picture for a brief's prop noun, the theme's kit first, then the shared props; nullptr
  // when there is none (the prop is skipped). Writers name props freely ("dinosaur-egg",
  // "giant-ferns", "elephants"), kits by their head noun: the noun is tried as written, in the
  // singular, then by its last word ("egg", "fern").
  const std::string* prop_asset(const SceneKit& kit, const std::string& noun) const;
};

// Errors carry code "art_kit_invalid" and a message naming the file and the field.
core::Result<SceneKit> load_scene_kit(const std::filesystem::path& file, const std::filesystem::path& art_dir);
core::Result<GenericKit> load_generic_kit(const std::filesystem::path& file, const std::filesystem::path& art_dir);
core::Result<KitLibrary> load_kit_library(const std::filesystem::path& art_dir);

}  // namespace storyloom::art
