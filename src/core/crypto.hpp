// Small cryptographic and encoding helpers over OpenSSL and libsodium. All byte strings are
// std::string holding raw bytes unless the name says hex or base64.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace storyloom::core {

std::string random_bytes(std::size_t n);
std::string random_token(std::size_t bytes = 32);  // base64url, no padding

std::string sha256(std::string_view data);                           // raw 32 bytes
std::string hmac_sha256(std::string_view key, std::string_view data);  // raw 32 bytes
std::string hmac_sha1(std::string_view key, std::string_view data);    // raw 20 bytes

std::string to_hex(std::string_view bytes);  // lowercase
std::optional<std::string> from_hex(std::string_view hex);
std::string base64_encode(std::string_view bytes);
std::optional<std::string> base64_decode(std::string_view text);
std::string base64url_encode(std::string_view bytes);  // no padding
std::optional<std::string> base64url_decode(std::string_view text);

// Compares secrets without leaking where they differ; different lengths compare unequal.
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace storyloom::core
