#include "print/book_design.hpp"

#include <algorithm>

namespace storyloom::print {

core::Result<BookDesign> make_design(const catalog::Catalog& catalog, const story::Story& story,
                                     std::string child_name) {
  const auto* theme = catalog.find_theme(story.theme);
  auto band = std::find_if(catalog.age_bands.begin(), catalog.age_bands.end(),
                           [&](const catalog::AgeBand& b) { return b.id == story.age_band; });
  if (!theme || band == catalog.age_bands.end())
    return core::fail(core::ErrorKind::invalid_argument, "story_not_in_catalog",
                      "The story's theme or age band is not in the catalog.",
                      {{"theme", story.theme}, {"age_band", story.age_band}});
  return BookDesign{catalog.print, theme->palette, choose_font(catalog.print), band->text_size_pt,
                    std::move(child_name)};
}

}  // namespace storyloom::print
