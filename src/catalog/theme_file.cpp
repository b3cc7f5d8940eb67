// Reader for catalog/themes/<id>.json: copy, palette, cover brief, ten pages and the ending.
// Brief words are checked against the illustration vocabulary; page texts must exist for
// every age band.
#include <fmt/format.h>

#include "catalog/catalog_files.hpp"

namespace storyloom::catalog {

namespace {

void check_word(FieldReader& r, std::string_view field, const std::string& word,
                const std::vector<std::string>& allowed) {
  if (!word.empty() && !contains(allowed, word))
    r.problem(field, fmt::format("'{}' is not in the illustration vocabulary", word));
}

BriefTemplate read_brief(const nlohmann::json& obj, const std::string& path, FieldReader& r,
                         const std::string& theme, const BriefVocabulary& v) {
  const auto& b = r.object(obj, path, "brief");
  const auto p = join_path(path, "brief");
  BriefTemplate t;
  t.setting = r.text(b, p, "setting");
  t.pose = r.text(b, p, "pose");
  t.mood = r.text(b, p, "mood");
  t.time_of_day = r.text(b, p, "time_of_day");
  t.framing = r.text(b, p, "framing");
  t.props = r.texts(b, p, "props", /*allow_empty=*/true);
  t.companion = r.boolean(b, p, "companion", false);
  t.description = r.text(b, p, "description");
  if (b.is_object() && !t.setting.empty() && !v.allows_setting(theme, t.setting))
    r.problem(join_path(p, "setting"), fmt::format("'{}' is not a setting of theme '{}'", t.setting, theme));
  check_word(r, join_path(p, "pose"), t.pose, v.poses);
  check_word(r, join_path(p, "mood"), t.mood, v.moods);
  check_word(r, join_path(p, "time_of_day"), t.time_of_day, v.times_of_day);
  check_word(r, join_path(p, "framing"), t.framing, v.framings);
  return t;
}

BandTexts read_band_texts(const nlohmann::json& obj, const std::string& path, std::string_view key,
                          FieldReader& r, const std::vector<AgeBand>& bands) {
  const auto& texts = r.object(obj, path, key);
  const auto p = join_path(path, key);
  BandTexts out;
  if (!texts.is_object()) return out;
  for (const auto& band : bands) out[band.id] = r.texts(texts, p, band.id);
  for (const auto& [band, _] : texts.items())
    if (!out.contains(band)) r.problem(join_path(p, band), "is not an age band in age-bands.json");
  return out;
}

ThemePage read_page(const nlohmann::json& obj, const std::string& path, FieldReader& r,
                    const std::string& theme, const BriefVocabulary& v, const std::vector<AgeBand>& bands) {
  ThemePage page;
  page.brief = read_brief(obj, path, r, theme, v);
  const auto panel = r.optional_text(obj, path, "text_panel", "bottom");
  if (panel != "top" && panel != "bottom") r.problem(join_path(path, "text_panel"), "must be top or bottom");
  page.text_panel = panel == "top" ? TextPanel::top : TextPanel::bottom;
  page.text = read_band_texts(obj, path, "text", r, bands);
  return page;
}

Palette read_palette(const nlohmann::json& root, FieldReader& r) {
  const auto& p = r.object(root, "", "palette");
  Palette pal;
  for (auto [key, field] : {std::pair{"cover", &pal.cover}, {"accent", &pal.accent}, {"paper", &pal.paper},
                            {"ink", &pal.ink}}) {
    *field = r.text(p, "palette", key);
    const bool hex = field->size() == 7 && (*field)[0] == '#' &&
                     field->find_first_not_of("0123456789abcdefABCDEF", 1) == std::string::npos;
    if (p.is_object() && !hex) r.problem(join_path("palette", key), "must be a colour like #1a2b3c");
  }
  return pal;
}

}  // namespace

Theme read_theme(const nlohmann::json& root, FieldReader& r, const BriefVocabulary& v,
                 const std::vector<AgeBand>& bands) {
  Theme t;
  t.id = r.text(root, "", "id");
  t.name = r.text(root, "", "name");
  t.description = r.text(root, "", "description");
  t.title_patterns = r.texts(root, "", "title_patterns");
  t.cover_texts = r.texts(root, "", "cover_texts");
  t.dedications = r.texts(root, "", "dedications");
  t.default_companion = r.text(root, "", "default_companion");
  check_word(r, "default_companion", t.default_companion, v.companion_kinds);
  t.sample_page = static_cast<int>(r.integer(root, "", "sample_page"));
  if (t.sample_page < 1 || t.sample_page > kStoryPages) r.problem("sample_page", "must be a story page number");
  t.palette = read_palette(root, r);
  if (root.contains("cover")) t.cover_brief = read_brief(root.at("cover"), "cover", r, t.id, v);
  else r.problem("cover", "missing");
  const auto& pages = r.array(root, "", "pages");
  for (std::size_t i = 0; i < pages.size(); ++i)
    t.pages.push_back(read_page(pages[i], index_path("pages", i), r, t.id, v, bands));
  if (pages.is_array() && t.pages.size() != static_cast<std::size_t>(kStoryPages))
    r.problem("pages", fmt::format("has {} pages; a theme has exactly {}", t.pages.size(), kStoryPages));
  t.ending = read_band_texts(root, "", "ending", r, bands);
  return t;
}

}  // namespace storyloom::catalog
