// Reading kit.json fields with errors that name the file and the field path
// ("catalog/art/space-voyage/kit.json: settings.starfield.layers[2].kind: ...").
// Internal to the kit loader: KitFieldError never leaves kit_loader.cpp.
#pragma once

#include <filesystem>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/image.hpp"

namespace storyloom::art {

struct KitFieldError : std::runtime_error {
  KitFieldError(const std::string& field, const std::string& what) : std::runtime_error(field + ": " + what), field(field) {}
  std::string field;
};

// A JSON object being read, with its path for messages. Every key read is remembered so that
// finish() can refuse unknown (misspelt) keys.
class KitObject {
 public:
  KitObject(const nlohmann::json& json, std::string path);
  const std::string& path() const { return path_; }
  bool has(const std::string& key) const;
  std::string text(const std::string& key) const;
  std::string text_or(const std::string& key, std::string fallback) const;
  double number(const std::string& key, double lo, double hi) const;
  double number_or(const std::string& key, double fallback, double lo, double hi) const;
  int integer_or(const std::string& key, int fallback, int lo, int hi) const;
  bool flag_or(const std::string& key, bool fallback) const;
  core::Rgba colour(const std::string& key) const;
  std::vector<std::string> texts_or(const std::string& key) const;
  std::vector<double> numbers_or(const std::string& key, std::size_t size) const;
  KitObject object(const std::string& key) const;
  const nlohmann::json& raw(const std::string& key) const;  // array or object, for iteration
  // All keys of this object (each counts as read), for maps like "settings" and "props".
  std::vector<std::string> raw_keys() const;
  std::string field(const std::string& key) const { return path_.empty() ? key : path_ + "." + key; }
  void finish() const;  // throws on keys that were never read

 private:
  const nlohmann::json& get(const std::string& key) const;
  const nlohmann::json& json_;
  std::string path_;
  mutable std::set<std::string> seen_;
};

// Throws unless `asset` names a file under art_dir (no "..").
void check_asset_file(const std::filesystem::path& art_dir, const std::string& field, const std::string& asset);

struct GenericKit;
// Reads the generic kit's poses, moods, companions and framing (kit_generic.cpp).
void read_generic_parts(const KitObject& obj, GenericKit& kit, const std::filesystem::path& art_dir);

}  // namespace storyloom::art
