// The look of one book: the theme's palette, the typeface, the body text size for the child's
// age band, the fixed words and geometry from catalog/print.json, and the child's name.
#pragma once

#include <string>

#include "catalog/catalog.hpp"
#include "print/font_choice.hpp"
#include "story/story.hpp"

namespace storyloom::print {

struct BookDesign {
  catalog::PrintSpec spec;
  catalog::Palette palette;
  FontChoice font;
  double body_size_pt = 20;
  std::string child_name;
};

// Errors: theme_unknown / age band unknown when the story does not match the catalog.
core::Result<BookDesign> make_design(const catalog::Catalog& catalog, const story::Story& story,
                                     std::string child_name);

}  // namespace storyloom::print
