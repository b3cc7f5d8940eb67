// The child a book is about, as a parent describes them. validate_child() normalizes the
// free-text fields (trims, collapses spaces, lower-cases the colour) and refuses input that
// could not be printed sensibly; names in any script, with apostrophes and hyphens, are fine.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace storyloom::story {

enum class Pronouns { she, he, they };

struct Companion {
  std::string name;  // "Biscuit"
  std::string kind;  // dog, cat, ... from the brief vocabulary; empty: the theme's default
};

struct Child {
  std::string name;
  int age = 0;
  Pronouns pronouns = Pronouns::they;
  std::optional<Companion> companion;
  std::optional<std::string> favourite_colour;  // "purple"
  std::optional<std::string> hometown;          // "Leeds"
};

// Accepts she/he/they and the pair forms she/her, he/him, they/them (case-insensitive).
std::optional<Pronouns> parse_pronouns(std::string_view s);
const char* to_string(Pronouns p);

// Normalizes and checks every field except the age (which the catalog's age bands decide).
// Errors are invalid_argument with codes child_name_invalid, companion_invalid,
// colour_invalid, hometown_invalid, naming the field in details.field.
core::Result<Child> validate_child(Child child);

}  // namespace storyloom::story
