#include "fixture.hpp"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ecdsa.h>
#include <openssl/evp.h>

#include "accounts/jwks.hpp"
#include "accounts/jwt_verifier.hpp"
#include "core/crypto.hpp"

using namespace storyloom;
using namespace storyloom::accounts;
using accounts::testing::World;

namespace {

using Key = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;

std::string bn_param(EVP_PKEY* k, const char* name) {
  BIGNUM* bn = nullptr;
  EVP_PKEY_get_bn_param(k, name, &bn);
  std::string out(static_cast<std::size_t>(BN_num_bytes(bn)), '\0');
  BN_bn2bin(bn, reinterpret_cast<unsigned char*>(out.data()));
  BN_free(bn);
  return out;
}

nlohmann::json rsa_jwk(EVP_PKEY* k, const std::string& kid) {
  return {{"kty", "RSA"}, {"kid", kid}, {"use", "sig"}, {"alg", "RS256"},
          {"n", core::base64url_encode(bn_param(k, OSSL_PKEY_PARAM_RSA_N))},
          {"e", core::base64url_encode(bn_param(k, OSSL_PKEY_PARAM_RSA_E))}};
}

nlohmann::json ec_jwk(EVP_PKEY* k, const std::string& kid) {
  unsigned char point[65];
  std::size_t len = 0;
  EVP_PKEY_get_octet_string_param(k, OSSL_PKEY_PARAM_PUB_KEY, point, sizeof point, &len);
  const std::string p(reinterpret_cast<char*>(point), len);
  return {{"kty", "EC"}, {"kid", kid}, {"crv", "P-256"},
          {"x", core::base64url_encode(p.substr(1, 32))}, {"y", core::base64url_encode(p.substr(33, 32))}};
}

std::string sign(EVP_PKEY* k, const std::string& alg, const std::string& kid, const nlohmann::json& claims) {
  const std::string input = core::base64url_encode(nlohmann::json{{"alg", alg}, {"typ", "JWT"}, {"kid", kid}}.dump()) +
                            "." + core::base64url_encode(claims.dump());
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, k);
  std::size_t len = 0;
  EVP_DigestSign(ctx.get(), nullptr, &len, reinterpret_cast<const unsigned char*>(input.data()), input.size());
  std::string sig(len, '\0');
  EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(sig.data()), &len,
                 reinterpret_cast<const unsigned char*>(input.data()), input.size());
  sig.resize(len);
  if (alg == "ES256") {  // DER -> JOSE r||s
    const unsigned char* p = reinterpret_cast<const unsigned char*>(sig.data());
    ECDSA_SIG* s = d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(sig.size()));
    std::string raw(64, '\0');
    BN_bn2binpad(ECDSA_SIG_get0_r(s), reinterpret_cast<unsigned char*>(raw.data()), 32);
    BN_bn2binpad(ECDSA_SIG_get0_s(s), reinterpret_cast<unsigned char*>(raw.data()) + 32, 32);
    ECDSA_SIG_free(s);
    sig = raw;
  }
  return input + "." + core::base64url_encode(sig);
}

struct Provider {
  Key rsa{EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", static_cast<size_t>(2048)), &EVP_PKEY_free};
  Key ec{EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"), &EVP_PKEY_free};
  Key stranger{EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"), &EVP_PKEY_free};
  std::filesystem::path jwks_file;
  explicit Provider(const std::filesystem::path& dir) : jwks_file(dir / "jwks.json") {
    std::ofstream(jwks_file) << nlohmann::json{{"keys", {rsa_jwk(rsa.get(), "r1"), ec_jwk(ec.get(), "e1")}}}.dump();
  }
  nlohmann::json claims(std::int64_t now) const {
    return {{"iss", "https://id.example.com/"}, {"aud", "storyloom-api"}, {"sub", "user|42"},
            {"exp", now + 300}, {"nbf", now - 5}, {"email", "Kim@Example.com"}, {"email_verified", true}};
  }
};

ExternalIdentityConfig config_for(const Provider& p) {
  return {"https://id.example.com/", "storyloom-api", p.jwks_file.string(), 60};
}

}  // namespace

TEST(Jwt, AcceptsRs256AndEs256FromTheConfiguredIssuer) {
  accounts::testing::TempDir dir;
  core::ManualClock clock;
  Provider p(dir.path);
  JwksSource keys(p.jwks_file.string(), nullptr, clock);
  JwtVerifier verifier(config_for(p), keys, clock);
  const auto now = clock.unix_seconds();
  auto rs = verifier.verify(sign(p.rsa.get(), "RS256", "r1", p.claims(now)));
  ASSERT_TRUE(rs.has_value()) << rs.error().code;
  EXPECT_EQ(rs->subject, "user|42");
  EXPECT_TRUE(rs->email_verified);
  auto es = verifier.verify(sign(p.ec.get(), "ES256", "e1", p.claims(now)));
  ASSERT_TRUE(es.has_value()) << es.error().code;
  auto aud_list = p.claims(now);
  aud_list["aud"] = {"other", "storyloom-api"};
  EXPECT_TRUE(verifier.verify(sign(p.ec.get(), "ES256", "e1", aud_list)).has_value());
}

TEST(Jwt, RefusesForgeriesAndWrongClaims) {
  accounts::testing::TempDir dir;
  core::ManualClock clock;
  Provider p(dir.path);
  JwksSource keys(p.jwks_file.string(), nullptr, clock);
  JwtVerifier verifier(config_for(p), keys, clock);
  const auto now = clock.unix_seconds();
  auto code = [&](const std::string& token) { return verifier.verify(token).error().code; };
  auto with = [&](const std::string& k, nlohmann::json v) {
    auto c = p.claims(now);
    if (v.is_null()) c.erase(k);
    else c[k] = v;
    return sign(p.ec.get(), "ES256", "e1", c);
  };
  EXPECT_EQ(code(sign(p.stranger.get(), "ES256", "e1", p.claims(now))), "jwt_signature_invalid");
  EXPECT_EQ(code(sign(p.ec.get(), "ES256", "r1", p.claims(now))), "jwt_signature_invalid");  // key type mismatch
  EXPECT_EQ(code(sign(p.ec.get(), "ES256", "nope", p.claims(now))), "jwt_key_unknown");
  EXPECT_EQ(code(with("iss", "https://evil.example.com/")), "jwt_issuer_invalid");
  EXPECT_EQ(code(with("aud", "someone-else")), "jwt_audience_invalid");
  EXPECT_EQ(code(with("exp", now - 61)), "jwt_expired");
  EXPECT_TRUE(verifier.verify(with("exp", now - 59)).has_value());  // within the leeway
  EXPECT_EQ(code(with("exp", nullptr)), "jwt_malformed");
  EXPECT_EQ(code(with("nbf", now + 61)), "jwt_not_yet_valid");
  EXPECT_EQ(code(with("sub", "")), "jwt_malformed");
  // alg=none and HS256 with the public key as secret are refused before any key is used.
  const std::string none = core::base64url_encode(R"({"alg":"none","kid":"e1"})") + "." +
                           core::base64url_encode(p.claims(now).dump()) + ".";
  EXPECT_EQ(code(none), "jwt_alg_unsupported");
  const std::string hs = core::base64url_encode(R"({"alg":"HS256","kid":"r1"})") + "." +
                         core::base64url_encode(p.claims(now).dump()) + ".c2ln";
  EXPECT_EQ(code(hs), "jwt_alg_unsupported");
  EXPECT_EQ(code("a.b"), "jwt_malformed");
  EXPECT_EQ(code(std::string(9000, 'a')), "jwt_malformed");
  // A tampered payload breaks the signature.
  std::string good = sign(p.rsa.get(), "RS256", "r1", p.claims(now));
  const auto d1 = good.find('.'), d2 = good.rfind('.');
  auto tampered = p.claims(now);
  tampered["sub"] = "admin";
  EXPECT_EQ(code(good.substr(0, d1 + 1) + core::base64url_encode(tampered.dump()) + good.substr(d2)),
            "jwt_signature_invalid");
}

TEST(ExternalIdentity, FirstTokenCreatesTheUserAndLaterTokensFindIt) {
  World w;
  Provider p(w.dir.path);
  JwksSource keys(p.jwks_file.string(), nullptr, w.clock);
  JwtVerifier verifier(config_for(p), keys, w.clock);
  auto common = CommonPasswords::load(accounts::testing::catalog_dir() / "common-passwords.txt").value();
  Accounts accounts(w.config, PasswordHasher(w.config.password, common),
                    MailTemplates::load(accounts::testing::catalog_dir() / "mail").value(),
                    AccountsDeps{w.db, w.clock, w.mailer, w.registry, nullptr, &verifier});
  const auto now = w.clock.unix_seconds();
  auto first = accounts.authenticate(sign(p.ec.get(), "ES256", "e1", p.claims(now))).value();
  EXPECT_EQ(first.user.email, "kim@example.com");
  EXPECT_TRUE(first.session.id.empty());
  auto again = accounts.authenticate(sign(p.rsa.get(), "RS256", "r1", p.claims(now))).value();
  EXPECT_EQ(again.user.id, first.user.id);
  auto conn = w.db->acquire().value();
  EXPECT_EQ(conn->query_one("SELECT balance FROM credit_balances WHERE user_id = $1", {first.user.id}).value()->integer("balance"), 3);
}

TEST(ExternalIdentity, LinksAnExistingMemberOnlyByAVerifiedEmail) {
  World w;
  auto member = w.sign_up("kim@example.com");
  Provider p(w.dir.path);
  JwksSource keys(p.jwks_file.string(), nullptr, w.clock);
  JwtVerifier verifier(config_for(p), keys, w.clock);
  Accounts accounts(w.config, PasswordHasher(w.config.password, {}),
                    MailTemplates::load(accounts::testing::catalog_dir() / "mail").value(),
                    AccountsDeps{w.db, w.clock, w.mailer, w.registry, nullptr, &verifier});
  const auto now = w.clock.unix_seconds();
  auto unverified = p.claims(now);
  unverified["email_verified"] = false;
  unverified["sub"] = "user|unverified";
  auto stranger = accounts.authenticate(sign(p.ec.get(), "ES256", "e1", unverified)).value();
  EXPECT_NE(stranger.user.id, member.user.id);
  EXPECT_FALSE(stranger.user.email.has_value());  // the address stays with its owner
  auto linked = accounts.authenticate(sign(p.ec.get(), "ES256", "e1", p.claims(now))).value();
  EXPECT_EQ(linked.user.id, member.user.id);
  // Session tokens keep working alongside.
  EXPECT_EQ(accounts.authenticate(member.session.token).value().user.id, member.user.id);
}
