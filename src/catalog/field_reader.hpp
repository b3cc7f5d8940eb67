// Reads typed fields out of one catalog JSON file and remembers every problem with the file
// and the field path named ("catalog/themes/x.json: pages[3].brief.mood: ..."), so a catalog
// author sees all mistakes at once. Readers never throw; after reading, check ok().
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/error.hpp"

namespace storyloom::catalog {

class FieldReader {
 public:
  explicit FieldReader(std::string file) : file_(std::move(file)) {}

  // Each reader looks up `key` in `obj` (the object found at `path`) and returns a default
  // after recording a problem when the key is missing or has the wrong type.
  std::string text(const nlohmann::json& obj, std::string_view path, std::string_view key);
  std::string optional_text(const nlohmann::json& obj, std::string_view path, std::string_view key,
                            std::string fallback = {});
  std::int64_t integer(const nlohmann::json& obj, std::string_view path, std::string_view key);
  double number(const nlohmann::json& obj, std::string_view path, std::string_view key);
  bool boolean(const nlohmann::json& obj, std::string_view path, std::string_view key, bool fallback);
  std::vector<std::string> texts(const nlohmann::json& obj, std::string_view path, std::string_view key,
                                 bool allow_empty = false);
  // The sub-object or array at key, or a null json (after recording a problem).
  const nlohmann::json& object(const nlohmann::json& obj, std::string_view path, std::string_view key);
  const nlohmann::json& array(const nlohmann::json& obj, std::string_view path, std::string_view key);

  void problem(std::string_view path, std::string_view message);

  bool ok() const { return problems_.empty(); }
  const std::vector<std::string>& problems() const { return problems_; }
  const std::string& file() const { return file_; }

 private:
  const nlohmann::json* find(const nlohmann::json& obj, std::string_view path, std::string_view key);

  std::string file_;
  std::vector<std::string> problems_;
};

// Joins a field path: join_path("pages[2]", "brief") == "pages[2].brief".
std::string join_path(std::string_view path, std::string_view key);
std::string index_path(std::string_view path, std::size_t i);

// One Error for everything wrong in a catalog: code catalog_invalid, message naming the first
// problem and how many more, details.problems listing all.
core::Error catalog_error(const std::vector<std::string>& problems);

}  // namespace storyloom::catalog
