// Values that cross the SQL boundary: parameters bound to $1..$n and cells read from rows.
// Timestamps are stored as integer Unix seconds, booleans as 0/1, ids as text, JSON as text.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace storyloom::sql {

struct Blob {
  std::string bytes;
};

using Value = std::variant<std::nullptr_t, std::int64_t, double, std::string, Blob>;
using Params = std::vector<Value>;

inline Value null() { return nullptr; }

}  // namespace storyloom::sql
