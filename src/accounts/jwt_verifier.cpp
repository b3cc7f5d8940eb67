#include "accounts/jwt_verifier.hpp"

#include <openssl/bn.h>
#include <openssl/ecdsa.h>
#include <openssl/evp.h>

#include <algorithm>

#include "core/crypto.hpp"

namespace storyloom::accounts {
namespace {

constexpr std::size_t kMaxTokenBytes = 8192;

core::Error refused(std::string code, std::string message) {
  return core::Error{core::ErrorKind::unauthenticated, std::move(code), std::move(message)};
}

std::optional<std::string> raw_to_der_ecdsa(std::string_view raw) {
  if (raw.size() != 64) return std::nullopt;
  ECDSA_SIG* sig = ECDSA_SIG_new();
  BIGNUM* r = BN_bin2bn(reinterpret_cast<const unsigned char*>(raw.data()), 32, nullptr);
  BIGNUM* s = BN_bin2bn(reinterpret_cast<const unsigned char*>(raw.data()) + 32, 32, nullptr);
  if (!sig || !r || !s || ECDSA_SIG_set0(sig, r, s) != 1) {
    BN_free(r), BN_free(s), ECDSA_SIG_free(sig);
    return std::nullopt;
  }
  unsigned char* der = nullptr;
  const int len = i2d_ECDSA_SIG(sig, &der);
  ECDSA_SIG_free(sig);
  if (len <= 0) return std::nullopt;
  std::string out(reinterpret_cast<char*>(der), static_cast<std::size_t>(len));
  OPENSSL_free(der);
  return out;
}

std::optional<nlohmann::json> decode_segment(std::string_view segment) {
  auto bytes = core::base64url_decode(segment);
  if (!bytes) return std::nullopt;
  auto json = nlohmann::json::parse(*bytes, nullptr, false);
  if (json.is_discarded() || !json.is_object()) return std::nullopt;
  return json;
}

bool audience_matches(const nlohmann::json& aud, const std::string& ours) {
  if (aud.is_string()) return aud.get<std::string>() == ours;
  if (aud.is_array())
    return std::any_of(aud.begin(), aud.end(), [&](const auto& a) { return a.is_string() && a.template get<std::string>() == ours; });
  return false;
}

}  // namespace

bool verify_jws_signature(std::string_view alg, const JwkKey& key, std::string_view signing_input,
                          std::string_view signature) {
  std::string sig(signature);
  if (alg == "RS256") {
    if (key.kty != "RSA") return false;
  } else if (alg == "ES256") {
    if (key.kty != "EC") return false;
    auto der = raw_to_der_ecdsa(signature);
    if (!der) return false;
    sig = *der;
  } else {
    return false;
  }
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key.key.get()) != 1) return false;
  return EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(sig.data()), sig.size(),
                          reinterpret_cast<const unsigned char*>(signing_input.data()), signing_input.size()) == 1;
}

bool JwtVerifier::looks_like_jwt(std::string_view token) {
  return std::count(token.begin(), token.end(), '.') == 2 && token.starts_with("eyJ");
}

core::Result<void> JwtVerifier::check_claims(const nlohmann::json& c) const {
  const std::int64_t now = clock_.unix_seconds();
  if (!c.contains("iss") || c["iss"] != config_.issuer)
    return std::unexpected(refused("jwt_issuer_invalid", "The token is from another issuer."));
  if (!c.contains("aud") || !audience_matches(c["aud"], config_.audience))
    return std::unexpected(refused("jwt_audience_invalid", "The token is for another audience."));
  if (!c.contains("exp") || !c["exp"].is_number())
    return std::unexpected(refused("jwt_malformed", "The token has no expiry."));
  if (now >= c["exp"].get<std::int64_t>() + config_.leeway_seconds)
    return std::unexpected(refused("jwt_expired", "The token has expired."));
  if (c.contains("nbf") && (!c["nbf"].is_number() || now < c["nbf"].get<std::int64_t>() - config_.leeway_seconds))
    return std::unexpected(refused("jwt_not_yet_valid", "The token is not valid yet."));
  if (!c.contains("sub") || !c["sub"].is_string() || c["sub"].get<std::string>().empty() ||
      c["sub"].get<std::string>().size() > 255)
    return std::unexpected(refused("jwt_malformed", "The token names no subject."));
  return {};
}

core::Result<VerifiedClaims> JwtVerifier::verify(std::string_view token) {
  if (token.size() > kMaxTokenBytes) return std::unexpected(refused("jwt_malformed", "The token is too large."));
  const auto dot1 = token.find('.');
  const auto dot2 = dot1 == std::string_view::npos ? dot1 : token.find('.', dot1 + 1);
  if (dot2 == std::string_view::npos || token.find('.', dot2 + 1) != std::string_view::npos)
    return std::unexpected(refused("jwt_malformed", "The token is not a JWT."));
  auto header = decode_segment(token.substr(0, dot1));
  auto claims = decode_segment(token.substr(dot1 + 1, dot2 - dot1 - 1));
  auto signature = core::base64url_decode(token.substr(dot2 + 1));
  if (!header || !claims || !signature) return std::unexpected(refused("jwt_malformed", "The token is not a JWT."));
  const std::string alg = header->value("alg", "");
  if (alg != "RS256" && alg != "ES256")
    return std::unexpected(refused("jwt_alg_unsupported", "Only RS256 and ES256 tokens are accepted."));
  if (!header->contains("kid") || !(*header)["kid"].is_string())
    return std::unexpected(refused("jwt_malformed", "The token names no key."));
  auto key = keys_.key((*header)["kid"].get<std::string>());
  if (!key) return std::unexpected(key.error());
  if (!verify_jws_signature(alg, *key, token.substr(0, dot2), *signature))
    return std::unexpected(refused("jwt_signature_invalid", "The token's signature is not valid."));
  if (auto ok = check_claims(*claims); !ok) return std::unexpected(ok.error());
  VerifiedClaims out;
  out.issuer = (*claims)["iss"].get<std::string>();
  out.subject = (*claims)["sub"].get<std::string>();
  if (!claims->contains("email_verified")) (*claims)["email_verified"] = false;
  if (claims->contains("email") && (*claims)["email"].is_string()) out.email = (*claims)["email"].get<std::string>();
  const auto& verified = (*claims)["email_verified"];
  out.email_verified = verified.is_boolean() && verified.get<bool>();
  if (claims->contains("name") && (*claims)["name"].is_string()) out.name = (*claims)["name"].get<std::string>();
  out.all = std::move(*claims);
  return out;
}

}  // namespace storyloom::accounts
