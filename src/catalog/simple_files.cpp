// Readers for the small catalog files: age bands, brief vocabulary, art styles.
#include <algorithm>
#include <fstream>

#include <fmt/format.h>

#include "catalog/catalog_files.hpp"

namespace storyloom::catalog {

std::optional<nlohmann::json> read_json_file(const std::filesystem::path& path, FieldReader& r) {
  std::ifstream in(path);
  if (!in) {
    r.problem("", "cannot open file");
    return std::nullopt;
  }
  auto json = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false, /*ignore_comments=*/true);
  if (json.is_discarded()) {
    r.problem("", "not valid JSON");
    return std::nullopt;
  }
  if (!json.is_object()) {
    r.problem("", "must be a JSON object");
    return std::nullopt;
  }
  return json;
}

bool contains(const std::vector<std::string>& words, const std::string& word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

bool BriefVocabulary::allows_setting(const std::string& theme, const std::string& setting) const {
  if (contains(shared_settings, setting)) return true;
  auto it = settings_by_theme.find(theme);
  return it != settings_by_theme.end() && contains(it->second, setting);
}

std::vector<AgeBand> read_age_bands(const nlohmann::json& root, FieldReader& r) {
  std::vector<AgeBand> bands;
  const auto& arr = r.array(root, "", "age_bands");
  for (std::size_t i = 0; i < arr.size(); ++i) {
    const auto path = index_path("age_bands", i);
    AgeBand b;
    b.id = r.text(arr[i], path, "id");
    b.label = r.text(arr[i], path, "label");
    b.min_age = static_cast<int>(r.integer(arr[i], path, "min_age"));
    b.max_age = static_cast<int>(r.integer(arr[i], path, "max_age"));
    b.max_sentences = static_cast<int>(r.integer(arr[i], path, "max_sentences"));
    b.max_words = static_cast<int>(r.integer(arr[i], path, "max_words"));
    b.text_size_pt = r.number(arr[i], path, "text_size_pt");
    if (b.min_age > b.max_age) r.problem(path, "min_age is above max_age");
    if (!bands.empty() && b.min_age != bands.back().max_age + 1)
      r.problem(join_path(path, "min_age"), "bands must be in ascending order without gaps");
    if (b.max_sentences < 1 || b.max_words < 1) r.problem(path, "max_sentences and max_words must be positive");
    if (b.text_size_pt < 8 || b.text_size_pt > 72) r.problem(join_path(path, "text_size_pt"), "must be 8..72");
    bands.push_back(std::move(b));
  }
  if (arr.is_array() && bands.empty()) r.problem("age_bands", "must not be empty");
  return bands;
}

BriefVocabulary read_vocabulary(const nlohmann::json& root, FieldReader& r) {
  BriefVocabulary v;
  const auto& by_theme = r.object(root, "", "settings_by_theme");
  if (by_theme.is_object())
    for (const auto& [theme, _] : by_theme.items())
      v.settings_by_theme[theme] = r.texts(by_theme, "settings_by_theme", theme);
  v.shared_settings = r.texts(root, "", "shared_settings");
  v.poses = r.texts(root, "", "poses");
  v.moods = r.texts(root, "", "moods");
  v.times_of_day = r.texts(root, "", "times_of_day");
  v.framings = r.texts(root, "", "framings");
  v.companion_kinds = r.texts(root, "", "companion_kinds");
  return v;
}

std::vector<ArtStyle> read_styles(const nlohmann::json& root, FieldReader& r) {
  std::vector<ArtStyle> styles;
  const auto& arr = r.array(root, "", "styles");
  for (std::size_t i = 0; i < arr.size(); ++i) {
    const auto path = index_path("styles", i);
    ArtStyle s;
    s.id = r.text(arr[i], path, "id");
    s.name = r.text(arr[i], path, "name");
    s.description = r.text(arr[i], path, "description");
    s.uses_face_cutout = r.boolean(arr[i], path, "uses_face_cutout", false);
    styles.push_back(std::move(s));
  }
  if (arr.is_array() && styles.empty()) r.problem("styles", "must not be empty");
  return styles;
}

}  // namespace storyloom::catalog
