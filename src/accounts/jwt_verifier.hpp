// Verifies bearer JWTs from one configured external issuer (Clerk, Auth0, Cognito shaped):
// compact JWS, alg RS256 or ES256 only (never "none" or HMAC, and the key's type must match
// the alg, so a public key cannot be used as an HMAC secret), signature by the JWKS key named
// in "kid", then iss (exact), aud (string or array containing ours), exp (required) and nbf,
// each with `leeway_seconds` for clock skew.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "accounts/jwks.hpp"
#include "core/clock.hpp"
#include "core/error.hpp"

namespace storyloom::accounts {

struct ExternalIdentityConfig {
  std::string issuer;          // e.g. "https://example.us.auth0.com/"; empty disables the feature
  std::string audience;        // our API identifier at the provider
  std::string jwks;            // file path or http(s) URL
  std::int64_t leeway_seconds = 60;
};

struct VerifiedClaims {
  std::string issuer;
  std::string subject;
  std::optional<std::string> email;
  bool email_verified = false;
  std::optional<std::string> name;
  nlohmann::json all;
};

class JwtVerifier {
 public:
  JwtVerifier(ExternalIdentityConfig config, JwksSource& keys, const core::Clock& clock)
      : config_(std::move(config)), keys_(keys), clock_(clock) {}

  // unauthenticated with codes jwt_malformed, jwt_alg_unsupported, jwt_signature_invalid,
  // jwt_key_unknown, jwt_issuer_invalid, jwt_audience_invalid, jwt_expired, jwt_not_yet_valid.
  core::Result<VerifiedClaims> verify(std::string_view token);

  // A cheap guess used to route a bearer token: three base64url segments, not a session token.
  static bool looks_like_jwt(std::string_view token);

 private:
  core::Result<void> check_claims(const nlohmann::json& claims) const;
  ExternalIdentityConfig config_;
  JwksSource& keys_;
  const core::Clock& clock_;
};

// RS256 / ES256 signature check over `signing_input` with a JWK public key. ES256 signatures
// are JOSE raw r||s (64 bytes), converted to DER for OpenSSL.
bool verify_jws_signature(std::string_view alg, const JwkKey& key, std::string_view signing_input,
                          std::string_view signature);

}  // namespace storyloom::accounts
