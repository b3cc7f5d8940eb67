#include "app/validators.hpp"
#include "core/text.hpp"

#include <charconv>
#include <vector>

#include <fmt/format.h>

#include "http/headers.hpp"

namespace storyloom::app {

namespace {
bool is_origin(std::string_view o) {
  const auto scheme_end = o.find("://");
  if (scheme_end == std::string_view::npos) return false;
  const auto scheme = o.substr(0, scheme_end);
  const auto rest = o.substr(scheme_end + 3);
  return (scheme == "http" || scheme == "https") && !rest.empty() && rest.find('/') == std::string_view::npos;
}
}  // namespace

std::optional<std::int64_t> parse_integer(std::string_view text) {
  std::int64_t value = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<std::uint64_t> parse_byte_size(std::string_view text) {
  std::uint64_t value = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc()) return std::nullopt;
  const std::string_view unit = core::trim(std::string_view(ptr, text.data() + text.size() - ptr));
  std::uint64_t factor = 1;
  if (unit.empty() || unit == "B") factor = 1;
  else if (unit == "k" || unit == "K" || unit == "KiB" || unit == "KB") factor = 1ull << 10;
  else if (unit == "m" || unit == "M" || unit == "MiB" || unit == "MB") factor = 1ull << 20;
  else if (unit == "g" || unit == "G" || unit == "GiB" || unit == "GB") factor = 1ull << 30;
  else return std::nullopt;
  if (value > (UINT64_MAX / factor)) return std::nullopt;
  return value * factor;
}

std::optional<bool> parse_boolean(std::string_view text) {
  using http::iequals;
  if (iequals(text, "true") || text == "1" || iequals(text, "yes") || iequals(text, "on")) return true;
  if (iequals(text, "false") || text == "0" || iequals(text, "no") || iequals(text, "off")) return false;
  return std::nullopt;
}

Validator integer_between(std::int64_t min, std::int64_t max) {
  return [=](std::string_view v) -> std::optional<std::string> {
    const auto n = parse_integer(v);
    if (n && *n >= min && *n <= max) return std::nullopt;
    return fmt::format("must be a whole number from {} to {}", min, max);
  };
}

Validator byte_size(std::uint64_t min) {
  return [=](std::string_view v) -> std::optional<std::string> {
    const auto n = parse_byte_size(v);
    if (n && *n >= min) return std::nullopt;
    return fmt::format("must be a size in bytes of at least {} (like 1048576, 512KiB or 16MiB)", min);
  };
}

Validator one_of(std::initializer_list<std::string_view> choices) {
  std::vector<std::string> options(choices.begin(), choices.end());
  return [options](std::string_view v) -> std::optional<std::string> {
    for (const auto& o : options)
      if (o == v) return std::nullopt;
    return fmt::format("must be one of: {}", fmt::join(options, ", "));
  };
}

Validator non_empty() {
  return [](std::string_view v) -> std::optional<std::string> {
    if (!core::trim(v).empty()) return std::nullopt;
    return "must not be empty";
  };
}

Validator boolean_value() {
  return [](std::string_view v) -> std::optional<std::string> {
    if (parse_boolean(v)) return std::nullopt;
    return "must be true or false";
  };
}

Validator http_url(bool allow_empty) {
  return [=](std::string_view v) -> std::optional<std::string> {
    if (v.empty() && allow_empty) return std::nullopt;
    const bool scheme = v.starts_with("http://") || v.starts_with("https://");
    if (scheme && !v.ends_with('/') && v.find_first_of(" \t") == std::string_view::npos && v.find("://") + 3 < v.size())
      return std::nullopt;
    return "must be an http:// or https:// URL without a trailing slash";
  };
}

Validator origin_list() {
  return [](std::string_view v) -> std::optional<std::string> {
    std::size_t start = 0;
    while (start <= v.size()) {
      const auto comma = v.find(',', start);
      const auto item = core::trim(v.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
      if (!item.empty() && item != "*" && !is_origin(item))
        return fmt::format("must be a comma-separated list of origins like https://shop.example (bad: '{}')", item);
      if (comma == std::string_view::npos) break;
      start = comma + 1;
    }
    return std::nullopt;
  };
}

Validator host_name() {
  return [](std::string_view v) -> std::optional<std::string> {
    const bool ok = !v.empty() && v.size() <= 253 && v.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:[]") == std::string_view::npos;
    if (ok) return std::nullopt;
    return "must be an IP address or host name";
  };
}

}  // namespace storyloom::app
