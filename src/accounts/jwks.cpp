#include "accounts/jwks.hpp"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "core/crypto.hpp"
#include "net/http_client.hpp"

namespace storyloom::accounts {
namespace {

using Bn = std::unique_ptr<BIGNUM, decltype(&BN_free)>;

std::optional<std::string> b64_member(const nlohmann::json& jwk, const char* name) {
  if (!jwk.contains(name) || !jwk[name].is_string()) return std::nullopt;
  return core::base64url_decode(jwk[name].get<std::string>());
}

PublicKey from_params(const char* type, OSSL_PARAM_BLD* bld) {
  std::unique_ptr<OSSL_PARAM, decltype(&OSSL_PARAM_free)> params(OSSL_PARAM_BLD_to_param(bld), &OSSL_PARAM_free);
  std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> ctx(EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr),
                                                                 &EVP_PKEY_CTX_free);
  EVP_PKEY* key = nullptr;
  if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1 ||
      EVP_PKEY_fromdata(ctx.get(), &key, EVP_PKEY_PUBLIC_KEY, params.get()) != 1)
    return nullptr;
  return PublicKey(key, &EVP_PKEY_free);
}

PublicKey rsa_key(const nlohmann::json& jwk) {
  auto n = b64_member(jwk, "n"), e = b64_member(jwk, "e");
  if (!n || !e || n->size() < 256) return nullptr;  // RSA below 2048 bits is refused
  Bn bn_n(BN_bin2bn(reinterpret_cast<const unsigned char*>(n->data()), static_cast<int>(n->size()), nullptr), &BN_free);
  Bn bn_e(BN_bin2bn(reinterpret_cast<const unsigned char*>(e->data()), static_cast<int>(e->size()), nullptr), &BN_free);
  std::unique_ptr<OSSL_PARAM_BLD, decltype(&OSSL_PARAM_BLD_free)> bld(OSSL_PARAM_BLD_new(), &OSSL_PARAM_BLD_free);
  if (!bn_n || !bn_e || !bld || OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_N, bn_n.get()) != 1 ||
      OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_E, bn_e.get()) != 1)
    return nullptr;
  return from_params("RSA", bld.get());
}

PublicKey ec_key(const nlohmann::json& jwk) {
  if (jwk.value("crv", "") != "P-256") return nullptr;
  auto x = b64_member(jwk, "x"), y = b64_member(jwk, "y");
  if (!x || !y || x->size() != 32 || y->size() != 32) return nullptr;
  const std::string point = std::string(1, '\x04') + *x + *y;  // uncompressed SEC1 point
  std::unique_ptr<OSSL_PARAM_BLD, decltype(&OSSL_PARAM_BLD_free)> bld(OSSL_PARAM_BLD_new(), &OSSL_PARAM_BLD_free);
  if (!bld || OSSL_PARAM_BLD_push_utf8_string(bld.get(), OSSL_PKEY_PARAM_GROUP_NAME, "prime256v1", 0) != 1 ||
      OSSL_PARAM_BLD_push_octet_string(bld.get(), OSSL_PKEY_PARAM_PUB_KEY, point.data(), point.size()) != 1)
    return nullptr;
  return from_params("EC", bld.get());
}

}  // namespace

core::Result<std::map<std::string, JwkKey>> parse_jwks(const nlohmann::json& document) {
  if (!document.is_object() || !document.contains("keys") || !document["keys"].is_array())
    return core::fail(core::ErrorKind::invalid_argument, "jwks_invalid", "The key set has no \"keys\" array.");
  std::map<std::string, JwkKey> out;
  for (const auto& jwk : document["keys"]) {
    if (!jwk.is_object() || !jwk.contains("kid") || !jwk["kid"].is_string()) continue;
    if (jwk.contains("use") && jwk["use"] != "sig") continue;
    const std::string kty = jwk.value("kty", "");
    PublicKey key = kty == "RSA" ? rsa_key(jwk) : kty == "EC" ? ec_key(jwk) : nullptr;
    if (key) out[jwk["kid"].get<std::string>()] = JwkKey{kty, key};
  }
  return out;
}

JwksSource::JwksSource(std::string location, const net::HttpClient* http, const core::Clock& clock,
                       std::chrono::seconds cache_for, std::chrono::seconds refetch_every)
    : location_(std::move(location)), http_(http), clock_(clock), cache_for_(cache_for), refetch_every_(refetch_every) {}

core::Result<void> JwksSource::load() {
  attempted_at_ = clock_.unix_seconds();
  nlohmann::json document;
  if (location_.starts_with("http://") || location_.starts_with("https://")) {
    if (!http_) return core::fail(core::ErrorKind::unavailable, "jwks_unavailable", "No HTTP client for the JWKS URL.");
    auto fetched = http_->get_json(location_);
    if (!fetched)
      return core::fail(core::ErrorKind::unavailable, "jwks_unavailable",
                        fmt::format("Cannot fetch the identity provider's keys: {}", fetched.error().message));
    document = *fetched;
  } else {
    std::ifstream in(location_);
    std::stringstream text;
    text << in.rdbuf();
    document = nlohmann::json::parse(text.str(), nullptr, false);
    if (!in || document.is_discarded())
      return core::fail(core::ErrorKind::unavailable, "jwks_unavailable",
                        fmt::format("Cannot read the key set file {}.", location_));
  }
  auto keys = parse_jwks(document);
  if (!keys) return std::unexpected(keys.error());
  keys_ = std::move(*keys);
  loaded_at_ = clock_.unix_seconds();
  return {};
}

core::Result<JwkKey> JwksSource::key(const std::string& kid) {
  std::lock_guard lock(mutex_);
  const std::int64_t now = clock_.unix_seconds();
  const bool stale = now - loaded_at_ >= cache_for_.count();
  const bool may_refetch = now - attempted_at_ >= refetch_every_.count();
  if ((stale || !keys_.contains(kid)) && may_refetch) {
    auto loaded = load();
    if (!loaded && keys_.empty()) return std::unexpected(loaded.error());  // else keep serving the cached keys
  }
  auto it = keys_.find(kid);
  if (it == keys_.end())
    return core::fail(core::ErrorKind::unauthenticated, "jwt_key_unknown", "The token was signed with an unknown key.");
  return it->second;
}

}  // namespace storyloom::accounts
