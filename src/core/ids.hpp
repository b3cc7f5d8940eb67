// Identifiers for stored objects: a short type prefix and 20 random base32 characters
// (100 bits), e.g. "bk_3n5k2d0q9x7f4hj8c1mz". Unguessable, URL-safe, sortable by nothing.
#pragma once

#include <string>
#include <string_view>

namespace storyloom::core {

std::string new_id(std::string_view prefix);

// True for strings new_id could have made with this prefix (cheap input validation).
bool is_valid_id(std::string_view id, std::string_view prefix);

}  // namespace storyloom::core
