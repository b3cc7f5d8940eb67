// Signs and checks links to blobs served by our own /files route:
//   /files/<key>?exp=<unix seconds>&sig=<hex HMAC-SHA256(secret, key "\n" exp)>
// The secret comes from configuration; a fresh install generates one into the data directory.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "core/error.hpp"

namespace storyloom::blob {

class UrlSigner {
 public:
  UrlSigner(std::string secret, const core::Clock& clock, std::string base_url = "")
      : secret_(std::move(secret)), clock_(clock), base_url_(std::move(base_url)) {}

  std::string sign(std::string_view key, std::chrono::seconds ttl) const;
  // forbidden (link_invalid / link_expired) unless the signature matches and has not expired.
  core::Result<void> verify(std::string_view key, std::string_view exp, std::string_view sig) const;

 private:
  std::string signature(std::string_view key, std::int64_t exp) const;
  std::string secret_;
  const core::Clock& clock_;
  std::string base_url_;
};

// Reads the signing secret from `path`, or creates it (32 random bytes, hex, mode 0600).
core::Result<std::string> load_or_create_secret(const std::string& path);

}  // namespace storyloom::blob
