// Internal: one reader per catalog file. Each adds its problems to the FieldReader it is given.
#pragma once

#include <filesystem>
#include <optional>

#include <nlohmann/json.hpp>

#include "catalog/catalog.hpp"
#include "catalog/field_reader.hpp"

namespace storyloom::catalog {

// Parses a JSON file; on failure records the problem under the file's name and returns nullopt.
std::optional<nlohmann::json> read_json_file(const std::filesystem::path& path, FieldReader& reader);

std::vector<AgeBand> read_age_bands(const nlohmann::json& root, FieldReader& r);
BriefVocabulary read_vocabulary(const nlohmann::json& root, FieldReader& r);
std::vector<ArtStyle> read_styles(const nlohmann::json& root, FieldReader& r);
std::vector<Product> read_products(const nlohmann::json& root, FieldReader& r);
PrintSpec read_print_spec(const nlohmann::json& root, FieldReader& r);
// Checks vocabulary, age bands and page count against what was loaded before.
Theme read_theme(const nlohmann::json& root, FieldReader& r, const BriefVocabulary& vocabulary,
                 const std::vector<AgeBand>& bands);

}  // namespace storyloom::catalog
