#include "fixture.hpp"

#include "accounts/email_address.hpp"
#include "accounts/user_store.hpp"

using namespace storyloom;
using namespace storyloom::accounts;
using accounts::testing::World;

TEST(EmailAddress, NormalizesCaseAndSpacesAndRefusesMalformed) {
  EXPECT_EQ(normalize_email("  Anna.Smith+books@Example.COM ").value(), "anna.smith+books@example.com");
  for (const char* bad : {"", "anna", "anna@", "@example.com", "anna@example", "a b@example.com", "a@b@c.com",
                          "anna@example..com", "anna@.com", "anna@example.com.", "<a@b.com>"})
    EXPECT_FALSE(normalize_email(bad).has_value()) << bad;
}

TEST(Passwords, EnforcesLengthInCodePointsAndTheCommonList) {
  auto common = CommonPasswords::load(accounts::testing::catalog_dir() / "common-passwords.txt").value();
  EXPECT_GT(common.size(), 200u);
  PasswordHasher hasher(accounts::testing::cheap_policy(), common);
  EXPECT_EQ(hasher.check_rules("short").error().code, "password_too_short");
  EXPECT_EQ(hasher.check_rules(std::string(129, 'x')).error().code, "password_too_long");
  EXPECT_TRUE(hasher.check_rules(std::string(128, 'x')).has_value());
  EXPECT_EQ(hasher.check_rules("PassWord123").error().code, "password_too_common");
  EXPECT_EQ(hasher.check_rules("qwertyuiop").error().code, "password_too_common");
  EXPECT_EQ(hasher.check_rules("abc\xff\xfe" "defgh").error().code, "password_invalid");
  // Eight code points of three bytes each: long enough although only eight characters.
  EXPECT_TRUE(hasher.check_rules("日本語のパスワ一").has_value());
  EXPECT_EQ(hasher.check_rules("日本語のパスワ").error().code, "password_too_short");
}

TEST(Passwords, HashesWithArgon2idAndVerifies) {
  PasswordHasher hasher(accounts::testing::cheap_policy(), {});
  auto hash = hasher.hash("correct horse battery").value();
  EXPECT_TRUE(hash.starts_with("$argon2id$"));
  EXPECT_NE(hash, hasher.hash("correct horse battery").value());  // fresh salt each time
  EXPECT_TRUE(hasher.verify(hash, "correct horse battery"));
  EXPECT_FALSE(hasher.verify(hash, "correct horse batterY"));
  EXPECT_FALSE(hasher.needs_rehash(hash));
  PasswordPolicy stronger = accounts::testing::cheap_policy();
  stronger.opslimit = 3;
  EXPECT_TRUE(PasswordHasher(stronger, {}).needs_rehash(hash));
}

TEST(SignUp, CreatesAMemberWithTrialCreditsAndASession) {
  World w;
  auto s = w.sign_up(" Parent@Example.com");
  EXPECT_EQ(s.user.email, "parent@example.com");
  EXPECT_EQ(s.user.role, Role::customer);
  EXPECT_FALSE(s.session.token.empty());
  auto who = w.accounts->authenticate(s.session.token).value();
  EXPECT_EQ(who.user.id, s.user.id);
  auto again = w.accounts->sign_up("parent@example.com", "another good one", "", std::nullopt, w.origin);
  EXPECT_EQ(again.error().code, "email_taken");
  auto conn = w.db->acquire().value();
  EXPECT_EQ(conn->query_one("SELECT balance FROM credit_balances WHERE user_id = $1", {s.user.id})
                .value()->integer("balance"),
            3);
  // Only the digest is stored.
  EXPECT_FALSE(conn->query_one("SELECT 1 AS x FROM sessions WHERE token_hash = $1", {s.session.token}).value());
}

TEST(SignIn, AcceptsTheRightPasswordAndRefusesOthersTheSameWay) {
  World w;
  w.sign_up("a@example.com");
  EXPECT_TRUE(w.accounts->sign_in("A@example.com", "correct horse battery", w.origin).has_value());
  EXPECT_EQ(w.accounts->sign_in("a@example.com", "wrong password!", w.origin).error().code, "invalid_credentials");
  EXPECT_EQ(w.accounts->sign_in("nobody@example.com", "wrong password!", w.origin).error().code,
            "invalid_credentials");
  auto conn = w.db->acquire().value();
  auto failed = audit_log::list(*conn, {.event = "signin_failed"}).value();
  EXPECT_EQ(failed.size(), 2u);
  EXPECT_EQ(audit_log::list(*conn, {.event = "signin_succeeded"}).value().size(), 1u);
}

TEST(SignIn, ThrottlesGuessingButTheOwnerWaitsAtMostTheAccountCap) {
  World w;
  w.sign_up("a@example.com");
  RequestOrigin attacker{"203.0.113.9", "bot", ""};
  for (int i = 0; i < 5; ++i) EXPECT_EQ(w.accounts->sign_in("a@example.com", "guess guess", attacker).error().code, "invalid_credentials");
  // Sixth failure starts the backoff.
  EXPECT_EQ(w.accounts->sign_in("a@example.com", "guess guess", attacker).error().code, "invalid_credentials");
  auto throttled = w.accounts->sign_in("a@example.com", "correct horse battery", w.origin);
  ASSERT_FALSE(throttled.has_value());
  EXPECT_EQ(throttled.error().code, "signin_throttled");
  EXPECT_GE(throttled.error().details["retry_after"].get<int>(), 1);
  // Many more failures from the attacker (each after its wait) ...
  for (int i = 0; i < 10; ++i) {
    w.clock.advance(std::chrono::seconds(1000));
    (void)w.accounts->sign_in("a@example.com", "guess guess", attacker);
  }
  // ... keep the attacker's address waiting long, the owner from elsewhere at most 30 s.
  EXPECT_EQ(w.accounts->sign_in("a@example.com", "guess guess", attacker).error().code, "signin_throttled");
  w.clock.advance(std::chrono::seconds(31));
  EXPECT_TRUE(w.accounts->sign_in("a@example.com", "correct horse battery", w.origin).has_value());
  EXPECT_EQ(w.accounts->sign_in("a@example.com", "guess guess", attacker).error().code, "signin_throttled");
}

TEST(Sessions, ExpireWhenIdleAndAbsolutelyAndRefreshOnUse) {
  World w;
  w.config.session.idle_seconds = 3600;
  w.config.session.absolute_seconds = 3 * 3600;
  w.make();
  auto s = w.sign_up("a@example.com");
  for (int i = 0; i < 5; ++i) {
    w.clock.advance(std::chrono::minutes(50));  // each use moves the idle deadline
    if (i < 3) EXPECT_TRUE(w.accounts->authenticate(s.session.token).has_value()) << i;
    else EXPECT_EQ(w.accounts->authenticate(s.session.token).error().code, "session_invalid") << i;  // past 3 h
  }
  auto t = w.accounts->sign_in("a@example.com", "correct horse battery", w.origin).value();
  w.clock.advance(std::chrono::minutes(61));
  EXPECT_EQ(w.accounts->authenticate(t.session.token).error().code, "session_invalid");
  EXPECT_EQ(w.accounts->authenticate("not-a-token").error().code, "session_invalid");
}

TEST(Sessions, SignOutEndsOneAndSignOutEverywhereEndsAll) {
  World w;
  auto a = w.sign_up("a@example.com");
  auto b = w.accounts->sign_in("a@example.com", "correct horse battery", w.origin).value();
  auto c = w.accounts->sign_in("a@example.com", "correct horse battery", w.origin).value();
  ASSERT_TRUE(w.accounts->sign_out(w.accounts->authenticate(a.session.token).value()));
  EXPECT_FALSE(w.accounts->authenticate(a.session.token).has_value());
  EXPECT_TRUE(w.accounts->authenticate(b.session.token).has_value());
  EXPECT_EQ(w.accounts->sign_out_everywhere(w.accounts->authenticate(b.session.token).value(), w.origin).value(), 2);
  EXPECT_FALSE(w.accounts->authenticate(b.session.token).has_value());
  EXPECT_FALSE(w.accounts->authenticate(c.session.token).has_value());
}

TEST(Passwords, ChangeKeepsThisSessionAndEndsTheOthers) {
  World w;
  auto a = w.sign_up("a@example.com");
  auto b = w.accounts->sign_in("a@example.com", "correct horse battery", w.origin).value();
  auto who = w.accounts->authenticate(a.session.token).value();
  EXPECT_EQ(w.accounts->change_password(who, "wrong one!", "new secret words", w.origin).error().code, "password_wrong");
  EXPECT_EQ(w.accounts->change_password(who, "correct horse battery", "password1", w.origin).error().code,
            "password_too_common");
  ASSERT_TRUE(w.accounts->change_password(who, "correct horse battery", "new secret words", w.origin));
  EXPECT_TRUE(w.accounts->authenticate(a.session.token).has_value());
  EXPECT_FALSE(w.accounts->authenticate(b.session.token).has_value());
  EXPECT_TRUE(w.accounts->sign_in("a@example.com", "new secret words", w.origin).has_value());
}

TEST(Passwords, ResetByMailedSingleUseExpiringToken) {
  World w;
  auto a = w.sign_up("a@example.com");
  ASSERT_TRUE(w.accounts->request_password_reset("nobody@example.com", w.origin));
  EXPECT_TRUE(w.outbox().empty());  // same answer, no mail
  ASSERT_TRUE(w.accounts->request_password_reset("A@Example.com", w.origin));
  ASSERT_EQ(w.outbox().size(), 1u);
  const std::string mail = accounts::testing::read_file(w.outbox().back());
  EXPECT_NE(mail.find("To: a@example.com\r\n"), std::string::npos);
  EXPECT_NE(mail.find("Subject: Reset your Storyloom password\r\n"), std::string::npos);
  const std::string token = w.last_mailed_token();
  ASSERT_GT(token.size(), 30u);
  EXPECT_EQ(w.accounts->reset_password(token, "short", w.origin).error().code, "password_too_short");
  ASSERT_TRUE(w.accounts->reset_password(token, "brand new words", w.origin));  // the refusal did not use it
  EXPECT_EQ(w.accounts->reset_password(token, "other new words", w.origin).error().code, "token_invalid");
  EXPECT_FALSE(w.accounts->authenticate(a.session.token).has_value());  // every session ended
  EXPECT_TRUE(w.accounts->sign_in("a@example.com", "brand new words", w.origin).has_value());
  ASSERT_TRUE(w.accounts->request_password_reset("a@example.com", w.origin));
  w.clock.advance(std::chrono::seconds(w.config.reset_token_seconds + 1));
  EXPECT_EQ(w.accounts->reset_password(w.last_mailed_token(), "late new words", w.origin).error().code,
            "token_invalid");
}

TEST(Roles, GrantAdminByEmailIsAudited) {
  World w;
  w.sign_up("owner@example.com");
  EXPECT_EQ(w.accounts->grant_role("nobody@example.com", Role::admin, w.origin).error().code, "user_not_found");
  auto u = w.accounts->grant_role("Owner@example.com", Role::admin, w.origin).value();
  EXPECT_TRUE(u.is_admin());
  auto conn = w.db->acquire().value();
  auto events = audit_log::list(*conn, {.event = "role_changed"}).value();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].event.details["role"], "admin");
}
