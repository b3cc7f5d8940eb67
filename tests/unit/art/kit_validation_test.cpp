// Kit files are data: a typo must fail loading with a message naming the file and the field.
#include <gtest/gtest.h>

#include <unistd.h>

#include <fstream>

#include <nlohmann/json.hpp>

#include "art/kit_library.hpp"
#include "art_test_support.hpp"

namespace storyloom::art {
namespace {

namespace fs = std::filesystem;

nlohmann::json read_kit(const std::string& theme) {
  std::ifstream in(testing::art_dir() / theme / "kit.json");
  return nlohmann::json::parse(in);
}

// Writes a kit into a scratch folder of this process and loads it against the real asset folder.
// (ctest runs these tests as parallel processes: a shared folder let one test load another's kit.)
core::Result<SceneKit> load_edited(const nlohmann::json& kit, const std::string& name = "kit.json") {
  const fs::path dir = fs::temp_directory_path() / ("storyloom_art_kit_test_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path file = dir / name;
  std::ofstream(file) << kit.dump(2);
  return load_scene_kit(file, testing::art_dir());
}

void expect_kit_error(const nlohmann::json& kit, const std::string& field_part, const std::string& message_part) {
  auto loaded = load_edited(kit);
  ASSERT_FALSE(loaded) << "expected a kit error about " << field_part;
  EXPECT_EQ(loaded.error().code, "art_kit_invalid");
  EXPECT_NE(loaded.error().message.find("kit.json"), std::string::npos) << loaded.error().message;
  EXPECT_NE(loaded.error().message.find(field_part), std::string::npos) << loaded.error().message;
  EXPECT_NE(loaded.error().message.find(message_part), std::string::npos) << loaded.error().message;
}

TEST(KitValidation, CatalogKitsLoad) {
  auto library = load_kit_library(testing::art_dir());
  ASSERT_TRUE(library) << library.error().message;
  EXPECT_EQ(library->themes.size(), 8u);
  EXPECT_EQ(library->generic.poses.size(), 12u);
  EXPECT_EQ(library->generic.moods.size(), 8u);
  for (const auto& setting : testing::documented_shared_settings())
    EXPECT_TRUE(library->generic.shared.settings.contains(setting)) << setting;
}

// Story writers name props freely; kits name pictures by their head noun.
TEST(KitValidation, PropsAreFoundAsWrittenInTheSingularOrByTheirLastWord) {
  auto library = load_kit_library(testing::art_dir());
  ASSERT_TRUE(library) << library.error().message;
  const SceneKit& dino = library->themes.at("dinosaur-valley");
  const SceneKit& safari = library->themes.at("jungle-safari");
  auto asset = [&](const SceneKit& kit, const std::string& noun) {
    const std::string* a = library->prop_asset(kit, noun);
    return a ? *a : std::string("(none)");
  };
  EXPECT_EQ(asset(dino, "egg"), "noto/egg.svg");
  EXPECT_EQ(asset(dino, "dinosaur-egg"), "noto/egg.svg");
  EXPECT_EQ(asset(dino, "dinosaurs"), "noto/sauropod.svg");
  EXPECT_EQ(asset(dino, "long-neck-dinosaur"), "noto/sauropod.svg");
  EXPECT_EQ(asset(dino, "giant-ferns"), "noto/herb.svg");
  EXPECT_EQ(asset(safari, "elephants"), "noto/elephant.svg");
  EXPECT_EQ(asset(dino, "lanterns"), "noto/red-paper-lantern.svg");  // a shared prop
  EXPECT_EQ(asset(dino, "spaceship-that-does-not-exist"), "(none)");
  EXPECT_EQ(asset(dino, "dinosaur-mother"), "noto/sauropod.svg");  // the kit's "mother"
  EXPECT_EQ(asset(dino, "pterodactyls"), "(none)");  // no picture of one: skipped, not guessed
  EXPECT_EQ(asset(dino, "s"), "(none)");
}

TEST(KitValidation, UnknownLayerKindNamesTheLayer) {
  auto kit = read_kit("space-voyage");
  kit["settings"]["starfield"]["layers"][1]["kind"] = "hils";
  expect_kit_error(kit, "settings.starfield.layers[1].kind", "unknown layer kind 'hils'");
}

TEST(KitValidation, MisspeltFieldIsRefused) {
  auto kit = read_kit("enchanted-forest");
  kit["settings"]["forest-path"]["layers"][4]["heigth"] = 0.2;
  expect_kit_error(kit, "settings.forest-path.layers[4].heigth", "not a known field");
}

TEST(KitValidation, ColourMissingFromAPaletteIsRefused) {
  auto kit = read_kit("pirate-island");
  kit["palettes"]["night"].erase("water");
  expect_kit_error(kit, "colour", "palette 'night' has no colour 'water'");
}

TEST(KitValidation, MissingAssetIsRefused) {
  auto kit = read_kit("jungle-safari");
  kit["props"]["lion"] = "noto/lion-that-is-not-there.svg";
  expect_kit_error(kit, "props.lion", "is not a file");
}

TEST(KitValidation, OutOfRangeNumberIsRefused) {
  auto kit = read_kit("snow-kingdom");
  kit["settings"]["ice-palace"]["ground_y"] = 3;
  expect_kit_error(kit, "settings.ice-palace.ground_y", "between");
}

TEST(KitValidation, MissingPaletteTimeIsRefused) {
  auto kit = read_kit("dinosaur-valley");
  kit["palettes"].erase("sunset");
  expect_kit_error(kit, "palettes.sunset", "missing");
}

TEST(KitValidation, BrokenJsonNamesTheFile) {
  const fs::path file = fs::temp_directory_path() / "storyloom_art_broken.json";
  std::ofstream(file) << "{ \"theme\": ";
  auto loaded = load_scene_kit(file, testing::art_dir());
  ASSERT_FALSE(loaded);
  EXPECT_NE(loaded.error().message.find("storyloom_art_broken.json"), std::string::npos);
  EXPECT_NE(loaded.error().message.find("not valid JSON"), std::string::npos);
}

}  // namespace
}  // namespace storyloom::art

namespace storyloom::art {
namespace {

// Only assets a kit uses are kept, and each one is credited in catalog/ATTRIBUTION.md.
TEST(KitAssets, EveryCopiedAssetIsUsedAndCredited) {
  std::ifstream in(fs::path(STORYLOOM_SOURCE_DIR) / "catalog" / "ATTRIBUTION.md");
  const std::string credits((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::string kits;
  for (const auto& entry : fs::directory_iterator(testing::art_dir())) {
    std::ifstream kit(entry.path() / "kit.json");
    kits.append(std::istreambuf_iterator<char>(kit), std::istreambuf_iterator<char>());
  }
  int checked = 0;
  for (const char* library : {"noto", "openclipart"}) {
    for (const auto& file : fs::directory_iterator(testing::art_dir() / library)) {
      const std::string asset = std::string(library) + "/" + file.path().filename().string();
      EXPECT_NE(kits.find("\"" + asset + "\""), std::string::npos) << asset << " is not used by any kit";
      EXPECT_NE(credits.find("| " + asset + " |"), std::string::npos) << asset << " is not in ATTRIBUTION.md";
      ++checked;
    }
  }
  EXPECT_GT(checked, 50);
}

}  // namespace
}  // namespace storyloom::art
