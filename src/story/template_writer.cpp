#include "story/template_writer.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "catalog/field_reader.hpp"
#include "story/template_text.hpp"
#include "story/variant_picker.hpp"

namespace storyloom::story {

namespace {

void check_all(const std::vector<std::string>& templates, const std::string& where,
               std::vector<std::string>& problems) {
  for (std::size_t i = 0; i < templates.size(); ++i)
    if (auto ok = check_template(templates[i]); !ok)
      problems.push_back(fmt::format("{}[{}]: {}", where, i, ok.error().message));
}

void check_bands(const catalog::BandTexts& texts, const std::string& where, std::vector<std::string>& problems) {
  for (const auto& [band, variants] : texts) check_all(variants, fmt::format("{}.{}", where, band), problems);
}

void check_theme(const catalog::Theme& t, const std::string& file, std::vector<std::string>& problems) {
  check_all(t.title_patterns, file + ": title_patterns", problems);
  check_all(t.cover_texts, file + ": cover_texts", problems);
  check_all(t.dedications, file + ": dedications", problems);
  check_all({t.cover_brief.description}, file + ": cover.brief.description", problems);
  for (std::size_t p = 0; p < t.pages.size(); ++p) {
    check_bands(t.pages[p].text, fmt::format("{}: pages[{}].text", file, p), problems);
    check_all({t.pages[p].brief.description}, fmt::format("{}: pages[{}].brief.description", file, p), problems);
  }
  check_bands(t.ending, file + ": ending", problems);
}

// A template failing here is a bug: create() checked every one.
std::string fill(const std::string& tpl, const TemplateValues& v) {
  auto text = render_template(tpl, v);
  if (!text) throw std::logic_error("unchecked template: " + text.error().message);
  return *text;
}

core::IllustrationBrief make_brief(const catalog::BriefTemplate& t, const catalog::Theme& theme,
                                   const Child& child, const TemplateValues& v) {
  core::IllustrationBrief b;
  b.theme = theme.id;
  b.setting = t.setting;
  b.pose = t.pose;
  b.mood = t.mood;
  b.time_of_day = t.time_of_day;
  b.framing = t.framing;
  b.props = t.props;
  b.companion = t.companion && child.companion.has_value();
  if (b.companion)
    b.companion_kind = child.companion->kind.empty() ? theme.default_companion : child.companion->kind;
  b.description = fill(t.description, v);
  return b;
}

}  // namespace

core::Result<std::unique_ptr<TemplateWriter>> TemplateWriter::create(std::shared_ptr<const catalog::Catalog> c) {
  std::vector<std::string> problems;
  for (const auto& theme : c->themes)
    check_theme(theme, (c->dir / "themes" / (theme.id + ".json")).string(), problems);
  if (!problems.empty()) return core::fail(catalog::catalog_error(problems));
  return std::unique_ptr<TemplateWriter>(new TemplateWriter(std::move(c)));
}

core::Result<Story> TemplateWriter::write(const StoryRequest& request) const {
  const auto* theme = catalog_->find_theme(request.theme);
  if (!theme)
    return core::fail(core::ErrorKind::invalid_argument, "theme_unknown",
                      fmt::format("There is no theme called '{}'.", request.theme),
                      {{"field", "theme"}, {"themes", catalog_->theme_ids()}});
  const auto* band = catalog_->band_for_age(request.child.age);
  if (!band)
    return core::fail(core::ErrorKind::invalid_argument, "age_out_of_range",
                      fmt::format("Our stories are written for ages {} to {}.", catalog_->age_bands.front().min_age,
                                  catalog_->age_bands.back().max_age),
                      {{"field", "age"}});
  auto child = validate_child(request.child);
  if (!child) return core::fail(child.error());
  if (child->companion && !child->companion->kind.empty() &&
      !catalog::contains(catalog_->vocabulary.companion_kinds, child->companion->kind))
    return core::fail(core::ErrorKind::invalid_argument, "companion_invalid",
                      fmt::format("A companion can be a {}.", fmt::join(catalog_->vocabulary.companion_kinds, ", ")),
                      {{"field", "companion_kind"}});

  const TemplateValues v{child->name, child->pronouns,
                         child->companion ? std::optional(child->companion->name) : std::nullopt,
                         child->favourite_colour, child->hometown, child->age};
  const VariantPicker picker(request.seed, theme->id, child->name);
  auto choose = [&](const std::vector<std::string>& variants, std::string_view slot) {
    return fill(variants[picker.pick(slot, variants.size())], v);
  };

  Story s;
  s.theme = theme->id;
  s.age_band = band->id;
  s.writer = std::string(name());
  s.title = choose(theme->title_patterns, "title");
  s.dedication = choose(theme->dedications, "dedication");
  s.cover_text = choose(theme->cover_texts, "cover");
  s.cover_brief = make_brief(theme->cover_brief, *theme, *child, v);
  for (std::size_t i = 0; i < theme->pages.size(); ++i) {
    const auto& page = theme->pages[i];
    StoryPage out;
    out.number = static_cast<int>(i + 1);
    out.text = choose(page.text.at(band->id), fmt::format("page-{}", i + 1));
    out.brief = make_brief(page.brief, *theme, *child, v);
    out.text_panel = page.text_panel;
    s.pages.push_back(std::move(out));
  }
  s.ending = choose(theme->ending.at(band->id), "ending");
  return s;
}

}  // namespace storyloom::story
