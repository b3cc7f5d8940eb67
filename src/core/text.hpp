// Small text helpers shared by parsers of headers, settings and form fields.
#pragma once

#include <string>
#include <string_view>

namespace storyloom::core {

// `s` without leading and trailing blanks (space, tab, CR, LF). A view into `s`.
constexpr std::string_view trim(std::string_view s) {
  constexpr std::string_view kBlanks = " \t\r\n";
  const auto first = s.find_first_not_of(kBlanks);
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(kBlanks) - first + 1);
}

// Whether `s` holds a CR or LF: a header value (HTTP, mail) with one would let whoever supplied
// it write headers of their own. A plain loop: find_first_of("\r\n") calls memchr once per byte.
constexpr bool has_line_break(std::string_view s) {
  for (const char c : s)
    if (c == '\r' || c == '\n') return true;
  return false;
}

// `s` with ASCII letters upper-cased (currency codes, country codes, postcodes); other bytes as
// they are.
inline std::string ascii_upper(std::string s) {
  for (auto& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

}  // namespace storyloom::core
