#include "commerce/timestamped_signature.hpp"

#include <charconv>
#include <vector>

#include <fmt/format.h>

#include "commerce/payment_provider.hpp"
#include "core/crypto.hpp"

namespace storyloom::commerce {
namespace {

struct ParsedHeader {
  std::int64_t timestamp = -1;
  std::vector<std::string_view> v1;
};

// Split on ',' then on the first '=' (stripe-node parseHeader); unknown schemes (v0) are skipped.
ParsedHeader parse_header(std::string_view header) {
  ParsedHeader parsed;
  while (!header.empty()) {
    const auto comma = header.find(',');
    std::string_view item = header.substr(0, comma);
    header = comma == std::string_view::npos ? std::string_view{} : header.substr(comma + 1);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    const auto eq = item.find('=');
    if (eq == std::string_view::npos) continue;
    const std::string_view key = item.substr(0, eq), value = item.substr(eq + 1);
    if (key == "t") {
      std::int64_t t = 0;
      const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), t);
      if (ec == std::errc{} && end == value.data() + value.size() && !value.empty()) parsed.timestamp = t;
    } else if (key == "v1") {
      parsed.v1.push_back(value);
    }
  }
  return parsed;
}

}  // namespace

std::string sign_timestamped(std::string_view body, std::string_view secret, std::int64_t t) {
  const std::string signed_payload = fmt::format("{}.{}", t, body);
  return fmt::format("t={},v1={}", t, core::to_hex(core::hmac_sha256(secret, signed_payload)));
}

core::Result<void> verify_timestamped_signature(std::string_view header, std::string_view body,
                                                std::string_view secret, std::int64_t now,
                                                std::chrono::seconds tolerance) {
  if (secret.empty()) return std::unexpected(signature_invalid("no webhook secret is configured"));
  const ParsedHeader parsed = parse_header(header);
  if (parsed.timestamp < 0 || parsed.v1.empty())
    return std::unexpected(signature_invalid("signature header missing or malformed"));
  const std::string expected =
      core::to_hex(core::hmac_sha256(secret, fmt::format("{}.{}", parsed.timestamp, body)));
  bool matched = false;
  for (const auto candidate : parsed.v1) matched |= core::constant_time_equal(expected, candidate);
  if (!matched) return std::unexpected(signature_invalid("no signature matches"));
  // Checked after the HMAC so an attacker learns nothing about timing rules from forged headers.
  if (now - parsed.timestamp > tolerance.count())
    return std::unexpected(signature_invalid("timestamp too old"));
  if (parsed.timestamp - now > tolerance.count())
    return std::unexpected(signature_invalid("timestamp in the future"));
  return {};
}

}  // namespace storyloom::commerce
