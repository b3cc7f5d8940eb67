#include "art/kit_fields.hpp"

#include <fmt/format.h>

#include "art/colour.hpp"

namespace storyloom::art {

KitObject::KitObject(const nlohmann::json& json, std::string path) : json_(json), path_(std::move(path)) {
  if (!json_.is_object()) throw KitFieldError(path_.empty() ? "(top level)" : path_, "must be a JSON object");
}

bool KitObject::has(const std::string& key) const { return json_.contains(key); }

const nlohmann::json& KitObject::get(const std::string& key) const {
  seen_.insert(key);
  auto it = json_.find(key);
  if (it == json_.end()) throw KitFieldError(field(key), "is missing");
  return *it;
}

std::string KitObject::text(const std::string& key) const {
  const auto& v = get(key);
  if (!v.is_string() || v.get_ref<const std::string&>().empty()) throw KitFieldError(field(key), "must be a non-empty string");
  return v.get<std::string>();
}

std::string KitObject::text_or(const std::string& key, std::string fallback) const {
  return has(key) ? text(key) : fallback;
}

double KitObject::number(const std::string& key, double lo, double hi) const {
  const auto& v = get(key);
  if (!v.is_number()) throw KitFieldError(field(key), "must be a number");
  const double d = v.get<double>();
  if (d < lo || d > hi) throw KitFieldError(field(key), fmt::format("must be between {} and {}, not {}", lo, hi, d));
  return d;
}

double KitObject::number_or(const std::string& key, double fallback, double lo, double hi) const {
  return has(key) ? number(key, lo, hi) : fallback;
}

int KitObject::integer_or(const std::string& key, int fallback, int lo, int hi) const {
  if (!has(key)) return fallback;
  const auto& v = get(key);
  if (!v.is_number_integer()) throw KitFieldError(field(key), "must be a whole number");
  const int i = v.get<int>();
  if (i < lo || i > hi) throw KitFieldError(field(key), fmt::format("must be between {} and {}, not {}", lo, hi, i));
  return i;
}

bool KitObject::flag_or(const std::string& key, bool fallback) const {
  if (!has(key)) return fallback;
  const auto& v = get(key);
  if (!v.is_boolean()) throw KitFieldError(field(key), "must be true or false");
  return v.get<bool>();
}

core::Rgba KitObject::colour(const std::string& key) const {
  const std::string s = text(key);
  auto c = parse_colour(s);
  if (!c) throw KitFieldError(field(key), fmt::format("'{}' is not a #rrggbb colour", s));
  return *c;
}

std::vector<std::string> KitObject::texts_or(const std::string& key) const {
  if (!has(key)) return {};
  const auto& v = get(key);
  if (!v.is_array()) throw KitFieldError(field(key), "must be a list of strings");
  std::vector<std::string> out;
  for (const auto& item : v) {
    if (!item.is_string()) throw KitFieldError(field(key), "must be a list of strings");
    out.push_back(item.get<std::string>());
  }
  return out;
}

std::vector<double> KitObject::numbers_or(const std::string& key, std::size_t size) const {
  if (!has(key)) return {};
  const auto& v = get(key);
  if (!v.is_array() || v.size() != size) throw KitFieldError(field(key), fmt::format("must be a list of {} numbers", size));
  std::vector<double> out;
  for (const auto& item : v) {
    if (!item.is_number()) throw KitFieldError(field(key), fmt::format("must be a list of {} numbers", size));
    out.push_back(item.get<double>());
  }
  return out;
}

KitObject KitObject::object(const std::string& key) const { return KitObject(get(key), field(key)); }

const nlohmann::json& KitObject::raw(const std::string& key) const { return get(key); }

std::vector<std::string> KitObject::raw_keys() const {
  std::vector<std::string> keys;
  for (const auto& [key, value] : json_.items()) {
    seen_.insert(key);
    keys.push_back(key);
  }
  return keys;
}

void check_asset_file(const std::filesystem::path& art_dir, const std::string& field, const std::string& asset) {
  if (asset.find("..") != std::string::npos || !std::filesystem::is_regular_file(art_dir / asset)) {
    throw KitFieldError(field, fmt::format("asset '{}' is not a file under {}", asset, art_dir.string()));
  }
}

void KitObject::finish() const {
  for (const auto& [key, value] : json_.items()) {
    if (!seen_.contains(key)) throw KitFieldError(field(key), "is not a known field (misspelt?)");
  }
}

}  // namespace storyloom::art
