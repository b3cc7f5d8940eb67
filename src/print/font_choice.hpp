// Which typeface the book is set in: the catalog's family (Andika) when fontconfig has it,
// otherwise the catalog's fallback, and the caller is told so it can say it clearly.
#pragma once

#include <string>

#include "catalog/print_spec.hpp"

namespace storyloom::print {

struct FontChoice {
  std::string family;     // what Pango is asked for
  std::string file;       // the file fontconfig resolved, for the report
  bool is_fallback = false;
};

// Resolved once per process (fontconfig lookups are slow) and cached per family pair.
FontChoice choose_font(const catalog::PrintSpec& spec);

}  // namespace storyloom::print
