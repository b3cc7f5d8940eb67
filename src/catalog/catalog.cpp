#include "catalog/catalog.hpp"

#include <algorithm>
#include <cstdlib>
#include <unistd.h>

#include <fmt/format.h>

#include "catalog/catalog_files.hpp"

namespace storyloom::catalog {

namespace fs = std::filesystem;

namespace {

template <class T>
const T* find_by_id(const std::vector<T>& items, std::string_view id) {
  auto it = std::find_if(items.begin(), items.end(), [&](const T& t) { return t.id == id; });
  return it == items.end() ? nullptr : &*it;
}

template <class T>
void check_unique_ids(const std::vector<T>& items, FieldReader& r, std::string_view what) {
  for (std::size_t i = 0; i < items.size(); ++i)
    for (std::size_t j = i + 1; j < items.size(); ++j)
      if (items[i].id == items[j].id) r.problem(what, fmt::format("id '{}' appears twice", items[i].id));
}

std::vector<fs::path> theme_files(const fs::path& dir, std::vector<std::string>& problems) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir / "themes", ec))
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  if (ec) problems.push_back(fmt::format("{}: cannot list: {}", (dir / "themes").string(), ec.message()));
  std::sort(files.begin(), files.end());
  return files;
}

// Reads one whole-file section with its own FieldReader and collects its problems.
template <class Fn>
void read_section(const fs::path& path, std::vector<std::string>& problems, Fn&& fn) {
  FieldReader r(path.string());
  if (auto json = read_json_file(path, r)) fn(*json, r);
  problems.insert(problems.end(), r.problems().begin(), r.problems().end());
}

}  // namespace

const Theme* Catalog::find_theme(std::string_view id) const { return find_by_id(themes, id); }
const ArtStyle* Catalog::find_style(std::string_view id) const { return find_by_id(styles, id); }
const Product* Catalog::find_product(std::string_view id) const { return find_by_id(products, id); }

const AgeBand* Catalog::band_for_age(int age) const {
  auto it = std::find_if(age_bands.begin(), age_bands.end(), [&](const AgeBand& b) { return b.covers(age); });
  return it == age_bands.end() ? nullptr : &*it;
}

std::vector<std::string> Catalog::theme_ids() const {
  std::vector<std::string> ids;
  for (const auto& t : themes) ids.push_back(t.id);
  return ids;
}

std::vector<std::string> Catalog::style_ids() const {
  std::vector<std::string> ids;
  for (const auto& s : styles) ids.push_back(s.id);
  return ids;
}

core::Result<Catalog> load_catalog(const fs::path& dir) {
  Catalog c;
  c.dir = dir;
  std::vector<std::string> problems;
  read_section(dir / "age-bands.json", problems, [&](auto& j, auto& r) { c.age_bands = read_age_bands(j, r); });
  read_section(dir / "illustration-vocabulary.json", problems,
               [&](auto& j, auto& r) { c.vocabulary = read_vocabulary(j, r); });
  read_section(dir / "styles.json", problems, [&](auto& j, auto& r) {
    c.styles = read_styles(j, r);
    check_unique_ids(c.styles, r, "styles");
  });
  read_section(dir / "products.json", problems, [&](auto& j, auto& r) {
    c.products = read_products(j, r);
    check_unique_ids(c.products, r, "products");
  });
  read_section(dir / "print.json", problems, [&](auto& j, auto& r) { c.print = read_print_spec(j, r); });
  for (const auto& file : theme_files(dir, problems)) {
    read_section(file, problems, [&](auto& j, auto& r) {
      Theme t = read_theme(j, r, c.vocabulary, c.age_bands);
      if (t.id != file.stem().string())
        r.problem("id", fmt::format("'{}' must match the file name '{}'", t.id, file.stem().string()));
      c.themes.push_back(std::move(t));
    });
  }
  if (c.themes.empty() && problems.empty()) problems.push_back(fmt::format("{}: no themes", (dir / "themes").string()));
  if (!problems.empty()) return core::fail(catalog_error(problems));
  std::sort(c.themes.begin(), c.themes.end(), [](auto& a, auto& b) { return a.id < b.id; });
  return c;
}

core::Result<fs::path> find_catalog_dir() {
  std::vector<fs::path> candidates;
  if (const char* env = std::getenv("STORYLOOM_CATALOG_DIR"); env && *env) candidates.emplace_back(env);
  candidates.emplace_back(fs::current_path() / "catalog");
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    candidates.push_back(exe.parent_path().parent_path() / "catalog");
    candidates.push_back(exe.parent_path().parent_path() / "share" / "storyloom" / "catalog");
  }
  for (const auto& dir : candidates)
    if (fs::exists(dir / "print.json", ec)) return dir;
  std::vector<std::string> tried;
  for (const auto& dir : candidates) tried.push_back(dir.string());
  return core::fail(core::ErrorKind::not_found, "catalog_not_found",
                    "No catalog folder found; set STORYLOOM_CATALOG_DIR to the catalog/ directory",
                    {{"tried", tried}});
}

}  // namespace storyloom::catalog
