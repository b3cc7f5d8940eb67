// Where a printed book goes. validate_shipping_address() checks what a carrier needs and names
// every wrong field, so the web form can show each message under its input.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "core/error.hpp"

namespace storyloom::commerce {

struct ShippingAddress {
  std::string name;         // the person receiving the parcel
  std::string line1;        // street and number
  std::string line2;        // flat, building (optional)
  std::string city;
  std::string region;       // state / county (optional)
  std::string postal_code;
  std::string country;      // ISO 3166-1 alpha-2, upper case
  std::string phone;        // required when the chosen shipping needs it

  bool operator==(const ShippingAddress&) const = default;
};

// Trims fields and upper-cases the country and postal code, then validates. On failure:
// invalid_argument `shipping_address_invalid` with details {"fields": {field: sentence}}.
// `phone_required`: the chosen carrier service needs a phone number.
core::Result<ShippingAddress> validate_shipping_address(ShippingAddress address, bool phone_required);

bool is_iso_country(std::string_view code);

nlohmann::json to_json(const ShippingAddress& a);
// Reads the object the API receives ({name, line1, line2, city, region, postal_code, country,
// phone}); missing keys become empty strings, a non-object is invalid_argument.
core::Result<ShippingAddress> shipping_address_from_json(const nlohmann::json& j);

}  // namespace storyloom::commerce
