// A child's profile: the hero of their books. Owned by one user (owner_id).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/error.hpp"

namespace storyloom::accounts {

struct Child {
  std::string id;                          // "ch_..."
  std::string owner_id;
  std::string name;                        // normalized (child_name.hpp)
  std::optional<int> age;                  // 1..12 when given directly
  std::optional<std::string> birth_date;   // YYYY-MM-DD when given instead
  std::string pronouns = "they";           // she | he | they
  std::string companion;                   // "" or e.g. "a small dragon"
  std::string favourite_colour;            // "" , a colour word, or "#rrggbb"
  std::optional<std::string> photo_id;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
};

// Fields a client sends; absent fields keep their value on update. For create, name and one of
// age / birth_date are required. Setting age clears birth_date and vice versa.
struct ChildInput {
  std::optional<std::string> name;
  std::optional<int> age;
  std::optional<std::string> birth_date;
  std::optional<std::string> pronouns;
  std::optional<std::string> companion;
  std::optional<std::string> favourite_colour;
  std::optional<std::optional<std::string>> photo_id;  // set, or explicitly cleared with null
};

// Parses a JSON body into ChildInput; invalid_argument (body_invalid, <field>_invalid) on wrong
// types or unknown fields.
core::Result<ChildInput> parse_child_input(const nlohmann::json& body);

// Age in whole years on the given day (Unix seconds, UTC); nullopt for a malformed date.
std::optional<int> age_on(std::string_view birth_date, std::int64_t unix_seconds);

// The API view; `age` is derived from birth_date when only that is stored.
nlohmann::json to_json(const Child& c, std::int64_t now);

}  // namespace storyloom::accounts
