#include "core/crypto.hpp"

#include <gtest/gtest.h>

using namespace storyloom::core;

TEST(Crypto, HmacSha256MatchesRfc4231Case2) {
  EXPECT_EQ(to_hex(hmac_sha256("Jefe", "what do ya want for nothing?")),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(Crypto, Base64RoundTripsEveryLength) {
  std::string data;
  for (int i = 0; i < 40; ++i) {
    EXPECT_EQ(base64_decode(base64_encode(data)).value(), data);
    EXPECT_EQ(base64url_decode(base64url_encode(data)).value(), data);
    data += static_cast<char>(i * 37);
  }
}

TEST(Crypto, Base64RejectsGarbage) {
  EXPECT_FALSE(base64_decode("abc").has_value());
  EXPECT_FALSE(base64url_decode("ab+c").has_value());
}

TEST(Crypto, HexRoundTripsAndRejectsOddInput) {
  EXPECT_EQ(from_hex(to_hex("\x01\xff hi")).value(), "\x01\xff hi");
  EXPECT_FALSE(from_hex("abc").has_value());
  EXPECT_FALSE(from_hex("zz").has_value());
}

TEST(Crypto, ConstantTimeEqualComparesContentAndLength) {
  EXPECT_TRUE(constant_time_equal("secret", "secret"));
  EXPECT_FALSE(constant_time_equal("secret", "secreT"));
  EXPECT_FALSE(constant_time_equal("secret", "secret2"));
}
