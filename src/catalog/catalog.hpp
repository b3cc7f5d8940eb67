// Everything Storyloom sells and prints, loaded from the catalog/ folder at start-up and
// validated as a whole: a bad file stops start-up with an error naming the file and field.
// A loaded Catalog is immutable and safe to share between threads.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/age_band.hpp"
#include "catalog/art_style.hpp"
#include "catalog/brief_vocabulary.hpp"
#include "catalog/print_spec.hpp"
#include "catalog/product.hpp"
#include "catalog/theme.hpp"
#include "core/error.hpp"

namespace storyloom::catalog {

// Pages of story between the title matter and the ending; every theme has exactly this many.
inline constexpr int kStoryPages = 10;

struct Catalog {
  std::filesystem::path dir;
  std::vector<Theme> themes;  // sorted by id
  std::vector<ArtStyle> styles;
  std::vector<Product> products;
  std::vector<AgeBand> age_bands;  // ascending ages, no gaps
  BriefVocabulary vocabulary;
  PrintSpec print;

  const Theme* find_theme(std::string_view id) const;
  const ArtStyle* find_style(std::string_view id) const;
  const Product* find_product(std::string_view id) const;
  const AgeBand* band_for_age(int age) const;
  std::vector<std::string> theme_ids() const;
  std::vector<std::string> style_ids() const;
};

// Reads and validates every file under `dir` (themes/*.json, styles.json, products.json,
// print.json, age-bands.json, illustration-vocabulary.json). On any problem: catalog_invalid
// with every problem listed in details.problems.
core::Result<Catalog> load_catalog(const std::filesystem::path& dir);

// Where the catalog lives: $STORYLOOM_CATALOG_DIR, else ./catalog, else next to the binary
// (<exe>/../catalog, <exe>/../share/storyloom/catalog). not_found when none has print.json.
core::Result<std::filesystem::path> find_catalog_dir();

}  // namespace storyloom::catalog
