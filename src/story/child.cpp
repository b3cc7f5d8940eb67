#include "story/child.hpp"

#include <algorithm>
#include <cctype>

namespace storyloom::story {

namespace {

// Length in bytes of a well-formed UTF-8 sequence starting at s[i], or 0 when malformed.
std::size_t utf8_length(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k)
    if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return 0;
  return n;
}

std::string collapse_spaces(std::string_view s) {
  std::string out;
  for (char c : s) {
    const bool space = c == ' ' || c == '\t';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out.push_back(space ? ' ' : c);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// A word-like field: letters of any script (every non-ASCII code point is accepted as a letter,
// which keeps marks and scripts without case working), spaces, and the ASCII punctuation in
// `extra`. At least one letter; at most max_bytes after normalizing.
std::optional<std::string> clean_words(std::string_view raw, std::string_view extra, std::size_t max_bytes) {
  std::string s = collapse_spaces(raw);
  if (s.empty() || s.size() > max_bytes) return std::nullopt;
  bool has_letter = false;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = utf8_length(s, i);
    if (n == 0) return std::nullopt;
    const auto c = static_cast<unsigned char>(s[i]);
    if (n > 1) {
      has_letter = true;
    } else if (std::isalpha(c)) {
      has_letter = true;
    } else if (c != ' ' && extra.find(static_cast<char>(c)) == std::string_view::npos) {
      return std::nullopt;
    }
    i += n;
  }
  if (!has_letter) return std::nullopt;
  return s;
}

core::Error field_error(std::string code, std::string field, std::string message) {
  return core::Error{core::ErrorKind::invalid_argument, std::move(code), std::move(message), {{"field", field}}};
}

}  // namespace

std::optional<Pronouns> parse_pronouns(std::string_view s) {
  std::string lower(s);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  if (lower == "she" || lower == "she/her") return Pronouns::she;
  if (lower == "he" || lower == "he/him") return Pronouns::he;
  if (lower == "they" || lower == "they/them") return Pronouns::they;
  return std::nullopt;
}

const char* to_string(Pronouns p) {
  switch (p) {
    case Pronouns::she: return "she";
    case Pronouns::he: return "he";
    case Pronouns::they: return "they";
  }
  return "they";
}

core::Result<Child> validate_child(Child child) {
  // Apostrophes (straight and curly, the latter arriving as non-ASCII), hyphens and dots
  // ("St. Clair") are part of real names; digits and brackets are not.
  auto name = clean_words(child.name, "'-.", 60);
  if (!name)
    return core::fail(field_error("child_name_invalid", "name",
                                  "Please give the child's name using letters (apostrophes and hyphens are fine), up to 60 characters."));
  child.name = *name;
  if (child.companion) {
    auto companion = clean_words(child.companion->name, "'-.", 40);
    if (!companion)
      return core::fail(field_error("companion_invalid", "companion",
                                    "Please give the companion's name using letters, up to 40 characters."));
    child.companion->name = *companion;
  }
  if (child.favourite_colour) {
    auto colour = clean_words(*child.favourite_colour, "-", 30);
    if (!colour)
      return core::fail(field_error("colour_invalid", "colour", "Please give the favourite colour as a word, like “purple”."));
    std::transform(colour->begin(), colour->end(), colour->begin(),
                   [](unsigned char c) { return c < 0x80 ? std::tolower(c) : c; });
    child.favourite_colour = *colour;
  }
  if (child.hometown) {
    auto town = clean_words(*child.hometown, "'-.,", 60);
    if (!town)
      return core::fail(field_error("hometown_invalid", "hometown", "Please give the hometown using letters, up to 60 characters."));
    child.hometown = *town;
  }
  return child;
}

}  // namespace storyloom::story
