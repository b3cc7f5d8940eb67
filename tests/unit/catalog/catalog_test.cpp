#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "catalog/catalog.hpp"

namespace fs = std::filesystem;
using storyloom::catalog::Catalog;
using storyloom::catalog::load_catalog;

namespace {

const fs::path kCatalog = fs::path(STORYLOOM_SOURCE_DIR) / "catalog";

// A copy of the real catalog in a temp folder that a test may break.
struct CatalogCopy {
  fs::path dir = fs::temp_directory_path() / ("catalog-test-" + std::to_string(::getpid()) + "-" +
                                              ::testing::UnitTest::GetInstance()->current_test_info()->name());
  CatalogCopy() {
    fs::remove_all(dir);
    fs::copy(kCatalog, dir, fs::copy_options::recursive);
  }
  ~CatalogCopy() { fs::remove_all(dir); }
  nlohmann::json read(const std::string& file) const {
    std::ifstream in(dir / file);
    return nlohmann::json::parse(in, nullptr, true, true);
  }
  void write(const std::string& file, const nlohmann::json& j) const { std::ofstream(dir / file) << j.dump(2); }
};

}  // namespace

TEST(Catalog, LoadsTheShippedCatalog) {
  auto c = load_catalog(kCatalog);
  ASSERT_TRUE(c) << c.error().message << "\n" << c.error().details.dump(2);
  const std::vector<std::string> themes{"dinosaur-valley", "enchanted-forest", "jungle-safari", "pirate-island",
                                        "snow-kingdom",    "space-voyage",     "superhero-city", "under-the-sea"};
  EXPECT_EQ(c->theme_ids(), themes);
  EXPECT_EQ(c->style_ids(), (std::vector<std::string>{"storybook", "cartoon"}));
  for (const auto& t : c->themes) {
    EXPECT_EQ(t.pages.size(), 10u) << t.id;
    for (const auto& band : c->age_bands)
      for (const auto& page : t.pages) EXPECT_GE(page.text.at(band.id).size(), 2u) << t.id << " " << band.id;
  }
}

TEST(Catalog, PrintSpecMatchesTheTenInchBook) {
  auto c = load_catalog(kCatalog);
  ASSERT_TRUE(c);
  EXPECT_DOUBLE_EQ(c->print.page_width_pt(), 738.0);
  EXPECT_EQ(c->print.page_width_px(), 3075);
  EXPECT_EQ(c->print.min_pages % c->print.page_multiple, 0);
}

TEST(Catalog, PricesAreMinorUnitsWithCurrency) {
  auto c = load_catalog(kCatalog);
  ASSERT_TRUE(c);
  const auto* hardcover = c->find_product("hardcover");
  ASSERT_NE(hardcover, nullptr);
  EXPECT_EQ(hardcover->price.currency, "USD");
  EXPECT_GT(hardcover->price.minor, 0);
  EXPECT_FALSE(hardcover->shipping.empty());
  EXPECT_NE(c->find_product("digital-pdf"), nullptr);
  const auto* pack = c->find_product("credits-3");
  ASSERT_NE(pack, nullptr);
  EXPECT_EQ(pack->credits, 3);
}

TEST(Catalog, AgeBandsCoverTwoToTen) {
  auto c = load_catalog(kCatalog);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->band_for_age(2)->id, "2-4");
  EXPECT_EQ(c->band_for_age(6)->id, "5-7");
  EXPECT_EQ(c->band_for_age(10)->id, "8-10");
  EXPECT_EQ(c->band_for_age(11), nullptr);
  EXPECT_EQ(c->band_for_age(1), nullptr);
}

TEST(Catalog, UnknownSettingIsNamedWithFileAndField) {
  CatalogCopy copy;
  auto theme = copy.read("themes/space-voyage.json");
  theme["pages"][3]["brief"]["setting"] = "mushroom-glade";
  copy.write("themes/space-voyage.json", theme);
  auto c = load_catalog(copy.dir);
  ASSERT_FALSE(c);
  EXPECT_EQ(c.error().code, "catalog_invalid");
  EXPECT_NE(c.error().message.find("space-voyage.json: pages[3].brief.setting"), std::string::npos) << c.error().message;
}

TEST(Catalog, MissingAgeBandTextIsNamed) {
  CatalogCopy copy;
  auto theme = copy.read("themes/snow-kingdom.json");
  theme["pages"][0]["text"].erase("5-7");
  theme["ending"]["8-10"] = nlohmann::json::array();
  copy.write("themes/snow-kingdom.json", theme);
  auto c = load_catalog(copy.dir);
  ASSERT_FALSE(c);
  const auto all = c.error().details.dump();
  EXPECT_NE(all.find("pages[0].text.5-7: missing"), std::string::npos) << all;
  EXPECT_NE(all.find("ending.8-10: must not be empty"), std::string::npos) << all;
}

TEST(Catalog, BrokenJsonAndBadPriceAreReported) {
  CatalogCopy copy;
  std::ofstream(copy.dir / "styles.json") << "{ not json";
  auto products = copy.read("products.json");
  products["products"][0]["price"]["minor"] = 14.99;
  copy.write("products.json", products);
  auto c = load_catalog(copy.dir);
  ASSERT_FALSE(c);
  const auto all = c.error().details.dump();
  EXPECT_NE(all.find("styles.json: (top level): not valid JSON"), std::string::npos) << all;
  EXPECT_NE(all.find("products[0].price.minor: must be an integer"), std::string::npos) << all;
}

TEST(Catalog, ThemeIdMustMatchFileName) {
  CatalogCopy copy;
  fs::rename(copy.dir / "themes/pirate-island.json", copy.dir / "themes/pirates.json");
  auto c = load_catalog(copy.dir);
  ASSERT_FALSE(c);
  EXPECT_NE(c.error().details.dump().find("must match the file name"), std::string::npos);
}
