// Reading fields of providers' JSON payloads, where a missing or odd field means "absent".
#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

namespace storyloom::commerce {

// The field as text: a string as it is, an integer in decimal (Shopify sends ids as numbers);
// empty when absent or of another type.
inline std::string field_text(const nlohmann::json& object, const char* key) {
  const auto it = object.find(key);
  if (it == object.end()) return {};
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer()) return std::to_string(it->get<std::int64_t>());
  return {};
}

}  // namespace storyloom::commerce
