// Validators for common kinds of setting values (see setting.hpp).
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "app/setting.hpp"

namespace storyloom::app {

Validator integer_between(std::int64_t min, std::int64_t max);
// Byte sizes: "1048576", "512KiB", "16MiB", "1GiB" (also "k"/"m"/"g"), at least `min`.
Validator byte_size(std::uint64_t min = 1);
Validator one_of(std::initializer_list<std::string_view> choices);
Validator non_empty();
Validator boolean_value();            // true/false/1/0/yes/no/on/off
Validator http_url(bool allow_empty);  // http:// or https://, no trailing slash
Validator origin_list();               // comma-separated origins, or "*"
Validator host_name();                 // an IP address or DNS name

std::optional<std::uint64_t> parse_byte_size(std::string_view text);
std::optional<bool> parse_boolean(std::string_view text);
std::optional<std::int64_t> parse_integer(std::string_view text);

}  // namespace storyloom::app
