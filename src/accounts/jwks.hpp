// JSON Web Key Sets (RFC 7517) of an external identity provider: RSA keys (for RS256) and
// P-256 EC keys (for ES256), by key id. Keys of other types, curves or uses are skipped.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include <nlohmann/json.hpp>

#include "core/clock.hpp"
#include "core/error.hpp"

typedef struct evp_pkey_st EVP_PKEY;

namespace storyloom::net {
class HttpClient;
}

namespace storyloom::accounts {

using PublicKey = std::shared_ptr<EVP_PKEY>;

struct JwkKey {
  std::string kty;  // "RSA" | "EC"
  PublicKey key;
};

// invalid_argument (jwks_invalid) when the document is not a key set; usable keys may be zero.
core::Result<std::map<std::string, JwkKey>> parse_jwks(const nlohmann::json& document);

// Where keys come from: a file path, or an http(s) URL fetched with net::HttpClient. Cached for
// `cache_for`; an unknown key id triggers one refetch at most every `refetch_every` (providers
// rotate keys; attackers must not turn us into a fetch amplifier). Thread-safe.
class JwksSource {
 public:
  JwksSource(std::string location, const net::HttpClient* http, const core::Clock& clock,
             std::chrono::seconds cache_for = std::chrono::hours(1),
             std::chrono::seconds refetch_every = std::chrono::minutes(1));

  // unauthenticated (jwt_key_unknown) when no key has this id even after a refetch;
  // unavailable (jwks_unavailable) when the keys cannot be loaded at all.
  core::Result<JwkKey> key(const std::string& kid);

 private:
  core::Result<void> load();

  std::string location_;
  const net::HttpClient* http_;
  const core::Clock& clock_;
  std::chrono::seconds cache_for_, refetch_every_;
  std::mutex mutex_;
  std::map<std::string, JwkKey> keys_;
  std::int64_t loaded_at_ = 0;
  std::int64_t attempted_at_ = -1'000'000;
};

}  // namespace storyloom::accounts
