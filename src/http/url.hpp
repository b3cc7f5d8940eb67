// Decoding the parts of a request target: percent-decoding, the query string, and splitting
// a target into path and query.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace storyloom::http {

using QueryParams = std::multimap<std::string, std::string>;

// Decodes %XX escapes (and '+' as space when `plus_is_space`, for query strings). Answers
// nullopt for a malformed escape or an encoded NUL byte.
std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space = false);
std::string percent_encode(std::string_view text);  // everything but unreserved characters

// Parses "a=1&b=x%20y&a=2"; pairs that fail to decode are dropped.
QueryParams parse_query(std::string_view query);

struct SplitTarget {
  std::string_view path;   // still encoded
  std::string_view query;  // without the '?'
};
SplitTarget split_target(std::string_view target);

}  // namespace storyloom::http
